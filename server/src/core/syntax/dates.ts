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
  // Called for every capitalised word the claim extractor meets: one look-up, and no lower-cased copy of the words
  // whose first letter starts no month.
  return word.length < 3 || word.length > 9 || !monthInitial(word.charCodeAt(0)) ? undefined : MONTH_FORMS.get(word.toLowerCase());
}

/** Whether a month's name may begin with this character: A, D, F, J, M, N, O or S in either case. */
function monthInitial(c: number): boolean {
  const lower = c | 0x20; // lower-cases an ASCII letter, and makes no other character one
  return lower === 97 || lower === 100 || lower === 102 || lower === 106 || lower === 109 || lower === 110 || lower === 111 || lower === 115;
}

const MONTH_FORMS = new Map<string, number>([['sept', 9]]);
MONTH_NAMES.forEach((name, i) => MONTH_FORMS.set(name, i + 1).set(name.slice(0, 3), i + 1));

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?\s?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/**
 * Whether an instant is Unix time zero, give or take a day of time zones: the
 * scraper's "no date" ("January 1, 1970"), which reads as a date but is none.
 */
export function isEpochPlaceholder(instant: number): boolean {
  return Math.abs(instant) <= 86_400_000;
}

export function parseDate(raw: string): DateResult {
  const r = readDate(raw);
  if (!r.ok) return r;
  // Real, but no article's: "0001-01-01", an offset of "+25:00".
  const year = Number(r.date.iso.slice(0, 4));
  if (year < 1900 || year > 2200) return { ok: false, placeholder: false, reason: `${year} is not a year an article was written in.` };
  const zone = /([+-])(\d{2}):(\d{2})$/.exec(r.date.iso);
  if (zone && Number(zone[2]) * 60 + Number(zone[3]) > 14 * 60) return { ok: false, placeholder: false, reason: `${zone[0]} is not a time zone's offset: offsets run from -12:00 to +14:00.` };
  return r;
}

function readDate(raw: string): DateResult {
  const text = raw.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
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
    const f = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/i.exec(text);
    const why = f ? whyNotReal(Number(f[1]), Number(f[2]), Number(f[3]), Number(f[4] ?? 0), Number(f[5] ?? 0)) : undefined;
    return { ok: false, placeholder: false, reason: `"${text}" looks like an ISO date but is not a real one${why ? `: ${why}` : ''}.` };
  }

  const human = readHuman(text);
  if (human) {
    if ('problem' in human) return { ok: false, placeholder: false, reason: human.problem };
    const { year, month, day, minute, hasTime, offset, style } = human;
    let hour = human.hour;
    if (human.meridiem) {
      if (hour < 1 || hour > 12) return { ok: false, placeholder: false, reason: `"${human.time}" is not a 12-hour time.` };
      if (human.meridiem === 'am' && hour === 12) hour = 0;
      else if (human.meridiem === 'pm' && hour !== 12) hour += 12;
    }
    const quick = utcDate(year, month, day, hour, minute, 0, offset ?? 0, hasTime, offset !== undefined, style);
    if (quick) return { ok: true, date: quick };
    return { ok: false, placeholder: false, reason: `"${text}" is not a real date: ${whyNotReal(year, month, day, hour, minute)}.` };
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

/** In plain words, what makes a date impossible ("February has no day 30"); '' when nothing the fields say is wrong. */
function whyNotReal(year: number, month: number, day: number, hour: number, minute: number): string {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${MONTH_LABELS[month - 1]} has no day ${day}`;
  if (month === 2 && day === 29) return `${year} is not a leap year`;
  if (hour > 23) return `there is no hour ${hour}`;
  if (minute > 59) return `there is no minute ${minute}`;
  return 'no such time';
}

/** The months' names as written in English, January first. */
/**
 * Names that end in a weekday: "Patch Tuesday", "Black Friday". A name to the entity extractor, no date to the claims
 * extractor, the date card or its hints ("the July 2021 Patch Tuesday" was no Tuesday before the article's Date).
 */
export const NAMED_DAYS: ReadonlySet<string> = new Set(['patch tuesday', 'black friday', 'cyber monday', 'super tuesday', 'giving tuesday', 'good friday', 'easter sunday', 'easter monday', 'bloody sunday']);

export const MONTH_LABELS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** The weekdays' names as written in English, Sunday first (as `Date.getUTCDay` counts). */
export const WEEKDAY_LABELS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A day (UTC midnight) written out: "September 8, 2021", or with `weekday` "Wednesday, September 8, 2021". */
export function longDate(ms: number, weekday = false): string {
  const d = new Date(ms);
  return `${weekday ? `${WEEKDAY_LABELS[d.getUTCDay()]}, ` : ''}${MONTH_LABELS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun']);

/**
 * Zones written after a time, as offsets in minutes; US zones without S or D
 * ("ET", "PT") take daylight saving time by the date (see `usOffset`).
 */
const ZONES = new Map<string, number | 'us'>([
  ['gmt', 0], ['utc', 0], ['z', 0], ['bst', 60], ['cet', 60], ['cest', 120], ['eet', 120], ['eest', 180],
  ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300], ['mst', -420], ['mdt', -360], ['pst', -480], ['pdt', -420],
  ['aest', 600], ['aedt', 660], ['jst', 540], ['sgt', 480],
  ['et', 'us'], ['ct', 'us'], ['mt', 'us'], ['pt', 'us'],
]);
const US_STANDARD: Record<string, number> = { et: -300, ct: -360, mt: -420, pt: -480 };

/** The offset of a US zone written without S or D: daylight time from the second Sunday of March to the first of November. */
function usOffset(zone: string, year: number, month: number, day: number): number {
  const sunday = (m: number, nth: number) => {
    const first = new Date(Date.UTC(year, m - 1, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + (nth - 1) * 7;
  };
  const date = month * 100 + day;
  const dst = date >= 300 + sunday(3, 2) && date < 1100 + sunday(11, 1);
  return US_STANDARD[zone] + (dst ? 60 : 0);
}

interface HumanDate {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** The time as written, for messages. */
  time: string;
  meridiem?: 'am' | 'pm';
  hasTime: boolean;
  offset?: number;
  style: DateStyle;
}

/**
 * A date as people write it, read word by word: an optional weekday, then the
 * month and the day in either order ("August 26, 2021", "26 August 2021",
 * "Thursday, Aug. 26th, 2021"), an optional time ("12:58 pm", "12:58p.m.",
 * "-- 18:30"), an optional zone ("GMT", "ET", "PDT") and a note in brackets
 * ("(19:30 BST)"). Undefined when the words are not such a date; a problem
 * when they are one with a word wrong in it.
 */
function readHuman(text: string): HumanDate | { problem: string } | undefined {
  // A note in brackets at the end ("(19:30 BST)") and a full stop say nothing more.
  let t = text.replace(/\s*\([^()]{0,40}\)$/, '').replace(/\.$/, '');
  t = t.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
  const words = t.split(/[\s,]+/).filter((w) => w !== '' && w !== '-' && w !== '--' && w !== '—' && w !== '–' && w !== 'at' && w !== '@');
  let k = 0;
  if (words.length && WEEKDAYS.has(words[0].toLowerCase().replace(/\.$/, ''))) k++;
  const dayOf = (w: string | undefined) => (w !== undefined && /^\d{1,2}(?:st|nd|rd|th)?$/i.test(w) ? parseInt(w, 10) : undefined);
  const wordAt = (i: number) => words[i]?.replace(/\.$/, '');
  let month: number | undefined;
  let day: number | undefined;
  if (dayOf(words[k]) !== undefined && wordAt(k + 1) !== undefined && /^[A-Za-z]{3,9}$/.test(wordAt(k + 1)!)) {
    day = dayOf(words[k]);
    month = monthOf(wordAt(k + 1)!);
    if (month === undefined) return /^\d{4}$/.test(words[k + 2] ?? '') ? { problem: `"${wordAt(k + 1)}" is not a month name.` } : undefined;
    k += 2;
  } else if (wordAt(k) !== undefined && /^[A-Za-z]{3,9}$/.test(wordAt(k)!) && dayOf(words[k + 1]) !== undefined) {
    month = monthOf(wordAt(k)!);
    day = dayOf(words[k + 1]);
    if (month === undefined) return /^\d{4}$/.test(words[k + 2] ?? '') ? { problem: `"${wordAt(k)}" is not a month name.` } : undefined;
    k += 2;
  } else return undefined;
  if (!/^\d{4}$/.test(words[k] ?? '')) return undefined;
  const year = Number(words[k++]);
  let hour = 0;
  let minute = 0;
  let time = '';
  let meridiem: 'am' | 'pm' | undefined;
  let hasTime = false;
  let offset: number | undefined;
  if (k < words.length) {
    const tm = /^(\d{1,2}):(\d{2})([ap]\.?m\.?)?$/i.exec(words[k]);
    if (!tm) return undefined;
    hour = Number(tm[1]);
    minute = Number(tm[2]);
    time = words[k];
    hasTime = true;
    k++;
    let mer = tm[3];
    if (!mer && k < words.length && /^[ap]\.?m\.?$/i.test(words[k])) {
      mer = words[k];
      time += ` ${words[k]}`;
      k++;
    }
    if (mer) meridiem = mer[0].toLowerCase() === 'a' ? 'am' : 'pm';
    if (k < words.length) {
      const zone = ZONES.get(words[k].toLowerCase());
      if (zone === undefined) return undefined;
      offset = zone === 'us' ? usOffset(words[k].toLowerCase(), year, month, day!) : zone;
      k++;
    }
  }
  if (k < words.length) return undefined;
  const style: DateStyle = offset !== undefined ? 'zdnet' : hasTime ? 'human-time' : 'human';
  return { year, month, day: day!, hour, minute, time, meridiem, hasTime, offset, style };
}
