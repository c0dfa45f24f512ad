/**
 * Workspace symbols pick the best few hundred of tens of thousands of names
 * with a heap, not a sort: the answer must be exactly the first `limit` of
 * the full ranking (rank, then name, then key or URI), whatever the query.
 * An entity ranks by the articles that name it, not counting those that
 * only link to a story about it.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCorpus } from '../bench/generate';
import { extractFacts } from '../server/src/core/extract/facts';
import { matches, workspaceSymbols } from '../server/src/core/features/symbols';
import { articlesNaming, CorpusIndex, lineStartsOf } from '../server/src/core/index/corpus';
import { parse } from '../server/src/core/syntax/parse';

/** How a name matches, written out plainly: itself, its start, a word's start, inside, or its letters in order. */
function tierOf(q: string, name: string): number {
  const n = name.toLowerCase();
  if (q === '' || n === q) return 4;
  if (n.startsWith(q)) return 3;
  for (let i = n.indexOf(q); i > 0; i = n.indexOf(q, i + 1)) if (!/[a-z0-9]/.test(n[i - 1])) return 2;
  if (n.includes(q)) return 1;
  return 0;
}

/** Letters and digits only. */
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The better of the name as written and the name without punctuation, against the query likewise; without
 * punctuation only from the start of the name or of one of its words ("mobile" in "t mobile"), never from inside a
 * word into the next ("nsa" in "Veterans Affairs").
 */
function bestTier(q: string, name: string): number {
  const qs = squash(q);
  if (!qs) return tierOf(q, name);
  const words = name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w);
  const squashed = Math.max(0, ...words.map((_, i) => {
    const t = tierOf(qs, words.slice(i).join(''));
    return i === 0 ? (t >= 3 ? t : 0) : t >= 3 ? 2 : 0;
  }));
  return Math.max(tierOf(q, name), squashed);
}

/** The ranking as a full sort, written out plainly. */
function ranked(index: CorpusIndex, query: string): string[] {
  const q = query.toLowerCase().trim();
  // Which names match is `matches`'s business (tested through the server); this is about the order.
  const inOrder = (name: string) => matches(squash(q) || q, name);
  const all: { rank: number; name: string; tie: string }[] = [];
  for (const e of index.allEntities()) {
    const names = [e.name, ...e.aliases.keys()].filter(inOrder);
    if (names.length) all.push({ rank: Math.max(...names.map((n) => bestTier(q, n))) * 1e9 + articlesNaming(e) * 10 + 1, name: e.name, tie: e.key });
  }
  for (const d of index.all()) if (d.summary.title && inOrder(d.summary.title)) all.push({ rank: bestTier(q, d.summary.title) * 1e9, name: d.summary.title, tie: d.uri });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = all.sort((a, b) => b.rank - a.rank || cmp(a.name, b.name) || cmp(a.tie, b.tie));
  // Names that only spell the query's letters are left out when any name holds the query.
  const holds = sorted.length > 0 && sorted[0].rank >= 1e9;
  return sorted.filter((x) => !holds || x.rank >= 1e9).map((x) => x.name);
}

/** Article `n` of a small corpus: its title and body. */
function addStory(index: CorpusIndex, n: number, title: string, body: string): void {
  const text = `# ${title}\n\n## Information:\n+ Source: Wire\n+ Link: https://example.com/${n}\n+ Date: 2021-08-0${n}\n+ Author: Me\n\n## Article:\n${body}\n`;
  index.set({ facts: extractFacts(`file:///s${n}.txt`, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
}

describe('workspace symbols', function () {
  this.timeout(60_000);
  const index = new CorpusIndex();
  let dir: string;

  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-symbols-'));
    generateCorpus(dir, 400, 11);
    for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const file = path.join(e.parentPath, e.name);
      const text = fs.readFileSync(file, 'utf8');
      const uri = `file://${file}`;
      index.set({ facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
    }
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are the first `limit` of the full ranking, for any query and limit', function () {
    assert.ok(index.size >= 400);
    for (const query of ['', 'a', 'e', 'br', 'Breach', 'jd', 'zzzz', ' ', 'data breach', 'databreach', '-', 'co.']) {
      const full = ranked(index, query);
      for (const limit of [0, 1, 7, 100, 500, 100_000]) {
        assert.deepStrictEqual(workspaceSymbols(index, query, limit).map((s) => s.name), full.slice(0, limit), `"${query}", limit ${limit}`);
      }
    }
    assert.ok(ranked(index, '').length > 500, 'more names than the default limit');
  });

  it('rank the name itself, its start and a word’s start before names that only hold its letters', function () {
    const small = new CorpusIndex();
    const add = (n: number, body: string) => addStory(small, n, `Story ${n}`, body);
    // The agency in three articles, John Binns in one: "binns" is spelled by the agency's letters too.
    for (const n of [1, 2, 3]) add(n, 'The Cybersecurity and Infrastructure Security Agency said 5 agencies were hit. The Cybersecurity and Infrastructure Security Agency said more.');
    add(4, 'John Binns said he did it. Binns is 21.');
    assert.strictEqual(workspaceSymbols(small, 'binns')[0]?.name, 'John Binns');
    assert.strictEqual(workspaceSymbols(small, 'John Binns')[0]?.name, 'John Binns');
    // Only spelled by its letters, the agency is left out when a name holds the query; a query no name holds spells.
    assert.ok(!workspaceSymbols(small, 'binns').some((x) => x.name.startsWith('Cybersecurity')), JSON.stringify(workspaceSymbols(small, 'binns').map((x) => x.name)));
    assert.ok(workspaceSymbols(small, 'jbin').some((x) => x.name === 'John Binns'));
  });

  it('list one organisation under two names once, as the name more articles use: "Lazarus Group" beside "Lazarus"', function () {
    const small = new CorpusIndex();
    const add = (n: number, body: string) => addStory(small, n, `Story ${n}`, body);
    for (const n of [1, 2, 3]) add(n, 'The Lazarus gang struck again, and Lazarus denied it.');
    add(4, 'The Lazarus Group struck again, and the Lazarus Group denied it.');
    assert.ok(small.family('lazarus').some((e) => e.key === 'lazarus group'), 'the two names are one organisation');
    const names = workspaceSymbols(small, 'lazarus').map((x) => x.name);
    assert.ok(names.includes('Lazarus') && !names.includes('Lazarus Group'), JSON.stringify(names));
    // Asked for by its own name, the other name is still found.
    assert.ok(workspaceSymbols(small, 'lazarus group').some((x) => x.name === 'Lazarus Group'));
  });

  it('find an entity by its other names, and whatever the hyphens and spaces: FBI, "t mobile", "tmobile"', function () {
    const small = new CorpusIndex();
    const add = (n: number, title: string, body: string) => addStory(small, n, title, body);
    add(1, 'T-Mobile confirms breach', 'T-Mobile said 40 million people were affected. The FBI is investigating.');
    add(2, 'How to defend against mobile app impersonation', 'The FBI Internet Crime Complaint Center warned users.');
    add(3, 'FBI warns of SIM swapping', 'The Federal Bureau of Investigation (FBI) said losses grew. T-Mobile customers were targeted.');
    const fbi = small.entity('federal bureau of investigation');
    assert.ok(fbi && [...fbi.aliases.keys()].includes('FBI'), 'the FBI is known by its full name, FBI an alias');
    const names = (q: string) => workspaceSymbols(small, q).map((x) => x.name);
    assert.strictEqual(names('FBI')[0], fbi!.name, JSON.stringify(names('FBI')));
    for (const q of ['t mobile', 'tmobile', 'T-Mobile', 't-mob']) {
      assert.strictEqual(names(q)[0], 'T-Mobile', `${q}: ${JSON.stringify(names(q))}`);
      assert.ok(names(q).includes('T-Mobile confirms breach'), `${q}: the article about it is listed too`);
      // "agains(tmob)ile" without its space: the query's letters run from inside one word into the next, which is no
      // fit ("t mobile" as typed is in that title, and fits as any text inside a name does).
      if (q !== 't mobile') assert.ok(!names(q).includes('How to defend against mobile app impersonation'), `${q}: ${JSON.stringify(names(q))}`);
    }
    // Without punctuation a query still fits from a word's start: "mobile app" is in that title, "mobileapp" too.
    assert.ok(names('mobileapp').includes('How to defend against mobile app impersonation'), JSON.stringify(names('mobileapp')));
  });

  it('do not fit a query that only runs from inside one word into the next: "nsa" is not in "Veterans Affairs"', function () {
    const small = new CorpusIndex();
    const add = (n: number, title: string, body: string) => addStory(small, n, title, body);
    add(1, 'Veterans Affairs breach', 'The Department of Veterans Affairs said 46,000 veterans were affected. The NSA declined to comment.');
    add(2, 'Birmingham breach', 'The University of Birmingham said staff were hit. Kansas officials and the FBI said nothing.');
    const names = (q: string) => workspaceSymbols(small, q).map((x) => x.name);
    const nsa = names('nsa');
    assert.ok(nsa.includes('National Security Agency') && !nsa.includes('Department of Veterans Affairs'), JSON.stringify(nsa));
    // Inside one word is still a fit: "nsa" is in "Kansas".
    assert.ok(nsa.includes('Kansas'), JSON.stringify(nsa));
    assert.ok(!names('fbi').includes('University of Birmingham'), JSON.stringify(names('fbi')));
    // A query no name holds still finds what spells its letters in order, as "jbin" finds John Binns.
    assert.ok(names('uobirm').includes('University of Birmingham'), JSON.stringify(names('uobirm')));
  });
});
