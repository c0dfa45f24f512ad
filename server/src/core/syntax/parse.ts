/**
 * The article parser: text in, tree and problems out. It never throws and
 * never gives up: half-typed, truncated and scrambled files produce a tree
 * with whatever could be read, and problems that say what could not.
 *
 * The parser reads line by line in one pass. Section headers (`## Information:`,
 * `## Article:`, `#### Tags:` / `## Tags:`) switch the region; each region has
 * its own small line grammar. Inline structure (links, quotations, sentences)
 * is found by `inline.ts` in time linear in the paragraph's length.
 */
import type { Span } from '../text';
import type {
  Article, Block, BodySection, Field, HeadingBlock, InfoSection, LinkValue, ParseResult,
  SectionHeader, SectionKind, SyntaxProblem, Tag, TagGroup, TagGroupKind, TagsSection, TextBlock, TextNode,
} from './ast';
import { parseDate } from './dates';
import { scanInline } from './inline';

interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset of the end of the content, before the line break. */
  end: number;
  text: string;
}

/**
 * Where the line that starts at `from` ends: the offset of its `\r\n`, `\r`
 * or `\n`, or -1 on the last line. `cr`: whether the text holds a `\r` at
 * all; without one, native `indexOf` finds each line end.
 */
function lineEnd(text: string, from: number, cr: boolean): number {
  if (!cr) return text.indexOf('\n', from);
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

/** The length of the line break at `at` (found by `lineEnd`). */
function breakLength(text: string, at: number): number {
  return text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  const cr = text.indexOf('\r', from) >= 0;
  for (let at = lineEnd(text, start, cr); at >= 0; at = lineEnd(text, start, cr)) {
    lines.push({ start, end: at, text: text.slice(start, at) });
    start = at + breakLength(text, at);
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

// One header grammar for all layouts. Every variant is accepted; the layout
// checks suggest the canonical spelling when it differs. Near misses count
// too ("## Info:", "## Informations:", "# Information:", "### Article:",
// "Information:" with no marks, "## Body:"), so that one slip in a header is
// one message with a fix, not a cascade: a level other than two, a missing
// mark or another word needs the colon, and a header without marks is read
// only where its section may start.
const SECTION_RE = /^(#{0,6})[ \t\u00a0]*(informations?|info|articles?|body|tags?)[ \t\u00a0]*(:?)[ \t\u00a0]*$/i;

function sectionHeader(line: Line, region: SectionKind | 'head'): SectionHeader | undefined {
  if (line.text.length === 0 || line.text.length > 40) return undefined;
  const c = line.text.charCodeAt(0);
  if (!(c === 35 /* # */ || c === 73 || c === 105 /* I i */ || c === 65 || c === 97 /* A a */ || c === 84 || c === 116 /* T t */ || c === 66 || c === 98 /* B b */)) return undefined;
  const m = SECTION_RE.exec(line.text);
  if (!m) return undefined;
  const level = m[1].length;
  const word = m[2].toLowerCase();
  const colon = m[3] === ':';
  let kind: SectionKind;
  let canonical: string;
  if (word === 'information' || word === 'informations' || word === 'info') {
    if (!(level === 2 || (colon && level <= 4 && (level > 0 || region === 'head')))) return undefined;
    kind = 'information';
    canonical = '## Information:';
  } else if (word === 'article' || word === 'articles' || word === 'body') {
    // "## Body" without its colon is a heading inside the article, but before the article it can only be its header.
    if (!(level === 2 ? colon || word !== 'body' || region === 'head' || region === 'information' : colon && level <= 4 && (level > 0 || region === 'head' || region === 'information'))) return undefined;
    kind = 'article';
    canonical = '## Article:';
  } else {
    if (!(level === 2 || level === 4 || (colon && (level !== 0 || region === 'article')))) return undefined;
    kind = 'tags';
    canonical = level === 2 ? '## Tags:' : '#### Tags:';
  }
  return { kind, level, raw: line.text, canonical, span: { start: line.start, end: line.end } };
}

const FIELD_RE = /^([ \t]*[+*-][ \t]*)([^:\s][^:]{0,39}?)[ \t]*:[ \t]?(.*)$/;
const ATX_RE = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$/;
const FENCE_RE = /^[ \t]{0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE_RE = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*$/;
const SETEXT_RE = /^[ \t]{0,3}(=+|-+)[ \t]*$/;
// One comment: "<!-- a --> [[Acme]] <!-- b -->" is a line of text between two comments, not a comment.
const COMMENT_RE = /^[ \t]{0,3}<!--(?:(?!-->)[^\n]){0,2000}-->[ \t]*$/;

/** Whether a line is an HTML comment and nothing else (`COMMENT_RE`; its `<` is looked for first). */
function isCommentLine(t: string): boolean {
  const at = t.indexOf('<');
  return at >= 0 && at <= 3 && COMMENT_RE.test(t);
}
const RULE_RE = /^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_RE = /^[ \t]{0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+\S/;
const TAG_HEADING_RE = /^(#{2,6})[ \t]*(.*?)[ \t]*:?[ \t]*$/;

const DATA_GROUPS = /^(?:cve|url|ipv4|ipv6|sha|md5|mitre|hash|email|domain)/i;
const KEYVALUE_GROUPS = /^(?:threatactor|threat actor|action|industry|location)/i;

/** An open code fence: its mark (backtick or tilde) and how many of them. */
interface Fence {
  mark: number;
  length: number;
}

/**
 * The character after the up to three spaces or tabs a line opens with: where
 * the mark of a fence, rule, comment, quotation, list item or setext underline
 * stands, so that a line of words is told from them without running their
 * regular expressions. A space when more than three open the line (none of
 * them matches then).
 */
function markOf(line: string): number {
  let i = 0;
  while (i < 3 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return line.charCodeAt(i);
}

/** The fence a line opens, if it opens one. A backtick fence's info string holds no backtick. */
function openFence(line: string): Fence | undefined {
  const c = markOf(line);
  if (c !== 96 /* ` */ && c !== 126 /* ~ */) return undefined;
  const m = FENCE_RE.exec(line);
  if (!m) return undefined;
  const mark = m[1].charCodeAt(0);
  if (mark === 96 /* ` */ && m[2].includes('`')) return undefined;
  return { mark, length: m[1].length };
}

/** Whether a line closes a fence: the same mark, at least as many, and nothing after. */
function closesFence(line: string, fence: Fence): boolean {
  const m = FENCE_CLOSE_RE.exec(line);
  return m !== null && m[1].charCodeAt(0) === fence.mark && m[1].length >= fence.length;
}

function isBlank(line: Line): boolean {
  // Most lines open on a word: settled without trimming a copy of them.
  return line.text.length === 0 || (isSpace(line.text.charCodeAt(0)) && line.text.trim() === '');
}

function trimmedSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** White space as `String.prototype.trim` sees it, so trimmed spans and trimmed strings agree. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function parse(text: string): ParseResult {
  const problems: SyntaxProblem[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = splitLines(text, bom);
  const article: Article = { headers: [], layout: 'unknown', length: text.length };

  let region: SectionKind | 'head' = 'head';
  let info: InfoSection | undefined;
  let body: BodySection | undefined;
  let tags: TagsSection | undefined;
  // Lines of the current region that the region grammar has not consumed yet.
  let bodyLines: Line[] = [];
  // The code fence the Article section is inside, if any: section headers
  // in code are code.
  let fence: Fence | undefined;
  // Where the open fence started, and the first section header it swallowed (reported if it never closes).
  let fenceLine: Line | undefined;
  let swallowed: SectionHeader | undefined;
  let group: TagGroup | undefined;

  for (const line of lines) {
    const header: SectionHeader | undefined = fence ? undefined : sectionHeader(line, region);
    if (fence && !swallowed) swallowed = sectionHeader(line, region);
    if (header) {
      if (region === 'article') {
        finishBody(text, body, bodyLines);
        bodyLines = [];
      }
      article.headers.push(header);
      region = header.kind;
      group = undefined;
      const sectionSpan = { start: header.span.start, end: header.span.end };
      if (header.kind === 'information' && !info) {
        info = { header, fields: [], span: sectionSpan };
      } else if (header.kind === 'article' && !body) {
        body = { header, blocks: [], span: sectionSpan };
      } else if (header.kind === 'tags' && !tags) {
        tags = { header, groups: [], span: sectionSpan };
        if (header.level === 2) article.layout = 'new';
        else if (article.layout === 'unknown') article.layout = 'old';
      }
      continue;
    }

    // A comment on a line of its own (a `<!-- breach-desk: ignore … -->` marker) is nobody's text, in any section:
    // the body keeps it as a block of its own, the others pass over it.
    if (region !== 'article' && isCommentLine(line.text)) continue;
    switch (region) {
      case 'head':
        readHead(text, line, article, problems);
        break;
      case 'information':
        // Fields under a duplicated header stay out of the tree; the
        // duplicate header itself is reported by the layout checks.
        if (info && info.header === article.headers[article.headers.length - 1]) readField(text, line, info, problems);
        break;
      case 'article':
        if (fence) {
          if (closesFence(line.text, fence)) fence = swallowed = undefined;
        } else {
          fence = openFence(line.text);
          if (fence) fenceLine = line;
        }
        if (body && body.header === article.headers[article.headers.length - 1]) bodyLines.push(line);
        break;
      case 'tags':
        if (tags && tags.header === article.headers[article.headers.length - 1]) {
          group = readTagLine(text, line, tags, group, problems);
        }
        break;
    }
  }
  if (region === 'article') finishBody(text, body, bodyLines);
  if (fence && swallowed && fenceLine) {
    problems.push({
      code: 'article.unclosed-fence',
      span: trimmedSpan(text, fenceLine.start, fenceLine.end),
      message: `This code block is never closed, so everything after it is read as code, the \`${swallowed.raw.trim()}\` header included. Close it with a line of ${String.fromCharCode(fence.mark).repeat(fence.length)}.`,
    });
  }

  article.info = info;
  article.body = body;
  article.tags = tags;
  if (info) {
    for (const f of info.fields) {
      if (f.name === 'source' && !article.source) article.source = f;
      else if (f.name === 'link' && !article.link) {
        article.link = withParsed(f, parseLinkValue(f));
        if (article.layout === 'unknown' || article.layout === 'old') {
          if (article.link.parsed?.style === 'bare') article.layout = article.tags ? article.layout : 'new';
        }
      } else if (f.name === 'date' && !article.date) article.date = withParsed(f, parseDate(f.value));
      else if (f.name === 'author' && !article.author) article.author = f;
    }
  }
  return { article, problems };
}

/** Parses the body lines gathered for the Article section. */
function finishBody(text: string, body: BodySection | undefined, bodyLines: Line[]): void {
  if (body && bodyLines.length) {
    parseBody(text, bodyLines, body.blocks);
    body.span.end = bodyLines[bodyLines.length - 1].end;
  }
}

/**
 * `{ ...f, parsed }`: the same keys in the same order, but object spread of a
 * field takes V8's slow path (about a microsecond a copy, more than the rest
 * of the Information section costs).
 */
function withParsed<T>(f: Field, parsed: T): Field & { parsed: T } {
  const out = Object.assign({}, f) as Field & { parsed: T };
  out.parsed = parsed;
  return out;
}

/** An article's title and Source as `parse` reads them, from its first lines (`articleHead`). */
export interface ArticleHead {
  title?: string;
  source?: string;
  /** How much of the text was read to settle them (a whole line's worth past the Information section, or all). */
  read: number;
}

/**
 * The title and Source of an article from the start of its text, as `parse`
 * would read them from the whole, without reading the body: the head region
 * and the first Information section, with the parser's own line grammars,
 * up to the header after that section. `whole`: `text` is the whole file;
 * otherwise it is a prefix ending at a line break, and the answer is
 * undefined when the prefix does not settle it (the Information section runs
 * past it, or comes after another section: then the whole text decides).
 * Used by the pass over a corpus's heads that learns its outlets before
 * anything is analysed, so that what a file names does not depend on the
 * order files are analysed in.
 */
export function articleHead(text: string, whole: boolean): ArticleHead | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const article: Article = { headers: [], layout: 'unknown', length: text.length };
  const problems: SyntaxProblem[] = [];
  let info: InfoSection | undefined;
  const settled = (read: number): ArticleHead => {
    const source = info?.fields.find((f) => f.name === 'source');
    return { title: article.title?.text, source: source?.value, read };
  };
  // Line by line as `splitLines` cuts them, stopping where the head is settled.
  const re = /\r\n?|\n/g;
  re.lastIndex = bom;
  let start = bom;
  for (;;) {
    const m = re.exec(text);
    const end = m ? m.index : text.length;
    const line: Line = { start, end, text: text.slice(start, end) };
    const next = m ? m.index + m[0].length : text.length;
    const header = sectionHeader(line, info ? 'information' : 'head');
    if (header) {
      // The Information section ends at the next header, a duplicate's included; a section before it leaves the
      // head, and its fields may still come after (the whole text decides).
      if (info) return settled(next);
      if (header.kind !== 'information') break;
      info = { header, fields: [], span: { ...header.span } };
    } else if (isCommentLine(line.text)) {
      // Passed over, as `parse` passes over it.
    } else if (info) readField(text, line, info, problems);
    else readHead(text, line, article, problems);
    if (!m) break;
    start = next;
  }
  if (!whole) return undefined;
  if (info) return settled(text.length);
  const { article: full } = parse(text);
  return { title: full.title?.text, source: full.source?.value, read: text.length };
}

function readHead(text: string, line: Line, article: Article, problems: SyntaxProblem[]): void {
  if (isBlank(line)) return;
  const m = ATX_RE.exec(line.text);
  if (m && m[1].length === 1 && !article.title) {
    article.title = textNode(text, line, m[1].length);
    return;
  }
  if (m && m[1].length === 3 && !article.subtitle) {
    article.subtitle = textNode(text, line, m[1].length);
    return;
  }
  if (m && m[1].length === 1) {
    problems.push({
      code: 'layout.duplicate-title',
      span: { start: line.start, end: line.end },
      message: 'A second title: an article has one `# Title` line.',
    });
    return;
  }
  problems.push({
    code: 'layout.stray-text',
    span: trimmedSpan(text, line.start, line.end),
    message: article.title
      ? 'Text between the title and `## Information:` is not part of any section. Move it into `## Article:` or make it the `### Subtitle`.'
      : 'Text before the `# Title` line is not part of any section.',
  });
}

function textNode(text: string, line: Line, marks: number): TextNode {
  const s = trimmedSpan(text, line.start + marks, line.end);
  const start = s.start;
  let end = s.end;
  // A closing sequence of `#` marks is not part of the heading's text, but
  // only when white space separates it from the text (or it is all there
  // is), as in CommonMark: "# Learn C#" is about C#.
  let hashes = end;
  while (hashes > start && text.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && (hashes === start || isSpace(text.charCodeAt(hashes - 1)))) end = hashes;
  const t = trimmedSpan(text, start, end);
  return { text: text.slice(t.start, t.end), span: t, lineSpan: { start: line.start, end: line.end } };
}

/** "+ Link https://…", "+ Date August 26, 2021 12:58 pm": a known field's name, a space and a value, no colon after the name. */
const NO_COLON_RE = /^([ \t]*[+*-][ \t]*)(source|link|date|author)[ \t]+([^:\s].*)$/i;

function readField(text: string, line: Line, info: InfoSection, problems: SyntaxProblem[]): void {
  if (isBlank(line)) return;
  info.span.end = line.end;
  const bare = NO_COLON_RE.exec(line.text);
  // Without it, "+ Link https://x" would be the field "Link https" (up to the colon of "https:").
  if (bare && !/^[ \t]*:/.test(line.text.slice(bare[1].length + bare[2].length))) {
    const keyStart = line.start + bare[1].length;
    const valueSpan = trimmedSpan(text, line.end - bare[3].length, line.end);
    info.fields.push({
      key: bare[2], name: bare[2].toLowerCase(), keySpan: { start: keyStart, end: keyStart + bare[2].length },
      value: text.slice(valueSpan.start, valueSpan.end), valueSpan, lineSpan: { start: line.start, end: line.end }, colonMissing: true,
    });
    return;
  }
  const m = FIELD_RE.exec(line.text);
  if (!m) {
    problems.push({
      code: 'info.malformed-line',
      span: trimmedSpan(text, line.start, line.end),
      message: 'The Information section holds `+ Name: value` lines; this line is not one.',
    });
    return;
  }
  // The key starts right after the bullet and its spaces (searching for the
  // key's text could find it inside the bullet: "- -: x").
  const keyStart = line.start + m[1].length;
  const valueStart = line.end - m[3].length;
  const valueSpan = trimmedSpan(text, valueStart, line.end);
  const field: Field = {
    key: m[2],
    name: m[2].toLowerCase(),
    keySpan: { start: keyStart, end: keyStart + m[2].length },
    value: text.slice(valueSpan.start, valueSpan.end),
    valueSpan,
    lineSpan: { start: line.start, end: line.end },
  };
  info.fields.push(field);
}

/**
 * Reads a Link value: `[text](url)`, `[text](<url> "title")`, `<url>` or a
 * bare URL. The destination may hold balanced parentheses
 * (`https://en.wikipedia.org/wiki/Bug_(engineering)`), so the value is
 * scanned rather than matched with a regular expression.
 */
export function parseLinkValue(f: Field): LinkValue | undefined {
  const v = f.value;
  if (v === '') return undefined;
  const md = markdownLink(v);
  if (md) {
    const at = f.valueSpan.start;
    return { url: v.slice(md.start, md.end), urlSpan: { start: at + md.start, end: at + md.end }, style: 'markdown' };
  }
  if (v.startsWith('<') && v.endsWith('>') && v.length > 2) {
    return { url: v.slice(1, -1), urlSpan: { start: f.valueSpan.start + 1, end: f.valueSpan.end - 1 }, style: 'angle' };
  }
  return { url: v, urlSpan: f.valueSpan, style: 'bare' };
}

/** Offsets of the destination when the whole value is one Markdown link, else undefined. */
function markdownLink(v: string): Span | undefined {
  if (v.charCodeAt(0) !== 91 /* [ */) return undefined;
  const close = v.indexOf(']');
  if (close < 0 || close > 201 || v.charCodeAt(close + 1) !== 40 /* ( */) return undefined;
  let i = close + 2;
  while (i < v.length && isSpace(v.charCodeAt(i))) i++;
  let start = i;
  let end: number;
  if (v.charCodeAt(i) === 60 /* < */) {
    start = i + 1;
    end = v.indexOf('>', start);
    if (end < 0) return undefined;
    i = end + 1;
  } else {
    // Up to the first space or the `)` that closes the link, counting nested pairs.
    let depth = 0;
    for (; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (isSpace(c) || c === 60 || c === 62) break;
      if (c === 40) depth++;
      else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
    }
    end = i;
  }
  // An optional "title", then the closing parenthesis ends the value.
  while (i < v.length && isSpace(v.charCodeAt(i))) i++;
  if (v.charCodeAt(i) === 34 /* " */) {
    const q = v.indexOf('"', i + 1);
    if (q < 0) return undefined;
    i = q + 1;
    while (i < v.length && isSpace(v.charCodeAt(i))) i++;
  }
  if (i !== v.length - 1 || v.charCodeAt(i) !== 41 /* ) */) return undefined;
  return { start, end };
}

// ---------------------------------------------------------------------------
// Tags

function readTagLine(text: string, line: Line, tags: TagsSection, group: TagGroup | undefined, problems: SyntaxProblem[]): TagGroup | undefined {
  if (isBlank(line)) return group;
  tags.span.end = line.end;
  if (line.text.charCodeAt(0) === 35 /* # */) {
    const m = TAG_HEADING_RE.exec(line.text);
    if (m) {
      const name = m[2];
      const kind: TagGroupKind = /autogenerated/i.test(name) ? 'auto'
        : DATA_GROUPS.test(name) ? 'data'
          : KEYVALUE_GROUPS.test(name) ? 'keyvalue' : 'plain';
      const heading = textNode(text, line, m[1].length);
      if (heading.text.endsWith(':')) {
        heading.span.end--;
        heading.text = heading.text.slice(0, -1).trimEnd();
        heading.span.end = heading.span.start + heading.text.length;
      }
      const g: TagGroup = { kind, heading, tags: [], span: { start: line.start, end: line.end } };
      tags.groups.push(g);
      return g;
    }
  }
  if (!group) {
    group = { kind: tags.header.level === 4 ? 'plain' : 'auto', tags: [], span: { start: line.start, end: line.end } };
    tags.groups.push(group);
  }
  group.span.end = line.end;
  scanTags(text, line, group, problems);
  return group;
}

/** Finds `[[…]]` tags on one line in a single left-to-right pass. */
function scanTags(text: string, line: Line, group: TagGroup, problems: SyntaxProblem[]): void {
  const s = line.text;
  let i = 0;
  // Where text that is no tag started, if it did (-1): reported at the next tag or the line's end.
  let strayStart = -1;
  while (i < s.length) {
    if (s.charCodeAt(i) === 91 && s.charCodeAt(i + 1) === 91) {
      if (strayStart >= 0) {
        reportStray(text, line, group, problems, strayStart, i);
        strayStart = -1;
      }
      const open = i;
      let j = i + 2;
      let close = -1;
      let reopen = -1;
      for (; j < s.length; j++) {
        const c = s.charCodeAt(j);
        if (c === 93 && s.charCodeAt(j + 1) === 93) { close = j; break; }
        if (c === 91 && s.charCodeAt(j + 1) === 91) { reopen = j; break; }
      }
      if (close < 0) {
        const end = reopen >= 0 ? reopen : s.length;
        problems.push({
          code: 'tags.unclosed',
          span: trimmedSpan(text, line.start + open, line.start + end),
          message: 'This tag has no closing `]]`.',
        });
        i = end;
        continue;
      }
      // `[[[a]]]`: a word that was itself in brackets. Each `[` the name
      // leaves open takes one more `]` after the `]]`, so the tag is `[a]`
      // and no stray `]` is left behind.
      let unmatched = 0;
      for (let k = open + 2; k < close; k++) {
        const c = s.charCodeAt(k);
        if (c === 91) unmatched++;
        else if (c === 93 && unmatched > 0) unmatched--;
      }
      while (unmatched > 0 && s.charCodeAt(close + 2) === 93) {
        close++;
        unmatched--;
      }
      const name = s.slice(open + 2, close);
      const tag: Tag = {
        name,
        nameSpan: { start: line.start + open + 2, end: line.start + close },
        span: { start: line.start + open, end: line.start + close + 2 },
      };
      const eq = name.indexOf('=');
      if (eq >= 0 && group.kind !== 'plain') {
        tag.key = name.slice(0, eq).trim();
        tag.value = name.slice(eq + 1).trim();
      }
      group.tags.push(tag);
      i = close + 2;
      continue;
    }
    const c = s.charCodeAt(i);
    if (strayStart < 0 && !isSpace(c)) strayStart = i;
    i++;
  }
  if (strayStart >= 0) reportStray(text, line, group, problems, strayStart, s.length);
}

/** Reports the text at [from, to) of a tag line, unless it is blank or the group's tags are data. */
function reportStray(text: string, line: Line, group: TagGroup, problems: SyntaxProblem[], from: number, to: number): void {
  const sp = trimmedSpan(text, line.start + from, line.start + to);
  if (sp.end > sp.start && group.kind !== 'data') {
    problems.push({
      code: 'tags.stray-text',
      span: sp,
      message: 'Text in the tags section that is not a `[[tag]]`.',
    });
  }
}

// ---------------------------------------------------------------------------
// Body

function parseBody(text: string, lines: Line[], blocks: Block[]): void {
  // The paragraph being gathered, and its kind.
  const para: Paragraph = { lines: [], kind: 'paragraph' };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.text;
    if (isBlank(line)) {
      flush(text, para, blocks);
      continue;
    }
    const fence = openFence(t);
    if (fence) {
      flush(text, para, blocks);
      // The same rule as the section scan in `parse`, so both agree on where code ends.
      let j = i + 1;
      while (j < lines.length && !closesFence(lines[j].text, fence)) j++;
      const last = Math.min(j, lines.length - 1);
      blocks.push({ kind: 'code', span: { start: line.start, end: lines[last].end } });
      i = last;
      continue;
    }
    const mark = markOf(t);
    if (para.lines.length && para.kind === 'paragraph' && (mark === 61 /* = */ || mark === 45 /* - */) && SETEXT_RE.test(t)) {
      const level = t.trim().startsWith('=') ? 1 : 2;
      const first = para.lines[0];
      const last = para.lines[para.lines.length - 1];
      const ts = trimmedSpan(text, first.start, last.end);
      const h: HeadingBlock = {
        kind: 'heading', level, style: 'setext', text: text.slice(ts.start, ts.end), textSpan: ts,
        span: { start: first.start, end: line.end },
      };
      para.lines = [];
      blocks.push(h);
      continue;
    }
    if ((mark === 42 /* * */ || mark === 45 /* - */ || mark === 95 /* _ */) && RULE_RE.test(t)) {
      flush(text, para, blocks);
      blocks.push({ kind: 'rule', span: { start: line.start, end: line.end } });
      continue;
    }
    if (mark === 60 /* < */ && COMMENT_RE.test(t)) {
      flush(text, para, blocks);
      blocks.push({ kind: 'comment', span: { start: line.start, end: line.end } });
      continue;
    }
    if (t.charCodeAt(0) === 35 /* # */) {
      const m = ATX_RE.exec(t);
      if (m) {
        flush(text, para, blocks);
        const node = textNode(text, line, m[1].length);
        blocks.push({ kind: 'heading', level: m[1].length, style: 'atx', text: node.text, textSpan: node.span, span: { start: line.start, end: line.end } });
        continue;
      }
    }
    const quote = mark === 62; // /^[ \t]{0,3}>/
    if (quote) {
      if (para.kind !== 'blockquote') flush(text, para, blocks);
      para.kind = 'blockquote';
      para.lines.push(line);
      continue;
    }
    if (para.kind === 'blockquote') flush(text, para, blocks);
    if ((mark === 42 || mark === 43 || mark === 45 || (mark >= 48 && mark <= 57)) && LIST_RE.test(t)) {
      flush(text, para, blocks);
      para.kind = 'list-item';
      para.lines.push(line);
      continue;
    }
    para.lines.push(line);
  }
  flush(text, para, blocks);
}

/** The lines of a paragraph, block quotation or list item being gathered by `parseBody`. */
interface Paragraph {
  lines: Line[];
  kind: TextBlock['kind'];
}

/** Ends the paragraph being gathered, if there is one: it becomes a block. */
function flush(text: string, para: Paragraph, blocks: Block[]): void {
  if (para.lines.length) blocks.push(textBlock(text, para.lines, para.kind));
  para.lines = [];
  para.kind = 'paragraph';
}

function textBlock(text: string, lines: Line[], kind: TextBlock['kind']): TextBlock {
  const span = { start: lines[0].start, end: lines[lines.length - 1].end };
  const inline = scanInline(text, span.start, span.end, kind === 'blockquote', kind === 'list-item');
  return { kind, span, sentences: inline.sentences, links: inline.links, quotes: inline.quotes };
}
