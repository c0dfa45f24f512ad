/**
 * The language server as the client sees it: started on demand, shown in the status bar, restarted when it dies.
 *
 * Nothing starts when the extension wakes: it wakes for every `.txt` and `.md` file (to look for the article layout),
 * and a README opened in a code repository must not have that repository indexed, watched and cached. The server
 * starts once an article is open or a Breach Desk command runs (`start`); from then on it runs for the window.
 * Commands wait for it while it starts or restarts (`running`), and say what to do when it will not run.
 *
 * If the server dies it is restarted and the user is told once (recovery.ts); a server that keeps dying, or that
 * cannot start, is left stopped with one message that offers a restart and the output. The language client's own
 * messages go to the output only (`QuietClient`): a server that died as it started would otherwise show three or
 * four of them per attempt besides ours, in the client's words ("couldn't create connection to server").
 *
 * In restricted mode (a workspace not trusted) the server indexes the bundled seeds and the open articles only; the
 * status bar item says so, and why.
 */
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, State, type LanguageClientOptions, type ServerOptions, TransportKind,
} from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './articles';
import { INDEXED, INDEXING, type IndexedParams } from './protocol';
import { RestartPolicy } from './recovery';

const SOURCE = 'breach-desk';
/** How long a command waits for a server that is starting or restarting before it gives up and says so. */
const READY_MS = 60_000;
const RESTART_COMMAND = 'breachDesk.restartServer';
const OUTPUT_COMMAND = 'breachDesk.showOutput';
const TRUST_COMMAND = 'workbench.trust.manage';

/**
 * The language client, quiet: its errors go to the output and never to the screen, also those it would force there
 * (a start or restart that failed). What the user needs to know of them, `Server` says once, with the way to the output.
 */
class QuietClient extends LanguageClient {
  override error(message: string, data?: unknown): void {
    super.error(message, data, false);
  }
}

class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('breachDesk.status', vscode.StatusBarAlignment.Left, 10);
  private indexing = true;
  private counts: IndexedParams | undefined;
  private stopped = false;
  /** The server was started in restricted mode: it reads no folder, only the seeds and the open articles. */
  private restricted = false;
  private debounce: NodeJS.Timeout | undefined;
  private readonly diagnostics = vscode.languages.onDidChangeDiagnostics(() => {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.render(), 200);
  });

  constructor() {
    this.item.name = 'Breach Desk';
    this.item.command = OUTPUT_COMMAND;
    this.render();
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.debounce);
    this.diagnostics.dispose();
    this.item.dispose();
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

  /** The trust the server was (re)started with. */
  trusted(trusted: boolean): void {
    this.restricted = !trusted;
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
      this.item.command = RESTART_COMMAND;
      return;
    }
    this.item.command = OUTPUT_COMMAND;
    if (this.indexing) {
      this.item.text = '$(sync~spin) Breach Desk: indexing…';
      this.item.tooltip = this.restricted
        ? 'Breach Desk is reading the bundled seeds and the open articles (restricted mode: this workspace is not trusted, so its folders are not read).'
        : 'Breach Desk is reading the articles of the workspace.';
      return;
    }
    const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
    const entities = plural(c?.entities ?? 0, 'entity', 'entities');
    const articles = plural(c?.articles ?? 0, 'article');
    this.item.text = `${this.restricted ? '$(workspace-untrusted) ' : '$(book) '}${articles}${this.restricted ? ' (restricted mode)' : ''} · ${entities} · ${conflicts ? '$(warning) ' : ''}${plural(conflicts, 'conflict')}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown('**Breach Desk**\n\n');
    if (this.restricted) {
      // The one command the tooltip may run: VS Code's own trust editor.
      md.isTrusted = { enabledCommands: [TRUST_COMMAND] };
      md.appendMarkdown('**Restricted mode**: this workspace is not trusted, so only the bundled seeds and the articles you open are '
        + `indexed; its folders and \`breachDesk.corpus\` are not read. [Trust the workspace](command:${TRUST_COMMAND}) to index them.\n\n`);
    }
    md.appendMarkdown(`${articles} indexed in ${c?.ms ?? 0} ms`);
    if (c?.skipped) md.appendMarkdown(`, ${c.skipped} skipped (see the output)`);
    md.appendMarkdown(`.\n\n${entities} known; ${plural(conflicts, 'figure conflict')} in the Problems panel.\n\nClick to show the output.`);
    this.item.tooltip = md;
  }
}

/**
 * The first index of a window, as a progress notification (later ones spin in the status bar only). It ends when
 * the corpus is indexed, and also when no index is coming: the server could not start, was stopped, or kept dying.
 */
class FirstIndexProgress {
  private end: (() => void) | undefined;

  constructor() {
    const ended = new Promise<void>((resolve) => { this.end = resolve; });
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Breach Desk: indexing articles…' }, () => ended);
  }

  done(): void {
    this.end?.();
    this.end = undefined;
  }
}

/** Why the server will not run until the writer restarts it. */
type Down = 'gave-up' | 'failed';

export class Server implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private status: StatusBar | undefined;
  private firstIndex: FirstIndexProgress | undefined;
  private down: Down | undefined;
  /** Why it is down has been said (once a stop, however many ways the client reports it); a run or a restart forgets it. */
  private told = false;
  /**
   * The server has run since this client was launched or restarted by hand: a server that dies before it ever ran
   * "could not start", one that dies later "stopped".
   */
  private ran = false;
  /**
   * The connection closed and the client starts a new server, until it runs or the connection closes again. Neither
   * the state Stopped it passes through nor the StartFailed the client then says of the attempt before is a stop.
   */
  private restarting = false;
  private readonly policy = new RestartPolicy();
  /** Fired after the flags above follow a change of the client's state. */
  private readonly changed = new vscode.EventEmitter<void>();

  constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {}

  /** Whether the server has been started in this window (it may have stopped since). */
  get started(): boolean {
    return this.client !== undefined;
  }

  /** Starts the server, its status bar item and the first index's notification, the first time only. */
  start(): void {
    if (this.client) return;
    this.status = new StatusBar();
    this.firstIndex = new FirstIndexProgress();
    this.launch();
  }

  /**
   * The client once it runs: the server is started if need be and waited for while it starts or restarts. Undefined,
   * after a message that says what to do, when it stopped for good or does not come up within `READY_MS`.
   */
  async running(): Promise<LanguageClient | undefined> {
    this.start();
    if (this.client?.state === State.Running) return this.client;
    const already = this.down;
    const outcome = already ?? await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Breach Desk: starting the language server…' },
      () => this.whenRunning(),
    );
    if (outcome === 'running') return this.client;
    // A stop while the command waited has just been told (`stoppedForGood`): one message, not one more per command.
    if (already || outcome === 'timeout') void this.tell(outcome);
    return undefined;
  }

  /** A re-index asked for: the status bar spins at once, before the server says it has begun. */
  indexing(): void {
    this.status?.startIndexing();
  }

  /** "Restart Language Server": a fresh count of crashes, and a server started anew (or for the first time). */
  async restart(): Promise<void> {
    this.policy.reset();
    if (!this.client) return this.start();
    this.status?.startIndexing();
    this.down = undefined;
    this.told = false;
    this.ran = false;
    this.restarting = false;
    if (this.client.state === State.StartFailed) {
      // A client whose start failed cannot start again: a new one takes its place.
      const old = this.client;
      this.launch();
      await old.dispose().catch(() => undefined);
      return;
    }
    // A client still starting cannot be stopped: it is restarted once it runs (it may have started with old settings or trust).
    if (this.client.state === State.Starting && (await this.whenRunning()) !== 'running') return;
    try {
      await this.client.restart();
    } catch (err) {
      this.output.error(`Restarting the language server failed: ${String(err)}`);
      if (this.client.state === State.Stopped) await this.client.start().catch((e: unknown) => this.startFailed(this.client!, e));
    }
  }

  async dispose(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.firstIndex?.done();
    this.status?.dispose();
    this.changed.dispose();
    // stop() refuses a client that is still starting, but the server process is ended all the same.
    await client?.stop().catch(() => undefined);
  }

  private launch(): void {
    const client = this.create();
    this.client = client;
    this.down = undefined;
    this.told = false;
    this.ran = false;
    this.restarting = false;
    client.start().catch((err: unknown) => this.startFailed(client, err));
  }

  private startFailed(client: LanguageClient, err: unknown): void {
    this.output.error(`The language server could not start: ${err instanceof Error ? err.message : String(err)}`);
    // While the client starts a new server, the start that failed was the attempt before.
    if (client === this.client && client.state === State.StartFailed && !this.restarting) this.stoppedForGood(this.down ?? 'failed');
  }

  /** The server will not run until the writer restarts it: the status bar and the first index say so, and one message. */
  private stoppedForGood(why: Down): void {
    this.down = why;
    this.status?.serverStopped();
    this.firstIndex?.done();
    this.changed.fire();
    if (this.told) return;
    this.told = true;
    void this.tell(why);
  }

  /** Resolves once the client runs, or why it will not: stopped for good, or not up within `READY_MS`. */
  private whenRunning(): Promise<'running' | Down | 'timeout'> {
    return new Promise((resolve) => {
      const finish = (outcome: 'running' | Down | 'timeout') => {
        clearTimeout(timer);
        listener.dispose();
        resolve(outcome);
      };
      const timer = setTimeout(() => finish('timeout'), READY_MS);
      const listener = this.changed.event(() => {
        if (this.client?.state === State.Running) finish('running');
        else if (this.down) finish(this.down);
      });
    });
  }

  /** Why the server does not run (or a command cannot), and the way out: a restart, or the output that says more. */
  private async tell(why: Down | 'timeout'): Promise<void> {
    const message = why === 'gave-up'
      ? 'The Breach Desk language server is stopped: it kept stopping. Run "Breach Desk: Restart Language Server" to start it again; the output says why it stopped.'
      : why === 'failed'
        ? 'The Breach Desk language server could not start; the output says why. Run "Breach Desk: Restart Language Server" to try again.'
        : 'The Breach Desk language server has not started after a minute. The output shows what it is doing; run "Breach Desk: Restart Language Server" to start it again.';
    const show = why === 'timeout' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    const action = await show(message, 'Restart', 'Show Output');
    if (action === 'Restart') await vscode.commands.executeCommand(RESTART_COMMAND);
    else if (action === 'Show Output') this.output.show(true);
  }

  private create(): LanguageClient {
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const storagePath = (this.context.storageUri ?? this.context.globalStorageUri).fsPath;
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: LANGUAGE_ID, scheme: 'file' },
        { language: LANGUAGE_ID, scheme: 'untitled' },
      ],
      outputChannel: this.output,
      // What goes wrong is logged to that channel; the client shows none of it (`QuietClient`), this class says it once.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // A server that does not initialize: logged, and not tried again here (the connection's close restarts it, recovery.ts).
      initializationFailedHandler: (err) => {
        this.output.error(`The language server did not initialize: ${err instanceof Error ? err.message : String(err)}`);
        return false;
      },
      // No `synchronize.configurationSection`: the server registers for `workspace/didChangeConfiguration` itself and
      // asks for the settings it needs, per document (`workspace/configuration`); both would send every change twice.
      // Tracing follows the output channel's log level (Trace), `breachDesk.trace.server` only its detail.
      // In a restricted (untrusted) workspace the server reads no folders, only open documents and the seeds. A function,
      // so that the restart after trust is granted tells the server so (an object is sent as it was at the first start).
      // The corpus cache lives in the editor's storage for this workspace (the global one without a workspace),
      // never in the workspace: later starts restore the index from it, and a first index of a large corpus
      // runs on worker threads only when there is a cache to put the facts in.
      // timelineView: this client draws the figure timeline its code lenses open (`breachDesk.showFigureTimeline`);
      // referencesView: it shows the links of the "Linked from" code lens in the references peek (`breachDesk.showLinkedFrom`).
      // The status bar says what the trust sent means (restricted mode: the seeds and the open articles only).
      initializationOptions: () => {
        const trusted = vscode.workspace.isTrusted;
        this.status?.trusted(trusted);
        return { trusted, storagePath, timelineView: true, referencesView: true };
      },
      errorHandler: {
        // A bad message is logged by the client; the connection goes on.
        error: () => ({ action: ErrorAction.Continue, handled: true }),
        closed: () => this.closed(),
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
    const client = new QuietClient('breachDesk', 'Breach Desk', serverOptions, clientOptions);
    client.onNotification(INDEXING, () => this.status?.startIndexing());
    client.onNotification(INDEXED, (p: IndexedParams) => {
      this.status?.indexed(p);
      this.output.info(`Indexed ${p.articles} articles (${p.entities ?? '?'} entities) in ${p.ms} ms; ${p.skipped} skipped.`);
      this.firstIndex?.done();
    });
    this.context.subscriptions.push(client.onDidChangeState((e) => {
      if (client !== this.client) return;
      if (e.newState === State.Running) {
        this.ran = true;
        this.restarting = false;
        this.told = false;
      } else if (e.newState === State.Starting) {
        this.down = undefined;
        this.status?.startIndexing();
      } else if (e.newState === State.StartFailed) {
        // Said of the attempt before while the client starts a new server: no stop. After the last of repeated
        // crashes the client says StartFailed too: that is still the stop `closed` decided.
        if (this.restarting && !this.down) return;
        this.stoppedForGood(this.down ?? 'failed');
        return;
      } else if (e.newState === State.Stopped && !this.restarting) {
        // Stopped on purpose (a restart asked for, the window closing) or for good: no first index is coming from it.
        this.firstIndex?.done();
      }
      this.changed.fire();
    }));
    return client;
  }

  /**
   * The server's connection closed unexpectedly: restart it, or leave it stopped if it keeps dying (recovery.ts). A
   * server that dies as it starts is started again without a word; if it never comes up, the one message says it could not start.
   */
  private closed(): { action: CloseAction; handled: true } {
    const starting = !this.ran;
    const verdict = this.policy.closed(Date.now(), starting);
    this.output.warn(starting
      ? `The language server stopped as it started; ${verdict.restart ? 'starting it again' : 'it does not start, so it is left stopped'}.`
      : `The language server stopped; ${verdict.restart ? 'restarting it' : 'it keeps stopping, so it is left stopped'}.`);
    if (verdict.tell === 'restarted') {
      void vscode.window.showInformationMessage('The Breach Desk language server stopped unexpectedly and was restarted.', 'Show Output')
        .then((a) => a && this.output.show(true));
    }
    this.restarting = verdict.restart;
    if (!verdict.restart) this.stoppedForGood(starting ? 'failed' : 'gave-up');
    return { action: verdict.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
  }
}
