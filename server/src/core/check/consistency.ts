/**
 * Figure consistency: the warning Breach Desk exists for. A figure in one
 * article is compared with every figure of the same measure (same subject,
 * same thing measured, same sub-population) in the corpus, this article
 * included:
 *
 * - values whose hedged intervals overlap agree: nothing to say (an exact
 *   figure may be a truncation: "1.3 million" agrees with 1,357,879, and a
 *   round one a rounding: "$600 million" with $611 million);
 * - values dated a day or more apart are a revision (`figure.revision`,
 *   information), not a disagreement: both dated in their sentences, or one
 *   dated after the other article was written, or the later article saying
 *   the count changed ("now says", "up from");
 * - values attributed to different parties (the seller claims, the company
 *   confirms) are a disputed claim (`figure.disputed`, information);
 * - values that are parts and whole of one count are no rivals: parts of a
 *   total stated anywhere (850,000 + 52,000 = 902,000), or a part and its
 *   total with another part;
 * - anything else is a conflict (`figure.conflict`, warning), with every
 *   conflicting sentence as related information;
 * - a total that equals parts stated in another article is reconciled
 *   (`figure.reconciled`, information), with the parts as related locations.
 *
 * Each figure is first scoped by its clause (`scopeOf`): what an
 * organisation has ("which has 10m customers", "home to about 210,000
 * residents") is not what a breach touched; rates, ratios and the
 * headlines of related-story links are not counts; parts and totals ("of
 * those", "a second piece of malware", "a total of") are not rivals within
 * their article. Within one article two figures are compared only when both
 * speak of the breach (or one takes the other up: "the 84,000 residents
 * affected"); across articles, when at least one does. A figure whose
 * subject is unknown is compared within its article only.
 *
 * Corpus-level checks also find the same article saved twice
 * (`corpus.duplicate`) and quotations worded differently in two articles
 * (`quote.altered`).
 */
import type { Claim, DocFacts, Figure, SentenceRef } from '../extract/types';
import { diag, type Diagnostic, type Fix, type RelatedInfo } from '../diagnostics';
import { writtenMeasure } from '../extract/figures';
import { attributionOf, EVENT_DAY_BEFORE_RE, speakerInText } from '../extract/claims';
import { canonicalUrl } from '../extract/urls';
import { agree, findParts, formatValue, nearestInTime, partsAmong, partSources, sameMeasure, type Reconciliation } from '../index/compare';
import { MIN_QUOTE_WORDS, quoteWords, type CorpusIndex, type FigureRef, type IndexedDoc } from '../index/corpus';
import { readable, type Span } from '../text';
import { clip, formatDate, shownDay } from '../features/markdown';
import { compareWording } from './wording';
import { checkNames } from './names';

const DAY = 24 * 3600 * 1000;

/** Parties that claim rather than confirm: a figure they give is disputed, not wrong. */
const CLAIMANTS = /\b(?:seller|thief|thieves|hackers?|attackers?|intruders?|threat actors?|actors?|criminals?|cybercriminals?|gang|group|crew|crooks?|extortionists?|purported|alleged|claimed|claims|posting|forum)\b/i;
/** Words of a sentence that make an unattributed figure (or one a third party reports) a claim. */
const CLAIM_WORDS = /\b(?:claim(?:s|ed|ing)?|purported(?:ly)?|alleged(?:ly)?|boast(?:s|ed|ing)?|brag(?:s|ged|ging)?|offer(?:s|ed|ing)? (?:to sell|for sale|them|it)|offer(?:s|ed|ing)? \S+ (?:records|accounts|files)|sell(?:s|ing)?|for sale|asking price|leak site|disput(?:e|es|ed))\b/i;
/** Words that leave a figure unconfirmed whoever gives it ("won't confirm SSN breach of 100 million customers"). */
const DOUBT_WORDS = /\b(?:allegations?|unconfirmed|unverified|(?:won['’]t|will not|would not|wouldn['’]t|did not|didn['’]t|could not|couldn['’]t|cannot|can['’]t) (?:yet )?(?:confirm|verify)|(?:looking into|investigating) (?:the )?(?:claims?|allegations?|reports?))/i;
/** The attribution is the organisation itself or someone speaking for it ("the company", "a spokesperson"). */
const OWN_VOICE = /^(?:the|a|an|its|their)\s+(?:[a-z-]+\s+){0,2}(?:company|firm|carrier|telecom|telco|operator|provider|vendor|bank|lender|insurer|retailer|spokesperson|spokesman|spokeswoman|statement|filing|notice|letter)$/i;

/** A sentence whose subject is a claimant ("The intruder, who spoke to …, said he had copied …"). */
const ACTOR_SUBJECT = /^\W*(?:the|a|an|one)\s+(?:[a-z-]+\s+){0,2}(?:seller|thief|hacker|attacker|intruder|threat actor|gang|crew|extortionist|cybercriminal|criminal)s?\b/i;
/**
 * "A hacker leaked the entirety of Twitch's source code alongside a 128 GB trove": what an actor made public is
 * there for the reporter to measure, not the actor's claim, unless it is offered for sale or said to be so.
 */
const ACTOR_PUBLISHED = /^\W*(?:the|a|an|one)\s+(?:[a-z-]+\s+){0,2}(?:hacker|attacker|intruder|threat actor|gang|crew|cybercriminal|criminal)s?\s+(?:has\s+|have\s+|had\s+)?(?:leaked|dumped|published|posted|released)\b(?![^.!?]*\b(?:for sale|selling|sells|sold|offer(?:s|ed|ing)?|asking|price|bitcoin|claim(?:s|ed|ing)?|purport(?:s|ed|edly)?|allegedly)\b)/i;

/** Two statements each attributed to a source of its own ("according to Video Games Chronicle", "Chappell told Threatpost"). */
function twoSources(a: Stated, b: Stated): boolean {
  return a.who !== undefined && b.who !== undefined && a.who !== b.who && !sameOrg(a.who, b.who);
}

/** One organisation under two keys of one article ("corvane" and "corvane wireless"). */
function sameOrg(a: string, b: string | undefined): boolean {
  return b !== undefined && (a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `));
}

/** Nouns that make a name a threat actor's when they stand next to it ("the extortion crew NightVeil", "BlackFen, the group that"). */
const ACTOR_BEFORE = /\b(?:gang|crew|group|hackers?|actors?|operators?|extortionists?|cybercriminals?)\s+$/i;
const ACTOR_AFTER = /^(?:[’']s)?\s*(?:(?:ransomware|extortion|hacking|hacker|cybercrime)\s+)?(?:gang|crew|group|hackers|operators)\b|^,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:gang|crew|group|hackers?|actors?|operators?|extortionists?)\b/i;

const actorCache = new WeakMap<DocFacts, Set<string>>();

/** Entities an article presents as threat actors (next to "gang", "crew", … or tagged `threatactor.name=`). */
function actorsOf(f: DocFacts): Set<string> {
  let out = actorCache.get(f);
  if (out) return out;
  out = new Set();
  const tagged = new Set(f.tags.filter((t) => t.key?.toLowerCase().startsWith('threatactor')).map((t) => t.name.toLowerCase()));
  for (const e of f.entities) {
    if (tagged.has(e.name.toLowerCase()) || e.aliases.some((a) => tagged.has(a.toLowerCase()))) { out.add(e.key); continue; }
    for (const m of e.mentions) {
      const s = f.sentences[m.sentence];
      if (!s) continue;
      const before = s.text.slice(Math.max(0, m.span.start - s.span.start - 40), m.span.start - s.span.start);
      const after = s.text.slice(m.span.end - s.span.start, m.span.end - s.span.start + 60);
      if (ACTOR_BEFORE.test(before) || ACTOR_AFTER.test(after)) { out.add(e.key); break; }
    }
  }
  actorCache.set(f, out);
  return out;
}

/**
 * Clause-level scope of a figure. A figure counts what an organisation has
 * (its customers, staff, players: "which has 10m customers", "home to about
 * 210,000 residents", "employs about 55,000 people") rather than what a
 * breach touched when a verb of having stands right before it in its clause
 * and the clause says nothing of a breach.
 */
const HAVE_NEAR = /\b(?:has|have|had|having|with)\s+(?:[a-z-]+\s+){0,2}$/i;
/** "its 150 million users", "all 100 million of their customers": the whole of what it has, breach or not. */
const OWNED_BEFORE = /\b(?:its|their|all|all of its|all of their)\s+$/i;
const OWNED_AFTER = /^\s+of\s+(?:its|their)\s/i;
const HAVE_FAR = /\b(?:serves?|served|serving|supplies|supplying|supply|provides?|providing|employs?|employing|enrol(?:l)?s|enrol(?:l)?ing|cares? for|caring for|treats|home to|boasts?|insures|counts|(?:which|that|who) claims|used by|passing|passed|reached|containing|contains|existing|body of|customer base of|user base of|population of)\b(?:\s+[\w’'-]+){0,6}\s+$/i;
const BREACH_WORDS = /\b(?:affected|affecting|impacted|exposed|exposing|stolen|stole|steal|breach(?:ed|es)?|compromised|leak(?:ed|s)?|accessed|hacked|taken|took|copied|notif(?:y|ied|ies|ying)|victims?|at risk|hit|data|records?|details|information)\b/i;
const CLAUSE_END = /[,;:()—–]/;
/** "A second piece of malware … 900,000 customers", "Of those, 150,000", "900,000 more": one part of a larger count. */
const PART_BEFORE = /\b(?:within (?:that|those|these|this)\s+[$€£]?\d|a second|second|another|a further|further|additional|separate|separately|including|includ(?:es|ed)|in addition|also|remaining|rest|out of|among (?:them|those|these)|of (?:those|them|these|whom|which)|total|totals|totalling|totaling|in all|altogether|overall|combined|bringing|a different|different group)\b/i;
const PART_AFTER = /^\s*(?:more|other|additional|others)\b/i;
const PART_ANY = /\b(?:alone|a second|another|a further|separately|in addition|additionally)\b/i;
/** The sentence says the count changed since it was first given. */
const REVISED = /\b(?:now (?:says?|puts|estimates|believes|counts)|up from|down from|rose|risen|grown|grew|increased|revised|raised|updated?|climbed|jumped|lowered|more than (?:doubled|tripled)|(?:double|triple|three times|twice)\s+(?:its|the|their)\s+(?:first|initial|earlier|original|previous)|(?:first|initial|earlier|original|previous) (?:estimate|count|figure|tally|number))\b/i;

/** Words that say a breach touched what the sentence counts (for comparisons within one article and across). */
const BREACHY = /\b(?:affect(?:ed|s|ing)?|impacted|impacting|expos(?:ed|es|ing|ure)|stolen|stole|steal(?:s|ing)?|theft|breach(?:ed|es)?|compromis(?:ed|e)|leak(?:ed|s)?|accessed|hack(?:ed)?|hijacked|taken|took|copied|dumped|scraped|posted|sold|for sale|robbed|attacked|hit|victims?|notif(?:y|ied|ies|ying|ication)|written to|wrote to|letters?|emailing|emailed|at risk|involved|obtained|exfiltrated|lost|spilled|left open|unprotected|unsecured|misconfigured|encrypted|ransom)\b/i;
/** "1 in 3 people", "an average 2.14 emails each", "116 emails per month": rates and ratios, not counts. */
const RATE_BEFORE = /\b(?:average|averaged|avg\.?|mean|median)\s+(?:of\s+)?$/i;
const RATE_AFTER = /^\s*(?:[\w’'-]+\s+){0,3}?(?:each|apiece|per\s+\w+|a (?:day|week|month|year|second|minute|hour)|every\s+\w+)\b/i;

interface Scope {
  base: boolean;
  part: boolean;
  /** Its sentence says a breach touched what it counts. */
  breachy: boolean;
  /** A rate, ratio or headline of another article: not compared at all. */
  skip: boolean;
  /** The step of a criminal case its clause counts people at (see `STEPS`). */
  step?: string;
}

/**
 * The steps of a criminal case, which count different people: "detained 14
 * people" and "eight people … were hit with charges" disagree about nothing.
 */
const STEPS: [string, RegExp][] = [
  ['arrest', /\b(?:arrest(?:ed|s)?|detain(?:ed|s)?|detention|raid(?:ed|s)?|custody|apprehended|rounded up|held)\b/i],
  ['charge', /\b(?:charg(?:ed|es)|indict(?:ed|ment|ments)|accused|prosecuted)\b/i],
  ['sentence', /\b(?:convict(?:ed|ion|ions)|sentenc(?:ed|es|ing)|pleaded guilty|pled guilty|jailed|imprisoned)\b/i],
  ['extradition', /\bextradit(?:ed|ion)\b/i],
];

/** Nouns that count people, whom a case's steps apply to. */
const PEOPLE_IN_CASES = new Set(['person', 'people', 'individual', 'suspect', 'member', 'man', 'woman', 'defendant', 'hacker', 'actor', 'national', 'citizen', 'operator', 'affiliate']);

function stepOf(clause: string, figure: Figure): string | undefined {
  if (figure.unit !== 'count' || (figure.noun !== undefined && !PEOPLE_IN_CASES.has(figure.noun))) return undefined;
  let found: string | undefined;
  for (const [step, re] of STEPS) {
    if (!re.test(clause)) continue;
    // A clause naming two steps ("arrested and charged") counts people at both: none tells them apart.
    if (found) return undefined;
    found = step;
  }
  return found;
}

/** How far around a figure its clause is looked for: enough for prose, bounded for hostile input. */
const WINDOW = 400;

const HYPOTHETICAL_RE = /\b(?:if|could|would|might)\b/i;
const CONDITION_FIRST_RE = /^[\s*_"“]*(?:if|unless|should)\b/i;
/** Where a clause of its own begins: "…would target an exchange, nor that they got away with $34.6M". */
const CLAUSE_BREAK_RE = /[,;:()—–]|\b(?:but|nor|while|whereas|although|though|and)\s/gi;

/** The words of the last clause of `head` (the words before a figure): its own clause, as far as it goes back. */
function clauseOf(head: string): string {
  let from = 0;
  CLAUSE_BREAK_RE.lastIndex = 0;
  for (let m = CLAUSE_BREAK_RE.exec(head); m; m = CLAUSE_BREAK_RE.exec(head)) from = m.index + m[0].length;
  return head.slice(from);
}

/** What a whole sentence says, worked out once per sentence however many figures it holds. */
interface SentenceWords {
  breachy: boolean;
  partAny: boolean;
  revised: boolean;
  claim: boolean;
  doubt: boolean;
  /** The years it names as when something happened, in order (see `EVENT_YEAR_RE`, `NamedYear`). */
  years: NamedYear[];
}

/** A year a sentence names, where it stands and how it is written. */
interface NamedYear {
  at: number;
  end: number;
  /** The year, or with `relative` how far from the article's own ("last year": -1). */
  year: number;
  relative: boolean;
  /** Written with its month ("June 2021"): a date, told apart from another by its month too. */
  month: boolean;
  /** Written before an event's noun ("a 2020 data breach"): the event's year, not a fine's or a settlement's. */
  event: boolean;
}

/**
 * A year named as when something happened or what a count covers: "in 2019", "during 2020", "the first half of
 * 2021", "its 2019 breach", "2020's attack", "the 2021 survey", "the 2020 total of", "June 2021"; and "this year",
 * "last year's", "next year" (from the article's year). Not "since 2016" (a count up to now), "the last year" (twelve months)
 * or "of 2000 customers" (a count).
 */
const EVENT_YEAR_RE = /\b(?:in|during|throughout|for|of)\s+((?:19|20)\d\d)\b(?![-–]\d|\s+(?:customers|users|people|records|accounts|employees|patients|members|victims|devices|computers|machines|servers|sites|websites|companies|organi[sz]ations|individuals|subscribers|clients|students)\b)|\b((?:19|20)\d\d)(?:['’]s)?\s+(?:data\s+|cyber\s*|ransomware\s+)?(?:breach|attack|hack|incident|leak|cyberattack|compromise|intrusion|report|survey|study|total|figure|tally|count)\b|(?<!\bthe\s)\b(this|last|next)\s+year\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+((?:19|20)\d\d)\b/gi;

const sentenceCache = new WeakMap<SentenceRef, SentenceWords>();

/** Whether the character at `i` ends a clause: a comma (not one inside "11,767"), a colon, a dash ("--" too), a bracket. */
function endsClause(t: string, i: number): boolean {
  const c = t[i];
  if (c === ',') return !(isDigitAt(t, i - 1) && isDigitAt(t, i + 1));
  if (c === '-') return t[i - 1] === '-' || t[i + 1] === '-';
  return CLAUSE_END.test(c);
}

function isDigitAt(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Words that set what follows against a figure ("compared to 2020", "than last year", "up from 2019", "versus"). */
const COMPARED_BEFORE_RE = /\b(?:compared\s+(?:to|with)|than|from|versus|vs\.?|over)\s+(?:the\s+same\s+(?:period|quarter|time|month)\s+)?$/i;

/** Whether offset `at` of `t` stands in an aside that opens on ", which", ", who" or ", whose" within 120 characters before it. */
function inAside(t: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 120; i--) {
    if (endsClause(t, i)) return t[i] === ',' && ASIDE_RE.test(t.slice(i + 1, i + 12));
  }
  return false;
}
const ASIDE_RE = /^\s*(?:which|who|whose)\b/i;

/** A year found for a figure: `bare` when written without its month. */
interface FigureYear {
  year: number;
  bare: boolean;
}

/**
 * The year a figure's sentence names for it: one after it in its clause ("791,790 in 2020", "affected by its 2019
 * breach"), else the last one before it in its clause ("non-existent in 2020, but this year exceeded 1,500"), else the
 * last one before it in the sentence ("In 2021, the FBI received 847,376 complaints"), within `YEAR_BACK` characters.
 * `published`: the article's year. `counted`: whether the digits at a span are a figure of another kind ("for 2000
 * customers" names no year). A fine or a settlement takes no event's year ("to settle the case of a 2020 data breach").
 */
function eventYear(ref: SentenceRef, figure: Figure, published: number | undefined, counted: (start: number, end: number) => boolean): FigureYear | undefined {
  const years = wordsOf(ref).years;
  if (years.length === 0) return undefined;
  const t = ref.text;
  const at = figure.span.start - ref.span.start;
  const end = figure.span.end - ref.span.start;
  // The clause runs on to the noun when it comes after ("5 million customers were affected by its 2019 breach").
  const after = Math.max(end, (figure.nounSpan?.end ?? 0) - ref.span.start);
  // Close after it: "the effort last year" in "150 million users in 2-step verification after announcing the effort last year" is not its year.
  let clauseEnd = after;
  while (clauseEnd < t.length && clauseEnd < after + YEAR_REACH && !endsClause(t, clauseEnd)) clauseEnd++;
  const from = Math.max(0, at - YEAR_BACK);
  let clauseStart = at;
  while (clauseStart > from && !endsClause(t, clauseStart - 1)) clauseStart--;
  const settled = figure.noun !== undefined && SETTLED_NOUNS.has(figure.noun);
  const usable = (y: NamedYear) => !(y.relative && published === undefined) && !(settled && y.event) && !counted(ref.span.start + y.at, ref.span.start + y.end);
  let before: NamedYear | undefined;
  let inClause: NamedYear | undefined;
  // Years are in order: start at the first that may be near (a binary search keeps a long sentence linear).
  let lo = 0;
  let hi = years.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (years[mid].end <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < years.length && years[k].at < clauseEnd; k++) {
    const y = years[k];
    if (!usable(y)) continue;
    if (y.at >= end) return { year: y.relative ? published! + y.year : y.year, bare: !y.month };
    if (y.end <= at) {
      before = y;
      if (y.at >= clauseStart) inClause = y;
    }
  }
  const y = inClause ?? before;
  return y ? { year: y.relative ? published! + y.year : y.year, bare: !y.month } : undefined;
}

const countsCache = new WeakMap<DocFacts, Map<number, Span[]>>();

/** The spans of a sentence's figures that are no years ("2000 customers"), by sentence, worked out once per article. */
function countsIn(facts: DocFacts, sentence: number): Span[] {
  let by = countsCache.get(facts);
  if (!by) {
    by = new Map();
    for (const g of facts.figures) {
      if (g.unit === 'year') continue;
      let list = by.get(g.sentence);
      if (!list) by.set(g.sentence, (list = []));
      list.push(g.span);
    }
    countsCache.set(facts, by);
  }
  return by.get(sentence) ?? NO_SPANS;
}
const NO_SPANS: Span[] = [];

/** Sums settled for an event, which take none of its years ("$600,000 in penalties … of a 2020 data breach"). */
const SETTLED_NOUNS = new Set(['fine', 'settlement', 'penalty', 'payout', 'bounty', 'reward']);

/** How far before a figure a year may stand and still be the figure's (a long sentence's first clause names no later figure's year). */
const YEAR_BACK = 300;

/** How far after a figure and its noun a year may stand and still be the figure's ("were affected by its 2019 breach"). */
const YEAR_REACH = 40;

function wordsOf(ref: SentenceRef): SentenceWords {
  let w = sentenceCache.get(ref);
  if (!w) {
    const t = ref.text;
    w = {
      breachy: BREACHY.test(t),
      partAny: PART_ANY.test(t),
      revised: REVISED.test(t),
      claim: CLAIM_WORDS.test(t),
      doubt: DOUBT_WORDS.test(t),
      years: [],
    };
    for (let m = EVENT_YEAR_RE.exec(t); m; m = EVENT_YEAR_RE.exec(t)) {
      // "a 24% decline compared to the same period last year", "up from 2020": what a figure is set against, not its
      // year; "Acme, which was hit by ransomware last year, said …": an aside's.
      if (COMPARED_BEFORE_RE.test(t.slice(Math.max(0, m.index - 40), m.index)) || inAside(t, m.index)) continue;
      const relative = m[3] !== undefined;
      const year = relative ? ({ this: 0, last: -1, next: 1 } as Record<string, number>)[m[3].toLowerCase()] : Number(m[1] ?? m[2] ?? m[4]);
      w.years.push({ at: m.index, end: m.index + m[0].length, year, relative, month: m[4] !== undefined, event: m[2] !== undefined });
    }
    EVENT_YEAR_RE.lastIndex = 0;
    sentenceCache.set(ref, w);
  }
  return w;
}

function scopeOf(sentence: SentenceRef | undefined, figure: Figure): Scope {
  if (!sentence) return { base: false, part: false, breachy: false, skip: false };
  const t = sentence.text;
  const words = wordsOf(sentence);
  const at = figure.span.start - sentence.span.start;
  const end = figure.span.end - sentence.span.start;
  const prefix = t.slice(Math.max(0, at - WINDOW), Math.max(0, at));
  let from = prefix.length;
  while (from > 0 && !CLAUSE_END.test(prefix[from - 1])) from--;
  const before = prefix.slice(from);
  let to = end;
  while (to < t.length && to < end + WINDOW && !CLAUSE_END.test(t[to])) to++;
  const after = t.slice(end, to);
  const clause = before + after;
  const have = HAVE_NEAR.test(before) || HAVE_FAR.test(before.slice(-80));
  const nounEnd = figure.nounSpan ? figure.nounSpan.end - sentence.span.start : end;
  // "its 50 million customers" is what it has; "15,000 of their customers" is what it has unless the clause says they
  // were touched ("the attack affected around 15,000 of their customers").
  const owned = OWNED_BEFORE.test(prefix.slice(-16)) || (OWNED_AFTER.test(t.slice(end, end + 16)) && !BREACH_WORDS.test(clause));
  const base = owned || (have && !BREACH_WORDS.test(clause));
  const part = PART_BEFORE.test(prefix) || PART_AFTER.test(t.slice(end, end + 12)) || words.partAny;
  const skip = RATE_BEFORE.test(prefix.slice(-20))
    || RATE_AFTER.test(t.slice(nounEnd, nounEnd + 40));
  return { base, part, breachy: words.breachy, skip, step: stepOf(clause, figure) };
}

interface Stated {
  uri: string;
  figure: Figure;
  /** When the figure holds: an explicit date in its sentence, else the article's date. */
  when?: number;
  /** `when` is a day its sentence names, not the article's date. */
  explicit: boolean;
  /** In the article's title or subtitle. */
  headline: boolean;
  /** A month or year its sentence places it in ("in 2019", "in March"): far apart ones are different events. */
  period?: number;
  /** Where a year's period ends (`period` is its first day): "a ransomware attack last year" is near a count of this January. */
  periodEnd?: number;
  /** The year its sentence names for it, the article's own year too ("847,376 in 2021, up from 791,790 in 2020"). */
  year?: number;
  /** `year` written without a month ("in 2020", not "As of December 2021"). */
  bareYear: boolean;
  /** The article's own date. */
  published?: number;
  who?: string;
  claimant: boolean;
  /**
   * A claim's attribution that is not its claimant: the one who reports it
   * ("… selling 30 million SSNs, according to Motherboard") or the
   * organisation that will not confirm it ("T-Mobile … won't confirm … 100
   * million customers"). Unset when the attribution is the claimant.
   */
  voice?: { by: string; how: 'reports' | 'doubts' };
  /** "if 100 million customers’ data was in fact involved": not a statement of fact. */
  hypothetical: boolean;
  /** Counts what the organisation has, not what the breach touched (see `scopeOf`). */
  base: boolean;
  /** One part of a larger count said nearby, or a total of parts. */
  part: boolean;
  breachy: boolean;
  skip: boolean;
  /** See `Scope.step`. */
  step?: string;
  /** Written "the 84,000 residents": a reference to a count already given. */
  definite: boolean;
  /** Its sentence says the count changed. */
  revised: boolean;
  /** Said to be a sample or a subset of more ("selling a sample of the data with 30 million SSNs"). */
  sample: boolean;
}

/** "a sample of the data with 30 million", "a subset of": before the figure in its sentence. */
const SAMPLE_BEFORE = /\b(?:sample|subset|portion|excerpt)s?\b/i;
/** "a subset of the purported 100 million records": the figure is the whole the sample is taken from. */
const SAMPLE_OF = /\b(?:sample|subset|portion|excerpt)s?\s+of\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:(?:purported|alleged|claimed|reported|supposed|stolen|total|full|entire|whole)\s+)?$/i;
/** "… 30 million customers' SSNs. The collection is a subset of the purported 100 million records": the next sentence says so. */
const SAMPLE_NEXT = /^\W*(?:the|this|that|it|these|those)\b[^.!?]{0,40}?\b(?:is|was|are|were)\s+(?:only\s+|just\s+)?(?:a|an)\s+(?:sample|subset|portion|fraction|part)\b/i;

const FAR = 180 * DAY;

/** Values an order of magnitude apart count different populations, not a disagreement about one. */
function sameScale(a: Figure, b: Figure): boolean {
  const hi = Math.max(a.value, b.value);
  const lo = Math.min(a.value, b.value);
  return lo > 0 && hi / lo <= 5;
}

/**
 * How many times ten `a` is of `b` when the two are written with the same
 * digits ("400 million" and "40 million", "78 million" and "7.8 million",
 * "15,000" and "1,500"): a zero too many or too few, the commonest slip of a
 * figure, which far apart in size is otherwise taken for another population.
 * 0 when they are not.
 */
function decimalSlip(a: Figure, b: Figure): number {
  if (a.unit !== b.unit || !(a.value > 0) || !(b.value > 0) || a.value === b.value) return 0;
  const ratio = a.value / b.value;
  const k = Math.round(Math.log10(ratio));
  if (k === 0 || Math.abs(k) > 3 || Math.abs(ratio / 10 ** k - 1) > 1e-9) return 0;
  return k;
}

/** How close in time a slip's two statements are: one week's news (two takedowns two weeks apart are two events). */
const SLIP_WINDOW = 7 * DAY;

/** Whether `a` writes a point where a thousands comma goes ("79.388") and `b`, a thousand times it, does not. */
function pointForComma(a: Figure, b: Figure): boolean {
  return decimalSlip(b, a) === 3 && /\d\.\d{3}(?!\d)/.test(a.text) && !/\d\.\d{3}(?!\d)/.test(b.text);
}

/**
 * Whether a slip between this figure and another article's is told here: where a point stands for a thousands
 * comma; else where fewer articles give the value than give the other; on a tie, on the later statement (a draft
 * typed after its sources), or on both when neither is later.
 */
function slipSide(all: Stated[], fig: Figure, o: Stated, uri: string, me: Stated): boolean {
  // "79.388" for 79,388 is told where the point was written, whatever the counts.
  if (pointForComma(fig, o.figure)) return true;
  const theirs = support(all, o.figure.value, uri, false);
  const mine = support(all, fig.value, uri, true);
  if (theirs !== mine) return theirs > mine;
  return me.when === undefined || o.when === undefined || me.when >= o.when;
}

/** How many other articles than `uri` state `value` among `all`, and this one too when `self` (it states it). */
function support(all: Stated[], value: number, uri: string, self: boolean): number {
  const uris = new Set<string>();
  for (const p of all) if (p.figure.value === value && p.uri !== uri) uris.add(p.uri);
  return uris.size + (self ? 1 : 0);
}

/** How many digits a value is written with, trailing zeros aside: 2 for 7.8 million, 1 for 40 million. */
function significantDigits(value: number): number {
  const digits = String(value).replace('.', '');
  let from = 0;
  let to = digits.length;
  while (from < to && digits[from] === '0') from++;
  while (to > from && digits[to - 1] === '0') to--;
  for (let k = from; k < to; k++) if (digits[k] < '0' || digits[k] > '9') return 0;
  return to - from;
}

/** "ten times as many as", "a hundred times fewer than": how a slip is told. */
function slipWords(k: number): string {
  const times = ['', 'ten', 'a hundred', 'a thousand'][Math.abs(k)];
  return k > 0 ? `${times} times as much: a zero too many?` : `${times} times less: a zero missing?`;
}

const claimCache = new WeakMap<DocFacts, Map<number, Claim>>();

/** A sentence's (first) claim; the lookup table is built once per article version. */
function claimOf(f: DocFacts, sentence: number): Claim | undefined {
  let bySentence = claimCache.get(f);
  if (!bySentence) {
    bySentence = new Map();
    for (const c of f.claims) if (!bySentence.has(c.sentence)) bySentence.set(c.sentence, c);
    claimCache.set(f, bySentence);
  }
  return bySentence.get(sentence);
}

/**
 * Whether an attribution only passes a claim on: an outlet ("…, according to
 * Motherboard", "Bleeping Computer reported"), or anyone after "according
 * to"; not a claimant who speaks for himself ("Binns initially claimed …").
 */
function reports(f: DocFacts, ref: SentenceRef | undefined, attribution: NonNullable<Claim['attribution']>): boolean {
  if (attribution.key !== undefined && f.entities.some((e) => e.key === attribution.key && e.kind === 'outlet')) return true;
  if (!ref) return false;
  const before = ref.text.slice(Math.max(0, attribution.span.start - ref.span.start - 20), Math.max(0, attribution.span.start - ref.span.start));
  return /\baccording to\s+(?:the\s+)?$/i.test(before);
}

/** Whether a claim's date names a day ("on Aug. 20", "Monday"), not just a month ("in March"). */
function namesDay(f: DocFacts, c: Claim): boolean {
  if (!c.asOfSpan) return false;
  const s = f.sentences[c.sentence];
  const text = s ? s.text.slice(c.asOfSpan.start - s.span.start, c.asOfSpan.end - s.span.start) : '';
  if (s && EVENT_DAY_BEFORE_RE.test(s.text.slice(Math.max(0, c.asOfSpan.start - s.span.start - 40), c.asOfSpan.start - s.span.start))) return false;
  return /\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)/.test(text.replace(/\b(?:19|20)\d\d\b/g, '')) || /day\b|yesterday/i.test(text);
}


const statedCache = new WeakMap<Figure, Stated>();

function stated(index: CorpusIndex, uri: string, figure: Figure): Stated {
  const cached = statedCache.get(figure);
  if (cached) return cached;
  const facts = index.get(uri)!.facts;
  const claim = claimOf(facts, figure.sentence);
  const ref = facts.sentences[figure.sentence];
  const sentence = ref?.text ?? '';
  const attribution = attributionOf(facts, figure, claim);
  const who = attribution?.key ?? attribution?.who?.toLowerCase();
  // "in 2018, about 2.5 million customers": a bare year other than the article's places the figure in it.
  let period: number | undefined;
  const published = facts.date !== undefined ? new Date(facts.date).getUTCFullYear() : undefined;
  const counts = ref ? countsIn(facts, figure.sentence) : undefined;
  const named = ref ? eventYear(ref, figure, published, (a, b) => counts!.some((g) => g.start < b && a < g.end)) : undefined;
  const year = named?.year;
  let periodEnd: number | undefined;
  // A whole year for a bare year; a month's date ("As of December 2021") is placed by its month below (`claim.asOf`).
  if (year !== undefined && named!.bare && published !== undefined && year !== published) {
    period = Date.UTC(year, 0, 1);
    periodEnd = Date.UTC(year + 1, 0, 1) - 1;
  }
  const dayClaim = claim?.asOf !== undefined && namesDay(facts, claim) ? claim.asOf : undefined;
  // "whose breach in March ended up affecting …": the month is when it happened, not when the count was given.
  if (period === undefined && claim?.asOf !== undefined && dayClaim === undefined) period = claim.asOf;
  // A figure its article states again with a date ("483 users hit" in the headline, "on Monday … 483 users" below) holds at that date.
  const restated = figure.asOf ?? dayClaim ?? facts.figures.find((x) => x !== figure && x.measure === figure.measure && x.asOf !== undefined && x.value === figure.value)?.asOf;
  const when = restated ?? facts.date;
  const actors = actorsOf(facts);
  const at = Math.max(0, figure.span.start - (ref?.span.start ?? 0));
  // The words before the figure in its sentence, as far as a clause reaches.
  const head = sentence.slice(Math.max(0, at - WINDOW), at);
  const words = ref ? wordsOf(ref) : undefined;
  let claimant: boolean;
  let voice: Stated['voice'];
  const own = attribution !== undefined && ((attribution.key !== undefined && sameOrg(attribution.key, figure.subject)) || OWN_VOICE.test(attribution.who.trim()));
  // What a gang demands is its demand, not a claim about someone else's count: "REvil demanded $70 million".
  const demand = figure.noun === 'ransom' || figure.noun === 'demand';
  if (attribution && (CLAIMANTS.test(attribution.who) || (attribution.key !== undefined && actors.has(attribution.key))) && !demand) claimant = true;
  // "The attacker was able to steal nearly $29 million …, Cream Finance confirmed": what the owner confirms of the attack
  // is no claim, unless the sentence says it is one or doubts it.
  else if ((ACTOR_SUBJECT.test(sentence.slice(0, Math.min(at, 200))) && !demand && !ACTOR_PUBLISHED.test(sentence) && !(own && !words?.claim)) || words?.doubt) {
    claimant = true;
    if (attribution && own && words?.doubt) voice = { by: attribution.who, how: 'doubts' };
    else if (attribution && reports(facts, ref, attribution)) voice = { by: attribution.who, how: 'reports' };
  } else if (own) claimant = false;
  // Anyone else (a third party, or no one named) is judged by the sentence's words.
  else {
    claimant = words?.claim ?? false;
    if (claimant && attribution && reports(facts, ref, attribution)) voice = { by: attribution.who, how: 'reports' };
  }
  const scope = scopeOf(ref, figure);
  const definite = /\bthe\s+$/i.test(head);
  // "the $2.8 billion stolen" takes up what the article said before: a part there ("Within that $7.8 billion, … $2.8
  // billion that came from rug pulls") is a part here, not a rival of "$3.2 billion stolen in 2021".
  let part = scope.part;
  if (definite && !part) {
    let before: Figure | undefined;
    for (const x of facts.figures) if (x.sentence < figure.sentence && x.unit === figure.unit && x.value === figure.value) before = x;
    if (before) part = stated(index, uri, before).part;
  }
  const out: Stated = {
    uri,
    figure,
    when,
    explicit: restated !== undefined,
    headline: figure.sentence < facts.headlines,
    period: restated === undefined ? period : undefined,
    periodEnd: restated === undefined ? periodEnd : undefined,
    year: restated === undefined ? year : undefined,
    bareYear: restated === undefined && named?.bare === true,
    published: facts.date,
    who,
    claimant,
    voice,
    // Its own clause, or a sentence that opens on a condition ("If the breach is confirmed, 5 million customers …").
    hypothetical: HYPOTHETICAL_RE.test(clauseOf(head)) || CONDITION_FIRST_RE.test(sentence),
    base: scope.base,
    part,
    breachy: scope.breachy,
    skip: scope.skip,
    step: scope.step,
    definite,
    sample: !SAMPLE_OF.test(head) && (SAMPLE_BEFORE.test(clauseOf(head)) || SAMPLE_NEXT.test(facts.sentences[figure.sentence + 1]?.text ?? '')),
    revised: words?.revised ?? false,
  };
  statedCache.set(figure, out);
  return out;
}

/**
 * What a breach report's figures are about: how many people, accounts and
 * records, and how much money or data. Counts of anything else (bugs in a
 * patch, apps in a store, hours of a deadline) differ from story to story
 * and are not compared.
 */
const BREACH_NOUNS = new Set([
  'customer', 'person', 'user', 'account', 'subscriber', 'record', 'individual', 'member', 'patient', 'employee',
  'client', 'victim', 'citizen', 'voter', 'student', 'resident', 'consumer', 'profile', 'email', 'password',
  'credential', 'row', 'entry', 'card', 'number', 'player', 'policyholder', 'passenger', 'guest', 'shopper',
  'borrower', 'applicant', 'donor', 'cardholder', 'taxpayer', 'worker', 'child', 'traveler', 'traveller',
]);

/** Sums a breach report states: ransoms, fines, settlements, losses (not rewards, funding or crypto "worth"). */
const MONEY_NOUNS = new Set(['ransom', 'fine', 'settlement', 'penalty', 'payout', 'loss', 'damage', 'theft', 'demand', 'cost']);

/** What attackers send or make ("121 phishing emails", "50 fake accounts"): counted by whoever watches, never a breach count. */
const ATTACK_QUALIFIERS = new Set(['phishing', 'spam', 'malicious', 'scam', 'fraudulent', 'fake', 'bogus']);

function comparable(f: Figure): boolean {
  if (f.value <= 0 || f.noun === undefined || f.unit === 'year' || f.unit === 'age' || f.unit === 'percent' || f.unit === 'days') return false;
  if (f.qualifiers.some((q) => ATTACK_QUALIFIERS.has(q))) return false;
  if (f.unit === 'count') return BREACH_NOUNS.has(f.noun);
  if (f.unit === 'bytes') return true;
  return MONEY_NOUNS.has(f.noun);
}

/** Articles this far apart, without explicit dates, are about different events. */
export const STORY = 60 * DAY;

/** Two statements of one article's title and subtitle, for one day: its headline gives both values at once. */
function headlinesOfOneDay(a: Stated, b: Stated): boolean {
  return a.uri === b.uri && a.headline && b.headline && a.when === b.when;
}

/**
 * Whether two differing values are one count at two times: both dated and a
 * day apart; or one dated after the other article was written (it could
 * not know); or the later article says the count changed.
 */
function isRevision(a: Stated, b: Stated): boolean {
  if (a.when === undefined || b.when === undefined) return false;
  if (a.explicit && b.explicit) return Math.abs(a.when - b.when) >= DAY;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    if (x.explicit && !y.explicit && y.published !== undefined && x.when! - y.published >= DAY) return true;
  }
  if (a.published !== undefined && b.published !== undefined && Math.abs(a.published - b.published) >= DAY) {
    const later = a.published > b.published ? a : b;
    if (later.revised) return true;
  }
  if (a.uri === b.uri && (a.revised || b.revised)) return true;
  return false;
}

const totalsCache = new WeakMap<CorpusIndex, { version: number; parts: Map<Figure, Figure[]> }>();

/** The parts any article of the corpus gives for a total (cached per index version). */
function totalsOf(index: CorpusIndex, total: Stated): Figure[] {
  let c = totalsCache.get(index);
  if (!c || c.version !== index.version) totalsCache.set(index, (c = { version: index.version, parts: new Map() }));
  let parts = c.parts.get(total.figure);
  if (!parts) {
    parts = partsAmong(index, total.uri, total.figure, partSources(index, total.figure, total.when)).flatMap((p) => p.parts);
    c.parts.set(total.figure, parts);
  }
  return parts;
}

/** Two statements of different events: explicit dates far apart, or articles further apart than a story runs. */
function storiesApart(a: Stated, b: Stated): boolean {
  return farApart(a, b) || (a.when !== undefined && b.when !== undefined && Math.abs(a.when - b.when) > STORY);
}

/**
 * Whether two figures are statements of different events, as the check
 * tells them apart ("In 2013, … 1.1 million cards" in a story of 2020), for
 * what lists statements the check does not weigh (cards, evaluations).
 */
export function anotherStory(index: CorpusIndex, a: FigureRef, b: FigureRef): boolean {
  return storiesApart(stated(index, a.uri, a.figure), stated(index, b.uri, b.figure));
}

/** Years named for each, and different; or dates (days, months or years) more than half a year apart: different events, not one count. */
function farApart(a: Stated, b: Stated): boolean {
  // Two years named, one at least bare: "As of December 2021" and "As of January 2022" are weighed by their months.
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year && (a.bareYear || b.bareYear)) return true;
  const x = a.period ?? a.when;
  const y = b.period ?? b.when;
  if (x === undefined || y === undefined) return false;
  const xEnd = a.periodEnd ?? x;
  const yEnd = b.periodEnd ?? y;
  return (a.explicit || b.explicit || a.period !== undefined || b.period !== undefined) && Math.max(y - xEnd, x - yEnd) > FAR;
}

/**
 * Whether two values are parts and whole of one count, with a third value
 * of the same measure: both parts of a total stated somewhere (1.3 million
 * online + 900,000 in stores = 2.2 million), or one the total of the other
 * and a further part ("7 million people": "approximately five million" and
 * "a different group of approximately two million").
 */
function addsUp(a: Figure, b: Figure, all: Stated[]): boolean {
  const within = (sum: number, t: Figure) => sum >= t.low && sum <= upper(t);
  const [small, big] = a.value < b.value ? [a, b] : [b, a];
  return all.some((x) => {
    const t = x.figure;
    // A claimant's figure or a count of another kind (a base, a rate) is no part of a stated count.
    if (t === a || t === b || x.claimant || x.base || x.skip || x.hypothetical) return false;
    return (t.value > big.value && within(a.value + b.value, t)) || (t.value < big.value && within(small.value + t.value, big));
  });
}

function upper(f: Figure): number {
  return f.hedge || f.high <= f.value ? f.high : f.high + (f.high - f.value);
}

function outletDate(index: CorpusIndex, s: Stated): string {
  const f = index.get(s.uri)!.facts;
  return `${f.source ?? 'another article'}, ${dayOf(f, s)}`;
}

/**
 * The day an article was published, as a writer looks it up, and the day its
 * figure holds when the article dates it otherwise: "Feb 3, 2022, as of Feb
 * 2" for ZDNet's story of Thursday on what Wormhole confirmed on Wednesday.
 */
function dayOf(f: DocFacts, s: Stated): string {
  const when = formatDate(shownDay(f, s.when));
  if (f.date === undefined || s.when === f.date) return when;
  const published = formatDate(shownDay(f, f.date));
  if (published === when) return when;
  const asOf = new Date(s.when ?? 0).getUTCFullYear() === new Date(f.date).getUTCFullYear() ? when.replace(/, \d{4}$/, '') : when;
  // Said after a comma, not in brackets: the day is often inside brackets already ("stated (ZDNet, Feb 3, 2022, as of Feb 2)").
  return `${published}, as of ${asOf}`;
}

/** "ThreatPost (Aug 28, 2021)": a cited source, in a sentence of its own. */
function citedAs(index: CorpusIndex, s: Stated): string {
  const f = index.get(s.uri)!.facts;
  return `${f.source ?? 'the cited article'} (${dayOf(f, s)})`;
}

/**
 * Where a related location points: at the figure itself, so that following it
 * lands on the value (a line of a scraped article can hold a whole paragraph,
 * and its sentence began hundreds of characters before the figure).
 */
function statedSpan(s: Stated): Span {
  return s.figure.span;
}

/**
 * Bounds for hostile input: a document is checked for its first
 * `MAX_CHECKED` (500) comparable figures, each against at most `MAX_COMPARED` (500)
 * statements of its measure. The 2,362-article corpus has at most 91
 * figures in one article, so real articles never reach them; a generated
 * file with 40,000 copies of one figure would otherwise cost billions of
 * comparisons.
 */
const MAX_CHECKED = 500;
const MAX_COMPARED = 500;

/**
 * What the check makes of another statement of a figure's measure:
 * - `agrees`: the values agree (hedges applied);
 * - `conflicts`: a rival value (`figure.conflict`);
 * - `revision`: the same count at another time (`figure.revision`);
 * - `disputed`: this figure is a claim and the other a confirmed value (`figure.disputed`);
 * - `sources-differ`: two sources one article names give the two values (`figure.disputed`);
 * - `part`: parts and whole of one count (stated here, elsewhere, or adding up);
 * - `another-story`: dated too far apart to be about the same event;
 * - `unchecked`: not compared, for `reason`.
 */
export type Verdict = 'agrees' | 'conflicts' | 'revision' | 'disputed' | 'sources-differ' | 'part' | 'another-story' | 'unchecked';

export interface Judged {
  uri: string;
  figure: Figure;
  when?: number;
  verdict: Verdict;
  /** Why an `unchecked` statement was not compared. */
  reason?: string;
}

/** A figure weighed against every statement of its measure, as the check does. */
export interface Judgement {
  /** Why this figure itself is compared with nothing (a rate, a base, a hypothesis); then `others` is empty. */
  skipped?: string;
  when?: number;
  others: Judged[];
  /** Other articles' parts that add up to this figure. */
  parts: Reconciliation[];
  /** The measure has more statements than the check weighs (`MAX_COMPARED`): those past it are in no verdict. */
  bounded?: number;
  /** Then, whether a statement (as `${figure.span.start} ${uri}`) is one of those left out. */
  cut?: { has(statement: string): boolean };
}

/**
 * A figure weighed: each statement's verdict kept beside it, and the `Judged`
 * records a card lists made only when one asks. Checking a corpus weighs
 * hundreds of statements for each of its figures; the check itself reads
 * only the few that conflict, revise, dispute or agree.
 */
class Weighed implements Judgement {
  bounded?: number;
  cut?: { has(statement: string): boolean };
  private judged?: Judged[];

  constructor(
    readonly when: number | undefined,
    /** The statements weighed, in path order, and each one's verdict (or why it was not compared); undefined: not weighed at all. */
    private readonly statements: Stated[],
    private readonly verdicts: (string | undefined)[],
    readonly parts: Reconciliation[],
  ) {}

  get others(): Judged[] {
    if (!this.judged) {
      this.judged = [];
      for (let i = 0; i < this.statements.length; i++) {
        const v = this.verdicts[i];
        if (v === undefined) continue;
        const o = this.statements[i];
        this.judged.push(VERDICTS.has(v) ? { uri: o.uri, figure: o.figure, when: o.when, verdict: v as Verdict } : { uri: o.uri, figure: o.figure, when: o.when, verdict: 'unchecked', reason: v });
      }
    }
    return this.judged;
  }

  /** The verdict on the statement of `uri` at `fig`'s place, if it was weighed. */
  verdictOn(uri: string, fig: Figure): string | undefined {
    for (let i = 0; i < this.statements.length; i++) {
      const o = this.statements[i];
      if (o.uri === uri && o.figure.span.start === fig.span.start) return this.verdicts[i];
    }
    return undefined;
  }

  /** The statements given verdict `v`, in path order. */
  having(v: Verdict): Stated[] {
    const out: Stated[] = [];
    for (let i = 0; i < this.statements.length; i++) if (this.verdicts[i] === v) out.push(this.statements[i]);
    return out;
  }
}

/** A comparable statement of a measure, with its article's Link and whether that article stands for its copies (`standInFor`). */
interface Comparable {
  ref: FigureRef;
  link?: string;
  standsIn: boolean;
}

/** The comparable statements of a figure's measure across the corpus, in path order (once per version of the index). */
function comparableOf(index: CorpusIndex, fig: Figure): Comparable[] {
  return index.memoized(`c\u0000${fig.measure}`, () => {
    const out: Comparable[] = [];
    for (const ref of sameMeasure(index, '', fig)) {
      if (!comparable(ref.figure)) continue;
      const link = index.get(ref.uri)?.summary.link;
      out.push({ ref, link, standsIn: link === undefined || index.standInFor(link) === ref.uri });
    }
    return out;
  });
}

/**
 * The comparable statements of a measure an article saved in one file weighs (`Judge.measureList`): of each Link,
 * the copy that stands for it. The same for every such article, so worked out once per measure and index version,
 * with the first of them stated (`head`): a check of a whole corpus made the list, and stated its first 501, once
 * for each article of a story told thousands of times.
 */
function standingOf(index: CorpusIndex, fig: Figure): { refs: FigureRef[]; head?: Stated[] } {
  return index.memoized(`s\u0000${fig.measure}`, () => ({ refs: comparableOf(index, fig).filter((c) => c.link === undefined || c.standsIn).map((c) => c.ref) }));
}

/** Why a statement is not weighed, in words for a card. */
function notWeighed(s: Stated): string | undefined {
  if (s.hypothetical) return 'hypothetical';
  if (s.skip) return 'a rate, or another story’s headline';
  if (s.base) return 'what it has, not what a breach touched';
  return undefined;
}

/**
 * Weighs figures of one article against the corpus. Statements, parts and
 * measure groups are worked out once per judge, not once per pair, so the
 * check of a whole article shares them.
 */
class Judge {
  private readonly doc: IndexedDoc;
  private readonly partsMemo = new Map<Figure, Reconciliation[]>();
  private readonly byMeasure = new Map<string, FigureRef[]>();
  /** The measures whose list is the one every article saved once weighs (`standingOf`), shared with them. */
  private readonly standing = new Map<string, { refs: FigureRef[]; head?: Stated[] }>();
  /** The statements of the first `MAX_COMPARED + 1` entries of each `byMeasure` list (one more, for when the figure is among them). */
  private readonly statedByMeasure = new Map<string, Stated[]>();
  private readonly sources = new Map<string, readonly string[]>();

  constructor(private readonly index: CorpusIndex, private readonly uri: string) {
    this.doc = index.get(uri)!;
  }

  stated(u: string, f: Figure): Stated {
    return stated(this.index, u, f);
  }

  private partsHere(o: Stated): Reconciliation[] {
    let p = this.partsMemo.get(o.figure);
    if (!p) this.partsMemo.set(o.figure, (p = findParts(this.index, o.uri, o.figure, [this.uri])));
    return p;
  }

  /**
   * The comparable figures of a measure, fetched once per judge. The same article saved in several files (same Link)
   * counts once: a copy of this one says what it says (`corpus.duplicate` reports the copy), and of another article's
   * copies the one `standInFor` picks (the latest version) stands for all.
   */
  private measureList(fig: Figure): FigureRef[] {
    let list = this.byMeasure.get(fig.measure);
    if (!list) {
      // Whose figure it is unknown: only this article can tell it is the same thing, so the corpus is not asked;
      // and sums of no one's (a roundup's "North Korean hackers stole nearly $400 million", "$97 million stolen from
      // wallets of an exchange") are as many thefts and ransoms as the article tells of.
      if (fig.subject === undefined && !fig.measure.startsWith('?|?') && fig.unit !== 'year') {
        list = fig.unit !== 'count' && fig.unit !== 'bytes' ? [] : this.doc.facts.figures.filter((f) => f.measure === fig.measure && comparable(f)).map((figure) => ({ uri: this.uri, figure }));
      } else {
        const mine = this.doc.summary.link;
        // An article saved once weighs what every other such article does: its own statements stand for its Link.
        if (mine === undefined || this.index.linkCount(mine) <= 1) {
          const standing = standingOf(this.index, fig);
          this.standing.set(fig.measure, standing);
          list = standing.refs;
        } else {
          list = [];
          for (const c of comparableOf(this.index, fig)) {
            if (c.ref.uri === this.uri || c.link === undefined || (c.standsIn && c.link !== mine)) list.push(c.ref);
          }
        }
      }
      this.byMeasure.set(fig.measure, list);
    }
    return list;
  }

  /** The first `MAX_COMPARED + 1` statements of a measure list. */
  private headOf(list: FigureRef[]): Stated[] {
    const head: Stated[] = [];
    for (let i = 0; i < list.length && i <= MAX_COMPARED; i++) head.push(this.stated(list[i].uri, list[i].figure));
    return head;
  }

  /** The statements of the figure's measure but the figure itself, at most `MAX_COMPARED`. */
  private statements(fig: Figure): Stated[] {
    let head = this.statedByMeasure.get(fig.measure);
    if (!head) {
      const list = this.measureList(fig);
      const standing = this.standing.get(fig.measure);
      head = standing ? (standing.head ??= this.headOf(list)) : this.headOf(list);
      this.statedByMeasure.set(fig.measure, head);
    }
    const mine: Stated[] = [];
    for (const s of head) {
      if (mine.length >= MAX_COMPARED) break;
      if (!(s.uri === this.uri && s.figure.span.start === fig.span.start)) mine.push(s);
    }
    return mine;
  }

  /**
   * The statements of the figure's measure that `statements` left out, if any: those past the first
   * `MAX_COMPARED` others. One table of places per measure, not a set per figure: an article with
   * 200,000 figures of one measure made 500 sets of 200,000 strings and ran out of memory.
   */
  private cut(fig: Figure): { has(statement: string): boolean } | undefined {
    const list = this.measureList(fig);
    if (list.length <= MAX_COMPARED) return undefined;
    // The figure's own place (the last, as the table keeps it), found without the table: only a card asks what was
    // left out, and a check of a whole corpus built the table for every article of a story told thousands of times.
    let self: number | undefined;
    for (let k = list.length - 1; k >= 0 && self === undefined; k--) if (list[k].uri === this.uri && list[k].figure.span.start === fig.span.start) self = k;
    if (list.length - (self !== undefined ? 1 : 0) <= MAX_COMPARED) return undefined;
    const measure = fig.measure;
    // A statement's place among the others: one less after the figure itself.
    return { has: (statement) => {
      let at = this.places.get(measure);
      if (!at) {
        at = new Map();
        for (let k = 0; k < list.length; k++) at.set(`${list[k].figure.span.start} ${list[k].uri}`, k);
        this.places.set(measure, at);
      }
      const k = at.get(statement);
      return k !== undefined && k !== self && k - (self !== undefined && self < k ? 1 : 0) >= MAX_COMPARED;
    } };
  }

  /** Each measure's statements by place, for `cut`. */
  private readonly places = new Map<string, Map<string, number>>();

  /** Where parts of a total may be stated, per subject and day (figures of one article share both). */
  private partSources(fig: Figure, when: number | undefined): readonly string[] {
    const key = `${fig.subject}|${fig.noun}|${when === undefined ? '' : Math.floor(when / DAY)}`;
    let list = this.sources.get(key);
    if (!list) this.sources.set(key, (list = partSources(this.index, fig, when)));
    return list;
  }

  /**
   * Weighs a comparable figure of this article against every other statement of its measure.
   * Remembered per figure until the index changes: a hover on a figure of the open article
   * reads what its diagnostics already worked out.
   */
  judge(fig: Figure): Judgement {
    // Weighed one way only, to see how another statement takes this one (`bothWays`): not the check's answer, not kept.
    if (oneWay) return this.weigh(fig);
    const memo = remembered(this.index, this.uri);
    let judgement = memo.get(fig);
    if (!judgement) memo.set(fig, (judgement = this.weigh(fig)));
    return judgement;
  }

  /**
   * One relation, told alike to both articles: a value this figure conflicts with is a revision when that
   * statement, weighed one way, takes this figure for an earlier or later count. The rules that find a revision
   * through a third statement look at the values of one side ("over $600 million" of Aug 13 agrees with both
   * Threatpost's "$600 Million" of Aug 11 and its "$610M" of Aug 24): without this, the later article was told of
   * a revision and the earlier one of a conflict.
   */
  private bothWays(fig: Figure, all: Stated[], verdicts: (string | undefined)[]): void {
    if (oneWay) return;
    oneWay = true;
    try {
      for (let i = 0; i < all.length; i++) {
        const o = all[i];
        if (verdicts[i] !== 'conflicts' || o.uri === this.uri) continue;
        const back = new Judge(this.index, o.uri).judge(o.figure);
        if (back instanceof Weighed && back.verdictOn(this.uri, fig) === 'revision') verdicts[i] = 'revision';
      }
    } finally {
      oneWay = false;
    }
  }

  private weigh(fig: Figure): Judgement {
    const { index, uri } = this;
    const me = this.stated(uri, fig);
    const skipped = notWeighed(me);
    if (skipped) return { skipped, when: me.when, others: [], parts: [] };
    const all = this.statements(fig);
    const parts = fig.unit === 'count' ? partsAmong(index, uri, fig, this.partSources(fig, me.when ?? this.doc.summary.date)) : [];
    const partOf = new Set(parts.flatMap((p) => p.parts));
    // This figure may be a part of the other's total as stated in a third article (850,000 prepaid here, 850,000 + 52,000 = 902,000 in ZDNet).
    const partElsewhere = (o: Stated) => !fig.hedge && o.figure.value > fig.value && o.figure.subject === fig.subject && totalsOf(index, o).some((p) => agree(p, fig));
    // The same part stated in yet another article ("850,000 prepaid customers" in ThreatPost as in ZDNet).
    const partValues = parts.flatMap((p) => p.parts);
    // The other statements of this figure's value (not claims), which two rules below ask about: found once.
    const sameValue = all.filter((p) => p.figure !== fig && !p.claimant && agree(p.figure, fig));
    const verdictOf = (o: Stated): Verdict | string => {
      // Whose figure it is unknown: only the same article can tell it is the same thing.
      if (fig.subject === undefined && o.uri !== uri) return 'a figure of unknown subject';
      const not = notWeighed(o);
      if (not) return not;
      // Explicit dates far apart are different events ("in 2018, about 2.5 million customers").
      if (storiesApart(me, o)) return 'another-story';
      // "$5 million" and "€4.2 million" may be one sum converted: without a rate of the day there is nothing to weigh.
      if (o.figure.unit !== fig.unit) return `in ${o.figure.unit === 'bytes' || fig.unit === 'bytes' ? 'another unit' : 'another currency'}`;
      if (agree(fig, o.figure)) return 'agrees';
      if (me.step !== undefined && o.step !== undefined && me.step !== o.step) return `another step of the case (${o.step})`;
      if (partOf.has(o.figure) || (!o.figure.hedge && partValues.some((p) => agree(p, o.figure)))) return 'part';
      if (sameScale(fig, o.figure) && partElsewhere(o)) return 'part';
      // This figure may itself be one of the parts of the other's total.
      if (o.figure.value > fig.value && this.partsHere(o).some((p) => p.parts.includes(fig))) return 'part';
      // "78 million" against "7.8 million": a slip, not another population, unless one of them is a claim, in one week's
      // news. With one digit ("300" and "3,000" accounts removed, two takedowns) only against a value two other articles give.
      // The slip is told on the side fewer articles give: a story's 79,388 is not told it has a zero too many
      // because one article typed 79.388.
      if (!sameScale(fig, o.figure) && decimalSlip(fig, o.figure) !== 0 && !me.claimant && !o.claimant && !me.base && !o.base
        && (me.when === undefined || o.when === undefined || Math.abs(me.when - o.when) <= SLIP_WINDOW)
        && (o.uri === uri || slipSide(all, fig, o, uri, me)) && !pointForComma(o.figure, fig)
        && (significantDigits(fig.value) >= 2 || support(all, o.figure.value, uri, false) >= 2)) return 'conflicts';
      if (!sameScale(fig, o.figure)) return 'another population (far apart in size)';
      // A claim below a confirmed count while claims of more than it stand ("30m" offered as a sample of the "100m" for
      // sale, against T-Mobile's 40m) claims a part, not a rival total.
      if (me.claimant && !o.claimant && fig.value < o.figure.value && all.some((p) => p.claimant && p.figure.value > o.figure.value && !farApart(p, me))) return 'part';
      // A claim of a sample or a subset ("selling a sample of the data with 30 million SSNs") claims a part, not a rival total.
      if (me.claimant && me.sample) return 'part';
      // A claim set against a confirmed figure is a dispute, said on the claim's side;
      // two claims are not checked against each other (a seller's "30m for sale" is part of "100m").
      if (me.claimant || o.claimant) return me.claimant && !o.claimant ? 'disputed' : o.claimant && !me.claimant ? 'a claim' : 'two claims';
      if (isRevision(me, o)) return 'revision';
      if (supersededBetween(o, me, all, fig)) return 'revision';
      // This article gives the other value too ("around 400" on Wednesday, then 483): it tells the count's story, not a rival one.
      // Not when two sources it names give the two (ThreatPost's Twitch story: VGC's 125GB, Chappell's 128GB): then they differ.
      // Not when it gives them for one day in its headline and subtitle ("$200M Theft" over "drained of ~$150 million, but
      // a blockchain security firm said it's closer to $200 million"): that is no story over time, and the other article is
      // told nothing this one does not already say.
      const alsoHere = all.filter((p) => p.uri === uri && p.figure !== fig && !p.claimant && agree(p.figure, o.figure) && !twoSources(p, me));
      if (o.uri !== uri && alsoHere.length) return alsoHere.some((p) => !headlinesOfOneDay(p, me)) ? 'revision' : 'both values given in this article\'s headlines';
      // And the other way round: the other article gives this value too, so its other value is a step of its story.
      const alsoThere = o.uri !== uri && !o.claimant ? sameValue.filter((p) => p.uri === o.uri && p.figure !== o.figure && !twoSources(p, o)) : [];
      if (alsoThere.length) return alsoThere.some((p) => !headlinesOfOneDay(p, o)) ? 'revision' : 'both values given in that article\'s headlines';
      if (addsUp(fig, o.figure, all)) return 'part';
      // A rival statement: across articles, at least one side speaks of the breach; within one, both do, and neither is
      // a part or a total ("a second piece of malware … 900,000 customers", "of those, 150,000", "a total of 632,171 records").
      // "the 84,000 residents affected": a definite reference takes up what the article said before.
      if (o.uri === uri ? !((me.breachy || me.definite) && (o.breachy || o.definite)) || o.part || me.part : !(me.breachy || o.breachy)) return 'no breach said to touch it';
      // Another statement of this value and the other one are one count at two times: so are this one and it
      // (ZDNet's 667,000 of Aug 27 and ThreatPost's update to 767,000, when ZDNet's 667,000 of Aug 26 is its earlier count).
      if (!o.claimant && sameValue.some((p) => p !== o && isRevision(p, o))) return 'revision';
      // Two sources the article names, each with its value ("according to Video Games Chronicle … a 125GB torrent",
      // "Chappell told Threatpost that the 128GB torrent"): the article reports that they differ, it does not contradict itself.
      if (o.uri === uri && twoSources(me, o)) return 'sources-differ';
      return 'conflicts';
    };
    // Two figures of one sentence state a relation (part and whole, before and after), not two claims.
    const verdicts = all.map((o) => (o.uri === uri && o.figure.sentence === fig.sentence ? undefined : verdictOf(o)));
    // One value, one verdict: a value that is a step of this figure's story (a revision) is so wherever it is stated,
    // and a figure is never told at once that 667,000 was revised to it and that it disagrees with 667,000.
    const steps = all.filter((_, i) => verdicts[i] === 'revision');
    if (steps.length) for (let i = 0; i < all.length; i++) if (verdicts[i] === 'conflicts' && steps.some((r) => agree(r.figure, all[i].figure))) verdicts[i] = 'revision';
    this.bothWays(fig, all, verdicts);
    const out = new Weighed(me.when, all, verdicts, parts);
    const cut = this.cut(fig);
    if (cut) {
      out.bounded = MAX_COMPARED;
      out.cut = cut;
    }
    return out;
  }
}

/** "the seller claims", "the threat actors claim": a party and the verb, in number. */
/**
 * Who makes a claim, for a dispute's message: ": Binns claims about 100
 * million", or, when the attribution only reports it or will not confirm it,
 * ", reported by Motherboard" and ", which T-Mobile does not confirm".
 */
function claimedBy(index: CorpusIndex, me: Stated): string {
  const by = me.voice && speakerInText(me.voice.by);
  if (me.voice?.how === 'doubts') return `, which ${by} does not confirm`;
  if (me.voice?.how === 'reports') return `, reported by ${by}`;
  const party = partyName(index, me);
  // Claimed by no one the article names: "is a disputed claim: the claimant claims >50m" said nothing more.
  return party === UNNAMED_CLAIMANT ? '' : `: ${claims(party)} ${me.figure.text}`;
}

function claims(party: string): string {
  const words = party.trim().split(/\s+/);
  const plural = words.length >= 2 && words.length <= 4 && PLURAL_DETERMINERS.has(words[0].toLowerCase()) && PLURAL_END.test(words[words.length - 1]);
  return `${party} ${plural ? 'claim' : 'claims'}`;
}

const PLURAL_DETERMINERS = new Set(['the', 'these', 'those', 'two', 'three', 'several', 'many', 'some']);
const PLURAL_END = /(?:ers|ors|ves|ists|als|ts)$/i;

/** A verdict in words, for cards and timelines ("a later count", "not compared: a claim"); `when` is the judged figure's date. */
export function verdictWords(o: Judged, when: number | undefined): string {
  switch (o.verdict) {
    case 'agrees': return 'agrees';
    case 'conflicts': return 'disagrees';
    case 'revision': return o.when !== undefined && when !== undefined && o.when !== when ? (o.when < when ? 'an earlier count' : 'a later count') : 'revised count';
    case 'disputed': return 'the confirmed value this claim disputes';
    case 'sources-differ': return 'another source’s value';
    case 'part': return 'part or total of this count';
    case 'another-story': return 'another story';
    case 'unchecked': return `not compared: ${o.reason ?? ''}`;
  }
}

/**
 * Judgements of the articles checked last, per index: kept while the index
 * is at the version they were made for. Bounded, so that checking a whole
 * corpus (the CLI) does not keep every figure's judgement.
 */
const judgements = new WeakMap<CorpusIndex, Map<string, { version: number; byFigure: Map<Figure, Judgement> }>>();
const REMEMBERED_ARTICLES = 16;

/** Set while `bothWays` weighs the other side: those judgements look no further, and are not remembered. */
let oneWay = false;

function remembered(index: CorpusIndex, uri: string): Map<Figure, Judgement> {
  let perUri = judgements.get(index);
  if (!perUri) judgements.set(index, (perUri = new Map()));
  let entry = perUri.get(uri);
  if (entry && entry.version !== index.version) entry = undefined;
  perUri.delete(uri);
  if (!entry) entry = { version: index.version, byFigure: new Map() };
  // Most recently used last; the oldest goes first.
  perUri.set(uri, entry);
  if (perUri.size > REMEMBERED_ARTICLES) perUri.delete(perUri.keys().next().value!);
  return entry.byFigure;
}

const VERDICTS = new Set<string>(['agrees', 'conflicts', 'revision', 'disputed', 'sources-differ', 'part', 'another-story', 'unchecked']);

/**
 * How the check weighs a figure against each other statement of its
 * measure, for cards that must not say otherwise than the diagnostics.
 * Undefined when the check compares figures of this kind with nothing
 * (percentages, ages, counts of anything but people, records and data).
 */
export function judgeFigure(index: CorpusIndex, uri: string, fig: Figure): Judgement | undefined {
  const doc = index.get(uri);
  if (!doc || !comparable(fig)) return undefined;
  // As the check: only an article's first MAX_CHECKED comparable figures are weighed.
  let before = 0;
  for (const f of doc.facts.figures) {
    if (f === fig) break;
    if (comparable(f)) before++;
  }
  if (before >= MAX_CHECKED) return { skipped: `past the first ${MAX_CHECKED} figures of its article that the check weighs`, others: [], parts: [] };
  return new Judge(index, uri).judge(fig);
}

export interface CheckOptions {
  /**
   * Whether to compare the article's quotations with the corpus's (default true). The server leaves them out
   * while the quotation index is still being built after a load (1.2 s at 50,000 articles), and checks them
   * once it is: an article opened then gets its other diagnostics without waiting for it.
   */
  quotes?: boolean;
  /** Whether to look for misspelt names (`checkNames`; default true). Left out, as quotations are, until the table they read is built. */
  names?: boolean;
}

export function checkConsistency(index: CorpusIndex, uri: string, options: CheckOptions = {}): Diagnostic[] {
  const doc = index.get(uri);
  if (!doc) return [];
  const out: Diagnostic[] = [];
  const judge = new Judge(index, uri);
  let checked = 0;
  for (const fig of doc.facts.figures) {
    if (!comparable(fig)) continue;
    if (++checked > MAX_CHECKED) break;
    const j = judge.judge(fig);
    if (j.skipped) continue;
    const me = judge.stated(uri, fig);
    const pick = (v: Verdict) => (j instanceof Weighed ? j.having(v) : []);
    const conflicts = pick('conflicts');
    const revisions = pick('revision');
    const disputes = pick('disputed');
    const differ = pick('sources-differ');
    const agreeing = pick('agrees');
    const parts = j.parts;
    const what = describe(fig, doc.facts);
    // A story reprinted across a newsroom's years can have hundreds of statements: a diagnostic
    // points at the nearest few in time and says how many there are.
    const related = (list: Stated[], verb: string | ((o: Stated) => string)): RelatedInfo[] => nearestInTime(list, me.when, MAX_RELATED, (o) => o.when).map((o) => ({
      uri: o.uri === uri ? undefined : o.uri,
      span: statedSpan(o),
      message: `${o.figure.text} ${typeof verb === 'string' ? verb : verb(o)} (${outletDate(index, o)})`,
    }));
    // A figure the writer cites to an article that gives it ("[nearly 500](https://…)", as the "Cite" fix writes
    // it) is that source's figure: its disagreement with the others is one between sources, said as such.
    const source = conflicts.length ? citedSource(index, uri, fig, agreeing) : undefined;
    if (conflicts.length && source) {
      const first = conflicts[0];
      const more = moreOf(index, uri, conflicts);
      out.push(diag('figure.disputed', fig.span,
        `${fig.text}${what}, as ${citedAs(index, source)} gives it, disagrees with ${inline(first.figure.text)} in ${first.uri === uri ? 'this article' : outletDate(index, first)}${more}: the sources differ.`,
        [], [{ uri: source.uri, span: statedSpan(source), message: `${source.figure.text} stated (${outletDate(index, source)}), cited here` }, ...related(conflicts, 'stated')]));
    } else if (conflicts.length) {
      const first = conflicts[0];
      const more = moreOf(index, uri, conflicts);
      const slip = decimalSlip(fig, first.figure);
      // "79.388" for 79,388: a point written for the thousands comma.
      const point = Math.abs(slip) === 3 && /\d\.\d{3}(?!\d)/.test(slip < 0 ? fig.text : first.figure.text);
      out.push(diag('figure.conflict', fig.span,
        `${fig.text}${what} disagrees with ${inline(first.figure.text)} in ${first.uri === uri ? 'this article' : outletDate(index, first)}${more}${slip ? (point ? `: is it ${inline(slip < 0 ? fig.text : first.figure.text).replace(/(\d)\.(\d{3})(?!\d)/, '$1,$2')} written with a point for the thousands comma?` : ` (${slipWords(slip)})`) : ''}`.replace(/(?<!\?)$/, '.'),
        fixesFor(index, uri, fig, agreeing, conflicts), related(conflicts, 'stated')));
    }
    if (revisions.length) {
      // By the day each value holds, then by when its article was published, then by its place there: two values of one
      // day (Crypto.com's "about 400" accounts in ZDNet at 04:13, 483 in ThreatPost at 23:14, both of Jan 20) were told
      // in the order the check met them, one way in one article's message and the other way in the next.
      const sorted = [...revisions, me].sort((a, b) => (a.when ?? 0) - (b.when ?? 0) || (a.published ?? 0) - (b.published ?? 0)
        || (a.uri === b.uri ? a.figure.span.start - b.figure.span.start : a.uri < b.uri ? -1 : 1));
      const steps = storySteps(index, sorted);
      // The first value and the latest ones; the middle of a long story is a count.
      const story = steps.length > STORY_STEPS ? [steps[0], `… ${steps.length - STORY_STEPS} more …`, ...steps.slice(-(STORY_STEPS - 1))].join(' → ') : steps.join(' → ');
      // Revised by one voice (the owner, or the one source or outlet that tells every value); told by several, the values
      // are what each said when, which need not be a revision: Twitch's leak was 125GB to Video Games Chronicle, 128GB
      // to Chappell and 135 gigabytes to ThreatPost on the same two days.
      // A value no one is said to give is its outlet's own, unless it is one a voice gave (a headline's "483 Customers"
      // after "Verizon said 483").
      // Voices are one where their names are ("acme" and "acme corp", `sameOrg`); the owner is the owner however named.
      const voices: string[] = [];
      const hear = (who: string) => { if (!voices.some((x) => sameOrg(x, who))) voices.push(who); };
      for (const o of sorted) if (o.who !== undefined) hear(fig.subject !== undefined && sameOrg(fig.subject, o.who) ? fig.subject : o.who);
      const told = [...sorted, ...agreeing].filter((o) => o.who !== undefined);
      for (const o of sorted) {
        if (o.who === undefined && !told.some((t) => t.figure.low <= o.figure.high && o.figure.low <= t.figure.high)) hear(`outlet:${(index.get(o.uri)?.summary.source ?? o.uri).toLowerCase()}`);
      }
      const verb = voices.length > 1 ? 'was given differently over time' : 'was revised over time';
      out.push(diag('figure.revision', fig.span, `${revisedWhat(fig, what.trim())} ${verb}: ${story}.`, [], related(revisions, 'as of that date')));
    }
    if (differ.length && !conflicts.length) {
      const first = differ[0];
      const more = differ.length > 1 ? ` and ${differ.length - 1} more` : '';
      out.push(diag('figure.disputed', fig.span,
        `${fig.text}${what}, as ${partyName(index, me)} gives it, differs from ${inline(first.figure.text)}, which ${partyName(index, first)} gives in this article${more}: the sources differ.`,
        [], related(differ, (d) => `according to ${partyName(index, d)}`)));
    }
    if (disputes.length) {
      // Who gives which value: "T-Mobile gives >50m, ~40 million; ZDNet gives about 7.8 million".
      const byParty = new Map<string, Set<string>>();
      for (const d of disputes) {
        const name = partyName(index, d);
        const values = byParty.get(name) ?? new Set<string>();
        values.add(inline(d.figure.text));
        byParty.set(name, values);
      }
      const gives = [...byParty].map(([name, values]) => `${name} gives ${listed([...values], 4)}`);
      out.push(diag('figure.disputed', fig.span,
        `${fig.text}${what} is a disputed claim${claimedBy(index, me)}; ${gives.length > 3 ? `${gives.slice(0, 3).join('; ')}; and ${gives.length - 3} more give other values` : gives.join('; ')}.`,
        [], related(disputes, (d) => `according to ${partyName(index, d)}`)));
    }
    if (!conflicts.length && fig.unit === 'count') {
      if (parts.length) {
        const p = parts[0];
        const sum = p.parts.map((x) => x.text).join(' + ');
        const other = index.get(p.uri)!.facts;
        out.push(diag('figure.reconciled', fig.span,
          `${fig.text}${what} equals the parts ${other.source ?? 'another article'} (${formatDate(shownDay(other, other.date))}) gives: ${sum} = ${formatValue(p.parts.reduce((s, x) => s + x.value, 0), 'count')}.`,
          [], p.parts.map((x) => ({ uri: p.uri, span: x.span, message: `${x.text} ${describe(x, other).trim()}` }))));
      }
    }
  }
  checkDuplicate(index, uri, out);
  if (options.names !== false) checkNames(index, uri, out);
  if (options.quotes !== false) checkQuotes(index, uri, out);
  return out;
}

/**
 * A revision's story: each value in the order said, once per day. A value restated is no step:
 * "~40 million (Aug 18) → ~40 million (Aug 19) → >50m" is "~40 million (Aug 18) → >50m", "about 400
 * (Jan 19) → 400 (Jan 19)" one step; nor is a value said again the day after a day that gave it
 * among others (Twitch's 125GB, said on Oct 5 beside 135 gigabytes and again on Oct 6, read
 * "125GB → 135 gigabytes → 125GB → 128GB"). A value that comes back after a day that did not give
 * it is a step ("50m → 40m → 50m").
 */
function storySteps(index: CorpusIndex, sorted: Stated[]): string[] {
  // A hedged value that agrees with one already told is told already: "nearly 500" of Jan 20 and 483 of Jan 21 are one step
  // (Crypto.com's read "483 → about 400 → nearly 500 → 483"). Unless that leaves no story to tell.
  const agreeing = stepsBy(index, sorted, (a, b) => a.figure.value === b.figure.value || ((a.figure.hedge !== undefined || b.figure.hedge !== undefined) && agree(a.figure, b.figure)));
  return agreeing.length >= 2 ? agreeing : stepsBy(index, sorted, (a, b) => a.figure.value === b.figure.value);
}

function stepsBy(index: CorpusIndex, sorted: Stated[], same: (a: Stated, b: Stated) => boolean): string[] {
  const steps: string[] = [];
  let current: Stated[] = [];
  for (let i = 0; i < sorted.length;) {
    const day = formatDate(shownDay(index.get(sorted[i].uri)!.facts, sorted[i].when));
    const said: Stated[] = [];
    for (; i < sorted.length && formatDate(shownDay(index.get(sorted[i].uri)!.facts, sorted[i].when)) === day; i++) {
      if (!said.some((s) => same(s, sorted[i]))) said.push(sorted[i]);
    }
    const fresh = said.filter((s) => !current.some((c) => same(c, s)));
    if (!fresh.length) continue;
    for (const s of fresh) steps.push(`${inline(s.figure.text)} (${day})`);
    current = said;
  }
  return steps;
}

/**
 * What a conflict's message says besides the first statement it names: ", stated twice there" (another statement
 * of that value in that article or a copy of it; Wormhole's "$324 million" twice in one ZDNet story read "and 1
 * more", as if a second outlet agreed), " and in 2 other articles" (the same value), " and with 9,000 in 1 other
 * article" (other values).
 */
function moreOf(index: CorpusIndex, uri: string, list: Stated[]): string {
  if (list.length < 2) return '';
  const first = list[0];
  const sameArticle = (a: string, b: string) => a === b || index.isCopy(a, b);
  let there = 0;
  const others = new Set<string>();
  // Other values than the first's, each once, with the articles that give them (Acme's 5,000 against 7,000 in one
  // article and 9,000 in another read "7,000 … and in 1 other article", as if 7,000 were said again).
  const values = new Map<number, string>();
  const valueArticles = new Set<string>();
  for (const o of list.slice(1)) {
    if (o.figure.value !== first.figure.value) {
      if (!values.has(o.figure.value)) values.set(o.figure.value, inline(o.figure.text));
      if (![...valueArticles].some((u) => sameArticle(u, o.uri))) valueArticles.add(o.uri);
    } else if (sameArticle(o.uri, first.uri)) there++;
    else if (![...others].some((u) => sameArticle(u, o.uri))) others.add(o.uri);
  }
  const times = there === 1 ? 'twice' : `${there + 1} times`;
  let out = `${there ? `, stated ${times} ${first.uri === uri ? 'here' : 'there'},` : ''}${others.size ? ` and in ${others.size} other article${others.size > 1 ? 's' : ''}` : ''}`;
  if (values.size) {
    const where = [...valueArticles].every((u) => sameArticle(u, first.uri))
      ? (first.uri === uri ? ' here' : ' there')
      : ` in ${valueArticles.size} ${[...valueArticles].some((u) => sameArticle(u, first.uri)) ? '' : 'other '}article${valueArticles.size > 1 ? 's' : ''}`;
    const before = out.replace(/,$/, '');
    out = `${before}${before ? ',' : ''} and with ${listed([...values.values()], 3)}${where}`;
  }
  return out.replace(/,$/, '');
}

/** Related locations one diagnostic carries at most; and values a revision's story spells out. */
const MAX_RELATED = 20;
const STORY_STEPS = 8;

/** "a, b, c and 4 more". */
function listed(items: string[], n: number): string {
  return items.length > n ? `${items.slice(0, n).join(', ')} and ${items.length - n} more` : items.join(', ');
}

/**
 * An older value is superseded, not contradicted, when a dated figure of the
 * same measure between the two agrees with the newer one: "~40 million as of
 * Aug. 18" is history once "~50 million on Aug. 20" is said, for an article
 * of Aug. 28 that says more than 50 million.
 */
function supersededBetween(o: Stated, me: Stated, all: Stated[], fig: Figure): boolean {
  if (o.when === undefined || me.when === undefined) return false;
  const [older, newer] = o.when < me.when ? [o, me] : [me, o];
  const newerFig = newer === me ? fig : o.figure;
  return all.some((p) => p !== o && p.explicit && p.when !== undefined && p.when > older.when! && p.when <= newer.when! && agree(p.figure, newerFig));
}

/** A figure as written, inside a sentence: "More than 50 million" opened its own sentence. */
function inline(text: string): string {
  return /^[A-Z][a-z]+ /.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

function partyName(index: CorpusIndex, s: Stated): string {
  const facts = index.get(s.uri)!.facts;
  const who = attributionOf(facts, s.figure, claimOf(facts, s.figure.sentence))?.who;
  if (who) return speakerInText(who);
  return s.claimant ? UNNAMED_CLAIMANT : `${index.get(s.uri)!.facts.source ?? 'another article'}`;
}

const UNNAMED_CLAIMANT = 'the claimant';

/** What a revision revised, to open its message: "The number of records", "The ransom". */
function revisedWhat(f: Figure, what: string): string {
  if (f.unit === 'count') return what ? `The number of ${what}` : 'The count';
  if (f.unit === 'bytes') return `The amount of ${what || 'data'}`;
  return what ? `The ${what}` : 'The amount';
}

/** What a figure counts, for a message after its value ("850,000 prepaid customers"), with its leading space. */
function describe(f: Figure, facts: DocFacts): string {
  const what = writtenMeasure(f, facts.sentences);
  return what ? ` ${what}` : '';
}

/** The agreeing statement of the article the figure's link points to, when the figure stands in a link's text. */
function citedSource(index: CorpusIndex, uri: string, fig: Figure, agreeing: Stated[]): Stated | undefined {
  const here = index.get(uri)!.facts;
  const link = here.links.find((l) => l.span.start <= fig.span.start && fig.span.end <= l.span.end);
  const target = link ? canonicalUrl(link.url) : undefined;
  return target === undefined ? undefined : agreeing.find((a) => a.uri !== uri && index.get(a.uri)?.summary.link === target);
}

/**
 * Quick fixes: cite an agreeing source, or use the value most sources give.
 *
 * The citation turns the figure into a link to the agreeing article, the
 * way the corpus cites ("[~40 million](https://threatpost.com/…)"); a figure
 * already inside a link is left alone. The value most sources give counts
 * each article once, this one and the articles that agree with it included,
 * and is offered only when at least two articles give it and they outnumber
 * this figure's side.
 */
/** Whether a statement is in its article's title or subtitle. */
function inHeadline(index: CorpusIndex, x: Stated): boolean {
  return x.figure.sentence < (index.get(x.uri)?.facts.headlines ?? 0);
}

function fixesFor(index: CorpusIndex, uri: string, fig: Figure, agreeing: Stated[], conflicts: Stated[]): Fix[] {
  const fixes: Fix[] = [];
  const here = index.get(uri)!.facts;
  const sentence = here.sentences[fig.sentence];
  const before = sentence ? sentence.text.slice(0, Math.max(0, fig.span.start - sentence.span.start)) : '';
  const inLink = (before.match(/\[/g)?.length ?? 0) > (before.match(/\]/g)?.length ?? 0);
  // The figure as it stands in the source may open a link after its hedge ("at least [$2.2 billion was stolen](…)"):
  // an edit keeps the brackets the link needs.
  const raw = sentence ? sentence.text.slice(fig.span.start - sentence.span.start, fig.span.end - sentence.span.start) : fig.text;
  const opens = raw.split('[').length - 1;
  const closes = raw.split(']').length - 1;
  const cited = new Set<string>();
  // A headline is not where sources are cited: a link there shows as Markdown in every title list.
  const headline = fig.sentence < here.headlines;
  for (const a of agreeing) {
    // Only an article that states this very value is cited for it: "about 400" agrees with 438 but is no source of it,
    // nor is a headline's ">40 Million" of "40 million".
    if (headline || inLink || opens || closes || a.uri === uri || cited.has(a.uri) || cited.size >= 2 || a.figure.value !== fig.value || a.figure.unit !== fig.unit) continue;
    if (a.figure.hedge !== fig.hedge || inHeadline(index, a)) continue;
    const f = index.get(a.uri)!.facts;
    const url = f.linkUrl;
    if (!url || !/^https?:\/\/\S+$/.test(url)) continue;
    cited.add(a.uri);
    fixes.push({
      title: `Cite ${f.source ?? 'the agreeing article'} (${dayOf(f, a)}), which also gives ${inline(a.figure.text)}`,
      edits: [{ span: fig.span, newText: `[${fig.text}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` }],
    });
  }
  const mine = new Set([uri, ...agreeing.map((a) => a.uri)]);
  const byValue = new Map<number, { uris: Set<string>; text: string; figure: Figure; forms: Map<string, number> }>();
  for (const c of conflicts) {
    const v = byValue.get(c.figure.value) ?? { uris: new Set<string>(), text: '', figure: c.figure, forms: new Map<string, number>() };
    v.uris.add(c.uri);
    // How the value is written in running text, to write it so here: not a headline's ">40 Million".
    if (!inHeadline(index, c)) v.forms.set(c.figure.text, (v.forms.get(c.figure.text) ?? 0) + (c.figure.hedge ? 1 : 100));
    byValue.set(c.figure.value, v);
  }
  let best: { uris: Set<string>; text: string; figure: Figure } | undefined;
  for (const v of byValue.values()) {
    let most = 0;
    for (const [text, n] of v.forms) if (n > most) { most = n; v.text = text; }
    // Stated in headlines alone: the value itself.
    if (!v.text) v.text = formatValue(v.figure.value, v.figure.unit);
    if (!best || v.uris.size > best.uris.size) best = v;
  }
  if (best && best.uris.size >= 2 && best.uris.size > mine.size && !closes) {
    fixes.push({ title: `Use ${best.text}, the value ${best.uris.size} sources give`, edits: [{ span: fig.span, newText: '['.repeat(opens) + best.text }] });
  } else if (best && !closes && best.uris.size >= mine.size && decimalSlip(fig, best.figure) !== 0) {
    // A zero too many or too few: the value the other source gives is the likely one, even from one source.
    fixes.push({ title: `Use ${best.text}, the value ${best.uris.size === 1 ? 'the other source gives' : `${best.uris.size} sources give`}`, edits: [{ span: fig.span, newText: '['.repeat(opens) + best.text }] });
  }
  return fixes;
}

function checkDuplicate(index: CorpusIndex, uri: string, out: Diagnostic[]): void {
  const f = index.get(uri)!.facts;
  if (!f.link || !f.linkSpan) return;
  // A draft (`isDraft`) is no copy another article is told of; a draft is told of the saved copies.
  const others = index.docsByLink(f.link).filter((u) => u !== uri && !index.isDraft(u));
  if (!others.length) return;
  // What the writer needs: which files, and whether one is another version of the page (saved months apart) or a copy.
  const name = (u: string) => { try { return decodeURIComponent(u.slice(u.lastIndexOf('/') + 1)); } catch { return u.slice(u.lastIndexOf('/') + 1); } };
  const version = (u: string) => {
    const d = index.get(u)!.facts.date;
    if (d === undefined || f.date === undefined || Math.abs(d - f.date) < DAY) return '';
    return `, dated ${formatDate(shownDay(index.get(u)!.facts, d))} (${d < f.date ? 'an earlier' : 'a later'} version of the page?)`;
  };
  const listedFiles = others.length === 1 ? `another file, ${name(others[0])}${version(others[0])}` : `${others.length} other files (${others.slice(0, 3).map(name).join(', ')}${others.length > 3 ? ', …' : ''})`;
  // Which copy the check compares (`standInFor`): the writer should know whether it is the one open.
  const standIn = index.standInFor(f.link);
  const which = standIn === undefined ? 'one of them' : standIn === uri ? 'this one' : name(standIn);
  // The dates `standInFor` ranks by, of the saved copies (a draft never stands in).
  const dates = [uri, ...others].filter((u) => !index.isDraft(u)).map((u) => index.get(u)!.summary.date).filter((d): d is number => d !== undefined);
  const latest = standIn !== undefined && dates.length >= 2 && Math.max(...dates) - Math.min(...dates) >= DAY ? `the latest version, ${which},` : which;
  out.push(diag('corpus.duplicate', f.linkSpan,
    `The same article (same Link) is also saved as ${listedFiles}. Only ${latest} is compared with other articles; keep the one you want and delete the others.`,
    [], others.map((o) => ({ uri: o, span: index.get(o)!.facts.linkSpan ?? { start: 0, end: 0 }, message: `The same Link${version(o) ? ` (dated ${formatDate(shownDay(index.get(o)!.facts, index.get(o)!.facts.date))})` : ''}.` }))));
}

/** Articles further apart than this carry the same words for different events (see `checkQuotes`). */
const QUOTES_APART = 60 * DAY;

function checkQuotes(index: CorpusIndex, uri: string, out: Diagnostic[]): void {
  const f = index.get(uri)!.facts;
  for (const q of f.quotes) {
    const mine = quoteWords(q.text);
    if (mine.length < MIN_QUOTE_WORDS) continue;
    // The earliest other wording is named, as the likeliest original (undated ones last, then
    // path order): which one never depends on where the files happen to live.
    const when = (u: string) => index.get(u)?.summary.date ?? Infinity;
    const others = index.similarQuotes(mine, uri).filter((o) => !index.isDraft(o.uri)).map((o) => ({ o, t: when(o.uri) })).sort((a, b) => a.t - b.t || (a.o.uri < b.o.uri ? -1 : a.o.uri > b.o.uri ? 1 : 0));
    const mineAt = index.get(uri)!.summary.date;
    for (const { o: other, t } of others) {
      // Months apart, the same words are boilerplate said again for another event (the FBI's advice for the Tokyo
      // Olympics in July and for Beijing's in January; two clinics' breach letters three months apart), not a retelling.
      if (mineAt !== undefined && t !== Infinity && Math.abs(mineAt - t) > QUOTES_APART) continue;
      const wording = compareWording(q.text, other.text);
      // "allow attackers to…connect", "[They] could", a part quoted alone: what quoting writers may do.
      // … and two statements cast in one template ("An elevation of privilege vulnerability exists when…").
      if (wording.kind !== 'differs') continue;
      const theirs = index.get(other.uri)!.facts;
      // Where the two part, so the writer need not compare two long quotations word by word.
      const order = mineAt === undefined || t === Infinity || t === mineAt ? '' : t < mineAt ? ', earlier' : ', later';
      out.push(diag('quote.altered', q.span,
        `This quotation is worded differently in ${theirs.source ?? 'another article'} (${formatDate(shownDay(theirs, theirs.date))}${order}): there “${wording.theirs}”, here “${wording.ours}”.`,
        [], [{ uri: other.uri, span: other.span, message: `The other wording: “${clip(readable(other.text), 160)}”` }]));
      break;
    }
  }
}
