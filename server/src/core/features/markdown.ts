/**
 * Markdown for hovers. Article text is untrusted: every piece of it goes
 * through `escape`, so it can never become a link, a command, an image or
 * HTML. The only links Breach Desk writes are `file:` links to corpus
 * articles, built here from URIs the index knows.
 */

/**
 * Escapes Markdown and HTML syntax so the text shows literally. Also `:` and `@`
 * (a renderer that links bare addresses, as VS Code's does, would make
 * "https://…" and "a@b.example" links) and `$` (theme icons, "$(bug)").
 */
export function escape(text: string): string {
  return text
    .replace(BIDI_RE, '')
    // Control characters (an escape sequence in a pinned name): a client in a terminal (Neovim) draws them raw.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~>:@$]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\r?\n|\r/g, ' ');
}

/**
 * The characters that set the direction of the text after them (an override, an embedding, an isolate, a mark): left
 * in, "Reuters\u202E" in a Source turned round the date the card writes after it. Article text loses them wherever
 * it is shown.
 */
export const BIDI_RE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Shortens to `max` characters at a word boundary. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/**
 * Shortens to about `max` characters around `at`, at word boundaries, so
 * that what stands at `at` (the name a card is about) is in what is shown:
 * "…as well as government agencies like the Department of Defense…" rather
 * than the sentence's first 240 characters, which may end before the name.
 */
export function clipAround(text: string, at: number, max: number): string {
  if (text.length <= max || at < 0 || at < max * 0.6) return clip(text, max);
  let start = Math.max(0, Math.min(at - Math.floor(max / 3), text.length - max));
  const space = text.indexOf(' ', start);
  if (start > 0 && space >= 0 && space < at) start = space + 1;
  const rest = text.slice(start);
  return `…${clip(rest, max - 1)}`;
}

/**
 * Text shown as plain text (a diagnostic's message, a symbol's name): direction characters dropped and control
 * characters made spaces, line breaks too where `oneLine` (a name in a list), as `inert` does for a message line.
 */
export function printableText(text: string, oneLine = false): string {
  return text.replace(oneLine ? /[\u0000-\u001f\u007f-\u009f]/g : /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ').replace(BIDI_RE, '');
}

/**
 * A line of article text for a message: a client may read "[label](command:…)" or "$(icon)" in it
 * (VS Code's notifications do), so those are broken apart, and control and direction characters go.
 */
export function inert(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(BIDI_RE, '').split('](').join('] (').split('$(').join('$ (');
}

/**
 * A card's Markdown as plain text, for a client that renders none (and the CLI): a link as its label (`label` may
 * add to it, given the label and the target), emphasis and the escapes of `escape` dropped.
 */
export function plainText(markdown: string, label: (text: string, target: string) => string = (text) => text): string {
  return markdown
    // No bracket of its kind inside a part (a card's labels are outlets and dates; `openLink` encodes "(" and ")" in
    // a target): each attempt stops at the next bracket, so a run of them costs no square. A label with an escaped
    // bracket in it stays as written, its escapes dropped below.
    .replace(/\[([^\][]*)\]\(([^()\s]*)\)/g, (_, text: string, target: string) => label(text, target))
    .replace(/\*\*/g, '')
    // What `escape` escapes.
    .replace(/\\([\\`*_{}[\]()#+\-.!|~>:@$])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}

/** A link that opens an indexed article at a line (1-based in the fragment, as VS Code expects). */
export function openLink(label: string, uri: string, line: number): string {
  if (!/^(?:file|untitled):/i.test(uri)) return escape(label);
  // Every character that could end the target or start Markdown of its own inside it, percent-encoded
  // (`encodeURIComponent` leaves "(" and ")" as they are: a file "x)www.evil.example" ended the link and made a
  // web link of the rest).
  const target = `${uri.replace(/[()[\]<>`\\\s]/g, (c) => (c.charCodeAt(0) < 128 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c)))}#L${line + 1}`;
  return `[${escape(label)}](${target})`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The day to show for a date that holds in an article: the article's own
 * calendar day when it is the article's date (see `DocFacts.day`), else the
 * date itself (an "as of" day in its sentence).
 */
export function shownDay(article: { date?: number; day?: number }, when: number | undefined): number | undefined {
  return when !== undefined && when === article.date ? article.day ?? when : when;
}

export function formatDate(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return 'undated';
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}
