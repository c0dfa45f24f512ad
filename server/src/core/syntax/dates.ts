/**
 * Article dates. The corpus writes `+ Date:` in a dozen styles (see
 * shared/corpus/README.md); each one is recognised here and turned into an
 * instant with luxon, keeping the offset when the text gives one.
 */
import { DateTime } from 'luxon';

export type DateStyle = 'iso' | 'sql' | 'human' | 'human-time' | 'zdnet' | 'placeholder';

export interface ParsedDate {
  /** Milliseconds since the Unix epoch. Dates without a zone are read as UTC. */
  instant: number;
  /** ISO 8601 text, with the offset the article gave (or `Z` when it gave none). */
  iso: string;
  hasTime: boolean;
  /** True when the text named a zone or an offset. */
  hasZone: boolean;
  style: DateStyle;
}

export type DateResult =
  | { ok: true; date: ParsedDate }
  | { ok: false; placeholder: boolean; reason: string };

const PLACEHOLDERS = new Set(['unknown', 'none', 'n/a', 'null', 'undefined', '-', 'tbd']);

// Month names as ThreatPost and ZDNet write them, and the usual abbreviations
// (with or without a dot, "Sept" included), mapped to luxon's `MMMM` names.
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december'];

/**
 * 1-based month of a full name, a three-letter abbreviation or "Sept". Other
 * prefixes ("Marc", "Augus") are typing slips, not months: they are refused
 * so the writer is told, rather than guessed at.
 */
export function monthOf(word: string): number | undefined {
  // Called for every capitalised word the claim extractor meets: one look-up.
  return word.length < 3 || word.length > 9 ? undefined : MONTH_FORMS.get(word.toLowerCase());
}

const MONTH_FORMS = new Map<string, number>([['sept', 9]]);
MONTH_NAMES.forEach((name, i) => MONTH_FORMS.set(name, i + 1).set(name.slice(0, 3), i + 1));

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?\s?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// "August 26, 2021", "Aug. 26, 2021", "August 28, 2021  12:58 pm",
// "August 26, 2021 -- 18:30 GMT (19:30 BST)". Every quantifier is bounded or
// separated by a fixed literal, so matching is linear.
const HUMAN = /^([A-Za-z]{3,9})\.?\s{1,4}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,4}(\d{4})(?:\s{1,4}(?:--?\s{1,4})?(\d{1,2}):(\d{2})(?:\s{0,4}([ap]\.?m\.?))?(?:\s{1,4}(GMT|UTC|Z))?)?(?:\s{0,4}\([^()]{0,40}\))?$/i;

/**
 * Whether an instant is Unix time zero, give or take a day of time zones: the
 * scraper's "no date" ("January 1, 1970"), which reads as a date but is none.
 */
export function isEpochPlaceholder(instant: number): boolean {
  return Math.abs(instant) <= 86_400_000;
}

export function parseDate(raw: string): DateResult {
  const text = raw.trim();
  if (text === '') return { ok: false, placeholder: false, reason: 'The date is empty.' };
  if (PLACEHOLDERS.has(text.toLowerCase())) {
    return { ok: false, placeholder: true, reason: `The date is a placeholder ("${text}").` };
  }
  if (text.length > 80) return { ok: false, placeholder: false, reason: 'The date is too long to be a date.' };

  const fast = fastDate(text);
  if (fast) return { ok: true, date: fast };

  if (ISO_LIKE.test(text)) {
    const hasZone = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(text) && /[T ]\d{2}:\d{2}/i.test(text);
    const hasTime = /\d{2}:\d{2}/.test(text);
    const sql = text.includes(' ');
    const dt = sql
      ? DateTime.fromSQL(text.replace(/\s+(?=[+-]\d{2})/, ''), { zone: 'utc', setZone: true })
      : DateTime.fromISO(text, { zone: 'utc', setZone: true });
    if (dt.isValid) return { ok: true, date: make(dt, hasTime, hasZone, sql ? 'sql' : 'iso') };
    return { ok: false, placeholder: false, reason: `"${text}" looks like an ISO date but is not a real one (${dt.invalidExplanation ?? dt.invalidReason}).` };
  }

  const m = HUMAN.exec(text);
  if (m) {
    const month = monthOf(m[1]);
    if (month === undefined) return { ok: false, placeholder: false, reason: `"${m[1]}" is not a month name.` };
    const day = Number(m[2]);
    const year = Number(m[3]);
    let hour = m[4] === undefined ? 0 : Number(m[4]);
    const minute = m[5] === undefined ? 0 : Number(m[5]);
    const meridiem = m[6]?.toLowerCase().replace(/\./g, '');
    if (meridiem) {
      if (hour < 1 || hour > 12) return { ok: false, placeholder: false, reason: `"${m[4]}:${m[5]} ${m[6]}" is not a 12-hour time.` };
      if (meridiem === 'am' && hour === 12) hour = 0;
      else if (meridiem === 'pm' && hour !== 12) hour += 12;
    }
    const hasTime = m[4] !== undefined;
    const style: DateStyle = m[7] ? 'zdnet' : hasTime ? 'human-time' : 'human';
    const quick = utcDate(year, month, day, hour, minute, 0, 0, hasTime, Boolean(m[7]), style);
    if (quick) return { ok: true, date: quick };
    const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone: 'utc' });
    if (!dt.isValid) {
      return { ok: false, placeholder: false, reason: `"${text}" is not a real date (${dt.invalidExplanation ?? dt.invalidReason}).` };
    }
    return { ok: true, date: make(dt, hasTime, Boolean(m[7]), style) };
  }

  return {
    ok: false,
    placeholder: false,
    reason: `"${text}" is not a date Breach Desk can read. Write it like "August 26, 2021", "August 26, 2021 12:58 pm" or "2021-08-26T12:58:00+00:00".`,
  };
}

function make(dt: DateTime, hasTime: boolean, hasZone: boolean, style: DateStyle): ParsedDate {
  return { instant: dt.toMillis(), iso: dt.toISO() ?? '', hasTime, hasZone, style };
}

/**
 * The three shapes that make up nearly every machine-written date in the
 * corpus ("2021-08-26", "2021-08-26T12:58:00+02:00", SQL's "2021-08-26
 * 12:58:00"), read without luxon: building a luxon DateTime cost a first
 * index more than parsing the rest of the article's layout. Anything else,
 * and anything out of range, is left to luxon (undefined), which explains
 * what is wrong. The result is luxon's to the millisecond and the character
 * (test/dates.test.ts compares them).
 */
const FAST = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2}):(\d{2})(?:(Z)|([+-])(\d{2}):(\d{2}))?)?$/;

function fastDate(text: string): ParsedDate | undefined {
  const m = FAST.exec(text);
  if (!m) return undefined;
  const hasTime = m[4] !== undefined;
  const sql = m[4] === ' ';
  const zoned = m[8] !== undefined || m[9] !== undefined;
  // SQL's text with a zone, and "-00:00", go the long way.
  if (sql && zoned) return undefined;
  let offset = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59 || (m[9] === '-' && oh === 0 && om === 0)) return undefined;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return utcDate(Number(m[1]), Number(m[2]), Number(m[3]), hasTime ? Number(m[5]) : 0, hasTime ? Number(m[6]) : 0, hasTime ? Number(m[7]) : 0,
    offset, hasTime, zoned, sql ? 'sql' : 'iso');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A wall-clock time `offset` minutes ahead of UTC, as luxon gives it with
 * `setZone` (the offset kept, "Z" for none); undefined when a field is out of
 * range (the caller asks luxon, which says which).
 */
function utcDate(year: number, month: number, day: number, hour: number, minute: number, second: number, offset: number,
  hasTime: boolean, hasZone: boolean, style: DateStyle): ParsedDate | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const d = new Date(0);
  // `setUTCFullYear`, not `Date.UTC`: that one reads years 0–99 as 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCDate() !== day) return undefined; // "February 30"
  d.setUTCHours(hour, minute, second, 0);
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60), 2)}:${pad(Math.abs(offset) % 60, 2)}`;
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.000${zone}`;
  return { instant: d.getTime() - offset * 60_000, iso, hasTime, hasZone, style };
}
