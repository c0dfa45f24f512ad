/**
 * One document, analysed: the entry point the language server, the CLI and
 * the tests share. Pure: text and options in, tree and diagnostics out.
 */
import { checkArticle } from './check/layout';
import { applySeverities, type Diagnostic, type SeverityOverrides } from './diagnostics';
import type { ParseResult } from './syntax/ast';
import { parse } from './syntax/parse';
import { applySilences } from './check/suppress';
import { LineIndex } from './text';

export interface AnalyzeOptions {
  /** Current time in ms (for "date in the future"). */
  now: number;
  severities?: SeverityOverrides;
}

export interface Analysis extends ParseResult {
  diagnostics: Diagnostic[];
  lines: LineIndex;
}

export function analyze(text: string, options: AnalyzeOptions): Analysis {
  const parsed = parse(text);
  const lines = new LineIndex(text);
  const diagnostics = applySeverities(applySilences(checkArticle(text, parsed, options), text, lines), options.severities);
  return { ...parsed, diagnostics, lines };
}
