/**
 * The cache's packed facts: every article of the seeds and of a generated
 * corpus comes back exactly as JSON would have kept it, in fewer bytes; a
 * string that is not the slice its span covers survives; and damaged bytes
 * throw (so the cache's reader analyses the file again) instead of giving
 * wrong facts.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCorpus } from '../bench/generate';
import { extractFacts } from '../server/src/core/extract/facts';
import type { DocFacts } from '../server/src/core/extract/types';
import { parse } from '../server/src/core/syntax/parse';
import { packFacts, unpackFacts } from '../server/src/node/packfacts';
import { ROOT } from './helpers/lsp';

function factsOf(file: string): { facts: DocFacts; text: string } {
  const text = fs.readFileSync(file, 'utf8');
  return { facts: extractFacts('file://' + file, text, parse(text).article), text };
}

/** What the cache kept before packing: JSON drops absent fields. */
function viaJson(f: DocFacts): DocFacts {
  return JSON.parse(JSON.stringify(f)) as DocFacts;
}

describe('packed facts', function () {
  const articles: { file: string; facts: DocFacts; text: string }[] = [];
  let dir = '';

  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-pack-'));
    generateCorpus(dir, 40, 3);
    const files = [
      ...fs.readdirSync(path.join(ROOT, 'seeds')).map((f) => path.join(ROOT, 'seeds', f)),
      ...(fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(txt|md)$/.test(f)).map((f) => path.join(dir, f)),
    ];
    for (const file of files) articles.push({ file, ...factsOf(file) });
  });

  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives back every seed and generated article exactly, in fewer bytes than JSON', function () {
    assert.ok(articles.length >= 43);
    let packed = 0;
    let json = 0;
    for (const a of articles) {
      const p = packFacts(a.facts, a.text);
      assert.deepStrictEqual(viaJson(unpackFacts(p)), viaJson(a.facts), a.file);
      packed += p.length;
      json += Buffer.byteLength(JSON.stringify(a.facts));
      assert.ok(a.facts.entities.some((e) => e.mentions.length > 0) && a.facts.figures.length > 0, `${a.file} has something to pack`);
    }
    assert.ok(packed < 0.75 * json, `packed ${packed} bytes against ${json} as JSON`);
  });

  it('gives the same facts when the caller gives the text they were packed with, its strings slices of that text', function () {
    for (const a of articles) {
      const p = packFacts(a.facts, a.text);
      const held = [...a.text].join(''); // the same text, another string
      assert.deepStrictEqual(viaJson(unpackFacts(p, held)), viaJson(a.facts), a.file);
    }
    // A text of another length is not the one packed: the bytes' own is read.
    const { facts, text } = articles[0];
    assert.deepStrictEqual(viaJson(unpackFacts(packFacts(facts, text), `More: ${text}`)), viaJson(facts));
    // Nor is one of the same length with a letter changed.
    const at = facts.sentences[0].span.start;
    const changed = text.slice(0, at) + (text[at] === 'Q' ? 'Z' : 'Q') + text.slice(at + 1);
    assert.deepStrictEqual(viaJson(unpackFacts(packFacts(facts, text), changed)), viaJson(facts));
  });

  it('keeps strings that are not the text their span covers', function () {
    const { facts, text } = articles[0];
    const f = viaJson(facts);
    f.sentences[1].text = 'A sentence the text does not hold';
    f.entities[0].mentions[0].text = 'someone else';
    f.entities[0].mentions[0].key = 'another key';
    f.figures[0].text = 'twelve';
    f.tags[0].name = 'Renamed';
    f.quotes.push({ text: 'words nowhere in the text', span: { start: 0, end: 3 }, sentence: -1 });
    const back = unpackFacts(packFacts(f, text));
    assert.deepStrictEqual(viaJson(back), f);
    // The rest still comes from the text.
    assert.strictEqual(back.sentences[0].text, text.slice(back.sentences[0].span.start, back.sentences[0].span.end));
  });

  it('keeps optional fields absent and present as they were', function () {
    const { facts, text } = articles[0];
    const f = viaJson(facts);
    delete f.source;
    delete f.date;
    f.day = Date.UTC(2021, 11, 15);
    delete f.link;
    delete f.linkUrl;
    delete f.linkSpan;
    f.figures[0].asOf = Date.UTC(2021, 7, 18);
    f.figures[0].hedge = 'about';
    delete f.figures[0].noun;
    delete f.figures[0].nounSpan;
    delete f.figures[0].subject;
    f.claims.push({ sentence: 0, attribution: { who: 'the seller', span: { start: 1, end: 4 } }, asOf: 5, asOfSpan: { start: 2, end: 3 } });
    f.claims.push({ sentence: 1, attribution: { who: 'T-Mobile', key: 't-mobile', span: { start: 1, end: 4 } } });
    const back = viaJson(unpackFacts(packFacts(f, text)));
    assert.deepStrictEqual(back, f);
    assert.ok(!('source' in back) && !('noun' in back.figures[0]) && !('key' in back.claims[back.claims.length - 2].attribution!));
  });

  it('gives every figure, claim and attribution one shape, extracted or unpacked', function () {
    // One hidden class each keeps the code that reads them monomorphic (see `newFigure`): the same keys, in one order.
    const shapes = new Map<string, Set<string>>();
    const note = (kind: string, o: object) => {
      const set = shapes.get(kind) ?? new Set<string>();
      set.add(Object.keys(o).join(','));
      shapes.set(kind, set);
    };
    for (const a of articles) {
      for (const f of [a.facts, unpackFacts(packFacts(a.facts, a.text))]) {
        for (const x of f.figures) note('figure', x);
        for (const c of f.claims) {
          note('claim', c);
          if (c.attribution) note('attribution', c.attribution);
        }
      }
    }
    assert.deepStrictEqual(Object.fromEntries([...shapes].map(([k, v]) => [k, [...v]])), {
      figure: ['span,text,value,low,high,unit,hedge,noun,nounSpan,qualifiers,subject,measure,sentence,asOf'],
      claim: ['sentence,attribution,asOf,asOfSpan'],
      attribution: ['who,key,span'],
    });
  });

  it('keeps a text with a lone surrogate exactly', function () {
    const { facts, text } = articles[0];
    // UTF-8 cannot carry half a surrogate pair: packed as UTF-8 the text would come back changed.
    const odd = text.slice(0, 40) + '\uD83D' + text.slice(41);
    const f = viaJson({ ...facts, sentences: [{ span: { start: 0, end: 50 }, text: odd.slice(0, 50) }], headlines: 1, quotes: [], figures: [], claims: [], entities: [] });
    const back = unpackFacts(packFacts(f, odd));
    assert.deepStrictEqual(back, f);
    assert.strictEqual(back.sentences[0].text.charCodeAt(40), 0xd83d);
  });

  it("packs an article whose words are Object's own names (constructor, toString, __proto__)", function () {
    // A real ZDNet article: "has won seven Constructor's World Championships" once made Object itself the noun, and its packed facts unreadable.
    const text = [
      '# Formula One team fends off attacks', '', '### Seven titles', '', '## Information:', '', '+ Source: ZDNet',
      '+ Link: [article](https://www.zdnet.com/article/x/)', '+ Date: 2021-10-01', '+ Author: Jane Doe', '', '## Article:', '',
      "The team has won seven Constructor's World Championships in a row. Attackers stole three toString records, five __proto__ entries, two hasOwnProperty accounts and 40 valueOf files.",
      '', '#### Tags:', '', '[[Mercedes]]', '',
    ].join('\n');
    const facts = extractFacts('file:///proto.txt', text, parse(text).article);
    const seven = facts.figures.find((f) => f.text === 'seven');
    assert.ok(seven, 'the seven titles are a figure');
    assert.strictEqual(seven.noun, 'constructor');
    for (const f of facts.figures) {
      assert.ok(f.noun === undefined || typeof f.noun === 'string', `${f.text}: noun ${String(f.noun)}`);
      assert.ok(typeof f.measure === 'string' && !f.measure.includes('function'), `${f.text}: measure ${f.measure}`);
      assert.ok(Number.isFinite(f.value), `${f.text}: value ${f.value}`);
    }
    assert.deepStrictEqual(viaJson(unpackFacts(packFacts(facts, text))), viaJson(facts));
  });

  it("reads every name on Object's prototype as a plain word, in every place a table looks words up", function () {
    // Number words, scales, multipliers, byte and other units, hedges, plurals: each table is asked with the word itself.
    const names = Object.getOwnPropertyNames(Object.prototype);
    const body = names.map((w) => `Attackers stole 3 ${w} records, five ${w}s, 40 ${w} of data and ${w} 12 ${w} files, ${w} seven million users.`).join(' ');
    const text = ['# A breach', '', '## Information:', '', '+ Source: ZDNet', '+ Date: 2021-10-01', '', '## Article:', '', body, ''].join('\n');
    const facts = extractFacts('file:///names.txt', text, parse(text).article);
    assert.ok(facts.figures.length >= names.length * 3, `figures read: ${facts.figures.length}`);
    for (const f of facts.figures) {
      for (const [field, v] of Object.entries({ noun: f.noun, hedge: f.hedge, subject: f.subject })) {
        assert.ok(v === undefined || typeof v === 'string', `${f.text}: ${field} is ${typeof v}`);
      }
      assert.ok(f.qualifiers.every((q) => typeof q === 'string') && typeof f.measure === 'string' && Number.isFinite(f.value), f.text);
    }
    assert.deepStrictEqual(viaJson(unpackFacts(packFacts(facts, text))), viaJson(facts));
  });

  it('reads its bytes wherever they sit in memory', function () {
    // The cache reads facts into buffers at any offset; the numbers must not need alignment.
    const { facts, text } = articles[0];
    const p = packFacts(facts, text);
    const shifted = new Uint8Array(p.length + 3);
    shifted.set(p, 3);
    assert.deepStrictEqual(viaJson(unpackFacts(shifted.subarray(3))), viaJson(facts));
  });

  it('throws on damaged or foreign bytes rather than giving wrong facts', function () {
    const { facts, text } = articles[0];
    const good = Buffer.from(packFacts(facts, text));
    const words = () => new Int32Array(good.buffer.slice(good.byteOffset, good.byteOffset + 24));
    const [, , nReals, nInts, textBytes] = words();
    const intsAt = 24 + nReals * 8;
    const textAt = intsAt + nInts * 4;
    const damaged = (change: (b: Buffer, ints: Int32Array, reals: Float64Array) => void): Buffer => {
      const b = Buffer.from(good);
      const ints = new Int32Array(nInts);
      ints.set(new Int32Array(b.buffer.slice(b.byteOffset + intsAt, b.byteOffset + textAt)));
      const reals = new Float64Array(b.buffer.slice(b.byteOffset + 24, b.byteOffset + intsAt));
      change(b, ints, reals);
      Buffer.from(ints.buffer).copy(b, intsAt);
      Buffer.from(reals.buffer).copy(b, 24);
      return b;
    };
    // The integers open with: text flag, uri, title, source, date flag, day flag, link, linkUrl, linkSpan (2),
    // then the count of sentences and the first sentence's span (see packFacts).
    const sentencesAt = 10;
    assert.strictEqual(new Int32Array(good.buffer.slice(good.byteOffset + intsAt, good.byteOffset + textAt))[sentencesAt], facts.sentences.length);
    const header = (i: number, v: number) => (b: Buffer) => { b.writeInt32LE(v, i * 4); };
    assert.strictEqual(nInts > 0 && textBytes > 0, true);
    const cases: [string, Uint8Array][] = [
      ['nothing', new Uint8Array(0)],
      ['plain JSON facts (the old layout)', Buffer.from(JSON.stringify(facts))],
      ['another magic', damaged(header(0, 12345))],
      ['another version', damaged(header(1, 99))],
      ['counts that do not add up to its size', damaged(header(3, nInts + 1))],
      ['a byte too many', Buffer.concat([good, Buffer.from([0])])],
      ['a byte too few', good.subarray(0, good.length - 1)],
      ['a string table that is not JSON', damaged((b) => { b[b.length - 1] = 0x7b; })],
      ['a span past the end of the text', damaged((_, i) => { i[sentencesAt + 2] = text.length + 1; })],
      ['a span ending before it starts', damaged((_, i) => { i[sentencesAt + 1] = 50; i[sentencesAt + 2] = 10; })],
      ['a count larger than what follows', damaged((_, i) => { i[sentencesAt] = nInts; })],
      ['a negative count', damaged((_, i) => { i[sentencesAt] = -3; })],
      ['a string reference out of the table', damaged((_, i) => { i[1] = 10_000; })],
      ['a string reference of 0 where text belongs', damaged((_, i) => { i[2] = 0; })],
      ['a text flag that is neither 0 nor 1', damaged((_, i) => { i[0] = 7; })],
      ['a value that is not finite', damaged((_, __, r) => { r[r.length - 1] = Infinity; })],
      ['a value that is not a number', damaged((_, __, r) => { r[r.length - 1] = NaN; })],
    ];
    for (const [what, bytes] of cases) assert.throws(() => unpackFacts(bytes), /damaged facts/, what);
  });

  it('throws on wrong kinds, units, sentences and intervals', function () {
    // Facts built to have one of each row, so a change to one field is easy to place.
    const text = 'Acme said 50 records leaked. More text here.';
    const base: DocFacts = {
      uri: 'file:///a.txt', title: 'A', sentences: [{ span: { start: 0, end: 28 }, text: text.slice(0, 28) }], headlines: 0,
      entities: [{ key: 'acme', name: 'Acme', kind: 'organisation', aliases: [], mentions: [{ key: 'acme', span: { start: 0, end: 4 }, text: 'Acme', sentence: 0, where: 'body' }] }],
      figures: [{ span: { start: 10, end: 12 }, text: '50', value: 50, low: 50, high: 50, unit: 'count', noun: 'record', nounSpan: { start: 13, end: 20 }, qualifiers: [], subject: 'acme', measure: 'acme|record|', sentence: 0 }],
      claims: [{ sentence: 0 }], quotes: [], links: [], authors: [], tags: [],
    };
    assert.deepStrictEqual(viaJson(unpackFacts(packFacts(base, text))), base);
    const broken = (change: (f: DocFacts) => void) => {
      const f = JSON.parse(JSON.stringify(base)) as DocFacts;
      change(f);
      return packFacts(f, text);
    };
    const cases: [string, Uint8Array][] = [
      ['an unknown entity kind', broken((f) => { (f.entities[0] as { kind: string }).kind = 'robot'; })],
      ['an unknown unit', broken((f) => { (f.figures[0] as { unit: string }).unit = 'furlongs'; })],
      ['an unknown place', broken((f) => { (f.entities[0].mentions[0] as { where: string }).where = 'footer'; })],
      ['a figure in a sentence that is not there', broken((f) => { f.figures[0].sentence = 1; })],
      ['a claim in sentence -1', broken((f) => { f.claims[0].sentence = -1; })],
      ['a mention in sentence -2', broken((f) => { f.entities[0].mentions[0].sentence = -2; })],
      ['an interval upside down', broken((f) => { f.figures[0].low = 51; })],
      ['a value that is not finite', broken((f) => { f.figures[0].value = Infinity; })],
      ['more headlines than sentences', broken((f) => { f.headlines = 2; })],
    ];
    for (const [what, bytes] of cases) assert.throws(() => unpackFacts(bytes), /damaged facts/, what);
  });
});
