/**
 * Which open documents are articles. Article files are ordinary `.txt` and `.md` files: one with the article layout
 * gets the `breach-article` language when it is first opened, and an untitled (or other plain) buffer when its layout
 * is typed; every other note is left to the editor. The look is cheap (the first lines, `looksLikeArticle`) and starts
 * nothing, so it runs in any workspace; the language server starts once an article is open (extension.ts).
 *
 * `breachDesk.detectArticles` is read for each document (a workspace folder may set its own: the setting is
 * resource-scoped in package.json), and a change of it applies at once to the open documents: turned on, the plain
 * ones with the layout become articles; turned off, those this extension made articles get their language back.
 *
 * The writer has the last word. VS Code reports a change of language (the language picker, a new
 * `files.associations`) as a close and an open of the same document, so a document is looked at on its first open
 * only, and one whose language the writer changed is never claimed or given back again: a writer who moves an article
 * to Markdown or Plain Text, or a note to the article language, keeps that language for the session.
 */
import * as vscode from 'vscode';
import { looksLikeArticle } from '../../server/src/core/detect';

export const LANGUAGE_ID = 'breach-article';
const SETTING = 'breachDesk.detectArticles';

const isPlain = (doc: vscode.TextDocument) => doc.languageId === 'plaintext' || doc.languageId === 'markdown';

/** `breachDesk.detectArticles` for this document (its workspace folder's value first). */
function detects(doc: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('breachDesk', doc.uri).get<boolean>('detectArticles', true);
}

/** Gives article-layout documents the article language, on their first open, as their layout is typed, and as the setting changes. */
export function claimArticles(output: vscode.LogOutputChannel): vscode.Disposable {
  // A language change hands back the same TextDocument object; a document closed and opened again is a new one.
  /** The language each document had when last seen (its first open, or a change of language since). */
  const seen = new WeakMap<vscode.TextDocument, string>();
  /** Documents this extension gave the article language, with the language they had before (given back when the setting is turned off). */
  const ours = new WeakMap<vscode.TextDocument, string>();
  /** Languages this extension asked for and VS Code has not reported yet: their arrival is no choice of the writer's. */
  const asked = new WeakMap<vscode.TextDocument, string[]>();
  /** Documents whose language the writer changed: left alone from then on. */
  const byHand = new WeakSet<vscode.TextDocument>();

  const setLanguage = (doc: vscode.TextDocument, language: string) => {
    if (doc.languageId === language) return;
    asked.set(doc, [...(asked.get(doc) ?? []), language]);
    vscode.languages.setTextDocumentLanguage(doc, language).then(undefined, (err: unknown) => {
      const pending = asked.get(doc) ?? [];
      if (pending.includes(language)) pending.splice(pending.indexOf(language), 1);
      output.warn(`Could not set the language of ${doc.uri.toString()} to ${language}: ${String(err)}`);
    });
  };
  const claim = (doc: vscode.TextDocument) => {
    ours.set(doc, doc.languageId);
    setLanguage(doc, LANGUAGE_ID);
  };
  const giveBack = (doc: vscode.TextDocument) => {
    const was = ours.get(doc)!;
    ours.delete(doc);
    setLanguage(doc, was);
  };
  const wanted = (doc: vscode.TextDocument) => detects(doc) && looksLikeArticle(doc.getText());

  const onOpen = (doc: vscode.TextDocument) => {
    const before = seen.get(doc);
    seen.set(doc, doc.languageId);
    if (before === undefined) {
      if (isPlain(doc) && wanted(doc)) claim(doc);
      return;
    }
    if (before === doc.languageId) return;
    // A change of language: one asked for here, or the writer's.
    const pending = asked.get(doc) ?? [];
    const mine = pending.indexOf(doc.languageId);
    if (mine >= 0) {
      pending.splice(0, mine + 1);
      return;
    }
    byHand.add(doc);
    ours.delete(doc);
  };

  // A new article typed into a plain buffer: look again when a line or a header's colon is typed, until the
  // document has had the article language once.
  const onChange = (e: vscode.TextDocumentChangeEvent) => {
    const doc = e.document;
    if (byHand.has(doc) || ours.has(doc) || !isPlain(doc) || !e.contentChanges.some((c) => c.text.includes('\n') || c.text.includes(':'))) return;
    if (wanted(doc)) claim(doc);
  };

  // The setting changed: the open documents it applies to are looked at again, as on their first open.
  const onConfiguration = (e: vscode.ConfigurationChangeEvent) => {
    if (!e.affectsConfiguration(SETTING)) return;
    for (const doc of vscode.workspace.textDocuments) {
      if (byHand.has(doc) || !seen.has(doc) || !e.affectsConfiguration(SETTING, doc.uri)) continue;
      if (detects(doc)) {
        if (!ours.has(doc) && isPlain(doc) && looksLikeArticle(doc.getText())) claim(doc);
      } else if (ours.has(doc)) {
        giveBack(doc);
      }
    }
  };

  vscode.workspace.textDocuments.forEach(onOpen);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(onOpen),
    vscode.workspace.onDidChangeTextDocument(onChange),
    vscode.workspace.onDidChangeConfiguration(onConfiguration),
  );
}
