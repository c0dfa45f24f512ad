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
  const diagnostics = capPerCode(applySeverities(applySilences(checkArticle(text, parsed, options), text, lines), options.severities));
  return { ...parsed, diagnostics, lines };
}

/** Past this many findings of one kind in one document, more say nothing new (one repeated tag line gave 49,999). */
export const MAX_PER_CODE = 200;

/** The first `MAX_PER_CODE` findings of each code, then one that counts the rest, where the next one was. */
function capPerCode(list: Diagnostic[]): Diagnostic[] {
  const counts = new Map<string, number>();
  let over = false;
  for (const d of list) {
    const n = (counts.get(d.code) ?? 0) + 1;
    counts.set(d.code, n);
    if (n > MAX_PER_CODE) over = true;
  }
  if (!over) return list;
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  for (const d of list) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= MAX_PER_CODE) out.push(d);
    else if (n === MAX_PER_CODE + 1) {
      out.push({ code: d.code, severity: d.severity, span: d.span, message: `${counts.get(d.code)! - MAX_PER_CODE} more findings like the ones before (${d.code}) in this article are not listed. The first: ${d.message}` });
    }
  }
  return out;
}
