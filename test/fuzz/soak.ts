/**
 * The memory soak: `npm run soak -- [EDITS]` (default 10,000). Starts the
 * real server over stdio on the seeds, opens a seed and sends EDITS
 * incremental edits (typing and deleting a figure in the body, so every
 * version is analysed in full, with the consistency check), waiting for the
 * diagnostics of every 100th version. Prints the server's RSS (from /proc)
 * before the first edit, every 1,000 edits, and after the last one, and a
 * final line `soak: N edits, RSS X MB before, Y MB after`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { rssMb, soakEdit } from './harness';
import { LspClient, ROOT } from '../helpers/lsp';

const edits = Number((process.argv[2] ?? '10000').replace(/[_,]/g, ''));
const SEED = fs.readFileSync(path.join(ROOT, 'seeds', '000_01fe31f0ddfc7e1f.txt'), 'utf8');
const URI = 'file:///bd-soak/article.txt';

(async () => {
  const client = new LspClient();
  await client.initialize();
  await client.notification('breachDesk/indexed');
  await client.open(URI, SEED);
  await client.diagnostics(URI);
  const pid = client.child.pid!;
  const before = rssMb(pid);
  if (before === undefined) throw new Error('no /proc: cannot read the server’s memory here');
  console.log(`soak: RSS ${before.toFixed(1)} MB before`);
  const lines = SEED.split('\n');
  const t0 = Date.now();
  for (let v = 2; v <= edits + 1; v++) {
    await client.notify('textDocument/didChange', { textDocument: { uri: URI, version: v }, contentChanges: [soakEdit(lines, v)] });
    if (v % 100 === 0) await client.diagnostics(URI, (p) => p.version === v, 120000);
    if ((v - 1) % 1000 === 0) console.log(`soak: ${(v - 1).toLocaleString('en-US')} edits, RSS ${rssMb(pid)!.toFixed(1)} MB`);
  }
  await client.diagnostics(URI, (p) => p.version === edits + 1, 120000);
  const after = rssMb(pid)!;
  // The hover, and a full answer, still work at the end.
  const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
  if (!symbols?.length) throw new Error('no outline after the soak');
  console.log(`soak: ${edits.toLocaleString('en-US')} edits in ${((Date.now() - t0) / 1000).toFixed(0)} s, RSS ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB after`);
  await client.shutdown();
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
