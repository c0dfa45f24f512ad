/**
 * Workspace symbols: entities and articles, matched by the letters typed in
 * order ("jbin" finds John Binns), best matches first.
 */
import type { CorpusIndex } from '../index/corpus';
import type { EntityKind } from '../extract/types';
import { dateOf, type Location } from './locate';

export interface WorkspaceSymbol {
  name: string;
  kind: EntityKind | 'article';
  detail: string;
  location: Location;
}

function matches(query: string, name: string): boolean {
  let i = 0;
  const n = name.toLowerCase();
  for (const c of query.toLowerCase()) {
    if (c === ' ') continue;
    i = n.indexOf(c, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

export function workspaceSymbols(index: CorpusIndex, query: string, limit = 500): WorkspaceSymbol[] {
  const out: { s: WorkspaceSymbol; rank: number }[] = [];
  for (const e of index.allEntities()) {
    if (!matches(query, e.name)) continue;
    const [uri, de] = [...e.docs.entries()].sort((a, b) => dateOf(index, a[0]) - dateOf(index, b[0]))[0];
    out.push({ s: { name: e.name, kind: e.kind, detail: `${e.docs.size} articles`, location: { uri, span: de.first } }, rank: e.docs.size * 10 + (e.name.toLowerCase().startsWith(query.toLowerCase()) ? 1000 : 0) });
  }
  for (const d of index.all()) {
    const title = d.summary.title;
    if (!title || !matches(query, title)) continue;
    out.push({ s: { name: title, kind: 'article', detail: d.summary.source ?? '', location: { uri: d.uri, span: d.summary.titleSpan } }, rank: title.toLowerCase().startsWith(query.toLowerCase()) ? 500 : 1 });
  }
  out.sort((a, b) => b.rank - a.rank || a.s.name.localeCompare(b.s.name));
  return out.slice(0, limit).map((x) => x.s);
}
