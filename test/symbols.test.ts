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

/** The ranking as a full sort, written out plainly. */
function ranked(index: CorpusIndex, query: string): string[] {
  const q = query.toLowerCase().trim();
  // Which names match is `matches`'s business (tested through the server); this is about the order.
  const inOrder = (name: string) => matches(q, name);
  const all: { rank: number; name: string; tie: string }[] = [];
  for (const e of index.allEntities()) if (inOrder(e.name)) all.push({ rank: tierOf(q, e.name) * 1e9 + articlesNaming(e) * 10 + 1, name: e.name, tie: e.key });
  for (const d of index.all()) if (d.summary.title && inOrder(d.summary.title)) all.push({ rank: tierOf(q, d.summary.title) * 1e9, name: d.summary.title, tie: d.uri });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = all.sort((a, b) => b.rank - a.rank || cmp(a.name, b.name) || cmp(a.tie, b.tie));
  // Names that only spell the query's letters are left out when any name holds the query.
  const holds = sorted.length > 0 && sorted[0].rank >= 1e9;
  return sorted.filter((x) => !holds || x.rank >= 1e9).map((x) => x.name);
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
    for (const query of ['', 'a', 'e', 'br', 'Breach', 'jd', 'zzzz', ' ']) {
      const full = ranked(index, query);
      for (const limit of [0, 1, 7, 100, 500, 100_000]) {
        assert.deepStrictEqual(workspaceSymbols(index, query, limit).map((s) => s.name), full.slice(0, limit), `"${query}", limit ${limit}`);
      }
    }
    assert.ok(ranked(index, '').length > 500, 'more names than the default limit');
  });

  it('rank the name itself, its start and a word’s start before names that only hold its letters', function () {
    const small = new CorpusIndex();
    const add = (n: number, body: string) => {
      const text = `# Story ${n}\n\n## Information:\n+ Source: Wire\n+ Link: https://example.com/${n}\n+ Date: 2021-08-0${n}\n+ Author: Me\n\n## Article:\n${body}\n`;
      small.set({ facts: extractFacts(`file:///s${n}.txt`, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
    };
    // The agency in three articles, John Binns in one: "binns" is spelled by the agency's letters too.
    for (const n of [1, 2, 3]) add(n, 'The Cybersecurity and Infrastructure Security Agency said 5 agencies were hit. The Cybersecurity and Infrastructure Security Agency said more.');
    add(4, 'John Binns said he did it. Binns is 21.');
    assert.strictEqual(workspaceSymbols(small, 'binns')[0]?.name, 'John Binns');
    assert.strictEqual(workspaceSymbols(small, 'John Binns')[0]?.name, 'John Binns');
    // Only spelled by its letters, the agency is left out when a name holds the query; a query no name holds spells.
    assert.ok(!workspaceSymbols(small, 'binns').some((x) => x.name.startsWith('Cybersecurity')), JSON.stringify(workspaceSymbols(small, 'binns').map((x) => x.name)));
    assert.ok(workspaceSymbols(small, 'jbin').some((x) => x.name === 'John Binns'));
  });
});
