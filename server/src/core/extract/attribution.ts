/**
 * Claims: who says what a sentence states ("T-Mobile said", "according to
 * the WSJ", "the seller claimed") and when it holds ("As of Aug. 18", "on
 * Aug. 20", "in 2018"). Dates without a year take the article's year, or the
 * year before when that would put them after the article.
 */
import { monthOf } from '../syntax/dates';
import type { Span } from '../text';
import { groupBySentence, visibleText } from './quantities';
import type { Claim, EntityKind, Figure, Mention, SentenceRef } from './types';

const SAY = 'said|says|say|told|tells|confirmed|confirms|claimed|claims|claim|estimated|estimates|reported|reports|announced|alleged|alleges|noted|warned|tweeted|wrote|added|stated|disclosed|revealed|admitted|acknowledged|explained';
const SAY_RE = new RegExp(`\\b(?:${SAY})\\b`, 'i');
const ACCORDING_RE = /\b[Aa]ccording to (?:the |a |an )?([A-Z][\w’'-]*(?:[ .][A-Z][\w’'-]*){0,3})/;
const CLAIMANT_RE = /\b(?:the|a|an) (?:purported |alleged |self-described )?(seller|thief|hacker|hackers|attacker|attackers|threat actor|threat actors|actor|cybercriminal|cybercriminals|crook|criminals|gang|group|poster)\b/i;
const DAY = 24 * 3600 * 1000;

// Explicit dates: "Aug. 18", "August 15, 2021", "on Aug. 20", "in June", "in 2019".
const DATE_RE = /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?:\s(\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s((?:19|20)\d\d))?\b|\bin ((?:19|20)\d\d)\b/g;

export interface DateMention {
  at: number;
  span: Span;
  instant: number;
}

/** Explicit dates in a sentence, resolved against the article's date. */
export function datesIn(v: string, offset: number, articleDate: number | undefined): DateMention[] {
  const out: DateMention[] = [];
  const ref = articleDate !== undefined ? new Date(articleDate) : undefined;
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(v); m; m = DATE_RE.exec(v)) {
    let year: number | undefined;
    let month = 6;
    let day = 15;
    if (m[4]) {
      year = Number(m[4]);
      month = 7;
      day = 1;
    } else {
      const mo = monthOf(m[1]);
      if (!mo) continue;
      // "May" and "March" are also words: without a day or a year they are dates only after "in"/"since".
      if (!m[2] && !m[3] && !/\b(?:in|since|until|by|from|of|last|early|late|mid)\s$/i.test(v.slice(Math.max(0, m.index - 7), m.index))) continue;
      month = mo;
      day = m[2] ? Number(m[2]) : 15;
      if (day < 1 || day > 31) continue;
      year = m[3] ? Number(m[3]) : ref?.getUTCFullYear();
      if (year === undefined) continue;
      if (!m[3] && ref && Date.UTC(year, month - 1, day) > ref.getTime() + 2 * DAY) year--;
    }
    out.push({ at: m.index, span: { start: offset + m.index, end: offset + m.index + m[0].length }, instant: Date.UTC(year, month - 1, day) });
  }
  return out;
}

export function extractClaims(
  sentences: SentenceRef[],
  mentions: Mention[],
  kindOf: (key: string) => EntityKind | undefined,
  articleDate: number | undefined,
  figures: Figure[] = [],
  hidden: Span[] = [],
): Claim[] {
  const claims: Claim[] = [];
  const bySentence = groupBySentence(mentions);
  const figuresBySentence = groupBySentence(figures);
  let lastPerson: Mention | undefined;
  sentences.forEach((s, si) => {
    const ms = bySentence.get(si) ?? [];
    const figs = figuresBySentence.get(si) ?? [];
    const hasSay = SAY_RE.test(s.text) || /according to/i.test(s.text);
    if (!figs.length && !hasSay) {
      lastPerson = ms.filter((m) => kindOf(m.key) === 'person').pop() ?? lastPerson;
      return;
    }
    const v = visibleText(s.text, s.span.start, hidden);
    const claim: Claim = { sentence: si };
    const acc = ACCORDING_RE.exec(v);
    const speaker = (at: number, len: number, who: string) => {
      const key = ms.find((m) => m.span.start - s.span.start <= at + len && m.span.end - s.span.start >= at)?.key;
      claim.attribution = { who, key, span: { start: s.span.start + at, end: s.span.start + at + len } };
    };
    if (acc) speaker(acc.index + acc[0].length - acc[1].length, acc[1].length, acc[1]);
    else {
      const say = new RegExp(`\\b(?:${SAY})\\b`, 'gi');
      for (let m = say.exec(v); m && !claim.attribution; m = say.exec(v)) {
        // The speaker stands just before the verb: a named entity, a claimant, or a pronoun.
        const before = v.slice(Math.max(0, m.index - 60), m.index);
        const cand = ms.filter((x) => {
          const end = x.span.end - s.span.start;
          return end <= m!.index && m!.index - end <= 20 && kindOf(x.key) !== 'place';
        }).pop();
        if (cand) { speaker(cand.span.start - s.span.start, cand.span.end - cand.span.start, cand.text); break; }
        // A claimant named earlier in the sentence is who "he" or "they" is.
        const cl = CLAIMANT_RE.exec(v.slice(0, m.index));
        if (cl) { speaker(cl.index, cl[0].length, cl[0]); break; }
        const pro = /\b(he|she)\s+(?:\w+\s+)?$/i.exec(before);
        if (pro && lastPerson) {
          claim.attribution = { who: lastPerson.text, key: lastPerson.key, span: { start: s.span.start + m.index - before.length + pro.index, end: s.span.start + m.index - before.length + pro.index + pro[1].length } };
          break;
        }
        // "said Kolochenko": the speaker after the verb (never after "told", whose object is the listener).
        if (!/^(?:said|says|wrote|added|noted|explained)$/i.test(m[0])) continue;
        const after = ms.find((x) => x.span.start - s.span.start > m!.index && x.span.start - s.span.start - (m!.index + m![0].length) <= 2);
        if (after) { speaker(after.span.start - s.span.start, after.span.end - after.span.start, after.text); break; }
      }
    }
    if (!claim.attribution) {
      const cl = CLAIMANT_RE.exec(v);
      if (cl && /\b(?:claim|claims|claimed|purported|alleged|offering|selling)\b/i.test(v)) speaker(cl.index, cl[0].length, cl[0]);
    }
    const dates = datesIn(v, s.span.start, articleDate);
    if (dates.length) {
      claim.asOf = dates[0].instant;
      claim.asOfSpan = dates[0].span;
      // Each figure holds at its own date: one written right after it ("~50 million on
      // Aug. 20"), else the nearest one before it ("As of Aug. 18, … ~40 million"),
      // else the nearest one after it.
      for (const f of figs) {
        const rel = f.span.end - s.span.start;
        const right = dates.find((d) => d.at >= rel && /^[\s,]*(?:on|as of|by|in|since|until|through|from)?\s*$/i.test(v.slice(rel, d.at)));
        const before = dates.filter((d) => d.span.end <= f.span.start).pop();
        const after = dates.find((d) => d.span.start >= f.span.end);
        const best = right ?? before ?? after;
        if (best) f.asOf = best.instant;
      }
    }
    claims.push(claim);
    lastPerson = ms.filter((m) => kindOf(m.key) === 'person').pop() ?? lastPerson;
  });
  return claims;
}
