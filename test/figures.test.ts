/**
 * The figure extractor (`extract/figures.ts`, on `extract/numbers.ts`):
 * every notation of a number, every hedge and the interval it allows, the
 * units, the measured noun phrase with its qualifiers and subject, the
 * things that look like numbers but are none, and end to end on the three
 * seed articles about the 2021 T-Mobile breach. Mentions are built by hand
 * with a plain string search, so these tests depend on no other extractor.
 */
import * as assert from 'assert';
import { extractFigures, measureKey, mentionsBySentence, singular, writtenMeasure } from '../server/src/core/extract/figures';
import { scanNumbers, visibleText } from '../server/src/core/extract/numbers';
import { formatValue } from '../server/src/core/index/compare';
import { siteOf } from '../server/src/core/extract/urls';
import type { EntityKind, Figure, Mention, SentenceRef } from '../server/src/core/extract/types';
import { parse } from '../server/src/core/syntax/parse';
import { article, seed } from './helpers/fixture';
import { extractFacts } from '../server/src/core/extract/facts';

type Name = [text: string, key: string, kind: EntityKind];

const NAMES: Name[] = [
  ['T-Mobile', 't-mobile', 'organisation'],
  ['LinkedIn', 'linkedin', 'organisation'],
  ['CRITICALSTART', 'criticalstart', 'organisation'],
  ['John Binns', 'john binns', 'person'],
  ['Binns', 'john binns', 'person'],
  ['US', 'united states', 'place'],
];

/** Sentences laid end to end, one space apart, starting at `offset`. */
function doc(texts: string[], offset = 0): SentenceRef[] {
  const out: SentenceRef[] = [];
  let at = offset;
  for (const text of texts) {
    out.push({ text, span: { start: at, end: at + text.length } });
    at += text.length + 1;
  }
  return out;
}

/** Mentions of `names` in the sentences, longest name first, whole words only. */
function mentionsOf(sentences: SentenceRef[], names: Name[]): Mention[] {
  const out: Mention[] = [];
  const sorted = [...names].sort((a, b) => b[0].length - a[0].length);
  sentences.forEach((s, si) => {
    const taken: [number, number][] = [];
    for (const [name, key] of sorted) {
      for (let i = s.text.indexOf(name); i >= 0; i = s.text.indexOf(name, i + 1)) {
        const end = i + name.length;
        if (/[A-Za-z0-9]/.test(s.text[i - 1] ?? '') || /[A-Za-z0-9]/.test(s.text[end] ?? '')) continue;
        if (taken.some(([a, b]) => i < b && end > a)) continue;
        taken.push([i, end]);
        out.push({ key, span: { start: s.span.start + i, end: s.span.start + end }, text: name, sentence: si, where: 'body' });
      }
    }
  });
  return out;
}

function kinds(names: Name[]): (key: string) => EntityKind | undefined {
  const map = new Map(names.map(([, key, kind]) => [key, kind]));
  return (key) => map.get(key);
}

/** The figures of some sentences; `fallback` is the article's main subject, `null` for none. */
function figuresOf(texts: string | string[], fallback: string | null = 't-mobile', names: Name[] = NAMES): Figure[] {
  const sentences = doc(typeof texts === 'string' ? [texts] : texts);
  return extractFigures(sentences, mentionsOf(sentences, names), kinds(names), fallback ?? undefined);
}

function figure(texts: string | string[], text: string, fallback?: string | null): Figure {
  const all = figuresOf(texts, fallback);
  const f = all.find((x) => x.text === text);
  assert.ok(f, `no figure "${text}" in ${JSON.stringify(all.map((x) => x.text))}`);
  return f!;
}

/** Figures other than years, which downstream checks ignore. */
function quantities(text: string): string[] {
  return figuresOf(text).filter((f) => f.unit !== 'year').map((f) => f.text);
}

describe('figures', function () {
  it('a short name stands for the full name the body gives before it, not for a part of it met later', function () {
    const names: Name[] = [
      ['Corvane Wireless', 'corvane wireless', 'organisation'], ['Corvane', 'corvane', 'organisation'],
      ['Microsoft Threat Intelligence Center', 'microsoft threat intelligence center', 'organisation'], ['Microsoft', 'microsoft', 'organisation'],
    ];
    const subjects = (texts: string[]) => figuresOf(texts, null, names).filter((f) => f.unit !== 'year').map((f) => `${f.text}: ${f.subject}`);
    assert.deepStrictEqual(subjects(['Corvane Wireless said 10,000 customers were hit.', 'Corvane later said 12,000 customers were hit.']),
      ['10,000: corvane wireless', '12,000: corvane wireless']);
    // A full name in the headline counts as given first.
    const sentences = doc(['Corvane Wireless breach hits customers', 'Corvane said 10,000 customers were hit.']);
    const mentions = mentionsOf(sentences, names).map((m) => (m.sentence === 0 ? { ...m, where: 'title' as const } : m));
    assert.deepStrictEqual(extractFigures(sentences, mentions, kinds(names), undefined, 1).filter((f) => f.unit !== 'year').map((f) => `${f.text}: ${f.subject}`), ['10,000: corvane wireless']);
    const ms = subjects(['Microsoft has released 117 security fixes.', 'The Microsoft Threat Intelligence Center found 40 attacks.', 'Microsoft said 9 flaws were exploited.']);
    assert.deepStrictEqual([ms[0], ms[2]], ['117: microsoft', '9: microsoft'], JSON.stringify(ms));
  });

  it('of several full names, a short name stands for the most mentioned, the first met on a tie; a person is none of them', function () {
    const names: Name[] = [
      ['Corvane Wireless', 'corvane wireless', 'organisation'], ['Corvane Health', 'corvane health', 'organisation'],
      ['Corvane Smith', 'corvane smith', 'person'], ['Corvane', 'corvane', 'organisation'],
    ];
    const last = (texts: string[]) => figuresOf(texts, null, names).filter((f) => f.unit !== 'year').map((f) => f.subject).at(-1);
    assert.strictEqual(last(['Corvane Health said 5 clinics were hit.', 'Corvane Wireless said 10,000 customers were hit.',
      'Corvane Wireless later said 12,000 customers were hit.', 'Corvane Smith said 3 customers called.', 'Corvane said 13,000 customers were hit.']), 'corvane wireless');
    assert.strictEqual(last(['Corvane Health said 5 clinics were hit.', 'Corvane Wireless said 10,000 customers were hit.', 'Corvane said 13,000 customers were hit.']), 'corvane health');
    assert.strictEqual(last(['Corvane Smith said 3 customers called.', 'Corvane said 13,000 customers were hit.']), 'corvane');
  });

  it('every short name of an article naming hundreds of organisations finds its own full name', function () {
    const stems = Array.from({ length: 400 }, (_, i) => `Corv${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}ne`);
    const names: Name[] = stems.flatMap((s): Name[] => [[`${s} Bank`, `${s.toLowerCase()} bank`, 'organisation'], [s, s.toLowerCase(), 'organisation']]);
    const texts = stems.flatMap((s, i) => [`${s} Bank said ${i + 2} branches were hit.`, `${s} later said ${i + 3} branches were hit.`]);
    const subjects = figuresOf(texts, null, names).map((f) => `${f.text}: ${f.subject}`);
    assert.deepStrictEqual(subjects, stems.flatMap((s, i) => [`${i + 2}: ${s.toLowerCase()} bank`, `${i + 3}: ${s.toLowerCase()} bank`]));
  });

  describe('notations', function () {
    const cases: [sentence: string, text: string, value: number, unit: Figure['unit']][] = [
      ['It hit 902,000 prepaid customers.', '902,000', 902000, 'count'],
      ['It hit 50,000,000 customers.', '50,000,000', 50e6, 'count'],
      ['It hit 7.8 million customers.', '7.8 million', 7.8e6, 'count'],
      ['It hit 1.2 billion accounts.', '1.2 billion', 1.2e9, 'count'],
      ['It hit 2 trillion rows.', '2 trillion', 2e12, 'count'],
      ['It hit 50 thousand rows.', '50 thousand', 5e4, 'count'],
      ['It hit 50m customers.', '50m', 50e6, 'count'],
      ['The offer: 30m records for sale.', '30m', 30e6, 'count'],
      ['100m T-Mobile Customer Records Purportedly Up for Sale', '100m', 100e6, 'count'],
      ['It hit 50k users.', '50k', 5e4, 'count'],
      ['It hit 2.5 mn users.', '2.5 mn', 2.5e6, 'count'],
      ['It hit 5bn users.', '5bn', 5e9, 'count'],
      ['It hit 5b users.', '5b', 5e9, 'count'],
      ['It hit fifty million people.', 'fifty million', 50e6, 'count'],
      ['It hit twenty-five hosts.', 'twenty-five', 25, 'count'],
      ['It hit two hundred and fifty servers.', 'two hundred and fifty', 250, 'count'],
      ['It hit a dozen servers.', 'a dozen', 12, 'count'],
      ['It hit half a million users.', 'half a million', 5e5, 'count'],
      ['It hit a million users.', 'a million', 1e6, 'count'],
      ['The asking price is six bitcoin.', 'six bitcoin', 6, 'btc'],
      ['The asking price is 1.5 BTC.', '1.5 BTC', 1.5, 'btc'],
      ['The price was $280,000 in all.', '$280,000', 280000, 'usd'],
      ['The fine was $3bn in all.', '$3bn', 3e9, 'usd'],
      ['The fine was $1.2 million in all.', '$1.2 million', 1.2e6, 'usd'],
      ['The fine was USD 5 million in all.', 'USD 5 million', 5e6, 'usd'],
      ['The fine was 5 million dollars in all.', '5 million dollars', 5e6, 'usd'],
      ['The fine was £2m in all.', '£2m', 2e6, 'gbp'],
      ['The fine was €16,000 (US$18,000).', '€16,000', 16000, 'eur'],
      ['The fine was €16,000 (US$18,000).', 'US$18,000', 18000, 'usd'],
      ['The AFP seized AU$1.66 million in cash.', 'AU$1.66 million', 1.66e6, 'aud'],
      ['The AFP seized A$300,000 in cash.', 'A$300,000', 300000, 'aud'],
      ['The fine was S$40,000 in all.', 'S$40,000', 40000, 'sgd'],
      ['The fine was SG$74,000 in all.', 'SG$74,000', 74000, 'sgd'],
      ['The fine was C$5 million in all.', 'C$5 million', 5e6, 'cad'],
      ['The fine was CAD 5,000 in all.', 'CAD 5,000', 5000, 'cad'],
      ['The fine was HK$1 million in all.', 'HK$1 million', 1e6, 'hkd'],
      ['The fine was NZ$50,000 in all.', 'NZ$50,000', 50000, 'nzd'],
      // Yuan, yen, rupees and rubles are money (30 real figures were counts of a noun "yuan").
      ['The fine was 8.026 billion yuan in all.', '8.026 billion yuan', 8.026e9, 'cny'],
      ['The fine was RMB 5 million in all.', 'RMB 5 million', 5e6, 'cny'],
      ['The fine was 300 million yen in all.', '300 million yen', 3e8, 'jpy'],
      ['The fine was 20 million rupees in all.', '20 million rupees', 2e7, 'inr'],
      ['The FSB seized 426 million rubles in cash.', '426 million rubles', 4.26e8, 'rub'],
      ['The FSB seized ₽426 million in cash.', '₽426 million', 4.26e8, 'rub'],
      ['The fine was ₹20 million in all.', '₹20 million', 2e7, 'inr'],
      ['The fine was JPY 300 million in all.', 'JPY 300 million', 3e8, 'jpy'],
      ['It sold for 1 cent per victim.', '1 cent', 0.01, 'usd'],
      ['It sold for 5 cents per victim.', '5 cents', 0.05, 'usd'],
      ['It sold for 1 penny each.', '1 penny', 0.01, 'usd'],
      ['It comes out to about a penny per victim.', 'about a penny', 0.01, 'usd'],
      ['They took 106GB of data.', '106GB', 106e9, 'bytes'],
      ['They took 106 GB of data.', '106 GB', 106e9, 'bytes'],
      ['They took 1.5 TB of data.', '1.5 TB', 1.5e12, 'bytes'],
      ['They took 500MB of data.', '500MB', 500e6, 'bytes'],
      ['They took 10 KB of data.', '10 KB', 10e3, 'bytes'],
      ['They took 2PB of data.', '2PB', 2e15, 'bytes'],
      ['They took 3 gigabytes of data.', '3 gigabytes', 3e9, 'bytes'],
      ['It rose 57% in a year.', '57%', 57, 'percent'],
      ['It rose 13 percent in a year.', '13 percent', 13, 'percent'],
      ['It rose 4.5 per cent in a year.', '4.5 per cent', 4.5, 'percent'],
      ['A 21-year-old man did it.', '21-year-old', 21, 'age'],
      ['The man, 18 years old, did it.', '18 years old', 18, 'age'],
      ['A man aged 34 did it.', '34', 34, 'age'],
      ['A 19-year old researcher did it.', '19-year old', 19, 'age'],
      ['It offers two years of free protection.', 'two years', 730, 'days'],
      ['It took about one week.', 'about one week', 7, 'days'],
      ['It took 24 hours.', '24 hours', 1, 'days'],
      ['It is a 30-day trial.', '30-day', 30, 'days'],
      ['It happened in 2019.', '2019', 2019, 'year'],
    ];
    for (const [sentence, text, value, unit] of cases) {
      it(`"${text}" is ${value} ${unit}`, function () {
        const f = figure(sentence, text);
        assert.ok(Math.abs(f.value - value) <= Math.abs(value) * 1e-12, `${f.value} ≠ ${value}`);
        assert.strictEqual(f.unit, unit);
        assert.ok(f.low <= f.value && f.value <= f.high, `[${f.low}, ${f.high}] holds ${f.value}`);
      });
    }

    it('an exact figure allows half a unit of its last written digit', function () {
      const at = (s: string, t: string) => { const f = figure(s, t); return [f.low, f.high]; };
      assert.deepStrictEqual(at('It hit 50 million customers.', '50 million'), [49.5e6, 50.5e6]);
      assert.deepStrictEqual(at('It hit 667,000 former customers.', '667,000'), [666500, 667500]);
      assert.deepStrictEqual(at('It hit 902,000 prepaid customers.', '902,000'), [901500, 902500]);
      assert.deepStrictEqual(at('It hit 7.8 million customers.', '7.8 million'), [7.75e6, 7.85e6]);
      assert.deepStrictEqual(at('It sold for 1 cent each.', '1 cent'), [0.005, 0.015]);
      assert.deepStrictEqual(at('It asked six bitcoin.', 'six bitcoin'), [5.5, 6.5]);
      assert.deepStrictEqual(at('It hit 1,234 hosts.', '1,234'), [1233.5, 1234.5]);
      assert.strictEqual(figure('It hit 766,000 former customers.', '766,000').low > 667500, true);
    });

    it('years stand alone and in ranges; a hedged or counted four-digit number is a count', function () {
      const years = (s: string) => figuresOf(s).filter((f) => f.unit === 'year').map((f) => f.value);
      assert.deepStrictEqual(years('The data spans 2004 to 2021.'), [2004, 2021]);
      assert.deepStrictEqual(years('The data spans 2004-2021.'), [2004, 2021]);
      assert.deepStrictEqual(years('The history goes back to 2004.'), [2004]);
      assert.strictEqual(figure('They hit more than 2000 servers.', 'more than 2000').unit, 'count');
      assert.strictEqual(figure('The campaign has been active since at least 2016.', '2016').unit, 'year');
      assert.strictEqual(figure('As 2021 draws to a close, it grows.', '2021').unit, 'year');
      const y = figure('It happened in 2019.', '2019');
      assert.strictEqual(y.noun, undefined);
      assert.strictEqual(y.subject, undefined);
      assert.strictEqual(y.hedge, undefined);
    });

    it('a bare small number said of a person is an age', function () {
      const f = figure('They moved back to Turkey when Binns was 18.', '18');
      assert.strictEqual(f.unit, 'age');
      assert.strictEqual(f.subject, 'john binns');
      assert.strictEqual(figure('He was 18.', '18').unit, 'age');
      assert.strictEqual(figure('The count was 18.', '18').unit, 'count');
      // In commas after the name (the DOJ's Bitfinex arrests: "Ilya Lichtenstein, 34, and his wife" were counts of "russian-u").
      const g = figure('Police arrested John Binns, 34, in New York.', '34');
      assert.deepStrictEqual([g.unit, g.subject], ['age', 'john binns']);
      assert.strictEqual(figure('T-Mobile, 34, was hit.', '34').unit, 'count');
    });
  });

  describe('ranges and percentages', function () {
    it('a range is one figure, its bounds the two numbers: "between $30 and $35 million" is $30 million to $35 million', function () {
      const bounds = (sentence: string, text: string) => {
        const f = figure(sentence, text);
        return [f.low, f.high, f.hedge];
      };
      // A card read "$30" (the real Akamai sentence); guidance "of $193 million to $195 million" read "$195 million".
      assert.deepStrictEqual(bounds('Losses were between $30 and $35 million.', 'between $30 and $35 million'), [30e6, 35e6, 'between']);
      assert.deepStrictEqual(bounds('Between 15 to 20 million records were stolen.', 'Between 15 to 20 million'), [15e6, 20e6, 'between']);
      assert.deepStrictEqual(bounds('It expects revenue of $193 million to $195 million.', '$193 million to $195 million'), [193e6, 195e6, 'between']);
      assert.deepStrictEqual(bounds('It hit between 2 million and 3 million users.', 'between 2 million and 3 million'), [2e6, 3e6, 'between']);
      assert.deepStrictEqual(bounds('They paid between $500,000 and $5 million.', 'between $500,000 and $5 million'), [500_000, 5e6, 'between']);
      // A hedge on a range widens nothing: the bounds are what was written.
      assert.deepStrictEqual(bounds('About 1 to 2 million users were hit.', 'About 1 to 2 million'), [1e6, 2e6, 'between']);
      assert.strictEqual(figure('It expects revenue of $193 million to $195 million.', '$193 million to $195 million').noun, 'revenue');
      // Not a range: a change "from" one value to another, "and" without "between", another unit, a smaller second number.
      assert.strictEqual(figure('Attacks rose from 30 to 35 million.', '30').value, 30e6);
      assert.deepStrictEqual(figuresOf('Complaints jumped from 982 to 11,554.').map((f) => f.text), ['982', '11,554']);
      // Also past a hedge after "from", and a change "by" one value "to" another.
      assert.deepStrictEqual(figuresOf('It went from just over 1,000 to 3,000.').map((f) => f.text), ['just over 1,000', '3,000']);
      assert.deepStrictEqual(figuresOf('Its customer count was up by 2.4 million to 23.4 million.').map((f) => f.text), ['2.4 million', '23.4 million']);
      assert.deepStrictEqual(figuresOf('Infected devices went down by 1,061 to 3,927.').map((f) => f.text), ['1,061', '3,927']);
      assert.strictEqual(figure('He was 30 and she had 35 million followers.', '30').value, 30);
      assert.deepStrictEqual(figuresOf('It fell 50 to 40 million users.').map((f) => f.text), ['50', '40 million']);
      // A page of results ("1 - 5 of 17") counts nothing, as either number does.
      assert.deepStrictEqual(figuresOf('1 - 5 of 17').map((f) => f.text), []);
    });

    it('a percentage hedged upwards stops at 100%; "974-percent" is a percentage', function () {
      const f = figure('It affected more than 85 percent of users.', 'more than 85 percent');
      assert.deepStrictEqual([f.low, f.high], [85, 100]);
      // A rise is no share: it may pass 100%.
      assert.deepStrictEqual([figure('Attacks rose by more than 90 percent.', 'more than 90 percent').high], [135]);
      assert.deepStrictEqual([figure('Phishing increased more than 100 percent.', 'more than 100 percent').high], [150]);
      const g = figure('The firm found a 974-percent uptick in scams.', '974-percent');
      assert.deepStrictEqual([g.unit, g.value], ['percent', 974]);
    });
  });

  describe('hedges', function () {
    const cases: [sentence: string, text: string, hedge: string, low: number, high: number][] = [
      ['It hit about 53 million customers.', 'about 53 million', 'about', 47.7e6, 58.3e6],
      ['It took approximately 106GB of data.', 'approximately 106GB', 'approximately', 95.4e9, 116.6e9],
      ['It hit around 10,000 users.', 'around 10,000', 'around', 9000, 11000],
      ['It hit roughly 5 million users.', 'roughly 5 million', 'roughly', 4.5e6, 5.5e6],
      ['It hit some 40 million users.', 'some 40 million', 'some', 36e6, 44e6],
      ['It hit an estimated 12,000 users.', 'an estimated 12,000', 'an estimated', 10800, 13200],
      ['It was ~40 million records.', '~40 million', '~', 36e6, 44e6],
      ['It sold for ~1 penny each.', '~1 penny', '~', 0.009, 0.011],
      ['It hit nearly 5 million users.', 'nearly 5 million', 'nearly', 4.5e6, 5e6],
      ['It hit almost 5 million users.', 'almost 5 million', 'almost', 4.5e6, 5e6],
      ['It hit close to 5 million users.', 'close to 5 million', 'close to', 4.5e6, 5e6],
      ['It hit just under 5 million users.', 'just under 5 million', 'just under', 4.5e6, 5e6],
      ['It hit more than 50 million customers.', 'more than 50 million', 'more than', 50e6, 75e6],
      ['It hit over 100 servers.', 'over 100', 'over', 100, 150],
      ['It rose above 10% this year.', 'above 10%', 'above', 10, 15],
      ['It hit at least two lawsuits.', 'at least two', 'at least', 2, 3],
      ['It hit upwards of 2 million users.', 'upwards of 2 million', 'upwards of', 2e6, 3e6],
      ['It stole >50m customer records.', '>50m', '>', 50e6, 75e6],
      ['It stole >= 5 records.', '>= 5', '>=', 5, 7.5],
      ['It cost in excess of $1 million.', 'in excess of $1 million', 'in excess of', 1e6, 1.5e6],
      ['It hit up to 30 million records.', 'up to 30 million', 'up to', 0, 30e6],
      ['It hit as many as 30 million records.', 'as many as 30 million', 'as many as', 0, 30e6],
      ['It hit less than 1% of users.', 'less than 1%', 'less than', 0, 1],
      ['It hit under 100 users.', 'under 100', 'under', 0, 100],
      ['It hit fewer than 100 users.', 'fewer than 100', 'fewer than', 0, 100],
      ['It hit <5 users.', '<5', '<', 0, 5],
      ['It hit no more than 30 users.', 'no more than 30', 'no more than', 0, 30],
      // "No less than" is at least: a floor, not a ceiling.
      ['It uses no less than 126 login pages.', 'no less than 126', 'no less than', 126, 189],
      ['It hit not fewer than 40 firms.', 'not fewer than 40', 'not fewer than', 40, 60],
      ['It hit not more than 30 users.', 'not more than 30', 'not more than', 0, 30],
    ];
    for (const [sentence, text, hedge, low, high] of cases) {
      it(`"${text}" is [${low}, ${high}]`, function () {
        const f = figure(sentence, text);
        assert.strictEqual(f.hedge, hedge);
        assert.ok(Math.abs(f.low - low) <= Math.abs(low) * 1e-9, `low ${f.low} ≠ ${low}`);
        assert.ok(Math.abs(f.high - high) <= Math.abs(high) * 1e-9, `high ${f.high} ≠ ${high}`);
      });
    }

    it('"more than 50 million" agrees with "about 53 million"; exact 667,000 and 766,000 do not', function () {
      const more = figure('It hit more than 50 million customers.', 'more than 50 million');
      const about = figure('It hit about 53 million customers.', 'about 53 million');
      assert.ok(more.low <= about.high && about.low <= more.high);
      const a = figure('It hit 667,000 former customers.', '667,000');
      const b = figure('It hit 766,000 former customers.', '766,000');
      assert.ok(a.high < b.low);
    });

    it('hedges are kept lower-case, and the figure text keeps them as written', function () {
      const f = figure('More than 5 million accounts were hit.', 'More than 5 million');
      assert.strictEqual(f.hedge, 'more than');
      assert.strictEqual(f.text, 'More than 5 million');
    });

    it('"could double" does not hedge the number before it; an exact figure has no hedge', function () {
      const f = figure('It rose to 50 million and could double.', '50 million');
      assert.strictEqual(f.hedge, undefined);
      assert.deepStrictEqual([f.low, f.high], [49.5e6, 50.5e6]);
      assert.deepStrictEqual(figuresOf('It rose to 50 million and could double.').map((x) => x.text), ['50 million']);
    });
  });

  describe('what is measured', function () {
    it('a company\'s money of its trade says what it is: revenue, earnings, valuation, funding; a bounty and fines too', function () {
      // 1,852 real sums had no noun; the cards of Fortinet's quarters said "amount of Fortinet".
      for (const [sentence, fig, noun] of [
        ['It reported a revenue of $483 million.', '$483 million', 'revenue'],
        ['It has more than $1 billion in annual revenue.', 'more than $1 billion', 'revenue'],
        ['It posted $744.14 million in sales.', '$744.14 million', 'revenue'],
        ['It reached a valuation of $2 billion.', '$2 billion', 'valuation'],
        ['It reported earnings of $1.15 per share.', '$1.15', 'earnings'],
        ['It has $50 million in funding.', '$50 million', 'funding'],
        ['They offered a bug bounty of $10 million for the exploit.', '$10 million', 'bounty'],
        ['Firms face fines of up to 50 million yuan.', 'up to 50 million yuan', 'fine'],
      ]) assert.strictEqual(figure(sentence, fig).noun, noun, sentence);
      // A ransom raised, tokens valued: no company's trade (a review found both read as funding and valuation).
      assert.notStrictEqual(figure('The ransom was raised to $10 million.', '$10 million').noun, 'funding');
      assert.notStrictEqual(figure('They made off with tokens valued at $600 million.', '$600 million').noun, 'valuation');
      // Not a ransom or a fine, which their own words name.
      assert.strictEqual(figure('It was fined $5 million in revenue terms.', '$5 million').noun, 'fine');
    });

    it('a line of revenue is a qualifier of it, and "revenue was $X" names the sum', function () {
      // Real cards read "amount" for "Service revenue was $584.7 million" (Fortinet); with the noun alone CrowdStrike's
      // "Subscription revenue was $357 million" would have shared the key of its total revenue ($380.1 million).
      for (const [sentence, fig, qualifiers] of [
        ['Crowdstrike\'s total Q3 revenue was $380.1 million.', '$380.1 million', []],
        ['Subscription revenue was $357 million, a 67% increase.', '$357 million', ['subscription']],
        ['Service revenue was $584.7 million for the fourth quarter.', '$584.7 million', ['service']],
        ['Professional services revenue was $10.3 million for the fourth quarter.', '$10.3 million', ['professional services']],
        ['It reported subscription revenue of $357 million.', '$357 million', ['subscription']],
        ['It has $10 million in annual recurring revenue.', '$10 million', ['recurring']],
        ['Product sales totalled $378.9 million.', '$378.9 million', ['product']],
        ['The fourth-quarter GAAP revenue was $682 million.', '$682 million', []],
        ['Revenues were $2.1 billion.', '$2.1 billion', []],
      ] as const) {
        const f = figure(sentence, fig);
        assert.strictEqual(f.noun, 'revenue', sentence);
        assert.deepStrictEqual(f.qualifiers, [...qualifiers], sentence);
      }
      // A modifier of another money noun is none of revenue's lines.
      assert.deepStrictEqual(figure('It has $50 million in product funding.', '$50 million').qualifiers, []);
      // A copula after another word is not revenue's.
      assert.notStrictEqual(figure('The payment was $5 million.', '$5 million').noun, 'revenue');
      // What was lost of it, a difference, and lines told together are no line of revenue.
      for (const sentence of ['Acme said lost revenue was $30 million after the attack.', 'The hit to revenue was $12 million.', 'Sales were $4 million lower than expected.'])
        assert.notStrictEqual(figure(sentence, sentence.match(/\$\d+ million/)![0]).noun, 'revenue', sentence);
      assert.deepStrictEqual(figure('It reported products and services revenue of $3 billion.', '$3 billion').qualifiers, []);
      assert.deepStrictEqual(figure('It reported cloud services revenue of $61 million.', '$61 million').qualifiers, ['cloud services']);
    });

    it('a sum takes the noun it follows with "of" or the plural it is "in"; a word of how much, a per-share sum and the sums the check weighs do not', function () {
      // An audit of 80 real cards: "payments of almost $500,000", "Q2 bookings of $681 million" read "amount for …".
      for (const [sentence, fig, noun, qualifiers] of [
        ['The group has received many payments of almost $500,000 in exchange for a key.', 'almost $500,000', 'payment', []],
        ['NortonLifeLock reported Q2 bookings of $681 million, up 7%.', '$681 million', 'booking', []],
        ['It offered a salary of $169,029 a year.', '$169,029', 'salary', []],
        ['Google Play paid out $550,000 in rewards to more than 60 researchers.', '$550,000', 'reward', ['total']],
        ['The bill says $200 million in grants will be handed out in 2022.', '$200 million', 'grant', ['total']],
      ] as const) {
        const f = figure(sentence, fig);
        assert.deepStrictEqual([f.noun, f.qualifiers], [noun, qualifiers], sentence);
      }
      // How much, not what: "an average of", "the tune of", "a range of"; a price per share; a hyphened modifier.
      for (const [sentence, fig] of [
        ['Brazilian firms invest less than the global average of $2.7 million a year.', '$2.7 million'],
        ['It was sold for a sum to the tune of $5 million.', '$5 million'],
        ['It posted a net profit of $1.42 a share.', '$1.42'],
        ['F5 shares are up 2% at $208.12 in after-hours trading.', '$208.12'],
        ['It holds $5 million in bitcoin and $3 million in the US.', '$5 million'],
        ['It holds $5 million in bitcoin and $3 million in the US.', '$3 million'],
        // Weighed against other stories, a loss or a fine needs its own rule: a state's "AU$12.6 million in losses" is not the scam's.
        ['Victoria had 563 reports for AU$12.6 million in losses.', 'AU$12.6 million'],
        ['The FBI reported $475 million in losses in the same year.', '$475 million'],
        // A review's finds: a time it is spread over, a form it is paid in, an act done with it, a forecast of it.
        ['Victims lost $4.2 billion in recent years.', '$4.2 billion'],
        ['She paid $2,000 in gift cards to the scammers.', '$2,000'],
        ['It led to the seizure of more than $3.6 billion in cryptocurrency.', 'more than $3.6 billion'],
        ['Revenue beat Wall Street expectations of $671.51 million.', '$671.51 million'],
      ] as const) assert.strictEqual(figure(sentence, fig).noun, undefined, sentence);
      assert.strictEqual(figure('It made a donation of $5 million to the fund.', '$5 million').noun, 'donation');
      // "one million U.S. dollars" is a sum, not a count of dollars of the US.
      assert.strictEqual(figure('They lost in excess of one million U.S. dollars.', 'in excess of one million U.S. dollars').unit, 'usd');
      assert.strictEqual(figure('It cost 5 million US dollars to fix.', '5 million US dollars').unit, 'usd');
      // A single reward is not the total of many.
      assert.notStrictEqual(figure('It paid $135 million in rewards since 1986.', '$135 million').measure, figure('It is offering a $10 million reward.', '$10 million').measure);
    });

    it('what one attack cost its victim is a cost; what an incident or an average attack costs is none; a sum "being stolen" is a theft', function () {
      // Scripps Health's card said "amount"; breach costs are what the check weighs.
      assert.strictEqual(figure('Scripps Health estimated its ransomware attack cost $112.7 million.', '$112.7 million').noun, 'cost');
      assert.strictEqual(figure('The breach has cost the company about $4 million so far.', 'about $4 million').noun, 'cost');
      // Survey figures: "13% had an incident cost more than $1 million"; "the average attack costs".
      assert.notStrictEqual(figure('One in eight had an incident cost more than $1 million.', 'more than $1 million').noun, 'cost');
      assert.notStrictEqual(figure('The average ransomware attack costs $1.85 million.', '$1.85 million').noun, 'cost');
      assert.notStrictEqual(figure('The report found that a data breach costs $4.35 million on average.', '$4.35 million').noun, 'cost');
      assert.strictEqual(figure('The scam has led to at least $1.4 million being stolen from victims.', 'at least $1.4 million').noun, 'theft');
    });

    it('a sum takes the noun of the verb it is the object of: a cost, a price, a ransom or settlement paid, spending, an investment', function () {
      // An audit of 80 real cards found 11 sums shown as "amount": 1,726 of the real corpus's 2,383 sums named nothing.
      for (const [sentence, fig, noun] of [
        ['The SolarWinds hack cost the company $3.5 million.', '$3.5 million', 'cost'],
        ['The outage will end up costing them $9 million.', '$9 million', 'cost'],
        ['The COVIDSafe app has cost AU$9.1 million as of last week.', 'AU$9.1 million', 'cost'],
        ['Threema costs $2.99.', '$2.99', 'price'],
        ['We do know the floodlight will cost $280.', '$280', 'price'],
        ['It followed an attack on JBS, which paid the attackers $11 million to restore access.', '$11 million', 'ransom'],
        ['After seeing Colonial Pipeline pay $4.4 million to ransomware hackers, other gangs followed.', '$4.4 million', 'ransom'],
        ['Equifax agreed to pay $700 million to settle actions by the FTC.', '$700 million', 'settlement'],
        ['Rapid7 announced it will spend $335 million in cash and stock.', '$335 million', 'spending'],
        ['Fortinet said it was investing $75 million in Linksys.', '$75 million', 'investment'],
        ['Google committed $10 billion over the next five years.', '$10 billion', 'commitment'],
        ['Google recently pledged $100 million to open source groups.', '$100 million', 'commitment'],
        ['The gang made over $150 million in the last six months.', 'over $150 million', 'earnings'],
        ['The police have so far seized over AU$31 million of assets.', 'over AU$31 million', 'seizure'],
        ['Right now, the figures show more than $692 million was spent on ransomware payments.', 'more than $692 million', 'spending'],
      ] as const) assert.strictEqual(figure(sentence, fig).noun, noun, sentence);
      // What the check weighs is not named on weak evidence: a survey's or a supposition's cost, a population's or an
      // average payment, a sum someone is paid or offers, a payment of nothing said, a loss (a theft, by its own rules).
      for (const [sentence, fig] of [
        ['An attack which costs one company $10,000 might cost another company $10 million.', '$10,000'],
        ['Insider threats cost organizations $15.4 million every year.', '$15.4 million'],
        ['A typical data breach experienced by companies now costs $4.24 million per incident.', '$4.24 million'],
        ['Victims in Canada paid an average of $5,347,508 in ransoms.', '$5,347,508'],
        ['Acer offered to pay the group $10 million, which was rejected by the hackers.', '$10 million'],
        ['They would be paid $1 million in bitcoin, or 40% of the ransom.', '$1 million'],
        ['Baier will be forced to pay $750,000 over a three-year term.', '$750,000'],
        ['Queenslanders lost AU$8.2 million and made 485 reports.', 'AU$8.2 million'],
      ] as const) assert.strictEqual(figure(sentence, fig).noun, undefined, sentence);
    });

    it('no figure in a time ago, a "100 percent" that means wholly, or a telephone number\'s groups; durations, shares and counts beside them stay', function () {
      // 145 real figures: "Fifteen years ago" was a duration of Windows, "1300 789 978" a count of Westpac's.
      assert.deepStrictEqual(figuresOf('Fifteen years ago we thought of them as script kiddies; the breach lasted two years.').map((f) => f.text), ['two years']);
      assert.deepStrictEqual(figuresOf('Call MensLine Australia on 1300 789 978 or Kids Helpline on 1800 551 800 about the 1300 customers.').map((f) => f.text), ['1300']);
      assert.deepStrictEqual(figuresOf('No one is ever 100 percent safe, and 100% of users were hit.').map((f) => f.text), ['100%']);
      assert.deepStrictEqual(figuresOf('No system is 100% proof against attack, and 100% of users were hit.').map((f) => f.text), ['100%']);
    });

    it('how long something lasted is the article subject\'s only when the sentence names it: a prison term of no one named is no one\'s', function () {
      // 12 of 15 duration cards named the article's subject ("duration for Twitter" for a swatter's five years).
      assert.strictEqual(figure('Binns will now spend five years in prison.', 'five years', 'linkedin').subject, undefined);
      assert.strictEqual(figure(['LinkedIn was breached.', 'The outage lasted 31 hours.'], '31 hours', 'linkedin').subject, undefined);
      assert.strictEqual(figure('LinkedIn was down for 31 hours.', '31 hours', 'linkedin').subject, 'linkedin');
      // A count still falls back to the subject.
      assert.strictEqual(figure('Binns said 5 million customers were hit.', '5 million', 'linkedin').subject, 'linkedin');
    });

    it('a plural that modifies the noun after it is no head: "85 human rights activists", "20 savings accounts"', function () {
      // Nine real figures of NSO's targets counted "rights".
      assert.strictEqual(figure('Pegasus hacked 85 human rights activists.', '85').noun, 'activist');
      assert.strictEqual(figure('They emptied 20 savings accounts.', '20').noun, 'account');
      assert.strictEqual(figure('It restored 21 sports networks.', '21').noun, 'network');
      // Only into a plural noun: "12 games sold out" counts games.
      assert.strictEqual(figure('Its 12 games sold out.', '12').noun, 'game');
    });

    it('"50 million T-Mobile customers": the mention inside the phrase is the subject', function () {
      const f = figure('It hit 50 million T-Mobile customers.', '50 million', 'linkedin');
      assert.strictEqual(f.noun, 'customer');
      assert.strictEqual(f.subject, 't-mobile');
      assert.strictEqual(f.measure, 't-mobile|customer|');
    });

    it('a sum the sentence says was stolen is a theft, and whose it was stolen from; a loss to scams and a converted sum are not', function () {
      const names: Name[] = [['Wormhole', 'wormhole', 'organisation'], ['AscendEX', 'ascendex', 'organisation'], ['Vulcan Forged', 'vulcan forged', 'organisation'], ['Cream Finance', 'cream finance', 'organisation']];
      const theft = (text: string, fig: string) => figuresOf(text, null, names).find((f) => f.text === fig);
      for (const [text, fig, owner] of [
        ['Wormhole confirmed that hackers stole crypto-assets worth $324 million.', '$324 million', 'wormhole'],
        ['Wormhole says funds are safe after the $314M heist.', '$314M', 'wormhole'],
        ['More than $77 million was stolen from AscendEX last week.', 'More than $77 million', 'ascendex'],
        ['Cream Finance has lost over $34 million in cryptocurrency.', 'over $34 million', 'cream finance'],
        ['Days before that, Vulcan Forged [said](https://twitter.com/x) around $140 million had been stolen from their users, and AscendEX agreed.', 'around $140 million', 'vulcan forged'],
        // Stolen, drained, taken, lost to a hacker, hacked, however the story puts it.
        ['The attacker was able to steal nearly $29 million from Cream Finance before being discovered.', 'nearly $29 million', 'cream finance'],
        ['Cream Finance took a hit at the hands of hackers, losing nearly $19 million in an attack this week.', 'nearly $19 million', 'cream finance'],
        ['Wormhole has now returned almost all the $600m in crypto taken.', '$600m', 'wormhole'],
        ['The DeFi platform Wormhole that lost over $600 million to a hacker has received most of the assets back.', 'over $600 million', 'wormhole'],
        ['AscendEX confirmed it had been drained of ~$150 million in cryptocurrency assets.', '~$150 million', 'ascendex'],
        ['AscendEX confirms 483 users hit in an attack that saw over $31m in coins withdrawn.', 'over $31m', 'ascendex'],
        ['The AscendEX CEO responds to complaints after the $31 million hack.', '$31 million', 'ascendex'],
        // The losses a breach caused, totalled, or a sum lost in it or withdrawn by thieves (ZDNet's BitMart story, Threatpost's Schober story).
        ['Losses from AscendEX breach reach $200 million', '$200 million', 'ascendex'],
        ['Losses from the AscendEX crypto exchange breach reached an estimated $200 million.', 'an estimated $200 million', 'ascendex'],
        ['AscendEX released an update on the security breach that [caused about $200 million](https://twitter.com/peckshield/status/1467310381073047552) in losses.', 'about $200 million', 'ascendex'],
        ['AscendEX said a security breach allowed hackers to withdraw $150 million worth of cryptocurrency.', '$150 million', 'ascendex'],
        ['AscendEX is suing them for the nearly $1 million it lost in the heist.', 'nearly $1 million', 'ascendex'],
      ]) {
        const f = theft(text, fig);
        assert.ok(f, `${fig} in ${text}`);
        assert.deepStrictEqual([f!.noun, f!.subject], ['theft', owner], text);
      }
      for (const [text, fig] of [
        ['Australians lost over AU$7 million to remote access scams, Wormhole said.', 'over AU$7 million'],
        ['The attacker got away with 93,750 ETH ($251 million) from Wormhole.', '$251 million'],
        ['Wormhole raised $50 million in funding.', '$50 million'],
        ['Wormhole lost $50 million in revenue to the pandemic.', '$50 million'],
        ['Wormhole said losses from the pandemic reach $50 million.', '$50 million'],
        ['Wormhole said customers can withdraw $50 million worth of cryptocurrency a day.', '$50 million'],
      ]) assert.notStrictEqual(theft(text, fig)?.noun, 'theft', text);
    });

    it('a sum stolen from no one in particular, or the sum of many thefts, is a theft of no one: not the reporting firm\'s, nor the story\'s', function () {
      const names: Name[] = [['Chainalysis', 'chainalysis', 'organisation'], ['Liquid', 'liquid', 'organisation'], ['Wormhole', 'wormhole', 'organisation']];
      const of = (texts: string[], fig: string) => figuresOf(texts, 'chainalysis', names).find((f) => f.text === fig);
      for (const [text, fig] of [
        ['Chainalysis said $2.2 billion in cryptocurrency was stolen from DeFi platforms in 2021.', '$2.2 billion'],
        ['North Korea-affiliated hackers were responsible for $400 million worth of cryptocurrency hacks last year.', '$400 million'],
      ]) {
        const f = of(['Chainalysis published its report.', text], fig);
        assert.deepStrictEqual([f?.noun, f?.subject], ['theft', undefined], text);
      }
      // The name of the place it was stolen from, further on, is whose it was.
      const liquid = of(['Chainalysis notes that $97 million stolen from cryptocurrency wallets managed by the exchange Liquid in August was moved.'], '$97 million');
      assert.deepStrictEqual([liquid?.noun, liquid?.subject], ['theft', 'liquid']);
      // A company that tells of its own loss ("in the platform", "its users") is whose it is; a firm that reports another's is not.
      const poly = figuresOf(['Cream Finance lost $34 million.', 'Earlier this month, DeFi platform [Poly Network said](https://www.zdnet.com/article/hacker-returns-more-than-260-million-after-poly-attack-and-more-words-in-a-long-address-like-the-real-ones/) an attacker exploited a vulnerability in the platform to siphon away roughly $610 million.'], 'cream finance', [...names, ['Poly Network', 'poly network', 'organisation'], ['Cream Finance', 'cream finance', 'organisation']]).find((f) => f.text === 'roughly $610 million');
      assert.strictEqual(poly?.subject, 'poly network');
      assert.strictEqual(figuresOf(['Chainalysis said hackers stole $200M in the attack.'], 'wormhole', names).find((f) => f.text === '$200M')?.subject, 'wormhole');
      assert.strictEqual(figuresOf(['Chainalysis said an attacker exploited a vulnerability in the platform to siphon away roughly $610 million.'], 'wormhole', names).find((f) => f.text === 'roughly $610 million')?.subject, 'wormhole');
      // Stolen from its own wallets is still its theft; from a sector's platforms, no one's.
      assert.strictEqual(figuresOf(['Wormhole said about $150 million was stolen from hot wallets.'], 'wormhole', names).find((f) => f.text === 'about $150 million')?.subject, 'wormhole');
      // One theft stays its victim's.
      assert.strictEqual(of(['Wormhole said $320 million was stolen from Wormhole.'], '$320 million')?.subject, 'wormhole');
    });

    it('a headline\'s figure that says not what it counts counts what the body\'s figures of its value and owner count, when they agree on it', function () {
      const names: Name[] = [['BitMart', 'bitmart', 'organisation']];
      const headlined = (texts: string[]) => {
        const sentences = doc(texts);
        const mentions = mentionsOf(sentences, names).map((m) => (m.sentence === 0 ? { ...m, where: 'title' as const } : m));
        return extractFigures(sentences, mentions, kinds(names), 'bitmart', 1).filter((f) => f.unit !== 'year');
      };
      const [head] = headlined(['Losses from BitMart breach reach $200 million', 'BitMart said hackers stole about $200 million from its hot wallets.']);
      assert.deepStrictEqual([head.text, head.noun, head.measure], ['$200 million', 'theft', 'bitmart|theft|']);
      // Two things of that value in the body: the headline says neither.
      const [two] = headlined(['BitMart breach: $200 million', 'Hackers stole $200 million from BitMart.', 'BitMart once had a $200 million valuation.']);
      assert.strictEqual(two.noun, undefined);
    });

    it('the noun read through what stories write between: listed qualifiers, "past", a joined modifier, "6K+", a leak\'s container', function () {
      const measure = (text: string, fig: string) => figure(text, fig).measure;
      assert.strictEqual(measure('T-Mobile said more than 50 million current, former and prospective customers were hit.', 'more than 50 million'), 't-mobile|customer|current+former+prospective');
      // "past" customers are the former ones: the two outlets' 40 million are one measure.
      assert.strictEqual(measure('The data of 40 million past or prospective T-Mobile customers was stolen.', '40 million'), measure('The data of 40 million former or prospective T-Mobile customers was stolen.', '40 million'));
      assert.strictEqual(measure('It found 3.1 million payment and virtual gift cards.', '3.1 million'), 't-mobile|card|');
      // Two things, not one modified: "staff and offices".
      assert.strictEqual(measure('It has 500 staff and offices in 12 countries.', '500'), 't-mobile|staff|');
      const plus = figure('MFA glitch leads to theft from 6K+ T-Mobile customers.', '6K+');
      assert.deepStrictEqual([plus.measure, plus.hedge, plus.low, plus.high], ['t-mobile|customer|', '+', 6000, 9000]);
      assert.deepStrictEqual(quantities('The 1+1 offer ends.'), ['1']);
      for (const [text, fig] of [['T-Mobile leaked a 125GB torrent.', '125GB'], ['The 128 GB trove was posted.', '128 GB'], ['Hackers stole 106GB of data.', '106GB']]) {
        assert.strictEqual(measure(text, fig), 't-mobile|data|', text);
      }
      assert.strictEqual(measure('The phone has a 128GB drive.', '128GB'), 't-mobile|drive|');
      // A user base counts users; a bounty offered is a reward.
      assert.strictEqual(measure('T-Mobile said the add-ons have a 455,000 user base.', '455,000'), 't-mobile|user|');
      assert.strictEqual(figure('T-Mobile offers a $10 million bounty.', '$10 million').noun, 'reward');
      // An adverb before the head's modifiers, and a word in straight single quotes, are read through.
      assert.strictEqual(measure('The attack compromised the data of 515,000 highly vulnerable people.', '515,000'), 't-mobile|person|');
      assert.strictEqual(measure("The attack compromised the data of 515,000 'highly vulnerable people'.", '515,000'), 't-mobile|person|');
      assert.strictEqual(measure('T-Mobile patched 3,000 recently exposed servers.', '3,000'), 't-mobile|server|');
      assert.strictEqual(figure('T-Mobile loses 5,000 annually to fraud.', '5,000').noun, undefined);
      // Adjectives listed with a comma, a participle among them: "11 voluntary, non-binding norms".
      assert.strictEqual(figure('The UN adopted 11 voluntary, non-binding norms.', '11').noun, 'norm');
      assert.strictEqual(figure('T-Mobile patched 1,000 servers affected by the bug.', '1,000').noun, 'server');
    });

    it('a word that says which kind of thing is counted keeps it apart: zero-day flaws, ransomware attempts; not people it only describes', function () {
      const measure = (text: string, fig: string) => figure(text, fig).measure;
      assert.notStrictEqual(measure('T-Mobile patched two zero-day flaws.', 'two'), measure('T-Mobile patched 35 flaws.', '35'));
      assert.strictEqual(measure('T-Mobile patched two zero-day flaws.', 'two'), 't-mobile|flaw|zero-day');
      assert.notStrictEqual(measure('T-Mobile saw 304.6 million ransomware attempts.', '304.6 million'), measure('T-Mobile saw 5.6 billion malware attempts.', '5.6 billion'));
      assert.strictEqual(measure('T-Mobile fixed 2 critical patches.', '2'), 't-mobile|patch|critical');
      // An acronym in brackets spells the words before it: the head is still read.
      assert.strictEqual(measure('T-Mobile fixed two remote code execution (RCE) bugs.', 'two'), 't-mobile|bug|');
      assert.strictEqual(measure('T-Mobile counts 40 ransomware victims.', '40'), 't-mobile|victim|');
    });

    it('whose figure: not an agency that warns or a firm that notes it, nor who is told it, nor where apps and repositories are published', function () {
      const names: Name[] = [['Fortinet', 'fortinet', 'organisation'], ['CISA', 'cisa', 'organisation'], ['Chainalysis', 'chainalysis', 'organisation'],
        ['McMenamins', 'mcmenamins', 'organisation'], ['Oregon Department of Justice', 'oregon department of justice', 'organisation'],
        ['GitHub', 'github', 'organisation'], ['Android', 'android', 'other'], ['Microsoft', 'microsoft', 'organisation'], ['WordPress', 'wordpress', 'organisation']];
      const owner = (text: string, fig: string, fallback: string) => figuresOf(text, fallback, names).find((f) => f.text === fig)?.subject;
      assert.strictEqual(owner('CISA warned that attackers stole the data of 1,200 customers.', '1,200', 'fortinet'), 'fortinet');
      assert.strictEqual(owner('Chainalysis notes that $97 million was moved.', '$97 million', 'fortinet'), 'fortinet');
      assert.strictEqual(owner('McMenamins told the Oregon Department of Justice that 14,861 people were affected.', '14,861', 'mcmenamins'), 'mcmenamins');
      assert.strictEqual(owner('Researchers found more than 100,000 GitHub repositories whose keys had leaked.', 'more than 100,000', 'fortinet'), 'fortinet');
      assert.strictEqual(owner('The trojan steals from 226 Android applications.', '226', 'fortinet'), 'fortinet');
      // A platform that is the article's subject is not whose sites are counted on it; a currency owns nothing.
      assert.strictEqual(figuresOf('Over a million WordPress sites were breached.', 'wordpress', names).find((f) => f.text === 'Over a million')?.subject, undefined);
      assert.strictEqual(figuresOf('Hackers stole nearly $400 million in Ether last year.', null, [...names, ['Ether', 'ether', 'other']]).find((f) => f.text === 'nearly $400 million')?.subject, undefined);
      // An agency's own count, a platform's own things and a warning to customers stay theirs.
      assert.strictEqual(owner('Microsoft has warned 609 customers.', '609', 'fortinet'), 'microsoft');
      assert.strictEqual(owner('GitHub removed 300 repositories.', '300', 'fortinet'), 'github');
      assert.strictEqual(owner('The breach hit 5,000 GitHub users.', '5,000', 'fortinet'), 'github');
    });

    it('whose figure: not the company its subject merges with or buys', function () {
      const names: Name[] = [['T-Mobile', 't-mobile', 'organisation'], ['Verizon', 'verizon', 'organisation'], ['Sprint', 'sprint', 'organisation'],
        ['McAfee', 'mcafee', 'organisation'], ['FireEye', 'fireeye', 'organisation']];
      const owner = (text: string, fig: string, fallback: string | null) => figuresOf(text, fallback, names).find((f) => f.text === fig)?.subject;
      // Real (ZDNet, "T-Mobile hack: Everything you need to know"), with Sprint known as a company.
      assert.strictEqual(owner('In the US, the company has more than 104 million customers and became the second largest telecommunications company behind Verizon after its $26 billion merger with Sprint in 2018.', 'more than 104 million', 't-mobile'), 't-mobile');
      assert.strictEqual(owner('Before it merged with T-Mobile in 2020, Sprint also disclosed two security breaches in 2019 as well.', 'two', 't-mobile'), 'sprint');
      assert.strictEqual(owner('The enterprise business was merged with FireEye in a $1.2 billion all-cash transaction.', '$1.2 billion', 'mcafee'), 'mcafee');
    });

    it('whose figure: not a name the clause compares its subject with, nor the one a group is behind', function () {
      const names: Name[] = [['T-Mobile', 't-mobile', 'organisation'], ['Verizon', 'verizon', 'organisation'], ['Nobelium', 'nobelium', 'organisation'],
        ['SolarWinds', 'solarwinds', 'organisation'], ['Huawei', 'huawei', 'organisation'], ['SonicWall', 'sonicwall', 'organisation'],
        ['Certus One', 'certus one', 'organisation'], ['Wormhole', 'wormhole', 'organisation'], ['NEW Cooperative', 'new cooperative', 'organisation'],
        ['Crystal Valley', 'crystal valley', 'organisation']];
      const owner = (text: string, fig: string, fallback: string | null) => figuresOf(text, fallback, names).find((f) => f.text === fig)?.subject;
      // Real (ZDNet, "T-Mobile hack: Everything you need to know"): both figures were Verizon's.
      const tmobile = 'In the US, the company has more than 104 million customers and became the second largest telecommunications company behind Verizon after its $26 billion merger with Sprint in 2018.';
      assert.strictEqual(owner(tmobile, 'more than 104 million', 't-mobile'), 't-mobile');
      assert.strictEqual(owner(tmobile, '$26 billion', 't-mobile'), 't-mobile');
      // Real (ZDNet): "the hacking group behind the SolarWinds fiasco" was made the owner of Nobelium's targets (Nobelium,
      // called a group, is no owner here: the article's subject stands in).
      assert.strictEqual(owner('Nobelium, the hacking group behind the SolarWinds fiasco, has targeted at least 140 resellers.', 'at least 140', 'microsoft'), 'microsoft');
      // Real (ZDNet): Certus One, "the company behind Wormhole", offered the $10 million.
      assert.strictEqual(owner('A message from Certus One, the company behind Wormhole, offered $10 million to the hacker.', '$10 million', 'wormhole'), 'certus one');
      // What is written as the compared name's stays its own; an attack's victim keeps its ransom.
      assert.strictEqual(owner('SonicWall ranked sixth, with 3 percent market share, behind Huawei (4 percent).', '4 percent', 'sonicwall'), 'huawei');
      assert.strictEqual(owner('The threat actors behind the NEW Cooperative attack are demanding a $5.9 million ransom.', '$5.9 million', 'crystal valley'), 'new cooperative');
    });

    it('whose figure: not a name after it that belongs to a later count of its own clause or list item', function () {
      const names: Name[] = [['Namecheap', 'namecheap', 'organisation'], ['ParkingCrew', 'parkingcrew', 'organisation'], ['Intel', 'intel', 'organisation'],
        ['Qualcomm', 'qualcomm', 'organisation'], ['Target', 'target', 'organisation'], ['Patch My PC', 'patch my pc', 'organisation'],
        ['SNDGO', 'sndgo', 'organisation'], ['Adobe', 'adobe', 'organisation'], ['Acme Corp', 'acme corp', 'organisation']];
      const owner = (text: string, fig: string, fallback: string | null) => figuresOf(text, fallback, names).find((f) => f.text === fig)?.subject;
      // Real (Threatpost, Cequence Security's advisory): the 1,810 domains were ParkingCrew's.
      assert.strictEqual(owner('Of those 1,810 domains, 440 were mapped to Namecheap and ParkingCrew.', '1,810', 'cequence security'), 'cequence security');
      assert.strictEqual(owner('Of those 1,810 domains, 440 were mapped to Namecheap and ParkingCrew.', '440', 'cequence security'), 'namecheap');
      // Real (Threatpost, BrakTooth): the team's 13 pieces of hardware and 20 CVEs were Intel's.
      const brak = 'The team had analyzed 13 pieces of BT hardware from 11 vendors and came up with a list of 20 CVEs, with four CVE assignments pending from Intel and Qualcomm.';
      assert.strictEqual(owner(brak, '13', 'braktooth'), 'braktooth');
      assert.strictEqual(owner(brak, '11', 'braktooth'), 'braktooth');
      assert.strictEqual(owner('Researchers created 300 fake identities, signing them up on 185 legitimate websites ranging from Target to Fox News.', '300', 'black hat'), 'black hat');
      // A number in the figure's own phrase, a part of it, or a year, is no count of its own.
      assert.strictEqual(owner('Otherwise, 27 out of 28 apps that Patch My PC tracks are up to date.', '27', 'windows'), 'patch my pc');
      assert.strictEqual(owner('Of 26 bugs patched, 13 of which were critical, all were found by Adobe.', '26', 'acrobat'), 'adobe');
      assert.strictEqual(owner('More than 1,000 reports were submitted, of which 496 were valid, SNDGO revealed.', 'More than 1,000', null), 'sndgo');
      assert.strictEqual(owner('The gang stole 10,000 records in 2021, in March, from Acme Corp.', '10,000', null), 'acme');
    });

    it('"N of its customers" are whose the sentence names before them, even one that only notes it, not a product\'s; "X ransomware" is the attacker', function () {
      const names: Name[] = [['Coinbase', 'coinbase', 'organisation'], ['GoDaddy', 'godaddy', 'organisation'], ['WordPress', 'wordpress', 'other'],
        ['Kaseya', 'kaseya', 'organisation'], ['REvil', 'revil', 'organisation'], ['Crypto.com', 'crypto.com', 'organisation']];
      const owner = (text: string, fig: string, fallback: string) => figuresOf(text, fallback, names).find((f) => f.text === fig)?.subject;
      assert.strictEqual(owner('As Coinbase noted when 6,000 of its customers were hit, MFA is not enough.', '6,000', 'crypto.com'), 'coinbase');
      assert.strictEqual(owner('GoDaddy said 1.2 million of its WordPress customers were affected.', '1.2 million', 'crypto.com'), 'godaddy');
      assert.strictEqual(owner('Kaseya said the REvil ransomware that locked up at least 60 of its customers was stopped.', 'at least 60', 'crypto.com'), 'kaseya');
      // Without "its", a speaker is still no owner.
      assert.strictEqual(owner('As Coinbase noted, 6,000 customers were hit.', '6,000', 'crypto.com'), 'crypto.com');
    });

    it('a running count of the year is kept apart from one event\'s: "10 zero-days found so far this year" is not "two zero-days" of an update', function () {
      const measure = (text: string, fig: string) => figure(text, fig).measure;
      assert.strictEqual(measure('T-Mobile now has up to 10 zero-days found so far this year.', 'up to 10'), 't-mobile|zero-day|so-far');
      assert.strictEqual(measure('T-Mobile has patched 12 zero-days since the beginning of 2021.', '12'), 't-mobile|zero-day|so-far');
      assert.strictEqual(measure('T-Mobile patched two zero-days on Monday.', 'two'), 't-mobile|zero-day|');
    });

    it('a place that "saw" or "had" a figure makes it that place\'s share: Florida\'s 111.1 million attempts are not the world\'s 304.6 million', function () {
      const names: Name[] = [['SonicWall', 'sonicwall', 'organisation'], ['Florida', 'florida', 'place'], ['New York', 'new york', 'place']];
      const measure = (text: string, fig: string) => figuresOf(text, 'sonicwall', names).find((f) => f.text === fig)?.measure;
      assert.strictEqual(measure('The hardest hit state was Florida, which saw 111.1 million ransomware attempts.', '111.1 million'), 'sonicwall|attempt|florida+ransomware');
      assert.strictEqual(measure('New York had 26.4 million ransomware attempts.', '26.4 million'), 'sonicwall|attempt|new york+ransomware');
      assert.strictEqual(measure('SonicWall saw 304.6 million ransomware attempts in Florida and elsewhere.', '304.6 million'), 'sonicwall|attempt|ransomware');
    });

    it('a region, a country, a sector or a malware family a report breaks its total down by qualifies that part ("Latin America, with 1,118 attacks weekly")', function () {
      const names: Name[] = [['SonicWall', 'sonicwall', 'organisation'], ['Check Point', 'check point', 'organisation'], ['Latin America', 'latin america', 'place'],
        ['Europe', 'europe', 'place'], ['Africa', 'africa', 'place'], ['India', 'india', 'place'], ['Germany', 'germany', 'place'], ['Canada', 'canada', 'place'],
        ['France', 'france', 'place'], ['United States', 'united states', 'place'], ['Australia', 'australia', 'place'], ['New South Wales', 'new south wales', 'place'],
        ['Costco', 'costco', 'organisation'], ['US', 'united states', 'place'], ['Ryuk', 'ryuk', 'other'], ['Cerber', 'cerber', 'other'], ['Google', 'google', 'organisation']];
      const measure = (text: string, fig: string, owner = 'check point') => figuresOf(text, owner, names).find((f) => f.text === fig)?.measure;
      // A region or country that opens its clause: "X, with N", "with X seeing N", "X experienced …, with an average of N".
      const regions = 'Latin America, with 1,118 attacks weekly, experienced a 38 percent increase; Europe, with 670 attacks weekly, clocked a 68 percent increase.';
      assert.strictEqual(measure(regions, '1,118'), 'check point|attack|latin america');
      assert.strictEqual(measure(regions, '670'), 'check point|attack|europe');
      assert.strictEqual(measure('Africa experienced the highest volume of attacks last year, with an average of 1,582 attacks per organization.', '1,582'), 'check point|attack|africa');
      const countries = 'Malware skyrocketed in India and Germany, with India seeing 147.2 million malware attempts, and Germany seeing 150.4 million malware attempts.';
      assert.strictEqual(measure(countries, '147.2 million', 'sonicwall'), 'sonicwall|attempt|india+malware');
      assert.strictEqual(measure(countries, '150.4 million', 'sonicwall'), 'sonicwall|attempt|germany+malware');
      assert.strictEqual(measure('Most victims were in the US, followed by Canada with 110 victims and France with 103 victims.', '110'), 'check point|victim|canada');
      assert.strictEqual(measure('In the United States with 404 requests, defamation led.', '404', 'google'), 'google|request|united states');
      // The sum a place's count came to is the place's too.
      assert.strictEqual(measure('By state, New South Wales had 860 reports for AU$20.6 million in losses.', 'AU$20.6 million')?.endsWith('|new south wales'), true);
      // A sector: "the X sector, which saw N", "the X industry, with N", "X/Y was the sector that …, with N", "the X industry accounted for N".
      assert.strictEqual(measure('The second most picked-on sector was government/military, which saw 1,136 attacks per week.', '1,136'), 'check point|attack|government/military');
      assert.strictEqual(measure('Next up was the communications industry, with 1,079 attacks weekly per organization.', '1,079'), 'check point|attack|communications industry');
      assert.strictEqual(measure('Education/research was the sector that experienced the most attacks in 2021, with an average of 1,605 attacks per week.', '1,605'), 'check point|attack|education/research');
      assert.strictEqual(measure('The tech industry accounted for 50% of all attacks.', '50%')?.endsWith('|attack|tech industry'), true);
      // A sector that does not open its clause, or a place listed after another, is no breakdown.
      assert.strictEqual(measure('Costco, the largest player in the retail industry with 1,200 stores, was hit.', '1,200', 'costco'), 'costco|store|');
      assert.strictEqual(measure('Costco operates in Germany and France, with 4,500 employees across Europe.', '4,500', 'costco'), 'costco|employee|');
      // A malware family that accounts for a part of the report's count.
      assert.strictEqual(measure('Ryuk alone accounted for 93.9 million attempts.', '93.9 million', 'sonicwall'), 'sonicwall|attempt|ryuk');
      assert.strictEqual(measure('Researchers also saw Cerber used in 52.5 million attacks.', '52.5 million', 'sonicwall'), 'sonicwall|attack|cerber');
      // Not a breakdown: the total itself, a place that does not open its clause ("fourth largest in the US, with 810
      // stores"), a place after the figure ("in X" is where the owner is), a family that is not the clause's subject.
      assert.strictEqual(measure('Check Point saw an average of 925 attacks per organization every week in Europe.', '925'), 'check point|attack|');
      assert.strictEqual(measure('Costco is the fourth largest retailer in the US, with 810 stores worldwide.', '810', 'costco'), 'costco|store|');
      assert.strictEqual(measure('SonicWall recorded 304.7 million ransomware attacks, with Ryuk the most common.', '304.7 million', 'sonicwall'), 'sonicwall|attack|ransomware');
      assert.strictEqual(measure('Google received 9,627 requests from the United States.', '9,627', 'google'), 'google|request|');
      assert.strictEqual(measure('The sector saw 925 attacks, with 50 attacks in Europe.', '50')?.endsWith('|attack|'), true);
    });

    it('"N instances of Ryuk" are the family\'s part of a report\'s count, not the report\'s instances of everything', function () {
      const names: Name[] = [['SonicWall', 'sonicwall', 'organisation'], ['Ryuk', 'ryuk', 'other'], ['Europe', 'europe', 'place']];
      const measure = (text: string, fig: string) => figuresOf(text, 'sonicwall', names).find((f) => f.text === fig)?.measure;
      assert.strictEqual(measure('SonicWall researchers recorded 93.9 million instances of Ryuk in the first half.', '93.9 million'), 'sonicwall|instance|ryuk');
      // Not of a place, nor without a name after "of".
      assert.strictEqual(measure('SonicWall recorded 10.5 billion instances of malware.', '10.5 billion'), 'sonicwall|instance|');
      assert.strictEqual(measure('SonicWall recorded 5 million attacks of Europe.', '5 million'), 'sonicwall|attack|');
    });

    it('"just over" 40 million is a little over, not up to half as much again as "more than" is', function () {
      const just = figure('It hit just over 40 million customers.', 'just over 40 million');
      assert.deepStrictEqual([just.low, just.high], [40_000_000, 44_000_000]);
      const more = figure('It hit more than 40 million customers.', 'more than 40 million');
      assert.deepStrictEqual([more.low, more.high], [40_000_000, 60_000_000]);
      assert.deepStrictEqual([figure('It hit slightly more than 40 million customers.', 'slightly more than 40 million').high], [44_000_000]);
    });

    it('a sum demanded as a ransom is the ransom, a sum fined the fine, however the sentence says it; a sum demanded in a story of no ransom is not', function () {
      const names: Name[] = [['Kaseya', 'kaseya', 'organisation'], ['REvil', 'revil', 'organisation']];
      const noun = (texts: string[], fig: string) => figuresOf(texts, 'kaseya', names).find((f) => f.text === fig)?.noun;
      for (const [text, fig] of [
        ['It is not clear whether Kaseya paid the ransom demand of $70 million.', '$70 million'],
        ['The REvil gang demanded $70 million for a universal decryption key.', '$70 million'],
        ['The gang demanded $50 million as ransom.', '$50 million'],
        ['The food business was hit with a $40 million ransom demand.', '$40 million'],
        ['Kaseya paid $5 million in ransom.', '$5 million'],
      ]) assert.strictEqual(noun([text], fig), 'ransom', text);
      assert.strictEqual(noun(['The regulator demanded $5 million from the bank.'], '$5 million'), undefined);
      // A sum fined is the fine, however the sentence says it.
      assert.strictEqual(noun(['Kaseya was fined $70 million in July.'], '$70 million'), 'fine');
      assert.strictEqual(noun(['Kaseya faces a civil penalty of $5 million.'], '$5 million'), 'fine');
      assert.strictEqual(noun(['Kaseya refined $5 million of oil.'], '$5 million'), undefined);
      assert.strictEqual(noun(['Kaseya paid $5 million for the firm.'], '$5 million'), undefined);
    });

    it('what a gang made from its victims together is its own; a ransom it demands or is paid stays the victim\'s', function () {
      const names: Name[] = [['Kaseya', 'kaseya', 'organisation'], ['Conti', 'conti', 'organisation'], ['Ryuk', 'ryuk', 'other'], ['BazaCall', 'bazacall', 'organisation'],
        ['Chainalysis', 'chainalysis', 'organisation'], ['Colonial Pipeline', 'colonial pipeline', 'organisation']];
      const owner = (text: string, fig: string) => figuresOf(text, 'kaseya', names).find((f) => f.text === fig)?.subject;
      // Real: "Conti made over $150 million in the last six months" was KP Snacks', Shutterfly's and Log4j's (their articles' subjects).
      assert.strictEqual(owner('A search of ransomware logs shows the Conti gang made over $150 million in the last six months.', 'over $150 million'), 'conti');
      assert.strictEqual(owner('The Chainalysis report says the Conti ransomware group alone brought in $180 million in 2021 from ransoms.', '$180 million'), 'conti');
      // Demanded, or received from a victim named: the victim's.
      assert.strictEqual(owner('The Conti gang demanded $5 million from Kaseya.', '$5 million'), 'kaseya');
      assert.strictEqual(owner('The Conti gang received $4.4 million from Colonial Pipeline.', '$4.4 million'), 'colonial pipeline');
      // Not the gang named earlier when another name stands between (Ryuk, a thing here, owns nothing: the article's
      // subject stands in, as before the rule); nor one that acted on the name before it; nor one given as an example.
      assert.strictEqual(owner('The BazaCall gang deploys the Ryuk ransomware, which has made about $150 million from its attacks.', 'about $150 million'), 'kaseya');
      assert.strictEqual(owner('Acme Corp, hit by the Conti gang, made $5 million in sales last quarter.', '$5 million'), 'kaseya');
      assert.strictEqual(owner('Groups like the Conti gang made more than $180 million last year.', 'more than $180 million'), 'kaseya');
      // "made a $5 million ransom demand" is a demand, the victim's; money made from one victim named after it, the victim's.
      assert.strictEqual(owner('The Conti gang made a $5 million ransom demand to Colonial Pipeline.', '$5 million'), 'colonial pipeline');
      assert.strictEqual(owner('The Conti gang made $2.5 million from the attack on Colonial Pipeline.', '$2.5 million'), 'colonial pipeline');
      // "from" and a capital that names no organisation: still the gang's.
      assert.strictEqual(owner('The Conti gang made $91 million from January to June.', '$91 million'), 'conti');
    });

    it('a clause someone reports about one person is the person\'s: "The DOJ claimed Vachon-Desjardins managed to make $27.6 million"', function () {
      const names: Name[] = [['DOJ', 'department of justice', 'organisation'], ['Sebastien Vachon-Desjardins', 'sebastien vachon-desjardins', 'person'],
        ['Duane Evans', 'duane evans', 'person'], ['Defiore', 'stephen defiore', 'person'], ['Marc Baier', 'marc baier', 'person'],
        ['Ryan Adams', 'ryan adams', 'person'], ['Troy Hunt', 'troy hunt', 'person'], ['FlexBooker', 'flexbooker', 'organisation'],
        ['Acme Corp', 'acme corp', 'organisation'], ['Kaseya', 'kaseya', 'organisation']];
      const owner = (text: string, fig: string) => figuresOf(text, 'department of justice', names).find((f) => f.text === fig)?.subject;
      // Real: both articles' "about $27.6 million" were the DOJ's earnings, and linked to another man's "$2.2 million" the DOJ reported.
      assert.strictEqual(owner('The DOJ claimed Sebastien Vachon-Desjardins managed to make about $27.6 million through several ransomware attacks.', 'about $27.6 million'), 'sebastien vachon-desjardins');
      assert.strictEqual(owner('The DOJ also said that Sebastien Vachon-Desjardins made about $27.6 million.', 'about $27.6 million'), 'sebastien vachon-desjardins');
      assert.strictEqual(owner('US Attorney Duane Evans said that Defiore was sentenced on October 19 and will serve three months probation.', 'three months'), 'stephen defiore');
      // An organisation the clause names owns what it counts, as before; a list of people, a person's thing, a speaker's own
      // words, or how long something lasted, are not the person's.
      assert.strictEqual(owner('The DOJ claimed Sebastien Vachon-Desjardins stole 10,000 records from Acme Corp.', '10,000'), 'acme');
      assert.strictEqual(owner('The DOJ said Marc Baier, Ryan Adams and others will pay a total of $1,685,000.', '$1,685,000'), 'department of justice');
      assert.strictEqual(owner('FlexBooker confirmed Troy Hunt\'s report that 3.7 million accounts were affected.', '3.7 million'), 'flexbooker');
      assert.strictEqual(owner('Sebastien Vachon-Desjardins said 10,000 customers of Kaseya were hit.', '10,000'), 'kaseya');
      assert.strictEqual(owner('The DOJ said Sebastien Vachon-Desjardins was sentenced to seven years.', 'seven years'), undefined);
    });

    it('a sum a person gains, steals, forfeits or pays is the person\'s, not the prosecutor\'s nor the article\'s subject\'s', function () {
      const names: Name[] = [['DOJ', 'department of justice', 'organisation'], ['DDW', 'deepdotweb', 'organisation'], ['Apple', 'apple', 'organisation'],
        ['Baier', 'marc baier', 'person'], ['Adams', 'ryan adams', 'person'], ['Gericke', 'daniel gericke', 'person'], ['Brown', 'fredrick brown', 'person'],
        ['Orlando Garcia', 'orlando garcia', 'person'], ['Prihar', 'tal prihar', 'person'], ['Dracos', 'chris dracos', 'person'], ['Tim Cook', 'tim cook', 'person'],
        ['Akhabue Onoimoimilin', 'akhabue onoimoimilin', 'person'], ['Asan', 'asan', 'person']];
      const owner = (text: string, fig: string) => figuresOf(text, 'department of justice', names).find((f) => f.text === fig)?.subject;
      // Real: the three men's sums were the DOJ's in one article and DarkMatter's in another.
      const three = 'Baier will be forced to pay $750,000, Adams will pay $600,000, and Gericke will pay $335,000 over a three-year term.';
      assert.strictEqual(owner(three, '$750,000'), 'marc baier');
      assert.strictEqual(owner(three, '$600,000'), 'ryan adams');
      assert.strictEqual(owner(three, '$335,000'), 'daniel gericke');
      assert.strictEqual(owner('In addition to 151 months of prison time, Chief Judge Orlando Garcia ordered Brown to pay $2.3 million in restitution.', '$2.3 million'), 'fredrick brown');
      assert.strictEqual(owner('In addition to his prison sentence, Brown was ordered to pay $2,331,639.85 in restitution.', '$2,331,639.85'), 'fredrick brown');
      assert.strictEqual(owner('In April 2021, Prihar pleaded guilty to his role in DDW and agreed to forfeit $8,414,173.', '$8,414,173'), 'tal prihar');
      assert.strictEqual(owner('Dracos was given a $150,000 fine and the other three were given $50,000 fines.', '$150,000'), 'chris dracos');
      assert.strictEqual(owner('Akhabue Onoimoimilin netted over $2.2 million by scamming his targets.', 'over $2.2 million'), 'akhabue onoimoimilin');
      assert.strictEqual(figuresOf('Heck, $40 million is only 15% of Tim Cook\'s $265 million 2020 compensation package.', 'apple', names).find((f) => f.text === '$265 million')?.subject, 'tim cook');
      // Not a list of people, who pay the total together; not a surname the article gave no full name of (two people
      // share it across articles); not one after a preposition; not a demand made, nor a sum the person is paid.
      assert.strictEqual(owner('Baier, Adams and Gericke will pay a total of $1,685,000.', '$1,685,000'), 'department of justice');
      assert.strictEqual(owner('Asan will forfeit $184,723 and pay restitution.', '$184,723'), 'department of justice');
      assert.strictEqual(owner('The victims of Brown paid $5,000 each.', '$5,000'), 'department of justice');
      assert.strictEqual(owner('Brown made a $5 million ransom demand.', '$5 million'), 'department of justice');
      assert.strictEqual(owner('Baier paid Brown $3,000 per month.', '$3,000'), 'department of justice');
      // A clause with a subject of its own after "and" is not the person's.
      assert.strictEqual(owner('Brown pleaded guilty and the DOJ will pay $9,000 to the victims.', '$9,000'), 'department of justice');
    });

    it('a sum a person named in full pays is keyed by the full name the article gives, so two articles of the person link', function () {
      const text = article({ title: 'Former NSA hackers fined', body: 'The Department of Justice fined Marc Baier on Tuesday. Baier will be forced to pay $750,000 over a three-year term.' });
      const f = extractFacts('file:///ws/a.txt', text, parse(text).article).figures.find((x) => x.text === '$750,000');
      assert.strictEqual(f?.subject, 'marc baier');
    });

    it('a sentence where the article\'s subject speaks is its own: the sentence before\'s subject does not carry over it', function () {
      const names: Name[] = [['Pen Test Partners', 'pen test partners', 'organisation'], ['Sky', 'sky broadband', 'organisation']];
      const owner = (texts: string[], fig: string) => figuresOf(texts, 'sky broadband', names).find((f) => f.text === fig)?.subject;
      // Real: Sky's routers were Pen Test Partners', the firm the sentence before opened with.
      assert.strictEqual(owner(['Pen Test Partners tested the routers in May.', 'On Oct. 22, Sky told the security firm that 99 percent of the vulnerable routers had been fixed.'], '99 percent'), 'sky broadband');
      // A sentence that names no organisation still continues the one before.
      assert.strictEqual(owner(['Pen Test Partners tested the routers in May.', 'It said 99 percent of the vulnerable routers had been fixed.'], '99 percent'), 'pen test partners');
    });

    it('a name the article does not know for an organisation, called a gang or its operators, owns what it made', function () {
      const names: Name[] = [['Chainalysis', 'chainalysis', 'organisation'], ['Conti', 'conti', 'other'], ['GandCrab', 'gandcrab', 'other'], ['Kaseya', 'kaseya', 'organisation']];
      const owner = (text: string, fig: string) => figuresOf(text, 'kaseya', names).find((f) => f.text === fig)?.subject;
      // Real: Conti, of kind other in its article, left "$180 million" to Chainalysis, the report's author; GandCrab's to Kaseya.
      assert.strictEqual(owner('The Chainalysis report says the Conti ransomware group alone brought in $180 million in 2021 from ransoms.', '$180 million'), 'conti');
      assert.strictEqual(owner('In 2019, GandCrab’s operators threw in the towel after claiming that they’d raked in nearly $2 billion in a little over a year.', 'nearly $2 billion'), 'gandcrab');
      // A ransom it demands stays its victim's.
      assert.strictEqual(owner('The Conti ransomware group demanded $5 million from Kaseya.', '$5 million'), 'kaseya');
    });

    it('a platform something was said or done on owns none of its figures: "took to Twitter to beg hackers to return $80 million"', function () {
      const names: Name[] = [['Qubit Finance', 'qubit finance', 'organisation'], ['Twitter', 'twitter', 'organisation'], ['Discord', 'discord', 'organisation']];
      const owner = (text: string, fig: string) => figuresOf(text, null, names).find((f) => f.text === fig)?.subject;
      assert.strictEqual(owner('Qubit Finance took to Twitter to beg hackers to return more than $80 million in stolen funds.', 'more than $80 million'), 'qubit finance');
      // Its own things stay its.
      assert.strictEqual(owner('Researchers found 9,500 malicious URLs on Discord’s CDN in April.', '9,500'), 'discord');
    });

    it('a sum of money is never the article\'s threat actor\'s, also where the sentence names it bare: "LockBit … demanded $50 million"', function () {
      const names: Name[] = [['Accenture', 'accenture', 'organisation'], ['LockBit', 'lockbit', 'organisation'], ['Cyble', 'cyble', 'organisation']];
      const figs = figuresOf(['Accenture confirmed that the LockBit ransomware gang hit its systems.', 'Cyble said that LockBit claimed to have made off with 6TB of data and that it demanded $50 million as ransom.'], 'accenture', names);
      assert.strictEqual(figs.find((f) => f.text === '$50 million')?.subject, 'accenture');
      // Without the gang named as one anywhere, the name stays a possible owner.
      const plain = figuresOf(['Accenture confirmed the attack on its systems.', 'Cyble said that LockBit claimed to have made off with 6TB of data and that it demanded $50 million as ransom.'], 'accenture', names);
      assert.strictEqual(plain.find((f) => f.text === '$50 million')?.subject, 'lockbit');
    });

    it('"two factor authentication", "2 step verification" name a method, not a count', function () {
      assert.deepStrictEqual(figuresOf('GitHub will use that as the primary two factor authentication channel.').map((f) => f.text), []);
      assert.deepStrictEqual(figuresOf('It enabled 2 step verification for 5 million users.').map((f) => f.text), ['5 million']);
      assert.deepStrictEqual(figuresOf('The attack hit two factories.').map((f) => f.text), ['two']);
    });

    it('labels, pages of results, ratios and related-story headlines count nothing', function () {
      // Nor do ratio terms, or a related story's headline in a list of links.
      const texts = ['As shown in Figure 3, it spreads.', '1 - 5 of 18 results.', 'Step 2 is to patch.', 'One in four users reused it.',
        '* [Verizon breach hits 9 million customers](https://example.com/older-story)', 'It hit 3 of the 4 servers.',
        // Grades and layers are labels too.
        'It reported a single category 1 incident.', 'It sits in a layer 2 segment.'];
      assert.deepStrictEqual(figuresOf(texts).map((f) => f.text), ['3', '4']);
    });

    it('digits after the point that count nothing named are a version, a ratio or a score, not a count; a scaled or named fraction counts', function () {
      const texts = ['The flaw affects Log4j versions up to and including 2.16, and TLS 1.0 is off.', 'Teams were 1.4 times more likely to ship.',
        'It had an average rank of 6.33.', 'It lost 4.14 million in USD Coin and 2.5 million records.', 'It averaged 2.5 incidents a week.'];
      assert.deepStrictEqual(figuresOf(texts).map((f) => f.text), ['4.14 million', '2.5 million', '2.5']);
    });

    it('a section of a code ("§ 17200", "§§ 1798.100") and a scraped style sheet\'s widths and colours count nothing', function () {
      const texts = ['It cites Business and Professions Code § 17200 and Cal. Civ. Code §§ 1798.100 et seq. in its claim.', 'It cites §501.171 of the statute.',
        '.desc > *:first-child { float: right; width: 100%; margin-left: -5px; }', 'top: -2em; left: 100%; width: 10em; background-size: 100% 100%;',
        'background: -moz-linear-gradient(to right, rgba(255, 255, 255, .2), rgb(238,238,238) 80%); background: linear-gradient(to right, rgb(238,238,238) 80%);',
        // A colour alone: "238,238,238" is no 238 million, nor any part of "rgba(255, 255, 255, .2)".
        'Its pages set the text in rgb(238,238,238) that year, on rgba(255, 255, 255, .2) at most.',
        // Prose with a colon and a semicolon is no style sheet, nor are labelled lists.
        'The tally: 968 victims in the U.S.; Canada had 110 victims.',
        'Affected: 1.2 million customers; exposed: names and emails of 300,000 employees.'];
      assert.deepStrictEqual(figuresOf(texts).map((f) => f.text), ['968', '110', '1.2 million', '300,000']);
    });

    it('a file\'s name ("Copies 360.tct", "Deletes 1.rar") counts nothing', function () {
      const texts = ['* Copies 360.tct with “360.dll” name, rundll3222.exe and svchost.txt', '* Deletes 1.rar and 7zz.exe and exits the process.',
        'The same batch file, ‘12.bat’, was run on 40 hosts.', 'The pass – 123.txt, a text document, listed 6 accounts.',
        // A sentence glued to the next by a scrape is no file.
        'It hit 500.The company said so.'];
      assert.deepStrictEqual(figuresOf(texts).map((f) => f.text), ['40', '6', '500']);
    });

    it('a citation of a law ("815 ILCS § 530/45", "23 NYCRR 500", "§ 1798.130(5)", "H.B. 15, Chap. 36") counts nothing', function () {
      const texts = ['It cites 815 ILCS § 530/45 and 23 NYCRR 500 in the complaint.', 'It cites 18 U.S.C. § 1030 and 24 OK Stat § 24-163 there.',
        'It cites 10 L.P.R.A. § 4051 and 73 P.S. §§201-1 – 201-9.2 there.', 'It cites Cal. Civ. Code §§ 1798.130(5), 1798.135(a)(2)(A) and Fla. Stat. §§ 501.171(3)-(6) too.',
        'It cites Del. Code tit. 6 § 205C and H.B. 15, Chap. 36, Section 6 and H.R. 3907 as well.',
        // A sum beside a cited article stays one, and so does a count before a law's words without a "§".
        'The firm was fined under Article 83 of the GDPR for €20 million.', 'It hit 20 ILCS staff.'];
      assert.deepStrictEqual(figuresOf(texts).map((f) => f.text), ['€20 million', '20']);
    });

    it('a number after a name\'s possessive, a name going on, is the name\'s ("Microsoft\'s 365 Defender Research Team")', function () {
      const texts = ["Microsoft's 365 Defender Research Team noted it.", 'It hit email platforms including Microsoft’s 365 and Exchange.',
        // A count after a possessive counts: its noun is no name.
        'Many of Sinclair’s 294 television stations went dark.', "It's 5 Things you should know."];
      assert.deepStrictEqual(figuresOf(texts).map((f) => f.text), ['294', '5']);
    });

    const phrases: [sentence: string, text: string, noun: string | undefined, qualifiers: string[]][] = [
      ['It hit 667,000 former customers.', '667,000', 'customer', ['former']],
      ['It hit 902,000 prepaid customers.', '902,000', 'customer', ['prepaid']],
      ['It hit 850,000 active T-Mobile prepaid customers.', '850,000', 'customer', ['prepaid']],
      ['It hit 40 million former or prospective customers.', '40 million', 'customer', ['former', 'prospective']],
      ['It hit more than 13 million current customers.', 'more than 13 million', 'customer', ['current']],
      ['It hit 7.8 million customers.', '7.8 million', 'customer', []],
      ['It hit 100 million customer records.', '100 million', 'record', []],
      ['It hit 30 million records.', '30 million', 'record', []],
      ['It hit 5 million postpaid and prepaid users.', '5 million', 'user', ['postpaid', 'prepaid']],
      ['It hit 2 million inactive accounts.', '2 million', 'account', ['inactive']],
      ['It hit 300 companies.', '300', 'company', []],
      ['It hit 300 email addresses.', '300', 'address', []],
      ['It hit 300 businesses.', '300', 'business', []],
      ['I found nearly 8,000 VMs in the cloud.', 'nearly 8,000', 'vm', []],
      ['It hit 10,000 US customers.', '10,000', 'customer', ['us']],
      ['It has affected a total of more than 50 million customers at this point.', 'more than 50 million', 'customer', []],
      ['The price was $280,000 in all.', '$280,000', undefined, []],
      ['It hit 57% of customers.', '57%', 'customer', []],
      ['They took 106GB of data.', '106GB', 'data', []],
      ['He explored more than 100 of the company’s servers.', 'more than 100', 'server', []],
      ['More than 5 million "current postpaid customer accounts" were hit.', 'More than 5 million', 'account', ['current', 'postpaid']],
      ['T-Mobile said another 667,000 accounts of former T- Mobile customers were hit.', '667,000', 'customer', ['former']],
      ['The names of 52,000 people with Metro by T-Mobile accounts may also have been accessed.', '52,000', 'person', ['metro']],
      ['It offers two years of free protection.', 'two years', undefined, []],
      ['He sold 30 million records for ~1 penny each.', '30 million', 'record', []],
      ['He will sell the other 50 million privately.', '50 million', undefined, []],
      // A participle after the noun ends the phrase: the IPs are counted, not "using".
      ['There were about 100,000 IPs using the same certificate.', 'about 100,000', 'ip', []],
      ['It hit 3,000 servers running Windows.', '3,000', 'server', []],
      ['It hit 2 million existing customers.', '2 million', 'customer', ['existing']],
      // Names joined by a slash stand inside the phrase; the head is the common noun after them.
      ['Europol arrested seven suspected REvil/GandCrab ransomware affiliates.', 'seven', 'affiliate', []],
      // A camel-case name is never the counted thing.
      ['They named seven suspected LockBit members.', 'seven', 'member', []],
      ['Europol arrested seven suspected REvil operators and two others.', 'seven', 'operator', []],
      // A growth rate counts nothing: "year over year" is no noun.
      ['Ransomware attacks increased 64 percent year over year.', '64 percent', undefined, []],
      ['Attacks rose 29% year-over-year.', '29%', undefined, []],
      ['Attacks rose 12% month on month.', '12%', undefined, []],
      // Plural acronyms are still nouns.
      ['It infected 2 million PCs in Europe.', '2 million', 'pc', []],
    ];
    for (const [sentence, text, noun, qualifiers] of phrases) {
      it(`${JSON.stringify(sentence)}: ${noun ?? 'no noun'}${qualifiers.length ? ` (${qualifiers.join(', ')})` : ''}`, function () {
        const f = figure(sentence, text);
        assert.strictEqual(f.noun, noun);
        assert.deepStrictEqual(f.qualifiers, qualifiers);
        assert.strictEqual(f.measure, measureKey(f.subject, noun, qualifiers));
      });
    }

    it('"52,000 people with Metro by T-Mobile accounts": a person, qualified as Metro, of T-Mobile', function () {
      const f = figure('The names of 52,000 people with Metro by T-Mobile accounts may also have been accessed.', '52,000', 'linkedin');
      assert.strictEqual(f.measure, 't-mobile|person|metro');
    });

    it('"700 million users’ data" in a sentence about LinkedIn: a LinkedIn user', function () {
      const sentence = 'It’s outdone by the [LinkedIn breach](https://threatpost.com/data-700m-linkedin-users-cyber-underground/167362/) in June, in which 700 million users’ data was posted for sale.';
      const all = figuresOf(sentence);
      assert.deepStrictEqual(all.map((f) => f.text), ['700 million']);
      assert.strictEqual(all[0].measure, 'linkedin|user|');
    });

    it('a list item led by a name in bold is about the first organisation it names; a label in bold ("Also:") names no one', function () {
      const lead = (t: string, fallback: string | null = 't-mobile') => figuresOf(t, fallback)[0].subject;
      // Two names the extractors did not find are no key of one owner ("volkswagen, audi" was one).
      assert.notStrictEqual(lead('* **Volkswagen, Audi:** The automakers disclosed a breach of over 3.3 million customers.'), 'volkswagen, audi');
      assert.strictEqual(figuresOf('* **Volkswagen, Audi:** The automakers disclosed a breach of over 3.3 million customers.', 't-mobile',
        [...NAMES, ['Volkswagen', 'volkswagen', 'organisation']])[0].subject, 'volkswagen');
      assert.strictEqual(lead('* **Omiai**: The Japanese dating app said 1.7 million users were affected.'), 'omiai');
      assert.strictEqual(lead('* **JBS USA:** The meat processor chose to pay an $11 million ransom.'), 'jbs usa');
      assert.strictEqual(lead('**Also:** [Threats grow more than 314% through 2021](https://example.com/a)', null), undefined);
      assert.notStrictEqual(lead('**2018:** 2.3 million subscribers’ data was exposed.'), '2018');
    });

    it('a number inside a name is part of it: "Intel 471 observed 30 attacks" has one figure', function () {
      assert.deepStrictEqual(figuresOf('Intel 471 observed 30 attacks.', 't-mobile', [...NAMES, ['Intel 471', 'intel 471', 'organisation']]).map((f) => f.text), ['30']);
    });

    describe('a name that opens on a number is no count, by how the article writes it', function () {
      const texts = (t: string[]) => figuresOf(t).filter((f) => f.unit !== 'year').map((f) => f.text);

      it('an acronym the article writes again after the same number: "888 RAT" (threatpost, BladeHawk)', function () {
        assert.deepStrictEqual(texts([
          'The campaign disguises the 888 RAT in Android apps, researchers said.',
          'It appears that 888 RAT is currently the main payload of 12 apps.',
        ]), ['12']);
      });

      it('a plural-looking name written three times: "42 Gears" (zdnet)', function () {
        assert.deepStrictEqual(texts([
          'Flaws were found in the SureMDM solution sold by 42 Gears, prompting updates.',
          '42 Gears released updates in November.',
          '"42 Gears is used widely enough," it said of 3 flaws.',
        ]), ['3']);
      });

      it('a singular word that ends the phrase: "the 340 Cipher," and "by 360 Netlab" behind a link', function () {
        assert.deepStrictEqual(texts(['But the second, the 340 Cipher, named after its 340 characters, was harder.']), ['340']);
        assert.deepStrictEqual(texts(['Mozi was found [by 360 Netlab](https://blog.netlab.360.com/mozi/), and has grown.']), []);
      });

      it('real counts stay: a plural noun after the name, a unit with other numbers, a count restated once, "and" joining words', function () {
        assert.deepStrictEqual(texts(['It laid off 500 Apple employees.', 'The 500 Apple employees were told.']), ['500', '500']);
        assert.deepStrictEqual(texts(['Agents numbering 100 FBI agents raided it.', 'The 100 FBI agents left.']), ['100', '100']);
        assert.deepStrictEqual(texts(['They sent 20 ETH to one victim and 13 ETH to another.', 'The 20 ETH was returned.']), ['20', '13', '20']);
        assert.deepStrictEqual(texts(['Microsoft fixed 66 CVEs, it said.', 'The 66 CVEs include one zero-day.']), ['66', '66']);
        assert.deepStrictEqual(texts(['It attacked 250 Israeli and US organizations.']), ['250']);
        assert.deepStrictEqual(texts(['Russia is sending 12 Su-35 fighters.']), ['12']);
      });
    });

    it('a participle right after a figure says what some do, not what they are ("36% saying", "55 days recovering")', function () {
      assert.strictEqual(figure('The survey found 36% saying they faced downtime.', '36%').noun, undefined);
      assert.strictEqual(figure('It spent 55 days recovering from the attack.', '55 days').noun, undefined);
      // A capital before a name starts the name, not the noun: "the $110 Air Jordan Retro sneakers" counts no air.
      const jordan: Name[] = [...NAMES, ['Jordan Retro', 'jordan retro', 'other']];
      const item = (t: string) => figuresOf(t, 't-mobile', jordan).find((f) => f.text === '$110')!;
      assert.strictEqual(item('The most popular item were the $110 Air Jordan Retro 1 High OG sneakers, resold for more.').noun, undefined);
      assert.strictEqual(item('The most popular item were the $110 Air Jordan Retro sneakers, resold for more.').noun, 'sneaker');
      // A participle before the noun qualifies it; a mass noun in -ing is a noun.
      assert.strictEqual(figure('It has 10,000 existing customers.', '10,000').noun, 'customer');
      assert.strictEqual(figure('It got $5 million funding.', '$5 million').noun, 'funding');
    });

    it('an adjective, a verb or an irregular participle is never the noun (each was one in the real corpus)', function () {
      // An adjective before a participle: the phrase reads on to its head.
      assert.strictEqual(figure('Researchers examined 151 popular connected gifts.', '151').noun, 'gift');
      assert.strictEqual(figure('It is targeted by over 700 social engineering attacks each year.', 'over 700').noun, 'attack');
      assert.strictEqual(figure('The 5.5 billion known compromised email addresses are online.', '5.5 billion').noun, 'address');
      assert.strictEqual(figure('It listed 17 “well known” state businesses.', '17').noun, 'business');
      assert.strictEqual(figure('Hackers stole 125GB of the most sensitive data imaginable.', '125GB').noun, 'data');
      // A verb right after the figure: what some of them do, no noun.
      assert.strictEqual(figure('The survey found 41 percent believe their leadership is wrong.', '41 percent').noun, undefined);
      assert.strictEqual(figure('Of that, $55 million came from attacks in 2016.', '$55 million').noun, undefined);
      // An irregular participle after the noun ends the phrase, as "-ed" does; before it, it qualifies it.
      assert.strictEqual(figure('That year, 55% of all cryptocurrency sent from illicit addresses went to exchanges.', '55%').noun, 'cryptocurrency');
      assert.strictEqual(figure('Intel said 97 of 113 externally found vulnerabilities were reported.', '113').noun, 'vulnerability');
      assert.strictEqual(figure('It sold 20 TB of data, with a $15 store credit thrown in.', '$15').noun, 'credit');
      assert.strictEqual(figure('Around 40% of traffic seen last week was malicious.', 'Around 40%').noun, 'traffic');
      assert.strictEqual(figure('Google says nearly $9 million given out in 2021 vulnerability rewards.', 'nearly $9 million').noun, undefined);
      // "last year", "next month": when, not what.
      assert.strictEqual(figure('H&M was hit with a €35.2 million fine last year.', '€35.2 million').noun, 'fine');
      assert.strictEqual(figure('Sales rose to $50 million, up from $30 million last year.', '$30 million').noun, undefined);
      assert.strictEqual(figure('The count fell from six last fiscal year.', 'six').noun, undefined);
      assert.strictEqual(figure('It lost 300 last-mile drivers.', '300').noun, 'driver');
    });

    it('words that say where, when or why are no noun; "worth of" and "DDoS" are read through', function () {
      assert.strictEqual(figure('It recorded talk from up to 65 feet away.', 'up to 65').noun, 'feet');
      assert.strictEqual(figure('The league lost $2,995,272 due to the theft.', '$2,995,272').noun, undefined);
      assert.strictEqual(figure('That equals an extra $430 spent each year.', '$430').noun, undefined);
      assert.strictEqual(figure('Germany nabbed 47 others.', '47').noun, undefined);
      assert.strictEqual(figure('It lost $34.65 million worth of equipment.', '$34.65 million').noun, 'equipment');
      // What form a sum is in is not what it counts: the cryptocurrency of one story is not another's.
      assert.strictEqual(figure('It lost $34.65 million worth of cash and Bitcoin.', '$34.65 million').noun, undefined);
      assert.strictEqual(figure('Scammers grabbed $7.7 billion worth of cryptocurrency in 2021.', '$7.7 billion').noun, undefined);
      assert.strictEqual(figure('It saw 5 DDoS attacks.', '5').noun, 'attack');
      assert.strictEqual(figure('It was hit by 9 DDoS.', '9').noun, 'ddos');
      assert.strictEqual(figure('It lost 4 VMs.', '4').noun, 'vm');
    });

    it('a contracted verb after a figure is no noun ("The $2.8 billion doesn\'t …")', function () {
      assert.strictEqual(figure('The $2.8 billion doesn\'t even count user losses.', '$2.8 billion').noun, undefined);
      assert.strictEqual(figure('The 5 million wasn’t all of it.', '5 million').noun, undefined);
      assert.strictEqual(figure('The 5 million users weren’t told.', '5 million').noun, 'user');
    });

    it('a quoted word inside the noun phrase is read through, in curly or straight double quotes', function () {
      // (A closing single quote is also an apostrophe: "customers’ data" ends the phrase there.)
      for (const q of [['“', '”'], ['"', '"']]) {
        const f = figure(`Credentials tied to 17 ${q[0]}well known${q[1]} state businesses were stolen.`, '17');
        assert.strictEqual(f.noun, 'business', q.join(''));
      }
    });

    it('"the total number of X to be ~40 million": the noun is looked for before the figure', function () {
      const sentence = 'As of Aug. 18, T-Mobile had estimated the total number of ripped-off records to be [~40 million](https://threatpost.com/t-mobile-40-million-customers-data-stolen/168778/): a number that [rose to ~50 million](https://www.t-mobile.com/news/network/additional-information-regarding-2021-cyberattack-investigation) on Aug. 20 and could double if the purported thief is true to his word.';
      const all = figuresOf(sentence);
      assert.deepStrictEqual(all.map((f) => f.text), ['~40 million', '~50 million']);
      for (const f of all) assert.strictEqual(f.measure, 't-mobile|record|');
      assert.strictEqual(figure('The total of stolen records was 30 million.', '30 million').noun, 'record');
      assert.strictEqual(figure('The number of affected customers is 7.8 million.', '7.8 million').noun, 'customer');
    });

    it('the subject: inside the phrase, else the nearest organisation, else the fallback, else unknown', function () {
      assert.strictEqual(figure('LinkedIn said 5 million T-Mobile customers were hit.', '5 million').subject, 't-mobile');
      assert.strictEqual(figure('Unlike LinkedIn, which lost little, T-Mobile lost 30 million records.', '30 million').subject, 't-mobile');
      assert.strictEqual(figure('The attackers stole 30 million records.', '30 million', 'linkedin').subject, 'linkedin');
      const none = figuresOf('The attackers stole 30 million records.', null)[0];
      assert.strictEqual(none.subject, undefined);
      assert.strictEqual(none.measure, '?|record|');
      // A place is a qualifier, never the subject.
      assert.strictEqual(figure('It hit 10,000 US customers.', '10,000', 'linkedin').subject, 'linkedin');
      // Where a figure is published is who says it, not whose it is.
      assert.strictEqual(figure('The LinkedIn breach website indicates that 5,015 people were affected.', '5,015', 't-mobile').subject, 't-mobile');
      assert.strictEqual(figure('LinkedIn’s data shows 5,015 people were affected.', '5,015', 't-mobile').subject, 't-mobile');
    });

    it('an organisation after the figure is its subject, unless it is given as an example', function () {
      assert.strictEqual(figure('The seller claimed 30 million records, a figure LinkedIn has not confirmed.', '30 million', 't-mobile').subject, 'linkedin');
      // Examples of a set are not its owner: the article's subject stays.
      assert.strictEqual(figure('More than 1,200 websites went down, including LinkedIn.', 'More than 1,200', 't-mobile').subject, 't-mobile');
      assert.strictEqual(figure('Some 300 firms, such as LinkedIn, were hit.', 'Some 300', 't-mobile').subject, 't-mobile');
      assert.strictEqual(figure('At least 10 actors sell access to networks like LinkedIn.', 'At least 10', 't-mobile').subject, 't-mobile');
      assert.strictEqual(figure('More than 1,200 websites went down, e.g. LinkedIn.', 'More than 1,200', 't-mobile').subject, 't-mobile');
      // Without an article subject either.
      assert.strictEqual(figure('More than 1,200 websites went down, including LinkedIn.', 'More than 1,200', null).subject, undefined);
    });

    it('a thing the article keeps naming but its headline and opening do not is not its subject: the organisation they name is', function () {
      // Randori's report on its "Temptation Score" made "six" attributes the score's (9 mentions against Randori's 8).
      const body = 'Corvane Wireless said on Tuesday that one in 15 organizations runs an exploited version of a file server.\n\n'
        + 'Assets with a Temptation Score over 30 are high. The Temptation Score of IIS 6 was 37. A firewall has a Temptation Score of 35.\n\n'
        + 'The recent hacks raised the Temptation Score of mail servers. The Temptation Score applies a proprietary weighting of six different attributes.\n\n'
        + 'A high Temptation Score is a warning. Any Temptation Score can change. Defenders should watch the Temptation Score.';
      const subjectOfSix = (title: string) => {
        const text = article({ title, body });
        return extractFacts('file:///ws/a.txt', text, parse(text).article).figures.find((f) => f.text === 'six')?.subject;
      };
      assert.strictEqual(subjectOfSix('Corvane Wireless ranks the most tempting targets'), 'corvane wireless');
      // A thing the headline names is what the article is about ("Artwork Archive" exposed its users' data).
      assert.strictEqual(subjectOfSix('The Temptation Score ranks the most tempting targets'), 'temptation score');
    });

    it('the opening sentence is the one after the scraper\'s "Unknown" line, and gives its lead only to an organisation', function () {
      const subjectOf = (title: string, body: string, fig: string) => {
        const text = article({ title, body });
        return extractFacts('file:///ws/a.txt', text, parse(text).article).figures.find((f) => f.text === fig)?.subject;
      };
      // Real: ZDNet's "Multi-party breaches cause 26-times the financial damage" opens, after "Unknown", on RiskRecon's
      // study; its 19 figures were Advisen's, the database the study drew on, named more often further down.
      const study = 'Unknown\n\nCorvane Wireless released a study of breaches on Tuesday.\n\n'
        + 'Almost 900 incidents were observed since 2008.\n\n'
        + 'The study drew on the Helmsley Insurance database. The Helmsley Insurance database is large.';
      assert.strictEqual(subjectOf('Multi-party breaches cost more', study, 'Almost 900'), 'corvane wireless');
      // Real: "A former US Army reservist has been charged …" made the Army, not the DOJ, own the $184,723 he forfeits; a
      // platform ("Fake Android apps are being deployed …") took EskyFun's million users.
      const army = 'Unknown\n\nA former US Army reservist has been sent behind bars for scams that targeted the elderly.\n\n'
        + 'The Department of Justice said the scams ran for years. The scam artist has been ordered to forfeit $184,723.\n\n'
        + 'The Department of Justice thanked the police. The US Army declined to comment. The Department of Justice closed the case.';
      assert.strictEqual(subjectOf('Military reservist lands himself prison sentence for romance scams', army, '$184,723'), 'department of justice');
    });

    it('a name an attack is named after ("McMenamins ransomware attack") or a trade calls an operator is no gang: it can be the subject', function () {
      // "Over 20 years of employee data leaked during McMenamins ransomware attack": its "14,861" people were the FBI's,
      // named twice in passing, as "venue operator McMenamins" and "McMenamins ransomware attack" made McMenamins a gang.
      const body = 'Oregon-based venue operator McMenamins said employee data was accessed during a ransomware attack on December 12. '
        + 'McMenamins released the notice on its website.\n\n'
        + 'McMenamins told the state that 14,861 people were sent breach notices. They contacted the FBI and local police.\n\n'
        + 'The FBI said it was looking into the attack. McMenamins is still recovering.';
      const subjectOf = (title: string, b = body) => {
        const text = article({ title, body: b });
        return extractFacts('file:///ws/a.txt', text, parse(text).article).figures.find((f) => f.text === '14,861')?.subject;
      };
      assert.strictEqual(subjectOf('Employee data leaked during McMenamins ransomware attack'), 'mcmenamins');
      // A gang the article calls one, or whose attack is "on" someone, is still no subject.
      const gang = 'The Corvane ransomware group hit a hotel chain on December 12. A Corvane ransomware attack on the chain followed.\n\n'
        + 'The gang told the chain that 14,861 people had their data stolen. The FBI said it was looking into the attack. The FBI warned others.';
      assert.strictEqual(subjectOf('Hotel data leaked during Corvane ransomware attack', gang), 'federal bureau of investigation');
    });

    it('a buyers\' guide ("The best home security system in Tampa") weighs several products and is about none of them', function () {
      // Google, named in a table of smart-home features, owned Tampa's crime statistics; a "DIY" install Dallas's.
      const body = 'Home security matters in Tampa. SimpliSafe works with Google Assistant and Amazon Alexa. Abode works with Google Assistant too.\n\n'
        + 'Ring pairs with Google Home.\n\nTampa saw nearly 2,100 burglaries last year.';
      const subjectOf = (title: string) => {
        const text = article({ title, body });
        return extractFacts('file:///ws/a.txt', text, parse(text).article).figures.find((f) => f.text === 'nearly 2,100')?.subject;
      };
      assert.strictEqual(subjectOf('The best home security system in Tampa'), undefined);
      assert.strictEqual(subjectOf('5 Best VPN Services 2022: Tried-and-true picks'), undefined);
      // Any other headline keeps the subject the article names most.
      assert.strictEqual(subjectOf('Home security systems in Tampa reviewed'), 'google');
    });

    it('the article\'s subject stands in for the owner of what a breach story counts, not of a count made in passing', function () {
      assert.strictEqual(figure('Additionally, we commonly see three methods used by threat actors.', 'three', 't-mobile').subject, undefined);
      assert.strictEqual(figure('It patched two vulnerabilities this month.', 'two', 't-mobile').subject, undefined);
      assert.strictEqual(figure('About 5,000 customers were affected.', 'About 5,000', 't-mobile').subject, 't-mobile');
      assert.strictEqual(figure('Some 8.2 million players were exposed.', 'Some 8.2 million', 't-mobile').subject, 't-mobile');
      // What a survey, a trend or a clock counts, and the world at large (from an audit of real figures).
      for (const [sentence, fig] of [
        ['Nearly 80% of respondents said they would leave.', 'Nearly 80%'],
        ['Attacks saw a 68% increase over the year.', '68%'],
        ['The servers were found in under 30 seconds.', 'under 30'],
        ['Victims were found in 61 countries.', '61'],
      ]) assert.strictEqual(figure(sentence, fig, 't-mobile').subject, undefined, sentence);
    });

    it('a figure in a condition or a supposition is no one\'s, unless the sentence names its owner', function () {
      // From the real corpus: the article's subject (or the sentence before's) stood in for these.
      for (const [texts, fig] of [
        ['If you\'ve got 100,000 files, think of how long that would take.', '100,000'],
        ['After all, if you can restore 10 gigabytes an hour, that sounds great.', '10 gigabytes'],
        ['Let\'s say facilities and gear for those engineers is another $20 million.', '$20 million'],
        ['I mean, even if it\'s 80 percent bluff, it seems like a good tactic.', '80 percent'],
        [['T-Mobile said 5 million customers were hit.', 'So, if an attacker sends a request of 64 bytes, it grows.'], '64 bytes'],
      ] as [string | string[], string][]) assert.strictEqual(figure(texts, fig, 't-mobile').subject, undefined, String(texts));
      // The sentence names the owner; "if" meaning "whether"; the figure in the main clause, after the condition or
      // with no comma before it ("if we take the counts into consideration that's 5,579,399,834 occurrences").
      for (const [texts, fig, owner] of [
        ['If LinkedIn loses 5 million users, it will say so.', '5 million', 'linkedin'],
        ['It is unclear if the company paid the $70 million ransom.', '$70 million', 't-mobile'],
        ['If a victim pays the ransom, the affiliate gets 70 percent of it.', '70 percent', 't-mobile'],
        ['More significantly, if we take the counts into consideration that\'s 5,579,399,834 occurrences.', '5,579,399,834', 't-mobile'],
        ['About 5,000 customers were affected.', 'About 5,000', 't-mobile'],
        // A count named definitely, given before: no supposition.
        ['If you\'re one of the 3 million customers affected, change your password.', '3 million', 't-mobile'],
      ]) assert.strictEqual(figure(texts, fig, 't-mobile').subject, owner, texts);
    });

    it('a figure in a link to another story of the same site is that story\'s, unless the story is about the subject', function () {
      // The links of the sentence to other stories of `site`, as `extractFacts` hands them over (images are no links).
      const linked = (sentence: string, site: string | undefined, names: Name[] = NAMES) => {
        const sentences = doc([sentence]);
        const links = [...sentence.matchAll(/(!?)\[([^\]]*)\]\(([^)\s]*)\)/g)]
          .filter((m) => !m[1] && site !== undefined && siteOf(m[3]) === site)
          .map((m) => ({ textSpan: { start: m.index! + 1, end: m.index! + 1 + m[2].length }, url: m[3] }));
        return extractFigures(sentences, mentionsOf(sentences, names), kinds(names), 't-mobile', 0, links).filter((f) => f.unit !== 'year')[0];
      };
      // "the first half of 2021 [saw 1.5 billion attacks](https://threatpost.com/iot-attacks-doubling/169224/)".
      const other = 'Perhaps it is no wonder that this year [saw 1.5 billion attacks](https://threatpost.com/iot-attacks-doubling/169224/) on devices.';
      assert.strictEqual(linked(other, 'threatpost.com').subject, undefined);
      // The same site under its other address.
      assert.strictEqual(linked(other, 'threatpost.com').subject, linked(other.replace('https://threatpost.com/iot-attacks-doubling/169224/', 'https://kasperskycontenthub.com/threatpost-global/?p=169224'), 'threatpost.com').subject);
      // A link elsewhere may be this story's evidence ("said [about $30 million](https://ftmscan.com/…)").
      assert.strictEqual(linked('The firm said [about $30 million](https://ftmscan.com/address/0xdefc) was stolen.', 'threatpost.com').subject, 't-mobile');
      // Without the article's own address, nothing is known of the link.
      assert.strictEqual(linked(other, undefined).subject, 't-mobile');
      // A linked story whose address names the subject is about it; so is one the sentence says the subject speaks in.
      assert.strictEqual(linked('The thieves [posted a list of 30 million](https://threatpost.com/t-mobile-investigates-100m-records/168689/) records.', 'threatpost.com').subject, 't-mobile');
      assert.strictEqual(linked('T-Mobile estimated the records to be [~40 million](https://threatpost.com/customers-data-stolen/168778/).', 'threatpost.com').subject, 't-mobile');
      // A linked story about an organisation the sentence names is that organisation's.
      assert.strictEqual(linked('Earlier, [LinkedIn said details of 129,000 customers](https://www.zdnet.com/article/linkedin-breach-compromises-data/) leaked.', 'zdnet.com').subject, 'linkedin');
      // An image's alt text is no link text.
      assert.strictEqual(linked('It shows ![a chart of 1.5 billion attacks](https://threatpost.com/x.png) today.', 'threatpost.com'), undefined);
    });

    it('a reference mark is no figure: "[2](https://…)", "[3]"', function () {
      assert.deepStrictEqual(figuresOf('See [1](https://example.com/a) [2](https://example.com/b) for details.').map((f) => f.text), []);
      assert.deepStrictEqual(figuresOf('As reported before [3], it spread.').map((f) => f.text), []);
      // A figure that is a link's whole text is still one when it is more than a bare number.
      assert.deepStrictEqual(figuresOf('It lost [$5 million](https://example.com/a) and [40 million records](https://example.com/b).').map((f) => f.text), ['$5 million', '40 million']);
    });

    it('an organisation named as a person\'s ("John Binns of LinkedIn") is not carried to the next sentence', function () {
      const f = figure(['The hacker told John Binns of LinkedIn that the breach was done in revenge.', 'The attacker had claimed the data of 100 million customers.'], '100 million', 't-mobile');
      assert.strictEqual(f.subject, 't-mobile');
      // Named as what the sentence is about, it is carried.
      assert.strictEqual(figure(['LinkedIn blocked the attack on Monday.', 'However, some 85,700 accounts were stopped.'], 'some 85,700', 't-mobile').subject, 'linkedin');
    });

    it('a new paragraph does not continue the organisation the one before opened with, whatever blanks end it', function () {
      // "Handelsblatt said 233 gas stations across Germany …" after a paragraph that opened on Apple was Apple's.
      const body = (gap: string) => 'Oiltanking GmbH said its systems in Germany were hit by ransomware on Saturday. Oiltanking runs the terminals.\n\n'
        + `Apple shipped a patch on Monday for an unrelated bug.${gap}\n\nHandelsblatt said 233 gas stations across Germany now run some processes by hand.`;
      const subjectOf233 = (gap: string) => {
        const text = article({ title: 'Oiltanking hit by ransomware', body: body(gap) });
        return extractFacts('file:///ws/a.txt', text, parse(text).article).figures.find((f) => f.text === '233')?.subject;
      };
      assert.strictEqual(subjectOf233(''), 'oiltanking');
      assert.strictEqual(subjectOf233('  '), 'oiltanking');
      // Within a paragraph it still carries over.
      const text = article({ title: 'Oiltanking hit by ransomware', body: body('').replace('bug.\n\nHandelsblatt', 'bug. Handelsblatt') });
      assert.strictEqual(extractFacts('file:///ws/a.txt', text, parse(text).article).figures.find((f) => f.text === '233')?.subject, 'apple');
    });

    it('a sentence opening on what the article called an organisation is that organisation\'s, not the sentence before\'s', function () {
      const lead = 'This weekend, the LinkedIn hospital system notified 1.3 million patients.';
      const f = figure([lead, 'T-Mobile asked for a delay.', 'The hospital system said 1,357,879 people were affected.'], '1,357,879', 't-mobile');
      assert.strictEqual(f.subject, 'linkedin');
      // "The company" alone is whatever the article is about; the sentence before still carries over.
      assert.strictEqual(figure([lead, 'T-Mobile asked for a delay.', 'The company said 1,357,879 people were affected.'], '1,357,879', null).subject, 't-mobile');
    });

    it('a law owns the sums it sets, but no count: what is reported under it is no one\'s, not the next name\'s', function () {
      // China's PIPL owned the "989 million" online users of articles about it; FISMA the federal agencies' incidents.
      const body = 'China has passed its Personal Information Protection Law (PIPL), which takes effect in November. '
        + 'The PIPL covers companies outside China too, the Future of Privacy Forum said.\n\n'
        + 'Violators face fines of up to 50 million yuan under the PIPL. Companies can also be fined 5% of their annual turnover.';
      const text = article({ title: 'China passes the Personal Information Protection Law', body });
      const figures = extractFacts('file:///ws/a.txt', text, parse(text).article).figures;
      // Its fines stay its own: restated in four articles, they are one measure.
      assert.strictEqual(figures.find((f) => f.text === 'up to 50 million yuan')?.subject, 'personal information protection law');
      assert.strictEqual(figures.find((f) => f.text === '5%')?.subject, undefined);
      const fisma = 'Maloney noted that the Federal Information Security Management Act (FISMA) has not been updated since 2014. '
        + 'Federal agencies reported 30,819 incidents under FISMA in 2020.';
      const t2 = article({ title: 'CISA warns of attacks', body: `CISA warned agencies on Monday. CISA said more attacks were coming.\n\n${fisma}` });
      assert.strictEqual(extractFacts('file:///ws/a.txt', t2, parse(t2).article).figures.find((f) => f.text === '30,819')?.subject, undefined);
    });

    it('a name spelt out for jargon ("Remote Desktop Protocol (RDP)") is a term: no figure\'s owner, nor what the article is about', function () {
      // DFIR reports about intrusions through RDP gave the protocol their ransoms; "VPN credentials for 498,908 users"
      // of Fortinet devices were the Virtual Private Network's.
      const body = 'The threat actors logged in over Remote Desktop Protocol (RDP) from a host named WIN-1. RDP was used to move between servers.\n\n'
        + 'RDP sessions lasted hours. The threat actors left a ransom note requesting 8,000 USD on a domain controller.';
      const text = article({ title: 'Intrusion through RDP ends in ransomware', body });
      const facts = extractFacts('file:///ws/a.txt', text, parse(text).article);
      assert.ok(facts.entities.some((e) => e.key === 'remote desktop protocol'));
      assert.strictEqual(facts.figures.find((f) => f.text === '8,000 USD')?.subject, undefined);
      const b2 = 'Fortinet said a threat actor leaked a list of Virtual Private Network (VPN) logins. Fortinet urged resets. Fortinet patched the flaw in 2019.\n\n'
        + 'The file contains VPN credentials for 498,908 users over 12,856 devices.';
      const t2 = article({ title: 'Fortinet confirms a leak of credentials', body: b2 });
      assert.strictEqual(extractFacts('file:///ws/a.txt', t2, parse(t2).article).figures.find((f) => f.text === '498,908')?.subject, 'fortinet');
      // A body whose name's initials are jargon too is still a body: "International Olympic Committee (IOC)".
      const b3 = 'The International Olympic Committee (IOC) defended the app. The IOC has conducted assessments from two cyber-security testing organizations.';
      const t3 = article({ title: 'IOC disputes app concerns', body: b3 });
      assert.strictEqual(extractFacts('file:///ws/a.txt', t3, parse(t3).article).figures.find((f) => f.text === 'two')?.subject, 'international olympic committee');
    });

    it('a term spelled in lower-case words before its acronym ("a visible digital seal (VDS)") owns no figure', function () {
      // Keyed by its words since two articles' "ERP" were two terms, the VDS became the subject of an article about Covid
      // passes and owned its "around 11 million" people fully vaccinated in Australia.
      const body = 'Skinner explained how the upcoming visible digital seal (VDS) would operate. The VDS is Australia\'s answer for indicating a person\'s vaccination status. '
        + 'Skinner said the VDS would be ready in weeks.\n\nHoward said the VDS would be available on the app. At the time of writing, around 11 million people living in Australia are fully vaccinated.';
      const text = article({ title: 'Vaccination certificates for travel are weeks away', body, tags: '[[VDS]] [[apps]] [[ZDNet]]' });
      const facts = extractFacts('file:///ws/a.txt', text, parse(text).article);
      assert.ok(facts.entities.some((e) => e.key === 'visible digital seal' && e.name === 'visible digital seal'), 'the term is named by its words');
      assert.strictEqual(facts.figures.find((f) => f.text === 'around 11 million')?.subject, undefined);
    });

    it('"Non-GAAP" is no name: a company\'s non-GAAP earnings are the company\'s', function () {
      // "Non-GAAP net income came to $41.1 million or 17 cents per share." (CrowdStrike, ZDNet): 15 figures of 7 earnings
      // reports were owned by an organisation "Non-GAAP".
      const body = 'CrowdStrike reported third quarter revenue of $380.1 million on Tuesday. CrowdStrike beat estimates.\n\n'
        + 'Non-GAAP net income came to $41.1 million or 17 cents per share.';
      const text = article({ title: 'CrowdStrike beats estimates for Q3', body });
      const facts = extractFacts('file:///ws/a.txt', text, parse(text).article);
      assert.ok(!facts.entities.some((e) => e.key === 'non-gaap'));
      assert.strictEqual(facts.figures.find((f) => f.text === '$41.1 million')?.subject, 'crowdstrike');
    });

    it('a body named after the place an article is about does not stand in for the owner of its figures', function () {
      // "Victoria launches five-year AU$50 million cyber strategy": the strategy's sum was Victoria Police's.
      const body = 'The Victorian government has launched a cyber strategy that will see over AU$50 million be allocated in Victoria. '
        + 'The strategy for Victoria was drafted with Victoria Police and Samsung.\n\nVictoria Police will train 300 officers, Victoria said.';
      const text = article({ title: 'Victoria launches AU$50 million cyber strategy', body });
      const figures = extractFacts('file:///ws/a.txt', text, parse(text).article).figures;
      assert.strictEqual(figures.find((f) => f.text === 'over AU$50 million')?.subject, undefined);
      // Named in its own sentence, the body still owns its figure.
      assert.strictEqual(figures.find((f) => f.text === '300')?.subject, 'victoria police');
    });

    it('physical measures ("103 degrees", "15 miles") are no one\'s', function () {
      assert.strictEqual(figure('Sensors should operate at a little over 103 degrees Fahrenheit.', 'over 103', 't-mobile').subject, undefined);
      assert.strictEqual(figure('Firms must comply if they operate within 15 miles of land.', '15', 't-mobile').subject, undefined);
    });

    it('a well-known company\'s short name is the key of its longer names; a product of its maker is not one of them', function () {
      const names: Name[] = [
        ['SonicWall Capture Labs', 'sonicwall capture labs', 'organisation'], ['SonicWall', 'sonicwall', 'organisation'],
        ['Microsoft Exchange', 'microsoft exchange', 'other'], ['Microsoft', 'microsoft', 'organisation'],
        ['Corvane Wireless', 'corvane wireless', 'organisation'], ['Corvane', 'corvane', 'organisation'],
      ];
      const subjects = (texts: string[]) => figuresOf(texts, null, names).map((f) => f.subject);
      // "SonicWall recorded …" and "SonicWall Capture Labs recorded …" count for one company.
      assert.deepStrictEqual(subjects(['SonicWall Capture Labs recorded 78.4 million attempts.', 'SonicWall saw 495 million attacks.']), ['sonicwall', 'sonicwall']);
      // "Microsoft released nine patches" in a story headed by Microsoft Exchange is Microsoft's.
      assert.deepStrictEqual(subjects(['Microsoft Exchange is under attack.', 'Microsoft released nine patches.']), ['microsoft']);
      // A short name that is no well-known company still stands for the full name the article gave first.
      assert.deepStrictEqual(subjects(['Corvane Wireless lost 5 million records.', 'Corvane said 2 million were prepaid.']), ['corvane wireless', 'corvane wireless']);
    });

    it('each clause\'s organisation owns its sum, also one named by a short form the entity extractor left of kind other', function () {
      // zdnet/SEC-fines-eight-investment-firms-…: all three sums were KMS's, the only organisation left in the sentence.
      const names: Name[] = [
        ['Cetera Advisor Networks', 'cetera advisor networks', 'organisation'], ['Cambridge Investment Research', 'cambridge investment research', 'organisation'],
        ['KMS Financial Services', 'kms financial services', 'organisation'], ['KMS', 'kms financial services', 'organisation'],
        ['Cetera', 'cetera', 'other'], ['Cambridge', 'cambridge', 'other'],
        ['Pegasus Project', 'pegasus project', 'organisation'], ['Pegasus', 'pegasus', 'other'],
      ];
      const subjects = (texts: string[]) => figuresOf(texts, null, names).filter((f) => f.unit !== 'year').map((f) => `${f.text}: ${f.subject}`);
      assert.deepStrictEqual(subjects([
        'The SEC fined Cetera Advisor Networks, Cambridge Investment Research and KMS Financial Services.',
        'The Cetera companies will pay a $300,000 penalty while Cambridge will pay a $250,000 penalty and KMS will pay a $200,000 penalty.',
      ]), ['$300,000: cetera advisor', '$250,000: cambridge investment research', '$200,000: kms financial services']);
      // A product's name is no short form of a longer name that starts with it.
      assert.deepStrictEqual(subjects(['The Pegasus Project reported on the spyware.', 'Pegasus infected 50,000 phones.']), ['50,000: undefined']);
    });

    it('the firm of someone who comments owns nothing they count ("analyst at LinkedIn, noted …"); a company\'s officer speaks for it', function () {
      assert.strictEqual(figure('Sean Nikkel, senior analyst at LinkedIn, noted that more than 3 million devices run it.', 'more than 3 million', 't-mobile').subject, 't-mobile');
      assert.strictEqual(figure('Jane Roe, CEO of LinkedIn, said 3 million accounts were hit.', '3 million', 't-mobile').subject, 'linkedin');
    });

    it('organisations before the figure given as examples of a kind own nothing, nor does the article\'s subject', function () {
      // "RaaS operations such as REvil or DarkSide work … 70 percent": a kind of operation, no one's figure.
      assert.strictEqual(figure('Operations such as LinkedIn or CRITICALSTART work for 70 percent of the ransom.', '70 percent', 't-mobile').subject, undefined);
      assert.strictEqual(figure('Firms like LinkedIn lost 5,000 records.', '5,000', 't-mobile').subject, undefined);
      // Not a comparison with one ("a company like LinkedIn"), not one that a clause is about ("…, which paid"), not a verb's list.
      assert.strictEqual(figure('The fine hurts a company like LinkedIn, with 4 percent of its revenue.', '4 percent', 't-mobile').subject, 'linkedin');
      assert.strictEqual(figure('Colleges like LinkedIn, which paid $1.14 million, were hit.', '$1.14 million', 't-mobile').subject, 'linkedin');
      assert.strictEqual(figure('The top vendors included LinkedIn at 627.', '627', 't-mobile').subject, 'linkedin');

    });

    it('a number before a word that names organisations stays a figure when a number follows the word', function () {
      assert.strictEqual(figure('Microsoft warned that 250 Office 365 customers were targeted.', '250').value, 250);
    });

    it('what a figure counts, as written: qualifiers first, a qualifier written as a name after, in brackets', function () {
      const written = (sentence: string, text: string) => {
        const sentences = doc([sentence]);
        const f = extractFigures(sentences, mentionsOf(sentences, NAMES), kinds(NAMES), 't-mobile').find((x) => x.text === text)!;
        return writtenMeasure(f, sentences);
      };
      assert.strictEqual(written('The names of 52,000 people with Metro by T-Mobile accounts may also have been accessed.', '52,000'), 'people (Metro)');
      assert.strictEqual(written('It hit 850,000 active T-Mobile prepaid customers.', '850,000'), 'prepaid customers');
      // A capital that opens the sentence is no name.
      assert.strictEqual(written('Prepaid plans suffered most: 850,000 prepaid customers were hit.', '850,000'), 'prepaid customers');
      // The qualifier's own words decide, not the first match in the sentence.
      assert.strictEqual(written('Its Prepaid Plus brand was not hit, but 850,000 prepaid customers were.', '850,000'), 'prepaid customers');
      // A headline in title case capitalises every word.
      assert.strictEqual(written('Verizon Says 850,000 Prepaid Customers Hit in Breach', '850,000'), 'prepaid customers');
      // Text whose lower case is longer ("İ") does not shift the match.
      assert.strictEqual(written('İİ The names of 52,000 people with Metro by T-Mobile accounts may also have been accessed.', '52,000'), 'people (Metro)');
      // In the sentence's order, not the key's sorted one ("phishing unique domains").
      assert.strictEqual(written('It found over 350 unique phishing domains.', 'over 350'), 'unique phishing domains');
      assert.strictEqual(written('It hit 40 million former or prospective customers.', '40 million'), 'former or prospective customers');
      // A qualifier read from another word ("past" is "former") is written as the sentence writes it.
      assert.strictEqual(written('It hit 40 million past or prospective customers.', '40 million'), 'past or prospective customers');
    });

    it('what a figure counts keeps the capital prose gives a people or a name, not a headline\'s or a title\'s (the key stays lower case)', function () {
      const measured = (sentence: string, text: string) => {
        const sentences = doc([sentence]);
        const f = extractFigures(sentences, mentionsOf(sentences, NAMES), kinds(NAMES), 't-mobile').find((x) => x.text === text)!;
        return [writtenMeasure(f, sentences), f.noun];
      };
      // computerworld, "Stop looking over my shoulder": the card said "americans".
      assert.deepStrictEqual(measured('In September, 4.4 million Americans quit their jobs.', '4.4 million'), ['Americans', 'american']);
      assert.deepStrictEqual(measured('The attack peaked at 3.47 Tbps in November.', '3.47'), ['Tbps', 'tbps']);
      assert.deepStrictEqual(measured('Its tools steal 120,000 Ethereum a day.', '120,000')[0], 'Ethereum');
      // A headline's capitals, and a title's run of them, name nothing.
      assert.deepStrictEqual(measured('Hackers Leak 100m Records', '100m'), ['records', 'record']);
      assert.deepStrictEqual(measured('It terminated 908 Cloud Projects last year.', '908')[0], 'projects');
    });

    it('singular nouns by a small rule set', function () {
      const cases: [string, string][] = [
        ['customers', 'customer'], ['records', 'record'], ['people', 'person'], ['companies', 'company'],
        ['addresses', 'address'], ['data', 'data'], ['businesses', 'business'], ['users', 'user'], ['servers', 'server'],
        ['employees', 'employee'], ['databases', 'database'], ['patches', 'patch'], ['news', 'news'], ['SSNs', 'ssn'],
        // A rate is its own singular.
        ['Tbps', 'tbps'], ['Gbps', 'gbps'], ['rps', 'rps'],
      ];
      for (const [plural, one] of cases) assert.strictEqual(singular(plural), one, plural);
    });

    it('measureKey joins subject, noun and sorted qualifiers, with ? for what is unknown', function () {
      const qualifiers = ['prospective', 'former'];
      assert.strictEqual(measureKey('t-mobile', 'customer', qualifiers), 't-mobile|customer|former+prospective');
      assert.deepStrictEqual(qualifiers, ['prospective', 'former'], 'the argument is not sorted in place');
      assert.strictEqual(measureKey(undefined, undefined, []), '?|?|');
      assert.strictEqual(measureKey('linkedin', 'user', []), 'linkedin|user|');
    });
  });

  describe('things that are not figures', function () {
  it('a number word capitalised inside a sentence is part of a name: "the Five Eyes alliance", "Nine Entertainment", "the Essential Eight"', function () {
    for (const t of ['The report names the Five Eyes alliance as a target.', 'Publisher Nine Entertainment was hit by ransomware.', 'Agencies must follow the Essential Eight strategies by June.', 'Researchers at Division Seven saw it.']) {
      assert.deepStrictEqual(quantities(t), [], t);
    }
    // Capitalised because it opens the sentence, a clause, a line or a quotation, it counts.
    assert.deepStrictEqual(quantities('He said, "Three former officers left the firm."'), ['Three']);
    assert.deepStrictEqual(quantities('Apache: Two critical bugs were found.'), ['Two']);
    assert.deepStrictEqual(quantities('The bill has passed.\n* Two Australian agencies gained powers.'), ['Two']);
    assert.deepStrictEqual(quantities('Five people were arrested.'), ['Five']);
  });

    const none: string[] = [
      'See [the report](https://threatpost.com/t-mobile-40-million-customers-data-stolen/168778/) now.',
      'See <https://t.co/F7mcmrmgxn> and https://example.com/2021/08/16/x-100m-records now.',
      'See [pic.twitter.com/0Kwn4Xl89D](https://t.co/0Kwn4Xl89D) now.',
      '![](https://media.threatpost.com/wp-content/uploads/sites/103/2021/08/16104546/x-1-e1629125159886.jpeg)Then it spread.',
      'They exploited CVE-2021-44228 again.',
      'The server at 192.168.0.1 answered.',
      'The hash 5f4dcc3b5aa765d61d8327deb882cf99 matched, and so did 0123456789012345678.',
      'It ships in version 4.2.1 and v2.3 now.',
      'It was posted at 11:12 am and again at 11 AM EST and at 9pm.',
      'It started on Aug. 18 and ended on Aug. 20, before August 15, 2021.',
      'It started on 18 August 2021.',
      'As of September 2020, more people were online.',
      'This is the sixth time, and the 1st time for the 2nd firm.',
      'Call 555-123-4567 or (555) 123-4567 now.',
      'It dissed the US’s No. 2 wireless carrier.',
      'The torture of John Erin Binns (CIA Raven-1) was his claim.',
      'It was notified by Unit221B LLC first.',
      'According to Yubico and 451 Research, it is common.',
      'Burkett told local news station 10 News that it was bad.',
      'The 451 Research analysts found it common.',
      'It is a unique 15-digit code and a 256-bit key.',
      'It calls home to 45[.]32[.]112[.]68 and 209[.]127[.]19[.]241[:]10284 daily.',
      'Despite its CVSS rating of 9.9 and a score of 7.5, it is minor.',
      'It hits Windows 10 users and iOS 14.7 users and iPhone 13 Pro owners.',
      'Reach him at +44 7713 025 499 today.',
      'They use 2FA and 4G and Log4j and COVID-19 tests.',
      'They work 24/7 and 9/11 changed everything.',
      'His father died when he was two, and one of them left.',
      'One expert told Threatpost it was bad.',
      'He had stolen millions of files and thousands of records.',
      'It cost R$5 million and ¥300 million.',
      'The FBI, the CIA and the two agencies met.',
    ];
    for (const text of none) {
      it(JSON.stringify(text), function () {
        assert.deepStrictEqual(quantities(text), []);
      });
    }

    it('dates leave no year behind either', function () {
      assert.deepStrictEqual(figuresOf('It started on Aug. 18 and ended August 15, 2021 or 18 August 2021.'), []);
    });

    it('a rating is no count: "an 8.8 out of 10 rating", "CVSS scores of 8.8", "rated 8.8", "a 9.8 severity rating"', function () {
      const none = [
        'It carries an 8.8 out of 10 rating on the CVSS scale, making it high-severity.',
        'Both the bugs received CVSS scores of 8.8, becoming the most severe bugs patched this month.',
        'Standouts include a Framemaker bug (CVE-2021-39830) rated 8.8.',
        '“It is a low score in terms of CVSS, coming in at 6.8, but has been marked by Microsoft as ‘Exploitation More Likely’.',
        'CVE-2021-38647, with a 9.8 severity rating, is the most serious of the flaws, allowing for RCE.',
        'It has a CVSS v3 base score of 7.5 and rates 7.3 on the CVSS scale.',
        'It and CVE-2022-20701 both rate critical, with CVSS scores of 10 and 9, respectively.',
      ];
      for (const text of none) assert.deepStrictEqual(quantities(text), [], text);
      assert.deepStrictEqual(quantities('The other three flaws—with severity ratings that range from 7.1 to 7.8—can be used as part of attack chains.'), ['three']);
      // The scale is no figure either; the words around it still are.
      assert.deepStrictEqual(quantities('The group of four vulnerabilities included one critical that rated a 9.8 out of a possible 10 on the CVSS bug-severity scale.'), ['four']);
      // A share of things out of ten is no rating, nor is a figure to one decimal with a multiplier.
      assert.deepStrictEqual(quantities('About 48 out of 70 countries and 7 out of 10 companies agreed.'), ['About 48', '7']);
      assert.deepStrictEqual(quantities('It has a CVSS severity rating of 7.5 and hit 7.5 million users.'), ['7.5 million']);
    });

    it('a list of models or versions counts nothing: "Android 10, 11, and 12", "Windows 10 and 11 PCs", "Log4j 2.16"', function () {
      const none = [
        'Android’s permission system has come a long way over the years, and with Android 10, 11, and 12, Google’s given us more and more bits of control.',
        'The number of applications that I must track and update on my Windows 10 and 11 PCs usually varies.',
        'The spyware was seen successfully deploying against iOS versions 14.4 and 14.6, blowing past Apple’s new BlastDoor sandboxing feature.',
        'SonicWall has issued patches for the bugs, which affect versions of its SMA 200, 210, 400, 410 and 500v products.',
        'It affects SMA 200, 210, 400, 410 devices.',
        'Organizations should update internet-facing environments to Log4j 2.16 ASAP, including any custom applications.',
        'The Iranian APT actors have been scanning devices on ports 4443, 8443 and 10443 for the Fortinet FortiOS vulnerability.',
        'The exploit, which targeted iOS versions 12.4 through 13.7, would turn off Same-Origin-Policy.',
      ];
      for (const text of none) assert.deepStrictEqual(quantities(text), [], text);
      assert.deepStrictEqual(figuresOf('The vulnerabilities affect Exchange Server 2013, 2016 and 2019.'), []);
      // A list that opens on a figure is a list of figures, and a figure after a model is still one.
      assert.deepStrictEqual(quantities('They stole 10, 20 and 30 million records from 5,000 and 10,000 customers.'), ['10', '20', '30 million', '5,000', '10,000']);
      assert.deepStrictEqual(quantities('Windows 10 users number 1.3 billion.'), ['1.3 billion']);
      assert.deepStrictEqual(quantities('They hit more than 2,000 and 3,000 firms.'), ['more than 2,000', '3,000']);
    });

    it('a list of days counts nothing: "on Dec. 9 and 10", "August 21 and 22", "December 6 - 10"', function () {
      const none = [
        'Apparently, the vulnerability could be exploited on iCloud online on Dec. 9 and 10, but was fixed by Dec. 11.',
        'It happened between Aug. 21-22.',
        'We will be able to resume member billing the week of December 6 - 10.',
        'The web shell attack between December 25 and 29 was more sophisticated.',
      ];
      for (const text of none) assert.deepStrictEqual(quantities(text), [], text);
      assert.deepStrictEqual(
        quantities('“For two more days, August 21 and 22, the daily count of five thousand was exceeded and over three thousand attacks were detected on August 2 and 6, September 16, 18, 19 and 22.”'),
        ['five thousand', 'over three thousand'],
      );
      // After a day's comma, a number that no other follows is a figure.
      assert.deepStrictEqual(quantities('On March 12, 15 people were arrested.'), ['15']);
    });

    it('five digits or more without a comma are a code (a password, a port, an order number), unless a plural noun follows', function () {
      const none = [
        'Even changing to a weak password like 123456 would prevent exploitation.',
        'It listens on port numbers: 43990, 43992, 53990 or 62880.',
        'The number to call was 64411, the office of the Supreme Leader.',
        'A file named “Purchase order 4500061977” holds the macro.',
      ];
      for (const text of none) assert.deepStrictEqual(quantities(text), [], text);
      assert.deepStrictEqual(quantities('123456 (103,170,552 hits) tops the list.'), ['103,170,552']);
      assert.deepStrictEqual(quantities('The attackers stole 50000 records and 50,000 more.'), ['50000', '50,000']);
      assert.deepStrictEqual(quantities('The leak held 1234 passwords.'), ['1234']);
      // A hedge or a noun makes a count of it all the same.
      assert.deepStrictEqual(quantities('The attackers reached more than 10000 people and 20000 customer accounts.'), ['more than 10000', '20000']);
      assert.deepStrictEqual(quantities('In another case 300 patients were exposed, and Acme shares slide 12%.'), ['300', '12%']);
      // Labels and degrees: "Internal case 1014", "bug 1197904", "see Figure 10", "a 130° view".
      for (const text of ['Internal case 1014 was closed.', 'It was filed as bug 1197904 in the tracker.', 'The flow is shown in Figure 10 of the report.', 'The camera has a 130° field of view.']) {
        assert.deepStrictEqual(quantities(text), [], text);
      }
    });

    it('the digits of a link destination are not seen, its text is', function () {
      const v = visibleText('[~40 million](https://threatpost.com/t-mobile-40-million-customers/168778/) and <https://t.co/9> and **bold**');
      assert.strictEqual(v.length, '[~40 million](https://threatpost.com/t-mobile-40-million-customers/168778/) and <https://t.co/9> and **bold**'.length);
      assert.deepStrictEqual(scanNumbers(v).map((r) => v.slice(r.symbol?.start ?? r.start, r.end)), ['~40 million']);
      assert.ok(!v.includes('*') && !v.includes('['));
    });
  });

  describe('spans and mentions', function () {
    it('spans are document offsets, and the noun span points at the head noun', function () {
      const texts = ['Nothing here.', 'The thief sold more than 13 million current customers’ data, T-Mobile said.'];
      const sentences = doc(texts, 100);
      const text = `${' '.repeat(100)}${texts.join(' ')}`;
      const [f] = extractFigures(sentences, mentionsOf(sentences, NAMES), kinds(NAMES), undefined);
      assert.strictEqual(text.slice(f.span.start, f.span.end), 'more than 13 million');
      assert.strictEqual(text.slice(f.nounSpan!.start, f.nounSpan!.end), 'customers');
      assert.strictEqual(f.sentence, 1);
      assert.strictEqual(f.measure, 't-mobile|customer|current');
    });

    it('a mention whose sentence index is wrong is placed by its span', function () {
      const sentences = doc(['First one.', 'It hit 5 million T-Mobile customers.']);
      const mentions = mentionsOf(sentences, NAMES).map((m) => ({ ...m, sentence: -1 }));
      assert.strictEqual(mentionsBySentence(sentences, mentions)[1].length, 1);
      assert.strictEqual(extractFigures(sentences, mentions, kinds(NAMES))[0].subject, 't-mobile');
    });

    it('the same sentence array read twice gives the same figures', function () {
      const sentences = doc(['It hit 5 million T-Mobile customers.', 'About 7.8 million more.']);
      const mentions = mentionsOf(sentences, NAMES);
      const a = extractFigures(sentences, mentions, kinds(NAMES), 't-mobile');
      const b = extractFigures(sentences, mentions, kinds(NAMES), 't-mobile');
      assert.deepStrictEqual(a, b);
      sentences[1] = { ...sentences[1], text: 'About 7.9 million more.' };
      assert.strictEqual(extractFigures(sentences, mentions, kinds(NAMES), 't-mobile')[1].value, 7.9e6);
    });
  });

  describe('the seeds', function () {
    /** A seed's sentences (title, subtitle, then the body's running text) and hand-built mentions. */
    function read(prefix: string) {
      const { article } = parse(seed(prefix));
      const sentences: SentenceRef[] = [];
      if (article.title) sentences.push({ span: article.title.span, text: article.title.text });
      if (article.subtitle?.text) sentences.push({ span: article.subtitle.span, text: article.subtitle.text });
      for (const b of article.body?.blocks ?? []) {
        if (b.kind === 'paragraph' || b.kind === 'list-item' || b.kind === 'blockquote') {
          for (const s of b.sentences) sentences.push({ span: s.span, text: s.text });
        }
      }
      const figures = extractFigures(sentences, mentionsOf(sentences, NAMES), kinds(NAMES), 't-mobile');
      return { sentences, figures };
    }

    function find(figures: Figure[], value: number, unit: Figure['unit'] = 'count'): Figure[] {
      return figures.filter((f) => f.unit === unit && Math.abs(f.value - value) <= Math.abs(value) * 1e-12);
    }

    it('000: former, prepaid and current customers, ~40 and ~50 million records, a 21-year-old', function () {
      const { figures } = read('000');
      const former = find(figures, 667000);
      assert.strictEqual(former.length, 1);
      assert.strictEqual(former[0].measure, 't-mobile|customer|former');
      assert.strictEqual(find(figures, 902000)[0].measure, 't-mobile|customer|prepaid');
      const current = find(figures, 13e6)[0];
      assert.strictEqual(current.hedge, 'more than');
      assert.strictEqual(current.measure, 't-mobile|customer|current');
      const forty = find(figures, 40e6).find((f) => f.hedge === '~')!;
      assert.strictEqual(forty.text, '~40 million');
      assert.strictEqual(forty.measure, 't-mobile|record|');
      const fifty = find(figures, 50e6).find((f) => f.hedge === '~')!;
      assert.strictEqual(fifty.text, '~50 million');
      assert.strictEqual(fifty.sentence, forty.sentence);
      assert.ok(find(figures, 21, 'age').length >= 2);
      assert.strictEqual(find(figures, 50e6).find((f) => f.text === '>50m')?.noun, 'record');
      // What the article does not state as figures.
      assert.ok(!figures.some((f) => f.value === 2 && f.unit === 'count' && f.text === '2'), 'No. 2');
      assert.ok(!figures.some((f) => /Raven|221/.test(f.text)));
    });

    it('001: 850,000 prepaid, 52,000 Metro people, about 7.8 million and 667,000 former customers', function () {
      const { figures } = read('001');
      assert.strictEqual(find(figures, 850000)[0].measure, 't-mobile|customer|prepaid');
      assert.strictEqual(find(figures, 52000)[0].measure, 't-mobile|person|metro');
      const customers = find(figures, 7.8e6)[0];
      assert.strictEqual(customers.hedge, 'about');
      assert.strictEqual(customers.measure, 't-mobile|customer|');
      assert.strictEqual(find(figures, 667000)[0].measure, 't-mobile|customer|former');
      assert.strictEqual(find(figures, 40e6)[0].measure, 't-mobile|customer|former+prospective');
      assert.strictEqual(find(figures, 50e6)[0].measure, 't-mobile|person|');
    });

    it('002: 30 and 100 million records, LinkedIn’s 700 million users, $280,000, six bitcoin, 106GB', function () {
      const { figures } = read('002');
      assert.ok(find(figures, 30e6).some((f) => f.measure === 't-mobile|record|'));
      assert.ok(find(figures, 100e6).some((f) => f.measure === 't-mobile|record|'));
      assert.strictEqual(find(figures, 700e6)[0].measure, 'linkedin|user|');
      const price = find(figures, 280000, 'usd')[0];
      assert.strictEqual(price.hedge, 'about');
      assert.strictEqual(price.noun, undefined);
      assert.strictEqual(find(figures, 6, 'btc')[0].text, 'six bitcoin');
      const size = find(figures, 106e9, 'bytes')[0];
      assert.strictEqual(size.text, 'approximately 106GB');
      assert.strictEqual(size.noun, 'data');
      assert.ok(find(figures, 0.01, 'usd').length >= 3, '~1 penny, about a penny, 1 cent');
      assert.ok(!figures.some((f) => f.value === 15), '15-digit');
      assert.ok(!figures.some((f) => f.value === 17 || f.value === 11), 'Aug. 17 at 11 AM');
    });

    it('every seed figure’s text is the document text at its span', function () {
      for (const prefix of ['000', '001', '002']) {
        const text = seed(prefix);
        for (const f of read(prefix).figures) {
          assert.strictEqual(text.slice(f.span.start, f.span.end), f.text);
          if (f.nounSpan) assert.ok(f.nounSpan.start >= f.span.end || f.nounSpan.end <= f.span.start);
        }
      }
    });

    it('runs over a seed body repeated 100 times', function () {
      const { sentences } = read('000');
      const big: SentenceRef[] = [];
      const shift = seed('000').length;
      for (let r = 0; r < 100; r++) for (const s of sentences) big.push({ text: s.text, span: { start: s.span.start + r * shift, end: s.span.end + r * shift } });
      const figures = extractFigures(big, mentionsOf(big, NAMES), kinds(NAMES), 't-mobile');
      assert.strictEqual(figures.length, read('000').figures.length * 100);
    });
  });
});

describe('formatValue', function () {
  it('shows a duration in the hours, minutes or years it was written in, and small fractions without float noise', function () {
    const f = figure('The attack took 10 minutes.', '10 minutes');
    assert.strictEqual(f.unit, 'days');
    assert.strictEqual(formatValue(f.value, 'days'), '10 minutes');
    assert.strictEqual(formatValue(figure('It lasted 6 hours.', '6 hours').value, 'days'), '6 hours');
    assert.strictEqual(formatValue(3, 'days'), '3 days');
    assert.strictEqual(formatValue(1, 'days'), '1 day');
    // In the unit it was written in where the value says so: not "1.29 days", "730 days" or "0.0006944444444444445 days".
    assert.strictEqual(formatValue(figure('The outage lasted 31 hours.', '31 hours').value, 'days'), '31 hours');
    assert.strictEqual(formatValue(figure('They were inside for two years.', 'two years').value, 'days'), '2 years');
    assert.strictEqual(formatValue(figure('It took 1 minute.', '1 minute').value, 'days'), '1 minute');
    assert.strictEqual(formatValue(figure('It took six months.', 'six months').value, 'days'), '180 days');
    assert.strictEqual(formatValue(figure('He was sentenced to 151 months in prison.', '151 months').value, 'days'), '151 months');
    // A survey's "previous 12 months" read "360 days" beside "18 months".
    assert.strictEqual(formatValue(figure('Most were hit in the previous 12 months.', '12 months').value, 'days'), '12 months');
    assert.strictEqual(formatValue(1.5, 'days'), '36 hours');
    assert.strictEqual(formatValue(0.1 + 0.2, 'count'), '0.3');
  });
});

describe('figures: white space and links around a figure', function () {
  const figures = (body: string, info?: Record<string, string>) => {
    const text = article({ body, ...(info ? { info } : {}) });
    return extractFacts('file:///a.txt', text, parse(text).article).figures;
  };

  it('two spaces between a number and its unit or multiplier, or inside a hedge, are read as one', function () {
    assert.deepStrictEqual(figures('Acme Corp said 85  percent of its staff were hit.').map((f) => [f.text, f.value, f.unit]), [['85 percent', 85, 'percent']]);
    assert.deepStrictEqual(figures('Acme Corp said 50  GB of data leaked.').map((f) => [f.text, f.value, f.unit]), [['50 GB', 50e9, 'bytes']]);
    assert.deepStrictEqual(figures('Acme Corp said more  than 50 million customers were hit.').map((f) => [f.text, f.hedge, f.low]), [['more than 50 million', 'more than', 50e6]]);
  });

  it('a hedge before a link’s text is the figure’s: "well [over $6 million](…)"', function () {
    const f = figures('The average demand is well [over $6 million](https://example.com/ransom-report/) now, Acme Corp said.');
    assert.deepStrictEqual(f.map((x) => [x.text, x.hedge]), [['well over $6 million', 'well over']]);
  });

  it('a figure whose number stands in a link to another story of the site is that story’s, its hedge before the link or not', function () {
    const info = { Source: 'ZDNet', Link: '[article](https://www.zdnet.com/article/wormhole-theft/)', Date: 'February 3, 2022  10:00 am', Author: 'Jane Reporter' };
    const title = '$320 million stolen from blockchain platform Wormhole';
    const theft = (tail: string) => {
      const text = article({ title, info, body: `Blockchain platform Wormhole said hackers stole 120,000 Ether from it. In 2021, ${tail}` });
      return extractFacts('file:///a.txt', text, parse(text).article).figures.find((x) => x.value === 2.2e9);
    };
    // ZDNet's DeFi total of 2021, linked to its own story: it was Wormhole's, Meter's and Qubit's.
    assert.strictEqual(theft('at least [$2.2 billion was stolen](https://www.zdnet.com/article/defi-thefts-2021/) from DeFi platforms.')?.subject, undefined);
    assert.strictEqual(theft('[at least $2.2 billion was stolen](https://www.zdnet.com/article/defi-thefts-2021/) from DeFi platforms.')?.subject, undefined);
    // Without the link, the sentence is the article's subject's.
    assert.strictEqual(theft('at least $2.2 billion was stolen from it.')?.subject, 'wormhole');
  });
});
