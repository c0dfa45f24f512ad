/**
 * Protocol round-trips: the bundled server spoken to over stdio, as an
 * editor would. These cover the glue; the core's behaviour has its own tests.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applyLspEdits, fileUri, LspClient, ROOT, SERVER } from './helpers/lsp';

const SEED = path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt');

function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  if (range.start.line !== range.end.line) throw new Error('multi-line range');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

describe('language server over stdio', function () {
  let client: LspClient;
  const seedText = fs.readFileSync(SEED, 'utf8');
  const uri = fileUri(SEED);

  before(function () {
    if (!fs.existsSync(SERVER)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });

  beforeEach(async function () {
    client = new LspClient();
    const init = await client.initialize();
    assert.ok(init.capabilities.documentSymbolProvider);
    assert.ok(init.capabilities.codeActionProvider);
  });

  afterEach(async function () {
    await client.shutdown();
  });

  it('publishes the seed’s tag problems, and no errors, on open', async function () {
    await client.open(uri, seedText);
    const p = await client.diagnostics(uri);
    // Layout and tag problems only; the corpus checks have their own tests.
    const byCode = p.diagnostics.filter((d) => !/^(?:figure|quote|corpus)\./.test(d.code!)).map((d) => `${d.code} ${textAt(seedText, d.range)}`).sort();
    assert.deepStrictEqual(byCode, [
      'tags.case-variant [[Threatpost]]',
      'tags.possessive [[T-Mobile’s]]',
      'tags.punctuation [[Aug.]]',
      'tags.punctuation [[numbers,]]',
      'tags.stop-word [[it’s]]',
    ]);
    assert.ok(p.diagnostics.every((d) => d.source === 'breach-desk' && d.severity !== 1));
    assert.strictEqual(p.version, 1);
    const variant = p.diagnostics.find((d) => d.code === 'tags.case-variant')!;
    assert.strictEqual((variant.relatedInformation as any[])[0].location.uri, uri);
  });

  it('answers the outline with title, sections and sub-headings', async function () {
    await client.open(uri, seedText);
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.strictEqual(symbols.length, 1);
    assert.strictEqual(symbols[0].name, 'T-Mobile’s Security Is ‘Awful,’ Says Purported Thief');
    assert.deepStrictEqual(symbols[0].children.map((c: any) => c.name), ['Information', 'Article', 'Tags']);
    assert.deepStrictEqual(symbols[0].children[0].children.map((c: any) => c.name), ['Source', 'Link', 'Date', 'Author']);
    const headings = symbols[0].children[1].children.map((c: any) => c.name);
    assert.deepStrictEqual(headings, ['Who is John Binns?', 'T-Mobile’s ‘Awful’ Security', 'Something’s Wrong in Magenta Land', 'The Latest From T-Mobile', 'Well, Good Luck With All That']);
  });

  it('answers folding ranges for the sections', async function () {
    await client.open(uri, seedText);
    const ranges = await client.request<any[]>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = seedText.split('\n');
    const info = lines.indexOf('## Information:');
    assert.ok(ranges.some((r) => r.startLine === info && r.endLine === info + 4), JSON.stringify(ranges));
  });

  it('offers a quick fix from the diagnostic and republishes after the edit', async function () {
    await client.open(uri, seedText);
    const p = await client.diagnostics(uri);
    const stop = p.diagnostics.find((d) => d.code === 'tags.stop-word')!;
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri }, range: stop.range, context: { diagnostics: [stop], only: ['quickfix'] },
    });
    // The fix, and the marker that silences the problem where it stands.
    assert.deepStrictEqual(actions.map((a) => a.title), ['Remove [[it’s]]', 'Ignore tags.stop-word on this line']);
    const fixed = applyLspEdits(seedText, actions[0].edit.changes[uri]);
    const tagLine = fixed.split('\n').find((l) => l.startsWith('[[T-Mobile]]'));
    assert.strictEqual(tagLine, '[[T-Mobile]] [[Binns]] [[T-Mobile’s]] [[WSJ]] [[cybersecurity]] [[Threatpost]] [[numbers,]] [[Sievert]] [[Aug.]] [[ThreatPost]]');
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const p2 = await client.diagnostics(uri, (x) => x.version === 2);
    assert.ok(!p2.diagnostics.some((d) => d.code === 'tags.stop-word'));
    assert.strictEqual(p2.diagnostics.filter((d) => d.code!.startsWith('tags.')).length, 4);
    // The old diagnostic's fix belongs to version 1: on version 2 it would remove other characters, and is not offered.
    const stale = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri }, range: stop.range, context: { diagnostics: [stop], only: ['quickfix'] },
    });
    assert.deepStrictEqual(stale, []);
  });

  it('fixes all safe problems at once with source.fixAll', async function () {
    await client.open(uri, seedText);
    await client.diagnostics(uri);
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.strictEqual(actions.length, 1);
    const fixed = applyLspEdits(seedText, actions[0].edit.changes[uri]);
    assert.strictEqual(fixed.split('\n').find((l) => l.startsWith('[[T-Mobile]]')), '[[T-Mobile]] [[Binns]] [[WSJ]] [[cybersecurity]] [[Sievert]] [[ThreatPost]]');
  });

  it('asked for every kind of action, offers fix-all only at a problem that has a fix of its own', async function () {
    await client.open(uri, seedText);
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'figure.reconciled'));
    const ask = (d: any) => client.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const figure = p.diagnostics.find((d) => d.code === 'figure.reconciled')!;
    // Only the marker that silences it: no fix of its own, so no fix-all here.
    assert.deepStrictEqual((await ask(figure)).map((a) => [a.kind, a.title]), [['quickfix', 'Ignore figure.reconciled on this line']]);
    const tag = p.diagnostics.find((d) => d.code === 'tags.possessive')!;
    const kinds = (await ask(tag)).map((a) => a.kind);
    assert.ok(kinds.includes('quickfix') && kinds.includes('source.fixAll.breach-desk'), JSON.stringify(kinds));
  });

  it('a topic tag ([[cybersecurity]], no entity\'s) has a card and references', async function () {
    await client.notification('breachDesk/indexed');
    await client.open(uri, seedText);
    await client.diagnostics(uri);
    const line = seedText.split('\n').findIndex((l) => l.includes('[[cybersecurity]]'));
    const position = { line, character: seedText.split('\n')[line].indexOf('[[cybersecurity]]') + 4 };
    const h = await client.request<any>('textDocument/hover', { textDocument: { uri }, position });
    assert.match(String(h?.contents?.value), /^\*\*cybersecurity\*\* · tag\n\nTagged in 1 article in the corpus, Aug 28, 2021, from ThreatPost \(1\)\./);
    const refs = await client.request<any[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    assert.deepStrictEqual(refs.map((r) => `${r.uri === uri} ${textAt(seedText, r.range)}`), ['true cybersecurity']);
  });

  it('hovering the Source and Author fields shows the outlet and the author across the corpus', async function () {
    await client.notification('breachDesk/indexed');
    await client.open(uri, seedText);
    await client.diagnostics(uri);
    const lines = seedText.split('\n');
    const card = async (field: string) => {
      const line = lines.findIndex((l) => l.startsWith(field));
      const h = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line, character: field.length + 2 } });
      return { value: String(h?.contents?.value), text: lines[line].slice(h?.range?.start.character, h?.range?.end.character) };
    };
    const source = await card('+ Source:');
    assert.match(source.value, /^\*\*ThreatPost\*\* · outlet\n\n2 articles in the corpus, Aug 16, 2021 – Aug 28, 2021\./);
    assert.strictEqual(source.text, 'ThreatPost');
    const author = await card('+ Author:');
    assert.match(author.value, /^\*\*Lisa Vaas\*\* · author/);
    assert.strictEqual(author.text, 'Lisa Vaas');
  });

  it('applies incremental edits and publishes only the latest version after a burst', async function () {
    await client.open(uri, seedText);
    await client.diagnostics(uri);
    // Type a new tag letter by letter at the end of the tags line.
    const lines = seedText.split('\n');
    const tagLine = lines.findIndex((l) => l.startsWith('[[T-Mobile]]'));
    const typed = ' [[Hudson Rock,]]';
    let version = 1;
    for (let i = 0; i < typed.length; i++) {
      version++;
      const at = { line: tagLine, character: lines[tagLine].length + i };
      await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: typed[i] }] });
    }
    const punctuation = (x: { diagnostics: { code?: unknown; message: string }[] }) => x.diagnostics.filter((d) => d.code === 'tags.punctuation').map((d) => d.message);
    const first = await client.diagnostics(uri, (x) => x.version === version);
    // While the writer types, the new problem of the tag being typed waits for a pause; the problems the file
    // already had stay shown throughout.
    assert.ok(!punctuation(first).some((m) => m.includes('[[Hudson Rock,]]')), punctuation(first).join('\n'));
    assert.ok(first.diagnostics.some((d) => d.code === 'tags.stop-word'), JSON.stringify(first.diagnostics.map((d) => d.code)));
    const settled = await client.diagnostics(uri, (x) => x.version === version && punctuation(x).some((m) => m.includes('[[Hudson Rock,]]')));
    assert.ok(settled.diagnostics.some((d) => d.code === 'tags.stop-word'));
  });

  it('shows a problem the writer fixes go at once, and one they make after a pause (not on every keystroke)', async function () {
    const uri = fileUri(path.join(os.tmpdir(), `bd-quiet-${process.pid}.txt`));
    await client.open(uri, seedText);
    const opened = await client.diagnostics(uri);
    assert.ok(opened.diagnostics.some((d) => d.code === 'tags.stop-word'), 'a file opened shows its problems at once');
    const lines = seedText.split('\n');
    const tagLine = lines.findIndex((l) => l.startsWith('[[T-Mobile]]'));
    // Delete "[[it’s]] ": the stop-word goes in the very publication of that version.
    const col = lines[tagLine].indexOf('[[it’s]] ');
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: tagLine, character: col }, end: { line: tagLine, character: col + '[[it’s]] '.length } }, text: '' }] });
    const gone = await client.diagnostics(uri, (x) => x.version === 2);
    assert.ok(!gone.diagnostics.some((d) => d.code === 'tags.stop-word'));
    // Break the Information header: no error while typing, one after the pause.
    const info = lines.indexOf('## Information:');
    const t0 = Date.now();
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: info, character: 0 }, end: { line: info, character: 2 } }, text: '' }] });
    const broken = (x: { diagnostics: { code?: unknown }[] }) => x.diagnostics.some((d) => d.code === 'layout.missing-section' || d.code === 'layout.header-format');
    const typing = await client.diagnostics(uri, (x) => x.version === 3);
    assert.ok(!broken(typing), JSON.stringify(typing.diagnostics.map((d) => d.code)));
    await client.diagnostics(uri, (x) => x.version === 3 && broken(x));
    assert.ok(Date.now() - t0 >= 400, `shown after ${Date.now() - t0} ms`);
  });

  it('honours per-code severity settings', async function () {
    client.settings = { severity: { 'tags.stop-word': 'off', 'tags.possessive': 'error', 'not.a-code': 'error' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.open(uri, seedText);
    const p = await client.diagnostics(uri);
    assert.ok(!p.diagnostics.some((d) => d.code === 'tags.stop-word'));
    assert.strictEqual(p.diagnostics.find((d) => d.code === 'tags.possessive')!.severity, 1);
  });

  it('leaves a document alone that is not an article', async function () {
    const other = 'file:///tmp/notes.md';
    await client.open(other, '# Shopping\n\n- milk [[it’s]]\n', 'markdown');
    const p = await client.diagnostics(other);
    assert.deepStrictEqual(p.diagnostics, []);
    // Typing on in the note sends nothing more: an empty list once is enough.
    await client.notify('textDocument/didChange', { textDocument: { uri: other, version: 2 }, contentChanges: [{ text: '# Shopping\n\n- milk\n- eggs\n' }] });
    await client.notify('textDocument/didChange', { textDocument: { uri: other, version: 3 }, contentChanges: [{ text: '# Shopping\n\n- milk\n- eggs\n- tea\n' }] });
    // An article opened after the edits is published after them (one queue): by then the note's turn has passed.
    await client.open(uri, seedText);
    await client.diagnostics(uri);
    const published = (client as unknown as { published: Map<string, unknown[]> }).published.get(other) ?? [];
    assert.strictEqual(published.length, 1);
  });

  it('reports layout problems of a half-typed article without failing', async function () {
    const draft = 'file:///tmp/draft.txt';
    await client.open(draft, '# Draft\n\n## Information:\n+ Source: ZDNet\n+ Date: Blursday\n\n## Article:\nText [[unclosed\n');
    const p = await client.diagnostics(draft);
    const codes = p.diagnostics.map((d) => d.code).sort();
    assert.deepStrictEqual(codes, ['info.bad-date', 'info.missing-field', 'info.missing-field', 'layout.missing-section']);
    assert.ok(p.diagnostics.some((d) => d.severity === 1));
  });
});
