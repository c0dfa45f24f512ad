/**
 * Writing a large report without ever holding it as one string: the CLI's
 * JSON and SARIF for ten thousand articles pass V8's limit on the length of
 * a string (about 512 MB), and building them whole would double the memory
 * of the run. `writeJson` gives exactly `JSON.stringify(value, null, 2)`, a
 * piece at a time, and takes a generator where an array goes (at any depth),
 * so a report's items can be made as they are written. At the streamed
 * depths a function stands for its result, asked for when the writer gets
 * there (a summary counted while the items above it were written).
 */

import * as fs from 'fs';

/** For sleeping a moment without leaving the synchronous writer (`Atomics.wait`). */
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Thrown by `writeAllSync` when the reader went away (`breach-desk check … | head`). */
export class ReaderGone extends Error {}

/** The report could not be written (a full disk, a device error): said in one line, not as a crash. */
export class OutputFailed extends Error {}

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EIO: 'the device reported an input/output error',
  EFBIG: 'the file would grow too large',
  EBADF: 'the output is closed',
  EROFS: 'the output is on a read-only file system',
};

/**
 * Writes all of `chunk` to `fd` before returning. `process.stdout.write` on a
 * pipe queues what the reader has not taken yet in memory: a report of
 * gigabytes piped on (`| gzip`) was all held at once and ended in ENOBUFS. A
 * full pipe (EAGAIN) is waited out a millisecond at a time.
 */
export function writeAllSync(fd: number, chunk: string): void {
  const buf = Buffer.from(chunk, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else if (code === 'EPIPE') throw new ReaderGone();
      else if (code && code in WRITE_ERRORS) throw new OutputFailed(`${WRITE_ERRORS[code]} (${code})`);
      else throw err;
    }
  }
}

/** Text sink that writes in chunks of about a megabyte. */
export class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly sink: (chunk: string) => void) {}

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (!this.parts.length) return;
    this.sink(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** Containers this deep or deeper are written with one `JSON.stringify` (one file's diagnostics, one result). */
const STREAM_DEPTH = 4;

function isGenerator(v: unknown): v is Generator<unknown> {
  return Object.prototype.toString.call(v) === '[object Generator]';
}

/** For `JSON.stringify`: a generator below the streamed depths is written as its array too. */
function generatorsAsArrays(_key: string, v: unknown): unknown {
  return isGenerator(v) ? [...v] : v;
}

/** Whether a generator stands anywhere inside `v` (whose containers are plain objects and arrays). */
function containsGenerator(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (containsGenerator(v[i])) return true;
    return false;
  }
  if (isGenerator(v)) return true;
  for (const k in v) if (containsGenerator((v as Record<string, unknown>)[k])) return true;
  return false;
}

/** What `JSON.stringify` writes for a property's value, or undefined when it leaves the property out. */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

export function writeJson(out: { write(s: string): void }, value: unknown, depth = 0): void {
  const pad = '  '.repeat(depth);
  if ((depth < STREAM_DEPTH && Array.isArray(value)) || isGenerator(value)) {
    let first = true;
    for (const item of value as Iterable<unknown>) {
      out.write(first ? `[\n${pad}  ` : `,\n${pad}  `);
      first = false;
      if (omitted(item)) out.write('null');
      else writeJson(out, item, depth + 1);
    }
    out.write(first ? '[]' : `\n${pad}]`);
    return;
  }
  if (depth < STREAM_DEPTH && typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    let first = true;
    for (const [k, f] of Object.entries(value)) {
      // A function at a streamed depth stands for its result, asked for only when the writer reaches it.
      const v: unknown = typeof f === 'function' ? f() : f;
      if (omitted(v)) continue;
      out.write(`${first ? '{' : ','}\n${pad}  ${JSON.stringify(k)}: `);
      first = false;
      writeJson(out, v, depth + 1);
    }
    out.write(first ? '{}' : `\n${pad}}`);
    return;
  }
  // A replacer takes JSON.stringify off its fast path: used only where a generator is to be written.
  const s = (containsGenerator(value) ? JSON.stringify(value, generatorsAsArrays, 2) : JSON.stringify(value, null, 2)) ?? 'null';
  out.write(depth ? s.replaceAll('\n', `\n${pad}`) : s);
}
