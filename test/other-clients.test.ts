/**
 * What a client other than the VS Code extension gets, over stdio with the
 * real server: a client that cannot be asked for settings (Neovim 0.7
 * advertises no `workspace/configuration`) gives them in
 * `initializationOptions.settings` or pushes them with
 * `workspace/didChangeConfiguration`; a client that draws no timeline runs the
 * timeline lenses' command on the server, which answers with the values as text;
 * a client that watches no files has the server watch the folders itself.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCorpus } from '../bench/generate';
import { fileUri, LspClient, ROOT } from './helpers/lsp';

const SEED = path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt');

describe('clients other than the VS Code extension', function () {
  let client: LspClient;
  let dir: string;

  beforeEach(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-other-'));
  });
  afterEach(async function () {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the server as a client without `workspace/configuration` would, opens the seed and returns its first publication's codes. */
  async function start(initializationOptions?: unknown): Promise<string[]> {
    client = new LspClient();
    await client.initialize(fileUri(dir), {}, initializationOptions);
    await client.notification('breachDesk/indexed');
    await client.open(fileUri(SEED), fs.readFileSync(SEED, 'utf8'));
    const p = await client.diagnostics(fileUri(SEED), (x) => x.diagnostics.some((d) => d.code === 'figure.reconciled'));
    return p.diagnostics.map((d) => String(d.code));
  }

  it('settings given at initialization are followed from the first publication', async function () {
    const codes = await start({ settings: { severity: { 'tags.stop-word': 'off', 'tags.possessive': 'error' } } });
    assert.ok(!codes.includes('tags.stop-word'), codes.join(' '));
    const seen = client.published.get(fileUri(SEED))!.flatMap((p) => p.diagnostics);
    assert.ok(!seen.some((d) => d.code === 'tags.stop-word'), 'no publication showed the silenced code');
    const possessive = seen.find((d) => d.code === 'tags.possessive')!;
    assert.strictEqual(possessive.severity, 1);
  });

  it('settings pushed with didChangeConfiguration apply; without them the defaults stand', async function () {
    const before = await start();
    assert.ok(before.includes('tags.stop-word'), before.join(' '));
    await client.notify('workspace/didChangeConfiguration', { settings: { breachDesk: { severity: { 'tags.stop-word': 'off' } } } });
    const after = await client.diagnostics(fileUri(SEED), (x) => x.diagnostics.some((d) => d.code === 'figure.reconciled') && !x.diagnostics.some((d) => d.code === 'tags.stop-word'));
    assert.ok(after.diagnostics.some((d) => d.code === 'tags.punctuation'));
    // Pushed again without it: the default comes back.
    await client.notify('workspace/didChangeConfiguration', { settings: { breachDesk: {} } });
    await client.diagnostics(fileUri(SEED), (x) => x.diagnostics.some((d) => d.code === 'tags.stop-word'));
  });

  it('a timeline lens runs a server command that shows the values as text, a line each, with no link or icon an article could slip in', async function () {
    // Another outlet states the seed's count of former customers, and names itself as a command link.
    fs.writeFileSync(path.join(dir, 'hostile.txt'), `# T-Mobile: the count\n\n## Information:\n+ Source: [Fix now](command:workbench.action.terminal.new) $(bug)\x1b[2J\n+ Link: https://example.com/hostile\n+ Date: 2021-08-29\n+ Author: Mallory\n\n## Article:\nT-Mobile said the records of 667,000 former customers were stolen in the breach.\n\n#### Tags:\n[[T-Mobile]]\n`);
    await start();
    const init = client.initializeResult;
    assert.deepStrictEqual(init?.capabilities?.executeCommandProvider?.commands, ['breachDesk.figureTimelineText', 'breachDesk.linkedFromText']);
    const lenses = await client.request<any[]>('textDocument/codeLens', { textDocument: { uri: fileUri(SEED) } });
    assert.ok(lenses.length > 0);
    const lens = lenses.find((l) => /former customers/.test(l.command.title)) ?? lenses[0];
    assert.strictEqual(lens.command.command, 'breachDesk.figureTimelineText');
    assert.strictEqual(await client.request('workspace/executeCommand', { command: lens.command.command, arguments: lens.command.arguments }), null);
    const shown = await client.notification('window/showMessage');
    assert.strictEqual(shown.type, 3);
    const lines = String(shown.message).split('\n');
    const values = Number(/(\d+) statements/.exec(lens.command.title)![1]);
    assert.match(lines[0], new RegExp(`^Timeline of .+: ${values} statements$`));
    assert.strictEqual(lines.length, values + 1, shown.message);
    assert.strictEqual(lines.filter((l) => l.includes('(this figure)')).length, 1, shown.message);
    assert.ok(lines.slice(1).every((l) => /^(?:[A-Z][a-z]{2} \d{1,2}, \d{4}|undated) · /.test(l)), shown.message);
    // The hostile outlet is there, but as text: no "](", no "$(", no control character.
    assert.ok(shown.message.includes('Fix now'), shown.message);
    assert.ok(!/\]\(|\$\(|[\x00-\x09\x0b-\x1f]/.test(shown.message), shown.message);
    // Anything else is refused, not run.
    await assert.rejects(client.request('workspace/executeCommand', { command: 'rm', arguments: ['-rf'] }), /no command/);
    await assert.rejects(client.request('workspace/executeCommand', { command: 'breachDesk.figureTimelineText', arguments: [{}, 'x'] }), /takes a document URI/);
  });

  it('the VS Code extension, which draws timelines and shows references, gets its own commands on the lenses and no server command', async function () {
    await start({ timelineView: true, referencesView: true });
    assert.strictEqual(client.initializeResult?.capabilities?.executeCommandProvider, undefined);
    const lenses = await client.request<any[]>('textDocument/codeLens', { textDocument: { uri: fileUri(SEED) } });
    assert.ok(lenses.length > 0 && lenses.every((l) => l.command.command === 'breachDesk.showFigureTimeline'), JSON.stringify(lenses));
    const sale = path.join(ROOT, 'seeds', '002_abc3471a9c8ced9d.txt');
    await client.open(fileUri(sale), fs.readFileSync(sale, 'utf8'));
    const linked = (await client.request<any[]>('textDocument/codeLens', { textDocument: { uri: fileUri(sale) } })).filter((l) => /^Linked from/.test(l.command.title));
    assert.deepStrictEqual(linked.map((l) => [l.command.title, l.command.command]), [['Linked from 1 article', 'breachDesk.showLinkedFrom']]);
    // With only the timelines drawn, the other lens's command is the server's.
    await client.shutdown();
    await start({ timelineView: true });
    assert.deepStrictEqual(client.initializeResult?.capabilities?.executeCommandProvider?.commands, ['breachDesk.linkedFromText']);
  });

  it('a "Linked from" lens over a linked article\'s title runs a server command that names the articles, as text', async function () {
    // A second article links to the "Up for Sale" seed (under ThreatPost's other address form), its title hostile.
    fs.writeFileSync(path.join(dir, 'hostile.txt'), `# [Fix now](command:workbench.action.terminal.new) $(bug)\x1b[2J\n\n## Information:\n+ Source: Example Wire\n+ Link: https://example.com/hostile\n+ Date: 2021-08-30\n+ Author: Mallory\n\n## Article:\nAs [reported](https://threatpost.com/t-mobile-investigates-100m-records/168689/), T-Mobile was breached.\n`);
    await start();
    const sale = path.join(ROOT, 'seeds', '002_abc3471a9c8ced9d.txt');
    const text = fs.readFileSync(sale, 'utf8');
    await client.open(fileUri(sale), text);
    const lenses = await client.request<any[]>('textDocument/codeLens', { textDocument: { uri: fileUri(sale) } });
    const lens = lenses.find((l) => /^Linked from/.test(l.command.title));
    assert.ok(lens, JSON.stringify(lenses));
    assert.strictEqual(lens.command.title, 'Linked from 2 articles');
    assert.strictEqual(lens.command.command, 'breachDesk.linkedFromText');
    // Over the title; its arguments are where the article's own address stands (references there list the links).
    assert.strictEqual(lens.range.start.line, text.split('\n').findIndex((l) => l.startsWith('# ')));
    const [uri, line, character] = lens.command.arguments;
    assert.strictEqual(uri, fileUri(sale));
    assert.ok(text.split('\n')[line].slice(character).startsWith('https://kasperskycontenthub.com/threatpost-global/?p=168689'), `${line}:${character}`);
    assert.strictEqual(await client.request('workspace/executeCommand', { command: lens.command.command, arguments: lens.command.arguments }), null);
    const shown = await client.notification('window/showMessage');
    assert.match(shown.message, /^Breach Desk: linked from 2 articles: T-Mobile’s Security Is ‘Awful,’ Says Purported Thief \(ThreatPost, Aug 28, 2021\); /);
    assert.ok(shown.message.includes('Fix now'), shown.message);
    assert.ok(!/\]\(|\$\(|[\x00-\x1f]/.test(shown.message), shown.message);
    // No lens where no article links.
    const zdnet = path.join(ROOT, 'seeds', '001_ea6beca59c6dffc6.txt');
    await client.open(fileUri(zdnet), fs.readFileSync(zdnet, 'utf8'));
    assert.ok(!(await client.request<any[]>('textDocument/codeLens', { textDocument: { uri: fileUri(zdnet) } })).some((l) => /^Linked from/.test(l.command.title)));
  });

  it('a client that watches no files: the server sees articles created, changed and deleted outside the editor', async function () {
    await start();
    const file = path.join(dir, 'sub', 'new.txt');
    const text = (name: string) => `# A breach at ${name}\n\n## Information:\n+ Source: Example Wire\n+ Link: https://example.com/x\n+ Date: 2021-08-20\n+ Author: Jane Doe\n\n## Article:\n${name} said the records of 5,000 customers were stolen.\n\n#### Tags:\n[[${name}]]\n`;
    /** Waits until workspace/symbol for `query` does (or does not) find a symbol of that name. */
    const until = async (query: string, present: boolean) => {
      const deadline = Date.now() + 20000;
      for (;;) {
        const found = (await client.request<any[]>('workspace/symbol', { query })).some((x) => x.name === query);
        if (found === present) return;
        assert.ok(Date.now() < deadline, `${query} ${present ? 'never appeared' : 'never went'}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, text('Zorblax Corp'));
    await until('Zorblax Corp', true);
    fs.writeFileSync(file, text('Quaffle Labs'));
    await until('Quaffle Labs', true);
    await until('Zorblax Corp', false);
    fs.rmSync(file);
    await until('Quaffle Labs', false);
    // A folder copied in whole, then removed whole; and nothing under node_modules is taken.
    const copied = path.join(dir, 'copied', 'deep');
    fs.mkdirSync(path.join(dir, 'copied-tmp', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'copied-tmp', 'deep', 'a.txt'), text('Vexmoor Systems'));
    fs.renameSync(path.join(dir, 'copied-tmp'), path.join(dir, 'copied'));
    await until('Vexmoor Systems', true);
    fs.rmSync(path.join(dir, 'copied'), { recursive: true });
    await until('Vexmoor Systems', false);
    assert.ok(!fs.existsSync(copied));
    // node_modules is no corpus folder (the load skips it too): an article written there before another is not taken.
    fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'readme.txt'), text('Drelloc Inc'));
    fs.writeFileSync(path.join(dir, 'later.txt'), text('Sentinel Labs'));
    await until('Sentinel Labs', true);
    assert.ok(!(await client.request<any[]>('workspace/symbol', { query: 'Drelloc Inc' })).some((x) => x.name === 'Drelloc Inc'));
  });

  it('a client that takes LocationLinks goes from a figure to the figure in its source, its sentence around it', async function () {
    const zdnet = path.join(ROOT, 'seeds', '001_ea6beca59c6dffc6.txt');
    const text = fs.readFileSync(zdnet, 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('667,000'));
    const position = { line, character: lines[line].indexOf('667,000') + 2 };
    const seedLines = fs.readFileSync(SEED, 'utf8').split('\n');
    const slice = (r: any) => seedLines[r.start.line].slice(r.start.character, r.end.line === r.start.line ? r.end.character : undefined);
    client = new LspClient();
    await client.initialize(fileUri(dir), { textDocument: { definition: { linkSupport: true } } });
    await client.notification('breachDesk/indexed');
    await client.open(fileUri(zdnet), text);
    const links = await client.request<any[]>('textDocument/definition', { textDocument: { uri: fileUri(zdnet) }, position });
    const link = links.find((l) => l.targetUri === fileUri(SEED));
    assert.ok(link, JSON.stringify(links));
    assert.strictEqual(slice(link.targetSelectionRange), '667,000');
    assert.ok(slice(link.targetRange).startsWith('The most recent theft'), slice(link.targetRange));
    await client.shutdown();
    // A client that takes plain Locations gets the sentence.
    client = new LspClient();
    await client.initialize(fileUri(dir), {});
    await client.notification('breachDesk/indexed');
    await client.open(fileUri(zdnet), text);
    const locations = await client.request<any[]>('textDocument/definition', { textDocument: { uri: fileUri(zdnet) }, position });
    const loc = locations.find((l) => l.uri === fileUri(SEED));
    assert.ok(loc && slice(loc.range).startsWith('The most recent theft'), JSON.stringify(locations));
  });

  it('a card asked for while the corpus is still being read says its counts are partial, and only then (hover and a completion item\'s details)', async function () {
    this.timeout(60000);
    generateCorpus(path.join(dir, 'gen'), 400, 5);
    const text = fs.readFileSync(SEED, 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('his name is John Binns'));
    const position = { line, character: lines[line].indexOf('John Binns') + 7 };
    client = new LspClient();
    await client.initialize(fileUri(dir));
    await client.open(fileUri(SEED), text);
    const seen: { indexed: boolean; partial: boolean; item: boolean }[] = [];
    // The item completion after `[[` offers for John Binns, as the client sends it back to be resolved.
    const item = { label: 'John Binns', data: { key: 'john binns', uri: fileUri(SEED) } };
    for (;;) {
      // Messages arrive in the order the server sent them: a notification sent before an answer is already in.
      const done = () => client.notifications.some((n) => n.method === 'breachDesk/indexed');
      const h = await client.request<any>('textDocument/hover', { textDocument: { uri: fileUri(SEED) }, position });
      if (h) seen.push({ indexed: done(), partial: /still being indexed/.test(h.contents.value), item: false });
      const r = await client.request<any>('completionItem/resolve', item);
      if (r.documentation) seen.push({ indexed: done(), partial: /still being indexed/.test(r.documentation.value), item: true });
      if (done()) break;
    }
    assert.ok(seen.some((x) => !x.indexed && !x.item) && seen.some((x) => !x.indexed && x.item), 'no card was asked for during the load: make the corpus larger');
    assert.ok(seen.every((x) => x.partial === !x.indexed), JSON.stringify(seen));
  });

  it('a client that renders no Markdown and takes no tree of symbols gets cards as plain text and a flat outline', async function () {
    client = new LspClient();
    await client.initialize(fileUri(dir), {
      textDocument: {
        hover: { contentFormat: ['plaintext'] },
        completion: { completionItem: { documentationFormat: ['plaintext'] } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: false },
      },
    });
    await client.notification('breachDesk/indexed');
    const text = fs.readFileSync(SEED, 'utf8');
    await client.open(fileUri(SEED), text);
    await client.diagnostics(fileUri(SEED));
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('his name is John Binns'));
    const h = await client.request<any>('textDocument/hover', { textDocument: { uri: fileUri(SEED) }, position: { line, character: lines[line].indexOf('John Binns') + 7 } });
    assert.strictEqual(h.contents.kind, 'plaintext');
    const card: string = h.contents.value;
    // The card's words, its outlets and dates, without Markdown: no emphasis, escapes or links.
    assert.match(card, /^John Binns · person/);
    assert.match(card, /ThreatPost, Aug 28, 2021/);
    assert.ok(!/\*\*|\\[.:(]|\]\(file:/.test(card), card);
    const r = await client.request<any>('completionItem/resolve', { label: 'John Binns', data: { key: 'john binns', uri: fileUri(SEED) } });
    assert.strictEqual(r.documentation.kind, 'plaintext');
    assert.match(r.documentation.value, /^John Binns · person/);
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: fileUri(SEED) } });
    // SymbolInformation: a location each, the section it is in as its container, and no children.
    assert.ok(symbols.every((x) => x.location?.uri === fileUri(SEED) && x.children === undefined), JSON.stringify(symbols[0]));
    assert.deepStrictEqual(symbols.filter((x) => x.name === 'Source' || x.name === 'Who is John Binns?').map((x) => [x.name, x.containerName]), [['Source', 'Information'], ['Who is John Binns?', 'Article']]);
  });
});

