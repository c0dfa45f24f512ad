/**
 * Smart selection (features/selection.ts): from the cursor outwards through
 * the word, the name or figure, the link or quotation, the sentence, the
 * paragraph, the body's text, the section and the article; each range holds
 * the one before. Then over stdio: several cursors at once, CRLF and a
 * character outside the BMP, a document that is no article.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { selectionSpans } from '../server/src/core/features/selection';
import { extractFacts } from '../server/src/core/extract/facts';
import { parse } from '../server/src/core/syntax/parse';
import { article, seed } from './helpers/fixture';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { closeWorkspace, fileUri, openWorkspace } from './helpers/lsp';

/** The texts of the chain of selections at the first character of `word` (past `skip` characters), innermost first. */
function chain(text: string, word: string, skip = 0): string[] {
  const at = text.indexOf(word);
  assert.ok(at >= 0, word);
  const a = parse(text).article;
  return selectionSpans(a, extractFacts('file:///a.txt', text, a), text, at + skip).map((s) => text.slice(s.start, s.end));
}

const BODY = [
  'T-Mobile said 54 million customers were hit. John Binns told the [Wall Street Journal](https://www.wsj.com/x) he did it, calling its security "awful, really awful" in a chat.',
  '',
  '- More than 850,000 prepaid customers were named.',
].join('\n');

describe('smart selection', () => {
  const text = article({ body: BODY });
  const body = text.slice(text.indexOf('T-Mobile said'), text.indexOf('were named.') + 'were named.'.length);
  const section = text.slice(text.indexOf('## Article:'), text.indexOf('were named.') + 'were named.\n'.length);

  it('a figure: the word, the figure, the figure with what it counts, the sentence, the paragraph, the body, the section, the article', () => {
    const got = chain(text, 'million customers', 2);
    assert.deepStrictEqual(got.slice(0, 5), ['million', '54 million', '54 million customers', 'T-Mobile said 54 million customers were hit.', BODY.split('\n')[0]]);
    assert.deepStrictEqual(got.slice(5, 7).map((s) => s.trimEnd()), [body, section.trimEnd()]);
    assert.strictEqual(got[got.length - 1], text);
  });

  it('a name: the word, then the whole name; inside a link the link text, then the link', () => {
    assert.deepStrictEqual(chain(text, 'Binns').slice(0, 3), ['Binns', 'John Binns', 'John Binns told the [Wall Street Journal](https://www.wsj.com/x) he did it, calling its security "awful, really awful" in a chat.']);
    assert.deepStrictEqual(chain(text, 'Street').slice(0, 3), ['Street', 'Wall Street Journal', '[Wall Street Journal](https://www.wsj.com/x)']);
  });

  it('a quotation: the words, then with their marks', () => {
    assert.deepStrictEqual(chain(text, 'really').slice(0, 3), ['really', 'awful, really awful', '"awful, really awful"']);
  });

  it('a hedged figure in a list item: the hedge and the count, then the item', () => {
    const got = chain(text, '850,000');
    assert.deepStrictEqual(got.slice(0, 3), ['850,000', 'More than 850,000', 'More than 850,000 prepaid customers']);
    assert.ok(got.includes('- More than 850,000 prepaid customers were named.'), got.join(' | '));
  });

  it('Information and tags: the value, the line, the block; the tag\'s name, the tag, the line, the section', () => {
    const info = chain(text, 'ThreatPost');
    assert.deepStrictEqual(info.slice(0, 2), ['ThreatPost', '+ Source: ThreatPost']);
    assert.ok(info[2].startsWith('## Information:') && info[2].includes('+ Author:'), info[2]);
    const tag = chain(text, 'Example]]');
    assert.deepStrictEqual(tag.slice(0, 3), ['Example', '[[Example]]', '[[Example]] [[ThreatPost]]']);
    assert.ok(tag[3].startsWith('#### Tags:'), tag[3]);
  });

  it('each range holds the one before and is larger, in every seed, at every 7th offset', () => {
    for (const id of ['000', '001', '002']) {
      const t = seed(id);
      const a = parse(t).article;
      const facts = extractFacts('file:///s.txt', t, a);
      for (let at = 0; at <= t.length; at += 7) {
        const spans = selectionSpans(a, facts, t, at);
        assert.ok(spans.length >= 1 && spans[0].start <= at && at <= spans[0].end, `${id}@${at}: the first holds the cursor`);
        for (let k = 1; k < spans.length; k++) {
          const [inner, outer] = [spans[k - 1], spans[k]];
          assert.ok(outer.start <= inner.start && outer.end >= inner.end && outer.end - outer.start > inner.end - inner.start, `${id}@${at}: ${k}`);
        }
        assert.deepStrictEqual(spans[spans.length - 1], { start: 0, end: t.length });
      }
    }
  });

  it('a word of letters outside the BMP, and the cursor right after a word', () => {
    const t = article({ body: 'The 𝔘𝔫𝔦𝔬𝔫 said so.' });
    assert.strictEqual(chain(t, '𝔫𝔦', 1)[0], '𝔘𝔫𝔦𝔬𝔫');
    const at = t.indexOf('said') + 4;
    const a = parse(t).article;
    const first = selectionSpans(a, undefined, t, at)[0];
    assert.strictEqual(t.slice(first.start, first.end), 'said');
  });

  describe('over stdio', function () {
    this.timeout(60_000);

    it('answers one chain per cursor, in the editor\'s positions (CRLF, a character outside the BMP), and null for a file that is no article', async () => {
      const ws = await openWorkspace('bd-select-');
      try {
        const { client, dir } = ws;
        const crlf = article({ body: '🙂 John Binns said 54 million customers were hit.', eol: '\r\n' });
        const uri = fileUri(path.join(dir, 'a.txt'));
        fs.writeFileSync(path.join(dir, 'a.txt'), crlf);
        await client.open(uri, crlf);
        await client.diagnostics(uri);
        const lines = crlf.split('\r\n');
        const line = lines.findIndex((l) => l.includes('Binns'));
        const col = (w: string) => lines[line].indexOf(w);
        const got = await client.request<any[]>('textDocument/selectionRange', {
          textDocument: { uri },
          positions: [{ line, character: col('Binns') + 1 }, { line, character: col('million') }],
        });
        assert.strictEqual(got.length, 2);
        const texts = (r: any): string[] => {
          const out: string[] = [];
          for (let s = r; s; s = s.parent) {
            const { start, end } = s.range;
            const from = lines.slice(0, start.line).reduce((n, l) => n + l.length + 2, 0) + start.character;
            const to = lines.slice(0, end.line).reduce((n, l) => n + l.length + 2, 0) + end.character;
            out.push(crlf.slice(from, to));
          }
          return out;
        };
        assert.deepStrictEqual(texts(got[0]).slice(0, 3), ['Binns', 'John Binns', '🙂 John Binns said 54 million customers were hit.']);
        assert.deepStrictEqual(texts(got[1]).slice(0, 3), ['million', '54 million', '54 million customers']);
        assert.strictEqual(texts(got[0]).pop(), crlf);

        const note = fileUri(path.join(dir, 'notes.md'));
        await client.open(note, 'Shopping list: milk, eggs.\n', 'markdown');
        assert.strictEqual(await client.request('textDocument/selectionRange', { textDocument: { uri: note }, positions: [{ line: 0, character: 3 }] }), null);

        await assert.rejects(client.request('textDocument/selectionRange', { textDocument: { uri }, positions: 'here' }), /positions must be a list of positions/);

        // Thousands of cursors (every occurrence selected) are answered a slice at a time, each in its place; a cancel
        // between slices stops the rest.
        const many = Array.from({ length: 2000 }, (_, k) => ({ line, character: k % 2 ? col('million') : col('Binns') + 1 }));
        const all = await client.request<any[]>('textDocument/selectionRange', { textDocument: { uri }, positions: many });
        assert.strictEqual(all.length, many.length);
        all.forEach((r, k) => assert.strictEqual(texts(r)[0], k % 2 ? 'million' : 'Binns', `cursor ${k}`));
        const source = new CancellationTokenSource();
        const cancelled = client.connection.sendRequest('textDocument/selectionRange', { textDocument: { uri }, positions: many }, source.token);
        source.cancel();
        const outcome = await cancelled.then((r) => r, (e: { code: number }) => e.code);
        assert.ok(outcome === null || outcome === -32800, JSON.stringify(outcome).slice(0, 80));
      } finally {
        await closeWorkspace(ws);
      }
    });
  });
});
