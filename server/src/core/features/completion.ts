/**
 * Completion: after `[[` the known entities, those this article talks about
 * first (most mentioned first), then those named beside them in other
 * articles, then the rest by how many articles do; after `+ Source:`
 * the outlets of the corpus; after `+ Author:` its authors; while a CVE
 * identifier is typed, those the corpus names; in an empty document, a new
 * article's skeleton (`skeleton.ts`).
 */
import { articlesNaming, entityAt, entityCount, type CorpusIndex } from '../index/corpus';
import { tier } from './symbols';
import type { EntityKind } from '../extract/types';
import type { Span } from '../text';
import { articleSkeleton } from './skeleton';

export interface CompletionItem {
  label: string;
  /** `tag-key`: the key of a key=value tag ("victim.country.name="); `tag-value`: a value given after that key before. */
  /** `topic`: a tag that names no entity ("ransomware"), as the corpus most often writes it. */
  /** `skeleton`: a new article's layout (`articleSkeleton`), in a document that holds nothing yet. */
  kind: 'entity' | 'outlet' | 'author' | 'tag-key' | 'tag-value' | 'topic' | 'skeleton';
  entityKind?: EntityKind;
  /** The entity's key, for its card (`entityCardFor`) when the editor asks for the item's documentation. */
  key?: string;
  detail: string;
  /** Text to put in place of `replace`. */
  insertText: string;
  /** The same as a snippet (tab stops, choices), for an editor that takes them. */
  snippet?: string;
  /** What the editor filters by, when the name was found through another of its names. */
  filterText?: string;
  replace: Span;
  sortText: string;
}

const MAX_ITEMS = 200;

/**
 * `linePrefix` is the text of the line up to the cursor; `lineSuffix` the rest
 * of the line; `offset` the cursor's offset in the document; `text`, when
 * given, the document's (to tell an empty document, where a new article's
 * skeleton is offered).
 */
export function complete(index: CorpusIndex, uri: string, offset: number, linePrefix: string, lineSuffix: string, text?: string, today = new Date()): CompletionItem[] {
  if (text !== undefined && startsAnArticle(text, offset, linePrefix, lineSuffix)) {
    const { snippet, plain } = articleSkeleton(index, today);
    return [{
      label: 'New article', kind: 'skeleton', detail: 'Title, Information fields, Article and Tags, dated today',
      insertText: plain, snippet, filterText: '# New article',
      replace: { start: offset - linePrefix.length, end: offset + lineSuffix.length }, sortText: '00000',
    }];
  }
  const tag = /\[\[([^\][]{0,80})$/.exec(linePrefix);
  if (tag) {
    const keyed = /^\s*([^=\s][^=]*?)\s*=(.*)$/.exec(tag[1]);
    if (keyed) return completeValue(index, uri, offset, keyed[1], keyed[2], lineSuffix);
    const keys = completeKey(index, offset, tag[1]);
    const names = completeTag(index, uri, offset, tag[1], lineSuffix).slice(0, MAX_ITEMS - keys.length);
    // "[[victim.": a key is being typed; otherwise the keys come after the names that start with what is typed, before
    // those that only have a word that does or hold it ("Victor Gevers", then "victim.country.name=", then "Amazon Web Services").
    const q = tag[1].trim().toLowerCase();
    const cut = tag[1].includes('.') ? 0 : names.findIndex((n) => fitOf(n.label, q) > 0);
    const at = cut < 0 ? names.length : cut;
    const items = [...names.slice(0, at), ...keys, ...names.slice(at)];
    return items.map((it, i) => ({ ...it, sortText: String(i).padStart(5, '0') }));
  }
  const field = /^\s*\+\s*(source|author)\s*:\s*(.{0,120})$/i.exec(linePrefix);
  const cve = field ? null : CVE_TYPED_RE.exec(linePrefix);
  if (cve) return completeCve(index, uri, offset, cve[0], lineSuffix);
  if (field) {
    const source = field[1].toLowerCase() === 'source';
    // Authors are a list ("Lisa Vaas, Tara Seals and …"): only the name being typed is completed.
    const all = field[2];
    const list = source ? null : AUTHOR_LIST_RE.exec(all);
    const cut = list ? list[0].length - 1 : -1;
    const typed = cut >= 0 ? all.slice(cut + 1).replace(/^\s+/, '') : all;
    const replace = { start: offset - typed.length, end: cut >= 0 ? offset : offset + lineSuffix.trimEnd().length };
    const which = source ? index.outlets() : index.authorNames();
    const kind = source ? 'outlet' : 'author';
    // This article's own field counts for nothing: what is being typed is not offered back as a known name.
    const mine = index.get(uri)?.summary;
    const own = (name: string) => (source ? (mine?.source === name ? 1 : 0) : (mine?.authors.some((a) => writer(a) === writer(name)) ? 1 : 0));
    const q = typed.trim().toLowerCase();
    // Names that start with what is typed (or have a word that does) before names that only contain it.
    const rank = (name: string) => { const l = name.toLowerCase(); return l.startsWith(q) ? 0 : l.includes(` ${q}`) ? 1 : 2; };
    // Authors who write for this article's outlet first; a byline that is an outlet or a role ("Threatpost",
    // "editor") is nobody to offer.
    const colleagues = !source && mine?.source ? authorsOf(index, mine.source) : undefined;
    const outletNames = source ? undefined : new Set([...index.outlets().keys()].map((o) => o.toLowerCase()));
    const nobody = (name: string) => !!outletNames && (outletNames.has(name.toLowerCase()) || /^\p{Ll}+$/u.test(name));
    const away = (name: string) => (colleagues && !colleagues.has(writer(name)) ? 1 : 0);
    return [...(source ? which : oneSpelling(which)).entries()]
      .map(([name, n]): [string, number] => [name, n - own(name)])
      .filter(([name, n]) => n > 0 && name.toLowerCase().includes(q) && !nobody(name))
      .sort((a, b) => rank(a[0]) - rank(b[0]) || away(a[0]) - away(b[0]) || b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_ITEMS)
      .map(([name, n], i) => ({
        label: name, kind, detail: `${n} article${n === 1 ? '' : 's'}`, insertText: name, replace, sortText: String(i).padStart(5, '0'),
      }));
  }
  return [];
}

/**
 * Authors under one spelling each: a byline with and without a middle initial ("Steven J. Vaughan-Nichols" in 25
 * articles, "Steven Vaughan-Nichols" in 6) is one writer, offered as most articles spell it with all their articles.
 */
function oneSpelling(names: Map<string, number>): Map<string, number> {
  const groups = new Map<string, [string, number][]>();
  for (const [name, n] of names) {
    const key = writer(name);
    const g = groups.get(key);
    if (g) g.push([name, n]);
    else groups.set(key, [[name, n]]);
  }
  const out = new Map<string, number>();
  for (const g of groups.values()) {
    g.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
    const n = g.reduce((sum, [, c]) => sum + c, 0);
    out.set(byline(g[0][0]), (out.get(byline(g[0][0])) ?? 0) + n);
  }
  return out;
}

/**
 * A byline as a writer types it: without a role in brackets after it ("Jon Clay (Global Threat Communications)") and
 * with a scraper's escapes read ("David \u201cmoose\u201d Wolpoff" is David “moose” Wolpoff).
 */
function byline(name: string): string {
  const read = name.includes('\\u') ? name.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : name;
  const t = read.trimEnd();
  const open = t.endsWith(')') ? t.lastIndexOf('(') : -1;
  // A role in brackets at the end, none inside it: scanned, not a regex anchored at the end (quadratic on blanks).
  return (open > 0 && !t.slice(open + 1, -1).includes(')') ? t.slice(0, open).trim() : t.trim()) || read;
}

/** One writer's byline, however spelled: without middle initials, a role in brackets, escapes, spacing or case. */
function writer(name: string): string {
  return byline(name).replace(/\s\p{Lu}\.(?=\s)/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The authors of an outlet's articles, as `writer` keys (worked out again only when an article comes, goes or changes its outline: the summaries of every article are read). */
function authorsOf(index: CorpusIndex, source: string): Set<string> {
  return index.memoizedByOutline(`authors\u0000${source}`, () => {
    const out = new Set<string>();
    for (const d of index.all()) if (d.summary.source === source) for (const a of d.summary.authors) out.add(writer(a));
    return out;
  });
}

/** Everything up to the last separator of a list of authors ("Lisa Vaas, Tara Seals and"). */
const AUTHOR_LIST_RE = /^.*(?:,|&|\band\b)/i;

/** How many articles read (at most this many per name) to find what else is named beside a name. */
const RELATED_ARTICLES = 200;

/**
 * The names other articles give beside this article's five most mentioned
 * names, with how many such articles give each: what a story about the same
 * people and companies tends to tag next. Reads summaries only, at most
 * `RELATED_ARTICLES` per name.
 */
function relatedTo(index: CorpusIndex, uri: string, local: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  const seeds = [...local].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, 5);
  for (const [key] of seeds) {
    let read = 0;
    for (const docUri of index.entity(key)?.docs.keys() ?? []) {
      if (docUri === uri) continue;
      if (++read > RELATED_ARTICLES) break;
      const s = index.get(docUri)?.summary;
      for (let i = 0, n = s ? entityCount(s) : 0; i < n; i++) {
        const x = entityAt(s!, i);
        if (!local.has(x.key) && !x.onlyInLinks) out.set(x.key, (out.get(x.key) ?? 0) + 1);
      }
    }
  }
  return out;
}

function completeTag(index: CorpusIndex, uri: string, offset: number, typed: string, lineSuffix: string): CompletionItem[] {
  const here = index.get(uri)?.facts;
  const localCount = new Map<string, number>();
  // Already tagged: by its name, or by another ("[[Binns]]" tags John Binns).
  const taggedKeys = new Set<string>();
  for (const e of here?.entities ?? []) {
    localCount.set(e.key, e.mentions.filter((m) => m.where !== 'tag').length);
    if (e.mentions.some((m) => m.where === 'tag')) taggedKeys.add(e.key);
  }
  const existing = new Set((here?.tags ?? []).map((t) => t.name.toLowerCase()));
  // An outlet is written as it signs its articles ("ThreatPost", not the "Threatpost" of "told Threatpost").
  const outletNames = new Map<string, string>();
  for (const o of index.outlets().keys()) outletNames.set(o.toLowerCase(), o);
  const ownOutlet = index.get(uri)?.summary.source?.toLowerCase();
  const closes = lineSuffix.startsWith(']]');
  const q = typed.trim().toLowerCase();
  const related = relatedTo(index, uri, localCount);
  const articles = Math.max(1, index.size);
  const scored: { name: string; kind: EntityKind | 'topic'; key?: string; docs: number; local: number; related: number; score: number; fit: number; filter?: string }[] = [];
  for (const e of index.allEntities()) {
    const docs = articlesNaming(e);
    if (e.kind === 'other' && docs < 2 && !localCount.has(e.key)) continue;
    const name = (e.kind === 'outlet' && outletNames.get(e.name.toLowerCase())) || e.name;
    // Tagged by another of its names ([[Binns]]): not offered again unprompted; typed ("[[John B"), it is what is asked for.
    if (existing.has(name.toLowerCase()) || (!q && taggedKeys.has(e.key))) continue;
    // An outlet is a subject only where the article names it, or on its own page: its articles count is mostly the
    // publisher's tag on each of them ([[ThreatPost]] on 248 pages), which put ThreatPost in the first ten of one
    // article in eight of the real corpus, ZDNet's and Latest Hacking News's included. Typed, it is offered.
    if (!q && e.kind === 'outlet' && !localCount.get(e.key) && name.toLowerCase() !== ownOutlet) continue;
    // How well what is typed fits: the start of the name, of one of its words, somewhere inside; else another name of it.
    let fit = q ? fitOf(name, q) : 0;
    let filter: string | undefined;
    if (fit > 2) {
      for (const a of e.aliases.keys()) {
        const f = fitOf(a, q);
        if (f < fit || (f === fit && filter !== undefined && a < filter)) [fit, filter] = [f, a];
      }
      // Found by another name: the editor filters by what it is given, and "Justice Dep" is not in "Department of Justice".
      if (fit > 2) continue;
    }
    const local = localCount.get(e.key) ?? 0;
    // Named beside this article's names in other articles, weighed by how rare the name is (a name in every article relates to all).
    const together = related.get(e.key) ?? 0;
    scored.push({ name, kind: e.kind, key: e.key, docs, local, related: together * Math.log(1 + articles / Math.max(1, docs)), score: docs * 10 + Math.min(e.mentionCount, 9) + (e.kind === 'other' ? -50 : 0), fit, filter });
  }
  // Topics the corpus tags ("[[ranso" → ransomware, in 393 real articles), once something is typed: unprompted, the
  // list is this article's names and their neighbours'. As most tags write it; not one this article has, nor a name.
  if (q) {
    for (const key of index.topics().keys()) {
      const name = index.topicName(key);
      const fit = fitOf(name, q);
      if (fit > 2 || existing.has(name.toLowerCase()) || index.entity(key)) continue;
      const docs = index.topicDocs(key).length;
      scored.push({ name, kind: 'topic', docs, local: 0, related: 0, score: docs * 10, fit });
    }
  }
  // A name that starts with what is typed first, then one with a word that does, then one that holds it. Within
  // each, what this article talks about, most mentioned first, however
  // many articles name the rest: in a newsroom's corpus "United States" is in thousands of articles, the company a
  // story is about in a few. Then what the articles about the same names name, then the rest by how many articles name them.
  scored.sort((a, b) => a.fit - b.fit || Number(b.local > 0) - Number(a.local > 0) || b.local - a.local || b.related - a.related || b.score - a.score || a.name.localeCompare(b.name));
  const replace = { start: offset - typed.length, end: offset };
  return scored.slice(0, MAX_ITEMS).map((s, i) => ({
    label: s.name,
    ...(s.kind === 'topic' ? { kind: 'topic' as const } : { kind: 'entity' as const, entityKind: s.kind, key: s.key }),
    detail: `${s.kind === 'topic' ? 'tag' : s.kind} · ${s.docs ? `${s.docs} article${s.docs === 1 ? '' : 's'}` : 'only in related headlines'}`,
    insertText: closes ? s.name : `${s.name}]]`,
    ...(s.filter ? { filterText: s.filter } : {}),
    replace,
    sortText: String(i).padStart(5, '0'),
  }));
}

/** A CVE identifier being typed in the text, from its hyphen on ("CVE-", "cve-2021-4"): not inside a web address. */
const CVE_TYPED_RE = /(?<![A-Za-z0-9/=.?#&+:%-])CVE-\d{0,4}(?:-\d{0,7})?$/i;
/** An identifier as far as it is typed, for what after the cursor is still part of it. */
const CVE_PREFIX_RE = /^CVE-\d{0,4}(?:-\d{0,7})?$/i;

/**
 * While a CVE identifier is typed anywhere in an article ("CVE-2021-4"): the identifiers the corpus names that start so,
 * this article's first, then by how many articles name each; each item's documentation is the identifier's card, with
 * the name the flaw goes by. What follows the cursor of the identifier ("…4228" when the cursor is inside it) is
 * replaced too.
 */
function completeCve(index: CorpusIndex, uri: string, offset: number, typed: string, lineSuffix: string): CompletionItem[] {
  const q = typed.toUpperCase();
  const local = new Map<string, number>();
  for (const e of index.get(uri)?.facts.entities ?? []) if (e.kind === 'vulnerability') local.set(e.key, e.mentions.length);
  const found: { name: string; key: string; docs: number; local: number }[] = [];
  for (const e of index.allEntities()) {
    // (The key first: most entities are no CVE identifier, and their kind is counted when first read.)
    if (!e.key.startsWith('cve-') || !e.name.startsWith(q) || e.kind !== 'vulnerability') continue;
    const docs = articlesNaming(e);
    // The one being typed, as far as it is, is no suggestion of its own.
    if (e.name === q && (local.get(e.key) ?? 0) <= 1 && docs <= 1) continue;
    found.push({ name: e.name, key: e.key, docs, local: local.get(e.key) ?? 0 });
  }
  found.sort((a, b) => Number(b.local > 0) - Number(a.local > 0) || b.docs - a.docs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // The rest of the identifier after the cursor, not a hyphen that goes on to a word ("CVE-2021-4|5046-related").
  let rest = 0;
  while (rest < lineSuffix.length && rest < 12 && CVE_PREFIX_RE.test(typed + lineSuffix.slice(0, rest + 1))) rest++;
  const replace = { start: offset - typed.length, end: offset + rest };
  return found.slice(0, MAX_ITEMS).map((f, i) => ({
    label: f.name,
    kind: 'entity' as const,
    entityKind: 'vulnerability' as const,
    key: f.key,
    detail: `vulnerability · ${f.docs} article${f.docs === 1 ? '' : 's'}`,
    insertText: f.name,
    // What is typed, as typed ("cve-2021-4"), is what the editor filters by.
    filterText: typed.slice(0, 4) + f.name.slice(4),
    replace,
    sortText: String(i).padStart(5, '0'),
  }));
}

/**
 * After "[[key=": the values the corpus gives that key, this article's names first ("[[threatactor.name=" in a story
 * about Lazarus offers Lazarus), then by how many articles give each. A value this article already tags is left out.
 */
function completeValue(index: CorpusIndex, uri: string, offset: number, key: string, typed: string, lineSuffix: string): CompletionItem[] {
  const prefix = `${key.toLowerCase()}=`;
  const here = index.get(uri);
  const mine = new Set(here?.summary.keyed.map((t) => t.toLowerCase()) ?? []);
  // How often this article names each value, by any of its names.
  const local = new Map<string, number>();
  for (const e of here?.facts.entities ?? []) {
    const n = e.mentions.filter((m) => m.where !== 'tag').length;
    for (const a of [e.name, ...e.aliases]) local.set(a.toLowerCase(), Math.max(n, local.get(a.toLowerCase()) ?? 0));
  }
  const q = typed.trim().toLowerCase();
  // One entry per value however it is cased, under the spelling most articles use.
  const byValue = new Map<string, { value: string; n: number; top: number; local: number; fit: number }>();
  for (const [tag, n] of index.keyedTags()) {
    if (tag.length <= prefix.length || tag.slice(0, prefix.length).toLowerCase() !== prefix || mine.has(tag.toLowerCase())) continue;
    const value = tag.slice(prefix.length);
    const fit = q ? fitOf(value, q) : 0;
    if (fit > 2) continue;
    const lower = value.toLowerCase();
    const same = byValue.get(lower);
    if (same) {
      if (n > same.top) [same.value, same.top] = [value, n];
      same.n += n;
    } else byValue.set(lower, { value, n, top: n, local: local.get(lower) ?? 0, fit });
  }
  const found = [...byValue.values()];
  found.sort((a, b) => a.fit - b.fit || b.local - a.local || b.n - a.n || a.value.localeCompare(b.value));
  const closes = lineSuffix.startsWith(']]');
  const replace = { start: offset - typed.length, end: offset };
  return found.slice(0, MAX_ITEMS).map((f, i) => ({
    label: f.value, kind: 'tag-value', detail: `${key} · ${f.n} article${f.n === 1 ? '' : 's'}`,
    insertText: closes ? f.value.trim() : `${f.value.trim()}]]`, replace, sortText: String(i).padStart(5, '0'),
  }));
}

/** The keys of key=value tags that start with what is typed ("vic" → "victim.country.name="), most used first; none before two letters. */
function completeKey(index: CorpusIndex, offset: number, typed: string): CompletionItem[] {
  const q = typed.trim().toLowerCase();
  if (q.length < 2) return [];
  const keys = new Map<string, number>();
  for (const [tag, n] of index.keyedTags()) {
    const key = tag.slice(0, tag.indexOf('='));
    if (key.toLowerCase().startsWith(q)) keys.set(key, (keys.get(key) ?? 0) + n);
  }
  const replace = { start: offset - typed.length, end: offset };
  return [...keys].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 20).map(([key, n], i) => ({
    label: `${key}=`, kind: 'tag-key', detail: `key of ${n} tag${n === 1 ? '' : 's'}`, insertText: `${key}=`, replace, sortText: String(i).padStart(5, '0'),
  }));
}

/** 0: `name` starts with `q` (or is it); 1: one of its words does; 2: it holds `q`; 3: it does not: the symbol picker's `tier`, in completion's order. */
function fitOf(name: string, q: string): number {
  const t = tier(q, name);
  return t >= 3 ? 0 : 3 - t;
}

/**
 * Whether the document holds nothing but white space and, on the line being typed, a title's "#": a new article is
 * being started. (Not a word typed there: a space after it would offer the skeleton in place of the writer's words.)
 */
function startsAnArticle(text: string, offset: number, linePrefix: string, lineSuffix: string): boolean {
  if (!/^\s*#?\s*$/.test(linePrefix + lineSuffix)) return false;
  // Scanned from each end, stopping at the first character written: a long article costs a character or two, not a copy.
  for (let i = 0, start = offset - linePrefix.length; i < start; i++) if (!isBlank(text.charCodeAt(i))) return false;
  for (let i = text.length - 1, end = offset + lineSuffix.length; i >= end; i--) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff;
}
