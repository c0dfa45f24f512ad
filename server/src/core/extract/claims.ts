/**
 * Claims: for each sentence that states a figure or attributes something,
 * who says so and when it holds. Attribution is read from the few shapes
 * news prose uses: "T-Mobile said", "according to T-Mobile", "Binns told the
 * WSJ" (the teller is the source), "…,” Sievert said", "the seller claimed",
 * "Randy Watkins, CTO at …, told Threatpost", "Unit221B LLC, which said", and
 * pronouns ("he told the Journal", "it said", "what they claim") resolved to
 * the last fitting person, claimant or organisation. A sentence that only
 * calls its figure "purported" or "alleged" takes the attribution of the
 * sentence before it. The date a claim holds at comes from an explicit date
 * in the sentence ("As of Aug. 18", "on Aug. 20", "By Aug. 4", "August 15,
 * 2021", "in June") or a weekday ("on Thursday"), resolved against the
 * article's date; `assignAsOf` gives each figure the date nearest to it.
 *
 * Dates are read by a small scanner rather than chrono-node: only months,
 * days, years and weekdays are needed, and a scan of capitalised words costs
 * next to nothing. Every look-around is bounded, so the cost is linear.
 */
import { monthOf, NAMED_DAYS, WEEKDAY_LABELS } from '../syntax/dates';
import { mentionsBySentence } from './figures';
import { readingsOf, SAY_SOURCE, type SentenceReading } from './numbers';
import { newAttribution, newClaim, newFigure, type Claim, type DocFacts, type EntityKind, type Figure, type Mention, type SentenceRef } from './types';
import { trimEndWhere } from '../text';

export { measureKey } from './figures';

const DAY = 24 * 3600 * 1000;
/** A date without a year later than this after the article is taken to be from the year before. */
const FUTURE_GRACE = 14 * DAY;

// ---------------------------------------------------------------------------
// Dates

export interface DateMention {
  /** Offsets in the sentence: the date with its preposition ("As of Aug. 18"). */
  start: number;
  end: number;
  /** Where the date words themselves start ("Aug. 18"). */
  at: number;
  /** Midnight UTC of the day meant (the first of the month for "in June"). */
  instant: number;
  /** Whether a day is named ("Aug. 20", "Monday", "yesterday"), not only a month or a year. */
  day: boolean;
}

/**
 * The dates of each sentence of an article (`datesIn` at the article's date), by sentence index, filled as they are
 * read: `extractFacts` passes one to `assignAsOf` and `extractClaims`, which read the same sentences, so that each
 * sentence is scanned for dates once.
 */
export type DatesOf = (DateMention[] | undefined)[];

// The capitalised words that name a month or a weekday (`monthOf`, `WEEKDAY_LABELS`), and only those: every other
// capitalised word ("The", "Microsoft") is skipped by the regex's own scan, not handed to `monthOf` one match at a time.
// It opens on a class of their initials, which V8 scans for faster than for a `\b` or an alternation; `(?<=\b.)` is
// the `\b` before the initial, and each `(?<=X)` the initial that the rest of the word goes with.
const CAP_WORD_RE = /[ADFJMNOSTW](?<=\b.)(?:(?<=J)(?:an(?:uary)?|u(?:ne?|ly?))|(?<=F)(?:eb(?:ruary)?|riday)|(?<=M)(?:a(?:r(?:ch)?|y)|onday)|(?<=A)(?:pr(?:il)?|ug(?:ust)?)|(?<=S)(?:ep(?:t(?:ember)?)?|(?:un|atur)day)|(?<=O)ct(?:ober)?|(?<=N)ov(?:ember)?|(?<=D)ec(?:ember)?|(?<=T)(?:ues|hurs)day|(?<=W)ednesday)\b/g;
const DAY_AFTER_RE = /\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?\b(?![:.,]\d)(?:,?\s{1,3}((?:19|20)\d\d)\b)?/y;
const YEAR_AFTER_RE = /\.?,?\s{1,3}((?:19|20)\d\d)\b/y;
const DAY_BEFORE_RE = /\b(\d{1,2})(?:st|nd|rd|th)?\s{1,3}$/;
const MONTH_ONLY_BEFORE_RE = /\b(?:in|since|until|by|from|during|through|of|early|late|mid|last|as of|before|after)\s+$/i;
const PREPOSITION_RE = /\b(?:as of|on|by|in|since|until|through|from|before|after)\s+$/i;
const YESTERDAY_RE = /\byesterday\b/i;
/** A weekday right before a date ("Sunday, October 10", "Friday 23 July"): a weekday written with its date is that date, not the latest such weekday. */
const WEEKDAY_BEFORE = /\b(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day,?\s{1,3}$/;

function sticky(re: RegExp, v: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(v);
}

/** Days of each month (1-based) in a common year. */
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  // Without a `Date` (one per date read): `Date.UTC` takes years 0 to 99 for 1900 to 1999, and only those need it.
  if (year >= 0 && year < 100) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month];
}

/** Midnight UTC of the day of an instant. */
function dayOf(instant: number): number {
  return Math.floor(instant / DAY) * DAY;
}

/**
 * The explicit dates of a visible sentence text, in order. Dates without a
 * year take the article's year, or the year before when that would put them
 * more than two weeks after the article (a week-ahead webinar keeps its
 * year; "in November" in an August article is last November). Weekdays are
 * the latest such day on or before the article's day ("as of Monday
 * morning" in a Monday article is that day); "last Thursday" is strictly
 * before it. Without an article date only dates with a year are read.
 */
export function datesIn(v: string, articleDate: number | undefined): DateMention[] {
  const out: DateMention[] = [];
  const ref = articleDate === undefined ? undefined : dayOf(articleDate);
  // The article's year, worked out at the first date that needs it.
  let refYear: number | undefined;
  const re = CAP_WORD_RE;
  re.lastIndex = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const word = m[0];
    const at = m.index;
    let end = at + word.length;
    let instant: number | undefined;
    const month = monthOf(word);
    if (month !== undefined) {
      let day: number | undefined;
      let year: number | undefined;
      const d = sticky(DAY_AFTER_RE, v, end);
      const y = d ? null : sticky(YEAR_AFTER_RE, v, end);
      let first = at;
      if (d) {
        day = Number(d[1]);
        year = d[2] ? Number(d[2]) : undefined;
        end += d[0].length;
      } else {
        const before = DAY_BEFORE_RE.exec(v.slice(Math.max(0, at - 6), at));
        if (before) { day = Number(before[1]); first = at - before[0].length; }
        if (y) { year = Number(y[1]); end += y[0].length; }
        else if (end < v.length && v.charCodeAt(end) === 46 && /^[A-Z][a-z]{2}$/.test(word)) end++;
      }
      // "May", "March" and "June" are words too: alone they are dates only after "in", "since", …
      if (day === undefined && year === undefined && !MONTH_ONLY_BEFORE_RE.test(v.slice(Math.max(0, at - 10), at))) continue;
      if (day !== undefined && (day < 1 || day > daysInMonth(year ?? 2000, month))) continue;
      if (year === undefined) {
        if (ref === undefined) continue;
        year = (refYear ??= new Date(ref).getUTCFullYear());
        if (Date.UTC(year, month - 1, day ?? 1) > ref + FUTURE_GRACE) year--;
      }
      instant = Date.UTC(year, month - 1, day ?? 1);
      re.lastIndex = end;
      // Its weekday before it is part of it ("on Sunday, October 10"), and so is the preposition before that.
      // The weekday was read as a day of its own just before: the date takes its place.
      const weekday = day !== undefined ? WEEKDAY_BEFORE.exec(v.slice(Math.max(0, first - 14), first)) : null;
      if (weekday) {
        first -= weekday[0].length;
        if (out.length && out[out.length - 1].at === first) out.pop();
      }
      const prep = PREPOSITION_RE.exec(v.slice(Math.max(0, first - 8), first));
      out.push({ start: prep ? first - prep[0].length : first, end, at: first, instant, day: day !== undefined });
      continue;
    }
    const wd = WEEKDAY_LABELS.indexOf(word);
    if (wd >= 0 && ref !== undefined) {
      // "Patch Tuesday", "Black Friday": a name, no day; "Monday.com": a company.
      const named = /([A-Z][a-z]{1,7})\s{1,3}$/.exec(v.slice(Math.max(0, at - 12), at));
      if (named && NAMED_DAYS.has(`${named[1].toLowerCase()} ${word.toLowerCase()}`)) continue;
      if (v.charCodeAt(end) === 46 && /[a-z]/.test(v.charAt(end + 1))) continue;
      // (A quotation's line break may stand between: "last⏎> Saturday".)
      const last = /\blast\s+(?:>[ \t]*)?$/i.exec(v.slice(Math.max(0, at - 12), at));
      const next = /\b(?:next|this coming|coming)\s+$/i.test(v.slice(Math.max(0, at - 12), at));
      if (next) continue;
      // (Day 0 of Unix time was a Thursday.)
      const refDay = (((ref / DAY + 4) % 7) + 7) % 7;
      let back = (refDay - wd + 7) % 7;
      if (last && back === 0) back = 7;
      instant = ref - back * DAY;
      const first = last ? at - last[0].length : at;
      const prep = PREPOSITION_RE.exec(v.slice(Math.max(0, first - 8), first));
      out.push({ start: prep ? first - prep[0].length : first, end, at, instant, day: true });
    }
  }
  const y = ref === undefined ? null : YESTERDAY_RE.exec(v);
  if (y && ref !== undefined) {
    out.push({ start: y.index, end: y.index + y[0].length, at: y.index, instant: ref - DAY, day: true });
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Speakers

const SAY_RE = new RegExp(`\\b(?:${SAY_SOURCE})\\b`, 'g');
/** Verbs that may come before their speaker after a quotation ("…,” said Kolochenko). */
const INVERTIBLE = new Set(['said', 'says', 'wrote', 'added', 'noted', 'explained', 'continued', 'warned']);
/** Words that may stand between a speaker and the verb ("Binns allegedly told", "T-Mobile had estimated"). */
const GAP_WORDS = new Set([
  'also', 'has', 'have', 'had', 'later', 'previously', 'then', 'now', 'first', 'initially', 'originally', 'already',
  'further', 'did', 'would', 'will', 'could', 'may', 'might', 'since', 'once', 'again', 'never', 'not', 'even', 'just',
]);
const BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being']);

const PERSONLIKE = ['seller', 'sellers', 'thief', 'thieves', 'hacker', 'hackers', 'attacker', 'attackers', 'threat actor', 'threat actors', 'actor', 'actors',
  'cybercriminal', 'cybercriminals', 'criminal', 'criminals', 'crook', 'crooks', 'poster', 'source', 'sources', 'spokesperson', 'spokesman',
  'spokeswoman', 'expert', 'experts', 'researcher', 'researchers', 'analyst', 'analysts', 'investigator', 'investigators', 'official', 'officials'];
const ORGLIKE = ['company', 'firm', 'carrier', 'telecom', 'telco', 'operator', 'provider', 'vendor', 'agency', 'regulator', 'group', 'gang', 'authorities'];
const THINGS = ['forum post', 'post', 'statement', 'report', 'notice', 'filing', 'listing', 'advertisement', 'ad', 'lawsuit', 'complaint', 'publication', 'newspaper', 'outlet', 'news outlet'];
const NOUNS = [...PERSONLIKE, ...ORGLIKE, ...THINGS].sort((a, b) => b.length - a.length).join('|');
/** The last word of each of the nouns (`claimantEndingAt`). */
const NOUN_ENDS = new Set([...PERSONLIKE, ...ORGLIKE, ...THINGS].map((n) => n.slice(n.lastIndexOf(' ') + 1)));
const DETS = '[Tt]he|[Aa]n?|[Oo]ne|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Aa]nother|[Tt]wo|[Tt]hree|[Ii]ts|[Tt]heir';
// A claimant: a determiner, at most two lower-case modifiers, then one of the nouns above.
const CLAIMANT_ALL_RE = new RegExp(`\\b(?:${DETS})\\s+(?:[a-z][a-z-]*\\s+){0,2}?(?:${NOUNS})\\b`, 'g');
const CLAIMANT_END_RE = new RegExp(`(?:^|[^A-Za-z])((?:${DETS})\\s+(?:[a-z][a-z-]*\\s+){0,2}?(?:${NOUNS}))\\s*$`);
const CLAIMANT_START_RE = new RegExp(`(?:(?:${DETS})\\s+)(?:[a-z][a-z-]*\\s+){0,2}?(?:${NOUNS})\\b`, 'y');
const ACCORDING_RE = /\b[Aa]ccording to\s+/g;
// Letters beyond ASCII as in names: "José Pagliery", "Ivan Krstić".
const CAPITALISED_RE = /\p{Lu}[\p{L}\p{N}_’'&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?\p{Lu}[\p{L}\p{N}_’'&.-]*){0,4}/uy;

/** Someone a pronoun can refer to. */
interface Agent {
  who: string;
  key?: string;
  /** Offsets in the sentence it was found in. */
  start: number;
  end: number;
  kind: 'person' | 'org' | 'thing';
}

interface Local {
  m: Mention;
  start: number;
  end: number;
  kind: EntityKind | undefined;
}

/** A speaker found for a sentence, offsets in that sentence. */
interface Found {
  who: string;
  key?: string;
  start: number;
  end: number;
  kind?: Agent['kind'];
}

const NOUN_KIND = new Map<string, Agent['kind']>([
  ...PERSONLIKE.map((n) => [n.split(' ').pop()!, 'person'] as const),
  ...ORGLIKE.map((n) => [n, 'org'] as const),
  ...THINGS.map((n) => [n.split(' ').pop()!, 'thing'] as const),
]);

function claimantKind(phrase: string): Agent['kind'] {
  return NOUN_KIND.get(phrase.slice(phrase.lastIndexOf(' ') + 1).toLowerCase()) ?? 'thing';
}

/** Up to how many mentions a sentence's are walked through rather than looked up in a map (`Article.startingAt`). */
const SHORT_LOCALS = 12;

/** How many sentences back a pronoun may find what it refers to; names of organisations are looked for further. */
const LOOK_BACK = 4;
const ORG_LOOK_BACK = 12;

/**
 * What the claim extractor knows of one article while it reads it. Mentions
 * and antecedents of a sentence are worked out only when a pronoun or a
 * claimant needs them, so sentences without attribution cost next to nothing.
 */
class Article {
  readonly locals: (Local[] | undefined)[] = [];
  private readonly starts: (Map<number, Local> | undefined)[] = [];
  private readonly ends: (Map<number, Local> | undefined)[] = [];
  readonly agents: (Agent[] | undefined)[] = [];
  readonly speakers: (Found | undefined)[] = [];

  constructor(
    readonly sentences: SentenceRef[],
    readonly reading: SentenceReading[],
    readonly bySentence: Mention[][],
    readonly kindOf: (key: string) => EntityKind | undefined,
  ) {}

  localsAt(si: number): Local[] {
    let l = this.locals[si];
    if (!l) {
      const offset = this.sentences[si].span.start;
      l = [];
      for (const m of this.bySentence[si]) l.push({ m, start: m.span.start - offset, end: m.span.end - offset, kind: this.kindOf(m.key) });
      this.locals[si] = l;
    }
    return l;
  }

  /** The mention of sentence `si` that starts at `at` and names no place. */
  startingAt(si: number, at: number): Local | undefined {
    const locals = this.localsAt(si);
    // A sentence names a few things: a walk over them costs less than building its map (kept for long lists of names).
    if (locals.length <= SHORT_LOCALS) {
      for (let k = 0; k < locals.length; k++) if (locals[k].start === at && locals[k].kind !== 'place') return locals[k];
      return undefined;
    }
    let map = this.starts[si];
    if (!map) {
      map = new Map();
      for (const l of this.localsAt(si)) if (l.kind !== 'place' && !map.has(l.start)) map.set(l.start, l);
      this.starts[si] = map;
    }
    return map.get(at);
  }

  /** The mention of sentence `si` that ends at `at` and names no place. */
  endingAt(si: number, at: number): Local | undefined {
    const locals = this.localsAt(si);
    if (locals.length <= SHORT_LOCALS) {
      for (let k = 0; k < locals.length; k++) if (locals[k].end === at && locals[k].kind !== 'place') return locals[k];
      return undefined;
    }
    let map = this.ends[si];
    if (!map) {
      map = new Map();
      for (const l of this.localsAt(si)) if (l.kind !== 'place' && !map.has(l.end)) map.set(l.end, l);
      this.ends[si] = map;
    }
    return map.get(at);
  }

  /**
   * Persons, organisations and claimant phrases of a sentence, in order: the
   * antecedents of pronouns. Those inside quotation marks are left out: a
   * quoted speaker's "the bad actor" is not who "he was quoted as saying" is.
   */
  agentsAt(si: number): Agent[] {
    let out = this.agents[si];
    if (out) return out;
    out = [];
    for (const l of this.localsAt(si)) {
      if (l.kind === 'person') out.push({ who: l.m.text, key: l.m.key, start: l.start, end: l.end, kind: 'person' });
      else if (l.kind === 'organisation') out.push({ who: l.m.text, key: l.m.key, start: l.start, end: l.end, kind: 'org' });
    }
    const v = this.reading[si].v;
    const re = CLAIMANT_ALL_RE;
    re.lastIndex = 0;
    let claimants = false;
    for (let m = re.exec(v); m; m = re.exec(v)) {
      out.push({ who: m[0], start: m.index, end: m.index + m[0].length, kind: claimantKind(m[0]) });
      claimants = true;
    }
    if (claimants) out.sort((a, b) => a.start - b.start);
    if (out.length && QUOTE_TEST_RE.test(v)) {
      const quoted = quotedRanges(v).sort((a, b) => a[0] - b[0]);
      if (quoted.length) {
        // Both lists are in order: one walk drops the agents inside a quotation.
        let q = 0;
        let reach = -1;
        out = out.filter((a) => {
          while (q < quoted.length && quoted[q][0] <= a.start) { reach = Math.max(reach, quoted[q][1]); q++; }
          return a.end > reach;
        });
      }
    }
    this.agents[si] = out;
    return out;
  }

  /** What a pronoun at `at` in sentence `si` refers to: earlier in its sentence first, then in the sentences before. */
  resolve(pronoun: string, si: number, at: number): Agent | undefined {
    const p = pronoun.toLowerCase();
    const own = this.agentsAt(si);
    const stop = Math.max(0, si - LOOK_BACK);
    if (p === 'he' || p === 'she') {
      const a = lastBefore(own, at, (x) => x.kind === 'person');
      if (a) return a;
      // The sentence before's speaker, else its first named person (its subject, as a rule), else its last person-like claimant.
      for (let k = si - 1; k >= stop; k--) {
        const sp = this.speakers[k];
        if (sp?.kind === 'person') return { ...sp, kind: 'person' };
        const ag = this.agentsAt(k);
        const named = ag.find((x) => x.kind === 'person' && x.key) ?? lastBefore(ag, Infinity, (x) => x.kind === 'person');
        if (named) return named;
      }
      return undefined;
    }
    if (p === 'they') {
      const a = lastBefore(own, at, (x) => x.kind !== 'thing' && !x.key);
      if (a) return a;
      for (let k = si - 1; k >= stop; k--) {
        const sp = this.speakers[k];
        if (sp && !sp.key && sp.kind && sp.kind !== 'thing') return { ...sp, kind: sp.kind };
      }
      return undefined;
    }
    if (p === 'it') {
      const a = lastBefore(own, at, (x) => x.kind !== 'person');
      if (a) return a;
      for (let k = si - 1; k >= stop; k--) {
        const last = lastBefore(this.agentsAt(k), Infinity, (x) => x.kind !== 'person');
        if (last) return last;
      }
    }
    return undefined;
  }

  /** The organisation "the company" at `at` in sentence `si` stands for: the last one named before it. */
  orgBefore(si: number, at: number): string | undefined {
    for (let k = si; k >= 0 && k >= si - ORG_LOOK_BACK; k--) {
      const locals = this.localsAt(k);
      for (let n = locals.length - 1; n >= 0; n--) {
        const l = locals[n];
        if (l.kind === 'organisation' && (k < si || l.end <= at)) return l.m.key;
      }
    }
    return undefined;
  }
}

/**
 * The last of `agents` (sorted by start) that ends by `at` and is `ok`. The
 * walk back is bounded: an antecedent more than 64 names away is no longer
 * what a pronoun refers to.
 */
function lastBefore(agents: Agent[], at: number, ok: (a: Agent) => boolean): Agent | undefined {
  let lo = 0;
  let hi = agents.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (agents[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && lo - k <= 64; k--) {
    const a = agents[k];
    if (a.end <= at && ok(a)) return a;
  }
  return undefined;
}

const QUOTE_TEST_RE = /[“”"]/;
const CURLY_RE = /[“”]/g;
const STRAIGHT_QUOTED_RE = /"[^"\n]{0,2000}"/g;

/**
 * The quoted stretches of a sentence. A quotation may begin in an earlier
 * sentence or end in a later one: a closing ” with no opening before it
 * quotes from the sentence's start, an unclosed “ to its end.
 */
function quotedRanges(v: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  let first = true;
  CURLY_RE.lastIndex = 0;
  for (let m = CURLY_RE.exec(v); m; m = CURLY_RE.exec(v)) {
    if (m[0] === '“') open = m.index;
    else if (open >= 0 || first) { out.push([Math.max(open, 0), m.index + 1]); open = -1; }
    first = false;
  }
  if (open >= 0) out.push([open, v.length]);
  STRAIGHT_QUOTED_RE.lastIndex = 0;
  for (let m = STRAIGHT_QUOTED_RE.exec(v); m; m = STRAIGHT_QUOTED_RE.exec(v)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const ADVERB_RE = /^[a-z]{3,}ly$/;

/** The end of the words before `at` once gap words and adverbs are skipped, or -1 for a passive ("was reported"). */
function speakerEnd(v: string, at: number): number {
  let p = at;
  for (let n = 0; n < 4; n++) {
    while (p > 0 && isSpace(v.charCodeAt(p - 1))) p--;
    // The letters that end at `p`, 20 at most, read without a slice of the text and a regular expression.
    const from = Math.max(0, p - 20);
    let q = p;
    while (q > from && isAsciiLetter(v.charCodeAt(q - 1))) q--;
    if (q === p) break;
    const word = v.slice(q, p);
    const lower = word.toLowerCase();
    if (BE.has(lower)) return -1;
    if (!GAP_WORDS.has(lower) && !ADVERB_RE.test(word)) break;
    p = q;
  }
  // "(FCC) said": a closing bracket or quote may stand between.
  for (;;) {
    const c = p > 0 ? v.charCodeAt(p - 1) : -1;
    if (isSpace(c) || c === 41 || c === 0x201d || c === 34) p--;
    else break;
  }
  return p;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Whether a character is white space to a regular expression's `\s`. */
function isJsSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isLowerOrHyphen(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 45;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

function fromMention(l: Local): Found {
  const kind = l.kind === 'person' ? 'person' : l.kind === 'organisation' ? 'org' : undefined;
  return { who: l.m.text, key: l.m.key, start: l.start, end: l.end, kind };
}

/** A claimant phrase ending at `p`, with the key of the organisation "the company" stands for. */
function claimantEndingAt(doc: Article, si: number, v: string, p: number): Found | undefined {
  const from = Math.max(0, p - 60);
  // A claimant phrase ends on one of the nouns: the word before most verbs is none, and the phrase is not looked for.
  let e = p;
  while (e > from && isJsSpace(v.charCodeAt(e - 1))) e--;
  let q = e;
  while (q > from && isLower(v.charCodeAt(q - 1))) q--;
  if (!NOUN_ENDS.has(v.slice(q, e))) return undefined;
  const m = CLAIMANT_END_RE.exec(v.slice(from, p));
  if (!m) return undefined;
  const start = from + m.index + m[0].indexOf(m[1]);
  const found: Found = { who: m[1], start, end: start + m[1].length, kind: claimantKind(m[1]) };
  if (found.kind === 'org') {
    const key = doc.orgBefore(si, start);
    if (key) found.key = key;
  }
  return found;
}

/**
 * "The Wall Street Journal story noted", "a T-Mobile spokesperson said"; with one word of what kind between,
 * an organisation's or outlet's ("a Jamf security report told us", "the T-Mobile press release said"), where
 * anything else named so is the document's subject ("a Log4j security advisory warned"). Group 2: that word.
 */
const VIA_RE = /([’']s)?\s+(?:(press|news|security)\s+)?(?:story|report|article|statement|filing|post|tweet|blog|release|advisory|notice|website|spokesperson|spokesman|spokeswoman|representative)$/;
const PRONOUN_RE = /(?:^|[^A-Za-z])(he|she|they|it|He|She|They|It)$/;
/** The nouns `VIA_RE` ends on. */
const VIA_NOUNS = new Set(['story', 'report', 'article', 'statement', 'filing', 'post', 'tweet', 'blog', 'release', 'advisory', 'notice', 'website',
  'spokesperson', 'spokesman', 'spokeswoman', 'representative']);

/**
 * Whether the lower-case word that ends at `p` may be one of `VIA_RE`'s nouns: most words before a verb of saying end
 * a name, and are settled by their last letter without a slice and a regular expression.
 */
function viaNounBefore(v: string, p: number): boolean {
  const c = p > 0 ? v.charCodeAt(p - 1) : -1;
  // The last letters of the nouns: y, t, e, g, n.
  if (c !== 121 && c !== 116 && c !== 101 && c !== 103 && c !== 110) return false;
  let q = p - 1;
  while (q > 0 && p - q < 14 && isLower(v.charCodeAt(q - 1))) q--;
  return VIA_NOUNS.has(v.slice(q, p));
}

/**
 * "The US Department of Health and Human Services breach website indicates that 5,015 people were affected": what a
 * named body's document shows is that body's word. Only a document (`DOC_NOUNS`, one lower-case word between at most)
 * speaks so: "The evidence indicates", "it shows" name no one.
 */
const DOC_SAY_RE = /\b(?:indicates|indicated|shows|showed)\b/g;
// (Not "post" or "site": "The Twitter post shows 500,000 records for sale" is no word of Twitter's.)
const DOC_NOUNS = new Set(['report', 'statement', 'filing', 'website', 'database', 'portal', 'notice', 'advisory', 'data', 'records', 'figures', 'tally']);

function documentSpeaker(doc: Article, si: number, v: string): Found | undefined {
  const re = DOC_SAY_RE;
  re.lastIndex = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const p = speakerEnd(v, m.index);
    if (p < 0) continue;
    // The document's noun, then the name before it, maybe with one word between ("breach website") or an "'s".
    let q = wordStartBefore(v, p);
    if (!DOC_NOUNS.has(v.slice(q, p))) continue;
    for (let words = 0; words < 2; words++) {
      let e = q;
      while (e > 0 && isSpace(v.charCodeAt(e - 1))) e--;
      if (e === q) break;
      const c = v.charCodeAt(e - 1);
      const named = doc.endingAt(si, e) ?? (c === 115 && (v.charCodeAt(e - 2) === 39 || v.charCodeAt(e - 2) === 0x2019) ? doc.endingAt(si, e - 2) : undefined);
      if (named) return named.kind === 'organisation' || named.kind === 'outlet' ? fromMention(named) : undefined;
      q = wordStartBefore(v, e);
      if (q === e || !/^[a-z]+$/.test(v.slice(q, e))) break;
    }
  }
  return undefined;
}

/** Where the run of letters that ends at `at` starts. */
function wordStartBefore(v: string, at: number): number {
  let q = at;
  while (q > 0 && isAsciiLetter(v.charCodeAt(q - 1))) q--;
  return q;
}

function speakerBefore(doc: Article, si: number, v: string, p: number): Found | undefined {
  const mention = doc.endingAt(si, p);
  if (mention) return fromMention(mention);
  // "The Wall Street Journal story noted", "a T-Mobile spokesperson said": the name behind the words.
  const via = viaNounBefore(v, p) ? VIA_RE.exec(v.slice(Math.max(0, p - 32), p)) : null;
  if (via) {
    const nameEnd = p - via[0].length;
    const named = doc.endingAt(si, nameEnd) ?? doc.endingAt(si, nameEnd + (via[1]?.length ?? 0));
    if (named && (via[2] === undefined || named.kind === 'organisation' || named.kind === 'outlet')) return fromMention(named);
  }
  // (A pronoun ends on "e", "y" or "t": most words do not, and are not sliced and matched.)
  const last = p > 0 ? v.charCodeAt(p - 1) : -1;
  const pro = last === 101 || last === 121 || last === 116 ? PRONOUN_RE.exec(v.slice(Math.max(0, p - 6), p)) : null;
  if (pro) {
    const start = p - pro[1].length;
    const a = doc.resolve(pro[1], si, start);
    return a ? { who: a.who, key: a.key, start, end: p, kind: a.kind } : undefined;
  }
  return claimantEndingAt(doc, si, v, p);
}

const RELATIVE_RE = /(?:^|[^A-Za-z])(who|which)$/;

/** "Unit221B LLC, which said", "Glenn Gerstell, a former counsel …, who said". */
function relativeSpeaker(doc: Article, si: number, v: string, p: number): Found | undefined {
  const rel = RELATIVE_RE.exec(v.slice(Math.max(0, p - 7), p));
  if (!rel) return undefined;
  const relStart = p - rel[1].length;
  if (rel[1] === 'who') {
    const locals = doc.localsAt(si);
    for (let k = locals.length - 1; k >= 0 && relStart - locals[k].start < 300; k--) {
      const l = locals[k];
      if (l.kind === 'person' && l.end <= relStart && relStart - l.end < 200) return fromMention(l);
    }
    return undefined;
  }
  let q = relStart;
  while (q > 0 && (isSpace(v.charCodeAt(q - 1)) || v.charCodeAt(q - 1) === 44)) q--;
  return speakerBefore(doc, si, v, q);
}

/** Where the text before `at` ends, white space skipped. */
function trimmedEnd(v: string, at: number): number {
  while (at > 0 && isSpace(v.charCodeAt(at - 1))) at--;
  return at;
}

/** "Randy Watkins, chief technology officer at …, told Threatpost": the speaker stands before the appositive. */
function appositiveSpeaker(doc: Article, si: number, v: string, p: number): Found | undefined {
  if (v.charCodeAt(p - 1) !== 44) return undefined;
  const inner = v.lastIndexOf(',', p - 2);
  if (inner >= 0 && p - inner < 200) {
    const person = doc.endingAt(si, trimmedEnd(v, inner));
    if (person?.kind === 'person') return fromMention(person);
    // "Neiman Marcus, which also controls the brands Bergdorf Goodman and Horchow, said": the name the relative
    // clause is about speaks, not the last name inside it; the person an apposition before it names, if one does
    // ("Enrique Salem, Partner at Bain Capital Ventures, which led …, said"). Not inside a quotation ("… the Blue
    // Team, who try to defend themselves," says Rainys).
    if (person && RELATIVE_AFTER_RE.test(v.slice(inner + 1, inner + 8)) && !quoted(v, inner, p)) {
      // (Only where X is where the person works: "In a letter to Sen. Ron Wyden, AT&T, which …, said" is AT&T's.)
      const outer = v.lastIndexOf(',', inner - 1);
      const named = outer >= 0 && inner - outer < 120 && WORKPLACE_BEFORE_RE.test(v.slice(outer, person.start)) ? doc.endingAt(si, trimmedEnd(v, outer)) : undefined;
      return fromMention(named?.kind === 'person' ? named : person);
    }
  }
  const named = doc.endingAt(si, trimmedEnd(v, p - 1));
  if (named) return fromMention(named);
  if (inner >= 0 && p - inner < 200) return claimantEndingAt(doc, si, v, trimmedEnd(v, inner));
  return undefined;
}

const RELATIVE_AFTER_RE = /^\s+(?:which|who)\b/;
/** "…, Partner at ", "…, the head of ": an apposition that ends on where someone works. */
const WORKPLACE_BEFORE_RE = /\b(?:at|of|for|with|from)\s+(?:the\s+)?$/i;

/** Whether the clause from `at` to `end` is quoted: a quotation open before it, or closing right after it. */
function quoted(v: string, at: number, end: number): boolean {
  if (/^\s*["”]/.test(v.slice(end, end + 3))) return true;
  let straight = 0;
  for (let k = 0; k < at; k++) if (v.charCodeAt(k) === 34) straight++;
  return straight % 2 === 1 || v.lastIndexOf('“', at) > v.lastIndexOf('”', at);
}
const DETERMINER_RE = /^(?:the|a|an)\s+/i;
const NOT_A_SOURCE_RE = /^(?:What|Which|Who|How|His|Her|Their|Its)\b/;

function according(doc: Article, si: number, v: string): Found | undefined {
  const re = ACCORDING_RE;
  re.lastIndex = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const q = m.index + m[0].length;
    const det = DETERMINER_RE.exec(v.slice(q, q + 5));
    const n = q + (det ? det[0].length : 0);
    const mention = doc.startingAt(si, q) ?? doc.startingAt(si, n);
    if (mention) return fromMention(mention);
    const cl = sticky(CLAIMANT_START_RE, v, q);
    if (cl) {
      const found: Found = { who: cl[0], start: q, end: q + cl[0].length, kind: claimantKind(cl[0]) };
      if (found.kind === 'org') found.key = doc.orgBefore(si, q);
      if (found.key === undefined) delete found.key;
      return found;
    }
    const cap = sticky(CAPITALISED_RE, v, n);
    if (cap && !NOT_A_SOURCE_RE.test(cap[0])) {
      // "according to European law enforcement agency Europol": a word that describes the name ahead, not the name
      // ("said by European" on Europol's 5,000 infections, in 4 real articles).
      // One word only: a name of several ("Tiago Pereira and Vitor Ventura at Cisco Talos", "U.S. Attorney's Office for
      // the Southern District") is who speaks.
      const ahead = cap[0].includes(' ') ? undefined : describedAhead(doc, si, v, n + cap[0].length);
      if (ahead) return fromMention(ahead);
      // "according to Acme Labs." ends at the name, without the stop or a possessive.
      const name = trimEndWhere(cap[0].replace(/[’']s$/, ''), /[.’'-]/);
      return { who: name, start: n, end: n + name.length };
    }
  }
  return undefined;
}

/**
 * The name that one to four lower-case words after `at` lead to ("European law enforcement agency Europol", "the
 * French cybersecurity firm Sekoia"): what a capitalised word before them only describes. None where anything else
 * (a stop, a comma, a digit, another capitalised word) comes first.
 */
function describedAhead(doc: Article, si: number, v: string, at: number): Local | undefined {
  let k = at;
  for (let words = 0; words < 5; words++) {
    if (k >= v.length || v.charCodeAt(k) !== 32) return undefined;
    k++;
    if (words > 0) {
      const named = doc.startingAt(si, k);
      if (named) return named.kind === 'organisation' || named.kind === 'outlet' || named.kind === 'person' ? named : undefined;
    }
    if (words === 4) return undefined;
    const c = k < v.length ? v.charCodeAt(k) : -1;
    if (c < 97 || c > 122) return undefined;
    while (k < v.length && isLowerOrHyphen(v.charCodeAt(k))) k++;
  }
  return undefined;
}

const INVERTED_BEFORE_RE = /[,”"]\s*$/;
/** Whether a sentence may hold a document's word (`DOC_SAY_RE`). */
const DOC_SAY_TEST_RE = /\b(?:indicat|show)/;

function attribution(doc: Article, si: number, v: string): Found | undefined {
  if (v.includes('ccording to')) {
    const a = according(doc, si, v);
    if (a) return a;
  }
  const re = SAY_RE;
  re.lastIndex = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const verbEnd = m.index + m[0].length;
    const p = speakerEnd(v, m.index);
    if (p < 0) continue;
    const found = speakerBefore(doc, si, v, p) ?? relativeSpeaker(doc, si, v, p) ?? appositiveSpeaker(doc, si, v, p);
    if (found) return found;
    // "…,” said Kolochenko.
    if (INVERTIBLE.has(m[0]) && INVERTED_BEFORE_RE.test(v.slice(Math.max(0, m.index - 3), m.index))) {
      let q = verbEnd;
      while (q < v.length && isSpace(v.charCodeAt(q))) q++;
      const after = doc.startingAt(si, q);
      if (after) return fromMention(after);
    }
    re.lastIndex = verbEnd;
  }
  return DOC_SAY_TEST_RE.test(v) ? documentSpeaker(doc, si, v) : undefined;
}

const PURPORTED_RE = /\b(?:purported(?:ly)?|alleged(?:ly)?|reportedly|claimed|supposed(?:ly)?)\b/i;

// ---------------------------------------------------------------------------
// The extractor

/**
 * One `Claim` per sentence that states a figure (as `extractFigures` finds
 * them) or attributes something, with `sentence` its index. `articleDate`
 * (ms) resolves dates written without a year and weekdays.
 */
export function extractClaims(
  sentences: SentenceRef[],
  mentions: Mention[],
  kindOf: (key: string) => EntityKind | undefined,
  articleDate: number | undefined,
  dates: DatesOf = new Array(sentences.length),
): Claim[] {
  const claims: Claim[] = [];
  const reading = readingsOf(sentences);
  const doc = new Article(sentences, reading, mentionsBySentence(sentences, mentions), kindOf);
  let previous: { claim: Claim; end: number } | undefined;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const offset = s.span.start;
    const r = reading[si];
    const hasFigure = r.numbers.length > 0;
    // Verbs of saying are looked for in the raw text first: most sentences have none.
    const found = r.maySay ? attribution(doc, si, r.v) : undefined;
    doc.speakers[si] = found;
    // Neither a figure nor a speaker: no claim, whatever the sentence before says.
    if (!found && !hasFigure) continue;
    const claim = newClaim(si, undefined, undefined, undefined);
    if (found) {
      claim.attribution = newAttribution(found.who, found.key || undefined, { start: offset + found.start, end: offset + found.end });
    } else if (hasFigure && previous?.claim.attribution && previous.claim.sentence === si - 1 && offset - previous.end <= 3 && PURPORTED_RE.test(r.v)) {
      // "The purported thief/thieves posted a list of 30 million …": purported by the one the sentence names first,
      // not by T-Mobile, which "had confirmed its sixth breach" in the sentence before.
      const own = sticky(CLAIMANT_START_RE, r.v, r.v.length - r.v.trimStart().length);
      if (own) {
        claim.attribution = newAttribution(own[0], undefined, { start: offset + own.index, end: offset + own.index + own[0].length });
      } else {
        // "The collection is a subset of the purported 100 million records": purported by the one the sentence before quoted.
        const a = previous.claim.attribution;
        claim.attribution = newAttribution(a.who, a.key, a.span);
      }
    }
    if (!hasFigure && !claim.attribution) continue;
    const own = (dates[si] ??= datesIn(r.v, articleDate));
    if (own.length) {
      claim.asOf = own[0].instant;
      claim.asOfSpan = { start: offset + own[0].start, end: offset + own[0].end };
    }
    claims.push(claim);
    previous = { claim, end: s.span.end };
  }
  return claims;
}

/**
 * Copies of `figures` with `asOf` set from their own sentence: the date
 * written right after a figure ("~50 million on Aug. 20"), else the nearest
 * one before it ("As of Aug. 18, … ~40 million"), else the nearest after
 * that a preposition introduces ("…, T-Mobile said on Friday"). Only dates
 * that name a day count: "a ransomware attack in March" dates the attack,
 * not the count, nor does "a breach that started on October 15", and "a
 * deadline of June 27" is no as-of date.
 */
/** Words that make a day the breach's own ("a data breach that started on October 15"), not the day a count holds. */
export const EVENT_DAY_BEFORE_RE = /\b(?:start(?:ed|ing)|beg[au]n|beginning|occurr(?:ed|ing)|happened|took place|breached|hacked|compromised|between|since)\s+(?:on\s+|in\s+)?(?:or\s+(?:about|around)\s+)?$/i;

export function assignAsOf(figures: Figure[], sentences: SentenceRef[], articleDate: number | undefined, dates: DatesOf = new Array(sentences.length)): Figure[] {
  const reading = readingsOf(sentences);
  const out: Figure[] = [];
  for (const f of figures) out.push(asOfFigure(f, sentences, reading, articleDate, dates));
  return out;
}

/** `f` with `asOf` set from its own sentence (see `assignAsOf`), or `f` itself when no date applies. */
function asOfFigure(f: Figure, sentences: SentenceRef[], reading: SentenceReading[], articleDate: number | undefined, dates: DatesOf): Figure {
  const s = sentences[f.sentence];
  if (!s) return f;
  const v = reading[f.sentence].v;
  const all = (dates[f.sentence] ??= datesIn(v, articleDate));
  // Most sentences name no date.
  if (!all.length) return f;
  // Plain loops, no callbacks: a sentence that names a date holds several figures as a rule.
  let days: DateMention[] | undefined;
  for (const d of all) if (d.day && !EVENT_DAY_BEFORE_RE.test(v.slice(Math.max(0, d.start - 40), d.start))) (days ??= []).push(d);
  if (!days) return f;
  const start = f.span.start - s.span.start;
  const end = f.span.end - s.span.start;
  let right: DateMention | undefined;
  let after: DateMention | undefined;
  for (const d of days) {
    if (d.start < end) continue;
    if (right === undefined && onlyGapBetween(v, end, d.start)) right = d;
    if (after === undefined && d.start < d.at) after = d;
  }
  let before: DateMention | undefined;
  for (let k = days.length - 1; k >= 0 && before === undefined; k--) if (days[k].end <= start) before = days[k];
  const best = right ?? before ?? after;
  return best ? newFigure(f.span, f.text, f.value, f.low, f.high, f.unit, f.hedge, f.noun, f.nounSpan, f.qualifiers, f.subject, f.measure, f.sentence, best.instant) : f;
}

/** Whether `v` holds nothing but white space, commas and closing brackets from `from` to `to` (`/^[\s,)]*$/`). */
function onlyGapBetween(v: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = v.charCodeAt(k);
    if (c !== 44 && c !== 41 && !isJsSpace(c)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Who says each figure

/** A name, then a verb of telling a count: "… but T-Mobile later confirmed". */
const NAME_THEN_TELLS_RE = /^(?:[’']s)?(?:,\s+(?:the|a|an)\s+[^,.;:]{1,60},)?\s+(?:(?:later|then|also|since|subsequently|officially|publicly|itself|has|have|had)\s+){0,2}(?:confirmed|confirms|said|says|disclosed|discloses|reported|reports|announced|announces|acknowledged|acknowledges|stated|revealed|admitted|estimated|estimates|claimed|claims)\b|^[’']s\s+(?:own\s+)?(?:estimate|count|figure|tally|number)\s+(?:is|was|puts)\b/;

/**
 * Who says a figure: its sentence's attribution, unless someone else is said
 * to tell it between that attribution and the figure ("Binns initially
 * claimed … 100 million … but T-Mobile later confirmed … 7.8 million": the
 * 7.8 million is T-Mobile's).
 */
/**
 * A speaker as written, to stand inside a sentence or after a label: "A threat actor" and "The carrier" opened their
 * sentences, and read "said by The carrier" on a card; inside they are "a threat actor", "the carrier". Names keep
 * their capitals ("The Register", "A10 Networks": a capital or digit after the determiner).
 */
export function speakerInText(who: string): string {
  return /^(?:A|An|The) [a-z]/.test(who) ? who[0].toLowerCase() + who.slice(1) : who;
}

export function attributionOf(facts: DocFacts, fig: Figure, claim: Claim | undefined): Claim['attribution'] {
  const a = claim?.attribution;
  if (!a) return a;
  const s = facts.sentences[fig.sentence];
  if (!s) return a;
  // A sentence's speaker named after the figure ("BlackFen, the group that claimed the attack, says it holds
  // 2 terabytes, while Helmsley's own estimate is …") is not who says it when someone is said to before it.
  const from = a.span.end <= fig.span.start ? a.span.end : s.span.start;
  let best: Mention | undefined;
  for (const e of facts.entities) {
    for (const m of e.mentions) {
      if (m.sentence !== fig.sentence || m.span.start < from || m.span.end > fig.span.start || (best && m.span.start < best.span.start)) continue;
      const at = m.span.end - s.span.start;
      if (NAME_THEN_TELLS_RE.test(s.text.slice(at, at + 60))) best = m;
    }
  }
  return best ? newAttribution(best.text, best.key, best.span) : a;
}
