/**
 * Is this text an article? Breach Desk claims `.txt` and `.md` files only
 * when they have the article layout, so ordinary notes stay with the editor's
 * own Markdown and plain-text support. The test reads at most the first
 * 64 lines: an `## Information:` or `## Article:` header there is the mark.
 */
import type { Article } from './syntax/ast';

const HEADER = /^##[ \t\u00a0]*(?:information|article)[ \t\u00a0]*:?[ \t\u00a0]*$/im;
/**
 * A header one slip away ("## Info:", "# Information:", "### Article:",
 * "Information:"): the parser reads these too and the layout check offers to
 * fix them, so a file with one is an article with a typo. Without marks it
 * takes both headers, so an ordinary note with an "Information:" line stays
 * the editor's.
 */
const NEAR_HEADER = /^#{1,4}[ \t\u00a0]*(?:informations?|info|articles?|body)[ \t\u00a0]*:[ \t\u00a0]*$/im;
const BARE_INFORMATION = /^informations?[ \t\u00a0]*:[ \t\u00a0]*$/im;
const BARE_ARTICLE = /^articles?[ \t\u00a0]*:[ \t\u00a0]*$/im;

export function looksLikeArticle(text: string): boolean {
  // Lines end at `\n`, `\r\n` or a lone `\r`, as everywhere else in the core;
  // a line is read whole, up to a bound, so one endless line costs no more
  // than the first 16 KiB.
  const limit = Math.min(text.length, 16384 + 256);
  let end = 0;
  for (let lines = 0; lines < 64 && end < limit && end < 16384; lines++) {
    let i = end;
    while (i < limit && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++;
    end = i + 1;
  }
  const head = text.slice(0, end);
  return HEADER.test(head) || NEAR_HEADER.test(head) || (BARE_INFORMATION.test(head) && BARE_ARTICLE.test(head));
}

/**
 * Is this file an article: one whose name ends in `.article` always is (the editor gives it the article language
 * whatever it holds, so a new, still empty one is checked and indexed alike everywhere), any other by its layout.
 */
export function isArticleFile(file: string, text: string): boolean {
  return ARTICLE_EXTENSION.test(file) || looksLikeArticle(text);
}

const ARTICLE_EXTENSION = /\.article$/i;

/**
 * A placeholder: a scraped page that saved no article, titled "Unknown". It is checked (`article.placeholder`)
 * but left out of the corpus, by the server, its analyst threads and the CLI alike.
 */
export function isPlaceholder(article: Article): boolean {
  return article.title?.text.trim().toLowerCase() === 'unknown';
}

/** File names the workspace scan and the CLI consider at all. */
export function isCandidateFile(name: string): boolean {
  return /\.(?:txt|md|markdown|article)$/i.test(name);
}
