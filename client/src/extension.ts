/**
 * The VS Code client: starts the language server, gives article files the
 * Breach Desk language, shows the index state in the status bar, and offers
 * the Breach Desk commands (new article, re-index, show entity, figure timeline,
 * open the source article, restart). It analyses nothing itself: counts come from the
 * server's notifications and the diagnostics it publishes, timelines from a
 * server request.
 *
 * If the server dies it is restarted and the user is told once (see
 * recovery.ts); a server that keeps dying is left stopped with one message.
 */
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, State, type LanguageClientOptions, type ServerOptions, TransportKind,
} from 'vscode-languageclient/node';
import { looksLikeArticle } from '../../server/src/core/detect';
import { ARTICLE, ARTICLE_SKELETON, type ArticleInfo, type ArticleSkeleton, CHECK_ALL, type CheckAllResult, INDEXED, INDEXING, type IndexedParams, REINDEX, TIMELINE, type TimelineResult } from './protocol';
import { RestartPolicy } from './recovery';
import { noIcons } from './text';
import { OPEN_LOCATION_COMMAND, renderTimeline } from './timelineView';

const LANGUAGE_ID = 'breach-article';
const SOURCE = 'breach-desk';
let client: LanguageClient | undefined;


/** A URI string the commands accept from outside (code lenses, webview links): only local documents. */
function documentUri(value: unknown): vscode.Uri | undefined {
  if (typeof value !== 'string' || value.length > 4096) return undefined;
  try {
    const uri = vscode.Uri.parse(value, true);
    return uri.scheme === 'file' || uri.scheme === 'untitled' ? uri : undefined;
  } catch {
    return undefined;
  }
}

function lineOrChar(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 10_000_000 ? value : undefined;
}

class StatusBar {
  readonly item = vscode.window.createStatusBarItem('breachDesk.status', vscode.StatusBarAlignment.Left, 10);
  private indexing = true;
  private counts: IndexedParams | undefined;
  private stopped = false;

  constructor() {
    this.item.name = 'Breach Desk';
    this.item.command = 'breachDesk.showOutput';
    this.render();
    this.item.show();
  }

  startIndexing(): void {
    this.indexing = true;
    this.stopped = false;
    this.render();
  }

  indexed(p: IndexedParams): void {
    this.indexing = false;
    this.stopped = false;
    this.counts = p;
    this.render();
  }

  serverStopped(): void {
    this.stopped = true;
    this.render();
  }

  /** Conflicts the server currently reports: in open documents, and in every article once "Check All Articles" has run. */
  private conflicts(): number {
    let n = 0;
    for (const [, diags] of vscode.languages.getDiagnostics()) {
      for (const d of diags) {
        const code = typeof d.code === 'object' ? d.code.value : d.code;
        if (d.source === SOURCE && code === 'figure.conflict') n++;
      }
    }
    return n;
  }

  render(): void {
    const c = this.counts;
    const conflicts = this.conflicts();
    if (this.stopped) {
      this.item.text = '$(error) Breach Desk: stopped';
      this.item.tooltip = 'The Breach Desk language server is not running. Run "Breach Desk: Restart Language Server".';
      this.item.command = 'breachDesk.restartServer';
      return;
    }
    this.item.command = 'breachDesk.showOutput';
    if (this.indexing) {
      this.item.text = '$(sync~spin) Breach Desk: indexing…';
      this.item.tooltip = 'Breach Desk is reading the articles of the workspace.';
      return;
    }
    const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
    const entities = plural(c?.entities ?? 0, 'entity', 'entities');
    this.item.text = `$(book) ${plural(c?.articles ?? 0, 'article')} · ${entities} · ${conflicts ? '$(warning) ' : ''}${plural(conflicts, 'conflict')}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**Breach Desk**\n\n${plural(c?.articles ?? 0, 'article')} indexed in ${c?.ms ?? 0} ms`);
    if (c?.skipped) md.appendMarkdown(`, ${c.skipped} skipped (see the output)`);
    md.appendMarkdown(`.\n\n${entities} known; ${plural(conflicts, 'figure conflict')} in the Problems panel.\n\nClick to show the output.`);
    this.item.tooltip = md;
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Breach Desk', { log: true });
  context.subscriptions.push(output);

  // Article files are ordinary .txt and .md files: claim the ones that have
  // the article layout, leave every other note to the editor.
  const claim = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'plaintext' && doc.languageId !== 'markdown') return;
    if (!vscode.workspace.getConfiguration('breachDesk', doc.uri).get<boolean>('detectArticles', true)) return;
    if (looksLikeArticle(doc.getText())) {
      void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, (err: unknown) => output.warn(`Could not set the language of ${doc.uri.toString()}: ${String(err)}`));
    }
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(claim));
  vscode.workspace.textDocuments.forEach(claim);
  // A new article typed into an untitled (or any plain) buffer takes the layout as it is written: look again
  // when a line or a header's colon is typed, once per document (a writer who sets another language keeps it).
  const claimedWhileTyping = new WeakSet<vscode.TextDocument>();
  context.subscriptions.push(vscode.workspace.onDidChangeTextDocument((e) => {
    if (claimedWhileTyping.has(e.document) || !e.contentChanges.some((c) => c.text.includes('\n') || c.text.includes(':'))) return;
    if (e.document.languageId !== 'plaintext' && e.document.languageId !== 'markdown') return;
    if (looksLikeArticle(e.document.getText())) {
      claimedWhileTyping.add(e.document);
      claim(e.document);
    }
  }));

  const status = new StatusBar();
  context.subscriptions.push(status.item);
  let debounce: NodeJS.Timeout | undefined;
  context.subscriptions.push(vscode.languages.onDidChangeDiagnostics(() => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => status.render(), 200);
  }));

  const policy = new RestartPolicy();
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    outputChannel: output,
    // `breachDesk.trace.server` (off, messages, verbose) logs the protocol to the same channel.
    synchronize: { configurationSection: 'breachDesk' },
    // In a restricted (untrusted) workspace the server reads no folders, only open documents and the seeds.
    // The corpus cache lives in the editor's storage for this workspace (the global one without a workspace),
    // never in the workspace: later starts restore the index from it, and a first index of a large corpus
    // runs on worker threads only when there is a cache to put the facts in.
    // timelineView: this client draws the figure timeline its code lenses open (`breachDesk.showFigureTimeline`);
    // referencesView: it shows the links of the "Linked from" code lens in the references peek (`breachDesk.showLinkedFrom`).
    initializationOptions: { trusted: vscode.workspace.isTrusted, storagePath: (context.storageUri ?? context.globalStorageUri).fsPath, timelineView: true, referencesView: true },
    errorHandler: {
      // A bad message is logged by the client; the connection goes on.
      error: () => ({ action: ErrorAction.Continue, handled: true }),
      closed: () => {
        const verdict = policy.closed(Date.now());
        output.warn(`The language server stopped; ${verdict.restart ? 'restarting it' : 'it keeps stopping, so it is left stopped'}.`);
        if (verdict.tell === 'restarted') {
          void vscode.window.showInformationMessage('The Breach Desk language server stopped unexpectedly and was restarted.', 'Show Output')
            .then((a) => a && output.show(true));
        } else if (verdict.tell === 'gave-up') {
          status.serverStopped();
          void vscode.window.showErrorMessage('The Breach Desk language server keeps stopping; it is left stopped. See the output for why.', 'Restart', 'Show Output')
            .then((a) => {
              if (a === 'Restart') void vscode.commands.executeCommand('breachDesk.restartServer');
              else if (a === 'Show Output') output.show(true);
            });
        }
        if (!verdict.restart) status.serverStopped();
        return { action: verdict.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
      },
    },
    markdown: { isTrusted: false, supportHtml: false },
    middleware: {
      // A tag's key ("victim.country.name=") is half a tag: accepting it asks at once for the values the corpus gives it.
      provideCompletionItem: async (document, position, context, token, next) => {
        const result = await next(document, position, context, token);
        const items = Array.isArray(result) ? result : result?.items;
        for (const item of items ?? []) if (item.kind === vscode.CompletionItemKind.Property) item.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
        return result;
      },
    },
  };
  client = new LanguageClient('breachDesk', 'Breach Desk', serverOptions, clientOptions);

  // Progress: a notification for the first index of this window; later ones spin in the status bar only.
  let firstIndex: (() => void) | undefined;
  const firstIndexDone = new Promise<void>((resolve) => { firstIndex = resolve; });
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Breach Desk: indexing articles…' }, () => firstIndexDone);
  client.onNotification(INDEXING, () => status.startIndexing());
  client.onNotification(INDEXED, (p: IndexedParams) => {
    status.indexed(p);
    output.info(`Indexed ${p.articles} articles (${p.entities ?? '?'} entities) in ${p.ms} ms; ${p.skipped} skipped.`);
    firstIndex?.();
    firstIndex = undefined;
  });
  context.subscriptions.push(client.onDidChangeState((e) => {
    if (e.newState === State.Starting) status.startIndexing();
  }));

  const timelinePanel = new TimelinePanel(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('breachDesk.restartServer', async () => {
      policy.reset();
      status.startIndexing();
      await client?.restart();
    }),
    vscode.commands.registerCommand('breachDesk.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('breachDesk.reindex', async () => {
      if (!client?.isRunning()) return void vscode.window.showWarningMessage('The Breach Desk language server is not running.');
      status.startIndexing();
      await client.sendRequest(REINDEX, {});
    }),
    vscode.commands.registerCommand('breachDesk.checkAll', async () => {
      if (!client?.isRunning()) return void vscode.window.showWarningMessage('The Breach Desk language server is not running.');
      // The server shows its progress (cancellable) while it checks; this says what it found.
      const r = await client.sendRequest<CheckAllResult>(CHECK_ALL, {});
      if (r.restricted) return void vscode.window.showInformationMessage('Breach Desk: in restricted mode only the articles you open are checked; trust this workspace to check them all.');
      const n = (k: number, one: string) => `${k.toLocaleString('en-US')} ${one}${k === 1 ? '' : 's'}`;
      const what = `${n(r.errors, 'error')}, ${n(r.warnings, 'warning')}, ${n(r.notes, 'note')}`;
      const said = r.cancelled ? `Checked ${r.articles.toLocaleString('en-US')} of ${n(r.of, 'article')} before it was stopped: ${what}.` : `Checked ${n(r.articles, 'article')}: ${what}.`;
      const pick = await vscode.window.showInformationMessage(`Breach Desk: ${said}`, 'Show Problems');
      if (pick) await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand('breachDesk.showEntity', async (name?: unknown) => showEntity(typeof name === 'string' ? name : undefined)),
    vscode.commands.registerCommand('breachDesk.showFigureTimeline', async (uriArg?: unknown, lineArg?: unknown, charArg?: unknown) => {
      // From a code lens: (uri, line, character), checked; from the palette: the cursor.
      let uri = documentUri(uriArg);
      let line = lineOrChar(lineArg);
      let character = lineOrChar(charArg);
      if (!uri || line === undefined || character === undefined) {
        const editor = vscode.window.activeTextEditor;
        if (!editor || editor.document.languageId !== LANGUAGE_ID) return void vscode.window.showInformationMessage('Put the cursor on a figure in a Breach Desk article first.');
        uri = editor.document.uri;
        ({ line, character } = editor.selection.active);
      }
      if (!client?.isRunning()) return void vscode.window.showWarningMessage('The Breach Desk language server is not running.');
      const data = await client.sendRequest<TimelineResult>(TIMELINE, { textDocument: { uri: uri.toString() }, position: { line, character } });
      if (!data || !data.points.length) return void vscode.window.showInformationMessage('There is no figure with a comparable measure at the cursor.');
      timelinePanel.show(data);
    }),
    // From the "Linked from" code lens over a title: (uri, line, character) of the article's own address, checked. The
    // links of other articles to it, as references there give them, in the peek; the address itself is left out.
    vscode.commands.registerCommand('breachDesk.showLinkedFrom', async (uriArg?: unknown, lineArg?: unknown, charArg?: unknown) => {
      const uri = documentUri(uriArg);
      const line = lineOrChar(lineArg);
      const character = lineOrChar(charArg);
      if (!uri || line === undefined || character === undefined) return;
      const at = new vscode.Position(line, character);
      const found = await vscode.commands.executeCommand<vscode.Location[] | undefined>('vscode.executeReferenceProvider', uri, at);
      const links = (found ?? []).filter((l) => l.uri.toString() !== uri.toString());
      if (!links.length) return void vscode.window.showInformationMessage('No other article of the corpus links to this one.');
      await vscode.commands.executeCommand('editor.action.showReferences', uri, at, links);
    }),
    vscode.commands.registerCommand(OPEN_LOCATION_COMMAND, async (uriArg?: unknown, lineArg?: unknown, charArg?: unknown) => {
      const uri = documentUri(uriArg);
      const line = lineOrChar(lineArg);
      const character = lineOrChar(charArg);
      if (!uri || line === undefined || character === undefined) return;
      const pos = new vscode.Position(line, character);
      await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), viewColumn: vscode.ViewColumn.One });
    }),
    vscode.commands.registerCommand('breachDesk.newArticle', async () => {
      // The skeleton comes from the server (the corpus's outlets to choose from, today's date); the document is untitled
      // until the writer saves it where they keep their articles.
      if (!client?.isRunning()) return void vscode.window.showWarningMessage('The Breach Desk language server is not running.');
      const skeleton = await client.sendRequest<ArticleSkeleton | null>(ARTICLE_SKELETON, {});
      if (!skeleton) return;
      const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID });
      const editor = await vscode.window.showTextDocument(doc);
      if (!(await editor.insertSnippet(new vscode.SnippetString(skeleton.snippet), new vscode.Position(0, 0)))) {
        output.warn(`New Article: the editor did not take the skeleton as a snippet; inserted as text.`);
        await editor.edit((e) => e.insert(new vscode.Position(0, 0), skeleton.plain));
      }
    }),
    vscode.commands.registerCommand('breachDesk.openSourceArticle', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE_ID || !client?.isRunning()) return void vscode.window.showInformationMessage('Open a Breach Desk article first.');
      const info = await client.sendRequest<ArticleInfo | null>(ARTICLE, { uri: editor.document.uri.toString() });
      const link = info?.link?.trim();
      if (!link || !/^https?:\/\//i.test(link)) return void vscode.window.showInformationMessage('This article has no http(s) Link to open.');
      await vscode.env.openExternal(vscode.Uri.parse(link, true));
    }),
  );

  async function showEntity(name?: string): Promise<void> {
    if (!client?.isRunning()) return void vscode.window.showWarningMessage('The Breach Desk language server is not running.');
    type Sym = { name: string; kind: number; containerName?: string; location: { uri: string; range: { start: { line: number; character: number } } } };
    const symbols = (await client.sendRequest<Sym[] | null>('workspace/symbol', { query: name ?? '' })) ?? [];
    // Articles are symbols of kind File (1); entities are everything else.
    const entities = symbols.filter((s) => s.kind !== 1);
    const exact = name ? entities.find((s) => s.name.toLowerCase() === name.toLowerCase()) : undefined;
    const pick = exact ?? (await vscode.window.showQuickPick(entities.map((s) => ({ label: noIcons(s.name), description: s.containerName && noIcons(s.containerName), sym: s })), {
      title: 'Breach Desk: Show Entity', placeHolder: 'A person, organisation, outlet, place or handle', matchOnDescription: true,
    }))?.sym;
    if (!pick) return;
    const uri = documentUri(pick.location.uri);
    if (!uri) return;
    const pos = new vscode.Position(pick.location.range.start.line, pick.location.range.start.character);
    // Give the article its language before asking for the hover: a file opened
    // just now is still plain text until `claim` has run, and would show no card.
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== LANGUAGE_ID && looksLikeArticle(doc.getText())) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    // Ask the server first: the answer comes after it has the document (requests follow didOpen), so the
    // hover shown next has its card even on a busy machine, instead of racing the document's analysis.
    await client.sendRequest('textDocument/hover', { textDocument: { uri: doc.uri.toString() }, position: { line: pos.line, character: pos.character } }).catch(() => undefined);
    // A hover is hidden when its editor scrolls or lays out: show it once the mention is on screen, and
    // again once a newly opened editor has settled (showing it again keeps it open; it does not toggle).
    for (let i = 0; i < 20 && !editor.visibleRanges.some((r) => r.contains(pos)); i++) await new Promise((r) => setTimeout(r, 50));
    await vscode.commands.executeCommand('editor.action.showHover');
    await new Promise((r) => setTimeout(r, 500));
    const still = vscode.window.activeTextEditor;
    if (still === editor && editor.selection.active.isEqual(pos)) await vscode.commands.executeCommand('editor.action.showHover');
  }

  await client.start();
  // Trust granted later: restart so the server scans the workspace.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
}

/** One webview for figure timelines, reused; it runs no script and follows only our open-location command. */
class TimelinePanel {
  private panel: vscode.WebviewPanel | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  show(data: NonNullable<TimelineResult>): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('breachDesk.timeline', 'Figure Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: [OPEN_LOCATION_COMMAND],
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => { this.panel = undefined; }, undefined, this.context.subscriptions);
    }
    this.panel.title = `Timeline: ${data.label}`;
    this.panel.webview.html = renderTimeline(data, { nonce: crypto.randomBytes(16).toString('base64') });
    this.panel.reveal(undefined, true);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
