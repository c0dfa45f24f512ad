/**
 * Is this text an article? Breach Desk claims `.txt` and `.md` files only
 * when they have the article layout, so ordinary notes stay with the editor's
 * own Markdown and plain-text support. The test reads at most the first
 * 64 lines: an `## Information:` or `## Article:` header there is the mark.
 */
const HEADER = /^##[ \t]*(?:information|article)[ \t]*:?[ \t]*$/im;

export function looksLikeArticle(text: string): boolean {
  let end = 0;
  for (let lines = 0; lines < 64 && end < text.length && end < 16384; lines++) {
    const nl = text.indexOf('\n', end);
    end = nl < 0 ? text.length : nl + 1;
  }
  return HEADER.test(text.slice(0, end));
}

/** File names the workspace scan and the CLI consider at all. */
export function isCandidateFile(name: string): boolean {
  return /\.(?:txt|md|markdown|article)$/i.test(name);
}
