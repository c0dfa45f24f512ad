/**
 * What Breach Desk learns from one article: its entities with their
 * mentions, its figures with normalised values and the thing they measure,
 * and the claims (sentences) that state them. `DocFacts` is plain data,
 * computed once per document version and merged into the corpus index.
 */
import type { Span } from '../text';

export type EntityKind = 'person' | 'organisation' | 'place' | 'outlet' | 'handle' | 'other' | 'vulnerability';

/** Every kind, in the order the cache and packed facts number them (a change of order is a change of their formats). */
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organisation', 'place', 'outlet', 'handle', 'other', 'vulnerability'];

export interface Mention {
  /** The entity this mention refers to (see `entityKey`). */
  key: string;
  span: Span;
  /** The words as written ("Binns", "T-Mobile’s", "WSJ"). */
  text: string;
  /** Index into `DocFacts.sentences`, or -1 outside the body (title, tags). */
  sentence: number;
  /** Where the mention stands. */
  where: 'title' | 'subtitle' | 'body' | 'tag' | 'info';
}

export interface DocEntity {
  key: string;
  /** The fullest form seen in this article ("John Binns"). */
  name: string;
  kind: EntityKind;
  /** Other forms seen in this article ("Binns", "WSJ"). */
  aliases: string[];
  mentions: Mention[];
}

export type Unit = 'count' | 'usd' | 'eur' | 'gbp' | 'btc' | 'bytes' | 'percent' | 'age' | 'days' | 'year' | 'aud' | 'cad' | 'hkd' | 'nzd' | 'sgd' | 'cny' | 'jpy' | 'inr' | 'rub';

export interface Figure {
  /** The whole figure as written, hedge included ("more than 50 million"). */
  span: Span;
  text: string;
  /** The stated value, normalised (50 million → 50_000_000; 106GB → 106e9 bytes); a range's middle. */
  value: number;
  /** The interval the hedge allows ("more than 50 million" → [50e6, 60e6)). */
  low: number;
  high: number;
  unit: Unit;
  /** "about", "more than", "up to", "~", …, lower-cased; "between" for a range ("$193 million to $195 million"); absent for an exact figure. */
  hedge?: string;
  /** The head noun of what is measured, singular and lower-case ("customer", "record"). */
  noun?: string;
  nounSpan?: Span;
  /** Words that narrow the population ("former", "prepaid", "current"), sorted. */
  qualifiers: string[];
  /** The entity whose thing this is (`entityKey`), when one can be told. */
  subject?: string;
  /** Normalised measure: subject|noun|qualifiers, the key figures are compared by. */
  measure: string;
  /** Index into `DocFacts.sentences`. */
  sentence: number;
  /** An explicit date this figure holds at, when its sentence gives one for it ("~50 million on Aug. 20"). */
  asOf?: number;
}

/**
 * A figure with every property present, absent ones undefined, always in this order: one hidden class for all
 * figures, so the code that reads them (packing, the consistency check) stays monomorphic. Figures built
 * property by property had nine shapes, and the packer was compiled again for each new one.
 */
export function newFigure(
  span: Span, text: string, value: number, low: number, high: number, unit: Unit, hedge: string | undefined, noun: string | undefined,
  nounSpan: Span | undefined, qualifiers: string[], subject: string | undefined, measure: string, sentence: number, asOf: number | undefined,
): Figure {
  return { span, text, value, low, high, unit, hedge, noun, nounSpan, qualifiers, subject, measure, sentence, asOf };
}

/** A claim with every property present (see `newFigure`). */
export function newClaim(sentence: number, attribution: Claim['attribution'], asOf: number | undefined, asOfSpan: Span | undefined): Claim {
  return { sentence, attribution, asOf, asOfSpan };
}

/** An attribution with every property present (see `newFigure`). */
export function newAttribution(who: string, key: string | undefined, span: Span): NonNullable<Claim['attribution']> {
  return { who, key, span };
}

export interface Claim {
  sentence: number;
  /** Who says so ("T-Mobile", "the seller"), with the words that say it. */
  attribution?: { who: string; key?: string; span: Span };
  /** An explicit date in the sentence ("As of Aug. 18"), in ms; else the article's date applies. */
  asOf?: number;
  asOfSpan?: Span;
}

export interface SentenceRef {
  span: Span;
  text: string;
}

export interface DocFacts {
  uri: string;
  title: string;
  source?: string;
  /** The article's date in ms, when it has a real one. */
  date?: number;
  /**
   * The calendar day the article's Date names in its own zone (UTC midnight,
   * in ms), when that is not `date`'s day in UTC ("2021-12-15T22:00-05:00"
   * is Dec 15 there, Dec 16 in UTC). Dates are shown by this day.
   */
  day?: number;
  /** The article's own URL (its `+ Link:`), normalised (see `canonicalUrl`). */
  link?: string;
  /** The Link as written, and where. */
  linkUrl?: string;
  linkSpan?: Span;
  sentences: SentenceRef[];
  /** How many of `sentences`, from the first, are the title and subtitle: a headline, not the body. */
  headlines: number;
  entities: DocEntity[];
  figures: Figure[];
  claims: Claim[];
  quotes: { text: string; span: Span; sentence: number }[];
  links: { url: string; span: Span }[];
  authors: string[];
  tags: { name: string; span: Span; key?: string }[];
}
