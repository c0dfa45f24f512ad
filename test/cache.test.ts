/**
 * The on-disk corpus cache, through the real server over stdio: a second
 * start restores the index from the editor's storage, features still answer
 * from facts loaded on demand, changed files are analysed again, a touched
 * but unchanged file is not, and a damaged cache is thrown away or worked
 * around without the user noticing. Nothing is ever written into the workspace.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCorpus } from '../bench/generate';
import { fileUri, LspClient, ROOT } from './helpers/lsp';
import { extractFacts } from '../server/src/core/extract/facts';
import type { DocFacts } from '../server/src/core/extract/types';
import { articlesNaming, CorpusIndex, eachSpan, firstOf, lineStartsOf, quotesOf, quoteWords, summarize, unpackNumbers, type DocSummary } from '../server/src/core/index/corpus';
import { workspaceSymbols } from '../server/src/core/features/symbols';
import { parse } from '../server/src/core/syntax/parse';
import { analystsFor } from '../server/src/node/analyst';
import { contentHash, CorpusCache, EntityPacker, EntityUnpacker } from '../server/src/node/cache';
import { PackedSummary } from '../server/src/core/index/packed';
import { packFacts } from '../server/src/node/packfacts';
import { loadRoots, reloadFile, uriOf, type LoadOptions } from '../server/src/lsp/workspace';

/** The `fs` module itself, whose functions a test replaces (to fail as a full disk would, say): `import *` gives getters only. */
const nodeFs: typeof fs = require('fs');

const AWFUL = path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt');

function article(title: string, body: string): string {
  return `# ${title}\n### A subtitle\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/${encodeURIComponent(title)})\n+ Date: Aug 20, 2021\n+ Author: Jane Roe\n\n## Article:\n${body}\n\n#### Tags:\n[[Example]]\n`;
}

function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${path.relative(dir, p)} ${fs.statSync(p).size} ${fs.readFileSync(p, 'utf8').length}`);
    }
  };
  walk(dir);
  return out.sort();
}

function positionOf(text: string, needle: string): { line: number; character: number } {
  const at = text.indexOf(needle) + 1;
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('corpus cache over stdio', function () {
  this.timeout(120_000);
  let workspace: string;
  let storage: string;
  const open: LspClient[] = [];

  /** Starts a server on the workspace with the storage folder and waits for its index. */
  async function start(extra: Record<string, unknown> = {}, capabilities: Record<string, unknown> = { workspace: { configuration: true } }): Promise<{ client: LspClient; indexed: { articles: number; cached: number; analysts: number } }> {
    const client = new LspClient();
    open.push(client);
    await client.initialize(fileUri(workspace), capabilities, { storagePath: storage, ...extra });
    const indexed = await client.notification('breachDesk/indexed');
    return { client, indexed };
  }

  async function symbols(client: LspClient, query: string): Promise<string[]> {
    const r: { name: string }[] = await client.request('workspace/symbol', { query });
    return r.map((s) => s.name);
  }

  async function binnsCard(client: LspClient): Promise<string> {
    const text = fs.readFileSync(AWFUL, 'utf8');
    const uri = fileUri(AWFUL);
    await client.open(uri, text);
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Binns told the WSJ') });
    return h?.contents?.value ?? '';
  }

  /** The card on the first `needle` of the workspace's file `name`, opened in the editor. */
  async function cardAt(client: LspClient, name: string, needle: string): Promise<string> {
    const file = path.join(workspace, name);
    const text = fs.readFileSync(file, 'utf8');
    await client.open(fileUri(file), text);
    const h = await client.request('textDocument/hover', { textDocument: { uri: fileUri(file) }, position: positionOf(text, needle) });
    return h?.contents?.value ?? '';
  }

  async function galReferences(client: LspClient): Promise<{ uri: string; range: unknown }[]> {
    return client.request('textDocument/references', {
      textDocument: { uri: fileUri(AWFUL) }, position: positionOf(fs.readFileSync(AWFUL, 'utf8'), 'Gal'), context: { includeDeclaration: true },
    });
  }

  const cacheDir = () => path.join(storage, 'corpus-cache');

  /** Edits the cache's article entries in place (`edit` returns whether it changed one); how many were edited. */
  function editEntries(edit: (entry: any) => boolean): number {
    const file = path.join(cacheDir(), 'index.json');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    let edited = 0;
    // After the header, the table of names and the files that are no article: a line per article.
    for (let i = 3; i < lines.length; i++) {
      if (!lines[i].trim()) continue;
      const e = JSON.parse(lines[i]);
      if (edit(e)) edited++;
      lines[i] = JSON.stringify(e);
    }
    fs.writeFileSync(file, lines.join('\n'));
    return edited;
  }
  const factsFile = () => path.join(cacheDir(), fs.readdirSync(cacheDir()).find((f) => f.startsWith('facts-'))!);

  beforeEach(function () {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cache-ws-'));
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cache-store-'));
    fs.writeFileSync(path.join(workspace, 'a.txt'), article('Acme loses 2 million records', 'Acme Corp said 2 million records were taken.'));
    fs.writeFileSync(path.join(workspace, 'b.txt'), article('Globex warns customers', 'Globex said about 40,000 customers were affected, according to Hank Scorpio.'));
    fs.writeFileSync(path.join(workspace, 'c.txt'), article('Initech fined', 'Initech was fined $280,000 by regulators.'));
  });

  afterEach(async function () {
    for (const c of open.splice(0)) await c.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('restores the index on the second start and answers from facts loaded on demand', async function () {
    const before = listing(workspace);
    const first = await start();
    assert.strictEqual(first.indexed.articles, 6);
    assert.strictEqual(first.indexed.cached, 0);
    const coldCard = await binnsCard(first.client);
    const coldRefs = await galReferences(first.client);
    const coldSymbols = await first.client.request('workspace/symbol', { query: 'Gal' });
    await first.client.shutdown();
    assert.ok(fs.existsSync(path.join(cacheDir(), 'index.json')), 'a cache was written to the storage folder');
    assert.deepStrictEqual(listing(workspace), before, 'nothing was written into the workspace');

    const second = await start();
    assert.deepStrictEqual(second.indexed, { ...second.indexed, articles: 6, cached: 6 });
    // The card is built from other seeds' facts, which now come from the cache file.
    const warmCard = await binnsCard(second.client);
    assert.ok(warmCard.includes('Binns'), warmCard);
    assert.strictEqual(warmCard, coldCard);
    assert.deepStrictEqual(await symbols(second.client, 'Initech fined'), ['Initech fined']);
    // Mention spans and line starts come back packed from the cache: the same ranges as when analysed.
    const refs = await galReferences(second.client);
    assert.strictEqual(new Set(refs.map((r) => r.uri)).size, 3, 'Gal is mentioned in all three seeds');
    assert.ok(refs.length > 3);
    assert.deepStrictEqual(refs, coldRefs);
    assert.deepStrictEqual(await second.client.request('workspace/symbol', { query: 'Gal' }), coldSymbols);
  });

  it('keeps an article\'s own calendar day: a card after a warm start shows the day its Date names', async function () {
    fs.writeFileSync(path.join(workspace, 'd.txt'), article('Acme evening update', 'Acme Corp said 2 million records were taken.').replace('+ Date: Aug 20, 2021', '+ Date: 2021-12-15T22:00-05:00'));
    const card = (client: LspClient) => cardAt(client, 'a.txt', 'Acme Corp said');
    const first = await start();
    const cold = await card(first.client);
    await first.client.shutdown();
    const second = await start();
    assert.strictEqual(second.indexed.cached, 7);
    const warm = await card(second.client);
    assert.match(cold, /Dec 15, 2021/, cold);
    assert.match(warm, /Dec 15, 2021/, warm);
    assert.doesNotMatch(warm, /Dec 16/, warm);
  });

  it('a card after a warm start says what a thing is where only an article it does not cite says so (facts loaded on demand)', async function () {
    // Twelve articles name Zorbot often; the one that calls it a botnet names it least, so the card cites it not.
    for (let k = 0; k < 12; k++) {
      fs.writeFileSync(path.join(workspace, `z${k}.txt`), article(`Zorbot update ${k}`, `Researchers at Acme Labs said Zorbot infected ${k + 2},000 routers.\n\nZorbot spreads through weak passwords, and Zorbot hides its traffic.`));
    }
    fs.writeFileSync(path.join(workspace, 'zz.txt'), article('Police act', 'Police took down the Zorbot botnet after a long investigation.\n\nZorbot had infected routers in three countries.'));
    const card = (client: LspClient) => cardAt(client, 'z0.txt', 'Zorbot infected');
    const first = await start();
    const cold = await card(first.client);
    await first.client.shutdown();
    const second = await start();
    assert.strictEqual(second.indexed.cached, second.indexed.articles);
    const warm = await card(second.client);
    const zz = fileUri(path.join(workspace, 'zz.txt'));
    assert.ok(!warm.slice(warm.indexOf('**Cited facts**')).includes(zz), warm);
    assert.match(warm, new RegExp(`^botnet \\(\\[Example News, Aug 20, 2021\\]\\(${zz.replace(/[.]/g, '\\.')}#L\\d+\\)\\)$`, 'm'), warm);
    assert.strictEqual(warm, cold);
  });

  it('analyses a changed file again, and trusts the content hash when only the mtime moved', async function () {
    await (await start()).client.shutdown();
    fs.writeFileSync(path.join(workspace, 'a.txt'), article('Acme now says 3 million records', 'Acme Corp said 3 million records were taken.'));
    const future = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(workspace, 'b.txt'), future, future);
    const { client, indexed } = await start();
    assert.strictEqual(indexed.articles, 6);
    assert.strictEqual(indexed.cached, 5, 'only the edited file is analysed again');
    assert.deepStrictEqual(await symbols(client, 'Acme now says'), ['Acme now says 3 million records']);
    assert.deepStrictEqual(await symbols(client, 'Acme loses'), []);
    await client.shutdown();
    const again = await start();
    assert.strictEqual(again.indexed.cached, 6, 'the touched file kept its cache entry under its new mtime');
  });

  for (const notes of [2, 250]) {
    it(`reads again a file found no article once another of the same size and mtime is renamed over it, or its mtime moves (${notes} notes beside the articles${notes >= 200 ? ', on analyst threads' : ''})`, async function () {
      fs.mkdirSync(path.join(workspace, 'notes'));
      const hooli = article('Hooli breach', 'Hooli said 9,000 users were affected.');
      // Notes, the first as long as the article that will take its place.
      const note = (n: number) => (`# Note ${n}\n\nThoughts to follow up, not an article.\n` + ' '.repeat(hooli.length)).slice(0, n === 0 ? hooli.length : 60);
      for (let n = 0; n < notes; n++) fs.writeFileSync(path.join(workspace, 'notes', `n${n}.md`), note(n));
      const first = path.join(workspace, 'notes', 'n0.md');
      const second = path.join(workspace, 'notes', 'n1.md');
      // A whole second, which the file system keeps exactly (a stat's own mtime has digits `utimes` may not set back).
      const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
      fs.utimesSync(first, mtime, mtime);
      await (await start()).client.shutdown();
      // The article renamed into its place, same size, same mtime (unpacked from an archive that keeps whole
      // seconds): its inode changed, so it is read, and it is an article now.
      const beside = path.join(workspace, 'notes', '.n0.new');
      fs.writeFileSync(beside, hooli);
      fs.utimesSync(beside, mtime, mtime);
      fs.renameSync(beside, first);
      const warm = await start();
      assert.strictEqual(warm.indexed.articles, 7);
      assert.deepStrictEqual(await symbols(warm.client, 'Hooli breach'), ['Hooli breach']);
      await warm.client.shutdown();
      // Another note becomes an article, as a writer saves it: its mtime moves.
      fs.writeFileSync(second, article('Initrode breach', 'Initrode said 3,000 users were affected.'));
      const again = await start();
      assert.strictEqual(again.indexed.articles, 8);
      assert.deepStrictEqual(await symbols(again.client, 'Initrode breach'), ['Initrode breach']);
    });
  }

  it('analyses again an article swapped for another of the same size and mtime (renamed over it), and trusts the content hash when it is the same text', async function () {
    const a = path.join(workspace, 'a.txt');
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 120_000);
    fs.utimesSync(a, mtime, mtime);
    await (await start()).client.shutdown();
    // Same length as a.txt's text, another company; written beside it and renamed over it, its mtime set back:
    // a new inode, the same size and mtime.
    const swapped = fs.readFileSync(a, 'utf8').replace(/Acme/g, 'Qxme');
    const tmp = path.join(workspace, '.a.new');
    fs.writeFileSync(tmp, swapped);
    fs.utimesSync(tmp, mtime, mtime);
    fs.renameSync(tmp, a);
    assert.deepStrictEqual([fs.statSync(a).size, fs.statSync(a).mtimeMs], [Buffer.byteLength(swapped), mtime.getTime()]);
    const warm = await start();
    assert.deepStrictEqual([warm.indexed.articles, warm.indexed.cached], [6, 5]);
    assert.deepStrictEqual(await symbols(warm.client, 'Qxme loses'), ['Qxme loses 2 million records']);
    assert.deepStrictEqual(await symbols(warm.client, 'Acme loses'), []);
    await warm.client.shutdown();
    // The same text swapped in again (a new inode): its hash is the cache entry's, and it is not analysed again.
    fs.writeFileSync(tmp, swapped);
    fs.utimesSync(tmp, mtime, mtime);
    fs.renameSync(tmp, a);
    const again = await start();
    assert.deepStrictEqual([again.indexed.articles, again.indexed.cached], [6, 6]);
    assert.deepStrictEqual(await symbols(again.client, 'Qxme loses'), ['Qxme loses 2 million records']);
  });

  it('forgets a deleted file and picks up a new one', async function () {
    await (await start()).client.shutdown();
    fs.rmSync(path.join(workspace, 'c.txt'));
    fs.writeFileSync(path.join(workspace, 'd.txt'), article('Umbrella breach', 'Umbrella said 10,000 employees were affected.'));
    const { client, indexed } = await start();
    assert.deepStrictEqual([indexed.articles, indexed.cached], [6, 5]);
    assert.deepStrictEqual(await symbols(client, 'Initech fined'), []);
    assert.deepStrictEqual(await symbols(client, 'Umbrella breach'), ['Umbrella breach']);
  });

  it('throws away an unreadable cache and builds a new one', async function () {
    await (await start()).client.shutdown();
    fs.writeFileSync(path.join(cacheDir(), 'index.json'), '{"format":1,"key":');
    const broken = await start();
    assert.deepStrictEqual([broken.indexed.articles, broken.indexed.cached], [6, 0]);
    assert.ok((await binnsCard(broken.client)).includes('Binns'));
    await broken.client.shutdown();
    const rebuilt = await start();
    assert.strictEqual(rebuilt.indexed.cached, 6);
  });

  it('falls back to reading the article when its cached facts are damaged', async function () {
    const first = await start();
    const coldCard = await binnsCard(first.client);
    await first.client.shutdown();
    const f = factsFile();
    fs.writeFileSync(f, Buffer.alloc(fs.statSync(f).size, 0x20));
    const { client, indexed } = await start();
    assert.strictEqual(indexed.cached, 6, 'the index itself is intact');
    assert.strictEqual(await binnsCard(client), coldCard);
  });

  it('loads ahead what an opened document\'s cards read once the writer pauses: the card cites it after the cache and the files are damaged', async function () {
    // Two companies, each named in an article the writer opens and in six others that the cards cite. No figures: the
    // open article's check reads no other article's facts.
    for (const [name, who] of [['z', 'Zorbot Corp'], ['q', 'Quux Holdings']]) {
      fs.writeFileSync(path.join(workspace, `${name}-open.txt`), article(`${who} again`, `${who} said its engineers were working on a fix.`));
      for (let k = 0; k < 6; k++) {
        fs.writeFileSync(path.join(workspace, `${name}${k}.txt`), article(`${who} update ${k}`, `${who} said the flaw in its ${['router', 'camera', 'printer', 'phone', 'watch', 'doorbell'][k]} firmware was fixed.\n\nA spokesperson for ${who} apologised to customers.`));
      }
    }
    await (await start()).client.shutdown();
    // A client that watches files (and here tells of no change): the server does not watch the folder itself, so the
    // articles deleted below stay in the index, their facts unreadable.
    const { client } = await start({}, { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } });
    const file = (name: string) => path.join(workspace, name);
    const openAndWait = async (name: string) => {
      const text = fs.readFileSync(file(name), 'utf8');
      await client.open(fileUri(file(name)), text);
      await client.diagnostics(fileUri(file(name)));
      return text;
    };
    const zText = await openAndWait('z-open.txt');
    // The pause of a writer who reads before pointing: loading ahead waits for a quiet moment, then takes a few ms.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // From here on, neither the cache nor the other articles can give their facts.
    const f = factsFile();
    fs.writeFileSync(f, Buffer.alloc(fs.statSync(f).size, 0x20));
    for (const name of fs.readdirSync(workspace)) if (/^[zq]\d\.txt$/.test(name)) fs.rmSync(file(name));
    const cited = (card: string, prefix: string) => [...card.matchAll(/\]\((file:[^)#]+)#L\d+\)/g)].filter((m) => new RegExp(`^${prefix}\\d\\.txt$`).test(path.basename(m[1]))).length;
    const hoverOn = async (name: string, text: string, needle: string) => {
      const h = await client.request('textDocument/hover', { textDocument: { uri: fileUri(file(name)) }, position: positionOf(text, needle) });
      return h?.contents?.value ?? '';
    };
    const zCard = await hoverOn('z-open.txt', zText, 'Zorbot Corp said');
    assert.ok(cited(zCard, 'z') >= 2, `the card cites the articles loaded ahead:\n${zCard}`);
    assert.match(zCard, /Mentioned in 7 articles/, 'the deleted articles are still indexed');
    // The control: a document opened now finds its cards' articles unreadable, so the test above could fail.
    const qText = await openAndWait('q-open.txt');
    const qCard = await hoverOn('q-open.txt', qText, 'Quux Holdings said');
    assert.match(qCard, /Quux Holdings/);
    assert.match(qCard, /Mentioned in 7 articles/, 'the deleted articles are still indexed: only their facts are unreadable');
    assert.strictEqual(cited(qCard, 'q'), 0, `nothing of the damaged articles is cited:\n${qCard}`);
  });

  it('an index cut short (a crash while copying it, a full disk) is not trusted', async function () {
    await (await start()).client.shutdown();
    const file = path.join(cacheDir(), 'index.json');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    fs.writeFileSync(file, lines.slice(0, 3).join('\n'));
    const { indexed } = await start();
    assert.deepStrictEqual([indexed.articles, indexed.cached], [6, 0]);
  });

  it('an entry naming a string the table does not have is not trusted', async function () {
    await (await start()).client.shutdown();
    const file = path.join(cacheDir(), 'index.json');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    // Line 2 is the string table: cut it to one name, so the entries point past its end.
    assert.ok(JSON.parse(lines[1]).length > 1);
    lines[1] = JSON.stringify(JSON.parse(lines[1]).slice(0, 1));
    fs.writeFileSync(file, lines.join('\n'));
    const { client, indexed } = await start();
    assert.deepStrictEqual([indexed.articles, indexed.cached], [6, 0]);
    assert.ok((await binnsCard(client)).includes('Binns'));
  });

  it('a summary with a field of the wrong type, or a URI that is not a file\'s, is not trusted (the index is built again)', async function () {
    await (await start()).client.shutdown();
    const edited = editEntries((e) => {
      const name = path.basename(e.path);
      if (name === 'a.txt') e.summary.uri = 'https://evil.example/x';
      else if (name === 'b.txt') e.summary.authors = 7;
      else if (name === 'c.txt') e.summary.titleSpan = null;
      else return false;
      return true;
    });
    assert.strictEqual(edited, 3);
    const { client, indexed } = await start();
    assert.deepStrictEqual([indexed.articles, indexed.cached], [6, 0]);
    // Nothing answers with the edited values: every symbol is a file, every title a title.
    const all: { location: { uri: string } }[] = await client.request('workspace/symbol', { query: '' });
    assert.ok(all.length > 0 && all.every((x) => x.location.uri.startsWith('file:')), JSON.stringify(all.map((x) => x.location.uri)));
    assert.ok((await symbols(client, 'Globex warns')).includes('Globex warns customers'));
  });

  it('a summary whose links are not hashes is not trusted: the index is built again, and who links where is right', async function () {
    fs.writeFileSync(path.join(workspace, 'd.txt'), article('Acme follow-up', 'As [reported before](https://news.example/Acme%20loses%202%20million%20records), Acme Corp lost records.'));
    await (await start()).client.shutdown();
    const edited = editEntries((e) => {
      if (path.basename(e.path) !== 'd.txt') return false;
      assert.strictEqual(e.summary.linksTo.length, 1, 'the cache keeps the link\'s hash');
      e.summary.linksTo = ['https://news.example/elsewhere'];
      return true;
    });
    assert.strictEqual(edited, 1);
    const { client, indexed } = await start();
    assert.deepStrictEqual([indexed.articles, indexed.cached], [7, 0]);
    const a = path.join(workspace, 'a.txt');
    const text = fs.readFileSync(a, 'utf8');
    await client.open(fileUri(a), text);
    const refs: { uri: string }[] = await client.request('textDocument/references', { textDocument: { uri: fileUri(a) }, position: positionOf(text, 'https://news.example/'), context: { includeDeclaration: false } });
    assert.deepStrictEqual(refs.map((r) => path.basename(r.uri)), ['d.txt']);
  });

  it('a truncated facts file invalidates the cache', async function () {
    await (await start()).client.shutdown();
    fs.truncateSync(factsFile(), 10);
    const { indexed } = await start();
    assert.deepStrictEqual([indexed.articles, indexed.cached], [6, 0]);
  });

  it('is finished when the editor shuts the server down right after the index is announced (it is written between requests)', async function () {
    fs.rmSync(workspace, { recursive: true, force: true });
    generateCorpus(workspace, 1500, 3);
    const first = await start();
    assert.ok(first.indexed.articles > 700);
    await first.client.shutdown();
    const second = await start();
    assert.deepStrictEqual([second.indexed.articles, second.indexed.cached], [first.indexed.articles, first.indexed.articles]);
    // Only the finished index and its facts are left: no temporary file.
    assert.deepStrictEqual(fs.readdirSync(cacheDir()).filter((f) => !/^(?:index\.json|(?:facts|rows)-[0-9a-f]+\.bin)$/.test(f)), []);
    assert.strictEqual(fs.readdirSync(cacheDir()).filter((f) => f.startsWith('rows-')).length, 1, 'one rows file, the index\'s');
  });

  it('reports the first index\'s progress to the editor, cold and warm: begun, the files done (the last among them), ended; at most a report per 100 ms', async function () {
    fs.rmSync(workspace, { recursive: true, force: true });
    generateCorpus(workspace, 260, 5);
    for (const pass of ['cold', 'warm']) {
      const client = new LspClient();
      open.push(client);
      await client.initialize(fileUri(workspace), { workspace: { configuration: true }, window: { workDoneProgress: true } }, { storagePath: storage });
      const indexed = await client.notification('breachDesk/indexed');
      assert.strictEqual(indexed.cached, pass === 'cold' ? 0 : indexed.articles, pass);
      // Sent before `breachDesk/indexed`, so all here by now.
      const values: { kind: string; percentage?: number; message?: string }[] = client.notifications.filter((n) => n.method === '$/progress').map((n) => n.params.value);
      assert.deepStrictEqual([values[0]?.kind, values[values.length - 1]?.kind], ['begin', 'end'], JSON.stringify(values));
      const reports = values.filter((v) => v.kind === 'report');
      const done = reports.map((r) => Number(/^(\d+) of (\d+) files$/.exec(r.message ?? '')?.[1]));
      const total = Number(/of (\d+) files$/.exec(reports[reports.length - 1]?.message ?? '')?.[1]);
      assert.ok(total >= 260, `${pass}: ${JSON.stringify(reports)}`);
      assert.deepStrictEqual(reports[reports.length - 1], { kind: 'report', percentage: 100, message: `${total} of ${total} files` }, pass);
      assert.deepStrictEqual(done, [...done].sort((a, b) => a - b), `${pass}: files done only go up`);
      // The server's own count of the index's time bounds how many reports it sent (the last comes whenever).
      assert.ok(reports.length <= Math.floor(indexed.ms / 100) + 2, `${pass}: ${reports.length} reports in ${indexed.ms} ms`);
      await client.shutdown();
      open.splice(open.indexOf(client), 1);
    }
  });

  it('a large first index runs on worker threads and knows what the single-threaded one knows', async function () {
    // 260 generated articles: above the size where the server starts analyst workers.
    fs.rmSync(workspace, { recursive: true, force: true });
    generateCorpus(workspace, 260, 7);
    const files = fs.readdirSync(workspace, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(txt|md)$/.test(e.name));
    const probe = path.join(files[files.length - 1].parentPath, files[files.length - 1].name);
    const text = fs.readFileSync(probe, 'utf8');
    const uri = fileUri(probe);

    const plain = new LspClient();
    open.push(plain);
    await plain.initialize(fileUri(workspace), { workspace: { configuration: true } });
    const single = await plain.notification('breachDesk/indexed');
    // Two threads, whatever `analystsFor` would pick for so few files here: names numbered per thread, and outlets
    // learnt before either starts, must come to the same index as one thread's.
    const pooled = await start({ analystThreads: 2 });
    assert.strictEqual(pooled.indexed.articles, single.articles);
    assert.ok(pooled.indexed.articles > 200);
    assert.strictEqual(single.analysts, 0, 'without a cache the server analyses on its own thread');
    assert.strictEqual(pooled.indexed.analysts, 2, `analysed on two worker threads (${JSON.stringify(pooled.indexed)})`);

    // The same entities, articles and corpus diagnostics either way.
    for (const q of ['a', 'e', 'Breach']) {
      const [x, y] = await Promise.all([symbols(plain, q), symbols(pooled.client, q)]);
      assert.deepStrictEqual(new Set(y), new Set(x), `workspace symbols for "${q}"`);
    }
    await plain.open(uri, text);
    await pooled.client.open(uri, text);
    const strip = (p: { diagnostics: { code?: string; message: string; range: unknown }[] }) => p.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.message}`).sort();
    const [a, b] = await Promise.all([plain.diagnostics(uri), pooled.client.diagnostics(uri)]);
    assert.deepStrictEqual(strip(b), strip(a));
    // References come from mention spans the workers packed: the same ranges either way, and after a warm start.
    const someone = (await plain.request('workspace/symbol', { query: '' }) as { name: string; kind: number; location: { uri: string; range: { start: unknown } } }[])
      .find((s) => s.kind !== 1 && s.location.uri !== uri);
    assert.ok(someone, 'an entity to look up');
    const refsOf = (c: LspClient) => c.request('textDocument/references', { textDocument: { uri: someone!.location.uri }, position: someone!.location.range.start, context: { includeDeclaration: true } });
    const plainRefs = await refsOf(plain);
    assert.ok(plainRefs.length > 0, `references of ${someone!.name}`);
    assert.deepStrictEqual(await refsOf(pooled.client), plainRefs);
    await pooled.client.shutdown();
    // Left to choose, the server starts as many threads as `analystsFor` finds best for the files and this machine's cores.
    fs.rmSync(storage, { recursive: true, force: true });
    const chosen = await start();
    // (The pool starts before the files are stat'ed, for all the files the walk found: the workspace's and the bundled seeds.)
    const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).length;
    assert.strictEqual(chosen.indexed.analysts, analystsFor(files.length + seeds, os.availableParallelism()), JSON.stringify(chosen.indexed));
    assert.strictEqual(chosen.indexed.articles, single.articles);
    assert.deepStrictEqual(await refsOf(chosen.client), plainRefs);
    await chosen.client.shutdown();
    const warm = await start();
    assert.strictEqual(warm.indexed.cached, single.articles);
    assert.deepStrictEqual(await refsOf(warm.client), plainRefs);
    await warm.client.shutdown();

    // One article changed since: analysed on the main thread, the rest restored.
    fs.writeFileSync(probe, text.replace(/^# .*$/m, '# Retitled after the warm start'));
    const later = await start();
    assert.deepStrictEqual([later.indexed.cached, later.indexed.analysts], [single.articles - 1, 0]);
    assert.deepStrictEqual(await symbols(later.client, 'Retitled after the warm'), ['Retitled after the warm start']);
  });
});

describe('analyst threads: entities packed for the trip', function () {
  it('come back as they were, batch after batch, each name sent once and kept once', function () {
    const packer = new EntityPacker();
    const interned = new Map<string, string>();
    const unpacker = new EntityUnpacker((s) => {
      if (!interned.has(s)) interned.set(s, s);
      return interned.get(s)!;
    });
    const texts = [
      ['Acme loses records', 'Acme Corp said 2 million records were taken, according to Jane Doe of the FBI.'],
      ['Globex warns', 'Globex said about 40,000 customers were affected, according to Hank Scorpio. Acme Corp declined to comment.'],
      ['Nothing named', 'it was quiet.'],
      ['Initech fined', 'Initech was fined $280,000 by the FBI and the Federal Trade Commission (FTC), Jane Doe said.'],
    ];
    const summaries = texts.map(([title, body], i) => {
      const text = article(title, body);
      return summarize(extractFacts(`file:///ws/${i}.txt`, text, parse(text).article));
    });
    const plain = (s: DocSummary) => s.entities.map((e) => ({ key: e.key, name: e.name, kind: e.kind, aliases: e.aliases, mentionCount: e.mentionCount, first: [e.firstStart, e.firstEnd], onlyInLinks: e.onlyInLinks, spans: [...eachSpanOf(e)] }));
    const eachSpanOf = function* (e: DocSummary['entities'][number]) {
      const out: number[] = [];
      eachSpan(e, (a, b) => out.push(a, b));
      yield* out;
    };
    const sent: string[] = [];
    // Two batches, each crossing to "another thread" as a structured clone does.
    for (const batch of [summaries.slice(0, 2), summaries.slice(2)]) {
      const { batch: packedBatch, problems } = packer.pack(batch.map((s) => s.entities));
      assert.deepStrictEqual(problems, batch.map(() => undefined));
      const wire = structuredClone(packedBatch);
      sent.push(...wire.strings);
      const packed = unpacker.unpack(wire);
      batch.forEach((s, k) => {
        const back = new PackedSummary(s.uri, s.title, s.titleSpan, s.source, s.date, s.day, s.link, s.authors, s.measures, s.quotes, s.keyed, s.topics, s.topicSpans, s.linksTo, packed[k]);
        assert.deepStrictEqual(plain(back), plain(s), s.title);
      });
    }
    // An article whose entities do not pack (one entity twice: no analysis makes that) is reported and left out;
    // the articles after it in the batch still read their own entities.
    const twice = [summaries[0].entities[0], summaries[0].entities[0]];
    const { batch: mixed, problems } = packer.pack([summaries[1].entities, twice, summaries[3].entities]);
    assert.deepStrictEqual(problems.map((p) => p === undefined ? 'ok' : /could not be packed/.test(p) ? 'failed' : p), ['ok', 'failed', 'ok']);
    const wire = structuredClone(mixed);
    sent.push(...wire.strings);
    const back = unpacker.unpack(wire);
    assert.strictEqual(back.length, 2);
    [summaries[1], summaries[3]].forEach((s, k) => {
      const restored = new PackedSummary(s.uri, s.title, s.titleSpan, s.source, s.date, s.day, s.link, s.authors, s.measures, s.quotes, s.keyed, s.topics, s.topicSpans, s.linksTo, back[k]);
      assert.deepStrictEqual(plain(restored), plain(s), s.title);
    });
    assert.strictEqual(new Set(sent).size, sent.length, 'no name sent twice');
    assert.ok(sent.includes('Acme Corp') && sent.filter((x) => x === 'acme corp').length === 1);
  });
});

describe('corpus cache: writing the index a step at a time', function () {
  let storage: string;
  beforeEach(() => { storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cache-steps-')); });
  afterEach(() => fs.rmSync(storage, { recursive: true, force: true }));

  /** A cache holding `n` analysed articles, ready to commit. */
  function filled(n: number): CorpusCache {
    const cache = CorpusCache.open(storage, 'test-key');
    cache.begin();
    for (let i = 0; i < n; i++) {
      const text = article(`Story ${i}`, `Acme Corp said ${i + 1},000 records were taken.`);
      const uri = `file:///ws/story-${i}.txt`;
      const facts = extractFacts(uri, text, parse(text).article);
      cache.add({ path: `/ws/story-${i}.txt`, size: text.length, mtimeMs: i, ino: i, hash: contentHash(text), origin: 'workspace', summary: summarize(facts), lineStarts: lineStartsOf(text), facts: () => packFacts(facts, text) });
    }
    return cache;
  }
  const files = () => fs.readdirSync(path.join(storage, 'corpus-cache')).sort();

  /** Adds story `i` (as `filled` does) to a cache between `begin` and `commit`. */
  function addStory(cache: CorpusCache, i: number): void {
    const text = article(`Story ${i}`, `Acme Corp said ${i + 1},000 records were taken.`);
    const facts = extractFacts(`file:///ws/story-${i}.txt`, text, parse(text).article);
    cache.add({ path: `/ws/story-${i}.txt`, size: text.length, mtimeMs: i, ino: i, hash: contentHash(text), origin: 'workspace', summary: summarize(facts), lineStarts: lineStartsOf(text), facts: () => packFacts(facts, text) });
  }
  const factsName = (s = storage) => JSON.parse(fs.readFileSync(path.join(s, 'corpus-cache', 'index.json'), 'utf8').split('\n')[0]).facts as string;

  it('a server whose lock another took over writes none of what it appended: its facts are read from memory', function () {
    filled(3).commit();
    const factsFile = path.join(storage, 'corpus-cache', factsName());
    const size = fs.statSync(factsFile).size;
    const index = fs.readFileSync(path.join(storage, 'corpus-cache', 'index.json'));
    const cache = CorpusCache.open(storage, 'test-key');
    cache.begin();
    for (let i = 0; i < 3; i++) cache.keep(cache.entry(`/ws/story-${i}.txt`)!, cache.entry(`/ws/story-${i}.txt`)!);
    const text = article('Story 3', 'Acme Corp said 4,000 records were taken.');
    const facts = extractFacts('file:///ws/story-3.txt', text, parse(text).article);
    const load = cache.add({ path: '/ws/story-3.txt', size: text.length, mtimeMs: 3, ino: 3, hash: contentHash(text), origin: 'workspace', summary: summarize(facts), lineStarts: lineStartsOf(text), facts: () => packFacts(facts, text) });
    // Another server took the lock over (this one was suspended past its age) before the append was written.
    fs.writeFileSync(path.join(storage, 'corpus-cache.lock'), JSON.stringify({ pid: 1, host: 'elsewhere.example', token: 'another-server' }));
    assert.strictEqual(load().uri, 'file:///ws/story-3.txt');
    cache.commit();
    assert.strictEqual(fs.statSync(factsFile).size, size, 'nothing written over the new holder\'s appends');
    assert.ok(fs.readFileSync(path.join(storage, 'corpus-cache', 'index.json')).equals(index), 'nor an index');
  });

  it('never appends to a facts file that has another name too (a hard link): a load that adds an article writes a new one, and the other name keeps its bytes', function () {
    filled(3).commit();
    const facts = factsName();
    const other = path.join(storage, 'elsewhere.bin');
    fs.linkSync(path.join(storage, 'corpus-cache', facts), other);
    const was = fs.readFileSync(other);
    const cache = CorpusCache.open(storage, 'test-key');
    cache.begin();
    for (let i = 0; i < 3; i++) cache.keep(cache.entry(`/ws/story-${i}.txt`)!, cache.entry(`/ws/story-${i}.txt`)!);
    addStory(cache, 3);
    cache.commit();
    assert.ok(fs.readFileSync(other).equals(was), 'nothing appended through the other name');
    assert.notStrictEqual(factsName(), facts);
    const back = CorpusCache.open(storage, 'test-key');
    assert.strictEqual(back.size, 4);
    for (let i = 0; i < 4; i++) assert.strictEqual(back.loader(back.entry(`/ws/story-${i}.txt`)!)().uri, `file:///ws/story-${i}.txt`);
  });

  it('a disk that fills while a compaction copies the kept facts to a new file: they are read from the file they were in, not analysed again', function () {
    filled(3).commit();
    // Dead bytes past the live facts (sparse: no disk used): the next load compacts.
    const facts = path.join(storage, 'corpus-cache', factsName());
    fs.truncateSync(facts, fs.statSync(facts).size + (12 << 20));
    const cache = CorpusCache.open(storage, 'test-key');
    cache.begin();
    const loaders = [0, 1, 2].map((i) => cache.keep(cache.entry(`/ws/story-${i}.txt`)!, cache.entry(`/ws/story-${i}.txt`)!));
    const { writevSync, writeSync } = fs;
    const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    (nodeFs as { writevSync: unknown }).writevSync = () => { throw full(); };
    (nodeFs as { writeSync: unknown }).writeSync = () => { throw full(); };
    try {
      assert.throws(() => cache.commit(), /ENOSPC/);
    } finally {
      (nodeFs as { writevSync: unknown }).writevSync = writevSync;
      (nodeFs as { writeSync: unknown }).writeSync = writeSync;
    }
    assert.match(cache.writeFailure ?? '', /ENOSPC/);
    // The new facts file went; the old one is the index's still.
    assert.deepStrictEqual(files().filter((f) => f.startsWith('facts-')), [path.basename(facts)]);
    assert.deepStrictEqual(loaders.map((load) => load().uri), [0, 1, 2].map((i) => `file:///ws/story-${i}.txt`));
  });

  it('reads the index again when another server renames a new one into place while it is read (the files the old one named are gone by then)', function () {
    // The other server's next index, made in a folder of its own and moved in at the worst moment.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cache-other-'));
    try {
      const next = CorpusCache.open(other, 'test-key');
      next.begin();
      for (let i = 0; i < 5; i++) addStory(next, i);
      next.commit();
      filled(3).commit();
      const dir = path.join(storage, 'corpus-cache');
      const old = fs.readdirSync(dir).filter((f) => /\.bin$/.test(f));
      const { openSync } = fs;
      let swapped = false;
      (nodeFs as { openSync: unknown }).openSync = function (p: fs.PathLike, ...rest: unknown[]) {
        // Once the old index and facts file are open, before its rows file is: the other server commits and cleans up.
        if (!swapped && /rows-[0-9a-f]+\.bin$/.test(String(p)) && path.dirname(String(p)) === dir) {
          swapped = true;
          for (const f of fs.readdirSync(path.join(other, 'corpus-cache'))) if (f !== 'index.json') fs.copyFileSync(path.join(other, 'corpus-cache', f), path.join(dir, f));
          fs.copyFileSync(path.join(other, 'corpus-cache', 'index.json'), path.join(dir, 'index.json.new'));
          fs.renameSync(path.join(dir, 'index.json.new'), path.join(dir, 'index.json'));
          for (const f of old) fs.rmSync(path.join(dir, f));
        }
        return (openSync as (...a: unknown[]) => number).call(fs, p, ...rest);
      };
      let read: CorpusCache;
      try {
        read = CorpusCache.open(storage, 'test-key');
      } finally {
        (nodeFs as { openSync: unknown }).openSync = openSync;
      }
      assert.ok(swapped);
      assert.deepStrictEqual([read.size, read.discarded], [5, undefined]);
      assert.strictEqual(read.loader(read.entry('/ws/story-4.txt')!)().uri, 'file:///ws/story-4.txt');
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('remembers the files found no article with their size, mtime and inode, through a commit; a damaged list is not trusted', function () {
    // (A `fs.Stats` has a ctime too, which the cache does not compare.)
    const stat = (size: number, mtimeMs: number, ino = 7, ctimeMs = mtimeMs + 1) => ({ size, mtimeMs, ino, ctimeMs });
    const cache = filled(2);
    cache.noteNotArticle('/ws/notes/todo.md', stat(120, 5));
    cache.noteNotArticle('/ws/notes/a, "quoted" name.md', stat(7, 1.5));
    cache.commit();
    const back = CorpusCache.open(storage, 'test-key');
    assert.deepStrictEqual([back.size, back.othersSize], [2, 2]);
    // Another size, mtime or inode: read again (a file renamed over it has another inode). Only the ctime moved (a
    // chmod, an extended attribute, a backup tool): trusted, as an article is (`fresh`), and not read again.
    const asked: [string, ReturnType<typeof stat>][] = [['/ws/notes/todo.md', stat(120, 5)], ['/ws/notes/todo.md', stat(121, 5)], ['/ws/notes/todo.md', stat(120, 6)], ['/ws/notes/todo.md', stat(120, 5, 8)], ['/ws/notes/todo.md', stat(120, 5, 7, 99)], ['/ws/notes/a, "quoted" name.md', stat(7, 1.5)], ['/ws/story-0.txt', stat(0, 0)]];
    assert.deepStrictEqual(asked.map(([p, st]) => back.notArticle(p, st)), [true, false, false, false, true, true, false]);
    const story = back.entry('/ws/story-1.txt')!;
    assert.deepStrictEqual([{ ...story, ctimeMs: 99 }, { ...story, ino: 99 }, { ...story, mtimeMs: 99 }].map((st) => back.fresh(story.path, st) === story), [true, false, false]);
    // A new index keeps only what this load noted again.
    back.begin();
    back.noteNotArticle('/ws/notes/todo.md', stat(120, 5));
    back.commit();
    assert.deepStrictEqual([CorpusCache.open(storage, 'test-key').othersSize, CorpusCache.open(storage, 'test-key').notArticle('/ws/notes/a, "quoted" name.md', stat(7, 1.5))], [1, false]);
    const file = path.join(storage, 'corpus-cache', 'index.json');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    for (const damaged of ['[["/ws/notes/todo.md", "120", 5, 7]]', '[["/ws/notes/todo.md", 120, 5]]', '[]', '{}']) {
      fs.writeFileSync(file, [...lines.slice(0, 2), damaged, ...lines.slice(3)].join('\n'));
      const broken = CorpusCache.open(storage, 'test-key');
      assert.deepStrictEqual([broken.size, broken.othersSize, broken.discarded?.startsWith('unreadable')], [0, 0, true], damaged);
    }
  });

  /** Everything a summary tells, read through the accessors features use (packed or not). */
  function told(s: DocSummary, lineStarts: number[] | string): unknown {
    return {
      uri: s.uri, title: s.title, titleSpan: s.titleSpan, source: s.source, date: s.date, day: s.day, link: s.link, authors: s.authors, measures: s.measures, keyed: s.keyed, topics: s.topics, topicSpans: s.topicSpans, linksTo: s.linksTo,
      entities: s.entities.map((e) => {
        const spans: number[] = [];
        eachSpan(e, (a, b) => spans.push(a, b));
        return { key: e.key, name: e.name, kind: e.kind, aliases: [...e.aliases], mentionCount: e.mentionCount, first: firstOf(e), onlyInLinks: e.onlyInLinks, spans };
      }),
      quotes: quotesOf(s),
      lineStarts: typeof lineStarts === 'string' ? unpackNumbers(lineStarts) : lineStarts,
    };
  }

  it('gives back every summary as it was written, kept through a second generation, in a file of ASCII only', function () {
    const texts = fs.readdirSync(path.join(ROOT, 'seeds')).map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));
    // Names, aliases and quotations past ASCII; an entity with several aliases; an article with no entities.
    texts.push(article('Café “Zoë” 🙂', 'The Agence Française de Sécurité (AFS) said 1,000 records were taken. AFS told Zoë Çelik: “nous avons été piratés 🙂 ce matin,” she said. Zoë Çelik works for Société Générale.'));
    texts.push(article('Nothing', 'no one and nothing here.'));
    const cache = CorpusCache.open(storage, 'test-key');
    cache.begin();
    const expected = new Map<string, unknown>();
    texts.forEach((text, i) => {
      const uri = `file:///ws/a-${i}.txt`;
      const facts = extractFacts(uri, text, parse(text).article);
      const summary = summarize(facts);
      expected.set(`/ws/a-${i}.txt`, told(summary, lineStartsOf(text)));
      cache.add({ path: `/ws/a-${i}.txt`, size: text.length, mtimeMs: i, ino: i, hash: contentHash(text), origin: 'workspace', summary, lineStarts: lineStartsOf(text), facts: () => packFacts(facts, text) });
    });
    cache.commit();
    const bytes = fs.readFileSync(path.join(storage, 'corpus-cache', 'index.json'));
    assert.ok(bytes.every((b) => b < 0x80), 'the index is ASCII');
    const nonAscii = (expected.get('/ws/a-3.txt') as { entities: { name: string }[] }).entities.map((e) => e.name).filter((n) => /[^\x00-\x7f]/.test(n));
    assert.ok(nonAscii.length >= 2, `names past ASCII are tested: ${nonAscii}`);
    assert.ok([...expected.values()].some((x) => (x as { entities: { aliases: string[] }[] }).entities.some((e) => e.aliases.length >= 1)), 'an alias is tested');
    assert.ok([...expected.values()].some((x) => (x as { quotes: unknown[] }).quotes.length >= 1), 'a quotation is tested');

    const check = (c: CorpusCache) => {
      assert.strictEqual(c.size, texts.length, c.discarded);
      for (const [file, want] of expected) {
        const e = c.entry(file)!;
        assert.deepStrictEqual(told(e.summary, e.lineStarts), want, file);
      }
    };
    const reopened = CorpusCache.open(storage, 'test-key');
    check(reopened);
    // Kept as they were restored (packed) and written again by a load that changed one file's stat.
    reopened.begin();
    texts.forEach((_, i) => reopened.keep(reopened.entry(`/ws/a-${i}.txt`)!, { size: texts[i].length, mtimeMs: i === 0 ? 99 : i, ino: i }));
    reopened.commit();
    check(CorpusCache.open(storage, 'test-key'));
  });

  it('an index restored from it (entities packed) knows what the index of the analysed articles knows, also after removals', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cache-same-'));
    try {
      generateCorpus(dir, 300, 11);
      const files: string[] = [];
      const walk = (d: string) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(md|txt)$/.test(p)) files.push(p); } };
      walk(dir);
      files.sort();
      const cold = new CorpusIndex();
      const cache = CorpusCache.open(storage, 'test-key');
      cache.begin();
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const facts = extractFacts(fileUri(file), text, parse(text).article);
        cold.set({ facts, lineStarts: lineStartsOf(text), origin: 'workspace' });
        cache.add({ path: file, size: text.length, mtimeMs: 1, ino: 1, hash: contentHash(text), origin: 'workspace', summary: summarize(facts), lineStarts: lineStartsOf(text), facts: () => packFacts(facts, text) });
      }
      cache.commit();
      const restored = CorpusCache.open(storage, 'test-key');
      const warm = new CorpusIndex();
      // In reverse order: answers do not depend on the order articles were indexed in.
      for (const file of [...files].reverse()) {
        const e = restored.entry(file)!;
        warm.setLazy(e.summary, e.lineStarts, 'workspace', restored.loader(e));
      }
      const known = (index: CorpusIndex) => [...index.allEntities()].sort((a, b) => (a.key < b.key ? -1 : 1)).map((e) => {
        const first = index.earliestOf(e);
        const spans: number[] = [];
        for (const [u, view] of e.docs) {
          // Each article's view is of this entity, and its spans are where the article's facts mention it.
          assert.strictEqual(view.key, e.key);
          assert.strictEqual(e.docs.get(u)?.key, e.key);
          if (u !== first?.uri) continue;
          eachSpan(view, (a, b) => spans.push(a, b));
          const mentions = index.get(u)!.facts.entities.find((x) => x.key === e.key)!.mentions.flatMap((m) => [m.span.start, m.span.end]);
          assert.deepStrictEqual(spans, mentions, `${e.key} in ${u}`);
        }
        return { key: e.key, name: e.name, kind: e.kind, aliases: [...e.aliases].sort(), articles: articlesNaming(e), mentions: e.mentionCount, first: first && [first.uri, firstOf(first.view), first.view.name], spans, family: index.family(e.key).map((f) => f.key).sort() };
      });
      const same = () => {
        const a = known(cold);
        assert.ok(a.length > 100, `${a.length} entities compared`);
        assert.deepStrictEqual(known(warm), a);
        assert.deepStrictEqual(workspaceSymbols(warm, ''), workspaceSymbols(cold, ''));
      };
      same();
      // Removing articles forgets each entity's earliest article where it was one of them: worked out again.
      for (const file of files.filter((_, i) => i % 3 === 0)) {
        cold.remove(fileUri(file));
        warm.remove(fileUri(file));
      }
      same();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  /** A cache of one analysed article at `file` (whose URI is `file://` + it); its facts and the index file. */
  function cachedAlone(file: string, text: string): { facts: DocFacts; file: string } {
    const facts = extractFacts(`file://${file}`, text, parse(text).article);
    const cache = CorpusCache.open(storage, 'test-key');
    cache.begin();
    cache.add({ path: file, size: text.length, mtimeMs: 1, ino: 1, hash: contentHash(text), origin: 'workspace', summary: summarize(facts), lineStarts: lineStartsOf(text), facts: () => packFacts(facts, text) });
    cache.commit();
    return { facts, file: path.join(storage, 'corpus-cache', 'index.json') };
  }

  it('quotations damaged in a line are read again from the article\'s facts, and written right the next time', function () {
    const text = article('Quoted', 'Acme Corp said 1,000 records were taken. “We are working around the clock to restore every system,” the company said.');
    const uri = 'file:///ws/q.txt';
    const { facts, file } = cachedAlone('/ws/q.txt', text);
    assert.ok(facts.quotes.length >= 1);
    for (const [i, damage] of ['["we are', '["x",1]', '{}', '["x",5,2]'].entries()) {
      // Read afresh: the last commit wrote a new index, which names a new rows file.
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      const e = JSON.parse(lines[3]);
      assert.ok(e.summary.quotes.length > 2, 'quotations were written');
      e.summary.quotes = damage;
      lines[3] = JSON.stringify(e);
      fs.writeFileSync(file, lines.join('\n'));
      const restored = CorpusCache.open(storage, 'test-key');
      const entry = restored.entry('/ws/q.txt')!;
      const index = new CorpusIndex();
      index.setLazy(entry.summary, entry.lineStarts, 'workspace', restored.loader(entry));
      index.buildQuotes();
      const hits = index.quoteMatches(quoteWords(facts.quotes[0].text), 'file:///ws/other.txt');
      assert.deepStrictEqual(hits.map((h) => h.uri), [uri], damage);
      // Kept with the recovered quotations: the next index written has them right.
      restored.begin();
      restored.keep(entry, { size: text.length, mtimeMs: 2 + i, ino: 1 });
      restored.commit();
      const again = CorpusCache.open(storage, 'test-key').entry('/ws/q.txt')!;
      assert.deepStrictEqual(quotesOf(again.summary), quotesOf(summarize(facts)), damage);
    }
  });

  it('a line whose spans, line starts or entity rows are not what the cache writes is not trusted', function () {
    const { file } = cachedAlone('/ws/s.txt', article('Spans', 'Acme Corp said 1,000 records were taken. Globex said nothing, according to Hank Scorpio.'));
    const good = fs.readFileSync(file, 'utf8').split('\n');
    assert.strictEqual(CorpusCache.open(storage, 'test-key').size, 1);
    const rowsFile = path.join(storage, 'corpus-cache', JSON.parse(good[0]).rows);
    const goodRows = fs.readFileSync(rowsFile);
    // The first article's line: after the header, the table of names and the files that are no article.
    const e = JSON.parse(good[3]);
    const [first, count] = e.summary.rows;
    assert.ok(count >= 2, 'two entities or more');
    // An entity's numbers in the rows file, as `PackedRows` lays them out (packed.ts): name, key, kind, mentions,
    // first start and end, only in links, its part of the spans (from, to), its aliases (at, count); eleven in all.
    const at = (k: number, field: number) => first + 11 * k + field;
    type Damage = [string, (x: typeof e, rows: Int32Array) => void];
    const damages: Damage[] = [
      ['a negative difference past zero', (x) => { x.summary.spans = x.summary.spans.replace(/^[0-9a-z]+/, '5-3'); }],
      ['a number too large', (x) => { x.summary.spans = `zzzzzzzzzzzzzz,1;${x.summary.spans.split(';').slice(1).join(';')}`; }],
      ['an odd count of numbers', (x) => { x.summary.spans = x.summary.spans.replace(/^([0-9a-z]+),[0-9a-z]+/, '$1'); }],
      ['a group too many', (x) => { x.summary.spans += ';1,2'; }],
      ['line starts that are not numbers', (x) => { x.lineStarts = '0,5,-,3'; }],
      ['entities past the end of the rows', (x, rows) => { x.summary.rows = [rows.length - 5, 1]; }],
      ['a count of entities that is no count', (x) => { x.summary.rows = [first, 1.5]; }],
      ['a first mention ending before it starts', (_, rows) => { rows[at(0, 4)] = rows[at(0, 5)] + 10; }],
      ['one entity twice', (_, rows) => { rows[at(1, 1)] = rows[at(0, 1)]; }],
      ['only-in-links neither 0 nor 1', (_, rows) => { rows[at(0, 6)] = 2; }],
      ['a name past the string table', (_, rows) => { rows[at(0, 0)] = 1_000_000; }],
      ['an unknown kind', (_, rows) => { rows[at(1, 2)] = 99; }],
      ['a part of the spans that is not the entity\'s', (_, rows) => { rows[at(1, 7)] += 1; }],
      ['aliases past the end of the rows', (_, rows) => { rows[at(0, 9)] = rows.length; rows[at(0, 10)] = 1; }],
      // Numbers that are all names, but not where the writer puts an entity's aliases.
      ['aliases read from the entities\' own numbers', (_, rows) => { rows[at(0, 9)] = first; rows[at(0, 10)] = 1; }],
    ];
    for (const [what, damage] of damages) {
      const x = JSON.parse(good[3]);
      const rows = new Int32Array(new Uint8Array(goodRows).buffer);
      damage(x, rows);
      fs.writeFileSync(file, [...good.slice(0, 3), JSON.stringify(x), ...good.slice(4)].join('\n'));
      fs.writeFileSync(rowsFile, new Uint8Array(rows.buffer));
      const c = CorpusCache.open(storage, 'test-key');
      assert.deepStrictEqual([c.size, c.discarded?.startsWith('unreadable')], [0, true], what);
    }
    // The rows file cut short (mid-number, or by whole numbers), or gone.
    fs.writeFileSync(file, good.join('\n'));
    for (const cut of [2, 4, 44]) {
      fs.writeFileSync(rowsFile, goodRows.subarray(0, goodRows.length - cut));
      assert.deepStrictEqual([CorpusCache.open(storage, 'test-key').size, CorpusCache.open(storage, 'test-key').discarded?.startsWith('unreadable')], [0, true], `cut short by ${cut} bytes`);
    }
    fs.rmSync(rowsFile);
    assert.deepStrictEqual([CorpusCache.open(storage, 'test-key').size, CorpusCache.open(storage, 'test-key').discarded?.startsWith('unreadable')], [0, true], 'gone');
    // Put back as written, it is read again.
    fs.writeFileSync(rowsFile, goodRows);
    assert.strictEqual(CorpusCache.open(storage, 'test-key').size, 1);
  });

  it('keeps the outlets its articles were analysed knowing, written again when only they change; a header without them is not trusted', function () {
    const cache = filled(3);
    assert.deepStrictEqual([...cache.outlets], []);
    cache.knowing(['harbor lantern', 'bay beacon']);
    cache.commit();
    const reopened = CorpusCache.open(storage, 'test-key');
    assert.deepStrictEqual([...reopened.outlets].sort(), ['bay beacon', 'harbor lantern']);
    // The same articles, kept, with another list of outlets: the index is written again.
    reopened.begin();
    for (let i = 0; i < 3; i++) reopened.keep(reopened.entry(`/ws/story-${i}.txt`)!, reopened.entry(`/ws/story-${i}.txt`)!);
    reopened.knowing(['bay beacon', 'harbor lantern']);
    assert.strictEqual(reopened.changed, false);
    reopened.knowing(['harbor lantern']);
    assert.strictEqual(reopened.changed, true);
    reopened.commit();
    assert.deepStrictEqual([...CorpusCache.open(storage, 'test-key').outlets], ['harbor lantern']);
    // A load that kept everything and knew the same outlets changes nothing.
    const again = CorpusCache.open(storage, 'test-key');
    again.begin();
    for (let i = 0; i < 3; i++) again.keep(again.entry(`/ws/story-${i}.txt`)!, again.entry(`/ws/story-${i}.txt`)!);
    again.knowing(['harbor lantern']);
    assert.strictEqual(again.changed, false);
    // One left out (not followed) is analysed at the next start.
    again.forget('/ws/story-1.txt');
    assert.strictEqual(again.changed, true);
    again.commit();
    assert.deepStrictEqual([CorpusCache.open(storage, 'test-key').size, CorpusCache.open(storage, 'test-key').entry('/ws/story-1.txt')], [2, undefined]);
    // Without the list, the index is not trusted: its articles might not know an outlet.
    const file = path.join(storage, 'corpus-cache', 'index.json');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const header = JSON.parse(lines[0]);
    delete header.outlets;
    fs.writeFileSync(file, [JSON.stringify(header), ...lines.slice(1)].join('\n'));
    const broken = CorpusCache.open(storage, 'test-key');
    assert.strictEqual(broken.size, 0);
    assert.deepStrictEqual([...broken.outlets], []);
    assert.match(broken.discarded ?? '', /bad header/);
  });

  it('renames the index into place only at the end; stopped, it leaves the previous index and no temporary file', function () {
    const first = filled(300);
    first.commit();
    const before = fs.readFileSync(path.join(storage, 'corpus-cache', 'index.json'), 'utf8');
    assert.strictEqual(CorpusCache.open(storage, 'test-key').size, 300);

    const second = filled(1200);
    const steps = second.committing();
    steps.next();
    steps.next();
    assert.ok(files().some((f) => f.endsWith('.tmp')), `a temporary index while writing: ${files()}`);
    assert.strictEqual(fs.readFileSync(path.join(storage, 'corpus-cache', 'index.json'), 'utf8'), before);
    // A newer load stops the write.
    second.begin();
    assert.deepStrictEqual(files().filter((f) => f.endsWith('.tmp')), []);
    assert.strictEqual(CorpusCache.open(storage, 'test-key').size, 300);

    // Written to the end, the new index replaces the old one.
    const third = filled(1200);
    let steps3 = 0;
    for (const w = third.committing(); !w.next().done;) steps3++;
    assert.ok(steps3 > 2, `written in steps (${steps3})`);
    assert.strictEqual(CorpusCache.open(storage, 'test-key').size, 1200);
    assert.deepStrictEqual(files().filter((f) => f.endsWith('.tmp')), []);
  });
});

describe('corpus cache: outlets that come after articles were analysed (loadRoots)', function () {
  this.timeout(60_000);
  const MAX = 5 << 20;
  const story = (source: string, link: string, body: string) => `# A story\n\n## Information:\n+ Source: ${source}\n+ Link: https://example.com/${link}\n+ Date: 2021-08-30\n+ Author: Me\n\n## Article:\n${body}\n`;
  let dir: string;
  let storage: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-follow-'));
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-follow-storage-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });
  const write = (n: number) => {
    for (let i = 1; i <= n; i++) fs.writeFileSync(path.join(dir, `a${i}.txt`), story('Wire', `a${i}`, `The Harbor Lantern reported on Monday that Globex had lost the data of ${i + 1},000 customers.`));
  };
  const kindIn = (index: CorpusIndex, file: string) => index.entity('harbor lantern')?.docs.get(uriOf(file))?.kind;
  const load = async (options: Partial<LoadOptions> = {}) => {
    const index = new CorpusIndex();
    const report = await loadRoots(index, [{ dir, origin: 'workspace' }], { cache: CorpusCache.open(storage, 'test-key'), maxBytes: MAX, analysts: false, ...options });
    report.cache?.commit();
    return { index, report };
  };

  it('a load stopped by a newer one puts nothing more in the index, not even the batch it was reading', async function () {
    write(100);
    for (const withCache of [false, true]) {
      const index = new CorpusIndex();
      let stopped = false;
      let asked = 0;
      // A newer load begins as this one looks at the first file of its second batch (of 32), after reading it.
      await loadRoots(index, [{ dir, origin: 'workspace' }], {
        maxBytes: MAX, analysts: false, cancelled: () => stopped, ...(withCache ? { cache: CorpusCache.open(fs.mkdtempSync(path.join(storage, 'c-')), 'test-key') } : {}),
        isOpen: () => {
          if (++asked === 33) stopped = true;
          return false;
        },
      });
      // The first batch, and the one file it was putting in when it was stopped.
      assert.strictEqual([...index.all()].length, 33, `with a cache: ${withCache}`);
    }
  });

  it('a Source whose file comes during a load stays out of the header, so the next start follows it', async function () {
    write(100);
    const y = path.join(dir, 'y.txt');
    let once = false;
    // The watcher's event, after the load has read the folder and the Sources: the index has y, the analysed articles do not know it.
    const first = new CorpusIndex();
    const report = await loadRoots(first, [{ dir, origin: 'workspace' }], {
      cache: CorpusCache.open(storage, 'test-key'), maxBytes: MAX, analysts: false,
      progress: () => {
        if (once) return;
        once = true;
        fs.writeFileSync(y, story('Harbor Lantern', 'y', 'Globex confirmed the breach on Tuesday.'));
        void reloadFile(first, y, 'workspace', MAX);
      },
    });
    report.cache!.commit();
    assert.strictEqual(kindIn(first, path.join(dir, 'a1.txt')), 'organisation');
    assert.ok(!CorpusCache.open(storage, 'test-key').outlets.has('harbor lantern'));
    const next = await load();
    assert.strictEqual(next.report.followed, 100);
    assert.strictEqual(kindIn(next.index, path.join(dir, 'a1.txt')), 'outlet');
    assert.strictEqual((await load()).report.followed, 0);
  });

  it('an article renamed over while the load that follows a new Source reads it (the same size and mtime, another inode) leaves the cache, and the next start analyses it', async function () {
    write(3);
    const a1 = path.join(dir, 'a1.txt');
    // A whole second, which the file system keeps exactly.
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    fs.utimesSync(a1, mtime, mtime);
    await load();
    fs.writeFileSync(path.join(dir, 'y.txt'), story('Harbor Lantern', 'y', 'Globex confirmed the breach on Tuesday.'));
    // Another company, the same length, renamed over a1 between the follow's two looks at it (before it is read, and
    // after it is analysed: `onResult`), its mtime set to a1's.
    const other = fs.readFileSync(a1, 'utf8').replace('Globex', 'Qlobex');
    const { statSync } = fs;
    let swapped = false;
    (nodeFs as { statSync: unknown }).statSync = function (p: fs.PathLike, ...rest: unknown[]) {
      if (String(p) === a1 && !swapped && /\bonResult\b/.test(new Error().stack ?? '')) {
        swapped = true;
        const beside = path.join(dir, '.a1.new');
        fs.writeFileSync(beside, other);
        fs.utimesSync(beside, mtime, mtime);
        fs.renameSync(beside, a1);
      }
      return (statSync as (...a: unknown[]) => unknown).call(fs, p, ...rest);
    };
    let second: Awaited<ReturnType<typeof load>>;
    try {
      second = await load();
    } finally {
      (nodeFs as { statSync: unknown }).statSync = statSync;
    }
    assert.ok(swapped);
    assert.strictEqual(second.report.followed, 2);
    assert.strictEqual(CorpusCache.open(storage, 'test-key').entry(a1), undefined, 'what was analysed is not taken for the file now there');
    await load();
    assert.strictEqual(CorpusCache.open(storage, 'test-key').entry(a1)?.hash, contentHash(other), 'the file now there is analysed');
  });

  it('an article opened during the load that follows leaves the cache, and the next start analyses it', async function () {
    write(3);
    await load();
    fs.writeFileSync(path.join(dir, 'y.txt'), story('Harbor Lantern', 'y', 'Globex confirmed the breach on Tuesday.'));
    const a1 = path.join(dir, 'a1.txt');
    const open = new Set<string>();
    // Opened once restored: the editor has it now, and what its cache entry knows cannot be told from the index.
    const second = await load({ isOpen: (u) => open.has(u), progress: () => open.add(uriOf(a1)) });
    assert.strictEqual(second.report.followed, 2);
    const cache = CorpusCache.open(storage, 'test-key');
    assert.ok(cache.outlets.has('harbor lantern'));
    assert.strictEqual(cache.entry(a1), undefined);
    const third = await load();
    assert.deepStrictEqual([1, 2, 3].map((i) => kindIn(third.index, path.join(dir, `a${i}.txt`))), ['outlet', 'outlet', 'outlet']);
  });
});

describe('corpus cache: a seed shadowed by a copy when an outlet comes (loadRoots)', function () {
  this.timeout(60_000);
  it('leaves the cache unfollowed, so it comes back knowing the outlet when the copy goes', async function () {
    const seeds = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-follow-seeds-'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-follow-ws-'));
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-follow-storage-'));
    try {
      for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(seeds, f));
      const seed = path.join(seeds, fs.readdirSync(seeds).sort()[0]);
      const roots = [{ dir: seeds, origin: 'seed' as const }, { dir, origin: 'workspace' as const }];
      const load = async () => {
        const index = new CorpusIndex();
        const report = await loadRoots(index, roots, { cache: CorpusCache.open(storage, 'test-key'), maxBytes: 5 << 20, analysts: false });
        report.cache!.commit();
        return { index, report };
      };
      const kindIn = (index: CorpusIndex, file: string) => index.entity('hudson rock')?.docs.get(uriOf(file))?.kind;
      const first = await load();
      assert.strictEqual(kindIn(first.index, seed), 'organisation');
      // The writer keeps a copy of the seed (same Link): the copy stands for it. And an article of Hudson Rock's own comes.
      fs.copyFileSync(seed, path.join(dir, 'copy.txt'));
      fs.writeFileSync(path.join(dir, 'y.txt'), '# A story\n\n## Information:\n+ Source: Hudson Rock\n+ Link: https://example.com/y\n+ Date: 2021-08-30\n+ Author: Me\n\n## Article:\nGlobex confirmed the breach on Tuesday.\n');
      const second = await load();
      assert.strictEqual(second.index.get(uriOf(seed)), undefined, 'the seed is shadowed');
      assert.strictEqual(kindIn(second.index, path.join(dir, 'copy.txt')), 'outlet');
      const cache = CorpusCache.open(storage, 'test-key');
      assert.ok(cache.outlets.has('hudson rock'));
      assert.strictEqual(cache.entry(seed), undefined, 'the shadowed seed was not followed, so it is not kept');
      fs.rmSync(path.join(dir, 'copy.txt'));
      assert.strictEqual(kindIn((await load()).index, seed), 'outlet');
    } finally {
      for (const d of [seeds, dir, storage]) fs.rmSync(d, { recursive: true, force: true });
    }
  });
});
