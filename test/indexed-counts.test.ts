/**
 * The counts the server announces when a load ends (`breachDesk/indexed`,
 * shown in the status bar) include documents the editor has open: the loader
 * leaves those to the editor's text, so the server brings each into the index
 * before it announces. Found in code-server, where a fast load finished before
 * the opened seed's first analysis and the status bar said one article short.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileUri, LspClient } from './helpers/lsp';

function article(title: string, body: string): string {
  return `# ${title}\n### A subtitle\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/${encodeURIComponent(title)})\n+ Date: Aug 20, 2021\n+ Author: Jane Roe\n\n## Article:\n${body}\n\n#### Tags:\n[[Example]]\n`;
}

describe('the counts announced after a load', function () {
  this.timeout(60_000);
  let dir: string;
  const clients: LspClient[] = [];

  beforeEach(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-counts-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), article('Acme loses 2 million records', 'Acme Corp said 2 million records were taken, according to Hank Scorpio.'));
    fs.writeFileSync(path.join(dir, 'b.txt'), article('Globex warns customers', 'Globex said about 40,000 customers were affected.'));
  });

  afterEach(async function () {
    for (const c of clients.splice(0)) await c.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function indexed(openFirst: boolean): Promise<{ articles: number; entities: number }> {
    const client = new LspClient();
    clients.push(client);
    const a = fileUri(path.join(dir, 'a.txt'));
    // The open document's settings arrive late, so its first analysis would finish after the load.
    client.connection.onRequest('workspace/configuration', async (p: { items: { section?: string; scopeUri?: string }[] }) => {
      if (p.items.some((i) => i.scopeUri === a)) await new Promise((r) => setTimeout(r, 500));
      return p.items.map(() => null);
    });
    await client.request('initialize', { processId: process.pid, rootUri: fileUri(dir), capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
    if (openFirst) await client.open(a, fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'));
    await client.notify('initialized', {});
    return client.notification('breachDesk/indexed');
  }

  it('count an article the editor opened before the load ended', async function () {
    const closed = await indexed(false);
    assert.strictEqual(closed.articles, 5, 'three seeds and two articles');
    const opened = await indexed(true);
    assert.deepStrictEqual([opened.articles, opened.entities], [closed.articles, closed.entities]);
  });
});
