/**
 * Workspace symbols: entities and articles, matched by the letters typed in
 * order ("jbin" finds John Binns), best matches first. An entity matches by
 * any of its names ("FBI" finds the Federal Bureau of Investigation), and
 * hyphens, spaces and other punctuation do not count ("t mobile" and
 * "tmobile" find T-Mobile).
 */
import { articlesNaming, firstOf, type CorpusIndex, type EntityEntry } from '../index/corpus';
import type { EntityKind } from '../extract/types';
import type { Location } from './locate';

export interface WorkspaceSymbol {
  name: string;
  kind: EntityKind | 'article';
  detail: string;
  location: Location;
}

/** Lower-cased names and titles, kept: the symbol picker matches every one of them on each keystroke. */
const lowered = new Map<string, string>();
function lower(s: string): string {
  let l = lowered.get(s);
  if (l === undefined) {
    if (lowered.size > 500_000) lowered.clear();
    lowered.set(s, (l = s.toLowerCase()));
  }
  return l;
}

/** Letters and digits only, lower case, kept like `lower`: "T-Mobile" is "tmobile" to a query. */
const squashedForms = new Map<string, string>();
function squash(s: string): string {
  let q = squashedForms.get(s);
  if (q === undefined) {
    if (squashedForms.size > 500_000) squashedForms.clear();
    squashedForms.set(s, (q = lower(s).replace(/[^\p{L}\p{N}]+/gu, '')));
  }
  return q;
}

/**
 * A name squashed ("tmobile") with where each of its words starts in that form, kept like `squash`: a query without
 * punctuation fits the name only from one of those starts ("mobile" at 1), not from inside a word running over into
 * the next ("nsa" in "VeteraN SAffairs", "fbi" in "University oF BIrmingham", "emotet" in "rEMOTE TAkeover").
 */
const squashedWords = new Map<string, { text: string; starts: number[] }>();
function squashWords(s: string): { text: string; starts: number[] } {
  let w = squashedWords.get(s);
  if (w === undefined) {
    if (squashedWords.size > 500_000) squashedWords.clear();
    const starts: number[] = [];
    let text = '';
    let inWord = false;
    // A scan, not a regular expression: one pass over the lowered name, keeping letters and digits.
    for (const c of lower(s)) {
      const kept = /[\p{L}\p{N}]/u.test(c);
      if (kept && !inWord) starts.push(text.length);
      if (kept) text += c;
      inWord = kept;
    }
    squashedWords.set(s, (w = { text, starts }));
  }
  return w;
}

/** The letters of the query (lower case, spaces dropped) occur in `name` in order. */
export function matches(q: string, name: string): boolean {
  if (!q) return true;
  let i = 0;
  const n = lower(name);
  for (const c of q) {
    if (c === ' ') continue;
    i = n.indexOf(c, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

interface Found {
  rank: number;
  name: string;
  /** The entity's key or the article's URI: equal names still come in one order. */
  tie: string;
  /** What it is: an entity, or an article (its URI is `tie`). */
  entity: EntityEntry | undefined;
}

/** Best first: higher rank, then name in plain (not locale) order. */
function better(a: Found, b: Found): boolean {
  return a.rank > b.rank || (a.rank === b.rank && (a.name < b.name || (a.name === b.name && a.tie < b.tie)));
}

/** Whether `a`, had it been made, would be better than `b` (see `better`). */
function beats(rank: number, name: string, tie: string, b: Found): boolean {
  return rank > b.rank || (rank === b.rank && (name < b.name || (name === b.name && tie < b.tie)));
}

/**
 * The best `k` offered, best first: a heap of the k best so far (worst on top),
 * so a short query that matches tens of thousands of names costs a pass, not a
 * sort; a candidate is made only when it is kept (the empty query, which the
 * symbol picker sends first, offers every name of the corpus).
 */
class Best {
  private readonly heap: Found[] = [];

  constructor(private readonly k: number) {}

  offer(rank: number, name: string, tie: string, entity: EntityEntry | undefined): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push({ rank, name, tie, entity });
      this.up(heap.length - 1);
    } else if (this.k > 0 && beats(rank, name, tie, heap[0])) {
      heap[0] = { rank, name, tie, entity };
      this.down(0);
    }
  }

  sorted(): Found[] {
    return this.heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  }

  private up(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!better(heap[p], heap[i])) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && better(heap[w], heap[l])) w = l;
      if (r < heap.length && better(heap[w], heap[r])) w = r;
      if (w === i) return;
      [heap[w], heap[i]] = [heap[i], heap[w]];
      i = w;
    }
  }
}

/**
 * How well a name matches the query, before how often it is named: the name
 * itself (4), its start (3), the start of one of its words (2), inside it (1),
 * or only its letters in order (0). "Binns" finds John Binns before the
 * Cybersecurity and Infrastructure Security Agency, whose letters also spell it.
 */
export function tier(q: string, name: string): number {
  if (!q) return 4;
  const n = lower(name);
  if (n === q) return 4;
  if (n.startsWith(q)) return 3;
  const at = n.indexOf(q);
  if (at < 0) return 0;
  for (let i = at; i >= 0; i = n.indexOf(q, i + 1)) if (!/[a-z0-9]/.test(n[i - 1])) return 2;
  return 1;
}

/**
 * The best tier of a name as written and without its punctuation (`qs`, the query squashed; empty when it is all
 * punctuation). Without punctuation a name is the name itself (4), its start (3) or a word's start (2) ("tmobile",
 * "t mobile" and "mobile" find T-Mobile); a fit that starts inside a word and runs over into the next is no fit (one
 * inside a single word still is: "nightmare" in PrintNightmare): on
 * the real corpus it was one symbol in twelve ("fbi" listed the University of Birmingham, "t-mob" an article "…
 * Against Mobile App…", "nso" sixty names and titles with "…n So…" in them).
 */
function tierOf(q: string, qs: string, name: string): number {
  const t = tier(q, name);
  if (t === 4 || !qs) return t;
  const { text, starts } = squashWords(name);
  if (text === qs) return 4;
  if (t === 3 || text.startsWith(qs)) return 3;
  if (t === 2) return t;
  for (let i = text.indexOf(qs, 1); i > 0; i = text.indexOf(qs, i + 1)) if (starts.includes(i)) return 2;
  return t;
}

/** A tier outweighs any count of articles. */
const TIER = 1e9;

export function workspaceSymbols(index: CorpusIndex, query: string, limit = 500): WorkspaceSymbol[] {
  const q = query.toLowerCase().trim();
  const qs = squash(q);
  /** Whether the query's letters are in `name` in order; punctuation in the query ("t-mobile") needs none in the name. */
  const inOrder = (name: string) => matches(qs || q, name);
  const ranked = new Best(limit + 16);
  for (const e of index.allEntities()) {
    // Its name, or failing that its best other name ("FBI" for the Federal Bureau of Investigation).
    let t = inOrder(e.name) ? tierOf(q, qs, e.name) : -1;
    if (t < 4) for (const a of e.aliases.keys()) if (a !== e.name && inOrder(a)) t = Math.max(t, tierOf(q, qs, a));
    if (t >= 0) ranked.offer(t * TIER + articlesNaming(e) * 10 + 1, e.name, e.key, e);
  }
  for (const d of index.all()) {
    const title = d.summary.title;
    // Below the entities of its tier: a title is one article.
    if (title && inOrder(title)) ranked.offer(tierOf(q, qs, title) * TIER, title, d.uri, undefined);
  }
  const out: WorkspaceSymbol[] = [];
  const found = ranked.sorted();
  // Names that hold the query come first; when there are any, names that only spell its letters ("Binns" in the
  // Cybersecurity and Infrastructure Security Agency) are left out: a client that lists every symbol it gets
  // (Neovim's quickfix list) would show hundreds. "jbin", which no name holds, still finds John Binns.
  const spelledOnly = found.length > 0 && found[0].rank >= TIER ? TIER : 0;
  // One organisation under two names is listed once, as the name more articles use: "colonial" found "Colonial" (3
  // articles) above "Colonial Pipeline" (126), and "Lazarus" beside "Lazarus Group". Only where that name is found too.
  const listed = q ? new Set(found.filter((f) => f.rank >= spelledOnly).map((f) => f.entity).filter((e) => e !== undefined)) : undefined;
  const bigger = (e: EntityEntry) => listed !== undefined && e.kind !== 'person'
    && index.family(e.key).some((x) => x !== e && listed.has(x) && articlesNaming(x) > articlesNaming(e));
  // A few more than asked: an entity may turn out to have no article left to point at.
  for (const f of found) {
    if (out.length >= limit || f.rank < spelledOnly) break;
    if (f.entity && bigger(f.entity)) continue;
    const s = f.entity ? entitySymbol(index, f.entity) : articleSymbol(index, f.tie, f.name);
    if (s) out.push(s);
  }
  return out;
}

/** An article's symbol: its title, where it stands. */
function articleSymbol(index: CorpusIndex, uri: string, title: string): WorkspaceSymbol | undefined {
  const d = index.get(uri);
  return d && { name: title, kind: 'article', detail: d.summary.source ?? '', location: { uri, span: d.summary.titleSpan } };
}

/** Each entity's symbol, for the index version it was made in. */
const symbolOf = new WeakMap<EntityEntry, { version: number; symbol: WorkspaceSymbol | undefined }>();

/** An entity at the earliest article that mentions it (a scan, not a sort: popular names are in thousands). */
function entitySymbol(index: CorpusIndex, e: EntityEntry): WorkspaceSymbol | undefined {
  const had = symbolOf.get(e);
  if (had?.version === index.version) return had.symbol;
  const symbol = earliest(index, e);
  symbolOf.set(e, { version: index.version, symbol });
  return symbol;
}

function earliest(index: CorpusIndex, e: EntityEntry): WorkspaceSymbol | undefined {
  const first = index.earliestOf(e);
  const n = articlesNaming(e);
  return first ? { name: e.name, kind: e.kind, detail: n ? `${n} article${n === 1 ? '' : 's'}` : 'only in related headlines', location: { uri: first.uri, span: firstOf(first.view) } } : undefined;
}
