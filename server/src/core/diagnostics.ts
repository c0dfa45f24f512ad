/**
 * The core's diagnostic: plain data with offsets, converted to LSP or SARIF
 * only at the edges. A fix is a list of text edits computed when the problem
 * is found, so quick fixes never re-analyse.
 */
import { CODES, type Code, type Severity } from './codes';
import type { Span } from './text';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one fix an editor may apply without asking ("fix all"). */
  preferred?: boolean;
}

export interface RelatedInfo {
  /** Absent: the same document. */
  uri?: string;
  span: Span;
  message: string;
}

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  span: Span;
  related?: RelatedInfo[];
  fixes?: Fix[];
}

export type SeverityOverrides = Partial<Record<string, Severity | 'off'>>;

export function diag(code: Code, span: Span, message: string, fixes?: Fix[], related?: RelatedInfo[]): Diagnostic {
  const d: Diagnostic = { code, severity: CODES[code].severity, message, span };
  if (fixes && fixes.length) d.fixes = fixes;
  if (related && related.length) d.related = related;
  return d;
}

/** Applies per-code severity settings; `off` drops the diagnostic. */
export function applySeverities(diags: Diagnostic[], overrides: SeverityOverrides | undefined): Diagnostic[] {
  if (!overrides) return diags;
  const out: Diagnostic[] = [];
  for (const d of diags) {
    const o = overrides[d.code];
    if (o === 'off') continue;
    out.push(o ? { ...d, severity: o } : d);
  }
  return out;
}

/** Applies non-overlapping edits to a text, for the CLI's `--fix` and for tests. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
