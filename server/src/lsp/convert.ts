/**
 * Core data → LSP data. The only file that knows both shapes: spans become
 * ranges through the document's `LineIndex`, severities become numbers, and
 * fixes ride along in `Diagnostic.data` so code actions never re-analyse.
 */
import {
  DiagnosticSeverity, SymbolKind, type Diagnostic as LspDiagnostic, type DocumentSymbol, type FoldingRange,
  FoldingRangeKind, type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { Severity } from '../core/codes';
import type { Diagnostic, Fix } from '../core/diagnostics';
import type { Fold } from '../core/features/folding';
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
    title: f.title,
    preferred: Boolean(f.preferred),
    edits: f.edits.map((e) => ({ range: lines.range(e.span), newText: e.newText })),
  }));
}

/** Ranges in other documents, from the corpus index. */
export type RangeOf = (uri: string, span: { start: number; end: number }) => LspDiagnostic['range'] | undefined;

export function toLspDiagnostic(d: Diagnostic, uri: string, lines: LineIndex, rangeOf?: RangeOf): LspDiagnostic {
  const out: LspDiagnostic = {
    range: lines.range(d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: SOURCE,
    message: d.message,
  };
  if (d.related?.length) {
    out.relatedInformation = [];
    for (const r of d.related) {
      const here = !r.uri || r.uri === uri;
      const range = here ? lines.range(r.span) : rangeOf?.(r.uri!, r.span);
      if (range) out.relatedInformation.push({ location: { uri: here ? uri : r.uri!, range }, message: r.message });
    }
  }
  if (d.fixes?.length) out.data = { fixes: toLspFixes(d.fixes, lines) } satisfies DiagnosticData;
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
    name: item.name,
    detail: item.detail,
    kind: SYMBOL_KIND[item.kind],
    range: lines.range(item.span),
    selectionRange: lines.range(item.selection),
    children: item.children.map((c) => toDocumentSymbol(c, lines)),
  };
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
