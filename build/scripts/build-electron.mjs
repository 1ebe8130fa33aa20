// Bundles the main process (ESM) and the preload (CommonJS: sandboxed preloads cannot load ESM or
// node_modules, so zod and shared/ are bundled in). Production dependencies stay external for main.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
const watch = process.argv.includes('--watch');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

const builds = [
  {
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'out/main/main.js',
    format: 'esm',
    external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
    banner: {
      js: "import { createRequire as __rapportCreateRequire } from 'node:module'; const require = __rapportCreateRequire(import.meta.url);",
    },
  },
  {
    // The contact-import worker thread (electron/services/import/runner.ts loads it from next to
    // main.js). CommonJS with everything bundled in: it needs no node_modules at run time, and
    // Electron loads CommonJS worker scripts from inside app.asar.
    ...common,
    entryPoints: ['electron/services/import/worker.ts'],
    outfile: 'out/main/import-worker.cjs',
    format: 'cjs',
  },
  {
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'out/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
    // zod is bundled into the sandboxed preload; minified it loads faster in every window.
    minify: true,
  },
];

if (watch) {
  const { context } = await import('esbuild');
  for (const options of builds) await (await context(options)).watch();
  console.log('[build-electron] watching electron/ and shared/');
} else {
  await Promise.all(builds.map((options) => build(options)));
}
