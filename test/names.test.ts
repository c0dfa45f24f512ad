/**
 * Names written otherwise than the corpus writes them (`name.variant`,
 * check/names.ts): the table of near names in the index, the check's rules
 * on real extraction of fixture articles, and the diagnostic with its fix
 * over stdio.
 */
import * as assert from 'assert';
import * as path from 'path';
import { checkConsistency } from '../server/src/core/check/consistency';
import type { Diagnostic } from '../server/src/core/diagnostics';
import { extractFacts } from '../server/src/core/extract/facts';
import { CorpusIndex, lineStartsOf, oneEdit } from '../server/src/core/index/corpus';
import { parse } from '../server/src/core/syntax/parse';
import { article } from './helpers/fixture';
import { applyLspEdits, closeWorkspace, fileUri, openWorkspace, type Workspace } from './helpers/lsp';

/** An article of its own Link and day, its body `body`. */
function story(n: number, body: string): string {
  return article({
    title: `Story ${n} of the week`,
    info: { Source: 'Example Wire', Link: `[article](https://example.com/wire/story-${n}/)`, Date: `August ${10 + n}, 2021  10:00 am`, Author: 'Jane Doe' },
    body,
    tags: '[[Security]]',
  });
}

/** What the corpus writes, three articles alike: the spellings a misspelling is told against. */
const WRITTEN = [
  'Researchers at Kaspersky found the malware in July.',
  'Brian Krebs, a security journalist, first reported the breach.',
  'Kevin Beaumont, a security researcher, said the servers were exposed.',
  'Researchers at Red Canary saw the same loader.',
  'The Department of Defense said it was looking into the report.',
  'LockBit published the files on its leak site.',
  'SonicWall said the flaw was patched.',
  'Mark Smith, a spokesman for the company, declined to comment.',
  'John Smith, a lawyer, said the case would go on.',
  'Researchers at Check Point Software found the flaw.',
  'Researchers at Optum said its systems were not affected.',
].join(' ');

function indexOf(texts: Record<string, string>): CorpusIndex {
  const index = new CorpusIndex();
  for (const [uri, text] of Object.entries(texts)) put(index, uri, text);
  return index;
}

function put(index: CorpusIndex, uri: string, text: string): void {
  index.set({ facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
}

const corpus = (): Record<string, string> => ({ 'file:///c/1.txt': story(1, WRITTEN), 'file:///c/2.txt': story(2, WRITTEN), 'file:///c/3.txt': story(3, WRITTEN) });

function variants(index: CorpusIndex, uri: string): Diagnostic[] {
  return checkConsistency(index, uri).filter((d) => d.code === 'name.variant');
}

/** `text` with a diagnostic's fix applied (its edits from the last, so offsets hold). */
function fixed(text: string, d: Diagnostic): string {
  let out = text;
  for (const e of [...d.fixes![0].edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

describe('names written otherwise than the corpus writes them', function () {
  this.timeout(20000);

  it('oneEdit: a character left out, added, changed, or two swapped; nothing else', function () {
    for (const [a, b] of [['kasperksy', 'kaspersky'], ['solarwind', 'solarwinds'], ['zimperum', 'zimperium'], ['qualsys', 'qualys'], ['redcanary', 'red canary'], ['dosusign', 'docusign']]) {
      assert.ok(oneEdit(a, b) && oneEdit(b, a), `${a} / ${b}`);
    }
    for (const [a, b] of [['kaspersky', 'kaspersky'], ['kaspersky', 'kapsresky'], ['verizon', 'horizon'], ['abc', 'bca'], ['lockbit', 'lockbit 2.0']]) {
      assert.ok(!oneEdit(a, b) && !oneEdit(b, a), `${a} / ${b}`);
    }
  });

  it('marks a misspelt name at each mention, says how the corpus writes it, and mends every mention', function () {
    const text = story(9, 'Researchers at Kasperksy found a new loader. Brain Krebs, a security journalist, wrote about it. Kevin Beumont, a security researcher, said more. Beumont added that Kasperksy had seen it first.');
    const index = indexOf({ ...corpus(), 'file:///c/new.txt': text });
    const found = variants(index, 'file:///c/new.txt');
    const messages = [...new Set(found.map((d) => d.message))].sort();
    assert.deepStrictEqual(messages, [
      'Brain Krebs is written Brian Krebs in 3 articles of the corpus: is it misspelt here?',
      'Kasperksy is written Kaspersky in 3 articles of the corpus: is it misspelt here?',
      'Kevin Beumont is written Kevin Beaumont in 3 articles of the corpus: is it misspelt here?',
    ]);
    // Each mention marked, the surname alone too.
    assert.deepStrictEqual(found.map((d) => text.slice(d.span.start, d.span.end)).sort(), ['Beumont', 'Brain Krebs', 'Kasperksy', 'Kasperksy', 'Kevin Beumont']);
    // The other spelling's first article, for the writer to look at.
    const kasperksy = found.find((d) => d.message.startsWith('Kasperksy'))!;
    assert.strictEqual(kasperksy.related?.length, 1);
    assert.match(kasperksy.related![0].uri!, /^file:\/\/\/c\/[123]\.txt$/);
    assert.match(kasperksy.related![0].message, /^Written Kaspersky here \(Example Wire, Aug 1\d, 2021\)$/);
    assert.strictEqual(kasperksy.fixes![0].title, 'Write Kaspersky (2 places)');
    let mended = fixed(text, kasperksy);
    mended = fixed(mended, found.find((d) => d.message.startsWith('Kevin'))!);
    mended = fixed(mended, found.find((d) => d.message.startsWith('Brain'))!);
    assert.strictEqual(mended, text.replace(/Kasperksy/g, 'Kaspersky').replace(/Beumont/g, 'Beaumont').replace('Brain Krebs', 'Brian Krebs'));
    // Written so, nothing is left to say.
    put(index, 'file:///c/new.txt', mended);
    assert.deepStrictEqual(variants(index, 'file:///c/new.txt'), []);
  });

  it('a name written apart or together is told without the question, and its possessive is left as it is', function () {
    const text = story(9, 'RedCanary\'s researchers saw the loader in June.');
    const index = indexOf({ ...corpus(), 'file:///c/new.txt': text });
    const found = variants(index, 'file:///c/new.txt');
    assert.deepStrictEqual(found.map((d) => d.message), ['RedCanary is written Red Canary in 3 articles of the corpus.']);
    assert.strictEqual(fixed(text, found[0]), text.replace('RedCanary\'s', 'Red Canary\'s'));
  });

  it('a fix writes the words that differ as the corpus writes them, capitals and all', function () {
    const text = story(9, 'Researchers at Checkpoint Software found it first.');
    const index = indexOf({ ...corpus(), 'file:///c/new.txt': text });
    const found = variants(index, 'file:///c/new.txt');
    assert.deepStrictEqual(found.map((d) => d.message), ['Checkpoint Software is written Check Point Software in 3 articles of the corpus.']);
    assert.strictEqual(fixed(text, found[0]), text.replace('Checkpoint Software', 'Check Point Software'));
  });

  it('leaves alone what tells two real names apart or what house styles change', function () {
    const text = story(9, [
      'LockBit2 published the files.', // a digit: a version
      'SonicWalls across the company were patched.', // a plural of the name
      'The Department of Defence said it was looking into the report.', // British spelling
      'Researchers at Maspersky found it.', // a word's first letter
      'Mary Smith, a spokeswoman for the bank, declined to comment.', // two first names, and two Smiths in the corpus
      'Researchers at Optus said its customers were not affected.', // a word's last letter: Optus and Optum are two companies
    ].join(' '));
    const index = indexOf({ ...corpus(), 'file:///c/new.txt': text });
    assert.deepStrictEqual(variants(index, 'file:///c/new.txt').map((d) => d.message), []);
  });

  it('a public body\'s generic name written apart or together, or in British spelling, is another country\'s body, not a slip', function () {
    // Threatpost on Portugal's "National Cybersecurity Center"; three other articles write the UK's "National Cyber Security Center".
    const others = 'The National Cyber Security Center said the flaw was exploited.';
    const texts: Record<string, string> = { 'file:///c/1.txt': story(1, others), 'file:///c/2.txt': story(2, others), 'file:///c/3.txt': story(3, others) };
    const text = story(9, 'Portugal’s National Cybersecurity Center said it was helping the company.');
    assert.deepStrictEqual(variants(indexOf({ ...texts, 'file:///c/new.txt': text }), 'file:///c/new.txt'), []);
    const centre = story(9, 'The National Cyber Security Centre said it was helping the company.');
    assert.deepStrictEqual(variants(indexOf({ ...texts, 'file:///c/new.txt': centre }), 'file:///c/new.txt'), []);
    // A company's name written apart is still told ("RedCanary", above).
  });

  it('a letter changed is told only against a spelling of six articles or more: NetWare is no slip for NetWire', function () {
    const netwire = 'Attackers dropped NetWire on the hosts, and NetWire stole passwords.';
    const three: Record<string, string> = { 'file:///c/1.txt': story(1, netwire), 'file:///c/2.txt': story(2, netwire), 'file:///c/3.txt': story(3, netwire) };
    const text = story(9, 'Fusion runs guest systems such as Microsoft Windows, Linux, NetWare, Solaris or macOS.');
    assert.deepStrictEqual(variants(indexOf({ ...three, 'file:///c/new.txt': text }), 'file:///c/new.txt').map((d) => d.message), []);
    // A letter left out is a slip against three articles ("Zimperum"); a letter changed, against six ("DosuSign").
    const docusign = 'Researchers at DocuSign said the lure used its logo.';
    const six: Record<string, string> = {};
    for (let n = 1; n <= 6; n++) six[`file:///c/${n}.txt`] = story(n, docusign);
    const dosusign = story(9, 'The lure posed as DosuSign to steal passwords.');
    const fewer = Object.fromEntries(Object.entries(six).slice(0, 3));
    assert.deepStrictEqual(variants(indexOf({ ...fewer, 'file:///c/new.txt': dosusign }), 'file:///c/new.txt'), []);
    assert.deepStrictEqual(variants(indexOf({ ...six, 'file:///c/new.txt': dosusign }), 'file:///c/new.txt').map((d) => d.message),
      ['DosuSign is written DocuSign in 6 articles of the corpus: is it misspelt here?']);
  });

  it('never marks or mends a name in code: a code span, an indented block, a YARA rule, a Suricata signature', function () {
    // The DFIR Report lists Suricata signatures as lines of text ("ET TROJAN Observed CobaltStrike CnC Domain"), Trend
    // Micro quotes a YARA rule whose author is "TrendMicro Research": each was marked, its fix editing the code.
    for (const code of [
      'Run `Kasperksy scan --all` on the host.',
      'Then:\n\n    indented Kasperksy code line\n    more code for Kasperksy',
      'rule Kasperksy_loader { strings: $s1 = "Kasperksy" condition: $s1 }',
      'ET TROJAN Observed Kasperksy CnC Domain  \nETPRO MALWARE Possible Kasperksy Beacon',
    ]) {
      // Named in prose too: the prose is marked and mended, the code stays as it is.
      const text = story(9, `Researchers at Kasperksy found it.\n\n${code}`);
      const found = variants(indexOf({ ...corpus(), 'file:///c/new.txt': text }), 'file:///c/new.txt');
      assert.deepStrictEqual(found.map((d) => [text.slice(d.span.start, d.span.end), d.fixes![0].title]), [['Kasperksy', 'Write Kaspersky']], code);
      assert.strictEqual(fixed(text, found[0]), text.replace('at Kasperksy', 'at Kaspersky'), code);
    }
  });

  it('needs the other spelling in three articles, and this one to be the only one writing its own', function () {
    const text = story(9, 'Researchers at Kasperksy found a new loader.');
    // Two articles are not yet how the corpus writes a name.
    const two = indexOf({ 'file:///c/1.txt': story(1, WRITTEN), 'file:///c/2.txt': story(2, WRITTEN), 'file:///c/new.txt': text });
    assert.deepStrictEqual(variants(two, 'file:///c/new.txt'), []);
    // Two articles writing it so: a spelling of its own, not a slip.
    const both = indexOf({ ...corpus(), 'file:///c/new.txt': text, 'file:///c/other.txt': story(8, 'Researchers at Kasperksy found the loader too.') });
    assert.deepStrictEqual(variants(both, 'file:///c/new.txt'), []);
  });

  it('counts no draft among the three articles: an unsaved buffer is not how the corpus writes a name', function () {
    const text = story(9, 'Researchers at Kasperksy found a new loader.');
    const index = indexOf({ 'file:///c/1.txt': story(1, WRITTEN), 'file:///c/2.txt': story(2, WRITTEN), 'file:///c/new.txt': text });
    put(index, 'untitled:Untitled-1', story(3, WRITTEN));
    assert.deepStrictEqual(variants(index, 'file:///c/new.txt'), []);
    put(index, 'file:///c/3.txt', story(3, WRITTEN));
    assert.deepStrictEqual(variants(index, 'file:///c/new.txt').map((d) => d.message), ['Kasperksy is written Kaspersky in 3 articles of the corpus: is it misspelt here?']);
    // A draft writing the misspelling too does not make it a spelling of the corpus's own.
    put(index, 'untitled:Untitled-2', story(8, 'Researchers at Kasperksy found the loader too.'));
    assert.strictEqual(variants(index, 'file:///c/new.txt').length, 1);
    // A draft that names Kaspersky only in a related story's headline is counted by no one (not subtracted twice).
    const other = indexOf({ ...corpus(), 'file:///c/new.txt': text });
    put(other, 'untitled:Untitled-3', story(7, '[Kaspersky finds a new loader](https://example.com/wire/kaspersky-loader/)'));
    assert.strictEqual(variants(other, 'file:///c/new.txt').length, 1);
  });

  it('keeps its table of names as articles come and go (put and unlink after it is built)', function () {
    const text = story(9, 'Researchers at Kasperksy found a new loader.');
    const index = indexOf({ 'file:///c/1.txt': story(1, WRITTEN), 'file:///c/2.txt': story(2, WRITTEN), 'file:///c/new.txt': text });
    assert.deepStrictEqual(variants(index, 'file:///c/new.txt'), []);
    assert.ok(index.nearReady(), 'the check built the table');
    put(index, 'file:///c/3.txt', story(3, WRITTEN));
    assert.strictEqual(variants(index, 'file:///c/new.txt').length, 1, 'a third article writing Kaspersky');
    index.remove('file:///c/3.txt');
    // (Back to two, nothing is told whether or not `unlink` took the name out of the table: a query reads each count
    // as it is. The table's own keeping is what the third article, put after the table was built, shows.)
    assert.deepStrictEqual(variants(index, 'file:///c/new.txt'), [], 'back to two');
    put(index, 'file:///c/3.txt', story(3, WRITTEN));
    assert.strictEqual(variants(index, 'file:///c/new.txt').length, 1, 'and three again');
  });

  it('a pinned name is the writer\'s own spelling', function () {
    const text = story(9, 'Researchers at Kasperksy found a new loader.');
    const index = indexOf({ ...corpus(), 'file:///c/new.txt': text });
    index.pins.set('kasperksy', { key: 'kasperksy', name: 'Kasperksy', kind: 'organisation', aliases: [] });
    assert.deepStrictEqual(variants(index, 'file:///c/new.txt'), []);
  });
});

describe('a name written otherwise within one article', function () {
  this.timeout(20000);

  /** The `name.variant` marks of one article in a corpus of `others` (uri → text): the text marked, the message, the fixes' titles. */
  function marks(body: string, others: Record<string, string> = {}): [string, string, string[]][] {
    const text = story(9, body);
    const index = indexOf({ ...others, 'file:///c/new.txt': text });
    return variants(index, 'file:///c/new.txt').map((d) => [text.slice(d.span.start, d.span.end), d.message, d.fixes!.map((f) => f.title)]);
  }

  it('asks which of two spellings is right, with a fix each way', function () {
    const body = 'Researchers at BillQuick said the flaw was fixed. BillQuick, a billing app maker, added more. A BillQuick spokesman declined to comment. Researchers at BillQuck said so too.';
    assert.deepStrictEqual(marks(body), [['BillQuck', 'BillQuck is written BillQuick 3 times elsewhere in this article: which spelling is right?', ['Write BillQuick', 'Write BillQuck (3 places)']]]);
    const text = story(9, body);
    const index = indexOf({ 'file:///c/new.txt': text });
    const [d] = variants(index, 'file:///c/new.txt');
    assert.strictEqual(fixed(text, d), story(9, body.replace('BillQuck', 'BillQuick')));
    const back = { ...d, fixes: [d.fixes![1]] };
    assert.strictEqual(fixed(text, back), story(9, body.replace(/BillQuick/g, 'BillQuck')));
    // Related information: where the other spelling is first written.
    assert.strictEqual(text.slice(d.related![0].span.start, d.related![0].span.end), 'BillQuick');
    assert.strictEqual(d.related![0].uri, undefined);
  });

  it('says a name written apart or together without asking', function () {
    assert.deepStrictEqual(marks('Crimson RAT was found. The Crimson RAT loader ran. Crimson RAT stole files. CrimsonRat was removed.').map((m) => m[1]),
      ['CrimsonRat is written Crimson RAT 3 times elsewhere in this article.']);
  });

  it('a last letter changed only where one spelling is written once and the other four times or more', function () {
    assert.deepStrictEqual(marks('Researchers at CloudSEK found it. CloudSEK said so. CloudSEK added more. CloudSEK warned. Researchers at CloudSEC said so too.').map((m) => m[0]), ['CloudSEC']);
    assert.deepStrictEqual(marks('The ChargingStatusReq message went out. ChargingStatusReq is sent. The ChargingStatusRes came back. ChargingStatusRes was read. ChargingStatusRes again. ChargingStatusRes once more.'), []);
  });

  it('leaves alone two first names of one surname, a digit, and a spelling other articles write too', function () {
    assert.deepStrictEqual(marks('Karen Smith, a spokesman, said so. Karen Smith added more. Karen Smith declined to comment. Karin Smith, her sister, said so.'), []);
    assert.deepStrictEqual(marks('LockBit published the files. LockBit said so. LockBit added more. LockBit2 was used.'), []);
    const body = 'Researchers at BillQuick said the flaw was fixed. BillQuick, a billing app maker, added more. A BillQuick spokesman declined to comment. Researchers at BillQuck said so too.';
    assert.deepStrictEqual(marks(body, { 'file:///c/other.txt': story(1, 'Researchers at BillQuck said so.') }), []);
  });

  it('counts the mentions that write the spelling: a surname said alone for a person, not a shorter name', function () {
    assert.deepStrictEqual(marks('Virgil Griffiths, a researcher, pleaded guilty. Griffiths said so. Griffiths added more. Virgil Griffith was sentenced.'),
      [['Virgil Griffith', 'Virgil Griffith is written Virgil Griffiths 3 times elsewhere in this article: which spelling is right?', ['Write Virgil Griffiths', 'Write Virgil Griffith (3 places)']]]);
    // "Pixel" alone says nothing of how "Google Pixel" is spaced.
    assert.deepStrictEqual(marks('The bug hit Google Pixel phones. Google Pixel owners complained. It was first seen on the GooglePixel subreddit. Pixel owners were told. Pixel users waited. Every Pixel device froze.').map((m) => m[1]),
      ['GooglePixel is written Google Pixel 2 times elsewhere in this article.']);
  });

  it('two spellings written as often are two names', function () {
    assert.deepStrictEqual(marks('Researchers at BillQuick said the flaw was fixed. BillQuick, a billing app maker, added more. Researchers at BillQuck said so too. BillQuck, the maker, agreed.'), []);
  });

  it('the corpus\'s spelling comes first where there is one', function () {
    const found = marks('Researchers at Kaspersky found it. Kaspersky said so. Kaspersky added more. Researchers at Kasperksy said so too.', corpus());
    assert.deepStrictEqual(found.map((m) => m[1]), ['Kasperksy is written Kaspersky in 4 articles of the corpus: is it misspelt here?']);
  });
});

describe('a misspelt name over stdio', function () {
  let ws: Workspace | undefined;
  afterEach(async function () {
    if (ws) await closeWorkspace(ws);
    ws = undefined;
  });

  it('is marked once the table of names is built, its fix writes the corpus\'s spelling, and the mark goes', async function () {
    ws = await openWorkspace('bd-names-', { '1.txt': story(1, WRITTEN), '2.txt': story(2, WRITTEN), '3.txt': story(3, WRITTEN) });
    const { client, dir } = ws;
    const uri = fileUri(path.join(dir, 'new.txt'));
    const text = story(9, 'Researchers at Kasperksy found a new loader, and Kasperksy said so.');
    await client.open(uri, text);
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'name.variant'));
    const marks = p.diagnostics.filter((d) => d.code === 'name.variant');
    assert.strictEqual(marks.length, 2);
    assert.strictEqual(marks[0].message, 'Kasperksy is written Kaspersky in 3 articles of the corpus: is it misspelt here?');
    assert.strictEqual(marks[0].severity, 3);
    assert.match((marks[0].relatedInformation as any[])[0].location.uri, /\/[123]\.txt$/);
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri }, range: marks[0].range, context: { diagnostics: [marks[0]], only: ['quickfix'] },
    });
    const write = actions.find((a) => a.title === 'Write Kaspersky (2 places)');
    assert.ok(write, JSON.stringify(actions.map((a) => a.title)));
    const mended = applyLspEdits(text, write.edit.changes[uri]);
    assert.strictEqual(mended, text.replace(/Kasperksy/g, 'Kaspersky'));
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: mended }] });
    const after = await client.diagnostics(uri, (x) => x.version === 2);
    assert.deepStrictEqual(after.diagnostics.filter((d) => d.code === 'name.variant'), []);
  });
});
