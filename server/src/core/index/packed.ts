/**
 * Entity summaries of articles restored from the corpus cache, or sent by an
 * analyst thread, kept packed.
 *
 * A warm start of 10,000 articles restores some 280,000 entity summaries. As
 * plain objects (eleven fields, an alias list, a string of spans each) they
 * were most of what the scavenger copied, twice, while the index loaded. Here
 * the numbers of every restored entity live in large `Int32Array`s, outside
 * the JavaScript heap (the cache's rows file read whole into one, written by
 * `RowsWriter` and checked by `PackedRows.restore`; an analyst thread's one
 * block per batch),
 * names are numbers into a string table (the cache's, or the thread's: one
 * copy of each name), and an entity is a
 * two-field view that reads them when asked (`PackedEntity`), made when it
 * is asked for and kept by no one (`PackedSummary.entityAt`): the index
 * knows an article's entity by its number in the article.
 */
import { ENTITY_KINDS, type EntityKind } from '../extract/types';
import type { Span } from '../text';
import type { DocSummary, EntitySummary, SummaryQuote } from './corpus';

/** The kinds by number, as the cache writes them. */
const KINDS = ENTITY_KINDS;

/** An empty alias list shared by every entity without one (most have none). */
const NO_ALIASES: string[] = Object.freeze([]) as unknown as string[];

/**
 * The numbers of one entity in a `PackedRows` block: an article's entities
 * one after another, `FIXED` numbers each, then their aliases' string numbers
 * (`ALIAS_AT`, `ALIAS_COUNT`).
 */
const NAME = 0, KEY = 1, KIND = 2, MENTIONS = 3, FIRST_START = 4, FIRST_END = 5, ONLY_IN_LINKS = 6, SPANS_FROM = 7, SPANS_TO = 8, ALIAS_AT = 9, ALIAS_COUNT = 10;
const FIXED = 11;

/** What the entities of one article share: where their numbers are, the names, and their packed spans. */
export interface PackedArticle {
  readonly rows: Int32Array;
  readonly table: readonly string[];
  /** Each entity's spans packed (`packNumbers`), one after another; an entity knows its part. */
  readonly spans: string;
}

/**
 * An entity summary read from packed numbers. Its fields are read-only: the
 * index interns the names of other summaries, and these are already one copy
 * each (the cache's string table, or an analyst thread's as the pool interned it).
 */
export class PackedEntity implements EntitySummary {
  constructor(private readonly article: PackedArticle, private readonly at: number) {}

  get name(): string {
    return this.article.table[this.article.rows[this.at + NAME]];
  }

  get key(): string {
    return this.article.table[this.article.rows[this.at + KEY]];
  }

  get kind(): EntityKind {
    return KINDS[this.article.rows[this.at + KIND]];
  }

  get mentionCount(): number {
    return this.article.rows[this.at + MENTIONS];
  }

  get firstStart(): number {
    return this.article.rows[this.at + FIRST_START];
  }

  get firstEnd(): number {
    return this.article.rows[this.at + FIRST_END];
  }

  get onlyInLinks(): boolean {
    return this.article.rows[this.at + ONLY_IN_LINKS] === 1;
  }

  get spans(): string {
    return this.article.spans;
  }

  get spansFrom(): number {
    return this.article.rows[this.at + SPANS_FROM];
  }

  get spansTo(): number {
    return this.article.rows[this.at + SPANS_TO];
  }

  /** A fresh list each time (read when an article is added or removed, and by cards). */
  get aliases(): string[] {
    const { rows, table } = this.article;
    const n = rows[this.at + ALIAS_COUNT];
    if (!n) return NO_ALIASES;
    const at = rows[this.at + ALIAS_AT];
    const out: string[] = new Array(n);
    for (let k = 0; k < n; k++) out[k] = table[rows[at + k]];
    return out;
  }
}

/** Where an article's packed entities are: the first one's numbers and how many there are. */
export interface PackedEntities {
  article: PackedArticle;
  first: number;
  count: number;
}

/**
 * A summary restored from the cache or sent by an analyst thread: its entities packed (`entityAt`; `entities`
 * makes them all, afresh each time, for features that read one article's).
 */
export class PackedSummary implements DocSummary {
  constructor(
    readonly uri: string,
    readonly title: string,
    readonly titleSpan: Span,
    readonly source: string | undefined,
    readonly date: number | undefined,
    readonly day: number | undefined,
    readonly link: string | undefined,
    readonly authors: string[],
    readonly measures: string[],
    /** Packed until the quotation index reads them (`quotesOf`, which may replace a damaged packing). */
    public quotes: SummaryQuote[] | string,
    readonly keyed: string[],
    readonly topics: string[],
    readonly topicSpans: number[],
    readonly linksTo: number[],
    private readonly packed: PackedEntities,
  ) {}

  get entityCount(): number {
    return this.packed.count;
  }

  entityAt(i: number): EntitySummary {
    return new PackedEntity(this.packed.article, this.packed.first + i * FIXED);
  }

  get entities(): EntitySummary[] {
    const out: EntitySummary[] = new Array(this.packed.count);
    for (let i = 0; i < out.length; i++) out[i] = this.entityAt(i);
    return out;
  }
}

/**
 * Writes articles' entities as the cache's rows file keeps them: the layout of
 * a `PackedRows` block (an article's entities `FIXED` numbers each, then their
 * aliases), every position counted from the file's start, so that a warm start
 * reads the file into one block and uses it where it stands (`PackedRows.restore`)
 * instead of parsing and copying a list of numbers per article.
 */
export class RowsWriter {
  private block = new Int32Array(1 << 16);
  private used = 0;
  /** Numbers given out by `take` before the current block. */
  private taken = 0;

  /**
   * Appends one article's entities, names as numbers from `number` and each entity's packed spans from `spansOf`;
   * gives where they start, how many there are, and their spans one after another (`;` between them).
   */
  append(list: readonly EntitySummary[], number: (s: string) => number, spansOf: (e: EntitySummary) => string): { first: number; count: number; spans: string } {
    let size = list.length * FIXED;
    for (const x of list) size += x.aliases.length;
    if (this.used + size > this.block.length) {
      const more = new Int32Array(Math.max(2 * this.block.length, this.used + size));
      more.set(this.block.subarray(0, this.used));
      this.block = more;
    }
    const b = this.block;
    const first = this.taken + this.used;
    let at = this.used;
    let alias = at + list.length * FIXED;
    let spans = '';
    for (let k = 0; k < list.length; k++) {
      const x = list[k];
      if (k) spans += ';';
      const from = spans.length;
      spans += spansOf(x);
      const aliases = x.aliases;
      b[at + NAME] = number(x.name);
      b[at + KEY] = number(x.key);
      b[at + KIND] = KINDS.indexOf(x.kind);
      b[at + MENTIONS] = x.mentionCount;
      b[at + FIRST_START] = x.firstStart;
      b[at + FIRST_END] = x.firstEnd;
      b[at + ONLY_IN_LINKS] = x.onlyInLinks ? 1 : 0;
      b[at + SPANS_FROM] = from;
      b[at + SPANS_TO] = spans.length;
      b[at + ALIAS_AT] = this.taken + alias;
      b[at + ALIAS_COUNT] = aliases.length;
      for (const a of aliases) b[alias++] = number(a);
      at += FIXED;
    }
    this.used = alias;
    return { first, count: list.length, spans };
  }

  /** The numbers appended since the last `take`, to be written after those; positions count on from them. */
  take(): Int32Array {
    const out = this.block.slice(0, this.used);
    this.taken += this.used;
    this.used = 0;
    return out;
  }
}

/**
 * An entity as a line of the cache writes it: eight numbers (name and key as
 * string numbers, kind, mention count, first start and end, only in links,
 * alias count), then its aliases' string numbers. `number` gives a string's.
 */
export function entityRow(e: EntitySummary, number: (s: string) => number): number[] {
  const row = [number(e.name), number(e.key), KINDS.indexOf(e.kind), e.mentionCount, e.firstStart, e.firstEnd, e.onlyInLinks ? 1 : 0, e.aliases.length];
  for (const a of e.aliases) row.push(number(a));
  return row;
}
const ROW = 8;

/** How many numbers `PackedRows` keeps for entities whose rows (`entityRow`) are `rowLength` numbers in all. */
export function packedLength(entities: number, rowLength: number): number {
  return rowLength + entities * (FIXED - ROW);
}

/**
 * Reads the numbers `packNumbers` wrote in s[from, to) (differences in base 36, `,` between them, `-` before a
 * negative one), calling `f` with each; false at the first thing that is not so packed (an empty number, a stray
 * sign or character), after `f` had the numbers before it.
 */
export function readPacked(s: string, f: (n: number) => void, from = 0, to = s.length): boolean {
  if (from >= to) return from === to;
  let prev = 0;
  let d = 0;
  let digits = 0;
  let sign = 1;
  for (let i = from; i <= to; i++) {
    const c = i < to ? s.charCodeAt(i) : 44;
    if (c === 44 /* , */) {
      if (!digits) return false;
      prev += sign * d;
      f(prev);
      d = 0;
      digits = 0;
      sign = 1;
    } else if (c === 45 /* - */) {
      if (digits || sign < 0) return false;
      sign = -1;
    } else {
      const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : -1;
      if (v < 0) return false;
      d = d * 36 + v;
      digits++;
    }
  }
  return true;
}

/**
 * Whether s[from, to) is packed numbers (`readPacked`) between 0 and 2³¹ − 1, an even count of them when `pairs`.
 *
 * A loop of its own rather than `readPacked` with a callback: a warm start checks every restored line's spans
 * and line starts (some 5 million characters at 10,000 articles), and the call per number made that 60 of the
 * 135 ms of reading the entities. A property test holds the two to the same answers.
 */
export function isPacked(s: string, from: number, to: number, pairs: boolean): boolean {
  if (from >= to) return from === to;
  let prev = 0;
  let d = 0;
  let digits = 0;
  let negative = false;
  let count = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? s.charCodeAt(i) : 44;
    if (c === 44 /* , */) {
      if (!digits) return false;
      prev += negative ? -d : d;
      if (!(prev >= 0 && prev <= 0x7fffffff)) return false;
      count++;
      d = 0;
      digits = 0;
      negative = false;
    } else if (c === 45 /* - */) {
      if (digits || negative) return false;
      negative = true;
    } else {
      const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : -1;
      if (v < 0) return false;
      d = d * 36 + v;
      digits++;
    }
  }
  return !pairs || count % 2 === 0;
}

function isIndex(n: unknown, length: number): boolean {
  return typeof n === 'number' && n >= 0 && n < length && Number.isInteger(n);
}

function isCount(n: unknown): boolean {
  return typeof n === 'number' && n >= 0 && n <= 0x7fffffff && Number.isInteger(n);
}

/**
 * Where a load checks and puts the numbers of packed entities: an analyst
 * thread's into blocks (`article`: of a million numbers, or `blockSize`, each
 * article's entities together in one), the cache's where they stand in its rows
 * file (`restore`). It keeps the stamps that find a key given twice in an article.
 */
export class PackedRows {
  private block = new Int32Array(0);
  private used = 0;
  /**
   * The keys of the article being read (one entity per key): `seen[key]` is the number of the last article that
   * had it. A `Set` cleared for each article cost a warm start of 10,000 articles ~65 ms (a new table each time).
   */
  private seen = new Uint32Array(0);
  private articles = 0;

  /** `table` may grow between articles (an analyst thread's names, `EntityPacker`). */
  constructor(private readonly table: readonly string[], private readonly blockSize = 1 << 20) {}

  /** Stamps a new article for `seen`, which grows with the table: its number. */
  private nextArticle(): number {
    if (this.seen.length < this.table.length) {
      const more = new Uint32Array(Math.max(this.table.length, 2 * this.seen.length));
      more.set(this.seen);
      this.seen = more;
    }
    return ++this.articles;
  }

  /** Room for `count` more numbers in the current block; starts a new block when there is none. */
  private reserve(count: number): void {
    if (this.used + count <= this.block.length) return;
    this.block = new Int32Array(Math.max(this.blockSize, count));
    this.used = 0;
  }

  /** Starts a block of exactly `size` numbers, for articles that need that many (`packedLength`); gives it. */
  newBlock(size: number): Int32Array {
    this.block = new Int32Array(size);
    this.used = 0;
    return this.block;
  }

  /**
   * One article's entities where they stand in `block`, a rows file read
   * whole (`RowsWriter`), from `first`, `count` of them, with their spans.
   * Nothing is copied. Throws if they do not read as what the writer writes
   * (a damaged cache): names in the table, kinds, counts, first mentions, each
   * entity's part of the spans, aliases in the file, no key twice.
   */
  restore(block: Int32Array, first: number, count: number, spans: string): PackedEntities {
    const table = this.table;
    if (!isCount(first) || !isCount(count) || first + count * FIXED > block.length) throw new Error('bad entities');
    const stamp = this.nextArticle();
    const seen = this.seen;
    const names = table.length;
    let from = 0;
    let alias = first + count * FIXED;
    for (let i = 0, at = first; i < count; i++, at += FIXED) {
      const name = block[at + NAME];
      const key = block[at + KEY];
      const kind = block[at + KIND];
      const start = block[at + FIRST_START];
      const only = block[at + ONLY_IN_LINKS];
      if (!(name >= 0 && name < names) || !(key >= 0 && key < names) || !(kind >= 0 && kind < KINDS.length) || block[at + MENTIONS] < 0
        || start < 0 || start > block[at + FIRST_END] || (only !== 0 && only !== 1) || seen[key] === stamp) {
        throw new Error('bad entity');
      }
      seen[key] = stamp;
      let to = spans.indexOf(';', from);
      if (to < 0) to = spans.length;
      if (from > spans.length || block[at + SPANS_FROM] !== from || block[at + SPANS_TO] !== to || !isPacked(spans, from, to, true)) throw new Error('bad spans');
      // The aliases follow the article's entities, each entity's after the one before's, as the writer puts them.
      const n = block[at + ALIAS_COUNT];
      if (block[at + ALIAS_AT] !== alias || n < 0 || alias + n > block.length) throw new Error('bad alias');
      for (let k = alias; k < alias + n; k++) if (!(block[k] >= 0 && block[k] < names)) throw new Error('bad alias');
      alias += n;
      from = to + 1;
    }
    if (count ? from !== spans.length + 1 : spans !== '') throw new Error('bad entities');
    return { article: { rows: block, table, spans }, first, count };
  }

  /**
   * One article's entities from its rows (`entityRow`, one after another) and
   * its spans (each entity's packed, `;` between them). Throws if they do not
   * read as that (a damaged cache), leaving nothing of the article behind that
   * anyone holds.
   */
  article(rows: readonly unknown[], spans: string): PackedEntities {
    const table = this.table;
    let count = 0;
    let aliases = 0;
    for (let j = 0; j < rows.length; count++) {
      const n = rows[j + 7];
      if (!isCount(n) || j + ROW + (n as number) > rows.length) throw new Error('bad entity');
      aliases += n as number;
      j += ROW + (n as number);
    }
    this.reserve(count * FIXED + aliases);
    const block = this.block;
    const article: PackedArticle = { rows: block, table, spans };
    const first = this.used;
    let alias = first + count * FIXED;
    const stamp = this.nextArticle();
    const seen = this.seen;
    let from = 0;
    for (let i = 0, j = 0; i < count; i++) {
      const n = rows[j + 7] as number;
      if (!isIndex(rows[j], table.length) || !isIndex(rows[j + 1], table.length) || !isIndex(rows[j + 2], KINDS.length)
        || !isCount(rows[j + 3]) || !isCount(rows[j + 4]) || !isCount(rows[j + 5]) || (rows[j + 4] as number) > (rows[j + 5] as number)
        || (rows[j + 6] !== 0 && rows[j + 6] !== 1) || from > spans.length || seen[rows[j + 1] as number] === stamp) {
        throw new Error('bad entity');
      }
      seen[rows[j + 1] as number] = stamp;
      let to = spans.indexOf(';', from);
      if (to < 0) to = spans.length;
      if (!isPacked(spans, from, to, true)) throw new Error('bad spans');
      const at = first + i * FIXED;
      block[at + NAME] = rows[j] as number;
      block[at + KEY] = rows[j + 1] as number;
      block[at + KIND] = rows[j + 2] as number;
      block[at + MENTIONS] = rows[j + 3] as number;
      block[at + FIRST_START] = rows[j + 4] as number;
      block[at + FIRST_END] = rows[j + 5] as number;
      block[at + ONLY_IN_LINKS] = rows[j + 6] === 1 ? 1 : 0;
      block[at + SPANS_FROM] = from;
      block[at + SPANS_TO] = to;
      block[at + ALIAS_AT] = alias;
      block[at + ALIAS_COUNT] = n;
      for (let k = 0; k < n; k++) {
        const a = rows[j + ROW + k];
        if (!isIndex(a, table.length)) throw new Error('bad alias');
        block[alias++] = a as number;
      }
      j += ROW + n;
      from = to + 1;
    }
    if (count ? from !== spans.length + 1 : spans !== '') throw new Error('bad entities');
    this.used = alias;
    return { article, first, count };
  }
}
