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
import type { Diagnostic } from '../server/src/core/diagnostics';
import { extractFacts } from '../server/src/core/extract/facts';
import { CorpusIndex, lineStartsOf } from '../server/src/core/index/corpus';
import { article, NOW } from './helpers/fixture';

interface Doc {
  source: string;
  date: string;
  body: string;
  title?: string;
  subtitle?: string;
  /** The article's Link; a fresh one unless given (two files with one Link are one article saved twice). */
  link?: string;
  /** Indexed as a draft (`CorpusIndex.isDraft`: an open file the user's `breachDesk.exclude` leaves out). */
  draft?: boolean;
}

let n = 0;

function text(d: Doc): string {
  n++;
  return article({
    title: d.title ?? 'Breach update',
    subtitle: d.subtitle ?? 'What we know so far.',
    info: { Source: d.source, Link: d.link ?? `https://example.com/news/${n}`, Date: d.date, Author: 'Jane Doe' },
    body: d.body,
    tags: '[[Verizon]]',
  });
}

/** Indexes the articles and returns the consistency diagnostics of each, with the text of the article. */
function diagnose(...docs: Doc[]): { text: string; diagnostics: Diagnostic[] }[] {
  const index = new CorpusIndex();
  const texts = docs.map(text);
  texts.forEach((t, i) => {
    const a = analyze(t, { now: NOW });
    const outlets = new Map([...index.outlets().keys()].map((o) => [o.toLowerCase(), o]));
    index.set({ facts: extractFacts(`file:///ws/${i}.txt`, t, a.article, { outlets }), lineStarts: lineStartsOf(t), origin: 'workspace', draft: docs[i].draft });
  });
  return texts.map((t, i) => ({ text: t, diagnostics: checkConsistency(index, `file:///ws/${i}.txt`) }));
}

/** The figure diagnostics of each article, as [code, figure text]. */
function check(...docs: Doc[]): [string, string][][] {
  return diagnose(...docs).map(({ text: t, diagnostics }) => diagnostics
    .filter((d) => d.code.startsWith('figure.'))
    .map((d) => [d.code, t.slice(d.span.start, d.span.end)] as [string, string]));
}

/** The messages of one code in one article's diagnostics. */
const messages = (r: { diagnostics: Diagnostic[] }, code: string) => r.diagnostics.filter((d) => d.code === code).map((d) => d.message);

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

  it('a figure is hypothetical only where its own clause says "if", "could" or "would", not an earlier clause of its sentence', function () {
    const [a, b] = check(
      { source: 'Wire', date: 'June 14, 2022', body: 'An analyst was not surprised that crooks would target Verizon, nor that they got away with the bank details of 2 million customers.' },
      { source: 'Post', date: 'June 15, 2022', body: 'Verizon said hackers had stolen the bank details of 8 million customers.' },
    );
    assert.deepStrictEqual(conflicts(a), ['2 million']);
    assert.deepStrictEqual(conflicts(b), ['8 million']);
    const [c] = check(
      { source: 'Wire', date: 'June 14, 2022', body: 'Analysts warned that hackers could have stolen the bank details of 2 million customers.' },
      { source: 'Post', date: 'June 15, 2022', body: 'Verizon said hackers had stolen the bank details of 8 million customers.' },
    );
    assert.deepStrictEqual(conflicts(c), []);
    // A sentence that opens on a condition is hypothetical past its comma.
    const [d] = check(
      { source: 'Wire', date: 'June 14, 2022', body: 'If the hackers used the Verizon portal, the bank details of 2 million Verizon customers were stolen.' },
      { source: 'Post', date: 'June 15, 2022', body: 'Verizon said hackers had stolen the bank details of 8 million customers.' },
    );
    assert.deepStrictEqual(conflicts(d), []);
  });

  it('sums of no one named in one article are as many thefts as it tells of; counts of no one named are still weighed', function () {
    const [a] = check({ source: 'Wire', date: 'June 14, 2022', body: [
      'Hackers from North Korea stole nearly $400 million worth of cryptocurrency in 2021 through at least seven attacks, according to a blockchain analysis firm.',
      '',
      'The firm notes that $97 million [stolen from cryptocurrency wallets managed by a Japanese exchange](https://example.com/x) in August was moved to addresses of a party working for North Korea.',
    ].join('\n') });
    assert.deepStrictEqual(a, []);
    const [b] = check({ source: 'Wire', date: 'June 14, 2022', body: 'Exchanges lost data of 400,000 customers, the firm said. Later, the firm said data of 97,000 customers was lost.' });
    assert.ok(b.some(([code]) => code !== 'figure.reconciled'), JSON.stringify(b));
  });

  it('a zero too many or too few is a conflict, told as such, with the value to use: 400 million against 40 million', function () {
    const [a] = diagnose(
      { source: 'Draft', date: 'Aug 19, 2021', body: 'Verizon said data of just over 400 million former or prospective customers was stolen.' },
      { source: 'Wire', date: 'Aug 18, 2021', body: 'Verizon said data of 40 million former or prospective customers was stolen.' },
      { source: 'Post', date: 'Aug 18, 2021', body: 'Verizon confirmed that data of about 40 million former or prospective customers was stolen.' },
    );
    const d = a.diagnostics.find((x) => x.code === 'figure.conflict')!;
    assert.ok(d, JSON.stringify(a.diagnostics.map((x) => x.message)));
    assert.match(d.message, /^just over 400 million former or prospective customers disagrees with .*\(ten times as much: a zero too many\?\)\.$/);
    // Two digits say it from one source too, and "Use" offers that source's value.
    const [b] = diagnose(
      { source: 'Draft', date: 'Aug 19, 2021', body: 'Verizon said about 78 million current postpaid customers were hit.' },
      { source: 'Wire', date: 'Aug 18, 2021', body: 'Verizon said about 7.8 million current postpaid customers were hit.' },
    );
    const e = b.diagnostics.find((x) => x.code === 'figure.conflict')!;
    assert.match(e?.message ?? '', /\(ten times as much: a zero too many\?\)/, JSON.stringify(b.diagnostics.map((x) => x.message)));
    assert.deepStrictEqual(e.fixes?.map((f) => f.title), ['Use about 7.8 million, the value the other source gives']);
    // One source each: the slip is told on the later statement only, not on the source it was typed from.
    const [, source] = diagnose(
      { source: 'Draft', date: 'Aug 19, 2021', body: 'Verizon said about 78 million current postpaid customers were hit.' },
      { source: 'Wire', date: 'Aug 18, 2021', body: 'Verizon said about 7.8 million current postpaid customers were hit.' },
    );
    assert.deepStrictEqual(source.diagnostics.filter((x) => x.code === 'figure.conflict').map((x) => x.message), []);
    // Within one article, both statements are told.
    const [within] = check({ source: 'Wire', date: 'Aug 18, 2021', body: 'Verizon said about 7.8 million current postpaid customers were hit. Later, Verizon said the 78 million current postpaid customers were hit.' });
    assert.deepStrictEqual(within.map(([code]) => code), ['figure.conflict', 'figure.conflict']);
    // One digit and one source, or two weeks apart: two counts, as before ("300" and "3,000" accounts removed).
    const quiet = (draft: string, date: string, other: string) => check(
      { source: 'Draft', date, body: `Verizon said ${draft} customers were hit.` },
      { source: 'Wire', date: 'Aug 18, 2021', body: `Verizon said ${other} customers were hit.` },
    )[0];
    assert.deepStrictEqual(quiet('3,000', 'Aug 19, 2021', '300'), []);
    assert.deepStrictEqual(quiet('78 million', 'Sep 10, 2021', '7.8 million'), []);
    // "N of their customers" the attack affected is weighed, and the slip is told on the side fewer articles give.
    const [slipped, one, two] = check(
      { source: 'Draft', date: 'July 6, 2021', body: 'Verizon said the attack affected around 15,000 of their customers.' },
      { source: 'Wire', date: 'July 5, 2021', body: 'Verizon said the attack affected 1,500 of their customers.' },
      { source: 'Post', date: 'July 5, 2021', body: 'Verizon said about 1,500 of its customers were hit.' },
    );
    assert.deepStrictEqual([slipped, one, two], [[['figure.conflict', 'around 15,000']], [], []]);
    // "79.388" for 79,388: a point written for the thousands comma, told on the article that wrote it.
    const [typo, right] = diagnose(
      { source: 'Draft', date: 'Sep 9, 2021', body: 'Verizon said 79.388 subscribers were affected by the breach.' },
      { source: 'Wire', date: 'Sep 10, 2021', body: 'Verizon said 79,388 subscribers were affected by the breach.' },
    );
    assert.match(typo.diagnostics.find((d) => d.code === 'figure.conflict')?.message ?? '', /: is it 79,388 written with a point for the thousands comma\?$/, JSON.stringify(typo.diagnostics.map((d) => d.message)));
    assert.deepStrictEqual(right.diagnostics.filter((d) => d.code === 'figure.conflict').map((d) => d.message), []);
  });

  it('what a gang demands is its demand, weighed as any ransom: a wrong sum is a conflict, not the gang\'s disputed claim', function () {
    const [draft] = diagnose(
      { source: 'Draft', date: 'July 6, 2021', body: 'The REvil ransomware gang has demanded a ransom of $50 million from Verizon.' },
      { source: 'Wire', date: 'July 5, 2021', body: 'The REvil gang demanded $70 million for a universal decryptor, Verizon said.' },
      { source: 'Post', date: 'July 5, 2021', body: 'REvil asked Verizon for a ransom of $70 million.' },
    );
    const d = draft.diagnostics.find((x) => x.code === 'figure.conflict');
    assert.match(d?.message ?? '', /^\$50 million ransom disagrees with \$70 million/, JSON.stringify(draft.diagnostics.map((x) => x.message)));
    assert.deepStrictEqual(d!.fixes?.map((f) => f.title), ['Use $70 million, the value 2 sources give']);
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

  it('a year named for each figure tells two events apart: "its 2019 breach", "in 2020", "last year\'s", "June 2021"; one named for the same year is weighed', function () {
    // Each pair in sentences of their own: the check never weighs two figures of one sentence.
    const [years] = check({ source: 'Wire', date: 'March 2, 2022', body: [
      'Verizon said 5 million customers were affected by its 2019 breach. Verizon said 7 million customers were affected by its 2021 breach.',
      '',
      // "In 2021" before the sentence's first clause is its figure's year; the year after a figure in its clause is its own.
      'In 2021, attackers stole 847,000 records from Verizon. Attackers stole 791,000 records from Verizon in 2020.',
      '',
      // "last year" counts from the article's year; "this year" too.
      'Verizon lost 3 million customer records last year. Verizon lost 4 million customer records this year.',
      '',
      // A comma inside a number does not end its clause; "--" does.
      'For 2017, the records Verizon exposed -- 1,500,000 records -- exceeded those seen in 2015. Verizon exposed 2,250,000 records in March 2016.',
    ].join('\n') });
    assert.deepStrictEqual(conflicts(years), []);
    const [same] = check({ source: 'Wire', date: 'March 2, 2022', body: [
      'Verizon said 5 million customers were affected by its 2019 breach. Verizon later said 7 million customers were affected in 2019.',
    ].join('\n') });
    assert.deepStrictEqual(conflicts(same), ['5 million', '7 million']);
    // A year's count is near a count of the next January: "a ransomware attack last year" is that breach.
    const [lastYear, january] = check(
      { source: 'Wire', date: 'February 5, 2022', body: 'Verizon said it was hit with a ransomware attack last year that exposed data of 500,000 customers.' },
      { source: 'Post', date: 'February 6, 2022', body: 'Verizon said 650,000 customers were affected by the breach.' },
    );
    assert.deepStrictEqual([conflicts(lastYear), conflicts(january)], [['500,000'], ['650,000']]);
    // "over the last year" is the twelve months before the article, not the year before its own.
    const [twelve] = check({ source: 'Wire', date: 'March 2, 2022', body: 'Verizon said 5 million customers were affected this year. Verizon said 7 million customers were affected over the last year.' });
    assert.deepStrictEqual(conflicts(twelve), ['5 million', '7 million']);
  });

  it('a year is no figure\'s own when it is a date with its month near another, an aside\'s, a comparison\'s, a count, or an event\'s for a fine', function () {
    const weighed = (a: string, b: string, dates = ['March 2, 2022', 'March 9, 2022']) => {
      // Weighed: a conflict, or a revision where the dates say so; told apart, nothing.
      const [x, y] = check({ source: 'Wire', date: dates[0], body: a }, { source: 'Post', date: dates[1], body: b });
      return x.length + y.length > 0;
    };
    // Months a few weeks apart across a new year: weighed by the months, not told apart by the years.
    assert.ok(weighed('As of December 20, 2021, Verizon said 5 million customers were affected.', 'As of January 10, 2022, Verizon said 9 million customers were affected.', ['December 21, 2021', 'January 11, 2022']));
    assert.ok(weighed('As of December 2021, Verizon said 5 million customers were affected.', 'As of January 2022, Verizon said 9 million customers were affected.', ['December 21, 2021', 'January 11, 2022']));
    // A month's date is placed by its month, not spread over its year: March 2021 is not near December 2021.
    assert.ok(!weighed('As of March 2021, Verizon said 5 million customers were affected.', 'Verizon said 9 million customers were affected.', ['January 5, 2022', 'December 15, 2021']));
    // An aside about the company, and what a count is compared with, name no year of it.
    assert.ok(weighed('Verizon, which was hit by ransomware last year, said hackers stole data of 5 million customers.', 'Verizon said hackers stole data of 9 million customers.'));
    assert.ok(weighed('Verizon said data of 5 million customers was stolen, up from the same period last year.', 'Verizon said data of 9 million customers was stolen.'));
    // "the accounts of 2000 customers" is a count, no year 2000.
    assert.ok(weighed('Verizon said hackers stole $5 million from the accounts of 2000 customers.', 'Verizon said hackers stole $9 million from its customers.'));
    // A fine for "a 2020 data breach" is this year's fine, weighed against another report of it.
    assert.ok(weighed('Verizon agreed to a $600,000 fine to settle the case of a 2020 data breach.', 'Verizon agreed to a $900,000 fine over the breach.'));
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

  it('a claim of a sample or a subset claims a part: no dispute with the confirmed total; the whole it is taken from still is', function () {
    const company = { source: 'Wire', date: 'June 20, 2022', body: 'Verizon said about 600,000 customers had their order histories exposed.' };
    const [, sample, subset] = check(company,
      { source: 'Post', date: 'June 21, 2022', body: 'The extortion crew NightVeil is selling a sample of the data with 1.5 million Verizon customers on its leak site.' },
      { source: 'Daily', date: 'June 21, 2022', body: 'The extortion crew NightVeil claims to hold data on 1.5 million Verizon customers. The collection is a subset of the purported 3 million records NightVeil says it stole.' });
    assert.deepStrictEqual(sample.filter(([c]) => c === 'figure.disputed'), [], JSON.stringify(sample));
    assert.ok(!subset.some(([c, f]) => c === 'figure.disputed' && f === '1.5 million'), JSON.stringify(subset));
    // Without the sample, the same claim is disputed.
    const [, whole] = check(company, { source: 'Post', date: 'June 21, 2022', body: 'The extortion crew NightVeil is selling the data of 1.5 million Verizon customers on its leak site.' });
    assert.ok(whole.some(([c, f]) => c === 'figure.disputed' && f === '1.5 million'), JSON.stringify(whole));
  });

  it('what an actor leaked is there to measure, not its claim; one offered for sale still is', function () {
    const company = { source: 'Wire', date: 'Oct. 6, 2021', body: 'Twitch said 125 million accounts were affected by the breach.' };
    const [, leaked] = check(company, { source: 'Post', date: 'Oct. 6, 2021', body: 'A hacker leaked the data of 128 million Twitch accounts affected by the breach.' });
    assert.ok(!leaked.some(([c]) => c === 'figure.disputed'), JSON.stringify(leaked));
    const [, sold] = check(company, { source: 'Post', date: 'Oct. 6, 2021', body: 'A hacker posted the data of 128 million Twitch accounts for sale after the breach.' });
    assert.ok(sold.some(([c, f]) => c === 'figure.disputed' && f === '128 million'), JSON.stringify(sold));
  });

  it('what the owner confirms of an attack is no claim of the attacker\'s, unless the sentence calls it one', function () {
    const other = { source: 'Wire', date: 'Aug. 31, 2021', body: 'Verizon said $19 million was stolen in the breach.' };
    const [, confirmed] = check(other, { source: 'Post', date: 'Aug. 31, 2021', body: 'The attacker was able to steal $29 million in the breach before being discovered, Verizon confirmed.' });
    assert.ok(!confirmed.some(([c]) => c === 'figure.disputed'), JSON.stringify(confirmed));
    assert.ok(confirmed.some(([c, f]) => c === 'figure.conflict' && f === '$29 million'), JSON.stringify(confirmed));
    const [, claimed] = check(other, { source: 'Post', date: 'Aug. 31, 2021', body: 'The attacker claims to have stolen $29 million in the breach, Verizon said.' });
    assert.ok(claimed.some(([c, f]) => c === 'figure.disputed' && f === '$29 million'), JSON.stringify(claimed));
  });

  it('an article giving two values from two sources it names tells no story over time to another article', function () {
    const both = { source: 'ThreatPost', date: 'Oct. 6, 2021', body: 'According to the Video Games Chronicle, 125 million Twitch accounts were affected by the breach.\n\nJames Chappell told Threatpost that 128 million Twitch accounts were affected by the breach.' };
    const [, other] = diagnose(both, { source: 'Wire', date: 'Oct. 7, 2021', body: 'Twitch said 125 million accounts were affected by the breach.' });
    assert.deepStrictEqual(messages(other, 'figure.revision'), [], JSON.stringify(other.diagnostics.map((d) => d.message)));
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

  it('sums in two currencies are not weighed (one may be the other converted); in one currency they are', function () {
    const [a, b] = check(
      { source: 'Wire', date: 'Sept. 22, 2021', body: 'Verizon paid a $5 million ransom to the gang after the attack.' },
      { source: 'Post', date: 'Sept. 23, 2021', body: 'Verizon paid a €4.2 million ransom to the gang after the attack.' },
      { source: 'Daily', date: 'Sept. 23, 2021', body: 'Verizon paid an AU$6.8 million ransom to the gang after the attack.' },
    );
    assert.deepStrictEqual([conflicts(a), conflicts(b)], [[], []]);
    const [c, d] = check(
      { source: 'Wire', date: 'Sept. 22, 2021', body: 'Verizon paid an AU$5 million ransom to the gang after the attack.' },
      { source: 'Post', date: 'Sept. 23, 2021', body: 'Verizon paid an AU$6.8 million ransom to the gang after the attack.' },
    );
    assert.deepStrictEqual([conflicts(c), conflicts(d)], [['AU$5 million'], ['AU$6.8 million']]);
  });

  it('one heist told as "stole … worth $324 million" and "the $314M heist" is one measure; a loss to scams is none', function () {
    const [a, b] = check(
      { source: 'Wire', date: 'Feb. 2, 2022', body: 'Verizon confirmed that hackers stole crypto-assets worth $324 million from its bridge.' },
      { source: 'Post', date: 'Feb. 3, 2022', title: 'Verizon says funds are safe after $314M heist', body: 'Verizon said all funds are safe after the attack.' },
    );
    assert.deepStrictEqual([conflicts(a), conflicts(b)], [['$324 million'], ['$314M']]);
    const [c] = check(
      { source: 'Wire', date: 'Feb. 2, 2022', body: 'Verizon customers lost over AU$7 million to remote access scams in a breach. Those aged 55 and over lost over AU$4.4 million in the breach.' },
    );
    assert.deepStrictEqual(conflicts(c), []);
  });

  it('an article whose headline and subtitle give two values for one day tells no story over time (Threatpost\'s BitMart)', function () {
    const [a, b] = check(
      { source: 'Wire', date: 'Dec. 6, 2021', title: 'Verizon Will Pay Users for $200M Theft',
        subtitle: 'Verizon confirmed it had been drained of ~$150 million in cryptocurrency assets, but a blockchain security firm said it is closer to $200 million.',
        body: 'Verizon has pledged to pay back users affected in a cyberattack.' },
      { source: 'Post', date: 'Dec. 6, 2021', title: 'Losses from Verizon breach reach $200 million', body: 'Verizon has pledged to pay back users affected in a cyberattack.' },
    );
    // It was "revised over time: $200 million (Dec 6, 2021) → ~$150 million (Dec 6, 2021)".
    assert.deepStrictEqual([a, b], [[], []]);
  });

  it('a round figure a reporter gives for a precise one is that one, not a revision to it ("$600 million" and $610M)', function () {
    const [a, b] = check(
      { source: 'Wire', date: 'Aug. 11, 2021', body: 'Attackers reportedly stole $600 million from Verizon in the breach.' },
      { source: 'Post', date: 'Aug. 24, 2021', body: 'Attackers stole $610 million from Verizon in the breach, the company said.' },
    );
    // It was "revised over time: $600 million (Aug 11, 2021) → $610 million (Aug 24, 2021)".
    assert.deepStrictEqual([a, b], [[], []]);
    // Within 2% only, and only a figure of one significant digit: $640 million, or 483 against 400, are other values.
    const [c] = check(
      { source: 'Wire', date: 'Aug. 11, 2021', body: 'Attackers reportedly stole $600 million from Verizon in the breach.' },
      { source: 'Post', date: 'Aug. 11, 2021', body: 'Attackers stole $640 million from Verizon in the breach, the company said.' },
    );
    assert.deepStrictEqual(conflicts(c), ['$600 million']);
    const [d] = check(
      { source: 'Wire', date: 'Aug. 11, 2021', body: 'Verizon said the records of 400 customers were stolen in the breach.' },
      { source: 'Post', date: 'Aug. 11, 2021', body: 'Verizon said the records of 483 customers were stolen in the breach.' },
    );
    assert.deepStrictEqual(conflicts(d), ['400']);
    // Only from a million up: 200 customers against 204 is a difference a writer wants told.
    const [e] = check(
      { source: 'Wire', date: 'Aug. 11, 2021', body: 'Verizon said the records of 200 customers were stolen in the breach.' },
      { source: 'Post', date: 'Aug. 11, 2021', body: 'Verizon said the records of 204 customers were stolen in the breach.' },
    );
    assert.deepStrictEqual(conflicts(e), ['200']);
  });

  it('one value, one verdict: a count an article updates is not also its rival, from either side', function () {
    const [a, c, d] = check(
      { source: 'Wire', date: 'Aug. 26, 2021', body: 'Verizon said the records of 667,000 former customers were stolen in the breach.' },
      { source: 'Daily', date: 'Aug. 28, 2021', body: 'Update: Verizon said the records of 767,000 former customers were stolen in the breach.' },
      { source: 'Post', date: 'Aug. 28, 2021', body: 'Verizon said the records of 667,000 former customers were stolen in the breach.' },
    );
    // Wire's 667,000 (Aug 26) was updated to 767,000 (Aug 28): Post's 667,000 is that earlier count, on both sides.
    assert.deepStrictEqual([conflicts(a), conflicts(c), conflicts(d)], [[], [], []], JSON.stringify([a, c, d]));
    assert.deepStrictEqual(c.map(([code]) => code), ['figure.revision']);
    assert.deepStrictEqual(d.map(([code]) => code), ['figure.revision']);
    // Still a conflict where nothing tells a story: two outlets, two values, the same day.
    const [e, f] = check(
      { source: 'Wire', date: 'Aug. 26, 2021', body: 'Verizon said the records of 667,000 former customers were stolen in the breach.' },
      { source: 'Daily', date: 'Aug. 26, 2021', body: 'Verizon said the records of 767,000 former customers were stolen in the breach.' },
    );
    assert.deepStrictEqual([conflicts(e), conflicts(f)], [['667,000'], ['767,000']]);
  });

  it('what attackers send or make (phishing emails, fake accounts) is counted by whoever watches, never a breach count', function () {
    const [a, b] = check(
      { source: 'Wire', date: 'Aug. 2, 2021', body: 'In the breach, Verizon found 121 phishing emails sent from its hacked mail account.' },
      { source: 'Post', date: 'Aug. 3, 2021', body: 'In the breach, Verizon found 41 phishing emails sent from its hacked mail account.' },
    );
    assert.deepStrictEqual([a, b], [[], []]);
    const [c, d] = check(
      { source: 'Wire', date: 'Aug. 2, 2021', body: 'In the breach, Verizon said 121,000 customer emails were stolen.' },
      { source: 'Post', date: 'Aug. 2, 2021', body: 'In the breach, Verizon said 41,000 customer emails were stolen.' },
    );
    assert.deepStrictEqual([conflicts(c), conflicts(d)], [['121,000'], ['41,000']]);
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

  it('whose accounts: "linked to" a group splits the population', function () {
    const removed = (n: string, group: string, source: string, day: number) => ({ source, date: `Dec. ${day}, 2021`, body: `${n} accounts linked to ${group} were removed from Facebook after the breach, Meta said.` });
    // Cobwebs's accounts and Cytrox's are two populations.
    const [cobwebs, cytrox] = check(removed('About 200', 'Cobwebs', 'Wire', 16), removed('Some 450', 'Cytrox', 'Post', 17));
    assert.deepStrictEqual([conflicts(cobwebs), conflicts(cytrox)], [[], []]);
    // The same group's are rivals.
    const [a, b] = check(removed('About 200', 'Cobwebs', 'Wire', 16), removed('Some 450', 'Cobwebs', 'Post', 17));
    assert.deepStrictEqual([conflicts(a), conflicts(b)], [['About 200'], ['Some 450']]);
  });

  it('a hedged total is reconciled only by parts that add up to about its value', function () {
    const parts = { source: 'ZDNet', date: 'Aug. 26, 2021', body: 'T-Mobile said the data of 850,000 prepaid customers and 667,000 former customers was stolen in the breach.' };
    const [, exact, bound] = check(
      parts,
      { source: 'Wire', date: 'Aug. 27, 2021', body: 'T-Mobile said the data of 1,517,000 customers was stolen in the breach.' },
      // "As many as" allows anything below 7.8 million; 1,517,000 is not what it counts.
      { source: 'Post', date: 'Aug. 27, 2021', body: 'T-Mobile said the data of as many as 7.8 million customers was stolen in the breach.' },
    );
    assert.ok(exact.some(([c, f]) => c === 'figure.reconciled' && f === '1,517,000'), JSON.stringify(exact));
    assert.deepStrictEqual(bound.filter(([c]) => c === 'figure.reconciled'), []);
    const [, near] = check(parts, { source: 'Post', date: 'Aug. 27, 2021', body: 'T-Mobile said the data of about 1.5 million customers was stolen in the breach.' });
    assert.ok(near.some(([c, f]) => c === 'figure.reconciled' && f === 'about 1.5 million'), JSON.stringify(near));
  });

  it('parts are sub-populations of the story\'s time: not a whole count that holds another, nor an earlier breach\'s count', function () {
    // "50 million people" holds the "40 million former or prospective customers": no total of 90 million.
    const [, ninety] = check(
      { source: 'ZDNet', date: 'Aug. 27, 2021', body: 'T-Mobile said the data of 50 million people was stolen in the breach, among them 40 million former or prospective customers.' },
      { source: 'Wire', date: 'Aug. 28, 2021', body: 'T-Mobile said the data of 90 million customers was stolen in the breach.' },
    );
    assert.deepStrictEqual(ninety.filter(([c]) => c === 'figure.reconciled'), []);
    // "2018: 2.3 million subscribers" is an earlier breach's: no part of a count of 2021.
    const [, later] = check(
      { source: 'ZDNet', date: 'Aug. 18, 2021', body: 'T-Mobile said the data of 850,000 prepaid customers was stolen in the breach. On Aug. 23, 2018, T-Mobile said hackers stole the data of 2.3 million postpaid subscribers in the breach.' },
      { source: 'Wire', date: 'Aug. 19, 2021', body: 'T-Mobile said on Wednesday that 3,150,000 customers had their data stolen in the breach.' },
    );
    assert.deepStrictEqual(later.filter(([c]) => c === 'figure.reconciled'), []);
  });

  it("a revision's story tells a value once more only when it comes back after a day that did not give it", function () {
    const results = diagnose(
      { source: 'Wire', date: 'Oct. 5, 2021', body: 'Twitch said 125 million accounts were affected by the breach.' },
      { source: 'Post', date: 'Oct. 5, 2021', body: 'Twitch said 135 million accounts were affected by the breach.' },
      // Said again the next day beside the next value: no step of the story.
      { source: 'Daily', date: 'Oct. 6, 2021', body: 'Twitch said 125 million accounts were affected by the breach.\n\nTwitch said on Oct. 6 that 128 million accounts were affected by the breach.' },
    );
    const stories = results.flatMap((r) => messages(r, 'figure.revision'));
    assert.ok(stories.length > 0, JSON.stringify(results.map((r) => r.diagnostics.map((d) => d.message))));
    for (const m of stories) assert.ok(!/125 million \(Oct 5, 2021\).*→ 125 million/.test(m), m);
    // A value that comes back after a day that did not give it is a step.
    const [, back] = diagnose(
      { source: 'Wire', date: 'Oct. 5, 2021', body: 'Twitch said 125 million accounts were affected by the breach.' },
      { source: 'Post', date: 'Oct. 7, 2021', body: 'Twitch said on Oct. 7 that 135 million accounts were affected by the breach.' },
      { source: 'Daily', date: 'Oct. 9, 2021', body: 'Twitch said on Oct. 9 that 125 million accounts were affected by the breach.' },
    );
    assert.deepStrictEqual(messages(back, 'figure.revision'), ['The number of accounts was revised over time: 125 million (Oct 5, 2021) → 135 million (Oct 7, 2021) → 125 million (Oct 9, 2021).']);
    // A value that agrees with the one told before it is no step: "nearly 500" then 483.
    const [, hedged] = diagnose(
      { source: 'Wire', date: 'Jan. 17, 2022', body: 'Verizon said on Jan. 17 that 300 users were affected by the breach.' },
      { source: 'Post', date: 'Jan. 19, 2022', body: 'Verizon said on Jan. 19 that about 400 users were affected by the breach.' },
      { source: 'Daily', date: 'Jan. 20, 2022', body: 'Verizon said on Jan. 20 that nearly 500 users were affected by the breach.' },
      { source: 'Times', date: 'Jan. 21, 2022', body: 'Verizon said on Jan. 21 that 483 users were affected by the breach.' },
    );
    assert.deepStrictEqual(messages(hedged, 'figure.revision'), ['The number of users was revised over time: 300 (Jan 17, 2022) → about 400 (Jan 19, 2022) → nearly 500 (Jan 20, 2022).']);
  });

  it("a revision's values of one day are told in the order their articles were published, the same in every article", function () {
    const results = diagnose(
      { source: 'Post', date: '2022-01-20 23:14:00', body: 'Verizon said on Jan. 20 that 483 customers were affected by the breach.' },
      { source: 'Wire', date: '2022-01-20 04:13:00', body: 'Verizon said on Jan. 20 that about 400 customers were affected by the breach.' },
      { source: 'Times', date: 'Jan. 17, 2022', body: 'Verizon said on Jan. 17 that 300 customers were affected by the breach.' },
    );
    const stories = results.flatMap((r) => messages(r, 'figure.revision'));
    assert.ok(stories.length >= 2, JSON.stringify(results.map((r) => r.diagnostics.map((d) => d.message))));
    // Met in path order, 483 (published at 23:14) came before "about 400" (04:13) in the third article's story.
    for (const m of stories) assert.ok(!/483 \(Jan 20, 2022\) → about 400/.test(m), m);
    assert.ok(stories.some((m) => /300 \(Jan 17, 2022\) → about 400 \(Jan 20, 2022\) → 483 \(Jan 20, 2022\)/.test(m)), JSON.stringify(stories));
  });

  it('"the $2.8 billion" takes up a part the article gave before: no rival of the total', function () {
    const body = 'Scammers took $7.8 billion from victims in 2021. Within that $7.8 billion, Chainalysis found $2.8 billion that came from rug pulls.\n\n'
      + 'Almost all of the $2.8 billion stolen in 2021 came from Thodex.\n\nChainalysis found that $3.2 billion was stolen in 2021 in hacks.';
    const [only] = check({ source: 'ZDNet', date: 'Jan. 6, 2022', body });
    assert.deepStrictEqual(conflicts(only), [], JSON.stringify(only));
    // Without the part before, the two thefts of one article still disagree.
    const [plain] = check({ source: 'ZDNet', date: 'Jan. 6, 2022', body: 'Chainalysis said $2.8 billion was stolen in 2021 in hacks.\n\nChainalysis found that $3.2 billion was stolen in 2021 in hacks.' });
    assert.deepStrictEqual(conflicts(plain).length, 2, JSON.stringify(plain));
  });

  it('two sources an article names, each with its value, differ: the article does not contradict itself', function () {
    const [named] = diagnose({ source: 'ThreatPost', date: 'Oct. 6, 2021', body: 'According to the Video Games Chronicle, 125 million accounts were affected by the breach.\n\nJames Chappell told Threatpost that 128 million accounts were affected by the breach.' });
    assert.deepStrictEqual(messages(named, 'figure.conflict'), []);
    assert.deepStrictEqual(messages(named, 'figure.disputed'), [
      '125 million accounts, as Video Games Chronicle gives it, differs from 128 million, which James Chappell gives in this article: the sources differ.',
      '128 million accounts, as James Chappell gives it, differs from 125 million, which Video Games Chronicle gives in this article: the sources differ.',
    ]);
    // One source, or none named, giving two values is still a conflict.
    const [one] = diagnose({ source: 'ThreatPost', date: 'Oct. 6, 2021', body: 'Twitch said 125 million accounts were affected by the breach.\n\nTwitch said that 128 million accounts were affected by the breach.' });
    assert.strictEqual(messages(one, 'figure.conflict').length, 2, JSON.stringify(one.diagnostics.map((d) => d.message)));
  });

  it("a conflict's message tells another statement of the same article from another article", function () {
    const twice = { source: 'ZDNet', date: 'Feb. 3, 2022', body: 'Verizon said $324 million was stolen in the breach.\n\nThe $324 million theft is the second largest this year.' };
    const [, once] = diagnose(twice, { source: 'ThreatPost', date: 'Feb. 3, 2022', body: 'Verizon said $314 million was stolen in the breach.' });
    assert.deepStrictEqual(messages(once, 'figure.conflict'), ['$314 million theft disagrees with $324 million in ZDNet, Feb 3, 2022, stated twice there.']);
    const [, , third] = diagnose(twice, { source: 'Wire', date: 'Feb. 3, 2022', body: 'Verizon said $324 million was stolen in the breach.' },
      { source: 'ThreatPost', date: 'Feb. 3, 2022', body: 'Verizon said $314 million was stolen in the breach.' });
    assert.deepStrictEqual(messages(third, 'figure.conflict'), ['$314 million theft disagrees with $324 million in ZDNet, Feb 3, 2022, stated twice there, and in 1 other article.']);
    // Another value is not the first one said again.
    const [, , last] = diagnose(twice, { source: 'Wire', date: 'Feb. 3, 2022', body: 'Verizon said $334 million was stolen in the breach.' },
      { source: 'ThreatPost', date: 'Feb. 3, 2022', body: 'Verizon said $314 million was stolen in the breach.' });
    assert.deepStrictEqual(messages(last, 'figure.conflict'), ['$314 million theft disagrees with $324 million in ZDNet, Feb 3, 2022, stated twice there, and with $334 million in 1 other article.']);
  });

  it('a page saved twice is named by its file, and told apart from a version saved months later', function () {
    const link = 'https://example.com/news/best-vpn';
    const [a, b] = diagnose(
      { source: 'Wire', date: 'Jul. 14, 2021', link, body: 'Verizon said 277 customers were affected by the breach.' },
      { source: 'Wire', date: 'Jan. 12, 2022', link, body: 'Verizon said 277 customers were affected by the breach.' },
    );
    assert.deepStrictEqual(messages(a, 'corpus.duplicate'), ['The same article (same Link) is also saved as another file, 1.txt, dated Jan 12, 2022 (a later version of the page?). Only the latest version, 1.txt, is compared with other articles; keep the one you want and delete the others.']);
    assert.match(messages(b, 'corpus.duplicate')[0], /another file, 0\.txt, dated Jul 14, 2021 \(an earlier version of the page\?\)\. Only the latest version, this one, is compared/);
    // Two copies of one day: which one, by file name.
    const [c] = diagnose({ source: 'Wire', date: 'Jul. 14, 2021', link, body: 'Verizon said 277 customers were affected.' }, { source: 'Wire', date: 'Jul. 14, 2021', link, body: 'Verizon said 277 customers were affected.' });
    assert.match(messages(c, 'corpus.duplicate')[0], /Only this one is compared/);
  });

  it('of two versions of a page, the later one is what other articles are weighed against (it was the first by file name)', function () {
    const link = 'https://example.com/news/breach-count';
    const [, , other] = diagnose(
      { source: 'Wire', date: 'Jan. 10, 2022', link, body: 'Verizon said 2,770 customers were affected by the breach.' },
      { source: 'Wire', date: 'Jan. 12, 2022', link, body: 'Verizon said 3,100 customers were affected by the breach.' },
      { source: 'Post', date: 'Jan. 12, 2022', body: 'Verizon said 3,100 customers were affected by the breach.' },
    );
    assert.deepStrictEqual(other.diagnostics.filter((d) => d.code.startsWith('figure.')).map((d) => d.message), []);
  });

  it('one article saved in two files counts once: its copy is neither a rival nor a revision', function () {
    const link = 'https://example.com/news/the-same-story';
    const copy = { source: 'Wire', date: 'Dec. 3, 2021', link, body: 'Verizon said 277 customers were affected by the breach.\n\nThe company later said the number was around 100 customers.' };
    const [a, b, other] = diagnose(copy, copy, { source: 'Post', date: 'Dec. 1, 2021', body: 'Verizon said 350 customers were affected by the breach.' });
    // A copy giving "the other value too" made each copy's figures a revision of the other's.
    assert.deepStrictEqual([messages(a, 'figure.revision'), messages(b, 'figure.revision')], [[], []]);
    // Against another article, each copy still warns, once per figure; and the copies are one article that disagrees.
    assert.deepStrictEqual([messages(a, 'figure.conflict').length, messages(b, 'figure.conflict').length], [2, 2]);
    assert.deepStrictEqual(messages(other, 'figure.conflict'), ['350 customers disagrees with 277 in Wire, Dec 3, 2021 and with around 100 there.']);
  });

  it('values told by several voices are "given differently over time", not a revision; one voice\'s are revised', function () {
    // Twitch's leak: 125GB to Video Games Chronicle, 135 gigabytes in ThreatPost's own words, 128GB to Chappell.
    const results = diagnose(
      { source: 'Wire', date: 'Oct. 5, 2021', body: 'According to Video Games Chronicle, the Twitch leak held 125GB of data.' },
      { source: 'Post', date: 'Oct. 6, 2021', body: 'The Twitch leak held 135GB of data, stolen from its servers on Oct. 6.' },
      { source: 'Daily', date: 'Oct. 7, 2021', body: 'Chappell told reporters on Oct. 7 that the Twitch leak held 128GB of data.' },
    );
    const stories = results.flatMap((r) => messages(r, 'figure.revision'));
    assert.ok(stories.length > 0 && stories.every((m) => / was given differently over time: /.test(m)), JSON.stringify(stories));
  });

  it('messages name what is counted as the article writes it, and tell a restated value once', function () {
    const [first, , , last] = diagnose(
      { source: 'Wire', date: 'Jan. 17, 2022', title: 'Verizon Confirms 483 Customers Hit', body: 'Verizon said 483 customers were affected by the breach.' },
      { source: 'Post', date: 'Jan. 17, 2022', body: 'Verizon said 483 customers were affected by the breach.' },
      // Restated the next day: still no step of the story.
      { source: 'Daily', date: 'Jan. 18, 2022', body: 'Verizon said 483 customers were affected by the breach.' },
      { source: 'Times', date: 'Jan. 20, 2022', body: 'Verizon said on Jan. 20 that 620 customers were affected by the breach.' },
    );
    assert.deepStrictEqual(messages(last, 'figure.revision'), ['The number of customers was revised over time: 483 (Jan 17, 2022) → 620 (Jan 20, 2022).']);
    // The headline's "Customers" is a noun like the body's.
    const headline = messages(first, 'figure.revision');
    assert.ok(headline.length === 2 && headline.every((m) => m.startsWith('The number of customers was revised')), JSON.stringify(headline));
    const [, gang] = diagnose(
      { source: 'Wire', date: 'June 20, 2022', body: 'Verizon said about 600,000 customers had their order histories exposed, and later that 650,000 customers had.' },
      { source: 'Post', date: 'June 21, 2022', body: 'The extortion crew NightVeil boasted on its leak site that it holds data on 1.5 million Verizon customers.' },
    );
    // One party giving two values "gives" them.
    assert.deepStrictEqual(messages(gang, 'figure.disputed'), ['1.5 million customers is a disputed claim; Verizon gives about 600,000, 650,000.']);
  });

  it('a disputed claim\'s verb agrees with its claimant: "the hackers claim", "the seller claims"', function () {
    const [, hackers] = diagnose(
      { source: 'Wire', date: 'June 20, 2022', body: 'Verizon said about 600,000 customers had their order histories exposed.' },
      { source: 'Post', date: 'June 21, 2022', body: 'The hackers claimed to hold data on 1.5 million Verizon customers.' },
    );
    assert.deepStrictEqual(messages(hackers, 'figure.disputed'), ['1.5 million customers is a disputed claim: the hackers claim 1.5 million; Verizon gives about 600,000.']);
  });

  it('a disputed claim names its claimant, not the outlet that reports it nor the company that will not confirm it', function () {
    const verizon = { source: 'Wire', date: 'June 20, 2022', body: 'Verizon said about 600,000 customers had their order histories exposed.' };
    const [, reported] = diagnose(verizon, { source: 'Post', date: 'June 21, 2022', body: 'Hackers were found selling data on 1.5 million Verizon customers, according to Motherboard.' });
    assert.deepStrictEqual(messages(reported, 'figure.disputed'), ['1.5 million customers is a disputed claim, reported by Motherboard; Verizon gives about 600,000.']);
    const [, doubted] = diagnose(verizon, { source: 'Post', date: 'June 21, 2022', body: 'Verizon says hackers accessed user data but won\'t confirm a breach of 1.5 million customers.' });
    assert.deepStrictEqual(messages(doubted, 'figure.disputed'), ['1.5 million customers is a disputed claim, which Verizon does not confirm; Verizon gives about 600,000.']);
    // A person who claims speaks for himself.
    const [, own] = diagnose(verizon, { source: 'Post', date: 'June 21, 2022', body: 'John Binns claimed he had access to the information of 1.5 million Verizon customers.' });
    assert.deepStrictEqual(messages(own, 'figure.disputed'), ['1.5 million customers is a disputed claim: John Binns claims 1.5 million; Verizon gives about 600,000.']);
  });

  it('people counted at different steps of a case (detained, charged, sentenced) are different people', function () {
    const detained = { source: 'Wire', date: 'Jan. 14, 2022', body: 'The FSB said Verizon hackers were found in raids: officials detained 14 people across Moscow.' };
    const quiet = check(detained, { source: 'Post', date: 'Jan. 15, 2022', body: 'Eight people allegedly involved in the Verizon hack were hit with charges by a Moscow court.' });
    assert.deepStrictEqual(quiet, [[], []]);
    // The same step still disagrees.
    const loud = check(detained, { source: 'Post', date: 'Jan. 15, 2022', body: 'Officials detained eight people in the Verizon hack across Moscow.' });
    assert.ok(loud.flat().some(([c]) => c === 'figure.conflict'), JSON.stringify(loud));
  });

  it('a claim of part of what more is claimed ("30m" as a sample of the "100m" for sale) disputes no larger confirmed count', function () {
    const [, seller, sample] = diagnose(
      { source: 'Wire', date: 'June 20, 2022', body: 'Verizon said about 600,000 customers had their order histories exposed.' },
      { source: 'Post', date: 'June 21, 2022', body: 'The seller claims to hold data on 1.5 million Verizon customers.' },
      { source: 'Daily', date: 'June 22, 2022', body: 'As a sample, the seller claims to offer data on 300,000 Verizon customers.' },
    );
    assert.deepStrictEqual(messages(sample, 'figure.disputed'), []);
    // The larger claim is still disputed.
    assert.strictEqual(messages(seller, 'figure.disputed').length, 1);
  });

  it('a disputed claim says which party gives which value, in the message and each note', function () {
    const [, , seller] = diagnose(
      { source: 'Wire', date: 'June 20, 2022', body: 'Verizon said about 600,000 customers had their order histories exposed.' },
      { source: 'Post', date: 'June 21, 2022', body: 'More than 700,000 Verizon customers had their order histories exposed, according to the Federal Communications Commission.' },
      { source: 'Daily', date: 'June 22, 2022', body: 'The seller claims to hold data on 1.5 million Verizon customers.' },
    );
    const d = seller.diagnostics.filter((x) => x.code === 'figure.disputed');
    assert.strictEqual(d.length, 1, JSON.stringify(seller.diagnostics.map((x) => x.message)));
    // Capitalised only because they opened their sentences: "the seller" and "more than 700,000" inside the message.
    assert.strictEqual(d[0].message, '1.5 million customers is a disputed claim: the seller claims 1.5 million; Verizon gives about 600,000; Federal Communications Commission gives more than 700,000.');
    assert.deepStrictEqual((d[0].related ?? []).map((r) => r.message).sort(), ['More than 700,000 according to Federal Communications Commission (Post, Jun 21, 2022)', 'about 600,000 according to Verizon (Wire, Jun 20, 2022)']);
  });

  it('messages give an article\'s date as the day its Date names, in its own zone', function () {
    const [, later] = diagnose(
      { source: 'Wire', date: '2021-12-15T22:00-05:00', body: 'The researchers said: “This APT group has been behind large-scale cyber-espionage campaigns against the defense industry.”' },
      { source: 'Post', date: '2021-12-20', body: 'The researchers said: “This APT group has been behind large-scale cyber-espionage campaigns against the crypto industry.”' },
    );
    const said = messages(later, 'quote.altered');
    assert.strictEqual(said.length, 1, JSON.stringify(later.diagnostics.map((d) => d.message)));
    assert.match(said[0], /in Wire \(Dec 15, 2021, earlier\)/);
  });

  it('a draft (an open file excluded from the corpus) is checked against the others, but is no source for their checks', function () {
    // A scratch copy (the same Link) whose quotation was edited.
    const quote = (industry: string) => `The researchers said: “This APT group has been behind large-scale cyber-espionage campaigns against the ${industry} industry.”`;
    const saved = { source: 'Wire', date: 'June 14, 2022', body: quote('defense'), link: 'https://example.com/news/same' };
    const scratch = { source: 'Post', date: 'June 15, 2022', body: quote('crypto'), link: 'https://example.com/news/same' };
    const codes = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.map((d) => d.code).sort();
    // Both in the corpus: each is told of the other.
    const [a, b] = diagnose(saved, scratch);
    assert.deepStrictEqual(codes(a), ['corpus.duplicate', 'quote.altered']);
    assert.deepStrictEqual(codes(b), ['corpus.duplicate', 'quote.altered']);
    // The scratch copy a draft: it is still told, the saved article no longer.
    const [c, d] = diagnose(saved, { ...scratch, draft: true });
    assert.deepStrictEqual(codes(c), []);
    assert.deepStrictEqual(codes(d), ['corpus.duplicate', 'quote.altered']);
  });

  it('a quotation set as a block quotation is one quotation, and messages quote it as a reader sees it', function () {
    const [block, linked] = diagnose(
      { source: 'Wire', date: 'Oct. 26, 2021', body: '> “This APT group has been behind large-scale cyber-espionage and ransomware campaigns and has been spotted attacking the defense industry.” —[@kaspersky](https://twitter.com/kaspersky)' },
      { source: 'Post', date: 'Oct. 27, 2021', body: 'The researchers said: “This APT group has been behind _large-scale_ cyber-espionage and [ransomware](https://example.com/lazarus) campaigns and has been spotted attacking the crypto industry.”' },
    );
    // Once for the block and once for the quotation marks inside it, it used to say.
    const said = messages(block, 'quote.altered');
    // Where the two part, not two long quotations to compare word by word.
    assert.deepStrictEqual(said, ['This quotation is worded differently in Post (Oct 27, 2021, later): there “…the crypto industry.”, here “…the defense industry.”.']);
    // The other wording in full goes with it, as a reader sees it: no link address, no emphasis markers.
    const other = block.diagnostics.find((d) => d.code === 'quote.altered')!.related!;
    assert.match(other[0].message, /^The other wording: “This APT group has been behind large-scale cyber-espionage and ransomware campaigns and/);
    assert.deepStrictEqual(messages(linked, 'quote.altered'), ['This quotation is worded differently in Wire (Oct 26, 2021, earlier): there “…the defense industry.”, here “…the crypto industry.”.']);
    // A block quotation without quotation marks is still a quotation.
    const [bare] = diagnose(
      { source: 'Wire', date: 'Oct. 26, 2021', body: '> This APT group has been behind large-scale cyber-espionage and ransomware campaigns and has been spotted attacking the defense industry.' },
      { source: 'Post', date: 'Oct. 27, 2021', body: 'The researchers said: “This APT group has been behind large-scale cyber-espionage and ransomware campaigns and has been spotted attacking the crypto industry.”' },
    );
    assert.strictEqual(messages(bare, 'quote.altered').length, 1);
  });

  it('two articles are told the same relation: a revision on one side is a revision on the other, also when a third article bridges them', function () {
    // After the real Poly Network story: $600 million on Aug 11, ZDNet's headline "$600m" with "over $600 million" in its body
    // on Aug 13, then a later count on Aug 24. The later article was told of a revision and the earlier one of a conflict.
    // (The real later count, $610M, is the $600 million rounded: the first article gives "$611 million" too; it agrees now.)
    const story = [
      { source: 'ThreatPost', date: 'Aug 11, 2021', title: 'Crypto Hack Earned Crooks $600 Million', body: 'Attackers reportedly stole $600 million from the cryptocurrency platform Poly Network, in what experts say is one of the largest crypto heists to date.' },
      { source: 'ZDNet', date: 'Aug 13, 2021', title: 'Poly Network hacker has now returned almost all the $600m in crypto taken', body: 'The company behind the DeFi platform Poly Network, which lost over $600 million to a hacker, has received most of the assets back.' },
      { source: 'ThreatPost', date: 'Aug 24, 2021', title: 'Poly Network Recoups $700M Stolen from DeFi Platform', body: 'A threat actor has returned the $700 million they stole from the platform Poly Network.' },
    ];
    const [first, , last] = diagnose(...story);
    const codes = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.filter((d) => d.code.startsWith('figure.')).map((d) => d.code);
    assert.ok(codes(last).includes('figure.revision'), JSON.stringify(last.diagnostics.map((d) => d.message)));
    assert.deepStrictEqual(messages(first, 'figure.conflict'), []);
    assert.ok(messages(first, 'figure.revision').some((m) => /\$600 Million \(Aug 11, 2021\) → \$700M \(Aug 24, 2021\)/.test(m)), JSON.stringify(first.diagnostics.map((d) => d.message)));
    // Without the bridge, and with a later value no article says the count moved to, the two still disagree.
    const [a, b] = diagnose(story[0], { ...story[2], title: 'Poly Network hack: $650M stolen', body: 'A threat actor stole $650 million from the platform Poly Network.' });
    assert.ok(codes(a).includes('figure.conflict') && codes(b).includes('figure.conflict'), JSON.stringify([a.diagnostics.map((d) => d.message), b.diagnostics.map((d) => d.message)]));
  });
});
