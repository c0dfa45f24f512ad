/**
 * The work that follows a load, through the real server over stdio: an
 * article opened right after a large index gets its diagnostics at once, and
 * its quotation checks as soon as the quotation index (built in the
 * background after the load) is complete: never lost, never waited for.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCorpus } from '../bench/generate';
import { fileUri, LspClient, type PublishedDiagnostics } from './helpers/lsp';

function article(title: string, source: string, date: string, body: string): string {
  return `# ${title}\n### A subtitle\n\n## Information:\n+ Source: ${source}\n+ Link: [article](https://news.example/${encodeURIComponent(title)})\n+ Date: ${date}\n+ Author: Jane Roe\n\n## Article:\n${body}\n\n#### Tags:\n[[Example]]\n`;
}

describe('after a load, over stdio', function () {
  this.timeout(180_000);
  let workspace: string;
  let storage: string;
  let client: LspClient | undefined;

  beforeEach(function () {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-after-ws-'));
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-after-store-'));
  });

  afterEach(async function () {
    await client?.shutdown();
    client = undefined;
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('an article opened before the quotation index is built gets its other diagnostics first, then its quotation checks', async function () {
    // Enough articles that the work after the load (counting entities, writing the cache, then the quotation index)
    // takes many slices: here the first diagnostics came 70-100 ms after the index was announced, the quotation
    // checks 400-490 ms after it.
    generateCorpus(path.join(workspace, 'generated'), 1500, 3);
    fs.writeFileSync(path.join(workspace, 'wire.txt'), article('APT group targets defense', 'Wire', 'Oct. 26, 2021',
      'The researchers said: “This APT group has been behind large-scale cyber-espionage campaigns against the defense industry.”'));
    const post = path.join(workspace, 'post.txt');
    const text = article('APT group targets crypto', 'Post', 'Oct. 27, 2021',
      'The researchers said: “This APT group has been behind large-scale cyber-espionage campaigns against the crypto industry.” '
      + 'The group stole 2 million records, the company said, and 20 million records according to the attackers.').replace('[[Example]]', '[[Example]] [[Example]]');
    fs.writeFileSync(post, text);
    client = new LspClient();
    await client.initialize(fileUri(workspace), { workspace: { configuration: true } }, { storagePath: storage });
    // Opened while the corpus loads, so that its first answer after the load is asked for as the load ends, not
    // whenever this process gets to open it (a test process held up a few hundred milliseconds saw the quotation
    // index already built, and one answer).
    const uri = fileUri(post);
    await client.open(uri, text);
    await client.notification('breachDesk/indexed');
    const codes = (p: PublishedDiagnostics) => p.diagnostics.map((d) => String(d.code));
    const last = await client.diagnostics(uri, (p) => p.version === 1 && codes(p).includes('quote.altered'), 60_000);
    // The answers after the load: those during it knew no corpus.
    const indexedAt = client.arrivals.findIndex((a) => a.method === 'breachDesk/indexed');
    const during = client.arrivals.slice(0, indexedAt).filter((a) => a.method === 'textDocument/publishDiagnostics' && a.uri === uri).length;
    const seen = client.published.get(uri)!.slice(during);
    // The first answer did not wait for the quotation index; the quotation check came with a later one.
    assert.ok(seen.length >= 2, `published ${seen.length} time(s): ${JSON.stringify(seen.map(codes))}`);
    assert.ok(!codes(seen[0]).includes('quote.altered'), JSON.stringify(seen.map(codes)));
    assert.match(last.diagnostics.find((d) => d.code === 'quote.altered')!.message, /worded differently in Wire/);
    // The rest of the first answer is all there (the tag given twice): the later one adds the quotation check and nothing else.
    assert.ok(codes(seen[0]).includes('tags.duplicate'), JSON.stringify(seen.map(codes)));
    assert.deepStrictEqual(codes(last).filter((c) => c !== 'quote.altered').sort(), codes(seen[0]).sort());
  });
});
