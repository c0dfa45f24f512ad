/**
 * The language server: LSP glue around the pure core. Handlers convert the
 * request, ask the core, convert the answer; nothing here analyses text.
 *
 * Documents are analysed once per version, lazily, and cached; edits are
 * coalesced so a burst of keystrokes costs one analysis, and diagnostics are
 * published only for the version they were computed from.
 */
import {
  CodeActionKind, type CodeAction, DidChangeConfigurationNotification, type Connection, type InitializeParams, type InitializeResult,
  type TextDocumentChangeEvent, TextDocumentSyncKind, TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
import type { SeverityOverrides } from '../core/diagnostics';
import { looksLikeArticle } from '../core/detect';
import { folds } from '../core/features/folding';
import { outline } from '../core/features/outline';
import { LineIndex } from '../core/text';
import { SOURCE, toDocumentSymbol, toFoldingRanges, toLspDiagnostic, type DiagnosticData } from './convert';
import { readSettings, type Settings, DEFAULT_SETTINGS } from './settings';

export const LANGUAGE_ID = 'breach-article';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.breach-desk`;

interface DocState {
  version: number;
  lines: LineIndex;
  analysis: Analysis;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocState>();
  const settingsCache = new Map<string, Promise<Settings>>();
  const pending = new Set<string>();
  let flushScheduled = false;
  let canPullConfiguration = false;

  const isArticle = (doc: TextDocument) => doc.languageId === LANGUAGE_ID || looksLikeArticle(doc.getText());

  function settingsFor(uri: string): Promise<Settings> {
    if (!canPullConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'breachDesk' }).then(
        (raw) => readSettings(raw, (msg) => connection.console.warn(msg)),
        () => DEFAULT_SETTINGS,
      );
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** The analysis of the document's current version, computed at most once. */
  function stateOf(doc: TextDocument, severities: SeverityOverrides | undefined): DocState {
    const cached = states.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    const state: DocState = { version: doc.version, lines: new LineIndex(text), analysis: analyze(text, { now: Date.now(), severities }) };
    states.set(doc.uri, state);
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

  function schedule(uri: string): void {
    pending.add(uri);
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(() => void flush());
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
        void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
        continue;
      }
      const state = await currentState(uri);
      // A newer version is already queued: publish that one instead, never an old one.
      if (!state || pending.has(uri) || documents.get(uri)?.version !== state.version) continue;
      void connection.sendDiagnostics({
        uri,
        version: state.version,
        diagnostics: state.analysis.diagnostics.map((d) => toLspDiagnostic(d, uri, state.lines)),
      });
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Breach Desk' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      },
      serverInfo: { name: 'Breach Desk', version: process.env.BREACH_DESK_VERSION ?? 'dev' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'breachDesk' }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    states.clear();
    for (const doc of documents.all()) schedule(doc.uri);
  });

  documents.onDidOpen((e: TextDocumentChangeEvent<TextDocument>) => schedule(e.document.uri));
  documents.onDidChangeContent((e: TextDocumentChangeEvent<TextDocument>) => schedule(e.document.uri));
  documents.onDidClose((e: TextDocumentChangeEvent<TextDocument>) => {
    states.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    pending.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDocumentSymbol(async (params, token) => {
    const state = await currentState(params.textDocument.uri);
    if (!state || token.isCancellationRequested) return null;
    return outline(state.analysis.article).map((i) => toDocumentSymbol(i, state.lines));
  });

  connection.onFoldingRanges(async (params, token) => {
    const state = await currentState(params.textDocument.uri);
    if (!state || token.isCancellationRequested) return null;
    return toFoldingRanges(folds(state.analysis.article), state.lines);
  });

  connection.onCodeAction(async (params, token) => {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    if (wants(CodeActionKind.QuickFix)) {
      // Fixes were computed with the diagnostic and travel in its data.
      for (const d of params.context.diagnostics) {
        if (d.source !== SOURCE) continue;
        const data = d.data as DiagnosticData | undefined;
        for (const fix of Array.isArray(data?.fixes) ? data!.fixes : []) {
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
    if (wants(FIX_ALL_KIND)) {
      const state = await currentState(uri);
      if (state && !token.isCancellationRequested) {
        const edits = nonOverlapping(state.analysis.diagnostics.flatMap((d) => d.fixes?.filter((f) => f.preferred).flatMap((f) => f.edits) ?? []));
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

function nonOverlapping<T extends { span: { start: number; end: number } }>(edits: T[]): T[] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const out: T[] = [];
  let end = -1;
  for (const e of sorted) {
    if (e.span.start < end || (e.span.start === end && e.span.start === e.span.end && out.length && out[out.length - 1].span.start === e.span.start)) continue;
    out.push(e);
    end = Math.max(end, e.span.end);
  }
  return out;
}
