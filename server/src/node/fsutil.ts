/**
 * Reading article files safely, shared by the language server and the CLI:
 * a size limit, binary and non-UTF-8 detection, and a folder walk that skips
 * dependency and VCS folders and never follows a symlinked folder (no loops).
 */
import * as fs from 'fs';
import * as path from 'path';
import { isCandidateFile } from '../core/detect';

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; code: 'file.unreadable' | 'file.binary' | 'file.encoding' | 'file.too-large'; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readArticleFile(file: string, options: { maxBytes: number }): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const st = await fs.promises.stat(file);
    const refused = refusal(st, options.maxBytes);
    if (refused) return refused;
    bytes = await fs.promises.readFile(file);
  } catch (err) {
    return unreadable(err);
  }
  return decodeArticle(bytes);
}

/**
 * `readArticleFile` without the thread pool, for analyst threads, which have
 * nothing else to do meanwhile: `fs.promises.readFile` costs several round
 * trips through libuv's pool per file, a synchronous read one system call.
 */
export function readArticleFileSync(file: string, options: { maxBytes: number }): ReadResult {
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    const refused = refusal(st, options.maxBytes);
    if (refused) return refused;
    bytes = fs.readFileSync(file);
  } catch (err) {
    return unreadable(err);
  }
  return decodeArticle(bytes);
}

function refusal(st: fs.Stats, maxBytes: number): ReadResult | undefined {
  if (!st.isFile()) return { ok: false, code: 'file.unreadable', message: 'not a regular file' };
  if (st.size > maxBytes) {
    return { ok: false, code: 'file.too-large', message: `${(st.size / 1e6).toFixed(1)} MB is more than the ${(maxBytes / 1e6).toFixed(1)} MB limit` };
  }
  return undefined;
}

function unreadable(err: unknown): ReadResult {
  return { ok: false, code: 'file.unreadable', message: (err as NodeJS.ErrnoException).code ?? String(err) };
}

function decodeArticle(bytes: Buffer): ReadResult {
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, code: 'file.binary', message: 'the file holds binary data (a NUL byte)' };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, code: 'file.encoding', message: 'the file is not valid UTF-8' };
  }
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/**
 * Every candidate article file under the roots, sorted; a root that is a file
 * is taken as it is. Files that are symbolic links are also added to
 * `symlinks` when given (directories that are links are not followed).
 */
export async function walkArticleFiles(roots: string[], symlinks?: Set<string>): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await visit(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && isCandidateFile(e.name)) {
        out.push(p);
        if (symlinks && e.isSymbolicLink()) symlinks.add(p);
      }
    }
  };
  for (const r of roots) {
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(r);
    } catch {
      continue;
    }
    if (st.isDirectory()) await visit(r);
    else out.push(r);
  }
  return out.sort();
}
