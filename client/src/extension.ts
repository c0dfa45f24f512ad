/**
 * The VS Code client: gives article files the Breach Desk language (articles.ts), starts the language server once an
 * article is open or a Breach Desk command runs (languageServer.ts, which also keeps the status bar and restarts a
 * server that died), and offers the Breach Desk commands (new article, re-index, check all, show entity, figure
 * timeline, open the source article, restart). It analyses nothing itself: counts come from the server's
 * notifications and the diagnostics it publishes, timelines and names from server requests.
 */
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { looksLikeArticle } from '../../server/src/core/detect';
import { claimArticles, LANGUAGE_ID } from './articles';
import { type EntitySymbol, pickEntity } from './entityPicker';
import { Server } from './languageServer';
import { ARTICLE, ARTICLE_SKELETON, type ArticleInfo, type ArticleSkeleton, CHECK_ALL, type CheckAllResult, REINDEX, TIMELINE, type TimelineResult } from './protocol';
import { OPEN_LOCATION_COMMAND, renderTimeline } from './timelineView';

let server: Server | undefined;

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

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Breach Desk', { log: true });
  context.subscriptions.push(output);
  context.subscriptions.push(claimArticles(output));

  // The extension wakes for every text and Markdown file; the server (which reads the whole workspace) waits for an
  // article. The language of an article given by `claimArticles` arrives as the document opening again.
  const languageServer = new Server(context, output);
  server = languageServer;
  output.info('Breach Desk starts its language server once an article is open or a Breach Desk command runs.');
  const startOnArticle = (doc: vscode.TextDocument) => {
    if (doc.languageId === LANGUAGE_ID) languageServer.start();
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startOnArticle));
  vscode.workspace.textDocuments.forEach(startOnArticle);
  // Trust granted later: restart a running server so that it reads the workspace; one not started yet will when it starts.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
    if (languageServer.started) void languageServer.restart();
  }));
  /** The client for a command: started and waited for if need be; undefined (the writer told why) when it does not run. */
  const running = () => languageServer.running();

  const timelinePanel = new TimelinePanel(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('breachDesk.restartServer', () => languageServer.restart()),
    vscode.commands.registerCommand('breachDesk.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('breachDesk.reindex', async () => {
      const client = await running();
      if (!client) return;
      // Spinning at once; the server's `breachDesk/indexed` stops it.
      languageServer.indexing();
      await client.sendRequest(REINDEX, {});
    }),
    vscode.commands.registerCommand('breachDesk.checkAll', async () => {
      const client = await running();
      if (!client) return;
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
      const client = await running();
      if (!client) return;
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
      const client = await running();
      if (!client) return;
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
      if (!editor || editor.document.languageId !== LANGUAGE_ID) return void vscode.window.showInformationMessage('Open a Breach Desk article first.');
      const client = await running();
      if (!client) return;
      const info = await client.sendRequest<ArticleInfo | null>(ARTICLE, { uri: editor.document.uri.toString() });
      const link = info?.link?.trim();
      if (!link || !/^https?:\/\//i.test(link)) return void vscode.window.showInformationMessage('This article has no http(s) Link to open.');
      await vscode.env.openExternal(vscode.Uri.parse(link, true));
    }),
  );

  async function showEntity(name?: string): Promise<void> {
    const client = await running();
    if (!client) return;
    const ask = async (query: string, token?: vscode.CancellationToken) => (await client.sendRequest<EntitySymbol[] | null>('workspace/symbol', { query }, token)) ?? [];
    // A name given (by a link or another extension) that the corpus knows as written opens at once; otherwise the picker.
    const exact = name ? (await ask(name)).find((s) => s.kind !== 1 && s.name.toLowerCase() === name.toLowerCase()) : undefined;
    const pick = exact ?? (await pickEntity(ask, output, name));
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
  await server?.dispose();
  server = undefined;
}
