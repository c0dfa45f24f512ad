/**
 * The labelled evaluation of figure consistency (`npm run eval`). The
 * articles in `test/eval/articles/` are indexed with the real core, the way
 * `breach-desk check` does it (the bundled seeds included unless
 * `--no-seeds`), every article is checked against the corpus, and the
 * `figure.conflict` warnings raised on the articles are matched against
 * `test/eval/truth.json`:
 *
 * - `conflicts` lists every figure that should be underlined (both sides of
 *   a planted disagreement are listed, as each side gets its own warning);
 * - `nonConflicts` lists figures that must not be, each labelled with the
 *   kind of trap it is (another notation, a compatible hedge, another
 *   subject, another sub-population, parts of a total, a dated revision,
 *   another party, a figure of the same article, another time).
 *
 * A truth entry names its file and the figure as written (`text`); `line`
 * (1-based) tells apart a text that occurs twice. A warning matches an entry
 * when its underlined text contains the entry's text or the other way round.
 * Precision is right warnings over all warnings raised on the articles;
 * recall is expected figures warned about over all expected figures.
 *
 * Options: `--json` prints the result as JSON; `--no-seeds` leaves the seeds
 * out; `--figures` prints every figure the core extracts from each article,
 * with its measure and date (to see why a warning was or was not raised).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { analyze } from '../../server/src/core/analyze';
import { checkConsistency } from '../../server/src/core/check/consistency';
import { applySilences } from '../../server/src/core/check/suppress';
import type { Diagnostic } from '../../server/src/core/diagnostics';
import { extractFacts } from '../../server/src/core/extract/facts';
import { CorpusIndex } from '../../server/src/core/index/corpus';

export const EVAL_DIR = __dirname;
const ROOT = path.resolve(__dirname, '..', '..');

export type Kind = 'notation' | 'hedge' | 'subject' | 'subpopulation' | 'parts' | 'revision' | 'party' | 'within-article' | 'time';
export const KINDS: Kind[] = ['notation', 'hedge', 'subject', 'subpopulation', 'parts', 'revision', 'party', 'within-article', 'time'];

export interface TruthEntry {
  file: string;
  text: string;
  line?: number;
  note?: string;
}

export interface Truth {
  conflicts: TruthEntry[];
  nonConflicts: (TruthEntry & { kind: Kind })[];
}

export interface Raised {
  file: string;
  line: number;
  text: string;
  message: string;
}

export interface EvalResult {
  articles: number;
  raised: number;
  expected: number;
  /** Warnings that match an expected conflict. */
  right: number;
  /** Expected conflicts warned about. */
  found: number;
  precision: number;
  recall: number;
  /** Per non-conflict kind: how many figures are labelled, and how many of them were warned about. */
  falseByKind: Record<Kind, { labelled: number; falseConflicts: number }>;
  /** Warnings that match no expected conflict. */
  wrong: (Raised & { kind?: Kind })[];
  /** Expected conflicts not warned about. */
  missed: TruthEntry[];
}

interface Loaded {
  file: string;
  uri: string;
  text: string;
}

/** Where `e` stands in its file: the offsets of its text, on its line when given. Throws when the truth is ambiguous or stale. */
function locate(e: TruthEntry, texts: Map<string, string>): { start: number; end: number } {
  const text = texts.get(e.file);
  if (text === undefined) throw new Error(`truth.json names ${e.file}, which is not in ${path.join(EVAL_DIR, 'articles')}`);
  const hits: number[] = [];
  for (let i = text.indexOf(e.text); i >= 0; i = text.indexOf(e.text, i + 1)) {
    // "5 million" is not the tail of "7.5 million", nor "2m" of "12m".
    const whole = !/[\w.,$]/.test(text[i - 1] ?? ' ') && !/\w/.test(text[i + e.text.length] ?? ' ');
    if (whole && (e.line === undefined || lineOf(text, i) === e.line)) hits.push(i);
  }
  if (hits.length !== 1) throw new Error(`truth.json: "${e.text}" occurs ${hits.length} times in ${e.file}${e.line ? ` on line ${e.line}` : ''}; give its line`);
  return { start: hits[0], end: hits[0] + e.text.length };
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function loadTruth(dir = EVAL_DIR): Truth {
  return JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
}

/** Indexes the articles (and the seeds) as the CLI does and returns each article's consistency diagnostics. */
export function checkArticles(dir = path.join(EVAL_DIR, 'articles'), seeds = true): { docs: Loaded[]; diagnostics: Map<string, Diagnostic[]>; index: CorpusIndex } {
  const files: { file: string; seed: boolean }[] = [];
  if (seeds) for (const f of fs.readdirSync(path.join(ROOT, 'seeds')).sort()) if (f.endsWith('.txt')) files.push({ file: path.join(ROOT, 'seeds', f), seed: true });
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.txt') || f.endsWith('.md')) files.push({ file: path.join(dir, f), seed: false });
  const index = new CorpusIndex();
  const docs: Loaded[] = [];
  const analyses = new Map<string, ReturnType<typeof analyze>>();
  for (const { file, seed } of files) {
    const text = fs.readFileSync(file, 'utf8');
    const analysis = analyze(text, { now: Date.now() });
    const uri = pathToFileURL(file).toString();
    const outlets = new Map([...index.outlets().keys()].map((x) => [x.toLowerCase(), x]));
    index.set({ facts: extractFacts(uri, text, analysis.article, { outlets }), lineStarts: analysis.lines.lineStarts, origin: seed ? 'seed' : 'workspace' });
    analyses.set(uri, analysis);
    if (!seed) docs.push({ file: path.basename(file), uri, text });
  }
  const diagnostics = new Map<string, Diagnostic[]>();
  for (const d of docs) diagnostics.set(d.file, applySilences(checkConsistency(index, d.uri), d.text, analyses.get(d.uri)!.lines));
  return { docs, diagnostics, index };
}

export function evaluate(options: { dir?: string; seeds?: boolean } = {}): EvalResult {
  const dir = options.dir ?? EVAL_DIR;
  const truth = loadTruth(dir);
  const { docs, diagnostics } = checkArticles(path.join(dir, 'articles'), options.seeds ?? true);
  const texts = new Map(docs.map((d) => [d.file, d.text]));
  const where = (e: TruthEntry) => ({ e, at: locate(e, texts) });
  const conflicts = truth.conflicts.map(where);
  const safe = truth.nonConflicts.map(where);
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

  const raised: (Raised & { span: { start: number; end: number } })[] = [];
  for (const d of docs) {
    for (const x of diagnostics.get(d.file) ?? []) {
      if (x.code !== 'figure.conflict') continue;
      raised.push({ file: d.file, line: lineOf(d.text, x.span.start), text: d.text.slice(x.span.start, x.span.end), message: x.message, span: x.span });
    }
  }
  const foundSet = new Set<TruthEntry>();
  const wrong: EvalResult['wrong'] = [];
  let right = 0;
  for (const r of raised) {
    const hit = conflicts.find((c) => c.e.file === r.file && overlaps(c.at, r.span));
    if (hit) { right++; foundSet.add(hit.e); continue; }
    const label = safe.find((c) => c.e.file === r.file && overlaps(c.at, r.span));
    wrong.push({ file: r.file, line: r.line, text: r.text, message: r.message, ...(label ? { kind: (label.e as Truth['nonConflicts'][number]).kind } : {}) });
  }
  const falseByKind = Object.fromEntries(KINDS.map((k) => [k, { labelled: 0, falseConflicts: 0 }])) as EvalResult['falseByKind'];
  for (const s of safe) {
    const kind = (s.e as Truth['nonConflicts'][number]).kind;
    if (!falseByKind[kind]) throw new Error(`truth.json: unknown kind "${kind}" (one of ${KINDS.join(', ')})`);
    falseByKind[kind].labelled++;
    if (raised.some((r) => r.file === s.e.file && overlaps(s.at, r.span))) falseByKind[kind].falseConflicts++;
  }
  const found = foundSet.size;
  return {
    articles: docs.length,
    raised: raised.length,
    expected: conflicts.length,
    right,
    found,
    precision: raised.length ? right / raised.length : 1,
    recall: conflicts.length ? found / conflicts.length : 1,
    falseByKind,
    wrong,
    missed: conflicts.filter((c) => !foundSet.has(c.e)).map((c) => c.e),
  };
}

function printFigures(seeds: boolean): void {
  const { docs, index } = checkArticles(undefined, seeds);
  for (const d of docs) {
    const facts = index.get(d.uri)!.facts;
    console.log(`\n${d.file}`);
    for (const f of facts.figures) {
      const claim = facts.claims.find((c) => c.sentence === f.sentence);
      const when = f.asOf ?? claim?.asOf;
      console.log(`  ${lineOf(d.text, f.span.start)}: ${JSON.stringify(f.text)} ${f.unit} [${f.low}, ${f.high}] ${f.measure}${when ? ` asOf ${new Date(when).toISOString().slice(0, 10)}` : ''}${claim?.attribution ? ` by ${claim.attribution.who}` : ''}`);
    }
  }
}

function main(argv: string[]): void {
  const seeds = !argv.includes('--no-seeds');
  if (argv.includes('--figures')) { printFigures(seeds); return; }
  const r = evaluate({ seeds });
  if (argv.includes('--json')) { console.log(JSON.stringify(r, null, 2)); return; }
  const pct = (x: number) => x.toFixed(2);
  console.log(`figure.conflict on ${r.articles} labelled articles: ${r.raised} raised, ${r.right} right; ${r.expected} expected, ${r.found} found`);
  console.log(`precision ${pct(r.precision)} (${r.right}/${r.raised})   recall ${pct(r.recall)} (${r.found}/${r.expected})`);
  console.log('false conflicts per non-conflict kind:');
  for (const k of KINDS) console.log(`  ${k.padEnd(15)} ${r.falseByKind[k].falseConflicts} of ${r.falseByKind[k].labelled}`);
  if (r.wrong.length) {
    console.log('raised but not expected:');
    for (const w of r.wrong) console.log(`  ${w.file}:${w.line} ${JSON.stringify(w.text)}${w.kind ? ` [${w.kind}]` : ''}: ${w.message}`);
  }
  if (r.missed.length) {
    console.log('expected but not raised:');
    for (const m of r.missed) console.log(`  ${m.file} ${JSON.stringify(m.text)}${m.note ? `: ${m.note}` : ''}`);
  }
}

if (require.main === module) main(process.argv.slice(2));
