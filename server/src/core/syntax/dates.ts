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
  const w = word.toLowerCase();
  if (w === 'sept') return 9;
  if (w.length !== 3) {
    const full = MONTH_NAMES.indexOf(w);
    return full < 0 ? undefined : full + 1;
  }
  const i = MONTH_NAMES.findIndex((name) => name.startsWith(w));
  return i < 0 ? undefined : i + 1;
}

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
    const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone: 'utc' });
    if (!dt.isValid) {
      return { ok: false, placeholder: false, reason: `"${text}" is not a real date (${dt.invalidExplanation ?? dt.invalidReason}).` };
    }
    const hasTime = m[4] !== undefined;
    const style: DateStyle = m[7] ? 'zdnet' : hasTime ? 'human-time' : 'human';
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
