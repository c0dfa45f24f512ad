/**
 * Layout checks: what is missing, doubled, out of order or clearly wrong in
 * an article's structure and Information fields. Each finding says what is
 * wrong in words a writer uses, and carries a fix where one edit can mend it.
 */
import { isPlaceholder } from '../detect';
import type { Article, Field, ParseResult, SectionHeader, TextBlock } from '../syntax/ast';
import { diag, type Diagnostic, type Fix, type TextEdit } from '../diagnostics';
import type { Span } from '../text';
import { checkTags } from './tags';
import { checkProse } from './prose';
import { isEpochPlaceholder } from '../syntax/dates';

export interface CheckOptions {
  /** The current time in ms, for "date in the future". Injected so the core stays pure and tests stay stable. */
  now: number;
}

const REQUIRED_FIELDS = ['Source', 'Link', 'Date', 'Author'] as const;
const PLACEHOLDER_VALUES = new Set(['unknown', 'none', 'n/a', 'null', 'undefined']);
const DAY = 24 * 3600 * 1000;

export function checkArticle(text: string, parsed: ParseResult, options: CheckOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of parsed.problems) out.push(diag(p.code as Diagnostic['code'], p.span, p.message));
  const a = parsed.article;
  checkTitle(text, a, out);
  checkSections(text, a, out);
  checkFields(text, a, out, options);
  checkBody(text, a, out);
  checkProse(text, a, out);
  checkTags(text, a, out);
  // A placeholder is one problem: its empty subtitle, "Unknown" date and author follow from it.
  const placeholder = out.find((d) => d.code === 'article.placeholder');
  if (placeholder) return [placeholder];
  return out.sort((x, y) => x.span.start - y.span.start);
}

/** Removes a whole line, its line break included. */
export function deleteLine(text: string, lineSpan: Span): TextEdit {
  let end = lineSpan.end;
  if (text.charCodeAt(end) === 13) end++;
  if (text.charCodeAt(end) === 10) end++;
  return { span: { start: lineSpan.start, end }, newText: '' };
}

function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** The line end the file uses most: "\n", "\r\n", or a lone "\r" (old Mac files), so inserted lines match it. */
function eol(text: string): string {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) { crlf++; i++; } else cr++;
    } else if (c === 10) lf++;
  }
  return crlf >= lf && crlf >= cr && crlf > 0 ? '\r\n' : cr > lf ? '\r' : '\n';
}

/** Where the text proper starts: after a byte order mark, which must stay first. */
function textStart(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * An edit that inserts a block of lines after the line ending at `after`, or
 * at the very start of the text when nothing comes before it. `block` has no
 * line breaks at its ends; a blank line separates it from what precedes.
 */
function insertBlock(text: string, after: number, block: string): TextEdit {
  const nl = eol(text);
  const start = textStart(text);
  if (after <= start) {
    // At the top: the block, then a blank line before whatever follows.
    const rest = text.slice(start).replace(/^[\r\n]+/, '');
    return { span: { start, end: start }, newText: rest === '' ? `${block}${nl}` : `${block}${nl}${nl}` };
  }
  return { span: { start: after, end: after }, newText: `${nl}${nl}${block}` };
}

function checkTitle(text: string, a: Article, out: Diagnostic[]): void {
  if (!a.title) {
    const at = a.headers[0]?.span ?? { start: 0, end: lineEndAt(text, 0) };
    out.push(diag('layout.missing-title', { start: at.start, end: at.start === at.end ? at.end : at.end }, 'The article has no title: start the file with a `# Title` line.', [
      { title: 'Insert a `# Title` line', edits: [{ span: { start: textStart(text), end: textStart(text) }, newText: `# ${eol(text)}` }] },
    ]));
  } else if (a.title.text === '') {
    out.push(diag('title.empty', a.title.lineSpan, 'The title is empty: write the headline after `# `.'));
  }
  if (a.title && a.subtitle && a.subtitle.lineSpan.start < a.title.lineSpan.start) {
    // "### Subtitle" above "# Title": the title line moves up, above the subtitle.
    const titleLine = text.slice(a.title.lineSpan.start, a.title.lineSpan.end);
    out.push(diag('layout.section-order', a.subtitle.lineSpan, 'The subtitle comes before the title: the `# Title` line goes first, then the `### Subtitle`.', [
      { title: 'Move the title above the subtitle', edits: [{ span: { start: a.subtitle.lineSpan.start, end: a.subtitle.lineSpan.start }, newText: `${titleLine}${eol(text)}` }, deleteLine(text, a.title.lineSpan)], preferred: true },
    ]));
  }
  if (a.subtitle && a.subtitle.text === '') {
    out.push(diag('title.empty-subtitle', a.subtitle.lineSpan, 'The subtitle is empty. Write one, or remove the line.', [
      { title: 'Remove the empty subtitle line', edits: [deleteLine(text, a.subtitle.lineSpan)], preferred: true },
    ]));
  }
}

const ORDER: Record<SectionHeader['kind'], number> = { information: 0, article: 1, tags: 2 };
const NAMES: Record<SectionHeader['kind'], string> = { information: '`## Information:`', article: '`## Article:`', tags: 'Tags' };

function checkSections(text: string, a: Article, out: Diagnostic[]): void {
  const seen = new Map<string, SectionHeader>();
  let highest: SectionHeader | undefined;
  for (const h of a.headers) {
    const first = seen.get(h.kind);
    if (first) {
      out.push(diag('layout.duplicate-section', h.span, `A second ${NAMES[h.kind]} section: only the first one is read, so what follows this header is ignored.`, [], [
        { span: first.span, message: `The first ${NAMES[h.kind]} section.` },
      ]));
      continue;
    }
    seen.set(h.kind, h);
    if (highest && ORDER[h.kind] < ORDER[highest.kind]) {
      out.push(diag('layout.section-order', h.span, `${NAMES[h.kind]} comes after ${NAMES[highest.kind]}; articles put Information first, then Article, then Tags.`));
    } else {
      highest = h;
    }
    if (h.raw !== h.canonical) {
      out.push(diag('layout.header-format', h.span, `Write this header as \`${h.canonical}\`.`, [
        { title: `Change to \`${h.canonical}\``, edits: [{ span: h.span, newText: h.canonical }], preferred: true },
      ]));
    }
  }
  const nl = eol(text);
  const anchor = a.title?.lineSpan ?? { start: 0, end: 0 };
  if (!a.info) {
    const after = a.subtitle?.lineSpan.end ?? a.title?.lineSpan.end ?? 0;
    out.push(diag('layout.missing-section', anchor, 'No `## Information:` section: add one after the title, with `+ Source:`, `+ Link:`, `+ Date:` and `+ Author:` lines.', [
      {
        title: 'Insert an `## Information:` section',
        edits: [insertBlock(text, after, `## Information:${nl}+ Source: ${nl}+ Link: ${nl}+ Date: ${nl}+ Author: `)],
      },
    ]));
  }
  if (!a.body) {
    // After the last field, not after the prose the Information section ran on into: that prose is the article text.
    const fields = a.info?.fields;
    const after = (fields?.length ? fields[fields.length - 1].lineSpan.end : a.info?.header.span.end) ?? a.subtitle?.lineSpan.end ?? a.title?.lineSpan.end ?? 0;
    out.push(diag('layout.missing-section', a.info?.header.span ?? anchor, 'No `## Article:` section: the article text goes under an `## Article:` header.', [
      { title: 'Insert an `## Article:` header', edits: [insertBlock(text, after, '## Article:')] },
    ]));
  }
  // A code block that never closes swallowed the Tags header: article.unclosed-fence says so, and appending
  // another header inside the open block would change nothing.
  if (!a.tags && a.body && !out.some((d) => d.code === 'article.unclosed-fence')) {
    // The newer layout (bare links, machine dates) writes `## Tags:`.
    const header = a.layout === 'new' ? '## Tags:' : '#### Tags:';
    const end = text.length;
    const sep = end > 0 && !/[\r\n]$/.test(text) ? nl : '';
    out.push(diag('layout.missing-section', a.body.header.span, `No Tags section: end the article with \`${header}\` and a line of \`[[Tags]]\`.`, [
      { title: `Append a \`${header}\` section`, edits: [{ span: { start: end, end }, newText: `${sep}${nl}${header}${nl}` }] },
    ]));
  }
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagPrev = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagPrev + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagPrev = tmp;
    }
  }
  return prev[b.length];
}

function checkFields(text: string, a: Article, out: Diagnostic[], options: CheckOptions): void {
  const info = a.info;
  if (!info) return;
  const nl = eol(text);
  const byName = new Map<string, Field>();
  // Fields a misspelt one is offered to become ("Sorce" → "Source"): not reported missing as well.
  const guessed = new Set<string>();
  for (const f of info.fields) {
    if (f.colonMissing) {
      out.push(diag('info.malformed-line', f.keySpan, `A colon is missing after ${f.key}: write \`+ ${f.key}: …\`.`, [
        { title: `Add the colon after ${f.key}`, edits: [{ span: { start: f.keySpan.end, end: f.keySpan.end }, newText: ':' }], preferred: true },
      ]));
    }
    const known = REQUIRED_FIELDS.find((k) => k.toLowerCase() === f.name);
    if (!known) {
      const guess = REQUIRED_FIELDS.find((k) => editDistance(k.toLowerCase(), f.name) <= 2 && !info.fields.some((g) => g.name === k.toLowerCase()));
      if (guess) guessed.add(guess);
      out.push(diag('info.unknown-field', f.keySpan, guess
        ? `"${f.key}" is not a field Breach Desk knows; did you mean "${guess}"?`
        : `"${f.key}" is not one of the fields Breach Desk reads (Source, Link, Date, Author).`,
      guess ? [{ title: `Rename to "${guess}"`, edits: [{ span: f.keySpan, newText: guess }], preferred: true }] : []));
      continue;
    }
    const first = byName.get(f.name);
    if (first) {
      out.push(diag('info.duplicate-field', f.lineSpan, `A second ${known} field: only the first one ("${first.value}") is used.`, [
        { title: `Remove this ${known} line`, edits: [deleteLine(text, f.lineSpan)] },
      ], [{ span: first.lineSpan, message: `The first ${known} field.` }]));
      continue;
    }
    byName.set(f.name, f);
    if (f.value === '') {
      out.push(diag('info.empty-field', f.lineSpan, `The ${known} field is empty.`));
      continue;
    }
    if (f.name === 'author' && PLACEHOLDER_VALUES.has(f.value.toLowerCase())) {
      out.push(diag('info.author-unknown', f.valueSpan, `The author is given as "${f.value}": credit the writer if you know who it is.`));
    }
  }
  REQUIRED_FIELDS.forEach((k, i) => {
    if (byName.has(k.toLowerCase()) || guessed.has(k)) return;
    // The new line goes where the usual order puts it: after the nearest
    // field that comes before it (Source, Link, Date, Author), else first.
    let at = info.header.span.end;
    for (let j = i - 1; j >= 0; j--) {
      const before = byName.get(REQUIRED_FIELDS[j].toLowerCase());
      if (before) { at = before.lineSpan.end; break; }
    }
    out.push(diag('info.missing-field', info.header.span, `The Information section has no ${k} field.`, [
      { title: `Add a "+ ${k}:" line`, edits: [{ span: { start: at, end: at }, newText: `${nl}+ ${k}: ` }] },
    ]));
  });
  checkLink(a, out);
  checkDate(a, out, options);
}

function checkLink(a: Article, out: Diagnostic[]): void {
  const f = a.link;
  if (!f || f.value === '' || !f.parsed) return;
  const url = f.parsed.url;
  let ok = false;
  try {
    const u = new URL(url);
    ok = (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    ok = false;
  }
  if (ok) return;
  const fixes: Fix[] = [];
  if (/^www\.[^\s]+\.[a-z]{2,}/i.test(url)) {
    fixes.push({ title: 'Add "https://"', edits: [{ span: { start: f.parsed.urlSpan.start, end: f.parsed.urlSpan.start }, newText: 'https://' }], preferred: true });
  }
  if (url.trim() === '') {
    // "[article]()": nothing to underline inside the brackets; the whole value is what is wrong.
    out.push(diag('info.bad-link', f.valueSpan, 'The Link has no address: put the article\'s URL, starting with https://, between the parentheses.', fixes));
    return;
  }
  const shown = url.length > 80 ? `${url.slice(0, 77)}…` : url;
  out.push(diag('info.bad-link', f.parsed.urlSpan, `The Link "${shown}" is not a web address: write the article's URL, starting with https://.`, fixes));
}

function checkDate(a: Article, out: Diagnostic[], options: CheckOptions): void {
  const f = a.date;
  if (!f || f.value === '') return;
  const r = f.parsed;
  if (!r.ok) {
    if (r.placeholder) out.push(diag('info.date-unknown', f.valueSpan, `The date is "${f.value}": without a real date this article's figures cannot be placed in time.`));
    else out.push(diag('info.bad-date', f.valueSpan, r.reason));
    return;
  }
  if (isEpochPlaceholder(r.date.instant)) {
    out.push(diag('info.date-epoch', f.valueSpan, `"${f.value}" is Unix time zero (1 January 1970 UTC): the source had no date, so this one is not real.`));
  } else if (r.date.instant > options.now + DAY) {
    out.push(diag('info.date-future', f.valueSpan, `"${f.value}" is in the future.`));
  }
}

function checkBody(text: string, a: Article, out: Diagnostic[]): void {
  const body = a.body;
  const first = body?.blocks[0];
  const firstText = first && first.kind === 'paragraph' ? text.slice(first.span.start, first.span.end).trim() : undefined;
  if (isPlaceholder(a) && a.title) {
    out.push(diag('article.placeholder', a.title.lineSpan, 'A placeholder article: the title is "Unknown" and the scraper saved no real text. It is left out of the corpus; delete the file or fill it in.'));
    return;
  }
  if (!body) return;
  if (body.blocks.length === 0) {
    out.push(diag('article.empty', body.header.span, 'The article has no text under `## Article:`.'));
    return;
  }
  if (firstText === 'Unknown') {
    const block = first as TextBlock;
    // The blank lines after it go too, so the text starts right under the
    // header as it does in the articles the scraper got right.
    const edit = deleteLine(text, block.span);
    const next = body.blocks[1];
    if (next) edit.span.end = Math.max(edit.span.end, lineStartAt(text, next.span.start));
    out.push(diag('article.stray-unknown', block.span, 'A stray "Unknown" line opens the article text (left by the scraper).', [
      { title: 'Remove the "Unknown" line', edits: [edit], preferred: true },
    ]));
  }
}
