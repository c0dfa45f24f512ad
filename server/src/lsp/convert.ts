/**
 * Core data → LSP data. The only file that knows both shapes: spans become
 * ranges through the document's `LineIndex`, severities become numbers, and
 * fixes ride along in `Diagnostic.data` so code actions never re-analyse.
 */
import {
  DiagnosticSeverity, SymbolKind, type Diagnostic as LspDiagnostic, type DocumentSymbol, type FoldingRange,
  FoldingRangeKind, type MarkupContent, MarkupKind, type SymbolInformation, type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { Severity } from '../core/codes';
import type { Diagnostic, Fix } from '../core/diagnostics';
import type { Fold } from '../core/features/folding';
import { plainText, printableText } from '../core/features/markdown';
export { printableText };
import type { OutlineItem } from '../core/features/outline';
import type { LineIndex } from '../core/text';

export const SOURCE = 'breach-desk';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a published diagnostic carries in `data`. */
export interface DiagnosticData {
  fixes: { title: string; preferred: boolean; edits: LspTextEdit[] }[];
  /** The document version the fixes' ranges belong to: a fix offered for an older version would edit the wrong text. */
  version?: number;
}

/** Whether a fix that came back from the client in a diagnostic's `data` has the shape the server sent. */
export function isFix(x: unknown): x is DiagnosticData['fixes'][number] {
  const pos = (p: unknown) => !!p && typeof p === 'object' && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character);
  const f = x as { title?: unknown; edits?: unknown } | null;
  return !!f && typeof f === 'object' && typeof f.title === 'string' && Array.isArray(f.edits) && f.edits.every((e: unknown) => {
    const t = e as { range?: { start?: unknown; end?: unknown }; newText?: unknown } | null;
    return !!t && typeof t === 'object' && typeof t.newText === 'string' && !!t.range && pos(t.range.start) && pos(t.range.end);
  });
}

export function toLspFixes(fixes: Fix[] | undefined, lines: LineIndex): DiagnosticData['fixes'] {
  return (fixes ?? []).map((f) => ({
    title: printableText(f.title, true),
    preferred: Boolean(f.preferred),
    edits: f.edits.map((e) => ({ range: lines.range(e.span), newText: e.newText })),
  }));
}

/**
 * Where an offset of `before` stands in `after`, for the one stretch that an edit (or a burst of them) replaced:
 * offsets before it stay, offsets after it move by the change in length, offsets inside it are lost (NaN)
 * unless the text there is unchanged.
 */
export function offsetsThrough(before: string, after: string): (offset: number) => number {
  const most = Math.min(before.length, after.length);
  let p = 0;
  while (p < most && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let q = 0;
  while (q < most - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  const oldEnd = before.length - q;
  const delta = after.length - before.length;
  // The common prefix and suffix can overshoot into equal characters around the edit ("[[it’s]] [[numbers" less
  // "[[it’s]] " shares "[[" with what follows): an offset inside the stretch whose next characters read the same
  // after the move, or in place, is there.
  const same = (o: number, to: number) => to >= 0 && before.slice(o, o + 8) === after.slice(to, to + 8);
  return (offset) => (offset < p ? offset : offset >= oldEnd ? offset + delta : same(offset, offset + delta) ? offset + delta : same(offset, offset) ? offset : Number.NaN);
}

/** Ranges in other documents, from the corpus index. */
export type RangeOf = (uri: string, span: { start: number; end: number }) => LspDiagnostic['range'] | undefined;

export function toLspDiagnostic(d: Diagnostic, uri: string, lines: LineIndex, rangeOf?: RangeOf, version?: number): LspDiagnostic {
  const out: LspDiagnostic = {
    range: lines.range(d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: SOURCE,
    // Article text quoted in it (an outlet "Wire\u202E") must not turn the rest round.
    message: printableText(d.message),
  };
  if (d.related?.length) {
    out.relatedInformation = [];
    for (const r of d.related) {
      const here = !r.uri || r.uri === uri;
      const range = here ? lines.range(r.span) : rangeOf?.(r.uri!, r.span);
      if (range) out.relatedInformation.push({ location: { uri: here ? uri : r.uri!, range }, message: printableText(r.message) });
    }
  }
  if (d.fixes?.length) out.data = { fixes: toLspFixes(d.fixes, lines), ...(version !== undefined ? { version } : {}) } satisfies DiagnosticData;
  return out;
}

const SYMBOL_KIND: Record<OutlineItem['kind'], SymbolKind> = {
  article: SymbolKind.File,
  section: SymbolKind.Namespace,
  field: SymbolKind.Property,
  heading: SymbolKind.String,
  tags: SymbolKind.Array,
};

export function toDocumentSymbol(item: OutlineItem, lines: LineIndex): DocumentSymbol {
  return {
    name: printableText(item.name, true),
    detail: item.detail === undefined ? undefined : printableText(item.detail, true),
    kind: SYMBOL_KIND[item.kind],
    range: lines.range(item.span),
    selectionRange: lines.range(item.selection),
    children: item.children.map((c) => toDocumentSymbol(c, lines)),
  };
}

/**
 * The outline as a flat list, for a client without a tree of symbols: each item with the name of the one it is in
 * (`containerName`), in the order of the text.
 */
export function toSymbolInformation(items: OutlineItem[], uri: string, lines: LineIndex, container?: string): SymbolInformation[] {
  return items.flatMap((i) => [
    { name: printableText(i.name, true), kind: SYMBOL_KIND[i.kind], location: { uri, range: lines.range(i.span) }, ...(container !== undefined ? { containerName: printableText(container, true) } : {}) },
    ...toSymbolInformation(i.children, uri, lines, i.name),
  ]);
}

/** A card as the client reads it: Markdown, or plain text (links as their labels, no escapes) for one that reads none. */
export function markup(markdown: string, asMarkdown: boolean): MarkupContent {
  return asMarkdown ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: plainText(markdown) };
}

export function toFoldingRanges(folds: Fold[], lines: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const f of folds) {
    const start = lines.positionAt(f.span.start).line;
    // A fold ends on the last line with content, so trailing blank lines stay visible.
    let endOffset = f.span.end;
    while (endOffset > f.span.start && /\s/.test(lines.text[endOffset - 1] ?? '')) endOffset--;
    const end = lines.positionAt(endOffset).line;
    if (end > start) out.push({ startLine: start, endLine: end, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region });
  }
  return out;
}

/**
 * The edits that turn one encoded list of semantic tokens into another (`semanticTokens/full/delta`): the numbers
 * they share at either end are kept and the rest replaced by one edit. A keystroke changes the tokens around it and
 * shifts those after it on the same line (the encoding is relative), so one edit is about as small as a diff gets.
 */
export function tokenEdits(was: readonly number[], now: readonly number[]): { start: number; deleteCount: number; data?: number[] }[] {
  let head = 0;
  const shorter = Math.min(was.length, now.length);
  while (head < shorter && was[head] === now[head]) head++;
  let tail = 0;
  while (tail < shorter - head && was[was.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  if (head === was.length && head === now.length) return [];
  const data = now.slice(head, now.length - tail);
  return [{ start: head, deleteCount: was.length - head - tail, ...(data.length ? { data } : {}) }];
}
