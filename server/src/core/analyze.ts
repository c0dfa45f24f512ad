/**
 * One document, analysed: the entry point the language server, the CLI and
 * the tests share. Pure: text and options in, tree and diagnostics out.
 */
import { checkArticle } from './check/layout';
import { applySeverities, type Diagnostic, type SeverityOverrides } from './diagnostics';
import type { ParseResult } from './syntax/ast';
import { parse } from './syntax/parse';

export interface AnalyzeOptions {
  /** Current time in ms (for "date in the future"). */
  now: number;
  severities?: SeverityOverrides;
}

export interface Analysis extends ParseResult {
  diagnostics: Diagnostic[];
}

export function analyze(text: string, options: AnalyzeOptions): Analysis {
  const parsed = parse(text);
  const diagnostics = applySeverities(checkArticle(text, parsed, options), options.severities);
  return { ...parsed, diagnostics };
}
