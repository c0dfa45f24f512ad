/**
 * Extraction of this checkout against another, side by side: both checkouts'
 * `parse` and `extractFacts` loaded into one process and run in turn, 50
 * articles at a time, so that the shared machine's drift falls on both. The
 * copy loaded second ran 5–10% faster or slower than the first on this machine
 * (two byte-identical checkouts read 0.93 one way round and 1.05 the other),
 * so the comparison runs twice, once in each order, each in a process of its
 * own, and reports the geometric mean of the two. It also says whether the two
 * checkouts give the same facts for every article (a hash over each article's
 * parse result and facts): a refactor for speed must.
 *
 * Usage: tsx bench/ab.ts OTHER_CHECKOUT [folder] [--rounds N]
 *   (OTHER_CHECKOUT: another worktree of this repository, e.g. `git worktree add /tmp/base HEAD~3`;
 *   folder: the articles, ../shared/corpus by default; ratio below 1: this checkout is faster)
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { walk } from './files';

const HERE = path.resolve(__dirname, '..');

interface Extractor {
  parse: (text: string) => { article: unknown };
  extractFacts: (uri: string, text: string, article: unknown) => unknown;
}

function load(root: string): Extractor {
  const { parse } = require(path.join(root, 'server/src/core/syntax/parse'));
  const { extractFacts } = require(path.join(root, 'server/src/core/extract/facts'));
  return { parse, extractFacts };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Maps and sets as arrays, so that the hash sees their contents. */
function replacer(_key: string, v: unknown): unknown {
  return v instanceof Map || v instanceof Set ? [...v] : v;
}

/** One order: `first` loaded first; prints `second/first` per round as JSON on stdout. */
function child(first: string, second: string, folder: string, rounds: number): void {
  const a = load(first);
  const b = load(second);
  const files = walk([folder]);
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const run = (x: Extractor, from: number, to: number) => {
    const t0 = performance.now();
    for (let i = from; i < to; i++) x.extractFacts(`file://${files[i]}`, texts[i], x.parse(texts[i]).article);
    return performance.now() - t0;
  };
  // The hashes, which also warm both up.
  const hashes = [a, b].map((x) => {
    const h = crypto.createHash('sha1');
    for (let i = 0; i < texts.length; i++) {
      const parsed = x.parse(texts[i]);
      h.update(JSON.stringify(parsed, replacer));
      h.update(JSON.stringify(x.extractFacts(`file://${files[i]}`, texts[i], parsed.article), replacer));
    }
    return h.digest('hex');
  });
  const ratios: number[] = [];
  let perArticle = 0;
  for (let r = 0; r < rounds; r++) {
    let ta = 0;
    let tb = 0;
    for (let i = 0, n = 0; i < texts.length; i += 50, n++) {
      const to = Math.min(texts.length, i + 50);
      if ((n + r) % 2) { ta += run(a, i, to); tb += run(b, i, to); } else { tb += run(b, i, to); ta += run(a, i, to); }
    }
    ratios.push(tb / ta);
    perArticle += (ta + tb) / 2 / texts.length / rounds;
  }
  process.stdout.write(JSON.stringify({ ratios, same: hashes[0] === hashes[1], articles: texts.length, perArticle }));
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2], args[3], Number(args[4]));
  let rounds = 5;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--rounds') rounds = Number(args[++i]);
    else rest.push(args[i]);
  }
  const [other, folderArg] = rest;
  if (!other || !Number.isInteger(rounds) || rounds < 1) {
    console.error('usage: tsx bench/ab.ts OTHER_CHECKOUT [folder] [--rounds N]');
    process.exit(2);
  }
  const base = path.resolve(other);
  const folder = path.resolve(folderArg ?? path.join(HERE, '..', 'shared', 'corpus'));
  for (const p of [path.join(base, 'server/src/core/extract/facts.ts'), folder]) {
    if (!fs.existsSync(p)) {
      console.error(`not found: ${p}`);
      process.exit(2);
    }
  }
  const once = (first: string, second: string) => JSON.parse(execFileSync(process.execPath, [...process.execArgv, __filename, '--child', first, second, folder, String(rounds)], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  // This checkout second (its time over the other's), then first (the other's over its, inverted).
  const x = once(base, HERE);
  const y = once(HERE, base);
  const forward = median(x.ratios);
  const backward = 1 / median(y.ratios);
  console.log(`${x.articles} articles in ${folder}, ${rounds} rounds each way, about ${(x.perArticle * 1000).toFixed(0)} µs an article`);
  console.log(`this/other: loaded second ${forward.toFixed(3)}, loaded first ${backward.toFixed(3)}, geometric mean ${Math.sqrt(forward * backward).toFixed(3)}`);
  console.log(x.same && y.same ? 'same facts for every article' : 'the facts DIFFER (not a pure refactor)');
}

main();
