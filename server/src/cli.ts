/**
 * `breach-desk check`: the language server's analysis, headless, for CI and
 * for people without VS Code. Every article under the given paths is read
 * together with the bundled seeds, checked on its own (layout, tags) and
 * against the whole corpus (figures, duplicates, quotations), and reported
 * as compiler-style text, JSON or SARIF 2.1.0. `breach-desk show` prints the
 * hover card of a name, or of the name or figure at a place in an article,
 * from the same index.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { fileURLToPath, pathToFileURL } from 'url';
import { analyze, type Analysis } from './core/analyze';
import { checkConsistency } from './core/check/consistency';
import { applySilences } from './core/check/suppress';
import { ALL_CODES, CODES, isCode, type Code, type Severity } from './core/codes';
import { isArticleFile, isPlaceholder } from './core/detect';
import { applyEdits, applySeverities, diag, type Diagnostic, type SeverityOverrides } from './core/diagnostics';
import { extractFacts } from './core/extract/facts';
import { hover, linkCardFor } from './core/features/hover';
import { dateHover } from './core/features/datecard';
import { BIDI_RE, plainText } from './core/features/markdown';
import { workspaceSymbols } from './core/features/symbols';
import { CorpusIndex, dropShadowedSeeds } from './core/index/corpus';
import type { DocFacts } from './core/extract/types';
import { AnalystPool, ANALYSTS_FROM, analystScript, analystsFor, type Checked } from './node/analyst';
import { DEFAULT_MAX_BYTES, isLink, readArticleFile, readArticleFileSync, readConfigFile, sourcesOf, walkArticleFiles, whyUnreadable, type ReadResult, type WalkProblem } from './node/fsutil';
import { unpackFacts } from './node/packfacts';
import { exclusion, patternProblem, relativePath } from './node/exclude';
import { ChunkedWriter, OutputFailed, ReaderGone, writeAllSync, writeJson } from './node/jsonout';
import { depthProblem, readPins } from './core/extract/pins';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { readSettings } from './lsp/settings';
import { LineIndex } from './core/text';
import pkg from '../../package.json';

const SEEDS_DIR = path.join(__dirname, '..', 'seeds');

const USAGE = `Usage: breach-desk check [paths…] [options] [--] [paths…]
       breach-desk show NAME|FILE:LINE[:COLUMN] [paths…] [options]

Checks every article file (.txt, .md, .markdown with the article layout;
.article always) under the paths (default: the current folder); hidden folders and
node_modules are not walked, unless named as a path; a symbolic link met in a
folder is followed only to a place inside the paths (others are skipped and
said), and --fix writes through none. The bundled seed
articles are part of the corpus the articles are checked against; their own
problems are reported only when the paths name them. Pinned entities are read
from .breachdesk/entities.json in the current folder.

Options:
  --format text|json|sarif   output format (default text)
  --no-seeds                 leave the bundled seed articles out of the corpus
  --corpus DIR               learn from the articles under DIR too, as from
                             the seeds (not reported); may be repeated
  --severity CODE=LEVEL      override a code's severity (error, warning,
                             information, hint, off); may be repeated; the
                             codes are listed in README ("Diagnostic codes")
  --max-size BYTES           skip files larger than this (default 5000000)
  --exclude GLOB             leave out the files under the folders given whose
                             path inside the folder matches, with "/"
                             (drafts/**, **/*.draft.txt; a folder matched
                             leaves out all in it); may be repeated; quote it
                             so the shell does not expand it. A file named as
                             a path is always checked
  --no-editor-settings       do not read breachDesk.severity, .exclude,
                             .maxFileSize and .corpus from .vscode/settings.json in the
                             current folder (read by default, so that CI
                             checks as the editor does; options given here
                             come on top; its corpus folders only inside
                             the current folder: --corpus for others)
  --fix                      apply every safe fix, say which files changed
                             (on stderr), then report what remains
  --threads N                threads that read and analyse the files besides
                             the main one (default: as many as pay on this
                             machine's cores, as for the editor's first
                             index: none below 200 files, nor on two cores
                             below some 3,500; 0: none; --fix uses none)
  --help, --version

An option that takes one value (--format, --max-size, --threads; --severity
for each code) given twice must be given the same value: two values are a
usage error, not a choice for the last.

Text: path:line:column: error|warning|note: message [code], columns counted
  in UTF-16 code units from 1 (as VS Code counts them).

JSON: { version, files: [{ path, diagnostics: [{ code, severity, message,
  range: { start: { line, character }, end }, related: [{ path, range,
  message }], fixes: [{ title, preferred, edits: [{ range, newText }] }] }] }],
  summary }. Lines and characters are 0-based, characters in UTF-16 code
  units (as LSP); \`preferred\` fixes are the ones --fix applies.

Exit status: 0 when no error-level diagnostic remains, 1 when one does, 2 for
a usage error, a path that does not exist or nothing to check (no article file,
or every one skipped), 3 for an internal error or a report that cannot be
written (a full disk). A reader that stops early (| head) cuts the report, not
the check: the files not written are checked all the same, and the exit status
is the one the whole report would have given.

show: what the corpus (the articles under the paths, with the seeds) knows of
a name, or of the name or figure at a place in an article, as the editor's
hover card shows it: who or what it is, its other names, how many articles
name it and the facts they state, each citing outlet, date and path:line; for
a figure, every other statement of its measure and whether it agrees. A place
is path:line:column as check reports it (without a column, the first name or
figure on the line); the file is read with the rest. --format text (default)
or json ({ target, markdown, text }); --no-seeds, --corpus, --exclude,
--max-size, --threads and --no-editor-settings as for check. Exit status 0
when there is a card, 1 when the corpus knows no such name or there is no name
or figure at that place (the nearest names are said), 2 for a usage error.`;

interface Options {
  command: 'check' | 'show';
  /** `show`'s name, or place in an article (`FILE:LINE[:COLUMN]`). */
  target?: string;
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  seeds: boolean;
  severities: SeverityOverrides;
  maxBytes: number;
  fix: boolean;
  /** Glob patterns of files under the folders given to leave out (`node/exclude.ts`). */
  exclude: string[];
  /** More folders to learn from, not reported (`--corpus`, the editor's `breachDesk.corpus`). */
  corpus: string[];
  /** Whether `.vscode/settings.json` of the current folder is read (`editorSettings`). */
  editorSettings: boolean;
  /** Whether `--max-size` was given (it wins over the editor's `breachDesk.maxFileSize`). */
  maxBytesGiven: boolean;
  /** `--threads`: analyst threads besides the main one; undefined for as many as pay (`analystsFor`). */
  threads?: number;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { command: 'check', paths: [], format: 'text', seeds: true, severities: {}, maxBytes: DEFAULT_MAX_BYTES, fix: false, exclude: [], corpus: [], editorSettings: true, maxBytesGiven: false };
  const args = [...argv];
  // The single-valued options given so far, with the value each was given (as typed, and as read).
  const given = new Map<string, { shown: string; key: string }>();
  /**
   * A single-valued option given again: the same value is no contradiction ("--max-size 1000 --max-size=1000"), another
   * is a mistake in a script (a default and an override both left in), not a choice for the last one to win.
   */
  const once = (name: string, shown: string, key: string, why = 'give it once') => {
    const before = given.get(name);
    if (before && before.key !== key) throw new UsageError(`${name} is given twice (${before.shown} and ${shown}); ${why}.`);
    given.set(name, { shown, key });
  };
  if (args[0] === '--help' || args[0] === '-h') return 'help';
  if (args[0] === '--version') return 'version';
  flagWithValue(args[0] ?? '');
  if (args[0] !== 'check' && args[0] !== 'show') throw new UsageError(args[0] ? `Unknown command "${args[0]}".` : 'Missing command.');
  o.command = args.shift() as Options['command'];
  while (args.length) {
    const a = args.shift()!;
    const value = (name: string) => {
      // "--format=json": the value follows the first "=" ("--severity=tags.punctuation=off" too).
      if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
      const v = args.shift();
      if (v === undefined) throw new UsageError(`${name} needs a value.`);
      return v;
    };
    // Everything after "--" is a path, even one that starts with "-".
    if (a === '--') { o.paths.push(...args.splice(0)); break; }
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--version') return 'version';
    if (a === '--no-seeds') o.seeds = false;
    else if (a === '--no-editor-settings') o.editorSettings = false;
    else if (a === '--fix') o.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}".`);
      once('--format', f, f, 'a run writes one report');
      o.format = f;
    } else if (a === '--max-size' || a.startsWith('--max-size=')) {
      const v = value('--max-size');
      if (!/^[0-9]+$/.test(v) || Number(v) <= 0) throw new UsageError(`--max-size takes a whole, positive number of bytes, not "${v}".`);
      once('--max-size', v, String(Number(v)), 'a run has one size limit');
      o.maxBytes = Number(v);
      o.maxBytesGiven = true;
    } else if (a === '--threads' || a.startsWith('--threads=')) {
      const v = value('--threads');
      if (!/^[0-9]+$/.test(v) || Number(v) > 64) throw new UsageError(`--threads takes a whole number from 0 to 64, not "${v}".`);
      once('--threads', v, String(Number(v)));
      o.threads = Number(v);
    } else if (a === '--corpus' || a.startsWith('--corpus=')) {
      o.corpus.push(value('--corpus'));
    } else if (a === '--exclude' || a.startsWith('--exclude=')) {
      const v = value('--exclude');
      const problem = patternProblem(v);
      if (problem) throw new UsageError(`--exclude "${printable(v)}" ${problem}.`);
      o.exclude.push(v);
    } else if (a === '--severity' || a.startsWith('--severity=')) {
      const v = value('--severity');
      const eq = v.indexOf('=');
      if (eq < 0) throw new UsageError(`--severity takes CODE=LEVEL (for example tags.stop-word=off), not "${v}".`);
      const code = v.slice(0, eq);
      const level = v.slice(eq + 1);
      if (!isCode(code)) throw new UsageError(`"${code}" is not a Breach Desk code (the codes are listed in README, "Diagnostic codes").`);
      if (!['error', 'warning', 'information', 'hint', 'off'].includes(level)) throw new UsageError(`Severity for ${code} must be error, warning, information, hint or off, not "${level}".`);
      // Repeatable, one code at a time: each code's severity is single-valued.
      once(`--severity ${code}`, level, level, `give ${code} one severity`);
      o.severities[code] = level as Severity | 'off';
    } else if (a.startsWith('-')) {
      flagWithValue(a);
      const near = nearestOption(a.replace(/=.*$/s, ''));
      throw new UsageError(`Unknown option "${a}".${near ? ` Did you mean ${near}?` : ''}`);
    }
    else if (o.command === 'show' && o.target === undefined) o.target = a;
    else o.paths.push(a);
  }
  if (o.command === 'show') {
    if (o.target === undefined || !o.target.trim()) throw new UsageError('show needs a name, or a place in an article (path:line:column).');
    if (o.fix) throw new UsageError('--fix is for check; show changes no file.');
    if (o.format === 'sarif') throw new UsageError('show writes text or json; SARIF is a report of problems (check).');
  }
  // "" is no path: an unset variable in a script ("check $DIR") would check the current folder instead of failing.
  if (o.paths.includes('') || o.corpus.includes('')) {
    throw new UsageError(`An empty path was given${o.corpus.includes('') ? ' to --corpus' : ''} (an unset variable in a script?); name a file or folder, "." for the current one.`);
  }
  if (!o.paths.length) o.paths.push('.');
  return o;
}

const OPTIONS = ['--format', '--fix', '--no-seeds', '--corpus', '--no-editor-settings', '--max-size', '--severity', '--exclude', '--threads', '--help', '--version'];

/** The options that take no value: "--no-seeds=true" is one of them given a value, not an unknown option. */
const FLAGS = ['--fix', '--no-seeds', '--no-editor-settings', '--help', '--version'];

/** Throws the usage error for a flag given a value ("--fix=no"), which would otherwise be "unknown". */
function flagWithValue(a: string): void {
  const eq = a.indexOf('=');
  const name = a.slice(0, eq);
  if (eq > 0 && FLAGS.includes(name)) throw new UsageError(`${name} takes no value, not "${printable(a.slice(name.length + 1))}"; give ${name} alone, or leave it out.`);
}

/** The option one or two typing slips away from `a` ("--no-seed", "--formt"), if one is. */
function nearestOption(a: string): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const o of OPTIONS) {
    const d = editDistance(a, o);
    if (d < bestD) [best, bestD] = [o, d];
  }
  return best;
}

/** Levenshtein distance, for short option names. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

interface FileResult {
  /** The path as the walk found it (a symbolic link is reported as the link). */
  file: string;
  /** A bundled seed, or an article of a `--corpus` folder, the paths do not name: corpus knowledge only, never reported, counted or fixed. */
  seed: boolean;
  /** Set for an article of a `--corpus` folder (indexed as the editor indexes `breachDesk.corpus`). */
  corpus?: boolean;
  /** For `.breachdesk/entities.json`, whose problems have positions but no analysis. */
  pinsLines?: LineIndex;
  /** The article's text, dropped once it is checked. */
  text?: string;
  /** Whether the file began with a UTF-8 byte order mark (`--fix` writes it back). */
  bom?: boolean;
  /** Checked against the corpus, and counted (`finish`). */
  finished?: boolean;
  /** Lines of an article that was read, for positions in the report. */
  lines?: LineIndex;
  diagnostics: Diagnostic[];
}

/** A file's name as the terminal shows it: `shownPath`, printable. */
function rel(file: string): string {
  return printable(shownPath(file));
}

/**
 * A file's name as the reports give it: relative to the working folder when inside it (`..draft.txt` is), else
 * absolute; as it is, for JSON, which escapes what a terminal must not see.
 */
function shownPath(file: string): string {
  const r = relativePath(process.cwd(), file);
  return r ? r.split('/').join(path.sep) : file;
}

/**
 * Text for a terminal: article text, file names and the settings file are untrusted, and an escape sequence in them
 * would clear the screen, move the cursor over earlier warnings or set the window's title; a direction character
 * ("evil\u202E.txt") would turn the rest of the line round. Control characters (tab aside) and direction characters
 * are shown as "?". Every message that quotes a setting, a path or article text goes through this.
 */
function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '?').replace(BIDI_RE, '?');
}

/**
 * Everything a check run holds: the results in file order, and the corpus index their facts went into. Each article
 * is read, checked on its own, fixed (with `--fix`) and its facts indexed in one go, so no syntax tree outlives its
 * file; checks against the corpus run as the report is written (`finish`), so no diagnostics outlive their file's
 * part of it. A corpus of fifty thousand articles holding both ran out of memory.
 */
interface Run {
  results: FileResult[];
  notArticles: number;
  /** Files `--fix` rewrote. */
  fixedFiles: number;
  index: CorpusIndex;
  /** Every outlet of the run, learnt from each file's head before any is analysed (`sourcesOf`): a report does not depend on the order of files. */
  outlets: ReadonlyMap<string, string>;
  // (Read before `--fix`: a Source that a fix makes of a misspelt field, "+ Sorce:", is known from the next run.)
  uriOf: Map<FileResult, string>;
  /** Diagnostics of each severity, counted as files are finished. */
  counts: Record<Severity, number>;
  o: Options;
}

/** A problem of a file as a whole (it could not be read, or written), at its start, with the user's severity for its code. */
function fileProblem(o: Options, code: Code, message: string): Diagnostic[] {
  return applySeverities([diag(code, { start: 0, end: 0 }, message)], o.severities);
}

async function collect(o: Options): Promise<Run> {
  const roots = o.paths.map((p) => path.resolve(p));
  for (const r of roots) {
    let there = true;
    try { fs.lstatSync(r); } catch { there = false; }
    if (!there) throw new UsageError(`No such file or folder: ${printable(r)}`);
  }
  // Files by their real path (one file reached by two paths is read once), with the path the walk found.
  const files = new Map<string, { file: string; seed: boolean; corpus?: boolean }>();
  const real = (f: string) => { try { return fs.realpathSync(f); } catch { return f; } };
  const unread: WalkProblem[] = [];
  // Files reached through a link (to a place inside the paths: the walk follows no other). One reached both so and
  // under its own name is checked under its own name, which `--fix` may write (it writes through no link).
  const linked = new Set<string>();
  // --exclude applies inside each folder given; a file named as a path is checked whatever the patterns say.
  for (const f of await walkArticleFiles(roots, linked, unread, exclusion(o.exclude))) {
    const key = real(f);
    const had = files.get(key);
    if (!had || (linked.has(had.file) && !linked.has(f))) files.set(key, { file: f, seed: false });
  }
  const named = files.size;
  // More folders to learn from (a missing one is said, not fatal: the editor's setting may name one only some machines have).
  const corpusDirs = o.corpus.map((d) => path.resolve(d)).filter((d) => {
    const there = fs.existsSync(d);
    if (!there) process.stderr.write(`breach-desk: corpus folder ${printable(d)} does not exist; not read.\n`);
    return there;
  });
  const corpusUnread: WalkProblem[] = [];
  if (corpusDirs.length) for (const f of await walkArticleFiles(corpusDirs, undefined, corpusUnread, exclusion(o.exclude))) if (!files.has(real(f))) files.set(real(f), { file: f, seed: true, corpus: true });
  // Corpus folders are not reported on, but what was left out of them is said.
  for (const u of corpusUnread) process.stderr.write(`breach-desk: corpus folder: ${rel(u.path)}: ${printable(u.message)}\n`);
  if (o.seeds) for (const f of await walkArticleFiles([SEEDS_DIR])) if (!files.has(real(f))) files.set(real(f), { file: f, seed: true });
  const list = [...files.values()];
  const run: Run = { results: [], notArticles: 0, fixedFiles: 0, index: new CorpusIndex(), outlets: sourcesOf(list.map((f) => f.file), o.maxBytes), uriOf: new Map(), counts: { error: 0, warning: 0, information: 0, hint: 0 }, o };
  for (const u of unread) run.results.push({ file: u.path, seed: false, diagnostics: fileProblem(o, 'file.unreadable', u.message) });
  const pinsResult = loadPins(run);
  const progress = named > 200;
  const tty = process.stderr.isTTY;
  const BATCH = 16;
  // One clock for the run: "a date in the future" means the same for every file, on any thread.
  const now = Date.now();
  let done = 0;
  type Item = (typeof list)[number];
  const skip = ({ file, seed }: Item, code: Code, message: string) => {
    if (!seed) run.results.push({ file, seed, diagnostics: fileProblem(o, code, `Skipped: ${message}.`) });
  };
  const notArticle = ({ file, seed }: Item) => {
    if (seed) return;
    run.notArticles++;
    // A file named on the command line that is no article is worth a word; one met in a folder is not.
    if (roots.includes(path.resolve(file))) process.stderr.write(`breach-desk: ${rel(file)} is not an article (no \`## Information:\` or \`## Article:\` section); not checked.\n`);
  };
  /** A file read here: checked on its own, then indexed. */
  const takeRead = (item: Item, r: ReadResult) => {
    const { file, seed, corpus } = item;
    if (!r.ok) return skip(item, r.code, r.message);
    if (!isArticleFile(file, r.text)) return notArticle(item);
    const analysis = analyze(r.text, { now, severities: o.severities });
    const result: FileResult = { file, seed, corpus, text: r.text, bom: r.bom, lines: analysis.lines, diagnostics: analysis.diagnostics };
    if (!seed) run.results.push(result);
    index(run, result, o.fix && !seed ? fixed(run, result, analysis, o) : analysis);
  };
  /** The same, done on an analyst thread (`checkRead`); one that failed there is done again here. */
  const takeChecked = (item: Item, out: Checked) => {
    const { file, seed, corpus } = item;
    if (out.kind === 'failed') return takeRead(item, readArticleFileSync(file, { maxBytes: o.maxBytes }));
    if (out.kind === 'unread') return skip(item, out.code, out.message);
    if (out.kind === 'not-article') return notArticle(item);
    const facts = out.facts && unpackFacts(out.facts, out.text);
    const result: FileResult = { file, seed, corpus, text: out.text, bom: out.bom, lines: new LineIndex(out.text), diagnostics: out.diagnostics };
    if (!seed) run.results.push(result);
    if (facts) indexFacts(run, result, facts);
  };
  // The count last said: seeds and corpus files come after the named ones and are not counted, so a batch of them
  // ends on the count already said.
  let said = -1;
  const took = (i: number) => {
    if (!list[i].seed) done++;
    if (!progress || done === said || ((i + 1) % BATCH !== 0 && i !== list.length - 1) || !(tty || done % 496 < BATCH || done === named)) return;
    said = done;
    // Read, checked on their own and indexed; the checks against the corpus come as the report is written.
    process.stderr.write(tty ? `\rreading ${done}/${named} files` : `read ${done}/${named} files\n`);
  };
  // Files taken so far, in the list's order (the report's, and the index's: the same run gives the same report).
  let taken = 0;
  // As the server's first index decides; one analyst thread would only leave this one waiting for it, after
  // its warm-up: two at least, or none.
  const pays = list.length < ANALYSTS_FROM ? 0 : analystsFor(list.length, os.availableParallelism());
  // No more threads than files (--threads 8 on three files): the others would start only to wait.
  const threads = Math.min(list.length, o.fix ? 0 : o.threads ?? (pays > 1 ? pays : 0));
  const script = threads > 0 ? analystScript() : undefined;
  if (script) {
    const outcomes: (Checked | undefined)[] = new Array(list.length);
    const jobs = list.map(({ file }, id) => ({ id, file, uri: pathToFileURL(file).toString(), maxBytes: o.maxBytes }));
    // What went wrong on this thread, taking an outcome: the run's error, not a thread's.
    let failed: { err: unknown } | undefined;
    let pool: AnalystPool | undefined;
    try {
      pool = new AnalystPool(script, [...run.index.pins.values()], threads);
      await pool.check(jobs, run.outlets, { now, severities: o.severities }, (out) => {
        outcomes[out.id] = out;
        try {
          for (let next = outcomes[taken]; next !== undefined; next = outcomes[taken]) {
            takeChecked(list[taken], next);
            outcomes[taken] = undefined;
            took(taken++);
          }
        } catch (err) {
          failed = { err };
          throw err;
        }
      });
    } catch (err) {
      if (failed) throw failed.err;
      // A thread that could not start or died: the files not yet taken are read on this thread below.
      process.stderr.write(`${progress && tty ? '\n' : ''}breach-desk: analyst threads stopped (${printable(err instanceof Error ? err.message : String(err))}); reading the other ${list.length - taken} files on the main thread.\n`);
    } finally {
      await pool?.close();
    }
  }
  for (let i = taken; i < list.length; i += BATCH) {
    const batch = list.slice(i, i + BATCH);
    const read = await Promise.all(batch.map(({ file }) => readArticleFile(file, { maxBytes: o.maxBytes })));
    batch.forEach((item, j) => {
      takeRead(item, read[j]);
      took(i + j);
    });
  }
  if (progress && tty) process.stderr.write('\n');
  if (named === 0 && !unread.length) process.stderr.write(`breach-desk: no article files (.txt, .md, .markdown, .article) under ${o.paths.map((x) => `"${printable(x)}"`).join(', ')}${o.exclude.length ? ' that --exclude leaves in' : ''}${o.command === 'show' ? `; ${corpusOnly(run.index)}` : ''}.\n`);
  if (o.fix) process.stderr.write(`breach-desk: --fix changed ${run.fixedFiles} file${run.fixedFiles === 1 ? '' : 's'}.\n`);
  // A bundled seed that the checked folders hold a copy of steps aside: no duplicate warning, no doubled facts.
  const dropped = new Set(dropShadowedSeeds(run.index));
  if (dropped.size) run.results = run.results.filter((r) => !dropped.has(run.uriOf.get(r) ?? ''));
  if (pinsResult) run.results.push(pinsResult);
  relatedIndex = run.index;
  return run;
}

/**
 * What `show` reads when the paths hold no article: where its card comes from, truly (the bundled seeds, the corpus
 * folders, or nothing), not only what is missing.
 */
function corpusOnly(index: CorpusIndex): string {
  let seeds = 0;
  let corpus = 0;
  for (const d of index.all()) {
    if (d.origin === 'seed') seeds++;
    else if (d.origin === 'corpus') corpus++;
  }
  const articles = (n: number) => `${n} article${n === 1 ? '' : 's'}`;
  const parts = [...(corpus ? [`the corpus folders (${articles(corpus)})`] : []), ...(seeds ? [`the bundled seeds (${articles(seeds)})`] : [])];
  return parts.length ? `the corpus is only ${parts.join(' and ')}` : 'the corpus is empty, so there is nothing to show';
}

/** The workspace's pinned entities (`.breachdesk/entities.json`) into the index; its problems as a result of their own. */
function loadPins(run: Run): FileResult | undefined {
  const pinsFile = path.resolve('.breachdesk', 'entities.json');
  const read = readConfigFile(pinsFile);
  if (!read) return undefined;
  if ('problem' in read) return { file: pinsFile, seed: false, diagnostics: fileProblem(run.o, 'config.invalid', read.problem), pinsLines: new LineIndex('') };
  const text = read.text;
  const { pins, problems } = readPins(text);
  for (const p of pins) if (!run.index.pins.has(p.key)) run.index.pins.set(p.key, p);
  if (problems.length) {
    return { file: pinsFile, seed: false, diagnostics: applySeverities(problems.map((p) => diag('config.invalid', p.span, p.message)), run.o.severities), pinsLines: new LineIndex(text) };
  }
  return undefined;
}

/** An article's facts into the corpus index (its syntax tree is not kept); a placeholder's ("Unknown" title) stay out. */
function index(run: Run, r: FileResult, analysis: Analysis): void {
  if (isPlaceholder(analysis.article)) return;
  indexFacts(run, r, extractFacts(pathToFileURL(r.file).toString(), r.text!, analysis.article, { outlets: run.outlets, pins: [...run.index.pins.values()] }));
}

function indexFacts(run: Run, r: FileResult, facts: DocFacts): void {
  run.uriOf.set(r, facts.uri);
  run.index.set({ facts, lineStarts: r.lines!.lineStarts, origin: r.corpus ? 'corpus' : r.seed ? 'seed' : 'workspace' });
}

/**
 * A file's checks against the corpus, added to its own, once; then its text goes. Called as the report reaches
 * the file; `release` after it is written drops the diagnostics.
 */
function finish(run: Run, r: FileResult): FileResult {
  if (r.finished) return r;
  const uri = run.uriOf.get(r);
  if (uri !== undefined && r.text !== undefined) {
    const extra = applySeverities(applySilences(checkConsistency(run.index, uri), r.text, r.lines!), run.o.severities);
    r.diagnostics = [...r.diagnostics, ...extra.map((d) => ({ ...d, related: d.related?.map((x) => ({ ...x, uri: x.uri ?? uri })) }))].sort((a, b) => a.span.start - b.span.start);
  }
  for (const d of r.diagnostics) run.counts[d.severity]++;
  r.text = undefined;
  r.finished = true;
  return r;
}

/** Every file not yet finished, finished and released unwritten: the run's counts as if its whole report were written. */
function settle(run: Run): void {
  for (const r of run.results) {
    finish(run, r);
    release(r);
  }
}

/** A written file's diagnostics are dropped: the report of a large corpus is not held whole. */
function release(r: FileResult): void {
  r.diagnostics = [];
}

let relatedIndex: CorpusIndex | undefined;

function fileOfUri(uri: string): string {
  return decodeURIComponent(new URL(uri).pathname);
}

/** `shownPath(fileOfUri(uri))`, remembered: a large report names the same few thousand files in millions of related locations. */
function relOfUri(uri: string): string {
  let r = relPaths.get(uri);
  if (r === undefined) relPaths.set(uri, (r = shownPath(fileOfUri(uri))));
  return r;
}

const relPaths = new Map<string, string>();

/** A related location: its file and 0-based range. */
function relatedRange(uri: string, span: { start: number; end: number }) {
  return relatedIndex?.range(uri, span);
}

/** Whether a file's mode lets no one write it. */
function readOnly(file: string): boolean {
  try {
    return (fs.statSync(file).mode & 0o222) === 0;
  } catch {
    return false;
  }
}

/**
 * With `--fix`: every safe fix applied to the file (and written), in passes until none is left; the analysis of what
 * is now there. A file that cannot be written is left as it was and says so (`file.unwritable`); the run goes on.
 */
function fixed(run: Run, r: FileResult, first: Analysis, o: Options): Analysis {
  const edits = r.diagnostics.flatMap((d) => d.fixes?.filter((f) => f.preferred).flatMap((f) => f.edits) ?? []);
  if (!edits.length) return first;
  // Overlapping fixes (two neighbouring tags removed) wait for the next pass.
  let text = r.text!;
  let analysis = first;
  let count = 0;
  for (let pass = 0; pass < 5; pass++) {
    const safe = analysis.diagnostics.flatMap((d) => d.fixes?.filter((f) => f.preferred).flatMap((f) => f.edits) ?? []);
    const next = applyEdits(text, safe);
    if (next === text) break;
    count += safe.length;
    text = next;
    analysis = analyze(text, { now: Date.now(), severities: o.severities });
  }
  if (text === r.text) return first;
  // A file its owner made read-only is not for fixing, even by root, whom the system lets write anything (an archive
  // of articles kept read-only was rewritten by a `--fix` run as root).
  if (readOnly(r.file)) {
    r.diagnostics = [...fileProblem(o, 'file.unwritable', 'Not fixed: the file is read-only (no one may write it); make it writable to fix it.'), ...r.diagnostics];
    return first;
  }
  // Never through a symbolic link: a link in a checked repository may point anywhere the user may write (the walk
  // follows only links to places inside the paths, but a file named as a path is taken as it is). Its target, named
  // as a path itself, is fixed.
  if (isLink(r.file)) {
    r.diagnostics = [...fileProblem(o, 'file.unwritable', 'Not fixed: the file is a symbolic link, and --fix writes through none; name the file it links to to fix that.'), ...r.diagnostics];
    return first;
  }
  try {
    // O_NOFOLLOW as well: a link put in the file's place since it was looked at is refused (ELOOP), not written through
    // (and O_NONBLOCK: a FIFO put there is refused, ENXIO, not waited on).
    // The byte order mark the file had is kept.
    const fd = fs.openSync(r.file, fs.constants.O_WRONLY | fs.constants.O_TRUNC | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
    try {
      fs.writeFileSync(fd, r.bom ? `\uFEFF${text}` : text);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'it became a symbolic link, and --fix writes through none' : whyUnreadable(err);
    r.diagnostics = [...fileProblem(o, 'file.unwritable', `Not fixed: the file could not be written: ${why}.`), ...r.diagnostics];
    return first;
  }
  run.fixedFiles++;
  process.stderr.write(`fixed ${rel(r.file)} (${count} edit${count === 1 ? '' : 's'})\n`);
  r.text = text;
  r.lines = analysis.lines;
  r.diagnostics = analysis.diagnostics;
  return analysis;
}

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The run's totals: call it once every file is finished (the counts are made as they are). */
function summary(run: Run) {
  const articles = run.results.filter((r) => !r.pinsLines);
  const skipped = articles.filter((r) => !r.lines).length;
  const c = run.counts;
  return { files: articles.length, skipped, notArticles: run.notArticles, errors: c.error, warnings: c.warning, notes: c.information + c.hint };
}

function positions(r: FileResult, d: Diagnostic) {
  if (r.pinsLines) return r.pinsLines.range(d.span);
  return r.lines ? r.lines.range(d.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function printText(run: Run): void {
  const colour = process.stdout.isTTY && !process.env.NO_COLOR;
  const paint = (s: string, code: number) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  const out = new ChunkedWriter((chunk) => writeAllSync(1, chunk));
  const lines = { push: (line: string) => out.write(`${line}\n`) };
  for (const r of run.results) {
    for (const d of finish(run, r).diagnostics) {
      const p = positions(r, d).start;
      // As compilers write it ("a.txt:3:1: warning: … [code]"), which editors' and CI's problem matchers read.
      const level = LEVEL[d.severity];
      const sev = paint(`${level}:`, level === 'error' ? 31 : level === 'warning' ? 33 : 36);
      lines.push(`${rel(r.file)}:${p.line + 1}:${p.character + 1}: ${sev} ${printable(d.message)} [${d.code}]`);
      for (const x of d.related ?? []) {
        const u = x.uri ?? pathToFileURL(r.file).toString();
        const rr = relatedRange(u, x.span) ?? r.lines?.range(x.span);
        if (rr) lines.push(`    ${printable(relOfUri(u))}:${rr.start.line + 1}:${rr.start.character + 1}: note: ${printable(x.message)}`);
      }
    }
    release(r);
  }
  const s = summary(run);
  lines.push(`${s.files} file${s.files === 1 ? '' : 's'} checked (${s.skipped} skipped, ${s.notArticles} not articles): ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.notes} note${s.notes === 1 ? '' : 's'}`);
  out.flush();
}

function jsonReport(run: Run) {
  return {
    version: pkg.version,
    files: fileEntries(run),
    // Counted as the files were written: asked for after them.
    summary: () => summary(run),
  };
}

/** Each file's entry, made as the report is written (see `writeJson`) after checking it against the corpus; dropped once written. */
function* fileEntries(run: Run): Generator<unknown> {
  for (const r of run.results) {
    finish(run, r);
    yield {
      path: shownPath(r.file),
      diagnostics: r.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        range: positions(r, d),
        related: (d.related ?? []).flatMap((x) => {
          const u = x.uri ?? pathToFileURL(r.file).toString();
          const range = relatedRange(u, x.span) ?? r.lines?.range(x.span);
          return range ? [{ path: relOfUri(u), range, message: x.message }] : [];
        }),
        fixes: (d.fixes ?? []).map((f) => ({ title: f.title, preferred: f.preferred === true, edits: f.edits.map((e) => ({ range: r.lines!.range(e.span), newText: e.newText })) })),
      })),
    };
    release(r);
  }
}

function sarifUri(file: string): { uri: string; uriBaseId?: string } {
  const r = relativePath(process.cwd(), file);
  if (r) return { uri: r.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(file).toString() };
}

/** The working folder as a URI ending in one "/" (the root's, `file:///`, already does). */
function srcRoot(): string {
  const uri = pathToFileURL(process.cwd()).toString();
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function region(range: { start: { line: number; character: number }; end: { line: number; character: number } }) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** A problem of a file as a whole that kept it from being checked or fixed (`file.*`): a tool execution notification in SARIF. */
function isFileProblem(code: Code): boolean {
  return code.startsWith('file.');
}

/**
 * A SARIF plain-text message (§3.11.6): "[text](N)" in one is an embedded link, which code scanning renders, and
 * messages quote article text ("Source: Evil [click here](https://evil.example/phish) News"). A literal "[" or "]" is
 * escaped with a backslash, and so is a literal backslash, so that every one reads as written and none as a link.
 */
function sarifText(text: string): { text: string } {
  // Direction characters go too: shown in a web page, "Wire\u202E" turned round the rest of the message.
  return { text: text.replace(BIDI_RE, '').replace(/[\\[\]]/g, (c) => `\\${c}`) };
}

function sarifReport(run: Run) {
  const results = run.results;
  // A file that could not be checked (unreadable, binary, not UTF-8, too large) or fixed is a condition of the run, not
  // an observation about the file's text: SARIF's notification (§3.58), in the invocation's toolExecutionNotifications,
  // described by the driver's `notifications`, and never also a result. An error among them tells a consumer the results
  // are not complete (SARIF 2.1.0, appendix I); code scanning makes alerts of results, and a skipped file is no alert to dismiss.
  const ruleCodes = ALL_CODES.filter((c) => !isFileProblem(c));
  const noticeCodes = ALL_CODES.filter(isFileProblem);
  const ruleIndex = new Map(ruleCodes.map((c, i) => [c, i]));
  const noticeIndex = new Map(noticeCodes.map((c, i) => [c, i]));
  const descriptor = (c: Code) => ({ id: c, shortDescription: sarifText(CODES[c].summary), defaultConfiguration: { level: LEVEL[CODES[c].severity] } });
  const notifications: unknown[] = [];
  const location = (r: FileResult, d: Diagnostic) => ({ physicalLocation: { artifactLocation: sarifUri(r.file), region: region(positions(r, d)) } });
  for (const r of results) {
    for (const d of r.diagnostics) {
      // The file as a whole: its artifact, no region (a binary or unreadable file has no lines to point into).
      if (isFileProblem(d.code)) notifications.push({ descriptor: { id: d.code, index: noticeIndex.get(d.code) }, level: LEVEL[d.severity], message: sarifText(`${shownPath(r.file)}: ${d.message}`), locations: [{ physicalLocation: { artifactLocation: sarifUri(r.file) } }] });
    }
  }
  // Results are made one at a time as the report is written (see `writeJson`).
  function* sarifResults(): Generator<unknown> {
    for (const r of results) {
      for (const d of finish(run, r).diagnostics) {
        if (isFileProblem(d.code)) continue;
        const loc = location(r, d);
        const result: Record<string, unknown> = {
          ruleId: d.code,
          ruleIndex: ruleIndex.get(d.code),
          level: LEVEL[d.severity],
          message: sarifText(d.message),
          locations: [loc],
        };
        const related = (d.related ?? []).flatMap((x, i) => {
          const u = x.uri ?? pathToFileURL(r.file).toString();
          const range = relatedRange(u, x.span) ?? r.lines?.range(x.span);
          return range ? [{ id: i + 1, physicalLocation: { artifactLocation: sarifUri(fileOfUri(u)), region: region(range) }, message: sarifText(x.message) }] : [];
        });
        if (related.length) result.relatedLocations = related;
        if (d.fixes?.length && r.lines) {
          result.fixes = d.fixes.map((f) => ({
            description: sarifText(f.title),
            artifactChanges: [{
              artifactLocation: sarifUri(r.file),
              replacements: f.edits.map((e) => ({ deletedRegion: region(r.lines!.range(e.span)), insertedContent: { text: e.newText } })),
            }],
          }));
        }
        yield result;
      }
      release(r);
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
          rules: ruleCodes.map(descriptor),
          notifications: noticeCodes.map(descriptor),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot() } },
      columnKind: 'utf16CodeUnits',
      results: sarifResults(),
      // After the results, asked for once they are written: the corpus checks that count towards the exit code run
      // as each file's results are made (`finish`).
      invocations: () => [invocation(run, notifications)],
    }],
  };
}

/** The run's invocation, once every file is finished: the process's exit code, and whether the run did its job. */
function invocation(run: Run, notifications: unknown[]) {
  const exitCode = exitCodeOf(run);
  // A run that checked nothing did not do its job (exit 2): a code-scanning upload must not read it as a clean one.
  const nothing = { level: 'error', message: sarifText('Nothing was checked: no article file was found, or every one was skipped.') };
  return { executionSuccessful: exitCode !== 2, exitCode, toolExecutionNotifications: exitCode === 2 ? [...notifications, nothing] : notifications };
}

export async function main(argv: string[]): Promise<number> {
  let o: Options | 'help' | 'version';
  try {
    o = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`breach-desk: ${printable(err.message)}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  // Through check's writer: a closed pipe (`| true`) or a full disk is said as for a report, not a crash.
  if (o === 'help') { writeAllSync(1, `${USAGE}\n`); return 0; }
  if (o === 'version') { writeAllSync(1, `${pkg.version}\n`); return 0; }
  editorSettings(o);
  if (o.command === 'show') return show(o, o.target!);
  let collected;
  try {
    collected = await collect(o);
  } catch (err) {
    if (err instanceof UsageError) { process.stderr.write(`breach-desk: ${printable(err.message)}\n`); return 2; }
    throw err;
  }
  const run = collected;
  try {
    if (o.format === 'text') printText(run);
    else {
      // Written in pieces: a large corpus's report is longer than a string may be.
      const out = new ChunkedWriter((chunk) => writeAllSync(1, chunk));
      writeJson(out, o.format === 'json' ? jsonReport(run) : sarifReport(run));
      out.write('\n');
      out.flush();
    }
  } catch (err) {
    if (!(err instanceof ReaderGone)) throw err;
    // The reader stopped reading (`| head -1`): the report ends, not the check. The files not yet written are checked
    // against the corpus all the same, so that the exit status says what the whole report would have (a CI step with
    // `set -o pipefail` fails on an error past the lines it shows, and passes on a clean run whose report was cut).
    settle(run);
  }
  const code = exitCodeOf(run);
  if (code === 2 && summary(run).files) process.stderr.write(`breach-desk: nothing was checked: every file was skipped.\n`);
  return code;
}

/**
 * The editor's settings of the current folder (`.vscode/settings.json`, JSON with comments), so that CI checks
 * as the editor does: `breachDesk.severity` under the command line's `--severity`, `breachDesk.exclude` with
 * `--exclude`, `breachDesk.maxFileSize` unless `--max-size` is given. Validated as the server validates them;
 * what is wrong is said on stderr and left out. Says which it used.
 */
function editorSettings(o: Options): void {
  if (!o.editorSettings) return;
  const file = path.join('.vscode', 'settings.json');
  const read = readConfigFile(path.resolve(file), 'editor settings');
  if (!read) return;
  // The file is the checked folder's, untrusted: what is said of it is made printable.
  const say = (m: string) => process.stderr.write(`breach-desk: ${file}: ${printable(m)}\n`);
  if ('problem' in read) { say(read.problem.replace(/\.$/, '; its breachDesk settings are not used.')); return; }
  const line = (offset: number) => read.text.slice(0, offset).split('\n').length;
  // Before the parser, which recurses a level at a time: twenty thousand "[" overflowed the stack (exit 3).
  const deep = depthProblem(read.text, 'its breachDesk settings are not used');
  if (deep) { say(`${deep.message.replace(/ here;/, ` (line ${line(deep.span.start)});`)}`); return; }
  const errors: ParseError[] = [];
  let obj: unknown;
  try {
    obj = parseJsonc(read.text, errors, { allowTrailingComma: true }) as unknown;
  } catch (err) {
    say(`could not be read (${err instanceof Error ? err.message : String(err)}); its breachDesk settings are not used.`);
    return;
  }
  if (errors.length || !obj || typeof obj !== 'object' || Array.isArray(obj)) {
    const at = errors.length ? ` (line ${line(errors[0].offset)})` : '';
    say(`not a JSON object${at}; its breachDesk settings are not used.`);
    return;
  }
  const all = obj as Record<string, unknown>;
  // `readSettings` says what it rejects, each message led by the setting's name; a size rejected is replaced by the default.
  let sizeRejected = false;
  const warn = (m: string) => {
    if (m.startsWith('breachDesk.maxFileSize:')) sizeRejected = true;
    say(m);
  };
  const settings = readSettings({ severity: all['breachDesk.severity'], exclude: all['breachDesk.exclude'], maxFileSize: all['breachDesk.maxFileSize'], corpus: all['breachDesk.corpus'] }, warn);
  o.severities = { ...settings.severity, ...o.severities };
  o.exclude = [...settings.exclude, ...o.exclude];
  const sizeUsed = all['breachDesk.maxFileSize'] !== undefined && all['breachDesk.maxFileSize'] !== null && !sizeRejected && !o.maxBytesGiven;
  if (sizeUsed) o.maxBytes = settings.maxFileSize;
  // Relative folders are the workspace folder's, the current one (as the editor resolves them against the first folder).
  // Only folders inside it: the file comes with the folder checked (a pull request's), and a corpus folder's articles
  // are read and quoted in notes; "../x" or "/etc" there would have a CI run read and print what lies outside.
  // --corpus on the command line is the user's own, and names any folder.
  const corpus = all['breachDesk.corpus'];
  const folders = (Array.isArray(corpus) ? corpus.filter((d): d is string => typeof d === 'string' && d.trim() !== '') : []).filter((d) => {
    if (inCurrentFolder(d)) return true;
    say(`breachDesk.corpus: the folder "${d}" is not inside the current folder; not read (pass --corpus DIR to learn from it).`);
    return false;
  });
  o.corpus.push(...folders);
  // Only what is used: a setting rejected whole (an exclude that is no list), or overridden (--max-size), is not.
  const used = [
    ...(Object.keys(settings.severity).length ? ['severity'] : []),
    ...(settings.exclude.length ? ['exclude'] : []),
    ...(sizeUsed ? ['maxFileSize'] : []),
    ...(folders.length ? ['corpus'] : []),
  ];
  if (used.length) process.stderr.write(`breach-desk: using ${used.map((k) => `breachDesk.${k}`).join(', ')} from ${file} (--no-editor-settings to leave it out).\n`);
}

/**
 * Whether a folder named by the settings file lies inside the current folder: by its path, and by its real path when it
 * exists (a link inside to a folder outside is outside).
 */
function inCurrentFolder(dir: string): boolean {
  const inside = (p: string, root: string) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  const cwd = process.cwd();
  const resolved = path.resolve(cwd, dir);
  if (!inside(resolved, cwd)) return false;
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    // Not there (said when the corpus is read) or unreadable: nothing is read from it.
    return true;
  }
  let realCwd = cwd;
  try { realCwd = fs.realpathSync(cwd); } catch { /* as it is */ }
  return inside(real, realCwd);
}

/**
 * 1 when an error-level problem was found, else 0; but 2 when nothing was checked, a mistake in how the check was
 * called (a folder moved, a glob that matched nothing, every file unreadable): a CI job must not pass on it.
 */
function exitCodeOf(run: Run): number {
  const s = summary(run);
  if (s.files - s.skipped === 0) return 2;
  return run.counts.error > 0 ? 1 : 0;
}

/**
 * The heap the run may use: three quarters of the machine's (or the container's) memory, for a corpus of fifty thousand articles
 * needs some 6 GB and Node's default stops near 4 GB. Undefined when the heap already allows that, or when
 * the user chose a size (`--max-old-space-size` in NODE_OPTIONS or on the command line).
 */
function heapWanted(): number | undefined {
  if (process.env.BREACH_DESK_HEAP_SET) return undefined;
  if (/--max[-_]old[-_]space[-_]size/.test(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`)) return undefined;
  // In a container, its memory limit, not the machine's (Node 19+: 0 or undefined when there is none).
  const limit = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.();
  const memory = limit && limit > 0 && limit < os.totalmem() ? limit : os.totalmem();
  const want = Math.floor((memory * 0.75) / 2 ** 20);
  return want > (v8.getHeapStatistics().heap_size_limit / 2 ** 20) * 1.1 ? want : undefined;
}

if (require.main === module) {
  const heap = heapWanted();
  if (heap !== undefined) {
    // The same command again, in a Node allowed the larger heap (V8 fixes its limit when it starts).
    // A larger young generation too: the run allocates freely around a large live index, and with V8's default
    // (16 MB) the scavenger copied much of it into the old generation. At 10,000 generated articles: 34.2 → 30.5 s,
    // peak RSS 1.46 → 1.00 GB (medians of three alternating runs).
    const young = /--max[-_]semi[-_]space[-_]size/.test(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`) ? [] : ['--max-semi-space-size=32'];
    const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${heap}`, ...young, __filename, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, BREACH_DESK_HEAP_SET: '1' },
    });
    // A signal for this process is the run's (a CI step's time limit, `timeout`, `docker stop`, Ctrl-C): passed on, so
    // that the run stops with it rather than go on, orphaned, writing to the same output.
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const pass = (signal: NodeJS.Signals) => { child.kill(signal); };
    for (const s of signals) process.on(s, pass);
    child.on('error', (err) => {
      process.stderr.write(`breach-desk: internal error: ${err.message}\n`);
      process.exit(3);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, pass);
      // Ended by a signal: so does this process, as a shell would tell it.
      if (signal) {
        process.kill(process.pid, signal);
        // Still here (a preload's own listener, a signal Node ignores): end as a shell reports a signal.
        process.exit(128 + (os.constants.signals[signal] ?? 0));
      } else process.exit(code ?? 3);
    });
  } else main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
    // The reader stopped reading (`| head`) what show, --help or --version wrote: nothing to say, as for any command in
    // a pipe, and their answer was found (check settles its run itself, `main`).
    if (err instanceof ReaderGone) return;
    if (err instanceof OutputFailed) {
      process.stderr.write(`breach-desk: cannot write the report: ${printable(err.message)}.\n`);
      process.exitCode = 3;
      return;
    }
    process.stderr.write(`breach-desk: internal error: ${(err instanceof Error ? err.stack ?? err.message : String(err)).split('\n').map(printable).join('\n')}\n`);
    process.exitCode = 3;
  });
}

/**
 * `breach-desk show`: the card the editor shows on hovering a name (found as the editor's "Show Entity…" finds it:
 * the name itself first, then the best match) or the name or figure at a place in an article, as text or JSON.
 */
async function show(o: Options, target: string): Promise<number> {
  // `FILE:LINE[:COLUMN]`, as `check` reports a place (1-based, columns in UTF-16 code units).
  const place = /^(.+?):([1-9][0-9]*)(?::([1-9][0-9]*))?$/.exec(target);
  const file = place && fs.existsSync(place[1]) && fs.statSync(place[1]).isFile() ? path.resolve(place[1]) : undefined;
  // A place in a file the paths do not hold: that file is read with them.
  if (file && !o.paths.some((p) => { const r = path.resolve(p); return file === r || file.startsWith(r + path.sep); })) o.paths.push(file);
  let run: Run;
  try {
    run = await collect(o);
  } catch (err) {
    if (err instanceof UsageError) { process.stderr.write(`breach-desk: ${printable(err.message)}\n`); return 2; }
    throw err;
  }
  const index = run.index;
  let card: string | undefined;
  if (file) {
    const uri = pathToFileURL(file).toString();
    const doc = index.get(uri);
    if (!doc) {
      process.stderr.write(`breach-desk: ${rel(file)} is not an article of the corpus (skipped, or no article layout).\n`);
      return 1;
    }
    const starts = doc.lineStarts;
    const line = Number(place![2]) - 1;
    const lines = linesOf(starts, run.results.find((r) => run.uriOf.get(r) === uri)?.lines?.text.length);
    if (line >= lines) {
      process.stderr.write(`breach-desk: ${rel(file)} has ${lines} line${lines === 1 ? '' : 's'}, not ${line + 1}.\n`);
      return 1;
    }
    const end = line + 1 < starts.length ? starts[line + 1] : Number.POSITIVE_INFINITY;
    if (place![3] !== undefined) {
      const at = starts[line] + Number(place![3]) - 1;
      card = at < end ? (hover(index, uri, at) ?? dateHover(doc, at))?.markdown : undefined;
    } else {
      // The first name or figure on the line (the last line: its first 2,000 characters).
      for (let at = starts[line]; at < Math.min(end, starts[line] + 2000) && card === undefined; at++) card = hover(index, uri, at)?.markdown;
    }
    // The article's own address (its `+ Link:` line): the articles that link to it, as the editor's hover there says.
    const own = doc.facts.linkSpan;
    if (card === undefined && own && doc.summary.link && own.start < end && own.end >= starts[line]) {
      const at = place![3] !== undefined ? starts[line] + Number(place![3]) - 1 : own.start;
      if (at >= own.start && at <= own.end) card = linkCardFor(index, uri);
    }
    if (card === undefined) {
      process.stderr.write(`breach-desk: no name or figure the corpus knows at ${rel(file)}:${place![2]}${place![3] ? `:${place![3]}` : ''}.\n`);
      return 1;
    }
  } else {
    const symbols = workspaceSymbols(index, target, 20).filter((x) => x.kind !== 'article');
    const wanted = target.trim().toLowerCase();
    const pick = symbols.find((x) => x.name.toLowerCase() === wanted) ?? symbols[0];
    card = pick && hover(index, pick.location.uri, pick.location.span.start)?.markdown;
    if (card === undefined) {
      // Names that start as it does ("Binnz": John Binns), the longest start that finds any, of two letters at least.
      let near: string[] = [];
      for (let n = Math.min(target.trim().length, 12); n >= 2 && !near.length; n--) {
        near = workspaceSymbols(index, target.trim().slice(0, n), 5).filter((x) => x.kind !== 'article').map((x) => x.name);
      }
      process.stderr.write(`breach-desk: the corpus names no "${printable(target)}".${near.length ? ` Names like it: ${near.map(printable).join(', ')}.` : ''}\n`);
      return 1;
    }
  }
  // Article text, untrusted: no control character reaches the terminal (JSON escapes them itself).
  const text = plainCard(card).split('\n').map(printable).join('\n');
  // Through check's writer: a closed pipe or a full disk is said as for a report, not a crash.
  writeAllSync(1, o.format === 'json' ? `${JSON.stringify({ target, markdown: card, text }, null, 2)}\n` : `${text}\n`);
  return 0;
}

/**
 * A file's lines as editors and `wc -l` count them: a final line break ends the last line, it does not begin an empty
 * one (`lineStarts` has a start there, at the text's length).
 */
function linesOf(starts: readonly number[], length: number | undefined): number {
  return starts.length > 1 && starts[starts.length - 1] === length ? starts.length - 1 : starts.length;
}

/**
 * A card's Markdown (`hover.ts`, which escapes every character of article text Markdown reads) as terminal text:
 * emphasis and escapes dropped, a link to an article as its label, "·" and path:line.
 */
export function plainCard(markdown: string): string {
  return plainText(markdown, (label, target) => {
    const at = /^(file:[^#]*)#L([0-9]+)$/.exec(target);
    if (!at) return label;
    let where: string;
    try { where = rel(fileURLToPath(at[1].replace(/%28|%29|%20/g, (c) => decodeURIComponent(c)))); } catch { return label; }
    return `${label} · ${where}:${at[2]}`;
  });
}
