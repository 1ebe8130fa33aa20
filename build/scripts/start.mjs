// `npm start`: runs Electron on the built app (out/) in this folder, with the terminal's stdio,
// and exits with Electron's exit code.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronEnv, requireElectronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const electron = requireElectronBinary(root);

if (!existsSync(path.join(root, 'out', 'main', 'main.js'))) {
  console.error(
    'Rapport: the app is not built yet (out/main/main.js is missing). Run npm run build, then npm start.',
  );
  process.exit(1);
}

const child = spawn(electron, ['.', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: electronEnv(),
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`Rapport: Electron could not be started (${error.message}).`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
