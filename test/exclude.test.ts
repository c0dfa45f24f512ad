/**
 * `breachDesk.exclude` and `breach-desk check --exclude`: which paths a list
 * of glob patterns leaves out of the corpus, and which patterns are refused.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exclusion, patternProblem, relativePath } from '../server/src/node/exclude';
import { readSettings } from '../server/src/lsp/settings';
import { walkArticleFiles } from '../server/src/node/fsutil';
import { excludedFrom, SEEDS_DIR, type Root } from '../server/src/lsp/workspace';
import { closeWorkspace, fileUri, LspClient, openWorkspace, ROOT, type PublishedDiagnostics, type Workspace } from './helpers/lsp';

const EVAL = path.join(ROOT, 'test', 'eval', 'articles');
/** Two articles of one story: A4's 2.1 million prepaid customers conflicts with A1's 1.2 million. */
const A1 = 'a1_corvane_ledger.txt';
const A4 = 'a4_corvane_secweek.txt';
const read = (name: string) => fs.readFileSync(path.join(EVAL, name), 'utf8');
const hasConflict = (p: PublishedDiagnostics) => p.diagnostics.some((d) => d.code === 'figure.conflict');

describe('exclude patterns', function () {
  const e = exclusion(['drafts/**', '**/*.draft.txt', 'archive/2019/**', 'scratch', 'notes/', './old/*']);
  const out = (rel: string) => e.excludes(rel);

  it('leave out what a pattern matches, or a folder it matches, relative to the folder read', function () {
    for (const rel of ['drafts/a.txt', 'drafts/deep/a.txt', 'a.draft.txt', 'x/y/a.draft.txt', 'archive/2019/q1/a.txt', 'scratch/a.txt', 'notes/a.txt', 'old/a.txt', 'old/sub/a.txt', '.hidden.draft.txt']) {
      assert.ok(out(rel), rel);
    }
    for (const rel of ['a.txt', 'x/drafts/a.txt', 'archive/2020/a.txt', 'archive/a.txt', 'scratchpad/a.txt', 'notes.txt', 'a.draft.md', 'drafts.txt']) {
      assert.ok(!out(rel), rel);
    }
  });

  it('tell a walk which folders not to go into', function () {
    for (const dir of ['drafts', 'archive/2019', 'scratch', 'notes', 'old/sub']) assert.ok(e.leavesOut(dir, true), dir);
    for (const dir of ['archive', 'x', 'old']) assert.ok(!e.leavesOut(dir, true), dir);
    // The folder read is never left out by its own path.
    assert.ok(!exclusion(['**']).excludes(''));
  });

  it('"*" stays in one folder, "**" crosses folders, and braces and classes work', function () {
    const x = exclusion(['*.draft.txt', '{tmp,temp}/**', 'v[0-9].txt']);
    assert.ok(x.excludes('a.draft.txt'));
    assert.ok(!x.excludes('sub/a.draft.txt'));
    assert.ok(x.excludes('temp/a.txt') && x.excludes('tmp/a.txt') && !x.excludes('tmpl/a.txt'));
    assert.ok(x.excludes('v1.txt') && !x.excludes('vx.txt'));
    // Extended globs are not read: "+(a|b)" is the name it spells.
    const ext = exclusion(['+(a|b).txt']);
    assert.ok(!ext.excludes('a.txt') && ext.excludes('+(a|b).txt'));
  });

  it('case counts where the file system says it does', function () {
    const folded = process.platform === 'win32' || process.platform === 'darwin';
    assert.strictEqual(exclusion(['Drafts/**']).excludes('drafts/a.txt'), folded);
  });

  it('refuse, in words, what cannot be used, and leave it out of the list', function () {
    const problems: [string, RegExp][] = [
      ['', /is empty/],
      ['   ', /is empty/],
      ['!drafts/keep.txt', /cannot bring back/],
      ['/home/me/drafts/**', /absolute path/],
      ['C:/drafts/**', /absolute path/],
      ['drafts\\**', /backslash/],
      ['../other/**', /goes up out of the folder/],
      ['*a*a*a*b', /more than 3 "\*" in one name/],
      ['{1..100000}.txt', /expands to more than 1000 patterns/],
      // Stars spread over names, or multiplied by braces, cost as much.
      ['**/*a*a*a/**/*a*a*a/**/*a*a*a/**/b', /more than 2 "\*" beyond the first of each name/],
      ['*a*a*a/*a*a*a/*a*a*a/b', /more than 2 "\*" beyond the first of each name/],
      ['**/a/**/a/**/a/**/a/**/b', /more than 3 "\*\*"/],
      ['{**/a/**/a/**/a,x}/**/b', /more than 3 "\*\*"/],
      ['{a,[a]}{a,[a]}{a,[a]}{a,[a]}{a,[a]}{a,[a]}{a,[a]}{a,[a]}{a,[a]}*a*a*a', /expands to more than 4 patterns with a name of 3 "\*"/],
      ['a'.repeat(70000), /too long/],
    ];
    for (const [p, re] of problems) assert.match(patternProblem(p) ?? 'usable', re, p.slice(0, 30));
    for (const p of ['drafts/**', './drafts/', ' drafts ', '**/*.draft.txt', '*a*a*b', '#notes', 'x/**/y', '**/{drafts,old}/**/*.{txt,md}', '**/*draft*/**/*.txt', '*/*/*/*/*.txt', '**/{a*,b*}/{c*,d*}/x*.txt', '**/*a*a/**/*a*a/**/b', '**/{*draft*,*old*}', '**/a/**/b/**/c']) assert.strictEqual(patternProblem(p), undefined, p);
    // A refused pattern leaves nothing out; the others still do.
    const mixed = exclusion(['!a.txt', 'b.txt']);
    assert.ok(!mixed.excludes('a.txt') && !mixed.excludes('c.txt') && mixed.excludes('b.txt'));
  });

  it('the most "*" a pattern may have match quickly even against the worst paths', function () {
    // Spread over names and "**": two names of two "*" each (the most allowed), a deep path of a's. (No clock: what
    // these caps refuse takes minutes, so a cap too loose fails by this test's time limit.)
    this.timeout(20_000);
    const x = exclusion(['**/*a*a/**/*a*a/**/b', '*/*/*/*/*.txt', '**/a/**/a/**/b']);
    const deep = Array.from({ length: 8 }, () => 'a'.repeat(40)).join('/') + '/c.txt';
    assert.ok(!x.excludes(deep));
    assert.ok(!x.excludes(Array.from({ length: 1000 }, () => 'a').join('/') + '/c.txt'));
  });

  it('the most "*" a name may have match quickly even against the worst file name', function () {
    // Three "*" are allowed: the worst file name a file system allows fails in milliseconds. (Times are the
    // benchmark's to measure: a backtracking match of four "*" or more would take minutes, past this limit.)
    this.timeout(20_000);
    const x = exclusion(['*a*a*b']);
    assert.ok(!x.excludes('a'.repeat(255) + 'c'));
  });

  it('paths are made relative with forward slashes, and none outside the folder', function () {
    const dir = path.join(path.sep, 'ws');
    assert.strictEqual(relativePath(dir, path.join(dir, 'drafts', 'a.txt')), 'drafts/a.txt');
    assert.strictEqual(relativePath(dir, dir), '');
    assert.strictEqual(relativePath(dir, path.join(dir, '..foo.txt')), '..foo.txt');
    assert.strictEqual(relativePath(dir, path.join(path.sep, 'other', 'a.txt')), undefined);
    assert.strictEqual(relativePath(dir, path.join(path.sep, 'wsx', 'a.txt')), undefined);
  });
});

describe('exclude patterns and links', function () {
  it('a link is no way round them: one to an excluded file or folder is left out, one to a file kept is walked', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-exclude-link-'));
    try {
      fs.mkdirSync(path.join(dir, 'drafts', 'more'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'drafts', 'x.txt'), 'draft');
      fs.writeFileSync(path.join(dir, 'kept.txt'), 'kept');
      fs.symlinkSync(path.join(dir, 'drafts', 'x.txt'), path.join(dir, 'a.txt'));
      fs.symlinkSync(path.join(dir, 'drafts', 'more'), path.join(dir, 'linked'));
      fs.symlinkSync(path.join(dir, 'kept.txt'), path.join(dir, 'b.txt'));
      fs.writeFileSync(path.join(dir, 'drafts', 'more', 'y.txt'), 'draft');
      const files = await walkArticleFiles([dir], undefined, undefined, exclusion(['drafts/']));
      assert.deepStrictEqual(files.map((f) => path.relative(dir, f)), ['b.txt', 'kept.txt']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('breachDesk.exclude: the setting', function () {
  const readWith = (exclude: unknown) => {
    const warnings: string[] = [];
    return { exclude: readSettings({ exclude }, (m) => warnings.push(m)).exclude, warnings };
  };

  it('takes a list of patterns; absent, it leaves nothing out', function () {
    assert.deepStrictEqual(readWith(['drafts/**', '**/*.draft.txt']), { exclude: ['drafts/**', '**/*.draft.txt'], warnings: [] });
    assert.deepStrictEqual(readWith(undefined), { exclude: [], warnings: [] });
    assert.deepStrictEqual(readWith(null), { exclude: [], warnings: [] });
    assert.deepStrictEqual(readSettings(undefined, () => assert.fail('no warning')).exclude, []);
  });

  it('says in plain words what is wrong with a bad value, and ignores it alone', function () {
    assert.deepStrictEqual(readWith('drafts/**'), { exclude: [], warnings: ['breachDesk.exclude: "drafts/**" is not a list of glob patterns such as "drafts/**"; ignored.'] });
    assert.deepStrictEqual(readWith({ drafts: true }).exclude, []);
    const mixed = readWith(['drafts/**', 42, '!drafts/keep.txt', '', '/home/me/drafts/**']);
    assert.deepStrictEqual(mixed.exclude, ['drafts/**']);
    assert.deepStrictEqual(mixed.warnings, [
      'breachDesk.exclude: 42 is not a glob pattern: patterns are text in quotes, such as "drafts/**"; ignored.',
      'breachDesk.exclude: "!drafts/keep.txt" starts with "!": a pattern leaves files out, it cannot bring back what another leaves out; ignored.',
      'breachDesk.exclude: "" is empty; ignored.',
      'breachDesk.exclude: "/home/me/drafts/**" is an absolute path: patterns are matched against paths relative to each folder, such as "drafts/**"; ignored.',
    ]);
  });
});

describe('breachDesk.exclude: which folder\'s patterns', function () {
  it('a file in two folders read is out only when each leaves it out; one in none is not excluded', function () {
    const ws = path.join(path.sep, 'ws');
    const roots: Root[] = [
      { dir: SEEDS_DIR, origin: 'seed' },
      { dir: ws, origin: 'workspace', exclude: ['archive/**', 'drafts/**'] },
      { dir: path.join(ws, 'archive'), origin: 'corpus', exclude: ['old/**'] },
    ];
    const out = (...names: string[]) => excludedFrom(roots, path.join(ws, ...names));
    assert.ok(out('drafts', 'a.txt'));
    assert.ok(!out('a.txt'));
    // The workspace folder leaves archive/ out, the corpus folder that is archive/ reads it but for its old/.
    assert.ok(!out('archive', 'a.txt'));
    assert.ok(out('archive', 'old', 'a.txt'));
    assert.ok(out('drafts'), 'a folder');
    assert.ok(!excludedFrom(roots, path.join(path.sep, 'elsewhere', 'drafts', 'a.txt')));
    assert.ok(!excludedFrom(roots, path.join(SEEDS_DIR, 'drafts', 'a.txt')), 'the seeds are never excluded');
    // Nor is a file the corpus walk never goes to part of it when a watcher reports it or it is closed.
    assert.ok(out('.drafts', 'a.txt') && out('node_modules', 'x', 'a.txt'), 'a hidden folder, node_modules');
    assert.ok(!out('.a.txt'), 'a hidden file in a read folder is the walk\'s to judge (it reads it)');
  });

  it('an article in a hidden folder reported by the editor\'s watcher is not indexed', async function () {
    const w = await openWorkspace('bd-hidden-', { [A1]: read(A1) });
    try {
      const hidden = path.join(w.dir, '.drafts', A4);
      fs.mkdirSync(path.dirname(hidden));
      fs.writeFileSync(hidden, read(A4));
      await w.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(hidden), type: 1 }] });
      // Then one in a folder the walk reads, reported after it: once it is in, the hidden one was seen to.
      const visible = path.join(w.dir, 'drafts', A4);
      fs.mkdirSync(path.dirname(visible));
      fs.writeFileSync(visible, read(A4));
      await w.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(visible), type: 1 }] });
      let found: string[] = [];
      for (let i = 0; i < 200 && !found.includes(fileUri(visible)); i++) {
        found = ((await w.client.request('workspace/symbol', { query: 'SecWeek' })) as { location: { uri: string } }[]).map((x) => x.location.uri);
        if (!found.includes(fileUri(visible))) await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(found.includes(fileUri(visible)), JSON.stringify(found));
      assert.ok(!found.includes(fileUri(hidden)), JSON.stringify(found));
    } finally {
      await closeWorkspace(w);
    }
  });
});

/** Waits for a publication for `uri` made after this call that satisfies `accept`. */
function next(client: LspClient, uri: string): (accept: (p: PublishedDiagnostics) => boolean) => Promise<PublishedDiagnostics> {
  const n = (client.published.get(uri) ?? []).length;
  return (accept) => client.diagnostics(uri, (p) => (client.published.get(uri) ?? []).indexOf(p) >= n && accept(p));
}

describe('breachDesk.exclude over stdio', function () {
  this.timeout(60000);
  let ws: Workspace | undefined;
  afterEach(async () => {
    if (ws) await closeWorkspace(ws);
    ws = undefined;
  });

  const symbols = async (client: LspClient, query: string) => ((await client.request('workspace/symbol', { query })) as { location: { uri: string } }[]).map((s) => s.location.uri);

  it('an excluded folder\'s article is no source, a change to it is not read, and the setting changed at run time brings it back', async function () {
    ws = await openWorkspace('bd-exclude-', { [A1]: read(A1), [`drafts/${A4}`]: read(A4) }, { exclude: ['drafts/**', '!drafts/keep.txt'] });
    const { client, dir } = ws;
    const a1 = fileUri(path.join(dir, A1));
    const draft = path.join(dir, 'drafts', A4);
    // The refused pattern is said once, where the user sees it; the other one works.
    const said = client.notifications.filter((x) => x.method === 'window/showMessage').map((x) => x.params.message as string);
    assert.deepStrictEqual(said.filter((m) => m.includes('breachDesk.exclude')), ['Breach Desk: breachDesk.exclude: "!drafts/keep.txt" starts with "!": a pattern leaves files out, it cannot bring back what another leaves out; ignored.']);
    assert.ok(!(await symbols(client, 'SecWeek')).includes(fileUri(draft)));
    await client.open(a1, read(A1));
    const first = await client.diagnostics(a1);
    assert.ok(!hasConflict(first), JSON.stringify(first.diagnostics.map((d) => d.code)));
    // A change to the excluded file, as the editor's watcher reports it: not read (a request after a notification is answered after it).
    fs.writeFileSync(draft, `${read(A4)}\n`);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(draft), type: 2 }] });
    assert.ok(!(await symbols(client, 'SecWeek')).includes(fileUri(draft)));
    // The setting changes: the draft joins the corpus, and a1 is told of its figure, without a restart.
    client.settings = {};
    let wait = next(client, a1);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await wait(hasConflict);
    assert.ok((await symbols(client, 'SecWeek')).includes(fileUri(draft)));
    // And back: it leaves the corpus again.
    client.settings = { exclude: ['drafts/'] };
    wait = next(client, a1);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await wait((p) => !hasConflict(p));
    assert.ok(!(await symbols(client, 'SecWeek')).includes(fileUri(draft)));
  });

  it('an excluded file the writer opens is checked, and against the corpus, but is no source for other articles', async function () {
    ws = await openWorkspace('bd-exclude-', { [A1]: read(A1), [`drafts/${A4}`]: read(A4) }, { exclude: ['drafts/**'] });
    const { client, dir } = ws;
    const a1 = fileUri(path.join(dir, A1));
    const draft = fileUri(path.join(dir, 'drafts', A4));
    await client.open(a1, read(A1));
    await client.diagnostics(a1);
    // Its own layout, and its figure against a1's.
    let wait = next(client, draft);
    await client.open(draft, read(A4).replace('[[FCC]]', '[[FCC,]]'));
    const own = await wait((p) => hasConflict(p) && p.diagnostics.some((d) => d.code === 'tags.punctuation'));
    assert.ok(own);
    // a1 is not told of it, and a1's card of the figure does not cite it.
    wait = next(client, a1);
    await client.notify('textDocument/didChange', { textDocument: { uri: a1, version: 2 }, contentChanges: [{ text: `${read(A1)} ` }] });
    const p = await wait(() => true);
    assert.ok(!hasConflict(p), JSON.stringify(p.diagnostics.map((d) => d.code)));
    const at = read(A1).split('\n').findIndex((l) => l.includes('1.2 million'));
    const hover = await client.request('textDocument/hover', { textDocument: { uri: a1 }, position: { line: at, character: read(A1).split('\n')[at].indexOf('1.2 million') + 1 } });
    assert.ok(hover && !JSON.stringify(hover).includes('drafts'), JSON.stringify(hover));
    // Closed, it is not read back from the disk into the corpus.
    await client.notify('textDocument/didClose', { textDocument: { uri: draft } });
    assert.ok(!(await symbols(client, 'SecWeek')).includes(draft));
  });

  it('a client that watches no files: the server does not watch into an excluded folder', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-exclude-own-'));
    const client = new LspClient();
    ws = { dir, client };
    client.settings = { exclude: ['drafts/**'] };
    await client.initialize(fileUri(dir), { workspace: { configuration: true } });
    await client.notification('breachDesk/indexed');
    const text = (name: string) => `# A breach at ${name}\n\n## Information:\n+ Source: Example Wire\n+ Link: https://example.com/${name.replace(/ /g, '-')}\n+ Date: 2021-08-20\n+ Author: Jane Doe\n\n## Article:\n${name} said the records of 5,000 customers were stolen.\n\n#### Tags:\n[[${name}]]\n`;
    const found = async (query: string) => (await client.request<{ name: string }[]>('workspace/symbol', { query })).some((x) => x.name === query);
    // An article written into the excluded folder, then one beside it: only the second is taken.
    fs.mkdirSync(path.join(dir, 'drafts', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'drafts', 'deep', 'a.txt'), text('Zorblax Corp'));
    fs.writeFileSync(path.join(dir, 'later.txt'), text('Sentinel Labs'));
    const until = async (query: string) => {
      const deadline = Date.now() + 20000;
      while (!(await found(query))) {
        assert.ok(Date.now() < deadline, `${query} never appeared`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await until('Sentinel Labs');
    // A later batch of changes: whatever the first one held is read by now.
    fs.writeFileSync(path.join(dir, 'later.txt'), text('Quaffle Labs'));
    await until('Quaffle Labs');
    assert.ok(!(await found('Zorblax Corp')));
  });
});
