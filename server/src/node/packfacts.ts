/**
 * An article's `DocFacts` as the cache stores them: one JSON array holding
 * the article's text once, with every sentence, mention, figure, quotation
 * and tag as a row of numbers whose words are read back as slices of that
 * text. Plain `JSON.stringify(facts)` wrote each sentence's text again and a
 * key name for every field of every mention (four times the article's size);
 * writing them cost the analyst threads more than any single extractor of a
 * first index, and the main thread and the disk the same again.
 *
 * A string that is not the slice its span covers (none in the corpus today,
 * but nothing promises it) is written out in its row instead, so `unpackFacts`
 * always gives back exactly what `packFacts` was given (as JSON would: absent
 * optional fields stay absent). Input that is not what `packFacts` writes
 * (another layout, wrong types, spans outside the text, sentence indexes
 * outside the sentences, numbers that are not finite, an interval upside
 * down) throws; the cache's reader then analyses the file again.
 */
import type { Claim, DocEntity, DocFacts, EntityKind, Figure, Mention, SentenceRef, Unit } from '../core/extract/types';
import type { Span } from '../core/text';

/** Bumped when the layout below changes; the cache's own format number covers it too. */
const PACKED = 1;

const KINDS: EntityKind[] = ['person', 'organisation', 'place', 'outlet', 'handle', 'other'];
const WHERE: Mention['where'][] = ['title', 'subtitle', 'body', 'tag', 'info'];
const UNITS: Unit[] = ['count', 'usd', 'eur', 'gbp', 'btc', 'bytes', 'percent', 'age', 'days', 'year'];

/** 0 when `s` is what `span` covers in `text`, else `s` itself. */
function own(text: string, span: Span, s: string): string | 0 {
  return s.length === span.end - span.start && text.startsWith(s, span.start) ? 0 : s;
}

/** `undefined` as `null`, which JSON keeps in an array. */
function opt<T>(v: T | undefined): T | null {
  return v === undefined ? null : v;
}

export function packFacts(f: DocFacts, text: string): string {
  const sentences: (number | string)[] = [];
  for (const s of f.sentences) sentences.push(s.span.start, s.span.end, own(text, s.span, s.text));
  const entities = f.entities.map((e) => {
    const mentions: (number | string)[] = [];
    for (const m of e.mentions) mentions.push(m.span.start, m.span.end, m.sentence, WHERE.indexOf(m.where), own(text, m.span, m.text), m.key === e.key ? 0 : m.key);
    return [e.key, e.name, KINDS.indexOf(e.kind), e.aliases, mentions];
  });
  const figures = f.figures.map((x) => [
    x.span.start, x.span.end, own(text, x.span, x.text), x.value, x.low, x.high, UNITS.indexOf(x.unit), opt(x.hedge), opt(x.noun),
    x.nounSpan ? x.nounSpan.start : null, x.nounSpan ? x.nounSpan.end : null, x.qualifiers, opt(x.subject), x.measure, x.sentence, opt(x.asOf),
  ]);
  const claims = f.claims.map((c) => {
    const a = c.attribution;
    return [c.sentence, a ? a.who : null, a ? opt(a.key) : null, a ? a.span.start : null, a ? a.span.end : null, opt(c.asOf), c.asOfSpan ? c.asOfSpan.start : null, c.asOfSpan ? c.asOfSpan.end : null];
  });
  const quotes: (number | string)[] = [];
  for (const q of f.quotes) quotes.push(q.span.start, q.span.end, q.sentence, own(text, q.span, q.text));
  const links: (number | string)[] = [];
  for (const l of f.links) links.push(l.span.start, l.span.end, l.url);
  const tags = f.tags.map((t) => [t.span.start, t.span.end, own(text, t.span, t.name), opt(t.key)]);
  return JSON.stringify([
    PACKED, text, f.uri, f.title, opt(f.source), opt(f.date), opt(f.link), opt(f.linkUrl), f.linkSpan ? f.linkSpan.start : null, f.linkSpan ? f.linkSpan.end : null,
    sentences, entities, figures, claims, quotes, links, f.authors, tags,
  ]);
}

class Damaged extends Error {
  constructor(what: string) {
    super(`damaged facts: ${what}`);
  }
}

function arr(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new Damaged(what);
  return v;
}
function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new Damaged(what);
  return v;
}
function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Damaged(what);
  return v;
}
function int(v: unknown, what: string): number {
  if (!Number.isSafeInteger(v)) throw new Damaged(what);
  return v as number;
}
function strs(v: unknown, what: string): string[] {
  const a = arr(v, what);
  for (const s of a) str(s, what);
  return a as string[];
}
function of<T>(list: readonly T[], v: unknown, what: string): T {
  const x = list[int(v, what)];
  if (x === undefined) throw new Damaged(what);
  return x;
}

/** Reads what `packFacts` wrote; throws on anything else. */
export function unpackFacts(json: string): DocFacts {
  const top = arr(JSON.parse(json), 'not an array');
  if (top[0] !== PACKED || top.length !== 18) throw new Damaged('another layout');
  const text = str(top[1], 'text');
  const spanAt = (a: unknown, b: unknown, what: string): Span => {
    const start = int(a, what);
    const end = int(b, what);
    if (start < 0 || end < start || end > text.length) throw new Damaged(what);
    return { start, end };
  };
  /** A row's string, or (0) the slice its span covers. */
  const words = (v: unknown, span: Span, what: string) => (v === 0 ? text.slice(span.start, span.end) : str(v, what));

  const f: DocFacts = { uri: str(top[2], 'uri'), title: str(top[3], 'title') } as DocFacts;
  if (top[4] !== null) f.source = str(top[4], 'source');
  if (top[5] !== null) f.date = num(top[5], 'date');
  if (top[6] !== null) f.link = str(top[6], 'link');
  if (top[7] !== null) f.linkUrl = str(top[7], 'linkUrl');
  if (top[8] !== null) f.linkSpan = spanAt(top[8], top[9], 'linkSpan');

  const sentences: SentenceRef[] = [];
  const rs = arr(top[10], 'sentences');
  if (rs.length % 3) throw new Damaged('sentences');
  for (let i = 0; i < rs.length; i += 3) {
    const span = spanAt(rs[i], rs[i + 1], 'sentence');
    sentences.push({ span, text: words(rs[i + 2], span, 'sentence') });
  }
  f.sentences = sentences;
  /** A sentence index: -1 (none) where `orNone`, else one of the sentences. */
  const sentenceAt = (v: unknown, what: string, orNone: boolean): number => {
    const i = int(v, what);
    if (i < (orNone ? -1 : 0) || i >= sentences.length) throw new Damaged(what);
    return i;
  };

  f.entities = arr(top[11], 'entities').map((row): DocEntity => {
    const r = arr(row, 'entity');
    const key = str(r[0], 'entity key');
    const ms = arr(r[4], 'mentions');
    if (ms.length % 6) throw new Damaged('mentions');
    const mentions: Mention[] = [];
    for (let i = 0; i < ms.length; i += 6) {
      const span = spanAt(ms[i], ms[i + 1], 'mention');
      mentions.push({ key: ms[i + 5] === 0 ? key : str(ms[i + 5], 'mention key'), span, text: words(ms[i + 4], span, 'mention'), sentence: sentenceAt(ms[i + 2], 'mention', true), where: of(WHERE, ms[i + 3], 'mention') });
    }
    return { key, name: str(r[1], 'entity name'), kind: of(KINDS, r[2], 'entity kind'), aliases: strs(r[3], 'aliases'), mentions };
  });

  f.figures = arr(top[12], 'figures').map((row): Figure => {
    const r = arr(row, 'figure');
    const span = spanAt(r[0], r[1], 'figure');
    const x: Figure = {
      span, text: words(r[2], span, 'figure'), value: num(r[3], 'value'), low: num(r[4], 'low'), high: num(r[5], 'high'), unit: of(UNITS, r[6], 'unit'),
      qualifiers: strs(r[11], 'qualifiers'), measure: str(r[13], 'measure'), sentence: sentenceAt(r[14], 'figure', false),
    };
    if (x.low > x.high) throw new Damaged('interval');
    if (r[7] !== null) x.hedge = str(r[7], 'hedge');
    if (r[8] !== null) x.noun = str(r[8], 'noun');
    if (r[9] !== null) x.nounSpan = spanAt(r[9], r[10], 'noun');
    if (r[12] !== null) x.subject = str(r[12], 'subject');
    if (r[15] !== null) x.asOf = num(r[15], 'asOf');
    return x;
  });

  f.claims = arr(top[13], 'claims').map((row): Claim => {
    const r = arr(row, 'claim');
    const c: Claim = { sentence: sentenceAt(r[0], 'claim', false) };
    if (r[1] !== null) {
      c.attribution = { who: str(r[1], 'who'), span: spanAt(r[3], r[4], 'attribution') };
      if (r[2] !== null) c.attribution.key = str(r[2], 'attribution key');
    }
    if (r[5] !== null) c.asOf = num(r[5], 'asOf');
    if (r[6] !== null) c.asOfSpan = spanAt(r[6], r[7], 'asOf');
    return c;
  });

  const qs = arr(top[14], 'quotes');
  if (qs.length % 4) throw new Damaged('quotes');
  f.quotes = [];
  for (let i = 0; i < qs.length; i += 4) {
    const span = spanAt(qs[i], qs[i + 1], 'quote');
    f.quotes.push({ text: words(qs[i + 3], span, 'quote'), span, sentence: sentenceAt(qs[i + 2], 'quote', true) });
  }

  const ls = arr(top[15], 'links');
  if (ls.length % 3) throw new Damaged('links');
  f.links = [];
  for (let i = 0; i < ls.length; i += 3) f.links.push({ url: str(ls[i + 2], 'link'), span: spanAt(ls[i], ls[i + 1], 'link') });

  f.authors = strs(top[16], 'authors');
  f.tags = arr(top[17], 'tags').map((row) => {
    const r = arr(row, 'tag');
    const span = spanAt(r[0], r[1], 'tag');
    const t: DocFacts['tags'][number] = { name: words(r[2], span, 'tag'), span };
    if (r[3] !== null) t.key = str(r[3], 'tag key');
    return t;
  });
  return f;
}
