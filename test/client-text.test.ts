/**
 * Article text in the client's own widgets (client/src/text.ts): a name the
 * server found in an article reaches the "Show Entity…" quick pick, where
 * VS Code reads "$(name)" as an icon.
 */
import * as assert from 'assert';
import { noIcons } from '../client/src/text';

describe('article text in the client\'s quick pick', function () {
  it('"$(" never opens an icon; the rest is shown as written', function () {
    assert.strictEqual(noIcons('Evil$(bug)Corp'), 'Evil$\u200b(bug)Corp');
    assert.strictEqual(noIcons('$(verified) Reuters $(warning)'), '$\u200b(verified) Reuters $\u200b(warning)');
    assert.strictEqual(noIcons('AT&T paid $5 (in cash)'), 'AT&T paid $5 (in cash)');
    assert.ok(!/\$\(/.test(noIcons('$($($(x)))')));
  });
});
