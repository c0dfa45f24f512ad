/**
 * Paragraphs wrapped by hand: a writer who breaks lines at 72 columns (or
 * pastes text that was) writes the same article as one who does not, and
 * Breach Desk must read the same facts from it. Markdown reads a line break
 * inside a paragraph as a space; "more than 50⏎million customers" was read as
 * 50 customers, "John⏎Smith" as no person. Fixtures for each kind of break,
 * a property over the seeds and the labelled evaluation articles wrapped at
 * several widths, and the card a real server gives over stdio.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { extractFacts, ReadText, unwrapped } from '../server/src/core/extract/facts';
import type { DocFacts } from '../server/src/core/extract/types';
import { parse } from '../server/src/core/syntax/parse';
import { article, seeds, wrapBody } from './helpers/fixture';
import { closeWorkspace, fileUri, openWorkspace, ROOT, type LspClient, type Workspace } from './helpers/lsp';

function factsOf(text: string): DocFacts {
  return extractFacts('file:///a.txt', text, parse(text).article);
}

/** What a reader of cards and warnings sees of an article's facts, without where they stand. */
function readings(f: DocFacts) {
  return {
    figures: f.figures.map((x) => `${x.text} = ${x.value} ${x.unit} [${x.low}, ${x.high}] ${x.measure} ${x.hedge ?? ''}`),
    entities: f.entities.map((e) => `${e.name} (${e.kind}) ×${e.mentions.length}`).sort(),
    claims: f.claims.map((c) => `${c.sentence} ${c.attribution?.who ?? ''}`),
    quotes: f.quotes.map((q) => q.text),
  };
}

describe('paragraphs wrapped by hand', function () {
  for (const eol of ['\n', '\r\n'] as const) {
    const name = eol === '\n' ? 'LF' : 'CRLF';

    it(`a figure whose number and multiplier stand on two lines is read whole (${name})`, function () {
      for (const [body, text, value, unit] of [
        ['Acme Corp said more than 50\nmillion customers were hit.', 'more than 50 million', 50e6, 'count'],
        ['Acme Corp said more\nthan 50 million customers were hit.', 'more than 50 million', 50e6, 'count'],
        ['Acme Corp lost $5\nmillion in the attack.', '$5 million', 5e6, 'usd'],
        ['Acme Corp said fifty\nmillion customers were hit.', 'fifty million', 50e6, 'count'],
        ['Acme Corp said 40\npercent of its staff were hit.', '40 percent', 40, 'percent'],
      ] as const) {
        const t = article({ body, eol });
        const f = factsOf(t).figures;
        assert.strictEqual(f.length, 1, `${body}: ${JSON.stringify(f.map((x) => x.text))}`);
        // Shown on one line (a CRLF leaves two spaces in the text: they are collapsed as any run of white space is).
        assert.strictEqual(f[0].text, text, body);
        assert.strictEqual(f[0].value, value, body);
        assert.strictEqual(f[0].unit, unit, body);
        // Its place is the text as written, over both lines.
        const written = t.slice(f[0].span.start, f[0].span.end);
        assert.strictEqual(written.replace(/\s+/g, ' '), text, body);
        assert.ok(written.includes('\n'), body);
      }
    });

    it(`a list item's indented next line, a block quotation's next line and a line after one trailing space are run on (${name})`, function () {
      for (const body of [
        '- Acme Corp said more than 50\n  million customers were hit.',
        '1. Acme Corp said more than 50\n   million customers were hit.',
        '> Acme Corp said more than 50\n> million customers were hit.',
        '> Acme Corp said more than\n>   50 million customers were hit.',
        'Acme Corp said more than 50 \nmillion customers were hit.',
      ]) {
        const t = article({ body, eol });
        const f = factsOf(t).figures;
        assert.deepStrictEqual(f.map((x) => [x.text, x.value]), [['more than 50 million', 50e6]], body);
        // Its place is the text as written, over the break.
        assert.strictEqual(t.slice(f[0].span.start, f[0].span.end).replace(/\s*\n[\s>]*/g, ' '), 'more than 50 million', body);
      }
    });

    it(`a promotion glued to a wrapped paragraph's end is cut where it starts (${name})`, function () {
      const t = article({ body: 'Acme patched the flaw in\nits servers, said Joe\nSmith, quickly.![Threatpost Webinar Series](https://threatpost.com/webinars/x/)Register NOW for the LIVE webinar event, on-demand.', eol });
      // (A CRLF is two spaces in the sentence's text, which is as long as its span; shown, white space is one space.)
      const said = factsOf(t).sentences.filter((x) => x.text.includes('Acme')).map((x) => x.text.replace(/ +/g, ' '));
      assert.deepStrictEqual(said, ['Acme patched the flaw in its servers, said Joe Smith, quickly.']);
    });

    it(`a nested list item, a hard break and an empty line of a quotation are not run on (${name})`, function () {
      for (const body of ['- Acme Corp counted 50\n  - million things.', 'Acme Corp counted 50  \nmillion things.', '> Acme Corp counted 50\n>\n> million things.']) {
        const t = article({ body, eol });
        assert.deepStrictEqual(factsOf(t).figures.map((x) => [x.text, x.value]), [['50', 50]], body);
      }
    });

    it(`a name over two lines is one name, its mention over both (${name})`, function () {
      const t = article({ body: 'The breach was found by John\nSmith of Acme\nCorp, who said so. Smith said the rest.', eol });
      const f = factsOf(t);
      const smith = f.entities.find((e) => e.name === 'John Smith');
      assert.ok(smith, JSON.stringify(f.entities.map((e) => e.name)));
      assert.strictEqual(smith.kind, 'person');
      assert.deepStrictEqual(smith.mentions.map((m) => t.slice(m.span.start, m.span.end).replace(/\s+/g, ' ')), ['John Smith', 'Smith']);
      assert.ok(f.entities.some((e) => e.name === 'Acme Corp' && e.kind === 'organisation'), JSON.stringify(f.entities.map((e) => e.name)));
    });
  }

  it('a hard break, a line of its own and what follows a link are not joined', function () {
    // Two spaces before the break: Markdown's hard break, a new line on purpose.
    const f = factsOf(article({ body: 'Acme Corp counted 50  \nMillion Dollar Homes as customers.' }));
    assert.deepStrictEqual(f.figures.map((x) => [x.text, x.value]), [['50', 50]]);
    // A backslash is one too.
    const b = article({ body: 'Acme Corp counted 50\\\nmillion records.' });
    assert.strictEqual(unwrapped(b, parse(b).article), b);
    // A gallery's links, one a line: no name runs from one link's words into the next's.
    const t = article({ body: 'The [YubiKey Bio](https://example.com/a)\n[SEE FULL GALLERY](https://example.com/b) is here.' });
    assert.strictEqual(unwrapped(t, parse(t).article), t);
    // A block quotation's empty line ("> ") is a break between its paragraphs.
    const q = article({ body: '> Acme Corp said 50 million records leaked.\n> \n> Acme Corp said so.' });
    assert.strictEqual(unwrapped(q, parse(q).article), q);
    // A table's rows stay rows, with or without the pipes at either end.
    for (const table of ['Company | Records\n--- | ---\nAcme Corp | 50\nmillion | rows', '| Company | Records |\n| :-- | --: |\n| Acme Corp | 50 |\n| million | rows |']) {
      const t = article({ body: table });
      assert.strictEqual(unwrapped(t, parse(t).article), t, table);
    }
  });

  it('a figure over a break that is kept (a lone CR) is still shown on one line', function () {
    const f = factsOf(article({ body: 'Acme Corp said more\rthan 50 million customers were hit.' }));
    assert.deepStrictEqual(f.figures.map((x) => x.text), ['more than 50 million']);
  });

  it('one space at the end of a line is still a wrap (two are a hard break), and so is a list item run on unindented', function () {
    for (const body of ['Acme Corp lost 50 \nmillion records.', '- Acme Corp lost 50\nmillion records.']) {
      const f = factsOf(article({ body }));
      assert.deepStrictEqual(f.figures.map((x) => [x.text, x.value]), [['50 million', 50e6]], body);
    }
  });

  it('an article without wrapped lines is read as written; in one that has them, every span stands on the text as written', function () {
    for (const { name, text } of seeds()) {
      assert.strictEqual(unwrapped(text, parse(text).article), text, name);
      for (const w of [wrapBody(text, 72), wrapBody(text.replace(/\n/g, '\r\n'), 72, '\r\n'), wrapBody(asBlocks(text, '- '), 60, '\n', { indentLists: true }), wrapBody(asBlocks(text, '> '), 60)]) {
        assert.notStrictEqual(unwrapped(w, parse(w).article), w, name);
        const f = factsOf(w);
        // What the span covers, its line breaks, indentation and quotation marks read as a space.
        const breaks = (t: string) => t.replace(/[^\S\n]*\r?\n[\s>]*/g, ' ');
        const at = (s: { start: number; end: number }) => breaks(w.slice(s.start, s.end));
        // (A break kept, after a link, stays in the sentence's text.) The text is as long as the span, so that readers
        // of the facts may slice it by spans (a figure's noun): each gap as many spaces as it is long.
        const spaced = (t: string) => breaks(t).replace(/ +/g, ' ');
        for (const s of f.sentences) {
          assert.strictEqual(spaced(w.slice(s.span.start, s.span.end)), spaced(s.text), `${name}: sentence ${s.text.slice(0, 40)}`);
          assert.strictEqual(s.text.length, s.span.end - s.span.start, `${name}: sentence ${s.text.slice(0, 40)}`);
        }
        for (const e of f.entities) for (const m of e.mentions) assert.strictEqual(at(m.span), m.text, `${name}: ${m.text}`);
        for (const x of f.figures) assert.strictEqual(at(x.span).replace(/[[\]*_]+/g, ''), x.text, `${name}: ${x.text}`);
      }
    }
  });

  // The property: wrapping changes nothing a reader of cards and warnings sees. (On the 2,362 real articles wrapped at
  // 72 columns, 2,295 read the same; 1,072 did before.)
  for (const width of [60, 72, 80]) {
    it(`the seeds and the evaluation articles wrapped at ${width} columns give the same facts`, function () {
      const dir = path.join(ROOT, 'test', 'eval', 'articles');
      const all = [...seeds(), ...fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).map((n) => ({ name: n, text: fs.readFileSync(path.join(dir, n), 'utf8') }))];
      let wrapped = 0;
      for (const { name, text } of all) {
        const w = wrapBody(text, width);
        if (w !== text) wrapped++;
        assert.deepStrictEqual(readings(factsOf(w)), readings(factsOf(text)), name);
      }
      assert.ok(wrapped >= 20, `${wrapped} articles had lines to wrap`);
    });
  }

  it('ReadText: each character outside a gap is the same character read, and comes back to its place', function () {
    fc.assert(fc.property(fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 8 }), (parts) => {
      // Words, each followed by a gap of 1 to 6 characters ("\r\n> " and the like).
      let written = '';
      const gaps: number[] = [];
      const kept: number[] = [];
      for (const [word, gap] of parts) {
        for (let k = 0; k < word.length; k++) kept.push(written.length + k);
        written += word;
        gaps.push(written.length, written.length + gap);
        written += '\r\n> > '.slice(0, gap);
      }
      written += 'end';
      const read = new ReadText(written, gaps);
      assert.strictEqual(read.text.length, written.length - parts.reduce((n, [, g]) => n + g - 1, 0));
      for (const o of kept) {
        const p = read.toRead(o);
        assert.strictEqual(read.text[p], written[o]);
        assert.strictEqual(read.toWritten(p), o);
        assert.strictEqual(read.toWrittenEnd(p + 1), o + 1);
      }
      // A gap is one space, and an end just after it stays in the gap, not past it.
      for (let k = 0; k < gaps.length; k += 2) {
        const p = read.toRead(gaps[k]);
        assert.strictEqual(read.text[p], ' ');
        assert.strictEqual(read.toWrittenEnd(p + 1), gaps[k] + 1);
        assert.strictEqual(read.toWritten(p + 1), gaps[k + 1]);
      }
    }));
  });

  // The same property for list items whose lines are indented under their first, and for block quotations.
  for (const [kind, mark] of [['list items', '- '], ['block quotations', '> ']] as const) {
    it(`the seeds and the evaluation articles as ${kind}, wrapped at 60 columns, give the same facts`, function () {
      const dir = path.join(ROOT, 'test', 'eval', 'articles');
      const all = [...seeds(), ...fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).map((n) => ({ name: n, text: fs.readFileSync(path.join(dir, n), 'utf8') }))];
      let wrapped = 0;
      for (const { name, text } of all) {
        const marked = asBlocks(text, mark);
        const w = wrapBody(marked, 60, '\n', { indentLists: true });
        if (w !== marked) wrapped++;
        assert.deepStrictEqual(readings(factsOf(w)), readings(factsOf(marked)), name);
      }
      assert.ok(wrapped >= 20, `${wrapped} articles had lines to wrap`);
    });
  }
});

/** The article with each paragraph of its body that opens with a word made a list item or a block quotation. */
function asBlocks(text: string, mark: string): string {
  const at = text.indexOf('## Article:');
  const tags = text.search(/^#{2,4} (?:Autogenerated )?Tags:/m);
  const end = tags < 0 ? text.length : tags;
  return text.slice(0, at) + text.slice(at, end).replace(/^(?=[A-Za-z“"])/gm, mark) + text.slice(end);
}

describe('paragraphs wrapped by hand, over stdio', function () {
  let ws: Workspace;
  let client: LspClient;
  let workspace: string;

  beforeEach(async function () {
    ws = await openWorkspace('bd-wrap-', { 'a.txt': article({ body: 'T-Mobile said 50 million customers had their data stolen.', info: { Source: 'ZDNet', Link: '[article](https://www.zdnet.com/article/tmobile-a/)', Date: 'August 20, 2021  10:00 am', Author: 'Jane Reporter' } }) });
    ({ client, dir: workspace } = ws);
  });

  afterEach(async function () {
    await closeWorkspace(ws);
  });

  it('the card of a figure wrapped over two lines reads it whole and compares it; a name over two lines has its card', async function () {
    const text = article({ body: 'T-Mobile said that 51\nmillion customers had their data stolen, and John\nSmith of the carrier apologised.' });
    const file = path.join(workspace, 'b.txt');
    fs.writeFileSync(file, text);
    const uri = fileUri(file);
    await client.open(uri, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.endsWith('that 51'));
    const figure = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: line + 1, character: 2 } });
    assert.match(figure.contents.value, /\*\*51 million\*\* — customers of T\\-Mobile/);
    assert.match(figure.contents.value, /Value: 51,000,000/);
    // The other article's figure is compared with it (read as 51 customers, it was left out as another population).
    assert.match(figure.contents.value, /\*\*50 million\*\* ✓ agrees · said by T\\-Mobile — \[ZDNet, Aug 20, 2021\]\(file:[^)]*\/a\.txt#L\d+\)/);
    assert.deepStrictEqual(figure.range, { start: { line, character: lines[line].indexOf('51') }, end: { line: line + 1, character: 'million'.length } });
    const person = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: line + 2, character: 1 } });
    assert.match(person.contents.value, /\*\*John Smith\*\* · person/);
  });
});

describe('paragraphs wrapped by hand, with any line ends, over the CLI', function () {
  this.timeout(120_000);

  it('the seeds wrapped at 72 columns with LF, CRLF or a lone CR are checked alike: the same problems, places and words', function () {
    const { execFileSync } = require('child_process') as typeof import('child_process');
    const os = require('os') as typeof import('os');
    const cli = path.join(ROOT, 'dist', 'cli.js');
    const results: Record<string, string[]> = {};
    for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-eol-'));
      try {
        let wrapped = 0;
        for (const s of seeds()) {
          const w = wrapBody(s.text, 72);
          if (w !== s.text) wrapped++;
          fs.writeFileSync(path.join(dir, s.name), w.replace(/\n/g, eol));
        }
        assert.strictEqual(wrapped, 3);
        // Exit 1 when an error is found; the report is the same.
        let out: string;
        try {
          out = execFileSync(process.execPath, [cli, 'check', '--no-seeds', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
        } catch (e) {
          out = (e as { stdout: string }).stdout;
        }
        const report = JSON.parse(out) as { files: { path: string; diagnostics: { code: string; message: string; range: { start: { line: number; character: number } }; related?: { message: string; range: { start: { line: number; character: number } } }[] }[] }[] };
        results[name] = report.files.flatMap((f) => f.diagnostics.map((d) => `${f.path} ${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message} | ${(d.related ?? []).map((r) => `${r.range.start.line}:${r.range.start.character} ${r.message}`).join(' | ')}`));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    assert.ok(results.LF.some((d) => d.includes('figure.')), results.LF.join('\n'));
    assert.deepStrictEqual(results.CRLF, results.LF);
    assert.deepStrictEqual(results.CR, results.LF);
  });
});
