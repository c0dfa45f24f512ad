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

/**
 * Keeps the edits that can be applied together: in document order, an edit
 * that overlaps one already kept is dropped (it is still offered on its own),
 * and so is a second insertion at the same point.
 */
export function nonOverlapping<T extends TextEdit>(edits: T[]): T[] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const out: T[] = [];
  let end = -1;
  let lastInsert = -1;
  for (const e of sorted) {
    if (e.span.start < end) continue;
    if (e.span.start === e.span.end) {
      if (e.span.start === lastInsert) continue;
      lastInsert = e.span.start;
    }
    out.push(e);
    end = Math.max(end, e.span.end);
  }
  return out;
}

/** Applies edits to a text, for the CLI's `--fix` and for tests; overlapping edits are dropped (see `nonOverlapping`). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const kept = nonOverlapping(edits);
  let out = '';
  let at = 0;
  for (const e of kept) {
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}
