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
 * and so is a second insertion at the same point; two deletions that overlap
 * or touch become one that deletes both.
 */
export function nonOverlapping<T extends TextEdit>(edits: T[], text?: string): T[] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const out: T[] = [];
  let end = -1;
  let lastInsert = -1;
  for (const e of sorted) {
    // Two deletions that overlap or touch (neighbouring tags each removed with the space between) become one, and
    // with the text at hand leave one space between what stays, none at a line's edge. Touching ones too: in
    // "[[X]] [[X]] [[X]] [[X]]" the second and third duplicates go each with the space after them, up to the next
    // tag, and the last with the space before it; merged only with the third, the tidied deletion could not reach
    // back past the second to the space before it and left "[[X]] " (twelve lines of the real corpus after `--fix`).
    const last = out[out.length - 1];
    if (last && e.newText === '' && last.newText === '' && last.span.end === end && e.span.start <= end && e.span.end > end) {
      let start = last.span.start;
      end = e.span.end;
      if (text !== undefined) [start, end] = tidyDeletion(text, start, end);
      out[out.length - 1] = { ...last, span: { start, end } };
      continue;
    }
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

/** A deletion of `start…end` that leaves no doubled space and no space at a line's start or end. */
function tidyDeletion(text: string, start: number, end: number): [number, number] {
  const blank = (c: number) => c === 32 || c === 9;
  const edge = (c: number) => Number.isNaN(c) || c === 10 || c === 13;
  if (blank(text.charCodeAt(end)) && (edge(text.charCodeAt(start - 1)) || blank(text.charCodeAt(start - 1)))) {
    while (blank(text.charCodeAt(end))) end++;
  } else if (edge(text.charCodeAt(end))) {
    while (start > 0 && blank(text.charCodeAt(start - 1))) start--;
  }
  return [start, end];
}

/** Applies edits to a text, for the CLI's `--fix` and for tests; overlapping edits are dropped (see `nonOverlapping`). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const kept = nonOverlapping(edits, text);
  let out = '';
  let at = 0;
  for (const e of kept) {
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}
