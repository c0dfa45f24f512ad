/**
 * From a parsed article to its `DocFacts`: sentences in reading order
 * (title, subtitle, then body sentences), entities, figures, claims,
 * quotations and links. Pure, and computed once per document version.
 */
import type { Article, Link, TextBlock } from '../syntax/ast';
import { assignAsOf, extractClaims, type DatesOf } from './claims';
import { extractEntities, type Sentence } from './entities';
import { extractFigures, mainSubject } from './figures';
import type { Pin } from './pins';
import type { Claim, DocFacts, EntityKind, Mention } from './types';
import { afterLeadingImages, plain, type Span } from '../text';
import { canonicalUrl, onSite, siteOf } from './urls';
import { forgetReadings } from './numbers';
import { isEpochPlaceholder } from '../syntax/dates';
import { scanInline } from '../syntax/inline';

export interface FactsOptions {
  outlets?: ReadonlyMap<string, string>;
  pins?: Pin[];
}

/**
 * The index (from `first` on) of the sentence holding `offset`, or -1. A
 * binary search: sentences are in text order, and a paragraph of thousands
 * of sentences and quotations must not cost a scan per quotation.
 */
function sentenceHolding(sentences: Sentence[], first: number, offset: number): number {
  let lo = first;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].span.start > offset) hi = mid - 1;
    else lo = mid + 1;
  }
  // `hi` is the last sentence starting at or before `offset`.
  return hi >= first && offset < sentences[hi].span.end ? hi : -1;
}

const PLACEHOLDER = /^(?:unknown|none|n\/a)$/i;
const SPACE_RE = /\s/;

/** A call to action: "Register NOW for the LIVE event", "Check out our free…", "Join … for a free roundtable". */
const CALL_TO_ACTION = /\b(?:register (?:now|today)|register (?:and|to) (?:stream|view|access)|check out our free|on-demand (?:event|town hall|webinar)s?|live,? interactive|join\b[^.!?]{0,160}\b(?:for|during|at|in) (?:a|an|the|this|our) (?:free|live|on-demand)\b)/i;
/** What a promotion promotes: one of the publisher's events. */
const EVENT = /\b(?:webinars?|town halls?|roundtables?|live (?:event|discussion)|on-demand|sessions?|threatpost|infosec insiders?)\b/i;
/** Set in emphasis, or opening on a link or an image, as a publisher's promotion is. */
const SET_APART = /^\s*(?:[*_[]|!\[)/;
/** Or opening on the call itself: "Register to view the on-demand event: […]". */
const CALL_FIRST = /^[\s*_[]*(?:register|check out our free)\b/i;
/**
 * How a writer's sign-off or a page's furniture opens: a contact line ("Have a
 * tip? Get in touch securely via WhatsApp | Signal…", under 197 ZDNet
 * articles), "please follow me on Twitter", "SEE: [another story]", a
 * script's `window.x.y(` call, The DFIR Report's "We offer multiple services
 * including a Threat Feed service which tracks … Cobalt Strike, Metasploit,
 * Empire, PoshC2" (under 15 of its reports), and its credits ("Analysis and reporting completed by
 * [@kostastsale](…) … Reviewed by @TheDFIRReport": its analysts' handles were the most named of its reports).
 */
const FURNITURE = /^[\s*_[]*(?:(?:have a tip\?[\s*_]*)?get in touch securely\b|(?:be sure to|please|you can) follow (?:me|us|my)\b|enjoy additional insights from\b|let us know your thoughts\b|see:[\s*_]*\[|window\.\w+\.\w+\(|we offer multiple services\b|analysis and reporting completed by\b|reviewed by\s+\[?@)/i;

/** A writer's call for comments: "Share in the comments below or follow me on Twitter to continue the conversation: @JonLClay". */
const CALL_FOR_COMMENTS = /\b(?:share|let (?:us|me) know|talk to us)\b[^.!?]{0,40}\bin the comments below\b/i;

/**
 * Not what the article says: a publisher's promotion ("***Check out our free
 * upcoming live and on-demand webinar events***", "[Register NOW] for the LIVE
 * event": set apart, a call to action, an event), a writer's sign-off or a
 * page's furniture. Scraped ThreatPost articles carry a promotion one in four;
 * read as prose, they made the webinars' host and sponsors the most cited
 * names of the corpus, with the same advertisement as every cited fact, and
 * ZDNet's contact line counted WhatsApp in 197 more articles than name it.
 * `commentsBelow`: whether the article's text says "comments below" anywhere.
 * A news paragraph that opens on a link and tells readers to "register now
 * for free credit monitoring" names no event of the publisher's and stays.
 */
function isFurniture(b: TextBlock, commentsBelow: boolean): boolean {
  if (!b.sentences.length) return false;
  const first = b.sentences[0].text;
  // "**Have a tip?** Get in touch…": the question is a sentence of its own.
  if (FURNITURE.test(b.sentences.length > 1 && first.length < 40 ? `${first} ${b.sentences[1].text}` : first)) return true;
  // "What do you think about …? Share in the comments below or follow me on Twitter …": questions to the reader, then the call.
  if (commentsBelow && b.kind !== 'blockquote' && b.sentences.some((x) => x.text.includes('comments below') && CALL_FOR_COMMENTS.test(x.text))
    && b.sentences.every((x) => CALL_FOR_COMMENTS.test(x.text) || asks(x.text))) return true;
  // A block quotation quotes someone: a phishing lure's "Register today" is evidence.
  if (b.kind === 'blockquote' || !(SET_APART.test(first) || CALL_FIRST.test(first))) return false;
  let text = '';
  for (const s of b.sentences) text += ` ${s.text}`;
  const words = plain(text).replace(/[*_]+/g, '');
  return CALL_TO_ACTION.test(words) && EVENT.test(words);
}

/** Whether a sentence is a question: it ends on "?", before any closing emphasis or quotation mark. */
function asks(text: string): boolean {
  let k = text.length - 1;
  while (k >= 0 && ' \t\n*_”"'.includes(text[k])) k--;
  return text[k] === '?';
}

/**
 * A photo credit's line: "Image: Getty Images", "(Image: StackCommerce)", "Image: Asha Barbaschow/ZDNet"; or a
 * picture agency's name alone on the line under the photo ("StackCommerce" under ZDNet's deals, 19 articles,
 * which made it the most cited organisation of those stories).
 */
const CREDIT_LINE = /^[ \t]*(?:\(?(?:image|photo|credit|picture)s?(?: credit)?:[^\n]{1,120}|(?:StackCommerce|Getty Images|Shutterstock|iStock(?:photo)?|Unsplash|Pexels))[ \t]*(?:\n|$)/i;

/**
 * Where the words of a paragraph's first sentence begin when a photo's credit
 * line stands before them (after the photo itself): 0 when none does, its length when no words follow. ZDNet
 * puts "Image: Getty Images" between a story's photo and its first words, in
 * 153 real articles, and the credit was read as the sentence's opening.
 */
function creditEnd(text: string): number {
  const i = afterLeadingImages(text);
  // A credit opens on "(" or on the initial of one of its words (i, p, c; s, g, u): most sentences are settled without a slice.
  const c = text.charCodeAt(i);
  const lower = c | 0x20;
  if (c !== 40 && lower !== 105 && lower !== 112 && lower !== 99 && lower !== 115 && lower !== 103 && lower !== 117) return 0;
  const m = CREDIT_LINE.exec(text.slice(i, i + 200));
  if (!m) return 0;
  let end = i + m[0].length;
  while (end < text.length && /\s/.test(text[end])) end++;
  // Nothing after the credit: the sentence is the photo and its credit, with no words.
  return end;
}

/** An image glued to the end of a sentence by the scrape ("…zero days.![Threatpost Webinar Series](…)Worried about…"). */
const GLUED_IMAGE = /[.!?”"’)]\s*(?=!\[)/g;

/** What a promotion's own first words name: one of the publisher's events (not just "Threatpost", which stories name too). */
const PROMO_HEAD = /\b(?:webinars?|town halls?|roundtables?|live (?:event|discussion)|on-demand)\b/i;

/**
 * Where a promotion glued to the end of a paragraph by the scrape begins: a
 * sentence set apart after the first, or an image right after a sentence's
 * end, whose own words are a call to action or name an event, and from which
 * on the paragraph is a call to action for one of the publisher's events.
 * The first such place; undefined when there is none. A story's sentence that
 * merely opens on a link is no such place, even with a promotion after it.
 */
function gluedPromotion(b: TextBlock, read: ((s: TextBlock['sentences'][number]) => string) | undefined): number | undefined {
  if (b.kind === 'blockquote') return undefined;
  for (let k = 0; k < b.sentences.length; k++) {
    // Its words as read (`ReadText`), where its span's offsets are: a line wrapped by hand is one space there.
    const s = read ? { span: b.sentences[k].span, text: read(b.sentences[k]) } : b.sentences[k];
    const setApart = k > 0 && SET_APART.test(s.text);
    // Most sentences are neither set apart nor hold an image, which a glued one needs: no scan for them.
    if (!setApart && !s.text.includes('![')) continue;
    const starts: number[] = [];
    if (setApart) starts.push(0);
    GLUED_IMAGE.lastIndex = 0;
    for (let m = GLUED_IMAGE.exec(s.text); m; m = GLUED_IMAGE.exec(s.text)) starts.push(m.index + m[0].length);
    for (let i = 0; i < starts.length; i++) {
      const at = starts[i];
      // Its own words, up to the next place a promotion may begin; an image's count ("![Threatpost Webinar Series](…)Worried about…").
      const own = s.text.slice(at, starts[i + 1] ?? s.text.length);
      if (!CALL_TO_ACTION.test(own) && !PROMO_HEAD.test(own)) continue;
      let tail = s.text.slice(at);
      for (let j = k + 1; j < b.sentences.length; j++) tail += ` ${read ? read(b.sentences[j]) : b.sentences[j].text}`;
      const words = plain(tail).replace(/[*_]+/g, '');
      if (CALL_TO_ACTION.test(words) && EVENT.test(words)) return s.span.start + at;
    }
  }
  return undefined;
}

/** An article's sentences in reading order, its headings, links and quotations. */
interface Blocks {
  sentences: Sentence[];
  /** The indexes of the sentences that open a paragraph, a list item or a block quotation. */
  opens: Set<number>;
  headings: Sentence[];
  links: Link[];
  quotes: DocFacts['quotes'];
}

/**
 * Where lines wrapped by hand are to be read as one: "more than 50⏎million customers" is 50 million customers (it
 * was 50), "John⏎Smith" one person, as Markdown reads a line break inside running text as a space. Inside a
 * paragraph, a list item or a block quotation, a break between two words: not a hard break (two spaces or a
 * backslash before it), not before a mark that opens a block (a list's `-`, an image's `!`, a table's `|`, a
 * heading's `#`), not before a paragraph's indented line, not after a link, an image, emphasis or a quotation's empty
 * line, and nowhere in a table. Each gap is two numbers, [from, to): the white space between the two words, with a
 * CR before the LF, a list item's indentation (its lines stand under its first words) and a block quotation's `>`;
 * read as one space.
 * None in an article that writes a paragraph a line, as the corpus's scraped articles do.
 */
export function wrapGaps(text: string, article: Article): number[] {
  const gaps: number[] = [];
  // Lines ended by a CR alone (as old Macs wrote them) are lines too, as the parser reads them.
  const lone = LONE_CR_RE.test(text);
  for (const b of article.body?.blocks ?? []) {
    if (b.kind !== 'paragraph' && b.kind !== 'list-item' && b.kind !== 'blockquote') continue;
    const end = Math.min(b.span.end, text.length);
    // A table the parser has no block for ("Company | Records⏎--- | ---⏎Acme | 50"): its rows stay rows.
    const bar = text.indexOf('|', b.span.start);
    if (bar >= 0 && bar < end && TABLE_RULE_RE.test(text.slice(b.span.start, end))) continue;
    const quote = b.kind === 'blockquote';
    for (let i = nextBreak(text, b.span.start, lone); i >= 0 && i + 1 < end; i = nextBreak(text, i + 1, lone)) {
      const cr = i > 0 && text.charCodeAt(i - 1) === 13;
      let last = cr ? i - 2 : i - 1;
      // One space at the end of a line is no hard break (two are): a space between the words already.
      if (text.charCodeAt(last) === 32 && softBefore(text.charCodeAt(last - 1))) last--;
      // In a block quotation, a line that ends in its mark is an empty line of it: a break between its paragraphs.
      if (!softBefore(text.charCodeAt(last)) || (quote && text.charCodeAt(last) === 62)) continue;
      // The next line's words: past a list item's indentation, and a block quotation's marks ("> ", "> > "). A
      // paragraph's indented line is left as a line of its own (a scraped page's photo credit, " Getty Images").
      let next = i + 1;
      if (b.kind !== 'paragraph') while (next < end && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9 || (quote && text.charCodeAt(next) === 62))) next++;
      if (next >= end || !softAfter(text.charCodeAt(next)) || listMarkAt(text, next)) continue;
      gaps.push(last + 1, next);
    }
  }
  return gaps;
}

const LONE_CR_RE = /\r(?!\n)/;

/** The next line break from `from`: an LF (a CRLF's LF), or, where the text has them, a CR alone. */
function nextBreak(text: string, from: number, lone: boolean): number {
  if (!lone) return text.indexOf('\n', from);
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) return i;
  }
  return -1;
}

/**
 * Whether a list item's mark opens the line at `at`: a new item, not the words of the last. As CommonMark has it, a
 * numbered item breaks into running text only as its first, "1." ("the age of⏎13. TikTok is" runs on).
 */
function listMarkAt(text: string, at: number): boolean {
  LIST_MARK_RE.lastIndex = at;
  return LIST_MARK_RE.test(text);
}

const LIST_MARK_RE = /(?:[-*+]|1[.)])(?:[ \t\r\n]|$)/y;

/**
 * The text as extraction reads it, and the way back to the text as written. Each gap `wrapGaps` finds is one space
 * here, so the extractors read "50 million" and "John Smith" with one space between the words, whatever stood
 * between the lines (a CRLF, a list item's indentation, a block quotation's marks); the spans of what they find are
 * put back on the text as written (`toWritten`), where they run over the break.
 */
export class ReadText {
  readonly text: string;
  /** Each gap's start as written and as read, and the characters left out up to its end. */
  private readonly writtenAt: number[] = [];
  private readonly readAt: number[] = [];
  private readonly dropped: number[] = [];

  constructor(written: string, gaps: readonly number[]) {
    let out = '';
    let from = 0;
    let dropped = 0;
    for (let k = 0; k < gaps.length; k += 2) {
      const start = gaps[k];
      const end = gaps[k + 1];
      out += written.slice(from, start) + ' ';
      this.writtenAt.push(start);
      this.readAt.push(start - dropped);
      dropped += end - start - 1;
      this.dropped.push(dropped);
      from = end;
    }
    this.text = out + written.slice(from);
  }

  /** An offset in the text as written, in the text as read (inside a gap, past its space: the next word's start). */
  toRead(o: number): number {
    const k = lastBelow(this.writtenAt, o);
    if (k < 0) return o;
    const gapEnd = this.writtenAt[k] + 1 + this.dropped[k] - (k > 0 ? this.dropped[k - 1] : 0);
    return o < gapEnd ? this.readAt[k] + 1 : o - this.dropped[k];
  }

  /** A start offset in the text as read, in the text as written. */
  toWritten(p: number): number {
    const k = lastBelow(this.readAt, p);
    return k < 0 ? p : p + this.dropped[k];
  }

  /** An end offset (exclusive) in the text as read, in the text as written: just after the character before it. */
  toWrittenEnd(p: number): number {
    return p <= 0 ? p : this.toWritten(p - 1) + 1;
  }
}

/** The index of the last of the ascending `xs` below `o`, or -1. */
function lastBelow(xs: readonly number[], o: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < o) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * A copy of `x` (plain objects and arrays, at any depth) with every span in it (an object with numeric `start` and
 * `end`) moved by `start` and `end`: the article's spans onto the text as read, the facts' back onto the text as
 * written. A copy, not a walk in place: the article is the editor's too, and a span two objects share is moved once
 * in each copy (a walk in place needed a set of the objects seen, which cost as much again).
 */
function moved<T>(x: T, start: (o: number) => number, end: (o: number) => number): T {
  if (x === null || typeof x !== 'object') return x;
  if (Array.isArray(x)) return x.map((v) => moved(v, start, end)) as T;
  const o = x as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = o[k];
    out[k] = v !== null && typeof v === 'object' ? moved(v, start, end) : v;
  }
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    out.start = start(o.start);
    out.end = end(o.end);
  }
  return out as T;
}

/** The text as extraction reads it: `written` with each gap `wrapGaps` finds one space (see `ReadText`). */
export function unwrapped(written: string, article: Article): string {
  const gaps = wrapGaps(written, article);
  return gaps.length ? new ReadText(written, gaps).text : written;
}

/** A table's rule under its header, by its start: `---|---`, `| :-- | --: |`. */
const TABLE_RULE_RE = /^\|? ?:?-+:? ?\| ?:?-/m;

/**
 * A line's last character before a break that wraps it: not white space (a hard break's spaces), not a backslash
 * (a hard break too), not the end of a link, an image or emphasis (`)`, `]`, `*`, `_`: a scraped page's lines of
 * links, a gallery's "[SEE FULL GALLERY]", a bold label set on a line of its own).
 */
function softBefore(c: number): boolean {
  return c > 32 && c !== 92 && c !== 41 && c !== 93 && c !== 42 && c !== 95 && c !== 0xa0;
}

/** The next line's first character after a break that wraps: not white space (an indented line), nor `>`, `!`, `|`, `#`. */
function softAfter(c: number): boolean {
  return c > 32 && c !== 62 && c !== 33 && c !== 124 && c !== 35 && c !== 0xa0;
}

/**
 * Reads the article's blocks. A function of its own: blocks of four kinds
 * pass through it, and V8 recompiles only this when it meets a new one.
 * `unwrappedText`: whether `text` is a `ReadText`'s, whose sentences and quotations are read from it rather than from
 * the parse (whose texts keep the line breaks).
 */
function readBlocks(article: Article, text: string, unwrappedText: boolean): Blocks {
  const sentences: Sentence[] = [];
  const links: Link[] = [];
  const quotes: DocFacts['quotes'] = [];
  const opens = new Set<number>();
  if (article.title) sentences.push({ span: article.title.span, text: article.title.text, where: 'title' });
  // The title and the subtitle are paragraphs of their own.
  const sub = article.subtitle;
  if (sub && sub.text) {
    opens.add(sentences.length);
    // A subtitle of two sentences is read as two: read as one ("…dissed the security measures of the carrier. Acme
    // Corp is “humbled,” it said, … on Friday"), the thief's ">50m" was said by Acme Corp, as of that Friday.
    const parts = scanInline(text, sub.span.start, sub.span.end, false).sentences;
    if (parts.length > 1) for (const s of parts) sentences.push({ span: s.span, text: unwrappedText ? text.slice(s.span.start, s.span.end) : s.text, where: 'subtitle' });
    else sentences.push({ span: sub.span, text: sub.text, where: 'subtitle' });
  }
  const headings: Sentence[] = [];
  // One search of the article's text, rather than of each sentence of each block (`isFurniture`): its sentences are parts of it.
  const commentsBelow = text.includes('comments below');
  for (const b of article.body?.blocks ?? []) {
    if (b.kind === 'heading') {
      headings.push({ span: b.textSpan, text: b.text, where: 'heading' });
    } else if (b.kind === 'paragraph' || b.kind === 'list-item' || b.kind === 'blockquote') {
      if (isFurniture(b, commentsBelow)) {
        // Its links still lead somewhere: "SEE: [another story]" opens that story.
        links.push(...b.links);
        continue;
      }
      const first = sentences.length;
      opens.add(first);
      // A promotion glued to the paragraph's end is left out as a whole one would be (its links are kept).
      const cut = gluedPromotion(b, unwrappedText ? (x) => text.slice(x.span.start, x.span.end) : undefined) ?? Infinity;
      for (const s of b.sentences) {
        // The sentence as extraction reads it: with the lines of a paragraph wrapped by hand made one (`unwrapped`).
        const said = unwrappedText ? text.slice(s.span.start, s.span.end) : s.text;
        // A photo's credit line before the first words ("![…](…)\n Image: Getty Images\n Twitter said …") is no part of them.
        const credit = s === b.sentences[0] ? creditEnd(said) : 0;
        if (credit > 0 && credit >= said.length) continue;
        if (credit > 0 && s.span.end <= cut) sentences.push({ span: { start: s.span.start + credit, end: s.span.end }, text: said.slice(credit), where: 'body' });
        else if (s.span.end <= cut) sentences.push({ span: s.span, text: said, where: 'body' });
        else if (s.span.start < cut) {
          const text = said.slice(0, cut - s.span.start).trimEnd();
          if (text) sentences.push({ span: { start: s.span.start, end: s.span.start + text.length }, text, where: 'body' });
        }
      }
      links.push(...b.links);
      for (const q of b.quotes) {
        if (q.span.start >= cut) continue;
        const idx = sentenceHolding(sentences, first, q.span.start);
        // As a reader sees it: quotations are compared by their words, and a link's address is none of them; over
        // lines wrapped by hand, as one line (a block quotation's marks are no words of it).
        const said = plain(unwrappedText ? text.slice(q.textSpan.start, q.textSpan.end) : q.text);
        // A quoted single token ("https:\/\/www.zdnet.com\/…" in pasted script data) is not speech.
        if (SPACE_RE.test(said)) quotes.push({ text: said, span: q.textSpan, sentence: idx });
      }
      if (b.kind === 'blockquote' && b.sentences.length) {
        const said = plain(b.sentences.map((s) => (unwrappedText ? text.slice(s.span.start, s.span.end) : s.text)).join('\n'));
        // A block quotation whose words stand in quotation marks (> “…” —@handle) is that quotation, already taken.
        let marked = 0;
        for (const q of b.quotes) marked += unwrappedText ? text.slice(q.textSpan.start, q.textSpan.end).length : q.text.length;
        if (said && marked < 0.6 * said.length) quotes.push({ text: said, span: { start: b.sentences[0].span.start, end: b.sentences[b.sentences.length - 1].span.end }, sentence: first });
      }
    }
  }
  return { sentences, opens, headings, links, quotes };
}

/** The day an ISO date names in its own zone, at UTC midnight, when it differs from the instant's UTC day. */
function localDay(iso: string, instant: number): number | undefined {
  const day = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Number.isFinite(day) && day !== Math.floor(instant / 86_400_000) * 86_400_000 ? day : undefined;
}

/** Titles of digests of several stories: "This Week in Security News", "Ransomware decryptor roundup: …". */
const DIGEST_TITLE_RE = /^\s*(?:this|last)\s+week\s+in\b|\bweek\s+in\s+review\b|\b(?:news|security|weekly|research|decryptor|cyber|cybersecurity|threat|patch|vulnerability)\s+round-?up\b|\bnews\s+(?:wrap|digest)\b/i;

/**
 * Titles of buyers' guides: "The best home security system in Tampa", "Best VPN for Windows PC 2021", "These are the 10
 * best bargains on VPN subscriptions". Such an article weighs several products against each other and is about none:
 * the one named most stood in for the owner of every figure no sentence gave an owner, Google (named in a table of
 * smart-home features) for Tampa's ten crime statistics, a "DIY" install for Dallas's.
 */
const GUIDE_TITLE_RE = /^\s*(?:these\s+are\s+)?(?:the\s+)?(?:\d+\s+)?best\s/i;

export function extractFacts(uri: string, written: string, article: Article, options: FactsOptions = {}): DocFacts {
  // Lines wrapped by hand inside running text are read as one line (`wrapGaps`): the facts are found in the text as
  // read, and their spans put back on the text as written.
  const gaps = wrapGaps(written, article);
  if (!gaps.length) return factsOf(uri, written, article, false, options);
  const read = new ReadText(written, gaps);
  const facts = factsOf(uri, read.text, moved(article, (o) => read.toRead(o), (o) => read.toRead(o)), true, options);
  const back = moved(facts, (p) => read.toWritten(p), (p) => read.toWrittenEnd(p));
  // A sentence's text as long as its span, as readers of the facts slice it by spans (a figure's noun, the words
  // before a figure): each gap as many spaces as it is long. Read so, a CRLF or an indented line lost its noun.
  back.sentences = back.sentences.map((s) => ({ span: s.span, text: blankGaps(written, s.span, gaps) }));
  return back;
}

/** `written` in `span`, with the characters of each gap in it (a line break, indentation, a quotation's marks) spaces. */
function blankGaps(written: string, span: Span, gaps: readonly number[]): string {
  let out = '';
  let from = span.start;
  for (let k = lowerBound(gaps, span.start); k < gaps.length && gaps[k] < span.end; k += 2) {
    const start = Math.max(gaps[k], from);
    const end = Math.min(gaps[k + 1], span.end);
    if (end <= start) continue;
    out += written.slice(from, start) + ' '.repeat(end - start);
    from = end;
  }
  return out + written.slice(from, span.end);
}

/** The first even index of `gaps` ([from, to) pairs, ascending) whose gap ends after `o`. */
function lowerBound(gaps: readonly number[], o: number): number {
  let lo = 0;
  let hi = gaps.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (gaps[2 * mid + 1] <= o) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/**
 * A subtitle goes on from one sentence to the next ("The seller claims to have sucker-punched U.S. infrastructure
 * … The offer: 30m records for ~1 penny each"): a later sentence of it that names no speaker is said by the one
 * before it, as when a subtitle was read as one sentence; one that names its own ("T-Mobile is “humbled,” it said")
 * keeps it. (`claims` are in sentence order, at most one a sentence.)
 */
function carrySubtitleSpeaker(claims: Claim[], sentences: readonly Sentence[]): void {
  const at = new Map<number, Claim>();
  for (const c of claims) if (sentences[c.sentence]?.where === 'subtitle') at.set(c.sentence, c);
  if (at.size === 0) return;
  for (let k = 1; k < sentences.length && sentences[k].where !== 'body'; k++) {
    if (sentences[k].where !== 'subtitle' || sentences[k - 1].where !== 'subtitle') continue;
    const before = at.get(k - 1)?.attribution;
    const mine = at.get(k);
    if (!before || mine?.attribution) continue;
    if (mine) mine.attribution = before;
    else {
      const c: Claim = { sentence: k, attribution: before };
      const i = claims.findIndex((x) => x.sentence > k);
      claims.splice(i < 0 ? claims.length : i, 0, c);
      at.set(k, c);
    }
  }
}

function factsOf(uri: string, text: string, article: Article, unwrappedText: boolean, options: FactsOptions): DocFacts {
  const { sentences, opens, headings, links, quotes } = readBlocks(article, text, unwrappedText);
  // Headings are searched for names the body established; they carry no claims.
  const all = sentences.concat(headings);
  const entities = extractEntities(text, article, all, links, { outlets: options.outlets, pins: options.pins });
  const kinds = new Map<string, EntityKind>();
  // Plain loops: an article has hundreds of mentions, and flatMap/filter cost more than the rest of this function.
  const mentions: Mention[] = [];
  for (const e of entities) {
    // A CVE identifier is no one who speaks, owns or counts anything: the figures and claims never see it.
    if (e.kind === 'vulnerability') continue;
    kinds.set(e.key, e.kind);
    for (const m of e.mentions) if (m.sentence >= 0 && m.sentence < sentences.length) mentions.push(m);
  }
  const kindOf = (key: string) => kinds.get(key);

  // The article's main subject: the organisation its title or opening sentence names (an
  // article image before that sentence does not count), else its most mentioned one.
  // Nor does the scraper's stray "Unknown" line (`article.stray-unknown`), which opens 1,012 of the real corpus's ZDNet
  // articles: the opening sentence is the one after it ("Microsoft has warned Office 365 customers that …").
  const firstBody = sentences.findIndex((x) => x.where === 'body' && !/^\s*!\[/.test(x.text) && x.text.trim() !== 'Unknown');
  // A digest of the week's stories ("This Week in Security News: AWS Outposts … and Staples Hit by a Data Breach")
  // has none: the first story's company stood in for the owner of every figure of the others.
  // Terms the article spells out in lower-case words before their acronyms ("a visible digital seal (VDS)", named by
  // those words: entities.ts): kinds of thing, never whose figures are nor what the article is about (`jargonNames`).
  let spelled: Set<string> | undefined;
  for (const e of entities) {
    const c = e.name.charCodeAt(0);
    if (c >= 97 && c <= 122 && e.name.indexOf(' ') > 0) (spelled ??= new Set()).add(e.key);
  }
  const title = article.title?.text ?? '';
  const subject = DIGEST_TITLE_RE.test(title) || GUIDE_TITLE_RE.test(title) ? undefined : mainSubject(mentions, kindOf, firstBody, sentences, spelled);

  // Unix time zero is the scraper's "no date" (the layout check says so): not a date to place figures at.
  const date = article.date?.parsed.ok && !isEpochPlaceholder(article.date.parsed.date.instant) ? article.date.parsed.date.instant : undefined;
  const day = date !== undefined && article.date?.parsed.ok ? localDay(article.date.parsed.date.iso, date) : undefined;
  // Link destinations, images and bare URLs are masked by the extractors themselves.
  const refs: DocFacts['sentences'] = [];
  let headlines = 0;
  for (const s of sentences) {
    refs.push({ span: s.span, text: s.text });
    if (s.where === 'title' || s.where === 'subtitle') headlines++;
  }
  // Links to other stories of this article's own site: a figure in their text is that story's (see `extractFigures`).
  const site = article.link?.parsed ? siteOf(article.link.parsed.url) : undefined;
  const siteLinks: Link[] = [];
  const shown: DocFacts['links'] = [];
  for (const l of links) {
    if (l.image) continue;
    if (site !== undefined && onSite(l.url, site)) siteLinks.push(l);
    shown.push({ url: l.url, span: l.span });
  }
  // Each sentence's dates, read once for both.
  const dates: DatesOf = new Array(refs.length);
  // Dates written relative to the article ("yesterday", "on Thursday") count from the day its Date names (`localDay`).
  const from = day ?? date;
  const figures = assignAsOf(extractFigures(refs, mentions, kindOf, subject, headlines, siteLinks, opens, spelled), refs, from, dates);
  const claims = extractClaims(refs, mentions, kindOf, from, dates);
  carrySubtitleSpeaker(claims, sentences);
  forgetReadings(refs);
  const author = article.author?.value;
  const tags: DocFacts['tags'] = [];
  for (const g of article.tags?.groups ?? []) for (const t of g.tags) tags.push({ name: t.name, span: t.nameSpan, key: t.key });
  return {
    uri,
    title: article.title?.text ?? '',
    source: article.source?.value || undefined,
    date,
    ...(day !== undefined ? { day } : {}),
    link: article.link?.parsed ? canonicalUrl(article.link.parsed.url) : undefined,
    linkUrl: article.link?.parsed?.url,
    linkSpan: article.link?.parsed?.urlSpan,
    sentences: refs,
    headlines,
    entities,
    figures,
    claims,
    quotes,
    links: shown,
    authors: author && !PLACEHOLDER.test(author) ? author.split(/,|\band\b|&/).map((a) => a.trim()).filter(Boolean) : [],
    tags,
  };
}
