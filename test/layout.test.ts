/**
 * Layout checks: each code fires on a minimal fixture, never on the seeds
 * (apart from the one real stray `Unknown`), says what is wrong in plain
 * words, and its quick fix gives exactly the expected whole text.
 */
import * as assert from 'assert';
import { ALL_CODES } from '../server/src/core/codes';
import { applyFix, article, check, codes, DEFAULT_INFO_OLD, dedent, diagnostics, fixFor, NOW, seed, seeds, spanText } from './helpers/fixture';

const LAYOUT_CODES = ALL_CODES.filter((c) => /^(layout|title|info|article)\./.test(c));

describe('layout checks', () => {
  describe('the seeds', () => {
    it('a clean article raises nothing', () => assert.deepStrictEqual(check(article()), []));
    it('a clean new-layout article raises nothing', () => assert.deepStrictEqual(check(article({ layout: 'new' })), []));

    it('no layout, title, info or article code fires on a seed, except seed 001\'s real stray Unknown', () => {
      const found = seeds().flatMap((s) => codes(s.text).filter((c) => LAYOUT_CODES.includes(c as never)).map((c) => `${s.name.slice(0, 3)} ${c}`));
      assert.deepStrictEqual(found, ['001 article.stray-unknown']);
    });

    it('seed 001\'s stray Unknown, exactly', () => {
      assert.deepStrictEqual(check(seed('001')).filter((f) => f[0].startsWith('article.')), [
        ['article.stray-unknown', '12:1', 'A stray "Unknown" line opens the article text (left by the scraper).'],
      ]);
    });

    it('every diagnostic on the seeds has a message that is a sentence', () => {
      for (const s of seeds()) {
        for (const [code, , message] of check(s.text)) {
          assert.match(message, /^[[“"A-Z`].*[.)]$/s, `${code}: ${message}`);
        }
      }
    });
  });

  describe('layout.missing-title', () => {
    const text = '## Information:\n+ Source: ZDNet\n';
    it('fires when there is no `# Title`', () => {
      const found = check(article({ title: null, subtitle: null }));
      assert.deepStrictEqual(found, [['layout.missing-title', '2:1', 'The article has no title: start the file with a `# Title` line.']]);
    });
    it('fires on the empty text, at the start', () => assert.deepStrictEqual(check('').map((f) => f.slice(0, 2)), [['layout.missing-title', '1:1'], ['layout.missing-section', '1:1'], ['layout.missing-section', '1:1']]));
    it('the fix inserts a title line at the top', () => {
      assert.strictEqual(applyFix(text, 'layout.missing-title'), '# \n## Information:\n+ Source: ZDNet\n');
    });
    it('the fix keeps a byte order mark first', () => {
      assert.strictEqual(applyFix(`\uFEFF${text}`, 'layout.missing-title'), '\uFEFF# \n## Information:\n+ Source: ZDNet\n');
    });
    it('the fix uses the file\'s CRLF line ends', () => {
      assert.strictEqual(applyFix('## Information:\r\n', 'layout.missing-title'), '# \r\n## Information:\r\n');
    });
    it('the fix uses a lone-CR file\'s line ends, and a mixed file\'s most common', () => {
      assert.strictEqual(applyFix('## Information:\r+ Source: X\r', 'layout.missing-title'), '# \r## Information:\r+ Source: X\r');
      assert.strictEqual(applyFix('## Information:\n+ Source: X\n+ Date: Y\r\n', 'layout.missing-title'), '# \n## Information:\n+ Source: X\n+ Date: Y\r\n');
    });
    it('does not fire when the title is there but empty (title.empty does)', () => {
      assert.deepStrictEqual(codes(article({ title: '' })), ['title.empty']);
    });
  });

  describe('title.empty', () => {
    it('fires on `# ` alone', () => assert.deepStrictEqual(check(article({ title: '' })), [['title.empty', '1:1', 'The title is empty: write the headline after `# `.']]));
    it('fires on `#` alone', () => assert.deepStrictEqual(codes('#\n## Information:\n+ Source: a\n+ Link: https://a.example/\n+ Date: 2021-11-24\n+ Author: b\n## Article:\nx\n#### Tags:\n[[Tag]]\n'), ['title.empty']));
    it('a title of closing marks only (`# ##`) is empty', () => assert.deepStrictEqual(codes(article({ title: '##' })), ['title.empty']));
  });

  describe('title.empty-subtitle', () => {
    it('fires on `### ` alone', () => {
      assert.deepStrictEqual(check(article({ subtitle: '' })), [['title.empty-subtitle', '2:1', 'The subtitle is empty. Write one, or remove the line.']]);
    });
    it('the fix removes the line', () => {
      const text = article({ subtitle: '' });
      assert.strictEqual(applyFix(text, 'title.empty-subtitle'), text.replace('### \n', ''));
      assert.ok(applyFix(text, 'title.empty-subtitle').startsWith('# A clean example headline\n\n## Information:\n'));
    });
    it('the fix removes a CRLF line whole', () => {
      const text = article({ subtitle: '', eol: '\r\n' });
      assert.strictEqual(applyFix(text, 'title.empty-subtitle'), text.replace('### \r\n', ''));
    });
    it('is the preferred fix', () => assert.strictEqual(fixFor(article({ subtitle: '' }), 'title.empty-subtitle').fix.preferred, true));
    it('does not fire when there is no subtitle at all', () => assert.deepStrictEqual(codes(article({ subtitle: null })), []));
  });

  describe('a subtitle above the title', () => {
    const swapped = (eol: '\n' | '\r\n' = '\n') => article({ eol }).replace(`# A clean example headline${eol}### A clean example subtitle.${eol}`, `### A clean example subtitle.${eol}# A clean example headline${eol}`);
    it('is out of order, on the subtitle line', () => {
      assert.deepStrictEqual(check(swapped()), [['layout.section-order', '1:1', 'The subtitle comes before the title: the `# Title` line goes first, then the `### Subtitle`.']]);
    });
    it('the preferred fix moves the title up, in the file\'s line ends', () => {
      assert.strictEqual(applyFix(swapped(), 'layout.section-order'), article());
      assert.strictEqual(applyFix(swapped('\r\n'), 'layout.section-order'), article({ eol: '\r\n' }));
      assert.strictEqual(fixFor(swapped(), 'layout.section-order').fix.preferred, true);
    });
  });

  describe('layout.duplicate-title', () => {
    it('fires on a second `#` line before the first section', () => {
      const text = article({ subtitle: null }).replace('# A clean example headline\n', '# One\n# Two\n');
      assert.deepStrictEqual(check(text), [['layout.duplicate-title', '2:1', 'A second title: an article has one `# Title` line.']]);
    });
    it('a `#` heading in the body is not a second title', () => assert.deepStrictEqual(codes(article({ body: '# Inner heading\n\nText.' })), []));
  });

  describe('layout.stray-text', () => {
    it('fires on text between the title and `## Information:`', () => {
      const text = article().replace('### A clean example subtitle.\n', '### A clean example subtitle.\nemail system, from the agency’s own address.\n');
      assert.deepStrictEqual(check(text), [[
        'layout.stray-text', '3:1',
        'Text between the title and `## Information:` is not part of any section. Move it into `## Article:` or make it the `### Subtitle`.',
      ]]);
    });
    it('fires on text before the title, with another message', () => {
      const found = check(`stray\n${article()}`);
      assert.deepStrictEqual(found, [['layout.stray-text', '1:1', 'Text before the `# Title` line is not part of any section.']]);
    });
    it('its span leaves out surrounding spaces', () => {
      const text = article().replace('## Information:', '   stray   \n## Information:');
      const [d] = diagnostics(text, 'layout.stray-text');
      assert.strictEqual(spanText(text, d), 'stray');
    });
  });

  describe('layout.missing-section', () => {
    it('no `## Information:`: fires on the title and inserts a skeleton after the subtitle', () => {
      const text = article({ info: null });
      assert.deepStrictEqual(check(text), [['layout.missing-section', '1:1', 'No `## Information:` section: add one after the title, with `+ Source:`, `+ Link:`, `+ Date:` and `+ Author:` lines.']]);
      assert.strictEqual(applyFix(text, 'layout.missing-section'), dedent`
        # A clean example headline
        ### A clean example subtitle.

        ## Information:
        + Source: 
        + Link: 
        + Date: 
        + Author: 

        ## Article:
        The body of the article. It has two sentences.




        #### Tags:
        [[Example]] [[ThreatPost]]
      `);
    });
    it('no `## Information:` and no title: the skeleton goes at the top, then a blank line', () => {
      const text = '## Article:\nText.\n';
      const fixed = applyFix(text, 'layout.missing-section', { title: 'Information' });
      assert.strictEqual(fixed, '## Information:\n+ Source: \n+ Link: \n+ Date: \n+ Author: \n\n## Article:\nText.\n');
    });
    it('no `## Article:`: fires on the Information header and inserts one after the fields', () => {
      const text = '# T\n\n## Information:\n+ Source: ZDNet\n+ Link: https://www.zdnet.com/a/\n+ Date: 2021-11-24\n+ Author: A\n\n#### Tags:\n[[Tag]]\n';
      assert.deepStrictEqual(check(text), [['layout.missing-section', '3:1', 'No `## Article:` section: the article text goes under an `## Article:` header.']]);
      assert.strictEqual(applyFix(text, 'layout.missing-section'),
        '# T\n\n## Information:\n+ Source: ZDNet\n+ Link: https://www.zdnet.com/a/\n+ Date: 2021-11-24\n+ Author: A\n\n## Article:\n\n#### Tags:\n[[Tag]]\n');
    });
    it('no `## Article:` before the text: the header goes after the last field, before the text, which is then the article', () => {
      const text = '# T\n\n## Information:\n+ Source: ZDNet\n+ Link: https://www.zdnet.com/a/\n+ Date: 2021-11-24\n+ Author: A\n\nAcme Corp was hit.\n\n#### Tags:\n[[Tag]]\n';
      const fixed = applyFix(text, 'layout.missing-section', { title: 'Article' });
      assert.strictEqual(fixed, '# T\n\n## Information:\n+ Source: ZDNet\n+ Link: https://www.zdnet.com/a/\n+ Date: 2021-11-24\n+ Author: A\n\n## Article:\n\nAcme Corp was hit.\n\n#### Tags:\n[[Tag]]\n');
      assert.deepStrictEqual(codes(fixed), []);
    });
    it('no `## Article:` and nothing else: the header goes at the top', () => {
      assert.strictEqual(applyFix('', 'layout.missing-section', { title: 'Article' }), '## Article:\n');
    });
    it('no Tags section: fires on the Article header and appends `#### Tags:`', () => {
      const text = article({ tags: null });
      assert.deepStrictEqual(check(text), [['layout.missing-section', '11:1', 'No Tags section: end the article with `#### Tags:` and a line of `[[Tags]]`.']]);
      assert.strictEqual(applyFix(text, 'layout.missing-section'), `${text}\n#### Tags:\n`);
    });
    it('no Tags section in the new layout: appends `## Tags:`', () => {
      const text = article({ layout: 'new', tags: null });
      assert.deepStrictEqual(check(text), [['layout.missing-section', '11:1', 'No Tags section: end the article with `## Tags:` and a line of `[[Tags]]`.']]);
      assert.strictEqual(applyFix(text, 'layout.missing-section'), `${text}\n## Tags:\n`);
    });
    it('no Tags section and no final line break: the fix adds one first', () => {
      const text = article({ tags: null }).replace(/\n+$/, '');
      assert.strictEqual(applyFix(text, 'layout.missing-section'), `${text}\n\n#### Tags:\n`);
    });
    it('only `## Information:`: title, Article missing', () => {
      assert.deepStrictEqual(codes('## Information:'), ['layout.missing-title', 'layout.missing-section', 'info.missing-field', 'info.missing-field', 'info.missing-field', 'info.missing-field']);
    });
    it('a tags section alone does not stand in for the Article', () => {
      assert.ok(codes('# T\n## Information:\n#### Tags:\n[[a]]\n').includes('layout.missing-section'));
    });
  });

  describe('layout.duplicate-section', () => {
    it('fires on the second header, pointing back at the first', () => {
      const text = article({ body: 'Text.\n\n## Article:\nMore.' });
      const found = check(text);
      assert.deepStrictEqual(found, [['layout.duplicate-section', '14:1', 'A second `## Article:` section: only the first one is read, so what follows this header is ignored.']]);
      const [d] = diagnostics(text, 'layout.duplicate-section');
      assert.strictEqual(spanText(text, d.related![0]), '## Article:');
      assert.strictEqual(text.indexOf('## Article:'), d.related![0].span.start);
    });
    it('has no fix (which one to keep is the writer\'s call)', () => {
      const [d] = diagnostics(article({ body: 'Text.\n\n## Article:\nMore.' }), 'layout.duplicate-section');
      assert.strictEqual(d.fixes, undefined);
    });
    it('two tags sections of different levels are still duplicates', () => {
      assert.deepStrictEqual(codes(article({ tags: '[[Tag]]\n## Tags:\n[[Other]]' })), ['layout.duplicate-section']);
    });
  });

  describe('layout.section-order', () => {
    it('fires when Article comes before Information', () => {
      const text = '# T\n## Article:\nText.\n## Information:\n+ Source: a\n+ Link: https://a.example/\n+ Date: 2021-11-24\n+ Author: b\n#### Tags:\n[[Tag]]\n';
      assert.deepStrictEqual(check(text), [['layout.section-order', '4:1', '`## Information:` comes after `## Article:`; articles put Information first, then Article, then Tags.']]);
    });
    it('fires when Tags come before Article', () => {
      const text = '# T\n## Information:\n+ Source: a\n+ Link: https://a.example/\n+ Date: 2021-11-24\n+ Author: b\n#### Tags:\n[[Tag]]\n## Article:\nText.\n';
      assert.deepStrictEqual(codes(text), ['layout.section-order']);
    });
  });

  describe('layout.header-format', () => {
    it('fires on `## information` and fixes it to `## Information:`', () => {
      const text = article().replace('## Information:', '## information');
      assert.deepStrictEqual(check(text), [['layout.header-format', '4:1', 'Write this header as `## Information:`.']]);
      assert.strictEqual(applyFix(text, 'layout.header-format'), article());
    });
    it('fires on `#### tags` and on `##Article`', () => {
      const text = article().replace('#### Tags:', '#### tags').replace('## Article:', '##Article');
      assert.deepStrictEqual(codes(text), ['layout.header-format', 'layout.header-format']);
      assert.strictEqual(applyFix(applyFix(text, 'layout.header-format'), 'layout.header-format'), article());
    });
    it('fires on trailing spaces after the header', () => {
      const text = article().replace('## Article:', '## Article:  ');
      assert.strictEqual(applyFix(text, 'layout.header-format'), article());
    });
    it('`## Tag` becomes `## Tags:`', () => {
      const text = article({ layout: 'new' }).replace('## Tags:', '## Tag');
      assert.strictEqual(applyFix(text, 'layout.header-format'), article({ layout: 'new' }));
    });
    it('a header one slip away is that header, with one message and a fix, not a cascade', () => {
      const slips: [string, string][] = [
        ['## Information:', '## Info:'], ['## Information:', '## Informations:'], ['## Information:', '# Information:'],
        ['## Information:', 'Information:'], ['## Information:', '## Information:\u00a0'], ['## Information:', '#### Information:'],
        ['## Article:', '### Article:'], ['## Article:', '## Articles:'], ['## Article:', '## Body:'], ['## Article:', 'Article:'],
        ['#### Tags:', '### Tags:'],
        // Before the article, "## Body" without its colon can only be its header.
        ['## Article:', '## Body'],
      ];
      for (const [right, slip] of slips) {
        const text = article().replace(right, slip);
        assert.deepStrictEqual(codes(text), ['layout.header-format'], slip);
        assert.strictEqual(applyFix(text, 'layout.header-format'), article(), slip);
      }
      // Not a header: "Information:" inside the body, a title that says "Information", "## Body" without a colon.
      const inBody = article({ body: 'Some text.\n\nInformation:\n\nMore text.' });
      assert.deepStrictEqual(codes(inBody), []);
      assert.ok(!codes(article().replace('## Article:', '## Article:\n## Body')).includes('layout.header-format'));
    });
  });

  describe('info.malformed-line', () => {
    it('fires on a line that is not `+ Name: value`', () => {
      const text = article({ info: { ...DEFAULT_INFO_OLD } }).replace('+ Author: Lisa Vaas', '+ Author: Lisa Vaas\nby the way');
      assert.deepStrictEqual(check(text), [['info.malformed-line', '9:1', 'The Information section holds `+ Name: value` lines; this line is not one.']]);
    });
    it('a known field without its colon is read as that field, with one message and the fix', () => {
      const text = article().replace('+ Source: ThreatPost', '+ Source ThreatPost');
      assert.deepStrictEqual(check(text), [['info.malformed-line', '5:3', 'A colon is missing after Source: write `+ Source: …`.']]);
      assert.strictEqual(applyFix(text, 'info.malformed-line'), article());
      // Not the field "Link https" up to the colon of the address, nor "Date August 26, 2021 12".
      const link = article({ layout: 'new' }).replace(/\+ Link: /, '+ Link ');
      assert.deepStrictEqual(codes(link), ['info.malformed-line']);
      assert.strictEqual(applyFix(link, 'info.malformed-line'), article({ layout: 'new' }));
      const date = article().replace('+ Date: ', '+ Date ');
      assert.deepStrictEqual(codes(date), ['info.malformed-line']);
      assert.strictEqual(applyFix(date, 'info.malformed-line'), article());
    });
  });

  describe('info.missing-field', () => {
    it('fires for each missing field, on the header', () => {
      const text = article({ info: { Source: 'ThreatPost', Date: 'August 26, 2021' } });
      assert.deepStrictEqual(check(text), [
        ['info.missing-field', '4:1', 'The Information section has no Link field.'],
        ['info.missing-field', '4:1', 'The Information section has no Author field.'],
      ]);
    });
    it('the fix adds the line where the usual order puts it (Link after Source)', () => {
      const text = article({ info: { Source: 'ThreatPost', Date: 'August 26, 2021', Author: 'Lisa Vaas' } });
      assert.strictEqual(applyFix(text, 'info.missing-field'), article({ info: { Source: 'ThreatPost', Link: '', Date: 'August 26, 2021', Author: 'Lisa Vaas' } }));
    });
    it('a missing Source goes first, under the header', () => {
      const text = article({ info: { Link: 'https://a.example/', Date: 'August 26, 2021', Author: 'Lisa Vaas' } });
      assert.strictEqual(applyFix(text, 'info.missing-field'), article({ info: { Source: '', Link: 'https://a.example/', Date: 'August 26, 2021', Author: 'Lisa Vaas' } }));
    });
    it('a missing Author goes last', () => {
      const text = article({ info: { Source: 'ThreatPost', Link: 'https://a.example/', Date: 'August 26, 2021' } });
      assert.strictEqual(applyFix(text, 'info.missing-field'), article({ info: { Source: 'ThreatPost', Link: 'https://a.example/', Date: 'August 26, 2021', Author: '' } }));
    });
    it('an empty section gets the field right under its header', () => {
      assert.strictEqual(applyFix('# T\n## Information:\n## Article:\nx\n', 'info.missing-field'), '# T\n## Information:\n+ Source: \n## Article:\nx\n');
    });
  });

  describe('info.empty-field', () => {
    it('fires on `+ Author:` with nothing after it', () => {
      const text = article({ info: { ...DEFAULT_INFO_OLD, Author: '' } });
      assert.deepStrictEqual(check(text), [['info.empty-field', '8:1', 'The Author field is empty.']]);
    });
    it('an empty Date is only info.empty-field, not info.bad-date too', () => {
      assert.deepStrictEqual(codes(article({ info: { ...DEFAULT_INFO_OLD, Date: '' } })), ['info.empty-field']);
    });
    it('an empty Link is only info.empty-field, not info.bad-link too', () => {
      assert.deepStrictEqual(codes(article({ info: { ...DEFAULT_INFO_OLD, Link: '' } })), ['info.empty-field']);
    });
  });

  describe('info.duplicate-field', () => {
    const text = article({ info: ['+ Source: ThreatPost', '+ Link: https://a.example/', '+ Date: 2021-11-24', '+ Author: A', '+ Source: ZDNet'] });
    it('fires on the second, naming the value that is used', () => {
      assert.deepStrictEqual(check(text), [['info.duplicate-field', '9:1', 'A second Source field: only the first one ("ThreatPost") is used.']]);
    });
    it('points at the first', () => {
      const [d] = diagnostics(text, 'info.duplicate-field');
      assert.strictEqual(spanText(text, d.related![0]), '+ Source: ThreatPost');
    });
    it('the fix removes the second line (not preferred: the second may be the right one)', () => {
      const { fix } = fixFor(text, 'info.duplicate-field');
      assert.ok(!fix.preferred);
      assert.strictEqual(applyFix(text, 'info.duplicate-field'), text.replace('+ Source: ZDNet\n', ''));
    });
    it('keys differ in case only: still a duplicate', () => {
      assert.deepStrictEqual(codes(text.replace('+ Source: ZDNet', '+ source: ZDNet')), ['info.duplicate-field']);
    });
  });

  describe('info.unknown-field', () => {
    it('suggests the field it looks like, and renames it; the field is not reported missing as well', () => {
      const text = article({ info: { ...DEFAULT_INFO_OLD, Author: undefined as never } }).replace('+ Author: undefined\n', '+ Auther: Lisa Vaas\n');
      assert.deepStrictEqual(check(text), [
        ['info.unknown-field', '8:3', '"Auther" is not a field Breach Desk knows; did you mean "Author"?'],
      ]);
      assert.strictEqual(applyFix(text, 'info.unknown-field'), article());
    });
    it('an unrelated field is listed against the four known ones, with no fix', () => {
      const text = article({ info: { ...DEFAULT_INFO_OLD, Category: 'Breach' } });
      assert.deepStrictEqual(check(text), [['info.unknown-field', '9:3', '"Category" is not one of the fields Breach Desk reads (Source, Link, Date, Author).']]);
      assert.strictEqual(diagnostics(text, 'info.unknown-field')[0].fixes, undefined);
    });
    it('no suggestion for a field that is already there', () => {
      const text = article({ info: { ...DEFAULT_INFO_OLD, Data: 'x' } });
      assert.match(check(text)[0][2], /is not one of the fields/);
    });
  });

  describe('info.bad-link', () => {
    const withLink = (link: string) => article({ info: { ...DEFAULT_INFO_OLD, Link: link } });
    it('fires on a Link that is no URL', () => {
      assert.deepStrictEqual(check(withLink('[article](not a url)')), [['info.bad-link', '6:9', 'The Link "[article](not a url)" is not a web address: write the article\'s URL, starting with https://.']]);
    });
    it('fires on ftp:// and on a host without a dot', () => {
      assert.deepStrictEqual(codes(withLink('ftp://example.com/a')), ['info.bad-link']);
      assert.deepStrictEqual(codes(withLink('https://localhost/a')), ['info.bad-link']);
    });
    it('a Link or Date that cannot be read is a warning, as a missing one is: the article is still read', () => {
      const bad = diagnostics(withLink('not a url'), 'info.bad-link')[0];
      const date = diagnostics(article({ info: { ...DEFAULT_INFO_OLD, Date: 'Blursday' } }), 'info.bad-date')[0];
      const missing = diagnostics(article({ info: { Source: 'X', Date: 'August 28, 2021', Author: 'Y' } }), 'info.missing-field')[0];
      assert.deepStrictEqual([bad.severity, date.severity], [missing.severity, missing.severity]);
      assert.strictEqual(missing.severity, 'warning');
    });
    it('an empty address inside [article]() is said so, on the whole value', () => {
      const text = withLink('[article]()');
      const [d] = diagnostics(text, 'info.bad-link');
      assert.strictEqual(spanText(text, d), '[article]()');
      assert.strictEqual(d.message, 'The Link has no address: put the article\'s URL, starting with https://, between the parentheses.');
    });
    it('points at the URL inside [article](…)', () => {
      const text = withLink('[article](javascript:alert(1))');
      const [d] = diagnostics(text, 'info.bad-link');
      assert.strictEqual(spanText(text, d), 'javascript:alert(1)');
    });
    it('a www. address gets "https://" added', () => {
      assert.strictEqual(applyFix(withLink('www.zdnet.com/article/x/'), 'info.bad-link'), withLink('https://www.zdnet.com/article/x/'));
      assert.strictEqual(applyFix(withLink('[article](www.zdnet.com/article/x/)'), 'info.bad-link'), withLink('[article](https://www.zdnet.com/article/x/)'));
    });
    it('a long bad link is shortened in the message', () => {
      const [[, , message]] = check(withLink(`x${'y'.repeat(200)}`));
      assert.ok(message.length < 200, message);
      assert.match(message, /…/);
    });
    it('good links in every style raise nothing', () => {
      for (const l of ['[article](https://a.example/x)', 'https://a.example/x', '<https://a.example/x>', '[article](https://en.wikipedia.org/wiki/Bug_(engineering))', 'http://a.example/?p=1']) {
        assert.deepStrictEqual(codes(withLink(l)), [], l);
      }
    });
  });

  describe('info.author-unknown', () => {
    it('fires on `Unknown` and `None`, on the value', () => {
      const text = article({ info: { ...DEFAULT_INFO_OLD, Author: 'Unknown' } });
      assert.deepStrictEqual(check(text), [['info.author-unknown', '8:11', 'The author is given as "Unknown": credit the writer if you know who it is.']]);
      assert.deepStrictEqual(codes(article({ info: { ...DEFAULT_INFO_OLD, Author: 'none' } })), ['info.author-unknown']);
    });
    it('a real name is fine', () => assert.deepStrictEqual(codes(article({ info: { ...DEFAULT_INFO_OLD, Author: 'Unknown Pleasures' } })), []));
  });

  describe('info dates in the layout', () => {
    const withDate = (d: string) => article({ info: { ...DEFAULT_INFO_OLD, Date: d } });
    it('info.bad-date', () => assert.deepStrictEqual(codes(withDate('Blursday')), ['info.bad-date']));
    it('info.date-unknown', () => assert.deepStrictEqual(codes(withDate('Unknown')), ['info.date-unknown']));
    it('info.date-epoch', () => assert.deepStrictEqual(codes(withDate('1970-01-01T00:00:00Z')), ['info.date-epoch']));
    it('info.date-future uses the injected now', () => {
      assert.deepStrictEqual(codes(withDate('2022-06-01')), ['info.date-future']);
      assert.deepStrictEqual(codes(withDate('2022-06-01'), Date.UTC(2023, 0, 1)), []);
      assert.strictEqual(NOW, Date.UTC(2022, 2, 1, 12));
    });
  });

  describe('article.placeholder', () => {
    const text = dedent`
      # Unknown
      ### 

      ## Information:
      + Source: ZDNet
      + Link: [article](https://www.zdnet.com/video/x/)
      + Date: Unknown
      + Author: Unknown


      ## Article:
      Unknown


      #### Tags:
      [[]] [[ZDNet]]
    `;
    it('fires on the `# Unknown` page as its one problem: its empty subtitle, Unknown date, author and body follow from it', () => {
      assert.deepStrictEqual(check(text), [
        ['article.placeholder', '1:1', 'A placeholder article: the title is "Unknown" and the scraper saved no real text. It is left out of the corpus; delete the file or fill it in.'],
      ]);
    });
    it('a title that merely contains Unknown is not a placeholder', () => assert.deepStrictEqual(codes(article({ title: 'Unknown attackers breach a hospital' })), []));
  });

  describe('article.stray-unknown', () => {
    it('fires on a body that opens with `Unknown`', () => {
      const text = article({ body: 'Unknown\n\nA 21-year-old Virginia native.' });
      assert.deepStrictEqual(check(text), [['article.stray-unknown', '12:1', 'A stray "Unknown" line opens the article text (left by the scraper).']]);
    });
    it('the fix removes the line and the blank lines after it', () => {
      const text = article({ body: 'Unknown\n\nA 21-year-old Virginia native.' });
      assert.strictEqual(applyFix(text, 'article.stray-unknown'), article({ body: 'A 21-year-old Virginia native.' }));
    });
    it('the fix on seed 001 leaves the text right under the header', () => {
      const fixed = applyFix(seed('001'), 'article.stray-unknown');
      assert.strictEqual(fixed, seed('001').replace('## Article:\nUnknown\n\n', '## Article:\n'));
      assert.deepStrictEqual(codes(fixed).filter((c) => c.startsWith('article.')), []);
    });
    it('with CRLF line ends', () => {
      const text = article({ body: 'Unknown\n\nText.', eol: '\r\n' });
      assert.strictEqual(applyFix(text, 'article.stray-unknown'), article({ body: 'Text.', eol: '\r\n' }));
    });
    it('an Unknown later in the body is text', () => assert.deepStrictEqual(codes(article({ body: 'Text.\n\nUnknown' })), []));
    it('a paragraph that starts with "Unknown attackers" is text', () => assert.deepStrictEqual(codes(article({ body: 'Unknown attackers struck.' })), []));
  });

  describe('article.empty', () => {
    it('fires when nothing is under `## Article:`', () => {
      assert.deepStrictEqual(check(article({ body: '' })), [['article.empty', '11:1', 'The article has no text under `## Article:`.']]);
    });
    it('a body of only a heading is not empty', () => assert.deepStrictEqual(codes(article({ body: 'Heading\n-------' })), []));
  });

  describe('every layout code', () => {
    // One minimal fixture per code; each must raise its code (and the seeds none, checked above).
    const fixtures: Record<string, string> = {
      'layout.missing-title': article({ title: null }),
      'layout.duplicate-title': article().replace('# A clean', '# Another\n# A clean'),
      'layout.missing-section': article({ tags: null }),
      'layout.duplicate-section': article({ body: 'x\n## Article:\ny' }),
      'layout.section-order': '# T\n## Article:\nx\n## Information:\n',
      'layout.header-format': article().replace('## Article:', '## article'),
      'layout.stray-text': article().replace('## Information:', 'stray\n\n## Information:'),
      'title.empty': article({ title: '' }),
      'title.empty-subtitle': article({ subtitle: '' }),
      'info.malformed-line': article({ info: ['+ Source ThreatPost'] }),
      'info.missing-field': article({ info: {} }),
      'info.empty-field': article({ info: { ...DEFAULT_INFO_OLD, Source: '' } }),
      'info.duplicate-field': article({ info: ['+ Author: a', '+ Author: b'] }),
      'info.unknown-field': article({ info: { ...DEFAULT_INFO_OLD, Notes: 'x' } }),
      'info.bad-link': article({ info: { ...DEFAULT_INFO_OLD, Link: 'nope' } }),
      'info.bad-date': article({ info: { ...DEFAULT_INFO_OLD, Date: 'Blursday' } }),
      'info.date-unknown': article({ info: { ...DEFAULT_INFO_OLD, Date: 'None' } }),
      'info.date-epoch': article({ info: { ...DEFAULT_INFO_OLD, Date: '1969-12-31T19:00:00-05:00' } }),
      'info.date-future': article({ info: { ...DEFAULT_INFO_OLD, Date: 'January 1, 2099' } }),
      'info.author-unknown': article({ info: { ...DEFAULT_INFO_OLD, Author: 'Unknown' } }),
      'article.placeholder': article({ title: 'Unknown' }),
      'article.stray-unknown': article({ body: 'Unknown\n\nText.' }),
      'article.unclosed-fence': article().replace('\n#### Tags:', '\n```\ncode\n\n#### Tags:'),
      'article.empty': article({ body: '' }),
      'article.repeated-word': article({ body: 'It was the the end.' }),
      'article.indefinite': article({ body: 'It is a ongoing threat.' }),
    };
    for (const code of LAYOUT_CODES) {
      it(`${code} has a fixture that raises it`, () => {
        const text = fixtures[code];
        assert.ok(text !== undefined, `no fixture for ${code}`);
        assert.ok(codes(text).includes(code), `${code} not in ${codes(text).join(', ')}`);
      });
    }
    it('every fix of every fixture applies cleanly and removes its diagnostic', () => {
      for (const [code, text] of Object.entries(fixtures)) {
        for (const d of diagnostics(text, code)) {
          for (const f of d.fixes ?? []) {
            const fixed = applyFix(text, code, { on: spanText(text, d), title: f.title });
            const before = codes(text).filter((c) => c === code).length;
            const after = codes(fixed).filter((c) => c === code).length;
            assert.ok(after < before, `${code}: "${f.title}" left ${after} of ${before}`);
          }
        }
      }
    });
  });
});

describe('headers at other levels', () => {
  it('`##### Tags:` and `# Tags:` with a colon are the Tags header, written the usual way by the fix', () => {
    for (const h of ['##### Tags:', '# Tags:', '###### Tags:']) {
      const text = article().replace('#### Tags:', h);
      assert.deepStrictEqual(codes(text), ['layout.header-format'], h);
      assert.strictEqual(applyFix(text, 'layout.header-format'), article(), h);
    }
  });
});

describe('article.unclosed-fence', () => {
  it('says a code block that never closes swallowed the Tags header, instead of "No Tags section"', () => {
    const text = article().replace('\n#### Tags:', '\n```bash\nrm -rf /\n\n#### Tags:');
    assert.deepStrictEqual(codes(text), ['article.unclosed-fence']);
    assert.match(check(text)[0][2], /never closed, so everything after it is read as code, the `#### Tags:` header included\. Close it with a line of ```\./);
    // A closed block, or an open one at the end that swallows no header, is fine.
    assert.deepStrictEqual(codes(article().replace('\n#### Tags:', '\n```bash\nrm -rf /\n```\n\n#### Tags:')), []);
    assert.deepStrictEqual(codes(article({ tags: null }).replace(/\n$/, '\n```\ncode\n')).filter((c) => c === 'article.unclosed-fence'), []);
  });
});
