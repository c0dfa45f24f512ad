/**
 * The repository keeps its promises: README's two set-up commands are the
 * ones CI runs, every diagnostic code is documented, every setting described.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_CODES, CODES } from '../server/src/core/codes';
import { CITY_POPULATION } from '../server/src/core/extract/lexicon';

const ROOT = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('repository', function () {
  it('the bundle keeps the gazetteer\'s cities the sources read: one population threshold in esbuild.mjs and lexicon.ts', function () {
    // The bundler cuts city-timezones' 7,300 cities to those the extractor reads; a lower threshold in lexicon.ts alone
    // would leave the tests (run from the sources) knowing places the shipped server does not.
    const m = /const CITY_POPULATION = ([\d_]+);/.exec(fs.readFileSync(path.join(ROOT, 'esbuild.mjs'), 'utf8'));
    assert.ok(m, 'esbuild.mjs states CITY_POPULATION');
    assert.strictEqual(Number(m![1].replace(/_/g, '')), CITY_POPULATION);
  });

  it('README opens with exactly two set-up commands, and CI runs the second', function () {
    const block = /^# Breach Desk\n\n```sh\n([^`]*)```/.exec(readme);
    assert.ok(block, 'README starts with the title and a sh block');
    const commands = block![1].trim().split('\n');
    assert.strictEqual(commands.length, 2);
    const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8').trim().split('\n');
    assert.strictEqual(ci[ci.length - 1], commands[1]);
  });

  it('CI runs the real-editor tests: npm test ends with test:editor, which installs what it needs first', function () {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.match(pkg.scripts.test, /&& npm run test:editor$/);
    assert.strictEqual(pkg.scripts['test:editor'], 'bash test/editor/run.sh');
    const run = fs.readFileSync(path.join(ROOT, 'test', 'editor', 'run.sh'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    const setup = run.indexOf('bash test/editor/setup.sh');
    const pack = run.findIndex((l) => l.startsWith('npm run package'));
    const tests = run.findIndex((l) => l.startsWith('npx mocha'));
    assert.ok(setup >= 0 && setup < pack && pack < tests, 'setup, then package, then the tests');
    assert.match(run.slice(tests).join(' '), /test\/neovim\.test\.ts 'test\/editor\/\*\.test\.ts'/);
    // The main run leaves them to test:editor (they need the setup).
    const mocharc = JSON.parse(fs.readFileSync(path.join(ROOT, '.mocharc.json'), 'utf8'));
    assert.deepStrictEqual(mocharc.ignore, ['test/editor/**', 'test/neovim.test.ts']);
    assert.ok(fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n').includes('.cache/'), 'the editor cache is git-ignored');
  });

  it('README documents every diagnostic code', function () {
    for (const code of ALL_CODES) assert.ok(readme.includes(`| \`${code}\` |`), `${code} is missing from README`);
  });

  it('the severity setting\'s schema names every code, with its summary and default (scripts/severity-schema.ts writes it)', function () {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const setting = pkg.contributes.configuration.properties['breachDesk.severity'];
    const levels = setting.additionalProperties.enum;
    const expected = Object.fromEntries(Object.entries(CODES).map(([code, info]) => [code, { type: 'string', enum: levels, markdownDescription: `${info.summary} Default: \`${info.severity}\`.` }]));
    assert.deepStrictEqual(setting.properties, expected, 'package.json is out of step with CODES: run `npx tsx scripts/severity-schema.ts`');
  });

  it('every setting has a description, and README lists it', function () {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    for (const [name, s] of Object.entries<any>(pkg.contributes.configuration.properties)) {
      assert.ok(s.description || s.markdownDescription, `${name} has no description`);
      assert.ok(readme.includes(`\`${name}\``), `${name} is missing from README`);
    }
  });
});
