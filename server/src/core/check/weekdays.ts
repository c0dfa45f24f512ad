/**
 * A weekday that does not fit its date (`date.weekday`): "Thursday, Sept. 8"
 * where Sept. 8, 2021 was a Wednesday. Copy editors check this by hand; the
 * real corpus has three such slips in 79 weekday-and-date pairs, each in a
 * published article ("Wednesday, July 24" for a meeting on Wednesday, Aug.
 * 25).
 *
 * Read: a weekday (in full, or abbreviated with its dot: "Wed.", "Tues.")
 * before a month and day ("Thursday, Sept. 8", "Wed. Feb 23") or a day and
 * month ("Friday 23 July", "Friday, the 28th of January"), with or without
 * a year. Without a year the date takes the year that puts it nearest the
 * article's Date, and the message says so; without a year and without a
 * Date there is nothing to check, nor where the year nearest the Date puts
 * it more than 60 days before (an old event, retold without its year). A
 * link's address and code are not read (`visibleText`, `blankCode`); a
 * link's words are.
 *
 * Fixes: the weekday the date fell on; the nearest date that was that
 * weekday (when it does not move a date without a year into another year);
 * and, where the same day of the month before or after was that weekday,
 * that date: the month is the word written wrong ("Wednesday, July 25" for
 * Wednesday, Aug. 25). Which word is wrong is the writer's call, so none is
 * preferred, but for one reading: the month's, where it puts the date within
 * a week of the article's Date (`NEAR_DATE`). News tells of this week's
 * events; the date as written is then a month away, and so is the nearest
 * date of the weekday written (the two other readings are never more than
 * three days apart, so the Date cannot choose between them).
 */
import type { Article } from '../syntax/ast';
import { diag, type Diagnostic, type Fix, type TextEdit } from '../diagnostics';
import type { Prose } from './prose';
import { isEpochPlaceholder, longDate, MONTH_LABELS as MONTHS, WEEKDAY_LABELS as WEEKDAYS } from '../syntax/dates';

const DAY = 86_400_000;
/** AP style, for a weekday written abbreviated. */
const SHORT_WEEKDAYS = ['Sun.', 'Mon.', 'Tues.', 'Wed.', 'Thurs.', 'Fri.', 'Sat.'];
/** AP style, for a month written abbreviated (March to July are never abbreviated). */
const SHORT_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

// The two patterns are written out (not built from parts) so that the regular-expression audit of
// test/pathological.test.ts probes them. Their parts: a weekday, in full or abbreviated with its dot (group 1);
// between words, spaces or one line break a paragraph wraps at (the `>` of a quotation is blanked by
// `visibleText`); a month in full or abbreviated; a day of one or two digits with its ordinal's letters, not
// followed by a digit or a colon ("November 2021", "10:00"); and an optional year of the 1900s or 2000s.
/** "Thursday, Sept. 8, 2021": groups weekday, month, day, suffix, year. */
const MONTH_FIRST = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.),?(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*)(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*)(\d{1,2})(st|nd|rd|th)?(?![\d:])(?:,?[ \t]+((?:19|20)\d\d)(?![\d:]))?/dg;
/** "Friday, the 28th of January 2022": groups weekday, day, suffix, month, year. */
const DAY_FIRST = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.),?(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*)(?:the[ \t]+)?(\d{1,2})(st|nd|rd|th)?(?![\d:])(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*)(?:of[ \t]+)?(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)(?![A-Za-z])(?:,?[ \t]+((?:19|20)\d\d)(?![\d:]))?/dg;
/** A cheap test before the two searches: most blocks name no weekday. */
const ANY_WEEKDAY = /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)/;

/** A part of the date as written: where it stands and its text. */
interface Part {
  start: number;
  text: string;
}

interface Found {
  weekday: Part;
  month: Part;
  day: Part & { suffix: string };
  year?: Part;
  /** A lower-case word follows the year: it may be a count ("Sept. 9, 2000 customers"). */
  yearMaybeCount: boolean;
  start: number;
  end: number;
}

export function checkWeekdays(a: Article, prose: Prose[], out: Diagnostic[]): void {
  const ref = articleDay(a);
  for (const { start, raw, v } of prose) {
    if (!ANY_WEEKDAY.test(raw)) continue;
    const seen = new Set<number>();
    for (const f of [...found(v, MONTH_FIRST, false), ...found(v, DAY_FIRST, true)]) {
      if (seen.has(f.start)) continue;
      seen.add(f.start);
      const d = check(f, ref);
      if (d) out.push(toDiagnostic(f, d, start, ref));
    }
  }
}

/** The article's own calendar day (UTC midnight), in the zone its Date is written in. */
function articleDay(a: Article): number | undefined {
  const parsed = a.date?.parsed;
  // The scraper's "no date" (Unix time zero) is no day to count from (`info.date-epoch` says so).
  if (!parsed?.ok || isEpochPlaceholder(parsed.date.instant)) return undefined;
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(parsed.date.iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

function found(v: string, re: RegExp, dayFirst: boolean): Found[] {
  const out: Found[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const at = m.indices!;
    const part = (g: number): Part => ({ start: at[g][0], text: m![g] });
    const [month, day, suffix, year] = dayFirst ? [4, 2, 3, 5] : [2, 3, 4, 5];
    const weekday = part(1);
    // An abbreviation is a weekday only where nothing else reads it: not after "the" ("The Sun. Aug. 3 is…"), and
    // "Sun." and "Sat." only before a comma ("Sat., Oct. 16").
    if (weekday.text.endsWith('.')) {
      if (/\bthe[ \t]+$/i.test(v.slice(Math.max(0, m.index - 5), m.index))) continue;
      if ((weekday.text === 'Sun.' || weekday.text === 'Sat.') && v.charCodeAt(m.index + weekday.text.length) !== 44) continue;
    }
    const end = m.index + m[0].length;
    out.push({
      weekday,
      month: part(month),
      day: { ...part(day), suffix: m[suffix] ?? '' },
      year: m[year] ? part(year) : undefined,
      yearMaybeCount: m[year] !== undefined && /^[ \t]+[a-z]/.test(v.slice(end, end + 2)),
      start: m.index,
      end,
    });
  }
  return out;
}

interface Verdict {
  /** The date as read, UTC midnight. */
  date: number;
  /** The weekday it fell on (0 Sunday). */
  actual: number;
  written: number;
  /** Whether the year was taken from the article's Date. */
  yearAssumed: boolean;
}

/** More than this many days before the Date, a date without a year may be an old event's, retold without it. */
const ASSUMED_YEAR_REACH = 60;
/** A date within this many days of the article's Date is the week's news: the reading that puts it there is the likeliest. */
const NEAR_DATE = 7;

/** The date of `month` and `day` nearest the article's day `ref`, in the year before, of or after it (UTC midnight). */
function nearestYear(month: number, day: number, ref: number): number {
  const y = new Date(ref).getUTCFullYear();
  return [y - 1, y, y + 1].map((year) => Date.UTC(year, month, day)).reduce((best, d) => (Math.abs(d - ref) < Math.abs(best - ref) ? d : best));
}

function check(f: Found, ref: number | undefined): Verdict | undefined {
  const month = monthIndex(f.month.text);
  const day = Number(f.day.text);
  if (month < 0 || day < 1) return undefined;
  const written = weekdayIndex(f.weekday.text);
  // Without a year, the year that puts the date nearest the article: "Thursday, Dec. 23" in a January article is
  // last December's.
  const assumed = () => {
    if (ref === undefined) return undefined;
    const date = nearestYear(month, day, ref);
    return date >= ref - ASSUMED_YEAR_REACH * DAY ? date : undefined;
  };
  const date = f.year ? Date.UTC(Number(f.year.text), month, day) : assumed();
  // Feb. 30 is no date: not this check's to say.
  if (date === undefined || new Date(date).getUTCDate() !== day) return undefined;
  const actual = new Date(date).getUTCDay();
  if (actual === written) return undefined;
  // "On Thursday, Sept. 9, 2000 customers were told": the "year" may be a count, and without it the day fits.
  if (f.yearMaybeCount) {
    const other = assumed();
    if (other !== undefined && new Date(other).getUTCDay() === written) return undefined;
  }
  return { date, actual, written, yearAssumed: !f.year };
}

/**
 * The same day of the month before or after that was the weekday written, if one was (at most one is: the two are
 * 59 to 62 days apart, never a whole number of weeks). A written year stays: December is not read as next January. A
 * date without a year takes the year that puts it nearest the Date, as the one written did.
 */
function otherMonth(v: Verdict, ref: number | undefined): number | undefined {
  const date = new Date(v.date);
  const day = date.getUTCDate();
  for (const delta of [-1, 1]) {
    const month = (date.getUTCMonth() + delta + 12) % 12;
    let other: number;
    if (v.yearAssumed) {
      if (ref === undefined) continue;
      other = nearestYear(month, day, ref);
      if (other < ref - ASSUMED_YEAR_REACH * DAY) continue;
    } else {
      other = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + delta, day);
      if (new Date(other).getUTCFullYear() !== date.getUTCFullYear()) continue;
    }
    // No such day ("Feb. 30"), or another weekday.
    if (new Date(other).getUTCDate() !== day || new Date(other).getUTCDay() !== v.written) continue;
    return other;
  }
  return undefined;
}

/** How a day stands to the article's: "the article’s Date", "the day before the article’s Date", "3 days after the article’s Date". */
function fromDate(day: number, ref: number): string {
  const n = Math.round((day - ref) / DAY);
  if (n === 0) return 'the article’s Date';
  if (Math.abs(n) === 1) return `the day ${n < 0 ? 'before' : 'after'} the article’s Date`;
  return `${Math.abs(n)} days ${n < 0 ? 'before' : 'after'} the article’s Date`;
}

function toDiagnostic(f: Found, v: Verdict, base: number, ref: number | undefined): Diagnostic {
  const date = new Date(v.date);
  const year = date.getUTCFullYear();
  const was = WEEKDAYS[v.actual];
  const monthly = otherMonth(v, ref);
  // The month's reading is the likeliest where it makes the date this week's news (see the header).
  const near = monthly !== undefined && ref !== undefined && Math.abs(monthly - ref) <= NEAR_DATE * DAY;
  const message = `${longDate(v.date)} was a ${was}, not a ${WEEKDAYS[v.written]}`
    + (v.yearAssumed ? ` (no year is written: ${year} puts the date nearest the article’s Date).` : '.')
    + (monthly !== undefined ? ` ${longDate(monthly)}${near ? `, ${fromDate(monthly, ref!)},` : ''} was a ${WEEKDAYS[v.written]}: is the month wrong?` : '');
  const newWeekday = f.weekday.text.endsWith('.') ? SHORT_WEEKDAYS[v.actual] : was;
  const fixes: Fix[] = [{ title: `Write ${newWeekday}`, edits: [edit(base, f.weekday, newWeekday)] }];
  // The nearest day that was the weekday written: at most three days away, so there is one. A date without a
  // year is not moved into another year (its year is only assumed).
  let shift = (v.written - v.actual + 7) % 7;
  if (shift > 3) shift -= 7;
  const moved = new Date(v.date + shift * DAY);
  if (moved.getUTCFullYear() === year || f.year) {
    const movedMonth = monthLike(f.month.text, moved.getUTCMonth());
    const movedDay = `${moved.getUTCDate()}${f.day.suffix ? ordinal(moved.getUTCDate()) : ''}`;
    const edits: TextEdit[] = [{ span: { start: base + f.day.start, end: base + f.day.start + f.day.text.length + f.day.suffix.length }, newText: movedDay }];
    if (moved.getUTCMonth() !== date.getUTCMonth()) edits.push(edit(base, f.month, movedMonth));
    if (moved.getUTCFullYear() !== year && f.year) edits.push(edit(base, f.year, String(moved.getUTCFullYear())));
    const shown = (f.day.start < f.month.start ? `${movedDay} ${movedMonth}` : `${movedMonth} ${movedDay}`)
      + (moved.getUTCFullYear() !== year ? `, ${moved.getUTCFullYear()}` : '');
    fixes.push({ title: `Write ${shown}, the nearest ${WEEKDAYS[v.written]}`, edits: edits.sort((x, y) => x.span.start - y.span.start) });
  }
  if (monthly !== undefined) {
    const other = new Date(monthly);
    const month = monthLike(f.month.text, other.getUTCMonth());
    const shown = f.day.start < f.month.start ? `${f.day.text}${f.day.suffix} ${month}` : `${month} ${f.day.text}${f.day.suffix}`;
    const fix: Fix = { title: `Write ${shown}, a ${WEEKDAYS[v.written]} a month ${monthly < v.date ? 'earlier' : 'later'}`, edits: [edit(base, f.month, month)] };
    if (near) fixes.unshift({ ...fix, preferred: true });
    else fixes.push(fix);
  }
  return diag('date.weekday', { start: base + f.start, end: base + f.end }, message, fixes);
}

function edit(base: number, part: Part, newText: string): TextEdit {
  return { span: { start: base + part.start, end: base + part.start + part.text.length }, newText };
}

function monthIndex(word: string): number {
  const w = word.replace(/\.$/, '').toLowerCase();
  return MONTHS.findIndex((m) => m.toLowerCase() === w || (w.length >= 3 && m.toLowerCase().startsWith(w) && (w.length === 3 || w === 'sept')));
}

function weekdayIndex(word: string): number {
  const w = word.replace(/\.$/, '').toLowerCase();
  return WEEKDAYS.findIndex((d) => d.toLowerCase().startsWith(w));
}

/** A month written in the style of another: in full, or abbreviated (AP style; with the dot only if the other had one). */
function monthLike(written: string, month: number): string {
  if (MONTHS.includes(written)) return MONTHS[month];
  const short = SHORT_MONTHS[month];
  return written.endsWith('.') ? short : short.replace(/\.$/, '');
}

function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
}
