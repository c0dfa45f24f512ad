/**
 * Tests for the TextMate grammar (syntaxes/breach-article.tmLanguage.json) and
 * the language configuration, using the same engine VS Code uses
 * (vscode-textmate + vscode-oniguruma).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const ROOT = path.resolve(__dirname, '..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'breach-article.tmLanguage.json');
const LANGUAGE_CONFIGURATION_PATH = path.join(ROOT, 'language-configuration.json');
const SEEDS = path.join(ROOT, 'seeds');
const SCOPE = 'text.breach-article';

// ---------------------------------------------------------------------------
// Grammar loading

let onigReady: Promise<void> | undefined;

/** loadWASM may run only once per process (other test files may load it too). */
function loadOniguruma(): Promise<void> {
  if (!onigReady) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    const data = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
    onigReady = oniguruma.loadWASM(data).catch((err: unknown) => {
      if (!/more than once/i.test(String(err))) throw err;
    });
  }
  return onigReady;
}

async function loadGrammar(): Promise<vsctm.IGrammar> {
  await loadOniguruma();
  const onigLib: vsctm.IOnigLib = {
    createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  };
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve(onigLib),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE
        ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
        : null,
  });
  const grammar = await registry.loadGrammar(SCOPE);
  if (!grammar) throw new Error(`grammar ${SCOPE} did not load`);
  return grammar;
}

let grammar: vsctm.IGrammar;

// ---------------------------------------------------------------------------
// Tokenizing helpers

interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}

interface Tokenized {
  lines: string[];
  tokens: Token[][];
}

const tokenCache = new Map<string, Tokenized>();

function tokenize(text: string): Tokenized {
  const cached = tokenCache.get(text);
  if (cached) return cached;
  const lines = text.split(/\r?\n/);
  const tokens: Token[][] = [];
  let state: vsctm.StateStack = vsctm.INITIAL;
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    tokens.push(result.tokens.map((t) => ({ startIndex: t.startIndex, endIndex: t.endIndex, scopes: t.scopes })));
    state = result.ruleStack;
  }
  const out = { lines, tokens };
  tokenCache.set(text, out);
  return out;
}

/**
 * Scope stack of the token covering `substring` on 1-based line `lineNo` of
 * `text`. When the substring spans several tokens, the scopes common to all
 * of them are returned (the scopes that apply to the whole substring).
 */
function scopesAt(text: string, lineNo: number, substring: string, occurrence = 0): string[] {
  const { lines, tokens } = tokenize(text);
  const line = lines[lineNo - 1];
  assert.ok(line !== undefined, `line ${lineNo} does not exist`);
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = line.indexOf(substring, start + 1);
    assert.ok(start >= 0, `"${substring}" (occurrence ${occurrence}) not found on line ${lineNo}: ${line.slice(0, 120)}`);
  }
  const end = start + Math.max(substring.length, 1);
  const covering = tokens[lineNo - 1].filter((t) => t.startIndex < end && t.endIndex > start);
  assert.ok(covering.length > 0, `no token covers "${substring}" on line ${lineNo}`);
  return covering[0].scopes.filter((s) => covering.every((t) => t.scopes.includes(s)));
}

/** 1-based number of the first line (from line `from`) containing `needle`. */
function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split(/\r?\n/);
  for (let i = from - 1; i < lines.length; i++) {
    if (lines[i].includes(needle)) return i + 1;
  }
  throw new Error(`"${needle}" not found in text`);
}

function has(scopes: string[], prefix: string): boolean {
  return scopes.some((s) => s.startsWith(prefix));
}

function assertScope(scopes: string[], prefix: string, what: string): void {
  assert.ok(has(scopes, prefix), `${what}: expected a scope starting with "${prefix}", got [${scopes.join(', ')}]`);
}

function assertNoScope(scopes: string[], prefix: string, what: string): void {
  assert.ok(!has(scopes, prefix), `${what}: expected no scope starting with "${prefix}", got [${scopes.join(', ')}]`);
}

function seed(name: string): string {
  const file = fs.readdirSync(SEEDS).find((f) => f.startsWith(name));
  assert.ok(file, `seed ${name} not found`);
  return fs.readFileSync(path.join(SEEDS, file), 'utf8');
}

// ---------------------------------------------------------------------------
// Fixtures

/** New layout: bare Link URL, ISO date, '## Tags:' with sub-sections and data sections. */
const NEW_LAYOUT = [
  '# Exampleville water utility confirms ransomware attack',
  '### The utility says 1.2 million customer records may have been copied.',
  '',
  '## Information:',
  '+ Source: Example Wire',
  '+ Link: https://news.example.com/2022/01/exampleville-water-ransomware.html',
  '+ Date: 2022-01-17T03:42-05:00',
  '+ Author: Unknown',
  '',
  '',
  '## Article:',
  '![Article Image](https://img.example.com/2022/01/pipes.jpg?auto=webp&quality=85,70)',
  '',
  'Exampleville Water said attackers took 1.2 million records and demanded $4.5 million.',
  '',
  '### Introduction',
  '',
  'The group exploited CVE-2021-44228 on a VPN appliance (see <https://cve.example.org/CVE-2021-44228>).',
  '',
  '#### Step 1: Look at [the advisory](https://advisories.example.com/a1(v=2)) first',
  '',
  '```',
  'net user backup 50 million [[not-a-tag]] [x](y)',
  '```',
  '',
  '- **Impact:** about 13% of *all* accounts, including `admin` and snake_case_name',
  '1. Isolate hosts',
  '',
  '+ Source: this plus-line is body text, not a field',
  'A body line with [[NotATag]] in it and a url https://example.org/path.',
  '',
  '## Tags:',
  '',
  '#### Threatactor:',
  '[[threatactor.name=APT29]]',
  '',
  '#### Action:',
  '[[action.malware.name=Cobalt Strike]] [[action.malware.name=Conti]]',
  '',
  '#### Industry:',
  '[[victim.industry.name=Utilities]]',
  '',
  '#### Location:',
  '[[victim.country.name=Exampleland]] [[victim.city.name=]] [[victim.country.name=Haiti]]',
  '',
  '### Autogenerated Tags:',
  '[[Ransomware]] [[Example Wire]]',
  "#### CVE's",
  '[[CVE-2021-44228]]',
  '#### urls',
  'https://advisories.example.com/a1 www.example.net',
  '#### ipv4-adresses',
  '192.0.2.10 198.51.100.7',
  '#### SHA256-hash',
  '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  '#### MITRE IDs',
  '[[T1566.001]] [[T1486]]',
].join('\n');

/** Old layout with things that must stay in their own region. */
const OLD_LAYOUT = [
  '# Example Corp leaks 902,000 records',
  '### ',
  '',
  '## Information:',
  '+ Source: Example Post',
  '+ Link: [article](https://example.com/p?id=1)',
  '+ Date: August 26, 2021 -- 18:30 GMT (19:30 BST)',
  '+ Author: Unknown',
  '',
  '## Article:',
  'Unknown',
  '',
  'A 21-year-old said the ~40 GB dump held 902,000 rows and 106GB of logs.',
  '',
  '#### Tags:',
  '[[Example Corp]] [[it’s]] [[names,]] [[Example Post]]',
].join('\n');

// ---------------------------------------------------------------------------

describe('breach-article grammar', function () {
  before(async function () {
    grammar = await loadGrammar();
  });

  describe('grammar file', function () {
    it('is valid JSON with the right scope name and every regex compiles', function () {
      const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as Record<string, unknown>;
      assert.strictEqual(raw.scopeName, SCOPE);
      const regexes: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) {
          node.forEach(walk);
        } else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
            if ((key === 'match' || key === 'begin' || key === 'end' || key === 'while') && typeof value === 'string') {
              // Back-references in 'end' refer to the begin captures; stand in a literal.
              regexes.push(key === 'end' || key === 'while' ? value.replace(/\\[1-9]/g, 'X') : value);
            } else {
              walk(value);
            }
          }
        }
      };
      walk(raw.repository);
      walk(raw.patterns);
      assert.ok(regexes.length > 30, `expected many regexes, found ${regexes.length}`);
      for (const source of regexes) {
        assert.doesNotThrow(() => {
          const scanner = new oniguruma.OnigScanner([source]);
          scanner.findNextMatchSync('probe line', 0);
          scanner.dispose();
        }, `regex does not compile: ${source}`);
      }
    });

    it('does not use capture "patterns" (quadratic on long lines in vscode-textmate)', function () {
      const text = fs.readFileSync(GRAMMAR_PATH, 'utf8');
      const raw = JSON.parse(text) as { repository: Record<string, unknown> };
      const offenders: string[] = [];
      const walk = (node: unknown, where: string): void => {
        if (Array.isArray(node)) {
          node.forEach((n, i) => walk(n, `${where}[${i}]`));
        } else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
            if (/captures$/i.test(key) && value && typeof value === 'object') {
              for (const [n, capture] of Object.entries(value as Record<string, unknown>)) {
                if (capture && typeof capture === 'object' && 'patterns' in capture) offenders.push(`${where}.${key}.${n}`);
              }
            } else {
              walk(value, `${where}.${key}`);
            }
          }
        }
      };
      walk(raw.repository, 'repository');
      assert.deepStrictEqual(offenders, []);
    });
  });

  describe('old layout (seed 000, ThreatPost)', function () {
    let text: string;
    before(function () {
      text = seed('000_');
    });

    it('scopes the # Title line', function () {
      const s = scopesAt(text, 1, 'T-Mobile’s Security Is');
      assertScope(s, 'markup.heading.1', 'title');
      assertScope(s, 'entity.name.section', 'title');
      assertScope(s, 'meta.section.header', 'title');
      assertScope(scopesAt(text, 1, '#'), 'punctuation.definition.heading', 'title hash');
    });

    it('scopes the ### Subtitle line', function () {
      const s = scopesAt(text, 2, 'John Binns, claiming');
      assertScope(s, 'markup.heading', 'subtitle');
      assertScope(s, 'entity.name.section', 'subtitle');
      assertScope(scopesAt(text, 2, '###'), 'punctuation.definition.heading', 'subtitle hashes');
    });

    it('scopes ## Information: and ## Article: as section headers', function () {
      const info = lineOf(text, '## Information:');
      let s = scopesAt(text, info, 'Information');
      assertScope(s, 'markup.heading', 'Information header');
      assertScope(s, 'keyword', 'Information header');
      assertScope(scopesAt(text, info, '##'), 'punctuation.definition.heading', 'Information ##');

      const article = lineOf(text, '## Article:');
      s = scopesAt(text, article, 'Article');
      assertScope(s, 'markup.heading', 'Article header');
      assertScope(s, 'keyword', 'Article header');
    });

    it('scopes Information field names and values', function () {
      const line = lineOf(text, '+ Source:');
      const name = scopesAt(text, line, 'Source');
      assert.ok(
        has(name, 'support.type.property-name') || has(name, 'variable.other.property'),
        `field name scopes: ${name.join(', ')}`,
      );
      assertScope(name, 'meta.section.information', 'field name');
      assertScope(scopesAt(text, line, 'ThreatPost'), 'string.unquoted', 'field value');

      const date = lineOf(text, '+ Date:');
      assertScope(scopesAt(text, date, 'August 28, 2021  12:58 pm'), 'string.unquoted', 'date value');
      const author = lineOf(text, '+ Author:');
      assertScope(scopesAt(text, author, 'Author'), 'support.type.property-name', 'author field name');
      assertScope(scopesAt(text, author, 'Lisa Vaas'), 'string.unquoted', 'author value');
    });

    it('scopes the URL of a "+ Link: [article](url)" field', function () {
      const line = lineOf(text, '+ Link:');
      assertScope(scopesAt(text, line, 'https://kasperskycontenthub.com/threatpost-global/?p=169011'), 'markup.underline.link', 'link URL');
      assertScope(scopesAt(text, line, 'article'), 'string.other.link.title', 'link text');
      assertScope(scopesAt(text, line, 'Link'), 'support.type.property-name', 'Link field name');
    });

    it('scopes body link text and URL', function () {
      const line = lineOf(text, '[apologized]');
      const title = scopesAt(text, line, 'apologized');
      assertScope(title, 'string.other.link.title', 'link text');
      assertScope(title, 'meta.section.article', 'link text');
      assertScope(
        scopesAt(text, line, 'https://www.t-mobile.com/news/network/cyberattack-against-tmobile-and-our-customers'),
        'markup.underline.link',
        'link URL',
      );
    });

    it('scopes a linked image [![alt](img)](url)', function () {
      const line = lineOf(text, '[![Infosec Insiders Newsletter]');
      const alt = scopesAt(text, line, 'Infosec Insiders Newsletter');
      assertScope(alt, 'meta.image', 'image alt');
      assertScope(alt, 'string.other.link.title', 'image alt');
      const img = scopesAt(text, line, 'https://media.threatpost.com/wp-content/uploads/sites/103/2021/07/10165815/infosec_insiders_in_article_promo.png');
      assertScope(img, 'markup.underline.link', 'image URL');
      assertScope(img, 'meta.image', 'image URL');
      const target = scopesAt(text, line, 'https://threatpost.com/infosec-insider-subscription-page/');
      assertScope(target, 'markup.underline.link', 'link target');
      assertNoScope(target, 'meta.image', 'link target');
    });

    it('scopes figures: 50 million, 21-year-old, 902,000, 667,000, 2.5 million, ~1', function () {
      assertScope(scopesAt(text, lineOf(text, 'more than 50 million T-Mobile customers called'), '50 million'), 'constant.numeric', '50 million');
      assertScope(scopesAt(text, lineOf(text, 'On Thursday, a 21-year-old'), '21-year-old'), 'constant.numeric', '21-year-old');
      const l = lineOf(text, 'An additional 902,000 prepaid');
      assertScope(scopesAt(text, l, '902,000'), 'constant.numeric', '902,000');
      assertScope(scopesAt(text, l, '667,000'), 'constant.numeric', '667,000');
      assertScope(scopesAt(text, lineOf(text, 'about 2.5 million customers'), '2.5 million'), 'constant.numeric', '2.5 million');
      assertScope(scopesAt(text, lineOf(text, 'records for ~1 penny each'), '~1'), 'constant.numeric', '~1');
    });

    it('does not scope digits inside words or link URLs as figures', function () {
      const line = lineOf(text, 'Unit221B LLC');
      assertNoScope(scopesAt(text, line, '221'), 'constant.numeric', 'Unit221B');
      const linkLine = lineOf(text, '[~40 million]');
      assertNoScope(scopesAt(text, linkLine, '168778'), 'constant.numeric', 'number inside URL');
    });

    it('scopes a block quote', function () {
      const line = lineOf(text, '> This breach was done');
      const s = scopesAt(text, line, 'This breach was done');
      assertScope(s, 'markup.quote', 'quote text');
      assertScope(scopesAt(text, line, '>'), 'punctuation.definition.quote', 'quote marker');
      assertScope(scopesAt(text, line, '2019'), 'markup.quote', 'figure inside quote');
      assertScope(scopesAt(text, line, '2019'), 'constant.numeric', 'figure inside quote');
      // the line after the quote block is back to plain body text
      const after = lineOf(text, 'It’s not clear who');
      assertNoScope(scopesAt(text, after, 'It’s not clear'), 'markup.quote', 'text after quote');
    });

    it('scopes a setext heading underline', function () {
      const heading = lineOf(text, 'Who is John Binns?');
      const s = scopesAt(text, heading + 1, '------------------');
      assertScope(s, 'markup.heading', 'setext underline');
      assertScope(s, 'punctuation.definition.heading', 'setext underline');
    });

    it('scopes ***bold italic*** text', function () {
      const line = lineOf(text, '***Check out our free***');
      const s = scopesAt(text, line, 'Check out our free');
      assertScope(s, 'markup.bold', 'bold italic');
      assertScope(s, 'markup.italic', 'bold italic');
      assertNoScope(scopesAt(text, line, 'unique, dynamic', 0), 'string.other.link', 'text after link');
      assertScope(scopesAt(text, line, 'unique, dynamic'), 'markup.bold', 'second bold italic run');
    });

    it('scopes #### Tags: and [[tags]] in the old layout', function () {
      const header = lineOf(text, '#### Tags:');
      const s = scopesAt(text, header, 'Tags');
      assertScope(s, 'markup.heading', 'Tags header');
      assertScope(s, 'keyword', 'Tags header');
      const tags = header + 1;
      const tag = scopesAt(text, tags, 'T-Mobile');
      assertScope(tag, 'entity.name.tag', 'tag name');
      assertScope(tag, 'meta.section.tags', 'tag name');
      assert.ok(scopesAt(text, tags, '[[').some((x) => x.startsWith('punctuation.definition.tag')), 'opening brackets');
      assert.ok(scopesAt(text, tags, ']]').some((x) => x.startsWith('punctuation.definition.tag')), 'closing brackets');
      assertScope(scopesAt(text, tags, 'T-Mobile’s'), 'entity.name.tag', 'tag with apostrophe');
      assertScope(scopesAt(text, tags, 'numbers,'), 'entity.name.tag', 'tag with punctuation');
    });
  });

  describe('old layout (seeds 001 and 002)', function () {
    it('scopes figures $280,000, 106GB, 30m, 15-digit, 7.8 million', function () {
      const text = seed('002_');
      assertScope(scopesAt(text, lineOf(text, 'worth about $280,000'), '$280,000'), 'constant.numeric', '$280,000');
      assertScope(scopesAt(text, lineOf(text, 'approximately 106GB'), '106GB'), 'constant.numeric', '106GB');
      assertScope(scopesAt(text, lineOf(text, 'The asking price for the 30m'), '30m'), 'constant.numeric', '30m');
      assertScope(scopesAt(text, 2, '~1'), 'entity.name.section', '~1 in the subtitle is heading text');
      assertScope(scopesAt(text, lineOf(text, 'unique 15-digit code'), '15-digit'), 'constant.numeric', '15-digit');
      const zd = seed('001_');
      assertScope(scopesAt(zd, lineOf(zd, 'about 7.8 million customers'), '7.8 million'), 'constant.numeric', '7.8 million');
    });

    it('scopes an inline image ![](url) and an autolink inside a quote', function () {
      const text = seed('002_');
      const img = lineOf(text, '![](https://media.threatpost.com');
      const s = scopesAt(text, img, 'https://media.threatpost.com/wp-content/uploads/sites/103/2021/08/16104546/');
      assertScope(s, 'markup.underline.link', 'image URL');
      assertScope(s, 'meta.image', 'image URL');
      const q = lineOf(text, '<https://t.co/F7mcmrmgxn>');
      const auto = scopesAt(text, q, 'https://t.co/F7mcmrmgxn');
      assertScope(auto, 'markup.underline.link', 'autolink');
      assertScope(auto, 'markup.quote', 'autolink in quote');
    });

    it('scopes **bold** text, including a link inside bold', function () {
      const text = seed('002_');
      const line = lineOf(text, '**[REGISTER NOW]');
      const reg = scopesAt(text, line, 'REGISTER NOW');
      assertScope(reg, 'markup.bold', 'bold link text');
      assertScope(reg, 'string.other.link.title', 'bold link text');
      assertScope(scopesAt(text, line, 'Think Like a Threat Actor'), 'markup.bold', 'bold text');
      assertNoScope(scopesAt(text, line, 'in partnership with Uptycs'), 'markup.bold', 'text after bold');
    });

    it('scopes the ZDNet date value and the ZDNet body', function () {
      const text = seed('001_');
      const date = lineOf(text, '+ Date:');
      assertScope(scopesAt(text, date, 'August 26, 2021 -- 18:30 GMT (19:30 BST)'), 'string.unquoted', 'date');
      const body = lineOf(text, 'Unknown', lineOf(text, '## Article:'));
      const s = scopesAt(text, body, 'Unknown');
      assertScope(s, 'meta.section.article', 'stray Unknown line');
      assertNoScope(s, 'string.unquoted', 'stray Unknown line');
    });
  });

  describe('new layout fixture', function () {
    const text = NEW_LAYOUT;

    it('scopes title, subtitle and a bare Link URL', function () {
      assertScope(scopesAt(text, 1, 'Exampleville water utility'), 'markup.heading.1', 'title');
      assertScope(scopesAt(text, 2, 'The utility says'), 'entity.name.section', 'subtitle');
      const link = lineOf(text, '+ Link:');
      const s = scopesAt(text, link, 'https://news.example.com/2022/01/exampleville-water-ransomware.html');
      assertScope(s, 'markup.underline.link', 'bare link URL');
      assertScope(s, 'meta.section.information', 'bare link URL');
      assertScope(scopesAt(text, lineOf(text, '+ Date:'), '2022-01-17T03:42-05:00'), 'string.unquoted', 'ISO date');
      const author = scopesAt(text, lineOf(text, '+ Author:'), 'Unknown');
      assertScope(author, 'string.unquoted', 'placeholder author');
      assertScope(author, 'constant.language.placeholder', 'placeholder author');
    });

    it('scopes an ATX heading inside the body', function () {
      const line = lineOf(text, '### Introduction');
      const s = scopesAt(text, line, 'Introduction');
      assertScope(s, 'markup.heading', 'ATX heading');
      assertScope(s, 'entity.name.section', 'ATX heading');
      assertScope(s, 'meta.section.article', 'ATX heading');
      assertScope(scopesAt(text, line, '###'), 'punctuation.definition.heading', 'ATX hashes');
      const step = lineOf(text, '#### Step 1:');
      assertScope(scopesAt(text, step, 'Step'), 'markup.heading.4', 'h4 in body');
      const link = scopesAt(text, step, 'the advisory');
      assertScope(link, 'markup.heading', 'link inside heading');
      assertScope(link, 'string.other.link.title', 'link inside heading');
      assertScope(scopesAt(text, step, 'https://advisories.example.com/a1(v=2)'), 'markup.underline.link', 'URL with parentheses');
    });

    it('scopes body figures, CVE ids, inline image, autolink and bare URL', function () {
      const line = lineOf(text, 'Exampleville Water said');
      assertScope(scopesAt(text, line, '1.2 million'), 'constant.numeric', '1.2 million');
      assertScope(scopesAt(text, line, '$4.5 million'), 'constant.numeric', '$4.5 million');
      const cve = lineOf(text, 'The group exploited');
      assertScope(scopesAt(text, cve, 'CVE-2021-44228'), 'constant.other.reference.cve', 'CVE in body');
      assertScope(scopesAt(text, cve, 'https://cve.example.org/CVE-2021-44228'), 'markup.underline.link', 'autolink');
      const img = lineOf(text, '![Article Image]');
      assertScope(scopesAt(text, img, 'Article Image'), 'meta.image', 'image alt');
      assertScope(scopesAt(text, img, 'https://img.example.com/2022/01/pipes.jpg?auto=webp&quality=85,70'), 'markup.underline.link', 'image URL');
      const bare = lineOf(text, 'A body line with');
      assertScope(scopesAt(text, bare, 'https://example.org/path'), 'markup.underline.link', 'bare URL');
      assertNoScope(scopesAt(text, bare, 'path.'), 'constant.numeric', 'bare URL');
    });

    it('scopes fenced code, lists, emphasis and inline code', function () {
      const code = lineOf(text, 'net user backup');
      const s = scopesAt(text, code, '50 million');
      assert.ok(has(s, 'markup.fenced_code.block') || has(s, 'markup.raw.block'), `fenced code: ${s.join(', ')}`);
      assertNoScope(s, 'constant.numeric', 'figure inside code');
      assertNoScope(scopesAt(text, code, 'not-a-tag'), 'entity.name.tag', 'tag inside code');
      const after = lineOf(text, '- **Impact:**');
      const list = scopesAt(text, after, 'Impact:');
      assertScope(list, 'markup.list', 'list item');
      assertScope(list, 'markup.bold', 'bold in list');
      assertScope(scopesAt(text, after, '13%'), 'constant.numeric', '13%');
      assertScope(scopesAt(text, after, 'all'), 'markup.italic', 'italic');
      assertScope(scopesAt(text, after, 'admin'), 'markup.inline.raw', 'inline code');
      assertNoScope(scopesAt(text, after, 'case'), 'markup.italic', 'snake_case is not italic');
      assertScope(scopesAt(text, lineOf(text, '1. Isolate'), 'Isolate'), 'markup.list.numbered', 'numbered list');
    });

    it('keeps field and tag patterns out of the body', function () {
      const plus = lineOf(text, '+ Source: this plus-line');
      const s = scopesAt(text, plus, 'Source');
      assertScope(s, 'meta.section.article', 'plus line in body');
      assertNoScope(s, 'support.type.property-name', 'plus line in body');
      const tagLine = lineOf(text, 'A body line with');
      assertNoScope(scopesAt(text, tagLine, 'NotATag'), 'entity.name.tag', '[[...]] in body');
    });

    it('scopes ## Tags:, tag sub-sections and Autogenerated Tags', function () {
      const tags = lineOf(text, '## Tags:');
      let s = scopesAt(text, tags, 'Tags');
      assertScope(s, 'markup.heading', '## Tags:');
      assertScope(s, 'keyword', '## Tags:');
      for (const sub of ['Threatactor', 'Action', 'Industry', 'Location']) {
        s = scopesAt(text, lineOf(text, `#### ${sub}:`), sub);
        assertScope(s, 'markup.heading', sub);
        assertScope(s, 'keyword', sub);
        assertScope(s, 'meta.section.tags', sub);
      }
      s = scopesAt(text, lineOf(text, '### Autogenerated Tags:'), 'Autogenerated Tags');
      assertScope(s, 'markup.heading', 'Autogenerated Tags');
      assertScope(s, 'keyword', 'Autogenerated Tags');
      for (const data of ["CVE's", 'urls', 'ipv4-adresses', 'SHA256-hash', 'MITRE IDs']) {
        s = scopesAt(text, lineOf(text, `#### ${data}`), data);
        assertScope(s, 'markup.heading', data);
        assertScope(s, 'keyword', data);
      }
    });

    it('scopes key and value of [[victim.country.name=Haiti]] separately', function () {
      const line = lineOf(text, '[[victim.country.name=Haiti]]');
      const key = scopesAt(text, line, 'victim.country.name', 1);
      const value = scopesAt(text, line, 'Haiti');
      assertScope(key, 'entity.other.attribute-name', 'tag key');
      assertScope(value, 'entity.name.tag', 'tag value');
      assertNoScope(key, 'entity.name.tag', 'tag key');
      assertNoScope(value, 'entity.other.attribute-name', 'tag value');
      assertScope(scopesAt(text, line, '=Haiti'), 'meta.tag', 'separator and value');
      assertScope(scopesAt(text, line, '=', 2), 'punctuation.separator.key-value', '=');
      assertScope(scopesAt(text, line, '[[', 2), 'punctuation.definition.tag', '[[');
      // empty value
      assertScope(scopesAt(text, line, 'victim.city.name'), 'entity.other.attribute-name', 'key with empty value');
      // value with a space
      const action = lineOf(text, '[[action.malware.name=Cobalt Strike]]');
      assertScope(scopesAt(text, action, 'Cobalt Strike'), 'entity.name.tag', 'value with space');
      // autogenerated tags are plain tags
      assertScope(scopesAt(text, lineOf(text, '[[Ransomware]]'), 'Example Wire'), 'entity.name.tag', 'autogenerated tag');
    });

    it('scopes CVE, MITRE, URL, IPv4 and hash entries in data sections', function () {
      const cveLine = lineOf(text, '[[CVE-2021-44228]]');
      const cve = scopesAt(text, cveLine, 'CVE-2021-44228');
      assertScope(cve, 'entity.name.tag', 'CVE entry');
      assertScope(cve, 'constant.other.reference.cve', 'CVE entry');
      assertScope(cve, 'meta.section.tags', 'CVE entry');
      assertScope(scopesAt(text, cveLine, '[['), 'punctuation.definition.tag', 'CVE entry brackets');
      const mitre = scopesAt(text, lineOf(text, '[[T1566.001]]'), 'T1566.001');
      assertScope(mitre, 'constant.other.reference.mitre-attack', 'MITRE id');
      const urls = lineOf(text, 'https://advisories.example.com/a1 www');
      assertScope(scopesAt(text, urls, 'https://advisories.example.com/a1'), 'markup.underline.link', 'url entry');
      assertScope(scopesAt(text, urls, 'www.example.net'), 'markup.underline.link', 'www entry');
      assertScope(scopesAt(text, lineOf(text, '192.0.2.10'), '198.51.100.7'), 'constant.other.ipv4', 'ipv4 entry');
      assertScope(scopesAt(text, lineOf(text, '0123456789abcdef0123'), '0123456789abcdef'), 'constant.other.hash', 'hash entry');
    });
  });

  describe('old layout fixture', function () {
    const text = OLD_LAYOUT;

    it('scopes figures in the body but not in the header or Information region', function () {
      assertNoScope(scopesAt(text, 1, '902,000'), 'constant.numeric', 'figure in title');
      assertScope(scopesAt(text, 1, '902,000'), 'entity.name.section', 'figure in title');
      assertNoScope(scopesAt(text, lineOf(text, '+ Date:'), '2021'), 'constant.numeric', 'year in date field');
      const body = lineOf(text, 'A 21-year-old said');
      assertScope(scopesAt(text, body, '21-year-old'), 'constant.numeric', '21-year-old');
      assertScope(scopesAt(text, body, '~40 GB'), 'constant.numeric', '~40 GB');
      assertScope(scopesAt(text, body, '902,000'), 'constant.numeric', '902,000');
      assertScope(scopesAt(text, body, '106GB'), 'constant.numeric', '106GB');
    });

    it('handles an empty subtitle and tags with stuck-on punctuation', function () {
      assertScope(scopesAt(text, 2, '###'), 'markup.heading', 'empty subtitle');
      const tags = lineOf(text, '[[Example Corp]]');
      assertScope(scopesAt(text, tags, 'it’s'), 'entity.name.tag', 'tag it’s');
      assertScope(scopesAt(text, tags, 'names,'), 'entity.name.tag', 'tag names,');
      assertScope(scopesAt(text, tags, 'Example Post'), 'entity.name.tag', 'outlet tag');
    });

    it('scopes the old-style Link field and the placeholder author', function () {
      const link = lineOf(text, '+ Link:');
      assertScope(scopesAt(text, link, 'https://example.com/p?id=1'), 'markup.underline.link', 'link URL');
      assertScope(scopesAt(text, lineOf(text, '+ Author:'), 'Unknown'), 'constant.language.placeholder', 'Unknown author');
    });
  });

  describe('long lines', function () {
    this.timeout(60000);

    it('tokenizes a 2 MB single-line body', function () {
      const chunks = [
        'On Thursday, a 21-year-old said 50 million T-Mobile customers ([source](https://example.com/a_(b)?x=1)) ',
        'lost $280,000 and 106GB ~40 13% 902,000 **bold [link](u)** ***x*** *it* _it_ `code` <https://a.b/c> ',
        '![](https://img.example.com/x.png) [![i](https://i/x.png)](https://t/) CVE-2021-44228 https://bare.example.org/p. ',
        '[[not a tag]] + Source: no \\* \\_ 1.2.3.4 T1059 ',
        // pathological runs: unclosed brackets, stars, backticks, digits, blanks
        '['.repeat(2000),
        '('.repeat(2000),
        '*'.repeat(2000),
        '**a'.repeat(700),
        '`a'.repeat(1000),
        '1,'.repeat(1000),
        ' '.repeat(2000) + 'x',
        '_a'.repeat(1000),
        '<http:'.repeat(300),
      ];
      let line = '';
      for (let i = 0; line.length < 2 * 1024 * 1024; i++) line += chunks[i % chunks.length];
      const text = ['# Long', '', '## Information:', '+ Source: X', '', '## Article:', line, '', '#### Tags:', '[[After]]'].join('\n');
      const { tokens, lines } = tokenize(text);
      const bodyTokens = tokens[6];
      assert.strictEqual(bodyTokens[bodyTokens.length - 1].endIndex, lines[6].length + 1);
      assertScope(scopesAt(text, 10, 'After'), 'entity.name.tag', 'tag after the long line');
    });

    it('tokenizes a tags line with 100,000 "[["', function () {
      const tagsLine = '[['.repeat(100000) + ' [[Tail]]';
      const text = ['# Many brackets', '', '## Article:', 'Body.', '', '#### Tags:', tagsLine, '[[Next]] [[key=value]]'].join('\n');
      const { tokens } = tokenize(text);
      assert.ok(tokens[6].length > 0);
      assertScope(scopesAt(text, 7, 'Tail'), 'entity.name.tag', 'tag after 100,000 [[');
      assertScope(scopesAt(text, 8, 'Next'), 'entity.name.tag', 'tag on the next line');
      assertScope(scopesAt(text, 8, 'key'), 'entity.other.attribute-name', 'key on the next line');
    });
  });
});

describe('language-configuration.json', function () {
  interface LanguageConfiguration {
    brackets: [string, string][];
    autoClosingPairs: ({ open: string; close: string } | [string, string])[];
    surroundingPairs: ([string, string] | { open: string; close: string })[];
    wordPattern: string | { pattern: string; flags?: string };
  }
  let config: LanguageConfiguration;
  before(function () {
    config = JSON.parse(fs.readFileSync(LANGUAGE_CONFIGURATION_PATH, 'utf8')) as LanguageConfiguration;
  });

  const pairs = (list: ({ open: string; close: string } | [string, string])[]): string[] =>
    list.map((p) => (Array.isArray(p) ? `${p[0]}${p[1]}` : `${p.open}${p.close}`));

  it('declares brackets, auto-closing and surrounding pairs', function () {
    assert.deepStrictEqual(pairs(config.brackets), ['[]', '()']);
    const auto = pairs(config.autoClosingPairs);
    for (const p of ['[[]]', '[]', '()', '“”', '""']) assert.ok(auto.includes(p), `auto-closing ${p}`);
    const surround = pairs(config.surroundingPairs);
    for (const p of ['[]', '()', '“”', '""']) assert.ok(surround.includes(p), `surrounding ${p}`);
  });

  it('has a word pattern that keeps T-Mobile and T-Mobile’s whole', function () {
    const wp = config.wordPattern;
    const source = typeof wp === 'string' ? wp : wp.pattern;
    const flags = typeof wp === 'string' ? '' : wp.flags ?? '';
    // VS Code adds the global flag and keeps the unicode flag.
    const re = new RegExp(source, flags.includes('g') ? flags : flags + 'g');
    const words = (s: string): string[] => Array.from(s.matchAll(re), (m) => m[0]);
    assert.deepStrictEqual(words('T-Mobile'), ['T-Mobile']);
    assert.deepStrictEqual(words('T-Mobile’s customers'), ['T-Mobile’s', 'customers']);
    assert.deepStrictEqual(words("[[T-Mobile's]]"), ["T-Mobile's"]);
    assert.deepStrictEqual(words('a 21-year-old paid $280,000 (2.5 million)'), ['a', '21-year-old', 'paid', '280,000', '2.5', 'million']);
    assert.deepStrictEqual(words('victim.country.name=Haiti'), ['victim', 'country', 'name', 'Haiti']);
    assert.ok(!re.test(' '), 'a blank is not a word');
  });
});
