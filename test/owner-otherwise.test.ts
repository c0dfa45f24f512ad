/**
 * The same value with its owner named otherwise, over stdio: "515,000+" people of the Red Cross in one article and
 * "more than 515,000" of the International Committee of the Red Cross in another are on each other's card and
 * go-to-source, from a cold start and from a warm one (summaries restored packed from the cache, facts on demand).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileUri, LspClient } from './helpers/lsp';

function article(outlet: string, body: string): string {
  return `# Humanitarian data breach\n\n## Information:\n+ Source: ${outlet}\n+ Link: [article](https://news.example/${outlet})\n+ Date: Jan 20, 2022\n+ Author: Jane Roe\n\n## Article:\n${body}\n\n#### Tags:\n[[Cyberattack]]\n`;
}

const SHORT = article('threatpost', 'The Red Cross said attackers stole the data of 515,000+ highly vulnerable people.');
const LONG = article('zdnet', 'The International Committee of the Red Cross said the data of more than 515,000 highly vulnerable people was compromised.');

function positionOf(text: string, needle: string): { line: number; character: number } {
  const at = text.indexOf(needle) + 1;
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('the same value, its owner named otherwise, over stdio', function () {
  this.timeout(120_000);
  let workspace: string;
  let storage: string;
  const open: LspClient[] = [];

  before(function () {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-owner-'));
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-owner-store-'));
    fs.writeFileSync(path.join(workspace, 'threatpost.txt'), SHORT);
    fs.writeFileSync(path.join(workspace, 'zdnet.txt'), LONG);
  });
  after(async function () {
    for (const c of open) await c.shutdown().catch(() => undefined);
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('is on the card and go-to-source, cold and from the cache', async function () {
    for (const start of ['cold', 'warm']) {
      const client = new LspClient();
      open.push(client);
      await client.initialize(fileUri(workspace), { workspace: { configuration: true } }, { storagePath: storage });
      const indexed = await client.notification('breachDesk/indexed');
      if (start === 'warm') assert.ok(indexed.cached >= 2, JSON.stringify(indexed));
      const short = fileUri(path.join(workspace, 'threatpost.txt'));
      const long = fileUri(path.join(workspace, 'zdnet.txt'));
      const h = await client.request('textDocument/hover', { textDocument: { uri: short }, position: positionOf(SHORT, '515,000+') });
      const card: string = h?.contents?.value ?? '';
      assert.match(card, /\*\*The same value, its owner named otherwise\*\*\n\n- Jan 20, 2022 — \*\*more than 515,000\*\* · of International Committee of the Red Cross/, `${start}: ${card}`);
      const defs: { uri: string }[] = await client.request('textDocument/definition', { textDocument: { uri: long }, position: positionOf(LONG, 'more than 515,000') });
      assert.deepStrictEqual(defs.map((d) => d.uri), [short], start);
      await client.shutdown();
      open.pop();
    }
  });
});
