/**
 * The @vscode/test-electron runner for the extension-host tests in
 * suite/index.ts. It needs a desktop VS Code: set BD_VSCODE_EXECUTABLE to one,
 * or BD_VSCODE_DOWNLOAD=1 to let @vscode/test-electron download it from
 * update.code.visualstudio.com. Neither is possible on machines whose only
 * network is the package registries, so there it prints why and skips; the
 * same behaviour is checked in code-server by vscode.test.ts.
 */
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CACHE, FOLLOWUP_TEXT, ROOT } from './codeServer';

describe('VS Code (Electron) extension-host tests via @vscode/test-electron', function () {
  this.timeout(600000);

  it('run inside a downloaded or given VS Code', async function () {
    const executable = process.env.BD_VSCODE_EXECUTABLE;
    if (!executable && process.env.BD_VSCODE_DOWNLOAD !== '1') {
      console.log('      skipped: @vscode/test-electron must download VS Code from update.code.visualstudio.com, which this machine cannot reach'
        + ' (only the package registries); set BD_VSCODE_EXECUTABLE=/path/to/code or BD_VSCODE_DOWNLOAD=1 where it can. The same checks run in code-server (vscode.test.ts).');
      this.skip();
    }
    const out = path.join(CACHE, 'electron-suite');
    await esbuild.build({
      entryPoints: [path.join(__dirname, 'suite', 'index.ts')], outfile: path.join(out, 'index.js'),
      bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'], logLevel: 'warning',
    });
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-electron-'));
    fs.mkdirSync(path.join(ws, 'seeds'));
    for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(ws, 'seeds', f));
    fs.writeFileSync(path.join(ws, 'followup.txt'), FOLLOWUP_TEXT);
    const { runTests } = await import('@vscode/test-electron');
    try {
      await runTests({
        ...(executable ? { vscodeExecutablePath: executable } : {}),
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: path.join(out, 'index.js'),
        launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'],
      });
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
