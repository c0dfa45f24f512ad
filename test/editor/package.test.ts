/**
 * The .vsix that `npm run package` built ships exactly what runs: every
 * bundle esbuild.mjs writes except the CLI, the seeds, the grammar, the
 * language configuration, the icon (a real PNG) and the documents; no
 * sources, tests, source maps or node_modules. Its manifest says what the
 * Marketplace shows and declares restricted mode honestly.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { ROOT, vsixPath } from './codeServer';

/** Entries of a zip file, from its central directory (no dependency needed). */
function zipEntries(file: string): Map<string, { offset: number; method: number; size: number }> {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'a zip end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, { offset: number; method: number; size: number }>();
  for (let i = 0; i < count; i++) {
    assert.strictEqual(buf.readUInt32LE(at), 0x02014b50);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const offset = buf.readUInt32LE(at + 42);
    out.set(buf.toString('utf8', at + 46, at + 46 + nameLen), { offset, method, size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function readEntry(file: string, e: { offset: number; method: number; size: number }): Buffer {
  const buf = fs.readFileSync(file);
  const nameLen = buf.readUInt16LE(e.offset + 26);
  const extraLen = buf.readUInt16LE(e.offset + 28);
  const start = e.offset + 30 + nameLen + extraLen;
  // vsce writes the sizes in the central directory; the local header may carry zeros (data descriptor).
  const raw = buf.subarray(start, start + (e.method === 0 ? e.size : buf.length - start));
  return e.method === 0 ? raw : zlib.inflateRawSync(raw);
}

describe('the packaged .vsix', function () {
  let entries: Map<string, { offset: number; method: number; size: number }>;
  before(function () {
    assert.ok(fs.existsSync(vsixPath()), `${vsixPath()} is missing: run \`npm run package\` (test:editor does).`);
    entries = zipEntries(vsixPath());
  });

  it('ships every bundle but the CLI, the seeds, grammar, language configuration, icon and documents, and nothing else', function () {
    const bundles = [...fs.readFileSync(path.join(ROOT, 'esbuild.mjs'), 'utf8').matchAll(/outfile: '([^']+)'/g)].map((m) => m[1]).filter((f) => f !== 'dist/cli.js');
    assert.ok(bundles.includes('dist/server.js') && bundles.includes('dist/extension.js'), JSON.stringify(bundles));
    const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => `seeds/${f}`);
    const expected = [
      ...bundles, ...seeds, 'syntaxes/breach-article.tmLanguage.json', 'language-configuration.json', 'images/icon.png',
      'package.json', 'readme.md', 'changelog.md', 'LICENSE.txt',
    ].map((f) => `extension/${f}`).sort();
    const files = [...entries.keys()].filter((f) => f.startsWith('extension/')).sort();
    assert.deepStrictEqual(files, expected);
    assert.ok(!files.some((f) => /\.map$|\/src\/|node_modules|\.ts$/.test(f)));
  });

  it('has a manifest with icon, categories, keywords, repository, license and honest restricted-mode support', function () {
    const pkg = JSON.parse(readEntry(vsixPath(), entries.get('extension/package.json')!).toString('utf8'));
    assert.strictEqual(pkg.icon, 'images/icon.png');
    const icon = readEntry(vsixPath(), entries.get('extension/images/icon.png')!);
    assert.strictEqual(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128, 'icon at least 128×128');
    assert.ok(pkg.categories.includes('Linters') && pkg.keywords.length >= 3);
    assert.ok(pkg.repository?.url && pkg.license === 'MIT');
    // Restricted mode: limited, and the one setting that reads folders is restricted.
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['breachDesk.corpus']);
    const manifest = readEntry(vsixPath(), entries.get('extension.vsixmanifest')!).toString('utf8');
    assert.match(manifest, /<Identity Language="en-US" Id="breach-desk" Version="\d+\.\d+\.\d+" Publisher="breach-desk"/);
  });

  it('declares every command in the "Breach Desk" category, and every setting with a description', function () {
    const pkg = JSON.parse(readEntry(vsixPath(), entries.get('extension/package.json')!).toString('utf8'));
    const commands = pkg.contributes.commands as { command: string; category: string }[];
    for (const c of ['breachDesk.reindex', 'breachDesk.showEntity', 'breachDesk.showFigureTimeline', 'breachDesk.openSourceArticle', 'breachDesk.restartServer']) {
      assert.ok(commands.some((x) => x.command === c && x.category === 'Breach Desk'), c);
    }
    for (const [name, s] of Object.entries<any>(pkg.contributes.configuration.properties)) assert.ok(s.description || s.markdownDescription, name);
    const client = ['extension.ts', 'timelineView.ts'].map((f) => fs.readFileSync(path.join(ROOT, 'client', 'src', f), 'utf8')).join('\n');
    for (const c of commands) assert.ok(client.includes(`'${c.command}'`), `${c.command} is named by the client`);
  });

  it('declares each setting\'s scope as it is read: for a document or its folder (resource), or once for the window', function () {
    const pkg = JSON.parse(readEntry(vsixPath(), entries.get('extension/package.json')!).toString('utf8'));
    const scopes = Object.fromEntries(Object.entries<any>(pkg.contributes.configuration.properties).map(([name, s]) => [name, s.scope]));
    assert.deepStrictEqual(scopes, {
      // Read for each document (articles.ts; the server's per-document settings), so a workspace folder may set its own.
      'breachDesk.detectArticles': 'resource',
      'breachDesk.severity': 'resource',
      'breachDesk.exclude': 'resource',
      // One value for the whole corpus or the connection: in a workspace of several folders a folder's own value is not
      // read, and VS Code's settings editor says so.
      'breachDesk.maxFileSize': 'window',
      'breachDesk.corpus': 'window',
      'breachDesk.trace.server': 'window',
    });
    // The client reads detectArticles for the document at hand.
    const articles = fs.readFileSync(path.join(ROOT, 'client', 'src', 'articles.ts'), 'utf8');
    assert.match(articles, /getConfiguration\('breachDesk', doc\.uri\)\.get<boolean>\('detectArticles'/);
  });
});
