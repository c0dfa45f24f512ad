/**
 * Article text as VS Code's own widgets show it (no `vscode` import, so tests
 * run it directly). Hovers and webviews escape it on the server and in
 * `timelineView.ts`; these are the widgets the client fills itself.
 */

/**
 * Article text for a quick pick's label or description, where VS Code draws "$(name)" as an icon: "Evil$(bug)Corp"
 * is shown as written (a zero-width space after the "$"), not with a bug in it.
 */
export function noIcons(text: string): string {
  return text.replace(/\$\(/g, '$\u200b(');
}
