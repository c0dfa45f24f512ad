/**
 * The corpus index: every article's facts, and the lookups features need
 * (entity → articles, measure → figures, article URL → article, quotation →
 * articles, outlets, authors).
 *
 * Updates are incremental: `set` removes what the previous version of a
 * document contributed and adds the new version's facts, touching only the
 * entries that document names. A request runs to completion between two
 * updates (the server is single-threaded), so no request sees half an update;
 * `version` increases with every change, for caches and stale-work checks.
 */
import { entityKey } from '../extract/entities';
import { isSubjectTag } from '../check/tags';
import { OUTLETS, PUBLISHING_COMPANIES } from '../extract/lexicon';
import type { Pin } from '../extract/pins';
import { corporateBase, withCorporateForms, withoutCorporateForm } from '../extract/figures';
import type { DocFacts, EntityKind, Figure, Mention } from '../extract/types';
import { isLinkOnly, positionIn, type Position, type Span } from '../text';
import { canonicalUrl } from '../extract/urls';
import { PackedEntity, PackedSummary, readPacked } from './packed';
import { WindowTable } from './windows';

export type Origin = 'seed' | 'workspace' | 'corpus';

/** What the index keeps of an article's entity: enough for lookups, without its mentions. */
export interface EntitySummary {
  key: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  mentionCount: number;
  /**
   * Where the article first gives the fullest form of the name (or its first mention), as two numbers (a packed
   * view reads them from its article's numbers, `PackedEntity`); `firstOf` gives the span.
   */
  firstStart: number;
  firstEnd: number;
  /**
   * Every mention's start and end, flat ([s0, e0, s1, e1, …]): references
   * need no facts. Packed (`packNumbers`) when it comes from an analyst thread or
   * the cache; read it through `eachSpan`.
   */
  spans: number[] | string;
  /**
   * Where `spans` is packed, this entity's part of it, [spansFrom, spansTo): the entities of an article
   * restored from the cache share one string (280,000 strings fewer to keep at 10,000 articles).
   */
  spansFrom: number;
  spansTo: number;
  /**
   * Every mention is in the headline of a related story (a line that is only
   * a link): the article points to a story about the entity rather than
   * telling of it, so it does not count among the articles that mention it.
   */
  onlyInLinks: boolean;
}

/** Where the article first gives the fullest form of the name (see `EntitySummary.firstStart`). */
export function firstOf(e: EntitySummary): Span {
  return { start: e.firstStart, end: e.firstEnd };
}

/**
 * Calls `f` with each mention span of an entity summary, reading packed spans
 * in place: listing a name's mentions across a large corpus builds no arrays.
 */
export function eachSpan(e: EntitySummary, f: (start: number, end: number) => void): void {
  if (typeof e.spans !== 'string') {
    for (let i = 0; i + 1 < e.spans.length; i += 2) f(e.spans[i], e.spans[i + 1]);
    return;
  }
  let start = -1;
  eachPacked(e.spans, (n) => {
    if (start < 0) start = n;
    else {
      f(start, n);
      start = -1;
    }
  }, e.spansFrom, e.spansTo);
}

/**
 * Integers (line starts, mention spans: mostly increasing) as a short
 * string: base-36 differences, comma-separated. A summary restored from the
 * cache keeps them packed until a feature reads them, so a warm start parses
 * one string instead of hundreds of numbers per article.
 */
export function packNumbers(a: readonly number[]): string {
  let s = '';
  let prev = 0;
  for (let i = 0; i < a.length; i++) {
    if (!Number.isSafeInteger(a[i])) throw new RangeError(`packNumbers: ${a[i]} is not an integer`);
    const d = a[i] - prev;
    if (i) s += ',';
    s += d.toString(36);
    prev = a[i];
  }
  return s;
}

export function unpackNumbers(s: string): number[] {
  const out: number[] = [];
  eachPacked(s, (n) => out.push(n));
  return out;
}

export interface SummaryQuote {
  text: string;
  span: Span;
}

/** Quotations as one string: text, start and end of each, one after another, as JSON. */
export function packQuotes(q: SummaryQuote[] | string): string {
  if (typeof q === 'string') return q;
  const flat: (string | number)[] = [];
  for (const x of q) flat.push(x.text, x.span.start, x.span.end);
  return JSON.stringify(flat);
}

/**
 * A summary's quotations, unpacked if they are packed (not kept: the quotation index keeps what it needs). A
 * damaged packing (only an edited or damaged cache has one: a cut line does not parse) is replaced by what
 * `recover` reads (the article's facts), or reads as none without it.
 */
export function quotesOf(s: DocSummary, recover?: () => SummaryQuote[]): SummaryQuote[] {
  if (typeof s.quotes !== 'string') return s.quotes;
  const read = unpackQuotes(s.quotes);
  if (read || !recover) return read ?? [];
  return (s.quotes = recover());
}

function unpackQuotes(packed: string): SummaryQuote[] | undefined {
  let flat: unknown;
  try {
    flat = JSON.parse(packed);
  } catch {
    return undefined;
  }
  if (!Array.isArray(flat) || flat.length % 3) return undefined;
  const out: SummaryQuote[] = [];
  for (let i = 0; i < flat.length; i += 3) {
    const [text, start, end] = [flat[i], flat[i + 1], flat[i + 2]];
    if (typeof text !== 'string' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return undefined;
    out.push({ text, span: { start: start as number, end: end as number } });
  }
  return out;
}

/** Calls `f` with each number packed in `s` (or in its part [from, to)), in order; throws if they are not packed numbers. */
function eachPacked(s: string, f: (n: number) => void, from = 0, to = s.length): void {
  if (!readPacked(s, f, from, to)) throw new RangeError('unpackNumbers: not packed numbers');
}

/**
 * What the index needs of an article to answer lookups without its full
 * facts: header fields, entities without mentions, the measures its figures
 * state, its quotations. A warm start restores only this and loads each
 * article's full `DocFacts` when a feature first asks for them.
 */
export interface DocSummary {
  uri: string;
  title: string;
  titleSpan: Span;
  source?: string;
  date?: number;
  /** See `DocFacts.day`. */
  day?: number;
  link?: string;
  authors: string[];
  entities: EntitySummary[];
  measures: string[];
  /**
   * The quotations; restored from the cache, one string (`packQuotes`) until the quotation index, built after a
   * load, reads them (`quotesOf`): 40,000 quotations at 10,000 articles were 120,000 objects in a warm start.
   */
  quotes: SummaryQuote[] | string;
  /** The tags of the corpus's key=value kind, as written ("victim.country.name=Israel"): what completion offers after a key. */
  keyed: string[];
  /**
   * Its topic tags as written, tags that name no entity of the article ("[[ransomware]]", "[[VPN]]": 258 real
   * articles tag "ransomware", which had no card, definition or references), in the order of the text…
   */
  topics: string[];
  /** …and where each stands, two numbers a tag: references list them without reading any article's facts. */
  topicSpans: number[];
  /**
   * The addresses its links lead to (`canonicalUrl`, not its own), each as `urlHash`, sorted, each once: which articles
   * link to an article (`CorpusIndex.linkersOf`) is found from them without reading any article's facts. Hashes,
   * not the addresses: 9 links an article on average would be 450,000 strings at 50,000 articles.
   */
  linksTo: number[];
}

/**
 * A canonical address's hash: FNV-1a, 30 bits, so that V8 keeps it as a small integer. Two addresses may share
 * one; whoever reads the articles it leads to compares the addresses themselves.
 */
export function urlHash(url: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 30)) & 0x3fffffff;
}

/** `DocSummary.linksTo` of an article's facts. */
export function linkHashes(f: DocFacts): number[] {
  if (!f.links.length) return [];
  const out = new Set<number>();
  for (const l of f.links) {
    const url = canonicalUrl(l.url);
    if (url && url !== f.link) out.add(urlHash(url));
  }
  return [...out].sort((a, b) => a - b);
}

/** A key's letters and digits only: "trend micro" and "trendmicro", "check point" and "checkpoint" are one. */
function squashKey(key: string): string {
  return key.replace(/[\s\-.]+/g, '');
}

/** An acronym as articles write one ("AFP", "IC3", "AT&T"): what `CorpusIndex.expansionOf` reads. */
const ACRONYM = /^[A-Z][A-Z0-9&]{1,7}$/;

/** One name however it is spelled out: "Content Delivery Network" and "… Networks", "Mitre Corp" and "Mitre". */
function spelledAlike(key: string): string {
  return squashKey(corporateBase(key)).replace(/s$/, '');
}

/** "victim.country.name=Israel" once per article, from `[[victim.country.name= Israel]]`; none with no key or value. */
function keyedTags(tags: DocFacts['tags']): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    if (t.key === undefined || t.key === '') continue;
    const value = t.name.slice(t.name.indexOf('=') + 1).trim();
    if (value) out.add(`${t.key}=${value}`);
  }
  return [...out];
}

/** An article's tags that are no key=value tag and name none of its entities, as written, and their spans (`DocSummary.topics`). */
export function topicTags(f: DocFacts): { topics: string[]; topicSpans: number[] } {
  const topics: string[] = [];
  const topicSpans: number[] = [];
  if (!f.tags.length) return { topics, topicSpans };
  let named: Set<string> | undefined;
  // Where a tag is a mention of an entity by another of its names ("[[Binns]]" for John Binns): that entity's. Read
  // from the mentions only for a tag that passes the rest.
  let tagged: number[] | undefined;
  for (const t of f.tags) {
    if (t.key !== undefined || !isSubjectTag(t.name)) continue;
    const key = entityKey(t.name);
    if (!key || (named ??= new Set(f.entities.map((e) => e.key))).has(key)) continue;
    if (!tagged) {
      tagged = [];
      for (const e of f.entities) for (const m of e.mentions) if (m.where === 'tag') tagged.push(m.span.start, m.span.end);
    }
    let mention = false;
    for (let k = 0; k < tagged.length && !mention; k += 2) mention = tagged[k] < t.span.end && tagged[k + 1] > t.span.start;
    if (mention) continue;
    topics.push(t.name.trim());
    topicSpans.push(t.span.start, t.span.end);
  }
  return { topics, topicSpans };
}

export function summarize(f: DocFacts): DocSummary {
  return {
    uri: f.uri,
    title: f.title,
    titleSpan: f.sentences[0]?.span ?? { start: 0, end: 0 },
    source: f.source,
    date: f.date,
    ...(f.day !== undefined ? { day: f.day } : {}),
    link: f.link,
    authors: f.authors,
    entities: f.entities.map((e) => {
      const full = e.mentions.find((m) => m.where === 'body' && m.text === e.name) ?? e.mentions.find((m) => m.where === 'body') ?? e.mentions[0];
      const spans: number[] = [];
      let onlyInLinks = true;
      for (const m of e.mentions) {
        spans.push(m.span.start, m.span.end);
        if (onlyInLinks && !(m.where === 'body' && isLinkOnly(f.sentences[m.sentence]?.text ?? ''))) onlyInLinks = false;
      }
      return { key: e.key, name: e.name, kind: e.kind, aliases: e.aliases, mentionCount: e.mentions.length, firstStart: full ? full.span.start : 0, firstEnd: full ? full.span.end : 0, spans, spansFrom: 0, spansTo: 0, onlyInLinks };
    }),
    measures: [...new Set(f.figures.map((x) => x.measure))],
    quotes: f.quotes.map((q) => ({ text: q.text, span: q.span })),
    keyed: keyedTags(f.tags),
    ...topicTags(f),
    linksTo: linkHashes(f),
  };
}

/** An article in the index: its summary always, its full facts in memory or loaded on first use. */
export class IndexedDoc {
  private loaded: DocFacts | undefined;
  constructor(
    readonly summary: DocSummary,
    /** Offsets of line starts, or them packed (`packNumbers`, from the cache) until first read. */
    private starts: number[] | string,
    readonly origin: Origin,
    facts: DocFacts | undefined,
    private loader?: () => DocFacts,
    private readonly onLoad?: (doc: IndexedDoc) => void,
    /** No source for other articles (`CorpusIndex.isDraft`): an open file the user's `exclude` leaves out of the corpus. */
    readonly draft = false,
  ) {
    this.loaded = facts;
  }

  get uri(): string {
    return this.summary.uri;
  }

  get lineStarts(): number[] {
    if (typeof this.starts === 'string') this.starts = unpackNumbers(this.starts);
    return this.starts;
  }

  get facts(): DocFacts {
    if (!this.loaded) {
      this.loaded = this.loader!();
      this.onLoad?.(this);
    }
    return this.loaded;
  }

  /** Whether the full facts are in memory. */
  get resident(): boolean {
    return this.loaded !== undefined;
  }

  /** Drops the facts from memory; `loader` brings them back when asked. */
  evict(loader: () => DocFacts): void {
    this.loader = loader;
    this.loaded = undefined;
  }

  /** Drops facts that a loader can bring back; false if there is none. */
  unload(): boolean {
    if (!this.loader) return false;
    this.loaded = undefined;
    return true;
  }
}

/** Where an entity is named first (`EntityEntry.earliest`): the article, its date, the entity's number in it. */
interface Earliest {
  uri: string;
  date: number;
  i: number;
  onlyInLinks: boolean;
}

/** A tally not counted yet: shared, never written (counting gives each entity maps of its own). */
const NOT_COUNTED = new Map<never, number>();

/** One article's view of an entity counted into (1) or out of (-1) the entity's tally; `aliases` are the view's. */
function tally(entry: EntityEntry, e: EntitySummary, aliases: readonly string[], by: 1 | -1): void {
  if (e.onlyInLinks) entry._linkedFrom += by;
  else entry._mentionCount += by * e.mentionCount;
  bump(entry._names, e.name, by);
  bump(entry._kinds, e.kind, by);
  for (const a of aliases) bump(entry._aliases, a, by);
}

/**
 * An entity of the corpus: its key, the articles that mention it, and what
 * they say of it together (its name and kind by majority, aliases, counts),
 * counted from them when first read and from then on kept as articles come and
 * go. A warm start of 10,000 articles puts some 350,000 articles' views of
 * 30,000 entities in the index, and counting them as they came was a third of
 * its main thread's work, for entities most of which nothing asks about before
 * the writer types (the server counts the rest between requests). The tally's
 * fields (`_`) are the index's bookkeeping: read them through the getters,
 * which count first. They live on the entry itself: ranking every entity for
 * workspace symbols reads them all, and a tally of its own was one more object
 * to fetch per entity (a quarter more time at 10,000 articles).
 */
export class EntityEntry {
  _counted = false;
  /** Most used name across articles. */
  _name = '';
  _kind: EntityKind = 'other';
  /** Every form seen, with how many articles use it. */
  _aliases: Map<string, number> = NOT_COUNTED;
  _names: Map<string, number> = NOT_COUNTED;
  _kinds: Map<EntityKind, number> = NOT_COUNTED;
  /** How many of the articles name it only in headlines of related stories (`EntitySummary.onlyInLinks`). */
  _linkedFrom = 0;
  /** Mentions in the articles that name it, those counted by `articlesNaming` (not the ones that only link to a story about it). */
  _mentionCount = 0;
  /**
   * The earliest article naming it (by date, then path; undated last; one
   * that names it only in a related story's headline after any other, see
   * `namesEarlier`): worked out when first asked, then kept as articles
   * come, and worked out again when it goes; read it through `CorpusIndex.earliestOf`.
   */
  earliest: Earliest | undefined = undefined;

  constructor(
    readonly key: string,
    /** Articles that mention it, with the article's view of it. */
    readonly docs: EntityDocs,
    private readonly count: (e: EntityEntry) => void,
  ) {}

  get name(): string {
    if (!this._counted) this.count(this);
    return this._name;
  }

  get kind(): EntityKind {
    if (!this._counted) this.count(this);
    return this._kind;
  }

  get aliases(): Map<string, number> {
    if (!this._counted) this.count(this);
    return this._aliases;
  }

  get linkedFrom(): number {
    if (!this._counted) this.count(this);
    return this._linkedFrom;
  }

  get mentionCount(): number {
    if (!this._counted) this.count(this);
    return this._mentionCount;
  }
}

/**
 * The article URIs `DocMap`s have held, by number: what their appended pairs keep. It only grows, by each
 * file and editor document the process indexes, once (entity keys, which come and go as a writer types,
 * are kept in plain sets, `KeySets`).
 */
const KEY_NUMBERS = new Map<string, number>();
const KEYS: string[] = [];
/** A `DocMap` value is below this; a pair is key number × PAIR + value. */
const PAIR = 2 ** 24;
/** The first key number: every pair is then 2³¹ or more, never a small integer, so a list of pairs holds doubles. */
const FIRST_KEY = 128;

function keyNumber(key: string): number {
  let n = KEY_NUMBERS.get(key);
  if (n === undefined) {
    n = FIRST_KEY + KEYS.length;
    // Past 2²⁹ numbers a pair would pass 2⁵³ and no longer be exact.
    if (n >= 2 ** 29) throw new RangeError('DocMap: too many articles');
    KEYS.push(key);
    KEY_NUMBERS.set(key, n);
  }
  return n;
}

/**
 * Articles by URI, each with a small number (an entity's number in the article; 0 where only the article
 * counts), in the order they were added: a `Map` that is filled when first read. Loading a
 * corpus adds some 270,000 article-entity pairs for 10,000 articles; appending them to arrays costs a third
 * of setting them in thousands of maps (measured: 39 against 111 ms), and most entities are never looked
 * up. Each pair appended is one number (the key's number in a table of every key seen, and the value):
 * the lists hold unboxed doubles, which the garbage collector does not trace and an append does not
 * record; lists of strings and numbers were 40% of adding 50,000 articles (550 of 1,300 ms). Reading or
 * deleting fills the map first, so the order is the one a map would have kept. An article is added at
 * most once (its summary has one entry per entity key, one per measure), so `size` needs no map.
 */
export class DocMap implements Iterable<[string, number]> {
  private map: Map<string, number> | undefined;
  /**
   * Added since the map was last filled, a number each (key number × PAIR + value). One exactly sized
   * array for the first (most names are in one article), grown by pushes after that; the map only when read.
   */
  private pending: number[] | undefined;

  /** Adds an article that is not in the map yet, with a whole number from 0 to 2²⁴ − 1. */
  add(key: string, value: number): void {
    if (!(value >= 0 && value < PAIR && Number.isInteger(value))) throw new RangeError(`DocMap: ${value} is no value`);
    const pair = keyNumber(key) * PAIR + value;
    if (this.pending) this.pending.push(pair);
    else this.pending = [pair];
  }

  private filled(): Map<string, number> {
    const map = (this.map ??= new Map());
    const p = this.pending;
    if (p) {
      for (let i = 0; i < p.length; i++) {
        const n = Math.floor(p[i] / PAIR);
        map.set(KEYS[n - FIRST_KEY], p[i] - n * PAIR);
      }
      this.pending = undefined;
    }
    return map;
  }

  get size(): number {
    return (this.map?.size ?? 0) + (this.pending ? this.pending.length : 0);
  }

  /** Calls `f` with each key and value in order, without putting what was appended in the map. */
  forEach(f: (key: string, value: number) => void): void {
    if (this.map) for (const [k, v] of this.map) f(k, v);
    const p = this.pending;
    if (!p) return;
    for (let i = 0; i < p.length; i++) {
      const n = Math.floor(p[i] / PAIR);
      f(KEYS[n - FIRST_KEY], p[i] - n * PAIR);
    }
  }

  has(uri: string): boolean {
    return this.filled().has(uri);
  }

  get(uri: string): number | undefined {
    return this.filled().get(uri);
  }

  delete(uri: string): boolean {
    return this.filled().delete(uri);
  }

  keys(): IterableIterator<string> {
    return this.filled().keys();
  }

  entries(): IterableIterator<[string, number]> {
    return this.filled().entries();
  }

  [Symbol.iterator](): IterableIterator<[string, number]> {
    return this.filled().entries();
  }
}

/** A function giving one shared copy of each string it is given (the first it saw). */
export function interner(): (s: string) => string {
  const strings = new Map<string, string>();
  return (s) => {
    const had = strings.get(s);
    if (had !== undefined) return had;
    strings.set(s, s);
    return s;
  };
}

/** How many entities an article's summary has (packed or not). */
export function entityCount(s: DocSummary): number {
  return s instanceof PackedSummary ? s.entityCount : s.entities.length;
}

/** An article's entity by its number in the summary; a packed one is a view made now and kept by no one. */
export function entityAt(s: DocSummary, i: number): EntitySummary {
  return s instanceof PackedSummary ? s.entityAt(i) : s.entities[i];
}

/**
 * The articles that mention an entity, with each article's view of it. The
 * index keeps the entity's number in each article (`entityAt`), not the view:
 * a warm start of 10,000 articles restores 280,000 of them, and as objects
 * they were the scavenger's largest work. Views are made when read.
 */
export class EntityDocs implements Iterable<[string, EntitySummary]> {
  private readonly at = new DocMap();

  constructor(private readonly summaryOf: (uri: string) => DocSummary | undefined) {}

  /** Adds an article that is not in the map yet, with the entity's number in its summary. */
  add(uri: string, i: number): void {
    this.at.add(uri, i);
  }

  get size(): number {
    return this.at.size;
  }

  has(uri: string): boolean {
    return this.at.has(uri);
  }

  /** Calls `f` with each article and the entity's number in its summary, in order (a scan that makes no map). */
  forEach(f: (uri: string, i: number) => void): void {
    this.at.forEach(f);
  }

  /** The entity's number in the article's summary (see `entityAt`). */
  numberIn(uri: string): number | undefined {
    return this.at.get(uri);
  }

  get(uri: string): EntitySummary | undefined {
    const i = this.at.get(uri);
    const s = i === undefined ? undefined : this.summaryOf(uri);
    return s && entityAt(s, i!);
  }

  delete(uri: string): boolean {
    return this.at.delete(uri);
  }

  keys(): IterableIterator<string> {
    return this.at.keys();
  }

  *entries(): IterableIterator<[string, EntitySummary]> {
    for (const [uri, i] of this.at) {
      const s = this.summaryOf(uri);
      if (s) yield [uri, entityAt(s, i)];
    }
  }

  [Symbol.iterator](): IterableIterator<[string, EntitySummary]> {
    return this.entries();
  }
}

/**
 * Whether an article's naming of an entity comes before `was` as the place to
 * show it: one that names it in its own text before one that names it only in
 * a related story's headline (a symbol opened T-Mobile on ZDNet's "related
 * coverage" line), then by `articleOrder`.
 */
function namesEarlier(view: EntitySummary, date: number, uri: string, was: Earliest): boolean {
  if (view.onlyInLinks !== was.onlyInLinks) return was.onlyInLinks;
  return articleOrder(date, uri, was.date, was.uri) < 0;
}

/**
 * An article's outline, as one string: its header fields, origin and draft state, each entity with its name, kind,
 * aliases and count of mentions (not where they stand), the measures it states, its tags. Equal outlines: every
 * answer worked out from summaries alone (`memoizedByOutline`) stays the same.
 */
function outlineOf(doc: IndexedDoc): string {
  const s = doc.summary;
  let out = `${s.title}\u0001${s.source ?? ''}\u0001${s.date ?? ''}\u0001${s.day ?? ''}\u0001${s.link ?? ''}\u0001${doc.origin}\u0001${doc.draft}\u0001${s.authors.join('\u0002')}`;
  for (let i = 0, n = entityCount(s); i < n; i++) {
    const e = entityAt(s, i);
    out += `\u0001${e.key}\u0002${e.name}\u0002${e.kind}\u0002${e.mentionCount}\u0002${e.onlyInLinks}\u0002${e.aliases.join('\u0003')}`;
  }
  return `${out}\u0001${s.measures.join('\u0002')}\u0001${s.keyed.join('\u0002')}\u0001${s.topics.join('\u0002')}`;
}

/** An entity's articles by date (then path), and its undated ones by path (`CorpusIndex.datedDocs`). */
export interface DatedDocs {
  dated: { uri: string; date: number }[];
  undated: string[];
}

/**
 * The corpus's order of articles in time: by date, then by path; undated
 * ones (`undefined`, or the index's +Infinity) last. The earliest article
 * naming an entity, an entity's articles for definition and references, and
 * the articles searched for parts of a total all follow it, so answers never
 * depend on the order files were indexed in. Negative when `a` comes first.
 */
export function articleOrder(aDate: number | undefined, aUri: string, bDate: number | undefined, bUri: string): number {
  const a = aDate ?? Number.POSITIVE_INFINITY;
  const b = bDate ?? Number.POSITIVE_INFINITY;
  if (a !== b) return a < b ? -1 : 1;
  return aUri < bUri ? -1 : aUri > bUri ? 1 : 0;
}

/** How many articles mention the entity, leaving out those that only link to a story about it. */
export function articlesNaming(e: EntityEntry): number {
  return e.docs.size - e.linkedFrom;
}

export interface FigureRef {
  uri: string;
  figure: Figure;
}

function bump<K>(m: Map<K, number>, k: K, by: number): void {
  const n = (m.get(k) ?? 0) + by;
  if (n <= 0) m.delete(k);
  else m.set(k, n);
}

/** Articles by a key (a measure, a Link); an article adds each key once. */
type UriSets = Map<string, DocMap>;

function addTo<K>(m: Map<K, DocMap>, k: K, uri: string): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new DocMap()));
  s.add(uri, 0);
}

function removeFrom<K>(m: Map<K, DocMap>, k: K, v: string): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(v);
  if (!s.size) m.delete(k);
}

/** A name in this many articles or more is one `nearNames` finds misspellings of. */
export const NEAR_MIN = 3;

/** Names shorter than this (keys, spaces included) are never near one another: "NBC" and "CBC", "Meta" and "Beta". */
const NEAR_LENGTH = 5;

/** Each form of `key` with one character left out, each once. */
export function oneLeftOut(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) {
    // "kasperrsky" leaves out either "r" to the same form.
    if (i > 0 && key.charCodeAt(i) === key.charCodeAt(i - 1)) continue;
    out.push(key.slice(0, i) + key.slice(i + 1));
  }
  return out;
}

/** Adds `key` under each of its forms with a character left out, or takes it out. */
function nearForms(near: KeySets, key: string, add: boolean): void {
  if (key.length < NEAR_LENGTH) return;
  for (const d of oneLeftOut(key)) {
    if (add) near.add(d, key);
    else near.delete(d, key);
  }
}

/** Whether `b` is `a` with exactly one character left out, added or changed, or two side by side swapped. */
export function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let p = 0;
  while (p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (a.length === b.length) {
    if (a.slice(p + 1) === b.slice(p + 1)) return true;
    return p + 1 < a.length && a[p] === b[p + 1] && a[p + 1] === b[p] && a.slice(p + 2) === b.slice(p + 2);
  }
  return a.length > b.length ? a.slice(p + 1) === b.slice(p) : a.slice(p) === b.slice(p + 1);
}

/**
 * Entity keys by a key of theirs (a base, a squashed form, a last word). Not `DocMap`s: one add per
 * new entity, and keys come and go as a writer types ("acme c", "acme co"), which `DocMap`'s table of
 * keys would keep for good. Most keys of theirs stand for one entity key: that one is kept as it is,
 * and a set made only for a second (a warm start of 10,000 articles made 50,000 sets of one).
 */
export class KeySets {
  private readonly map = new Map<string, string | Set<string>>();

  add(k: string, key: string): void {
    const had = this.map.get(k);
    if (had === undefined) this.map.set(k, key);
    else if (typeof had === 'string') {
      if (had !== key) this.map.set(k, new Set([had, key]));
    } else had.add(key);
  }

  delete(k: string, key: string): void {
    const had = this.map.get(k);
    if (had === key) this.map.delete(k);
    else if (typeof had === 'object') {
      had.delete(key);
      if (!had.size) this.map.delete(k);
    }
  }

  /** The entity keys under `k`, in the order they came. */
  keysOf(k: string): Iterable<string> {
    const had = this.map.get(k);
    return had === undefined ? [] : typeof had === 'string' ? [had] : had;
  }
}

/**
 * A quotation's words with what house styles change taken out: spaces and
 * hyphens between words ("shut down" / "shutdown"), British and American
 * endings ("-ise"/"-ize", "-isation", "-our"/"-or").
 */
export function styled(joined: string): string {
  let out = '';
  for (const w of joined.split(' ')) out += americanEnding(w);
  return out;
}

const ISE = ['isations', 'isation', 'ising', 'ised', 'ises', 'ise'];

function americanEnding(w: string): string {
  for (const e of ISE) if (w.endsWith(e)) return `${w.slice(0, -e.length)}iz${e.slice(2)}`;
  // "colour", "behaviours"; not "your", "four", "hours".
  if (w.length >= 6 && w.endsWith('our')) return `${w.slice(0, -3)}or`;
  if (w.length >= 7 && w.endsWith('ours')) return `${w.slice(0, -4)}ors`;
  return w;
}

/** "U.S.", "e.g.": initials with dots, written "US" by another outlet's style. */
const DOTTED = /\b(?:[a-z]\.){2,}/gi;

/** Quotations of fewer words are not compared with other articles' (`checkQuotes`): too short to tell a retelling. */
export const MIN_QUOTE_WORDS = 8;

/** A quotation's words, lower-case, punctuation dropped, "U.S." read as "US": what quotations are compared by. */
export function quoteWords(text: string): string[] {
  const undotted = text.includes('.') ? text.replace(DOTTED, (m) => m.replace(/\./g, '')) : text;
  return undotted.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

const SHINGLE = 5;

/** FNV-1a of a word, 32 bits. */
function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Overlapping five-word windows as hashes, sorted and unique; two quotations
 * that share one are candidates for being the same. Numbers, not joined
 * strings: a corpus has millions of windows, and a collision only adds a
 * candidate that the word-for-word comparison then rejects. Hashes keep 30
 * bits, so that as map keys they are small integers, not heap numbers.
 */
function shingles(words: string[]): Uint32Array {
  return windowsOf(words.map(wordHash));
}

function windowsOf(hs: number[]): Uint32Array {
  if (hs.length < SHINGLE) return new Uint32Array(0);
  const out = new Uint32Array(hs.length - SHINGLE + 1);
  for (let i = 0; i < out.length; i++) {
    let h = 0;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ hs[i + j], 0x9e3779b1) + j;
    out[i] = h & 0x3fffffff;
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
  return out.subarray(0, n);
}

/** Lower-case ASCII letter or digit code of `c`, or -1. */
function wordChar(c: number): number {
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 48 && c <= 57) return c;
  return -1;
}

/**
 * `shingles(quoteWords(text))` in one pass over the characters, without
 * building the words: what indexing a corpus's quotations costs. Text with
 * one of the few characters whose lower case is ASCII (the Kelvin sign,
 * dotted capital I), or with dotted initials, takes the long way, so both
 * always agree.
 */
export function quoteWindows(text: string): Uint32Array {
  // Initials with dots ("U.S.") are read as one word: the long way.
  DOTTED.lastIndex = 0;
  if (text.includes('.') && DOTTED.test(text)) return shingles(quoteWords(text));
  const hs: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let w = wordChar(c);
    if (w < 0) {
      if (c === 0x212a || c === 0x130) return shingles(quoteWords(text));
      i++;
      continue;
    }
    let h = 0x811c9dc5;
    while (w >= 0) {
      h = Math.imul(h ^ w, 0x01000193);
      w = ++i < n ? wordChar(text.charCodeAt(i)) : -1;
    }
    // "don't", "o’clock": an apostrophe and letters (not digits) stay in the word.
    const a = i < n ? text.charCodeAt(i) : 0;
    if ((a === 39 || a === 0x2019 || a === 0x2018) && i + 1 < n) {
      let l = wordChar(text.charCodeAt(i + 1));
      if (l >= 97) {
        h = Math.imul(h ^ 39, 0x01000193);
        i++;
        while (l >= 97) {
          h = Math.imul(h ^ l, 0x01000193);
          l = ++i < n ? wordChar(text.charCodeAt(i)) : -1;
        }
      }
    }
    hs.push(h >>> 0);
  }
  return windowsOf(hs);
}

/**
 * A quotation's wording, shared by every article that quotes it word for word (news copies quotations from each
 * other): its windows, where it stands, and its words and `styled` form once compared. How two quotations compare
 * depends on their wordings only, so a query compares each wording once however many articles carry it.
 */
interface QuoteForm {
  /** Its place in `QuoteIndex.byId`. */
  id: number;
  text: string;
  shingles: Uint32Array;
  joined?: string;
  styled?: string;
  /** The quotations with this wording: article, place, and rank among the article's quotations. */
  at: { uri: string; span: Span; k: number }[];
}

interface QuoteIndex {
  /** Window hash → the ids of the wordings holding it. */
  byShingle: WindowTable;
  /** The wordings by id; a removed one leaves its id free (`freeIds`). */
  byId: (QuoteForm | undefined)[];
  freeIds: number[];
  /** Each article's quotations' wordings, in order. */
  data: Map<string, QuoteForm[]>;
  /** Wordings by text. */
  forms: Map<string, QuoteForm>;
  /** Articles still to add while the index is being built. */
  todo: string[];
}

function addQuotes(q: QuoteIndex, doc: IndexedDoc): void {
  const f = doc.summary;
  const qd: QuoteForm[] = [];
  // Quotations packed in a damaged cache line are read again from the article's facts (and kept, so the cache is
  // written right next time).
  const quotes = quotesOf(f, () => doc.facts.quotes.map((x) => ({ text: x.text, span: x.span })));
  for (let k = 0; k < quotes.length; k++) {
    const x = quotes[k];
    let form = q.forms.get(x.text);
    if (!form) {
      const id = q.freeIds.length ? q.freeIds.pop()! : q.byId.length;
      q.forms.set(x.text, (form = { id, text: x.text, shingles: quoteWindows(x.text), at: [] }));
      q.byId[id] = form;
      for (const sh of form.shingles) q.byShingle.add(sh, id);
    }
    form.at.push({ uri: f.uri, span: x.span, k });
    qd.push(form);
  }
  q.data.set(f.uri, qd);
}

function removeQuotes(q: QuoteIndex, uri: string): void {
  for (const form of q.data.get(uri) ?? []) {
    form.at = form.at.filter((a) => a.uri !== uri);
    // Still quoted elsewhere, or already removed (the article quotes it twice).
    if (form.at.length || q.forms.get(form.text) !== form) continue;
    q.forms.delete(form.text);
    for (const sh of form.shingles) q.byShingle.remove(sh, form.id);
    q.byId[form.id] = undefined;
    q.freeIds.push(form.id);
  }
  q.data.delete(uri);
}

export interface QuoteMatch {
  uri: string;
  text: string;
  span: Span;
  /** `same`: one quotation contains the other word for word; `altered`: most words shared, wording differs. */
  relation: 'same' | 'altered';
}

/** Line starts as the index keeps them (the same as `LineIndex`'s). */
export { lineStartsOf } from '../text';

/** Each article's figures by measure, worked out once per version of its facts. */
const measuresOf = new WeakMap<Figure[], Map<string, Figure[]>>();

const KIND_ORDER: EntityKind[] = ['person', 'organisation', 'outlet', 'place', 'handle', 'vulnerability', 'other'];

/** Answers kept under a key while a version holds (`CorpusIndex.memoized`, `memoizedByOutline`); `undefined` is never kept. */
class Memo {
  private answers = new Map<string, unknown>();
  private version = -1;

  get<T>(version: number, key: string, compute: () => T): T {
    if (this.version !== version) {
      this.answers.clear();
      this.version = version;
    }
    let v = this.answers.get(key) as T | undefined;
    if (v === undefined) this.answers.set(key, (v = compute()));
    return v;
  }

  clear(): void {
    this.answers.clear();
  }
}

export class CorpusIndex {
  private readonly docs = new Map<string, IndexedDoc>();
  private readonly entities = new Map<string, EntityEntry>();
  /** Entity keys by their `corporateBase`, where it differs: who a subject's figures belong to. */
  private readonly byBase = new KeySets();
  /** Entity keys by their letters without spaces and hyphens ("trend micro" and "trendmicro"), for `family`. */
  private readonly bySquash = new KeySets();
  /** Keys of two words or more by their last word ("biden" → "joe biden"), for `personFor`. */
  private readonly byLastWord = new KeySets();
  /**
   * The keys of names in `NEAR_MIN` articles or more, by each of their forms with one character left out ("kaspersky"
   * under "aspersky", "kspersky", …): where `nearNames` finds what a name may be a misspelling of. Built when first
   * asked (`buildNear`), then kept by `put` and `unlink` as names reach and leave `NEAR_MIN` articles.
   */
  private byNear: KeySets | undefined;
  /** Where `buildNear` goes on from. */
  private nearTodo: IterableIterator<EntityEntry> | undefined;
  /**
   * What articles spell an acronym out as ("Australian Federal Police (AFP)" gives the entity the alias "AFP"):
   * acronym as written → entity key → how many articles, for `family`.
   */
  private readonly byAcronym = new Map<string, Map<string, number>>();
  private readonly byMeasure: UriSets = new Map();
  /** Articles by the topic tags they carry (`DocSummary.topics`), by key ("ransomware" for [[Ransomware]]). */
  private readonly byTopic: UriSets = new Map();
  /** How many tags write each topic each way ("ransomware" 258, "Ransomware" 158). */
  private readonly topicForms = new Map<string, Map<string, number>>();
  private readonly byLink: UriSets = new Map();
  /** Articles by the `urlHash` of each address they link to (`DocSummary.linksTo`): built when first asked (`linkersOf`). */
  private byLinkTo: Map<number, DocMap> | undefined;
  /**
   * The quotation index, built after the rest (see `buildQuotes`): loading a
   * corpus need not wait for it, and it is kept up to date from then on.
   */
  private quotes: QuoteIndex | undefined;
  private readonly sources = new Map<string, number>();
  /** The one shared copy of a string (names, aliases, measures repeat in thousands of summaries); grows with the distinct names of the corpus, never with its size. */
  private readonly intern = interner();
  private readonly authors = new Map<string, number>();
  /** Key=value tags, with how many articles give each. */
  private readonly keyed = new Map<string, number>();
  /** Entities pinned by the workspace, by key (their descriptions show in hovers). */
  pins = new Map<string, Pin>();
  version = 0;

  get size(): number {
    return this.docs.size;
  }

  get(uri: string): IndexedDoc | undefined {
    return this.docs.get(uri);
  }

  all(): IterableIterator<IndexedDoc> {
    return this.docs.values();
  }

  /** Adds or replaces an article whose facts were just computed; a `draft` is no source for others (`isDraft`). */
  set(doc: { facts: DocFacts; lineStarts: number[]; origin: Origin; draft?: boolean }): void {
    this.put(new IndexedDoc(summarize(doc.facts), doc.lineStarts, doc.origin, doc.facts, undefined, this.loadedLazily, doc.draft));
  }

  /**
   * A draft: an unsaved editor buffer (`untitled:`), or an article set as one (an open file that the user's
   * `breachDesk.exclude` leaves out of the corpus). The index knows it so that it is checked like any article,
   * but it is no source for other articles' checks, cards or timelines.
   */
  isDraft(uri: string): boolean {
    return uri.startsWith('untitled:') || this.docs.get(uri)?.draft === true;
  }

  /** Adds or replaces an article from its summary; `load` gives its full facts when a feature asks. */
  setLazy(summary: DocSummary, lineStarts: number[] | string, origin: Origin, load: () => DocFacts): void {
    this.put(new IndexedDoc(summary, lineStarts, origin, undefined, load, this.loadedLazily));
  }

  /** Articles whose facts were loaded on demand, oldest first. */
  private readonly lazilyLoaded = new Set<IndexedDoc>();
  private readonly loadedLazily = (doc: IndexedDoc) => {
    this.lazilyLoaded.add(doc);
  };

  /**
   * Drops the facts of the articles loaded longest ago, keeping at most
   * `keep` in memory. The server calls this between requests, never during
   * one, so no answer sees an article's facts change identity half-way.
   */
  trimResident(keep: number): number {
    let dropped = 0;
    if (this.lazilyLoaded.size <= keep) return 0;
    // Memoized answers hold facts too (a trim with nothing to drop keeps them: the server asks every few seconds).
    this.memo.clear();
    for (const doc of this.lazilyLoaded) {
      if (this.lazilyLoaded.size <= keep) break;
      this.lazilyLoaded.delete(doc);
      if (doc.unload()) dropped++;
    }
    return dropped;
  }

  private put(doc: IndexedDoc): void {
    const f = doc.summary;
    const old = this.docs.get(f.uri);
    if (this.datedBy.size) this.forgetDated(old?.summary, f);
    if (!old || outlineOf(old) !== outlineOf(doc)) this.outlineVersion++;
    this.unlink(f.uri);
    this.docs.set(f.uri, doc);
    // A draft's spelled-out acronyms are no evidence for other articles (`expansionOf`).
    const draft = this.isDraft(f.uri);
    for (let i = 0, n = entityCount(f); i < n; i++) {
      const e = entityAt(f, i);
      const key = e.key;
      let entry = this.entities.get(key);
      if (!entry) {
        entry = new EntityEntry(key, new EntityDocs(this.summaryOf), this.tallyOf);
        this.entities.set(key, entry);
        this.notCounted++;
        const base = corporateBase(key);
        if (base !== key) this.byBase.add(base, key);
        this.bySquash.add(squashKey(key), key);
        if (key.includes(' ')) this.byLastWord.add(key.slice(key.lastIndexOf(' ') + 1), key);
      }
      // One copy of each name: an article analysed here brings fresh strings (a packed one reads its names from
      // the cache's table, or an analyst thread's, whose names the pool interned).
      if (!(e instanceof PackedEntity)) {
        e.key = entry.key;
        e.name = this.intern(e.name);
        for (let k = 0; k < e.aliases.length; k++) e.aliases[k] = this.intern(e.aliases[k]);
      }
      entry.docs.add(f.uri, i);
      if (this.byNear && entry.docs.size === NEAR_MIN) nearForms(this.byNear, key, true);
      const aliases = e.aliases;
      if (!draft && aliases.length) this.spelledOut(e, 1);
      const onlyInLinks = e.onlyInLinks;
      // Kept once known (`earliestOf` works it out when first asked; a removal forgets it until asked again).
      if (entry.earliest && namesEarlier(e, f.date ?? Number.POSITIVE_INFINITY, f.uri, entry.earliest)) {
        entry.earliest = { uri: f.uri, date: f.date ?? Number.POSITIVE_INFINITY, i, onlyInLinks };
      }
      // An entity not counted yet is counted from its articles when first read.
      if (!entry._counted) continue;
      tally(entry, e, aliases, 1);
      // One more of the name and kind that lead (or of "other", which leads only alone) leaves the lead as it is.
      if (e.name !== entry._name || (e.kind !== entry._kind && e.kind !== 'other')) this.settle(entry);
    }
    for (let i = 0; i < f.measures.length; i++) addTo(this.byMeasure, (f.measures[i] = this.intern(f.measures[i])), f.uri);
    if (f.link) addTo(this.byLink, f.link, f.uri);
    if (this.byLinkTo) for (const h of f.linksTo) addTo(this.byLinkTo, h, f.uri);
    if (this.quotes) addQuotes(this.quotes, doc);
    if (f.source) bump(this.sources, f.source, 1);
    for (const a of f.authors) bump(this.authors, a, 1);
    for (let i = 0; i < f.keyed.length; i++) bump(this.keyed, (f.keyed[i] = this.intern(f.keyed[i])), 1);
    for (let i = 0; i < f.topics.length; i++) {
      const written = (f.topics[i] = this.intern(f.topics[i]));
      const key = entityKey(written);
      addTo(this.byTopic, key, f.uri);
      let forms = this.topicForms.get(key);
      if (!forms) this.topicForms.set(key, (forms = new Map()));
      bump(forms, written, 1);
    }
    this.version++;
  }

  /** Counts an entity's tally from its articles' views (as `put` and `remove` keep it from then on). */
  private readonly tallyOf = (entry: EntityEntry): void => {
    entry._names = new Map();
    entry._kinds = new Map();
    entry._aliases = new Map();
    entry._linkedFrom = 0;
    entry._mentionCount = 0;
    // A scan: most entities' articles are never looked up by URI, and need no map (`DocMap`).
    entry.docs.forEach((uri, i) => {
      const s = this.summaryOf(uri);
      if (!s) return;
      const e = entityAt(s, i);
      tally(entry, e, e.aliases, 1);
    });
    entry._counted = true;
    // One read after its last article went (a view held across a removal) was counted as it left.
    if (this.entities.get(entry.key) === entry) this.notCounted--;
    this.settle(entry);
  };

  /**
   * Counts entities not counted yet, for up to `ms` milliseconds (the server
   * calls it between requests after a load, so that the first list of every
   * entity does not count them all); true when none is left.
   */
  countEntities(ms: number): boolean {
    if (this.notCounted === 0) return true;
    const end = Date.now() + ms;
    // The clock is read by work done: a popular name is in thousands of articles.
    let work = 0;
    for (const e of this.uncounted ??= this.entities.values()) {
      if (e._counted) continue;
      work += e.docs.size;
      this.tallyOf(e);
      if (work >= 64) {
        work = 0;
        if (this.notCounted > 0 && Date.now() >= end) return false;
      }
    }
    // A whole pass counts every entity there is (one added meanwhile is appended to the map, and met).
    this.uncounted = undefined;
    this.notCounted = 0;
    return true;
  }

  /** Where `countEntities` goes on from. */
  private uncounted: IterableIterator<EntityEntry> | undefined;
  /** Entities not counted yet: when none is, `countEntities` has nothing to walk. */
  private notCounted = 0;

  remove(uri: string): void {
    const old = this.docs.get(uri);
    if (!old) return;
    if (this.datedBy.size) this.forgetDated(old.summary, undefined);
    this.outlineVersion++;
    this.unlink(uri);
  }

  /** Takes an article out of every table (`remove`, and `put` before it adds the article again). */
  private unlink(uri: string): void {
    const old = this.docs.get(uri);
    if (!old) return;
    this.lazilyLoaded.delete(old);
    const f = old.summary;
    const draft = this.isDraft(uri);
    this.docs.delete(uri);
    for (let i = 0, n = entityCount(f); i < n; i++) {
      const e = entityAt(f, i);
      const entry = this.entities.get(e.key);
      if (!entry) continue;
      entry.docs.delete(uri);
      if (this.byNear && entry.docs.size === NEAR_MIN - 1) nearForms(this.byNear, e.key, false);
      if (entry.earliest?.uri === uri) entry.earliest = undefined;
      if (!draft) this.spelledOut(e, -1);
      if (!entry.docs.size) {
        this.entities.delete(e.key);
        if (!entry._counted) this.notCounted--;
        const base = corporateBase(e.key);
        if (base !== e.key) this.byBase.delete(base, e.key);
        this.bySquash.delete(squashKey(e.key), e.key);
        if (e.key.includes(' ')) this.byLastWord.delete(e.key.slice(e.key.lastIndexOf(' ') + 1), e.key);
        continue;
      }
      if (!entry._counted) continue;
      tally(entry, e, e.aliases, -1);
      this.settle(entry);
    }
    for (const m of f.measures) removeFrom(this.byMeasure, m, uri);
    if (f.link) removeFrom(this.byLink, f.link, uri);
    if (this.byLinkTo) for (const h of f.linksTo) removeFrom(this.byLinkTo, h, uri);
    if (this.quotes) removeQuotes(this.quotes, uri);
    if (f.source) bump(this.sources, f.source, -1);
    for (const a of f.authors) bump(this.authors, a, -1);
    for (const t of f.keyed) bump(this.keyed, t, -1);
    for (const written of f.topics) {
      const key = entityKey(written);
      removeFrom(this.byTopic, key, uri);
      const forms = this.topicForms.get(key);
      if (forms) bump(forms, written, -1);
      if (forms && !forms.size) this.topicForms.delete(key);
    }
    this.version++;
  }

  /** The mentions of an entity in one article (loads that article's facts if they are not in memory). */
  mentionsIn(uri: string, key: string): Mention[] {
    return this.docs.get(uri)?.facts.entities.find((e) => e.key === key)?.mentions ?? [];
  }

  /** Counts (or, by -1, forgets) the acronyms an article spells out as this name (`byAcronym`). */
  private spelledOut(e: EntitySummary, by: 1 | -1): void {
    if (e.kind === 'person' || e.kind === 'place') return;
    for (const a of e.aliases) {
      if (!ACRONYM.test(a) || a.toLowerCase() === e.key) continue;
      let m = this.byAcronym.get(a);
      if (!m) this.byAcronym.set(a, (m = new Map()));
      bump(m, e.key, by);
      if (!m.size) this.byAcronym.delete(a);
    }
  }

  /**
   * The key of the name an acronym stands for across the corpus: what articles spell it out as, when one
   * name (in any of its spellings, `spelledAlike`) has at least three times the articles of all others.
   * "AFP" spelled out as a police force in 16 articles and as a file protocol in one is the police; "CDN"
   * spelled "Content Delivery Network(s)" is one name; two meanings as common as each other give none.
   */
  expansionOf(acronym: string): string | undefined {
    const m = this.byAcronym.get(acronym);
    if (!m) return undefined;
    const groups = new Map<string, { n: number; key: string; top: number }>();
    for (const [key, n] of m) {
      const g = groups.get(spelledAlike(key));
      if (!g) groups.set(spelledAlike(key), { n, key, top: n });
      else {
        g.n += n;
        if (n > g.top || (n === g.top && key < g.key)) { g.key = key; g.top = n; }
      }
    }
    let best: { n: number; key: string } | undefined;
    let all = 0;
    for (const g of groups.values()) {
      all += g.n;
      if (!best || g.n > best.n || (g.n === best.n && g.key < best.key)) best = g;
    }
    return best && best.n >= 3 * (all - best.n) ? best.key : undefined;
  }

  /**
   * The entity an acronym stands for, where articles name the acronym alone (an entity named as such: "Va", a
   * name, is no "VA"): the name other articles spell it out as (`expansionOf`), when saved articles of each name a
   * rarer person or organisation in common (`nameCommon`). "AFP" in a
   * story naming Mike Pezzullo is the "Australian Federal Police (AFP)" of stories naming him too; "BT" in a
   * story on a telecom's quantum keys shares nothing with the stories spelling out "Bluetooth Classic (BT)".
   */
  acronymFor(acronym: string): EntityEntry | undefined {
    return this.memoizedByOutline(`acronym\u0000${acronym}`, () => {
      const key = this.expansionOf(acronym);
      const x = key === undefined ? undefined : this.entities.get(key);
      const a = this.entities.get(acronym.toLowerCase());
      if (!x || !a || a === x || a.name !== acronym || a.kind === 'person' || a.kind === 'place') return null;
      return this.nameCommon(a, x) ? x : null;
    }) ?? undefined;
  }

  /**
   * Whether a saved article of each names a third entity in common that is no household name: a person or an
   * organisation named in at most one article in fifty (Mike Pezzullo, the Department of Home Affairs), not a place
   * or an outlet, nor Apple or Twitter. Drafts are no evidence: an unsaved buffer changes no other article's card.
   */
  private nameCommon(a: EntityEntry, x: EntityEntry): boolean {
    const rare = Math.max(2, this.docs.size / 50);
    const near = new Set<string>();
    for (const uri of a.docs.keys()) {
      const s = this.isDraft(uri) ? undefined : this.docs.get(uri)?.summary;
      for (let i = 0, n = s ? entityCount(s) : 0; i < n; i++) {
        const key = entityAt(s!, i).key;
        if (key !== a.key && key !== x.key) near.add(key);
      }
    }
    for (const uri of x.docs.keys()) {
      const s = this.isDraft(uri) ? undefined : this.docs.get(uri)?.summary;
      for (let i = 0, n = s ? entityCount(s) : 0; i < n; i++) {
        const key = entityAt(s!, i).key;
        if (!near.has(key)) continue;
        const e = this.entities.get(key);
        if (e && e.docs.size <= rare && e.kind !== 'place' && e.kind !== 'outlet') return true;
      }
    }
    return false;
  }

  /**
   * The person a surname named alone stands for across articles ("President Biden" in a story that never gives his
   * first name): the one person of that surname the corpus names far most (in at least five articles, three times
   * as many as all others of the name together), on the same evidence as an acronym (`nameCommon`). Within an
   * article a surname is its own full name's (`extractEntities`); across articles two people may share one, so a
   * "Lee" that two Lees of the corpus could be, or a famous name's stranger, stands alone.
   */
  personFor(surname: EntityEntry): EntityEntry | undefined {
    if (surname.kind !== 'person' || surname.key.includes(' ')) return undefined;
    return this.memoizedByOutline(`surname\u0000${surname.key}`, () => {
      let best: EntityEntry | undefined;
      let rest = 0;
      for (const k of this.byLastWord.keysOf(surname.key)) {
        const e = this.entities.get(k);
        if (e?.kind !== 'person') continue;
        if (!best || e.docs.size > best.docs.size) {
          if (best) rest += best.docs.size;
          best = e;
        } else rest += e.docs.size;
      }
      return best && best.docs.size >= 5 && best.docs.size >= 3 * rest && this.nameCommon(surname, best) ? best : null;
    }) ?? undefined;
  }

  /** Picks the entity's name and kind by majority over the articles that mention it. */
  private settle(entry: EntityEntry): void {
    let best = entry._name;
    let n = -1;
    // By count, then the longer, then the first in plain order: never by which article came first.
    for (const [name, c] of entry._names) if (c > n || (c === n && (name.length > best.length || (name.length === best.length && name < best)))) { best = name; n = c; }
    entry._name = this.pins.get(entry.key)?.name ?? best;
    let kind: EntityKind = 'other';
    let k = -1;
    for (const kk of KIND_ORDER) {
      const c = entry._kinds.get(kk) ?? 0;
      if (kk !== 'other' && c > k && c > 0) { kind = kk; k = c; }
    }
    entry._kind = this.pins.get(entry.key)?.kind ?? (k > 0 ? kind : 'other');
  }

  /** The earliest article naming the entity (see `namesEarlier`), and its view of it. */
  earliestOf(e: EntityEntry): { uri: string; view: EntitySummary } | undefined {
    if (!e.earliest) {
      e.docs.forEach((uri, i) => {
        const s = this.docs.get(uri)?.summary;
        if (!s) return;
        const view = entityAt(s, i);
        const date = s.date ?? Number.POSITIVE_INFINITY;
        const was = e.earliest;
        if (!was || namesEarlier(view, date, uri, was)) e.earliest = { uri, date, i, onlyInLinks: view.onlyInLinks };
      });
    }
    const best = e.earliest;
    const s = best && this.docs.get(best.uri)?.summary;
    return best && s ? { uri: best.uri, view: entityAt(s, best.i) } : undefined;
  }

  /** The summary of an indexed article (what `EntityDocs` reads views from). */
  private readonly summaryOf = (uri: string): DocSummary | undefined => this.docs.get(uri)?.summary;

  entity(key: string): EntityEntry | undefined {
    return this.entities.get(key);
  }

  /**
   * The entity whose figures are kept under `subject` (see `corporateBase`):
   * the entity of that key, else the one named most often whose name is it
   * with a legal form ("robinhood" → Robinhood Markets).
   */
  /** The articles naming whom figures kept under `subject` belong to: the entity of that key and every one with it as `corporateBase`. */
  ownerDocs(subject: string): Set<string> {
    const out = new Set<string>();
    const add = (e: EntityEntry | undefined) => { if (e) for (const uri of e.docs.keys()) out.add(uri); };
    add(this.entities.get(subject));
    for (const key of this.byBase.keysOf(subject)) add(this.entities.get(key));
    return out;
  }

  /** The entity keys whose figures are kept under `subject` (see `ownerDocs`): that key, and every one with it as `corporateBase`. */
  ownerKeys(subject: string): string[] {
    const out = this.entities.has(subject) ? [subject] : [];
    for (const key of this.byBase.keysOf(subject)) out.push(key);
    return out;
  }

  /**
   * The entity keys that end in the words of `key`, of two words or more, with more words before them: "international
   * committee of the red cross" for "red cross" (see `ownerForms` in `compare.ts`).
   */
  longerEndingIn(key: string): string[] {
    const at = key.lastIndexOf(' ');
    if (at < 0) return [];
    const out: string[] = [];
    for (const k of this.byLastWord.keysOf(key.slice(at + 1))) {
      if (k.length > key.length + 1 && k.endsWith(key) && k.charCodeAt(k.length - key.length - 1) === 32) out.push(k);
    }
    return out;
  }

  /**
   * The other entities one organisation is named as across articles, by `corporateBase`: "Lazarus Group" in one
   * story and "Lazarus" in another, "Robinhood Markets" and "Robinhood"; and by its letters ("TrendMicro"). Never places
   * ("Palo Alto Networks" is no place), and people only by `personFor` (two people share a surname). Most-named first.
   */
  family(key: string): EntityEntry[] {
    const e = this.entities.get(key);
    if (e?.kind === 'person') return this.samePerson(e);
    if (!e || e.kind === 'place') return [];
    const base = corporateBase(key);
    const out: EntityEntry[] = [];
    // A name and that name with words of a legal form after it; two such forms when the bare name is known too
    // ("Mitre Corp", "Mitre Corporation" and "Mitre"). "Sentinel Labs" and "Sentinel Systems" alone are two firms.
    const bare = this.entities.has(base);
    const consider = (k: string) => {
      const x = k === key || !(bare || k.startsWith(`${key} `) || key.startsWith(`${k} `)) ? undefined : this.entities.get(k);
      if (x && x.kind !== 'person' && x.kind !== 'place' && !out.includes(x)) out.push(x);
    };
    consider(base);
    for (const k of this.byBase.keysOf(base)) consider(k);
    // The same letters spaced otherwise: "TrendMicro" and "Trend Micro", "CheckPoint" and "Check Point".
    const add = (x: EntityEntry | undefined) => {
      if (x && x !== e && x.kind !== 'person' && x.kind !== 'place' && !out.includes(x)) out.push(x);
    };
    for (const k of this.bySquash.keysOf(squashKey(key))) add(this.entities.get(k));
    // A plural written for the name ("SonicWalls", "Kaspersky Labs" for "Kaspersky Lab", "Federal Bureau of Investigations"), both ways.
    // Not outlets, and a one-word name only of five letters or more ("Open" and "Opens" are two things).
    if (e.kind !== 'outlet') {
      const plural = (x: EntityEntry | undefined) => { if (x && x.kind !== 'outlet') add(x); };
      const least = key.includes(' ') ? 3 : 5;
      if (key.length >= least) for (const k of [`${key}s`, `${key}es`]) plural(this.entities.get(k));
      if (key.length >= least + 1 && key.endsWith('s')) plural(this.entities.get(key.slice(0, -1)));
      if (key.length >= least + 2 && key.endsWith('es')) plural(this.entities.get(key.slice(0, -2)));
    }
    // A name left a place or a common word without its trade, where the corpus names that as an organisation:
    // "Palo Alto" (15 real articles, "first reported by Palo Alto") and "Palo Alto Networks"; both ways.
    // Two words at least: "Global Technologies" is no "Global"'s.
    const trade = withoutCorporateForm(key);
    if (trade !== base && trade.includes(' ') && this.entities.get(trade)?.kind === 'organisation') add(this.entities.get(trade));
    if (e.kind === 'organisation' && key.includes(' ')) {
      for (const k of withCorporateForms(key)) if (corporateBase(k) === k && this.entities.has(k)) add(this.entities.get(k));
    }
    // An acronym in one story and the name other stories spell it out as ("AFP", "Australian Federal Police
    // (AFP)"), both ways (`acronymFor`).
    if (ACRONYM.test(e.name) && key === e.name.toLowerCase()) add(this.acronymFor(e.name));
    for (const a of e.aliases.keys()) if (ACRONYM.test(a) && this.acronymFor(a) === e) add(this.entities.get(a.toLowerCase()));
    return out.sort((a, b) => b.docs.size - a.docs.size || (a.key < b.key ? -1 : 1));
  }

  /** A person's other entity across articles: the full name a surname alone stands for, or the surnames alone that stand for a full name (`personFor`). */
  private samePerson(e: EntityEntry): EntityEntry[] {
    const full = this.personFor(e);
    if (full) return [full];
    const at = e.key.lastIndexOf(' ');
    const bare = at < 0 ? undefined : this.entities.get(e.key.slice(at + 1));
    return bare && this.personFor(bare) === e ? [bare] : [];
  }

  owner(subject: string): EntityEntry | undefined {
    const exact = this.entities.get(subject);
    if (exact) return exact;
    let best: EntityEntry | undefined;
    for (const key of this.byBase.keysOf(subject)) {
      const e = this.entities.get(key);
      if (e && (!best || e.docs.size > best.docs.size)) best = e;
    }
    return best;
  }

  allEntities(): IterableIterator<EntityEntry> {
    return this.entities.values();
  }

  /**
   * Answers worked out once per version of the index: checking a whole
   * corpus (the CLI) asks for the same measures and quotations once per
   * article that states them, which without this grows with the square of
   * a story's size. Cleared by any change, and when facts are trimmed.
   */
  private memo = new Memo();

  /**
   * The articles naming whom figures kept under `subject` belong to (`ownerDocs`), by date (`articleOrder`), and the
   * undated ones by path; null when none does. Kept per subject across changes of other articles, and of an article
   * that still names it on the same date (`forgetDated`): a keystroke in an open article cleared them all, and the
   * first hover after it sorted the articles of each of the article's names again (a name in thousands of articles).
   */
  datedDocs(subject: string): DatedDocs | null {
    let d = this.datedBy.get(subject);
    if (d !== undefined) return d;
    const docs = this.ownerDocs(subject);
    d = null;
    if (docs.size) {
      d = { dated: [], undated: [] };
      for (const uri of docs) {
        const date = this.docs.get(uri)?.summary.date;
        if (date === undefined) d.undated.push(uri);
        else d.dated.push({ uri, date });
      }
      d.dated.sort((a, b) => articleOrder(a.date, a.uri, b.date, b.uri));
      d.undated.sort((a, b) => articleOrder(undefined, a, undefined, b));
    }
    this.datedBy.set(subject, d);
    return d;
  }

  /** `datedDocs` as worked out, by subject. */
  private readonly datedBy = new Map<string, DatedDocs | null>();

  /**
   * Forgets the dated lists an article's change may alter: those of the names it gains or loses (and of the subjects
   * they count under, `corporateBase`), or of all its names when its date changes or it comes or goes.
   */
  private forgetDated(was: DocSummary | undefined, now: DocSummary | undefined): void {
    const drop = (key: string) => {
      this.datedBy.delete(key);
      const base = corporateBase(key);
      if (base !== key) this.datedBy.delete(base);
    };
    const keysOf = (s: DocSummary) => {
      const out = new Set<string>();
      for (let i = 0, n = entityCount(s); i < n; i++) out.add(entityAt(s, i).key);
      return out;
    };
    if (!was || !now || was.date !== now.date) {
      for (const s of [was, now]) if (s) for (const k of keysOf(s)) drop(k);
      return;
    }
    const before = keysOf(was);
    const after = keysOf(now);
    for (const k of before) if (!after.has(k)) drop(k);
    for (const k of after) if (!before.has(k)) drop(k);
  }

  /** `compute()`, kept under `key` until the index changes (see `memo`); `undefined` is never kept. */
  memoized<T>(key: string, compute: () => T): T {
    return this.memo.get(this.version, key, compute);
  }

  /**
   * `compute()`, kept under `key` until an article comes, goes or changes its outline (`outlineOf`: what it names and
   * which measures it states, not its wording or its figures' values). For what is worked out from the articles'
   * summaries alone, which a keystroke in an open article seldom changes: `memoized` forgot it at every keystroke, and
   * the first hover after one worked out again which articles each of the article's names shares a story with.
   */
  memoizedByOutline<T>(key: string, compute: () => T): T {
    return this.outlineMemo.get(this.outlineVersion, key, compute);
  }

  /**
   * The pinned entities changed (`pins`): what is worked out from summaries may read them (a name pinned as an
   * outlet is no owner's other name), so it is worked out again.
   */
  pinsChanged(): void {
    this.outlineVersion++;
    this.version++;
  }

  /** Bumped when an article comes, goes or changes its outline (`memoizedByOutline`), or the pins change. */
  private outlineVersion = 0;
  private outlineMemo = new Memo();

  /** The articles that state a measure (without reading their facts). */
  measureDocs(measure: string): Iterable<string> {
    return this.byMeasure.get(measure)?.keys() ?? [];
  }

  /** Every statement of a measure across the corpus, in path order; shared, do not change it. */
  figuresOf(measure: string): readonly FigureRef[] {
    return this.memoized(`f\u0000${measure}`, () => this.collectFigures(measure));
  }

  private collectFigures(measure: string): FigureRef[] {
    const out: FigureRef[] = [];
    // In path order, so that answers do not depend on the order articles were indexed in.
    for (const uri of [...(this.byMeasure.get(measure)?.keys() ?? [])].sort()) {
      const figures = this.docs.get(uri)?.facts.figures;
      if (!figures) continue;
      let byMeasure = measuresOf.get(figures);
      if (!byMeasure) {
        byMeasure = new Map();
        for (const f of figures) {
          const list = byMeasure.get(f.measure);
          if (list) list.push(f);
          else byMeasure.set(f.measure, [f]);
        }
        measuresOf.set(figures, byMeasure);
      }
      for (const figure of byMeasure.get(measure) ?? []) out.push({ uri, figure });
    }
    return out;
  }

  /** How many indexed files have this Link. */
  linkCount(link: string): number {
    return this.byLink.get(link)?.size ?? 0;
  }

  docsByLink(link: string): string[] {
    return [...(this.byLink.get(link)?.keys() ?? [])].sort();
  }

  /**
   * The articles that may link to the address `link` (canonical, `canonicalUrl`): those linking to an address of its
   * `urlHash`, in path order; whoever reads them compares the addresses in their facts (`linkedFrom`). From the
   * summaries: listed when first asked (2,362 real articles link 21,380 times), kept up to date from then on.
   */
  linkersOf(link: string): string[] {
    this.buildLinks();
    return [...(this.byLinkTo!.get(urlHash(link))?.keys() ?? [])].sort();
  }

  /**
   * Builds the table behind `linkersOf` for up to `ms` milliseconds (the server, between requests after a load: about
   * 20 ms at 5,000 articles); true when it is complete. Articles put or taken out meanwhile are kept right by `put`
   * and `unlink`, which keep the table once it exists: adding an article's addresses twice adds nothing, and taking
   * out addresses never added takes nothing.
   */
  buildLinks(ms = Infinity): boolean {
    if (!this.byLinkTo) {
      this.byLinkTo = new Map();
      this.linksTodo = [...this.docs.keys()];
    }
    const todo = this.linksTodo;
    if (!todo) return true;
    const end = Date.now() + ms;
    let n = 0;
    while (todo.length) {
      const uri = todo.pop()!;
      const d = this.docs.get(uri);
      if (d) for (const h of d.summary.linksTo) addTo(this.byLinkTo, h, uri);
      if ((++n & 63) === 0 && Date.now() >= end) break;
    }
    if (!todo.length) this.linksTodo = undefined;
    return this.linksTodo === undefined;
  }

  /** The articles `buildLinks` has still to add to the table. */
  private linksTodo: string[] | undefined;

  /**
   * Builds the table behind `nearNames` for up to `ms` milliseconds (the server, between requests after a load); true
   * when it is complete. Names that reach or leave `NEAR_MIN` articles meanwhile are kept right by `put` and `unlink`
   * (adding a key twice adds nothing).
   */
  buildNear(ms = Infinity): boolean {
    if (!this.byNear) {
      this.byNear = new KeySets();
      this.nearTodo = this.entities.values();
    }
    const todo = this.nearTodo;
    if (!todo) return true;
    const end = Date.now() + ms;
    let n = 0;
    for (const e of todo) {
      if (e.docs.size >= NEAR_MIN) nearForms(this.byNear, e.key, true);
      if ((++n & 255) === 0 && Date.now() >= end) return false;
    }
    this.nearTodo = undefined;
    return true;
  }

  /** Whether the table behind `nearNames` is complete: asking it costs no build. */
  nearReady(): boolean {
    return this.byNear !== undefined && this.nearTodo === undefined;
  }

  /**
   * The keys of names in `NEAR_MIN` articles or more that are `key` with one edit: a character left out, added or
   * changed, or two side by side swapped ("kasperksy" → "kaspersky"); spaces and hyphens are characters too ("red
   * canary" → "redcanary"). Which of them `key` is a misspelling of is for the check to say (`checkNames`).
   */
  nearNames(key: string): string[] {
    if (key.length < NEAR_LENGTH) return [];
    this.buildNear();
    const near = this.byNear!;
    const out: string[] = [];
    const consider = (k: string) => {
      if (k === key || out.includes(k) || !oneEdit(key, k)) return;
      if ((this.entities.get(k)?.docs.size ?? 0) >= NEAR_MIN) out.push(k);
    };
    // `key` with a character more: `key` is one of its forms.
    for (const k of near.keysOf(key)) consider(k);
    for (const d of oneLeftOut(key)) {
      // `key` with a character less.
      consider(d);
      // A character changed, or two swapped: one form shared.
      for (const k of near.keysOf(d)) consider(k);
    }
    return out;
  }

  /**
   * The articles whose check of names (`checkNames`) may change when one article begins or stops writing `key`: those
   * that write it (it may be theirs alone, or no longer), and those that write a name one edit from it in fewer than
   * `NEAR_MIN` articles (a misspelling of it, against which it now counts once more or once less). Looks at every
   * name of the corpus: for re-checking listed articles after an edit, not on a keystroke.
   */
  namesAround(key: string): Set<string> {
    const out = new Set<string>();
    const take = (e: EntityEntry | undefined) => e?.docs.forEach((u) => out.add(u));
    take(this.entities.get(key));
    // (A misspelling is `NEAR_LENGTH` characters long or more; what it misspells, one fewer or more.)
    if (key.length < NEAR_LENGTH - 1) return out;
    for (const e of this.entities.values()) if (e.docs.size < NEAR_MIN && oneEdit(key, e.key)) take(e);
    return out;
  }

  /** The keys of two words or more whose last word is `word` ("biden" → "joe biden", "hunter biden"). */
  keysEndingIn(word: string): Iterable<string> {
    return this.byLastWord.keysOf(word);
  }

  /** Whether two indexed files are copies of one article (the same Link, a file saved twice). */
  isCopy(a: string, b: string): boolean {
    const link = this.docs.get(a)?.summary.link;
    return link !== undefined && a !== b && this.docs.get(b)?.summary.link === link;
  }

  /**
   * The article that stands for the copies with this Link in the check, the cards and the timeline: a saved one
   * before a draft, the latest version of the page (by its Date; undated last), then the first by path. A page saved
   * again months later says what it said last; the older copy is the stale one.
   */
  standInFor(link: string): string | undefined {
    let best: string | undefined;
    let bestRank: [number, number] = [0, 0];
    for (const u of this.byLink.get(link)?.keys() ?? []) {
      const rank: [number, number] = [this.isDraft(u) ? 0 : 1, this.docs.get(u)?.summary.date ?? Number.NEGATIVE_INFINITY];
      if (best === undefined || rank[0] > bestRank[0] || (rank[0] === bestRank[0] && (rank[1] > bestRank[1] || (rank[1] === bestRank[1] && u < best)))) {
        best = u;
        bestRank = rank;
      }
    }
    return best;
  }

  /**
   * Quotations in other articles that are the same as `words` (one contains
   * the other) or an altered version of it (60% of the longer one's five-word
   * windows shared, but neither contains the other).
   */
  quoteMatches(words: string[], excludeUri: string, only?: QuoteMatch['relation']): QuoteMatch[] {
    // The wordings are remembered, not their places: a wording copied into hundreds of articles is one entry.
    // The check asks for altered ones only, which spares comparing the text of most wordings (see `matchingWordings`).
    const alteredOnly = only === 'altered';
    const wordings = this.memoized(`${alteredOnly ? 'a' : 'q'}\u0000${words.join(' ')}`, () => this.matchingWordings(words, alteredOnly));
    const hits: { at: QuoteForm['at'][number]; form: QuoteForm; relation: QuoteMatch['relation'] }[] = [];
    for (const { form, relation } of wordings) {
      if (only !== undefined && relation !== only) continue;
      for (const at of form.at) if (at.uri !== excludeUri) hits.push({ at, form, relation });
    }
    // In path order, then the article's order, so that answers do not depend on the order articles were indexed in.
    hits.sort((a, b) => (a.at.uri < b.at.uri ? -1 : a.at.uri > b.at.uri ? 1 : a.at.k - b.at.k));
    return hits.map((h) => ({ uri: h.at.uri, text: h.form.text, span: h.at.span, relation: h.relation }));
  }

  /**
   * Builds the quotation index for at most `ms` milliseconds (it goes on
   * where it stopped); true once it is complete. The server runs it in slices
   * after a load; a query that needs it first finishes it.
   */
  buildQuotes(ms = Infinity): boolean {
    const q = (this.quotes ??= { byShingle: new WindowTable(), byId: [], freeIds: [], data: new Map(), forms: new Map(), todo: [...this.docs.keys()] });
    const end = Date.now() + ms;
    let n = 0;
    while (q.todo.length) {
      const uri = q.todo.pop()!;
      const doc = this.docs.get(uri);
      // Added or removed since the build started: already right.
      if (doc && !q.data.has(uri)) addQuotes(q, doc);
      if ((++n & 7) === 0 && Date.now() >= end) break;
    }
    return q.todo.length === 0;
  }

  /** Whether the quotation index is complete: a check of quotations now costs no build. */
  quotesReady(): boolean {
    return this.quotes !== undefined && this.quotes.todo.length === 0;
  }

  private quoteIndex(): QuoteIndex {
    this.buildQuotes();
    return this.quotes!;
  }

  /**
   * The wordings in the index that are the same as `words` or an altered version of it (only altered ones with
   * `alteredOnly`).
   */
  private matchingWordings(words: string[], alteredOnly: boolean): { form: QuoteForm; relation: QuoteMatch['relation'] }[] {
    const mine = shingles(words);
    if (!mine.length) return [];
    const { byShingle, byId } = this.quoteIndex();
    // Each wording that shares a window, and how many it shares, counted as the windows are looked up, in an array
    // by wording kept between queries (each count is set back to 0 below). A window common to many quotations lists
    // them all: at 50,000 articles, counting in a map, and a merge of window lists per wording before that, made
    // checking a corpus's quotations grow with the square of its size.
    if (this.shareCounts.length < byId.length) this.shareCounts = new Int32Array(Math.max(1024, byId.length * 2));
    const counts = this.shareCounts;
    const met: number[] = [];
    const count = (id: number) => {
      if (counts[id]++ === 0) met.push(id);
    };
    const out: { form: QuoteForm; relation: QuoteMatch['relation'] }[] = [];
    try {
      for (const sh of mine) byShingle.forEach(sh, count);
      this.relate(words, mine, met, out, alteredOnly);
    } finally {
      // Whatever happened, the next query starts from zero.
      for (const id of met) counts[id] = 0;
    }
    return out;
  }

  /** The relation of each wording met (`shareCounts` holds how many windows it shares) to the quotation `words`. */
  private relate(words: string[], mine: Uint32Array, met: number[], out: { form: QuoteForm; relation: QuoteMatch['relation'] }[], alteredOnly: boolean): void {
    const counts = this.shareCounts;
    const byId = this.quotes!.byId;
    const myJoined = ` ${words.join(' ')} `;
    let myStyle: string | undefined;
    for (const id of met) {
      const n = counts[id];
      const q = byId[id]!;
      // Most of both quotations shared: the same words, reworded, unless the same. A phrase two quotations share is not enough.
      const most = n / Math.max(q.shingles.length, mine.length) >= 0.6;
      if (alteredOnly && !most) continue;
      // The words of a quotation that is compared, kept: a quotation repeated across a corpus is compared again and again.
      const theirs = (q.joined ??= ` ${quoteWords(q.text).join(' ')} `);
      // One contains the other letter for letter, in one house style or another ("privilege-management" / "privilege
      // management", "organisations" / "organizations"); word for word is a case of it, and needs every window shared.
      let same = (n === mine.length && theirs.includes(myJoined)) || (n === q.shingles.length && myJoined.includes(theirs));
      if (!same) {
        const theirStyle = (q.styled ??= styled(theirs));
        myStyle ??= styled(myJoined);
        same = theirStyle.length >= myStyle.length ? theirStyle.includes(myStyle) : myStyle.includes(theirStyle);
      }
      if (same ? !alteredOnly : most) out.push({ form: q, relation: same ? 'same' : 'altered' });
    }
  }

  /** Per wording (`QuoteIndex.byId`), the windows it shares with the quotation being matched; 0 between queries. */
  private shareCounts = new Int32Array(0);

  similarQuotes(words: string[], excludeUri: string): QuoteMatch[] {
    return this.quoteMatches(words, excludeUri, 'altered');
  }

  outlets(): Map<string, number> {
    return this.sources;
  }

  /**
   * Whether every analysis knows `source` (lower case) as an outlet whatever the corpus holds: an outlet of the
   * built-in list, or a pinned name. A publisher that is also a company ("Trend Micro") is never made an outlet.
   */
  knowsOutlet(source: string): boolean {
    return OUTLETS.has(source) || PUBLISHING_COMPANIES.has(source) || this.pins.has(entityKey(source));
  }

  /**
   * The articles that name the outlet `source` (some article's Source) as anything but an outlet, other than its
   * own: analysed before the outlet was known, they are analysed again (`followOutlets`). None for an outlet
   * every analysis knows (`knowsOutlet`).
   */
  unawareOf(source: string): string[] {
    const lower = source.toLowerCase();
    if (this.knowsOutlet(lower)) return [];
    const out: string[] = [];
    this.entities.get(entityKey(source))?.docs.forEach((uri, i) => {
      const s = this.summaryOf(uri);
      if (s && entityAt(s, i).kind !== 'outlet' && s.source?.toLowerCase() !== lower) out.push(uri);
    });
    return out;
  }

  /** The articles that carry a topic tag, by its key (`entityKey` of the tag: "ransomware" for [[Ransomware]]). */
  topicDocs(key: string): string[] {
    return [...(this.byTopic.get(key)?.keys() ?? [])];
  }

  /** The topics of the corpus by key, each with its spellings and how many tags write each. */
  topics(): ReadonlyMap<string, ReadonlyMap<string, number>> {
    return this.topicForms;
  }

  /** A topic as most of its tags write it (the first in code-point order among equals); its key if none does. */
  topicName(key: string): string {
    let best = key;
    let most = 0;
    for (const [form, n] of this.topicForms.get(key) ?? []) if (n > most || (n === most && form < best)) [best, most] = [form, n];
    return best;
  }

  /** Key=value tags as written ("victim.country.name=Israel"), with how many articles give each. */
  keyedTags(): Map<string, number> {
    return this.keyed;
  }

  authorNames(): Map<string, number> {
    return this.authors;
  }

  /** Zero-based position of an offset in an indexed document. */
  position(uri: string, offset: number): Position | undefined {
    const d = this.docs.get(uri);
    return d ? positionIn(d.lineStarts, offset) : undefined;
  }

  range(uri: string, span: Span): { start: Position; end: Position } | undefined {
    const d = this.docs.get(uri);
    return d ? { start: positionIn(d.lineStarts, span.start), end: positionIn(d.lineStarts, span.end) } : undefined;
  }
}

/**
 * A bundled seed steps aside when the workspace holds the same article (the
 * same Link): the writer's copy is what the corpus knows, and the pair is not
 * a duplicate to warn about. Returns the seeds dropped.
 */
export function dropShadowedSeeds(index: CorpusIndex): string[] {
  const dropped: string[] = [];
  for (const d of [...index.all()]) {
    const link = d.summary.link;
    if (d.origin !== 'seed' || !link) continue;
    // A draft (`isDraft`) is no copy that stands for the seed.
    if (index.docsByLink(link).some((u) => index.get(u)?.origin !== 'seed' && !index.isDraft(u))) {
      index.remove(d.uri);
      dropped.push(d.uri);
    }
  }
  return dropped;
}
