/**
 * The labelled evaluation of figure links on the real corpus (`test/eval/real.ts`)
 * as a regression guard: the real core indexes the 2,362 scraped articles,
 * and the pairs of figures labelled in `test/eval/real-links.json` must keep
 * the recall and the false links measured when they were labelled. The
 * corpus is not part of the repository (shared/corpus/README.md): without it
 * the suite is skipped, saying why.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { DEFAULT_CORPUS, evaluateLinks, loadLinkTruth, type LinkEvalResult, type PairResult } from './eval/real';

/**
 * Same pairs linked over same pairs: 15/29 = 0.52 when the first 42 pairs were labelled, 19/29
 * once one count of people under two nouns was linked; 28/50 = 0.56 with 33 pairs of other
 * incidents added (labelled without looking at what Breach Desk does); 30/50 once a user base
 * counted users and a bounty was a reward (32/50 later); 34/50 = 0.68 once the same value of one
 * owner was linked where one figure does not say what it counts; 37/50 = 0.74 once the same value was
 * linked across articles that name its owner otherwise (Red Cross / ICRC); 38/50 = 0.76 once one story's equal
 * values were linked where neither article names the other's owner (NY AG / OAG). Raise it as links improve.
 */
const RECALL_FLOOR = 0.76;

/**
 * Different pairs linked: 11 of 13 when the pairs were labelled (most
 * "different" pairs were found among figures the core did link), 7 once the
 * cards listed statements months apart as other stories and platforms and
 * currencies stopped owning figures, 6 once they told events apart by a year
 * in the sentence as the check does; 5 of 25 with the 33 pairs of other
 * incidents. The aim is 0: lower it as false links are fixed.
 */
const FALSE_LINKS_CEILING = 5;

/** The pairs, one a line, for a failure message. */
function list(pairs: PairResult[]): string {
  return pairs.map((p) => `  ${p.a.anchor.file}:${p.a.line} ${JSON.stringify(p.a.anchor.text)} (${p.a.figure?.measure ?? 'no figure'}) ~ ${p.b.anchor.file}:${p.b.line} ${JSON.stringify(p.b.anchor.text)} (${p.b.figure?.measure ?? 'no figure'}): ${p.pair.note}`).join('\n');
}

describe('figure links on the real corpus (test/eval/real-links.json)', function () {
  this.timeout(120_000);
  let result: LinkEvalResult | undefined;
  let failure: unknown;

  before(function () {
    if (!fs.existsSync(DEFAULT_CORPUS)) {
      console.log(`    (skipped: no corpus at ${DEFAULT_CORPUS}; clone the shared corpus next to the repository to run these tests)`);
      this.skip();
    }
    try {
      result = evaluateLinks();
    } catch (e) {
      failure = e;
    }
  });

  /** The result, or the reason there is none (a stale or ambiguous label). */
  const evaluated = (): LinkEvalResult => {
    if (!result) throw failure;
    return result;
  };

  it('labels a real set: 20+ same pairs and 8+ different pairs, each of two articles, none twice', function () {
    const { pairs } = loadLinkTruth();
    const same = pairs.filter((p) => p.same).length;
    assert.ok(same >= 20, `${same} same pairs`);
    assert.ok(pairs.length - same >= 8, `${pairs.length - same} different pairs`);
    const seen = new Set<string>();
    for (const p of pairs) {
      assert.notStrictEqual(p.a.file, p.b.file, `a pair within one article: ${p.a.file}`);
      const key = [p.a, p.b].map((x) => `${x.file}\u0000${x.text}\u0000${x.line ?? ''}`).sort().join('\u0001');
      assert.ok(!seen.has(key), `labelled twice: ${p.a.file} ${p.a.text} ~ ${p.b.file} ${p.b.text}`);
      seen.add(key);
    }
  });

  it('every labelled figure is found once in its article, where the core extracts a figure', function () {
    const r = evaluated();
    assert.strictEqual(r.pairs.length, loadLinkTruth().pairs.length);
    assert.deepStrictEqual(r.unextracted, [], 'labelled figures the core extracts no figure at');
  });

  it(`recall ≥ ${RECALL_FLOOR} on the same pairs`, function () {
    const r = evaluated();
    const missed = r.pairs.filter((p) => p.pair.same && !p.linked);
    assert.ok(r.recall >= RECALL_FLOOR, `recall ${r.recall.toFixed(2)} (${r.linkedSame}/${r.same}); not linked:\n${list(missed)}`);
  });

  it(`links at most ${FALSE_LINKS_CEILING} different pairs`, function () {
    const r = evaluated();
    const wrong = r.pairs.filter((p) => !p.pair.same && p.linked);
    assert.ok(r.falseLinks <= FALSE_LINKS_CEILING, `${r.falseLinks} of ${r.different} different pairs linked:\n${list(wrong)}`);
  });
});
