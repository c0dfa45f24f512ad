/**
 * `+ Date:` values: every style the corpus uses (shared/corpus/README.md)
 * parses to the right instant and keeps the offset it was written with;
 * placeholders and impossible dates are told apart with a reason.
 */
import * as assert from 'assert';
import { DateTime } from 'luxon';
import { monthOf, parseDate, type DateResult, type ParsedDate } from '../server/src/core/syntax/dates';
import { parse } from '../server/src/core/syntax/parse';
import { article, check, codes } from './helpers/fixture';

function ok(raw: string): ParsedDate {
  const r = parseDate(raw);
  if (!r.ok) assert.fail(`${JSON.stringify(raw)} did not parse: ${r.reason}`);
  return r.date;
}

function fails(raw: string): Extract<DateResult, { ok: false }> {
  const r = parseDate(raw);
  if (r.ok) assert.fail(`${JSON.stringify(raw)} parsed as ${r.date.iso}`);
  return r;
}

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('dates', () => {
  describe('the corpus styles', () => {
    it('August 26, 2021 (a day, no time)', () => {
      const d = ok('August 26, 2021');
      assert.strictEqual(d.instant, utc(2021, 8, 26));
      assert.strictEqual(d.style, 'human');
      assert.strictEqual(d.hasTime, false);
      assert.strictEqual(d.hasZone, false);
    });

    it('August 26, 2021 -- 18:30 GMT (19:30 BST), ZDNet style', () => {
      const d = ok('August 26, 2021 -- 18:30 GMT (19:30 BST)');
      assert.strictEqual(d.instant, utc(2021, 8, 26, 18, 30));
      assert.strictEqual(d.style, 'zdnet');
      assert.strictEqual(d.hasTime, true);
      assert.strictEqual(d.hasZone, true);
      assert.strictEqual(d.iso, '2021-08-26T18:30:00.000Z');
    });

    it('ZDNet style with a one-digit day and a winter zone', () => {
      assert.strictEqual(ok('December 3, 2021 -- 09:05 GMT (09:05 GMT)').instant, utc(2021, 12, 3, 9, 5));
    });

    it('August 28, 2021  12:58 pm (two spaces, ThreatPost style)', () => {
      const d = ok('August 28, 2021  12:58 pm');
      assert.strictEqual(d.instant, utc(2021, 8, 28, 12, 58));
      assert.strictEqual(d.style, 'human-time');
      assert.strictEqual(d.hasTime, true);
      assert.strictEqual(d.hasZone, false);
    });

    it('August 16, 2021  11:12 am', () => {
      assert.strictEqual(ok('August 16, 2021  11:12 am').instant, utc(2021, 8, 16, 11, 12));
    });

    it('September 9, 2021  9:05 pm (one-digit day and hour)', () => {
      assert.strictEqual(ok('September 9, 2021  9:05 pm').instant, utc(2021, 9, 9, 21, 5));
    });

    it('2021-12-03T10:00:00+00:00', () => {
      const d = ok('2021-12-03T10:00:00+00:00');
      assert.strictEqual(d.instant, utc(2021, 12, 3, 10));
      assert.strictEqual(d.style, 'iso');
      assert.strictEqual(d.hasZone, true);
      assert.strictEqual(d.hasTime, true);
    });

    it('2021-12-03 10:00:00 (SQL style, read as UTC)', () => {
      const d = ok('2021-12-03 10:00:00');
      assert.strictEqual(d.instant, utc(2021, 12, 3, 10));
      assert.strictEqual(d.style, 'sql');
      assert.strictEqual(d.hasZone, false);
      assert.strictEqual(d.iso, '2021-12-03T10:00:00.000Z');
    });

    it('2021-12-03 10:00:00+00:00 (SQL style with an offset)', () => {
      const d = ok('2021-12-03 10:00:00+00:00');
      assert.strictEqual(d.instant, utc(2021, 12, 3, 10));
      assert.strictEqual(d.style, 'sql');
      assert.strictEqual(d.hasZone, true);
    });

    it('2021-12-03T10:00:00.000Z (milliseconds and Z)', () => {
      const d = ok('2021-12-03T10:00:00.000Z');
      assert.strictEqual(d.instant, utc(2021, 12, 3, 10));
      assert.strictEqual(d.hasZone, true);
      assert.strictEqual(d.iso, '2021-12-03T10:00:00.000Z');
    });

    it('2021-11-24 (a day only)', () => {
      const d = ok('2021-11-24');
      assert.strictEqual(d.instant, utc(2021, 11, 24));
      assert.strictEqual(d.hasTime, false);
      assert.strictEqual(d.hasZone, false);
    });

    it('2022-01-17T03:42-05:00 keeps its offset', () => {
      const d = ok('2022-01-17T03:42-05:00');
      assert.strictEqual(d.instant, utc(2022, 1, 17, 8, 42));
      assert.strictEqual(d.iso, '2022-01-17T03:42:00.000-05:00');
      assert.strictEqual(d.hasZone, true);
      assert.strictEqual(d.hasTime, true);
    });

    it('a positive offset is kept too', () => {
      const d = ok('2021-12-03T10:00:00+05:30');
      assert.strictEqual(d.instant, utc(2021, 12, 3, 4, 30));
      assert.ok(d.iso.endsWith('+05:30'), d.iso);
    });

    it('an SQL date with a space before its offset', () => {
      const d = ok('2021-12-03 10:00:00 +05:30');
      assert.strictEqual(d.instant, utc(2021, 12, 3, 4, 30));
      assert.ok(d.iso.endsWith('+05:30'), d.iso);
    });

    it('1969-12-31T19:00:00-05:00 is instant 0 (Unix time zero)', () => {
      const d = ok('1969-12-31T19:00:00-05:00');
      assert.strictEqual(d.instant, 0);
      assert.strictEqual(d.iso, '1969-12-31T19:00:00.000-05:00');
    });

    it('surrounding white space is ignored', () => {
      assert.strictEqual(ok('  2021-11-24 \t').instant, utc(2021, 11, 24));
    });
  });

  describe('12-hour clock edges', () => {
    it('12:05 am is five past midnight', () => assert.strictEqual(ok('August 28, 2021 12:05 am').instant, utc(2021, 8, 28, 0, 5)));
    it('12:00 am is midnight', () => assert.strictEqual(ok('August 28, 2021 12:00 am').instant, utc(2021, 8, 28, 0, 0)));
    it('12:05 pm is five past noon', () => assert.strictEqual(ok('August 28, 2021 12:05 pm').instant, utc(2021, 8, 28, 12, 5)));
    it('12:00 pm is noon', () => assert.strictEqual(ok('August 28, 2021 12:00 pm').instant, utc(2021, 8, 28, 12, 0)));
    it('1:00 am is one in the morning', () => assert.strictEqual(ok('August 28, 2021 1:00 am').instant, utc(2021, 8, 28, 1)));
    it('11:59 pm is a minute to midnight', () => assert.strictEqual(ok('August 28, 2021 11:59 pm').instant, utc(2021, 8, 28, 23, 59)));
    it('upper case and dotted meridiems', () => {
      assert.strictEqual(ok('August 28, 2021 12:58 PM').instant, utc(2021, 8, 28, 12, 58));
      assert.strictEqual(ok('August 28, 2021 1:58 p.m.').instant, utc(2021, 8, 28, 13, 58));
      assert.strictEqual(ok('August 28, 2021 1:58 a.m.').instant, utc(2021, 8, 28, 1, 58));
    });
    it('0:30 am is not a 12-hour time', () => assert.match(fails('August 3, 2021 0:30 am').reason, /12-hour/));
    it('13:30 pm is not a 12-hour time', () => assert.match(fails('August 3, 2021 13:30 pm').reason, /12-hour/));
    it('a 24-hour time without a meridiem is fine', () => assert.strictEqual(ok('August 3, 2021 18:30').instant, utc(2021, 8, 3, 18, 30)));
  });

  describe('month names', () => {
    it('Sept. 3, 2021', () => assert.strictEqual(ok('Sept. 3, 2021').instant, utc(2021, 9, 3)));
    it('Aug. 18, 2021', () => assert.strictEqual(ok('Aug. 18, 2021').instant, utc(2021, 8, 18)));
    it('Aug 3 2021 (no dot, no comma)', () => assert.strictEqual(ok('Aug 3 2021').instant, utc(2021, 8, 3)));
    it('ordinal days: August 3rd, 2021', () => assert.strictEqual(ok('august 3rd, 2021').instant, utc(2021, 8, 3)));
    it('every full month name', () => {
      const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
      names.forEach((n, i) => assert.strictEqual(ok(`${n} 1, 2021`).instant, utc(2021, i + 1, 1), n));
    });
    it('every three-letter abbreviation', () => {
      const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
      names.forEach((n, i) => assert.strictEqual(monthOf(n), i + 1, n));
    });
    it('monthOf knows Sept and refuses short or made-up words', () => {
      assert.strictEqual(monthOf('Sept'), 9);
      assert.strictEqual(monthOf('SEPTEMBER'), 9);
      assert.strictEqual(monthOf('Ju'), undefined);
      assert.strictEqual(monthOf('Jux'), undefined);
      assert.strictEqual(monthOf('Blursday'), undefined);
    });
    it('a half-written month name is not a month', () => {
      assert.strictEqual(monthOf('Marc'), undefined);
      assert.match(fails('Marc 3, 2021').reason, /not a month/);
    });
    it('a word in month position that is no month is explained', () => assert.match(fails('Blurs 3, 2021').reason, /"Blurs" is not a month name/));
  });

  describe('placeholders', () => {
    for (const p of ['Unknown', 'None', 'unknown', 'NONE', 'N/A']) {
      it(`${p} is a placeholder, not an error`, () => {
        const r = fails(p);
        assert.strictEqual(r.placeholder, true);
        assert.match(r.reason, /placeholder/);
      });
    }
  });

  describe('dates as people write them', () => {
    it('a weekday first, the day first, a comma before the time, a full stop, dotted meridiems', () => {
      const want = utc(2021, 8, 26);
      for (const t of ['Thursday, August 26, 2021', 'Thu, Aug 26, 2021', '26 August 2021', '26th Aug. 2021', 'August 26, 2021.']) assert.strictEqual(ok(t).instant, want, t);
      for (const t of ['August 26, 2021, 12:58 pm', 'Aug. 26, 2021, 12:58 p.m.', 'August 26, 2021 at 12:58 PM', '26 August 2021 12:58pm']) assert.strictEqual(ok(t).instant, utc(2021, 8, 26, 12, 58), t);
    });
    it('US zones without S or D follow daylight saving time by the date', () => {
      assert.strictEqual(ok('August 26, 2021 12:58 PM ET').iso, '2021-08-26T12:58:00.000-04:00');
      assert.strictEqual(ok('January 5, 2022 12:58 PM ET').iso, '2022-01-05T12:58:00.000-05:00');
      assert.strictEqual(ok('January 5, 2022 9:00 am PST').instant, utc(2022, 1, 5, 17));
      assert.strictEqual(ok('August 26, 2021 12:58 PM ET').hasZone, true);
    });
    it('an invisible character around the date is ignored', () => assert.strictEqual(ok('\u200b2021-08-26').instant, utc(2021, 8, 26)));
    it('impossible dates say why in plain words', () => {
      assert.strictEqual(fails('2021-02-30').reason, '"2021-02-30" looks like an ISO date but is not a real one: February has no day 30.');
      assert.match(fails('February 29, 2021').reason, /2021 is not a leap year/);
      assert.match(fails('2021-13-01').reason, /there is no month 13/);
    });
    it('real dates no article has: year 1 and an offset of +25:00', () => {
      assert.match(fails('0001-01-01').reason, /not a year an article was written in/);
      assert.match(fails('2021-08-26T10:00+25:00').reason, /not a time zone's offset/);
      // A word after the date that is no time or zone: not a date.
      fails('August 26, 2021 tomorrow');
    });
  });

  describe('invalid dates', () => {
    it('February 30, 2021 is no real day', () => {
      const r = fails('February 30, 2021');
      assert.strictEqual(r.placeholder, false);
      assert.match(r.reason, /not a real date/);
    });
    it('February 29 exists in leap years only', () => {
      assert.strictEqual(ok('February 29, 2020').instant, utc(2020, 2, 29));
      fails('February 29, 2021');
    });
    it('2021-02-30 looks like ISO but is not real', () => assert.match(fails('2021-02-30').reason, /not a real one/));
    it('an hour of 25 is refused', () => fails('2021-12-03T25:00:00Z'));
    it('a minute of 61 is refused', () => fails('August 3, 2021 10:61'));
    it('Blursday is not a date, and the reason shows how to write one', () => {
      const r = fails('Blursday');
      assert.strictEqual(r.placeholder, false);
      assert.match(r.reason, /August 26, 2021/);
    });
    it('an empty date', () => {
      const r = fails('');
      assert.strictEqual(r.placeholder, false);
      assert.match(r.reason, /empty/);
    });
    it('white space only is empty', () => assert.match(fails('   ').reason, /empty/));
    it('a very long value is refused quickly', () => assert.match(fails('August '.repeat(50)).reason, /too long/));
    // Speed is measured by the benchmark, never asserted here; these only have to finish.
    it('a pathological value is refused', () => {
      assert.ok(fails(`August 1${' '.repeat(70)}x`).reason);
      assert.ok(fails(`2021-12-03${'0'.repeat(70)}`).reason);
    });
  });

  describe('zone and time flags', () => {
    it('lower-case t and z are still a time and a zone', () => {
      const d = ok('2021-12-03t10:00:00z');
      assert.strictEqual(d.instant, utc(2021, 12, 3, 10));
      assert.strictEqual(d.hasTime, true);
      assert.strictEqual(d.hasZone, true);
    });
    it('an offset without a colon', () => {
      const d = ok('2021-12-03T10:00:00-0500');
      assert.strictEqual(d.instant, utc(2021, 12, 3, 15));
      assert.strictEqual(d.hasZone, true);
    });
    it('SQL without seconds', () => assert.strictEqual(ok('2021-12-03 10:00').instant, utc(2021, 12, 3, 10)));
    it('a plain ISO day has neither time nor zone, even though it ends in "-24"', () => {
      const d = ok('2021-11-24');
      assert.strictEqual(d.hasZone, false);
    });
  });

  describe('in an article', () => {
    const withDate = (date: string) => article({ info: { Source: 'ThreatPost', Link: '[article](https://threatpost.com/x/1/)', Date: date, Author: 'Lisa Vaas' } });

    it('a good date raises nothing', () => assert.deepStrictEqual(codes(withDate('August 26, 2021 -- 18:30 GMT (19:30 BST)')), []));
    it('Unknown is info.date-unknown on the value', () => {
      assert.deepStrictEqual(check(withDate('Unknown')), [
        ['info.date-unknown', '7:9', 'The date is "Unknown": without a real date this article\'s figures cannot be placed in time.'],
      ]);
    });
    it('None is info.date-unknown too', () => assert.deepStrictEqual(codes(withDate('None')), ['info.date-unknown']));
    it('Unix time zero is info.date-epoch', () => {
      const found = check(withDate('1969-12-31T19:00:00-05:00'));
      assert.deepStrictEqual(found.map((f) => f[0]), ['info.date-epoch']);
      assert.match(found[0][2], /Unix time zero/);
    });
    it('a bad date is info.bad-date with the parser\'s reason', () => {
      assert.deepStrictEqual(check(withDate('February 30, 2021')), [
        ['info.bad-date', '7:9', '"February 30, 2021" is not a real date: February has no day 30.'],
      ]);
    });
    it('a date after now is info.date-future', () => {
      assert.deepStrictEqual(codes(withDate('2030-01-01')), ['info.date-future']);
    });
    it('a date within a day of now is not in the future (time zones)', () => {
      assert.deepStrictEqual(codes(withDate('2022-03-02')), []);
    });
    it('the parsed date is on the tree', () => {
      const a = parse(withDate('2022-01-17T03:42-05:00')).article;
      assert.ok(a.date?.parsed.ok);
      if (a.date?.parsed.ok) assert.strictEqual(a.date.parsed.date.instant, utc(2022, 1, 17, 8, 42));
    });
  });

  describe('read without luxon, exactly as luxon reads them', () => {
    // parseDate reads the common shapes itself; luxon is the reference.
    function luxonReads(text: string): { instant: number; iso: string } | undefined {
      const human = /^([A-Za-z]+) (\d+), (\d{4})(?: (\d+):(\d+))?$/.exec(text);
      const dt = human
        ? DateTime.fromObject({ year: Number(human[3]), month: monthOf(human[1]), day: Number(human[2]), hour: Number(human[4] ?? 0), minute: Number(human[5] ?? 0) }, { zone: 'utc' })
        : text.includes(' ')
          ? DateTime.fromSQL(text, { zone: 'utc', setZone: true })
          : DateTime.fromISO(text, { zone: 'utc', setZone: true });
      // parseDate also refuses what no article was written in: years before 1900 or after 2200, offsets past ±14:00.
      if (!dt.isValid || dt.year < 1900 || dt.year > 2200 || Math.abs(dt.offset) > 14 * 60) return undefined;
      return { instant: dt.toMillis(), iso: dt.toISO()! };
    }
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const p2 = (n: number) => String(n).padStart(2, '0');
    const samples: string[] = ['0000-01-01', '0050-02-29', '0099-12-31', '1900-02-29', '2000-02-29', '2021-02-29', '2024-02-29', '2021-04-31',
      '2021-08-26T23:59:59+14:00', '2021-08-26T00:00:00-12:00', '2021-08-26T12:00:00+00:00', '2021-08-26T12:00:00-00:00', '2021-13-01', '2021-00-10',
      '2021-08-26T24:00:00Z', '2021-08-26T12:60:00Z', '2021-08-26T12:00:60Z', '2021-08-26 23:59:59', 'February 29, 2020 11:59', 'February 29, 2021'];
    for (let i = 0; i < 400; i++) {
      // Mostly years an article can have; every eighth any year, which parseDate must refuse as luxon-plus-rules does.
      const y = i % 8 ? 1990 + rand(40) : rand(10000);
      const date = `${String(y).padStart(4, '0')}-${p2(rand(14))}-${p2(rand(33))}`;
      const time = `${p2(rand(25))}:${p2(rand(61))}:${p2(rand(61))}`;
      const zone = ['', 'Z', `+${p2(rand(15))}:${p2(rand(4) * 15)}`, `-${p2(rand(13))}:${p2(rand(60))}`][rand(4)];
      samples.push(date, `${date}T${time}${zone}`, `${date} ${time}`,
        `${['January', 'February', 'April', 'June', 'September', 'December'][rand(6)]} ${rand(33)}, ${String(y).padStart(4, '0')}${rand(2) ? ` ${rand(25)}:${p2(rand(61))}` : ''}`);
    }
    it('the same instant and text, or the same refusal, for each of 1,620 dates', () => {
      let read = 0;
      for (const text of samples) {
        const mine = parseDate(text);
        const theirs = luxonReads(text);
        if (!theirs) {
          assert.strictEqual(mine.ok, false, `${text}: luxon refuses it, parseDate gave ${mine.ok && mine.date.iso}`);
          continue;
        }
        if (!mine.ok) assert.fail(`${text}: luxon reads ${theirs.iso}, parseDate refused it: ${mine.reason}`);
        assert.deepStrictEqual({ instant: mine.date.instant, iso: mine.date.iso }, theirs, text);
        read++;
      }
      // Most samples are real dates: the comparison is not all refusals.
      assert.ok(read > samples.length / 2, `only ${read} of ${samples.length} read`);
    });
  });
});

