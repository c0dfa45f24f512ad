/**
 * Vulnerabilities named by their CVE identifiers: entities of their own kind,
 * read however the identifier is written and wherever it stands (text, link
 * text, tags), never from a web address; never a figure's owner or a claim's
 * speaker; a card that gives the name a flaw goes by ("Log4Shell"), and the
 * flaw's card that gives its identifier; references, completion, symbols and
 * semantic tokens over stdio.
 */
import * as assert from 'assert';
import * as path from 'path';
import { analyze } from '../server/src/core/analyze';
import { checkNames } from '../server/src/core/check/names';
import type { Diagnostic } from '../server/src/core/diagnostics';
import { extractFacts } from '../server/src/core/extract/facts';
import type { Pin } from '../server/src/core/extract/pins';
import { complete } from '../server/src/core/features/completion';
import { hover } from '../server/src/core/features/hover';
import { cveOfNameAt, nameOfCveAt } from '../server/src/core/features/roles';
import { TOKEN_TYPES } from '../server/src/core/features/semantic';
import { CorpusIndex, lineStartsOf } from '../server/src/core/index/corpus';
import { parse } from '../server/src/core/syntax/parse';
import { article, NOW } from './helpers/fixture';
import { closeWorkspace, fileUri, openWorkspace } from './helpers/lsp';

function story(n: number, date: string, body: string, tags = ''): { uri: string; text: string } {
  const text = `# Story ${n}\n\n## Information:\n+ Source: Outlet ${n}\n+ Link: https://example.com/story-${n}\n+ Date: ${date}\n+ Author: Jane Doe\n\n## Article:\n${body}\n${tags ? `\n#### Tags:\n${tags}\n` : ''}`;
  return { uri: `file:///ws/story-${String(n).padStart(2, '0')}.txt`, text };
}

function indexOf(stories: { uri: string; text: string }[]): CorpusIndex {
  const index = new CorpusIndex();
  for (const a of stories) index.set({ facts: extractFacts(a.uri, a.text, analyze(a.text, { now: NOW }).article, {}), lineStarts: lineStartsOf(a.text), origin: 'workspace' });
  return index;
}

/** Each entity of a body as [kind, name, the mentions as written]. */
function entities(body: string, tags?: string): [string, string, string[]][] {
  const text = article({ body, ...(tags ? { tags } : {}) });
  return extractFacts('file:///a.txt', text, parse(text).article).entities.map((e) => [e.kind, e.name, e.mentions.map((m) => text.slice(m.span.start, m.span.end))]);
}

const vulnerabilities = (body: string, tags?: string) => entities(body, tags).filter(([kind]) => kind === 'vulnerability');

describe('CVE identifiers', () => {
  it('are vulnerabilities, named in capitals however written, in text, link text and tags', () => {
    assert.deepStrictEqual(vulnerabilities(
      'Apache fixed CVE-2021-44228 and cve-2021-44228’s sibling CVE 2021-45046 on Friday. Patches for [CVE-2021-44228](https://nvd.nist.gov/vuln/detail/CVE-2021-44228) '
      + 'and CVE-2021-45105/CVE-2021-44832 followed.',
      '[[CVE-2021-44228]] [[Cve-2021-45046]] [[Log4j]]',
    ), [
      ['vulnerability', 'CVE-2021-44228', ['CVE-2021-44228', 'cve-2021-44228', 'CVE-2021-44228', 'CVE-2021-44228']],
      ['vulnerability', 'CVE-2021-45046', ['CVE 2021-45046', 'Cve-2021-45046']],
      ['vulnerability', 'CVE-2021-45105', ['CVE-2021-45105']],
      ['vulnerability', 'CVE-2021-44832', ['CVE-2021-44832']],
    ]);
  });

  it('are not read from a web address or a path, nor from what only looks like one', () => {
    assert.deepStrictEqual(vulnerabilities('See https://nvd.nist.gov/vuln/detail/CVE-2021-1111 and www.cve.org/CVERecord?id=CVE-2021-2222 for details.'), []);
    assert.deepStrictEqual(vulnerabilities('Run /opt/poc/CVE-2021-3333/exploit.py to test.'), []);
    assert.deepStrictEqual(vulnerabilities('It is not CVE-21-3333, CVE-2021-444 nor CVE-1988-5555, and the CVE program named none.'), []);
  });

  it('take linear time however many stand in one run of characters without a space (article text is untrusted)', () => {
    // Each identifier once looked back to the run's start: 480 KB of them took 31 s, so these 900 KB would outlast the
    // test's 60 s. Counted, not timed: each is a mention.
    const n = 60_000;
    const found = vulnerabilities(`Files: ${'CVE-2021-44228/'.repeat(n)}a.exe here.`);
    assert.deepStrictEqual(found.map(([kind, name, ms]) => [kind, name, ms.length]), [['vulnerability', 'CVE-2021-44228', n]]);
  });

  it('beside a pin: a pinned alias keeps its mentions, a pinned identifier takes the others', () => {
    const text = article({ body: 'Apache fixed Log4Shell, CVE-2021-44228, on Friday. Attackers used CVE 2021-44228 again.', tags: '[[CVE-2021-44228]]' });
    const pinned = (pin: Pin) => extractFacts('file:///a.txt', text, parse(text).article, { pins: [pin] }).entities
      .filter((e) => e.kind !== 'place').map((e) => [e.kind, e.name, e.mentions.map((m) => text.slice(m.span.start, m.span.end))]);
    // "Log4Shell" pinned with the identifier as an alias: where that form stands, the mention is the pin's alone.
    assert.deepStrictEqual(pinned({ key: 'log4shell', name: 'Log4Shell', kind: 'other', aliases: ['CVE-2021-44228'] }).filter(([, name]) => name !== 'Apache'), [
      ['other', 'Log4Shell', ['Log4Shell', 'CVE-2021-44228']],
      ['vulnerability', 'CVE-2021-44228', ['CVE 2021-44228', 'CVE-2021-44228']],
    ]);
    // The identifier pinned as an organisation: one entity, every writing of it.
    assert.deepStrictEqual(pinned({ key: 'cve-2021-44228', name: 'CVE-2021-44228', kind: 'organisation', aliases: [] }).filter(([, name]) => /cve/i.test(name as string)),
      [['organisation', 'CVE-2021-44228', ['CVE-2021-44228', 'CVE 2021-44228', 'CVE-2021-44228']]]);
  });

  it('own no figure and say nothing: figures and claims read the article as before', () => {
    const text = article({ body: 'CVE-2021-44228 affected 3,000 servers, Acme Corp said. CVE-2021-34481 has a CVSS score of 10, said Kevin Breen.' });
    const f = extractFacts('file:///a.txt', text, parse(text).article);
    assert.ok(f.entities.some((e) => e.kind === 'vulnerability'));
    assert.ok(f.figures.length > 0);
    for (const fig of f.figures) assert.ok(!fig.subject?.startsWith('cve-') && !fig.measure.startsWith('cve-'), JSON.stringify(fig));
    for (const c of f.claims) assert.ok(!c.attribution?.key?.startsWith('cve-'), JSON.stringify(c));
  });

  it('are never taken for a misspelling of one another', () => {
    const named = [1, 2, 3].map((n) => story(n, `2021-12-1${n}`, `Attackers exploited CVE-2021-44228 against ${n} servers this week.`));
    const other = story(4, '2021-12-20', 'A fix for CVE-2021-44229 shipped today.');
    const index = indexOf([...named, other]);
    const out: Diagnostic[] = [];
    checkNames(index, other.uri, out);
    assert.deepStrictEqual(out, []);
  });
});

describe('a flaw\'s name and its CVE identifier', () => {
  const name = (s: string, id: string) => nameOfCveAt(s, s.indexOf(id), id.length);
  const id = (s: string, n: string) => cveOfNameAt(s, s.indexOf(n), n.length);

  it('are read beside each other, either way round', () => {
    assert.strictEqual(name('Apache patched Log4Shell (CVE-2021-44228), a critical flaw.', 'CVE-2021-44228'), 'Log4Shell');
    assert.strictEqual(id('Apache patched Log4Shell (CVE-2021-44228), a critical flaw.', 'Log4Shell'), 'CVE-2021-44228');
    assert.strictEqual(name('The PrintNightmare bug, tracked as CVE-2021-1675, was patched.', 'CVE-2021-1675'), 'PrintNightmare');
    assert.strictEqual(id('The PrintNightmare bug, tracked as CVE-2021-1675, was patched.', 'PrintNightmare'), 'CVE-2021-1675');
    assert.strictEqual(name('It exploits CVE-2021-34527 (PrintNightmare) and CVE-2020-1472, also known as Zerologon.', 'CVE-2020-1472'), 'Zerologon');
    assert.strictEqual(id('It exploits CVE-2021-34527 (PrintNightmare) and CVE-2020-1472, also known as Zerologon.', 'Zerologon'), 'CVE-2020-1472');
    // A link's address between them, longer than any window a reader would cut it to.
    const linked = '[CVE-2020-1472](https://msrc.microsoft.com/update-guide/vulnerability/CVE-2020-1472) (aka ZeroLogon) was next.';
    assert.strictEqual(name(linked, 'CVE-2020-1472'), 'ZeroLogon');
    assert.strictEqual(name('Log4Shell ([cve 2021-44228](https://nvd.nist.gov/x)) is bad.', 'cve 2021-44228'), 'Log4Shell');
    assert.strictEqual(id('Log4Shell ([cve 2021-44228](https://nvd.nist.gov/x)) is bad.', 'Log4Shell'), 'CVE-2021-44228');
  });

  it('are not a product, a part, a score or one of a family', () => {
    assert.strictEqual(name('A zero-day in Chrome (CVE-2021-37973) was fixed.', 'CVE-2021-37973'), undefined);
    assert.strictEqual(id('A zero-day in Chrome (CVE-2021-37973) was fixed.', 'Chrome'), undefined);
    assert.strictEqual(name('CVE-2021-40444 (CVSS score: 8.8) is bad.', 'CVE-2021-40444'), undefined);
    assert.strictEqual(name('CVE-2021-26855 (RCE) was used.', 'CVE-2021-26855'), undefined);
    assert.strictEqual(name('Windows Print Spooler (CVE-2021-1675) again.', 'CVE-2021-1675'), undefined);
    assert.strictEqual(name('**Microsoft Netlogon: CVE-2020-1472** was rated 10.', 'CVE-2020-1472'), undefined);
    assert.strictEqual(id('CVE-2021-36958 and another PrintNightmare bug, tracked as CVE-2021-34483, were reported.', 'PrintNightmare'), undefined);
    // A product's name with a flaw's noun, or "tracked as", is the product's unless the name is coined (a capital inside).
    assert.strictEqual(name('The Sudo bug ([CVE-2021-3156](http://cve.mitre.org/x)) is old.', 'CVE-2021-3156'), undefined);
    assert.strictEqual(name('Standouts include a Framemaker bug (CVE-2021-39830) rated 8.8.', 'CVE-2021-39830'), undefined);
    assert.strictEqual(name('Now tracked as [CVE-2021-30869](https://cve.mitre.org/x), the flaw is patched.', 'CVE-2021-30869'), undefined);
    assert.strictEqual(name('A zero-day also affecting iOS and macOS Monterey tracked as CVE-2022-22587 was fixed.', 'CVE-2022-22587'), undefined);
    assert.strictEqual(name('A memory corruption issue in the ColorSync (CVE-2022-22584) was fixed.', 'CVE-2022-22584'), undefined);
    assert.strictEqual(name('The PrintNightmare bug (CVE-2021-34527) again.', 'CVE-2021-34527'), 'PrintNightmare');
    // The name given after the identifier goes first: "Log4j" here is the library.
    assert.strictEqual(name('About the Log4j vulnerability ([CVE-2021-44228](https://cve.mitre.org/x)), known as Log4Shell, more.', 'CVE-2021-44228'), 'Log4Shell');
    assert.strictEqual(id('Patched for the Log4j vulnerability (CVE-2021-44228) now.', 'Log4j'), undefined);
    // A bare bracket joins a severity, a date, a vendor or a product as often: only a coined name, or words that give a name.
    assert.strictEqual(name('Microsoft fixed CVE-2022-21907 (Critical) today.', 'CVE-2022-21907'), undefined);
    assert.strictEqual(name('Apache disclosed CVE-2021-44228 (December 9).', 'CVE-2021-44228'), undefined);
    assert.strictEqual(name('Hackers use CVE-2018-13379 (Fortinet).', 'CVE-2018-13379'), undefined);
    assert.strictEqual(name('Attackers are exploiting Log4j (CVE-2021-44228) widely.', 'CVE-2021-44228'), undefined);
    assert.strictEqual(id('Attackers are exploiting Log4j (CVE-2021-44228) widely.', 'Log4j'), undefined);
    assert.strictEqual(name('Zerologon (CVE-2020-1472) is old.', 'CVE-2020-1472'), undefined);
    assert.strictEqual(name('CVE-2020-1472 (aka Zerologon) is old.', 'CVE-2020-1472'), 'Zerologon');
    assert.strictEqual(name('CVE-2021-26855 (ProxyLogon) is old.', 'CVE-2021-26855'), 'ProxyLogon');
  });

  it('stand on each other\'s card, cited, with the identifier\'s own card and count', () => {
    const named = story(1, '2021-12-10', 'Apache patched Log4Shell (CVE-2021-44228), a critical flaw in Log4j. Log4Shell is everywhere.');
    const later = story(2, '2021-12-20', 'Attackers keep exploiting CVE-2021-44228 against VMware Horizon servers, researchers said.', '[[CVE-2021-44228]]');
    const index = indexOf([named, later]);
    const cveCard = hover(index, later.uri, later.text.indexOf('CVE-2021-44228') + 2)!.markdown.split('\n\n');
    assert.strictEqual(cveCard[0], '**CVE\\-2021\\-44228** · vulnerability');
    assert.strictEqual(cveCard[1], 'Named Log4Shell ([Outlet 1, Dec 10, 2021](file:///ws/story-01.txt#L10))');
    assert.ok(cveCard.includes('Mentioned in 2 articles (3 mentions).'), cveCard.join('\n'));
    const nameCard = hover(index, named.uri, named.text.indexOf('Log4Shell is') + 2)!.markdown.split('\n\n');
    assert.ok(nameCard.includes('Tracked as CVE\\-2021\\-44228 ([Outlet 1, Dec 10, 2021](file:///ws/story-01.txt#L10))'), nameCard.join('\n'));
  });

  it('are found by what the identifier\'s card reads when the flaw\'s own mentions say nothing of it', () => {
    // Log4Shell's first mentions in the article that gives its identifier are far from it; the identifier's card reads it.
    const first = story(1, '2021-12-10', 'Log4Shell keeps spreading. Log4Shell is a flaw. Log4Shell is bad. Log4Shell again. Log4Shell, once more.\n\nThe patch for Log4Shell (CVE-2021-44228) is out.');
    const index = indexOf([first, story(2, '2021-12-11', 'Log4Shell is in the news again today.')]);
    const card = hover(index, first.uri, first.text.indexOf('Log4Shell') + 2)!.markdown;
    assert.ok(card.includes('\n\nTracked as CVE\\-2021\\-44228 ([Outlet 1, Dec 10, 2021](file:///ws/story-01.txt#L12))'), card);
    // A thing whose articles name no CVE reads nothing for it.
    const alone = story(3, '2021-12-12', 'Log4Shell is in the news again today. Log4Shell (also written Log4j) is old.');
    const plain = indexOf([alone]);
    const plainCard = hover(plain, alone.uri, alone.text.indexOf('Log4Shell') + 2)!.markdown;
    assert.match(plainCard, /^\*\*Log4Shell\*\* · other/);
    assert.doesNotMatch(plainCard, /Tracked as/);
  });
});

describe('completing a CVE identifier being typed', () => {
  it('offers those the corpus names that start so, this article\'s first, then by articles, replacing the whole word', () => {
    const stories = [
      story(1, '2021-12-10', 'Log4Shell (CVE-2021-44228) and CVE-2021-45046 were patched.'),
      story(2, '2021-12-11', 'CVE-2021-44228 again, and CVE-2021-4034 (PwnKit).'),
      story(3, '2021-12-12', 'CVE-2021-44228 once more. CVE-2020-1472 too.'),
    ];
    const here = story(4, '2021-12-13', 'We saw CVE-2021-4034 here. Then cve-2021-4');
    const index = indexOf([...stories, here]);
    const at = here.text.indexOf('cve-2021-4') + 'cve-2021-4'.length;
    const lineStart = here.text.lastIndexOf('\n', at - 1) + 1;
    const items = complete(index, here.uri, at, here.text.slice(lineStart, at), '\n');
    assert.deepStrictEqual(items.map((i) => [i.label, i.detail]), [
      ['CVE-2021-4034', 'vulnerability · 2 articles'],
      ['CVE-2021-44228', 'vulnerability · 3 articles'],
      ['CVE-2021-45046', 'vulnerability · 1 article'],
    ]);
    assert.deepStrictEqual(items[1].replace, { start: at - 'cve-2021-4'.length, end: at });
    assert.strictEqual(items[1].filterText, 'cve-2021-44228');
    // Inside an identifier, the rest of it is replaced; in a web address nothing is offered.
    const inside = complete(index, here.uri, at, 'Then CVE-2021-4', '42xx');
    assert.deepStrictEqual(inside[0].replace, { start: at - 'CVE-2021-4'.length, end: at + 2 });
    assert.deepStrictEqual(complete(index, here.uri, at, 'See https://nvd.nist.gov/vuln/detail/CVE-2021-4', ''), []);
    assert.deepStrictEqual(complete(index, here.uri, at, 'See https://example.com/?q=log4j+CVE-2021-4', ''), []);
    // Not the hyphen of a word after the identifier: "CVE-2021-4|5046-related" keeps "-related".
    assert.deepStrictEqual(complete(index, here.uri, at, 'The CVE-2021-4', '5046-related flaw')[0].replace, { start: at - 'CVE-2021-4'.length, end: at + 4 });
    assert.deepStrictEqual(complete(index, here.uri, at, 'See CVE-20', '21-44228-and more')[0].replace, { start: at - 'CVE-20'.length, end: at + '21-44228'.length });
    // In a field, the field's completion.
    assert.ok(complete(index, here.uri, at, '+ Source: CVE-', '').every((i) => i.kind === 'outlet'));
    // A word that only starts like one is left alone.
    assert.deepStrictEqual(complete(index, here.uri, at, 'The CVE', ''), []);
  });
});

describe('CVE identifiers over stdio', function () {
  this.timeout(60_000);

  it('references, completion after [[, workspace symbols and semantic tokens', async () => {
    const a = story(1, '2021-12-10', 'Apache patched Log4Shell (CVE-2021-44228) on Friday.', '[[CVE-2021-44228]]');
    const b = story(2, '2021-12-20', 'Attackers exploit cve-2021-44228 and CVE-2021-45046 today.');
    const ws = await openWorkspace('bd-cve-', { 'a.txt': a.text, 'b.txt': b.text });
    try {
      const uriA = fileUri(path.join(ws.dir, 'a.txt'));
      const uriB = fileUri(path.join(ws.dir, 'b.txt'));
      await ws.client.open(uriB, b.text);
      await ws.client.diagnostics(uriB);
      const pos = (text: string, word: string, from = 0) => {
        const at = text.indexOf(word, from);
        const lines = text.slice(0, at).split('\n');
        return { line: lines.length - 1, character: lines[lines.length - 1].length };
      };
      const refs = await ws.client.request<any[]>('textDocument/references', { textDocument: { uri: uriB }, position: pos(b.text, 'cve-2021-44228'), context: { includeDeclaration: true } });
      const shown = refs.map((r) => `${r.uri === uriA ? 'a' : r.uri === uriB ? 'b' : r.uri}:${r.range.start.line}:${r.range.start.character}-${r.range.end.character}`).sort();
      const inA = pos(a.text, 'CVE-2021-44228');
      const tagA = pos(a.text, 'CVE-2021-44228]]');
      const inB = pos(b.text, 'cve-2021-44228');
      assert.deepStrictEqual(shown, [
        `a:${inA.line}:${inA.character}-${inA.character + 14}`,
        `a:${tagA.line}:${tagA.character}-${tagA.character + 14}`,
        `b:${inB.line}:${inB.character}-${inB.character + 14}`,
      ].sort());

      // Completion after "[[CVE": both identifiers, as vulnerabilities.
      const typed = `${b.text}\n#### Tags:\n[[CVE`;
      await ws.client.notify('textDocument/didChange', { textDocument: { uri: uriB, version: 2 }, contentChanges: [{ text: typed }] });
      const lines = typed.split('\n');
      const items = (await ws.client.request<any>('textDocument/completion', { textDocument: { uri: uriB }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } })).items;
      const labels = items.map((i: any) => i.label);
      assert.ok(labels.includes('CVE-2021-44228') && labels.includes('CVE-2021-45046'), labels.join(', '));

      // Typed in the text: the identifiers that start so, each resolved to its card (with the flaw's name).
      const body = b.text.replace('today.', 'today. See cve-2021-44');
      await ws.client.notify('textDocument/didChange', { textDocument: { uri: uriB, version: 3 }, contentChanges: [{ text: body }] });
      const end = pos(body, 'cve-2021-44', body.indexOf('See'));
      const inText = (await ws.client.request<any>('textDocument/completion', { textDocument: { uri: uriB }, position: { line: end.line, character: end.character + 'cve-2021-44'.length } })).items;
      assert.deepStrictEqual(inText.map((i: any) => i.label), ['CVE-2021-44228']);
      assert.strictEqual(inText[0].kind, 23 /* CompletionItemKind.Event */);
      const resolved = await ws.client.request<any>('completionItem/resolve', inText[0]);
      assert.match(resolved.documentation.value, /^\*\*CVE\\-2021\\-44228\*\* · vulnerability\n\nNamed Log4Shell \(/);

      const symbols = await ws.client.request<any[]>('workspace/symbol', { query: 'CVE-2021-44228' });
      const sym = symbols.find((s) => s.name === 'CVE-2021-44228');
      assert.ok(sym, JSON.stringify(symbols));
      assert.strictEqual(sym.kind, 24 /* SymbolKind.Event */);

      // Semantic tokens: the identifier as a vulnerability (the legend's type), Log4Shell as a term.
      await ws.client.open(uriA, a.text);
      const data: number[] = (await ws.client.request<any>('textDocument/semanticTokens/full', { textDocument: { uri: uriA } })).data;
      const tokens: { line: number; start: number; length: number; type: string }[] = [];
      let line = 0;
      let start = 0;
      for (let k = 0; k < data.length; k += 5) {
        line += data[k];
        start = data[k] === 0 ? start + data[k + 1] : data[k + 1];
        tokens.push({ line, start, length: data[k + 2], type: TOKEN_TYPES[data[k + 3]] });
      }
      assert.deepStrictEqual(tokens.find((t) => t.line === inA.line && t.start === inA.character), { line: inA.line, start: inA.character, length: 14, type: 'vulnerability' });
    } finally {
      await closeWorkspace(ws);
    }
  });
});
