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

interface Silence {
  lines: Set<number>;
  codes: Set<string> | undefined;
}

export function silences(text: string, lines: LineIndex): Silence[] {
  const out: Silence[] = [];
  if (!text.includes('breach-desk:')) return out;
  for (const m of text.matchAll(MARKER)) {
    const line = lines.positionAt(m.index ?? 0).line;
    const codes = m[1].split(/[\s,]+/).filter(Boolean);
    const covered = new Set([line]);
    for (let l = line + 1; l < lines.lineCount; l++) {
      const content = text.slice(lines.lineStarts[l], lines.lineEnd(l));
      // Markers stacked over one line all silence it: a second marker is no line of text for the first.
      if (content.trim() === '' || MARKER_LINE.test(content)) continue;
      covered.add(l);
      break;
    }
    out.push({ lines: covered, codes: codes.length ? new Set(codes) : undefined });
  }
  return out;
}

export function applySilences(diags: Diagnostic[], text: string, lines: LineIndex): Diagnostic[] {
  const s = silences(text, lines);
  if (!s.length) return diags;
  return diags.filter((d) => {
    const line = lines.positionAt(d.span.start).line;
    return !s.some((x) => x.lines.has(line) && (!x.codes || x.codes.has(d.code)));
  });
}
