/**
 * The corpus index's memory: facts that live on disk are loaded when a
 * feature asks and dropped again when many have been loaded, while lookups
 * keep working from summaries; and the compact forms that make loading fast
 * (quotation windows hashed in one pass, packed numbers).
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { extractFacts } from '../server/src/core/extract/facts';
import type { DocFacts } from '../server/src/core/extract/types';
import { CorpusIndex, eachSpan, lineStartsOf, packNumbers, quoteWindows, quoteWords, summarize, unpackNumbers, type EntitySummary } from '../server/src/core/index/corpus';
import { parse } from '../server/src/core/syntax/parse';

function article(n: number): { uri: string; text: string } {
  const text = `# Acme breach ${n}\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/${n})\n+ Date: Aug 20, 2021\n+ Author: Jane Roe\n\n## Article:\nAcme Corp said ${n + 1},000 customers were affected, according to Jane Doe.\n\n#### Tags:\n[[Acme Corp]]\n`;
  return { uri: `file:///corpus/${n}.txt`, text };
}

describe('corpus index: facts on demand', function () {
  it('answers lookups from summaries, loads facts when asked, and trims the oldest loads', function () {
    const index = new CorpusIndex();
    const loads = new Map<string, number>();
    const stored = new Map<string, DocFacts>();
    for (let n = 0; n < 10; n++) {
      const { uri, text } = article(n);
      const facts = extractFacts(uri, text, parse(text).article);
      // What the cache would give back: a copy, as JSON does.
      stored.set(uri, JSON.parse(JSON.stringify(facts)));
      index.setLazy(JSON.parse(JSON.stringify(summarize(facts))), lineStartsOf(text), 'corpus', () => {
        loads.set(uri, (loads.get(uri) ?? 0) + 1);
        return JSON.parse(JSON.stringify(stored.get(uri)));
      });
    }
    // Lookups need no facts.
    assert.strictEqual(index.entity('acme corp')?.docs.size, 10);
    assert.strictEqual(index.outlets().get('Example News'), 10);
    assert.strictEqual(loads.size, 0);
    // A feature asks: each article is read once, however often it is asked.
    for (let round = 0; round < 3; round++) for (const d of index.all()) assert.ok(d.facts.figures.length > 0);
    assert.deepStrictEqual([...loads.values()], Array(10).fill(1));
    assert.strictEqual(index.mentionsIn('file:///corpus/3.txt', 'acme corp').length, 2);

    // Keep three: the seven loaded first go, and come back when asked again.
    assert.strictEqual(index.trimResident(3), 7);
    assert.strictEqual([...index.all()].filter((d) => d.resident).length, 3);
    for (const d of index.all()) void d.facts;
    assert.strictEqual([...loads.values()].filter((n) => n === 2).length, 7);
  });

  it('facts computed in memory are never trimmed (they have no loader)', function () {
    const index = new CorpusIndex();
    for (let n = 0; n < 5; n++) {
      const { uri, text } = article(n);
      index.set({ facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
    }
    assert.strictEqual(index.trimResident(0), 0);
    assert.ok([...index.all()].every((d) => d.resident));
  });
});

/** FNV-1a of each word, then the five-word windows, as the index defined them before the one-pass version. */
function windowsByWords(text: string): number[] {
  const hs = quoteWords(text).map((w) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    return h >>> 0;
  });
  const out = new Set<number>();
  for (let i = 0; i + 5 <= hs.length; i++) {
    let h = 0;
    for (let j = 0; j < 5; j++) h = Math.imul(h ^ hs[i + j], 0x9e3779b1) + j;
    out.add(h & 0x3fffffff);
  }
  return [...out].sort((a, b) => a - b);
}

describe('corpus index: the quotation index, built after the rest', function () {
  const QUOTE = 'We take the security of our customers very seriously and are investigating the incident';
  function quoted(n: number, words = QUOTE): { uri: string; text: string } {
    const text = `# Acme statement ${n}\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/q${n})\n+ Date: Aug 20, 2021\n+ Author: Jane Roe\n\n## Article:\nAcme Corp said: “${words}.”\n\n#### Tags:\n[[Acme Corp]]\n`;
    return { uri: `file:///corpus/q${n}.txt`, text };
  }
  const add = (index: CorpusIndex, { uri, text }: { uri: string; text: string }) => index.set({ facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
  const matches = (index: CorpusIndex) => index.quoteMatches(quoteWords(QUOTE), 'file:///corpus/q0.txt').map((m) => `${m.uri} ${m.relation}`).sort();

  it('articles added and removed while it is half built are right once it is done', function () {
    const index = new CorpusIndex();
    for (let n = 0; n < 300; n++) add(index, quoted(n, n % 3 === 0 ? QUOTE.replace('the incident', 'the matter') : QUOTE));
    // A slice of no time still does one batch, and leaves the rest to do.
    assert.strictEqual(index.buildQuotes(0), false);
    for (let n = 0; n < 300; n += 7) index.remove(`file:///corpus/q${n}.txt`);
    for (let n = 300; n < 320; n++) add(index, quoted(n));
    add(index, quoted(5, 'Nothing to do with it at all, said someone else entirely, and then some more'));
    // The same as an index of the final articles built in one go.
    const fresh = new CorpusIndex();
    for (const d of index.all()) fresh.setLazy(d.summary, d.lineStarts, 'workspace', () => d.facts);
    const got = matches(index);
    assert.deepStrictEqual(got, matches(fresh));
    assert.ok(got.some((m) => m.endsWith(' same')) && got.some((m) => m.endsWith(' altered')), got.slice(0, 5).join(', '));
    assert.ok(!got.some((m) => m.startsWith('file:///corpus/q7.txt ') || m.startsWith('file:///corpus/q5.txt ')), 'removed and rewritten articles are gone');
    assert.ok(got.some((m) => m.startsWith('file:///corpus/q319.txt ')), 'an article added while building is found');
    assert.strictEqual(index.buildQuotes(), true);
  });
});

describe('corpus index: which quotations are the same', function () {
  const article = (n: number, body: string) => `# Statement ${n}\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/s${n})\n+ Date: Aug 20, 2021\n+ Author: Jane Roe\n\n## Article:\n${body}\n\n#### Tags:\n[[Acme Corp]]\n`;
  const relation = (mine: string, theirs: string) => {
    const index = new CorpusIndex();
    [mine, theirs].forEach((q, n) => {
      const text = article(n, `Acme Corp said: “${q}”`);
      index.set({ facts: extractFacts(`file:///q/${n}.txt`, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
    });
    return index.quoteMatches(quoteWords(mine), 'file:///q/0.txt').map((m) => m.relation);
  };
  const QUOTE = 'The defendant brazenly preyed on U.S. servicemembers and veterans, many of whom were disabled and elderly, and the organisations that shut down to help them';

  it('house styles are not rewordings: dotted initials, hyphens and spaces, British and American spelling', function () {
    assert.deepStrictEqual(relation(QUOTE, QUOTE.replace('U.S.', 'US')), ['same']);
    assert.deepStrictEqual(relation(QUOTE, QUOTE.replace('shut down', 'shutdown').replace('many of whom', 'many-of whom')), ['same']);
    assert.deepStrictEqual(relation(QUOTE, QUOTE.replace('organisations', 'organizations')), ['same']);
    // A changed word still is one.
    assert.deepStrictEqual(relation(QUOTE, QUOTE.replace('elderly', 'frail')), ['altered']);
  });

  it('a quoted web address in pasted script data is no quotation', function () {
    const text = article(1, 'var x = {"url": "https:\\/\\/www.zdnet.com\\/article\\/best-security-system-for-every-home-in-america\\/"};');
    assert.deepStrictEqual(extractFacts('file:///q/1.txt', text, parse(text).article).quotes, []);
  });
});

describe('corpus index: compact forms', function () {
  it('quotation windows in one pass are exactly those of the quotation\'s words', function () {
    // Letters, digits, every apostrophe, separators, and the characters whose lower case is ASCII.
    const text = fc.array(fc.constantFrom('a', 'B', 'z', 'Q', '0', '9', "'", '’', '‘', ' ', '-', '.', '\n', 'é', 'ß', '\u212a', '\u0130', 'don’t', 'O’Brien'), { maxLength: 80 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (t) => assert.deepStrictEqual([...quoteWindows(t)], windowsByWords(t))), { numRuns: 3000 });
    const quote = '“We did it to harm US infrastructure,” Binns allegedly told Gal; he’d rock’n’roll 4ever.';
    assert.ok(quoteWindows(quote).length > 5);
    assert.deepStrictEqual([...quoteWindows(quote)], windowsByWords(quote));
  });

  it('packed numbers come back as they were, also when they go down', function () {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 50 }), (a) => assert.deepStrictEqual(unpackNumbers(packNumbers(a)), a)));
    assert.strictEqual(packNumbers([0, 10, 46, 46]), '0,a,10,0');
    assert.deepStrictEqual(unpackNumbers(''), []);
    assert.throws(() => unpackNumbers('1,#'), /not packed/);
    assert.throws(() => packNumbers([1.5]), /not an integer/);
  });

  it('mention spans read the same packed as unpacked', function () {
    fc.assert(fc.property(fc.array(fc.nat({ max: 1e6 }), { maxLength: 40 }), (flat) => {
      const spans = flat.length % 2 ? flat.slice(1) : flat;
      const read = (s: number[] | string) => {
        const out: number[] = [];
        eachSpan({ spans: s } as EntitySummary, (a, b) => out.push(a, b));
        return out;
      };
      assert.deepStrictEqual(read(packNumbers(spans)), spans);
      assert.deepStrictEqual(read(spans), spans);
    }));
  });
});
