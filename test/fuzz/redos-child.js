// Runs in a child Node process started by test/fuzz/redos.ts with V8's
// backtrack limit: `--enable-experimental-regexp-engine-on-excessive-backtracks
// --regexp-backtracks-before-fallback=LIMIT --trace-experimental-regexp-engine`.
// When one match attempt of a regular expression backtracks more than LIMIT
// times, V8 reruns it on its linear-time engine and prints a trace line; this
// script prints a marker before each execution, so the parent knows which
// regular expression and which attack string caused it. Backtracks are
// counted, not timed: the result is the same on a fast or a busy machine.
//
// stdin: JSON { n, regexes: [{ source, flags }] }; stdout: `@i:attack` lines,
// `@unprobed:i` lines and V8's `Experimental execution …` lines.
'use strict';

const META = new Set('\\^$.|?*+()[]{}/'.split(''));

/** Characters worth pumping for this source: what its escapes, classes and literals match. */
function alphabet(source) {
  const out = [];
  const add = (c) => { if (c && !out.includes(c)) out.push(c); };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const e = source[++i];
      if (e === 's') { add(' '); add('\t'); add('\n'); }
      else if (e === 'S' || e === 'w' || e === 'b' || e === 'B') { add('a'); add('A'); }
      else if (e === 'd') add('1');
      else if (e === 'D' || e === 'W') add('!');
      else if (e === 'u' && source[i + 1] === '{') { const j = source.indexOf('}', i); add(String.fromCodePoint(parseInt(source.slice(i + 2, j), 16))); i = j; }
      else if (e === 'u') { add(String.fromCharCode(parseInt(source.slice(i + 1, i + 5), 16))); i += 4; }
      else if (e === 'x') { add(String.fromCharCode(parseInt(source.slice(i + 1, i + 3), 16))); i += 2; }
      else if (e === 'p' || e === 'P') { add('a'); add('é'); }
      else if (e === 'n') add('\n');
      else if (e === 'r') add('\r');
      else if (e === 't') add('\t');
      else if (e !== undefined && !/[0-9kcfv]/.test(e)) add(e);
    } else if (c === '.') {
      add('a');
    } else if (!META.has(c)) {
      add(c);
    }
  }
  for (const c of [' ', 'a', 'A', '1', ',', '.', '-', '\n', "'", '’', '[', ']', '(', ')']) add(c);
  return out;
}

/** Letter runs of the source (`seller`, `according`): prefixes that lead the engine into a pattern's body. */
function words(source) {
  const out = new Set();
  // Outside character classes only.
  const bare = source.replace(/\\./g, ' ').replace(/\[[^\]]*\]/g, ' ');
  for (const m of bare.match(/[A-Za-z’']{2,}/g) || []) out.add(m);
  return [...out].slice(0, 6);
}

function attacks(source, n) {
  const a = alphabet(source);
  const singles = a.slice(0, 24);
  const pairs = a.slice(0, 12);
  const pumps = [];
  for (const c of singles) pumps.push(c.repeat(n));
  for (const c of pairs) for (const d of pairs) if (c !== d) pumps.push((c + d).repeat(n / 2));
  for (const w of words(source)) {
    pumps.push(`${w} `.repeat(Math.ceil(n / (w.length + 1))));
    pumps.push(w + ' '.repeat(n));
  }
  const prefixes = ['', ...words(source).map((w) => `${w} `)].slice(0, 4);
  const out = [];
  for (const p of prefixes) for (const pump of pumps) for (const s of ['', '\u0000']) out.push(p + pump + s);
  return out;
}

function main() {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (d) => { input += d; });
  process.stdin.on('end', () => run(JSON.parse(input)));
}

function run({ n, regexes }) {
  regexes.forEach((r, i) => {
    // V8 falls back (and so counts) only without the i, y and u flags. Without
    // them the pattern has the same structure; `y` dropped only adds start
    // positions. A pattern that needs `u` (\p{…}, \u{…}) is reported unprobed.
    let re;
    try {
      re = new RegExp(r.source, r.flags.replace(/[iyu]/g, ''));
    } catch {
      process.stdout.write(`@unprobed:${i}\n`);
      return;
    }
    attacks(r.source, n).forEach((s, j) => {
      process.stdout.write(`@${i}:${j}\n`);
      re.lastIndex = 0;
      re.exec(s);
    });
  });
  process.stdout.write('@done\n');
}

if (require.main === module) main();

module.exports = { attacks };
