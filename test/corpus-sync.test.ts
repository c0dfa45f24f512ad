/**
 * The corpus the server holds follows the disk and the editor, over stdio:
 * a re-index forgets what is gone, open articles are checked again when the
 * corpus changes under them, workspace folders come and go at runtime, a
 * fixed or deleted pins file takes its problems with it, and settings that
 * do not change the corpus do not re-read it. From a protocol audit.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { canonicalUri, canonicalUris, uriOf } from '../server/src/lsp/workspace';
import { closeWorkspace, fileUri, LspClient, openWorkspace, ROOT, type PublishedDiagnostics, type Workspace } from './helpers/lsp';

const EVAL = path.join(ROOT, 'test', 'eval', 'articles');
const A1 = 'a1_corvane_ledger.txt';
const A4 = 'a4_corvane_secweek.txt';
const read = (name: string) => fs.readFileSync(path.join(EVAL, name), 'utf8');
const hasConflict = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.some((d) => d.code === 'figure.conflict');

/** Waits for a publication for `uri` made after this call that satisfies `accept`. */
function next(client: LspClient, uri: string): (accept: (p: PublishedDiagnostics) => boolean) => Promise<PublishedDiagnostics> {
  const list = () => (client as unknown as { published: Map<string, PublishedDiagnostics[]> }).published.get(uri) ?? [];
  const n = list().length;
  return (accept) => client.diagnostics(uri, (p) => list().indexOf(p) >= n && accept(p));
}

describe('the corpus follows the disk and the editor (stdio)', function () {
  this.timeout(60000);
  let ws: Workspace | undefined;
  afterEach(async () => {
    if (ws) await closeWorkspace(ws);
    ws = undefined;
  });

  it('open articles are checked again when a watched file comes or goes, or another is closed unsaved', async function () {
    ws = await openWorkspace('bd-sync-', { [A1]: read(A1) });
    const { client, dir } = ws;
    const a1 = fileUri(path.join(dir, A1));
    await client.open(a1, read(A1));
    const first = await client.diagnostics(a1);
    assert.ok(!hasConflict(first), JSON.stringify(first.diagnostics.map((d) => d.code)));
    // A conflicting article appears on disk.
    fs.writeFileSync(path.join(dir, A4), read(A4));
    const a4 = fileUri(path.join(dir, A4));
    let wait = next(client, a1);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: a4, type: 1 }] });
    await wait(hasConflict);
    // It goes again: so does the conflict, with no edit of a1.
    fs.rmSync(path.join(dir, A4));
    wait = next(client, a1);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: a4, type: 3 }] });
    await wait((p) => !hasConflict(p));
    // On disk an article that agrees; in the editor, unsaved, it disagrees; closed unsaved, the corpus goes back to
    // the disk, and a1 is told.
    fs.writeFileSync(path.join(dir, A4), read(A4).replace(/2\.1 million/g, '1.2 million'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: a4, type: 1 }] });
    wait = next(client, a1);
    await client.open(a4, read(A4));
    await wait(hasConflict);
    wait = next(client, a1);
    await client.notify('textDocument/didClose', { textDocument: { uri: a4 } });
    await wait((p) => !hasConflict(p));
  });

  it('an unsaved untitled draft is checked against the corpus, but is no source for other articles', async function () {
    ws = await openWorkspace('bd-sync-', { [A1]: read(A1) });
    const { client, dir } = ws;
    const a1 = fileUri(path.join(dir, A1));
    await client.open(a1, read(A1));
    const draft = 'untitled:Untitled-1';
    let wait = next(client, draft);
    await client.open(draft, read(A4).replace('https://secweek.example', 'https://draft.example'));
    // The draft disagrees with a1, and is told so…
    await wait(hasConflict);
    // …but a1 is not told that an unsaved draft disagrees with it, and its figure card does not cite the draft.
    wait = next(client, a1);
    await client.notify('textDocument/didChange', { textDocument: { uri: a1, version: 2 }, contentChanges: [{ text: read(A1) + ' ' }] });
    const p = await wait(() => true);
    assert.ok(!hasConflict(p), JSON.stringify(p.diagnostics.map((d) => d.code)));
    const at = read(A1).split('\n').findIndex((l) => l.includes('1.2 million'));
    const hover = await client.request('textDocument/hover', { textDocument: { uri: a1 }, position: { line: at, character: read(A1).split('\n')[at].indexOf('1.2 million') + 1 } });
    assert.ok(!/untitled:/.test(JSON.stringify(hover)), JSON.stringify(hover));
  });

  it('a placeholder ("# Unknown") is no source, read from disk by a load without threads or open in the editor; named, it is one', async function () {
    const ghost = read(A4).replace('# What we know about the Corvane Wireless hack', '# Unknown');
    assert.notStrictEqual(ghost, read(A4));
    ws = await openWorkspace('bd-sync-', { [A1]: read(A1), [A4]: ghost });
    const { client, dir } = ws;
    const a1 = fileUri(path.join(dir, A1));
    const a4 = fileUri(path.join(dir, A4));
    await client.open(a1, read(A1));
    const first = await client.diagnostics(a1);
    assert.ok(!hasConflict(first), JSON.stringify(first.diagnostics.map((d) => d.code)));
    // Open in the editor and given its title, it is a source at once; a placeholder again, it is none.
    await client.open(a4, ghost);
    let wait = next(client, a1);
    await client.notify('textDocument/didChange', { textDocument: { uri: a4, version: 2 }, contentChanges: [{ text: read(A4) }] });
    await wait(hasConflict);
    wait = next(client, a1);
    await client.notify('textDocument/didChange', { textDocument: { uri: a4, version: 3 }, contentChanges: [{ text: ghost }] });
    await wait((p) => !hasConflict(p));
  });

  it('a re-index forgets an article deleted without a watcher event; a watcher event outside the folders is ignored', async function () {
    ws = await openWorkspace('bd-sync-', { [A1]: read(A1), [A4]: read(A4) });
    const { client, dir } = ws;
    const symbols = async (q: string) => ((await client.request('workspace/symbol', { query: q })) as { location: { uri: string } }[]).map((s) => s.location.uri);
    assert.ok((await symbols('SecWeek')).includes(fileUri(path.join(dir, A4))));
    fs.rmSync(path.join(dir, A4));
    const n = client.notifications.filter((x) => x.method === 'breachDesk/indexed').length;
    await client.request('breachDesk/reindex', null);
    while (client.notifications.filter((x) => x.method === 'breachDesk/indexed').length <= n) await new Promise((r) => setTimeout(r, 20));
    assert.ok(!(await symbols('SecWeek')).includes(fileUri(path.join(dir, A4))));
    // An article outside every folder of the corpus, announced by a watcher: not indexed.
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-sync-outside-'));
    try {
      fs.writeFileSync(path.join(outside, A4), read(A4));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(outside, A4)), type: 1 }] });
      // A request after the notification is answered after it.
      assert.deepStrictEqual((await symbols('SecWeek')).filter((u) => u.includes('bd-sync-outside-')), []);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('watched-file changes are taken in the order they came: a file changed, then deleted, is gone', async function () {
    ws = await openWorkspace('bd-sync-', { [A1]: read(A1) });
    const { client, dir } = ws;
    const symbols = async (q: string) => ((await client.request('workspace/symbol', { query: q })) as { location: { uri: string } }[]).map((s) => s.location.uri);
    // On disk all along, so that reading it succeeds: only the order of the events says it is gone.
    fs.writeFileSync(path.join(dir, A4), read(A4));
    const a4 = fileUri(path.join(dir, A4));
    const later = path.join(dir, 'later.txt');
    fs.writeFileSync(later, read(A1).replace(/^# .*/m, '# Quillfeather later story').replace(/(\+ Link: .*?)(\)?)$/m, '$1-later$2'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: a4, type: 1 }] });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: a4, type: 3 }] });
    // A third batch, to know when the second is done.
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(later), type: 1 }] });
    while (!(await symbols('Quillfeather later')).includes(fileUri(later))) await new Promise((r) => setTimeout(r, 20));
    assert.deepStrictEqual((await symbols('SecWeek')).filter((u) => u === a4), []);
  });

  it('workspace folders added at runtime are indexed, removed ones forgotten', async function () {
    const a = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-sync-a-'));
    const b = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-sync-b-'));
    fs.writeFileSync(path.join(a, A1), read(A1));
    fs.writeFileSync(path.join(b, A4), read(A4));
    const client = new LspClient();
    try {
      const init = await client.request('initialize', { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: fileUri(a), name: 'a' }], capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
      assert.deepStrictEqual(init.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
      await client.notify('initialized', {});
      await client.notification('breachDesk/indexed');
      const symbols = async (q: string) => ((await client.request('workspace/symbol', { query: q })) as { location: { uri: string } }[]).map((s) => s.location.uri);
      const count = () => client.notifications.filter((x) => x.method === 'breachDesk/indexed').length;
      const reindexed = async (n: number) => { while (count() <= n) await new Promise((r) => setTimeout(r, 20)); };
      let n = count();
      await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(b), name: 'b' }], removed: [] } });
      await reindexed(n);
      assert.ok((await symbols('SecWeek')).includes(fileUri(path.join(b, A4))));
      n = count();
      await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: fileUri(b), name: 'b' }] } });
      await reindexed(n);
      assert.ok(!(await symbols('SecWeek')).includes(fileUri(path.join(b, A4))));
    } finally {
      await client.shutdown();
      fs.rmSync(a, { recursive: true, force: true });
      fs.rmSync(b, { recursive: true, force: true });
    }
  });

  it('a deleted pins file takes its problems with it', async function () {
    ws = await openWorkspace('bd-sync-', { [A1]: read(A1), '.breachdesk/entities.json': '{ "entities": [ { "name": "Corvane", "kind": "wizard" } ] }' });
    const { client, dir } = ws;
    const pins = fileUri(path.join(dir, '.breachdesk', 'entities.json'));
    await client.diagnostics(pins, (p) => p.diagnostics.some((d) => d.code === 'config.invalid'));
    fs.rmSync(path.join(dir, '.breachdesk', 'entities.json'));
    const wait = next(client, pins);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pins, type: 3 }] });
    await wait((p) => p.diagnostics.length === 0);
  });

  it('a setting that does not change the corpus re-checks open articles without re-reading the corpus', async function () {
    ws = await openWorkspace('bd-sync-', { [A1]: read(A1), [A4]: read(A4) });
    const { client, dir } = ws;
    const a1 = fileUri(path.join(dir, A1));
    await client.open(a1, read(A1));
    const conflict = await client.diagnostics(a1, hasConflict);
    assert.strictEqual(conflict.diagnostics.find((d) => d.code === 'figure.conflict')!.severity, 2);
    const indexing = () => client.notifications.filter((x) => x.method === 'breachDesk/indexing').length;
    const before = indexing();
    client.settings = { severity: { 'figure.conflict': 'error' } };
    let wait = next(client, a1);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await wait((p) => p.diagnostics.some((d) => d.code === 'figure.conflict' && d.severity === 1));
    assert.strictEqual(indexing(), before, 'the corpus was read again for a severity');
    // The size limit does change the corpus: read again, and the open article is held to it at once.
    client.settings = { maxFileSize: 0.001 };
    wait = next(client, a1);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await wait((p) => p.diagnostics.some((d) => d.code === 'file.too-large'));
    assert.ok(indexing() > before);
  });

  it('a position past the end of a line of an article that is not open means the line\'s end', async function () {
    ws = await openWorkspace('bd-sync-', { [A1]: read(A1) });
    const { client } = ws;
    // The bundled seed: its first line is shorter than 60 characters, and the next one names John Binns.
    const seed = path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt');
    const lines = fs.readFileSync(seed, 'utf8').split('\n');
    assert.ok(lines[0].length < 60 && /John Binns/.test(lines[1].slice(0, 20)), lines.slice(0, 2).join('\n'));
    const hover = await client.request('textDocument/hover', { textDocument: { uri: fileUri(seed) }, position: { line: 0, character: 60 } });
    assert.ok(!hover || hover.range.start.line === 0, JSON.stringify(hover?.range));
    const highlights = (await client.request('textDocument/documentHighlight', { textDocument: { uri: fileUri(seed) }, position: { line: 0, character: 60 } })) as unknown[] | null;
    const atEnd = (await client.request('textDocument/documentHighlight', { textDocument: { uri: fileUri(seed) }, position: { line: 0, character: lines[0].length } })) as unknown[] | null;
    assert.deepStrictEqual(highlights, atEnd);
  });

  it('malformed code action params are InvalidParams; fixes forged in diagnostic data are not echoed', async function () {
    ws = await openWorkspace('bd-sync-', { [A1]: read(A1) });
    const { client, dir } = ws;
    const a1 = fileUri(path.join(dir, A1));
    await client.open(a1, read(A1));
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    for (const context of [undefined, {}, { diagnostics: [], only: 'quickfix' }]) {
      await assert.rejects(client.request('textDocument/codeAction', { textDocument: { uri: a1 }, range, context }), (e: { code?: number; message?: string }) => e.code === -32602 && /context/.test(e.message ?? ''));
    }
    const forged = { range, message: 'x', source: 'breach-desk', data: { fixes: [{ title: 5, edits: 'zz' }, { title: 'ok', edits: [{ range, newText: '#' }] }] } };
    const actions = (await client.request('textDocument/codeAction', { textDocument: { uri: a1 }, range, context: { diagnostics: [null, forged], only: ['quickfix'] } })) as { title: unknown }[];
    assert.deepStrictEqual(actions.map((a) => a.title), ['ok']);
  });
});

describe('URIs as clients spell them, folders that come and go, documents open as no article (stdio)', function () {
  this.timeout(60000);
  const art = (title: string, link: string, body: string) => `# ${title}\n### Sub.\n\n## Information:\n+ Source: ThreatPost\n+ Link: ${link}\n+ Date: 2021-08-28 12:58:00\n+ Author: Lisa Vaas\n\n## Article:\n${body}\n\n#### Tags:\n[[Zorblax Industries]]\n`;
  let ws: Workspace | undefined;
  afterEach(async () => {
    if (ws) await closeWorkspace(ws);
    ws = undefined;
  });
  /** Workspace symbols found in the test's folder (a fuzzy query finds names in the seeds too). */
  const symbols = async (client: LspClient, q: string) => ((await client.request('workspace/symbol', { query: q })) as { location: { uri: string } }[]).map((s) => s.location.uri).filter((u) => ws && u.startsWith(fileUri(ws.dir)));
  /** Polls `probe` until it holds (the server takes watcher batches one after another, in the background). */
  const until = async (what: string, probe: () => Promise<boolean>) => {
    for (let t = Date.now(); !(await probe()); await new Promise((r) => setTimeout(r, 25))) if (Date.now() - t > 20_000) assert.fail(what);
  };

  it('canonicalUri: one spelling of a file\'s URI; other schemes, queries and fragments as written; every URI of a message', function () {
    const node = uriOf(path.join(os.tmpdir(), "Zorblax (update), Q&A's.txt"));
    const vscode = node.replace(/[(),&']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    assert.notStrictEqual(vscode, node);
    assert.strictEqual(canonicalUri(vscode), node);
    assert.strictEqual(canonicalUri(vscode.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())), node);
    for (const same of ['untitled:Untitled-1', 'file:///a/b.txt?version=2', 'file:///a/b.txt#L3', 'https://example.com/a%28b%29']) assert.strictEqual(canonicalUri(same), same);
    const message = {
      textDocument: { uri: vscode, text: `see ${vscode}` },
      changes: [{ uri: vscode, type: 1 }],
      rootUri: vscode,
      workspaceFolders: [{ uri: vscode, name: 'x' }],
      context: { diagnostics: [{ data: { uri: vscode } }] },
    };
    canonicalUris(message);
    assert.deepStrictEqual([message.textDocument.uri, message.changes[0].uri, message.rootUri, message.workspaceFolders[0].uri, message.context.diagnostics[0].data.uri], [node, node, node, node, node]);
    // Text is text.
    assert.strictEqual(message.textDocument.text, `see ${vscode}`);
  });

  it('a file\'s URI spelt as VS Code spells it (%28, %2C, %26) is the file the server indexed: one article, closed and deleted cleanly', async function () {
    const name = 'Zorblax (update), Q&A.txt';
    const text = art('Zorblax story', 'https://e.com/z', 'Quentin Marlowe said Zorblax Industries lost 7 million customer records.');
    ws = await openWorkspace('bd-uri-', { [name]: text });
    const { client, dir } = ws;
    // vscode-uri's spelling: every reserved character percent-encoded; and a client that writes the escapes in lower case.
    const vscode = fileUri(dir) + '/' + encodeURIComponent(name).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const lower = vscode.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
    assert.notStrictEqual(vscode, fileUri(path.join(dir, name)));
    await client.open(vscode, text);
    const d = await client.diagnostics(vscode);
    assert.deepStrictEqual(d.diagnostics.filter((x) => String(x.code).startsWith('corpus.')), [], 'not a copy of itself');
    assert.strictEqual((await symbols(client, 'Quentin')).length, 1);
    const refs = (await client.request('textDocument/references', { textDocument: { uri: lower }, position: { line: 10, character: 2 }, context: { includeDeclaration: true } })) as { uri: string }[];
    assert.ok(refs.length >= 1 && new Set(refs.map((r) => r.uri)).size === 1, JSON.stringify(refs));
    await client.notify('textDocument/didClose', { textDocument: { uri: lower } });
    fs.rmSync(path.join(dir, name));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: vscode, type: 3 }] });
    await until('the deleted file forgotten', async () => (await symbols(client, 'Quentin')).length === 0);
  });

  it('a folder deleted, created or renamed outside the editor takes its articles with it, or brings them', async function () {
    ws = await openWorkspace('bd-folder-', {
      'sub/a.txt': art('Zorblax Industries breached', 'https://example.com/a', 'Quentin Marlowe said Zorblax Industries lost 7 million customer records.'),
      'sub/deep/b.txt': art('Zorblax again', 'https://example.com/b', 'Ottoline Vesper said Zorblax Industries lost 9 million customer records.'),
      'c.txt': art('Zorblax thrice', 'https://example.com/c', 'Zorblax Industries said 9 million customer records were stolen.'),
    });
    const { client, dir } = ws;
    assert.strictEqual((await symbols(client, 'Quentin')).length, 1);
    // Renamed: VS Code's watcher says the old folder went and the new one came, nothing of the files in them.
    fs.renameSync(path.join(dir, 'sub'), path.join(dir, 'moved'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'sub')), type: 3 }, { uri: fileUri(path.join(dir, 'moved')), type: 1 }] });
    await until('the articles under their new folder', async () => {
      const found = [...(await symbols(client, 'Quentin')), ...(await symbols(client, 'Ottoline'))];
      return found.length === 2 && found.every((u) => u.includes('/moved/'));
    });
    fs.rmSync(path.join(dir, 'moved'), { recursive: true });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'moved')), type: 3 }] });
    await until('the folder\'s articles forgotten', async () => (await symbols(client, 'Quentin')).length === 0 && (await symbols(client, 'Ottoline')).length === 0);
    // The article beside the folder stays; a file of another kind deleted or created is nothing to the corpus.
    fs.writeFileSync(path.join(dir, 'photo.png'), 'not an article');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'photo.png')), type: 1 }, { uri: fileUri(path.join(dir, 'gone.pdf')), type: 3 }] });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'c.txt')), type: 2 }] });
    await until('c.txt kept', async () => (await symbols(client, 'Zorblax thrice')).length === 1);
  });

  it('a watcher batch is taken as its last change of each file; links, hidden folders, node_modules and a folder named like an article are read as a load reads them', async function () {
    ws = await openWorkspace('bd-folder2-', {
      'b.txt': art('Zorblax again', 'https://example.com/b', 'Quentin Marlowe said Zorblax Industries lost 9 million customer records.'),
      'notes.md/a.txt': art('Zorblax notes', 'https://example.com/n', 'Ottoline Vesper said Zorblax Industries lost 7 million customer records.'),
    });
    const { client, dir } = ws;
    const b = fileUri(path.join(dir, 'b.txt'));
    // Made, removed and made again within one batch (two watchers each report it): it is there.
    await client.notify('workspace/didChangeWatchedFiles', { changes: [1, 1, 3, 3, 1, 1].map((type) => ({ uri: b, type })) });
    // A folder named like an article, deleted: its article goes.
    fs.rmSync(path.join(dir, 'notes.md'), { recursive: true });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'notes.md')), type: 3 }] });
    await until('the folder "notes.md" forgotten', async () => (await symbols(client, 'Ottoline')).length === 0);
    assert.deepStrictEqual(await symbols(client, 'Quentin'), [b]);
    // A link to a folder the corpus reads already, a hidden folder and node_modules, created: nothing new is read.
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'c.txt'), art('Zorblax thrice', 'https://example.com/c', 'Philippa Quorn said Zorblax Industries lost 9 million customer records.'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'sub')), type: 1 }] });
    await until('the new folder read', async () => (await symbols(client, 'Philippa')).length === 1);
    fs.symlinkSync(path.join(dir, 'sub'), path.join(dir, 'link'));
    for (const hidden of ['.trash', 'node_modules']) {
      fs.mkdirSync(path.join(dir, hidden, 'pkg'), { recursive: true });
      fs.writeFileSync(path.join(dir, hidden, 'pkg', 'README.md'), art(`Hidden ${hidden}`, `https://example.com/${hidden}`, 'Zebedee Vantongeren said Zorblax Industries lost 3 million customer records.'));
    }
    await client.notify('workspace/didChangeWatchedFiles', { changes: ['link', '.trash/pkg', 'node_modules/pkg', 'node_modules'].map((f) => ({ uri: fileUri(path.join(dir, f)), type: 1 })) });
    // (A batch after it, to know it is done.)
    fs.writeFileSync(path.join(dir, 'd.txt'), art('Zorblax four', 'https://example.com/d', 'Ignatius Brewe said Zorblax Industries lost 9 million customer records.'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'd.txt')), type: 1 }] });
    await until('the batch after it', async () => (await symbols(client, 'Ignatius')).length === 1);
    assert.deepStrictEqual(await symbols(client, 'Philippa'), [fileUri(path.join(dir, 'sub', 'c.txt'))]);
    assert.deepStrictEqual(await symbols(client, 'Zebedee'), []);
  });

  it('a corpus file open as no article (plain text) gets no answers from the saved file\'s facts', async function () {
    const saved = art('Zorblax again', 'https://example.com/b', 'Zorblax Industries said 9 million customer records were stolen.');
    ws = await openWorkspace('bd-plain-', { 'b.txt': saved });
    const { client, dir } = ws;
    const uri = fileUri(path.join(dir, 'b.txt'));
    const line = saved.split('\n').findIndex((l) => l.startsWith('Zorblax Industries said'));
    // Saved, the line holds a name: the server answers there.
    assert.ok(await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } }));
    await client.open(uri, 'just a note\n', 'plaintext');
    await client.request('workspace/symbol', { query: 'x' });
    for (const method of ['textDocument/hover', 'textDocument/documentHighlight', 'textDocument/definition']) {
      assert.strictEqual(await client.request(method, { textDocument: { uri }, position: { line, character: 3 } }), null, method);
    }
    assert.strictEqual(await client.request('textDocument/references', { textDocument: { uri }, position: { line, character: 3 }, context: { includeDeclaration: true } }), null);
  });
});
