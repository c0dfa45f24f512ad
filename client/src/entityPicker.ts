/**
 * The "Show Entity…" quick pick. The server answers `workspace/symbol` with at most 500 symbols, the most named
 * first, so no list fetched once can hold a real corpus's names: the picker asks again as the writer types (after a
 * short pause, the request before cancelled), and shows the server's matches for what is typed. Until they come, the
 * list it has is filtered as usual, so typing is never held up.
 */
import * as vscode from 'vscode';
import { noIcons } from './text';

/** A symbol as `workspace/symbol` gives it (LSP `SymbolInformation`). */
export interface EntitySymbol {
  name: string;
  kind: number;
  containerName?: string;
  location: { uri: string; range: { start: { line: number; character: number } } };
}

/** The server's symbols for a query; rejects when cancelled or when the server cannot answer. */
export type AskSymbols = (query: string, token: vscode.CancellationToken) => Promise<EntitySymbol[]>;

/** How long typing pauses before the server is asked. */
const PAUSE_MS = 150;
/** LSP `SymbolKind.File`: an article's title, not an entity. */
const ARTICLE_KIND = 1;

interface Item extends vscode.QuickPickItem {
  symbol: EntitySymbol;
}

/**
 * The server's answer as items. For a query, every match is shown even where the picker's own filter would hide
 * it: the server also matches a name's other forms ("FBI" for the Federal Bureau of Investigation) and its letters in
 * order ("jbin" for John Binns).
 */
function itemsOf(symbols: EntitySymbol[], query: string): Item[] {
  return symbols.filter((s) => s.kind !== ARTICLE_KIND).map((s) => ({
    label: noIcons(s.name), description: s.containerName && noIcons(s.containerName), alwaysShow: query.trim() !== '', symbol: s,
  }));
}

/** Lets the writer pick an entity, `initial` typed in already; undefined when they leave the picker. */
export function pickEntity(ask: AskSymbols, output: vscode.LogOutputChannel, initial = ''): Promise<EntitySymbol | undefined> {
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = 'Breach Desk: Show Entity';
  pick.placeholder = 'A person, organisation, outlet, place or handle';
  pick.matchOnDescription = true;
  pick.value = initial;
  let asking: vscode.CancellationTokenSource | undefined;
  let pause: NodeJS.Timeout | undefined;
  // Enter pressed before any item was there to take: the first match the server then gives is the pick.
  let acceptFirst = false;

  return new Promise((resolve) => {
    const finish = (symbol: EntitySymbol | undefined) => {
      resolve(symbol);
      pick.hide();
    };
    const load = async (query: string) => {
      asking?.cancel();
      const mine = (asking = new vscode.CancellationTokenSource());
      pick.busy = true;
      try {
        const symbols = await ask(query, mine.token);
        if (mine.token.isCancellationRequested) return;
        pick.items = itemsOf(symbols, query);
        if (acceptFirst && query === pick.value && pick.items.length) finish(pick.items[0].symbol);
      } catch (err) {
        if (!mine.token.isCancellationRequested) output.warn(`Show Entity: the server could not list the names for "${query}": ${String(err)}`);
      } finally {
        if (asking === mine) pick.busy = false;
      }
    };
    pick.onDidChangeValue((value) => {
      acceptFirst = false;
      clearTimeout(pause);
      pause = setTimeout(() => {
        pause = undefined;
        void load(value);
      }, PAUSE_MS);
    });
    pick.onDidAccept(() => {
      const chosen = pick.activeItems[0]?.symbol;
      if (chosen) finish(chosen);
      else if (pick.busy || pause) acceptFirst = true;
    });
    pick.onDidHide(() => {
      clearTimeout(pause);
      asking?.cancel();
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
    void load(initial);
  });
}
