/**
 * The long fuzz run: `npm run fuzz -- [COUNT] [--seed N] [--corpus N]`.
 *
 * Runs COUNT cases (default 1,000,000) of the harness's properties in chunks
 * of 10,000, printing one progress line per chunk and a closing summary
 * (`fuzz: N cases, 0 failures`). Each chunk mixes:
 *
 * - 90%: windows of up to 1,000 characters of real articles (the seeds and,
 *   when present, 200 articles of ../shared/corpus), mutated and put through
 *   the whole core at random positions;
 * - 3%: whole articles, mutated, through the whole core;
 * - 7%: arbitrary strings and hostile pieces straight into the parser,
 *   offset conversion and the pinned-entities reader.
 *
 * The first failure stops the run with fast-check's shrunk counterexample
 * and its seed and path, so it can be replayed; exit status 1. Interrupting
 * the run (Ctrl-C) prints how many cases passed so far.
 */
import fc from 'fast-check';
import {
  baseIndex, build, caseOf, corpusSample, exercise, exerciseLines, exercisePins, nastyString, seedTexts,
} from './harness';
import { parse } from '../../server/src/core/syntax/parse';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const total = Number((positional[0] ?? '1000000').replace(/[_,]/g, ''));
const seed = flag('--seed', 20261203);
const corpusN = flag('--corpus', 200);
if (!Number.isFinite(total) || total <= 0) {
  console.error('usage: npm run fuzz -- [COUNT] [--seed N] [--corpus N]');
  process.exit(2);
}

const seeds = seedTexts();
const corpus = corpusSample(corpusN);
if (!corpus.length) console.log('fuzz: ../shared/corpus is absent; mutating the seeds only');
const sources = [...seeds, ...corpus];
const index = baseIndex(sources);

const CHUNK = 10_000;
const counts = { windows: 0, whole: 0, raw: 0 };
let done = 0;
const t0 = Date.now();

const windowed = fc.property(caseOf(4, 1000), (c) => {
  exercise(index, build(c, sources), c.cursors);
});
const whole = fc.property(caseOf(4), (c) => {
  exercise(index, build(c, sources), c.cursors);
});
const raw = fc.property(
  fc.oneof(nastyString, fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 })),
  fc.array(fc.integer({ min: -10, max: 1000 }), { maxLength: 4 }),
  (text, offsets) => {
    parse(text);
    exerciseLines(text, offsets);
    exercisePins(text);
    exercisePins(`{"entities":[{"name":${JSON.stringify(text)},"kind":"person","aliases":[${JSON.stringify(text)}]}]}`);
  },
);

function summary(): string {
  const s = ((Date.now() - t0) / 1000).toFixed(0);
  return `${done.toLocaleString('en-US')} cases (${counts.windows.toLocaleString('en-US')} article windows, ${counts.whole.toLocaleString('en-US')} whole articles, ${counts.raw.toLocaleString('en-US')} raw strings) in ${s} s`;
}

process.on('SIGINT', () => {
  console.log(`fuzz: interrupted after ${summary()}, 0 failures`);
  process.exit(130);
});

function run<T>(name: keyof typeof counts, prop: fc.IProperty<T>, numRuns: number, chunkSeed: number): boolean {
  if (numRuns <= 0) return true;
  const r = fc.check(prop, { numRuns, seed: chunkSeed });
  counts[name] += r.numRuns;
  done += r.numRuns;
  if (r.failed) {
    console.log(`fuzz: FAILED (${name}) after ${summary()}`);
    console.log(fc.defaultReportMessage(r));
    return false;
  }
  return true;
}

console.log(`fuzz: ${total.toLocaleString('en-US')} cases, seed ${seed}, ${sources.length} source articles`);
for (let chunk = 0; done < total; chunk++) {
  const n = Math.min(CHUNK, total - done);
  const nWhole = Math.round(n * 0.03);
  const nRaw = Math.round(n * 0.07);
  const nWin = n - nWhole - nRaw;
  const s = seed + chunk;
  const ok = run('windows', windowed, nWin, s) && run('whole', whole, nWhole, s) && run('raw', raw, nRaw, s);
  if (!ok) process.exit(1);
  console.log(`fuzz: ${summary()}, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
}
console.log(`fuzz: ${summary()}, 0 failures`);
