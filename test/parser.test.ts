/**
 * The parser: title, subtitle, sections, fields, link styles, body blocks,
 * inline links, quotations and sentences, and tags of both layouts. Every
 * fixture goes through `assertTree`, which walks the whole tree and checks
 * that every span lies inside the text and slices back to its node's text.
 * Half-typed and damaged texts must never throw.
 */
import * as assert from 'assert';
import type { Article, Block, TextBlock } from '../server/src/core/syntax/ast';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { articleHead, parse } from '../server/src/core/syntax/parse';
import { looksLikeArticle, isCandidateFile } from '../server/src/core/detect';
import { LineIndex } from '../server/src/core/text';
import { analyseChecked, article, assertTree, cursor, dedent, NOW, range, run, seed, seeds } from './helpers/fixture';

function parsed(text: string): Article {
  const r = run(text, NOW);
  assertTree(text, r, r.diagnostics);
  return r.article;
}

function blocks(body: string): Block[] {
  return parsed(article({ body })).body!.blocks;
}

function textBlocks(body: string): TextBlock[] {
  return blocks(body).filter((b): b is TextBlock => b.kind === 'paragraph' || b.kind === 'list-item' || b.kind === 'blockquote');
}

function sentences(body: string): string[] {
  return textBlocks(body).flatMap((b) => b.sentences.map((s) => s.text));
}

function links(body: string) {
  return textBlocks(body).flatMap((b) => b.links);
}

function quotes(body: string): string[] {
  return textBlocks(body).flatMap((b) => b.quotes.map((q) => q.text));
}

function tagNames(a: Article): string[][] {
  return (a.tags?.groups ?? []).map((g) => g.tags.map((t) => t.name));
}

describe('parser', () => {
  describe('the seeds', () => {
    for (const s of seeds()) {
      it(`${s.name}: parses with every invariant holding`, () => {
        const a = parsed(s.text);
        assert.ok(a.title && a.title.text.length > 10);
        assert.ok(a.subtitle && a.subtitle.text.length > 10);
        assert.deepStrictEqual(a.headers.map((h) => h.kind), ['information', 'article', 'tags']);
        assert.strictEqual(a.layout, 'old');
        assert.deepStrictEqual(a.info!.fields.map((f) => f.key), ['Source', 'Link', 'Date', 'Author']);
        assert.strictEqual(a.link?.parsed?.style, 'markdown');
        assert.ok(a.date?.parsed.ok);
        assert.ok(a.body!.blocks.length > 10);
        assert.strictEqual(a.tags!.groups.length, 1);
        assert.strictEqual(a.tags!.groups[0].kind, 'plain');
      });
    }

    it('seed 000: title, subtitle and fields', () => {
      const a = parsed(seed('000'));
      assert.strictEqual(a.title!.text, 'T-Mobile’s Security Is ‘Awful,’ Says Purported Thief');
      assert.match(a.subtitle!.text, /^John Binns, claiming .* on Friday\.$/);
      assert.strictEqual(a.source!.value, 'ThreatPost');
      assert.strictEqual(a.link!.parsed!.url, 'https://kasperskycontenthub.com/threatpost-global/?p=169011');
      assert.strictEqual(a.date!.value, 'August 28, 2021  12:58 pm');
      assert.strictEqual(a.author!.value, 'Lisa Vaas');
    });

    it('seed 000: five setext sub-headings, in order', () => {
      const hs = parsed(seed('000')).body!.blocks.filter((b) => b.kind === 'heading');
      assert.deepStrictEqual(hs.map((h) => h.kind === 'heading' && [h.level, h.style, h.text]), [
        [2, 'setext', 'Who is John Binns?'],
        [2, 'setext', 'T-Mobile’s ‘Awful’ Security'],
        [2, 'setext', 'Something’s Wrong in Magenta Land'],
        [2, 'setext', 'The Latest From T-Mobile'],
        [2, 'setext', 'Well, Good Luck With All That'],
      ]);
    });

    it('seed 000: three block quotes, whose sentences stop before the empty `>` lines', () => {
      const qs = parsed(seed('000')).body!.blocks.filter((b): b is TextBlock => b.kind === 'blockquote');
      assert.strictEqual(qs.length, 3);
      for (const q of qs) {
        const last = q.sentences[q.sentences.length - 1].text;
        assert.ok(!/>\s*$/.test(last) && !last.includes('\n'), JSON.stringify(last));
      }
      assert.deepStrictEqual(qs[2].sentences.map((s) => s.text), [
        'I was panicking because I had access to something big.',
        'Their security is awful. —John Binns, as quoted by the WSJ',
      ]);
    });

    it('seed 000: the tag line', () => {
      assert.deepStrictEqual(tagNames(parsed(seed('000'))), [[
        'T-Mobile', 'Binns', 'T-Mobile’s', 'WSJ', 'cybersecurity', 'Threatpost', 'it’s', 'numbers,', 'Sievert', 'Aug.', 'ThreatPost',
      ]]);
    });

    it('seed 001: the ZDNet date with zone, and the stray Unknown paragraph', () => {
      const a = parsed(seed('001'));
      assert.ok(a.date!.parsed.ok && a.date!.parsed.date.style === 'zdnet');
      const first = a.body!.blocks[0] as TextBlock;
      assert.deepStrictEqual(first.sentences.map((s) => s.text), ['Unknown']);
    });

    it('seed 002: the image line, the embedded tweet and its autolink', () => {
      const a = parsed(seed('002'));
      const first = a.body!.blocks[0] as TextBlock;
      assert.strictEqual(first.links[0].image, true);
      assert.strictEqual(first.links[0].text, '');
      const tweet = a.body!.blocks.find((b): b is TextBlock => b.kind === 'blockquote')!;
      assert.deepStrictEqual(tweet.links.map((l) => l.url), [
        'https://t.co/F7mcmrmgxn',
        'https://t.co/0Kwn4Xl89D',
        'https://twitter.com/UnderTheBreach/status/1426923538099970050?ref_src=twsrc%5Etfw',
      ]);
    });
  });

  describe('title and subtitle', () => {
    it('reads both', () => {
      const a = parsed(article({ title: 'Hello', subtitle: 'World' }));
      assert.strictEqual(a.title!.text, 'Hello');
      assert.strictEqual(a.subtitle!.text, 'World');
    });
    it('trims the title', () => assert.strictEqual(parsed('#    Spaced out   \n').title!.text, 'Spaced out'));
    it('drops a closing sequence of `#` marks', () => assert.strictEqual(parsed('# Closed ##\n').title!.text, 'Closed'));
    it('keeps a `#` that belongs to a word: C#', () => assert.strictEqual(parsed('# Microsoft patches C#\n').title!.text, 'Microsoft patches C#'));
    it('keeps F# and a hashtag-like ending', () => {
      assert.strictEqual(parsed('# Why F#\n### Not #1\n').title!.text, 'Why F#');
      assert.strictEqual(parsed('# Why F#\n### Not #1\n').subtitle!.text, 'Not #1');
    });
    it('an empty title is an empty text node on its line', () => {
      const a = parsed('# \n## Information:\n');
      assert.strictEqual(a.title!.text, '');
      assert.deepStrictEqual(a.title!.lineSpan, { start: 0, end: 2 });
    });
    it('an empty subtitle `### ` is a subtitle with no text', () => {
      const a = parsed(article({ subtitle: '' }));
      assert.strictEqual(a.subtitle!.text, '');
    });
    it('only `#` is an empty title', () => assert.strictEqual(parsed('#').title!.text, ''));
    it('`#Title` without a space is not a title (CommonMark)', () => assert.strictEqual(parsed('#Title\n').title, undefined));
    it('a second `#` line is a duplicate title problem', () => {
      const r = parse('# One\n# Two\n## Information:\n');
      assert.deepStrictEqual(r.problems.map((p) => p.code), ['layout.duplicate-title']);
    });
    it('text between the title and the first section is stray', () => {
      const r = parse('# One\n### Sub\nstray words\n## Information:\n');
      assert.deepStrictEqual(r.problems.map((p) => [p.code, r.article.length && p.span]), [['layout.stray-text', { start: 14, end: 25 }]]);
    });
  });

  describe('sections', () => {
    it('reads the three headers with their kinds, levels and canonical forms', () => {
      const a = parsed(article());
      assert.deepStrictEqual(a.headers.map((h) => [h.kind, h.level, h.raw, h.canonical]), [
        ['information', 2, '## Information:', '## Information:'],
        ['article', 2, '## Article:', '## Article:'],
        ['tags', 4, '#### Tags:', '#### Tags:'],
      ]);
    });
    it('accepts variants: no colon, lower case, extra spaces, `## Tag`', () => {
      const a = parsed('# T\n## information\n## ARTICLE :\nx\n##   tag\n[[a]]\n');
      assert.deepStrictEqual(a.headers.map((h) => [h.kind, h.canonical]), [
        ['information', '## Information:'], ['article', '## Article:'], ['tags', '## Tags:'],
      ]);
    });
    it('`### Information` without a colon is a subtitle; with one, a header one slip away', () => {
      const a = parsed('# T\n### Information\n');
      assert.strictEqual(a.headers.length, 0);
      assert.strictEqual(a.subtitle!.text, 'Information');
      const b = parsed('# T\n### Information:\n');
      assert.deepStrictEqual(b.headers.map((h) => [h.kind, h.canonical]), [['information', '## Information:']]);
    });
    it('`### Tags` without a colon is a heading of the body; `### Tags:`, `#### Tags:` and `## Tags:` are headers', () => {
      assert.strictEqual(parsed('# T\n## Article:\n### Tags\n').headers.length, 1);
      assert.strictEqual(parsed('# T\n## Article:\n### Tags:\n').headers.length, 2);
      assert.strictEqual(parsed('# T\n## Article:\n#### Tags:\n').headers.length, 2);
      assert.strictEqual(parsed('# T\n## Article:\n## Tags:\n').headers.length, 2);
    });
    it('keeps duplicate headers in `headers` but reads only the first section', () => {
      const a = parsed('# T\n## Information:\n+ Source: A\n## Information:\n+ Source: B\n');
      assert.strictEqual(a.headers.length, 2);
      assert.deepStrictEqual(a.info!.fields.map((f) => f.value), ['A']);
      assert.strictEqual(a.source!.value, 'A');
    });
    it('the Information section spans its header to its last field', () => {
      const text = article();
      const a = parsed(text);
      assert.strictEqual(text.slice(a.info!.span.start, a.info!.span.end), '## Information:\n+ Source: ThreatPost\n+ Link: [article](https://threatpost.com/example/1234/)\n+ Date: August 28, 2021  12:58 pm\n+ Author: Lisa Vaas');
    });
    it('layout: `#### Tags:` is old, `## Tags:` is new', () => {
      assert.strictEqual(parsed(article()).layout, 'old');
      assert.strictEqual(parsed(article({ layout: 'new' })).layout, 'new');
    });
    it('layout: a bare link without a tags section is new', () => {
      assert.strictEqual(parsed(article({ layout: 'new', tags: null })).layout, 'new');
    });
    it('layout: unknown when nothing tells', () => assert.strictEqual(parsed('# T\n').layout, 'unknown'));
  });

  describe('Information fields', () => {
    const info = (lines: string[]) => parsed(article({ info: lines })).info!;

    it('reads key and value with exact spans', () => {
      const text = article({ info: ['+ Source: ThreatPost'] });
      const f = parsed(text).info!.fields[0];
      assert.strictEqual(f.key, 'Source');
      assert.strictEqual(f.name, 'source');
      assert.strictEqual(f.value, 'ThreatPost');
      assert.strictEqual(text.slice(f.lineSpan.start, f.lineSpan.end), '+ Source: ThreatPost');
    });
    it('accepts `-` and `*` bullets and missing spaces', () => {
      assert.deepStrictEqual(info(['- Source: A', '* Link: https://a.example/', '+Date:2021-11-24']).fields.map((f) => [f.key, f.value]), [
        ['Source', 'A'], ['Link', 'https://a.example/'], ['Date', '2021-11-24'],
      ]);
    });
    it('the value keeps its own colons (times, URLs)', () => {
      assert.strictEqual(info(['+ Date: 2021-12-03T10:00:00+00:00']).fields[0].value, '2021-12-03T10:00:00+00:00');
    });
    it('trims the value', () => {
      const f = info(['+ Author:    Lisa Vaas   ']).fields[0];
      assert.strictEqual(f.value, 'Lisa Vaas');
    });
    it('an empty value is an empty string with an empty span at the line end', () => {
      const text = article({ info: ['+ Author:'] });
      const f = parsed(text).info!.fields[0];
      assert.strictEqual(f.value, '');
      assert.strictEqual(f.valueSpan.start, f.lineSpan.end);
    });
    it('a key spelled like the bullet is found at its own place', () => {
      const text = article({ info: ['- -: x'] });
      const f = parsed(text).info!.fields[0];
      assert.strictEqual(f.key, '-');
      assert.strictEqual(f.keySpan.start, f.lineSpan.start + 2);
    });
    it('`+ Source ThreatPost`, a known field without its colon, is that field, marked; an unknown one is a malformed line', () => {
      const r = parse(article({ info: ['+ Source ThreatPost'] }));
      assert.deepStrictEqual(r.article.info!.fields.map((f) => [f.key, f.value, f.colonMissing]), [['Source', 'ThreatPost', true]]);
      assert.deepStrictEqual(r.problems, []);
      const other = parse(article({ info: ['+ Sauce ThreatPost'] }));
      assert.strictEqual(other.article.info!.fields.length, 0);
      assert.deepStrictEqual(other.problems.map((p) => p.code), ['info.malformed-line']);
    });
    it('only the first of a doubled field is the convenience view', () => {
      const a = parsed(article({ info: ['+ Source: A', '+ Source: B'] }));
      assert.strictEqual(a.source!.value, 'A');
      assert.strictEqual(a.info!.fields.length, 2);
    });
    it('blank lines inside the section are skipped', () => {
      assert.strictEqual(info(['+ Source: A', '', '+ Author: B']).fields.length, 2);
    });
  });

  describe('link styles', () => {
    const link = (value: string) => {
      const text = article({ info: [`+ Link: ${value}`] });
      return parsed(text).link!.parsed;
    };
    it('old layout: [article](url)', () => assert.deepStrictEqual(
      (({ url, style }) => ({ url, style }))(link('[article](https://www.zdnet.com/article/x/)')!),
      { url: 'https://www.zdnet.com/article/x/', style: 'markdown' }));
    it('new layout: a bare URL', () => assert.strictEqual(link('https://www.computerworld.com/article/1/x.html')!.style, 'bare'));
    it('an angle-bracketed URL', () => {
      const l = link('<https://example.com/a>')!;
      assert.strictEqual(l.style, 'angle');
      assert.strictEqual(l.url, 'https://example.com/a');
    });
    it('a markdown link with a title', () => assert.strictEqual(link('[article](https://example.com/a "The title")')!.url, 'https://example.com/a'));
    it('a markdown link with angle brackets', () => assert.strictEqual(link('[article](<https://example.com/a>)')!.url, 'https://example.com/a'));
    it('a URL with balanced parentheses stays a markdown link', () => {
      const l = link('[article](https://en.wikipedia.org/wiki/Bug_(engineering))')!;
      assert.strictEqual(l.style, 'markdown');
      assert.strictEqual(l.url, 'https://en.wikipedia.org/wiki/Bug_(engineering)');
    });
    it('an empty destination sits just inside the parentheses', () => {
      const text = article({ info: ['+ Link: [article]()'] });
      const l = parsed(text).link!.parsed!;
      assert.strictEqual(l.url, '');
      assert.strictEqual(text.slice(l.urlSpan.start - 1, l.urlSpan.start + 1), '()');
    });
    it('a link with the URL also in its text points at the destination', () => {
      const text = article({ info: ['+ Link: [https://a.example/](https://a.example/)'] });
      const l = parsed(text).link!.parsed!;
      assert.strictEqual(text[l.urlSpan.start - 1], '(');
    });
    it('an empty Link has no parsed value', () => assert.strictEqual(link(''), undefined));
    it('a half-typed `[article](` is read as bare text, not a crash', () => assert.strictEqual(link('[article](https://exa')!.style, 'bare'));
  });

  describe('body blocks', () => {
    it('paragraphs are separated by blank lines', () => {
      assert.deepStrictEqual(blocks('One.\nStill one.\n\nTwo.').map((b) => b.kind), ['paragraph', 'paragraph']);
    });
    it('setext headings: `===` is level 1, `---` level 2', () => {
      const bs = blocks('Top\n===\n\nSub\n---\n\ntext');
      assert.deepStrictEqual(bs.map((b) => b.kind === 'heading' ? [b.level, b.style, b.text] : b.kind), [[1, 'setext', 'Top'], [2, 'setext', 'Sub'], 'paragraph']);
    });
    it('a setext heading spans its text line and its underline', () => {
      const text = article({ body: 'Who is John Binns?\n------------------' });
      const h = parsed(text).body!.blocks[0];
      assert.strictEqual(text.slice(h.span.start, h.span.end), 'Who is John Binns?\n------------------');
    });
    it('ATX headings of every level', () => {
      const bs = blocks('# one\n## two\n### three\n#### four\n##### five\n###### six');
      assert.deepStrictEqual(bs.map((b) => b.kind === 'heading' && [b.level, b.style, b.text]), [
        [1, 'atx', 'one'], [2, 'atx', 'two'], [3, 'atx', 'three'], [4, 'atx', 'four'], [5, 'atx', 'five'], [6, 'atx', 'six'],
      ]);
    });
    it('an ATX heading keeps C# and drops a closing sequence', () => {
      const bs = blocks('### Learn C#\n\n## Closed ##');
      assert.deepStrictEqual(bs.map((b) => b.kind === 'heading' && b.text), ['Learn C#', 'Closed']);
    });
    it('`#hashtag` is a paragraph, not a heading', () => assert.deepStrictEqual(blocks('#hashtag').map((b) => b.kind), ['paragraph']));
    it('a `---` without a paragraph above is a rule; `***` and `___` too', () => {
      assert.deepStrictEqual(blocks('---\n\n***\n\n_ _ _').map((b) => b.kind), ['rule', 'rule', 'rule']);
    });
    it('block quotes, with the `>` lines in one block', () => {
      const bs = blocks('> quoted line one\n> line two\n\nafter');
      assert.deepStrictEqual(bs.map((b) => b.kind), ['blockquote', 'paragraph']);
      assert.deepStrictEqual((bs[0] as TextBlock).sentences.map((s) => s.text), ['quoted line one\n> line two']);
    });
    it('a quote followed directly by text ends before the text', () => {
      assert.deepStrictEqual(blocks('> quoted\nplain').map((b) => b.kind), ['blockquote', 'paragraph']);
    });
    it('list items, one block per bullet, continuation lines kept', () => {
      const bs = blocks('- first\n- second\n  continues\n1. third\n2) fourth');
      assert.deepStrictEqual(bs.map((b) => b.kind), ['list-item', 'list-item', 'list-item', 'list-item']);
    });
    it('a list item\'s sentence does not start with its bullet', () => {
      const bs = textBlocks('- Names were exposed.\n* Dates of birth too.\n12. And PINs.');
      assert.deepStrictEqual(bs.map((b) => b.sentences.map((s) => s.text)), [['Names were exposed.'], ['Dates of birth too.'], ['And PINs.']]);
    });
    it('a paragraph then a list', () => assert.deepStrictEqual(blocks('Intro:\n- a\n- b').map((b) => b.kind), ['paragraph', 'list-item', 'list-item']));
    it('code fences make one code block', () => {
      const text = article({ body: 'Before.\n\n```\ncode here\n```\n\nAfter.' });
      const bs = parsed(text).body!.blocks;
      assert.deepStrictEqual(bs.map((b) => b.kind), ['paragraph', 'code', 'paragraph']);
      assert.strictEqual(text.slice(bs[1].span.start, bs[1].span.end), '```\ncode here\n```');
    });
    it('a `## Tags:` inside a fence is code, not a section', () => {
      const text = article({ body: '```\n## Tags:\n[[not a tag]]\n```\nafter' });
      const a = parsed(text);
      assert.deepStrictEqual(a.headers.map((h) => h.kind), ['information', 'article', 'tags']);
      assert.deepStrictEqual(a.body!.blocks.map((b) => b.kind), ['code', 'paragraph']);
      assert.deepStrictEqual(tagNames(a), [['Example', 'ThreatPost']]);
    });
    it('a `## Information:` inside a tilde fence is code', () => {
      const a = parsed(article({ body: '~~~\n## Information:\n~~~' }));
      assert.strictEqual(a.headers.filter((h) => h.kind === 'information').length, 1);
    });
    it('a fence closes only with its own marker: ``` is not closed by ~~~', () => {
      const text = article({ body: '```\n~~~\n## Tags:\n```\nafter' });
      const a = parsed(text);
      assert.deepStrictEqual(a.body!.blocks.map((b) => b.kind), ['code', 'paragraph']);
      assert.strictEqual(a.headers.length, 3);
      assert.deepStrictEqual(tagNames(a), [['Example', 'ThreatPost']]);
    });
    it('a fence closes only with a marker at least as long', () => {
      const a = parsed(article({ body: '````\n```\n## Tags:\n````\nafter' }));
      assert.deepStrictEqual(a.body!.blocks.map((b) => b.kind), ['code', 'paragraph']);
      assert.strictEqual(a.headers.length, 3);
    });
    it('a line that opens another fence (```js) does not close one', () => {
      const a = parsed(article({ body: '```\n```js\n## Tags:\n```\nafter' }));
      assert.deepStrictEqual(a.body!.blocks.map((b) => b.kind), ['code', 'paragraph']);
      assert.strictEqual(a.headers.length, 3);
    });
    it('an unclosed fence runs to the end of the body and hides later headers', () => {
      const a = parsed('# T\n## Article:\n```\ncode\n#### Tags:\n[[x]]\n');
      assert.deepStrictEqual(a.body!.blocks.map((b) => b.kind), ['code']);
      assert.strictEqual(a.tags, undefined);
    });
    it('the body spans its header to its last line', () => {
      const text = '# T\n## Article:\nline one\n\n#### Tags:\n';
      const a = parsed(text);
      assert.strictEqual(text.slice(a.body!.span.start, a.body!.span.end), '## Article:\nline one\n');
    });
    it('an empty Article section has no blocks', () => assert.strictEqual(parsed('# T\n## Article:\n\n\n#### Tags:\n[[a]]\n').body!.blocks.length, 0));
  });

  describe('inline links', () => {
    it('a plain link', () => {
      const [l] = links('See [the report](https://example.com/r) now.');
      assert.deepStrictEqual([l.text, l.url, l.image], ['the report', 'https://example.com/r', false]);
    });
    it('an image', () => {
      const [l] = links('![alt text](https://example.com/i.png)');
      assert.deepStrictEqual([l.text, l.url, l.image], ['alt text', 'https://example.com/i.png', true]);
    });
    it('[![img](u)](url): the outer link and the image inside', () => {
      const text = article({ body: '[![Infosec](https://m.example/p.png)](https://t.example/sub/)' });
      const ls = (parsed(text).body!.blocks[0] as TextBlock).links;
      assert.deepStrictEqual(ls.map((l) => [l.image, l.url]), [[false, 'https://t.example/sub/'], [true, 'https://m.example/p.png']]);
      assert.strictEqual(text.slice(ls[0].span.start, ls[0].span.end), '[![Infosec](https://m.example/p.png)](https://t.example/sub/)');
      assert.strictEqual(text.slice(ls[1].span.start, ls[1].span.end), '![Infosec](https://m.example/p.png)');
    });
    it('an autolink', () => {
      const [l] = links('Read <https://t.co/F7mcmrmgxn> today.');
      assert.deepStrictEqual([l.text, l.url], ['https://t.co/F7mcmrmgxn', 'https://t.co/F7mcmrmgxn']);
    });
    it('`<b>` and `< 5` are not autolinks', () => assert.deepStrictEqual(links('a <b> c < 5 and <ftp://x>'), []));
    it('a URL with parentheses', () => {
      const [l] = links('[Bug](https://en.wikipedia.org/wiki/Bug_(engineering)) is old.');
      assert.strictEqual(l.url, 'https://en.wikipedia.org/wiki/Bug_(engineering)');
    });
    it('a link title is not part of the URL', () => assert.strictEqual(links('[a](https://x.example/ "Title")')[0].url, 'https://x.example/'));
    it('angle-bracketed destinations', () => assert.strictEqual(links('[a](<https://x.example/a b>)')[0].url, 'https://x.example/a b'));
    it('brackets in the link text', () => assert.strictEqual(links('[a [b] c](https://x.example/)')[0].text, 'a [b] c'));
    it('two links side by side', () => assert.deepStrictEqual(links('[attacked](https://a.example/) [twice](https://b.example/)').map((l) => l.text), ['attacked', 'twice']));
    it('an escaped bracket is not a link', () => assert.deepStrictEqual(links('\\[a](https://x.example/)'), []));
    it('unclosed `[link](` is no link and no crash', () => assert.deepStrictEqual(links('see [link](https://exa'), []));
    it('`[text]` without a destination is no link', () => assert.deepStrictEqual(links('see [text] here'), []));
    it('a destination does not run across lines', () => assert.deepStrictEqual(links('[a](https://x\n.example/)'), []));
    it('a link wrapped in bold', () => assert.strictEqual(links('**[REGISTER NOW](https://x.example/w)** for')[0].text, 'REGISTER NOW'));
  });

  describe('quotations', () => {
    it('curly double quotes', () => assert.deepStrictEqual(quotes('He called it “awful.” Then left.'), ['awful.']));
    it('straight double quotes', () => assert.deepStrictEqual(quotes('He said "We did it," then left.'), ['We did it,']));
    it('two quotations in one paragraph', () => assert.deepStrictEqual(quotes('A “humbled” CEO said “sorry”.'), ['humbled', 'sorry']));
    it('guillemets and German quotes', () => assert.deepStrictEqual(quotes('«Bonjour» and „Hallo“'), ['Bonjour', 'Hallo']));
    it('an unclosed curly quote is not a quotation', () => assert.deepStrictEqual(quotes('He said “this never closes.'), []));
    it('an empty pair is not a quotation', () => assert.deepStrictEqual(quotes('“” and ""'), []));
    it('an apostrophe is not a quote', () => assert.deepStrictEqual(quotes('T-Mobile’s CEO didn’t say'), []));
    it('a quotation spans lines of one paragraph', () => assert.deepStrictEqual(quotes('“one\ntwo”'), ['one\ntwo']));
    it('quotation spans include the marks', () => {
      const text = article({ body: 'x “y” z' });
      const q = (parsed(text).body!.blocks[0] as TextBlock).quotes[0];
      assert.strictEqual(text.slice(q.span.start, q.span.end), '“y”');
    });
  });

  describe('sentences', () => {
    it('splits on . ! ? and …', () => assert.deepStrictEqual(sentences('One. Two! Three? Four… Five.'), ['One.', 'Two!', 'Three?', 'Four…', 'Five.']));
    it('does not split inside a number or a URL', () => assert.deepStrictEqual(sentences('Version 2.5 is out at example.com today.'), ['Version 2.5 is out at example.com today.']));
    it('Aug. 18 is not a sentence end', () => assert.deepStrictEqual(sentences('As of Aug. 18, T-Mobile had estimated it. Then more.'), ['As of Aug. 18, T-Mobile had estimated it.', 'Then more.']));
    it('Aug. 4 before a number', () => assert.deepStrictEqual(sentences('By Aug. 4, he had stolen files.'), ['By Aug. 4, he had stolen files.']));
    it('U.S. is not a sentence end', () => assert.deepStrictEqual(sentences('The U.S. Department of Justice said so.'), ['The U.S. Department of Justice said so.']));
    it('No. 2 is not a sentence end', () => assert.deepStrictEqual(sentences('The US’s No. 2 wireless carrier. It said.'), ['The US’s No. 2 wireless carrier.', 'It said.']));
    it('Wash. is not a sentence end', () => assert.deepStrictEqual(sentences('Outside East Wenatchee, Wash., where he was. He left.'), ['Outside East Wenatchee, Wash., where he was.', 'He left.']));
    it('Wash. before a capital', () => assert.deepStrictEqual(sentences('In Seattle, Wash. Police said so.'), ['In Seattle, Wash. Police said so.']));
    it('initials are not sentence ends', () => assert.deepStrictEqual(sentences('John E. Binns was named. J. R. R. Tolkien was not.'), ['John E. Binns was named.', 'J. R. R. Tolkien was not.']));
    it('Mr. and Dr. are not sentence ends', () => assert.deepStrictEqual(sentences('Mr. Sievert spoke to Dr. Gal. Then left.'), ['Mr. Sievert spoke to Dr. Gal.', 'Then left.']));
    it('e.g. and i.e. are not sentence ends', () => assert.deepStrictEqual(sentences('Systems, e.g. Routers, failed.'), ['Systems, e.g. Routers, failed.']));
    it('a lower-case next word means no split', () => assert.deepStrictEqual(sentences('It was “awful?” he said.'), ['It was “awful?” he said.']));
    it('quotes and brackets after the stop stay with the sentence', () => assert.deepStrictEqual(sentences('“It is awful.” He said (so.) Then.'), ['“It is awful.”', 'He said (so.)', 'Then.']));
    it('a stop inside a link\'s or an image\'s text ends no sentence', () => {
      assert.deepStrictEqual(sentences('![Figure 1. The infection chain](https://x.example/f.png) It starts here. Then [see it. Now](https://y.example/) too.'), [
        '![Figure 1. The infection chain](https://x.example/f.png) It starts here.', 'Then [see it. Now](https://y.example/) too.',
      ]);
    });
    it('an unmatched `[` does not stop sentences from ending', () => assert.deepStrictEqual(sentences('A [ stray. Then more.'), ['A [ stray.', 'Then more.']));
    it('a sentence ending with a number splits', () => assert.deepStrictEqual(sentences('It happened in 2019. We did it.'), ['It happened in 2019.', 'We did it.']));
    it('common words that look like abbreviations still end sentences: ill, miss, no', () => {
      assert.deepStrictEqual(sentences('He fell ill. The next day he left.'), ['He fell ill.', 'The next day he left.']);
      assert.deepStrictEqual(sentences('It was a near miss. The attack failed.'), ['It was a near miss.', 'The attack failed.']);
      assert.deepStrictEqual(sentences('The answer was no. The firm declined.'), ['The answer was no.', 'The firm declined.']);
    });
    it('a time zone at the end of a sentence ends it', () => assert.deepStrictEqual(sentences('Join us at 11 AM EST. Register now.'), ['Join us at 11 AM EST.', 'Register now.']));
    it('Inc. and Corp. are not sentence ends', () => assert.deepStrictEqual(sentences('Acme Inc. Research said so.'), ['Acme Inc. Research said so.']));
    it('sentences span lines of a paragraph', () => assert.deepStrictEqual(sentences('One line\ncontinues. Next.'), ['One line\ncontinues.', 'Next.']));
    it('a block quote\'s marks do not start a sentence', () => assert.deepStrictEqual(sentences('> First. Second.\n> Third.'), ['First.', 'Second.', 'Third.']));
    it('empty `>` lines at the end of a quote are not part of its last sentence', () => {
      assert.deepStrictEqual(sentences('> Said this. Then that.\n> \n> '), ['Said this.', 'Then that.']);
    });
    it('a dash attribution stays with the quoted sentence', () => {
      assert.deepStrictEqual(sentences('> Their security is awful. —John Binns, as quoted\n> '), ['Their security is awful. —John Binns, as quoted']);
    });
    it('1st. is not the abbreviation St.', () => assert.deepStrictEqual(sentences('It was patched on March 1st. Then it broke.'), ['It was patched on March 1st.', 'Then it broke.']));
    it('a lower-case single letter is no initial', () => assert.deepStrictEqual(sentences('Pick option a. Then go.'), ['Pick option a.', 'Then go.']));
    it('empty `>` lines at the start of a quote are skipped', () => assert.deepStrictEqual(sentences('> \n> Said this.'), ['Said this.']));
    it('an autolink\'s closing `>` stays in its sentence', () => {
      assert.deepStrictEqual(sentences('> See <https://t.co/x>\n> '), ['See <https://t.co/x>']);
    });
  });

  describe('tags', () => {
    it('old layout: one line of words', () => {
      const a = parsed(article({ tags: '[[T-Mobile]] [[Binns]] [[names,]] [[ZDNet]]' }));
      assert.deepStrictEqual(a.tags!.groups.map((g) => [g.kind, g.heading]), [['plain', undefined]]);
      assert.deepStrictEqual(tagNames(a), [['T-Mobile', 'Binns', 'names,', 'ZDNet']]);
    });
    it('new layout: groups with key=value tags, auto tags and data', () => {
      const text = article({
        layout: 'new',
        tags: dedent`
          #### Threatactor:
          [[threatactor.name=Magic Hound]]

          #### Action:
          [[action.malware.name=at]] [[action.malware.name=Net]]

          #### Industry:
          [[victim.industry.name=Education]]

          #### Location:
          [[victim.continent.name=Europe]] [[victim.city.name=]]

          ### Autogenerated Tags:
          [[Cybersecurity]] [[Computerworld]]

          #### CVE's
          [[CVE-2021-44228]]

          #### urls
          [[https://example.com/x]]

          #### ipv4-adresses
          [[10.0.0.1]]

          #### SHA256-hash
          [[d2c4]]

          #### MITRE IDs
          [[T1059]]
        `,
      });
      const a = parsed(text);
      assert.strictEqual(a.layout, 'new');
      assert.deepStrictEqual(a.tags!.groups.map((g) => [g.kind, g.heading!.text]), [
        ['keyvalue', 'Threatactor'], ['keyvalue', 'Action'], ['keyvalue', 'Industry'], ['keyvalue', 'Location'],
        ['auto', 'Autogenerated Tags'], ['data', 'CVE\'s'], ['data', 'urls'], ['data', 'ipv4-adresses'], ['data', 'SHA256-hash'], ['data', 'MITRE IDs'],
      ]);
      const kv = a.tags!.groups[0].tags[0];
      assert.deepStrictEqual([kv.key, kv.value], ['threatactor.name', 'Magic Hound']);
      const empty = a.tags!.groups[3].tags[1];
      assert.deepStrictEqual([empty.key, empty.value], ['victim.city.name', '']);
    });
    it('`=` in an old-layout tag is part of the word', () => {
      const t = parsed(article({ tags: '[[a=b]]' })).tags!.groups[0].tags[0];
      assert.strictEqual(t.key, undefined);
    });
    it('tags spread over several lines join one group', () => assert.deepStrictEqual(tagNames(parsed(article({ tags: '[[a]]\n[[b]]' }))), [['a', 'b']]));
    it('[[[a]]]: the extra brackets belong to the word', () => {
      const r = parse(article({ tags: '[[Botnet]] [[[a]]] [[Apps]]' }));
      assert.deepStrictEqual(tagNames(r.article), [['Botnet', '[a]', 'Apps']]);
      assert.deepStrictEqual(r.problems, []);
    });
    it('an unclosed `[[` is a problem and the rest of the line is still read', () => {
      const r = parse(article({ tags: '[[open [[closed]]' }));
      assert.deepStrictEqual(tagNames(r.article), [['closed']]);
      assert.deepStrictEqual(r.problems.map((p) => p.code), ['tags.unclosed']);
    });
    it('an unclosed `[[` at the end of the line', () => {
      const r = parse(article({ tags: '[[a]] [[b' }));
      assert.deepStrictEqual(tagNames(r.article), [['a']]);
      assert.deepStrictEqual(r.problems.map((p) => p.code), ['tags.unclosed']);
    });
    it('words between tags are stray text', () => {
      const r = parse(article({ tags: '[[a]] oops [[b]]' }));
      assert.deepStrictEqual(r.problems.map((p) => [p.code, r.article.length && p.span.end - p.span.start]), [['tags.stray-text', 4]]);
    });
    it('stray text in a data group is not reported', () => {
      const r = parse(article({ layout: 'new', tags: '#### urls\nhttps://x.example/ [[a]]' }));
      assert.deepStrictEqual(r.problems, []);
    });
    it('an empty tag `[[]]`', () => assert.deepStrictEqual(tagNames(parsed(article({ tags: '[[]] [[ZDNet]]' }))), [['', 'ZDNet']]));
    it('tags spans include the brackets', () => {
      const text = article({ tags: '[[T-Mobile]]' });
      const t = parsed(text).tags!.groups[0].tags[0];
      assert.strictEqual(text.slice(t.span.start, t.span.end), '[[T-Mobile]]');
    });
  });

  describe('half-typed and damaged text never throws', () => {
    const cases: Record<string, string> = {
      'the empty string': '',
      'only #': '#',
      'only ## Information:': '## Information:',
      'only ## Article:': '## Article:',
      'only #### Tags:': '#### Tags:',
      '+ Source without a colon': '# T\n## Information:\n+ Source',
      'a bare +': '# T\n## Information:\n+',
      'an unclosed [[': '# T\n## Article:\nx\n#### Tags:\n[[',
      'an unclosed [[ with a word': '# T\n## Article:\nx\n#### Tags:\n[[T-Mob',
      'an unclosed [link](': '# T\n## Article:\nSee [link](',
      'an unclosed ![': '# T\n## Article:\n![',
      'an unclosed <http': '# T\n## Article:\n<https://',
      'an unclosed fence': '# T\n## Article:\n```',
      'a lone quote': '# T\n## Article:\n“',
      'a lone straight quote': '# T\n## Article:\n"',
      'a lone >': '# T\n## Article:\n>',
      'only dots': '# T\n## Article:\n. . . ...',
      'only a setext underline': '# T\n## Article:\n---',
      'only white space': '  \n\t\n   ',
      'only line breaks': '\n\n\r\n\r\r',
      'a BOM only': '\uFEFF',
      'CR line ends': article({ eol: '\r' }),
      'a key with no value': '# T\n## Information:\n+ Date:',
      'a link with nothing': '# T\n## Information:\n+ Link: [article](',
      'nested brackets': `# T\n## Article:\n${'['.repeat(500)}${']'.repeat(499)}`,
      'surrogate pairs': '# 🦇🔊\n## Article:\n🦇 “🔊.” 🦇.\n#### Tags:\n[[🦇]]',
    };
    for (const [name, text] of Object.entries(cases)) {
      it(name, () => {
        analyseChecked(text);
      });
    }

    it('CRLF line ends give the same tree as LF, offsets aside', () => {
      const lf = parsed(article());
      const crlf = parsed(article({ eol: '\r\n' }));
      assert.deepStrictEqual(crlf.headers.map((h) => h.raw), lf.headers.map((h) => h.raw));
      assert.deepStrictEqual(crlf.info!.fields.map((f) => [f.key, f.value]), lf.info!.fields.map((f) => [f.key, f.value]));
      assert.deepStrictEqual(tagNames(crlf), tagNames(lf));
      assert.strictEqual(crlf.title!.text, lf.title!.text);
    });
    it('lone CR line ends are line ends', () => {
      const a = parsed(article({ eol: '\r' }));
      assert.deepStrictEqual(a.headers.map((h) => h.kind), ['information', 'article', 'tags']);
      assert.strictEqual(a.info!.fields.length, 4);
    });
    it('a seed with CRLF line ends parses like the seed', () => {
      const text = seed('000').replace(/\n/g, '\r\n');
      const a = parsed(text);
      assert.strictEqual(a.body!.blocks.filter((b) => b.kind === 'heading').length, 5);
      assert.strictEqual(a.tags!.groups[0].tags.length, 11);
      const q = a.body!.blocks.filter((b): b is TextBlock => b.kind === 'blockquote');
      for (const b of q) for (const s of b.sentences) assert.ok(!s.text.endsWith('>'), JSON.stringify(s.text));
    });
    it('a BOM is not part of the title', () => {
      const text = `\uFEFF${article()}`;
      const a = parsed(text);
      assert.strictEqual(a.title!.text, 'A clean example headline');
      assert.strictEqual(a.title!.lineSpan.start, 1);
    });
    it('a seed cut at every 97th offset', () => {
      for (const s of seeds()) {
        for (let cut = 0; cut <= s.text.length; cut += 97) analyseChecked(s.text.slice(0, cut));
      }
    });
    it('a seed with every 97th character deleted', () => {
      const text = seed('002');
      for (let at = 0; at < text.length; at += 97) analyseChecked(text.slice(0, at) + text.slice(at + 1));
    });
    it('a seed with its lines shuffled back to front', () => {
      for (const s of seeds()) analyseChecked(s.text.split('\n').reverse().join('\n'));
    });
    // Speed is measured by the benchmark, never asserted in tests; a
    // quadratic scan would still make these time out (mocha's limit).
    it('large inputs are parsed', () => {
      const para = 'The thief said “awful.” [a](https://x.example/) <https://y.example/> U.S. No. 2. ';
      const big = article({ body: Array.from({ length: 4000 }, () => para).join('\n\n') });
      assert.strictEqual(parse(big).article.body!.blocks.length, 4000);
      const brackets = `# T\n## Article:\n${'[('.repeat(50000)}`;
      assert.strictEqual(parse(brackets).article.body!.blocks.length, 1);
    });
    it('many paragraphs without any bracket', () => {
      const body = Array.from({ length: 20000 }, (_, i) => `Paragraph ${i} has words.`).join('\n\n');
      assert.strictEqual(parse(article({ body })).article.body!.blocks.length, 20000);
    });
  });

  describe('fixture helpers', () => {
    it('cursor() finds and removes $0', () => assert.deepStrictEqual(cursor('ab$0cd'), { text: 'abcd', offset: 2 }));
    it('range() finds two markers', () => assert.deepStrictEqual(range('a$0bc$0d'), { text: 'abcd', start: 1, end: 3 }));
    it('dedent() strips common indentation', () => assert.strictEqual(dedent`
      # T
        x
      y
    `, '# T\n  x\ny\n'));
    it('a cursor inside a tag finds that tag', () => {
      const { text, offset } = cursor(article({ tags: '[[a]] [[T-Mo$0bile]]' }));
      const t = parsed(text).tags!.groups[0].tags.find((x) => x.span.start <= offset && offset <= x.span.end)!;
      assert.strictEqual(t.name, 'T-Mobile');
    });
  });

  describe('LineIndex', () => {
    it('LF, CRLF and lone CR all end lines', () => {
      const li = new LineIndex('a\nb\r\nc\rd');
      assert.deepStrictEqual(li.lineStarts, [0, 2, 5, 7]);
      assert.strictEqual(li.lineCount, 4);
    });
    it('positionAt and offsetAt round-trip on every offset of a seed with CRLF', () => {
      const text = seed('001').slice(0, 3000).replace(/\n/g, '\r\n');
      const li = new LineIndex(text);
      for (let o = 0; o <= text.length; o++) {
        if (text[o - 1] === '\r' && text[o] === '\n') continue; // inside a CRLF pair
        assert.strictEqual(li.offsetAt(li.positionAt(o)), o, `offset ${o}`);
      }
    });
    it('lineEnd stops before the line break', () => {
      const text = 'ab\r\ncd\ref\ngh';
      const li = new LineIndex(text);
      assert.deepStrictEqual([0, 1, 2, 3].map((l) => text.slice(li.lineStarts[l], li.lineEnd(l))), ['ab', 'cd', 'ef', 'gh']);
    });
    it('out-of-range positions are clamped, never an error', () => {
      const li = new LineIndex('ab\ncd');
      assert.strictEqual(li.offsetAt({ line: -1, character: 5 }), 0);
      assert.strictEqual(li.offsetAt({ line: 9, character: 0 }), 5);
      assert.strictEqual(li.offsetAt({ line: 0, character: 99 }), 2);
      assert.deepStrictEqual(li.positionAt(-3), { line: 0, character: 0 });
      assert.deepStrictEqual(li.positionAt(99), { line: 1, character: 2 });
    });
    it('the empty text has one empty line', () => {
      const li = new LineIndex('');
      assert.strictEqual(li.lineCount, 1);
      assert.deepStrictEqual(li.range({ start: 0, end: 0 }), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    });
  });

  describe('detect', () => {
    it('every seed looks like an article', () => {
      for (const s of seeds()) assert.ok(looksLikeArticle(s.text), s.name);
    });
    it('the article builder\'s output looks like an article, in both layouts and with CRLF', () => {
      assert.ok(looksLikeArticle(article()));
      assert.ok(looksLikeArticle(article({ layout: 'new' })));
      assert.ok(looksLikeArticle(article({ eol: '\r\n' })));
    });
    it('lone CR line ends are detected', () => assert.ok(looksLikeArticle(article({ eol: '\r' }))));
    it('a header one slip away marks an article; a bare "Information:" line alone does not', () => {
      for (const h of ['## Info:', '# Information:', '### Article:', '## Informations:']) assert.ok(looksLikeArticle(`# Title\n${h}\n+ Source: X\n`), h);
      assert.ok(looksLikeArticle('# Title\nInformation:\n+ Source: X\nArticle:\nText.\n'));
      assert.ok(!looksLikeArticle('# Meeting notes\nInformation:\n- bring slides\n'));
    });
    it('a note without the headers is not an article', () => {
      assert.ok(!looksLikeArticle('# Shopping\n- milk\n- information\n'));
      assert.ok(!looksLikeArticle('Some text about ## Information: inline\n'));
      assert.ok(!looksLikeArticle(''));
    });
    it('a header after 64 lines does not count', () => {
      assert.ok(!looksLikeArticle(`${'line\n'.repeat(70)}## Information:\n`));
      assert.ok(looksLikeArticle(`${'line\n'.repeat(60)}## Information:\n`));
    });
    it('lone CR files are read only up to their 64th line', () => {
      assert.ok(!looksLikeArticle(`${'line\r'.repeat(70)}## Information:\r`));
      assert.ok(looksLikeArticle(`${'line\r'.repeat(60)}## Information:\r`));
    });
    it('a huge file without line breaks is not an article', () => {
      assert.ok(!looksLikeArticle('x'.repeat(5_000_000)));
    });
    it('candidate file names', () => {
      assert.ok(isCandidateFile('a.txt'));
      assert.ok(isCandidateFile('b.MD'));
      assert.ok(isCandidateFile('c.article'));
      assert.ok(!isCandidateFile('d.json'));
    });
  });

  describe('articleHead: the title and Source from the first lines', () => {
    const full = (text: string) => {
      const { article } = parse(text);
      return { title: article.title?.text, source: article.source?.value };
    };
    /** Title and Source, and that what it says it read settles them alone. */
    const headOf = (text: string, whole: boolean) => {
      const head = articleHead(text, whole);
      if (!head) return undefined;
      assert.ok(head.read <= text.length);
      if (head.read < text.length) assert.deepStrictEqual(articleHead(text.slice(0, head.read), false), head, `read ${head.read} of ${JSON.stringify(text)}`);
      return { title: head.title, source: head.source };
    };
    /** Every prefix ending at a line feed that settles the head settles it as the whole text does; the whole always does. */
    const agrees = (text: string) => {
      const want = full(text);
      assert.deepStrictEqual(headOf(text, true), want, JSON.stringify(text));
      let settled = 0;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        const head = headOf(text.slice(0, i + 1), false);
        if (head) {
          settled++;
          assert.deepStrictEqual(head, want, JSON.stringify(text.slice(0, i + 1)));
        }
      }
      return settled;
    };

    it('agrees with parse on random layouts: sections in any order, slips, fences, duplicates, every line break', () => {
      const line = fc.constantFrom(
        '# Title', '# Unknown', '#  Spaced title  #', '### Sub', 'stray words', '', '   ',
        '## Information:', '## Info:', '# Information:', 'Information:', '## Informations', '## Article:', '### Article:', 'Article:', '## Body',
        '#### Tags:', '## Tags:', 'Tags:', '+ Source: Wire', '+ Source Harbor Lantern', '- source: Other', '* SOURCE : Spaced', '+ Source:',
        '+ Link: https://example.com/a', '+ Author: Me', '+ Date: 2021-08-30', 'not a field', '```', '~~~', '> quoted', '[[Tag]]',
      );
      let settled = 0;
      fc.assert(fc.property(fc.array(line, { maxLength: 24 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (lines, eol, bom) => {
        settled += agrees((bom ? '\uFEFF' : '') + lines.join(eol) + (lines.length % 2 ? eol : ''));
      }), { numRuns: 3000 });
      // Not vacuous: many prefixes settle the head before the text ends.
      assert.ok(settled > 1000, `${settled} prefixes settled`);
    });

    it('agrees with parse on the seeds and the real corpus, and their heads settle within the Information section', () => {
      const shared = path.resolve(__dirname, '../../shared/corpus');
      const texts = seeds().map((s) => s.text);
      if (fs.existsSync(shared)) {
        for (const e of fs.readdirSync(shared, { recursive: true, withFileTypes: true })) {
          if (e.isFile() && /\.(?:txt|md)$/.test(e.name)) texts.push(fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'));
        }
      }
      for (const text of texts) {
        // Only the first 60 lines: the head is there, and every later prefix settles as they do.
        const cut = text.split('\n').slice(0, 60).join('\n');
        const want = full(text);
        assert.deepStrictEqual(headOf(text, true), want);
        if (want.source === undefined) continue;
        let first = -1;
        for (let i = cut.indexOf('\n'); i >= 0 && first < 0; i = cut.indexOf('\n', i + 1)) if (articleHead(cut.slice(0, i + 1), false)) first = i;
        assert.ok(first >= 0, `a head that settles in its first 60 lines: ${cut.slice(0, 200)}`);
        assert.deepStrictEqual(headOf(cut.slice(0, first + 1), false), want);
      }
    });
  });
});
