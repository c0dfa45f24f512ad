/**
 * The corpus on disk: the bundled seeds, the workspace folders and any
 * `breachDesk.corpus` folders. Reads and indexes them in the background with
 * progress, keeps them current from file-watcher events, and never lets one
 * bad file stop the rest. This is the only part of the server that reads
 * files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { analyze } from '../core/analyze';
import { looksLikeArticle } from '../core/detect';
import { extractFacts } from '../core/extract/facts';
import { CorpusIndex, lineStartsOf, type Origin } from '../core/index/corpus';
import { readArticleFile, walkArticleFiles } from '../node/fsutil';
import { parsePins, type PinProblem } from '../core/extract/pins';

export const SEEDS_DIR = path.join(__dirname, '..', 'seeds');

export interface Root {
  dir: string;
  origin: Origin;
}

export interface LoadReport {
  indexed: number;
  skipped: { path: string; message: string }[];
  ms: number;
}

/** Facts for one text, indexed under `uri`. Shared by open documents and files on disk. */
export function indexText(index: CorpusIndex, uri: string, text: string, origin: Origin): void {
  const analysis = analyze(text, { now: Date.now() });
  if (analysis.article.title?.text.trim().toLowerCase() === 'unknown') {
    // Placeholder articles carry nothing worth knowing.
    index.remove(uri);
    return;
  }
  const outlets = new Map([...index.outlets().keys()].map((o) => [o.toLowerCase(), o]));
  const facts = extractFacts(uri, text, analysis.article, { outlets, pins: [...index.pins.values()] });
  index.set({ facts, lineStarts: lineStartsOf(text), origin });
}

export function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

export function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export const PINS_FILE = path.join('.breachdesk', 'entities.json');

/** Reads the pinned entities of the workspace folders into the index; returns the problems per file. */
export function loadPins(index: CorpusIndex, folders: string[]): { file: string; text: string; problems: PinProblem[] }[] {
  index.pins.clear();
  const reports: { file: string; text: string; problems: PinProblem[] }[] = [];
  for (const dir of folders) {
    const file = path.join(dir, PINS_FILE);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const { pins, problems } = parsePins(text);
    for (const p of pins) if (!index.pins.has(p.key)) index.pins.set(p.key, p);
    reports.push({ file, text, problems });
  }
  return reports;
}

export interface LoadOptions {
  maxBytes: number;
  /** Called every so often with (done, total). */
  progress?: (done: number, total: number) => void;
  /** Return true to stop early (a newer load started, or the server shuts down). */
  cancelled?: () => boolean;
  /** Documents the editor has open: their text wins over the disk. */
  isOpen?: (uri: string) => boolean;
}

export async function loadRoots(index: CorpusIndex, roots: Root[], options: LoadOptions): Promise<LoadReport> {
  const t0 = Date.now();
  const skipped: LoadReport['skipped'] = [];
  const files: { file: string; origin: Origin }[] = [];
  const seen = new Set<string>();
  for (const r of roots) {
    if (!fs.existsSync(r.dir)) {
      skipped.push({ path: r.dir, message: 'folder does not exist' });
      continue;
    }
    for (const file of await walkArticleFiles([r.dir])) {
      let real = file;
      try { real = fs.realpathSync(file); } catch { /* keep the path as given */ }
      if (seen.has(real)) continue;
      seen.add(real);
      files.push({ file, origin: r.origin });
    }
  }
  let done = 0;
  const BATCH = 32;
  for (let i = 0; i < files.length; i += BATCH) {
    if (options.cancelled?.()) break;
    const batch = files.slice(i, i + BATCH);
    const texts = await Promise.all(batch.map((f) => readArticleFile(f.file, { maxBytes: options.maxBytes })));
    batch.forEach((f, j) => {
      const r = texts[j];
      const uri = uriOf(f.file);
      if (options.isOpen?.(uri)) return;
      if (!r.ok) {
        skipped.push({ path: f.file, message: r.message });
        return;
      }
      if (!looksLikeArticle(r.text)) return;
      try {
        indexText(index, uri, r.text, f.origin);
      } catch (err) {
        // The core never throws on any text; if it ever does, one file must not stop the corpus.
        skipped.push({ path: f.file, message: `could not be analysed: ${String(err)}` });
      }
    });
    done += batch.length;
    options.progress?.(done, files.length);
    // Let requests and edits in between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { indexed: done - skipped.length, skipped, ms: Date.now() - t0 };
}

/** Re-reads one file after a watcher event. */
export async function reloadFile(index: CorpusIndex, file: string, origin: Origin, maxBytes: number): Promise<string | undefined> {
  const uri = uriOf(file);
  const r = await readArticleFile(file, { maxBytes });
  if (!r.ok) {
    index.remove(uri);
    return r.code === 'file.unreadable' ? undefined : r.message;
  }
  if (!looksLikeArticle(r.text)) {
    index.remove(uri);
    return undefined;
  }
  indexText(index, uri, r.text, origin);
  return undefined;
}
