/**
 * Proofreading without the corpus. `date.weekday`: a weekday that does not
 * fit its date; the core check on fixtures (the forms the real corpus
 * writes, years assumed and written, what is left alone) and its two fixes
 * as whole texts. `article.repeated-word`: a word written twice in a row,
 * and the doubles English allows. Then both over stdio: the diagnostics are
 * published and their fixes come back as code actions (the safe deletion in
 * "Fix all") that edit the document.
 */
import * as assert from 'assert';
import * as path from 'path';
import { applyFix, article, diagnostics, spanText } from './helpers/fixture';
import { applyEdits } from '../server/src/core/diagnostics';
import { applyLspEdits, closeWorkspace, fileUri, openWorkspace, type LspEdit } from './helpers/lsp';

/** An article dated 24 August 2021 (a Tuesday) with this body. */
const dated = (body: string, date = 'August 24, 2021  10:16 am') => article({ body, info: { Source: 'ZDNet', Link: '[article](https://www.zdnet.com/article/x/)', Date: date, Author: 'Charlie Osborne' } });

/** The weekday findings of a body: the text each points at and its message. */
function found(text: string): [string, string][] {
  return diagnostics(text, 'date.weekday').map((d) => [spanText(text, d), d.message]);
}

describe('date.weekday', () => {
  it('marks the real corpus\'s slip, with the year it assumed', () => {
    // ZDNet, 24 August 2021: the meeting was on Wednesday, Aug. 25; the article wrote July 24, a Saturday.
    const text = dated('Cook, Nadella, and Jassy plan to attend the event on the afternoon of Wednesday, July 24, according to Bloomberg sources.');
    assert.deepStrictEqual(found(text), [['Wednesday, July 24', 'July 24, 2021 was a Saturday, not a Wednesday (no year is written: 2021 puts the date nearest the article’s Date).']]);
  });

  it('reads the forms the corpus writes, and leaves those that fit alone', () => {
    const right = [
      'It began Monday, Aug. 16, and ended Tuesday, Aug. 17.',
      'The patch came out Wed., Nov. 17, the advisory on Tues., Nov. 16.',
      'Then Tue. Feb 23 passed.',
      'Talks were held on Friday 23 July and Friday, the 23rd of July.',
      'On Saturday, October 10th 2020 nothing happened.',
      'The deadline was Thursday, Sept. 9, 2021.',
      'Patch Tuesday November 2021 fixed it.',
    ];
    assert.deepStrictEqual(found(dated(right.join(' '))), []);
    const wrong = dated([
      'It began Tuesday, Aug. 16.',
      'The patch came out Thu., Nov. 17.',
      'Talks were held on Thursday 23 July.',
      'On Friday, October 10th 2020 nothing happened.',
      'The deadline was Friday, Sept. 9, 2021.',
    ].join(' '));
    assert.deepStrictEqual(found(wrong).map(([t]) => t), ['Tuesday, Aug. 16', 'Thu., Nov. 17', 'Thursday 23 July', 'Friday, October 10th 2020', 'Friday, Sept. 9, 2021']);
    // A written year is not assumed, so the message does not say it is.
    assert.strictEqual(found(wrong)[3][1], 'October 10, 2020 was a Saturday, not a Friday.');
  });

  it('takes the year nearest the article: last December in a January article', () => {
    // Dec. 23, 2021 was a Thursday; Dec. 23, 2022 a Friday.
    assert.deepStrictEqual(found(dated('The FTC said on Thursday, Dec. 23 that it would act.', 'January 5, 2022  9:00 am')), []);
    assert.deepStrictEqual(found(dated('The FTC said on Friday, Dec. 23 that it would act.', 'January 5, 2022  9:00 am')).map(([t]) => t), ['Friday, Dec. 23']);
  });

  it('needs a year or a Date: without both there is nothing to check', () => {
    const undated = article({ body: 'It began Tuesday, Aug. 16, and ended Friday, Aug. 17, 2021.', info: { Source: 'ZDNet', Link: '[article](https://www.zdnet.com/article/x/)', Author: 'A' } });
    assert.deepStrictEqual(found(undated).map(([t]) => t), ['Friday, Aug. 17, 2021']);
  });

  it('reads across a wrapped line, in a quotation, and in a link\'s text but not its address', () => {
    assert.deepStrictEqual(found(dated('It began on a Monday,\nAug. 17, after all.')).map(([t]) => t), ['Monday,\nAug. 17']);
    assert.deepStrictEqual(found(dated('It began on a Monday,\nAug. 17, after all.').replace(/\n/g, '\r\n')).map(([t]) => t), ['Monday,\r\nAug. 17']);
    assert.deepStrictEqual(found(dated('> “We began Monday,\n> Aug. 17,” he said.')).map(([t]) => t), ['Monday,\n> Aug. 17']);
    assert.deepStrictEqual(found(dated('The saga [began Tuesday, June 30](https://threatpost.com/began-monday-june-30/167430/).')).map(([t]) => t), ['Tuesday, June 30']);
    assert.deepStrictEqual(found(dated('The saga [began](https://threatpost.com/x-Monday,-June-30/167430/) in June.')), []);
  });

  it('no day to count from in the scraper\'s Unix-zero Date', () => {
    const text = article({ layout: 'new', info: { Source: 'ZDNet', Link: 'https://www.zdnet.com/article/x/', Date: '1969-12-31T19:00:00-05:00', Author: 'A' }, body: 'It began Tuesday, Aug. 17, and the sale ended Monday, Jan. 3.' });
    assert.deepStrictEqual(found(text), []);
  });

  it('a day first with a dotted month keeps its year, and a fix moving it leaves no dot behind', () => {
    // Dec. 3, 2018 was a Monday.
    assert.deepStrictEqual(found(dated('It was Monday 3 Dec. 2018 when it began.')), []);
    assert.deepStrictEqual(found(dated('It was Tuesday 3 Dec. 2018 when it began.')).map(([t]) => t), ['Tuesday 3 Dec. 2018']);
    // Feb. 28, 2021 was a Sunday: the nearest Wednesday is March 3.
    const text = dated('Due Wednesday 28 Feb. at noon.', 'March 10, 2021  9:00 am');
    assert.strictEqual(applyFix(text, 'date.weekday', { title: 'nearest Wednesday' }), dated('Due Wednesday 3 March at noon.', 'March 10, 2021  9:00 am'));
  });

  it('a count after the date is no year where the day fits without it', () => {
    // Sept. 9, 2021 was a Thursday; Sept. 9, 2000 a Saturday.
    assert.deepStrictEqual(found(dated('On Thursday, Sept. 9, 2000 customers were told.')), []);
    assert.deepStrictEqual(found(dated('On Thursday, Sept. 9, 2000, the bank opened.')).map(([t]) => t), ['Thursday, Sept. 9, 2000']);
  });

  it('"The Sun." and "the Sat." are no weekdays; "Sun." and "Sat." are one only before a comma', () => {
    assert.deepStrictEqual(found(dated('The story ran in The Sun. Aug. 3 is the deadline. It scored a Sat. Aug. 3 result.')), []);
    assert.deepStrictEqual(found(dated('It ends Sun., Aug. 3.')).map(([t]) => t), ['Sun., Aug. 3']);
  });

  it('leaves alone a date without a year more than 60 days before the Date, and code', () => {
    // Sept. 11, 2021 was a Saturday; the article is of December.
    assert.deepStrictEqual(found(dated('As on Tuesday, Sept. 11, the towers fell.', 'December 11, 2021  9:00 am')), []);
    assert.deepStrictEqual(found(dated('The log read `Tuesday, Aug. 16 2021 10:00:01 login failed` then.')), []);
    // A date ahead of the Date keeps the nearest year: Nov. 17, 2021 was a Wednesday.
    assert.deepStrictEqual(found(dated('The webinar is on Thu., Nov. 17.')).map(([t]) => t), ['Thu., Nov. 17']);
  });

  it('is no judge of dates that do not exist', () => {
    assert.deepStrictEqual(found(dated('Not on Monday, Feb. 30, nor on Tuesday, June 31.')), []);
  });

  describe('fixes', () => {
    const body = (b: string) => dated(b);
    it('writes the weekday the date fell on, abbreviated as it was', () => {
      assert.strictEqual(applyFix(body('It began Thursday, Sept. 8.'), 'date.weekday', { title: 'Write Wednesday' }), body('It began Wednesday, Sept. 8.'));
      assert.strictEqual(applyFix(body('It came Fri., Nov. 18.'), 'date.weekday', { title: 'Write Thurs.' }), body('It came Thurs., Nov. 18.'));
    });
    it('or the nearest date that was the weekday written, in the date\'s own style', () => {
      assert.strictEqual(applyFix(body('It began Thursday, Sept. 8.'), 'date.weekday', { title: 'Write Sept. 9, the nearest Thursday' }), body('It began Thursday, Sept. 9.'));
      assert.strictEqual(applyFix(body('On Friday, October 10th 2020 it ended.'), 'date.weekday', { title: 'nearest Friday' }), body('On Friday, October 9th 2020 it ended.'));
      assert.strictEqual(applyFix(body('Held on Thursday 23 July.'), 'date.weekday', { title: 'Write 22 July, the nearest Thursday' }), body('Held on Thursday 22 July.'));
    });
    it('moves into the next month, and the next year when the year is written', () => {
      // 30 June 2021 was a Wednesday: the nearest Thursday is 1 July.
      assert.strictEqual(applyFix(body('It was Thursday, Jun. 30.'), 'date.weekday', { title: 'Write July 1, the nearest Thursday' }), body('It was Thursday, July 1.'));
      // 31 December 2021 was a Friday: the nearest Monday is 3 January 2022.
      assert.strictEqual(applyFix(body('Due Monday, Dec. 31, 2021.'), 'date.weekday', { title: 'Write Jan. 3, 2022, the nearest Monday' }), body('Due Monday, Jan. 3, 2022.'));
    });
    it('does not move a date without a year into another year by days (its year is only assumed)', () => {
      const d = diagnostics(dated('Due Monday, Dec. 31.', 'December 20, 2021  9:00 am'), 'date.weekday');
      // Jan. 3, 2022, the nearest Monday, is not offered; Jan. 31, the same day a month later, is read as a reader
      // would read it written so, in the year nearest the Date (2022), and offered last: 42 days off, not preferred.
      assert.deepStrictEqual(d.map((x) => x.fixes?.map((f) => [f.title, Boolean(f.preferred)])), [[['Write Friday', false], ['Write Jan. 31, a Monday a month later', false]]]);
    });
    it('the same day a month off when that was the weekday written: the month\'s reading, preferred only where it makes the date this week\'s', () => {
      // An article of Aug. 24, 2021: July 25 was a Sunday, Aug. 25, the day after the Date, a Wednesday. Neither the
      // weekday nor the day is wrong: the month is, and it is the one reading `--fix` applies.
      const text = dated('The chiefs meet Biden on Wednesday, July 25, Bloomberg said.');
      const [d] = diagnostics(text, 'date.weekday');
      assert.strictEqual(d.message, 'July 25, 2021 was a Sunday, not a Wednesday (no year is written: 2021 puts the date nearest the article’s Date).'
        + ' August 25, 2021, the day after the article’s Date, was a Wednesday: is the month wrong?');
      assert.deepStrictEqual(d.fixes!.map((f) => [f.title, Boolean(f.preferred)]), [
        ['Write August 25, a Wednesday a month later', true], ['Write Sunday', false], ['Write July 28, the nearest Wednesday', false],
      ]);
      assert.strictEqual(applyFix(text, 'date.weekday'), dated('The chiefs meet Biden on Wednesday, August 25, Bloomberg said.'));
      // A month earlier across the year, without one written: "Monday, Dec. 3" in an article of Jan. 5, 2022 is Monday, Jan. 3.
      const january = (b: string) => dated(b, 'January 5, 2022  9:00 am');
      assert.strictEqual(applyFix(january('The FTC acted on Monday, Dec. 3, it said.'), 'date.weekday'), january('The FTC acted on Monday, Jan. 3, it said.'));
      // Far from the Date (a year written), the month's reading is offered last and not preferred: nothing tells the three apart.
      const [old] = diagnostics(dated('It began on Thursday, April 14, 2019.'), 'date.weekday');
      assert.strictEqual(old.message, 'April 14, 2019 was a Sunday, not a Thursday. March 14, 2019 was a Thursday: is the month wrong?');
      assert.deepStrictEqual(old.fixes!.map((f) => [f.title, Boolean(f.preferred)]), [
        ['Write Sunday', false], ['Write April 11, the nearest Thursday', false], ['Write March 14, a Thursday a month earlier', false],
      ]);
    });
    it('neither fix is preferred: which word is wrong is the writer\'s call', () => {
      const d = diagnostics(body('It began Thursday, Sept. 8.'), 'date.weekday');
      assert.deepStrictEqual(d[0].fixes?.map((f) => [f.title, Boolean(f.preferred)]), [['Write Wednesday', false], ['Write Sept. 9, the nearest Thursday', false]]);
    });
  });

  describe('over stdio', () => {
    it('publishes the finding and offers both fixes as code actions', async function () {
      this.timeout(60_000);
      const text = dated('The event is on the afternoon of Wednesday, July 24, according to Bloomberg.');
      const ws = await openWorkspace('bd-weekday-');
      try {
        const uri = fileUri(path.join(ws.dir, 'draft.txt'));
        await ws.client.open(uri, text);
        const published = await ws.client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'date.weekday'));
        const d = published.diagnostics.find((x) => x.code === 'date.weekday')!;
        assert.strictEqual(d.severity, 2);
        assert.match(d.message, /^July 24, 2021 was a Saturday, not a Wednesday/);
        const actions = await ws.client.request<{ title: string; edit?: { changes?: Record<string, LspEdit[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        const titles = actions.map((x) => x.title);
        assert.ok(titles.includes('Write Saturday'), titles.join(' | '));
        assert.ok(titles.includes('Write July 21, the nearest Wednesday'), titles.join(' | '));
        const write = actions.find((x) => x.title === 'Write Saturday')!;
        assert.strictEqual(applyLspEdits(text, write.edit!.changes![uri]), dated('The event is on the afternoon of Saturday, July 24, according to Bloomberg.'));
      } finally {
        await closeWorkspace(ws);
      }
    });
  });
});

describe('article.repeated-word', () => {
  /** The doubles found in a body: the text each points at. */
  const doubles = (body: string, spec: Parameters<typeof article>[0] = {}) => {
    const text = article({ ...spec, body });
    return diagnostics(text, 'article.repeated-word').map((d) => spanText(text, d));
  };

  it('marks the slips the real corpus has, with a message that names them', () => {
    assert.deepStrictEqual(doubles('He notes that the the bug is trivial. The patches were were part of a group. Messenger and and Instagram chats.'), ['the the', 'were were', 'and and']);
    const text = article({ body: 'It will help deliver deliver internet access.' });
    assert.deepStrictEqual(diagnostics(text, 'article.repeated-word').map((d) => d.message), ['“deliver deliver”: a word written twice in a row.']);
  });

  it('reads the title, the subtitle, list items, quotations and headings, and a tab between', () => {
    const text = article({ title: 'A breach at at the firm', subtitle: 'Kerry Kerry Matre shares hers.', body: 'Kerry Matre said so.\n\n- an item item here\n\n> a quoted quoted line\n\nThe the heading\n---\n\nIt was\tthe\tthe end.' });
    assert.deepStrictEqual(diagnostics(text, 'article.repeated-word').map((d) => spanText(text, d)), ['at at', 'Kerry Kerry', 'item item', 'quoted quoted', 'The the', 'the\tthe']);
  });

  it('leaves alone the doubles English allows, names written twice, and longer tokens', () => {
    assert.deepStrictEqual(doubles([
      'Avast argues that that MyKings is making more. He had had enough. What it is is unclear.',
      'The firm is based in Walla Walla, Washington, and Walla Walla is small.',
      'It is an important suite of secure Secure Shell utilities.',
      'Researchers at AT&T found it. The path was example.com com, and the the-thing is one word.',
      'He was in in-person meetings. It costs 10 10 dollars.',
    ].join(' ')), []);
  });

  it('never across a line break (a scraped caption over its paragraph), in a link\'s address or in code', () => {
    assert.deepStrictEqual(doubles('![shot.png]\nImage: Google\nGoogle has published a report.'), []);
    assert.deepStrictEqual(doubles('Read [the report](https://example.com/the the/) now. Or type `type type` in the box.'), []);
  });

  it('a capitalised name written twice only where the article also writes it once', () => {
    assert.deepStrictEqual(doubles('Cisco Cisco Catalyst switches are affected. Cisco said so.'), ['Cisco Cisco']);
    assert.deepStrictEqual(doubles('Cisco Cisco Catalyst switches are affected.'), []);
  });

  it('the fix deletes the second word; "Fix all" takes it only for words never written twice on purpose', () => {
    const text = article({ body: 'He notes that the the bug is trivial. Users users were told, as well as the The UK agency.' });
    const found = diagnostics(text, 'article.repeated-word');
    assert.deepStrictEqual(found.map((d) => [spanText(text, d), d.fixes?.[0].title, Boolean(d.fixes?.[0].preferred)]), [
      ['the the', 'Delete the second “the”', true],
      ['Users users', 'Delete the second “users”', false],
      ['the The', 'Delete the second “The”', false],
    ]);
    assert.strictEqual(applyEdits(text, found.flatMap((d) => d.fixes![0].edits)), article({ body: 'He notes that the bug is trivial. Users were told, as well as the UK agency.' }));
  });

  it('inside a quotation the words may be the speaker\'s: marked, but "Fix all" leaves them to the writer', () => {
    const text = article({ body: '“We saw the the types of attacks change,” Liska said. The the bug is trivial.' });
    const found = diagnostics(text, 'article.repeated-word');
    assert.deepStrictEqual(found.map((d) => [spanText(text, d), Boolean(d.fixes?.[0].preferred)]), [['the the', false], ['The the', true]]);
  });

  it('a podcast\'s transcript is speech as spoken: its doubles are marked, but "Fix all" leaves them (the real corpus\'s podcasts)', () => {
    // Threatpost's podcasts: the article's own prose first, then the transcript's turns and the paragraphs between them.
    const body = [
      'In a recent podcast, he said that it could turn into a similar scenario to the the calamitous attacks.',
      'Lightly Edited Transcript\n-------------------------',
      '**Lisa Vaas:** Hello. What advice do you have for for the people who secure networks?',
      '**Jennifer Bisceglie:** Well, I think the first thing is just locking down exactly what was stolen and, and and if there’s a continued vulnerability.',
      'But you know, in a, in a slightly selfish way, having a a good source of threat intelligence helps.',
      '**Lisa Vaas:** And what are you seeing?',
      '**Jennifer Bisceglie:** Well, I, I think it depends.',
    ].join('\n\n');
    const text = article({ body });
    const found = diagnostics(text, 'article.repeated-word');
    assert.deepStrictEqual(found.map((d) => [spanText(text, d), Boolean(d.fixes?.[0].preferred)]), [['the the', true], ['for for', false], ['and and', false], ['a a', false]]);
    // Each is still offered on its own.
    assert.strictEqual(applyFix(text, 'article.repeated-word', { on: 'and and' }), article({ body: body.replace('and, and and if', 'and, and if') }));
    // Every preferred fix applied, as `check --fix` does: only the writer's own slip is mended, the speech stays verbatim.
    const fixed = applyEdits(text, found.flatMap((d) => d.fixes!.filter((f) => f.preferred).flatMap((f) => f.edits)));
    assert.strictEqual(fixed, article({ body: body.replace('the the calamitous', 'the calamitous') }));
  });

  it('a double after the same word and a comma is a stutter, in speech or not: "and, and and"; "the the" is still a slip', () => {
    const text = article({ body: 'It was stolen and, and and then sold. He said the the bug was old.' });
    assert.deepStrictEqual(diagnostics(text, 'article.repeated-word').map((d) => [spanText(text, d), Boolean(d.fixes?.[0].preferred)]), [['and and', false], ['the the', true]]);
  });

  it('one label, or two labels once each, is no transcript: "**SEE:**" and "Image:" paragraphs', () => {
    const body = '**SEE:** Hackers are using the flaw.\n\nImage: Getty\n\n**SEE:** More coverage of the breach.\n\nThe firm said the the bug was fixed.';
    const text = article({ body });
    assert.deepStrictEqual(diagnostics(text, 'article.repeated-word').map((d) => [spanText(text, d), Boolean(d.fixes?.[0].preferred)]), [['the the', true]]);
  });

  it('"Fix all" leaves "in in", "on on" and "Will will" to the writer, and "was was" is allowed', () => {
    const text = article({ body: 'The hackers broke in in March and logged on on Monday. All it was was a phishing email. Will will testify next week.' });
    const found = diagnostics(text, 'article.repeated-word');
    assert.deepStrictEqual(found.map((d) => [spanText(text, d), Boolean(d.fixes?.[0].preferred)]), [['in in', false], ['on on', false], ['Will will', false]]);
  });

  it('a surname said after the name written doubled ("Sirhan Sirhan … Sirhan") is the name', () => {
    assert.deepStrictEqual(doubles('Sirhan Sirhan was convicted. Sirhan later appealed. Duran Duran played, and Duran left.'), []);
    assert.deepStrictEqual(doubles('Kerry Kerry Matre shares hers. Kerry Matre said so.'), ['Kerry Kerry']);
  });

  it('three copies are one mark whose fix keeps one; a web address after the word is no copy', () => {
    const text = article({ body: 'It was the the the end. Go to Twitter twitter.com now.' });
    const found = diagnostics(text, 'article.repeated-word');
    assert.deepStrictEqual(found.map((d) => [spanText(text, d), d.message, d.fixes![0].title]), [['the the the', '“the the the”: a word written 3 times in a row.', 'Keep one “the”']]);
    assert.strictEqual(applyFix(text, 'article.repeated-word'), article({ body: 'It was the end. Go to Twitter twitter.com now.' }));
  });

  it('an article before a letter of the other case, and doubles English allows ("told her her account")', () => {
    assert.deepStrictEqual(doubles('Regulators imposed a A$1.5 million penalty and gave a A+ rating. She told her her account was hit. What it has has been stolen.'), []);
    assert.deepStrictEqual(doubles('It was a a good source.'), ['a a']);
  });

  it('over stdio: published, and the safe deletion is in "Fix all"', async function () {
    this.timeout(60_000);
    const text = article({ body: 'He notes that the the bug is trivial, and that users users were told.' });
    const ws = await openWorkspace('bd-repeated-');
    try {
      const uri = fileUri(path.join(ws.dir, 'draft.txt'));
      await ws.client.open(uri, text);
      const published = await ws.client.diagnostics(uri, (p) => p.diagnostics.filter((d) => d.code === 'article.repeated-word').length === 2);
      assert.deepStrictEqual(published.diagnostics.filter((d) => d.code === 'article.repeated-word').map((d) => [d.severity, d.message]), [
        [2, '“the the”: a word written twice in a row.'],
        [2, '“users users”: a word written twice in a row.'],
      ]);
      const all = await ws.client.request<{ edit: { changes: Record<string, LspEdit[]> } }[]>('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.strictEqual(applyLspEdits(text, all[0].edit.changes[uri]), article({ body: 'He notes that the bug is trivial, and that users users were told.' }));
    } finally {
      await closeWorkspace(ws);
    }
  });
});

describe('figure.separator', () => {
  const found = (body: string) => {
    const text = article({ body });
    return diagnostics(text, 'figure.separator').map((d) => [spanText(text, d), d.message, d.fixes!.map((f) => f.title)]);
  };

  it('a comma before two or four digits, with the two readings as fixes', () => {
    assert.deepStrictEqual(found('The sector employs more than 300,00 people.'), [['300,00', '300,00 has two digits after its comma: 300,000 or 30,000?', ['Write 300,000', 'Write 30,000']]]);
    assert.deepStrictEqual(found('The attack affected 1,5000 customers of Kaseya.'), [['1,5000', '1,5000 has four digits after its comma: 15,000 or 1,500?', ['Write 15,000', 'Write 1,500']]]);
  });

  it('a decimal comma before a scale', () => {
    assert.deepStrictEqual(found('Losses were estimated at around $3,38 million. Of it, €11,15bn will be allocated.'), [
      ['3,38', '3,38 million: a decimal comma? English writes 3.38 million.', ['Write 3.38']],
      ['11,15', '11,15bn: a decimal comma? English writes 11.15bn.', ['Write 11.15']],
    ]);
    const text = article({ body: 'Losses were about $3,38 million.' });
    assert.strictEqual(applyFix(text, 'figure.separator'), article({ body: 'Losses were about $3.38 million.' }));
  });

  it('reads a decimal comma alone after "0,", before a per cent sign or a currency\'s name, and first after its sign', () => {
    assert.deepStrictEqual(found('It costs €0,50 a month, rose 1,25% and cost 12,50 euros. A fee of $300,00 was paid.').map(([t, m]) => [t, m]), [
      ['0,50', '0,50: a decimal comma? English writes 0.50.'],
      ['1,25', '1,25%: a decimal comma? English writes 1.25%.'],
      ['12,50', '12,50 euros: a decimal comma? English writes 12.50 euros.'],
      ['300,00', '300,00 has two digits after its comma: 300.00 (a decimal comma) or 300,000?'],
    ]);
    // A scale on the next line: the message keeps to one line.
    assert.deepStrictEqual(found('Losses were $3,38\nmillion.').map(([, m]) => m), ['3,38 million: a decimal comma? English writes 3.38 million.']);
  });

  it('leaves alone a day and a year with no space between, and ports', () => {
    assert.deepStrictEqual(found('It happened on Monday, Aug. 16,2021 at noon. It scanned ports 22,80 and 443,8080.'), []);
    assert.deepStrictEqual(found('It happened (Aug. 16,2021) and “Aug. 16,2021” and on\nAug. 16,2021. Ports 22,80 and 443 were open, and ports (22,80) too, and Port: 22,80.'), []);
  });

  it('leaves alone well-grouped numbers, lists, the Indian grouping, one digit after a comma, addresses and code', () => {
    assert.deepStrictEqual(found([
      'It stole 1,000,000 records and 52,000 more, worth 3.5 million.',
      'It scanned ports 21,80,445,4899,8080 and EIDs 1,8,10,17.',
      'A payment of INR 1,82,813 was found on the iPhone model 9,1 device.',
      'See [the post](https://example.com/a/300,00/) or run `seq 41,00`.',
    ].join(' ')), []);
  });
});

describe('article.indefinite', () => {
  const found = (body: string) => {
    const text = article({ body });
    return diagnostics(text, 'article.indefinite').map((d) => [spanText(text, d), d.message]);
  };

  it('"a" before a vowel\'s sound, "an" before a consonant\'s: the slips the real corpus has', () => {
    assert.deepStrictEqual(found('Attacks are a ongoing menace to a organization. There isn\'t an company out there, and it is an necessity.'), [
      ['a ongoing', '“a ongoing”: “an” before a vowel\'s sound?'],
      ['a organization', '“a organization”: “an” before a vowel\'s sound?'],
      ['an company', '“an company”: “a” before a consonant\'s sound?'],
      ['an necessity', '“an necessity”: “a” before a consonant\'s sound?'],
    ]);
    // Written as spelt: the vowel said "you" or "w", the "h" not said.
    assert.deepStrictEqual(found('It was an unique flaw in an user account for an one-time code, an European firm and an one off. It took a hour, a honest man and a heir.'), [
      ['an unique', '“an unique”: “a” before a consonant\'s sound?'],
      ['an user', '“an user”: “a” before a consonant\'s sound?'],
      ['an one-time', '“an one-time”: “a” before a consonant\'s sound?'],
      ['an one', '“an one”: “a” before a consonant\'s sound?'],
      ['a hour', '“a hour”: “an” before a vowel\'s sound?'],
      ['a honest', '“a honest”: “an” before a vowel\'s sound?'],
      ['a heir', '“a heir”: “an” before a vowel\'s sound?'],
    ]);
    // A compound by its first word.
    assert.deepStrictEqual(found('It was a hour-long call about an unique-looking and an user-friendly app.').map(([w]) => w), ['a hour-long', 'an unique-looking', 'an user-friendly']);
    const text = article({ body: 'You can review a in-depth analysis.' });
    assert.strictEqual(applyFix(text, 'article.indefinite'), article({ body: 'You can review an in-depth analysis.' }));
  });

  it('a word no article can stand before: "and" first after "an"; never "an" before a plural or a mass noun (the real corpus\'s)', () => {
    const offers = (body: string) => {
      const text = article({ body });
      return diagnostics(text, 'article.indefinite').map((d) => [spanText(text, d), d.message, d.fixes!.map((f) => [f.title, Boolean(f.preferred)])]);
    };
    // Threatpost, on the Red Cross breach: "and possibly" lost its "d". An adverb may still stand before an adjective ("a
    // possibly fatal flaw"), so "a" is offered second. Neither is applied unasked.
    assert.deepStrictEqual(offers('They went after the most sensitive data — an possibly seeking leverage.'), [
      ['an possibly', '“an possibly”: “and possibly”, or “a” before a consonant\'s sound?', [['Write “and possibly”', false], ['Write “a possibly”', false]]],
    ]);
    assert.strictEqual(applyFix(article({ body: 'The data — an possibly more.' }), 'article.indefinite'), article({ body: 'The data — and possibly more.' }));
    // A podcast's transcript: "a attackers" heading its phrase ("to", a comma after it) is a stray "a" or the singular, not "an attackers".
    const plural = ['“a attackers”: “a” before a plural?', [['Write “attackers” without an article', false], ['Write “an attacker”', false]]];
    assert.deepStrictEqual(offers('It is utilized by a attackers to spy. It is exposed to two, a attackers, which are capable.'), [['a attackers', ...plural], ['a attackers', ...plural]]);
    assert.strictEqual(applyFix(article({ body: 'It is utilized by a attackers to spy.' }), 'article.indefinite'), article({ body: 'It is utilized by attackers to spy.' }));
    // "an advice" is no English either.
    assert.deepStrictEqual(offers('Well, that’s a advice. We give them all the time.'), [['a advice', '“a advice”: “advice” takes no article.', [['Write “advice” without an article', false]]]]);
    // "and" without its "d" before a word no article stands before, however short.
    assert.deepStrictEqual(offers('The data was stolen an then sold, an the firm paid.').map(([w, m, f]) => [w, m, f]), [
      ['an then', '“an then”: “and then”?', [['Write “and then”', false]]],
      ['an the', '“an the”: “and the”?', [['Write “and the”', false]]],
    ]);
    // A plural or a mass noun before another noun ("an accounts team", "an information security team") takes an
    // article, and so does an adverb before an adjective after "a": the fix is the other article, as before.
    assert.deepStrictEqual(offers('Each account was hit. It hit a accounts team, a information security team and a easily guessed password.').map(([w, , f]) => [w, f]), [
      ['a accounts', [['Write “an accounts”', false]]],
      ['a information', [['Write “an information”', false]]],
      ['a easily', [['Write “an easily”', false]]],
    ]);
  });

  it('leaves alone what is said otherwise than spelt, capitals, short words and markup inside a word', () => {
    assert.deepStrictEqual(found([
      'A user of a unique, universal app paid a euro for a one-time code and a eulogy.',
      'It took an hour, an honest man and an historic deal. It ran an svchost process over an smb share.',
      'Series A and B rounds, M&A activity and program A were named. It holds a url and an ssh key.',
      'And a zero-trust approach c[an provide organizations](https://example.com/) with more.',
      'Type `a example` here.',
      'A utopian plan took a urine sample with a utensil, a u-turn and a unanimous vote, over a usb-c port with a uuid, a uefi flag, a us-based and a uk-based firm.',
      'Pick option a above, or grade a eggs; mark n/a entries.',
    ].join(' ')), []);
    // "un-" said "un" is not "uni-" said "you": "an unidentified", "an unusual", "an uncle" are right.
    assert.deepStrictEqual(found('An unidentified man made an unusual offer to an uncle, an undisclosed sum, an umbrella, an urgent plea and an uninvited call.'), []);
    // An accented word is read whole.
    assert.deepStrictEqual(found('They ordered a entrée.'), [['a entrée', '“a entrée”: “an” before a vowel\'s sound?']]);
  });
});


describe('cve.malformed', () => {
  const found = (body: string) => {
    const text = article({ body });
    return diagnostics(text, 'cve.malformed').map((d) => [spanText(text, d), d.message]);
  };

  it('marks what is written as a CVE identifier but is none, with the fix where the one meant is plain', () => {
    const rule = 'those are CVE-, a year, a hyphen and a number of four digits or more (CVE-2021-44228 is one).';
    assert.deepStrictEqual(found('The flaw, tracked as CVE-2021-08-25, was used. So were CVE-21-44228, CVE2021-45046 and CVE-2021-442.'), [
      ['CVE-2021-08-25', `“CVE-2021-08-25” is not a CVE identifier: ${rule}`],
      ['CVE-21-44228', `“CVE-21-44228” is not a CVE identifier: ${rule} Is it CVE-2021-44228?`],
      ['CVE2021-45046', `“CVE2021-45046” is not a CVE identifier: ${rule} Is it CVE-2021-45046?`],
      ['CVE-2021-442', `“CVE-2021-442” is not a CVE identifier: ${rule}`],
    ]);
    // In emphasis too; a year of two digits the list never had gets no fix.
    assert.deepStrictEqual(found('It is _CVE-2021-08-25_ and CVE-98-1234.').map(([w, m]) => [w, m.endsWith('?')]), [['CVE-2021-08-25', false], ['CVE-98-1234', false]]);
    const text = article({ body: 'Patch CVE-21-44228 now.' });
    assert.strictEqual(applyFix(text, 'cve.malformed'), article({ body: 'Patch CVE-2021-44228 now.' }));
  });

  it('leaves alone identifiers written right, with a space, in a web address or in code', () => {
    assert.deepStrictEqual(found([
      'CVE-2021-44228, cve-2021-45046, CVE-1999-0001, CVE-2021-1234567 and CVE 2021-44228 are fine.',
      'See https://nvd.nist.gov/vuln/detail/CVE-2021-08-25 and [the entry](https://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-21-1).',
      'Run `scan --cve CVE-21-44228` to check. It was saved as CVE-2021-08-25.pdf on the share.',
    ].join(' ')), []);
  });
});
