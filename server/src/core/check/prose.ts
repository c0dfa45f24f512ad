/**
 * Proofreading an article's prose: what a copy editor catches on a read
 * through, checked without the corpus. Weekdays that do not fit their dates
 * are in `weekdays.ts`; words written twice in a row, misplaced thousands
 * commas, "a" for "an" and CVE identifiers written wrong are here.
 */
import type { Article } from '../syntax/ast';
import { diag, type Diagnostic, type Fix } from '../diagnostics';
import { isCveId } from '../extract/entities';
import { visibleText } from '../extract/numbers';
import { monthOf } from '../syntax/dates';
import { checkWeekdays } from './weekdays';

/** The running text of an article: title, subtitle, the body's paragraphs, list items, quotations and headings. */
export function proseRegions(a: Article): [number, number][] {
  const out: [number, number][] = [];
  if (a.title) out.push([a.title.span.start, a.title.span.end]);
  if (a.subtitle) out.push([a.subtitle.span.start, a.subtitle.span.end]);
  for (const b of a.body?.blocks ?? []) {
    if (b.kind === 'paragraph' || b.kind === 'list-item' || b.kind === 'blockquote') out.push([b.span.start, b.span.end]);
    else if (b.kind === 'heading') out.push([b.textSpan.start, b.textSpan.end]);
  }
  return out;
}

/**
 * A region of prose as the checks read it: where it starts in the document, its text as written, and its text as
 * a reader sees it, of the same length (a link's address and code as spaces, `visibleText` and `blankCode`).
 */
export interface Prose {
  start: number;
  raw: string;
  v: string;
}

/**
 * Every proofreading check of an article, on its prose read once: `checkArticle` runs this on each keystroke, and
 * each check reading the regions again cost as much again.
 */
export function checkProse(text: string, a: Article, out: Diagnostic[]): void {
  const prose: Prose[] = proseRegions(a).map(([start, end]) => {
    const raw = text.slice(start, end);
    return { start, raw, v: blankCode(visibleText(raw)) };
  });
  checkWeekdays(a, prose, out);
  checkRepeatedWords(text, a, prose, out);
  checkSeparators(prose, out);
  checkIndefiniteArticles(prose, out);
  checkCveIds(prose, out);
}

/**
 * Strings written as CVE identifiers that are none (`cve.malformed`): an identifier is "CVE-", a year of four digits and
 * a number of four digits or more ("CVE-2021-44228"). The real corpus has one, three times in one article: "tracked as
 * CVE-2021-08-25", a date typed where the number goes. Where the identifier meant is plain (a year of two digits, "CVE-21-44228"; no hyphen after
 * "CVE", "CVE2021-44228"), the fix writes it; otherwise the message says what one looks like. Not inside a web address
 * ("…/vuln/detail/CVE-2021-08-25") nor a file's name ("CVE-2021-08-25.pdf"). "CVE 2021-44228", with a space, is read as the identifier and left alone.
 */
const CVE_LIKE = /(?<![A-Za-z0-9/=.?#&-])CVE-?(\d+)((?:-\d+)+)(?![A-Za-z0-9-]|\.\w)/gi;

function checkCveIds(prose: Prose[], out: Diagnostic[]): void {
  for (const { start, v } of prose) {
    if (!/cve/i.test(v)) continue;
    CVE_LIKE.lastIndex = 0;
    for (let m = CVE_LIKE.exec(v); m; m = CVE_LIKE.exec(v)) {
      const [written, year, rest] = m;
      const parts = rest.slice(1).split('-');
      if (isCveId(written)) continue;
      const yearOk = year.length === 4 && /^(?:199\d|20\d\d)$/.test(year);
      const numberOk = parts.length === 1 && parts[0].length >= 4 && parts[0].length <= 7;
      let meant: string | undefined;
      // A year of two digits: 99 is 1999, when the list began; 00 to 49 this century's; any other, no year of the list.
      const twoDigits = year.length === 2 && (year === '99' || Number(year) <= 49);
      if (numberOk && (yearOk || twoDigits)) meant = `CVE-${twoDigits ? (year === '99' ? '19' : '20') + year : year}-${parts[0]}`;
      if (meant && !isCveId(meant)) meant = undefined;
      const at = start + m.index;
      const span = { start: at, end: at + written.length };
      out.push(diag('cve.malformed', span, `“${written}” is not a CVE identifier: those are CVE-, a year, a hyphen and a number of four digits or more (CVE-2021-44228 is one).${meant ? ` Is it ${meant}?` : ''}`,
        meant ? [{ title: `Write ${meant}`, edits: [{ span, newText: meant }] }] : undefined));
    }
  }
}

/** Doubles that English allows ("what it is is", "he had had", "argues that that rule", "told her her account"), and a few names. */
const ALLOWED = new Set(['that', 'had', 'has', 'her', 'is', 'was', 'do', 'does', 'very', 'no', 'bye', 'ha', 'so', 'knock', 'night', 'yeah', 'wait', 'well', 'now',
  'there', 'tut', 'blah', 'yada', 'go', 'bora', 'walla', 'can', 'hush', 'ho', 'la', 'ta', 'tsk', 'boo', 'chop', 'choo', 'dum', 'mm', 'hmm', 'uh', 'um']);
/**
 * Words never written twice on purpose: their second copy goes with "Fix all". Not "in" and "on" ("broke in in
 * March", "logged on on Monday"), nor "will" (Will, a name): those doubles are marked, their fix only offered.
 */
const NEVER_TWICE = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'for', 'with', 'at', 'by', 'from', 'as', 'about', 'their',
  'were', 'are', 'be', 'been', 'have', 'would', 'should', 'could', 'this', 'these', 'those', 'into', 'than', 'its', 'our', 'your']);

/**
 * `article.repeated-word`: "the the", "were were", "Cisco Cisco Catalyst".
 * The real corpus has 96, in published articles. Left alone:
 * doubles English allows (`ALLOWED`); a capitalised word after a lower-case
 * one unless a function word starts a sentence's name ("the The UK's" is a
 * slip, "secure Secure Shell" is not); a name written twice in capitals
 * ("Walla Walla", "Sirhan Sirhan") unless a name goes on after it and the
 * article writes it once elsewhere ("Cisco Cisco Catalyst" beside "Cisco");
 * a word before its web address ("Twitter twitter.com"); words
 * across a line break (a scraped caption's "Image: Google" and the
 * paragraph's "Google has…" under it); link destinations and code spans.
 * In speech (quotations, a podcast's transcript, a stutter after a comma)
 * the double is marked but its fix never goes with "Fix all" (`speechSpans`).
 */
function checkRepeatedWords(text: string, a: Article, prose: Prose[], out: Diagnostic[]): void {
  let alone: ((word: string) => boolean) | undefined;
  let inSpeech: ((offset: number) => boolean) | undefined;
  for (const { start, v } of prose) {
    for (const { at: m, copies } of doubles(v)) {
      const length = wordLength(v, m);
      const word = v.slice(m, m + length);
      const second = v.slice(m + length + 1, m + 2 * length + 1);
      const lower = word.toLowerCase();
      if (ALLOWED.has(lower)) continue;
      const capFirst = isCapital(word);
      const capSecond = isCapital(second);
      // "a A$1.5 million penalty", "a A+ rating": a letter of two cases is an article and a letter.
      if (length === 1 && capFirst !== capSecond) continue;
      if (!capFirst && capSecond && !NEVER_TWICE.has(lower)) continue;
      if (capFirst && capSecond && !NEVER_TWICE.has(lower)) {
        // A name written twice is a slip where a name goes on after it ("Kerry Kerry Matre", "Cisco Cisco Catalyst")
        // and the article writes it once elsewhere; "Sirhan Sirhan was convicted … Sirhan appealed" is his name.
        const next = m + (copies + 1) * length + copies;
        if ((v.charCodeAt(next) !== 32 && v.charCodeAt(next) !== 9) || !isCapital(v[next + 1] ?? '')) continue;
        alone ??= standsAlone(text, a);
        if (!alone(word)) continue;
      }
      const at = start + m;
      const last = at + copies * (length + 1);
      const written = text.slice(at, last + length);
      // Speech may be written as spoken: inside quotation marks ("the the types", in a researcher's quote), in a
      // transcript's turns ("**Jennifer Bisceglie:** … what was stolen and, and and if there’s …"), or a stutter
      // that a comma shows ("and, and and"). The fix is offered, never applied unasked (`--fix`).
      const spoken = stutter(v, m, length) || (inSpeech ??= speechSpans(text, a))(at);
      out.push(diag('article.repeated-word', { start: at, end: last + length }, `“${written.replace(/\s+/g, ' ')}”: a word written ${copies === 1 ? 'twice' : `${copies + 1} times`} in a row.`,
        [{ title: copies === 1 ? `Delete the second “${second}”` : `Keep one “${word}”`, edits: [{ span: { start: at + length, end: last + length }, newText: '' }], preferred: NEVER_TWICE.has(lower) && !capSecond && !spoken }]));
    }
  }
}

/**
 * Whether the double at `m` (a word of `length` letters) repeats the word before it with a comma between: "and, and
 * and", "to, to to". Nobody types "and, and and" by slip: it is speech as spoken.
 */
function stutter(v: string, m: number, length: number): boolean {
  let k = m;
  while (k > 0 && (v.charCodeAt(k - 1) === 32 || v.charCodeAt(k - 1) === 9)) k--;
  if (k === m || v.charCodeAt(k - 1) !== 44) return false;
  const before = k - 1 - length;
  return before >= 0 && sameLetters(v, before, m, length) && (before === 0 || !isLetter(v.charCodeAt(before - 1)));
}

/**
 * A speaker's label opening a paragraph of a transcript: "**Lisa Vaas:**", "George Glass: ", "**Aron**:" (one to
 * three capitalised words and a colon, in bold or not).
 */
const SPEAKER = /^(\*\*|__)?(\p{Lu}[\p{L}'’.-]*(?:[ \t]\p{Lu}[\p{L}'’.-]*){0,2})(?::\1|\1:)[ \t]/u;

/**
 * Whether an offset is in speech: inside a quotation of the body (its marks included), or in a transcript. An article
 * is a transcript from its first turn on when two speakers each open two paragraphs or more with their label (a host
 * and a guest: "**Lisa Vaas:** …", "**George Glass:** …"); the paragraphs between turns are the speaker's too ("But
 * you know, in a, in a slightly selfish way …"), up to a heading after the last turn (the outlet's own text after the
 * transcript). One label ("**SEE:**", "Image:") or two used once each is no transcript.
 */
function speechSpans(text: string, a: Article): (offset: number) => boolean {
  const spans: { start: number; end: number }[] = [];
  const blocks = a.body?.blocks ?? [];
  const turns: { start: number; label: string }[] = [];
  const count = new Map<string, number>();
  for (const b of blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'list-item' && b.kind !== 'blockquote') continue;
    for (const q of b.quotes) spans.push(q.span);
    if (b.kind !== 'paragraph') continue;
    const label = SPEAKER.exec(text.slice(b.span.start, Math.min(b.span.end, b.span.start + 80)))?.[2];
    if (!label) continue;
    turns.push({ start: b.span.start, label });
    count.set(label, (count.get(label) ?? 0) + 1);
  }
  let speakers = 0;
  for (const n of count.values()) if (n >= 2) speakers++;
  if (speakers >= 2) {
    const spoken = turns.filter((t) => count.get(t.label)! >= 2);
    const first = spoken[0].start;
    const lastTurn = spoken[spoken.length - 1].start;
    const heading = blocks.find((b) => b.kind === 'heading' && b.span.start > lastTurn);
    spans.push({ start: first, end: heading ? heading.span.start : a.body!.span.end });
  }
  return (o) => spans.some((s) => s.start <= o && o < s.end);
}

/**
 * Each word written twice (or more) in a row with one space or tab between, in order: where it starts and how many
 * copies follow. Letters A–Z only, compared without case; the first not part of a longer token before it (an
 * address, a handle, "AT&T", a number, a hyphenated word), the last not going on into one ("the the-" is none,
 * nor "Twitter twitter.com"). One pass over the characters.
 */
function doubles(v: string): { at: number; copies: number }[] {
  const out: { at: number; copies: number }[] = [];
  const n = v.length;
  let i = 0;
  while (i < n) {
    if (!isLetter(v.charCodeAt(i)) || (i > 0 && joinsBefore(v.charCodeAt(i - 1)))) { i++; continue; }
    const length = wordLength(v, i);
    let copies = 0;
    let j = i + length;
    for (;;) {
      const sep = j < n ? v.charCodeAt(j) : 0;
      if ((sep !== 32 && sep !== 9) || j + 1 >= n) break;
      const k = j + 1 + wordLength(v, j + 1);
      if (k - j - 1 !== length || !sameLetters(v, i, j + 1, length) || (k < n && joinsAfter(v, k))) break;
      copies++;
      j = k;
    }
    if (copies) out.push({ at: i, copies });
    i = j;
  }
  return out;
}

/** The length of the run of letters A–Z at `at`. */
function wordLength(v: string, at: number): number {
  let k = at;
  while (k < v.length && isLetter(v.charCodeAt(k))) k++;
  return k - at;
}

function sameLetters(v: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if ((v.charCodeAt(a + k) | 0x20) !== (v.charCodeAt(b + k) | 0x20)) return false;
  return true;
}

function isLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 97 && l <= 122;
}

/** A character that makes a word before it part of a longer token: a letter or digit, an accented letter, ' ’ - . / @ # & _ \. */
function joinsBefore(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f) || c === 39 || c === 0x2019 || c === 45 || c === 46 || c === 47
    || c === 64 || c === 35 || c === 38 || c === 95 || c === 92;
}

/** Whether what stands at `k` makes the word before it part of a longer token: a letter or digit, an accented letter, ' ’ - @ & _ $ + # %, or a dot before a letter ("twitter.com"). */
function joinsAfter(v: string, k: number): boolean {
  const c = v.charCodeAt(k);
  return isLetter(c) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f) || c === 39 || c === 0x2019 || c === 45 || c === 64 || c === 38 || c === 95
    || c === 36 || c === 43 || c === 35 || c === 37 || (c === 46 && isLetter(v.charCodeAt(k + 1)));
}

function isCapital(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** Code spans as spaces (same length): `type type` in a command is no slip. A span ends at its closing mark on the same line. */
export function blankCode(v: string): string {
  let at = v.indexOf('`');
  if (at < 0) return v;
  let out = '';
  let from = 0;
  while (at >= 0) {
    let close = at + 1;
    while (close < v.length && v.charCodeAt(close) !== 96 && v.charCodeAt(close) !== 10) close++;
    if (close >= v.length || v.charCodeAt(close) === 10) {
      at = v.indexOf('`', close);
      continue;
    }
    out += v.slice(from, at) + ' '.repeat(close + 1 - at);
    from = close + 1;
    at = v.indexOf('`', from);
  }
  return out + v.slice(from);
}

/** Whether a capitalised word stands alone somewhere in the article (not written twice there). */
function standsAlone(text: string, a: Article): (word: string) => boolean {
  const words = new Map<string, number>();
  const doubled = new Map<string, number>();
  for (const [start, end] of proseRegions(a)) {
    const v = text.slice(start, end);
    const re = /[A-Za-z]+/g;
    let last = '';
    let lastEnd = -2;
    for (let m = re.exec(v); m; m = re.exec(v)) {
      words.set(m[0], (words.get(m[0]) ?? 0) + 1);
      if (m[0] === last && m.index === lastEnd + 1) doubled.set(m[0], (doubled.get(m[0]) ?? 0) + 1);
      last = m[0];
      lastEnd = m.index + m[0].length;
    }
  }
  return (word) => (words.get(word) ?? 0) > 2 * (doubled.get(word) ?? 0);
}

/**
 * A number whose one comma does not stand before three digits (`figure.separator`): "300,00 people" (300,000 or
 * 30,000?), "1,5000 customers" (15,000 or 1,500?), "$3,38 million" (a decimal comma: 3.38 million). The real
 * corpus has six, each a slip in a published article. Read as a decimal comma alone: two digits after "0," or
 * before a scale, a per cent sign or a currency's name ("0,50", "1,25%", "12,50 euros"); after a currency's sign,
 * a decimal comma first ("$300,00": 300.00 or 300,000?). Left alone: a number with two commas or more (a list of
 * ports, "21,80,445,4899,8080"; the Indian grouping, "1,82,813"), one digit after the comma ("model 9,1"), five
 * or more (no grouping at all), a day and a year with no space between ("Aug. 16,2021"), ports ("ports 22,80"),
 * and anything inside an address or code.
 */
const GROUPED = /(?<![\d.,])(\d{1,3}),(\d+)(?![\d,]|\.\d)/g;
const SCALE_AFTER = /^(?:\r?\n|[ \t])?(?:million|billion|trillion|thousand|bn|mn|[mkb])\b/i;
const DECIMAL_AFTER = /^(?:[ \t]?%|[ \t]?per[ \t]?cent\b|[ \t](?:euros?|eur|cents?|pence|dollars?|pounds?|francs?|kronor|kroner|zloty|lei|rubles?|roubles?)\b)/i;
const CURRENCY_BEFORE = /(?:[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN)[ \t]?)$/;
const PORTS = /\b(?:ports?|IDs?)\b/gi;
const NUMBERS_ONLY = /^[\d,:() \t\r\n]*(?:(?:and|or)\b[\d,:() \t\r\n]*)*$/;

/** A month right before a day ("Aug. 16,2021", "(Aug. 16,2021)"), or ports or ids before a list of numbers ("ports 22,80 and 443,8080"). */
function notANumberBefore(before: string): boolean {
  // The word before, past white space and a dot: a month's name or its abbreviation.
  let end = before.length;
  while (end > 0 && /\s/.test(before[end - 1])) end--;
  if (end < before.length) {
    if (before[end - 1] === '.') end--;
    let start = end;
    while (start > 0 && isLetter(before.charCodeAt(start - 1))) start--;
    if (start < end && monthOf(before.slice(start, end)) !== undefined) return true;
  }
  let last = -1;
  PORTS.lastIndex = 0;
  for (let m = PORTS.exec(before); m; m = PORTS.exec(before)) last = m.index + m[0].length;
  return last >= 0 && NUMBERS_ONLY.test(before.slice(last));
}

function checkSeparators(prose: Prose[], out: Diagnostic[]): void {
  for (const { start, v } of prose) {
    if (!v.includes(',')) continue;
    GROUPED.lastIndex = 0;
    for (let m = GROUPED.exec(v); m; m = GROUPED.exec(v)) {
      const [written, head, tail] = m;
      if (tail.length !== 2 && tail.length !== 4) continue;
      const before = v.slice(Math.max(0, m.index - 40), m.index);
      if (notANumberBefore(before)) continue;
      const after = v.slice(m.index + written.length, m.index + written.length + 12);
      const span = { start: start + m.index, end: start + m.index + written.length };
      const edit = (newText: string) => ({ title: `Write ${newText}`, edits: [{ span, newText }] });
      const digits = head + tail;
      const decimal = `${head}.${tail}`;
      if (tail.length === 2) {
        const scale = SCALE_AFTER.exec(after) ?? DECIMAL_AFTER.exec(after);
        if (scale || head === '0') {
          const then = scale ? scale[0].replace(/\s+/g, ' ') : '';
          out.push(diag('figure.separator', span, `${written}${then}: a decimal comma? English writes ${decimal}${then}.`, [edit(decimal)]));
          continue;
        }
        if (CURRENCY_BEFORE.test(before)) {
          const thousands = group(`${digits}0`);
          out.push(diag('figure.separator', span, `${written} has two digits after its comma: ${decimal} (a decimal comma) or ${thousands}?`, [edit(decimal), edit(thousands)]));
          continue;
        }
      }
      if (head === '0') continue;
      // The digits as written with the comma in its place, and with a digit added or dropped so that it fits.
      const moved = group(digits);
      const other = tail.length === 2 ? group(`${digits}0`) : group(digits.slice(0, -1));
      const [first, second] = tail.length === 2 ? [other, moved] : [moved, other];
      out.push(diag('figure.separator', span, `${written} has ${tail.length === 2 ? 'two digits' : 'four digits'} after its comma: ${first} or ${second}?`, [edit(first), edit(second)]));
    }
  }
}

/** Digits with a comma before each group of three from the right ("15000" → "15,000"). */
function group(digits: string): string {
  const d = digits.replace(/^0+(?=\d)/, '');
  return d.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * "a" before a vowel's sound or "an" before a consonant's (`article.indefinite`, information): "a ongoing
 * menace", "a organization", "an company"; and the words said otherwise than spelt: "an unique", "a hour". Lower-case articles and words only (a capital "A" is as often a
 * letter: "series A", "M&A"; an acronym's article follows how its letters are said). Left alone: words of three
 * letters or fewer ("a url"), words whose first vowel is said as a consonant ("a user", "a unique", "a euro",
 * "a one-time"), "an" before any "h" ("an hour", "an historic") or before a letter said with a vowel first and
 * another consonant ("an svchost", "an smb": es, ef, el, em, en, ar, ex).
 */
const INDEFINITE = /(?<![\w'’&.\-\\/])(an?)[ \t]([a-z][a-z\u00c0-\u024f-]*)(?![\w'’\u00c0-\u024f])/g;
/** Words starting with a vowel letter said as a consonant: "you" and "w" sounds. */
const CONSONANT_VOWEL = /^(?:u(?:ni|s[aeub-]|ti|to|te|ra|ri|re[nt]|ro|ku|bi|fo|nary|nanim|u|ef|k-|-)|eu|ew|one|once|ouija)/;
/**
 * Words that take "a" though they open with a vowel letter ("an unique", "an user", "an one-time": the slip of
 * writing as spelt), and words that take "an" though they open with "h" ("a hour", "a honest"). Whole words, not
 * `CONSONANT_VOWEL`'s beginnings: "an unidentified", "an unusual" and "an uncle" are right.
 */
const SAID_YOU = /^(?:unique(?:ly|ness)?|uni(?:t|ts|ted|ty|on|ons|corn|corns|form|forms|formly|fied|versal|versally|verse|versity|versities|lateral|laterally)|users?|username|usual|usually|useful|usefulness|usage|utility|utilities|utili[sz](?:e|ed|es|ing|ation)|ubiquitous|eu|euro|euros|european|eulogy|one|once|one-[a-z]+)$/;
const SILENT_H = /^(?:hours?|hourly|honest|honestly|honesty|hono(?:u)?r(?:s|ed|able|ary)?|heirs?|heiress)$/;

/** Words before which "a" is a letter: "option a", "grade a eggs". */
const LETTER_AFTER = new Set(['option', 'grade', 'plan', 'type', 'class', 'series', 'vitamin', 'part', 'section', 'appendix', 'exhibit', 'schedule',
  'category', 'tier', 'step', 'phase', 'group', 'figure', 'table', 'point', 'item', 'list', 'side', 'model', 'version', 'annex', 'article', 'paragraph']);

/**
 * Words no article stands before: conjunctions, pronouns, prepositions, auxiliaries. After "an" the slip is "and"
 * missing its "d" ("an then", "an the"), after "a" a stray letter; read at any length (no acronym is written so).
 */
const NO_ARTICLE = new Set(['and', 'but', 'nor', 'then', 'than', 'the', 'they', 'them', 'their', 'theirs', 'there', 'these', 'those', 'this',
  'that', 'which', 'when', 'where', 'while', 'whom', 'whose', 'because', 'although', 'though', 'unless', 'until', 'upon', 'were', 'was',
  'are', 'is', 'been', 'will', 'would', 'could', 'should', 'shall', 'must', 'might', 'have', 'has', 'had', 'does', 'did', 'also', 'into',
  'onto', 'with', 'from', 'about', 'after', 'before', 'against', 'between', 'within', 'without', 'among', 'its', 'itself', 'our', 'ours',
  'she', 'you', 'your', 'his', 'her', 'not', 'for', 'of', 'to', 'by', 'so', 'we', 'he', 'it', 'if', 'or', 'as', 'at', 'in', 'on']);
/** Nouns that take no article where they end their phrase ("that's a advice."): "an advice", "an information" are no English. */
const MASS = new Set(['advice', 'information', 'equipment', 'evidence', 'electricity', 'research', 'software', 'malware', 'spyware',
  'hardware', 'feedback', 'knowledge', 'news', 'guidance', 'furniture', 'luggage', 'homework', 'traffic', 'money', 'data']);
/** Words in -s that are no plurals ("a series", "an analysis", "an always-on"). */
const NOT_PLURAL = new Set(['series', 'species', 'means', 'news', 'always', 'perhaps', 'whereas', 'overseas', 'alias', 'bias', 'atlas',
  'canvas', 'lens', 'gas', 'chaos', 'kudos', 'towards', 'afterwards', 'backwards', 'sometimes', 'besides', 'unless', 'across', 'thus',
  'its', 'his', 'hers', 'ours', 'yours', 'theirs', 'was', 'has', 'does', 'is', 'this', 'yes', 'pros', 'cons', 'mathematics', 'physics',
  'ethics', 'economics', 'politics', 'analytics', 'logistics', 'electronics', 'earnings', 'savings', 'arms', 'aerobics', 'outskirts']);
/** Plural endings of count nouns: "attackers", "organizations", "increases" needs the article to write "increase". */
const PLURAL_SUFFIX = /(?:ers|ors|ists|ians|ions|ments|ities|ances|ences|ants|ents|ures|ages|ives|ings|eers|ees)$/;
/** Words in -ly that are nouns or adjectives, not adverbs: "an family", "an daily" are "a family", "a daily". */
const NOT_ADVERB = new Set(['family', 'ally', 'assembly', 'supply', 'anomaly', 'monopoly', 'rally', 'reply', 'belly', 'bully', 'jelly',
  'lily', 'fly', 'butterfly', 'italy', 'july', 'early', 'only', 'likely', 'unlikely', 'friendly', 'unfriendly', 'costly', 'daily', 'weekly',
  'monthly', 'yearly', 'quarterly', 'hourly', 'elderly', 'lovely', 'ugly', 'timely', 'deadly', 'silly', 'lonely', 'lively', 'holy',
  'oily', 'orderly', 'scholarly', 'sickly', 'curly', 'burly', 'surly', 'bodily', 'comply', 'apply', 'rely', 'imply', 'multiply',
  'user-friendly', 'manly', 'kindly', 'homely', 'leisurely', 'nightly', 'biweekly', 'bimonthly', 'fly-by-night', 'wily', 'jolly', 'folly', 'tally']);
/**
 * Words that end a noun phrase: after a plural or a mass noun they show that it is the phrase's head ("by a attackers
 * to", "a attackers, which"), not a noun before another ("an earnings call", "an accounts team", "a information
 * security team" is "an information security team").
 */
const PHRASE_AFTER = new Set(['to', 'of', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'and', 'or', 'but', 'that', 'which', 'who', 'whom',
  'whose', 'are', 'were', 'is', 'was', 'have', 'has', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do',
  'does', 'did', 'as', 'than', 'into', 'onto', 'over', 'under', 'about', 'after', 'before', 'against', 'between', 'through', 'during',
  'within', 'without', 'like', 'if', 'when', 'while', 'because', 'so', 'we', 'they', 'he', 'she', 'it', 'you', 'i']);

/** Why the word after an article cannot follow one, if it cannot: a function word, a plural or a mass noun heading its phrase, an adverb. */
type NoArticle = 'function' | 'plural' | 'mass' | 'adverb';

/** The plural's singular ("attackers" → "attacker", "companies" → "company", "boxes" → "box"), or undefined when the word is none. */
function singularOf(word: string): string | undefined {
  if (!/[a-z]s$/.test(word) || /(?:ss|us|is|'s)$/.test(word) || NOT_PLURAL.has(word)) return undefined;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z|ss)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Whether the word ending at `end` ends its noun phrase: punctuation or the text's end after it, or a word of `PHRASE_AFTER`. */
function endsPhrase(v: string, end: number): boolean {
  let k = end;
  while (k < v.length && (v.charCodeAt(k) === 32 || v.charCodeAt(k) === 9)) k++;
  if (k >= v.length || /[\n\r,.;:!?)\]”"’—–]/.test(v[k])) return true;
  let e = k;
  while (e < v.length && isLetter(v.charCodeAt(e))) e++;
  return e > k && PHRASE_AFTER.has(v.slice(k, e));
}

/** The words of an article's prose, lower-cased, read once per check (`writes`). */
const PROSE_WORDS = new WeakMap<Prose[], Set<string>>();

/**
 * Whether the article's prose writes `word` as a word of its own, in any case. The prose's words are gathered once: a
 * scan of the whole prose per "a apples" made an article of them quadratic (20,000 in 200 KB: 21 s a keystroke).
 */
function writes(prose: Prose[], word: string): boolean {
  let words = PROSE_WORDS.get(prose);
  if (!words) {
    words = new Set();
    for (const p of prose) {
      const v = p.v.toLowerCase();
      let start = -1;
      for (let i = 0; i <= v.length; i++) {
        const letter = i < v.length && isLetter(v.charCodeAt(i));
        if (letter && start < 0) start = i;
        else if (!letter && start >= 0) {
          words.add(v.slice(start, i));
          start = -1;
        }
      }
    }
    PROSE_WORDS.set(prose, words);
  }
  return words.has(word);
}

function noArticle(article: string, word: string, v: string, end: number, prose: Prose[]): NoArticle | undefined {
  if (NO_ARTICLE.has(word)) return 'function';
  if (MASS.has(word) && endsPhrase(v, end)) return 'mass';
  const one = singularOf(word);
  if (one && one.length > 2 && endsPhrase(v, end) && (PLURAL_SUFFIX.test(word) || writes(prose, one))) return 'plural';
  if (article === 'an' && /^[a-z]{3,}ly$/.test(word) && !NOT_ADVERB.has(word)) return 'adverb';
  return undefined;
}

/** The article a word takes by its sound ("an attacker", "a user", "an hour"). */
function articleFor(word: string): 'a' | 'an' {
  const head = word.split('-')[0];
  if (SAID_YOU.test(word) || SAID_YOU.test(head)) return 'a';
  if (/^[aeiou]/.test(word)) return CONSONANT_VOWEL.test(word) ? 'a' : 'an';
  return SILENT_H.test(head) ? 'an' : 'a';
}

function checkIndefiniteArticles(prose: Prose[], out: Diagnostic[]): void {
  for (const { start, raw, v } of prose) {
    if (!v.includes('a ') && !v.includes('an ')) continue;
    INDEFINITE.lastIndex = 0;
    for (let m = INDEFINITE.exec(v); m; m = INDEFINITE.exec(v)) {
      const [, article, word] = m;
      // "an then", "an the": "and" without its "d", whatever the word's length ("an after feature", a word quoted as a
      // noun, sounds right and is left alone).
      const slip = article === 'an' && NO_ARTICLE.has(word) && !/^[aeiou]/.test(word);
      // "an one" and "an eu" too: short words left alone are the ones read as letters or acronyms.
      if (!slip && word.replace(/-/g, '').length <= 3 && !(article === 'an' && SAID_YOU.test(word))) continue;
      // A link's bracket inside a word ("c[an provide …](…)", a scraped page's) leaves its letters no article.
      const before = m.index >= 2 ? raw.charCodeAt(m.index - 1) : 0;
      if ((before === 91 || before === 42 || before === 95) && /[A-Za-z]/.test(raw[m.index - 2])) continue;
      if (article === 'a' && LETTER_AFTER.has(wordBefore(v, m.index).toLowerCase())) continue;
      const vowel = /^[aeiou]/.test(word);
      const head = word.split('-')[0];
      let want: string | undefined;
      if (article === 'a' && vowel && !CONSONANT_VOWEL.test(word)) want = 'an';
      // (A compound by its first word: "a hour-long", "an unique-looking".)
      else if (article === 'a' && SILENT_H.test(head)) want = 'an';
      else if (article === 'an' && !vowel && !/^h/.test(word) && !/^[flmnrsx][^aeiouy]/.test(word)) want = 'a';
      else if (article === 'an' && (SAID_YOU.test(word) || SAID_YOU.test(head))) want = 'a';
      if (!want && !slip) continue;
      const at = start + m.index;
      out.push(indefinite(article, word, want, at, noArticle(article, word, v, m.index + m[0].length, prose)));
    }
  }
}

/**
 * The finding for an article that does not fit the word after it, and its fixes, none applied unasked. Where the word
 * can follow an article, the other article ("a organization" → "an organization"). Where it cannot, that one is no
 * fix ("an attackers", "an advice" are no English): after "an" the slip is likelier "and" missing its "d" ("an
 * possibly seeking", "an then"), offered first; after "a", a stray article, or a plural for the singular ("by a
 * attackers to" → "by attackers", "an attacker"). An adverb may still stand before an adjective ("a possibly fatal
 * flaw"), so after "an" it gets both, "and" first.
 */
function indefinite(article: string, word: string, want: string | undefined, at: number, why: NoArticle | undefined): Diagnostic {
  const span = { start: at, end: at + article.length + 1 + word.length };
  const write = (text: string, edit: { start: number; end: number }, newText: string): Fix => ({ title: `Write “${text}”`, edits: [{ span: edit, newText }] });
  const articleSpan = { start: at, end: at + article.length };
  const and = write(`and ${word}`, articleSpan, 'and');
  const none: Fix = { title: `Write “${word}” without an article`, edits: [{ span: { start: at, end: at + article.length + 1 }, newText: '' }] };
  const sound = want ? write(`${want} ${word}`, articleSpan, want) : undefined;
  if (why === undefined && sound) {
    return diag('article.indefinite', span, `“${article} ${word}”: ${want === 'an' ? '“an” before a vowel\'s sound' : '“a” before a consonant\'s sound'}?`, [sound]);
  }
  if (why === 'adverb') {
    return diag('article.indefinite', span, `“${article} ${word}”: “and ${word}”, or “${want ?? 'a'}” before a consonant's sound?`, sound ? [and, sound] : [and]);
  }
  if (why === 'plural') {
    const one = singularOf(word)!;
    const singular = write(`${articleFor(one)} ${one}`, span, `${articleFor(one)} ${one}`);
    return diag('article.indefinite', span, `“${article} ${word}”: “${article}” before a plural?`, article === 'an' ? [and, singular, none] : [none, singular]);
  }
  if (why === 'mass') {
    return diag('article.indefinite', span, `“${article} ${word}”: “${word}” takes no article.`, article === 'an' ? [and, none] : [none]);
  }
  // A word no article stands before: "an then" is "and then"; "a also", a stray "a" (or "a after feature", a word
  // quoted as a noun, which takes "an").
  if (article === 'an') return diag('article.indefinite', span, `“${article} ${word}”: “and ${word}”?`, [and]);
  return diag('article.indefinite', span, `“${article} ${word}”: no article stands before “${word}”?`, sound ? [none, sound] : [none]);
}

/** The word right before `at` (past one run of spaces), or "". */
function wordBefore(v: string, at: number): string {
  let end = at;
  while (end > 0 && (v.charCodeAt(end - 1) === 32 || v.charCodeAt(end - 1) === 9)) end--;
  let start = end;
  while (start > 0 && isLetter(v.charCodeAt(start - 1))) start--;
  return v.slice(start, end);
}
