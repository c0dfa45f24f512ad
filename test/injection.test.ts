/**
 * Injection: article text is untrusted and must never become a command,
 * HTML, an image or a script in what the server sends an editor to render.
 * A workspace of hostile articles (command: links, raw <script>, <img
 * onerror>, javascript: and data: links in titles, bodies, tags, quotations,
 * outlet, author and pinned entity names and descriptions) is indexed by the
 * real server over stdio; then every hover at every word, completion after
 * `[[`, `+ Source:` and `+ Author:`, every code lens and every code action is
 * checked: the only links are `file:` links to indexed articles, no raw HTML
 * tag survives, and code lenses run only Breach Desk's own command.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as url from 'url';
import { assertInertMarkdown } from './fuzz/harness';
import { toLspFixes } from '../server/src/lsp/convert';
import { LineIndex } from '../server/src/core/text';
import { closeWorkspace, fileUri, LspClient, openWorkspace, ROOT } from './helpers/lsp';

const CMD = '[x](command:workbench.action.terminal.new)';
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const JS = '[click](javascript:alert(1))';
const DATA = '[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)';
/** Bare addresses, which a renderer that links them (VS Code's hovers do) would make links. */
const BARE = 'https://evil%2Eexample/steal?x=1 www.evil.example mallory@evil.example $(bug)';
const HOSTILE = [CMD, SCRIPT, IMG, JS, DATA, BARE, '![pic](data:image/svg+xml,<svg onload=alert(1)>)', '<javascript:alert(1)>', '<a href="command:workbench.action.terminal.new">x</a>', '&lt;script&gt;', '[[x]](command:x)', 'Acme\u202Etxt.exe\u2066 \u200F', 'Mallory\u001b[31m\u009b2J'];

function article(n: number, outlet: string): string {
  return [
    `# Acme Corp breach ${CMD} ${SCRIPT} ${n}`,
    `### ${IMG} subtitle ${JS}`,
    '',
    '## Information:',
    `+ Source: ${outlet}`,
    `+ Link: https://example.com/acme-${n}`,
    `+ Date: August ${20 + n}, 2021`,
    `+ Author: Mallory ${JS} ${SCRIPT} ${BARE}`,
    '',
    '## Article:',
    `Acme Corp said 5 million customers were affected ${CMD} and ${SCRIPT} in the breach.`,
    `Acme Corp told Reuters that ${n + 6} million customers ${IMG} had their data stolen ${JS}.`,
    `“The attackers ${CMD} took ${SCRIPT} everything from Acme Corp,” said Eve ${DATA} Hacker, a researcher.`,
    `Eve Hacker, who runs ${HOSTILE.join(' ')}, said Acme Corp lost 40 million records.`,
    `The group Shadow ${SCRIPT} Crew claimed 100 million customers ${CMD}.`,
    '',
    '#### Tags:',
    `[[Acme Corp]] [[${SCRIPT}]] [[${IMG}]] [[Eve Hacker]] [[x](command:workbench.action.terminal.new)]] [[javascript:alert(1)]]`,
    '',
  ].join('\n');
}

describe('article text never becomes a command, HTML or script (stdio)', function () {
  this.timeout(120000);
  let dir: string;
  let client: LspClient;

  beforeEach(async function () {
    ({ dir, client } = await openWorkspace('bd-inject-', {
      'a.txt': article(1, `Reuters ${IMG} ${BARE}`),
      'b.txt': article(2, `The <b>Wire</b> ${CMD}`),
      // A right-to-left override left open in a Source turned round the date a card writes after it.
      'c.txt': article(3, 'ZDNet\u202E'),
      // A file name that ended a card's link target at its ")" and made a web link of the rest.
      'd)www.evil.example [x](command:x).txt': article(4, 'Wire'),
      '.breachdesk/entities.json': JSON.stringify({ entities: [
        { name: 'Acme Corp', kind: 'organisation', aliases: [`Acme ${SCRIPT}`], description: `Pinned: ${CMD} ${SCRIPT} ${IMG} ${JS} ${DATA}` },
        { name: `Evil ${IMG} Inc`, kind: 'organisation', aliases: ['Eve Hacker'], description: `<iframe src="javascript:alert(1)"></iframe> ${CMD}` },
      ] }),
    }));
  });

  afterEach(() => closeWorkspace({ dir, client }));

  it('hovers at every word escape everything and link only to indexed articles', async function () {
    const file = path.join(dir, 'a.txt');
    const uri = fileUri(file);
    const text = fs.readFileSync(file, 'utf8');
    await client.open(uri, text);
    await client.diagnostics(uri);
    const lines = text.split('\n');
    const cards: string[] = [];
    for (let line = 0; line < lines.length; line++) {
      for (const m of lines[line].matchAll(/\S+/g)) {
        for (const character of [m.index!, m.index! + Math.floor(m[0].length / 2)]) {
          const h = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
          if (h) {
            assert.strictEqual(h.contents.kind, 'markdown');
            cards.push(h.contents.value);
          }
        }
      }
    }
    const all = cards.join('\n');
    // The hostile text reached the cards (cited sentences, pinned descriptions, outlet names), defused.
    assert.ok(cards.length > 20, `only ${cards.length} hover cards`);
    assert.ok(all.includes('&lt;script\\>alert\\(1\\)&lt;/script\\>'), 'no escaped <script> in any card');
    assert.ok(all.includes('command\\:workbench\\.action\\.terminal\\.new'), 'no escaped command link in any card');
    assert.ok(all.includes('https\\://evil%2Eexample/steal?x=1'), 'no escaped bare address in any card');
    assert.ok(all.includes('Pinned\\:'), 'the pinned description is not shown');
    for (const md of cards) {
      assertInertMarkdown(md);
      for (const m of md.matchAll(/(?<!\\)\]\(([^)\s]*)/g)) {
        // Every link opens one of the indexed articles or a seed.
        const target = decodeURIComponent(m[1].replace(/#L\d+$/, ''));
        assert.ok(target.startsWith(fileUri(dir)) || target.startsWith(fileUri(path.join(ROOT, 'seeds'))), `link to ${m[1]}`);
        // The whole file name: an article that is there.
        assert.ok(fs.existsSync(url.fileURLToPath(m[1].replace(/#L\d+$/, ''))), `link to ${m[1]}: no such file`);
      }
    }
  });

  it('completion items and their documentation carry no markup to render', async function () {
    const file = path.join(dir, 'new.txt');
    const uri = fileUri(file);
    const text = '# New\n\n## Information:\n+ Source: \n+ Author: \n\n## Article:\nText.\n\n#### Tags:\n[[\n';
    await client.open(uri, text);
    const lists = [];
    for (const position of [{ line: 3, character: 10 }, { line: 4, character: 10 }, { line: 10, character: 2 }]) {
      lists.push(await client.request<any>('textDocument/completion', { textDocument: { uri }, position }));
    }
    const items = lists.flatMap((l) => l?.items ?? []);
    assert.ok(items.some((i) => i.label.includes('<b>Wire</b>')), 'the hostile outlet is not offered');
    assert.ok(items.some((i) => i.label.includes('Mallory')), 'the hostile author is not offered');
    for (const it of items) {
      // Labels and details are plain text in LSP; documentation, if ever added, must be inert Markdown.
      const doc = it.documentation;
      if (doc !== undefined) {
        if (typeof doc === 'string') assert.ok(!/<[a-z]/i.test(doc));
        else { assert.strictEqual(doc.kind, 'markdown'); assertInertMarkdown(doc.value); }
      }
      assert.ok(!('command' in it) || it.command === undefined, `completion item runs a command: ${JSON.stringify(it)}`);
      assert.ok(it.textEdit && !('additionalTextEdits' in it && it.additionalTextEdits?.length));
    }
  });

  it('code lenses run only Breach Desk’s own command, with plain arguments', async function () {
    const lenses = [];
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      const uri = fileUri(path.join(dir, name));
      await client.open(uri, fs.readFileSync(path.join(dir, name), 'utf8'));
      lenses.push(...((await client.request<any[]>('textDocument/codeLens', { textDocument: { uri } })) ?? []));
    }
    assert.ok(lenses.length > 0, 'no code lens to check');
    for (const l of lenses) {
      // This client draws no timeline and shows no references view: the lens runs one of the server's own commands (the
      // VS Code extension draws the chart and shows the links itself).
      assert.ok(['breachDesk.figureTimelineText', 'breachDesk.linkedFromText'].includes(l.command.command), l.command.command);
      const [u, line, ch] = l.command.arguments;
      assert.ok(typeof u === 'string' && u.startsWith(fileUri(dir)) && Number.isInteger(line) && Number.isInteger(ch), JSON.stringify(l.command));
      // A lens title is plain text (VS Code renders only `$(icon)` names in it, never Markdown or HTML): one line.
      assert.ok(!/[\r\n]/.test(l.command.title), l.command.title);
    }
  });

  it('code actions only edit the open document, never run a command', async function () {
    const uri = fileUri(path.join(dir, 'a.txt'));
    await client.open(uri, fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'));
    const p = await client.diagnostics(uri);
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } }, context: { diagnostics: p.diagnostics },
    });
    assert.ok(actions.length > 0);
    for (const a of actions) {
      assert.strictEqual(a.command, undefined, JSON.stringify(a));
      assert.deepStrictEqual(Object.keys(a.edit.changes), [uri]);
    }
  });

  it('messages and symbol names carry no direction or control character ("ZDNet\u202E" as a Source, an Eve with an escape)', async function () {
    const unsafe = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    const messages: string[] = [];
    for (const f of ['a.txt', 'b.txt', 'c.txt']) {
      const uri = fileUri(path.join(dir, f));
      await client.open(uri, fs.readFileSync(path.join(dir, f), 'utf8').replace('said Eve', 'said Eve\u001b[31m\u202E'));
      for (const d of (await client.diagnostics(uri)).diagnostics as any[]) messages.push(d.message, ...(d.relatedInformation ?? []).map((r: any) => r.message));
    }
    // c.txt's outlet reached the other articles' messages: "ZDNet" is quoted there, without its override.
    assert.ok(messages.some((m) => m.includes('ZDNet')), JSON.stringify(messages));
    for (const m of messages) assert.ok(!unsafe.test(m), JSON.stringify(m));
    const uri = fileUri(path.join(dir, 'c.txt'));
    const names: string[] = [];
    const walk = (xs: any[]) => { for (const x of xs) { names.push(x.name, x.detail ?? ''); walk(x.children ?? []); } };
    walk(await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri } }));
    const found = await client.request<any[]>('workspace/symbol', { query: 'Eve' });
    names.push(...found.map((x) => x.name), ...found.map((x) => x.containerName ?? ''));
    // The heading and the pinned name with the hostile alias were both listed.
    assert.ok(found.length > 0 && names.some((n) => n.startsWith('Acme Corp breach')), JSON.stringify(names));
    for (const n of names) assert.ok(!unsafe.test(n) && !/\n/.test(n), JSON.stringify(n));
  });

  it('quick fix titles quote names without their direction or control characters', function () {
    const lines = new LineIndex('Acme\u202E Corp\n');
    const [fix] = toLspFixes([{ title: 'Write Acme\u202E\u001b[31m Corp as the corpus does', edits: [{ span: { start: 0, end: 5 }, newText: 'Acme' }] }], lines);
    assert.strictEqual(fix.title, 'Write Acme [31m Corp as the corpus does');
  });
});
