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
      assert.deepStrictEqual(unpackFacts(p), viaJson(a.facts), a.file);
      packed += Buffer.byteLength(p);
      json += Buffer.byteLength(JSON.stringify(a.facts));
      assert.ok(a.facts.entities.some((e) => e.mentions.length > 0) && a.facts.figures.length > 0, `${a.file} has something to pack`);
    }
    assert.ok(packed < 0.75 * json, `packed ${packed} bytes against ${json} as JSON`);
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
    assert.deepStrictEqual(back, f);
    // The rest still comes from the text.
    assert.strictEqual(back.sentences[0].text, text.slice(back.sentences[0].span.start, back.sentences[0].span.end));
  });

  it('keeps optional fields absent and present as they were', function () {
    const { facts, text } = articles[0];
    const f = viaJson(facts);
    delete f.source;
    delete f.date;
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
    const back = unpackFacts(packFacts(f, text));
    assert.deepStrictEqual(back, f);
    assert.ok(!('source' in back) && !('noun' in back.figures[0]) && !('key' in back.claims[back.claims.length - 2].attribution!));
  });

  it('throws on damaged or foreign bytes rather than giving wrong facts', function () {
    const { facts, text } = articles[0];
    const good = JSON.parse(packFacts(facts, text)) as unknown[];
    const damaged = (change: (a: any[]) => void): string => {
      const a = JSON.parse(JSON.stringify(good)) as any[];
      change(a);
      return JSON.stringify(a);
    };
    const cases: [string, string][] = [
      ['not JSON', '{"sentences": ['],
      ['plain JSON facts (the old layout)', JSON.stringify(facts)],
      ['another version', damaged((a) => { a[0] = 99; })],
      ['a span past the end of the text', damaged((a) => { a[10][1] = text.length + 1; })],
      ['a span ending before it starts', damaged((a) => { a[10][0] = 50; a[10][1] = 10; })],
      ['a row cut short', damaged((a) => { a[10].pop(); })],
      ['an unknown entity kind', damaged((a) => { a[11][0][2] = 17; })],
      ['an unknown unit', damaged((a) => { a[12][0][6] = -1; })],
      ['a number where text belongs', damaged((a) => { a[3] = 12; })],
      ['an alias that is not text', damaged((a) => { a[11][0][3] = [1]; })],
      ['the text missing', damaged((a) => { a[1] = null; })],
      ['a figure in a sentence that is not there', damaged((a) => { a[12][0][14] = (a[10] as unknown[]).length / 3; })],
      ['a claim in sentence -1', damaged((a) => { a[13][0][0] = -1; })],
      ['a mention in sentence -2', damaged((a) => { a[11][0][4][2] = -2; })],
      ['a value that is not finite', damaged((a) => { a[12][0][3] = 123456789.25; }).replace('123456789.25', '1e999')],
      ['an interval upside down', damaged((a) => { a[12][0][4] = a[12][0][5] + 1; })],
    ];
    for (const [what, json] of cases) assert.throws(() => unpackFacts(json), /damaged facts|JSON/, what);
  });
});
