/**
 * Inline structure of one block of running text: Markdown links and images,
 * autolinks, quotations and sentences. Every scan is a single pass, or a
 * fixed number of passes, over the block: matching brackets are paired with a
 * stack first, so 10,000 nested `[` cost as little as 10,000 letters.
 */
import type { Span } from '../text';
import type { Link, Quotation, Sentence } from './ast';

export interface InlineResult {
  links: Link[];
  quotes: Quotation[];
  sentences: Sentence[];
}

const CLOSE_OF: Record<number, number> = { 0x201c: 0x201d, 0x201e: 0x201c, 0xab: 0xbb };
const MAX_QUOTE = 2000;

/**
 * Words that end in a dot without ending a sentence. Lower-case, no final
 * dot. They come in three kinds, because several are also plain English
 * words ("ill", "miss", "no") or time zones ("EST") that do end sentences:
 *
 * - `ANY_CASE`: abbreviations in whatever case ("etc.", "vs.", "e.g.").
 * - `TITLE_CASE`: only when written with a capital and then lower case, the
 *   way titles, months and US states are ("Mr.", "Aug.", "Wash.", "Ill.").
 * - `BEFORE_NUMBER`: only when a number follows ("No. 2", "Fig. 3").
 *
 * Single capital letters (initials) are handled separately.
 */
const ANY_CASE = new Set([
  'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'llc', 'approx', 'dept', 'univ',
  'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'ph.d',
]);
const TITLE_CASE = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'est',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md',
  'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt',
  'wash', 'wis', 'wyo',
]);
const BEFORE_NUMBER = new Set(['no', 'nos', 'fig', 'figs', 'vol', 'p', 'pp']);

/**
 * The three lists in one table, so that a word in none of them (most words
 * before a full stop) costs one look-up, not three. A word in several
 * belongs to the first of ANY_CASE, TITLE_CASE, BEFORE_NUMBER.
 */
const ABBREVIATION_KIND = new Map<string, typeof ANY_CASE | typeof TITLE_CASE | typeof BEFORE_NUMBER>();
for (const kind of [BEFORE_NUMBER, TITLE_CASE, ANY_CASE]) for (const w of kind) ABBREVIATION_KIND.set(w, kind);
/** The longest word in the lists: a longer word before a full stop is no abbreviation, settled without copying it. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATION_KIND.keys()].map((w) => w.length));

/**
 * Scans the block of running text at [start, end). `quoteBlock`: the lines
 * carry `>` marks; `listItem`: the block opens with a list bullet. Neither
 * mark is part of a sentence.
 */
export function scanInline(text: string, start: number, end: number, quoteBlock: boolean, listItem = false): InlineResult {
  // The scans search with native regexes; run on the block alone, a search
  // that finds nothing stops at the block's end, not the document's.
  const block = text.slice(start, end);
  const n = block.length;
  // Brackets are paired once and shared: links need them, and so do sentences
  // (a stop inside a link's text ends no sentence).
  // Most paragraphs hold no `[` (no bracket pairs then): `indexOf` settles that faster than the regex's pass.
  const brackets = block.indexOf('[') >= 0 ? pairs(block, 0, n, 91, 93) : new Map<number, number>();
  // Offsets in the block, spans in the document: each span is made with `start` added, not shifted after.
  const links = scanLinks(block, 0, n, brackets, start);
  const quotes = scanQuotes(block, 0, n, start);
  const sentences = splitSentences(block, listItem ? afterBullet(block, 0, n) : 0, n, quoteBlock, brackets, start);
  return { links, quotes, sentences };
}

/** The offset just past a list bullet (`-`, `*`, `+`, `1.`, `1)`) and the white space after it. */
function afterBullet(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  if (c === 42 || c === 43 || c === 45) {
    i++;
  } else {
    const digits = i;
    while (i < end && i - digits < 9 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === digits || (text.charCodeAt(i) !== 46 && text.charCodeAt(i) !== 41)) return start;
    i++;
  }
  if (i >= end || !isWs(text.charCodeAt(i))) return start;
  while (i < end && isWs(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The offset of the next match of a global regex that matches one character
 * (all the scans' searches do), or -1. `test` rather than `exec`: the match
 * ends at `lastIndex`, and no match array is built for every hit.
 */
function nextHit(re: RegExp, text: string): number {
  return re.test(text) ? re.lastIndex - 1 : -1;
}

const BRACKET_RE = /[\\[\]]/g;
const PAREN_RE = /[\\()\r\n]/g;

/**
 * Pairs `open` and `close` characters of a range with a stack: one pass,
 * which jumps from one interesting character to the next with a native
 * regex search rather than looking at every character in JavaScript.
 */
function pairs(text: string, start: number, end: number, open: number, close: number): Map<number, number> {
  const out = new Map<number, number>();
  const stack: number[] = [];
  const re = open === 91 ? BRACKET_RE : PAREN_RE;
  re.lastIndex = start;
  for (let i = nextHit(re, text); i >= 0 && i < end; i = nextHit(re, text)) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) { re.lastIndex = i + 2; continue; }
    if (c === open) stack.push(i);
    else if (c === close) { if (stack.length) out.set(stack.pop()!, i); }
    else stack.length = 0; // a line end: a link destination never spans lines
  }
  return out;
}

const LINK_START_RE = /[\\[<]/g;

/** `base`: what to add to an offset of `text` for a span (the block's offset in the document). */
function scanLinks(text: string, start: number, end: number, brackets: Map<number, number>, base: number): Link[] {
  const links: Link[] = [];
  if (!brackets.size && text.indexOf('<', start) < 0) return links; // `text` is one block here
  const parens = brackets.size ? pairs(text, start, end, 40, 41) : new Map<number, number>();
  // Destinations already consumed by a link, to be jumped over: [from, to) pairs,
  // nested like the links they belong to, so a stack holds them.
  const jumps: [number, number][] = [];
  const re = LINK_START_RE;
  re.lastIndex = start;
  for (let i = nextHit(re, text); i >= 0 && i < end; i = nextHit(re, text)) {
    if (jumps.length && i >= jumps[jumps.length - 1][0]) {
      re.lastIndex = jumps.pop()![1];
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) { re.lastIndex = i + 2; continue; }
    if (c === 91 /* [ */) {
      const close = brackets.get(i);
      if (close === undefined || text.charCodeAt(close + 1) !== 40) continue;
      const destEnd = parens.get(close + 1);
      if (destEnd === undefined) continue;
      const image = i > start && text.charCodeAt(i - 1) === 33 /* ! */;
      const dest = destination(text, close + 2, destEnd, base);
      links.push({
        text: text.slice(i + 1, close),
        textSpan: { start: base + i + 1, end: base + close },
        url: text.slice(dest.start - base, dest.end - base),
        urlSpan: dest,
        span: { start: base + (image ? i - 1 : i), end: base + destEnd + 1 },
        image,
      });
      jumps.push([close + 1, destEnd + 1]);
    } else if (c === 60 /* < */ && isSchemeAt(text, i + 1)) {
      let j = i + 1;
      while (j < end && j - i < 4000) {
        const d = text.charCodeAt(j);
        if (d === 62 /* > */ || d <= 32) break;
        j++;
      }
      if (text.charCodeAt(j) === 62) {
        links.push({
          text: text.slice(i + 1, j), textSpan: { start: base + i + 1, end: base + j },
          url: text.slice(i + 1, j), urlSpan: { start: base + i + 1, end: base + j },
          span: { start: base + i, end: base + j + 1 }, image: false,
        });
        i = j;
        re.lastIndex = j + 1;
      }
    }
  }
  return links;
}

function isSchemeAt(text: string, i: number): boolean {
  return text.startsWith('http://', i) || text.startsWith('https://', i) || text.startsWith('mailto:', i);
}

/** The URL part of `(url "title")`, without angle brackets or title, `base` added to its offsets. */
function destination(text: string, start: number, end: number, base: number): Span {
  let s = start;
  while (s < end && text.charCodeAt(s) === 32) s++;
  if (text.charCodeAt(s) === 60 /* < */) {
    const close = text.indexOf('>', s);
    if (close > s && close < end) return { start: base + s + 1, end: base + close };
  }
  let e = s;
  while (e < end && text.charCodeAt(e) > 32) e++;
  return { start: base + s, end: base + e };
}

const QUOTE_RE = /[“„«"\n]/g;
// What ends the search for a curly quotation's closing mark: its own closing
// mark, or another opening mark (which means this one was never closed).
const CLOSE_SEARCH: Record<number, RegExp> = { 0x201c: /[”“„«]/g, 0x201e: /[“„«]/g, 0xab: /[»“„«]/g };

function scanQuotes(text: string, start: number, end: number, base: number): Quotation[] {
  const quotes: Quotation[] = [];
  let straightOpen = -1;
  const re = QUOTE_RE;
  re.lastIndex = start;
  for (let i = nextHit(re, text); i >= 0 && i < end; i = nextHit(re, text)) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0x201e || c === 0xab) {
      const close = CLOSE_OF[c];
      const limit = Math.min(end, i + MAX_QUOTE);
      const search = CLOSE_SEARCH[c];
      search.lastIndex = i + 1;
      const found = nextHit(search, text);
      const j = found >= 0 ? found : limit;
      if (j < limit && text.charCodeAt(j) === close && j > i + 1) {
        quotes.push({ text: text.slice(i + 1, j), textSpan: { start: base + i + 1, end: base + j }, span: { start: base + i, end: base + j + 1 } });
        re.lastIndex = j + 1;
      }
    } else if (c === 34 /* " */) {
      if (straightOpen < 0) straightOpen = i;
      else {
        if (i > straightOpen + 1 && i - straightOpen <= MAX_QUOTE) {
          quotes.push({ text: text.slice(straightOpen + 1, i), textSpan: { start: base + straightOpen + 1, end: base + i }, span: { start: base + straightOpen, end: base + i + 1 } });
        }
        straightOpen = -1;
      }
    } else if (straightOpen >= 0 && text.charCodeAt(i + 1) === 10) {
      straightOpen = -1;
    }
  }
  return quotes;
}

function isUpperStart(c: number): boolean {
  // Upper-case letters, digits, opening quotes and brackets, and Markdown emphasis.
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0x201c || c === 0x2018 || c === 34 || c === 39
    || c === 40 || c === 91 || c === 42 || c === 95 || c === 0xab || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());
}

function isClosing(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93 || c === 42 || c === 95 || c === 0xbb;
}

/**
 * White space, Unicode's included: scraped pages put no-break spaces
 * (U+00A0), narrow ones (U+202F) and thin ones (U+2009) between words.
 */
function isWs(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Where the word that ends just before `dot` starts, as written, inner dots
 * kept; -1 when digits run into it ("1st."), which is no abbreviation.
 */
function wordStart(text: string, dot: number, start: number): number {
  let i = dot;
  // (A word longer than the longest abbreviation is none: one letter more tells `abbreviationAt` so.)
  while (i > start && i > dot - LONGEST_ABBREVIATION - 1) {
    const c = text.charCodeAt(i - 1);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
    if (!letter) break;
    i--;
  }
  if (i > start) {
    const c = text.charCodeAt(i - 1);
    if (c >= 48 && c <= 57) return -1;
  }
  return i;
}

/** Whether the dot at `dot` ends an abbreviation (`isAbbreviation`) rather than a sentence. */
function abbreviationAt(text: string, dot: number, start: number, next: number): boolean {
  const w = wordStart(text, dot, start);
  // Most sentence ends are settled by their word's length, without copying it.
  if (w < 0 || w === dot || dot - w > LONGEST_ABBREVIATION) return false;
  return isAbbreviation(text.slice(w, dot), next);
}

function isTitleCase(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 65 && c <= 90 && word.slice(1) === word.slice(1).toLowerCase();
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether the dot after `word` belongs to an abbreviation rather than ending a sentence; `next` is the next word's first character. */
function isAbbreviation(word: string, next: number): boolean {
  if (word.length === 1) return word.charCodeAt(0) >= 65 && word.charCodeAt(0) <= 90; // an initial: "John E. Binns"
  const w = word.toLowerCase();
  const kind = ABBREVIATION_KIND.get(w);
  if (kind === ANY_CASE) return true;
  if (kind === TITLE_CASE) return isTitleCase(word);
  if (kind === BEFORE_NUMBER) return isDigit(next);
  return w.includes('.') && w.length <= 6; // "U.S." and friends
}

/**
 * Where a sentence's text really ends: before trailing white space and, in a
 * block quote, before trailing lines that hold nothing but `>` marks.
 */
function trimEnd(text: string, a: number, b: number, quoteBlock: boolean): number {
  for (;;) {
    while (b > a && isWs(text.charCodeAt(b - 1))) b--;
    if (!quoteBlock) return b;
    // Walk back over the last line; if it is only `>` marks and spaces, drop it.
    let i = b;
    while (i > a && (text.charCodeAt(i - 1) === 62 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
    const lineStart = i === a || text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 13;
    if (!lineStart || i === b || i === a) return b;
    b = i;
  }
}

const STOP_RE = /[[.!?…]/g;

function splitSentences(text: string, start: number, end: number, quoteBlock: boolean, brackets: Map<number, number>, base: number): Sentence[] {
  const out: Sentence[] = [];
  let s = start;
  // A stop inside brackets (a link's text, an image's "Figure 1. The chain")
  // ends no sentence: the whole bracket pair belongs to the one around it.
  let insideUntil = -1;
  const re = STOP_RE;
  re.lastIndex = start;
  for (let i = nextHit(re, text); i >= 0 && i < end; i = nextHit(re, text)) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */) {
      const close = brackets.get(i);
      if (close !== undefined && close > insideUntil) insideUntil = close;
      continue;
    }
    if (c !== 46 /* . */ && c !== 33 /* ! */ && c !== 63 /* ? */ && c !== 0x2026 /* … */) continue;
    if (i < insideUntil) continue;
    let j = i + 1;
    while (j < end && isClosing(text.charCodeAt(j))) j++;
    if (j < end && !isWs(text.charCodeAt(j))) continue;
    let k = j;
    while (k < end && (isWs(text.charCodeAt(k)) || (quoteBlock && text.charCodeAt(k) === 62))) k++;
    if (k < end && !isUpperStart(text.charCodeAt(k))) continue;
    if (c === 46 && abbreviationAt(text, i, start, k < text.length ? text.charCodeAt(k) : -1)) continue;
    pushSentence(out, text, s, j, quoteBlock, base);
    s = j;
  }
  pushSentence(out, text, s, end, quoteBlock, base);
  return out;
}

/** Adds the sentence in [a, b) to `out`, trimmed, unless nothing is left of it. */
function pushSentence(out: Sentence[], text: string, a: number, b: number, quoteBlock: boolean, base: number): void {
  // Skip leading white space and block-quote marks (list bullets were skipped by the caller).
  while (a < b) {
    const c = text.charCodeAt(a);
    if (isWs(c) || (quoteBlock && c === 62)) a++;
    else break;
  }
  b = trimEnd(text, a, b, quoteBlock);
  if (b > a) out.push({ text: text.slice(a, b), span: { start: base + a, end: base + b } });
}
