/**
 * The VS Code client: starts the language server, gives article files the
 * Breach Desk language, and forwards commands. It analyses nothing itself.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { looksLikeArticle } from '../../server/src/core/detect';

const LANGUAGE_ID = 'breach-article';
let client: LanguageClient | undefined;

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
    synchronize: { configurationSection: 'breachDesk' },
    // In a restricted (untrusted) workspace the server reads no folders, only open documents and the seeds.
    // The corpus cache goes to the extension's storage for this workspace, never into the workspace.
    initializationOptions: { trusted: vscode.workspace.isTrusted, storagePath: (context.storageUri ?? context.globalStorageUri).fsPath },
  };
  client = new LanguageClient('breachDesk', 'Breach Desk', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('breachDesk.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
  // Trust granted later: restart so the server scans the workspace.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
