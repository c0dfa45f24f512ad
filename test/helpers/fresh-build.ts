/**
 * Mocha global setup. The stdio and CLI tests run the bundles in dist/, so
 * they are rebuilt first whenever a source is newer: a stale bundle would
 * quietly test yesterday's server.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** The newest modification time of the files under `dir` (0 when there are none). */
function newest(dir: string): number {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, fs.statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return t;
}

export function mochaGlobalSetup(): void {
  const bundle = path.join(ROOT, 'dist', 'server.js');
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  const sources = Math.max(newest(path.join(ROOT, 'server', 'src')), newest(path.join(ROOT, 'client', 'src')), fs.statSync(path.join(ROOT, 'esbuild.mjs')).mtimeMs);
  if (sources > built) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
}
