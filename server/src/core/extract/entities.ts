/**
 * Entities: the people, organisations, places, outlets and online handles an
 * article talks about, each with every mention's span.
 *
 * Three passes over the article's tokens, all linear:
 * 1. Candidates: runs of capitalised words in body sentences (connectors
 *    such as "of" allowed inside), with the cues around them ("firm X",
 *    "X, CTO of", "X said") that tell their kind. Headlines are title-cased,
 *    so titles and headings only ever match names the body established.
 * 2. Entities: candidates grouped under one key. A person's surname alone
 *    refers to that person within this article only (two people may share a
 *    surname across articles); middle names are dropped from the key
 *    ("John Erin Binns" is "John Binns"); acronyms join their expansion
 *    ("WSJ", "Wall Street Journal"); possessives are the name itself.
 * 3. Mentions: every token sequence in the article that spells a known form,
 *    longest first; old-layout tags that name an entity are mentions too.
 */
import type { Article, Link } from '../syntax/ast';
import type { Span } from '../text';
import {
  ACRONYMS, FIRST_NAMES, FUNCTION_WORDS, MONTHS_AND_DAYS, ORG_CUES, ORG_SUFFIXES, OUTLET_CUES, OUTLETS, PLACES,
  ROLE_WORDS, SPEECH_VERBS,
} from './lexicon';
import type { Pin } from './pins';
import type { DocEntity, EntityKind, Mention } from './types';

export interface Sentence {
  span: Span;
  text: string;
  where: Mention['where'] | 'heading';
}

interface Token {
  /** As written, possessive stripped ("T-Mobile" for "T-Mobile’s"). */
  text: string;
  lower: string;
  start: number;
  /** End of the name part (before a possessive). */
  end: number;
  cap: boolean;
  /** Punctuation (not just white space) stands between this token and the previous one. */
  brokenBefore: boolean;
  /** What punctuation follows, if any (first character). */
  after: string;
  possessive: boolean;
}

const CONNECTORS = new Set(['of', 'for', 'de', 'von', 'van', 'der', 'da', 'al', 'la', 'du', 'del', 'and']);
const HANDLE_CUES = new Set(['handle', 'handles', 'alias', 'aliases', 'nickname', 'moniker', 'username', 'usernames']);

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}
const JOINERS = new Set([45 /* - */, 39 /* ' */, 0x2019 /* ’ */, 38 /* & */, 46 /* . */]);

/** Normalised key of a name: lower case, straight apostrophes, single spaces, no possessive. */
export function entityKey(name: string): string {
  let k = keyCache.get(name);
  if (k === undefined) {
    k = name.toLowerCase().replace(/[’‘`]/g, "'").replace(/'s$/, '').replace(/\s+/g, ' ').trim();
    // Names repeat across a corpus: a bounded memo keeps normalising cheap.
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(name, k);
  }
  return k;
}

const keyCache = new Map<string, string>();

/**
 * Tokens of a text range, skipping hidden ranges (link destinations, images)
 * as if they were not there, so "[Alon Gal](https://…), CTO" reads as
 * "Alon Gal, CTO".
 */
export function tokenize(text: string, start: number, end: number, hidden: Span[]): Token[] {
  const out: Token[] = [];
  let h = 0;
  while (h < hidden.length && hidden[h].end <= start) h++;
  let broken = true;
  let i = start;
  while (i < end) {
    if (h < hidden.length && i >= hidden[h].start) {
      i = Math.max(i, hidden[h].end);
      h++;
      continue;
    }
    const c = text.charCodeAt(i);
    const handle = c === 64 /* @ */ && isLetter(text.charCodeAt(i + 1));
    if (!isLetter(c) && !isDigit(c) && !handle) {
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0 && c !== 91 /* [ */ && c !== 42 /* * */ && c !== 95 /* _ */) {
        broken = true;
        if (out.length && out[out.length - 1].after === '') out[out.length - 1].after = text[i];
      }
      i++;
      continue;
    }
    const s = i;
    i++;
    while (i < end) {
      const d = text.charCodeAt(i);
      if (isLetter(d) || isDigit(d)) { i++; continue; }
      if (JOINERS.has(d) && i + 1 < end && (isLetter(text.charCodeAt(i + 1)) || isDigit(text.charCodeAt(i + 1)))) {
        // "U.S." keeps its inner dots; "Sievert.Then" would not occur in prose.
        if (d === 46 && !(isUpper(text.charCodeAt(i + 1)) && i - s <= 2)) break;
        i += 2;
        continue;
      }
      break;
    }
    let e = i;
    let word = text.slice(s, e);
    let possessive = false;
    const m = /['’]s$/.exec(word);
    if (m && word.length > 2) {
      possessive = true;
      e -= 2;
      word = word.slice(0, -2);
    } else if (text.charCodeAt(e) === 0x2019 && word.endsWith('s') && !isLetter(text.charCodeAt(e + 1))) {
      possessive = true; // "customers’"
    }
    const first = word.charCodeAt(0) === 64 ? word.charCodeAt(1) : word.charCodeAt(0);
    out.push({ text: word, lower: word.toLowerCase().replace(/’/g, "'"), start: s, end: e, cap: isUpper(first), brokenBefore: broken, after: '', possessive });
    broken = false;
  }
  return out;
}

/** Link destinations and images are hidden from name finding; link text stays. */
export function hiddenRanges(links: Link[]): Span[] {
  // Autolinks (`<https://…>`) are all destination; images show no words.
  return links.map((l) => (l.image || l.text === l.url ? l.span : { start: l.textSpan.end, end: l.span.end })).sort((a, b) => a.start - b.start);
}

interface Candidate {
  tokens: Token[];
  kindVotes: EntityKind[];
}

function shape(t: Token): 'acronym' | 'camel' | 'title' | 'other' {
  const w = t.text;
  if (/^[A-Z][A-Z0-9.&]{1,6}$/.test(w)) return 'acronym';
  if (/^[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?$/.test(w)) return 'title';
  if (/[a-z][A-Z]|[A-Za-z]-[A-Z]|[A-Za-z][0-9]|^[A-Z]-/.test(w)) return 'camel';
  return 'other';
}

function isNameToken(t: Token): boolean {
  return t.cap && !ROLE_WORDS.has(t.lower) && !MONTHS_AND_DAYS.has(t.lower.replace(/\.$/, ''));
}

/** Capitalised phrases that are not names of anything the corpus tracks. */
const NOT_NAMES = new Set(['social security', 'social security number', 'dark web', 'internet', 'web']);

const DEMONYM = /(?:ish|ese|ian|ean|ic|i)$/;

/** Runs of capitalised words in one sentence, with cues for their kind. */
function candidatesIn(tokens: Token[], out: Candidate[]): void {
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i])) { i++; continue; }
    let j = i + 1;
    while (j < tokens.length && !tokens[j].brokenBefore && !tokens[j - 1].possessive) {
      if (isNameToken(tokens[j])) { j++; continue; }
      if (CONNECTORS.has(tokens[j].lower) && j + 1 < tokens.length && isNameToken(tokens[j + 1]) && !tokens[j + 1].brokenBefore && tokens[j].lower !== 'and') { j += 2; continue; }
      // "Securities and Exchange Commission", not "FBI, CIA and Justice Department".
      const next2 = tokens[j + 2];
      if (tokens[j].lower === 'and' && next2 && isNameToken(tokens[j + 1]) && next2.cap && ORG_SUFFIXES.has(next2.lower) && shape(tokens[j - 1]) === 'title') { j += 2; continue; }
      break;
    }
    let run = tokens.slice(i, j);
    const sentenceStart = i === 0 || tokens[i].brokenBefore && /^[.!?:“"]/.test(tokens[i - 1]?.after ?? '');
    // Leading function words are sentence case, not names ("On Thursday", "The Journal").
    while (run.length && FUNCTION_WORDS.has(run[0].lower)) run = run.slice(1);
    while (run.length && CONNECTORS.has(run[run.length - 1].lower)) run = run.slice(0, -1);
    if (run.length > 5 || NOT_NAMES.has(run.map((t) => t.lower).join(' '))) run = [];
    if (run.length) {
      const single = run.length === 1 ? run[0] : undefined;
      const atStart = run[0] === tokens[0] || (sentenceStart && run[0] === tokens[i]);
      let keep = true;
      if (single) {
        const sh = shape(single);
        if (atStart && sh === 'title' && !PLACES.has(single.lower) && !OUTLETS.has(single.lower)) keep = false;
        if (sh === 'title' && DEMONYM.test(single.lower) && !PLACES.has(single.lower) && !OUTLETS.has(single.lower)) keep = false;
        if (sh === 'acronym' && !ACRONYMS.has(single.lower)) keep = false; // decided later against expansions
        if (sh === 'other' && !single.text.startsWith('@')) keep = false;
      }
      const before = tokens[tokens.indexOf(run[0]) - 1];
      const after = tokens[tokens.indexOf(run[run.length - 1]) + 1];
      const votes: EntityKind[] = [];
      if (before && !run[0].brokenBefore && ORG_CUES.has(before.lower)) votes.push('organisation');
      if (before && !run[0].brokenBefore && OUTLET_CUES.has(before.lower)) votes.push('outlet');
      if (before && !run[0].brokenBefore && ROLE_WORDS.has(before.lower) && run.length >= 2) votes.push('person');
      const last = run[run.length - 1];
      if (after && last.after === ',' && ROLE_WORDS.has(after.lower) && run.length >= 2) votes.push('person');
      if (after && !after.brokenBefore && SPEECH_VERBS.has(after.lower) && run.length >= 2 && run.every((t) => shape(t) === 'title')) votes.push('person');
      if (keep || (single && shape(single) === 'acronym')) out.push({ tokens: run, kindVotes: votes });
    }
    i = Math.max(j, i + 1);
  }
}

function classify(name: string, tokens: Token[], votes: EntityKind[], outlets: Map<string, string>): EntityKind {
  const lower = name.toLowerCase();
  if (tokens[0]?.text.startsWith('@')) return 'handle';
  if (outlets.has(lower) || OUTLETS.has(lower)) return 'outlet';
  if (PLACES.has(lower)) return 'place';
  if (votes.includes('outlet')) return 'outlet';
  if (votes.includes('organisation')) return 'organisation';
  const lastLower = tokens[tokens.length - 1]?.lower ?? '';
  if (tokens.length >= 2 && ORG_SUFFIXES.has(lastLower)) return 'organisation';
  if (tokens.length >= 2 && tokens.length <= 4 && FIRST_NAMES.has(tokens[0].lower) && tokens.every((t) => shape(t) === 'title' || /^[A-Z][a-z]*[A-Z][a-z]+$/.test(t.text))) return 'person';
  if (votes.includes('person')) return 'person';
  if (tokens.length === 1 && (shape(tokens[0]) === 'camel' || shape(tokens[0]) === 'acronym')) return 'organisation';
  return 'other';
}

const KIND_RANK: Record<EntityKind, number> = { person: 5, outlet: 4, place: 4, organisation: 3, handle: 2, other: 0 };

interface Builder {
  key: string;
  name: string;
  kind: EntityKind;
  kindScore: Map<EntityKind, number>;
  surfaces: Map<string, number>;
}

export interface EntityOptions {
  /** Outlet names known from the corpus's Source fields, lower-case → as written. */
  outlets?: Map<string, string>;
  /** Entities the workspace pins (`.breachdesk/entities.json`): their names, kinds and aliases win. */
  pins?: Pin[];
}

/**
 * Finds the entities of one article. `sentences` are the title, subtitle,
 * body sentences and body headings, each with where it stands.
 */
export function extractEntities(text: string, article: Article, sentences: Sentence[], links: Link[], options: EntityOptions = {}): DocEntity[] {
  const outlets = options.outlets ?? new Map<string, string>();
  const hidden = hiddenRanges(links);
  const tokenized = sentences.map((s) => tokenize(text, s.span.start, s.span.end, hidden));

  // Pass 1: candidates from body prose.
  const candidates: Candidate[] = [];
  sentences.forEach((s, i) => {
    if (s.where === 'body') candidatesIn(tokenized[i], candidates);
  });
  if (article.source?.value) outlets.set(article.source.value.toLowerCase(), article.source.value);

  // Pass 2: entities and their surface forms.
  const builders = new Map<string, Builder>();
  const surfaceToKey = new Map<string, string>();
  const add = (key: string, name: string, kind: EntityKind, surface: string) => {
    let b = builders.get(key);
    if (!b) {
      b = { key, name, kind, kindScore: new Map(), surfaces: new Map() };
      builders.set(key, b);
    }
    b.kindScore.set(kind, (b.kindScore.get(kind) ?? 0) + 1);
    b.surfaces.set(surface, (b.surfaces.get(surface) ?? 0) + 1);
    if (name.length > b.name.length && kind !== 'other') b.name = name;
  };

  const multi = candidates.filter((c) => c.tokens.length > 1);
  const singles = candidates.filter((c) => c.tokens.length === 1);
  const personKeys = new Map<string, string>(); // "first last" → key
  for (const c of multi) {
    const name = c.tokens.map((t) => t.text).join(' ');
    let kind = classify(name, c.tokens, c.kindVotes, outlets);
    const acr = ACRONYMS.get(name.toLowerCase());
    let key = entityKey(acr ?? name);
    let display = acr ?? name;
    if (kind === 'person') {
      // Middle names do not make another person: "John Erin Binns" is John Binns.
      const short = `${c.tokens[0].text} ${c.tokens[c.tokens.length - 1].text}`;
      key = entityKey(short);
      display = short;
      personKeys.set(key, key);
    }
    if (OUTLETS.has(key)) { display = OUTLETS.get(key)!; kind = 'outlet'; }
    add(key, display, kind, name);
  }
  // A person's first-and-last form may have been classified from a longer run only: unify kinds.
  for (const b of builders.values()) {
    if (personKeys.has(b.key)) b.kindScore.set('person', (b.kindScore.get('person') ?? 0) + 10);
  }

  // Surnames, acronyms of multi-word names, and plain single names.
  const surnames = new Map<string, string | null>();
  for (const b of builders.values()) {
    if (![...b.kindScore.keys()].includes('person') || (b.kindScore.get('person') ?? 0) < maxScore(b)) continue;
    const parts = b.name.split(' ');
    const last = parts[parts.length - 1].toLowerCase();
    surnames.set(last, surnames.has(last) && surnames.get(last) !== b.key ? null : b.key);
  }
  const initials = new Map<string, string>();
  for (const b of builders.values()) {
    const words = b.name.split(' ').filter((w) => !CONNECTORS.has(w.toLowerCase()) && w.toLowerCase() !== 'the');
    if (words.length >= 2) initials.set(words.map((w) => w[0]).join('').toLowerCase(), b.key);
  }
  // "the Journal" after "Wall Street Journal": an outlet's last word is the outlet.
  const lastWords = new Map<string, string | null>();
  for (const b of builders.values()) {
    const parts = b.name.split(' ');
    if (parts.length < 2 || !b.kindScore.has('outlet')) continue;
    const last = parts[parts.length - 1].toLowerCase();
    lastWords.set(last, lastWords.has(last) ? null : b.key);
  }
  for (const c of singles) {
    const t = c.tokens[0];
    if (t.text.startsWith('@')) continue; // handles are placed below
    const lower = entityKey(t.text);
    const sur = surnames.get(lower);
    if (sur) { add(sur, builders.get(sur)!.name, 'person', t.text); continue; }
    const outlet = lastWords.get(lower);
    if (outlet) { add(outlet, builders.get(outlet)!.name, 'outlet', t.text); continue; }
    const acr = ACRONYMS.get(lower) ?? ACRONYMS.get(lower.replace(/\.$/, ''));
    if (acr) { add(entityKey(acr), acr, classify(acr, [t], c.kindVotes, outlets) === 'outlet' || OUTLETS.has(acr.toLowerCase()) ? 'outlet' : PLACES.has(acr.toLowerCase()) ? 'place' : 'organisation', t.text); continue; }
    if (shape(t) === 'acronym') {
      const exp = initials.get(lower);
      if (exp) add(exp, builders.get(exp)!.name, builders.get(exp)!.kind, t.text);
      continue;
    }
    add(lower, t.text, classify(t.text, [t], c.kindVotes, outlets), t.text);
  }

  // Handles: "uses the online handles IRDev and v0rtex", "(@UnderTheBreach)".
  // They are aliases of the person the sentence is about.
  sentences.forEach((s, si) => {
    if (s.where !== 'body') return;
    const toks = tokenized[si];
    let person: string | undefined;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      const sur = surnames.get(t.lower) ?? (builders.get(entityKey(t.text))?.kind === 'person' ? entityKey(t.text) : undefined);
      if (sur && !person) person = sur;
      if (i + 1 < toks.length && toks[i].lower === toks[i + 1].lower) continue;
      const handles: Token[] = [];
      if (HANDLE_CUES.has(t.lower)) {
        for (let j = i + 1; j < toks.length && j <= i + 8; j++) {
          const h = toks[j];
          if (h.lower === 'and' || h.lower === 'or') continue;
          if (FUNCTION_WORDS.has(h.lower) || (h.brokenBefore && j > i + 1 && !/[,“"]/.test(toks[j - 1].after))) break;
          if (/[A-Z].*[A-Z]|[0-9]|^[a-z]+[A-Z]/.test(h.text) || h.text.startsWith('@')) handles.push(h);
          else break;
        }
      } else if (t.text.startsWith('@') && t.text.length > 2) handles.push(t);
      for (const h of handles) {
        if (person) add(person, builders.get(person)!.name, 'person', h.text);
        else add(entityKey(h.text), h.text, 'handle', h.text);
      }
    }
  });

  // Old-layout tags that name something: [[T-Mobile]], [[Binns]], [[WSJ]].
  const tagSurfaces: { tag: string; span: Span; key: string }[] = [];
  for (const g of article.tags?.groups ?? []) {
    if (g.kind !== 'plain' && g.kind !== 'auto' && g.kind !== 'keyvalue') continue;
    for (const tag of g.tags) {
      let name = tag.name.trim().replace(/^[“"‘']+/, '').replace(/[,.;:!?”"’']+$/, '').replace(/['’]s$/, '');
      let kind: EntityKind | undefined;
      if (g.kind === 'keyvalue') {
        if (!tag.key?.startsWith('threatactor') || !tag.value) continue;
        name = tag.value;
        kind = 'organisation';
      }
      if (!name || !isUpper(name.charCodeAt(0)) || FUNCTION_WORDS.has(name.toLowerCase()) || MONTHS_AND_DAYS.has(name.toLowerCase())) continue;
      const lower = entityKey(name);
      const key = surnames.get(lower) ?? surfaceKey(builders, lower) ?? (ACRONYMS.has(lower) ? entityKey(ACRONYMS.get(lower)!) : undefined) ?? lower;
      if (!builders.has(key)) {
        const toks = tokenize(name, 0, name.length, []);
        if (!toks.length) continue;
        add(key, ACRONYMS.get(lower) ?? name, kind ?? classify(name, toks, [], outlets), name);
      } else {
        builders.get(key)!.surfaces.set(name, (builders.get(key)!.surfaces.get(name) ?? 0) + 1);
      }
      const nameStart = tag.nameSpan.start + tag.name.indexOf(name.slice(0, 1));
      tagSurfaces.push({ tag: name, span: { start: Math.max(tag.nameSpan.start, nameStart), end: Math.min(tag.nameSpan.end, Math.max(tag.nameSpan.start, nameStart) + name.length) }, key });
    }
  }

  // Decide kinds and surface map.
  for (const b of builders.values()) {
    let best: EntityKind = 'other';
    let bestScore = -1;
    for (const [k, n] of b.kindScore) {
      const score = n * 10 + KIND_RANK[k];
      if (k !== 'other' && score > bestScore) { best = k; bestScore = score; }
    }
    b.kind = bestScore < 0 ? 'other' : best;
    for (const s of b.surfaces.keys()) surfaceToKey.set(entityKey(s), b.key);
    surfaceToKey.set(entityKey(b.name), b.key);
  }
  for (const [sur, key] of surnames) if (key) surfaceToKey.set(sur, key);
  // Pinned names and aliases override whatever was guessed, in every article.
  const pinnedSurfaces = new Set<string>();
  for (const p of options.pins ?? []) {
    if (!builders.has(p.key)) builders.set(p.key, { key: p.key, name: p.name, kind: p.kind ?? 'other', kindScore: new Map(), surfaces: new Map() });
    const b = builders.get(p.key)!;
    b.name = p.name;
    if (p.kind) b.kind = p.kind;
    for (const form of [p.name, ...p.aliases]) {
      surfaceToKey.set(entityKey(form), p.key);
      pinnedSurfaces.add(entityKey(form));
    }
  }

  // Pass 3: mentions, longest match first, in every sentence.
  const mentions = new Map<string, Mention[]>();
  const push = (key: string, m: Mention) => {
    const list = mentions.get(key);
    if (list) list.push(m);
    else mentions.set(key, [m]);
  };
  // Only a token that starts some known form can start a mention: one set
  // lookup spares building and normalising candidate phrases at every word.
  const firstWords = new Set<string>();
  for (const surface of surfaceToKey.keys()) firstWords.add(surface.split(' ')[0]);
  sentences.forEach((s, si) => {
    const toks = tokenized[si];
    for (let i = 0; i < toks.length; i++) {
      if (!toks[i].cap && !toks[i].text.startsWith('@') && !/[A-Z]/.test(toks[i].text) && !pinnedSurfaces.has(toks[i].lower)) continue;
      if (!firstWords.has(entityKey(toks[i].text)) && !FIRST_NAMES.has(toks[i].lower)) continue;
      for (let len = Math.min(5, toks.length - i); len >= 1; len--) {
        const slice = toks.slice(i, i + len);
        if (slice.slice(1).some((t) => t.brokenBefore) || slice.slice(0, -1).some((t) => t.possessive)) continue;
        const surface = slice.map((t) => t.text).join(' ');
        let key = surfaceToKey.get(entityKey(surface));
        if (!key && len >= 3 && FIRST_NAMES.has(slice[0].lower)) key = surfaceToKey.get(entityKey(`${slice[0].text} ${slice[len - 1].text}`));
        if (!key) continue;
        if (len === 1 && !slice[0].cap && !slice[0].text.startsWith('@') && shape(slice[0]) !== 'camel' && !pinnedSurfaces.has(slice[0].lower)) continue;
        const start = slice[0].start;
        const end = slice[len - 1].end;
        push(key, { key, span: { start, end }, text: text.slice(start, end), sentence: si, where: s.where === 'heading' ? 'body' : s.where });
        i += len - 1;
        break;
      }
    }
  });
  for (const t of tagSurfaces) push(t.key, { key: t.key, span: t.span, text: text.slice(t.span.start, t.span.end), sentence: -1, where: 'tag' });

  const out: DocEntity[] = [];
  for (const b of builders.values()) {
    const ms = mentions.get(b.key);
    if (!ms || !ms.length) continue;
    // A lone capitalised word seen once, of no known kind, is more likely noise than a subject.
    if (b.kind === 'other' && ms.length < 2) continue;
    ms.sort((x, y) => x.span.start - y.span.start);
    const aliases = [...new Set([...b.surfaces.keys(), ...ms.map((m) => m.text)])].filter((s) => entityKey(s) !== entityKey(b.name));
    out.push({ key: b.key, name: b.name, kind: b.kind, aliases: [...new Set(aliases)], mentions: ms });
  }
  return out;
}

function maxScore(b: Builder): number {
  let m = 0;
  for (const n of b.kindScore.values()) m = Math.max(m, n);
  return m;
}

function surfaceKey(builders: Map<string, Builder>, lower: string): string | undefined {
  if (builders.has(lower)) return lower;
  for (const b of builders.values()) {
    for (const s of b.surfaces.keys()) if (entityKey(s) === lower) return b.key;
  }
  return undefined;
}
