/**
 * The corpus cache against what its storage folder may hold or be, through the real server over stdio as in
 * cache.test.ts: another server using the folder at the same time, a lock left by a server that was killed,
 * facts that are another article's, leftovers of earlier generations, files that are no regular files or hold
 * more than the index says, a link out of the folder, a disk that fills, a read-only folder, a folder inside the
 * workspace. In each the server indexes the corpus, its answers are its own articles', and nothing is written
 * where it should not be.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCorpus } from '../bench/generate';
import { fileUri, LspClient, ROOT } from './helpers/lsp';

const AWFUL = path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt');
const SEEDS = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).length;
/** What the server logs when a load goes without the cache (`cacheStorage` in server.ts). */
const NOT_USED = /^The corpus cache is not used: (.*)\.$/;

function article(title: string, body: string): string {
  return `# ${title}\n### A subtitle\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/${encodeURIComponent(title)})\n+ Date: Aug 20, 2021\n+ Author: Jane Roe\n\n## Article:\n${body}\n\n#### Tags:\n[[Example]]\n`;
}

function positionOf(text: string, needle: string): { line: number; character: number } {
  const at = text.indexOf(needle) + 1;
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** Every file under `dir` (links as links), with its size, sorted. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${path.relative(dir, p)} ${fs.lstatSync(p).size}`);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

describe('corpus cache: its storage folder, robustly (stdio)', function () {
  this.timeout(120_000);
  let workspace: string;
  let storage: string;
  /** Other folders a test makes; removed after it. */
  let scratch: string[];
  /** A file system a test mounted (as root); unmounted after it. */
  let mounted: string | undefined;
  const open: LspClient[] = [];

  function tmp(prefix: string): string {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    scratch.push(d);
    return d;
  }

  /** Starts a server on `ws` with `storagePath` and waits (at most `timeoutMs`) for its index. */
  async function start(ws = workspace, storagePath: string = storage, timeoutMs = 60_000, extra: Record<string, unknown> = {}): Promise<{ client: LspClient; indexed: { articles: number; cached: number; analysts: number } }> {
    const client = new LspClient();
    open.push(client);
    await client.initialize(fileUri(ws), { workspace: { configuration: true } }, { storagePath, ...extra });
    try {
      return { client, indexed: await client.notification('breachDesk/indexed', timeoutMs) };
    } catch (err) {
      // A server that hangs answers no `shutdown`: killed, so that the run ends.
      client.child.kill('SIGKILL');
      throw err;
    }
  }

  async function stop(client: LspClient): Promise<void> {
    await client.shutdown();
    open.splice(open.indexOf(client), 1);
  }

  /** What a server logs when another holds the storage folder's lock (`tryClaim` in cache.ts). */
  const READ_NOT_WRITTEN = /^Corpus cache: another Breach Desk server \((.*)\) is using it: the cache is read, but not written while it does\.$/;
  const lockFile = (s = storage) => path.join(s, 'corpus-cache.lock');
  const lockOf = (s = storage) => JSON.parse(fs.readFileSync(lockFile(s), 'utf8'));

  /** Runs `f` with `--require` of a script of `code` in the servers it starts, and `env` set. */
  async function preloaded<T>(code: string, env: Record<string, string>, f: () => Promise<T>): Promise<T> {
    const preload = path.join(tmp('bd-robust-preload-'), 'preload.js');
    fs.writeFileSync(preload, code);
    const before = process.env.BD_NODE_ARGS;
    process.env.BD_NODE_ARGS = ['--require', preload, before].filter(Boolean).join(' ');
    Object.assign(process.env, env);
    try {
      return await f();
    } finally {
      // (Set to undefined, it would be the string "undefined".)
      if (before === undefined) delete process.env.BD_NODE_ARGS;
      else process.env.BD_NODE_ARGS = before;
      for (const k of Object.keys(env)) delete process.env[k];
    }
  }

  async function until(what: string, ok: () => boolean, timeoutMs = 20_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const logs = (client: LspClient): string[] => client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message);
  const notUsed = (client: LspClient): string[] => logs(client).map((m) => NOT_USED.exec(m)?.[1]).filter((m): m is string => m !== undefined);
  /** Who held the lock, by each message saying the cache is read but not written. */
  const readOnly = (client: LspClient): string[] => logs(client).map((m) => READ_NOT_WRITTEN.exec(m)?.[1]).filter((m): m is string => m !== undefined);

  async function symbols(client: LspClient, query: string): Promise<string[]> {
    const r: { name: string }[] = await client.request('workspace/symbol', { query });
    return r.map((s) => s.name);
  }

  /** The cards on the first of each of `needles` in the file, opened in the editor, one after another. */
  async function cardAt(client: LspClient, file: string, ...needles: string[]): Promise<string> {
    const text = fs.readFileSync(file, 'utf8');
    await client.open(fileUri(file), text);
    let cards = '';
    for (const needle of needles) {
      const h = await client.request('textDocument/hover', { textDocument: { uri: fileUri(file) }, position: positionOf(text, needle) });
      cards += h?.contents?.value ?? '';
    }
    return cards;
  }

  /** A seed's card on Binns, built from the other seeds' facts (which a warm start reads from the cache). */
  const binnsCard = (client: LspClient) => cardAt(client, AWFUL, 'Binns told the WSJ');

  const cacheDir = (s = storage) => path.join(s, 'corpus-cache');
  const header = (s = storage) => JSON.parse(fs.readFileSync(path.join(cacheDir(s), 'index.json'), 'utf8').split('\n')[0]);
  /** The article lines of the cache's index (after the header, the table of names and the files that are no article). */
  const entries = (s = storage) => fs.readFileSync(path.join(cacheDir(s), 'index.json'), 'utf8').split('\n').slice(3).filter((l) => l.trim()).map((l) => JSON.parse(l));

  beforeEach(function () {
    scratch = [];
    workspace = tmp('bd-robust-ws-');
    storage = tmp('bd-robust-store-');
    fs.writeFileSync(path.join(workspace, 'a.txt'), article('Acme loses 2 million records', 'Acme Corp said 2 million records were taken.'));
    fs.writeFileSync(path.join(workspace, 'b.txt'), article('Globex warns customers', 'Globex said about 40,000 customers were affected, according to Hank Scorpio.'));
    fs.writeFileSync(path.join(workspace, 'c.txt'), article('Initech fined', 'Initech was fined $280,000 by regulators.'));
  });

  afterEach(async function () {
    for (const c of open.splice(0)) await c.shutdown();
    if (mounted) execFileSync('umount', [mounted]);
    mounted = undefined;
    for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
  });

  it('a second server on the storage folder another one is using reads the cache but does not write it, and says why; each shows its own project\'s facts, and the cache stays the first one\'s', async function () {
    // Two projects, the same file names and lengths, other figures: README's Neovim setup gave them one storage folder.
    const other = tmp('bd-robust-ws2-');
    for (const [dir, n] of [[workspace, '2'], [other, '7']]) {
      fs.writeFileSync(path.join(dir, 'z.txt'), article('Zorblax loses records', `Zorblax Corp said ${n} million records were taken, Jane Smith told reporters.`));
      fs.writeFileSync(path.join(dir, 'y.txt'), article('Zorblax again', `Zorblax Corp is a firm. Zorblax Corp said ${n} million records were taken.`));
    }
    const first = await start();
    assert.deepStrictEqual(notUsed(first.client), []);
    const second = await start(other);
    assert.deepStrictEqual(notUsed(second.client), []);
    assert.deepStrictEqual(readOnly(second.client), [`process ${first.client.child.pid}`], JSON.stringify(logs(second.client)));
    // (A VS Code user cannot choose the storage folder: the message asks nothing of them.)
    assert.ok(!logs(second.client).some((m) => /storage folder/.test(m) && /give|own/.test(m)), JSON.stringify(logs(second.client)));
    // The seeds, which both projects have, come from the first one's cache; its articles are the first project's.
    assert.deepStrictEqual([second.indexed.articles, second.indexed.cached], [2 + SEEDS, SEEDS]);
    const figureCard = (client: LspClient, dir: string) => cardAt(client, path.join(dir, 'y.txt'), 'million records', 'Zorblax Corp is');
    const secondCard = await figureCard(second.client, other);
    assert.match(secondCard, /7 million/);
    assert.doesNotMatch(secondCard, /2 million/, secondCard);
    await stop(second.client);
    const firstCard = await figureCard(first.client, workspace);
    assert.match(firstCard, /2 million/);
    assert.doesNotMatch(firstCard, /7 million/, firstCard);
    await stop(first.client);
    // The cache is the first project's alone, and its next start is warm.
    assert.deepStrictEqual(entries().filter((e) => !e.path.startsWith(path.join(ROOT, 'seeds'))).map((e) => path.dirname(e.path)), Array(5).fill(workspace));
    const again = await start();
    assert.deepStrictEqual([again.indexed.articles, again.indexed.cached], [8, 8]);
  });

  it('a server that found the storage folder busy writes the cache at its next load once the other server is gone', async function () {
    const first = await start();
    const second = await start();
    assert.deepStrictEqual([second.indexed.articles, second.indexed.cached], [6, 6], 'read from the first one\'s cache');
    assert.deepStrictEqual(readOnly(second.client), [`process ${first.client.child.pid}`]);
    await stop(first.client);
    assert.ok(!fs.existsSync(lockFile()));
    fs.writeFileSync(path.join(workspace, 'a.txt'), article('Acme now says 3 million records', 'Acme Corp said 3 million records were taken.'));
    await second.client.request('breachDesk/reindex', {});
    assert.strictEqual(lockOf().pid, second.client.child.pid, 'its next load took the lock');
    await stop(second.client);
    assert.ok(!fs.existsSync(lockFile()), 'and let it go at exit');
    const after = await start();
    assert.deepStrictEqual([after.indexed.articles, after.indexed.cached], [6, 6], 'what its second load analysed was written');
    assert.deepStrictEqual(await symbols(after.client, 'Acme now says'), ['Acme now says 3 million records']);
  });

  it('stops writing the cache when another server takes its lock over mid-session, and leaves that lock alone at exit', async function () {
    const first = await start();
    const index = path.join(cacheDir(), 'index.json');
    // The first index is written between requests.
    await until('the first index', () => fs.existsSync(index));
    // Another server's lock in its place (one that found it stale while this one was stopped).
    const theirs = JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'another-server' });
    fs.writeFileSync(lockFile(), theirs);
    const before = listing(cacheDir());
    fs.writeFileSync(path.join(workspace, 'c.txt'), article('Initech fined again', 'Initech was fined $380,000 by regulators.'));
    await first.client.request('breachDesk/reindex', {});
    assert.deepStrictEqual(await symbols(first.client, 'Initech fined again'), ['Initech fined again']);
    assert.deepStrictEqual(readOnly(first.client), [`process ${process.pid}`]);
    await stop(first.client);
    assert.strictEqual(fs.readFileSync(lockFile(), 'utf8'), theirs);
    assert.deepStrictEqual(listing(cacheDir()), before, 'nothing written');
  });

  it('keeps its lock when the host name changes (macOS: with the network): it writes the cache still, and lets the lock go at exit', async function () {
    const hostFile = path.join(tmp('bd-robust-host-'), 'host');
    fs.writeFileSync(hostFile, 'before.example');
    const first = await preloaded(`
      const fs = require('fs');
      const os = require('os');
      os.hostname = () => fs.readFileSync(process.env.BD_HOST_FILE, 'utf8');
    `, { BD_HOST_FILE: hostFile }, () => start());
    assert.strictEqual(lockOf().host, 'before.example');
    fs.writeFileSync(hostFile, 'after.example');
    fs.writeFileSync(path.join(workspace, 'c.txt'), article('Initech fined again', 'Initech was fined $380,000 by regulators.'));
    await first.client.request('breachDesk/reindex', {});
    assert.deepStrictEqual(readOnly(first.client), []);
    await stop(first.client);
    assert.ok(!fs.existsSync(lockFile()), 'its own lock let go');
    const after = await start();
    assert.deepStrictEqual([after.indexed.articles, after.indexed.cached], [6, 6], 'what its second load analysed was written');
    assert.deepStrictEqual(await symbols(after.client, 'Initech fined again'), ['Initech fined again']);
  });

  it('takes over a stale lock even when removing the old one fails (the server goes on, the cache is used)', async function () {
    await stop((await start()).client);
    // Another host's lock, not kept fresh for ten minutes: stale. Moved aside, it cannot be removed.
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: 1, host: 'elsewhere.example', token: 'another-server' }));
    const old = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(lockFile(), old, old);
    const next = await preloaded(`
      const fs = require('fs');
      const { rmSync } = fs;
      fs.rmSync = function (p, ...rest) {
        if (/corpus-cache\.lock\.[0-9]+-/.test(String(p))) throw Object.assign(new Error('EBUSY: resource busy or locked, rm'), { code: 'EBUSY' });
        return rmSync.call(fs, p, ...rest);
      };
    `, {}, () => start(workspace, storage, 20_000));
    assert.deepStrictEqual([next.indexed.articles, next.indexed.cached], [6, 6]);
    assert.strictEqual(lockOf().pid, next.client.child.pid);
  });

  it('takes over a lock left stale (its server killed, a day old, or another host\'s not kept fresh for minutes), holds one whose process lives, and lets its own go when it exits', async function () {
    await stop((await start()).client);
    const lock = path.join(storage, 'corpus-cache.lock');
    assert.ok(!fs.existsSync(lock), 'a server that exits lets the lock go');
    const killed = await start();
    assert.strictEqual(JSON.parse(fs.readFileSync(lock, 'utf8')).pid, killed.client.child.pid);
    const gone = new Promise((resolve) => killed.client.child.once('exit', resolve));
    killed.client.child.kill('SIGKILL');
    await gone;
    await stop(killed.client);
    assert.ok(fs.existsSync(lock), 'a killed server leaves its lock');
    const next = await start();
    assert.deepStrictEqual(notUsed(next.client), []);
    assert.deepStrictEqual([next.indexed.articles, next.indexed.cached], [6, 6]);
    assert.strictEqual(JSON.parse(fs.readFileSync(lock, 'utf8')).pid, next.client.child.pid);
    await stop(next.client);
    // A lock on this host whose process lives but that no one has kept fresh for ten minutes (its server's laptop
    // slept: timers stop, the clock goes on): held still. The cache is read, not written.
    const theirs = JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'another-server' });
    fs.writeFileSync(lock, theirs);
    const old = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(lock, old, old);
    const asleep = await start();
    assert.deepStrictEqual(readOnly(asleep.client), [`process ${process.pid}`]);
    assert.deepStrictEqual([asleep.indexed.articles, asleep.indexed.cached], [6, 6]);
    await stop(asleep.client);
    assert.strictEqual(fs.readFileSync(lock, 'utf8'), theirs);
    // A day old: its process id is more likely another process's by now (given again after a restart, as in a
    // container): taken over.
    const day = new Date(Date.now() - 25 * 3600_000);
    fs.utimesSync(lock, day, day);
    const after = await start();
    assert.deepStrictEqual([notUsed(after.client), readOnly(after.client)], [[], []]);
    assert.deepStrictEqual([after.indexed.articles, after.indexed.cached], [6, 6]);
    assert.strictEqual(lockOf().pid, after.client.child.pid);
    await stop(after.client);
    // Another host's lock, whose process cannot be asked after: stale once not kept fresh for ten minutes.
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: 'elsewhere.example', token: 'another-server' }));
    fs.utimesSync(lock, old, old);
    const taken = await start();
    assert.deepStrictEqual([notUsed(taken.client), readOnly(taken.client)], [[], []]);
    assert.strictEqual(lockOf().pid, taken.client.child.pid);
  });

  it('facts in the cache that are another article\'s are not shown as this one\'s: the article is analysed again', async function () {
    const first = await start();
    const coldCard = await binnsCard(first.client);
    await stop(first.client);
    // The two other seeds' entries point at each other's facts (the index is otherwise intact).
    const file = path.join(cacheDir(), 'index.json');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = (name: string) => lines.findIndex((l, i) => i >= 3 && l.trim() !== '' && path.basename(JSON.parse(l).path) === name);
    const [x, y] = ['001_ea6beca59c6dffc6.txt', '002_abc3471a9c8ced9d.txt'].map(at);
    assert.ok(x > 0 && y > 0);
    const ex = JSON.parse(lines[x]);
    const ey = JSON.parse(lines[y]);
    [ex.offset, ex.length, ey.offset, ey.length] = [ey.offset, ey.length, ex.offset, ex.length];
    lines[x] = JSON.stringify(ex);
    lines[y] = JSON.stringify(ey);
    fs.writeFileSync(file, lines.join('\n'));
    const { client, indexed } = await start();
    assert.strictEqual(indexed.cached, 6, 'the index itself is read');
    assert.strictEqual(await binnsCard(client), coldCard);
  });

  it('removes what the index does not name at the next start, also one that changed nothing, whatever the mtimes; files not the cache\'s stay', async function () {
    await stop((await start()).client);
    const kept = listing(cacheDir());
    // A temporary index and rows file a crash left, files of an earlier generation, all dated a year ahead (a clock set back since).
    const future = new Date(Date.now() + 365 * 86_400_000);
    const left = ['index.json.deadbeef.tmp', 'rows-abcdef012345.bin.tmp', 'rows-abcdef012345.bin', 'facts-abcdef012345.bin'];
    for (const f of [...left, 'notes.txt']) {
      fs.writeFileSync(path.join(cacheDir(), f), 'x'.repeat(100));
      fs.utimesSync(path.join(cacheDir(), f), future, future);
    }
    const warm = await start();
    assert.strictEqual(warm.indexed.cached, 6);
    await stop(warm.client);
    assert.deepStrictEqual(listing(cacheDir()), [...kept, 'notes.txt 100'].sort());
  });

  it('a cache file that is no regular file (a FIFO, a link to /dev/zero), or holds more than the index says (a gigabyte of zeros), is not read: the cache is rebuilt at once', async function () {
    if (process.platform === 'win32') this.skip();
    await stop((await start()).client);
    const good = tmp('bd-robust-good-');
    fs.cpSync(cacheDir(), cacheDir(good), { recursive: true });
    const { rows } = header(good);
    const zeros = (file: string, bytes: number) => {
      // Sparse: no disk is used.
      const fd = fs.openSync(file, 'a');
      fs.ftruncateSync(fd, fs.fstatSync(fd).size + bytes);
      fs.closeSync(fd);
    };
    const damages: [string, (dir: string) => void][] = [
      ['index.json is a FIFO', (d) => { fs.rmSync(path.join(d, 'index.json')); execFileSync('mkfifo', [path.join(d, 'index.json')]); }],
      ['the rows file is a FIFO', (d) => { fs.rmSync(path.join(d, rows)); execFileSync('mkfifo', [path.join(d, rows)]); }],
      ['index.json is a link to /dev/zero', (d) => { fs.rmSync(path.join(d, 'index.json')); fs.symlinkSync('/dev/zero', path.join(d, 'index.json')); }],
      ['the rows file is a link to /dev/zero', (d) => { fs.rmSync(path.join(d, rows)); fs.symlinkSync('/dev/zero', path.join(d, rows)); }],
      ['index.json is a gigabyte of zeros', (d) => { fs.rmSync(path.join(d, 'index.json')); zeros(path.join(d, 'index.json'), 1 << 30); }],
      ['index.json ends in a gigabyte of zeros', (d) => zeros(path.join(d, 'index.json'), 1 << 30)],
      ['the rows file ends in a gigabyte of zeros', (d) => zeros(path.join(d, rows), 1 << 30)],
    ];
    for (const [what, damage] of damages) {
      const s = tmp('bd-robust-damaged-');
      fs.cpSync(cacheDir(good), cacheDir(s), { recursive: true });
      damage(cacheDir(s));
      // A hang or a read without end fails here, at this wait.
      const damaged = await start(workspace, s, 20_000);
      assert.deepStrictEqual([damaged.indexed.articles, damaged.indexed.cached], [6, 0], what);
      assert.ok(logs(damaged.client).some((m) => /^Corpus cache unreadable/.test(m)), `${what}: ${JSON.stringify(logs(damaged.client))}`);
      await stop(damaged.client);
      const rebuilt = await start(workspace, s);
      assert.strictEqual(rebuilt.indexed.cached, 6, what);
      await stop(rebuilt.client);
      fs.rmSync(s, { recursive: true, force: true });
    }
  });

  it('never writes through a link: a facts file that links out of the storage folder is not appended to, and a cache folder that is a link is not used', async function () {
    await stop((await start()).client);
    // The facts file moved out of the folder, a link to it left in its place: what the index says of it holds.
    const outside = tmp('bd-robust-outside-');
    const victim = path.join(outside, 'victim.bin');
    const facts = path.join(cacheDir(), header().facts);
    fs.renameSync(facts, victim);
    fs.symlinkSync(victim, facts);
    const was = fs.readFileSync(victim);
    // A changed article, whose facts a load appends.
    fs.writeFileSync(path.join(workspace, 'a.txt'), article('Acme now says 3 million records', 'Acme Corp said 3 million records were taken. MARKER'));
    const linked = await start();
    assert.deepStrictEqual([linked.indexed.articles, linked.indexed.cached], [6, 0]);
    await stop(linked.client);
    assert.ok(fs.readFileSync(victim).equals(was), 'nothing appended to the file the link names');
    assert.ok(fs.lstatSync(path.join(cacheDir(), header().facts)).isFile(), 'the new facts file is the folder\'s own');

    // The cache's folder itself a link to a folder elsewhere: the server goes without the cache, and writes nothing there.
    const elsewhere = tmp('bd-robust-elsewhere-');
    const s = tmp('bd-robust-linked-');
    fs.symlinkSync(elsewhere, cacheDir(s));
    const noCache = await start(workspace, s);
    assert.match(notUsed(noCache.client).join('\n'), /is a link, not a folder/);
    await stop(noCache.client);
    assert.deepStrictEqual(fs.readdirSync(elsewhere), []);
  });

  it('a disk that fills while the cache is written: the index is built all the same (on the analyst threads too), and no partial file is left', async function () {
    // The server, with every write to its cache's folder failing as on a full disk (the first after writing part of it).
    const preload = path.join(tmp('bd-robust-preload-'), 'full-disk.js');
    fs.writeFileSync(preload, `
      const fs = require('fs');
      const under = process.env.BD_FULL_DISK;
      const failing = new Set();
      const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      const { openSync, closeSync, writeSync, writevSync } = fs;
      fs.openSync = function (p, ...rest) { const fd = openSync.call(fs, p, ...rest); if (String(p).startsWith(under + require('path').sep)) failing.add(fd); return fd; };
      fs.closeSync = function (fd) { failing.delete(fd); return closeSync.call(fs, fd); };
      fs.writeSync = function (fd, ...rest) { if (failing.has(fd)) throw full(); return writeSync.call(fs, fd, ...rest); };
      fs.writevSync = function (fd, buffers, at) {
        if (!failing.has(fd)) return writevSync.call(fs, fd, buffers, at);
        if (buffers.length) writeSync.call(fs, fd, buffers[0], 0, Math.ceil(buffers[0].length / 2), at);
        throw full();
      };
    `);
    const before = process.env.BD_NODE_ARGS;
    const fullDisk = async (ws: string, s: string) => {
      process.env.BD_NODE_ARGS = ['--require', preload, before].filter(Boolean).join(' ');
      process.env.BD_FULL_DISK = cacheDir(s);
      try {
        return await start(ws, s, 60_000, { analystThreads: 2 });
      } finally {
        // (Set to undefined, it would be the string "undefined".)
        if (before === undefined) delete process.env.BD_NODE_ARGS;
        else process.env.BD_NODE_ARGS = before;
        delete process.env.BD_FULL_DISK;
      }
    };
    // 700 articles: on analyst threads, and more facts than are gathered before a write (4 MB), so one fails during the load.
    const big = tmp('bd-robust-big-');
    generateCorpus(big, 700, 7);
    for (const [ws, threads, passes] of [[workspace, 0, 2], [big, 2, 1]] as const) {
      const s = tmp('bd-robust-full-');
      // A later start leaves no more than the first.
      for (let pass = 1; pass <= passes; pass++) {
        const full = await fullDisk(ws, s);
        const log = JSON.stringify(logs(full.client));
        assert.strictEqual(full.indexed.analysts, threads, `pass ${pass}: ${log}`);
        assert.ok(ws === workspace ? full.indexed.articles === 6 : full.indexed.articles >= 700 + SEEDS, JSON.stringify(full.indexed));
        // Facts kept in memory answer.
        assert.ok((await binnsCard(full.client)).includes('Binns'));
        await stop(full.client);
        // During the load (the analyst threads' many facts) or when the index was written (at shutdown, here).
        assert.ok(logs(full.client).some((m) => /^Could not write the corpus cache\b.*ENOSPC/.test(m)), JSON.stringify(logs(full.client)));
        assert.ok(!logs(full.client).some((m) => /Analyst workers failed/.test(m)), log);
        assert.deepStrictEqual(listing(cacheDir(s)), [], `pass ${pass}`);
      }
    }
    // A disk that fills while facts are appended to a cache: what was appended goes, the cache stays as it was.
    await stop((await start()).client);
    const cached = listing(cacheDir());
    fs.writeFileSync(path.join(workspace, 'a.txt'), article('Acme now says 3 million records', 'Acme Corp said 3 million records were taken.'));
    const appending = await fullDisk(workspace, storage);
    assert.deepStrictEqual([appending.indexed.articles, appending.indexed.cached], [6, 5]);
    await stop(appending.client);
    assert.deepStrictEqual(listing(cacheDir()), cached);
    const after = await start();
    assert.deepStrictEqual([after.indexed.articles, after.indexed.cached], [6, 5]);
    assert.deepStrictEqual(await symbols(after.client, 'Acme now says'), ['Acme now says 3 million records']);
  });

  it('reads the cache of a read-only storage folder, and writes nothing there', async function () {
    // Root writes whatever the permissions say: a file system mounted read-only then; where that cannot be, skipped.
    if (process.getuid?.() === 0) {
      const mnt = tmp('bd-robust-mnt-');
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mnt], { stdio: 'ignore' });
      } catch {
        this.skip();
      }
      mounted = mnt;
      storage = path.join(mnt, 'store');
    } else if (process.platform === 'win32') this.skip();
    try {
      const first = await start();
      const coldCard = await binnsCard(first.client);
      await stop(first.client);
      const before = listing(storage);
      if (mounted) execFileSync('mount', ['-o', 'remount,ro', mounted]);
      else for (const d of [cacheDir(), storage]) fs.chmodSync(d, 0o555);
      // A changed article is analysed, into memory.
      fs.writeFileSync(path.join(workspace, 'c.txt'), article('Initech fined again', 'Initech was fined $380,000 by regulators.'));
      const { client, indexed } = await start();
      assert.deepStrictEqual([indexed.articles, indexed.cached], [6, 5]);
      assert.ok(logs(client).some((m) => /the cache is read, not written/.test(m)), JSON.stringify(logs(client)));
      // Facts read from the cache's facts file.
      assert.strictEqual(await binnsCard(client), coldCard);
      assert.deepStrictEqual(await symbols(client, 'Initech fined again'), ['Initech fined again']);
      await stop(client);
      assert.deepStrictEqual(listing(storage), before);
    } finally {
      if (!mounted) for (const d of [storage, cacheDir()]) if (fs.existsSync(d)) fs.chmodSync(d, 0o755);
    }
  });

  it('a storage folder the load would walk into (in a workspace folder, the folder itself, or a link into it) is not used; one in a workspace folder the walk skips (hidden, node_modules) is', async function () {
    const before = listing(workspace);
    const link = path.join(tmp('bd-robust-link-'), 'store');
    fs.mkdirSync(path.join(workspace, 'sub'));
    fs.symlinkSync(path.join(workspace, 'sub'), link);
    // The workspace is the home folder, the storage VS Code's or README's Neovim snippet's there.
    for (const s of [path.join(workspace, '.config', 'Code', 'User', 'workspaceStorage', 'abc'), path.join(workspace, 'node_modules', 'store')]) {
      const cold = await start(workspace, s);
      assert.deepStrictEqual([cold.indexed.articles, cold.indexed.cached, notUsed(cold.client)], [6, 0, []], s);
      await stop(cold.client);
      const warm = await start(workspace, s);
      assert.deepStrictEqual([warm.indexed.articles, warm.indexed.cached], [6, 6], s);
      await stop(warm.client);
      fs.rmSync(path.join(workspace, s.includes('node_modules') ? 'node_modules' : '.config'), { recursive: true });
    }
    for (const s of [path.join(workspace, 'sub', 'store'), workspace, link]) {
      const { client, indexed } = await start(workspace, s);
      assert.deepStrictEqual([indexed.articles, indexed.cached], [6, 0], s);
      assert.match(notUsed(client).join('\n'), /is in the workspace folder/, s);
      await stop(client);
      assert.deepStrictEqual(listing(workspace), before, s);
    }
  });
});
