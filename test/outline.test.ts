/**
 * Outline and folding: the title holds the sections; Information holds its
 * fields, Article its sub-headings (nested by level), Tags its groups. Every
 * child lies inside its parent and every selection inside its item, as the
 * LSP's DocumentSymbol requires.
 */
import * as assert from 'assert';
import { folds } from '../server/src/core/features/folding';
import { outline, type OutlineItem } from '../server/src/core/features/outline';
import { parse } from '../server/src/core/syntax/parse';
import { LineIndex } from '../server/src/core/text';
import { article, dedent, seed, seeds } from './helpers/fixture';

type Shape = [kind: string, name: string, children?: Shape[]];

function shape(items: OutlineItem[]): Shape[] {
  return items.map((i) => (i.children.length ? [i.kind, i.name, shape(i.children)] : [i.kind, i.name]));
}

function assertNested(text: string, items: OutlineItem[], parent?: OutlineItem): void {
  let prevEnd = parent ? parent.span.start : 0;
  for (const it of items) {
    assert.ok(it.span.start <= it.span.end && it.span.end <= text.length, `${it.name}: bad span`);
    assert.ok(it.selection.start >= it.span.start && it.selection.end <= it.span.end, `${it.name}: selection outside the item`);
    if (parent) assert.ok(it.span.start >= parent.span.start && it.span.end <= parent.span.end, `${it.name} is not inside ${parent.name}`);
    assert.ok(it.span.start >= prevEnd, `${it.name} overlaps its previous sibling`);
    prevEnd = it.span.end;
    assertNested(text, it.children, it);
  }
}

/** Folds as one-based `[first line, last line]` pairs. */
function foldLines(text: string): [number, number, string?][] {
  const li = new LineIndex(text);
  return folds(parse(text).article).map((f) => {
    const out: [number, number, string?] = [li.positionAt(f.span.start).line + 1, li.positionAt(f.span.end).line + 1];
    if (f.kind) out.push(f.kind);
    return out;
  });
}

describe('outline', () => {
  describe('seed 000', () => {
    const text = seed('000');
    const items = outline(parse(text).article);

    it('title → Information (fields) / Article (setext sub-headings) / Tags', () => {
      assert.deepStrictEqual(shape(items), [
        ['article', 'T-Mobile’s Security Is ‘Awful,’ Says Purported Thief', [
          ['section', 'Information', [['field', 'Source'], ['field', 'Link'], ['field', 'Date'], ['field', 'Author']]],
          ['section', 'Article', [
            ['heading', 'Who is John Binns?'],
            ['heading', 'T-Mobile’s ‘Awful’ Security'],
            ['heading', 'Something’s Wrong in Magenta Land'],
            ['heading', 'The Latest From T-Mobile'],
            ['heading', 'Well, Good Luck With All That'],
          ]],
          ['section', 'Tags'],
        ]],
      ]);
    });

    it('the title item carries the Source as detail and spans the whole article', () => {
      assert.strictEqual(items[0].detail, 'ThreatPost');
      assert.strictEqual(items[0].span.start, 0);
      assert.strictEqual(text.slice(items[0].selection.start, items[0].selection.end), 'T-Mobile’s Security Is ‘Awful,’ Says Purported Thief');
      assert.strictEqual(text.slice(items[0].span.end - 14, items[0].span.end), '[[ThreatPost]]');
      assert.strictEqual(items[0].span.end, text.length - 1);
    });

    it('fields show their values, long ones shortened', () => {
      const info = items[0].children[0];
      assert.deepStrictEqual(info.children.map((f) => f.detail), [
        'ThreatPost',
        '[article](https://kasperskycontenthub.com/threatpost-global…',
        'August 28, 2021  12:58 pm',
        'Lisa Vaas',
      ]);
      assert.strictEqual(text.slice(info.children[0].selection.start, info.children[0].selection.end), 'Source');
    });

    it('selections of sections are their headers', () => {
      assert.deepStrictEqual(items[0].children.map((s) => text.slice(s.selection.start, s.selection.end)), ['## Information:', '## Article:', '#### Tags:']);
    });

    it('a sub-heading spans to the end of its last paragraph, not into the next heading', () => {
      const li = new LineIndex(text);
      const hs = items[0].children[1].children;
      const lines = hs.map((h) => [li.positionAt(h.span.start).line + 1, li.positionAt(h.span.end).line + 1]);
      assert.deepStrictEqual(lines, [[30, 61], [64, 89], [92, 111], [114, 127], [130, 152]]);
      for (let i = 1; i < hs.length; i++) assert.ok(hs[i - 1].span.end < hs[i].span.start);
    });

    it('every child lies inside its parent', () => assertNested(text, items));

    it('folding: the sections, the sub-headings and the block quotes', () => {
      assert.deepStrictEqual(foldLines(text), [
        [4, 8, 'region'], [11, 156, 'region'],
        [30, 61, 'region'], [64, 89, 'region'], [92, 111, 'region'], [114, 127, 'region'], [130, 152, 'region'],
        [157, 158, 'region'],
        [41, 43], [53, 55], [75, 77],
      ]);
    });
  });

  it('every seed nests properly', () => {
    for (const s of seeds()) assertNested(s.text, outline(parse(s.text).article));
  });

  it('ATX sub-headings nest by level', () => {
    const text = article({ body: '## A\ntext\n### A.1\ntext\n#### A.1.a\ntext\n### A.2\n## B\ntext' });
    const body = outline(parse(text).article)[0].children[1];
    assert.deepStrictEqual(shape(body.children), [
      ['heading', 'A', [['heading', 'A.1', [['heading', 'A.1.a']]], ['heading', 'A.2']]],
      ['heading', 'B'],
    ]);
    assertNested(text, outline(parse(text).article));
  });

  it('headings read as a reader sees them; tag groups with no tag are left out', () => {
    const text = article({ body: '## **Show More**\ntext\n## [Google](https://example.com/g) Nest\ntext' });
    assert.deepStrictEqual(shape(outline(parse(text).article)[0].children[1].children), [['heading', 'Show More'], ['heading', 'Google Nest']]);
    const tagged = article({ layout: 'new', tags: '#### urls:\n\n#### Location:\n[[victim.country.name=Netherlands]]' });
    const tags = outline(parse(tagged).article)[0].children.find((c) => c.name === 'Tags')!;
    assert.deepStrictEqual(tags.children.map((c) => c.name), ['Location']);
  });

  it('a deeper heading first, then a shallower one: siblings, not nesting', () => {
    const text = article({ body: '### Deep\ntext\n## Shallow\ntext' });
    assert.deepStrictEqual(shape(outline(parse(text).article)[0].children[1].children), [['heading', 'Deep'], ['heading', 'Shallow']]);
  });

  it('new layout: tag groups are children of Tags, with their counts', () => {
    const text = article({ layout: 'new', tags: dedent`
      #### Action:
      [[action.malware.name=at]] [[action.malware.name=Net]]

      #### Location:
      [[victim.country.name=Netherlands]]

      ### Autogenerated Tags:
      [[Cybersecurity]] [[Computerworld]]
      #### urls
      hxxps://104-168-132-128.nip.io/cae260
      #### SHA256-hash
      b0844458aaa2eaf3e0d70a5ce41fc2540b7e46bdc402c798dbdfe12b59ab32c3
      #### md5
    ` });
    const tags = outline(parse(text).article)[0].children[2];
    // Data copied from the text (addresses, hashes) is listed too; a heading with nothing under it is not.
    assert.deepStrictEqual(tags.children.map((c) => [c.kind, c.name, c.detail]), [
      ['tags', 'Action', '2 tags'], ['tags', 'Location', '1 tag'], ['tags', 'Autogenerated Tags', '2 tags'],
      ['tags', 'urls', 'data from the text'], ['tags', 'SHA256-hash', 'data from the text'],
    ]);
    assertNested(text, outline(parse(text).article));
  });

  it('without a title, the sections are the top level', () => {
    const text = '## Information:\n+ Source: A\n## Article:\ntext\n';
    assert.deepStrictEqual(shape(outline(parse(text).article)), [['section', 'Information', [['field', 'Source']]], ['section', 'Article']]);
  });

  it('an empty title and an empty heading get placeholder names', () => {
    const text = '# \n## Article:\n##\n';
    assert.deepStrictEqual(shape(outline(parse(text).article)), [['article', '(untitled)', [['section', 'Article', [['heading', '(empty heading)']]]]]]);
  });

  it('the empty text has an empty outline and no folds', () => {
    assert.deepStrictEqual(outline(parse('').article), []);
    assert.deepStrictEqual(folds(parse('').article), []);
  });

  it('code blocks fold', () => {
    const text = article({ body: 'Intro.\n\n```\na\nb\n```' });
    assert.deepStrictEqual(foldLines(text).filter((f) => f.length === 2), [[14, 17]]);
  });

  it('a truncated seed always gives a well-nested outline', () => {
    const text = seed('002');
    for (let cut = 0; cut <= text.length; cut += 211) {
      const t = text.slice(0, cut);
      assertNested(t, outline(parse(t).article));
    }
  });
});
