/**
 * The regular-expression audit: every regular expression literal under
 * server/src, found with the TypeScript parser (so a new one is audited the
 * day it is written), is run on pumped attack strings in a child Node
 * process whose V8 counts backtracks (see `redos-child.js`). A pattern whose
 * single match attempt backtracks more than a limit proportional to the
 * input is reported with the attack string that did it.
 *
 * Two limits, because what is harmless depends on where matching may start:
 * an anchored pattern (`^…` without `m`, or sticky `y`) makes one attempt,
 * so backtracking linear in the input is fine and only more than 4n is
 * flagged (exponential or polynomial per attempt); an unanchored pattern is
 * tried at every position, so even n/2 backtracks in one attempt means
 * quadratic time over the text (the classic `/\s+$/`) and is flagged.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

export interface FoundRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

export interface DynamicRegex {
  file: string;
  line: number;
  text: string;
}

/** Every regular expression literal and every `RegExp(…)` construction under `dir`. */
export function findRegexes(dir: string): { literals: FoundRegex[]; dynamic: DynamicRegex[] } {
  const literals: FoundRegex[] = [];
  const dynamic: DynamicRegex[] = [];
  const scan = (file: string) => {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const end = text.lastIndexOf('/');
        literals.push({ file, line: lineOf(n), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.expression.getText(sf) === 'RegExp') {
        dynamic.push({ file, line: lineOf(n), text: n.getText(sf) });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  };
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) scan(p);
    }
  };
  walk(dir);
  return { literals, dynamic };
}

/** Whether a pattern can only match at one place (`^` outside any alternative, without `m`; or `y`). */
export function anchored(r: { source: string; flags: string }): boolean {
  if (r.flags.includes('y')) return true;
  if (r.flags.includes('m') || !r.source.startsWith('^')) return false;
  // A top-level `|` gives an alternative that may start anywhere.
  let depth = 0;
  for (let i = 0; i < r.source.length; i++) {
    const c = r.source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < r.source.length && r.source[i] !== ']'; i++) if (r.source[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0 && !r.source.slice(i + 1).startsWith('^')) return false;
  }
  return true;
}

export interface Finding {
  regex: FoundRegex;
  /** The attack string that showed it, or `undefined` when V8 could not probe the pattern (it needs the `u` flag). */
  attack: string | undefined;
}

const CHILD = path.join(__dirname, 'redos-child.js');

/** Regexes (by index) and attack indices that made V8 fall back at `limit` backtracks per attempt. */
function probe(regexes: FoundRegex[], n: number, limit: number): Promise<Map<number, number>> {
  // V8's trace goes through C stdio, buffered differently from Node's writes
  // on a pipe; written to one file, markers and traces keep their order.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-redos-'));
  const out = path.join(dir, 'out.txt');
  const fd = fs.openSync(out, 'w');
  return new Promise<Map<number, number>>((resolve, reject) => {
    const child = spawn(process.execPath, [
      '--enable-experimental-regexp-engine-on-excessive-backtracks',
      `--regexp-backtracks-before-fallback=${limit}`,
      '--trace-experimental-regexp-engine',
      CHILD,
    ], { stdio: ['pipe', fd, 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => {
      fs.closeSync(fd);
      const lines = fs.readFileSync(out, 'utf8').split('\n');
      fs.rmSync(dir, { recursive: true, force: true });
      if (code !== 0 || !lines.includes('@done')) return reject(new Error(`regex probe exited ${code}: ${err}`));
      const hits = new Map<number, number>();
      let last: number[] | undefined;
      for (const line of lines) {
        if (line.startsWith('@unprobed:')) hits.set(Number(line.slice(10)), -1);
        else if (line.startsWith('@') && line !== '@done') last = line.slice(1).split(':').map(Number);
        else if (line.startsWith('Experimental execution') && last && !hits.has(last[0])) hits.set(last[0], last[1]);
      }
      resolve(hits);
    });
    child.stdin!.end(JSON.stringify({ n, regexes: regexes.map((r) => ({ source: r.source, flags: r.flags })) }));
  });
}

/**
 * Runs the audit: returns the patterns that backtrack too much, each with
 * the attack string (of length about `n`) that showed it.
 */
export async function audit(regexes: FoundRegex[], n = 400): Promise<Finding[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { attacks } = require('./redos-child.js') as { attacks: (source: string, n: number) => string[] };
  const [low, high] = await Promise.all([probe(regexes, n, n / 2), probe(regexes, n, 4 * n)]);
  const out: Finding[] = [];
  regexes.forEach((r, i) => {
    const j = anchored(r) ? high.get(i) : low.get(i) ?? high.get(i);
    if (j !== undefined) out.push({ regex: r, attack: j < 0 ? undefined : attacks(r.source, n)[j] });
  });
  return out;
}
