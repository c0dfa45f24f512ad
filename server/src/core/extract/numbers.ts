/**
 * Numbers in a sentence, as a reader sees them. `visibleText` blanks out what
 * a reader never sees (link destinations, images, autolinks, bare URLs and
 * Markdown marks) without moving anything, so offsets into it are offsets
 * into the sentence. `scanNumbers` then finds every number that states a
 * quantity: digits with commas or decimals, multipliers ("7.8 million",
 * "50m", "$3bn"), spelled-out numbers ("fifty million", "six bitcoin", "a
 * dozen"), money, sizes, percentages, ages, durations and years, each with
 * its value in a base unit and the place value of its last written digit.
 * Identifiers that merely contain digits (URLs, CVE ids, IP addresses,
 * hashes, versions, times, dates, phone numbers, "No. 2", "Raven-1",
 * "Unit221B", "15-digit") are left out.
 *
 * Everything here is a fixed number of left-to-right passes with native
 * regex searches and a bounded look-around per number: no pattern has
 * nested quantifiers over overlapping classes, so the cost is linear in the
 * text. Sentences with no digit and no number word are skipped after two
 * native tests; `SentenceReading` keeps what was read so the claim
 * extractor does not read a sentence again.
 * Hedges, noun phrases and subjects are decided in `figures.ts`.
 */
import { wordTable } from '../text';
import { monthOf } from '../syntax/dates';
import type { SentenceRef, Unit } from './types';

export interface RawNumber {
  /** Offset of the first character (a currency sign or code included, a symbol hedge not). */
  start: number;
  /** Offset one past the last character (a multiplier, unit word or "-year-old" included). */
  end: number;
  /** A symbol hedge written right before ("~", ">", "<=", "≈"), with where it starts. */
  symbol?: { text: string; start: number };
  /** The value in the unit's base (dollars, bytes, days, …). */
  value: number;
  unit: Unit;
  /** Half the place value of the last written digit, in the same base: 500 for "902,000", 0.5e6 for "50 million". */
  half: number;
  /** Written in words ("six", "fifty million", "a dozen"). */
  spelled: boolean;
}

// ---------------------------------------------------------------------------
// One sentence, read once

/**
 * Verbs of saying (and "according to"), as a trie so that searching for
 * them is cheap on the many sentences that have none. `claims.ts` builds its
 * attribution search from this; it lives here so one pass over a sentence
 * can look for number words and verbs of saying together. Grouped by first
 * letter (no two alternatives of a group can match at one place, so the order
 * changes nothing): the regex engine tries each top-level alternative at every
 * word, and fewer of them made the search about a third faster.
 */
export const SAY_SOURCE = 's(?:a(?:id|ys?)|tated)|t(?:old|ells?|weet(?:ed|s))|c(?:onfirm(?:ed|s)|laim(?:ed|s)?|ontinued)|e(?:stimat(?:ed|es)|xplain(?:ed|s))|re(?:port(?:ed|s)|veal(?:ed|s))|a(?:nnounc(?:ed|es)|lleg(?:ed|es)|dd(?:ed|s)|dmit(?:ted|s)|cknowledg(?:ed|es)|dvised)|not(?:ed|es)|w(?:arn(?:ed|s)|r(?:ote|ites)|(?:as|ere) quoted as saying)|disclos(?:ed|es)|p(?:redict(?:ed|s)|oints? out|ointed out)|observed';

const DIGIT_TEST_RE = /\d/;
// one … ninety, as a trie for the same reason as `SAY_SOURCE`.
const SMALL_NUMBER_WORDS = 'one|t(?:w(?:o|e(?:lve|nty))|h(?:ree|irt(?:een|y))|en)|f(?:o(?:ur(?:teen)?|rty)|i(?:ve|fteen|fty))|s(?:ix(?:teen|ty)?|even(?:teen|ty)?)|e(?:ight(?:een|y)?|leven)|nine(?:teen|ty)?';
// Those, dozen, hundred, thousand, million, billion, trillion, penny, cent and bitcoin.
const NUMBER_WORDS = `${SMALL_NUMBER_WORDS}|t(?:housand|rillion)|dozen|hundred|million|b(?:illion|itcoin)|penny|cent`;
// Group 1: a number word; otherwise a verb of saying or "according to". Case is ignored: this only says whether to look closer.
// ("indicates", "shows": a document's word, `documentSpeaker` in claims.ts.)
const HINT_RE = new RegExp(`\\b(?:(${NUMBER_WORDS})|${SAY_SOURCE}|according to|indicat(?:es|ed)|show(?:s|ed))\\b`, 'gi');
const NUMBER_WORD_HINT = 1;
const SAY_HINT = 2;
const NONE: RawNumber[] = [];

/**
 * One sentence as the extractors read it, each part computed when first
 * asked for: its visible text, its numbers, and whether it may hold a verb
 * of saying. `extractFigures` and `extractClaims` read the same sentence
 * array one after the other and share these through `readingsOf`.
 */
export class SentenceReading {
  private visible?: string;
  private found?: RawNumber[];
  private hintBits = -1;

  constructor(readonly text: string) {}

  /** The visible text (see `visibleText`). */
  get v(): string {
    return (this.visible ??= visibleText(this.text));
  }

  /** The numbers (see `scanNumbers`), offsets into the sentence. Shared: do not modify. */
  get numbers(): RawNumber[] {
    if (!this.found) {
      // Most sentences hold no digit and no number word: native tests on the raw text tell.
      const digits = DIGIT_TEST_RE.test(this.text);
      const words = (this.hints & NUMBER_WORD_HINT) !== 0;
      this.found = digits || words ? scanNumbers(this.v, digits, words) : NONE;
    }
    return this.found;
  }

  /** Whether the raw text has a verb of saying or "according to" (in any case, link destinations included). */
  get maySay(): boolean {
    return (this.hints & SAY_HINT) !== 0;
  }

  private get hints(): number {
    if (this.hintBits < 0) {
      let bits = 0;
      const re = HINT_RE;
      re.lastIndex = 0;
      for (let m = re.exec(this.text); m && bits !== 3; m = re.exec(this.text)) bits |= m[1] ? NUMBER_WORD_HINT : SAY_HINT;
      this.hintBits = bits;
    }
    return this.hintBits;
  }
}

// The readings of sentence arrays being extracted, keyed by the array: one
// lookup per article, and forgotten when its extraction ends (`forgetReadings`).
const readings = new WeakMap<SentenceRef[], SentenceReading[]>();
// The readings made last: `mainSubject` reads the parser's sentences and `extractFigures` a copy of their spans and
// texts (`extractFacts`), which takes over the readings of the texts that are the same (their visible texts, made once).
let lastMade: SentenceReading[] | undefined;

/** The readings of an article's sentences, shared by every extractor that reads the same array. */
export function readingsOf(sentences: SentenceRef[]): SentenceReading[] {
  let rs = readings.get(sentences);
  if (!rs || rs.length !== sentences.length) {
    const last = lastMade !== undefined && lastMade.length === sentences.length ? lastMade : undefined;
    rs = new Array<SentenceReading>(sentences.length);
    for (let i = 0; i < sentences.length; i++) {
      const text = sentences[i].text;
      rs[i] = last !== undefined && last[i].text === text ? last[i] : new SentenceReading(text);
    }
    readings.set(sentences, rs);
    lastMade = rs;
    return rs;
  }
  // A sentence whose text changed in place is read afresh.
  for (let i = 0; i < rs.length; i++) if (rs[i].text !== sentences[i].text) rs[i] = new SentenceReading(sentences[i].text);
  return rs;
}

/**
 * Forgets the readings of `sentences`: `extractFacts` calls it once the
 * extractors are done. The memo is keyed by the array, and the array lives
 * on in the article's facts (in the index, for the life of the process), so
 * without this every article kept its readings (visible texts, numbers)
 * beside its facts.
 */
export function forgetReadings(sentences: SentenceRef[]): void {
  readings.delete(sentences);
  lastMade = undefined;
}

// ---------------------------------------------------------------------------
// Visible text

const HIDDEN_RE = /[[\]<]|https?:\/\/|\bwww\./g;
const HIDDEN_TEST_RE = /[[\]*<>]|:\/\/|www\./;
const QUOTE_MARK_RE = /(^|\n)([ \t]*)>/g;
const AUTOLINK_RE = /^<[a-z][a-z0-9+.-]{1,20}:/i;

/**
 * The sentence as a reader sees it, with exactly the same length: link
 * destinations, whole images, autolinks and bare URLs become spaces, and so
 * do `[`, `]`, `*` and block-quote `>` marks. Link text stays, so the "~40
 * million" of `[~40 million](https://…/t-mobile-40-million-…/168778/)` is
 * seen and the digits of its URL are not.
 */
export function visibleText(text: string): string {
  if (!HIDDEN_TEST_RE.test(text)) return text;
  // Ranges to blank out, with the character to fill them with (a space unless told).
  const masks: [number, number, string?][] = [];
  const open: number[] = [];
  const n = text.length;
  const re = HIDDEN_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    const c = code(text, i);
    if (c === 91 /* [ */) {
      // A defanged separator, "45[.]32[.]112[.]68", "hxxp[:]//": the brackets read as the character they guard.
      const inner = code(text, i + 1);
      if (code(text, i + 2) === 93 && (inner === 46 || inner === 58 || inner === 64)) {
        masks.push([i, i + 3, text[i + 1]]);
        re.lastIndex = i + 3;
        continue;
      }
      open.push(i);
    } else if (c === 93 /* ] */) {
      const o = open.length ? open.pop()! : -1;
      if (code(text, i + 1) === 40 /* ( */) {
        // The destination runs to the matching `)`, on the same line.
        let depth = 0;
        let j = i + 1;
        for (; j < n && j - i < 4000; j++) {
          const d = code(text, j);
          if (d === 40) depth++;
          else if (d === 41 && --depth === 0) break;
          else if (d === 10 || d === 13) break;
        }
        if (j < n && code(text, j) === 41) {
          if (o > 0 && code(text, o - 1) === 33 /* ! */) masks.push([o - 1, j + 1]);
          else {
            if (o >= 0) masks.push([o, o + 1]);
            masks.push([i, j + 1]);
          }
          re.lastIndex = j + 1;
          continue;
        }
      }
      if (o >= 0) masks.push([o, o + 1]);
      masks.push([i, i + 1]);
    } else if (c === 60 /* < */) {
      // An autolink, `<https://t.co/F7mcmrmgxn>`.
      let j = i + 1;
      while (j < n && j - i < 4000 && code(text, j) > 32 && code(text, j) !== 62) j++;
      if (code(text, j) === 62 && AUTOLINK_RE.test(text.slice(i, i + 24))) {
        masks.push([i, j + 1]);
        re.lastIndex = j + 1;
      }
    } else {
      // A bare URL runs to white space or to the bracket that closes its link text.
      let j = i;
      while (j < n) {
        const d = code(text, j);
        if (d <= 32 || d === 0xa0 || d === 93 || d === 41 || d === 62 || d === 0x201d || d === 34) break;
        j++;
      }
      masks.push([i, j]);
      re.lastIndex = j;
    }
  }
  for (const o of open) masks.push([o, o + 1]);
  let out = text;
  if (masks.length) {
    // Mostly found in order already: sorted (stably, by start) only when not.
    let sorted = true;
    for (let k = 1; k < masks.length && sorted; k++) sorted = masks[k - 1][0] <= masks[k][0];
    if (!sorted) masks.sort((a, b) => a[0] - b[0]);
    let at = 0;
    out = '';
    for (let k = 0; k < masks.length; k++) {
      const mask = masks[k];
      const from = Math.max(mask[0], at);
      const b = mask[1];
      if (b <= from) continue;
      out += text.slice(at, from) + (mask[2] ?? ' ').repeat(b - from);
      at = b;
    }
    out += text.slice(at);
  }
  if (out.includes('*')) out = out.replace(/\*/g, ' ');
  if (out.includes('>')) out = out.replace(QUOTE_MARK_RE, (_m, nl: string, ws: string) => `${nl}${ws} `);
  return out;
}

// ---------------------------------------------------------------------------
// Word lists

/**
 * Words that end a noun phrase after a number, and that a spelled-out number
 * must not be followed by ("one of", "two in"): prepositions, conjunctions,
 * determiners, pronouns, auxiliaries, common verbs and time words.
 */
export const STOP_WORDS = new Set([
  'of', 'in', 'on', 'at', 'for', 'to', 'from', 'by', 'with', 'without', 'into', 'onto', 'over', 'under', 'about',
  'after', 'before', 'since', 'until', 'during', 'through', 'across', 'against', 'among', 'between', 'per', 'via',
  'than', 'as', 'like', 'including', 'except', 'within', 'upon', 'toward', 'towards', 'around', 'behind', 'beyond',
  'and', 'or', 'but', 'nor', 'yet', 'so', 'while', 'whereas', 'if', 'when', 'where', 'because', 'although', 'though',
  'whether', 'who', 'whom', 'whose', 'which', 'that', 'what', 'the', 'a', 'an', 'this', 'these', 'those', 'each',
  'every', 'some', 'any', 'no', 'all', 'both', 'either', 'neither', 'it', 'its', 'they', 'them', 'their', 'he',
  'him', 'his', 'she', 'her', 'we', 'us', 'our', 'you', 'your', 'i', 'me', 'my', 'is', 'are', 'was', 'were', 'be',
  'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'may', 'might',
  'must', 'shall', 'should', 'also', 'not', 'never', 'only', 'just', 'still', 'now', 'then', 'ago', 'apiece',
  'respectively', 'already', 'later', 'earlier', 'said', 'says', 'say', 'told', 'tells', 'claimed', 'claims',
  'according', 'more', 'less', 'fewer', 'times', 'time', 'am', 'pm', 'est', 'edt', 'pst', 'pdt', 'utc', 'gmt', 'bst',
  'cet', 'today', 'yesterday', 'tomorrow', 'there', 'here', 'up', 'down', 'out', 'off', 'again', 'too', 'even',
  'get', 'got', 'gets', 'getting', 'make', 'made', 'makes', 'lost', 'stole', 'took', 'became', 'remain', 'remains',
  'remained', 'appear', 'appears', 'appeared', 'seem', 'seems', 'seemed', 'contain', 'contains', 'include',
  'includes', 'involve', 'involves', 'affect', 'affects', 'hit', 'hits',
]);

const UNIT_NUMBERS = wordTable<number>({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS = wordTable<number>({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
const SCALES = wordTable<number>({ thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 });
const MULTIPLIERS = wordTable<number>({
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9,
});
const BYTES = wordTable<number>({
  byte: 1, bytes: 1, kb: 1e3, kilobyte: 1e3, kilobytes: 1e3, mb: 1e6, megabyte: 1e6, megabytes: 1e6, gb: 1e9,
  gigabyte: 1e9, gigabytes: 1e9, tb: 1e12, terabyte: 1e12, terabytes: 1e12, pb: 1e15, petabyte: 1e15, petabytes: 1e15,
});
/** Words after a number that give it a unit of its own, and the factor to the unit's base. */
const UNIT_WORDS = wordTable<{ unit: Unit; factor: number }>({
  bitcoin: { unit: 'btc', factor: 1 }, bitcoins: { unit: 'btc', factor: 1 }, btc: { unit: 'btc', factor: 1 },
  penny: { unit: 'usd', factor: 0.01 }, pennies: { unit: 'usd', factor: 0.01 }, cent: { unit: 'usd', factor: 0.01 },
  cents: { unit: 'usd', factor: 0.01 }, dollar: { unit: 'usd', factor: 1 }, dollars: { unit: 'usd', factor: 1 },
  usd: { unit: 'usd', factor: 1 }, euro: { unit: 'eur', factor: 1 }, euros: { unit: 'eur', factor: 1 },
  eur: { unit: 'eur', factor: 1 }, gbp: { unit: 'gbp', factor: 1 }, pence: { unit: 'gbp', factor: 0.01 },
  // "10 million yuan" (30 real figures were counts of a noun "yuan"), "5 billion yen", "400 million rubles", "20 million rupees".
  yuan: { unit: 'cny', factor: 1 }, renminbi: { unit: 'cny', factor: 1 }, rmb: { unit: 'cny', factor: 1 }, cny: { unit: 'cny', factor: 1 },
  yen: { unit: 'jpy', factor: 1 }, jpy: { unit: 'jpy', factor: 1 }, rupee: { unit: 'inr', factor: 1 }, rupees: { unit: 'inr', factor: 1 },
  inr: { unit: 'inr', factor: 1 }, ruble: { unit: 'rub', factor: 1 }, rubles: { unit: 'rub', factor: 1 }, rouble: { unit: 'rub', factor: 1 },
  roubles: { unit: 'rub', factor: 1 }, rub: { unit: 'rub', factor: 1 },
  percent: { unit: 'percent', factor: 1 }, pct: { unit: 'percent', factor: 1 },
  minute: { unit: 'days', factor: 1 / 1440 }, minutes: { unit: 'days', factor: 1 / 1440 },
  hour: { unit: 'days', factor: 1 / 24 }, hours: { unit: 'days', factor: 1 / 24 },
  day: { unit: 'days', factor: 1 }, days: { unit: 'days', factor: 1 }, week: { unit: 'days', factor: 7 },
  weeks: { unit: 'days', factor: 7 }, month: { unit: 'days', factor: 30 }, months: { unit: 'days', factor: 30 },
  year: { unit: 'days', factor: 365 }, years: { unit: 'days', factor: 365 },
});

/** Words after which a number is a label, not a quantity ("No. 2", "version 4", "port 443"). */
const LABEL_WORDS = new Set([
  'no', 'nos', 'vol', 'fig', 'figs', 'pp', 'version', 'ver', 'v', 'build', 'port', 'level', 'step', 'phase', 'stage',
  'tier', 'article', 'section', 'chapter', 'episode', 'season', 'rule', 'cvss', 'rank', 'ranked', 'page', 'room',
  'suite', 'unit', 'series', 'gen', 'generation', 'windows', 'ios', 'android', 'macos', 'kb', 'flight', 'route',
  'highway', 'interstate', 'ext', 'tel', 'ports', 'cvss', 'score', 'rating', 'severity', 'versions',
  // "a single category 1 incident", "layer 2 segment", "a class 3 felony".
  'category', 'cat', 'type', 'class', 'grade', 'layer', 'priority', 'round', 'wave',
  // "bug 1197904", "see Figure 10", "Exhibit 4" ("Internal case 1014": see `digitsAt`).
  'id', 'ticket', 'bug', 'exhibit', 'docket', 'item', 'figure', 'table', 'appendix', 'paragraph',
  // A law's title and chapter: "Del. Code tit. 6 § 205C", "2017 H.B. 15, Chap. 36" (and its bill: see `billBefore`).
  'tit', 'chap',
]);
/** "a CVSS score of 9.8", "a severity rating of 9.9", "received CVSS scores of 8.8": a rating, not a quantity. */
const RATING_BEFORE_RE = /\b(?:scores?|ratings?|severity|cvss)\s+(?:of\s+)?$/i;
/** "rated 9.8", "rated at 9.8", "rated as 8.1", "rated a 9.8", "rates 7.3 on the CVSS scale": a rating. */
const RATED_BEFORE_RE = /\b(?:rated(?:\s+(?:at|as|an?))?|rates)\s+$/i;
/** The last word `RATED_BEFORE_RE` can end on, to test it only then. */
const RATED_LAST = new Set(['rated', 'rates', 'at', 'as', 'a', 'an']);
/** A rating word right after a number: "a 9.8 severity rating", "a 9.8 CVSS score", "a 10.0 rating". */
const AFTER_RATING_RE = /\s{1,2}(?:cvss\w*|severity|ratings?|scores?)\b/iy;
/** A rating's scale right after a number: "an 8.8 out of 10 rating", "a 9.8 out of a possible 10", "4.7 out of 5 stars". */
const OUT_OF_RE = /\s{1,2}out\s{1,2}of\s{1,2}(?:a\s{1,2}(?:possible|maximum)\s{1,2})?(?:10|ten|5|five)\b/iy;
/** The word after a scale that makes it a share of things ("7 out of 10 companies"), not a rating: a lower-case noun. */
const SHARE_NOUN_RE = /\s{1,2}([a-z]+)/y;
/** Nouns after a scale that still rate: "an 8.8 out of 10 rating", "4.7 out of 5 stars". */
const SCALE_NOUN_RE = /^(?:ratings?|scores?|severity|stars?|points?)$/;
/** Words near a one-decimal number that make it a rating ("a low score in terms of CVSS, coming in at 6.8", "range from 7.1 to 7.8"). */
const RATING_NEAR_RE = /cvss|\bscor(?:e|es|ed|ing)\b|\bratings?\b|\brated\b|\brates\b|severity|criticality/i;
/** How far before and after a one-decimal number `RATING_NEAR_RE` looks. */
const RATING_NEAR_BEFORE = 60;
const RATING_NEAR_AFTER = 40;
/**
 * What joins one member of a list of numbers to the next: ", ", ", and ", " and ", " or ", " & ", " to ",
 * " through ", a spaced dash ("Android 10, 11, and 12", "iOS versions 14.4 & 14.6", "versions 12.4 through
 * 13.7", "the week of December 6 - 10").
 */
const LIST_JOIN_RE = /,\s{0,2}(?:(?:and|or|&)\s{1,2})?|\s{1,2}(?:(?:and|or|&|to|through)\s{1,2}|[-–]\s{1,2})/y;
/** A list going on after a member: a joiner and a digit. */
const LIST_ON_RE = /(?:,\s{0,2}(?:(?:and|or|&)\s{1,2})?|\s{1,2}(?:and|or|&)\s{1,2})\d/y;
/** Capitalised words that may stand right before a quantity (sentence openers and hedges). */
const OPENERS = new Set([
  'in', 'by', 'of', 'about', 'over', 'some', 'nearly', 'almost', 'around', 'roughly', 'approximately', 'more', 'up',
  'the', 'a', 'an', 'another', 'only', 'just', 'all', 'since', 'from', 'to', 'until', 'with', 'at', 'on', 'for',
  'its', 'their', 'our', 'his', 'her', 'additional', 'estimated', 'least', 'than', 'under', 'fewer', 'less',
  'as', 'and', 'or', 'but', 'after', 'before', 'during', 'between', 'those', 'these', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today',
]);
/** Words before a spelled-out number that make it a reference, not a quantity ("the two", "their three"). */
const REFERENCE_BEFORE = new Set(['the', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'every', 'each']);
const HEDGE_BEFORE_YEAR = new Set(['than', 'about', 'approximately', 'around', 'roughly', 'nearly', 'almost', 'over', 'some', 'estimated']);
/** Currency codes Breach Desk has a unit for ("USD 5 million", "CAD 5,000", "JPY 300 million"); with another currency ("R$", "¥") a number is no figure. */
const CODE_UNITS = wordTable<Unit>({ USD: 'usd', EUR: 'eur', GBP: 'gbp', BTC: 'btc', AUD: 'aud', CAD: 'cad', HKD: 'hkd', NZD: 'nzd', SGD: 'sgd', CNY: 'cny', RMB: 'cny', JPY: 'jpy', INR: 'inr', RUB: 'rub' });
/** Dollars other than the US dollar, by the letters written before "$" ("AU$1.66 million", "S$5,000"). */
const DOLLAR_PREFIXES = wordTable<Unit>({ '': 'usd', US: 'usd', AU: 'aud', A: 'aud', C: 'cad', CA: 'cad', CAN: 'cad', HK: 'hkd', NZ: 'nzd', S: 'sgd', SG: 'sgd' });

// ---------------------------------------------------------------------------
// Character helpers

/**
 * `v.charCodeAt(k)`, or -1 outside `v`. Numbers often stand at a sentence's
 * edge, and each place that read past it made V8 throw away and recompile
 * the whole function once (-1, like the NaN it replaces, is no character).
 */
export function code(v: string, k: number): number {
  return k >= 0 && k < v.length ? v.charCodeAt(k) : -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 0xbf && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

function isAlnum(c: number): boolean {
  return isDigit(c) || isLetter(c) || c === 95 /* _ */;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** The word (letters, inner dots and hyphens) that ends just before `at`, across white space and one dot. */
function wordBefore(v: string, at: number): { word: string; start: number; dot: boolean } | undefined {
  let i = at;
  while (i > 0 && isSpace(code(v, i - 1)) && at - i < 3) i--;
  let dot = false;
  if (code(v, i - 1) === 46) { dot = true; i--; }
  const end = i;
  while (i > 0 && end - i < 30 && (isLetter(code(v, i - 1)) || (code(v, i - 1) === 45 && i > 1 && isLetter(code(v, i - 2))))) i--;
  if (i === end) return undefined;
  return { word: v.slice(i, end), start: i, dot };
}

/** The first word after `at` across white space, letters and inner hyphens or apostrophes only. */
function wordAfter(v: string, at: number): { word: string; start: number; end: number } | undefined {
  let i = at;
  while (i < v.length && isSpace(code(v, i)) && i - at < 3) i++;
  const start = i;
  while (i < v.length && i - start < 40 && (isLetter(code(v, i)) || ((code(v, i) === 45 || code(v, i) === 0x2019 || code(v, i) === 39) && isLetter(code(v, i + 1))))) i++;
  if (i === start) return undefined;
  return { word: v.slice(start, i), start, end: i };
}

function isMonth(word: string): boolean {
  return isUpper(word.charCodeAt(0)) && monthOf(word) !== undefined;
}

/** Whether a sentence is set in title case (a headline), where capitalised words say nothing. */
function isTitleCase(v: string): boolean {
  let words = 0;
  let caps = 0;
  const re = /[A-Za-z][A-Za-z’'-]*/g;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const w = m[0];
    if (w.length <= 3 && /^(?:a|an|the|of|for|and|or|to|in|on|at|by|up|as|is|vs)$/.test(w)) continue;
    words++;
    if (isUpper(w.charCodeAt(0))) caps++;
  }
  return words >= 3 && caps / words >= 0.7;
}

/**
 * Whether a word at `at` opens the sentence or a clause of its own: only blank space, quotation marks,
 * brackets, emphasis or a list's bullet stand before it, back to the start of the sentence or of a line, or
 * to a colon, a stop or a dash ("Apache: Two critical bugs", "**Lisa Vaas:** Two years", "> Five days left").
 */
function opensSentence(v: string, at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const c = v.charCodeAt(k);
    // A line of its own (a list item, a quoted line), or a quotation opening ('that, "Three former officers …').
    if (c === 10 || c === 13 || c === 34 || c === 0x201c || c === 0x2018) return true;
    if (c === 32 || c === 9 || c === 0xa0 || c === 39 || c === 40 || c === 42 || c === 95 || c === 91 || c === 45 || c === 43) continue;
    return c === 58 || c === 62 || c === 46 || c === 33 || c === 63 || c === 0x2014 || c === 0x2013 || c === 124;
  }
  return true;
}

/**
 * Place value of the last written digit group: 1000 for "902000" (written "902,000") and "50000", 0.1 for "7.8".
 * `digits` is the number without its commas (`digitsAt` has made that copy already).
 */
function placeOf(digits: string): number {
  const dot = digits.indexOf('.');
  if (dot >= 0) return 10 ** -(digits.length - dot - 1);
  let zeros = 0;
  for (let k = digits.length - 1; k > 0 && digits.charCodeAt(k) === 48; k--) zeros++;
  return 10 ** (3 * Math.floor(zeros / 3));
}

// ---------------------------------------------------------------------------
// Suffixes after a number

const AFTER_BYTES_RE = /\s{0,2}(kilobytes?|megabytes?|gigabytes?|terabytes?|petabytes?|bytes?|[kmgtp]b)(?![A-Za-z0-9])/iy;
const AFTER_MULT_RE = /(?:\s{1,2}(hundred|thousand|million|billion|trillion)|\s?(mln|mn|bn)|([kmb]))(?![A-Za-z0-9])/iy;
// "85 percent", "85%", and hyphenated "974-percent".
const AFTER_PERCENT_RE = /(?:\s{1,2}|[-‐](?=p))?(?:%|percent\b|per\s?cent\b|pct\b)/iy;
// "one million U.S. dollars", "5 million US dollars": the country's name before the currency's word is part of it.
const AFTER_UNIT_RE = /\s{1,2}(?:(?:U\.S\.|US)\s{1,2}(?=dollars?\b))?(bitcoins?|btc|pennies|penny|pence|cents?|dollars?|usd|euros?|eur|gbp|yuan|renminbi|rmb|cny|yen|jpy|rupees?|inr|roubles?|rubles?|rub|minutes?|hours?|days?|weeks?|months?|years?)(?![A-Za-z0-9])(\s{1,2}old\b)?(\s{1,2}ago\b)?/iy;
const AFTER_HYPHEN_RE = /[-‐](year|years|day|week|month|hour|minute)(?:[-‐ ](old)\b|(?![-‐A-Za-z]))/iy;
const AFTER_CLOCK_RE = /\s?(?:[ap]\.m\.|[ap]m\b|o[’']clock\b)/iy;
const CHAIN_RE = /[-–]\d+(?:[-–]\d+)*/y;

/** Whether `c` is a white space to a regex's `\s` (ECMAScript's white space and line terminators). */
function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The character at `at`, past one or two white spaces if they stand there: where a suffix's word must start (two: as
 * written, "50  million"; a line wrapped by hand is one space in the text as read, `ReadText`).
 */
function pastSpace(v: string, at: number): number {
  const c = code(v, at);
  if (!isJsSpace(c)) return c;
  const d = code(v, at + 1);
  return isJsSpace(d) ? code(v, at + 2) : d;
}

function sticky(re: RegExp, v: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(v);
}

interface Suffix {
  end: number;
  value: number;
  unit: Unit;
  half: number;
}

/**
 * What follows a number's digits or words: a multiplier, a size, a percent
 * sign, a unit word, "-year-old" or "days ago". `spelled` is true when the
 * number is written in words, whose multipliers were read already.
 */
function suffix(v: string, at: number, value: number, place: number, unit: Unit, spelled: boolean): Suffix {
  let end = at;
  let half = place / 2;
  // Only a space, a letter, "%" or a hyphen can start a suffix.
  const c = code(v, at);
  if (!(c === 32 || c === 0xa0 || c === 37 || c === 45 || c === 0x2010 || isLetter(c))) return { end, value, unit, half };
  let m: RegExpExecArray | null;
  // Each suffix's first letter (past a space) is looked at before its regex runs: most numbers are followed by a noun.
  const next = pastSpace(v, at);
  const first = next | 32;
  if (!spelled && unit === 'count' && (first === 107 || first === 109 || first === 103 || first === 116 || first === 112 || first === 98) && (m = sticky(AFTER_BYTES_RE, v, at))) {
    // "106GB", "1.5 TB", "500 megabytes" (a lone "b" after a number is a billion, below).
    const f = BYTES[m[1].toLowerCase()];
    return { end: at + m[0].length, value: value * f, unit: 'bytes', half: half * f };
  }
  if (!spelled && (first === 104 || first === 116 || first === 109 || first === 98 || first === 107 || isJsSpace(next)) && (m = sticky(AFTER_MULT_RE, v, at))) {
    const word = (m[1] ?? m[2] ?? m[3]).toLowerCase();
    const f = MULTIPLIERS[word];
    value *= f;
    // "50 million" is written to the million, whatever its digits' zeros.
    half = (place >= 1 ? 1 : place) * f / 2;
    end = at + m[0].length;
    const size = sticky(AFTER_BYTES_RE, v, end);
    if (size && /\s/.test(size[0][0]) && unit === 'count') {
      const b = BYTES[size[1].toLowerCase()];
      return { end: end + size[0].length, value: value * b, unit: 'bytes', half: half * b };
    }
  }
  const e = code(v, end);
  const f = isJsSpace(e) ? pastSpace(v, end) : e === 45 || e === 0x2010 ? code(v, end + 1) : e;
  if ((f === 37 || (f | 32) === 112) && (m = sticky(AFTER_PERCENT_RE, v, end))) {
    return { end: end + m[0].length, value, unit: 'percent', half };
  }
  if ((e === 45 || e === 0x2010) && (m = sticky(AFTER_HYPHEN_RE, v, end))) {
    if (m[2]) return { end: end + m[0].length, value, unit: 'age', half: 0.5 };
    const u = UNIT_WORDS[`${m[1].toLowerCase().replace(/s$/, '')}s`];
    return { end: end + m[0].length, value: value * u.factor, unit: 'days', half: half * u.factor };
  }
  if (isJsSpace(e) && (m = sticky(AFTER_UNIT_RE, v, end))) {
    const word = m[1].toLowerCase();
    const u = UNIT_WORDS[word];
    if (m[2] && /^years?$/.test(word)) return { end: end + m[0].length - (m[3]?.length ?? 0), value, unit: 'age', half: 0.5 };
    const stop = m[2] ? end + m[0].length - m[2].length - (m[3]?.length ?? 0) : end + m[0].length;
    if (unit === 'count') return { end: stop, value: value * u.factor, unit: u.unit, half: half * u.factor };
    // "US$5 dollars": the word repeats the unit the sign gave.
    if (unit === u.unit && u.factor === 1) return { end: stop, value, unit, half };
  }
  return { end, value, unit, half };
}

// ---------------------------------------------------------------------------
// The scanner

const PLAIN_RE = /^\d+(?:\.\d+)?$/;
const GROUPED_RE = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const SYMBOL_RE = /(>=|<=|[~≈>≥<≤])\s?$/;
const DATE_BEFORE_RE = /([A-Z][a-z]{2,8})\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?\s{1,3}$/;
const CAMEL_RE = /[a-z][A-Z]/;
const CURRENCY_PREFIX_RE = /([A-Za-z]{0,3})\$$/;
const SPELLED_WORD_RE = /([A-Za-z]+)/y;
const AND_NUMBER_RE = /\s+([A-Za-z]+)/y;
const DIGITS_RE = /\d+(?:[.,]\d+)*/g;
// The first word of a spelled-out number ("a", "an" and "half a" only before a multiplier or a unit); one … ninety as a
// trie (`SMALL_NUMBER_WORDS`).
const SPELLED_RE = /\b(?:(?:an?|half\s+an?)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen|penny|cent|bitcoin)\b)|(?:one|t(?:w(?:o|e(?:lve|nty))|h(?:ree|irt(?:een|y))|en)|f(?:o(?:ur(?:teen)?|rty)|i(?:ve|fteen|fty))|s(?:ix(?:teen|ty)?|even(?:teen|ty)?)|e(?:ight(?:een|y)?|leven)|nine(?:teen|ty)?)\b)/gi;

interface ScanState {
  v: string;
  out: RawNumber[];
  /** Whether the sentence is a headline, computed when first needed. */
  title?: boolean;
  /** Where the last number left out as a label, a day or a rating ends (-1: none), its length, and which of them it was (`LEFT_*`). */
  leftEnd: number;
  leftLength: number;
  leftKind: number;
}

/**
 * Whether a file's extension starts at `at`, just after a dot that ends digits: two to four lower-case letters or digits,
 * a letter first, then no letter or digit ("360.tct", "1.rar", "95.dll", "123.txt"). In the real corpus every number
 * written so is a file's name (dll 26, bat 7, msi 4, exe 4, rar 3, …); a sentence glued to the next by a scrape opens
 * on a capital ("affected 500.The company").
 */
function fileExtensionAt(v: string, at: number): boolean {
  if (!isLower(code(v, at))) return false;
  let k = at + 1;
  while (k < v.length && k - at < 5 && (isLower(code(v, k)) || isDigit(code(v, k)))) k++;
  return k - at >= 2 && k - at <= 4 && !isAlnum(code(v, k));
}

/** Whether `before`, the word before a number, ends a bill's abbreviation: "H.B. 15", "S.B. 220", "A.B. 375", "H.R. 1". */
function billBefore(v: string, before: { word: string; start: number; dot: boolean }): boolean {
  if (!before.dot || before.word.length !== 1 || (before.word !== 'B' && before.word !== 'R')) return false;
  let k = before.start - 1;
  if (code(v, k) === 32) k--;
  if (code(v, k) !== 46) return false;
  const house = code(v, k - 1);
  return !isLetter(code(v, k - 2)) && (house === 72 /* H */ || (before.word === 'B' && (house === 83 /* S */ || house === 65 /* A */)));
}

/** Whether `before`, the word before a number, is the "s" of a capitalised word's possessive ("Microsoft's", "Microsoft’s"). */
function possessiveOfName(v: string, before: { word: string; start: number; dot: boolean } | undefined): boolean {
  if (!before || before.word !== 's' || before.dot) return false;
  const a = code(v, before.start - 1);
  if (a !== 39 && a !== 0x2019) return false;
  let k = before.start - 1;
  while (k > 0 && before.start - k < 30 && isLetter(code(v, k - 1))) k--;
  return k < before.start - 1 && isUpper(code(v, k)) && !CONTRACTED.has(v.slice(k, before.start - 1).toLowerCase());
}

/** Words whose "'s" is "is" or "us", no possessive: "It's 5 AM", "Here's 10 Tips", "Let's". */
const CONTRACTED = new Set(['it', 'that', 'what', 'here', 'there', 'he', 'she', 'let', 'who', 'where', 'how', 'this', 'today', 'now']);

/** Codes of law whose title is cited by a number before them without a "§": "23 NYCRR 500", "18 USC 1030", "45 CFR 164". */
const CODE_TITLES = new Set(['USC', 'CFR', 'ILCS', 'NYCRR', 'CCR']);

/**
 * Whether the words at `at` cite a code of law whose title the number before them is: one to three abbreviated words
 * (a capital first, at most eight letters and dots each: "ILCS", "OK Stat", "Pa. C.S.A.", "L.P.R.A.") and then "§", or
 * one of `CODE_TITLES` ("23 NYCRR 500"). A count is not followed by "§" ("815 ILCS § 530/45"; eight of them in the real
 * corpus's table of state privacy laws, all figures before).
 */
function citesCode(v: string, at: number): boolean {
  let k = at;
  for (let words = 0; words < 3; words++) {
    if (!isUpper(code(v, k))) return false;
    const start = k;
    let letters = '';
    while (k < v.length && k - start < 8 && (isLetter(code(v, k)) || code(v, k) === 46)) {
      if (code(v, k) !== 46) letters += v[k];
      k++;
    }
    if (isAlnum(code(v, k))) return false;
    if (words === 0 && CODE_TITLES.has(letters) && code(v, k) === 32 && (isDigit(code(v, k + 1)) || code(v, k + 1) === 0xa7)) return true;
    if (code(v, k) !== 32) return false;
    k++;
    if (code(v, k) === 0xa7 /* § */) return true;
  }
  return false;
}

/** A label, a model or a version: "Windows 10", "SMA 200", "version 2.16", "port 80". */
const LEFT_LABEL = 1;
/** A day of a month: "Dec. 9", "August 21". */
const LEFT_DAY = 2;
/** A rating: "CVSS scores of 10", "rated 9.8". */
const LEFT_RATING = 3;

/** Leaves a number out as a label, a day or a rating, and remembers where it ends: the list it opens is left out too. */
function leaveOut(state: ScanState, start: number, end: number, kind: number): number {
  state.leftEnd = end;
  state.leftLength = end - start;
  state.leftKind = kind;
  return 0;
}

/**
 * Whether the bare number at `start`…`end` goes on a list whose first member was left out: a model's
 * ("Android 10, 11, and 12", "Windows 10 and 11 PCs"), a version's ("iOS versions 14.4 and 14.6"), a
 * day's ("on Dec. 9 and 10", "August 2 and 6, September 16, 18, 19 and 22") or a rating's ("CVSS scores
 * of 10 and 9"). A list whose first member is a figure ("10, 20 and 30 million records", "5,000 and 10,000
 * customers") is no such list; nor is a number after a bare comma that no other member follows and
 * that is written unlike the member before it or follows a day ("Windows 10, 500 machines", "on March
 * 12, 15 people"), or one too large for a day or a rating.
 */
function goesOnLeftOut(state: ScanState, start: number, end: number, value: number, whole: boolean): boolean {
  const from = state.leftEnd;
  if (from < 0 || start <= from || start - from > 12) return false;
  const m = sticky(LIST_JOIN_RE, state.v, from);
  if (!m || from + m[0].length !== start) return false;
  if (state.leftKind === LEFT_DAY && (!whole || value < 1 || value > 31)) return false;
  if (state.leftKind === LEFT_RATING && value > 10) return false;
  // A joiner with a word or a dash joins. A bare comma joins when the list goes on ("August 2 and 6,
  // September 16, 18, 19 and 22") or, after a model, when the number is written like the one before
  // ("SMA 200, 210, 400, 410 devices").
  if (code(state.v, from) !== 44 || /[a-z&]/.test(m[0])) return true;
  if (state.leftKind !== LEFT_DAY && end - start === state.leftLength) return true;
  return sticky(LIST_ON_RE, state.v, end) !== null;
}

/**
 * Whether a bare number is a rating by the words around it: "a 9.8 severity rating", "a 9.8 CVSS score",
 * "rated 9.8", "rates 7.3 on the CVSS scale", or a one-decimal number up to 10 near a rating word ("a
 * low score in terms of CVSS, coming in at 6.8", "severity ratings that range from 7.1 to 7.8"). Real
 * counts are rarely written to one decimal without a multiplier.
 */
function isRating(v: string, start: number, end: number, tok: string, value: number, before: { word: string; start: number } | undefined): boolean {
  if (value > 10) return false;
  if (sticky(AFTER_RATING_RE, v, end)) return true;
  if (before && RATED_LAST.has(before.word.toLowerCase()) && RATED_BEFORE_RE.test(v.slice(Math.max(0, start - 16), start))) return true;
  if (tok.length < 3 || tok.charCodeAt(tok.length - 2) !== 46) return false;
  return RATING_NEAR_RE.test(v.slice(Math.max(0, start - RATING_NEAR_BEFORE), Math.min(v.length, end + RATING_NEAR_AFTER)));
}

/**
 * Where a rating's scale after a number ends ("8.8 out of 10", "9.8 out of a possible 10"), or 0 when
 * none follows or the scale shares out things ("7 out of 10 companies").
 */
function ratingScaleEnd(v: string, end: number): number {
  const m = sticky(OUT_OF_RE, v, end);
  if (!m) return 0;
  const after = end + m[0].length;
  const noun = sticky(SHARE_NOUN_RE, v, after);
  if (noun && !STOP_WORDS.has(noun[1]) && !SCALE_NOUN_RE.test(noun[1])) return 0;
  return after;
}

/**
 * Every quantity in a visible sentence text (see `visibleText`), in order.
 * Offsets are into `v`. A caller that knows the text holds no digit, or no
 * number word, may skip that pass with `digits` or `words`.
 */
export function scanNumbers(v: string, digits = true, words = true): RawNumber[] {
  const state: ScanState = { v, out: [], title: undefined, leftEnd: -1, leftLength: 0, leftKind: 0 };
  if (digits) {
    const re = DIGITS_RE;
    re.lastIndex = 0;
    for (let m = re.exec(v); m; m = re.exec(v)) {
      const next = digitsAt(state, m.index, m[0]);
      if (next > re.lastIndex) re.lastIndex = next;
    }
  }
  if (words) {
    const found = state.out;
    state.out = [];
    const re = SPELLED_RE;
    re.lastIndex = 0;
    let k = 0;
    for (let m = re.exec(v); m; m = re.exec(v)) {
      // A word inside a number already read ("50 million", "$3 a share") is part of it.
      while (k < found.length && found[k].end <= m.index) k++;
      if (k < found.length && found[k].start <= m.index) continue;
      const next = spelledAt(state, m.index);
      if (next > re.lastIndex) re.lastIndex = next;
    }
    if (state.out.length) return [...found, ...state.out].sort((a, b) => a.start - b.start);
    return found;
  }
  return state.out;
}

function isSymbol(c: number): boolean {
  return c === 126 || c === 62 || c === 60 || c === 61 || c === 0x2248 || c === 0x2265 || c === 0x2264;
}

function symbolBefore(v: string, start: number): RawNumber['symbol'] {
  if (!isSymbol(code(v, start - 1)) && !isSymbol(code(v, start - 2))) return undefined;
  const sym = SYMBOL_RE.exec(v.slice(Math.max(0, start - 3), start));
  return sym ? { text: sym[1], start: start - sym[0].length } : undefined;
}

/** A number written in digits at `i`; returns where scanning resumes (0: right after the digits). */
function digitsAt(state: ScanState, i: number, tok: string): number {
  const { v, out } = state;
  const j = i + tok.length;
  const p = code(v, i - 1);
  // Glued to a word, a path, a handle, a time or a version: "Unit221B", "/168778", "@x1", ":12", ".2".
  if (isAlnum(p) || p === 47 || p === 92 || p === 35 || p === 64 || p === 58 || p === 46 || p === 61 || p === 38 || p === 63 || p === 43 || p === 94) return 0;
  if ((p === 45 || p === 0x2013 || p === 0x2010) && isAlnum(code(v, i - 2))) return 0; // "Raven-1", "CVE-2021-…"
  const n1 = code(v, j);
  if (n1 === 47 || n1 === 92 || (n1 === 58 && isDigit(code(v, j + 1)))) return 0; // "9/11", "11:12"
  if (n1 === 46 && code(v, j + 1) === 46) return 0; // a defanged address, "45[.]32" read as "45...32"
  if (n1 === 0xb0) return 0; // degrees: "130°", "30°C"
  if (n1 === 46 && fileExtensionAt(v, j + 1)) return 0; // a file's name: "Copies 360.tct", "Deletes 1.rar", "‘12.bat’"
  // A subsection of a code, glued to its section or another subsection: "Cal. Civ. Code §§ 1798.130(5)", "§ 4107(a)(10)",
  // "§§ 501.171(3)-(6)"; eleven figures of the real corpus, and a scraped power ("5 x 10(41) years").
  if (p === 40 && n1 === 41 && (isDigit(code(v, i - 2)) || code(v, i - 2) === 41 || (code(v, i - 2) === 45 && code(v, i - 3) === 41))) return 0;
  if ((n1 === 45 || n1 === 0x2013) && isDigit(code(v, j + 1))) {
    // A chain of numbers: "2004-2021" is two years; "555-123-4567" and "2021-08-18" are nothing.
    const chain = sticky(CHAIN_RE, v, j)!;
    const parts = chain[0].slice(1).split(/[-–]/);
    if (parts.length === 1 && /^(?:19|20)\d\d$/.test(tok) && /^(?:19|20)\d\d$/.test(parts[0])) {
      out.push({ start: i, end: j, value: Number(tok), unit: 'year', half: 0.5, spelled: false });
      out.push({ start: j + 1, end: j + 1 + parts[0].length, value: Number(parts[0]), unit: 'year', half: 0.5, spelled: false });
    }
    return j + chain[0].length;
  }
  const comma = tok.includes(',');
  if ((comma || tok.includes('.')) && !PLAIN_RE.test(tok) && !GROUPED_RE.test(tok)) return 0; // "4.2.1", "192.168.0.1", "1,2"
  const digits = comma ? tok.replace(/,/g, '') : tok;
  if (digits.length > 15 || (!tok.includes(',') && !tok.includes('.') && digits.length > 12)) return 0;
  if (digits.length > 1 && digits.charCodeAt(0) === 48 && digits.charCodeAt(1) !== 46) return 0; // "007", "08"
  const clock = pastSpace(v, j) | 32;
  if ((clock === 97 || clock === 112 || clock === 111) && sticky(AFTER_CLOCK_RE, v, j)) return 0; // "11 AM", "11:12 am"
  if (p === 40 && n1 === 41 && /^\s\d/.test(v.slice(j + 1, j + 3))) return 0; // "(555) 123-4567"

  // Currency written before the digits.
  let start = i;
  let unit: Unit = 'count';
  if (p === 36 /* $ */) {
    const pre = CURRENCY_PREFIX_RE.exec(v.slice(Math.max(0, i - 4), i))!;
    const dollar = DOLLAR_PREFIXES[pre[1].toUpperCase()];
    if (!dollar) return 0; // "R$", "MX$": dollars and reais the check does not know
    unit = dollar;
    start = i - pre[0].length;
  } else if (p === 0x20ac /* € */) { unit = 'eur'; start = i - 1; }
  else if (p === 0xa3 /* £ */) { unit = 'gbp'; start = i - 1; }
  else if (p === 0x20bf /* ₿ */) { unit = 'btc'; start = i - 1; }
  else if (p === 0x20b9 /* ₹ */) { unit = 'inr'; start = i - 1; }
  else if (p === 0x20bd /* ₽ */) { unit = 'rub'; start = i - 1; }
  // "¥" is the yen's sign and the yuan's: which, the text does not say. Won, lira, hryvnia: currencies without a unit here.
  else if (p === 0xa5 || p === 0x20a9 || p === 0x20ba || p === 0x20b4) return 0;
  const before = wordBefore(v, start);
  // The word before in lower case, made once: up to five tests below ask it.
  const lowerBefore = before ? before.word.toLowerCase() : '';
  // Every code is three capitals: other words are not looked up (a dictionary lookup of a fresh string costs).
  if (unit === 'count' && before && before.word.length === 3 && isUpper(before.word.charCodeAt(0)) && CODE_UNITS[before.word] && !before.dot) {
    unit = CODE_UNITS[before.word];
    start = before.start;
  }
  // Dates: "Aug. 18", "August 15, 2021", "September 2020", "18 August 2021".
  if (before && isMonth(before.word)) return digits.length <= 2 ? leaveOut(state, start, j, LEFT_DAY) : 0;
  const c1 = code(v, start - 1);
  if (digits.length === 4 && (c1 === 44 || (c1 === 32 && code(v, start - 2) === 44))) {
    const mm = DATE_BEFORE_RE.exec(v.slice(Math.max(0, start - 20), start));
    if (mm && monthOf(mm[1]) !== undefined) return 0;
  }
  // The title of a code a law is cited by: "815 ILCS § 530/45", "24 OK Stat § 24-163", "23 NYCRR 500", "18 U.S.C. § 1030".
  if (unit === 'count' && code(v, j) === 32 && citesCode(v, j + 1)) return leaveOut(state, start, j, LEFT_LABEL);
  const after = wordAfter(v, j);
  if (after && after.start > j && digits.length <= 2 && !tok.includes('.') && isMonth(after.word)) return 0;
  // Labels: "No. 2", "version 4", "port 443"; ratings: "a CVSS score of 9.8".
  if (before && unit === 'count' && (before.word.length > 1 || before.dot) && LABEL_WORDS.has(lowerBefore)) return leaveOut(state, start, j, LEFT_LABEL);
  if (before && unit === 'count' && billBefore(v, before)) return leaveOut(state, start, j, LEFT_LABEL);
  // "Internal case 1014", but "in another case 300 patients were exposed": a case's number when nothing it counts follows.
  if (before && unit === 'count' && lowerBefore === 'case' && !(after && after.start === j + 1 && /^[A-Za-z]/.test(after.word) && !STOP_WORDS.has(after.word.toLowerCase()))) return leaveOut(state, start, j, LEFT_LABEL);
  if (before && unit === 'count' && before.word === 'of' && RATING_BEFORE_RE.test(v.slice(Math.max(0, start - 20), start))) return leaveOut(state, start, j, LEFT_RATING);

  const base = Number(digits);
  const sx = suffix(v, j, base, placeOf(digits), unit, false);
  // Letters glued on that are no unit: "2FA", "4G", "1st", "11AM"; hyphenated ones: "15-digit", "256-bit".
  if (sx.end === j && isLetter(code(v, j))) return 0;
  if ((code(v, sx.end) === 45 || code(v, sx.end) === 0x2010) && isLetter(code(v, sx.end + 1))) return 0;
  let outUnit = sx.unit;
  const bare = sx.end === j && outUnit === 'count' && !tok.includes(',');
  if (bare && goesOnLeftOut(state, start, j, base, !tok.includes('.'))) return leaveOut(state, start, j, state.leftKind);
  // Ratings: "an 8.8 out of 10 rating" (its scale is skipped), "a 9.8 severity rating", "rated 9.8".
  if (bare && base <= 10) {
    const scale = ratingScaleEnd(v, j);
    if (scale) {
      leaveOut(state, start, j, LEFT_RATING);
      // A list goes on after the scale: "rated 9.1 out of 10 and 8.8".
      state.leftEnd = scale;
      return scale;
    }
    if (isRating(v, start, j, tok, base, before)) return leaveOut(state, start, j, LEFT_RATING);
  }
  // A bare number right after a capitalised word is a product or a model ("Windows 10", "iOS 14.7", "iPhone 13"),
  // except in a headline, where every word is capitalised.
  // A digit group right after another is a phone number or a table row ("+44 7713 025 499").
  if (bare && code(v, start - 1) === 32 && isDigit(code(v, start - 2))) return leaveOut(state, start, j, LEFT_LABEL);
  if (bare && before && (isUpper(before.word.charCodeAt(0)) || CAMEL_RE.test(before.word)) && !before.dot && !OPENERS.has(lowerBefore)) {
    const lead = v.slice(0, before.start).trimEnd();
    if (lead !== '' && !/[.!?:;“"(—–-]$/.test(lead)) {
      state.title ??= isTitleCase(v);
      if (!state.title) return leaveOut(state, start, j, LEFT_LABEL);
    }
  }
  // And after a name's possessive, when a capitalised word or another name goes on: "Microsoft's 365 Defender Research
  // Team", "Microsoft's 365 and Exchange" (but "Sinclair's 294 television stations").
  if (bare && after && after.start === j + 1 && possessiveOfName(v, before) && (isUpper(code(v, after.start))
    || ((after.word === 'and' || after.word === 'or') && code(v, after.end) === 32 && isUpper(code(v, after.end + 1))))) {
    state.title ??= isTitleCase(v);
    if (!state.title) return leaveOut(state, start, j, LEFT_LABEL);
  }
  // So is a short one after a name with digits in it, in any case: "Log4j 2.16", "Log4j 2 versions" (a year
  // stays one: "1H 2020").
  if (bare && before && !before.dot && (digits.length <= 2 || tok.includes('.')) && isDigit(code(v, before.start - 1))) return leaveOut(state, start, j, LEFT_LABEL);
  // Five digits or more without a comma are a code, not a count: a password ("123456"), a port ("43990"), an order,
  // rule or phone number (71 in the real corpus, not one of them a count); news writes "50,000". Unless a hedge or a
  // noun says it is one ("more than 10000 people", "20000 customer accounts"; "16384 bits" has its unit already).
  if (bare && digits.length >= 5 && !tok.includes('.') && !(before && HEDGE_BEFORE_YEAR.has(lowerBefore))
    && !(after && after.start === j + 1 && /^[A-Za-z]/.test(after.word) && !STOP_WORDS.has(after.word.toLowerCase()))) {
    return leaveOut(state, start, j, LEFT_LABEL);
  }
  if (bare && before && (before.word === 'aged' || before.word === 'age' || before.word === 'Aged')) outUnit = 'age';
  // Years: "in 2019", "2004 to 2021", "since at least 2016", "as 2021 draws to a close". Only a hedged
  // number followed by a plural noun is a count ("more than 2000 servers"); "2000 servers" alone reads as a year.
  if (bare && outUnit === 'count' && digits.length === 4 && /^(?:19|20)/.test(digits)) {
    const hedged = before && HEDGE_BEFORE_YEAR.has(lowerBefore);
    const counted = after && after.start === j + 1 && /^[a-z]+s$/.test(after.word) && !STOP_WORDS.has(after.word);
    if (!(hedged && counted)) outUnit = 'year';
  }
  const plain = outUnit === 'year' || outUnit === 'age';
  out.push({ start, end: sx.end, symbol: symbolBefore(v, start), value: plain ? base : sx.value, unit: outUnit, half: plain ? 0.5 : sx.half, spelled: false });
  return sx.end;
}

/**
 * A spelled-out number starting at `start`: "fifty million", "six bitcoin",
 * "two years", "a dozen", "at least two lawsuits". Returns where scanning
 * resumes.
 */
function spelledAt(state: ScanState, start: number): number {
  const { v, out } = state;
  // Glued to a hyphenated word before ("T-Two") or an apostrophe: not a number.
  const p = code(v, start - 1);
  if (p === 45 || p === 0x2019 || p === 39) return 0;
  // Capitalised inside a sentence, a number word is part of a name: "the Five Eyes alliance", "Nine Entertainment",
  // "the Essential Eight" (a headline capitalises every word).
  if (isUpper(code(v, start)) && !opensSentence(v, start) && !(state.title ??= isTitleCase(v))) return 0;
  let total = 0;
  let current = 0;
  let place = 1;
  let scaled = false;
  let article = false;
  let half = false;
  let pos = start;
  let end = start;
  let words = 0;
  for (;;) {
    if (words > 0) {
      // Words join with spaces or one hyphen ("twenty-five").
      let k = pos;
      while (k < v.length && code(v, k) === 32 && k - pos < 2) k++;
      if (k === pos && (code(v, k) === 45 || code(v, k) === 0x2010)) k++;
      if (k === pos) break;
      pos = k;
    }
    const w = sticky(SPELLED_WORD_RE, v, pos);
    if (!w) break;
    const lw = w[1].toLowerCase();
    const wEnd = pos + w[1].length;
    if (isDigit(code(v, wEnd))) break;
    if (words === 0 && (lw === 'a' || lw === 'an')) { current = 1; article = true; }
    else if (words === 0 && lw === 'half') { half = true; }
    else if (half && words === 1 && (lw === 'a' || lw === 'an')) { current = 1; article = true; }
    else if (UNIT_NUMBERS[lw] !== undefined) {
      // "twenty-five" and "two hundred five" join; "five six" and "twenty eleven" do not.
      const r = current % 100;
      if (article || (r !== 0 && !(r >= 20 && r % 10 === 0 && UNIT_NUMBERS[lw] < 10))) break;
      current += UNIT_NUMBERS[lw];
      place = 1;
    } else if (TENS[lw] !== undefined) {
      if (current % 100 !== 0 || article) break;
      current += TENS[lw];
      place = 1;
    } else if (lw === 'hundred') {
      current = (current || 1) * 100;
      place = 100;
      article = false;
      scaled = true;
    } else if (lw === 'dozen') {
      current = (current || 1) * 12;
      place = 1;
      article = false;
      scaled = true;
    } else if (SCALES[lw] !== undefined) {
      total += (current || 1) * SCALES[lw];
      current = 0;
      place = SCALES[lw];
      article = false;
      scaled = true;
    } else if (lw === 'and' && words > 0 && place >= 100) {
      const next = sticky(AND_NUMBER_RE, v, wEnd);
      if (!next || (UNIT_NUMBERS[next[1].toLowerCase()] === undefined && TENS[next[1].toLowerCase()] === undefined)) break;
      pos = wEnd;
      words++;
      continue;
    } else break;
    words++;
    end = wEnd;
    pos = wEnd;
  }
  if (end === start) return 0;
  let value = total + current;
  if (half) { value /= 2; place /= 10; }
  if (value === 0) return end;
  // "the two", "their three": a reference, not a quantity.
  const before = wordBefore(v, start);
  if (before && !before.dot && REFERENCE_BEFORE.has(before.word.toLowerCase())) return end;
  const sx = suffix(v, end, value, place, 'count', true);
  const unitGiven = sx.end > end;
  if (!unitGiven && !scaled) {
    // A plain small number needs a noun after it, and "one" and "a" need a unit or a multiplier.
    if (value < 2 || article) return end;
    const next = wordAfter(v, end);
    if (!next || next.start === end || STOP_WORDS.has(next.word.toLowerCase()) || /ly$/.test(next.word)) return end;
  }
  if (article && !scaled && !unitGiven) return end;
  // "two-factor", "one-time": hyphenated words that are no quantity.
  if ((code(v, sx.end) === 45 || code(v, sx.end) === 0x2010) && isLetter(code(v, sx.end + 1))) return end;
  out.push({ start, end: sx.end, symbol: symbolBefore(v, start), value: sx.value, unit: sx.unit, half: sx.unit === 'age' ? 0.5 : sx.half, spelled: true });
  return sx.end;
}
