/**
 * Extension-host tests: the same user-visible behaviour as vscode.test.ts,
 * checked through the VS Code API inside a real VS Code (Electron) that
 * @vscode/test-electron downloads. electron.test.ts runs them where VS Code
 * can be downloaded or is given; on machines without that network it says
 * why it skips. esbuild bundles this file for the host (mocha comes from node_modules).
 */
import * as assert from 'assert';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

const WS = () => vscode.workspace.workspaceFolders![0].uri.fsPath;

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 60000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

function suite(): void {
  describe('Breach Desk in the extension host', function () {
    this.timeout(120000);
    const seed = () => vscode.Uri.file(path.join(WS(), 'seeds', '000_01fe31f0ddfc7e1f.txt'));
    const followup = () => vscode.Uri.file(path.join(WS(), 'followup.txt'));

    it('opens a seed in the Breach Desk language with its tag problems and the 902,000 reconciliation', async function () {
      const doc = await vscode.workspace.openTextDocument(seed());
      await vscode.window.showTextDocument(doc);
      await until('the language', () => vscode.window.activeTextEditor?.document.languageId === 'breach-article');
      const diags = await until('diagnostics', () => {
        const d = vscode.languages.getDiagnostics(seed());
        return d.some((x) => codeOf(x) === 'figure.reconciled') && d.some((x) => codeOf(x) === 'tags.possessive') ? d : undefined;
      });
      assert.match(diags.find((x) => codeOf(x) === 'figure.reconciled')!.message, /850,000 \+ 52,000 = 902,000/);
    });

    it('flags the follow-up’s 766,000 with the seed as related location', async function () {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(followup()));
      const conflict = await until('the conflict', () => vscode.languages.getDiagnostics(followup()).find((d) => codeOf(d) === 'figure.conflict'));
      assert.match(conflict.message, /766,000 former customers disagrees with 667,000/);
      assert.ok(conflict.relatedInformation?.some((r) => r.location.uri.fsPath.endsWith('000_01fe31f0ddfc7e1f.txt')));
    });

    it('hovers "Binns" with cited facts, goes from a figure to the seed, completes [[ and fixes a tag', async function () {
      const doc = await vscode.workspace.openTextDocument(seed());
      const at = doc.positionAt(doc.getText().indexOf('his name is John Binns') + 'his name is John Bi'.length);
      const hovers = await until('a hover', async () => {
        const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
        return h?.length ? h : undefined;
      });
      const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(md, /Cited facts/);

      const f = await vscode.workspace.openTextDocument(followup());
      const fig = f.positionAt(f.getText().indexOf('766,000') + 2);
      const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', f.uri, fig);
      assert.ok(defs.some((d) => ('uri' in d ? d.uri : d.targetUri).fsPath.includes('000_01fe31f0ddfc7e1f.txt')));

      const editor = await vscode.window.showTextDocument(f);
      const end = f.lineAt(f.lineCount - 1).range.end;
      await editor.edit((e) => e.insert(end, '[[Bin'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', f.uri, f.lineAt(f.lineCount - 1).range.end, '[');
      assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'John Binns'));
      await vscode.commands.executeCommand('undo');

      const tag = f.positionAt(f.getText().indexOf('[[breach,]]') + 3);
      const actions = await until('a quick fix', async () => {
        const a = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', f.uri, new vscode.Range(tag, tag));
        return a?.find((x) => x.title === 'Change to [[breach]]');
      });
      await vscode.workspace.applyEdit(actions.edit!);
      assert.ok(f.getText().includes('[[breach]]') && !f.getText().includes('[[breach,]]'));
    });

    it('offers the Breach Desk commands', async function () {
      const all = await vscode.commands.getCommands(true);
      for (const c of ['breachDesk.newArticle', 'breachDesk.reindex', 'breachDesk.showEntity', 'breachDesk.showFigureTimeline', 'breachDesk.openSourceArticle', 'breachDesk.showLinkedFrom']) assert.ok(all.includes(c), c);
    });
  });
}

/** Called by VS Code's test runner inside the extension host. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120000 });
  mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
  suite();
  return new Promise((resolve, reject) => mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host tests failed`)) : resolve())));
}
