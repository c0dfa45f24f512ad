/**
 * Breach Desk's own protocol messages, beside standard LSP, declared once.
 * Each says who sends it and why.
 */
import type { TimelineData } from './timelineView';

/** Server → client: a (re-)index of the corpus started; the status bar spins. */
export const INDEXING = 'breachDesk/indexing';

/** Server → client: the corpus is indexed; the status bar shows the counts. */
export const INDEXED = 'breachDesk/indexed';
export interface IndexedParams {
  articles: number;
  entities?: number;
  skipped: number;
  ms: number;
}

/** Client → server: read every folder again (the "Re-index Articles" command). */
export const REINDEX = 'breachDesk/reindex';

/** Client → server: the timeline of the measure of the figure at a position, or null (the timeline view). */
export const TIMELINE = 'breachDesk/timeline';
export type TimelineResult = TimelineData | null;

/** Client → server: an indexed article's title, outlet, date and Link, or null ("Open Source Article"). */
export const ARTICLE = 'breachDesk/article';
export interface ArticleInfo {
  title: string;
  source: string | null;
  date: number | null;
  link: string | null;
}

/** Client → server: a new article's skeleton, as a snippet and as plain text ("New Article"). */
export const ARTICLE_SKELETON = 'breachDesk/articleSkeleton';
export interface ArticleSkeleton {
  snippet: string;
  plain: string;
}

/**
 * Client → server: check every article of the workspace folders and put the closed ones' problems in the Problems
 * panel (the "Check All Articles" command), with progress the user may cancel; answers with the counts.
 */
export const CHECK_ALL = 'breachDesk/checkAll';
export type { CheckAllResult } from '../../server/src/lsp/server';
