/**
 * The claim extractor (`extract/claims.ts`): who says what a sentence states
 * ("T-Mobile said", "according to", "Binns told the WSJ", "…,” Sievert
 * said", claimants such as "the seller", pronouns), when it holds (explicit
 * dates and weekdays resolved against the article's date), and end to end on
 * the three seed articles. Mentions are built by hand with a string search.
 */
import * as assert from 'assert';
import { assignAsOf, attributionOf, datesIn, extractClaims, measureKey } from '../server/src/core/extract/claims';
import { extractFacts } from '../server/src/core/extract/facts';
import { article } from './helpers/fixture';
import { extractFigures } from '../server/src/core/extract/figures';
import type { Claim, EntityKind, Figure, Mention, SentenceRef } from '../server/src/core/extract/types';
import { parse } from '../server/src/core/syntax/parse';
import { seed } from './helpers/fixture';

type Name = [text: string, key: string, kind: EntityKind];

const NAMES: Name[] = [
  ['T-Mobile', 't-mobile', 'organisation'],
  ['LinkedIn', 'linkedin', 'organisation'],
  ['Cyble', 'cyble', 'organisation'],
  ['CRITICALSTART', 'criticalstart', 'organisation'],
  ['Unit221B LLC', 'unit221b llc', 'organisation'],
  ['FCC', 'federal communications commission', 'organisation'],
  ['NSA', 'national security agency', 'organisation'],
  ['Wall Street Journal', 'wall street journal', 'outlet'],
  ['WSJ', 'wall street journal', 'outlet'],
  ['Journal', 'wall street journal', 'outlet'],
  ['Threatpost', 'threatpost', 'outlet'],
  ['Motherboard', 'motherboard', 'outlet'],
  ['BleepingComputer', 'bleepingcomputer', 'outlet'],
  ['John Binns', 'john binns', 'person'],
  ['Binns', 'john binns', 'person'],
  ['Alon Gal', 'alon gal', 'person'],
  ['Gal', 'alon gal', 'person'],
  ['Mike Sievert', 'mike sievert', 'person'],
  ['Sievert', 'mike sievert', 'person'],
  ['Randy Watkins', 'randy watkins', 'person'],
  ['Glenn Gerstell', 'glenn gerstell', 'person'],
  ['Ilia Kolochenko', 'ilia kolochenko', 'person'],
  ['Kolochenko', 'ilia kolochenko', 'person'],
  ['Bart McDonough', 'bart mcdonough', 'person'],
  ['McDonough', 'bart mcdonough', 'person'],
  ['Izmir', 'izmir', 'place'],
  ['Log4j', 'log4j', 'other'],
];

/** Saturday, August 28, 2021, 12:58 UTC: the date of seed 000. */
const AUG28 = Date.UTC(2021, 7, 28, 12, 58);
const day = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10));

function doc(texts: string[]): SentenceRef[] {
  const out: SentenceRef[] = [];
  let at = 0;
  for (const text of texts) {
    out.push({ text, span: { start: at, end: at + text.length } });
    at += text.length + 1;
  }
  return out;
}

function mentionsOf(sentences: SentenceRef[], names: Name[] = NAMES): Mention[] {
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

const kindOf = (() => {
  const map = new Map(NAMES.map(([, key, kind]) => [key, kind]));
  return (key: string) => map.get(key);
})();

/** Claims of some sentences; `date` is the article's date, `null` for none. */
function claimsOf(texts: string | string[], date: number | null = AUG28): { claims: Claim[]; sentences: SentenceRef[]; text: string } {
  const list = typeof texts === 'string' ? [texts] : texts;
  const sentences = doc(list);
  return { claims: extractClaims(sentences, mentionsOf(sentences), kindOf, date ?? undefined), sentences, text: list.join(' ') };
}

/** The claim of the last sentence given. */
function claim(texts: string | string[], date: number | null = AUG28): Claim & { said?: string; on?: string } {
  const { claims, sentences, text } = claimsOf(texts, date);
  const last = sentences.length - 1;
  const c = claims.find((x) => x.sentence === last);
  assert.ok(c, `no claim for sentence ${last}: ${JSON.stringify(claims)}`);
  const a = c!.attribution;
  return { ...c!, said: a ? text.slice(a.span.start, a.span.end) : undefined, on: c!.asOfSpan ? text.slice(c!.asOfSpan.start, c!.asOfSpan.end) : undefined };
}

function who(texts: string | string[]): string | undefined {
  return claim(texts).attribution?.who;
}

describe('claims', function () {
  describe('attribution', function () {
    it('"<X> said": the source with its entity key and span', function () {
      const c = claim('T-Mobile said 667,000 former customers were hit.');
      assert.deepStrictEqual(c.attribution && { who: c.attribution.who, key: c.attribution.key }, { who: 'T-Mobile', key: 't-mobile' });
      assert.strictEqual(c.said, 'T-Mobile');
      assert.strictEqual(c.sentence, 0);
    });

    const verbs = ['says', 'told reporters', 'confirmed', 'claimed', 'estimated', 'reported', 'announced', 'alleged', 'noted', 'warned', 'tweeted'];
    for (const verb of verbs) {
      it(`"T-Mobile ${verb} …"`, function () {
        assert.strictEqual(who(`T-Mobile ${verb} that 5 million customers were hit.`), 'T-Mobile');
      });
    }

    it('"according to <X>", a mention or a capitalised name', function () {
      assert.strictEqual(who('According to T-Mobile, 850,000 prepaid customers were hit.'), 'T-Mobile');
      assert.strictEqual(who('The names of 52,000 people may have been accessed, according to T-Mobile.'), 'T-Mobile');
      assert.strictEqual(who('According to José Pagliery, 5,000 customers were hit.'), 'José Pagliery');
      assert.strictEqual(who('5,000 customers were hit, according to Åsa Ødegård.'), 'Åsa Ødegård');
      const c = claim('According to the Wall Street Journal, he explored more than 100 servers.');
      assert.strictEqual(c.attribution?.key, 'wall street journal');
      assert.strictEqual(who('According to Acme Research Labs, 5 million were hit.'), 'Acme Research Labs');
      assert.strictEqual(who('It hit 5 million, according to Acme Labs.'), 'Acme Labs');
    });

    it('"according to" a word that only describes the name after it is that name\'s word', function () {
      // "according to European law enforcement agency Europol" read "said by European" on Europol's 5,000 infections.
      assert.strictEqual(who('They caused 5,000 infections, according to European law enforcement agency Cyble.'), 'Cyble');
      assert.strictEqual(who('It has six detections, according to a Tuesday writeup from Cyble.'), 'Cyble');
      // A name of several words is who speaks, whatever follows it.
      assert.strictEqual(who('According to Tiago Pereira and Vitor Ventura at Cyble, 5,000 were hit.'), 'Tiago Pereira and Vitor Ventura');
      // A stop, a comma or a number ends the description: no name ahead.
      assert.strictEqual(who('They caused 5,000 infections, according to Interpol, which told Cyble.'), 'Interpol');
    });

    it('what a named body\'s document "indicates" or "shows" is its word; evidence or a pronoun that shows names no one', function () {
      // The real RIPTA story: HHS's breach website and the ACLU give 5,015 and 17,378, sources differing, not a contradiction.
      assert.strictEqual(who('The FCC breach website indicates that 5,015 people were affected.'), 'FCC');
      assert.strictEqual(who('T-Mobile\'s report showed 60 million records were hit.'), 'T-Mobile');
      assert.strictEqual(who('T-Mobile data shows 50 million records were hit.'), 'T-Mobile');
      assert.strictEqual(who('The evidence indicates that 300 people were hit.'), undefined);
      assert.strictEqual(who('It shows 40 records were hit.'), undefined);
      assert.strictEqual(who('T-Mobile shows 40 records in its app.'), undefined);
      // A platform's post is no word of the platform's.
      assert.strictEqual(who('The LinkedIn post shows 500,000 records for sale.'), undefined);
    });

    it('"<X> told <Y>": the teller is the source, not the listener', function () {
      const c = claim('Binns told the WSJ that he took 100 million records.');
      assert.strictEqual(c.attribution?.key, 'john binns');
    });

    it('"…,” <X> said" and "…,” said <X>"', function () {
      assert.strictEqual(who('“We lost 5 million records,” Sievert said.'), 'Sievert');
      assert.strictEqual(who('“The price is 1 cent per victim,” said Kolochenko.'), 'Kolochenko');
      assert.strictEqual(who('"We did it to harm 5 million people," Binns allegedly told Gal at the time.'), 'Binns');
    });

    it('claimants: the seller, the purported thief, the threat actor, the hacker', function () {
      assert.strictEqual(who('The seller claimed that 100 million records were stolen.'), 'The seller');
      assert.strictEqual(who('No matter, the purported thief said: 30 million were sold.'), 'the purported thief');
      assert.strictEqual(who('The records cover 30 million customers, the threat actor told Motherboard.'), 'the threat actor');
      assert.strictEqual(who('“It was 2019,” the hacker allegedly told Gal.'), 'the hacker');
      assert.strictEqual(who('The asking price is crazy cheap, one expert told Threatpost: about a penny each.'), 'one expert');
      assert.strictEqual(who('Some security experts said that 5 firms were hit.'), 'Some security experts');
    });

    it('"T-Mobile said last week" is T-Mobile, with no date', function () {
      const c = claim('The theft involved 667,000 former customers, T-Mobile said last week.');
      assert.strictEqual(c.attribution?.who, 'T-Mobile');
      assert.strictEqual(c.asOf, undefined);
    });

    it('a bracketed acronym before the verb: "(FCC) said"', function () {
      assert.strictEqual(claim('The US Federal Communications Commission (FCC) said 5 carriers were hit.').attribution?.key, 'federal communications commission');
    });

    it('a name behind "story", "statement" or "spokesperson"', function () {
      assert.strictEqual(claim('The Wall Street Journal story also noted that 5 million were hit.').attribution?.key, 'wall street journal');
      assert.strictEqual(claim('A T-Mobile spokesperson said 5 million were hit.').attribution?.key, 't-mobile');
    });

    it('a name behind a document of a kind: "security report", "press release", "breach portal" (real: "Another recent Jamf security report told us that 29% …")', function () {
      assert.strictEqual(claim('Another recent T-Mobile security report told us that 29% of organizations were hit.').attribution?.key, 't-mobile');
      assert.strictEqual(claim('The T-Mobile press release said 5 million were hit.').attribution?.key, 't-mobile');
      // Only one word of what kind: a longer phrase is no longer the name's document.
      assert.strictEqual(claim('A T-Mobile annual threat security report told us that 29% of organizations were hit.').attribution, undefined);
      // A product named so is what the document is about, not who wrote it.
      assert.strictEqual(claim('A Log4j security advisory warned that 5 million servers were exposed.').attribution, undefined);
      // A long document word after the possessive still fits the window the pattern reads.
      assert.strictEqual(claim('Unit221B LLC’s security representative said 5 million were hit.').attribution?.key, 'unit221b llc');
    });

    it('an appositive between the speaker and the verb', function () {
      const c = claim('Randy Watkins, chief technology officer at CRITICALSTART, told Threatpost that 30 percent were hit.');
      assert.strictEqual(c.attribution?.key, 'randy watkins');
      assert.strictEqual(claim('On Friday, T-Mobile’s CEO, Mike Sievert, announced 2 partnerships.').attribution?.key, 'mike sievert');
    });

    it('"…, which said" and "…, who said"', function () {
      assert.strictEqual(claim('T-Mobile was notified by Unit221B LLC, which said that 30 million records were for sale.').attribution?.key, 'unit221b llc');
      assert.strictEqual(claim('The Journal spoke with Glenn Gerstell, a former counsel for the NSA, who said 2 million were hit.').attribution?.key, 'glenn gerstell');
    });

    it('"X, which … Y, said": X speaks, not the last name inside the relative clause; the person an apposition names before it', function () {
      // Real: "Neiman Marcus, which also controls the brands Bergdorf Goodman and Horchow, said …" was Horchow's.
      assert.strictEqual(claim('T-Mobile, which also owns LinkedIn, said 2 million were hit.').attribution?.key, 't-mobile');
      assert.strictEqual(claim('Randy Watkins, a partner at CRITICALSTART, which also owns LinkedIn, said 2 million were hit.').attribution?.key, 'randy watkins');
      // The name before X is the speaker only where X is where they work ("a partner at X").
      assert.strictEqual(claim('In a letter to Randy Watkins, T-Mobile, which was breached in April, said 2 million were hit.').attribution?.key, 't-mobile');
      // Inside a quotation the clause is the speaker's words: who says them comes after.
      assert.strictEqual(claim('"We hit the network of T-Mobile, who try to defend themselves," says Kolochenko.').attribution?.key, 'ilia kolochenko');
    });

    it('pronouns: he and she resolve to the person before, in the sentence or the ones before it', function () {
      const c = claim(['Binns spoke to the WSJ.', 'He told the Journal that he explored more than 100 servers.']);
      assert.strictEqual(c.attribution?.key, 'john binns');
      assert.strictEqual(c.attribution?.who, 'Binns');
      assert.strictEqual(c.said, 'He');
      // The speaker of the sentence before wins over other people it names.
      assert.strictEqual(claim(['Bart McDonough told Threatpost that Binns claimed too much.', 'There were 2 routers, he said.']).attribution?.key, 'bart mcdonough');
      // A person named only inside a quotation is not who "he" is.
      assert.strictEqual(claim(['Sievert painted it as the work of an erudite threat actor.', '“The bad actor took 5 systems,” he was quoted as saying.']).attribution?.key, 'mike sievert');
    });

    it('a pronoun with nothing to refer to gives no attribution, but the figure still makes a claim', function () {
      const c = claim('He said 5 million were hit.');
      assert.strictEqual(c.attribution, undefined);
    });

    it('"it said" is the organisation before; "they claim" the claimant before', function () {
      assert.strictEqual(claim('T-Mobile is “humbled,” it said, after 50 million customers were hit.').attribution?.key, 't-mobile');
      assert.strictEqual(who('A threat actor is selling what they claim to be 30 million T-Mobile customers’ data.'), 'A threat actor');
      assert.strictEqual(who(['The seller told Motherboard that it came from T-Mobile.', 'Specifically, they claim to have hit 3 servers two weeks ago.']), 'The seller');
    });

    it('"the company said" stands for the organisation named before it', function () {
      const c = claim(['T-Mobile was breached again.', 'The company said 50 million customers were hit.']);
      assert.strictEqual(c.attribution?.who, 'The company');
      assert.strictEqual(c.attribution?.key, 't-mobile');
    });

    it('a passive is no attribution, and neither is a possessive noun', function () {
      assert.strictEqual(claim('The breach was widely reported 11 days ago.').attribution, undefined);
      assert.strictEqual(claim('T-Mobile’s claims of 50 million customers were doubted.').attribution, undefined);
      assert.strictEqual(claim('Binns lives in Izmir, where 3 million people live.').attribution, undefined);
    });

    it('"the purported 100 million records" is purported by whom the sentence before quoted', function () {
      const texts = ['A threat actor is selling what they claim to be 30 million records.', 'The collection is a subset of the purported 100 million records.'];
      assert.strictEqual(who(texts), 'A threat actor');
      assert.strictEqual(claim([texts[0], 'The collection holds 100 million records.']).attribution, undefined);
    });

    it('a purported figure whose sentence opens on its claimant is the claimant\'s, not the one the sentence before quoted', function () {
      // The real ThreatPost podcast: "said by T-Mobile" on the thief's 30 million.
      const texts = ['As of Wednesday, T-Mobile said it had confirmed its sixth breach over the last three years.',
        'The purported thief posted a list of 30 million customer records for sale, for a total of 100 million purportedly stolen records.'];
      assert.strictEqual(who(texts), 'The purported thief');
    });

    it('one claim per sentence with a figure or an attribution, in order', function () {
      const { claims } = claimsOf(['Nothing to see.', 'Binns said so.', 'It hit 5 million customers.', 'Still nothing.']);
      assert.deepStrictEqual(claims.map((c) => c.sentence), [1, 2]);
      assert.strictEqual(claims[0].attribution?.who, 'Binns');
      assert.strictEqual(claims[1].attribution, undefined);
    });

    it('a verb inside a link destination says nothing', function () {
      const { claims } = claimsOf('See [this](https://www.zdnet.com/article/t-mobile-says-hackers-accessed-user-data/) for more.');
      assert.deepStrictEqual(claims, []);
    });

    it('re-exports measureKey', function () {
      assert.strictEqual(measureKey('t-mobile', 'customer', ['prepaid']), 't-mobile|customer|prepaid');
    });
  });

  describe('dates', function () {
    const cases: [sentence: string, on: string, date: string][] = [
      ['As of Aug. 18, T-Mobile had estimated 40 million records.', 'As of Aug. 18', '2021-08-18'],
      ['It rose to 50 million on Aug. 20.', 'on Aug. 20', '2021-08-20'],
      ['By Aug. 4, he had stolen 3 databases.', 'By Aug. 4', '2021-08-04'],
      ['By August 4 he had stolen 3 databases.', 'By August 4', '2021-08-04'],
      ['Gal tweeted 2 messages on August 15, 2021.', 'on August 15, 2021', '2021-08-15'],
      ['It hit 5 firms on 18 August 2021.', 'on 18 August 2021', '2021-08-18'],
      ['It hit 5 firms on Aug. 18th.', 'on Aug. 18th', '2021-08-18'],
      ['LinkedIn lost 700 million records in June.', 'in June', '2021-06-01'],
      ['He filed 1 lawsuit in November.', 'in November', '2020-11-01'],
      ['As of September 2020, 5 million more people were online.', 'As of September 2020', '2020-09-01'],
      ['The webinar on Aug. 30 has 3 speakers.', 'on Aug. 30', '2021-08-30'],
      ['On Thursday, a 21-year-old spoke.', 'On Thursday', '2021-08-26'],
      ['On Saturday, 5 firms spoke.', 'On Saturday', '2021-08-28'],
      ['Last Saturday, 5 firms spoke.', 'Last Saturday', '2021-08-21'],
      ['It was worth $280,000 as of Friday morning.', 'as of Friday', '2021-08-27'],
      ['Yesterday 5 firms spoke.', 'Yesterday', '2021-08-27'],
      // A weekday written with its date is that date, not the latest such weekday (Thursday, Aug. 26).
      ['It rose to 50 million on Thursday, Aug. 19.', 'on Thursday, Aug. 19', '2021-08-19'],
      ['On Friday 23 July, 5 firms spoke.', 'On Friday 23 July', '2021-07-23'],
      // What only looks like a date after it leaves the weekday its own day.
      ['On Tuesday, 12 Marriott hotels were hit.', 'On Tuesday', '2021-08-24'],
    ];
    for (const [sentence, on, date] of cases) {
      it(`${JSON.stringify(on)} is ${date}`, function () {
        const c = claim(sentence);
        assert.strictEqual(day(c.asOf), date);
        assert.strictEqual(c.on, on);
      });
    }

    it('a date without a year in a January article can be last December', function () {
      assert.strictEqual(day(claim('On Dec. 28, 5 firms were hit.', Date.UTC(2022, 0, 5)).asOf), '2021-12-28');
    });

    it('"may", "March" as words, and a claim without a date, have no date', function () {
      assert.strictEqual(claim('The company may lose 5 million customers.').asOf, undefined);
      assert.strictEqual(claim('Protesters march on, 5 million strong.').asOf, undefined);
      assert.strictEqual(claim('It hit 5 million customers.').asOf, undefined);
    });

    it('without an article date only dates with a year are read', function () {
      assert.strictEqual(claim('It rose to 50 million on Aug. 20.', null).asOf, undefined);
      assert.strictEqual(claim('On Thursday 5 firms spoke.', null).asOf, undefined);
      assert.strictEqual(day(claim('Gal tweeted 2 messages on August 15, 2021.', null).asOf), '2021-08-15');
    });

    it('datesIn lists every date of a sentence in order', function () {
      const ds = datesIn('As of Aug. 18 it was 40 million; on Aug. 20, 50 million; by Thursday, more.', AUG28);
      assert.deepStrictEqual(ds.map((d) => day(d.instant)), ['2021-08-18', '2021-08-20', '2021-08-26']);
    });

    it('each figure holds at the date next to it: ~40 million as of Aug. 18, ~50 million on Aug. 20', function () {
      const sentences = doc(['As of Aug. 18, T-Mobile had estimated the total number of ripped-off records to be [~40 million](https://threatpost.com/t-mobile-40-million-customers-data-stolen/168778/): a number that [rose to ~50 million](https://www.t-mobile.com/news/network/additional-information-regarding-2021-cyberattack-investigation) on Aug. 20 and could double.']);
      const mentions = mentionsOf(sentences);
      const figures = assignAsOf(extractFigures(sentences, mentions, kindOf, 't-mobile'), sentences, AUG28);
      assert.deepStrictEqual(figures.map((f) => [f.text, day(f.asOf)]), [['~40 million', '2021-08-18'], ['~50 million', '2021-08-20']]);
      const [c] = extractClaims(sentences, mentions, kindOf, AUG28);
      assert.strictEqual(day(c.asOf), '2021-08-18');
      assert.strictEqual(c.attribution?.key, 't-mobile');
    });
  });

  describe('the seeds', function () {
    function read(prefix: string) {
      const text = seed(prefix);
      const { article } = parse(text);
      const sentences: SentenceRef[] = [];
      if (article.title) sentences.push({ span: article.title.span, text: article.title.text });
      if (article.subtitle?.text) sentences.push({ span: article.subtitle.span, text: article.subtitle.text });
      for (const b of article.body?.blocks ?? []) {
        if (b.kind === 'paragraph' || b.kind === 'list-item' || b.kind === 'blockquote') {
          for (const s of b.sentences) sentences.push({ span: s.span, text: s.text });
        }
      }
      const date = article.date?.parsed.ok ? article.date.parsed.date.instant : undefined;
      const mentions = mentionsOf(sentences);
      const figures = assignAsOf(extractFigures(sentences, mentions, kindOf, 't-mobile'), sentences, date);
      const claims = extractClaims(sentences, mentions, kindOf, date);
      const claimOf = (f: Figure) => claims.find((c) => c.sentence === f.sentence);
      return { text, sentences, figures, claims, claimOf, date };
    }

    function one(figures: Figure[], pick: (f: Figure) => boolean, what: string): Figure {
      const found = figures.filter(pick);
      assert.ok(found.length >= 1, `no ${what}`);
      return found[0];
    }

    it('every figure’s sentence has a claim, and every claim’s spans are in its sentence', function () {
      for (const prefix of ['000', '001', '002']) {
        const { figures, claims, claimOf, sentences } = read(prefix);
        for (const f of figures) assert.ok(claimOf(f), `${prefix}: no claim for "${f.text}"`);
        for (const c of claims) {
          const s = sentences[c.sentence].span;
          if (c.asOfSpan) assert.ok(c.asOfSpan.start >= s.start && c.asOfSpan.end <= s.end);
        }
      }
    });

    it('000: ~40 million records as of Aug. 18 and ~50 million on Aug. 20, by T-Mobile; the breakdown T-Mobile said last week', function () {
      const { figures, claimOf } = read('000');
      const forty = one(figures, (f) => f.text === '~40 million', '~40 million');
      assert.strictEqual(day(claimOf(forty)!.asOf), '2021-08-18');
      assert.strictEqual(day(forty.asOf), '2021-08-18');
      assert.strictEqual(claimOf(forty)!.attribution?.key, 't-mobile');
      const fifty = one(figures, (f) => f.text === '~50 million', '~50 million');
      assert.strictEqual(day(fifty.asOf), '2021-08-20');
      const former = one(figures, (f) => f.value === 667000, '667,000');
      assert.strictEqual(claimOf(former)!.attribution?.who, 'T-Mobile');
      assert.strictEqual(claimOf(former)!.asOf, undefined);
      const age = one(figures, (f) => f.unit === 'age' && f.value === 21, 'the 21-year-old');
      assert.strictEqual(day(claimOf(age)!.asOf), '2021-08-26', 'On Thursday, before Saturday, August 28');
      const hundred = one(figures, (f) => f.value === 100e6, '100 million customer records');
      assert.strictEqual(claimOf(hundred)!.attribution?.who, 'the purported thief');
    });

    it('000: who speaks, sentence by sentence', function () {
      const { claims, sentences } = read('000');
      const said = (start: string) => {
        const si = sentences.findIndex((s) => s.text.startsWith(start));
        assert.ok(si >= 0, start);
        return claims.find((c) => c.sentence === si)?.attribution?.key ?? claims.find((c) => c.sentence === si)?.attribution?.who;
      };
      assert.strictEqual(said('He alleged that he was going to sell'), 'the purported thief');
      assert.strictEqual(said('He found an unprotected, exposed router'), 'john binns');
      assert.strictEqual(said('The WSJ noted'), 'wall street journal');
      assert.strictEqual(said('If the name rings a bell'), 'the seller');
      assert.strictEqual(said('Randy Watkins, chief technology officer'), 'randy watkins');
      assert.strictEqual(said('On Friday, T-Mobile’s CEO, Mike Sievert, announced'), 'mike sievert');
      assert.strictEqual(said('“What we can share is that'), 'mike sievert');
      assert.strictEqual(said('T-Mobile should have had an AI-based'), 'bart mcdonough');
    });

    it('001: 52,000 Metro people according to T-Mobile; a lawsuit filed last November', function () {
      const { figures, claims, claimOf, sentences } = read('001');
      const metro = one(figures, (f) => f.value === 52000, '52,000');
      assert.strictEqual(claimOf(metro)!.attribution?.key, 't-mobile');
      assert.strictEqual(claimOf(one(figures, (f) => f.value === 850000, '850,000'))!.attribution?.who, 'T-Mobile');
      const si = sentences.findIndex((s) => s.text.startsWith('Binns [filed a lawsuit]'));
      assert.strictEqual(day(claims.find((c) => c.sentence === si)?.asOf), '2020-11-01');
    });

    it('002: 100 million records purported by the seller, the asking price as of Monday, LinkedIn in June', function () {
      const { figures, claimOf } = read('002');
      const hundred = figures.filter((f) => f.value === 100e6 && f.noun === 'record');
      assert.ok(hundred.some((f) => /seller|threat actor/i.test(claimOf(f)?.attribution?.who ?? '')), JSON.stringify(hundred.map((f) => claimOf(f))));
      const offer = one(figures, (f) => f.text === '30m' && f.sentence === 1, 'the subtitle’s 30m');
      assert.strictEqual(claimOf(offer)!.attribution?.who, 'The seller');
      const bitcoin = one(figures, (f) => f.unit === 'btc', 'six bitcoin');
      assert.strictEqual(day(claimOf(bitcoin)!.asOf), '2021-08-16', 'Monday, the article’s own day');
      const linkedin = one(figures, (f) => f.value === 700e6, '700 million');
      assert.strictEqual(day(claimOf(linkedin)!.asOf), '2021-06-01');
      const size = one(figures, (f) => f.unit === 'bytes', '106GB');
      assert.strictEqual(claimOf(size)!.attribution?.key, 'cyble');
      const tweet = one(figures, (f) => f.unit === 'year' && f.value === 2019 && claimOf(f)?.asOf !== undefined, 'the tweet’s 2019');
      assert.strictEqual(day(claimOf(tweet)!.asOf), '2021-08-15', 'on Sunday');
    });

    it('runs over a seed body repeated 100 times', function () {
      const { sentences, claims, date } = read('002');
      const big: SentenceRef[] = [];
      const shift = seed('002').length;
      for (let r = 0; r < 100; r++) for (const s of sentences) big.push({ text: s.text, span: { start: s.span.start + r * shift, end: s.span.end + r * shift } });
      assert.strictEqual(extractClaims(big, mentionsOf(big), kindOf, date).length, claims.length * 100);
    });
  });
});

describe('the day a figure holds', function () {
  it('is not the day the breach started or happened: "a data breach that started on October 15"', function () {
    const text = article({ info: { Source: 'ZDNet', Link: 'https://example.com/a', Date: 'January 3, 2022', Author: 'A B' }, body: 'This weekend, Broward Health notified more than 1.3 million patients that their data was involved in a data breach that started on October 15. On Dec. 28, Broward Health said 9,000 staff were hit.' });
    const f = extractFacts('file:///ws/a.txt', text, parse(text).article, {});
    const at = (fig: string) => f.figures.find((g) => g.text === fig)!.asOf;
    assert.strictEqual(at('more than 1.3 million'), undefined);
    assert.strictEqual(new Date(at('9,000')!).toISOString().slice(0, 10), '2021-12-28');
  });
});

describe('who says each figure', function () {
  it('a second speaker between the sentence\'s attribution and a figure says that figure: "Binns claimed … but T-Mobile later confirmed …"', function () {
    const text = article({ body: 'John Binns initially claimed he had access to the data of about 100 million customers but T-Mobile later confirmed that the data of about 7.8 million customers had been stolen.' });
    const f = extractFacts('file:///ws/a.txt', text, parse(text).article, {});
    const said = (fig: string) => {
      const x = f.figures.find((g) => g.text === fig)!;
      return attributionOf(f, x, f.claims.find((c) => c.sentence === x.sentence))?.who;
    };
    assert.strictEqual(said('about 100 million'), 'John Binns');
    assert.strictEqual(said('about 7.8 million'), 'T-Mobile');
  });

  it('a speaker named before a figure with an apposition says it, though the sentence\'s attribution comes after: "BlackFen, the group …, says … while Helmsley\'s own estimate is …"', function () {
    const text = article({ body: 'Helmsley Health said it was breached in April. BlackFen, the group that claimed the attack, says it holds 2 terabytes of data, while Helmsley’s own estimate is roughly 400 GB.', tags: '[[BlackFen]] [[Helmsley]]' });
    const f = extractFacts('file:///ws/a.txt', text, parse(text).article, {});
    const said = (fig: string) => {
      const x = f.figures.find((g) => g.text === fig)!;
      return attributionOf(f, x, f.claims.find((c) => c.sentence === x.sentence))?.who;
    };
    assert.strictEqual(said('2 terabytes'), 'BlackFen');
    assert.strictEqual(said('roughly 400 GB'), 'Helmsley');
  });

  it('a subtitle of several sentences: each its own speaker and day; one naming none goes on from the one before', function () {
    const info = { Source: 'ThreatPost', Link: 'https://example.com/a', Date: 'August 27, 2021', Author: 'A B' };
    const read = (subtitle: string) => {
      const text = article({ subtitle, info, body: 'The body says nothing of it.' });
      const f = extractFacts('file:///ws/a.txt', text, parse(text).article, {});
      return (fig: string) => {
        const x = f.figures.find((g) => g.text === fig)!;
        return [attributionOf(f, x, f.claims.find((c) => c.sentence === x.sentence))?.who, day(x.asOf)];
      };
    };
    // The thief's figure, not the company's, and not as of the company's Friday.
    const thief = read('John Binns, claiming to be behind the massive T-Mobile theft of >50m customer records, dissed the security measures of the carrier. T-Mobile is “humbled,” it said, announcing new partnerships on Friday.');
    assert.notStrictEqual(thief('>50m')[0], 'T-Mobile');
    assert.strictEqual(thief('>50m')[1], undefined);
    const seller = read('The seller claims to have sucker-punched U.S. infrastructure out of retaliation. The offer: 30m records for ~1 penny each, with the rest being sold privately.');
    assert.strictEqual(seller('30m')[0], 'The seller');
  });
});
