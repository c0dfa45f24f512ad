/**
 * An article's `DocFacts` as the cache stores them: the article's text once,
 * every sentence, mention, figure, quotation and tag as numbers in one
 * stream of 32-bit integers (spans, indexes, counts), the measured values in
 * a stream of doubles, and the few strings that are not slices of the text
 * (entity keys and names, measures, URLs) in one JSON table, each written
 * once. Plain `JSON.stringify(facts)` wrote each sentence's text again and a
 * key name for every field of every mention (four times the article's size);
 * JSON rows of numbers, the next layout, still cost the analyst threads a
 * tenth of a first index to write.
 *
 * Layout, one buffer: six 32-bit words (magic, `PACKED`, count of doubles,
 * count of integers, bytes of text, bytes of the table), the doubles, the
 * integers, the text in UTF-8, the table in UTF-8. Numbers are in the
 * machine's byte order: the cache never leaves the machine that wrote it.
 * A text that UTF-8 cannot carry exactly (a lone surrogate) goes in the
 * table instead.
 *
 * A string that is not the slice its span covers (none in the corpus today,
 * but nothing promises it) is written in the table instead, so `unpackFacts`
 * always gives back exactly what `packFacts` was given (as JSON would: absent
 * optional fields stay absent, -0 is 0). Input that is not what `packFacts`
 * writes (another layout, counts or string references out of range, spans
 * outside the text, sentence indexes outside the sentences, numbers that are
 * not finite, an interval upside down, bytes left over, another article's URI
 * than the one expected) throws; the cache's reader then analyses the file again.
 */
import { ENTITY_KINDS, newAttribution, newClaim, newFigure, type Claim, type DocEntity, type DocFacts, type Mention, type SentenceRef, type Unit } from '../core/extract/types';
import type { Span } from '../core/text';

/** Bumped when the layout below changes; the cache's own format number covers it too. */
const PACKED = 2;
/** "BDfx": these bytes are packed facts. */
const MAGIC = 0x78664442;
const HEAD = 6;

const KINDS = ENTITY_KINDS;
const WHERE: Mention['where'][] = ['title', 'subtitle', 'body', 'tag', 'info'];
const UNITS: Unit[] = ['count', 'usd', 'eur', 'gbp', 'btc', 'bytes', 'percent', 'age', 'days', 'year', 'aud', 'cad', 'hkd', 'nzd', 'sgd', 'cny', 'jpy', 'inr', 'rub'];

/** Integers, doubles and a string table, growing as they are written. */
class Writer {
  ints = new Int32Array(1024);
  n = 0;
  reals = new Float64Array(64);
  r = 0;
  readonly table: string[] = [];
  private readonly refs = new Map<string, number>();

  constructor(private readonly text: string) {}

  int(v: number): void {
    if (this.n === this.ints.length) {
      const more = new Int32Array(this.n * 2);
      more.set(this.ints);
      this.ints = more;
    }
    this.ints[this.n++] = v;
  }

  real(v: number): void {
    if (this.r === this.reals.length) {
      const more = new Float64Array(this.r * 2);
      more.set(this.reals);
      this.reals = more;
    }
    this.reals[this.r++] = v === 0 ? 0 : v;
  }

  span(s: Span): void {
    this.int(s.start);
    this.int(s.end);
  }

  /** A string's place in the table plus one (0 is never written by `str`). */
  str(s: string): void {
    let i = this.refs.get(s);
    if (i === undefined) {
      i = this.table.push(s);
      this.refs.set(s, i);
    }
    this.int(i);
  }

  /** 0 when `s` is what `span` covers in the text, else `s` in the table. */
  words(span: Span, s: string): void {
    // `slice ===` compares four times faster than `startsWith` here (measured).
    if (s.length === span.end - span.start && this.text.slice(span.start, span.end) === s) this.int(0);
    else this.str(s);
  }

  /** -1 for absent. */
  opt(s: string | undefined): void {
    if (s === undefined) this.int(-1);
    else this.str(s);
  }

  optSpan(s: Span | undefined): void {
    if (s === undefined) {
      this.int(-1);
      this.int(-1);
    } else this.span(s);
  }
}

/** A UTF-16 half without its other half, which UTF-8 would turn into U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether UTF-8 carries `s` exactly: `String.prototype.isWellFormed` where the runtime has it (five times faster). */
function wellFormed(s: string): boolean {
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(s) : !LONE_SURROGATE.test(s);
}

export function packFacts(f: DocFacts, text: string): Uint8Array {
  const w = new Writer(text);
  const textInTable = !wellFormed(text);
  w.int(textInTable ? 1 : 0);
  if (textInTable) w.str(text);
  w.str(f.uri);
  w.str(f.title);
  w.opt(f.source);
  w.int(f.date === undefined ? 0 : 1);
  if (f.date !== undefined) w.real(f.date);
  w.int(f.day === undefined ? 0 : 1);
  if (f.day !== undefined) w.real(f.day);
  w.opt(f.link);
  w.opt(f.linkUrl);
  w.optSpan(f.linkSpan);

  w.int(f.sentences.length);
  for (const s of f.sentences) {
    w.span(s.span);
    w.words(s.span, s.text);
  }
  w.int(f.headlines);
  w.int(f.entities.length);
  for (const e of f.entities) {
    w.str(e.key);
    w.str(e.name);
    w.int(KINDS.indexOf(e.kind));
    w.int(e.aliases.length);
    for (const a of e.aliases) w.str(a);
    w.int(e.mentions.length);
    for (const m of e.mentions) {
      w.span(m.span);
      w.int(m.sentence);
      w.int(WHERE.indexOf(m.where));
      w.words(m.span, m.text);
      if (m.key === e.key) w.int(0);
      else w.str(m.key);
    }
  }
  w.int(f.figures.length);
  for (const x of f.figures) {
    w.span(x.span);
    w.words(x.span, x.text);
    w.real(x.value);
    w.real(x.low);
    w.real(x.high);
    w.int(UNITS.indexOf(x.unit));
    w.opt(x.hedge);
    w.opt(x.noun);
    w.optSpan(x.nounSpan);
    w.int(x.qualifiers.length);
    for (const q of x.qualifiers) w.str(q);
    w.opt(x.subject);
    w.str(x.measure);
    w.int(x.sentence);
    w.int(x.asOf === undefined ? 0 : 1);
    if (x.asOf !== undefined) w.real(x.asOf);
  }
  w.int(f.claims.length);
  for (const c of f.claims) {
    w.int(c.sentence);
    const a = c.attribution;
    if (!a) w.int(-1);
    else {
      w.str(a.who);
      w.opt(a.key);
      w.span(a.span);
    }
    w.int(c.asOf === undefined ? 0 : 1);
    if (c.asOf !== undefined) w.real(c.asOf);
    w.optSpan(c.asOfSpan);
  }
  w.int(f.quotes.length);
  for (const q of f.quotes) {
    w.span(q.span);
    w.int(q.sentence);
    w.words(q.span, q.text);
  }
  w.int(f.links.length);
  for (const l of f.links) {
    w.span(l.span);
    w.str(l.url);
  }
  w.int(f.authors.length);
  for (const a of f.authors) w.str(a);
  w.int(f.tags.length);
  for (const t of f.tags) {
    w.span(t.span);
    w.words(t.span, t.name);
    w.opt(t.key);
  }

  const table = JSON.stringify(w.table);
  const textBytes = textInTable ? 0 : Buffer.byteLength(text, 'utf8');
  const tableBytes = Buffer.byteLength(table, 'utf8');
  const intsAt = HEAD * 4 + w.r * 8;
  const textAt = intsAt + w.n * 4;
  const out = Buffer.allocUnsafeSlow(textAt + textBytes + tableBytes);
  new Int32Array(out.buffer, 0, HEAD).set([MAGIC, PACKED, w.r, w.n, textBytes, tableBytes]);
  new Float64Array(out.buffer, HEAD * 4, w.r).set(w.reals.subarray(0, w.r));
  new Int32Array(out.buffer, intsAt, w.n).set(w.ints.subarray(0, w.n));
  if (!textInTable) out.write(text, textAt, 'utf8');
  out.write(table, textAt + textBytes, 'utf8');
  return out;
}

class Damaged extends Error {
  constructor(what: string) {
    super(`damaged facts: ${what}`);
  }
}

/** Whether `text` is the text packed at `at` (its UTF-8 bytes, compared: a text of the same length is not enough). */
function samePacked(buf: Buffer, at: number, bytes: number, text: string): boolean {
  return Buffer.byteLength(text) === bytes && buf.compare(Buffer.from(text, 'utf8'), 0, bytes, at, at + bytes) === 0;
}

/**
 * Reads what `packFacts` wrote; throws on anything else. `packedWith`: the text the facts were packed with, when
 * the caller holds it (`breach-desk check` does): the facts' strings are then slices of it, as extraction makes
 * them, not of a second copy decoded from the bytes (which kept every article's text twice: +45% memory).
 * `uri`: the article the caller expects (the cache's entry); facts of another article throw too, whatever
 * damage or mix-up put them there, so that they are never shown as this one's.
 */
export function unpackFacts(bytes: Uint8Array, packedWith?: string, uri?: string): DocFacts {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEAD * 4) throw new Damaged('too short');
  // Copied out, so the arrays are aligned wherever the bytes were read to.
  const head = new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + HEAD * 4));
  const [magic, version, nReals, nInts, textBytes, tableBytes] = head;
  if (magic !== MAGIC || version !== PACKED) throw new Damaged('another layout');
  if (nReals < 0 || nInts < 0 || textBytes < 0 || tableBytes < 0) throw new Damaged('sizes');
  const intsAt = HEAD * 4 + nReals * 8;
  const textAt = intsAt + nInts * 4;
  if (textAt + textBytes + tableBytes !== buf.length) throw new Damaged('sizes');
  const reals = new Float64Array(buf.buffer.slice(buf.byteOffset + HEAD * 4, buf.byteOffset + intsAt));
  const ints = new Int32Array(buf.buffer.slice(buf.byteOffset + intsAt, buf.byteOffset + textAt));
  let table: unknown;
  try {
    table = JSON.parse(buf.toString('utf8', textAt + textBytes));
  } catch {
    throw new Damaged('string table');
  }
  if (!Array.isArray(table) || !table.every((t) => typeof t === 'string')) throw new Damaged('string table');
  const strings = table as string[];

  let n = 0;
  let r = 0;
  const int = (what: string): number => {
    if (n >= ints.length) throw new Damaged(what);
    return ints[n++];
  };
  const real = (what: string): number => {
    if (r >= reals.length || !Number.isFinite(reals[r])) throw new Damaged(what);
    return reals[r++];
  };
  const count = (what: string): number => {
    const c = int(what);
    // Every item takes at least one integer.
    if (c < 0 || c > ints.length - n) throw new Damaged(what);
    return c;
  };
  const str = (what: string): string => {
    const i = int(what);
    if (i < 1 || i > strings.length) throw new Damaged(what);
    return strings[i - 1];
  };
  const opt = (what: string): string | undefined => {
    if (ints[n] === -1) {
      n++;
      return undefined;
    }
    return str(what);
  };
  const flag = (what: string): boolean => {
    const v = int(what);
    if (v !== 0 && v !== 1) throw new Damaged(what);
    return v === 1;
  };
  const textInTable = flag('text');
  const text = textInTable ? str('text') : packedWith !== undefined && samePacked(buf, textAt, textBytes, packedWith) ? packedWith : buf.toString('utf8', textAt, textAt + textBytes);
  if (textInTable && textBytes !== 0) throw new Damaged('text');
  const spanOf = (what: string): Span => {
    const start = int(what);
    const end = int(what);
    if (start < 0 || end < start || end > text.length) throw new Damaged(what);
    return { start, end };
  };
  const optSpan = (what: string): Span | undefined => {
    if (ints[n] === -1 && ints[n + 1] === -1) {
      n += 2;
      return undefined;
    }
    return spanOf(what);
  };
  /** The slice the span covers, or (a table reference) the string written instead. */
  const words = (span: Span, what: string): string => (ints[n] === 0 ? (n++, text.slice(span.start, span.end)) : str(what));
  const of = <T>(list: readonly T[], what: string): T => {
    const x = list[int(what)];
    if (x === undefined) throw new Damaged(what);
    return x;
  };

  const packedUri = str('uri');
  if (uri !== undefined && packedUri !== uri) throw new Damaged('another article\'s');
  const f = { uri: packedUri, title: str('title') } as DocFacts;
  const source = opt('source');
  if (source !== undefined) f.source = source;
  if (flag('date')) f.date = real('date');
  if (flag('day')) f.day = real('day');
  const link = opt('link');
  if (link !== undefined) f.link = link;
  const linkUrl = opt('linkUrl');
  if (linkUrl !== undefined) f.linkUrl = linkUrl;
  const linkSpan = optSpan('linkSpan');
  if (linkSpan) f.linkSpan = linkSpan;

  const sentences: SentenceRef[] = [];
  for (let k = count('sentences'); k > 0; k--) {
    const span = spanOf('sentence');
    sentences.push({ span, text: words(span, 'sentence') });
  }
  f.sentences = sentences;
  const headlines = int('headlines');
  if (!(headlines >= 0 && headlines <= sentences.length)) throw new Damaged('headlines');
  f.headlines = headlines;
  /** A sentence index: -1 (none) where `orNone`, else one of the sentences. */
  const sentenceAt = (what: string, orNone: boolean): number => {
    const i = int(what);
    if (i < (orNone ? -1 : 0) || i >= sentences.length) throw new Damaged(what);
    return i;
  };

  f.entities = [];
  for (let k = count('entities'); k > 0; k--) {
    const key = str('entity key');
    const name = str('entity name');
    const kind = of(KINDS, 'entity kind');
    const aliases: string[] = [];
    for (let a = count('aliases'); a > 0; a--) aliases.push(str('alias'));
    const mentions: Mention[] = [];
    for (let m = count('mentions'); m > 0; m--) {
      const span = spanOf('mention');
      const sentence = sentenceAt('mention', true);
      const where = of(WHERE, 'mention');
      const text = words(span, 'mention');
      const mkey = ints[n] === 0 ? (n++, key) : str('mention key');
      mentions.push({ key: mkey, span, text, sentence, where });
    }
    f.entities.push({ key, name, kind, aliases, mentions } satisfies DocEntity);
  }

  f.figures = [];
  for (let k = count('figures'); k > 0; k--) {
    const span = spanOf('figure');
    const text = words(span, 'figure');
    const value = real('value');
    const low = real('low');
    const high = real('high');
    if (low > high) throw new Damaged('interval');
    const unit = of(UNITS, 'unit');
    const hedge = opt('hedge');
    const noun = opt('noun');
    const nounSpan = optSpan('noun');
    const qualifiers: string[] = [];
    for (let q = count('qualifiers'); q > 0; q--) qualifiers.push(str('qualifier'));
    const subject = opt('subject');
    const measure = str('measure');
    const sentence = sentenceAt('figure', false);
    f.figures.push(newFigure(span, text, value, low, high, unit, hedge, noun, nounSpan, qualifiers, subject, measure, sentence, flag('asOf') ? real('asOf') : undefined));
  }

  f.claims = [];
  for (let k = count('claims'); k > 0; k--) {
    const sentence = sentenceAt('claim', false);
    const who = opt('who');
    let attribution: Claim['attribution'];
    if (who !== undefined) {
      const key = opt('attribution key');
      attribution = newAttribution(who, key, spanOf('attribution'));
    }
    const asOf = flag('asOf') ? real('asOf') : undefined;
    f.claims.push(newClaim(sentence, attribution, asOf, optSpan('asOf')));
  }

  f.quotes = [];
  for (let k = count('quotes'); k > 0; k--) {
    const span = spanOf('quote');
    const sentence = sentenceAt('quote', true);
    f.quotes.push({ text: words(span, 'quote'), span, sentence });
  }
  f.links = [];
  for (let k = count('links'); k > 0; k--) {
    const span = spanOf('link');
    f.links.push({ url: str('link'), span });
  }
  f.authors = [];
  for (let k = count('authors'); k > 0; k--) f.authors.push(str('author'));
  f.tags = [];
  for (let k = count('tags'); k > 0; k--) {
    const span = spanOf('tag');
    const t: DocFacts['tags'][number] = { name: words(span, 'tag'), span };
    const key = opt('tag key');
    if (key !== undefined) t.key = key;
    f.tags.push(t);
  }
  if (n !== ints.length || r !== reals.length) throw new Damaged('bytes left over');
  return f;
}
