/**
 * Tag hygiene. Scraped tag lines are full of words that are not subjects:
 * punctuation stuck on (`[[names,]]`), possessives (`[[T-Mobile’s]]`),
 * common words (`[[it’s]]`) and spellings that differ only in case
 * (`[[Threatpost]] [[ThreatPost]]`). Each finding has a fix that edits only
 * that tag: it rewrites it, or removes it when the clean form is already there.
 */
import type { Article, Tag, TagGroup } from '../syntax/ast';
import { diag, type Diagnostic, type Fix, type TextEdit } from '../diagnostics';
import { trimEndWhere } from '../text';

const STOP_WORDS = new Set([
  "it's", 'its', 'it', 'i', "i'm", "i've", "i'd", 'we', "we're", 'you', "you're", 'he', "he's", 'she', "she's",
  'they', "they're", 'the', 'a', 'an', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'for', 'with',
  'this', 'that', "that's", 'these', 'those', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'there', "there's",
  'their', 'our', 'my', 'your', 'his', 'her', 'as', 'by', 'from', 'not', 'no', 'yes', 'so', 'if', 'then', 'than',
  'also', 'just', 'what', 'who', 'how', 'why', 'when', 'where', 'which', 'said', 'says', 'can', 'could', 'would',
  'should', 'will', 'may', 'might', 'do', 'does', 'did', 'has', 'have', 'had', 'one', 'all', 'some', 'more', 'most',
  'other', 'new', 'about', 'after', 'before', 'into', 'over', 'under', 'while', 'still', 'even', 'however',
  // "[[Million)]]" cut from "($600 Million)": a number's word is no subject.
  'hundred', 'thousand', 'million', 'billion', 'trillion', 'millions', 'billions', 'thousands',
  // "[[couldn’t]]", offered after "[[Co" as a topic.
  "can't", "couldn't", "won't", "wouldn't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
  "shouldn't", "hasn't", "haven't", "hadn't", "we've", "you've", "they've", "it'll", "we'll", "they'll", "you'll",
]);

// Characters that are never the start or end of a real tag. `@`, `#`, `.`,
// `$` may start one (handles, hashtags, `.NET`); `+` and `#` may end one (C++, C#).
// `_` may do both: in the corpus it only ever edges identifiers (`__kernel`, `_meta.txt`).
const LEADING = /^[\s,;:!?"“”„‘’'()[\]{}…—–*/\\|<>-]+/u;
/** One trailing character; trailing runs are cut with `trimEndWhere` (linear, where `/[…]+$/` is quadratic). */
const TRAILING = /[\s,;:.!?"“”„‘’'()[\]{}…—–*/\\|<>-]/u;
const POSSESSIVE = /^(.+?)(?:['’]s|(?<=s)['’])$/u;
// Dotted abbreviations keep their final dot: U.S., U.K., e.g., Ph.D.
const DOTTED = /^(?:[A-Za-z]{1,2}\.){1,4}[A-Za-z]{1,2}$/;

/** One apostrophe for all: `T-Mobile’s` and `T-Mobile's` are one spelling. */
function apostrophes(s: string): string {
  return s.replace(/[‘’`´]/g, "'");
}

function normalise(s: string): string {
  return apostrophes(s.toLowerCase());
}

/** Removes a tag and the space that separates it from its neighbour. */
function removeTag(text: string, tag: Tag): TextEdit {
  let { start, end } = tag.span;
  let after = end;
  while (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9) after++;
  if (after > end && text.charCodeAt(after) !== 10 && text.charCodeAt(after) !== 13 && after < text.length) {
    end = after;
  } else {
    while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
  }
  return { span: { start, end }, newText: '' };
}

function cleanFix(text: string, tag: Tag, clean: string, existing: Set<string>, what: string): Fix {
  if (existing.has(normalise(clean))) {
    return { title: `Remove [[${tag.name}]] ([[${clean}]] is already a tag)`, edits: [removeTag(text, tag)], preferred: true };
  }
  return { title: `Change to [[${clean}]]${what}`, edits: [{ span: tag.nameSpan, newText: clean }], preferred: true };
}

export function checkTags(text: string, a: Article, out: Diagnostic[]): void {
  if (!a.tags) return;
  if (a.tags.groups.every((g) => g.tags.length === 0)) {
    out.push(diag('tags.empty', a.tags.header.span, 'The Tags section has no tags: add a line of `[[Tags]]` naming who and what the article is about.'));
    return;
  }
  const wordGroups = a.tags.groups.filter((g) => g.kind === 'plain' || g.kind === 'auto');
  const kvGroups = a.tags.groups.filter((g) => g.kind === 'keyvalue');
  const body = a.body ? text.slice(a.body.span.start, a.body.span.end) : '';
  checkWordTags(text, wordGroups, a.source?.value, body, out);
  checkKeyValueTags(text, kvGroups, out);
}

/** How often the body writes `word` as a whole word, in exactly that case. */
function usesOf(body: string, word: string): number {
  let n = 0;
  for (let i = body.indexOf(word); i >= 0; i = body.indexOf(word, i + word.length)) {
    const before = body[i - 1] ?? ' ';
    const after = body[i + word.length] ?? ' ';
    // A word of prose, not part of a file name or path ("powershell.exe", "C:\\Windows\\powershell", "/bin/bash").
    if (/[\p{L}\p{N}/\\_]/u.test(before) || /[\p{L}\p{N}_]/u.test(after)) continue;
    if (after === '.' && /[\p{L}\p{N}]/u.test(body[i + word.length + 1] ?? ' ')) continue;
    n++;
  }
  return n;
}

/** A month or a weekday ("In March Microsoft’s …"), never part of the name after it. */
const CALENDAR = /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\.?$/;

/**
 * The capitalised words the body writes before `written` (the tag as written, "Network’s") when the tag is one
 * word of a longer name: "Poly Network" for "[[Network’s]]". Undefined when the body never writes it so.
 */
function fullNameBefore(body: string, written: string, base: string): string | undefined {
  if (base.includes(' ')) return undefined;
  for (let i = body.indexOf(written); i >= 0; i = body.indexOf(written, i + written.length)) {
    const words: string[] = [];
    let end = i;
    while (words.length < 3) {
      let k = end;
      while (k > 0 && body[k - 1] === ' ') k--;
      if (k === end) break;
      let w = k;
      while (w > 0 && /[\p{L}\p{N}&.-]/u.test(body[w - 1])) w--;
      const word = body.slice(w, k);
      if (!/^\p{Lu}/u.test(word) || STOP_WORDS.has(word.toLowerCase()) || CALENDAR.test(word)) break;
      words.unshift(word);
      end = w;
    }
    if (words.length) return `${words.join(' ')} ${base}`;
  }
  return undefined;
}

/** An acronym in capitals ("IT", "WHO", "US"): a name, not the common word it spells. */
function isCapitals(name: string): boolean {
  return name.length >= 2 && name === name.toUpperCase() && /[A-Z]/.test(name);
}

function checkWordTags(text: string, groups: TagGroup[], source: string | undefined, body: string, out: Diagnostic[]): void {
  const all = groups.flatMap((g) => g.tags);
  const existing = new Set(all.map((t) => normalise(t.name.trim())));
  const clean: Tag[] = [];
  for (const tag of all) {
    const name = tag.name.trim();
    if (name === '') {
      out.push(diag('tags.empty', tag.span, 'An empty tag.', [{ title: 'Remove the empty tag', edits: [removeTag(text, tag)], preferred: true }]));
      continue;
    }
    const stripped = coreOf(name);
    const n = normalise(stripped);
    if (stripped === '') {
      out.push(diag('tags.punctuation', tag.span, `[[${tag.name}]] is only punctuation, not a subject.`, [
        { title: `Remove [[${tag.name}]]`, edits: [removeTag(text, tag)], preferred: true },
      ]));
      continue;
    }
    // "[[said.]]", "[[“The]]": a common word under punctuation stays a common word once cleaned, so the finding is
    // the common word and the fix removes it; the message names the punctuation, which is what the writer sees.
    if (STOP_WORDS.has(n) && !isCapitals(stripped)) {
      out.push(stopWord(text, tag, stripped));
      continue;
    }
    // Possessives are read before the trailing apostrophe of "customers’" is taken for punctuation.
    const poss = POSSESSIVE.exec(trimEndWhere(name.replace(LEADING, ''), /[\s,;:.!?"“”()…]/u));
    if (poss && poss[1].length > 1) {
      const base = coreOf(poss[1]);
      // "What’s", "There’s": a contraction of a common word, not a possessive.
      if (STOP_WORDS.has(normalise(base))) {
        out.push(stopWord(text, tag, stripped));
        continue;
      }
      // "[[customers’]]": a word of the article's prose cut with its apostrophe, not a name; removing it is the likelier wish.
      if (/^[a-z][a-z-]*$/.test(base) && usesOf(body, base) > 0 && !existing.has(normalise(base))) {
        out.push(diag('tags.possessive', tag.span, `[[${tag.name}]] looks cut from a sentence of the article, not a subject.`, [
          { title: `Remove [[${tag.name}]]`, edits: [removeTag(text, tag)], preferred: true },
          { title: `Change to [[${base}]]`, edits: [{ span: tag.nameSpan, newText: base }] },
        ]));
        continue;
      }
      // "[[Network’s]]" cut from "Poly Network’s": the name the body writes in full is the tag.
      const full = fullNameBefore(body, poss[0], base);
      const tagAs = full ?? base;
      out.push(diag('tags.possessive', tag.span, `[[${tag.name}]] is a possessive; tag the name itself, [[${tagAs}]].`, [
        cleanFix(text, tag, tagAs, existing, ''),
        ...(full ? [{ title: `Change to [[${base}]]`, edits: [{ span: tag.nameSpan, newText: base }] }] : []),
      ]));
      continue;
    }
    // "[[%windir%\\sysnative\\runonce.exe","Method]]": pasted code or data, with quotes and backslashes inside.
    if (/["“”\\{}<>|]/u.test(stripped)) {
      out.push(diag('tags.punctuation', tag.span, `[[${tag.name}]] is code or data pasted into a tag, not a subject.`, [
        { title: `Remove [[${tag.name}]]`, edits: [removeTag(text, tag)], preferred: true },
      ]));
      continue;
    }
    if (stripped !== name) {
      // "[[wrote.]]", "[[attacks,]]": a small word of the article's prose with a sentence's punctuation on it was cut
      // from a sentence; removing it is the likelier wish than keeping "[[wrote]]".
      if (/^[a-z][a-z-]*$/.test(stripped) && /[.,;:]$/.test(name) && usesOf(body, stripped) > 0 && !existing.has(n)) {
        out.push(diag('tags.punctuation', tag.span, `[[${tag.name}]] looks cut from a sentence of the article, not a subject.`, [
          { title: `Remove [[${tag.name}]]`, edits: [removeTag(text, tag)], preferred: true },
          { title: `Change to [[${stripped}]]`, edits: [{ span: tag.nameSpan, newText: stripped }] },
        ]));
        continue;
      }
      out.push(diag('tags.punctuation', tag.span, `[[${tag.name}]] has punctuation stuck to it; the tag is [[${stripped}]].`, [
        cleanFix(text, tag, stripped, existing, ''),
      ]));
      continue;
    }
    clean.push(tag);
  }
  checkVariants(text, clean, source, body, out);
}

/** What a reader calls each character `LEADING` and `TRAILING` cut from a tag. */
const PUNCTUATION_NAMES: Record<string, string> = {
  ',': 'a comma', ';': 'a semicolon', ':': 'a colon', '.': 'a full stop', '!': 'an exclamation mark', '?': 'a question mark',
  '"': 'a quotation mark', '“': 'a quotation mark', '”': 'a quotation mark', '„': 'a quotation mark',
  '‘': 'a quotation mark', '’': 'a quotation mark', "'": 'a quotation mark',
  '(': 'a bracket', ')': 'a bracket', '[': 'a bracket', ']': 'a bracket', '{': 'a bracket', '}': 'a bracket',
  '…': 'an ellipsis', '—': 'a dash', '–': 'a dash', '-': 'a hyphen', '*': 'an asterisk', '/': 'a slash',
  '\\': 'a backslash', '|': 'a vertical bar', '<': 'an angle bracket', '>': 'an angle bracket',
};

/** "a full stop", "a quotation mark and a full stop": the kinds of punctuation in `chars`, each once, in order. */
function punctuationNames(chars: string): string[] {
  const names: string[] = [];
  for (const c of chars) {
    const name = PUNCTUATION_NAMES[c];
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

function listed(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * How the punctuation is glued to `word` in `name`: "ends in a full stop", "opens on a quotation mark",
 * "stands in brackets". Empty when there is none.
 */
function gluedPunctuation(name: string, word: string): string {
  const at = name.indexOf(word);
  if (at < 0) return '';
  const before = punctuationNames(name.slice(0, at));
  const after = punctuationNames(name.slice(at + word.length));
  if (before.length === 1 && after.length === 1 && before[0] === after[0] && (before[0] === 'a quotation mark' || before[0] === 'a bracket')) {
    return `stands in ${before[0].slice(2)}s`;
  }
  const parts: string[] = [];
  if (before.length) parts.push(`opens on ${listed(before)}`);
  if (after.length) parts.push(`ends in ${listed(after)}`);
  return parts.join(' and ');
}

/** A common word as a tag, "[[it’s]]"; named without the punctuation stuck to it, "[[said.]]", which is then named too. */
function stopWord(text: string, tag: Tag, word: string): Diagnostic {
  const glued = gluedPunctuation(tag.name.trim(), word);
  const message = glued
    ? `[[${tag.name}]] is a common word, “${word}”, that ${glued}: not a subject, it links this article to nothing useful.`
    : `[[${tag.name}]] is a common word, not a subject: it links this article to nothing useful.`;
  return diag('tags.stop-word', tag.span, message, [{ title: `Remove [[${tag.name}]]`, edits: [removeTag(text, tag)], preferred: true }]);
}

/**
 * Whether a tag names a subject as written: no punctuation around it, no common word ("[[said.]]", "[[“The]]",
 * "[[it’s]]"), no possessive, no pasted code; what the checks above say nothing of. Topic cards and references
 * (`DocSummary.topics`) count only these.
 */
export function isSubjectTag(name: string): boolean {
  const n = name.trim();
  if (n === '') return false;
  // Most tags begin and end on a letter or a digit: no punctuation to take off (`coreOf` is the slower test).
  const edges = isAlnum(n.charCodeAt(0)) && isAlnum(n.charCodeAt(n.length - 1));
  return (edges || coreOf(n) === n) && !STOP_WORDS.has(normalise(n)) && !POSSESSIVE.test(n) && !/["“”\\{}<>|]/u.test(n);
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** A tag's name without the punctuation a scraper leaves around words. */
export function coreOf(name: string): string {
  let s = name.trim().replace(LEADING, '');
  const trimmed = trimEndWhere(s, TRAILING);
  if (trimmed.length < s.length) {
    let trail = s.slice(trimmed.length);
    // Keep the dot of a dotted abbreviation ("U.S.", and "U.S.," keeps "U.S.").
    // The signs of "C++" and "C#" are not in TRAILING at all.
    if (trail.charCodeAt(0) === 46 && DOTTED.test(s.slice(0, s.length - trail.length))) trail = trail.slice(1);
    s = s.slice(0, s.length - trail.length);
  }
  return s;
}

function checkVariants(text: string, tags: Tag[], source: string | undefined, body: string, out: Diagnostic[]): void {
  const byKey = new Map<string, Tag[]>();
  for (const t of tags) {
    const k = normalise(t.name.trim());
    const list = byKey.get(k);
    if (list) list.push(t);
    else byKey.set(k, [t]);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const spellings = new Map<string, number>();
    for (const t of list) spellings.set(t.name.trim(), (spellings.get(t.name.trim()) ?? 0) + 1);
    // The preferred spelling: the outlet's own name; else the one the body writes most ("PowerShell", not the
    // tag line's "powershell"); else the one tagged most; else one with capitals ("DLL", "macOS"); else the first.
    let preferred = list[0].name.trim();
    if (source && spellings.has(source.trim())) preferred = source.trim();
    else {
      let best: number[] | undefined;
      for (const [s, n] of spellings) {
        const score = [usesOf(body, s), n, /[A-Z]/.test(s) ? 1 : 0];
        if (!best || score[0] > best[0] || (score[0] === best[0] && (score[1] > best[1] || (score[1] === best[1] && score[2] > best[2])))) {
          best = score;
          preferred = s;
        }
      }
    }
    const keptAt = list.find((t) => t.name.trim() === preferred)!;
    for (const t of list) {
      if (t === keptAt) continue;
      const same = apostrophes(t.name.trim()) === apostrophes(preferred);
      out.push(diag(same ? 'tags.duplicate' : 'tags.case-variant', t.span,
        same ? `[[${t.name}]] is already a tag.` : `[[${t.name}]] and [[${preferred}]] differ only in case; keep one spelling, [[${preferred}]]${source && preferred === source.trim() ? ' (as the Source writes it)' : ''}.`,
        [{ title: `Remove [[${t.name}]]${same ? '' : ` (keep [[${preferred}]])`}`, edits: [removeTag(text, t)], preferred: true }],
        [{ span: keptAt.span, message: `[[${preferred}]] is kept.` }]));
    }
  }
}

function checkKeyValueTags(text: string, groups: TagGroup[], out: Diagnostic[]): void {
  for (const g of groups) {
    const seen = new Map<string, Tag>();
    for (const t of g.tags) {
      if (t.key !== undefined && t.value === '') {
        out.push(diag('tags.empty', t.span, `[[${t.name}]] has no value.`, [{ title: `Remove [[${t.name}]]`, edits: [removeTag(text, t)], preferred: true }]));
        continue;
      }
      if (t.name.trim() === '') {
        out.push(diag('tags.empty', t.span, 'An empty tag.', [{ title: 'Remove the empty tag', edits: [removeTag(text, t)], preferred: true }]));
        continue;
      }
      const first = seen.get(t.name);
      if (first) {
        out.push(diag('tags.duplicate', t.span, `[[${t.name}]] is already a tag in ${g.heading?.text ?? 'this group'}.`, [
          { title: `Remove the second [[${t.name}]]`, edits: [removeTag(text, t)], preferred: true },
        ], [{ span: first.span, message: 'The first one.' }]));
        continue;
      }
      seen.set(t.name, t);
    }
  }
}
