/**
 * The benchmark's generator (bench/generate.ts): the same seed gives the same
 * files, and what it writes states as much per 1,000 characters as the real
 * corpus does (bench/density.ts): sentences, names, mentions, figures, claims, quotations,
 * links, and distinct names growing as the real ones do. Its articles once
 * named 2.8 times as many entities and stated 3.1 times as many figures per
 * kilobyte as real ones, so every per-article cost the benchmark reported was
 * that much too high; this test fails on such a generator.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { articleFiles, densities, MEASURES, REAL, REAL_NAMES_AT_1000 } from '../bench/density';
import { generateCorpus } from '../bench/generate';
import { DEFAULT_CORPUS } from './eval/real';

describe('benchmark generator', function () {
  this.timeout(120_000);
  let dir = '';

  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-gen-'));
  });

  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the same files for the same seed, and other files for another', function () {
    const read = (d: string) => articleFiles(d).map((f) => [path.relative(d, f), fs.readFileSync(f, 'utf8')]);
    generateCorpus(path.join(dir, 'a'), 60, 4);
    generateCorpus(path.join(dir, 'b'), 60, 4);
    generateCorpus(path.join(dir, 'c'), 60, 5);
    const a = read(path.join(dir, 'a'));
    assert.strictEqual(a.length, 60);
    assert.deepStrictEqual(read(path.join(dir, 'b')), a);
    assert.notDeepStrictEqual(read(path.join(dir, 'c')), a);
  });

  it('states sentences, names, mentions, figures, claims, quotations and links per 1,000 characters within a quarter of the real corpus, and names as many distinct entities', function () {
    const d = densities(articleFiles(generateCorpus(path.join(dir, 'g'), 1000, 1).dir));
    const off = MEASURES.filter((k) => !(d[k] >= REAL[k] * 0.75 && d[k] <= REAL[k] * 1.25)).map((k) => `${k} ${d[k]} per 1,000 characters, the real corpus ${REAL[k]}`);
    assert.deepStrictEqual(off, []);
    // Sized like real articles, and naming as many different entities in 1,000 articles (the long tail).
    assert.ok(d.size > REAL.size * 0.85 && d.size < REAL.size * 1.15, `${d.size} characters an article, the real corpus ${REAL.size}`);
    assert.ok(d.names > REAL_NAMES_AT_1000 * 0.8 && d.names < REAL_NAMES_AT_1000 * 1.2, `${d.names} distinct names in 1,000 articles, the real corpus ${REAL_NAMES_AT_1000}`);
  });

  it('holds the real corpus\'s densities as they are measured there (when the corpus is beside the repository)', function () {
    if (!fs.existsSync(DEFAULT_CORPUS)) {
      console.log(`    (skipped: no corpus at ${DEFAULT_CORPUS})`);
      this.skip();
    }
    // When the extractors change what they find, these move: measure again with `npx tsx bench/density.ts ../shared/corpus`
    // (and `… 1000`), put the figures in bench/density.ts, and see that the generator still meets them.
    const refresh = 'REAL in bench/density.ts is stale: refresh it with `npx tsx bench/density.ts ../shared/corpus [1000]`';
    assert.strictEqual(densities(articleFiles(DEFAULT_CORPUS, 1000)).names, REAL_NAMES_AT_1000, refresh);
    assert.deepStrictEqual(densities(articleFiles(DEFAULT_CORPUS)), REAL, refresh);
  });
});
