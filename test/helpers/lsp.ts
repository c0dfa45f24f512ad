/**
 * A real LSP client for tests: starts `dist/server.js --stdio` as a child
 * process and speaks JSON-RPC to it with vscode-jsonrpc, like an editor.
 * Waits are for conditions (a notification arriving), never fixed sleeps.
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createMessageConnection, ProgressType, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string;
    source?: string;
    message: string;
    relatedInformation?: unknown[];
    data?: unknown;
  }[];
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly stderr: string[] = [];
  readonly published = new Map<string, PublishedDiagnostics[]>();
  readonly notifications: { method: string; params: any }[] = [];
  /** Every notification in the order it came, diagnostics too (with their document): what came before what. */
  readonly arrivals: { method: string; uri?: string }[] = [];
  /** The server's answer to `initialize`. */
  initializeResult: any;
  private waiters: (() => void)[] = [];
  /** Settings the server gets when it asks (workspace/configuration). */
  settings: Record<string, unknown> = {};

  constructor(args: string[] = ['--stdio']) {
    this.child = spawn(process.execPath, [...(process.env.BD_NODE_ARGS ? process.env.BD_NODE_ARGS.split(" ") : []), SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      this.arrivals.push({ method: 'textDocument/publishDiagnostics', uri: p.uri });
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'breachDesk' ? this.settings : null)));
    this.connection.onRequest('client/registerCapability', () => null);
    // Progress the server begins: its `$/progress` notifications are kept with the others (the connection hands them
    // to a token's handler, not to the catch-all below).
    this.connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      this.connection.onProgress(new ProgressType<unknown>(), p.token, (value) => {
        this.notifications.push({ method: '$/progress', params: { token: p.token, value } });
        this.wake();
      });
      return null;
    });
    this.connection.onNotification((method: string, params: any) => {
      this.notifications.push({ method, params });
      this.arrivals.push({ method });
      this.wake();
    });
    this.connection.listen();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  /** Starts the session; by default with what VS Code gives (settings asked for, files watched by the client), else with `capabilities`. */
  async initialize(rootUri: string | null = null, capabilities: Record<string, unknown> = { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } }, initializationOptions?: unknown): Promise<any> {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri, capabilities, workspaceFolders: null, initializationOptions });
    this.initializeResult = result;
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, languageId = 'breach-article', version = 1): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Resolves with the first publication for `uri` that satisfies `accept`. */
  async diagnostics(uri: string, accept: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 20000): Promise<PublishedDiagnostics> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = (this.published.get(uri) ?? []).find(accept);
      if (hit) return hit;
      if (this.child.exitCode !== null) throw new Error(`server exited (${this.child.exitCode}): ${this.stderr.join('')}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri}; got ${JSON.stringify(this.published.get(uri) ?? [])}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  /** Resolves with the params of the first notification `method` (already received or still to come). */
  async notification(method: string, timeoutMs = 60000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.notifications.find((n) => n.method === method);
      if (hit) return hit.params;
      if (this.child.exitCode !== null) throw new Error(`server exited (${this.child.exitCode}): ${this.stderr.join('')}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${method} notification`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  async shutdown(): Promise<void> {
    if (this.child.exitCode === null) {
      try {
        await this.request('shutdown', null);
        await this.notify('exit', null);
      } catch {
        // The process may already be gone.
      }
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const t = setTimeout(() => { this.child.kill(); resolve(); }, 3000);
      this.child.once('exit', () => { clearTimeout(t); resolve(); });
    });
    this.connection.dispose();
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

/** A temporary workspace folder and the client of a server that has indexed it. */
export interface Workspace {
  dir: string;
  client: LspClient;
}

/** What else a test's client says or does as it starts (see `openWorkspace`). */
export interface WorkspaceOptions {
  /** The client capabilities it declares (default: `LspClient.initialize`'s, as VS Code's). */
  capabilities?: Record<string, unknown>;
  /** Called before `initialize`: handlers for requests the server may send at once. */
  before?: (client: LspClient) => void;
}

/**
 * Writes `files` (relative path → text) into a fresh temporary folder named
 * after `prefix`, starts a server with that folder as root (and `settings`
 * as the `breachDesk` settings it is given when it asks) and waits until it
 * has indexed it. Builds dist/ first when a fresh checkout has no server yet.
 */
export async function openWorkspace(prefix: string, files: Record<string, string> = {}, settings: Record<string, unknown> = {}, options: WorkspaceOptions = {}): Promise<Workspace> {
  if (!fs.existsSync(SERVER)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const client = new LspClient();
  client.settings = settings;
  options.before?.(client);
  try {
    await (options.capabilities ? client.initialize(fileUri(dir), options.capabilities) : client.initialize(fileUri(dir)));
    await client.notification('breachDesk/indexed');
  } catch (e) {
    // The caller never gets the workspace to close, so nothing may outlive a failed start.
    await closeWorkspace({ dir, client });
    throw e;
  }
  return { dir, client };
}

/** Shuts the server down and removes the folder. */
export async function closeWorkspace({ dir, client }: Workspace): Promise<void> {
  await client.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface LspEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** Applies LSP text edits (all against the same original text) and returns the new text. */
export function applyLspEdits(text: string, edits: LspEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : Math.min(starts[p.line] + p.character, text.length));
  const sorted = edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}
