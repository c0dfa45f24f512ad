/**
 * Figure consistency, rule by rule, through the real core: a few inline
 * articles are indexed as the CLI indexes them and checked, and the figure
 * diagnostics come back as [code, figure] pairs. Every test pairs a case
 * that must stay quiet with one that must still warn, so none can pass by
 * warning about nothing.
 */
import * as assert from 'assert';
import { analyze } from '../server/src/core/analyze';
import { checkConsistency } from '../server/src/core/check/consistency';
import { extractFacts } from '../server/src/core/extract/facts';
import { CorpusIndex, lineStartsOf } from '../server/src/core/index/corpus';
import { article, NOW } from './helpers/fixture';

interface Doc {
  source: string;
  date: string;
  body: string;
  title?: string;
  subtitle?: string;
}

let n = 0;

function text(d: Doc): string {
  n++;
  return article({
    title: d.title ?? 'Breach update',
    subtitle: d.subtitle ?? 'What we know so far.',
    info: { Source: d.source, Link: `https://example.com/news/${n}`, Date: d.date, Author: 'Jane Doe' },
    body: d.body,
    tags: '[[Verizon]]',
  });
}

/** Indexes the articles and returns the figure diagnostics of each, as [code, figure text]. */
function check(...docs: Doc[]): [string, string][][] {
  const index = new CorpusIndex();
  const texts = docs.map(text);
  texts.forEach((t, i) => {
    const a = analyze(t, { now: NOW });
    const outlets = new Map([...index.outlets().keys()].map((o) => [o.toLowerCase(), o]));
    index.set({ facts: extractFacts(`file:///ws/${i}.txt`, t, a.article, { outlets }), lineStarts: lineStartsOf(t), origin: 'workspace' });
  });
  return texts.map((t, i) => checkConsistency(index, `file:///ws/${i}.txt`)
    .filter((d) => d.code.startsWith('figure.'))
    .map((d) => [d.code, t.slice(d.span.start, d.span.end)] as [string, string]));
}

const conflicts = (r: [string, string][]) => r.filter(([c]) => c === 'figure.conflict').map(([, f]) => f);

describe('figure consistency: scope and rules', function () {
  it('a customer base ("which has 10m customers") is not what the breach touched', function () {
    const [a, b] = check(
      { source: 'Wire', date: 'June 14, 2022', body: 'Verizon, which has 10m customers, said the bank details of 2m customers had been stolen.' },
      { source: 'Post', date: 'June 15, 2022', body: 'Verizon said hackers had stolen the bank details of 8 million customers.' },
    );
    assert.deepStrictEqual(conflicts(a), ['2m']);
    assert.deepStrictEqual(conflicts(b), ['8 million']);
  });

  it('within one article, a part is no rival, but a definite reference to the breach count is', function () {
    const [parts] = check({ source: 'Wire', date: 'April 20, 2022', body: [
      'Verizon said card data from 1.3 million customers who shopped online had been stolen.',
      '',
      'A second piece of malware on its terminals captured the cards of 900,000 customers.',
    ].join('\n') });
    assert.deepStrictEqual(conflicts(parts), []);
    const [rivals] = check({ source: 'Wire', date: 'April 20, 2022', body: [
      'Verizon confirmed that the personal details of 8.2 million customers were exposed.',
      '',
      'Verizon said the 6.4 million customers affected would get an email.',
    ].join('\n') });
    assert.deepStrictEqual(conflicts(rivals), ['8.2 million', '6.4 million']);
  });

  it('a figure dated after the other article was written revises it; one dated before contradicts it', function () {
    const [early, later] = check(
      { source: 'Wire', date: 'March 2, 2022', body: 'Verizon said about 6 million customers were affected by the breach.' },
      { source: 'Post', date: 'March 9, 2022', body: 'Verizon said on March 8 that roughly 7.5 million customers were affected by the breach.' },
    );
    assert.deepStrictEqual(conflicts(early), []);
    assert.ok(early.some(([c, f]) => c === 'figure.revision' && f === 'about 6 million'), JSON.stringify(early));
    assert.deepStrictEqual(conflicts(later), []);
    const [stale, dated] = check(
      { source: 'Wire', date: 'March 10, 2022', body: 'Verizon said about 6 million customers were affected by the breach.' },
      { source: 'Post', date: 'March 9, 2022', body: 'Verizon said on March 8 that roughly 7.5 million customers were affected by the breach.' },
    );
    assert.deepStrictEqual(conflicts(stale), ['about 6 million']);
    assert.deepStrictEqual(conflicts(dated), ['roughly 7.5 million']);
  });

  it('a story told in many articles: the diagnostic points at the nearest 20 and tells a short story', function () {
    const revisedIn = (k: number) => {
      const docs: Doc[] = [{ source: 'Wire', date: 'March 1, 2022', body: 'Verizon said about 6 million customers were affected by the breach.' }];
      for (let i = 0; i < k; i++) {
        docs.push({ source: `Outlet ${i}`, date: `April ${i + 1}, 2022`, body: `Verizon said on April ${i + 1} that ${(7_000_000 + 250_000 * i).toLocaleString('en-US')} customers were affected by the breach.` });
      }
      const index = new CorpusIndex();
      docs.forEach((d, i) => {
        const t = text(d);
        index.set({ facts: extractFacts(`file:///ws/${i}.txt`, t, analyze(t, { now: NOW }).article), lineStarts: lineStartsOf(t), origin: 'workspace' });
      });
      return checkConsistency(index, 'file:///ws/0.txt').find((d) => d.code === 'figure.revision')!;
    };
    // ("about 6 million" and the first, 7,000,000, agree: k articles make k - 1 revisions.)
    const few = revisedIn(6);
    assert.strictEqual(few.related?.length, 5);
    assert.ok(!few.message.includes('more'), few.message);
    const many = revisedIn(28);
    assert.strictEqual(many.related?.length, 20);
    // The nearest in time: the first 20 revisions (April 2–21), not the later ones.
    assert.deepStrictEqual(many.related!.map((r) => r.uri).sort(), Array.from({ length: 20 }, (_, i) => `file:///ws/${i + 2}.txt`).sort());
    assert.match(many.message, /about 6 million \(Mar 1, 2022\) → … 20 more … → 12,250,000 \(Apr 22, 2022\) → .* → 13,750,000 \(Apr 28, 2022\)\.$/);
  });

  it('a later article that says the count changed is a revision, without dates', function () {
    const [first, now] = check(
      { source: 'Wire', date: 'May 10, 2022', body: 'Verizon said about 300,000 customers were affected by the breach.' },
      { source: 'Post', date: 'May 20, 2022', body: 'Verizon now says 1.1 million customers were affected by the breach, far more than its first estimate.' },
    );
    assert.deepStrictEqual([conflicts(first), conflicts(now)], [[], []]);
    const [one, other] = check(
      { source: 'Wire', date: 'May 10, 2022', body: 'Verizon said about 300,000 customers were affected by the breach.' },
      { source: 'Post', date: 'May 11, 2022', body: 'Verizon says 1.1 million customers were affected by the breach.' },
    );
    assert.deepStrictEqual([conflicts(one), conflicts(other)], [['about 300,000'], ['1.1 million']]);
  });

  it('a gang’s boast and an unconfirmed figure are disputed claims, not conflicts', function () {
    const [company, gang] = check(
      { source: 'Wire', date: 'June 20, 2022', body: 'Verizon said about 600,000 customers had their order histories exposed.' },
      { source: 'Post', date: 'June 21, 2022', body: 'The extortion crew NightVeil boasted on its leak site that it holds data on 1.5 million Verizon customers.' },
    );
    assert.deepStrictEqual([conflicts(company), conflicts(gang)], [[], []]);
    assert.ok(gang.some(([c, f]) => c === 'figure.disputed' && f === '1.5 million'), JSON.stringify(gang));
    const [, unconfirmed] = check(
      { source: 'Wire', date: 'June 20, 2022', body: 'Verizon said about 600,000 customers had their order histories exposed.' },
      { source: 'Post', date: 'June 21, 2022', body: 'Verizon said it could not confirm reports that 1.5 million customers had data stolen.' },
    );
    assert.deepStrictEqual(conflicts(unconfirmed), []);
  });

  it('whose figure: not the source that reports it, nor the gang that demanded it', function () {
    const [a, b] = check(
      { source: 'Wire', date: 'Sept. 22, 2021', body: 'Verizon paid an $11 million ransom to the REvil ransomware group after the attack.' },
      { source: 'Post', date: 'Sept. 23, 2021', body: 'The REvil ransomware group demanded a $4.5 million ransom from Twitch.' },
    );
    assert.deepStrictEqual([conflicts(a), conflicts(b)], [[], []]);
    const [c, d] = check(
      { source: 'Wire', date: 'Sept. 22, 2021', body: 'Verizon paid an $11 million ransom to the REvil ransomware group after the attack.' },
      { source: 'Post', date: 'Sept. 23, 2021', body: 'Verizon handed over a $4.5 million ransom in bitcoin after the attack, according to Mandiant.' },
    );
    assert.deepStrictEqual([conflicts(c), conflicts(d)], [['$11 million'], ['$4.5 million']]);
  });

  it('rates, ratios and related-story links are not counts', function () {
    const [a] = check({ source: 'Wire', date: 'May 3, 2022', body: [
      'One in 10 people reused a password that was stolen in the breach, and 3 people in 4 never changed it.',
      '',
      'Users reported an average 2.14 emails each after the breach, against 116 emails per month before it.',
      '',
      '* [Verizon breach hits 9 million customers](https://example.com/old-story)',
      '',
      'Verizon said 2 million customers had data stolen.',
    ].join('\n') });
    assert.deepStrictEqual(conflicts(a), []);
  });

  it('a headline figure means what the body says it means', function () {
    const [a, b] = check(
      { source: 'Wire', date: 'Aug. 18, 2021', title: 'Verizon: >40 Million Customers’ Data Stolen',
        body: 'Verizon said the breach affects just over 40 million former customers and 8.6 million current customers.' },
      { source: 'Post', date: 'Aug. 18, 2021', title: 'Verizon says information of more than 8 million customers leaked in breach',
        body: 'Verizon said the data of more than 8 million current customers leaked in the breach.' },
    );
    assert.deepStrictEqual([conflicts(a), conflicts(b)], [[], []]);
  });
});
