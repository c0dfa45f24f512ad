/**
 * The labelled evaluation of figure links on the real corpus (2,362 scraped
 * articles, shared/corpus/README.md). Every article of the corpus folder is
 * indexed with the real core, and each pair of figures in
 * `test/eval/real-links.json` is looked up:
 *
 * - `same: true` pairs state the same measure of the same thing in two
 *   articles ("$314M" stolen from Wormhole in Threatpost, "$324 million" in
 *   ZDNet): Breach Desk should link them (hover cards, go-to-definition and
 *   the consistency check all group figures by measure);
 * - `same: false` pairs are different things that must not be linked
 *   (GoDaddy's million breached WordPress sites and another attack on
 *   1.6 million sites).
 *
 * A labelled figure names its file (relative to the corpus folder) and the
 * figure as written (`text`); `line` (1-based) tells apart a text that
 * occurs more than once. It stands for the extracted figure whose span
 * overlaps that text; when none does, the core missed the figure and the
 * pair counts as not linked. A pair is linked when the writer is told the
 * two figures are one story's: either figure is among the statements a card
 * and go-to-definition list for the other (`comparableStatements`), and they
 * are not of different events by their dates (`anotherStory`: a card lists
 * those apart, under "Other stories").
 *
 * Recall is the `same` pairs linked over all `same` pairs; false links are
 * the `different` pairs linked (the fewer the better).
 *
 * Usage: `tsx test/eval/real.ts [corpus folder] [--json]`. The corpus is not
 * part of the repository; without it the evaluation cannot run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { looksLikeArticle } from '../../server/src/core/detect';
import { extractFacts } from '../../server/src/core/extract/facts';
import type { Figure } from '../../server/src/core/extract/types';
import { anotherStory } from '../../server/src/core/check/consistency';
import { comparableStatements, sameMeasure } from '../../server/src/core/index/compare';
import { CorpusIndex, lineStartsOf, type FigureRef } from '../../server/src/core/index/corpus';
import { parse } from '../../server/src/core/syntax/parse';

export const DEFAULT_CORPUS = path.resolve(__dirname, '../../../shared/corpus');
export const TRUTH_FILE = path.join(__dirname, 'real-links.json');

/** A figure as labelled: its file relative to the corpus folder, its text as written, its line when the text recurs. */
export interface Anchor {
  file: string;
  text: string;
  line?: number;
}

export interface LabelledPair {
  a: Anchor;
  b: Anchor;
  /** Whether the two figures state the same measure of the same thing (and should be linked). */
  same: boolean;
  note: string;
}

export interface LinkTruth {
  pairs: LabelledPair[];
}

/** A labelled figure found in the index: where its text is, and the figure extracted there (none when the core missed it). */
export interface Resolved {
  anchor: Anchor;
  uri: string;
  line: number;
  figure?: { text: string; measure: string; span: { start: number; end: number } };
}

export interface PairResult {
  pair: LabelledPair;
  a: Resolved;
  b: Resolved;
  /** Either figure is among `sameMeasure` of the other: one measure key. */
  grouped: boolean;
  /** Either figure is among `comparableStatements` of the other: what hover cards and go-to-definition show. */
  shown: boolean;
  /** Shown, and within a story's time of each other: what the writer is told is one story's figure. */
  linked: boolean;
}

export interface LinkEvalResult {
  corpus: string;
  articles: number;
  /** `same` pairs, and how many of them are linked. */
  same: number;
  linkedSame: number;
  recall: number;
  /** `different` pairs, and how many of them are linked (wrongly). */
  different: number;
  falseLinks: number;
  /** Labelled figures the core extracts no figure at. */
  unextracted: Anchor[];
  pairs: PairResult[];
}

export function loadLinkTruth(file = TRUTH_FILE): LinkTruth {
  const truth = JSON.parse(fs.readFileSync(file, 'utf8')) as LinkTruth;
  if (!Array.isArray(truth.pairs)) throw new Error(`${file}: no "pairs" array`);
  truth.pairs.forEach((p, i) => {
    const where = `${path.basename(file)} pair ${i + 1}`;
    for (const side of [p.a, p.b]) {
      if (!side || typeof side.file !== 'string' || typeof side.text !== 'string' || !side.text) throw new Error(`${where}: each side needs a "file" and a "text"`);
      if (side.line !== undefined && !(Number.isInteger(side.line) && side.line > 0)) throw new Error(`${where}: "line" is 1-based`);
    }
    if (typeof p.same !== 'boolean') throw new Error(`${where}: "same" must be true or false`);
    if (typeof p.note !== 'string' || !p.note) throw new Error(`${where}: say why in "note"`);
  });
  return truth;
}

/** Every Markdown article under `dir` (one folder per outlet), by path. */
function listArticles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listArticles(p));
    else if (e.isFile() && e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

/**
 * Indexes every article of the corpus as the workspace does: files that look
 * like articles, placeholder pages titled "Unknown" left out, outlet names
 * gathered from all articles before any is extracted.
 */
export function indexCorpus(dir: string): { index: CorpusIndex; articles: number } {
  const parsed: { uri: string; text: string; article: ReturnType<typeof parse>['article'] }[] = [];
  const outlets = new Map<string, string>();
  for (const file of listArticles(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!looksLikeArticle(text)) continue;
    const { article } = parse(text);
    if (article.title?.text.trim().toLowerCase() === 'unknown') continue;
    const outlet = article.source?.value;
    if (outlet) outlets.set(outlet.toLowerCase(), outlet);
    parsed.push({ uri: pathToFileURL(file).href, text, article });
  }
  const index = new CorpusIndex();
  for (const p of parsed) index.set({ facts: extractFacts(p.uri, p.text, p.article, { outlets }), lineStarts: lineStartsOf(p.text), origin: 'workspace' });
  return { index, articles: parsed.length };
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Where the anchor's text stands in its file, on its line when given. Throws when the label is stale or ambiguous. */
function locate(anchor: Anchor, text: string): { start: number; end: number } {
  const hits: number[] = [];
  for (let i = text.indexOf(anchor.text); i >= 0; i = text.indexOf(anchor.text, i + 1)) {
    // "5 million" is not the tail of "7.5 million", nor "2m" of "12m".
    const whole = !/[\w.,$]/.test(text[i - 1] ?? ' ') && !/\w/.test(text[i + anchor.text.length] ?? ' ');
    if (whole && (anchor.line === undefined || lineOf(text, i) === anchor.line)) hits.push(i);
  }
  if (hits.length !== 1) {
    const on = anchor.line ? ` on line ${anchor.line}` : '';
    throw new Error(`real-links.json: "${anchor.text}" occurs ${hits.length} times in ${anchor.file}${on}${hits.length > 1 ? '; give its line' : ''}`);
  }
  return { start: hits[0], end: hits[0] + anchor.text.length };
}

/** The extracted figure the anchor stands for: of those overlapping its text, the one overlapping most, then the closest in length. */
function figureAt(figures: readonly Figure[], at: { start: number; end: number }): Figure | undefined {
  const overlap = (f: Figure) => Math.min(f.span.end, at.end) - Math.max(f.span.start, at.start);
  const misfit = (f: Figure) => Math.abs(f.span.end - f.span.start - (at.end - at.start));
  let best: Figure | undefined;
  for (const f of figures) {
    if (overlap(f) <= 0) continue;
    if (!best || overlap(f) > overlap(best) || (overlap(f) === overlap(best) && misfit(f) < misfit(best))) best = f;
  }
  return best;
}

function resolve(index: CorpusIndex, corpus: string, anchor: Anchor): Resolved {
  const file = path.join(corpus, anchor.file);
  if (!fs.existsSync(file)) throw new Error(`real-links.json names ${anchor.file}, which is not in ${corpus}`);
  const uri = pathToFileURL(file).href;
  const doc = index.get(uri);
  if (!doc) throw new Error(`real-links.json names ${anchor.file}, which is not indexed as an article`);
  const text = fs.readFileSync(file, 'utf8');
  const at = locate(anchor, text);
  const f = figureAt(doc.facts.figures, at);
  return { anchor, uri, line: lineOf(text, at.start), ...(f ? { figure: { text: f.text, measure: f.measure, span: f.span } } : {}) };
}

/** Whether `to` is among the statements `statements` lists for `from`. */
function reaches(index: CorpusIndex, from: Resolved, to: Resolved, statements: (index: CorpusIndex, uri: string, fig: Figure) => FigureRef[]): boolean {
  const fig = from.figure && index.get(from.uri)?.facts.figures.find((f) => f.span.start === from.figure!.span.start);
  if (!fig || !to.figure) return false;
  return statements(index, from.uri, fig).some((r) => r.uri === to.uri && r.figure.span.start === to.figure!.span.start);
}

/** Whether the two figures are of different events, as the check and the cards tell them apart (`anotherStory`). */
function apart(index: CorpusIndex, a: Resolved, b: Resolved): boolean {
  const ref = (r: Resolved) => ({ uri: r.uri, figure: index.get(r.uri)!.facts.figures.find((f) => f.span.start === r.figure!.span.start)! });
  return anotherStory(index, ref(a), ref(b));
}

export function evaluateLinks(corpusDir = DEFAULT_CORPUS, truthFile = TRUTH_FILE): LinkEvalResult {
  const truth = loadLinkTruth(truthFile);
  const { index, articles } = indexCorpus(corpusDir);
  // Every stale or ambiguous label is reported at once, not the first only.
  const problems: string[] = [];
  const resolved = truth.pairs.map((pair) => [pair.a, pair.b].map((anchor) => {
    try {
      return resolve(index, corpusDir, anchor);
    } catch (e) {
      problems.push((e as Error).message);
      return undefined;
    }
  }));
  if (problems.length) throw new Error(`${problems.length} labelled figure(s) do not resolve:\n  ${problems.join('\n  ')}`);
  const pairs: PairResult[] = truth.pairs.map((pair, i) => {
    const [a, b] = resolved[i] as [Resolved, Resolved];
    const grouped = reaches(index, a, b, sameMeasure) || reaches(index, b, a, sameMeasure);
    const shown = reaches(index, a, b, comparableStatements) || reaches(index, b, a, comparableStatements);
    return { pair, a, b, grouped, shown, linked: shown && !apart(index, a, b) };
  });
  const same = pairs.filter((p) => p.pair.same);
  const different = pairs.filter((p) => !p.pair.same);
  const linkedSame = same.filter((p) => p.linked).length;
  return {
    corpus: corpusDir,
    articles,
    same: same.length,
    linkedSame,
    recall: same.length ? linkedSame / same.length : 1,
    different: different.length,
    falseLinks: different.filter((p) => p.linked).length,
    unextracted: pairs.flatMap((p) => [p.a, p.b]).filter((r) => !r.figure).map((r) => r.anchor),
    pairs,
  };
}

/** One line per pair: whether the verdict is right, both figures with their measures, and the note. */
function describe(p: PairResult): string {
  const right = p.linked === p.pair.same;
  const side = (r: Resolved) => `${r.anchor.file}:${r.line} ${JSON.stringify(r.anchor.text)} → ${r.figure ? r.figure.measure : '(no figure extracted)'}`;
  const why = p.linked ? '' : p.shown ? ' (another story by date)' : p.grouped ? ' (one key, not shown on cards)' : '';
  const verdict = `${p.pair.same ? 'same' : 'different'}, ${p.linked ? 'linked' : 'not linked'}${why}`;
  return `${right ? '✓' : '✗'} ${verdict}\n    ${side(p.a)}\n    ${side(p.b)}\n    ${p.pair.note}`;
}

function main(argv: string[]): void {
  const corpus = path.resolve(argv.find((a) => !a.startsWith('--')) ?? DEFAULT_CORPUS);
  if (!fs.existsSync(corpus)) {
    console.error(`no corpus at ${corpus}; give the folder of the shared corpus (one sub-folder per outlet)`);
    process.exitCode = 1;
    return;
  }
  const r = evaluateLinks(corpus);
  if (argv.includes('--json')) { console.log(JSON.stringify(r, null, 2)); return; }
  for (const p of r.pairs) console.log(describe(p));
  console.log(`\nfigure links on ${r.articles} real articles, ${r.pairs.length} labelled pairs`);
  console.log(`recall ${r.recall.toFixed(2)} (${r.linkedSame}/${r.same} same pairs linked)   false links ${r.falseLinks}/${r.different} different pairs`);
  if (r.unextracted.length) console.log(`no figure extracted at: ${r.unextracted.map((x) => `${x.file} ${JSON.stringify(x.text)}`).join('; ')}`);
}

if (require.main === module) main(process.argv.slice(2));
