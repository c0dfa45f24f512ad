/**
 * No network, no writes. The real server (over stdio) and the real CLI run
 * under a preload that replaces every connect and resolve function of Node
 * with one that records the attempt and throws (test/helpers/no-network.js,
 * passed to the server through BD_NODE_ARGS); after a whole session the
 * record holds no attempt. And the workspace the server indexed and served
 * is byte-for-byte what it was: no file added, removed or changed.
 */
import * as assert from 'assert';
import { createHash } from 'crypto';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileUri, LspClient, ROOT, SERVER } from './helpers/lsp';

const PRELOAD = path.join(ROOT, 'test', 'helpers', 'no-network.js');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEEDS = path.join(ROOT, 'seeds');

/** Every file and folder under `dir` (hidden ones included), with a hash of each file's bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isDirectory()) {
        out.set(`${rel}/`, 'dir');
        walk(p);
      } else {
        const st = fs.lstatSync(p);
        out.set(rel, `${createHash('sha256').update(fs.readFileSync(p)).digest('hex')} ${st.mode.toString(8)} ${st.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out;
}

function readLog(file: string): { pid: number; loaded?: boolean; attempt?: string; args?: string; stack?: string }[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** A workspace with the seeds, a hostile article full of URLs, a non-article, a binary and a pins file. */
function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-sandbox-'));
  for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(dir, f));
  fs.mkdirSync(path.join(dir, 'more'));
  fs.writeFileSync(path.join(dir, 'more', 'links.md'), [
    '# Links everywhere', '', '## Information:', '+ Source: ZDNet', '+ Link: https://www.zdnet.com/article/x/', '+ Date: 2021-08-30', '+ Author: A. Writer', '',
    '## Article:', 'See [the filing](https://www.sec.gov/x) and <https://example.com/a>, http://192.0.2.1:8080/ and //cdn.example.net/x.js.',
    '![tracker](https://tracker.example.com/pixel.gif) T-Mobile said 5 million customers were affected.', '', '#### Tags:', '[[T-Mobile]]', '',
  ].join('\n'));
  fs.writeFileSync(path.join(dir, 'notes.md'), '# Just notes\n\nNothing to see.\n');
  fs.writeFileSync(path.join(dir, 'blob.txt'), Buffer.from([0x23, 0x20, 0x00, 0xff, 0xfe]));
  fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('## Article:\nCaf\xe9\n', 'latin1'));
  fs.mkdirSync(path.join(dir, '.breachdesk'));
  fs.writeFileSync(path.join(dir, '.breachdesk', 'entities.json'), JSON.stringify({ entities: [{ name: 'John Binns', kind: 'person', aliases: ['IRDev'] }] }));
  return dir;
}

describe('no network, no writes', function () {
  this.timeout(120000);
  let dir: string;
  let log: string;
  const savedArgs = process.env.BD_NODE_ARGS;

  before(function () {
    if (!fs.existsSync(SERVER) || !fs.existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });
  beforeEach(function () {
    dir = makeWorkspace();
    log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bd-netlog-')), 'net.jsonl');
  });
  afterEach(function () {
    if (savedArgs === undefined) delete process.env.BD_NODE_ARGS;
    else process.env.BD_NODE_ARGS = savedArgs;
    delete process.env.BD_NET_LOG;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.dirname(log), { recursive: true, force: true });
  });

  it('the preload really blocks and records a connection, a request and a lookup', function () {
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', [
      "for (const f of [() => require('http').get('http://127.0.0.1:9/'), () => require('net').connect(9, '127.0.0.1'), () => require('dns').lookup('example.com', () => {}), () => fetch('https://example.com')]) {",
      '  try { f(); } catch (e) { console.log(e.message); } }',
    ].join('\n')], { env: { ...process.env, BD_NET_LOG: log }, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(readLog(log).filter((e) => e.attempt).map((e) => e.attempt), ['http.get', 'net.connect', 'dns.lookup', 'fetch']);
  });

  it('a whole server session opens no connection and leaves the workspace byte-for-byte unchanged', async function () {
    const before = snapshot(dir);
    const seedsBefore = snapshot(SEEDS);
    process.env.BD_NODE_ARGS = `--require ${PRELOAD}`;
    process.env.BD_NET_LOG = log;
    const client = new LspClient();
    try {
      await client.initialize(fileUri(dir), { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } });
      const indexed = await client.notification('breachDesk/indexed');
      assert.ok(indexed.articles >= 4 && indexed.skipped >= 2, JSON.stringify(indexed));
      // The binary and the Latin-1 file are skipped with a message that says why.
      const logs = client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => String(n.params.message));
      assert.ok(logs.some((m) => m.includes('blob.txt') && /binary/.test(m)), logs.join('\n'));
      assert.ok(logs.some((m) => m.includes('latin1.txt') && /not valid UTF-8/.test(m)), logs.join('\n'));
      const file = path.join(dir, 'more', 'links.md');
      const uri = fileUri(file);
      const text = fs.readFileSync(file, 'utf8');
      await client.open(uri, text);
      const p = await client.diagnostics(uri);
      const lines = text.split('\n');
      // Every feature, at every word: links, URLs and names included.
      for (let line = 0; line < lines.length; line++) {
        for (const m of lines[line].matchAll(/\S+/g)) {
          const pos = { textDocument: { uri }, position: { line, character: m.index! } };
          await client.request('textDocument/hover', pos);
          await client.request('textDocument/definition', pos);
          await client.request('textDocument/references', { ...pos, context: { includeDeclaration: true } });
          await client.request('textDocument/completion', pos);
          await client.request('breachDesk/timeline', pos);
        }
      }
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, context: { diagnostics: p.diagnostics } });
      await client.request('textDocument/codeLens', { textDocument: { uri } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/foldingRange', { textDocument: { uri } });
      await client.request('workspace/symbol', { query: 'T' });
      await client.request('breachDesk/article', { uri });
      // Unsaved edits, a watcher event, a settings change, then close: none of it may reach the disk.
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\nMore text, 9 million customers.\n` }] });
      await client.diagnostics(uri, (d) => d.version === 2);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'notes.md')), type: 2 }] });
      await client.notify('workspace/didChangeConfiguration', { settings: {} });
      await client.notification('breachDesk/indexed');
      await client.notify('textDocument/didClose', { textDocument: { uri } });
      await client.request('workspace/symbol', { query: 'Binns' });
    } finally {
      await client.shutdown();
    }
    const entries = readLog(log);
    assert.ok(entries.some((e) => e.loaded), 'the preload did not run in the server');
    assert.deepStrictEqual(entries.filter((e) => e.attempt), []);
    assert.deepStrictEqual(snapshot(dir), before);
    assert.deepStrictEqual(snapshot(SEEDS), seedsBefore);
  });

  it('the CLI checks a folder without a connection and without writing (unless --fix)', function () {
    const before = snapshot(dir);
    for (const format of ['text', 'json', 'sarif']) {
      const r = spawnSync(process.execPath, ['--require', PRELOAD, CLI, 'check', dir, '--format', format], { cwd: dir, env: { ...process.env, BD_NET_LOG: log }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      assert.ok(r.stdout.length > 0);
    }
    const entries = readLog(log);
    assert.ok(entries.filter((e) => e.loaded).length >= 3, 'the preload did not run in the CLI');
    assert.deepStrictEqual(entries.filter((e) => e.attempt), []);
    assert.deepStrictEqual(snapshot(dir), before);
  });
});
