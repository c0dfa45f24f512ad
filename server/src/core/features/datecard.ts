/**
 * The card of a date in the text: which day "Monday", "last Thursday",
 * "yesterday" or "Aug. 18" is, as the claims extractor reads it for a
 * figure's "as of" (`datesIn`), and how far it lies from the article's Date.
 * A writer editing a story days later, or checking a source's timeline,
 * sees the calendar day without counting back from the Date.
 */
import { datesIn } from '../extract/claims';
import { visibleText } from '../extract/numbers';
import type { IndexedDoc } from '../index/corpus';
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
  const v = visibleText(text !== undefined ? text.slice(s.span.start, s.span.end) : s.text);
  const d = datesIn(v, f.date).find((m) => at >= m.at && at <= m.end);
  if (!d) return undefined;
  // (A weekday written with its date, "Thursday, Sept. 8", is read as that date: the card shows the day it fell on.)
  const written = v.slice(d.at, d.end);
  const day = new Date(d.instant);
  const shown = d.day ? longDate(d.instant, true) : `${MONTH_LABELS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
  const lines = [`**${shown}**`];
  if (f.date !== undefined) {
    const ref = Math.floor(f.date / DAY) * DAY;
    const dated = `the article's Date (${longDate(ref, true)})`;
    if (d.day) lines.push(`${distance(Math.round((d.instant - ref) / DAY))} ${dated}.`);
    if (WEEKDAY_RE.test(written)) {
      lines.push('A weekday without a date is the latest one on or before the Date ("last Monday": the one before it).');
    } else if (d.day && !/^yesterday/i.test(written) && !/\b\d{4}\b/.test(written)) {
      lines.push('No year is written: the Date\'s year, or the year before where that would put it more than two weeks after the Date.');
    }
  }
  return { markdown: lines.join('\n\n'), span: { start: s.span.start + d.at, end: s.span.start + d.end } };
}

/** "3 days before", "The same day as", "268 days (about 9 months) before". */
function distance(days: number): string {
  if (days === 0) return 'The same day as';
  const n = Math.abs(days);
  const about = n >= 730 ? ` (about ${Math.round(n / 365.25)} years)` : n >= 60 ? ` (about ${Math.round(n / 30.44)} months)` : '';
  return `${n} day${n === 1 ? '' : 's'}${about} ${days < 0 ? 'before' : 'after'}`;
}
