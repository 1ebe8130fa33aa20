// `npm run soak`: the kill test with 1,000 SIGKILLs instead of the suite's 200 (about 4 minutes).
// Another count: `npm run soak -- 5000`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const kills = process.argv[2] ?? '1000';
const vitest = createRequire(import.meta.url).resolve('vitest/vitest.mjs');
const result = spawnSync(
  process.execPath,
  [vitest, 'run', '--config', 'build/vitest.config.ts', 'tests/unit/durability-kill.test.ts'],
  { stdio: 'inherit', env: { ...process.env, RAPPORT_KILLS: kills } },
);
process.exit(result.status ?? 1);
