/**
 * Analysing article files on worker threads, for the first index of a large
 * corpus. Each worker reads a file, parses it, extracts its facts and sends
 * back only what the main thread keeps: the summary and the line starts
 * (mention spans and line starts packed; the summary's entities packed into
 * numbers, `EntityPacker`, so the main thread never holds them as objects), and
 * the facts packed (`packfacts.ts`) as bytes, both transferred rather than
 * copied; the main thread appends the facts to the cache file without ever
 * building the facts objects. So the main thread stays free for requests and
 * the analysis runs on as many cores as pay for their threads (`analystsFor`).
 * (Entities sent as objects were a quarter of
 * the main thread's work at 50,000 articles, and 280 MB of its peak memory.)
 *
 * Workers see the pins and the outlets of the whole load, learnt before
 * anything is analysed (`sourcesOf`): what an article names does not depend
 * on which thread analyses it, or in which order. Everything else is the
 * same analysis.
 *
 * `breach-desk check` uses the same threads another way (`AnalystPool.check`,
 * `checkRead`): each file is also checked on its own (`analyze`), and comes
 * back with its text and findings for the CLI's checks against the corpus and
 * its report.
 *
 * This file is both the pool (imported by the server and the CLI) and the
 * worker entry (bundled as `dist/analyst.js`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { analyze } from '../core/analyze';
import { isArticleFile, isPlaceholder } from '../core/detect';
import type { Diagnostic, SeverityOverrides } from '../core/diagnostics';
import { extractFacts } from '../core/extract/facts';
import type { Pin } from '../core/extract/pins';
import { interner, lineStartsOf, packNumbers, packQuotes, summarize, type DocSummary, type EntitySummary } from '../core/index/corpus';
import { PackedSummary, type PackedEntities } from '../core/index/packed';
import { parse } from '../core/syntax/parse';
import { contentHash, EntityPacker, EntityUnpacker, type PackedBatch } from './cache';
import { packFacts } from './packfacts';
import { readArticleFile, readArticleFileSync, sourcesOf, type ReadResult } from './fsutil';

export interface Job {
  id: number;
  file: string;
  uri: string;
  maxBytes: number;
  /** The content hash of the cached version, if any: when the file still has it, nothing is analysed. */
  cachedHash?: string;
}

export type Outcome =
  | { id: number; kind: 'skipped'; message: string }
  | { id: number; kind: 'not-article' }
  | { id: number; kind: 'unchanged'; hash: string }
  | { id: number; kind: 'placeholder'; hash: string }
  | { id: number; kind: 'analysed'; hash: string; summary: DocSummary; lineStarts: string; facts: Uint8Array }
  | { id: number; kind: 'failed'; message: string };

/** What `AnalystPool.check` gives for each file, for `breach-desk check`. */
export type Checked =
  | { id: number; kind: 'unread'; code: Extract<ReadResult, { ok: false }>['code']; message: string }
  | { id: number; kind: 'not-article' }
  | { id: number; kind: 'checked'; text: string; bom: boolean; diagnostics: Diagnostic[]; facts?: Uint8Array }
  | { id: number; kind: 'failed'; message: string };

/** How `AnalystPool.check` checks: the run's clock and the severities the user set. */
export interface CheckSetup {
  now: number;
  severities?: SeverityOverrides;
}

interface Setup {
  pins: Pin[];
}

/** One file: read, compare with the cached hash, analyse. `outlets`: every outlet the load knows (`sourcesOf`). */
export async function analyse(job: Job, outlets: ReadonlyMap<string, string>, pins: Pin[]): Promise<Outcome> {
  let r: ReadResult;
  try {
    r = await readArticleFile(job.file, { maxBytes: job.maxBytes });
  } catch (err) {
    return { id: job.id, kind: 'failed', message: String(err) };
  }
  return analyseRead(job, r, outlets, pins);
}

function analyseRead(job: Job, r: ReadResult, outlets: ReadonlyMap<string, string>, pins: Pin[]): Outcome {
  try {
    if (!r.ok) return { id: job.id, kind: 'skipped', message: r.message };
    if (!isArticleFile(job.file, r.text)) return { id: job.id, kind: 'not-article' };
    const hash = contentHash(r.text);
    if (hash === job.cachedHash) return { id: job.id, kind: 'unchanged', hash };
    const { article } = parse(r.text);
    if (isPlaceholder(article)) return { id: job.id, kind: 'placeholder', hash };
    const facts = extractFacts(job.uri, r.text, article, { outlets, pins });
    const summary = summarize(facts);
    // Packed for the trip and the cache: strings cross threads cheaply, arrays of numbers do not.
    for (const e of summary.entities) {
      e.spans = packNumbers(e.spans as number[]);
      e.spansTo = e.spans.length;
    }
    return { id: job.id, kind: 'analysed', hash, summary, lineStarts: packNumbers(lineStartsOf(r.text)), facts: packFacts(facts, r.text) };
  } catch (err) {
    return { id: job.id, kind: 'failed', message: String(err) };
  }
}

/**
 * One file as `breach-desk check` takes it: read, its layout checked (`analyze`), its facts extracted and packed
 * (none for a placeholder, which the corpus leaves out), its text sent back for the checks against the corpus.
 */
function checkRead(job: Job, r: ReadResult, outlets: ReadonlyMap<string, string>, pins: Pin[], check: CheckSetup): Checked {
  try {
    if (!r.ok) return { id: job.id, kind: 'unread', code: r.code, message: r.message };
    if (!isArticleFile(job.file, r.text)) return { id: job.id, kind: 'not-article' };
    const analysis = analyze(r.text, { now: check.now, severities: check.severities });
    const facts = isPlaceholder(analysis.article) ? undefined : packFacts(extractFacts(job.uri, r.text, analysis.article, { outlets, pins }), r.text);
    return { id: job.id, kind: 'checked', text: r.text, bom: r.bom, diagnostics: analysis.diagnostics, facts };
  } catch (err) {
    return { id: job.id, kind: 'failed', message: String(err) };
  }
}

/**
 * A batch's outcomes as a worker sends them: each analysed summary without its entities (and its quotations
 * packed), the entities of them all packed (`EntityPacker`), in the order of the analysed outcomes.
 */
interface Reply {
  run: number;
  outs: (Outcome | Checked)[];
  entities: PackedBatch;
}

/** A batch of jobs as the pool sends it; the first of a run to each worker carries the run's outlets. */
interface Batch {
  run: number;
  jobs: Job[];
  outlets?: string[];
  /** Jobs of `AnalystPool.check`, not of a load. */
  check?: CheckSetup;
}

/** A share of a load's files whose Sources a worker reads (`AnalystPool.sources`), and its answer. */
interface HeadsRequest {
  heads: number;
  files: string[];
  maxBytes: number;
}

interface HeadsReply {
  heads: number;
  sources: string[];
}

/** Runs in a worker: one batch of jobs at a time, in the order they come; the outcomes go back together. */
function serve(setup: Setup): void {
  // The outlets of each run going on, sent with its first batch to this worker.
  const outletsOf = new Map<number, ReadonlyMap<string, string>>();
  const packer = new EntityPacker();
  parentPort!.on('message', (message: Batch | HeadsRequest | { ended: number }) => {
    if ('ended' in message) {
      outletsOf.delete(message.ended);
      return;
    }
    if ('heads' in message) {
      parentPort!.postMessage({ heads: message.heads, sources: [...sourcesOf(message.files, message.maxBytes).values()] } satisfies HeadsReply);
      return;
    }
    const { run, jobs, outlets: names } = message;
    // Kept until the pool says the run has ended.
    if (names) outletsOf.set(run, new Map(names.map((o) => [o.toLowerCase(), o])));
    const outlets = outletsOf.get(run) ?? new Map<string, string>();
    const outs: (Outcome | Checked)[] = [];
    const transfer: ArrayBuffer[] = [];
    const lists: EntitySummary[][] = [];
    for (const job of jobs) {
      // A worker has nothing else to do while it reads: a synchronous read skips the thread pool.
      let out: Outcome | Checked;
      try {
        const read = readArticleFileSync(job.file, { maxBytes: job.maxBytes });
        out = message.check ? checkRead(job, read, outlets, setup.pins, message.check) : analyseRead(job, read, outlets, setup.pins);
      } catch (err) {
        out = { id: job.id, kind: 'failed', message: String(err) };
      }
      outs.push(out);
      if (out.kind === 'analysed') lists.push(out.summary.entities);
    }
    const { batch: entities, problems } = packer.pack(lists);
    let k = 0;
    for (let i = 0; i < outs.length; i++) {
      const out = outs[i];
      if (out.kind === 'checked' && out.facts) transfer.push(out.facts.buffer as ArrayBuffer);
      if (out.kind !== 'analysed') continue;
      // An article whose entities would not pack (no analysis makes one) is reported, not sent half-made.
      const problem = problems[k++];
      if (problem !== undefined) {
        outs[i] = { id: out.id, kind: 'failed', message: problem };
        continue;
      }
      transfer.push(out.facts.buffer as ArrayBuffer);
      out.summary = { ...out.summary, entities: [], quotes: packQuotes(out.summary.quotes) };
    }
    transfer.push(entities.rows.buffer as ArrayBuffer);
    // The facts' bytes and the entities' numbers move to the main thread rather than being copied.
    parentPort!.postMessage({ run, outs, entities } satisfies Reply, transfer);
  });
}

/** An analysed summary from a worker, its entities put back (packed) from the batch's. */
function restored(s: DocSummary, entities: PackedEntities): DocSummary {
  return new PackedSummary(s.uri, s.title, s.titleSpan, s.source, s.date, s.day, s.link, s.authors, s.measures, s.quotes, s.keyed, s.topics, s.topicSpans, s.linksTo, entities);
}

if (!isMainThread && (workerData as { breachDeskAnalyst?: Setup } | undefined)?.breachDeskAnalyst) {
  serve((workerData as { breachDeskAnalyst: Setup }).breachDeskAnalyst);
}

/** The worker script next to the server bundle; undefined when it is not there (running from sources). */
export function analystScript(): string | undefined {
  const file = path.join(__dirname, 'analyst.js');
  return fs.existsSync(file) ? file : undefined;
}

/** Below this many files, starting workers costs more than it saves (whatever `analystsFor` says). */
export const ANALYSTS_FROM = 200;

/**
 * How many analyst threads a first index of `articles` files should use on
 * `cores` cores. A thread is not free: before it runs at full speed it spends
 * 0.8–1.4 s warming up (its first 100 articles take 6–10 ms each, the next
 * few hundred 2–4 ms, against ~1.3 ms once warm), and V8 spends 2.6–3 s of CPU
 * compiling its code on helper threads, out of the same cores. So the time
 * `n` threads take is estimated, in articles' worth of work, as the longer of
 * the slowest thread's share (its warm-up and its articles) and all the work
 * over the cores (every thread's warm-up and compilation, every article, and
 * the main thread's taking the results in, 0.15 of an article each). The two
 * fixed costs are set to 700 and 1,500 articles, in the order of those
 * measurements but calibrated so that the estimate changes over where side by
 * side runs did on this machine's 2 cores (cold index over stdio, alternating
 * runs): one thread was 11% faster than two on 1,500 generated articles and
 * 10% on the 2,362 real ones (with 30% and 27% less CPU, 60 MB less memory);
 * two were 15% faster on 5,000. It changes at about 3,500 articles there.
 * Memory is not weighed: a thread's ~60 MB go when the first index ends. At
 * most four; counts for more cores follow from the model, not from
 * measurement.
 */
export function analystsFor(articles: number, cores: number): number {
  const WARM_UP = 700;
  const COMPILE = 1500;
  const MAIN = 0.15;
  let best = 1;
  let least = Infinity;
  for (let n = 1; n <= Math.min(4, Math.max(1, cores)); n++) {
    const estimate = Math.max(WARM_UP + articles / n, (n * (WARM_UP + COMPILE) + articles * (1 + MAIN)) / cores);
    if (estimate < least) {
      least = estimate;
      best = n;
    }
  }
  return best;
}

/**
 * A pool of analyst workers. `run` hands out jobs in small batches, at most
 * two in flight per worker so results stream back in order of completion,
 * and calls `onResult` on the main thread for each.
 */
export class AnalystPool {
  private readonly workers: Worker[] = [];
  /** Which `run` a batch belongs to: what comes back late from a run that failed is no later run's. */
  private runs = 0;

  /** Workers that have exited (a run fails at once when any has). */
  private exited = 0;
  /** Who takes the replies of each run going on, by run. */
  private readonly handlers = new Map<number, (w: Worker, reply: Reply, entities: PackedEntities[]) => void>();
  /** Who takes each share of `sources` going on. */
  private readonly heads = new Map<number, (sources: string[]) => void>();
  private headRequests = 0;
  /** Runs and `sources` going on, which hold the process open (`busy`). */
  private holds = 0;
  /** `size` threads (at least one): see `analystsFor`. */
  constructor(script: string, pins: Pin[], size: number) {
    size = Number.isFinite(size) ? Math.max(1, Math.floor(size)) : 1;
    // One copy of each name across the workers.
    const intern = interner();
    for (let i = 0; i < size; i++) {
      const w = new Worker(script, { workerData: { breachDeskAnalyst: { pins } } });
      // An idle pool holds no process open; a run or a `sources` holds it (`busy`) until its answers are in.
      w.unref();
      this.workers.push(w);
      const unpacker = new EntityUnpacker(intern);
      // Every batch's names are taken in, one from a run that ended too: the worker numbers names from all it sent.
      w.on('message', (reply: Reply | HeadsReply) => {
        if ('heads' in reply) {
          this.heads.get(reply.heads)?.(reply.sources);
          return;
        }
        const packed = unpacker.unpack(reply.entities);
        this.handlers.get(reply.run)?.(w, reply, packed);
      });
      // A worker that fails between runs must not take the server down (an 'error' no one hears throws), and
      // a run after it must not wait for it for ever.
      w.on('error', () => undefined);
      w.on('exit', () => this.exited++);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * `sourcesOf(files)`, the files shared among the threads: a first index asks while the main thread looks at
   * the files, so that the outlets are known by the time the threads are asked to analyse (each thread reads
   * the heads of a share, ~20 µs a file). Merged in the files' order, as `sourcesOf` would.
   */
  async sources(files: readonly string[], maxBytes: number): Promise<Map<string, string>> {
    if (this.exited) throw new Error('an analyst worker has exited');
    const share = Math.ceil(files.length / this.workers.length);
    const detach: (() => void)[] = [this.busy()];
    try {
      const parts = await Promise.all(this.workers.map((w, k) => new Promise<string[]>((resolve, reject) => {
        const id = ++this.headRequests;
        this.heads.set(id, resolve);
        const onExit = (code: number) => reject(new Error(`analyst worker exited (${code})`));
        w.on('error', reject);
        w.on('exit', onExit);
        detach.push(() => {
          this.heads.delete(id);
          w.off('error', reject);
          w.off('exit', onExit);
        });
        w.postMessage({ heads: id, files: files.slice(k * share, (k + 1) * share), maxBytes } satisfies HeadsRequest);
      })));
      const out = new Map<string, string>();
      for (const part of parts) for (const s of part) if (!out.has(s.toLowerCase())) out.set(s.toLowerCase(), s);
      return out;
    } finally {
      for (const d of detach) d();
    }
  }

  /** Analyses `jobs` with `outlets` (lower case → as written: every outlet of the load, `sourcesOf`). */
  run(jobs: Job[], outlets: ReadonlyMap<string, string>, onResult: (o: Outcome) => void, cancelled: () => boolean): Promise<void> {
    return this.dispatch(jobs, outlets, undefined, onResult as (o: Outcome | Checked) => void, cancelled);
  }

  /**
   * Checks `jobs` as `breach-desk check` does (`checkRead`): outcomes `unread`, `not-article`, `checked` or
   * `failed`, in the order they are done, not the jobs' order.
   */
  check(jobs: Job[], outlets: ReadonlyMap<string, string>, setup: CheckSetup, onResult: (o: Checked) => void): Promise<void> {
    return this.dispatch(jobs, outlets, setup, onResult as (o: Outcome | Checked) => void, () => false);
  }

  private async dispatch(jobs: Job[], outlets: ReadonlyMap<string, string>, check: CheckSetup | undefined, onResult: (o: Outcome | Checked) => void, cancelled: () => boolean): Promise<void> {
    // Jobs go out, and outcomes come back, eight to a message: each message costs a
    // worker ~0.1 ms besides its contents, a tenth of an article's analysis (measured:
    // 3% of a 10,000-article first index); sixteen was no better.
    const BATCH = 8;
    // Batches per worker: one being analysed while the main thread takes in the last.
    const IN_FLIGHT = 2;
    if (this.exited) throw new Error('an analyst worker has exited');
    const run = ++this.runs;
    // The workers sent this run's outlets (with its first batch to each).
    const told = new Set<Worker>();
    let next = 0;
    let pending = 0;
    // This run's listeners go when it ends: a pool that runs again must not hand new outcomes to an old caller.
    const detach: (() => void)[] = [this.busy()];
    try {
      await new Promise<void>((resolve, reject) => {
        const feed = (w: Worker) => {
          while (!cancelled() && next < jobs.length && (inFlight.get(w) ?? 0) < IN_FLIGHT) {
            inFlight.set(w, (inFlight.get(w) ?? 0) + 1);
            pending++;
            const batch: Batch = { run, jobs: jobs.slice(next, next + BATCH), ...(check ? { check } : {}) };
            if (!told.has(w)) {
              batch.outlets = [...outlets.values()];
              told.add(w);
            }
            w.postMessage(batch);
            next += BATCH;
          }
          if (pending === 0) resolve();
        };
        const inFlight = new Map<Worker, number>();
        this.handlers.set(run, (w, { outs: os }, packed) => {
          inFlight.set(w, (inFlight.get(w) ?? 1) - 1);
          pending--;
          try {
            let k = 0;
            for (const o of os) onResult(o.kind === 'analysed' ? { ...o, summary: restored(o.summary, packed[k++]) } : o);
          } catch (err) {
            reject(err);
            return;
          }
          feed(w);
        });
        detach.push(() => this.handlers.delete(run));
        for (const w of this.workers) {
          const onExit = (code: number) => reject(new Error(`analyst worker exited (${code})`));
          w.on('error', reject);
          w.on('exit', onExit);
          detach.push(() => {
            w.off('error', reject);
            w.off('exit', onExit);
          });
        }
        for (const w of this.workers) feed(w);
      });
    } finally {
      for (const d of detach) d();
      for (const w of told) {
        try {
          w.postMessage({ ended: run });
        } catch { /* a worker that has gone keeps nothing */ }
      }
    }
  }

  /**
   * Holds the process open while the workers owe answers, and lets it go again (the returned function). Without
   * it a process with nothing else to wait for (the CLI) could end mid-run: a worker that died then never said so,
   * and the CLI exited 0 with no report at all.
   */
  private busy(): () => void {
    if (this.holds++ === 0) for (const w of this.workers) w.ref();
    return () => {
      if (--this.holds === 0) for (const w of this.workers) w.unref();
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => {
      w.removeAllListeners();
      // An error still on its way (a worker that failed as it loaded) must find a listener: one no one hears throws.
      w.on('error', () => undefined);
      return w.terminate();
    }));
  }
}
