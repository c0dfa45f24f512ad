/**
 * Renaming a name in the article (F2): every mention of the entity here and
 * every tag that stands for it, written anew. Only this article: the others
 * are sources as published, and the corpus's way of writing a name is what
 * `name.variant` compares with.
 *
 * A mention written as the one renamed is replaced by the new name; a longer
 * form holding it at its start or end ("John Binns" when "Binns" is renamed)
 * has those words replaced; a shorter form made of its first or last words
 * ("Binns" when "John Binns" is renamed) takes the same words of the new
 * name, when it has as many ("Jon Bins" makes "Binns" "Bins"). Any other form
 * (an acronym, a handle) is left as it is. A possessive stays ("Binns’s" →
 * "Bins’s"): it is never part of a mention's name. Words are split at white
 * space (and a block quotation's `>`), so a name wrapped over two lines is
 * written on one.
 */
import { isCveId } from '../extract/entities';
import type { IndexedDoc } from '../index/corpus';
import type { TextEdit } from '../diagnostics';
import type { Span } from '../text';
import { entitySpans } from './navigation';
import { targetAt } from './locate';

/**
 * What F2 on `offset` renames: the name as written there (its possessive left out, its words one space apart however
 * the lines are wrapped) and where it stands in `text`; or why nothing.
 */
export function renameTarget(doc: IndexedDoc, text: string, offset: number): { span: Span; name: string; key: string } | { refused: string } {
  const t = targetAt(doc, offset);
  if (!t || t.kind !== 'mention') {
    return { refused: t?.kind === 'figure' ? 'A figure is not renamed: edit it where it stands.' : 'Only a name Breach Desk recognised (a person, an organisation, a place, an outlet) can be renamed.' };
  }
  const written = withOwnS(doc, t.key, text, t.span.start, bare(text.slice(t.span.start, t.span.end)));
  return { span: { start: t.span.start, end: t.span.start + written.length }, name: wordsOf(written).join(' '), key: t.key };
}

/**
 * `written` with the "'s" after it where the name itself ends so ("Moody's", "McDonald's": the entity's name keeps it,
 * its mentions stand without it), so that a rename writes the whole name and no "'s" is left over to double.
 */
function withOwnS(doc: IndexedDoc, key: string, text: string, start: number, written: string): string {
  const name = doc.facts.entities.find((e) => e.key === key)?.name;
  if (!name || !/['’]s$/.test(name) || /['’]s$/.test(written)) return written;
  const after = text.slice(start + written.length, start + written.length + 2);
  return /^['’]s$/.test(after) ? written + after : written;
}

/** A name's words, however its lines are wrapped (a block quotation's `>` is none of them). */
function wordsOf(s: string): string[] {
  return s.split(/\s+(?:>[ \t]*)*/).filter(Boolean);
}

/** The edits that write the name at `offset` as `newName` at each of its mentions here; or why they cannot. */
export function renameEdits(doc: IndexedDoc, text: string, offset: number, newName: string): TextEdit[] | { refused: string } {
  const target = renameTarget(doc, text, offset);
  if ('refused' in target) return target;
  const name = newName.trim();
  if (!name) return { refused: 'A name cannot be empty.' };
  if (/[\r\n]/.test(name)) return { refused: 'A name is written on one line.' };
  // (A tab, a NUL or a direction override written into every mention would be invisible, or turn the text round.)
  if (/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name)) return { refused: 'A name cannot hold control or direction characters.' };
  if (/\[\[|\]\]/.test(name)) return { refused: 'A name cannot hold "[[" or "]]": it would break the tags.' };
  // A CVE identifier is one word however written ("CVE 2021-44228", "cve-2021-44228"): each mention becomes the new one.
  // (By its key, not its kind: an identifier pinned as an organisation is still one.)
  const vulnerability = isCveId(target.key);
  if (vulnerability && !isCveId(name)) return { refused: 'A CVE identifier is renamed to another: CVE-, a year, a hyphen and a number of four digits or more (CVE-2021-44228).' };
  const oldWords = target.name.split(' ');
  const newWords = name.split(/\s+/);
  const edits: TextEdit[] = [];
  for (const span of entitySpans(doc.facts, target.key, target.span)) {
    const written = withOwnS(doc, target.key, text, span.start, bare(text.slice(span.start, span.end)));
    const replacement = vulnerability ? name.toUpperCase() : replacementFor(written, oldWords, newWords);
    if (replacement === undefined || replacement === written) continue;
    edits.push({ span: { start: span.start, end: span.start + written.length }, newText: replacement });
  }
  return edits;
}

/** A mention's name without its possessive ("Binns’s", "T-Mobile's", "customers’"). */
function bare(written: string): string {
  return written.replace(/['’]s$|(?<=s)['’]$/, '');
}

/**
 * What a mention becomes when the words `oldWords` (the mention renamed) are written `newWords`: the same words, the
 * new ones; a longer form that ends or starts with them ("John Binns" when "Binns" is renamed), those words replaced;
 * a shorter form of them ("Binns" when "John Binns" is renamed), the same words of the new name where it has as many.
 */
function replacementFor(written: string, oldWords: string[], newWords: string[]): string | undefined {
  const words = wordsOf(written);
  // (Straight and curly apostrophes alike: "Moody's" and "Moody’s" are one name.)
  const fold = (w: string) => w.toLowerCase().replace(/’/g, "'");
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((w, i) => fold(w) === fold(b[i]));
  const k = oldWords.length;
  if (same(words, oldWords)) return newWords.join(' ');
  if (words.length > k) {
    // (A new name that already holds the longer form's other words is that form: "Binns" renamed "John Binns" leaves
    // "John Binns" as it is, not "John John Binns".)
    if (same(words.slice(-k), oldWords)) {
      const before = words.slice(0, -k);
      return same(newWords.slice(0, before.length), before) ? newWords.join(' ') : [...before, ...newWords].join(' ');
    }
    if (same(words.slice(0, k), oldWords)) {
      const after = words.slice(k);
      return same(newWords.slice(-after.length), after) ? newWords.join(' ') : [...newWords, ...after].join(' ');
    }
    return undefined;
  }
  if (newWords.length !== k) return undefined;
  const n = words.length;
  if (same(words, oldWords.slice(-n))) return newWords.slice(-n).join(' ');
  if (same(words, oldWords.slice(0, n))) return newWords.slice(0, n).join(' ');
  return undefined;
}
