/**
 * The pool of analyst threads (`server/src/node/analyst.ts`, run from the
 * bundle `dist/analyst.js`), used directly: real worker threads analysing
 * real files. A pool that runs again (the benchmark's warm runs, a caller
 * that retries), or twice at once, hands each run exactly its own outcomes,
 * and the entities it packs read as the main thread's analysis reads them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyse, AnalystPool, analystsFor, type Checked, type Job, type Outcome } from '../server/src/node/analyst';
import { eachSpan, type DocSummary } from '../server/src/core/index/corpus';
import { parse } from '../server/src/core/syntax/parse';
import { looksLikeArticle } from '../server/src/core/detect';
import { readArticleFileSync, sourcesOf } from '../server/src/node/fsutil';
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
      await pool.run(jobs, new Map(), (o) => first.push(o), () => false);
      const second: Outcome[] = [];
      await pool.run(jobs.slice(0, 10), new Map(), (o) => second.push(o), () => false);
      assert.deepStrictEqual(ids(first), jobs.map((j) => j.id));
      assert.deepStrictEqual(ids(second), jobs.slice(0, 10).map((j) => j.id), 'the second run, not the first run\'s caller again');
      assert.strictEqual(first.length, jobs.length, 'the first caller heard nothing of the second run');
      assert.ok(first.every((o) => o.kind === 'analysed'), first.map((o) => o.kind).join());
    } finally {
      await pool.close();
    }
  });

  it('entities come back packed as the main thread reads them, beside files that are no article or are gone; two runs at once each finish', async function () {
    const mixed: Job[] = [];
    const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));
    for (let i = 0; i < 30; i++) {
      const file = path.join(dir, `m${i}.txt`);
      if (i % 7 === 3) fs.writeFileSync(file, 'just some notes\nnot an article\n');
      else if (i % 11 === 5) { /* never written: gone */ } else fs.copyFileSync(path.join(ROOT, 'seeds', seeds[(i * 13) % seeds.length]), file);
      mixed.push({ id: 100 + i, file, uri: fileUri(file), maxBytes: 5_000_000 });
    }
    const read = (s: DocSummary) => s.entities.map((e) => {
      const spans: number[] = [];
      eachSpan(e, (a, b) => spans.push(a, b));
      return { key: e.key, name: e.name, kind: e.kind, aliases: e.aliases, mentions: e.mentionCount, first: [e.firstStart, e.firstEnd], onlyInLinks: e.onlyInLinks, spans };
    });
    const expected = new Map<number, ReturnType<typeof read>>();
    for (const j of mixed) {
      const o = await analyse(j, new Map(), []);
      if (o.kind === 'analysed') expected.set(j.id, read(o.summary));
    }
    const pool = new AnalystPool(script, [], 2);
    try {
      const a: Outcome[] = [];
      const b: Outcome[] = [];
      await Promise.all([pool.run(mixed, new Map(), (o) => a.push(o), () => false), pool.run(jobs.slice(0, 12), new Map(), (o) => b.push(o), () => false)]);
      assert.deepStrictEqual(ids(a), mixed.map((j) => j.id));
      assert.deepStrictEqual(ids(b), jobs.slice(0, 12).map((j) => j.id));
      assert.deepStrictEqual(new Set(a.map((o) => o.kind)), new Set(['analysed', 'not-article', 'skipped']));
      const analysed = a.filter((o): o is Extract<Outcome, { kind: 'analysed' }> => o.kind === 'analysed');
      assert.strictEqual(analysed.length, expected.size);
      // Kinds too: a thread learns no outlets of its own, it is given the load's.
      for (const o of analysed) assert.deepStrictEqual(read(o.summary), expected.get(o.id)!, `job ${o.id}`);
    } finally {
      await pool.close();
    }
  });

  it('every thread analyses with the outlets of the whole load: an outlet named before its own article is read is that outlet', async function () {
    const sub = fs.mkdtempSync(path.join(dir, 'outlets-'));
    const article = (source: string, body: string) => `# A story\n\n## Information:\n+ Source: ${source}\n+ Link: https://example.com/${body.length}\n+ Date: 2021-08-30\n+ Author: Me\n\n## Article:\n${body}\n`;
    const files: string[] = [];
    for (let i = 0; i < 24; i++) {
      const file = path.join(sub, `h${String(i).padStart(2, '0')}.txt`);
      fs.writeFileSync(file, i === 23 ? article('Harbor Lantern', 'Globex confirmed the breach on Tuesday.') : article('Wire', `The Harbor Lantern reported that Globex lost ${i + 2},000 records.`));
      files.push(file);
    }
    const outlets = sourcesOf(files, 5_000_000);
    assert.strictEqual(outlets.get('harbor lantern'), 'Harbor Lantern');
    const mine = files.map((file, id) => ({ id, file, uri: fileUri(file), maxBytes: 5_000_000 }));
    const kindsOf = (s: DocSummary) => s.entities.filter((e) => e.key === 'harbor lantern').map((e) => e.kind);
    const pool = new AnalystPool(script, [], 2);
    try {
      const outs: Outcome[] = [];
      await pool.run(mine, outlets, (o) => outs.push(o), () => false);
      const analysed = outs.filter((o): o is Extract<Outcome, { kind: 'analysed' }> => o.kind === 'analysed');
      assert.strictEqual(analysed.length, 24);
      for (const o of analysed.filter((x) => x.id < 23)) assert.deepStrictEqual(kindsOf(o.summary), ['outlet'], `file ${o.id}`);
      // As the main thread analyses them with the same outlets.
      for (const o of analysed) {
        const alone = await analyse(mine[o.id], outlets, []);
        assert.ok(alone.kind === 'analysed');
        assert.deepStrictEqual(kindsOf(o.summary), kindsOf(alone.summary));
      }
    } finally {
      await pool.close();
    }
  });

  it('sourcesOf learns from each file\'s head the Source its analysis would see, and only where there is one', async function () {
    const sub = fs.mkdtempSync(path.join(dir, 'heads-'));
    const info = (source: string) => `## Information:\n+ Source: ${source}\n+ Date: 2021-08-30\n`;
    const cases: Record<string, string | Buffer> = {
      'plain.txt': `# T\n${info('Wire')}\n## Article:\nText.\n`,
      'case.txt': `# T\n${info('WIRE')}\n## Article:\nText.\n`,
      'unknown.txt': `# Unknown\n${info('Ghost')}\n## Article:\nText.\n`,
      'large.txt': `# T\n${info('Big')}\n## Article:\n${'Words and more words. '.repeat(1200)}\n`,
      'nul.txt': `# T\n${info('Nul')}\n## Article:\nText.\u0000\n`,
      'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`# T\n${info('Sixteen')}## Article:\nText.\n`, 'utf16le')]),
      'latin1.txt': Buffer.concat([Buffer.from(`# T\n${info('Caf')}`), Buffer.from([0xe9, 0x0a]), Buffer.from('## Article:\nText.\n')]),
      'notes.txt': 'Meeting notes\nSource: Notes\n',
      'late.txt': `# T\n## Article:\nText first.\n\n${info('Late')}`,
      'far.txt': `# T\n${'x'.repeat(9000)}\n${info('Far')}\n## Article:\nText.\n`,
      'long-info.txt': `# T\n## Information:\n${'+ Note: a line of the section\n'.repeat(400)}+ Source: Deep\n## Article:\nText.\n`,
      'second.txt': `# T\n## Information:\n+ Date: 2021-08-30\n## Information:\n+ Source: Twice\n## Article:\nText.\n`,
      'bom.txt': `\uFEFF# T\n${info('Marked')}\n## Article:\nText.\n`,
      // Parsed, a Source; but without an Article header it is no article.
      'bare.txt': `# T\nInformation:\n+ Source: Bare\n`,
      // A NUL past the first 4 KB but in the first 8: binary to the analysis.
      'late-nul.txt': `# T\n${info('Late nul')}\n## Article:\n${'Words and more words. '.repeat(230)}\u0000\n`,
    };
    const files: string[] = [];
    for (const [name, body] of Object.entries(cases)) {
      fs.writeFileSync(path.join(sub, name), body);
      files.push(path.join(sub, name));
    }
    const maxBytes = 20_000;
    // What analysing each file would learn: it reads, it is an article, and no placeholder.
    const analysed = new Map<string, string>();
    for (const file of files) {
      const r = readArticleFileSync(file, { maxBytes });
      if (!r.ok || !looksLikeArticle(r.text)) continue;
      const { article } = parse(r.text);
      const source = article.source?.value;
      if (source && article.title?.text.trim().toLowerCase() !== 'unknown' && !analysed.has(source.toLowerCase())) analysed.set(source.toLowerCase(), source);
    }
    const learnt = sourcesOf(files, maxBytes);
    assert.deepStrictEqual(learnt, analysed);
    // Shared among threads, merged in the files' order: the same, the first spelling of a name included.
    const pool = new AnalystPool(script, [], 2);
    try {
      const shared = await pool.sources([...files].reverse(), maxBytes);
      assert.deepStrictEqual(shared, sourcesOf([...files].reverse(), maxBytes));
      assert.strictEqual(shared.get('wire'), 'WIRE');
    } finally {
      await pool.close();
    }
    // Not vacuous: the cases that need the whole file are read whole, and the rest are refused.
    assert.deepStrictEqual([...learnt.values()].sort(), ['Deep', 'Far', 'Late', 'Marked', 'Wire']);
  });

  it('a placeholder ("# Unknown") is left out on the threads, for the server\'s index and for the CLI\'s', async function () {
    const ghost = path.join(dir, 'ghost.txt');
    fs.writeFileSync(ghost, fs.readFileSync(jobs[0].file, 'utf8').replace(/^# .*$/m, '# Unknown'));
    const two = [{ ...jobs[0], id: 0 }, { id: 1, file: ghost, uri: fileUri(ghost), maxBytes: 5_000_000 }];
    const pool = new AnalystPool(script, [], 1);
    try {
      const loaded: Outcome[] = [];
      await pool.run(two, new Map(), (o) => loaded.push(o), () => false);
      assert.deepStrictEqual(loaded.sort((a, b) => a.id - b.id).map((o) => o.kind), ['analysed', 'placeholder']);
      const checked: Checked[] = [];
      await pool.check(two, new Map(), { now: Date.now() }, (o) => checked.push(o));
      const facts = checked.sort((a, b) => a.id - b.id).map((o) => (o.kind === 'checked' ? o.facts !== undefined : o.kind));
      assert.deepStrictEqual(facts, [true, false], 'both checked, only the real article with facts');
      const ghostChecked = checked[1];
      assert.ok(ghostChecked.kind === 'checked' && ghostChecked.diagnostics.some((d) => d.code === 'article.placeholder'));
    } finally {
      await pool.close();
    }
  });

  it('a pool asked for no threads, or NaN, still has one (with none a run would wait for ever)', async function () {
    for (const size of [0, NaN]) {
      const pool = new AnalystPool(script, [], size);
      try {
        assert.strictEqual(pool.size, 1);
        const outs: Outcome[] = [];
        await pool.run(jobs.slice(0, 2), new Map(), (o) => outs.push(o), () => false);
        assert.deepStrictEqual(ids(outs), [0, 1]);
      } finally {
        await pool.close();
      }
    }
  });

  it('a run after a worker has gone fails at once instead of waiting for it', async function () {
    const pool = new AnalystPool(script, [], 2);
    try {
      await pool.run(jobs.slice(0, 4), new Map(), () => undefined, () => false);
      await (pool as unknown as { workers: { terminate(): Promise<number> }[] }).workers[0].terminate();
      await assert.rejects(pool.run(jobs, new Map(), () => undefined, () => false), /exited/);
    } finally {
      await pool.close();
    }
  });

  it('a run that failed leaves nothing behind for the next', async function () {
    const pool = new AnalystPool(script, [], 2);
    try {
      let seen = 0;
      await assert.rejects(pool.run(jobs, new Map(), () => {
        if (++seen === 3) throw new Error('the caller gave up');
      }, () => false), /the caller gave up/);
      const next: Outcome[] = [];
      await pool.run(jobs.slice(20), new Map(), (o) => next.push(o), () => false);
      assert.deepStrictEqual(ids(next), jobs.slice(20).map((j) => j.id), 'late outcomes of the failed run are not the next run\'s');
    } finally {
      await pool.close();
    }
  });
});

describe('how many analyst threads (analystsFor)', function () {
  it('one on two cores for a corpus whose threads would cost more to warm up than they save, two for a large one', function () {
    // Measured on a 2-core machine: one thread won at 1,500 generated and 2,362 real articles, two at 5,000.
    assert.deepStrictEqual([1500, 2362, 5000, 10_000, 50_000].map((n) => analystsFor(n, 2)), [1, 1, 2, 2, 2]);
  });

  it('never more than the cores, nor four, nor fewer than one; and never fewer for more articles', function () {
    for (const cores of [0, 1, 2, 3, 4, 8, 64]) {
      let last = 1;
      for (let n = 0; n <= 200_000; n += 500) {
        const k = analystsFor(n, cores);
        assert.ok(k >= 1 && k <= Math.max(1, Math.min(4, cores)), `${k} threads for ${n} articles on ${cores} cores`);
        assert.ok(k >= last, `${k} threads for ${n} articles on ${cores} cores, after ${last} for fewer`);
        last = k;
      }
    }
  });

  it('one thread, not none, when the cores are not a count (0, NaN) or the articles are not', function () {
    assert.deepStrictEqual([analystsFor(10_000, 0), analystsFor(10_000, NaN), analystsFor(NaN, 2), analystsFor(10_000, 2.5)], [1, 1, 1, 2]);
  });

  it('more threads for a large corpus on more cores', function () {
    assert.ok(analystsFor(50_000, 8) > analystsFor(50_000, 2));
  });
});
