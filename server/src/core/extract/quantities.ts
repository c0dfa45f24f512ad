/**
 * Figures: every quantity a sentence states, normalised ("50m", "50
 * million" and "50,000,000" are one value), with its unit, the hedge turned
 * into an interval ("more than 50 million" is [50m, 75m]), the noun phrase
 * it measures ("667,000 former customers": customer, qualified as former)
 * and whose it is (the organisation named in or near the phrase).
 *
 * Sentences are read as a reader sees them: link destinations and images are
 * masked out first, so the digits of a URL are never a figure. One regex
 * pass per sentence finds the numbers; everything after is a look at a few
 * words on either side.
 */
import type { Span } from '../text';
import { monthOf } from '../syntax/dates';
import type { EntityKind, Figure, Mention, SentenceRef, Unit } from './types';

const MULTIPLIER: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12,
};
const BYTES: Record<string, number> = {
  kb: 1e3, kilobyte: 1e3, kilobytes: 1e3, mb: 1e6, megabyte: 1e6, megabytes: 1e6, gb: 1e9, gigabyte: 1e9,
  gigabytes: 1e9, tb: 1e12, terabyte: 1e12, terabytes: 1e12, pb: 1e15, petabyte: 1e15, petabytes: 1e15,
};
const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
  a: 1, an: 1,
};

/** Words after a number that give it a unit of their own. */
const UNIT_WORDS: Record<string, { unit: Unit; factor: number }> = {
  bitcoin: { unit: 'btc', factor: 1 }, bitcoins: { unit: 'btc', factor: 1 }, btc: { unit: 'btc', factor: 1 },
  penny: { unit: 'usd', factor: 0.01 }, pennies: { unit: 'usd', factor: 0.01 }, cent: { unit: 'usd', factor: 0.01 },
  cents: { unit: 'usd', factor: 0.01 }, dollars: { unit: 'usd', factor: 1 }, euros: { unit: 'eur', factor: 1 },
  percent: { unit: 'percent', factor: 1 }, day: { unit: 'days', factor: 1 }, days: { unit: 'days', factor: 1 },
  week: { unit: 'days', factor: 7 }, weeks: { unit: 'days', factor: 7 }, month: { unit: 'days', factor: 30 },
  months: { unit: 'days', factor: 30 }, year: { unit: 'days', factor: 365 }, years: { unit: 'days', factor: 365 },
};

/** Hedges before a number, and the interval each allows around the value v. */
const HEDGES: [RegExp, (v: number) => [number, number]][] = [
  [/(?:more than|over|above|at least|upwards of|in excess of|greater than|north of|>=?)\s*$/, (v) => [v, v * 1.5]],
  [/(?:up to|as many as|as much as|less than|fewer than|under|at most|no more than|<=?)\s*$/, (v) => [0, v]],
  [/(?:nearly|almost|close to|just under|just shy of)\s*$/, (v) => [v * 0.9, v]],
  [/(?:about|approximately|around|roughly|some|an estimated|estimated|circa|~|≈)\s*$/, (v) => [v * 0.9, v * 1.1]],
];

/** Words that narrow who is counted: two figures with different ones measure different populations. */
const QUALIFIERS = new Set([
  'former', 'current', 'prospective', 'prepaid', 'postpaid', 'past', 'existing', 'inactive', 'new', 'business',
  'total', 'unique', 'affected', 'additional', 'european', 'american', 'us', 'uk', 'metro', 'enterprise', 'retail',
  'paying', 'premium', 'free', 'registered', 'deleted', 'internal', 'individual',
]);

/** Words that end a noun phrase. */
const PHRASE_STOP = new Set([
  'of', 'in', 'on', 'at', 'for', 'to', 'from', 'by', 'with', 'who', 'whom', 'whose', 'which', 'that', 'had', 'have',
  'has', 'was', 'were', 'is', 'are', 'be', 'been', 'also', 'and', 'or', 'but', 'said', 'says', 'each', 'per', 'as',
  'than', 'into', 'could', 'would', 'will', 'may', 'might', 'can', 'did', 'do', 'does', 'it', 'they', 'he', 'she',
  'this', 'these', 'those', 'its', 'their', 'his', 'her', 'ago', 'earlier', 'later', 'before', 'after', 'since',
  'a', 'an', 'the', 'over', 'under', 'about', 'while', 'when', 'where', 'if', 'so', 'not', 'no', 'up', 'down', 'out',
  'am', 'pm', 'est', 'edt', 'pst', 'pdt', 'utc', 'gmt', 'bst', 'cet',
]);

const IRREGULAR: Record<string, string> = { people: 'person', data: 'data', media: 'media', children: 'child', men: 'man', women: 'woman' };

export function singular(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && w.length > 3) return w.slice(0, -1);
  return w;
}

export function measureKey(subject: string | undefined, noun: string | undefined, qualifiers: string[]): string {
  return `${subject ?? '?'}|${noun ?? '?'}|${[...qualifiers].sort().join('+')}`;
}

/**
 * The sentence as a reader sees it, same length as the source: link
 * destinations and images become spaces, and so do Markdown's `[`, `*`, `_`
 * and block-quote marks. `hidden` is sorted by start.
 */
export function visibleText(text: string, offset: number, hidden: Span[]): string {
  let out = text;
  for (const h of hidden) {
    if (h.start >= offset + text.length) break; // sorted by start
    if (h.end <= offset) continue;
    const a = Math.max(0, h.start - offset);
    const b = Math.min(text.length, h.end - offset);
    out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  }
  return out.replace(/[[*_]/g, ' ').replace(/(^|\n)([ \t]*)>/g, (_m, nl: string, ws: string) => `${nl}${ws} `);
}

// A number: optional sign-like hedge symbol, currency, digits (with thousands
// commas or a decimal point), then optional percent, multiplier and size unit.
// Each part is a fixed alternative or a bounded repeat, so matching is linear.
const NUMBER_RE = /(~|≈|>=?|<=?)?\s?((?:US|CA|AU)?[$€£])?\s?(\d{1,3}(?:,\d{3})+|\d{1,15}(?:\.\d{1,6})?)(?:\s?(%|percent\b|per cent\b))?(?:\s?(thousand|million|billion|trillion|mln|mn|bn|[kmb])(?![a-z]))?(?:\s?(kb|mb|gb|tb|pb|kilobytes?|megabytes?|gigabytes?|terabytes?|petabytes?)\b)?/gi;
const WORD_NUMBER_RE = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a dozen|dozen|a|an)(?:[ -](one|two|three|four|five|six|seven|eight|nine))?\s(thousand|million|billion|bitcoins?|btc|penny|cents?|years?|days?|weeks?|months?)\b/gi;

interface Raw {
  start: number;
  end: number;
  value: number;
  unit: Unit;
  /** Half the place value of the last written digit, for exact figures. */
  halfUnit: number;
  symbolHedge?: string;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9]/.test(c);
}

function rawNumbers(v: string): Raw[] {
  const out: Raw[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(v); m; m = NUMBER_RE.exec(v)) {
    if (m[0].trim() === '') { NUMBER_RE.lastIndex++; continue; }
    const digitsAt = m.index + m[0].indexOf(m[3]);
    const before = v[digitsAt - 1];
    const endAt = m.index + m[0].length;
    const after = v[endAt];
    // Parts of identifiers, versions, times, IP addresses, ranges of pages, URLs.
    if (isWordChar(before) && !m[2]) continue;
    if (before === '.' || before === '/' || before === ':' || before === '#' || (before === '-' && isWordChar(v[digitsAt - 2]))) continue;
    if (after === ':' && /\d/.test(v[endAt + 1] ?? '')) continue;
    if (after === '.' && /\d/.test(v[endAt + 1] ?? '')) continue;
    if (isWordChar(after) && !m[5] && !m[6]) continue; // "Unit221B", "1st", "2FA"
    if (after === '-' && /[a-z]/i.test(v[endAt + 1] ?? '') && !/^-year-old/i.test(v.slice(endAt, endAt + 9))) continue; // "15-digit"
    if (/(?:no|nos|vol|fig|cve|version|v)\.?\s$/i.test(v.slice(Math.max(0, digitsAt - 8), digitsAt))) continue;
    // Dates: "Aug. 18", "August 15, 2021", and the year of such a date.
    const wordBefore = /([A-Za-z]+)\.?\s{1,2}$/.exec(v.slice(Math.max(0, digitsAt - 12), digitsAt));
    if (wordBefore && monthOf(wordBefore[1]) !== undefined && !m[2]) continue;
    if (/[A-Za-z]{3,9}\.?\s\d{1,2},\s$/.test(v.slice(Math.max(0, digitsAt - 16), digitsAt))) continue;
    const digits = m[3].replace(/,/g, '');
    let value = Number(digits);
    if (!Number.isFinite(value)) continue;
    // Place value of the last written digit: "667,000" is written to the
    // thousand, "50 million" to the million, "7.8 million" to 100,000.
    let place = 1;
    if (m[3].includes('.')) place = 10 ** -(m[3].split('.')[1].length);
    else if (m[3].includes(',') && !m[5]) {
      const groups = m[3].split(',');
      let zeros = 0;
      for (let g = groups.length - 1; g > 0 && groups[g] === '000'; g--) zeros += 3;
      place = 10 ** zeros;
    }
    let unit: Unit = 'count';
    let factor = 1;
    const currency = m[2]?.slice(-1);
    if (currency === '$') unit = 'usd';
    else if (currency === '€') unit = 'eur';
    else if (currency === '£') unit = 'gbp';
    if (m[4]) unit = 'percent';
    const mult = m[5]?.toLowerCase();
    if (mult) {
      // A lone "m" or "b" after a number is a multiplier only where a writer would use it ("50m", "$3bn").
      if ((mult === 'm' || mult === 'b' || mult === 'k') && /\s/.test(m[0].slice(m[0].indexOf(m[3]) + m[3].length, m[0].length - mult.length))) continue;
      factor *= MULTIPLIER[mult];
    }
    const size = m[6]?.toLowerCase();
    if (size) { unit = 'bytes'; factor *= BYTES[size]; }
    value *= factor;
    if (/^-year-old/i.test(v.slice(endAt, endAt + 9))) {
      out.push({ start: digitsAt, end: endAt + 9, value, unit: 'age', halfUnit: 0.5 });
      continue;
    }
    const year = unit === 'count' && !mult && !m[3].includes(',') && !m[3].includes('.') && value >= 1900 && value <= 2100;
    const start = m[1] ? m.index : digitsAt - (m[2] ? m[2].length + (v[digitsAt - 1] === ' ' ? 1 : 0) : 0);
    out.push({ start: Math.min(start, digitsAt), end: endAt, value, unit: year ? 'year' : unit, halfUnit: (place * factor) / 2, symbolHedge: m[1] });
  }
  WORD_NUMBER_RE.lastIndex = 0;
  for (let m = WORD_NUMBER_RE.exec(v); m; m = WORD_NUMBER_RE.exec(v)) {
    const head = m[1].toLowerCase().replace(/^a /, '');
    let value = WORD_NUMBERS[head] ?? 1;
    if (m[2]) value += WORD_NUMBERS[m[2].toLowerCase()] ?? 0;
    const tail = m[3].toLowerCase();
    let unit: Unit = 'count';
    let endAt = m.index + m[0].length;
    if (MULTIPLIER[tail]) value *= MULTIPLIER[tail];
    else {
      const u = UNIT_WORDS[tail];
      unit = u.unit;
      value *= u.factor;
    }
    if (out.some((r) => r.start < m!.index + m![0].length && m!.index < r.end)) continue;
    if ((head === 'a' || head === 'an') && unit === 'count' && !MULTIPLIER[tail]) continue;
    out.push({ start: m.index, end: endAt, value, unit, halfUnit: MULTIPLIER[tail] ? MULTIPLIER[tail] / 2 : 0.5 * (UNIT_WORDS[tail]?.factor ?? 1) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Items of an article grouped by the index of the sentence they stand in. */
export function groupBySentence<T extends { sentence: number }>(items: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const it of items) {
    const list = out.get(it.sentence);
    if (list) list.push(it);
    else out.set(it.sentence, [it]);
  }
  return out;
}

export function extractFigures(
  sentences: SentenceRef[],
  mentions: Mention[],
  kindOf: (key: string) => EntityKind | undefined,
  fallbackSubject?: string,
  hidden: Span[] = [],
): Figure[] {
  const figures: Figure[] = [];
  const bySentence = groupBySentence(mentions);
  sentences.forEach((s, si) => {
    if (!/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|dozen|a|an)\s/i.test(s.text)) return;
    const v = visibleText(s.text, s.span.start, hidden);
    const raws = rawNumbers(v);
    const ms = bySentence.get(si) ?? [];
    for (const r of raws) {
      let start = r.start;
      let low = r.value - r.halfUnit;
      let high = r.value + r.halfUnit;
      let hedge: string | undefined;
      const before = v.slice(Math.max(0, r.start - 24), r.start).toLowerCase();
      const sym = r.symbolHedge;
      for (const [re, interval] of HEDGES) {
        const hm = sym ? re.exec(sym) : re.exec(before);
        if (!hm) continue;
        hedge = (sym ?? hm[0]).trim();
        [low, high] = interval(r.value);
        if (!sym) start = r.start - (before.length - hm.index);
        break;
      }
      if (low < 0) low = 0;
      const named = (w: { start: number; end: number }) => ms.some((m) => m.span.start - s.span.start < w.end && m.span.end - s.span.start > w.start);
      // The noun phrase after the number.
      let unit = r.unit;
      let value = r.value;
      let i = r.end;
      const words: { text: string; start: number; end: number }[] = [];
      const wordRe = /[\s“"‘']*([A-Za-z][A-Za-z'’-]*)/y;
      for (let n = 0; n < 6; n++) {
        wordRe.lastIndex = i;
        const wm = wordRe.exec(v);
        if (!wm) break;
        const w = wm[1];
        const lower = w.toLowerCase().replace(/[’']s?$/, '');
        if (n === 0 && UNIT_WORDS[lower] && unit === 'count') {
          unit = UNIT_WORDS[lower].unit;
          value *= UNIT_WORDS[lower].factor;
          low *= UNIT_WORDS[lower].factor;
          high *= UNIT_WORDS[lower].factor;
          i = wm.index + wm[0].length;
          r.end = i;
          break;
        }
        // Adverbs ("privately") and verbs in -ed ("contained") end the phrase.
        if (/^[a-z]+(?:ly|ed)$/i.test(w) && !QUALIFIERS.has(lower)) break;
        if ((lower === 'or' || lower === 'and') && words.length && QUALIFIERS.has(words[words.length - 1].text.toLowerCase())) {
          i = wm.index + wm[0].length;
          continue;
        }
        if (PHRASE_STOP.has(lower) || monthOf(lower) !== undefined && w[0] === w[0].toUpperCase() && lower.length > 2) break;
        const ws = wm.index + wm[0].length - w.length;
        words.push({ text: w, start: ws, end: wm.index + wm[0].length });
        i = wm.index + wm[0].length;
        if (/[’']s?$/.test(w) || /^[,.;:!?)]/.test(v.slice(i, i + 1))) break;
        // A plural noun is the head: what follows it is no longer the phrase.
        if (/[^s]s$/i.test(w) && !QUALIFIERS.has(lower) && !named({ start: ws, end: i })) break;
      }
      let noun: string | undefined;
      let nounSpan: Span | undefined;
      const qualifiers: string[] = [];
      // The head is the last common noun; in a title-cased headline, the last word that names nothing.
      const head = [...words].reverse().find((w) => !QUALIFIERS.has(w.text.toLowerCase()) && /^[a-z]/.test(w.text))
        ?? (words.length && words.every((w) => /^[A-Z]/.test(w.text)) ? [...words].reverse().find((w) => !named(w) && !QUALIFIERS.has(w.text.toLowerCase())) : undefined);
      if (head && unit !== 'year') {
        noun = singular(head.text.replace(/[’']s?$/, ''));
        nounSpan = { start: s.span.start + head.start, end: s.span.start + head.end };
      }
      for (const w of words) if (QUALIFIERS.has(w.text.toLowerCase()) && w !== head) qualifiers.push(w.text.toLowerCase());
      // "a number that rose to ~50 million": the same thing as the figure before it in the sentence.
      const prev = figures.length && figures[figures.length - 1].sentence === si ? figures[figures.length - 1] : undefined;
      // "the total number of ripped-off records to be ~40 million": the noun stands before.
      if (!noun && unit === 'count') {
        const back = /(?:number|total|count|tally)\s+of\s+(?:[a-z-]+\s+){0,2}?([a-z]+)\s+(?:\w+\s+){0,4}$/i.exec(v.slice(Math.max(0, r.start - 120), start));
        if (back) noun = singular(back[1]);
        else if (prev && prev.unit === unit && prev.noun) {
          noun = prev.noun;
          qualifiers.push(...prev.qualifiers);
        }
      }
      if (/\btotal\b/i.test(v.slice(Math.max(0, start - 25), start)) && !qualifiers.includes('total')) qualifiers.push('total');
      // Whose: an organisation named inside the phrase, else the nearest one in the sentence, else the article's.
      const absStart = s.span.start + start;
      const absPhraseEnd = s.span.start + (words.length ? words[words.length - 1].end : r.end);
      let subject: string | undefined;
      const orgs = ms.filter((m) => kindOf(m.key) === 'organisation');
      const inside = orgs.find((m) => m.span.start >= absStart && m.span.end <= absPhraseEnd);
      if (inside) subject = inside.key;
      else if (orgs.length) {
        let best = Infinity;
        for (const m of orgs) {
          const d = Math.min(Math.abs(m.span.start - absStart), Math.abs(m.span.end - absStart));
          if (d < best) { best = d; subject = m.key; }
        }
      } else subject = fallbackSubject;
      if (unit === 'age') { noun = undefined; qualifiers.length = 0; }
      const text = s.text.slice(start, r.end).trim();
      const span = { start: s.span.start + start, end: s.span.start + start + s.text.slice(start, r.end).trimEnd().length };
      figures.push({
        span, text, value, low, high, unit, hedge, noun, nounSpan, qualifiers: [...new Set(qualifiers)].sort(),
        subject, measure: measureKey(subject, noun, qualifiers), sentence: si,
      });
    }
  });
  return figures;
}
