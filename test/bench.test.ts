import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/project.js';

// Keeps the benchmark harness working; timings are not asserted (shared, noisy machines).
it('npm run bench --quick prints every figure with its budget and a pass/miss mark', () => {
  const output = execFileSync(process.execPath, [join(REPO_ROOT, 'bench/run.js'), '--quick'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const rows = output.trim().split('\n').slice(1);
  const figures = [
    /^cold `statespec build`/,
    /^no-op `statespec build`/,
    /^no-op `statespec check`/,
    /^`statespec build --watch`/,
    /^monorepo \(\d+ sources\): cold `statespec build`/,
    /^monorepo: what \d+ cores gain/,
    /^monorepo: peak RSS/,
    /^wide \(1 article × \d+ sources\): peak RSS/,
    /^per-source cost: monorepo vs small/,
    /^monorepo: no-op `statespec build`/,
    /^monorepo: no-op `statespec check`/,
    /^monorepo: `build --watch`/,
    /^`canPerform` vs a hand-written bitmask/,
    /^XState v5/,
    /^`nextState` vs/,
    /checker without messages/,
    /every locale's messages/,
  ];
  for (const figure of figures)
    expect(
      rows.some((row) => figure.test(row)),
      String(figure),
    ).toBe(true);
  for (const row of rows) expect(row).toMatch(/ \| \S.* \| (?:[≤≥] [\d.]+ ?(?:×|B|MB|ms)|\(say\)|\(comparison\)|—) (pass|miss|—)$/);
}, 300_000);
