/**
 * The performance benchmark of the language server: one run on this machine,
 * one table (and, with `--json out.json`, the same figures and every raw
 * sample as JSON). Nothing is asserted; it measures and prints.
 *
 * For each corpus size (`--sizes`, default `seeds,corpus,10000,50000`):
 *
 * - cold index: the real server process (`node dist/server.js --stdio`,
 *   through the test suite's stdio client) is initialised with the folder as
 *   rootUri and a fresh `initializationOptions.storagePath`; the time is from
 *   the `initialized` notification to `breachDesk/indexed`; the peak RSS is
 *   VmHWM from /proc/<pid>/status just before shutdown. `seeds` is an empty
 *   temporary workspace (the server always reads the seeds), `corpus` is
 *   ../shared/corpus (skipped, saying why, when absent), a number is a
 *   generated corpus (bench/generate.ts) cached under `.bench/`;
 * - warm start: a second start on the same folder with the same storagePath,
 *   restoring the index from the corpus cache the last cold run wrote there
 *   ("n/a (no cache yet)" if it wrote none); the previous server has exited,
 *   so its lock on the storage folder is gone;
 * - the floor: reading every file with fs and splitting it into lines,
 *   in-process; ours / floor is how far the server is from doing nothing;
 * - vscode-markdown-languageservice on the same files (bench/mdls.ts, in a
 *   child process per run): its cold workspace symbols, warm workspace
 *   symbols and references on a link; ours / theirs;
 * - our workspace/symbol and references latency, from the last cold run.
 *
 * In one size (`--latency-size`, default 10000) the last cold run also opens
 * a probe article of about 15 KB and measures its first hovers (20 names and
 * figures, the first as soon as its diagnostics come, then one every 300 ms as
 * VS Code hovers), keystroke → fresh
 * diagnostics (didChange to the publishDiagnostics of that version, over ≥200
 * small incremental edits: typing, deleting, changing a figure) and hover,
 * definition and references at entity names and figures of that article.
 *
 * Once per run, what a second core is worth here (`parallelism`): 1,500
 * generated articles analysed by one analyst thread and by two, fresh and
 * warm.
 *
 * Times are medians over `--runs` runs (default 3 at every size: single
 * runs at 50,000 swing by a fifth); the table says how many. A cold run that does not finish
 * within `--timeout` seconds (default 480) is reported as "> N s (timed out)".
 *
 * Usage: tsx bench/run.ts [--json out.json] [--sizes seeds,corpus,10000,50000]
 *        [--runs N] [--timeout S] [--seed N] [--latency-size N] [--edits N] [--requests N]
 *        [--edit-budget S]
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, LspClient, SERVER } from '../test/helpers/lsp';
import { AnalystPool } from '../server/src/node/analyst';
import { walk } from './files';
import { cachedCorpus, Rng } from './generate';
import type { MdlsOptions, MdlsResult } from './mdls';

export const REPO = path.resolve(__dirname, '..');
export const SEEDS = path.join(REPO, 'seeds');
export const SHARED_CORPUS = path.resolve(__dirname, '../../shared/corpus');
const CACHE = path.join(REPO, '.bench');

// ---------------------------------------------------------------------------
// Options.

export interface Options {
  json?: string;
  sizes: string[];
  runs?: number;
  timeoutS: number;
  seed: number;
  latencySize: string;
  edits: number;
  requests: number;
  /** Seconds the keystroke replay may take before it stops early (so one slow server cannot stall the run). */
  editBudgetS: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { sizes: ['seeds', 'corpus', '10000', '50000'], timeoutS: 480, seed: 1, latencySize: '10000', edits: 240, requests: 240, editBudgetS: 300 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    const int = () => {
      const v = Number(value());
      if (!Number.isInteger(v) || v <= 0) usage(`${a} needs a positive integer`);
      return v;
    };
    if (a === '--json') o.json = path.resolve(value());
    else if (a === '--sizes') o.sizes = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--runs') o.runs = int();
    else if (a === '--timeout') o.timeoutS = int();
    else if (a === '--seed') o.seed = int();
    else if (a === '--latency-size') o.latencySize = value();
    else if (a === '--edits') o.edits = int();
    else if (a === '--requests') o.requests = int();
    else if (a === '--edit-budget') o.editBudgetS = int();
    else usage(`unknown argument ${a}`);
  }
  for (const s of o.sizes) if (s !== 'seeds' && s !== 'corpus' && !(Number.isInteger(Number(s)) && Number(s) > 0)) usage(`unknown size ${s}`);
  return o;
}

function usage(msg: string): never {
  console.error(`${msg}\nusage: tsx bench/run.ts [--json out.json] [--sizes seeds,corpus,10000,50000] [--runs N] [--timeout S] [--seed N] [--latency-size N] [--edits N] [--requests N] [--edit-budget S]`);
  process.exit(2);
}

// ---------------------------------------------------------------------------
// Small helpers.

export function percentile(xs: number[], p: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const median = (xs: number[]) => percentile(xs, 50);

function vmHwmKb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function ms(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (x < 1) return `${x.toFixed(2)} ms`;
  if (x < 100) return `${x.toFixed(1)} ms`;
  if (x < 1000) return `${Math.round(x)} ms`;
  return `${(x / 1000).toFixed(x < 10_000 ? 2 : 1)} s`;
}

function mb(kb: number | null | undefined): string {
  return kb === null || kb === undefined ? '—' : `${Math.round(kb / 1024)} MB`;
}

function ratio(a: number | null | undefined, b: number | null | undefined): string {
  if (!a || !b) return '—';
  const r = a / b;
  return r >= 10 ? `${Math.round(r)}×` : `${r.toFixed(r >= 1 ? 1 : 2)}×`;
}

const thousands = (n: number) => n.toLocaleString('en-US');

function p5095(xs: number[] | undefined): string {
  if (!xs || !xs.length) return '—';
  return `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 95))}`;
}

// ---------------------------------------------------------------------------
// The machine.

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  commit: string;
  server: string;
  date: string;
  /** How much two analyst threads at once get done against one (`parallelism`); null when not measured. */
  parallel?: Parallelism | null;
}

export interface Parallelism {
  articles: number;
  /** Milliseconds for one analyst thread to analyse them, fresh and then again once warm; the same for two threads sharing them (medians). */
  oneFreshMs: number;
  oneWarmMs: number;
  twoFreshMs: number;
  twoWarmMs: number;
  /** oneWarmMs / twoWarmMs: 2 on two cores that share nothing, 1 when the second thread adds nothing. */
  speedup: number;
}

function machine(): Machine {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['-C', REPO, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', REPO, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    if (dirty) commit += ' + uncommitted changes';
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  let server = 'missing';
  try {
    server = `dist/server.js built ${fs.statSync(SERVER).mtime.toISOString().replace(/\.\d+Z$/, 'Z')}`;
  } catch {
    // Reported as missing.
  }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    commit,
    server,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

/**
 * What a second core is worth to the server's first index on this machine:
 * the same generated articles analysed by one analyst thread and by two
 * sharing them, with the server's own worker script; each pool analyses them
 * twice, fresh and then warm (its code compiled and optimised), and the
 * pools alternate, medians of three. Two virtual CPUs may be two threads of
 * one physical core, or share a cache with a neighbour: then two analyses at
 * once get little more done than one. Fresh against warm is what compiling
 * costs every new analyst thread.
 */
async function parallelism(log: (s: string) => void): Promise<Parallelism | null> {
  const script = path.join(REPO, 'dist', 'analyst.js');
  if (!fs.existsSync(script)) return null;
  const sample = walk([cachedCorpus(CACHE, 1500, 1, log).dir]);
  const jobs = sample.map((file, id) => ({ id, file, uri: fileUri(file), maxBytes: 5_000_000 }));
  const once = async (threads: number): Promise<[number, number]> => {
    const pool = new AnalystPool(script, [], threads);
    try {
      const t0 = performance.now();
      await pool.run(jobs, new Map(), () => undefined, () => false);
      const t1 = performance.now();
      await pool.run(jobs, new Map(), () => undefined, () => false);
      return [t1 - t0, performance.now() - t1];
    } finally {
      await pool.close();
    }
  };
  log(`parallelism: ${jobs.length} articles twice on one analyst thread, then on two, ×3`);
  const one: [number, number][] = [];
  const two: [number, number][] = [];
  for (let i = 0; i < 3; i++) {
    one.push(await once(1));
    two.push(await once(2));
  }
  const m = (xs: [number, number][], k: 0 | 1) => median(xs.map((x) => x[k]))!;
  return { articles: jobs.length, oneFreshMs: m(one, 0), oneWarmMs: m(one, 1), twoFreshMs: m(two, 0), twoWarmMs: m(two, 1), speedup: m(one, 1) / m(two, 1) };
}

// ---------------------------------------------------------------------------
// One server session.

export interface Session {
  client: LspClient;
  uriOfFolder: string;
}

/** Starts the server and sends `initialize`; the caller sends `initialized` when its clock is ready. */
async function startServer(folder: string, storagePath: string): Promise<Session> {
  const client = new LspClient(['--stdio']);
  const uriOfFolder = fileUri(folder);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: uriOfFolder,
    workspaceFolders: null,
    // What VS Code announces that matters here: pulled configuration, watched files, progress.
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
    initializationOptions: { storagePath },
  });
  return { client, uriOfFolder };
}

/** Shuts the server down cleanly; kills it (this process's own child, by pid) only if it does not go. */
async function stopServer(client: LspClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const done = client.shutdown().then(() => true, () => false);
  const ok = await Promise.race([done, new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 20_000)))]);
  clearTimeout(timer);
  if (!ok && client.child.exitCode === null) client.child.kill('SIGKILL');
}

/** The last `$/progress` message, to say how far a timed-out index got. */
function lastProgress(client: LspClient): string | undefined {
  for (let i = client.notifications.length - 1; i >= 0; i--) {
    const n = client.notifications[i];
    if (n.method === '$/progress' && typeof n.params?.value?.message === 'string') return n.params.value.message;
  }
  return undefined;
}

export interface IndexRun {
  /** initialized → breachDesk/indexed, in ms, as the client sees it. */
  ms: number | null;
  /** The `ms` the server itself reports in the notification. */
  serverMs: number | null;
  articles: number | null;
  skipped: number | null;
  /** How many analyst threads the server used (0: its own thread, as for a small corpus or a warm start). */
  analysts?: number;
  peakRssKb: number | null;
  timedOut?: { afterMs: number; progress?: string };
  /** The server exited before it finished (for example out of heap). */
  crashed?: { afterMs: number; progress?: string; stderr: string };
  error?: string;
}

/** Samples VmHWM every 250 ms, so a server that dies still leaves its peak behind. */
function rssSampler(pid: number | undefined): { stop: () => number | null } {
  let peak: number | null = null;
  const read = () => {
    const v = vmHwmKb(pid);
    if (v !== null) peak = Math.max(peak ?? 0, v);
  };
  const timer = setInterval(read, 250);
  return { stop: () => (clearInterval(timer), read(), peak) };
}

/** Why the server's output ends: the last lines of its stderr, shortened. */
function stderrTail(client: LspClient): string {
  const lines = client.stderr.join('').trim().split('\n').filter((l) => l.trim());
  const fatal = lines.find((l) => /FATAL ERROR|heap out of memory|Error:/.test(l));
  return (fatal ?? lines[lines.length - 1] ?? '').trim().slice(0, 200);
}

/**
 * One start of the server on `folder`: times the index, then runs `work` (the
 * interactive measurements, if any) while the server is up, reads the peak
 * RSS and shuts down.
 */
async function indexRun(folder: string, storagePath: string, timeoutMs: number, work?: (s: Session) => Promise<void>): Promise<IndexRun> {
  let session: Session | undefined;
  try {
    session = await startServer(folder, storagePath);
    const { client } = session;
    const rss = rssSampler(client.child.pid);
    const exited = new Promise<'exited'>((resolve) => client.child.once('exit', () => resolve('exited')));
    const t0 = performance.now();
    await client.notify('initialized', {});
    let params: { articles: number; skipped: number; ms: number; analysts?: number };
    const outcome = await Promise.race([client.notification('breachDesk/indexed', timeoutMs).catch(() => 'timeout' as const), exited]);
    if (outcome === 'exited' || client.child.exitCode !== null) {
      return { ms: null, serverMs: null, articles: null, skipped: null, peakRssKb: rss.stop(), crashed: { afterMs: performance.now() - t0, progress: lastProgress(client), stderr: stderrTail(client) } };
    }
    if (outcome === 'timeout') {
      return { ms: null, serverMs: null, articles: null, skipped: null, peakRssKb: rss.stop(), timedOut: { afterMs: performance.now() - t0, progress: lastProgress(client) } };
    }
    params = outcome;
    const run: IndexRun = { ms: performance.now() - t0, serverMs: params.ms, articles: params.articles, skipped: params.skipped, analysts: params.analysts, peakRssKb: null };
    if (work) await work(session);
    // VmHWM read just before shutdown (the sampler only matters when the server dies first).
    run.peakRssKb = vmHwmKb(client.child.pid) ?? rss.stop();
    rss.stop();
    return run;
  } catch (err) {
    return { ms: null, serverMs: null, articles: null, skipped: null, peakRssKb: null, error: `${String(err).split('\n')[0]}${session ? ` (stderr: ${session.client.stderr.join('').slice(-300)})` : ''}` };
  } finally {
    if (session) await stopServer(session.client);
  }
}

// ---------------------------------------------------------------------------
// Positions and edits in the probe article.

interface Pos {
  line: number;
  character: number;
}

function bodyRange(text: string): { start: number; end: number } {
  const a = /^##[ \t]*Article:?[ \t]*$/im.exec(text);
  const start = a ? a.index + a[0].length : 0;
  const t = /^(?:####?[ \t]*Tags:?|##[ \t]*Tags:?)[ \t]*$/im.exec(text.slice(start));
  return { start, end: t ? start + t.index : text.length };
}

/** The text with every URL blanked out (same length), so names and numbers inside addresses are not picked. */
function maskUrls(text: string): string {
  return text.replace(/\]\([^)\s]*\)|<https?:[^>\s]*>|https?:\/\/\S+/g, (m) => ' '.repeat(m.length));
}

/** Positions on capitalised names and on figures in the body, alternating, deterministic. */
export function targetPositions(doc: TextDocument): { names: Pos[]; figures: Pos[]; mixed: Pos[] } {
  const text = doc.getText();
  const { start, end } = bodyRange(text);
  const masked = maskUrls(text);
  const names: Pos[] = [];
  const figures: Pos[] = [];
  const nameRe = /\b[A-Z][a-z]+(?:[ -][A-Z][A-Za-z]+)*|\b[A-Z]{2,}\b/g;
  const figRe = /[$~]?\b\d[\d,.]*\d?(?:\s?(?:million|billion|GB|TB|m)\b)?/g;
  for (const [re, out] of [[nameRe, names], [figRe, figures]] as const) {
    re.lastIndex = start;
    for (let m = re.exec(masked); m && m.index < end; m = re.exec(masked)) {
      // Skip words that only start a sentence ("The", "In"): a name is two words or one not after a full stop.
      const before = masked.slice(Math.max(0, m.index - 2), m.index);
      if (out === names && !m[0].includes(' ') && !m[0].includes('-') && /[.!?"“]\s?$|^\s*$/.test(before) && !/^[A-Z]{2,}$/.test(m[0])) continue;
      out.push(doc.positionAt(m.index + Math.min(1, m[0].length - 1)));
    }
  }
  const mixed: Pos[] = [];
  for (let i = 0; i < Math.max(names.length, figures.length); i++) {
    if (i < names.length) mixed.push(names[i]);
    if (i < figures.length) mixed.push(figures[i]);
  }
  return { names, figures, mixed };
}

interface Change {
  range: { start: Pos; end: Pos };
  text: string;
}

const TYPED = ' Meanwhile, the company said about 12 million customers were notified by email on Aug. 20, and Sievert apologised again.';

/**
 * The next realistic small edit of the probe article: mostly typing a
 * sentence at the end of a paragraph one character at a time, sometimes a
 * backspace, sometimes one digit of a figure changed.
 */
class Typist {
  private cursor: number;
  private typed = 0;
  private k = 0;
  private readonly rng: Rng;

  constructor(doc: TextDocument, seed: number) {
    this.rng = new Rng(seed);
    const text = doc.getText();
    const { start, end } = bodyRange(text);
    // The end of a paragraph about 40% into the body.
    const para = text.indexOf('\n\n', start + Math.floor((end - start) * 0.4));
    let c = para > 0 && para < end ? para : end;
    while (c > start && /\s/.test(text[c - 1])) c--;
    this.cursor = c;
  }

  next(doc: TextDocument): { change: Change; kind: 'type' | 'delete' | 'figure' } {
    const kind = this.rng.weighted([['type', 6], ['delete', 2], ['figure', 2]] as const);
    if (kind === 'delete' && this.typed > 0) {
      this.typed--;
      this.cursor--;
      return { kind, change: { range: { start: doc.positionAt(this.cursor), end: doc.positionAt(this.cursor + 1) }, text: '' } };
    }
    if (kind === 'figure') {
      const text = doc.getText();
      const { start, end } = bodyRange(text);
      const masked = maskUrls(text);
      const spots: number[] = [];
      const re = /\d/g;
      re.lastIndex = start;
      for (let m = re.exec(masked); m && m.index < end; m = re.exec(masked)) if (m.index < this.cursor - this.typed || m.index >= this.cursor) spots.push(m.index);
      if (spots.length) {
        const at = this.rng.pick(spots);
        const d = Number(text[at]);
        let nd = (d + 1 + this.rng.int(0, 7)) % 10;
        if (nd === 0 && !/\d/.test(text[at - 1] ?? '')) nd = 1;
        return { kind, change: { range: { start: doc.positionAt(at), end: doc.positionAt(at + 1) }, text: String(nd) } };
      }
    }
    const ch = TYPED[this.k++ % TYPED.length];
    const change = { range: { start: doc.positionAt(this.cursor), end: doc.positionAt(this.cursor) }, text: ch };
    this.cursor++;
    this.typed++;
    return { kind: 'type', change };
  }
}

// ---------------------------------------------------------------------------
// Interactive measurements in a running server.

export interface Interactive {
  probe: string;
  probeBytes: number;
  openToDiagnosticsMs: number | null;
  /** The first hovers right after the probe opens (and its diagnostics come), back to back, before any edit. */
  firstHoverMs: number[];
  keystrokeMs: number[];
  editKinds: Record<string, number>;
  hoverMs: number[];
  hoverHits: number;
  /** Hover right after a keystroke's diagnostics, at the same positions. */
  hoverAfterKeystrokeMs: number[];
  /** Semantic tokens right after a keystroke's diagnostics, as the changes to the last list (`full/delta`, as VS Code asks). */
  tokensAfterKeystrokeMs: number[];
  /** How many of those answers were edits of the last list rather than a whole list. */
  tokenEditAnswers: number;
  definitionMs: number[];
  definitionHits: number;
  referencesMs: number[];
  referencesHits: number;
  positions: { names: number; figures: number };
  stoppedEarly?: string;
  error?: string;
}

export interface Queries {
  workspaceSymbolMs: number[];
  workspaceSymbolCount: number;
  referencesMs: number[];
  referencesHits: number;
}

/** workspace/symbol with '' and references on names of the probe article (indexed, not opened). */
async function queries(s: Session, probe: string, n: number): Promise<Queries> {
  const { client } = s;
  const out: Queries = { workspaceSymbolMs: [], workspaceSymbolCount: 0, referencesMs: [], referencesHits: 0 };
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await client.request<unknown[] | null>('workspace/symbol', { query: '' });
    out.workspaceSymbolMs.push(performance.now() - t);
    out.workspaceSymbolCount = r?.length ?? 0;
  }
  const doc = TextDocument.create(fileUri(probe), 'breach-article', 1, fs.readFileSync(probe, 'utf8'));
  const { names } = targetPositions(doc);
  for (let i = 0; i < n && names.length; i++) {
    const t = performance.now();
    const r = await client.request<unknown[] | null>('textDocument/references', { textDocument: { uri: doc.uri }, position: names[i % names.length], context: { includeDeclaration: true } });
    out.referencesMs.push(performance.now() - t);
    if (r && r.length) out.referencesHits++;
  }
  return out;
}

/** How many positions are hovered right after the probe opens, and how long apart (VS Code's default hover delay). */
const FIRST_HOVERS = 20;
const HOVER_DELAY_MS = 300;

export async function interactive(s: Session, probe: string, opts: Options): Promise<Interactive> {
  const { client } = s;
  const text = fs.readFileSync(probe, 'utf8');
  const uri = fileUri(probe);
  const result: Interactive = {
    probe, probeBytes: Buffer.byteLength(text), openToDiagnosticsMs: null, firstHoverMs: [], keystrokeMs: [], editKinds: {},
    hoverMs: [], hoverHits: 0, hoverAfterKeystrokeMs: [], tokensAfterKeystrokeMs: [], tokenEditAnswers: 0, definitionMs: [], definitionHits: 0, referencesMs: [], referencesHits: 0, positions: { names: 0, figures: 0 },
  };
  try {
    let doc = TextDocument.create(uri, 'breach-article', 1, text);
    let t = performance.now();
    await client.open(uri, text, 'breach-article', 1);
    await client.diagnostics(uri, (p) => p.version === 1, 60_000);
    result.openToDiagnosticsMs = performance.now() - t;
    // A writer who opens an article and points at its names and figures at once, while the server still loads ahead
    // what their cards read (and, after a first index, writes its cache): the first hover as soon as the diagnostics
    // come, the next ones as often as VS Code hovers (300 ms after the pointer rests: `editor.hover.delay`).
    const firstPositions = targetPositions(doc).mixed.slice(0, FIRST_HOVERS);
    for (const position of firstPositions) {
      if (result.firstHoverMs.length) await new Promise((resolve) => setTimeout(resolve, HOVER_DELAY_MS));
      const t0 = performance.now();
      await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position });
      result.firstHoverMs.push(performance.now() - t0);
    }

    const typist = new Typist(doc, opts.seed);
    const budgetEnd = performance.now() + opts.editBudgetS * 1000;
    for (let i = 0; i < opts.edits; i++) {
      if (performance.now() > budgetEnd) {
        result.stoppedEarly = `stopped after ${i} edits: the ${opts.editBudgetS} s budget was spent`;
        break;
      }
      const version = doc.version + 1;
      const { change, kind } = typist.next(doc);
      doc = TextDocument.update(doc, [change], version);
      result.editKinds[kind] = (result.editKinds[kind] ?? 0) + 1;
      t = performance.now();
      await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await client.diagnostics(uri, (p) => p.version === version, 60_000);
      result.keystrokeMs.push(performance.now() - t);
    }

    const { names, figures, mixed } = targetPositions(doc);
    result.positions = { names: names.length, figures: figures.length };
    if (!mixed.length) throw new Error('no names or figures found in the probe article');
    const ask = async (method: string, extra: Record<string, unknown>, into: number[]) => {
      let hits = 0;
      for (let i = 0; i < opts.requests; i++) {
        const position = mixed[i % mixed.length];
        const t0 = performance.now();
        const r = await client.request<unknown>(method, { textDocument: { uri }, position, ...extra });
        into.push(performance.now() - t0);
        if (r && (!Array.isArray(r) || r.length)) hits++;
      }
      return hits;
    };
    result.hoverHits = await ask('textDocument/hover', {}, result.hoverMs);
    result.definitionHits = await ask('textDocument/definition', {}, result.definitionMs);
    result.referencesHits = await ask('textDocument/references', { context: { includeDeclaration: true } }, result.referencesMs);
    /** One more edit of the probe, and its diagnostics. */
    const keystroke = async () => {
      const version = doc.version + 1;
      const { change } = typist.next(doc);
      doc = TextDocument.update(doc, [change], version);
      await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await client.diagnostics(uri, (p) => p.version === version, 60_000);
    };
    // A writer types, then points: each hover right after a keystroke and its diagnostics, at the positions visited
    // above, so what it measures is what a keystroke leaves to work out again.
    for (let i = 0; i < opts.requests; i++) {
      await keystroke();
      // The positions again: typing moves the words after the cursor.
      const now = targetPositions(doc).mixed;
      const position = now[i % now.length];
      const t0 = performance.now();
      await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position });
      result.hoverAfterKeystrokeMs.push(performance.now() - t0);
    }
    // The editor asks for the tokens again after each change, with the id of the list it has.
    let tokens = await client.request<{ resultId?: string }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    for (let i = 0; i < opts.requests; i++) {
      await keystroke();
      const t0 = performance.now();
      tokens = await client.request<{ resultId?: string; edits?: unknown[] }>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: tokens?.resultId ?? '' });
      result.tokensAfterKeystrokeMs.push(performance.now() - t0);
      if (Array.isArray((tokens as { edits?: unknown[] } | null)?.edits)) result.tokenEditAnswers++;
    }
  } catch (err) {
    result.error = String(err).split('\n')[0];
  }
  return result;
}

// ---------------------------------------------------------------------------
// The floor and the markdown language service.

export interface Floor {
  ms: number[];
  files: number;
  bytes: number;
  lines: number;
}

/** Reading every file and splitting it into lines: what any indexer must at least do. */
function floor(roots: string[], runs: number): Floor {
  const files = walk(roots);
  const out: Floor = { ms: [], files: files.length, bytes: 0, lines: 0 };
  for (let r = 0; r < runs; r++) {
    let bytes = 0;
    let lines = 0;
    const t = performance.now();
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      bytes += text.length;
      lines += text.split(/\r?\n/).length;
    }
    out.ms.push(performance.now() - t);
    out.bytes = bytes;
    out.lines = lines;
  }
  return out;
}

interface MdlsRuns {
  runs: MdlsResult[];
  error?: string;
  timedOutAfterMs?: number;
  failedAfterMs?: number;
}

function mdlsOnce(opts: MdlsOptions, timeoutMs: number): Promise<MdlsResult | { error: string; timedOut?: number; afterMs?: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), path.join(__dirname, 'mdls.ts'), JSON.stringify(opts)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ error: 'timed out', timedOut: performance.now() - t0 });
      try {
        if (code !== 0) {
          const lines = err.trim().split('\n');
          throw new Error(`exit ${code}: ${(lines.find((l) => /FATAL ERROR|heap out of memory/.test(l)) ?? lines.slice(-2).join(' ')).trim()}`);
        }
        resolve(JSON.parse(out.trim().split('\n').pop()!) as MdlsResult);
      } catch (e) {
        resolve({ error: String(e).split('\n')[0], afterMs: performance.now() - t0 });
      }
    });
  });
}

async function mdls(roots: string[], probe: string, runs: number, timeoutMs: number): Promise<MdlsRuns> {
  const out: MdlsRuns = { runs: [] };
  for (let r = 0; r < runs; r++) {
    const res = await mdlsOnce({ roots, probe, warmCalls: 20 }, timeoutMs);
    if ('error' in res) {
      out.error = res.error;
      if (res.timedOut) out.timedOutAfterMs = res.timedOut;
      else out.failedAfterMs = res.afterMs;
      break;
    }
    out.runs.push(res);
  }
  return out;
}

// ---------------------------------------------------------------------------
// One size.

export interface SizeResult {
  size: string;
  label: string;
  folder?: string;
  skipped?: string;
  generated?: { reused: boolean; ms: number; old: number; new: number; stories: number };
  runs: number;
  files: number;
  bytes: number;
  probe?: string;
  cold: IndexRun[];
  warm: IndexRun[] | 'n/a (no cache yet)';
  floor?: Floor;
  mdls?: MdlsRuns;
  queries?: Queries;
  interactive?: Interactive;
}

/** The probe article: the file closest to 15 KB (in the folder, else among the seeds) with a link and a heading. */
export function pickProbe(files: string[]): string {
  let best = files[0];
  let bestScore = Infinity;
  for (const f of files) {
    const size = fs.statSync(f).size;
    const score = Math.abs(size - 15_000);
    if (score >= bestScore) continue;
    const text = fs.readFileSync(f, 'utf8');
    if (!/\]\(https?:/.test(text) || !/\n-{3,}\s*\n/.test(text) || /^# Unknown/m.test(text)) continue;
    best = f;
    bestScore = score;
  }
  return best;
}

async function measureSize(size: string, opts: Options, log: (s: string) => void): Promise<SizeResult> {
  const label = size === 'seeds' ? 'seeds' : size === 'corpus' ? 'real corpus' : `${thousands(Number(size))} generated`;
  const base: SizeResult = { size, label, runs: 0, files: 0, bytes: 0, cold: [], warm: 'n/a (no cache yet)' };
  let folder: string;
  if (size === 'seeds') {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-empty-'));
  } else if (size === 'corpus') {
    if (!fs.existsSync(SHARED_CORPUS)) {
      const reason = `no corpus at ${SHARED_CORPUS}`;
      log(`corpus: skipped (${reason})`);
      return { ...base, skipped: reason };
    }
    folder = SHARED_CORPUS;
  } else {
    const g = cachedCorpus(CACHE, Number(size), opts.seed, log);
    folder = g.dir;
    base.generated = { reused: g.reused, ms: g.ms, old: g.old, new: g.new, stories: g.stories };
  }
  base.folder = folder;
  const roots = size === 'seeds' ? [SEEDS] : [folder, SEEDS];
  const files = walk(roots);
  base.files = files.length;
  base.runs = opts.runs ?? 3;
  const inFolder = size === 'seeds' ? files : files.filter((f) => !f.startsWith(SEEDS + path.sep));
  const probe = pickProbe(inFolder.length ? inFolder : files);
  base.probe = probe;
  const timeoutMs = opts.timeoutS * 1000;

  log(`${label}: floor (read + split) ×${base.runs}`);
  base.floor = floor(roots, base.runs);
  base.bytes = base.floor.bytes;

  log(`${label}: vscode-markdown-languageservice ×${base.runs}`);
  base.mdls = await mdls(roots, probe, base.runs, timeoutMs);

  // Each cold run gets a fresh, empty storage folder; the last one is kept for the warm start.
  let storagePath = '';
  for (let r = 0; r < base.runs; r++) {
    storagePath = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-bench-storage-'));
    const last = r === base.runs - 1;
    log(`${label}: cold index run ${r + 1}/${base.runs}${last && size === opts.latencySize ? ' (+ keystrokes, hover, definition, references)' : ''}`);
    const run = await indexRun(folder, storagePath, timeoutMs, last ? async (s) => {
      base.queries = await queries(s, probe, 20);
      if (size === opts.latencySize) base.interactive = await interactive(s, probe, opts);
    } : undefined);
    base.cold.push(run);
    if (run.timedOut) log(`${label}: timed out after ${ms(run.timedOut.afterMs)}${run.timedOut.progress ? ` (${run.timedOut.progress})` : ''}`);
    if (run.crashed) log(`${label}: the server exited after ${ms(run.crashed.afterMs)}${run.crashed.progress ? ` (${run.crashed.progress})` : ''}: ${run.crashed.stderr}`);
    if (run.error) log(`${label}: ${run.error}`);
    if (run.timedOut || run.crashed || run.error) break;
    if (!last) fs.rmSync(storagePath, { recursive: true, force: true });
  }

  // Warm start: only meaningful once the server leaves something in its storage folder.
  const cached = storagePath && fs.existsSync(storagePath) && fs.readdirSync(storagePath).length > 0;
  if (cached && !base.cold.some((r) => r.timedOut || r.crashed || r.error)) {
    base.warm = [];
    for (let r = 0; r < base.runs; r++) {
      log(`${label}: warm start run ${r + 1}/${base.runs}`);
      base.warm.push(await indexRun(folder, storagePath, timeoutMs));
    }
  }
  if (storagePath) fs.rmSync(storagePath, { recursive: true, force: true });
  if (size === 'seeds') fs.rmSync(folder, { recursive: true, force: true });
  return base;
}

// ---------------------------------------------------------------------------
// The table.

function coldCell(r: SizeResult, runs: IndexRun[], pick: (x: IndexRun) => number | null, fmt: (x: number | null) => string): string {
  if (r.skipped) return 'skipped';
  const t = runs.find((x) => x.timedOut);
  if (t) return `> ${Math.round(t.timedOut!.afterMs / 1000)} s (timed out${t.timedOut!.progress ? `, ${t.timedOut!.progress}` : ''})`;
  const c = runs.find((x) => x.crashed);
  if (c) return `crashed after ${Math.round(c.crashed!.afterMs / 1000)} s${c.crashed!.progress ? ` (${c.crashed!.progress})` : ''}`;
  const e = runs.find((x) => x.error);
  if (e) return `error: ${e.error!.slice(0, 40)}`;
  const xs = runs.map(pick).filter((x): x is number => x !== null);
  return xs.length ? fmt(median(xs)) : '—';
}

const coldMedian = (r: SizeResult) => {
  const xs = r.cold.filter((x) => x.ms !== null).map((x) => x.ms!);
  return xs.length === r.cold.length && xs.length ? median(xs) : null;
};

export function table(results: SizeResult[], m: Machine, opts: Options): string {
  const cols = results.map((r) => r.label);
  const rows: [string, (r: SizeResult) => string][] = [
    ['files (incl. 3 seeds) / MB', (r) => (r.skipped ? 'skipped' : `${thousands(r.files)} / ${(r.bytes / 1e6).toFixed(1)}`)],
    ['runs (median of)', (r) => (r.skipped ? '—' : String(r.cold.length))],
    ['cold index: initialized → indexed', (r) => coldCell(r, r.cold, (x) => x.ms, ms)],
    ['  server-reported ms', (r) => coldCell(r, r.cold, (x) => x.serverMs, ms)],
    ['  per article', (r) => coldCell(r, r.cold, (x) => (x.ms !== null && x.articles ? x.ms / x.articles : null), ms)],
    ['  articles indexed / skipped', (r) => (r.cold.find((x) => x.articles !== null) ? `${thousands(r.cold.find((x) => x.articles !== null)!.articles!)} / ${r.cold.find((x) => x.articles !== null)!.skipped}` : '—')],
    ['  analyst threads', (r) => String(r.cold.find((x) => x.articles !== null)?.analysts ?? '—')],
    ['peak RSS (VmHWM)', (r) => (r.skipped ? '—' : mb(median(r.cold.map((x) => x.peakRssKb).filter((x): x is number => x !== null))))],
    ['warm start (same storagePath)', (r) => (r.skipped ? '—' : r.warm === 'n/a (no cache yet)' ? r.warm : coldCell(r, r.warm, (x) => x.ms, ms))],
    ['floor: fs read + split lines', (r) => (r.floor ? ms(median(r.floor.ms)) : '—')],
    ['  ours / floor', (r) => ratio(coldMedian(r), r.floor ? median(r.floor.ms) : null)],
    ['md-LS: cold workspace symbols', (r) => mdlsCell(r, (x) => x.coldSymbolsMs)],
    ['  md-LS peak RSS', (r) => (r.mdls?.runs.length ? mb(median(r.mdls.runs.map((x) => x.peakRssKb ?? 0))) : '—')],
    ['  ours cold / md-LS cold', (r) => ratio(coldMedian(r), r.mdls?.runs.length ? median(r.mdls.runs.map((x) => x.coldSymbolsMs)) : null)],
    // What the issue compares: the time until each answers both workspace symbols and references. md-LS builds its
    // link cache only on the first references call; our cold index is all either needs.
    ['  ours cold / md-LS symbols + first refs', (r) => ratio(coldMedian(r), mdlsReadyMs(r))],
    ['workspace symbols p50/p95: ours', (r) => p5095(r.queries?.workspaceSymbolMs)],
    ['  md-LS (warm)', (r) => (r.mdls?.runs.length ? p5095(r.mdls.runs.flatMap((x) => x.warmSymbolsMs)) : '—')],
    ['references p50/p95: ours (names)', (r) => p5095(r.queries?.referencesMs)],
    ['  md-LS (link): first call', (r) => mdlsCell(r, (x) => x.refsLinkFirstMs)],
    ['  md-LS (link): warm', (r) => (r.mdls?.runs.length ? p5095(r.mdls.runs.flatMap((x) => x.refsLinkWarmMs)) : '—')],
    ['  ours / md-LS warm (p50)', (r) => ratio(r.queries ? median(r.queries.referencesMs) : null, r.mdls?.runs.length ? median(r.mdls.runs.flatMap((x) => x.refsLinkWarmMs)) : null)],
    ['open probe → first diagnostics', (r) => (r.interactive ? ms(r.interactive.openToDiagnosticsMs) : '—')],
    [`first ${FIRST_HOVERS} hovers after opening p50/p95`, (r) => (r.interactive ? p5095(r.interactive.firstHoverMs) : '—')],
    ['keystroke → diagnostics p50/p95', (r) => (r.interactive ? p5095(r.interactive.keystrokeMs) : '—')],
    ['hover p50/p95', (r) => (r.interactive ? p5095(r.interactive.hoverMs) : '—')],
    ['hover right after a keystroke p50/p95', (r) => (r.interactive ? p5095(r.interactive.hoverAfterKeystrokeMs) : '—')],
    ['semantic tokens after a keystroke p50/p95', (r) => (r.interactive ? p5095(r.interactive.tokensAfterKeystrokeMs) : '—')],
    ['definition p50/p95', (r) => (r.interactive ? p5095(r.interactive.definitionMs) : '—')],
    ['references p50/p95 (open doc)', (r) => (r.interactive ? p5095(r.interactive.referencesMs) : '—')],
  ];
  const cells = rows.map(([name, f]) => [name, ...results.map(f)]);
  const header = ['', ...cols];
  const widths = header.map((_, i) => Math.max(...[header, ...cells].map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const sep = `|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`;
  const notes: string[] = [];
  for (const r of results) {
    if (r.skipped) notes.push(`${r.label}: skipped (${r.skipped}).`);
    if (r.generated) notes.push(`${r.label}: ${r.generated.old} old layout + ${r.generated.new} new, ${r.generated.stories} stories, ${r.generated.reused ? 'reused from' : 'generated into'} ${path.relative(REPO, r.folder!)}.`);
    for (const c of r.cold.filter((x) => x.crashed)) notes.push(`${r.label}: our server exited before indexing finished: ${c.crashed!.stderr}`);
    if (r.mdls?.error) notes.push(`${r.label}: md-LS ${r.mdls.error}${r.mdls.timedOutAfterMs ? ` after ${ms(r.mdls.timedOutAfterMs)}` : ''}.`);
    if (r.interactive) {
      const i = r.interactive;
      notes.push(`${r.label}: probe ${path.relative(r.folder ?? REPO, i.probe)} (${thousands(i.probeBytes)} bytes); ${i.keystrokeMs.length} edits (${Object.entries(i.editKinds).map(([k, v]) => `${v} ${k}`).join(', ')}); ${opts.requests} requests each at ${i.positions.names} name and ${i.positions.figures} figure positions, non-empty answers: hover ${i.hoverHits}, definition ${i.definitionHits}, references ${i.referencesHits}; semantic tokens after a keystroke: ${i.tokenEditAnswers} of ${i.tokensAfterKeystrokeMs.length} answers were edits of the last list.${i.stoppedEarly ? ` Keystrokes ${i.stoppedEarly}.` : ''}${i.error ? ` Error: ${i.error}` : ''}`);
    }
    if (r.queries && r.mdls?.runs.length) notes.push(`${r.label}: workspace symbols returned ${r.queries.workspaceSymbolCount} (ours, capped at 500) vs ${r.mdls.runs[0].symbols} (md-LS, every heading); references hits ${r.queries.referencesHits}/${r.queries.referencesMs.length} (ours) vs ${r.mdls.runs[0].refsLinkCount} locations (md-LS, one link).`);
  }
  return [
    `Breach Desk benchmark, ${m.date}`,
    `machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}, node ${m.node}`,
    ...(m.parallel
      ? [`parallelism: ${thousands(m.parallel.articles)} generated articles took one warm analyst thread ${ms(m.parallel.oneWarmMs)} and two ${ms(m.parallel.twoWarmMs)}, so a second core is worth ${m.parallel.speedup.toFixed(2)}× here (2× if the cores shared nothing); fresh threads took ${ms(m.parallel.oneFreshMs)} and ${ms(m.parallel.twoFreshMs)} (compiling).`]
      : []),
    `code: ${m.commit}; ${m.server}${process.env.BD_NODE_ARGS ? `; server node flags: ${process.env.BD_NODE_ARGS}` : ''}`,
    `times are medians of the runs shown (files in the page cache); latencies are client round trips over stdio; md-LS = vscode-markdown-languageservice 0.4 + markdown-it, in-process in a child.`,
    '',
    line(header),
    sep,
    ...cells.map(line),
    '',
    ...notes.map((n) => `- ${n}`),
  ].join('\n');
}

/** md-LS's median time to answer both workspace symbols and references cold: its first symbols call, then its first references call. */
function mdlsReadyMs(r: SizeResult): number | null {
  const xs = (r.mdls?.runs ?? []).filter((x) => x.refsLinkFirstMs !== null).map((x) => x.coldSymbolsMs + x.refsLinkFirstMs!);
  return xs.length ? median(xs) : null;
}

function mdlsCell(r: SizeResult, pick: (x: MdlsResult) => number | null): string {
  if (r.skipped) return 'skipped';
  if (r.mdls?.timedOutAfterMs && !r.mdls.runs.length) return `> ${Math.round(r.mdls.timedOutAfterMs / 1000)} s (timed out)`;
  if (!r.mdls?.runs.length) return r.mdls?.error ? `failed after ${Math.round((r.mdls.failedAfterMs ?? 0) / 1000)} s` : '—';
  const xs = r.mdls.runs.map(pick).filter((x): x is number => x !== null);
  return xs.length ? ms(median(xs)) : '—';
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(SERVER)) {
    console.error(`no ${path.relative(REPO, SERVER)}: run \`node esbuild.mjs\` first`);
    process.exit(2);
  }
  const m = machine();
  const t0 = performance.now();
  const log = (s: string) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
  const results: SizeResult[] = [];
  for (const size of opts.sizes) results.push(await measureSize(size, opts, log));
  m.parallel = await parallelism(log);
  log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  console.log(table(results, m, opts));
  if (opts.json) {
    const summary = results.map((r) => ({
      size: r.size,
      coldMs: coldMedian(r),
      peakRssMb: median(r.cold.map((x) => x.peakRssKb).filter((x): x is number => x !== null)),
      floorMs: r.floor ? median(r.floor.ms) : null,
      mdlsColdSymbolsMs: r.mdls?.runs.length ? median(r.mdls.runs.map((x) => x.coldSymbolsMs)) : null,
      mdlsReadyMs: mdlsReadyMs(r),
      keystrokeP50: r.interactive ? percentile(r.interactive.keystrokeMs, 50) : null,
      keystrokeP95: r.interactive ? percentile(r.interactive.keystrokeMs, 95) : null,
    }));
    for (const s of summary) if (s.peakRssMb !== null) s.peakRssMb = Math.round(s.peakRssMb / 1024);
    fs.writeFileSync(opts.json, `${JSON.stringify({ machine: m, options: opts, totalMs: performance.now() - t0, summary, results }, null, 2)}\n`);
    log(`wrote ${opts.json}`);
  }
}

if (require.main === module) {
  // Exit explicitly: a server that died leaves the client's wait timers behind.
  main().then(() => process.exit(0), (err) => {
    console.error(err);
    process.exit(1);
  });
}
