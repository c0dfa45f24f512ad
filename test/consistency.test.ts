/**
 * Figure consistency over stdio: a new article that contradicts the seeds is
 * underlined with related locations in the seed; a marker silences it.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { closeWorkspace, fileUri, LspClient, openWorkspace, ROOT } from './helpers/lsp';

const ARTICLE = `# T-Mobile breach: the count grows
### A follow-up

## Information:
+ Source: Example News
+ Link: https://example.com/tmobile-followup
+ Date: August 21, 2021
+ Author: Jane Doe

## Article:
T-Mobile said on Aug. 20 that the records of 766,000 former customers were stolen.

#### Tags:
[[T-Mobile]]
`;

describe('figure consistency over stdio', function () {
  let client: LspClient;
  let dir: string;

  beforeEach(async function () {
    ({ dir, client } = await openWorkspace('bd-cons-'));
  });
  afterEach(() => closeWorkspace({ dir, client }));

  it('warns that 766,000 former customers conflicts with the seeds’ 667,000, with the seed as related location', async function () {
    const uri = fileUri(path.join(dir, 'new.txt'));
    await client.open(uri, ARTICLE);
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'figure.conflict'));
    const c = p.diagnostics.find((d) => d.code === 'figure.conflict')!;
    assert.strictEqual(c.severity, 2);
    assert.match(c.message, /766,000 former customers disagrees with 667,000 in ThreatPost, Aug 28, 2021/);
    assert.deepStrictEqual(c.range, { start: { line: 10, character: 45 }, end: { line: 10, character: 52 } });
    const rel = c.relatedInformation as any[];
    assert.strictEqual(rel[0].location.uri, fileUri(path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt')));
    assert.strictEqual(rel[0].location.range.start.line, 104);
  });

  it('a related location is the figure itself: after a photo on the line before, not at the photo nor the sentence\'s start', async function () {
    const other = ARTICLE.replace('Example News', 'Other Wire').replace('tmobile-followup', 'tmobile-photo')
      .replace('T-Mobile said on Aug. 20', '![](https://example.com/photo.jpeg)\nT-Mobile said on Aug. 20').replace('766,000', '700,000');
    fs.writeFileSync(path.join(dir, 'photo.txt'), other);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'photo.txt')), type: 1 }] });
    const uri = fileUri(path.join(dir, 'new.txt'));
    await client.open(uri, ARTICLE);
    // Which statement the message names first follows the paths' order, which depends on where the
    // repository is cloned: look for the photo article among the related locations instead.
    const photo = (d: any) => (d.relatedInformation as any[] | undefined)?.find((r) => r.location.uri === fileUri(path.join(dir, 'photo.txt')));
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'figure.conflict' && photo(d)));
    const rel = photo(p.diagnostics.find((d) => d.code === 'figure.conflict' && photo(d)));
    const lines = other.split('\n');
    const { start, end } = rel.location.range;
    assert.strictEqual(start.line, end.line, JSON.stringify(rel.location.range));
    assert.strictEqual(lines[start.line].slice(start.character, end.character), '700,000', JSON.stringify(rel.location.range));
  });

  it('a breach-desk ignore marker silences it, and the silence survives an edit', async function () {
    const uri = fileUri(path.join(dir, 'new.txt'));
    const silenced = ARTICLE.replace('T-Mobile said on', '<!-- breach-desk: ignore figure.conflict -->\nT-Mobile said on');
    await client.open(uri, silenced);
    const p = await client.diagnostics(uri);
    assert.ok(!p.diagnostics.some((d) => d.code === 'figure.conflict'), JSON.stringify(p.diagnostics));
    const edited = silenced.replace('were stolen', 'were taken');
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const p2 = await client.diagnostics(uri, (x) => x.version === 2);
    assert.ok(!p2.diagnostics.some((d) => d.code === 'figure.conflict'));
  });

  it('on the seeds: the thief’s and the seller’s disputed claims, the 902,000 reconciliation, LinkedIn alone', async function () {
    const awful = path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt');
    const sale = path.join(ROOT, 'seeds', '002_abc3471a9c8ced9d.txt');
    await client.open(fileUri(awful), fs.readFileSync(awful, 'utf8'));
    await client.open(fileUri(sale), fs.readFileSync(sale, 'utf8'));
    const a = await client.diagnostics(fileUri(awful));
    const line = (d: any) => fs.readFileSync(awful, 'utf8').split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);
    // ~40 million (Aug. 18) then ~50 million (Aug. 20), told as a revision in one sentence: never a conflict between the two.
    // The subtitle's ">50m" is the thief's claim, disputed, not T-Mobile's count revised (its next sentence says what
    // T-Mobile said, and when).
    const disputedHere = a.diagnostics.filter((d) => d.code === 'figure.disputed');
    assert.ok(disputedHere.some((d) => line(d) === '>50m' && /T-Mobile gives ~40 million/.test(d.message)), JSON.stringify(disputedHere.map((d) => d.message)));
    assert.ok(!a.diagnostics.some((d) => /T-Mobile gives >50m/.test(d.message) || (d.code === 'figure.revision' && /→ >50m/.test(d.message))), JSON.stringify(a.diagnostics.map((d) => d.message)));
    assert.ok(!a.diagnostics.some((d) => d.code === 'figure.conflict' && line(d) === '~40 million' && /~50 million/.test(d.message)));
    assert.ok(!a.diagnostics.some((d) => d.code === 'figure.conflict' && line(d) === '~50 million' && /~40 million/.test(d.message)));
    const rec = a.diagnostics.find((d) => d.code === 'figure.reconciled')!;
    assert.strictEqual(line(rec), '902,000');
    assert.strictEqual((rec.relatedInformation as any[]).length, 2);
    assert.ok(!a.diagnostics.some((d) => d.code === 'figure.conflict' && line(d) === '902,000'));
    // The seeds tell one story whose figures were revised, disputed and broken down: nothing in them conflicts.
    assert.deepStrictEqual(a.diagnostics.filter((d) => d.code === 'figure.conflict').map((d) => d.message), []);
    const s = await client.diagnostics(fileUri(sale));
    assert.deepStrictEqual(s.diagnostics.filter((d) => d.code === 'figure.conflict').map((d) => d.message), []);
    const disputed = s.diagnostics.filter((d) => d.code === 'figure.disputed').map((d) => d.message);
    assert.ok(disputed.some((m) => /100 million/.test(m) && /T-Mobile/.test(m)), disputed.join('\n'));
    const saleText = fs.readFileSync(sale, 'utf8');
    const linkedIn = saleText.split('\n').findIndex((l) => l.includes('700 million'));
    assert.ok(!s.diagnostics.some((d) => d.range.start.line === linkedIn && d.code!.startsWith('figure.')));
  });
});
