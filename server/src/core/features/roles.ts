/**
 * Who a person is, as a sentence that names them says it: the role written
 * before the name ("Robinhood chief security officer Caleb Sima", "Mandiant
 * SVP and CTO, Charles Carmakal") or in apposition after it ("Satnam Narang,
 * staff research engineer at Tenable, said"); and what an organisation is
 * ("cybercrime intelligence firm Hudson Rock", "REvil, a ransomware group,").
 * Read when a card is asked for, from the sentences the card reads anyway;
 * the index keeps none of it, so extraction, its cache and its speed are
 * untouched.
 *
 * Rules, not a parser, and erring towards silence: a role is only taken where
 * a word of a role ("officer", "CEO", "researcher") stands right against the
 * name, or within the first words of an apposition that ends where the
 * sentence goes on.
 */
import { ROLE_WORDS } from '../extract/lexicon';
import { readable } from '../text';

/** Roles' words besides the lexicon's: executives' acronyms it leaves out ("SVP and CTO", "EVP and GM"). */
const MORE_ROLE_WORDS = new Set(['svp', 'evp', 'avp', 'gm', 'cpo', 'cro', 'cdo', 'cco', 'md']);

/** Titles of address: a role of their own only with another role word ("Dr" alone says nothing of who someone is). */
const HONORIFICS = new Set(['mr', 'ms', 'mrs', 'dr', 'prof', 'sen', 'rep', 'gov']);

/** Words in -ed that are words of a role ("distinguished engineer"), where any other ends it ("appointed CEO"). */
const ROLE_PARTICIPLES = new Set(['distinguished', 'retired', 'elected', 'designated']);

/** Words that may open a role before its first role word: "former NSA director", "acting CEO". */
const ROLE_OPENERS = new Set(['former', 'acting', 'interim', 'then', 'ex', 'co']);

/** Small words a role read backwards from a name never holds: they belong to the clause around it. */
const NOT_IN_ROLE = new Set(['the', 'a', 'an', 'to', 'by', 'with', 'from', 'for', 'in', 'on', 'at', 'as', 'that', 'who', 'which', 'whose',
  'about', 'into', 'over', 'under', 'between', 'among', 'against', 'like', 'via', 'per', 'than', 'through', 'without', 'within', 'behind',
  'during', 'since', 'until', 'upon', 'toward', 'towards', 'if', 'so', 'then', 'also', 'even', 'only', 'both', 'all', 'some', 'many',
  // Verbs and prepositions in -ing ("marketing", "engineering" are words of a role: "product marketing manager").
  'including', 'following', 'regarding', 'concerning', 'using', 'hiring', 'citing', 'quoting', 'featuring', 'involving', 'targeting',
  'joining', 'becoming', 'being', 'naming', 'thanking', 'blaming', 'accusing', 'urging', 'asking', 'telling', 'saying', 'meeting',
  // Verbs whose object a person is: "refuses to accept Minister Reynolds' claim", "met Prime Minister …".
  'accept', 'meet', 'met', 'thank', 'blame', 'ask', 'tell', 'call', 'hire', 'appoint', 'name', 'join', 'elect', 'fire', 'replace',
  'succeed', 'interview', 'invite', 'contact', 'urge', 'warn', 'sue', 'charge', 'arrest',
  'said', 'says', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'noted', 'explained', 'according', 'is', 'was', 'are', 'were', 'be',
  'been', 'has', 'had', 'have', 'and', 'or', 'but', 'while', 'when', 'after', 'before', 'this', 'its', 'their', 'his', 'her', 'our', 'not']);

/** Where an apposition's role stops: a verb or a relative word goes on with the sentence ("…, who said", "…, is"). */
const APPOSITION_STOP_RE = /\s(?:who|which|that|is|was|are|were|has|had|have|said|says|told|tells|added|adds|explained|noted|wrote|writes|will|would|pointed|argued|warned|stressed|commented|observed|asserted|claimed|confirmed|revealed|agreed|cautioned|emphasi[sz]ed|continued|concluded|shared|suggested|believes|thinks|focusing|focused|working|specializing|specialising|responsible|and\s+(?:the|a|an)\b)\b/;

/**
 * Whether a word's last character ends a clause before a name: a comma, a bracket, a quotation mark, a full stop;
 * not the point of an abbreviation ("Manhattan U.S. Attorney", "Acme Inc. CEO").
 */
function endsClause(word: string): boolean {
  if (!/[,;:.!?)\]”"]$/.test(word)) return false;
  return !/^(?:\p{Lu}\.){2,}$|^(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Dept|Gov|Sen|Rep)\.$/u.test(word);
}

/** A role word ("officer", "CEO", "Co-Founder"), not a plural ("researchers" name a group). */
function isRoleWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[’']s$/, '').replace(/\.$/, '');
  if (ROLE_WORDS.has(w) || MORE_ROLE_WORDS.has(w)) return !(w.length > 4 && w.endsWith('s') && !w.endsWith('ss'));
  return w.includes('-') && w.split('-').every((p) => ROLE_WORDS.has(p) || ROLE_OPENERS.has(p));
}

/** Whether the words hold a role of their own: a role word that is not only a title of address. */
function realRole(words: readonly string[]): boolean {
  return words.some((w) => isRoleWord(w) && !HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')));
}

/** Whether a word starts with a capital (of any script). */
function capitalised(word: string): boolean {
  const c = word.codePointAt(0) ?? 0;
  return (c >= 65 && c <= 90) || (c > 127 && /^\p{Lu}/u.test(word));
}

/**
 * The role written right before a name, read backwards from it: role words and the small words between them
 * ("chief security officer", "SVP and CTO"), then the organisation's name before them ("Robinhood", "T-Mobile's").
 * `before` is the sentence's text up to the name, as rendered.
 */
function roleBefore(before: string): string | undefined {
  let text = before.trimEnd();
  // "Mandiant SVP and CTO, Charles Carmakal": a role set off by a comma right before the name.
  if (text.endsWith(',')) text = text.slice(0, -1);
  const words = text.split(/\s+/);
  const taken: string[] = [];
  let org = false;
  let modifiers = 0;
  for (let k = words.length - 1; k >= 0 && taken.length < 9; k--) {
    const w = words[k];
    // Punctuation after a word ends the clause the role is in ("In a statement, Mandiant SVP …"): that word is not in it.
    if (k < words.length - 1 && endsClause(w)) break;
    if (/^[(“"‘[]/.test(w)) {
      // An opening bracket or quotation mark: the role starts at this word, if it is one.
      const bare = w.replace(/^[(“"‘[]+/, '');
      if (bare && (isRoleWord(bare) || (capitalised(bare) && !NOT_IN_ROLE.has(bare.toLowerCase())))) taken.unshift(bare);
      break;
    }
    const lower = w.toLowerCase();
    if (!org && isRoleWord(w)) { taken.unshift(w); continue; }
    if (taken.length === 0) return undefined; // the word right before the name is no role's
    if (!org && (lower === 'and' || lower === '&' || lower === 'of') && k > 0 && isRoleWord(words[k - 1])) { taken.unshift(w); continue; }
    // "As President Joseph Biden's order", "When CEO …": a small word capitalised to open the sentence ends the role.
    if (capitalised(w) && NOT_IN_ROLE.has(lower)) break;
    // The organisation the role is held at: its name's words, before the role ("Palo Alto Networks' Unit 42 researcher",
    // "Microsoft 365 product marketing manager").
    if (capitalised(w) || (/^\d+$/.test(w) && k > 0 && capitalised(words[k - 1]))) {
      org = true;
      taken.unshift(w);
      continue;
    }
    // "former US President": what opens a role opens it before the organisation too.
    if (ROLE_OPENERS.has(lower)) { taken.unshift(w); if (org) break; continue; }
    if (org) break;
    // A lower-case word of the role: inside it ("security" in "chief security officer") or saying what of ("threat
    // analyst", "sales engineer", "corporate communications vice president"); not a verb's or a preposition's.
    if (NOT_IN_ROLE.has(lower) || (/(?:ed|ly)$/.test(lower) && !ROLE_PARTICIPLES.has(lower)) || !/^[a-z][a-z-]*$/.test(lower) || ++modifiers > 3) break;
    taken.unshift(w);
  }
  while (taken.length && /^(?:and|&|of)$/i.test(taken[0])) taken.shift();
  // "Committee chairwoman Rep. Carolyn Maloney": a title of address last is the name's, not the role's.
  while (taken.length > 1 && HONORIFICS.has(taken[taken.length - 1].toLowerCase().replace(/\.$/, ''))) taken.pop();
  if (!realRole(taken)) return undefined;
  return taken.join(' ');
}

/**
 * The role in apposition after a name: ", staff research engineer at Tenable,", ", the CEO of Acme.", ", Acme's chief
 * executive, said". Only up to where the sentence goes on (a comma, a verb), a dozen words at most, with a role word
 * in its first five.
 */
function roleAfter(after: string): string | undefined {
  const m = /^,\s+(?:(?:the|a|an)\s+)?([^,;:.!?()“”"\[\]]{2,120})(?:[,;:.!?)”"]|$)/.exec(after);
  if (!m) return undefined;
  let phrase = m[1].trim();
  const stop = APPOSITION_STOP_RE.exec(` ${phrase}`);
  if (stop) phrase = ` ${phrase}`.slice(0, stop.index).trim();
  const words = phrase.split(/\s+/);
  if (words.length === 0 || words.length > 12) return undefined;
  if (!realRole(words.slice(0, 5))) return undefined;
  return phrase;
}

/** How much of the sentence before the name is read (after it, twice as much: a link's address may stand in the role). */
const WINDOW = 160;

/**
 * What `before` and `after` read of the name at `at…at+length` of a sentence (offsets in its raw text), as the writer
 * would read it. Each side is rendered (no Markdown link syntax or escapes: "[Tenable](https://…)"), a link around the
 * name itself leaving "[" before it and "](…)" after it; only a window of each is read, whatever the sentence's length.
 * A name glued to what precedes it ("@Caleb", "ex-Sima") has nothing written before it.
 */
function readAround(sentence: string, at: number, length: number, before: (text: string) => string | undefined, after: (text: string) => string | undefined): string | undefined {
  const raw = sentence.slice(Math.max(0, at - WINDOW), at).replace(/\[$/, '');
  const next = readable(sentence.slice(at + length, at + length + 2 * WINDOW).replace(/^\]\([^)\s]*\)/, ''));
  const found = (/\s$/.test(raw) ? before(readable(raw)) : undefined) ?? after(next.replace(/^[’']s\b/, ''));
  return found?.replace(/\s+/g, ' ');
}

/** The role a sentence gives the person it names at `at…at+length`; undefined where it gives none. */
export function roleAt(sentence: string, at: number, length: number): string | undefined {
  return readAround(sentence, at, length, roleBefore, roleAfter);
}

/**
 * The nouns an article calls an organisation by before its name or in apposition: "security firm ESET", "Hudson Rock,
 * a cybercrime intelligence firm,". A closed list: the last word of what an organisation is.
 */
const ORG_NOUNS = new Set(['firm', 'company', 'vendor', 'provider', 'giant', 'maker', 'startup', 'start-up', 'agency', 'gang', 'group',
  'operator', 'platform', 'exchange', 'service', 'outlet', 'publication', 'site', 'website', 'app', 'retailer', 'bank', 'insurer',
  'hospital', 'university', 'lab', 'laboratory', 'organization', 'organisation', 'nonprofit', 'non-profit', 'watchdog', 'regulator',
  'broker', 'marketplace', 'developer', 'manufacturer', 'carrier', 'chain', 'network', 'consultancy', 'contractor', 'supplier',
  'distributor', 'conglomerate', 'subsidiary', 'cooperative', 'charity', 'authority', 'department', 'ministry', 'body', 'institute',
  'operation', 'collective', 'syndicate', 'crew', 'team', 'brand', 'business', 'airline', 'utility', 'telco', 'newspaper', 'magazine',
  'protocol', 'project', 'studio', 'publisher', 'school', 'district', 'clinic', 'pharmacy', 'messenger', 'forum', 'market']);

/** Words a description read backwards from a name stops at besides `NOT_IN_ROLE`: "the", and where a clause is. */
const NOT_IN_DESCRIPTION = new Set([...NOT_IN_ROLE, 'of', 'said', 'its', 'his', 'her', 'another', 'other', 'one', 'two', 'three', 'several', 'new',
  'around', 'seen', 'been', 'done', 'made', 'taken', 'known', 'shown', 'given', 'become', 'hit', 'hits', 'set', 'put', 'led', 'run', 'won',
  'lost', 'bought', 'buys', 'buy', 'acquires', 'acquire', 'sold', 'sells', 'sent', 'left', 'found', 'held', 'kept', 'sues', 'joins', 'hires',
  'scoops', 'up', 'down', 'out', 'off', 'now', 'more', 'most', 'very', 'acquiring', 'buying', 'selling', 'owning', 'launching']);

/** Words in -ed that say what kind of organisation it is ("embattled spyware maker"); any other ends a description ("ordered"). */
const KIND_PARTICIPLES = new Set(['embattled', 'beleaguered', 'troubled', 'undisclosed', 'unnamed', 'regulated', 'licensed', 'registered',
  'listed', 'affected', 'targeted', 'breached', 'hacked', 'compromised', 'sanctioned', 'state-owned', 'privately-held', 'family-owned']);

/** A capitalised word that is a people's or a place's adjective ("Israeli", "Chinese", "Russia-based"), not a name. */
function peoplesOrPlaces(word: string): boolean {
  return /(?:an|ese|ish|i|ic|-based)$/.test(word);
}

/**
 * What an organisation is, as the words right before its name say: "cybercrime intelligence firm Hudson Rock",
 * "Israeli spyware maker NSO Group", "ride-hailing giant Uber": the noun of `ORG_NOUNS` against the name and the words
 * that say what kind, back to the clause's small words.
 */
function kindBefore(before: string): string | undefined {
  const words = before.trimEnd().split(/\s+/);
  const last = words[words.length - 1]?.toLowerCase();
  if (last === undefined || !ORG_NOUNS.has(last)) return undefined;
  const taken = [words[words.length - 1]];
  for (let k = words.length - 2; k >= 0 && taken.length < 6; k--) {
    const w = words[k];
    if (endsClause(w) || /^[(“"‘[]/.test(w)) break;
    const lower = w.toLowerCase();
    if (NOT_IN_DESCRIPTION.has(lower) || /ly$/.test(lower) || (/ed$/.test(lower) && !KIND_PARTICIPLES.has(lower))) break;
    // Lower-case words of the kind ("cybercrime intelligence", "ride-hailing"), and a place's or a people's name ("Israeli",
    // "US-based", "Chinese"); not another name ("Microsoft security firm" is no kind of its own).
    if (!/^[a-z][a-z-]*$/.test(w) && !/^\p{Lu}[\p{Ll}]+(?:-based)?$|^[A-Z]{2,3}-based$/u.test(w)) break;
    if (/^\p{Lu}/u.test(w) && !peoplesOrPlaces(w)) break;
    taken.unshift(w);
  }
  // "firm Hudson Rock" alone says only that it is one; a word of what kind makes it a description.
  return taken.length >= 2 ? taken.join(' ') : undefined;
}

/** "Hudson Rock, a cybercrime intelligence firm,", "Brightline, the ticketing platform, said": the apposition's noun phrase. */
function kindAfter(after: string): string | undefined {
  const m = /^,\s+(?:a|an|the)\s+([a-zA-Z][\w-]*(?:\s+[\w-]+){0,5}?)\s*(?:[,;:.!?)”"]|\s(?:that|which|who|based|headquartered|owned|with|in|of|for|from)\b)/.exec(after);
  if (!m) return undefined;
  const words = m[1].split(/\s+/);
  if (!ORG_NOUNS.has(words[words.length - 1].toLowerCase()) || words.length < 2) return undefined;
  if (words.some((w) => NOT_IN_DESCRIPTION.has(w.toLowerCase()))) return undefined;
  // A description is common words ("a cybercrime intelligence firm"), a people's or a place's adjective aside ("the
  // Russia-based criminal gang"): ", the State Department," after "the Defense Department" is the next of a list.
  if (words.some((w) => /^\p{Lu}/u.test(w) && !peoplesOrPlaces(w))) return undefined;
  return m[1];
}

/**
 * What an organisation is, as a sentence that names it at `at…at+length` says: "cybercrime intelligence firm" from
 * "cybercrime intelligence firm Hudson Rock" or "Hudson Rock, a cybercrime intelligence firm,"; undefined where it
 * says nothing of the kind.
 */
export function kindAt(sentence: string, at: number, length: number): string | undefined {
  return readAround(sentence, at, length, kindBefore, kindAfter);
}
