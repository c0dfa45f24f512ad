/**
 * Hover cards. On a person, company, outlet, place or handle (a name, an
 * alias or a tag): who or what it is, its other names, how many articles
 * mention it, and the most informative sentences about it across the corpus,
 * each citing outlet and date with a link that opens the article there.
 * On a figure: what it measures, its normalised value, the other values of
 * the same measure in date order, each marked as the consistency check
 * weighs it (agrees, disagrees, a later count, a part, not compared and
 * why; other stories apart), and totals that other articles state as parts.
 * Where the check weighs nothing (counts of sites, percentages), values that
 * differ are listed unmarked: a card never calls wrong what the check does not.
 */
import { articlesNaming, type CorpusIndex, type EntityEntry, type FigureRef, type IndexedDoc } from '../index/corpus';
import { comparableStatements, formatValue, measureLabel, nearestInTime, otherwiseMeasures, ownerForms, partsAmong, partSources, sameCountOtherwise, sameStated, sameValueOtherOwner, sameValueSources, sameValueUnnamed } from '../index/compare';
import { anotherStory, judgeFigure, verdictWords, type Judged, type Verdict } from '../check/consistency';
import { corporateBase, writtenMeasure, writtenNoun } from '../extract/figures';
import { attributionOf, speakerInText } from '../extract/claims';
import { entityKey } from '../extract/entities';
import type { Claim, DocEntity, DocFacts, Figure, Mention, SentenceRef } from '../extract/types';
import { clipAround, escape, formatDate, openLink, shownDay } from './markdown';
import { dateOf, targetAt } from './locate';
import { linkingArticles } from './navigation';
import { coined, cveOfNameAt, kindAt, nameOfCveAt, roleAt, thingAt } from './roles';
import { isLinkOnly, readable, wordsSpan, type Span } from '../text';
import type { Article } from '../syntax/ast';

export interface HoverResult {
  markdown: string;
  span: Span;
}

const MAX_FACTS = 6;
/** How many articles (those that name the entity most, then the newest) a card looks through for cited facts. */
const CARD_ARTICLES = 10;
/** What each fact an article already gave takes off the score of its next sentence. */
const PER_ARTICLE = 2;
/** An undated article's place when facts are listed newest first: last. */
const UNDATED = -8.64e15;

export function hover(index: CorpusIndex, uri: string, offset: number): HoverResult | undefined {
  const doc = index.get(uri);
  if (!doc) return undefined;
  const t = targetAt(doc, offset);
  if (!t) return undefined;
  if (t.kind === 'mention') {
    // "[[Binns]]" in an article naming John and Sarah Binns is neither's, nor another article's Binns.
    const people = t.mention.where === 'tag' ? sharing(doc.facts.entities, t.key) : [];
    const entry = people.length < 2 ? index.entity(t.key) : undefined;
    if (entry) return { markdown: entityCard(index, entry, uri, t.mention.sentence), span: t.span };
    if (t.mention.where !== 'tag') return undefined;
    const topic = index.topicDocs(t.key).length ? topicCard(index, t.key, t.mention.text, uri) : undefined;
    if (people.length < 2) return topic ? { markdown: topic, span: t.span } : undefined;
    const whose = `In this article ${escape(t.mention.text)} is the surname of ${people.length} people: ${people.map((p) => `**${escape(p)}**`).join(', ')}. Tag a full name to say which.`;
    return { markdown: topic ? topic.replace('\n\n', `\n\n${whose}\n\n`) : `**${escape(t.mention.text)}** · tag\n\n${whose}`, span: t.span };
  }
  // A year ("in 2022") is compared with nothing and measures nothing: a card would only repeat it.
  if (t.kind === 'figure' && t.figure.unit !== 'year') return { markdown: figureCard(index, doc, t.figure), span: t.span };
  return undefined;
}

/** The people of an article whose surname is `key` (a tag "[[Binns]]"), by their full names, when the tag is no one's. */
function sharing(entities: readonly DocEntity[], key: string): string[] {
  const out: string[] = [];
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const last = e.name.lastIndexOf(' ');
    if (last > 0 && entityKey(e.name.slice(last + 1)) === key) out.push(e.name);
  }
  return out.sort();
}

/**
 * The card of the entity of `key` as the article `uri` would show it (its own sentences after others'), for a
 * completion item's documentation: who a name is before the writer tags it. Undefined for a key the index no longer has.
 */
export function entityCardFor(index: CorpusIndex, key: string, uri: string): string | undefined {
  const entry = index.entity(key);
  return entry && entityCard(index, entry, uri, -1);
}

/** The card of an outlet or an author by name, as the Source or Author field's hover shows it, for a completion item. */
export function fieldCardFor(index: CorpusIndex, field: 'source' | 'author', name: string): string {
  return field === 'source' ? sourceCard(index, name) : authorCard(index, name);
}

function cite(index: CorpusIndex, uri: string, start: number): string {
  const d = index.get(uri)!;
  const outlet = d.summary.source ?? 'unknown outlet';
  const line = index.position(uri, start)?.line ?? 0;
  return `${openLink(`${outlet}, ${formatDate(shownDay(d.summary, d.summary.date))}`, uri, line)}`;
}

/** Where a sentence's words begin (see `wordsSpan`). */
function wordsStart(s: SentenceRef): number {
  return wordsSpan(s).start;
}

/** An embedded post's sign-off: "— Qubit Finance (@QubitFin) [January 28, 2022](…)", or "pic.twitter.com/… — ⚡️Meter.io⚡️ (@Meter_IO) …". */
const SIGN_OFF_RE = /[—–]\s*[^—–\n]{0,80}\(@\w{1,30}\)\s*\[?[A-Z][a-z]+\.? \d{1,2}, \d{4}\]?(?:\([^)\s]*\))?\s*$/;

/**
 * An editor's note on the article's own text: "UPDATE: Corrected spelling of …", "121621 16:21 UPDATE: …", "Editor's
 * note: an earlier version misstated …". Not an update that adds a fact ("UPDATE: REvil's decryptor works").
 */
const EDITORS_NOTE_RE = /^\W*(?:\d{6}\s+\d{1,2}:\d{2}\s+)?(?:update[ds]?|correction|clarification|editor[’']?s\s+note)\b[^.]{0,80}?\b(?:correct|clarif|spelling|misstat|misspel|misidentif|earlier version|previous version|this (?:article|story|post))/i;

/** Whether a sentence is only a quoted post's sign-off: who posted it and when, with at most a few words or a picture's link before. */
function isSignOff(text: string): boolean {
  if (!text.includes('(@')) return false;
  const m = SIGN_OFF_RE.exec(text);
  if (!m) return false;
  // The words before, without a picture's address ("pic.twitter.com/oY6bpau8DA") or quotation marks.
  const words = readable(text.slice(0, m.index)).split(/\s+/).filter((w) => w && w !== '>' && !w.includes('pic.twitter.com/'));
  return words.join(' ').length < 40;
}

/** A Markdown table's row ("| State | Title | Type of Law |"): cells, not a sentence to cite. */
function isTableRow(text: string): boolean {
  const t = text.trimStart();
  if (t.charCodeAt(0) !== 124) return false;
  let bars = 0;
  for (let k = 0; k < t.length && bars < 3; k++) if (t.charCodeAt(k) === 124) bars++;
  return bars >= 3;
}

/**
 * What makes two cited sentences the same to a reader: their words and
 * numbers, whatever the quotation marks, commas, emphasis and digit
 * grouping ("over 2000 machines" in one copy of a story, "over 2,000
 * machines" in another).
 */
function citedKey(text: string): string {
  return readable(text).toLowerCase().replace(/(\d),(?=\d{3}\b)/g, '$1').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Two cited sentences whose words are nearly all shared (85%, Jaccard): one sentence retold, not two facts; unless
 * what differs is a number or a negation ("3,000 customers" and "30,000 customers", "paid" and "had not paid"):
 * then they disagree, and both are cited.
 */
function retold(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  if (shared < 0.85 * (a.size + b.size - shared)) return false;
  for (const [x, y] of [[a, b], [b, a]]) for (const w of x) if (!y.has(w) && (/\d/.test(w) || NEGATIONS.has(w))) return false;
  return true;
}

const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'neither', 'none', 'nothing', 'without', 'cannot', 't', 'denied', 'denies']);

interface SentenceKinds {
  /** Sentences with a figure (not a year), each with the subjects of its figures ('' for none). */
  figures: Map<number, string[]>;
  claim: Map<number, Claim>;
}

const kindsCache = new WeakMap<DocFacts, SentenceKinds>();

/**
 * Which sentences of an article hold a figure, an attributed claim, and each
 * sentence's first claim: computed once per article version, so a card over
 * an article with thousands of figures costs lookups, not scans per sentence.
 */
function sentenceKinds(f: DocFacts): SentenceKinds {
  let k = kindsCache.get(f);
  if (!k) {
    k = { figures: new Map(), claim: new Map() };
    for (const x of f.figures) {
      if (x.unit === 'year') continue;
      const subjects = k.figures.get(x.sentence);
      if (subjects) subjects.push(x.subject ?? '');
      else k.figures.set(x.sentence, [x.subject ?? '']);
    }
    for (const c of f.claims) {
      if (!k.claim.has(c.sentence)) k.claim.set(c.sentence, c);
    }
    kindsCache.set(f, k);
  }
  return k;
}

/** Capitalised words after a name that do not make it part of another ("Google on Tuesday", "Acme. The"). */
const NOT_NAMES_AFTER = /^\s+(?:I|The|A|An|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** What may stand before a comma and a name that is no list's item: a day, a month, a source ("According to Reuters, "). */
const LIST_LEAD_RE = /(?:\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)|\b[Aa]ccording\s+to\s+[^,]+|^\s*\S+),\s+$/;

/** What a sentence that names an entity only in passing (`inPassing`) loses of its score. */
const PASSING = 3;

/**
 * Whether the mention at `at` (`length` long) of sentence `text` names its entity only in passing: as a word before
 * another name ("the US Treasury Department", "Windows Defender"), one of a list ("Austria, Belgium, Ireland, …"), or
 * where someone works ("…,” Satnam Narang, staff research engineer at Tenable, said").
 */
function inPassing(text: string, at: number, length: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  const after = text.slice(at + length, at + length + 16);
  if (/^(?:[’']s)?\s+\p{Lu}\p{Ll}/u.test(after) && !NOT_NAMES_AFTER.test(after)) return true;
  // A list of names: one after a name and a comma, and before a comma or "and" ("Panama, Cyprus, and Lithuania"), or
  // the last one ("…, and Lithuania"); not an apposition ("Google's new TikTok competitor, YouTube Shorts, which").
  // Not a day, a month or a source before the comma ("On Tuesday, Kaseya, the IT firm, said", "According to Reuters, Kaseya, which …").
  const listed = !LIST_LEAD_RE.test(text.slice(Math.max(0, at - 40), at));
  if (listed && /\p{Lu}[^\s,]*,\s+$/u.test(before) && /^(?:,|\s+(?:and|or)\s)/.test(after)) return true;
  if (listed && /\p{Lu}[^\s,]*,?\s+(?:and|or)\s+$/u.test(before) && /^(?:$|[,.;)]|\s+(?:and|or)\s)/.test(after)) return true;
  return /\b(?:at|with|of)\s+(?:the\s+)?$/.test(before) && /^\s*,\s*(?:said|says|told|added|wrote)\b/.test(after);
}

/**
 * How much a sentence tells about an entity: its own figures (whose subject it
 * is) most, then its own words (it is who says so), then any figure or
 * attribution, the entity opening the sentence (its grammatical subject), a
 * full name, a readable length.
 */
function informativeness(d: IndexedDoc, sentence: number, entityKey: string, entityName: string, opens: boolean): number {
  const s = d.facts.sentences[sentence];
  if (!s) return -1;
  let score = 0;
  const k = sentenceKinds(d.facts);
  const subjects = k.figures.get(sentence);
  if (subjects) score += subjects.includes(entityKey) || subjects.includes(corporateBase(entityKey)) ? 5 : 2;
  const claim = k.claim.get(sentence);
  if (claim?.attribution) score += claim.attribution.key === entityKey ? 2 : 1;
  if (opens) score += 1;
  if (s.text.includes(entityName)) score += 1;
  if (s.text.length >= 60 && s.text.length <= 320) score += 2;
  if (/^\W*(?:>|\[!\[)/.test(s.text)) score -= 2;
  return score;
}

/**
 * The articles a card reads: this one, then those that name the entity most
 * (the newest first among equals, undated ones last), at most CARD_ARTICLES,
 * best first. One pass keeps the best few: an entity named in thousands of
 * articles is not sorted whole. `names`: the entity and the names of its own
 * it goes by in other articles (`CorpusIndex.family`: "Robinhood Markets" in
 * ThreatPost's story of the breach ZDNet tells as Robinhood's), whose articles
 * are as much about it; an article that holds two of them counts the mentions
 * of both.
 */
function topArticles(index: CorpusIndex, names: readonly EntityEntry[], uri: string): readonly string[] {
  // Read from the summaries alone: kept across keystrokes that leave every article's outline as it was (a name in
  // thousands of articles is a walk through all of them).
  let key = `ta\u0000${uri}`;
  for (const e of names) key += `\u0000${e.key}`;
  return index.memoizedByOutline(key, () => rankArticles(index, names, uri));
}

function rankArticles(index: CorpusIndex, names: readonly EntityEntry[], uri: string): string[] {
  type Item = { uri: string; n: number; date: number };
  // More mentions, then newer, then by path: the answer does not depend on the order articles were indexed in.
  const better = (a: Item, b: Item) => a.n > b.n || (a.n === b.n && (a.date > b.date || (a.date === b.date && a.uri < b.uri)));
  const holds = (u: string) => names.some((x) => x.docs.has(u));
  const top: Item[] = [];
  const room = holds(uri) ? CARD_ARTICLES - 1 : CARD_ARTICLES;
  for (const [u, n] of mentionCounts(names)) {
    // A related story's headline is no fact of that article: it would take a place and cite nothing. Nor is
    // another article's draft (`isDraft`: unsaved, or excluded from the corpus) a source to cite.
    if (u === uri || n === 0 || index.isDraft(u)) continue;
    const full = top.length === room;
    if (full && n < top[room - 1].n) continue;
    const item = { uri: u, n, date: index.get(u)?.summary.date ?? UNDATED };
    if (full && !better(item, top[room - 1])) continue;
    // Copies of one page (same Link) are one source: none of this article's, and the one that stands for them
    // where it names the entity too. After the cheap cuts: a name in thousands of articles must not ask for each.
    const link = index.get(u)?.summary.link;
    if (link !== undefined && index.isCopy(u, uri)) continue;
    const stand = link === undefined ? u : index.standInFor(link);
    if (stand !== undefined && stand !== u && holds(stand)) continue;
    let k = full ? room - 1 : top.length;
    top[k] = item;
    for (; k > 0 && better(top[k], top[k - 1]); k--) [top[k - 1], top[k]] = [top[k], top[k - 1]];
  }
  const out = top.map((t) => t.uri);
  if (holds(uri)) out.unshift(uri);
  return out;
}

/**
 * How often each article names one of `names` in its text (0 for one that names them only in a related story's
 * headline): straight from the one name's articles, summed over the articles of several only when there are several.
 */
function* mentionCounts(names: readonly EntityEntry[]): Generator<[string, number]> {
  if (names.length === 1) {
    for (const [u, x] of names[0].docs) yield [u, x.onlyInLinks ? 0 : x.mentionCount];
    return;
  }
  const sums = new Map<string, number>();
  for (const e of names) for (const [u, x] of e.docs) if (!x.onlyInLinks) sums.set(u, (sums.get(u) ?? 0) + x.mentionCount);
  yield* sums;
}

/**
 * The articles whose full facts the cards of an article would read: those
 * stating its figures' measures (the same count in other words included),
 * those holding the same value of their owners (`sameValueSources`), those
 * where parts of its counts of people are sought (`partSources`),
 * then those its names' cards cite from (`topArticles`, most mentioned names
 * first), whose facts are not in memory; at most `max`. What the server loads
 * between requests after a document opens, so that a first hover does not
 * wait for the disk.
 */
export function cardSources(index: CorpusIndex, uri: string, max: number): string[] {
  const out: string[] = [];
  if (max <= 0) return out;
  for (const u of cardSourceSteps(index, uri)) if (out.push(u) >= max) break;
  return out;
}

/**
 * `cardSources` one article at a time, each worked out only when asked for: the server takes them a few
 * milliseconds at a time between requests, loading each as it comes, so that a hover right after the document opens
 * waits for one step rather than for the whole list (74 ms at 10,000 articles, most of it choosing the names' cited
 * articles). Each article comes once, and only while it is not in memory: one loaded since (by a hover) is passed over.
 * The index may change between steps (a keystroke); what is listed is only what to load ahead, so a step that reads
 * a superseded summary costs nothing worse than a load.
 */
export function* cardSourceSteps(index: CorpusIndex, uri: string): Generator<string, void, undefined> {
  const doc = index.get(uri);
  if (!doc) return;
  const seen = new Set<string>([uri]);
  const fresh = (u: string) => {
    if (seen.has(u)) return false;
    seen.add(u);
    return !index.get(u)?.resident;
  };
  const figures = doc.facts.figures;
  const measures = new Set<string>();
  for (const f of figures) {
    // A figure of no one's is compared within its article only (`comparableStatements`).
    if (f.subject === undefined) continue;
    measures.add(f.measure);
    for (const m of otherwiseMeasures(f)) measures.add(m);
  }
  for (const m of measures) for (const u of [...index.measureDocs(m)]) if (fresh(u)) yield u;
  // The same value in the story's other articles, of its owner not said what it counts or of its owner named
  // otherwise ("more than 515,000" of the International Committee of the Red Cross beside the Red Cross's
  // "515,000+"): under other measures, so not among those above. Listed from summaries, shared by an owner's figures.
  for (const f of figures) for (const u of sameValueSources(index, uri, f)) if (fresh(u)) yield u;
  // A count of people's parts stated elsewhere ("Adds up from parts"): sought in the owner's nearest articles, which
  // need not state the count's measure ("The Red Cross was hit" beside its "515,000+ highly vulnerable people").
  for (const f of figures) for (const u of partSources(index, f, f.asOf ?? doc.summary.date)) if (fresh(u)) yield u;
  // Names only in a related story's headline last: they can be hovered too.
  const names = [...doc.summary.entities].sort((a, b) => Number(a.onlyInLinks ?? false) - Number(b.onlyInLinks ?? false) || b.mentionCount - a.mentionCount);
  for (const v of names) {
    const e = index.entity(v.key);
    if (e) for (const u of topArticles(index, [e, ...index.family(e.key)], uri)) if (fresh(u)) yield u;
  }
}

/**
 * The quotation marks a cited sentence leaves open or closes without opening: curly marks by their shape; straight ones
 * in order, each by where it stands. One opens with no letter or digit before it and a character after it (`said, "We`,
 * `said:"We`, `—"a leader`); any other closes one left open, or, with none open, closes one the sentence before opened
 * (`hit," Beardsley explained.`), unless it follows a digit: then it is an inch or a second (`a 15" screen`).
 * `straight`: whether the unbalanced marks are straight, so the mark added to balance them is written the same way.
 */
function quoteBalance(text: string): { opens: number; closes: number; straight: boolean } {
  let opens = 0;
  let closes = 0;
  let open = 0;
  let unopened = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) opens++;
    else if (c === 0x201d) closes++;
    else if (c === 34) {
      const before = i === 0 ? 32 : text.charCodeAt(i - 1);
      const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
      const digitBefore = before >= 48 && before <= 57;
      if (!digitBefore && !isWordChar(before) && after !== 32 && after !== 10 && after !== 9) open++;
      else if (open > 0) open--;
      else if (!digitBefore) unopened++;
    }
  }
  return { opens: opens + open, closes: closes + unopened, straight: open + unopened > 0 && opens === closes };
}

/** A letter (of any script) or a digit. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && /\p{L}/u.test(String.fromCharCode(c)));
}

/** How many roles or kinds a card gives, and how many of an article's mentions of the entity it reads for them. */
const CARD_ROLES = 3;
const ROLE_MENTIONS = 4;
/** How many articles beyond those the card cites are read for what the entity is, when those say nothing of it. */
const MORE_ARTICLES = 12;

/** What reads a person's role, an organisation's kind or what a thing is at a name in a sentence (`roleAt`, `kindAt`, `thingAt`). */
type Reader = (sentence: string, at: number, length: number) => string | undefined;

/** What a reader made of one mention, and the sentence it read. */
type Reading = { what: string; sentence: SentenceRef };

/**
 * What `read` makes of an article's first few `mentions` of an entity, in the text's order, with their sentences: an
 * article says who or what it is where it first names it, seldom later. Headlines are not read.
 */
function* readingsOf(facts: DocFacts, mentions: readonly Mention[], read: Reader): Generator<Reading> {
  for (let k = 0; k < mentions.length && k < ROLE_MENTIONS; k++) {
    const m = mentions[k];
    const sentence = facts.sentences[m.sentence];
    if (!sentence || m.where === 'title' || m.where === 'subtitle') continue;
    const what = read(sentence.text, m.span.start - sentence.span.start, m.span.end - m.span.start);
    if (what !== undefined) yield { what, sentence };
  }
}

// What each reader made of an article's mentions of an entity, kept with the article's facts (an edit replaces them,
// never changes them): a card hovered again, or another card reading the same article, costs a lookup.
const keptReadings = new WeakMap<DocFacts, Map<Reader, Map<string, Reading[]>>>();

/** `readingsOf` the mentions of entity `key` in an article, read once for its facts. */
function readingsKept(facts: DocFacts, key: string, mentions: () => readonly Mention[], read: Reader): Reading[] {
  let byReader = keptReadings.get(facts);
  if (!byReader) keptReadings.set(facts, (byReader = new Map()));
  let byKey = byReader.get(read);
  if (!byKey) byReader.set(read, (byKey = new Map()));
  let found = byKey.get(key);
  if (!found) byKey.set(key, (found = [...readingsOf(facts, mentions(), read)]));
  return found;
}

/**
 * What the sentences of `about` say the entity is (`read`: a person's role, `roleAt`, an organisation's kind, `kindAt`,
 * or what a thing is, `thingAt`), under any of `names`, each once (by its words), the newest first, at most CARD_ROLES,
 * with where each is said first in that article; when `about` says nothing of it, from the first of up to
 * MORE_ARTICLES more of the entity's articles that does, the newest first. The sentence the writer hovers counts: it is what the card sums up, not a
 * fact cited back.
 */
function describedAs(index: CorpusIndex, names: readonly EntityEntry[], about: readonly string[], read: Reader, only?: (d: IndexedDoc) => boolean): { what: string; uri: string; start: number; date: number }[] {
  const found = new Map<string, { what: string; uri: string; start: number; date: number }>();
  const readArticle = (docUri: string) => {
    const d = index.get(docUri);
    if (!d || (only && !only(d))) return;
    const date = d.summary.date ?? UNDATED;
    for (const x of names) {
      if (!x.docs.has(docUri)) continue;
      for (const { what, sentence } of readingsKept(d.facts, x.key, () => index.mentionsIn(docUri, x.key), read)) {
        // One role however it is joined: "CEO of YouAttest" and "CEO at YouAttest". Cited from the newest article saying it.
        const key = what.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/ at /g, ' of ').trim();
        const had = found.get(key);
        if (!had || date > had.date) found.set(key, { what, uri: docUri, start: wordsStart(sentence), date });
      }
    }
  };
  for (const docUri of about) readArticle(docUri);
  if (found.size === 0) {
    // What a much-named thing is, is often said in none of the articles that name it most ("the penetration-testing tool
    // Cobalt Strike" in one of 87): the newest of its other articles are read too, a few of them (each may have to be
    // loaded: a card must stay quick).
    // The newest MORE_ARTICLES by insertion, not a sort of every article: a name in thousands must not cost them all.
    const skip = new Set(about);
    const newer = (a: { uri: string; date: number }, b: { uri: string; date: number }) => a.date > b.date || (a.date === b.date && a.uri < b.uri);
    const more: { uri: string; date: number }[] = [];
    for (const x of names) {
      for (const u of x.docs.keys()) {
        if (skip.has(u) || index.isDraft(u)) continue;
        const item = { uri: u, date: index.get(u)?.summary.date ?? UNDATED };
        if (more.length === MORE_ARTICLES && !newer(item, more[MORE_ARTICLES - 1])) continue;
        skip.add(u);
        let k = more.length === MORE_ARTICLES ? MORE_ARTICLES - 1 : more.length;
        more[k] = item;
        for (; k > 0 && newer(more[k], more[k - 1]); k--) [more[k - 1], more[k]] = [more[k], more[k - 1]];
      }
    }
    for (let k = 0; k < more.length && found.size === 0; k++) readArticle(more[k].uri);
  }
  return [...found.values()].sort(newestSaid).slice(0, CARD_ROLES);
}

/** What cards read of an entity, the newest saying first, then in path and text order (never the order of indexing). */
function newestSaid(a: { uri: string; start: number; date: number }, b: { uri: string; start: number; date: number }): number {
  return b.date - a.date || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start);
}

/** Whether an article names a vulnerability by its CVE identifier. */
function namesCve(d: IndexedDoc): boolean {
  for (const x of d.summary.entities) if (x.kind === 'vulnerability') return true;
  return false;
}

/** How many of a thing's CVE identifiers its card looks at from their side, those named in most of its articles first. */
const CVES_CONSIDERED = 5;

/**
 * The CVE identifiers of a thing named like a flaw ("Log4Shell"), each once, the newest saying first: where its own
 * articles write one beside it (`cveOfNameAt`, read only in articles that name a CVE), and where the cards of the CVE
 * identifiers named in most of its articles read it as their name (`nameOfCveAt`): an article often says "Log4Shell
 * (CVE-2021-44228)" where it names the identifier first, not the name. From summaries, then the readings the cards
 * keep: nothing for a thing whose articles name no CVE.
 */
function cvesNaming(index: CorpusIndex, e: EntityEntry, names: readonly EntityEntry[], about: readonly string[]): { what: string; uri: string; start: number; date: number }[] {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(e.name)) return [];
  const found = new Map<string, { what: string; uri: string; start: number; date: number }>();
  for (const r of describedAs(index, names, about, cveOfNameAt, namesCve)) found.set(r.what, r);
  const together = new Map<string, number>();
  for (const u of e.docs.keys()) {
    const d = index.get(u);
    if (!d || index.isDraft(u)) continue;
    for (const x of d.summary.entities) if (x.kind === 'vulnerability') together.set(x.key, (together.get(x.key) ?? 0) + 1);
  }
  const likeliest = [...together].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CVES_CONSIDERED);
  const own = e.name.toLowerCase();
  for (const [key] of likeliest) {
    const cve = index.entity(key);
    if (!cve || found.has(cve.name)) continue;
    const said = describedAs(index, [cve], topArticles(index, [cve], ''), nameOfCveAt).find((r) => r.what.toLowerCase() === own);
    if (said) found.set(cve.name, { ...said, what: cve.name });
  }
  return [...found.values()].sort(newestSaid).slice(0, CARD_ROLES);
}

function entityCard(index: CorpusIndex, e: EntityEntry, uri: string, hereSentence: number): string {
  // Most used spelling first; "Aws" or "Scott-railton" (a tag's case) is not another name. Spellings with the same
  // letters are one ("U.S." and "US"), shown as the one with the most capitals ("U.s" is a tag's), then the most used.
  const letters = (a: string) => a.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const capitals = (a: string) => a.replace(/[^\p{Lu}]/gu, '').length;
  const groups = new Map<string, { shown: string; uses: number; total: number }>();
  for (const [a, uses] of e.aliases) {
    const k = letters(a);
    const g = groups.get(k);
    if (!g) groups.set(k, { shown: a, uses, total: uses });
    else {
      g.total += uses;
      if (capitals(a) > capitals(g.shown) || (capitals(a) === capitals(g.shown) && (uses > g.uses || (uses === g.uses && a < g.shown)))) { g.shown = a; g.uses = uses; }
    }
  }
  groups.delete(letters(e.name));
  // The same organisation under a name of its own in other articles ("Lazarus Group", "Lazarus"): references list both.
  const family = index.family(e.key);
  const shownFamily = family.slice(0, 3);
  // A name the family line gives with its articles is not written again ("Also written: AWS" beside "Also named AWS (5 articles)").
  for (const x of shownFamily) groups.delete(letters(x.name));
  // Equal totals in plain order: never in the order the articles were indexed.
  const aliases = [...groups.values()].sort((a, b) => b.total - a.total || (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0)).map((g) => g.shown).slice(0, 8);
  // The articles about it (those that name it most, then the newest) and this one are enough to
  // fill a card; a name in thousands of articles must not make the card read them all. Those about
  // it under a name of its own count as much (the organisation's or person's family).
  const names = [e, ...family];
  const about = topArticles(index, names, uri);
  const lines: string[] = [];
  lines.push(`**${escape(e.name)}** · ${e.kind}`);
  const pinned = index.pins.get(e.key)?.description;
  if (pinned) lines.push(`\n${escape(pinned)}`);
  // Who a person is, what an organisation or a thing is, as those articles put it ("Robinhood chief security officer",
  // "cybercrime intelligence firm", "banking trojan"), each with where it is said. A pinned description says it already.
  const read = e.kind === 'person' ? roleAt : e.kind === 'organisation' || e.kind === 'outlet' ? kindAt : e.kind === 'other' || e.kind === 'vulnerability' ? thingAt : undefined;
  const roles = read && !pinned ? describedAs(index, names, about, read) : [];
  if (roles.length) lines.push(`\n${roles.map((r) => `${escape(r.what)} (${cite(index, r.uri, r.start)})`).join(' · ')}`);
  // A flaw's coined name and its CVE identifier, each on the other's card ("Log4Shell (CVE-2021-44228)"): read only in
  // articles that name a CVE (a thing's card reads no more articles than it did for that).
  // (A coined name taken for an organisation's is a flaw's as often: BlueKeep, SMBGhost, BleedingTooth in the real corpus.)
  const flaw = e.kind === 'other' || (e.kind === 'organisation' && coined(e.name));
  const tracked = pinned ? [] : e.kind === 'vulnerability' ? describedAs(index, names, about, nameOfCveAt) : flaw ? cvesNaming(index, e, names, about) : [];
  if (tracked.length) lines.push(`\n${e.kind === 'vulnerability' ? 'Named' : 'Tracked as'} ${tracked.map((r) => `${escape(r.what)} (${cite(index, r.uri, r.start)})`).join(' · ')}`);
  if (aliases.length) lines.push(`\nAlso written: ${aliases.map(escape).join(', ')}`);
  if (shownFamily.length) lines.push(`\nAlso named ${shownFamily.map((x) => `${escape(x.name)} (${x.docs.size} article${x.docs.size === 1 ? '' : 's'})`).join(', ')}.`);
  // Articles that only link to a story about it (a related story's headline) are counted apart.
  const naming = articlesNaming(e);
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  let count = naming ? `Mentioned in ${plural(naming, 'article')} (${plural(e.mentionCount, 'mention')})` : `Named only in headlines of related stories, in ${plural(e.linkedFrom, 'article')}`;
  if (naming && e.linkedFrom) count += `; ${e.linkedFrom} more only link${e.linkedFrom === 1 ? 's' : ''} to a story about it`;
  lines.push(`\n${count}.`);

  // The most informative sentences of those articles, each further one from an
  // article already cited counting for less, so the card cites several sources.
  const perDoc: { uri: string; picks: { sentence: number; score: number; name: string }[] }[] = [];
  for (const docUri of about) {
    const d = index.get(docUri);
    if (!d) continue;
    const seen = new Set<number>();
    const picks: { sentence: number; score: number; name: string }[] = [];
    // An article that names the entity again and again is about it; this article's own sentences
    // are what the writer is reading, so others' come first.
    let named = 0;
    for (const x of names) named += x.docs.get(docUri)?.mentionCount ?? 0;
    const bonus = (named >= 3 ? 1 : 0) - (docUri === uri ? 2 : 0);
    for (const x of names) {
      if (!x.docs.has(docUri)) continue;
      for (const m of index.mentionsIn(docUri, x.key)) {
        if (m.sentence < 0 || seen.has(m.sentence) || (docUri === uri && m.sentence === hereSentence)) continue;
        if (m.where === 'title' || m.where === 'subtitle') continue;
        seen.add(m.sentence);
        // Another article's headline in a list of related stories is not a fact of this one; nor is a table's row.
        const said = d.facts.sentences[m.sentence]?.text ?? '';
        if (isLinkOnly(said) || isTableRow(said) || isSignOff(said) || EDITORS_NOTE_RE.test(said)) continue;
        const at = m.span.start - (d.facts.sentences[m.sentence]?.span.start ?? 0);
        const opens = at <= 3;
        const passing = inPassing(said, at, m.span.end - m.span.start) ? PASSING : 0;
        picks.push({ sentence: m.sentence, score: informativeness(d, m.sentence, x.key, x.name, opens) + bonus - passing, name: m.text });
      }
    }
    picks.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
    if (picks.length) perDoc.push({ uri: docUri, picks });
  }
  const facts: { line: string; date: number }[] = [];
  // A sentence retold word for word (a copy of an article, a boilerplate paragraph), or all but a word or two
  // ("Last week, the Washington Post reported …" and "This week, …"), is cited once.
  const cited: Set<string>[] = [];
  const next = perDoc.map(() => 0);
  const taken = perDoc.map(() => 0);
  while (facts.length < MAX_FACTS) {
    // The best next sentence: its score less PER_ARTICLE for each fact its article already gave;
    // on a tie, the article that names the entity most (perDoc is in that order).
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < perDoc.length; i++) {
      const pick = perDoc[i].picks[next[i]];
      if (pick && pick.score - PER_ARTICLE * taken[i] > bestScore) { best = i; bestScore = pick.score - PER_ARTICLE * taken[i]; }
    }
    if (best < 0) break;
    const p = perDoc[best];
    const pick = p.picks[next[best]++];
    const s = index.get(p.uri)!.facts.sentences[pick.sentence];
    const words = new Set(citedKey(s.text).split(' '));
    if (cited.some((c) => retold(words, c))) continue;
    cited.push(words);
    taken[best]++;
    // Shortened around the name, so that a long sentence shows what it says of it.
    const shown = readable(s.text);
    const quote = clipAround(shown, shown.indexOf(readable(pick.name)), 240);
    // A sentence that opens on its own quotation marks is shown in them alone: not "““At Neiman Marcus Group, …". One
    // that ends a quotation begun in the sentence before gets its opening mark only ("“Nevertheless, they managed …,”
    // Cisco Talos stressed."), and one that begins a quotation going on in the next its closing mark only.
    const { opens, closes, straight } = quoteBalance(quote);
    const marked = /^[“"‘'«„]/.test(quote) ? quote : closes > opens ? `${straight ? '"' : '“'}${quote}` : opens > closes ? `${quote}${straight ? '"' : '”'}` : `“${quote}”`;
    facts.push({ line: `- ${escape(marked)} — ${cite(index, p.uri, wordsStart(s))}`, date: index.get(p.uri)?.summary.date ?? UNDATED });
  }
  // Listed newest first.
  facts.sort((a, b) => b.date - a.date);
  if (facts.length) lines.push('\n**Cited facts**\n', ...facts.map((f) => f.line));
  return lines.join('\n');
}


/** How many statements of the same measure a card lists, and of other stories. */
const CARD_FIGURES = 12;
const OTHER_STORIES = 4;

/** The sign before a verdict's words on a card. */
const SIGN: Record<Verdict, string> = { agrees: '✓', conflicts: '✗', revision: '↻', disputed: '⚑', 'sources-differ': '⚑', part: '∑', 'another-story': '·', unchecked: '·' };

/** How a card marks another statement, in the check's terms (see `Verdict`). */
function verdictMark(o: Judged, when: number | undefined): string {
  return `${SIGN[o.verdict]} ${escape(verdictWords(o, when))}`;
}

/** At most `n` items, those nearest in time to `when`, in date order (undated last). */
function nearest<T>(list: T[], when: number | undefined, n: number, at: (x: T) => number | undefined): T[] {
  return [...nearestInTime(list, when, n, at)].sort((a, b) => (at(a) ?? Infinity) - (at(b) ?? Infinity));
}

/**
 * Whether two figures give one value, where the card only points it out:
 * "10,000" fits in "up to 50 million" but is no "same value".
 */
function sameValue(a: Figure, b: Figure): boolean {
  return a.unit === b.unit && sameStated(a, b);
}

/**
 * Whether who says a figure is its owner: the same entity, or one of the owner's forms (`ownerForms`: "ICRC", its
 * article's acronym of the International Committee of the Red Cross, "Red Cross"), or the same name with or without a
 * legal form ("Amnesty" and "Amnesty International"; `corporateBase`, the key figures are kept under).
 */
function ownWord(index: CorpusIndex, owner: string, said: { who: string; key?: string }): boolean {
  const key = said.key ?? entityKey(said.who);
  return key === owner || corporateBase(key) === owner || ownerForms(index, owner).includes(key);
}

/** The role an article gives the person of `key` where it first names them with one (`roleAt`); undefined for anyone else. */
function roleIn(facts: DocFacts, key: string): string | undefined {
  const e = facts.entities.find((x) => x.key === key);
  if (e?.kind !== 'person') return undefined;
  for (const { what } of readingsOf(facts, e.mentions, roleAt)) return what;
  return undefined;
}

function figureCard(index: CorpusIndex, doc: IndexedDoc, f: Figure): string {
  const lines: string[] = [];
  lines.push(`**${escape(f.text)}** — ${escape(measureLabel(index, f, doc.facts.sentences))}`);
  const range = f.low === f.high ? formatValue(f.value, f.unit) : `${formatValue(f.low, f.unit)} – ${formatValue(f.high, f.unit)}`;
  // A range ("$193 million to $195 million") is its bounds; its middle, `value`, was never written.
  if (f.hedge === 'between') lines.push(`\nValue: ${escape(range)}`);
  else lines.push(`\nValue: ${escape(formatValue(f.value, f.unit))}${f.hedge ? ` (${escape(f.hedge === '+' ? 'or more' : f.hedge)}: ${escape(range)})` : ''}`);
  const claim = sentenceKinds(doc.facts).claim.get(f.sentence);
  const said = attributionOf(doc.facts, f, claim);
  if (said) {
    // A person who says it, with who they are as the article puts it: "Said by: Caleb Sima (Robinhood chief security officer)".
    const role = said.key === undefined ? undefined : roleIn(doc.facts, said.key);
    lines.push(`\nSaid by: ${escape(speakerInText(said.who))}${role ? ` (${escape(role)})` : ''}`);
  }

  // A line that names whose the value is says so once when its owner is also who says it: "· of International
  // Committee of the Red Cross, by its own account", not "… · said by International Committee of the Red Cross" (nor
  // "· said by ICRC", the same organisation by its acronym). A thing that does not speak (the Personal Information
  // Protection Law, "PIPL" as its sentence's subject) has no account of its own: its name alone.
  const by = (said: { who: string; key?: string }, owner: string | undefined) => {
    if (owner === undefined || !ownWord(index, owner, said)) return ` · said by ${escape(speakerInText(said.who))}`;
    const kind = index.owner(owner)?.kind;
    return kind === 'other' ? '' : `, by ${kind === 'person' ? 'their' : 'its'} own account`;
  };
  const when = (r: { uri: string; figure: Figure }) => sentenceKinds(index.get(r.uri)!.facts).claim.get(r.figure.sentence)?.asOf ?? dateOf(index, r.uri);
  // `owner`: whose the value is, where `mark` names it.
  const line = (r: { uri: string; figure: Figure }, at: number | undefined, mark: string, owner?: string) => {
    const d = index.get(r.uri)!;
    const c = sentenceKinds(d.facts).claim.get(r.figure.sentence);
    const said = attributionOf(d.facts, r.figure, c);
    const sentence = d.facts.sentences[r.figure.sentence];
    const start = sentence ? wordsStart(sentence) : r.figure.span.start;
    return `- ${formatDate(shownDay(d.summary, at))} — **${escape(r.figure.text)}**${mark ? ` ${mark}` : ''}${said ? by(said, owner) : ''} — ${cite(index, r.uri, start)}`;
  };
  const here = f.asOf ?? claim?.asOf ?? doc.summary.date;
  // A section of at most `n` statements nearest in time to `at`, each marked by `mark`, and how many more there are.
  // `owned`: the mark names each statement's owner.
  const section = (title: string, list: (FigureRef & { when?: number })[], at: number | undefined, n: number, mark: (o: FigureRef) => string, owned = false) => {
    if (!list.length) return;
    lines.push(`\n${title}\n`);
    for (const o of nearest(list, at, n, (x) => x.when)) lines.push(line(o, o.when, mark(o), owned ? o.figure.subject : undefined));
    if (list.length > n) lines.push(`- … and ${list.length - n} more`);
  };
  const sameValueMark = (yes: string) => (o: FigureRef) => (sameValue(f, o.figure) ? yes : '');
  const otherStories = '**Other stories** (another time or event; not compared)';
  // The card says what the check says: each statement marked as the consistency check weighs it.
  const judged = judgeFigure(index, doc.facts.uri, f);
  const self = { uri: doc.facts.uri, figure: f };
  // The same value of the same owner where one of the two does not say what it counts: shown, never weighed. Not
  // told apart by the years a sentence names, as stories are: "smashed the 2020 total of 304.6 million" in a story
  // of 2021 is the 304.6 million of 2020; the equal value is the evidence.
  const unnamed = sameValueUnnamed(index, doc.facts.uri, f).map((r) => ({ ...r, when: when(r) }));
  const unnamedFigures = new Set(unnamed.map((r) => r.figure));
  // The same value where another article of the story names its owner otherwise ("515,000+" people of the Red Cross,
  // "more than 515,000" of the International Committee of the Red Cross): shown with whose it is there, never weighed.
  const owned = sameValueOtherOwner(index, doc.facts.uri, f).map((r) => ({ ...r, when: when(r) }));
  const ownedFigures = new Set(owned.map((r) => r.figure));
  const ownedTitle = '**The same value, its owner named otherwise**';
  const ownedMark = (o: FigureRef) => `· of ${escape(o.figure.subject === undefined ? '' : index.owner(o.figure.subject)?.name ?? o.figure.subject)}`;
  if (judged && !judged.skipped) {
    const story = judged.others.filter((o) => o.verdict !== 'another-story');
    const apart = judged.others.filter((o) => o.verdict === 'another-story');
    if (story.length) {
      lines.push('\n**Same measure across the corpus**\n');
      // What the check weighed first, then what it did not compare (and why), each in date order.
      const weighed = nearest(story.filter((o) => o.verdict !== 'unchecked'), judged.when, CARD_FIGURES, (x) => x.when);
      const rest = nearest(story.filter((o) => o.verdict === 'unchecked'), judged.when, CARD_FIGURES - weighed.length, (x) => x.when);
      for (const o of [...weighed, ...rest]) lines.push(line(o, o.when, verdictMark(o, judged.when)));
      if (story.length > weighed.length + rest.length) lines.push(`- … and ${story.length - weighed.length - rest.length} more`);
    }
    if (judged.bounded !== undefined) lines.push(`\n_The check weighs the first ${judged.bounded} statements of this measure; the others are not compared._`);
    section(otherStories, apart, judged.when, OTHER_STORIES, sameValueMark('· same value'));
    // "7 million people" here, "7M customers" there: the same count, which the check does not weigh.
    const otherwise = sameCountOtherwise(index, doc.facts.uri, f).map((r) => ({ ...r, when: when(r) }));
    section('**The same count in other words**', otherwise, judged.when, OTHER_STORIES, (o) => `· ${escape(writtenNoun(o.figure, index.get(o.uri)!.facts.sentences) ?? '')}`);
    section('**The same value, not said what it counts**', unnamed, judged.when, OTHER_STORIES, () => '');
    section(ownedTitle, owned, judged.when, OTHER_STORIES, ownedMark, true);
  } else {
    // Only what is known to count the same thing, in the same unit: "$75 million" and "29.7%" said
    // about Fortinet, with nothing to say what either counts, neither agree nor differ.
    const all = comparableStatements(index, doc.facts.uri, f).filter((r) => !unnamedFigures.has(r.figure) && !ownedFigures.has(r.figure)).map((r) => ({ ...r, when: when(r) }));
    // As the check does: statements months apart are of another story (Patch Tuesday's zero-days of another
    // month, another year's arrests), listed apart, so the card does not pass them off as this one's. The same
    // value is the same statement, as go-to-source has it (the DOJ's "more than 175,000 computers" of REvil, in
    // November and again in January).
    const others: typeof all = [];
    const later: typeof all = [];
    for (const o of all) (!sameStated(o.figure, f) && anotherStory(index, self, o) ? later : others).push(o);
    section('**Same measure across the corpus**', others, here, CARD_FIGURES, sameValueMark('✓ same value'));
    section(otherStories, later, here, OTHER_STORIES, sameValueMark('· same value'));
    if (all.length) {
      // Values that differ are not marked wrong where the check does not weigh them: 84K sites running one plugin and
      // 1.6 million sites attacked through another are both "WordPress sites".
      lines.push(`\n_Not checked for conflicts: ${escape(judged?.skipped ? `this figure is ${judged.skipped}` : 'Breach Desk weighs counts of people, accounts, records and data, and the sums a breach costs')}._`);
    }
    // "The 2020 total of 304.6 million" (of SonicWall, not said what): the "304.6 million ransomware attempts" it is.
    section(f.noun === undefined ? '**The same value elsewhere**' : '**The same value, not said what it counts**', unnamed, here, OTHER_STORIES,
      (o) => (o.figure.noun !== undefined ? `· ${escape(writtenNoun(o.figure, index.get(o.uri)!.facts.sentences) ?? '')}` : ''));
    section(ownedTitle, owned, here, OTHER_STORIES, ownedMark, true);
  }
  const parts = partsAmong(index, doc.facts.uri, f, partSources(index, f, f.asOf ?? doc.summary.date));
  if (parts.length) {
    lines.push('\n**Adds up from parts stated elsewhere**\n');
    for (const p of parts.slice(0, 4)) {
      const sum = p.parts.reduce((s, x) => s + x.value, 0);
      const from = index.get(p.uri)!.facts;
      const terms = p.parts.map((x) => `${escape(x.text)} ${escape(writtenMeasure(x, from.sentences))}`).join(' + ');
      const sentence = from.sentences[p.parts[0].sentence];
      const first = sentence ? wordsStart(sentence) : p.parts[0].span.start;
      lines.push(`- ${terms} = ${escape(formatValue(sum, 'count'))} — ${cite(index, p.uri, first)}`);
    }
  }
  return lines.join('\n');
}


/** How many of an author's or outlet's articles a field card lists, newest first. */
const FIELD_ARTICLES = 5;

/**
 * A card on the value of a `+ Source:` or `+ Author:` field: the outlet or the
 * author across the corpus (how many articles, over which dates, the outlet's
 * most frequent authors or the author's outlets, and the newest articles, each
 * a link that opens it). In an author list ("Lisa Vaas, Tara Seals") the name
 * under the cursor. On the `+ Link:` address of the article `uri`: the articles
 * that link to it (`linkCardFor`).
 */
export function fieldHover(index: CorpusIndex, article: Article, offset: number, uri?: string): HoverResult | undefined {
  const link = article.link?.parsed?.urlSpan;
  if (uri !== undefined && link && offset >= link.start && offset <= link.end && index.get(uri)?.summary.link) return { markdown: linkCardFor(index, uri), span: link };
  for (const field of [article.source, article.author]) {
    if (!field || offset < field.valueSpan.start || offset > field.valueSpan.end || !field.value.trim()) continue;
    if (field === article.source) return { markdown: sourceCard(index, field.value.trim()), span: field.valueSpan };
    // The name under the cursor in a list of authors.
    const names = /,|\band\b|&/g;
    let from = 0;
    const text = field.value;
    for (let m = names.exec(text); ; m = names.exec(text)) {
      const to = m ? m.index : text.length;
      const start = field.valueSpan.start + from;
      if (offset <= field.valueSpan.start + to) {
        const raw = text.slice(from, to);
        const name = raw.trim();
        if (!name) return undefined;
        const lead = raw.length - raw.trimStart().length;
        return { markdown: authorCard(index, name), span: { start: start + lead, end: start + lead + name.length } };
      }
      if (!m) return undefined;
      from = m.index + m[0].length;
    }
  }
  return undefined;
}

/**
 * The card on an article's own address: how many other articles of the corpus link to it, and the newest of them,
 * each a link that opens it at its link (Find All References on the address lists every link).
 */
export function linkCardFor(index: CorpusIndex, uri: string): string {
  const first = linkingArticles(index, uri);
  if (!first.size) return '**This article\'s address**\n\nNo other article of the corpus links to it.';
  const lines = [`**Linked from ${first.size} article${first.size === 1 ? '' : 's'}**`, ''];
  for (const u of byDate(index, [...first.keys()]).slice(0, FIELD_ARTICLES)) {
    const d = index.get(u)!.summary;
    lines.push(`- ${openLink(readable(d.title) || 'untitled', u, index.position(u, first.get(u)!.start)?.line ?? 0)} — ${escape(d.source ?? 'unknown outlet')}, ${escape(formatDate(shownDay(d, d.date)))}`);
  }
  if (first.size > FIELD_ARTICLES) lines.push('', `And ${first.size - FIELD_ARTICLES} more: Find All References on the address lists every link.`);
  return lines.join('\n');
}

function byDate(index: CorpusIndex, uris: string[]): string[] {
  return uris.sort((a, b) => (index.get(b)?.summary.date ?? UNDATED) - (index.get(a)?.summary.date ?? UNDATED) || (a < b ? -1 : 1));
}

/** "12 articles, Aug 2, 2021 – Feb 3, 2022" (undated articles count but set no date). */
function spanOfArticles(index: CorpusIndex, uris: string[]): string {
  const dates = uris.map((u) => index.get(u)?.summary.date).filter((d): d is number => d !== undefined);
  const n = `${uris.length} article${uris.length === 1 ? '' : 's'} in the corpus`;
  if (!dates.length) return n;
  const lo = Math.min(...dates);
  const hi = Math.max(...dates);
  return lo === hi ? `${n}, ${formatDate(lo)}` : `${n}, ${formatDate(lo)} – ${formatDate(hi)}`;
}

function newest(index: CorpusIndex, uris: string[]): string[] {
  return byDate(index, uris).slice(0, FIELD_ARTICLES).map((u) => {
    const d = index.get(u)!.summary;
    return `- ${openLink(readable(d.title) || 'untitled', u, index.position(u, d.titleSpan.start)?.line ?? 0)} — ${escape(d.source ?? 'unknown outlet')}, ${escape(formatDate(shownDay(d, d.date)))}`;
  });
}

/** The most frequent values, "Lisa Vaas (120), Tara Seals (80)", at most `n`. */
function mostFrequent(counts: Map<string, number>, n: number): string {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([k, c]) => `${escape(k)} (${c})`).join(', ');
}

function sourceCard(index: CorpusIndex, source: string): string {
  const key = source.toLowerCase();
  const uris: string[] = [];
  const authors = new Map<string, number>();
  for (const d of index.all()) {
    if (d.summary.source?.toLowerCase() !== key || index.isDraft(d.uri)) continue;
    uris.push(d.uri);
    for (const a of d.summary.authors) authors.set(a, (authors.get(a) ?? 0) + 1);
  }
  const lines = [`**${escape(source)}** · outlet`, '', `${spanOfArticles(index, uris)}.`];
  if (authors.size) lines.push('', `Authors: ${mostFrequent(authors, 5)}${authors.size > 5 ? `, and ${authors.size - 5} more` : ''}.`);
  if (uris.length) lines.push('', '**Newest articles**', '', ...newest(index, uris));
  return lines.join('\n');
}

/** How many of the tags most often given with a topic its card names. */
const WITH_TOPICS = 5;

/**
 * A topic tag's card ("[[ransomware]]", no entity's): how many articles carry it, over which dates and from which
 * outlets, the topics most often tagged with it, and the newest articles, each a link that opens it.
 */
function topicCard(index: CorpusIndex, key: string, written: string, uri: string): string {
  // Worked out once per topic until the index changes: a topic of thousands of articles reads each one's summary.
  return index.memoized(`topic\u0000${key}\u0000${written}\u0000${index.isDraft(uri) ? uri : ''}`, () => topicCardOf(index, key, written, uri));
}

function topicCardOf(index: CorpusIndex, key: string, written: string, uri: string): string {
  const uris = index.topicDocs(key).filter((u) => u === uri || !index.isDraft(u));
  const outlets = new Map<string, number>();
  const along = new Map<string, number>();
  for (const u of uris) {
    const s = index.get(u)!.summary;
    const o = s.source ?? 'unknown outlet';
    outlets.set(o, (outlets.get(o) ?? 0) + 1);
    // Each other topic once an article.
    for (const t of new Set(s.topics.map(entityKey))) if (t !== key) along.set(t, (along.get(t) ?? 0) + 1);
  }
  // Only what goes with it more than once says something of the topic; a name (the publisher's own [[ZDNet]] on its
  // pages, which is no mention) has a card of its own.
  for (const [t, n] of along) if (n < 2 || index.entity(t)) along.delete(t);
  const lines = [`**${escape(written)}** · tag`, '', `Tagged in ${spanOfArticles(index, uris)}, from ${mostFrequent(outlets, 3)}.`];
  const forms = index.topics().get(key);
  if (forms && forms.size > 1) lines.push('', `Written ${mostFrequent(forms as Map<string, number>, 4)}.`);
  // Each as most tags write it.
  const named = new Map<string, number>();
  for (const [t, n] of along) named.set(index.topicName(t), n);
  if (named.size) lines.push('', `Often tagged with it: ${mostFrequent(named, WITH_TOPICS)}.`);
  lines.push('', '**Newest articles**', '', ...newest(index, [...uris]));
  return lines.join('\n');
}

function authorCard(index: CorpusIndex, name: string): string {
  const key = name.toLowerCase();
  const uris: string[] = [];
  const outlets = new Map<string, number>();
  for (const d of index.all()) {
    if (!d.summary.authors.some((a) => a.toLowerCase() === key) || index.isDraft(d.uri)) continue;
    uris.push(d.uri);
    const o = d.summary.source ?? 'unknown outlet';
    outlets.set(o, (outlets.get(o) ?? 0) + 1);
  }
  const lines = [`**${escape(name)}** · author`, '', `${spanOfArticles(index, uris)}${outlets.size ? `, for ${mostFrequent(outlets, 3)}` : ''}.`];
  if (uris.length) lines.push('', '**Newest articles**', '', ...newest(index, uris));
  return lines.join('\n');
}
