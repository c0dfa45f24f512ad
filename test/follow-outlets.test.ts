/**
 * An outlet that comes after articles were analysed (its first article added on disk while the server runs, saved
 * in the editor, or added while no server ran) becomes an outlet in the articles that named it before: the
 * server's `followSources` and the loads' `followOutlets`, over stdio with real files and a real cache. The
 * made-up outlets ("Bay Beacon", "Harbor Lantern") are names no heuristic makes an outlet, so that only the
 * Source can; "the Justice Department" stays an organisation when "Department of Justice" is an outlet.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileUri, LspClient } from './helpers/lsp';

function story(source: string, link: string, body: string): string {
  return `# A story\n\n## Information:\n+ Source: ${source}\n+ Link: https://example.com/${link}\n+ Date: 2021-08-30\n+ Author: Me\n\n## Article:\n${body}\n`;
}

/** An article of the folder that names "The Bay Beacon" (the i-th, so that no two are copies). */
function naming(i: number, more = ''): string {
  return story('Wire', `a${i}`, `The Bay Beacon reported on Monday that Globex had lost the data of ${i + 1},000 customers.${more}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('outlets that come later (stdio)', function () {
  this.timeout(120_000);
  let dir: string;
  let storage: string;
  let clients: LspClient[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-new-outlet-'));
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-new-outlet-storage-'));
    clients = [];
  });
  afterEach(async () => {
    for (const c of clients) await c.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  const file = (name: string) => path.join(dir, name);
  const write = (name: string, text: string) => fs.writeFileSync(file(name), text);
  /** A server on the folder (with the storage unless `cached` is false), its first index done; `open` opened and checked. */
  async function start(open?: string, cached = true): Promise<{ c: LspClient; indexed: any }> {
    const c = new LspClient();
    clients.push(c);
    await c.initialize(fileUri(dir), { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }, cached ? { storagePath: storage } : undefined);
    const indexed = await c.notification('breachDesk/indexed');
    if (open) {
      await c.open(fileUri(file(open)), fs.readFileSync(file(open), 'utf8'));
      await c.diagnostics(fileUri(file(open)));
    }
    return { c, indexed };
  }
  async function stop(c: LspClient): Promise<void> {
    clients.splice(clients.indexOf(c), 1);
    await c.shutdown();
  }
  /** The kind the card of `name` gives (the articles' majority), hovered in the open article `at`. */
  async function kindOf(c: LspClient, at: string, name: string): Promise<string | undefined> {
    const text = fs.readFileSync(file(at), 'utf8');
    const offset = text.indexOf(name) + 1;
    const line = text.slice(0, offset).split('\n').length - 1;
    const character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
    const h = await c.request('textDocument/hover', { textDocument: { uri: fileUri(file(at)) }, position: { line, character } });
    return new RegExp(`^\\*\\*${name}\\*\\* · (\\w+)$`, 'm').exec(h?.contents.value ?? '')?.[1];
  }
  async function becomes(c: LspClient, at: string, name: string, kind: string, ms = 15_000): Promise<void> {
    for (const until = Date.now() + ms; Date.now() < until; await sleep(100)) if (await kindOf(c, at, name) === kind) return;
    assert.fail(`"${name}" is still ${await kindOf(c, at, name)}, not ${kind}`);
  }
  const indexedOf = (c: LspClient) => c.notifications.filter((n) => n.method === 'breachDesk/indexed').map((n) => n.params);
  const changed = (c: LspClient, names: string[], type = 1) => c.notify('workspace/didChangeWatchedFiles', { changes: names.map((n) => ({ uri: fileUri(file(n)), type })) });

  it('becomes an outlet in the articles read before it: at once, after a second load, and from the cache once', async function () {
    // "Bay Beacon" is named by four files on disk and the open one: the card's kind (the articles' majority) is the
    // files'. "Harbor Lantern" is named by the open one alone: the card's kind is its.
    for (let i = 1; i <= 5; i++) write(`a${i}.txt`, naming(i, i === 1 ? ' The Harbor Lantern reported it first.' : ''));
    let { c, indexed } = await start('a1.txt');
    // No article has them as its Source yet: names like people's.
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Bay Beacon'), 'organisation');
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Harbor Lantern'), 'organisation');
    // A Source typed in an unsaved document changes no other article: not when it is typed, nor when the files
    // that name it are read again.
    const draft = fileUri(file('draft.txt'));
    await c.open(draft, story('Wire', 'draft', 'Globex said nothing.'));
    await c.notify('textDocument/didChange', { textDocument: { uri: draft, version: 2 }, contentChanges: [{ text: story('Bay Beacon', 'draft', 'Globex said nothing.') }] });
    await c.diagnostics(draft, (p) => p.version === 2);
    await changed(c, ['a2.txt', 'a3.txt', 'a4.txt', 'a5.txt'], 2);
    await sleep(500);
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Bay Beacon'), 'organisation');
    await c.notify('textDocument/didClose', { textDocument: { uri: draft } });
    // Their first articles come. One outside the editor: the open document is analysed again.
    write('z.txt', story('Harbor Lantern', 'z', 'Globex confirmed the breach on Tuesday.'));
    await changed(c, ['z.txt']);
    await becomes(c, 'a1.txt', 'Harbor Lantern', 'outlet');
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Bay Beacon'), 'organisation');
    // One written in the editor and saved (it stays open): the files on disk are analysed again.
    write('y.txt', story('Bay Beacon', 'y', 'Globex confirmed the breach on Tuesday.'));
    await c.open(fileUri(file('y.txt')), fs.readFileSync(file('y.txt'), 'utf8'));
    await changed(c, ['y.txt']);
    await becomes(c, 'a1.txt', 'Bay Beacon', 'outlet');
    // A second load restores the four on disk from the first load's cache, as they were analysed then: it
    // analyses them again (the open one is the editor's), though the outlet's own article is open.
    await c.request('breachDesk/reindex', {});
    assert.deepStrictEqual(indexedOf(c).map((p) => p.followed), [0, 4]);
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Bay Beacon'), 'outlet');
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Harbor Lantern'), 'outlet');
    await stop(c);
    // A restart restores them from the second load's cache, which knows that its articles know both: nothing to follow.
    ({ c, indexed } = await start('a1.txt'));
    assert.strictEqual(indexed.followed, 0);
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Bay Beacon'), 'outlet');
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Harbor Lantern'), 'outlet');
  });

  it('an open article\'s saved Source is followed once the writer stops typing, if it is still saved then (autosave saves half-typed names)', async function () {
    for (let i = 1; i <= 5; i++) write(`a${i}.txt`, naming(i));
    const { c } = await start('a1.txt', false);
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Bay Beacon'), 'organisation');
    // A new article, saved by autosave while its Source reads "Bay Beacon", then again as "Bay Beacon Post".
    const y = fileUri(file('y.txt'));
    const save = async (source: string, version: number) => {
      const text = story(source, 'y', 'Globex confirmed the breach on Tuesday.');
      if (version === 1) await c.open(y, text);
      else await c.notify('textDocument/didChange', { textDocument: { uri: y, version }, contentChanges: [{ text }] });
      write('y.txt', text);
      await changed(c, ['y.txt'], version === 1 ? 1 : 2);
    };
    await save('Bay Beacon', 1);
    // (VS Code's autosave waits a second after the last keystroke.)
    await sleep(1000);
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Bay Beacon'), 'organisation');
    await save('Bay Beacon Post', 2);
    // Past the quiet time, the follow has run: "Bay Beacon" is no Source on disk, so the articles still name a person.
    await sleep(4500);
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Bay Beacon'), 'organisation');
    // Saved so again, for good: it is followed after all.
    await save('Bay Beacon', 3);
    await becomes(c, 'a1.txt', 'Bay Beacon', 'outlet');
  });

  it('one that many articles name otherwise is followed by a load (the rest restored from the cache)', async function () {
    for (let i = 1; i <= 210; i++) write(`a${i}.txt`, naming(i));
    const { c } = await start('a1.txt');
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Bay Beacon'), 'organisation');
    write('y.txt', story('Bay Beacon', 'y', 'Globex confirmed the breach on Tuesday.'));
    await changed(c, ['y.txt']);
    for (const until = Date.now() + 30_000; indexedOf(c).length < 2 && Date.now() < until;) await sleep(50);
    assert.strictEqual(indexedOf(c).length, 2, 'a second load');
    assert.strictEqual(await kindOf(c, 'a1.txt', 'Bay Beacon'), 'outlet');
  });

  it('one that many articles keep naming otherwise sets off one load, not one per event', async function () {
    for (let i = 1; i <= 210; i++) write(`a${i}.txt`, story('Wire', `a${i}`, `Binns filed a lawsuit against the FBI and the Justice Department in ${2000 + (i % 20)}, he said.`));
    const { c } = await start();
    write('y.txt', story('Department of Justice', 'y', 'Globex confirmed the breach on Tuesday.'));
    await changed(c, ['y.txt']);
    for (const until = Date.now() + 30_000; indexedOf(c).length < 2 && Date.now() < until;) await sleep(50);
    assert.strictEqual(indexedOf(c).length, 2, 'a load follows it');
    assert.ok(indexedOf(c)[1].followed >= 210, JSON.stringify(indexedOf(c)[1]));
    // They still name an organisation; the file changes again: the load knew the Source, nothing more is done.
    fs.appendFileSync(file('y.txt'), '\nMore.\n');
    await changed(c, ['y.txt'], 2);
    await sleep(1500);
    await c.request('workspace/symbol', { query: 'Binns' });
    assert.strictEqual(indexedOf(c).length, 2);
  });

  it('a warm start follows one added while no server ran, once, on analyst threads when many articles name it', async function () {
    // Enough files for the load to use analyst threads, and enough naming it for them to follow it.
    const N = 210;
    for (let i = 1; i <= N; i++) write(`a${i}.txt`, naming(i));
    const run = async () => {
      const { c, indexed } = await start('a1.txt');
      const kind = await kindOf(c, 'a1.txt', 'Bay Beacon');
      await stop(c);
      return { kind, indexed };
    };
    let s = await run();
    assert.deepStrictEqual([s.kind, s.indexed.followed], ['organisation', 0]);
    write('y.txt', story('Bay Beacon', 'y', 'Globex confirmed the breach on Tuesday.'));
    // Those restored are analysed again, once (the document is opened after the load).
    s = await run();
    assert.deepStrictEqual([s.kind, s.indexed.followed, s.indexed.analysts > 0], ['outlet', N, true]);
    s = await run();
    assert.deepStrictEqual([s.kind, s.indexed.followed], ['outlet', 0]);
  });

  it('one followed is followed once, even where the analysis keeps its name something else ("Justice Department")', async function () {
    for (let i = 1; i <= 3; i++) write(`a${i}.txt`, story('Wire', `a${i}`, `Binns filed a lawsuit against the FBI and the Justice Department in November ${2018 + i}, he said.`));
    const run = async () => {
      const { c, indexed } = await start();
      await stop(c);
      return indexed.followed as number;
    };
    assert.strictEqual(await run(), 0);
    write('y.txt', story('Department of Justice', 'y', 'Globex confirmed the breach on Tuesday.'));
    // The three (and any seed) name it as an organisation: analysed again, they still do ("the Justice
    // Department" is one).
    const followed = await run();
    assert.ok(followed >= 3, `followed ${followed}`);
    // The cache records that they were analysed knowing it: not again.
    assert.strictEqual(await run(), 0);
  });
});
