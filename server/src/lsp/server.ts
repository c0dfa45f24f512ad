/**
 * The language server: LSP glue around the pure core. Handlers convert the
 * request, ask the core, convert the answer; nothing here analyses text.
 *
 * Documents are analysed once per version, lazily, and cached; edits are
 * coalesced so a burst of keystrokes costs one analysis, and diagnostics are
 * published only for the version they were computed from.
 */
import {
  CodeActionKind, type CodeAction, type CodeLens, CompletionItemKind, InsertTextFormat, DocumentHighlightKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  FileChangeType, type Connection, type InitializeParams, type InitializeResult, type Location as LspLocation, type LocationLink, MarkupKind,
  type Diagnostic as LspDiagnostic, ErrorCodes, LSPErrorCodes, MessageType, type Position, RequestType0, type WorkDoneProgressReporter, ResponseError, type SelectionRange, SemanticTokensBuilder, ShowMessageNotification, SymbolKind, type TextDocumentChangeEvent, TextDocumentSyncKind, TextDocuments, WatchKind, type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
import { checkConsistency } from '../core/check/consistency';
import { applySilences } from '../core/check/suppress';
import { CODES } from '../core/codes';
import { applySeverities, diag, nonOverlapping, type Diagnostic, type SeverityOverrides } from '../core/diagnostics';
import { isArticleFile, isCandidateFile, isPlaceholder } from '../core/detect';
import { folds } from '../core/features/folding';
import { outline } from '../core/features/outline';
import { selectionsOf } from '../core/features/selection';
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from '../core/features/semantic';
import { LineIndex } from '../core/text';
import { CorpusIndex, MIN_QUOTE_WORDS, quoteWords, type IndexedDoc } from '../core/index/corpus';
import { extractFacts } from '../core/extract/facts';
import type { EntityKind } from '../core/extract/types';
import { cardSourceSteps, entityCardFor, fieldCardFor, fieldHover, hover } from '../core/features/hover';
import { dateHints, dateHover } from '../core/features/datecard';
import { definition, highlights, linkedFromLens, linkedFromText, references } from '../core/features/navigation';
import { renameEdits, renameTarget } from '../core/features/rename';
import { complete } from '../core/features/completion';
import { articleSkeleton } from '../core/features/skeleton';
import { timelineAt, timelineLenses, timelineText } from '../core/features/timeline';
import { workspaceSymbols } from '../core/features/symbols';
import type { Location } from '../core/features/locate';
import { aSeed, diskSource, excludedFrom, indexOutlets, isFolder, normalDrive, realPath, savedOutlets, loadPins, loadRoots, pathOf, PINS_FILE, reloadFile, SEEDS_DIR, uriOf, watchFolders, type Root } from './workspace';
import * as fs from 'fs';
import * as path from 'path';
import { claimStorage, CorpusCache, contentHash, releaseStorage, storageInside } from '../node/cache';
import { followedLink, isLink, linkRoots, readArticleFile, size, walkArticleFiles, walksInto, type LinkRoots, type WalkProblem } from '../node/fsutil';
import { isFix, markup, offsetsThrough, printableText, SOURCE, toDocumentSymbol, toFoldingRanges, toSymbolInformation, toLspDiagnostic, tokenEdits, type DiagnosticData } from './convert';
import { readSettings, type Settings, DEFAULT_MAX_FILE_SIZE, DEFAULT_SETTINGS } from './settings';

export const LANGUAGE_ID = 'breach-article';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.breach-desk`;

interface DocState {
  version: number;
  lines: LineIndex;
  analysis: Analysis;
}

/** How many articles' facts, loaded from the cache on demand, stay in memory. */
const RESIDENT_ARTICLES = 4000;
/** Identifies the analysis code, so a cache made by another build is not used (set by esbuild.mjs). */
declare const __BUILD_ID__: string | undefined;
const BUILD_ID = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev';

/** The server-side command of the timeline lenses, for clients that draw no timeline of their own. */
const TIMELINE_TEXT_COMMAND = 'breachDesk.figureTimelineText';
/** The "Linked from" code lens's command for a client that shows no references view: the articles, as a message. */
const LINKED_FROM_TEXT_COMMAND = 'breachDesk.linkedFromText';

const SYMBOL_OF: Record<EntityKind | 'article', SymbolKind> = {
  person: SymbolKind.Constructor,
  organisation: SymbolKind.Class,
  outlet: SymbolKind.Interface,
  place: SymbolKind.Module,
  handle: SymbolKind.Key,
  other: SymbolKind.Constant,
  vulnerability: SymbolKind.Event,
  article: SymbolKind.File,
};

/** What `breachDesk/checkAll` answers ("Check All Articles"; the client reads it through client/src/protocol.ts). */
export interface CheckAllResult {
  /** Articles checked, of how many the workspace has. */
  articles: number;
  of: number;
  errors: number;
  warnings: number;
  /** Information and hints. */
  notes: number;
  /** Stopped before the end (cancelled, or a newer run started). */
  cancelled: boolean;
  /** In restricted mode no folder is read, so nothing was checked. */
  restricted?: boolean;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocState>();
  /** How long after the last keystroke a new layout problem waits before it is shown (`whileTyping`). */
  const QUIET_MS = 500;
  /** The least time between two reports of the first index's progress. */
  const PROGRESS_EVERY_MS = 100;
  /** When each open document was last edited (not opened). */
  const lastEdit = new Map<string, number>();
  /** The version each document was opened at: a content event of that version is the open, not an edit. */
  const openedAt = new Map<string, number>();
  /** What was last published of each document's own problems, and the text they were in. */
  const shown = new Map<string, { text: string; problems: { code: string; start: number }[] }>();
  const quietTimers = new Map<string, NodeJS.Timeout>();
  const settingsCache = new Map<string, Promise<Settings>>();
  const pending = new Set<string>();
  let flushScheduled = false;
  let canPullConfiguration = false;
  /** Settings a client that cannot be asked for them sends (`didChangeConfiguration`'s `settings.breachDesk`, or `initializationOptions.settings`). */
  let pushedSettings: unknown;
  /** The client draws figure timelines itself (the VS Code extension); other clients have the server show them as text. */
  let drawsTimelines = false;
  /** Whether the client shows the "Linked from" code lens's references itself (`breachDesk.showLinkedFrom`, VS Code's peek). */
  let showsReferences = false;
  /** The code lenses' commands this server runs itself, as text in a message, for a client that draws neither view. */
  const textCommands = () => [...(drawsTimelines ? [] : [TIMELINE_TEXT_COMMAND]), ...(showsReferences ? [] : [LINKED_FROM_TEXT_COMMAND])];
  /** The client takes LocationLinks from definition (VS Code, Neovim): a figure's source opens at the figure, its sentence around it. */
  let definitionLinks = false;
  /** The client takes snippets in completion items (a new article's skeleton, with tab stops). */
  let snippets = false;
  /** Whether the client asks for semantic tokens again when told to (`workspace/semanticTokens/refresh`). */
  let refreshesTokens = false;
  /** Whether the client takes a workspace edit's versioned `documentChanges` (else its plain `changes`). */
  let takesDocumentChanges = false;
  let canWatch = false;
  let canTrackFolders = false;
  /** Whether the client renders Markdown in hovers and in completion items' documentation (else plain text is sent). */
  let markdownHovers = true;
  let markdownDocs = true;
  /** Whether the client takes an outline as a tree (`DocumentSymbol[]`), else a flat list (`SymbolInformation[]`). */
  let symbolTree = true;
  let trusted = true;
  /** Requests before `initialize` get the protocol's ServerNotInitialized error (-32002). */
  let initialized = false;
  const notInitialized = () => new ResponseError(ErrorCodes.ServerNotInitialized, 'Breach Desk: the server has not been initialized yet.');
  /** After `shutdown` a request is an error (InvalidRequest), as the protocol says: the server is about to exit. */
  let shutDown = false;
  /** Throws the protocol's error for a request the server cannot answer yet (before `initialize`) or any more. */
  const ready = (): void => {
    if (!initialized) throw notInitialized();
    if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'Breach Desk: the server is shutting down.');
  };
  /**
   * The shape of what a request names, checked before any handler reads it:
   * a malformed request gets InvalidParams (-32602) saying what is wrong,
   * not an internal error from deep inside a feature.
   */
  const checkParams = (p: unknown, required: string[] = []): void => {
    const bad = (what: string) => new ResponseError(ErrorCodes.InvalidParams, `Breach Desk: ${what}.`);
    // Numbers out of range (negative, fractional, huge) are clamped by the features; other types are refused.
    const isPos = (x: unknown) => !!x && typeof x === 'object' && Number.isFinite((x as { line?: unknown }).line) && Number.isFinite((x as { character?: unknown }).character);
    if (!p || typeof p !== 'object' || Array.isArray(p)) throw bad('the params must be an object');
    const o = p as Record<string, unknown>;
    for (const k of required) if (!(k in o)) throw bad(`${k} is missing`);
    if ('textDocument' in o && (!o.textDocument || typeof o.textDocument !== 'object' || typeof (o.textDocument as { uri?: unknown }).uri !== 'string')) throw bad('textDocument.uri must be a string');
    if ('position' in o && !isPos(o.position)) throw bad('position must have a numeric line and character');
    if ('range' in o && !(o.range && typeof o.range === 'object' && isPos((o.range as { start?: unknown }).start) && isPos((o.range as { end?: unknown }).end))) throw bad('range must have a start and an end position');
    if ('positions' in o && !(Array.isArray(o.positions) && o.positions.length <= 10_000 && o.positions.every(isPos))) throw bad('positions must be a list of positions');
    if ('query' in o && typeof o.query !== 'string') throw bad('query must be a string');
    if ('uri' in o && typeof o.uri !== 'string') throw bad('uri must be a string');
  };
  /** The editor's storage for this workspace, where the corpus cache lives (never where the load reads: `cacheStorage`). */
  let storagePath: string | undefined;
  let analystThreads: number | undefined;
  let workspaceFolders: WorkspaceFolder[] = [];
  const index = new CorpusIndex();
  // Facts read from the cache on demand stay for a while, then go: memory follows what is used,
  // not the size of the corpus. Between requests only (a timer never runs inside a handler).
  setInterval(() => index.trimResident(RESIDENT_ARTICLES), 5000).unref();
  let loadGeneration = 0;
  /** The first load has not finished: cards say their counts are partial. */
  let firstLoadDone = false;
  let roots: Root[] = [];
  /** The size limit for files read from disk (`breachDesk.maxFileSize`), read at each load of the corpus. */
  let maxBytes = DEFAULT_MAX_FILE_SIZE;

  const isArticle = (doc: TextDocument) => doc.languageId === LANGUAGE_ID || isArticleFile(doc.uri, doc.getText());

  /**
   * A bad setting is said once per change of the settings (each document's settings are read apart, and would
   * repeat it): in the log, and in a message the user sees, since a setting that silently does nothing is a trap.
   */
  const settingWarnings = new Set<string>();
  function warnSetting(message: string): void {
    if (settingWarnings.has(message)) return;
    settingWarnings.add(message);
    connection.console.warn(message);
    // A notification, not a request: nothing waits on the user, and a client without message boxes just logs it.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Breach Desk: ${message}` });
  }

  function settingsFor(uri: string): Promise<Settings> {
    // A client that cannot be asked (Neovim 0.7) pushes one set of settings for the whole workspace.
    const key = canPullConfiguration ? uri : '';
    let s = settingsCache.get(key);
    if (!s) {
      s = !canPullConfiguration
        ? Promise.resolve(pushedSettings === undefined ? DEFAULT_SETTINGS : readSettings(pushedSettings, warnSetting))
        : connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: 'breachDesk' } : { section: 'breachDesk' }).then(
          (raw) => readSettings(raw, warnSetting),
          () => DEFAULT_SETTINGS,
        );
      settingsCache.set(key, s);
    }
    return s;
  }

  /** The analysis of the document's current version, computed at most once. */
  function stateOf(doc: TextDocument, severities: SeverityOverrides | undefined): DocState {
    const cached = states.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    const analysis = analyze(text, { now: Date.now(), severities });
    analysisWarm = true;
    const state: DocState = { version: doc.version, lines: analysis.lines, analysis };
    states.set(doc.uri, state);
    // The open version of a document is what the corpus knows of it.
    const placeholder = isPlaceholder(state.analysis.article);
    // Above the size limit an open document gets the layout checks only: extracting a dump of
    // megabytes on every keystroke would take seconds each time.
    const large = text.length > maxBytes;
    if (large) {
      analysis.diagnostics.push(diag('file.too-large', { start: 0, end: 0 },
        `This document is larger than breachDesk.maxFileSize (${size(maxBytes)}): it is checked for layout only; its names and figures are not indexed or compared.`));
    }
    if (placeholder || large) index.remove(doc.uri);
    else {
      const outlets = indexOutlets(index);
      // A file the user excludes from the corpus is checked against it when opened, as a draft: no source for others.
      index.set({ facts: extractFacts(doc.uri, text, state.analysis.article, { outlets, pins: [...index.pins.values()] }), lineStarts: state.lines.lineStarts, origin: originOf(doc.uri), draft: isExcluded(doc.uri) });
    }
    return state;
  }

  async function currentState(uri: string): Promise<DocState | undefined> {
    const doc = documents.get(uri);
    if (!doc || !isArticle(doc)) return undefined;
    const settings = await settingsFor(uri);
    // The document may have changed while the settings were on their way.
    const now = documents.get(uri);
    return now ? stateOf(now, settings.severity) : undefined;
  }

  /** Whether `breachDesk.exclude` leaves this document's file out of the corpus (`excludedFrom`). */
  function isExcluded(uri: string): boolean {
    const p = pathOf(uri);
    return p !== undefined && excludedFrom(roots, p);
  }

  function originOf(uri: string) {
    const p = pathOf(uri);
    if (p && p.startsWith(SEEDS_DIR + path.sep)) return 'seed' as const;
    const r = p ? roots.find((x) => p.startsWith(x.dir + path.sep)) : undefined;
    return r?.origin ?? 'workspace';
  }

  function toLocations(locs: Location[]): LspLocation[] {
    const out: LspLocation[] = [];
    for (const l of locs) {
      const range = index.range(l.uri, l.span);
      if (range) out.push({ uri: l.uri, range });
    }
    return out;
  }

  async function configuredRoots(): Promise<Root[]> {
    const out: Root[] = [{ dir: SEEDS_DIR, origin: 'seed' }];
    if (!trusted) return out;
    // Each workspace folder's own `exclude` (a folder may set its own); the window's for `corpus` folders.
    for (const f of workspaceFolders) {
      const p = pathOf(f.uri);
      if (p) out.push({ dir: p, origin: 'workspace', exclude: (await settingsFor(f.uri)).exclude });
    }
    // Asked for, or as a client that cannot be asked gave them.
    const raw = (canPullConfiguration ? await connection.workspace.getConfiguration({ section: 'breachDesk' }).then((c) => c, () => undefined) : pushedSettings) as { corpus?: unknown } | undefined;
    const extra = Array.isArray(raw?.corpus) ? raw!.corpus : [];
    const exclude = extra.length ? (await settingsFor('')).exclude : [];
    for (const dir of extra) {
      if (typeof dir !== 'string' || !dir.trim()) continue;
      const base = workspaceFolders.length ? pathOf(workspaceFolders[0].uri) : undefined;
      out.push({ dir: normalDrive(path.resolve(base ?? process.cwd(), dir)), origin: 'corpus', exclude });
    }
    return out;
  }

  /** How long each slice of the work that follows a load may run before a request gets its turn. */
  const AFTER_LOAD_SLICE_MS = 4;
  /** The corpus cache being written after a load, a slice at a time. */
  let cacheWriting: Generator<void, void, void> | undefined;

  /** Writes the cache for up to `ms` milliseconds; true when it is done (or failed, which is logged). */
  function writeCache(ms: number): boolean {
    const end = Date.now() + ms;
    try {
      while (cacheWriting) {
        if (cacheWriting.next().done) cacheWriting = undefined;
        else if (Date.now() >= end) return false;
      }
    } catch (err) {
      cacheWriting = undefined;
      connection.console.warn(`Could not write the corpus cache: ${String(err)}`);
    }
    return true;
  }

  /** What was last said of the cache's storage folder (`cacheStorage`): each message once, until it changes. */
  let storageSaid: string | undefined;
  /** Whether a load claimed the storage folder already: only the first waits for another server to let it go. */
  let storageClaimed = false;
  /** Whether the last load's cache was this server's to write (`claimStorage`'s `write`). */
  let cacheWritable = false;

  /**
   * The storage folder the corpus cache is kept in for this load, or undefined: never one the load would walk into
   * (inside a workspace folder but through a hidden folder is fine: `storageInside`), and written by one server at
   * a time (`claimStorage`: two that shared one read each other's facts); another's is read, not written. Asked at
   * every load: a folder added or removed, or the other server gone, changes the answer.
   */
  async function cacheStorage(): Promise<string | undefined> {
    cacheWritable = false;
    const storage = storagePath;
    if (!storage) return undefined;
    const say = (level: 'info' | 'warn', message: string) => {
      if (storageSaid !== message) connection.console[level](message);
      storageSaid = message;
    };
    // Also the folders added since the last load.
    const inside = storageInside(storage, workspaceFolders.map((f) => pathOf(f.uri)).filter((p): p is string => Boolean(p)));
    if (inside !== undefined) {
      releaseStorage(storage);
      say('warn', `The corpus cache is not used: its storage folder ${storage} is in the workspace folder ${inside}, where the load reads articles.`);
      return undefined;
    }
    // An editor restarting its server starts the new one as the old one exits: the first load waits a little for it.
    const claim = await claimStorage(storage, storageClaimed ? 0 : undefined);
    storageClaimed = true;
    if (claim.mode === 'none') {
      say('warn', `The corpus cache is not used: ${claim.why}.`);
      return undefined;
    }
    if (claim.why) say('info', `Corpus cache: ${claim.why}.`);
    else storageSaid = undefined;
    cacheWritable = claim.mode === 'write';
    return storage;
  }

  /** What a load of the corpus depends on among the settings, as a key. */
  const corpusSettings = (r: Root[], max: number) => JSON.stringify([r, max]);
  /** The settings the last load of the corpus was made with (`corpusSettings`). */
  let lastCorpusSettings = '';
  /** Pins files whose problems are shown. */
  let pinsReported = new Set<string>();

  /** (Re)reads every root in the background, with progress, while requests are served. */
  async function loadCorpus(): Promise<void> {
    const generation = ++loadGeneration;
    loading = true;
    try {
      await load(generation);
    } finally {
      // A load that failed or was cut short by no newer one leaves the work between requests free to run.
      if (generation === loadGeneration && loading) {
        loading = false;
        kickBackground();
      }
    }
  }

  async function load(generation: number): Promise<void> {
    // A newer load makes a cache of its own: the unfinished one is dropped (the previous one stays).
    cacheWriting?.return();
    cacheWriting = undefined;
    roots = await configuredRoots();
    watchRoots();
    // Window-scoped: the window's value, whatever a folder says (one limit for the whole corpus).
    const limit = (await settingsFor('')).maxFileSize;
    // Open documents were analysed under the old limit, or the old folders and exclusions (which made them drafts
    // or not): again under the new ones.
    if (corpusSettings(roots, limit) !== lastCorpusSettings) states.clear();
    maxBytes = limit;
    lastCorpusSettings = corpusSettings(roots, maxBytes);
    // Pins shape extraction, so they are read before any article.
    const folders = trusted ? workspaceFolders.map((f) => pathOf(f.uri)).filter((p): p is string => Boolean(p)) : [];
    const reported = new Set<string>();
    for (const report of loadPins(index, folders)) {
      const lines = new LineIndex(report.text);
      const uri = uriOf(report.file);
      reported.add(uri);
      void connection.sendDiagnostics({
        uri,
        diagnostics: report.problems.map((p) => ({ range: lines.range(p.span), severity: 1, code: 'config.invalid', source: SOURCE, message: p.message })),
      });
    }
    // A pins file fixed or deleted since: its problems go from the editor.
    for (const uri of pinsReported) if (!reported.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    pinsReported = reported;
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    let reportedAt = 0;
    let reportedDone = -1;
    progress?.begin('Breach Desk: indexing articles', 0, undefined, false);
    void connection.sendNotification('breachDesk/indexing', {});
    // The cache is keyed by the analysis build, the pins and the size limit: any change makes it start over.
    const cacheKey = `${BUILD_ID}|${contentHash(JSON.stringify([...index.pins.values()]))}|${maxBytes}`;
    const storage = await cacheStorage();
    // The index's time counts from here: reading the cache is part of a warm start.
    const began = Date.now();
    let cache: CorpusCache | undefined;
    if (storage) {
      cache = CorpusCache.open(storage, cacheKey);
      if (cache.discarded) connection.console.info(`Corpus cache ${cache.discarded}; rebuilding it.`);
    }
    const report = await loadRoots(index, roots, {
      cache,
      analystThreads,
      log: (m) => connection.console.warn(m),
      maxBytes,
      cancelled: () => generation !== loadGeneration,
      isOpen: (uri) => documents.get(uri) !== undefined,
      progress: (done, total) => {
        // At most one report in 100 ms, and the last, once: a warm start of 10,000 files sent 79 in half a second.
        const now = Date.now();
        if (done === reportedDone || (done < total && now - reportedAt < PROGRESS_EVERY_MS)) return;
        reportedAt = now;
        reportedDone = done;
        progress?.report(Math.round((done / Math.max(total, 1)) * 100), `${done} of ${total} files`);
      },
    });
    // The loader leaves open documents to the editor's text: make sure each is in the
    // index before the counts go out (a fast load can finish before an opened
    // document's first analysis, and the status bar would count one article short),
    // analysed knowing every outlet the load found (one opened meanwhile knew some).
    for (const d of documents.all()) {
      states.delete(d.uri);
      await currentState(d.uri);
    }
    progress?.done();
    if (generation !== loadGeneration) return;
    const ms = Date.now() - began;
    connection.console.info(`Indexed ${index.size} articles in ${ms} ms (${report.cached} from the cache, ${report.analysts} worker threads); ${report.skipped.length} skipped.`);
    for (const s of report.skipped.slice(0, 50)) connection.console.warn(`Skipped ${s.path}: ${s.message}`);
    lastSkipped = report.skipped.map((s) => s.path);
    lastPlaceholders = report.placeholders;
    let entities = 0;
    for (const _ of index.allEntities()) entities++;
    firstLoadDone = true;
    void connection.sendNotification('breachDesk/indexed', { articles: index.size, entities, skipped: report.skipped.length, ms, cached: report.cached, analysts: report.analysts, followed: report.followed });
    // Open documents are now compared with the whole corpus, and what they name may be read otherwise (an outlet
    // the load found, a pinned name): the client asks for their tokens again.
    for (const d of documents.all()) schedule(d.uri);
    if (documents.all().length) refreshTokens();
    // Then the entities are counted, the cache written, the quotation index built and the open
    // documents' cards loaded ahead, between requests (`background`).
    if (report.cache) cacheWriting = report.cache.committing();
    loading = false;
    // Every article now knows these Sources (or keeps their names otherwise, and would again): none is followed.
    followed.clear();
    for (const o of report.outlets) followed.add(o);
    // Sources whose files came while the load ran, perhaps after it read the folders.
    const later = [...followLater];
    followLater.clear();
    followSources(later);
    // The cards of the documents open now read what the whole corpus says of their names.
    warming = [];
    warmed.clear();
    for (const d of documents.all()) warmCards(d.uri);
    kickBackground();
    // What "Check All Articles" listed is listed again from the corpus as now read.
    if (listedArticles.size) relistAll();
  }

  /** A load of the corpus is under way: the work between requests waits for it. */
  let loading = false;
  /**
   * The open documents whose cards' articles are loaded between requests, the one opened last first: each with
   * the articles still to list (`cardSourceSteps`, worked out a step at a time) and how many it may still load.
   */
  let warming: { uri: string; steps: Iterator<string>; left: number }[] = [];
  /** Open documents whose cards' articles were queued, so each is warmed once after it opens. */
  const warmed = new Set<string>();
  /** At most this many articles are brought into memory ahead of one document's hovers. */
  const WARM_PER_DOCUMENT = 1000;
  /** When the writer last typed (any open document), and how long after it loading ahead goes slowly. */
  let lastKeystroke = 0;
  const WARM_QUIET_MS = 300;
  /**
   * When a request about a document last came (hover, definition, references, completion, code lenses…), and how
   * long after it loading ahead waits: a writer who points at one name after another is answered without waiting
   * for a step of it (one can take 20 ms, choosing a name's cited articles), and a hover asks for what it needs itself.
   * VS Code hovers 300 ms after the pointer stops, so loading ahead goes on between a writer's hovers.
   */
  let lastAsked = Number.NEGATIVE_INFINITY;
  const ASKED_QUIET_MS = 150;
  /** How long until `ASKED_QUIET_MS` have passed since the last request (0 if they have); on the monotonic clock, so a clock set back cannot hold the work between requests. */
  const askedWait = () => Math.max(0, Math.min(ASKED_QUIET_MS, ASKED_QUIET_MS - (performance.now() - lastAsked)));
  /** Whether the writer typed in the last `WARM_QUIET_MS` (a clock set back counts as not). */
  const typingNow = () => {
    const since = Date.now() - lastKeystroke;
    return since >= 0 && since < WARM_QUIET_MS;
  };
  let backgroundRunning = false;

  /**
   * Loads ahead, between requests, the articles the cards of `uri`'s figures
   * and names read, so the first hover answers from memory: loading some ten
   * articles' facts from the cache made it wait 10–30 ms, as long as the rest
   * of the card.
   */
  function warmCards(uri: string): void {
    // (A document closed while its diagnostics were on their way is not marked warmed: reopened, it is warmed then.)
    if (loading || !firstLoadDone || warmed.has(uri) || !index.get(uri) || !documents.get(uri)) return;
    warmed.add(uri);
    warming.push({ uri, steps: cardSourceSteps(index, uri), left: WARM_PER_DOCUMENT });
    // As after a request: a writer who points right after the document opens is answered first.
    lastAsked = performance.now();
    kickBackground();
  }

  /**
   * The work that follows a load and an opened document, run between requests
   * in one chain of short slices: the entities no request has read yet are
   * counted (`countEntities`, ~0.4 s at 10,000 articles), the corpus cache is written (0.6 s of work at
   * 10,000 articles that would otherwise hold up the first answers; finished at
   * shutdown, stopped by a newer load, which leaves the previous cache), then the
   * quotation index is built (a request that needs it first finishes it), then who
   * links where and the table of names a name may misspell, then the
   * facts the open documents' cards read are loaded. One slice of a few
   * milliseconds per turn of the event loop: a request takes several turns (read,
   * handle, write), and two 10 ms slices a turn made each of the first answers
   * after a cold index of 10,000 articles ~100 ms.
   */
  function kickBackground(): void {
    if (backgroundRunning) return;
    backgroundRunning = true;
    setImmediate(background);
  }

  function background(): void {
    if (loading) {
      backgroundRunning = false;
      return;
    }
    // Right after a request, slices are shorter: a request takes several turns of the event loop, each of which
    // would wait for one (right after a warm start of 10,000 articles, the first hovers took 15–70 ms so).
    const slice = askedWait() > 0 ? 1 : AFTER_LOAD_SLICE_MS;
    // Entities are counted when first read (`EntityEntry`): the rest first (~0.4 s at 10,000 articles), so
    // that the first list of them all (workspace symbols, completion) does not count them all.
    if (!index.countEntities(slice)) { /* more next turn */ }
    else if (cacheWriting) writeCache(slice);
    else if (!index.buildQuotes(slice)) { /* more next turn */ }
    // Who links where (`linkersOf`), so that the first "Linked from" lens does not build it (~0.2 s at 50,000 articles).
    else if (!index.buildLinks(slice)) { /* more next turn */ }
    // The names a name may misspell (`nearNames`; ~90 ms at 10,000 articles).
    else if (!index.buildNear(slice)) { /* more next turn */ }
    else if (checksLeftOut.size) {
      // The quotation index and the table of names are complete: the open documents published without their checks get them.
      for (const uri of checksLeftOut) schedule(uri);
      checksLeftOut.clear();
    } else if (warming.length && askedWait() > 0) {
      setTimeout(background, askedWait()).unref();
      return;
    } else if (warming.length) {
      // While the writer types, slices are shorter: a keystroke's diagnostics take several turns, each of which
      // would wait for one (4 ms slices made the first keystrokes after opening an article 20 ms slower).
      const end = Date.now() + (typingNow() ? 1 : AFTER_LOAD_SLICE_MS);
      while (warming.length && Date.now() < end) {
        const w = warming[warming.length - 1];
        let next: IteratorResult<string> | undefined;
        try {
          // A document closed meanwhile has no cards to hover.
          if (w.left > 0 && documents.get(w.uri)) next = w.steps.next();
        } catch {
          // Its own facts unreadable now: its hovers will say so in their own way.
        }
        if (!next || next.done) {
          warming.pop();
          continue;
        }
        w.left--;
        try {
          void index.get(next.value)?.facts;
        } catch {
          // Unreadable now: the hover that asks will say so in its own way.
        }
      }
    } else if (!analysisWarm && askedWait() > 0) {
      setTimeout(background, askedWait()).unref();
      return;
    } else if (!analysisWarm && typingNow()) {
      setTimeout(background, WARM_QUIET_MS).unref();
      return;
    } else if (!analysisWarm) {
      warmAnalysis();
    } else {
      backgroundRunning = false;
      return;
    }
    setImmediate(background);
  }

  /** Whether this thread has run the analysis of an article yet (an open document, or `warmAnalysis`). */
  let analysisWarm = false;

  /**
   * After a load the analyst threads or the cache did, this thread has never run the analysis, and the first
   * article the writer opens compiles it: at 10,000 articles its first diagnostics took ~150 ms, ~90 ms after another
   * article had been opened. Once, when nothing is asked: a bundled seed is analysed, extracted and checked against
   * the corpus, and all of it thrown away (nothing is published, nothing enters the index).
   */
  function warmAnalysis(): void {
    analysisWarm = true;
    const seed = aSeed();
    if (!seed) return;
    const started = Date.now();
    try {
      const analysis = analyze(seed.text, { now: Date.now(), severities: undefined });
      extractFacts(uriOf(seed.file), seed.text, analysis.article, { outlets: indexOutlets(index), pins: [...index.pins.values()] });
      const uri = uriOf(seed.file);
      const indexed = index.get(uri);
      if (indexed) {
        checkConsistency(index, uri, { quotes: index.quotesReady(), names: index.nearReady() });
        // And the cards: a figure's and a person's, so that the first of each the writer hovers is not the first this
        // thread works out (12–17 ms of a name's card after a warm start of 10,000 articles).
        const person = indexed.facts.entities.find((e) => e.kind === 'person')?.mentions[0];
        const figure = indexed.facts.figures.find((f) => f.subject !== undefined);
        for (const at of [figure?.span.start, person?.span.start]) if (at !== undefined) hover(index, uri, at);
      }
      connection.console.log(`Analysis warmed up on ${path.basename(seed.file)} in ${Date.now() - started} ms.`);
    } catch {
      // Only a warm-up: the article that needs it will report its own trouble.
    }
  }

  /**
   * Open documents whose diagnostics were published before the quotation index or the table of names (`buildNear`)
   * was complete, without the checks that read them.
   */
  const checksLeftOut = new Set<string>();

  // Other open documents' corpus diagnostics are refreshed after a quiet period,
  // not on every keystroke of the one being edited.
  const later = new Set<string>();
  let laterTimer: NodeJS.Timeout | undefined;
  function scheduleLater(uri: string): void {
    later.add(uri);
    if (laterTimer) clearTimeout(laterTimer);
    laterTimer = setTimeout(() => {
      laterTimer = undefined;
      for (const u of later) schedule(u);
      later.clear();
    }, 300);
  }

  function schedule(uri: string): void {
    pending.add(uri);
    if (flushScheduled) return;
    flushScheduled = true;
    // A document a client sent malformed must not take the server down with it.
    setImmediate(() => void flush().catch((err: unknown) => connection.console.error(`Publishing diagnostics failed: ${String(err)}`)));
  }

  async function flush(): Promise<void> {
    flushScheduled = false;
    const uris = [...pending];
    pending.clear();
    for (const uri of uris) {
      const doc = documents.get(uri);
      if (!doc) continue;
      if (!isArticle(doc)) {
        states.delete(uri);
        // Nothing to say, said once: a note being typed is not sent an empty list on every keystroke.
        if (shown.get(uri)?.problems.length === 0 && shown.get(uri)?.text === '') continue;
        shown.set(uri, { text: '', problems: [] });
        void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
        continue;
      }
      const state = await currentState(uri);
      // A newer version is already queued: publish that one instead, never an old one.
      if (!state || pending.has(uri) || documents.get(uri)?.version !== state.version) continue;
      const settings = await settingsFor(uri);
      // Until the quotation index and the table of names are built (in the background after a load), quotations and
      // names are checked later, not waited for.
      const quotes = index.quotesReady();
      const names = index.nearReady();
      if (quotes && names) checksLeftOut.delete(uri);
      else {
        checksLeftOut.add(uri);
        kickBackground();
      }
      const corpus = applySeverities(applySilences(checkConsistency(index, uri, { quotes, names }), state.lines.text, state.lines), settings.severity);
      const rangeOf = (u: string, span: { start: number; end: number }) => index.range(u, span);
      const own = whileTyping(uri, state.lines.text, state.analysis.diagnostics);
      const diagnostics = [...own, ...corpus].map((d) => toLspDiagnostic(d, uri, state.lines, rangeOf, state.version));
      const counts = [0, 0, 0, 0, 0];
      for (const d of diagnostics) counts[d.severity ?? 1]++;
      shownCounts.set(uri, counts);
      void connection.sendDiagnostics({ uri, version: state.version, diagnostics });
      relistAround(uri);
      // Listed and loaded a step at a time between requests (`background`): listing them all at once took 60 ms at
      // 50,000 articles, which a hover right after opening waited for.
      warmCards(uri);
    }
  }

  /**
   * While the writer types, a layout or tag problem appears only once they pause (`QUIET_MS` after the last
   * edit): a half-typed `## Info`, Link, Date or `[[Tag` is no mistake yet, and one that came and went with
   * every keystroke was noise. A problem already shown stays (its place followed through the edit), and one
   * the writer fixes goes at once; the corpus checks, which never fire on half-typed text, are not held.
   */
  function whileTyping(uri: string, text: string, diagnostics: Diagnostic[]): Diagnostic[] {
    let show = diagnostics;
    const prev = shown.get(uri);
    const edited = lastEdit.get(uri);
    if (prev && edited !== undefined) {
      const wait = edited + QUIET_MS - Date.now();
      if (wait > 0) {
        const moved = offsetsThrough(prev.text, text);
        const before = new Set(prev.problems.map((x) => `${x.code}@${moved(x.start)}`));
        show = diagnostics.filter((d) => before.has(`${d.code}@${d.span.start}`));
        if (show.length < diagnostics.length) {
          clearTimeout(quietTimers.get(uri));
          quietTimers.set(uri, setTimeout(() => { quietTimers.delete(uri); schedule(uri); }, wait));
        }
      }
    }
    shown.set(uri, { text, problems: show.map((d) => ({ code: d.code, start: d.span.start })) });
    return show;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initialized = true;
    canPullConfiguration = Boolean(params.capabilities?.workspace?.configuration);
    canWatch = Boolean(params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    canTrackFolders = Boolean(params.capabilities?.workspace?.workspaceFolders);
    definitionLinks = Boolean(params.capabilities?.textDocument?.definition?.linkSupport);
    snippets = Boolean(params.capabilities?.textDocument?.completion?.completionItem?.snippetSupport);
    refreshesTokens = Boolean(params.capabilities?.workspace?.semanticTokens?.refreshSupport);
    takesDocumentChanges = Boolean(params.capabilities?.workspace?.workspaceEdit?.documentChanges);
    // A client that lists the formats it renders and leaves Markdown out (or says it has no tree of symbols) is
    // answered in what it reads; one that says nothing is taken to read Markdown and trees, as the protocol has it.
    const formats = (f: unknown) => !Array.isArray(f) || f.length === 0 || f.includes(MarkupKind.Markdown);
    markdownHovers = formats(params.capabilities?.textDocument?.hover?.contentFormat);
    markdownDocs = formats(params.capabilities?.textDocument?.completion?.completionItem?.documentationFormat);
    symbolTree = params.capabilities?.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport !== false;
    workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    // Restricted mode: the client says the workspace is not trusted; read no folders of it.
    const init = params.initializationOptions as { trusted?: unknown; storagePath?: unknown; settings?: unknown; timelineView?: unknown; referencesView?: unknown; analystThreads?: unknown } | undefined;
    trusted = init?.trusted !== false;
    drawsTimelines = init?.timelineView === true;
    showsReferences = init?.referencesView === true;
    // A client that cannot be asked for settings may give them at once, so the first load already follows them.
    if (!canPullConfiguration && init?.settings !== undefined) pushedSettings = init.settings;
    storagePath = typeof init?.storagePath === 'string' && path.isAbsolute(init.storagePath) ? init.storagePath : undefined;
    // For tests: a fixed number of analyst threads (1 to 16) instead of the one `analystsFor` picks.
    const threads = init?.analystThreads;
    analystThreads = typeof threads === 'number' && Number.isInteger(threads) && threads >= 1 && threads <= 16 ? threads : undefined;
    return {
      capabilities: {
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        // A name renamed in the open article (`rename.ts`): never in other articles, which are sources as published.
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: ['[', ':', ' ', '='], resolveProvider: true },
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Breach Desk' },
        foldingRangeProvider: true,
        // Expand Selection: word, name or figure, sentence, paragraph, section (`selection.ts`).
        selectionRangeProvider: true,
        // What was recognised, coloured: names by kind, figures (`semantic.ts`).
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: { delta: true } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        // The calendar day after "Monday", "last Thursday", "yesterday" (`dateHints`).
        inlayHintProvider: true,
        // A client that draws no timeline runs the lenses' command here (the VS Code extension has its own).
        ...(textCommands().length ? { executeCommandProvider: { commands: textCommands() } } : {}),
        // Folders added to or removed from the window are indexed or forgotten (`onDidChangeWorkspaceFolders`).
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Breach Desk', version: process.env.BREACH_DESK_VERSION ?? 'dev' },
    };
  });

  // A cache still being written is finished before the server goes: the next start needs it.
  connection.onShutdown(() => {
    ready();
    shutDown = true;
    stopWatching?.();
    clearTimeout(quietTimer);
    writeCache(Infinity);
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'breachDesk' }).catch(() => undefined);
    }
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{txt,md,markdown,article}' }, { globPattern: '**/.breachdesk/entities.json' },
          // A folder deleted, created or renamed: one change for the folder, none for its articles (`withFolders`).
          { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
        ],
      }).catch(() => undefined);
    }
    if (canTrackFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f.uri)), ...e.added.filter((f) => !workspaceFolders.some((w) => w.uri === f.uri))];
        void loadCorpus();
      });
    }
    void loadCorpus();
  });

  connection.onDidChangeConfiguration(async (params) => {
    // The pull model asks again; a client that cannot be asked sends the settings here.
    if (!canPullConfiguration) {
      const all = (params as { settings?: unknown } | undefined)?.settings;
      pushedSettings = all && typeof all === 'object' && 'breachDesk' in all ? (all as { breachDesk: unknown }).breachDesk : undefined;
    }
    settingsCache.clear();
    settingWarnings.clear();
    // Only the folders and the size limit change what the corpus holds: other settings (severities, tracing)
    // re-check the open documents, not the corpus.
    const corpusChanged = corpusSettings(await configuredRoots(), (await settingsFor('')).maxFileSize) !== lastCorpusSettings;
    states.clear();
    if (corpusChanged) void loadCorpus();
    else {
      for (const doc of documents.all()) schedule(doc.uri);
      // The listed closed articles too, when what they are checked with changed (severities): as a load's run would.
      if (listedArticles.size && (await listingSettings()) !== listedWith) relistAll();
    }
  });


  connection.onDidChangeWatchedFiles((params) => changedOnDisk(params.changes));

  /**
   * `filesChanged`, one batch after another and after the follow passes (`following`): a file is read before it is
   * indexed, so two batches at once could put in the older text last, or bring back a file deleted meanwhile.
   */
  function changedOnDisk(changes: { uri: string; type: FileChangeType }[]): void {
    following = following.then(() => filesChanged(changes)).catch((err: unknown) => connection.console.error(`Updating the index after files changed failed: ${String(err)}`));
  }

  /** Files created, changed or deleted outside the editor: from the client's watcher, or the server's own (`watchFolders`). */
  async function filesChanged(reported: { uri: string; type: FileChangeType }[]): Promise<void> {
    if (!trusted) return;
    const changes = await withFolders(reported);
    let changed = false;
    const sources = new Set<string>();
    const isOpen = (u: string) => documents.get(u) !== undefined;
    // What the files are analysed knowing: the saved Sources, read once for the batch (a Source new in it is followed after).
    let outlets: Map<string, string> | undefined;
    // A file whose real path is outside the roots (a link made since the load) is not read, as the load's walk reads it not.
    const inside = await insideRoots();
    for (const change of changes) {
      const file = pathOf(change.uri);
      if (!file) continue;
      // What it stated before (a `breachDesk.corpus` article is never listed, so never looked at): `relistAround`.
      if (listedArticles.size && !statedSeen.has(change.uri) && index.get(change.uri)) statedSeen.set(change.uri, statedIn(change.uri));
      const open = documents.get(change.uri) !== undefined;
      if (!open && file.endsWith(PINS_FILE)) {
        // New pins change what every article's names mean: index everything again.
        states.clear();
        void loadCorpus();
        return;
      }
      // A file outside every folder the corpus is read from is none of its business, nor one the user excludes.
      if (!inCorpus(file)) continue;
      // The editor's text wins while a document is open; but saved, its Source is on disk.
      if (open) {
        const source = change.type === FileChangeType.Deleted ? undefined : diskSource(file, maxBytes);
        if (source) followWhenQuiet(source);
        continue;
      }
      changed = true;
      if (change.type === FileChangeType.Deleted) {
        index.remove(change.uri);
        continue;
      }
      outlets ??= savedOutlets(index, maxBytes, isOpen);
      const message = await reloadFile(index, file, originOf(change.uri), maxBytes, isOpen, outlets, inside);
      if (message) connection.console.warn(`Skipped ${file}: ${message}`);
      const source = index.get(change.uri)?.summary.source;
      if (source) sources.add(source);
    }
    // What the corpus now says can change what open articles are told (a conflict with a deleted file goes).
    if (changed) for (const d of documents.all()) scheduleLater(d.uri);
    // Once "Check All Articles" has run, the files that changed on disk are listed as they are now.
    if (listedArticles.size) {
      for (const c of changes) {
        if (documents.get(c.uri)) continue;
        // (What it stated before and states now, compared before its own publication records what it states.)
        relistAround(c.uri);
        if (c.type === FileChangeType.Deleted) {
          if (listedArticles.delete(c.uri)) void connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
        } else if (listedArticles.has(c.uri) || (listable(c.uri) && (index.get(c.uri) || c.type === FileChangeType.Created))) await publishClosed(c.uri);
      }
    }
    if (sources.size) followSources([...sources]);
  }

  /**
   * The changes with a folder's as its articles': the client's watcher tells of a folder deleted, created or renamed
   * (a delete and a create) by one change for the folder, and its articles stayed in the index or were never read.
   * The last change of each URI, in the order of the last changes (two watchers may report one file, and a file made,
   * removed and made again in one batch is there).
   */
  async function withFolders(changes: { uri: string; type: FileChangeType }[]): Promise<{ uri: string; type: FileChangeType }[]> {
    const out = new Map<string, { uri: string; type: FileChangeType }>();
    const put = (c: { uri: string; type: FileChangeType }) => {
      out.delete(c.uri);
      out.set(c.uri, c);
    };
    /** Paths deleted that were no indexed article: folders, perhaps (the folder watcher sees every file go). */
    const gone = new Set<string>();
    for (const c of changes) {
      const file = pathOf(c.uri);
      if (!file || index.get(c.uri)) {
        put(c);
        continue;
      }
      const named = isCandidateFile(path.basename(file)) || file.endsWith(PINS_FILE);
      if (c.type === FileChangeType.Deleted) {
        if (named) put(c);
        // (A folder may have an article's name: "notes.md/".)
        if (roots.some((r) => file.startsWith(r.dir + path.sep))) gone.add(file);
      } else if (named) put(c);
      else if (isFolder(file) && walkable(file)) {
        // A link to a folder outside the roots is not walked, and said as the load's walk says it (`walkArticleFiles`).
        const inside = await insideRoots();
        const unread: WalkProblem[] = [];
        if ((await followedLink(file, true, inside, unread)) === false) {
          for (const u of unread) connection.console.warn(`Skipped ${u.path}: ${u.message}`);
          continue;
        }
        // A link to a folder the corpus already reads: its articles are there under their own paths.
        if (isLink(file) && readByLoad(realPath(file))) continue;
        // (Each article is then taken or left as any: `inCorpus` applies the user's exclusions.)
        for (const f of await walkArticleFiles([file], undefined, unread)) put({ uri: uriOf(f), type: FileChangeType.Created });
        // The walk follows a link in it only into it: one to a file elsewhere in the roots is read as the load reads it
        // (and checked again by `reloadFile`), one out of the roots is said.
        for (const u of unread) {
          if (!isLink(u.path)) continue;
          const said: WalkProblem[] = [];
          const real = await followedLink(u.path, isFolder(u.path), inside, said);
          if (real === false) for (const w of said) connection.console.warn(`Skipped ${w.path}: ${w.message}`);
          else if (real !== undefined && !isFolder(u.path) && isCandidateFile(path.basename(u.path))) put({ uri: uriOf(u.path), type: FileChangeType.Created });
        }
      }
    }
    // One pass over the index for all the folders that went (a build's clean deletes thousands of files at once):
    // each article under one is gone too, unless it is there again (a folder renamed back).
    if (gone.size) {
      const underGone = (uri: string): void => {
        const f = out.has(uri) ? undefined : pathOf(uri);
        if (!f) return;
        for (let dir = path.dirname(f), up = path.dirname(dir); dir !== up; dir = up, up = path.dirname(dir)) {
          if (!gone.has(dir)) continue;
          put({ uri, type: fs.existsSync(f) ? FileChangeType.Changed : FileChangeType.Deleted });
          return;
        }
      };
      for (const d of index.all()) if (d.origin !== 'seed') underGone(d.summary.uri);
      // Files listed by "Check All Articles" that no index holds (skipped: too large, not UTF-8) go with their folder.
      for (const uri of listedArticles) if (!index.get(uri)) underGone(uri);
    }
    return [...out.values()];
  }

  /** Whether the load would walk into this folder: no hidden folder, `node_modules` or folder the user excludes on its way from its root. */
  function walkable(folder: string): boolean {
    if (excludedFrom(roots, folder, true)) return false;
    // From any root that holds it: a hidden `breachDesk.corpus` folder (".archive") inside a workspace folder is read.
    return roots.some((r) => folder.startsWith(r.dir + path.sep) && folder.slice(r.dir.length + 1).split(path.sep).every(walksInto));
  }

  /**
   * Whether a load reads the folder at the real path `real` under its own path: inside a root (by the root's path or
   * its real path: a root under a link, as macOS's /var is, holds real paths under another name) and walked into from
   * it (a hidden folder is read only through a link to it).
   */
  function readByLoad(real: string): boolean {
    return roots.some((r) => [r.dir, realPath(r.dir)].some((d) => real === d || (real.startsWith(d + path.sep) && walkable(r.dir + real.slice(d.length)))));
  }

  /**
   * The real paths of the roots of the last load (`linkRoots`), which a link must lead into to be read: kept until the
   * next load, unless a root was missing (made later, it counts from then).
   */
  let linkRootsOf: { of: Root[]; inside: LinkRoots } | undefined;
  async function insideRoots(): Promise<LinkRoots> {
    if (linkRootsOf?.of === roots) return linkRootsOf.inside;
    const of = roots;
    const inside = await linkRoots(of.map((r) => r.dir));
    if (inside.folders.length + inside.files.size === of.length) linkRootsOf = { of, inside };
    return inside;
  }

  /** The passes of `followSources` and the batches of `filesChanged`, one after another. */
  let following = Promise.resolve();
  /** Sources (lower case) every article knows: those of the last load (`LoadReport.outlets`) and those followed since, each once (an article may keep its name otherwise). */
  const followed = new Set<string>();
  /** Sources that came while a load ran, followed when it ends (the load read its files before they came). */
  const followLater = new Set<string>();
  /** Past this many articles to analyse again, a runtime follow is a load: the rest restored from the cache, these on analyst threads, into the cache. */
  const FOLLOW_IN_PLACE = 200;
  /** How long an open document's saved Source waits for the writer to stop typing: autosave saves half-typed names ("Apple" of "AppleInsider"). */
  const FOLLOW_QUIET_MS = 3000;
  const quietSources = new Set<string>();
  let quietTimer: NodeJS.Timeout | undefined;

  /** `followSources` once the writer has not typed for `FOLLOW_QUIET_MS`. */
  function followWhenQuiet(source: string): void {
    quietSources.add(source);
    clearTimeout(quietTimer);
    const tick = () => {
      const wait = lastKeystroke + FOLLOW_QUIET_MS - Date.now();
      if (wait > 0) {
        quietTimer = setTimeout(tick, wait);
        return;
      }
      const list = [...quietSources];
      quietSources.clear();
      followSources(list);
    };
    quietTimer = setTimeout(tick, FOLLOW_QUIET_MS);
  }

  /** Whether a file is one the corpus is read from: under a root, not excluded. */
  function inCorpus(file: string): boolean {
    return roots.some((r) => file.startsWith(r.dir + path.sep)) && !excludedFrom(roots, file);
  }

  /** The saved Sources (`savedOutlets`), with those of open documents not analysed yet. */
  function savedNow(isOpen: (uri: string) => boolean): Map<string, string> {
    const out = savedOutlets(index, maxBytes, isOpen);
    for (const d of documents.all()) {
      const file = index.get(d.uri) ? undefined : pathOf(d.uri);
      const source = file && inCorpus(file) ? diskSource(file, maxBytes) : undefined;
      if (source && !out.has(source.toLowerCase())) out.set(source.toLowerCase(), source);
    }
    return out;
  }

  /**
   * A file saved or changed on disk may bring a Source the corpus did not know: the articles that name it as
   * something else (`CorpusIndex.unawareOf`) are analysed again, an open one from the editor's text, the rest from
   * disk knowing the saved Sources; many of them, by a load. Only Sources still saved when the pass runs, never
   * text being typed. A load follows the articles it restores from the cache itself (`followOutlets` in
   * workspace.ts). An outlet whose last article goes stays one in the articles analysed knowing it, until they change.
   */
  function followSources(sources: Iterable<string>): void {
    const fresh: string[] = [];
    for (const source of sources) {
      const lower = source.toLowerCase();
      if (loading) followLater.add(source);
      else if (!followed.has(lower)) {
        followed.add(lower);
        fresh.push(source);
      }
    }
    if (!fresh.length) return;
    const generation = loadGeneration;
    following = following.then(async () => {
      // A load started since reads every file knowing every saved Source.
      if (loading || generation !== loadGeneration) return;
      const isOpen = (u: string) => documents.get(u) !== undefined;
      const saved = savedNow(isOpen);
      const unaware = new Set<string>();
      for (const source of fresh) {
        const lower = source.toLowerCase();
        // Saved over since (a name half typed when autosave saved it): nothing to follow, and followed again if it comes back.
        if (!saved.has(lower)) followed.delete(lower);
        else for (const uri of index.unawareOf(source)) unaware.add(uri);
      }
      // (Without a cache it writes, a load would analyse again what it analysed since the cache it reads.)
      if (unaware.size >= FOLLOW_IN_PLACE && cacheWritable) {
        // The last load's cache first, or this one would restore from the one before.
        writeCache(Infinity);
        void loadCorpus();
        return;
      }
      let reloaded = false;
      for (const uri of unaware) {
        if (loading || generation !== loadGeneration) return;
        if (documents.get(uri)) {
          states.delete(uri);
          schedule(uri);
          continue;
        }
        const file = pathOf(uri);
        const doc = index.get(uri);
        if (file && doc) await reloadFile(index, file, doc.origin, maxBytes, isOpen, saved);
        reloaded = true;
      }
      if (reloaded) for (const d of documents.all()) scheduleLater(d.uri);
      // An open article that named the outlet otherwise colours it otherwise now.
      if ([...unaware].some((u) => documents.get(u))) refreshTokens();
    }).catch((err: unknown) => connection.console.error(`Updating the articles that name a new outlet failed: ${String(err)}`));
  }

  /** The server's own watcher, for a client that watches no files (stopped and started again with each load's folders). */
  let stopWatching: (() => void) | undefined;
  function watchRoots(): void {
    stopWatching?.();
    stopWatching = undefined;
    if (canWatch || !trusted) return;
    const dirs = roots.filter((r) => r.origin !== 'seed').map((r) => r.dir);
    stopWatching = watchFolders(dirs, (found) => {
      // A folder that went takes its articles with it.
      const gone = found.filter((c) => c.folder).map((c) => c.file + path.sep);
      const changes: { uri: string; type: FileChangeType }[] = found.filter((c) => !c.folder).map((c) => ({ uri: uriOf(c.file), type: c.deleted ? FileChangeType.Deleted : FileChangeType.Changed }));
      if (gone.length) for (const d of index.all()) { const f = pathOf(d.uri); if (f && gone.some((g) => f.startsWith(g))) changes.push({ uri: d.uri, type: FileChangeType.Deleted }); }
      changedOnDisk(changes);
    }, (p, folder) => excludedFrom(roots, p, folder));
  }

  documents.onDidOpen((e: TextDocumentChangeEvent<TextDocument>) => {
    // A document opened (again) shows all its problems at once.
    openedAt.set(e.document.uri, e.document.version);
    lastEdit.delete(e.document.uri);
    // What its file states, before the editor's text takes its place in the index: what its edits are told from.
    if (listedArticles.size && !statedSeen.has(e.document.uri) && index.get(e.document.uri)) statedSeen.set(e.document.uri, statedIn(e.document.uri));
    shown.delete(e.document.uri);
    schedule(e.document.uri);
  });
  documents.onDidChangeContent((e: TextDocumentChangeEvent<TextDocument>) => {
    if (openedAt.get(e.document.uri) !== e.document.version) lastEdit.set(e.document.uri, (lastKeystroke = Date.now()));
    schedule(e.document.uri);
    // What this article says can change what other open articles are told.
    for (const d of documents.all()) if (d.uri !== e.document.uri) scheduleLater(d.uri);
  });
  documents.onDidClose((e: TextDocumentChangeEvent<TextDocument>) => {
    states.delete(e.document.uri);
    warmed.delete(e.document.uri);
    lastTokens.delete(e.document.uri);
    // Its cards' loading ahead goes with it: reopened, it starts again from the text then.
    warming = warming.filter((w) => w.uri !== e.document.uri);
    shown.delete(e.document.uri);
    lastEdit.delete(e.document.uri);
    openedAt.delete(e.document.uri);
    clearTimeout(quietTimers.get(e.document.uri));
    quietTimers.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    pending.delete(e.document.uri);
    shownCounts.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    // Unsaved edits are gone: the corpus goes back to what is on disk, if the file is part of it.
    const file = pathOf(e.document.uri);
    const origin = originOf(e.document.uri);
    // Either way the other open articles are checked again against what the corpus now holds.
    const recheck = () => { for (const d of documents.all()) if (d.uri !== e.document.uri) scheduleLater(d.uri); };
    // Analysed knowing the saved Sources: its own index entry (the unsaved text) gives its Source as read from disk.
    const isOpen = (u: string) => documents.get(u) !== undefined;
    // An article "Check All Articles" listed keeps its problems in the panel once closed: those of the file on disk.
    const listed = () => {
      recheck();
      // (And one new since the run, saved from the editor: as one created on disk would be.)
      if (listedArticles.has(e.document.uri) || (listedArticles.size && index.get(e.document.uri) && listable(e.document.uri))) void publishClosed(e.document.uri);
      // Its unsaved figures, quotations and names are gone from the corpus: the listed articles whose checks compare with them are checked again.
      relistAround(e.document.uri);
    };
    if (file && inCorpus(file)) void reloadFile(index, file, origin, maxBytes, isOpen, savedOutlets(index, maxBytes, (u) => u === e.document.uri || isOpen(u))).then(listed, listed);
    else {
      index.remove(e.document.uri);
      listed();
    }
  });

  /**
   * The articles "Check All Articles" (`breachDesk/checkAll`) listed: closed ones have their problems in the Problems
   * panel from their files, kept as the files change on disk (created, changed, deleted), as what their checks compare
   * with changes in other articles (`relistAround`), and after a load; open ones are shown by the editor's flow, and
   * listed from their files when closed.
   */
  const listedArticles = new Set<string>();
  let checkAllGeneration = 0;
  /** A run is under way (the one after a load is not started then). */
  let checkAllRunning = 0;
  /** Another run is owed when the one under way ends (settings changed, or a load ended, while it ran). */
  let relistOwed = false;
  /** The settings the listed articles were last checked with (`listingSettings`). */
  let listedWith = '';

  /** What closed articles are checked with, beyond the corpus: each workspace folder's severities. */
  async function listingSettings(): Promise<string> {
    const out: unknown[] = [];
    for (const f of workspaceFolders) out.push((await settingsFor(f.uri)).severity ?? null);
    return JSON.stringify(out);
  }

  /** Lists every article again, now or, when a run is under way, as soon as it ends (it may have used older settings). */
  function relistAll(): void {
    if (checkAllRunning) {
      relistOwed = true;
      return;
    }
    void checkAll().catch((err: unknown) => connection.console.error(`Checking all articles failed: ${String(err)}`));
  }
  /** The files the last load skipped (paths), which "Check All Articles" lists with why. */
  let lastSkipped: string[] = [];
  /** The placeholder articles ("# Unknown") the last load read: in no index, but listed with their layout's problems, as the CLI does. */
  let lastPlaceholders: string[] = [];
  /** The problems last published for each open document, by severity (1 error … 4 hint), for the command's summary. */
  const shownCounts = new Map<string, number[]>();

  /** Whether there is anything at `file`, a link to nothing included. */
  function lexists(file: string): boolean {
    try {
      fs.lstatSync(file);
      return true;
    } catch {
      return false;
    }
  }

  /** Whether the file is an article file of the workspace folders (not a seed, not of `breachDesk.corpus`, not excluded). */
  function listable(uri: string): boolean {
    const file = pathOf(uri);
    return file !== undefined && originOf(uri) === 'workspace' && inCorpus(file) && !index.isDraft(uri) && isCandidateFile(path.basename(file));
  }

  /** The settings of the workspace folder a file is in: one configuration request a folder, not one a file. */
  function folderSettings(file: string): Promise<Settings> {
    const folder = workspaceFolders.find((f) => {
      const dir = pathOf(f.uri);
      return dir !== undefined && file.startsWith(dir + path.sep);
    });
    return settingsFor(folder?.uri ?? '');
  }

  /**
   * A closed workspace article's problems, from its file on disk, as an open one's are found (a file the corpus
   * skips, too large or not UTF-8, says why, as the CLI does); undefined when it is no article of the workspace.
   */
  async function closedProblems(uri: string): Promise<LspDiagnostic[] | undefined> {
    const file = pathOf(uri);
    if (!file || !listable(uri)) return undefined;
    // A link out of the roots is listed as the load skipped it, with why, and never read (`walkArticleFiles`).
    const outside: WalkProblem[] = [];
    if ((await followedLink(file, false, await insideRoots(), outside)) === false) {
      if (documents.get(uri)) return undefined;
      const skipped = applySeverities([diag('file.unreadable', { start: 0, end: 0 }, `Skipped: ${outside[0].message}`)], (await folderSettings(file)).severity);
      return skipped.map((d) => toLspDiagnostic(d, uri, new LineIndex('')));
    }
    const r = await readArticleFile(file, { maxBytes });
    // Opened meanwhile: the editor's flow.
    if (documents.get(uri)) return undefined;
    const settings = await folderSettings(file);
    if (!r.ok) {
      // Gone (a link to nothing is there, and unreadable: it says so).
      if (r.code === 'file.unreadable' && !lexists(file)) return undefined;
      const skipped = applySeverities([diag(r.code, { start: 0, end: 0 }, `Skipped: ${r.message}.`)], settings.severity);
      return skipped.map((d) => toLspDiagnostic(d, uri, new LineIndex('')));
    }
    if (!isArticleFile(file, r.text)) return undefined;
    const analysis = analyze(r.text, { now: Date.now(), severities: settings.severity });
    // (A placeholder, "# Unknown", is in no index: its layout is checked all the same.)
    const corpus = index.get(uri) ? applySeverities(applySilences(checkConsistency(index, uri, { quotes: index.quotesReady(), names: index.nearReady() }), r.text, analysis.lines), settings.severity) : [];
    const rangeOf = (u: string, span: { start: number; end: number }) => index.range(u, span);
    return [...analysis.diagnostics, ...corpus].map((d) => toLspDiagnostic(d, uri, analysis.lines, rangeOf));
  }

  /**
   * Closed articles are published one after another, whoever asks (a run, a change on disk, a re-check by measure):
   * an older reading of a file never comes in after a newer one.
   */
  let closedChain: Promise<unknown> = Promise.resolve();

  /** Publishes a closed article's problems (or none, when it is no longer an article of the workspace); returns them. */
  function publishClosed(uri: string): Promise<LspDiagnostic[] | undefined> {
    const next = closedChain.then(async () => {
      const found = await closedProblems(uri);
      if (documents.get(uri)) return undefined;
      if (found) listedArticles.add(uri);
      else listedArticles.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: found ?? [] });
      return found;
    });
    closedChain = next.catch(() => undefined);
    return next;
  }

  /**
   * What another article's check compares with an article's: each measure its figures state with the values stated
   * for it ("m" keys), each quotation long enough to be compared with its Date ("q"), each name it writes ("n").
   */
  function statedIn(uri: string): Map<string, string> {
    const out = new Map<string, string>();
    const doc = index.get(uri);
    if (!doc) return out;
    const f = doc.facts;
    for (const x of f.figures) out.set(`m${x.measure}`, `${out.get(`m${x.measure}`) ?? ''}|${x.low},${x.high},${x.asOf ?? ''}`);
    for (const q of f.quotes) if (quoteWords(q.text).length >= MIN_QUOTE_WORDS) out.set(`q${q.text}`, String(doc.summary.date ?? ''));
    for (const e of f.entities) out.set(`n${e.key}`, '');
    return out;
  }

  /**
   * What each open article stated when last looked at here (`statedIn`; from its file when opened): what its next edit
   * is told from. A closed one's is taken when its file changes, and dropped once compared.
   */
  const statedSeen = new Map<string, Map<string, string>>();
  const statedChanged = new Set<string>();
  let relistTimer: NodeJS.Timeout | undefined;

  /**
   * An article changed (edited, closed, changed on disk): the closed articles "Check All Articles" listed whose
   * checks compare with what it changed are checked again, a second after the last such change, so that a conflict
   * settled here goes from the other article's problems too: those that state a measure whose values it changed
   * (stated anew, differently, or no longer), that quote words like a quotation it changed, or that write a name it
   * began or stopped writing, or a name one edit from it (`CorpusIndex.namesAround`).
   */
  function relistAround(uri: string): void {
    if (!listedArticles.size) {
      statedSeen.delete(uri);
      return;
    }
    const now = statedIn(uri);
    const before = statedSeen.get(uri) ?? new Map<string, string>();
    if (documents.get(uri)) statedSeen.set(uri, now);
    else statedSeen.delete(uri);
    let changed = false;
    for (const [k, v] of now) if (before.get(k) !== v) { statedChanged.add(k); changed = true; }
    for (const k of before.keys()) if (!now.has(k)) { statedChanged.add(k); changed = true; }
    if (!changed) return;
    clearTimeout(relistTimer);
    relistTimer = setTimeout(() => {
      const uris = new Set<string>();
      const add = (u: string) => {
        if (listedArticles.has(u) && !documents.get(u)) uris.add(u);
      };
      for (const k of statedChanged) {
        const what = k.slice(1);
        if (k[0] === 'm') for (const u of index.measureDocs(what)) add(u);
        else if (k[0] === 'q') for (const o of index.similarQuotes(quoteWords(what), '')) add(o.uri);
        else for (const u of index.namesAround(what)) add(u);
      }
      statedChanged.clear();
      for (const u of uris) void publishClosed(u).catch((err: unknown) => connection.console.error(`Checking ${u} again failed: ${String(err)}`));
    }, 1000);
  }

  /**
   * Checks every article of the workspace folders (not the seeds, nor `breachDesk.corpus` folders, which are read
   * to learn from, as the CLI's `--corpus`) and puts the closed ones' problems in the Problems panel, between
   * requests, once the corpus is loaded and its quotation index and table of names are built (a closed article is
   * not published again when they complete, as an open one is); a newer run, or the client's cancel, stops it.
   * Returns the counts, open articles' included.
   */
  async function checkAll(report?: WorkDoneProgressReporter, cancelled: () => boolean = () => false): Promise<CheckAllResult> {
    checkAllRunning++;
    try {
      while (!cancelled() && (loading || !index.quotesReady() || !index.nearReady())) {
        kickBackground();
        await new Promise((r) => setTimeout(r, 50));
      }
      const generation = ++checkAllGeneration;
      relistOwed = false;
      listedWith = await listingSettings();
      const listed = new Set<string>();
      for (const d of index.all()) if (listable(d.summary.uri)) listed.add(d.summary.uri);
      // The files the last load skipped (too large, not UTF-8) say why.
      for (const f of lastSkipped) if (listable(uriOf(f))) listed.add(uriOf(f));
      for (const f of lastPlaceholders) if (listable(uriOf(f))) listed.add(uriOf(f));
      const uris = [...listed].sort();
      const counts = [0, 0, 0, 0, 0];
      const stale = new Set(listedArticles);
      let done = 0;
      let stopped = cancelled();
      let reportedAt = 0;
      for (const uri of stopped ? [] : uris) {
        if (generation !== checkAllGeneration || cancelled()) {
          stopped = true;
          break;
        }
        stale.delete(uri);
        if (documents.get(uri)) {
          // Shown by the editor's flow; listed from its file once closed.
          listedArticles.add(uri);
          if (!statedSeen.has(uri)) statedSeen.set(uri, statedIn(uri));
          for (const [n, c] of (shownCounts.get(uri) ?? []).entries()) counts[n] += c ?? 0;
          done++;
        } else {
          const problems = await publishClosed(uri);
          if (problems) {
            for (const d of problems) counts[d.severity ?? 1]++;
            done++;
          }
        }
        // Requests go first: a few articles, then the event loop.
        if ((done + 1) % 8 === 0) {
          await new Promise((r) => setImmediate(r));
          const now = Date.now();
          if (now - reportedAt >= PROGRESS_EVERY_MS) {
            reportedAt = now;
            report?.report(Math.round((done / uris.length) * 100), `${done} of ${uris.length} articles`);
          }
        }
      }
      // Articles gone from the workspace since the last run (deleted, excluded, their folder removed): their problems go.
      if (!stopped) {
        for (const uri of stale) {
          listedArticles.delete(uri);
          if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
        }
      }
      return { articles: done, of: uris.length, errors: counts[1], warnings: counts[2], notes: counts[3] + counts[4], cancelled: stopped };
    } finally {
      checkAllRunning--;
      if (relistOwed && !checkAllRunning) {
        relistOwed = false;
        relistAll();
      }
    }
  }

  // A request without params (RequestType0): a client that sends `[]` for none (Neovim's `{}` is a Lua table, sent
  // as an array) had them spread as arguments, and the handler got no cancellation token.
  connection.onRequest(new RequestType0<CheckAllResult, void>('breachDesk/checkAll'), async (token) => {
    ready();
    // Restricted mode reads no folder: the open articles are all there is to check, and the client says so.
    if (!trusted) return { articles: 0, of: 0, errors: 0, warnings: 0, notes: 0, cancelled: false, restricted: true };
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Breach Desk: checking articles', 0, undefined, true);
    try {
      return await checkAll(progress, () => token.isCancellationRequested || progress?.token.isCancellationRequested === true);
    } finally {
      progress?.done();
    }
  });

  /** Brings the index up to date with the open document before a request reads it. */
  async function fresh(uri: string): Promise<boolean> {
    lastAsked = performance.now();
    const state = await currentState(uri);
    if (state) return true;
    // An open document the server takes for no article (a file opened as plain text, or emptied) has no facts of its
    // text: the saved file's spans and lines are not the ones the client shows.
    if (documents.get(uri)) return false;
    return index.get(uri) !== undefined;
  }

  connection.onHover(async (params, token) => {
    ready();
    checkParams(params, ['textDocument', 'position']);
    const uri = params.textDocument.uri;
    if (!(await fresh(uri)) || token.isCancellationRequested) return null;
    const doc = index.get(uri);
    if (!doc) return null;
    const offset = offsetIn(uri, params.position);
    // On a Source or Author field's value: the outlet or the author across the corpus.
    // On a date in the text: which day it is, and how far from the article's Date.
    const h = hover(index, uri, offset) ?? (states.get(uri) ? fieldHover(index, states.get(uri)!.analysis.article, offset, uri) : undefined) ?? dateHover(doc, offset, states.get(uri)?.lines.text);
    if (!h) return null;
    return { contents: markup(h.markdown + partialNote(), markdownHovers), range: index.range(uri, h.span) };
  });

  connection.languages.inlayHint.on(async (params, token) => {
    ready();
    checkParams(params, ['textDocument', 'range']);
    const uri = params.textDocument.uri;
    if (!(await fresh(uri)) || token.isCancellationRequested) return null;
    const doc = index.get(uri);
    const state = states.get(uri);
    // Open documents only: a hint is for the text being read.
    if (!doc || !state) return null;
    const hints = dateHints(doc, state.lines.text, offsetIn(uri, params.range.start), offsetIn(uri, params.range.end));
    return hints.map((h) => ({
      position: state.lines.positionAt(h.offset),
      label: h.label,
      paddingLeft: true,
      tooltip: markup(h.tooltip, markdownHovers),
    }));
  });

  connection.onDefinition(async (params, token) => {
    ready();
    checkParams(params, ['textDocument', 'position']);
    const uri = params.textDocument.uri;
    if (!(await fresh(uri)) || token.isCancellationRequested) return null;
    const found = definition(index, uri, offsetIn(uri, params.position));
    if (!definitionLinks) return toLocations(found);
    return found.flatMap((l): LocationLink[] => {
      const targetRange = index.range(l.uri, l.span);
      if (!targetRange) return [];
      const inside = l.focus && l.focus.start >= l.span.start && l.focus.end <= l.span.end ? index.range(l.uri, l.focus) : undefined;
      return [{ targetUri: l.uri, targetRange, targetSelectionRange: inside ?? targetRange }];
    });
  });

  connection.onReferences(async (params, token) => {
    ready();
    checkParams(params, ['textDocument', 'position']);
    const uri = params.textDocument.uri;
    if (!(await fresh(uri)) || token.isCancellationRequested) return null;
    return toLocations(references(index, uri, offsetIn(uri, params.position), params.context?.includeDeclaration !== false));
  });

  connection.onDocumentHighlight(async (params, token) => {
    ready();
    checkParams(params, ['textDocument', 'position']);
    const uri = params.textDocument.uri;
    if (!(await fresh(uri)) || token.isCancellationRequested) return null;
    const found = highlights(index, uri, offsetIn(uri, params.position)).flatMap((span) => {
      const range = index.range(uri, span);
      return range ? [{ range, kind: DocumentHighlightKind.Text }] : [];
    });
    // Null, not []: VS Code takes an empty list as the answer and would drop its own word highlighting.
    return found.length ? found : null;
  });

  /**
   * The open document's analysis, when it is of the version the client has: a rename's edits are offsets in that
   * text, and must never be worked out on an older one.
   */
  async function currentDoc(uri: string): Promise<{ doc: IndexedDoc; text: string; offsetAt: (p: Position) => number } | undefined> {
    await fresh(uri);
    const open = documents.get(uri);
    const state = states.get(uri);
    const doc = index.get(uri);
    if (!open || !state || state.version !== open.version || !doc) return undefined;
    return { doc, text: state.lines.text, offsetAt: (p) => state.lines.offsetAt(p) };
  }

  connection.onPrepareRename(async (params, token) => {
    ready();
    checkParams(params, ['textDocument', 'position']);
    const uri = params.textDocument.uri;
    const current = await currentDoc(uri);
    if (!current || token.isCancellationRequested) return null;
    const target = renameTarget(current.doc, current.text, current.offsetAt(params.position));
    // Refused in words: VS Code shows the message where F2 was pressed.
    if ('refused' in target) throw new ResponseError(LSPErrorCodes.RequestFailed, target.refused);
    const range = index.range(uri, target.span);
    return range ? { range, placeholder: target.name } : null;
  });

  connection.onRenameRequest(async (params, token) => {
    ready();
    checkParams(params, ['textDocument', 'position']);
    if (typeof params.newName !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'Breach Desk: rename takes a newName string.');
    const uri = params.textDocument.uri;
    const current = await currentDoc(uri);
    if (!current) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Only a name in an open article can be renamed.');
    if (token.isCancellationRequested) return null;
    const edits = renameEdits(current.doc, current.text, current.offsetAt(params.position), params.newName);
    if ('refused' in edits) throw new ResponseError(LSPErrorCodes.RequestFailed, edits.refused);
    const lspEdits = edits.flatMap((e) => {
      const range = index.range(uri, e.span);
      return range ? [{ range, newText: e.newText }] : [];
    });
    // Versioned where the client takes it, so that it applies the edits only to the text they were worked out on.
    return takesDocumentChanges
      ? { documentChanges: [{ textDocument: { uri, version: documents.get(uri)!.version }, edits: lspEdits }] }
      : { changes: { [uri]: lspEdits } };
  });

  connection.onWorkspaceSymbol((params, token) => {
    ready();
    checkParams(params, ['query']);
    if (token.isCancellationRequested) return null;
    return workspaceSymbols(index, params.query).flatMap((s) => {
      const range = index.range(s.location.uri, s.location.span);
      return range ? [{ name: printableText(s.name, true), kind: SYMBOL_OF[s.kind], containerName: s.detail === undefined ? undefined : printableText(s.detail, true), location: { uri: s.location.uri, range } }] : [];
    });
  });

  connection.onCompletion(async (params, token) => {
    ready();
    checkParams(params, ['textDocument', 'position']);
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    if (!doc || !(await fresh(uri)) || token.isCancellationRequested) return null;
    const state = states.get(uri);
    const lines = state?.lines ?? new LineIndex(doc.getText());
    const offset = lines.offsetAt(params.position);
    const lineStart = lines.offsetAt({ line: params.position.line, character: 0 });
    const lineEnd = lines.lineEnd(Math.min(params.position.line, lines.lineCount - 1));
    // A new article's skeleton only to a client that takes snippets: one that does not may insert its lines as one
    // (Neovim 0.7's omnifunc goes through Vim's `complete()`, which writes a line break as ^@).
    const items = complete(index, uri, offset, lines.text.slice(lineStart, offset), lines.text.slice(offset, lineEnd), snippets ? lines.text : undefined);
    return {
      isIncomplete: items.length >= 200,
      items: items.map((it) => ({
        label: it.label,
        kind: it.kind === 'entity' ? (it.entityKind === 'person' ? CompletionItemKind.Constructor : it.entityKind === 'vulnerability' ? CompletionItemKind.Event : CompletionItemKind.Reference) : it.kind === 'tag-key' ? CompletionItemKind.Property
          : it.kind === 'topic' ? CompletionItemKind.Keyword : it.kind === 'skeleton' ? CompletionItemKind.Snippet : CompletionItemKind.Value,
        detail: it.detail,
        sortText: it.sortText,
        ...(it.filterText ? { filterText: it.filterText } : {}),
        ...(it.snippet !== undefined ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
        textEdit: { range: lines.range(it.replace), newText: it.snippet ?? it.insertText },
        // What `completionItem/resolve` needs for the name's, the outlet's or the author's card.
        ...(it.key !== undefined ? { data: { key: it.key, uri } } : it.kind === 'outlet' ? { data: { source: it.label } } : it.kind === 'author' ? { data: { author: it.label } } : {}),
      })),
    };
  });

  // The card of the name, outlet or author an item offers, asked for when the editor shows the item's details: who a
  // name is before the writer tags it. `data` comes back from the client: used only if it has the shape we sent.
  connection.onCompletionResolve((item) => {
    ready();
    checkParams(item, ['label']);
    const data = item.data as { key?: unknown; uri?: unknown; source?: unknown; author?: unknown } | undefined;
    const card = typeof data?.key === 'string' && typeof data.uri === 'string' ? entityCardFor(index, data.key, data.uri)
      : typeof data?.source === 'string' && data.source.trim() ? fieldCardFor(index, 'source', data.source.trim())
        : typeof data?.author === 'string' && data.author.trim() ? fieldCardFor(index, 'author', data.author.trim()) : undefined;
    return card ? { ...item, documentation: markup(card + partialNote(), markdownDocs) } : item;
  });

  /** A card asked for before the corpus is read says that what it counts is what has been read so far. */
  function partialNote(): string {
    return firstLoadDone ? '' : `\n\n_The corpus is still being indexed (${index.size} articles so far): counts and facts are partial._`;
  }

  function offsetIn(uri: string, pos: { line: number; character: number }): number {
    const st = states.get(uri);
    if (st) return st.lines.offsetAt(pos);
    const d = index.get(uri);
    if (!d) return 0;
    const starts = d.lineStarts;
    const line = Math.max(0, Math.min(pos.line, starts.length - 1));
    // Past the end of its line, a character means the line's end (as the protocol says), never the next line.
    const next = line + 1 < starts.length ? starts[line + 1] : Infinity;
    return Math.min(starts[line] + Math.max(0, pos.character), Math.max(starts[line], next - 1));
  }

  connection.onDocumentSymbol(async (params, token) => {
    ready();
    checkParams(params, ['textDocument']);
    const state = await currentState(params.textDocument.uri);
    if (!state || token.isCancellationRequested) return null;
    const items = outline(state.analysis.article);
    return symbolTree ? items.map((i) => toDocumentSymbol(i, state.lines)) : toSymbolInformation(items, params.textDocument.uri, state.lines);
  });

  connection.onFoldingRanges(async (params, token) => {
    ready();
    checkParams(params, ['textDocument']);
    const state = await currentState(params.textDocument.uri);
    if (!state || token.isCancellationRequested) return null;
    return toFoldingRanges(folds(state.analysis.article), state.lines);
  });

  connection.onSelectionRanges(async (params, token) => {
    ready();
    checkParams(params, ['textDocument', 'positions']);
    const uri = params.textDocument.uri;
    const state = await currentState(uri);
    if (!state || token.isCancellationRequested) return null;
    // Names and figures only from facts of this very text: a stale analysis's spans would not hold the cursor.
    const current = await currentDoc(uri);
    const facts = current && current.text === state.lines.text ? current.doc.facts : undefined;
    const spansAt = selectionsOf(state.analysis.article, facts, state.lines.text);
    const out: SelectionRange[] = [];
    for (const p of params.positions) {
      // Thousands of cursors (every occurrence selected) in a long article take a while: the client may give up.
      if (out.length % SELECTIONS_BETWEEN_YIELDS === SELECTIONS_BETWEEN_YIELDS - 1) {
        await new Promise((r) => setImmediate(r));
        if (token.isCancellationRequested) return null;
      }
      const spans = spansAt(state.lines.offsetAt(p));
      let range: SelectionRange | undefined;
      for (let k = spans.length - 1; k >= 0; k--) range = { range: { start: state.lines.positionAt(spans[k].start), end: state.lines.positionAt(spans[k].end) }, parent: range };
      out.push(range ?? { range: { start: p, end: p } });
    }
    return out;
  });

  /** Cursors whose selection ranges are worked out between looks at the event loop (a cancel, other requests). */
  const SELECTIONS_BETWEEN_YIELDS = 256;

  /** Asks the client for every open document's tokens again, when it can be asked (what names are may have changed). */
  function refreshTokens(): void {
    if (refreshesTokens) void connection.languages.semanticTokens.refresh().catch(() => undefined);
  }

  /**
   * Each open document's last tokens and their result id, so that the next request can be answered with what changed.
   * Ids count up per server: `SemanticTokensBuilder`'s own are the clock's milliseconds, which two lists can share.
   */
  const lastTokens = new Map<string, { id: string; data: number[] }>();
  let tokensIssued = 0;

  /** The open article's tokens, encoded; undefined when it is no article analysed in this version. */
  function encodedTokens(uri: string): number[] | undefined {
    const open = documents.get(uri);
    const state = states.get(uri);
    const doc = index.get(uri);
    // The facts must be of the text the client has: not those of the file on disk for a document that is no article.
    if (!open || !state || state.version !== open.version || !doc) return undefined;
    const builder = new SemanticTokensBuilder();
    for (const t of semanticTokens(state.lines, doc.facts)) {
      const at = state.lines.positionAt(t.span.start);
      let bits = 0;
      for (const m of t.modifiers) bits |= 1 << TOKEN_MODIFIERS.indexOf(m);
      builder.push(at.line, at.character, t.span.end - t.span.start, TOKEN_TYPES.indexOf(t.type), bits);
    }
    return builder.build().data;
  }

  function keepTokens(uri: string, data: number[]): string {
    const id = String(++tokensIssued);
    lastTokens.set(uri, { id, data });
    return id;
  }

  connection.languages.semanticTokens.on(async (params, token) => {
    ready();
    checkParams(params, ['textDocument']);
    const uri = params.textDocument.uri;
    if (!(await fresh(uri)) || token.isCancellationRequested) return null;
    const data = encodedTokens(uri);
    if (!data) return null;
    return { resultId: keepTokens(uri, data), data };
  });

  connection.languages.semanticTokens.onDelta(async (params, token) => {
    ready();
    checkParams(params, ['textDocument', 'previousResultId']);
    const uri = params.textDocument.uri;
    if (!(await fresh(uri)) || token.isCancellationRequested) return null;
    const data = encodedTokens(uri);
    if (!data) return null;
    const last = lastTokens.get(uri);
    const resultId = keepTokens(uri, data);
    // A result id this server did not give for this document last: the whole list.
    if (!last || last.id !== params.previousResultId) return { resultId, data };
    return { resultId, edits: tokenEdits(last.data, data) };
  });

  // Custom requests of the VS Code client (see client/src/protocol.ts).
  connection.onRequest('breachDesk/reindex', async () => {
    ready();
    states.clear();
    await loadCorpus();
    return { articles: index.size };
  });

  connection.onRequest('breachDesk/timeline', async (params: { textDocument: { uri: string }; position: { line: number; character: number } }, token) => {
    ready();
    checkParams(params, ['textDocument', 'position']);
    const uri = params?.textDocument?.uri;
    const pos = params?.position;
    if (typeof uri !== 'string' || !Number.isFinite(pos?.line) || !Number.isFinite(pos?.character)) return null;
    if (!(await fresh(uri)) || token.isCancellationRequested) return null;
    // Fractional positions are clamped as every other request's are.
    const t = timelineAt(index, uri, offsetIn(uri, { line: Math.floor(pos.line), character: Math.floor(pos.character) }));
    if (!t) return null;
    return { ...t, points: t.points.flatMap((p) => {
      const range = index.range(p.uri, p.span);
      return range ? [{ ...p, range }] : [];
    }) };
  });

  // The timeline lens of a client that draws none: the values as text, in a message.
  connection.onExecuteCommand(async (params, token) => {
    ready();
    checkParams(params, ['command']);
    if (!textCommands().includes(params.command)) throw new ResponseError(ErrorCodes.InvalidParams, `Breach Desk: no command ${JSON.stringify(params.command)}.`);
    const [uri, line, character] = Array.isArray(params.arguments) ? params.arguments : [];
    if (typeof uri !== 'string' || !Number.isInteger(line) || !Number.isInteger(character)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `Breach Desk: ${params.command} takes a document URI, a line and a character.`);
    }
    if (!(await fresh(uri)) || token.isCancellationRequested) return null;
    let message: string;
    if (params.command === LINKED_FROM_TEXT_COMMAND) message = linkedFromText(index, uri);
    else {
      const t = timelineAt(index, uri, offsetIn(uri, { line, character }));
      message = t ? timelineText(t) : 'Breach Desk: no figure with a timeline there.';
    }
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
    return null;
  });

  // A new article's skeleton as a snippet, with the corpus's outlets to choose from (the "New Article" command).
  connection.onRequest('breachDesk/articleSkeleton', () => {
    ready();
    return articleSkeleton(index, new Date());
  });

  connection.onRequest('breachDesk/article', async (params: { uri: string }) => {
    ready();
    checkParams(params, ['uri']);
    if (typeof params?.uri !== 'string' || !(await fresh(params.uri))) return null;
    const f = index.get(params.uri)?.facts;
    return f ? { title: f.title, source: f.source ?? null, date: f.date ?? null, link: f.linkUrl ?? f.link ?? null } : null;
  });

  connection.onCodeLens(async (params, token) => {
    ready();
    checkParams(params, ['textDocument']);
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string' || !(await fresh(uri)) || token.isCancellationRequested) return null;
    const lenses: CodeLens[] = [];
    // Over the title, when other articles link to this one: a click lists their links (references on the address).
    const linked = linkedFromLens(index, uri);
    const title = linked && index.range(uri, linked.title);
    const address = linked && index.range(uri, linked.address);
    if (linked && title && address) {
      lenses.push({ range: title, command: { title: `Linked from ${linked.articles} article${linked.articles === 1 ? '' : 's'}`, command: showsReferences ? 'breachDesk.showLinkedFrom' : LINKED_FROM_TEXT_COMMAND, arguments: [uri, address.start.line, address.start.character] } });
    }
    for (const l of timelineLenses(index, uri)) {
      const range = index.range(uri, l.span);
      if (range) lenses.push({ range, command: { title: `Timeline: ${l.statements} statements of ${l.label}`, command: drawsTimelines ? 'breachDesk.showFigureTimeline' : TIMELINE_TEXT_COMMAND, arguments: [uri, range.start.line, range.start.character] } });
    }
    return lenses;
  });

  connection.onCodeAction(async (params, token) => {
    ready();
    checkParams(params, ['textDocument', 'range', 'context']);
    const context = params.context as unknown as { diagnostics?: unknown; only?: unknown } | null;
    const bad = (what: string) => new ResponseError(ErrorCodes.InvalidParams, `Breach Desk: ${what}.`);
    if (!context || typeof context !== 'object' || !Array.isArray(context.diagnostics)) throw bad('context.diagnostics must be an array');
    if (context.only !== undefined && !(Array.isArray(context.only) && context.only.every((o) => typeof o === 'string'))) throw bad('context.only must be an array of strings');
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    if (wants(CodeActionKind.QuickFix)) {
      // Fixes were computed with the diagnostic and travel in its data.
      const current = documents.get(uri)?.version;
      for (const d of params.context.diagnostics) {
        if (!d || typeof d !== 'object' || d.source !== SOURCE) continue;
        const data = d.data as DiagnosticData | undefined;
        // Fixes computed for an older version of the text would edit the wrong characters: none until the diagnostics catch up.
        if (typeof data?.version === 'number' && current !== undefined && data.version !== current) continue;
        // The data comes back from the client: only fixes of the shape the server sent become actions.
        for (const fix of Array.isArray(data?.fixes) ? data!.fixes.filter(isFix) : []) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: fix.preferred,
            edit: { changes: { [uri]: fix.edits } },
          });
        }
      }
    }
    if (wants(CodeActionKind.QuickFix)) {
      // Any problem of the article's own lines can be silenced where it stands: a marker on the line before it
      // (`suppress.ts`), which the parser passes over in every section, or the code added to a marker already there.
      // Not on the first line (a comment above the title would hide the article's layout), not inside running text
      // (a marker line there would cut a paragraph, a list item or a quotation wrapped by hand in two), nor for what a
      // file or the pins file itself is told.
      const open = documents.get(uri);
      // The analysis of the text the client has (worked out again if a load or an edit has set it aside).
      const state = open ? await currentState(uri) : undefined;
      for (const d of open && state && state.version === open.version && !token.isCancellationRequested ? params.context.diagnostics : []) {
        if (!d || typeof d !== 'object' || d.source !== SOURCE || typeof d.code !== 'string' || !ignorable(d.code)) continue;
        // A problem of an older version of the text may stand on another line now.
        const data = d.data as DiagnosticData | undefined;
        if (typeof data?.version === 'number' && data.version !== open!.version) continue;
        const action = ignoreAction(state!, d.code, d.range?.start?.line);
        if (action && !actions.some((a) => a.title === action.title)) actions.push({ ...action, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: [action.edit] } } });
      }
    }
    // Asked for every kind (Neovim's code action menu asks so on any line), fix-all comes only with a problem here that
    // has a fix of its own; asked for source actions or fix-all (VS Code's menu, code actions on save), always.
    const fixableHere = params.context.diagnostics.some((d) => d && typeof d === 'object' && d.source === SOURCE && Array.isArray((d.data as DiagnosticData | undefined)?.fixes) && (d.data as DiagnosticData).fixes.length > 0);
    if (only ? wants(FIX_ALL_KIND) : fixableHere) {
      const state = await currentState(uri);
      if (state && !token.isCancellationRequested) {
        const edits = nonOverlapping(state.analysis.diagnostics.flatMap((d) => d.fixes?.filter((f) => f.preferred).flatMap((f) => f.edits) ?? []), state.lines.text);
        if (edits.length) {
          actions.push({
            title: 'Fix all Breach Desk problems that have a safe fix',
            kind: FIX_ALL_KIND,
            edit: { changes: { [uri]: edits.map((e) => ({ range: state.lines.range(e.span), newText: e.newText })) } },
          });
        }
      }
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * The marker that silences `code` on `line` (see `onCodeAction`): the code added to a marker on the line above, or a
 * marker line of its own above it where one may stand; undefined where none may.
 */
function ignoreAction(state: { lines: LineIndex; analysis: Analysis }, code: string, line: unknown): { title: string; edit: { range: { start: Position; end: Position }; newText: string } } | undefined {
  const lines = state.lines;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1 || line >= lines.lineCount) return undefined;
  const text = lines.text;
  const title = `Ignore ${code} on this line`;
  const above = text.slice(lines.lineStarts[line - 1], lines.lineEnd(line - 1));
  const marker = /^([ \t]*<!--\s*breach-desk:\s*ignore\b)([^>]{0,400}?)(\s*-->[ \t]*)$/.exec(above);
  if (marker) {
    const codes = marker[2].split(/[\s,]+/).filter(Boolean);
    // A marker that names no code silences them all; one that names this code already does.
    if (!codes.length || codes.includes(code)) return undefined;
    const at = lines.positionAt(lines.lineStarts[line - 1] + marker[1].length + marker[2].length);
    return { title, edit: { range: { start: at, end: at }, newText: `${marker[2].endsWith(' ') ? '' : ' '}${code}` } };
  }
  // Inside the body, only between blocks: above a line that follows a blank line, a heading or another comment.
  const body = state.analysis.article.body;
  const start = lines.lineStarts[line];
  const tags = state.analysis.article.headers.find((h) => h.kind === 'tags' && h.span.start > (body?.header.span.start ?? Infinity));
  if (body && start > body.header.span.start && (!tags || start < tags.span.start) && above.trim() !== '' && !/^[ \t]*(?:#|<!--)/.test(above)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = { line, character: 0 };
  return { title, edit: { range: { start: at, end: at }, newText: `<!-- breach-desk: ignore ${code} -->${eol}` } };
}

/** A code a marker may silence: one Breach Desk reports on an article's lines (never `file.*` nor the pins file's). */
function ignorable(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CODES, code) && !code.startsWith('file.') && code !== 'config.invalid';
}
