// `npm run dev`: the renderer from Vite's dev server (hot reload), main and preload rebuilt by
// esbuild in watch mode, and Electron restarted whenever a rebuilt main or preload differs.
// Closing the app window ends the whole session.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, watch } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronEnv, requireElectronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Checked before anything starts, so an offline install gets the one-line message only.
const electron = requireElectronBinary(root, 'npm run dev');
const builds = [
  path.join(root, 'out', 'main', 'main.js'),
  path.join(root, 'out', 'preload', 'preload.cjs'),
];
const buildScript = path.join(root, 'build', 'scripts', 'build-electron.mjs');

const first = spawnSync(process.execPath, [buildScript], { cwd: root, stdio: 'inherit' });
if (first.status !== 0) process.exit(first.status ?? 1);

const { createServer } = await import('vite');
const server = await createServer({
  configFile: path.join(root, 'build', 'vite.renderer.config.ts'),
});
await server.listen();
const devServerUrl = server.resolvedUrls?.local[0];
if (!devServerUrl) {
  console.error('Rapport: the Vite dev server did not report a URL.');
  await server.close();
  process.exit(1);
}
server.printUrls();

const watcher = spawn(process.execPath, [buildScript, '--watch'], { cwd: root, stdio: 'inherit' });

const fingerprint = () => {
  const hash = createHash('sha256');
  for (const file of builds) if (existsSync(file)) hash.update(readFileSync(file));
  return hash.digest('hex');
};

let app = null;
let launchedWith = '';
let restarting = false;
let stopping = false;

const launch = () => {
  launchedWith = fingerprint();
  app = spawn(electron, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: electronEnv({ VITE_DEV_SERVER_URL: devServerUrl, NODE_ENV: 'development' }),
  });
  app.on('exit', (code, signal) => {
    if (restarting) {
      restarting = false;
      launch();
    } else {
      void stop(code ?? (signal ? 1 : 0));
    }
  });
};

async function stop(code) {
  if (stopping) return;
  stopping = true;
  watcher.kill();
  if (app && app.exitCode === null) app.kill();
  await server.close();
  process.exit(code);
}

let pending;
const onBuildChanged = () => {
  clearTimeout(pending);
  pending = setTimeout(() => {
    // esbuild rewrites identical files on its first watch pass; restart only on a real change.
    if (stopping || restarting || !app || fingerprint() === launchedWith) return;
    console.log('[dev] main or preload changed: restarting Electron');
    restarting = true;
    app.kill();
  }, 300);
};
for (const file of builds) watch(path.dirname(file), onBuildChanged);

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(130));
launch();
