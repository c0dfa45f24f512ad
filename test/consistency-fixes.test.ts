/**
 * The quick fixes of a figure conflict, over stdio with the real server: the
 * workspace holds one more article, a new article is opened, the conflict's
 * code actions are asked for, and applying the edit must give the expected
 * text (and the conflict must be gone once the fixed text is sent back).
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applyLspEdits, fileUri, LspClient, ROOT, SERVER } from './helpers/lsp';

function article(source: string, link: string, date: string, body: string): string {
  return `# T-Mobile breach: former customers
### A follow-up

## Information:
+ Source: ${source}
+ Link: ${link}
+ Date: ${date}
+ Author: Jane Doe

## Article:
${body}

#### Tags:
[[T-Mobile]]
`;
}

describe('figure conflict quick fixes over stdio', function () {
  let client: LspClient;
  let dir: string;

  before(function () {
    if (!fs.existsSync(SERVER)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });
  afterEach(async function () {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A workspace holding `others`, then `text` opened as new.txt; resolves with its conflict warning on `figure`. */
  async function conflictOn(others: Record<string, string>, text: string, figure: string) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-fix-'));
    for (const [name, body] of Object.entries(others)) fs.writeFileSync(path.join(dir, name), body);
    client = new LspClient();
    await client.initialize(fileUri(dir));
    await client.notification('breachDesk/indexed');
    const uri = fileUri(path.join(dir, 'new.txt'));
    await client.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.includes(figure));
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'figure.conflict' && d.range.start.line === line));
    const d = p.diagnostics.find((x) => x.code === 'figure.conflict' && x.range.start.line === line)!;
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
    });
    return { uri, d, actions };
  }

  it('"Use the value most sources give" replaces 766,000 with the 667,000 another article and both seeds give', async function () {
    const other = article('Example Wire', 'https://example.com/wire/tmobile-former', 'August 22, 2021',
      'T-Mobile said the stolen files included the records of 667,000 former customers.');
    const text = article('Example News', 'https://example.com/news/tmobile-followup', 'August 23, 2021',
      'T-Mobile said that the records of 766,000 former customers were stolen.');
    const { uri, actions } = await conflictOn({ 'other.txt': other }, text, '766,000');
    const use = actions.find((a) => a.title.startsWith('Use '));
    assert.ok(use, JSON.stringify(actions.map((a) => a.title)));
    // Example Wire, ThreatPost and ZDNet: each article counted once.
    assert.strictEqual(use.title, 'Use 667,000, the value 3 sources give');
    assert.strictEqual(use.kind, 'quickfix');
    const fixed = applyLspEdits(text, use.edit.changes[uri]);
    assert.strictEqual(fixed, text.replace('766,000 former', '667,000 former'));
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client.diagnostics(uri, (x) => x.version === 2);
    assert.deepStrictEqual(after.diagnostics.filter((x) => x.code === 'figure.conflict').map((x) => x.message), []);
  });

  it('a figure whose hedge stands before a link\'s bracket: "Use" keeps the bracket, no "Cite" nests a link, the message shows no markup', async function () {
    const other = article('Example Wire', 'https://example.com/wire/tmobile-former', 'August 22, 2021',
      'T-Mobile said the stolen files included the records of 667,000 former customers.');
    const text = article('Example News', 'https://example.com/news/tmobile-followup', 'August 23, 2021',
      'T-Mobile said that the records of more than [766,000 former customers were stolen](https://example.org/report).');
    const { uri, d, actions } = await conflictOn({ 'other.txt': other }, text, '766,000');
    assert.match(d.message, /^more than 766,000 former customers disagrees with/);
    assert.ok(!actions.some((a) => a.title.startsWith('Cite ')), JSON.stringify(actions.map((a) => a.title)));
    const use = actions.find((a) => a.title.startsWith('Use '));
    assert.ok(use, JSON.stringify(actions.map((a) => a.title)));
    assert.strictEqual(applyLspEdits(text, use.edit.changes[uri]), text.replace('more than [766,000 former', '[667,000 former'));
  });

  it('"Use" writes the value as running text does, never a headline\'s ">483 Users"', async function () {
    // The headline's form first, in the article that comes first.
    const acme = (source: string, link: string, body: string) => article(source, link, 'March 2, 2022', body).replace('[[T-Mobile]]', '[[Acme Exchange]]');
    const a = acme('Example Wire', 'https://example.com/wire/acme', 'Acme Exchange said 483 users were hit by the attack.')
      .replace('# T-Mobile breach: former customers', '# Acme Exchange: >483 Users Hit by Attack');
    const b = acme('Other Wire', 'https://example.com/other/acme', 'Acme Exchange confirmed that 483 users were hit by the attack.');
    const text = acme('Example News', 'https://example.com/news/acme', 'Acme Exchange said 438 users were hit by the attack.');
    const { uri, actions } = await conflictOn({ 'a.txt': a, 'b.txt': b }, text, '438');
    const use = actions.find((x) => x.title.startsWith('Use '));
    assert.ok(use, JSON.stringify(actions.map((x) => x.title)));
    assert.strictEqual(use.title, 'Use 483, the value 2 sources give');
    assert.strictEqual(applyLspEdits(text, use.edit.changes[uri]), text.replace('438 users', '483 users'));
  });

  it('"Cite" is offered only for an article that states the very value: "about 400" agrees with 438 but is no source of it', async function () {
    const about = article('Example Wire', 'https://example.com/wire/acme-about', 'March 2, 2022', 'Acme Exchange said about 400 users were hit by the attack.');
    const exact = article('Other Wire', 'https://example.com/other/acme-exact', 'March 2, 2022', 'Acme Exchange said 483 users were hit by the attack.');
    const exact2 = article('Third Wire', 'https://example.com/third/acme-exact', 'March 2, 2022', 'Acme Exchange confirmed that 483 users were hit by the attack.');
    const text = article('Example News', 'https://example.com/news/acme', 'March 2, 2022', 'Acme Exchange said 438 users were hit by the attack.');
    const { d, actions } = await conflictOn({ 'about.txt': about, 'exact.txt': exact, 'exact2.txt': exact2 }, text, '438');
    assert.match(d.message, /^438 users disagrees with 483/);
    assert.ok(!actions.some((a) => a.title.startsWith('Cite ')), JSON.stringify(actions.map((a) => a.title)));
  });

  it('no "Cite" in a headline (a link there shows as Markdown in every list of titles); the same figure in the body has it', async function () {
    const wrong = article('Example Wire', 'https://example.com/wire/tmobile-former', 'August 21, 2021',
      'T-Mobile said on Aug. 20 that the records of 766,000 former customers were stolen.');
    const text = article('Example News', 'https://example.com/news/tmobile-recap', 'August 29, 2021',
      'T-Mobile has confirmed that the records of 667,000 former customers were stolen.')
      .replace('# T-Mobile breach: former customers', '# T-Mobile: 667,000 former customers hit');
    const { actions } = await conflictOn({ 'wrong.txt': wrong }, text, '# T-Mobile: 667,000');
    assert.ok(!actions.some((a) => a.title.startsWith('Cite ')), JSON.stringify(actions.map((a) => a.title)));
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
    const body = await conflictOn({ 'wrong.txt': wrong }, text, 'has confirmed that the records of 667,000');
    assert.ok(body.actions.some((a) => a.title.startsWith('Cite ThreatPost')), JSON.stringify(body.actions.map((a) => a.title)));
  });

  it('"Cite" links the figure to the article that agrees with it, in the corpus’s own citation style', async function () {
    // Another article gets the figure wrong; the seed ThreatPost article agrees with the new one.
    const wrong = article('Example Wire', 'https://example.com/wire/tmobile-former', 'August 21, 2021',
      'T-Mobile said on Aug. 20 that the records of 766,000 former customers were stolen.');
    const text = article('Example News', 'https://example.com/news/tmobile-recap', 'August 29, 2021',
      'T-Mobile has confirmed that the records of 667,000 former customers were stolen.');
    const { uri, d, actions } = await conflictOn({ 'wrong.txt': wrong }, text, '667,000');
    assert.match(d.message, /667,000 former customers disagrees with 766,000 in Example Wire/);
    const cite = actions.find((a) => a.title.startsWith('Cite '));
    assert.ok(cite, JSON.stringify(actions.map((a) => a.title)));
    assert.strictEqual(cite.title, 'Cite ThreatPost (Aug 28, 2021), which also gives 667,000');
    const fixed = applyLspEdits(text, cite.edit.changes[uri]);
    assert.strictEqual(fixed, text.replace('of 667,000 former', 'of [667,000](https://kasperskycontenthub.com/threatpost-global/?p=169011) former'));
    // The cited figure is read as before (the link's address is no figure), and is now its source's: the
    // disagreement is one between sources, said at information level, no longer a warning on this article.
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client.diagnostics(uri, (x) => x.version === 2);
    assert.deepStrictEqual(after.diagnostics.filter((x) => x.code === 'figure.conflict').map((x) => x.message), []);
    const sources = after.diagnostics.filter((x) => x.code === 'figure.disputed' && /as ThreatPost \(Aug 28, 2021\) gives it/.test(x.message));
    assert.strictEqual(sources.length, 1, JSON.stringify(after.diagnostics));
    // The other article is named by the day it was published, as a writer looks it up, and the day it dates its count.
    assert.match(sources[0].message, /^667,000 former customers, as ThreatPost \(Aug 28, 2021\) gives it, disagrees with 766,000 in Example Wire, Aug 21, 2021, as of Aug 20: the sources differ\.$/);
    assert.strictEqual(sources[0].severity, 3);
    // Once cited, the figure is inside a link and no second citation is offered.
    const actions2 = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri }, range: sources[0].range, context: { diagnostics: [sources[0]], only: ['quickfix'] },
    });
    assert.ok(!actions2.some((a) => a.title.startsWith('Cite ')), JSON.stringify(actions2.map((a) => a.title)));
  });
});
