/**
 * Names written otherwise than the corpus writes them: "Kasperksy" where 66
 * articles write Kaspersky, "Brain Krebs" for Brian Krebs, "RedCanary" for
 * Red Canary (`name.variant`). A newsroom's costliest typo is a name, and the
 * corpus knows how each is spelled.
 *
 * A name is taken for a misspelling only on strong evidence: this article is
 * the only one that writes it so, the other spelling is one edit away
 * (`CorpusIndex.nearNames`) and written in `NEAR_MIN` articles or more, both
 * name the same kind of thing (a person; an organisation or outlet), and the
 * edit is none of what tells two real names apart or what house styles
 * change:
 *
 * - a digit ("LockBit2", "Quad9", "PlayStation3": versions and other names);
 * - a plural of the whole name ("SonicWalls", "Google Play Stores"; "Citizens Lab" is Citizen Lab misspelt);
 * - British and American spelling ("Department of Defence", "Cyber Security Centre", "-isation");
 * - a public body's generic name written apart or together ("National Cybersecurity Center", Portugal's, and the
 *   "National Cyber Security Center" or "Centre" of the UK, Ireland, the Netherlands…): such a name is ordinary
 *   words with a body's word last (`PUBLIC_BODIES`), every country has one, and each spaces its words its own way,
 *   so the spacing tells two bodies apart as often as it is a slip;
 * - a word's first letter ("QSnatch" and Snatch, "Block" and "Black") or its last one changed ("Optus" and
 *   Optum, "Conte" and Conti), or a word too short to tell ("NBC" and "BBC");
 * - a person's first name, where both are first names and another person of the corpus has the surname
 *   ("Mary Smith" is not Mark Smith; "Eric Kron" is Erich Kron, the one Kron);
 * - a name pinned in `.breachdesk/entities.json`;
 * - a letter changed for another, unless the corpus's spelling is well attested (`SUBSTITUTION_MIN` articles, twice
 *   `NEAR_MIN`): a letter left out, added or swapped with its neighbour is how fingers slip, and rarely gives another
 *   real name, but a letter changed gives one as often as a slip ("NetWare", Novell's system, and NetWire, a trojan
 *   of three articles; "Optus" and Optum, for the last letter, always). "Kasperksy", "Zimperum", "Qualsys" are still
 *   told against three articles; "BlackBatter" against BlackMatter's 33, "DosuSign" against DocuSign's six. A name
 *   written in one article is never well attested itself: that both spellings are frequent cannot be the test, as the
 *   check only asks about a spelling no other article writes.
 *
 * Names in code are never marked nor mended (`codeTest`): a code span, a block indented as code, a YARA rule, a
 * Suricata signature's name ("ET TROJAN Observed CobaltStrike CnC Domain") are verbatim, however they spell a name,
 * and a mention there is no way the article writes it either. (Fenced code blocks are not read for names at all.)
 *
 * Where the corpus has no such spelling, the article itself may: a name it
 * writes once, one edit from one it writes more often ("BillQuck" beside
 * BillQuick eight times), by the same rules (`likeliestHere`). The spelling
 * written more often is not always right ("Virgil Griffiths" ten times for
 * Virgil Griffith), so that message asks which is, with a fix each way.
 */
import { diag, type Diagnostic, type Fix, type RelatedInfo, type TextEdit } from '../diagnostics';
import { positionIn, type Span } from '../text';
import { COMMON_FIRST_NAMES } from '../extract/firstnames';
import { FIRST_NAMES } from '../extract/lexicon';
import type { DocEntity, DocFacts, EntityKind, Mention } from '../extract/types';
import { articlesNaming, firstOf, NEAR_MIN, oneEdit, oneLeftOut, type CorpusIndex, type EntityEntry } from '../index/corpus';
import { formatDate, shownDay } from '../features/markdown';

/** Past this many, a name's further mentions are not marked (the fix still mends them all). */
const MAX_MARKED = 20;

export function checkNames(index: CorpusIndex, uri: string, out: Diagnostic[]): void {
  const doc = index.get(uri);
  if (!doc) return;
  const f = doc.facts;
  let here: HereTable | undefined;
  // Mentions in code are no way of writing a name (`codeTest`): left out of each name looked at, and of the table.
  const inCode = codeTest(f, doc.lineStarts);
  for (const written of f.entities) {
    if (index.pins.has(written.key)) continue;
    const group = groupOf(written.kind);
    if (group === undefined && written.kind !== 'other') continue;
    // Named in this article alone (read from the count of its articles, cheap on a keystroke: `articlesNaming` would
    // count every view of a name the corpus knows well).
    const entry = index.entity(written.key);
    if (!entry || savedOthers(index, entry, uri) > 0) continue;
    const e = outsideCode(written, inCode);
    if (!e.mentions.length) continue;
    const found = group && likeliest(index, e, group);
    if (found) {
      const { other, edit } = found;
      const mended = mend(e, edit, other.name);
      if (!mended.length) continue;
      const n = savedNaming(index, other);
      const first = index.earliestOf(other);
      const related = first && first.uri !== uri ? [{ uri: first.uri, span: firstOf(first.view), message: `Written ${other.name} here (${whereWritten(index, first.uri)})` }] : [];
      report(out, mended, other.name, edit, `in ${n} articles of the corpus`, related);
      continue;
    }
    const near = likeliestHere(index, (here ??= hereTable(f.entities.map((o) => (o.mentions.length < 2 ? o : outsideCode(o, inCode))))), e);
    if (!near) continue;
    const { other, edit, written: n } = near;
    const mended = mend(e, edit, other.entity.name);
    if (!mended.length) continue;
    // The spelling written more often is not always the right one ("Virgil Griffiths" ten times for Virgil Griffith):
    // the other way round is offered too.
    const back = mend(other.entity, editOf(other.entity.key, e.key), e.name);
    const first = other.first;
    const message = edit.spacing
      ? `${mended[0].written} is written ${other.entity.name} ${n} times elsewhere in this article.`
      : `${mended[0].written} is written ${other.entity.name} ${n} times elsewhere in this article: which spelling is right?`;
    const fixes = [fixOf(mended, other.entity.name)];
    if (back.length) fixes.push(fixOf(back, e.name));
    for (const m of mended.slice(0, MAX_MARKED)) out.push(diag('name.variant', m.span, message, fixes, [{ span: first, message: `Written ${other.entity.name} here` }]));
  }
}

function fixOf(mended: Mended[], name: string): Fix {
  return { title: `Write ${name}${mended.length > 1 ? ` (${mended.length} places)` : ''}`, edits: mended.map((m) => m.edit) };
}

/** Marks each mention of a misspelt name, each with the fix that writes them all as `name` does. */
function report(out: Diagnostic[], mended: Mended[], name: string, edit: Edit, where: string, related: RelatedInfo[]): void {
  const written = mended[0].written;
  const message = edit.spacing ? `${written} is written ${name} ${where}.` : `${written} is written ${name} ${where}: is it misspelt here?`;
  for (const m of mended.slice(0, MAX_MARKED)) out.push(diag('name.variant', m.span, message, [fixOf(mended, name)], related));
}

/** A name of this article mentioned twice or more: the keys of its mentions as written, and where it is first written in full. */
interface Written {
  entity: DocEntity;
  keys: string[];
  first: Span;
}

/** The names of this article mentioned twice or more, under their keys and each key with one character left out. */
type HereTable = Map<string, Written[]>;

function hereTable(entities: DocEntity[]): HereTable {
  const table: HereTable = new Map();
  for (const o of entities) {
    if (o.kind !== 'person' && o.kind !== 'organisation' && o.kind !== 'outlet' && o.kind !== 'other') continue;
    if (o.mentions.length < 2) continue;
    const keys = o.mentions.map((m) => keyOfWritten(m.text));
    let first: Span | undefined;
    o.mentions.forEach((m, i) => { if (keys[i] === o.key && (!first || m.span.start < first.start)) first = m.span; });
    if (!first) continue;
    const w: Written = { entity: o, keys, first };
    const add = (k: string) => { const list = table.get(k); if (list) { if (list[list.length - 1] !== w) list.push(w); } else table.set(k, [w]); };
    add(o.key);
    for (const k of oneLeftOut(o.key)) add(k);
  }
  return table;
}

/**
 * How many mentions of `w` write what `edit` changes as `w` does: the whole name, or its last words where they hold
 * the change ("Griffiths" said alone attests Virgil Griffiths; "Pixel" alone says nothing of "GooglePixel").
 */
function attesting(w: Written, edit: Edit): number {
  const key = w.entity.key;
  let n = 0;
  for (const k of w.keys) if (k === key || (key.endsWith(` ${k}`) && key.length - k.length <= edit.at)) n++;
  return n;
}

/** A mention's words as a key: lower case, straight apostrophes, one space between words, no possessive. */
function keyOfWritten(text: string): string {
  return text.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+(?:>\s*)*/g, ' ').replace(/'s$|(?<=s)'$/, '');
}

/**
 * The name of this article that `e` most likely misspells, and how: one edit away, written in full more often here
 * (twice at least), of the same sort (a person, or a thing of any other kind: the misspelt one is often read as
 * another kind, "DiskCrypter" an organisation beside the tool DiskCryptor), and by the same rules as across the
 * corpus, but for two: a word's last letter may differ where one spelling is written once and the other four times
 * or more, and two first names of one surname never count (two people of one family). The names one edit away are
 * found by the table of their keys with a character left out (`oneLeftOut`), as the corpus's are (`hereTable`).
 */
function likeliestHere(index: CorpusIndex, table: HereTable, e: DocEntity): { other: Written; edit: Edit; written: number } | undefined {
  const person = e.kind === 'person';
  const seen = new Set<Written>();
  let best: { other: Written; edit: Edit; written: number } | undefined;
  const consider = (list: Written[] | undefined) => {
    for (const w of list ?? []) {
      if (seen.has(w)) continue;
      seen.add(w);
      const o = w.entity;
      if (o === e || (o.kind === 'person') !== person || !oneEdit(e.key, o.key)) continue;
      // The edit as `theirs` to `ours`: its start is where the two keys part, in either.
      const edit = editOf(e.key, o.key);
      const written = attesting(w, edit);
      if (written < 2 || written <= e.mentions.length) continue;
      // A last letter changed counts where one spelling is written once and the other four times or more ("CloudSEC"
      // once, CloudSEK 22 times), not where both recur (the protocol's ChargingStatusReq and ChargingStatusRes).
      const lopsided = !person && e.mentions.length === 1 && written >= 4;
      if (!plausible(index, edit, person ? 'person' : 'organisation', true, lopsided)) continue;
      if (!best || (edit.spacing && !best.edit.spacing) || (edit.spacing === best.edit.spacing && written > best.written)) best = { other: w, edit, written };
    }
  };
  consider(table.get(e.key));
  for (const k of oneLeftOut(e.key)) consider(table.get(k));
  return best;
}

/**
 * How many articles name `e`, drafts left out (`CorpusIndex.isDraft`: an unsaved buffer, an open file the corpus
 * excludes): a draft is no way the corpus writes a name, and `breach-desk check`, which has none, counts the same.
 * (Past 64 articles a few open drafts change nothing the check asks.)
 */
function savedNaming(index: CorpusIndex, e: EntityEntry): number {
  let n = articlesNaming(e);
  // (A draft that names it only in a related story's headline is not counted by `articlesNaming` to begin with.)
  if (n < 64) for (const u of e.docs.keys()) if (index.isDraft(u) && !e.docs.get(u)?.onlyInLinks) n--;
  return n;
}

/** How many articles other than `uri` name `e`, drafts left out; past a few drafts' worth, only "more than none" matters. */
function savedOthers(index: CorpusIndex, e: EntityEntry, uri: string): number {
  if (e.docs.size > 9) return e.docs.size;
  let n = 0;
  for (const u of e.docs.keys()) if (u !== uri && !index.isDraft(u)) n++;
  return n;
}

type Group = 'person' | 'organisation';

function groupOf(kind: EntityKind): Group | undefined {
  return kind === 'person' ? 'person' : kind === 'organisation' || kind === 'outlet' ? 'organisation' : undefined;
}

/** Past this many articles, a spelling is attested well enough that one letter changed from it is likelier a slip than another name. */
const SUBSTITUTION_MIN = 2 * NEAR_MIN;

/** Whether two keys of the same length differ in one letter changed (not two neighbours swapped). */
function substitution(edit: Edit): boolean {
  const { ours, theirs, at, tail } = edit;
  return ours.length === theirs.length && ours.length - tail - at === 1;
}

/**
 * The last words of public bodies' generic names ("National Cyber Security Centre", "Cyber Security Agency"): written
 * apart or together, such names are two countries' bodies as often as one's slip.
 */
const PUBLIC_BODIES = new Set(['center', 'centre', 'centers', 'centres', 'agency', 'authority', 'bureau', 'commission', 'committee', 'council',
  'department', 'directorate', 'institute', 'ministry', 'office', 'command', 'administration', 'board', 'inspectorate', 'service']);

/**
 * Where a mention stands in code, whose words are verbatim: a code span (`…`) of its line; a line of a Suricata
 * signature's name ("ET TROJAN …", "ETPRO MALWARE …", "GPL …"); a sentence of a YARA rule ("rule X {", "$s1 = …",
 * "condition:"); or a paragraph indented as code (its first line four spaces or a tab in, after a blank line). Read
 * from each mention's sentence as extraction keeps it (its text as long as its span) and the document's line starts:
 * the check has no text of its own. Each sentence is read once per check, and only where a name of this article
 * alone is looked at.
 */
function codeTest(f: DocFacts, lineStarts: readonly number[]): (m: Mention) => boolean {
  const memo = new Map<number, Span[]>();
  const paragraphs: Paragraphs = { firsts: new Map(), indented: new Map() };
  return (m) => {
    if (m.where !== 'body' || m.sentence < f.headlines) return false;
    let spans = memo.get(m.sentence);
    if (!spans) memo.set(m.sentence, (spans = codeSpans(f, lineStarts, m.sentence, paragraphs)));
    return spans.some((c) => c.start <= m.span.start && m.span.start < c.end);
  };
}

/** What one check has worked out of the article's paragraphs: each sentence's paragraph's first, and whether it is indented as code. */
interface Paragraphs {
  firsts: Map<number, number>;
  indented: Map<number, boolean>;
}

const SIGNATURE = /^(?:ET|ETPRO|GPL)[ \t]+[A-Z][A-Z_-]+[ \t]/;
const YARA = /\brule[ \t]\w+[ \t]?\{|(?:^|\s)\$\w+ ?= ?["{/]|(?:^|\s)(?:condition|strings):(?:\s|$)/;

function codeSpans(f: DocFacts, lineStarts: readonly number[], i: number, paragraphs: Paragraphs): Span[] {
  const s = f.sentences[i];
  if (!s || s.text.length !== s.span.end - s.span.start) return [];
  if (YARA.test(s.text) || indentedCode(f, lineStarts, i, paragraphs)) return [s.span];
  // Most sentences hold neither a backtick nor a signature.
  if (!/`|ET|GPL/.test(s.text)) return [];
  const out: Span[] = [];
  const first = positionIn(lineStarts, s.span.start).line;
  for (let line = first; line < lineStarts.length && lineStarts[line] < s.span.end; line++) {
    const from = Math.max(lineStarts[line], s.span.start);
    const to = Math.min(line + 1 < lineStarts.length ? lineStarts[line + 1] : s.span.end, s.span.end);
    const text = s.text.slice(from - s.span.start, to - s.span.start);
    // The line from its start, where the sentence holds it (a sentence may start mid-line, after another).
    if (from === lineStarts[line] && SIGNATURE.test(text)) {
      out.push({ start: from, end: to });
      continue;
    }
    // Code spans: a backtick to the next on the same line.
    for (let open = text.indexOf('`'); open >= 0;) {
      const close = text.indexOf('`', open + 1);
      if (close < 0) break;
      out.push({ start: from + open, end: from + close + 1 });
      open = text.indexOf('`', close + 1);
    }
  }
  return out;
}

/**
 * Whether sentence `i` is in a paragraph indented as code: its first sentence opens its line four characters in or
 * more (no sentence before it on the line), after a blank line, and each of its further lines is indented so too
 * (there must be one). A numbered list's tenth item ("10. Which tools …") opens four characters in as well; alone on
 * its line it is not taken for code, and so is a one-line block of code: the check cannot see which four characters
 * stand before the words (the parser reads indented code as a paragraph, `syntax/parse.ts`).
 */
function indentedCode(f: DocFacts, lineStarts: readonly number[], i: number, paragraphs: Paragraphs): boolean {
  const k = paragraphStart(f, lineStarts, i, paragraphs.firsts);
  let indented = paragraphs.indented.get(k);
  if (indented === undefined) paragraphs.indented.set(k, (indented = indentedBlock(f, lineStarts, k)));
  return indented;
}

function indentedBlock(f: DocFacts, lineStarts: readonly number[], k: number): boolean {
  const opensIndented = (j: number) => {
    const start = f.sentences[j].span.start;
    const line = positionIn(lineStarts, start).line;
    return line > 0 && start - lineStarts[line] >= 4 && !(j > 0 && f.sentences[j - 1].span.end > lineStarts[line]);
  };
  if (!opensIndented(k)) return false;
  const first = positionIn(lineStarts, f.sentences[k].span.start).line;
  // The line before is blank (its length at most a line break).
  if (lineStarts[first] - lineStarts[first - 1] > 2) return false;
  let lines = 0;
  for (let j = k; j < f.sentences.length; j++) {
    const s = f.sentences[j];
    const line = positionIn(lineStarts, s.span.start).line;
    if (j > k) {
      // Past the paragraph: the sentence before ends before the line before this one's.
      if (f.sentences[j - 1].span.end <= lineStarts[line - 1]) break;
      if (f.sentences[j - 1].span.end <= lineStarts[line]) {
        if (!opensIndented(j)) return false;
        lines++;
      }
    }
    if (s.text.length !== s.span.end - s.span.start) return false;
    // The lines that start inside the sentence: their first characters are its (a wrapped line's break and
    // indentation read as spaces).
    for (let l = line + 1; l < lineStarts.length && lineStarts[l] < s.span.end; l++) {
      const head = s.text.slice(lineStarts[l] - s.span.start, lineStarts[l] - s.span.start + 4);
      if (head !== '    ' && head[0] !== '\t') return false;
      lines++;
    }
  }
  return lines > 0;
}

/**
 * The first sentence of sentence `i`'s paragraph: back while the sentence before ends on the line before this one's, or
 * on this one's (a blank line parts paragraphs). Remembered in `firsts`, so a paragraph is walked once.
 */
function paragraphStart(f: DocFacts, lineStarts: readonly number[], i: number, firsts: Map<number, number>): number {
  // Back in a loop, not by recursion: a paragraph of 20,000 sentences overflowed the stack.
  let k = i;
  let first: number | undefined;
  for (;;) {
    first = firsts.get(k);
    if (first !== undefined) break;
    if (k <= f.headlines) { first = k; break; }
    const line = positionIn(lineStarts, f.sentences[k].span.start).line;
    if (!(f.sentences[k - 1].span.end > lineStarts[Math.max(line - 1, 0)])) { first = k; break; }
    k--;
  }
  for (let j = k; j <= i; j++) firsts.set(j, first);
  return first;
}

/** `e` with its mentions in code left out (itself when none is). */
function outsideCode(e: DocEntity, inCode: (m: Mention) => boolean): DocEntity {
  if (!e.mentions.some(inCode)) return e;
  return { ...e, mentions: e.mentions.filter((m) => !inCode(m)) };
}

/** How two keys differ: `ours.slice(at, at + ours.length - theirs…)` — the part each has that the other has not. */
interface Edit {
  /** The key as this article writes it, and as the corpus does. */
  ours: string;
  theirs: string;
  /** The common start and end of the two keys: the edit is `ours.slice(at, ours.length - tail)`. */
  at: number;
  tail: number;
  /** Only spaces, hyphens or dots differ ("redcanary", "red canary"). */
  spacing: boolean;
}

function editOf(ours: string, theirs: string): Edit {
  let at = 0;
  while (at < ours.length && at < theirs.length && ours[at] === theirs[at]) at++;
  let tail = 0;
  while (tail < ours.length - at && tail < theirs.length - at && ours[ours.length - 1 - tail] === theirs[theirs.length - 1 - tail]) tail++;
  const changed = ours.slice(at, ours.length - tail) + theirs.slice(at, theirs.length - tail);
  return { ours, theirs, at, tail, spacing: /^[\s.-]+$/.test(changed) };
}

/** The name of the corpus `e` most likely misspells, and how; undefined when none is likely enough. */
function likeliest(index: CorpusIndex, e: DocEntity, group: Group): { other: EntityEntry; edit: Edit } | undefined {
  let best: { other: EntityEntry; edit: Edit; n: number } | undefined;
  for (const key of index.nearNames(e.key)) {
    const other = index.entity(key);
    if (!other || groupOf(other.kind) !== group) continue;
    const n = savedNaming(index, other);
    if (n < NEAR_MIN) continue;
    const edit = editOf(e.key, key);
    if (!plausible(index, edit, group) || (substitution(edit) && n < SUBSTITUTION_MIN)) continue;
    // A name written apart or together is the likelier reading ("BlackHat": Black Hat, not BlackCat), then the commoner name.
    if (!best || (edit.spacing && !best.edit.spacing) || (edit.spacing === best.edit.spacing && (n > best.n || (n === best.n && key < best.other.key)))) best = { other, edit, n };
  }
  return best;
}

function plausible(index: CorpusIndex, edit: Edit, group: Group, sameArticle = false, lopsided = false): boolean {
  const { ours, theirs, at, tail } = edit;
  const changed = ours.slice(at, ours.length - tail) + theirs.slice(at, theirs.length - tail);
  if (/\d/.test(changed)) return false;
  if (edit.spacing) return !PUBLIC_BODIES.has(theirs.slice(theirs.lastIndexOf(' ') + 1));
  const wo = wordAt(ours, at);
  const wt = wordAt(theirs, at);
  // A plural of the corpus's name ("SonicWalls"), not a plural inside it ("Citizens Lab" for Citizen Lab).
  if (ours.length === theirs.length + 1 && wo.end === ours.length && ours.endsWith('s') && at === ours.length - 1) return false;
  const a = ours.slice(wo.start, wo.end);
  const b = theirs.slice(wt.start, wt.end);
  if (regional(a) === regional(b)) return false;
  // The first letter of a word, or a word too short to tell a typo from another name.
  if (at === wo.start || Math.min(a.length, b.length) < (group === 'person' ? 4 : 5)) return false;
  // Its last letter changed: as often two names as a slip ("Optus" and "Optum", "Conte" and "Conti").
  if (a.length === b.length && at === wo.end - 1 && !lopsided) return false;
  if (group === 'organisation') return true;
  // A person: a first name and a surname, the same number of words, the surname the same or the one misspelt.
  if (!ours.includes(' ') || !theirs.includes(' ')) return false;
  const surname = theirs.slice(theirs.lastIndexOf(' ') + 1);
  if (wt.end === theirs.length) return true;
  if (!firstName(a) || !firstName(b)) return true;
  if (sameArticle) return false;
  // Two first names ("Mark", "Mary"): only where the corpus knows no other person of that surname.
  for (const k of index.keysEndingIn(surname)) {
    if (k !== ours && k !== theirs && index.entity(k)?.kind === 'person') return false;
  }
  return true;
}

/** A first name of either list ("mark" is only in the short one: the long one leaves out words the news writes in lower case). */
function firstName(w: string): boolean {
  return FIRST_NAMES.has(w) || COMMON_FIRST_NAMES.has(w);
}

/** The word of `key` that holds the character at `at` (or ends right before it). */
function wordAt(key: string, at: number): { start: number; end: number } {
  let start = Math.min(at, key.length);
  while (start > 0 && key[start - 1] !== ' ') start--;
  let end = at;
  while (end < key.length && key[end] !== ' ') end++;
  return { start, end };
}

/** A word with its British or American spelling made one: "defence" and "defense", "centre" and "center", "organisation". */
function regional(w: string): string {
  return w.replace(/tre(s?)$/, 'ter$1').replace(/ence$/, 'ense').replace(/our(s?)$/, 'or$1').replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1');
}

/** A mention to mend: where the name stands (its possessive left out) and the edit that writes it as the corpus does. */
interface Mended {
  span: Span;
  /** The name as written there. */
  written: string;
  edit: TextEdit;
}

/**
 * Each of the name's mentions with the edit that writes it as the corpus does: the words that differ, written as
 * the corpus's name writes them ("Checkpoint" → "Check Point", "R-evil" → "REvil"); a surname said alone
 * ("Beumont") is mended too. A mention that does not hold those words, or whose words are not its text as it stands
 * (a name over a line break, an escape read away), is left out.
 */
function mend(e: DocEntity, edit: Edit, name: string): Mended[] {
  const { ours, theirs, at, tail } = edit;
  // The corpus's name, in its own capitals, only where its letters line up with its key.
  if (name.length !== theirs.length || name.toLowerCase().replace(/[’‘`]/g, "'") !== theirs) return [];
  // The words that hold the edit, in each key (the text before and after them is the same in both).
  const from = ours.lastIndexOf(' ', at - 1) + 1;
  const oursEnd = wordEnd(ours, ours.length - tail);
  const theirsEnd = wordEnd(theirs, theirs.length - tail);
  const replacement = name.slice(from, theirsEnd);
  const out: Mended[] = [];
  for (const m of e.mentions) {
    let written = m.text;
    if (written.length !== m.span.end - m.span.start) continue;
    let lower = written.toLowerCase().replace(/[’‘`]/g, "'");
    // "Kasperksy's", "Kasperksy’": a possessive is never part of a key.
    const possessive = /'s$/.test(lower) && !ours.endsWith("'s") ? 2 : /s'$/.test(lower) && !ours.endsWith("'") ? 1 : 0;
    if (possessive) {
      written = written.slice(0, -possessive);
      lower = lower.slice(0, -possessive);
    }
    // Where the mention stands in the key: the whole name, or its last words.
    const offset = lower === ours ? 0 : ours.endsWith(lower) && ours[ours.length - lower.length - 1] === ' ' ? ours.length - lower.length : -1;
    if (offset < 0 || offset > from) continue;
    const span = { start: m.span.start, end: m.span.start + written.length };
    out.push({ span, written, edit: { span: { start: span.start + from - offset, end: span.start + oursEnd - offset }, newText: replacement } });
  }
  // Each once, in order, none over another (a name's mentions do not overlap, but a tag and its text may repeat).
  out.sort((x, y) => x.span.start - y.span.start);
  return out.filter((x, i) => i === 0 || x.span.start >= out[i - 1].span.end);
}

/** Where the word holding `at` (or starting there) ends in `key`. */
function wordEnd(key: string, at: number): number {
  const space = key.indexOf(' ', at);
  return space < 0 ? key.length : space;
}

function whereWritten(index: CorpusIndex, uri: string): string {
  const f = index.get(uri)?.summary;
  if (!f) return 'another article';
  return `${f.source ?? 'another article'}, ${formatDate(shownDay(f, f.date))}`;
}
