/**
 * Silencing one warning in place. A marker in the article,
 *
 *     <!-- breach-desk: ignore figure.conflict -->
 *
 * silences the named codes (or every code, when none is named) on its own
 * line and on the next line that has text (markers stacked above one line
 * all silence it). Being part of the text, it moves
 * with the sentence through any edit and is invisible in rendered Markdown.
 */
import type { Diagnostic } from '../diagnostics';
import { LineIndex } from '../text';

const MARKER = /<!--\s*breach-desk:\s*ignore\b([^>]{0,400}?)-->/g;
/** A line that is a marker and nothing else. */
const MARKER_LINE = /^[ \t]*<!--\s*breach-desk:\s*ignore\b[^>]{0,400}?-->[ \t]*$/;

/** What markers silence on one line: every code (`all`), or the codes named. */
interface Silenced {
  all: boolean;
  codes: Set<string>;
}

/**
 * The silences of `text`'s markers, by line. Linear in the text however many markers there are: the next line with
 * text after each line is worked out once, from the end (stacked markers had each walked every marker below it, and
 * thousands of them took a minute).
 */
function silences(text: string, lines: LineIndex): Map<number, Silenced> {
  const out = new Map<number, Silenced>();
  if (!text.includes('breach-desk:')) return out;
  const found: { line: number; codes: string[] }[] = [];
  for (const m of text.matchAll(MARKER)) found.push({ line: lines.positionAt(m.index ?? 0).line, codes: m[1].split(/[\s,]+/).filter(Boolean) });
  if (!found.length) return out;
  // The next line with text below each line from the first marker's on (-1: none): a line blank or holding only a
  // marker is no line of text, so markers stacked over one line all silence it.
  const first = found[0].line;
  const next = new Int32Array(lines.lineCount - first);
  let below = -1;
  for (let l = lines.lineCount - 1; l >= first; l--) {
    next[l - first] = below;
    const content = text.slice(lines.lineStarts[l], lines.lineEnd(l));
    if (content.trim() !== '' && !MARKER_LINE.test(content)) below = l;
  }
  const silence = (line: number, codes: string[]) => {
    let s = out.get(line);
    if (!s) out.set(line, (s = { all: false, codes: new Set() }));
    if (!codes.length) s.all = true;
    for (const c of codes) s.codes.add(c);
  };
  for (const f of found) {
    silence(f.line, f.codes);
    const l = next[f.line - first];
    if (l >= 0) silence(l, f.codes);
  }
  return out;
}

export function applySilences(diags: Diagnostic[], text: string, lines: LineIndex): Diagnostic[] {
  const s = silences(text, lines);
  if (!s.size) return diags;
  return diags.filter((d) => {
    const x = s.get(lines.positionAt(d.span.start).line);
    return !x || !(x.all || x.codes.has(d.code));
  });
}
