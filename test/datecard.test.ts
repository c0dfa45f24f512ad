/**
 * The card of a date in the text (features/datecard.ts): which calendar day
 * "Monday", "yesterday", "Aug. 18" or "Thursday, Sept. 8" is, read as the
 * claims extractor reads it, and how far it lies from the article's Date;
 * then over stdio, where it comes after the name, figure and field cards.
 */
import * as assert from 'assert';
import * as path from 'path';
import { dateHints, dateHover } from '../server/src/core/features/datecard';
import { extractFacts } from '../server/src/core/extract/facts';
import { CorpusIndex, lineStartsOf, type IndexedDoc } from '../server/src/core/index/corpus';
import { parse } from '../server/src/core/syntax/parse';
import { article, DEFAULT_INFO_OLD } from './helpers/fixture';
import { closeWorkspace, fileUri, openWorkspace } from './helpers/lsp';

/** `text` indexed alone, as `uri`: the article the card and the hints read. */
function docOf(text: string, uri = 'file:///a.txt'): IndexedDoc {
  const index = new CorpusIndex();
  index.set({ facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
  return index.get(uri)!;
}

/** The article (dated Saturday, August 28, 2021, as every fixture is) with this body, and the date card at `word`. */
function card(body: string, word: string, info?: Record<string, string>, eol?: '\r\n'): { on: string; lines: string[] } | undefined {
  const text = article({ body, ...(info ? { info } : {}), ...(eol ? { eol } : {}) });
  const doc = docOf(text);
  const at = text.indexOf(word);
  assert.ok(at >= 0, word);
  const h = dateHover(doc, at, text);
  return h && { on: text.slice(h.span.start, h.span.end), lines: h.markdown.split('\n\n') };
}

const BODY = 'On Aug. 18, T-Mobile said 40 million were hit. By Monday it said more. Last Thursday it said so too, and yesterday again. It began Thursday, Sept. 8, in June and on Dec. 3, 2020.';
const DATE = "the article's Date (Saturday, August 28, 2021)";

describe('the card of a date in the text', function () {
  it('a date without a year: its weekday, its distance from the Date, and the year it took', function () {
    assert.deepStrictEqual(card(BODY, '18,'), { on: 'Aug. 18', lines: ['**Wednesday, August 18, 2021**', `10 days before ${DATE}.`, "No year is written: the Date's year, or the year before where that would put it more than six months after the Date."] });
  });

  it('a weekday, "last" one and "yesterday", counted back from the Date', function () {
    const weekday = 'A weekday without a date is the latest one on or before the Date ("last Monday": the one before it).';
    assert.deepStrictEqual(card(BODY, 'Monday'), { on: 'Monday', lines: ['**Monday, August 23, 2021**', `5 days before ${DATE}.`, weekday] });
    assert.deepStrictEqual(card(BODY, 'Thursday it'), { on: 'Thursday', lines: ['**Thursday, August 26, 2021**', `2 days before ${DATE}.`, weekday] });
    assert.deepStrictEqual(card(BODY, 'yesterday'), { on: 'yesterday', lines: ['**Friday, August 27, 2021**', `1 day before ${DATE}.`] });
  });

  it('a weekday written with its date is that date\'s: the card shows the day the date fell on', function () {
    const c = card(BODY, 'Thursday, Sept');
    assert.deepStrictEqual(c && [c.on, c.lines[0], c.lines[1]], ['Thursday, Sept. 8', '**Wednesday, September 8, 2021**', `11 days after ${DATE}.`]);
  });

  it('a written year, a month alone, and far from the Date in months', function () {
    assert.deepStrictEqual(card(BODY, '2020'), { on: 'Dec. 3, 2020', lines: ['**Thursday, December 3, 2020**', `268 days (about 9 months) before ${DATE}.`] });
    assert.deepStrictEqual(card(BODY, 'June'), { on: 'June', lines: ['**June 2021**'] });
  });

  it('without a Date only a date with its year, and no distance', function () {
    const info = { Source: 'ThreatPost', Link: '[article](https://threatpost.com/example/1234/)', Author: 'Lisa Vaas' };
    assert.strictEqual(card(BODY, 'Monday', info), undefined);
    assert.deepStrictEqual(card(BODY, '2020', info), { on: 'Dec. 3, 2020', lines: ['**Thursday, December 3, 2020**'] });
  });

  it('its place stands on the document where a line break is read as one space (CRLF, a quotation)', function () {
    assert.strictEqual(card('It began on Thursday,\nAug. 12, they said.', 'Thursday', undefined, '\r\n')?.on, 'Thursday,\r\nAug. 12');
    assert.strictEqual(card('> “It began on Thursday,\n> Aug. 12,” they said.', 'Thursday')?.on, 'Thursday,\n> Aug. 12');
  });

  it('hints: the calendar day after a weekday or "yesterday", the year after a date of another year written without it', function () {
    // "Sept. 8" and "Nov. 12" are less than six months after the Date: this year's (a plan, a deadline), no hint.
    const text = article({ body: `${BODY} The next is due on Nov. 12.` });
    const doc = docOf(text);
    const hints = dateHints(doc, text);
    // Each hint right after the words it dates, and its card as the tooltip.
    assert.deepStrictEqual(hints.map((h) => [text.slice(h.offset - 13, h.offset), h.label]), [
      [text.slice(text.indexOf('Monday') + 6 - 13, text.indexOf('Monday') + 6), 'Aug 23'],
      [text.slice(text.indexOf('Last Thursday') + 13 - 13, text.indexOf('Last Thursday') + 13), 'Aug 26'],
      [text.slice(text.indexOf('yesterday') + 9 - 13, text.indexOf('yesterday') + 9), 'Aug 27'],
    ]);
    assert.strictEqual(hints[0].tooltip.split('\n\n')[0], '**Monday, August 23, 2021**');
    // In a January article, "Dec. 12" and "September 9" (11 and 8 months ahead this year) are last year's: the year hinted.
    const january = article({ body: 'It was found on Dec. 12 and reported on September 9, then fixed on Jan. 10.', info: { Date: 'January 20, 2022' } });
    const janDoc = docOf(january, 'file:///j.txt');
    const years = dateHints(janDoc, january);
    assert.deepStrictEqual(years.map((h) => [january.slice(h.offset - 7, h.offset), h.label]), [['Dec. 12', '2021'], ['ember 9', '2021']]);
    assert.strictEqual(years[0].tooltip.split('\n\n')[0], '**Sunday, December 12, 2021**');
    // A weekday of last year says its year too.
    const newYear = article({ body: 'It was found on Thursday and patched yesterday.', info: { Date: 'January 1, 2022' } });
    const nyDoc = docOf(newYear, 'file:///n.txt');
    assert.deepStrictEqual(dateHints(nyDoc, newYear).map((h) => h.label), ['Dec 30, 2021', 'Dec 31, 2021']);
    // The upcoming date's card says this year too, as its hint does by its silence.
    assert.strictEqual(dateHover(doc, text.indexOf('Nov. 12') + 1, text)!.markdown.split('\n\n')[0], '**Friday, November 12, 2021**');
    // A range: only the hints inside it.
    const from = text.indexOf('Last Thursday');
    assert.deepStrictEqual(dateHints(doc, text, from, from + 'Last Thursday it said so too, and yesterday'.length).map((h) => h.label), ['Aug 26', 'Aug 27']);
    // Without a Date a weekday is no day: no hint.
    const undated = article({ body: BODY, info: { Date: 'Unknown' } });
    const otherDoc = docOf(undated, 'file:///b.txt');
    assert.deepStrictEqual(dateHints(otherDoc, undated), []);
  });

  it('counted from the day the Date names in its own zone, not its UTC day (card, hint and a figure\'s "as of" alike)', function () {
    // Wednesday, December 15, 2021 at 22:00 in New York: already Thursday the 16th in UTC.
    const info = { ...DEFAULT_INFO_OLD, Date: '2021-12-15T22:00-05:00' };
    const text = article({ body: 'Hackers stole 5 million records, T-Mobile said on Thursday. It said so again yesterday.', info });
    const doc = docOf(text);
    assert.deepStrictEqual(dateHints(doc, text).map((h) => h.label), ['Dec 9', 'Dec 14']);
    assert.deepStrictEqual(card('Hackers stole 5 million records, T-Mobile said on Thursday.', 'Thursday', info)?.lines.slice(0, 2),
      ['**Thursday, December 9, 2021**', "6 days before the article's Date (Wednesday, December 15, 2021)."]);
    const figure = doc.facts.figures.find((f) => f.text === '5 million')!;
    assert.strictEqual(new Date(figure.asOf!).toISOString().slice(0, 10), '2021-12-09');
  });

  it('no day, no hint: a named day ("Patch Tuesday"), a company ("Monday.com"), code; "last" across a quotation\'s line break', function () {
    const body = 'The July Patch Tuesday and Black Friday came. Monday.com said so. Run `cron Monday` now.\n\n> He said it began last\n> Saturday, not before.';
    const text = article({ body });
    const doc = docOf(text);
    assert.deepStrictEqual(dateHints(doc, text).map((h) => [text.slice(h.offset - 8, h.offset), h.label]), [['Saturday', 'Aug 21']]);
    for (const word of ['Tuesday', 'Friday', 'Monday.com', 'Monday`']) assert.strictEqual(dateHover(doc, text.indexOf(word) + 1, text), undefined, word);
  });

  it('hints take linear time: thousands of weekdays in one sentence (article text is untrusted)', function () {
    const text = article({ body: `${'On Monday, '.repeat(20_000)}it ended.` });
    const doc = docOf(text);
    // Counted, not timed: each weekday's hint, each with its card (the card was read again per hint: 162 s at this size).
    const hints = dateHints(doc, text);
    assert.strictEqual(hints.length, 20_000);
    assert.ok(hints.every((h) => h.label === 'Aug 23' && h.tooltip.startsWith('**Monday, August 23, 2021**')));
  });

  it('nothing on a word that is no date', function () {
    assert.strictEqual(card(BODY, 'T-Mobile'), undefined);
    assert.strictEqual(card('The May release of Chrome and a may-be bug.', 'may-be'), undefined);
  });

  it('over stdio, after the other cards: a name keeps its card, a date gets its own', async function () {
    this.timeout(60_000);
    const ws = await openWorkspace('bd-datecard-');
    try {
      const uri = fileUri(path.join(ws.dir, 'a.txt'));
      const text = article({ body: BODY });
      await ws.client.open(uri, text);
      await ws.client.diagnostics(uri);
      const at = (word: string) => { const lines = text.slice(0, text.indexOf(word)).split('\n'); return { line: lines.length - 1, character: lines[lines.length - 1].length }; };
      const date = await ws.client.request<any>('textDocument/hover', { textDocument: { uri }, position: at('Monday') });
      assert.strictEqual(date.contents.value.split('\n\n')[0], '**Monday, August 23, 2021**');
      assert.deepStrictEqual(date.range, { start: at('Monday'), end: { line: at('Monday').line, character: at('Monday').character + 'Monday'.length } });
      const name = await ws.client.request<any>('textDocument/hover', { textDocument: { uri }, position: at('T-Mobile') });
      // The name's own card (the seeds name T-Mobile too), over the name's range, not a date's.
      assert.strictEqual(name.contents.value.split('\n\n')[0], '**T\\-Mobile** · organisation');
      assert.deepStrictEqual(name.range, { start: at('T-Mobile'), end: { line: at('T-Mobile').line, character: at('T-Mobile').character + 'T-Mobile'.length } });
      // A date written out gets the date card too, with its own range.
      const written = await ws.client.request<any>('textDocument/hover', { textDocument: { uri }, position: at('Aug. 18') });
      assert.strictEqual(written.contents.value.split('\n\n')[0], '**Wednesday, August 18, 2021**');
      assert.deepStrictEqual(written.range, { start: at('Aug. 18'), end: { line: at('Aug. 18').line, character: at('Aug. 18').character + 'Aug. 18'.length } });
      // Inlay hints over the whole document: after "Monday", the day it is, its card as the tooltip.
      const hints = await ws.client.request<any[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } });
      const monday = at('Monday');
      assert.deepStrictEqual(hints.map((h) => h.label), ['Aug 23', 'Aug 26', 'Aug 27']);
      assert.deepStrictEqual(hints[0].position, { line: monday.line, character: monday.character + 'Monday'.length });
      assert.strictEqual(hints[0].paddingLeft, true);
      assert.strictEqual(hints[0].tooltip.value.split('\n\n')[0], '**Monday, August 23, 2021**');
    } finally {
      await closeWorkspace(ws);
    }
  });
});
