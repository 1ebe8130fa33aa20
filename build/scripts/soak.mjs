// `npm run soak`: the kill test with 1,000 SIGKILLs instead of the suite's 200 (about 4 minutes).
// Another count: `npm run soak -- 5000`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const kills = process.argv[2] ?? '1000';
// vitest's own CLI file (its package exports do not list it).
const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(
  process.execPath,
  [vitest, 'run', '--config', 'build/vitest.config.ts', 'tests/unit/durability-kill.test.ts'],
  { stdio: 'inherit', env: { ...process.env, RAPPORT_KILLS: kills } },
);
process.exit(result.status ?? 1);
