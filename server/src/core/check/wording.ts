/**
 * How two wordings of one quotation differ, as a writer needs to see it:
 * the words where they first part, with a word of context on each side, or
 * that the difference is one a quoting writer marks: an elision ("allow
 * attackers to…connect to the internet") or words in brackets ("[They]
 * could inject").
 */
import { quoteWords } from '../index/corpus';

/** A written word of a quotation, and its words as compared (`quoteWords`; "U.S." is "us"). */
interface Token {
  text: string;
  key: string;
  /** Inside square brackets: words the quoting writer put in ("[They] could", "based [on] the"). */
  bracketed: boolean;
}

/** "…", "...", "[…]", "[...]" standing alone. */
const ELLIPSIS_RE = /^\[?(?:…|\.{3})\]?$/;
/** An ellipsis glued to words ("to…connect"): read as a word of its own. */
const GLUED_ELLIPSIS_RE = /(\[?(?:…|\.{3})\]?)/;

function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  for (const raw of text.split(/\s+/)) {
    for (const part of raw.split(GLUED_ELLIPSIS_RE)) {
      if (!part) continue;
      const ellipsis = ELLIPSIS_RE.test(part);
      const key = ellipsis ? '…' : quoteWords(part).join(' ');
      const bracketed = !ellipsis && (depth > 0 || part.startsWith('['));
      if (!ellipsis) for (const c of part) depth = c === '[' ? depth + 1 : c === ']' ? Math.max(0, depth - 1) : depth;
      // Punctuation alone ("—", "-") is no word.
      if (key) out.push({ text: part, key, bracketed });
    }
  }
  return out;
}

/**
 * Whether `shorter` is `longer` with words left out where it says so: each
 * run of words between its ellipses stands in `longer`, in order.
 */
function elides(shorter: Token[], longer: Token[]): boolean {
  const runs: string[][] = [[]];
  for (const t of shorter) {
    if (t.key === '…') runs.push([]);
    else runs[runs.length - 1].push(t.key);
  }
  if (runs.length < 2) return false;
  const words = longer.map((t) => t.key);
  let from = 0;
  for (const run of runs) {
    if (!run.length) continue;
    let at = -1;
    for (let i = from; i + run.length <= words.length && at < 0; i++) {
      let k = 0;
      while (k < run.length && words[i + k] === run[k]) k++;
      if (k === run.length) at = i;
    }
    if (at < 0) return false;
    from = at + run.length;
  }
  return true;
}

/** One side of a difference: the differing words with a word of context each side, "…" where more is left out. */
function excerpt(tokens: Token[], from: number, to: number, maxWords = 12): string {
  const a = Math.max(0, from - 1);
  const b = Math.min(tokens.length, to + 1);
  const words = tokens.slice(a, Math.min(b, a + maxWords)).map((t) => t.text);
  return `${a > 0 ? '…' : ''}${words.join(' ')}${b < tokens.length || b > a + maxWords ? '…' : ''}`;
}

export type Wording =
  /** Only changes a quoting writer may make: an elision ("to…connect"), words in brackets ("[They] could"), a part quoted alone. */
  | { kind: 'faithful' }
  /** Where the two first part, each with a word of context (either may have no words of its own there). */
  | { kind: 'differs'; ours: string; theirs: string }
  /**
   * Two statements cast in one template, not one quotation reworded: where they first part, each
   * has DISTINCT words or more of its own and none of the other's ("An elevation of privilege
   * vulnerability exists when…" and "A remote code execution vulnerability exists when…").
   */
  | { kind: 'distinct' };

/** How many words each side must have of its own, none shared, for two wordings to be two statements. */
const DISTINCT = 3;

/** How many words in a row must agree again after a difference. */
const RESYNC = 3;

/** How `ours` (this article's wording) differs from `theirs`: their first difference. */
export function compareWording(ours: string, theirs: string): Wording {
  const a = tokensOf(ours);
  const b = tokensOf(theirs);
  if (elides(a, b) || elides(b, a)) return { kind: 'faithful' };
  // Words in brackets stand for what the speaker said, as the quoting writer marks.
  const marked = (t: Token[], from: number, to: number) => to > from && t.slice(from, to).every((x) => x.bracketed);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && j < b.length && a[i].key === b[j].key) { i++; j++; }
    // One ends where the other goes on: a quotation of the first part only.
    if (i === a.length || j === b.length) return { kind: 'faithful' };
    const [ea, eb] = resync(a, b, i, j);
    // One begins further on than the other: a quotation of a later part only ("certain unsolvable circumstances…").
    const fragment = i === 0 && j === 0 && (ea === 0 || eb === 0);
    // The same letters spaced otherwise ("Log4J2" and "Log4j 2", "cyber security" and "cybersecurity"),
    // perhaps with words in brackets besides ("Log4j 2 VMware vCenter [servers]").
    const spaced = joined(a, i, ea) === joined(b, j, eb);
    // Notation, not wording: an acronym for the words ("SSN", "Social-Security numbers"), a name's suffix ("Jr.").
    const notation = spelledOut(a, i, ea, b, j, eb) || spelledOut(b, j, eb, a, i, ea) || suffixOnly(a, i, ea, j === eb) || suffixOnly(b, j, eb, i === ea);
    if (!fragment && !spaced && !notation && !marked(a, i, ea) && !marked(b, j, eb)) {
      if (ea - i >= DISTINCT && eb - j >= DISTINCT && ea < a.length && eb < b.length && !shares(a, i, ea, b, j, eb)) return { kind: 'distinct' };
      return { kind: 'differs', ours: excerpt(a, i, ea), theirs: excerpt(b, j, eb) };
    }
    if (ea >= a.length || eb >= b.length) return { kind: 'faithful' };
    i = ea;
    j = eb;
  }
}

/** Small words an acronym leaves out ("Department of Justice", DOJ). */
const UNSPELLED = new Set(['and', 'of', 'the', 'for', 'on', 'in', 'to']);

/**
 * Whether `short[i…ei)` is one acronym for the words of `long[j…ej)`, perhaps with the acronym after them in brackets:
 * "SSN" and "Social-Security numbers", "TSSR" and "Telecommunications Sector Security Reforms".
 */
function spelledOut(short: Token[], i: number, ei: number, long: Token[], j: number, ej: number): boolean {
  // "the TSSR up" against "the Telecommunications Sector Security Reforms (TSSR) up" agrees again at the acronym.
  const before = ei === i && short[i] !== undefined && short[i].key === long[ej]?.key;
  if ((ei - i !== 1 && !before) || ej - j < 2) return false;
  // Three letters at least: "US help" is no "urgent security help", "AI systems" no "all internal systems".
  const letters = /^\W*([A-Z]{3,6})s?\W*$/.exec(short[i].text)?.[1]?.toLowerCase();
  if (!letters) return false;
  const words = long.slice(j, ej).flatMap((t) => t.key.split(' ')).filter((w) => !UNSPELLED.has(w));
  if (words[words.length - 1] === letters) words.pop();
  return words.length === letters.length && words.every((w, k) => w[0] === letters[k]);
}

/** A name's suffix ("Jr.") that the other wording leaves out and has nothing in place of: "Joseph Asan Jr." and "Joseph Asan" ("World War II" is no name with a suffix). */
function suffixOnly(t: Token[], from: number, to: number, otherEmpty: boolean): boolean {
  return otherEmpty && to - from === 1 && from > 0 && /^[A-Z]/.test(t[from - 1].text) && /^(?:Jr|Sr)\.?,?$/.test(t[from].text);
}

/** The compared words of `t[from…to)` run together, leaving out words a quoting writer put in [brackets]. */
function joined(t: Token[], from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) if (!t[k].bracketed) out += t[k].key.replace(/ /g, '');
  return out;
}

/** Whether `a[i…ea)` and `b[j…eb)` have a word in common. */
function shares(a: Token[], i: number, ea: number, b: Token[], j: number, eb: number): boolean {
  const mine = new Set(a.slice(i, ea).map((t) => t.key));
  return b.slice(j, eb).some((t) => mine.has(t.key));
}

/** How far apart (in words of both) a difference's two ends are looked for; past it, the rest differs. */
const REACH = 400;

/** Where `a` (from `i`) and `b` (from `j`) agree again: the nearest place from which RESYNC words match, else their ends. */
function resync(a: Token[], b: Token[], i: number, j: number): [number, number] {
  // Quadratic in the distance: a pasted page-long block quotation must not make a check slow.
  const span = Math.min(a.length - i + b.length - j, REACH);
  for (let d = 1; d <= span; d++) {
    for (let k = 0; k <= d; k++) {
      const x = i + k;
      const y = j + d - k;
      if (x + RESYNC > a.length || y + RESYNC > b.length) continue;
      let n = 0;
      while (n < RESYNC && a[x + n].key === b[y + n].key) n++;
      if (n === RESYNC) return [x, y];
    }
  }
  return [a.length, b.length];
}
