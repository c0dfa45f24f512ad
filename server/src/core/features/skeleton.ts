/**
 * A new article's skeleton: the layout every article of the corpus has (title,
 * subtitle, the Information fields, the Article, the Tags), with today's date
 * in the seeds' style and the corpus's outlets to choose from. Offered by
 * completion in an empty document (to an editor that takes snippets) and by the
 * editor's "New Article" command, as a snippet (tab stops, the outlets as a
 * choice) and as plain text (what the command inserts if the editor refuses the
 * snippet).
 */
import type { CorpusIndex } from '../index/corpus';
import { MONTH_LABELS } from '../syntax/dates';

export interface Skeleton {
  /** In the LSP's snippet syntax. */
  snippet: string;
  /** The same with each tab stop's first value, for an editor without snippets. */
  plain: string;
}

/** A piece of the skeleton: text as it stands, or a tab stop with what it holds first (or the values to choose from). */
type Part = string | { stop: number; value: string } | { stop: number; choices: string[] };

/** How many outlets a choice offers: the corpus's most frequent, enough for a newsroom's own. */
const MAX_OUTLETS = 8;


/** "December 7, 2026": how the seeds write a date (without the time, which a writer adds if they want it). */
export function seedStyleDate(d: Date): string {
  return `${MONTH_LABELS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`;
}

export function articleSkeleton(index: CorpusIndex, today: Date): Skeleton {
  // Most articles first, then by name: the same list whatever order the corpus was read in.
  const outlets = [...index.outlets()].filter(([name, n]) => n > 0 && name.trim() !== '')
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, MAX_OUTLETS).map(([name]) => name);
  const parts: Part[] = [
    '# ', { stop: 1, value: 'Title' }, '\n',
    '### ', { stop: 2, value: 'Subtitle' }, '\n\n',
    '## Information:\n',
    '+ Source: ', outlets.length ? { stop: 3, choices: outlets } : { stop: 3, value: 'Outlet' }, '\n',
    '+ Link: [article](', { stop: 4, value: 'https://' }, ')\n',
    '+ Date: ', { stop: 5, value: seedStyleDate(today) }, '\n',
    '+ Author: ', { stop: 6, value: 'Author' }, '\n\n',
    '## Article:\n', { stop: 7, value: '' }, '\n\n',
    '#### Tags:\n', { stop: 0, value: '' }, '\n',
  ];
  let snippet = '';
  let plain = '';
  for (const p of parts) {
    if (typeof p === 'string') {
      snippet += escapeText(p);
      plain += p;
    } else if ('choices' in p) {
      snippet += `\${${p.stop}|${p.choices.map(escapeChoice).join(',')}|}`;
      plain += p.choices[0];
    } else {
      snippet += p.value ? `\${${p.stop}:${escapeText(p.value)}}` : `$${p.stop}`;
      plain += p.value;
    }
  }
  return { snippet, plain };
}

/** Text in a snippet: `$`, `}` and `\` stand for themselves only escaped. */
function escapeText(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

/** A choice's value (an outlet's name, from the articles): `,`, `|` and `\` escaped. */
function escapeChoice(s: string): string {
  return s.replace(/[,|\\]/g, '\\$&');
}
