/**
 * The on-disk corpus cache, so that a second start does not analyse every
 * article again. It lives in the editor's storage for this workspace
 * (`initializationOptions.storagePath`), never inside the workspace.
 *
 * Three files in `<storage>/corpus-cache/`:
 * - `index.json`: a header line (cache format, build of the analysis, pinned
 *   entities, size limit, the rows file, count, the outlets its articles were
 *   analysed knowing), a line with the table of
 *   names the entries share, a line with the files read and found no article
 *   (path, size, mtime: a folder of notes with a few articles among them is
 *   not read again at every start), and a line per article file: its size, mtime and
 *   SHA-1, its `DocSummary` and line starts (compacted, see `Line`), and where
 *   its facts are in the facts file; read and written a line at a time, every
 *   character past ASCII escaped (`asciiJson`);
 * - `rows-<id>.bin`: every entry's entities' numbers, as a warm start keeps
 *   them in memory (`RowsWriter`), read whole into one block; a new one is
 *   written with each index, before it, under the name the index gives;
 * - `facts-<id>.bin`: every article's `DocFacts`, packed (`packfacts.ts`: its text once, spans and values as binary numbers), one after another.
 *   New facts are appended; dead ones are dropped when they outweigh the live
 *   ones (the file is then rewritten). The index only ever points at bytes
 *   written before it, so appends after a crash are harmless.
 *
 * A warm start reads only `index.json` and the rows: summaries are all the index needs, and
 * an article's facts are read from the facts file when a feature first asks
 * for them. An article is reused when its size and mtime are unchanged, or,
 * when only the mtime moved (a checkout, a `touch`), when its content hash
 * is. Anything unreadable, truncated or from another build is discarded
 * silently and rebuilt; the cache can never make an answer wrong, only slow.
 * The index is written under a temporary name and renamed into place, so a
 * crash mid-write leaves the previous cache.
 */
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DocFacts } from '../core/extract/types';
import { unpackFacts } from './packfacts';
import { packNumbers, packQuotes, type DocSummary, type EntitySummary, type Origin } from '../core/index/corpus';
import { entityRow, isPacked, packedLength, PackedRows, PackedSummary, RowsWriter, type PackedEntities } from '../core/index/packed';

/** Bumped when the layout of the cache files changes. */
const FORMAT = 16;

export interface CacheEntry {
  path: string;
  size: number;
  mtimeMs: number;
  hash: string;
  origin: Origin;
  summary: DocSummary;
  /** Line starts, or them packed (`packNumbers`). */
  lineStarts: number[] | string;
  /** Byte range of the facts in the facts file. */
  offset: number;
  length: number;
}

/** The first line of `index.json`; one `CacheEntry` per line follows. */
interface Header {
  format: number;
  key: string;
  facts: string;
  /** The rows file: every entry's entities' numbers (`RowsWriter`), and their byte order. */
  rows: string;
  endian: 'BE' | 'LE';
  count: number;
  /** The outlets (lower case) every entry was analysed knowing (`CorpusCache.outlets`). */
  outlets: string[];
  /** How many files the line after the string table lists as no article (`CorpusCache.notArticle`). */
  others: number;
}

/**
 * The lines of a file, read in chunks: a 50,000-article index is a few
 * hundred MB, and neither its bytes nor one string of it are held at once.
 */
function* linesOf(file: string): Generator<string> {
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 22);
    let carry: Buffer = Buffer.alloc(0);
    let at = 0;
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, at);
      if (n <= 0) break;
      at += n;
      const buf = chunk.subarray(0, n);
      let start = 0;
      let nl = buf.indexOf(10);
      // Only a line that spans two chunks is copied to join it (copying whole chunks cost ~100 ms a warm start).
      if (carry.length) {
        if (nl < 0) {
          carry = Buffer.concat([carry, buf]);
          continue;
        }
        yield Buffer.concat([carry, buf.subarray(0, nl)]).toString('utf8');
        carry = Buffer.alloc(0);
        start = nl + 1;
        nl = buf.indexOf(10, start);
      }
      for (; nl >= 0; nl = buf.indexOf(10, start)) {
        yield buf.toString('utf8', start, nl);
        start = nl + 1;
      }
      carry = Buffer.from(buf.subarray(start));
    }
    if (carry.length) yield carry.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * An article's line in `index.json`: its entry with the summary's names,
 * keys, aliases and measures as numbers into the index's string table (the
 * second line: the same few thousand names recur in every article), its
 * entities as where they stand in the rows file and how many (`rows`: a warm
 * start reads that file into one block and checks them there, where a list of
 * numbers in each line cost 110–170 ms more to parse and copy at 10,000
 * articles) beside one string of their packed mention spans, its quotations as
 * one string (`packQuotes`), and line starts packed (`packNumbers`). Every
 * article shares one copy of each name; entities stay packed (`PackedRows`),
 * and spans, quotations and line starts stay strings until a feature reads them.
 */
type Line = Omit<CacheEntry, 'summary' | 'lineStarts'> & { lineStarts: string; summary: Omit<DocSummary, 'entities' | 'measures' | 'quotes'> & { rows: [number, number]; spans: string; measures: number[]; quotes: string } };


/** Strings by number, for writing the table (and for an analyst thread's names, `EntityPacker`). */
export class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  of(s: string): number {
    let n = this.index.get(s);
    if (n === undefined) {
      n = this.list.length;
      this.list.push(s);
      this.index.set(s, n);
    }
    return n;
  }
}

/**
 * An article's entities as the cache keeps them: one flat array of rows (`entityRow`, one after another), names
 * as numbers from `number`, and each entity's packed mention spans, `;` between them.
 */
function entityRows(list: readonly EntitySummary[], number: (s: string) => number): { rows: number[]; spans: string } {
  const rows: number[] = [];
  let spans = '';
  let i = 0;
  for (const x of list) {
    for (const n of entityRow(x, number)) rows.push(n);
    if (i++) spans += ';';
    spans += spansOf(x);
  }
  return { rows, spans };
}

/** An entity's mention spans, packed (`packNumbers`). */
function spansOf(x: EntitySummary): string {
  return typeof x.spans === 'string' ? x.spans.slice(x.spansFrom, x.spansTo) : packNumbers(x.spans);
}

function encodeEntry(e: CacheEntry, t: StringTable, rows: RowsWriter): string {
  const sum = e.summary;
  const { first, count, spans } = rows.append(e.summary.entities, (s) => t.of(s), spansOf);
  const line: Line = {
    ...e,
    lineStarts: typeof e.lineStarts === 'string' ? e.lineStarts : packNumbers(e.lineStarts),
    // Field by field: a restored summary is a `PackedSummary`, whose packed entities are no field of the line.
    summary: { uri: sum.uri, title: sum.title, titleSpan: sum.titleSpan, source: sum.source, date: sum.date, day: sum.day, link: sum.link, authors: sum.authors, keyed: sum.keyed, topics: sum.topics, topicSpans: sum.topicSpans, linksTo: sum.linksTo, rows: [first, count], spans, measures: sum.measures.map((m) => t.of(m)), quotes: packQuotes(sum.quotes) },
  };
  return asciiJson(line);
}

const NON_ASCII = /[\u007f-\uffff]/g;

/**
 * JSON with every character past ASCII escaped: a line of ASCII decodes from bytes without the slow path for
 * UTF-8 and parses as a one-byte string (decoding and parsing the lines of 10,000 articles, alone: 392 → 340 ms).
 */
function asciiJson(v: unknown): string {
  return JSON.stringify(v).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The string numbered `n` in `table`; throws if there is none. */
function str(table: string[], n: number): string {
  const s = table[n];
  if (typeof s !== 'string') throw new Error('bad string number');
  return s;
}

function isSpan(s: unknown): s is { start: number; end: number } {
  return typeof s === 'object' && s !== null && Number.isInteger((s as { start: unknown }).start) && Number.isInteger((s as { end: unknown }).end);
}

function optional(v: unknown, type: 'string' | 'number'): boolean {
  return v === undefined || v === null || typeof v === type;
}

/** An entry from its line; throws if the line is not one. */
function decodeEntry(text: string, table: string[], rows: PackedRows, block: Int32Array, factsSize: number): CacheEntry {
  const e = JSON.parse(text) as Line;
  if (typeof e?.path !== 'string' || !e.summary || !Array.isArray(e.summary.rows) || e.summary.rows.length !== 2 || !Array.isArray(e.summary.measures) || typeof e.lineStarts !== 'string' || !isPacked(e.lineStarts, 0, e.lineStarts.length, false)
    || !(e.offset >= 0) || !(e.length > 0) || e.offset + e.length > factsSize) {
    throw new Error('bad entry');
  }
  const spans = e.summary.spans;
  if (typeof spans !== 'string') throw new Error('bad entities');
  const entities = rows.restore(block, e.summary.rows[0], e.summary.rows[1], spans);
  const measures: string[] = new Array(e.summary.measures.length);
  for (let k = 0; k < measures.length; k++) measures[k] = str(table, e.summary.measures[k]);
  // Built afresh, every field present: one shape for all summaries, whatever the line omitted. A field of
  // the wrong type (a damaged or edited cache) throws here, and the article is analysed again.
  const x = e.summary;
  if (typeof x.uri !== 'string' || !x.uri.startsWith('file:') || typeof x.title !== 'string' || !isSpan(x.titleSpan)
    || !Array.isArray(x.authors) || !x.authors.every((a) => typeof a === 'string') || typeof x.quotes !== 'string'
    || !optional(x.source, 'string') || !optional(x.date, 'number') || !optional(x.day, 'number') || !optional(x.link, 'string')
    || !Array.isArray(x.keyed) || !x.keyed.every((t) => typeof t === 'string') || !Array.isArray(x.topics) || !x.topics.every((t) => typeof t === 'string')
    || !Array.isArray(x.topicSpans) || x.topicSpans.length !== 2 * x.topics.length || !x.topicSpans.every((n) => Number.isInteger(n) && n >= 0)
    || !Array.isArray(x.linksTo) || !x.linksTo.every((n, k) => Number.isInteger(n) && n >= 0 && n <= 0x3fffffff && (k === 0 || n > x.linksTo[k - 1]))) {
    throw new Error('bad summary');
  }
  const summary: DocSummary = new PackedSummary(x.uri, x.title, x.titleSpan, x.source ?? undefined, x.date ?? undefined, x.day ?? undefined, x.link ?? undefined, x.authors, measures, x.quotes, x.keyed, x.topics, x.topicSpans, x.linksTo, entities);
  return { path: e.path, size: e.size, mtimeMs: e.mtimeMs, hash: e.hash, origin: e.origin, summary, lineStarts: e.lineStarts, offset: e.offset, length: e.length };
}

/**
 * A batch of articles' entities as an analyst thread sends them: every entity's numbers in one block (moved to the
 * main thread, not copied), names as numbers into the thread's table of names, of which `strings` are the ones
 * new since its last batch, and per article where its entities are and their spans.
 */
export interface PackedBatch {
  rows: Int32Array;
  strings: string[];
  articles: { first: number; count: number; spans: string }[];
}

/**
 * Packs the entities of summaries in an analyst thread (the other half is `EntityUnpacker`). Sent as objects,
 * a first index's 280,000 entity summaries (at 10,000 articles) were copied between threads, then kept by the
 * main thread as objects, and their names interned one by one (1.4 s of the main thread at 50,000).
 */
export class EntityPacker {
  private readonly table = new StringTable();
  private sent = 0;
  private readonly packer = new PackedRows(this.table.list, 0);

  /**
   * The batch to send, and for each list in order why it could not be packed (undefined when it was): an
   * article that fails is left out of the batch, and its names, already in the table, go out all the same.
   */
  pack(lists: readonly (readonly EntitySummary[])[]): { batch: PackedBatch; problems: (string | undefined)[] } {
    const read = lists.map((list) => entityRows(list, (s) => this.table.of(s)));
    let total = 0;
    for (let k = 0; k < read.length; k++) total += packedLength(lists[k].length, read[k].rows.length);
    // One block for the batch, exactly as large as it needs: it is moved to the main thread whole.
    const rows = this.packer.newBlock(total);
    const articles: PackedBatch['articles'] = [];
    const problems = read.map(({ rows: r, spans }) => {
      try {
        const p = this.packer.article(r, spans);
        if (p.count && p.article.rows !== rows) throw new Error('entities outgrew the batch\'s block');
        articles.push({ first: p.first, count: p.count, spans });
        return undefined;
      } catch (err) {
        return `its entities could not be packed (${err instanceof Error ? err.message : String(err)})`;
      }
    });
    const strings = this.table.list.slice(this.sent);
    this.sent = this.table.list.length;
    return { batch: { rows, strings, articles }, problems };
  }
}

/** The main thread's half of `EntityPacker`: the thread's names (each interned), and each article's packed entities. */
export class EntityUnpacker {
  private readonly table: string[] = [];

  constructor(private readonly intern: (s: string) => string) {}

  unpack(batch: PackedBatch): PackedEntities[] {
    for (const s of batch.strings) this.table.push(this.intern(s));
    return batch.articles.map((a) => ({ article: { rows: batch.rows, table: this.table, spans: a.spans }, first: a.first, count: a.count }));
  }
}

/** A freshly analysed article to add: where it came from, and its facts as JSON. */
export type CacheItem = Omit<CacheEntry, 'offset' | 'length'> & { facts: () => string | Uint8Array };

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * An open facts file; kept open for the life of the process, so lazily loaded
 * facts stay readable. Appends are gathered and written a few MB at a time
 * (a first index appends tens of thousands of facts): `size` counts them
 * all, and a read of bytes not yet written, or a commit, writes them first.
 */
class FactsFile {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(readonly file: string, readonly fd: number, public size: number) {}

  read(offset: number, length: number): Buffer {
    if (offset + length > this.size - this.pendingBytes) this.flush();
    const buf = Buffer.allocUnsafe(length);
    const n = fs.readSync(this.fd, buf, 0, length, offset);
    if (n !== length) throw new Error('facts file truncated');
    return buf;
  }

  /** Appends bytes (or text, as UTF-8); gives where they stand. */
  append(data: Uint8Array | string): { offset: number; length: number } {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const offset = this.size;
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    this.size += buf.length;
    if (this.pendingBytes >= 4 << 20) this.flush();
    return { offset, length: buf.length };
  }

  /** Writes what was appended. */
  flush(): void {
    if (!this.pendingBytes) return;
    const at = this.size - this.pendingBytes;
    // One system call and no copy; a short write (rare for files) finishes from a joined buffer.
    let done = fs.writevSync(this.fd, this.pending, at);
    if (done < this.pendingBytes) {
      const all = Buffer.concat(this.pending, this.pendingBytes);
      while (done < all.length) done += fs.writeSync(this.fd, all, done, all.length - done, at + done);
    }
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** A rows file (`RowsWriter`) read whole, as the block its entries' entities stay in. */
function readRows(file: string): Int32Array {
  const buf = fs.readFileSync(file);
  if (buf.length % 4) throw new Error('rows cut short');
  // A small file may share a pool's memory at any offset: numbers need a multiple of four.
  return buf.byteOffset % 4 ? new Int32Array(new Uint8Array(buf).buffer) : new Int32Array(buf.buffer, buf.byteOffset, buf.length >> 2);
}

function parseFacts(buf: Buffer): DocFacts {
  return unpackFacts(buf);
}

export class CorpusCache {
  private entries = new Map<string, CacheEntry>();
  /** Files read and found no article, with their stat then (`notArticle`); `nextOthers` for the index being built. */
  private others = new Map<string, { size: number; mtimeMs: number }>();
  private nextOthers = new Map<string, { size: number; mtimeMs: number }>();
  private facts: FactsFile | undefined;
  /** The entries of the index being built by this load. */
  private next = new Map<string, CacheEntry>();
  private target: FactsFile | undefined;
  /** A `committing()` in progress. */
  private writing: Generator<void, void, void> | undefined;
  /** Why an existing cache was not used, for the log; undefined when it was used or there was none. */
  discarded: string | undefined;
  /**
   * The outlets (lower case) every entry was analysed knowing, or checked against and analysed again where it
   * named one otherwise: the saved Sources its load analysed with. An article's entities depend on the outlets
   * known when it was analysed, so a load checks the articles it restores against the Sources new since
   * (`followOutlets`).
   */
  outlets: ReadonlySet<string> = new Set();
  /** The outlets every entry of the new index knows, written with it. */
  private nextOutlets: ReadonlySet<string> = new Set();

  private constructor(readonly dir: string, readonly key: string) {}

  /** Opens the cache in `storage` for this build and settings; an absent or broken cache opens empty. */
  static open(storage: string, key: string): CorpusCache {
    const cache = new CorpusCache(path.join(storage, 'corpus-cache'), key);
    const indexFile = path.join(cache.dir, 'index.json');
    if (!fs.existsSync(indexFile)) return cache;
    let fd: number | undefined;
    try {
      const lines = linesOf(indexFile);
      const first = lines.next();
      const header = (first.done ? undefined : JSON.parse(first.value)) as Header | undefined;
      if (header?.format !== FORMAT) throw new Error(`format ${String(header?.format)}`);
      if (header.key !== key) {
        lines.return(undefined);
        cache.discarded = 'made by another build or with other settings';
        return cache;
      }
      if (typeof header.facts !== 'string' || !/^facts-[0-9a-f]+\.bin$/.test(header.facts)) throw new Error('bad header');
      // Numbers in this machine's byte order (every platform VS Code runs on is little-endian; a copied cache need not be).
      if (typeof header.rows !== 'string' || !/^rows-[0-9a-f]+\.bin$/.test(header.rows) || header.endian !== os.endianness()) throw new Error('bad header');
      if (!Array.isArray(header.outlets) || !header.outlets.every((o) => typeof o === 'string')) throw new Error('bad header');
      const file = path.join(cache.dir, header.facts);
      fd = fs.openSync(file, 'r+');
      const size = fs.fstatSync(fd).size;
      // Read at once, as the facts file is opened: another server's commit on the same storage removes both.
      const block = readRows(path.join(cache.dir, header.rows));
      const second = lines.next();
      const table = (second.done ? undefined : JSON.parse(second.value)) as unknown;
      if (!Array.isArray(table) || !table.every((t) => typeof t === 'string')) throw new Error('no string table');
      const rows = new PackedRows(table as string[]);
      const third = lines.next();
      const others = (third.done ? undefined : JSON.parse(third.value)) as unknown;
      if (!Array.isArray(others) || others.length !== header.others) throw new Error('no list of other files');
      for (const o of others as unknown[]) {
        if (!Array.isArray(o) || o.length !== 3 || typeof o[0] !== 'string' || typeof o[1] !== 'number' || typeof o[2] !== 'number') throw new Error('bad list of other files');
        cache.others.set(o[0], { size: o[1], mtimeMs: o[2] });
      }
      for (const line of lines) {
        const e = decodeEntry(line, table as string[], rows, block, size);
        cache.entries.set(e.path, e);
      }
      if (cache.entries.size !== header.count) throw new Error('index cut short');
      cache.facts = new FactsFile(file, fd, size);
      cache.outlets = new Set(header.outlets);
    } catch (err) {
      if (fd !== undefined) fs.closeSync(fd);
      cache.entries.clear();
      cache.others.clear();
      cache.outlets = new Set();
      cache.discarded = `unreadable (${err instanceof Error ? err.message : String(err)})`;
    }
    return cache;
  }

  get size(): number {
    return this.entries.size;
  }

  /** How many files the cache knows as no article (`notArticle`). */
  get othersSize(): number {
    return this.others.size;
  }

  /** Whether a file was read before and found no article, and its size and mtime are unchanged. */
  notArticle(file: string, size: number, mtimeMs: number): boolean {
    const o = this.others.get(file);
    return o !== undefined && o.size === size && o.mtimeMs === mtimeMs;
  }

  /** Records, for the new index, that a file with this stat is no article. */
  noteNotArticle(file: string, size: number, mtimeMs: number): void {
    this.nextOthers.set(file, { size, mtimeMs });
  }

  /** The entry for a file if its size and mtime are unchanged. */
  fresh(file: string, size: number, mtimeMs: number): CacheEntry | undefined {
    const e = this.entries.get(file);
    return e && e.size === size && e.mtimeMs === mtimeMs ? e : undefined;
  }

  /** The entry for a file whatever its stat says (to compare content hashes). */
  entry(file: string): CacheEntry | undefined {
    return this.entries.get(file);
  }

  /** A loader of an entry's facts from the current facts file; throws if it is damaged. */
  loader(e: CacheEntry): () => DocFacts {
    const file = this.facts;
    return () => {
      if (!file) throw new Error('no facts file');
      return parseFacts(file.read(e.offset, e.length));
    };
  }

  /**
   * Starts the index of a new load. Facts are appended to the current facts
   * file (entries of the previous index stay where they are) unless most of
   * it is dead, in which case a new file is started and kept entries copied.
   */
  begin(): void {
    this.writing?.return();
    this.writing = undefined;
    this.next = new Map();
    this.nextOthers = new Map();
    this.nextOutlets = new Set();
    let live = 0;
    for (const e of this.entries.values()) live += e.length;
    if (this.facts && this.facts.size <= 2 * live + (8 << 20)) {
      this.target = this.facts;
      return;
    }
    fs.mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, `facts-${randomBytes(6).toString('hex')}.bin`);
    this.target = new FactsFile(file, fs.openSync(file, 'w+'), 0);
  }

  /** Keeps a cached article in the new index (with its current stat); gives the loader of its facts. */
  keep(e: CacheEntry, stat: { size: number; mtimeMs: number }): () => DocFacts {
    const target = this.target!;
    // Unchanged (a warm start's every article): the entry itself, not a copy of it.
    let entry = e.size === stat.size && e.mtimeMs === stat.mtimeMs ? e : { ...e, size: stat.size, mtimeMs: stat.mtimeMs };
    if (target !== this.facts) entry = { ...entry, offset: target.append(this.facts!.read(e.offset, e.length)).offset };
    this.next.set(e.path, entry);
    return () => parseFacts(target.read(entry.offset, entry.length));
  }

  /** Adds a freshly analysed article to the new index; gives the loader of its facts. */
  add(item: CacheItem): () => DocFacts {
    const target = this.target!;
    const { offset, length } = target.append(item.facts());
    const entry: CacheEntry = { path: item.path, size: item.size, mtimeMs: item.mtimeMs, hash: item.hash, origin: item.origin, summary: item.summary, lineStarts: item.lineStarts, offset, length };
    this.next.set(item.path, entry);
    // The loader keeps numbers only: holding the text or a buffer here would keep every article's facts in memory.
    return () => parseFacts(target.read(offset, length));
  }

  /** Leaves a file out of the new index: it is analysed again at the next start. */
  forget(file: string): void {
    this.next.delete(file);
  }

  /** Records the outlets every entry of the new index was analysed knowing (see `outlets`). */
  knowing(outlets: Iterable<string>): void {
    this.nextOutlets = new Set(outlets);
  }

  /** Whether the new index differs from the one on disk. */
  get changed(): boolean {
    if (this.next.size !== this.entries.size || this.target !== this.facts) return true;
    if (this.nextOutlets.size !== this.outlets.size || [...this.nextOutlets].some((o) => !this.outlets.has(o))) return true;
    if (this.nextOthers.size !== this.others.size) return true;
    for (const [p, o] of this.nextOthers) if (!this.notArticle(p, o.size, o.mtimeMs)) return true;
    for (const [p, e] of this.next) {
      const o = this.entries.get(p);
      if (!o || o.offset !== e.offset || o.mtimeMs !== e.mtimeMs || o.origin !== e.origin) return true;
    }
    return false;
  }

  /** Writes the new index in place of the old one (atomically), and forgets stale files. */
  commit(): void {
    const w = this.committing();
    while (!w.next().done);
  }

  /**
   * `commit` a step at a time, for a server that writes the cache between
   * requests: each `next()` does a little (a few dozen entries), and the
   * index is renamed into place only at the end. Stopped early (`return()`),
   * it leaves the previous index and removes its temporary file. The new
   * index must not change while it runs; `begin` stops one in progress.
   */
  committing(): Generator<void, void, void> {
    this.writing?.return();
    this.writing = this.commitSteps();
    return this.writing;
  }

  private *commitSteps(): Generator<void, void, void> {
    const target = this.target;
    if (!target) return;
    const next = this.next;
    const outlets = this.nextOutlets;
    const others = this.nextOthers;
    // The index only ever points at bytes already written.
    target.flush();
    if (this.changed) {
      fs.mkdirSync(this.dir, { recursive: true });
      // The entries' entities go to a rows file of their own, written first under a new name: the index names it.
      const rowsName = `rows-${randomBytes(6).toString('hex')}.bin`;
      const rowsTmp = path.join(this.dir, `${rowsName}.tmp`);
      const header: Header = { format: FORMAT, key: this.key, facts: path.basename(target.file), rows: rowsName, endian: os.endianness(), count: next.size, outlets: [...outlets].sort(), others: others.size };
      const tmp = path.join(this.dir, `index.json.${randomBytes(4).toString('hex')}.tmp`);
      const fd = fs.openSync(tmp, 'w');
      let rowsFd: number | undefined;
      let written = false;
      try {
        rowsFd = fs.openSync(rowsTmp, 'w');
        const rows = new RowsWriter();
        const writeRows = () => {
          const n = rows.take();
          fs.writeSync(rowsFd!, new Uint8Array(n.buffer, n.byteOffset, n.byteLength));
        };
        // A line per article, written in batches: never one string of the whole index.
        // The string table first (a pass over the summaries' names), then the entries that use it.
        const table = new StringTable();
        let k = 0;
        for (const e of next.values()) {
          for (const x of e.summary.entities) {
            table.of(x.name);
            table.of(x.key);
            for (const a of x.aliases) table.of(a);
          }
          for (const m of e.summary.measures) table.of(m);
          if ((++k & 127) === 0) yield;
        }
        let batch = `${asciiJson(header)}\n${asciiJson(table.list)}\n${asciiJson([...others].map(([p, o]) => [p, o.size, o.mtimeMs]))}\n`;
        for (const e of next.values()) {
          batch += `${encodeEntry(e, table, rows)}\n`;
          if (batch.length > 1 << 20) {
            fs.writeSync(fd, batch);
            writeRows();
            batch = '';
          }
          // ~0.1 ms an entry: a step of 32 keeps a slice between requests near its 4 ms.
          if ((++k & 31) === 0) yield;
        }
        fs.writeSync(fd, batch);
        writeRows();
        written = true;
      } finally {
        fs.closeSync(fd);
        if (rowsFd !== undefined) fs.closeSync(rowsFd);
        if (!written) {
          fs.rmSync(tmp, { force: true });
          fs.rmSync(rowsTmp, { force: true });
        }
      }
      fs.renameSync(rowsTmp, path.join(this.dir, rowsName));
      fs.renameSync(tmp, path.join(this.dir, 'index.json'));
      // Files of earlier generations go; so do temporary files left by a crash, but only old ones,
      // in case another server on the same storage is writing right now.
      for (const f of fs.readdirSync(this.dir)) {
        if (f === 'index.json' || f === path.basename(target.file) || f === rowsName) continue;
        const p = path.join(this.dir, f);
        try {
          // A rows file of the last minute may be another server's, between its two renames.
          const age = Date.now() - fs.statSync(p).mtimeMs;
          if (f.endsWith('.tmp') ? age > 10 * 60_000 : !f.startsWith('rows-') || age > 60_000) fs.rmSync(p, { force: true });
        } catch { /* gone already */ }
      }
    }
    this.entries = next;
    this.others = others;
    this.facts = target;
    this.outlets = outlets;
    this.next = new Map();
    this.nextOthers = new Map();
    this.target = undefined;
    this.writing = undefined;
  }
}
