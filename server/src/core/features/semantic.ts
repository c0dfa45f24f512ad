/**
 * Semantic highlighting: what the extractors recognised in an article, so the
 * writer sees it as they read. Every name Breach Desk took for a person, an
 * organisation, a place, an outlet, a handle or another named thing, and every
 * figure, is one token, with a card on hover; a name or figure not coloured was
 * not recognised (but for a name that shares words with a figure: there the
 * figure is coloured, as its card is the one a hover there shows, `targetAt`).
 * Figures whose measure is known (what they count: "50 million customers", an
 * age) carry the `measured` modifier: those are the ones cards and the
 * consistency check can compare.
 *
 * Tags are left to the grammar, which draws them as links. Tokens never
 * overlap and never cross a line, so clients without multi-line tokens take
 * them as they are.
 */
import { knownMeasure } from '../extract/figures';
import type { DocFacts, EntityKind } from '../extract/types';
import type { LineIndex, Span } from '../text';

/** Token types, in the order of the legend: their index is what the protocol sends. */
export const TOKEN_TYPES = ['person', 'organisation', 'place', 'outlet', 'handle', 'term', 'figure', 'vulnerability'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

/** Token modifiers, in the order of the legend (bit `1 << index`). */
export const TOKEN_MODIFIERS = ['measured'] as const;
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  span: Span;
  type: TokenType;
  modifiers: TokenModifier[];
}

const TYPE_OF: Record<EntityKind, TokenType> = {
  person: 'person',
  organisation: 'organisation',
  place: 'place',
  outlet: 'outlet',
  handle: 'handle',
  other: 'term',
  vulnerability: 'vulnerability',
};

/** The article's tokens in the order of the text, none overlapping another, none across a line break. */
export function semanticTokens(lines: LineIndex, facts: DocFacts): SemanticToken[] {
  const figures: SemanticToken[] = facts.figures.map((f) => ({ span: f.span, type: 'figure', modifiers: knownMeasure(f) ? ['measured'] : [] }));
  const all = figures.slice();
  for (const e of facts.entities) {
    for (const m of e.mentions) if (m.where !== 'tag') all.push({ span: m.span, type: TYPE_OF[e.kind], modifiers: [] });
  }
  // Of tokens that overlap, the figure is kept (its card is the one a hover there shows: `targetAt`), else the one
  // that starts first (the longer one at equal starts).
  all.sort((a, b) => a.span.start - b.span.start || Number(b.type === 'figure') - Number(a.type === 'figure') || b.span.end - a.span.end);
  const kept: SemanticToken[] = [];
  for (const t of all) {
    if (t.span.end <= t.span.start || t.span.end > lines.text.length) continue;
    const last = kept[kept.length - 1];
    if (last && t.span.start < last.span.end) {
      // A figure that starts inside a name started before it takes the place of that name.
      if (t.type !== 'figure' || last.type === 'figure') continue;
      kept.pop();
    }
    kept.push(t);
  }
  const out: SemanticToken[] = [];
  for (const t of kept) byLine(lines, t, out);
  return out;
}

/** `t` cut where its lines end, as the protocol counts lines (`\n`, `\r\n` or a lone `\r`). */
function byLine(lines: LineIndex, t: SemanticToken, out: SemanticToken[]): void {
  const first = lines.positionAt(t.span.start).line;
  const last = lines.positionAt(t.span.end).line;
  if (first === last) {
    out.push(t);
    return;
  }
  const text = lines.text;
  for (let l = first; l <= last; l++) {
    let start = l === first ? t.span.start : lines.lineStarts[l];
    // A next line's indentation and a block quotation's marks are no part of the name.
    if (l > first) while (start < t.span.end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9 || text.charCodeAt(start) === 62)) start++;
    let end = l === last ? t.span.end : lines.lineEnd(l);
    // Nor the white space before the line's end.
    while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    if (end > start) out.push({ ...t, span: { start, end } });
  }
}
