/**
 * Corpus knowledge over stdio: the acceptance checks of the corpus issue, on
 * the bundled seeds, plus incremental updates from edits and from files
 * changing on disk.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileUri, LspClient, ROOT, SERVER } from './helpers/lsp';

const SEEDS = path.join(ROOT, 'seeds');
const AWFUL = path.join(SEEDS, '000_01fe31f0ddfc7e1f.txt');
const ZDNET = path.join(SEEDS, '001_ea6beca59c6dffc6.txt');
const SALE = path.join(SEEDS, '002_abc3471a9c8ced9d.txt');

function positionOf(text: string, needle: string, nth = 0, delta = 1): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${nth} not found`);
  }
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

function textOf(file: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

describe('corpus knowledge over stdio', function () {
  let client: LspClient;
  let workspace: string;
  const awful = fs.readFileSync(AWFUL, 'utf8');

  before(function () {
    if (!fs.existsSync(SERVER)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });

  beforeEach(async function () {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-ws-'));
    client = new LspClient();
    await client.initialize(fileUri(workspace), { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } });
    const indexed = await client.notification('breachDesk/indexed');
    assert.strictEqual(indexed.articles, 3);
  });

  afterEach(async function () {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('after a load the analysis is warmed up once on a seed when nothing is asked, publishing nothing and indexing nothing of it', async function () {
    const warmed = () => client.notifications.filter((n) => n.method === 'window/logMessage' && /^Analysis warmed up on /.test(String(n.params.message)));
    const deadline = Date.now() + 20000;
    while (!warmed().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.strictEqual(warmed().length, 1, 'the warm-up ran once');
    // No document is open: nothing is published, however the seed's analysis went.
    assert.deepStrictEqual([...client.published.keys()], []);
    // The seed warmed on is indexed as loaded: each of Alon Gal's mentions once, none twice (the first seed of three).
    const uri = fileUri(AWFUL);
    await client.open(uri, awful);
    const refs = await client.request<any[]>('textDocument/references', { textDocument: { uri }, position: positionOf(awful, 'Gal tweeted'), context: { includeDeclaration: true } });
    const places = refs.map((r) => `${r.uri}:${r.range.start.line}:${r.range.start.character}`);
    assert.strictEqual(new Set(places).size, places.length, places.join('\n'));
    assert.strictEqual(new Set(refs.map((r) => r.uri)).size, 3, places.join('\n'));
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(warmed().length, 1, 'once only');
  });

  it('hover on "Binns" cites facts from at least two seed articles', async function () {
    const uri = fileUri(AWFUL);
    await client.open(uri, awful);
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(awful, 'Binns told the WSJ') });
    const md: string = h.contents.value;
    assert.match(md, /\*\*John Binns\*\* · person/);
    const cited = new Set([...md.matchAll(/\((file:\/\/[^)#]+)#L\d+\)/g)].map((m) => m[1]));
    assert.ok(cited.size >= 2, md);
    assert.ok([...cited].every((u) => [AWFUL, ZDNET, SALE].map(fileUri).includes(u)), md);
    assert.match(md, /ZDNet, Aug 26, 2021|ThreatPost, Aug 16, 2021/);
  });

  it('hover on "902,000" shows the ZDNet parts 850,000 and 52,000 with their date', async function () {
    const uri = fileUri(AWFUL);
    await client.open(uri, awful);
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(awful, '902,000') });
    const md: string = h.contents.value;
    assert.match(md, /850,000/);
    assert.match(md, /52,000/);
    assert.match(md, /ZDNet, Aug 26, 2021/);
    assert.ok(md.includes(`${fileUri(ZDNET)}#L`), md);
    // What it counts, as the articles write it (the index compares "customer").
    assert.match(md, /^\*\*902,000\*\* — prepaid customers of T\\-Mobile$/m);
    assert.match(md, /850,000 prepaid customers \+ 52,000 people \\\(Metro\\\) = 902,000/);
  });

  it('hover on a figure lists only statements known to count the same thing', async function () {
    const doc = (n: number, body: string, tags = '[[Acme Corp]]') => [
      '# Acme results', '### The quarter.', '', '## Information:', '+ Source: Wire', `+ Link: https://example.com/acme-${n}`, `+ Date: May ${n}, 2022`, '+ Author: Jane Doe', '',
      '## Article:', body, '', '#### Tags:', tags, ''].join('\n');
    const a = doc(1, 'Acme Corp reported $801.1 million for the quarter, and Acme Corp said its margin grew 29.7%. Acme Corp said 2 million customers were affected by the breach.');
    const b = doc(2, 'Acme Corp paid $75 million for a rival, and Acme Corp said its margin grew 12%. Acme Corp said 1.2 million customers were affected by the breach.\n\n'
      + '* [Acme Corp breach hits 9 million customers](https://example.com/older-story)');
    const [ua, ub] = [path.join(workspace, 'a.txt'), path.join(workspace, 'b.txt')].map(fileUri);
    await client.open(ub, b);
    await client.open(ua, a);
    await client.diagnostics(ua);
    const at = async (needle: string) => (await client.request('textDocument/hover', { textDocument: { uri: ua }, position: positionOf(a, needle) })).contents.value as string;
    // "$801.1 million" and "$75 million" say nothing about what they count: neither agrees nor differs.
    const money = await at('$801.1 million');
    assert.match(money, /^\*\*\\\$801\\\.1 million\*\* — amount for Acme Corp$/m);
    assert.ok(!/Same measure|75 million|29\\\.7%|12%/.test(money), money);
    const customers = await at('2 million customers');
    assert.match(customers, /Same measure across the corpus/);
    assert.match(customers, /\*\*1\\\.2 million\*\* ✗ disagrees/);
    // A related story's headline in a list of links is another article's, not a statement of this one.
    assert.ok(!customers.includes('9 million'), customers);
    // Whose professionals? Without a subject, another article's count is not the same thing.
    const c = doc(3, 'A survey asked 130 professionals about passwords. More than one in four people reused one.', '[[passwords]]');
    const uc = fileUri(path.join(workspace, 'c.txt'));
    await client.open(fileUri(path.join(workspace, 'd.txt')), doc(4, 'A survey asked 10 professionals about passwords.', '[[passwords]]'));
    await client.open(uc, c);
    await client.diagnostics(uc);
    const survey = (await client.request('textDocument/hover', { textDocument: { uri: uc }, position: positionOf(c, '130') })).contents.value as string;
    assert.match(survey, /^\*\*130\*\* — professionals$/m);
    assert.ok(!survey.includes('Same measure'), survey);
    // "one in four people" is a ratio, not a count of people: no figure to hover.
    assert.strictEqual(await client.request('textDocument/hover', { textDocument: { uri: uc }, position: positionOf(c, 'four people') }), null);
    const name = await at('Acme Corp said 2');
    assert.match(name, /\*\*Acme Corp\*\* · organisation/);
    assert.ok(!name.includes('hits 9 million'), name);
    // A sentence two articles carry word for word is cited once.
    const retold = 'Acme Corp will run one of the regional cyber hubs in the trial, the minister said.';
    for (const [n, rest] of [[5, 'Acme Corp declined to comment.'], [6, 'Acme Corp shares fell.']] as const) {
      const u = fileUri(path.join(workspace, `${n}.txt`));
      await client.open(u, doc(n, `${retold} ${rest}`));
      await client.diagnostics(u);
    }
    const card = await at('Acme Corp said 2');
    assert.strictEqual(card.split('regional cyber hubs').length - 1, 1, card);
  });

  it('hover on a figure marks each statement as the consistency check weighs it, never "differs" where the check does not compare', async function () {
    const doc = (name: string, date: string, body: string) => [
      `# ${name}`, '### Report.', '', '## Information:', '+ Source: Wire', `+ Link: https://example.com/${name}`, `+ Date: ${date}`, '+ Author: Jane Doe', '',
      '## Article:', `In a statement, ${body} The network of Corvane is regional.`, '', '#### Tags:', '[[Corvane]]', ''].join('\n');
    const files: [string, string][] = [
      ['here', doc('here', 'March 3, 2023', 'Corvane said 40,000 customers were affected by the breach. Attackers hit 2,000 sites running the Corvane plugin.')],
      ['rival', doc('rival', 'March 4, 2023', 'Corvane said 55,000 customers were affected by the breach. Attackers hit 9,000 sites running the Corvane plugin.')],
      ['same', doc('same', 'March 5, 2023', 'Corvane confirmed 40,000 customers were affected by the breach.')],
      ['later', doc('later', 'March 9, 2023', 'Corvane now says 61,000 customers were affected by the breach, up from its first count.')],
      ['claim', doc('claim', 'March 6, 2023', 'the hackers claimed 90,000 Corvane customers were affected by the breach.')],
      ['old', doc('old', 'June 1, 2019', 'Corvane said 12,000 customers were affected by the breach. Attackers hit 7,000 sites running the Corvane plugin.')],
      // The rival article saved again under another name (same Link): it counts once.
      ['rival-copy', doc('rival', 'March 4, 2023', 'Corvane said 55,000 customers were affected by the breach. Attackers hit 9,000 sites running the Corvane plugin.')],
    ];
    const uris = files.map(([n]) => fileUri(path.join(workspace, `judge-${n}.txt`)));
    for (let i = 1; i < files.length; i++) await client.open(uris[i], files[i][1]);
    const text = files[0][1];
    await client.open(uris[0], text);
    const diags = (await client.diagnostics(uris[0], (p) => p.diagnostics.some((d) => d.code === 'figure.conflict'))).diagnostics;
    const card = (await client.request('textDocument/hover', { textDocument: { uri: uris[0] }, position: positionOf(text, '40,000') })).contents.value as string;
    const lineOf = (value: string) => card.split('\n').find((l) => l.startsWith('- ') && l.includes(`**${value}**`)) ?? '';
    // The rival count is a conflict for the check, and the card says so; agreeing and later counts say what they are.
    assert.ok(diags.some((d) => d.code === 'figure.conflict' && /55,000/.test(d.message)), JSON.stringify(diags));
    assert.match(lineOf('55,000'), /✗ disagrees/, card);
    assert.match(lineOf('40,000'), /✓ agrees/, card);
    assert.match(lineOf('61,000'), /↻ a later count/, card);
    // A claim against this confirmed count is not a rival: the check does not compare them, nor does the card call it wrong.
    assert.match(lineOf('90,000'), /not compared\\: a claim/, card);
    // Four years earlier is another event: listed apart, unmarked.
    assert.match(card, /\*\*Other stories\*\* \(another time or event; not compared\)\n\n- Jun 1, 2019 — \*\*12,000\*\* · said by Corvane — /, card);
    assert.ok(card.indexOf('**Other stories**') > card.indexOf('61,000'), card);
    // Counts of sites are not weighed by the check: differing values are listed, not marked wrong.
    const sites = (await client.request('textDocument/hover', { textDocument: { uri: uris[0] }, position: positionOf(text, '2,000 sites') })).contents.value as string;
    assert.match(sites, /\*\*9,000\*\* — \[Wire/, sites);
    assert.ok(!/disagrees|differs|✗/.test(sites), sites);
    assert.match(sites, /_Not checked for conflicts: Breach Desk weighs counts of people, accounts, records and data, and the sums a breach costs\._/);
    // Nor is a count of another time passed off as this story's: 2019's sites are another story, listed apart.
    assert.ok(sites.indexOf('**7,000**') > sites.indexOf('**Other stories**') && sites.indexOf('**Other stories**') > sites.indexOf('**9,000**'), sites);
    assert.ok(!diags.some((d) => /9,000/.test(d.message)), JSON.stringify(diags));
    // The timeline says the same: the check's verdicts where it weighs, "not checked" where it does not.
    const timeline = async (needle: string) => (await client.request('breachDesk/timeline', { textDocument: { uri: uris[0] }, position: positionOf(text, needle) })).points as { text: string; verdict?: string; check?: string; selected: boolean }[];
    const customers = await timeline('40,000');
    assert.deepStrictEqual(customers.filter((p) => p.text === '55,000').map((p) => [p.verdict, p.check]).sort(),
      [['conflicts', 'disagrees'], ['unweighed', 'not compared: a copy of an article (same Link) counted once']]);
    assert.strictEqual(customers.find((p) => p.text === '61,000')?.check, 'a later count');
    assert.ok(customers.filter((p) => !p.selected).every((p) => p.verdict && p.check), JSON.stringify(customers));
    // A fractional position is clamped, as every other request's is.
    const at = positionOf(text, '40,000');
    const fractional = await client.request('breachDesk/timeline', { textDocument: { uri: uris[0] }, position: { line: at.line + 0.5, character: at.character + 0.25 } });
    assert.deepStrictEqual(fractional?.points?.length, customers.length);
    const siteCounts = await timeline('2,000 sites');
    assert.deepStrictEqual(siteCounts.filter((p) => !p.selected).map((p) => [p.text, p.verdict, p.check]), [['7,000', 'unweighed', 'not checked'], ['9,000', 'unweighed', 'not checked'], ['9,000', 'unweighed', 'not checked']]);
    for (const u of uris) await client.notify('textDocument/didClose', { textDocument: { uri: u } });
  });

  it('hover on a name lists its other spellings once, whatever their case', async function () {
    const uri = fileUri(path.join(workspace, 'aws.txt'));
    const text = '# Cloud outage\n\n## Information:\n+ Source: Wire\n+ Link: https://example.com/aws\n+ Date: 2021-08-30\n+ Author: Me\n\n## Article:\nAmazon Web Services (AWS) said the outage was over. AWS said no data was lost.\n\n#### Tags:\n[[Aws]] [[AWS]]\n';
    await client.open(uri, text);
    await client.diagnostics(uri);
    const md = (await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Amazon Web') })).contents.value as string;
    assert.match(md, /^Also written: AWS$/m);
  });

  it('hover and references on a tag naming the article\'s own outlet show that outlet, though the tag is no mention', async function () {
    const article = (source: string, link: string, body: string, tags: string) => ['# A story', '', '## Information:', `+ Source: ${source}`, `+ Link: ${link}`, '+ Date: 2021-08-30', '+ Author: Me', '', '## Article:', body, '', '#### Tags:', tags, ''].join('\n');
    const other = path.join(workspace, 'wire.txt');
    const wire = article('Wire', 'https://example.com/wire', 'Globex confirmed the breach, ZDNet reported on Monday.', '[[Globex]]');
    fs.writeFileSync(other, wire);
    const uri = fileUri(path.join(workspace, 'own.txt'));
    const text = article('ZDNet', 'https://www.zdnet.com/article/own/', 'Globex said 2,000 customers were affected.', '[[Globex]] [[ZDNet]]');
    // Both open: an open document is indexed at once, where a file event may wait for the watcher's debounce.
    await client.open(fileUri(other), wire);
    await client.diagnostics(fileUri(other));
    await client.open(uri, text);
    await client.diagnostics(uri);
    const at = positionOf(text, '[[ZDNet]]', 0, 3);
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: at });
    assert.ok(h, 'no hover on the self-tag');
    assert.match(h.contents.value, /ZDNet/);
    // The self-tag is not counted: only the Wire article names ZDNet.
    assert.match(h.contents.value, /Mentioned in 1 article\b/);
    const refs = await client.request<any[]>('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } });
    // The self-tag itself (as highlights show it), then the Wire article's mention.
    const tag = positionOf(text, '[[ZDNet]]', 0, 2);
    assert.deepStrictEqual(refs.map((r) => [r.uri, r.uri === uri ? r.range : textOf(other, r.range)]),
      [[uri, { start: tag, end: { line: tag.line, character: tag.character + 5 } }], [fileUri(other), 'ZDNet']]);
  });

  it('go to definition on the threatpost.com link to 168689 opens the "100m … Up for Sale" seed', async function () {
    const uri = fileUri(AWFUL);
    await client.open(uri, awful);
    const defs = await client.request<any[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(awful, '[the breach](https://threatpost.com/t-mobile-investigates-100m-records/168689/)', 0, 3) });
    assert.strictEqual(defs.length, 1);
    assert.strictEqual(defs[0].uri, fileUri(SALE));
    assert.match(textOf(SALE, defs[0].range), /100m T-Mobile Customer Records Purportedly Up for Sale/);
  });

  it('on an article\'s own Link: references list the links of other articles to it, and the hover says who links to it', async function () {
    // The "Up for Sale" seed's address is kasperskycontenthub.com/threatpost-global/?p=168689; the "Awful" seed links
    // to it as threatpost.com/…/168689/, the other form of the same ThreatPost address.
    const sale = fs.readFileSync(SALE, 'utf8');
    const uri = fileUri(SALE);
    await client.open(uri, sale);
    const at = positionOf(sale, 'https://kasperskycontenthub.com/threatpost-global/?p=168689', 0, 10);
    const refs = await client.request<any[]>('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } });
    assert.deepStrictEqual(refs.map((r) => [r.uri, textOf(r.uri === uri ? SALE : AWFUL, r.range)]), [
      [uri, 'https://kasperskycontenthub.com/threatpost-global/?p=168689'],
      [fileUri(AWFUL), '[the breach](https://threatpost.com/t-mobile-investigates-100m-records/168689/)'],
    ]);
    const without = await client.request<any[]>('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: false } });
    assert.deepStrictEqual(without.map((r) => r.uri), [fileUri(AWFUL)]);
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: at });
    const md: string = h.contents.value;
    assert.match(md, /^\*\*Linked from 1 article\*\*$/m, md);
    const line = positionOf(awful, '[the breach](https://threatpost.com/t-mobile-investigates-100m-records/168689/)').line;
    assert.ok(md.includes(`(${fileUri(AWFUL)}#L${line + 1})`), `the item opens the Awful seed at its link:\n${md}`);
    assert.match(md, /ThreatPost, Aug 2\d, 2021/);
    // The ZDNet seed's address: no seed links to it.
    const zdnet = fs.readFileSync(ZDNET, 'utf8');
    await client.open(fileUri(ZDNET), zdnet);
    const zAt = positionOf(zdnet, 'https://www.zdnet.com/article/21-year-old', 0, 12);
    const none = await client.request('textDocument/hover', { textDocument: { uri: fileUri(ZDNET) }, position: zAt });
    assert.match(none.contents.value, /No other article of the corpus links to it/);
    assert.deepStrictEqual((await client.request<any[]>('textDocument/references', { textDocument: { uri: fileUri(ZDNET) }, position: zAt, context: { includeDeclaration: false } })), []);
  });

  it('go to definition on a figure opens the other article stating the same measure; on a quotation, the earliest article carrying it', async function () {
    const uri = fileUri(AWFUL);
    await client.open(uri, awful);
    const fig = await client.request<any[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(awful, '902,000') });
    assert.deepStrictEqual(fig.map((l) => l.uri), [fileUri(ZDNET)]);
    assert.match(fs.readFileSync(ZDNET, 'utf8').split('\n')[fig[0].range.start.line], /850,000 active T-Mobile prepaid customers/);
    const quote = await client.request<any[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(awful, '> This breach was done', 0, 5) });
    assert.strictEqual(quote[0].uri, fileUri(SALE));
    assert.match(textOf(SALE, quote[0].range), /^This breach was done to retaliate/);
  });

  it('hover and go to definition on a figure that does not say what it counts find the same value of the same owner that does', async function () {
    const doc = (n: number, date: string, body: string) => [
      '# Ransomware report', '', '## Information:', `+ Source: Outlet ${n}`, `+ Link: https://example.com/report-${n}`, `+ Date: ${date}`, '+ Author: Jane Doe', '',
      '## Article:', body, '', '#### Tags:', '[[SonicWall]]', ''].join('\n');
    const a = doc(1, 'Jul 30, 2021', 'Attacks seen by SonicWall in the first half of 2021 smashed the 2020 total of 304.6 million.');
    const b = doc(2, 'Aug 3, 2021', 'SonicWall logged 304.6 million ransomware attempts in 2020.');
    const [ua, ub] = [path.join(workspace, 'a.txt'), path.join(workspace, 'b.txt')].map(fileUri);
    await client.open(ub, b);
    await client.open(ua, a);
    await client.diagnostics(ua);
    const position = positionOf(a, '304.6 million');
    const card: string = (await client.request('textDocument/hover', { textDocument: { uri: ua }, position })).contents.value;
    assert.match(card, /^\*\*304\\\.6 million\*\* — number for SonicWall$/m);
    assert.match(card, new RegExp(`\\*\\*The same value elsewhere\\*\\*\\n\\n- Aug 3, 2021 — \\*\\*304\\\\\\.6 million\\*\\* · attempts — \\[Outlet 2, Aug 3, 2021\\]\\(${ub.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#L10\\)`), card);
    const found = await client.request<any[]>('textDocument/definition', { textDocument: { uri: ua }, position });
    assert.deepStrictEqual(found.map((l) => [l.uri, l.range.start.line]), [[ub, 9]]);
  });

  it('references on "Gal" list Alon Gal in all three seeds and no one else', async function () {
    const uri = fileUri(AWFUL);
    await client.open(uri, awful);
    const refs = await client.request<any[]>('textDocument/references', { textDocument: { uri }, position: positionOf(awful, 'Gal tweeted'), context: { includeDeclaration: true } });
    const files = new Set(refs.map((r) => r.uri));
    assert.deepStrictEqual([...files].sort(), [AWFUL, ZDNET, SALE].map(fileUri).sort());
    const byFile: Record<string, string> = { [fileUri(AWFUL)]: AWFUL, [fileUri(ZDNET)]: ZDNET, [fileUri(SALE)]: SALE };
    for (const r of refs) assert.match(textOf(byFile[r.uri], r.range), /^(?:Alon Gal|Gal|@UnderTheBreach)$/);
  });

  it('a person\'s card says who they are, and an organisation\'s what it is, as the seeds put it, with where each says so', async function () {
    const uri = fileUri(AWFUL);
    await client.open(uri, awful);
    const card: string = (await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(awful, 'Gal tweeted') })).contents.value;
    // "Alon Gal, CTO of cybercrime intelligence firm [Hudson Rock](…)" and "Alon Gal, co-founder of cybercrime intelligence firm Hudson Rock".
    const roles = card.split('\n').find((l) => /Hudson Rock/.test(l) && !l.startsWith('- ')) ?? '';
    assert.match(roles, /CTO of cybercrime intelligence firm Hudson Rock \(\[ThreatPost, [A-Z][a-z]{2} \d{1,2}, 2021\]\(file:\/\/\S+#L\d+\)\)/, card);
    assert.match(roles, /co\\?-founder of cybercrime intelligence firm Hudson Rock \(\[ZDNet, /, card);
    // Said once each: the link around Hudson Rock in one seed leaves no Markdown in its role.
    assert.ok(!roles.includes('hudsonrock.com') && roles.split(' · ').length === 2, roles);
    // An organisation's card says what it is: Hudson Rock, "cybercrime intelligence firm" in each seed, said once.
    const rock: string = (await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(awful, 'Hudson Rock') })).contents.value;
    assert.match(rock, /^cybercrime intelligence firm \(\[(?:ThreatPost|ZDNet), [A-Z][a-z]{2} \d{1,2}, 2021\]\(file:\/\/\S+#L\d+\)\)$/m, rock);
    // Nothing of the role line is another person's: Binns is described as no CTO.
    const binns: string = (await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(awful, 'John Binns') })).contents.value;
    assert.ok(!/Hudson Rock \(\[/.test(binns), binns);
  });

  it('highlights every mention of the name under the cursor, and every statement of a figure\'s measure, in this article only', async function () {
    const uri = fileUri(AWFUL);
    await client.open(uri, awful);
    const req = (needle: string) => client.request<any[]>('textDocument/documentHighlight', { textDocument: { uri }, position: positionOf(awful, needle) });
    const names = await req('Gal tweeted');
    const texts = names.map((h) => textOf(AWFUL, h.range));
    assert.ok(texts.length >= 2, JSON.stringify(texts));
    for (const t of texts) assert.match(t, /^(?:Alon Gal|Gal|@UnderTheBreach)$/);
    assert.ok(texts.includes('Gal') && texts.includes('Alon Gal'), JSON.stringify(texts));
    // Binns is someone else: none of his mentions.
    assert.ok(!texts.some((t) => /Binns/.test(t)));
    // "~40 million" records of T-Mobile: every figure of that measure here, and no customer count.
    const figs = (await req('~40 million')).map((h) => textOf(AWFUL, h.range));
    assert.ok(figs.includes('~40 million') && figs.includes('~50 million') && figs.includes('>50m'), JSON.stringify(figs));
    assert.ok(!figs.includes('more than 50 million'), JSON.stringify(figs));
    // Off any name or figure: null, so that the editor's own word highlighting still runs.
    assert.strictEqual(await client.request('textDocument/documentHighlight', { textDocument: { uri }, position: positionOf(awful, 'purported') }), null);
  });

  it('highlights on a tag take in the tag itself and the other tags of the entity, and on a name in the body its tags', async function () {
    const uri = fileUri(AWFUL);
    await client.open(uri, awful);
    const req = async (needle: string, nth = 0) => ((await client.request<any[] | null>('textDocument/documentHighlight', { textDocument: { uri }, position: positionOf(awful, needle, nth, 3) })) ?? [])
      .map((h) => `${h.range.start.line + 1}:${textOf(AWFUL, h.range)}`);
    const tagLine = awful.split('\n').findIndex((l) => l.startsWith('[[T-Mobile]]')) + 1;
    // ThreatPost's own tags on its page are no mention of it (the publisher, not a subject), yet they name it: both
    // spellings and the body's four mentions light up, from either tag and from the body.
    const threatpost = ['86:Threatpost', '134:Threatpost', '137:Threatpost', '143:Threatpost', `${tagLine}:Threatpost`, `${tagLine}:ThreatPost`];
    assert.deepStrictEqual(await req('[[ThreatPost]]'), threatpost);
    assert.deepStrictEqual(await req('[[Threatpost]]'), threatpost);
    assert.deepStrictEqual(await req('Threatpost'), threatpost, 'on the body\'s first, "told Threatpost"');
    // A tag that is a mention was there already: [[Binns]] with John Binns, from the tag and from the body.
    const binns = await req('[[Binns]]');
    assert.ok(binns.includes(`${tagLine}:Binns`) && binns.includes('2:John Binns'), JSON.stringify(binns));
    assert.deepStrictEqual(await req('Binns told'), binns);
  });

  /** Opens a draft whose body is `body` and asks for completions right after its last line's `[[`. */
  async function tagCompletion(uri: string, source: string, link: string, body: string): Promise<any> {
    await client.open(uri, `# Draft\n\n## Information:\n+ Source: ${source}\n+ Link: ${link}\n+ Date: 2021-08-30\n+ Author: Me\n\n## Article:\n${body}\n\n#### Tags:\n[[`);
    return client.request('textDocument/completion', { textDocument: { uri }, position: { line: 12, character: 2 } });
  }

  it('completion after [[ offers T-Mobile and John Binns', async function () {
    const uri = fileUri(path.join(workspace, 'draft.txt'));
    const res = await tagCompletion(uri, 'ZDNet', 'https://example.com/a', 'T-Mobile confirmed the breach.');
    const labels: string[] = res.items.map((i: any) => i.label);
    assert.ok(labels.includes('T-Mobile'), labels.slice(0, 20).join(', '));
    assert.ok(labels.includes('John Binns'), labels.slice(0, 20).join(', '));
    assert.strictEqual(labels[0], 'T-Mobile');
    const tm = res.items.find((i: any) => i.label === 'T-Mobile');
    assert.strictEqual(tm.textEdit.newText, 'T-Mobile]]');
  });

  it('a name completion offers resolves to its card: who the name is before the writer tags it', async function () {
    const uri = fileUri(path.join(workspace, 'draft.txt'));
    const res = await tagCompletion(uri, 'ZDNet', 'https://example.com/a', 'T-Mobile confirmed the breach.');
    const binns = res.items.find((i: any) => i.label === 'John Binns');
    assert.ok(binns?.data, JSON.stringify(binns));
    const resolved = await client.request<any>('completionItem/resolve', binns);
    assert.strictEqual(resolved.documentation.kind, 'markdown');
    assert.match(resolved.documentation.value, /^\*\*John Binns\*\* · person$/m);
    // Facts cited from the seeds, each a link to its article.
    assert.match(resolved.documentation.value, /\*\*Cited facts\*\*\n\n- .*\(file:\/\/\S+#L\d+\)/);
    assert.strictEqual(resolved.label, 'John Binns');
    assert.deepStrictEqual(resolved.textEdit, binns.textEdit);
    // An item whose data is not ours (a client may send anything back) comes back as it went.
    const odd = { label: 'X', data: { key: 42, uri: null } };
    assert.deepStrictEqual(await client.request('completionItem/resolve', odd), odd);
    assert.deepStrictEqual(await client.request('completionItem/resolve', { label: 'Y' }), { label: 'Y' });
    // A key the index does not have: no documentation, no error.
    assert.deepStrictEqual(await client.request('completionItem/resolve', { label: 'Z', data: { key: 'no such name', uri } }), { label: 'Z', data: { key: 'no such name', uri } });
  });

  it('completion after [[ offers an outlet only where the article names it or is its own, unless typed', async function () {
    // ThreatPost tags its own pages [[ThreatPost]]: many articles, none of them about it. A ZDNet draft that never
    // names it has no use for the tag.
    const labels = async (name: string, source: string, body: string) => ((await tagCompletion(fileUri(path.join(workspace, name)), source, `https://example.com/${name}`, body)).items as any[]).map((i) => i.label);
    const zdnet = await labels('outlet-a.txt', 'ZDNet', 'T-Mobile confirmed the breach.');
    assert.ok(zdnet.includes('T-Mobile') && !zdnet.includes('ThreatPost'), zdnet.slice(0, 20).join(', '));
    const cites = await labels('outlet-b.txt', 'ZDNet', 'T-Mobile confirmed the breach, the seller told Threatpost.');
    assert.ok(cites.includes('ThreatPost'), cites.slice(0, 20).join(', '));
    const own = await labels('outlet-c.txt', 'ThreatPost', 'T-Mobile confirmed the breach.');
    assert.ok(own.includes('ThreatPost'), own.slice(0, 20).join(', '));
    const uri = fileUri(path.join(workspace, 'outlet-d.txt'));
    await client.open(uri, '# Draft\n\n## Information:\n+ Source: ZDNet\n+ Link: https://example.com/outlet-d\n+ Date: 2021-08-30\n+ Author: Me\n\n## Article:\nT-Mobile confirmed the breach.\n\n#### Tags:\n[[Threat');
    const typed = await client.request<any>('textDocument/completion', { textDocument: { uri }, position: { line: 12, character: 8 } });
    assert.ok(typed.items.some((i: any) => i.label === 'ThreatPost'), JSON.stringify(typed.items.map((i: any) => i.label)));
  });

  it('completion after [[ puts what this article talks about before what many articles name', async function () {
    // Globex is in 30 articles, Initech only in this one: a tag for this article is about Initech.
    for (let i = 0; i < 30; i++) {
      await client.open(fileUri(path.join(workspace, `globex-${i}.txt`)), `# Globex news ${i}\n\n## Information:\n+ Source: Wire\n+ Link: https://example.com/globex-${i}\n+ Date: 2021-08-${String(1 + (i % 28)).padStart(2, '0')}\n+ Author: Me\n\n## Article:\nGlobex Corporation said its quarter went well.\n\n#### Tags:\n[[Globex Corporation]]\n`);
    }
    const uri = fileUri(path.join(workspace, 'draft.txt'));
    const res = await tagCompletion(uri, 'Wire', 'https://example.com/draft', 'Initech Corporation confirmed the breach. Initech Corporation said 2,000 customers were affected.');
    const labels: string[] = res.items.map((i: any) => i.label);
    assert.ok(labels.includes('Globex Corporation'), labels.slice(0, 20).join(', '));
    assert.ok(labels.indexOf('Initech Corporation') >= 0 && labels.indexOf('Initech Corporation') < labels.indexOf('Globex Corporation'), labels.slice(0, 20).join(', '));
  });

  /** Opens a draft whose Tags line is `tags` and asks for completions at its end. */
  async function completeTagsLine(uri: string, body: string, tags: string): Promise<any[]> {
    await client.open(uri, `# Draft\n\n## Information:\n+ Source: Wire\n+ Link: https://example.com/t\n+ Date: 2021-08-30\n+ Author: Me\n\n## Article:\n${body}\n\n#### Tags:\n${tags}`);
    return (await client.request<any>('textDocument/completion', { textDocument: { uri }, position: { line: 12, character: tags.length } })).items;
  }

  it('completion after [[ leaves out a name already tagged by another of its names: [[Binns]] tags John Binns', async function () {
    const items = await completeTagsLine(fileUri(path.join(workspace, 'tagged.txt')), 'John Binns said he did it. T-Mobile confirmed the breach.', '[[Binns]] [[');
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('John Binns'), labels.slice(0, 10).join(', '));
    assert.strictEqual(labels[0], 'T-Mobile', labels.slice(0, 10).join(', '));
    // Typed, the full name is what the writer asks for (to write it in full, say).
    const typed = await completeTagsLine(fileUri(path.join(workspace, 'tagged2.txt')), 'John Binns said he did it.', '[[Binns]] [[John B');
    assert.ok(typed.some((i) => i.label === 'John Binns'), JSON.stringify(typed.map((i) => i.label)));
  });

  it('completion after [[ by another name ("IRDev" is John Binns) tells the editor what it matched, so that the editor keeps it', async function () {
    const items = await completeTagsLine(fileUri(path.join(workspace, 'alias.txt')), 'The seller spoke.', '[[IRDe');
    const binns = items.find((i) => i.label === 'John Binns');
    assert.ok(binns, JSON.stringify(items.map((i) => i.label)));
    assert.match(binns.filterText, /^irdev$/i);
    assert.strictEqual(binns.textEdit.newText, 'John Binns]]');
    // Found by its own name, an item needs no filter text.
    const byName = await completeTagsLine(fileUri(path.join(workspace, 'alias2.txt')), 'The seller spoke.', '[[Binn');
    assert.strictEqual(byName.find((i) => i.label === 'John Binns')?.filterText, undefined);
  });

  it('completion after [[ with letters typed: names that start with them, then a word that does, then the rest', async function () {
    for (const typed of ['in', 'mo', 'ga']) {
      const items = await completeTagsLine(fileUri(path.join(workspace, `fit-${typed}.txt`)), 'T-Mobile confirmed the breach.', `[[${typed}`);
      const fit = (label: string) => { const l = label.toLowerCase(); return l.startsWith(typed) ? 0 : new RegExp(`[^\\p{L}\\p{N}]${typed}`, 'u').test(l) ? 1 : 2; };
      const fits = items.filter((i) => !i.filterText).map((i) => fit(i.label));
      assert.ok(fits.length > 1, `${typed}: ${JSON.stringify(items.map((i) => i.label))}`);
      assert.deepStrictEqual(fits, [...fits].sort((a, b) => a - b), `${typed}: ${JSON.stringify(items.map((i) => i.label))}`);
    }
  });

  it('completion after "+ Source:" offers the outlets', async function () {
    const uri = fileUri(path.join(workspace, 'draft.txt'));
    const draft = '# Draft\n\n## Information:\n+ Source: ';
    await client.open(uri, draft);
    const res = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 10 } });
    assert.deepStrictEqual(res.items.map((i: any) => i.label), ['ThreatPost', 'ZDNet']);
    // Each resolves to the outlet's card, as the Source field's hover shows it.
    const zdnet = await client.request<any>('completionItem/resolve', res.items[1]);
    assert.match(zdnet.documentation.value, /^\*\*ZDNet\*\* · outlet/m);
    assert.match(zdnet.documentation.value, /\(file:\/\/\S+001_ea6beca59c6dffc6\.txt/);
  });

  it('completion after "+ Source:" does not offer what is being typed back; after "+ Author:" it completes the last of a list', async function () {
    const uri = fileUri(path.join(workspace, 'draft2.txt'));
    const draft = '# Draft\n\n## Information:\n+ Source: Thr\n+ Author: Lisa Vaas, Jo\n\n## Article:\nText.\n';
    await client.open(uri, draft);
    const sources = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 13 } });
    assert.deepStrictEqual(sources.items.map((i: any) => i.label), ['ThreatPost']);
    const authors = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 23 } });
    const item = authors.items.find((i: any) => i.label === 'Jonathan Greig');
    assert.ok(item, JSON.stringify(authors.items.map((i: any) => i.label)));
    // Only "Jo" is replaced, not the whole list.
    assert.deepStrictEqual(item.textEdit.range, { start: { line: 4, character: 21 }, end: { line: 4, character: 23 } });
    // It resolves to the author's card, as the Author field's hover shows it.
    const resolved = await client.request<any>('completionItem/resolve', item);
    assert.match(resolved.documentation.value, /^\*\*Jonathan Greig\*\* · author/m);
  });

  it('completion in a key=value tag: "[[vic" offers the corpus\'s keys, "[[threatactor.name=" the values given that key, this article\'s names first', async function () {
    const tagged = '# Heist\n\n## Information:\n+ Source: Wire\n+ Link: https://example.com/heist\n+ Date: 2022-02-01\n+ Author: A. Writer\n\n## Article:\nThe Lazarus Group stole $600 million, Elliptic said.\n\n## Tags:\n### Threat actor:\n[[threatactor.name=Lazarus Group]] [[threatactor.name=APT38]]\n### Location:\n[[victim.country.name=Vietnam]]\n';
    const other = '# Bank\n\n## Information:\n+ Source: Wire\n+ Link: https://example.com/bank\n+ Date: 2022-02-02\n+ Author: A. Writer\n\n## Article:\nAPT38 hit a bank.\n\n## Tags:\n### Threat actor:\n[[threatactor.name=APT38]]\n';
    for (const [name, text] of [['heist.txt', tagged], ['bank.txt', other]]) {
      fs.writeFileSync(path.join(workspace, name), text);
      await client.open(fileUri(path.join(workspace, name)), text);
    }
    const uri = fileUri(path.join(workspace, 'draft-keyed.txt'));
    const draft = '# Draft\n\n## Information:\n+ Source: Wire\n\n## Article:\nThe Lazarus Group struck again.\n\n## Tags:\n### Threat actor:\n[[threatactor.name=\n[[vic\n';
    await client.open(uri, draft);
    const values = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 19 } });
    // Lazarus Group is named here; APT38 is given by more articles.
    assert.deepStrictEqual(values.items.map((i: any) => i.label), ['Lazarus Group', 'APT38']);
    assert.deepStrictEqual(values.items[0].textEdit, { range: { start: { line: 10, character: 19 }, end: { line: 10, character: 19 } }, newText: 'Lazarus Group]]' });
    const keys = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 11, character: 5 } });
    const key = keys.items.find((i: any) => i.label === 'victim.country.name=');
    assert.ok(key, JSON.stringify(keys.items.map((i: any) => i.label)));
    assert.deepStrictEqual(key.textEdit.range, { start: { line: 11, character: 2 }, end: { line: 11, character: 5 } });
  });

  it('workspace symbols find entities and articles', async function () {
    const syms = await client.request<any[]>('workspace/symbol', { query: 'binns' });
    assert.ok(syms.some((s) => s.name === 'John Binns'), JSON.stringify(syms.map((s) => s.name)));
  });

  it('pinned entities: aliases resolve, the description shows, mistakes are reported in the file', async function () {
    await client.shutdown();
    fs.mkdirSync(path.join(workspace, '.breachdesk'));
    const pinsFile = path.join(workspace, '.breachdesk', 'entities.json');
    fs.writeFileSync(pinsFile, JSON.stringify({ entities: [{ name: 'John Binns', kind: 'person', aliases: ['v0rtex'], description: 'Says he <b>did</b> it.' }, { name: 'X', kind: 'robot' }] }, null, 2));
    const draft = path.join(workspace, 'draft.txt');
    const text = '# Draft\n\n## Information:\n+ Source: Reuters\n+ Link: https://example.com/d\n+ Date: 2021-09-01\n+ Author: A. Writer\n\n## Article:\nThe hacker v0rtex posted again.\n\n#### Tags:\n[[T-Mobile]]\n';
    fs.writeFileSync(draft, text);
    client = new LspClient();
    await client.initialize(fileUri(workspace));
    await client.notification('breachDesk/indexed');
    const problems = await client.diagnostics(fileUri(pinsFile));
    assert.strictEqual(problems.diagnostics.length, 1);
    assert.match(problems.diagnostics[0].message, /"X": kind must be one of/);
    await client.open(fileUri(draft), text);
    const h = await client.request('textDocument/hover', { textDocument: { uri: fileUri(draft) }, position: { line: 9, character: 12 } });
    assert.match(h.contents.value, /\*\*John Binns\*\* · person/);
    // The description is untrusted text too: shown, never rendered as HTML.
    assert.ok(h.contents.value.includes('Says he &lt;b\\>did&lt;/b\\> it\\.'), h.contents.value);
    assert.match(h.contents.value, /Mentioned in 4 articles/);
  });

  it('an outlet named in articles analysed before its own is that outlet, on the main thread and on analyst threads', async function () {
    // Files are analysed in name order: the "a…" files name the Harbor Lantern before "z.txt", whose Source it is, is
    // read. 210 of them: enough for a load with a storage folder to analyse them on worker threads.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-outlets-'));
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-outlets-storage-'));
    const article = (source: string, link: string, body: string) => `# A story\n\n## Information:\n+ Source: ${source}\n+ Link: https://example.com/${link}\n+ Date: 2021-08-30\n+ Author: Me\n\n## Article:\n${body}\n`;
    for (let i = 0; i < 210; i++) {
      fs.writeFileSync(path.join(dir, `a${String(i).padStart(3, '0')}.txt`), article(i % 2 ? 'Wire' : 'Post', `a${i}`, `The Harbor Lantern reported on Monday that Globex had lost the data of ${i + 2},000 customers.`));
    }
    fs.writeFileSync(path.join(dir, 'z.txt'), article('Harbor Lantern', 'z', 'Globex confirmed the breach on Tuesday.'));
    const uri = fileUri(path.join(dir, 'a000.txt'));
    const text = fs.readFileSync(path.join(dir, 'a000.txt'), 'utf8');
    try {
      for (const options of [undefined, { storagePath: storage, analystThreads: 2 }]) {
        const other = new LspClient();
        try {
          await other.initialize(fileUri(dir), { workspace: { configuration: true } }, options);
          const indexed = await other.notification('breachDesk/indexed');
          assert.strictEqual(indexed.analysts, options ? 2 : 0, JSON.stringify(indexed));
          await other.open(uri, text);
          await other.diagnostics(uri);
          const h = await other.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Harbor Lantern') });
          assert.match(h.contents.value, /^\*\*Harbor Lantern\*\* · outlet$/m, JSON.stringify(options));
        } finally {
          await other.shutdown();
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });

  it('in a restricted (untrusted) workspace reads no workspace files, only the seeds', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-untrusted-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), '# A\n\n## Information:\n+ Source: X\n\n## Article:\nAlon Gal said so.\n');
    const restricted = new LspClient();
    try {
      await restricted.initialize(fileUri(dir), { workspace: { configuration: true } }, { trusted: false });
      const indexed = await restricted.notification('breachDesk/indexed');
      assert.strictEqual(indexed.articles, 3);
    } finally {
      await restricted.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('picks up a file created on disk and an edit in the editor', async function () {
    const file = path.join(workspace, 'new.txt');
    fs.writeFileSync(file, '# New\n\n## Information:\n+ Source: Reuters\n+ Link: https://example.com/new\n+ Date: 2021-09-01\n+ Author: A. Writer\n\n## Article:\nAlon Gal, CTO of Hudson Rock, said so. Gal said more.\n\n#### Tags:\n[[Hudson Rock]]\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 1 }] });
    const uri = fileUri(AWFUL);
    await client.open(uri, awful);
    const pos = positionOf(awful, 'Gal tweeted');
    let refs: any[] = [];
    // The watcher event is handled asynchronously (the file is read): wait for its effect.
    for (const deadline = Date.now() + 10000; Date.now() < deadline && !refs.some((r) => r.uri === fileUri(file));) {
      refs = await client.request<any[]>('textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: true } });
      if (!refs.some((r) => r.uri === fileUri(file))) await new Promise((r) => setTimeout(r, 20));
    }
    assert.strictEqual(refs.filter((r) => r.uri === fileUri(file)).length, 2);
    // Delete it: its mentions leave the index.
    fs.rmSync(file);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 3 }] });
    refs = await client.request<any[]>('textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: true } });
    assert.strictEqual(refs.filter((r) => r.uri === fileUri(file)).length, 0);
  });
});
