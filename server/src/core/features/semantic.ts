/**
 * Semantic highlighting: what the extractors recognised in an article, so the
 * writer sees it as they read. Every name Breach Desk took for a person, an
 * organisation, a place, an outlet, a handle or another named thing, and every
 * figure, is one token; each has a card on hover, and a name or figure that is
 * not coloured was not recognised. Figures whose measure is known (what they
 * count: "50 million customers", an age) carry the `measured` modifier: those
 * are the ones cards and the consistency check can compare.
 *
 * Tags are left to the grammar, which draws them as links. Tokens never
 * overlap (a figure wins over a name inside it, as on hover: `targetAt`) and
 * never cross a line, so clients without multi-line tokens take them as they are.
 */
import { knownMeasure } from '../extract/figures';
import type { DocFacts, EntityKind } from '../extract/types';
import type { Span } from '../text';

/** Token types, in the order of the legend: their index is what the protocol sends. */
export const TOKEN_TYPES = ['person', 'organisation', 'place', 'outlet', 'handle', 'term', 'figure'] as const;
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
};

/** The article's tokens in the order of the text, none overlapping another, none across a line break. */
export function semanticTokens(text: string, facts: DocFacts): SemanticToken[] {
  const figures: SemanticToken[] = facts.figures.map((f) => ({ span: f.span, type: 'figure', modifiers: knownMeasure(f) ? ['measured'] : [] }));
  figures.sort((a, b) => a.span.start - b.span.start);
  // A name that shares a character with a figure is left out: there the card is the figure's, as on hover.
  const inFigure = (s: Span) => {
    let lo = 0;
    let hi = figures.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (figures[mid].span.end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < figures.length && figures[lo].span.start < s.end;
  };
  const all = figures.slice();
  for (const e of facts.entities) {
    for (const m of e.mentions) if (m.where !== 'tag' && !inFigure(m.span)) all.push({ span: m.span, type: TYPE_OF[e.kind], modifiers: [] });
  }
  // Of tokens that overlap, the one that starts first (the longer one at equal starts) is kept.
  all.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: SemanticToken[] = [];
  let end = 0;
  for (const t of all) {
    if (t.span.end <= t.span.start || t.span.start < end || t.span.end > text.length) continue;
    end = t.span.end;
    out.push(...byLine(text, t));
  }
  return out;
}

/** `t` cut at its line breaks (a figure written over two lines is two tokens). */
function byLine(text: string, t: SemanticToken): SemanticToken[] {
  const out: SemanticToken[] = [];
  let start = t.span.start;
  for (let i = text.indexOf('\n', start); i >= 0 && i < t.span.end; i = text.indexOf('\n', start)) {
    const lineEnd = i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
    if (lineEnd > start) out.push({ ...t, span: { start, end: lineEnd } });
    start = i + 1;
  }
  if (t.span.end > start) out.push({ ...t, span: { start, end: t.span.end } });
  return out;
}
