/**
 * Go to definition ("go to source") and find references.
 *
 * Definition on a figure: the sentences in other articles that state the
 * same measure, earliest first (see `figureSources`). On a link to another
 * corpus article (its `+ Link:` URL, ThreatPost's two address forms
 * included), or on a name or figure in such a link's text: that article. On
 * a quotation: the earliest article carrying the same quote; when this one is
 * the earliest, this one and then those that told it again. On a tag: the entity's mentions. On a name: where each
 * article first names it.
 * References on a name or tag: every mention of the entity in the corpus. On the article's own `+ Link:` address:
 * every link of another article to it (`linkedFrom`).
 * Highlights: the same within the article being read (every mention of the
 * entity under the cursor and every tag that names it; every statement of a
 * figure's measure).
 */
import type { CorpusIndex, FigureRef } from '../index/corpus';
import { eachSpan, firstOf, quoteWords } from '../index/corpus';
import { agree, comparableStatements, datedDocsOf, sameStated } from '../index/compare';
import { canonicalUrl } from '../extract/urls';
import { entityKey } from '../extract/entities';
import { knownMeasure } from '../extract/figures';
import { wordsSpan, type Span } from '../text';
import type { DocFacts, Figure } from '../extract/types';
import { anotherStory, judgeFigure } from '../check/consistency';
import { dateOf, tagNames, targetAt, type Location } from './locate';
import { formatDate, inert, shownDay } from './markdown';

/**
 * Go to definition lists where a figure or a name comes from, earliest first;
 * past this many a list is no longer a way to the source (references give all).
 */
const MAX_DEFINITIONS = 50;

/** Quotations of fewer words than this lead to another article only when it names someone this one names (`sharesNames`). */
const SHORT_QUOTE = 10;
/** How many later articles that carry a quotation its earliest carrier lists. */
const MAX_RETOLD = 20;

/** Whether two articles name a person or an organisation in common, in their own text (not only in a related story's headline). */
function sharesNames(index: CorpusIndex, a: string, b: string): boolean {
  const named = (uri: string) => (index.get(uri)?.summary.entities ?? []).filter((e) => (e.kind === 'person' || e.kind === 'organisation') && !e.onlyInLinks);
  const mine = new Set(named(a).map((e) => e.key));
  return named(b).some((e) => mine.has(e.key));
}

export function definition(index: CorpusIndex, uri: string, offset: number): Location[] {
  const doc = index.get(uri);
  if (!doc) return [];
  const t = targetAt(doc, offset);
  if (!t) return [];
  // A name or figure inside the text of a link to another corpus article ("[REvil](…/176087/)"): the writer
  // linked that article, and going there is what the link is for (hover still shows the name's card).
  if (t.kind === 'figure' || t.kind === 'mention') {
    const link = doc.facts.links.find((l) => offset >= l.span.start && offset <= l.span.end);
    const linked = link ? linkedArticles(index, uri, link.url) : [];
    if (linked.length) return linked;
  }
  switch (t.kind) {
    case 'figure':
      return figureSources(index, uri, t.figure);
    case 'link':
      return linkedArticles(index, uri, t.url);
    case 'quote': {
      const words = quoteWords(t.text);
      if (words.length < 5) return [];
      // Another copy of this article (same Link) is no source of it. A short quotation ("out of an abundance of
      // caution") is a stock phrase as often as a quote: only an article that names someone this one names carries it.
      const short = words.length < SHORT_QUOTE;
      const hits = earliestFirst(index, index.quoteMatches(words, uri).filter((h) => !index.isCopy(uri, h.uri) && (!short || sharesNames(index, uri, h.uri))), (h) => h.uri);
      if (!hits.length) return [];
      // This article carries it first: it is the source, listed first, then where it was told again (an editor shows
      // the list; a lone jump to itself told the writer nothing).
      if (dateOf(index, uri) <= dateOf(index, hits[0].uri)) return [{ uri, span: t.span }, ...hits.slice(0, MAX_RETOLD).map((h) => ({ uri: h.uri, span: h.span }))];
      return [{ uri: hits[0].uri, span: hits[0].span }];
    }
    case 'mention': {
      // A topic ("[[ransomware]]", no entity's): the other articles that carry it, each at its title, earliest first.
      if (t.mention.where === 'tag' && !index.entity(t.key)) return topicArticles(index, t.key).filter((u) => u !== uri).slice(0, MAX_DEFINITIONS).map((u) => ({ uri: u, span: titleSpan(index, u) }));
      if (t.mention.where === 'tag') return references(index, uri, offset).filter((l) => !(l.uri === uri && l.span.start === t.span.start));
      const entry = index.entity(t.key);
      if (!entry) return [];
      const out: Location[] = [];
      for (const u of byDate(index, t.key)) {
        // Where each article first gives the fullest form of the name; not a related story's headline that
        // only names it (references still list those).
        const view = entry.docs.get(u);
        const span = view && firstOf(view);
        if (span && !view.onlyInLinks && !(u === uri && span.start === t.span.start)) out.push({ uri: u, span });
        if (out.length === MAX_DEFINITIONS) break;
      }
      return out;
    }
  }
}

function linkedArticles(index: CorpusIndex, uri: string, url: string): Location[] {
  const key = canonicalUrl(url);
  if (!key) return [];
  return index.docsByLink(key).filter((u) => u !== uri).map((u) => ({ uri: u, span: titleSpan(index, u) }));
}

/** A value this many times another counts something else, whatever the words say ("six zero-days" and "117 fixes"). */
const OTHER_SCALE = 10;

/**
 * The sentences of other articles that state a figure's measure, those of its
 * value first, each kind earliest first: each sentence once; not a copy of this article (same Link); not what
 * the consistency check finds to be another story or another population; and,
 * where it does not weigh the measure, not a value ten times apart.
 */
function figureSources(index: CorpusIndex, uri: string, fig: Figure): Location[] {
  let refs = comparableStatements(index, uri, fig).filter((r) => r.uri !== uri && !index.isCopy(uri, r.uri));
  const judged = judgeFigure(index, uri, fig);
  // Values an order of magnitude apart are of other populations, whatever else the check says of them.
  const near = (r: FigureRef) => Math.max(r.figure.value, fig.value) < OTHER_SCALE * Math.max(Math.min(r.figure.value, fig.value), Number.MIN_VALUE);
  if (judged && !judged.skipped) {
    const apart = new Set(judged.others.filter((o) => o.verdict === 'another-story' || (o.verdict === 'unchecked' && !near(o))).map((o) => o.figure));
    refs = refs.filter((r) => !apart.has(r.figure));
  } else {
    // What the check does not weigh is still told apart by its dates as the check would ("48 security fixes" of
    // February 2022 are not July 2021's "117"; Fortinet's Q3 estimate is not its Q2 revenue). Not the same value,
    // which is the same statement told later ("the 2020 total of 304.6 million" in a story of 2021).
    refs = refs.filter((r) => near(r) && (sameStated(r.figure, fig) || !anotherStory(index, { uri, figure: fig }, r)));
  }
  const out: Location[] = [];
  const seen = new Set<string>();
  // Where the figure came from first: the statements of its value, earliest first, then the others.
  const dated = earliestFirst(index, refs, (x) => x.uri);
  for (const r of [...dated.filter((x) => agree(fig, x.figure)), ...dated.filter((x) => !agree(fig, x.figure))]) {
    const sentence = index.get(r.uri)!.facts.sentences[r.figure.sentence];
    const span = sentence ? wordsSpan(sentence) : r.figure.span;
    const key = `${r.uri} ${span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ uri: r.uri, span, focus: r.figure.span });
    if (out.length === MAX_DEFINITIONS) break;
  }
  return out;
}

/**
 * `items` earliest first, undated last, otherwise as they came. Each
 * article's date is read once, not at every comparison.
 */
function earliestFirst<T>(index: CorpusIndex, items: T[], uriOf: (x: T) => string): T[] {
  const keyed = items.map((x, i) => ({ x, i, date: dateOf(index, uriOf(x)) }));
  // Infinity - Infinity is NaN, which counts as a tie.
  keyed.sort((a, b) => (a.date - b.date) || a.i - b.i);
  return keyed.map((k) => k.x);
}

/**
 * The articles naming an entity by date, then path, the undated last: a
 * name in thousands of articles took 20-30 ms to sort at every request with
 * look-ups in the comparator; the order is now worked out once per version
 * of the index.
 */
function* byDate(index: CorpusIndex, key: string): Generator<string> {
  const d = datedDocsOf(index, key);
  if (!d) return;
  for (const x of d.dated) yield x.uri;
  yield* d.undated;
}

/** The articles that carry a topic tag, earliest first (the undated last), drafts left out. */
export function topicArticles(index: CorpusIndex, key: string): string[] {
  return earliestFirst(index, index.topicDocs(key).filter((u) => !index.isDraft(u)).sort(), (u) => u);
}

/**
 * References on a topic tag: every tag of the corpus with its key ("[[Ransomware]]" and "[[ransomware]]" are one),
 * this article's first (the one under the cursor among them unless the declaration is left out), then the other
 * articles' earliest first. From the summaries: no article's facts are read.
 */
function topicReferences(index: CorpusIndex, uri: string, key: string, at: Span, includeDeclaration: boolean): Location[] {
  const out: Location[] = [];
  const push = (u: string) => {
    const s = index.get(u)?.summary;
    if (!s) return;
    for (let i = 0; i < s.topics.length; i++) {
      if (entityKey(s.topics[i]) !== key) continue;
      const span = { start: s.topicSpans[2 * i], end: s.topicSpans[2 * i + 1] };
      if (!includeDeclaration && u === uri && span.start === at.start) continue;
      out.push({ uri: u, span });
    }
  };
  push(uri);
  for (const u of topicArticles(index, key)) if (u !== uri) push(u);
  return out;
}

function titleSpan(index: CorpusIndex, uri: string) {
  return index.get(uri)?.summary.titleSpan ?? { start: 0, end: 0 };
}

export function references(index: CorpusIndex, uri: string, offset: number, includeDeclaration = true): Location[] {
  const doc = index.get(uri);
  if (!doc) return [];
  const own = doc.facts.linkSpan;
  if (own && offset >= own.start && offset <= own.end) return [...(includeDeclaration ? [{ uri, span: own }] : []), ...linkedFrom(index, uri)];
  const t = targetAt(doc, offset);
  if (t?.kind === 'figure') return figureReferences(index, uri, t.figure, includeDeclaration);
  if (!t || t.kind !== 'mention') return [];
  const entry = index.entity(t.key);
  if (!entry) return t.mention.where === 'tag' ? topicReferences(index, uri, t.key, t.span, includeDeclaration) : [];
  if (!includeDeclaration) {
    // The declaration of a name is where the corpus first gives it in an article's own text (definition's first answer).
    let decl: Location | undefined;
    for (const u of byDate(index, t.key)) {
      const view = entry.docs.get(u);
      if (view && !view.onlyInLinks) { decl = { uri: u, span: firstOf(view) }; break; }
    }
    const all = references(index, uri, offset, true);
    return decl ? all.filter((l) => !(l.uri === decl!.uri && l.span.start === decl!.span.start && l.span.end === decl!.span.end)) : all;
  }
  const out: Location[] = [];
  // This article first, then by date; articles of one date in path order, whatever order they were indexed in.
  // From the summaries: listing every mention across the corpus reads no article's facts.
  // Then the other names the organisation goes by in other articles ("Lazarus Group" for "Lazarus"), each the same way.
  for (const e of [entry, ...index.family(t.key)]) {
    // Here, the tags that stand for it without being a mention too ([[ThreatPost]] on ThreatPost's page), as highlights show them.
    if (e === entry) for (const span of entitySpans(doc.facts, t.key, t.span)) out.push({ uri, span });
    else {
      const here = e.docs.get(uri);
      if (here) eachSpan(here, (start, end) => out.push({ uri, span: { start, end } }));
    }
    for (const u of byDate(index, e.key)) {
      const de = u === uri ? undefined : e.docs.get(u);
      if (de) eachSpan(de, (start, end) => out.push({ uri: u, span: { start, end } }));
    }
  }
  return out;
}

/**
 * Where other articles link to this one: each of their links whose address is this article's Link (ThreatPost's
 * two forms of an address are one, `canonicalUrl`), the earliest article first; none from a copy of this one (the
 * same Link). Only the few articles whose links hash alike are read (`CorpusIndex.linkersOf`).
 */
export function linkedFrom(index: CorpusIndex, uri: string): readonly Location[] {
  const link = index.get(uri)?.summary.link;
  if (!link) return [];
  // Once per index version: the hover on the address and references read it, and the articles that link to a page
  // much cited (35 links to ZDNet's Kaseya FAQ in the real corpus) are loaded to compare their addresses.
  return index.memoized(`linkedFrom\u0000${uri}`, () => linksTo(index, uri, link));
}

/** The articles that link to `uri`, each with its first link to it, earliest article first (`linkedFrom`). */
export function linkingArticles(index: CorpusIndex, uri: string): Map<string, Span> {
  const out = new Map<string, Span>();
  for (const l of linkedFrom(index, uri)) if (!out.has(l.uri)) out.set(l.uri, l.span);
  return out;
}

/**
 * The code lens over an article's title when other articles link to it: how many, and where its own address stands
 * (references there list the links, `references`). Undefined when none does, or it has no Link.
 */
export function linkedFromLens(index: CorpusIndex, uri: string): { title: Span; address: Span; articles: number } | undefined {
  const doc = index.get(uri);
  const address = doc?.facts.linkSpan;
  if (!doc || !address) return undefined;
  const articles = linkingArticles(index, uri).size;
  return articles ? { title: doc.summary.titleSpan, address, articles } : undefined;
}

/** "Breach Desk: linked from 3 articles: Title (ThreatPost, Aug 28, 2021); …", for a client that shows only text. */
export function linkedFromText(index: CorpusIndex, uri: string): string {
  const linking = [...linkingArticles(index, uri).keys()];
  if (!linking.length) return 'Breach Desk: no other article of the corpus links to this one.';
  const items = linking.slice(0, 10).map((u) => {
    const s = index.get(u)!.summary;
    return `${s.title || 'untitled'} (${[s.source, s.date !== undefined ? formatDate(shownDay(s, s.date)) : undefined].filter(Boolean).join(', ')})`;
  });
  const more = linking.length > items.length ? `; and ${linking.length - items.length} more` : '';
  return inert(`Breach Desk: linked from ${linking.length} article${linking.length === 1 ? '' : 's'}: ${items.join('; ')}${more}.`);
}

function linksTo(index: CorpusIndex, uri: string, link: string): Location[] {
  const out: Location[] = [];
  for (const u of earliestFirst(index, index.linkersOf(link), (x) => x)) {
    // A draft is no source for other articles (`isDraft`), nor a copy of this page.
    if (u === uri || index.isCopy(uri, u) || index.isDraft(u)) continue;
    let links: DocFacts['links'];
    try {
      links = index.get(u)?.facts.links ?? [];
    } catch {
      continue;
    }
    for (const l of links) if (canonicalUrl(l.url) === link) out.push({ uri: u, span: l.span });
  }
  return out;
}

/**
 * References on a figure: every statement of its measure (the figures the
 * card lists), this article's first and this figure among them unless the
 * declaration is left out, then the others earliest first; each at the figure.
 */
function figureReferences(index: CorpusIndex, uri: string, fig: Figure, includeDeclaration: boolean): Location[] {
  const refs = comparableStatements(index, uri, fig);
  const out: Location[] = includeDeclaration ? [{ uri, span: fig.span }] : [];
  for (const r of refs) if (r.uri === uri) out.push({ uri, span: r.figure.span });
  for (const r of earliestFirst(index, refs.filter((x) => x.uri !== uri), (x) => x.uri)) out.push({ uri: r.uri, span: r.figure.span });
  return out;
}

/**
 * What to highlight in the article for the position: on a name, alias or tag,
 * every mention of that entity here and every tag that stands for it (wherever
 * the cursor stands, the same set: what `targetAt` takes for that entity); on a
 * figure, every figure here of the same measure and unit (the figure alone when
 * it does not say what it counts).
 */
export function highlights(index: CorpusIndex, uri: string, offset: number): Span[] {
  const doc = index.get(uri);
  if (!doc) return [];
  const t = targetAt(doc, offset);
  if (!t) return [];
  if (t.kind === 'mention') return entitySpans(doc.facts, t.key, t.span);
  if (t.kind === 'figure') {
    const f = t.figure;
    if (!knownMeasure(f)) return [f.span];
    return doc.facts.figures.filter((g) => g.measure === f.measure && g.unit === f.unit).map((g) => g.span);
  }
  return [];
}

/**
 * An entity's mentions in one article, with the tags that stand for it without being a mention (the
 * outlet's own [[ThreatPost]] on its page, [[Threatpost]] beside it, a topic such as [[ransomware]]),
 * in the order of the text. A tag that is a mention of some entity is that entity's alone, as at the cursor.
 */
export function entitySpans(facts: DocFacts, key: string, at: Span): Span[] {
  const spans = facts.entities.find((e) => e.key === key)?.mentions.map((m) => m.span) ?? [];
  const tagMentions = facts.entities.flatMap((e) => e.mentions.filter((m) => m.where === 'tag').map((m) => m.span));
  let added = false;
  for (const tag of facts.tags) {
    if (tagMentions.some((m) => m.start < tag.span.end && m.end > tag.span.start)) continue;
    const named = tagNames(tag);
    if (named?.key === key) {
      spans.push(named.span);
      added = true;
    }
  }
  if (!spans.length) return [at];
  return added ? spans.sort((a, b) => a.start - b.start) : spans;
}
