/**
 * What stands at a position: a figure, an entity mention (a name, an alias or
 * a tag), a link or a quotation. Every navigation feature starts here.
 */
import type { CorpusIndex, IndexedDoc } from '../index/corpus';
import type { DocFacts, Figure, Mention } from '../extract/types';
import type { Span } from '../text';
import { entityKey } from '../extract/entities';

export interface Location {
  uri: string;
  span: Span;
  /** Where in `span` the thing itself stands (a figure in the sentence that states it), for clients that take links. */
  focus?: Span;
}

export type Target =
  | { kind: 'figure'; figure: Figure; span: Span }
  | { kind: 'mention'; key: string; mention: Mention; span: Span }
  | { kind: 'link'; url: string; span: Span }
  | { kind: 'quote'; text: string; span: Span };

function within(s: Span, offset: number): boolean {
  return offset >= s.start && offset <= s.end;
}

export function targetAt(doc: IndexedDoc, offset: number): Target | undefined {
  const f = doc.facts;
  for (const fig of f.figures) if (within(fig.span, offset)) return { kind: 'figure', figure: fig, span: fig.span };
  for (const e of f.entities) {
    for (const m of e.mentions) if (within(m.span, offset)) return { kind: 'mention', key: e.key, mention: m, span: m.span };
  }
  // A tag that is no mention (the publisher's own [[ZDNet]] on its page) still stands for its entity.
  for (const t of f.tags) {
    if (within(t.span, offset)) {
      const named = tagNames(t);
      // On "victim.country.name", the key of the tag: no entity.
      if (!named || !within(named.span, offset)) return undefined;
      const { key, span, name } = named;
      return { kind: 'mention', key, mention: { key, span, text: name, sentence: -1, where: 'tag' }, span };
    }
  }
  for (const l of f.links) if (within(l.span, offset)) return { kind: 'link', url: l.url, span: l.span };
  for (const q of f.quotes) if (within(q.span, offset)) return { kind: 'quote', text: q.text, span: q.span };
  return undefined;
}

/**
 * The entity a tag stands for when it is no mention of one, and where its name stands: the whole
 * name, or the value of a key/value tag ("[[victim.country.name=Israel]]" names Israel).
 */
export function tagNames(t: DocFacts['tags'][number]): { key: string; span: Span; name: string } | undefined {
  const eq = t.key !== undefined ? t.name.indexOf('=') : -1;
  const name = eq >= 0 ? t.name.slice(eq + 1).trim() : t.name;
  if (!name) return undefined;
  // The value is what the card is about, and what it underlines (as for a threat actor's tag, which is a mention).
  const at = eq >= 0 ? t.name.indexOf(name, eq + 1) : 0;
  const span = eq >= 0 && at >= 0 ? { start: t.span.start + at, end: t.span.start + at + name.length } : t.span;
  return { key: entityKey(name), span, name };
}

/** The article's date, or +∞ for undated ones, for earliest-first ordering. */
export function dateOf(index: CorpusIndex, uri: string): number {
  return index.get(uri)?.summary.date ?? Number.POSITIVE_INFINITY;
}

/** The sentence that holds an offset, for citing. */
export function sentenceAt(doc: IndexedDoc, offset: number): number {
  const s = doc.facts.sentences;
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid].span.end < offset) lo = mid + 1;
    else if (s[mid].span.start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}
