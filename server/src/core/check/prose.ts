/**
 * Proofreading an article's prose: what a copy editor catches on a read
 * through, checked without the corpus. Weekdays that do not fit their dates
 * are in `weekdays.ts`; words written twice in a row and misplaced thousands
 * commas are here.
 */
import type { Article } from '../syntax/ast';
import { diag, type Diagnostic } from '../diagnostics';
import { visibleText } from '../extract/numbers';

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

/** Doubles that English allows ("what it is is", "he had had", "argues that that rule"), and a few names. */
const ALLOWED = new Set(['that', 'had', 'is', 'do', 'does', 'very', 'no', 'bye', 'ha', 'so', 'knock', 'night', 'yeah', 'wait', 'well', 'now',
  'there', 'tut', 'blah', 'yada', 'go', 'bora', 'walla', 'can', 'hush', 'ho', 'la', 'ta', 'tsk', 'boo', 'chop', 'choo', 'dum', 'mm', 'hmm', 'uh', 'um']);
/** Words never written twice on purpose: their second copy goes with "Fix all". */
const NEVER_TWICE = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'at', 'by', 'from', 'as', 'about', 'their', 'was',
  'were', 'are', 'be', 'been', 'have', 'has', 'will', 'would', 'should', 'could', 'this', 'these', 'those', 'into', 'than', 'its', 'our', 'your']);

/**
 * `article.repeated-word`: "the the", "were were", "Cisco Cisco Catalyst".
 * The real corpus has about a hundred, in published articles. Left alone:
 * doubles English allows (`ALLOWED`); a capitalised word after a lower-case
 * one unless a function word starts a sentence's name ("the The UK's" is a
 * slip, "secure Secure Shell" is not); a name written twice in capitals
 * ("Walla Walla", "Sirhan Sirhan") unless the article also writes it once
 * ("Cisco Cisco Catalyst" where "Cisco" stands alone elsewhere); words
 * across a line break (a scraped caption's "Image: Google" and the
 * paragraph's "Google has…" under it); link destinations and code spans.
 */
export function checkRepeatedWords(text: string, a: Article, out: Diagnostic[]): void {
  let alone: ((word: string) => boolean) | undefined;
  for (const [start, end] of proseRegions(a)) {
    const v = blankCode(visibleText(text.slice(start, end)));
    for (const m of doubles(v)) {
      const word = v.slice(m, m + wordLength(v, m));
      const second = v.slice(m + word.length + 1, m + 2 * word.length + 1);
      const lower = word.toLowerCase();
      if (ALLOWED.has(lower)) continue;
      const capFirst = isCapital(word);
      const capSecond = isCapital(second);
      if (!capFirst && capSecond && !NEVER_TWICE.has(lower)) continue;
      if (capFirst && capSecond && !NEVER_TWICE.has(lower)) {
        alone ??= standsAlone(text, a);
        if (!alone(word)) continue;
      }
      const at = start + m;
      const secondAt = at + word.length + 1;
      out.push(diag('article.repeated-word', { start: at, end: secondAt + second.length }, `“${word} ${second}”: a word written twice in a row.`,
        [{ title: `Delete the second “${second}”`, edits: [{ span: { start: secondAt - 1, end: secondAt + second.length }, newText: '' }], preferred: NEVER_TWICE.has(lower) && !capSecond }]));
    }
  }
}

/**
 * Where a word written twice with one space or tab between starts, in order: letters A–Z only, compared without
 * case; the first not part of a longer token before it (an address, a handle, "AT&T", a number, a hyphenated
 * word), the second not going on into one ("the the-" is none). One pass over the characters.
 */
function doubles(v: string): number[] {
  const out: number[] = [];
  const n = v.length;
  let i = 0;
  while (i < n) {
    if (!isLetter(v.charCodeAt(i)) || (i > 0 && joinsBefore(v.charCodeAt(i - 1)))) { i++; continue; }
    const j = i + wordLength(v, i);
    const sep = j < n ? v.charCodeAt(j) : 0;
    if ((sep === 32 || sep === 9) && j + 1 < n) {
      const k = j + 1 + wordLength(v, j + 1);
      if (k - j - 1 === j - i && (k >= n || !joinsAfter(v.charCodeAt(k))) && sameLetters(v, i, j + 1, j - i)) {
        out.push(i);
        i = k;
        continue;
      }
    }
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

/** A character that makes a word after it part of a longer token: a letter or digit, an accented letter, ' ’ - @ & _. */
function joinsAfter(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f) || c === 39 || c === 0x2019 || c === 45 || c === 64 || c === 38 || c === 95;
}

function isCapital(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** Code spans as spaces (same length): `type type` in a command is no slip. A span ends at its closing mark on the same line. */
function blankCode(v: string): string {
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
 * corpus has six, each a slip in a published article. Left alone: a number with two commas or more (a list of
 * ports, "21,80,445,4899,8080"; the Indian grouping, "1,82,813"), one digit after the comma ("model 9,1"), five
 * or more (no grouping at all), and anything inside an address or code.
 */
const GROUPED = /(?<![\d.,])(\d{1,3}),(\d+)(?![\d,]|\.\d)/g;
const SCALE_AFTER = /^\s?(?:million|billion|trillion|thousand|bn|mn|[mkb])\b/i;

export function checkSeparators(text: string, a: Article, out: Diagnostic[]): void {
  for (const [start, end] of proseRegions(a)) {
    const raw = text.slice(start, end);
    if (!raw.includes(',')) continue;
    const v = blankCode(visibleText(raw));
    GROUPED.lastIndex = 0;
    for (let m = GROUPED.exec(v); m; m = GROUPED.exec(v)) {
      const [written, head, tail] = m;
      if (tail.length !== 2 && tail.length !== 4) continue;
      const span = { start: start + m.index, end: start + m.index + written.length };
      const edit = (newText: string) => ({ title: `Write ${newText}`, edits: [{ span, newText }] });
      const digits = head + tail;
      const scale = tail.length === 2 ? SCALE_AFTER.exec(v.slice(m.index + written.length, m.index + written.length + 12)) : null;
      if (scale) {
        const decimal = `${head}.${tail}`;
        out.push(diag('figure.separator', span, `${written}${scale[0]}: a decimal comma? English writes ${decimal}${scale[0]}.`, [edit(decimal)]));
        continue;
      }
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
