/**
 * A new article's skeleton: offered by completion in an empty document, over
 * stdio with the real server, as a snippet to a client that takes snippets (and
 * not to one that does not); asked for by the editor's "New Article" command,
 * as a snippet and as plain text. Filled in with its first values, it is an article of the corpus's
 * layout, dated today, with the corpus's outlets to choose from.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { articleSkeleton, seedStyleDate } from '../server/src/core/features/skeleton';
import { extractFacts } from '../server/src/core/extract/facts';
import { CorpusIndex, lineStartsOf } from '../server/src/core/index/corpus';
import { parse } from '../server/src/core/syntax/parse';
import { analyze } from '../server/src/core/analyze';
import { LspClient, ROOT } from './helpers/lsp';

/**
 * A snippet as an editor expands it with each tab stop's first value, following the grammar of the LSP's snippet
 * syntax (escapes included); also returns each choice's values.
 */
function expand(snippet: string): { text: string; choices: Map<number, string[]> } {
  const choices = new Map<number, string[]>();
  let text = '';
  let i = 0;
  const unescape = (s: string, special: string) => s.replace(new RegExp(`\\\\([${special.replace(/[\]\\^-]/g, '\\$&')}])`, 'g'), '$1');
  while (i < snippet.length) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      text += snippet[i + 1];
      i += 2;
    } else if (c === '$') {
      const simple = /^\$(\d+)/.exec(snippet.slice(i));
      if (simple) {
        i += simple[0].length;
        continue;
      }
      const choice = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(snippet.slice(i));
      if (choice) {
        const values = choice[2].split(/(?<!\\),/).map((v) => unescape(v, ',|\\'));
        choices.set(Number(choice[1]), values);
        text += values[0];
        i += choice[0].length;
        continue;
      }
      const placeholder = /^\$\{(\d+):((?:[^}\\]|\\.)*)\}/.exec(snippet.slice(i));
      assert.ok(placeholder, `a tab stop the grammar knows at ${i}: ${snippet.slice(i, i + 30)}`);
      text += unescape(placeholder[2], '$}\\');
      i += placeholder[0].length;
    } else {
      text += c;
      i++;
    }
  }
  return { text, choices };
}

/** The seeds' outlets, most articles first, read from their files. */
function seedOutlets(): string[] {
  const counts = new Map<string, number>();
  for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) {
    const m = /^\+ Source:\s*(.+?)\s*$/m.exec(fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));
    if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

describe('a new article\'s skeleton', function () {
  this.timeout(60000);

  it('filled in with its first values is an article of the corpus\'s layout, dated today, that the checks accept', function () {
    const index = new CorpusIndex();
    const today = new Date(2026, 11, 7);
    const { snippet, plain } = articleSkeleton(index, today);
    const { text } = expand(snippet);
    assert.strictEqual(text, plain, 'the plain text is the snippet with its first values');
    const article = parse(text).article;
    assert.strictEqual(article.title?.text, 'Title');
    assert.strictEqual(article.subtitle?.text, 'Subtitle');
    const facts = extractFacts('untitled:Untitled-1', text, article);
    assert.strictEqual(facts.date, Date.UTC(2026, 11, 7));
    assert.strictEqual(seedStyleDate(today), 'December 7, 2026');
    // No problem of layout (sections, their order, the fields): only what is left to write, the Link's address, the
    // article and its tags.
    const codes = analyze(text, { now: Date.UTC(2026, 11, 8) }).diagnostics.map((d) => d.code).sort();
    assert.deepStrictEqual(codes, ['article.empty', 'info.bad-link', 'tags.empty']);
  });

  it('offers the corpus\'s outlets as a choice, most articles first, however their names are written', function () {
    const index = new CorpusIndex();
    const outlets = ['Hack|Watch, Daily', 'Back\\slash $News}', 'Hack|Watch, Daily', 'Plain'];
    outlets.forEach((source, n) => {
      const uri = `file:///corpus/${n}.txt`;
      const text = `# Story ${n}\n\n## Information:\n+ Source: ${source}\n+ Date: Aug ${n + 1}, 2021\n\n## Article:\nAcme said 5,000 customers were affected.\n`;
      index.set({ facts: extractFacts(uri, text, parse(text).article), lineStarts: lineStartsOf(text), origin: 'workspace' });
    });
    const { choices, text } = expand(articleSkeleton(index, new Date(2026, 0, 2)).snippet);
    assert.deepStrictEqual(choices.get(3), ['Hack|Watch, Daily', 'Back\\slash $News}', 'Plain']);
    assert.match(text, /^\+ Source: Hack\|Watch, Daily$/m);
    assert.match(text, /^\+ Date: January 2, 2026$/m);
  });

  describe('over stdio', function () {
    let client: LspClient;
    afterEach(async function () {
      await client?.shutdown();
    });

    async function start(snippetSupport: boolean): Promise<void> {
      client = new LspClient();
      await client.initialize(null, { workspace: { configuration: true }, textDocument: { completion: { completionItem: { snippetSupport } } } });
      await client.notification('breachDesk/indexed');
    }

    const completeAt = (uri: string, line: number, character: number) =>
      client.request<{ items: any[] }>('textDocument/completion', { textDocument: { uri }, position: { line, character } });

    it('completion in an empty document offers it as a snippet, with the seeds\' outlets and today\'s date', async function () {
      await start(true);
      const uri = 'untitled:Untitled-1';
      await client.open(uri, '\n  \n');
      const { items } = await completeAt(uri, 1, 2);
      assert.strictEqual(items.length, 1);
      const [item] = items;
      assert.strictEqual(item.label, 'New article');
      assert.strictEqual(item.insertTextFormat, 2, 'a snippet');
      assert.strictEqual(item.kind, 15, 'CompletionItemKind.Snippet');
      assert.deepStrictEqual(item.textEdit.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
      const { text, choices } = expand(item.textEdit.newText);
      assert.deepStrictEqual(choices.get(3), seedOutlets());
      // Today as the server sees it (a test that runs across midnight may see either day).
      const days = [new Date(Date.now() - 60_000), new Date()].map(seedStyleDate);
      assert.ok(days.some((d) => text.includes(`+ Date: ${d}\n`)), text);
      // The "New Article" command asks for the same skeleton.
      const asked = await client.request<{ snippet: string; plain: string }>('breachDesk/articleSkeleton', {});
      assert.strictEqual(asked.snippet, item.textEdit.newText);
      assert.strictEqual(expand(asked.snippet).text, asked.plain);
    });

    it('a client without snippets gets none (it may put its lines on one); nor does a document with words in it, or a title being typed', async function () {
      await start(false);
      const empty = 'untitled:Untitled-2';
      await client.open(empty, '# ');
      assert.deepStrictEqual((await completeAt(empty, 0, 2)).items.filter((i) => i.label === 'New article'), []);
      await client.shutdown();
      await start(true);
      await client.open(empty, '# ');
      assert.strictEqual((await completeAt(empty, 0, 2)).items[0]?.label, 'New article');
      // Words already written are the writer's: no skeleton in their place.
      const started = 'untitled:Untitled-3';
      await client.open(started, '# Acme \n');
      assert.ok(!(await completeAt(started, 0, 7)).items.some((i) => i.label === 'New article'));
      const below = 'untitled:Untitled-4';
      await client.open(below, '\nSome notes.\n');
      assert.ok(!(await completeAt(below, 0, 0)).items.some((i) => i.label === 'New article'));
    });
  });
});
