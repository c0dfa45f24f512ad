/**
 * Tag hygiene. Scraped tag lines are full of words that are not subjects:
 * punctuation stuck on (`[[names,]]`), possessives (`[[T-Mobile’s]]`),
 * common words (`[[it’s]]`) and spellings that differ only in case
 * (`[[Threatpost]] [[ThreatPost]]`). Each finding has a fix that edits only
 * that tag: it rewrites it (to the longer name the body writes, when the tag
 * is one word of it: `[[Hat:]]` to `[[Black Hat]]`), or removes it when the
 * clean form is already there or is no subject either (`[[Sept.]]`, `[[Mr.]]`).
 */
import type { Article, Tag, TagGroup } from '../syntax/ast';
import { diag, type Diagnostic, type Fix, type TextEdit } from '../diagnostics';
import { trimEndWhere } from '../text';

const STOP_WORDS = new Set([
  "it's", 'its', 'it', 'i', "i'm", "i've", "i'd", 'we', "we're", 'you', "you're", 'he', "he's", 'she', "she's",
  'they', "they're", 'the', 'a', 'an', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'for', 'with',
  'this', 'that', "that's", 'these', 'those', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'there', "there's",
  'their', 'our', 'my', 'your', 'his', 'her', 'as', 'by', 'from', 'not', 'no', 'yes', 'so', 'if', 'then', 'than',
  'also', 'just', 'what', 'who', 'how', 'why', 'when', 'where', 'which', 'said', 'says', 'can', 'could', 'would',
  'should', 'will', 'may', 'might', 'do', 'does', 'did', 'has', 'have', 'had', 'one', 'all', 'some', 'more', 'most',
  'other', 'new', 'about', 'after', 'before', 'into', 'over', 'under', 'while', 'still', 'even', 'however',
  // "[[Million)]]" cut from "($600 Million)": a number's word is no subject.
  'hundred', 'thousand', 'million', 'billion', 'trillion', 'millions', 'billions', 'thousands',
  // "[[couldn’t]]", offered after "[[Co" as a topic.
  "can't", "couldn't", "won't", "wouldn't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
  "shouldn't", "hasn't", "haven't", "hadn't", "we've", "you've", "they've", "it'll", "we'll", "they'll", "you'll",
]);

/**
 * Common English words that name no subject, beyond `STOP_WORDS`: adverbs and the words that open a sentence or a
 * line ("Well,", "Overall,", "Next,", "SEE:", "Image:"), generic nouns, verbs and adjectives ("day", "out",
 * "percent", "please", "better"), Latin abbreviations. Cut with punctuation from the body, such a word is removed,
 * not cleaned into a tag, even where the title writes it ("[[day,]]" of "Mac Zero-Day Targets …", "[[out.]]" of
 * "… out of date …"): the title names no more of a subject with it. Not the trade's own words ("data", "breach",
 * "attack", "malware", "devices"): those stay, cleaned, where the title writes them.
 */
const COMMON_WORDS = new Set([
  // Adverbs, sentence openers and replies.
  'well', 'next', 'overall', 'thus', 'ultimately', 'previously', 'currently', 'finally', 'first', 'firstly', 'second', 'secondly', 'third',
  'lastly', 'therefore', 'meanwhile', 'instead', 'indeed', 'actually', 'basically', 'really', 'simply', 'already', 'again', 'always',
  'never', 'often', 'sometimes', 'usually', 'perhaps', 'maybe', 'probably', 'certainly', 'clearly', 'especially', 'eventually', 'recently',
  'later', 'earlier', 'soon', 'now', 'today', 'yesterday', 'tomorrow', 'here', 'anyway', 'otherwise', 'moreover', 'furthermore',
  'additionally', 'similarly', 'likewise', 'hence', 'accordingly', 'specifically', 'generally', 'typically', 'essentially', 'apparently',
  'obviously', 'fortunately', 'unfortunately', 'interestingly', 'importantly', 'notably', 'originally', 'initially', 'ok', 'okay', 'yeah',
  'hello', 'hi', 'please', 'thanks', 'thank', 'sorry', 'oh', 'else', 'ever', 'yet', 'too', 'very', 'quite', 'rather', 'almost', 'nearly',
  'only', 'though', 'although', 'because', 'since', 'unless', 'until', 'whether', 'either', 'neither', 'both', 'each', 'every', 'any',
  'many', 'much', 'few', 'several', 'such', 'same', 'own', 'another', 'others', 'etc', 'e.g.', 'i.e.', 'aka', 'vs', 'via', 'per',
  // Particles and prepositions.
  'up', 'down', 'out', 'off', 'away', 'back', 'around', 'through', 'across', 'along', 'without', 'within', 'between', 'among', 'against',
  'during', 'toward', 'towards', 'upon', 'onto', 'beyond', 'behind', 'below', 'above', 'near', 'like', 'unlike',
  // Generic nouns, and the labels of a page ("Image:", "SEE:", "Truth:", "Q:").
  'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'time', 'times', 'way', 'ways', 'thing', 'things', 'lot', 'lots',
  'part', 'parts', 'kind', 'sort', 'type', 'types', 'number', 'numbers', 'place', 'point', 'case', 'fact', 'example', 'end', 'side',
  'hand', 'tonight', 'morning', 'night', 'people', 'person', 'everyone', 'someone', 'something', 'anything', 'nothing', 'everything',
  'image', 'images', 'photo', 'picture', 'credit', 'note', 'truth', 'see', 'watch', 'listen', 'click', 'link', 'following', 'percent',
  'question', 'answer', 'q', 'world', 'review',
  // Generic verbs.
  'get', 'got', 'make', 'made', 'take', 'took', 'give', 'go', 'went', 'come', 'came', 'know', 'think', 'say', 'tell', 'saw', 'look',
  'want', 'use', 'used', 'using', 'find', 'work', 'works', 'run', 'runs', 'check', 'enable', 'assigned', 'added', 'set', 'put', 'keep',
  'let', 'seem', 'help', 'try', 'start', 'show', 'call', 'ask', 'need', 'feel', 'become', 'leave', 'mean', 'begin', 'include', 'includes',
  'including', 'continue', 'allow', 'follow', 'stop', 'create', 'read', 'write', 'wrote', 'provide', 'learn',
  // Generic adjectives.
  'good', 'better', 'best', 'bad', 'worse', 'worst', 'great', 'big', 'small', 'large', 'little', 'long', 'short', 'high', 'low', 'old',
  'young', 'right', 'wrong', 'true', 'false', 'real', 'sure', 'able', 'possible', 'likely', 'important', 'different', 'whole', 'full',
  'certain', 'clear', 'hard', 'easy', 'early', 'late', 'main', 'harmful', 'unknown', 'available', 'current', 'recent', 'last', 'previous',
  'various', 'simple', 'alone',
]);

// Characters that are never the start or end of a real tag. `@`, `#`, `.`,
// `$` may start one (handles, hashtags, `.NET`); `+` and `#` may end one (C++, C#).
// `_` may do both: in the corpus it only ever edges identifiers (`__kernel`, `_meta.txt`).
const LEADING = /^[\s,;:!?"“”„‘’'()[\]{}…—–*/\\|<>-]+/u;
/** One trailing character; trailing runs are cut with `trimEndWhere` (linear, where `/[…]+$/` is quadratic). */
const TRAILING = /[\s,;:.!?"“”„‘’'()[\]{}…—–*/\\|<>-]/u;
const POSSESSIVE = /^(.+?)(?:['’]s|(?<=s)['’])$/u;
// Dotted abbreviations keep their final dot: U.S., U.K., e.g., Ph.D.
const DOTTED = /^(?:[A-Za-z]{1,2}\.){1,4}[A-Za-z]{1,2}$/;

/** One apostrophe for all: `T-Mobile’s` and `T-Mobile's` are one spelling. */
function apostrophes(s: string): string {
  return s.replace(/[‘’`´]/g, "'");
}

function normalise(s: string): string {
  return apostrophes(s.toLowerCase());
}

/** Removes a tag and the space that separates it from its neighbour. */
function removeTag(text: string, tag: Tag): TextEdit {
  let { start, end } = tag.span;
  let after = end;
  while (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9) after++;
  if (after > end && text.charCodeAt(after) !== 10 && text.charCodeAt(after) !== 13 && after < text.length) {
    end = after;
  } else {
    while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
  }
  return { span: { start, end }, newText: '' };
}

function cleanFix(text: string, tag: Tag, clean: string, existing: Set<string>, what: string): Fix {
  if (existing.has(normalise(clean))) {
    return { title: `Remove [[${tag.name}]] ([[${clean}]] is already a tag)`, edits: [removeTag(text, tag)], preferred: true };
  }
  return { title: `Change to [[${clean}]]${what}`, edits: [{ span: tag.nameSpan, newText: clean }], preferred: true };
}

export function checkTags(text: string, a: Article, out: Diagnostic[]): void {
  if (!a.tags) return;
  if (a.tags.groups.every((g) => g.tags.length === 0)) {
    out.push(diag('tags.empty', a.tags.header.span, 'The Tags section has no tags: add a line of `[[Tags]]` naming who and what the article is about.'));
    return;
  }
  const wordGroups = a.tags.groups.filter((g) => g.kind === 'plain' || g.kind === 'auto');
  const kvGroups = a.tags.groups.filter((g) => g.kind === 'keyvalue');
  const body = a.body ? text.slice(a.body.span.start, a.body.span.end) : '';
  checkWordTags(text, wordGroups, a.source?.value, a.title?.text ?? '', body, out);
  checkKeyValueTags(text, kvGroups, out);
}

/** How often the body writes `word` as a whole word, in exactly that case. */
function usesOf(body: string, word: string): number {
  let n = 0;
  for (let i = body.indexOf(word); i >= 0; i = body.indexOf(word, i + word.length)) {
    const before = body[i - 1] ?? ' ';
    const after = body[i + word.length] ?? ' ';
    // A word of prose, not part of a file name or path ("powershell.exe", "C:\\Windows\\powershell", "/bin/bash").
    if (/[\p{L}\p{N}/\\_]/u.test(before) || /[\p{L}\p{N}_]/u.test(after)) continue;
    if (after === '.' && /[\p{L}\p{N}]/u.test(body[i + word.length + 1] ?? ' ')) continue;
    // Nor an extension: "192145.dll," and "ntdll.dll+" are no uses of "dll". The DFIR report on Conti writes "DLL"
    // ten times in its prose and "dll" only in thirteen file names, which kept [[dll]] over [[DLL]].
    if (before === '.' && /[\p{L}\p{N}]/u.test(body[i - 2] ?? ' ')) continue;
    n++;
  }
  return n;
}

/** A month or a weekday ("In March Microsoft’s …"), never part of the name after it, and as a tag no subject. */
const CALENDAR = /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\.?$/;

/** Titles written before a name, never part of it ("Mr. Schober’s computer"); as a tag ("[[Mr.]]", four in the corpus) no subject. */
const HONORIFICS = new Set(['Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Rev', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Capt', 'Sgt', 'Jr', 'Sr']);

/**
 * The statute books' abbreviations, as the US breach-notification laws are cited ("Cal. Bus. & Prof. Code § 22575",
 * "Cal. Civ. Code §§ 1798.29", "Ariz. Rev. Stat. § 18-552"): one ZDNet guide left [[Stat.]], [[Bus.]] and [[Civ.]],
 * and [[Bus]] reads as a vehicle. "Civ. Code" looks like a sentence's end, so the body alone cannot tell.
 */
const LEGAL = new Set(['Stat', 'Civ', 'Bus', 'Ann', 'Crim']);

/**
 * What follows each use of `word` in the body as a word of its own, in exactly that case: "’" for "McDonald’s", "."
 * for "Sept. 8", "" at the end. Not within a longer word, a path or a slug ("T-Mobile" is no use of "Mobile",
 * ".../Flames-Devil-Horror-Horns-Demon-5863702.jpg" none of "Demon").
 */
function followers(body: string, word: string): string[] {
  const out: string[] = [];
  for (let i = body.indexOf(word); i >= 0; i = body.indexOf(word, i + word.length)) {
    const after = body[i + word.length] ?? '';
    if (/[\p{L}\p{N}_/\\-]/u.test(body[i - 1] ?? ' ') || /[\p{L}\p{N}_]/u.test(after)) continue;
    out.push(after);
  }
  return out;
}

/** Verbs that follow a sentence's subject: after a name with ’s they show the ’s is the name's ("McDonald’s said"). */
const SUBJECT_VERBS = new Set(['said', 'says', 'told', 'stated', 'added', 'confirmed', 'announced', 'is', 'was', "isn't", "wasn't",
  'has', 'had', "hasn't", "hadn't", 'will', 'would', 'did', 'does', "didn't", "doesn't", 'got', 'gets']);

/**
 * Whether a name's ’s is its own: the body writes it twice or more, never without the ’s, and either once as a
 * sentence's subject ("McDonald’s said it quickly changed …": eleven times "McDonald’s", never "McDonald") or every
 * time before the same capitalised word (the "Demon’s Cries" bug). "Iran’s leadership", "Ivanti’s analysis" are
 * possessives however often the body writes them so.
 */
function ownApostrophe(body: string, base: string): boolean {
  const next: string[] = [];
  for (let i = body.indexOf(base); i >= 0; i = body.indexOf(base, i + base.length)) {
    if (/[\p{L}\p{N}_/\\-]/u.test(body[i - 1] ?? ' ') || /[\p{L}\p{N}_]/u.test(body[i + base.length] ?? ' ')) continue;
    const m = /^['’]s(?![\p{L}\p{N}])(?:[ \t]+([\p{L}'’]+))?/u.exec(body.slice(i + base.length, i + base.length + 40));
    if (!m) return false;
    next.push(m[1] ?? '');
  }
  return next.length >= 2 && (next.some((w) => SUBJECT_VERBS.has(normalise(w))) || (/^\p{Lu}/u.test(next[0]) && next.every((w) => w === next[0])));
}

/** Whether the body writes `word` only ever followed by one of `chars`, and does write it. */
function writtenOnlyWith(body: string, word: string, chars: RegExp): boolean {
  const f = followers(body, word);
  return f.length > 0 && f.every((c) => chars.test(c));
}

/**
 * Why the word a tag's punctuation was cut from is no subject, or undefined when it may be one: a month or a
 * weekday (any punctuation: "[[Sept.]]" six times in the corpus, "[[Monday,]]"); with its dot, an honorific
 * ("[[Mr.]]"), an initial ("[[B.]]" of "B. Braun"), a statute's abbreviation, or a short word the body writes only
 * with its dot, once with the sentence going on after it ("Corp. said", "Ariz. Rev. Stat.": no sentence ends there).
 */
function abbreviation(name: string, word: string, body: string): string | undefined {
  if (CALENDAR.test(word)) return word.endsWith('day') ? 'a weekday' : 'a month';
  if (!name.includes(`${word}.`)) return undefined;
  if (HONORIFICS.has(word)) return 'an honorific';
  if (/^\p{Lu}$/u.test(word)) return 'an initial';
  if (LEGAL.has(word)) return 'an abbreviation';
  if (/^\p{Lu}\p{Ll}{1,4}$/u.test(word) && writtenOnlyWith(body, word, /\./) && goesOnAfterDot(body, word)) return 'an abbreviation';
  return undefined;
}

/** Whether the body writes "word." once with its sentence going on after it: "Corp. said", "Sept. 8", "Rev. Stat.". */
function goesOnAfterDot(body: string, word: string): boolean {
  const dotted = `${word}. `;
  for (let i = body.indexOf(dotted); i >= 0; i = body.indexOf(dotted, i + 1)) {
    if (/[\p{L}\p{N}.]/u.test(body[i - 1] ?? ' ')) continue;
    if (/^(?:[\p{Ll}\p{N}&§]|\p{Lu}\p{L}{0,4}\.)/u.test(body.slice(i + dotted.length, i + dotted.length + 7))) return true;
  }
  return false;
}

/**
 * Whether the word at `at` opens a sentence, a heading, a list item or a table cell: its capital then says nothing.
 * Opening quotes, brackets and Markdown marks before it are looked through ("* [Black Hat: …", "**What Poly …").
 */
function opensSentence(body: string, at: number): boolean {
  let k = at;
  while (k > 0 && /[ \t"“‘'(\[*#>_|•–—-]/u.test(body[k - 1])) k--;
  return k === 0 || /[\n\r.!?:]/.test(body[k - 1]);
}

/**
 * The body's words as the name lookup asks of them: those written inside a sentence (not first in one), and those
 * written with no ’s after them. Read in one pass, once per article and only when a tag asks, so that looking at
 * every word before every use of a tag's word costs no more than reading the body once.
 */
interface BodyWords {
  inside: Set<string>;
  bare: Set<string>;
}

function readBodyWords(body: string): BodyWords {
  const inside = new Set<string>();
  const bare = new Set<string>();
  // A word: letters and digits, joined by one apostrophe, ampersand, dot or hyphen ("Let's", "AT&T", "U.S", "T-Mobile").
  for (const m of body.matchAll(/[\p{L}\p{N}_]+(?:['’&.-][\p{L}\p{N}_]+)*/gu)) {
    const at = m.index!;
    if (!opensSentence(body, at)) inside.add(m[0]);
    if (!/[/\\-]/.test(body[at - 1] ?? ' ') && !/['’]/u.test(body[at + m[0].length] ?? ' ')) bare.add(m[0]);
  }
  return { inside, bare };
}

/**
 * Whether `word`, met at `at` before another capitalised word, may be part of one name with it. Not across a
 * sentence's end ("… and ThroughTek. Mandiant’s Red Team"), nor an honorific ("Mr. Schober’s"), a month, a common
 * word ("In"), a possessive of another name ("Apple’s Siri"; "Let's Encrypt" is a name, as the body never writes
 * "Let" alone), or a word that opens a sentence unless the body writes it capitalised inside one too ("Poly" of
 * "Poly Network" does; "Given FIN7’s increased interest" gives no "Given").
 */
function isNamePart(body: string, at: number, word: string, words: () => BodyWords): boolean {
  if (!/^\p{Lu}/u.test(word) || CALENDAR.test(word) || HONORIFICS.has(word.replace(/\.$/, ''))) return false;
  if (word.endsWith('.') && !DOTTED.test(word.slice(0, -1))) return false;
  // "New" opens more names than any other common word (New York, New Zealand, New Jersey).
  if (STOP_WORDS.has(normalise(word)) && word !== 'New') return false;
  const owner = /^(.+)['’]s$/u.exec(word);
  if (owner && words().bare.has(owner[1])) return false;
  return !opensSentence(body, at) || words().inside.has(word.replace(/\.$/, ''));
}

/** The capitalised words, up to three, that the body writes right before the word at `at` as one name with it. */
function namePartsBefore(body: string, at: number, words: () => BodyWords): string[] {
  const parts: string[] = [];
  let end = at;
  while (parts.length < 3) {
    let k = end;
    while (k > 0 && body[k - 1] === ' ') k--;
    if (k === end) break;
    let w = k;
    while (w > 0 && /[\p{L}\p{N}&.'’-]/u.test(body[w - 1])) w--;
    while (w < k && /['’.-]/u.test(body[w])) w++;
    const word = body.slice(w, k);
    if (!isNamePart(body, w, word, words)) break;
    parts.unshift(word);
    end = w;
  }
  return parts;
}

/**
 * The longer names the body writes `word` in, best first: "Poly Network" for "[[Network’s]]", "Black Hat" for
 * "[[Hat:]]", "New Zealand" for "[[Zealand’s]]". Empty unless one name is clear: written twice or more, and either
 * named by the title ("North Korea", of "North Korean hackers target the South's think tanks", before "South Korea")
 * or written more often than the word alone and in all other names together ("Cobalt Strike" eight times, "Vermilion
 * Strike" three). So Mandiant, FIN7 and Facebook, once each after a sentence's first word or a person's name
 * ("Santosh Janardhan Facebook’s vice president"), stay themselves, and a "[[Road,]]" of five Dallas roads gets none.
 * Among names, those written as the tag was cut (`written`: "Strike,", "Network’s") come first.
 */
function longerNames(body: string, words: () => BodyWords, title: string, word: string, written: string): string[] {
  const counts = new Map<string, { asWritten: number; all: number }>();
  let alone = 0;
  let inside = 0;
  const cut = apostrophes(written);
  for (let i = body.indexOf(word); i >= 0; i = body.indexOf(word, i + word.length)) {
    if (/[\p{L}\p{N}_/\\-]/u.test(body[i - 1] ?? ' ') || /[\p{L}\p{N}_]/u.test(body[i + word.length] ?? ' ')) continue;
    const before = namePartsBefore(body, i, words);
    if (!before.length) {
      alone++;
      continue;
    }
    inside++;
    const name = `${before.join(' ')} ${word}`;
    const c = counts.get(name) ?? { asWritten: 0, all: 0 };
    c.all++;
    if (apostrophes(body.slice(i, i + cut.length)) === cut) c.asWritten++;
    counts.set(name, c);
  }
  if (inside <= alone) return [];
  const t = title.toLowerCase();
  const ranked = [...counts].map(([name, c]) => ({ name, titled: t.includes(name.toLowerCase()) ? 1 : 0, ...c }))
    .sort((a, b) => b.titled - a.titled || b.asWritten - a.asWritten || b.all - a.all);
  const [top, next] = ranked;
  if (top.all < 2 || (!top.titled && top.all <= alone + inside - top.all)) return [];
  if (next && next.titled === top.titled && next.asWritten === top.asWritten && next.all === top.all) return [];
  return ranked.map((r) => r.name);
}

/**
 * Whether the title writes `word`, in any case, as a word of its own or of a compound: "fraud" in "… tackle electronic
 * fraud", "malware" in "Iranian APT Lures Defense Contractor in Catfishing-Malware Scam"; not "frauds".
 */
function inTitle(title: string, word: string): boolean {
  const t = title.toLowerCase();
  for (let i = t.indexOf(word); i >= 0; i = t.indexOf(word, i + 1)) {
    if (!/[\p{L}\p{N}]/u.test(t[i - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(t[i + word.length] ?? ' ')) return true;
  }
  return false;
}

/**
 * Whether a word cut from a tag's punctuation is a common one (`STOP_WORDS`, `COMMON_WORDS`) or a lone letter, and so no
 * subject: in lower case always; capitalised ("Well", "Image") or in capitals, a shout ("SEE"), unless the body writes
 * it so inside a sentence, where it is a name or an acronym ("Touch ID", "the WHO said"; "IT" and "US", two letters,
 * are always acronyms).
 */
function commonWord(word: string, n: string, words: () => BodyWords): boolean {
  if (/^\p{L}$/u.test(word)) return true;
  if (!STOP_WORDS.has(n) && !COMMON_WORDS.has(n)) return false;
  if (word === n) return true;
  if (isCapitals(word) && word.length < 3) return false;
  return !words().inside.has(word);
}

/** An acronym in capitals ("IT", "WHO", "US"): a name, not the common word it spells. */
function isCapitals(name: string): boolean {
  return name.length >= 2 && name === name.toUpperCase() && /[A-Z]/.test(name);
}

function checkWordTags(text: string, groups: TagGroup[], source: string | undefined, title: string, body: string, out: Diagnostic[]): void {
  const all = groups.flatMap((g) => g.tags);
  const existing = new Set(all.map((t) => normalise(t.name.trim())));
  const clean: Tag[] = [];
  // What the body says of names, read once per article and per word however many tags ask: a tag line may repeat
  // a tag hundreds of times, and each lookup reads the whole body.
  let read: BodyWords | undefined;
  const words = () => (read ??= readBodyWords(body));
  const memo = new Map<string, string[] | boolean>();
  const namesOf = (word: string, written: string) => {
    const key = `names ${word} ${apostrophes(written)}`;
    if (!memo.has(key)) memo.set(key, longerNames(body, words, title, word, written));
    return memo.get(key) as string[];
  };
  const ownsApostrophe = (base: string) => {
    const key = `own ${base}`;
    if (!memo.has(key)) memo.set(key, ownApostrophe(body, base));
    return memo.get(key) as boolean;
  };
  for (const tag of all) {
    const name = tag.name.trim();
    if (name === '') {
      out.push(diag('tags.empty', tag.span, 'An empty tag.', [{ title: 'Remove the empty tag', edits: [removeTag(text, tag)], preferred: true }]));
      continue;
    }
    const stripped = coreOf(name);
    const n = normalise(stripped);
    if (stripped === '') {
      out.push(diag('tags.punctuation', tag.span, `[[${tag.name}]] is only punctuation, not a subject.`, [
        { title: `Remove [[${tag.name}]]`, edits: [removeTag(text, tag)], preferred: true },
      ]));
      continue;
    }
    // "[[said.]]", "[[“The]]": a common word under punctuation stays a common word once cleaned, so the finding is
    // the common word and the fix removes it; the message names the punctuation, which is what the writer sees.
    if (STOP_WORDS.has(n) && !isCapitals(stripped)) {
      out.push(stopWord(text, tag, stripped));
      continue;
    }
    // Possessives are read before the trailing apostrophe of "customers’" is taken for punctuation.
    const poss = POSSESSIVE.exec(trimEndWhere(name.replace(LEADING, ''), /[\s,;:.!?"“”()…]/u));
    const base = poss && poss[1].length > 1 ? coreOf(poss[1]) : '';
    // "[[McDonald’s]]", "[[Demon’s]]": the ’s is the name's own, so the tag is right as it stands and this is no
    // possessive; cutting it would give a name the article never writes.
    const named = poss !== null && /['’]s$/u.test(poss[0]) && /^\p{Lu}/u.test(base) && !base.includes(' ') && ownsApostrophe(base);
    if (named && poss![0] === name) {
      clean.push(tag);
      continue;
    }
    if (poss && poss[1].length > 1 && !named) {
      // "What’s", "There’s": a contraction of a common word, not a possessive; "[[Today’s]]", "[[year’s]]": a common
      // word's possessive, no subject's.
      if (STOP_WORDS.has(normalise(base)) || commonWord(base, normalise(base), words)) {
        out.push(stopWord(text, tag, stripped));
        continue;
      }
      // "[[customers’]]": a word of the article's prose cut with its apostrophe, not a name; removing it is the likelier wish.
      if (/^[a-z][a-z-]*$/.test(base) && usesOf(body, base) > 0 && !existing.has(normalise(base))) {
        out.push(diag('tags.possessive', tag.span, `[[${tag.name}]] looks cut from a sentence of the article, not a subject.`, [
          { title: `Remove [[${tag.name}]]`, edits: [removeTag(text, tag)], preferred: true },
          { title: `Change to [[${base}]]`, edits: [{ span: tag.nameSpan, newText: base }] },
        ]));
        continue;
      }
      // "[[Monday’s]]" ("Monday’s patch addresses …"): a day's possessive names no subject, whoever's the day is.
      if (CALENDAR.test(base)) {
        out.push(diag('tags.possessive', tag.span, `[[${tag.name}]] is a possessive of ${base.endsWith('day') ? 'a weekday' : 'a month'}, not a subject.`, [
          { title: `Remove [[${tag.name}]]`, edits: [removeTag(text, tag)], preferred: true },
        ]));
        continue;
      }
      // "[[Network’s]]" cut from "Poly Network’s": the name the body writes in full is the tag.
      const full = /^\p{Lu}/u.test(base) && !base.includes(' ') ? namesOf(base, poss[0])[0] : undefined;
      // "[[Mandiant]] … [[Mandiant’s]]", "[[Deere]] … [[Deere’s]]" (of John Deere): the name is tagged already, so the
      // possessive goes rather than become a second tag for one subject.
      const kept = [base, full].find((x) => x !== undefined && existing.has(normalise(x)));
      const tagAs = kept ?? full ?? base;
      out.push(diag('tags.possessive', tag.span, `[[${tag.name}]] is a possessive; tag the name itself, [[${tagAs}]].`, [
        cleanFix(text, tag, tagAs, existing, ''),
        ...(full && kept !== undefined && kept !== full ? [{ title: `Change to [[${full}]]`, edits: [{ span: tag.nameSpan, newText: full }] }] : []),
        ...(full && kept !== base ? [{ title: `Change to [[${base}]]`, edits: [{ span: tag.nameSpan, newText: base }] }] : []),
      ]));
      continue;
    }
    // "[[%windir%\\sysnative\\runonce.exe","Method]]": pasted code or data, with quotes and backslashes inside.
    if (/["“”\\{}<>|]/u.test(stripped)) {
      out.push(diag('tags.punctuation', tag.span, `[[${tag.name}]] is code or data pasted into a tag, not a subject.`, [
        { title: `Remove [[${tag.name}]]`, edits: [removeTag(text, tag)], preferred: true },
      ]));
      continue;
    }
    if (stripped !== name) {
      const remove: Fix = { title: `Remove [[${tag.name}]]`, edits: [removeTag(text, tag)] };
      const change = (to: string): Fix => ({ title: `Change to [[${to}]]`, edits: [{ span: tag.nameSpan, newText: to }] });
      // "[[Sept.]]", "[[Mr.]]", "[[Bus.]]" (of "Cal. Bus. & Prof. Code"), "[[Monday,]]": cleaned, still no subject.
      const abbr = abbreviation(name, stripped, body);
      if (abbr) {
        out.push(diag('tags.punctuation', tag.span, `[[${tag.name}]] has punctuation stuck to it, but [[${stripped}]] would link this article to nothing useful: ${abbr} is no subject.`, [{ ...remove, preferred: true }]));
        continue;
      }
      // "[[wrote.]]", "[[attacks,]]": a small word of the article's prose with a sentence's punctuation on it was cut
      // from a sentence; removing it is the likelier wish than keeping "[[wrote]]". Not when the title names it:
      // "[[fraud.]]" of "Brazil advances efforts to tackle electronic fraud" is what the article is about; but a common
      // word is no more a subject for being a word of the title ("[[day,]]" of "Mac Zero-Day Targets …").
      if (/^[a-z][a-z-]*$/.test(stripped) && /[.,;:]$/.test(name) && usesOf(body, stripped) > 0 && !existing.has(n)) {
        if (!inTitle(title, stripped) || COMMON_WORDS.has(n)) {
          out.push(diag('tags.punctuation', tag.span, `[[${tag.name}]] looks cut from a sentence of the article, not a subject.`, [{ ...remove, preferred: true }, change(stripped)]));
          continue;
        }
        out.push(diag('tags.punctuation', tag.span, `[[${tag.name}]] has punctuation stuck to it; the tag is [[${stripped}]], a word of the title.`, [
          { ...change(stripped), preferred: true }, remove,
        ]));
        continue;
      }
      // "[[Well,]]", "[[SEE:]]", "[[(please]]": a common word, a shouted one or a lone letter ("[[/c]]", "[[Q:]]") is no
      // subject once cleaned either, so the fix removes it rather than rename it (`commonWord`).
      if (commonWord(stripped, n, words)) {
        out.push(stopWord(text, tag, stripped));
        continue;
      }
      // "[[Hat:]]" of "Black Hat: …", "[[Strike,]]" of "Cobalt Strike,": one word of a name the body writes longer.
      // Not when the word is a tag already: "[[VPN:]] … [[VPN]]" chose the word itself.
      const names = /^\p{Lu}[\p{L}\p{N}&-]*$/u.test(stripped) && !existing.has(n) ? namesOf(stripped, name.replace(LEADING, '')) : [];
      if (names.length) {
        out.push(diag('tags.punctuation', tag.span, `[[${tag.name}]] is one word of a longer name; the tag is [[${names[0]}]].`, [
          cleanFix(text, tag, names[0], existing, ''),
          ...names.slice(1, 3).filter((x) => !existing.has(normalise(x))).map(change),
          change(stripped),
        ]));
        continue;
      }
      out.push(diag('tags.punctuation', tag.span, `[[${tag.name}]] has punctuation stuck to it; the tag is [[${stripped}]].`, [
        cleanFix(text, tag, stripped, existing, ''),
      ]));
      continue;
    }
    clean.push(tag);
  }
  checkVariants(text, clean, source, body, out);
}

/** What a reader calls each character `LEADING` and `TRAILING` cut from a tag. */
const PUNCTUATION_NAMES: Record<string, string> = {
  ',': 'a comma', ';': 'a semicolon', ':': 'a colon', '.': 'a full stop', '!': 'an exclamation mark', '?': 'a question mark',
  '"': 'a quotation mark', '“': 'a quotation mark', '”': 'a quotation mark', '„': 'a quotation mark',
  '‘': 'a quotation mark', '’': 'a quotation mark', "'": 'a quotation mark',
  '(': 'a bracket', ')': 'a bracket', '[': 'a bracket', ']': 'a bracket', '{': 'a bracket', '}': 'a bracket',
  '…': 'an ellipsis', '—': 'a dash', '–': 'a dash', '-': 'a hyphen', '*': 'an asterisk', '/': 'a slash',
  '\\': 'a backslash', '|': 'a vertical bar', '<': 'an angle bracket', '>': 'an angle bracket',
};

/** "a full stop", "a quotation mark and a full stop": the kinds of punctuation in `chars`, each once, in order. */
function punctuationNames(chars: string): string[] {
  const names: string[] = [];
  for (const c of chars) {
    const name = PUNCTUATION_NAMES[c];
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

function listed(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * How the punctuation is glued to `word` in `name`: "ends in a full stop", "opens on a quotation mark",
 * "stands in brackets". Empty when there is none.
 */
function gluedPunctuation(name: string, word: string): string {
  const at = name.indexOf(word);
  if (at < 0) return '';
  const before = punctuationNames(name.slice(0, at));
  const after = punctuationNames(name.slice(at + word.length));
  if (before.length === 1 && after.length === 1 && before[0] === after[0] && (before[0] === 'a quotation mark' || before[0] === 'a bracket')) {
    return `stands in ${before[0].slice(2)}s`;
  }
  const parts: string[] = [];
  if (before.length) parts.push(`opens on ${listed(before)}`);
  if (after.length) parts.push(`ends in ${listed(after)}`);
  return parts.join(' and ');
}

/** A common word as a tag, "[[it’s]]"; named without the punctuation stuck to it, "[[said.]]", which is then named too. */
function stopWord(text: string, tag: Tag, word: string): Diagnostic {
  const glued = gluedPunctuation(tag.name.trim(), word);
  const message = glued
    ? `[[${tag.name}]] is a common word, “${word}”, that ${glued}: not a subject, it links this article to nothing useful.`
    : `[[${tag.name}]] is a common word, not a subject: it links this article to nothing useful.`;
  return diag('tags.stop-word', tag.span, message, [{ title: `Remove [[${tag.name}]]`, edits: [removeTag(text, tag)], preferred: true }]);
}

/**
 * Whether a tag names a subject as written: no punctuation around it, no common word ("[[said.]]", "[[“The]]",
 * "[[it’s]]"), no possessive, no pasted code; what the checks above say nothing of. Topic cards and references
 * (`DocSummary.topics`) count only these.
 */
export function isSubjectTag(name: string): boolean {
  const n = name.trim();
  if (n === '') return false;
  // Most tags begin and end on a letter or a digit: no punctuation to take off (`coreOf` is the slower test).
  const edges = isAlnum(n.charCodeAt(0)) && isAlnum(n.charCodeAt(n.length - 1));
  return (edges || coreOf(n) === n) && !STOP_WORDS.has(normalise(n)) && !POSSESSIVE.test(n) && !/["“”\\{}<>|]/u.test(n);
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** A tag's name without the punctuation a scraper leaves around words. */
export function coreOf(name: string): string {
  let s = name.trim().replace(LEADING, '');
  const trimmed = trimEndWhere(s, TRAILING);
  if (trimmed.length < s.length) {
    let trail = s.slice(trimmed.length);
    // Keep the dot of a dotted abbreviation ("U.S.", and "U.S.," keeps "U.S.").
    // The signs of "C++" and "C#" are not in TRAILING at all.
    if (trail.charCodeAt(0) === 46 && DOTTED.test(s.slice(0, s.length - trail.length))) trail = trail.slice(1);
    s = s.slice(0, s.length - trail.length);
  }
  return s;
}

function checkVariants(text: string, tags: Tag[], source: string | undefined, body: string, out: Diagnostic[]): void {
  const byKey = new Map<string, Tag[]>();
  for (const t of tags) {
    const k = normalise(t.name.trim());
    const list = byKey.get(k);
    if (list) list.push(t);
    else byKey.set(k, [t]);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const spellings = new Map<string, number>();
    for (const t of list) spellings.set(t.name.trim(), (spellings.get(t.name.trim()) ?? 0) + 1);
    // The preferred spelling: the outlet's own name; else the one the body writes most ("PowerShell", not the
    // tag line's "powershell"); else the one tagged most; else the one with more capitals, the brand's ("DLL",
    // "macOS", and "CrowdStrike" over "Crowdstrike", each written four times in a ZDNet earnings story); else the first.
    let preferred = list[0].name.trim();
    if (source && spellings.has(source.trim())) preferred = source.trim();
    else {
      let best: number[] | undefined;
      for (const [s, n] of spellings) {
        const score = [usesOf(body, s), n, s.replace(/[^\p{Lu}]/gu, '').length];
        if (!best || score[0] > best[0] || (score[0] === best[0] && (score[1] > best[1] || (score[1] === best[1] && score[2] > best[2])))) {
          best = score;
          preferred = s;
        }
      }
    }
    const keptAt = list.find((t) => t.name.trim() === preferred)!;
    for (const t of list) {
      if (t === keptAt) continue;
      const same = apostrophes(t.name.trim()) === apostrophes(preferred);
      out.push(diag(same ? 'tags.duplicate' : 'tags.case-variant', t.span,
        same ? `[[${t.name}]] is already a tag.` : `[[${t.name}]] and [[${preferred}]] differ only in case; keep one spelling, [[${preferred}]]${source && preferred === source.trim() ? ' (as the Source writes it)' : ''}.`,
        [{ title: `Remove [[${t.name}]]${same ? '' : ` (keep [[${preferred}]])`}`, edits: [removeTag(text, t)], preferred: true }],
        [{ span: keptAt.span, message: `[[${preferred}]] is kept.` }]));
    }
  }
}

function checkKeyValueTags(text: string, groups: TagGroup[], out: Diagnostic[]): void {
  for (const g of groups) {
    const seen = new Map<string, Tag>();
    for (const t of g.tags) {
      if (t.key !== undefined && t.value === '') {
        out.push(diag('tags.empty', t.span, `[[${t.name}]] has no value.`, [{ title: `Remove [[${t.name}]]`, edits: [removeTag(text, t)], preferred: true }]));
        continue;
      }
      if (t.name.trim() === '') {
        out.push(diag('tags.empty', t.span, 'An empty tag.', [{ title: 'Remove the empty tag', edits: [removeTag(text, t)], preferred: true }]));
        continue;
      }
      const first = seen.get(t.name);
      if (first) {
        out.push(diag('tags.duplicate', t.span, `[[${t.name}]] is already a tag in ${g.heading?.text ?? 'this group'}.`, [
          { title: `Remove the second [[${t.name}]]`, edits: [removeTag(text, t)], preferred: true },
        ], [{ span: first.span, message: 'The first one.' }]));
        continue;
      }
      seen.set(t.name, t);
    }
  }
}
