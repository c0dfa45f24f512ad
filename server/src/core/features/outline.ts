/**
 * Outline: the article's title, its sections, the Information fields, the
 * body's sub-headings (nested by level) and the tag groups. Editors show it
 * in the Outline view and the breadcrumbs; "Go to Symbol in Editor" uses it.
 */
import type { Article, HeadingBlock } from '../syntax/ast';
import type { Span } from '../text';

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
    sections.push({ name: 'Article', kind: 'section', span: a.body.span, selection: a.body.header.span, children: headingTree(a.body.blocks.filter((b): b is HeadingBlock => b.kind === 'heading'), a.body.span.end) });
  }
  if (a.tags) {
    sections.push({
      name: 'Tags', kind: 'section', span: a.tags.span, selection: a.tags.header.span,
      children: a.tags.groups.filter((g) => g.heading).map((g) => ({
        name: g.heading!.text, detail: `${g.tags.length} tags`, kind: 'tags' as const, span: g.span, selection: g.heading!.span, children: [],
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

/** Nests sub-headings by level; each one spans until the next heading of its level or higher. */
function headingTree(headings: HeadingBlock[], bodyEnd: number): OutlineItem[] {
  const roots: OutlineItem[] = [];
  const stack: { level: number; item: OutlineItem }[] = [];
  headings.forEach((h, i) => {
    let end = bodyEnd;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].level <= h.level) { end = headings[j].span.start; break; }
    }
    const item: OutlineItem = { name: h.text || '(empty heading)', kind: 'heading', span: { start: h.span.start, end: Math.max(h.span.end, end) }, selection: h.textSpan, children: [] };
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    if (stack.length) stack[stack.length - 1].item.children.push(item);
    else roots.push(item);
    stack.push({ level: h.level, item });
  });
  return roots;
}
