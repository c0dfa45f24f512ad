/**
 * Figure timeline. From a figure, every value of the same measure across the
 * corpus (this article included) in date order, with the outlet that states
 * it, who says so, and whether it agrees with the figure the user started
 * from: the data of the chart that "Breach Desk: Show Figure Timeline" draws.
 * A value is placed at the date it holds for (an "as of" date in its
 * sentence) or else at its article's date; undated values come last.
 *
 * `timelineLenses` says where a code lens offers the chart: on the first
 * figure of each measure in a document that other articles also state.
 */
import type { CorpusIndex } from '../index/corpus';
import { agree, comparableStatements, formatValue, measureLabel } from '../index/compare';
import { knownMeasure } from '../extract/figures';
import { attributionOf, speakerInText } from '../extract/claims';
import type { Figure, Unit } from '../extract/types';
import { targetAt } from './locate';
import { formatDate, inert, shownDay } from './markdown';
import { judgeFigure, verdictWords, type Judged, type Judgement, type Verdict } from '../check/consistency';
import type { Span } from '../text';

export interface TimelinePoint {
  uri: string;
  /** The figure in its article. */
  span: Span;
  /** The figure as written ("more than 50 million"). */
  text: string;
  value: number;
  low: number;
  high: number;
  /** `value` as a reader writes it ("50,000,000", "$1,200"). */
  label: string;
  /** When the value holds, in ms; absent for an undated article. */
  when?: number;
  /** `as-of`: the sentence dates the value; `article`: the article's date; `none`: undated. */
  dated: 'as-of' | 'article' | 'none';
  outlet: string;
  title: string;
  /** Who says so, when the sentence tells. */
  by?: string;
  /** Agrees with the figure the timeline started from (hedges applied). */
  agrees: boolean;
  /**
   * What the consistency check makes of it against the figure the timeline
   * started from (`unweighed` where it compares nothing: counts of sites,
   * percentages, a copy of an article), and the same in words ("disagrees",
   * "a later count", "not compared: a claim"). Absent on the figure itself.
   */
  verdict?: Verdict | 'unweighed';
  check?: string;
  /** The figure the timeline started from. */
  selected: boolean;
}

export interface Timeline {
  measure: string;
  /** What is measured, for a title ("former customer of T-Mobile"). */
  label: string;
  unit: Unit;
  points: TimelinePoint[];
}


/**
 * Whether a figure has a timeline: it must say what it counts (an age says it
 * by its unit). Years compare with nothing, and "$801.1 million" and "$75
 * million" said about Fortinet, with no noun for either, may be a revenue
 * and a price.
 */
function charted(f: Figure): boolean {
  return knownMeasure(f) && !f.measure.startsWith('?|?');
}


function point(index: CorpusIndex, uri: string, f: Figure, from: Figure, selected: boolean): TimelinePoint | undefined {
  const doc = index.get(uri);
  if (!doc) return undefined;
  const claim = doc.facts.claims.find((c) => c.sentence === f.sentence);
  const asOf = f.asOf ?? claim?.asOf;
  const when = shownDay(doc.facts, asOf ?? doc.facts.date);
  const who = attributionOf(doc.facts, f, claim)?.who;
  return {
    uri,
    span: f.span,
    text: f.text,
    value: f.value,
    low: f.low,
    high: f.high,
    // A range is its bounds: its middle was never written.
    label: f.hedge === 'between' ? `${formatValue(f.low, f.unit)} – ${formatValue(f.high, f.unit)}` : formatValue(f.value, f.unit),
    when,
    dated: asOf !== undefined ? 'as-of' : when !== undefined ? 'article' : 'none',
    outlet: doc.facts.source ?? 'unknown outlet',
    title: doc.facts.title,
    by: who === undefined ? undefined : speakerInText(who),
    agrees: agree(from, f),
    selected,
  };
}

/** Why the check left a statement of the measure out, when it can tell: ": a copy of …", ": the same sentence", the check's bound. */
function whyNot(index: CorpusIndex, uri: string, f: Figure, r: { uri: string; figure: Figure }, judged: Judgement): string {
  if (r.uri === uri && r.figure.sentence === f.sentence) return ': the same sentence';
  if (r.figure.noun === undefined) return ': it does not say what it counts';
  const link = index.get(r.uri)?.summary.link;
  if (link && (link === index.get(uri)?.summary.link || index.standInFor(link) !== r.uri)) return ': a copy of an article (same Link) counted once';
  if (judged.cut?.has(`${r.figure.span.start} ${r.uri}`)) return `: past the first ${judged.bounded} statements of this measure that the check weighs`;
  return '';
}

/** The timeline of the measure of the figure at `offset`, or undefined when no figure of a comparable measure is there. */
export function timelineAt(index: CorpusIndex, uri: string, offset: number): Timeline | undefined {
  const doc = index.get(uri);
  if (!doc) return undefined;
  const t = targetAt(doc, offset);
  if (!t || t.kind !== 'figure') return undefined;
  const f = t.figure;
  // Figures without a measure (no noun, no subject) and years compare with nothing.
  if (!charted(f)) return undefined;
  const points: TimelinePoint[] = [];
  const here = point(index, uri, f, f, true);
  if (here) points.push(here);
  // The check's verdict on each statement (by place: facts reloaded from the cache are new objects).
  const judged = judgeFigure(index, uri, f);
  const verdicts = new Map<string, Judged>();
  for (const o of judged?.others ?? []) verdicts.set(`${o.figure.span.start} ${o.uri}`, o);
  for (const r of comparableStatements(index, uri, f)) {
    const p = point(index, r.uri, r.figure, f, false);
    if (!p) continue;
    const o = verdicts.get(`${r.figure.span.start} ${r.uri}`);
    if (o) {
      p.verdict = o.verdict;
      p.check = verdictWords(o, judged!.when);
    } else {
      p.verdict = 'unweighed';
      p.check = !judged ? (p.agrees ? 'same value' : 'not checked') : judged.skipped ? `not checked: this figure is ${judged.skipped}` : `not compared${whyNot(index, uri, f, r, judged)}`;
    }
    points.push(p);
  }
  points.sort((a, b) => (a.when ?? Number.POSITIVE_INFINITY) - (b.when ?? Number.POSITIVE_INFINITY) || a.outlet.localeCompare(b.outlet) || a.span.start - b.span.start);
  return { measure: f.measure, label: measureLabel(index, f, doc.facts.sentences), unit: f.unit, points };
}

export interface TimelineLens {
  /** The figure the lens sits on. */
  span: Span;
  label: string;
  /** How many statements the timeline would show (one value may be stated several times). */
  statements: number;
}

/** Where to offer a timeline: the first figure of each measure that at least one other article states too. */
export function timelineLenses(index: CorpusIndex, uri: string): TimelineLens[] {
  const doc = index.get(uri);
  if (!doc) return [];
  const out: TimelineLens[] = [];
  const seen = new Set<string>();
  for (const f of doc.facts.figures) {
    if (!charted(f) || seen.has(f.measure)) continue;
    const others = comparableStatements(index, uri, f);
    // Another copy of this article (same Link) is no other article stating the measure.
    if (!others.some((r) => r.uri !== uri && !index.isCopy(uri, r.uri))) continue;
    seen.add(f.measure);
    // The label goes into the lens's title, which VS Code draws "$(name)" in as an icon: it is made of article words and
    // names a writer pinned ("Evil$(bug)Corp"), so `inert` breaks "$(" apart, as in messages.
    out.push({ span: f.span, label: inert(measureLabel(index, f, doc.facts.sentences)), statements: others.length + 1 });
  }
  return out;
}

/**
 * A timeline as plain text, a line per value, for editors that draw no chart
 * (the server shows it in a message when a code lens runs it):
 * "Aug 18, 2021 · ~40 million · ThreatPost · said by T-Mobile · an earlier count".
 */
export function timelineText(t: Timeline): string {
  const lines = t.points.map((p) => [
    p.when === undefined ? 'undated' : formatDate(p.when),
    p.selected ? `${p.text} (this figure)` : p.text,
    p.outlet,
    p.by ? `said by ${p.by}` : '',
    p.selected ? '' : p.check ?? '',
  ].filter(Boolean).join(' · '));
  return [`Timeline of ${t.label}: ${t.points.length} statements`, ...lines].map(inert).join('\n');
}

