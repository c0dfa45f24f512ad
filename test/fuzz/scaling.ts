/**
 * How the core's time grows on pathological input: `npm run scaling -- [N]`.
 *
 * Each family of `pathological.ts` is built at N and 4N characters
 * (default 250,000 and 1,000,000; the single-line article also at 1.25 MB
 * and 5 MB) and put through the core a writer's keystroke costs: analysis
 * (parse and layout checks), extraction, indexing with the consistency
 * check, and hover, definition, references and completion at ten positions.
 * Printed as a Markdown table with the 4N/N ratio: about 4 is linear, 16
 * would be quadratic. Times are the best of two runs after a warm-up, on
 * whatever machine runs it; they are figures, not assertions.
 */
import { analyze } from '../../server/src/core/analyze';
import { checkConsistency } from '../../server/src/core/check/consistency';
import { extractFacts } from '../../server/src/core/extract/facts';
import { complete } from '../../server/src/core/features/completion';
import { hover } from '../../server/src/core/features/hover';
import { definition, references } from '../../server/src/core/features/navigation';
import { lineStartsOf } from '../../server/src/core/index/corpus';
import { baseIndex, NOW, seedTexts } from './harness';
import { FAMILIES, HEAD, proseLine, TAIL, type Family } from './pathological';

const n = Number(process.argv[2] ?? 250_000);
const index = baseIndex(seedTexts());
const URI = 'file:///scaling/case.txt';

function once(text: string): { analyze: number; extract: number; index: number; features: number; total: number } {
  const t0 = performance.now();
  const a = analyze(text, { now: NOW });
  const t1 = performance.now();
  const facts = extractFacts(URI, text, a.article, {});
  const t2 = performance.now();
  index.set({ facts, lineStarts: lineStartsOf(text), origin: 'workspace' });
  checkConsistency(index, URI);
  const t3 = performance.now();
  for (let i = 0; i < 10; i++) {
    const at = Math.floor((i / 10) * text.length);
    hover(index, URI, at);
    definition(index, URI, at);
    references(index, URI, at);
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', at);
    complete(index, URI, at, text.slice(lineStart, at), text.slice(at, lineEnd < 0 ? text.length : lineEnd));
  }
  const t4 = performance.now();
  index.remove(URI);
  return { analyze: t1 - t0, extract: t2 - t1, index: t3 - t2, features: t4 - t3, total: t4 - t0 };
}

function best(text: string, runs: number) {
  let b = once(text);
  for (let i = 1; i < runs; i++) {
    const r = once(text);
    if (r.total < b.total) b = r;
  }
  return b;
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const size = (chars: number) => (chars >= 1e6 ? `${(chars / 1e6).toFixed(2)} MB` : `${(chars / 1e3).toFixed(0)} KB`);

function row(f: Family, small: number) {
  f.build(Math.min(small, 20_000)).length && once(f.build(Math.min(small, 20_000)));
  const a = f.build(small);
  const b = f.build(small * 4);
  const ra = best(a, 2);
  const rb = best(b, small * 4 > 2_000_000 ? 1 : 2);
  const ratio = rb.total / ra.total;
  console.log(`| ${f.name} | ${size(a.length)} | ${fmt(ra.total)} | ${size(b.length)} | ${fmt(rb.total)} | ${ratio.toFixed(1)} | ${fmt(rb.analyze)} / ${fmt(rb.extract)} / ${fmt(rb.index)} / ${fmt(rb.features)} |`);
}

console.log(`Node ${process.version}; times in ms (best of two); last column: the 4N run split into analyze / extract / index+consistency / features.\n`);
console.log('| input | N | ms | 4N | ms | 4N/N | split at 4N |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
row({ name: 'single-line article, 5 MB', build: (m) => HEAD + proseLine(m) + TAIL }, 1_250_000);
for (const f of FAMILIES) row(f, n);
