// Bundles the main process (ESM), the import worker and the preload (CommonJS: sandboxed preloads
// cannot load ESM or node_modules). Production dependencies stay external for main. The options
// live in electron-builds.mjs, where the preload test reads them too.
import { fileURLToPath } from 'node:url';
import { build, context } from 'esbuild';
import { electronBuilds } from './electron-builds.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const builds = electronBuilds(root);

if (process.argv.includes('--watch')) {
  for (const options of builds) await (await context(options)).watch();
  console.log('[build-electron] watching electron/ and shared/');
} else {
  await Promise.all(builds.map((options) => build(options)));
}
