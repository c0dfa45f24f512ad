/**
 * The corpus index's memory: facts that live on disk are loaded when a
 * feature asks and dropped again when many have been loaded, while lookups
 * keep working from summaries; and the compact forms that make loading fast
 * (quotation windows hashed in one pass, packed numbers).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { extractFacts } from '../server/src/core/extract/facts';
import type { DocFacts } from '../server/src/core/extract/types';
import { CorpusIndex, DocMap, KeySets, eachSpan, lineStartsOf, packNumbers, quoteWindows, quoteWords, styled, summarize, unpackNumbers, type EntitySummary } from '../server/src/core/index/corpus';
import { datedDocsOf, findParts, measureLabel, partSources, partsAmong } from '../server/src/core/index/compare';
import { corporateBase } from '../server/src/core/extract/figures';
import { loadPins } from '../server/src/lsp/workspace';
import { isPacked, readPacked } from '../server/src/core/index/packed';
import { WindowTable } from '../server/src/core/index/windows';
import { parse } from '../server/src/core/syntax/parse';
import { canonicalUrl } from '../server/src/core/extract/urls';
import { definition, references } from '../server/src/core/features/navigation';
import { workspaceSymbols } from '../server/src/core/features/symbols';
import { cardSources, cardSourceSteps, hover } from '../server/src/core/features/hover';
import { checkConsistency } from '../server/src/core/check/consistency';
import { timelineAt } from '../server/src/core/features/timeline';

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

  it('a trim with nothing to drop keeps memoized answers; one that drops facts forgets them', function () {
    const index = new CorpusIndex();
    for (let n = 0; n < 4; n++) {
      const { uri, text } = article(n);
      const facts = extractFacts(uri, text, parse(text).article);
      index.setLazy(summarize(facts), lineStartsOf(text), 'corpus', () => facts);
    }
    for (const d of index.all()) void d.facts;
    let computed = 0;
    const ask = () => index.memoized('test', () => ++computed);
    ask();
    assert.strictEqual(index.trimResident(10), 0);
    ask();
    assert.strictEqual(computed, 1, 'the server trims every few seconds: answers must outlive a trim that drops nothing');
    assert.strictEqual(index.trimResident(2), 2);
    ask();
    assert.strictEqual(computed, 2, 'memoized answers may hold dropped facts');
  });

  /** Twelve articles whose facts live "on disk", counting their loads, and one open in the editor. */
  function lazyCorpus(body: (n: number) => string): { index: CorpusIndex; loads: Map<string, number>; open: { uri: string; text: string } } {
    const index = new CorpusIndex();
    const loads = new Map<string, number>();
    const make = (n: number) => {
      const text = `# Acme breach ${n}\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/${n})\n+ Date: Aug ${10 + n}, 2021\n+ Author: Jane Roe\n\n## Article:\n${body(n)}\n\n#### Tags:\n[[Acme Corp]]\n`;
      return { uri: `file:///corpus/${n}.txt`, text };
    };
    for (let n = 0; n < 12; n++) {
      const { uri, text } = make(n);
      const json = JSON.stringify(extractFacts(uri, text, parse(text).article));
      index.setLazy(summarize(JSON.parse(json)), lineStartsOf(text), 'corpus', () => {
        loads.set(uri, (loads.get(uri) ?? 0) + 1);
        return JSON.parse(json);
      });
    }
    const open = make(12);
    index.set({ facts: extractFacts(open.uri, open.text, parse(open.text).article), lineStarts: lineStartsOf(open.text), origin: 'workspace' });
    return { index, loads, open };
  }

  it('the articles an open article\'s cards read are the ones cardSources lists: loaded first, the cards load nothing more', function () {
    const { index, loads, open } = lazyCorpus((n) => `Acme Corp said ${n + 1},000 customers were affected. Acme Corp is based in Ohio.`);
    // At most what is asked, and only what is not in memory yet.
    const three = cardSources(index, open.uri, 3);
    assert.strictEqual(three.length, 3);
    assert.ok(!three.includes(open.uri), 'the open article is in memory already');
    for (const u of three) void index.get(u)!.facts;
    const rest = cardSources(index, open.uri, 100);
    assert.ok(rest.length > 0 && rest.every((u) => !three.includes(u)), 'articles already loaded are not listed again');
    for (const u of rest) void index.get(u)!.facts;
    const before = [...loads.values()].reduce((a, b) => a + b, 0);
    const name = hover(index, open.uri, open.text.indexOf('Acme Corp said'));
    const figure = hover(index, open.uri, open.text.indexOf('13,000'));
    assert.match(name?.markdown ?? '', /Cited facts/);
    assert.match(figure?.markdown ?? '', /12,000/, 'the figure card lists the other articles\' values');
    assert.strictEqual([...loads.values()].reduce((a, b) => a + b, 0), before, 'the cards read only what was loaded ahead');
    assert.deepStrictEqual(cardSources(index, open.uri, 100), []);
  });

  it('cardSourceSteps lists what cardSources lists, a step at a time, passing over what was loaded between steps', function () {
    const body = (n: number) => `Acme Corp said ${n + 1},000 customers were affected. Acme Corp is based in Ohio.`;
    const fresh = lazyCorpus(body);
    const all = cardSources(fresh.index, fresh.open.uri, 100);
    assert.ok(all.length >= 6, all.join(', '));
    const { index, loads, open } = lazyCorpus(body);
    assert.deepStrictEqual([...cardSourceSteps(index, open.uri)], all, 'the same articles in the same order');
    assert.strictEqual(loads.size, 0, 'listing loads nothing');
    const steps = cardSourceSteps(index, open.uri);
    const first = steps.next().value as string;
    assert.strictEqual(first, all[0]);
    // A hover between two steps loads two articles further down the list: the steps pass them over.
    for (const u of all.slice(3, 5)) void index.get(u)!.facts;
    const rest = [...steps];
    assert.deepStrictEqual(rest, all.slice(1).filter((u) => !all.slice(3, 5).includes(u)));
  });

  it('a figure of no one\'s is compared within its own article: its card and go-to-source read no other article', function () {
    const { index, loads, open } = lazyCorpus((n) => `Researchers found ${n + 1},000 records exposed online. They found ${n + 2},000 records later. Scanners saw ${n + 1},000 servers online. Then ${n + 2},000 servers.`);
    // Records are weighed by the check (within the article, whose they are unknown); servers are only listed.
    for (const at of [open.text.indexOf('13,000 records'), open.text.indexOf('13,000 servers')]) {
      const card = hover(index, open.uri, at)?.markdown ?? '';
      assert.match(card, /14,000/, 'the other figure of its own article is listed');
      assert.doesNotMatch(card, /12,000/, 'another article\'s count of no one is not this count');
      assert.deepStrictEqual(definition(index, open.uri, at).map((l) => l.uri), [], 'go-to-source leads to no other article');
    }
    assert.strictEqual(loads.size, 0, `no other article was read (${[...loads.keys()].join(', ')})`);
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

describe('corpus index: articles unaware of an outlet', function () {
  const doc = (name: string, source: string, body: string, outlets = new Map<string, string>()) => {
    const text = `# A story\n\n## Information:\n+ Source: ${source}\n+ Link: https://example.com/${name}\n+ Date: 2021-08-30\n\n## Article:\n${body}\n`;
    return { facts: extractFacts(`file:///${name}.txt`, text, parse(text).article, { outlets }), lineStarts: lineStartsOf(text), origin: 'workspace' as const };
  };

  it('names the articles that read an outlet as something else, not its own, nor any where every analysis knows it', function () {
    const index = new CorpusIndex();
    const body = 'The Harbor Lantern reported that Globex lost data. ZDNet and Trend Micro said so too.';
    index.set(doc('a', 'Wire', body));
    index.set(doc('b', 'Post', body, new Map([['harbor lantern', 'Harbor Lantern']])));
    index.set(doc('z', 'Harbor Lantern', 'Harbor Lantern confirmed it: Globex lost data.'));
    index.set(doc('t', 'Trend Micro', 'Globex lost data.'));
    // "a" was analysed before the outlet was known; "b" knew it; "z" is its own.
    assert.deepStrictEqual(index.unawareOf('Harbor Lantern'), ['file:///a.txt']);
    assert.deepStrictEqual(index.unawareOf('harbor LANTERN'), ['file:///a.txt']);
    // An outlet of the built-in list, and a publisher that is also a company, are known to every analysis.
    assert.deepStrictEqual(index.unawareOf('ZDNet'), []);
    assert.deepStrictEqual(index.unawareOf('Trend Micro'), []);
    assert.deepStrictEqual([index.knowsOutlet('zdnet'), index.knowsOutlet('trend micro'), index.knowsOutlet('harbor lantern')], [true, true, false]);
    // Analysed again with it, "a" knows it too.
    index.set(doc('a', 'Wire', body, new Map([['harbor lantern', 'Harbor Lantern']])));
    assert.deepStrictEqual(index.unawareOf('Harbor Lantern'), []);
    // A pinned name is what its pin says in every analysis.
    index.set(doc('c', 'Wire', 'The Bay Beacon reported that Globex lost data.'));
    index.set(doc('y', 'Bay Beacon', 'Globex lost data.'));
    assert.deepStrictEqual(index.unawareOf('Bay Beacon'), ['file:///c.txt']);
    index.pins.set('bay beacon', { key: 'bay beacon', name: 'Bay Beacon', aliases: [], kind: 'person' });
    assert.deepStrictEqual([index.knowsOutlet('bay beacon'), index.unawareOf('Bay Beacon')], [true, []]);
  });
});

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

  it('one wording quoted twice in an article, and by others: each place, in path then article order, until removed', function () {
    const twice = (n: number) => {
      const { uri, text } = quoted(n);
      return { uri, text: text.replace('## Article:\n', `## Article:\nEarlier, Acme Corp wrote: “${QUOTE}.”\n\n`) };
    };
    const index = new CorpusIndex();
    for (const d of [quoted(3), twice(2), quoted(1)]) add(index, d);
    const places = () => index.quoteMatches(quoteWords(QUOTE), 'file:///corpus/q9.txt').map((m) => `${m.uri.slice(-6)} ${m.span.start} ${m.relation}`);
    const all = places();
    assert.deepStrictEqual(all.map((p) => p.split(' ')[0]), ['q1.txt', 'q2.txt', 'q2.txt', 'q3.txt']);
    const [, a, b] = all.map((p) => Number(p.split(' ')[1]));
    assert.ok(a < b, `the article's first quotation comes first: ${all.join(', ')}`);
    index.remove('file:///corpus/q2.txt');
    assert.deepStrictEqual(places().map((p) => p.split(' ')[0]), ['q1.txt', 'q3.txt']);
    index.remove('file:///corpus/q1.txt');
    index.remove('file:///corpus/q3.txt');
    assert.deepStrictEqual(places(), []);
    add(index, twice(2));
    assert.deepStrictEqual(places().map((p) => p.split(' ')[0]), ['q2.txt', 'q2.txt']);
  });
});

describe('corpus index: the window table', function () {
  it('holds what a map of sets would, through growth and removals', function () {
    // Few distinct hashes and ids, so that windows are shared, removed and added again; hashes up to 2^30 - 1.
    const op = fc.tuple(fc.boolean(), fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(0x3fffffff)), fc.integer({ min: 0, max: 12 }));
    const idsAt = (table: WindowTable, hash: number) => {
      const got: number[] = [];
      table.forEach(hash, (id) => got.push(id));
      return got.sort((a, b) => a - b);
    };
    fc.assert(fc.property(fc.array(op, { minLength: 200, maxLength: 3000 }), (ops) => {
      // Eight slots to start with: it grows, and is rebuilt without its gone slots, many times over.
      const table = new WindowTable(4);
      const model = new Map<number, Set<number>>();
      for (const [add, hash, id] of ops) {
        const ids = model.get(hash) ?? new Set<number>();
        if (add && !ids.has(id)) {
          table.add(hash, id);
          model.set(hash, ids.add(id));
        } else if (!add) {
          table.remove(hash, id);
          ids.delete(id);
          if (!ids.size) model.delete(hash);
        }
        assert.deepStrictEqual(idsAt(table, hash), [...(model.get(hash) ?? [])].sort((a, b) => a - b), `window ${hash}`);
      }
      assert.strictEqual(table.size, model.size);
      for (let hash = 0; hash <= 301; hash++) {
        const got: number[] = [];
        table.forEach(hash, (id) => got.push(id));
        assert.deepStrictEqual(got.sort((a, b) => a - b), [...(model.get(hash) ?? [])].sort((a, b) => a - b), `window ${hash}`);
      }
      const top: number[] = [];
      table.forEach(0x3fffffff, (id) => top.push(id));
      assert.deepStrictEqual(top.sort((a, b) => a - b), [...(model.get(0x3fffffff) ?? [])].sort((a, b) => a - b));
    }), { numRuns: 200 });
  });

  it('a window added and removed many times over does not fill the table', function () {
    const table = new WindowTable(4);
    for (let round = 0; round < 50_000; round++) {
      table.add(round, 1);
      table.remove(round, 1);
    }
    table.add(7, 2);
    const got: number[] = [];
    table.forEach(7, (id) => got.push(id));
    assert.deepStrictEqual([table.size, got], [1, [2]]);
    // The storage stayed small: gone slots are dropped when the table is rebuilt, not doubled for.
    assert.ok((table as unknown as { keys: Uint32Array }).keys.length <= 16, String((table as unknown as { keys: Uint32Array }).keys.length));
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

  it('every quotation sharing a window is told apart as the definition says: contained (in a house style), most windows shared, or neither', function () {
    // Few words, so that quotations share windows; style variants, so that letter-for-letter containment differs from word for word.
    const VOCABULARY = ['the', 'data', 'base', 'database', 'organisations', 'organizations', 'was', 'shut', 'down', 'shutdown', 'we', 'colour', 'color', 'it'];
    const quote = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 4, maxLength: 14 });
    // Another house style: American endings, compounds written as one word.
    const restyle = (words: string[]) => words.join(' ').replace(/organisations/g, 'organizations').replace(/colour/g, 'color').replace(/data base/g, 'database').replace(/shut down/g, 'shutdown').split(' ');
    // Others made from mine (a part of it, more around it, a word changed) and at random.
    const other = (mine: string[]) => fc.oneof(
      quote,
      fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 4 }), fc.boolean()).map(([a, b, restyled]) => {
        const part = mine.slice(a, Math.max(a, mine.length - b));
        return restyled ? restyle(part) : part;
      }),
      fc.tuple(quote, quote).map(([a, b]) => [...a.slice(0, 3), ...mine, ...b.slice(0, 3)]),
      fc.tuple(fc.nat(), fc.constantFrom(...VOCABULARY)).map(([k, w]) => mine.map((x, i) => (i === k % mine.length ? w : x))),
    );
    const world = quote.chain((mine) => fc.tuple(fc.constant(mine), fc.array(other(mine), { minLength: 1, maxLength: 6 })));
    fc.assert(fc.property(world, ([mine, others]) => {
      const index = new CorpusIndex();
      const quoted = [mine, ...others].map((words, n) => {
        const text = article(n, `Acme Corp said: “${words.join(' ')}”`);
        const facts = extractFacts(`file:///q/${n}.txt`, text, parse(text).article);
        index.set({ facts, lineStarts: lineStartsOf(text), origin: 'workspace' });
        return facts.quotes.map((q) => q.text);
      });
      const myWords = quoteWords(quoted[0][0]);
      const myWindows = new Set(windowsByWords(quoted[0][0]));
      const expected: string[] = [];
      quoted.forEach((texts, n) => {
        if (n === 0) return;
        for (const t of texts) {
          const theirWindows = windowsByWords(t);
          const shared = theirWindows.filter((w) => myWindows.has(w)).length;
          if (!shared) continue;
          const a = ` ${myWords.join(' ')} `;
          const b = ` ${quoteWords(t).join(' ')} `;
          if (a.includes(b) || b.includes(a) || styled(a).includes(styled(b)) || styled(b).includes(styled(a))) expected.push(`${n} same`);
          else if (shared / Math.max(myWindows.size, theirWindows.length) >= 0.6) expected.push(`${n} altered`);
        }
      });
      const ask = () => {
        const got = index.quoteMatches(myWords, 'file:///q/0.txt').map((m) => `${m.uri.slice('file:///q/'.length, -'.txt'.length)} ${m.relation}`);
        assert.deepStrictEqual(got.sort(), expected.sort());
        // The check asks for the altered ones alone.
        const altered = index.similarQuotes(myWords, 'file:///q/0.txt').map((m) => `${m.uri.slice('file:///q/'.length, -'.txt'.length)} ${m.relation}`);
        assert.deepStrictEqual(altered.sort(), expected.filter((e) => e.endsWith(' altered')).sort());
      };
      ask();
      // Again after an article went and came back (its wordings' numbers freed and reused, the answers not remembered):
      // what one query counted must not linger into the next.
      const back = index.get('file:///q/1.txt')!;
      index.remove('file:///q/1.txt');
      index.set({ facts: back.facts, lineStarts: back.lineStarts, origin: 'workspace' });
      ask();
    }), { numRuns: 300 });
  });

  it('a quoted web address in pasted script data is no quotation', function () {
    const text = article(1, 'var x = {"url": "https:\\/\\/www.zdnet.com\\/article\\/best-security-system-for-every-home-in-america\\/"};');
    assert.deepStrictEqual(extractFacts('file:///q/1.txt', text, parse(text).article).quotes, []);
  });
});

describe('corpus index: an entity\'s name and kind by majority', function () {
  it('are the most used name (the longer, then the first in plain order, on a tie) and kind (not "other" while another is used), whatever the order of adds, removes and reads', function () {
    // Names of one length too ("Acme", "ACME"): a tie goes to the longer, then the first in plain order, never to the first seen.
    const NAMES = ['Acme', 'ACME', 'ACME Co', 'Acme Co', 'Acme Corp.', 'Acme Company', 'The Acme Company'];
    const KINDS = ['organisation', 'person', 'place', 'outlet', 'other'] as const;
    const ORDER = ['person', 'organisation', 'outlet', 'place', 'handle', 'other'];
    const doc = fc.record({
      name: fc.constantFrom(...NAMES), kind: fc.constantFrom(...KINDS), aliases: fc.subarray(['ACME', 'Acme Inc', 'AC']),
      mentions: fc.integer({ min: 1, max: 9 }), onlyInLinks: fc.boolean(),
    });
    // An entity is counted when first read, then kept as articles come and go: reads at any step, or only at the end.
    const step = fc.record({ op: fc.oneof(fc.record({ add: fc.nat({ max: 7 }), as: doc }), fc.record({ remove: fc.nat({ max: 7 }) })), look: fc.boolean() });
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
      const index = new CorpusIndex();
      const current = new Map<number, typeof doc extends fc.Arbitrary<infer T> ? T : never>();
      const check = () => {
        const entry = index.entity('acme');
        if (!current.size) {
          assert.strictEqual(entry, undefined);
          return;
        }
        const names = new Map<string, number>();
        const kinds = new Map<string, number>();
        const aliases = new Map<string, number>();
        let mentions = 0;
        let linked = 0;
        for (const x of current.values()) {
          names.set(x.name, (names.get(x.name) ?? 0) + 1);
          kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
          for (const a of x.aliases) aliases.set(a, (aliases.get(a) ?? 0) + 1);
          if (x.onlyInLinks) linked++;
          else mentions += x.mentions;
        }
        const name = [...names].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
        const used = ORDER.filter((k) => k !== 'other' && kinds.has(k));
        const kind = used.length ? used.sort((a, b) => kinds.get(b)! - kinds.get(a)! || ORDER.indexOf(a) - ORDER.indexOf(b))[0] : 'other';
        const sorted = (m: Map<string, number>) => [...m].sort((a, b) => a[0].localeCompare(b[0]));
        assert.deepStrictEqual(
          [entry?.name, entry?.kind, sorted(entry!.aliases), entry?.mentionCount, entry?.linkedFrom, entry?.docs.size],
          [name, kind, sorted(aliases), mentions, linked, current.size],
          JSON.stringify([...current.values()]),
        );
      };
      for (const { op, look } of steps) {
        const uri = `file:///ws/${'add' in op ? op.add : op.remove}.txt`;
        if ('add' in op) {
          const e: EntitySummary = { key: 'acme', name: op.as.name, kind: op.as.kind, aliases: [...op.as.aliases], mentionCount: op.as.mentions, firstStart: 0, firstEnd: 4, spans: [0, 4], spansFrom: 0, spansTo: 0, onlyInLinks: op.as.onlyInLinks };
          index.setLazy({ uri, title: 't', titleSpan: { start: 0, end: 1 }, authors: [], entities: [e], measures: [], quotes: [], keyed: [], topics: [], topicSpans: [], linksTo: [] }, [0], 'workspace', () => { throw new Error('not read'); });
          current.set(op.add, op.as);
        } else {
          index.remove(uri);
          current.delete(op.remove);
        }
        if (look) check();
      }
      check();
    }), { numRuns: 400 });
  });
});

describe('corpus index: entities counted between requests', function () {
  it('countEntities counts the entities no one read yet, a slice at a time, until all are', function () {
    const index = new CorpusIndex();
    for (let n = 0; n < 300; n++) {
      const e: EntitySummary = { key: `name ${n}`, name: `Name ${n}`, kind: 'organisation', aliases: [], mentionCount: 1, firstStart: 0, firstEnd: 4, spans: [0, 4], spansFrom: 0, spansTo: 0, onlyInLinks: false };
      index.setLazy({ uri: `file:///ws/${n}.txt`, title: 't', titleSpan: { start: 0, end: 1 }, authors: [], entities: [e], measures: [], quotes: [], keyed: [], topics: [], topicSpans: [], linksTo: [] }, [0], 'workspace', () => { throw new Error('not read'); });
    }
    const counted = () => [...index.allEntities()].filter((e) => e._counted).length;
    assert.strictEqual(counted(), 0, 'adding counts nothing');
    assert.strictEqual(index.countEntities(0), false, 'a slice with no time left stops');
    assert.ok(counted() > 0 && counted() < 300, String(counted()));
    assert.strictEqual(index.countEntities(60_000), true);
    assert.strictEqual(counted(), 300);
    assert.deepStrictEqual([...index.allEntities()].map((e) => e.name), Array.from({ length: 300 }, (_, n) => `Name ${n}`));
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

  it('the check of a restored line takes as packed exactly what the reader reads, in range', function () {
    // What `isPacked` must answer, by `readPacked`: read through, every number from 0 to 2³¹ − 1, pairs if asked.
    const expected = (s: string, from: number, to: number, pairs: boolean) => {
      let count = 0;
      let inRange = true;
      const read = readPacked(s, (n) => {
        count++;
        if (!(n >= 0 && n <= 0x7fffffff)) inRange = false;
      }, from, to);
      return read && inRange && (!pairs || count % 2 === 0);
    };
    const packed = fc.array(fc.integer({ min: -5, max: 0x7fffffff + 5 }), { maxLength: 12 }).map((a) => packNumbers(a));
    const noise = fc.array(fc.constantFrom('0', '1', 'z', 'a', ',', '-', ';', 'A', ' ', '#', '--', ',,'), { maxLength: 12 }).map((a) => a.join(''));
    const text = fc.oneof(packed, noise, fc.tuple(packed, noise, packed).map(([a, b, c]) => a + b + c));
    fc.assert(fc.property(text, fc.nat(), fc.nat(), fc.boolean(), (s, a, b, pairs) => {
      const from = a % (s.length + 1);
      const to = from + (b % (s.length - from + 1));
      assert.strictEqual(isPacked(s, from, to, pairs), expected(s, from, to, pairs), JSON.stringify([s, from, to, pairs]));
    }), { numRuns: 5000 });
    const whole = (s: string, pairs: boolean) => isPacked(s, 0, s.length, pairs);
    assert.strictEqual(whole(packNumbers([3, 5, 2, 9]), true), true);
    assert.strictEqual(whole(packNumbers([3, 5, 2]), true), false);
    assert.strictEqual(whole(packNumbers([3, 5, 2]), false), true);
    assert.strictEqual(whole(packNumbers([3, -1]), false), false);
    assert.strictEqual(whole(packNumbers([0x7fffffff]), false), true);
    assert.strictEqual(whole(packNumbers([0x7fffffff + 1]), false), false);
    assert.strictEqual(whole('1,,2', false), false);
    assert.strictEqual(whole('', true), true);
    assert.strictEqual(whole('a,--1', false), false);
    assert.strictEqual(whole('a,1-', false), false);
    assert.strictEqual(whole('a,-1', false), true);
  });

  it('articles appended as numbers read back as a map of them would (order, values, size, deletes, scans)', function () {
    const uris = ['file:///a.txt', 'file:///b.txt', 'untitled:1', 'file:///c%20d.txt', 'acme corp', 'file:///e.txt'];
    const op = fc.oneof(
      fc.record({ add: fc.constantFrom(...uris), value: fc.oneof(fc.nat({ max: 40 }), fc.constant(2 ** 24 - 1)) }),
      fc.record({ del: fc.constantFrom(...uris) }),
      fc.record({ read: fc.constantFrom(...uris) }),
      fc.record({ scan: fc.constant(true) }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
      const m = new DocMap();
      const ref = new Map<string, number>();
      for (const o of ops) {
        if ('add' in o) {
          // An article is added at most once (the index removes it first).
          if (ref.has(o.add)) continue;
          m.add(o.add, o.value);
          ref.set(o.add, o.value);
        } else if ('del' in o) {
          assert.strictEqual(m.delete(o.del), ref.delete(o.del));
        } else if ('read' in o) assert.strictEqual(m.get(o.read), ref.get(o.read));
        else {
          // A scan, which puts nothing in the map, sees what reading it would.
          const seen: [string, number][] = [];
          m.forEach((k, v) => seen.push([k, v]));
          assert.deepStrictEqual(seen, [...ref]);
        }
        assert.strictEqual(m.size, ref.size);
      }
      assert.deepStrictEqual([...m], [...ref]);
    }), { numRuns: 2000 });
    assert.throws(() => new DocMap().add('file:///a.txt', 2 ** 24), /no value/);
    assert.throws(() => new DocMap().add('file:///a.txt', -1), /no value/);
  });

  it('entity keys by a key of theirs read back as a map of sets would (order, adds twice, deletes)', function () {
    const op = fc.oneof(
      fc.record({ add: fc.constantFrom('a', 'b', 'c'), key: fc.constantFrom('x', 'y', 'z', 'w') }),
      fc.record({ del: fc.constantFrom('a', 'b', 'c'), key: fc.constantFrom('x', 'y', 'z', 'w') }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
      const m = new KeySets();
      const ref = new Map<string, Set<string>>();
      for (const o of ops) {
        if ('add' in o) {
          m.add(o.add, o.key);
          if (!ref.has(o.add)) ref.set(o.add, new Set());
          ref.get(o.add)!.add(o.key);
        } else {
          m.delete(o.del, o.key);
          ref.get(o.del)?.delete(o.key);
          if (ref.get(o.del)?.size === 0) ref.delete(o.del);
        }
        for (const k of ['a', 'b', 'c']) assert.deepStrictEqual([...m.keysOf(k)], [...(ref.get(k) ?? [])], k);
      }
    }), { numRuns: 2000 });
  });

  it('mention spans read the same packed as unpacked', function () {
    fc.assert(fc.property(fc.array(fc.nat({ max: 1e6 }), { maxLength: 40 }), (flat) => {
      const spans = flat.length % 2 ? flat.slice(1) : flat;
      const read = (s: number[] | string) => {
        const out: number[] = [];
        eachSpan({ spans: s, spansFrom: 0, spansTo: s.length } as EntitySummary, (a, b) => out.push(a, b));
        return out;
      };
      assert.deepStrictEqual(read(packNumbers(spans)), spans);
      assert.deepStrictEqual(read(spans), spans);
    }));
  });
});

describe('corpus index: where parts of a total may be stated', function () {
  const DAY = 24 * 3600 * 1000;
  const WINDOW = 60 * DAY;
  const base = Date.UTC(2021, 7, 20);
  function dated(n: number, date: number | undefined): { uri: string; text: string } {
    const d = date === undefined ? 'Unknown' : new Date(date).toISOString().slice(0, 10);
    const text = `# Acme breach\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/p${n})\n+ Date: ${d}\n+ Author: Jane Roe\n\n## Article:\nAcme Corp said ${n + 1},000 customers were affected.\n`;
    return { uri: `file:///corpus/p${String(n).padStart(3, '0')}.txt`, text };
  }
  /** The rule, written plainly: every article naming the subject within the window (undated ones at its edge), nearest first, then by path, at most 60. */
  function expected(index: CorpusIndex, when: number | undefined): string[] {
    const rows: { uri: string; gap: number }[] = [];
    for (const uri of index.entity('acme corp')!.docs.keys()) {
      const date = index.get(uri)!.summary.date;
      const gap = when === undefined || date === undefined ? WINDOW : Math.abs(date - when);
      if (gap <= WINDOW) rows.push({ uri, gap });
    }
    rows.sort((a, b) => a.gap - b.gap || (a.uri < b.uri ? -1 : 1));
    return rows.slice(0, 60).map((r) => r.uri);
  }

  it('are the nearest articles naming the subject, undated ones at the window\'s edge, at most 60, kept current', function () {
    const index = new CorpusIndex();
    const add = (a: { uri: string; text: string }) => index.set({ facts: extractFacts(a.uri, a.text, parse(a.text).article), lineStarts: lineStartsOf(a.text), origin: 'workspace' });
    // Many articles on the same days (ties), some just inside or outside the window, some undated.
    const offsets = [0, 0, 1, -1, 3, -3, 3, 59, 60, -60, 61, -61, 120, -200, 30, 30, -30, 7, 8, 9];
    let n = 0;
    for (let round = 0; round < 5; round++) for (const o of offsets) add(dated(n++, base + o * DAY));
    for (let k = 0; k < 6; k++) add(dated(n++, undefined));
    const total = index.get(dated(0, base).uri)!.facts.figures.find((f) => f.noun === 'customer')!;
    // Kept under the name without its legal form (`corporateBase`), and found under it.
    assert.strictEqual(total.subject, 'acme');
    for (const when of [base, base + 45 * DAY, base - 59 * DAY, base + 400 * DAY, undefined]) {
      const got = partSources(index, total, when);
      assert.deepStrictEqual(got, expected(index, when), `when ${when}`);
    }
    assert.strictEqual(partSources(index, total, base).length, 60);
    // An article added later is found (the lists by date are per version of the index).
    const late = dated(n++, base);
    add(late);
    assert.ok(partSources(index, total, base).includes(late.uri));
    assert.deepStrictEqual(partSources(index, total, base), expected(index, base));
    index.remove(late.uri);
    assert.ok(!partSources(index, total, base).includes(late.uri));
  });
});

describe('corpus index: parts of a total among the nearest articles', function () {
  it('are what each article finds there, whichever article of the story asked first', function () {
    const bodies = [
      'Acme Corp said 902,000 customers were affected.',
      'Acme Corp said 902,000 customers were affected: 850,000 prepaid customers and 52,000 Metro customers.',
      'Acme Corp said 850,000 prepaid customers and 52,000 Metro customers were affected.',
      'Acme Corp said 903,000 customers were affected, of them 851,000 prepaid customers.',
      'Acme Corp said 52,000 Metro customers and 851,000 prepaid customers were affected.',
      // Hedged: the same value, other bounds (903,000 = 851,000 + 52,000 is within them, not 902,000 exactly).
      'Acme Corp said about 902,000 customers were affected.',
    ];
    const index = new CorpusIndex();
    const uris = bodies.map((body, n) => {
      const uri = `file:///corpus/parts${n}.txt`;
      const text = `# Acme breach\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/parts${n})\n+ Date: Aug 20, 2021\n+ Author: Jane Roe\n\n## Article:\n${body}\n`;
      index.set({ facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
      return uri;
    });
    let found = 0;
    // Each article asks twice: first the one that states both a total and its parts (its own parts must not be left out
    // of the others' answers), then one that states the total alone, then the hedged one, and so on.
    for (const n of [1, 0, 5, 2, 3, 4, 0, 1, 4, 5, 3, 2]) {
      const doc = index.get(uris[n])!;
      for (const f of doc.facts.figures) {
        const sources = partSources(index, f, doc.summary.date);
        const got = partsAmong(index, uris[n], f, sources);
        assert.deepStrictEqual(got, findParts(index, uris[n], f, sources), `${n}: ${f.value}`);
        assert.ok(got.every((r) => r.uri !== uris[n]), 'an article is no source of its own parts');
        found += got.length;
      }
    }
    assert.ok(found >= 6, String(found));
  });
});

describe('corpus index: a name\'s articles in date order', function () {
  const dates = ['Aug 20, 2021', 'Aug 3, 2021', 'Aug 20, 2021', undefined, 'Jul 1, 2020', 'Aug 3, 2021', undefined, 'Aug 20, 2021'];
  const make = (n: number) => {
    const date = dates[n % dates.length];
    const text = `# Story ${n}\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/${n})\n${date ? `+ Date: ${date}\n` : ''}\n## Article:\nAcme Corp said ${n + 1},000 customers were affected. Acme Corp is a bank.\n`;
    return { uri: `file:///corpus/${String.fromCharCode(104 - (n % 8))}${n}.txt`, text };
  };
  const add = (index: CorpusIndex, n: number) => {
    const { uri, text } = make(n);
    index.set({ facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
    return uri;
  };
  /** The rule, written plainly: by date, then path; undated last, by path. */
  const expected = (index: CorpusIndex) => [...index.all()].map((d) => ({ uri: d.summary.uri, date: d.summary.date ?? Infinity }))
    .sort((a, b) => (a.date === b.date ? (a.uri < b.uri ? -1 : 1) : a.date - b.date)).map((x) => x.uri);

  it('definition lists them earliest first, references this article first; both kept current, whatever the order of indexing', function () {
    const index = new CorpusIndex();
    // Added in a scrambled order, so insertion order is not the answer.
    for (const n of [5, 0, 12, 3, 9, 1, 14, 7, 2, 11, 6, 13, 4, 10, 8]) add(index, n);
    const check = () => {
      const order = expected(index);
      for (const uri of [order[0], order[6], order[order.length - 1]]) {
        const doc = index.get(uri)!;
        const at = doc.facts.entities.find((e) => e.key === 'acme corp')!.mentions[1].span.start;
        assert.deepStrictEqual(definition(index, uri, at).map((l) => l.uri), order, `definition from ${uri}`);
        const refs = references(index, uri, at);
        const refDocs = refs.map((l) => l.uri).filter((u, i, a) => a.indexOf(u) === i);
        assert.deepStrictEqual(refDocs, [uri, ...order.filter((u) => u !== uri)], `references from ${uri}`);
        assert.strictEqual(refs.length, 2 * order.length);
      }
    };
    check();
    // Removed, changed and added: the order follows.
    index.remove(make(3).uri);
    index.remove(make(8).uri);
    add(index, 16);
    add(index, 0);
    check();
    assert.strictEqual(index.entity('acme corp')!.docs.size, 14);
    // The workspace symbol of the name stands at the earliest article, also when that one goes or an earlier one comes.
    const symbolAt = () => workspaceSymbols(index, 'Acme Corp').find((x) => x.name === 'Acme Corp')!.location.uri;
    assert.strictEqual(symbolAt(), expected(index)[0]);
    index.remove(expected(index)[0]);
    assert.strictEqual(symbolAt(), expected(index)[0]);
    add(index, 4);
    assert.strictEqual(symbolAt(), expected(index)[0]);
    assert.strictEqual(expected(index)[0], make(4).uri, 'the earliest date of all');
    assert.strictEqual(index.entity('acme corp')!.docs.size, 13);
  });

  it('the earliest article naming it is kept as articles come, also for a name not counted yet (its name never read)', function () {
    const index = new CorpusIndex();
    for (const n of [0, 1, 2]) add(index, n);
    const earliest = () => index.earliestOf(index.entity('acme corp')!)?.uri;
    assert.strictEqual(earliest(), expected(index)[0]);
    // Jul 1, 2020: earlier than any so far.
    add(index, 4);
    assert.strictEqual(earliest(), make(4).uri);
    index.remove(make(4).uri);
    assert.strictEqual(earliest(), expected(index)[0]);
  });
});

describe('corpus index: a name\'s articles by date, kept across edits', function () {
  const DATES = ['Aug 20, 2021', 'Aug 3, 2021', 'Jul 1, 2020', undefined];
  /** Who an article names: the company with its legal form ("acme corp", kept under "acme"), without it, both, or another. */
  const BODIES = ['Acme Corp said 5,000 customers were affected.', 'Acme said 5,000 customers were affected.',
    'Acme Corp said 5,000 customers were affected. Acme later said more.', 'Zenith Bank said 5,000 customers were affected.'];
  const text = (date: string | undefined, body: string, words: number) =>
    `# Story\n\n## Information:\n+ Source: Example News\n${date ? `+ Date: ${date}\n` : ''}\n## Article:\n${body}${' More words.'.repeat(words)}\n`;
  /** The rule, written plainly: the articles naming the subject or a name kept under it, by date then path; undated by path. */
  const expected = (index: CorpusIndex, subject: string) => {
    const rows = [...index.all()].filter((d) => d.facts.entities.some((e) => e.key === subject || corporateBase(e.key) === subject));
    if (!rows.length) return null;
    const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const dated = rows.filter((d) => d.summary.date !== undefined).map((d) => ({ uri: d.summary.uri, date: d.summary.date! }))
      .sort((a, b) => a.date - b.date || byPath(a.uri, b.uri));
    return { dated, undated: rows.filter((d) => d.summary.date === undefined).map((d) => d.summary.uri).sort(byPath) };
  };

  it('follow every change of an article\'s date and names, and only those (adds, re-sets, removals in any order)', function () {
    const op = fc.record({ n: fc.integer({ min: 0, max: 5 }), date: fc.integer({ min: 0, max: 3 }), body: fc.integer({ min: 0, max: 3 }), words: fc.integer({ min: 0, max: 2 }), remove: fc.boolean() });
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
      const index = new CorpusIndex();
      for (const o of ops) {
        const uri = `file:///corpus/${o.n}.txt`;
        if (o.remove) index.remove(uri);
        else {
          const t = text(DATES[o.date], BODIES[o.body], o.words);
          index.set({ facts: extractFacts(uri, t, parse(t).article), lineStarts: lineStartsOf(t), origin: 'workspace' });
        }
        // Asked after every step, so that a list kept from before a change is what is read.
        for (const subject of ['acme', 'acme corp', 'zenith bank']) assert.deepStrictEqual(datedDocsOf(index, subject), expected(index, subject), subject);
      }
    }), { numRuns: 150 });
  });

  it('what is worked out from summaries is kept while an edit changes only wording, and worked out again when a name, a count, a date or the pins change', function () {
    const index = new CorpusIndex();
    const set = (uri: string, t: string) => index.set({ facts: extractFacts(uri, t, parse(t).article), lineStarts: lineStartsOf(t), origin: 'workspace' });
    set('file:///corpus/a.txt', text(DATES[0], BODIES[0], 0));
    set('file:///corpus/b.txt', text(DATES[1], BODIES[1], 0));
    let computed = 0;
    const ask = () => index.memoizedByOutline('test', () => ++computed);
    ask();
    // Words typed: the same names, counts and date.
    set('file:///corpus/a.txt', text(DATES[0], BODIES[0], 2));
    ask();
    assert.strictEqual(computed, 1, 'kept across an edit of wording');
    // A name more, a mention more, another date, an article gone: each is worked out again.
    const changes: (() => void)[] = [
      () => set('file:///corpus/a.txt', text(DATES[0], BODIES[3], 2)),
      () => set('file:///corpus/a.txt', text(DATES[0], `${BODIES[3]} Zenith Bank agreed.`, 2)),
      () => set('file:///corpus/a.txt', text(DATES[2], `${BODIES[3]} Zenith Bank agreed.`, 2)),
      () => index.remove('file:///corpus/b.txt'),
      // New pins (`.breachdesk/entities.json`, read as the server reads it): a name pinned as an outlet is no owner's
      // other name any more.
      () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-pins-'));
        fs.mkdirSync(path.join(dir, '.breachdesk'));
        fs.writeFileSync(path.join(dir, '.breachdesk', 'entities.json'), JSON.stringify({ entities: [{ name: 'Zenith Bank', kind: 'outlet' }] }));
        try {
          assert.deepStrictEqual(loadPins(index, [dir]).flatMap((r) => r.problems), []);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    ];
    for (const [k, change] of changes.entries()) {
      change();
      ask();
      assert.strictEqual(computed, k + 2, `change ${k}`);
    }
  });

  it('a card cites the articles naming the entity most as mention counts change, also when an edit changes nothing else', function () {
    const index = new CorpusIndex();
    const set = (uri: string, t: string) => index.set({ facts: extractFacts(uri, t, parse(t).article), lineStarts: lineStartsOf(t), origin: 'workspace' });
    const story = (n: number, mentions: number) => `# Story ${n}\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/c${n})\n+ Date: Aug ${n + 1}, 2021\n\n## Article:\n`
      + `Zenith Bank said 2 of its offices had reopened.${' Zenith Bank apologised.'.repeat(mentions - 1)}\n`;
    // More articles than a card reads (ten): which it reads is its choice.
    for (let n = 0; n < 14; n++) set(`file:///corpus/c${n}.txt`, story(n, 1));
    const open = 'file:///corpus/open.txt';
    const openText = `${story(20, 1).replace('Story 20', 'Open')}`;
    set(open, openText);
    const cited = () => {
      const h = hover(index, open, openText.indexOf('Zenith Bank', openText.indexOf('## Article:')) + 1)!;
      return [...h.markdown.matchAll(/corpus\/(c\d)\.txt/g)].map((m) => m[1]);
    };
    // Equal counts: the newest first; c0, the oldest, is not among them.
    assert.ok(!cited().includes('c0'), cited().join());
    // c0 now names the bank most (its only change: how often the name is written).
    set('file:///corpus/c0.txt', story(0, 4));
    assert.ok(cited().includes('c0'), cited().join());
    set('file:///corpus/c0.txt', story(0, 1));
    assert.ok(!cited().includes('c0'), cited().join());
  });
});

describe('corpus index: the articles that link to an article', function () {
  // Five files; each holds its own story's address or another's (a copy of that page), may be a draft, may link to
  // any of the five addresses in either of ThreatPost's forms (its own included) or nowhere, shows an image of another
  // page, and is re-set or removed in any order.
  const own = (n: number) => `https://threatpost.com/story-${n}/${168000 + n}/`;
  const forms = (n: number) => [own(n), `https://kasperskycontenthub.com/threatpost-global/?p=${168000 + n}`];
  const text = (n: number, page: number, targets: [number, number][]) => `# Story ${n}\n\n## Information:\n+ Source: ThreatPost\n+ Link: [article](${own(page)})\n+ Date: Aug ${n + 1}, 2021\n\n## Article:\nAcme Corp was hit.${targets.map(([t, f]) => ` See [the story](${forms(t)[f]}).`).join('')} ![photo](${forms((n + 1) % 5)[n % 2]})\n`;
  /** The links in an article's text as written (the parser's, images left out by their `!`), not as the index keeps them. */
  const written = (t: string) => [...t.matchAll(/(?<!!)\[[^\]]*\]\(([^)]+)\)/g)].filter((m) => !m[0].startsWith('[article]')).map((m) => ({ url: m[1], at: m.index! }));

  it('references on the Link list every link of another saved article to it, earliest first: not a copy of the page, a draft, an image or the article itself', function () {
    const target = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 1 }));
    const op = fc.record({ n: fc.integer({ min: 0, max: 4 }), page: fc.integer({ min: 0, max: 4 }), copy: fc.boolean(), draft: fc.boolean(), targets: fc.array(target, { maxLength: 3 }), remove: fc.boolean() });
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 29 }), (ops, askFrom) => {
      const index = new CorpusIndex();
      /** What each file holds now, as the test wrote it. */
      const files = new Map<number, { text: string; page: number; draft: boolean }>();
      ops.forEach((o, step) => {
        const uri = `file:///corpus/${o.n}.txt`;
        if (o.remove) {
          index.remove(uri);
          files.delete(o.n);
        } else {
          const page = o.copy ? o.page : o.n;
          const t = text(o.n, page, o.targets);
          index.set({ facts: extractFacts(uri, t, parse(t).article), lineStarts: lineStartsOf(t), origin: 'workspace', draft: o.draft });
          files.set(o.n, { text: t, page, draft: o.draft });
        }
        // The table of links is built when first asked: before some steps, after others.
        if (step < askFrom) return;
        for (const [n, f] of files) {
          const address = canonicalUrl(own(f.page));
          // The rule, written plainly from the texts: links of the other files that are neither drafts nor copies of this page.
          const want: string[] = [];
          for (const [m, g] of [...files].sort((a, b) => a[0] - b[0])) {
            if (m === n || g.draft || g.page === f.page) continue;
            for (const l of written(g.text)) if (canonicalUrl(l.url) === address) want.push(`file:///corpus/${m}.txt@${l.at}`);
          }
          const uri = `file:///corpus/${n}.txt`;
          const got = references(index, uri, index.get(uri)!.facts.linkSpan!.start + 3, false).map((l) => `${l.uri}@${l.span.start}`);
          assert.deepStrictEqual(got, want, `links to ${n}`);
          // The table holds the files that link there now (drafts and copies too: they are left out when read), no more.
          const linking = [...files].filter(([, g]) => g.page !== f.page && written(g.text).some((l) => canonicalUrl(l.url) === address)).map(([m]) => `file:///corpus/${m}.txt`);
          assert.deepStrictEqual(index.linkersOf(address!), linking.sort(), `linkers of ${n}`);
        }
      });
    }), { numRuns: 150 });
  });

  it('the table built a slice at a time, while articles are put, re-set and taken out, ends as the plain rule says', function () {
    const index = new CorpusIndex();
    const put = (n: number, targets: number[]) => {
      const t = `# Story ${n}\n\n## Information:\n+ Source: ThreatPost\n+ Link: [article](${own(n)})\n+ Date: Aug 1, 2021\n\n## Article:\nAcme Corp was hit.${targets.map((k) => ` See [it](${forms(k)[n % 2]}).`).join('')}\n`;
      index.set({ facts: extractFacts(`file:///corpus/${n}.txt`, t, parse(t).article), lineStarts: lineStartsOf(t), origin: 'workspace' });
    };
    // 300 articles, each linking to the two before it.
    for (let n = 0; n < 300; n++) put(n, [n - 1, n - 2].filter((k) => k >= 0));
    assert.strictEqual(index.buildLinks(0), false, 'a slice of no time builds part of the table');
    // Meanwhile: articles already added and not yet added are re-set to link elsewhere, or taken out.
    for (let n = 0; n < 300; n += 7) put(n, [(n + 150) % 300]);
    for (let n = 3; n < 300; n += 11) index.remove(`file:///corpus/${n}.txt`);
    while (!index.buildLinks(0)) { /* slice after slice */ }
    for (let k = 0; k < 300; k++) {
      const want = [...index.all()].filter((d) => d.facts.links.some((l) => canonicalUrl(l.url) === canonicalUrl(own(k)))).map((d) => d.summary.uri).sort();
      assert.deepStrictEqual(index.linkersOf(canonicalUrl(own(k))!), want, `linkers of ${k}`);
    }
  });
});

describe('corpus index: what a card says a figure measures (measureLabel)', function () {
  it('a noun "of" its owner; a figure naming nothing it counts "for" its owner; a person\'s age "of" the person', function () {
    const uri = 'file:///ws/label.txt';
    const text = `# Acme breach\n\n## Information:\n+ Source: Example News\n+ Link: [article](https://news.example/label)\n+ Date: Aug 20, 2021\n+ Author: Jane Roe\n\n## Article:\n`
      + `Acme Corp said 2 million customers were affected. Acme Corp reported $801.1 million for the quarter. John Binns, a 21-year-old, said he did it. `
      + `Acme Corp says attacks rose 118% in Asia, an increase of nearly 615% in Europe, and fell 12% in Africa; it holds 40% in America, with an uptime of 99.9%.\n\n#### Tags:\n[[Acme Corp]]\n`;
    const index = new CorpusIndex();
    index.set({ facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
    const { figures, sentences } = index.get(uri)!.facts;
    const label = (t: string) => measureLabel(index, figures.find((f) => f.text === t)!, sentences);
    assert.strictEqual(label('2 million'), 'customers of Acme Corp');
    assert.strictEqual(label('$801.1 million'), 'amount for Acme Corp');
    assert.strictEqual(label('21-year-old'), 'age of John Binns');
    // A percentage that names nothing is a rise or a fall where the words before it say so, else a share.
    assert.strictEqual(label('118%'), 'rise for Acme Corp');
    assert.strictEqual(label('nearly 615%'), 'rise for Acme Corp');
    assert.strictEqual(label('12%'), 'fall for Acme Corp');
    assert.strictEqual(label('40%'), 'share for Acme Corp');
    // "uptime", "downtime": no rise or fall.
    assert.strictEqual(label('99.9%'), 'share for Acme Corp');
  });
});

describe('corpus index: a company under its name with and without its legal form', function () {
  const story = (n: string, name: string, date: string) => {
    const uri = `file:///ws/${n}.txt`;
    const text = `# ${name} breach\n\n## Information:\n+ Source: ${n}\n+ Link: [article](https://news.example/${n})\n+ Date: ${date}\n+ Author: Jane Roe\n\n## Article:\n${name} said 7 million customers were affected.\n\n#### Tags:\n[[${name}]]\n`;
    return { uri, facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' as const };
  };

  it('"Robinhood Markets" and "Robinhood" state one measure; the card names the company as an article writes it, and forgets it with its article', function () {
    const index = new CorpusIndex();
    index.set(story('full', 'Robinhood Markets', 'Nov 9, 2021'));
    const f = index.get('file:///ws/full.txt')!.facts.figures.find((x) => x.noun === 'customer')!;
    assert.strictEqual(f.measure, 'robinhood|customer|');
    // Only the full name is known: it is whose the figure is, on the card and for the articles naming it.
    assert.strictEqual(index.owner('robinhood')?.name, 'Robinhood Markets');
    assert.strictEqual(measureLabel(index, f, index.get('file:///ws/full.txt')!.facts.sentences), 'customers of Robinhood Markets');
    index.set(story('short', 'Robinhood', 'Nov 10, 2021'));
    assert.deepStrictEqual(index.figuresOf('robinhood|customer|').map((r) => r.uri), ['file:///ws/full.txt', 'file:///ws/short.txt']);
    // The articles naming whom the figures belong to are those of every name it goes by.
    assert.deepStrictEqual([...index.ownerDocs('robinhood')].sort(), ['file:///ws/full.txt', 'file:///ws/short.txt']);
    index.remove('file:///ws/full.txt');
    index.remove('file:///ws/short.txt');
    assert.strictEqual(index.owner('robinhood'), undefined);
    assert.strictEqual(index.ownerDocs('robinhood').size, 0);
    // "Palo Alto Networks" is not Palo Alto.
    index.set(story('pan', 'Palo Alto Networks', 'Nov 9, 2021'));
    assert.strictEqual(index.get('file:///ws/pan.txt')!.facts.figures.find((x) => x.noun === 'customer')!.subject, 'palo alto networks');
  });
});

describe('corpus index: one count of people under two nouns', function () {
  const story = (n: string, date: string, body: string) => {
    const uri = `file:///ws/${n}.txt`;
    const text = `# Robinhood breach\n\n## Information:\n+ Source: ${n}\n+ Link: [article](https://news.example/${n})\n+ Date: ${date}\n+ Author: Jane Roe\n\n## Article:\n${body}\n\n#### Tags:\n[[Robinhood]]\n`;
    return { uri, text, doc: { uri, facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' as const } };
  };

  it('"about 7 million people" and "7M customers" of one owner are linked on the card and by go-to-source; other counts of its people are not, and the check weighs none of them', function () {
    const index = new CorpusIndex();
    const zdnet = story('zdnet', 'Nov 9, 2021', 'Robinhood said about 7 million people had some information leaked.');
    const threatpost = story('threatpost', 'Nov 9, 2021', 'Robinhood said 7M customers were affected.');
    const other = story('other', 'Nov 10, 2021', 'Robinhood said email addresses of 5 million users were taken.');
    for (const s of [zdnet, threatpost, other]) index.set(s.doc);
    const people = index.get(zdnet.uri)!.facts.figures.find((f) => f.text === 'about 7 million')!;
    const five = index.get(other.uri)!.facts.figures.find((f) => f.text === '5 million')!;
    const customers = index.get(threatpost.uri)!.facts.figures.find((f) => f.text === '7M')!;
    assert.deepStrictEqual([people.measure, customers.measure], ['robinhood|person|', 'robinhood|customer|']);
    assert.deepStrictEqual(definition(index, zdnet.uri, people.span.start + 1).map((l) => l.uri), [threatpost.uri]);
    assert.deepStrictEqual(definition(index, threatpost.uri, customers.span.start + 1).map((l) => l.uri), [zdnet.uri]);
    assert.deepStrictEqual(definition(index, other.uri, five.span.start + 1), []);
    const card = hover(index, zdnet.uri, people.span.start + 1)!.markdown;
    assert.match(card, /\*\*The same count in other words\*\*\n\n- Nov 9, 2021 — \*\*7M\*\* · customers · said by Robinhood — /, card);
    assert.ok(!card.includes('5 million'), card);
    // Customers are current unless said otherwise: "7.8 million postpaid subscribers" are the "current postpaid customer accounts".
    const subscribers = story('subscribers', 'Aug 18, 2021', 'Robinhood said as many as 7.8 million postpaid subscribers were hit.');
    const accounts = story('accounts', 'Aug 19, 2021', 'Robinhood said approximately 7.8 million current postpaid customer accounts were hit.');
    for (const s of [subscribers, accounts]) index.set(s.doc);
    const sub = index.get(subscribers.uri)!.facts.figures.find((f) => f.text === 'as many as 7.8 million')!;
    assert.deepStrictEqual(definition(index, subscribers.uri, sub.span.start + 1).map((l) => l.uri), [accounts.uri]);
    for (const s of [subscribers, accounts]) index.remove(s.uri);
    // Never weighed: 5 million users are not a rival of 7M customers or 7 million people.
    for (const s of [zdnet, threatpost, other]) assert.deepStrictEqual(checkConsistency(index, s.uri).filter((d) => d.code.startsWith('figure.')).map((d) => d.message), []);
  });
});

describe('corpus index: one value of one owner, one side not saying what it counts', function () {
  const story = (n: string, date: string, body: string) => {
    const uri = `file:///ws/${n}.txt`;
    const text = `# Ransomware report\n\n## Information:\n+ Source: ${n}\n+ Link: [article](https://news.example/${n})\n+ Date: ${date}\n+ Author: Jane Roe\n\n## Article:\n${body}\n\n#### Tags:\n[[SonicWall]]\n`;
    return { uri, text, doc: { uri, facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' as const } };
  };
  const figureOf = (index: CorpusIndex, uri: string, text: string) => index.get(uri)!.facts.figures.find((f) => f.text === text)!;

  it('"the 2020 total of 304.6 million" and "304.6 million ransomware attempts" of SonicWall are linked on cards, by go-to-source and references, and never weighed', function () {
    const index = new CorpusIndex();
    const zdnet = story('zdnet', 'Jul 30, 2021', 'Attacks seen by SonicWall in the first half of 2021 smashed the 2020 total of 304.6 million.');
    const threatpost = story('threatpost', 'Aug 3, 2021', 'SonicWall logged 304.6 million ransomware attempts in 2020.');
    // Not the same figure: another value, a value that repeats by chance, another owner, a value months later.
    const near = story('near', 'Aug 4, 2021', 'SonicWall said the 2020 total was 304.5 million, and that it had hit a record.');
    const small = story('small', 'Aug 5, 2021', 'SonicWall blocked 450 phishing emails in its lab. Its scanners saw a total of 450.');
    const globex = story('globex', 'Aug 5, 2021', 'Globex logged 304.6 million ransomware attempts in 2020.');
    const later = story('later', 'Mar 1, 2022', 'SonicWall looked back on a 2020 total of 304.6 million.');
    // Both say what they count, and not the same thing: the measure tells them apart, not the value.
    const emails = story('emails', 'Aug 6, 2021', 'SonicWall logged 304.6 million phishing emails in 2020.');
    for (const s of [zdnet, threatpost, near, small, globex, later, emails]) index.set(s.doc);
    const total = figureOf(index, zdnet.uri, '304.6 million');
    const attempts = figureOf(index, threatpost.uri, '304.6 million');
    assert.deepStrictEqual([total.measure, attempts.measure], ['sonicwall|?|', 'sonicwall|attempt|ransomware']);
    assert.deepStrictEqual(definition(index, zdnet.uri, total.span.start + 1).map((l) => l.uri), [threatpost.uri, emails.uri]);
    assert.deepStrictEqual(definition(index, threatpost.uri, attempts.span.start + 1).map((l) => l.uri), [zdnet.uri]);
    assert.deepStrictEqual(references(index, zdnet.uri, total.span.start + 1, false).map((l) => l.uri), [threatpost.uri, emails.uri]);
    const card = hover(index, zdnet.uri, total.span.start + 1)!.markdown;
    assert.match(card, /\*\*The same value elsewhere\*\*\n\n- Aug 3, 2021 — \*\*304\\.6 million\*\* · attempts — \[threatpost, Aug 3, 2021\]/, card);
    for (const other of ['304\\.5 million', 'globex', 'later']) assert.ok(!card.includes(other), card);
    const named = hover(index, threatpost.uri, attempts.span.start + 1)!.markdown;
    assert.match(named, /\*\*The same value, not said what it counts\*\*\n\n- Jul 30, 2021 — \*\*304\\.6 million\*\* — \[zdnet, Jul 30, 2021\]/, named);
    // 450 emails and a total of 450: a value that small repeats by chance.
    const few = figureOf(index, small.uri, '450');
    assert.strictEqual(few.noun, 'email');
    const fewCard = hover(index, small.uri, few.span.start + 1)!.markdown;
    assert.ok(!fewCard.includes('The same value'), fewCard);
    // A copy of a page (same Link) is listed once, by the copy that stands for it.
    const copy = story('threatpost-copy', 'Aug 3, 2021', 'SonicWall logged 304.6 million ransomware attempts in 2020.');
    const copyText = copy.text.replace('https://news.example/threatpost-copy', 'https://news.example/threatpost');
    index.set({ ...copy.doc, facts: extractFacts(copy.uri, copyText, parse(copyText).article), lineStarts: lineStartsOf(copyText) });
    const listed = references(index, zdnet.uri, total.span.start + 1, false).map((l) => l.uri);
    assert.deepStrictEqual(listed, [index.standInFor('news.example/threatpost')!, emails.uri]);
    assert.strictEqual(listed.filter((u) => u === threatpost.uri || u === copy.uri).length, 1, listed.join(' '));
    index.remove(copy.uri);
    // The page saved again months later stands for it, out of this story's time: the copy of its time is listed.
    const later2 = story('threatpost-again', 'Dec 20, 2021', 'SonicWall logged 304.6 million ransomware attempts in 2020.');
    const againText = later2.text.replace('https://news.example/threatpost-again', 'https://news.example/threatpost');
    index.set({ ...later2.doc, facts: extractFacts(later2.uri, againText, parse(againText).article), lineStarts: lineStartsOf(againText) });
    assert.strictEqual(index.standInFor('news.example/threatpost'), later2.uri);
    assert.deepStrictEqual(references(index, zdnet.uri, total.span.start + 1, false).map((l) => l.uri), [threatpost.uri, emails.uri]);
    index.remove(later2.uri);
    // "4.1 million" is 4,099,999.9999999995 in floating point, and the same value as "4,100,000".
    const decimal = story('decimal', 'Aug 9, 2021', 'SonicWall blocked 4.1 million phishing emails.');
    const digits = story('digits', 'Aug 10, 2021', 'SonicWall said the total was 4,100,000.');
    for (const s of [decimal, digits]) index.set(s.doc);
    const whole = figureOf(index, digits.uri, '4,100,000');
    assert.notStrictEqual(figureOf(index, decimal.uri, '4.1 million').value, whole.value);
    assert.deepStrictEqual(definition(index, digits.uri, whole.span.start + 1).map((l) => l.uri), [decimal.uri]);
    // On the timeline of a count the check weighs, it stands unweighed, and says why.
    const customers = story('customers', 'Aug 7, 2021', 'SonicWall said 12,345 customers were affected by the breach.');
    const count = story('count', 'Aug 8, 2021', 'SonicWall said the total was 12,345 in the end.');
    for (const s of [customers, count]) index.set(s.doc);
    const points = timelineAt(index, customers.uri, customers.text.indexOf('12,345') + 1)!.points.map((p) => [p.outlet, p.verdict, p.check]);
    assert.deepStrictEqual(points, [['customers', undefined, undefined], ['count', 'unweighed', 'not compared: it does not say what it counts']]);
  });
});

/** An article of `n` (its file, Source and Link) with one tag, indexed as a workspace file would be. */
function taggedStory(title: string, tag: string, n: string, date: string, body: string) {
  const uri = `file:///ws/${n}.txt`;
  const text = `# ${title}\n\n## Information:\n+ Source: ${n}\n+ Link: [article](https://news.example/${n})\n+ Date: ${date}\n+ Author: Jane Roe\n\n## Article:\n${body}\n\n#### Tags:\n[[${tag}]]\n`;
  return { uri, text, facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' as const };
}

describe('figure cards: another event by its year', function () {
  it('a figure the sentence places in another year is listed under "Other stories", as the check would, where the check does not weigh the measure', function () {
    const doc = (n: string, date: string, body: string) => taggedStory('Neiman Marcus breach', 'Neiman Marcus', n, date, body);
    const index = new CorpusIndex();
    // Counts of sites are not weighed by the check: the card tells the stories apart itself.
    const now = doc('now', 'Sep 30, 2021', 'Attackers hit 3,000 sites running the Neiman Marcus plugin.');
    const recalled = doc('recalled', 'Oct 1, 2021', 'Attackers hit 3,000 sites running the Neiman Marcus plugin. In 2013, attackers hit 7,000 sites running the Neiman Marcus plugin.');
    for (const d of [now, recalled]) index.set(d);
    const f = index.get(now.uri)!.facts.figures.find((x) => x.text === '3,000')!;
    const card = hover(index, now.uri, f.span.start + 1)!.markdown;
    const other = card.indexOf('**Other stories**');
    assert.ok(card.includes('_Not checked for conflicts'), card);
    assert.ok(other > 0 && card.indexOf('**7,000**') > other && card.indexOf('**3,000** ✓ same value') < other, card);
  });

  it('the same value months later is the same statement, as go-to-source has it; another value then is another story', function () {
    const doc = (n: string, date: string, body: string) => taggedStory('REvil charged', 'REvil', n, date, body);
    const index = new CorpusIndex();
    // Counts of computers are not weighed by the check.
    const nov = doc('nov', 'Nov 8, 2021', 'REvil deployed its ransomware on more than 175,000 computers, the DOJ said.');
    const jan = doc('jan', 'Jan 15, 2022', 'REvil deployed its ransomware on more than 175,000 computers, the DOJ said.');
    const may = doc('may', 'May 2, 2022', 'REvil deployed its ransomware on more than 190,000 computers, the DOJ said.');
    for (const d of [nov, jan, may]) index.set(d);
    const f = index.get(nov.uri)!.facts.figures.find((x) => x.text === 'more than 175,000')!;
    const card = hover(index, nov.uri, f.span.start + 1)!.markdown;
    const other = card.indexOf('**Other stories**');
    assert.ok(card.indexOf('**more than 175,000** ✓ same value') > 0 && other > card.indexOf('**more than 175,000** ✓ same value'), card);
    assert.ok(card.indexOf('**more than 190,000**') > other, card);
  });
});

describe('a range and a number', function () {
  it('a range is not the same value as the number in its middle, and a timeline labels it by its bounds', function () {
    const range = taggedStory('Neiman Marcus breach', 'Neiman Marcus', 'range', 'Sep 30, 2021', 'Attackers hit between 1,000 and 2,000 sites running the Neiman Marcus plugin.');
    const middle = taggedStory('Neiman Marcus breach', 'Neiman Marcus', 'middle', 'Oct 1, 2021', 'Attackers hit 1,500 sites running the Neiman Marcus plugin.');
    const index = new CorpusIndex();
    for (const d of [range, middle]) index.set(d);
    const f = index.get(middle.uri)!.facts.figures.find((x) => x.text === '1,500')!;
    const card = hover(index, middle.uri, f.span.start + 1)!.markdown;
    assert.ok(card.includes('**between 1,000 and 2,000**') && !card.includes('**between 1,000 and 2,000** ✓ same value'), card);
    const r = index.get(range.uri)!.facts.figures.find((x) => x.hedge === 'between')!;
    const labels = timelineAt(index, range.uri, r.span.start + 1)!.points.map((p) => p.label);
    assert.deepStrictEqual(labels.sort(), ['1,000 – 2,000', '1,500'].sort());
  });
});

describe('go-to-source on a figure', function () {
  it('goes first to where its value was stated, earliest first, then to the other values of its measure', function () {
    const doc = (n: string, date: string, body: string) => taggedStory('Verizon breach', 'Verizon', n, date, body);
    const index = new CorpusIndex();
    const first = doc('first', 'Aug 16, 2021', 'Verizon said data of 60 million customers was stolen.');
    const same = doc('same', 'Aug 17, 2021', 'Verizon said data of 70 million customers was stolen.');
    const draft = doc('draft', 'Aug 18, 2021', 'Verizon said data of 70 million customers was stolen.');
    for (const d of [first, same, draft]) index.set(d);
    const f = index.get(draft.uri)!.facts.figures.find((x) => x.text === '70 million')!;
    assert.deepStrictEqual(definition(index, draft.uri, f.span.start + 1).map((l) => l.uri), [same.uri, first.uri]);
  });
});

describe('corpus index: one value, its owner named otherwise', function () {
  const story = (n: string, date: string, body: string) => {
    const uri = `file:///ws/${n}.txt`;
    const text = `# Humanitarian data breach\n\n## Information:\n+ Source: ${n}\n+ Link: [article](https://news.example/${n})\n+ Date: ${date}\n+ Author: Jane Roe\n\n## Article:\n${body}\n\n#### Tags:\n[[Cyberattack]]\n`;
    return { uri, text, doc: { uri, facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' as const } };
  };
  const figureOf = (index: CorpusIndex, uri: string, text: string) => index.get(uri)!.facts.figures.find((f) => f.text === text)!;

  it('"515,000+" people of the Red Cross and "more than 515,000" of the International Committee of the Red Cross are linked on cards, by go-to-source and references, and never weighed', function () {
    const index = new CorpusIndex();
    const threatpost = story('threatpost', 'Jan 20, 2022', 'The Red Cross said attackers stole the data of 515,000+ highly vulnerable people.');
    const zdnet = story('zdnet', 'Jan 20, 2022', 'The International Committee of the Red Cross said the data of more than 515,000 highly vulnerable people was compromised.');
    // Not the same figure: another value of the same owner; the same value of an owner the other article never names.
    const revised = story('revised', 'Jan 21, 2022', 'The International Committee of the Red Cross said the data of 516,000 people was compromised.');
    const bank = story('bank', 'Jan 21, 2022', 'Acme Bank said 515,000 customers were affected. The Red Cross said the same attackers hit it.');
    for (const s of [threatpost, zdnet, revised, bank]) index.set(s.doc);
    const short = figureOf(index, threatpost.uri, '515,000+');
    const long = figureOf(index, zdnet.uri, 'more than 515,000');
    assert.deepStrictEqual([short.measure, long.measure], ['red cross|person|', 'international committee of the red cross|person|']);
    assert.deepStrictEqual(definition(index, threatpost.uri, short.span.start + 1).map((l) => l.uri), [zdnet.uri]);
    assert.deepStrictEqual(definition(index, zdnet.uri, long.span.start + 1).map((l) => l.uri).filter((u) => u !== revised.uri), [threatpost.uri]);
    assert.ok(references(index, zdnet.uri, long.span.start + 1, false).some((l) => l.uri === threatpost.uri));
    const card = hover(index, threatpost.uri, short.span.start + 1)!.markdown;
    assert.match(card, /\*\*The same value, its owner named otherwise\*\*\n\n- Jan 20, 2022 — \*\*more than 515,000\*\* · of International Committee of the Red Cross, by its own account — \[zdnet, Jan 20, 2022\]/, card);
    for (const other of ['516,000', 'bank']) assert.ok(!card.includes(other), card);
    const bankCard = hover(index, bank.uri, figureOf(index, bank.uri, '515,000').span.start + 1)!.markdown;
    assert.ok(!bankCard.includes('owner named otherwise'), bankCard);
    // Never weighed: a value said of another owner is no rival of this one.
    for (const s of [threatpost, zdnet, revised, bank]) assert.deepStrictEqual(checkConsistency(index, s.uri).filter((d) => d.code.startsWith('figure.')).map((d) => d.message), []);
    // Gone with its article.
    index.remove(zdnet.uri);
    assert.deepStrictEqual(definition(index, threatpost.uri, short.span.start + 1), []);
  });

  it('"1.1 million" accounts of the Attorney General\'s office and "more than 1.1 million" of Specops are linked where the two articles share only a name few articles of their month name; a round value, or the same value months later, is not', function () {
    const index = new CorpusIndex();
    const zdnet = story('zdnet', 'Jan 5, 2022', 'The Office of the Attorney General said 1.1 million accounts were compromised, and 50 million accounts were exposed, Letitia James said.');
    const threatpost = story('threatpost', 'Jan 5, 2022', 'Credential stuffing compromised more than 1.1 million online accounts and exposed 50 million accounts, Specops said, citing Letitia James.');
    const later = story('later', 'Mar 30, 2022', 'Acme Bank said 1.1 million accounts were compromised, Letitia James said.');
    for (const s of [zdnet, threatpost, later]) index.set(s.doc);
    const ag = figureOf(index, zdnet.uri, '1.1 million');
    const specops = figureOf(index, threatpost.uri, 'more than 1.1 million');
    assert.deepStrictEqual([ag.measure, specops.measure], ['office of the attorney general|account|', 'specops|account|online']);
    assert.deepStrictEqual(definition(index, zdnet.uri, ag.span.start + 1).map((l) => l.uri), [threatpost.uri]);
    assert.deepStrictEqual(definition(index, threatpost.uri, specops.span.start + 1).map((l) => l.uri), [zdnet.uri]);
    const card = hover(index, zdnet.uri, ag.span.start + 1)!.markdown;
    assert.match(card, /\*\*The same value, its owner named otherwise\*\*\n\n- Jan 5, 2022 — \*\*more than 1\\\.1 million\*\* · of Specops/, card);
    assert.ok(!card.includes('Acme Bank'), card);
    // "50 million" recurs by chance: one significant digit is no evidence of one story.
    assert.deepStrictEqual(definition(index, zdnet.uri, figureOf(index, zdnet.uri, '50 million').span.start + 1), []);
    for (const s of [zdnet, threatpost, later]) assert.deepStrictEqual(checkConsistency(index, s.uri).filter((d) => d.code.startsWith('figure.')).map((d) => d.message), []);
  });

  it('cardSources lists the articles of the same value (its owner named otherwise, or not said what it counts) before those of names, so a first card answers from memory', function () {
    const index = new CorpusIndex();
    const loads = new Map<string, number>();
    const lazy = (s: ReturnType<typeof story>) => {
      const json = JSON.stringify(s.doc.facts);
      index.setLazy(summarize(JSON.parse(json)), s.doc.lineStarts, 'corpus', () => {
        loads.set(s.uri, (loads.get(s.uri) ?? 0) + 1);
        return JSON.parse(json);
      });
    };
    const open = story('threatpost', 'Jan 20, 2022', 'The Red Cross said attackers stole the data of 515,000+ highly vulnerable people.');
    const zdnet = story('zdnet', 'Jan 20, 2022', 'The International Committee of the Red Cross said the data of more than 515,000 highly vulnerable people was compromised.');
    const unnamed = story('wire', 'Jan 21, 2022', 'The Red Cross said the total was 515,000.');
    // Articles whose names' cards cite more (the Red Cross named thrice), and which state no such value.
    const fillers = [1, 2, 3, 4].map((n) => story(`filler${n}`, 'Jan 21, 2022', 'The Red Cross was hit. The Red Cross is in Geneva. The Red Cross called it an attack on the vulnerable.'));
    for (const s of [zdnet, unnamed, ...fillers]) lazy(s);
    index.set(open.doc);
    const fig = figureOf(index, open.uri, '515,000+');
    const two = cardSources(index, open.uri, 2);
    assert.deepStrictEqual([...two].sort(), [unnamed.uri, zdnet.uri].sort(), 'the same value\'s articles come before those of names');
    assert.strictEqual(loads.size, 0, 'listed from summaries: no article is read');
    for (const u of two) void index.get(u)!.facts;
    const card = hover(index, open.uri, fig.span.start + 1)!.markdown;
    assert.match(card, /owner named otherwise\*\*\n\n- Jan 20, 2022 — \*\*more than 515,000\*\*/, card);
    assert.match(card, /not said what it counts\*\*\n\n- Jan 21, 2022 — \*\*515,000\*\*/, card);
    assert.deepStrictEqual([loads.get(zdnet.uri), loads.get(unnamed.uri)], [1, 1]);
  });

  it('cardSources lists where a count of people\'s parts are sought: the owner\'s articles that state none of its measures, read by the card', function () {
    const index = new CorpusIndex();
    const loads = new Map<string, number>();
    const open = story('threatpost', 'Jan 20, 2022', 'The Red Cross said attackers stole the data of 515,000+ highly vulnerable people.');
    const others = [1, 2, 3].map((n) => story(`other${n}`, 'Jan 21, 2022', 'The Red Cross said its systems went offline.'));
    // The articles the name's card cites (the Red Cross named thrice), months later: not where parts are sought.
    const cited = Array.from({ length: 10 }, (_, n) => story(`cited${n}`, 'Jun 1, 2022', 'The Red Cross said it recovered. The Red Cross is in Geneva. The Red Cross thanked its staff.'));
    for (const s of [...others, ...cited]) {
      const json = JSON.stringify(s.doc.facts);
      index.setLazy(summarize(JSON.parse(json)), s.doc.lineStarts, 'corpus', () => {
        loads.set(s.uri, (loads.get(s.uri) ?? 0) + 1);
        return JSON.parse(json);
      });
    }
    index.set(open.doc);
    const listed = cardSources(index, open.uri, 100);
    for (const s of others) assert.ok(listed.includes(s.uri), `${s.uri} in ${listed.join(', ')}`);
    for (const u of listed) void index.get(u)!.facts;
    const before = loads.size;
    hover(index, open.uri, figureOf(index, open.uri, '515,000+').span.start + 1);
    assert.strictEqual(loads.size, before, 'the card read only what was loaded ahead');
  });

  it('a line whose owner says the value itself names it once, under another of its names too ("ICRC"); another speaker is named', function () {
    const index = new CorpusIndex();
    const threatpost = story('threatpost', 'Jan 20, 2022', 'The Red Cross said attackers stole the data of 515,000+ highly vulnerable people.');
    const zdnet = story('zdnet', 'Jan 20, 2022', 'The International Committee of the Red Cross (ICRC) was hit. The ICRC said the data of more than 515,000 highly vulnerable people was compromised.');
    const wire = story('wire', 'Jan 20, 2022', 'The International Committee of the Red Cross was hit. Jane Doe said the data of more than 515,000 highly vulnerable people was compromised.');
    for (const s of [threatpost, zdnet, wire]) index.set(s.doc);
    const card = hover(index, threatpost.uri, figureOf(index, threatpost.uri, '515,000+').span.start + 1)!.markdown;
    assert.match(card, /\*\*more than 515,000\*\* · of International Committee of the Red Cross, by its own account — \[zdnet, Jan 20, 2022\]/, card);
    assert.match(card, /\*\*more than 515,000\*\* · of International Committee of the Red Cross · said by Jane Doe — \[wire, Jan 20, 2022\]/, card);
    assert.ok(!/said by (?:ICRC|International Committee)/.test(card), card);
  });
});
