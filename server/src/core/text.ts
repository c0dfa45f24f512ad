/**
 * Offsets and positions. Every node in the core carries a `Span` of UTF-16
 * code-unit offsets into the document text (the unit JavaScript strings and
 * LSP's default position encoding share); `LineIndex` converts them to
 * zero-based line/character positions and back.
 */

export interface Span {
  /** Offset of the first code unit. */
  start: number;
  /** Offset one past the last code unit. */
  end: number;
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/**
 * `s` without the trailing characters `edge` matches (tested one character
 * at a time), in linear time. A regex like `/[,.]+$/` is quadratic: on a long
 * run of those characters that does not end the text, every position of the
 * run starts a match that scans the rest of it.
 */
export function trimEndWhere(s: string, edge: RegExp): string {
  let end = s.length;
  while (end > 0 && edge.test(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

export function contains(s: Span, offset: number): boolean {
  return offset >= s.start && offset <= s.end;
}

/**
 * Line starts of a text, computed once. Recognises `\n`, `\r\n` and a lone
 * `\r` as line ends, like the LSP specification.
 */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = lineStartsOf(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    return positionIn(this.lineStarts, Math.max(0, Math.min(offset, this.text.length)));
  }

  /** Positions past the end of a line or of the text are clamped, never an error. */
  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.max(start, Math.min(start + Math.max(0, pos.character), end));
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  range(s: Span): Range {
    return { start: this.positionAt(s.start), end: this.positionAt(s.end) };
  }
}

/**
 * Sentence text as a reader sees it: link text without its destination, no
 * images, autolinks bare, blockquote markers gone, whitespace collapsed.
 */
export function plain(text: string): string {
  // Each step runs only when its mark is there (most sentences hold no link and no `>`): a replace that finds nothing
  // still costs a pass, and collapsing white space rebuilds the string at every single space.
  let t = hasQuoteMark(text) ? text.split('\n').map((line) => line.replace(/^[ \t]*>[ \t]?/, '')).join('\n') : text;
  // No bracket of the same kind inside a part: each match attempt stops at the next bracket, so this is linear.
  if (t.includes('](')) t = t.replace(/!\[[^\][]*\]\([^()]*\)/g, '').replace(/\[([^\][]*)\]\([^()]*\)/g, '$1');
  if (t.includes('<')) t = t.replace(/<(https?:[^<>]+)>/g, '$1');
  if (LOOSE_SPACE_RE.test(t)) t = t.replace(/\s+/g, ' ');
  return t.trim();
}

/**
 * Whether a line of the text opens with `>` (after spaces or tabs): the lines `plain` unquotes. Each `>` looks back
 * over the spaces before it only, so this is linear.
 */
function hasQuoteMark(text: string): boolean {
  for (let i = text.indexOf('>'); i >= 0; i = text.indexOf('>', i + 1)) {
    let j = i;
    while (j > 0 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) j--;
    if (j === 0 || text.charCodeAt(j - 1) === 10) return true;
  }
  return false;
}
/** White space that `plain` collapses to something else: any but a single space. */
const LOOSE_SPACE_RE = /\s\s|[^\S ]/;

/**
 * `plain` as a reader sees it rendered: Markdown's backslash escapes undone
 * ("0\\_neday" is 0_neday) and emphasis markers gone ("**SEE:**", "_not_"),
 * for article text shown back to the writer (hover cards, messages). An
 * underscore or star inside a word ("VK_Intel", "a*b") stays.
 */
export function readable(text: string): string {
  return plain(text)
    .replace(/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*\\])([*_])(?=[^\s*_])([^*_]*?[^\s*_\\])\2(?![\w*])/g, '$1$3')
    // Emphasis opened in one sentence and closed in another leaves a mark at either end ("*Trend Micro announced …").
    .replace(/^\*{1,3}(?=[^\s*])/, '')
    .replace(/([^\s*\\])\*{1,3}$/, '$1')
    // A scraped page's ad slot glued to the paragraph after it ("ADVERTISEMENTMore recently, …").
    .replace(/ADVERTISEMENT(?=[A-Z])/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~>])/g, '$1');
}

/**
 * Where the words of a text begin after the images and blank space it opens
 * with ("![…](…)\n T-Mobile confirmed …", as scraped leads do); 0 when it
 * opens on words, and the text's length when it holds nothing else.
 */
export function afterLeadingImages(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13 || text.charCodeAt(i) === 9)) i++;
    if (!text.startsWith('![', i)) return i;
    const close = text.indexOf('](', i + 2);
    const end = close < 0 ? -1 : text.indexOf(')', close + 2);
    if (end < 0) return i;
    i = end + 1;
  }
}

/**
 * Where a sentence's words are, for citations and locations: after the images
 * and blank space a scraped lead opens with ("![…](…)\nT-Mobile confirmed …"),
 * so that a link to it opens the line the reader sees the sentence on, not the
 * image's (830 real sentences open on one).
 */
export function wordsSpan(s: { span: Span; text: string }): Span {
  const i = afterLeadingImages(s.text);
  return i > 0 && i < s.text.length ? { start: s.span.start + i, end: s.span.end } : s.span;
}

// "* **[headline](url)**": a related story's headline set in bold or italics too (140 real sentences).
const LINK_ONLY = /^\s*(?:[*+-]\s+)?(\*{1,3}|_{1,3})?\[[^\]]*\]\([^)]*\)\1?\s*[.:]?\s*$/;

/**
 * Whether a sentence is only a link, as in a list of related stories: the
 * headline of another article, not something this article states.
 */
export function isLinkOnly(text: string): boolean {
  if (text.length >= 4000) return false;
  if (LINK_ONLY.test(text)) return true;
  // Several links and nothing else: a shop's buttons ("[View Now at VyprVPN](…) [See details](#…)").
  let rest = '';
  let links = 0;
  for (let i = 0; i < text.length;) {
    const open = text.indexOf('[', i);
    const mid = open < 0 ? -1 : text.indexOf('](', open + 1);
    const close = mid < 0 ? -1 : text.indexOf(')', mid + 2);
    if (close < 0) {
      rest += text.slice(i);
      break;
    }
    rest += text.slice(i, open);
    links++;
    i = close + 1;
  }
  return links >= 2 && ONLY_MARKS.test(rest);
}

/** What may stand between links on a line of links: blank space, bullets, emphasis, separators. */
const ONLY_MARKS = /^[\s*_+\-.:|·•]*$/;

/** The position of `offset` given the offsets where lines start (sorted, the first 0): a binary search. */
export function positionIn(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Where each line of `text` starts: `\n`, `\r\n` and a lone `\r` end a line, as in the LSP specification. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  // Most files have no carriage return: then native indexOf finds each line end.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) starts.push(i + 1);
  }
  return starts;
}

/**
 * A table to look article words up in. It has no prototype, so a word of the
 * text ("constructor", "toString", "__proto__") finds nothing rather than a
 * method of Object: in a plain literal, "seven Constructor's titles" made
 * Object itself the noun of a figure.
 */
export function wordTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
