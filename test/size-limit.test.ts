/**
 * `breachDesk.maxFileSize`: files on disk above the limit are skipped with a
 * message, and the limit is the user's to set. The real server over stdio.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_MAX_FILE_SIZE, readSettings } from '../server/src/lsp/settings';
import { fileUri, LspClient } from './helpers/lsp';

function article(title: string, body: string): string {
  return `# ${title}\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/${encodeURIComponent(title)})\n+ Date: Aug 20, 2021\n+ Author: Jane Roe\n\n## Article:\n${body}\n\n#### Tags:\n[[Example]]\n`;
}

describe('breachDesk.maxFileSize over stdio', function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspClient | undefined;

  beforeEach(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-size-'));
    fs.writeFileSync(path.join(dir, 'small.txt'), article('A small article', 'Acme said 2,000 customers were affected.'));
    fs.writeFileSync(path.join(dir, 'big.txt'), article('A big article', 'Acme said 2,000 customers were affected. '.repeat(1000)));
  });

  afterEach(async function () {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(settings: Record<string, unknown>): Promise<{ indexed: { articles: number; skipped: number }; logs: string[] }> {
    client = new LspClient();
    const logs: string[] = [];
    client.connection.onNotification('window/logMessage', (p: { message: string }) => { logs.push(p.message); });
    client.settings = settings;
    await client.initialize(fileUri(dir), { workspace: { configuration: true } });
    return { indexed: await client.notification('breachDesk/indexed'), logs };
  }

  it('skips a file above the limit, saying why, and reads it when the limit allows', async function () {
    // 0.02 MB is about 21 KB: the 40 KB article is over it.
    const limited = await start({ maxFileSize: 0.02 });
    assert.deepStrictEqual([limited.indexed.articles, limited.indexed.skipped], [4, 1]);
    assert.ok(limited.logs.some((l) => /big\.txt: \d+\.\d KB is more than the \d+\.\d KB limit/.test(l)), limited.logs.join('\n'));
    await client!.shutdown();
    const open = await start({});
    assert.deepStrictEqual([open.indexed.articles, open.indexed.skipped], [5, 0]);
  });

  it('the default limit is the CLI\'s: a 5.1 MB article is skipped in the editor as in CI, and the limit reads "5.0 MB"', async function () {
    fs.writeFileSync(path.join(dir, 'huge.txt'), article('A huge article', 'Acme said 2,000 customers were affected. '.repeat(125_000)));
    assert.ok(fs.statSync(path.join(dir, 'huge.txt')).size > 5_100_000 && fs.statSync(path.join(dir, 'huge.txt')).size < 5_242_880);
    const server = await start({});
    assert.deepStrictEqual([server.indexed.articles, server.indexed.skipped], [5, 1]);
    assert.ok(server.logs.some((l) => /huge\.txt: 5\.1 MB is more than the 5\.0 MB limit/.test(l)), server.logs.join('\n'));
    const cli = spawnSync(process.execPath, [path.join(__dirname, '..', 'dist', 'cli.js'), 'check', dir, '--no-seeds'], { encoding: 'utf8', timeout: 120_000 });
    assert.match(cli.stdout, /huge\.txt.*5\.1 MB is more than the 5\.0 MB limit/);
  });

  it('a bad value is reported, once, where the user sees it, and the default applies', async function () {
    const { indexed, logs } = await start({ maxFileSize: 'huge', severity: 'all-off' });
    assert.deepStrictEqual([indexed.articles, indexed.skipped], [5, 0]);
    assert.ok(logs.some((l) => /breachDesk\.maxFileSize: "huge" is not a size in MB/.test(l)), logs.join('\n'));
    // An open document reads its own settings: the warnings are not said again for it.
    await client!.open(fileUri(path.join(dir, 'small.txt')), fs.readFileSync(path.join(dir, 'small.txt'), 'utf8'));
    await client!.diagnostics(fileUri(path.join(dir, 'small.txt')));
    const shown = client!.notifications.filter((n) => n.method === 'window/showMessage').map((n) => n.params.message as string);
    assert.strictEqual(shown.filter((m) => /breachDesk\.maxFileSize: "huge"/.test(m)).length, 1, shown.join('\n'));
    assert.strictEqual(shown.filter((m) => /breachDesk\.severity: "all-off" is not an object/.test(m)).length, 1, shown.join('\n'));
    assert.strictEqual(logs.filter((l) => /breachDesk\.maxFileSize: "huge"/.test(l)).length, 1, logs.join('\n'));
  });

  it('a message quoting a bad setting carries no link a notification would run (the workspace may be hostile)', async function () {
    const link = '[Click here to fix your settings](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%7Csh%22%7D)';
    await start({ maxFileSize: link, severity: { [link]: 'off', 'tags.stop-word': `$(bug) ${link}` }, corpus: link });
    await client!.open(fileUri(path.join(dir, 'small.txt')), fs.readFileSync(path.join(dir, 'small.txt'), 'utf8'));
    await client!.diagnostics(fileUri(path.join(dir, 'small.txt')));
    const shown = client!.notifications.filter((n) => n.method === 'window/showMessage').map((n) => n.params.message as string);
    assert.ok(shown.length >= 3, shown.join('\n'));
    for (const m of shown) assert.ok(!/[[\]()$]/.test(m.replace(/\(for example \{ "tags\.stop-word": "off" \}\)/, '')), m);
  });

  it('a pins file that is a FIFO is not read (the server would wait for a writer for ever), and the editor is told', async function () {
    fs.mkdirSync(path.join(dir, '.breachdesk'));
    const pins = path.join(dir, '.breachdesk', 'entities.json');
    execFileSync('mkfifo', [pins]);
    const { indexed } = await start({});
    assert.deepStrictEqual([indexed.articles, indexed.skipped], [5, 0]);
    const p = await client!.diagnostics(fileUri(pins));
    assert.match(p.diagnostics[0].message, /not a regular file; it is not read/);
  });

  it('a pins file saved as UTF-16 is said to be UTF-16, with what to do, not taken for a JSON mistake', async function () {
    fs.mkdirSync(path.join(dir, '.breachdesk'));
    const pins = path.join(dir, '.breachdesk', 'entities.json');
    fs.writeFileSync(pins, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{ "entities": [ { "name": "Acme", "kind": "organisation" } ] }', 'utf16le')]));
    await start({});
    const p = await client!.diagnostics(fileUri(pins));
    assert.deepStrictEqual(p.diagnostics.map((d) => [d.code, d.message]), [
      ['config.invalid', 'The pinned entities file is not read: the file is UTF-16 LE text; only UTF-8 is read (save it as UTF-8).'],
    ]);
  });

  it('an open document above the limit is checked for layout only, and says so', async function () {
    await start({ maxFileSize: 0.02 });
    const text = fs.readFileSync(path.join(dir, 'big.txt'), 'utf8').replace('[[Example]]', '[[Example,]]');
    const uri = fileUri(path.join(dir, 'opened-big.txt'));
    await client!.open(uri, text);
    const p = await client!.diagnostics(uri);
    const codes = p.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('file.too-large'), codes.join(' '));
    // The limit as the setting counts it (0.02 MB: 20,000 bytes), not in 1,024s.
    assert.match(p.diagnostics.find((d) => d.code === 'file.too-large')!.message, /^This document is larger than breachDesk\.maxFileSize \(20\.0 KB\):/);
    assert.ok(codes.some((c) => String(c).startsWith('tags.')), 'the layout checks still run');
    const hover = await client!.request('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 12 } });
    assert.strictEqual(hover, null, 'not indexed: no card');
    // Below the limit the same document is indexed as usual.
    const small = fs.readFileSync(path.join(dir, 'small.txt'), 'utf8');
    const smallUri = fileUri(path.join(dir, 'opened-small.txt'));
    await client!.open(smallUri, small);
    const q = await client!.diagnostics(smallUri);
    assert.ok(!q.diagnostics.some((d) => d.code === 'file.too-large'));
    const h2 = await client!.request('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 9, character: 12 } });
    assert.ok(h2?.contents?.value?.includes('2,000'), JSON.stringify(h2));
  });
});

describe('breachDesk.maxFileSize: the values read', function () {
  it('from 0.001 MB (the schema\'s minimum) to 1024 MB; below, as 1e-9 (no byte at all: every file skipped), the default', function () {
    const read = (mb: unknown) => {
      const warnings: string[] = [];
      return { bytes: readSettings({ maxFileSize: mb }, (m) => warnings.push(m)).maxFileSize, warnings };
    };
    assert.deepStrictEqual(read(0.001), { bytes: 1000, warnings: [] });
    assert.deepStrictEqual(read(1024), { bytes: 1_024_000_000, warnings: [] });
    for (const bad of [1e-9, 0, -1, 1025, Number.NaN]) {
      const r = read(bad);
      assert.strictEqual(r.bytes, DEFAULT_MAX_FILE_SIZE, String(bad));
      assert.match(r.warnings.join(), /is not a size in MB between 0\.001 and 1024/, String(bad));
    }
  });
});
