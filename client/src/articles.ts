/**
 * Which open documents are articles. Article files are ordinary `.txt` and `.md` files: one with the article layout
 * gets the `breach-article` language when it is first opened, and an untitled (or other plain) buffer when its layout
 * is typed; every other note is left to the editor. The look is cheap (the first lines, `looksLikeArticle`) and starts
 * nothing, so it runs in any workspace; the language server starts once an article is open (extension.ts).
 *
 * The writer has the last word. VS Code reports a change of language (the language picker, a new
 * `files.associations`) as a close and an open of the same document, so a document is looked at on its first open
 * only, and one that has had the article language is never claimed again while it is typed in: a writer who moves
 * an article to Markdown or Plain Text keeps that language for the session.
 */
import * as vscode from 'vscode';
import { looksLikeArticle } from '../../server/src/core/detect';

export const LANGUAGE_ID = 'breach-article';

const isPlain = (doc: vscode.TextDocument) => doc.languageId === 'plaintext' || doc.languageId === 'markdown';

/** Gives article-layout documents the article language, on their first open and as their layout is typed. */
export function claimArticles(output: vscode.LogOutputChannel): vscode.Disposable {
  // A language change hands back the same TextDocument object; a document closed and opened again is a new one.
  const opened = new WeakSet<vscode.TextDocument>();
  // Documents that have had the article language, given here or by the writer.
  const wereArticles = new WeakSet<vscode.TextDocument>();

  const wanted = (doc: vscode.TextDocument) => vscode.workspace.getConfiguration('breachDesk', doc.uri).get<boolean>('detectArticles', true) && looksLikeArticle(doc.getText());
  const claim = (doc: vscode.TextDocument) => {
    wereArticles.add(doc);
    vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, (err: unknown) => output.warn(`Could not set the language of ${doc.uri.toString()}: ${String(err)}`));
  };

  const onOpen = (doc: vscode.TextDocument) => {
    if (doc.languageId === LANGUAGE_ID) wereArticles.add(doc);
    if (opened.has(doc)) return;
    opened.add(doc);
    if (isPlain(doc) && wanted(doc)) claim(doc);
  };

  // A new article typed into a plain buffer: look again when a line or a header's colon is typed, until the
  // document has had the article language once.
  const onChange = (e: vscode.TextDocumentChangeEvent) => {
    const doc = e.document;
    if (wereArticles.has(doc) || !isPlain(doc) || !e.contentChanges.some((c) => c.text.includes('\n') || c.text.includes(':'))) return;
    if (wanted(doc)) claim(doc);
  };

  vscode.workspace.textDocuments.forEach(onOpen);
  return vscode.Disposable.from(vscode.workspace.onDidOpenTextDocument(onOpen), vscode.workspace.onDidChangeTextDocument(onChange));
}
