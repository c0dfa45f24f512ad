/**
 * Renaming a name in the open article (F2, `features/rename.ts`): on the real
 * extraction of fixture articles, then over stdio with the real server.
 */
import * as assert from 'assert';
import * as path from 'path';
import { extractFacts } from '../server/src/core/extract/facts';
import { CorpusIndex, lineStartsOf, type IndexedDoc } from '../server/src/core/index/corpus';
import { renameEdits, renameTarget } from '../server/src/core/features/rename';
import { parse } from '../server/src/core/syntax/parse';
import { article } from './helpers/fixture';
import { applyLspEdits, closeWorkspace, fileUri, openWorkspace, type LspClient, type Workspace } from './helpers/lsp';

const TEXT = article({
  title: 'John Binns claims the T-Mobile hack',
  body: [
    'John Binns, 21, claimed the hack in an interview with the Wall Street Journal (WSJ).',
    'Binns said he did it for fun. The WSJ said Binns’s account held 50 million records.',
    'T-Mobile said T-Mobile\'s systems were breached.',
  ].join(' '),
  tags: '[[John Binns]] [[T-Mobile]] [[Binns]]',
});

function docOf(text: string): IndexedDoc {
  const index = new CorpusIndex();
  index.set({ facts: extractFacts('file:///a.txt', text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
  return index.get('file:///a.txt')!;
}

/** The text after renaming what stands at the `n`th (0-based) `at` of it to `newName`. */
function renamed(text: string, at: string, newName: string, n = 0): string {
  let offset = -1;
  for (let i = 0; i <= n; i++) offset = text.indexOf(at, offset + 1);
  assert.ok(offset >= 0, at);
  const edits = renameEdits(docOf(text), text, offset + 1, newName);
  assert.ok(Array.isArray(edits), JSON.stringify(edits));
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

describe('renaming a name in the article', function () {
  it('from the full name: every mention and tag, the surname said alone as the new surname, possessives kept', function () {
    const out = renamed(TEXT, 'John Binns', 'Jon Bins', 1);
    assert.strictEqual(out, TEXT.replace(/John Binns/g, 'Jon Bins').replace(/Binns/g, 'Bins'));
  });

  it('from the surname said alone: the full name keeps its first name', function () {
    const out = renamed(TEXT, 'Binns said', 'Bins');
    assert.strictEqual(out, TEXT.replace(/Binns/g, 'Bins'));
  });

  it('a name of another length leaves the shorter forms alone; an acronym is never rewritten', function () {
    assert.strictEqual(renamed(TEXT, 'John Binns', 'John E. Binns', 1), TEXT.replace(/John Binns/g, 'John E. Binns'));
    assert.strictEqual(renamed(TEXT, 'Wall Street Journal', 'Wall Street Journal Online'), TEXT.replace('Wall Street Journal', 'Wall Street Journal Online'));
  });

  it('a name whose own last letters are "\'s" ("Moody\'s") is renamed whole: no "\'s" left over to double', function () {
    const text = article({ body: "Moody's downgraded the bank on Monday. Analysts at Moody's said more. The Moody's report was bleak.", tags: "[[Moody's]]" });
    assert.strictEqual(renamed(text, "Moody's said", "Moody's Investors Service"), text.replace(/Moody's/g, "Moody's Investors Service"));
    assert.strictEqual(renamed(text, "Moody's said", 'Moodys'), text.replace(/Moody's/g, 'Moodys'));
    // Straight and curly apostrophes are one name: every mention and the tag are renamed.
    const mixed = article({ body: "Moody's downgraded the bank. Analysts at Moody’s said more.", tags: '[[Moody’s]]' });
    assert.strictEqual(renamed(mixed, "Moody's downgraded", 'Fitch'), mixed.replace(/Moody['’]s/g, 'Fitch'));
    // A possessive of a name that has no "'s" of its own stays a possessive.
    assert.strictEqual(renamed(TEXT, 'T-Mobile said', 'TMobile'), TEXT.replace(/T-Mobile/g, 'TMobile'));
  });

  it('a surname renamed as the full name leaves the full name as it is (no "John John Binns")', function () {
    assert.strictEqual(renamed(TEXT, 'Binns said', 'John Binns'), TEXT.replace(/(?<!John )Binns/g, 'John Binns'));
  });

  it('a name over a line break, in a CRLF paragraph or a block quotation: its place and its words as one line', function () {
    for (const [body, at] of [
      ['Peter Firstbrook said it was rare. Researchers praised Peter\r\nFirstbrook again.', 'Peter\r\nFirstbrook'],
      ['> Peter Firstbrook said it was rare, and Peter\n> Firstbrook said so again.', 'Peter\n> Firstbrook'],
    ]) {
      const text = article({ body });
      const doc = docOf(text);
      const offset = text.indexOf(at) + 1;
      assert.deepStrictEqual(renameTarget(doc, text, offset), { span: { start: offset - 1, end: offset - 1 + at.length }, name: 'Peter Firstbrook', key: 'peter firstbrook' }, body);
      const out = renamed(text, at, 'Pete Firstbrook');
      assert.strictEqual(out, text.replace('Peter Firstbrook', 'Pete Firstbrook').replace(at, 'Pete Firstbrook'), body);
    }
  });

  it('a hyphenated organisation, its possessive kept', function () {
    assert.strictEqual(renamed(TEXT, 'T-Mobile said', 'T-Mobile US'), TEXT.replace(/T-Mobile/g, 'T-Mobile US'));
  });

  it('a CVE identifier, however each mention writes it, becomes the new identifier; never anything else', function () {
    const text = article({ body: 'Apache fixed CVE-2021-44228 on Friday. Attackers used CVE 2021-44228 and cve-2021-44228’s twin.', tags: '[[CVE-2021-44228]]' });
    assert.strictEqual(renamed(text, 'CVE 2021', 'CVE-2021-45046'),
      article({ body: 'Apache fixed CVE-2021-45046 on Friday. Attackers used CVE-2021-45046 and CVE-2021-45046’s twin.', tags: '[[CVE-2021-45046]]' }));
    assert.strictEqual(renamed(text, 'CVE-2021', 'cve-2021-45046'), renamed(text, 'cve-2021', 'CVE-2021-45046'));
    const refused = renameEdits(docOf(text), text, text.indexOf('CVE-2021') + 1, 'Log4Shell') as { refused?: string };
    assert.match(refused.refused!, /^A CVE identifier is renamed to another/);
    // Pinned as an organisation, it is still an identifier.
    const index = new CorpusIndex();
    index.pins.set('cve-2021-44228', { key: 'cve-2021-44228', name: 'CVE-2021-44228', kind: 'organisation', aliases: [] });
    index.set({ facts: extractFacts('file:///a.txt', text, parse(text).article, { pins: [...index.pins.values()] }), lineStarts: lineStartsOf(text), origin: 'workspace' });
    const pinned = index.get('file:///a.txt')!;
    assert.match((renameEdits(pinned, text, text.indexOf('CVE-2021') + 1, 'Log4Shell') as { refused?: string }).refused!, /^A CVE identifier/);
    const edits = renameEdits(pinned, text, text.indexOf('CVE-2021') + 1, 'cve-2021-45046') as { span: { start: number; end: number }; newText: string }[];
    assert.deepStrictEqual(edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText]),
      [['CVE-2021-44228', 'CVE-2021-45046'], ['CVE 2021-44228', 'CVE-2021-45046'], ['cve-2021-44228', 'CVE-2021-45046'], ['CVE-2021-44228', 'CVE-2021-45046']]);
  });

  it('refuses in words what is no name, and a new name that would break the article', function () {
    const doc = docOf(TEXT);
    const refused = (r: unknown) => (r as { refused?: string }).refused;
    assert.match(refused(renameTarget(doc, TEXT, TEXT.indexOf('50 million') + 1))!, /^A figure is not renamed/);
    assert.match(refused(renameTarget(doc, TEXT, TEXT.indexOf('for fun') + 1))!, /^Only a name Breach Desk recognised/);
    const at = TEXT.indexOf('Binns said') + 1;
    assert.deepStrictEqual(renameTarget(doc, TEXT, at), { span: { start: at - 1, end: at - 1 + 'Binns'.length }, name: 'Binns', key: 'john binns' });
    assert.match(refused(renameEdits(doc, TEXT, at, '  '))!, /empty/);
    assert.match(refused(renameEdits(doc, TEXT, at, 'Bins\nSmith'))!, /one line/);
    assert.match(refused(renameEdits(doc, TEXT, at, 'Bins]] [[x'))!, /\[\[/);
    for (const bad of ['Mike\u0000', 'Bins\tSmith', 'Bins\u202E', 'Bi\u2066ns']) assert.match(refused(renameEdits(doc, TEXT, at, bad))!, /control or direction characters/, JSON.stringify(bad));
    // Letters of any script are names.
    assert.ok(Array.isArray(renameEdits(doc, TEXT, at, 'Bіnns Ødegård')));
  });
});

describe('rename over stdio', function () {
  let ws: Workspace | undefined;
  let client: LspClient;
  afterEach(async function () {
    if (ws) await closeWorkspace(ws);
    ws = undefined;
  });

  async function opened(capabilities: Record<string, unknown>): Promise<string> {
    ws = await openWorkspace('bd-rename-', {}, {}, { capabilities });
    client = ws.client;
    assert.deepStrictEqual(client.initializeResult.capabilities.renameProvider, { prepareProvider: true });
    const uri = fileUri(path.join(ws.dir, 'new.txt'));
    await client.open(uri, TEXT);
    await client.diagnostics(uri);
    return uri;
  }

  const position = (text: string, at: string) => {
    const before = text.slice(0, text.indexOf(at) + 1).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };

  it('prepareRename gives the name and its range; rename gives the versioned edits; a non-name is refused in words', async function () {
    const uri = await opened({ workspace: { configuration: true, workspaceEdit: { documentChanges: true } } });
    const at = position(TEXT, 'Binns said');
    const prepared = await client.request<any>('textDocument/prepareRename', { textDocument: { uri }, position: at });
    assert.deepStrictEqual(prepared, { range: { start: { line: at.line, character: at.character - 1 }, end: { line: at.line, character: at.character - 1 + 5 } }, placeholder: 'Binns' });
    const edit = await client.request<any>('textDocument/rename', { textDocument: { uri }, position: at, newName: 'Bins' });
    assert.strictEqual(edit.documentChanges.length, 1);
    assert.deepStrictEqual(edit.documentChanges[0].textDocument, { uri, version: 1 });
    assert.strictEqual(applyLspEdits(TEXT, edit.documentChanges[0].edits), TEXT.replace(/Binns/g, 'Bins'));
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri }, position: position(TEXT, 'for fun') }),
      (err: Error) => /Only a name Breach Desk recognised/.test(err.message),
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position: at, newName: '' }),
      (err: Error) => /empty/.test(err.message),
    );
  });

  it('a client that takes no documentChanges gets plain changes', async function () {
    const uri = await opened({ workspace: { configuration: true } });
    const edit = await client.request<any>('textDocument/rename', { textDocument: { uri }, position: position(TEXT, 'T-Mobile said'), newName: 'T-Mobile US' });
    assert.deepStrictEqual(Object.keys(edit), ['changes']);
    assert.strictEqual(applyLspEdits(TEXT, edit.changes[uri]), TEXT.replace(/T-Mobile/g, 'T-Mobile US'));
  });
});
