/**
 * The labelled evaluation of figure consistency (`test/eval/`, `npm run eval`)
 * as a regression guard: the real core indexes the labelled articles (and
 * the seeds) as the CLI does, and the figure.conflict warnings must keep
 * precision ≥ 0.9 and recall ≥ 0.9 against `test/eval/truth.json`, with no
 * false conflict on a dated revision or a different subject.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EVAL_DIR, evaluate, KINDS, loadTruth, type EvalResult } from './eval/run';

describe('figure consistency evaluation (test/eval)', function () {
  let result: EvalResult;

  before(function () {
    this.timeout(120000);
    result = evaluate();
  });

  const explain = () => JSON.stringify({ wrong: result.wrong, missed: result.missed }, null, 1);

  it('labels a real set: 20–40 articles, planted conflicts and every kind of non-conflict', function () {
    const articles = fs.readdirSync(path.join(EVAL_DIR, 'articles')).filter((f) => f.endsWith('.txt'));
    assert.ok(articles.length >= 20 && articles.length <= 40, `${articles.length} articles`);
    assert.strictEqual(result.articles, articles.length);
    const truth = loadTruth();
    assert.ok(truth.conflicts.length >= 15, `${truth.conflicts.length} planted conflicts`);
    for (const kind of KINDS) assert.ok(result.falseByKind[kind].labelled > 0, `no labelled ${kind} non-conflict`);
    // Some planted conflicts are within one article.
    assert.ok(truth.conflicts.some((c, i) => truth.conflicts.some((d, j) => i !== j && c.file === d.file)));
  });

  it('precision ≥ 0.9 for figure.conflict', function () {
    assert.ok(result.raised > 0, 'no figure.conflict raised at all');
    assert.ok(result.precision >= 0.9, `precision ${result.precision.toFixed(2)} (${result.right}/${result.raised})\n${explain()}`);
  });

  it('recall ≥ 0.9 for figure.conflict', function () {
    assert.ok(result.recall >= 0.9, `recall ${result.recall.toFixed(2)} (${result.found}/${result.expected})\n${explain()}`);
  });

  it('misses no planted conflict and raises no false one (the bar it has reached, above the issue’s 0.9)', function () {
    assert.deepStrictEqual(result.missed, [], explain());
    assert.deepStrictEqual(result.wrong, [], explain());
  });

  it('no false conflict on a dated revision or a different subject', function () {
    assert.strictEqual(result.falseByKind.revision.falseConflicts, 0, explain());
    assert.strictEqual(result.falseByKind.subject.falseConflicts, 0, explain());
  });
});
