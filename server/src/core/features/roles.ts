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
  'been', 'has', 'had', 'have', 'and', 'or', 'but', 'while', 'when', 'after', 'before', 'this', 'its', 'their', 'his', 'her', 'our', 'not',
  'i', "i'm", 'i’m', 'me', 'my', 'we', 'you', 'your']);

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
    // "GettyImages US President …": a photo's credit glued to the caption's first words.
    if (/(?:Images?|Photos?)$/.test(w)) break;
    // The organisation the role is held at: its name's words, before the role ("Palo Alto Networks' Unit 42 researcher",
    // "Microsoft 365 product marketing manager").
    if (capitalised(w) || (/^\d+$/.test(w) && k > 0 && capitalised(words[k - 1]))) {
      org = true;
      taken.unshift(w);
      continue;
    }
    // "former US President": what opens a role opens it before the organisation too.
    if (ROLE_OPENERS.has(lower)) { taken.unshift(w); if (org) break; continue; }
    // "Commonwealth Bank of Australia chief", "Bank of America CEO": a small word inside the organisation's name.
    if (org && (lower === 'of' || lower === 'for' || lower === '&') && k > 0 && capitalised(words[k - 1]) && !NOT_IN_ROLE.has(words[k - 1].toLowerCase())) {
      taken.unshift(w);
      continue;
    }
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
  return describedBefore(before, ORG_NOUNS, false);
}

/**
 * The description against a name, read backwards from it (`before`, rendered): a noun of `nouns` and the words that
 * say what kind, back to the clause's small words. With `alone`, the noun is enough after "the" or "a" ("the botnet
 * Emotet"); else it says only that it is one ("firm Hudson Rock").
 */
function describedBefore(before: string, nouns: ReadonlySet<string>, alone: boolean): string | undefined {
  const words = before.trimEnd().split(/\s+/);
  const last = words[words.length - 1]?.toLowerCase();
  if (last === undefined || !nouns.has(last)) return undefined;
  const taken = [words[words.length - 1]];
  let k = words.length - 2;
  for (; k >= 0 && taken.length < 6; k--) {
    let w = words[k];
    if (endsClause(w)) break;
    // A link's text opens with this word ("the [penetration testing tool Mimikatz](…)"): the description starts here.
    const opens = w.startsWith('[');
    if (opens) w = w.slice(1);
    if (/^[(“"‘[]/.test(w)) break;
    const lower = w.toLowerCase();
    if (NOT_IN_DESCRIPTION.has(lower) || /ly$/.test(lower) || (/ed$/.test(lower) && !KIND_PARTICIPLES.has(lower))) break;
    // Lower-case words of the kind ("cybercrime intelligence", "ride-hailing"), and a place's or a people's name ("Israeli",
    // "US-based", "Chinese"); not another name ("Microsoft security firm" is no kind of its own).
    if (!/^[a-z][a-z-]*$/.test(w) && !/^\p{Lu}[\p{Ll}]+(?:-based)?$|^[A-Z]{2,3}-based$/u.test(w)) break;
    if (/^\p{Lu}/u.test(w) && !peoplesOrPlaces(w)) break;
    taken.unshift(w);
    if (opens) break;
  }
  // A noun in capitals is an acronym's letters ("Brazilian RAT Android": BRATA's expansion), no description.
  if (taken.length >= 2) return /^[A-Z]{2,}$/.test(taken[taken.length - 1]) ? undefined : taken.join(' ');
  // A noun alone, written small, after "the" or "a"; not a capitalised word a longer name starts with ("the Software Bill of Materials").
  return alone && /^[a-z]/.test(taken[0]) && k >= 0 && /^(?:the|a|an)$/i.test(words[k]) ? taken[0] : undefined;
}

/** "Hudson Rock, a cybercrime intelligence firm,", "Brightline, the ticketing platform, said": the apposition's noun phrase. */
function kindAfter(after: string): string | undefined {
  return describedAfter(after, ORG_NOUNS);
}

/** The apposition's noun phrase after a name when its last word is one of `nouns` ("Hudson Rock, a cybercrime intelligence firm,"). */
function describedAfter(after: string, nouns: ReadonlySet<string>): string | undefined {
  const m = /^,\s+(?:a|an|the)\s+([a-zA-Z][\w-]*(?:\s+[\w-]+){0,5}?)\s*(?:[,;:.!?)”"]|\s(?:that|which|who|based|headquartered|owned|with|in|of|for|from)\b)/.exec(after);
  if (!m) return undefined;
  const words = m[1].split(/\s+/);
  if (!nouns.has(words[words.length - 1].toLowerCase()) || (words.length < 2 && nouns === ORG_NOUNS)) return undefined;
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
  const apposition = !afterPreposition(sentence, at);
  return readAround(sentence, at, length, kindBefore, (a) => (apposition ? kindAfter(a) : undefined));
}

/**
 * Whether the name at `at` is the object of a preposition that opens the sentence ("In Cayla, a vulnerability lets
 * …"): what comes after its comma is the sentence's subject, no apposition ("the servers of REvil, the Russia-based
 * criminal gang" has one).
 */
function afterPreposition(sentence: string, at: number): boolean {
  return at <= 12 && /^\s*(?:in|on|at|for|with|from|by|like|unlike|via|to)\s+\[?$/i.test(sentence.slice(0, at));
}

/** The nouns an article calls a thing by (software, malware, a flaw, a currency) before its name or in apposition. */
const THING_NOUNS = new Set(['malware', 'ransomware', 'trojan', 'botnet', 'backdoor', 'loader', 'dropper', 'stealer', 'infostealer',
  'spyware', 'stalkerware', 'adware', 'worm', 'rootkit', 'wiper', 'keylogger', 'rat', 'virus', 'implant', 'beacon', 'variant', 'strain',
  'family', 'tool', 'toolkit', 'framework', 'kit', 'vulnerability', 'flaw', 'bug', 'zero-day', 'system', 'browser', 'app',
  'application', 'software', 'platform', 'service', 'cryptocurrency', 'currency', 'coin', 'token', 'library', 'plugin', 'plug-in',
  'extension', 'protocol', 'database', 'server', 'device', 'smartphone', 'phone', 'console', 'program', 'programme', 'suite', 'product',
  'client', 'engine', 'language', 'utility', 'package', 'module', 'campaign', 'technique', 'network', 'marketplace']);

/**
 * The nouns that, right after a thing's name with "the" before it, say what it is: "the Emotet botnet", "the TrickBot
 * trojan", "the Chrome browser". Not those a name also qualifies without being one ("the Android malware", "the Windows
 * vulnerability", "the Exchange server"), nor "loader" and "dropper" ("the Cobalt Strike loader" loads it).
 */
const MALWARE_HEADS = new Set(['trojan', 'botnet', 'backdoor', 'stealer', 'infostealer', 'spyware', 'stalkerware', 'worm', 'rootkit',
  'wiper', 'keylogger', 'rat', 'ransomware']);
const THING_HEADS = new Set([...MALWARE_HEADS, 'browser', 'cryptocurrency', 'framework', 'toolkit', 'stablecoin']);

/**
 * Platforms and languages malware is named after ("the Android trojan", "a Linux backdoor", "a Golang worm", "a Log4j
 * worm"): a malware's noun after them says what the malware runs on or spreads through, not what they are ("the
 * Android operating system" still says it).
 */
const PLATFORMS = new Set(['android', 'ios', 'windows', 'linux', 'macos', 'mac', 'unix', 'java', 'python', 'golang', 'go', 'rust',
  'powershell', 'log4j', 'apache log4j', 'exchange', 'microsoft exchange', 'office', 'microsoft office', 'wordpress', 'esxi', 'vmware esxi']);

/**
 * "the infamous TrickBot trojan": "the", up to two lower-case words, the name, then a noun of `THING_HEADS` (raw text
 * either side of the name, a link around the name allowed).
 */
function thingHead(name: string, before: string, after: string): string | undefined {
  const m = /^ (operating system|[a-zA-Z-]+)\b(?![-’'])/.exec(after.replace(/^\]\([^)\s]*\)/, ''));
  if (!m || !(THING_HEADS.has(m[1].toLowerCase()) || m[1] === 'operating system')) return undefined;
  if (PLATFORMS.has(name.toLowerCase()) && MALWARE_HEADS.has(m[1].toLowerCase())) return undefined;
  // Back from the name: a space, at most two lower-case words, then the article.
  const text = before.replace(/\[$/, '');
  if (!/\s$/.test(text)) return undefined;
  const words = text.trimEnd().split(/\s+/);
  for (let k = words.length - 1; k >= 0 && k >= words.length - 3; k--) {
    if (/^(?:the|a|an)$/i.test(words[k])) return m[1].toLowerCase();
    if (!/^[a-z][a-z-]*$/.test(words[k])) return undefined;
  }
  return undefined;
}

/**
 * What a thing (software, malware, a flaw, a currency) is, as a sentence that names it at `at…at+length` says: "banking
 * trojan" from "the banking trojan TrickBot" or "TrickBot, a banking trojan,", "botnet" from "the Emotet botnet".
 */
export function thingAt(sentence: string, at: number, length: number): string | undefined {
  // "the unique malware Sourgum created": the name starts a clause of its own, and the description is of something else.
  const clause = /^(?:\]\([^)\s]*\))?\s+[a-z]+ed\b/.test(sentence.slice(at + length, at + length + 80));
  const apposition = !afterPreposition(sentence, at);
  return readAround(sentence, at, length, (b) => (clause ? undefined : describedBefore(b, THING_NOUNS, true)), (a) => (apposition ? describedAfter(a, THING_NOUNS) : undefined))
    ?? thingHead(sentence.slice(at, at + length), sentence.slice(Math.max(0, at - 40), at), sentence.slice(at + length, at + length + 40));
}

// ---------------------------------------------------------------------------
// A vulnerability's name and its CVE identifier, each on the other's card

/*
 * The patterns below are written out whole (not built from shared pieces) so that the repository's audit of regular
 * expressions pumps each of them: a CVE identifier as prose writes it ("CVE-2021-44228", "cve-2021-44228", "CVE
 * 2021-44228"), captured as `id`; a coined name of one word for a flaw ("Log4Shell", "PrintNightmare", "Zerologon",
 * "SMBGhost"), at most 41 characters, captured as `name`; and what stands between them.
 *
 * Between a name and the identifier after it: "Log4Shell (CVE-…", "PrintNightmare bug, tracked as CVE-…", a flaw's noun
 * captured as `noun` and the cue as `cue` (`named`). Not a colon: "Microsoft Netlogon: CVE-2020-1472" heads a list's
 * entry with the product.
 *
 * Between an identifier and the name after it: "CVE-2021-34527 (PrintNightmare)", "CVE-2020-1472, also known as
 * Zerologon", "([CVE-…](…)), known as Log4Shell".
 */
const ID_AFTER_NAME_RE = /^(?:[’']s)?[’'"”]?(?:\s+(?<noun>bug|flaw|vulnerability|vuln|exploit|issue|zero-day))?(?:\s*\(\s*|,?\s+(?<cue>tracked as|also tracked as|also known as|aka|a\.k\.a\.?|designated|identified as|assigned)\s+)\[?(?<id>CVE[- ](?:199\d|20\d\d)-\d{4,7})\b/i;
const ID_BEFORE_NAME_RE = /(?<id>CVE[- ](?:199\d|20\d\d)-\d{4,7})\]?(?:\([^()\s]*\))?\)?(?:\s*\(\s*(?:(?<cue>aka|a\.k\.a\.?|also known as|dubbed)\s+)?|,?\s+(?<cue2>dubbed|aka|a\.k\.a\.?|also known as|known as|nicknamed|also called|called)\s+(?:the\s+)?)[“"‘']?$/i;
const NAME_BEFORE_ID_RE = /(?:^|[\s“"‘'[(])(?<name>[A-Z][A-Za-z0-9]{0,40})\]?(?:\([^()\s]*\))?(?:[’']s)?[’'"”]?(?:\s+(?<noun>bug|flaw|vulnerability|vuln|exploit|issue|zero-day))?(?:\s*\(\s*|,?\s+(?<cue>tracked as|also tracked as|also known as|aka|a\.k\.a\.?|designated|identified as|assigned)\s+)\[?$/;
const NAME_AFTER_ID_RE = /^\]?(?:\([^()\s]*\))?\)?(?:\s*\(\s*(?:(?<cue>aka|a\.k\.a\.?|also known as|dubbed)\s+)?|,?\s+(?<cue2>dubbed|aka|a\.k\.a\.?|also known as|known as|nicknamed|also called|called)\s+(?:the\s+)?)[“"‘']?(?<name>[A-Z][A-Za-z0-9]{0,40})(?![\w-]|\s+[A-Z])/;

/**
 * Words before a product's name, not a flaw's: "a flaw in Chrome (CVE-…)", "a bug affecting Exchange (CVE-…)"; and before a
 * family's ("another PrintNightmare bug, tracked as CVE-2021-34483", one of several). Not "for" or "of", which come before
 * either: "the patch for Log4Shell (CVE-2021-44228)".
 */
const OF_A_PRODUCT_RE = /\b(?:in|within|affecting|impacting|targeting|versions?|another)\s+(?:the\s+)?\[?$/i;

/**
 * Whether words that give a name join it and the identifier: "also known as", "aka", "dubbed", "known as", "called"
 * ("CVE-2020-1472, also known as Zerologon"). Without them, a bare bracket ("Log4j (CVE-2021-44228)", "CVE-2022-21907
 * (Critical)", "CVE-2018-13379 (Fortinet)"), a flaw's noun or "tracked as" join a product's name, a severity or a vendor
 * as often as a flaw's, and only a coined name counts (`coined`).
 */
function named(m: RegExpExecArray): boolean {
  const cue = m.groups?.cue ?? m.groups?.cue2;
  return cue !== undefined && !/^(?:tracked|also tracked|designated|identified|assigned)/i.test(cue) && m.groups?.noun === undefined;
}

/** A name made up for a flaw, with a capital inside: "PrintNightmare", "Log4Shell", "SMBGhost", "BlueKeep"; not "Sudo", "Log4j". */
export function coined(name: string): boolean {
  return /[a-z0-9][A-Z]|[A-Z][A-Z][a-z]/.test(name);
}

/** A word that names no flaw however it stands beside an identifier. */
const NOT_FLAW_NAMES = new Set(['cvss', 'cve', 'cwe', 'nvd', 'the', 'this', 'that', 'these', 'it', 'and', 'or', 'see', 'read', 'patch', 'update',
  'microsoft', 'apple', 'google', 'cisco', 'vmware', 'apache', 'oracle', 'adobe', 'windows', 'chrome', 'exchange', 'confluence']);

function flawName(word: string): boolean {
  return !NOT_FLAW_NAMES.has(word.toLowerCase()) && !/^[A-Z0-9]{1,5}$/.test(word) && /[a-z]/.test(word);
}

/**
 * The text before `at` that a name and its identifier may stand in (a link's address between them included), from a
 * word's start: at most 300 characters, so that a long sentence costs no more (article text is untrusted).
 */
function textBefore(sentence: string, at: number): string {
  let from = Math.max(0, at - 300);
  if (from > 0) while (from < at && !/\s/.test(sentence.charAt(from - 1))) from++;
  return sentence.slice(from, at);
}

/** The last word of `text` before `end`, past the white space there ("" when none). One pass back. */
function lastWord(text: string, end: number): string {
  let e = end;
  while (e > 0 && /\s/.test(text.charAt(e - 1))) e--;
  let b = e;
  while (b > 0 && !/\s/.test(text.charAt(b - 1))) b--;
  return text.slice(b, e);
}

/** "CVE 2021-44228", "cve-2021-44228" → "CVE-2021-44228". */
function cveId(written: string): string {
  return written.toUpperCase().replace(' ', '-');
}

/**
 * The CVE identifier a sentence gives the flaw named at `at…at+length` ("Log4Shell (CVE-2021-44228)", "PrintNightmare,
 * tracked as CVE-2021-1675", "CVE-2020-1472, also known as Zerologon"), read for a thing's card: "Tracked as …". Only a
 * coined name of one word: "Print Spooler (CVE-2021-1675)" names the part a flaw is in, and "a flaw in Chrome (CVE-…)" the
 * product.
 */
export function cveOfNameAt(sentence: string, at: number, length: number): string | undefined {
  const name = sentence.slice(at, at + length).replace(/[’']s$/, '');
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name) || !flawName(name)) return undefined;
  const before = textBefore(sentence, at);
  const after = /^(?:\]\([^)\s]*\))?/.exec(sentence.slice(at + length, at + length + 300))!;
  const rest = sentence.slice(at + length + after[0].length, at + length + 300);
  const forward = OF_A_PRODUCT_RE.test(before) ? null : ID_AFTER_NAME_RE.exec(rest);
  if (forward && (named(forward) || coined(name))) return cveId(forward.groups!.id);
  if (forward) return undefined;
  const back = ID_BEFORE_NAME_RE.exec(before);
  return back && !/[\w-]/.test(sentence.charAt(at + length)) && (named(back) || coined(name)) ? cveId(back.groups!.id) : undefined;
}

/**
 * The name a sentence gives the flaw whose CVE identifier stands at `at…at+length` ("Log4Shell (CVE-2021-44228)", "CVE-2021-34527
 * (PrintNightmare)", "CVE-2020-1472, also known as Zerologon"), read for the identifier's card: "Named …". The same coined
 * names of one word as `cveOfNameAt`.
 */
export function nameOfCveAt(sentence: string, at: number, length: number): string | undefined {
  // A link's address may stand between; a window's edge would cut a name ("ZeroLogon" to "Zero").
  // A name after the identifier is given as its name ("CVE-2021-34527 (PrintNightmare)", "…, known as Log4Shell"): it goes
  // first, before a name before it that may be the product's ("the Log4j vulnerability (CVE-2021-44228), known as Log4Shell").
  const forward = NAME_AFTER_ID_RE.exec(sentence.slice(at + length, at + length + 300));
  if (forward && flawName(forward.groups!.name) && (named(forward) || coined(forward.groups!.name))) return forward.groups!.name;
  const before = textBefore(sentence, at);
  const back = NAME_BEFORE_ID_RE.exec(before);
  if (!back || !flawName(back.groups!.name) || !(named(back) || coined(back.groups!.name))) return undefined;
  // Not the last word of a longer name ("Windows Print Spooler (CVE-…)", "macOS Monterey"): only "the" or lower-case words before it.
  const nameStart = back.index + back[0].indexOf(back.groups!.name);
  const ahead = lastWord(before, nameStart);
  if (OF_A_PRODUCT_RE.test(before.slice(0, nameStart)) || (/[A-Z]/.test(ahead) && !/^(?:The|A|An)$/.test(ahead))) return undefined;
  return back.groups!.name;
}
