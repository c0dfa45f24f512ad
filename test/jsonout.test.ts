/**
 * The CLI's reports are written a piece at a time (a large corpus's report is
 * longer than a JavaScript string may be): the pieces must make exactly what
 * `JSON.stringify(value, null, 2)` would, and a generator must stand for the
 * array it yields.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { ChunkedWriter, writeJson } from '../server/src/node/jsonout';

function written(value: unknown): string {
  let s = '';
  writeJson({ write: (x) => { s += x; } }, value);
  return s;
}

/** The value with every array replaced by a generator of its items. */
function lazily(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(lazily);
    return (function* () { yield* items; })();
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lazily(v)]));
  return value;
}

describe('streamed JSON reports', function () {
  it('write what JSON.stringify(value, null, 2) writes, at every depth', function () {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 7 }), (v) => assert.strictEqual(written(v), JSON.stringify(v, null, 2))), { numRuns: 2000 });
    // What JSON leaves out or turns into null: undefined properties, undefined items, functions.
    const odd = { a: undefined, b: [undefined, () => 1, 'x\ny'], c: { d: { e: { f: [1, { g: [] }] } } }, h: {}, i: [], j: null };
    assert.strictEqual(written(odd), JSON.stringify(odd, null, 2));
  });

  it('take generators where arrays go, making each item only when it is written', function () {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => assert.strictEqual(written(lazily(v)), JSON.stringify(v, null, 2))), { numRuns: 1000 });
    let made = 0;
    const chunks: string[] = [];
    const madeAt: number[] = [];
    const out = new ChunkedWriter((c) => { chunks.push(c); madeAt.push(made); });
    const files = (function* () {
      for (let i = 0; i < 3000; i++) {
        made++;
        yield { path: `article-${i}.txt`, diagnostics: [{ code: 'x', message: 'y'.repeat(400) }] };
      }
    })();
    writeJson(out, { version: '1', files, summary: { files: 3000 } });
    out.flush();
    // The first megabyte went out while most items were still to be made.
    assert.ok(madeAt[0] < 3000, `items made before the first chunk: ${madeAt[0]}`);
    // Written in chunks of about a megabyte, never as one string.
    assert.ok(chunks.length >= 2, `${chunks.length} chunks`);
    assert.ok(chunks.every((c) => c.length < (1 << 20) + 4096));
    const parsed = JSON.parse(chunks.join(''));
    assert.strictEqual(parsed.files.length, 3000);
    assert.deepStrictEqual(parsed.summary, { files: 3000 });
  });

  it('ask a function for its value only when they reach it, after what comes before', function () {
    let made = 0;
    const files = (function* () {
      for (let i = 0; i < 5; i++) {
        made++;
        yield { n: i };
      }
    })();
    const report = { files, summary: () => ({ made }) };
    const text = written(report);
    assert.deepStrictEqual(JSON.parse(text), { files: [0, 1, 2, 3, 4].map((n) => ({ n })), summary: { made: 5 } });
    assert.strictEqual(text, JSON.stringify({ files: [0, 1, 2, 3, 4].map((n) => ({ n })), summary: { made: 5 } }, null, 2));
  });
});
