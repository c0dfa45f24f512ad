/**
 * The on-disk corpus cache, so that a second start does not analyse every
 * article again. It lives in the editor's storage for this workspace
 * (`initializationOptions.storagePath`), never where the load walks for articles (`storageInside`).
 *
 * Three files in `<storage>/corpus-cache/`:
 * - `index.json`: a header line (cache format, build of the analysis, pinned
 *   entities, size limit, the rows file and how many numbers it holds, count, the outlets its articles were
 *   analysed knowing), a line with the table of
 *   names the entries share, a line with the files read and found no article
 *   (path, size, mtime, inode: a folder of notes with a few articles among them is
 *   not read again at every start), and a line per article file: its size, mtime, inode and
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
 * One server at a time writes a storage folder (`claimStorage`: a lock file
 * beside `corpus-cache/` holding its process's token, id and host): two that appended to one
 * facts file put their facts at the same offsets, and one read the other's.
 * A server that finds the lock held reads the cache and writes nothing, and
 * claims again at its next load; so does one whose storage is read-only. The cache's files
 * are read only when they are regular files (not a link, which could make
 * appends write outside the storage, nor a FIFO, whose open blocks, nor a
 * device), and never past what the index says they hold.
 *
 * A warm start reads only `index.json` and the rows: summaries are all the index needs, and
 * an article's facts are read from the facts file when a feature first asks
 * for them. An article is reused when its size, mtime and inode are unchanged (`FileStat`), or,
 * when only they moved (a checkout, a `touch`, a file renamed over one of the same size and
 * mtime), when its content hash is. Anything unreadable, truncated or from another build
 * is discarded silently and rebuilt; facts whose URI is not their entry's are
 * damaged (the article is analysed again); the cache can never make an answer wrong, only slow.
 * The index is written under a temporary name and renamed into place, so a
 * crash mid-write leaves the previous cache; a write that fails (a full disk)
 * leaves nothing behind, and the load goes on without the cache (what it restored
 * is read from the facts file it was in).
 */
import * as buffer from 'buffer';
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DocFacts } from '../core/extract/types';
import { walksInto } from './fsutil';
import { unpackFacts } from './packfacts';
import { packNumbers, packQuotes, type DocSummary, type EntitySummary, type Origin } from '../core/index/corpus';
import { entityRow, isPacked, packedLength, PackedRows, PackedSummary, RowsWriter, type PackedEntities } from '../core/index/packed';

/** Bumped when the layout of the cache files changes. */
const FORMAT = 18;

/**
 * What the cache compares of a file to trust what it knows of it without reading it: its size, its mtime, and its
 * inode, which a file renamed over another of the same size and mtime (an editor's or a tool's save by rename, a
 * file put back from an archive that keeps whole seconds) does not keep. When only they moved, the content hash
 * decides. Not the ctime: a chmod, an extended attribute or a backup tool moves it, and each file whose ctime
 * moved was read and hashed again (10,000 articles warm: 0.8–1.1 s, 2.7 s after a `touch -a` of every file).
 */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** Whether two stats of a file say it is unchanged (`FileStat`); also what the load compares before and after a read. */
export function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/** The fields of `FileStat` alone (a `fs.Stats` holds many more), to keep. */
function statFields(s: FileStat): FileStat {
  return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
}

export interface CacheEntry extends FileStat {
  path: string;
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
  /** The rows file: every entry's entities' numbers (`RowsWriter`), how many, and their byte order. */
  rows: string;
  rowsLength: number;
  endian: 'BE' | 'LE';
  count: number;
  /** The outlets (lower case) every entry was analysed knowing (`CorpusCache.outlets`). */
  outlets: string[];
  /** How many files the line after the string table lists as no article (`CorpusCache.notArticle`). */
  others: number;
}

/** Opening flags that refuse a link (where the platform has them) and do not wait on a FIFO. */
const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const NO_WAIT = fs.constants.O_NONBLOCK ?? 0;

/**
 * Opens a file of the cache, for reading or for appending too, and gives its stat; throws unless it is a
 * regular file here: not a link (appends would go to a file outside the storage folder), not a FIFO (whose
 * open, without `O_NONBLOCK`, blocks the server's thread for good) nor a device (`/dev/zero` never ends).
 */
function openRegular(file: string, write: boolean): { fd: number; stat: fs.Stats } {
  // Without `O_NOFOLLOW` (Windows), the link is looked for first.
  if (!NO_FOLLOW && fs.lstatSync(file).isSymbolicLink()) throw new Error(`${path.basename(file)} is a link`);
  const fd = fs.openSync(file, (write ? fs.constants.O_RDWR : fs.constants.O_RDONLY) | NO_FOLLOW | NO_WAIT);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new Error(`${path.basename(file)} is not a regular file`);
    return { fd, stat };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

/**
 * The header line's greatest length: it lists the outlets, a few thousand at most. A file of zeros (what a power
 * cut can leave of a renamed, never flushed file) has no line end, and is given up after this much.
 */
const HEADER_MAX = 4 << 20;
/**
 * Any other line's: the longest string the runtime makes. Only a bound on the pieces gathered for one line (a line
 * past it could not be made a string anyway), not on memory: a line near it still takes that much to read.
 */
const LINE_MAX = buffer.constants.MAX_STRING_LENGTH;

/** What `linesOf` has read, and of which file (its inode, once opened). */
interface LinesRead {
  bytes: number;
  size: number;
  ino?: number;
}

/**
 * Whether the index read failed because another server renamed a new one into place meanwhile (or the index opened
 * was gone by then), so that it is worth reading again.
 */
function replaced(file: string, read: LinesRead, err: unknown): boolean {
  if (read.ino === undefined && (err as NodeJS.ErrnoException).code !== 'ENOENT') return false;
  try {
    const now = fs.statSync(file, { throwIfNoEntry: false });
    return now !== undefined && now.ino !== read.ino;
  } catch {
    return false;
  }
}

/**
 * The lines of a file, read in chunks: a 50,000-article index is a few
 * hundred MB, and neither its bytes nor one string of it are held at once.
 * `read.bytes` counts the bytes of the lines given so far and their line ends,
 * `read.size` is the file's.
 */
function* linesOf(file: string, read: LinesRead): Generator<string> {
  const { fd, stat } = openRegular(file, false);
  read.size = stat.size;
  read.ino = stat.ino;
  try {
    const chunk = Buffer.allocUnsafe(1 << 22);
    // The start of a line that spans chunks, in pieces: joined once its end comes (joining at every chunk was
    // quadratic in the line's length).
    let carry: Buffer[] = [];
    let carried = 0;
    let line = 0;
    const fits = (length: number) => {
      if (length > (line === 0 ? HEADER_MAX : LINE_MAX)) throw new Error(line === 0 ? 'no header' : 'a line too long');
    };
    let at = 0;
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, at);
      if (n <= 0) break;
      at += n;
      const buf = chunk.subarray(0, n);
      let start = 0;
      let nl = buf.indexOf(10);
      // Only a line that spans two chunks is copied to join it (copying whole chunks cost ~100 ms a warm start).
      if (carried) {
        if (nl < 0) {
          fits(carried + n);
          carry.push(Buffer.from(buf));
          carried += n;
          continue;
        }
        fits(carried + nl);
        carry.push(buf.subarray(0, nl));
        const joined = Buffer.concat(carry, carried + nl);
        carry = [];
        carried = 0;
        read.bytes += joined.length + 1;
        yield joined.toString('utf8');
        line++;
        start = nl + 1;
        nl = buf.indexOf(10, start);
      }
      for (; nl >= 0; nl = buf.indexOf(10, start)) {
        fits(nl - start);
        read.bytes += nl - start + 1;
        yield buf.toString('utf8', start, nl);
        line++;
        start = nl + 1;
      }
      if (start < n) {
        fits(n - start);
        carry.push(Buffer.from(buf.subarray(start)));
        carried = n - start;
      }
    }
    if (carried) {
      read.bytes += carried;
      yield Buffer.concat(carry, carried).toString('utf8');
    }
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
  return { path: e.path, size: e.size, mtimeMs: e.mtimeMs, ino: e.ino, hash: e.hash, origin: e.origin, summary, lineStarts: e.lineStarts, offset: e.offset, length: e.length };
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

/** A freshly analysed article to add: where it came from, and its facts, packed. */
export type CacheItem = Omit<CacheEntry, 'offset' | 'length'> & { facts: () => string | Uint8Array };

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A storage folder's lock, beside its `corpus-cache/` folder (`claimStorage`). */
const LOCK = 'corpus-cache.lock';
/** A holder refreshes its lock's mtime this often (`beat`). */
const LOCK_BEAT_MS = 60_000;
/**
 * Another host's lock not refreshed for this long is taken over: whether its process lives cannot be asked. On this
 * host a lock whose process lives is held however long it went unrefreshed (a laptop asleep stops the beat, not the
 * clock), up to `LOCK_REUSED_MS`: by then its process id is more likely another process's (given again after a
 * restart, as in a container) than a server's that slept a day.
 */
const LOCK_STALE_MS = 5 * 60_000;
const LOCK_REUSED_MS = 24 * 60 * 60_000;
/** A lock that cannot be read yet may be one another server is writing: stale only past this age. */
const LOCK_WRITING_MS = 10_000;

/** What this server may do with a storage folder's cache (`claimStorage`). */
export interface StorageClaim {
  /**
   * `write`: this server holds the folder's lock, and reads and writes the cache; `read`: the cache is read, never
   * written (another Breach Desk server holds the lock, or the folder cannot be written); `none`: no cache.
   */
  mode: 'write' | 'read' | 'none';
  /** Why not `write`, for the log. */
  why?: string;
}

type Claim = StorageClaim & { lock?: string; busy?: boolean };

/**
 * The locks this process holds, by storage folder (resolved). Only a lock held is remembered: any other answer
 * (busy, read-only) is asked again at the next claim, so that a server that found the folder busy writes the cache
 * once the other server has gone.
 */
const held = new Map<string, string>();
let beating: NodeJS.Timeout | undefined;

interface LockContent {
  pid: number;
  host: string;
  /** `TOKEN` of the process that wrote it. */
  token: string;
}

/**
 * This process's mark in the locks it writes, which alone tells its own lock from another's: the host name changes
 * with the network (macOS), and a process id can be another process's. The process id and host name in a lock only
 * tell whether another holder may still be alive (`holderOf`).
 */
const TOKEN = randomBytes(16).toString('hex');

function ownLock(): LockContent {
  return { pid: process.pid, host: os.hostname(), token: TOKEN };
}

function isOwn(l: LockContent | undefined): boolean {
  return l !== undefined && l.token === TOKEN;
}

/** A lock file's content; undefined when it is gone, unreadable, or not what `takeLock` writes. */
function readLock(file: string): LockContent | undefined {
  try {
    const { fd } = openRegular(file, false);
    try {
      const buf = Buffer.alloc(512);
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      const v = JSON.parse(buf.toString('utf8', 0, n)) as LockContent;
      return Number.isInteger(v?.pid) && v.pid > 0 && typeof v.host === 'string' && typeof v.token === 'string' ? v : undefined;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // There, but another user's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Who holds a lock file (another process), for the log; undefined when it is stale (or gone, or this process's own)
 * and may be taken over. On this host, by whether its process lives (`LOCK_REUSED_MS`); another host's, by its age.
 */
function holderOf(file: string): string | undefined {
  let age: number;
  try {
    // Either way from now: a clock set back leaves mtimes in the future.
    age = Math.abs(Date.now() - fs.lstatSync(file).mtimeMs);
  } catch {
    return undefined;
  }
  const l = readLock(file);
  if (!l) return age < LOCK_WRITING_MS ? 'a server that is starting' : undefined;
  if (isOwn(l)) return undefined;
  if (l.host !== os.hostname()) return age < LOCK_STALE_MS ? `process ${l.pid} on ${l.host}` : undefined;
  if (age >= LOCK_REUSED_MS) return undefined;
  // Our own id in another's lock: left by an earlier process that had it (no other process can have it now).
  return l.pid !== process.pid && alive(l.pid) ? `process ${l.pid}` : undefined;
}

/**
 * Creates the lock file, holding this process's id and `TOKEN`, unless a live server holds it; a stale one is taken
 * over. Gives who holds it, or the error that kept it from being created (a read-only folder). Throws nothing.
 */
function takeLock(file: string): { ok: true } | { ok: false; holder?: string; error?: NodeJS.ErrnoException } {
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number | undefined;
    try {
      // Created, never opened: `wx` fails on any file, or link, already there.
      fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(ownLock()));
      fs.closeSync(fd);
      return { ok: true };
    } catch (err) {
      if (fd !== undefined) {
        // Made but not written (a full disk): not left for the next server to wonder about.
        try {
          fs.closeSync(fd);
        } catch { /* closed, or never to be */ }
        try {
          fs.rmSync(file, { force: true });
        } catch { /* left: unreadable, it is stale after `LOCK_WRITING_MS` */ }
      }
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: false, error: err as NodeJS.ErrnoException };
    }
    if (isOwn(readLock(file))) return { ok: true };
    const holder = holderOf(file);
    if (holder) return { ok: false, holder };
    // A stale lock is moved aside, then removed: of two servers taking it over at once, one moves it. What was moved
    // may be the lock the other made meanwhile: put back if so.
    const aside = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      fs.renameSync(file, aside);
    } catch {
      continue;
    }
    const moved = holderOf(aside);
    if (moved) {
      try {
        fs.linkSync(aside, file);
      } catch { /* another lock is there by now */ }
    }
    try {
      fs.rmSync(aside, { force: true });
    } catch { /* a stray file beside the lock, no lock: harmless */ }
    if (moved) return { ok: false, holder: moved };
  }
  return { ok: false, holder: 'another server (its lock kept changing)' };
}

/** Removes a lock file if it is this process's. */
function release(lock: string): void {
  try {
    if (isOwn(readLock(lock))) fs.rmSync(lock, { force: true });
  } catch { /* gone with its folder */ }
}

/** Errors that say a folder cannot be written, though it may be read. */
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);
const FULL = new Set(['ENOSPC', 'EDQUOT']);

function tryClaim(storage: string): Claim {
  const dir = path.join(storage, 'corpus-cache');
  // The cache's folder is the storage's own: its files are written and removed there, never through a link.
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(dir, { throwIfNoEntry: false });
  } catch (err) {
    return { mode: 'none', why: `its folder cannot be looked at (${(err as Error).message})` };
  }
  if (st?.isSymbolicLink()) return { mode: 'none', why: `${dir} is a link, not a folder` };
  const cannotWrite = (err: NodeJS.ErrnoException): Claim => {
    const full = FULL.has(err.code ?? '');
    if (!full && !READ_ONLY.has(err.code ?? '')) return { mode: 'none', why: `the storage folder cannot be written (${err.message})` };
    const why = full ? 'the storage folder\'s disk is full' : 'the storage folder cannot be written';
    return st?.isDirectory() ? { mode: 'read', why: `${why}: the cache is read, not written` } : { mode: 'none', why };
  };
  try {
    fs.mkdirSync(storage, { recursive: true });
  } catch (err) {
    return cannotWrite(err as NodeJS.ErrnoException);
  }
  const lock = path.join(storage, LOCK);
  const took = takeLock(lock);
  if (!took.ok) {
    if (took.error) return cannotWrite(took.error);
    // Read all the same: its facts are checked against their entry's article (`parseFacts`), the other server only
    // appends to a facts file or starts a new one (an open one stays readable), and an index it renames into place
    // while this one is read is read again (`CorpusCache.open`).
    return { mode: 'read', busy: true, why: `another Breach Desk server (${took.holder}) is using it: the cache is read, but not written while it does` };
  }
  // Anything else by the folder's name (a file) is a damaged cache: removed, now that no other server is using it.
  if (st && !st.isDirectory()) {
    try {
      fs.rmSync(dir, { force: true });
    } catch (err) {
      release(lock);
      return { mode: 'none', why: `${dir} is not a folder, and cannot be removed (${(err as Error).message})` };
    }
  }
  return { mode: 'write', lock };
}

/** Remembers a lock this process took: refreshed (`beat`) while held, and let go at exit. */
function hold(key: string, lock: string): void {
  held.set(key, lock);
  if (beating) return;
  beating = setInterval(beat, LOCK_BEAT_MS);
  beating.unref();
  process.once('exit', () => {
    for (const l of held.values()) release(l);
  });
}

/** Keeps this process's locks fresh (`LOCK_STALE_MS`). Runs in a timer: it throws nothing, which would end the server. */
function beat(): void {
  for (const [key, lock] of held) {
    try {
      if (!keepLock(key)) continue;
      const now = new Date();
      fs.utimesSync(lock, now, now);
    } catch { /* the next beat tries again */ }
  }
}

/**
 * Keeps this process's hold on a storage folder's lock, and says whether it has it: a lock file removed meanwhile
 * (by hand, or by a cleaner of old files) is made again; one another server took over (this one was stopped past
 * the lock's staleness) is let go, and the cache is not written until a later claim takes the lock again.
 */
function keepLock(key: string): boolean {
  const lock = held.get(key);
  if (lock === undefined) return false;
  const l = readLock(lock);
  if (isOwn(l) || (l === undefined && !fs.existsSync(lock) && takeLock(lock).ok)) return true;
  held.delete(key);
  return false;
}

/** `claimStorage` without waiting. */
function claimNow(storage: string): Claim {
  const key = path.resolve(storage);
  if (held.has(key) && keepLock(key)) return { mode: 'write', lock: held.get(key) };
  const c = tryClaim(storage);
  if (c.mode === 'write' && c.lock) hold(key, c.lock);
  return c;
}

/**
 * Claims a storage folder for this server: its lock, so that no other server writes the cache while this one
 * does (two servers appending to one facts file wrote their facts at the same offsets, and each read the
 * other's). A lock a live server holds is waited for up to `waitMs` (an editor restarting its server starts the
 * new one as the old one exits); still held, the cache is read but not written (`read`). Every VS Code window
 * with no folder open shares one storage folder: each load claims again, and once the other server is gone, writes.
 */
export async function claimStorage(storage: string, waitMs = 3000): Promise<StorageClaim> {
  const end = Date.now() + waitMs;
  for (;;) {
    const c = claimNow(storage);
    if (!c.busy || Date.now() >= end) return { mode: c.mode, why: c.why };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Lets the storage folder's lock go, if this process holds it; a later claim may take it again. */
export function releaseStorage(storage: string): void {
  const key = path.resolve(storage);
  const lock = held.get(key);
  if (lock !== undefined) release(lock);
  held.delete(key);
}

/**
 * The workspace folder whose walk for articles would go into the storage folder (or which is it), if any: the
 * cache is never written where the load reads and watches. A storage folder reached through a folder the walk
 * skips (`walksInto`: a hidden one, such as `~/.config` or `~/.cache` when the workspace is the home folder, or
 * `node_modules`) is fine. Compared with links resolved (as far as the storage folder exists yet), and regardless
 * of case where file systems usually ignore it.
 */
export function storageInside(storage: string, folders: readonly string[]): string | undefined {
  const s = resolvedPath(storage);
  for (const f of folders) {
    const rel = path.relative(resolvedPath(f), s);
    if (rel === '') return f;
    if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) continue;
    if (rel.split(path.sep).every(walksInto)) return f;
  }
  return undefined;
}

function resolvedPath(p: string): string {
  let at = path.resolve(p);
  let rest = '';
  for (;;) {
    let real: string | undefined;
    try {
      real = fs.realpathSync.native(at);
    } catch { /* not there (yet): its parent */ }
    const up = path.dirname(at);
    if (real !== undefined || up === at) {
      const full = path.join(real ?? at, rest);
      return process.platform === 'win32' || process.platform === 'darwin' ? full.toLowerCase() : full;
    }
    rest = path.join(path.basename(at), rest);
    at = up;
  }
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
  private closed = false;

  /**
   * `links`: its count of hard links (appended to only while it is 1). `mayWrite`: whether this server holds the
   * storage folder's lock still (`keepLock`), asked before each write: a server whose lock another took over (it was
   * suspended past the lock's age) keeps what it appended in memory, and never writes it over the new holder's bytes.
   */
  constructor(readonly file: string, readonly fd: number, public size: number, readonly links = 1, private readonly mayWrite: () => boolean = () => true) {}

  /** Whether it can be read still (not given up, `close`). */
  get open(): boolean {
    return !this.closed;
  }

  read(offset: number, length: number): Buffer {
    // (A closed descriptor's number may be another file's by now.)
    if (this.closed) throw new Error('facts file given up');
    const written = this.size - this.pendingBytes;
    if (offset + length > written) {
      if (this.mayWrite()) this.flush();
      else if (offset >= written) {
        // Appended whole, so within what is pending: served from memory.
        if (this.pending.length > 1) this.pending = [Buffer.concat(this.pending, this.pendingBytes)];
        return Buffer.from(this.pending[0].subarray(offset - written, offset - written + length));
      } else throw new Error('facts file not written');
    }
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

  /** Writes what was appended, while this server may write (`mayWrite`). */
  flush(): void {
    if (!this.pendingBytes || !this.mayWrite()) return;
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

  /** Drops what was appended past `size`, written or not. */
  truncate(size: number): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.size = size;
    fs.ftruncateSync(this.fd, size);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = [];
    this.pendingBytes = 0;
    fs.closeSync(this.fd);
  }
}

/**
 * A rows file (`RowsWriter`) read whole, as the block its entries' entities stay in: exactly the `length` numbers
 * the index says it holds, or nothing (a file of another size is damaged; one padded with junk is not read).
 */
function readRows(file: string, length: number): Int32Array {
  const { fd, stat } = openRegular(file, false);
  try {
    if (stat.size !== length * 4) throw new Error('rows file of another size');
    // Memory of its own: numbers need an offset that is a multiple of four.
    const buf = Buffer.allocUnsafeSlow(length * 4);
    for (let at = 0; at < buf.length;) {
      const n = fs.readSync(fd, buf, at, buf.length - at, at);
      if (n <= 0) throw new Error('rows cut short');
      at += n;
    }
    return new Int32Array(buf.buffer, buf.byteOffset, length);
  } finally {
    fs.closeSync(fd);
  }
}

/** An entry's facts from their bytes; throws if they are damaged, or another article's (`unpackFacts`). */
function parseFacts(buf: Uint8Array, uri: string): DocFacts {
  return unpackFacts(buf, undefined, uri);
}

/** The names the cache gives its files, but the index: what `cleanUp` may remove. */
const CACHE_FILE = /^(?:(?:facts|rows)-[0-9a-f]+\.bin|rows-[0-9a-f]+\.bin\.tmp|index\.json\.[0-9a-f]+\.tmp)$/;

export class CorpusCache {
  private entries = new Map<string, CacheEntry>();
  /** Files read and found no article, with their stat then (`notArticle`); `nextOthers` for the index being built. */
  private others = new Map<string, FileStat>();
  private nextOthers = new Map<string, FileStat>();
  private facts: FactsFile | undefined;
  /** The rows file the index on disk names. */
  private rowsName: string | undefined;
  /** The entries of the index being built by this load. */
  private next = new Map<string, CacheEntry>();
  private target: FactsFile | undefined;
  /** Where this load's appends to the current facts file began (what a failed write removes). */
  private targetStart = 0;
  /** A `committing()` in progress. */
  private writing: Generator<void, void, void> | undefined;
  /** Why an existing cache was not used, for the log; undefined when it was used or there was none. */
  discarded: string | undefined;
  /** Why this cache stopped writing (a full disk), for the log: the load goes on without it. */
  writeFailure: string | undefined;
  /**
   * The outlets (lower case) every entry was analysed knowing, or checked against and analysed again where it
   * named one otherwise: the saved Sources its load analysed with. An article's entities depend on the outlets
   * known when it was analysed, so a load checks the articles it restores against the Sources new since
   * (`followOutlets`).
   */
  outlets: ReadonlySet<string> = new Set();
  /** The outlets every entry of the new index knows, written with it. */
  private nextOutlets: ReadonlySet<string> = new Set();

  /** `claim`: the storage folder's key in `held`; `mode`: what the claim at its opening allowed. */
  private constructor(readonly dir: string, readonly key: string, private readonly claim: string, private readonly mode: StorageClaim['mode']) {}

  /**
   * Opens the cache in `storage` for this build and settings, claiming the folder first (`claimStorage`, without
   * waiting); an absent or broken cache opens empty, and one this server may not write (read-only storage,
   * another server's) writes nothing: what it analyses stays in memory.
   */
  static open(storage: string, key: string): CorpusCache {
    const claim = claimNow(storage);
    // Read again when another server (this one reading, not holding the lock) renamed a new index into place
    // meanwhile: the files the old one named may be gone (`cleanUp`). Those already open stay readable.
    for (let attempt = 0; ; attempt++) {
      const cache = new CorpusCache(path.join(storage, 'corpus-cache'), key, path.resolve(storage), claim.mode);
      if (claim.mode === 'none' || cache.readIndex() || attempt === 2) return cache;
    }
  }

  /** Reads the index on disk into this (new) cache; false when it was replaced while it was read. */
  private readIndex(): boolean {
    const key = this.key;
    const cache = this;
    const indexFile = path.join(cache.dir, 'index.json');
    if (!fs.existsSync(indexFile)) return true;
    let fd: number | undefined;
    const read: LinesRead = { bytes: 0, size: 0 };
    const lines = linesOf(indexFile, read);
    try {
      const first = lines.next();
      const header = (first.done ? undefined : JSON.parse(first.value)) as Header | undefined;
      if (header?.format !== FORMAT) throw new Error(`format ${String(header?.format)}`);
      if (header.key !== key) {
        cache.discarded = 'made by another build or with other settings';
        return true;
      }
      // Plain names in the cache's folder, never a path elsewhere.
      if (typeof header.facts !== 'string' || !/^facts-[0-9a-f]+\.bin$/.test(header.facts)) throw new Error('bad header');
      // Numbers in this machine's byte order (every platform VS Code runs on is little-endian; a copied cache need not be).
      if (typeof header.rows !== 'string' || !/^rows-[0-9a-f]+\.bin$/.test(header.rows) || !Number.isInteger(header.rowsLength) || header.rowsLength < 0 || header.endian !== os.endianness()) throw new Error('bad header');
      if (!Array.isArray(header.outlets) || !header.outlets.every((o) => typeof o === 'string') || !Number.isInteger(header.count) || header.count < 0) throw new Error('bad header');
      const file = path.join(cache.dir, header.facts);
      const opened = openRegular(file, this.mode === 'write');
      fd = opened.fd;
      const size = opened.stat.size;
      // Read at once, as the facts file is opened: the next commit removes both.
      const block = readRows(path.join(cache.dir, header.rows), header.rowsLength);
      const second = lines.next();
      const table = (second.done ? undefined : JSON.parse(second.value)) as unknown;
      if (!Array.isArray(table) || !table.every((t) => typeof t === 'string')) throw new Error('no string table');
      const rows = new PackedRows(table as string[]);
      const third = lines.next();
      const others = (third.done ? undefined : JSON.parse(third.value)) as unknown;
      if (!Array.isArray(others) || others.length !== header.others) throw new Error('no list of other files');
      for (const o of others as unknown[]) {
        if (!Array.isArray(o) || o.length !== 4 || typeof o[0] !== 'string' || !o.slice(1).every((n) => typeof n === 'number')) throw new Error('bad list of other files');
        cache.others.set(o[0], { size: o[1], mtimeMs: o[2], ino: o[3] });
      }
      for (let k = 0; k < header.count; k++) {
        const line = lines.next();
        if (line.done) throw new Error('index cut short');
        const e = decodeEntry(line.value, table as string[], rows, block, size);
        cache.entries.set(e.path, e);
      }
      if (cache.entries.size !== header.count) throw new Error('an article twice');
      // Nothing after the last entry: what is there was not written with this index.
      if (read.bytes !== read.size) throw new Error('bytes after the index');
      cache.facts = new FactsFile(file, fd, size, opened.stat.nlink, () => cache.mode === 'write' && keepLock(cache.claim));
      cache.rowsName = header.rows;
      cache.outlets = new Set(header.outlets);
    } catch (err) {
      if (fd !== undefined) fs.closeSync(fd);
      // (Asked while the index read is still open: its inode is not another file's yet.)
      if (replaced(indexFile, read, err)) return false;
      cache.entries.clear();
      cache.others.clear();
      cache.outlets = new Set();
      cache.discarded = `unreadable (${err instanceof Error ? err.message : String(err)})`;
    } finally {
      lines.return(undefined);
    }
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  /** How many files the cache knows as no article (`notArticle`). */
  get othersSize(): number {
    return this.others.size;
  }

  /** Whether this cache writes what a load gives it: this server holds the storage folder, and no write failed. */
  private get writable(): boolean {
    return this.writeFailure === undefined && this.mode === 'write' && held.has(this.claim);
  }

  /** Whether a file was read before and found no article, and its stat is unchanged. */
  notArticle(file: string, stat: FileStat): boolean {
    const o = this.others.get(file);
    return o !== undefined && sameStat(o, stat);
  }

  /** Records, for the new index, that a file with this stat is no article. */
  noteNotArticle(file: string, stat: FileStat): void {
    this.nextOthers.set(file, statFields(stat));
  }

  /** The entry for a file if its stat is unchanged. */
  fresh(file: string, stat: FileStat): CacheEntry | undefined {
    const e = this.entries.get(file);
    return e && sameStat(e, stat) ? e : undefined;
  }

  /** The entry for a file whatever its stat says (to compare content hashes). */
  entry(file: string): CacheEntry | undefined {
    return this.entries.get(file);
  }

  /** A loader of an entry's facts from the current facts file; throws if they are damaged. */
  loader(e: CacheEntry): () => DocFacts {
    const file = this.facts;
    const uri = e.summary.uri;
    return () => {
      if (!file) throw new Error('no facts file');
      return parseFacts(file.read(e.offset, e.length), uri);
    };
  }

  /**
   * Starts the index of a new load. Facts are appended to the current facts
   * file (entries of the previous index stay where they are) unless most of
   * it is dead, in which case a new file is started and kept entries copied.
   * A cache that cannot write (not this server's, or a full disk) reads what it has and writes nothing.
   */
  begin(): void {
    this.writing?.return();
    this.writing = undefined;
    this.next = new Map();
    this.nextOthers = new Map();
    this.nextOutlets = new Set();
    this.target = this.facts;
    this.targetStart = this.facts?.size ?? 0;
    if (!this.writable || !keepLock(this.claim)) return;
    let live = 0;
    for (const e of this.entries.values()) live += e.length;
    // Appended to only while no other name links to it: those appends would show there too.
    if (this.facts && this.facts.links === 1 && this.facts.size <= 2 * live + (8 << 20)) return;
    this.target = undefined;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const file = path.join(this.dir, `facts-${randomBytes(6).toString('hex')}.bin`);
      // Created ('x'), never a file or a link already there.
      this.target = new FactsFile(file, fs.openSync(file, 'wx+'), 0, 1, () => this.mode === 'write' && keepLock(this.claim));
    } catch (err) {
      this.stopWriting(err);
    }
  }

  /**
   * Stops writing for this load, which goes on without the cache (a full disk): removes what it wrote (a new facts
   * file, or what it appended to the current one); what it restored is read from the current facts file, what it
   * analyses stays in memory. Facts read from what was removed fall back to the article (`withFallback`).
   */
  private stopWriting(err: unknown): void {
    if (this.writeFailure !== undefined) return;
    this.writeFailure = err instanceof Error ? err.message : String(err);
    const target = this.target;
    this.target = this.facts;
    try {
      if (target && target !== this.facts) {
        target.close();
        fs.rmSync(target.file, { force: true });
      } else if (target) target.truncate(this.targetStart);
    } catch { /* left for the next commit's `cleanUp` */ }
  }

  /** Keeps a cached article in the new index (with its current stat); gives the loader of its facts. */
  keep(e: CacheEntry, stat: FileStat): () => DocFacts {
    if (!this.writable) return this.loader(e);
    const target = this.target!;
    // Unchanged (a warm start's every article): the entry itself, not a copy of it.
    let entry = sameStat(e, stat) ? e : { ...e, ...statFields(stat) };
    if (target !== this.facts) {
      const bytes = this.facts!.read(e.offset, e.length);
      try {
        entry = { ...entry, offset: target.append(bytes).offset };
      } catch (err) {
        this.stopWriting(err);
        return this.loader(e);
      }
    }
    this.next.set(e.path, entry);
    const { offset, length } = entry;
    const uri = e.summary.uri;
    // Copied to a new facts file (compacted, or the current one is linked elsewhere): read from the current one
    // again if the new one is given up (a disk that filled before the commit, `stopWriting`), which has them still.
    const from = this.facts!;
    return () => parseFacts(target === from || target.open ? target.read(offset, length) : from.read(e.offset, e.length), uri);
  }

  /** Adds a freshly analysed article to the new index; gives the loader of its facts. */
  add(item: CacheItem): () => DocFacts {
    const data = item.facts();
    const uri = item.summary.uri;
    if (this.writable) {
      const target = this.target!;
      try {
        const { offset, length } = target.append(data);
        const entry: CacheEntry = { path: item.path, size: item.size, mtimeMs: item.mtimeMs, ino: item.ino, hash: item.hash, origin: item.origin, summary: item.summary, lineStarts: item.lineStarts, offset, length };
        this.next.set(item.path, entry);
        // The loader keeps numbers only: holding the text or a buffer here would keep every article's facts in memory.
        return () => parseFacts(target.read(offset, length), uri);
      } catch (err) {
        this.stopWriting(err);
      }
    }
    // Not written (a read-only storage, a full disk): the packed facts stay in memory.
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    return () => parseFacts(bytes, uri);
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
    for (const [p, o] of this.nextOthers) if (!this.notArticle(p, o)) return true;
    for (const [p, e] of this.next) {
      const o = this.entries.get(p);
      if (!o || o.offset !== e.offset || !sameStat(o, e) || o.origin !== e.origin) return true;
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
   * index must not change while it runs; `begin` stops one in progress. A
   * cache that cannot write writes nothing; a write that fails removes what
   * it wrote and throws.
   */
  committing(): Generator<void, void, void> {
    this.writing?.return();
    this.writing = this.commitSteps();
    return this.writing;
  }

  private *commitSteps(): Generator<void, void, void> {
    const target = this.target;
    if (!target || !this.writable || !keepLock(this.claim)) return;
    const next = this.next;
    const outlets = this.nextOutlets;
    const others = this.nextOthers;
    let rowsName = this.rowsName;
    try {
      // The index only ever points at bytes already written.
      target.flush();
      if (this.changed) {
        rowsName = yield* this.writeIndex(target, next, outlets, others);
      }
    } catch (err) {
      this.stopWriting(err);
      throw err;
    }
    this.cleanUp(path.basename(target.file), rowsName);
    this.entries = next;
    this.others = others;
    this.facts = target;
    this.rowsName = rowsName;
    this.outlets = outlets;
    this.next = new Map();
    this.nextOthers = new Map();
    this.target = undefined;
    this.writing = undefined;
  }

  /** Writes the rows file and the index naming it, and renames both into place; gives the rows file's name. */
  private *writeIndex(target: FactsFile, next: Map<string, CacheEntry>, outlets: ReadonlySet<string>, others: Map<string, FileStat>): Generator<void, string, void> {
    fs.mkdirSync(this.dir, { recursive: true });
    // The entries' entities go to a rows file of their own, written first under a new name: the index names it.
    const rowsName = `rows-${randomBytes(6).toString('hex')}.bin`;
    const rowsTmp = path.join(this.dir, `${rowsName}.tmp`);
    const tmp = path.join(this.dir, `index.json.${randomBytes(4).toString('hex')}.tmp`);
    // Created ('x'), never a file or a link already there.
    const fd = fs.openSync(tmp, 'wx');
    let rowsFd: number | undefined;
    let written = false;
    try {
      rowsFd = fs.openSync(rowsTmp, 'wx');
      const rows = new RowsWriter();
      let rowsWritten = 0;
      const writeRows = () => {
        const n = rows.take();
        fs.writeSync(rowsFd!, new Uint8Array(n.buffer, n.byteOffset, n.byteLength));
        rowsWritten += n.length;
      };
      // A line per article, written in batches: never one string of the whole index.
      // The string table first (a pass over the summaries' names, counting the numbers each article's entities
      // take in the rows file, as `EntityPacker` counts a batch: the header says how many), then the entries that use it.
      const table = new StringTable();
      const number = (s: string) => table.of(s);
      let rowsLength = 0;
      let k = 0;
      for (const e of next.values()) {
        let row = 0;
        for (const x of e.summary.entities) row += entityRow(x, number).length;
        rowsLength += packedLength(e.summary.entities.length, row);
        for (const m of e.summary.measures) table.of(m);
        if ((++k & 127) === 0) yield;
      }
      const header: Header = { format: FORMAT, key: this.key, facts: path.basename(target.file), rows: rowsName, rowsLength, endian: os.endianness(), count: next.size, outlets: [...outlets].sort(), others: others.size };
      let batch = `${asciiJson(header)}\n${asciiJson(table.list)}\n${asciiJson([...others].map(([p, o]) => [p, o.size, o.mtimeMs, o.ino]))}\n`;
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
      if (rowsWritten !== rowsLength) throw new Error(`rows counted ${rowsLength}, written ${rowsWritten}`);
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
    return rowsName;
  }

  /**
   * Removes what the index does not name: files of earlier generations, and the temporary files a crash or a
   * failed write left. Whatever their age (their mtimes may be in the future, after a clock was set back): this
   * server holds the folder's lock, so no other is writing them. After every commit, also one that found
   * nothing changed (a warm start). Only names the cache gives its files.
   */
  private cleanUp(facts: string, rows: string | undefined): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const f of names) {
      if (f === facts || f === rows || !CACHE_FILE.test(f)) continue;
      try {
        fs.rmSync(path.join(this.dir, f), { force: true });
      } catch { /* in use (Windows) or gone: the next commit tries again */ }
    }
  }
}
