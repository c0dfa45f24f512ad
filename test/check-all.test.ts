/**
 * "Check All Articles" (`breachDesk/checkAll`) over stdio: every article of
 * the workspace folders is checked, the closed ones' problems are published
 * as an open one's would be, the counts come back; the listed articles stay
 * listed when closed and follow their files on disk; seeds are never listed.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCorpus } from '../bench/generate';
import { closeWorkspace, fileUri, LspClient, openWorkspace, type PublishedDiagnostics, type Workspace } from './helpers/lsp';
import { ROOT } from './helpers/lsp';

const EVAL = path.join(ROOT, 'test', 'eval', 'articles');
const A1 = 'a1_corvane_ledger.txt';
const A4 = 'a4_corvane_secweek.txt';
const read = (name: string) => fs.readFileSync(path.join(EVAL, name), 'utf8');
const codes = (p: PublishedDiagnostics | undefined) => (p?.diagnostics ?? []).map((d) => String(d.code)).sort();

/** The last publication for `uri`, if any. */
function last(client: LspClient, uri: string): PublishedDiagnostics | undefined {
  const list = (client as unknown as { published: Map<string, PublishedDiagnostics[]> }).published.get(uri) ?? [];
  return list[list.length - 1];
}

/** An article in the layout the seeds use. */
const article = (title: string, source: string, date: string, body: string) => `# ${title}\n### A subtitle\n\n## Information:\n+ Source: ${source}\n+ Link: [article](https://news.example/${encodeURIComponent(title)})\n+ Date: ${date}\n+ Author: Jane Roe\n\n## Article:\n${body}\n\n#### Tags:\n[[Example]]\n`;

/** Polls until the last publication for `uri` satisfies `accept`. */
async function until(client: LspClient, uri: string, accept: (p: PublishedDiagnostics | undefined) => boolean): Promise<PublishedDiagnostics | undefined> {
  for (let t = Date.now(); !accept(last(client, uri)); await new Promise((r) => setTimeout(r, 25))) {
    if (Date.now() - t > 20_000) assert.fail(`no publication for ${uri} as expected; last: ${JSON.stringify(last(client, uri))}`);
  }
  return last(client, uri);
}

describe('Check All Articles (stdio)', function () {
  this.timeout(60_000);
  let ws: Workspace | undefined;
  afterEach(async () => {
    if (ws) await closeWorkspace(ws);
    ws = undefined;
  });

  it('lists every workspace article\'s problems, open or closed, counts them, and keeps them as files change', async function () {
    ws = await openWorkspace('bd-checkall-', { [A1]: read(A1), [A4]: read(A4), 'notes/todo.txt': 'Buy milk.\n' });
    const { client, dir } = ws;
    const a1 = fileUri(path.join(dir, A1));
    const a4 = fileUri(path.join(dir, A4));
    // Nothing is published for a closed article until asked.
    assert.strictEqual(last(client, a1), undefined);
    const r = await client.request<{ articles: number; of: number; errors: number; warnings: number; notes: number; cancelled: boolean }>('breachDesk/checkAll', {});
    assert.deepStrictEqual([r.articles, r.of, r.cancelled], [2, 2, false]);
    const p1 = last(client, a1);
    const p4 = last(client, a4);
    assert.ok(p1 && p4, 'both closed articles published');
    // The conflict between the two, as an open article is told of it, with its place in the file.
    assert.ok(codes(p1).includes('figure.conflict') || codes(p4).includes('figure.conflict'), `${codes(p1)} / ${codes(p4)}`);
    const all = [...p1.diagnostics, ...p4.diagnostics];
    assert.strictEqual(r.errors + r.warnings + r.notes, all.length);
    assert.strictEqual(r.warnings, all.filter((d) => d.severity === 2).length);
    // Never a seed, nor a file that is no article.
    for (const uri of (client as unknown as { published: Map<string, unknown> }).published.keys()) assert.ok(uri.startsWith(fileUri(dir)), uri);
    assert.strictEqual(last(client, fileUri(path.join(dir, 'notes', 'todo.txt'))), undefined);

    // Opened, the article is the editor's; closed again, its problems stay listed (the file's).
    await client.open(a1, read(A1));
    await client.diagnostics(a1, (p) => p.version === 1);
    await client.notify('textDocument/didClose', { textDocument: { uri: a1 } });
    const again = await until(client, a1, (p) => p !== undefined && p.version === undefined && p.diagnostics.length > 0);
    assert.deepStrictEqual(codes(again), codes(p1));

    // An open article's edit that settles a conflict settles it in the listed article too (its measure is checked again).
    assert.ok(codes(last(client, a4)).includes('figure.conflict'), codes(last(client, a4)).join(' '));
    await client.open(a1, read(A1));
    await client.diagnostics(a1, (p) => p.version === 1);
    await client.notify('textDocument/didChange', { textDocument: { uri: a1, version: 2 }, contentChanges: [{ text: read(A1).replace('roughly 1.2 million', 'roughly 2.1 million') }] });
    await until(client, a4, (p) => !codes(p).includes('figure.conflict'));
    // Closed unsaved, the conflict is back.
    await client.notify('textDocument/didClose', { textDocument: { uri: a1 } });
    await until(client, a4, (p) => codes(p).includes('figure.conflict'));

    // Changed on disk: listed as it is now; deleted: gone from the list.
    fs.writeFileSync(path.join(dir, A4), read(A4).replace('## Article:\n', '## Article:\nThe the firm said so.\n\n'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: a4, type: 2 }] });
    await until(client, a4, (p) => codes(p).includes('article.repeated-word'));
    fs.rmSync(path.join(dir, A4));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: a4, type: 3 }] });
    await until(client, a4, (p) => p !== undefined && p.diagnostics.length === 0);
    // Run again: one article now. (Asked with `[]` for no params, as Neovim sends an empty Lua table.)
    const r2 = await client.request<{ articles: number }>('breachDesk/checkAll', []);
    assert.strictEqual(r2.articles, 1);
  });

  it('says why a file is skipped (too large, not UTF-8), as the CLI does, and checks it once it can be read', async function () {
    const big = read(A1).replace('## Article:\n', `## Article:\n${'Filler words for a long article. '.repeat(60)}\n\n`);
    ws = await openWorkspace('bd-checkall2-', { 'big.txt': big, 'unknown.txt': '# Unknown\n\n## Article:\nUnknown\n', [A4]: read(A4) }, { maxFileSize: 0.002 });
    const { client, dir } = ws;
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from(read(A1).replace('Corvane', 'Corvané'), 'latin1'));
    await client.request('breachDesk/reindex', {});
    await client.request('breachDesk/checkAll', {});
    const codesOf = (name: string) => codes(last(client, fileUri(path.join(dir, name))));
    assert.deepStrictEqual(codesOf('big.txt'), ['file.too-large']);
    assert.match(last(client, fileUri(path.join(dir, 'big.txt')))!.diagnostics[0].message, /^Skipped: .* is more than the 2\.0 KB limit\.$/);
    assert.deepStrictEqual(codesOf('latin1.txt'), ['file.encoding']);
    // A placeholder, "# Unknown", is left out of the corpus by every load, and listed all the same, as the CLI does.
    assert.deepStrictEqual(codesOf('unknown.txt'), ['article.placeholder']);
    // Made small enough, the file is read and checked like the others.
    fs.writeFileSync(path.join(dir, 'big.txt'), read(A1));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'big.txt')), type: 2 }] });
    await until(client, fileUri(path.join(dir, 'big.txt')), (p) => !codes(p).includes('file.too-large'));
  });

  it('waits for the quotation index: right after a load, a quotation altered in a closed article is listed', async function () {
    const files: Record<string, string> = {
      'b_wire.txt': article('APT group targets defense', 'Wire', 'Oct. 26, 2021', 'The researchers said: “This APT group has been behind large-scale cyber-espionage campaigns against the defense industry.”'),
      'a_post.txt': article('APT group targets crypto', 'Post', 'Oct. 27, 2021', 'The researchers said: “This APT group has been behind large-scale cyber-espionage campaigns against the crypto industry.”'),
      // (Read by an analyst thread, as every file of a load this size.)
      'unknown.txt': '# Unknown\n\n## Article:\nUnknown\n',
    };
    // Enough articles that the quotation index and the table of names, built after the first load, take a while.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-checkall3-'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    generateCorpus(path.join(dir, 'generated'), 1200, 3);
    const client = new LspClient();
    ws = { dir, client };
    // With a storage folder, as VS Code gives one: the load runs on analyst threads.
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-checkall3-storage-'));
    await client.initialize(fileUri(dir), undefined, { storagePath: storage });
    const indexed: { analysts: number } = await client.notification('breachDesk/indexed');
    assert.ok(indexed.analysts > 0, JSON.stringify(indexed));
    const r = await client.request<{ articles: number; cancelled: boolean }>('breachDesk/checkAll', {});
    assert.ok(!r.cancelled && r.articles > 1200, JSON.stringify(r));
    assert.ok(codes(last(client, fileUri(path.join(dir, 'a_post.txt')))).includes('quote.altered'));
    assert.deepStrictEqual(codes(last(client, fileUri(path.join(dir, 'unknown.txt')))), ['article.placeholder']);
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('an article open during the run is listed from its file once closed; a run asked during a re-index runs to its end; an edit that changes no figure re-checks nothing', async function () {
    ws = await openWorkspace('bd-checkall4-', { [A1]: read(A1), [A4]: read(A4) });
    const { client, dir } = ws;
    const a1 = fileUri(path.join(dir, A1));
    const a4 = fileUri(path.join(dir, A4));
    await client.open(a1, read(A1));
    await client.diagnostics(a1, (p) => p.version === 1);
    const r = await client.request<{ articles: number; of: number; cancelled: boolean }>('breachDesk/checkAll', {});
    assert.deepStrictEqual([r.articles, r.of, r.cancelled], [2, 2, false]);
    await client.notify('textDocument/didClose', { textDocument: { uri: a1 } });
    await until(client, a1, (p) => p !== undefined && p.version === undefined && p.diagnostics.length > 0);
    // A re-index and a run at once: the run waits for the load and is not stopped by the one the load starts.
    const [, again] = await Promise.all([client.request('breachDesk/reindex', {}), client.request<{ articles: number; cancelled: boolean }>('breachDesk/checkAll', {})]);
    assert.deepStrictEqual([again.articles, again.cancelled], [2, false]);
    // Words that change no figure: the closed article is not checked again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const published = () => ((client as unknown as { published: Map<string, unknown[]> }).published.get(a4) ?? []).length;
    const before = published();
    await client.open(a1, read(A1));
    for (let v = 2; v <= 4; v++) {
      await client.notify('textDocument/didChange', { textDocument: { uri: a1, version: v }, contentChanges: [{ text: read(A1).replace('## Article:\n', `## Article:\n${'Word '.repeat(v)}\n\n`) }] });
      await client.diagnostics(a1, (p) => p.version === v);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.strictEqual(published(), before);
  });

  it('an article changed or created on disk re-checks the listed ones that share its measure; a severity change, a folder that goes, a new article saved and closed, a link to nothing', async function () {
    ws = await openWorkspace('bd-checkall5-', { [A4]: read(A4), 'sub/big.txt': read(A1) + '\n'.repeat(3000) }, { maxFileSize: 0.002 });
    const { client, dir } = ws;
    const a1 = fileUri(path.join(dir, A1));
    const a4 = fileUri(path.join(dir, A4));
    fs.symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'dangling.txt'));
    await client.request('breachDesk/reindex', {});
    const r = await client.request<{ articles: number; of: number }>('breachDesk/checkAll', {});
    assert.deepStrictEqual([r.articles, r.of], [3, 3]);
    assert.deepStrictEqual(codes(last(client, fileUri(path.join(dir, 'sub', 'big.txt')))), ['file.too-large']);
    assert.deepStrictEqual(codes(last(client, fileUri(path.join(dir, 'dangling.txt')))), ['file.unreadable']);
    assert.ok(!codes(last(client, a4)).includes('figure.conflict'));
    // Created on disk, a1 disagrees with a4: both are told.
    fs.writeFileSync(path.join(dir, A1), read(A1));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: a1, type: 1 }] });
    await until(client, a4, (p) => codes(p).includes('figure.conflict'));
    // Changed on disk to agree: a4's conflict goes.
    fs.writeFileSync(path.join(dir, A1), read(A1).replace('roughly 1.2 million', 'roughly 2.1 million'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: a1, type: 2 }] });
    await until(client, a4, (p) => !codes(p).includes('figure.conflict'));
    // Settings sent again unchanged: nothing is checked again.
    const published = (uri: string) => ((client as unknown as { published: Map<string, unknown[]> }).published.get(uri) ?? []).length;
    const before = published(a4);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.strictEqual(published(a4), before);
    // A severity changed: the closed articles are listed under it.
    client.settings = { maxFileSize: 0.002, severity: { 'file.too-large': 'off' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await until(client, fileUri(path.join(dir, 'sub', 'big.txt')), (p) => p !== undefined && p.diagnostics.length === 0);
    client.settings = { maxFileSize: 0.002 };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await until(client, fileUri(path.join(dir, 'sub', 'big.txt')), (p) => codes(p).includes('file.too-large'));
    // Its folder deleted: the skipped file's problem goes too.
    fs.rmSync(path.join(dir, 'sub'), { recursive: true });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'sub')), type: 3 }] });
    await until(client, fileUri(path.join(dir, 'sub', 'big.txt')), (p) => p !== undefined && p.diagnostics.length === 0);
    // A new article written in the editor, saved and closed: listed as one made on disk.
    const fresh = fileUri(path.join(dir, 'fresh.txt'));
    const text = read(A4).replace('## Article:\n', '## Article:\nThe the firm said so.\n\n').replace(/\+ Link: .*/, '+ Link: https://example.com/fresh');
    await client.open(fresh, text);
    await client.diagnostics(fresh, (p) => p.version === 1);
    fs.writeFileSync(path.join(dir, 'fresh.txt'), text);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fresh, type: 1 }] });
    await client.notify('textDocument/didClose', { textDocument: { uri: fresh } });
    await until(client, fresh, (p) => p !== undefined && p.version === undefined && codes(p).includes('article.repeated-word'));
  });

  it('an edit to a name or a quotation re-checks the listed articles that write the name, or one a letter off, or quote those words', async function () {
    const DEFENSE = 'The researchers said: “This APT group has been behind large-scale cyber-espionage campaigns against the defense industry.”';
    const CRYPTO = 'The researchers said: “This APT group has been behind large-scale cyber-espionage campaigns against the crypto industry.”';
    const KASPERSKY = 'Researchers at Kaspersky found the loader in July.';
    ws = await openWorkspace('bd-checkall8-', {
      '1.txt': article('Loader found', 'Wire', 'Oct. 20, 2021', KASPERSKY),
      '2.txt': article('Loader spreads', 'Post', 'Oct. 21, 2021', KASPERSKY),
      '3.txt': article('APT group targets defense', 'Wire', 'Oct. 26, 2021', `${KASPERSKY} ${DEFENSE}`),
      'new.txt': article('APT group targets crypto', 'Post', 'Oct. 27, 2021', `Researchers at Kasperksy saw it too. ${CRYPTO}`),
    });
    const { client, dir } = ws;
    const uriOf = (name: string) => fileUri(path.join(dir, name));
    const fresh = uriOf('new.txt');
    await client.request('breachDesk/checkAll', {});
    assert.deepStrictEqual(codes(last(client, fresh)), ['name.variant', 'quote.altered']);
    // Another article writes the name so too: it is no misspelling of this one's alone any more.
    const two = article('Loader spreads', 'Post', 'Oct. 21, 2021', KASPERSKY);
    await client.open(uriOf('2.txt'), two);
    await client.notify('textDocument/didChange', { textDocument: { uri: uriOf('2.txt'), version: 2 }, contentChanges: [{ text: two.replace('Kaspersky', 'Kasperksy') }] });
    await until(client, fresh, (p) => codes(p).join() === 'quote.altered');
    // Written as before: the name is this article's alone again.
    await client.notify('textDocument/didChange', { textDocument: { uri: uriOf('2.txt'), version: 3 }, contentChanges: [{ text: two }] });
    await until(client, fresh, (p) => codes(p).join() === 'name.variant,quote.altered');
    // The quotation worded in the other article as here: this one's mark goes.
    const three = article('APT group targets defense', 'Wire', 'Oct. 26, 2021', `${KASPERSKY} ${DEFENSE}`);
    await client.open(uriOf('3.txt'), three);
    await client.notify('textDocument/didChange', { textDocument: { uri: uriOf('3.txt'), version: 2 }, contentChanges: [{ text: three.replace(DEFENSE, CRYPTO) }] });
    await until(client, fresh, (p) => codes(p).join() === 'name.variant');
  });

  it('in restricted mode says so: no folder is read', async function () {
    const client = new LspClient();
    ws = { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'bd-checkall6-')), client };
    fs.writeFileSync(path.join(ws.dir, A4), read(A4));
    await client.initialize(fileUri(ws.dir), undefined, { trusted: false });
    await client.notification('breachDesk/indexed');
    const r = await client.request<{ articles: number; restricted?: boolean }>('breachDesk/checkAll', {});
    assert.deepStrictEqual([r.articles, r.restricted], [0, true]);
    assert.strictEqual(last(client, fileUri(path.join(ws.dir, A4))), undefined);
  });

  it('an article of a breachDesk.corpus folder deleted on disk settles the conflict it gave a listed article', async function () {
    const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-checkall7-corpus-'));
    fs.writeFileSync(path.join(corpus, A1), read(A1));
    try {
      ws = await openWorkspace('bd-checkall7-', { [A4]: read(A4) }, { corpus: [corpus] });
      const { client, dir } = ws;
      const a4 = fileUri(path.join(dir, A4));
      const r = await client.request<{ articles: number }>('breachDesk/checkAll', {});
      assert.strictEqual(r.articles, 1);
      assert.ok(codes(last(client, a4)).includes('figure.conflict'));
      fs.rmSync(path.join(corpus, A1));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(corpus, A1)), type: 3 }] });
      await until(client, a4, (p) => !codes(p).includes('figure.conflict'));
    } finally {
      fs.rmSync(corpus, { recursive: true, force: true });
    }
  });
});
