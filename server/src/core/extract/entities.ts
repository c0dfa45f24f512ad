/**
 * Entities: the people, organisations, places, outlets and online handles an
 * article talks about, each with every mention's span.
 *
 * Three passes over the article's tokens, all linear:
 * 1. Candidates: runs of capitalised words in body sentences (connectors
 *    such as "of" allowed inside), with the cues around them ("firm X",
 *    "X, CTO of", "X said") that tell their kind. Headlines are title-cased,
 *    so titles and headings only ever match names the body established.
 *    Web addresses, file names, identifiers ("KB5010126") and the trade's
 *    jargon ("DDoS", "IoT") are never names.
 * 2. Entities: candidates grouped under one key. A person's surname alone
 *    refers to that person within this article only (two people may share a
 *    surname across articles); middle names are dropped from the key
 *    ("John Erin Binns" is "John Binns"); acronyms join their expansion
 *    ("WSJ", "Wall Street Journal"); possessives are the name itself. A
 *    capitalised phrase of no known kind that the body also writes in lower
 *    case is ordinary language ("Command and Control"), not an entity.
 * 3. Mentions: every token sequence in the article that spells a known form,
 *    longest first; old-layout tags that name an entity are mentions too.
 *
 * The article's words are read once into tokens that carry their lower-case
 * form; every later look-up is a set or map probe on those strings, and
 * mentions are found through an index of the known forms by first word.
 */
import { NAMED_DAYS } from '../syntax/dates';
import type { Article, Link } from '../syntax/ast';
import { trimEndWhere, type Span } from '../text';
import { COMMON_FIRST_NAMES } from './firstnames';
import {
  ACRONYMS, CAPITAL_UNITS, FIRST_NAMES, FUNCTION_WORDS, JARGON, KNOWN_ORGS, MONTHS_AND_DAYS, NAME_FORMS, NATIONALITIES, ORG_CUES, PUBLISHING_COMPANIES, ORG_LAST_WORDS, ORG_SUFFIXES, OUTLET_CUES, OUTLETS,
  ORG_WORDS, PLACES, PRODUCTS, ROLE_WORDS, SPEECH_VERBS, THING_WORDS, THING_CUES_AFTER, ACTOR_CUES_AFTER, US_STATES, US_STATE_ABBREVIATIONS,
} from './lexicon';
import type { Pin } from './pins';
import type { DocEntity, EntityKind, Mention } from './types';

export interface Sentence {
  span: Span;
  text: string;
  where: Mention['where'] | 'heading';
}

// What a token is, as bits of `Token.flags` (one small object per word keeps the passes over them fast).
const F_CAP = 1;
const F_UPPER = 2;
const F_NAME = 4;
const F_BROKEN = 8;
const F_POSSESSIVE = 16;
const F_OPAQUE = 32;
const F_DASH = 64;
const F_LONG_NUMBER = 128;
const F_AT = 256;
const F_AFTER_LINK = 512;
/** The word's `Shape` is known and held in the two bits above (`shape`). */
const F_SHAPED = 1024;
const SHAPE_SHIFT = 11;
/** The word is ASCII only (so is its lower case): first-name look-ups skip their test for accents. */
const F_ASCII = 1 << 13;

class Token {
  constructor(
    /** As written, possessive stripped ("T-Mobile" for "T-Mobile’s"). */
    public text: string,
    /** Lower case, straight apostrophes. */
    public lower: string,
    /** `entityKey(text)`: `lower`, unless the word itself ends in "'s". */
    public key: string,
    public start: number,
    /** End of the name part (before a possessive). */
    public end: number,
    public flags: number,
    /** What punctuation follows, if any (first character). */
    public after: string,
    /** `smallWordHash(lower)` when the tokenizer could take it on the way, else -1. */
    public small: number,
  ) {}

  /** Starts with a capital, and is not part of an address. */
  get cap(): boolean { return (this.flags & F_CAP) !== 0; }
  /** A capital A–Z stands somewhere in the word ("iPhone"). */
  get upper(): boolean { return (this.flags & F_UPPER) !== 0; }
  /** Capitalised and not a role word, month, weekday or identifier: it can be part of a name. */
  get name(): boolean { return (this.flags & F_NAME) !== 0; }
  /** Punctuation (not just white space) stands between this token and the previous one. */
  get brokenBefore(): boolean { return (this.flags & F_BROKEN) !== 0; }
  /** A link's text ended between this token and the previous one ("company [Volterra](…) of Santa Clara"). */
  get afterLink(): boolean { return (this.flags & F_AFTER_LINK) !== 0; }
  get possessive(): boolean { return (this.flags & F_POSSESSIVE) !== 0; }
  /** Part of a web address, path, e-mail address or file name written out ("Facebook.com/DavidGewirtz", "mimikatz.exe"): never a name. */
  get opaque(): boolean { return (this.flags & F_OPAQUE) !== 0; }
  /** Has a hyphen inside ("Co-Founder"). */
  get dash(): boolean { return (this.flags & F_DASH) !== 0; }
  /** Has four digits in a row (KB5010126, CVE-2021-44228, T1003). */
  get longNumber(): boolean { return (this.flags & F_LONG_NUMBER) !== 0; }
  /** Starts with "@". */
  get at(): boolean { return (this.flags & F_AT) !== 0; }
}

const CONNECTORS = new Set(['of', 'for', 'de', 'von', 'van', 'der', 'da', 'al', 'la', 'du', 'del', 'and']);
const HANDLE_CUES = new Set(['handle', 'handles', 'alias', 'aliases', 'nickname', 'moniker', 'username', 'usernames']);
/** Verbs after which a name is the speaker ("said Jane Doe"); "told X" makes X the listener, so it is not here. */
const SAID = new Set(['said', 'says', 'added', 'explained', 'noted', 'wrote', 'warned', 'continued', 'observed', 'argued', 'insisted', 'stated', 'tweeted', 'asked']);
/** Function words that may start a name inside a sentence ("New York", "Check Point", "One Identity"). */
const NAME_STARTS = new Set(['new', 'check', 'first', 'one', 'no', 'last', 'next', 'source', 'well', 'fresh']);
/**
 * Demonyms the suffix test misses and `NATIONALITIES` (the countries') lacks: of a continent ("South African police",
 * 4 figures of one real article were theirs), of a region ("Catalan", 7 figures of one article), of a party.
 */
const DEMONYMS = new Set([
  'american', 'americans', 'german', 'germans', 'french', 'dutch', 'republican', 'republicans', 'democrat', 'democrats',
  'israeli', 'israelis', 'saudi', 'saudis', 'iraqi', 'iraqis', 'pakistani', 'pakistanis', 'kuwaiti', 'yemeni', 'qatari', 'emirati',
  'omani', 'bangladeshi', 'nepali', 'somali', 'azerbaijani', 'afghani', 'thai', 'african', 'africans', 'catalan', 'catalans',
]);
const COMPASS = new Set(['north', 'south', 'east', 'west', 'middle', 'central', 'eastern', 'western', 'northern', 'southern']);
/** The kind of each expansion in the ACRONYMS table ("federal bureau of investigation" → organisation). */
const EXPANSION_KIND = new Map<string, EntityKind>();
/** Acronyms by the key of their expansion ("united states" → US, U.S, …), so a headline's "WSJ" finds the body's Wall Street Journal. */
const ACRONYMS_OF = new Map<string, string[]>();
/** Known names of two or more words ("new york times", "check point"): a function word that starts one is kept. */
const KNOWN_PHRASES = new Set<string>();
for (const [acr, exp] of ACRONYMS) {
  const lower = exp.toLowerCase();
  EXPANSION_KIND.set(lower, PLACES.has(lower) ? 'place' : OUTLETS.has(lower) ? 'outlet' : 'organisation');
  if (acr.replace(/\./g, '').length >= 2) ACRONYMS_OF.set(lower, [...(ACRONYMS_OF.get(lower) ?? []), acr]);
}
for (const name of [...OUTLETS.keys(), ...PLACES, ...KNOWN_ORGS, ...PRODUCTS, ...EXPANSION_KIND.keys()]) if (name.includes(' ')) KNOWN_PHRASES.add(name);
/** The longest known name that goes on after "and", in words ("national center for missing and exploited children"). */
const KNOWN_AND_WORDS = Math.max(...[...KNOWN_PHRASES].filter((p) => p.includes(' and ')).map((p) => p.split(' ').length));

// Character classes by UTF-16 code unit: letters are ASCII and Latin-1/Latin
// Extended-A/B (not × and ÷), capitals are A–Z and À–Þ.
const LETTER = 1;
const DIGIT = 2;
const UPPER = 4;
const BLANK = 8;
const CLASS = new Uint8Array(0x250);
for (let c = 0; c < 0x250; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)) CLASS[c] |= LETTER;
  if (c >= 48 && c <= 57) CLASS[c] |= DIGIT;
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) CLASS[c] |= UPPER;
  if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) CLASS[c] |= BLANK;
}
function classOf(c: number): number {
  return c >= 0 && c < 0x250 ? CLASS[c] : 0;
}
/**
 * `text.charCodeAt(k)`, or -1 outside `text` (no character, like the NaN it
 * replaces): each place that read past the end made V8 recompile the tokenizer.
 */
function code(text: string, k: number): number {
  return k >= 0 && k < text.length ? text.charCodeAt(k) : -1;
}
function isLetter(c: number): boolean {
  return (classOf(c) & LETTER) !== 0;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isUpper(c: number): boolean {
  return (classOf(c) & UPPER) !== 0;
}
function isJoiner(c: number): boolean {
  return c === 45 /* - */ || c === 39 /* ' */ || c === 0x2019 /* ’ */ || c === 38 /* & */ || c === 46 /* . */;
}

/** Normalised key of a name: lower case, straight apostrophes, single spaces, no possessive. */
export function entityKey(name: string): string {
  let k = keyCache.get(name);
  if (k === undefined) {
    k = name.toLowerCase().replace(/[’‘`]/g, "'").replace(/'s$/, '').replace(/\s+/g, ' ').trim();
    // Names repeat across a corpus: a bounded memo keeps normalising cheap.
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(name, k);
  }
  return k;
}

const keyCache = new Map<string, string>();

/**
 * `s.toLowerCase()`, memoised: outside ASCII-only strings V8 lower-cases
 * through ICU, which costs far more than a map look-up, and the same names
 * come back in every article.
 */
function lc(s: string): string {
  // ASCII is lower-cased in a quick loop, cheaper than hashing the string for the memo.
  if (isAsciiWord(s)) return s.toLowerCase();
  let l = lowerCache.get(s);
  if (l === undefined) {
    l = s.toLowerCase();
    if (lowerCache.size > 200_000) lowerCache.clear();
    lowerCache.set(s, l);
  }
  return l;
}

const lowerCache = new Map<string, string>();

function isDigits(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) < 48 || s.charCodeAt(k) > 57) return false;
  return s.length > 0;
}

/** A first name of the short list, also written with its accents ("José", "Jürgen", "Søren"). */
function isFirstName(lower: string): boolean {
  return FIRST_NAMES.has(lower) || (!isAsciiWord(lower) && FIRST_NAMES.has(unaccented(lower)));
}

/**
 * Whether the dot at `i` closes a middle initial, which does not break a name: "James E. Lee", "David A. Wheeler"
 * (14 people of the real corpus were lost so). Only after a first name, unbroken, and before a capital: "Sputnik V.
 * However" is no name.
 */
function middleInitial(text: string, out: Token[], i: number): boolean {
  const last = out[out.length - 1];
  const first = out[out.length - 2];
  if (!(last !== undefined && first !== undefined && last.end === i && last.text.length === 1 && isUpper(last.text.charCodeAt(0))
    && (last.flags & F_BROKEN) === 0 && first.end + 1 === last.start && (first.flags & F_CAP) !== 0
    && (isFirstNameTok(first) || isCommonFirstNameTok(first)) && code(text, i + 1) === 32 && isUpper(code(text, i + 2)))) return false;
  // The surname: a word that opens a sentence is none ("Kevin B. But the FBI …").
  let j = i + 2;
  while (j < text.length && isLetter(code(text, j))) j++;
  return !FUNCTION_WORDS.has(text.slice(i + 2, j).toLowerCase());
}

/**
 * Whether the dot at `i` closes "St." before a name, which it begins: "St. Louis Post-Dispatch" (cut to "Louis
 * Post-Dispatch", with "St" a name of its own), "St. Petersburg Police Department", "St. Jude". Not before a word that
 * opens a sentence ("on Main St. The next day"), nor a street's ("5 Elm St. Acme Corp said").
 */
function saintsDot(text: string, out: Token[], i: number): boolean {
  const last = out[out.length - 1];
  if (!(last !== undefined && last.end === i && last.text === 'St' && code(text, i + 1) === 32 && isUpper(code(text, i + 2)))) return false;
  // After a number or a name that is no first name, "St." is a street's, which may end the sentence: "5 Elm St. Acme
  // Corp said …", "on Main St. Police said …" ("Jeffrey St. Clair" is a surname).
  const before = out[out.length - 2];
  if (before !== undefined && (last.flags & F_BROKEN) === 0 && before.end + 1 === last.start && !FUNCTION_WORDS.has(before.lower)
    && !(isFirstNameTok(before) || isCommonFirstNameTok(before))) return false;
  let j = i + 2;
  while (j < text.length && isLetter(code(text, j))) j++;
  return !FUNCTION_WORDS.has(text.slice(i + 2, j).toLowerCase());
}

/** Whether tokens [i, j] (the last a number) are a known organisation's or product's name: "Intel 471", "Office 365". */
function numberedName(tokens: Token[], i: number, j: number): boolean {
  if (j - i > 3) return false;
  let name = tokens[i].lower;
  for (let k = i + 1; k <= j; k++) name += ` ${tokens[k].lower}`;
  return KNOWN_ORGS.has(name) || PRODUCTS.has(name);
}

/** `lc(t.text)`: the token's `lower` when the word is ASCII (no ’ made "'" there), without lower-casing it again. */
function textLower(t: Token): string {
  return (t.flags & F_ASCII) !== 0 ? t.lower : lc(t.text);
}

/** `isFirstName(t.lower)`, without testing a word for accents that the tokenizer knows has none. */
function isFirstNameTok(t: Token): boolean {
  return FIRST_NAMES.has(t.lower) || ((t.flags & F_ASCII) === 0 && !isAsciiWord(t.lower) && FIRST_NAMES.has(unaccented(t.lower)));
}

/** `isCommonFirstName(t.lower)`, without testing a word for accents that the tokenizer knows has none. */
function isCommonFirstNameTok(t: Token): boolean {
  return COMMON_FIRST_NAMES.has(t.lower) || ((t.flags & F_ASCII) === 0 && !isAsciiWord(t.lower) && COMMON_FIRST_NAMES.has(unaccented(t.lower)));
}

/** A first name of the long list (`COMMON_FIRST_NAMES`), also with its accents. */
function isCommonFirstName(lower: string): boolean {
  return COMMON_FIRST_NAMES.has(lower) || (!isAsciiWord(lower) && COMMON_FIRST_NAMES.has(unaccented(lower)));
}

function isAsciiWord(w: string): boolean {
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) >= 128) return false;
  return true;
}

/** "josé" → "jose", "søren" → "soren": the letters without their marks. */
function unaccented(w: string): string {
  return w.normalize('NFD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/đ/g, 'd').replace(/ł/g, 'l');
}

/** First letters of `HANDLE_CUES`, by character code (a table, not a set of numbers: it is read at every word). */
const HANDLE_CUE_INITIALS = new Uint8Array(128);
for (const w of HANDLE_CUES) HANDLE_CUE_INITIALS[w.charCodeAt(0)] = 1;

/** What a tokenizer run noticed on the way. */
interface TokenStats {
  /** A word starting with "@" or a handle cue ("handles", "alias"). */
  handles: boolean;
  /** Indexes of the words that may start a name or a mention: capitalised, with a capital inside, or "@…". */
  starts: number[];
}

/**
 * The small (not capitalised) words of the article, by `smallWordHash`: one
 * bit a slot. A phrase whose first word's bit is clear is never written in
 * lower case here. The words of the table that an article set are listed and
 * cleared before the next article: 128 KB stay in the cache, where a table of
 * 2^20 stamps (4 MB, never cleared) missed it at about every word.
 */
const SMALL_WORDS = new Int32Array(1 << 15);
const smallWordsSet: number[] = [];

function noteSmallWord(h: number): void {
  const at = h >>> 5;
  if (SMALL_WORDS[at] === 0) smallWordsSet.push(at);
  SMALL_WORDS[at] |= 1 << (h & 31);
}

/** Whether the article writes `w` (lower case) as a small word, as far as its hash tells. */
function writtenSmall(w: string): boolean {
  const h = smallWordHash(w);
  return (SMALL_WORDS[h >>> 5] & (1 << (h & 31))) !== 0;
}

function clearSmallWords(): void {
  for (let k = 0; k < smallWordsSet.length; k++) SMALL_WORDS[smallWordsSet[k]] = 0;
  smallWordsSet.length = 0;
}

/**
 * A hash of a small word (FNV-1a over its letters, 20 bits), for "is it ever written in lower case?". It
 * hashed the first and last letters and the length, so "system" in an article hid "Satnam" Narang (27 names
 * of people in the real corpus were lost so); a slot shared by two of an article's ~1,000 words is now rare.
 */
function smallWordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), 0x01000193);
  return (h ^ (h >>> 20)) & 0xfffff;
}

/** Companies whose name is their web address (in the real corpus: Crypto.com in 47 places). */
const DOMAIN_NAMES = new Set([
  'crypto.com', 'reviews.com', 'bandwidth.com', 'databreaches.net', 'vpnlab.net', 'monday.com', 'phone.com',
  'booking.com', 'hotels.com', 'match.com', 'ancestry.com', 'cars.com',
]);

/** Where the web address that is a company's name ends, when the word from `s` with a dot at `dot` is one; else 0. */
function domainEnd(text: string, s: number, dot: number, end: number): number {
  let k = dot + 1;
  while (k < end && k - dot <= 4 && code(text, k) >= 97 && code(text, k) <= 122) k++;
  if (k < end && (classOf(code(text, k)) & (LETTER | DIGIT)) !== 0) return 0;
  return DOMAIN_NAMES.has(text.slice(s, k).toLowerCase()) ? k : 0;
}

/** Currency codes written before a sum without a space ("SEK0.8 billion"). */
const CURRENCY_CODES = new Set(['SEK', 'NOK', 'DKK', 'CHF', 'EUR', 'USD', 'GBP', 'JPY', 'CNY', 'INR', 'RUB', 'AUD', 'CAD', 'HKD', 'NZD', 'SGD', 'ZAR', 'BRL', 'MXN', 'KRW']);

/** A scraped page's ad slot, glued to the first word of the paragraph after it ("ADVERTISEMENTThe"). */
const FURNITURE = 'ADVERTISEMENT';

/**
 * Tokens of a text range, skipping hidden ranges (link destinations, images)
 * as if they were not there, so "[Alon Gal](https://…), CTO" reads as
 * "Alon Gal, CTO".
 *
 * One pass over the characters. A word's run of non-blank characters (its
 * "chunk": "Facebook.com/DavidGewirtz", "mimikatz.exe,") may go on after the
 * word, so whether the chunk is a web address, path or file name is decided
 * when the chunk ends, for all its words at once.
 */
export function tokenize(text: string, start: number, end: number, hidden: Span[], stats?: TokenStats): Token[] {
  const out: Token[] = [];
  let h = 0;
  while (h < hidden.length && hidden[h].end <= start) h++;
  let hiddenStart = h < hidden.length ? hidden[h].start : Infinity;
  let broken = true;
  let linkEnd = false;
  let i = start;
  let last: Token | undefined;
  // The chunk being read: where it starts, its first token, and what makes it an address.
  let chunkStart = -1;
  let chunkFrom = 0;
  let address = false;
  let lastDot = -1;
  let lastAlnum = -1;
  let dotBeforeAlnum = -1;
  while (i < end) {
    if (i >= hiddenStart) {
      if (chunkStart >= 0) {
        finishChunk(text, out, chunkFrom, address, chunkStart, dotBeforeAlnum, lastAlnum, stats);
        chunkStart = lastDot = lastAlnum = dotBeforeAlnum = -1;
        chunkFrom = out.length;
        address = false;
      }
      i = Math.max(i, hidden[h].end);
      h++;
      linkEnd = true;
      hiddenStart = h < hidden.length ? hidden[h].start : Infinity;
      continue;
    }
    const c = text.charCodeAt(i);
    const cls = classOf(c);
    if ((cls & (LETTER | DIGIT)) === 0 && !(c === 64 /* @ */ && isLetter(code(text, i + 1)))) {
      if ((cls & BLANK) !== 0) {
        if (chunkStart >= 0) {
          finishChunk(text, out, chunkFrom, address, chunkStart, dotBeforeAlnum, lastAlnum, stats);
          chunkStart = lastDot = lastAlnum = dotBeforeAlnum = -1;
          chunkFrom = out.length;
          address = false;
        }
        if (c === 10 || c === 13) {
          // A name never runs across lines.
          broken = true;
          if (last && last.after === '') last.after = '\n';
        }
      } else {
        if (chunkStart < 0) chunkStart = i;
        if (c === 47 /* / */) address = true;
        else if (c === 46 /* . */) lastDot = i;
        // "C:\Windows", but not Markdown's escapes ("@v3t0\_").
        else if (c === 92 /* \ */ && (classOf(code(text, i + 1)) & (LETTER | DIGIT)) !== 0) address = true;
        // "jane@example.com".
        else if (c === 64 && i > chunkStart && (classOf(code(text, i - 1)) & (LETTER | DIGIT)) !== 0) address = true;
        if (c !== 91 /* [ */ && c !== 42 /* * */ && c !== 95 /* _ */) {
          // Punctuation; a middle initial's dot keeps the name whole (and is its `after`, which `personLike` reads).
          if (!(c === 46 && (middleInitial(text, out, i) || saintsDot(text, out, i)))) broken = true;
          if (last && last.after === '') last.after = text[i];
        }
      }
      i++;
      continue;
    }
    // "ADVERTISEMENTThe": a scraped page's furniture glued to the first word of the next paragraph.
    if (c === 65 && text.startsWith(FURNITURE, i) && isUpper(code(text, i + FURNITURE.length))) {
      i += FURNITURE.length;
      broken = true;
      continue;
    }
    if (chunkStart < 0) chunkStart = i;
    const s = i;
    if (c === 64 && i > chunkStart && (classOf(code(text, i - 1)) & (LETTER | DIGIT)) !== 0) address = true;
    let upper = c <= 90 && c >= 65;
    let nonAscii = c < 128 ? -1 : i; // where the first character beyond ASCII stands
    let curly = -1; // where the first ’ stands
    let apostrophe = false;
    let dash = false;
    let digits = cls & DIGIT ? 1 : 0;
    let longNumber = false;
    let escaped = false;
    let underscore = false;
    // `smallWordHash` of the characters read, taken on the way (a second pass over every small word cost ~20% of tokenize).
    let small = Math.imul(0x811c9dc5 ^ c, 0x01000193);
    i++;
    while (i < end) {
      const d = code(text, i);
      if (d >= 97 && d <= 122) { digits = 0; small = Math.imul(small ^ d, 0x01000193); i++; continue; }
      const dc = classOf(d);
      if ((dc & (LETTER | DIGIT)) !== 0) {
        small = Math.imul(small ^ d, 0x01000193);
        if (d >= 128) { if (nonAscii < 0) nonAscii = i; } else if (d <= 90 && d >= 65) upper = true;
        if (dc & DIGIT) { if (++digits >= 4) longNumber = true; } else digits = 0;
        i++;
        continue;
      }
      // "@VK_Intel", "@UK_Daniel_Card", and Markdown's escaped "@VK\_Intel": one word, not "@VK" and "Intel".
      if (d === 95 || (d === 92 && code(text, i + 1) === 95)) {
        const k = d === 95 ? i + 1 : i + 2;
        if (k >= end || (classOf(code(text, k)) & (LETTER | DIGIT)) === 0) break;
        if (d === 92) escaped = true;
        underscore = true;
        digits = 0;
        i = k;
        continue;
      }
      if (isJoiner(d) && i + 1 < end) {
        const n = code(text, i + 1);
        const nc = classOf(n);
        if ((nc & (LETTER | DIGIT)) === 0) break;
        // "Crypto.com": a company named by its web address is one word.
        if (d === 46 && upper && n >= 97 && n <= 122 && (classOf(c) & UPPER) !== 0) {
          const tld = domainEnd(text, s, i, end);
          if (tld > 0) { i = tld; continue; }
        }
        // "U.S." keeps its inner dots; "Sievert.Then" would not occur in prose.
        if (d === 46 && (!((nc & UPPER) !== 0 && i - s <= 2) || text.startsWith(FURNITURE, i + 1))) break;
        if (nonAscii < 0 && (d >= 128 || n >= 128)) nonAscii = d >= 128 ? i : i + 1;
        if (n <= 90 && n >= 65) upper = true;
        if (d === 0x2019 && curly < 0) curly = i;
        small = Math.imul(Math.imul(small ^ d, 0x01000193) ^ n, 0x01000193);
        if (d === 39 || d === 0x2019) apostrophe = true;
        else if (d === 45) dash = true;
        else if (d === 46) lastDot = i;
        digits = nc & DIGIT ? 1 : 0;
        i += 2;
        continue;
      }
      break;
    }
    // A word ends on a letter or digit, and the dots inside it come before that.
    if (i - 1 > s || c !== 64) {
      lastAlnum = i - 1;
      dotBeforeAlnum = lastDot;
    }
    let e = i;
    let possessive = false;
    if (i - s > 2 && code(text, i - 1) === 115 /* s */ && (code(text, i - 2) === 39 || code(text, i - 2) === 0x2019)) {
      possessive = true;
      e -= 2;
    } else if (code(text, e) === 0x2019 && code(text, e - 1) === 115 && !isLetter(code(text, e + 1))) {
      possessive = true; // "customers’"
    }
    // The word as read: Markdown's escapes are not part of a name (its span still covers them).
    const word = escaped ? text.slice(s, e).replace(/\\_/g, '_') : text.slice(s, e);
    const first = c === 64 ? code(text, s + 1) : c;
    // After a dot ("example.Com"), or an identifier with underscores ("AndroidOS_KeepSpy", "ASN1_STRING"; a handle is a name).
    // "@microsoft.com": a mail domain, not a handle.
    const opaque = (s > 1 && code(text, s - 1) === 46 /* . */ && (classOf(code(text, s - 2)) & (LETTER | DIGIT)) !== 0) || (underscore && c !== 64)
      || (c === 64 && code(text, i) === 46 && isLetter(code(text, i + 1)));
    // ASCII only, and no capital: the word is its own lower case.
    const plain = nonAscii < 0 || nonAscii >= e;
    let lower = word;
    if (!plain || upper) {
      // V8 lower-cases ASCII in a quick loop, cheaper than hashing the word for the memo (tokenize ~8% faster).
      lower = plain ? word.toLowerCase() : lc(word);
      if (curly >= 0 && curly < e) lower = lower.replace(/’/g, "'");
    }
    // Only a word that still ends in "'s" ("X's's") has a key of its own.
    const key = apostrophe && lower.length > 2 && lower.charCodeAt(lower.length - 1) === 115 && lower.charCodeAt(lower.length - 2) === 39 ? entityKey(word) : lower;
    // "US$18,000", "AU$5,000": a currency's prefix, no mention of the country; "SEK0.8 billion", "CAD5,000": a sum.
    const currency = (e - s <= 3 && code(text, e) === 36) || (e - s >= 4 && isDigit(code(text, s + 3)) && CURRENCY_CODES.has(text.slice(s, s + 3)));
    // The hash holds for a word that is its own lower case and was read whole (no "_" skipped, no possessive cut off).
    const smallHash = !upper && nonAscii < 0 && !underscore && e === i ? (small ^ (small >>> 20)) & 0xfffff : -1;
    last = new Token(word, lower, key, s, e, (isUpper(first) && !opaque && !currency ? F_CAP : 0) | (upper ? F_UPPER : 0) | (broken ? F_BROKEN : 0)
      | (possessive ? F_POSSESSIVE : 0) | (opaque ? F_OPAQUE : 0) | (dash ? F_DASH : 0) | (longNumber ? F_LONG_NUMBER : 0) | (c === 64 ? F_AT : 0) | (linkEnd ? F_AFTER_LINK : 0) | (plain ? F_ASCII : 0), '', smallHash);
    linkEnd = false;
    if (stats) {
      // (Their first letters first: most words are never looked up.)
      if (c === 64 || (lower.length >= 5 && lower.length <= 9 && HANDLE_CUE_INITIALS[lower.charCodeAt(0) & 127] === 1 && HANDLE_CUES.has(lower))) stats.handles = true;
      if ((last.flags & (F_CAP | F_UPPER | F_AT)) !== 0) stats.starts.push(out.length);
    }
    out.push(last);
    broken = false;
  }
  if (chunkStart >= 0) finishChunk(text, out, chunkFrom, address, chunkStart, dotBeforeAlnum, lastAlnum, stats);
  return out;
}

/**
 * The end of a chunk: if it is a web address, path, e-mail address or file
 * name, its words (`out[from…]`) are opaque; then which of them can be part
 * of a name is known.
 */
function finishChunk(text: string, out: Token[], from: number, address: boolean, chunkStart: number, dot: number, lastAlnum: number, stats: TokenStats | undefined): void {
  if (from >= out.length) return;
  // A file name: "mimikatz.exe", "rundll32.exe,".
  if (!address && dot > chunkStart && lastAlnum + 1 - dot <= 5) {
    address = (classOf(code(text, dot - 1)) & (LETTER | DIGIT)) !== 0 && FILE_EXTENSIONS.has(lc(text.slice(dot + 1, lastAlnum + 1)));
  }
  for (let k = from; k < out.length; k++) {
    const t = out[k];
    if (address) t.flags = (t.flags | F_OPAQUE) & ~F_CAP;
    if ((t.flags & F_CAP) !== 0) {
      if (isNameWord(t)) t.flags |= F_NAME;
    } else if (stats && (t.flags & F_OPAQUE) === 0) noteSmallWord(t.small >= 0 ? t.small : smallWordHash(t.lower));
  }
}

const FILE_EXTENSIONS = new Set([
  'exe', 'dll', 'log', 'ps1', 'bat', 'cmd', 'vbs', 'hta', 'lnk', 'iso', 'msi', 'jar', 'py', 'sh', 'php', 'js', 'txt', 'zip',
  'rar', '7z', 'doc', 'docx', 'docm', 'xls', 'xlsx', 'xlsm', 'pdf', 'bin', 'dat', 'sys', 'html', 'htm', 'json', 'xml', 'tmp',
]);

/** Link destinations and images are hidden from name finding; link text stays. */
export function hiddenRanges(links: Link[]): Span[] {
  // Autolinks (`<https://…>`) are all destination; images show no words.
  // Each a new span of one shape, as the tokenizer reads them (the parser's spans had another).
  return links.map((l) => (l.image || l.text === l.url ? { start: l.span.start, end: l.span.end } : { start: l.textSpan.end, end: l.span.end })).sort((a, b) => a.start - b.start);
}

interface Candidate {
  tokens: Token[];
  kindVotes: EntityKind[];
  /** An acronym in brackets right after a longer name: "Federal Communications Commission (FCC)". */
  paren?: Candidate;
  /** Jargon written in capitals ("RDP"): only ever an alias of a spelled-out name. */
  jargon?: boolean;
  /** Jargon the lower-case words before its bracket spell ("account takeover (ATO)"): a term of the article's, and those words. */
  term?: string;
  /** The entity key it was given. */
  key?: string;
  /** A sentence's first word, a name only by its apposition ("Quillfeather, the dating app, said"). */
  apposed?: boolean;
  /** One word a gang's or a group's word follows ("REvil ransomware", "LockBit operators"): never a thing in this article. */
  actor?: boolean;
  /** One word a gang's name is written with follows ("Conti ransomware", "the Hive gang"; not "Defense team"). */
  gang?: boolean;
  /** The names listed with it, by commas and "and" ("Maze, REvil, Conti, and Babuk"), when there are some. */
  list?: NameList;
}

/** Names listed one after another in a sentence: "Maze, Avaddon and Babuk ransomware". */
interface NameList {
  members: Candidate[];
  /** A gang's cue stands before the list: "ransomware operators, including Maze, Conti, and LockBit". */
  cued: boolean;
}

type Shape = 'acronym' | 'camel' | 'title' | 'other';

// Words repeat within an article and across a corpus: their shape is
// computed once per spelling (a bounded memo).
const shapeCache = new Map<string, Shape>();

const SHAPES: readonly Shape[] = ['acronym', 'camel', 'title', 'other'];

/** `shapeOf(t.text)`, kept in the token's flags: a token's shape is asked for again and again. */
function shape(t: Token): Shape {
  if ((t.flags & F_SHAPED) !== 0) return SHAPES[(t.flags >>> SHAPE_SHIFT) & 3];
  const s = shapeOf(t.text);
  t.flags |= F_SHAPED | (SHAPES.indexOf(s) << SHAPE_SHIFT);
  return s;
}

function shapeOf(w: string): Shape {
  // The commonest shape, a capital and small ASCII letters ("Microsoft", "O'neil"), is told by a short loop: a probe
  // of the memo's map, grown large, missed the cache about every time.
  if (asciiTitle(w)) return 'title';
  let s = shapeCache.get(w);
  if (s === undefined) {
    if (/^[A-Z][A-Z0-9.&]{1,6}$/.test(w)) s = 'acronym';
    // Acronyms in the plural ("VMs", "URIs") are common nouns.
    else if (/^[A-Z]{2,}s$/.test(w)) s = 'other';
    // Letters beyond ASCII count as the tokenizer's do: "José", "Krstić", "Müller-Lüdenscheidt".
    else if (/^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?$/u.test(w)) s = 'title';
    // "O'Brien", "D’Angelo", "O'Neill": a surname's particle and apostrophe before its capital.
    else if (/^\p{Lu}['’]\p{Lu}\p{Ll}+$/u.test(w)) s = 'title';
    // "Crypto.com": a name that is a web address (see `DOMAIN_NAMES`) reads like "PayPal".
    else if (/^[A-Z][A-Za-z]*\.[a-z]{2,4}$/.test(w)) s = 'camel';
    else if (/\p{Ll}\p{Lu}|\p{L}-\p{Lu}|\p{L}[0-9]|^\p{Lu}-|^\p{Lu}{2,}\p{Ll}/u.test(w)) s = 'camel';
    else s = 'other';
    if (shapeCache.size > 100_000) shapeCache.clear();
    shapeCache.set(w, s);
  }
  return s;
}

/** A capital A–Z, then one or more of a–z and "'": what the 'title' pattern of `shapeOf` matches in ASCII. */
function asciiTitle(w: string): boolean {
  const c = w.charCodeAt(0);
  if (!(c >= 65 && c <= 90) || w.length < 2) return false;
  for (let k = 1; k < w.length; k++) {
    const d = w.charCodeAt(k);
    if (!((d >= 97 && d <= 122) || d === 39)) return false;
  }
  return true;
}

/**
 * Whether a role stands a few words before the "at" at `at`, unbroken by punctuation: "VP of solutions architecture
 * at Cerberus Sentinel" (the role two words before "at" only found "vice president at").
 */
function roleAtFar(tokens: Token[], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 6; k--) {
    const t = tokens[k];
    if (isRoleToken(t)) return true;
    // A verb between: "presented the flaw at Black Hat USA", "said at Christmas", "was speaking to reporters at Davos".
    if (t.brokenBefore || (t.text === t.lower && (SPEECH_VERBS.has(t.lower) || VERB_LIKE_RE.test(t.lower) || BE_WORDS.has(t.lower)))) return false;
  }
  return false;
}

const VERB_LIKE_RE = /(?:ing|ed)$/;
const BE_WORDS = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', 'has', 'had', 'have']);

/** What kind of "site" publishes: "the news site Ukrinform", "the security site HackRead". */
const MEDIA_SITES = new Set(['news', 'tech', 'technology', 'security', 'cybersecurity', 'investigative', 'media', 'gaming', 'review', 'reviews']);

/** Verbs that may follow a name and its apposition ("Quillfeather, the dating app, said"). */
const APPOSITION_VERBS = new Set([...SAID, 'told', 'confirmed', 'announced', 'admitted', 'acknowledged', 'disclosed', 'reported', 'revealed', 'is', 'was', 'has', 'had', 'did', 'does', 'declined', 'denied', 'urged',
  // "Coincheck, a Tokyo-based exchange, lost $530 million".
  'lost', 'suffered', 'paid', 'agreed', 'filed', 'notified', 'fixed', 'patched', 'released', 'launched', 'warned', 'suspended', 'discovered', 'detected', 'collapsed']);

/**
 * Whether the single word at `a` is followed by an apposition that says what
 * it is, and then by its verb: "Quillfeather, the dating app, said …",
 * "Brightline, a ticketing firm, confirmed …". A word opening a sentence is
 * otherwise only taken for a name when the article uses it mid-sentence too;
 * with an apposition it is one ("However, the company said" has no second
 * comma and verb). Gives the kind the apposition suggests, or undefined.
 */
function appositive(tokens: Token[], a: number): EntityKind | undefined {
  if (tokens[a].after !== ',' || tokens[a].lower.endsWith('ly')) return undefined;
  const det = tokens[a + 1];
  if (!det || (det.lower !== 'the' && det.lower !== 'a' && det.lower !== 'an')) return undefined;
  let person = false;
  for (let k = a + 2; k < tokens.length && k <= a + 8; k++) {
    const t = tokens[k];
    if (isRoleToken(t)) person = true;
    if (t.after === ',') {
      const verb = tokens[k + 1];
      return verb && APPOSITION_VERBS.has(verb.lower) ? (person ? 'person' : 'organisation') : undefined;
    }
    if (t.after !== '' && t.after !== '\'' && t.after !== '’' && t.after !== '-') return undefined;
  }
  return undefined;
}

/**
 * A list item's label that its text starts again with: "* **Tether**: Tether faced an extortion demand" (a round-up's
 * entries, 60 of them in ZDNet's "biggest data breaches of 2021"). A word the article writes in lower case is no name
 * ("**Update**: Update your browser").
 */
function labelOfItem(tokens: Token[], a: number): boolean {
  const t = tokens[a];
  const next = tokens[a + 1];
  return a === 0 && t.after === ':' && next !== undefined && next.text === t.text && !writtenSmall(t.lower);
}

function isRoleToken(t: Token): boolean {
  return ROLE_WORDS.has(t.lower) || (t.dash && isRole(t.lower));
}

function isRole(lower: string): boolean {
  if (ROLE_WORDS.has(lower)) return true;
  // "Director-General", "Co-Founder".
  return lower.includes('-') && lower.split('-').every((p) => ROLE_WORDS.has(p));
}

/** A word for something offered as a service, see `isJargon`. */
const AS_A_SERVICE = /^[A-Z][A-Za-z0-9]*aaS$/;

/** Jargon, also with a lower-case tail ("DDoS-ers", "IoT-based"). */
function isJargon(t: Token): boolean {
  if (JARGON.has(t.lower)) return true;
  // "X as a service" in capitals and small letters, as RaaS and SaaS are: "DNS-as-a-Service (DNSaaS) providers",
  // "PhaaS", "FWaaS", "DRaaS" were organisations; a kind of offering, not a company.
  // (Only a word that ends in "aaS" is tried: the test ran on every single word of a run.)
  const w = t.text;
  if (w.length >= 4 && w.charCodeAt(w.length - 1) === 83 /* S */ && w.charCodeAt(w.length - 2) === 97 && AS_A_SERVICE.test(w)) return true;
  const dash = t.text.indexOf('-');
  return dash > 0 && JARGON.has(t.lower.slice(0, dash)) && /^[a-z-]+$/.test(t.text.slice(dash + 1));
}

/** "Q3", "FY22", "FY2021": a part of a year, not a name ("H2" may be a half-year or the H2 database). */
function isPeriod(w: string): boolean {
  const a = code(w, 0);
  const b = code(w, 1);
  if (w.length === 2) return a === 113 /* q */ && b >= 49 && b <= 52;
  if (a !== 102 /* f */ || b !== 121 /* y */ || (w.length !== 4 && w.length !== 6)) return false;
  for (let k = 2; k < w.length; k++) if (!isDigit(w.charCodeAt(k))) return false;
  return true;
}

/** Months and days, role words and units: one probe for every capitalised word instead of three. */
const NOT_NAME_WORDS = new Set([...MONTHS_AND_DAYS, ...ROLE_WORDS, ...CAPITAL_UNITS]);

/** Can this capitalised word be part of a name? Not a role word, month, weekday, quarter, unit or identifier. */
function isNameWord(t: Token): boolean {
  if (t.longNumber || NOT_NAME_WORDS.has(t.lower) || isPeriod(t.lower)) return false;
  // "Non-GAAP net income came to $41.1 million": "non-" makes what follows a quality, never a name. "Non-GAAP" was an
  // organisation in 7 earnings reports and owned 15 of their figures (CrowdStrike's, Zscaler's, Palo Alto Networks').
  if (t.dash && t.lower.length > 4 && t.lower.startsWith('non-')) return false;
  // "Director-General", "Co-Founder"; "WordPress-powered", "Microsoft-owned", "Russia-based": adjectives, not names.
  return !(t.dash && (isRole(t.lower) || nameAdjective(t)));
}

/** "Microsoft-owned", "Hong Kong-based" (its last word): a name made an adjective by a lower-case ending ("Pre-Owned" is none). */
function nameAdjective(t: Token): boolean {
  if (!t.dash) return false;
  const at = t.text.lastIndexOf('-');
  const c = t.text.charCodeAt(at + 1);
  return c >= 97 && c <= 122 && NAME_ADJECTIVE_ENDS.has(t.lower.slice(at + 1));
}

/** What a hyphen joins to a name to make an adjective of it ("Microsoft-owned GitHub" names GitHub). */
const NAME_ADJECTIVE_ENDS = new Set([
  'powered', 'based', 'linked', 'owned', 'backed', 'related', 'sponsored', 'affiliated', 'focused', 'themed', 'branded',
  'style', 'like', 'specific', 'compatible', 'enabled', 'made', 'led', 'run', 'funded', 'operated', 'controlled',
  'connected', 'aligned', 'friendly', 'native', 'centric', 'born', 'headquartered', 'bound', 'facing', 'targeted',
]);

/** A function word at the front of a run that is not the start of a known name ("New York Times"). */
function isLeadingFunctionWord(run: Token[], a: number, b: number): boolean {
  const t = run[a];
  if (!FUNCTION_WORDS.has(t.lower)) return false;
  // "US" is the country, not the pronoun.
  if (ACRONYMS.has(t.lower) && t.text === t.text.toUpperCase()) return false;
  let phrase = t.lower;
  for (let k = a + 1; k < b && k < a + 5; k++) {
    phrase += ` ${run[k].lower}`;
    if (KNOWN_PHRASES.has(phrase)) return false;
  }
  return true;
}

const MIXED_CASE_NAME = /^\p{Lu}\p{Ll}*\p{Lu}\p{Ll}+$/u;

/**
 * Could tokens [a, b) be a person's name? Two to four capitalised words, none
 * of which names a thing or an organisation ("Data Protection Regulation",
 * "Cisco Talos" and "Consumer Reports" cannot).
 */
function personLike(tokens: Token[], a = 0, b = tokens.length): boolean {
  if (b - a < 2 || b - a > 4) return false;
  const named = isFirstNameTok(tokens[a]);
  // "researcher Chad Anderson", "Jordan Smith, an analyst at …": a country that is a first name too, said to be a person's.
  const placeName = !named && PLACES.has(tokens[a].lower) && isCommonFirstNameTok(tokens[a]) && b - a === 2 && personCue(tokens, a, b);
  // "Windows Registry", "Firefox Lockwise": a product's name before a word is the product's, as a company's is the company's.
  if (!named && !placeName && (KNOWN_ORGS.has(tokens[a].lower) || OUTLETS.has(tokens[a].lower) || PLACES.has(tokens[a].lower) || PRODUCTS.has(tokens[a].lower))) return false;
  let particle = false;
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    // "Theo de Raadt", "Ursula von der Leyen": a small particle inside begins the surname.
    if (k > a && k < b - 1 && t.text === t.lower && SURNAME_PARTICLES.has(t.lower)) {
      particle = true;
      continue;
    }
    // "James E. Lee": a middle initial, with its dot (`middleInitial`); "Galaxy S Ultra" is no person.
    if (k > a && k < b - 1 && t.text.length === 1 && isUpper(t.text.charCodeAt(0)) && t.after === '.') continue;
    if (shape(t) !== 'title' && !MIXED_CASE_NAME.test(t.text)) return false;
    if (k === a && named) continue;
    // "DomainTools Chad Anderson": a brand before a first name and surname ("XueFeng Li" is a name).
    if (k === a && shape(t) !== 'title' && b - a >= 3) return false;
    // "Coalition Against Stalkerware": no name has a preposition inside ("Jonathan Bar Or", "Oliver Read" do have other words).
    if (k > a && PREPOSITIONS.has(t.lower)) return false;
    if (ORG_SUFFIXES.has(t.lower) || THING_WORDS.has(t.lower) || KNOWN_ORGS.has(t.lower)) return false;
    // "Crystal Valley" (a farm cooperative), "Grace County": a first name of the short list before a place's last word.
    if (k === b - 1 && named && PLACE_LAST_WORDS.has(t.lower)) return false;
  }
  // With a small particle, only a first name or a role before it makes a person:
  // "Banco de Chile", "Rio de Janeiro" and "Universiteit van Amsterdam" are not.
  return !particle || named || (a > 0 && !tokens[a].brokenBefore && isRoleToken(tokens[a - 1]));
}

/**
 * Whether the apposition that starts at `b` is one person's role: within its first four words, before its clause
 * ends and after no function word, one role ("staff research engineer at Tenable", "Cyware CEO, was quoted", "VP and
 * GM of"), said of one (not "Pradeo researchers said") and followed by where it is held or the apposition's end (not
 * "Windows Hello, the researcher finally hit pay dirt", "Eastern Time, after CNBC reporter Eamon Javers").
 */
function roleInApposition(tokens: Token[], b: number): boolean {
  // ", " and nothing else between ("APT28 or Fancy Bear,\" Google security engineer …" closes a quotation).
  if (b === 0 || b >= tokens.length || (tokens[b].start - tokens[b - 1].end !== 2 && !tokens[b].afterLink)) return false;
  let role = -1;
  for (let k = b; k < Math.min(tokens.length, b + 5); k++) {
    const t = tokens[k];
    if (k > b && t.brokenBefore && tokens[k - 1].after !== '-') break;
    if (isRoleToken(t)) role = k;
    // "a threat analyst with …", "the former head of …".
    else if (FUNCTION_WORDS.has(t.lower) && !(k === b && ARTICLES.has(t.lower))) break;
    if (t.after !== '' && t.after !== '-') break;
  }
  if (role < 0) return false;
  const t = tokens[role];
  const next = tokens[role + 1];
  if (t.lower.endsWith('s') && t.lower.length > 3) return false;
  return t.after !== '' || next === undefined || next.brokenBefore || ROLE_HELD.has(next.lower);
}

/** What follows a role in apposition: where it is held ("engineer at Tenable") or a second role ("VP and GM of"). */
const ROLE_HELD = new Set(['at', 'of', 'for', 'with', 'and', 'in']);
const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * A name that looks like a person's but is a company's or a place's unless a role says otherwise: a place or a word of
 * a trade last after a word no list of first names has ("Vodafone Portugal announced", "Schreiber Foods said", "Fintech
 * Australia said"). A verb of saying does not make these people; a first name of the lists does ("Brandon Wales",
 * "Seth Berlin"), and so does a role ("says Titania Jordan, chief parenting officer").
 */
function tradeOrPlaceName(tokens: Token[], a: number, b: number): boolean {
  const first = tokens[a].lower;
  const last = tokens[b - 1].lower;
  return (PLACES.has(last) || ORG_WORDS.has(last) || ORG_SUFFIXES.has(last)) && !isFirstName(first) && !isCommonFirstName(first);
}

/** Roles that are programs' too, after a word that says so: "the popular software editor DaVinci Resolve", "a remote host". */
const MACHINE_ROLES = new Set(['editor', 'host', 'agent']);
const MACHINE_ROLE_KINDS = new Set(['software', 'video', 'code', 'text', 'photo', 'image', 'equation', 'registry', 'policy', 'remote', 'user', 'plugin', 'compromised', 'infected', 'virtual']);

function machineRole(tokens: Token[], k: number): boolean {
  return MACHINE_ROLES.has(tokens[k].lower) && k > 0 && !tokens[k].brokenBefore && MACHINE_ROLE_KINDS.has(tokens[k - 1].text);
}

/** A role just before the name ("researcher Chad Anderson"), or one in apposition after it ("Chad Anderson, senior researcher at …"). */
function personCue(tokens: Token[], a: number, b: number): boolean {
  if (a > 0 && !tokens[a].brokenBefore && isRoleToken(tokens[a - 1])) return true;
  // "Adelaide Smith said": a verb of saying right after.
  if (b < tokens.length && !tokens[b].brokenBefore && SPEECH_VERBS.has(tokens[b].lower)) return true;
  if (tokens[b - 1].after !== ',') return false;
  for (let k = b; k < Math.min(tokens.length, b + 4); k++) if (isRoleToken(tokens[k])) return true;
  return false;
}

/** Words that never stand inside a person's name ("Coalition Against Stalkerware", "Bureau of Investigation"). */
const PREPOSITIONS = new Set([
  'against', 'between', 'among', 'amongst', 'within', 'across', 'beyond', 'upon', 'toward', 'towards', 'amid', 'versus',
  'the', 'a', 'an', 'of', 'for', 'in', 'on', 'at', 'to', 'with', 'from', 'by', 'and', 'into', 'through', 'without',
]);

/** "Jr", "Sr.", "III": part of a name, not a surname. */
const GENERATIONS = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/** Capitalised phrases that are not names of anything the corpus tracks. */
const NOT_NAMES = new Set([
  'social security', 'social security number', 'dark web', 'internet', 'web',
  // What is left of "Command and Control", "Figure 1", "Unit 42" and "… Bill 2020" when the run stops at "and" or a number.
  'command', 'control', 'figure', 'unit', 'bill',
  // A shop's buttons ("View Now at ExpressVPN", "See details").
  'view now', 'see details', 'read more', 'buy now', 'shop now',
]);
const NOT_NAMES_WORDS = Math.max(...[...NOT_NAMES].map((n) => n.split(' ').length));
/** First words of `NOT_NAMES` and of nationalities of two words: only a run starting with one is joined into a phrase for them. */
const NOT_NAMES_FIRST = new Set([...NOT_NAMES, ...[...NATIONALITIES].filter((n) => n.includes(' '))].map((n) => n.split(' ')[0]));

const DEMONYM = /(?:ish|ese|ians?|eans?|ic)$/;

function isDemonym(lower: string): boolean {
  if (DEMONYM.test(lower) || DEMONYMS.has(lower) || NATIONALITIES.has(lower)) return true;
  // "Bahrainis", "Greeks", "Czechs".
  return lower.length > 3 && lower.charCodeAt(lower.length - 1) === 115 && NATIONALITIES.has(lower.slice(0, -1));
}

function isAllCaps(s: string): boolean {
  // ASCII: no small letter and at least one capital; anything else asks Unicode.
  let capital = false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 128) return s === s.toUpperCase() && s !== s.toLowerCase();
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) capital = true;
  }
  return capital;
}

/** What the candidate pass of one sentence remembers between runs. */
interface RunState {
  tokens: Token[];
  out: Candidate[];
  prev: Candidate | undefined;
  prevEnd: number;
  /** The token after "of" that followed a person ("Erick Galinkin of Rapid7"). */
  orgAt: number;
}

function pushCandidate(st: RunState, c: Candidate, a: number, b: number): void {
  // "Maze, REvil, Conti, and Babuk", "Ryuk or Conti": the name before is listed with this one.
  const gap = a - st.prevEnd;
  if (st.prev && (gap === 1 || gap === 2) && st.tokens[a].brokenBefore === (gap === 1) && (gap === 1 ? st.tokens[st.prevEnd].after === ',' : LIST_JOINS.has(st.tokens[a - 1].lower) && (!st.tokens[a - 1].brokenBefore || st.tokens[st.prevEnd].after === ','))) {
    const list = (st.prev.list ??= { members: [st.prev], cued: gangListCue(st.tokens, st.prevEnd + 1 - st.prev.tokens.length) });
    list.members.push(c);
    c.list = list;
  }
  // "(FCC)" right after "Federal Communications Commission".
  if (c.tokens.length === 1 && st.prev && st.prevEnd === a - 1 && st.tokens[a - 1].after === '(' && st.prev.tokens.length > 1) c.paren = st.prev;
  // "confidentiality, integrity and availability (CIA) principles": an acronym the words before it spell is a term of
  // the article's, not the Central Intelligence Agency of the tables.
  // Spelt in lower case ("a vulnerability disclosure policy (VDP)"), not by a name no run took ("Office of Inspector
  // General (OIG)", "National Farmers' Federation (NFF)"), it is a term of the article's, whatever its tags say.
  // Written with a small connective's letter ("elevation of privilege (EoP)", "proof of concept (PoC)"), it is one too.
  else if (c.tokens.length === 1 && a > 0 && st.tokens[a - 1].after === '(') {
    const word = c.tokens[0].text;
    const caps = isAllCaps(word);
    if (caps || smallLetterAcronym(word)) {
      const from = spelledBefore(st.tokens, a, c.tokens[0].lower, true);
      if (from >= 0) {
        c.jargon = true;
        c.term = spelling(st.tokens, from, a);
      } else if (caps && spelledBefore(st.tokens, a, c.tokens[0].lower) >= 0) c.jargon = true;
    }
  }
  st.out.push(c);
  st.prev = c;
  st.prevEnd = b - 1;
}

/** Whether a word of tokens [a, b) is a first name of either list. */
function anyFirstName(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (isFirstNameTok(tokens[k]) || isCommonFirstNameTok(tokens[k])) return true;
  return false;
}

/** Whether a word of tokens [a, b) is one of `FUNCTION_AREAS`. */
function anyFunctionArea(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (FUNCTION_AREAS.has(tokens[k].lower)) return true;
  return false;
}

/** What joins the last two names of a list: "Maze, Conti and Babuk", "Ryuk or Conti". */
const LIST_JOINS = new Set(['and', 'or', '&']);

/** What a list of a ransomware's gangs may be called ("ransomware groups like REvil and Avaddon", "ransomware families such as …"). */
const GANG_LIST_NOUNS = new Set(['groups', 'families', 'strains', 'variants', 'actors', 'brands']);

/**
 * Whether a gang's cue stands before the list that starts at `a`: "ransomware operators, including Maze, ReEvil, Conti,
 * and Babuk", "gangs like Ryuk, Conti, Maze", "ransomware groups such as SunCrypt or LockBit" (not "groups like the
 * Electronic Frontier Foundation").
 */
function gangListCue(tokens: Token[], a: number): boolean {
  let k = a - 1;
  if (k >= 0 && tokens[k].lower === 'the') k--;
  if (k < 1) return false;
  const w = tokens[k].lower;
  if (w === 'as' && tokens[k - 1].lower === 'such') k--;
  else if (w !== 'including' && w !== 'like') return false;
  const noun = tokens[k - 1];
  if (!noun) return false;
  return GANG_CUES_AFTER.has(noun.lower) || (GANG_LIST_NOUNS.has(noun.lower) && k >= 2 && tokens[k - 2].lower === 'ransomware');
}

/**
 * Whether the words before token `at` begin with the letters of `acronym`, in order ("and", "of" and "the" aside).
 * If `lower`, all of them are in lower case, and a hyphenated word may give a letter for each of two parts ("zero-trust
 * network access (ZTNA)"), a compound two where its first and an inner letter are the acronym's ("account takeover
 * (ATO)"), a small word its letter ("software bill of materials (SBOM)"); not a name's word ("Europe (EU)" is no
 * spelling of the EU).
 */
function spelledBefore(tokens: Token[], at: number, acronym: string, lower = false): number {
  const letters = acronym.replace(/\./g, '');
  if (letters.length < 2) return -1;
  let k = letters.length - 1;
  let i = at - 1;
  for (; i >= 0 && k >= 0; i--) {
    const w = tokens[i].lower;
    if (lower && tokens[i].text !== w) return -1;
    if (w === 'and' || w === 'of' || w === 'the' || w === '&' || w === 'for') {
      if (lower && w[0] === letters[k]) k--;
      continue;
    }
    if (w[0] === letters[k]) { k--; continue; }
    if (lower && k >= 1 && w[0] === letters[k - 1]) {
      const dash = w.lastIndexOf('-');
      if (dash > 0 ? w[dash + 1] === letters[k] : w.indexOf(letters[k], 1) > 0) { k -= 2; continue; }
    }
    return -1;
  }
  return k < 0 ? i + 1 : -1;
}

/** The words `from` up to `at` that spell an acronym (see `spelledBefore`): "enterprise resource planning". */
function spelling(tokens: Token[], from: number, at: number): string {
  let words = '';
  for (let i = from; i < at; i++) words += (i > from ? ' ' : '') + tokens[i].text;
  return words;
}

/**
 * An acronym of capitals with a small connective's letter among them: "EoP" (elevation of privilege), "PoC", "MitM".
 * Two capitals at least, the last letter one; ASCII letters only.
 */
function smallLetterAcronym(w: string): boolean {
  if (w.length < 3 || w.length > 5 || !isUpper(w.charCodeAt(0)) || !isUpper(w.charCodeAt(w.length - 1))) return false;
  for (let k = 1; k < w.length - 1; k++) {
    const c = w.charCodeAt(k);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/**
 * Where a known name that runs through the "and" at `and` ends ("Office of Management and Budget"), when one
 * starting at or after `from` does; else `and`.
 */
function knownThroughAnd(tokens: Token[], from: number, and: number): number {
  for (let s = Math.max(from, and - KNOWN_AND_WORDS); s < and; s++) {
    let phrase = tokens[s].lower;
    for (let k = s + 1; k < tokens.length && k - s < KNOWN_AND_WORDS; k++) {
      if (k > and && tokens[k].brokenBefore) break;
      phrase += ` ${tokens[k].lower}`;
      if (k > and && KNOWN_PHRASES.has(phrase)) return k + 1;
    }
  }
  return and;
}

/** Tokens [a, b) of a run, with the cues around them, as a candidate (or none). */
function emitRun(st: RunState, a: number, b: number, atStart: boolean, beforePerson = false): void {
  const tokens = st.tokens;
  let n = b - a;
  // A number inside a known name ("Microsoft 365 Defender Threat Intelligence Team") is no word of the count.
  let numbers = 0;
  for (let k = a + 1; k < b; k++) if (isDigits(tokens[k].text)) numbers++;
  if (n - numbers > 5) {
    // Past five words only an institution's name ("National Institute of Standards and Technology",
    // "Center for Security and Emerging Technology"), not a headline in title case ("Suspected Chinese
    // Hackers Hit News Corp", "Passengers Records Purportedly Up for Sale").
    const inner = tokens.slice(a + 1, b - 1);
    // ("on" is inside a run only after a committee: "Parliamentary Joint Committee on Intelligence and Security".)
    const institution = n <= LONGEST_NAME && inner.some((t) => t.lower === 'of' || t.lower === 'for' || t.lower === 'on') && !inner.some((t) => t.lower.endsWith('ly'));
    // Nor are runs like "Delmont Threat Intelligence and Riverton Labs" (two names) or "Multi-State Information
    // Sharing and Analysis Center" (one) told apart here: neither is taken.
    if (!institution) return;
  }
  if (n <= NOT_NAMES_WORDS && NOT_NAMES_FIRST.has(tokens[a].lower)) {
    let phrase = tokens[a].lower;
    for (let k = a + 1; k < b; k++) phrase += ` ${tokens[k].lower}`;
    if (NOT_NAMES.has(phrase)) return;
    // "Sri Lankan", "Costa Rican", "New Zealander": a country's people, in two words.
    if (n === 2 && (NATIONALITIES.has(phrase) || (phrase.charCodeAt(phrase.length - 1) === 115 && NATIONALITIES.has(phrase.slice(0, -1))))) return;
  }
  // "North Korean", "Middle Eastern": where people are from.
  if (n === 2 && COMPASS.has(tokens[a].lower) && isDemonym(tokens[a + 1].lower)) return;
  // "Chief Information Security Officer": the field of a title, between its words, names no one.
  if (a > 0 && b < tokens.length && tokens[a - 1].lower === 'chief' && tokens[b].lower === 'officer' && !tokens[a].brokenBefore && !tokens[b].brokenBefore
    && !tokens[b - 1].possessive) return;
  const run = tokens.slice(a, b);
  if (n === 1 && isJargon(run[0])) {
    // "DDoS", "IoT": never an entity, but "(RDP)" may still spell out a name.
    if (shape(run[0]) === 'acronym') pushCandidate(st, { tokens: run, kindVotes: [], jargon: true }, a, b);
    n = 0;
  }
  if (!n) return;
  const single = n === 1 ? run[0] : undefined;
  let keep = true;
  const apposed = single ? appositive(tokens, a) : undefined;
  if (single) {
    const sh = shape(single);
    // Asked only of a word in title case that opens the sentence or names a people.
    if (sh === 'title' && ((atStart && !apposed && !labelOfItem(tokens, a)) || isDemonym(single.lower)) && !knownAlone(single.lower)) keep = false;
    if (sh === 'acronym' && !ACRONYMS.has(single.lower)) keep = false; // decided later against expansions
    if (sh === 'other' && single.text.charCodeAt(0) !== 64) keep = false;
    if (!keep && sh !== 'acronym') return;
  }
  // "the company’s HQ": a possessive is not a cue.
  const before = a > 0 && !tokens[a].brokenBefore && !tokens[a - 1].possessive ? tokens[a - 1] : undefined;
  const after = b < tokens.length ? tokens[b] : undefined;
  const last = run[n - 1];
  // "the Red Cross said", "the Emil Frey group": a person's name takes no article, unless it has a first name of the
  // lists ("the Canadian Karim Baratov", "the Republican Marsha Blackburn"; not "the Briton Marcus Hutchins").
  const theName = before !== undefined && before.lower === 'the' && !anyFirstName(tokens, a, b);
  const person = n >= 2 && !beforePerson && !theName && personLike(tokens, a, b);
  const roleAfter = after !== undefined && isRoleToken(after);
  const votes: EntityKind[] = [];
  if (before) {
    // Not "Supply chain Levels for Software Artifacts": a chain of stores, not of supply.
    if (ORG_CUES.has(before.lower) && !(before.lower === 'chain' && a >= 2 && CHAINS_OF_NO_ONE.has(tokens[a - 2].lower))) votes.push('organisation');
    // "the adult cam site StripChat", "the crypto price-tracking site CoinMarketCap": a website is a company's; a
    // "news site" is an outlet.
    if (OUTLET_CUES.has(before.lower) && (before.lower !== 'site' || (a >= 2 && (MEDIA_SITES.has(tokens[a - 2].lower) || tokens[a - 2].lower.endsWith('-focused'))))) votes.push('outlet');
    else if (before.lower === 'site') votes.push('organisation');
  }
  if (a === st.orgAt) votes.push('organisation'); // "… of Rapid7" after a person
  // "vice president of Shared Assessments", "an analyst at Acme Widgets": where a role is held, unless a place ("mayor of Boston").
  // Not what a role is "of" in a company ("VP of Engineering", "Secretary of Homeland Security Alejandro Mayorkas").
  if (before && (before.lower === 'of' || before.lower === 'at') && a >= 2 && !tokens[a - 1].brokenBefore && (isRoleToken(tokens[a - 2]) || (before.lower === 'at' && roleAtFar(tokens, a - 1)))
    && !anyFirstName(tokens, a, b) && !anyFunctionArea(tokens, a, b)
    // "head of WhatsApp Will Cathcart", "Inspector General of Police Garba Baba Umar": a person's name ends the run.
    && !(n >= 3 && personLike(tokens, b - 2, b))
    && !PLACES.has(run.map((t) => t.lower).join(' '))) votes.push('organisation');
  // "the Harbor Lantern reported", "the Red Cross said": what speaks under an article is a body of people.
  if (n >= 2 && theName && after && !after.brokenBefore && SPEECH_VERBS.has(after.lower)) votes.push('organisation');
  if (person) {
    // Only a role makes a person of "Schreiber Foods" or "Vodafone Portugal" (`tradeOrPlaceName`).
    const said = !tradeOrPlaceName(tokens, a, b);
    if (before && isRoleToken(before) && !machineRole(tokens, a - 1)) votes.push('person');
    if (said && before && SAID.has(before.lower)) votes.push('person');
    // "Chad Anderson, senior researcher at …", "Satnam Narang, staff research engineer at Tenable, said".
    // Not "Reset Australia, a democracy advocate": no surname is a place.
    // Of those, not a capitalised role that begins the next name of a list ("Domain Factory, Heart Internet, Host Europe").
    if (last.after === ',' && ((roleAfter && (said || after.text === after.lower)) || (roleInApposition(tokens, b) && !PLACES.has(last.lower)))) votes.push('person');
    if (said && after && !after.brokenBefore && SPEECH_VERBS.has(after.lower)) votes.push('person');
    // "June Werner, cyber-range engineer at …": a month let into a name only on such evidence (see `monthIsFirstName`).
    if (run[0].name && MONTH_FIRST_NAMES.has(run[0].text)) votes.push('person');
  }
  // "President Biden", "Senator Warner", "Mr Smith": a surname after a title of address.
  // The title written as one ("MS Office" is Microsoft's; "secretary Autumn" is not one).
  if (single && before && TITLES_OF_ADDRESS.has(before.lower) && shape(before) === 'title' && shape(single) === 'title') votes.push('person');
  // "T-Mobile CEO Mike Sievert", "a former Gartner analyst", "Uptycs researchers"; a capitalised
  // role word is more likely part of a longer name ("Europol Data Protection Experts Network").
  if (roleAfter && !after.brokenBefore && (after.text === after.lower || isAllCaps(after.text)) && !isFirstNameTok(run[0]) && !votes.includes('person')) votes.push('organisation');
  // "Austin Berglas, who leads …": a person.
  if (person && after && last.after === ',' && after.lower === 'who') votes.push('person');
  // "Quillfeather, the dating app, said": what the apposition calls it.
  if (apposed) votes.push(apposed);
  // "in La Puente, Calif.", "near East Wenatchee, Washington": a town before a comma and its US state (`townOfState`).
  if (!votes.length && townOfState(tokens, b, before)) votes.push('place');
  // "the SysJoker backdoor", "a utility dubbed ChromePass": one word in camel case or capitals that its cue calls a thing
  // (the shape alone made it an organisation); "REvil ransomware" is a gang's name too.
  const cue = single && !single.possessive ? thingCue(tokens, a, after) : 0;
  if (cue > 0 && (shape(single!) === 'camel' || shape(single!) === 'acronym') && !GANGS.has(single!.lower)) votes.push('other');
  const actor = cue < 0;
  // "the Conti gang", "Hive operators", "Lazarus group": a name a band of people is named by is theirs, an organisation
  // (written like a word, "Conti" was a thing where "LockBit", written in camel case, was not).
  // Not an acronym ("APT group", "BEC group": the kind's jargon) nor a word the article writes in lower case ("Administrators group").
  // "the Conti ransomware group": "ransomware" between them.
  const band = after && after.lower === 'ransomware' && b + 1 < tokens.length && !tokens[b + 1].brokenBefore ? tokens[b + 1] : after;
  if (single && !single.possessive && after && band && !after.brokenBefore && band.text === band.lower && after.text === after.lower && BAND_CUES_AFTER.has(band.lower) && !votes.includes('person')
    && shape(single) !== 'acronym' && !writtenSmall(single.lower)) votes.push('organisation');
  const c: Candidate = atStart && single && apposed ? { tokens: run, kindVotes: votes, apposed: true } : { tokens: run, kindVotes: votes };
  if (actor) c.actor = true;
  if (actor && after && GANG_CUES_AFTER.has(after.lower) && !NO_GANG_WORDS.has(run[0].lower)) c.gang = true;
  pushCandidate(st, c, a, b);
}

/** Words before "ransomware" that say what it is written in or when it struck, not whose it is ("a new Rust ransomware strain"). */
const NO_GANG_WORDS = new Set(['rust', 'golang', 'go', 'python', 'java', 'javascript', 'powershell', 'christmas', 'halloween', 'easter', 'new', 'the', 'this', 'that', 'linux', 'windows', 'android', 'macos', 'ios', 'esxi', 'nas', 'crypto', 'double', 'triple']);

/** The words of `ACTOR_CUES_AFTER` that follow only a gang's name ("Intelligence team", "Security group" are a firm's). */
const GANG_CUES_AFTER = new Set(['ransomware', 'gang', 'gangs', 'operators', 'operator', 'affiliates', 'affiliate', 'crew', 'cartel', 'syndicate']);

/**
 * Words after a name that make it a band of people's: "the Conti gang", "Hive affiliates". `ACTOR_CUES_AFTER` but for
 * "ransomware" (a thing's name too), "hackers" ("Chinese hackers"), "team" and "apt".
 */
const BAND_CUES_AFTER = new Set([...ACTOR_CUES_AFTER].filter((w) => w !== 'ransomware' && w !== 'hackers' && w !== 'team' && w !== 'apt'));

/** Verbs that give a thing its name: "a backdoor dubbed SysJoker", "a tool called ChromePass". */
const NAMING_VERBS = new Set(['dubbed', 'called', 'codenamed', 'code-named']);

/** What "dubbed" or "called" may name that is no thing: "a group dubbed ChamelGang", "one user called EvilMastermindG". */
const ACTOR_WORDS = new Set([
  'group', 'groups', 'gang', 'gangs', 'actor', 'actors', 'crew', 'hackers', 'hacker', 'team', 'apt', 'cluster', 'collective', 'syndicate',
  'cartel', 'entity', 'user', 'users', 'individual', 'persona', 'person', 'man', 'woman',
]);

/**
 * Ransomware gangs and threat groups named like their malware: "the REvil backdoor", "DarkSide variant" and "the
 * TeamTNT botnet" are still the gang's. (Cued as a gang elsewhere in an article, any name is: see `ACTOR_CUES_AFTER`.)
 */
const GANGS = new Set(['revil', 'darkside', 'lockbit', 'blackmatter', 'blackcat', 'hellokitty', 'blackbyte', 'ransomexx', 'synack', 'teamtnt', 'muddywater', 'molerats', 'scarcruft', 'oilrig']);

/**
 * What the cues around the single word at `a` call it: a thing (1) when the word after it does ("SysJoker backdoor", "the
 * OnMessage callback", see `THING_CUES_AFTER`) or a verb names it after a word that is no group's or company's ("a
 * backdoor dubbed SysJoker"); a gang, group or company (-1), whatever its other mentions' cues say, when the word after
 * it is a gang's ("REvil ransomware", "LockBit operators") or a verb names it after one ("the group, dubbed ChamelGang",
 * "a company called BehavioSec"); else 0.
 */
function thingCue(tokens: Token[], a: number, after: Token | undefined): number {
  if (after && !after.brokenBefore && after.text === after.lower) {
    if (ACTOR_CUES_AFTER.has(after.lower)) return -1;
    if (THING_CUES_AFTER.has(after.lower)) return 1;
  }
  if (a === 0) return 0;
  const verb = tokens[a - 1];
  // "dubbed SysJoker", "dubbed “MysterySnail”".
  if (!NAMING_VERBS.has(verb.lower) || (verb.after !== '' && verb.after !== '“' && verb.after !== '"' && verb.after !== '‘' && verb.after !== "'")) return 0;
  // "The group, dubbed LuminousMoth": the word before the comma.
  const what = a >= 2 ? tokens[a - 2] : undefined;
  return what && (ORG_CUES.has(what.lower) || ACTOR_WORDS.has(what.lower) || OUTLET_CUES.has(what.lower)) ? -1 : 1;
}

/** Words that end an organisation's name and never stand inside one before "and" ("Security", "Health" do). */
const NAME_ENDS = new Set(['international', 'inc', 'corp', 'corporation', 'ltd', 'llc', 'plc', 'gmbh', 'department', 'university', 'games', 'group', 'lab', 'labs', 'holdings', 'house']);

/** Whether the words `i…j` before an "and" are a whole name: they end on a name's last word or are a known one. */
function wholeBefore(tokens: Token[], i: number, j: number): boolean {
  const last = tokens[j - 1].lower;
  if (NAME_ENDS.has(last)) return true;
  const run = j - i === 1 ? tokens[i].lower : tokens.slice(i, j).map((t) => t.lower).join(' ');
  return KNOWN_ORGS.has(run) || OUTLETS.has(run);
}

/** Words that make a field's name with `FUNCTION_AREAS` ("Operational Technology", "Social Media", "Remote Services"). */
const FIELD_WORDS = new Set(['operational', 'social', 'media', 'remote', 'endpoint', 'access', 'management', 'application', 'applications', 'web', 'physical', 'computer', 'computing', 'artificial', 'machine', 'learning', 'managed', 'professional', 'financial']);

/** Last words of a field's name ("Threat Intelligence"); an office's ("Transportation Security Administration") are no field's. */
const FIELD_LAST_WORDS = new Set(['security', 'intelligence', 'research', 'technology', 'media', 'services', 'software', 'solutions']);
/** First words of firms named like a field ("Advanced Intelligence", "Offensive Security") and of a state's offices. */
const NOT_FIELD_FIRST = new Set(['advanced', 'offensive', 'national', 'global', 'international', 'public', 'state', 'homeland', 'applied']);

/** "Threat Intelligence", "Operational Technology", "Social Media", "Remote Services": a field, no organisation. */
function fieldName(tokens: Token[], lastLower: string): boolean {
  return FIELD_LAST_WORDS.has(lastLower) && !NOT_FIELD_FIRST.has(tokens[0].lower) && tokens.every((t) => FUNCTION_AREAS.has(t.lower) || FIELD_WORDS.has(t.lower));
}

/** Words that make a name ending in "Service" a state's agency ("Federal Security Service", "Internal Revenue Service",
 * "US Marshals Service", "Crown Prosecution Service"), where "Windows Update Service" or "Azure App Service" is a product's part. */
const AGENCY_SERVICE_WORDS = new Set([
  'national', 'federal', 'internal', 'secret', 'state', 'postal', 'revenue', 'tax', 'marshals', 'customs', 'border',
  'immigration', 'migration', 'prosecution', 'investigative', 'criminal', 'crime', 'crown', 'royal', 'civil', 'diplomatic',
  'prison', 'probation', 'inspection', 'parcel', 'congressional', 'government', 'foreign',
]);

/**
 * A name of two to five capitalised words ending in "Service" that an agency's word (`AGENCY_SERVICE_WORDS`) or a
 * country's security or intelligence ("Ukrainian Security Service", "UK Secret Intelligence Service") makes a body; no
 * word of it a known company's or product's ("Microsoft Windows Update Service", "Sophos Health Service").
 */
function agencyService(tokens: Token[]): boolean {
  const n = tokens.length;
  if (n < 2 || n > 5 || tokens[n - 1].lower !== 'service') return false;
  let agency = false;
  for (let k = 0; k < n - 1; k++) {
    const w = tokens[k].lower;
    if (KNOWN_ORGS.has(w) || PRODUCTS.has(w)) return false;
    if (AGENCY_SERVICE_WORDS.has(w)) agency = true;
  }
  const field = tokens[n - 2].lower;
  return agency || (n >= 3 && (field === 'security' || field === 'intelligence') && (isDemonym(tokens[0].lower) || PLACES.has(tokens[0].lower) || EXPANSION_KIND.get(tokens[0].lower) === 'place'));
}

/** A company's departments and a government's portfolios: what a role is "of" when it is no organisation's name. */
const FUNCTION_AREAS = new Set([
  'security', 'cybersecurity', 'engineering', 'product', 'products', 'intelligence', 'research', 'marketing', 'sales',
  'operations', 'state', 'defense', 'defence', 'commerce', 'homeland', 'technology', 'strategy', 'vulnerabilities',
  'vulnerability', 'privacy', 'innovation', 'communications', 'threat', 'threats', 'digital', 'business', 'information',
  'data', 'development', 'education', 'justice', 'energy', 'health', 'treasury', 'finance', 'policy', 'risk', 'growth',
  'infrastructure', 'cloud', 'software', 'compliance', 'governance', 'solutions', 'services', 'staff', 'content', 'design',
  'labs', 'analytics', 'partnerships', 'affairs', 'trust', 'safety', 'transportation', 'labor', 'agriculture', 'interior',
  'veterans', 'customer', 'customers', 'enterprise', 'global', 'international', 'public', 'legal', 'technical', 'field',
  'applied', 'advanced', 'offensive', 'defensive', 'incident', 'response', 'detection', 'network', 'networks', 'identity',
  'platform', 'platforms', 'consumer', 'mobile', 'emerging', 'national', 'cyber', 'it', 'ai', 'devices', 'device',
  'hr', 'administration', 'cybercrime', 'integrity', 'transformation', 'email', 'protection', 'projects', 'police',
  'operators', 'apis', 'view', 'open',
]);

/**
 * Whether the possessive word at `j - 1` opens a body's name that goes on after it: "the Driver's Coop", "Driver's Seat
 * Cooperative" (were "Driver" and "Seat Cooperative"). One common word in title case, no known name's ("Microsoft's
 * Threat Intelligence Center", "Australia's Cyber Security Cooperative" are their owner's), before up to three
 * capitalised words that end on a co-operative's, club's or society's word.
 */
function possessiveInName(tokens: Token[], i: number, j: number): boolean {
  const owner = tokens[j - 1];
  if (j - 1 !== i || shape(owner) !== 'title' || !owner.name || KNOWN_ORGS.has(owner.lower) || PLACES.has(owner.lower) || PRODUCTS.has(owner.lower) || OUTLETS.has(owner.lower)) return false;
  for (let k = j; k < tokens.length && k < j + 3 && tokens[k].name && !tokens[k].brokenBefore; k++) {
    if (MEMBERS_BODIES.has(tokens[k].lower)) return true;
    if (tokens[k].possessive) break;
  }
  return false;
}

/** Last words of a body its members own, for `possessiveInName`. */
const MEMBERS_BODIES = new Set(['coop', 'co-op', 'cooperative', 'co-operative', 'club', 'society', 'association', 'guild']);

/** Runs of capitalised words in one sentence, with cues for their kind. */
function candidatesIn(tokens: Token[], starts: number[], out: Candidate[], speakers: () => Set<string>): void {
  const st: RunState = { tokens, out, prev: undefined, prevEnd: -1, orgAt: -1 };
  let i = 0;
  let p = 0;
  for (;;) {
    // The next word that can be part of a name (all of them are among the starts).
    while (p < starts.length && (starts[p] < i || !tokens[starts[p]].name)) p++;
    if (p >= starts.length) break;
    i = starts[p];
    let j = i + 1;
    let split = false;
    let spoke = false;
    // "Committee on Intelligence and Security": a body's remit, joined like "of" ("Institute of Standards and Technology").
    let remit = false;
    // "Office of the … Commissioner": inside an office's name a title is a word of the name.
    let office = false;
    // A handle is a name of its own: "Follow @VKIntel" is not one name.
    // "Barnes & Noble", "Task & Purpose", "Cybersecurity & Infrastructure Security Agency": an ampersand between two
    // words in title case is inside one name (prose lists say "and"; 63 names of the real corpus were cut at it, and
    // "Task" alone was a family of "Task Group"). Not between names of their own: "REvil & DarkSide", "Afghanistan & India".
    while (j < tokens.length && (!tokens[j].brokenBefore || (tokens[j].name && ampersandInName(tokens[j - 1], tokens[j])))
      && (!tokens[j - 1].possessive || possessiveInName(tokens, i, j)) && !tokens[i].at) {
      const tj = tokens[j];
      if (tj.at) break;
      // "Office of the Attorney General Letitia James": the office ends where a person's first name follows its title.
      if (office && tj.name && ROLE_WORDS.has(tokens[j - 1].lower) && !ROLE_WORDS.has(tj.lower) && (isFirstNameTok(tj) || isCommonFirstNameTok(tj))) break;
      if (tj.name || (office && tj.cap && ROLE_WORDS.has(tj.lower))) { j++; continue; }
      // "Intel 471", "Microsoft 365": a known name that ends on a number (Intel's card cited Intel 471's research).
      if (isDigits(tj.text) && numberedName(tokens, i, j)) { j++; continue; }
      const next = tokens[j + 1];
      // "Task Manager", "Windows Boot Manager", "Security Accounts Manager (SAM)": software, not a title.
      if (tj.lower === 'manager' && tj.cap && softwareManager(tokens, i, j)) { j++; continue; }
      // A linked name is not joined to the next across "of" or "and" after the link: "company [Volterra](…) of
      // Santa Clara", "[Accenture](…) and France". Its last words may still be outside ("[CERT](…) Coordination Center").
      if (tj.afterLink || next?.afterLink) break;
      // "Ursula von der Leyen", "Jan van der Berg": two particles before the surname.
      if (next && !next.brokenBefore && tj.text === tj.lower && next.text === next.lower && SURNAME_PARTICLES.has(tj.lower) && SURNAME_PARTICLES.has(next.lower)
        && tokens[j + 2]?.name && !tokens[j + 2].brokenBefore) { j += 3; continue; }
      // "Office of the Australian Information Commissioner", "Department of the Treasury": an office of the state.
      // A title may open what follows: "Office of the Attorney General", "… of the Director of National Intelligence".
      const after = tokens[j + 2];
      if (tj.lower === 'of' && next && next.lower === 'the' && !next.brokenBefore && OFFICES.has(tokens[j - 1].lower)
        && after && (after.name || (after.cap && ROLE_WORDS.has(after.lower))) && !after.brokenBefore && !after.afterLink) { office = true; j += 3; continue; }
      if (tj.lower === 'on' && next && next.name && !next.brokenBefore && (tokens[j - 1].lower === 'committee' || tokens[j - 1].lower === 'subcommittee')) {
        remit = true;
        j += 2;
        continue;
      }
      if (next && next.name && !next.brokenBefore && tj.lower !== 'and' && CONNECTORS.has(tj.lower)) {
        // "Erick Galinkin of Rapid7": a person's name ends before "of"; "Bank of America" does not.
        if (j - i >= 2 && tj.lower === 'of' && !ORG_SUFFIXES.has(tokens[j - 1].lower) && personLike(tokens, i, j)
          && (isFirstNameTok(tokens[i]) || (i > 0 && !tokens[i].brokenBefore && isRoleToken(tokens[i - 1]))
            // "Dirk Schrader of New Net Technologies" in an article where "Schrader said": an unknown first name, a known speaker.
            || (spoke = j - i === 2 && !placeAt(tokens, j + 1) && (speakers().has(tokens[j - 1].text) || speaksAfter(tokens, j + 1))))) {
          split = true;
          break;
        }
        j += 2;
        continue;
      }
      if (tj.lower === 'and' && next && next.name) {
        // A known name that goes on after "and": "Department of Housing and Urban Development".
        const known = knownThroughAnd(tokens, i, j);
        if (known > j) { j = known; continue; }
        // "Securities and Exchange Commission", not "FBI, CIA and Justice Department".
        // A brand after "and" starts a name of its own: "Forescout Research Labs and JFrog Security Research".
        const next2 = tokens[j + 2];
        // Not after a name that is whole already: "Amnesty International and Citizen Lab", "Treasury Department and State
        // Department", "Baidu and Tencent Holdings" are two.
        if (next2 && next2.cap && ORG_SUFFIXES.has(next2.lower) && shape(tokens[j - 1]) === 'title' && shape(next) === 'title' && !wholeBefore(tokens, i, j)) { j += 2; continue; }
        // "National Institute of Standards and Technology", not "University of Birmingham and University of Surrey".
        if (!next.brokenBefore && ORG_SUFFIXES.has(next.lower) && shape(tokens[j - 1]) === 'title' && (remit || hasOf(tokens, i, j))
          && !(next2 && !next2.brokenBefore && CONNECTORS.has(next2.lower))) { j += 2; continue; }
      }
      break;
    }
    let a = i;
    let b = j;
    const sentenceStart = i === 0 || (tokens[i].brokenBefore && endsSentence(tokens[i - 1].after.charCodeAt(0)));
    // Leading function words are sentence case, not names ("On Thursday", "The Journal"); inside
    // a sentence a few may start a name ("New York", "Check Point").
    while (a < b && (sentenceStart || !NAME_STARTS.has(tokens[a].lower)) && isLeadingFunctionWord(tokens, a, b)) a++;
    while (b > a && CONNECTORS.has(tokens[b - 1].lower)) b--;
    // "Hong Kong-based", "North Korea-linked": the words before such an adjective belong to it, not to a name of their own.
    if (b < tokens.length && !tokens[b].brokenBefore && nameAdjective(tokens[b])) b = a;
    // "451 Research", "10 News": the rest of a name that starts with a number is no name of its own.
    if (b - a === 1 && a > 0 && !tokens[a].brokenBefore && ORG_SUFFIXES.has(tokens[a].lower) && isDigits(tokens[a - 1].text)) b = a;
    if (b > a) {
      // "US Federal Communications Commission", "United States CISA": the country, then the agency.
      if (b - a >= 3 && shape(tokens[a]) === 'acronym' && EXPANSION_KIND.get(lc(ACRONYMS.get(tokens[a].lower) ?? '')) === 'place') {
        pushCandidate(st, { tokens: [tokens[a]], kindVotes: [] }, a, a + 1);
        a++;
      } else if (b - a === 3 && shape(tokens[a + 2]) === 'acronym' && ACRONYMS.has(tokens[a + 2].lower) && PLACES.has(`${tokens[a].lower} ${tokens[a + 1].lower}`)) {
        pushCandidate(st, { tokens: [tokens[a], tokens[a + 1]], kindVotes: [] }, a, a + 2);
        a += 2;
      }
      // "Home Affairs Karen Andrews", "DomainTools Karen Anderson": a person's name starts at a first name.
      if (b - a >= 3 && !isFirstNameTok(tokens[a])) {
        for (let k = a + 1; k < b - 1; k++) {
          if (isFirstNameTok(tokens[k]) && personLike(tokens, k, b)) {
            // What stands before the person is not the person the cues around the run point at.
            emitRun(st, a, k, a === 0 || (sentenceStart && a === i), true);
            a = k;
            break;
          }
        }
      }
      const before = out.length;
      emitRun(st, a, b, a === 0 || (sentenceStart && a === i));
      // Its surname speaks elsewhere in the article: a person.
      if (spoke && out.length > before && !tradeOrPlaceName(tokens, a, b)) out[out.length - 1].kindVotes.push('person');
    }
    st.orgAt = split ? j + 1 : -1;
    i = Math.max(j, i + 1);
  }
}

/** Whether punctuation that starts with `c` may end a sentence before a word: . ! ? : “ " or a line's end. */
function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 0x201c || c === 34 || c === 10;
}

/** A known name written with "&" for its "and", as the tables write it: "Cybersecurity & Infrastructure Security Agency". */
function writtenWithAnd(name: string): string | undefined {
  if (name.indexOf(' & ') < 0) return undefined;
  const spelled = name.replace(/ & /g, ' and ');
  return EXPANSION_KIND.has(lc(spelled)) || KNOWN_ORGS.has(lc(spelled)) ? spelled : undefined;
}

/** Whether "`l` & `r`" are words of one name: an ampersand between, both in title case, and neither a name known on its own (`candidatesIn`). */
function ampersandInName(l: Token, r: Token): boolean {
  return l.after === '&' && shape(l) === 'title' && shape(r) === 'title' && !knownAlone(l.lower) && !knownAlone(r.lower);
}

function knownAlone(lower: string): boolean {
  return KNOWN_ORGS.has(lower) || PRODUCTS.has(lower) || PLACES.has(lower) || OUTLETS.has(lower);
}

/** Words before a town's name that place something ("in", "from", "near", "of"). */
const TOWN_CUES = new Set(['in', 'of', 'from', 'near']);

/**
 * Whether the name ending before `b` is a town's, followed by a comma and a US state: the newswire's abbreviation
 * ("La Puente, Calif.", "Albany, N.Y.") or, after "in", "of", "from" or "near", the state's name ("in Ashburn,
 * Virginia"); not a company's ("Acme Corp, Texas-based …", "Atlantic Health, California" in a list).
 */
function townOfState(tokens: Token[], b: number, before: Token | undefined): boolean {
  if (b + 1 > tokens.length || b === 0 || tokens[b - 1].after !== ',' || ORG_SUFFIXES.has(tokens[b - 1].lower) || ORG_LAST_WORDS.has(tokens[b - 1].lower)) return false;
  const state = tokens[b];
  const c = state.text.charCodeAt(0);
  // Not "Texas's attorney general" ("from Paxton, Texas's attorney general, said").
  if (c < 65 || c > 90 || state.possessive) return false;
  const cued = before !== undefined && TOWN_CUES.has(before.lower);
  // An abbreviation that is a word too ("Mass.", "Ind.", "Miss.") and may end the sentence needs the cue: "claimed by
  // Conti, Mass." is no town.
  // (Mid-sentence it is the state's: "at a Bothell, Wash. call center".)
  if (state.after === '.' && US_STATE_ABBREVIATIONS.has(state.lower)) {
    return cued || state.text.includes('.') || !WORDLIKE_ABBREVIATIONS.has(state.lower) || (b + 1 < tokens.length && tokens[b + 1].text === tokens[b + 1].lower);
  }
  if (!cued) return false;
  // The state ends the name: "from Quillfeather, Ohio State University and Kroger" lists a university.
  // (A role may follow: "from Winnebago County, Illinois CIO Gus Genter".)
  const ends = (k: number) => k >= tokens.length || tokens[k].brokenBefore || !tokens[k].cap || ROLE_WORDS.has(tokens[k].lower);
  if (US_STATES.has(state.lower) && ends(b + 1)) return true;
  const next = b + 1 < tokens.length && !tokens[b + 1].brokenBefore ? tokens[b + 1] : undefined;
  return next !== undefined && US_STATES.has(state.lower + ' ' + next.lower) && ends(b + 2);
}

/** State abbreviations that are words or titles too. */
const WORDLIKE_ABBREVIATIONS = new Set(['mass', 'ind', 'ill', 'miss', 'del', 'wash', 'la', 'pa', 'mo', 'ga', 'me', 'col', 'conn', 'ore', 'wis', 'kan', 'neb']);

function hasOf(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (tokens[k].lower === 'of') return true;
  return false;
}

/**
 * One word ending, in capitals, in what the thing is: a loader, a remote-access
 * trojan, a bot, a kit, a shell bug. Named once, it is still an entity, as a
 * known product is. ("Talbot" and "Cabot" are people; "Qbot", "Flubot" are in
 * `PRODUCTS`.)
 */
const MALWARE_NAME = /^[A-Z0-9][A-Za-z0-9]*(?:Loader|RAT|Stealer|Locker|Shell|Logon|Miner|Bot|Kit|Script)$/;

function classify(name: string, tokens: Token[], votes: EntityKind[], isOutlet: (lower: string) => boolean, lower = lc(name)): EntityKind {
  if (tokens[0]?.text.startsWith('@')) return 'handle';
  if (isOutlet(lower)) return 'outlet';
  if (PLACES.has(lower)) return 'place';
  if (KNOWN_ORGS.has(lower)) return 'organisation';
  if (PRODUCTS.has(lower)) return 'other';
  // Sport's Games are events, not studios: "the Olympic and Paralympic Games", "the Tokyo Games", "Summer Games" (18
  // names of the real corpus were organisations); "Epic Games", "Riot Games" stay companies.
  if (tokens.length >= 2 && tokens[tokens.length - 1].lower === 'games' && sportsGames(tokens)) return 'other';
  // A product's feature named with a word of a company's: "Windows Remote Desktop Services", "Azure Security Center",
  // "Android Accessibility Services", "Windows Security" (15 names of the real corpus were organisations).
  if (tokens.length >= 2 && PRODUCTS.has(tokens[0].lower) && FEATURE_LAST_WORDS.has(tokens[tokens.length - 1].lower)) return 'other';
  const expansion = EXPANSION_KIND.get(lower);
  if (expansion) return expansion;
  // "in La Puente, Calif." (`townOfState`), unless another mention calls it a person.
  if (votes.includes('place') && !votes.includes('person') && !votes.includes('organisation') && !votes.includes('outlet')) return 'place';
  // Malware, tools and bugs named by what they are ("BazarLoader", "AsyncRAT", "TrickBot", "ProxyShell"),
  // even where "TrickBot operators" reads like a company's staff.
  if (tokens.length === 1 && MALWARE_NAME.test(name)) return 'other';
  // "HIPAA Journal", "Financial Times", "Deccan Herald": a paper's name, whatever it is said to do.
  // "St. Louis Post-Dispatch": the paper's word after a hyphen.
  const paper = tokens[tokens.length - 1]?.lower ?? '';
  if (tokens.length >= 2 && tokens.length <= 4 && (PAPER_LAST_WORDS.has(paper) || (paper.includes('-') && PAPER_LAST_WORDS.has(paper.slice(paper.lastIndexOf('-') + 1))))) return 'outlet';
  if (votes.includes('outlet')) return 'outlet';
  if (votes.includes('organisation')) return 'organisation';
  const lastLower = tokens[tokens.length - 1]?.lower ?? '';
  // Not a field's name (`fieldName`).
  if (tokens.length >= 2 && (ORG_SUFFIXES.has(lastLower) || ORG_LAST_WORDS.has(lastLower)) && !fieldName(tokens, lastLower)) return 'organisation';
  if (agencyService(tokens)) return 'organisation';
  // "Department of Justice", "Monetary Authority of Singapore", "Coalition Against Stalkerware".
  // "Fertility Centers of Illinois" (plurals only classify: as `ORG_SUFFIXES` they would join "Ravkoo and Fertility Centers").
  for (let k = 0; k + 2 < tokens.length; k++) if ((ORG_SUFFIXES.has(tokens[k].lower) || tokens[k].lower === 'centers' || tokens[k].lower === 'centres') && (tokens[k + 1].lower === 'of' || tokens[k + 1].lower === 'for' || PREPOSITIONS.has(tokens[k + 1].lower))) return 'organisation';
  // No one's name has an ampersand: "Barnes & Noble", "Johnson & Johnson" are companies' (see `ampersandInName`).
  if (!withAmpersand(tokens)) {
    if (tokens.length <= 4 && (isFirstNameTok(tokens[0]) || commonFirstName(tokens)) && personLike(tokens)) return 'person';
    if (votes.includes('person')) return 'person';
  }
  // "JBS Foods", "Mitsubishi Electric", "Corvane Wireless": a short name ending in a word of a trade is a company's,
  // unless its first word is one this article writes in lower case ("Customer Care", "Open Banking" in a headline).
  if (tokens.length >= 2 && tokens.length <= 4 && ORG_WORDS.has(lastLower) && !NOT_ORG_LAST.has(lastLower)
    && !writtenSmall(tokens[0].lower) && !fieldName(tokens, lastLower)) return 'organisation';
  // "Services Australia", "Fujitsu Australia", "Global Affairs Canada": a name of capitalised words ending in a place is
  // a body's there, not a region of it ("East Asia", "Mainland China", "Greater London").
  if (tokens.length >= 2 && tokens.length <= 3 && PLACES.has(lastLower) && placeBody(tokens)) return 'organisation';
  // One word in camel case or capitals is a company's ("Automox", "HYCU"), unless its cues call it a thing ("SysJoker
  // backdoor", see `thingCue`) or it is written as code ("Get-MpPreference", "BKEventSenderUsagePairDictionary").
  if (tokens.length === 1 && (shape(tokens[0]) === 'camel' || shape(tokens[0]) === 'acronym')) return votes.includes('other') || codeLike(tokens[0]) ? 'other' : 'organisation';
  return 'other';
}

/** Words that open the name of the Games of sport ("Olympic Games", "Paralympic Winter Games", "Commonwealth Games"). */
const GAMES_WORDS = new Set(['olympic', 'paralympic', 'summer', 'winter', 'commonwealth', 'youth']);

/**
 * Whether a name ending in "Games" is of the Games of sport (see `classify`): a word of `GAMES_WORDS`, a place or its
 * people before it ("Tokyo Games", "Beijing Olympic Games", "Commonwealth Games").
 */
function sportsGames(tokens: Token[]): boolean {
  for (let k = 0; k < tokens.length - 1; k++) {
    const w = tokens[k].lower;
    // Not `isDemonym`'s ending: "Epic Games" is a studio.
    if (GAMES_WORDS.has(w) || PLACES.has(w) || DEMONYMS.has(w)) return true;
  }
  return false;
}

/** Last words of a product's features after its name ("Windows Remote Desktop Services", "Azure Security Center"). */
const FEATURE_LAST_WORDS = new Set(['services', 'service', 'security', 'center', 'centre', 'media']);

/**
 * Words before a place that name a part or a time of it, or its people ("Mainland China", "Greater London", "Nazi
 * Germany", "a Black Michigan resident"), or open a sentence before it ("Whether Russia", "Throughout Services
 * Australia", "Blaming China" in a headline linked).
 */
const REGION_WORDS = new Set(['mainland', 'greater', 'upstate', 'downstate', 'rural', 'regional', 'coastal', 'inner', 'outer', 'metro',
  'metropolitan', 'continental', 'southeast', 'southeastern', 'northeast', 'northeastern', 'southwest', 'southwestern', 'northwest',
  'northwestern', 'upper', 'lower', 'old', 'new', 'all', 'whole', 'nazi', 'communist', 'soviet', 'imperial', 'occupied', 'modern',
  'ancient', 'colonial', 'free', 'black', 'white',
  'whether', 'alongside', 'throughout', 'during', 'enter', 'despite', 'unlike', 'like', 'amid', 'while', 'although', 'though',
  'including', 'visit', 'welcome', 'meanwhile', 'besides', 'outside', 'inside', 'via', 'per', 'than', 'once', 'today', 'now']);

/**
 * Whether the capitalised words before a place's name at the end name a body there, not a part of the place (see
 * `classify`): written with one space between them (not "Telecom [Argentina" across a link), no word a place, people
 * or a part ("East Asia", "Hong Kong China"), nor a verb's form ("Mentioning Brazil").
 */
function placeBody(tokens: Token[]): boolean {
  for (let k = 0; k < tokens.length - 1; k++) {
    const t = tokens[k];
    if (t.text === t.lower || tokens[k + 1].start - t.end !== 1 || REGION_WORDS.has(t.lower) || COMPASS.has(t.lower) || isDemonym(t.lower)
      || PLACES.has(t.lower) || FUNCTION_WORDS.has(t.lower) || PREPOSITIONS.has(t.lower) || t.lower.endsWith('ing')) return false;
  }
  return !PLACES.has(tokens.map((t) => t.lower).join(' '));
}

/** Verbs that begin PowerShell's commands ("Get-MpPreference", "New-MailboxExportRequest", "Invoke-ShareFinder"). */
const POWERSHELL_VERBS = new Set([
  'get', 'set', 'new', 'invoke', 'add', 'remove', 'start', 'stop', 'import', 'export', 'enable', 'disable', 'test', 'out', 'write',
  'copy', 'clear', 'update', 'register', 'convertto', 'convertfrom',
]);

/**
 * A word written as code: a PowerShell command ("Get-MpPreference": a verb of `POWERSHELL_VERBS`, a hyphen, a capital)
 * or an identifier of four capitalised humps or more ("BKEventSenderUsagePairDictionary", "IOMobileFrameBuffer",
 * "GetNativeSystemInfo"; companies' names have fewer: "NortonLifeLock", "ThycoticCentrify").
 */
function codeLike(t: Token): boolean {
  const w = t.text;
  if (t.dash) {
    const dash = w.indexOf('-');
    if (dash > 1 && isUpper(code(w, dash + 1)) && POWERSHELL_VERBS.has(t.lower.slice(0, dash))) return true;
  }
  let humps = 0;
  for (let k = 0; k < w.length; k++) {
    if (!isUpper(w.charCodeAt(k))) continue;
    const prev = code(w, k - 1);
    const next = code(w, k + 1);
    if (k === 0 || (prev >= 97 && prev <= 122) || (next >= 97 && next <= 122)) humps++;
  }
  return humps >= 4;
}

/**
 * A first name of the long list (`COMMON_FIRST_NAMES`: "Troy Hunt", "Casey Ellis", "Nate Warfield") before a
 * surname: weaker evidence than `FIRST_NAMES`, so the surname must look like one. Not a word that makes a name an
 * organisation's or a thing ("Rockwell Automation", "Gordon Legal", "Alma Linux"), nor one this article writes in
 * lower case ("Beverly Hills" beside "the hills"), nor a place's first word ("Costa Rica" is in `PLACES`).
 */
function commonFirstName(tokens: Token[]): boolean {
  if (tokens.length < 2 || !isCommonFirstNameTok(tokens[0])) return false;
  for (let k = 1; k < tokens.length; k++) {
    const w = tokens[k].lower;
    if (ORG_WORDS.has(w) || NOT_SURNAMES.has(w) || THING_WORDS.has(w) || ORG_SUFFIXES.has(w) || writtenSmall(w)) return false;
  }
  return true;
}

/** Chains that no company heads: "supply chain Levels …", "the blockchain Solana" is written as one word. */
const CHAINS_OF_NO_ONE = new Set(['supply', 'block', 'kill', 'food', 'value', 'exploit', 'attack', 'infection']);

/** Last words of newspapers' and magazines' names. */
const PAPER_LAST_WORDS = new Set(['journal', 'times', 'gazette', 'herald', 'tribune', 'chronicle', 'magazine', 'ledger', 'courier', 'inquirer', 'dispatch', 'examiner']);

/** Last words of places, never of a person's name after a first name of the short list: "Crystal Valley", "Jeffrey St". ("Park", "Bay" are surnames.) */
const PLACE_LAST_WORDS = new Set(['valley', 'county', 'city', 'street', 'st', 'avenue', 'road', 'hills']);

/** Words of a trade (`ORG_WORDS`) that end the names of products as often as companies': "Google Cloud", "Microsoft Exchange", "Windows Security". */
const NOT_ORG_LAST = new Set(['trust', 'city', 'transit', 'credit', 'energy', 'medical', 'cloud', 'data', 'digital', 'security', 'internet', 'exchange', 'software', 'technology', 'tech', 'network', 'networks', 'post', 'express', 'payments', 'mobile', 'power']);

/** Last words of names that are not people's, met after a first name of the long list in the real corpus. */
const NOT_SURNAMES = new Set([
  'automation', 'palace', 'bros', 'oyj', 'legal', 'linux', 'ring', 'backdoor', 'observatory', 'profile', 'commons', 'lite', 'sunday',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'prosecutor', 'post-dispatch', 'hills', 'permanente',
  'ventures', 'capital', 'partners', 'law', 'clinic', 'institute', 'project', 'protocol', 'server', 'app', 'browser',
  'edge', 'cloud', 'wallet', 'token', 'coin', 'finance', 'swap', 'exchange', 'market', 'marketplace', 'forum', 'bot', 'botnet',
  'memorial', 'st', 'street', 'avenue', 'road', 'ridge', 'park', 'county', 'city', 'valley', 'bay',
]);

const KIND_RANK: Record<EntityKind, number> = { person: 5, outlet: 4, place: 4, organisation: 3, handle: 2, other: 0, vulnerability: 0 };

interface Builder {
  key: string;
  name: string;
  kind: EntityKind;
  kindScore: Map<EntityKind, number>;
  surfaces: Map<string, number>;
}

export interface EntityOptions {
  /** Outlet names known from the corpus's Source fields, lower-case → as written. */
  outlets?: ReadonlyMap<string, string>;
  /** Entities the workspace pins (`.breachdesk/entities.json`): their names, kinds and aliases win. */
  pins?: Pin[];
}

/** JSON pasted into the body (ZDNet's schema.org blocks): code, not prose. */
function isCode(text: string): boolean {
  // A "{" or "[" before the first word character, then two `":`.
  let bracket = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) break;
    if (c === 123 || c === 91) { bracket = true; break; }
  }
  if (!bracket) return false;
  const first = text.indexOf('":');
  return first >= 0 && text.indexOf('":', first + 2) >= 0;
}

/** Whether every whole-word occurrence of `needle` in `hay` (both lower case) follows a number ("2016 lts", "20.04 lts"); true when there is none. */
function onlyAfterNumbers(hay: string, needle: string): boolean {
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = at > 0 ? hay.charCodeAt(at - 1) : 32;
    const after = at + needle.length < hay.length ? hay.charCodeAt(at + needle.length) : 32;
    if (isLetter(before) || isDigit(before) || isLetter(after) || isDigit(after)) continue;
    if (before !== 32 || !isDigit(at > 1 ? hay.charCodeAt(at - 2) : 32)) return false;
    // A date's year is no version: "In January 2021 HSE was hit", "since 2019 HSE has".
    let n = at - 2;
    while (n >= 0 && (isDigit(hay.charCodeAt(n)) || hay.charCodeAt(n) === 46)) n--;
    let w = n;
    while (w >= 0 && hay.charCodeAt(w) === 32) w--;
    let v = w;
    while (v >= 0 && isLetter(hay.charCodeAt(v))) v--;
    const word = hay.slice(v + 1, w + 1);
    if (at - 2 - n === 4 && (MONTHS_AND_DAYS.has(word) || DATE_PREPOSITIONS.has(word))) return false;
  }
  return true;
}

/**
 * Whether `needle` (lower case) stands in `hay` (lower case) as a word, and every time right before a year ("h2 2020",
 * "h1 2021", "h1'21"): a part of that year.
 */
function beforeYears(hay: string, needle: string): boolean {
  let seen = false;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = at > 0 ? hay.charCodeAt(at - 1) : 32;
    let k = at + needle.length;
    // Not inside a word, nor a file's or an address's ("…_h1_2021.jpg").
    if (inWord(before) || (k < hay.length && inWord(hay.charCodeAt(k)))) continue;
    if (k < hay.length && (hay.charCodeAt(k) === 32 || hay.charCodeAt(k) === 39 || hay.charCodeAt(k) === 8217)) k++;
    let digits = 0;
    while (k + digits < hay.length && digits < 5 && isDigit(hay.charCodeAt(k + digits))) digits++;
    if (digits !== 2 && digits !== 4) return false;
    seen = true;
  }
  return seen;
}

/** A character of a word, a file name or an address. */
function inWord(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95 /* _ */ || c === 47 /* / */ || c === 45 /* - */;
}

/** Whether `key` is the words of one of the article's terms (`Draft.terms`, a few at most). */
function termOf(draft: Draft, key: string): boolean {
  if (draft.terms === undefined) return false;
  for (const words of draft.terms.values()) if (entityKey(words) === key) return true;
  return false;
}

/** A year right after a word: "2020" in "H2 2020". */
function isYear(t: Token | undefined): boolean {
  if (t === undefined || t.brokenBefore || t.text.length !== 4 || !isDigits(t.text)) return false;
  const c = t.text.charCodeAt(0);
  return c === 49 /* 1 */ || c === 50 /* 2 */;
}

/** Words before a year that make it a date: "in 2021", "since 2019". */
const DATE_PREPOSITIONS = new Set(['in', 'since', 'until', 'by', 'of', 'from', 'during', 'before', 'after', 'early', 'late', 'mid']);

/** Does `needle` (lower case) occur in `hay` (lower case) as whole words? */
function containsWords(hay: string, needle: string): boolean {
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = at > 0 ? hay.charCodeAt(at - 1) : 32;
    const after = at + needle.length < hay.length ? hay.charCodeAt(at + needle.length) : 32;
    if (!isLetter(before) && !isDigit(before) && !isLetter(after) && !isDigit(after)) return true;
  }
  return false;
}

/**
 * Finds the entities of one article. `sentences` are the title, subtitle,
 * body sentences and body headings, each with where it stands.
 *
 * Each pass is a function of its own: besides reading better, a pass that
 * meets a new kind of input is recompiled alone (one function of all the
 * passes took V8 about 200 ms to optimise, again at every deoptimisation,
 * on every analyst thread).
 */
export function extractEntities(text: string, article: Article, sentences: Sentence[], links: Link[], options: EntityOptions = {}): DocEntity[] {
  const outlets = options.outlets ?? new Map<string, string>();
  const source = article.source?.value?.toLowerCase();
  const isOutlet = (lower: string) => lower === source || (!PUBLISHING_COMPANIES.has(lower) && (outlets.has(lower) || OUTLETS.has(lower)));
  clearSmallWords();
  const read = readSentences(text, sentences, hiddenRanges(links));

  // Pass 1: candidates from body prose.
  const candidates: Candidate[] = [];
  let speakers: Set<string> | undefined;
  const speakersOnce = () => (speakers ??= speakersOf(read.tokenized));
  for (let si = 0; si < sentences.length; si++) if (sentences[si].where === 'body') candidatesIn(read.tokenized[si], read.startsOf[si], candidates, speakersOnce);
  if (candidates.some((c) => c.apposed)) dropCommonWords(candidates, read);
  adjectiveBeforeName(candidates, speakersOnce);
  surnamesThatSpeak(candidates, speakersOnce);

  // Pass 2: entities and their surface forms.
  const draft = new Draft();
  addNames(draft, candidates, isOutlet, speakersOnce);
  const short = shortForms(draft);
  addSingleWords(draft, candidates, short, isOutlet, read.tokenized);
  const handleForms = addHandles(draft, sentences, read, short.surnames);
  const tagSurfaces = addTags(draft, text, article, short.surnames, isOutlet, speakersOnce);
  decideKinds(draft);
  // A capitalised phrase of no known kind that the body writes in lower case at least as often is
  // ordinary language set in title case ("Command and Control", "Process Injection", "Patch").
  // (Not a term's words the article spells an acronym with: "software bill of materials (SBOM)" stays the SBOM's.)
  for (const b of commonPhrases(draft.builders, sentences, read.tokenized)) if (!termOf(draft, b.key)) draft.builders.delete(b.key);
  for (const t of tagSurfaces) if (!draft.builders.has(t.key)) t.key = '';
  shortOfLonger(draft, candidates, short.surnames, isOutlet, tagSurfaces);
  pluralsOfNames(draft, candidates, tagSurfaces);
  let forms = surfaceForms(draft, short.surnames, options.pins ?? []);

  // Pass 3: mentions.
  const mentionsOf = (): Map<string, Mention[]> => {
    const found = mentionsIn(text, sentences, read, forms, handleForms);
    for (const t of tagSurfaces) if (t.key) pushMention(found, t.key, { key: t.key, span: t.span, text: text.slice(t.span.start, t.span.end), sentence: -1, where: 'tag' });
    sharedSurnames(draft, found);
    return found;
  };
  let mentions = mentionsOf();
  // A phrase of several words seen once and of no known kind is dropped as noise (`entitiesOf`), but it claimed its
  // words first: "Amazon, AT&T, Google Cloud, Microsoft" hid Google, "Besides Apple" Apple. Without such phrases,
  // the names inside them are read again.
  const noise = [...draft.builders.values()].filter((b) => isNoise(b, draft, mentions.get(b.key)) && mentions.get(b.key)![0].text.includes(' '));
  if (noise.length) {
    const dropped = noise.map((b) => mentions.get(b.key)![0].span);
    for (const b of noise) draft.builders.delete(b.key);
    for (const t of tagSurfaces) if (!draft.builders.has(t.key)) t.key = '';
    forms = surfaceForms(draft, short.surnames, options.pins ?? []);
    const first = mentions;
    mentions = mentionsOf();
    // Names are read again, and known products ("Android", "Windows"): not words of no known kind ("Defender", "Pro",
    // "Xiang" the subject of a story), which keep what they had, nor a person's surname alone inside a dropped phrase
    // ("Tiger Gold Management" is no Jack Gold).
    const inDropped = (m: Mention) => dropped.some((d) => d.start <= m.span.start && m.span.end <= d.end);
    for (const b of draft.builders.values()) {
      const was = first.get(b.key);
      if (b.kind === 'other' && !PRODUCTS.has(b.key)) {
        if (was) mentions.set(b.key, was);
        else mentions.delete(b.key);
      } else if (b.kind === 'person') {
        const now = mentions.get(b.key);
        if (now) mentions.set(b.key, now.filter((m) => m.text.includes(' ') || !inDropped(m)));
      }
    }
  }
  const found = entitiesOf(draft, mentions, text);
  // (Most articles name no CVE: one look at the text first.)
  if (MAY_NAME_CVE.test(text)) withVulnerabilities(found, vulnerabilitiesIn(text, article, sentences, read));
  return found;
}

/**
 * `found` with the article's CVE identifiers: a mention another entity has already (a pin's alias, "Log4Shell" pinned with
 * the alias "CVE-2021-44228") stays its; an identifier pinned as a name of its own (`CVE-2021-44228` as an organisation)
 * keeps its kind and takes the mentions the pin's forms did not find ("CVE 2021-44228", the tag).
 */
function withVulnerabilities(found: DocEntity[], vulnerabilities: DocEntity[]): void {
  const taken = new Set<number>();
  for (const e of found) for (const m of e.mentions) taken.add(m.span.start);
  for (const v of vulnerabilities) {
    const free = v.mentions.filter((m) => !taken.has(m.span.start));
    if (!free.length) continue;
    const same = found.find((e) => e.key === v.key);
    if (!same) {
      v.mentions = free;
      found.push(v);
    } else {
      same.mentions = same.mentions.concat(free).sort((x, y) => x.span.start - y.span.start);
    }
  }
}

/** Whether a text may name a CVE identifier, in any writing (`vulnerabilitiesIn` reads it). */
const MAY_NAME_CVE = /cve[- ]?(?:199|20\d)\d-\d{4}/i;
/** A CVE identifier read as one word, in any case: the year, and a number of four to seven digits. */
const CVE_WORD = /^cve-(?:199\d|20\d\d)-\d{4,7}$/i;

/** Whether `s` is a CVE identifier as one word ("CVE-2021-44228", "cve-2021-44228"): the one test of the shape. */
export function isCveId(s: string): boolean {
  return CVE_WORD.test(s);
}
/** The year and number after a "CVE" written apart ("CVE 2021-44228"). */
const CVE_NUMBER = /^(?:199\d|20\d\d)-\d{4,7}$/;

/**
 * The vulnerabilities the article names by their CVE identifiers ("CVE-2021-44228", also "cve-2021-44228",
 * "CVE 2021-44228", "CVE-2021-44228’s"), in its text and in its tags ([[CVE-2021-44228]], the newer layout's
 * "CVE's" section): entities of their own kind, named in capitals however written. An identifier inside a web
 * address ("nvd.nist.gov/vuln/detail/CVE-2021-44228") is no mention; one of a list written with slashes
 * ("CVE-2021-44228/CVE-2021-45046") is. No other pass takes a CVE identifier for a name (its digits make it jargon),
 * so no mention here overlaps another entity's.
 */
function vulnerabilitiesIn(text: string, article: Article, sentences: Sentence[], read: ReadSentences): DocEntity[] {
  const byKey = new Map<string, DocEntity>();
  const add = (id: string, span: Span, sentence: number, where: Mention['where']) => {
    const name = id.toUpperCase();
    const key = entityKey(name);
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { key, name, kind: 'vulnerability', aliases: [], mentions: [] }));
    e.mentions.push({ key, span, text: text.slice(span.start, span.end), sentence, where });
  };
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const toks = read.tokenized[si];
    const sentence = s.where === 'heading' ? -1 : si;
    const where = s.where === 'heading' ? 'body' : s.where;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.lower.charCodeAt(0) !== 99 /* c */ || t.lower.charCodeAt(1) !== 118 /* v */) continue;
      if (CVE_WORD.test(t.lower)) {
        if (t.opaque && inAddress(text, t.start)) continue;
        // (`opaque` is set for a word after a dot or in a chunk with a slash: a path's "/opt/poc/CVE-2021-44228/x.py" too.)
        add(t.lower, { start: t.start, end: t.end }, sentence, where);
      } else if (t.lower === 'cve' && i + 1 < toks.length && text.charCodeAt(t.end) === 32 && toks[i + 1].start === t.end + 1 && CVE_NUMBER.test(toks[i + 1].lower)) {
        const n = toks[i + 1];
        add(`cve-${n.lower}`, { start: t.start, end: n.end }, sentence, where);
        i++;
      }
    }
  }
  for (const g of article.tags?.groups ?? []) {
    if (g.kind === 'keyvalue') continue;
    for (const tag of g.tags) {
      const name = tag.name.trim();
      if (!CVE_WORD.test(name.toLowerCase())) continue;
      const start = tag.nameSpan.start + tag.name.indexOf(name);
      add(name, { start, end: start + name.length }, -1, 'tag');
    }
  }
  const out = [...byKey.values()];
  for (const e of out) e.mentions.sort((x, y) => x.span.start - y.span.start);
  return out;
}

/**
 * Whether the identifier at `at`, in a run of characters with no space that makes it part of a web address or a path,
 * is one: after a slash, unless another identifier ends right before the slash (a list, "CVE-2021-44228/CVE-2021-45046");
 * after a dot, a colon, an equals sign or a question mark ("?id=CVE-…"). One look back, whatever the run's length (a walk
 * back to the run's start for each identifier made a run of thousands of them take seconds).
 */
function inAddress(text: string, at: number): boolean {
  const c = at > 0 ? text.charCodeAt(at - 1) : 32;
  if (c === 47 /* / */ || c === 92 /* \ */) return !isCveId(/cve-[\d-]*$/i.exec(text.slice(Math.max(0, at - 15), at - 1))?.[0] ?? '');
  return c === 46 || c === 58 || c === 61 || c === 63 || c === 35 || c === 38;
}

/**
 * A surname two people of the article share ("Cybereason's Tony Bradley" and
 * "Ron Bradley of Shared Assessments"): each bare "Bradley" is the one of them
 * named in full last before it, as a reader takes it. Before either is named in
 * full it stays a name of its own, and never becomes one entity that other
 * articles' Bradleys would join.
 */
function sharedSurnames(draft: Draft, mentions: Map<string, Mention[]>): void {
  const bySurname = new Map<string, Builder[]>();
  for (const b of draft.builders.values()) {
    if (b.kind !== 'person') continue;
    const parts = b.name.split(' ');
    if (parts.length < 2) continue;
    // "Bradley"; "van der Berg" and "Berg" for "Pieter van der Berg".
    const forms = [draft.keyOf(parts[parts.length - 1])];
    for (let k = 1; k < parts.length - 1; k++) if (SURNAME_PARTICLES.has(parts[k].toLowerCase())) { forms.push(entityKey(parts.slice(k).join(' '))); break; }
    for (const f of forms) bySurname.set(f, [...(bySurname.get(f) ?? []), b]);
  }
  for (const [surname, people] of bySurname) {
    const bare = mentions.get(surname);
    if (people.length < 2 || !bare?.length || people.some((p) => p.key === surname)) continue;
    const full = people.map((p) => ({ p, at: (mentions.get(p.key) ?? []).filter((m) => m.where === 'body').map((m) => m.span.start) }));
    const kept: Mention[] = [];
    for (const m of bare) {
      let best: { key: string; at: number } | undefined;
      for (const f of full) {
        for (const at of f.at) if (at < m.span.start && (!best || at > best.at)) best = { key: f.p.key, at };
      }
      // Written out rather than spread: every mention has one shape (a spread's copy had another, and each place that
      // met both was compiled again).
      if (best && m.where === 'body') pushMention(mentions, best.key, { key: best.key, span: m.span, text: m.text, sentence: m.sentence, where: m.where });
      else kept.push(m);
    }
    mentions.set(surname, kept);
  }
}

/**
 * Two words in title case whose second speaks alone elsewhere in the article
 * ("Sens. Jacky Rosen, Rick Scott …" and "Rosen noted …") are a person whose
 * first name the built-in list lacks. Without this the surname alone became
 * an entity of its own, which then merged across articles with every other
 * Rosen (Guy Rosen of Facebook).
 */
/** Words that open sentences before a name and are no first name ("Neither Activision", "Senators Blumenthal"). */
const NOT_FIRST_NAMES = new Set(['neither', 'either', 'multiple', 'several', 'various', 'many', 'each', 'every', 'both', 'senators', 'sens', 'reps', 'officials', 'researchers', 'analysts']);

/**
 * "Ukrainian Yaroslav Vasinskyi and Russian Yevgeniy Polyanin", "said Canadian Slava Dmitriev": a country's adjective
 * before a name whose first name no list has describes the person and is no word of the name. The run was one name of
 * three words: "Canadian Dmitriev" a person, and the two REvil suspects (named once each so) nobody, their surnames alone
 * things of their own. Only where the article names the surname alone or a cue already made the run a person's, so
 * "Swiss Army Knife" and "American Rescue Plan" keep their first word (a first name of the lists is split off before,
 * "Canadian Matthew Philbert", in `candidatesIn`). 3 real names.
 */
function adjectiveBeforeName(candidates: Candidate[], speakers: () => Set<string>): void {
  let alone: Set<string> | undefined;
  for (const c of candidates) {
    const n = c.tokens.length;
    if (n !== 3 || c.jargon) continue;
    const adjective = c.tokens[0].lower;
    if (!NATIONALITIES.has(adjective) && !DEMONYMS.has(adjective)) continue;
    if (c.kindVotes.some((v) => v !== 'person') || !personLike(c.tokens, 1, n)) continue;
    const last = c.tokens[n - 1];
    if (!c.kindVotes.includes('person')) {
      if (!alone) {
        alone = new Set();
        for (const o of candidates) if (o.tokens.length === 1) alone.add(o.tokens[0].text);
      }
      if (!alone.has(last.text) && !speakers().has(last.text)) continue;
      c.kindVotes.push('person');
    }
    c.tokens = c.tokens.slice(1);
  }
}

function surnamesThatSpeak(candidates: Candidate[], speakers: () => Set<string>): void {
  for (const c of candidates) {
    if (c.tokens.length !== 2 || c.kindVotes.length || c.jargon) continue;
    const [first, last] = c.tokens;
    if (shape(first) !== 'title' || shape(last) !== 'title' || ORG_SUFFIXES.has(last.lower) || ORG_SUFFIXES.has(first.lower)) continue;
    if (PLACES.has(first.lower) || PLACES.has(`${first.lower} ${last.lower}`) || KNOWN_ORGS.has(first.lower) || OUTLETS.has(first.lower) || PRODUCTS.has(first.lower)) continue;
    // Not a known name after a word that opens a sentence ("Neither Activision", "Two Facebook", "Certain French").
    if (KNOWN_ORGS.has(last.lower) || OUTLETS.has(last.lower) || PLACES.has(last.lower) || PRODUCTS.has(last.lower) || isDemonym(last.lower)) continue;
    // Nor after a word the article also writes in lower case ("Additional Adobe", "Among Google"; the table can only err towards skipping).
    if (FUNCTION_WORDS.has(first.lower) || writtenSmall(first.lower) || NOT_FIRST_NAMES.has(first.lower) || first.lower.endsWith('ing')) continue;
    if (speakers().has(last.text) && !tradeOrPlaceName(c.tokens, 0, 2)) c.kindVotes.push('person');
  }
}

/**
 * Single capitalised words the article has speak ("Schrader said", "said
 * Schrader."), as written: surnames, whatever the first name before them
 * elsewhere, and one-word names ("Quillfeather says").
 */
function speakersOf(tokenized: Token[][]): Set<string> {
  const out = new Set<string>();
  for (const toks of tokenized) {
    for (let k = 0; k < toks.length; k++) {
      if (!mayBeSpeechVerb(toks[k].lower) || !SPEECH_VERBS.has(toks[k].lower)) continue;
      if (k > 0 && !toks[k].brokenBefore && loneName(toks, k - 1)) out.add(toks[k - 1].text);
      if (k + 1 < toks.length && !toks[k + 1].brokenBefore && loneName(toks, k + 1)) out.add(toks[k + 1].text);
    }
  }
  return out;
}

/** A name word with no name word joined to it on either side. */
function loneName(toks: Token[], k: number): boolean {
  return toks[k].name && !(k > 0 && toks[k - 1].name && !toks[k].brokenBefore) && !(k + 1 < toks.length && toks[k + 1].name && !toks[k + 1].brokenBefore);
}

/**
 * The last letters of `SPEECH_VERBS` by first letter (a–z), as bits: a word whose first and last letters no verb
 * has is passed over without hashing it for the set (`speakersOf` asks of every word of the article).
 */
const SPEECH_VERB_ENDS = new Int32Array(26);
for (const v of SPEECH_VERBS) SPEECH_VERB_ENDS[v.charCodeAt(0) - 97] |= 1 << (v.charCodeAt(v.length - 1) - 97);

/** False when `w` (lower case) is surely not in `SPEECH_VERBS`; a pre-check, true does not say it is. */
function mayBeSpeechVerb(w: string): boolean {
  const f = w.charCodeAt(0) - 97;
  const l = w.charCodeAt(w.length - 1) - 97;
  return f >= 0 && f < 26 && l >= 0 && l < 26 && (SPEECH_VERB_ENDS[f] & (1 << l)) !== 0;
}

/**
 * "… of New Net Technologies (NNT) told Threatpost": the name that starts at
 * `k` is an organisation's (a suffix such as "Technologies", a known name,
 * or its acronym in brackets after it) and someone speaks after it.
 * "Blue Cross of Idaho confirmed": after a place, the whole is the organisation.
 */
function speaksAfter(tokens: Token[], k: number): boolean {
  const from = k;
  let org = false;
  k++;
  while (k < tokens.length && tokens[k].name && !tokens[k].brokenBefore) k++;
  for (let x = from; x < k; x++) if (ORG_SUFFIXES.has(tokens[x].lower)) org = true;
  if (!org) org = KNOWN_ORGS.has(tokens.slice(from, k).map((t) => t.lower).join(' '));
  // A bracketed acronym of the organisation: "(NNT)".
  if (k < tokens.length && tokens[k].brokenBefore && isAllCaps(tokens[k].text)) { k++; org = true; }
  return org && k < tokens.length && SPEECH_VERBS.has(tokens[k].lower);
}

/** Whether the name that starts at `k` is a place ("of Idaho", "of Los Angeles"). */
function placeAt(tokens: Token[], k: number): boolean {
  let name = tokens[k].lower;
  if (PLACES.has(name)) return true;
  for (let x = k + 1; x < tokens.length && x < k + 4 && tokens[x].name && !tokens[x].brokenBefore; x++) {
    name += ` ${tokens[x].lower}`;
    if (PLACES.has(name)) return true;
  }
  return false;
}

/** The sentences' tokens, and what the tokenizer noticed in each. */
interface ReadSentences {
  tokenized: Token[][];
  /** Per sentence, the indexes of the tokens that may start a name or a mention. */
  startsOf: number[][];
  /** Per sentence: has a word starting with "@" or a handle cue. */
  mayHoldHandles: boolean[];
}

/** Offices of the state named "… of the …" ("Office of the Privacy Commissioner", "Department of the Treasury"). */
const OFFICES = new Set(['office', 'department', 'ministry', 'bureau', 'secretary', 'commissioner', 'inspector', 'auditor', 'comptroller',
  // "International Committee of the Red Cross", "Bank of the West", "Council of the European Union".
  'committee', 'commission', 'council', 'society', 'federation', 'league', 'university', 'bank', 'museum', 'institute', 'academy']);

/** Titles written before a surname alone ("President Biden", "Senator Warner", "Mr Smith"; after "Mr." the dot ends the run). */
const TITLES_OF_ADDRESS = new Set([
  'president', 'senator', 'sen', 'representative', 'rep', 'governor', 'gov', 'mayor', 'secretary',
  'minister', 'chancellor', 'premier', 'judge', 'justice', 'attorney-general', 'mr', 'ms', 'mrs', 'dr', 'prof',
]);

/** Names that end in a weekday (`NAMED_DAYS`: no date either). */
const DAY_NAMES = NAMED_DAYS;
/** Their last words, to build a phrase only for them. */
const DAY_ENDS = new Set([...DAY_NAMES].map((n) => n.slice(n.lastIndexOf(' ') + 1)));

/** Months that are also women's first names ("June Werner", "April Doss", "May Wang"). */
const MONTH_FIRST_NAMES = new Set(['April', 'May', 'June']);

/** Words before a month that make it the month ("in June", "since May", "last April", "a June report"). */
const BEFORE_MONTH = new Set([
  'in', 'on', 'since', 'by', 'until', 'till', 'from', 'of', 'last', 'next', 'this', 'early', 'late', 'mid', 'during',
  'before', 'after', 'through', 'throughout', 'between', 'and', 'or', 'to', 'that', 'every', 'each', 'as', 'a', 'an', 'the',
]);

/**
 * Whether the month at `k` ("June") is a first name: a surname follows it
 * and then says who the person is, an apposition with a role ("June Werner,
 * cyber-range engineer at Infosec Institute, agreed") or a verb of saying
 * ("April Doss said"), and no word before it makes it a date ("in June
 * Microsoft said").
 */
function monthIsFirstName(tokens: Token[], k: number): boolean {
  const surname = tokens[k + 1];
  if (!surname.name || MONTHS_AND_DAYS.has(surname.lower) || KNOWN_ORGS.has(surname.lower) || OUTLETS.has(surname.lower) || PLACES.has(surname.lower)) return false;
  if (k > 0 && !tokens[k].brokenBefore && BEFORE_MONTH.has(tokens[k - 1].lower)) return false;
  const after = tokens[k + 2];
  if (!after) return false;
  // "April Doss said", not "a June Cyber Claims Insurance report".
  if (surname.after === '' && !after.brokenBefore) return after.text === after.lower && SPEECH_VERBS.has(after.lower);
  if (surname.after !== ',') return false;
  for (let m = k + 2; m < tokens.length && m <= k + 5; m++) {
    if (isRoleToken(tokens[m])) return true;
    if (tokens[m].after !== '' && tokens[m].after !== '-') return false;
  }
  return false;
}

function readSentences(text: string, sentences: Sentence[], hidden: Span[]): ReadSentences {
  const tokenized: Token[][] = new Array(sentences.length);
  const startsOf: number[][] = new Array(sentences.length);
  const mayHoldHandles: boolean[] = new Array(sentences.length);
  const stats: TokenStats = { handles: false, starts: [] };
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    stats.handles = false;
    stats.starts = [];
    const tokens = (tokenized[si] = isCode(s.text) ? [] : tokenize(text, s.span.start, s.span.end, hidden, stats));
    for (const k of stats.starts) {
      // "Jan Kopriva": a first name before a surname, not January ("Jan. 5", "Jan 2021" are).
      const t = tokens[k];
      const next = tokens[k + 1];
      if (t.after !== '' || !next || next.brokenBefore) continue;
      if (t.text === 'Jan') {
        // "Jan van der Berg": a surname's particles first.
        let m = k + 1;
        while (m < tokens.length && m <= k + 2 && tokens[m].text === tokens[m].lower && SURNAME_PARTICLES.has(tokens[m].lower)) m++;
        if (tokens[m]?.name && !tokens[m].brokenBefore) t.flags |= F_NAME;
      } else if (t.text.length <= 5 && MONTH_FIRST_NAMES.has(t.text) && monthIsFirstName(tokens, k)) t.flags |= F_NAME;
    }
    // "Patch Tuesday", "Black Friday": a weekday that ends a name is part of it (else "Patch" and "Black" were names).
    for (const k of stats.starts) {
      const t = tokens[k];
      // (All weekdays end in "y": most words are passed over without a set probe.)
      if (k > 0 && !t.brokenBefore && t.lower.charCodeAt(t.lower.length - 1) === 121 && DAY_ENDS.has(t.lower) && tokens[k - 1].cap && DAY_NAMES.has(`${tokens[k - 1].lower} ${t.lower}`)) t.flags |= F_NAME;
      // "from H2 2020 to H1 2021": a half of a year, no name (HP's report made "H1" and "H2" organisations, and "H2" the
      // H2 database's card); "the H2 database" stays a name.
      else if (t.text.length === 2 && (t.text === 'H1' || t.text === 'H2') && isYear(tokens[k + 1])) t.flags &= ~F_NAME;
    }
    startsOf[si] = stats.starts;
    mayHoldHandles[si] = stats.handles;
  }
  return { tokenized, startsOf, mayHoldHandles };
}

/**
 * "Antivirus, the oldest security software in existence, has …": a word the
 * article writes in lower case at least as often as capitalised is a word of
 * the language, not a name, whatever its apposition says ("Wormhole" stays a
 * name in an article that once quotes "the wormhole network").
 */
function dropCommonWords(candidates: Candidate[], read: ReadSentences): void {
  const counts = new Map<string, { lower: number; cap: number }>();
  for (const c of candidates) if (c.apposed) counts.set(c.tokens[0].lower, { lower: 0, cap: 0 });
  for (const toks of read.tokenized) {
    for (const t of toks) {
      const n = t.opaque ? undefined : counts.get(t.lower);
      if (n && t.text === t.lower) n.lower++;
      else if (n) n.cap++;
    }
  }
  let k = 0;
  for (const c of candidates) {
    const n = c.apposed ? counts.get(c.tokens[0].lower)! : undefined;
    if (!n || n.lower < n.cap) candidates[k++] = c;
  }
  candidates.length = k;
}

/** The entities of an article as they are being worked out. */
class Draft {
  readonly builders = new Map<string, Builder>();
  /** Single words a cue calls a thing ("SysJoker backdoor"): entities also when named once, as known products are. */
  things: Set<string> | undefined;
  /** Single words a gang's cue follows ("Conti ransomware", "the Hive gang"): entities also when named once. */
  actors: Set<string> | undefined;
  /** Surface key → the first builder (in order) that has it; kept from the tags pass on, see `surfaceIndex`. */
  bySurface: Map<string, string> | undefined;
  /** People named family name first ("Yuen Kuan Moon"), whose first word alone stands for them (see `addNames`). */
  familyFirst: Set<string> | undefined;
  /**
   * Acronyms the body spells out in lower-case words just before them in brackets, the article's terms and no names:
   * "a dynamic account takeover (ATO) technique", "a vulnerability disclosure policy (VDP)" (see `spelledBefore`).
   * Each is named and keyed by those words ("account takeover"), as an acronym a name spells is the name's, so that two
   * articles' terms of one acronym are two entities: Sage's "enterprise resource planning (ERP)" platform and
   * Singapore's "electronic road pricing (ERP)" system were one "ERP" card.
   */
  terms: Map<string, string> | undefined;
  /**
   * The keys (`entityKey`) of surfaces and other spellings of names, as the passes met them: `surfaceIndex`,
   * `surfaceForms` (once or twice) and `entitiesOf` each read every surface's key, from this small table rather than
   * the memo's large one, whose look-ups missed the cache.
   */
  private readonly surfaceKeys = new Map<string, string>();

  /** `entityKey(surface)`, through this article's table. */
  keyOf(surface: string): string {
    let k = this.surfaceKeys.get(surface);
    if (k === undefined) this.surfaceKeys.set(surface, (k = entityKey(surface)));
    return k;
  }

  /** Notes `key`, a pass's own `entityKey(surface)`, for `keyOf`. */
  noteKey(surface: string, key: string): void {
    this.surfaceKeys.set(surface, key);
  }

  add(key: string, name: string, kind: EntityKind, surface: string): void {
    let b = this.builders.get(key);
    if (!b) {
      b = { key, name, kind, kindScore: new Map(), surfaces: new Map() };
      this.builders.set(key, b);
    }
    b.kindScore.set(kind, (b.kindScore.get(kind) ?? 0) + 1);
    b.surfaces.set(surface, (b.surfaces.get(surface) ?? 0) + 1);
    if (name.length > b.name.length && kind !== 'other') b.name = name;
    if (this.bySurface) {
      const k = this.keyOf(surface);
      if (!this.bySurface.has(k)) this.bySurface.set(k, key);
    }
  }

  /** Adds `surface` as a form of the existing entity `key`, of `kind` or its own. */
  join(key: string, surface: string, kind?: EntityKind): void {
    const b = this.builders.get(key)!;
    this.add(key, b.name, kind ?? b.kind, surface);
  }
}

/**
 * Words that begin a surname rather than being a middle name: "Max Van
 * Amerongen" is not Max Amerongen, nor "Jonathan Bar Or" Jonathan Or.
 */
const SURNAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'da', 'di', 'du', 'le', 'la', 'bar', 'ben', 'bin', 'al', 'el', 'ter', 'ten', 'dos', 'das']);

/** Names of two words or more. */
function addNames(draft: Draft, candidates: Candidate[], isOutlet: (lower: string) => boolean, speakers: () => Set<string>): void {
  const personKeys = new Set<string>(); // "first last"
  const named: { c: Candidate; name: string; kind: EntityKind; key: string; display: string }[] = [];
  /** Surnames that begin with a particle ("van amerongen") → the person they belong to here. */
  const particled = new Map<string, { key: string; display: string } | null>();
  for (const c of candidates) {
    if (c.tokens.length < 2) continue;
    const name = joinTexts(c.tokens, 0, c.tokens.length);
    // (Lower-cased once for the tables and `classify`.)
    const lower = lc(name);
    const kind = classify(name, c.tokens, c.kindVotes, isOutlet, lower);
    const acr = ACRONYMS.get(lower) ?? NAME_FORMS.get(lower) ?? writtenWithAnd(name);
    // The name's key as a surface, noted for the passes that read every surface's key (`Draft.keyOf`).
    const nameKey = keyOfJoined(name, lower);
    draft.noteKey(name, nameKey);
    // (A person's key is made from the short form below.)
    let key = kind === 'person' ? '' : acr !== undefined ? entityKey(acr) : nameKey;
    let display = acr ?? name;
    if (kind === 'person') {
      // Middle names do not make another person: "John Erin Binns" is John Binns.
      // "Robert Wayne Boling Jr" is Robert Boling Jr, not the same person as Robert Downey Jr.
      const n = c.tokens.length;
      const generation = n >= 3 && GENERATIONS.has(c.tokens[n - 1].lower) ? ` ${c.tokens[n - 1].text}` : '';
      const last = generation ? n - 2 : n - 1;
      let surname = last;
      // "Jeffrey St. Clair": "St." begins the surname too (`saintsDot`).
      while (surname > 1 && (SURNAME_PARTICLES.has(c.tokens[surname - 1].lower) || c.tokens[surname - 1].text === 'St')) surname--;
      // "Secretary of Commerce Gina Raimondo": the person starts at her first name, not at "Commerce".
      // Only past words that name no one ("Commerce", "Cybersecurity", "Information"), not a name's own first word
      // ("Lim Jock Hoi" is no Jock Hoi).
      let first = 0;
      if (!isFirstNameTok(c.tokens[0]) && !isCommonFirstNameTok(c.tokens[0])) {
        for (let k = 1; k < surname; k++) {
          const w = c.tokens[k - 1].lower;
          // A first name of the short list is strong enough alone ("Commerce Gina Raimondo"); one of the long list
          // only after words that name no one.
          if (isFirstNameTok(c.tokens[k])) { first = k; break; }
          // Nor a place's ("Minister for Western Sydney Stuart Ayres" is no "Western Ayres").
          if (!(ORG_WORDS.has(w) || ORG_SUFFIXES.has(w) || THING_WORDS.has(w) || ROLE_WORDS.has(w) || PORTFOLIOS.has(w) || JARGON.has(w) || isDemonym(w) || COMPASS.has(w) || PLACES.has(w) || writtenSmall(w))) break;
          if (isCommonFirstNameTok(c.tokens[k])) { first = k; break; }
        }
      }
      // "Yuen Kuan Moon", "Ong Ye Kung": three words none of which is a first name of the lists are a name written family
      // name first, kept whole (it was "Yuen Moon"); `shortForms` lets the first word alone stand for it. ("Lim Jock Hoi"
      // is still "Lim Hoi": "Jock" is a listed first name.)
      const familyFirst = first === 0 && n === 3 && !generation && surname === last && familyNameFirst(c.tokens, candidates, speakers);
      let short = familyFirst ? name : `${c.tokens[first].text} ${joinTexts(c.tokens, surname, last + 1)}${generation}`;
      // The name itself when it is no longer ("Jane Doe"): one string, hashed once for the key, the surfaces and the index.
      if (short === name) short = name;
      key = short === name ? nameKey : entityKey(short);
      display = short;
      if (familyFirst) (draft.familyFirst ??= new Set()).add(key);
      if (surname < last) {
        // Two people with the same surname here ("Pieter" and "Mark van der Berg"): "Van der Berg" is neither.
        const sk = entityKey(joinTexts(c.tokens, surname, last + 1));
        const had = particled.get(sk);
        particled.set(sk, had === undefined || had?.key === key ? { key, display } : null);
      }
    }
    named.push({ c, name, kind, key, display });
  }
  for (const x of named) {
    let { kind, key, display } = x;
    // "Van Amerongen" after "Max Van Amerongen": his surname, not a person called Van ("Van Morrison" elsewhere is).
    // A particle that is also a first name ("Ben Smith" beside "John Ben Smith") starts a person of its own,
    // and a name the cues made an organisation or a place stays one.
    const particle = x.c.tokens[0].lower;
    const full = SURNAME_PARTICLES.has(particle) && !isFirstName(particle) && (kind === 'person' || kind === 'other') ? particled.get(entityKey(x.name)) : undefined;
    if (full) {
      ({ key, display } = full);
      kind = 'person';
    }
    if (kind === 'person') personKeys.add(key);
    const outlet = OUTLETS.get(key);
    // One key per outlet, however it is spelled: "Bleeping Computer" is BleepingComputer; a publisher that is a
    // company is an outlet only in its own articles.
    if (outlet) { display = outlet; key = entityKey(outlet); kind = isOutlet(key) ? 'outlet' : 'organisation'; }
    x.c.key = key;
    draft.add(key, display, kind, x.name);
  }
  // A person's first-and-last form may have been classified from a longer run only: unify kinds.
  for (const b of draft.builders.values()) {
    if (personKeys.has(b.key)) b.kindScore.set('person', (b.kindScore.get('person') ?? 0) + 10);
  }
}

/**
 * `entityKey(name)` given `lower`, its lower case (`lc`): `lower` itself when it holds nothing the key normalises (no
 * apostrophe or backquote, no white space but single spaces between words), as a name joined from tokens mostly does.
 * The letters are read once, where the memo had to hash a string just joined and probe its large table.
 */
function keyOfJoined(name: string, lower: string): string {
  const n = lower.length;
  for (let k = 0; k < n; k++) {
    const c = lower.charCodeAt(k);
    if (c === 39 || c === 96 || c === 0x2018 || c === 0x2019) return entityKey(name);
    if (c === 32 ? k === 0 || k === n - 1 || lower.charCodeAt(k - 1) === 32 : (c < 33 || c > 127) && WHITE_SPACE.test(lower[k])) return entityKey(name);
  }
  return lower;
}

const WHITE_SPACE = /\s/;

/** Three words of a person's name, none a first name of the lists nor a particle: "Yuen Kuan Moon", "Ong Ye Kung". */
function familyNameFirst(tokens: Token[], candidates: Candidate[], speakers: () => Set<string>): boolean {
  if (tokens.length !== 3 || !familyFirstName(tokens.map((t) => t.text))) return false;
  // The article names the first word alone ("Lim said"), never the last: the family name comes first.
  const alone = (w: string) => speakers().has(w) || candidates.some((c) => c.tokens.length === 1 && c.tokens[0].text === w);
  return alone(tokens[0].text) && !alone(tokens[2].text);
}

/** `familyNameFirst` of a name's words as written. */
function familyFirstName(parts: string[]): boolean {
  return parts.every((w) => {
    const l = lc(w);
    // Nor a word that names no one: "Presidents Valdis Dombrovskis", "Canadian Slava Dmitriev", "Master Boot Record".
    return shapeOf(w) === 'title' && !isFirstName(l) && !isCommonFirstName(l) && !SURNAME_PARTICLES.has(l) && !ROLE_WORDS.has(l) && !isRole(l) && !isDemonym(l)
      && !ORG_WORDS.has(l) && !ORG_SUFFIXES.has(l) && !THING_WORDS.has(l) && !JARGON.has(l) && !PLACES.has(l) && !writtenSmall(l);
  });
}

/** What a single word may stand for in this article. */
interface ShortForms {
  /** A person's surname → the person's key; null when two people share it. */
  surnames: Map<string, string | null>;
  /** The first word of a person's name ("Meng" of "Meng Wanzhou") → the person's key; null when two people share it. */
  forenames: Map<string, string | null>;
  /** The initials of a name of two words or more → its key. */
  initials: Map<string, string>;
  /** "the Journal" after "Wall Street Journal": an outlet's last word → the outlet; null when shared. */
  lastWords: Map<string, string | null>;
}

/** Two keys of one person's name, with and without a generation ("joseph asan", "joseph asan jr"). */
function sameBearer(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.length > short.length + 1 && long.charCodeAt(short.length) === 32 && long.startsWith(short) && GENERATIONS.has(long.slice(short.length + 1));
}

/** Surnames, acronyms of multi-word names, and outlets' last words. */
function shortForms(draft: Draft): ShortForms {
  const surnames = new Map<string, string | null>();
  const forenames = new Map<string, string | null>();
  const initials = new Map<string, string>();
  const lastWords = new Map<string, string | null>();
  for (const b of draft.builders.values()) {
    // (Most names are one word: no split for them.)
    const parts = b.name.indexOf(' ') < 0 ? [b.name] : b.name.split(' ');
    const last = lc(parts[parts.length - 1]);
    const person = b.kindScore.get('person');
    if (person !== undefined && person >= maxScore(b)) {
      // "Asan" after "Joseph Iorhemba Asan Jr": the surname is before the generation, and "Joseph Asan" beside "Joseph
      // Asan Jr" is one man, not two who share it ("Asan" alone was a thing of its own, 9 mentions of one real article).
      const generation = parts.length >= 3 && GENERATIONS.has(last);
      const surname = generation ? lc(parts[parts.length - 2]) : last;
      const had = surnames.get(surname);
      surnames.set(surname, had === undefined || had === b.key ? b.key : had !== null && sameBearer(had, b.key) ? (had.length < b.key.length ? had : b.key) : null);
      // "Yuen said" after "Yuen Kuan Moon": the family name comes first.
      if (draft.familyFirst?.has(b.key)) {
        const family = lc(parts[0]);
        surnames.set(family, surnames.has(family) && surnames.get(family) !== b.key ? null : b.key);
      } else if (parts.length >= 2 && !PLACES.has(last) && !ORG_WORDS.has(last) && !ORG_SUFFIXES.has(last)) {
        // (Not of a "person" a place or a trade ends, taken for one: "Vodafone Portugal", "Schreiber Foods".)
        const first = lc(parts[0]);
        forenames.set(first, forenames.has(first) && forenames.get(first) !== b.key ? null : b.key);
      }
    }
    if (parts.length >= 2) {
      // Plain loops: the same in map/filter/join made V8 deoptimise here again and again.
      const hyphen = b.name.includes('-');
      let letters = '';
      let pieces = '';
      let words = 0;
      let hyphenated = 0;
      for (const w of parts) {
        const l = lc(w);
        if (CONNECTORS.has(l) || l === 'the') continue;
        words++;
        letters += w.length ? w[0] : '';
        // "Third-Party Risk Management" is TPRM.
        if (hyphen) for (const piece of w.split('-')) if (piece) { pieces += piece[0]; hyphenated++; }
      }
      if (words >= 2) {
        initials.set(lc(letters), b.key);
        if (hyphenated > words) initials.set(lc(pieces), b.key);
        // "MSI (Micro-Star International Co., Ltd.)": a legal form is no letter of the acronym.
        if (words >= 3 && LEGAL_FORMS.has(lc(parts[parts.length - 1]).replace(/\.$/, ''))) {
          if (!initials.has(lc(letters.slice(0, -1)))) initials.set(lc(letters.slice(0, -1)), b.key);
          if (hyphenated > words && !initials.has(lc(pieces.slice(0, -1)))) initials.set(lc(pieces.slice(0, -1)), b.key);
        }
      }
    }
    if (parts.length >= 2 && b.kindScore.has('outlet')) lastWords.set(last, lastWords.has(last) ? null : b.key);
  }
  return { surnames, forenames, initials, lastWords };
}

/**
 * Whether "Manager" at `j`, after the name words from `i`, ends the name of software ("Task Manager", "Google Password
 * Manager", "Node Package Manager (NPM)") rather than a title: its acronym follows in brackets; or no person, verb of
 * saying or place of work follows ("Product Manager Jane Doe", "a Manager said", "Manager at Acme", "Country Manager
 * for Spain"), and it does not follow a company's, outlet's or place's name alone ("a Walmart Manager").
 */
function softwareManager(tokens: Token[], i: number, j: number): boolean {
  const next = tokens[j + 1];
  if (next && next.brokenBefore && tokens[j].after === '(' && isAllCaps(next.text)) return true;
  if (next && !next.brokenBefore) {
    if (next.name || SPEECH_VERBS.has(next.lower) || next.lower === 'at' || next.lower === 'of') return false;
    const after = tokens[j + 2];
    if (next.lower === 'for' && after && !after.brokenBefore && placeAt(tokens, j + 2)) return false;
  }
  if (j !== i + 1) return true;
  const alone = tokens[i].lower;
  return !(KNOWN_ORGS.has(alone) || OUTLETS.has(alone) || PLACES.has(alone));
}

/** The words of a company's legal form, which its acronym leaves out ("Micro-Star International Co" is MSI). */
const LEGAL_FORMS = new Set(['co', 'corp', 'inc', 'ltd', 'llc', 'plc', 'gmbh', 'ag', 'sa', 'bv', 'nv', 'pty', 'srl', 'spa']);

/** Whether a name shares at least half of its words with `tokens` ("Cybersecurity Infrastructure and Security Agency"). */
function sharesWords(name: string, tokens: Token[]): boolean {
  const words = lc(name).split(' ').filter((w) => !CONNECTORS.has(w) && w !== 'the');
  let shared = 0;
  for (const w of words) if (tokens.some((t) => t.lower === w)) shared++;
  return shared * 2 >= words.length;
}

/** Single capitalised words: surnames, acronyms, outlets' last words, or names of their own. */
function addSingleWords(draft: Draft, candidates: Candidate[], short: ShortForms, isOutlet: (lower: string) => boolean, tokenized: Token[][]): void {
  let speaking: Set<string> | undefined;
  let located: Set<string> | undefined;
  const later: Token[] = [];
  // An acronym the article spells out in brackets after a name of its initials is that name's all through the
  // article, whatever the tables say: Cisco's "Network Services Orchestrator (NSO)" is not NSO Group.
  let defined: Map<string, string> | undefined;
  for (const c of candidates) {
    if (c.tokens.length !== 1 || !c.paren?.key) continue;
    const lower = c.tokens[0].key;
    if (shape(c.tokens[0]) !== 'acronym' || short.initials.get(lower.replace(/\./g, '')) !== c.paren.key) continue;
    // The table's own name misspelt ("National Security Administration (NSA)") is still the table's.
    const known = ACRONYMS.get(lower);
    if (known !== undefined && sharesWords(known, c.paren.tokens)) continue;
    (defined ??= new Map()).set(lower, c.paren.key);
  }
  // The article's terms, before any of their mentions is read: "Windows EoP Bug" in a headline is the "elevation of
  // privilege (EoP)" of the body, and "EU" after "execution unit (EU)" no European Union.
  for (const c of candidates) {
    if (c.term === undefined) continue;
    const lower = c.tokens[0].key;
    const letters = lower.indexOf('.') >= 0 ? lower.replace(/\./g, '') : lower;
    if (c.paren?.key && lc(c.paren.tokens[0].text[0]) === letters[0]) continue;
    if (letters.length >= 3 && short.initials.has(letters)) continue;
    if (!draft.terms?.has(lower)) (draft.terms ??= new Map()).set(lower, c.term);
  }
  // "deploy Ryuk and Conti ransomware", "the Hive gang": a word a gang's cue follows is a name, said once or not.
  for (const c of candidates) if (c.tokens.length === 1 && c.gang) (draft.actors ??= new Set()).add(c.tokens[0].key);
  // "the Maze, Avaddon and Babuk ransomware", "operators, including Maze, Conti, and LockBit", "REvil, Conti and Clop":
  // the names listed with a gang's, after a gang's cue or beside a known gang are gangs' too (once, Maze and Conti
  // were lost as words said once). Not every list: "Microsoft, Google and Apple" has no gang in it.
  for (const c of candidates) {
    const list = c.list;
    if (!list || list.members[0] !== c) continue;
    // (A cue elsewhere counts, though a victim gets one too: "the Kaseya ransomware attack", then "Attacks on Codecov,
    // Kaseya, and Mimecast" keeps Codecov and Mimecast, names all the same; "Cerber" beside a cued "Ryuk" is kept so.)
    if (!list.cued && !list.members.some((m) => m.gang || (m.tokens.length === 1 && (GANGS.has(m.tokens[0].key) || draft.actors?.has(m.tokens[0].key))))) continue;
    for (const m of list.members) {
      const key = m.tokens.length === 1 ? m.tokens[0].key : m.key;
      if (key !== undefined && !m.jargon) (draft.actors ??= new Set()).add(key);
      m.actor = true;
    }
  }
  // Words one of whose mentions is called a thing ("SysJoker backdoor") and none a gang's ("REvil ransomware"): their
  // mentions without a cue are the thing too.
  let things: Set<string> | undefined;
  for (const c of candidates) if (c.tokens.length === 1 && c.kindVotes.includes('other')) (things ??= new Set()).add(c.tokens[0].key);
  if (things) for (const c of candidates) if (c.actor) things.delete(c.tokens[0].key);
  draft.things = things;
  for (const c of candidates) {
    if (c.tokens.length !== 1) continue;
    const t = c.tokens[0];
    if (t.text.charCodeAt(0) === 64) continue; // handles are placed by `addHandles`
    const lower = t.key;
    const local = defined?.get(lower);
    if (local !== undefined) { draft.join(local, t.text); continue; }
    // An acronym joins the name it follows in brackets, or a name of at least three words it spells.
    const letters = lower.indexOf('.') >= 0 ? lower.replace(/\./g, '') : lower;
    const paren = c.paren?.key && lc(c.paren.tokens[0].text[0]) === letters[0] ? c.paren.key : undefined;
    const spelled = letters.length >= 3 ? short.initials.get(letters) : undefined;
    if (c.jargon) {
      const exp = paren ?? spelled;
      if (exp) draft.join(exp, t.text);
      continue;
    }
    // The article's term wherever else it stands: a tag, or its other mentions through the tag, make it one (`addTags`).
    if (draft.terms?.has(lower)) continue;
    const sur = short.surnames.get(lower);
    if (sur) { draft.join(sur, t.text, 'person'); continue; }
    // "Meng was allowed to return to China" beside "Huawei CFO Meng Wanzhou", "which is where he met Gerald" beside
    // "Gerald Combs": the first word of one person's name alone is that person (a family name written first, or a first
    // name in an interview or a podcast), not a thing of its own; unless it names something known ("Jordan"), the
    // article writes it in lower case ("Rich") or two people share it.
    // Nor a word the article places something in or lists with other things: "Police in Austin said" beside "Austin
    // Berglas", "apps written in Ruby and Python" beside "Ruby Jones".
    const fore = short.forenames.get(lower);
    if (fore && shape(t) === 'title' && !MONTHS_AND_DAYS.has(lower) && !PLACES.has(lower) && !KNOWN_ORGS.has(lower) && !PRODUCTS.has(lower) && !isOutlet(lower)
      && !ACRONYMS.has(lower) && !writtenSmall(lower) && !c.list?.members.some((m) => m !== c && m.tokens.length === 1 && PRODUCTS.has(m.tokens[0].lower)) && !(located ??= locatedWords(tokenized)).has(lower)) { draft.join(fore, t.text, 'person'); continue; }
    const outlet = short.lastWords.get(lower);
    if (outlet) { draft.join(outlet, t.text, 'outlet'); continue; }
    const acr = ACRONYMS.get(lower) ?? (lower.endsWith('.') ? ACRONYMS.get(lower.slice(0, -1)) : undefined);
    if (acr) { draft.add(entityKey(acr), acr, classify(acr, [t], c.kindVotes, isOutlet) === 'outlet' || OUTLETS.has(lc(acr)) ? 'outlet' : PLACES.has(lc(acr)) ? 'place' : 'organisation', t.text); continue; }
    if (shape(t) === 'acronym') {
      const exp = paren ?? spelled;
      if (exp) draft.join(exp, t.text);
      // "security firm ESET": an acronym its cue names; "KPMG": one the list of well-known firms holds.
      else if (c.kindVotes.includes('organisation') || c.kindVotes.includes('outlet') || KNOWN_ORGS.has(lower)) draft.add(lower, t.text, classify(t.text, [t], c.kindVotes, isOutlet, textLower(t)), t.text);
      // "IBM said": an acronym that speaks is an organisation's (the table cannot list them all); placed after the others.
      else if ((speaking ??= acronymSpeakers(tokenized)).has(t.text)) later.push(t);
      continue;
    }
    draft.add(lower, t.text, classify(t.text, [t], things?.has(lower) && !c.kindVotes.length ? THING_VOTES : c.kindVotes, isOutlet, textLower(t)), t.text);
  }
  // A speaking acronym the article also gives as a name's ("the Federal Security Service (FSB)") is that name's.
  for (const t of later) {
    // "annual recurring revenue (ARR) … net new ARR added": the article's term, whatever verb follows it.
    if (draft.terms?.has(t.key)) continue;
    let owner: string | undefined;
    for (const b of draft.builders.values()) if (b.surfaces.has(t.text)) { owner = b.key; break; }
    if (owner !== undefined) draft.join(owner, t.text);
    else draft.add(t.key, t.text, classify(t.text, [t], ['organisation'], isOutlet, textLower(t)), t.text);
  }
}

/** The votes of a word's mention without a cue when another mention is called a thing. */
const THING_VOTES: EntityKind[] = ['other'];

/** Words before an acronym that make it a common noun or a part of a longer name ("the NGO", "WA and SA", "Science and ICT"). */
const NOT_BEFORE_SPEAKER = new Set(['the', 'a', 'an', 'and', 'or', 'of', '&']);

/** Verbs of an organisation's statement, for `acronymSpeakers`. */
const STATES = new Set(['said', 'says', 'told', 'confirmed', 'confirms', 'announced', 'warned', 'disclosed', 'revealed', 'stated', 'tweeted', 'explained', 'noted', 'wrote', 'reported', 'acknowledged', 'admitted', 'denied', 'claimed', 'claims',
  // "MUSO found that more than 61% …", "CISA added", "NSWEC finds": what a firm's or an agency's report says.
  'found', 'finds', 'added', 'urged', 'recommends', 'recommended', 'estimates', 'estimated']);

/**
 * What only a company or a body does, as the sentence's first words say: "JBS
 * ended up paying an $11 million ransom". Not "is", "has" or "was", which
 * jargon does too ("RDP was exposed").
 */
const ACTS = new Set(['paid', 'ended', 'suffered', 'agreed', 'settled', 'notified', 'hired', 'sued', 'fired', 'acquired']);

/**
 * Acronyms written right before a verb of saying, not after "the" or "and"
 * ("IBM said", "ACSC warned"; not "the NGO claimed", "WA and SA reported",
 * "said APT actors"), or opening a sentence before what a company does (see
 * `ACTS`): the acronyms the table does not know that speak or act.
 */
/** Laws and standards, which a clause cites as it cites a source: "According to GDPR, firms must report a breach". */
const LAWS = new Set(['gdpr', 'hipaa', 'ccpa', 'cpra', 'pipeda', 'lgpd', 'glba', 'coppa', 'ferpa', 'fisma', 'sox', 'pci', 'dss', 'cmmc', 'nis',
  'nis2', 'dora', 'hitech', 'fcra', 'bipa', 'cfaa', 'ecpa', 'dmca', 'iso', 'soc2']);

function acronymSpeakers(tokenized: Token[][]): Set<string> {
  const out = new Set<string>();
  for (const toks of tokenized) {
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!t.upper || shape(t) !== 'acronym' || LAWS.has(t.lower)) continue;
      // "according to MUSO.", "according to CPR, …": the source a clause ends on.
      if (k >= 2 && !t.brokenBefore && !toks[k - 1].brokenBefore && toks[k - 1].lower === 'to' && toks[k - 2].lower === 'according'
        && (k + 1 === toks.length || toks[k + 1].brokenBefore)) { out.add(t.text); continue; }
      const verb = toks[k + 1];
      if (verb === undefined || verb.brokenBefore) continue;
      if (!STATES.has(verb.text) && !(k === 0 && ACTS.has(verb.text))) continue;
      const before = k > 0 && !t.brokenBefore ? toks[k - 1].lower : '';
      if (!NOT_BEFORE_SPEAKER.has(before)) out.add(t.text);
    }
  }
  return out;
}

/**
 * Handles: "uses the online handles IRDev and v0rtex", "(@UnderTheBreach)".
 * They are aliases of the person the sentence is about. Gives the handles' forms.
 */
function addHandles(draft: Draft, sentences: Sentence[], read: ReadSentences, surnames: Map<string, string | null>): Set<string> {
  const handleForms = new Set<string>();
  const builders = draft.builders;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    // Only a sentence with a word that starts with "@" or cues a handle can hold one.
    if (s.where !== 'body' || !read.mayHoldHandles[si]) continue;
    const toks = read.tokenized[si];
    let person: string | undefined;
    let personAt = -1;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      const sur = surnames.get(t.lower) ?? (builders.get(t.key)?.kind === 'person' ? t.key : undefined);
      if (sur) {
        if (!person) person = sur;
        if (sur === person) personAt = i;
      }
      if (i + 1 < toks.length && toks[i].lower === toks[i + 1].lower) continue;
      const handles: Token[] = [];
      let cued = false;
      // A cue is a noun: "equipped to handle DGA domain attempts" names no handle.
      if (HANDLE_CUES.has(t.lower) && !(i > 0 && VERB_BEFORE.has(toks[i - 1].lower))) {
        cued = true;
        for (let j = i + 1; j < toks.length && j <= i + 8; j++) {
          const h = toks[j];
          if (h.lower === 'and' || h.lower === 'or') continue;
          // "username, PIN, and One-Time Password": the trade's words, not handles.
          if (FUNCTION_WORDS.has(h.lower) || isJargon(h) || (h.brokenBefore && j > i + 1 && !/[,“"]/.test(toks[j - 1].after))) break;
          if (/[A-Z].*[A-Z]|[0-9]|^[a-z]+[A-Z]/.test(h.text) || h.text.startsWith('@')) handles.push(h);
          else break;
        }
      } else if (t.text.startsWith('@') && t.text.length > 2 && !t.opaque) handles.push(t);
      for (const h of handles) {
        // A bare handle belongs to the person named just before it: "Alon Gal (Under the Breach) (@UnderTheBreach)";
        // not after words of a clause ("Kris Marszalek discusses the hack with @BloombergTV’s @emilychangtv").
        if (person && (cued || (i - personAt <= 8 && onlyNamesBetween(toks, personAt, i)))) {
          draft.join(person, h.text, 'person');
          // "IRDev" may have been taken for a name of its own.
          if (entityKey(h.text) !== person) builders.delete(entityKey(h.text));
        } else draft.add(entityKey(h.text), h.text, 'handle', h.text);
        handleForms.add(h.text);
      }
    }
  }
  return handleForms;
}

/** What a secretary or minister is "of", ending a title before a name: "Secretary of Commerce Gina Raimondo". */
const PORTFOLIOS = new Set(['commerce', 'defense', 'defence', 'state', 'treasury', 'justice', 'energy', 'health', 'education', 'labor',
  'labour', 'transportation', 'transport', 'agriculture', 'interior', 'communications', 'information', 'finance', 'trade', 'industry',
  'security', 'affairs', 'technology', 'innovation', 'science', 'cybersecurity', 'intelligence', 'policy', 'operations', 'research']);

/** Words before which a handle cue is a verb ("to handle", "can handle"). */
const VERB_BEFORE = new Set(['to', 'can', 'could', 'will', 'would', 'must', 'should', 'may', 'might', 'cannot', "can't"]);

/** Words that may stand between a name and its handle: "Alon Gal (Under the Breach) (@UnderTheBreach)". */
const BETWEEN_NAME_AND_HANDLE = new Set(['the', 'of', 'a', 'an', 'and', 'on', 'at', 'aka', 'a.k.a']);

/** Whether the words between `from` and `to` are capitalised or small words of a name, not a clause. */
function onlyNamesBetween(toks: Token[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) {
    const t = toks[k];
    if (t.text !== t.lower || BETWEEN_NAME_AND_HANDLE.has(t.lower)) continue;
    return false;
  }
  return true;
}

/** A tag that names an entity, and where its name stands. */
interface TagSurface {
  tag: string;
  span: Span;
  /** The entity's key; '' once the entity is gone. */
  key: string;
}

/** Old-layout tags that name something: [[T-Mobile]], [[Binns]], [[WSJ]]. */
function addTags(draft: Draft, text: string, article: Article, surnames: Map<string, string | null>, isOutlet: (lower: string) => boolean, speakers: () => Set<string>): TagSurface[] {
  const builders = draft.builders;
  const source = article.source?.value ? entityKey(article.source.value) : undefined;
  let bodyLower: string | undefined;
  const tagSurfaces: TagSurface[] = [];
  for (const g of article.tags?.groups ?? []) {
    if (g.kind !== 'plain' && g.kind !== 'auto' && g.kind !== 'keyvalue') continue;
    for (const tag of g.tags) {
      let name = trimEndWhere(tag.name.trim().replace(/^[“"‘']+/, ''), /[,.;:!?”"’']/).replace(/['’]s$/, '');
      let kind: EntityKind | undefined;
      if (g.kind === 'keyvalue') {
        if (!tag.key?.startsWith('threatactor') || !tag.value) continue;
        name = tag.value;
        kind = 'organisation';
        // Generated threat-actor tags are often false ("RTM" on a hundred files): the body must name it too.
        bodyLower ??= article.body ? text.slice(article.body.span.start, article.body.span.end).toLowerCase() : '';
        if (!containsWords(bodyLower, lc(name))) continue;
      }
      if (!name || !isUpper(name.charCodeAt(0)) || FUNCTION_WORDS.has(lc(name)) || MONTHS_AND_DAYS.has(lc(name))) continue;
      // [[Q3]], [[FY22]]: the period a report covers; [[SEK0]]: a sum's first digits, cut by the tagger.
      if (isPeriod(lc(name)) || (/^[A-Z]{3}\d+$/.test(name) && CURRENCY_CODES.has(name.slice(0, 3)))) continue;
      // [[H1]], [[H2]] where the body writes "H2 2020 to H1 2021": halves of a year, not the H2 database of other articles.
      if (name.length === 2 && (name === 'H1' || name === 'H2')) {
        bodyLower ??= article.body ? text.slice(article.body.span.start, article.body.span.end).toLowerCase() : '';
        if (beforeYears(bodyLower, lc(name))) continue;
      }
      const lower = draft.keyOf(name);
      // [[ZDNet]] on a ZDNet article: the publisher tagging its own page, not the article naming it.
      if (source !== undefined && lower === source) continue;
      const bySurface = (draft.bySurface ??= surfaceIndex(draft));
      // [[ERP]] beside "enterprise resource planning (ERP)": the article's term, under the words that spell it.
      const termWords = kind ? undefined : draft.terms?.get(lower);
      const termKey = termWords === undefined ? undefined : entityKey(termWords);
      const key = termKey ?? surnames.get(lower) ?? (builders.has(lower) ? lower : bySurface.get(lower)) ?? (ACRONYMS.has(lower) ? entityKey(ACRONYMS.get(lower)!) : undefined) ?? lower;
      const existing = builders.get(key);
      let speaks = false;
      if (!existing) {
        const toks = tokenize(name, 0, name.length, []);
        if (!toks.length) continue;
        if (!kind) {
          // A tag names something new only if it is a known name or looks like one: topics
          // ("Ransomware", "Cryptominer") are single capitalised words of the language.
          const known = isOutlet(lower) || PLACES.has(lower) || ACRONYMS.has(lower) || KNOWN_ORGS.has(lower);
          const looksLikeName = toks.length > 1 || shape(toks[0]) === 'camel' || shape(toks[0]) === 'acronym';
          // [[Quillfeather]] in an article where "Quillfeather says" and no "quillfeather": a name that speaks, not a topic.
          speaks = !known && !looksLikeName && shape(toks[0]) === 'title' && !writtenSmall(toks[0].lower) && speakers().has(toks[0].text);
          if (!known && !speaks && (!looksLikeName || toks.some((t) => isJargon(t) || /[0-9]{4}/.test(t.text)))) continue;
        }
        // [[NDA]], [[MQTT]]: an acronym of letters that no list knows and the body never writes is a term, not an
        // organisation. One the body writes stays one ("ADT offers three plans"; "CSAM images" alike: the words after
        // it do not tell a company from a term). One the body writes only after a version's number labels the version
        // ("Axis OS 2016 LTS track", "Ubuntu 20.04 LTS").
        // One the body spells out in lower-case words before it in brackets is the article's term too: [[ATO]] beside
        // "a dynamic account takeover (ATO) technique", [[VDP]] beside "a vulnerability disclosure policy (VDP)".
        bodyLower ??= article.body ? text.slice(article.body.span.start, article.body.span.end).toLowerCase() : '';
        const term = termKey !== undefined || (!kind && toks.length === 1 && shape(toks[0]) === 'acronym' && !ACRONYMS.has(lower) && !KNOWN_ORGS.has(lower) && !isOutlet(lower)
          && /^[A-Z]+$/.test(toks[0].text) && onlyAfterNumbers(bodyLower, lower));
        draft.add(key, termWords ?? ACRONYMS.get(lower) ?? name, kind ?? (term ? 'other' : classify(name, toks, [], isOutlet)), name);
      } else if (kind) {
        draft.add(key, existing.name, kind, name);
      } else {
        existing.surfaces.set(name, (existing.surfaces.get(name) ?? 0) + 1);
        if (!bySurface.has(lower)) bySurface.set(lower, key);
      }
      const nameStart = tag.nameSpan.start + tag.name.indexOf(name.slice(0, 1));
      tagSurfaces.push({ tag: name, span: { start: Math.max(tag.nameSpan.start, nameStart), end: Math.min(tag.nameSpan.end, Math.max(tag.nameSpan.start, nameStart) + name.length) }, key });
    }
  }
  return tagSurfaces;
}

/**
 * A shorter form of a longer name of the same article is that name, not an entity of its own: its last words ("Print
 * Spooler" beside "Windows Print Spooler", "Capture Labs" beside "SonicWall Capture Labs", "Talos" beside "Cisco
 * Talos"), or its first words when the rest is the name's legal form, trade or place ("HP Wolf" beside "HP Wolf
 * Security", "Reserve Bank" beside "Reserve Bank of Australia"; "Microsoft Edge" is not "Microsoft Edge Beta Channel"),
 * written out no less often than it ("Google Cloud" three times is not the "Google Cloud Security" once).
 * The longer name must be one: said twice, or called an organisation or an outlet, or opening on a known name ("Cisco
 * Talos" once), and not opening on a word the article writes in lower case or a verb's form ("Dubbed Tardigrade",
 * "Use of BlackCat", "Regarding Broward Health").
 * The shorter form is not: a name known in its own right ("Windows", "Microsoft", "New York" in "New York Times"), a
 * person's or a place's; what follows "of" or "for" ("Members of Congress", "Linux Variant of REvil"); one word of a
 * name of three or more, a number aside ("Apache" in "SonicWall SMA SSLVPN Apache"; "Defender" ends "Microsoft 365
 * Defender"), one the article writes in lower case, a plural, a
 * word of a trade, kind or legal form or two capitals ("Security" beside "Core Security", "Macs" beside "Apple Silicon
 * Macs", "House" beside "White House", "NZ" beside "CERT NZ"); a form two names end on ("Defender" beside "Microsoft
 * Defender" and "Windows Defender"). The longer name's kind stands: a camel-case word is an organisation by its shape
 * alone ("NC400" beside "Annke NC400", "QNX" beside "BlackBerry QNX"). A person's surname is `shortForms`' business.
 * One pass over the names' words: a map from each shorter form to its name.
 */
function shortOfLonger(draft: Draft, candidates: Candidate[], surnames: Map<string, string | null>, isOutlet: (lower: string) => boolean, tagSurfaces: TagSurface[]): void {
  const builders = draft.builders;
  // Shorter form → the longer name it stands for (see `noteLonger`); empty when none was noted.
  const longer = new Map<string, string | null>();
  let prefixes: Set<string> | undefined;
  // The first word of organisations' and outlets' names of two words or more, to the one name it opens (null: two do).
  let firstOf: Map<string, string | null> | undefined;
  for (const b of builders.values()) {
    if (b.kind === 'person' || b.kind === 'place' || b.kind === 'handle' || b.key.indexOf(' ') < 0) continue;
    const words = b.key.split(' ');
    const first = words[0];
    const known = KNOWN_ORGS.has(first) || PRODUCTS.has(first) || OUTLETS.has(first);
    if (words.length > LONGEST_NAME || FUNCTION_WORDS.has(first) || ROLE_WORDS.has(first) || writtenSmall(first) || (first.endsWith('ing') && !known)) continue;
    if (!known && b.kind !== 'organisation' && b.kind !== 'outlet' && timesSaid(b) < 2) continue;
    // Nor two names run together: "PowerShell Cobalt Strike Beacon", "Reddit QNAP", "Microsoft Windows Update".
    if (knownInside(words)) continue;
    if ((b.kind === 'organisation' || b.kind === 'outlet') && !known && wholeCompanyEnds(words)) {
      const had = (firstOf ??= new Map()).get(first);
      firstOf.set(first, had === undefined ? b.key : null);
    }
    // The last n words are the key from where they start (a slice, not a phrase joined word by word).
    let from = b.key.length;
    for (let n = 1; n < words.length; n++) {
      const w = words[words.length - n];
      from -= w.length + (n > 1 ? 1 : 0);
      const before = words[words.length - n - 1];
      if (CONNECTORS.has(before) || before === 'the') continue;
      // One word ends a name of two only ("Cisco Talos", "Microsoft 365 Defender"; not "Fisher-Price Chatter Bluetooth").
      if (n === 1 && (words.length - (isDigits(words[1]) ? 1 : 0) > 2 || !ownWord(w))) continue;
      noteLonger(longer, b.key.slice(from), b.key);
    }
    // The first words before a legal form, trade or place: "HP Wolf Security", "Costco Wholesale Corporation".
    for (let n = words.length - 1; n >= 2 && (TRADE_ENDS.has(words[n]) || LEGAL_FORMS.has(words[n])); n--) {
      noteLonger(longer, words.slice(0, n).join(' '), b.key);
      (prefixes ??= new Set()).add(words.slice(0, n).join(' '));
    }
    const of = words.lastIndexOf('of');
    if (of >= 2 && PLACES.has(words.slice(of + 1).join(' '))) {
      noteLonger(longer, words.slice(0, of).join(' '), b.key);
      (prefixes ??= new Set()).add(words.slice(0, of).join(' '));
    }
  }
  if (!longer.size && !firstOf) return;
  const into = new Map<string, string>();
  let firstAt: Map<string, number> | undefined;
  for (const b of builders.values()) {
    // "Xinhua" beside "Xinhua News Agency": one word that opens a single organisation's or outlet's name of the article
    // is that name, unless a list knows it, the article writes it in lower case, or it is someone's first name.
    // (Not a word the article calls a thing: "the Delta variant" beside "Delta Airlines", "the Phoenix ransomware strain".)
    const key = longer.get(b.key) ?? (firstOf && b.key.indexOf(' ') < 0 && !writtenSmall(b.key) && !isFirstName(b.key) && !isCommonFirstName(b.key)
      && !draft.things?.has(b.key) && !draft.actors?.has(b.key) ? firstOf.get(b.key) : undefined);
    if (!key || key === b.key || !builders.has(key)) continue;
    if (b.kind === 'person' || b.kind === 'place' || b.kind === 'outlet' || b.kind === 'handle' || b.kindScore.has('person')) continue;
    if (KNOWN_ORGS.has(b.key) || PLACES.has(b.key) || PRODUCTS.has(b.key) || OUTLETS.has(b.key) || isOutlet(b.key) || ACRONYMS.has(b.key) || EXPANSION_KIND.has(b.key) || surnames.get(b.key)) continue;
    const l = builders.get(key)!;
    if (prefixes?.has(b.key) && timesSaid(b) > timesSaid(l)) continue;
    // Said once and after the shorter, the longer name only qualifies what the article calls by the shorter: "Windows
    // FinSpy" after FinSpy, "a Reddit QNAP message board" after QNAP. (Said first, it introduces it: "the Windows Print
    // Spooler", then "Print Spooler" all through.)
    if (timesSaid(l) === 1 && timesSaid(b) >= 2 && (firstAt ??= firstMentions(candidates)).get(b.key)! < firstAt.get(l.key)!) continue;
    into.set(b.key, key);
  }
  const final = (key: string) => {
    // "Spooler" → "Print Spooler" → "Windows Print Spooler": the longest.
    for (let hops = 0; into.has(key) && hops < LONGEST_NAME; hops++) key = into.get(key)!;
    return key;
  };
  for (const from of into.keys()) {
    const target = final(from);
    const s = builders.get(from)!;
    const l = builders.get(target)!;
    for (const [surface, n] of s.surfaces) l.surfaces.set(surface, (l.surfaces.get(surface) ?? 0) + n);
    if (draft.actors?.has(from)) draft.actors.add(target);
    if (draft.things?.has(from)) draft.things.add(target);
  }
  for (const from of into.keys()) builders.delete(from);
  for (const t of tagSurfaces) if (t.key && into.has(t.key)) t.key = final(t.key);
}

/** That `key` is a longer name `form` stands for, in `shortOfLonger`'s map of them (a function of its own: as a closure it kept the map in a context). */
function noteLonger(longer: Map<string, string | null>, form: string, key: string): void {
  const had = longer.get(form);
  // Nested names agree: "Spooler" ends "Print Spooler" and "Windows Print Spooler", which is the longer.
  if (had === undefined || (had !== null && had !== key && containsWords(key, had))) longer.set(form, key);
  else if (had !== null && had !== key && !containsWords(had, key)) longer.set(form, null);
}

/** How many times a name was written, all its surfaces together. */
function timesSaid(b: Builder): number {
  let n = 0;
  for (const k of b.surfaces.values()) n += k;
  return n;
}

/**
 * A name's plural beside the name in one article is that name: "AirTags" and "AirTag", "Exchange Servers" and
 * "Exchange Server", "Cobalt Strike Beacons" and "Cobalt Strike Beacon" were two entities each (65 such pairs in the real
 * corpus). The plural's forms join the singular, as the thing named; an organisation whose name is the plural, when the
 * article says it more often ("SolarWinds" beside a slip's "SolarWind", "Palo Alto Networks"), keeps it. Not a person's
 * surname ("Bob Plankers"), a place ("Philippines" beside the adjective), nor an acronym's capital S ("JA3S" is another
 * fingerprint than "JA3"); "ss" ends no plural ("Access").
 */
function pluralsOfNames(draft: Draft, candidates: Candidate[], tagSurfaces: TagSurface[]): void {
  const builders = draft.builders;
  let firstAt: Map<string, number> | undefined;
  const apart = (b: Builder) => b.kind === 'person' || b.kind === 'place' || b.kind === 'handle' || b.kind === 'outlet';
  let into: Map<string, string> | undefined;
  for (const p of builders.values()) {
    const key = p.key;
    const n = key.length;
    if (n < 4 || key.charCodeAt(n - 1) !== 115 /* s */ || key.charCodeAt(n - 2) === 115 || apart(p)) continue;
    let upper = false;
    for (const s of p.surfaces.keys()) if (s.charCodeAt(s.length - 1) !== 115) upper = true;
    if (upper) continue;
    let s = builders.get(key.slice(0, -1));
    // "-es" after a hissing sound only: "Boxes", "Patches" (not "Kubelets" → "Kubelet" found above anyway).
    if (!s && n >= 5 && key.charCodeAt(n - 2) === 101 /* e */) {
      const stem = key.slice(0, -2);
      const last = stem.charCodeAt(stem.length - 1);
      if (last === 120 || last === 122 || stem.endsWith('ch') || stem.endsWith('sh')) s = builders.get(stem);
    }
    // A digit before the S makes a name of its own: "JA3S" is the server's fingerprint, "JA3" the client's.
    if (!s || apart(s) || into?.has(s.key) || isDigit(s.key.charCodeAt(s.key.length - 1))) continue;
    // A list's name is whole as it is: "Windows" beside a heading's "Window".
    if (KNOWN_ORGS.has(key) || PRODUCTS.has(key) || OUTLETS.has(key) || PLACES.has(key) || ACRONYMS.has(key)) continue;
    // The form said more is the name ("Bangkok Airways" 10 times, a slip's "Bangkok Airway" once; "Mac" beside "Macs");
    // said as often, the one the article names first ("China Telecom Americas", then "China Telecom America").
    const ps = timesSaid(p);
    const ss = timesSaid(s);
    let keepPlural = ps > ss;
    if (ps === ss) {
      firstAt ??= firstMentions(candidates);
      keepPlural = (firstAt.get(key) ?? Infinity) < (firstAt.get(s.key) ?? Infinity);
    }
    (into ??= new Map()).set(keepPlural ? s.key : key, keepPlural ? key : s.key);
  }
  if (!into) return;
  for (const [from, to] of into) {
    const f = builders.get(from)!;
    const t = builders.get(to)!;
    for (const [surface, k] of f.surfaces) t.surfaces.set(surface, (t.surfaces.get(surface) ?? 0) + k);
    if (draft.actors?.has(from)) draft.actors.add(to);
    if (draft.things?.has(from)) draft.things.add(to);
    builders.delete(from);
  }
  for (const t of tagSurfaces) {
    const to = t.key ? into.get(t.key) : undefined;
    if (to) t.key = to;
  }
}

/** Words of the prepositions that place something: "in Austin", "from Phoenix", "near Jackson". */
const LOCATING = new Set(['in', 'at', 'from', 'near', 'outside', 'across', 'throughout', 'around']);

/** Capitalised words the article writes right after a preposition that places something (`LOCATING`), lower-cased. */
function locatedWords(tokenized: Token[][]): Set<string> {
  const out = new Set<string>();
  for (const toks of tokenized) {
    // (Standing alone: "an email from Marcella Flores" places no "Marcella".)
    for (let k = 1; k < toks.length; k++) {
      if (toks[k].cap && !toks[k].brokenBefore && LOCATING.has(toks[k - 1].lower) && !(toks[k + 1]?.cap && !toks[k + 1].brokenBefore)) out.add(toks[k].lower);
    }
  }
  return out;
}

/** Where each name's first candidate starts, by its key (`Candidate.key`, or the word's own for a single word). */
function firstMentions(candidates: Candidate[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of candidates) {
    const key = c.key ?? c.tokens[0].key;
    if (!out.has(key)) out.set(key, c.tokens[0].start);
  }
  return out;
}

/** Whether a word after the first of a name, or two, is a known name ("cobalt strike" in "powershell cobalt strike beacon"). */
function knownInside(words: string[]): boolean {
  for (let n = 1; n < words.length; n++) {
    const w = words[n];
    if (KNOWN_ORGS.has(w) || PRODUCTS.has(w) || OUTLETS.has(w) || PLACES.has(w)) return true;
    if (n + 1 < words.length) {
      const two = `${w} ${words[n + 1]}`;
      if (KNOWN_ORGS.has(two) || PRODUCTS.has(two) || OUTLETS.has(two) || PLACES.has(two)) return true;
    }
  }
  return false;
}

/**
 * Whether the words after a name's first only say what the body is ("Juniper Networks", "Xinhua News Agency", "Lazarus
 * Group", "Colonial Pipeline", "Ferrara Candy Co"), so the first word alone is the same body; not a division or a
 * product of it ("Guardicore Labs", "Cybereason Nocturnus", "Nutanix Data Lens"), a bank of a shop ("Tesco Bank") nor a
 * university of a city ("Vilnius University").
 */
function wholeCompanyEnds(words: string[]): boolean {
  for (let k = 1; k < words.length; k++) if (!WHOLE_COMPANY_ENDS.has(words[k])) return false;
  return true;
}

/** Last words that write a company's name out in full ("HP Wolf Security", "Pen Test Partners"), not a body of another's ("Santa Clara Police"). */
const TRADE_ENDS = new Set([
  'corporation', 'company', 'companies', 'limited', 'group', 'holdings', 'partners', 'enterprises', 'industries', 'labs', 'lab', 'technologies',
  'technology', 'systems', 'software', 'solutions', 'services', 'security', 'networks', 'communications', 'telecom', 'media', 'entertainment',
  'games', 'studios', 'capital', 'insurance', 'airlines', 'airways', 'motors', 'international', 'finance',
]);

/** `TRADE_ENDS` and legal forms but a research arm's or a product line's ("Labs", "Security"), with a trade's words, for `wholeCompanyEnds`.
 * ("Electronics": Threatpost's "Delta" beside "Delta Electronics" was a name of its own, one key with the Delta variant of a
 * ZDNet article.) */
const WHOLE_COMPANY_ENDS = new Set([
  ...[...TRADE_ENDS].filter((w) => w !== 'labs' && w !== 'lab' && w !== 'security'), 'co', 'corp', 'inc', 'ltd', 'llc', 'plc', 'gmbh', 'ag',
  'news', 'agency', 'pipeline', 'foods', 'electric', 'electronics', 'broadband', 'health', 'healthcare', 'markets', 'logistics', 'worldwide', 'broadcast', 'project',
]);

/** One word that may stand for a longer name it ends: not a plural, a word the article writes in lower case, a word of a trade, kind or legal form, nor two capitals. */
function ownWord(w: string): boolean {
  return !(w.length <= 2 || (w.endsWith('s') && !w.endsWith('ss')) || writtenSmall(w) || ORG_SUFFIXES.has(w) || ORG_WORDS.has(w)
    || THING_WORDS.has(w) || FUNCTION_AREAS.has(w) || LEGAL_FORMS.has(w));
}

/** Each entity's kind: the one most often cued, ties broken by `KIND_RANK`. */
function decideKinds(draft: Draft): void {
  for (const b of draft.builders.values()) {
    let best: EntityKind = 'other';
    let bestScore = -1;
    for (const [k, n] of b.kindScore) {
      const score = n * 10 + KIND_RANK[k];
      if (k !== 'other' && score > bestScore) { best = k; bestScore = score; }
    }
    b.kind = bestScore < 0 ? 'other' : best;
  }
}

/** The forms a mention may take, and which of them stand in capitals only. */
interface SurfaceForms {
  /** Surface key → entity key. */
  toKey: Map<string, string>;
  /** Surface key → every form of it is in capitals. */
  allCaps: Map<string, boolean>;
  /** Pinned names and aliases (surface keys): found in any case. */
  pinned: Set<string>;
}

function surfaceForms(draft: Draft, surnames: Map<string, string | null>, pins: Pin[]): SurfaceForms {
  const builders = draft.builders;
  const toKey = new Map<string, string>();
  const allCaps = new Map<string, boolean>();
  const form = (surface: string, key: string) => {
    const k = draft.keyOf(surface);
    toKey.set(k, key);
    allCaps.set(k, (allCaps.get(k) ?? true) && isAllCaps(surface));
  };
  for (const b of builders.values()) {
    for (const s of b.surfaces.keys()) form(s, b.key);
    form(b.name, b.key);
    // The table's acronyms of a name the body spelled out: a headline's "WSJ".
    const acronyms = ACRONYMS_OF.get(b.key);
    if (acronyms) for (const acr of acronyms) if (!toKey.has(acr)) form(acr.toUpperCase(), b.key);
  }
  for (const [sur, key] of surnames) if (key && builders.has(key)) toKey.set(sur, key);
  // A surname two people share is read too, under its own key ("Kowalczyk said …" opening a sentence, where a lone
  // capitalised word is no name of its own): `sharedSurnames` gives each such mention to the one named in full last
  // before it, and one before both stays nobody's (no entity has that key). Unread, "Binns said …" after Sarah Binns
  // and John Binns was no one's: no card, no reference, not renamed.
  for (const [sur, key] of surnames) if (key === null && !toKey.has(sur)) toKey.set(sur, sur);
  // Pinned names and aliases override whatever was guessed, in every article.
  const pinned = new Set<string>();
  for (const p of pins) {
    if (!builders.has(p.key)) builders.set(p.key, { key: p.key, name: p.name, kind: p.kind ?? 'other', kindScore: new Map(), surfaces: new Map() });
    const b = builders.get(p.key)!;
    b.name = p.name;
    if (p.kind) b.kind = p.kind;
    for (const f of [p.name, ...p.aliases]) {
      toKey.set(entityKey(f), p.key);
      allCaps.set(entityKey(f), false);
      pinned.add(entityKey(f));
    }
  }
  return { toKey, allCaps, pinned };
}

/** Words in the longest name a mention can spell: "National Institute of Standards and Technology" has six. */
const LONGEST_NAME = 8;

function pushMention(mentions: Map<string, Mention[]>, key: string, m: Mention): void {
  const list = mentions.get(key);
  if (list) list.push(m);
  else mentions.set(key, [m]);
}

/**
 * Every sentence's mentions, longest match first. Only a token that starts
 * some known form (or a first name, for "John Erin Binns") can start a
 * mention, and only the lengths of the forms that start with it are tried:
 * one map probe per capitalised word instead of five phrases built.
 */
function mentionsIn(text: string, sentences: Sentence[], read: ReadSentences, forms: SurfaceForms, handleForms: Set<string>): Map<string, Mention[]> {
  const { toKey, allCaps, pinned } = forms;
  const lengths = new Map<string, number>(); // first word → bit n set when a form of n words starts with it
  const longForms = new Map<string, string[]>(); // first word → the forms with a space that start with it
  for (const surface of toKey.keys()) {
    let words = 1;
    let space = surface.indexOf(' ');
    const first = space < 0 ? surface : surface.slice(0, space);
    if (space >= 0) {
      const list = longForms.get(first);
      if (list) list.push(surface);
      else longForms.set(first, [surface]);
    }
    // "barnes & noble" is two tokens: the ampersand is the first word's `after`.
    while (space >= 0) { if (surface.charCodeAt(space + 1) !== 38 /* & */) words++; space = surface.indexOf(' ', space + 1); }
    lengths.set(first, (lengths.get(first) ?? 0) | (words <= LONGEST_NAME ? 1 << words : 0));
  }
  const mentions = new Map<string, Mention[]>();
  const special = pinned.size > 0 || handleForms.size > 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const toks = read.tokenized[si];
    const sentence = s.where === 'heading' ? -1 : si;
    const where = s.where === 'heading' ? 'body' : s.where;
    // Only words in `startsOf` can start a mention, unless pinned or handle forms are written in lower case.
    const starts = special ? undefined : read.startsOf[si];
    const count = starts ? starts.length : toks.length;
    let covered = 0;
    for (let p = 0; p < count; p++) {
      const i = starts ? starts[p] : p;
      if (i < covered) continue;
      const t = toks[i];
      if (t.opaque) continue;
      if (!t.cap && !t.upper && !t.at && !(special && (pinned.has(t.lower) || handleForms.has(t.text)))) continue;
      const mask = lengths.get(t.key);
      const firstName = isFirstNameTok(t);
      if (mask === undefined && !firstName) continue;
      // Longer forms start with the word's lower case; only a lone word drops an "'s" of its own.
      const longer = t.key === t.lower ? mask : lengths.get(t.lower);
      // The longest run that may form one name: no punctuation inside, no possessive before its end (but "Driver's Coop").
      let valid = 1;
      while (valid < LONGEST_NAME && i + valid < toks.length && (!toks[i + valid].brokenBefore || ampersandBefore(toks, i + valid))
        && (!toks[i + valid - 1].possessive || (valid === 1 && possessiveInName(toks, i, i + 1)))) valid++;
      for (let len = valid; len >= 1; len--) {
        let key: string | undefined;
        if (len === 1) key = mask !== undefined && (mask & 2) !== 0 ? toKey.get(t.key) : undefined;
        else if (longer !== undefined && (longer & (1 << len)) !== 0) key = formOf(toKey, longForms.get(t.lower)!, toks, i, i + len);
        // "John Erin Binns": a first name, middle names, the surname. Only capitalised words between: "Michael Kovrig and
        // Michael Spavor", "Rebecca Moody and George Moody" are two people (4 real pairs were one, the first one lost).
        if (!key && len >= 3 && firstName && capitalisedBetween(toks, i + 1, i + len - 1)) key = firstAndLastOf(toKey, longForms.get(t.lower), t.lower, toks[i + len - 1].key);
        if (!key) continue;
        if (len === 1 && !t.cap && !t.at && shape(t) !== 'camel' && !pinned.has(t.lower) && !handleForms.has(t.text)) continue;
        // An acronym is written in capitals: "US", not "Us"; "IT", not "It".
        if (len === 1 && allCaps.get(t.key) && !isAllCaps(t.text)) continue;
        const start = t.start;
        // "U.S.": the last dot of dotted initials is theirs, though it may end the sentence too ("in the U.S.").
        const end = toks[i + len - 1].end + (len === 1 && code(text, t.end) === 46 && DOTTED_INITIALS.test(t.text) ? 1 : 0);
        // Headings are not in the article's sentence list: their mentions point at no sentence.
        pushMention(mentions, key, { key, span: { start, end }, text: text.slice(start, end), sentence, where });
        covered = i + len;
        break;
      }
    }
  }
  return mentions;
}

/**
 * The key of the form tokens [a, b) spell (their lower cases joined by spaces, " & " where an ampersand stands
 * between, the last word's without its "'s"), from `forms`, all the forms that start with token `a`'s word and a space
 * (a token has no space inside). Compared with the tokens in place: building the phrase for a look-up cost a string
 * at every capitalised word some form starts with.
 */
function formOf(toKey: Map<string, string>, forms: string[], toks: Token[], a: number, b: number): string | undefined {
  for (const f of forms) if (spells(f, toks, a, b)) return toKey.get(f);
  return undefined;
}

/** Whether `f`, a form that starts with token `a`'s word and a space, is the phrase tokens [a, b) spell (see `formOf`). */
function spells(f: string, toks: Token[], a: number, b: number): boolean {
  let at = toks[a].lower.length;
  for (let k = a + 1; k < b; k++) {
    if (!ampersandBefore(toks, k)) {
      if (f.charCodeAt(at) !== 32) return false;
      at++;
    } else if (f.startsWith(' & ', at)) at += 3;
    else return false;
    const w = k === b - 1 ? toks[k].key : toks[k].lower;
    if (!f.startsWith(w, at)) return false;
    at += w.length;
  }
  return at === f.length;
}

/** `toKey.get(`${first} ${last}`)`, from `forms`, all the forms that start with `first` and a space (as in `formOf`). */
function firstAndLastOf(toKey: Map<string, string>, forms: string[] | undefined, first: string, last: string): string | undefined {
  if (forms) for (const f of forms) if (f.length === first.length + 1 + last.length && f.endsWith(last)) return toKey.get(f);
  return undefined;
}

/** Whether tokens `a…b` are all capitalised words, the middle names of `mentionsIn`. */
function capitalisedBetween(toks: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!toks[k].cap) return false;
  return true;
}

/** Words after a name's "'s" that no possessed noun can be: it speaks or must, so the "'s" is the name's own. */
const AFTER_OWN_S = new Set([...SPEECH_VERBS, 'must', 'will', 'would', 'should', 'can', 'could', 'may', 'might', 'hasn\'t', 'hasn’t', 'adjusted', 'decides', 'decided']);

/**
 * The "'s" a one-word name ends on, as written, where it is the name's own: "Moody's said", "Lloyd's of London",
 * "at McDonald's." showed as "Moody", "Lloyd", "McDonald". Every mention in the text is so written (a name written
 * bare once, "Microsoft", is its possessive's owner), and one of them is followed by what no possessed noun is: a verb
 * of speech or a modal, "of" and a capitalised name, or punctuation. Not "'s got", "'s been" ("Google's got": "has").
 * Reads a few characters after each mention only. 7 real names: Moody's, Lloyd's (2 articles), McDonald's, Macy's,
 * Sotheby's, Dotty's.
 */
function ownPossessive(text: string, ms: Mention[]): string {
  let cue = false;
  let own = '';
  for (const m of ms) {
    if (m.where === 'tag') continue;
    const e = m.span.end;
    const q = code(text, e);
    if ((q !== 39 && q !== 0x2019) || code(text, e + 1) !== 115 || isLetter(code(text, e + 2))) return '';
    if (!own) own = text.slice(e, e + 2);
    if (cue) continue;
    let k = e + 2;
    const c = code(text, k);
    if (c === 46 || c === 44 || c === 59 || c === 58 || c === 41 || c < 0 || c === 10) { cue = true; continue; }
    if (c !== 32) continue;
    k++;
    let w = k;
    while (w < k + 12 && (isLetter(code(text, w)) || code(text, w) === 39 || code(text, w) === 0x2019)) w++;
    const word = text.slice(k, w);
    if (AFTER_OWN_S.has(word)) cue = true;
    else if (word === 'of' && code(text, w) === 32 && isUpper(code(text, w + 1))) cue = true;
  }
  return cue ? own : '';
}

/** A lone capitalised word or phrase seen once, of no known kind: more likely noise than a subject. */
function isNoise(b: Builder, draft: Draft, ms: Mention[] | undefined): boolean {
  return ms !== undefined && ms.length === 1 && b.kind === 'other' && !PRODUCTS.has(lc(b.name)) && !MALWARE_NAME.test(b.name) && !draft.things?.has(b.key) && !draft.actors?.has(b.key);
}

/** The entities that have mentions, each with its aliases: every other spelling, once. */
function entitiesOf(draft: Draft, mentions: Map<string, Mention[]>, text: string): DocEntity[] {
  const out: DocEntity[] = [];
  for (const b of draft.builders.values()) {
    const ms = mentions.get(b.key);
    if (!ms || !ms.length) continue;
    if (isNoise(b, draft, ms)) continue;
    ms.sort((x, y) => x.span.start - y.span.start);
    const own = draft.keyOf(b.name);
    const aliases: string[] = [];
    const seen = new Set<string>();
    // Dotted initials are taken from the mentions below, where the text says whether a last dot follows.
    // So is a middle initial's dot ("James E. Lee", not "James E Lee").
    for (const s of b.surfaces.keys()) if (!seen.has(s) && !DOTTED_INITIALS.test(s) && !MIDDLE_INITIAL.test(s)) { seen.add(s); if (draft.keyOf(s) !== own) aliases.push(s); }
    for (const m of ms) {
      // As read, not as escaped: "@VK\_Intel" in the text is "@VK_Intel"; "[Volterra](https://…) of
      // Santa Clara" is "Volterra of Santa Clara".
      let t = m.text.includes('\\_') ? m.text.replace(/\\_/g, '_') : m.text;
      if (t.includes('](')) t = withoutDestinations(t);
      // "U.S." as written where a mention stops before its last dot (a tag's, `[[U.S.]]`; the body's keep it).
      if (text.charCodeAt(m.span.end) === 46 && DOTTED_INITIALS.test(t)) t += '.';
      if (!seen.has(t)) { seen.add(t); if (draft.keyOf(t) !== own) aliases.push(t); }
    }
    // "Michael J. Fox Foundation" as written, not as its words are ("Michael J Fox Foundation").
    let name = b.name;
    if (MIDDLE_INITIAL.test(name)) {
      const at = aliases.findIndex((a) => a.length === name.length + 1 && a.replace('.', '') === name);
      if (at >= 0) [name, aliases[at]] = [aliases[at], name];
      if (at >= 0) aliases.splice(at, 1);
    }
    // (Not a name ending in "s" already: "McCoys's" is the brand McCoys's.)
    if (b.kind !== 'person' && b.kind !== 'place' && b.key.indexOf(' ') < 0 && b.key.charCodeAt(b.key.length - 1) !== 115) {
      const own = ownPossessive(text, ms);
      if (own) name += own;
    }
    out.push({ key: b.key, name, kind: b.kind, aliases, mentions: ms });
  }
  return out;
}

/** A name's surface with a middle initial as a word of its own ("James E Lee"): its mentions say whether a dot follows. */
const MIDDLE_INITIAL = / [A-Z] /;

/** Initials with dots inside, short of the last ("U.S", "U.K", "E.U"). */
const DOTTED_INITIALS = /^(?:[A-Z]\.){1,3}[A-Z]$/;

/** "Volterra](https://…) of Santa Clara" without its link destinations: "Volterra of Santa Clara". One pass. */
function withoutDestinations(t: string): string {
  let out = '';
  let from = 0;
  for (let at = t.indexOf('](', from); at >= 0; at = t.indexOf('](', from)) {
    const close = t.indexOf(')', at + 2);
    if (close < 0) break;
    out += t.slice(from, at);
    from = close + 1;
  }
  return out + t.slice(from);
}

/** The texts of tokens [a, b), joined by spaces. */
function joinTexts(tokens: Token[], a: number, b: number): string {
  let s = tokens[a].text;
  for (let k = a + 1; k < b; k++) s += `${ampersandBefore(tokens, k) ? ' & ' : ' '}${tokens[k].text}`;
  return s;
}

function withAmpersand(tokens: Token[]): boolean {
  for (let k = 1; k < tokens.length; k++) if (ampersandBefore(tokens, k)) return true;
  return false;
}

/** Whether an ampersand stands between tokens `k - 1` and `k` of a name ("Barnes & Noble"; see `ampersandInName`). */
function ampersandBefore(tokens: Token[], k: number): boolean {
  return tokens[k].brokenBefore && tokens[k - 1].after === '&';
}

/** `commonPhrases`' table of first letters, kept between articles (allocating a typed array each time cost more than the pass). */
const PHRASE_INITIALS = new Uint8Array(128);

/** Builders of kind 'other' whose words the body writes in lower case at least as often as capitalised. */
function commonPhrases(builders: Map<string, Builder>, sentences: Sentence[], tokenized: Token[][]): Builder[] {
  const byFirst = new Map<string, { b: Builder; words: string[]; lower: number; cap: number }[]>();
  // First letters and lengths of the first words: most tokens are passed over without a map probe.
  const initial = PHRASE_INITIALS.fill(0);
  let longest = 0;
  let wide = false;
  for (const b of builders.values()) {
    if (b.kind !== 'other' || isAllCaps(b.name)) continue;
    const words = lc(b.name).replace(/’/g, "'").split(' ');
    if (!writtenSmall(words[0])) continue; // never written in lower case
    const c = words[0].charCodeAt(0);
    if (c < 128) initial[c] = 1;
    else wide = true;
    longest = Math.max(longest, words[0].length);
    const list = byFirst.get(words[0]);
    const entry = { b, words, lower: 0, cap: 0 };
    if (list) list.push(entry);
    else byFirst.set(words[0], [entry]);
  }
  if (!byFirst.size) return [];
  for (let si = 0; si < sentences.length; si++) {
    if (sentences[si].where !== 'body') continue;
    const toks = tokenized[si];
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      const c = t.lower.charCodeAt(0);
      if (t.opaque || t.lower.length > longest || (c < 128 ? initial[c] === 0 : !wide)) continue;
      const list = byFirst.get(t.lower);
      if (!list) continue;
      for (const e of list) {
        let n = 1;
        while (n < e.words.length && k + n < toks.length && toks[k + n].cap === t.cap && !toks[k + n].brokenBefore && toks[k + n].lower === e.words[n]) n++;
        if (n === e.words.length) {
          if (t.cap) e.cap++;
          else e.lower++;
        }
      }
    }
  }
  const out: Builder[] = [];
  for (const list of byFirst.values()) for (const e of list) if (e.lower > 0 && e.lower >= e.cap) out.push(e.b);
  return out;
}

function maxScore(b: Builder): number {
  let m = 0;
  for (const n of b.kindScore.values()) m = Math.max(m, n);
  return m;
}

/**
 * Surface key → key of the first builder, in order, that has a surface with
 * that key. Built once when the tags are read; `add` keeps it up to date, and
 * a surface added later never needs to win over an earlier builder (tags
 * resolve surnames and known keys before they look here).
 */
function surfaceIndex(draft: Draft): Map<string, string> {
  const index = new Map<string, string>();
  for (const b of draft.builders.values()) {
    for (const s of b.surfaces.keys()) {
      const k = draft.keyOf(s);
      if (!index.has(k)) index.set(k, b.key);
    }
  }
  return index;
}
