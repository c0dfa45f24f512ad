/**
 * Figure consistency: the warning Breach Desk exists for. A figure in one
 * article is compared with every figure of the same measure (same subject,
 * same thing measured, same sub-population) in the corpus, this article
 * included:
 *
 * - values whose hedged intervals overlap agree: nothing to say;
 * - values stated with different explicit dates are a revision
 *   (`figure.revision`, information), not a disagreement;
 * - values attributed to different parties (the seller claims, the company
 *   confirms) are a disputed claim (`figure.disputed`, information);
 * - anything else is a conflict (`figure.conflict`, warning), with every
 *   conflicting sentence as related information;
 * - a total that equals parts stated in another article is reconciled
 *   (`figure.reconciled`, information), with the parts as related locations.
 *
 * Corpus-level checks also find the same article saved twice
 * (`corpus.duplicate`) and quotations worded differently in two articles
 * (`quote.altered`).
 */
import type { Claim, DocFacts, Figure } from '../extract/types';
import { diag, type Diagnostic, type Fix, type RelatedInfo } from '../diagnostics';
import { agree, findParts, formatValue, sameMeasure } from '../index/compare';
import { quoteWords, type CorpusIndex } from '../index/corpus';
import type { Span } from '../text';
import { formatDate } from '../features/markdown';

const DAY = 24 * 3600 * 1000;

/** Parties that claim rather than confirm: a figure they give is disputed, not wrong. */
const CLAIMANTS = /\b(?:seller|thief|hacker|attacker|threat actor|actor|criminal|gang|group|crook|purported|alleged|claimed|claims|posting|forum)\b/i;

interface Stated {
  uri: string;
  figure: Figure;
  /** When the figure holds: an explicit date in its sentence, else the article's date. */
  when?: number;
  explicit: boolean;
  who?: string;
  claimant: boolean;
  /** "if 100 million customers’ data was in fact involved": not a statement of fact. */
  hypothetical: boolean;
}

const FAR = 180 * DAY;

/** Values an order of magnitude apart count different populations, not a disagreement about one. */
function sameScale(a: Figure, b: Figure): boolean {
  const hi = Math.max(a.value, b.value);
  const lo = Math.min(a.value, b.value);
  return lo > 0 && hi / lo <= 5;
}

function claimOf(f: DocFacts, sentence: number): Claim | undefined {
  return f.claims.find((c) => c.sentence === sentence);
}

function stated(index: CorpusIndex, uri: string, figure: Figure): Stated {
  const facts = index.get(uri)!.facts;
  const claim = claimOf(facts, figure.sentence);
  const sentence = facts.sentences[figure.sentence]?.text ?? '';
  const who = claim?.attribution?.key ?? claim?.attribution?.who?.toLowerCase();
  // "in 2018, about 2.5 million customers": a bare year other than the article's places the figure in it.
  let yearWhen: number | undefined;
  const year = /\bin ((?:19|20)\d\d)\b/.exec(sentence);
  if (year && facts.date !== undefined && Number(year[1]) !== new Date(facts.date).getUTCFullYear()) yearWhen = Date.UTC(Number(year[1]), 6, 1);
  const when = figure.asOf ?? claim?.asOf ?? yearWhen ?? facts.date;
  return {
    uri,
    figure,
    when,
    explicit: figure.asOf !== undefined || claim?.asOf !== undefined || yearWhen !== undefined,
    who,
    // Who says it decides; only an unattributed figure is judged by its sentence's words.
    claimant: claim?.attribution
      ? CLAIMANTS.test(claim.attribution.who)
      : /\b(?:claim(?:s|ed|ing)?|purported(?:ly)?|alleged(?:ly)?|offer(?:s|ed|ing)?|sell(?:s|ing)?|for sale|asking price)\b/i.test(sentence),
    hypothetical: /\b(?:if|could|would|might)\b/i.test(sentence.slice(0, Math.max(0, figure.span.start - (facts.sentences[figure.sentence]?.span.start ?? 0)))),
  };
}

/**
 * What a breach report's figures are about: how many people, accounts and
 * records, and how much money or data. Counts of anything else (bugs in a
 * patch, apps in a store, hours of a deadline) differ from story to story
 * and are not compared until the evaluation set shows they can be.
 */
const BREACH_NOUNS = new Set([
  'customer', 'person', 'user', 'account', 'subscriber', 'record', 'individual', 'member', 'patient', 'employee',
  'client', 'victim', 'citizen', 'voter', 'student', 'resident', 'consumer', 'profile', 'email', 'password',
  'credential', 'file', 'row', 'entry', 'card', 'number',
]);

function comparable(f: Figure): boolean {
  if (f.value <= 0 || f.noun === undefined || f.unit === 'year' || f.unit === 'age' || f.unit === 'percent' || f.unit === 'days') return false;
  return f.unit !== 'count' || BREACH_NOUNS.has(f.noun);
}

/** Articles this far apart, without explicit dates, are about different events. */
const STORY = 60 * DAY;

function outletDate(index: CorpusIndex, s: Stated): string {
  const f = index.get(s.uri)!.facts;
  return `${f.source ?? 'another article'}, ${formatDate(s.when)}`;
}

function sentenceSpan(index: CorpusIndex, s: Stated): Span {
  return index.get(s.uri)!.facts.sentences[s.figure.sentence]?.span ?? s.figure.span;
}

export function checkConsistency(index: CorpusIndex, uri: string): Diagnostic[] {
  const doc = index.get(uri);
  if (!doc) return [];
  const out: Diagnostic[] = [];
  for (const fig of doc.facts.figures) {
    if (!comparable(fig)) continue;
    const me = stated(index, uri, fig);
    if (me.hypothetical) continue;
    const all = sameMeasure(index, uri, fig).filter((r) => comparable(r.figure)).map((r) => stated(index, r.uri, r.figure));
    const others = all
      // Two figures of one sentence state a relation (part and whole, before and after), not two claims.
      .filter((o) => !(o.uri === uri && o.figure.sentence === fig.sentence))
      .filter((o) => !o.hypothetical)
      // Explicit dates far apart are different events ("in 2018, about 2.5 million customers").
      .filter((o) => !((me.explicit || o.explicit) && me.when !== undefined && o.when !== undefined && Math.abs(me.when - o.when) > FAR))
      .filter((o) => me.when === undefined || o.when === undefined || Math.abs(me.when - o.when) <= STORY);
    const candidates = new Set<string>();
    if (fig.subject) for (const u of index.entity(fig.subject)?.docs.keys() ?? []) candidates.add(u);
    const parts = fig.unit === 'count' ? findParts(index, uri, fig, candidates) : [];
    const partOf = new Set(parts.flatMap((p) => p.parts));
    const conflicts: Stated[] = [];
    const revisions: Stated[] = [];
    const disputes: Stated[] = [];
    const agreeing: Stated[] = [];
    for (const o of others) {
      if (agree(fig, o.figure)) { agreeing.push(o); continue; }
      if (partOf.has(o.figure)) continue;
      // This figure may itself be one of the parts of the other's total.
      if (o.figure.value > fig.value && findParts(index, o.uri, o.figure, [uri]).some((p) => p.parts.includes(fig))) continue;
      if (!sameScale(fig, o.figure)) continue;
      // A claim set against a confirmed figure is a dispute, said on the claim's side;
      // two claims are not checked against each other (a seller's "30m for sale" is part of "100m").
      if (me.claimant || o.claimant) { if (me.claimant && !o.claimant) disputes.push(o); continue; }
      if (me.explicit && o.explicit && me.when !== undefined && o.when !== undefined && Math.abs(me.when - o.when) >= DAY) { revisions.push(o); continue; }
      if (supersededBetween(o, me, all, fig)) { revisions.push(o); continue; }
      conflicts.push(o);
    }
    const what = describe(fig);
    const related = (list: Stated[], verb: string): RelatedInfo[] => list.map((o) => ({
      uri: o.uri === uri ? undefined : o.uri,
      span: sentenceSpan(index, o),
      message: `${o.figure.text} ${verb} (${outletDate(index, o)})`,
    }));
    if (conflicts.length) {
      const first = conflicts[0];
      const more = conflicts.length > 1 ? ` and ${conflicts.length - 1} more` : '';
      out.push(diag('figure.conflict', fig.span,
        `${fig.text}${what} disagrees with ${first.figure.text} in ${first.uri === uri ? 'this article' : outletDate(index, first)}${more}.`,
        fixesFor(index, uri, fig, agreeing, conflicts), related(conflicts, 'stated')));
    }
    if (revisions.length) {
      const sorted = [...revisions, me].sort((a, b) => (a.when ?? 0) - (b.when ?? 0));
      const story = sorted.map((s) => `${s.figure.text} (${formatDate(s.when)})`).join(' → ');
      out.push(diag('figure.revision', fig.span, `${what.trim()} was revised over time: ${story}.`, [], related(revisions, 'as of that date')));
    }
    if (disputes.length) {
      const parties = [...new Set(disputes.map((d) => partyName(index, d)))].join(', ');
      const values = [...new Set(disputes.map((d) => d.figure.text))].join(', ');
      out.push(diag('figure.disputed', fig.span,
        `${fig.text}${what} is a disputed claim: ${partyName(index, me)} claims ${fig.text}; ${parties} ${disputes.length === 1 ? 'gives' : 'give'} ${values}.`,
        [], related(disputes, `according to ${parties}`)));
    }
    if (!conflicts.length && fig.unit === 'count') {
      if (parts.length) {
        const p = parts[0];
        const sum = p.parts.map((x) => x.text).join(' + ');
        const other = index.get(p.uri)!.facts;
        out.push(diag('figure.reconciled', fig.span,
          `${fig.text}${what} equals the parts ${other.source ?? 'another article'} (${formatDate(other.date)}) gives: ${sum} = ${formatValue(p.parts.reduce((s, x) => s + x.value, 0), 'count')}.`,
          [], p.parts.map((x) => ({ uri: p.uri, span: other.sentences[x.sentence]?.span ?? x.span, message: `${x.text} ${describe(x).trim()}` }))));
      }
    }
  }
  checkDuplicate(index, uri, out);
  checkQuotes(index, uri, out);
  return out;
}

/**
 * An older value is superseded, not contradicted, when a dated figure of the
 * same measure between the two agrees with the newer one: "~40 million as of
 * Aug. 18" is history once "~50 million on Aug. 20" is said, for an article
 * of Aug. 28 that says more than 50 million.
 */
function supersededBetween(o: Stated, me: Stated, all: Stated[], fig: Figure): boolean {
  if (o.when === undefined || me.when === undefined) return false;
  const [older, newer] = o.when < me.when ? [o, me] : [me, o];
  const newerFig = newer === me ? fig : o.figure;
  return all.some((p) => p !== o && p.explicit && p.when !== undefined && p.when > older.when! && p.when <= newer.when! && agree(p.figure, newerFig));
}

function partyName(index: CorpusIndex, s: Stated): string {
  const c = claimOf(index.get(s.uri)!.facts, s.figure.sentence);
  return c?.attribution?.who ?? (s.claimant ? 'the claimant' : `${index.get(s.uri)!.facts.source ?? 'another article'}`);
}

function describe(f: Figure): string {
  const what = [...f.qualifiers, f.noun ?? ''].filter(Boolean).join(' ');
  return what ? ` ${what}` : '';
}

/** Quick fixes: cite an agreeing source, or use the value most sources give. */
function fixesFor(index: CorpusIndex, uri: string, fig: Figure, agreeing: Stated[], conflicts: Stated[]): Fix[] {
  const fixes: Fix[] = [];
  for (const a of agreeing.filter((x) => x.uri !== uri).slice(0, 2)) {
    const f = index.get(a.uri)!.facts;
    const url = f.linkUrl;
    if (!url) continue;
    fixes.push({
      title: `Cite ${f.source ?? 'the agreeing article'} (${formatDate(a.when)}), which also gives ${a.figure.text}`,
      edits: [{ span: { start: fig.span.end, end: fig.span.end }, newText: ` ([${(f.source ?? 'source').replace(/[[\]]/g, '')}](${url}))` }],
    });
  }
  // The value most sources give, counting each article once.
  const votes = new Map<number, { n: number; text: string }>();
  for (const s of [...conflicts, ...agreeing]) {
    const v = votes.get(s.figure.value) ?? { n: 0, text: s.figure.text };
    v.n++;
    votes.set(s.figure.value, v);
  }
  let best: { n: number; text: string; value: number } | undefined;
  for (const [value, v] of votes) if (!best || v.n > best.n) best = { ...v, value };
  if (best && best.value !== fig.value && best.n >= 2) {
    fixes.push({ title: `Use ${best.text}, the value ${best.n} sources give`, edits: [{ span: fig.span, newText: best.text }] });
  }
  return fixes;
}

function checkDuplicate(index: CorpusIndex, uri: string, out: Diagnostic[]): void {
  const f = index.get(uri)!.facts;
  if (!f.link || !f.linkSpan) return;
  const others = index.docsByLink(f.link).filter((u) => u !== uri);
  if (!others.length) return;
  out.push(diag('corpus.duplicate', f.linkSpan,
    `The same article (same Link) is also saved as ${others.length === 1 ? 'another file' : `${others.length} other files`}; its figures count once.`,
    [], others.map((o) => ({ uri: o, span: index.get(o)!.facts.linkSpan ?? { start: 0, end: 0 }, message: 'The same Link.' }))));
}

function checkQuotes(index: CorpusIndex, uri: string, out: Diagnostic[]): void {
  const f = index.get(uri)!.facts;
  for (const q of f.quotes) {
    const mine = quoteWords(q.text);
    if (mine.length < 8) continue;
    for (const other of index.similarQuotes(mine, uri)) {
      out.push(diag('quote.altered', q.span,
        `This quotation is worded differently in ${index.get(other.uri)!.facts.source ?? 'another article'} (${formatDate(index.get(other.uri)!.facts.date)}): “${other.text.length > 120 ? `${other.text.slice(0, 119)}…` : other.text}”.`,
        [], [{ uri: other.uri, span: other.span, message: 'The other wording.' }]));
      break;
    }
  }
}
