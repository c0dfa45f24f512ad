/**
 * Go to definition ("go to source") and find references.
 *
 * Definition on a figure: the sentences in other articles that state the
 * same measure, earliest first. On a link to another corpus article (its
 * `+ Link:` URL, ThreatPost's two address forms included): that article. On
 * a quotation: the earliest article carrying the same quote. On a tag: the
 * entity's mentions. On a name: where each article first names it.
 * References on a name or tag: every mention of the entity in the corpus.
 * Highlights: the same within the article being read (every mention of the
 * entity under the cursor; every statement of a figure's measure).
 */
import type { CorpusIndex } from '../index/corpus';
import { eachSpan, quoteWords } from '../index/corpus';
import { comparableStatements } from '../index/compare';
import { canonicalUrl } from '../extract/urls';
import { knownMeasure } from '../extract/figures';
import type { Span } from '../text';
import { dateOf, targetAt, type Location } from './locate';

/**
 * Go to definition lists where a figure or a name comes from, earliest first;
 * past this many a list is no longer a way to the source (references give all).
 */
const MAX_DEFINITIONS = 50;

export function definition(index: CorpusIndex, uri: string, offset: number): Location[] {
  const doc = index.get(uri);
  if (!doc) return [];
  const t = targetAt(doc, offset);
  if (!t) return [];
  switch (t.kind) {
    case 'figure':
      return comparableStatements(index, uri, t.figure)
        .filter((r) => r.uri !== uri)
        .sort((a, b) => dateOf(index, a.uri) - dateOf(index, b.uri))
        .slice(0, MAX_DEFINITIONS)
        .map((r) => ({ uri: r.uri, span: index.get(r.uri)!.facts.sentences[r.figure.sentence]?.span ?? r.figure.span }));
    case 'link': {
      const key = canonicalUrl(t.url);
      if (!key) return [];
      return index.docsByLink(key).filter((u) => u !== uri).map((u) => ({ uri: u, span: titleSpan(index, u) }));
    }
    case 'quote': {
      const words = quoteWords(t.text);
      if (words.length < 5) return [];
      const hits = index.quoteMatches(words, uri).sort((a, b) => dateOf(index, a.uri) - dateOf(index, b.uri));
      return hits.length ? [{ uri: hits[0].uri, span: hits[0].span }] : [];
    }
    case 'mention': {
      if (t.mention.where === 'tag') return references(index, uri, offset).filter((l) => !(l.uri === uri && l.span.start === t.span.start));
      const entry = index.entity(t.key);
      if (!entry) return [];
      return [...entry.docs.entries()]
        .sort((a, b) => dateOf(index, a[0]) - dateOf(index, b[0]) || byPath(a[0], b[0]))
        // Where each article first gives the fullest form of the name.
        .map(([u, de]) => ({ uri: u, span: de.first }))
        .filter((l) => !(l.uri === uri && l.span.start === t.span.start))
        .slice(0, MAX_DEFINITIONS);
    }
  }
}

function titleSpan(index: CorpusIndex, uri: string) {
  return index.get(uri)?.summary.titleSpan ?? { start: 0, end: 0 };
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function references(index: CorpusIndex, uri: string, offset: number): Location[] {
  const doc = index.get(uri);
  if (!doc) return [];
  const t = targetAt(doc, offset);
  if (!t || t.kind !== 'mention') return [];
  const entry = index.entity(t.key);
  if (!entry) return [];
  const out: Location[] = [];
  // This article first, then by date; articles of one date in path order, whatever order they were indexed in.
  const docs = [...entry.docs.entries()].sort((a, b) => (a[0] === uri ? -1 : b[0] === uri ? 1 : dateOf(index, a[0]) - dateOf(index, b[0]) || byPath(a[0], b[0])));
  // From the summaries: listing every mention across the corpus reads no article's facts.
  for (const [u, de] of docs) eachSpan(de, (start, end) => out.push({ uri: u, span: { start, end } }));
  return out;
}

/**
 * What to highlight in the article for the position: on a name, alias or tag,
 * every mention of that entity here; on a figure, every figure here of the same
 * measure and unit (the figure alone when it does not say what it counts).
 */
export function highlights(index: CorpusIndex, uri: string, offset: number): Span[] {
  const doc = index.get(uri);
  if (!doc) return [];
  const t = targetAt(doc, offset);
  if (!t) return [];
  if (t.kind === 'mention') return doc.facts.entities.find((e) => e.key === t.key)?.mentions.map((m) => m.span) ?? [t.span];
  if (t.kind === 'figure') {
    const f = t.figure;
    if (!knownMeasure(f)) return [f.span];
    return doc.facts.figures.filter((g) => g.measure === f.measure && g.unit === f.unit).map((g) => g.span);
  }
  return [];
}
