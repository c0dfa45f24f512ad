/**
 * Fuzzing, the short run CI does: real articles (the seeds, and articles of
 * ../shared/corpus when present) truncated, spliced, duplicated, sprinkled
 * with hostile Unicode and broken brackets, then put through the parser,
 * analysis, extractors, corpus index, consistency check, every feature at
 * random positions and every quick fix. Nothing may throw, every span must
 * lie inside its text, and hover Markdown must stay inert. The long run
 * (`npm run fuzz`, a million cases) uses the same harness.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import {
  baseIndex, build, caseOf, corpusFiles, corpusSample, exercise, exerciseLines, exercisePins, mutate, NASTY, nastyString,
  reached, seedTexts, type Source,
} from './fuzz/harness';
import { parse } from '../server/src/core/syntax/parse';
import { workspaceSymbols } from '../server/src/core/features/symbols';

// A fixed seed per property keeps CI reproducible; the long run varies it.
const SEED = 6;

describe('fuzzing the core', function () {
  this.timeout(120000);
  const seeds = seedTexts();

  it('the mutations really produce the hostile input they name', function () {
    const t = seeds[0].text;
    assert.ok(mutate(t, { op: 'bom' }, seeds).startsWith('\uFEFF'));
    const cr = mutate(t, { op: 'line-ends', style: '\r' }, seeds);
    assert.ok(!cr.includes('\n') && cr.includes('\r'));
    assert.ok(mutate(t, { op: 'line-ends', style: '\r\n' }, seeds).includes('\r\n'));
    assert.strictEqual(mutate(t, { op: 'truncate', at: 0.5 }, seeds).length, Math.floor(0.5 * (t.length + 1)));
    const dup = mutate(t, { op: 'duplicate-section', which: 0, at: 1 }, seeds);
    assert.strictEqual(dup.split('## Information:').length - 1, 2);
    const broken = mutate(t, { op: 'break-bracket', at: 0, kind: 'drop', char: '[' }, seeds);
    assert.strictEqual(broken.length, t.length - 1);
    const samples = fc.sample(nastyString, { numRuns: 500, seed: SEED }).join('');
    assert.ok(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(samples), 'lone high surrogates');
    assert.ok(/[\u{10000}-\u{10FFFF}]/u.test(samples), 'astral characters');
    assert.ok(/\p{M}/u.test(samples) && samples.includes('\u202E') && samples.includes('\u0000'), 'combining marks, RTL, NUL');
  });

  it('every hostile piece, as the whole text, repeated, and inserted at the start, middle or end of each seed', function () {
    const index = baseIndex(seeds);
    const seen = reached();
    NASTY.forEach((piece, i) => {
      exercise(index, piece, [0, 0.5, 1], seen);
      exercise(index, piece.repeat(500), [0, 0.5, 1], seen);
      // Each piece at the start, the middle or the end of each seed, in turn.
      seeds.forEach((s, j) => {
        const at = ((i + j) % 3) / 2;
        exercise(index, mutate(s.text, { op: 'insert', at, text: piece }, seeds), [at, 0.3], seen);
      });
    });
    assert.ok(seen.hovers > 0 && seen.fixes > 0, JSON.stringify(seen));
  });

  it('mutated seeds: parser, analysis, extractors, index, features and fixes never throw', function () {
    const index = baseIndex(seeds);
    const seen = reached();
    fc.assert(fc.property(caseOf(4), (c) => exercise(index, build(c, seeds), c.cursors, seen)), { numRuns: 250, seed: SEED });
    // The run reached every feature; a property that never got there would prove nothing.
    for (const [k, n] of Object.entries(seen)) assert.ok(n > 0, `no ${k} reached: ${JSON.stringify(seen)}`);
  });

  it('mutated corpus articles: the same, on real scraped text', function () {
    if (!corpusFiles()) {
      console.log('      skipped: ../shared/corpus is absent');
      this.skip();
    }
    const sources: Source[] = [...seeds, ...corpusSample(40)];
    const index = baseIndex(sources);
    const shape = () => ({ docs: index.size, entities: [...index.allEntities()].length, outlets: index.outlets().size, authors: index.authorNames().size, symbols: workspaceSymbols(index, '', 100000).length });
    const start = shape();
    const seen = reached();
    fc.assert(fc.property(caseOf(4, 1500), (c) => exercise(index, build(c, sources), c.cursors, seen)), { numRuns: 600, seed: SEED });
    fc.assert(fc.property(caseOf(3), (c) => exercise(index, build(c, sources), c.cursors, seen)), { numRuns: 60, seed: SEED });
    for (const [k, n] of Object.entries(seen)) assert.ok(n > 0, `no ${k} reached: ${JSON.stringify(seen)}`);
    // Each case was added to the index and taken out again: the index is back where it started.
    assert.deepStrictEqual(shape(), start);
  });

  it('arbitrary strings: the parser, offset conversion and the pinned-entities reader never throw', function () {
    fc.assert(fc.property(
      fc.oneof(nastyString, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 })),
      fc.array(fc.integer({ min: -10, max: 400 }), { maxLength: 4 }),
      (text, offsets) => {
        const r = parse(text);
        assert.ok(Array.isArray(r.problems));
        exerciseLines(text, offsets);
        exercisePins(text);
        exercisePins(`{"entities":[{"name":${JSON.stringify(text)},"kind":"person","aliases":[${JSON.stringify(text)}]}]}`);
      },
    ), { numRuns: 3000, seed: SEED });
  });
});
