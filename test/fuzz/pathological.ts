/**
 * Pathological articles, shared by `test/pathological.test.ts` (which runs
 * each one through the whole core with only a hang guard) and
 * `test/fuzz/scaling.ts` (`npm run scaling`, which times each family at n
 * and 4n for the README's figures). Every builder takes the size in
 * characters of its hostile part and wraps it in a real article layout, so
 * the body, the tags and the Information fields all get the input.
 */

export const HEAD = '# A pathological article\n\n## Information:\n+ Source: ZDNet\n+ Link: https://example.com/a\n+ Date: 2021-08-30\n+ Author: A. Writer\n\n## Article:\n';
export const TAIL = '\n\n#### Tags:\n[[T-Mobile]] [[John Binns]]\n';

const WORDS = ['T-Mobile', 'said', '100', 'million', 'customers', 'were', 'affected.', 'John', 'Binns', 'claimed', '“the', 'data”', 'on', 'Aug.', '18,', '2021', '[link](https://x.com/a)', '$3.5', 'billion', '(about', '40%)'];

/** Realistic words, figures, names, quotations and links on one line, `n` characters long. */
export function proseLine(n: number): string {
  const parts: string[] = [];
  let len = 0;
  for (let i = 0; len < n; i++) {
    const w = WORDS[i % WORDS.length];
    parts.push(w);
    len += w.length + 1;
  }
  return parts.join(' ').slice(0, n);
}

export interface Family {
  name: string;
  /** The article for a hostile part of about `n` characters. */
  build: (n: number) => string;
}

export const FAMILIES: Family[] = [
  { name: 'single-line article (prose, figures, names, links; no line break)', build: (n) => HEAD + proseLine(n) + TAIL },
  { name: '`[[` repeated in the body', build: (n) => HEAD + '[['.repeat(n / 2) + TAIL },
  { name: '`[[` repeated in the tags', build: (n) => `${HEAD}Text.\n\n#### Tags:\n${'[['.repeat(n / 2)}\n` },
  { name: 'digits with commas (one number)', build: (n) => `${HEAD}1${',234'.repeat(n / 4)} records were stolen.${TAIL}` },
  { name: 'digits with commas (`1,2,3,…`)', build: (n) => HEAD + Array.from({ length: n / 2 }, (_, i) => i % 10).join(',') + TAIL },
  { name: 'nested brackets `[[[…]]]`', build: (n) => HEAD + '['.repeat(n / 2) + ']'.repeat(n / 2) + TAIL },
  { name: 'nested links `[x]([x](…))`', build: (n) => HEAD + '[x]('.repeat(n / 8) + ')'.repeat(n / 8) + TAIL },
  { name: 'nested parentheses and quotes', build: (n) => HEAD + '(“'.repeat(n / 4) + '”)'.repeat(n / 4) + TAIL },
  { name: 'unclosed brackets, links and quotes', build: (n) => HEAD + '[(“<!--`'.repeat(n / 8) + TAIL },
  { name: 'one word', build: (n) => HEAD + 'a'.repeat(n) + TAIL },
  { name: 'one capitalised word', build: (n) => HEAD + 'A'.repeat(n) + TAIL },
  { name: 'capitalised names `John Smith John Smith …`', build: (n) => HEAD + 'John Smith '.repeat(n / 11) + TAIL },
  { name: 'abbreviations and dots `a.a.a.…`', build: (n) => HEAD + 'a.'.repeat(n / 2) + TAIL },
  { name: 'short lines', build: (n) => HEAD + 'a\n'.repeat(n / 2) + TAIL },
  { name: 'headings', build: (n) => HEAD + '## x\n'.repeat(n / 5) + TAIL },
  { name: 'unbalanced straight quotes', build: (n) => HEAD + '"a '.repeat(n / 3) + TAIL },
  { name: 'bare URL prefixes', build: (n) => HEAD + 'https://'.repeat(n / 8) + TAIL },
  { name: 'Information fields', build: (n) => `# T\n\n## Information:\n${'+ Date: 1\n'.repeat(n / 10)}` },
  // Each marker once walked every marker and blank line below it (a minute for 1 MB): `silences` is linear now.
  { name: 'stacked ignore markers, then blank lines', build: (n) => `${HEAD}${'<!-- breach-desk: ignore -->\n'.repeat(Math.floor(n / 60))}${'\n'.repeat(Math.floor(n / 2))}Acme said it.${TAIL}` },
  // Each "a apples" once scanned the whole prose for "apple" (21 s at 200 KB): the prose's words are read once now.
  { name: '"a" before plurals `a apples. a apples. …`', build: (n) => HEAD + 'a apples. '.repeat(Math.floor(n / 10)) + TAIL },
  // One paragraph of thousands of sentences with a name after them: the name check walked back to the paragraph's start
  // by recursion, and overflowed the stack.
  { name: 'one paragraph of short sentences, then names', build: (n) => `${HEAD}Zorblax Quimby said so. ${'It rained here.\n'.repeat(Math.floor(n / 16))}Then Marvolo Quentinworth said so. Quimby agreed.${TAIL}` },
  { name: 'tags', build: (n) => `${HEAD}Text.\n\n## Tags:\n${'[[Threatactor=John Binns]] '.repeat(n / 27)}\n` },
];
