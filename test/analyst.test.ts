/**
 * The pool of analyst threads (`server/src/node/analyst.ts`, run from the
 * bundle `dist/analyst.js`), used directly: real worker threads analysing
 * real files. A pool that runs again (the benchmark's warm runs, a caller
 * that retries) hands each run exactly its own outcomes.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalystPool, type Job, type Outcome } from '../server/src/node/analyst';
import { fileUri, ROOT } from './helpers/lsp';

describe('analyst threads', function () {
  this.timeout(60_000);
  const script = path.join(ROOT, 'dist', 'analyst.js');
  let dir: string;
  let jobs: Job[];

  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-analyst-'));
    const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));
    // Forty files: five batches of eight, so both threads get several.
    const files: string[] = [];
    for (let i = 0; i < 40; i++) {
      const file = path.join(dir, `a${i}.txt`);
      fs.copyFileSync(path.join(ROOT, 'seeds', seeds[i % seeds.length]), file);
      files.push(file);
    }
    jobs = files.map((file, id) => ({ id, file, uri: fileUri(file), maxBytes: 5_000_000 }));
  });

  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ids = (outs: Outcome[]) => outs.map((o) => o.id).sort((a, b) => a - b);

  it('a pool run twice gives each run its own outcomes, once each', async function () {
    const pool = new AnalystPool(script, [], 2);
    try {
      const first: Outcome[] = [];
      await pool.run(jobs, (o) => first.push(o), () => false);
      const second: Outcome[] = [];
      await pool.run(jobs.slice(0, 10), (o) => second.push(o), () => false);
      assert.deepStrictEqual(ids(first), jobs.map((j) => j.id));
      assert.deepStrictEqual(ids(second), jobs.slice(0, 10).map((j) => j.id), 'the second run, not the first run\'s caller again');
      assert.strictEqual(first.length, jobs.length, 'the first caller heard nothing of the second run');
      assert.ok(first.every((o) => o.kind === 'analysed'), first.map((o) => o.kind).join());
    } finally {
      await pool.close();
    }
  });

  it('a run that failed leaves nothing behind for the next', async function () {
    const pool = new AnalystPool(script, [], 2);
    try {
      let seen = 0;
      await assert.rejects(pool.run(jobs, () => {
        if (++seen === 3) throw new Error('the caller gave up');
      }, () => false), /the caller gave up/);
      const next: Outcome[] = [];
      await pool.run(jobs.slice(20), (o) => next.push(o), () => false);
      assert.deepStrictEqual(ids(next), jobs.slice(20).map((j) => j.id), 'late outcomes of the failed run are not the next run\'s');
    } finally {
      await pool.close();
    }
  });
});
