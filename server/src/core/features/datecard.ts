/**
 * The card of a date in the text: which day "Monday", "last Thursday",
 * "yesterday" or "Aug. 18" is, as the claims extractor reads it for a
 * figure's "as of" (`datesIn`), and how far it lies from the article's Date.
 * A writer editing a story days later, or checking a source's timeline,
 * sees the calendar day without counting back from the Date.
 */
import { blankCode } from '../check/prose';
import { datesIn, type DateMention } from '../extract/claims';
import { visibleText } from '../extract/numbers';
import type { IndexedDoc } from '../index/corpus';
import type { DocFacts } from '../extract/types';
import type { HoverResult } from './hover';
import { sentenceAt } from './locate';
import { longDate, MONTH_LABELS } from '../syntax/dates';

const DAY = 86_400_000;
const WEEKDAY_RE = /^(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day$/;

/**
 * `text`: the document the facts were read from. A sentence's own text is as the extractors read it (a line break
 * in a CRLF file or a quotation as one space), so offsets in it are the document's only where nothing was joined;
 * the document's slice keeps them true. Without it (the CLI, which prints no place), the sentence's text.
 */
export function dateHover(doc: IndexedDoc, offset: number, text?: string): HoverResult | undefined {
  const f = doc.facts;
  const si = sentenceAt(doc, offset);
  if (si < 0) return undefined;
  const s = f.sentences[si];
  const at = offset - s.span.start;
  const v = readOf(text !== undefined ? text.slice(s.span.start, s.span.end) : s.text);
  const date = dayOfDate(f);
  const d = datesIn(v, date).find((m) => at >= m.at && at <= m.end);
  if (!d) return undefined;
  return { markdown: cardOf(d, v.slice(d.at, d.end), date), span: { start: s.span.start + d.at, end: s.span.start + d.end } };
}

/**
 * The day dates are counted from: the one the article's Date names in its own zone ("yesterday" in an article dated
 * "2021-12-15T22:00-05:00" is Dec 14, not the day before the instant's UTC day), as extraction counts it.
 */
function dayOfDate(f: DocFacts): number | undefined {
  return f.day ?? f.date;
}

/** A sentence as the card reads it: link addresses and code as spaces, of the same length (a weekday in code is none). */
function readOf(raw: string): string {
  return blankCode(visibleText(raw));
}

/**
 * How far ahead of the Date a date written without its year is still read as the Date's year: a plan, a deadline ("the
 * freebie expiring October 31", 108 days ahead of a July article). Past it, the year before: a January article's "Dec. 14"
 * or "September 9" (11 and 8 months ahead this year) is last year's.
 */
const AHEAD = 183 * DAY;

/**
 * The day a date means, for the card and its hint: as `datesIn` reads it, but a date written without its year that
 * this year would put less than six months after the Date is this year's ("will ship by October 19" in a September
 * article; "The games begin on February 4" in a January one), where the figures' "as of" takes the year before (a count
 * is not dated ahead).
 */
function meant(d: DateMention, written: string, articleDate: number | undefined): number {
  if (articleDate === undefined || !d.day || /\b\d{4}\b/.test(written) || WEEKDAY_RE.test(written) || /^yesterday$/i.test(written)) return d.instant;
  const day = new Date(d.instant);
  const ahead = Date.UTC(day.getUTCFullYear() + 1, day.getUTCMonth(), day.getUTCDate());
  const ref = Math.floor(articleDate / DAY) * DAY;
  return day.getUTCFullYear() === new Date(ref).getUTCFullYear() - 1 && ahead - ref <= AHEAD ? ahead : d.instant;
}

/** The card of a date found in a sentence (`written`: its words as the sentence has them). */
function cardOf(d: DateMention, written: string, articleDate: number | undefined): string {
  // (A weekday written with its date, "Thursday, Sept. 8", is read as that date: the card shows the day it fell on.)
  const instant = meant(d, written, articleDate);
  const day = new Date(instant);
  const shown = d.day ? longDate(instant, true) : `${MONTH_LABELS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
  const lines = [`**${shown}**`];
  if (articleDate !== undefined) {
    const ref = Math.floor(articleDate / DAY) * DAY;
    const dated = `the article's Date (${longDate(ref, true)})`;
    if (d.day) lines.push(`${distance(Math.round((instant - ref) / DAY))} ${dated}.`);
    if (WEEKDAY_RE.test(written)) {
      lines.push('A weekday without a date is the latest one on or before the Date ("last Monday": the one before it).');
    } else if (d.day && !/^yesterday/i.test(written) && !/\b\d{4}\b/.test(written)) {
      lines.push('No year is written: the Date\'s year, or the year before where that would put it more than six months after the Date.');
    }
  }
  return lines.join('\n\n');
}

/** "3 days before", "The same day as", "268 days (about 9 months) before". */
function distance(days: number): string {
  if (days === 0) return 'The same day as';
  const n = Math.abs(days);
  const about = n >= 730 ? ` (about ${Math.round(n / 365.25)} years)` : n >= 60 ? ` (about ${Math.round(n / 30.44)} months)` : '';
  return `${n} day${n === 1 ? '' : 's'}${about} ${days < 0 ? 'before' : 'after'}`;
}

/** A date the text gives only relative to the article's Date, shown after it as the day it is (an inlay hint). */
export interface DateHint {
  /** Where the hint stands: right after the date's words. */
  offset: number;
  /** "Aug 23" after "Monday", "last Thursday" or "yesterday"; "2020" after "Dec. 23" in a January 2021 article. */
  label: string;
  /** The date's card (`dateHover`). */
  tooltip: string;
}

/**
 * The hints of an article's dates between `from` and `to`: after a weekday or "yesterday", the calendar day it is; after
 * a date written without its year, the year, where it is not the Date's ("Dec. 23" in a January article is last year's;
 * "Feb. 4" in one is this year's, `meant`).
 * Read as `dateHover` reads them (`datesIn`), so a hint never says other than the card. Nothing without a Date: such
 * dates are then no day at all. `text` is the document the facts were read from.
 */
export function dateHints(doc: IndexedDoc, text: string, from = 0, to = text.length): DateHint[] {
  const f = doc.facts;
  const date = dayOfDate(f);
  if (date === undefined) return [];
  const year = new Date(date).getUTCFullYear();
  const out: DateHint[] = [];
  for (const s of f.sentences) {
    if (s.span.end < from || s.span.start > to) continue;
    const v = readOf(text.slice(s.span.start, s.span.end));
    for (const d of datesIn(v, date)) {
      if (!d.day) continue;
      const offset = s.span.start + d.end;
      if (offset < from || offset > to) continue;
      const written = v.slice(d.at, d.end);
      const day = new Date(meant(d, written, date));
      let label: string;
      // (With its year where that is not the Date's: "Thursday" in a January 1 article is Dec 30, 2021.)
      if (WEEKDAY_RE.test(written) || /^yesterday$/i.test(written)) label = `${MONTH_LABELS[day.getUTCMonth()].slice(0, 3)} ${day.getUTCDate()}${day.getUTCFullYear() !== year ? `, ${day.getUTCFullYear()}` : ''}`;
      else if (!/\b\d{4}\b/.test(written) && day.getUTCFullYear() !== year) label = String(day.getUTCFullYear());
      else continue;
      // The card of the date already found: reading the sentence again for each hint made one of thousands of
      // weekdays take seconds.
      out.push({ offset, label, tooltip: cardOf(d, written, date) });
    }
  }
  return out;
}
