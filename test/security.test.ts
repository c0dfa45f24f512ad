/**
 * What a checked folder holds is untrusted: its article files and their names, its symbolic links, its
 * `.breachdesk/entities.json` and its `.vscode/settings.json`. A CI run over a pull request, or an editor opened on
 * a cloned repository, must neither crash on them nor read, print or write what lies outside the folder, nor let
 * them drive the terminal or a SARIF viewer. The CLI as a user runs it and the server over stdio, on real files.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { closeWorkspace, fileUri, LspClient, openWorkspace, ROOT } from './helpers/lsp';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string, timeout = 120_000) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** An article whose two figures disagree, so that notes quote its Source; `tags` adds a fixable tag. */
function article(n: number, source: string, figure: string, tags = '[[Acme Corp]]'): string {
  return `# Acme Corp breach ${n}
### sub

## Information:
+ Source: ${source}
+ Link: https://example.com/sec${n}
+ Date: August 2${n}, 2021
+ Author: Mallory

## Article:
Acme Corp said 5 million customers were affected.
Acme Corp told Reuters that ${figure} customers had their data stolen.

#### Tags:
${tags}
`;
}

/** `{"entities": [[[[…]]]]}`: jsonc-parser recursed once a level and overflowed the stack. */
const DEEP = `{"entities": ${'['.repeat(20000)}${']'.repeat(20000)}}`;

/** Whether a SARIF plain-text message has a "[" or "]" not escaped with a backslash (§3.11.6: then it may be a link). */
function bareBracket(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '[' || text[i] === ']') return true;
  }
  return false;
}

/** Every `{ text }` message of a SARIF log (messages, descriptions), with where it is. */
function sarifTexts(node: unknown, at = '$', out: { at: string; text: string }[] = []): { at: string; text: string }[] {
  if (Array.isArray(node)) node.forEach((x, i) => sarifTexts(x, `${at}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (['message', 'description', 'shortDescription', 'fullDescription'].includes(k) && v && typeof (v as { text?: unknown }).text === 'string') out.push({ at: `${at}.${k}`, text: (v as { text: string }).text });
      sarifTexts(v, `${at}.${k}`, out);
    }
  }
  return out;
}

describe('untrusted folders (CLI and server)', function () {
  this.timeout(180_000);
  let dir: string;
  let outside: string;

  before(function () {
    if (!fs.existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-sec-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-sec-outside-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  describe('nested JSON', function () {
    it('CLI: a pins file nested 20,000 deep is a config.invalid problem with its place, not a crash', function () {
      fs.writeFileSync(path.join(dir, 'a.txt'), article(1, 'ZDNet', '7 million'));
      fs.mkdirSync(path.join(dir, '.breachdesk'));
      fs.writeFileSync(path.join(dir, '.breachdesk', 'entities.json'), DEEP);
      const r = run(['check', '.', '--no-seeds'], dir);
      assert.doesNotMatch(r.err, /internal error|RangeError/, r.err);
      assert.strictEqual(r.code, 1, r.err);
      assert.match(r.out, /^\.breachdesk\/entities\.json:1:\d+: error: Arrays and objects are nested more than 64 levels deep here; the file is not read \(no entity in this file is pinned until it is fixed\)\. \[config\.invalid\]$/m);
      // The articles are checked all the same.
      assert.match(r.out, /^a\.txt:11:16: warning: .*\[figure\.conflict\]$/m);
      // Nesting as deep as a real file's is no problem.
      fs.writeFileSync(path.join(dir, '.breachdesk', 'entities.json'), '{ "entities": [ { "name": "Acme Corp", "kind": "organisation", "aliases": ["Acme"] } ] }');
      assert.doesNotMatch(run(['check', '.', '--no-seeds'], dir).out, /config\.invalid/);
    });

    it('CLI: editor settings nested 20,000 deep are said and not used; the run goes on', function () {
      fs.writeFileSync(path.join(dir, 'a.txt'), article(1, 'ZDNet', '7 million'));
      fs.mkdirSync(path.join(dir, '.vscode'));
      fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), `{ "breachDesk.severity": ${'['.repeat(20000)}${']'.repeat(20000)} }`);
      const r = run(['check', '.', '--no-seeds'], dir);
      assert.doesNotMatch(r.err, /internal error|RangeError/, r.err);
      assert.strictEqual(r.code, 0, r.err);
      assert.match(r.err, /^breach-desk: \.vscode\/settings\.json: Arrays and objects are nested more than 64 levels deep \(line 1\); the file is not read \(its breachDesk settings are not used\)\.$/m);
      assert.match(r.out, /^a\.txt:11:16: warning: /m);
    });

    it('server: a pins file nested 20,000 deep still lets the load finish, and says what is wrong in the file', async function () {
      // `openWorkspace` waits for breachDesk/indexed, which never came.
      const ws = await openWorkspace('bd-sec-pins-', { 'a.txt': article(1, 'ZDNet', '7 million'), '.breachdesk/entities.json': DEEP });
      try {
        const pins = fileUri(path.join(ws.dir, '.breachdesk', 'entities.json'));
        const p = await ws.client.diagnostics(pins, (x) => x.diagnostics.length > 0);
        assert.strictEqual(p.diagnostics.length, 1);
        assert.strictEqual(p.diagnostics[0].code, 'config.invalid');
        assert.match(p.diagnostics[0].message, /nested more than 64 levels deep/);
        const found = await ws.client.request<{ name: string }[]>('workspace/symbol', { query: 'Acme' });
        assert.ok(found.some((s) => s.name === 'Acme Corp'), 'the article was indexed');
      } finally {
        await closeWorkspace(ws);
      }
    });
  });

  describe('symbolic links', function () {
    it('CLI: a linked file or folder outside the paths is skipped with a note, its content never printed', function () {
      fs.writeFileSync(path.join(dir, 'a.txt'), article(1, 'ZDNet', '7 million'));
      fs.writeFileSync(path.join(outside, 'private.txt'), article(2, 'PRIVATE-NOTES', '90 million'));
      fs.mkdirSync(path.join(outside, 'folder'));
      fs.writeFileSync(path.join(outside, 'folder', 'other.txt'), article(3, 'SECRET-FOLDER', '80 million'));
      fs.symlinkSync(path.join(outside, 'private.txt'), path.join(dir, 'innocent.txt'));
      fs.symlinkSync(path.join(outside, 'folder'), path.join(dir, 'linked'));
      for (const format of ['text', 'json', 'sarif']) {
        const r = run(['check', '.', '--no-seeds', '--format', format], dir);
        assert.doesNotMatch(r.out + r.err, /PRIVATE-NOTES|SECRET-FOLDER|90 million|80 million/, format);
      }
      const r = run(['check', '.', '--no-seeds'], dir);
      assert.match(r.out, /^innocent\.txt:1:1: error: It is a symbolic link to a file outside the folders read \(.*private\.txt\); not read: a link is followed only to a place inside them \(name that file itself to read it\)\. \[file\.unreadable\]$/m);
      assert.match(r.out, /^linked:1:1: error: It is a symbolic link to a folder outside the folders read \(.*folder\); not read: .*\[file\.unreadable\]$/m);
      assert.match(r.out, /^3 files checked \(2 skipped, 0 not articles\)/m);
      // Named as paths, they are the user's choice, and read.
      const named = run(['check', '.', path.join(outside, 'folder'), '--no-seeds'], dir);
      assert.match(named.out, /SECRET-FOLDER/);
      assert.match(run(['check', '.', '--corpus', outside, '--no-seeds'], dir).out, /PRIVATE-NOTES/);
    });

    it('CLI: a link to the root of the file system is skipped, not walked', function () {
      fs.writeFileSync(path.join(dir, 'a.txt'), article(1, 'ZDNet', '7 million'));
      fs.symlinkSync('/', path.join(dir, 'rootlink'));
      const r = run(['check', '.', '--no-seeds'], dir, 30_000);
      assert.strictEqual(r.signal, null, 'the walk went through the whole file system');
      assert.match(r.out, /^rootlink:1:1: error: It is a symbolic link to a folder outside the folders read \(\/\); not read/m);
    });

    it('CLI: links inside the paths are followed (a shared folder linked in, a hidden one too), each file once, and a link to an ancestor is no loop', function () {
      fs.mkdirSync(path.join(dir, '.store'));
      fs.writeFileSync(path.join(dir, '.store', 'kept.txt'), article(1, 'ZDNet', '7 million'));
      fs.symlinkSync(path.join(dir, '.store'), path.join(dir, 'shared'));
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'sub', 'real.txt'), article(2, 'ZDNet', '8 million'));
      // A relative link, as a repository holds one; and a link to a folder above it.
      fs.symlinkSync(path.join('sub', 'real.txt'), path.join(dir, 'alias.txt'));
      fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
      const r = run(['check', '.', '--no-seeds', '--format', 'json'], dir);
      assert.strictEqual(r.err, '');
      const paths = JSON.parse(r.out).files.map((f: { path: string }) => f.path).sort();
      // One file reached by a link and under its own name is checked under its own name (the one --fix may write).
      assert.deepStrictEqual(paths, ['shared/kept.txt', 'sub/real.txt']);
    });

    it('CLI: --fix never writes through a link, in a folder or named as a path', function () {
      const fixable = article(2, 'PRIVATE-NOTES', '90 million', '[[Acme Corp]] [[names,]]');
      const target = path.join(outside, 'private.txt');
      fs.writeFileSync(target, fixable);
      fs.writeFileSync(path.join(dir, 'a.txt'), article(1, 'ZDNet', '7 million', '[[Acme Corp]] [[names,]]'));
      fs.symlinkSync(target, path.join(dir, 'innocent.txt'));
      const r = run(['check', '.', '--no-seeds', '--fix'], dir);
      assert.match(r.err, /^fixed a\.txt \(1 edit\)$/m);
      assert.match(r.err, /--fix changed 1 file\./);
      assert.strictEqual(fs.readFileSync(target, 'utf8'), fixable, 'the file outside was rewritten');
      // Named as a path, it is read, but not written through.
      const named = run(['check', 'innocent.txt', '--no-seeds', '--fix'], dir);
      assert.match(named.out, /^innocent\.txt:1:1: error: Not fixed: the file is a symbolic link, and --fix writes through none; name the file it links to to fix that\. \[file\.unwritable\]$/m);
      assert.strictEqual(fs.readFileSync(target, 'utf8'), fixable, 'the file outside was rewritten');
      assert.ok(fs.lstatSync(path.join(dir, 'innocent.txt')).isSymbolicLink());
      // Its target, named itself, is fixed.
      run(['check', target, '--no-seeds', '--fix'], dir);
      assert.strictEqual(fs.readFileSync(target, 'utf8'), fixable.replace('[[names,]]', '[[names]]'));
    });

    it('server: a linked file or folder outside the workspace is not indexed, and the log says why', async function () {
      fs.writeFileSync(path.join(dir, 'a.txt'), article(1, 'ZDNet', '7 million'));
      fs.writeFileSync(path.join(outside, 'private.txt'), article(2, 'ZDNet', '90 million').replace('Acme Corp told', 'Quillfeather Holdings told'));
      fs.mkdirSync(path.join(outside, 'folder'));
      fs.writeFileSync(path.join(outside, 'folder', 'other.txt'), article(3, 'ZDNet', '80 million').replace('Acme Corp told', 'Brackwater Systems told'));
      fs.symlinkSync(path.join(outside, 'private.txt'), path.join(dir, 'innocent.txt'));
      fs.symlinkSync(path.join(outside, 'folder'), path.join(dir, 'linked'));
      fs.symlinkSync('/', path.join(dir, 'rootlink'));
      // A link inside the workspace is followed.
      fs.mkdirSync(path.join(dir, '.store'));
      fs.writeFileSync(path.join(dir, '.store', 'kept.txt'), article(4, 'ZDNet', '6 million').replace('Acme Corp told', 'Ottoline Partners told'));
      fs.symlinkSync(path.join(dir, '.store'), path.join(dir, 'shared'));
      const client = new LspClient();
      try {
        await client.initialize(fileUri(dir));
        await client.notification('breachDesk/indexed');
        const names = async (q: string) => (await client.request<{ name: string }[]>('workspace/symbol', { query: q })).map((s) => s.name);
        assert.deepStrictEqual(await names('Quillfeather'), []);
        assert.deepStrictEqual(await names('Brackwater'), []);
        assert.deepStrictEqual(await names('Ottoline'), ['Ottoline Partners']);
        const log = client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => String(n.params.message)).join('\n');
        for (const link of ['innocent.txt', 'linked', 'rootlink']) {
          assert.match(log, new RegExp(`Skipped ${path.join(dir, link).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: It is a symbolic link to a (file|folder) outside the folders read`), log);
        }
      } finally {
        await client.shutdown();
      }
    });
  });

  describe('symbolic links made while the server runs, and "Check All Articles"', function () {
    /** Every log line of the server so far. */
    const logOf = (client: LspClient) => client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => String(n.params.message));
    const skippedLine = (file: string, what: 'file' | 'folder') => new RegExp(`^Skipped ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: It is a symbolic link to a ${what} outside the folders read`);
    const names = async (client: LspClient, q: string) => (await client.request<{ name: string }[]>('workspace/symbol', { query: q })).map((s) => s.name);
    /** Until the workspace symbols for `q` are found (a change the watcher reported is indexed). */
    async function found(client: LspClient, q: string, want: string): Promise<void> {
      const deadline = Date.now() + 30_000;
      while (!(await names(client, q)).includes(want)) {
        if (Date.now() > deadline) throw new Error(`${want} was never indexed`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    it('server: a link made later to a file or folder outside the workspace is not indexed, and said once', async function () {
      fs.writeFileSync(path.join(dir, 'a.txt'), article(1, 'ZDNet', '7 million'));
      fs.writeFileSync(path.join(outside, 'private.txt'), article(2, 'ZDNet', '90 million').replace('Acme Corp told', 'Quillfeather Holdings told'));
      fs.mkdirSync(path.join(outside, 'folder'));
      fs.writeFileSync(path.join(outside, 'folder', 'other.txt'), article(3, 'ZDNet', '80 million').replace('Acme Corp told', 'Brackwater Systems told'));
      const client = new LspClient();
      try {
        await client.initialize(fileUri(dir));
        await client.notification('breachDesk/indexed');
        fs.symlinkSync(path.join(outside, 'private.txt'), path.join(dir, 'innocent.txt'));
        fs.symlinkSync(path.join(outside, 'folder'), path.join(dir, 'linked'));
        // Last in the batch: once it is indexed, the links before it were dealt with.
        fs.writeFileSync(path.join(dir, 'b.txt'), article(4, 'ZDNet', '6 million').replace('Acme Corp told', 'Ottoline Partners told'));
        const created = ['innocent.txt', 'linked', 'b.txt'].map((f) => ({ uri: fileUri(path.join(dir, f)), type: 1 }));
        await client.notify('workspace/didChangeWatchedFiles', { changes: created });
        await found(client, 'Ottoline', 'Ottoline Partners');
        assert.deepStrictEqual(await names(client, 'Quillfeather'), []);
        assert.deepStrictEqual(await names(client, 'Brackwater'), []);
        // Reported again (a client's watcher may): still not read.
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'innocent.txt')), type: 2 }] });
        fs.writeFileSync(path.join(dir, 'c.txt'), article(5, 'ZDNet', '6 million').replace('Acme Corp told', 'Harrowgate Systems told'));
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'c.txt')), type: 1 }] });
        await found(client, 'Harrowgate', 'Harrowgate Systems');
        assert.deepStrictEqual(await names(client, 'Quillfeather'), []);
        const log = logOf(client);
        // Said as the walk says it, once for each report of the link; the folder's files are neither read nor named.
        assert.strictEqual(log.filter((l) => skippedLine(path.join(dir, 'innocent.txt'), 'file').test(l)).length, 2, log.join('\n'));
        assert.strictEqual(log.filter((l) => skippedLine(path.join(dir, 'linked'), 'folder').test(l)).length, 1, log.join('\n'));
        assert.ok(!log.some((l) => l.includes('other.txt')), log.join('\n'));
      } finally {
        await client.shutdown();
      }
    });

    it('server: a link made later to a file or folder inside the workspace is followed, as the load follows it', async function () {
      fs.writeFileSync(path.join(dir, 'a.txt'), article(1, 'ZDNet', '7 million'));
      // Hidden folders: not read but through a link.
      fs.mkdirSync(path.join(dir, '.store'));
      fs.writeFileSync(path.join(dir, '.store', 'kept.txt'), article(2, 'ZDNet', '6 million').replace('Acme Corp told', 'Ottoline Partners told'));
      fs.mkdirSync(path.join(dir, '.shelf'));
      fs.writeFileSync(path.join(dir, '.shelf', 'shelved.txt'), article(3, 'ZDNet', '6 million').replace('Acme Corp told', 'Harrowgate Systems told'));
      const client = new LspClient();
      try {
        await client.initialize(fileUri(dir));
        await client.notification('breachDesk/indexed');
        assert.deepStrictEqual(await names(client, 'Ottoline'), []);
        fs.symlinkSync(path.join(dir, '.store', 'kept.txt'), path.join(dir, 'kept.txt'));
        fs.symlinkSync(path.join(dir, '.shelf'), path.join(dir, 'shelf'));
        await client.notify('workspace/didChangeWatchedFiles', { changes: ['kept.txt', 'shelf'].map((f) => ({ uri: fileUri(path.join(dir, f)), type: 1 })) });
        await found(client, 'Ottoline', 'Ottoline Partners');
        await found(client, 'Harrowgate', 'Harrowgate Systems');
        assert.ok(!logOf(client).some((l) => /outside the folders read/.test(l)), logOf(client).join('\n'));
      } finally {
        await client.shutdown();
      }
    });

    it('server: "Check All Articles" lists a link out of the workspace as skipped, with why, and never reads it; a link inside is checked', async function () {
      fs.writeFileSync(path.join(dir, 'a.txt'), article(1, 'ZDNet', '7 million'));
      // Its problems, were it read, would be its own: a tag to fix.
      fs.writeFileSync(path.join(outside, 'private.txt'), article(2, 'ZDNet', '90 million', '[[names,]]'));
      fs.symlinkSync(path.join(outside, 'private.txt'), path.join(dir, 'innocent.txt'));
      fs.mkdirSync(path.join(dir, '.store'));
      fs.writeFileSync(path.join(dir, '.store', 'kept.txt'), article(3, 'ZDNet', '6 million', '[[names,]]'));
      fs.symlinkSync(path.join(dir, '.store', 'kept.txt'), path.join(dir, 'kept.txt'));
      const client = new LspClient();
      try {
        await client.initialize(fileUri(dir));
        await client.notification('breachDesk/indexed');
        await client.request('breachDesk/checkAll', {});
        const skippedOnly = (uri: string) => {
          const p = (client.published.get(uri) ?? []).at(-1);
          assert.ok(p, `${uri} listed`);
          assert.deepStrictEqual(p.diagnostics.map((d) => d.code), ['file.unreadable'], JSON.stringify(p.diagnostics));
          assert.match(p.diagnostics[0].message, /^Skipped: It is a symbolic link to a file outside the folders read \(.*private\.txt\); not read: /);
        };
        skippedOnly(fileUri(path.join(dir, 'innocent.txt')));
        const kept = (client.published.get(fileUri(path.join(dir, 'kept.txt'))) ?? []).at(-1);
        assert.ok(kept?.diagnostics.some((d) => d.code === 'tags.punctuation'), JSON.stringify(kept));
        // A link out made after the run: listed as skipped too, not read.
        fs.symlinkSync(path.join(outside, 'private.txt'), path.join(dir, 'later.txt'));
        const later = fileUri(path.join(dir, 'later.txt'));
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: later, type: 1 }] });
        await client.diagnostics(later);
        skippedOnly(later);
      } finally {
        await client.shutdown();
      }
    });
  });

  describe('the editor settings of the folder checked', function () {
    it('a corpus folder named with escape sequences reaches the terminal made printable', function () {
      fs.writeFileSync(path.join(dir, 'a.txt'), article(1, 'ZDNet', '7 million'));
      fs.mkdirSync(path.join(dir, '.vscode'));
      fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'breachDesk.corpus': ['\u001b]0;PWNED\u0007\u001b[2J\u202e'], 'breachDesk.exclude': ['\u001b[31m[', 7] }));
      const r = run(['check', '.', '--no-seeds'], dir);
      assert.doesNotMatch(r.err, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, JSON.stringify(r.err));
      assert.match(r.err, /^breach-desk: corpus folder .*\?\]0;PWNED\?\?\[2J\? does not exist; not read\.$/m);
    });

    it('corpus folders outside the current folder are not read from the settings file, only from --corpus', function () {
      fs.writeFileSync(path.join(dir, 'a.txt'), article(1, 'ZDNet', '7 million'));
      fs.writeFileSync(path.join(outside, 'private.txt'), article(2, 'PRIVATE-NOTES', '90 million'));
      // A folder inside that is a link to one outside is outside.
      fs.symlinkSync(outside, path.join(dir, 'shared'));
      fs.mkdirSync(path.join(dir, '.vscode'));
      const rel = path.relative(dir, outside);
      fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'breachDesk.corpus': [rel, outside, 'shared'] }));
      const r = run(['check', 'a.txt', '--no-seeds'], dir);
      assert.doesNotMatch(r.out + r.err, /PRIVATE-NOTES|90 million/);
      for (const d of [rel, outside, 'shared']) {
        assert.ok(r.err.includes(`breach-desk: .vscode/settings.json: breachDesk.corpus: the folder "${d}" is not inside the current folder; not read (pass --corpus DIR to learn from it).\n`), r.err);
      }
      assert.doesNotMatch(r.err, /using breachDesk\.corpus/);
      // The command line's --corpus names any folder.
      const given = run(['check', 'a.txt', '--no-seeds', '--corpus', rel], dir);
      assert.match(given.out, /PRIVATE-NOTES/);
      // A folder inside is used, as before.
      fs.mkdirSync(path.join(dir, 'archive'));
      fs.copyFileSync(path.join(outside, 'private.txt'), path.join(dir, 'archive', 'b.txt'));
      fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'breachDesk.corpus': ['archive'] }));
      const inside = run(['check', 'a.txt', '--no-seeds'], dir);
      assert.match(inside.err, /using breachDesk\.corpus from \.vscode\/settings\.json/);
      assert.match(inside.out, /PRIVATE-NOTES/);
    });
  });

  it('direction characters in file names and article text never reach the terminal', function () {
    fs.writeFileSync(path.join(dir, 'evil\u202e.txt'), article(1, 'Evil\u2066News\u200f', '7 million'));
    fs.writeFileSync(path.join(dir, 'b\u061c\u202a.txt'), article(2, 'ZDNet', '9 million'));
    const r = run(['check', '.', '--no-seeds'], dir);
    assert.match(r.out, /^evil\?\.txt:11:16: warning: /m);
    assert.match(r.out, /Evil\?News\?/);
    assert.doesNotMatch(r.out + r.err, /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    // show prints a card's text through the same filter.
    const s = run(['show', 'Acme Corp', '.', '--no-seeds'], dir);
    assert.strictEqual(s.code, 0, s.err);
    assert.doesNotMatch(s.out + s.err, /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });

  it('SARIF messages escape "[", "]" and "\\", so that article text is never a link (SARIF 2.1.0 §3.11.6)', function () {
    const source = 'Evil [click here](https://evil.example/phish) News \\[x](1)';
    fs.writeFileSync(path.join(dir, 'a.txt'), article(1, source, '7 million', '[[Acme Corp]] [[evil](https://evil.example/x]] [[names,]]'));
    fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x23, 0x20, 0x00, 0x41]));
    fs.writeFileSync(path.join(dir, '[x](1).txt'), Buffer.from([0x23, 0x20, 0x00, 0x42]));
    const r = run(['check', '.', '--no-seeds', '--format', 'sarif'], dir);
    const log = JSON.parse(r.out);
    const texts = sarifTexts(log);
    const results = log.runs[0].results;
    assert.ok(results.some((x: any) => x.relatedLocations?.some((l: any) => l.message.text.includes('Evil \\[click here\\](https://evil.example/phish) News \\\\\\[x\\](1)'))), JSON.stringify(results, null, 1));
    assert.ok(results.some((x: any) => x.fixes?.length), 'a fix, whose description is checked too');
    assert.ok(log.runs[0].invocations[0].toolExecutionNotifications.some((n: any) => n.message.text.startsWith('\\[x\\](1).txt: ')));
    for (const t of texts) assert.ok(!bareBracket(t.text), `${t.at}: ${t.text}`);
  });

  it('SARIF messages carry no direction character (a Source "Wire\\u202E" turned round a web page\'s message)', function () {
    fs.writeFileSync(path.join(dir, 'a.txt'), article(1, 'Wire\u202E', '7 million', '[[Acme Corp]]'));
    fs.writeFileSync(path.join(dir, 'b.txt'), article(2, 'Post', '9 million', '[[Acme Corp]]'));
    const log = JSON.parse(run(['check', '.', '--no-seeds', '--format', 'sarif'], dir).out);
    const texts = sarifTexts(log);
    assert.ok(texts.some((t) => t.text.includes('Wire')), JSON.stringify(texts));
    for (const t of texts) assert.ok(!/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(t.text), `${t.at}: ${JSON.stringify(t.text)}`);
  });
});
