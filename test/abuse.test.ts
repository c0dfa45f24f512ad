/**
 * Protocol abuse over stdio: the real server (`dist/server.js --stdio`)
 * gets what a buggy or hostile client sends — requests before initialize,
 * unknown URIs, positions out of range, malformed params and bytes, edits
 * to documents it never opened, a burst of 1,000 edits, cancelled requests,
 * a document closed twice. Every request must get an answer or a JSON-RPC
 * error, and the process must stay alive and keep answering. A short soak
 * checks that memory stays bounded (the 10,000-edit soak is `npm run soak`).
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { rssMb, soakEdit } from './fuzz/harness';
import { LspClient, ROOT, SERVER } from './helpers/lsp';

const SEED = fs.readFileSync(path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt'), 'utf8');
const URI = 'file:///bd-abuse/article.txt';

/** What came back: a result, or a JSON-RPC error with a numeric code and a message. */
async function outcome(p: Promise<unknown>): Promise<{ result: unknown } | { code: number; message: string }> {
  try {
    return { result: await p };
  } catch (err) {
    assert.ok(err instanceof ResponseError, `not a JSON-RPC error: ${String(err)}`);
    assert.strictEqual(typeof err.code, 'number');
    assert.strictEqual(typeof err.message, 'string');
    return { code: err.code, message: err.message };
  }
}

/** The server still answers a real question correctly. */
async function alive(client: LspClient): Promise<void> {
  assert.strictEqual(client.child.exitCode, null, `server exited: ${client.stderr.join('')}`);
  const symbols = await client.request<any[]>('workspace/symbol', { query: 'T-Mobile' });
  assert.ok(symbols.some((s) => s.name === 'T-Mobile'), JSON.stringify(symbols.slice(0, 3)));
}

describe('protocol abuse over stdio', function () {
  this.timeout(120000);
  let client: LspClient;

  before(function () {
    if (!fs.existsSync(SERVER)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });
  afterEach(async function () {
    await client.shutdown();
  });

  async function ready(): Promise<void> {
    client = new LspClient();
    await client.initialize();
    await client.notification('breachDesk/indexed');
  }

  it('answers requests sent before initialize with ServerNotInitialized (-32002), then initializes normally', async function () {
    client = new LspClient();
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } }],
      ['workspace/symbol', { query: 'x' }],
      ['textDocument/documentSymbol', { textDocument: { uri: URI } }],
      ['breachDesk/timeline', { textDocument: { uri: URI }, position: { line: 0, character: 0 } }],
      ['shutdown', null],
    ] as const) {
      const o = await outcome(client.request(method, params));
      assert.strictEqual((o as { code?: number }).code, -32002, `${method}: ${JSON.stringify(o)}`);
    }
    const init = await client.initialize();
    assert.ok(init.capabilities.hoverProvider);
    await client.notification('breachDesk/indexed');
    await alive(client);
  });

  it('answers requests after shutdown with InvalidRequest (-32600), and exits on exit', async function () {
    client = new LspClient();
    await client.initialize();
    await client.notification('breachDesk/indexed');
    assert.strictEqual(await client.request('shutdown', null), null);
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } }],
      ['workspace/symbol', { query: 'x' }],
      ['shutdown', null],
    ] as const) {
      const o = await outcome(client.request(method, params));
      assert.strictEqual((o as { code?: number }).code, -32600, `${method}: ${JSON.stringify(o)}`);
    }
    const exited = new Promise<number | null>((resolve) => (client as unknown as { child: import('child_process').ChildProcess }).child.once('exit', (code) => resolve(code)));
    await client.notify('exit', null);
    assert.strictEqual(await exited, 0);
  });

  it('answers every feature on unknown and odd URIs with nothing, not an error', async function () {
    await ready();
    for (const uri of ['file:///nowhere/x.txt', 'untitled:Untitled-1', 'http://example.com/a.txt', 'not a uri', '', 'file:///%E0%A4%A']) {
      const td = { textDocument: { uri } };
      const pos = { ...td, position: { line: 0, character: 0 } };
      for (const [method, params] of [
        ['textDocument/hover', pos], ['textDocument/definition', pos], ['textDocument/references', { ...pos, context: { includeDeclaration: true } }], ['textDocument/documentHighlight', pos],
        ['textDocument/completion', pos], ['textDocument/documentSymbol', td], ['textDocument/foldingRange', td], ['textDocument/codeLens', td],
        ['textDocument/semanticTokens/full', td], ['textDocument/semanticTokens/full/delta', { ...td, previousResultId: '1' }],
        ['textDocument/codeAction', { ...td, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
      ] as const) {
        const o = await outcome(client.request(method, params));
        assert.ok('result' in o, `${method} on ${JSON.stringify(uri)}: ${JSON.stringify(o)}`);
        const r = (o as { result: unknown }).result;
        assert.ok(r === null || (Array.isArray(r) && r.length === 0) || (typeof r === 'object' && (r as any).items?.length === 0), `${method} on ${JSON.stringify(uri)}: ${JSON.stringify(r)}`);
      }
    }
    await alive(client);
  });

  it('clamps positions out of range, and still answers at real positions', async function () {
    await ready();
    await client.open(URI, SEED);
    const bad = [
      { line: -1, character: 0 }, { line: 0, character: -1 }, { line: 1e9, character: 0 }, { line: 0, character: 1e9 },
      { line: 2 ** 31, character: 2 ** 31 }, { line: 1.5, character: 0.5 }, { line: Number.MAX_SAFE_INTEGER, character: 3 },
    ];
    for (const position of bad) {
      for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/completion', 'textDocument/documentHighlight']) {
        const o = await outcome(client.request(method, { textDocument: { uri: URI }, position, context: { includeDeclaration: true } }));
        assert.ok('result' in o, `${method} at ${JSON.stringify(position)}: ${JSON.stringify(o)}`);
      }
    }
    // A real position still gives a real card: "T-Mobile" in the title.
    const h = await client.request<any>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 2 } });
    assert.match(h.contents.value, /T\\-Mobile/);
    await alive(client);
  });

  it('answers malformed params with InvalidParams (-32602) or nothing, and survives malformed notifications', async function () {
    await ready();
    await client.open(URI, SEED);
    const junk: unknown[] = [null, {}, [], 42, 'text', { textDocument: null }, { textDocument: { uri: 5 }, position: 'here' },
      { textDocument: { uri: URI }, position: { line: 'a', character: {} } }, { textDocument: { uri: URI }, position: null },
      { textDocument: { uri: URI }, range: null, context: null }, { query: {} }, { query: null }, { textDocument: { uri: URI }, context: { diagnostics: [{ data: { fixes: 'x' }, source: 'breach-desk' }] } }];
    const methods = ['textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight', 'textDocument/completion', 'textDocument/documentSymbol',
      'textDocument/foldingRange', 'textDocument/codeAction', 'textDocument/codeLens', 'workspace/symbol', 'breachDesk/timeline', 'breachDesk/article',
      'completionItem/resolve', 'textDocument/semanticTokens/full', 'textDocument/semanticTokens/full/delta'];
    let errors = 0;
    for (const method of methods) {
      for (const params of junk) {
        const o = await outcome(client.request(method, params));
        if ('code' in o) {
          errors++;
          // Malformed params are refused as such (InvalidParams), not as an internal error.
          assert.strictEqual(o.code, -32602, `${method} ${JSON.stringify(params)}: ${o.code} ${o.message}`);
          // An error says what failed; it never carries a stack trace to the client.
          assert.ok(!/\n\s+at /.test(o.message), o.message);
        }
      }
    }
    assert.ok(errors > 0, 'no malformed request was refused');
    for (const [method, params] of [
      ['textDocument/didOpen', null], ['textDocument/didOpen', { textDocument: { uri: URI } }], ['textDocument/didChange', { textDocument: { uri: URI } }],
      ['textDocument/didChange', { textDocument: { uri: URI, version: 'x' }, contentChanges: [{ range: { start: { line: -5, character: 0 }, end: { line: 1e9, character: 0 } }, text: 'x' }] }],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///nope/a.txt', type: 2 }, { uri: 'garbage', type: 99 }] }],
      ['workspace/didChangeWatchedFiles', null], ['workspace/didChangeConfiguration', null], ['$/setTrace', { value: 'verbose' }], ['no/such/notification', { a: 1 }],
    ] as const) {
      await client.notify(method, params);
    }
    // An unknown request is refused with MethodNotFound.
    const unknown = await outcome(client.request('no/such/method', {}));
    assert.strictEqual((unknown as { code: number }).code, -32601);
    await alive(client);
  });

  it('survives bodies that are not JSON, not JSON-RPC, or a request with a null id', async function () {
    await ready();
    const stdin = client.child.stdin!;
    const raw = (body: string) => stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    raw('{not json');
    raw('{"jsonrpc":"2.0","id":"x","method":');
    raw('[]');
    raw('{"jsonrpc":"2.0","id":null,"method":"textDocument/hover","params":{}}');
    raw(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"${URI}","languageId":"breach-article","version":1,"text":"\\u0000\\ud800 \\u202e"}}}`);
    await alive(client);
  });

  it('ignores didChange and didClose for documents it never opened, and didClose twice', async function () {
    await ready();
    await client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'y' }] });
    await client.notify('textDocument/didClose', { textDocument: { uri: 'file:///never/opened.txt' } });
    await client.open(URI, SEED);
    await client.diagnostics(URI);
    await client.notify('textDocument/didClose', { textDocument: { uri: URI } });
    await client.notify('textDocument/didClose', { textDocument: { uri: URI } });
    // Reopened after the double close, it is analysed again from scratch.
    await client.open(URI, SEED.replace('# T-Mobile', '# Reopened T-Mobile'), 'breach-article', 7);
    await client.diagnostics(URI, (p) => p.version === 7);
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.match(symbols[0].name, /^Reopened T-Mobile/);
    await alive(client);
  });

  it('takes 1,000 edits in a burst and ends on the last version', async function () {
    await ready();
    await client.open(URI, SEED);
    const title = SEED.split('\n')[0];
    const sent: Promise<void>[] = [];
    for (let v = 2; v <= 1001; v++) {
      sent.push(client.notify('textDocument/didChange', {
        textDocument: { uri: URI, version: v },
        contentChanges: [{ range: { start: { line: 0, character: title.length + v - 2 }, end: { line: 0, character: title.length + v - 2 } }, text: 'x' }],
      }));
    }
    await Promise.all(sent);
    const last = await client.diagnostics(URI, (p) => p.version === 1001, 60000);
    assert.ok(last.diagnostics.every((d) => d.range.start.line >= 0));
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.strictEqual(symbols[0].name, `${title.slice(2)}${'x'.repeat(1000)}`);
    await alive(client);
  });

  it('answers cancelled requests with a result or RequestCancelled, never leaves one hanging', async function () {
    await ready();
    await client.open(URI, SEED);
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/completion', 'textDocument/documentSymbol', 'workspace/symbol']) {
        const source = new CancellationTokenSource();
        pending.push(client.connection.sendRequest(method, { textDocument: { uri: URI }, position: { line: i % 30, character: i % 7 }, query: 'a', context: { includeDeclaration: true } }, source.token));
        // Cancel before, right after, or never.
        if (i % 3 !== 2) source.cancel();
      }
    }
    const outcomes = await Promise.all(pending.map(outcome));
    for (const o of outcomes) if ('code' in o) assert.strictEqual(o.code, -32800, o.message);
    await alive(client);
  });

  it('keeps memory bounded over a 1,000-edit soak (the 10,000-edit soak is `npm run soak`)', async function () {
    await ready();
    await client.open(URI, SEED);
    const before = rssMb(client.child.pid!);
    if (before === undefined) {
      console.log('      skipped: no /proc to read the server’s memory from');
      this.skip();
    }
    const lines = SEED.split('\n');
    for (let v = 2; v <= 1001; v++) {
      await client.notify('textDocument/didChange', { textDocument: { uri: URI, version: v }, contentChanges: [soakEdit(lines, v)] });
      if (v % 100 === 0) await client.diagnostics(URI, (p) => p.version === v, 60000);
    }
    const after = rssMb(client.child.pid!)!;
    console.log(`      server RSS: ${before!.toFixed(0)} MB before, ${after.toFixed(0)} MB after 1,000 edits`);
    // Generous: a leak of one analysis per version (a few MB each) would blow far past this.
    assert.ok(after < before! + 150, `RSS grew from ${before} MB to ${after} MB`);
    await alive(client);
  });
});
