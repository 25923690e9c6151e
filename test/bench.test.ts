import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/project.js';

// Keeps the benchmark harness working; timings are not asserted (shared, noisy machines).
it('npm run bench --quick prints every figure with its budget', () => {
  const output = execFileSync(process.execPath, [join(REPO_ROOT, 'bench/run.js'), '--quick'], { encoding: 'utf8' });
  const rows = output.trim().split('\n').slice(1);
  expect(rows).toHaveLength(2);
  for (const row of rows) expect(row).toMatch(/\| \d+\.\d\d× \| ≤ [\d.]+× (pass|miss)$/);
});
