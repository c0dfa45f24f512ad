/**
 * The bundled CLI run as a user runs it, on real files in temporary folders.
 */
import * as assert from 'assert';
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

/**
 * The CLI, run to its end. A run that hangs is stopped after two minutes (mocha's own time limit cannot fire while
 * `spawnSync` holds its thread); the CLI passes the signal on to the run it started with a larger heap.
 */
function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const GOOD = `# A test article
### Subtitle

## Information:
+ Source: ZDNet
+ Link: https://example.com/a
+ Date: 2021-08-30
+ Author: A. Writer

## Article:
Hudson Rock said the data was real.

#### Tags:
[[Hudson Rock]] [[names,]]
`;

describe('breach-desk check (CLI)', function () {
  let dir: string;

  before(function () {
    if (!fs.existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cli-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints compiler-style lines and a summary, exit 0 without errors', function () {
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    const r = run(['check', dir, '--no-seeds'], dir);
    assert.strictEqual(r.code, 0, r.err);
    // As compilers write it: path:line:column: level: message [code].
    assert.match(r.out, /^a\.txt:14:17: note: \[\[names,\]\] has punctuation stuck to it.* \[tags\.punctuation\]$/m);
    assert.match(r.out, /^1 file checked \(0 skipped, 0 not articles\): 0 errors, 0 warnings, 1 note$/m);
  });

  it('exits 1 on an error-level problem, 0 on warnings', function () {
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD.replace('## Information:', '## Information:\n+ Source: X\n\n## Information:'));
    const r = run(['check', dir, '--no-seeds'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /a\.txt:\d+:1: error: .*\[layout\.duplicate-section\]$/m);
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD.replace('2021-08-30', 'Blursday'));
    const w = run(['check', dir, '--no-seeds'], dir);
    assert.strictEqual(w.code, 0, w.out);
    assert.match(w.out, /a\.txt:7:9: warning: .*\[info\.bad-date\]$/m);
  });

  it('checks the seeds with no errors when named; otherwise they are knowledge only, unless --no-seeds', function () {
    const named = run(['check', 'seeds']);
    assert.strictEqual(named.code, 0, named.out);
    assert.match(named.out, /^seeds\/000_01fe31f0ddfc7e1f\.txt:\d+:\d+: note: .*\[tags\.stop-word\]$/m);
    assert.match(named.out, /^3 files checked/m);
    // A folder of the user's own: the seeds' own problems are not the user's, and are neither reported nor counted…
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD.replace('Hudson Rock said the data was real.', 'T-Mobile said 902,000 prepaid customers were affected.'));
    const mine = run(['check', dir, '--severity', 'tags.stop-word=error'], dir);
    assert.doesNotMatch(mine.out, /^\S*seeds\/\S*:\d+:\d+: /m);
    assert.match(mine.out, /^1 file checked/m);
    assert.strictEqual(mine.code, 0, mine.out);
    // …but what they state is known: the 902,000 is reconciled with the ZDNet seed's parts.
    assert.match(mine.out, /^a\.txt:\d+:\d+: note: 902,000 prepaid customers equals the parts ZDNet .*\[figure\.reconciled\]$/m);
    const without = run(['check', dir, '--no-seeds'], dir);
    assert.doesNotMatch(without.out, /figure\.reconciled/);
    // An empty folder checks nothing, and says so; a CI job does not pass on it (exit 2), nor on files all skipped.
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cli-empty-'));
    try {
      const none = run(['check', empty], empty);
      assert.match(none.out, /^0 files checked/m);
      assert.match(none.err, /no article files .* under/);
      assert.strictEqual(none.code, 2);
      fs.writeFileSync(path.join(empty, 'latin1.txt'), Buffer.from('# Caf\xe9\n\n## Article:\nText.\n', 'latin1'));
      const skipped = run(['check', empty], empty);
      assert.strictEqual(skipped.code, 2);
      assert.match(skipped.err, /nothing was checked: every file was skipped/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('reports the 902,000 reconciliation on the seeds with related locations', function () {
    const r = run(['check', 'seeds']);
    assert.match(r.out, /902,000 prepaid customers equals the parts ZDNet \(Aug 26, 2021\) gives: 850,000 \+ 52,000 = 902,000.* \[figure\.reconciled\]$/m);
    assert.match(r.out, /\n {4}seeds\/001_ea6beca59c6dffc6\.txt:52:\d+: note: 850,000/);
  });

  it('writes JSON with 0-based ranges and fixes', function () {
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    const r = run(['check', dir, '--no-seeds', '--format', 'json'], dir);
    const j = JSON.parse(r.out);
    const d = j.files[0].diagnostics[0];
    assert.strictEqual(d.code, 'tags.punctuation');
    assert.deepStrictEqual(d.range, { start: { line: 13, character: 16 }, end: { line: 13, character: 26 } });
    assert.strictEqual(d.fixes[0].edits[0].newText, 'names');
    assert.strictEqual(j.summary.files, 1);
  });

  it('counts in its summary and exit status what the corpus checks found, each file checked as it is written', function () {
    // figure.reconciled comes from the checks against the corpus, which run as the report reaches each file.
    const r = run(['check', 'seeds', '--format', 'json', '--severity', 'figure.reconciled=error']);
    assert.strictEqual(r.code, 1, r.err);
    const j = JSON.parse(r.out);
    const all = j.files.flatMap((f: any) => f.diagnostics);
    const count = (...levels: string[]) => all.filter((d: any) => levels.includes(d.severity)).length;
    assert.ok(all.some((d: any) => d.code === 'figure.reconciled' && d.severity === 'error'));
    assert.deepStrictEqual(
      { errors: j.summary.errors, warnings: j.summary.warnings, notes: j.summary.notes },
      { errors: count('error'), warnings: count('warning'), notes: count('information', 'hint') },
    );
    assert.deepStrictEqual(Object.keys(j), ['version', 'files', 'summary']);
    const text = run(['check', 'seeds', '--severity', 'figure.reconciled=error']);
    assert.strictEqual(text.code, 1);
    assert.match(text.out, new RegExp(`^3 files checked \\(0 skipped, 0 not articles\\): ${count('error')} errors?, ${count('warning')} warnings?, ${count('information', 'hint')} notes?$`, 'm'));
  });

  it('writes a report through a pipe as the reader takes it, whole when read slowly, quietly when the reader stops', async function () {
    this.timeout(120000);
    // A report many times a pipe's buffer (64 KB): sixty copies of a seed under other titles and links.
    const seed = fs.readFileSync(path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt'), 'utf8');
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, `a${i}.txt`), seed.replace(/^# .*/, `# Copy ${i}`).replace(/\+ Link: .*/, `+ Link: [article](https://example.com/copy-${i})`));
    const child = spawn(process.execPath, [CLI, 'check', dir, '--format', 'json', '--no-seeds'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let paused = false;
    child.stdout.on('data', (c: Buffer) => {
      chunks.push(c);
      // A slow reader: nothing more is taken for a while after the first chunk, so the pipe fills.
      if (!paused) {
        paused = true;
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 1500);
      }
    });
    const code = await new Promise<number | null>((r) => child.on('close', r));
    const bytes = Buffer.concat(chunks);
    assert.strictEqual(code, 0);
    assert.ok(bytes.length > 256 * 1024, `${bytes.length} bytes`);
    assert.strictEqual(JSON.parse(bytes.toString('utf8')).files.length, 60);
    // `| head`: the reader goes away after the first bytes; no error, no stack trace.
    const head = spawn(process.execPath, [CLI, 'check', dir, '--format', 'json', '--no-seeds'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    head.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    head.stdout.once('data', () => head.stdout.destroy());
    const headCode = await new Promise<number | null>((r) => head.on('close', r));
    assert.strictEqual(headCode, 0, err);
    assert.doesNotMatch(err, /Error|EPIPE|\bat /);
  });

  it('exits as the whole report would when its reader stops early (| head -1): the files not written are checked all the same', async function () {
    this.timeout(180000);
    // Reports of 0.5 MB (text) to 3.5 MB (SARIF), more than a pipe holds; JSON and SARIF are written a megabyte at a
    // time, so the reader is gone long before the last file, whose error is past what it read.
    const seed = fs.readFileSync(path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt'), 'utf8');
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, `a${i}.txt`), seed.replace(/^# .*/, `# Copy ${i}`).replace(/\+ Link: .*/, `+ Link: [article](https://example.com/copy-${i})`));
    fs.writeFileSync(path.join(dir, 'zz-error.txt'), GOOD.replace('## Information:', '## Information:\n+ Source: X\n\n## Information:'));
    /** The exit status and stderr of a run whose reader takes its first chunk and goes away, as `| head -1` does. */
    const headOne = async (format: string) => {
      const child = spawn(process.execPath, [CLI, 'check', '.', '--no-seeds', '--format', format], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      let read = 0;
      child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
      child.stdout.once('data', (c: Buffer) => { read = c.length; child.stdout.destroy(); });
      const code = await new Promise<number | null>((r) => child.on('close', r));
      return { code, err, read };
    };
    for (const format of ['text', 'json', 'sarif']) {
      const whole = run(['check', '.', '--no-seeds', '--format', format], dir);
      assert.strictEqual(whole.code, 1, whole.err);
      const cut = await headOne(format);
      assert.ok(cut.read < whole.out.length, `${format}: the reader took the whole report`);
      if (format !== 'text') assert.ok(Buffer.byteLength(whole.out.slice(0, whole.out.indexOf('zz-error.txt'))) > 1 << 20, `${format}: the error is written after the first megabyte`);
      assert.strictEqual(cut.code, 1, `${format}: ${cut.err}`);
      assert.doesNotMatch(cut.err, /Error|EPIPE|\bat /, format);
    }
    // A clean run cut short is still a clean run.
    fs.rmSync(path.join(dir, 'zz-error.txt'));
    assert.strictEqual((await headOne('json')).code, 0);
  });

  it('stops the run it started with a larger heap when it is told to stop (a CI time limit, Ctrl-C), leaving no orphan', async function () {
    this.timeout(120000);
    // Processes are found in /proc.
    if (process.platform !== 'linux') this.skip();
    // The processes whose parent is `pid`, from /proc (Linux).
    const childrenOf = (pid: number) => fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).filter((e) => {
      try {
        // "pid (comm) state ppid …": the command name may hold spaces and brackets; what follows its last ")" does not.
        const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    }).map(Number);
    // Running, not ended: an orphan that ended stays a zombie where no init process reaps it.
    const running = (pid: number) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
      } catch {
        return false;
      }
    };
    // A report many times what a pipe holds (as above), never read: the run waits on its output until it is stopped.
    const seed = fs.readFileSync(path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt'), 'utf8');
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, `a${i}.txt`), seed.replace(/^# .*/, `# Copy ${i}`).replace(/\+ Link: .*/, `+ Link: [article](https://example.com/copy-${i})`));
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      // The report goes into a pipe no one reads (a process that never reads its input holds the other end).
      const sink = spawn('sleep', ['120'], { stdio: ['pipe', 'ignore', 'ignore'] });
      const outer = spawn(process.execPath, [CLI, 'check', dir, '--format', 'json', '--no-seeds'], { cwd: dir, stdio: ['ignore', sink.stdin!, 'ignore'], env: { ...process.env, BREACH_DESK_HEAP_SET: '' } });
      const closed = new Promise<[number | null, NodeJS.Signals | null]>((r) => outer.on('exit', (code, sig) => r([code, sig])));
      let inner: number[] = [];
      for (const end = Date.now() + 30000; !inner.length && Date.now() < end; await new Promise((r) => setTimeout(r, 20))) inner = childrenOf(outer.pid!);
      if (!inner.length) {
        outer.kill('SIGKILL');
        sink.kill('SIGKILL');
        // The machine's memory already allows the heap (or the user chose one): there is no second process to stop.
        this.skip();
      }
      // Until the run is under way, blocked on its report.
      await new Promise((r) => setTimeout(r, 1500));
      assert.ok(inner.every(running), 'the run ended before it was stopped: its report fits the pipe');
      outer.kill(signal);
      const [code, sig] = await closed;
      assert.strictEqual(sig, signal, `exit ${code}`);
      for (const end = Date.now() + 10000; inner.some(running) && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
      const left = inner.filter(running);
      for (const pid of left) process.kill(pid, 'SIGKILL');
      sink.kill('SIGKILL');
      assert.deepStrictEqual(left, [], `${signal}: the run goes on without its parent`);
    }
  });

  it('writes SARIF 2.1.0 with rules, 1-based regions, related locations and fixes', function () {
    const r = run(['check', 'seeds', '--format', 'sarif']);
    const s = JSON.parse(r.out);
    assert.strictEqual(s.version, '2.1.0');
    const run0 = s.runs[0];
    assert.strictEqual(run0.columnKind, 'utf16CodeUnits');
    assert.deepStrictEqual([run0.invocations[0].executionSuccessful, run0.invocations[0].exitCode], [true, r.code]);
    const ids = run0.tool.driver.rules.map((x: any) => x.id);
    for (const res of run0.results) {
      assert.strictEqual(ids[res.ruleIndex], res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.ok(res.locations[0].physicalLocation.region.startLine >= 1);
    }
    const variant = run0.results.find((x: any) => x.ruleId === 'tags.case-variant');
    assert.ok(variant.relatedLocations.length >= 1);
    const region = variant.locations[0].physicalLocation.region;
    const text = fs.readFileSync(path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt'), 'utf8').split('\n')[region.startLine - 1];
    assert.strictEqual(text.slice(region.startColumn - 1, region.endColumn - 1), '[[Threatpost]]');
    assert.ok(variant.fixes[0].artifactChanges[0].replacements.length >= 1);
  });

  it('a .article file is an article whatever it holds, as in the editor; a .md note without the layout is not', function () {
    fs.writeFileSync(path.join(dir, 'draft.article'), 'A story I have only begun.\n');
    fs.writeFileSync(path.join(dir, 'notes.md'), '# Shopping\n\n- milk\n');
    const r = run(['check', dir, '--no-seeds'], dir);
    assert.match(r.out, /^draft\.article:\d+:\d+: (?:error|warning): .*\[layout\.[a-z-]+\]$/m);
    assert.match(r.out, /^1 file checked \(0 skipped, 1 not articles\)/m);
  });

  it('skips binary, non-UTF-8 and oversized files with a message, and ignores non-articles', function () {
    fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x23, 0x20, 0x00, 0x41]));
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0xff, 0xfe, 0x41]));
    fs.writeFileSync(path.join(dir, 'big.txt'), GOOD.repeat(20));
    fs.writeFileSync(path.join(dir, 'notes.md'), '# Shopping\n\n- milk\n');
    const r = run(['check', dir, '--no-seeds', '--max-size', '1000'], dir);
    assert.match(r.out, /^bin\.txt:1:1: warning: Skipped: the file holds binary data \(a NUL byte\)\. \[file\.binary\]$/m);
    assert.match(r.out, /^latin1\.txt:1:1: warning: Skipped: the file is not valid UTF-8 \(it was saved in another encoding, such as Latin-1 or Windows-1252: save it as UTF-8\)\. \[file\.encoding\]$/m);
    // Sizes as people read them: not "0.0 MB is more than the 0.0 MB limit".
    assert.match(r.out, /^big\.txt:1:1: warning: Skipped: \d+\.\d KB is more than the 1\.0 KB limit\. \[file\.too-large\]$/m);
    // Just over the limit: in bytes, not "1.0 KB is more than the 1.0 KB limit".
    fs.writeFileSync(path.join(dir, 'big.txt'), GOOD.padEnd(1001, '\n').slice(0, 1001));
    const just = run(['check', dir, '--no-seeds', '--max-size', '1000'], dir);
    assert.match(just.out, /^big\.txt:1:1: warning: Skipped: 1,001 bytes is more than the 1,000-byte limit\. \[file\.too-large\]$/m);
    assert.match(r.out, /3 files checked \(3 skipped, 1 not articles\)/);
    // Every file skipped: nothing was checked, and a CI job must not pass on that; nor a code-scanning upload.
    assert.strictEqual(r.code, 2);
    const sarif = run(['check', dir, '--no-seeds', '--max-size', '1000', '--format', 'sarif'], dir);
    const invocation = JSON.parse(sarif.out).runs[0].invocations[0];
    assert.deepStrictEqual([sarif.code, invocation.executionSuccessful, invocation.exitCode], [2, false, 2]);
    assert.ok(invocation.toolExecutionNotifications.some((n: any) => n.level === 'error' && /Nothing was checked/.test(n.message.text)), JSON.stringify(invocation));
    fs.writeFileSync(path.join(dir, 'good.txt'), GOOD);
    assert.notStrictEqual(run(['check', dir, '--no-seeds', '--max-size', '1000000'], dir).code, 2, 'a file checked among skipped ones: the findings are the report');
  });

  it('--fix applies the safe fixes and reports what remains', function () {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, GOOD.replace('[[Hudson Rock]] [[names,]]', '[[Hudson Rock]] [[names,]] [[it’s]] [[said.]]'));
    run(['check', dir, '--no-seeds', '--fix'], dir);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), GOOD.replace('[[Hudson Rock]] [[names,]]', '[[Hudson Rock]] [[names]]'));
  });

  it('--fix keeps a byte order mark, says which files it changed, and leaves a file it cannot write as it was', function () {
    const bom = path.join(dir, 'bom.txt');
    fs.writeFileSync(bom, `\uFEFF${GOOD}`);
    const r = run(['check', dir, '--no-seeds', '--fix'], dir);
    assert.strictEqual(fs.readFileSync(bom, 'utf8'), `\uFEFF${GOOD.replace('[[names,]]', '[[names]]')}`);
    assert.match(r.err, /^fixed bom\.txt \(1 edit\)$/m);
    assert.match(r.err, /--fix changed 1 file\./);
    // A read-only file is left as it was, whoever runs the fix (root may write it, but its owner said no).
    const readOnly = path.join(dir, 'read-only.txt');
    fs.writeFileSync(readOnly, GOOD);
    fs.chmodSync(readOnly, 0o444);
    const ro = run(['check', readOnly, '--no-seeds', '--fix'], dir);
    assert.match(ro.out, /^read-only\.txt:1:1: error: Not fixed: the file is read-only \(no one may write it\); make it writable to fix it\. \[file\.unwritable\]$/m);
    assert.strictEqual(fs.readFileSync(readOnly, 'utf8'), GOOD);
    fs.rmSync(readOnly);
    // A file that cannot be written (run as an unprivileged user where the tests run as root).
    // (Only where that user can run the CLI at all: a checkout in a private folder is out of its reach.)
    const SETPRIV = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
    const asUser = process.getuid?.() !== 0 ? [] : spawnSync(SETPRIV[0], [...SETPRIV.slice(1), process.execPath, CLI, '--version']).status === 0 ? SETPRIV : undefined;
    if (!asUser) {
      console.log('    (the unwritable file is not tried: no unprivileged user can run the CLI here)');
      return;
    }
    fs.chmodSync(dir, 0o777);
    const locked = path.join(dir, 'a-locked.txt');
    const open = path.join(dir, 'b-open.txt');
    fs.writeFileSync(locked, GOOD);
    fs.writeFileSync(open, GOOD);
    fs.chmodSync(open, 0o666);
    // Writable by its owner (root) alone: not read-only, but out of this user's reach.
    fs.chmodSync(locked, 0o644);
    fs.chmodSync(bom, 0o666);
    const [cmd, ...pre] = asUser.length ? asUser : [process.execPath];
    const u = spawnSync(cmd, [...pre, ...(asUser.length ? [process.execPath] : []), CLI, 'check', dir, '--no-seeds', '--fix'], { cwd: dir, encoding: 'utf8' });
    assert.strictEqual(u.status, 1, u.stderr);
    assert.match(u.stdout, /^a-locked\.txt:1:1: error: Not fixed: the file could not be written: permission denied \(EACCES\)\. \[file\.unwritable\]$/m);
    // It was left as it was, and the run went on to the next file.
    assert.strictEqual(fs.readFileSync(locked, 'utf8'), GOOD);
    assert.strictEqual(fs.readFileSync(open, 'utf8'), GOOD.replace('[[names,]]', '[[names]]'));
    assert.doesNotMatch(u.stderr, /internal error/);
  });

  it('reports a path it cannot read and goes on; --severity applies to file and config problems too', function () {
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    fs.symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling-folder'));
    const broken = path.join(dir, 'dangling-folder');
    const r = run(['check', broken, dir, '--no-seeds'], dir);
    assert.strictEqual(r.code, 1, r.out);
    assert.match(r.out, /^dangling-folder:1:1: error: It could not be read: it does not exist .*\(ENOENT\)\. \[file\.unreadable\]$/m);
    assert.match(r.out, /^a\.txt:14:17: note: /m);
    const relaxed = run(['check', broken, dir, '--no-seeds', '--severity', 'file.unreadable=warning'], dir);
    assert.strictEqual(relaxed.code, 0, relaxed.out);
    assert.match(relaxed.out, /^dangling-folder:1:1: warning: .*\[file\.unreadable\]$/m);
    // The pinned entities: a folder where the file should be is reported, not a crash; off is off.
    fs.mkdirSync(path.join(dir, '.breachdesk', 'entities.json'), { recursive: true });
    const pins = run(['check', 'a.txt', '--no-seeds'], dir);
    assert.strictEqual(pins.code, 1, pins.err);
    assert.match(pins.out, /^\.breachdesk\/entities\.json:1:1: error: The pinned entities could not be read: it is a folder \(EISDIR\)\. \[config\.invalid\]$/m);
    assert.strictEqual(run(['check', 'a.txt', '--no-seeds', '--severity', 'config.invalid=off'], dir).code, 0);
    // A byte order mark before the JSON is no mistake.
    fs.rmSync(path.join(dir, '.breachdesk', 'entities.json'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.breachdesk', 'entities.json'), '\uFEFF{ "entities": [ { "name": "Hudson Rock", "kind": "organisation" } ] }');
    const bom = run(['check', 'a.txt', '--no-seeds'], dir);
    assert.strictEqual(bom.code, 0, bom.out);
    assert.doesNotMatch(bom.out, /config\.invalid/);
  });

  it('reports a symbolic link under its own name, and says when a file it was given is no article', function () {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cli-target-'));
    try {
      // A link to a file inside the folder checked (a hidden folder's, which the walk does not list itself).
      fs.mkdirSync(path.join(dir, '.store'));
      fs.writeFileSync(path.join(dir, '.store', 'real.txt'), GOOD);
      fs.symlinkSync(path.join(dir, '.store', 'real.txt'), path.join(dir, 'link.txt'));
      const r = run(['check', '.', '--no-seeds'], dir);
      assert.match(r.out, /^link\.txt:14:17: note: /m);
      // One outside it is the user's only when named: in the folder, it is skipped and said.
      fs.writeFileSync(path.join(target, 'real.txt'), GOOD);
      fs.symlinkSync(path.join(target, 'real.txt'), path.join(dir, 'out.txt'));
      assert.match(run(['check', '.', '--no-seeds'], dir).out, /^out\.txt:1:1: error: It is a symbolic link to a file outside the folders read \(.*real\.txt\); not read: .*\[file\.unreadable\]$/m);
      assert.match(run(['check', 'out.txt', '--no-seeds'], dir).out, /^out\.txt:14:17: note: /m);
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'Shopping: milk\n');
      const n = run(['check', 'notes.txt', '--no-seeds'], dir);
      assert.strictEqual(n.code, 2, 'a file that is no article is nothing to check');
      assert.match(n.err, /notes\.txt is not an article/);
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  });

  it('follows a folder that is a symbolic link inside the paths (a corpus linked in), each real folder once, and no link loop; not one outside them', function () {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cli-linked-'));
    const here = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cli-links-'));
    try {
      fs.writeFileSync(path.join(target, 'far.txt'), GOOD);
      fs.mkdirSync(path.join(here, 'sub'));
      fs.writeFileSync(path.join(here, 'sub', 'near.txt'), GOOD);
      fs.mkdirSync(path.join(here, '.shared'));
      fs.writeFileSync(path.join(here, '.shared', 'kept.txt'), GOOD);
      fs.symlinkSync(path.join(here, '.shared'), path.join(here, 'corpus'));
      // A link to a folder above it: walked once, not for ever.
      fs.symlinkSync(here, path.join(here, 'sub', 'up'));
      // A link to a folder outside: skipped, and said.
      fs.symlinkSync(target, path.join(here, 'elsewhere'));
      const r = run(['check', '.', '--no-seeds', '--format', 'json'], here);
      const files = JSON.parse(r.out).files as { path: string; diagnostics: { code: string; message: string }[] }[];
      assert.deepStrictEqual(files.map((f) => f.path).sort(), ['corpus/kept.txt', 'elsewhere', 'sub/near.txt']);
      assert.match(files.find((f) => f.path === 'elsewhere')!.diagnostics[0].message, /^It is a symbolic link to a folder outside the folders read/);
      // Named, it is read.
      const named = run(['check', '.', 'elsewhere', '--no-seeds', '--format', 'json'], here);
      assert.deepStrictEqual(JSON.parse(named.out).files.map((f: { path: string }) => f.path).sort(), ['corpus/kept.txt', 'elsewhere/far.txt', 'sub/near.txt']);
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
      fs.rmSync(here, { recursive: true, force: true });
    }
  });

  it('reports the same when its analyst threads cannot start or die mid-run: the files not yet taken are read on the main thread, and stderr says so', function () {
    for (let i = 0; i < 40; i++) {
      fs.writeFileSync(path.join(dir, `a${String(i).padStart(2, '0')}.txt`), GOOD
        .replace('example.com/a', `example.com/a${i}`).replace('Hudson Rock said the data was real.', `Acme Corp said ${i % 7 ? '5,000' : '7,000'} customers were affected by the breach.`));
    }
    // A copy of the CLI beside a thread script that throws as it loads, and beside one that dies after a moment.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cli-copy-'));
    try {
      fs.mkdirSync(path.join(copy, 'dist'));
      fs.copyFileSync(CLI, path.join(copy, 'dist', 'cli.js'));
      fs.symlinkSync(path.join(ROOT, 'seeds'), path.join(copy, 'seeds'));
      const args = ['check', '.', '--format', 'json'];
      const main = run([...args, '--threads', '0'], dir);
      assert.match(main.out, /figure\.conflict/);
      // The dying one exits right after its first answer: one thread, so some files were taken from it and the rest not.
      const dying = `const { parentPort } = require('worker_threads');
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (m, t) => { post(m, t); process.exit(3); };
require(${JSON.stringify(path.join(ROOT, 'dist', 'analyst.js'))});
`;
      // And one that goes quietly before it answers, while the main thread has nothing else to wait for: the run
      // must wait for the threads it owes answers to, not end with no report and exit 0.
      const silent = `const { parentPort } = require('worker_threads');
parentPort.postMessage = () => undefined;
setTimeout(() => process.exit(3), 100);
require(${JSON.stringify(path.join(ROOT, 'dist', 'analyst.js'))});\n`;
      for (const [name, script, threads] of [['broken', "throw new Error('no analyst here');\n", '2'], ['dying', dying, '1'], ['silent', silent, '2']]) {
        fs.writeFileSync(path.join(copy, 'dist', 'analyst.js'), script);
        const r = spawnSync(process.execPath, [path.join(copy, 'dist', 'cli.js'), ...args, '--threads', threads], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
        const said = /breach-desk: analyst threads stopped \(.+\); reading the other (\d+) files on the main thread\./.exec(r.stderr);
        assert.ok(said, `${name}: ${r.stderr}`);
        if (name === 'dying') assert.ok(Number(said[1]) > 0 && Number(said[1]) < 40, `${name}: ${said[0]}`);
        // Every file, the seeds' too: none was answered.
        if (name === 'silent') assert.strictEqual(Number(said[1]), 40 + fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).length, said[0]);
        assert.strictEqual(r.status, main.code, name);
        assert.ok(r.stdout === main.out, `${name}: the reports differ`);
      }
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('writes no terminal escape sequence an article or a file name carries', function () {
    const esc = '\x1b[2J\x1b[H\x1b]0;owned\x07';
    const text = GOOD.replace('+ Source: ZDNet', `+ Source: Evil${esc}News`).replace('+ Date: 2021-08-30', `+ Date: someday${esc}`).replace('Hudson Rock said', `Hudson Rock${esc} said`);
    fs.writeFileSync(path.join(dir, `evil\x1b[31mname.txt`), text);
    const r = run(['check', '.', '--no-seeds'], dir);
    assert.ok(/evil\?\[31mname\.txt:\d+:\d+: /.test(r.out), r.out);
    assert.ok(!/[\x00-\x08\x0b-\x1f\x7f]/.test(r.out + r.err), JSON.stringify(r.out));
  });

  it('reports the same, byte for byte and in the same order, whether files are analysed on threads or not', function () {
    // Eight runs over 226 files: 12 s on a loaded machine here, so room for a slower one.
    this.timeout(240_000);
    // Enough files for progress lines (over 200), files of every kind, and a pin the threads must know: without it
    // "Quillfeather" is no name and its figures are compared within their own article only.
    fs.mkdirSync(path.join(dir, '.breachdesk'));
    fs.writeFileSync(path.join(dir, '.breachdesk', 'entities.json'), '{ "entities": [ { "name": "Quillfeather", "kind": "organisation" } ] }');
    for (let i = 0; i < 220; i++) {
      const customers = i % 50 === 7 ? '7,000' : '5,000';
      fs.writeFileSync(path.join(dir, `a${String(i).padStart(3, '0')}.txt`), GOOD
        .replace('2021-08-30', `2021-08-${String((i % 20) + 1).padStart(2, '0')}`).replace('example.com/a', `example.com/a${i}`)
        .replace('Hudson Rock said the data was real.', `Quillfeather said ${customers} customers were affected by the breach.`));
    }
    // A placeholder is checked but is no source: its 9,999 customers disagree with no one.
    fs.writeFileSync(path.join(dir, 'placeholder.txt'), GOOD.replace('# A test article', '# Unknown').replace('example.com/a', 'example.com/ghost')
      .replace('Hudson Rock said the data was real.', 'Quillfeather said 9,999 customers were affected by the breach.'));
    fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x23, 0x20, 0x00, 0x41]));
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0xff, 0xfe, 0x41]));
    fs.writeFileSync(path.join(dir, 'big.txt'), GOOD.repeat(400));
    fs.writeFileSync(path.join(dir, 'notes.md'), '# Shopping\n\n- milk\n');
    for (const format of ['text', 'json', 'sarif']) {
      const args = ['check', '.', 'notes.md', '--format', format, '--max-size', '20000'];
      const main = run([...args, '--threads', '0'], dir);
      const threads = run([...args, '--threads', '2'], dir);
      assert.ok(main.out.length > 0 && /figure\.conflict/.test(main.out), `${format}: the corpus checks found the conflicts the pin makes:\n${main.out.slice(0, 2000)}`);
      assert.match(main.err, /read 225\/225 files/);
      assert.match(main.out, /article\.placeholder/);
      assert.doesNotMatch(main.out, /9,999/);
      assert.strictEqual(threads.code, main.code, format);
      assert.strictEqual(threads.err, main.err, format);
      assert.ok(threads.out === main.out, `${format}: the reports differ`);
    }
    assert.match(run(['check', '--threads', 'many']).err, /--threads takes a whole number from 0 to 64, not "many"/);
    assert.strictEqual(run(['check', '--threads=65']).code, 2);
  });

  it('rejects bad options with exit 2 and a message', function () {
    const r = run(['check', '--format', 'xml']);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /--format must be text, json or sarif/);
    assert.strictEqual(run(['check', '--severity', 'no.such=off']).code, 2);
    assert.strictEqual(run(['lint']).code, 2);
    const noLevel = run(['check', '--severity', 'tags.stop-word']);
    assert.strictEqual(noLevel.code, 2);
    assert.match(noLevel.err, /--severity takes CODE=LEVEL \(for example tags\.stop-word=off\), not "tags\.stop-word"/);
    assert.match(run(['check', '--max-size', '1e3']).err, /--max-size takes a whole, positive number of bytes, not "1e3"/);
    // A slip in an option's name is answered with the option meant; two reports asked for, with a refusal.
    const slip = run(['check', '--no-seed', 'seeds']);
    assert.strictEqual(slip.code, 2);
    assert.match(slip.err, /Unknown option "--no-seed"\. Did you mean --no-seeds\?/);
    assert.match(run(['check', '--frmat=json']).err, /Did you mean --format\?/);
    assert.doesNotMatch(run(['check', '--zzzzzzz']).err, /Did you mean/);
    const twice = run(['check', '--format', 'json', '--format', 'sarif', 'seeds']);
    assert.strictEqual(twice.code, 2);
    assert.match(twice.err, /--format is given twice \(json and sarif\)/);
    assert.strictEqual(run(['check', '--format', 'json', '--format=json', 'seeds']).code, 0, 'the same format twice is no contradiction');
  });

  it('refuses a single-valued option given twice with two values, naming it; the same value twice is no contradiction', function () {
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    const cases: [string[], RegExp][] = [
      [['--max-size', '1000', '--max-size=2000'], /^breach-desk: --max-size is given twice \(1000 and 2000\)/],
      [['--threads=0', '--threads', '2'], /^breach-desk: --threads is given twice \(0 and 2\)/],
      [['--severity', 'tags.punctuation=error', '--severity=tags.punctuation=off'], /^breach-desk: --severity tags\.punctuation is given twice \(error and off\)/],
    ];
    for (const [args, said] of cases) {
      for (const command of ['check', 'show']) {
        const r = run([command, ...(command === 'show' ? ['Hudson Rock'] : []), '.', '--no-seeds', ...args], dir);
        assert.strictEqual(r.code, 2, `${command} ${args.join(' ')}`);
        assert.match(r.err, said, `${command} ${args.join(' ')}`);
      }
    }
    // The same value, however written; and a repeatable option given for two codes.
    const same = run(['check', '.', '--no-seeds', '--max-size', '1000', '--max-size=01000', '--threads', '0', '--threads=0', '--severity', 'tags.punctuation=error', '--severity', 'tags.punctuation=error', '--severity', 'tags.stop-word=off'], dir);
    assert.strictEqual(same.code, 1, same.err);
    assert.match(same.out, /^a\.txt:14:17: error: .*\[tags\.punctuation\]$/m);
  });

  it('reads the editor\'s breachDesk settings of the current folder, so that CI checks as the editor does; the command line comes on top', function () {
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.writeFileSync(path.join(dir, 'drafts', 'b.txt'), GOOD.replace('example.com/a', 'example.com/b'));
    fs.mkdirSync(path.join(dir, '.vscode'));
    const settings = path.join(dir, '.vscode', 'settings.json');
    fs.writeFileSync(settings, '{\n  // what the editor shows\n  "breachDesk.severity": { "tags.punctuation": "error", "no.such": "off" },\n  "breachDesk.exclude": ["drafts/**"],\n  "editor.wordWrap": "on",\n}\n');
    const r = run(['check', '.', '--no-seeds'], dir);
    assert.match(r.out, /^a\.txt:\d+:\d+: error: .*\[tags\.punctuation\]$/m);
    assert.doesNotMatch(r.out, /drafts/);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /breach-desk: \.vscode[\/\\]settings\.json: breachDesk\.severity: "no\.such" is not a Breach Desk diagnostic code; ignored\./);
    assert.match(r.err, /using breachDesk\.severity, breachDesk\.exclude from \.vscode[\/\\]settings\.json/);
    // The command line wins; --no-editor-settings leaves the file out.
    assert.strictEqual(run(['check', '.', '--no-seeds', '--severity', 'tags.punctuation=information'], dir).code, 0);
    const plain = run(['check', '.', '--no-seeds', '--no-editor-settings'], dir);
    assert.match(plain.out, /drafts[\/\\]b\.txt/);
    assert.strictEqual(plain.code, 0);
    // A broken file is said to be so, and the check goes on without it.
    fs.writeFileSync(settings, '{ "breachDesk.severity": ');
    const broken = run(['check', '.', '--no-seeds'], dir);
    assert.match(broken.err, /settings\.json: not a JSON object \(line 1\); its breachDesk settings are not used\./);
    assert.strictEqual(broken.code, 0);
  });

  it('--corpus and the editor\'s breachDesk.corpus are folders to learn from: a source for the checks, never reported', function () {
    // A4's 2.1 million prepaid customers conflicts with A1's 1.2 million.
    const EVAL = path.join(ROOT, 'test', 'eval', 'articles');
    fs.mkdirSync(path.join(dir, 'mine'));
    fs.copyFileSync(path.join(EVAL, 'a1_corvane_ledger.txt'), path.join(dir, 'mine', 'a1.txt'));
    fs.mkdirSync(path.join(dir, 'archive'));
    fs.copyFileSync(path.join(EVAL, 'a4_corvane_secweek.txt'), path.join(dir, 'archive', 'a4.txt'));
    const report = (args: string[], cwd = dir) => {
      const r = run(['check', '--no-seeds', '--format=json', ...args], cwd);
      const files = JSON.parse(r.out).files as { path: string; diagnostics: { code: string }[] }[];
      return { err: r.err, paths: files.map((f) => f.path), conflicts: files.filter((f) => f.diagnostics.some((d) => d.code === 'figure.conflict')).map((f) => f.path) };
    };
    assert.deepStrictEqual(report(['mine']).conflicts, []);
    const learnt = report(['mine', '--corpus', 'archive']);
    assert.deepStrictEqual([learnt.paths, learnt.conflicts], [[path.join('mine', 'a1.txt')], [path.join('mine', 'a1.txt')]]);
    fs.mkdirSync(path.join(dir, 'mine', '.vscode'));
    // The settings file comes with the folder checked: its corpus folders are read only inside the current folder (a
    // hidden one here, which the walk of "." passes over); one outside is said, and read only when --corpus names it.
    fs.mkdirSync(path.join(dir, 'mine', '.archive'));
    fs.copyFileSync(path.join(dir, 'archive', 'a4.txt'), path.join(dir, 'mine', '.archive', 'a4.txt'));
    fs.writeFileSync(path.join(dir, 'mine', '.vscode', 'settings.json'), JSON.stringify({ 'breachDesk.corpus': ['.archive', 'gone'] }));
    const set = report(['.'], path.join(dir, 'mine'));
    assert.deepStrictEqual([set.paths, set.conflicts], [['a1.txt'], ['a1.txt']]);
    assert.match(set.err, /corpus folder .*gone does not exist; not read\./);
    assert.match(set.err, /using breachDesk\.corpus from/);
    fs.rmSync(path.join(dir, 'mine', '.archive'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'mine', '.vscode', 'settings.json'), JSON.stringify({ 'breachDesk.corpus': ['../archive'] }));
    const outside = report(['.'], path.join(dir, 'mine'));
    assert.deepStrictEqual([outside.paths, outside.conflicts], [['a1.txt'], []]);
    assert.match(outside.err, /breachDesk\.corpus: the folder "\.\.\/archive" is not inside the current folder; not read \(pass --corpus DIR to learn from it\)\./);
    assert.deepStrictEqual(report(['.', '--corpus', '../archive'], path.join(dir, 'mine')).conflicts, ['a1.txt']);
  });

  it('--exclude leaves files out inside each folder given: neither checked nor a source; a file named is checked', function () {
    // A4's 2.1 million prepaid customers conflicts with A1's 1.2 million.
    const EVAL = path.join(ROOT, 'test', 'eval', 'articles');
    fs.copyFileSync(path.join(EVAL, 'a1_corvane_ledger.txt'), path.join(dir, 'a1.txt'));
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.copyFileSync(path.join(EVAL, 'a4_corvane_secweek.txt'), path.join(dir, 'drafts', 'a4.txt'));
    const report = (...args: string[]) => {
      const r = run(['check', '--no-seeds', '--format=json', ...args], dir);
      const files = r.out ? (JSON.parse(r.out).files as { path: string; diagnostics: { code: string }[] }[]) : [];
      return { code: r.code, err: r.err, paths: files.map((f) => f.path).sort(), conflicts: files.filter((f) => f.diagnostics.some((d) => d.code === 'figure.conflict')).map((f) => f.path).sort() };
    };
    const all = report('.');
    assert.deepStrictEqual([all.paths, all.conflicts], [['a1.txt', path.join('drafts', 'a4.txt')], ['a1.txt', path.join('drafts', 'a4.txt')]]);
    for (const args of [['.', '--exclude', 'drafts/**'], ['--exclude=drafts', '.'], [dir, '--exclude', '**/a4.txt', '--exclude', 'nothing/**']]) {
      const r = report(...args);
      assert.deepStrictEqual([r.code, r.paths, r.conflicts], [0, ['a1.txt'], []], args.join(' '));
    }
    // Matched inside the folder given, not the working folder: run from the parent, the same pattern leaves drafts/ out,
    // and one that names the folder given matches nothing.
    const fromParent = (pattern: string) => JSON.parse(run(['check', '--no-seeds', '--format=json', path.basename(dir), '--exclude', pattern], path.dirname(dir)).out).files.length;
    assert.deepStrictEqual([fromParent('drafts/**'), fromParent(`${path.basename(dir)}/drafts/**`)], [1, 2]);
    // A file named as a path is checked (and a source) whatever the patterns say.
    const named = report('.', path.join('drafts', 'a4.txt'), '--exclude', 'drafts/**');
    assert.deepStrictEqual(named.conflicts, ['a1.txt', path.join('drafts', 'a4.txt')]);
    // Everything left out: nothing checked is exit 2, and says why.
    const none = run(['check', '.', '--no-seeds', '--exclude', '**'], dir);
    assert.strictEqual(none.code, 2);
    assert.match(none.err, /no article files .* under "\." that --exclude leaves in\./);
    // A pattern that cannot be used is a usage error; a slip in the option's name is answered; --help tells of it.
    const bad = run(['check', '.', '--exclude', '!drafts/keep.txt'], dir);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.err, /--exclude "!drafts\/keep\.txt" starts with "!": a pattern leaves files out, it cannot bring back what another leaves out\./);
    assert.strictEqual(run(['check', '.', '--exclude'], dir).code, 2);
    assert.match(run(['check', '--exclud', 'drafts/**']).err, /Did you mean --exclude\?/);
    assert.match(run(['--help']).out, /--exclude GLOB/);
  });

  it('says in one line that it cannot write its report to a full disk, with exit 3 and no stack trace', function () {
    if (!fs.existsSync('/dev/full')) this.skip();
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, 'check', 'seeds'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      assert.strictEqual(r.status, 3);
      assert.strictEqual(r.stderr.trim(), 'breach-desk: cannot write the report: no space left on the device (ENOSPC).');
    } finally {
      fs.closeSync(full);
    }
  });

  it('takes --opt=value for every option, and paths after --', function () {
    fs.writeFileSync(path.join(dir, '-odd.txt'), GOOD);
    const r = run(['check', '--no-seeds', '--severity=tags.punctuation=error', '--format=json', '--', '-odd.txt'], dir);
    assert.strictEqual(r.code, 1, r.err);
    const j = JSON.parse(r.out);
    assert.strictEqual(j.files[0].path, '-odd.txt');
    assert.strictEqual(j.files[0].diagnostics[0].severity, 'error');
    // The fixes --fix would apply are marked.
    assert.strictEqual(j.files[0].diagnostics[0].fixes[0].preferred, true);
  });

  it('uses pinned entities from .breachdesk/entities.json and reports its mistakes', function () {
    fs.mkdirSync(path.join(dir, '.breachdesk'));
    fs.writeFileSync(path.join(dir, '.breachdesk', 'entities.json'), '{ "entities": [ { "name": "A", "kind": "robot" } ] }');
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    const r = run(['check', '.', '--no-seeds'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /^\.breachdesk\/entities\.json:1:\d+: error: "A": kind must be one of.*\[config\.invalid\]$/m);
    assert.match(r.out, /^1 file checked/m);
  });

  it('reads no pins file that is a FIFO or larger than 2 MB, and says why', function () {
    fs.mkdirSync(path.join(dir, '.breachdesk'));
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    const pins = path.join(dir, '.breachdesk', 'entities.json');
    fs.writeFileSync(pins, JSON.stringify({ entities: [{ name: 'A'.repeat(3 * 1024 * 1024) }] }));
    const big = run(['check', '.', '--no-seeds'], dir);
    assert.match(big.out, /entities\.json:1:1: error: The pinned entities file is 3\.0 MB, more than the 2 MB it may be; it is not read\. \[config\.invalid\]/);
    fs.rmSync(pins);
    execFileSync('mkfifo', [pins]);
    // A read of a FIFO would wait for a writer for ever: the run must end on its own.
    const r = spawnSync(process.execPath, [CLI, 'check', '.', '--no-seeds'], { cwd: dir, encoding: 'utf8', timeout: 30000 });
    assert.strictEqual(r.signal, null, 'the run hung on the FIFO');
    assert.match(r.stdout, /entities\.json:1:1: error: The pinned entities file is not a regular file; it is not read\./);
  });

  it('an article or pins file linked to a kernel file that says it is empty and is not (/proc/self/pagemap) is read only up to the limit', function () {
    if (!fs.existsSync('/proc/self/pagemap')) this.skip();
    fs.mkdirSync(path.join(dir, '.breachdesk'));
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    // Links survive a clone: a hostile repository can hold them. `readFile` read hundreds of gigabytes.
    fs.symlinkSync('/proc/self/pagemap', path.join(dir, 'evil.txt'));
    fs.symlinkSync('/proc/self/pagemap', path.join(dir, '.breachdesk', 'entities.json'));
    // (Named: in a folder, a link out of it is not followed.)
    const r = spawnSync(process.execPath, ['--max-old-space-size=300', CLI, 'check', '.', 'evil.txt', '--no-seeds'], { cwd: dir, encoding: 'utf8', timeout: 60000 });
    assert.strictEqual(r.signal, null, 'the run did not end');
    assert.match(r.stdout, /^evil\.txt:1:1: warning: Skipped: it holds more than the 5\.0 MB limit\. \[file\.too-large\]$/m);
    assert.match(r.stdout, /entities\.json:1:1: error: The pinned entities file holds more than the 2 MB it may be; it is not read\./);
    assert.match(r.stdout, /^2 files checked \(1 skipped, 0 not articles\)/m);
  });

  it('says a pins file that is not UTF-8 is not UTF-8, and how to mend it (not a JSON mistake, not a name with U+FFFD pinned)', function () {
    fs.mkdirSync(path.join(dir, '.breachdesk'));
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    const pins = path.join(dir, '.breachdesk', 'entities.json');
    const json = '{ "entities": [ { "name": "Zürich Insurance", "kind": "organisation" } ] }\n';
    // Saved as "UTF-16 LE" (Windows Notepad's "Unicode"): a byte order mark, then two bytes a character.
    fs.writeFileSync(pins, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    const u16 = run(['check', '.', '--no-seeds'], dir);
    assert.strictEqual(u16.code, 1, u16.out);
    assert.match(u16.out, /^\.breachdesk\/entities\.json:1:1: error: The pinned entities file is not read: the file is UTF-16 LE text; only UTF-8 is read \(save it as UTF-8\)\. \[config\.invalid\]$/m);
    assert.doesNotMatch(u16.out, /JSON/);
    // Latin-1: "ü" is one byte, never valid UTF-8.
    fs.writeFileSync(pins, Buffer.from(json, 'latin1'));
    const latin1 = run(['check', '.', '--no-seeds'], dir);
    assert.strictEqual(latin1.code, 1, latin1.out);
    assert.match(latin1.out, /^\.breachdesk\/entities\.json:1:1: error: The pinned entities file is not read: the file is not valid UTF-8 \(it was saved in another encoding, such as Latin-1 or Windows-1252: save it as UTF-8\)\. \[config\.invalid\]$/m);
    // Saved again as UTF-8, it is read.
    fs.writeFileSync(pins, json);
    assert.doesNotMatch(run(['check', '.', '--no-seeds'], dir).out, /config\.invalid/);
  });

  it('reports the same whatever the files are called: an outlet named before its own article is read is that outlet', function () {
    // "Harbor Lantern Group" is the Source of one file. Read after the two that name it, it was their company:
    // its figures were its customers, and 5 and 7 million disagreed; read first, it was an outlet. Now always.
    const article = (title: string, source: string, link: string, body: string) =>
      `# ${title}\n\n## Information:\n+ Source: ${source}\n+ Link: https://example.com/${link}\n+ Date: 2021-08-30\n+ Author: Me\n\n## Article:\n${body}\n\n## Tags:\n[[Breach]]\n`;
    const says = (n: number) => `Harbor Lantern Group said the data breach affected ${n} million customers. Harbor Lantern Group is investigating the breach.`;
    const reports: string[] = [];
    for (const own of ['z.txt', '0.txt']) {
      const sub = fs.mkdtempSync(path.join(dir, 'order-'));
      fs.writeFileSync(path.join(sub, 'a1.txt'), article('Harbor Lantern Group breach hits 5 million customers', 'Wire', 'a1', says(5)));
      fs.writeFileSync(path.join(sub, 'a2.txt'), article('Harbor Lantern Group breach hits 7 million customers', 'Post', 'a2', says(7)));
      fs.writeFileSync(path.join(sub, own), article('Note', 'Harbor Lantern Group', 'z', 'Globex confirmed the breach on Tuesday.'));
      const r = run(['check', '.', '--no-seeds', '--format', 'json'], sub);
      assert.strictEqual(r.code, 0, r.err);
      const files = JSON.parse(r.out).files as { path: string; diagnostics: { code: string; message: string }[] }[];
      reports.push(JSON.stringify(files.filter((f) => f.path.startsWith('a')).map((f) => [f.path, f.diagnostics.map((d) => `${d.code} ${d.message}`)])));
    }
    assert.strictEqual(reports[0], reports[1]);
    assert.ok(!reports[0].includes('figure.conflict'), reports[0]);
  });

  it('honours --severity', function () {
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    const r = run(['check', dir, '--no-seeds', '--severity', 'tags.punctuation=error'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /error: .*\[tags\.punctuation\]$/m);
  });

  it('puts a file it could not check or fix in SARIF once: a tool execution notification, not a result', function () {
    fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x23, 0x20, 0x00, 0x41]));
    fs.writeFileSync(path.join(dir, 'big.txt'), GOOD.repeat(20));
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0xff, 0xfe, 0x41]));
    fs.symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling.txt'));
    fs.writeFileSync(path.join(dir, 'good.txt'), GOOD);
    // Checked, but its fix cannot be written: its findings are results, the fix that failed a notification.
    fs.writeFileSync(path.join(dir, 'read-only.txt'), GOOD.replace('example.com/a', 'example.com/ro'));
    fs.chmodSync(path.join(dir, 'read-only.txt'), 0o444);
    const r = run(['check', '.', '--no-seeds', '--max-size', '1000', '--fix', '--format', 'sarif'], dir);
    const s = JSON.parse(r.out);
    const run0 = s.runs[0];
    const driver = run0.tool.driver;
    const notices = run0.invocations[0].toolExecutionNotifications;
    const fileOf = (x: any) => x.locations[0].physicalLocation.artifactLocation.uri;
    assert.deepStrictEqual(run0.results.filter((x: any) => x.ruleId.startsWith('file.')).map(fileOf), [], 'a skipped file is no result');
    assert.deepStrictEqual(notices.map((n: any) => [fileOf(n), n.descriptor.id]).sort(), [
      ['big.txt', 'file.too-large'], ['bin.txt', 'file.binary'], ['dangling.txt', 'file.unreadable'], ['latin1.txt', 'file.encoding'], ['read-only.txt', 'file.unwritable'],
    ]);
    for (const n of notices) {
      // Described by the driver's notification descriptors, not its rules.
      assert.strictEqual(driver.notifications[n.descriptor.index].id, n.descriptor.id);
      assert.ok(['error', 'warning', 'note'].includes(n.level));
    }
    assert.ok(!driver.rules.some((x: any) => x.id.startsWith('file.')), 'file problems are no rules');
    for (const res of run0.results) assert.strictEqual(driver.rules[res.ruleIndex].id, res.ruleId);
    // What was checked is there as results: the read-only file's findings included.
    assert.deepStrictEqual([...new Set(run0.results.map(fileOf))].sort(), ['read-only.txt']);
    // Text and JSON still list each as a problem of its file; the exit status counts them alike (unreadable, unwritable: errors).
    assert.deepStrictEqual([r.code, run0.invocations[0].exitCode], [1, 1]);
    const text = run(['check', '.', '--no-seeds', '--max-size', '1000'], dir);
    assert.match(text.out, /^bin\.txt:1:1: warning: Skipped: .*\[file\.binary\]$/m);
  });

  it('gives the run\'s own exit code in SARIF\'s invocation, counted after the checks against the corpus', function () {
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    const invocation = (...args: string[]) => {
      const r = run(['check', '.', '--no-seeds', '--format', 'sarif', ...args], dir);
      const i = JSON.parse(r.out).runs[0].invocations[0];
      return [r.code, i.exitCode, i.executionSuccessful];
    };
    assert.deepStrictEqual(invocation(), [0, 0, true]);
    assert.deepStrictEqual(invocation('--severity', 'tags.punctuation=error'), [1, 1, true]);
    // A mistake in the pins file, reported after every article.
    fs.mkdirSync(path.join(dir, '.breachdesk'));
    fs.writeFileSync(path.join(dir, '.breachdesk', 'entities.json'), '{ "entities": [ { "name": "A", "kind": "robot" } ] }');
    assert.deepStrictEqual(invocation(), [1, 1, true]);
  });

  it('skips a FIFO named as a path or reached through a link as no regular file, without waiting for a writer', function () {
    if (process.platform === 'win32') this.skip();
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    fs.mkdirSync(path.join(dir, 'pipes'));
    execFileSync('mkfifo', [path.join(dir, 'pipes', 'p.txt')]);
    fs.symlinkSync(path.join('pipes', 'p.txt'), path.join(dir, 'link.txt'));
    // Opening a FIFO waits for a writer for ever: each run must end on its own.
    const check = (...args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, 'check', '--no-seeds', ...args], { cwd: dir, encoding: 'utf8', timeout: 30000 });
      assert.strictEqual(r.signal, null, `check ${args.join(' ')} hung on the FIFO`);
      return r;
    };
    const named = check(path.join('pipes', 'p.txt'));
    assert.match(named.stdout, /^pipes\/p\.txt:1:1: \w+: Skipped: it is not a regular file\. \[file\.unreadable\]$/m);
    assert.strictEqual(named.status, 2, 'nothing was checked');
    // In a folder, through a link, on this thread or on analyst threads; the FIFO itself is no article file.
    for (const threads of ['0', '2']) {
      const walked = check('.', '--threads', threads);
      assert.match(walked.stdout, /^link\.txt:1:1: \w+: Skipped: it is not a regular file\. \[file\.unreadable\]$/m);
      assert.match(walked.stdout, /^a\.txt:14:17: note: /m);
      assert.match(walked.stdout, /^2 files checked \(1 skipped, 0 not articles\)/m);
    }
  });

  it('walks folders named out and dist as any other; not hidden folders or node_modules, unless named as a path', function () {
    const put = (file: string, i: number) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), GOOD.replace('example.com/a', `example.com/${i}`));
    };
    ['out/a.txt', 'dist/b.txt', 'node_modules/c.txt', '.git/d.txt', '.archive/e.txt', 'sub/node_modules/f.txt'].forEach(put);
    const paths = (...args: string[]) => {
      const r = run(['check', '--no-seeds', '--format', 'json', ...args], dir);
      assert.strictEqual(r.code, 0, r.err);
      return JSON.parse(r.out).files.map((f: { path: string }) => f.path).sort();
    };
    assert.deepStrictEqual(paths('.'), [path.join('dist', 'b.txt'), path.join('out', 'a.txt')]);
    assert.deepStrictEqual(paths('out'), [path.join('out', 'a.txt')]);
    assert.deepStrictEqual(paths('.archive', 'node_modules'), [path.join('.archive', 'e.txt'), path.join('node_modules', 'c.txt')]);
    assert.match(run(['--help']).out, /hidden folders and\s+node_modules are not walked/);
  });

  it('takes an empty path for a mistake (an unset variable in a script), not for the current folder', function () {
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    for (const args of [['check', ''], ['check', '.', '--corpus', ''], ['check', '.', '--corpus='], ['check', '--', ''], ['show', 'Hudson Rock', '']]) {
      const r = run([args[0], '--no-seeds', ...args.slice(1)], dir);
      assert.deepStrictEqual([r.code, r.out], [2, ''], JSON.stringify(args));
      assert.match(r.err, /^breach-desk: An empty path was given( to --corpus)? \(an unset variable in a script\?\); name a file or folder, "\." for the current one\./, JSON.stringify(args));
    }
  });

  it('says the progress line once at its end, whatever corpus files are read after the files checked', function () {
    this.timeout(120_000);
    // 208 files checked: a batch of 16 ends on the last of them, and more end on the corpus files after them, which are not counted.
    fs.mkdirSync(path.join(dir, 'mine'));
    fs.mkdirSync(path.join(dir, 'archive'));
    for (let i = 0; i < 208; i++) fs.writeFileSync(path.join(dir, 'mine', `a${i}.txt`), GOOD.replace('example.com/a', `example.com/a${i}`));
    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(dir, 'archive', `c${i}.txt`), GOOD.replace('example.com/a', `example.com/c${i}`));
    for (const threads of ['0', '2']) {
      const r = run(['check', 'mine', '--corpus', 'archive', '--no-seeds', '--threads', threads], dir);
      assert.strictEqual(r.code, 0, r.err);
      assert.deepStrictEqual(r.err.split('\n').filter((l) => l.startsWith('read ')), ['read 208/208 files'], `--threads ${threads}`);
    }
  });

  it('gives SARIF\'s %SRCROOT% as file:/// when run from the root folder, so that its relative URIs resolve', function () {
    if (process.platform === 'win32') this.skip();
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    const r = run(['check', path.join(dir, 'a.txt'), '--no-seeds', '--no-editor-settings', '--format', 'sarif'], '/');
    const run0 = JSON.parse(r.out).runs[0];
    const base = run0.originalUriBaseIds['%SRCROOT%'].uri;
    assert.strictEqual(base, 'file:///');
    const at = run0.results.find((x: any) => x.ruleId === 'tags.punctuation').locations[0].physicalLocation.artifactLocation;
    assert.strictEqual(at.uriBaseId, '%SRCROOT%');
    assert.strictEqual(decodeURIComponent(new URL(at.uri, base).pathname), path.join(dir, 'a.txt'));
  });

  it('reports a file whose name starts with ".." (..draft.txt) as a file of the current folder', function () {
    fs.writeFileSync(path.join(dir, '..draft.txt'), GOOD);
    assert.match(run(['check', '.', '--no-seeds'], dir).out, /^\.\.draft\.txt:14:17: note: /m);
    assert.strictEqual(JSON.parse(run(['check', '.', '--no-seeds', '--format', 'json'], dir).out).files[0].path, '..draft.txt');
    const sarif = JSON.parse(run(['check', '.', '--no-seeds', '--format', 'sarif'], dir).out);
    assert.deepStrictEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: '..draft.txt', uriBaseId: '%SRCROOT%' });
  });

  it('gives a file\'s real name in JSON, control characters and all (JSON escapes them); the terminal sees "?"', function () {
    const name = 'odd\x1b[31m\x01name.txt';
    fs.writeFileSync(path.join(dir, name), GOOD);
    // The same Link again: a duplicate, which names the other file as a related location.
    fs.writeFileSync(path.join(dir, 'b.txt'), GOOD);
    const r = run(['check', '.', '--no-seeds', '--format', 'json'], dir);
    const files = JSON.parse(r.out).files as { path: string; diagnostics: { related: { path: string }[] }[] }[];
    assert.deepStrictEqual(files.map((f) => f.path).sort(), ['b.txt', name]);
    assert.ok(files.flatMap((f) => f.diagnostics.flatMap((d) => d.related.map((x) => x.path))).includes(name), r.out);
    assert.ok(!/[\x00-\x08\x0b-\x1f\x7f]/.test(r.out), 'escaped');
    assert.match(run(['check', '.', '--no-seeds'], dir).out, /^odd\?\[31m\?name\.txt:14:17: note: /m);
  });

  it('says that an option which takes no value takes none (--fix=no), not that it is unknown', function () {
    for (const a of ['--no-seeds=true', '--fix=no', '--no-editor-settings=1', '--help=x', '--version=2']) {
      const name = a.slice(0, a.indexOf('='));
      for (const args of [['check', a], [a]]) {
        const r = run(args);
        assert.strictEqual(r.code, 2, args.join(' '));
        assert.ok(r.err.startsWith(`breach-desk: ${name} takes no value, not "${a.slice(name.length + 1)}"; give ${name} alone, or leave it out.\n`), r.err);
      }
    }
    assert.match(run(['check', '--fixx']).err, /Unknown option "--fixx"\. Did you mean --fix\?/);
  });

  it('names only the editor settings it uses: not one it rejects whole, nor a size --max-size overrides', function () {
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    fs.mkdirSync(path.join(dir, '.vscode'));
    const settings = (s: object) => fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(s));
    const used = (...args: string[]) => /^breach-desk: using (.*) from \.vscode[\/\\]settings\.json /m.exec(run(['check', '.', '--no-seeds', ...args], dir).err)?.[1];
    settings({ 'breachDesk.severity': { 'tags.punctuation': 'error' }, 'breachDesk.exclude': 'drafts/**', 'breachDesk.maxFileSize': -3, 'breachDesk.corpus': [3] });
    assert.strictEqual(used(), 'breachDesk.severity');
    settings({ 'breachDesk.exclude': 'drafts/**', 'breachDesk.maxFileSize': 'big' });
    assert.strictEqual(used(), undefined);
    settings({ 'breachDesk.maxFileSize': 1, 'breachDesk.exclude': ['drafts/**', 7] });
    assert.strictEqual(used(), 'breachDesk.exclude, breachDesk.maxFileSize');
    assert.strictEqual(used('--max-size', '1000000'), 'breachDesk.exclude');
  });

  it('starts no more analyst threads than there are files (--threads 8 on three files)', function () {
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(dir, `a${i}.txt`), GOOD.replace('example.com/a', `example.com/a${i}`));
    // A copy of the CLI beside a thread script that says it started, then waits until eight have (two seconds at
    // most), so that no thread is stopped before it could say so.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cli-copy-'));
    try {
      const log = path.join(copy, 'started.log');
      fs.mkdirSync(path.join(copy, 'dist'));
      fs.copyFileSync(CLI, path.join(copy, 'dist', 'cli.js'));
      fs.writeFileSync(path.join(copy, 'dist', 'analyst.js'), `const fs = require('fs');
fs.appendFileSync(${JSON.stringify(log)}, 'started\\n');
const pause = new Int32Array(new SharedArrayBuffer(4));
for (const end = Date.now() + 2000; Date.now() < end && fs.readFileSync(${JSON.stringify(log)}, 'utf8').split('\\n').length <= 8;) Atomics.wait(pause, 0, 0, 10);
require(${JSON.stringify(path.join(ROOT, 'dist', 'analyst.js'))});
`);
      const r = spawnSync(process.execPath, [path.join(copy, 'dist', 'cli.js'), 'check', '.', '--no-seeds', '--threads', '8'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.ok(r.stdout === run(['check', '.', '--no-seeds', '--threads', '0'], dir).out, 'the reports differ');
      const started = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
      assert.ok(started >= 1 && started <= 3, `${started} threads started`);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('checks the whole real corpus as valid SARIF', function () {
    if (!fs.existsSync(CORPUS)) {
      console.log(`    skipped: ${CORPUS} is not here (it exists only beside the project's own checkout)`);
      this.skip();
    }
    this.timeout(300000);
    const r = run(['check', CORPUS, '--format', 'sarif', '--no-seeds']);
    const s = JSON.parse(r.out);
    const files = new Set(s.runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(files.size > 2000, `${files.size} files with results`);
    assert.match(r.err, /read (\d+)\/\1 files/);
  });
});

describe('breach-desk show (CLI)', function () {
  let dir: string;
  const SEED = path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt');

  before(function () {
    if (!fs.existsSync(CLI)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-show-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The 1-based line and column of the first `needle` in a file, as `check` reports places. */
  function placeOf(file: string, needle: string): string {
    const text = fs.readFileSync(file, 'utf8');
    const before = text.slice(0, text.indexOf(needle));
    const line = before.split('\n').length;
    return `${file}:${line}:${before.length - before.lastIndexOf('\n')}`;
  }

  it('prints a name\'s card as text: who it is, its other names, facts from several articles, each at path:line', function () {
    const r = run(['show', 'Binns'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^John Binns · person$/m);
    assert.match(r.out, /^Also written: .*IRDev/m);
    // Cited facts from at least two seed articles, each with a place that holds what it quotes.
    const cites = [...r.out.matchAll(/^- “?(.+?)”? — (ThreatPost|ZDNet), \w{3} \d+, \d{4} · (.+?):(\d+)$/gm)];
    assert.ok(new Set(cites.map((m) => m[3])).size >= 2, r.out);
    for (const [, sentence, , file, line] of cites) {
      const lines = fs.readFileSync(path.resolve(dir, file), 'utf8').split('\n');
      const words = sentence.replace(/^…/, '').split(/\s+/).slice(0, 4).join(' ');
      assert.ok(lines[Number(line) - 1].includes(words), `${file}:${line} holds "${words}"`);
    }
    // No Markdown left: no escapes, no emphasis, no link syntax.
    assert.ok(!/\\[-.!(]|\*\*|\]\(/.test(r.out), r.out);
  });

  it('prints a date\'s card at a place in an article: the day it is and how far from the Date', function () {
    const r = run(['show', placeOf(SEED, 'Aug. 18'), '--no-seeds', path.join(ROOT, 'seeds')], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(r.out.split('\n').filter(Boolean).slice(0, 2), ['Wednesday, August 18, 2021', "10 days before the article's Date (Saturday, August 28, 2021)."]);
  });

  it('prints a figure\'s card at a place in an article: the parts another article states, from there', function () {
    const r = run(['show', placeOf(SEED, '902,000'), '--no-seeds', path.join(ROOT, 'seeds')], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^902,000 — prepaid customers of T-Mobile$/m);
    assert.match(r.out, /850,000 prepaid customers \+ 52,000 .*= 902,000 — ZDNet, Aug 26, 2021 · .*001_ea6beca59c6dffc6\.txt:\d+$/m);
    // Without a column, the first name or figure on the line; as JSON, the card's Markdown beside its text.
    const line = placeOf(SEED, '902,000').replace(/:\d+$/, '');
    const json = run(['show', line, '--format', 'json'], dir);
    assert.strictEqual(json.code, 0, json.err);
    const card = JSON.parse(json.out);
    assert.strictEqual(card.target, line);
    assert.match(card.text, /^more than 13 million — current customers of T-Mobile/);
    assert.match(card.markdown, /^\*\*more than 13 million\*\*/);
  });

  it('on an article\'s + Link: line, names the articles that link to it, each at path:line; and says when none does', function () {
    const sale = path.join(ROOT, 'seeds', '002_abc3471a9c8ced9d.txt');
    const linkLine = fs.readFileSync(sale, 'utf8').split('\n').findIndex((l) => l.startsWith('+ Link:')) + 1;
    const r = run(['show', `${sale}:${linkLine}`], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^Linked from 1 article$/m);
    const item = /^- T-Mobile’s Security Is ‘Awful,’ Says Purported Thief · (.+?):(\d+) — ThreatPost, Aug 28, 2021$/m.exec(r.out);
    assert.ok(item, r.out);
    assert.match(fs.readFileSync(path.resolve(dir, item[1]), 'utf8').split('\n')[Number(item[2]) - 1], /\]\(https:\/\/threatpost\.com\/t-mobile-investigates-100m-records\/168689\/\)/);
    const zdnet = path.join(ROOT, 'seeds', '001_ea6beca59c6dffc6.txt');
    const none = run(['show', `${zdnet}:${fs.readFileSync(zdnet, 'utf8').split('\n').findIndex((l) => l.startsWith('+ Link:')) + 1}`], dir);
    assert.strictEqual(none.code, 0, none.err);
    assert.match(none.out, /No other article of the corpus links to it\./);
  });

  it('writes no control character an article carries to the terminal (escape sequences), as text or as JSON', function () {
    // Two articles: the card of the name where the first names it cites the second's sentences.
    fs.writeFileSync(path.join(dir, 'a.txt'), GOOD);
    fs.writeFileSync(path.join(dir, 'b.txt'), GOOD.replace('# A test article', '# Another').replace('2021-08-30', '2021-08-31').replace('example.com/a', 'example.com/b')
      .replace('Hudson Rock said the data was real.', 'Hudson Rock said the data was real.\x1b[2J\x1b]0;pwned\x07 Hudson Rock said 5,000 records were taken.'));
    const r = run(['show', 'Hudson Rock', dir, '--no-seeds'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /pwned/, 'the sentence is cited');
    assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(r.out), JSON.stringify(r.out));
    const json = run(['show', 'Hudson Rock', dir, '--no-seeds', '--format', 'json'], dir);
    assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(json.out));
    // The card itself drops control characters (a terminal client draws them raw): the JSON's card cites the sentence without them.
    const card = JSON.parse(json.out).markdown as string;
    assert.ok(/pwned/.test(card) && !/\x1b/.test(card), card);
  });

  it('says what it cannot show, and the names like it; a place past the end or with nothing there; usage mistakes', function () {
    const none = run(['show', 'Binnz'], dir);
    assert.deepStrictEqual([none.code, none.out], [1, '']);
    assert.match(none.err, /the corpus names no "Binnz"\. Names like it: John Binns/);
    const past = run(['show', `${SEED}:9999`], dir);
    assert.strictEqual(past.code, 1);
    assert.match(past.err, /has \d+ lines, not 9999/);
    const blank = run(['show', `${SEED}:4:1`], dir);
    assert.strictEqual(blank.code, 1);
    assert.match(blank.err, /no name or figure the corpus knows at/);
    for (const [args, said] of [[['show'], /show needs a name/], [['show', 'Binns', '--fix'], /--fix is for check/], [['show', 'Binns', '--format', 'sarif'], /show writes text or json/]] as const) {
      const r = run([...args], dir);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(r.err, said);
    }
  });

  it('says where its card comes from when the paths hold no article: the bundled seeds only, or nothing', function () {
    const r = run(['show', 'Binns'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^John Binns · person$/m);
    assert.strictEqual(r.err, 'breach-desk: no article files (.txt, .md, .markdown, .article) under "."; the corpus is only the bundled seeds (3 articles).\n');
    const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-show-corpus-'));
    try {
      fs.writeFileSync(path.join(corpus, 'a.txt'), GOOD);
      const both = run(['show', 'Hudson Rock', '--corpus', corpus], dir);
      assert.strictEqual(both.code, 0, both.err);
      assert.match(both.err, /under "\."; the corpus is only the corpus folders \(1 article\) and the bundled seeds \(3 articles\)\.$/m);
    } finally {
      fs.rmSync(corpus, { recursive: true, force: true });
    }
    const none = run(['show', 'Binns', '--no-seeds'], dir);
    assert.strictEqual(none.code, 1);
    assert.match(none.err, /under "\."; the corpus is empty, so there is nothing to show\.$/m);
    // check says nothing of a corpus: it had nothing to check.
    assert.match(run(['check'], dir).err, /under "\."\.$/m);
  });

  it('counts a file\'s lines as editors do: a place on the "line" after a final line break is past the end, which says how many there are', function () {
    for (const eol of ['\n', '\r\n']) {
      const file = path.join(dir, `a${eol.length}.txt`);
      fs.writeFileSync(file, GOOD.replace('example.com/a', `example.com/${eol.length}`).split('\n').join(eol));
      // As `wc -l` and an editor's "Go to line" count: the last line is the tags'.
      const lines = GOOD.split('\n').length - 1;
      assert.strictEqual(fs.readFileSync(file, 'utf8').split(eol).pop(), '');
      const last = run(['show', `${file}:${lines}`, '--no-seeds'], dir);
      assert.strictEqual(last.code, 0, last.err);
      assert.match(last.out, /^Hudson Rock/m);
      const past = run(['show', `${file}:${lines + 1}`, '--no-seeds'], dir);
      assert.strictEqual(past.code, 1);
      assert.strictEqual(past.err, `breach-desk: ${path.basename(file)} has ${lines} lines, not ${lines + 1}.\n`);
    }
    // A file without a final line break: its last line is one.
    const open = path.join(dir, 'open.txt');
    fs.writeFileSync(open, GOOD.replace('example.com/a', 'example.com/open').trimEnd());
    const lines = GOOD.trimEnd().split('\n').length;
    assert.strictEqual(run(['show', `${open}:${lines}`, '--no-seeds'], dir).code, 0);
    assert.match(run(['show', `${open}:${lines + 1}`, '--no-seeds'], dir).err, new RegExp(`has ${lines} lines, not ${lines + 1}\\.`));
  });

  it('says in one line that it cannot write to a full disk, and nothing when the reader has gone, as check does (show, --help, --version)', async function () {
    const seeds = path.join(ROOT, 'seeds');
    const cases = [['show', 'Binns', seeds], ['show', 'Binns', seeds, '--format', 'json'], ['--help'], ['--version']];
    if (fs.existsSync('/dev/full')) {
      const full = fs.openSync('/dev/full', 'w');
      try {
        for (const args of cases) {
          const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
          assert.deepStrictEqual([r.status, r.stderr.trim()], [3, 'breach-desk: cannot write the report: no space left on the device (ENOSPC).'], args.join(' '));
        }
      } finally {
        fs.closeSync(full);
      }
    }
    // `| true`: the reader is gone before anything is written; no error, no stack trace, as for any command in a pipe.
    for (const args of cases) {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let err = '';
      child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
      const code = await new Promise<number | null>((r) => child.on('close', r));
      assert.strictEqual(code, 0, `${args.join(' ')}: ${err}`);
      assert.doesNotMatch(err, /Error|EPIPE|\bat /, args.join(' '));
    }
  });
});
