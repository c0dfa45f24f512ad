/**
 * The fuzzing harness shared by `test/fuzz.test.ts` (a short run in CI) and
 * `test/fuzz/long.ts` (`npm run fuzz -- COUNT`, the long run).
 *
 * Inputs are real articles (the seeds, and the shared corpus when present)
 * put through random mutations: truncation, splicing in text from another
 * article, duplicated sections, hostile Unicode (astral characters,
 * combining marks, RTL controls, NUL, lone surrogates, CR and CRLF line ends,
 * BOM), broken brackets and tags. Each mutated text goes through the whole
 * core — parser, analysis, extractors, corpus index, consistency check,
 * every feature at random positions (hover, definition, references,
 * completion, workspace symbols, the figure timeline and its code lenses),
 * quick fixes and fix-all — and the
 * property is that nothing throws and every span that comes back lies inside
 * the text it points into. Hover cards must also keep article text inert:
 * their only links are `file:`/`untitled:` links and they hold no raw HTML.
 */
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';

/** A Markdown renderer that links bare addresses, as VS Code's hovers do. */
const RENDERER = new MarkdownIt({ linkify: true });
// VS Code's hovers open `file:` links: rendered as links here too, so that every target is checked (markdown-it refuses
// them by default, and a card's link broken open by its file name went unseen).
RENDERER.validateLink = () => true;
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/core/analyze';
import { checkConsistency } from '../../server/src/core/check/consistency';
import { applyEdits, nonOverlapping } from '../../server/src/core/diagnostics';
import { looksLikeArticle } from '../../server/src/core/detect';
import { extractFacts } from '../../server/src/core/extract/facts';
import { parsePins } from '../../server/src/core/extract/pins';
import { complete } from '../../server/src/core/features/completion';
import { folds } from '../../server/src/core/features/folding';
import { hover } from '../../server/src/core/features/hover';
import { dateHints, dateHover } from '../../server/src/core/features/datecard';
import { definition, highlights, references } from '../../server/src/core/features/navigation';
import { outline } from '../../server/src/core/features/outline';
import { workspaceSymbols } from '../../server/src/core/features/symbols';
import { timelineAt, timelineLenses } from '../../server/src/core/features/timeline';
import { CorpusIndex, lineStartsOf } from '../../server/src/core/index/corpus';
import { parse } from '../../server/src/core/syntax/parse';
import { LineIndex, type Span } from '../../server/src/core/text';
import { packFacts, unpackFacts } from '../../server/src/node/packfacts';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SEED_DIR = path.join(ROOT, 'seeds');
export const CORPUS_DIR = path.resolve(ROOT, '..', 'shared', 'corpus');
/** The fixed "now" of the fuzz runs (after the corpus's last article). */
export const NOW = Date.UTC(2022, 2, 1, 12, 0, 0);

export interface Source {
  name: string;
  text: string;
}

export function seedTexts(): Source[] {
  return fs.readdirSync(SEED_DIR).filter((n) => n.endsWith('.txt')).sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(SEED_DIR, name), 'utf8') }));
}

/** Every article file of the shared corpus, sorted, or `undefined` when the corpus is absent. */
export function corpusFiles(): string[] | undefined {
  if (!fs.existsSync(CORPUS_DIR)) return undefined;
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:txt|md)$/i.test(e.name) && e.name !== 'README.md') out.push(p);
    }
  };
  walk(CORPUS_DIR);
  return out.sort();
}

/** `n` corpus articles spread evenly over the sorted file list (deterministic). */
export function corpusSample(n: number): Source[] {
  const files = corpusFiles();
  if (!files || !files.length) return [];
  const out: Source[] = [];
  const step = Math.max(1, Math.floor(files.length / n));
  for (let i = 0; i < files.length && out.length < n; i += step) {
    const text = fs.readFileSync(files[i], 'utf8');
    if (looksLikeArticle(text)) out.push({ name: path.relative(CORPUS_DIR, files[i]), text });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Hostile text

/** Pieces of text that break naive code: every one is a known trap. */
export const NASTY: string[] = [
  '\u0000', '\uFEFF', '\r', '\r\n', '\n\r', '\u2028', '\u2029', '\u0085', '\t', '\v', '\f',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDC00\uD800', // lone and reversed surrogates
  '😀', '𝕏', '👩‍👩‍👧‍👦', '🇺🇸', '\u{10FFFF}', '\u{1D11E}', // astral, ZWJ sequences, flags
  'e\u0301', '\u0301\u0301\u0301', 'Z\u0336\u0337\u0338\u0339\u033A\u033B', // combining marks
  '\u202E', '\u202D', '\u200F', '\u200E', '\u2066', '\u2069', 'العربية', 'עברית', // RTL
  '\u200B', '\u200D', '\u00A0', '\u3000', '\uFFFD', '\uFFFE', '\uFFFF',
  '[[', ']]', '[', ']', '(', ')', '](', '[x](', '<', '>', '<!--', '-->', '`', '```', '"', '“', '”', '‘', '’', "'",
  '\\', '*', '_', '#', '## ', '\n## Article:\n', '\n## Information:\n', '\n#### Tags:\n', '\n## Tags:\n', '\n+ Date: ', '\n+ Link: ',
  '\n+ Source: ', '\n+ Author: ', '\n> ', '\n- ', '\n1. ', '\n### ', '$', '%', '0', '1,000', '9'.repeat(30), '1e308', '-0', 'NaN',
  '100 million', '$3.5 billion', '1,2,3,4,5', '...', '…', 'http://', 'https://x', '<https://', 'javascript:alert(1)',
  'command:workbench.action.terminal.new', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'data:text/html,<b>x</b>',
  'constructor', '__proto__', 'prototype', 'hasOwnProperty', 'toString', 'valueOf',
  // The same names where the figure tables look words up: after a number, as a plural or possessive noun, as a hedge.
  " 7 Constructor's titles", ' three constructors', ' 40 toString records', ' five __proto__ users', ' valueOf 12 hasOwnProperty files',
  // CVE identifiers and dates, as the identifier pass, the cards and the date hints read them.
  ' CVE-2021-44228', 'cve 2021-4', 'CVE-2021-08-25', '/CVE-2021-1111/', ' Log4Shell (CVE-2021-44228)', ' On Monday, ', 'last\n> Saturday',
  ' Patch Tuesday', ' yesterday', ' Dec. 12', ' Monday.com',
];

/** A string of hostile pieces and arbitrary UTF-16 (lone surrogates included). */
export const nastyString: fc.Arbitrary<string> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('[', ']', '(', ')', '<', '>', '"', ' ', '\n', 'a', 'A', '1', ',', '.', ':', '+', '#'), maxLength: 12 }) },
  ),
  { minLength: 1, maxLength: 6 },
).map((parts) => parts.join(''));

// ---------------------------------------------------------------------------
// Mutations. Positions are fractions of the current length, so one mutation
// list applies to any text.

export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'splice'; at: number; from: number; len: number; other: number }
  | { op: 'duplicate-section'; which: number; at: number }
  | { op: 'duplicate-range'; at: number; len: number; to: number }
  | { op: 'line-ends'; style: '\r\n' | '\r' | 'mixed' }
  | { op: 'bom' }
  | { op: 'break-bracket'; at: number; kind: 'drop' | 'add' | 'swap'; char: string }
  | { op: 'break-tags'; at: number; text: string }
  | { op: 'repeat'; at: number; len: number; times: number };

const frac = fc.double({ min: 0, max: 1, noNaN: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: frac }),
  fc.record({ op: fc.constant('delete' as const), at: frac, len: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('insert' as const), at: frac, text: nastyString }),
  fc.record({ op: fc.constant('insert' as const), at: frac, text: nastyString }),
  fc.record({ op: fc.constant('splice' as const), at: frac, from: frac, len: fc.integer({ min: 1, max: 2000 }), other: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-section' as const), which: fc.nat(), at: frac }),
  fc.record({ op: fc.constant('duplicate-range' as const), at: frac, len: fc.integer({ min: 1, max: 600 }), to: frac }),
  fc.record({ op: fc.constant('line-ends' as const), style: fc.constantFrom('\r\n' as const, '\r' as const, 'mixed' as const) }),
  fc.record({ op: fc.constant('bom' as const) }),
  fc.record({ op: fc.constant('break-bracket' as const), at: frac, kind: fc.constantFrom('drop' as const, 'add' as const, 'swap' as const), char: fc.constantFrom('[', ']', '(', ')', '[[', ']]', '<', '>', '"', '“', '”') }),
  fc.record({ op: fc.constant('break-tags' as const), at: frac, text: fc.constantFrom('[[', ']]', '[[]]', '[[=]]', '[[a=]]', '[[ ]]', '[[[[x]]', '[[x]]]]', '[[\n]]', '[[T-Mobile’s,]]', '[[Threatactor=x]]') }),
  fc.record({ op: fc.constant('repeat' as const), at: frac, len: fc.integer({ min: 1, max: 40 }), times: fc.integer({ min: 2, max: 200 }) }),
);

const pos = (text: string, f: number) => Math.min(text.length, Math.floor(f * (text.length + 1)));

export function mutate(text: string, m: Mutation, others: Source[]): string {
  switch (m.op) {
    case 'truncate':
      return text.slice(0, pos(text, m.at));
    case 'delete': {
      const at = pos(text, m.at);
      return text.slice(0, at) + text.slice(at + m.len);
    }
    case 'insert': {
      const at = pos(text, m.at);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'splice': {
      const other = others.length ? others[m.other % others.length].text : text;
      const from = pos(other, m.from);
      const at = pos(text, m.at);
      return text.slice(0, at) + other.slice(from, from + m.len) + text.slice(at);
    }
    case 'duplicate-section': {
      const heads: number[] = [];
      const re = /^#{1,6}[ \t]*(?:information|article|tags?)\b.*$/gim;
      for (let h = re.exec(text); h; h = re.exec(text)) heads.push(h.index);
      if (!heads.length) return text;
      const i = m.which % heads.length;
      const section = text.slice(heads[i], i + 1 < heads.length ? heads[i + 1] : text.length);
      const at = pos(text, m.at);
      return text.slice(0, at) + section + text.slice(at);
    }
    case 'duplicate-range': {
      const at = pos(text, m.at);
      const piece = text.slice(at, at + m.len);
      const to = pos(text, m.to);
      return text.slice(0, to) + piece + text.slice(to);
    }
    case 'line-ends':
      if (m.style === 'mixed') {
        let i = 0;
        return text.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]);
      }
      return text.replace(/\n/g, m.style);
    case 'bom':
      return `\uFEFF${text}`;
    case 'break-bracket': {
      const at = pos(text, m.at);
      if (m.kind === 'add') return text.slice(0, at) + m.char + text.slice(at);
      // Drop or swap the next bracket-like character at or after `at`.
      const re = /[[\]()<>"“”]/g;
      re.lastIndex = at;
      const hit = re.exec(text) ?? /[[\]()<>"“”]/.exec(text);
      if (!hit) return text;
      const swap: Record<string, string> = { '[': ']', ']': '[', '(': ')', ')': '(', '<': '>', '>': '<', '"': '“', '“': '”', '”': '"' };
      return text.slice(0, hit.index) + (m.kind === 'swap' ? swap[hit[0]] : '') + text.slice(hit.index + 1);
    }
    case 'break-tags': {
      const tags = text.search(/^#{2,4}[ \t]*tags?/im);
      const base = tags >= 0 ? tags : 0;
      const at = base + Math.floor(m.at * (text.length - base + 1));
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'repeat': {
      const at = pos(text, m.at);
      const piece = text.slice(at, at + m.len);
      return text.slice(0, at) + piece.repeat(m.times) + text.slice(at + m.len);
    }
  }
}

export interface Case {
  base: number;
  /** A window of the base article (fractions of its length and a length), or null for all of it. */
  window: { from: number; len: number } | null;
  mutations: Mutation[];
  /** Cursor positions as fractions of the text; a few land outside it on purpose. */
  cursors: number[];
}

/**
 * Cases: a base article (whole, or a window of it when `maxWindow` is given:
 * smaller inputs, more cases per second), mutated one or more times.
 */
export function caseOf(maxMutations: number, maxWindow?: number): fc.Arbitrary<Case> {
  return fc.record({
    base: fc.nat(),
    window: maxWindow ? fc.option(fc.record({ from: frac, len: fc.integer({ min: 0, max: maxWindow }) }), { freq: 8 }) : fc.constant(null),
    mutations: fc.array(mutation, { minLength: 1, maxLength: maxMutations }),
    cursors: fc.array(fc.double({ min: -0.05, max: 1.05, noNaN: true }), { minLength: 1, maxLength: 6 }),
  });
}

export function build(c: Case, sources: Source[]): string {
  let text = sources[c.base % sources.length].text;
  if (c.window) {
    // Keep the head (title and Information) so windows still look like articles.
    const head = text.slice(0, Math.max(0, text.indexOf('## Article:')));
    const from = pos(text, c.window.from);
    text = head + text.slice(from, from + c.window.len);
  }
  for (const m of c.mutations) text = mutate(text, m, sources);
  return text;
}

// ---------------------------------------------------------------------------
// The whole core, once

/** An index that already holds the sources, as the server's would. */
export function baseIndex(sources: Source[]): CorpusIndex {
  const index = new CorpusIndex();
  sources.forEach((s, i) => {
    const a = analyze(s.text, { now: NOW });
    const outlets = new Map([...index.outlets().keys()].map((o) => [o.toLowerCase(), o]));
    index.set({ facts: extractFacts(`file:///base/${i}.txt`, s.text, a.article, { outlets }), lineStarts: lineStartsOf(s.text), origin: 'seed' });
  });
  return index;
}

function inside(s: Span, len: number, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= len,
    `${what} span ${JSON.stringify(s)} outside a text of ${len}`);
}

/** Hover Markdown keeps article text inert: only file:/untitled: links, no raw HTML, no images. */
export function assertInertMarkdown(md: string): void {
  // A link destination is the part after an unescaped `](`.
  const re = /(?<!\\)\]\(([^)\s]*)/g;
  for (let m = re.exec(md); m; m = re.exec(md)) {
    assert.match(m[1], /^(?:file|untitled):/i, `hover links to ${m[1]}: ${md}`);
  }
  // Rendered as an editor renders it, bare addresses linked too (GFM autolinks, as VS Code's hovers do):
  // every link opens an indexed article.
  for (const m of RENDERER.render(md).matchAll(/href="([^"]*)"/g)) assert.match(m[1], /^(?:file|untitled):/i, `hover renders a link to ${m[1]}: ${md}`);
  assert.ok(!/<[a-z!/?]/i.test(md), `hover holds raw HTML: ${md}`);
  assert.ok(!/(?<!\\)!\[/.test(md), `hover holds an image: ${md}`);
  // A direction override in article text would turn round the card's own words after it.
  assert.ok(!/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(md), `hover holds a direction character: ${JSON.stringify(md)}`);
  // Nor a control character (a terminal client draws an escape sequence raw).
  assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(md), `hover holds a control character: ${JSON.stringify(md)}`);
}

const URI = 'file:///fuzz/case.txt';

/** What a run reached, so a test can tell it exercised the features and did not pass vacuously. */
export interface Reached {
  diagnostics: number;
  fixes: number;
  entities: number;
  figures: number;
  hovers: number;
  definitions: number;
  references: number;
  completions: number;
}

export function reached(): Reached {
  return { diagnostics: 0, fixes: 0, entities: 0, figures: 0, hovers: 0, definitions: 0, references: 0, completions: 0 };
}

/**
 * Runs one text through everything. `cursors` are fractions of the text's
 * length (values outside 0..1 give offsets outside the text).
 */
export function exercise(index: CorpusIndex, text: string, cursors: number[], seen: Reached = reached()): void {
  const analysis = analyze(text, { now: NOW });
  const len = text.length;
  seen.diagnostics += analysis.diagnostics.length;
  for (const d of analysis.diagnostics) {
    inside(d.span, len, d.code);
    for (const f of d.fixes ?? []) for (const e of f.edits) inside(e.span, len, `${d.code} fix`);
    for (const r of d.related ?? []) if (!r.uri) inside(r.span, len, `${d.code} related`);
  }
  outline(analysis.article);
  folds(analysis.article);
  looksLikeArticle(text);
  const outlets = new Map([...index.outlets().keys()].map((o) => [o.toLowerCase(), o]));
  const facts = extractFacts(URI, text, analysis.article, { outlets, pins: [...index.pins.values()] });
  for (const s of facts.sentences) inside(s.span, len, 'sentence');
  for (const e of facts.entities) for (const m of e.mentions) inside(m.span, len, `mention of ${e.key}`);
  for (const f of facts.figures) inside(f.span, len, 'figure');
  seen.entities += facts.entities.length;
  seen.figures += facts.figures.length;
  // The cache's round trip: what is packed must come back as extracted (JSON-shaped, as the cache once kept it).
  assert.deepStrictEqual(JSON.parse(JSON.stringify(unpackFacts(packFacts(facts, text)))), JSON.parse(JSON.stringify(facts)), 'packed facts come back');
  index.set({ facts, lineStarts: lineStartsOf(text), origin: 'workspace' });
  try {
    seen.diagnostics += checkConsistency(index, URI).length;
    for (const l of timelineLenses(index, URI)) inside(l.span, len, 'code lens');
    const lines = analysis.lines;
    // Cursors land anywhere, and on each figure and mention too (the paths random offsets rarely hit).
    const offsets = cursors.map((c) => Math.floor(c * (len + 1)));
    const targets = [...facts.figures.map((f) => f.span.start), ...facts.entities.map((e) => e.mentions[0]?.span.start ?? 0)];
    for (let i = 0; i < cursors.length && targets.length; i++) offsets.push(targets[Math.floor(Math.abs(cursors[i]) * 7919) % targets.length]);
    // Date hints over the whole text, each inside it, each tooltip inert (article text never becomes markup).
    const doc = index.get(URI)!;
    for (const h of dateHints(doc, text)) {
      inside({ start: h.offset, end: h.offset }, len, 'date hint');
      assertInertMarkdown(h.tooltip);
    }
    for (const offset of offsets) {
      const d = dateHover(doc, offset, text);
      if (d) {
        inside(d.span, len, 'date card');
        assertInertMarkdown(d.markdown);
      }
      const h = hover(index, URI, offset);
      if (h) {
        seen.hovers++;
        inside(h.span, len, 'hover');
        assertInertMarkdown(h.markdown);
      }
      if (definition(index, URI, offset).length) seen.definitions++;
      timelineAt(index, URI, offset);
      if (references(index, URI, offset).length) seen.references++;
      for (const s of highlights(index, URI, offset)) inside(s, len, 'highlight');
      // Completion gets the line around the cursor, as the server cuts it.
      const at = Math.max(0, Math.min(offset, len));
      const p = lines.positionAt(at);
      const lineStart = lines.offsetAt({ line: p.line, character: 0 });
      const lineEnd = lines.lineEnd(p.line);
      if (complete(index, URI, at, text.slice(lineStart, at), text.slice(at, lineEnd)).length) seen.completions++;
      workspaceSymbols(index, text.slice(at, at + 3), 50);
    }
    // Code actions: each quick fix on its own, then fix-all, and the result analysed again.
    const preferred: { span: Span; newText: string }[] = [];
    for (const d of analysis.diagnostics) {
      for (const f of d.fixes ?? []) {
        seen.fixes++;
        applyEdits(text, f.edits);
        if (f.preferred) preferred.push(...f.edits);
      }
    }
    if (preferred.length) parse(applyEdits(text, nonOverlapping(preferred)));
  } finally {
    index.remove(URI);
  }
}

/** Positions in `LineIndex` and back never leave the text, whatever the input. */
export function exerciseLines(text: string, offsets: number[]): void {
  const lines = new LineIndex(text);
  for (const o of offsets) {
    const p = lines.positionAt(o);
    const back = lines.offsetAt(p);
    assert.ok(back >= 0 && back <= text.length);
    assert.ok(lines.offsetAt({ line: p.line + 5, character: -3 }) <= text.length);
  }
}

/** Pinned-entity files are user JSON: hostile JSON never throws. */
export function exercisePins(text: string): void {
  const r = parsePins(text);
  for (const p of r.problems) inside(p.span, text.length, 'pin problem');
}

/** RSS of a process in MB, from /proc (Linux); `undefined` elsewhere. */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The memory soak's edit to version `v` of a seed (`lines`): type " 5 million"
 * into a body line, then delete ten characters there, so every version is
 * analysed in full, consistency check included.
 */
export function soakEdit(lines: string[], v: number): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const line = 12 + (v % 20);
  const ch = Math.min(5, lines[line]?.length ?? 0);
  return v % 2 === 0
    ? { range: { start: { line, character: ch }, end: { line, character: ch } }, text: ' 5 million' }
    : { range: { start: { line, character: ch }, end: { line, character: ch + 10 } }, text: '' };
}
