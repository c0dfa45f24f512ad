/**
 * Outline: the article's title, its sections, the Information fields, the
 * body's sub-headings (nested by level) and the tag groups. Editors show it
 * in the Outline view and the breadcrumbs; "Go to Symbol in Editor" uses it.
 */
import type { Article, Block, HeadingBlock } from '../syntax/ast';
import { readable, type Span } from '../text';

export type OutlineKind = 'article' | 'section' | 'field' | 'heading' | 'tags';

export interface OutlineItem {
  name: string;
  detail?: string;
  kind: OutlineKind;
  span: Span;
  selection: Span;
  children: OutlineItem[];
}

export function outline(a: Article): OutlineItem[] {
  const sections: OutlineItem[] = [];
  if (a.info) {
    sections.push({
      name: 'Information', kind: 'section', span: a.info.span, selection: a.info.header.span,
      children: a.info.fields.map((f) => ({
        name: f.key, detail: f.value.length > 60 ? `${f.value.slice(0, 59)}…` : f.value, kind: 'field' as const,
        span: f.lineSpan, selection: f.keySpan, children: [],
      })),
    });
  }
  if (a.body) {
    sections.push({ name: 'Article', kind: 'section', span: a.body.span, selection: a.body.header.span, children: headingTree(a.body.blocks) });
  }
  if (a.tags) {
    sections.push({
      name: 'Tags', kind: 'section', span: a.tags.span, selection: a.tags.header.span,
      // A group with no tag is a heading with nothing under it ("Location — 0 tags"); a group of data (urls, hashes,
      // CVEs copied from the text) holds lines, not tags.
      children: a.tags.groups.filter((g) => g.heading && (g.tags.length || (g.kind === 'data' && g.span.end > g.heading.span.end + 1))).map((g) => ({
        name: g.heading!.text, detail: g.kind === 'data' && !g.tags.length ? 'data from the text' : `${g.tags.length} tag${g.tags.length === 1 ? '' : 's'}`,
        kind: 'tags' as const, span: g.span, selection: g.heading!.span, children: [],
      })),
    });
  }
  if (!a.title) return sections;
  const end = Math.max(a.title.lineSpan.end, ...sections.map((s) => s.span.end));
  return [{
    name: a.title.text || '(untitled)', detail: a.source?.value, kind: 'article',
    span: { start: a.title.lineSpan.start, end }, selection: a.title.span, children: sections,
  }];
}

/**
 * Nests sub-headings by level. Each one spans to the end of the last block
 * before the next heading of its level or higher (or of the body), so it
 * never reaches into the next heading's line.
 */
function headingTree(blocks: Block[]): OutlineItem[] {
  const heads: { h: HeadingBlock; at: number }[] = [];
  blocks.forEach((b, at) => {
    if (b.kind === 'heading') heads.push({ h: b, at });
  });
  const roots: OutlineItem[] = [];
  const stack: { level: number; item: OutlineItem }[] = [];
  heads.forEach(({ h }, i) => {
    let last = blocks.length - 1;
    for (let j = i + 1; j < heads.length; j++) {
      if (heads[j].h.level <= h.level) { last = heads[j].at - 1; break; }
    }
    const end = Math.max(h.span.end, blocks[last].span.end);
    // As a reader sees it: no emphasis marks, link addresses or line breaks ("**Show More**", "Google\n Google Nest").
    const item: OutlineItem = { name: readable(h.text) || '(empty heading)', kind: 'heading', span: { start: h.span.start, end }, selection: h.textSpan, children: [] };
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    if (stack.length) stack[stack.length - 1].item.children.push(item);
    else roots.push(item);
    stack.push({ level: h.level, item });
  });
  return roots;
}
