/**
 * How densely a corpus states things: per 1,000 characters (UTF-16 code units) of article text, the
 * sentences, each article's distinct entities, entity mentions, figures, claims, quotations and links
 * the extractors find; and the distinct entities of the whole set.
 * The generator (`generate.ts`) is held to the real corpus's densities by this measure (test/generate.test.ts):
 * articles three times as full of names and figures as real ones overstated every per-article cost of
 * the benchmark that depends on them (the index's entities and measures, the conflict check).
 *
 * CLI: `tsx bench/density.ts <folder> [max articles]`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../server/src/core/syntax/parse';
import { extractFacts } from '../server/src/core/extract/facts';

export interface Densities {
  articles: number;
  /** Characters per article. */
  size: number;
  sentences: number;
  entities: number;
  mentions: number;
  figures: number;
  claims: number;
  quotes: number;
  links: number;
  /** Distinct entities named across the articles (their keys): how the names grow with a corpus. */
  names: number;
}

/** The kinds of things counted, in the order tables print them. */
export const MEASURES = ['sentences', 'entities', 'mentions', 'figures', 'claims', 'quotes', 'links'] as const;

/**
 * The densities of the real corpus (../shared/corpus, 2,362 files, measured 6 December 2026 with this
 * file's `densities`), for machines without it.
 */
export const REAL: Densities = { articles: 2362, size: 6814, sentences: 5.2, entities: 1.82, mentions: 5.42, figures: 0.96, claims: 1.45, quotes: 0.95, links: 1.4, names: 9947 };

/** Distinct names in 1,000 of the real articles (spread evenly over them, as `articleFiles` picks). */
export const REAL_NAMES_AT_1000 = 5263;

/** Article files under `dir` (`.txt`, `.md`), sorted; at most `max`, spread evenly over the list. */
export function articleFiles(dir: string, max = Infinity): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:txt|md)$/.test(e.name) && e.name !== 'README.md') files.push(p);
    }
  };
  walk(dir);
  files.sort();
  if (files.length <= max) return files;
  const step = files.length / max;
  return Array.from({ length: max }, (_, k) => files[Math.floor(k * step)]);
}

export function densities(files: readonly string[]): Densities {
  const outlets = new Map<string, string>();
  const n: Omit<Densities, 'articles' | 'size' | 'names'> = { sentences: 0, entities: 0, mentions: 0, figures: 0, claims: 0, quotes: 0, links: 0 };
  let chars = 0;
  const names = new Set<string>();
  files.forEach((file, i) => {
    const text = fs.readFileSync(file, 'utf8');
    const facts = extractFacts(`file:///d/${i}.txt`, text, parse(text).article, { outlets, pins: [] });
    if (facts.source) outlets.set(facts.source.toLowerCase(), facts.source);
    chars += text.length;
    n.sentences += facts.sentences.length;
    for (const e of facts.entities) {
      // CVE identifiers are left out: the generator writes none, and reading them is a pass of its own that costs little
      // (`vulnerabilitiesIn`); the densities were measured without them.
      if (e.kind === 'vulnerability') continue;
      n.entities++;
      n.mentions += e.mentions.length;
      names.add(e.key);
    }
    n.figures += facts.figures.length;
    n.claims += facts.claims.length;
    n.quotes += facts.quotes.length;
    n.links += facts.links.length;
  });
  const per = (x: number) => Math.round((100_000 * x) / Math.max(1, chars)) / 100;
  return { articles: files.length, size: Math.round(chars / Math.max(1, files.length)), sentences: per(n.sentences), entities: per(n.entities), mentions: per(n.mentions), figures: per(n.figures), claims: per(n.claims), quotes: per(n.quotes), links: per(n.links), names: names.size };
}

if (require.main === module) {
  const [dir, max] = process.argv.slice(2);
  if (!dir || (max !== undefined && !(Number.isInteger(Number(max)) && Number(max) > 0))) {
    console.error('usage: tsx bench/density.ts <folder> [max articles]');
    process.exit(2);
  }
  const d = densities(articleFiles(path.resolve(dir), max ? Number(max) : Infinity));
  console.log(`${d.articles} articles, ${d.size} characters each, ${d.names} distinct names; per 1,000 characters:`);
  for (const k of MEASURES) console.log(`  ${k.padEnd(10)} ${d[k].toFixed(2).padStart(6)}   (real corpus ${REAL[k].toFixed(2)}, ×${(d[k] / REAL[k]).toFixed(2)})`);
}
