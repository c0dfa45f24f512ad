import * as fs from 'fs';
import * as path from 'path';

/**
 * Every candidate file our server would read under the roots: `.txt`/`.md`/`.markdown`/`.article`, no dot
 * folders, sorted. A module of its own, importing nothing of the server, so that `ab.ts` can list files before
 * it loads either checkout's code.
 */
export function walk(roots: string[]): string[] {
  const out: string[] = [];
  const skip = new Set(['node_modules', 'dist', 'out']);
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!skip.has(e.name) && !e.name.startsWith('.')) visit(p);
      } else if (e.isFile() && /\.(?:txt|md|markdown|article)$/i.test(e.name)) out.push(p);
    }
  };
  for (const r of roots) visit(r);
  return out.sort();
}
