/**
 * Folding: each section, each sub-heading's part of the body, block quotes
 * and code blocks fold. Ranges are spans; the server turns them into lines.
 */
import type { Article } from '../syntax/ast';
import type { Span } from '../text';
import { outline, type OutlineItem } from './outline';

export interface Fold {
  span: Span;
  kind?: 'region' | 'comment';
}

export function folds(a: Article): Fold[] {
  const out: Fold[] = [];
  const walk = (items: OutlineItem[]) => {
    for (const it of items) {
      if (it.kind !== 'article' && it.kind !== 'field') out.push({ span: it.span, kind: 'region' });
      walk(it.children);
    }
  };
  walk(outline(a));
  for (const b of a.body?.blocks ?? []) {
    if (b.kind === 'blockquote' || b.kind === 'code') out.push({ span: b.span });
  }
  return out;
}
