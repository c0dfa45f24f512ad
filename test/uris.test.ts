/**
 * A file's URI, as the server names articles: `uriOf` takes a short way for
 * plain absolute paths (a warm start asks for every file's), and must give
 * exactly what `pathToFileURL` gives for any path.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { pathToFileURL } from 'url';
import { uriOf } from '../server/src/lsp/workspace';

describe('file URIs', function () {
  it('are pathToFileURL\'s for any path, plain or not', function () {
    const char = fc.constantFrom('a', 'Z', '0', '9', '.', '-', '_', '~', ' ', '%', '#', '?', 'é', '\\', ':', '@', '+', ',', '!', '$', '&', '\'', '(', '[', ';', '=');
    const segment = fc.oneof(fc.array(char, { maxLength: 6 }).map((cs) => cs.join('')), fc.constantFrom('', '.', '..', '...', '.hidden', 'a..b'));
    const file = fc.tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 5 }), fc.boolean())
      .map(([absolute, parts, slash]) => `${absolute ? '/' : ''}${parts.join('/')}${slash ? '/' : ''}`);
    fc.assert(fc.property(file, (p) => uriOf(p) === pathToFileURL(p).toString()), { numRuns: 5000 });
    for (const p of ['/work/corpus/zdnet/A-breach.md', '/a/./b.md', '/a/../b.md', '/a//b.md', '/a/b/', '/.hidden/x.txt', '/a/.../b', '/x y/z.md', '/a/%41.md', '/é.md', 'rel/a.md']) {
      assert.strictEqual(uriOf(p), pathToFileURL(p).toString(), p);
    }
  });
});
