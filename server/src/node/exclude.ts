/**
 * What the user leaves out of the corpus: `breachDesk.exclude` in the editor,
 * `breach-desk check --exclude` on the command line. Both are glob patterns
 * (minimatch, the matcher the VS Code language client bundles too) matched
 * against a path relative to each folder the corpus is read from, with
 * forward slashes on every system.
 *
 * The rules, once: a file is left out when a pattern matches its path, or the
 * path of a folder it is in ("drafts", "drafts/" and "drafts/**" each leave
 * out everything under drafts/). `*` stays within one folder and `**` crosses
 * any number, so "*.draft.txt" matches only at the folder's top, and at any
 * depth with "**" and a slash before it (as in VS Code's `files.exclude`);
 * `?`, `[abc]` and `{a,b}` as there too, and nothing else is special. Names
 * that start with a dot are matched like any other; case counts except on
 * Windows and macOS, whose file systems ignore it. A leading "./" is dropped,
 * as is space around a pattern. What a pattern may not be is `patternProblem`.
 */
import * as path from 'path';
import { braceExpand, Minimatch, type MinimatchOptions } from 'minimatch';

/** A pattern whose braces expand to more than this many is refused: a workspace's settings may be hostile. */
const MAX_EXPANSIONS = 1000;
/**
 * At most this many `*` in one name of a pattern: each is a backtracking loop of the regular expression, and
 * "*a*a*a*b" took 44 s to fail on a 256-letter file name of a's (three took 14 ms).
 */
const MAX_STARS = 3;
/** At most this many `*` beyond the first of each name, over the whole pattern (not counting `**`). */
const MAX_EXTRA_STARS = 2;

/** At most this many `**` in a pattern (after braces are expanded). */
const MAX_GLOBSTARS = 3;

/** The `*` of a pattern's names (brace-expanded) beyond the first of each name: what makes matching backtrack. */
function extraStars(names: readonly string[]): number {
  let n = 0;
  for (const name of names) if (name !== '**') n += Math.max(0, name.split('*').length - 2);
  return n;
}

const OPTIONS: MinimatchOptions = {
  dot: true,
  nocase: process.platform === 'win32' || process.platform === 'darwin',
  // "!" and "#" mean nothing special: a pattern only ever leaves files out (`patternProblem` refuses a leading "!").
  nonegate: true,
  nocomment: true,
  // No extended globs ("+(a|b)"), which VS Code's own patterns do not have either, and whose nested loops backtrack.
  noext: true,
  // The same reading on every system: "\" is an escape (and refused, `patternProblem`), "/" the only separator.
  platform: 'linux',
  braceExpandMax: MAX_EXPANSIONS + 1,
};

/** A pattern as it is matched: without space around it or a leading "./". */
function normalised(pattern: string): string {
  let p = pattern.trim();
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

/**
 * What is wrong with a pattern, as words that follow it in a message ("… is empty"), or
 * undefined when it can be used.
 */
export function patternProblem(pattern: string): string | undefined {
  const p = normalised(pattern);
  if (!p) return 'is empty';
  if (p.startsWith('!')) return 'starts with "!": a pattern leaves files out, it cannot bring back what another leaves out';
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return 'is an absolute path: patterns are matched against paths relative to each folder, such as "drafts/**"';
  if (p.includes('\\')) return 'has a backslash: folders are separated by "/" in patterns, on every system';
  const names = p.split('/');
  if (names.includes('..')) return 'goes up out of the folder with "..": patterns are matched against paths inside each folder';
  let m: Minimatch;
  try {
    m = new Minimatch(p, OPTIONS);
  } catch {
    // minimatch refuses patterns of more than 64 KB.
    return 'is too long';
  }
  if (m.set.length > MAX_EXPANSIONS) return `expands to more than ${MAX_EXPANSIONS} patterns`;
  // A name with one "*" ("*.txt", "a*") matches a name one way; each further "*" in it multiplies the ways, and the
  // names' ways multiply when a later name fails ("*a*a*a/*a*a*a/*a*a*a/b" took 2.6 s on a path of four 25-letter
  // folders, 230 s on three of 60), as do brace expansions (16 of "*a*a*a" took 0.3 s on a 255-letter file name).
  // (Each counted after braces are expanded: "**/{*draft*,*old*}" has two in each name.)
  const expanded = braceExpand(p, OPTIONS).map((e) => e.split('/'));
  if (expanded.some((ns) => ns.some((n) => n !== '**' && n.split('*').length - 1 > MAX_STARS))) return `has more than ${MAX_STARS} "*" in one name, which could take minutes to match`;
  const extra = Math.max(...expanded.map((ns) => extraStars(ns)));
  if (extra > MAX_EXTRA_STARS) return `has more than ${MAX_EXTRA_STARS} "*" beyond the first of each name, which could take minutes to match`;
  // Each "**" may stand for any number of folders, and they multiply as well ("**/a/**/a/**/a/**/b" took 0.1 s on a
  // path of 200 folders, 2 s on one of 1,000; eight of them, minutes).
  if (expanded.some((ns) => ns.filter((n) => n === '**').length > MAX_GLOBSTARS)) return `has more than ${MAX_GLOBSTARS} "**", which could take minutes to match`;
  const most = extra >= 2 ? 4 : extra === 1 ? 64 : MAX_EXPANSIONS;
  if (m.set.length > most) return `expands to more than ${most} patterns with a name of ${extra + 1} "*", which could take minutes to match`;
  if (m.makeRe() === false) return 'is not a glob pattern that can be read';
  return undefined;
}

/** Which files and folders under one folder the user leaves out. */
export interface Exclusion {
  /** Whether there is any pattern at all (a walk without one computes no relative paths). */
  readonly any: boolean;
  /**
   * Whether this file or folder is left out by its own path, relative to the folder with "/" (a walk asks for
   * each entry before it goes into a folder, so the folders above it were let in).
   */
  leavesOut(rel: string, folder: boolean): boolean;
  /** Whether this path, or a folder it is in, is left out. */
  excludes(rel: string, folder?: boolean): boolean;
}

export const NO_EXCLUSION: Exclusion = { any: false, leavesOut: () => false, excludes: () => false };

/** The exclusion of `patterns`; those with a `patternProblem` are left out (the caller said so to the user). */
export function exclusion(patterns: readonly string[]): Exclusion {
  const res: RegExp[] = [];
  for (const raw of patterns) {
    if (patternProblem(raw)) continue;
    const re = new Minimatch(normalised(raw), OPTIONS).makeRe();
    if (re) res.push(re);
  }
  if (!res.length) return NO_EXCLUSION;
  const matches = (s: string) => res.some((re) => re.test(s));
  // A folder is also matched with a slash after it: "drafts/**" and "drafts/" then match the folder itself.
  const leavesOut = (rel: string, folder: boolean) => rel !== '' && (matches(rel) || (folder && matches(`${rel}/`)));
  return {
    any: true,
    leavesOut,
    excludes(rel, folder = false) {
      for (let i = rel.indexOf('/'); i > 0; i = rel.indexOf('/', i + 1)) if (leavesOut(rel.slice(0, i), true)) return true;
      return leavesOut(rel, folder);
    },
  };
}

/** `file`'s path inside `dir` with "/" between names ('' for `dir` itself), or undefined when it is not inside. */
export function relativePath(dir: string, file: string): string | undefined {
  const rel = path.relative(dir, file);
  if (rel.startsWith('..') && (rel.length === 2 || rel[2] === path.sep)) return undefined;
  if (path.isAbsolute(rel)) return undefined;
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}
