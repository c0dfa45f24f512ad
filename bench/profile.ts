/**
 * Where the server spends its time: starts `dist/server.js` under
 * `node --cpu-prof` (through the test client's BD_NODE_ARGS), lets it index a
 * folder (the real corpus by default), optionally replays the benchmark's
 * keystrokes in a probe article, shuts it down cleanly so Node writes the
 * `.cpuprofile`, and summarises it: the top functions by self time, mapped
 * back through `dist/server.js.map` to `server/src/…:line`, and self time per
 * source file. Only samples taken between `initialized` and
 * `breachDesk/indexed` count for the index phase (the profile's timestamps
 * and `process.hrtime` read the same monotonic clock), and only those during
 * the edits for the keystroke phase.
 *
 * Usage:
 *   tsx bench/profile.ts [folder] [--out /tmp/prof] [--storage dir] [--top 15] [--keystrokes]
 *   (--storage: the storagePath of an earlier run, to profile a warm start)
 *   tsx bench/profile.ts --summarise file.cpuprofile [--top 15]
 */
import * as fs from 'fs';
import * as path from 'path';
import { SourceMap } from 'module';
import { fileURLToPath } from 'url';
import { fileUri, LspClient, SERVER } from '../test/helpers/lsp';
import { interactive, pickProbe, SHARED_CORPUS, type Options } from './run';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionCost {
  name: string;
  /** Source location of the function, `file:line` (1-based), mapped through the source map when there is one. */
  where: string;
  selfMs: number;
  share: number;
}

export interface Summary {
  /** Milliseconds of samples in the window, idle excluded. */
  busyMs: number;
  idleMs: number;
  functions: FunctionCost[];
  files: { file: string; selfMs: number; share: number }[];
}

const maps = new Map<string, SourceMap | null>();

/** The source map of a bundled file, read once (`<file>.map` next to it). */
function sourceMapOf(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url)!;
  let map: SourceMap | null = null;
  try {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

const REPO = path.resolve(__dirname, '..');

/** `server/src/core/extract/entities.ts:123` for a frame of the bundle; the frame's own place otherwise. */
function locate(frame: CallFrame): string {
  if (!frame.url) return '';
  const map = sourceMapOf(frame.url);
  if (map) {
    const e = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number };
    if (e && e.originalSource) {
      let src = e.originalSource;
      if (src.startsWith('file:')) src = fileURLToPath(src);
      else if (!path.isAbsolute(src)) src = path.resolve(path.dirname(fileURLToPath(frame.url)), src);
      return `${path.relative(REPO, src)}:${(e.originalLine ?? 0) + 1}`;
    }
  }
  const file = frame.url.startsWith('file:') ? path.relative(REPO, fileURLToPath(frame.url)) : frame.url;
  return `${file}:${frame.lineNumber + 1}`;
}

/**
 * Self time per function (and per file) of the samples whose timestamps (µs,
 * the profile's monotonic clock) fall in [from, to]; the whole profile
 * without bounds.
 */
export function summarise(profile: CpuProfile, top = 15, from = -Infinity, to = Infinity): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let t = profile.startTime;
  const n = profile.samples.length;
  for (let i = 0; i < n; i++) {
    t += profile.timeDeltas[i];
    if (t < from || t > to) continue;
    // A sample stands for the time until the next one.
    const dur = i + 1 < n ? profile.timeDeltas[i + 1] : 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + Math.max(0, dur));
  }
  const fns = new Map<string, { name: string; where: string; us: number }>();
  const files = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const f = node.callFrame;
    if (f.functionName === '(idle)') {
      idle += us;
      continue;
    }
    busy += us;
    const where = locate(f);
    // Regular expressions show up under their source, which can be hundreds of characters.
    const full = f.functionName || '(anonymous)';
    const name = full.length > 60 ? `${full.slice(0, 57)}…` : full;
    const key = `${name}@${where}`;
    const e = fns.get(key) ?? { name, where, us: 0 };
    e.us += us;
    fns.set(key, e);
    const file = where ? where.replace(/:\d+$/, '') : name;
    files.set(file, (files.get(file) ?? 0) + us);
  }
  const share = (us: number) => (busy ? us / busy : 0);
  return {
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    functions: [...fns.values()].sort((a, b) => b.us - a.us).slice(0, top).map((e) => ({ name: e.name, where: e.where, selfMs: e.us / 1000, share: share(e.us) })),
    files: [...files.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([file, us]) => ({ file, selfMs: us / 1000, share: share(us) })),
  };
}

export function formatSummary(title: string, s: Summary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  const msf = (x: number) => `${x.toFixed(0)} ms`.padStart(9);
  const w = Math.max(...s.functions.map((f) => f.name.length), 8);
  return [
    `${title}: ${(s.busyMs / 1000).toFixed(2)} s busy (${(s.idleMs / 1000).toFixed(2)} s idle)`,
    '',
    'top functions by self time:',
    ...s.functions.map((f, i) => `${String(i + 1).padStart(3)}. ${msf(f.selfMs)} ${pct(f.share)}  ${f.name.padEnd(w)}  ${f.where}`),
    '',
    'self time by file:',
    ...s.files.map((f) => `     ${msf(f.selfMs)} ${pct(f.share)}  ${f.file}`),
  ].join('\n');
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function profileServer(folder: string, outDir: string, top: number, keystrokes: boolean, storage?: string): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const name = `server-${Date.now()}.cpuprofile`;
  process.env.BD_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${outDir} --cpu-prof-name=${name}`;
  const client = new LspClient(['--stdio']);
  delete process.env.BD_NODE_ARGS;
  const windows: { title: string; from: number; to: number }[] = [];
  try {
    await client.request('initialize', {
      processId: process.pid, rootUri: fileUri(folder), workspaceFolders: null,
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
      initializationOptions: { storagePath: storage ?? fs.mkdtempSync(path.join(outDir, 'storage-')) },
    });
    const from = nowUs();
    await client.notify('initialized', {});
    const indexed = await client.notification('breachDesk/indexed', 900_000);
    windows.push({ title: `${storage ? 'warm start' : 'cold index'} of ${folder} (${indexed.articles} articles, server says ${indexed.ms} ms)`, from, to: nowUs() });
    if (keystrokes) {
      const probe = pickProbe(listArticles(folder));
      const opts: Options = { sizes: [], timeoutS: 0, seed: 1, latencySize: '', edits: 240, requests: 20, editBudgetS: 600 };
      const k0 = nowUs();
      const r = await interactive({ client, uriOfFolder: fileUri(folder) }, probe, opts);
      windows.push({ title: `${r.keystrokeMs.length} keystrokes (and ${opts.requests} hover/definition/references) in ${path.relative(folder, probe)}`, from: k0, to: nowUs() });
    }
  } finally {
    await client.shutdown();
  }
  const file = path.join(outDir, name);
  for (let i = 0; i < 50 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
  if (!fs.existsSync(file)) throw new Error(`no profile written at ${file}`);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  console.log(`profile: ${file}\n`);
  for (const w of windows) {
    let s = summarise(profile, top, w.from, w.to);
    let title = w.title;
    if (s.busyMs === 0) {
      // The clocks did not line up: fall back to the whole profile, and say so.
      s = summarise(profile, top);
      title += ' (whole profile: the sample clock did not match)';
    }
    console.log(`${formatSummary(title, s)}\n`);
  }
}

function listArticles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith('.')) out.push(...listArticles(p));
    else if (e.isFile() && /\.(?:md|txt)$/.test(e.name) && e.name !== 'README.md') out.push(p);
  }
  return out.sort();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let top = 15;
  let out = '/tmp/prof';
  let summariseFile: string | undefined;
  let keystrokes = false;
  let folder: string | undefined;
  let storage: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--top') top = Number(args[++i]);
    else if (a === '--out') out = path.resolve(args[++i]);
    else if (a === '--summarise' || a === '--summarize') summariseFile = path.resolve(args[++i]);
    else if (a === '--keystrokes') keystrokes = true;
    else if (a === '--storage') storage = path.resolve(args[++i]);
    else if (!a.startsWith('--') && !folder) folder = path.resolve(a);
    else {
      console.error('usage: tsx bench/profile.ts [folder] [--out dir] [--storage dir] [--top N] [--keystrokes] | --summarise file.cpuprofile [--top N]');
      process.exit(2);
    }
  }
  if (summariseFile) {
    const profile = JSON.parse(fs.readFileSync(summariseFile, 'utf8')) as CpuProfile;
    console.log(formatSummary(`whole profile ${summariseFile}`, summarise(profile, top)));
    return;
  }
  folder ??= SHARED_CORPUS;
  if (!fs.existsSync(folder)) {
    console.error(`no folder ${folder} (the real corpus is expected at ${SHARED_CORPUS}); pass one`);
    process.exit(2);
  }
  if (!fs.existsSync(SERVER)) {
    console.error('no dist/server.js: run `node esbuild.mjs` first');
    process.exit(2);
  }
  await profileServer(folder, out, top, keystrokes, storage);
}

if (require.main === module) {
  main().then(() => process.exit(0), (err) => {
    console.error(err);
    process.exit(1);
  });
}
