/**
 * `npm start`: the bundled seeds in a real VS Code (code-server) with the
 * packaged extension installed, in the browser. The profile lives in
 * .cache/editor/start/ and is kept between runs; the extension is installed
 * again each time, so the window runs what `npm run package` just built.
 * Set PORT to choose the port (default: a free one); the address is printed, and
 * opened in $BROWSER or with xdg-open where there is a display.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CACHE, installVsix, makeProfile, missingTools, startCodeServer, vsixPath } from './codeServer';

async function main(): Promise<void> {
  const missing = missingTools();
  if (missing.length) throw new Error(`Missing ${missing.join(', ')}: run \`npm run setup:editor\`.`);
  const dir = path.join(CACHE, 'start');
  fs.rmSync(path.join(dir, 'extensions'), { recursive: true, force: true });
  const profile = await makeProfile(dir, { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'editor.wordWrap': 'on', 'workbench.colorTheme': 'Default Dark Modern' });
  if (process.env.PORT) {
    profile.port = Number(process.env.PORT);
    fs.writeFileSync(profile.config, `bind-addr: 127.0.0.1:${profile.port}\nauth: none\ncert: false\n`);
  }
  installVsix(profile, vsixPath());
  const ext = fs.readdirSync(profile.extensionsDir).find((d) => d.startsWith('breach-desk.breach-desk-'));
  if (!ext) throw new Error('the extension did not install');
  // The seeds as the extension ships them: the server knows them already, so nothing is counted twice.
  const seeds = path.join(profile.extensionsDir, ext, 'seeds');
  const server = await startCodeServer(profile, seeds);
  server.child.stdout!.pipe(process.stdout);
  server.child.stderr!.pipe(process.stderr);
  const url = `${server.url}/?folder=${encodeURIComponent(seeds)}`;
  console.log(`\nBreach Desk in VS Code (code-server): ${url}\nPress Ctrl+C to stop.\n`);
  const opener = process.env.BROWSER || (process.env.DISPLAY && spawnSync('which', ['xdg-open']).status === 0 ? 'xdg-open' : undefined);
  if (opener) spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
}

main().catch((err) => {
  console.error(String(err instanceof Error ? err.message : err));
  process.exit(1);
});
