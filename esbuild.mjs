// Bundles the three entry points. Everything the extension needs at run time
// (vscode-languageclient, vscode-languageserver, luxon) is inlined, so the
// .vsix ships no node_modules and the CLI runs from a bare `dist/`.
import * as esbuild from 'esbuild';
import { createHash } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// A fingerprint of the server's sources: the corpus cache made by one build is not used by another.
const buildId = (() => {
  const hash = createHash('sha1');
  const visit = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name.endsWith('.ts')) hash.update(p).update(readFileSync(p));
    }
  };
  visit('server/src');
  // And the versions of the data the extractors read from packages (the gazetteer's places, the countries'
  // adjectives): a new list of places is a new analysis.
  for (const pkg of ['i18n-iso-countries', 'city-timezones', 'i18n-nationality']) hash.update(pkg).update(JSON.parse(readFileSync(join('node_modules', pkg, 'package.json'), 'utf8')).version);
  return hash.digest('hex').slice(0, 16);
})();

// The gazetteer's cities (`PLACES` in lexicon.ts): city-timezones ships 7,300 cities with coordinates and time zones
// (1.9 MB); the extractor reads the names of those of a million people or more (`CITY_POPULATION`), so the bundle
// keeps those rows and fields (about 20 KB). Tests, run from the sources, read the whole table and the same rows.
/** `CITY_POPULATION` of lexicon.ts (test/repo.test.ts holds the two equal). */
const CITY_POPULATION = 1_000_000;
const cityRows = {
  name: 'city-rows',
  setup(build) {
    build.onLoad({ filter: /city-timezones[\\/]data[\\/]cityMap\.json$/ }, (args) => {
      const rows = JSON.parse(readFileSync(args.path, 'utf8'))
        .filter((c) => c.pop >= CITY_POPULATION)
        .map((c) => ({ city: c.city, city_ascii: c.city_ascii, pop: c.pop }));
      return { contents: JSON.stringify(rows), loader: 'json' };
    });
  },
};

const common = {
  plugins: [cityRows],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { __BUILD_ID__: JSON.stringify(buildId) },
  // jsonc-parser's main entry is a UMD build whose require() calls esbuild cannot follow; its ES module build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/node/analyst.ts'], outfile: 'dist/analyst.js' },
];

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
