/**
 * The real corpus (2,362 scraped articles, shared/corpus/README.md): every
 * file parses and is analysed without throwing, the tree invariants hold,
 * every file is detected as an article, every real date parses, and no
 * error-level diagnostic fires on a file the scraper got right. A table of
 * counts per diagnostic code is printed, to watch for checks that fire too
 * often. The corpus is not part of the repository: without it the suite is
 * skipped, saying why.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CODES, type Code } from '../server/src/core/codes';
import { looksLikeArticle } from '../server/src/core/detect';
import { applyEdits, type Diagnostic } from '../server/src/core/diagnostics';
import type { Analysis } from '../server/src/core/analyze';
import { assertTree, NOW, run } from './helpers/fixture';

const CORPUS = path.resolve(__dirname, '../../shared/corpus');

interface Entry {
  /** Path relative to the corpus folder. */
  rel: string;
  text: string;
  analysis?: Analysis;
  error?: unknown;
}

function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listMarkdown(p));
    else if (e.isFile() && e.name.endsWith('.md') && !(dir === CORPUS && e.name === 'README.md')) out.push(p);
  }
  return out;
}

/** Reports at most a few failures, naming the files, so one broken rule does not flood the output. */
function assertNone(failures: string[], what: string): void {
  if (failures.length) assert.fail(`${failures.length} file(s) ${what}:\n  ${failures.slice(0, 15).join('\n  ')}${failures.length > 15 ? '\n  …' : ''}`);
}

describe('corpus', function () {
  this.timeout(300_000);
  const entries: Entry[] = [];

  before(function () {
    if (!fs.existsSync(CORPUS)) {
      console.log(`    (skipped: no corpus at ${CORPUS}; clone the shared corpus next to the repository to run these tests)`);
      this.skip();
    }
    for (const file of listMarkdown(CORPUS)) {
      const entry: Entry = { rel: path.relative(CORPUS, file), text: fs.readFileSync(file, 'utf8') };
      try {
        entry.analysis = run(entry.text, NOW);
      } catch (e) {
        entry.error = e;
      }
      entries.push(entry);
    }
  });

  it('holds the articles the README describes', () => {
    assert.ok(entries.length >= 2000, `only ${entries.length} files`);
    const outlets = new Set(entries.map((e) => e.rel.split(path.sep)[0]));
    for (const o of ['threatpost', 'zdnet', 'computerworld', 'trendmicro', 'latesthackingnews', 'dfirreport']) assert.ok(outlets.has(o), o);
  });

  it('no file makes the parser or the checks throw', () => {
    assertNone(entries.filter((e) => e.error).map((e) => `${e.rel}: ${String((e.error as Error)?.stack ?? e.error)}`), 'threw');
  });

  it('the tree invariants hold in every file', () => {
    const failures: string[] = [];
    for (const e of entries) {
      if (!e.analysis) continue;
      try {
        assertTree(e.text, e.analysis, e.analysis.diagnostics);
      } catch (err) {
        failures.push(`${e.rel}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    assertNone(failures, 'broke a tree invariant');
  });

  it('every file is detected as an article', () => {
    assertNone(entries.filter((e) => !looksLikeArticle(e.text)).map((e) => e.rel), 'were not detected');
  });

  it('every file has a title, the three sections and the four fields', () => {
    const failures: string[] = [];
    for (const e of entries) {
      const a = e.analysis?.article;
      if (!a) continue;
      const missing = [!a.title && 'title', !a.info && 'Information', !a.body && 'Article', !a.tags && 'Tags',
        !a.source && 'Source', !a.link && 'Link', !a.date && 'Date', !a.author && 'Author'].filter(Boolean);
      if (missing.length) failures.push(`${e.rel}: no ${missing.join(', ')}`);
    }
    assertNone(failures, 'lack a part');
  });

  it('every `+ Date:` that is not Unknown or None parses', () => {
    const failures: string[] = [];
    for (const e of entries) {
      const d = e.analysis?.article.date;
      if (!d || /^(?:unknown|none)$/i.test(d.value)) continue;
      if (!d.parsed.ok) failures.push(`${e.rel}: ${JSON.stringify(d.value)}: ${d.parsed.reason}`);
      else if (d.parsed.date.instant < Date.UTC(2020, 0, 1) || d.parsed.date.instant > NOW) failures.push(`${e.rel}: ${JSON.stringify(d.value)} is out of the corpus's range`);
    }
    assertNone(failures, 'have a date that does not parse');
  });

  it('the layout is told right: markdown links with the old layout, bare links with the new', () => {
    const failures: string[] = [];
    for (const e of entries) {
      const a = e.analysis?.article;
      if (!a) continue;
      const expected = a.link?.parsed?.style === 'markdown' ? 'old' : 'new';
      if (a.layout !== expected) failures.push(`${e.rel}: ${a.layout}, link ${a.link?.parsed?.style}`);
      const outlet = e.rel.split(path.sep)[0];
      if (['computerworld', 'trendmicro', 'latesthackingnews'].includes(outlet) && a.layout !== 'new') failures.push(`${e.rel}: ${outlet} is always the new layout`);
    }
    assertNone(failures, 'have the wrong layout');
  });

  it('no error-level diagnostic fires: every file has a readable structure, link and date', () => {
    const failures: string[] = [];
    for (const e of entries) {
      for (const d of e.analysis?.diagnostics ?? []) {
        if (d.severity === 'error') failures.push(`${e.rel}: ${d.code}: ${d.message}`);
      }
    }
    assertNone(failures, 'raised errors');
  });

  it('every preferred fix applies cleanly and removes the diagnostic it fixes', () => {
    const failures: string[] = [];
    let applied = 0;
    for (const e of entries) {
      for (const d of e.analysis?.diagnostics ?? []) {
        const fix = d.fixes?.find((f) => f.preferred);
        if (!fix) continue;
        applied++;
        const fixed = applyEdits(e.text, fix.edits);
        let after: Diagnostic[];
        try {
          after = run(fixed, NOW).diagnostics;
        } catch (err) {
          failures.push(`${e.rel}: ${d.code} "${fix.title}" made the parser throw: ${String(err)}`);
          continue;
        }
        const count = (ds: Diagnostic[]) => ds.filter((x) => x.code === d.code).length;
        if (count(after) >= count(e.analysis!.diagnostics)) failures.push(`${e.rel}: ${d.code} "${fix.title}" did not remove it`);
      }
    }
    assert.ok(applied > 1000, `only ${applied} fixes`);
    assertNone(failures, 'have a fix that does not work');
  });

  it('prints the count of each diagnostic code', () => {
    const perCode = new Map<Code, { diagnostics: number; files: Set<string> }>();
    for (const e of entries) {
      for (const d of e.analysis?.diagnostics ?? []) {
        const c = perCode.get(d.code) ?? { diagnostics: 0, files: new Set<string>() };
        c.diagnostics++;
        c.files.add(e.rel);
        perCode.set(d.code, c);
      }
    }
    const rows = (Object.keys(CODES) as Code[]).filter((c) => perCode.has(c)).map((c) => ({
      code: c, severity: CODES[c].severity, diagnostics: perCode.get(c)!.diagnostics, files: perCode.get(c)!.files.size,
    }));
    const clean = entries.filter((e) => e.analysis && e.analysis.diagnostics.length === 0).length;
    const width = Math.max(...rows.map((r) => r.code.length), 'code'.length);
    const lines = [
      `    ${'code'.padEnd(width)}  ${'severity'.padEnd(11)}  ${'diagnostics'.padStart(11)}  ${'files'.padStart(6)}`,
      ...rows.map((r) => `    ${r.code.padEnd(width)}  ${r.severity.padEnd(11)}  ${String(r.diagnostics).padStart(11)}  ${String(r.files).padStart(6)}`),
      `    ${entries.length} files, ${clean} with no diagnostic at all`,
    ];
    console.log(lines.join('\n'));
    assert.ok(rows.length > 0);
  });
});
