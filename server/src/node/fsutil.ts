/**
 * Reading article files safely, shared by the language server and the CLI:
 * a size limit, binary and non-UTF-8 detection, and a folder walk that skips
 * dependency and VCS folders and follows a symbolic link (to a file or a
 * folder) only when its real path lies inside one of the roots walked, each
 * real folder once (so a link to a folder above it is no loop); a link that
 * leads out of the roots is skipped and said (`walkArticleFiles`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { isArticleFile, isCandidateFile } from '../core/detect';
import { articleHead, type ArticleHead } from '../core/syntax/parse';
import { NO_EXCLUSION, relativePath, type Exclusion } from './exclude';

export type ReadResult =
  /** `bom`: the file started with a UTF-8 byte order mark, which `text` leaves out (as editors do); a writer puts it back. */
  | { ok: true; text: string; bom: boolean }
  | { ok: false; code: 'file.unreadable' | 'file.binary' | 'file.encoding' | 'file.too-large'; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Opens a FIFO without waiting for a writer (a regular file is opened as ever); Windows has no such flag, nor FIFOs. */
const NO_WAIT = fs.constants.O_NONBLOCK ?? 0;

export async function readArticleFile(file: string, options: { maxBytes: number }): Promise<ReadResult> {
  let bytes: Buffer | undefined;
  try {
    const st = await fs.promises.stat(file);
    const refused = refusal(st, options.maxBytes);
    if (refused) return refused;
    bytes = await readAtMost(file, st.size, options.maxBytes);
  } catch (err) {
    return unreadable(err);
  }
  return bytes ? decodeArticle(bytes) : tooLarge(options.maxBytes);
}

/**
 * The file's bytes, read until it ends or holds more than `maxBytes` (then undefined): a file's size is not what it
 * holds. A link to `/proc/self/pagemap` is a regular file of size 0 that reads hundreds of gigabytes, and a file
 * may grow while it is read; `readFile` read to the end, and the server's memory went with it.
 */
async function readAtMost(file: string, size: number, maxBytes: number): Promise<Buffer | undefined> {
  // Without waiting: a FIFO put where the file was, after it was looked at, is no reason to hang.
  const h = await fs.promises.open(file, fs.constants.O_RDONLY | NO_WAIT);
  try {
    let buf: Buffer = Buffer.allocUnsafe(firstChunk(size, maxBytes));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > maxBytes) return undefined;
        buf = grown(buf, maxBytes);
      }
      const { bytesRead } = await h.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) return buf.subarray(0, n);
      n += bytesRead;
    }
  } finally {
    await h.close();
  }
}

/** `readAtMost` with one system call a step, for analyst threads (see `readArticleFileSync`). */
function readAtMostSync(file: string, size: number, maxBytes: number): Buffer | undefined {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | NO_WAIT);
  try {
    let buf: Buffer = Buffer.allocUnsafe(firstChunk(size, maxBytes));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > maxBytes) return undefined;
        buf = grown(buf, maxBytes);
      }
      const read = fs.readSync(fd, buf, n, buf.length - n, null);
      if (read === 0) return buf.subarray(0, n);
      n += read;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The first buffer: the size the file says it has and one byte more (its end is then read in one call); 64 KB for a
 * file that says it is empty (a kernel's file, which may not be).
 */
function firstChunk(size: number, maxBytes: number): number {
  return Math.min(pastLimit(maxBytes), size > 0 ? size + 1 : 64 * 1024);
}

/** Past the limit, in whole pages: kernel files read only so (`/proc/self/pagemap` refuses a count not a multiple of 8). */
function pastLimit(maxBytes: number): number {
  return Math.ceil((maxBytes + 1) / 4096) * 4096;
}

/** `buf` in a buffer twice as large, up to past the limit (which says the file is over it). */
function grown(buf: Buffer, maxBytes: number): Buffer {
  const next = Buffer.allocUnsafe(Math.min(pastLimit(maxBytes), buf.length * 2));
  buf.copy(next);
  return next;
}

function tooLarge(maxBytes: number): ReadResult {
  return { ok: false, code: 'file.too-large', message: `it holds more than the ${limit(maxBytes)} limit` };
}

/**
 * `readArticleFile` without the thread pool, for analyst threads, which have
 * nothing else to do meanwhile: `fs.promises.readFile` costs several round
 * trips through libuv's pool per file, a synchronous read one system call.
 */
export function readArticleFileSync(file: string, options: { maxBytes: number }): ReadResult {
  let bytes: Buffer | undefined;
  try {
    const st = fs.statSync(file);
    const refused = refusal(st, options.maxBytes);
    if (refused) return refused;
    bytes = readAtMostSync(file, st.size, options.maxBytes);
  } catch (err) {
    return unreadable(err);
  }
  return bytes ? decodeArticle(bytes) : tooLarge(options.maxBytes);
}

/** How much of a file `sourcesOf` reads: where `decodeArticle` looks for a NUL. */
const HEAD_BYTES = 8192;
/** How much of that it reads as text first: the head of every real article (the furthest `## Article:` starts at 1,003 characters). */
const HEAD_TEXT = 4096;

/**
 * The Source of every article file among `files` (lower case → as written), read from their first lines: what the
 * analysis of each would learn (`articleHead`; a placeholder "Unknown" article, a file too large, unreadable, binary
 * or UTF-16, or without the article layout names none). One difference: a file whose head is UTF-8 but whose
 * rest is not is skipped by the analysis, not here. A first index learns its outlets from this before it analyses
 * anything, so an outlet's name in an article is that outlet whichever order the files are analysed in, on one
 * thread or several. The first 8 KB of each file, the first 4 KB of them read as text (~20 µs a file in the page
 * cache); the whole file only when they do not settle it.
 */
export function sourcesOf(files: readonly string[], maxBytes: number): Map<string, string> {
  const out = new Map<string, string>();
  const buf = Buffer.allocUnsafe(HEAD_BYTES);
  for (const file of files) learnSource(out, headOf(file, maxBytes, buf));
  return out;
}

/**
 * `sourcesOf` on the main thread of a server: a few hundred files at a time between turns of the event loop, so
 * requests are answered meanwhile; nothing more once `cancelled` says so.
 */
export async function sourcesOfAsync(files: readonly string[], maxBytes: number, cancelled?: () => boolean): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const buf = Buffer.allocUnsafe(HEAD_BYTES);
  for (let i = 0; i < files.length && !cancelled?.(); i += 256) {
    for (const file of files.slice(i, i + 256)) learnSource(out, headOf(file, maxBytes, buf));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

function learnSource(out: Map<string, string>, head: ArticleHead | undefined): void {
  const source = head?.source;
  if (source && head.title?.trim().toLowerCase() !== 'unknown' && !out.has(source.toLowerCase())) out.set(source.toLowerCase(), source);
}

function headOf(file: string, maxBytes: number, buf: Buffer): ArticleHead | undefined {
  let n: number;
  let whole: boolean;
  try {
    // Looked at before it is opened: opening a FIFO waits for a writer for ever, and opening a device may do anything.
    if (refusal(fs.statSync(file), maxBytes)) return undefined;
    const fd = fs.openSync(file, fs.constants.O_RDONLY | NO_WAIT);
    try {
      // Again, of what was opened: the file may have been replaced since (a FIFO opened without waiting is refused here).
      const st = fs.fstatSync(fd);
      if (refusal(st, maxBytes)) return undefined;
      n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
      whole = n >= st.size;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  // A NUL in the first 8 KB, as `decodeArticle` looks for one: binary, or UTF-16.
  if (buf.subarray(0, n).includes(0)) return undefined;
  if (!whole) {
    // Up to the last line break in the first 4 KB (a byte no UTF-8 sequence holds): the prefix `articleHead` reads.
    const cut = buf.lastIndexOf(10, Math.min(n, HEAD_TEXT) - 1) + 1;
    const r = cut > 0 ? decodeArticle(buf.subarray(0, cut)) : undefined;
    if (r && !r.ok) return undefined;
    const head = r && articleHead(r.text, false);
    // An article by what was read (then by the whole, `looksLikeArticle` reading a prefix of what it would).
    if (head && isArticleFile(file, r.text.slice(0, head.read))) return head;
  }
  const r = whole ? decodeArticle(buf.subarray(0, n)) : readArticleFileSync(file, { maxBytes });
  return r.ok && isArticleFile(file, r.text) ? articleHead(r.text, true) : undefined;
}

function refusal(st: fs.Stats, maxBytes: number): ReadResult | undefined {
  if (!st.isFile()) return { ok: false, code: 'file.unreadable', message: 'it is not a regular file' };
  if (st.size > maxBytes) {
    return { ok: false, code: 'file.too-large', message: overLimit(st.size, maxBytes) };
  }
  return undefined;
}

/**
 * The size above which a file is skipped unless the user says otherwise: 5 MB, in the 1,000s messages
 * count in (`size`), for the editor's `breachDesk.maxFileSize` and the CLI's `--max-size` alike (the editor
 * counted 5 × 1,024² bytes, so a 5.1 MB file was indexed in the editor and skipped in CI). The largest real
 * article is under 100 KB; beyond this a file is a dump, not an article.
 */
export const DEFAULT_MAX_BYTES = 5_000_000;

/** A size as people read it: "512 bytes", "12.3 KB", "5.0 MB" (in 1,000s, as the --max-size option counts). */
export function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} KB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** "6.2 MB is more than the 5.0 MB limit"; in bytes where the two would read the same ("5.0 MB is more than the 5.0 MB limit"). */
export function overLimit(bytes: number, maxBytes: number): string {
  return size(bytes) === size(maxBytes)
    ? `${bytes.toLocaleString('en-US')} bytes is more than the ${maxBytes.toLocaleString('en-US')}-byte limit`
    : `${size(bytes)} is more than the ${limit(maxBytes)} limit`;
}

/** A size limit before "limit": "the 100-byte limit", "the 5.0 MB limit". */
function limit(maxBytes: number): string {
  return maxBytes < 1000 ? `${maxBytes}-byte` : size(maxBytes);
}

/** Why a file or folder could not be read, in words (the error code after them). */
export function whyUnreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'it does not exist (a broken symbolic link, or it was removed meanwhile) (ENOENT)';
    case 'EACCES': case 'EPERM': return `permission denied (${code})`;
    case 'ELOOP': return 'its symbolic links form a loop (ELOOP)';
    case 'EISDIR': return 'it is a folder (EISDIR)';
    case 'ENOTDIR': return 'a part of its path is not a folder (ENOTDIR)';
    case 'EMFILE': case 'ENFILE': return `too many files are open (${code})`;
    case 'EIO': return 'the disk could not be read (EIO)';
    default: return code ? `${(err as Error).message}` : String(err);
  }
}

function unreadable(err: unknown): ReadResult {
  return { ok: false, code: 'file.unreadable', message: whyUnreadable(err) };
}

/**
 * 'LE' or 'BE' when bytes with NULs read as UTF-16 text without a byte order mark: Latin text in UTF-16 has a NUL
 * in every other byte (the high byte of each character) and almost none in the rest; binary data does not.
 */
function utf16Order(bytes: Buffer): 'LE' | 'BE' | undefined {
  const n = Math.min(bytes.length, 8192) & ~1;
  // Eight characters at least: four bytes with a NUL are as likely data.
  if (n < 16 || bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let k = 0; k < n; k += 2) {
    if (bytes[k] === 0) even++;
    if (bytes[k + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= 0.3 * pairs && even <= 0.02 * pairs) return 'LE';
  if (even >= 0.3 * pairs && odd <= 0.02 * pairs) return 'BE';
  return undefined;
}

/**
 * The text of a file's bytes, which must be UTF-8 (a UTF-8 byte order mark is left out); otherwise why not, in
 * words a writer can act on. Articles and the pins file are read through this one decoder.
 */
function decodeArticle(bytes: Buffer): ReadResult {
  // A UTF-16 byte order mark: text, but not in the encoding articles are read in. Named as editors name it.
  if (bytes.length >= 4 && bytes.length % 2 === 0 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, code: 'file.encoding', message: `the file is UTF-16 ${bytes[0] === 0xff ? 'LE' : 'BE'} text; only UTF-8 is read (save it as UTF-8)` };
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    const order = utf16Order(bytes);
    if (order) return { ok: false, code: 'file.encoding', message: `the file is UTF-16 ${order} text (without a byte order mark); only UTF-8 is read (save it as UTF-8)` };
    return { ok: false, code: 'file.binary', message: 'the file holds binary data (a NUL byte)' };
  }
  try {
    return { ok: true, text: decoder.decode(bytes), bom: bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
  } catch {
    return { ok: false, code: 'file.encoding', message: 'the file is not valid UTF-8 (it was saved in another encoding, such as Latin-1 or Windows-1252: save it as UTF-8)' };
  }
}

/**
 * Folders of dependencies and tools, never of articles. Not `dist` or `out`: a newsroom may keep its articles in
 * folders so named (what goes out), and this project's own build folders hold no article file to find.
 */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);

/**
 * Whether the walk (and the server's own watcher) goes into a folder of this name: not hidden, not dependencies or a
 * tool's. A folder given to the walk as a root is walked whatever its name.
 */
export function walksInto(name: string): boolean {
  return !SKIP_DIRS.has(name) && !name.startsWith('.');
}

/** A folder (or root) the walk could not read, and why. */
export interface WalkProblem {
  path: string;
  message: string;
}

/**
 * The real paths of the roots that a symbolic link must lead into to be followed (`linkRoots`, `followedLink`): the
 * walk's rule, which the language server applies too to a link made while it runs and to what "Check All Articles"
 * reads.
 */
export interface LinkRoots {
  /** The folders, each with a separator at its end. */
  folders: string[];
  /** The files named as roots, read anyway: a link to one of them is no way out. */
  files: Set<string>;
}

/** The real paths of `roots` (folders or files; one that does not exist is left out), for `followedLink`. */
export async function linkRoots(roots: readonly string[]): Promise<LinkRoots> {
  const out: LinkRoots = { folders: [], files: new Set() };
  for (const r of roots) {
    const real = await fs.promises.realpath(r).catch(() => undefined);
    const st = real === undefined ? undefined : await fs.promises.stat(real).catch(() => undefined);
    if (st?.isDirectory()) out.folders.push(real!.endsWith(path.sep) ? real! : real! + path.sep);
    else if (st) out.files.add(real!);
  }
  return out;
}

/**
 * The real path of `p` (a symbolic link, or a path with one on its way) when it leads inside `inside`; undefined
 * when it leads nowhere; false when it leads outside them, and then why is added to `problems` (when given).
 */
export async function followedLink(p: string, folder: boolean, inside: LinkRoots, problems?: WalkProblem[]): Promise<string | false | undefined> {
  const real = await fs.promises.realpath(p).catch(() => undefined);
  if (real === undefined) return undefined;
  if (inside.files.has(real) || inside.folders.some((r) => real === r.slice(0, -1) || real.startsWith(r))) return real;
  problems?.push({ path: p, message: `It is a symbolic link to ${folder ? 'a folder' : 'a file'} outside the folders read (${real}); not read: a link is followed only to a place inside them (name ${folder ? 'that folder' : 'that file'} itself to read it).` });
  return false;
}

/**
 * Every candidate article file under the roots, sorted; a root that is a file
 * is taken as it is (a root is the user's choice, a link or not). Files that
 * are symbolic links are also added to `symlinks` when given.
 *
 * A symbolic link met in the walk, to a file or a folder, is followed only when
 * its real path lies inside one of the roots (by their real paths): a
 * repository that links a shared folder of its own in keeps working, and a
 * cloned repository's `innocent.txt -> ~/private.txt` or `everything -> /` is
 * neither read nor, with the CLI's `--fix`, written. Such a link is skipped and
 * added to `problems` (when given) with why; a folder kept elsewhere is read by
 * naming it as a root (the CLI's paths or `--corpus`, the editor's
 * `breachDesk.corpus`). A link to nothing is listed as it is (reading it says
 * it is broken). Each real folder is walked once, so a link to a folder above
 * it is no loop. Folders that cannot be read are skipped, and added to
 * `problems` when given. What `exclude` leaves out, by the path inside each
 * root, is not walked into or listed (`exclude.ts`).
 */
export async function walkArticleFiles(roots: string[], symlinks?: Set<string>, problems?: WalkProblem[], exclude: Exclusion = NO_EXCLUSION): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  let root = '';
  const leftOut = (p: string, folder: boolean) => exclude.any && exclude.leavesOut(relativePath(root, p) ?? '', folder);
  // Where a link leads: left out by its own path or a folder it is in (the walk never went through those folders).
  const ledOut = (real: string, folder: boolean) => exclude.any && exclude.excludes(relativePath(root, real) ?? '', folder);
  const inside = await linkRoots(roots);
  const followed = (p: string, folder: boolean) => followedLink(p, folder, inside, problems);
  const visit = async (dir: string) => {
    const real = await fs.promises.realpath(dir).catch(() => dir);
    if (seen.has(real)) return;
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (err) {
      problems?.push({ path: dir, message: `The folder could not be read: ${whyUnreadable(err)}.` });
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (walksInto(e.name) && !leftOut(p, true)) await visit(p);
      } else if (e.isFile() && isCandidateFile(e.name)) {
        if (!leftOut(p, false)) out.push(p);
      } else if (e.isSymbolicLink()) {
        const st = await fs.promises.stat(p).catch(() => undefined);
        // What the exclusions leave out is left out by the link's name and by the name it leads to: a link is no way
        // round `--exclude drafts/`.
        if (st?.isDirectory()) {
          if (!walksInto(e.name) || leftOut(p, true)) continue;
          const real = await followed(p, true);
          if (real && !ledOut(real, true)) await visit(p);
        } else if (isCandidateFile(e.name) && !leftOut(p, false)) {
          // A link to nothing (or a loop of links) is listed all the same: reading it says why it cannot be read.
          const real = st ? await followed(p, false) : undefined;
          if (real === false || (real !== undefined && ledOut(real, false))) continue;
          out.push(p);
          symlinks?.add(p);
        }
      }
    }
  };
  for (const r of roots) {
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(r);
    } catch (err) {
      problems?.push({ path: r, message: `It could not be read: ${whyUnreadable(err)}.` });
      continue;
    }
    root = r;
    if (st.isDirectory()) await visit(r);
    // A file named as a root is taken as it is: no folder of its own to match against.
    else out.push(r);
  }
  return out.sort();
}

/** The largest configuration file read (pins, editor settings): thousands of pinned names fit in a fraction of it. */
export const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

/**
 * The text of a configuration file written by whoever shares the workspace (the pins file
 * `.breachdesk/entities.json`; the editor's `.vscode/settings.json`, which the CLI reads; `what` names it in messages),
 * without a byte order mark; `problem` when it is no regular file (a FIFO would make a read wait for
 * ever) or larger than `MAX_CONFIG_BYTES`, or cannot be read, or is not UTF-8 text (read as articles are:
 * a UTF-16 file is no JSON mistake, and Latin-1 bytes would pin a name with U+FFFD in it); undefined
 * when there is none.
 */
export function readConfigFile(file: string, what = 'pinned entities'): { text: string } | { problem: string } | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return undefined;
  }
  // A folder is read, and says so as any unreadable file does.
  if (!st.isFile() && !st.isDirectory()) return { problem: `The ${what} file is not a regular file; it is not read.` };
  if (st.size > MAX_CONFIG_BYTES) return { problem: `The ${what} file is ${(st.size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_CONFIG_BYTES / 1024 / 1024} MB it may be; it is not read.` };
  let bytes: Buffer | undefined;
  try {
    bytes = readAtMostSync(file, st.size, MAX_CONFIG_BYTES);
  } catch (err) {
    return { problem: `The ${what} could not be read: ${whyUnreadable(err)}.` };
  }
  if (!bytes) return { problem: `The ${what} file holds more than the ${MAX_CONFIG_BYTES / 1024 / 1024} MB it may be; it is not read.` };
  const read = decodeArticle(bytes);
  if (!read.ok) return { problem: `The ${what} file is not read: ${read.message}.` };
  return { text: read.text };
}

/** Whether the path itself (not what it points to) is a symbolic link; false when it cannot be looked at. */
export function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
