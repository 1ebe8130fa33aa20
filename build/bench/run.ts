import { documentsBench } from './documents-bench.js';
import { importBench } from './import-bench.js';
import { insightsBench } from './insights-bench.js';
import { rendererBench } from './renderer-bench.js';
import { scaleBench } from './scale-bench.js';
import { startupBench } from './startup-bench.js';
import { storageBench } from './storage-bench.js';
import { thanksBench } from './thanks-bench.js';
import type { BenchModule, Figure } from './types.js';

/**
 * `npm run bench` prints a table; `npm run bench -- --json` prints one JSON object (figure key ->
 * number) on stdout and nothing else. A later issue adds its figures by appending a module here.
 */
const allModules: BenchModule[] = [
  storageBench,
  scaleBench,
  importBench,
  rendererBench,
  documentsBench,
  thanksBench,
  insightsBench,
  startupBench,
];

/** `--only name[,name]` runs some modules (e.g. `npm run bench -- --only renderer`). */
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg === -1 ? null : (process.argv[onlyArg + 1] ?? '').split(',');
const modules = only ? allModules.filter((module) => only.includes(module.name)) : allModules;

const json = process.argv.includes('--json');
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const figures: Figure[] = [];
for (const module of modules) {
  progress(`${module.name}: start`);
  figures.push(
    ...(await module.run({ progress: (message) => progress(`${module.name}: ${message}`) })),
  );
}

if (json) {
  process.stdout.write(
    `${JSON.stringify(Object.fromEntries(figures.map((figure) => [figure.key, figure.value])))}\n`,
  );
} else {
  const rows = figures.map((figure) => [
    figure.key,
    `${figure.value} ${figure.unit}`,
    figure.goal?.text ?? '',
    figure.goal === undefined ? '' : figure.goal.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['figure', 'value', 'goal', 'result'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] as number))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}
if (figures.some((figure) => figure.goal !== undefined && !figure.goal.pass)) process.exitCode = 1;
