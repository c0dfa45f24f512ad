/**
 * Comparing figures: whether two values of a measure can both be true once
 * hedges are applied, and whether a total equals parts stated elsewhere
 * (850,000 prepaid + 52,000 Metro = 902,000).
 */
import { corporateBase, knownMeasure, writtenParts } from '../extract/figures';
import type { DocFacts, Figure, SentenceRef, Unit } from '../extract/types';
import { entityAt, entityCount, type CorpusIndex, type DatedDocs, type FigureRef } from './corpus';

/**
 * Whether two values can both be true. An exact figure may also be a
 * truncation: reporters write "1.3 million" for 1,357,879, so its interval
 * reaches up one whole unit of its last digit (1.25 to 1.4 million); and a
 * round one a rounding (`roundSlack`).
 */
export function agree(a: Figure, b: Figure): boolean {
  const sa = roundSlack(a);
  const sb = roundSlack(b);
  return a.unit === b.unit && a.low - sa <= upper(b) + sb && b.low - sb <= upper(a) + sa;
}

/**
 * How far a round figure may be from the precise one a reporter rounded: "$600 million" (one significant digit,
 * no hedge, a million or more) for Poly Network's $611 million, "$200 million" for PeckShield's $196 million; 2% of it.
 */
function roundSlack(f: Figure): number {
  // Millions and more, as in every real case: "200 customers" against 204 is a difference to tell.
  if (f.hedge || !(f.value >= 1e6) || !Number.isSafeInteger(f.value)) return 0;
  let v = f.value;
  while (v % 10 === 0) v /= 10;
  return v < 10 ? f.value * 0.02 : 0;
}

function upper(f: Figure): number {
  return f.hedge || f.high <= f.value ? f.high : f.high + (f.high - f.value);
}

const POPULATION = new Set(['customer', 'person', 'user', 'account', 'subscriber', 'record', 'individual', 'member', 'patient', 'employee', 'client']);

/** How far from a hedged total ("about 2.5 million", "up to 1,000") its parts' sum may be, as a share of it. */
const NEAR = 0.05;

/** Each article's exact population counts by subject, worked out once per version of its facts. */
const populationCounts = new WeakMap<Figure[], Map<string, Figure[]>>();

/**
 * Each article's exact population counts (not hedged) by subject that may be a part of a total: a sub-population,
 * one its qualifiers or a name narrow ("850,000 prepaid customers", "52,000 people" of Metro). An unqualified count is
 * a whole of its own ("50 million people" holds the "40 million former or prospective customers": summed, they made a
 * total of 90 million), and so is one its sentence dates to another time than its article ("2018: 2.3 million
 * subscribers", an earlier breach, made a part of 3,150,000 in 2021).
 */
function partCandidates(facts: DocFacts): Map<string, Figure[]> {
  const { figures, date } = facts;
  let bySubject = populationCounts.get(figures);
  if (!bySubject) {
    bySubject = new Map();
    for (const f of figures) {
      if (f.unit !== 'count' || !(f.value > 0) || f.subject === undefined || !POPULATION.has(f.noun ?? '') || f.hedge) continue;
      if (!f.qualifiers.length && !namedBeforeNoun(f, facts.sentences[f.sentence])) continue;
      if (f.asOf !== undefined && date !== undefined && Math.abs(f.asOf - date) > PART_WINDOW) continue;
      const list = bySubject.get(f.subject);
      if (list) list.push(f);
      else bySubject.set(f.subject, [f]);
    }
    populationCounts.set(figures, bySubject);
  }
  return bySubject;
}

/** A name other than the figure's subject's between it and its noun: "52,000 Metro customers", not "2.3 million T-Mobile subscribers". */
function namedBeforeNoun(f: Figure, s: SentenceRef | undefined): boolean {
  if (!s || !f.nounSpan || f.nounSpan.start <= f.span.end) return false;
  const between = s.text.slice(f.span.end - s.span.start, f.nounSpan.start - s.span.start);
  for (const w of between.match(NAME_WORD_RE) ?? []) if (!f.subject!.startsWith(w.toLowerCase())) return true;
  return false;
}

const NAME_WORD_RE = /\p{Lu}[\p{L}\p{N}&-]*/gu;

/** How far apart in time parts and their total may be stated; the consistency check's story window. */
const PART_WINDOW = 60 * 24 * 3600 * 1000;
/** How many articles are searched for parts of one total. */
const PART_SOURCES = 60;

/**
 * The articles naming `subject` in `articleOrder`; null when none does (`CorpusIndex.datedDocs`, kept per subject;
 * definition and references on a name list them in this order too).
 */
export function datedDocsOf(index: CorpusIndex, subject: string): DatedDocs | null {
  return index.datedDocs(subject);
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Articles that may state parts of `total`: those that name its subject,
 * dated within two months of `when`, nearest first (undated ones count as
 * two months away; ties by path), at most 60. Reads only the index's
 * summaries, kept by date per subject, so a company named in thousands of
 * articles costs two binary searches and the articles of its window.
 */
export function partSources(index: CorpusIndex, total: Figure, when: number | undefined): readonly string[] {
  if (total.unit !== 'count' || !POPULATION.has(total.noun ?? '') || total.subject === undefined) return [];
  return storySources(index, total.subject, when);
}

/**
 * The articles of `subject` nearest in time to `when` (`nearestSources`), once per subject and day until the index
 * changes: checking a corpus asks it for every count of every article of a story.
 */
function storySources(index: CorpusIndex, subject: string, when: number | undefined): readonly string[] {
  return index.memoizedByOutline(`p\u0000${subject}\u0000${when ?? ''}`, () => nearestSources(index, subject, when));
}

function nearestSources(index: CorpusIndex, subject: string, when: number | undefined): string[] {
  const d = datedDocsOf(index, subject);
  if (!d) return [];
  const out: { uri: string; gap: number }[] = [];
  if (when === undefined) {
    for (const x of d.dated) out.push({ uri: x.uri, gap: PART_WINDOW });
  } else {
    for (let i = firstAtOrAfter(d.dated, when - PART_WINDOW); i < d.dated.length && d.dated[i].date <= when + PART_WINDOW; i++) {
      out.push({ uri: d.dated[i].uri, gap: Math.abs(d.dated[i].date - when) });
    }
  }
  for (const uri of d.undated) out.push({ uri, gap: PART_WINDOW });
  out.sort((a, b) => a.gap - b.gap || byPath(a.uri, b.uri));
  return out.slice(0, PART_SOURCES).map((x) => x.uri);
}

function firstAtOrAfter(list: { date: number }[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].date < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Reconciliation {
  uri: string;
  parts: Figure[];
}

/**
 * Other articles whose figures add up to `total` exactly (within the total's
 * rounding): pairs and triples of population counts with the same subject.
 * Bounded: at most 40 candidates per article are tried.
 */
export function findParts(index: CorpusIndex, uri: string, total: Figure, candidates: Iterable<string>): Reconciliation[] {
  if (total.unit !== 'count' || !POPULATION.has(total.noun ?? '') || total.subject === undefined) return [];
  const out: Reconciliation[] = [];
  // Within the total's rounding, and near the value itself: "as many as 7.8 million" allows anything
  // below 7.8 million, but 667,000 + 850,000 is not what it counts.
  const hit = (sum: number) => sum >= total.low && sum <= total.high && Math.abs(sum - total.value) <= NEAR * total.value;
  // The figures tried, in a buffer reused for every article: a check of a corpus asks each of its totals about sixty.
  const figs = partBuffer;
  for (const other of candidates) {
    if (other === uri) continue;
    const facts = index.get(other)?.facts;
    const same = facts && partCandidates(facts).get(total.subject);
    if (!same) continue;
    let n = 0;
    for (let i = 0; i < same.length && n < MAX_PARTS; i++) if (same[i] !== total && same[i].value < total.value) figs[n++] = same[i];
    let found: Figure[] | undefined;
    for (let i = 0; i < n && !found; i++) {
      for (let j = i + 1; j < n && !found; j++) {
        if (figs[i].value === figs[j].value) continue;
        if (hit(figs[i].value + figs[j].value)) found = [figs[i], figs[j]];
        for (let k = j + 1; k < n && !found; k++) {
          if (hit(figs[i].value + figs[j].value + figs[k].value)) found = [figs[i], figs[j], figs[k]];
        }
      }
    }
    figs.fill(undefined as unknown as Figure, 0, n);
    if (found) out.push({ uri: other, parts: found });
  }
  return out;
}

/**
 * `findParts` among the articles `partSources` gave (the same list, not a copy), remembered per list and per total's
 * subject and value until the index changes: checking a corpus asks it for every count of every article of a story,
 * and each article of a story asks the same sixty articles about the same few values (at 50,000 generated articles,
 * 18 s of the CLI's run). Exact: what an article holds as parts of a total depends only on the total's subject,
 * value and bounds, the key here, and the asking article's own parts (its total is no part of itself, by value) are
 * left out of the answer.
 */
export function partsAmong(index: CorpusIndex, uri: string, total: Figure, sources: readonly string[]): Reconciliation[] {
  if (total.unit !== 'count' || !POPULATION.has(total.noun ?? '') || total.subject === undefined || !sources.length) return [];
  let byTotal = partsBySources.get(sources);
  if (!byTotal) partsBySources.set(sources, (byTotal = new Map()));
  const key = `${total.subject}\u0000${total.value}\u0000${total.low}\u0000${total.high}`;
  let all = byTotal.get(key);
  if (!all) byTotal.set(key, (all = findParts(index, '', total, sources)));
  return all.some((r) => r.uri === uri) ? all.filter((r) => r.uri !== uri) : all;
}

const partsBySources = new WeakMap<readonly string[], Map<string, Reconciliation[]>>();

/** At most this many of an article's figures are tried as parts of one total. */
const MAX_PARTS = 40;
const partBuffer: Figure[] = new Array<Figure>(MAX_PARTS);

/**
 * What the editor shows next to a figure (hover card, timeline, go to
 * definition): the other statements known to count the same thing, in the
 * same unit. A figure must say what it counts (see `knownMeasure`), and one
 * whose subject is unknown ("130 professionals") is the same thing only as
 * another figure of its own article, as in the consistency check.
 */
export function comparableStatements(index: CorpusIndex, uri: string, fig: Figure): FigureRef[] {
  const unnamed = sameValueUnnamed(index, uri, fig);
  const owned = sameValueOtherOwner(index, uri, fig);
  if (!knownMeasure(fig)) return owned.length ? [...unnamed, ...owned] : unnamed;
  const same = (fig.subject !== undefined ? sameMeasure(index, uri, fig) : sameMeasureHere(index, uri, fig)).filter((r) => r.figure.unit === fig.unit);
  const otherwise = sameCountOtherwise(index, uri, fig);
  return otherwise.length || unnamed.length || owned.length ? [...same, ...otherwise, ...unnamed, ...owned] : same;
}

/** What a figure counts, for `sameValueOtherOwner`: its noun, people under any of their nouns, '?' for nothing named. */
function nounKind(noun: string | undefined): string {
  return noun === undefined || noun === '?' ? '?' : PEOPLE_NOUNS.includes(noun) ? 'people' : noun;
}

/**
 * The same value of the same thing in another article of the story that names its owner otherwise: "515,000+" people
 * of the Red Cross (Threatpost) and "more than 515,000" people of the International Committee of the Red Cross (ZDNet);
 * "more than $68 million" of the FBI's Internet Crime Complaint Center (Threatpost) and of the FBI (ZDNet); "more than
 * 50,000" numbers of NSO and "over 50,000" of Amnesty, which found them. The other figure is in an article that names
 * this figure's owner (in one of its forms, `ownerForms`) among that owner's nearest in time (`storySources`), and this
 * article names the other's owner: each article names both, so the two are one story's parties, and a value that rarely
 * repeats by chance (`specific`), in the same unit and counting the same thing (the same noun, people under any of
 * their nouns, or nothing named in both), is one count told of either. Shown beside a figure (cards, go-to-source,
 * references, timeline) but never weighed by the consistency check: values that differ may be each party's own.
 */
export function sameValueOtherOwner(index: CorpusIndex, uri: string, fig: Figure): FigureRef[] {
  if (fig.subject === undefined || !specific(fig)) return [];
  const doc = index.get(uri);
  if (!doc) return [];
  const subject = fig.subject;
  // Once per figure until the index changes: a card, go-to-source, references and the code lenses of an article all ask.
  return index.memoized(`o\u0000${uri}\u0000${fig.span.start}\u0000${fig.value}`, () => {
    const kind = nounKind(fig.noun);
    const out: FigureRef[] = [];
    const sources = otherOwnerSources(index, uri, subject, fig.asOf ?? doc.summary.date, kind);
    for (const { uri: other, owners } of sources) {
      for (const g of index.get(other)!.facts.figures) {
        if (g.subject !== undefined && owners.has(g.subject) && g.unit === fig.unit && sameStated(g, fig) && nounKind(g.noun) === kind) out.push({ uri: other, figure: g });
      }
    }
    // And where neither article names the other's owner, in an article of the story (`storyValueSources`), a value of
    // two significant digits or more: "1.1 million" accounts of the New York Attorney General's office (ZDNet) and
    // "more than 1.1 million" online accounts of New York State (Threatpost), whose articles share only Letitia James.
    if (twoDigits(fig)) {
      for (const { uri: other, owners } of storyValueSources(index, uri, subject, kind)) {
        if (sources.some((s) => s.uri === other)) continue;
        for (const g of index.get(other)!.facts.figures) {
          if (g.subject !== undefined && owners.has(g.subject) && g.unit === fig.unit && sameStated(g, fig) && nounKind(g.noun) === kind) out.push({ uri: other, figure: g });
        }
      }
    }
    // In path order, then the article's: answers do not depend on the order articles were indexed in.
    return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.figure.span.start - b.figure.span.start));
  });
}

/**
 * The articles whose facts `sameValueOtherOwner` reads for a figure of `subject` in `uri` dated `when` that counts
 * `kind`, each with the other owners whose figures it looks at there; from the index's summaries only, so that
 * `cardSources` can list them without reading any facts. Once per owner, day and kind until the index changes: an
 * article's figures of one owner share it.
 */
function otherOwnerSources(index: CorpusIndex, uri: string, subject: string, when: number | undefined, kind: string): { uri: string; owners: Set<string> }[] {
  return index.memoizedByOutline(`os\u0000${uri}\u0000${subject}\u0000${when ?? ''}\u0000${kind}`, () => {
    let here: Set<string> | undefined;
    const out: { uri: string; owners: Set<string> }[] = [];
    const tried = new Set<string>();
    const links = new Set<string>();
    for (const form of ownerForms(index, subject)) {
      for (const other of storySources(index, form, when)) {
        if (other === uri || tried.has(other)) continue;
        tried.add(other);
        const d = index.get(other);
        if (!d || index.isDraft(other) || index.isCopy(uri, other)) continue;
        // The owners of the other article's figures that count the same kind of thing and that this article names,
        // read from its summary: most of the owner's nearest articles are not read further. (Named owners are worked
        // out only when an article of the story holds such a figure: most figures' stories hold none.)
        const owners = otherOwnersOf(d.summary.measures, subject, kind, (owner) => (here ??= namedOwners(index, uri)).has(owner));
        // And it names this figure's owner other than in a related story's headline.
        if (!owners || !namedOwners(index, other).has(subject) || !firstCopy(index, d.summary.link, links)) continue;
        out.push({ uri: other, owners });
      }
    }
    return out;
  });
}

/**
 * The owners other than `subject` (and than no one's '?') of an article's measures (its summary's `measures`, keyed
 * owner|noun|qualifiers) whose noun counts `kind`, kept by `keep`; undefined when there are none.
 */
function otherOwnersOf(measures: readonly string[], subject: string, kind: string, keep: (owner: string) => boolean): Set<string> | undefined {
  let owners: Set<string> | undefined;
  for (const m of measures) {
    const bar = m.indexOf('|');
    const owner = m.slice(0, bar);
    if (owner === subject || owner === '?' || owners?.has(owner)) continue;
    if (nounKind(m.slice(bar + 1, m.indexOf('|', bar + 1))) !== kind || !keep(owner)) continue;
    (owners ??= new Set()).add(owner);
  }
  return owners;
}

/** Whether an article with this Link is the first of its copies met (`seen`, the Links met so far): copies of one page count once. */
function firstCopy(index: CorpusIndex, link: string | undefined, seen: Set<string>): boolean {
  if (link === undefined || index.linkCount(link) <= 1) return true;
  if (seen.has(link)) return false;
  seen.add(link);
  return true;
}

/** How near in time two articles of one story are (their Dates), for `storyNeighbours`. */
const STORY_GAP = 14 * 24 * 3600 * 1000;
/** A name marks a story when at most `STORY_NAME_ARTICLES` articles dated within `STORY_NAME_WINDOW` of one name it. */
const STORY_NAME_WINDOW = 30 * 24 * 3600 * 1000;
const STORY_NAME_ARTICLES = 5;

/**
 * The articles of an article's story: dated within two weeks of it, and naming a name of it that few articles of
 * their month name (at most five within thirty days of this article's date): "Letitia James" in ZDNet's "NY AG notifies
 * 17 companies of breaches" and Threatpost's "1.1M Compromised Accounts Found at 17 Major Companies". A name every
 * story names ("Microsoft", "Ukraine": 61 articles) marks none. Sorted; once per article until the index changes,
 * from the summaries only: each of its names costs two binary searches in that name's articles by date.
 */
function storyNeighbours(index: CorpusIndex, uri: string): string[] {
  return index.memoizedByOutline(`sn\u0000${uri}`, () => {
    const s = index.get(uri)?.summary;
    const when = s?.date;
    if (!s || when === undefined) return [];
    const out = new Set<string>();
    for (let i = 0, n = entityCount(s); i < n; i++) {
      const e = entityAt(s, i);
      if (e.kind === 'outlet' || e.onlyInLinks) continue;
      const d = datedDocsOf(index, e.key);
      if (!d) continue;
      const from = firstAtOrAfter(d.dated, when - STORY_NAME_WINDOW);
      const to = firstAtOrAfter(d.dated, when + STORY_NAME_WINDOW + 1);
      if (to - from > STORY_NAME_ARTICLES) continue;
      for (let k = from; k < to; k++) {
        const x = d.dated[k];
        if (x.uri !== uri && Math.abs(x.date - when) <= STORY_GAP) out.add(x.uri);
      }
    }
    return [...out].sort();
  });
}

/**
 * The articles of a figure's story (`storyNeighbours`, each of the other's too: a name few articles of either's month
 * name) with a figure of another owner that counts `kind`, each with those owners; from the summaries only, so that
 * `cardSources` can list them. Copies of one page (same Link) once. Once per article, owner and kind until the index
 * changes.
 */
function storyValueSources(index: CorpusIndex, uri: string, subject: string, kind: string): { uri: string; owners: Set<string> }[] {
  return index.memoizedByOutline(`sv\u0000${uri}\u0000${subject}\u0000${kind}`, () => {
    const out: { uri: string; owners: Set<string> }[] = [];
    const links = new Set<string>();
    let here: Set<string> | undefined;
    for (const other of storyNeighbours(index, uri)) {
      const d = index.get(other);
      if (!d || index.isDraft(other) || index.isCopy(uri, other)) continue;
      // Only where neither article names the other's owner: where one does and the other not, `otherOwnerSources`
      // has judged the pair, and one-sided naming is a count of someone else told in passing ("Acme Bank said 515,000
      // customers were affected. The Red Cross said the same attackers hit it").
      const owners = otherOwnersOf(d.summary.measures, subject, kind, (owner) => !(here ??= namedOwners(index, uri)).has(owner));
      if (!owners || namedOwners(index, other).has(subject)) continue;
      // Each is of the other's story: the name that marks it is a rare one in the other's month too.
      if (!storyNeighbours(index, other).includes(uri) || !firstCopy(index, d.summary.link, links)) continue;
      out.push({ uri: other, owners });
    }
    return out;
  });
}

/**
 * A value of two significant digits or more ("1.1 million", "3,300", "$2,331,639.85"), which two stories rarely share
 * by chance; round values recur ("$10 million" offered to Wormhole's hacker and demanded by LockBit, "50 million" users
 * of Brave and customers of T-Mobile, read among same values of one story's articles: 14 of 75 such pairs were two
 * things, 2 of 32 among values of two digits). For a range, either bound.
 */
function twoDigits(f: Figure): boolean {
  return f.hedge === 'between' ? twoDigitValue(f.low) || twoDigitValue(f.high) : twoDigitValue(f.value);
}

function twoDigitValue(v: number): boolean {
  let x = Math.round(Math.abs(v));
  // A fraction is written out ("$2,331,639.85"); "4.1 million" is 4,099,999.9999999995 in floating point.
  if (Math.abs(Math.abs(v) - x) > 1e-6 * Math.max(1, Math.abs(v))) return true;
  while (x >= 10 && x % 10 === 0) x /= 10;
  return x >= 10;
}

/**
 * The articles whose facts the same value's other statements of a figure are read from (`sameValueUnnamed`,
 * `sameValueOtherOwner`), from the index's summaries only: what `cardSources` loads ahead of a figure's card.
 */
export function sameValueSources(index: CorpusIndex, uri: string, fig: Figure): string[] {
  if (fig.subject === undefined || !specific(fig)) return [];
  const when = fig.asOf ?? index.get(uri)?.summary.date;
  const out = [...unnamedSources(index, fig.subject, when, fig.noun !== undefined)];
  for (const o of otherOwnerSources(index, uri, fig.subject, when, nounKind(fig.noun))) out.push(o.uri);
  if (twoDigits(fig)) for (const o of storyValueSources(index, uri, fig.subject, nounKind(fig.noun))) if (!out.includes(o.uri)) out.push(o.uri);
  return out;
}

/**
 * The owners whose figures an article names in one of their forms (`ownerForms`): the keys of the entities it names
 * (outlets, and names only in a related story's headline, left out), their forms, and each one's `corporateBase`, the
 * key figures are kept under. Once per article until the index changes: worked out from the article's few names, not
 * from the forms of every owner its story's articles hold figures of.
 */
function namedOwners(index: CorpusIndex, uri: string): Set<string> {
  return index.memoizedByOutline(`no\u0000${uri}`, () => {
    const out = new Set<string>();
    const s = index.get(uri)?.summary;
    for (let i = 0, n = s ? entityCount(s) : 0; i < n; i++) {
      const e = entityAt(s!, i);
      if (e.kind === 'outlet' || e.onlyInLinks) continue;
      for (const k of [e.key, ...ownerForms(index, e.key)]) {
        out.add(k);
        out.add(corporateBase(k));
      }
    }
    return out;
  });
}

/**
 * The entity keys an owner's figures may be told under in another article, sorted: its own (`ownerKeys`), the others
 * one organisation is named as (`family`), and a shorter or longer form of the name that keeps its last words, the
 * head of an English name: "Red Cross" and "International Committee of the Red Cross", "Internet Crime Complaint
 * Center" and "FBI Internet Crime Complaint Center". Not its first words, which lose the head: "United States" is no
 * form of "United States Secret Service". Two words at least: "Center" is no form of anything.
 */
export function ownerForms(index: CorpusIndex, owner: string): string[] {
  return index.memoizedByOutline(`of\u0000${owner}`, () => {
    const out = new Set<string>();
    const add = (k: string) => {
      if (index.entity(k)?.kind !== 'outlet') out.add(k);
    };
    for (const key of index.ownerKeys(owner)) {
      out.add(key);
      for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) {
        const rest = key.slice(i + 1);
        if (rest.includes(' ') && index.entity(rest)) add(rest);
      }
      for (const k of index.longerEndingIn(key)) add(k);
      for (const e of index.family(key)) add(e.key);
    }
    return [...out].sort();
  });
}

/**
 * The same value of the same owner where at least one of the two figures does
 * not say what it counts: "the 2020 total of 304.6 million" of SonicWall
 * (ZDNet) and its "304.6 million ransomware attempts" (ThreatPost),
 * "approximately one million" Windows devices and "around 1 million" of
 * Windows. Shown beside a figure (cards, go-to-source, references, timeline)
 * but never weighed: with no measured thing named only an equal value says it
 * is the same figure, and values that differ may count anything. Only values
 * that rarely repeat by chance (`specific`), among the owner's articles
 * nearest in time (`storySources`), one copy of an article (same Link) once.
 */
export function sameValueUnnamed(index: CorpusIndex, uri: string, fig: Figure): FigureRef[] {
  if (fig.subject === undefined || !specific(fig)) return [];
  const subject = fig.subject;
  const when = fig.asOf ?? index.get(uri)?.summary.date;
  const named = fig.noun !== undefined;
  // Equal, of the same owner and unit, and not both saying what they count (then the measure tells them apart).
  const matches = (g: Figure) => g.subject === subject && g.unit === fig.unit && sameStated(g, fig) && !(named && g.noun !== undefined);
  // Worked out once per owner, value and day until the index changes: a card, go-to-source and the code lenses of
  // an article all ask, and each may unpack sixty articles' facts from the cache.
  const all = index.memoized(`v\u0000${subject}\u0000${fig.unit}\u0000${fig.value}\u0000${named}\u0000${when ?? ''}`, () => {
    const out: FigureRef[] = [];
    for (const other of unnamedSources(index, subject, when, named)) for (const g of index.get(other)!.facts.figures) if (matches(g)) out.push({ uri: other, figure: g });
    return out;
  });
  const out: FigureRef[] = [];
  for (const r of all) if (r.uri !== uri && !index.isCopy(uri, r.uri)) out.push(r);
  // This article's own statements of the value, whether or not among the owner's nearest articles.
  for (const g of index.get(uri)?.facts.figures ?? []) {
    if (g !== fig && g.span.start !== fig.span.start && matches(g)) out.push({ uri, figure: g });
  }
  return out;
}

/**
 * The articles whose facts `sameValueUnnamed` reads for a figure of `subject` dated `when`, `named` when it says what
 * it counts; from the index's summaries only, so that `cardSources` can list them without reading any facts.
 */
function unnamedSources(index: CorpusIndex, subject: string, when: number | undefined, named: boolean): string[] {
  return index.memoizedByOutline(`vs\u0000${subject}\u0000${named}\u0000${when ?? ''}`, () => {
    const out: string[] = [];
    // A named figure is asked only about articles with a figure of the owner that names nothing (their summaries
    // say so without their facts).
    const unnamedMeasure = `${subject}|?|`;
    const sources = storySources(index, subject, when);
    // Copies of one page (same Link) count once: the one that stands for them, as in the check, when it is among
    // the nearest articles, else the first of them that is.
    const links = new Set<string>();
    for (const other of sources) {
      const doc = index.get(other);
      if (!doc || index.isDraft(other) || (named && !doc.summary.measures.some((m) => m.startsWith(unnamedMeasure)))) continue;
      const link = doc.summary.link;
      if (link !== undefined && index.linkCount(link) > 1) {
        const standIn = index.standInFor(link);
        if (links.has(link) || (standIn !== other && standIn !== undefined && sources.includes(standIn))) continue;
        links.add(link);
      }
      out.push(other);
    }
    return out;
  });
}

/** Two values written alike: "4.1 million" (4,099,999.9999999995 in floating point) and "4,100,000". */
export function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Whether two figures state the same value: the same number, or for a range ("$193 million to $195 million") the
 * same bounds; a range is never the same value as a number (its middle was never written).
 */
export function sameStated(a: Figure, b: Figure): boolean {
  const ranged = a.hedge === 'between' || b.hedge === 'between';
  if (!ranged) return sameNumber(a.value, b.value);
  return a.hedge === b.hedge && sameNumber(a.low, b.low) && sameNumber(a.high, b.high);
}

/**
 * A value that two articles rarely state of one owner by chance: a thousand or
 * more, of a count, a sum or a size (a percentage, an age, a duration or a
 * year repeats: "40%", "30 days").
 */
function specific(f: Figure): boolean {
  return f.value >= 1000 && f.unit !== 'year' && f.unit !== 'percent' && f.unit !== 'age' && f.unit !== 'days';
}

/** Nouns of people a story's count is written in, one outlet's "people" another's "customers". */
const PEOPLE_NOUNS = ['person', 'individual', 'victim', 'customer', 'user', 'subscriber', 'client', 'member', 'patient', 'account'];

/**
 * The same count of the same owner's people stated under another noun (or
 * with "current" said or not), at exactly its value: "about 7 million people" (ZDNet) and "7M customers"
 * (ThreatPost) of Robinhood, "10 million Android users" and "10 million
 * victims". Shown beside a figure (cards, timeline, go-to-source) but never
 * weighed by the consistency check: a story's other counts of people (the 5
 * million email addresses and 2 million names of Robinhood's 7 million) are
 * parts, not revisions, and only an equal value says it is the same count.
 */
export function sameCountOtherwise(index: CorpusIndex, uri: string, fig: Figure): FigureRef[] {
  const out: FigureRef[] = [];
  for (const key of otherwiseMeasures(fig)) {
    for (const r of index.figuresOf(key)) {
      if (sameStated(r.figure, fig) && r.figure.unit === 'count' && r.uri !== uri && !index.isDraft(r.uri)) out.push(r);
    }
  }
  return out;
}

/** The measures `sameCountOtherwise` looks in: the owner's people under every other noun. */
export function otherwiseMeasures(fig: Figure): string[] {
  if (fig.subject === undefined || fig.unit !== 'count' || !(fig.value > 0) || !PEOPLE_NOUNS.includes(fig.noun ?? '')) return [];
  // "7.8 million postpaid subscribers" are the "7.8 million current postpaid customer accounts": customers are current
  // unless said otherwise, so the count is looked for with and without "current".
  const base = fig.qualifiers.filter((q) => q !== 'current');
  const forms = [base.join('+'), [...base, 'current'].sort().join('+')];
  const out: string[] = [];
  for (const noun of PEOPLE_NOUNS) {
    for (const qualifiers of forms) {
      const key = `${fig.subject}|${noun}|${qualifiers}`;
      if (key !== fig.measure && !out.includes(key)) out.push(key);
    }
  }
  return out;
}

/** Figures of the same measure, this one (`uri` and its span) left out, and other articles' drafts (`CorpusIndex.isDraft`). */
export function sameMeasure(index: CorpusIndex, uri: string, fig: Figure): FigureRef[] {
  if (fig.measure.startsWith('?|?') || fig.unit === 'year') return [];
  return index.figuresOf(fig.measure).filter((r) => !(r.uri === uri && r.figure.span.start === fig.span.start) && (r.uri === uri || !index.isDraft(r.uri)));
}

/**
 * `sameMeasure` within the figure's own article: whose figure it is unknown, only the article can tell it
 * is the same thing, and the thousands of other articles that state "records" of no one are not read.
 */
function sameMeasureHere(index: CorpusIndex, uri: string, fig: Figure): FigureRef[] {
  if (fig.measure.startsWith('?|?') || fig.unit === 'year') return [];
  const out: FigureRef[] = [];
  for (const figure of index.get(uri)?.facts.figures ?? []) {
    if (figure.measure === fig.measure && figure.span.start !== fig.span.start) out.push({ uri, figure });
  }
  return out;
}

const UNIT_LABEL: Record<Unit, string> = {
  count: '', usd: 'USD', eur: 'EUR', gbp: 'GBP', btc: 'BTC', bytes: 'bytes', percent: '%', age: 'years old', days: 'days', year: '',
  aud: 'AUD', cad: 'CAD', hkd: 'HKD', nzd: 'NZD', sgd: 'SGD', cny: 'CNY', jpy: 'JPY', inr: 'INR', rub: 'RUB',
};

/** `toLocaleString('en-US', …)` builds a formatter on every call; one kept is many times faster and formats the same. */
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatValue(value: number, unit: Unit): string {
  if (unit === 'year') return String(value);
  if (unit === 'bytes') {
    const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
    let v = value;
    let i = 0;
    while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
    return `${Number(v.toPrecision(4))} ${units[i]}`;
  }
  if (unit === 'days' && value > 0) return formatDuration(value);
  const n = Math.abs(value) >= 1 ? GROUPED.format(value) : String(Number(value.toPrecision(4)));
  if (unit === 'percent') return `${n}%`;
  if (unit === 'usd') return `$${n}`;
  const label = UNIT_LABEL[unit];
  return label ? `${n} ${label}` : n;
}

/**
 * A duration as people write it: whole years ("2 years", not "730 days"; `numbers.ts` reads a year as 365 days
 * and a month as 30), whole months from twelve ("12 months", "18 months"), else whole days ("30 days" and "1 month", "14 days"
 * and "two weeks" are both written: days are never wrong), else hours ("31 hours", not "1.29 days") or minutes
 * ("10 minutes", not "0.006944444444444445 days").
 */
function formatDuration(days: number): string {
  const whole = (x: number): boolean => Math.abs(x - Math.round(x)) < 1e-6;
  const plural = (n: number, word: string): string => `${GROUPED.format(n)} ${word}${n === 1 ? '' : 's'}`;
  if (whole(days)) {
    const d = Math.round(days);
    if (d % 365 === 0) return plural(d / 365, 'year');
    // "151 months", not "4,530 days", and "12 months", not "360 days"; below that both are written ("90 days", "six months").
    return d % 30 === 0 && d >= 360 ? plural(d / 30, 'month') : plural(d, 'day');
  }
  const hours = days * 24;
  if (whole(hours) && hours < 24 * 14) return plural(Math.round(hours), 'hour');
  if (days >= 1) return `${GROUPED.format(days)} days`;
  const minutes = hours * 60;
  return minutes < 120 ? plural(Number(minutes.toPrecision(3)), 'minute') : `${Number(hours.toPrecision(3))} hours`;
}

/** What a figure without a noun measures, by its unit ("21-year-old" is an age). */
const UNIT_WORD: Record<Unit, string> = {
  count: 'number', usd: 'amount', eur: 'amount', gbp: 'amount', btc: 'amount', bytes: 'amount of data', percent: 'share', age: 'age', days: 'duration', year: 'year',
  aud: 'amount', cad: 'amount', hkd: 'amount', nzd: 'amount', sgd: 'amount', cny: 'amount', jpy: 'amount', inr: 'amount', rub: 'amount',
};

/**
 * What a figure measures, for cards and timelines: its qualifiers and noun as
 * the article writes them, or what its unit says ("21-year-old" is an age),
 * and whose ("former customers of T-Mobile"). A figure that names nothing it
 * counts is "for" its owner ("amount for Chainalysis", "number for SonicWall":
 * "of" read as counting Chainalysis), but a person's age is theirs.
 */
export function measureLabel(index: CorpusIndex, f: Figure, sentences: readonly SentenceRef[]): string {
  const subject = f.subject ? index.owner(f.subject)?.name ?? f.subject : undefined;
  const { what, names } = writtenParts(f, sentences);
  const whose = subject === undefined ? '' : what || f.unit === 'age' ? `of ${subject}` : `for ${subject}`;
  return [what || (f.unit === 'percent' ? percentWord(f, sentences) : UNIT_WORD[f.unit]), whose, names.length ? `(${names.join(', ')})` : ''].filter(Boolean).join(' ');
}

const RISE_WORD_RE = /^(?:(?:increas|rise|rising|rose|risen|grew|grow|jump|climb|surg|soar|spik|skyrocket|boost)[a-z]*|up)$/;
const FALL_WORD_RE = /^(?:(?:decreas|fell|fall|drop|declin|plung|plummet|shr[ai]nk|dipp?)[a-z]*|down)$/;

/** A percentage that names nothing: a share of something, or a rise or fall ("attacks rose 118%", "an increase of 615%"). */
function percentWord(f: Figure, sentences: readonly SentenceRef[]): string {
  const s = sentences[f.sentence];
  if (!s) return UNIT_WORD.percent;
  const at = f.span.start - s.span.start;
  // The verb, then "by" or "of", then a hedge at most: "rose 118%", "an increase of nearly 615%", "fell by 12%".
  const words = s.text.slice(Math.max(0, at - 40), Math.max(0, at)).toLowerCase().split(/\s+/).filter(Boolean).slice(-3);
  for (let k = words.length - 1; k >= 0; k--) {
    if (RISE_WORD_RE.test(words[k])) return 'rise';
    if (FALL_WORD_RE.test(words[k])) return 'fall';
    if (!(k === words.length - 1 || ((words[k] === 'by' || words[k] === 'of') && k === words.length - 2))) break;
  }
  return UNIT_WORD.percent;
}

/** At most `n` items, those nearest in time to `when` (all when there are few), in their order in `list`. */
export function nearestInTime<T>(list: T[], when: number | undefined, n: number, at: (x: T) => number | undefined): T[] {
  if (list.length <= n) return list;
  const gap = (x: T) => {
    const t = at(x);
    return when === undefined || t === undefined ? Infinity : Math.abs(t - when);
  };
  const keep = new Set([...list].sort((a, b) => gap(a) - gap(b)).slice(0, n));
  return list.filter((x) => keep.has(x));
}
