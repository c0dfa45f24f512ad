/**
 * `breach-desk check`: the language server's analysis, headless, for CI and
 * for people without VS Code. Every article under the given paths is read
 * together with the bundled seeds, checked on its own (layout, tags) and
 * against the whole corpus (figures, duplicates, quotations), and reported
 * as compiler-style text, JSON or SARIF 2.1.0.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { analyze, type Analysis } from './core/analyze';
import { checkConsistency } from './core/check/consistency';
import { applySilences } from './core/check/suppress';
import { ALL_CODES, CODES, isCode, type Severity } from './core/codes';
import { looksLikeArticle } from './core/detect';
import { applyEdits, applySeverities, diag, type Diagnostic, type SeverityOverrides } from './core/diagnostics';
import { extractFacts } from './core/extract/facts';
import { CorpusIndex, dropShadowedSeeds } from './core/index/corpus';
import { readArticleFile, walkArticleFiles } from './node/fsutil';
import { ChunkedWriter, writeJson } from './node/jsonout';
import { parsePins } from './core/extract/pins';
import { LineIndex } from './core/text';
import pkg from '../../package.json';

const SEEDS_DIR = path.join(__dirname, '..', 'seeds');

const USAGE = `Usage: breach-desk check [paths…] [options]

Checks every article file (.txt, .md with the article layout) under the
paths (default: the current folder) together with the bundled seed articles.

Options:
  --format text|json|sarif   output format (default text)
  --no-seeds                 leave the bundled seed articles out of the corpus
  --severity CODE=LEVEL      override a code's severity (error, warning,
                             information, hint, off); may be repeated
  --max-size BYTES           skip files larger than this (default 5000000)
  --fix                      apply every safe fix, then report what remains
  --help, --version

JSON: { version, files: [{ path, diagnostics: [{ code, severity, message,
  range: { start: { line, character }, end }, related: [{ path, range,
  message }], fixes: [{ title, edits: [{ range, newText }] }] }] }], summary }
  Lines and characters are 0-based, characters in UTF-16 code units (as LSP).

Exit status: 1 when an error-level diagnostic remains, 2 for a usage error,
otherwise 0.`;

interface Options {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  seeds: boolean;
  severities: SeverityOverrides;
  maxBytes: number;
  fix: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { paths: [], format: 'text', seeds: true, severities: {}, maxBytes: 5_000_000, fix: false };
  const args = [...argv];
  if (args[0] === '--help' || args[0] === '-h') return 'help';
  if (args[0] === '--version') return 'version';
  if (args[0] !== 'check') throw new UsageError(args[0] ? `Unknown command "${args[0]}".` : 'Missing command.');
  args.shift();
  while (args.length) {
    const a = args.shift()!;
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0 && name !== '--severity') return a.slice(eq + 1);
      const v = args.shift();
      if (v === undefined) throw new UsageError(`${name} needs a value.`);
      return v;
    };
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--version') return 'version';
    if (a === '--no-seeds') o.seeds = false;
    else if (a === '--fix') o.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}".`);
      o.format = f;
    } else if (a === '--max-size' || a.startsWith('--max-size=')) {
      const n = Number(value('--max-size'));
      if (!Number.isFinite(n) || n <= 0) throw new UsageError('--max-size takes a positive number of bytes.');
      o.maxBytes = n;
    } else if (a === '--severity') {
      const v = value('--severity');
      const [code, level] = v.split('=');
      if (!isCode(code)) throw new UsageError(`"${code}" is not a Breach Desk code (see --help and README).`);
      if (!['error', 'warning', 'information', 'hint', 'off'].includes(level)) throw new UsageError(`Severity for ${code} must be error, warning, information, hint or off, not "${level}".`);
      o.severities[code] = level as Severity | 'off';
    } else if (a.startsWith('-')) throw new UsageError(`Unknown option "${a}".`);
    else o.paths.push(a);
  }
  if (!o.paths.length) o.paths.push('.');
  return o;
}

interface FileResult {
  file: string;
  seed: boolean;
  /** For `.breachdesk/entities.json`, whose problems have positions but no analysis. */
  pinsLines?: LineIndex;
  /** The article's text and analysis, dropped once it is checked: a large corpus is not held twice. */
  text?: string;
  analysis?: Analysis;
  /** Lines of an article that was read, for positions in the report. */
  lines?: LineIndex;
  diagnostics: Diagnostic[];
}

function rel(file: string): string {
  const r = path.relative(process.cwd(), file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : file;
}

async function collect(o: Options): Promise<{ results: FileResult[]; notArticles: number }> {
  const roots = o.paths.map((p) => path.resolve(p));
  for (const r of roots) if (!fs.existsSync(r)) throw new UsageError(`No such file or folder: ${r}`);
  const files = new Map<string, boolean>();
  const real = (f: string) => { try { return fs.realpathSync(f); } catch { return f; } };
  if (o.seeds) for (const f of await walkArticleFiles([SEEDS_DIR])) files.set(real(f), true);
  for (const f of await walkArticleFiles(roots)) if (!files.has(real(f))) files.set(real(f), false);
  const list = [...files.entries()];
  const results: FileResult[] = [];
  let notArticles = 0;
  const progress = list.length > 200;
  const tty = process.stderr.isTTY;
  const BATCH = 16;
  for (let i = 0; i < list.length; i += BATCH) {
    const batch = list.slice(i, i + BATCH);
    const read = await Promise.all(batch.map(([f]) => readArticleFile(f, { maxBytes: o.maxBytes })));
    batch.forEach(([file, seed], j) => {
      const r = read[j];
      if (!r.ok) {
        results.push({ file, seed, diagnostics: [diag(r.code, { start: 0, end: 0 }, `Skipped: ${r.message}.`)] });
        return;
      }
      if (!looksLikeArticle(r.text)) { notArticles++; return; }
      const analysis = analyze(r.text, { now: Date.now(), severities: o.severities });
      results.push({ file, seed, text: r.text, analysis, lines: analysis.lines, diagnostics: analysis.diagnostics });
    });
    const done = Math.min(i + BATCH, list.length);
    if (progress && (tty ? true : done % 496 < BATCH || done === list.length)) {
      process.stderr.write(tty ? `\rchecking ${done}/${list.length} files` : `checked ${done}/${list.length} files\n`);
    }
  }
  if (progress && tty) process.stderr.write('\n');
  return { results, notArticles };
}

/** Corpus-wide checks: every analysed file goes into one index, then each is compared with the rest. */
function corpusChecks(results: FileResult[], o: Options): void {
  const index = new CorpusIndex();
  const pinsFile = path.resolve('.breachdesk', 'entities.json');
  if (fs.existsSync(pinsFile)) {
    const text = fs.readFileSync(pinsFile, 'utf8');
    const { pins, problems } = parsePins(text);
    for (const p of pins) if (!index.pins.has(p.key)) index.pins.set(p.key, p);
    if (problems.length) {
      const lines = new LineIndex(text);
      results.push({ file: pinsFile, seed: false, diagnostics: problems.map((p) => diag('config.invalid', p.span, p.message)), pinsLines: lines });
    }
  }
  const uriOf = new Map<string, FileResult>();
  for (const r of results) {
    if (!r.analysis || !r.text) continue;
    if (r.analysis.article.title?.text.trim().toLowerCase() === 'unknown') continue;
    const uri = pathToFileURL(r.file).toString();
    uriOf.set(uri, r);
    const outlets = new Map([...index.outlets().keys()].map((x) => [x.toLowerCase(), x]));
    index.set({ facts: extractFacts(uri, r.text, r.analysis.article, { outlets, pins: [...index.pins.values()] }), lineStarts: r.analysis.lines.lineStarts, origin: r.seed ? 'seed' : 'workspace' });
    // Its facts are in the index now; the syntax tree is no longer needed.
    r.analysis = undefined;
  }
  // A bundled seed that the checked folders hold a copy of steps aside: no duplicate warning, no doubled facts.
  for (const uri of dropShadowedSeeds(index)) {
    const r = uriOf.get(uri);
    uriOf.delete(uri);
    if (r) results.splice(results.indexOf(r), 1);
  }
  for (const [uri, r] of uriOf) {
    const extra = applySeverities(applySilences(checkConsistency(index, uri), r.text!, r.lines!), o.severities);
    r.text = undefined;
    r.diagnostics = [...r.diagnostics, ...extra.map((d) => ({ ...d, related: d.related?.map((x) => ({ ...x, uri: x.uri ?? uri })) }))].sort((a, b) => a.span.start - b.span.start);
  }
  relatedIndex = index;
}

let relatedIndex: CorpusIndex | undefined;

function fileOfUri(uri: string): string {
  return decodeURIComponent(new URL(uri).pathname);
}

/** A related location: its file and 0-based range. */
function relatedRange(uri: string, span: { start: number; end: number }) {
  return relatedIndex?.range(uri, span);
}

function applyFixes(results: FileResult[], o: Options): void {
  for (const r of results) {
    if (!r.text || !r.analysis) continue;
    const edits = r.diagnostics.flatMap((d) => d.fixes?.filter((f) => f.preferred).flatMap((f) => f.edits) ?? []);
    if (!edits.length) continue;
    if (r.seed) {
      process.stderr.write(`note: not fixing the bundled seed ${rel(r.file)} (read-only sample data)\n`);
      continue;
    }
    // Overlapping fixes (two neighbouring tags removed) wait for the next pass.
    let text = r.text;
    let analysis = r.analysis;
    for (let pass = 0; pass < 5; pass++) {
      const safe = analysis.diagnostics.flatMap((d) => d.fixes?.filter((f) => f.preferred).flatMap((f) => f.edits) ?? []);
      const next = applyEdits(text, safe);
      if (next === text) break;
      text = next;
      analysis = analyze(text, { now: Date.now(), severities: o.severities });
    }
    if (text === r.text) continue;
    fs.writeFileSync(r.file, text);
    r.text = text;
    r.analysis = analysis;
    r.lines = analysis.lines;
    r.diagnostics = analysis.diagnostics;
  }
}

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function summary(results: FileResult[], notArticles: number) {
  const count = (s: Severity) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  const articles = results.filter((r) => !r.pinsLines);
  const skipped = articles.filter((r) => !r.lines).length;
  return { files: articles.length, skipped, notArticles, errors: count('error'), warnings: count('warning'), notes: count('information') + count('hint') };
}

function positions(r: FileResult, d: Diagnostic) {
  if (r.pinsLines) return r.pinsLines.range(d.span);
  return r.lines ? r.lines.range(d.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function printText(results: FileResult[], notArticles: number): void {
  const colour = process.stdout.isTTY && !process.env.NO_COLOR;
  const paint = (s: string, code: number) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  const out = new ChunkedWriter((chunk) => process.stdout.write(chunk));
  const lines = { push: (line: string) => out.write(`${line}\n`) };
  for (const r of results) {
    for (const d of r.diagnostics) {
      const p = positions(r, d).start;
      const sev = d.severity === 'error' ? paint('error', 31) : d.severity === 'warning' ? paint('warning', 33) : paint(d.severity, 36);
      lines.push(`${rel(r.file)}:${p.line + 1}:${p.character + 1}: ${sev} ${d.code} ${d.message}`);
      for (const x of d.related ?? []) {
        const u = x.uri ?? pathToFileURL(r.file).toString();
        const rr = relatedRange(u, x.span) ?? r.lines?.range(x.span);
        if (rr) lines.push(`    ${rel(fileOfUri(u))}:${rr.start.line + 1}:${rr.start.character + 1}: note: ${x.message}`);
      }
    }
  }
  const s = summary(results, notArticles);
  lines.push(`${s.files} file${s.files === 1 ? '' : 's'} checked (${s.skipped} skipped, ${s.notArticles} not articles): ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.notes} note${s.notes === 1 ? '' : 's'}`);
  out.flush();
}

function jsonReport(results: FileResult[], notArticles: number) {
  return {
    version: pkg.version,
    // Made one at a time as the report is written (see `writeJson`).
    files: mapLazily(results, (r) => ({
      path: rel(r.file),
      diagnostics: r.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        range: positions(r, d),
        related: (d.related ?? []).flatMap((x) => {
          const u = x.uri ?? pathToFileURL(r.file).toString();
          const range = relatedRange(u, x.span) ?? r.lines?.range(x.span);
          return range ? [{ path: rel(fileOfUri(u)), range, message: x.message }] : [];
        }),
        fixes: (d.fixes ?? []).map((f) => ({ title: f.title, edits: f.edits.map((e) => ({ range: r.lines!.range(e.span), newText: e.newText })) })),
      })),
    })),
    summary: summary(results, notArticles),
  };
}

function sarifUri(file: string): { uri: string; uriBaseId?: string } {
  const r = path.relative(process.cwd(), file);
  if (r && !r.startsWith('..') && !path.isAbsolute(r)) return { uri: r.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(file).toString() };
}

function region(range: { start: { line: number; character: number }; end: { line: number; character: number } }) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** `items.map(f)`, made one at a time while it is read. */
function* mapLazily<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

function sarifReport(results: FileResult[]) {
  const ruleIndex = new Map(ALL_CODES.map((c, i) => [c, i]));
  const notifications: unknown[] = [];
  const location = (r: FileResult, d: Diagnostic) => ({ physicalLocation: { artifactLocation: sarifUri(r.file), region: region(positions(r, d)) } });
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.code.startsWith('file.')) notifications.push({ level: LEVEL[d.severity], message: { text: `${rel(r.file)}: ${d.message}` }, locations: [location(r, d)] });
    }
  }
  // Results are made one at a time as the report is written (see `writeJson`).
  function* sarifResults(): Generator<unknown> {
    for (const r of results) {
      for (const d of r.diagnostics) {
        const loc = location(r, d);
        const result: Record<string, unknown> = {
          ruleId: d.code,
          ruleIndex: ruleIndex.get(d.code),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [loc],
        };
        const related = (d.related ?? []).flatMap((x, i) => {
          const u = x.uri ?? pathToFileURL(r.file).toString();
          const range = relatedRange(u, x.span) ?? r.lines?.range(x.span);
          return range ? [{ id: i + 1, physicalLocation: { artifactLocation: sarifUri(fileOfUri(u)), region: region(range) }, message: { text: x.message } }] : [];
        });
        if (related.length) result.relatedLocations = related;
        if (d.fixes?.length && r.lines) {
          result.fixes = d.fixes.map((f) => ({
            description: { text: f.title },
            artifactChanges: [{
              artifactLocation: sarifUri(r.file),
              replacements: f.edits.map((e) => ({ deletedRegion: region(r.lines!.range(e.span)), insertedContent: { text: e.newText } })),
            }],
          }));
        }
        yield result;
      }
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Breach Desk',
          version: pkg.version,
          rules: ALL_CODES.map((c) => ({ id: c, shortDescription: { text: CODES[c].summary }, defaultConfiguration: { level: LEVEL[CODES[c].severity] } })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(process.cwd()).toString()}/` } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      results: sarifResults(),
    }],
  };
}

export async function main(argv: string[]): Promise<number> {
  let o: Options | 'help' | 'version';
  try {
    o = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`breach-desk: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (o === 'help') { process.stdout.write(`${USAGE}\n`); return 0; }
  if (o === 'version') { process.stdout.write(`${pkg.version}\n`); return 0; }
  let collected;
  try {
    collected = await collect(o);
  } catch (err) {
    if (err instanceof UsageError) { process.stderr.write(`breach-desk: ${err.message}\n`); return 2; }
    throw err;
  }
  const { results, notArticles } = collected;
  if (o.fix) applyFixes(results, o);
  corpusChecks(results, o);
  if (o.format === 'text') printText(results, notArticles);
  else {
    // Written in pieces: a large corpus's report is longer than a string may be.
    const out = new ChunkedWriter((chunk) => process.stdout.write(chunk));
    writeJson(out, o.format === 'json' ? jsonReport(results, notArticles) : sarifReport(results));
    out.write('\n');
    out.flush();
  }
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
    process.stderr.write(`breach-desk: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 3;
  });
}
