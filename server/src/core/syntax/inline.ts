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

const OPEN_QUOTES = new Set([0x201c /* “ */, 0x201e /* „ */, 0xab /* « */]);
const CLOSE_OF: Record<number, number> = { 0x201c: 0x201d, 0x201e: 0x201c, 0xab: 0xbb };
const MAX_QUOTE = 2000;

/**
 * Words that end in a dot without ending a sentence. Lower-case, no dot.
 * Single letters (initials) are handled separately.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'no', 'nos', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co',
  'llc', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'fig', 'approx', 'est', 'dept', 'univ',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md',
  'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt',
  'wash', 'wis', 'wyo', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'ph.d',
]);

export function scanInline(text: string, start: number, end: number, quoteBlock: boolean): InlineResult {
  const links = scanLinks(text, start, end);
  const quotes = scanQuotes(text, start, end);
  const sentences = splitSentences(text, start, end, quoteBlock);
  return { links, quotes, sentences };
}

/** Pairs `open` and `close` characters of a range with a stack: one pass. */
function pairs(text: string, start: number, end: number, open: number, close: number): Map<number, number> {
  const out = new Map<number, number>();
  const stack: number[] = [];
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) { i++; continue; }
    if (c === open) stack.push(i);
    else if (c === close && stack.length) out.set(stack.pop()!, i);
    else if (c === 10 && open === 40) stack.length = 0; // a link destination never spans lines
  }
  return out;
}

function scanLinks(text: string, start: number, end: number): Link[] {
  const links: Link[] = [];
  if (text.indexOf('[', start) < 0 && text.indexOf('<', start) < 0) return links;
  const brackets = pairs(text, start, end, 91, 93);
  const parens = pairs(text, start, end, 40, 41);
  // Destinations already consumed by a link, to be jumped over.
  const jumps = new Map<number, number>();
  for (let i = start; i < end; i++) {
    const jump = jumps.get(i);
    if (jump !== undefined) { i = jump - 1; continue; }
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) { i++; continue; }
    if (c === 91 /* [ */) {
      const close = brackets.get(i);
      if (close === undefined || text.charCodeAt(close + 1) !== 40) continue;
      const destEnd = parens.get(close + 1);
      if (destEnd === undefined) continue;
      const image = i > start && text.charCodeAt(i - 1) === 33 /* ! */;
      const dest = destination(text, close + 2, destEnd);
      links.push({
        text: text.slice(i + 1, close),
        textSpan: { start: i + 1, end: close },
        url: text.slice(dest.start, dest.end),
        urlSpan: dest,
        span: { start: image ? i - 1 : i, end: destEnd + 1 },
        image,
      });
      jumps.set(close + 1, destEnd + 1);
    } else if (c === 60 /* < */ && isSchemeAt(text, i + 1)) {
      let j = i + 1;
      while (j < end && j - i < 4000) {
        const d = text.charCodeAt(j);
        if (d === 62 /* > */ || d <= 32) break;
        j++;
      }
      if (text.charCodeAt(j) === 62) {
        links.push({
          text: text.slice(i + 1, j), textSpan: { start: i + 1, end: j },
          url: text.slice(i + 1, j), urlSpan: { start: i + 1, end: j },
          span: { start: i, end: j + 1 }, image: false,
        });
        i = j;
      }
    }
  }
  return links;
}

function isSchemeAt(text: string, i: number): boolean {
  return text.startsWith('http://', i) || text.startsWith('https://', i) || text.startsWith('mailto:', i);
}

/** The URL part of `(url "title")`, without angle brackets or title. */
function destination(text: string, start: number, end: number): Span {
  let s = start;
  while (s < end && text.charCodeAt(s) === 32) s++;
  if (text.charCodeAt(s) === 60 /* < */) {
    const close = text.indexOf('>', s);
    if (close > s && close < end) return { start: s + 1, end: close };
  }
  let e = s;
  while (e < end && text.charCodeAt(e) > 32) e++;
  return { start: s, end: e };
}

function scanQuotes(text: string, start: number, end: number): Quotation[] {
  const quotes: Quotation[] = [];
  let straightOpen = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (OPEN_QUOTES.has(c)) {
      const close = CLOSE_OF[c];
      const limit = Math.min(end, i + MAX_QUOTE);
      let j = i + 1;
      while (j < limit && text.charCodeAt(j) !== close && !OPEN_QUOTES.has(text.charCodeAt(j))) j++;
      if (j < limit && text.charCodeAt(j) === close && j > i + 1) {
        quotes.push({ text: text.slice(i + 1, j), textSpan: { start: i + 1, end: j }, span: { start: i, end: j + 1 } });
        i = j;
      }
    } else if (c === 34 /* " */) {
      if (straightOpen < 0) straightOpen = i;
      else {
        if (i > straightOpen + 1 && i - straightOpen <= MAX_QUOTE) {
          quotes.push({ text: text.slice(straightOpen + 1, i), textSpan: { start: straightOpen + 1, end: i }, span: { start: straightOpen, end: i + 1 } });
        }
        straightOpen = -1;
      }
    } else if (c === 10 && straightOpen >= 0 && text.charCodeAt(i + 1) === 10) {
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

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** The word that ends just before `dot`, lower-cased, inner dots kept. */
function wordBefore(text: string, dot: number, start: number): string {
  let i = dot;
  while (i > start && i > dot - 12) {
    const c = text.charCodeAt(i - 1);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
    if (!letter) break;
    i--;
  }
  return text.slice(i, dot).toLowerCase();
}

function splitSentences(text: string, start: number, end: number, quoteBlock: boolean): Sentence[] {
  const out: Sentence[] = [];
  let s = start;
  const push = (a: number, b: number) => {
    // Skip leading white space, block-quote marks and list bullets.
    while (a < b) {
      const c = text.charCodeAt(a);
      if (isWs(c) || (quoteBlock && c === 62)) a++;
      else break;
    }
    while (b > a && isWs(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push({ text: text.slice(a, b), span: { start: a, end: b } });
  };
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 /* . */ && c !== 33 /* ! */ && c !== 63 /* ? */ && c !== 0x2026 /* … */) continue;
    let j = i + 1;
    while (j < end && isClosing(text.charCodeAt(j))) j++;
    if (j < end && !isWs(text.charCodeAt(j))) continue;
    let k = j;
    while (k < end && (isWs(text.charCodeAt(k)) || (quoteBlock && text.charCodeAt(k) === 62))) k++;
    if (k < end && !isUpperStart(text.charCodeAt(k))) continue;
    if (c === 46) {
      const w = wordBefore(text, i, start);
      if (w.length === 1 && w >= 'a' && w <= 'z') continue; // an initial: "John E. Binns"
      if (ABBREVIATIONS.has(w)) continue;
      if (w.includes('.') && w.length <= 6) continue; // "U.S." and friends
    }
    push(s, j);
    s = j;
  }
  push(s, end);
  return out;
}
