/**
 * The side-by-side baseline: Microsoft's vscode-markdown-languageservice (the
 * engine behind VS Code's own Markdown features) indexing the same files as
 * our server, in-process, without any JSON-RPC in between. It implements the
 * service's `IWorkspace` over plain folders (reading files with fs, listing
 * every `.md`/`.txt` file as a Markdown document) and its `IMdParser` with
 * markdown-it, then times:
 *
 * - the first `getWorkspaceSymbols('')`: cold, it reads and tokenises every
 *   file and builds every table of contents, the nearest thing the service has
 *   to our cold index;
 * - further `getWorkspaceSymbols('')` calls (warm);
 * - `getReferences` on an external link in the probe document: the first call
 *   builds the workspace's link cache (every file tokenised again), later calls
 *   are warm; and on a heading, warm.
 *
 * `bench/run.ts` runs it as a child process (`node -r tsx/cjs bench/mdls.ts
 * '<json options>'`) so that each run starts cold, its peak RSS is its own and
 * a run that takes too long can be stopped; it prints one JSON object
 * (`MdlsResult`) on stdout. It can be run by hand the same way.
 */
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { walk } from './files';
import MarkdownIt from 'markdown-it';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CancellationToken, type Disposable } from 'vscode-languageserver';
import {
  createLanguageService, githubSlugifier, LogLevel, type FileStat, type IMdParser, type ITextDocument, type IWorkspace,
} from 'vscode-markdown-languageservice';

export interface MdlsOptions {
  /** Folders whose `.md`/`.txt` files are the workspace (the corpus folder and the seeds, as our server reads them). */
  roots: string[];
  /** The document to ask references in. */
  probe: string;
  /** How many warm calls of each kind to time. */
  warmCalls: number;
}

export interface MdlsResult {
  documents: number;
  symbols: number;
  /** First getWorkspaceSymbols(''): reads and parses everything. */
  coldSymbolsMs: number;
  warmSymbolsMs: number[];
  /** First getReferences on a link: builds the workspace link cache. */
  refsLinkFirstMs: number | null;
  refsLinkWarmMs: number[];
  refsLinkCount: number;
  refsHeadingWarmMs: number[];
  refsHeadingCount: number;
  /** VmHWM of this process at the end, in kB. */
  peakRssKb: number | null;
}

const EXTS = /\.(?:md|txt)$/i;

/** No events: the benchmark's files do not change while it runs. */
function never<T>(): (listener: (e: T) => unknown) => Disposable {
  return () => ({ dispose: () => undefined });
}

/** Every `.md`/`.txt` file under the roots, sorted, found as our server finds its files (`walk`). */
function listFiles(roots: string[]): string[] {
  return walk(roots).filter((f) => EXTS.test(f));
}

/** The service's view of a set of folders on disk; documents are read once and kept, as VS Code's workspace does. */
export class FolderWorkspace implements IWorkspace {
  private readonly docs = new Map<string, TextDocument>();
  readonly onDidChangeMarkdownDocument = never<ITextDocument>();
  readonly onDidCreateMarkdownDocument = never<ITextDocument>();
  readonly onDidDeleteMarkdownDocument = never<URI>();

  constructor(private readonly roots: string[]) {}

  get workspaceFolders(): readonly URI[] {
    return this.roots.map((r) => URI.file(r));
  }

  async getAllMarkdownDocuments(): Promise<Iterable<ITextDocument>> {
    const files = listFiles(this.roots);
    const out: ITextDocument[] = [];
    // Read in batches, as an editor's file service would, rather than one await per file.
    const BATCH = 32;
    for (let i = 0; i < files.length; i += BATCH) {
      const docs = await Promise.all(files.slice(i, i + BATCH).map((f) => this.openMarkdownDocument(URI.file(f))));
      for (const d of docs) if (d) out.push(d);
    }
    return out;
  }

  hasMarkdownDocument(resource: URI): boolean {
    return this.docs.has(resource.toString());
  }

  async openMarkdownDocument(resource: URI): Promise<ITextDocument | undefined> {
    const key = resource.toString();
    const have = this.docs.get(key);
    if (have) return have;
    if (!EXTS.test(resource.fsPath)) return undefined;
    try {
      const text = await fs.promises.readFile(resource.fsPath, 'utf8');
      const doc = TextDocument.create(key, 'markdown', 1, text);
      this.docs.set(key, doc);
      return doc;
    } catch {
      return undefined;
    }
  }

  async stat(resource: URI): Promise<FileStat | undefined> {
    try {
      const st = await fs.promises.stat(resource.fsPath);
      return { isDirectory: st.isDirectory() };
    } catch {
      return undefined;
    }
  }

  async readDirectory(resource: URI): Promise<Iterable<readonly [string, FileStat]>> {
    try {
      const entries = await fs.promises.readdir(resource.fsPath, { withFileTypes: true });
      return entries.map((e) => [e.name, { isDirectory: e.isDirectory() }] as const);
    } catch {
      return [];
    }
  }
}

/** Where in the probe document to ask for references: inside its first external link, and on its first heading. */
function probePositions(doc: TextDocument): { link?: { line: number; character: number }; heading?: { line: number; character: number } } {
  const text = doc.getText();
  const body = Math.max(0, text.search(/^##[ \t]*Article/im));
  const re = /\]\((https?:\/\/[^)\s]+)\)/g;
  re.lastIndex = body;
  const m = re.exec(text);
  const link = m ? doc.positionAt(m.index + 2 + 4) : undefined;
  // A setext heading (text over a line of dashes) in the body, else an ATX one.
  const lines = text.split(/\r?\n/);
  const bodyLine = doc.positionAt(body).line;
  let heading: { line: number; character: number } | undefined;
  for (let i = bodyLine + 1; i + 1 < lines.length; i++) {
    if (lines[i].trim() && /^-{3,}\s*$/.test(lines[i + 1])) {
      heading = { line: i, character: 1 };
      break;
    }
  }
  if (!heading) {
    const h = lines.findIndex((l) => /^#{1,6} \S/.test(l));
    if (h >= 0) heading = { line: h, character: 2 };
  }
  return { link, heading };
}

function peakRssKb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export async function runMdls(opts: MdlsOptions): Promise<MdlsResult> {
  // VS Code's Markdown server parses with markdown-it, HTML allowed.
  const md = new MarkdownIt({ html: true });
  const parser: IMdParser = {
    slugifier: githubSlugifier,
    tokenize: async (doc) => md.parse(doc.getText(), {}),
  };
  const workspace = new FolderWorkspace(opts.roots);
  const ls = createLanguageService({
    workspace,
    parser,
    logger: { level: LogLevel.Off, log: () => undefined },
    markdownFileExtensions: ['md', 'txt'],
  });
  const token = CancellationToken.None;

  let t = performance.now();
  const symbols = await ls.getWorkspaceSymbols('', token);
  const coldSymbolsMs = performance.now() - t;
  const warmSymbolsMs: number[] = [];
  for (let i = 0; i < opts.warmCalls; i++) {
    t = performance.now();
    await ls.getWorkspaceSymbols('', token);
    warmSymbolsMs.push(performance.now() - t);
  }

  const doc = (await workspace.openMarkdownDocument(URI.file(opts.probe))) as TextDocument | undefined;
  const pos = doc ? probePositions(doc) : {};
  let refsLinkFirstMs: number | null = null;
  const refsLinkWarmMs: number[] = [];
  let refsLinkCount = 0;
  if (doc && pos.link) {
    t = performance.now();
    refsLinkCount = (await ls.getReferences(doc, pos.link, { includeDeclaration: true }, token)).length;
    refsLinkFirstMs = performance.now() - t;
    for (let i = 0; i < opts.warmCalls; i++) {
      t = performance.now();
      await ls.getReferences(doc, pos.link, { includeDeclaration: true }, token);
      refsLinkWarmMs.push(performance.now() - t);
    }
  }
  const refsHeadingWarmMs: number[] = [];
  let refsHeadingCount = 0;
  if (doc && pos.heading) {
    for (let i = 0; i < opts.warmCalls; i++) {
      t = performance.now();
      refsHeadingCount = (await ls.getReferences(doc, pos.heading, { includeDeclaration: true }, token)).length;
      refsHeadingWarmMs.push(performance.now() - t);
    }
  }
  const documents = [...(await workspace.getAllMarkdownDocuments())].length;
  ls.dispose();
  return { documents, symbols: symbols.length, coldSymbolsMs, warmSymbolsMs, refsLinkFirstMs, refsLinkWarmMs, refsLinkCount, refsHeadingWarmMs, refsHeadingCount, peakRssKb: peakRssKb() };
}

if (require.main === module) {
  const arg = process.argv[2];
  if (!arg) {
    console.error(`usage: node -r tsx/cjs bench/mdls.ts '{"roots":["<folder>"],"probe":"<file>","warmCalls":20}'`);
    process.exit(2);
  }
  runMdls(JSON.parse(arg) as MdlsOptions).then(
    (r) => {
      process.stdout.write(`${JSON.stringify(r)}\n`);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
