// The esbuild options for the main process, the import worker and the preload, shared by
// build-electron.mjs (build and watch) and the unit test that checks what the preload carries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Channel and event names, read from shared/contract.ts by running it (bundled with zod, in this
 * process): the one list, never a copy typed by hand. Also returns the files it read, for watch.
 */
export async function contractNames(root) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['shared/contract.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const contract = await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  );
  return {
    channels: [...contract.channels],
    eventNames: [...contract.eventNames],
    inputs: Object.keys(result.metafile.inputs)
      .filter((input) => !input.includes('node_modules'))
      .map((input) => path.join(root, input)),
  };
}

/**
 * Replaces electron/channel-names.ts (which derives the lists from the contract, zod and all) with
 * the literal lists, so the sandboxed preload is a few kilobytes instead of half a megabyte.
 */
export function channelNamesPlugin(root) {
  return {
    name: 'rapport-channel-names',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]electron[\\/]channel-names\.ts$/ }, async () => {
        const { channels, eventNames, inputs } = await contractNames(root);
        return {
          loader: 'js',
          contents:
            '// Generated from shared/contract.ts by build/scripts/electron-builds.mjs.\n' +
            `export const channelNames = Object.freeze(${JSON.stringify(channels)});\n` +
            `export const bridgeEventNames = Object.freeze(${JSON.stringify(eventNames)});\n`,
          watchFiles: inputs,
        };
      });
    },
  };
}

/** Main (ESM), the import worker (CommonJS) and the preload (CommonJS), in that order. */
export function electronBuilds(root) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  };
  return [
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
      // Sandboxed preloads cannot load ESM or node_modules: CommonJS, self-contained, and small
      // (channel names only, see channelNamesPlugin), minified since every window loads it.
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: 'out/preload/preload.cjs',
      format: 'cjs',
      external: ['electron'],
      minify: true,
      plugins: [channelNamesPlugin(root)],
    },
  ];
}
