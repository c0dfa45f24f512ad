/**
 * `breachDesk.exclude` and `breach-desk check --exclude`: which paths a list
 * of glob patterns leaves out of the corpus, and which patterns are refused.
 */
import * as assert from 'assert';
import * as path from 'path';
import { exclusion, patternProblem, relativePath } from '../server/src/node/exclude';

describe('exclude patterns', function () {
  const e = exclusion(['drafts/**', '**/*.draft.txt', 'archive/2019/**', 'scratch', 'notes/', './old/*']);
  const out = (rel: string) => e.excludes(rel);

  it('leave out what a pattern matches, or a folder it matches, relative to the folder read', function () {
    for (const rel of ['drafts/a.txt', 'drafts/deep/a.txt', 'a.draft.txt', 'x/y/a.draft.txt', 'archive/2019/q1/a.txt', 'scratch/a.txt', 'notes/a.txt', 'old/a.txt', 'old/sub/a.txt', '.hidden.draft.txt']) {
      assert.ok(out(rel), rel);
    }
    for (const rel of ['a.txt', 'x/drafts/a.txt', 'archive/2020/a.txt', 'archive/a.txt', 'scratchpad/a.txt', 'notes.txt', 'a.draft.md', 'drafts.txt']) {
      assert.ok(!out(rel), rel);
    }
  });

  it('tell a walk which folders not to go into', function () {
    for (const dir of ['drafts', 'archive/2019', 'scratch', 'notes', 'old/sub']) assert.ok(e.leavesOut(dir, true), dir);
    for (const dir of ['archive', 'x', 'old']) assert.ok(!e.leavesOut(dir, true), dir);
    // The folder read is never left out by its own path.
    assert.ok(!exclusion(['**']).excludes(''));
  });

  it('"*" stays in one folder, "**" crosses folders, and braces and classes work', function () {
    const x = exclusion(['*.draft.txt', '{tmp,temp}/**', 'v[0-9].txt']);
    assert.ok(x.excludes('a.draft.txt'));
    assert.ok(!x.excludes('sub/a.draft.txt'));
    assert.ok(x.excludes('temp/a.txt') && x.excludes('tmp/a.txt') && !x.excludes('tmpl/a.txt'));
    assert.ok(x.excludes('v1.txt') && !x.excludes('vx.txt'));
    // Extended globs are not read: "+(a|b)" is the name it spells.
    const ext = exclusion(['+(a|b).txt']);
    assert.ok(!ext.excludes('a.txt') && ext.excludes('+(a|b).txt'));
  });

  it('case counts where the file system says it does', function () {
    const folded = process.platform === 'win32' || process.platform === 'darwin';
    assert.strictEqual(exclusion(['Drafts/**']).excludes('drafts/a.txt'), folded);
  });

  it('refuse, in words, what cannot be used, and leave it out of the list', function () {
    const problems: [string, RegExp][] = [
      ['', /is empty/],
      ['   ', /is empty/],
      ['!drafts/keep.txt', /cannot bring back/],
      ['/home/me/drafts/**', /absolute path/],
      ['C:/drafts/**', /absolute path/],
      ['drafts\\**', /backslash/],
      ['../other/**', /goes up out of the folder/],
      ['*a*a*a*b', /more than 3 "\*" in one name/],
      ['{1..100000}.txt', /expands to more than 1000 patterns/],
      ['a'.repeat(70000), /too long/],
    ];
    for (const [p, re] of problems) assert.match(patternProblem(p) ?? 'usable', re, p.slice(0, 30));
    for (const p of ['drafts/**', './drafts/', ' drafts ', '**/*.draft.txt', '*a*a*b', '#notes', 'x/**/y']) assert.strictEqual(patternProblem(p), undefined, p);
    // A refused pattern leaves nothing out; the others still do.
    const mixed = exclusion(['!a.txt', 'b.txt']);
    assert.ok(!mixed.excludes('a.txt') && !mixed.excludes('c.txt') && mixed.excludes('b.txt'));
  });

  it('the most "*" a name may have match quickly even against the worst file name', function () {
    // Three "*" are allowed: the worst file name a file system allows fails in milliseconds.
    const x = exclusion(['*a*a*b']);
    const t = Date.now();
    assert.ok(!x.excludes('a'.repeat(255) + 'c'));
    assert.ok(Date.now() - t < 1000, `${Date.now() - t} ms`);
  });

  it('paths are made relative with forward slashes, and none outside the folder', function () {
    const dir = path.join(path.sep, 'ws');
    assert.strictEqual(relativePath(dir, path.join(dir, 'drafts', 'a.txt')), 'drafts/a.txt');
    assert.strictEqual(relativePath(dir, dir), '');
    assert.strictEqual(relativePath(dir, path.join(dir, '..foo.txt')), '..foo.txt');
    assert.strictEqual(relativePath(dir, path.join(path.sep, 'other', 'a.txt')), undefined);
    assert.strictEqual(relativePath(dir, path.join(path.sep, 'wsx', 'a.txt')), undefined);
  });
});
