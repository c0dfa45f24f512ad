/**
 * Figures: every quantity an article's sentences state, as `Figure`s. The
 * numbers themselves come from `numbers.ts`; this file adds what makes two
 * figures comparable across articles: the hedge, turned into an interval
 * ("more than 50 million" is [50m, 75m], "about 53 million" [47.7m, 58.3m],
 * so the two agree), the thing measured (the head noun of the phrase after
 * the number, singular: "customer", "record", "person"), the population
 * qualifiers that split one measure from another ("former", "prepaid"), and
 * whose thing it is: an organisation named in the phrase; else the
 * sentence's organisation, the nearest before the figure first, leaving out
 * those that only speak ("according to WizCase") or attack ("the REvil
 * ransomware group"); else the name a list item opens with in bold; else
 * the organisation the sentence before in its paragraph opens with; else
 * the article's main subject (`mainSubject`). Names the entity extractor
 * took for people but that carry an organisation's word ("Corvane
 * Wireless") count as organisations, and a short form stands for the full
 * name its article uses ("Corvane" for "Corvane Wireless"). A headline
 * figure takes the qualifiers of the body figure it abbreviates.
 * `measureKey` joins subject, noun and qualifiers into the key figures are
 * compared by.
 *
 * Qualifiers are a short closed list (`QUALIFIERS`). Other adjectives are
 * ignored on purpose: "850,000 active T-Mobile prepaid customers" and
 * "902,000 prepaid customers" are one population to a reporter, so "active"
 * does not split the measure, while "former" and "prepaid" do.
 *
 * Everything here looks at a bounded window of words around each number, so
 * the cost stays linear in the length of the text.
 */
import { isLinkOnly, type Span, wordTable } from '../text';
import { monthOf } from '../syntax/dates';
import { CAPITAL_UNITS, FUNCTION_WORDS, JARGON, KNOWN_ORGS, ORG_SUFFIXES, ORG_WORDS, PLACES, PRODUCTS, THING_WORDS } from './lexicon';
import { code, readingsOf, STOP_WORDS, type RawNumber, type SentenceReading } from './numbers';
import { newFigure, type EntityKind, type Figure, type Mention, type SentenceRef, type Unit } from './types';

/**
 * Words that narrow who or what is counted: two figures whose phrases carry
 * different ones measure different populations. Nationalities count only when
 * written as such ("US customers"); "Metro" and other brands come from "people
 * with Metro by T-Mobile accounts" (see `withAccounts`).
 */
export const QUALIFIERS = new Set([
  'former', 'current', 'prospective', 'prepaid', 'postpaid', 'past', 'new', 'existing', 'inactive', 'dormant',
  'business', 'retail', 'enterprise', 'consumer', 'corporate', 'paying', 'paid', 'free', 'premium', 'registered',
  'deleted', 'unique', 'us', 'u.s', 'uk', 'eu', 'american', 'european', 'canadian', 'british', 'australian',
  'fake', 'bogus', 'malicious', 'hijacked', 'spam', 'bot', 'bank', 'online', 'phishing', 'scam', 'fraudulent',
  // "more than 2,000 mutual customers" (of two partners) and "1,200 Ukrainian customers impacted" are not a
  // company's customers, nor each other's: read as one measure they made a revision of the real corpus.
  'mutual', 'joint', 'shared', 'domestic', 'foreign', 'overseas', 'international',
  'ukrainian', 'russian', 'chinese', 'japanese', 'korean', 'indian', 'israeli', 'iranian', 'german', 'french', 'dutch',
  'italian', 'spanish', 'irish', 'scottish', 'swedish', 'norwegian', 'danish', 'finnish', 'polish', 'turkish', 'brazilian',
  'mexican', 'singaporean', 'malaysian', 'indonesian', 'filipino', 'vietnamese', 'thai', 'pakistani', 'african', 'asian',
]);

/** Adjectives that never name the thing measured ("50 million affected", "active"). */
const IGNORABLE = new Set([
  'active', 'affected', 'impacted', 'other', 'additional', 'total', 'potential', 'possible', 'stolen', 'exposed',
  'compromised', 'leaked', 'breached', 'such', 'different', 'various', 'individual', 'separate', 'distinct',
  'estimated', 'purported', 'alleged', 'reported', 'confirmed', 'more', 'most', 'many', 'few', 'several', 'whole',
  'entire', 'massive', 'huge', 'sensitive', 'personal', 'private', 'unprotected', 'ripped-off', 'overall',
]);

/**
 * Adjectives that describe what is counted and never name it: "151 popular connected gifts", "5.5 billion known
 * compromised email addresses" had "popular" and "known" for their noun (the participle after them ended the
 * phrase). Unlike `IGNORABLE` they say nothing of which population is counted.
 */
const ADJECTIVES = new Set([
  'popular', 'unknown', 'vulnerable', 'small', 'smaller', 'large', 'larger', 'big', 'bigger', 'major', 'minor',
  'significant', 'successful', 'specific', 'global', 'real-time', 'remote', 'regional', 'commercial', 'good', 'perfect',
  'available', 'effective', 'common', 'positive', 'negative', 'old', 'older', 'senior', 'faster', 'slower', 'greater',
  'prolific', 'consecutive', 'alphanumeric', 'offline', 'imaginable', 'top-ranked', 'legitimate', 'well-known', 'random', 'social',
]);

/**
 * Verbs that are no noun, read where a noun would follow a figure: "41 percent believe their leadership …", "55%
 * of all cryptocurrency sent from …" (words that are also nouns, "use", "run", "cut", are not here).
 */
const VERBS = new Set([
  'believe', 'believes', 'think', 'thinks', 'feel', 'feels', 'expect', 'expects', 'agree', 'agreed', 'agrees', 'want', 'wants',
  'prefer', 'prefers', 'admit', 'admits', 'admitted', 'worry', 'worried', 'fear', 'feared', 'know', 'knew', 'saw', 'see', 'sees',
  'came', 'come', 'comes', 'went', 'go', 'goes', 'got', 'get', 'gets', 'made', 'make', 'makes', 'took', 'take', 'takes', 'gave',
  'give', 'gives', 'consider', 'considers', 'continue', 'continues', 'reflect', 'reflects', 'represent', 'represents', 'allow',
  'allows', 'perform', 'prevent', 'prevents', 'provide', 'provides', 'receive', 'receives', 'indicate', 'indicates', 'require',
  'requires', 'commit', 'introduce', 'become', 'became', 'becomes', 'disappear', 'keep', 'keeps', 'kept', 'proliferate', 'prove',
  'proved', 'compensate', 'connect', 'grew', 'grow', 'grows', 'reveal', 'reveals', 'remain', 'remains', 'remained', 'appear',
  'appears', 'appeared', 'seem', 'seems', 'seemed', 'cannot',
]);

/**
 * Participles that do not end in "-ed", read as those that do: after a noun they end its phrase ("55% of all
 * cryptocurrency sent from …" counts cryptocurrency), before one they modify it ("113 externally found
 * vulnerabilities"), and they are never its head.
 */
const PARTICIPLES = new Set(['sent', 'seen', 'done', 'found', 'taught', 'thrown', 'made', 'taken', 'given', 'kept', 'held', 'built', 'sold',
  'lost', 'shown', 'grown', 'written', 'known', 'brought', 'bought', 'caught', 'spent']);

/** Whether `w` ends a phrase after its noun, as a participle does ("1,000 servers affected", "$5 million sent"). */
function isParticiple(w: string): boolean {
  return /(?:ed|ing)$/.test(w) || PARTICIPLES.has(w);
}

/** What "last" and "next" name when they say when: "last year", "next quarter", "last fiscal year". */
const LAST_WHAT = new Set(['year', 'month', 'week', 'quarter', 'decade', 'day', 'fiscal', 'financial', 'night', 'weekend', 'summer',
  'winter', 'spring', 'autumn', 'fall', 'time', 'season', 'semester', 'half']);

/** Head nouns of people-like populations, which "with … accounts" can qualify. */
const PEOPLE = new Set(['person', 'user', 'customer', 'subscriber', 'member', 'client', 'individual', 'holder', 'victim', 'patient']);

// A Map: looked up with every word of a phrase, fresh strings that a dictionary object looks up more slowly.
const IRREGULAR = new Map(Object.entries({
  people: 'person', persons: 'person', children: 'child', men: 'man', women: 'woman', data: 'data', media: 'media',
  criteria: 'criterion', news: 'news', series: 'series', staff: 'staff', analyses: 'analysis', indices: 'index',
  // Rates are their own singular: "1.2 Tbps" is no "tbp".
  bps: 'bps', kbps: 'kbps', mbps: 'mbps', gbps: 'gbps', tbps: 'tbps', rps: 'rps', pps: 'pps', mpps: 'mpps', fps: 'fps',
}));

/** The singular of an English noun, by a small rule set: customers → customer, companies → company, addresses → address. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR.get(w);
  if (irregular) return irregular;
  if (w.length > 4 && w.endsWith('ies') && !/[aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ous|ics)$/.test(w)) return w.slice(0, -1);
  return w;
}

function isPlural(lower: string): boolean {
  const irregular = IRREGULAR.get(lower);
  if (irregular && irregular !== lower) return true;
  return lower.length > 3 && lower.endsWith('s') && !/(?:ss|us|is|ous|ics|news|series)$/.test(lower);
}

/** The key figures are compared by: `subject|noun|qualifiers`, with `?` for what is unknown and qualifiers sorted. */
export function measureKey(subject: string | undefined, noun: string | undefined, qualifiers: string[]): string {
  return `${subject ?? '?'}|${noun ?? '?'}|${[...qualifiers].sort().join('+')}`;
}

// ---------------------------------------------------------------------------
// Mentions by sentence

/**
 * The mentions of each sentence, sorted by position. A mention whose
 * `sentence` index does not match its span is placed by its span instead.
 */
export function mentionsBySentence(sentences: SentenceRef[], mentions: Mention[]): Mention[][] {
  const out: Mention[][] = sentences.map(() => []);
  for (const m of mentions) {
    let si = m.sentence;
    const s = sentences[si];
    if (!s || m.span.start < s.span.start || m.span.end > s.span.end) si = locate(sentences, m.span.start);
    if (si >= 0 && m.span.end <= sentences[si].span.end) out[si].push(m);
  }
  for (const list of out) if (list.length > 1) list.sort((a, b) => a.span.start - b.span.start);
  return out;
}

function locate(sentences: SentenceRef[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid].span;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// Hedges

type HedgeClass = 'more' | 'just' | 'nearly' | 'upto' | 'about';

const HEDGE_CLASS = wordTable<HedgeClass>({
  'more than': 'more', 'well over': 'more', 'just over': 'just', 'slightly more than': 'just', over: 'more', above: 'more', 'at least': 'more',
  'upwards of': 'more', 'in excess of': 'more', 'greater than': 'more', '>': 'more', '>=': 'more', '≥': 'more',
  nearly: 'nearly', almost: 'nearly', 'close to': 'nearly', 'just under': 'nearly', 'just shy of': 'nearly',
  'up to': 'upto', 'as many as': 'upto', 'as much as': 'upto', 'less than': 'upto', 'fewer than': 'upto',
  under: 'upto', 'at most': 'upto', 'no more than': 'upto', 'not more than': 'upto',
  'no less than': 'more', 'not less than': 'more', 'no fewer than': 'more', 'not fewer than': 'more', '<': 'upto', '<=': 'upto', '≤': 'upto',
  about: 'about', approximately: 'about', 'approx.': 'about', around: 'about', roughly: 'about', some: 'about',
  'an estimated': 'about', estimated: 'about', circa: 'about', '~': 'about', '≈': 'about',
});
// The leftmost match wins, so "no more than" beats "more than", "no less than" (at least) "less than", and "just under" "under".
// The words of a hedge may stand two spaces apart as written ("more  than 50 million") or over a lone CR, a break the
// text as read keeps (`ReadText` makes a wrapped line's break one space). (Two at most: `\s+` there backtracks on
// "no no no …".)
const HEDGE_RE = /(?:^|[^A-Za-z])(no\s{1,2}more\s{1,2}than|not\s{1,2}more\s{1,2}than|no\s{1,2}less\s{1,2}than|not\s{1,2}less\s{1,2}than|no\s{1,2}fewer\s{1,2}than|not\s{1,2}fewer\s{1,2}than|slightly\s{1,2}more\s{1,2}than|more\s{1,2}than|well\s{1,2}over|just\s{1,2}over|over|above|at\s{1,2}least|upwards\s{1,2}of|in\s{1,2}excess\s{1,2}of|greater\s{1,2}than|nearly|almost|close\s{1,2}to|just\s{1,2}under|just\s{1,2}shy\s{1,2}of|up\s{1,2}to|as\s{1,2}many\s{1,2}as|as\s{1,2}much\s{1,2}as|less\s{1,2}than|fewer\s{1,2}than|under|at\s{1,2}most|about|approximately|approx\.|around|roughly|some|an\s{1,2}estimated|estimated|circa)\s+$/i;

function interval(cls: HedgeClass, v: number): [number, number] {
  switch (cls) {
    case 'more': return [v, v * 1.5];
    // "just over 40 million" is not 55 million.
    case 'just': return [v, v * 1.1];
    case 'nearly': return [v * 0.9, v];
    case 'upto': return [0, v];
    case 'about': return [v * 0.9, v * 1.1];
  }
}

/** "between $30 and $35 million", "30 to 35 million", "2 - 3 billion": the multiplier written once, after the second. */
const RANGE_JOIN_RE = /^\s*(?:and|to|[-–])\s*$/;
const RANGE_BEFORE_RE = /\bbetween\s+$/i;
const RANGE_SCALE_RE = /\s?(thousand|million|billion|trillion|bn|mn|[kmb])\b/i;
const RANGE_SCALES: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12 };

/**
 * The number at `i`, scaled as the next one is when the two make a range whose multiplier is written once after
 * the second: "between $30 and $35 million" is $30 million to $35 million ($30 read as $30 misled a card). Only a
 * number written in digits alone, of the next one's unit, joined by "to" or a spaced dash, or by "and" after
 * "between" ("2-3 billion", unspaced, is no figure at all: a chain of numbers).
 */
function scaledByNext(v: string, raws: readonly RawNumber[], i: number): RawNumber {
  const a = raws[i];
  const b = raws[i + 1];
  if (!b || a.spelled || b.spelled || a.unit !== b.unit || (a.unit !== 'count' && !MONEY.has(a.unit))) return a;
  const own = v.slice(a.start, a.end);
  if (/[A-Za-z]/.test(own.replace(/^(?:US|AU|CA|NZ|HK|S)?\$|^[A-Z]{3}\s?/, ''))) return a;
  const join = v.slice(a.end, b.start);
  if (!RANGE_JOIN_RE.test(join) || (/and/.test(join) && !RANGE_BEFORE_RE.test(v.slice(Math.max(0, a.start - 10), a.start)))) return a;
  const scale = RANGE_SCALE_RE.exec(v.slice(b.start, b.end));
  const f = scale ? RANGE_SCALES[scale[1].toLowerCase()] : undefined;
  if (f === undefined || a.value * f > b.value) return a;
  return { ...a, value: a.value * f, half: a.half * f };
}

/**
 * The number that ends a range opened by `a` ("$193 million to $195 million", "between 1,000 and 2,000", "10% - 15%"),
 * when `b` is one: digits, the same unit (a count, a sum, a size or a share), larger, joined by "to" or a spaced dash,
 * or by "and" after "between" (`scaled`: `a` took `b`'s multiplier, "between $30 and $35 million"). Not after "from":
 * "rose from 982 to 11,554" is a change, two figures.
 */
function rangeEnd(v: string, a: RawNumber, b: RawNumber | undefined, scaled: boolean): RawNumber | undefined {
  if (!b || a.spelled || b.spelled || a.symbol || b.symbol || a.unit !== b.unit || !(a.unit === 'count' || a.unit === 'bytes' || a.unit === 'percent' || MONEY.has(a.unit))) return undefined;
  if (!(a.value < b.value)) return undefined;
  // "fell 50 to 40 million": a small number the second's multiplier does not scale is no bound of it.
  if (!scaled && a.value < 1000 && RANGE_SCALE_RE.test(v.slice(b.start, b.end)) && !RANGE_SCALE_RE.test(v.slice(a.start, a.end))) return undefined;
  const join = v.slice(a.end, b.start);
  if (!RANGE_JOIN_RE.test(join) || (/-|–/.test(join) && !/\s/.test(join))) return undefined;
  const before = v.slice(Math.max(0, a.start - 48), a.start);
  if (/and/.test(join) ? !RANGE_BEFORE_RE.test(before) : changeBefore(before)) return undefined;
  return b;
}

const BETWEEN_BEFORE_RE = /between\s+$/i;

/**
 * Whether the words before a number say a change follows, not a range: "from $5 million to …", "from just over 1,000
 * to …", "up by 2.4 million to 23.4 million", "went down by 1,061 to 3,927" (one of the last four words).
 */
function changeBefore(before: string): boolean {
  const words = before.trimEnd().split(/\s+/);
  return words.slice(-4).some((w) => CHANGE_WORDS.has(w.toLowerCase()));
}
const CHANGE_WORDS = new Set([
  'from', 'by', 'up', 'down', 'rose', 'risen', 'rising', 'fell', 'fallen', 'falling', 'increased', 'decreased', 'grew',
  'grown', 'dropped', 'jumped', 'climbed', 'surged', 'soared', 'declined', 'plunged', 'doubled', 'tripled', 'reduced', 'raised', 'cut',
]);

/** Rounds away float noise from the hedge arithmetic (55000000.00000001 → 55000000). */
function tidy(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x - r) <= Math.abs(x) * 1e-12) return r;
  return Number(x.toPrecision(12));
}

// ---------------------------------------------------------------------------
// Noun phrases

interface Word {
  text: string;
  /** Lower case, straight apostrophes, possessive removed. */
  base: string;
  start: number;
  end: number;
  mention?: Mention;
  possessive: boolean;
  caps: boolean;
}

interface Phrase {
  words: Word[];
  /** Offset just past the last word read. */
  end: number;
}

const WORD_RE = /[A-Za-z\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f&]|[-.’'](?=[A-Za-z]))*(?:[-‐](?=\s))?(?:[’']s\b|[’'](?![A-Za-z]))?/y;
// A slash between capitalised words joins names inside a phrase: "REvil/GandCrab ransomware affiliates", "SSL/TLS certificates".
const LEAD_RE = /(?:[\s“”"‘]|'(?=[a-z])|(?<=\b[A-Z]\w*)\/(?=[A-Z]))*/y;

/** A mention with offsets relative to its sentence. */
interface LocalMention {
  m: Mention;
  start: number;
  end: number;
}

/**
 * The mentions of one sentence, offsets relative to it, sorted by start,
 * with lookups by start and by end so that reading a word costs the same
 * however many names the sentence holds.
 */
interface Locals {
  list: LocalMention[];
  byStart: Map<number, LocalMention>;
  byEnd: Map<number, LocalMention>;
  /** Ends of the sentence's "number of" / "total of" phrases, found when first needed. */
  lookBack?: number[];
}

function localsOf(ms: Mention[], offset: number): Locals {
  const list: LocalMention[] = ms.map((m) => ({ m, start: m.span.start - offset, end: m.span.end - offset }));
  const byStart = new Map<number, LocalMention>();
  const byEnd = new Map<number, LocalMention>();
  for (const l of list) {
    if (!byStart.has(l.start)) byStart.set(l.start, l);
    if (!byEnd.has(l.end)) byEnd.set(l.end, l);
  }
  return { list, byStart, byEnd };
}

/**
 * Counts a story makes in passing, not of its subject: "three methods", "two
 * vulnerabilities" in a sentence that names no one are no one's in
 * particular, so the article's subject does not stand in for their owner.
 */
const INCIDENTAL_NOUNS = new Set([
  'method', 'way', 'vulnerability', 'bug', 'flaw', 'version', 'variant', 'technique', 'tactic', 'step', 'thing', 'reason',
  'type', 'kind', 'point', 'word', 'pick', 'approach', 'tool', 'feature', 'option', 'part', 'phase', 'category', 'family',
  'theory', 'rule', 'module', 'command', 'cluster', 'channel', 'character', 'digit', 'factor', 'question', 'answer', 'example',
  'idea', 'lesson', 'tip', 'trend', 'takeaway', 'prediction', 'recommendation', 'practice', 'stage', 'level', 'layer', 'round',
  'decade', 'century', 'generation', 'iteration', 'component', 'plugin', 'extension', 'library', 'package', 'sample', 'strain',
  'cve', 'issue', 'rce', 'screenshot', 'formula', 'shell', 'event',
  // Measures of the physical world: "103 degrees", "within 15 miles of land".
  'degree', 'mile', 'kilometer', 'kilometre', 'meter', 'metre', 'foot', 'feet', 'inch', 'tonne', 'kilogram',
  // What a survey, a trend or a clock counts, and the world at large (an audit of 150 real figures found the article's
  // subject standing in for no one's "1,000 respondents", "a 68% increase", "29 seconds", "61 countries").
  'respondent', 'leader', 'executive', 'increase', 'rise', 'growth', 'spike', 'jump', 'decline', 'second', 'sec', 'ms',
  'quarter', 'period', 'course', 'report', 'form', 'page', 'function', 'parameter', 'occasion',
  'principle', 'language', 'sentence', 'figure', 'series', 'setting', 'strategy', 'priority', 'requirement', 'value', 'problem',
  'vector', 'trial', 'vote', 'industry', 'sector', 'market', 'country', 'state', 'american', 'brazilian', 'australian', 'man', 'woman',
  'troop', 'prisoner',
]);

/** Cryptocurrencies, which the entity extractor finds as names (see `PRODUCTS`). */
const CURRENCY_KEYS = new Set(['bitcoin', 'ethereum', 'ether', 'litecoin', 'monero', 'dogecoin']);

function readWord(v: string, at: number, ms: Locals): Word | undefined {
  // Most words start right there or after one space: `LEAD_RE` skips nothing more then, and is not run.
  const c0 = code(v, at);
  let i: number;
  if (isAsciiLetter(c0)) i = at;
  else if (c0 === 32 && isAsciiLetter(code(v, at + 1))) i = at + 1;
  else {
    LEAD_RE.lastIndex = at;
    LEAD_RE.exec(v);
    i = LEAD_RE.lastIndex;
  }
  const lm = ms.byStart.get(i);
  // "6,363 Litecoin", "407 Ethereum": a currency named after a figure is what it counts, not whose it is.
  if (lm && !CURRENCY_KEYS.has(lm.m.key)) {
    let end = Math.min(lm.end, v.length);
    const poss = /^[’']s\b/.exec(v.slice(end, end + 3));
    if (poss) end += 2;
    return { text: v.slice(i, end), base: lm.m.key, start: i, end, mention: lm.m, possessive: Boolean(poss), caps: true };
  }
  WORD_RE.lastIndex = i;
  const w = WORD_RE.exec(v);
  if (!w) return undefined;
  const text = w[0];
  // The possessive and the base by the last characters: three replacements per word were a hot spot.
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  const possessive = isApostrophe(last) || (last === 115 /* s */ && n > 1 && isApostrophe(text.charCodeAt(n - 2)));
  let base = text.toLowerCase();
  if (base.includes('’')) base = base.replace(/’/g, "'");
  // What `/'s?$/` and then `/-$/` take off.
  const b = base.length;
  if (base.charCodeAt(b - 1) === 39) base = base.slice(0, -1);
  else if (b > 1 && base.charCodeAt(b - 1) === 115 && base.charCodeAt(b - 2) === 39) base = base.slice(0, -2);
  if (base.length > 0 && base.charCodeAt(base.length - 1) === 45) base = base.slice(0, -1);
  const c = text.charCodeAt(0);
  return { text, base, start: i, end: i + n, possessive, caps: c >= 65 && c <= 90 };
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/**
 * The noun phrase from `at`: up to six words, ending at punctuation, a
 * function word, an adverb, a month, a participle (-ed, -ing) after a noun, a possessive
 * ("users’") or a plural noun (the head of an English noun phrase comes last).
 * "former or prospective customers" reads through the "or".
 */
function readPhrase(v: string, at: number, limit: number, ms: Locals): Phrase {
  const words: Word[] = [];
  let end = at;
  // Reading on to a head already found after a comma, a conjunction or an adverb ("non-binding norms"): a participle there is the head's modifier.
  let through = false;
  while (words.length < 6) {
    const w = readWord(v, end, ms);
    if (!w || w.start >= limit) break;
    // "900,000 more customers", "2 million other users": the count is of customers, users.
    if (!words.length && !w.mention && (w.base === 'more' || w.base === 'other' || w.base === 'further')) { end = w.end; continue; }
    if (!w.mention) {
      const allCapsQualifier = /^[A-Z.]+$/.test(w.text) && QUALIFIERS.has(w.base.replace(/\.$/, ''));
      if (!allCapsQualifier) {
        // "41 percent believe …", "that 15 came from …": a verb ends the phrase (before it was the head).
        if (VERBS.has(w.base)) break;
        // "$30 million last year", "a €35.2 million fine last year": when, not what (the year was the noun).
        if ((w.base === 'last' || w.base === 'next') && LAST_WHAT.has(readWord(v, w.end, ms)?.base ?? '')) break;
        // "The $2.8 billion doesn't even …": a verb's contraction ends the phrase.
        if (STOP_WORDS.has(w.base) || w.base.endsWith("n't")) {
          const last = words[words.length - 1];
          if ((w.base === 'or' || w.base === 'and') && last && !last.mention && QUALIFIERS.has(last.base)) { end = w.end; continue; }
          // "3.1 million payment and virtual gift cards": a noun used as a modifier, joined to a phrase that ends on its head.
          if ((w.base === 'or' || w.base === 'and') && last && !last.mention && !last.possessive && joinsHead(v, w.end, limit, ms)) { end = w.end; through = true; continue; }
          break;
        }
        // "3,000 recently patched servers", "17 well known businesses" read on to its head; "5,000 annually" ends.
        if ((/ly$/.test(w.base) || w.base === 'well') && !QUALIFIERS.has(w.base)) {
          if (!joinsHead(v, w.end, limit, ms)) break;
          end = w.end;
          through = true;
          continue;
        }
        if (w.caps && monthOf(w.base) !== undefined && w.base.length > 2) break;
        // "1,000 servers affected", "100,000 IPs using the same certificate": a participle after the noun ends the phrase.
        if (!through && isParticiple(w.base) && words.some((x) => !x.mention && !QUALIFIERS.has(x.base) && !IGNORABLE.has(x.base) && !ADJECTIVES.has(x.base) && !PARTICIPLES.has(x.base))) break;
      }
    }
    words.push(w);
    end = w.end;
    // "two remote code execution (RCE) bugs": an acronym in brackets spells the words before it.
    // Only after a "(" one space on (nearly never): a slice and a regex per word otherwise.
    const acronym = code(v, end + 1) === 40 ? /^\s\([A-Z][A-Za-z0-9]{1,7}\)(?=\s+[A-Za-z])/.exec(v.slice(end, end + 12)) : null;
    if (acronym) end += acronym[0].length;
    if (w.mention) continue;
    if (w.possessive) break;
    // "50 million current, former and prospective customers": qualifiers listed with commas; "11 voluntary,
    // non-binding norms": adjectives too, when a head follows.
    if (code(v, end) === 44 /* , */ && !isPlural(w.base)) {
      const n = readWord(v, end + 1, ms);
      if (n && !n.mention && ((QUALIFIERS.has(w.base) && QUALIFIERS.has(n.base)) || joinsHead(v, end + 1, limit, ms))) { end = end + 1; through = true; continue; }
    }
    // "DDoS attacks": a name ending in a capital S is no plural. "180 human rights activists", "20 savings accounts":
    // a plural that modifies the noun after it reads on (the activists were "rights" in 9 real figures).
    if (isPlural(w.base) && !QUALIFIERS.has(w.base) && !IGNORABLE.has(w.base) && !endsInCapitalS(w.text)) {
      if (PLURAL_MODIFIERS.has(w.base)) {
        const n = readWord(v, end, ms);
        // Only into a plural noun ("12 games sold out" counts games).
        if (n && n.start < limit && !n.mention && /^[a-z]/.test(n.text) && !STOP_WORDS.has(n.base) && isPlural(n.base) && !/(?:ed|ing|ly)$/.test(n.base)) continue;
      }
      break;
    }
  }
  return { words, end };
}

/** Plurals that modify a noun after them: "human rights activists", "sales staff", "news outlets", "savings accounts". */
const PLURAL_MODIFIERS = new Set(['rights', 'sales', 'news', 'arms', 'sports', 'savings', 'goods', 'customs', 'securities', 'games', 'communications']);

/**
 * Whether the words from `at` (after "and", "or") are a noun phrase of two
 * to four words that ends on a plural common noun: the head that the words
 * before the conjunction modify too.
 */
function joinsHead(v: string, at: number, limit: number, ms: Locals): boolean {
  let pos = at;
  for (let n = 0; n < 4; n++) {
    const w = readWord(v, pos, ms);
    if (!w || w.start >= limit || w.mention || STOP_WORDS.has(w.base)) return false;
    // Two words at least ("payment and virtual gift cards"): "500 staff and offices" are two things.
    if (isPlural(w.base) && !QUALIFIERS.has(w.base) && !IGNORABLE.has(w.base) && /^[a-z]/.test(w.text)) return n > 0;
    if (w.possessive) return false;
    if (v.charCodeAt(w.end) === 44 /* , */) return false;
    pos = w.end;
  }
  return false;
}

/** Words after a figure that say where, when or why, not what: "65 feet away", "$37.5 million due to", "$430 spent". */
const NOT_HEADS = new Set(['due', 'away', 'prior', 'higher', 'lower', 'worldwide', 'spent', 'x', 'later', 'earlier', 'ago', 'apart', 'others']);

/** The head of a phrase: its last word that is a common noun, not a name, a qualifier or an adjective. */
function headOf(words: Word[]): Word | undefined {
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k];
    if (w.mention || QUALIFIERS.has(w.base) || IGNORABLE.has(w.base) || NOT_HEADS.has(w.base) || ADJECTIVES.has(w.base)) continue;
    if (/(?:ed|ly)$/.test(w.base) || PARTICIPLES.has(w.base) || !/^[a-z]/.test(w.base)) continue;
    if (w.caps && /^[A-Z.]+$/.test(w.text) && w.text.length <= 3 && k < words.length - 1) continue;
    // "the $110 Air Jordan Retro sneakers": a capital before a name or another capital starts a name, no head.
    if (w.caps && k < words.length - 1 && (words[k + 1].mention || words[k + 1].caps)) continue;
    return w;
  }
  return undefined;
}

/** The singular noun a head word names; an acronym's plural ("VMs", "SSNs") drops its "s". */
function endsInCapitalS(text: string): boolean {
  return text.length > 1 && text.charCodeAt(text.length - 1) === 83 /* S */;
}

function nounOf(head: Word): string {
  if (endsInCapitalS(head.text)) return head.base;
  if (/^[A-Z]{2,}s(?:[’']s?)?$/.test(head.text)) return head.text.replace(/s(?:[’']s?)?$/, '').toLowerCase();
  const noun = singular(head.base);
  return NOUN_FORMS.get(noun) ?? noun;
}

/**
 * One thing under two names: a bounty offered is a reward, one outlet's "$10 million bounty" another's "reward"; Google's
 * "$10 billion pledge" is the "$10 billion" it "committed" in another.
 */
const NOUN_FORMS = new Map([['bounty', 'reward'], ['pledge', 'commitment']]);

/**
 * Words before a head that say which kind of it is counted: "two zero-day
 * flaws" are not the month's 35 flaws, nor "304.6 million ransomware
 * attempts" the 5.6 billion malware ones. Kept as qualifiers, but unlike
 * `QUALIFIERS` never skipped as a head ("Six zero-days" counts zero-days).
 */
const KIND_MODIFIERS = new Set([
  'zero-day', '0-day', 'critical', 'high-severity', 'medium-severity', 'low-severity', 'severe', 'ransomware', 'malware',
  'cryptojacking', 'cryptomining', 'unpatched', 'exploitable', 'passwordless', 'rce', 'ddos', 'brute-force',
]);

/** People and groups a kind word only describes: "ransomware affiliates" are the affiliates, "ransomware victims" the victims. */
const AGENTS = new Set([...PEOPLE, 'affiliate', 'operator', 'actor', 'gang', 'group', 'hacker', 'attacker', 'criminal', 'crew', 'suspect', 'developer', 'organization', 'organisation', 'company', 'business', 'firm']);

/** Qualifiers written two ways: "past or prospective customers" are the "former or prospective" ones. */
const QUALIFIER_FORMS = new Map([['u.s', 'us'], ['past', 'former']]);
/** The words a sentence may write a qualifier with (`QUALIFIER_FORMS` the other way): "past" for "former". */
const WRITTEN_FORMS = new Map<string, string[]>();
for (const [w, q] of QUALIFIER_FORMS) if (/^\p{L}+$/u.test(w)) WRITTEN_FORMS.set(q, [...(WRITTEN_FORMS.get(q) ?? []), w]);

function qualifiersOf(words: Word[], head: Word | undefined): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (w === head) break;
    // A name is a qualifier only when it is one of the words ("US customers", "U.S. users").
    const q = (w.mention ? w.text.toLowerCase().replace(/[’']s$/, '') : w.base).replace(/\.$/, '');
    if (QUALIFIERS.has(q) || (KIND_MODIFIERS.has(q) && !(head && AGENTS.has(singular(head.base))))) out.push(QUALIFIER_FORMS.get(q) ?? q);
  }
  return out;
}

/** What a figure measures, as read from the text around it. */
interface Measured {
  noun?: string;
  nounSpan?: Span;
  qualifiers: string[];
  /** Mentions inside the phrase read. */
  inside: Mention[];
  /** Said of no one in particular: a sum stolen "from DeFi platforms", from hacks in general. */
  general?: boolean;
  /** "6,000 of its customers": a part of what belongs to whom the sentence names before the figure. */
  theirs?: boolean;
}

const DETERMINER = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'these', 'those', 'all', 'this', 'that']);

/** After "of": one determiner and one possessive are skipped ("100 of the company’s servers"). */
function afterOf(v: string, at: number, ms: Locals): number {
  let pos = at;
  let w = readWord(v, pos, ms);
  if (w && !w.mention && DETERMINER.has(w.base)) { pos = w.end; w = readWord(v, pos, ms); }
  if (w && w.possessive) pos = w.end;
  return pos;
}

/** Words in -ing that name a mass of something ("$5 million funding"), not what some of a number do. */
const ING_NOUNS = new Set(['funding', 'shipping', 'spending', 'financing', 'pricing', 'licensing', 'billing', 'advertising', 'marketing',
  'training', 'consulting', 'banking', 'computing', 'phishing', 'hosting', 'clothing', 'housing', 'lending', 'gambling', 'trading']);

function measureAfter(v: string, r: RawNumber, ms: Locals, offset: number): Measured {
  let phrase = readPhrase(v, r.end, v.length, ms);
  // "with 36% saying they …", "55 days recovering from …": what some of them do, not what they are.
  const first = phrase.words[0];
  if (first && !first.mention && first.base.endsWith('ing') && !ING_NOUNS.has(first.base) && headOf(phrase.words) === first) phrase = { words: [], end: r.end };
  let next = readWord(v, phrase.end, ms);
  // "100 of the company’s servers", "57% of customers", "106GB of data" (but not "two years of protection").
  let theirs = false;
  if (!phrase.words.length && next?.base === 'of' && (r.unit === 'count' || r.unit === 'percent' || r.unit === 'bytes')) {
    const det = readWord(v, next.end, ms);
    theirs = det !== undefined && !det.mention && (det.base === 'its' || det.base === 'their');
    phrase = readPhrase(v, afterOf(v, next.end, ms), v.length, ms);
    next = readWord(v, phrase.end, ms);
  }
  let words = phrase.words;
  let head = headOf(words);
  // "a $3.2m ransom payment", "a $40 million ransom demand" are the ransom.
  if (head && (head.base === 'payment' || head.base === 'payments' || head.base === 'demand' || head.base === 'demands')) {
    const k = words.indexOf(head);
    if (k > 0 && words[k - 1].base === 'ransom') head = words[k - 1];
  }
  // "a 455,000 user base", "its 2 million customer base": the people of the base are counted.
  if (head && (head.base === 'base' || head.base === 'bases')) {
    const k = words.indexOf(head);
    if (k > 0 && PEOPLE.has(singular(words[k - 1].base))) head = words[k - 1];
  }
  // "increased 64 percent year over year": a growth rate, which counts nothing.
  if (head && PERIOD_ON_PERIOD_RE.test(head.base) && (head.base.includes('-') || PERIOD_AGAIN_RE.test(v.slice(head.end, head.end + 16)))) head = undefined;
  const qualifiers = qualifiersOf(words, head);
  const inside = words.filter((w) => w.mention).map((w) => w.mention!);
  // "667,000 accounts of former T-Mobile customers": an account is one customer; "$34.65 million worth of cash" is cash.
  if (head && (singular(head.base) === 'account' || (head.base === 'worth' && words.length === 1)) && next?.base === 'of') {
    const of = readPhrase(v, afterOf(v, next.end, ms), v.length, ms);
    const h = headOf(of.words);
    if (h) {
      qualifiers.push(...qualifiersOf(of.words, h));
      inside.push(...of.words.filter((w) => w.mention).map((w) => w.mention!));
      words = of.words;
      head = h;
      next = readWord(v, of.end, ms);
    }
  }
  // "52,000 people with Metro by T-Mobile accounts": the brand and the account type qualify the people.
  if (head && next?.base === 'with' && PEOPLE.has(singular(head.base))) withAccounts(v, next.end, ms, qualifiers, inside);
  // "About 200 accounts linked to Cobwebs", "400 accounts run by BellTroX": whose they are splits the population.
  if (head && next) linkedTo(v, next, ms, qualifiers);
  // "$7.7 billion worth of cryptocurrency", "$5 million bitcoin": what form a sum is in is not what it is (a theft,
  // a ransom, laundered money); the cryptocurrency of one story is not another's.
  if (head && MONEY.has(r.unit) && ASSET_NOUNS.has(nounOf(head))) return { qualifiers, inside };
  // "a 125GB torrent", "the 128 GB trove", "a 2TB archive": what holds the data is not what is measured.
  if (head && r.unit === 'bytes' && DATA_CONTAINERS.has(nounOf(head))) return { noun: 'data', nounSpan: undefined, qualifiers, inside };
  return {
    ...(theirs ? { theirs } : {}),
    noun: head ? nounOf(head) : undefined,
    nounSpan: head ? { start: offset + head.start, end: offset + head.end - (head.possessive ? (head.text.endsWith('s') && /[’']s$/.test(head.text) ? 2 : 1) : 0) } : undefined,
    qualifiers,
    inside,
  };
}

/** Between a place and its figure: "Florida, which saw", "New York had", "Idaho saw". */
const PLACE_SAW_RE = /^(?:,\s+which)?\s+(?:saw|had|has|recorded|reported|logged|experienced|accounted for|suffered)\s+(?:(?:about|around|nearly|almost|more than|over|some|roughly|at least)\s+)?$/i;

/**
 * Between a place, region or sector and the figure of its clause: "Latin America, with 1,118 attacks weekly", "with
 * India seeing 147.2 million malware attempts", "Africa experienced the highest volume of attacks last year, with an
 * average of 1,582 weekly attacks", "California was second with 18 attacks", "In the United States with 404 requests".
 * The name must open the clause (`opensClause`): "[Costco is …] fourth largest in the US, with 810 stores" does not.
 */
const BREAKDOWN_GAP_RE = /^(?:,?\s+with|\s+(?:seeing|having|recording|experiencing|suffering|logging|accounting\s+for)|\s+(?:that\s+|which\s+)?(?:has\s+|had\s+)?(?:saw|had|experienced|suffered|recorded|led|was|ranked|came|topped)\s[^.;:()]{0,60}?\s+with)\s+(?:(?:an\s+average|a\s+total|a\s+new\s+high|a\s+high)\s+of\s+)?$/i;

/** "New South Wales had 860 reports for AU$20.6 million in losses": the sum the place's count came to is the place's too. */
const PLACE_SUM_RE = /^(?:,\s+which)?\s+(?:saw|had|recorded|reported|logged|made|filed)\s+[\d,.]+(?:\s+[a-z]+){1,2}\s+(?:for|worth|totalling|totaling|costing)\s+$/i;

/** Words that open a clause just before a name: "; Europe, with 670", "with India seeing", "followed by Canada with 110". */
const CLAUSE_OPENERS = new Set(['and', 'with', 'while', 'whereas', 'but', 'by']);

/**
 * Whether the name starting at `at` opens its clause: the sentence opens on it ("Africa experienced …", "In the
 * United States with 404 requests", "For Australia with …"), or a semicolon, a colon, a dash, "and", "with", "while"
 * or "followed by" stands before it (a "the" and a "then" between: "and then Taiwan with 397").
 */
function opensClause(v: string, at: number): boolean {
  let w = wordBefore(v, at);
  if (w.word.toLowerCase() === 'the') w = wordBefore(v, w.start);
  if (w.word.toLowerCase() === 'then') w = wordBefore(v, w.start);
  const lower = w.word.toLowerCase();
  // "attacks -- Europe, with 670": a dash of two hyphens is read as a word.
  if (lower === '--') return true;
  if (!lower) {
    // A mark before: the sentence's opening (Markdown only before), or a semicolon, a colon, a dash.
    let k = w.start;
    while (k > 0 && v.charCodeAt(k - 1) === 32) k--;
    const c = v[k - 1];
    return k === 0 || c === ';' || c === ':' || c === '\u2014' || c === '\u2013' || (c === '-' && v[k - 2] === '-') || (k <= 4 && !/[A-Za-z0-9]/.test(v.slice(0, k)));
  }
  if ((lower === 'in' || lower === 'for') && !/[A-Za-z0-9]/.test(v.slice(0, w.start))) return true;
  if (!CLAUSE_OPENERS.has(lower)) return false;
  // "operates in Germany and France, with 4,500 employees": a name listed after another name opens nothing.
  if (lower === 'and' && /^[A-Z]/.test(wordBefore(v, w.start).word)) return false;
  return lower !== 'by' || wordBefore(v, w.start).word.toLowerCase() === 'followed';
}

/**
 * A family or strain and the figure it accounts for: "Ryuk alone accounted for 93.9 million attempts", "researchers
 * also saw Cerber used in 52.5 million recorded hits" (a part of the report's total of ransomware attempts).
 */
const FAMILY_GAP_RE = /^\s+(?:alone\s+)?(?:accounted\s+for|(?:was\s+)?used\s+in)\s+$/i;

/** What a report counts of a family or strain: "93.9 million instances of Ryuk", "2 million detections of Emotet". */
const FAMILY_COUNTED = new Set(['instance', 'hit', 'detection', 'sample', 'infection', 'attempt', 'attack']);
const OF_RE = /^\s{1,2}of\s{1,2}/;

/** The family or strain (a name of kind other) right after "of" at `at`, the end of a figure's noun, when one is. */
function familyAfter(v: string, at: number, ms: Locals, kindOf: (key: string) => EntityKind | undefined): string | undefined {
  const of = OF_RE.exec(v.slice(at, at + 6));
  const l = of ? ms.byStart.get(at + of[0].length) : undefined;
  return l && kindOf(l.m.key) === 'other' ? l.m.key : undefined;
}

/** A sector, an industry, or two sectors written as one with a slash: "the finance sector", "education/research". */
const SECTOR_RE = /\b(?:sector|industry|vertical)\b|\b[A-Za-z][a-z]+\/[a-z]+\b/g;
/** "education/research was the sector that …": the sector named before the word "sector", if one is. */
function sectorNamed(v: string, at: number): string | undefined {
  const the = wordBefore(v, at);
  if (the.word !== 'the') return undefined;
  const was = wordBefore(v, the.start);
  if (was.word !== 'was' && was.word !== 'is') return undefined;
  const name = wordBefore(v, was.start);
  if (!name.word || was.start - (name.start + name.word.length) !== 1) return undefined;
  // A slash compound reads back over its slash: "government/military".
  const first = name.start > 0 && v[name.start - 1] === '/' ? wordBefore(v, name.start - 1) : undefined;
  return (first?.word && first.start + first.word.length === name.start - 1 ? `${first.word}/${name.word}` : name.word).toLowerCase();
}

/**
 * What the figure starting at `start` is a breakdown of, when the sentence gives it a place, a region, a sector or a
 * malware family of its own: a qualifier that keeps "Germany seeing 150.4 million malware attempts" apart from the
 * report's 2.5 billion, and the education sector's 1,605 weekly attacks from the 925 of all organisations. Only the
 * nearest name before the figure is asked, within a few words. "N … in X" is not read: there X is far more often
 * where the owner is ("T-Mobile's 7.8 million customers in the US", "79,388 of its mobile subscribers in Singapore")
 * than a part of a total.
 */
function breakdownBefore(v: string, start: number, ms: Locals, kindOf: (key: string) => EntityKind | undefined, money: boolean): string | undefined {
  // A sector named in the words before: "the finance sector, which accounted for 57 notifications", "the
  // communications industry, with 1,079 attacks weekly", "government/military, which saw 1,136 attacks per week".
  const from = Math.max(0, start - 100);
  const window = v.slice(from, start);
  let sector: RegExpExecArray | undefined;
  SECTOR_RE.lastIndex = 0;
  for (let m = SECTOR_RE.exec(window); m; m = SECTOR_RE.exec(window)) sector = m;
  let nearest: LocalMention | undefined;
  for (let k = ms.list.length - 1; k >= 0; k--) {
    const l = ms.list[k];
    if (l.end > start) continue;
    if (start - l.end <= 100) nearest = l;
    break;
  }
  if (sector && (!nearest || from + sector.index >= nearest.end)) {
    const end = from + sector.index + sector[0].length;
    const gap = v.slice(end, start);
    // The sector must open its clause, as a place must: "Acme Corp, the largest player in the retail industry with 1,200
    // stores" counts Acme's stores, not the industry's share of a total.
    if ((PLACE_SAW_RE.test(gap) || BREAKDOWN_GAP_RE.test(gap)) && sectorOpens(v, from + sector.index)) {
      if (sector[0].includes('/')) return sector[0].toLowerCase();
      const named = sectorNamed(v, from + sector.index);
      if (named) return named;
      const words: string[] = [];
      let at = from + sector.index;
      for (let n = 0; n < 3; n++) {
        const w = wordBefore(v, at);
        const lower = w.word.toLowerCase();
        if (!w.word || w.word !== lower || (STOP_WORDS.has(lower) && lower !== 'and') || DETERMINER.has(lower)) break;
        words.unshift(lower);
        at = w.start;
      }
      if (words[0] === 'and') words.shift();
      return words.length ? `${words.join(' ')} ${sector[0]}` : undefined;
    }
  }
  if (!nearest) return undefined;
  const gap = v.slice(nearest.end, start);
  const kind = kindOf(nearest.m.key);
  if (kind === 'place') {
    // "Florida, which saw 111.1 million ransomware attempts", "New York had 26.4 million": a place's share of a count.
    if (start - nearest.end <= 40 && PLACE_SAW_RE.test(gap)) return nearest.m.key;
    if (money && PLACE_SUM_RE.test(gap)) return nearest.m.key;
    if (BREAKDOWN_GAP_RE.test(gap) && opensClause(v, nearest.start)) return nearest.m.key;
  } else if (kind === 'other' && FAMILY_GAP_RE.test(gap)) return nearest.m.key;
  return undefined;
}

/** Whether the sector phrase whose head starts at `at` opens its clause, its modifiers ("the healthcare and education") aside. */
function sectorOpens(v: string, at: number): boolean {
  for (let n = 0; n < 4; n++) {
    const w = wordBefore(v, at);
    const lower = w.word.toLowerCase();
    if (!w.word || w.word !== lower || lower === 'the' || CLAUSE_OPENERS.has(lower) || STOP_WORDS.has(lower)) break;
    at = w.start;
  }
  // Or it is what a clause's subject is: "The second most picked-on sector was government/military, which saw …".
  let before = wordBefore(v, at);
  if (before.word.toLowerCase() === 'the') before = wordBefore(v, before.start);
  const verb = before.word.toLowerCase();
  return verb === 'was' || verb === 'is' || verb === 'were' || verb === 'are' || opensClause(v, at);
}

/** The qualifier of a running count: "10 zero-days so far this year", "12 zero-days since the beginning of 2021". */
export const SO_FAR = 'so-far';
const SO_FAR_RE = /\b(?:so far (?:this year|in 20\d\d)|this year so far|since the (?:beginning|start) of (?:the year|20\d\d)|year[- ]to[- ]date|(?:for|in|during) the year so far|to date this year)\b/i;

/** Whether the clause after a figure says it is a running count of the year. */
function soFar(v: string, end: number): boolean {
  const rest = v.slice(end, end + 100);
  const stop = rest.search(/[.;:!?]/);
  return SO_FAR_RE.test(stop < 0 ? rest : rest.slice(0, stop));
}

/** What a sum of money is held in. */
const ASSET_NOUNS = new Set(['cryptocurrency', 'crypto', 'crypto-asset', 'cryptoasset', 'bitcoin', 'ether', 'ethereum', 'token', 'coin', 'asset',
  'fund', 'cash', 'money', 'stablecoin', 'currency', 'digital asset', 'monero', 'usdt', 'usdc']);

/** What a leak's bytes come in, said of the data itself: its size is the data's. */
const DATA_CONTAINERS = new Set(['torrent', 'trove', 'file', 'archive', 'dump', 'cache', 'leak', 'dataset', 'database', 'stash', 'haul',
  'collection', 'batch', 'sample', 'folder', 'zip', 'package', 'tranche', 'trove', 'download', 'upload', 'information', 'datum']);

const PERIOD_ON_PERIOD_RE = /^(year|month|quarter|week)(?:-(?:over|on)-\1)?$/;
const PERIOD_AGAIN_RE = /^\s+(?:over|on)\s+(?:the\s+)?(?:year|month|quarter|week)\b/i;

const LINKED = new Set(['linked', 'tied', 'connected', 'associated', 'belonging', 'attributed']);
const RUN_BY = new Set(['operated', 'run', 'controlled', 'owned', 'used']);

function linkedTo(v: string, verb: Word, ms: Locals, qualifiers: string[]): void {
  const linked = LINKED.has(verb.base);
  if (!linked && !RUN_BY.has(verb.base)) return;
  const prep = readWord(v, verb.end, ms);
  if (!prep || (linked ? prep.base !== 'to' && prep.base !== 'with' : prep.base !== 'by')) return;
  // The group, company or government the population belongs to: a name ("the Indian firm BellTroX"), else a capitalised word.
  let pos = prep.end;
  let capital: string | undefined;
  for (let n = 0; n < 4; n++) {
    const w = readWord(v, pos, ms);
    if (!w) break;
    pos = w.end;
    if (w.mention) {
      qualifiers.push(w.mention.key);
      return;
    }
    if (STOP_WORDS.has(w.base)) break;
    if (w.caps) capital ??= w.base;
  }
  if (capital) qualifiers.push(capital);
}

function withAccounts(v: string, at: number, ms: Locals, qualifiers: string[], inside: Mention[]): void {
  const found: string[] = [];
  const names: Mention[] = [];
  let pos = at;
  for (let n = 0; n < 6; n++) {
    const w = readWord(v, pos, ms);
    if (!w) return;
    pos = w.end;
    if (w.mention) { names.push(w.mention); continue; }
    if (w.base === 'account' || w.base === 'accounts') {
      qualifiers.push(...found);
      inside.push(...names);
      return;
    }
    if (QUALIFIERS.has(w.base)) found.push(w.base);
    else if (w.caps && !STOP_WORDS.has(w.base)) found.push(w.base);
    else if (!['by', 'from', 'of', 'an', 'a', 'their'].includes(w.base)) return;
  }
}

/** "the total number of ripped-off records to be ~40 million": the noun stands before the figure. */
const LOOK_BACK_RE = /\b(?:total\s+number|number|total)\s+of\s+/gi;

function measureBefore(v: string, start: number, ms: Locals, offset: number): Measured | undefined {
  // The phrases are found once per sentence; each figure takes the last one before it.
  if (!ms.lookBack) {
    ms.lookBack = [];
    const re = LOOK_BACK_RE;
    re.lastIndex = 0;
    for (let m = re.exec(v); m; m = re.exec(v)) ms.lookBack.push(m.index + m[0].length);
  }
  let from = -1;
  for (const end of ms.lookBack) {
    if (end > start) break;
    from = end;
  }
  if (from < 0) return undefined;
  const phrase = readPhrase(v, from, start, ms);
  const head = headOf(phrase.words);
  if (!head) return undefined;
  return {
    noun: nounOf(head),
    nounSpan: { start: offset + head.start, end: offset + head.end },
    qualifiers: qualifiersOf(phrase.words, head),
    inside: phrase.words.filter((w) => w.mention).map((w) => w.mention!),
  };
}

// ---------------------------------------------------------------------------
// Subjects

/** The index of the first mention of `ms` (sorted by start) that starts at or after `offset`. */
function firstFrom(ms: Mention[], offset: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The mention of `ms` (sorted by start) nearest to `span`; on a tie the
 * earlier one. The search starts where the span would stand and walks
 * outwards, stopping once nothing further can be nearer.
 */
function nearest(ms: Mention[], span: Span): Mention | undefined {
  const lo = firstFrom(ms, span.start);
  let best: Mention | undefined;
  let dist = Infinity;
  const distance = (m: Mention) => (m.span.end <= span.start ? span.start - m.span.end : m.span.start >= span.end ? m.span.start - span.end : 0);
  for (let k = lo; k < ms.length; k++) {
    const m = ms[k];
    if (m.span.start - span.end >= dist) break;
    const d = distance(m);
    if (d < dist) { dist = d; best = m; }
  }
  // Names are short: one that starts more than 200 characters further than the best distance cannot end nearer.
  for (let k = lo - 1; k >= 0; k--) {
    const m = ms[k];
    if (span.start - m.span.start > dist + 200) break;
    const d = distance(m);
    if (d <= dist) { dist = d; best = m; }
  }
  return best;
}

/**
 * Whose figure it is among the organisations of its sentence: the nearest
 * one before it (the subject of an English clause comes first: "JBS paid an
 * $11 million ransom to the REvil gang"), else the nearest after it ("1.5
 * million records, a figure Riverton Hotels has not confirmed"), but not one
 * given as an example: "more than 1,200 websites, including Netflix and
 * Twitter" are not Netflix's websites. Without `v` (the sentence as read,
 * starting at `offset`), examples are not looked for.
 */
function subjectNear(ms: Mention[], span: Span, v?: string, offset = 0, numbers?: readonly RawNumber[]): Mention | undefined {
  // The mentions are sorted by start: find the last that starts before the figure, then step back past any that overlap it.
  const lo = firstFrom(ms, span.start);
  for (let k = lo - 1; k >= 0 && lo - k <= 8; k--) if (ms[k].span.end <= span.start) return ms[k];
  const m = nearest(ms, span);
  if (!m || v === undefined || m.span.start < span.end) return m;
  if (numbers !== undefined && countBetween(v, numbers, span.end - offset, m.span.start - offset)) return undefined;
  return givenAsExample(v.slice(span.end - offset, m.span.start - offset)) ? undefined : m;
}

/**
 * Whether another count of the sentence begins a list item or clause of its own between `from` and `to` (offsets in
 * the sentence as read): a number other than a year after a comma or a semicolon there. A name after it is that
 * count's, not an earlier figure's: "Of those 1,810 domains, 440 were mapped to Namecheap and ParkingCrew" (the
 * report's 1,810, not ParkingCrew's), "created 300 fake identities, signing them up on 185 legitimate websites
 * ranging from Target …", "analyzed 13 pieces of BT hardware from 11 vendors; so far, there have been 20 CVEs …
 * from Intel". Not a number in the figure's own phrase ("27 out of 28 apps that Patch My PC tracks", "27 million
 * Americans (9%) use DuckDuckGo", "five bugs that remained hidden for 12 years … in all Dell PCs": no break before
 * it), nor a part of the figure ("26 bugs were patched, 13 of which …", "… of which 496 were valid, SNDGO
 * revealed"). Only when the nearest name is after the figure; the sentence's numbers are few and sorted: a plain loop.
 * On the real corpus 40 owners moved: 20 rightly (mostly to the report's author or to no one), 20 from one wrong or
 * doubtful owner to another, none wrongly (a plain "another number between" rule moved 12 of 90 wrongly).
 */
function countBetween(v: string, numbers: readonly RawNumber[], from: number, to: number): boolean {
  for (const n of numbers) {
    if (n.start >= to) break;
    if (n.start < from || n.unit === 'year') continue;
    let k = n.start;
    while (k > from && v.charCodeAt(k - 1) !== 44 /* , */ && v.charCodeAt(k - 1) !== 59 /* ; */) k--;
    if (k > from && !PART_OF_RE.test(v.slice(n.end, n.end + 12)) && !PART_OF_BEFORE_RE.test(v.slice(Math.max(from, n.start - 10), n.start))) return true;
  }
  return false;
}
const PART_OF_RE = /^\s+of\s+(?:which|whom|them|those|these)\b/i;
const PART_OF_BEFORE_RE = /\b(?:of which|of whom|including)\s+$/i;

const EXAMPLES_RE = /\b(?:includ(?:ing|es|ed)|such as|like|likes of|among(?:st)?(?: them)?|for (?:example|instance))\b|\be\.g\./i;

/**
 * Whether the text between a figure and a name after it introduces the name as
 * an example: a cue ("including", "such as", "e.g.") anywhere in it. A cue
 * followed by a clause ("including names and emails, a figure Riverton Hotels
 * has not confirmed") is taken for one too: in the real corpus the name after a
 * list of examples is far more often another example or a source ("…, including
 * Australia, New Zealand, and Japan, the country's Ministry of Commerce said")
 * than the figure's owner.
 */
function givenAsExample(between: string): boolean {
  return EXAMPLES_RE.test(between);
}

/** Words that introduce examples of a kind before a list of names ("operations such as", "firms like", "groups including"). */
const EXAMPLE_CUES = new Set(['like', 'including']);

/**
 * Whether a name before a figure stands in a list of examples ("RaaS
 * operations such as REvil or DarkSide work … 70 percent"): it names a kind
 * of thing, not the figure's owner. Read back word by word over the list's
 * names, commas, "and" and "or", to "such as", "like" or "including".
 */
/** Whether the word that ends before `at` (spaces skipped) is a plural noun: "operations", "companies". */
function pluralBefore(v: string, at: number): boolean {
  let k = at;
  while (k > 0 && v.charCodeAt(k - 1) === 32) k--;
  let j = k;
  while (j > 0 && /[a-z]/.test(v[j - 1])) j--;
  const w = v.slice(j, k);
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is');
}

function listedAsExample(v: string, m: Mention, offset: number): boolean {
  // "colleges like the University of California San Francisco, which paid $1.14 million": the clause is about it.
  if (/^\s*,?\s*(?:which|who)\b/.test(v.slice(m.span.end - offset, m.span.end - offset + 12))) return false;
  let k = m.span.start - offset;
  for (let words = 0; words < 16 && k > 0; words++) {
    while (k > 0 && (v.charCodeAt(k - 1) === 32 || v.charCodeAt(k - 1) === 44 /* , */)) k--;
    let j = k;
    while (j > 0 && /[\w.&’'-]/.test(v[j - 1])) j--;
    if (j === k) return false;
    const w = v.slice(j, k);
    const lw = w.toLowerCase();
    // Only after a kind in the plural: "a company like Zoom" compares, "companies like Zoom" give examples.
    if (EXAMPLE_CUES.has(lw)) return pluralBefore(v, j);
    if (lw === 'as') return /\bsuch\s$/i.test(v.slice(Math.max(0, j - 6), j)) && pluralBefore(v, j - 5);
    // "Groups like the Conti gang": an article before a name.
    if (lw !== 'and' && lw !== 'or' && lw !== 'the' && !/^[A-Z0-9@]/.test(w)) return false;
    k = j;
  }
  return false;
}

// "according to a spokesperson for X" names X as the source; "according to the complaint in Equifax" names the case.
const SOURCE_BEFORE_RE = /\baccording to\b(?:(?!\b(?:in|against|over|about|involving)\b)[^,.;:])*$|\b(?:report|study|research|analysis|data|survey)\s+(?:by|from)\s+(?:[\w-]+\s+){0,4}$|\b(?:told|notified|informed|alerted)\s+(?:the\s+)?$/i;
// "CISA warned that …" and "Chainalysis notes that …" speak; "Microsoft has warned 609 customers" counts its own.
const SOURCE_AFTER_RE = /^(?:[’']s)?\s*(?:[\w-]+\s+){0,2}?(?:said|says|told|reported|reports|found|estimated|estimates|noted|notes|wrote|researchers?|data shows|analysts?|indicates|indicated|shows|showed|lists|listed|cited|cites|warned that|warns that)\b/;

/**
 * Whether a mention names who says something rather than whose figure it
 * is ("according to a new report from WizCase", "Chainalysis said"), or who
 * is told it ("Scannell told PortSwigger … those 200,000 businesses to which
 * Zimbra lays claim"): the figure then belongs to the article's subject,
 * unless nothing else is named.
 */
function speaks(v: string, m: Mention, offset: number): boolean {
  const start = m.span.start - offset;
  const end = m.span.end - offset;
  return SOURCE_BEFORE_RE.test(v.slice(Math.max(0, start - 240), start)) || SOURCE_AFTER_RE.test(v.slice(end, end + 40))
    || (COMMENTATOR_AT_RE.test(v.slice(Math.max(0, start - 48), start)) && SAYS_RE.test(v));
}

/**
 * "Sean Nikkel, senior analyst at Digital Shadows, noted that … 3 million
 * devices": the firm of someone who comments is no owner of what they count.
 * Only commenting trades: "CEO of Colonial Pipeline" speaks for the figure's owner.
 */
const COMMENTATOR_AT_RE = /\b(?:analyst|researcher|expert|strategist|evangelist|consultant|scientist|fellow|architect|professor|lecturer|advocate)s?\s+(?:at|with|from)\s+(?:the\s+)?$/i;
const SAYS_RE = /\b(?:said|says|told|noted|notes|explained|added|wrote|writes|pointed out|warned|observed|argued|commented)\b/i;

/** Verbs that report what someone else did ("The DOJ claimed …", "Evans said that …"). */
const REPORTING_VERBS = new Set(['said', 'says', 'claimed', 'claims', 'alleged', 'alleges', 'announced', 'announces', 'revealed', 'reveals',
  'added', 'adds', 'stated', 'states', 'confirmed', 'confirms', 'disclosed', 'discloses', 'explained', 'explains', 'noted', 'notes',
  'reported', 'reports', 'wrote', 'writes']);
/** Words that may stand between a speaker and its verb ("the DOJ also claimed", "Europol has said"). */
const BEFORE_VERB = new Set(['also', 'has', 'have', 'had', 'further', 'later', 'then', 'now']);

/**
 * Whether the text between a name and the next name reads "claimed", "said that", "has also said",
 * "claimed" as a link's text (the address is blank in the sentence as read), and a person's age or
 * origin before the next name ("said 49-year-old Marc Baier", "said Canadian Slava Dmitriev" is read
 * with the name's first word). Word by word, at most eight words.
 */
function reportsThat(between: string): boolean {
  let i = 0;
  const n = between.length;
  let words = 0;
  let verb = false;
  let after = 0;
  while (i < n && words < 8) {
    while (i < n && /\s/.test(between[i])) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && !/\s/.test(between[j])) j++;
    const w = between.slice(i, j).toLowerCase();
    i = j;
    words++;
    if (!verb) {
      if (REPORTING_VERBS.has(w)) verb = true;
      else if (!BEFORE_VERB.has(w)) return false;
    } else if (after === 0 && w === 'that') after = 1;
    else if (/^\d+-year-old$/.test(w) || w === 'the' || w === 'former') after = 2;
    else return false;
  }
  return verb;
}

/**
 * The one person a reported clause is about, when the clause names them right after the speaker's verb and
 * names no organisation between them and the figure: "The DOJ claimed Sebastien Vachon-Desjardins managed to
 * make about $27.6 million" (the DOJ's earnings, and linked to another man's "$2.2 million" the DOJ reported),
 * "US Attorney Duane Evans said that Defiore … will serve three months probation". What the clause counts is
 * the person's: the one who reports it owns none of it. Not a list of people ("Marc Baier, Ryan Adams and Daniel
 * Gericke … $1,685,000": no one of them paid it all), nor a person's thing named after them ("Hunt's report").
 * `ms` are the sentence's mentions by start; only the names just before the figure are read.
 */
function reportedPerson(v: string, ms: Mention[], span: Span, offset: number, kindOf: (key: string) => EntityKind | undefined): { person: Mention; speaker: Mention } | undefined {
  let k = firstFrom(ms, span.start) - 1;
  while (k >= 0 && (ms[k].span.end > span.start || kindOf(ms[k].key) === 'place')) k--;
  if (k < 1) return undefined;
  const person = ms[k];
  if (kindOf(person.key) !== 'person') return undefined;
  const a = person.span.start - offset;
  const b = person.span.end - offset;
  const at = span.start - offset;
  if (a < 0 || b > at || at - b > 200) return undefined;
  const rest = v.slice(b, at);
  if (rest.includes(';') || /^(?:[’']|\s*(?:,|and\b|&|or\b))/.test(rest)) return undefined;
  let j = k - 1;
  while (j >= 0 && kindOf(ms[j].key) === 'place') j--;
  if (j < 0) return undefined;
  const speaker = ms[j];
  const end = speaker.span.end - offset;
  if (end < 0 || end > a) return undefined;
  return reportsThat(v.slice(end, a)) ? { person, speaker } : undefined;
}

/**
 * Verbs whose subject gains, takes or gives up a sum: what a person "netted", "stole", "laundered", "will forfeit", "was
 * ordered to pay" is the person's own, not the prosecutor's who reports it nor the article's subject's ("Baier will be
 * forced to pay $750,000, Adams will pay $600,000, and Gericke will pay $335,000" were the DOJ's in one article and
 * DarkMatter's in another, so the three men's sums linked nowhere). A closed list on purpose: the verbs of money
 * changing hands in stories of arrests, charges and sentences. "made" only of money made (`payerOf`), not "made a $5
 * million ransom demand"; "given" and "handed" only of a fine ("Dracos was given a $150,000 fine").
 */
const PAYER_VERBS = new Set(['pay', 'pays', 'paid', 'repay', 'repays', 'repaid', 'forfeit', 'forfeits', 'forfeited', 'owe', 'owes', 'owed',
  'net', 'nets', 'netted', 'earn', 'earns', 'earned', 'make', 'makes', 'made', 'pocket', 'pockets', 'pocketed', 'amass', 'amassed',
  'steal', 'steals', 'stole', 'launder', 'launders', 'laundered', 'extort', 'extorts', 'extorted', 'embezzle', 'embezzled', 'receive',
  'receives', 'received', 'fined', 'given', 'handed']);
/** Verbs of taking that read with "in" before the sum: "raked in", "took in", "brought in". */
const IN_VERBS = new Set(['rake', 'rakes', 'raked', 'take', 'takes', 'took', 'bring', 'brings', 'brought']);
/** Words that may stand between such a verb and its sum: "pay back", "pay a total of", "was given a $150,000 fine". */
const PAYER_FILLERS = new Set(['a', 'an', 'back', 'total', 'of', 'another', 'additional', 'further']);
/**
 * Auxiliaries, adverbs and verbs of obligation that may stand between the person and the verb: "will be forced to",
 * "has been ordered to", "agreed to", "ultimately", "will need to". A person right before "to" is the one who pays
 * also after a verb that puts them there ("Garcia ordered Brown to pay $2.3 million", "requires Brown to pay back").
 */
const PAYER_CHAIN = new Set(['will', 'would', 'shall', 'must', 'can', 'could', 'may', 'might', 'has', 'have', 'had', 'was', 'were', 'is',
  'are', 'be', 'been', 'being', 'also', 'allegedly', 'reportedly', 'ultimately', 'effectively', 'later', 'then', 'subsequently',
  'eventually', 'personally', 'to', 'ordered', 'forced', 'required', 'agreed', 'managed', 'able', 'expected', 'obliged', 'need', 'needs',
  'needed', 'going', 'set', 'told', 'directed', 'sentenced']);
/** Words before a name that make it no subject: the object of a preposition ("victims of Brown paid …"). */
const NOT_SUBJECT_BEFORE = new Set(['of', 'from', 'by', 'to', 'with', 'for', 'against', 'at', 'on', 'in', 'about', 'like', 'than', 'as',
  'nor', 'including', 'between', 'among']);
/** Words that open another clause between a subject and its second verb ("Prihar pleaded guilty … and agreed to forfeit"). */
const CLAUSE_TURNS = new Set(['that', 'which', 'who', 'whom', 'whose', 'said', 'says', 'told', 'when', 'after', 'before', 'because',
  'while', 'but', 'if', 'as', 'since', 'although', 'though', 'where', 'he', 'she', 'they', 'it', 'we']);

/** The lower-case word that ends before `at` (spaces skipped) and where it starts, or undefined at punctuation or the start. */
function plainWordBefore(v: string, at: number): { w: string; start: number; end: number } | undefined {
  let k = Math.min(at, v.length);
  while (k > 0 && (code(v, k - 1) === 32 || code(v, k - 1) === 160 || code(v, k - 1) === 9 || code(v, k - 1) === 10)) k--;
  const end = k;
  while (k > 0 && end - k < 40 && /[A-Za-z’'-]/.test(v[k - 1])) k--;
  return k < end ? { w: v.slice(k, end).toLowerCase(), start: k, end } : undefined;
}

/** Whether a name as written ends in a possessive "'s" ("Tim Cook's"). */
function possessive(text: string): boolean {
  return text.endsWith("'s") || text.endsWith('’s');
}

/** Where the spaces before `at` begin. */
function spacesBefore(v: string, at: number): number {
  let k = Math.min(at, v.length);
  while (k > 0 && (code(v, k - 1) === 32 || code(v, k - 1) === 160 || code(v, k - 1) === 9 || code(v, k - 1) === 10)) k--;
  return k;
}

/**
 * The person whose own a sum of money is, by how the clause is built: the person is the subject of a verb of gaining,
 * taking or paying right before the sum ("Onoimoimilin netted over $2.2 million", "Baier will be forced to pay
 * $750,000", "Brown was ordered to pay $2,331,639.85 in restitution", "Garcia ordered Brown to pay $2.3 million"), the
 * subject of the clause that verb is the second of ("In April 2021, Prihar pleaded guilty to his role in DDW and agreed
 * to forfeit $8,414,173"), or the possessor ("Tim Cook's $265 million compensation package"). Only a person named by
 * their full name (or a surname the article gave the full name of, whose mentions carry it): a surname alone is no
 * owner across articles, where two people share it. Not one of a list ("Baier, Adams and Gericke will pay a total of
 * $1,685,000": no one of them pays it all), nor the object of a preposition. Reads at most twelve words before the
 * sum, and for a second verb the clause back to the sentence's start (sentences are bounded).
 */
function payerOf(v: string, ms: Locals, start: number, noun: string | undefined, kindOf: (key: string) => EntityKind | undefined): Mention | undefined {
  const person = (at: number, possessor = false): Mention | undefined => {
    const x = ms.byEnd.get(at);
    return x !== undefined && kindOf(x.m.key) === 'person' && x.m.key.includes(' ') && subjectAt(v, ms, x, possessor) ? x.m : undefined;
  };
  // "15% of Tim Cook's $265 million 2020 compensation package": the possessor, with its "'s" in the name as written or
  // right after it, wherever the phrase stands.
  const gap = spacesBefore(v, start);
  const own = ms.byEnd.get(gap);
  if (own !== undefined && possessive(own.m.text)) return person(gap, true);
  if (gap >= 2 && (code(v, gap - 2) === 39 || code(v, gap - 2) === 0x2019) && code(v, gap - 1) === 115 /* s */) return person(gap - 2, true);
  let at = start;
  let verb = false;
  for (let words = 0; words < 12; words++) {
    if (verb) {
      // The person right before the verb or its auxiliaries.
      const x = person(spacesBefore(v, at));
      if (x !== undefined) return x;
    }
    const w = plainWordBefore(v, at);
    if (w === undefined) return undefined;
    at = w.start;
    if (verb) {
      if (PAYER_CHAIN.has(w.w)) continue;
      // "… and agreed to forfeit": the second verb of the clause's subject.
      return w.w === 'and' ? clauseSubject(v, ms, w.start, kindOf) : undefined;
    }
    if (PAYER_FILLERS.has(w.w)) continue;
    if (w.w === 'in') {
      const before = plainWordBefore(v, w.start);
      if (before === undefined || !IN_VERBS.has(before.w)) return undefined;
      at = before.start;
    } else if (!PAYER_VERBS.has(w.w)) return undefined;
    else if ((w.w === 'made' || w.w === 'make' || w.w === 'makes') && noun !== undefined && !EARNED_NOUNS.has(noun)) return undefined;
    else if ((w.w === 'given' || w.w === 'handed') && noun !== 'fine' && noun !== 'penalty') return undefined;
    verb = true;
  }
  return undefined;
}

/**
 * Whether the mention `x` may be a clause's subject (or, `possessor`, own the phrase it opens): not one of a list of
 * names ("Baier, Adams and Gericke will pay a total of …": a name, then a comma, "and", "or" or "&"), and for a subject
 * not the object of a preposition ("victims of Brown paid …"). "$600,000, and Gericke will pay $335,000" and "In April
 * 2021, Prihar …" open clauses.
 */
function subjectAt(v: string, ms: Locals, x: LocalMention, possessor: boolean): boolean {
  let k = spacesBefore(v, x.start);
  const w = plainWordBefore(v, x.start);
  if (w !== undefined && (w.w === 'and' || w.w === 'or')) k = spacesBefore(v, w.start);
  else if (w !== undefined && !possessor && NOT_SUBJECT_BEFORE.has(w.w)) return false;
  if (k > 0 && (code(v, k - 1) === 44 /* , */ || code(v, k - 1) === 38 /* & */)) k = spacesBefore(v, k - 1);
  return !ms.byEnd.has(k);
}

/**
 * The person a sentence opens on, as the subject of a verb coordinated by "and" at `and` ("Prihar pleaded guilty … and
 * agreed to forfeit"): the first name, at the start or after a short opening phrase and a comma ("In April 2021,"),
 * followed by a verb, with no punctuation, other person or turn to another clause between it and "and".
 */
function clauseSubject(v: string, ms: Locals, and: number, kindOf: (key: string) => EntityKind | undefined): Mention | undefined {
  const first = ms.list.find((x) => kindOf(x.m.key) === 'person');
  if (first === undefined || first.end > and || and - first.end > 200 || !first.m.key.includes(' ') || possessive(first.m.text)) return undefined;
  if (first.start > 60 || !/^\s*(?:[^,;:]{0,40},\s*)?$/.test(v.slice(0, first.start))) return undefined;
  if (ms.list.some((x) => x !== first && x.start < first.start && kindOf(x.m.key) === 'person')) return undefined;
  const between = v.slice(first.end, and);
  if (/[,;:()"“”]/.test(between) || !/^\s+[a-z]/.test(between)) return undefined;
  if (ms.list.some((x) => x !== first && x.start >= first.end && x.end <= and && kindOf(x.m.key) === 'person')) return undefined;
  for (const word of between.toLowerCase().split(/\s+/)) if (CLAUSE_TURNS.has(word)) return undefined;
  return first.m;
}

const ACTOR_BEFORE_RE = /\b(?:gang|crew|group|hackers?|actors?|operators?|extortionists?|cybercriminals?)\s+$/i;
// "the REvil ransomware that locked up …": a ransomware's name is its gang's.
const ACTOR_AFTER_RE = /^(?:[’']s)?\s*(?:(?:ransomware|extortion|hacking|hacker|cybercrime|criminal)\s+)?(?:gang|crew|group|hackers|operators|affiliates?)\b|^\s+ransomware\b|^,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:gang|crew|group|hackers?|actors?|operators?|extortionists?)\b/i;

/**
 * Whether a mention names a threat actor ("the REvil ransomware group", "the
 * extortion crew NightVeil"): a ransom it demands or is paid belongs to the
 * victim, the article's subject.
 */
function actsAgainst(v: string, m: Mention, offset: number): boolean {
  const start = m.span.start - offset;
  const end = m.span.end - offset;
  return ACTOR_BEFORE_RE.test(v.slice(Math.max(0, start - 30), start)) || ACTOR_AFTER_RE.test(v.slice(end, end + 40));
}

/**
 * Whether a name the article does not know for an organisation is called a gang, a group or its operators where it
 * stands ("the Conti ransomware group alone brought in $180 million", "GandCrab's operators … raked in nearly $2
 * billion"): it is one by that description, and what it made is its own (`earnerOf`). Not a ransomware named alone
 * ("the Ryuk ransomware, which has made about $150 million": the strain, a thing, owns nothing).
 */
function calledAGang(v: string, m: Mention, offset: number): boolean {
  const start = m.span.start - offset;
  const end = m.span.end - offset;
  return ACTOR_BEFORE_RE.test(v.slice(Math.max(0, start - 30), start)) || GANG_AFTER_RE.test(v.slice(end, end + 40));
}
const GANG_AFTER_RE = /^(?:[’']s)?\s*(?:(?:ransomware|extortion|hacking|hacker|cybercrime|criminal)\s+)?(?:gang|crew|group|hackers|operators|affiliates?)\b/i;

/**
 * Where apps, packages and repositories are published: written before what
 * is counted ("226 Android applications", "100,000 GitHub repositories",
 * "5,000 PyPI downloads") they say where those things are, not whose.
 */
const HOSTS = new Set(['android', 'ios', 'pypi', 'npm', 'github', 'gitlab', 'google play', 'play store', 'app store', 'chrome web store',
  'microsoft store', 'docker hub', 'wordpress', 'visual studio code', 'vs code']);
const HOSTED = new Set(['app', 'application', 'package', 'repository', 'repo', 'download', 'extension', 'plugin', 'plug-in', 'library', 'module',
  'image', 'container', 'project', 'theme', 'site', 'website']);

/** Whether `m`, inside the phrase a figure counts, is where the counted things are hosted rather than whose they are. */
function hostOf(m: Mention, noun: string | undefined): boolean {
  return noun !== undefined && HOSTED.has(noun) && HOSTS.has(m.key);
}

/** `owners` but the place the things counted are hosted on, written in their phrase ("GitHub repositories"; see `hostOf`). */
function unhosted(measured: Measured, owners: Mention[]): Mention[] {
  const host = measured.inside.find((m) => hostOf(m, measured.noun));
  return host ? owners.filter((m) => m !== host) : owners;
}

/** Platforms that carry what others say ("took to Twitter", "on Telegram"). */
const PLATFORMS = new Set(['twitter', 'telegram', 'discord', 'reddit', 'youtube', 'whatsapp', 'instagram', 'linkedin', 'tiktok', 'signal', 'facebook', 'github', 'pastebin', 'medium', 'mastodon']);
const MEDIUM_BEFORE_RE = /\b(?:on|via|over|through|took to|to|in a (?:tweet|post|message|thread) on)\s+$/i;

// "behind Verizon", "larger than Acme", "compared with Equifax": the name is what the subject is measured against.
const COMPARED_BEFORE_RE = /\b(?:than|behind|ahead of|compared (?:with|to)|versus|vs\.?)\s+(?:the\s+)?$/i;
// "after its $26 billion merger with Sprint", "Before it merged with T-Mobile in 2020, Sprint …": the company one merges with
// or buys is the other party, not the clause's subject.
const PARTNER_BEFORE_RE = /\b(?:merg(?:er|ed|ing)|deal|acquisition|takeover)\s+(?:with|of)\s+(?:the\s+)?$/i;
// "… than SimpliSafe's $15 per month", "behind Huawei (4 percent)": what is written as the name's stays its own; "the
// Poly Network exploit, in which …" is about it.
const COMPARED_OWN_AFTER_RE = /^(?:[’']s?\b|\s*\(|\s*,?\s*(?:which|who|in which)\b)/;
// "the threat actors behind the NEW Cooperative attack are demanding a $5.9 million ransom": an attack's victim keeps its ransom.
const ATTACK_AFTER_RE = /^\s+(?:(?:ransomware|cyber)\s+)?(?:attacks?|hacks?|breach(?:es)?|intrusions?|incidents?)\b/i;

/**
 * Whether a mention is what a clause compares its subject with, or what a group stands behind, not the clause's
 * subject: "the company has more than 104 million customers and became the second largest telecommunications company
 * behind Verizon after its $26 billion merger with Sprint" (T-Mobile's customers, not Verizon's), "Nobelium, the
 * hacking group behind the SolarWinds fiasco, has targeted at least 140 resellers" (Nobelium's targets). Read in a
 * bounded window before and after the name, once per sentence (the `owners` loop). On the real corpus 8 owners
 * moved: 5 rightly (T-Mobile's 104 million customers, Certus One's $10 million offer, DoH's ports to no one), 3 from
 * one wrong owner to another, none wrongly.
 */
function compared(v: string, m: Mention, offset: number): boolean {
  const start = m.span.start - offset;
  const before = v.slice(Math.max(0, start - 24), start);
  if (!COMPARED_BEFORE_RE.test(before) && !PARTNER_BEFORE_RE.test(before)) return false;
  const end = m.span.end - offset;
  const after = v.slice(end, end + 24);
  return !COMPARED_OWN_AFTER_RE.test(after) && !ATTACK_AFTER_RE.test(after);
}

/**
 * Whether a mention names the platform something was said or done on ("Qubit
 * Finance took to Twitter to beg hackers to return more than $80 million",
 * "scammers communicate on Telegram"): the platform owns none of its figures.
 * Its own things stay its ("on Discord's CDN").
 */
function asMedium(v: string, m: Mention, offset: number): boolean {
  if (!PLATFORMS.has(m.key)) return false;
  const start = m.span.start - offset;
  const end = m.span.end - offset;
  return MEDIUM_BEFORE_RE.test(v.slice(Math.max(0, start - 24), start)) && !/^[’']s?\b/.test(v.slice(end, end + 3));
}

/**
 * The names of `mentions` (those `asked` about) that the article calls a gang, a group or hackers somewhere (`actsAgainst`).
 * With `victims` (what the article is about, `mainSubject`), two of those readings are not taken alone:
 * - a name written before "ransomware attack" and no "on" or "against": English names an attack by its victim as often
 *   as by its gang ("Over 20 years of employee data leaked during McMenamins ransomware attack", "the Kaseya ransomware
 *   attack FAQ", "Frontier Software ransomware attack"), and the gang's own "REvil ransomware attack on Kaseya" says whom
 *   it hit; a gang is almost always called one elsewhere in its article too ("the Conti ransomware group");
 * - a name after "group" or "operator" that a word of a trade describes ("venue operator McMenamins", "research group
 *   Pangu", "advocacy group Noyb"): a business or a body, not a gang ("ransomware group Everest", "the group DarkSide").
 */
function threatActors(mentions: Mention[], sentences: SentenceRef[], reading: SentenceReading[], asked: (m: Mention) => boolean, victims = false): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) {
    if (out.has(m.key) || m.sentence < 0 || m.sentence >= sentences.length || !asked(m)) continue;
    const s = sentences[m.sentence];
    if (m.span.start < s.span.start) continue;
    const v = reading[m.sentence].v;
    if (!victims) {
      if (actsAgainst(v, m, s.span.start)) out.add(m.key);
      continue;
    }
    const start = m.span.start - s.span.start;
    const end = m.span.end - s.span.start;
    const after = v.slice(end, end + 40);
    if ((ACTOR_BEFORE_RE.test(v.slice(Math.max(0, start - 30), start)) && !tradeCalled(v, start))
      || (ACTOR_AFTER_RE.test(after) && !ATTACK_NAMED_BY_RE.test(after))) out.add(m.key);
  }
  return out;
}

/** "… ransomware attack" after a name, but not "… on"/"against" someone: an attack the name may be the victim of. */
const ATTACK_NAMED_BY_RE = /^\s+ransomware\s+attacks?\b(?!\s+(?:on|against)\b)/i;

/** The words that make a "group" or an "operator" one of crime ("ransomware group Everest", "threat group Sofacy"). */
const CRIME_WORDS = new Set(['ransomware', 'threat', 'hacking', 'hacker', 'hackers', 'cybercrime', 'cybercriminal', 'criminal', 'crime',
  'extortion', 'espionage', 'cyberespionage', 'apt', 'malware', 'botnet', 'phishing', 'fraud', 'scam', 'attack', 'backed', 'sponsored']);

/**
 * Whether the words just before `start` (an offset into `v`) are "group" or "operator(s)" after a lower-case word of a
 * trade, not of crime ("venue operator", "research group"; see `threatActors`). Reads words backwards, bounds-checked.
 */
function tradeCalled(v: string, start: number): boolean {
  let i = Math.min(start, v.length);
  while (i > 0 && v.charCodeAt(i - 1) === 32) i--;
  const headEnd = i;
  while (i > 0 && isLowerLetter(v.charCodeAt(i - 1))) i--;
  const head = v.slice(i, headEnd);
  if (head !== 'group' && head !== 'operator' && head !== 'operators') return false;
  if (i === 0 || v.charCodeAt(i - 1) !== 32) return false;
  i--;
  const wordEnd = i;
  while (i > 0 && isLowerLetter(v.charCodeAt(i - 1))) i--;
  // A word of letters alone: "state-backed group", "Russian-language group" keep their reading.
  if (wordEnd - i < 3 || (i > 0 && v.charCodeAt(i - 1) !== 32)) return false;
  const word = v.slice(i, wordEnd);
  return !FUNCTION_WORDS.has(word) && !CRIME_WORDS.has(word);
}

function isLowerLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** The nouns of a sector, an industry or a whole population ("the healthcare sector sees …", "organizations paid …"). */
const POPULATION_NOUN_RE = /\b(?:sectors?|industry|industries|organi[sz]ations|companies|businesses|firms|enterprises|respondents|hospitals|governments|countries|nations|schools|universities|consumers|individuals)\b/i;
/** A sentence opening on a description of an organisation: "The hospital system …", "The fashion label …". */
const DESCRIBED_RE = /^\s*The\s+((?:[a-z][a-z-]*\s+){0,2}(?:company|firm|hospital|system|retailer|bank|provider|vendor|platform|exchange|startup|insurer|carrier|chain|brand|label|manufacturer|maker|developer|operator|airline|university|school|district|giant|network|clinic|group|processor|lender|supplier|contractor|agency|nonprofit|charity|cooperative|organi[sz]ation))\b/;

/** Descriptions that name no one in particular without a word before them. */
const GENERIC_DESCRIPTIONS = new Set(['company', 'firm', 'group', 'organization', 'organisation', 'network', 'system', 'giant', 'platform', 'agency', 'provider', 'vendor', 'developer', 'operator']);

/** Words that begin a clause of their own. */
const CLAUSE_WORDS = new Set(['and', 'but', 'while', 'whereas']);
/** Words that point at particular ones the article named ("The two companies support …", "these firms", "its customers"). */
const PARTICULAR_RE = /\b(?:its|their|our|his|her|two|three|four|both|these|those|such)\b/i;

/**
 * Whether the clause holding the figure at `at` is about a sector or a
 * population in general, before the figure: a population noun heads it (at
 * most three words after the clause's start, a comma, or "and", "but",
 * "while"), as in a survey's or a trend's number, not the article's company's.
 */
/** Whether `c` is one of `.;:!?`, which end a clause: a character test, not a regular expression run per character read back. */
function endsClause(c: number): boolean {
  return c === 46 || c === 59 || c === 58 || c === 33 || c === 63;
}

function ofPopulation(v: string, at: number): boolean {
  let from = at;
  while (from > 0 && from > at - 160 && !endsClause(code(v, from - 1))) from--;
  const clause = v.slice(from, at);
  if (clause.length >= 160 || PARTICULAR_RE.test(clause)) return false;
  const m = POPULATION_NOUN_RE.exec(clause);
  if (!m) return false;
  const before = clause.slice(0, m.index).split(/\s+/).filter((w) => w !== '');
  for (let k = before.length, words = 0; ; k--, words++) {
    if (k === 0 || CLAUSE_WORDS.has(before[k - 1].toLowerCase()) || /[,;:]$/.test(before[k - 1])) return true;
    if (words >= 3 || !/^[a-z][a-z-]*$/i.test(before[k - 1])) return false;
  }
}

/** "* **Omiai**: The Japanese dating app said …": a list item led by a name in bold is about that name. */
function listLead(raw: string, ms: Mention[], offset: number, isOrg: (m: Mention) => boolean): string | undefined {
  const m = /^\s*(?:[*+-]\s+)?\*\*([^*\n]{2,60}?)[:.]?\*\*/.exec(raw);
  if (!m) return undefined;
  // "**Volkswagen, Audi:**": the first organisation named in the lead, else the first name ("**JBS USA:**"); a lead of
  // capitalised words that names nothing known is still a name ("**Omiai**"); "**Also:**", "**2018:**" name no one.
  const end = offset + m.index + m[0].length;
  let named: Mention | undefined;
  let any: Mention | undefined;
  for (const x of ms) {
    if (x.span.start >= end) continue;
    if (!any || x.span.start < any.span.start) any = x;
    if (isOrg(x) && (!named || x.span.start < named.span.start)) named = x;
  }
  if (named ?? any) return (named ?? any)!.key;
  const lead = m[1].trim();
  return /^\p{Lu}[\p{L}\d.&'’-]*(?: \p{Lu}[\p{L}\d.&'’-]*){0,3}$/u.test(lead) && !FUNCTION_WORDS.has(lead.toLowerCase()) ? lead.toLowerCase() : undefined;
}

/** Whether the words before `at` are "<person> was", "he is", "she turned" and the like. */
function saidOfPerson(v: string, at: number, ms: Locals, kindOf: (key: string) => EntityKind | undefined): boolean {
  // "Ilya Lichtenstein, 34, and his wife": a person's age in commas after the name.
  if (v.charCodeAt(at - 1) === 32 && v.charCodeAt(at - 2) === 44 /* , */) {
    const named = ms.byEnd.get(at - 2);
    if (named !== undefined && kindOf(named.m.key) === 'person') return true;
  }
  const window = v.slice(Math.max(0, at - 12), at);
  const m = /\b(?:was|is|turned|turns)\s+$/.exec(window);
  if (!m) return false;
  const before = v.slice(0, at - window.length + m.index).trimEnd();
  if (/(?:^|[^A-Za-z])(?:he|she)$/i.test(before)) return true;
  const x = ms.byEnd.get(before.length);
  return x !== undefined && kindOf(x.m.key) === 'person';
}

// ---------------------------------------------------------------------------
// Whose figure: organisations

/**
 * The last words English names a law by ("Personal Information Protection Law", "Online Safety Act", "Critical
 * Infrastructure Bill", "General Data Protection Regulation", "NIS Directive"). A closed list on purpose: these five
 * are how laws are named, and no company of the corpus ends its name on one.
 */
const LAW_WORDS = new Set(['act', 'law', 'regulation', 'directive', 'bill']);

/**
 * Whether `key` names a law: it is what fines are set by and what is reported under, never whose a count is. Made the
 * article's subject, China's PIPL owned the "43" apps pulled and the "989 million" online users of three articles, FISMA
 * the federal agencies' "30,819" incidents. One word alone ("Bill") is not.
 */
export function isLaw(key: string): boolean {
  const space = key.lastIndexOf(' ');
  return space > 0 && LAW_WORDS.has(key.slice(space + 1));
}

/**
 * The names an article spells out for the trade's jargon (`JARGON`, an acronym that names a technology or a kind of
 * thing): "Remote Desktop Protocol (RDP)", "Virtual Private Network (VPN)", "Operational Technology (OT)", "Subscriber
 * Identity Modules (SIM)". Such a name is a term, whatever its words make of it (a network, a technology): never whose
 * figures are, nor what an article is about. Remote Desktop Protocol was the subject of DFIR reports whose "8,000 USD"
 * ransom and "~200MB" exfiltrated became its own, VPN owned the "498,908" users whose credentials leaked from Fortinet
 * devices, SIM the "$68M" lost to SIM swapping (44 figures of the real corpus). Known by a mention written as the
 * acronym whose letters are the name's initials (of all its words, or of those but its function words), so a body whose
 * initials only happen to spell jargon ("Department of State", DOS) is none unless the article writes it so.
 */
export function jargonNames(mentions: readonly Mention[], spelled?: ReadonlySet<string>): ReadonlySet<string> | undefined {
  if (lastJargon && lastJargon.mentions === mentions && lastJargon.length === mentions.length) return lastJargon.names;
  // And the terms the article spells out in lower-case words before their acronyms (`spelled`: "a visible digital seal
  // (VDS)", keyed by those words), jargon of the list or not: made the article's subject, the VDS owned five figures
  // of an article about Covid passes ("around 11 million people" fully vaccinated in Australia).
  let names: Set<string> | undefined = spelled !== undefined && spelled.size > 0 ? new Set(spelled) : undefined;
  for (const m of mentions) {
    const t = m.text;
    if (t.length < 2 || t.length > 6 || m.key.length <= t.length + 2 || !m.key.includes(' ')) continue;
    let lower = t.toLowerCase();
    if (!JARGON.has(lower)) continue;
    // "VPNs", "RATs": the acronym's plural.
    if (lower.length > 2 && lower.charCodeAt(lower.length - 1) === 115 /* s */ && t.charCodeAt(t.length - 1) === 115) lower = lower.slice(0, -1);
    if (names?.has(m.key) || bodyWord(m.key)) continue;
    if (initialsOf(m.key, false) === lower || initialsOf(m.key, true) === lower) (names ??= new Set()).add(m.key);
  }
  lastJargon = { mentions, length: mentions.length, names };
  return names;
}

/** The last article's `jargonNames`, by its mentions array (`mainSubject` and `extractFigures` ask one after the other). */
let lastJargon: { mentions: readonly Mention[]; length: number; names: Set<string> | undefined } | undefined;

/**
 * Whether a name ends on a word for a body of people, not for a trade or a thing ("committee", "team", "center"; not
 * "network", "systems", "security", which end companies' names and technologies' alike): "International Olympic
 * Committee (IOC)" is a body, though "IOC" is also jargon (an indicator of compromise), and so is a "Recovery Asset Team".
 */
function bodyWord(key: string): boolean {
  const last = key.slice(key.lastIndexOf(' ') + 1);
  return ORG_SUFFIXES.has(last) && !ORG_WORDS.has(last) && !THING_WORDS.has(last);
}

/** The first letters of a key's words (split at spaces and hyphens), without its function words when `content`. */
function initialsOf(key: string, content: boolean): string {
  let out = '';
  let start = 0;
  for (let i = 0; i <= key.length; i++) {
    if (i < key.length && key.charCodeAt(i) !== 32 && key.charCodeAt(i) !== 45) continue;
    if (i > start && !(content && FUNCTION_WORDS.has(key.slice(start, i)))) out += key[start];
    start = i + 1;
  }
  return out;
}

/** Whether a mention can be whose figures are: an organisation, or a name with an organisation's word in it. */
export function orgLike(key: string, kind: EntityKind | undefined): boolean {
  if (kind === 'organisation') return true;
  if (kind === 'place' || kind === 'outlet' || kind === 'handle') return false;
  // A single word has no organisation's word beside it.
  if (key.indexOf(' ') < 0) return false;
  let worded = orgWorded.get(key);
  if (worded === undefined) {
    if (orgWorded.size > 100_000) orgWorded.clear();
    // "Microsoft Exchange" is software, whatever its last word says.
    worded = !PRODUCTS.has(key) && key.split(' ').some((w) => ORG_WORDS.has(w));
    orgWorded.set(key, worded);
  }
  return worded;
}
/** `orgLike` of a key of several words by any other kind, by key: asked about three times a mention, each split the key. */
const orgWorded = new Map<string, boolean>();

/**
 * One key per organisation of an article: a short form ("Corvane",
 * "Helmsley") stands for the full name the same article uses ("Corvane
 * Wireless", "Helmsley Health"), so that both give one measure. Only keys of
 * organisation-like names are mapped; the full name is the most mentioned
 * one that starts with the short form and that the body gives no later
 * than it, or a headline gives (a longer name met only after the short one
 * is a part of the organisation: Microsoft's Threat Intelligence Center).
 * A well-known company (`KNOWN_ORGS`) goes the other way: its short name is
 * the key of every longer name that starts with it.
 */
/** Words that say a company's legal form or trade, not which company: "Robinhood Markets" is Robinhood, "QNAP Systems" QNAP. */
const CORPORATE_FORMS = new Set(['inc', 'incorporated', 'corp', 'corporation', 'llc', 'llp', 'ltd', 'limited', 'plc', 'gmbh', 'ag', 'co',
  'company', 'holdings', 'group', 'markets', 'systems', 'networks', 'technologies', 'software', 'labs', 'international']);
/** What is left of a name that names no one ("Global Technologies", "Data Systems") or someone else ("Palo Alto Networks"). */
const GENERIC_NAMES = new Set(['global', 'national', 'american', 'united', 'general', 'first', 'digital', 'data', 'advanced', 'cyber',
  'security', 'information', 'info', 'tech', 'network', 'open', 'smart', 'international', 'the', 'new', 'public', 'private', 'the group',
  'palo alto', 'silicon valley', 'san francisco', 'los angeles']);

/**
 * The key an organisation's figures are kept under, in every article: its
 * name without the words of its legal form or trade ("robinhood markets" →
 * "robinhood"), so that one story's "Robinhood Markets" and another's
 * "Robinhood" state one measure. A name that would be left a place ("Palo
 * Alto Networks") or a common word is kept whole.
 */
export function corporateBase(key: string): string {
  const base = withoutCorporateForm(key);
  return base === key || base.length < 3 || PLACES.has(base) || GENERIC_NAMES.has(base) ? key : base;
}

/** A name with each word of a legal form or trade after it ("palo alto" → "palo alto networks", …). */
export function withCorporateForms(key: string): string[] {
  return CORPORATE_FORM_LIST.map((f) => `${key} ${f}`);
}

const CORPORATE_FORM_LIST = [...CORPORATE_FORMS];

/** A name without the words of its legal form or trade, whatever is left ("palo alto networks" → "palo alto"). */
export function withoutCorporateForm(key: string): string {
  let end = key.length;
  for (;;) {
    const space = key.lastIndexOf(' ', end - 1);
    if (space <= 0 || !CORPORATE_FORMS.has(key.slice(space + 1, end).replace(/\.$/, ''))) break;
    end = space;
  }
  return end === key.length ? key : key.slice(0, end).replace(/,$/, '');
}

function canonicalKeys(mentions: Mention[], kindOf: (key: string) => EntityKind | undefined): (key: string) => string {
  // `mainSubject` and `extractFigures` ask for the same article's keys one after the other.
  if (lastCanon && lastCanon.mentions === mentions && lastCanon.length === mentions.length && lastCanon.kindOf === kindOf) return lastCanon.canon;
  const counts = new Map<string, number>();
  // Where each name is first written in the body, and whether a headline gives it.
  const firstInBody = new Map<string, number>();
  const headlined = new Set<string>();
  for (const m of mentions) {
    counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
    if (m.where === 'body' && !firstInBody.has(m.key)) firstInBody.set(m.key, m.span.start);
    else if (m.where === 'title' || m.where === 'subtitle') headlined.add(m.key);
  }
  // The organisation-like names of several words, by their first word, in the order first met.
  const byFirst = new Map<string, string[]>();
  for (const other of counts.keys()) {
    const space = other.indexOf(' ');
    if (space < 0 || !orgLike(other, kindOf(other))) continue;
    const first = other.slice(0, space);
    const list = byFirst.get(first);
    if (list) list.push(other);
    else byFirst.set(first, [other]);
  }
  const full = new Map<string, string>();
  for (const key of counts.keys()) {
    if (key.includes(' ') || kindOf(key) === 'person' || kindOf(key) === 'place') continue;
    const longer = byFirst.get(key);
    if (!longer) continue;
    if (KNOWN_ORGS.has(key)) {
      // A well-known company is the short name, and its longer ones are it or its parts ("Cisco Systems",
      // "SonicWall Capture Labs", "IBM Security"): their figures are the company's.
      for (const other of longer) full.set(other, key);
      continue;
    }
    const short = firstInBody.get(key) ?? Infinity;
    let best: string | undefined;
    for (const other of longer) {
      // A full name the body gives before the short one ("Corvane Wireless", then "Corvane"), or a headline
      // gives (headlines use short names freely); a longer name met only after the short one is a part of
      // it ("Microsoft", then its Threat Intelligence Center).
      if ((headlined.has(other) || (firstInBody.get(other) ?? Infinity) <= short) && (!best || counts.get(other)! > counts.get(best)!)) best = other;
    }
    if (best) full.set(key, best);
  }
  const canon = (key: string) => corporateBase(full.get(key) ?? key);
  lastCanon = { mentions, length: mentions.length, kindOf, canon };
  return canon;
}

/** The last article's `canonicalKeys`, by its mentions array (one article at a time, so one is enough). */
let lastCanon: { mentions: Mention[]; length: number; kindOf: (key: string) => EntityKind | undefined; canon: (key: string) => string } | undefined;

/**
 * The organisation an article is about: of the organisation-like names it
 * mentions (short forms counted with their full names; products and sites,
 * entities of kind other, count too), the one named in the title, the
 * subtitle or the first sentence of the body (`firstBody`, an index into the
 * sentences), then the most mentioned, then the first. A regulator or a
 * rival named once in passing is not it, nor is anything named only once
 * outside the opening.
 */
export function mainSubject(mentions: Mention[], kindOf: (key: string) => EntityKind | undefined, firstBody = -1, sentences?: SentenceRef[], spelled?: ReadonlySet<string>): string | undefined {
  const canon = canonicalKeys(mentions, kindOf);
  const reading = sentences ? readingsOf(sentences) : undefined;
  // A threat actor is what the article is about only as the one who attacks ("the Karma ransomware gang").
  // Only the names that could be the subject are asked, each until it is found attacking once.
  const candidate = (m: Mention) => orgLike(m.key, kindOf(m.key)) || kindOf(m.key) === 'other';
  // A term the article spells out for jargon ("Remote Desktop Protocol (RDP)", `jargonNames`) is scored, never an organisation.
  const terms = jargonNames(mentions, spelled);
  const actors = sentences && reading ? threatActors(mentions, sentences, reading, candidate, true) : new Set<string>();
  const score = new Map<string, { n: number; first: number; org: boolean; lead: boolean; term: boolean }>();
  for (const m of mentions) {
    // A product or site the article is about ("Artwork Archive", kind other) counts too; people and places do not.
    if (m.sentence < 0 || actors.has(m.key) || !candidate(m)) continue;
    const key = canon(m.key);
    const s = score.get(key) ?? { n: 0, first: m.span.start, org: false, lead: false, term: terms !== undefined && terms.has(m.key) };
    // The opening sentence leads only for an organisation: a platform, a product or a kind of thing it names in passing
    // ("Fake Android apps are being deployed …", "A former US Army reservist has been charged …", "… the BitConnect
    // cryptocurrency Ponzi scheme") took the subject from the malware or company the article is about once the opening
    // sentence of 1,012 ZDNet articles was read past their "Unknown" line (EskyFun's million users were Android's, a
    // reservist's $184,723 the Army's, not the DOJ's). With this, of 114 figures the two changes moved on 6 December,
    // about 35 went to their right owner (RiskRecon's study, not Advisen's database; WatchGuard's report, XLoader) and 13
    // to a wrong one (the Diicot gang's botnets Discord's, ZLoader's victims Microsoft's).
    const opening = m.sentence === firstBody && orgLike(m.key, kindOf(m.key));
    s.n += m.where === 'title' || m.where === 'subtitle' ? 3 : opening ? 2 : 1;
    s.first = Math.min(s.first, m.span.start);
    s.org ||= orgLike(m.key, kindOf(m.key)) && !terms?.has(m.key);
    s.lead ||= m.where === 'title' || m.where === 'subtitle' || opening;
    score.set(key, s);
  }
  let best: string | undefined;
  let bestOrg: string | undefined;
  for (const [key, s] of score) {
    const b = best === undefined ? undefined : score.get(best)!;
    if (!b || s.n > b.n || (s.n === b.n && s.first < b.first)) best = key;
    const o = bestOrg === undefined ? undefined : score.get(bestOrg)!;
    if (s.org && (!o || s.n > o.n || (s.n === o.n && s.first < o.first))) bestOrg = key;
  }
  // A thing the article keeps naming (a product, a feature, a term: kind other) but that neither its headlines nor its
  // opening sentence name is not what it is about when an organisation they do name is mentioned nearly as often:
  // Randori's report on its "Temptation Score" (9 against Randori's 8) made "six" attributes the score's, a federal
  // advisory's sums were "Server Message Block"'s, Microsoft's own DDoS figures "User Datagram Protocol"'s. Of 369
  // articles whose subject a looser rule (any organisation half as often named) moved, half were wrong (the victim
  // "Yandex" lost to the botnet's routers, "Artwork Archive" to the researchers who found its leak); this one moves the
  // figures of 9 (41 figures, 32 to their right owner, 6 to no better one).
  const b = best === undefined ? undefined : score.get(best)!;
  const o = bestOrg === undefined ? undefined : score.get(bestOrg)!;
  if (b && o && !b.org && !b.lead && o.lead && o.n * 2 >= b.n) best = bestOrg;
  // One mention in passing does not make an article about it.
  if (best === undefined || score.get(best)!.n < 2) return undefined;
  // An article most about a term ("Remote Desktop Protocol (RDP)" in DFIR reports, "Subscriber Identity Modules (SIM)" in a
  // SIM-swapping story, "Virtual Private Network (VPN)" in a review of VPN services) is about a kind of thing: no one's
  // figures by default. The next name down was as wrong: AnyDesk for the "~200MB" exfiltrated in an intrusion, ProxyShell
  // for its "8,000 USD" ransom, NordVPN for the "$6 to $12" a month the VPN services reviewed cost.
  if (score.get(best)!.term) return undefined;
  // A body named after a place the article is about more ("Victoria launches five-year AU$50 million cyber strategy",
  // Victoria six times, "Victoria Police" twice) is not what it is about: the place is, or its government, and neither
  // owns the figures in its stead (the strategy's "over AU$50 million" was Victoria Police's).
  return placeAbout(mentions, kindOf, best, score.get(best)!.n, firstBody) ? undefined : best;
}

/**
 * Whether the article is about a place whose name `key` takes in as whole words ("victoria" in "victoria police",
 * "digital victoria"): the place is named in a headline or the opening sentence and, counted as `mainSubject` counts,
 * scores more than `key` does (`n`).
 */
function placeAbout(mentions: Mention[], kindOf: (key: string) => EntityKind | undefined, key: string, n: number, firstBody: number): boolean {
  if (!key.includes(' ')) return false;
  let lead = false;
  let found: string | undefined;
  let count = 0;
  for (const m of mentions) {
    if (m.sentence < 0 || kindOf(m.key) !== 'place') continue;
    if (found === undefined) {
      const at = key.indexOf(m.key);
      if (at < 0 || (at > 0 && key[at - 1] !== ' ') || (at + m.key.length < key.length && key[at + m.key.length] !== ' ')) continue;
      found = m.key;
    } else if (m.key !== found) continue;
    const head = m.where === 'title' || m.where === 'subtitle';
    count += head ? 3 : m.sentence === firstBody ? 2 : 1;
    lead ||= head || m.sentence === firstBody;
  }
  return lead && count > n;
}

// ---------------------------------------------------------------------------
// The extractor

/**
 * The figures of an article. `sentences` are all its sentences in order
 * (title, subtitle, body); `mentions` its entity mentions; `kindOf` tells an
 * entity's kind; `fallbackSubject` is the article's main entity, the subject
 * of figures whose sentence names no organisation; `siteLinks` are the
 * article's links to other stories of its own site (their text's span, in
 * the document, and address), as the parser found them; `opens` the indexes
 * of the sentences that open a paragraph (a subject is carried over within
 * one only).
 */
export function extractFigures(
  sentences: SentenceRef[],
  mentions: Mention[],
  kindOf: (key: string) => EntityKind | undefined,
  fallbackSubject?: string,
  headlines = 0,
  siteLinks: readonly { textSpan: Span; url: string }[] = [],
  opens?: ReadonlySet<number>,
  spelled?: ReadonlySet<string>,
): Figure[] {
  const figures: Figure[] = [];
  const bySentence = mentionsBySentence(sentences, mentions);
  const canon = canonicalKeys(mentions, kindOf);
  // A short form the article gives for an organisation's full name is that organisation, whatever the entity extractor
  // made of it alone: "Cambridge Investment Research … (collectively, Cambridge)", then "The Cetera companies will pay
  // a $300,000 penalty while Cambridge will pay a $250,000 penalty and KMS will pay a $200,000 penalty" (both of kind
  // other alone: all three sums were KMS's, the only organisation left in the sentence). Not a product's name before a
  // longer name ("Pegasus", then "the Pegasus Project" that reported on it).
  // Nor is a term the article spells out for jargon ("Virtual Private Network (VPN)"): see `jargonNames`.
  const terms = jargonNames(mentions, spelled);
  const isOrg = (m: Mention) => {
    if (terms?.has(m.key)) return false;
    const kind = kindOf(m.key);
    return orgLike(m.key, kind) || ((kind === 'other' || kind === undefined) && !m.key.includes(' ') && !PRODUCTS.has(m.key) && canon(m.key) !== m.key);
  };
  /**
   * The threat actors of the article: the names it calls a gang, a group or
   * hackers anywhere ("the LockBit ransomware gang"). A sum of money is never
   * theirs, also where the sentence names them bare ("LockBit claimed … and
   * demanded $50 million as ransom" is Accenture's ransom). Found when first needed.
   */
  let actors: Set<string> | undefined;
  const actorsIn = (): Set<string> => threatActors(mentions, sentences, reading, isOrg);
  const allActors = (): Set<string> => (actors ??= actorsIn());
  /** The owners a figure of `unit` may have: for a sum of money, not the article's threat actors. */
  const moneyless = (unit: Unit, list: Mention[]): Mention[] => {
    if (!MONEY.has(unit) || !list.length) return list;
    const a = (actors ??= actorsIn());
    return a.size ? list.filter((m) => !a.has(m.key)) : list;
  };
  /**
   * A sentence that names no organisation continues the one before in its
   * paragraph ("LinkedIn … blocked 11.6 million fake accounts. However, some
   * 85,700 accounts were stopped after users reported them."): the
   * organisation a sentence before opens with (not as a source or an
   * attacker), looking two sentences back, when no paragraph break stands
   * between.
   */
  const carried = new Map<number, string | undefined>();
  const carriedSubject = (si: number): string | undefined => {
    if (!carried.has(si)) carried.set(si, carriedFrom(si));
    return carried.get(si);
  };
  const carriedFrom = (si: number): string | undefined => {
    for (let k = si - 1; k >= 0 && k >= si - 2; k--) {
      // A new paragraph (`opens`, the sentences that open one; without it, more than two characters between, as "\n\n"
      // is no more than two spaces). "\n\n" let the organisation a paragraph opened with own the next paragraph's
      // figures ("Handelsblatt said 233 gas stations across Germany …" were Apple's), unless the paragraph ended in blanks.
      if (opens ? opens.has(k + 1) : sentences[k + 1].span.start - sentences[k].span.end > 2) return undefined;
      const v = reading[k].v;
      // Only the sentence's own subject carries over: a name at its start, not one further on ("… through Equifax").
      const found = bySentence[k].filter((m) => m.span.start - sentences[k].span.start <= 40 && isOrg(m)
        && !speaks(v, m, sentences[k].span.start) && !actsAgainst(v, m, sentences[k].span.start) && !listedAsExample(v, m, sentences[k].span.start)
        && !affiliation(v, m, bySentence[k], sentences[k].span.start, kindOf));
      if (found.length) return found[0].key;
    }
    return undefined;
  };
  const reading = readingsOf(sentences);
  /**
   * "The hospital system did not say how many …, they said 1,357,879 people were affected": a sentence that opens on
   * what the article called an organisation before ("the Broward Health hospital system", "fashion label Guess") is
   * that organisation's, not the one the sentence before opened with (there, the DOJ).
   */
  const describedSubject = (si: number): string | undefined => {
    const open = DESCRIBED_RE.exec(reading[si].v);
    if (!open) return undefined;
    const phrase = open[1].toLowerCase().replace(/\s+/g, ' ');
    // "The company", "The group" alone are whatever the article is about ("security company Threat Stack" was bought).
    if (!phrase.includes(' ') && GENERIC_DESCRIPTIONS.has(phrase)) return undefined;
    let found: string | undefined;
    // The forty sentences before at most: a description refers to a name not far back, and a long article of such
    // openings stays linear.
    for (let k = Math.max(0, si - 40); k < si; k++) {
      const v = reading[k].v;
      const off = sentences[k].span.start;
      for (const m of bySentence[k]) {
        if (!isOrg(m)) continue;
        const a = m.span.start - off;
        const b = m.span.end - off;
        if (v.slice(b, b + phrase.length + 1).toLowerCase() === ` ${phrase}` || (a > phrase.length && v.slice(a - phrase.length - 1, a).toLowerCase() === `${phrase} `)) found = m.key;
      }
    }
    return found;
  };
  // How the article writes each bare number and the capitalised word after it (`numberedWords`), read when first needed.
  let numbered: Map<string, NumberedWord> | undefined;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const raws = reading[si].numbers;
    // A related story's headline ("* [Verizon breach hits 9 million customers](…)") states nothing here.
    if (!raws.length || isLinkOnly(s.text) || isStyleSheet(s.text)) continue;
    const v = reading[si].v;
    const ms = bySentence[si];
    const offset = s.span.start;
    const local = localsOf(ms, offset);
    let orgs: Mention[] | undefined;
    // The organisations a figure of this sentence may belong to: not those that only speak or attack (found once per sentence).
    let owners: Mention[] | undefined;
    // The organisations it names as examples of a kind (see `listedAsExample`), found once per sentence.
    let examples: Mention[] | undefined;
    let persons: Mention[] | undefined;
    // What the sentence's opening words call an organisation named before (`describedSubject`), found once per sentence.
    let described: [string | undefined] | undefined;
    for (let ri = 0; ri < raws.length; ri++) {
      const scaled = scaledByNext(v, raws, ri);
      // "revenue of $193 million to $195 million", "between 1,000 and 2,000 customers": one figure, the range its bounds.
      const upTo = rangeEnd(v, scaled, raws[ri + 1], scaled !== raws[ri]);
      const raw = upTo ? { ...scaled, end: upTo.end, value: tidy((scaled.value + upTo.value) / 2) } : scaled;
      if (upTo) ri++;
      // "6K+ customers", "10,000+ sites": at least that many.
      const plus = code(v, raw.end) === 43 /* + */ && !/[\w+]/.test(v[raw.end + 1] ?? ' ') && !raw.symbol;
      const r = plus ? { ...raw, end: raw.end + 1 } : raw;
      let start = r.symbol?.start ?? r.start;
      let low = upTo ? scaled.value : r.value - r.half;
      let high = upTo ? upTo.value : r.value + r.half;
      let hedge: string | undefined;
      if (upTo) {
        // The figure as written takes in "between" or a hedge ("about 1 to 2 million"); the range is what was written,
        // and a hedge on it widens nothing (the card shows its bounds).
        const between = BETWEEN_BEFORE_RE.exec(v.slice(Math.max(0, start - 10), start));
        const window = v.slice(Math.max(0, start - 24), start);
        const hm = between ? null : HEDGE_RE.exec(window);
        if (between) start -= between[0].length;
        else if (hm) start = start - window.length + hm.index + hm[0].indexOf(hm[1]);
        hedge = 'between';
      } else if (r.unit !== 'year') {
        let cls: HedgeClass | undefined;
        if (r.symbol) {
          hedge = r.symbol.text;
          cls = HEDGE_CLASS[hedge];
        } else if (plus) {
          hedge = '+';
          cls = 'more';
        } else {
          const window = v.slice(Math.max(0, start - 24), start);
          const hm = HEDGE_RE.exec(window);
          if (hm) {
            hedge = hm[1].toLowerCase().replace(/\s+/g, ' ');
            cls = HEDGE_CLASS[hedge];
            start = start - window.length + hm.index + hm[0].indexOf(hm[1]);
          }
        }
        if (cls) {
          [low, high] = interval(cls, r.value);
          low = tidy(low);
          high = tidy(high);
        }
        // "more than 85 percent of users" is not up to 127.5% of them (a rise may be: "increased more than 90 percent").
        if (r.unit === 'percent' && r.value < 100 && /^\s+of\b/.test(v.slice(r.end, r.end + 5))) high = Math.min(high, 100);
      }
      low = Math.max(0, low);
      // "one in four people", "Figure 3", "1 - 5 of 18" count no one; nor does a reference mark ("[2](https://…)", "[2]").
      if (countsNothing(v, start, r.end) || referenceMark(s.text, start, r.end) || (upTo && countsNothing(v, scaled.start, scaled.end))) continue;
      // "two years ago", "Fifteen years ago we were thinking …": a time, not how long anything lasted.
      if (r.unit === 'days' && AGO_END_RE.test(v.slice(r.start, r.end))) continue;
      // "no one is ever 100 percent safe": a manner of speaking, no share of anything.
      if (r.unit === 'percent' && r.value === 100 && WHOLLY_AFTER_RE.test(v.slice(r.end, r.end + 16))) continue;
      // "MensLine Australia on 1300 789 978": a telephone number's groups count nothing.
      if (r.unit === 'count' && !hedge && phoneNumber(v, r.start, r.end)) continue;
      // "451 Research surveyed 525 data leaders", "WTSP 10 News": a name that starts with a number.
      if (si >= headlines && !hedge && r.unit === 'count' && namedAfter(v, r)) continue;
      // "The 888 RAT used in the BladeHawk campaign", "sold by 42 Gears, prompting …": a name that opens on a number.
      if (!hedge && r.unit === 'count' && r.value >= 2) {
        const w = wordAfterNumber(v, r);
        if (w && nameByUse((numbered ??= numberedWords(reading)).get(`${v.slice(r.start, r.end)} ${w.word}`), w.word)) continue;
      }
      // "Firefox 90 lands", "iOS 14.6", "Intel 471": a number right after a name is its version or model.
      if (!hedge && r.unit === 'count' && versionOfName(v, r, local, kindOf, si < headlines)) continue;
      // A number that is part of a name ("Intel 471", "Office 365") is no figure.
      if (r.unit === 'count' && insideName(local, r)) continue;

      let measured: Measured = { qualifiers: [], inside: [] };
      if (r.unit !== 'year' && r.unit !== 'age') {
        measured = measureAfter(v, r, local, offset);
        if (!measured.noun && r.unit === 'count') measured = measureBefore(v, start, local, offset) ?? measured;
      }
      // "Florida, which saw 111.1 million ransomware attempts", "Latin America, with 1,118 attacks weekly": a place's,
      // a sector's or a family's share of a count (see `breakdownBefore`).
      if (r.unit !== 'year' && r.unit !== 'age') {
        const part = breakdownBefore(v, start, local, kindOf, MONEY.has(r.unit));
        if (part !== undefined && !measured.qualifiers.includes(part)) measured = { ...measured, qualifiers: [...measured.qualifiers, part] };
        // "SonicWall researchers recorded 93.9 million instances of Ryuk": the family's part of the report's count.
        const family = measured.noun !== undefined && measured.nounSpan && FAMILY_COUNTED.has(measured.noun) ? familyAfter(v, measured.nounSpan.end - offset, local, kindOf) : undefined;
        if (family !== undefined && !measured.qualifiers.includes(family)) measured = { ...measured, qualifiers: [...measured.qualifiers, family] };
      }
      // "up to 10 browser zero-days found so far this year": a running count, not the two of this update.
      if (measured.noun !== undefined && r.unit === 'count' && soFar(v, r.end)) measured = { ...measured, qualifiers: [...measured.qualifiers, SO_FAR] };
      // "hackers stole crypto-assets worth $324 million", "lost about $320 million", "the $314M heist": the sum stolen.
      if (MONEY.has(r.unit)) measured = stolenSum(v, start, r.end, measured, local, offset);
      // "versions up to and including 2.16", "1.4 times more likely", "an average rank of 6.33": digits after the point
      // that count nothing named are a version, a ratio or a score, never a count ("1.5 million" is 1,500,000).
      if (r.unit === 'count' && !measured.noun && r.half < 0.5) continue;
      const span: Span = { start: offset + start, end: offset + r.end };
      let unit: Unit = r.unit;
      // "when Binns was 18.", "Ilya Lichtenstein, 34,": a bare small number said of a person is an age.
      if (unit === 'count' && !measured.noun && !hedge && Number.isInteger(r.value) && r.value <= 120 && r.end === r.start + String(r.value).length
        && /^\s*(?:[.,;:)]|$)/.test(v.slice(r.end, r.end + 2)) && saidOfPerson(v, r.start, local, kindOf)) {
        unit = 'age';
        measured = { qualifiers: [], inside: [] };
      }
      let subject: string | undefined;
      if (unit === 'age') subject = nearest((persons ??= ms.filter((m) => kindOf(m.key) === 'person')), span)?.key;
      else if (unit !== 'year') {
        // "As Coinbase noted when 6,000 of its customers …", "GoDaddy said 1.2 million of its WordPress customers": the
        // organisation the sentence names last before the figure, even one that speaks, is whose they are, not a product's.
        const possessor = measured.theirs ? subjectNear(neitherAgainstNorMedium((orgs ??= ms.filter(isOrg)), v, offset), span)?.key : undefined;
        const inside = insideOwner(measured, terms, kindOf, isOrg, possessor) ?? possessor;
        // "the Conti ransomware group alone brought in $180 million from ransoms": what a gang made from its victims
        // together is its own, though a ransom it demands or is paid is its victim's (`moneyless`, `actsAgainst`).
        // The name nearest before it must be the gang's, and the one that made it ("BazaCall … and the Ryuk ransomware,
        // which has made about $150 million" is not BazaCall's; "Acme Corp, hit by the Conti gang, made $5 million in
        // sales" is Acme's), not an example ("Groups like the Conti gang made …"). Money made from a victim the
        // sentence names after it is the victim's ("… from the attack on Acme Corp").
        const earner = inside === undefined && MONEY.has(r.unit) && (measured.noun === undefined || EARNED_NOUNS.has(measured.noun))
          && EARNED_BEFORE_RE.test(v.slice(Math.max(0, start - 60), start)) && !fromVictim(v, r.end, ms, offset, isOrg)
          ? earnerOf(lastBefore(notSpeaking(ms, v, offset), span), v, offset, start, isOrg, kindOf, allActors) : undefined;
        // A sum a person gains, takes, owes or pays is the person's (`payerOf`): "Onoimoimilin netted over $2.2 million",
        // "Baier will be forced to pay $750,000", not the DOJ's who reports it nor the article's subject's.
        const payer = inside === undefined && earner === undefined && !measured.general && (MONEY.has(r.unit) || r.unit === 'btc')
          ? payerOf(v, local, start, measured.noun, kindOf)?.key : undefined;
        // A sum stolen from no one in particular is no one's, whoever the sentence names.
        let named = inside ?? earner ?? payer;
        if (named === undefined && !measured.general) {
          if (owners === undefined) {
            // A plain loop, not a filter: the examples are found only once an organisation passes the other tests.
            orgs ??= ms.filter(isOrg);
            owners = [];
            for (const m of orgs) {
              if (speaks(v, m, offset) || actsAgainst(v, m, offset) || asMedium(v, m, offset) || compared(v, m, offset)) continue;
              examples ??= examplesIn(orgs, v, offset);
              if (!examples.includes(m)) owners.push(m);
            }
          }
          named = subjectNear(unhosted(measured, moneyless(r.unit, owners)), span, v, offset, raws)?.key ?? listLead(s.text, ms, offset, isOrg);
        }
        // A clause someone reports about one person is the person's (`reportedPerson`), not the reporter's, nor the
        // article's subject standing in; how long something lasted is still no one's without a noun (see `unowned`).
        const voiced = !measured.general && !(r.unit === 'days' && measured.noun === undefined) && inside === undefined && earner === undefined
          ? reportedPerson(v, ms, span, offset, kindOf) : undefined;
        // An organisation the clause names after the figure is still its owner ("… stole 10,000 records from Acme Corp").
        if (voiced !== undefined && named === voiced.speaker.key) {
          named = subjectNear(unhosted(measured, moneyless(r.unit, withoutKey(owners ?? [], named))), span, v, offset)?.key;
        }
        if (voiced !== undefined && named === undefined) named = voiced.person.key;
        const speaker = named === undefined && fallbackSubject === undefined ? subjectNear(orgs ?? [], span, v, offset)?.key : undefined;
        // A sentence that names organisations before the figure only as examples of a kind ("operations such as
        // REvil or DarkSide work … 70 percent") is about the kind: no one's figure.
        const exampled = named === undefined && examples !== undefined && endsBefore(examples, span.start);
        // A figure in the text of a link to another story of the same site ("the first half of 2021 [saw 1.5
        // billion attacks](https://threatpost.com/…)") is that story's: neither the article's subject nor the
        // sentence before stands in for its owner. (A link elsewhere may be this story's evidence: "Grim Finance
        // said [about $30 million](https://ftmscan.com/…)".) Unless the linked story is about the subject too, by its
        // address ("[posted a list of 30 million](https://threatpost.com/t-mobile-investigates-100m-records/…)") or
        // by the sentence ("T-Mobile had estimated the total … to be [~40 million](https://threatpost.com/…)").
        // The story linked to is about whichever of the sentence's organisations its address names ("[Singtel said …
        // 129,000 customers](https://www.zdnet.com/article/singtel-breach-…)"), or the sentence before's.
        // (The number, whether or not its hedge stands in the link too: "well [over $6 million](…)".)
        const link = named === undefined ? linkAround(siteLinks, { start: offset + (r.symbol?.start ?? r.start), end: span.end }) : undefined;
        const cited = link !== undefined && !(fallbackSubject !== undefined && addressNames(link, fallbackSubject))
          && !namesCanon((orgs ??= ms.filter(isOrg)), canon, fallbackSubject);
        const linked = cited ? linkedOrg((orgs ??= ms.filter(isOrg)), link, canon) : undefined;
        // A sum is never a gang's by description ("The ransomware group is demanding a $5.9 million ransom").
        const describedAs = named === undefined ? (described ??= [describedSubject(si)])[0] : undefined;
        const describedOwner = describedAs !== undefined && !(MONEY.has(r.unit) && (actors ??= actorsIn()).has(describedAs)) ? describedAs : undefined;
        // A sentence where the article's subject speaks is about its own ("On Oct. 22, Sky told the security firm that
        // 99 percent of the vulnerable routers had been fixed" was Pen Test Partners', the firm the sentence before opened
        // with): the subject stands in, not the sentence before's. 9 real figures move, 6 rightly, 3 to no one, none wrongly.
        // (Asked only where the sentence before could stand in: `speaks` reads a window around each organisation.)
        const before = named === undefined && !exampled && !measured.general && (!cited || linked === undefined)
          && !(fallbackSubject !== undefined && speaksAs((orgs ??= ms.filter(isOrg)), canon, fallbackSubject, v, offset)) ? describedOwner ?? carriedSubject(si) : undefined;
        const carried = linked ?? (cited && !(before !== undefined && addressNames(link, before)) ? undefined : before);
        // So is a sentence about a whole sector or population ("the healthcare sector sees 752 attacks a week").
        const general = exampled || (cited && carried === undefined) || (named === undefined && (measured.general || (carried === undefined && ofPopulation(v, start))));
        // The article's subject stands in for the owner, but not of a count made in passing (`INCIDENTAL_NOUNS`):
        // "three methods", "two vulnerabilities" in a sentence naming no one are no one's in particular.
        const fallback = measured.noun !== undefined && INCIDENTAL_NOUNS.has(measured.noun) ? undefined : fallbackSubject;
        // How long something lasted that the sentence names no owner of ("will now spend five years in prison", "my
        // 30-year career") is no one's: neither the article's subject nor the sentence before's.
        const unowned = (r.unit === 'days' && measured.noun === undefined) || (named === undefined && conditional(v, start));
        subject = named !== undefined ? canon(named) : unowned ? undefined : carried !== undefined ? canon(carried) : general ? undefined : fallback ?? (speaker !== undefined ? canon(speaker) : undefined);
        // A currency owns nothing ("nearly $400 million in Ether"), nor a platform the apps or sites counted are on
        // that the sentence does not name as their owner ("Over a million WordPress sites" of a GoDaddy breach, by the
        // article's subject; another story's 1.6 million). "GitHub removed 300 repositories" stays GitHub's.
        // A law counts nothing of its own (`isLaw`): the incidents reported under it, the users it covers. Such a figure
        // is no one's, not the next name's down: that was as wrong (CISA for the federal agencies' "30,819" incidents
        // reported under FISMA). The sums a law sets stay its own, as a measure ("fines of up to 50 million yuan"
        // under the PIPL, restated in four articles, are one measure there; so is the NDAA's "$740 billion").
        if (subject !== undefined && (CURRENCY_KEYS.has(subject) || (isLaw(subject) && !MONEY.has(unit)) || (named === undefined && measured.noun !== undefined && HOSTED.has(measured.noun) && HOSTS.has(subject)))) subject = undefined;
      }
      const qualifiers = [...new Set(measured.qualifiers)].sort();
      figures.push(newFigure(
        span, asWritten(s.text.slice(start, r.end)), r.value, low, high, unit, hedge || undefined, measured.noun || undefined, measured.noun ? measured.nounSpan : undefined,
        qualifiers, subject || undefined, measureKey(subject, measured.noun, qualifiers), si, undefined,
      ));
    }
  }
  if (headlines > 0) {
    nameHeadlines(figures, headlines);
    qualifyHeadlines(figures, headlines);
  }
  return figures;
}

// The per-figure tests of `extractFigures`, as functions of their own and plain loops: a closure in its loop kept the
// loop's variables in a heap context, which slowed every use of them.

/** Whether the number `r` is part of a name of the sentence ("Intel 471", "Office 365"). */
function insideName(local: Locals, r: RawNumber): boolean {
  for (const l of local.list) if (l.start <= r.start && r.end <= l.end && (l.start < r.start || r.end < l.end)) return true;
  return false;
}

/** The mentions of `list` that neither act against anyone nor are a medium (see `actsAgainst`, `asMedium`). */
function neitherAgainstNorMedium(list: Mention[], v: string, offset: number): Mention[] {
  const out: Mention[] = [];
  for (const m of list) if (!actsAgainst(v, m, offset) && !asMedium(v, m, offset)) out.push(m);
  return out;
}

/** The first name inside a figure's noun phrase that may own it (the key), see `extractFigures`. */
function insideOwner(measured: Measured, terms: ReadonlySet<string> | undefined, kindOf: (key: string) => EntityKind | undefined, isOrg: (m: Mention) => boolean, possessor: string | undefined): string | undefined {
  for (const m of measured.inside) {
    const k = kindOf(m.key);
    if (!terms?.has(m.key) && ((k !== 'person' && k !== 'place') || isOrg(m)) && !hostOf(m, measured.noun) && !(possessor !== undefined && k === 'other')) return m.key;
  }
  return undefined;
}

/**
 * The key of `m` when it is who made a sum of money (see `extractFigures`): a gang, named right before the sum
 * (`start`), neither after "by" nor set off by a comma, nor an example.
 */
function earnerOf(m: Mention | undefined, v: string, offset: number, start: number, isOrg: (m: Mention) => boolean, kindOf: (key: string) => EntityKind | undefined, actors: () => Set<string>): string | undefined {
  return m !== undefined && (isOrg(m) ? actsAgainst(v, m, offset) || actors().has(m.key) : kindOf(m.key) !== 'person' && calledAGang(v, m, offset))
    && !BY_BEFORE_RE.test(v.slice(Math.max(0, m.span.start - offset - 12), m.span.start - offset)) && !/,(?!\s+which\b)/.test(v.slice(m.span.end - offset, start))
    && !listedAsExample(v, m, offset) ? m.key : undefined;
}

/** The mentions of `list` that do not speak (see `speaks`). */
function notSpeaking(list: Mention[], v: string, offset: number): Mention[] {
  const out: Mention[] = [];
  for (const m of list) if (!speaks(v, m, offset)) out.push(m);
  return out;
}

/** The organisations of `orgs` the sentence names as examples of a kind (see `listedAsExample`). */
function examplesIn(orgs: Mention[], v: string, offset: number): Mention[] {
  const out: Mention[] = [];
  for (const m of orgs) if (listedAsExample(v, m, offset)) out.push(m);
  return out;
}

/** The mentions of `list` but those of `key`. */
function withoutKey(list: Mention[], key: string): Mention[] {
  const out: Mention[] = [];
  for (const m of list) if (m.key !== key) out.push(m);
  return out;
}

/** Whether a mention of `list` ends by `at`. */
function endsBefore(list: Mention[], at: number): boolean {
  for (const m of list) if (m.span.end <= at) return true;
  return false;
}

/** The address of the first of `links` whose text holds `span`. */
function linkAround(links: readonly { textSpan: Span; url: string }[], span: Span): string | undefined {
  for (const l of links) if (l.textSpan.start <= span.start && span.end <= l.textSpan.end) return l.url;
  return undefined;
}

/** Whether a mention of `orgs` is `key` by its canonical key. */
function namesCanon(orgs: Mention[], canon: (key: string) => string, key: string | undefined): boolean {
  for (const m of orgs) if (canon(m.key) === key) return true;
  return false;
}

/** The key of the first of `orgs` that the address `link` names (see `addressNames`). */
function linkedOrg(orgs: Mention[], link: string, canon: (key: string) => string): string | undefined {
  for (const m of orgs) if (addressNames(link, canon(m.key)) || addressNames(link, m.key)) return m.key;
  return undefined;
}

/** Whether a mention of `orgs` that is `key` by its canonical key speaks (see `speaks`). */
function speaksAs(orgs: Mention[], canon: (key: string) => string, key: string, v: string, offset: number): boolean {
  for (const m of orgs) if (canon(m.key) === key && speaks(v, m, offset)) return true;
  return false;
}

/**
 * Whether the figure starting at `start` stands in a condition or a supposition
 * ("If you've got 100,000 files, think of how long that would take", "if you can
 * restore 10 gigabytes an hour … but you have 100 terabytes", "If you are in
 * immediate danger, please call 911"): the clause it is in (back to the last
 * comma, colon, dash, bracket or quotation mark, at most 100 characters) opens
 * on "if", "imagine", "suppose" or "let's say". Such a figure is no one's, not
 * the sentence before's subject nor the article's, unless the sentence names
 * its owner. Not "if" after a verb, where it means "whether" ("unclear if the
 * company paid the $70 million", "checks if the file is more than 32 bytes"),
 * nor a figure after the clause ("If a victim pays, the affiliate gets 70 percent").
 */
function conditional(v: string, start: number): boolean {
  const from = Math.max(0, start - 100);
  let k = start - 1;
  while (k >= from && !breaksClause(code(v, k))) k--;
  if (k < from && from > 0) return false;
  const clause = v.slice(k + 1, start);
  // "if we take the prevalence counts into consideration that's 5,579,399,834 occurrences": the main clause, no comma.
  // "even if it's 80 percent bluff": the condition's own "it's" opens no main clause.
  const open = CONDITION_OPEN_RE.exec(clause);
  // "If you're one of the 3 million customers affected": a count given before, named definitely, is no supposition.
  return open !== null && !MAIN_CLAUSE_RE.test(clause.slice(open[0].length)) && !DEFINITE_BEFORE_RE.test(clause);
}
const DEFINITE_BEFORE_RE = /\b(?:the|those|these|its|their)\s+(?:(?:first|last|other|remaining|affected)\s+)?$/i;
const MAIN_CLAUSE_RE = /\s(?:that|it|this|there)['’]s\s/i;
/** Whether `c` is one of `,;:()—–"“”‘*`, by character code: read back up to a hundred characters a figure. */
function breaksClause(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2014 || c === 0x2013 || c === 34 || c === 0x201c
    || c === 0x201d || c === 0x2018 || c === 42;
}
const CONDITION_OPEN_RE = /^\s*(?:(?:and|but|or|so|because|even|only|yet)\s+)?(?:if|imagine|suppose|supposing|let['’]s\s+say|what\s+if)\s/i;

/**
 * A figure as a reader sees it written: without the Markdown between a hedge
 * and its number ("at least [$2.2 billion was stolen](…)" gives "at least
 * $2.2 billion", "**more than** 5 million" "more than 5 million"), with single spaces.
 */
function asWritten(raw: string): string {
  const out = /[[*_]/.test(raw) ? raw.replace(/[[\]*_]+/g, '') : raw;
  // On one line, single-spaced: a break the text as read keeps (a lone CR, a line after a link; `ReadText`) is a space
  // to a reader, and so are two spaces written.
  return /\s\s|[\r\n]/.test(out) ? out.replace(/\s{2,}|[\r\n]/g, ' ') : out;
}

/**
 * "made", "brought in", "has earned more than": money coming in, right before the sum (not "made a $5 million
 * ransom demand", a sum of another kind).
 */
const EARNED_BEFORE_RE = /\b(?:made|makes|earned|earns|brought\s+in|brings\s+in|raked\s+in|rakes\s+in|netted|nets|pocketed|amassed|took\s+in|generated)\s+(?:(?:a\s+total\s+of|in\s+total|more\s+than|over|about|around|nearly|almost|at\s+least|roughly|an\s+estimated|some|upwards\s+of|close\s+to)\s+)*$/i;
/** What money a gang made may be said to be, besides nothing ("$180 million from ransoms"). */
const EARNED_NOUNS = new Set(['revenue', 'earnings', 'profit', 'income']);
/** "hit by the Conti gang": the gang is who acted on the name before it, not the one that made the money. */
const BY_BEFORE_RE = /\bby\s+(?:the\s+)?$/i;

/** Whether an organisation (no gang) is named after "from" after the figure ending at `end`: "… $4.4 million from Colonial Pipeline". */
function fromVictim(v: string, end: number, ms: Mention[], offset: number, isOrg: (m: Mention) => boolean): boolean {
  const from = v.indexOf(' from ', end);
  if (from < 0) return false;
  return ms.some((m) => m.span.start - offset > from && isOrg(m) && !actsAgainst(v, m, offset));
}

/** The mention of `list` that ends last before `span`, in its sentence. */
function lastBefore(list: Mention[], span: Span): Mention | undefined {
  let best: Mention | undefined;
  for (const m of list) if (m.span.end <= span.start && (!best || m.span.end > best.span.end)) best = m;
  return best;
}

const MONEY = new Set<Unit>(['usd', 'eur', 'gbp', 'aud', 'cad', 'hkd', 'nzd', 'sgd', 'cny', 'jpy', 'inr', 'rub']);
/** Nouns of a sum stolen, which is one measure however it is called ("the $314M heist", "the $31 million hack"). */
const THEFT_NOUNS = new Set(['theft', 'heist', 'robbery', 'hack', 'exploit']);
const STOLE_BEFORE_RE = /\b(?:stole|stolen|steal(?:s|ing)?|drain(?:ed|ing)?(?:\s+of)?|siphon(?:ed|ing)?(?:\s+(?:away|off))?|looted|swiped|pilfered|made (?:off|away) with|got away with|robbed of)\s+(?:(?:crypto-?assets|cryptocurrency|crypto|funds|assets|tokens|coins)\s+worth\s+|worth\s+)?$/i;
/** "$77 million was stolen", "$1.4 million being stolen", "$80 million in stolen funds", "the $600m in crypto taken", "over $31m in coins withdrawn". */
const STOLEN_AFTER_RE = /^\s+(?:(?:was|were|has been|have been|had been|being)\s+)?(?:stolen|drained|siphoned|looted|swiped)\b|^\s+(?:in|of|worth of)\s+stolen\s+(?:funds|crypto|cryptocurrency|assets|tokens|coins|money)\b|^\s+(?:worth\s+)?(?:in|of)\s+(?:crypto|cryptocurrency|cryptocurrencies|coins|tokens|digital assets|funds)\s+(?:was\s+|were\s+)?(?:taken|withdrawn|stolen|drained|siphoned)\b/i;
/** "Losses from BitMart breach reach $200 million": what a theft's victim lost in it, totalled. */
const LOSSES_REACH_BEFORE_RE = /\blosses\s+(?:from|in|of)\s+(?:the\s+)?(?:\S+\s+){0,3}?(?:breach|hack|heist|attack|exploit|theft)\s+(?:reach(?:ed|es)?|total(?:l?ed|s)?|top(?:ped|s)?|(?:climb(?:ed|s)?|r[io]se|grow|grew)\s+to)\s+(?:(?:about|around|roughly|approximately|nearly|almost|over|more than|some|an estimated|at least)\s+)?$/i;
/** "the security breach that [caused about $200 million](…) in losses": what a theft cost its victim. */
const BREACH_CAUSED_BEFORE_RE = /\b(?:breach|hack|heist|attack|exploit|theft)\s+(?:that|which)\s+\[?(?:caused|resulted in|led to)\s+(?:(?:about|around|roughly|approximately|nearly|almost|over|more than|some|an estimated|at least)\s+)?$/i;
/** After it (a link's destination, blank in the visible text, may come between): "in losses". */
const IN_LOSSES_AFTER_RE = /^\s+in\s+losses\b/i;
/** "allowed hackers to withdraw $150 million worth of cryptocurrency": a sum thieves took out. */
const THIEVES_WITHDREW_BEFORE_RE = /\b(?:hackers?|attackers?|thie(?:f|ves)|(?:cyber-?)?criminals?|the exploiter)\s+(?:to\s+|had\s+|have\s+|were able to\s+|managed to\s+)?withdr(?:ew|aw|awn)\s+$/i;
/** "the nearly $1 million he lost in the heist": a sum a victim lost in a theft, told after it. */
const LOST_IN_AFTER_RE = /^\s+(?:(?:that|which)\s+)?(?:he|she|they|it|we|I)\s+(?:had\s+|has\s+)?lost\s+in\s+(?:the|a|an|that)\s+(?:[\w-]+\s+)?(?:heist|hack|theft|robbery|attack|exploit|breach)\b/i;
// "Cream Finance has lost over $34 million in cryptocurrency": a loss in coins is a theft; "Australians lost AU$7 million to scams" is not.
const LOST_BEFORE_RE = /\b(?:lost|losing|loses|lose)\s+$/i;
const IN_COINS_AFTER_RE = /^\s+(?:worth\s+)?(?:of|in)\s+(?:crypto|cryptocurrency|cryptocurrencies|bitcoin|ether|ethereum|digital (?:coins|assets|currency)|tokens|funds)\b/i;
/** "lost over $600 million to a hacker", "losing nearly $19 million in an attack": a loss to an attack is a theft. */
const TO_ATTACK_AFTER_RE = /^\s+(?:(?:worth\s+)?(?:of|in)\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:to|in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:hackers?|attackers?|thieves|cyber-?criminals|exploits?|hacks?|heists?|attacks?|breach)\b/i;
/** A speaker, then its own platform or users named before the sum: "X said … in the platform to siphon away". */
const OWN_LOSS_RE = /^[\]\s]*(?:\([^)]*\))?\s*(?:said|says|confirmed|disclosed|announced|reported|admitted)\b[^.;]*\b(its|their|the (?:platform|exchange|protocol|bridge|project|network|company|firm|service))\b/i;
/** What the sentence calls a speaker just before its name: "DeFi platform Poly Network said". */
const PLATFORM_BEFORE_RE = /\b(?:platform|exchange|protocol|bridge|project|network|marketplace|service|wallet provider)\s+\[?$/i;
/** "stolen from DeFi platforms", "from exchanges": a sector, no one in particular ("from hot wallets" is the speaker's). */
const SECTOR_AFTER_FROM_RE = /^(?:[\w-]+\s+)?(?:platforms|protocols|exchanges|projects|companies|firms|organi[sz]ations|businesses|services|bridges|investors|individuals|victims)\b/i;
const SAID_JUST_BEFORE_RE = /^\s*\[?(?:said|says|confirmed|disclosed|announced|reported)\]?\s*(?:that\s+)?(?:(?:about|around|roughly|approximately|more than|over|nearly|almost|some|at least|up to)\s+)?$/i;
const FROM_RE = /^[^.;:]{0,40}?\b(?:stolen|drained|siphoned|taken)\s+from\s+(?:the\s+)?/iy;

/**
 * A sum of money that the sentence says was stolen is a theft, whatever its
 * noun says or does not ("stole crypto-assets worth $324 million", "$80
 * million in stolen funds", "the $314M heist", "lost over $600 million to a
 * hacker"), so the stories of one heist state one measure; and it is the
 * theft of whom it was "stolen from". A sum in brackets after an amount of
 * coins ("93,750 ETH ($251 million)") is that amount converted, and keeps its
 * own reading.
 */
function stolenSum(v: string, start: number, end: number, measured: Measured, ms: Locals, offset: number): Measured {
  if (measured.noun !== undefined && THEFT_NOUNS.has(measured.noun)) {
    // "$400 million worth of cryptocurrency hacks": the sum of many thefts is no one theft.
    const span = measured.nounSpan;
    const plural = span !== undefined && /s$/i.test(v.slice(span.start - offset, span.end - offset)) && !/ss$/i.test(v.slice(span.start - offset, span.end - offset));
    return plural ? { ...measured, noun: 'theft', general: true } : { ...measured, noun: 'theft' };
  }
  if (measured.noun !== undefined || v.charCodeAt(start - 1) === 40 /* ( */) return measured;
  const before = v.slice(Math.max(0, start - 40), start);
  const after = v.slice(end, end + 60);
  const lost = (LOST_BEFORE_RE.test(before) && (IN_COINS_AFTER_RE.test(after) || TO_ATTACK_AFTER_RE.test(after))) || LOSSES_REACH_BEFORE_RE.test(v.slice(Math.max(0, start - 100), start)) || LOST_IN_AFTER_RE.test(after)
    || (BREACH_CAUSED_BEFORE_RE.test(before) && IN_LOSSES_AFTER_RE.test(v.slice(end, end + 300)))
    || (THIEVES_WITHDREW_BEFORE_RE.test(before) && IN_COINS_AFTER_RE.test(after));
  if (!STOLE_BEFORE_RE.test(before) && !STOLEN_AFTER_RE.test(after) && !lost) return ransomSum(v, start, end, measured);
  FROM_RE.lastIndex = 0;
  const from = FROM_RE.exec(after);
  let victim = from ? readWord(v, end + from[0].length, ms)?.mention : undefined;
  // "stolen from cryptocurrency wallets managed by Japanese cryptocurrency exchange Liquid.com": the name the
  // place it was stolen from is given by; "stolen from DeFi platforms in 2021", with none: a sector's losses.
  let general = false;
  if (from && !victim && !/^(?:their|its|the)\b/i.test(after.slice(from[0].length))) {
    const at = end + from[0].length;
    const stop = v.slice(at, at + 100).search(/[.;:!?]|\]\(/);
    const limit = at + (stop < 0 ? 100 : stop);
    victim = ms.list.find((l) => l.start >= at && l.end <= limit)?.m;
    if (!victim && SECTOR_AFTER_FROM_RE.test(v.slice(at, at + 40))) general = true;
  }
  // "Poly Network said an attacker exploited a vulnerability in the platform to siphon away roughly $610 million":
  // a company that tells of its own loss ("the platform", "its users") is whose it is, not the story's subject.
  if (!victim && !general) {
    const speaker = ms.list.filter((l) => l.end <= start).pop();
    const between = speaker ? v.slice(speaker.end, start) : '';
    // "its users": the speaker's own; "the platform": only a speaker the sentence calls a platform ("DeFi platform
    // Poly Network said"), not a firm that comments on another's loss ("Chainalysis said … the platform …").
    const own = speaker !== undefined && between.length <= 300 && OWN_LOSS_RE.exec(between);
    if (own && (/^(?:its|their)$/i.test(own[1]) || PLATFORM_BEFORE_RE.test(v.slice(Math.max(0, speaker!.start - 40), speaker!.start)))) victim = speaker!.m;
  }
  // "Vulcan Forged said around $140 million had been stolen from their users": who says it is whose users they are.
  if (from && !victim && /^(?:their|its)\b/i.test(after.slice(from[0].length))) {
    const speaker = ms.list.filter((l) => l.end <= start && SAID_JUST_BEFORE_RE.test(v.slice(l.end, start))).pop();
    victim = speaker?.m;
  }
  return { ...measured, noun: 'theft', nounSpan: undefined, inside: victim ? [victim, ...measured.inside] : measured.inside, ...(general ? { general } : {}) };
}

/** "a ransom demand of $70 million", "demanded $50 million as ransom", "$5 million in ransom". */
const RANSOM_OF_BEFORE_RE = /\bransom(?:\s+(?:demand|payment|note|request))?\s+of\s+(?:up\s+to\s+)?$/i;
const DEMANDED_BEFORE_RE = /\b(?:demand(?:ed|ing|s)?|extort(?:ed|ing)?|asked\s+for|asking\s+for)\s+(?:(?:a|an)\s+)?(?:(?:ransom|payment)\s+of\s+)?$/i;
const AS_RANSOM_AFTER_RE = /^\s+(?:worth\s+of\s+\w+\s+)?(?:in|as(?:\s+an?)?)\s+(?:ransom|extortion)\b/i;
const RANSOM_WORDS_RE = /\b(?:ransom|extort|decrypt)/i;
let ransomSentence: string | undefined;
let ransomSpoken = false;

/** Whether a sentence speaks of a ransom: read once per sentence, not once per figure (a line of a thousand sums). */
function speaksOfRansom(v: string): boolean {
  if (v !== ransomSentence) {
    ransomSentence = v;
    ransomSpoken = RANSOM_WORDS_RE.test(v);
  }
  return ransomSpoken;
}
const FINED_BEFORE_RE = /\b(?:fined|(?:civil\s+)?(?:penalty|penalties|fines?)\s+of)\s+(?:(?:up\s+to|about|around|nearly|almost|more\s+than|over)\s+)?$/i;

/**
 * A sum of money the sentence says was demanded as a ransom is the ransom,
 * whatever its noun says or does not, so "the REvil gang demanded $70
 * million for a universal decryption key" and "the ransom demand of $70
 * million" state one measure. A sum demanded in a sentence about no ransom
 * ("the regulator demanded $5 million") is not one.
 */
function ransomSum(v: string, start: number, end: number, measured: Measured): Measured {
  const before = v.slice(Math.max(0, start - 40), start);
  const after = v.slice(end, end + 40);
  // "Robinhood was fined $70 million", "a penalty of $5 million": the fine, as "a $70 million fine" is.
  if (FINED_BEFORE_RE.test(before)) return { ...measured, noun: 'fine', nounSpan: undefined };
  // "Scripps Health estimated its ransomware attack cost $112.7 million": what the attack cost its victim.
  const cost = ATTACK_COST_BEFORE_RE.exec(before);
  if (cost && determined(before.slice(0, cost.index)) && !AVERAGE_RE.test(before) && !AVERAGE_AFTER_RE.test(after)) return { ...measured, noun: 'cost', nounSpan: undefined };
  if (RANSOM_OF_BEFORE_RE.test(before) || AS_RANSOM_AFTER_RE.test(after) || (DEMANDED_BEFORE_RE.test(before) && speaksOfRansom(v))) {
    return { ...measured, noun: 'ransom', nounSpan: undefined };
  }
  // "revenue of $483 million", "more than $1 billion in annual revenue", "a valuation of $2 billion", "$50 million in funding":
  // a company's money of its trade (1,852 real sums had no noun, 511 with one of these words beside them).
  const named = MONEY_NOUN_BEFORE_RE.exec(before) ?? MONEY_NOUN_AFTER_RE.exec(after);
  // Not what was lost or missed of it ("lost revenue was $30 million", "the hit to revenue was $12 million"), nor a
  // difference ("Sales were $4 million lower than expected").
  if (named && named.input === before && (LOST_REVENUE_RE.test(before.slice(0, named.index)) || DIFFERENCE_AFTER_RE.test(after))) return measured;
  if (named) {
    const word = named[1].toLowerCase();
    const noun = MONEY_NOUN_OF[word] ?? word;
    // The words before the noun: "Subscription revenue was", "in annual recurring revenue".
    const lead = named.input === before ? before.slice(0, named.index) : after.slice(0, named.index + named[0].length - named[1].length);
    const line = noun === 'revenue' ? revenueLine(lead) : undefined;
    return { ...measured, noun, nounSpan: undefined, qualifiers: line && !measured.qualifiers.includes(line) ? [...measured.qualifiers, line] : measured.qualifiers };
  }
  // "a net profit of $1.42 a share": what one share made, no sum of the company's.
  if (PER_SHARE_AFTER_RE.test(after)) return measured;
  const of = nounOfBefore(v, start);
  if (of !== undefined) return WEIGHED_MONEY.has(of) ? measured : { ...measured, noun: of, nounSpan: undefined };
  // "Google Play paid out $550,000 in rewards": a sum "in" a plural is what many came to, not one of them (its "$16,000
  // reward"), nor the "$135 million in rewards" a program paid since 1986 one "$10 million reward" it offers.
  const inside = nounInAfter(v, end);
  if (inside !== undefined) return WEIGHED_MONEY.has(inside) ? measured : { ...measured, noun: inside, nounSpan: undefined, qualifiers: [...measured.qualifiers, TOTAL] };
  // "An attack which costs one company $10,000", "the company spent half a billion dollars": what its verb makes of it.
  const act = sumOfVerb(v, start, end);
  return act !== undefined ? { ...measured, noun: act, nounSpan: undefined } : measured;
}

/**
 * Verbs a sum is the object of, by the noun English makes of each: "attacks made possible by credential theft cost $4.6
 * million" (a cost), "AT&T employees were paid $2,000" (a payment), "the company spent half a billion dollars"
 * (spending). A closed table: the verbs of money changing hands, each with its nominalisation.
 */
const SUM_VERBS = wordTable<string>({
  cost: 'cost', costs: 'cost', costing: 'cost',
  pay: 'payment', pays: 'payment', paid: 'payment', paying: 'payment',
  spend: 'spending', spends: 'spending', spent: 'spending', spending: 'spending',
  invest: 'investment', invests: 'investment', invested: 'investment', investing: 'investment',
  raise: 'funding', raises: 'funding', raised: 'funding', raising: 'funding',
  earn: 'earnings', earns: 'earnings', earned: 'earnings', earning: 'earnings', netted: 'earnings', nets: 'earnings', made: 'earnings', makes: 'earnings', make: 'earnings', making: 'earnings',
  owe: 'debt', owes: 'debt', owed: 'debt', owing: 'debt',
  seize: 'seizure', seizes: 'seizure', seized: 'seizure', seizing: 'seizure',
  forfeit: 'forfeiture', forfeits: 'forfeiture', forfeited: 'forfeiture',
  donate: 'donation', donates: 'donation', donated: 'donation', donating: 'donation',
  contribute: 'contribution', contributes: 'contribution', contributed: 'contribution', contributing: 'contribution',
  pledge: 'commitment', pledges: 'commitment', pledged: 'commitment', pledging: 'commitment',
  commit: 'commitment', commits: 'commitment', committed: 'commitment', committing: 'commitment',
  award: 'award', awards: 'award', awarded: 'award', awarding: 'award',
  launder: 'laundering', launders: 'laundering', laundered: 'laundering', laundering: 'laundering',
  transfer: 'transfer', transfers: 'transfer', transferred: 'transfer', transferring: 'transfer',
  charge: 'charge', charges: 'charge', charged: 'charge', charging: 'charge',
  confiscate: 'seizure', confiscates: 'seizure', confiscated: 'seizure', confiscating: 'seizure',
});

/** Verbs that take whom a sum is paid by or to before it: "cost the company $3.5 million", "pay you $500". */
const TWO_OBJECTS = new Set(['cost', 'payment', 'debt', 'award', 'charge']);

/** Words that may stand between a verb and its sum without changing what the sum is: "paid a total of", "spent an additional". */
const SUM_LEADS = new Set(['a', 'an', 'total', 'reported', 'additional', 'extra', 'further', 'estimated', 'another', 'only', 'just', 'nearly',
  'almost', 'roughly', 'some', 'approximately', 'around', 'about']);

/** Where the words of `SUM_LEADS` before `at` begin (at most four: "a total of", "in total", "an additional"). */
function beforeLeads(v: string, at: number): number {
  let previous = '';
  for (let n = 0; n < 4; n++) {
    const w = wordBefore(v, at);
    const lower = w.word.toLowerCase();
    const of = lower === 'of' && wordBefore(v, w.start).word.toLowerCase() === 'total';
    if (!(SUM_LEADS.has(lower) || of || (lower === 'in' && previous === 'total'))) break;
    at = w.start;
    previous = lower;
  }
  return at;
}

/** Persons as objects: "cost you", "pay them". */
const OBJECT_PRONOUNS = new Set(['it', 'them', 'us', 'you', 'him', 'her', 'me']);

/** Words that make what follows one or some thing: "the company", "one company", "another company". */
const OBJECT_DETERMINERS = new Set(['the', 'a', 'an', 'one', 'another', 'its', 'their', 'his', 'her', 'our', 'your', 'each', 'every', 'this', 'that']);

/**
 * What a sum is by the verb it is the object of, read back from `start` (its hedge included) over a link's bracket,
 * words that say how much of it ("a total of"), and for a verb of two objects whom it was paid by or to ("cost the
 * global economy $1 trillion", "cost businesses $50 billion"). Or by the verb of a passive after it ("$2 million was
 * paid"). Within its clause: nothing but those words between.
 */
function sumOfVerb(v: string, start: number, end: number): string | undefined {
  let at = start;
  while (at > 0 && (v.charCodeAt(at - 1) === 32 || v[at - 1] === '[' || v[at - 1] === '“' || v[at - 1] === '"')) at--;
  at = beforeLeads(v, at);
  let verb = wordBefore(v, at);
  let noun = SUM_VERBS[verb.word.toLowerCase()];
  // Whom it was paid by or to, between the verb and the sum: "cost the company", "cost businesses", "pay you".
  let object: string[] = [];
  if (noun === undefined) {
    let k = at;
    for (let n = 0; n < 3 && noun === undefined; n++) {
      const x = wordBefore(v, k);
      const lower = x.word.toLowerCase();
      // "paid an average of $220,298": how much of it, no one it was paid to.
      if (!x.word || v.slice(x.start + x.word.length, k).trim() !== '' || lower === 'of' || QUANTITY_WORDS.has(lower)) break;
      object.push(lower);
      k = x.start;
      const w = wordBefore(v, k);
      const candidate = SUM_VERBS[w.word.toLowerCase()];
      if (candidate === undefined || !TWO_OBJECTS.has(candidate) || v.slice(w.start + w.word.length, k).trim() !== '') continue;
      const first = object[object.length - 1];
      if ((object.length === 1 && (OBJECT_PRONOUNS.has(first) || (isPlural(first) && !STOP_WORDS.has(first)))) || (object.length > 1 && OBJECT_DETERMINERS.has(first))) {
        noun = candidate;
        verb = w;
      }
    }
    if (noun === undefined) return passiveVerb(v, end, start);
  } else object = [];
  // A cost or a loss is weighed against other stories' (`WEIGHED_MONEY`): not an average or a rate ("the average data
  // breach costs $3.86 million", "lose about AU$126 on average", "costs $100 per year"), nor what a whole population
  // loses or pays ("Queenslanders lost AU$8.2 million", "insider threats cost organizations $15.4 million").
  // "Threema costs $2.99", "the floodlight will cost $280": what a thing costs to buy is its price; an event's cost
  // ("13% had an incident cost more than $1 million"), or one it costs someone ("cost the company $3.5 million"), is a cost.
  if (noun === 'cost') {
    const event = object.length ? undefined : eventBefore(v, verb.start);
    if (!object.length && event === undefined) return 'price';
    // Said of no event or payer in particular, a cost is a survey's or a supposition's: "13% had an incident cost more
    // than $1 million", "An attack which costs one company $10,000 might cost another company $10 million".
    if (event === 'indefinite' || (object.length > 1 && !DETERMINERS.has(object[object.length - 1]))) return undefined;
  }
  // A sum paid is named by what it paid: "JBS, which paid the attackers $11 million", "Colonial Pipeline pay $4.4
  // million to ransomware hackers" (a ransom, as other stories call it), "agreed to pay $700 million to settle actions"
  // (a settlement). A payment of nothing said is left unnamed: "payment" alone lumped one owner's unrelated sums (a
  // prosecutor's fines and seizures) and split a ransom or a settlement from its other stories.
  if (noun === 'payment') {
    // Not a sum someone "would be paid" (a cut, a wage), nor one offered or refused ("Acer offered to pay the group $10
    // million", against the $50 million ransom demanded; "nobody would be willing to pay $570,000").
    if (unpaid(v, verb.start)) return undefined;
    const after = v.slice(end, end + 60);
    if (SETTLE_AFTER_RE.test(after)) noun = 'settlement';
    else if (object.some((w) => ATTACKERS.has(w)) || PAID_TO_ATTACKERS_RE.test(after) || speaksOfRansom(v)) noun = 'ransom';
    else return undefined;
  }
  if (WEIGHED_MONEY.has(noun) && (averaged(v, verb.start, end) || object.some((w) => (isPlural(w) && !ATTACKERS.has(w)) || w === 'average' || w === 'global' || w === 'world') || populationSubject(v, verb.start))) return undefined;
  return noun;
}

/** Whether the verb "pay" starting at `at` is passive ("would be paid") or offered, refused or supposed ("offered to pay"). */
function unpaid(v: string, at: number): boolean {
  let w = wordBefore(v, at);
  if (PASSIVE_AUXILIARIES.has(w.word.toLowerCase())) return true;
  for (let n = 0; n < 4 && w.word; n++) {
    if (NOT_PAYING.has(w.word.toLowerCase())) return true;
    w = wordBefore(v, w.start);
  }
  return false;
}
const PASSIVE_AUXILIARIES = new Set(['be', 'been', 'being', 'was', 'were', 'is', 'are', 'get', 'gets', 'got']);
const NOT_PAYING = new Set(['offer', 'offered', 'offers', 'offering', 'willing', 'would', 'could', 'might', 'refused', 'refuses', 'refusing',
  'declined', 'declines', 'declining', 'not']);
/** "to settle actions by the FTC", "in a US settlement": what a sum paid settles. */
const SETTLE_AFTER_RE = /^[^.;:]{0,30}?\b(?:to\s+settle|settlements?)\b/i;
/** "to NetWalker hackers", "to the DarkSide ransomware group": a sum paid to attackers. */
const PAID_TO_ATTACKERS_RE = /^[^.;:]{0,12}?\bto\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:hackers|attackers|gang|group|criminals|cybercriminals|extortionists|operators|crooks)\b/i;
/** Those a ransom is paid to, as the object of "paid": "paid the attackers $11 million". */
const ATTACKERS = new Set(['attackers', 'hackers', 'gang', 'group', 'criminals', 'cybercriminals', 'extortionists', 'operators', 'crooks']);

/** What happens to someone, whose sum is a cost (not a price): "an incident cost", "attacks … cost", "the outage will cost". */
const EVENT_NOUNS = new Set(['attack', 'breach', 'incident', 'hack', 'intrusion', 'cyberattack', 'cyber-attack', 'outage', 'downtime', 'theft', 'scam',
  'fraud', 'crime', 'cybercrime', 'ransomware', 'compromise', 'exploit', 'heist', 'leak', 'threat', 'disruption', 'failure', 'mistake', 'error']);

/**
 * What the verb starting at `at` tells a cost of: an event its subject names (a noun of `EVENT_NOUNS` among the
 * clause's eight words before it), one in particular ("its ransomware attack cost", "the outage will cost": 'definite')
 * or any ("an incident cost", "attacks made possible by credential theft cost": 'indefinite'); or the perfect, what was
 * spent ("the COVIDSafe app has cost AU$9.1 million": 'definite'). Undefined when it names none: a thing's price.
 */
function eventBefore(v: string, at: number): 'definite' | 'indefinite' | undefined {
  let w = wordBefore(v, at);
  const aux = w.word.toLowerCase();
  if (aux === 'has' || aux === 'have' || aux === 'had') return 'definite';
  for (let n = 0; n < 8 && w.word; n++) {
    if (EVENT_NOUNS.has(singular(w.word))) return determined(v.slice(Math.max(0, w.start - 40), w.start)) ? 'definite' : 'indefinite';
    if (/[,;:.!?(—–]/.test(v.slice(w.start + w.word.length, w.start + w.word.length + 2).trim().slice(0, 1))) break;
    w = wordBefore(v, w.start);
  }
  return undefined;
}

/** Whether the clause of a sum (back to its verb's clause, ahead a few words) says it is an average or a rate. */
function averaged(v: string, from: number, end: number): boolean {
  let k = from;
  while (k > 0 && from - k < 80 && !endsClause(code(v, k - 1))) k--;
  return AVERAGE_RE.test(v.slice(k, from)) || AVERAGE_AFTER_RE.test(v.slice(end, end + 24)) || RATE_AFTER_RE.test(v.slice(end, end + 24));
}
/** "$100 per year", "$2 a month", "$15 per account", "$8.1 million and requires …" is no rate. */
const RATE_AFTER_RE = /^\s*(?:a|an|per|every|each)\s+(?:year|month|week|day|hour|minute|quarter|user|account|person|employee|record|victim|incident|attack|breach)\b|^\s+(?:annually|monthly|weekly|daily|yearly)\b/i;

/** Words that may stand between a subject and its verb: "had lost", "will cost", "could cost", "has already lost". */
const AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'already', 'also', 'now',
  'reportedly', 'allegedly', 'collectively', 'together', 'each', 'all', 'alone', 'still', 'even', 'ultimately', 'eventually', 'to', 'be', 'been']);

/**
 * Whether the subject of the verb that ends its words at `at` is a population in the plural ("Queenslanders lost",
 * "US military members lost", "those aged 44-54 made 352 reports and lost", "victims who lost"), not one payer or
 * loser: its word right before (auxiliaries aside) is a plural, or a "who" after one.
 */
function populationSubject(v: string, at: number): boolean {
  let w = wordBefore(v, at);
  for (let n = 0; n < 3 && AUXILIARIES.has(w.word.toLowerCase()); n++) w = wordBefore(v, w.start);
  const lower = w.word.toLowerCase();
  // "saved its customers … from losing S$8.5 million": a loss that did not happen.
  if (lower === 'who' || lower === 'and' || lower === 'from') return true;
  if (w.word.length > 3 && isPlural(lower) && !STOP_WORDS.has(lower) && !endsInCapitalS(w.word)) return true;
  // A plural with words after it: "People aged 55 and over lost", "investors in the US and abroad lost", "those in the
  // 55-64 bracket lost" (not a plural that modifies: "a textiles company lost"). Six words back at most, in the clause.
  let next = '';
  for (let n = 0; n < 6 && w.word; n++) {
    const word = w.word.toLowerCase();
    if ((word === 'those' || (word.length > 3 && isPlural(word) && !STOP_WORDS.has(word))) && SUBJECT_AFTER.has(next)) return true;
    if (/[,;:.!?]/.test(v.slice(w.start + w.word.length, w.start + w.word.length + 2))) break;
    next = word;
    w = wordBefore(v, w.start);
  }
  return false;
}
/** Words that open what is said after a plural head: "people aged", "investors in", "those over 65". */
const SUBJECT_AFTER = new Set(['in', 'aged', 'from', 'of', 'over', 'across', 'with', 'at', 'under', 'who', 'between']);

/** "$2 million was paid", "$600 million had been lost", "$52,000 in cash was seized": the sum by its passive verb. */
function passiveVerb(v: string, end: number, start: number): string | undefined {
  const m = PASSIVE_AFTER_RE.exec(v.slice(end, end + 40));
  // "was able to prevent AU$8.5 million being transferred": what did not happen.
  if (!m || PREVENTING.has(wordBefore(v, start).word.toLowerCase())) return undefined;
  return SUM_VERBS[m[1].toLowerCase()];
}
const PREVENTING = new Set(['prevent', 'prevented', 'prevents', 'preventing', 'stop', 'stopped', 'stops', 'stopping', 'avoid', 'avoided', 'avoids', 'avoiding', 'save', 'saved', 'saves', 'saving']);
const PASSIVE_AFTER_RE = /^\s+(?:was|were|has\s+been|have\s+been|had\s+been|being|is\s+being)\s+(spent|invested|raised|earned|owed|seized|forfeited|donated|contributed|pledged|committed|awarded|laundered|transferred|charged)\b/i;

/** No names: reading plain words. */
const NO_LOCALS: Locals = { list: [], byStart: new Map(), byEnd: new Map() };

/** The qualifier of a sum of many things ("$550,000 in rewards"). */
const TOTAL = 'total';

const PER_SHARE_AFTER_RE = /^\s+(?:a|per)\s+(?:share|diluted share)\b/i;

/**
 * The sums the consistency check weighs against other stories (its `MONEY_NOUNS`): a ransom, a fine, a theft, a
 * loss, a cost. The nouns around a sum do not make one: the rules above do, each on its own evidence, and the words
 * alone gave the real corpus a state's scam "AU$12.6 million in losses" against another state's, the FBI's "$475
 * million in losses" to romance scams against SIM swapping's "$68 million", and BitMart's "about $200 million in
 * losses" apart from the theft its other stories state.
 */
const WEIGHED_MONEY = new Set(['ransom', 'fine', 'settlement', 'penalty', 'payout', 'loss', 'damage', 'theft', 'demand', 'cost']);

/**
 * Words that say how much of something a sum is, not what it is: "a global average of $2.7 million", "a total of",
 * "the tune of", "upwards of", "a range of", "a peak of $6 million", "the equivalent of", "a 10% increase of". A closed
 * class: aggregates, bounds, changes and parts.
 */
const QUANTITY_WORDS = new Set(['average', 'total', 'sum', 'amount', 'value', 'figure', 'tune', 'upward', 'upwards', 'excess', 'north',
  'range', 'share', 'cap', 'peak', 'median', 'mean', 'maximum', 'minimum', 'max', 'min', 'high', 'low', 'limit', 'equivalent', 'increase',
  'decrease', 'rise', 'drop', 'jump', 'growth', 'decline', 'level', 'rate', 'threshold', 'multiple', 'fraction', 'portion', 'part', 'half',
  'bulk', 'majority', 'estimate', 'tally', 'count', 'number', 'worth', 'lot', 'lots', 'couple', 'tens', 'hundreds', 'thousands', 'millions',
  'billions', 'top', 'sort', 'kind', 'type', 'instead', 'ahead', 'regardless', 'short', 'shy', 'most', 'much', 'none', 'one', 'spite', 'front',
  'outside', 'inside', 'because', 'course', 'variety', 'series', 'set', 'pool', 'pot', 'balance', 'budget', 'turnover', 'expectation',
  'consensus', 'forecast', 'guidance', 'outlook', 'projection', 'increment', 'estimation']);

/**
 * An act done with a sum, before its "of": "the imposition of $1 billion in fines", "the seizure of more than $3.6
 * billion in cryptocurrency", "the return of roughly $2 billion". The sum is what the act is about, not the act.
 */
const ACT_NOUNS = new Set(['imposition', 'seizure', 'return', 'recovery', 'transfer', 'withdrawal', 'forfeiture', 'confiscation', 'laundering',
  'movement', 'release', 'receipt', 'freezing', 'freeze', 'issuance', 'disbursement', 'repayment']);

/** Plurals a sum is spread over or paid in, not what it is: "$4.2 billion in recent years", "$2,000 in gift cards". */
const NOT_WHAT_IN = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'quarter', 'decade', 'card', 'voucher', 'installment', 'instalment', 'tranche']);

/** Whether a lower-case word can head a noun phrase: no function word, verb, adverb, participle or adjective of ours. */
function nounLike(w: string): boolean {
  return w.length > 2 && /^[a-z][a-z-]*$/.test(w) && !STOP_WORDS.has(w) && !VERBS.has(w) && !QUANTITY_WORDS.has(w) && !IGNORABLE.has(w)
    && !ADJECTIVES.has(w) && !QUALIFIERS.has(w) && !/(?:ly|ed|ing)$/.test(w) && !PARTICIPLES.has(w) && !w.endsWith('-');
}

/** The word that ends at `at` in `v` (spaces skipped back over), and where it starts. */
function wordBefore(v: string, at: number): { word: string; start: number } {
  let k = at;
  while (k > 0 && v.charCodeAt(k - 1) === 32) k--;
  let j = k;
  while (j > 0 && k - j < 30 && /[A-Za-z-]/.test(v[j - 1])) j--;
  return { word: v.slice(j, k), start: j };
}

/**
 * What a sum is called by the noun it follows with "of": "has received many payments of almost $500,000", "Q2
 * bookings of $681 million", "a salary of $120,000", "losses of $1.2 million" (the money nouns a company's trade
 * writes are named above: revenue, valuation, funding). The head of the phrase before "of" is a common noun, not a
 * word of how much (`QUANTITY_WORDS`: "an average of $2.7 million" says nothing of what), a name ("CVE-2021 of"), a
 * function word or a verb; and a sum said of averages ("an average cost of $4.24 million") is no one's cost.
 */
function nounOfBefore(v: string, start: number): string | undefined {
  const of = wordBefore(v, start);
  if (of.word !== 'of') return undefined;
  const head = wordBefore(v, of.start);
  if (!nounLike(head.word) || QUANTITY_WORDS.has(singular(head.word)) || ACT_NOUNS.has(head.word)) return undefined;
  const mod = wordBefore(v, head.start).word.toLowerCase();
  if (AVERAGE_RE.test(mod) || QUANTITY_WORDS.has(mod)) return undefined;
  const noun = singular(head.word);
  if (ASSET_NOUNS.has(noun)) return undefined;
  return MONEY_NOUN_OF[head.word] ?? NOUN_FORMS.get(noun) ?? noun;
}

/**
 * What a sum is called by the plural noun after "in": "AU$12.6 million in losses", "$2 million in damages", "$10
 * million in rewards" (one adjective may stand between: "$5 million in potential fines"). Not a form money takes
 * ("$5 million in bitcoin", "in stolen funds", see `ASSET_NOUNS`), nor a time or a place ("in 2021", "in the US").
 */
function nounInAfter(v: string, end: number): string | undefined {
  let k = end;
  while (v.charCodeAt(k) === 32) k++;
  if (v.slice(k, k + 3) !== 'in ') return undefined;
  k += 3;
  for (let n = 0; n < 2; n++) {
    while (v.charCodeAt(k) === 32) k++;
    let j = k;
    while (j < v.length && j - k < 30 && /[a-z-]/.test(v[j])) j++;
    const w = v.slice(k, j);
    // A word must end there: "in Bitcoin", "in 2021", "in U.S." are not ours.
    if (!w || /[A-Za-z0-9.]/.test(v[j] === '.' ? v[j + 1] ?? '' : v[j] ?? '')) return undefined;
    if (isPlural(w)) {
      const noun = singular(w);
      // "in after-hours trading": a hyphened plural modifies what follows.
      if (!nounLike(w) || QUANTITY_WORDS.has(noun) || NOT_WHAT_IN.has(noun) || w.includes('-')) return undefined;
      // The plural ends the phrase: "in after-hours trading" is of trading, "in bitcoin transactions has …" of transactions.
      const next = readWord(v, j, NO_LOCALS);
      if (next !== undefined && next.start === j + 1 && /^[a-z]/.test(next.text) && !STOP_WORDS.has(next.base) && !VERBS.has(next.base) && !isParticiple(next.base)) return undefined;
      return ASSET_NOUNS.has(noun) ? undefined : MONEY_NOUN_OF[w] ?? NOUN_FORMS.get(noun) ?? noun;
    }
    // One modifier before the plural: "potential", "lost", "ransom" (not a function word: "in the", "in a").
    if (STOP_WORDS.has(w) || n > 0) return undefined;
    k = j;
  }
  return undefined;
}

/** "its ransomware attack cost", "the breach has cost the company", "the incident will cost it": what one attack cost (not "an incident cost", "an average … costs"). */
const ATTACK_COST_BEFORE_RE = /\b(?:attack|breach|incident|hack|intrusion|cyberattack|cyber-attack|outage)\s+(?:(?:has|had|will|would|could|may|might|is expected to|was expected to)\s+)?(?:cost|costs|costing)\s+(?:(?:the\s+(?:company|firm|organi[sz]ation|business|city|county|state|district|hospital)|it|them|us)\s+)?(?:(?:about|around|roughly|approximately|nearly|almost|over|more than|some|an estimated|at least|up to|just under|just over)\s+)?$/i;
/** Whether one of the last three words of `text` is a determiner that makes what follows one thing: "its ransomware …", "the …". */
function determined(text: string): boolean {
  const words = text.slice(-40).split(/\s+/);
  if (words[words.length - 1] === '') words.pop();
  return words.slice(-3).some((w) => DETERMINERS.has(w.toLowerCase()));
}
const DETERMINERS = new Set(['the', 'its', 'this', 'their', 'his', 'her', 'our']);
const AVERAGE_RE = /\b(?:average|typical|median|each|every|per)\b/i;
/** "costs $4.35 million on average", "… per breach". */
const AVERAGE_AFTER_RE = /^\s+(?:on\s+average|per|each|a\s+year|annually)\b/i;
/** "revenue of", "a valuation of", "earnings of", "a bug bounty of": what the sum after is. ("Raised" and "valued at" are not: "the ransom was raised to", "tokens valued at".) */
const MONEY_NOUN_BEFORE_RE = /\b(revenues?|sales|valuation|funding|earnings|bounty|bounties)(?:\s+(?:of|totall?ing|reaching|was|were|reached|totall?ed))?\s+(?:(?:about|around|roughly|approximately|nearly|almost|over|more than|some|an estimated|at least|just under|just over)\s+)?$/i;
/** "$1 billion in annual revenue", "$50 million in funding", "$4 in earnings per share". */
const MONEY_NOUN_AFTER_RE = /^\s+in\s+(?:(?:annual|quarterly|yearly|total|net|first-quarter|second-quarter|third-quarter|fourth-quarter|new)\s+)?(?:(?:professional\s+services|subscriptions?|services?|products?|licen[cs]es?|licensing|recurring|non-gaap|cloud|hardware|software|maintenance|support|advertising)\s+)?(revenues?|sales|funding|earnings)\b/i;
/**
 * The line of a company's revenue a modifier names ("subscription revenue was $357 million", "service revenue of",
 * "$10.3 million in professional services revenue"): a part of its revenue, not the total another story states. (Not
 * "GAAP": a company's GAAP revenue is the revenue it reports; "total", "annual", "Q3" say no line either.)
 */
function revenueLine(lead: string): string | undefined {
  const w = wordBefore(lead, lead.length);
  const word = w.word.toLowerCase();
  const previous = wordBefore(lead, w.start).word.toLowerCase();
  if (word === 'services' && (previous === 'professional' || previous === 'cloud')) return `${previous} services`;
  // "products and services revenue of $3 billion": lines together, the total of both.
  if (previous === 'and' || endsWithJoin(lead, w.start)) return undefined;
  return REVENUE_LINES[word];
}
/** Whether the text before `at` ends on "&" or "/" (blanks aside): "product & services revenue". */
function endsWithJoin(v: string, at: number): boolean {
  let k = at;
  while (k > 0 && v.charCodeAt(k - 1) === 32) k--;
  return v[k - 1] === '&' || v[k - 1] === '/';
}
const LOST_REVENUE_RE = /\b(?:lost|forgone|foregone|missed|(?:hit|impact|blow|damage)\s+(?:to|on))\s+$/i;
const DIFFERENCE_AFTER_RE = /^\s+(?:less|lower|more|higher|short|below|above)\b/i;
const REVENUE_LINES: Record<string, string> = {
  subscription: 'subscription', subscriptions: 'subscription', service: 'service', services: 'service', product: 'product',
  products: 'product', license: 'license', licence: 'license', licenses: 'license', licences: 'license', licensing: 'license',
  recurring: 'recurring', 'non-gaap': 'non-gaap', cloud: 'cloud', hardware: 'hardware', software: 'software',
  maintenance: 'maintenance', support: 'support', advertising: 'advertising',
};
const MONEY_NOUN_OF: Record<string, string> = { revenues: 'revenue', sales: 'revenue', bounties: 'bounty' };

/** Whether `start…end` is a bare number in brackets ("[2](https://…)", "[3]"): a reference, no figure. */
function referenceMark(raw: string, start: number, end: number): boolean {
  if (code(raw, start - 1) !== 91 /* [ */ || code(raw, end) !== 93 /* ] */ || end - start > 3) return false;
  for (let k = start; k < end; k++) if (raw.charCodeAt(k) < 48 || raw.charCodeAt(k) > 57) return false;
  return true;
}

/** Whether a web address's words name `key` ("…/t-mobile-discloses-its-fourth-data-breach/" names "t-mobile"). */
function addressNames(url: string, key: string): boolean {
  const lower = url.toLowerCase();
  for (const form of new Set([key.replace(/ /g, '-'), key.replace(/ /g, '')])) {
    for (let at = lower.indexOf(form); at >= 0; at = lower.indexOf(form, at + 1)) {
      const before = lower.charCodeAt(at - 1);
      const after = lower.charCodeAt(at + form.length);
      const edge = (c: number) => Number.isNaN(c) || c === 45 /* - */ || c === 47 /* / */ || c === 95 /* _ */ || c === 46 /* . */;
      if (edge(before) && edge(after)) return true;
    }
  }
  return false;
}

/** "Alon Gal of Hudson Rock", "Jane Roe at Acme": an organisation named as a person's, not as what the sentence is about. */
function affiliation(v: string, m: Mention, ms: Mention[], offset: number, kindOf: (key: string) => EntityKind | undefined): boolean {
  return ms.some((p) => p !== m && kindOf(p.key) === 'person' && p.span.end <= m.span.start && m.span.start - p.span.end <= 8
    && AFFILIATION_RE.test(v.slice(p.span.end - offset, m.span.start - offset)));
}

const AFFILIATION_RE = /^,?\s+(?:of|at|from|with)\s+(?:the\s+)?$/;

/**
 * Whether the bare number `r` (digits and dots, nothing after them that scales them) stands right after a name, one
 * space between, as a version or model does ("Firefox 90 lands", "iOS 14.6", "Intel 471", "LockBit 2.0"): it was read
 * as a count of what follows (90 lands of Firefox's). Not after a person's or a place's name; in a headline, whose
 * words are all capitalised, only after a product's one-word name ("Firefox 90 Lands With …").
 */
function versionOfName(v: string, r: RawNumber, ms: Locals, kindOf: (key: string) => EntityKind | undefined, headline: boolean): boolean {
  if (r.start < 2 || v.charCodeAt(r.start - 1) !== 32) return false;
  for (let k = r.start; k < r.end; k++) {
    const c = v.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || c === 46)) return false;
  }
  const name = ms.byEnd.get(r.start - 1);
  if (!name) return false;
  const kind = kindOf(name.m.key);
  // One word: a headline's run of capitals takes in its verb ("Microsoft Fixes 129 Vulnerabilities").
  if (headline) return kind === 'other' && !/\s/.test(name.m.text) && !CURRENCY_KEYS.has(name.m.key);
  return kind !== 'person' && kind !== 'place' && !CURRENCY_KEYS.has(name.m.key);
}

/** The capitalised word right after a bare number, one space between, when the two may be one name ("888 RAT"). */
interface WordAfter {
  word: string;
  /** Whether the word ends its phrase there: punctuation, or a small word that no noun of the phrase is ("42 Gears is …"). */
  ends: boolean;
}

/**
 * The capitalised word right after the bare digits `r` ("888 RAT", "42 Gears", "451 Research"), and whether it ends the
 * phrase. Not a word joined on by a hyphen or a dot ("12 Su-35 fighters", "483 Crypto.com users"), nor one the phrase
 * goes on after ("500 Apple employees", "32 Amazon Web Services partners", "250 Office 365 customers").
 */
function wordAfterNumber(v: string, r: RawNumber): WordAfter | undefined {
  if (r.end <= r.start || code(v, r.end) !== 32) return undefined;
  for (let k = r.start; k < r.end; k++) if (v.charCodeAt(k) < 48 || v.charCodeAt(k) > 57) return undefined;
  const start = r.end + 1;
  if (!isAsciiUpper(code(v, start))) return undefined;
  let end = start + 1;
  // One word, at most a short name's length: a page of capitals stays cheap.
  while (end < v.length && end - start < 24 && (isAsciiUpper(v.charCodeAt(end)) || isAsciiLower(v.charCodeAt(end)))) end++;
  const c = code(v, end);
  if (end < v.length && (/[\p{L}\p{N}]/u.test(v[end]) || c === 45 /* - */ || ((c === 46 /* . */ || c === 47 /* / */) && /[\p{L}\p{N}]/u.test(v[end + 1] ?? ' ')))) return undefined;
  return { word: v.slice(start, end), ends: endsPhrase(v, end) };
}

function isAsciiUpper(c: number): boolean { return c >= 65 && c <= 90; }
function isAsciiLower(c: number): boolean { return c >= 97 && c <= 122; }

/**
 * Whether a noun phrase ends at `at`: the sentence ends, punctuation closes it, or a small word follows that no noun
 * of the phrase is ("888 RAT is currently …", "from 42 Gears in responding"). Not "and" or "or", which may join a
 * second word to the first ("250 Israeli and US organizations").
 */
function endsPhrase(v: string, at: number): boolean {
  if (at >= v.length) return true;
  const c = v.charCodeAt(at);
  if (c !== 32) return ',.;:!?)]’\'"”|'.includes(v[at]);
  // A link's brackets and address read as blanks ("[by 360 Netlab](https://…)"): what follows them counts.
  let from = at;
  while (from + 1 < v.length && from - at < 400 && v.charCodeAt(from + 1) === 32) from++;
  if (from > at) return from + 1 >= v.length || ',.;:!?)]’\'"”|'.includes(v[from + 1]) || endsPhrase(v, from);
  let end = at + 1;
  while (end < v.length && end - at <= 12 && isAsciiLower(v.charCodeAt(end))) end++;
  const next = v.slice(at + 1, end);
  return end > at + 1 && !(end < v.length && /[\p{L}\p{N}'’-]/u.test(v[end])) && next !== 'and' && next !== 'or' && FUNCTION_WORDS.has(next);
}

/** How an article writes one bare number and the word after it ("888 RAT"): how often, how often that ends the phrase. */
interface NumberedWord {
  times: number;
  ends: number;
  /** The word also follows another number in the article ("13 ETH", "20 ETH"): a unit or a kind of thing, no name. */
  shared: boolean;
}

/**
 * Every bare number of the article with the capitalised word right after it (`wordAfterNumber`), keyed "888 RAT": one
 * pass over the numbers the sentences' readings already hold, made once for an article that has such a pair.
 */
function numberedWords(reading: readonly SentenceReading[]): Map<string, NumberedWord> {
  const out = new Map<string, NumberedWord>();
  const numberOf = new Map<string, string>();
  const shared = new Set<string>();
  for (const { v, numbers } of reading) {
    for (const r of numbers) {
      const w = wordAfterNumber(v, r);
      if (!w) continue;
      const digits = v.slice(r.start, r.end);
      const key = `${digits} ${w.word}`;
      const e = out.get(key);
      if (e) { e.times++; if (w.ends) e.ends++; } else out.set(key, { times: 1, ends: w.ends ? 1 : 0, shared: false });
      const seen = numberOf.get(w.word);
      if (seen === undefined) numberOf.set(w.word, digits);
      else if (seen !== digits) shared.add(w.word);
    }
  }
  if (shared.size) for (const [key, e] of out) if (shared.has(key.slice(key.indexOf(' ') + 1))) e.shared = true;
  return out;
}

/**
 * Whether the article uses a number and the capitalised word after it as one name, by how it writes them: a count of
 * more than one takes a plural noun ("500 Apple employees", "10 PCs"), so a singular word after a number that ends its
 * phrase names something ("the 340 Cipher,", "by 360 Netlab"); an acronym does so only when the article writes the pair
 * again (a unit or a coin may be singular: "20 ETH"), a plural-looking word only when it does so three times or more,
 * as a name is and a count is not (42 Gears seven times in its article; a count is restated once, in the headline).
 * Never a word the article writes after another number ("13 ETH", "20 ETH"). In the real corpus: 888 RAT (7 figures),
 * 42 Gears (7), 360 AV (2), 451 Research, 360 Netlab, 340 Cipher, "iPhone 13 Pro:".
 */
function nameByUse(e: NumberedWord | undefined, word: string): boolean {
  if (!e || e.shared || e.ends === 0) return false;
  let caps = 0;
  for (let k = 0; k < word.length; k++) if (isAsciiUpper(word.charCodeAt(k))) caps++;
  const plural = word.length > 2 && word.charCodeAt(word.length - 1) === 115 /* s */;
  if (plural) return e.times >= 3;
  if (caps === word.length) return word.length >= 2 && e.times >= 2 && !CAPITAL_UNITS.has(word.toLowerCase());
  return caps === 1 && word.length >= 2 && !CAPITAL_UNITS.has(word.toLowerCase());
}

/**
 * Whether the bare number `r` and the word right after it are one name: a
 * capitalised word that names organisations ("451 Research", "10 News") after
 * the digits and one space, with no number after it ("250 Office 365
 * customers" counts customers), whatever the phrase goes on to count ("the 451
 * Research analysts").
 */
function namedAfter(v: string, r: RawNumber): boolean {
  if (r.end <= r.start || code(v, r.end) !== 32) return false;
  for (let k = r.start; k < r.end; k++) if (v.charCodeAt(k) < 48 || v.charCodeAt(k) > 57) return false;
  const start = r.end + 1;
  const c = v.charCodeAt(start);
  if (!(c >= 65 && c <= 90)) return false;
  let end = start + 1;
  while (end < v.length && ((v.charCodeAt(end) >= 97 && v.charCodeAt(end) <= 122) || (v.charCodeAt(end) >= 65 && v.charCodeAt(end) <= 90))) end++;
  if (!ORG_SUFFIXES.has(v.slice(start, end).toLowerCase())) return false;
  return !/^\s*\d/.test(v.slice(end, end + 4));
}

/**
 * A headline abbreviates: ">40 Million Customers’ Data Stolen" means the
 * "just over 40 million past or prospective customers" of the body. A
 * figure of the first `headlines` sentences (title, subtitle) without
 * qualifiers takes those of a body figure of the same subject and noun whose
 * value it agrees with, when exactly one set of qualifiers fits.
 */
/**
 * A headline's figure that says not what it counts ("Losses from BitMart
 * breach reach $200 million", "Poly Network hacker returns $600m") counts
 * what the body's figures of that value and owner count, when they all count
 * one thing: the headline is the story's summary.
 */
function nameHeadlines(figures: Figure[], headlines: number): void {
  let seen = 0;
  for (const f of figures) {
    if (f.sentence >= headlines) break;
    if (f.noun || f.unit === 'year' || f.unit === 'age' || ++seen > 20) continue;
    let noun: string | undefined;
    let several = false;
    for (const b of figures) {
      if (b.sentence < headlines || !b.noun || b.subject !== f.subject || b.unit !== f.unit) continue;
      if (b.low > f.high || f.low > b.high) continue;
      if (noun !== undefined && noun !== b.noun) { several = true; break; }
      noun = b.noun;
    }
    if (several || noun === undefined) continue;
    f.noun = noun;
    f.measure = measureKey(f.subject, f.noun, f.qualifiers);
  }
}

function qualifyHeadlines(figures: Figure[], headlines: number): void {
  // A headline holds a few figures; a hostile one with thousands is read for its first 20.
  let seen = 0;
  for (const f of figures) {
    if (f.sentence >= headlines) break;
    if (f.qualifiers.length || !f.noun || ++seen > 20) continue;
    const fits = new Set<string>();
    let found: Figure | undefined;
    for (const b of figures) {
      if (b.sentence < headlines || b.noun !== f.noun || b.subject !== f.subject || b.unit !== f.unit) continue;
      if (b.low > f.high || f.low > b.high) continue;
      fits.add(b.qualifiers.join('+'));
      found = b;
    }
    if (fits.size !== 1 || !found || !found.qualifiers.length) continue;
    f.qualifiers = [...found.qualifiers];
    f.measure = measureKey(f.subject, f.noun, f.qualifiers);
  }
}

/**
 * What a figure counts, as the article writes it ("customers", "patients’"
 * trimmed to "patients"), for messages and cards; the normalised `noun`
 * ("customer") is what measures are compared by. A headline's capital is
 * dropped ("100m Records" counts records); a capital in prose is a name's
 * or a people's and stays ("In September, 4.4 million Americans quit their
 * jobs" counts Americans, not "americans").
 */
export function writtenNoun(f: Figure, sentences: readonly SentenceRef[]): string | undefined {
  const s = sentences[f.sentence];
  if (f.nounSpan && s && f.nounSpan.start >= s.span.start && f.nounSpan.end <= s.span.end) {
    const written = s.text.slice(f.nounSpan.start - s.span.start, f.nounSpan.end - s.span.start);
    if (/^\p{L}[\p{L}'’-]*$/u.test(written)) {
      const a = f.nounSpan.start - s.span.start;
      const b = f.nounSpan.end - s.span.start;
      return /^\p{Lu}\p{Ll}[\p{Ll}'’-]*$/u.test(written) && (inCapitals(s.text, a, b) || isTitleCase(s.text, 0)) ? written[0].toLowerCase() + written.slice(1) : written;
    }
  }
  return f.noun;
}

/**
 * Whether the word at `a`–`b` stands in a run of capitalised words, a title written in prose ("Five Best Software Update
 * Tools", "1,183 Google Accounts, 908 Cloud Projects"): the word right before or after it is capitalised too.
 */
function inCapitals(text: string, a: number, b: number): boolean {
  let k = a - 1;
  while (k >= 0 && text.charCodeAt(k) === 32 && a - k <= 2) k--;
  let start = k;
  while (start >= 0 && /\p{L}/u.test(text[start])) start--;
  if (k < a - 1 && start < k && /\p{Lu}/u.test(text[start + 1])) return true;
  return code(text, b) === 32 && /\p{Lu}/u.test(text[b + 1] ?? '');
}

/**
 * What a figure counts, as the article writes it: qualifiers first ("prepaid
 * customers"), but a qualifier the sentence writes as a name after the noun,
 * as written ("people (Metro)", not "metro people"); '' when it does not say.
 */
export function writtenMeasure(f: Figure, sentences: readonly SentenceRef[]): string {
  const { what, names } = writtenParts(f, sentences);
  return names.length ? `${what || 'figure'} (${names.join(', ')})` : what;
}

/** `writtenMeasure` in its parts: the words before and the noun ("prepaid customers"), and the names ("Metro"). */
export function writtenParts(f: Figure, sentences: readonly SentenceRef[]): { what: string; names: string[] } {
  const s = sentences[f.sentence];
  const text = s?.text ?? '';
  // A headline in title case capitalises every word: none of them is a name by its capital.
  // Asked only when there are qualifiers to place (most figures have none).
  const titleCase = f.qualifiers.length > 0 && isTitleCase(text);
  const near = s ? Math.max(0, f.span.start - s.span.start) : 0;
  const before: string[] = [];
  const names: string[] = [];
  let soFar = false;
  for (const q of f.qualifiers) {
    if (q === SO_FAR) { soFar = true; continue; }
    const name = titleCase ? undefined : writtenAsName(text, q, near);
    if (name) names.push(name);
    else before.push(q);
  }
  // In the sentence's order, not the key's: "unique phishing domains", not "phishing unique domains"; each as the
  // sentence writes it ("past or prospective", read as "former").
  if (before.length > 1) {
    const lower = text.toLowerCase();
    const wordy = (i: number) => i >= 0 && i < lower.length && /[\p{L}\p{N}]/u.test(lower[i]);
    const at = (q: string) => {
      let first = -1;
      for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + 1)) {
        if (wordy(i - 1) || wordy(i + q.length)) continue;
        if (i >= near) return i;
        if (first < 0) first = i;
      }
      return first;
    };
    const placed = before.map((q) => {
      const x = at(q);
      if (x >= 0) return { q, x };
      for (const w of WRITTEN_FORMS.get(q) ?? []) {
        const y = at(w);
        if (y >= 0) return { q: w, x: y };
      }
      return { q, x: -1 };
    });
    if (placed.every((p) => p.x >= 0)) placed.sort((a, b) => a.x - b.x);
    before.splice(0, before.length, ...placed.map((p) => p.q));
    return { what: [joinedAsWritten(before, text, placed.some((p) => p.x < 0)), writtenNoun(f, sentences) ?? '', soFar ? 'so far' : ''].filter(Boolean).join(' '), names };
  }
  return { what: [before.join(' '), writtenNoun(f, sentences) ?? '', soFar ? 'so far' : ''].filter(Boolean).join(' '), names };
}

/**
 * Qualifiers joined as the sentence joins them: "former or prospective", "current, former and prospective".
 * `borrowed`: some are not in the sentence (a headline took them from the body, `qualifyHeadlines`): two
 * populations it does not join are the one or the other ("former or prospective customers"), not a word stacked
 * on the other.
 */
function joinedAsWritten(qualifiers: string[], text: string, borrowed: boolean): string {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  let out = qualifiers[0];
  for (let i = 1; i < qualifiers.length; i++) {
    const joint = JOINTS.find((j) => lower.includes(`${qualifiers[i - 1]}${j}${qualifiers[i]}`));
    out += (joint ?? (!borrowed ? ' ' : i < qualifiers.length - 1 ? ', ' : ' or ')) + qualifiers[i];
  }
  return out;
}

/** How a sentence joins two qualifiers, the longest first. */
const JOINTS = [', and ', ', or ', ' and ', ' or ', ', '];

/**
 * Whether most words of four letters or more are capitalised, as in a headline ("Verizon Says 850,000 Prepaid
 * Customers Hit", "Records Leaked"): its capitals name nothing. To place qualifiers, three such words at least
 * (`least`); to write a card's noun, any number.
 */
function isTitleCase(text: string, least = 3): boolean {
  let words = 0;
  let caps = 0;
  for (const m of text.matchAll(/\p{L}{4,}/gu)) {
    words++;
    if (/^\p{Lu}/u.test(m[0])) caps++;
  }
  return words >= least && caps >= 0.6 * words;
}

/**
 * The qualifier `q` as `text` writes it nearest to offset `near` (the figure),
 * when that is a name: a capital that does not open the sentence, a quotation
 * or a clause after a colon. Else undefined.
 */
function writtenAsName(text: string, q: string, near: number): string | undefined {
  if (!q || !/^[a-z]/.test(q)) return undefined;
  // Case ignored. Lower-casing can change the length ("İ" is two code units lower): then each place is compared alone.
  const lower = text.toLowerCase();
  const same = lower.length === text.length;
  const next = (from: number): number => {
    if (same) return lower.indexOf(q, from);
    for (let at = from; at + q.length <= text.length; at++) if (text.slice(at, at + q.length).toLowerCase() === q) return at;
    return -1;
  };
  let best = -1;
  for (let at = next(0); at >= 0; at = next(at + 1)) {
    const end = at + q.length;
    if ((at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1])) || (end < text.length && /[\p{L}\p{N}]/u.test(text[end]))) continue;
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  if (best < 0) return undefined;
  const written = text.slice(best, best + q.length);
  const prev = text.slice(0, best).trimEnd();
  return prev && !'.!?:“"‘\'(>*'.includes(prev[prev.length - 1]) && /^\p{Lu}/u.test(written) ? written : undefined;
}

/** Whether a figure says what it counts: a noun, or a unit that is one ("21-year-old" is an age). */
export function knownMeasure(f: Figure): boolean {
  return f.unit !== 'year' && (f.noun !== undefined || f.unit === 'age');
}

const RATIO_AFTER = /^\s+(?:in|out of)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|every)\b/i;
const RATIO_BEFORE = /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out of)\s+$/i;

/** "Figure 3", "Table 2", "Step 4", "§ 17200": a number that names, not counts. */
const LABEL_BEFORE = /(?:\b(?:figure|fig\.|table|chapter|step|part|page|section|appendix|exhibit|episode|season)\s+|§§?\s*)$/i;
/** "rgb(238,238,238)", "rgba(255, 255, 255, .2)": a colour of a page's style sheet scraped with its text. */
const COLOUR_BEFORE = /\b(?:rgba?|hsla?)\([\d\s.,%]*$/i;
/** Two declarations of a page's style sheet scraped with its text, one after the other: "{ float: right; width: 100%; }". */
const STYLE_RULES = /(?:^|[{;])[ \t\n]{0,8}-?[a-z]{1,24}(?:-[a-z]{1,24}){0,3}[ \t]?:[^;{}]{1,160};[ \t\n]{0,8}-?[a-z]{1,24}(?:-[a-z]{1,24}){0,3}[ \t]?:/i;
/** What only a style sheet writes: a brace, a length in px or em, a colour function, a vendor prefix, `!important`. */
const STYLE_SIGN = /[{}]|\d(?:px|r?em)\b|\b(?:rgba?|hsla?)\(|(?:^|[\s:])-(?:webkit|moz|ms|o)-|!important/i;

/**
 * Whether a sentence is (or holds) a scraped style sheet, whose widths and colours count nothing: declarations one
 * after the other and a sign only CSS writes ("Affected: 1.2 million customers; exposed: names" is prose).
 */
function isStyleSheet(text: string): boolean {
  return text.includes(';') && STYLE_RULES.test(text) && STYLE_SIGN.test(text);
}

/** "1 - 5 of 18": a page of results. */
const PAGE_AFTER = /^\s*[-–]\s*\d+\s+of\s+\d/;
const PAGE_BEFORE = /\d\s*[-–]\s*\d+\s+of\s+$/;
const PAGE_MIDDLE_BEFORE = /\d\s*[-–]\s*$/;
const PAGE_MIDDLE_AFTER = /^\s+of\s+\d/;

/** "two factor authentication", "2 step verification": the name of a method written without its hyphen. */
const METHOD_AFTER = /^\s+(?:factor|step)s?\s+(?:authentication|verification|auth|login|sign-in)\b/i;

const AGO_END_RE = /\sago$/i;
/** Adjectives after "100 percent" ("safe", "sure", "remote") that make it "wholly". */
const WHOLLY_AFTER_RE = /^\s+(?:safe|secure|sure|certain|accurate|effective|confident|correct|true|clear|guaranteed|protected|proof|foolproof|bulletproof|reliable|committed|focused|compliant|free|remote|online|successful|perfect|invulnerable|immune|right|wrong|honest|transparent|responsible|patched|encrypted)\b/i;

/**
 * Whether the digits at `start…end` are one group of a telephone number written in groups of two to four digits
 * ("1300 789 978", "+61 2 9999 9999", "800-555-0199"): three groups or more, no comma, no other number's words.
 */
function phoneNumber(v: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  let groups = 1;
  const group = (a: number, b: number) => b - a >= 1 && b - a <= 4 && /^\d+$/.test(v.slice(a, b));
  if (!group(start, end)) return false;
  // At most a few groups each way: a page of digits and spaces stays linear.
  for (let n = 0; n < 4; n++) {
    const sep = v[to];
    if (sep !== ' ' && sep !== '-' && sep !== '.') break;
    let k = to + 1;
    while (k < v.length && k - to <= 5 && v.charCodeAt(k) >= 48 && v.charCodeAt(k) <= 57) k++;
    if (!group(to + 1, k) || /\w/.test(v[k] ?? ' ')) break;
    to = k;
    groups++;
  }
  for (let n = 0; n < 4; n++) {
    const sep = v[from - 1];
    if (sep !== ' ' && sep !== '-' && sep !== '.') break;
    let k = from - 1;
    while (k > 0 && from - k <= 5 && v.charCodeAt(k - 1) >= 48 && v.charCodeAt(k - 1) <= 57) k--;
    if (!group(k, from - 1) || /\w/.test(v[k - 1] ?? ' ') || v[k - 1] === ',') break;
    from = k;
    groups++;
  }
  return groups >= 3 && v.slice(from, to).length >= 9;
}

/**
 * Whether the figure at `start`–`end` of a sentence counts nothing: a method's name ("two factor authentication"), a term of
 * a ratio ("one in four people", "3 out of 10"), a label ("Figure 3", "Code § 17200"), a
 * colour ("rgb(238,238,238)") or a page of results ("1 - 5 of 18").
 */
function countsNothing(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 20), start);
  const after = sentence.slice(end, end + 32);
  return METHOD_AFTER.test(after) || RATIO_AFTER.test(after) || RATIO_BEFORE.test(before) || LABEL_BEFORE.test(before) || COLOUR_BEFORE.test(before)
    || PAGE_AFTER.test(after) || PAGE_BEFORE.test(before)
    || (PAGE_MIDDLE_BEFORE.test(before) && PAGE_MIDDLE_AFTER.test(after));
}
