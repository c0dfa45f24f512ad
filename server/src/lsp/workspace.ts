/**
 * The corpus on disk: the bundled seeds, the workspace folders and any
 * `breachDesk.corpus` folders. Reads and indexes them in the background with
 * progress, keeps them current from file-watcher events, and never lets one
 * bad file stop the rest. This is the only part of the server that reads
 * files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { isArticleFile, isCandidateFile, isPlaceholder } from '../core/detect';
import { extractFacts } from '../core/extract/facts';
import { CorpusIndex, dropShadowedSeeds, lineStartsOf, type IndexedDoc, type Origin } from '../core/index/corpus';
import { parse } from '../core/syntax/parse';
import type { DocFacts } from '../core/extract/types';
import { contentHash, sameStat, type CorpusCache } from '../node/cache';
import { analyse, AnalystPool, ANALYSTS_FROM, analystScript, analystsFor, type Job, type Outcome } from '../node/analyst';
import * as os from 'os';
import { followedLink, readArticleFile, readArticleFileSync, readConfigFile, sourcesOf, sourcesOfAsync, walkArticleFiles, walksInto, type LinkRoots, type WalkProblem } from '../node/fsutil';
import { packFacts, unpackFacts } from '../node/packfacts';
import { exclusion, relativePath, type Exclusion } from '../node/exclude';
import { readPins, type PinProblem } from '../core/extract/pins';

export const SEEDS_DIR = normalDrive(path.join(__dirname, '..', 'seeds'));

/**
 * On Windows, a path with its drive letter in lower case ("c:\\…"), as `uriOf` writes it in a URI and `pathOf`
 * reads it back: the server compares paths as strings (is a file under a root, a seed?), and "C:" from Node's own
 * paths is "c:" in VS Code's URIs. Elsewhere the path as it is.
 */
export function normalDrive(p: string): string {
  return path.sep === '\\' && /^[A-Z]:/.test(p) ? p[0].toLowerCase() + p.slice(1) : p;
}

export interface Root {
  dir: string;
  origin: Origin;
  /** `breachDesk.exclude` as it applies to this folder: glob patterns of what it leaves out (`node/exclude.ts`). */
  exclude?: readonly string[];
}

/** Each root's patterns, made once. */
const exclusions = new WeakMap<Root, Exclusion>();

function exclusionOf(r: Root): Exclusion {
  let e = exclusions.get(r);
  if (!e) exclusions.set(r, (e = exclusion(r.exclude ?? [])));
  return e;
}

/**
 * Whether `breachDesk.exclude`, or a folder the walk does not go into (`walksInto`), leaves this file (or folder) out of the corpus: it is in one of the
 * folders read, and each of them that it is in leaves it out (a file in a `breachDesk.corpus` folder
 * inside a workspace folder is read when either folder's patterns let it in, as the load's walks do).
 * A file in no folder of the corpus is not excluded: it is none of the corpus's business.
 */
export function excludedFrom(roots: readonly Root[], file: string, folder = false): boolean {
  let inside = false;
  for (const r of roots) {
    if (r.origin === 'seed') continue;
    const rel = relativePath(r.dir, file);
    if (rel === undefined) continue;
    if (!exclusionOf(r).excludes(rel, folder) && walkedTo(rel, folder)) return false;
    inside = true;
  }
  return inside;
}

/**
 * Whether the walk goes into every folder on the way to `rel` (and into `rel` itself, a folder): a file in a
 * hidden folder or in `node_modules` is no more the corpus's when an editor's watcher reports it, or when it is
 * closed, than when the corpus is read (it was indexed until the next load).
 */
function walkedTo(rel: string, folder: boolean): boolean {
  const parts = rel.split('/');
  const last = folder ? parts.length : parts.length - 1;
  for (let i = 0; i < last; i++) if (parts[i] && !walksInto(parts[i])) return false;
  return true;
}

export interface LoadReport {
  indexed: number;
  /** How many of them came from the cache (and were not analysed again, `followed`). */
  cached: number;
  /** Worker threads that analysed files (0: all on the main thread), in the load or in following outlets. */
  analysts: number;
  /** Articles restored from the cache and analysed again for an outlet new since (`followOutlets`). */
  followed: number;
  /** The Sources (lower case, none of the built-in outlets) every indexed article was analysed knowing. */
  outlets: string[];
  /** The cache this load filled, to `commit()` once the index is announced; absent if it failed. */
  cache?: CorpusCache;
  skipped: { path: string; message: string }[];
  /** Placeholder articles ("# Unknown") read in this load: in no index, but checked and listed all the same. */
  placeholders: string[];
  ms: number;
}

/**
 * The facts of one text, as the index would compute them now (known outlets and pins shape entities); a load
 * gives the outlets it learnt first (`knownOutlets`).
 */
function factsOf(index: CorpusIndex, uri: string, text: string, outlets: ReadonlyMap<string, string> = indexOutlets(index)): DocFacts | undefined {
  const { article } = parse(text);
  // Placeholder articles carry nothing worth knowing.
  if (isPlaceholder(article)) return undefined;
  return extractFacts(uri, text, article, { outlets, pins: [...index.pins.values()] });
}

/** The outlets the index knows (lower case → as written), as extraction takes them. */
export function indexOutlets(index: CorpusIndex): Map<string, string> {
  return new Map([...index.outlets().keys()].map((o) => [o.toLowerCase(), o]));
}

/**
 * The outlets of the corpus as saved (lower case → as written): the Source of every article the index holds from
 * disk, and of every open one as its file gives it (`diskSource`); never that of unsaved text, a draft (a file the
 * user excludes) or an untitled buffer. What articles read from disk are analysed with, so that a Source typed into
 * an open document changes no other article.
 */
export function savedOutlets(index: CorpusIndex, maxBytes: number, isOpen?: (uri: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of index.all()) {
    if (d.draft) continue;
    const uri = d.summary.uri;
    const file = isOpen?.(uri) ? pathOf(uri) ?? '' : undefined;
    const source = file === undefined ? d.summary.source : file && diskSource(file, maxBytes);
    const lower = source?.toLowerCase();
    if (source && lower && !out.has(lower)) out.set(lower, source);
  }
  return out;
}

/**
 * The outlets a load analyses its files with: those of the articles the index holds (restored, or open as saved:
 * `savedOutlets`) and the Source of each file it analyses (`sources`, from `sourcesOf`), so that no article's
 * entities depend on the order the files are analysed in.
 */
function knownOutlets(index: CorpusIndex, sources: ReadonlyMap<string, string>, options: LoadOptions): Map<string, string> {
  const outlets = savedOutlets(index, options.maxBytes, options.isOpen);
  for (const [k, v] of sources) if (!outlets.has(k)) outlets.set(k, v);
  return outlets;
}

/** Facts for one text, indexed under `uri`. Shared by open documents and files on disk. */
export function indexText(index: CorpusIndex, uri: string, text: string, origin: Origin, outlets?: ReadonlyMap<string, string>): IndexedDoc | undefined {
  const facts = factsOf(index, uri, text, outlets);
  if (!facts) {
    index.remove(uri);
    return undefined;
  }
  index.set({ facts, lineStarts: lineStartsOf(text), origin });
  return index.get(uri);
}

/**
 * Loads cached facts; if the cache turns out damaged, analyses the file again
 * (and if even that fails, answers with what the summary knows), so a bad
 * cache never breaks a feature.
 */
function withFallback(index: CorpusIndex, load: () => DocFacts, file: string, uri: string, maxBytes: number): () => DocFacts {
  return () => {
    try {
      return load();
    } catch {
      try {
        // Read as a load reads it (the limit, the byte order mark left out), or not at all.
        const r = readArticleFileSync(file, { maxBytes });
        const facts = r.ok ? factsOf(index, uri, r.text) : undefined;
        if (facts) return facts;
      } catch { /* fall through */ }
      const s = index.get(uri)?.summary;
      return { uri, title: s?.title ?? '', source: s?.source, date: s?.date, link: s?.link, sentences: [], headlines: 0, entities: [], figures: [], claims: [], quotes: [], links: [], authors: s?.authors ?? [], tags: [] };
    }
  };
}

/**
 * An absolute POSIX path of characters that `pathToFileURL` leaves as they are, in segments it
 * does not resolve away (no empty, `.` or `..` one): its URL is `file://` and the path.
 */
const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._-]+)+$/;

export function uriOf(file: string): string {
  // A warm start asks for every file's (10,000 took pathToFileURL ~50 ms, most of it for paths like these).
  if (path.sep === '/' && PLAIN_PATH.test(file)) return `file://${file}`;
  const uri = pathToFileURL(file).toString();
  // Windows: the drive letter in one case ("C:" from Node's paths, "c:" from VS Code's), as `canonicalUri` needs.
  return path.sep === '\\' && DRIVE_RE.test(uri) ? uri.slice(0, 8) + uri[8].toLowerCase() + uri.slice(9) : uri;
}

const DRIVE_RE = /^file:\/\/\/[A-Z]:/;

/**
 * One spelling of a `file:` URI: the one `uriOf` gives the file. Clients spell URIs their own way (VS Code
 * writes "Zorblax%20%28update%29.txt" and "c%3A" where Node writes "Zorblax%20(update).txt" and "C:"), and the
 * index, the open documents and every map of the server compare them as strings: one file became two articles,
 * each a copy of the other. Other schemes (`untitled:`) and URIs that name no file are left as they are.
 */
export function canonicalUri(uri: string): string {
  // (A query or a fragment names no file of its own: such a URI is left as the client wrote it, not merged with the file's.)
  if (!uri.startsWith('file:') || uri.includes('?') || uri.includes('#')) return uri;
  const file = pathOf(uri);
  return file === undefined ? uri : uriOf(file);
}

/** The keys of a client's message that hold a document's or folder's URI. */
const URI_KEYS = new Set(['uri', 'rootUri', 'targetUri', 'oldUri', 'newUri']);

/**
 * Rewrites, in place, every URI a client's message carries (params of requests and notifications, results of
 * the server's own requests) to its canonical spelling (`canonicalUri`), before any handler reads it. Texts are
 * strings and are not walked; depth is bounded, so a hostile message cannot take the stack.
 */
export function canonicalUris(value: unknown, depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) canonicalUris(v, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (typeof v === 'string') {
      if (URI_KEYS.has(k) && v.startsWith('file:')) o[k] = canonicalUri(v);
    } else if (v !== null && typeof v === 'object') canonicalUris(v, depth + 1);
  }
}

export function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? normalDrive(fileURLToPath(uri)) : undefined;
  } catch {
    return undefined;
  }
}

export const PINS_FILE = path.join('.breachdesk', 'entities.json');

/** Reads the pinned entities of the workspace folders into the index; returns the problems per file. */
export function loadPins(index: CorpusIndex, folders: string[]): { file: string; text: string; problems: PinProblem[] }[] {
  index.pins.clear();
  const reports: { file: string; text: string; problems: PinProblem[] }[] = [];
  for (const dir of folders) {
    const file = path.join(dir, PINS_FILE);
    const read = readConfigFile(file);
    if (!read) continue;
    if ('problem' in read) {
      reports.push({ file, text: '', problems: [{ span: { start: 0, end: 0 }, message: read.problem }] });
      continue;
    }
    const text = read.text;
    const { pins, problems } = readPins(text);
    for (const p of pins) if (!index.pins.has(p.key)) index.pins.set(p.key, p);
    reports.push({ file, text, problems });
  }
  index.pinsChanged();
  return reports;
}

export interface LoadOptions {
  maxBytes: number;
  /** Called every so often with (done, total). */
  progress?: (done: number, total: number) => void;
  /** Return true to stop early (a newer load started, or the server shuts down). */
  cancelled?: () => boolean;
  /** Documents the editor has open: their text wins over the disk. */
  isOpen?: (uri: string) => boolean;
  /** The on-disk cache: unchanged files are restored from it, analysed ones added to it. */
  cache?: CorpusCache;
  /** Analyse on worker threads when there is a cache to put the facts in (default true). */
  analysts?: boolean;
  /** How many worker threads a first index analyses on (default: as many as `analystsFor` finds best). */
  analystThreads?: number;
  log?: (message: string) => void;
}

/** A batch of synchronous stats slower than this stats the rest asynchronously (see `loadWithAnalysts`). */
const SLOW_STATS_MS = 50;

/**
 * The first index of a large corpus: unchanged files come from the cache,
 * the rest are analysed on worker threads (see `analyst.ts`), whose facts go
 * straight to the cache file as JSON; the main thread only keeps summaries.
 */
async function loadWithAnalysts(index: CorpusIndex, files: { file: string; origin: Origin }[], cache: CorpusCache, script: string, skipped: LoadReport['skipped'], placeholders: string[], options: LoadOptions, t0: number, before: Set<string>, loaded: Set<string>): Promise<LoadReport> {
  let done = 0;
  let cached = 0;
  // The articles restored from the cache, as analysed by an earlier load (`followOutlets`).
  const restored = new Set<string>();
  const jobs: Job[] = [];
  const meta: { file: string; origin: Origin; uri: string; size: number; mtimeMs: number; ino: number }[] = [];
  const STAT_BATCH = 128;
  const threads = (articles: number) => options.analystThreads ?? analystsFor(articles, os.availableParallelism());
  // With nothing cached every file will be analysed: the threads start now and load their code while the
  // files are looked at (~0.3 s at 10,000 files), not after.
  let pool = cache.size === 0 && cache.othersSize === 0 && files.length >= ANALYSTS_FROM && !options.cancelled?.() ? new AnalystPool(script, [...index.pins.values()], threads(files.length)) : undefined;
  // And they read the files' Sources meanwhile: the outlets every file is analysed with (`knownOutlets`).
  const early = pool?.sources(files.map((f) => f.file), options.maxBytes);
  // (Awaited below; a failure there must not count as unhandled before.)
  early?.catch(() => undefined);
  // Synchronous stats, a batch between turns of the event loop: 10,000 files (in the page cache) took ~80 ms so
  // where a promise each took ~140 ms of a warm start. A slow disk (a network drive) would hold requests up for a
  // batch at a time: after one slow batch the rest are stat'ed off the main thread.
  let sync = true;
  for (let i = 0; i < files.length; i += STAT_BATCH) {
    if (options.cancelled?.()) break;
    const batch = files.slice(i, i + STAT_BATCH);
    const began = Date.now();
    const stats = sync ? batch.map((f) => statOf(f.file)) : await Promise.all(batch.map((f) => fs.promises.stat(f.file).catch(() => undefined)));
    if (Date.now() - began > SLOW_STATS_MS) sync = false;
    batch.forEach((f, j) => {
      // Stopped while the stats were taken: a newer load owns the index now (see `onResult`).
      if (options.cancelled?.()) return;
      const uri = uriOf(f.file);
      const st = stats[j];
      if (options.isOpen?.(uri)) { done++; return; }
      if (!st) { skipped.push({ path: f.file, message: 'could not be read' }); done++; return; }
      const hit = cache.fresh(f.file, st);
      if (hit && hit.origin === f.origin) {
        index.setLazy(hit.summary, hit.lineStarts, f.origin, withFallback(index, cache.keep(hit, st), f.file, uri, options.maxBytes));
        loaded.add(uri);
        restored.add(uri);
        cached++;
        done++;
        return;
      }
      // Read before and found no article, unchanged since (a folder of notes with articles among them).
      if (cache.notArticle(f.file, st)) {
        cache.noteNotArticle(f.file, st);
        done++;
        return;
      }
      const old = cache.entry(f.file);
      jobs.push({ id: meta.length, file: f.file, uri, maxBytes: options.maxBytes, cachedHash: old && old.size === st.size && old.origin === f.origin ? old.hash : undefined });
      meta.push({ file: f.file, origin: f.origin, uri, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino });
    });
    options.progress?.(done, files.length);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  let analysts = 0;
  const onResult = (o: Outcome) => {
    // What comes back after a newer load began is not put in: that load took its measure of the index when it
    // began (`before`), so an article put in now would stay though the newer load leaves it out (excluded since),
    // or overwrite the newer load's analysis with one made with older pins.
    if (options.cancelled?.()) return;
    done++;
    if (done % 64 === 0) options.progress?.(done, files.length);
    const m = meta[o.id];
    if (o.kind === 'skipped' || o.kind === 'failed') {
      skipped.push({ path: m.file, message: o.kind === 'failed' ? `could not be analysed: ${o.message}` : o.message });
      return;
    }
    if (o.kind === 'not-article') {
      cache.noteNotArticle(m.file, m);
      return;
    }
    if (options.isOpen?.(m.uri)) return;
    if (o.kind === 'placeholder') {
      index.remove(m.uri);
      placeholders.push(m.file);
      return;
    }
    if (o.kind === 'unchanged') {
      const old = cache.entry(m.file)!;
      index.setLazy(old.summary, old.lineStarts, m.origin, withFallback(index, cache.keep(old, m), m.file, m.uri, options.maxBytes));
      loaded.add(m.uri);
      restored.add(m.uri);
      cached++;
      return;
    }
    // A cache that cannot write them (a full disk) keeps them in memory, and the load goes on (`CorpusCache.add`).
    const load = cache.add({ path: m.file, size: m.size, mtimeMs: m.mtimeMs, ino: m.ino, hash: o.hash, origin: m.origin, summary: o.summary, lineStarts: o.lineStarts, facts: () => o.facts });
    index.setLazy(o.summary, o.lineStarts, m.origin, withFallback(index, load, m.file, m.uri, options.maxBytes));
    loaded.add(m.uri);
  };
  // Every outlet is known before anything is analysed: the index's (restored, open) and the Source of each file.
  const many = jobs.length >= ANALYSTS_FROM && !options.cancelled?.();
  if (many) pool ??= new AnalystPool(script, [...index.pins.values()], threads(jobs.length));
  const jobFiles = jobs.map((j) => j.file);
  let outlets: Map<string, string>;
  try {
    outlets = knownOutlets(index, early ? await early : many ? await pool!.sources(jobFiles, options.maxBytes) : await sourcesOfAsync(jobFiles, options.maxBytes, options.cancelled), options);
  } catch (err) {
    await pool?.close();
    throw err;
  }
  if (many && pool) {
    analysts = pool.size;
    try {
      await pool.run(jobs, outlets, onResult, () => Boolean(options.cancelled?.()));
    } finally {
      await pool.close();
      pool = undefined;
    }
  } else {
    await pool?.close();
    // A few changed files since the last start: not worth starting workers.
    for (const job of jobs) {
      if (options.cancelled?.()) break;
      onResult(await analyse(job, outlets, [...index.pins.values()]));
    }
  }
  forgetUnloaded(index, before, loaded, options);
  const shadowed = dropShadowedSeeds(index).length;
  const follow = await followOutlets(index, cache.outlets, outlets, cache, restored, options, script);
  const { followed, written, outlets: knows } = follow;
  analysts = Math.max(analysts, follow.threads);
  options.progress?.(files.length, files.length);
  saysWhyNotWritten(cache, options);
  return { indexed: done - skipped.length - shadowed, cached: cached - followed, analysts, followed, outlets: knows, skipped, placeholders, ms: Date.now() - t0, cache: options.cancelled?.() || !written ? undefined : cache };
}

/** Logs why the cache stopped writing during a load (a full disk), which went on without it. */
function saysWhyNotWritten(cache: CorpusCache | undefined, options: LoadOptions): void {
  if (cache?.writeFailure) options.log?.(`Could not write the corpus cache (${cache.writeFailure}); what this load analysed is kept in memory, and analysed again at the next start.`);
}

/**
 * After a whole load, the index holds what is on disk now: an article the load did not index (deleted without a
 * watcher event, in a folder no longer a root, now too large, unreadable or no article) is forgotten, unless the
 * editor has it open. A cancelled load forgets nothing (the newer load that cancelled it will).
 */
function forgetUnloaded(index: CorpusIndex, before: Set<string>, loaded: Set<string>, options: LoadOptions): void {
  if (options.cancelled?.()) return;
  // Only what the index held when the load began: a file a watcher event added meanwhile is not the load's to judge.
  for (const uri of before) if (!loaded.has(uri) && !options.isOpen?.(uri)) index.remove(uri);
}

/**
 * An article's entities depend on the outlets known when it was analysed: "The Harbor Lantern reported …" names an
 * organisation until some article has Harbor Lantern as its Source ("Harbor Lantern reported …", a person). A load analyses its files knowing every saved Source
 * (`analysedWith`, from `knownOutlets`), but the articles it restores from the cache were analysed by an earlier
 * load, knowing that load's Sources (`known`, the cache's `outlets`). Those that name a Source new since as
 * something else (`CorpusIndex.unawareOf`) are analysed again here (on analyst threads when there are many), into
 * the new cache, whose header then lists the Sources every article in it knows: a Source is followed once, not at
 * every start. An article that cannot be followed (changed, opened or gone meanwhile, or its thread died) leaves
 * the new cache, to be analysed at the next start; a Source whose file came during the load (not in
 * `analysedWith`) stays out of the header, so the next start follows it. Only saved Sources count
 * (`savedOutlets`), never one being typed. Runs once the load's articles are in the index; `written` is false
 * when the cache could not be written.
 */
async function followOutlets(index: CorpusIndex, known: ReadonlySet<string>, analysedWith: ReadonlyMap<string, string>, cache: CorpusCache | undefined, restored: ReadonlySet<string>, options: LoadOptions, script?: string): Promise<{ followed: number; written: boolean; threads: number; outlets: string[] }> {
  let written = true;
  if (options.cancelled?.()) return { followed: 0, written, threads: 0, outlets: [] };
  const outlets = savedOutlets(index, options.maxBytes, options.isOpen);
  const stale: { file: string; uri: string; origin: Origin; stat: fs.Stats }[] = [];
  const seen = new Set<string>();
  let anyNew = false;
  // (A first index restores nothing: every article was analysed knowing every Source.)
  for (const [lower, source] of restored.size ? outlets : []) {
    if (known.has(lower) || index.knowsOutlet(lower)) continue;
    anyNew = true;
    for (const uri of index.unawareOf(source)) {
      const file = pathOf(uri);
      const doc = index.get(uri);
      if (seen.has(uri) || !restored.has(uri) || options.isOpen?.(uri) || !file || !doc) continue;
      seen.add(uri);
      const stat = statOf(file);
      if (stat) stale.push({ file, uri, origin: doc.origin, stat });
      else cache?.forget(file);
    }
  }
  // One opened during the load is the editor's in the index: what its cache entry knows cannot be told; nor can
  // that of a seed a copy in the workspace shadows (`dropShadowedSeeds`), which comes back if the copy goes.
  if (anyNew) {
    for (const uri of restored) {
      const file = pathOf(uri);
      if (file && (options.isOpen?.(uri) || !index.get(uri))) cache?.forget(file);
    }
  }
  let followed = 0;
  const settled = new Set<number>();
  const onResult = (o: Outcome) => {
    settled.add(o.id);
    const m = stale[o.id];
    const now = statOf(m.file);
    // Changed while it was read (the watcher or the next start sees to it), opened, or not analysed: not followed.
    if (o.kind !== 'analysed' || !now || !sameStat(now, m.stat) || options.isOpen?.(m.uri) || options.cancelled?.()) {
      cache?.forget(m.file);
      return;
    }
    let load: () => DocFacts;
    try {
      load = cache ? cache.add({ path: m.file, size: now.size, mtimeMs: now.mtimeMs, ino: now.ino, hash: o.hash, origin: m.origin, summary: o.summary, lineStarts: o.lineStarts, facts: () => o.facts }) : () => unpackFacts(o.facts);
    } catch {
      // A cache that cannot be written: the rest of the load is kept in memory.
      written = false;
      cache = undefined;
      load = () => unpackFacts(o.facts);
    }
    index.setLazy(o.summary, o.lineStarts, m.origin, withFallback(index, load, m.file, m.uri, options.maxBytes));
    followed++;
  };
  const pins = [...index.pins.values()];
  const jobs: Job[] = stale.map((m, id) => ({ id, file: m.file, uri: m.uri, maxBytes: options.maxBytes }));
  const cancelled = () => Boolean(options.cancelled?.());
  let threads = 0;
  if (script && jobs.length >= ANALYSTS_FROM) {
    let pool: AnalystPool | undefined;
    try {
      pool = new AnalystPool(script, pins, analystsFor(jobs.length, os.availableParallelism()));
      threads = pool.size;
      await pool.run(jobs, outlets, onResult, cancelled);
    } catch {
      // Threads that could not start or died: what they left is analysed at the next start.
      for (const j of jobs) if (!settled.has(j.id)) cache?.forget(j.file);
    } finally {
      await pool?.close();
    }
  } else {
    for (const job of jobs) {
      if (cancelled()) break;
      onResult(await analyse(job, outlets, pins));
    }
  }
  if (cancelled()) return { followed, written: false, threads, outlets: [] };
  const knownNow = [...outlets.keys()].filter((lower) => !index.knowsOutlet(lower) && analysedWith.has(lower));
  cache?.knowing(knownNow);
  return { followed, written, threads, outlets: knownNow };
}

/** A file's stat, or undefined when it cannot be had. */
/** The path with its links resolved, or the path itself when that fails. */
export function realPath(p: string): string {
  try {
    return normalDrive(fs.realpathSync(p));
  } catch {
    return p;
  }
}

/** Whether `p` is a folder (following a link). */
export function isFolder(p: string): boolean {
  return statOf(p)?.isDirectory() === true;
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

export async function loadRoots(index: CorpusIndex, roots: Root[], options: LoadOptions): Promise<LoadReport> {
  const t0 = Date.now();
  const before = new Set<string>();
  for (const d of index.all()) before.add(d.summary.uri);
  const skipped: LoadReport['skipped'] = [];
  const placeholders: string[] = [];
  const files: { file: string; origin: Origin }[] = [];
  const seen = new Set<string>();
  for (const r of roots) {
    if (!fs.existsSync(r.dir)) {
      skipped.push({ path: r.dir, message: 'folder does not exist' });
      continue;
    }
    // One real path per root, not per file: only files that are links need their own.
    let realDir = r.dir;
    try { realDir = fs.realpathSync(r.dir); } catch { /* keep the path as given */ }
    const links = new Set<string>();
    // The walk joins names onto the root as `path.join` writes it: a prefix to swap, not a path to resolve.
    const prefix = path.join(r.dir, path.sep);
    const realPrefix = path.join(realDir, path.sep);
    const unread: WalkProblem[] = [];
    const found = await walkArticleFiles([r.dir], links, unread, exclusionOf(r));
    for (const u of unread) skipped.push(u);
    for (const file of found) {
      let real = file.startsWith(prefix) ? realPrefix + file.slice(prefix.length) : path.join(realDir, path.relative(r.dir, file));
      if (links.has(file)) try { real = fs.realpathSync(file); } catch { /* keep the path as given */ }
      if (seen.has(real)) continue;
      seen.add(real);
      files.push({ file, origin: r.origin });
    }
  }
  let done = 0;
  let cached = 0;
  const restored = new Set<string>();
  let cache = options.cache;
  try {
    cache?.begin();
  } catch {
    cache = undefined;
  }
  const script = analystScript();
  // The articles this load puts in the index; the rest go at its end (`forgetUnloaded`).
  const loaded = new Set<string>();
  if (cache && script && options.analysts !== false && (files.length >= ANALYSTS_FROM || cache.size >= ANALYSTS_FROM)) {
    try {
      return await loadWithAnalysts(index, files, cache, script, skipped, placeholders, options, t0, before, loaded);
    } catch (err) {
      // Workers could not start or died: the single-threaded path below does it all again.
      skipped.length = 0;
      placeholders.length = 0;
      options.log?.(`Analyst workers failed (${String(err)}); indexing on the main thread.`);
      try {
        cache.begin();
      } catch {
        cache = undefined;
      }
    }
  }
  /** A cache that cannot be written (disk full, storage gone) is dropped for this load; indexing goes on. */
  const guard = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch {
      cache = undefined;
      return undefined;
    }
  };
  const outlets = knownOutlets(index, await sourcesOfAsync(files.map((f) => f.file), options.maxBytes, options.cancelled), options);
  const BATCH = 32;
  for (let i = 0; i < files.length; i += BATCH) {
    if (options.cancelled?.()) break;
    const batch = files.slice(i, i + BATCH);
    const stats = await Promise.all(batch.map((f) => (cache ? fs.promises.stat(f.file).catch(() => undefined) : undefined)));
    // Unchanged files (same size, mtime and inode: `sameStat`) are restored without being read.
    const hits = batch.map((f, j) => {
      const st = stats[j];
      const e = st && cache?.fresh(f.file, st);
      return e && e.origin === f.origin ? e : undefined;
    });
    // Files read before and found no article, unchanged since, are not read again.
    const others = batch.map((f, j) => !hits[j] && stats[j] !== undefined && cache?.notArticle(f.file, stats[j]!));
    const texts = await Promise.all(batch.map((f, j) => (hits[j] || others[j] ? undefined : readArticleFile(f.file, { maxBytes: options.maxBytes }))));
    batch.forEach((f, j) => {
      // Stopped while the batch was read (see `onResult` above).
      if (options.cancelled?.()) return;
      const uri = uriOf(f.file);
      if (options.isOpen?.(uri)) return;
      const st = stats[j];
      if (others[j]) {
        guard(() => cache!.noteNotArticle(f.file, st!));
        return;
      }
      let hit = hits[j];
      const r = texts[j];
      let hash = '';
      if (!hit) {
        if (!r?.ok) {
          skipped.push({ path: f.file, message: r?.message ?? 'unreadable' });
          return;
        }
        if (cache && st) {
          // Its stat moved but not its text (a checkout, a `touch`, the same text saved by rename): the same content is the same article.
          hash = contentHash(r.text);
          const old = cache.entry(f.file);
          if (old && old.hash === hash && old.size === st.size && old.origin === f.origin) hit = old;
        }
      }
      const kept = hit && st && guard(() => cache!.keep(hit!, st));
      if (hit && kept) {
        index.setLazy(hit.summary, hit.lineStarts, f.origin, withFallback(index, kept, f.file, uri, options.maxBytes));
        loaded.add(uri);
        restored.add(uri);
        cached++;
        return;
      }
      if (!r?.ok) {
        // A cache entry that could not be kept: read the file after all.
        skipped.push({ path: f.file, message: 'could not be restored from the cache; it is read again at the next start' });
        return;
      }
      const text = r.text;
      if (!isArticleFile(f.file, text)) {
        if (st) guard(() => cache?.noteNotArticle(f.file, st));
        return;
      }
      try {
        const doc = indexText(index, uri, text, f.origin, outlets);
        if (doc) loaded.add(uri);
        else placeholders.push(f.file);
        const c = cache;
        const load = doc && c && st ? guard(() => c.add({ path: f.file, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, hash, origin: f.origin, summary: doc.summary, lineStarts: doc.lineStarts, facts: () => packFacts(doc.facts, text) })) : undefined;
        // Facts live on disk from now on; memory holds summaries.
        if (doc && load) doc.evict(withFallback(index, load, f.file, uri, options.maxBytes));
      } catch (err) {
        // The core never throws on any text; if it ever does, one file must not stop the corpus.
        skipped.push({ path: f.file, message: `could not be analysed: ${String(err)}` });
      }
    });
    done += batch.length;
    options.progress?.(done, files.length);
    // Let requests and edits in between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  forgetUnloaded(index, before, loaded, options);
  const shadowed = dropShadowedSeeds(index).length;
  // Articles restored before a cache write failed are followed all the same, into memory.
  const { followed, written, outlets: knows } = await followOutlets(index, options.cache?.outlets ?? new Set(), outlets, cache, restored, options);
  if (!written) cache = undefined;
  saysWhyNotWritten(options.cache, options);
  return { indexed: done - skipped.length - shadowed, cached: cached - followed, analysts: 0, followed, outlets: knows, skipped, placeholders, ms: Date.now() - t0, cache: options.cancelled?.() ? undefined : cache };
}

/**
 * One bundled seed's path and text, for the server to run the analysis on once after a load (`warmAnalysis`);
 * undefined if the seeds cannot be read.
 */
export function aSeed(): { file: string; text: string } | undefined {
  try {
    const name = fs.readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort()[0];
    if (!name) return undefined;
    const file = path.join(SEEDS_DIR, name);
    return { file, text: fs.readFileSync(file, 'utf8') };
  } catch {
    return undefined;
  }
}

/** The Source of the article in `file` as saved (`sourcesOf`), if it is one. */
export function diskSource(file: string, maxBytes: number): string | undefined {
  for (const source of sourcesOf([file], maxBytes).values()) return source;
  return undefined;
}

/**
 * Re-reads one file after a watcher event, knowing `outlets` (by default the saved ones, `savedOutlets`); returns why
 * it was skipped, if it was. With `inside` (the real paths of the roots, `linkRoots`), a file whose real path lies
 * outside them (a link made while the server runs, `innocent.txt -> ~/notes.txt`) is not read, as the load's walk
 * does not read it (`walkArticleFiles`), and leaves the index.
 */
export async function reloadFile(index: CorpusIndex, file: string, origin: Origin, maxBytes: number, isOpen?: (uri: string) => boolean, outlets?: ReadonlyMap<string, string>, inside?: LinkRoots): Promise<string | undefined> {
  const uri = uriOf(file);
  if (inside) {
    const out: WalkProblem[] = [];
    if ((await followedLink(file, false, inside, out)) === false) {
      if (!isOpen?.(uri)) index.remove(uri);
      return out[0].message;
    }
  }
  const r = await readArticleFile(file, { maxBytes });
  // Opened in the editor while the file was being read: the editor's text wins.
  if (isOpen?.(uri)) return undefined;
  if (!r.ok) {
    index.remove(uri);
    return r.code === 'file.unreadable' ? undefined : r.message;
  }
  if (!isArticleFile(file, r.text)) {
    index.remove(uri);
    return undefined;
  }
  // Analysed knowing the saved Sources (given, for a batch of files), never those of unsaved text.
  indexText(index, uri, r.text, origin, outlets ?? savedOutlets(index, maxBytes, isOpen));
  return undefined;
}

/** A file (or a folder, then `folder`) that changed on disk, as the server's own watcher saw it. */
export interface DiskChange {
  file: string;
  deleted: boolean;
  /** A folder that went: every article under it went with it. */
  folder?: boolean;
}

/** At most this many folders are watched; a corpus in more is read again only by a load. */
const MAX_WATCHED_FOLDERS = 4096;

/**
 * Watches the folders a load reads for article files (and the pins file)
 * created, changed or deleted outside the editor, for clients that do not
 * watch files themselves (Neovim 0.7 has no `didChangeWatchedFiles`). One
 * watcher per folder the walk goes into (not hidden ones, nor `node_modules`
 * and its kind, which a recursive watch would take whole), at most
 * `MAX_WATCHED_FOLDERS`; a folder created later is watched and its articles
 * reported. Changes come in batches, 200 ms after the last one. A folder that
 * cannot be watched is only read again at the next load. What `leftOut`
 * says the user excludes (`excludedFrom`) is neither watched nor reported.
 * Returns the function that stops watching.
 */
export function watchFolders(dirs: string[], onChanges: (changes: DiskChange[]) => void, leftOut: (p: string, folder: boolean) => boolean = () => false): () => void {
  const pending = new Map<string, boolean>(); // path → is a folder
  const watchers = new Map<string, fs.FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const flush = () => {
    timer = undefined;
    // A stat or a folder's listing that ends after the watch was stopped reports nothing (to the next load's server).
    if (stopped) return;
    const changes: DiskChange[] = [];
    for (const [file, folder] of pending) {
      const exists = fs.existsSync(file);
      changes.push(folder && !exists ? { file, deleted: true, folder: true } : { file, deleted: !exists });
    }
    pending.clear();
    if (changes.length) onChanges(changes);
  };
  const note = (file: string, folder: boolean) => {
    if (stopped) return;
    pending.set(file, folder);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, 200);
  };
  const watch = async (dir: string, announce: boolean): Promise<void> => {
    if (stopped || watchers.has(dir) || watchers.size >= MAX_WATCHED_FOLDERS) return;
    let w: fs.FSWatcher;
    try {
      w = fs.watch(dir, (_event, name) => {
        if (!name) return;
        const file = path.join(dir, name.toString());
        const base = path.basename(file);
        if (file.endsWith(path.sep + PINS_FILE)) return note(file, false);
        if (isCandidateFile(base)) return leftOut(file, false) ? undefined : note(file, false);
        if (base === path.dirname(PINS_FILE)) { void watch(file, true); return; }
        if (!walksInto(base) || leftOut(file, true)) return;
        // A folder made (watch it, and report what it already holds) or gone (its articles go).
        fs.promises.stat(file).then((st) => { if (st.isDirectory()) void watch(file, true); }, () => {
          // Gone: if it was a folder (one watched, or a name without an extension), so are its articles; it may come back.
          const had = watchers.get(file);
          if (had) { had.close(); watchers.delete(file); }
          if (had || !path.extname(base)) note(file, true);
        });
      });
    } catch {
      return;
    }
    w.on('error', () => { w.close(); watchers.delete(dir); });
    w.unref();
    watchers.set(dir, w);
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && ((walksInto(e.name) && !leftOut(p, true)) || e.name === path.dirname(PINS_FILE))) await watch(p, announce);
      else if (announce && e.isFile() && ((isCandidateFile(e.name) && !leftOut(p, false)) || p.endsWith(path.sep + PINS_FILE))) note(p, false);
    }
  };
  for (const dir of dirs) void watch(dir, false);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    for (const w of watchers.values()) w.close();
    watchers.clear();
  };
}
