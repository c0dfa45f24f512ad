/**
 * A folder that holds copies of the bundled seeds (a writer who copied them
 * to try Breach Desk, a clone opened next to the installed extension): the
 * copies are what the corpus knows; the bundled seeds step aside instead of
 * being reported as duplicates of them. Through the real CLI and the real
 * server over stdio.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileUri, LspClient, ROOT, SERVER } from './helpers/lsp';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEEDS = path.join(ROOT, 'seeds');

describe('copies of the bundled seeds', function () {
  this.timeout(60_000);
  let dir: string;

  before(function () {
    if (!fs.existsSync(SERVER) || !fs.existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });

  beforeEach(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-seed-copies-'));
    for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(dir, `copy-${f}`));
  });

  afterEach(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI reports the copies once, with no duplicate warning, and the same corpus findings as the seeds', function () {
    const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    const j = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
    const paths = j.files.map((f) => path.basename(f.path)).sort();
    assert.deepStrictEqual(paths, fs.readdirSync(SEEDS).map((f) => `copy-${f}`).sort());
    const codes = j.files.flatMap((f) => f.diagnostics.map((d) => d.code));
    assert.ok(!codes.includes('corpus.duplicate'), codes.join(' '));
    // What the seeds themselves show (the 902,000 reconciliation, the dated revision) the copies show.
    const seeds = JSON.parse(spawnSync(process.execPath, [CLI, 'check', SEEDS, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }).stdout) as typeof j;
    const corpusCodes = (x: typeof j) => x.files.flatMap((f) => f.diagnostics.map((d) => d.code)).filter((c) => c.startsWith('figure.')).sort();
    assert.deepStrictEqual(corpusCodes(j), corpusCodes(seeds));
    assert.ok(corpusCodes(j).includes('figure.reconciled'));
  });

  it('the server indexes the copies instead of the seeds: three articles, references only into the copies', async function () {
    const client = new LspClient();
    try {
      await client.initialize(fileUri(dir), { workspace: { configuration: true } });
      const indexed = await client.notification('breachDesk/indexed');
      assert.strictEqual(indexed.articles, 3);
      const file = path.join(dir, 'copy-000_01fe31f0ddfc7e1f.txt');
      const text = fs.readFileSync(file, 'utf8');
      const uri = fileUri(file);
      await client.open(uri, text);
      const p = await client.diagnostics(uri);
      assert.ok(!p.diagnostics.some((d) => d.code === 'corpus.duplicate'), JSON.stringify(p.diagnostics.map((d) => d.code)));
      const at = text.indexOf('Alon Gal') + 6;
      const before = text.slice(0, at);
      const refs: { uri: string }[] = await client.request('textDocument/references', {
        textDocument: { uri }, position: { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 }, context: { includeDeclaration: true },
      });
      const uris = new Set(refs.map((x) => x.uri));
      assert.strictEqual(uris.size, 3, [...uris].join(' '));
      for (const u of uris) assert.ok(u.startsWith(fileUri(dir)), u);
    } finally {
      await client.shutdown();
    }
  });
});
