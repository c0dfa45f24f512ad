/**
 * Workspace symbols: entities and articles, matched by the letters typed in
 * order ("jbin" finds John Binns), best matches first.
 */
import type { CorpusIndex, EntityEntry, EntitySummary } from '../index/corpus';
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
  const q = query.toLowerCase();
  const found: { rank: number; name: string; make: () => WorkspaceSymbol | undefined }[] = [];
  for (const e of index.allEntities()) {
    if (!matches(query, e.name)) continue;
    found.push({ rank: e.docs.size * 10 + (e.name.toLowerCase().startsWith(q) ? 1000 : 0), name: e.name, make: () => entitySymbol(index, e) });
  }
  for (const d of index.all()) {
    const title = d.summary.title;
    if (!title || !matches(query, title)) continue;
    found.push({ rank: title.toLowerCase().startsWith(q) ? 500 : 1, name: title, make: () => ({ name: title, kind: 'article', detail: d.summary.source ?? '', location: { uri: d.uri, span: d.summary.titleSpan } }) });
  }
  // Plain comparison, not localeCompare: a short query matches tens of thousands of names.
  found.sort((a, b) => b.rank - a.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: WorkspaceSymbol[] = [];
  for (const f of found) {
    if (out.length >= limit) break;
    const s = f.make();
    if (s) out.push(s);
  }
  return out;
}

/** An entity at the earliest article that mentions it (a scan, not a sort: popular names are in thousands). */
function entitySymbol(index: CorpusIndex, e: EntityEntry): WorkspaceSymbol | undefined {
  let uri = '';
  let de: EntitySummary | undefined;
  let when = Infinity;
  for (const [u, x] of e.docs) {
    const d = dateOf(index, u);
    if (!de || d < when || (d === when && u < uri)) { uri = u; de = x; when = d; }
  }
  return de ? { name: e.name, kind: e.kind, detail: `${e.docs.size} articles`, location: { uri, span: de.first } } : undefined;
}
