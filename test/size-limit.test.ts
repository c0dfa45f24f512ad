/**
 * `breachDesk.maxFileSize`: files on disk above the limit are skipped with a
 * message, and the limit is the user's to set. The real server over stdio.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
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
    client.connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
    client.settings = settings;
    await client.initialize(fileUri(dir), { workspace: { configuration: true } });
    return { indexed: await client.notification('breachDesk/indexed'), logs };
  }

  it('skips a file above the limit, saying why, and reads it when the limit allows', async function () {
    // 0.02 MB is about 21 KB: the 40 KB article is over it.
    const limited = await start({ maxFileSize: 0.02 });
    assert.deepStrictEqual([limited.indexed.articles, limited.indexed.skipped], [4, 1]);
    assert.ok(limited.logs.some((l) => /big\.txt: .*MB is more than the .*MB limit/.test(l)), limited.logs.join('\n'));
    await client!.shutdown();
    const open = await start({});
    assert.deepStrictEqual([open.indexed.articles, open.indexed.skipped], [5, 0]);
  });

  it('a bad value is reported and the default applies', async function () {
    const { indexed, logs } = await start({ maxFileSize: 'huge' });
    assert.deepStrictEqual([indexed.articles, indexed.skipped], [5, 0]);
    assert.ok(logs.some((l) => /breachDesk\.maxFileSize: "huge" is not a size in MB/.test(l)), logs.join('\n'));
  });
});
