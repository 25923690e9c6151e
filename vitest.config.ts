import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The fixtures test collects codes across its own cases, so files run in one order.
    sequence: { concurrent: false },
    // The CLI's no-op cache files of the tests' temporary projects go to one folder, removed afterwards.
    env: { STATESPEC_CACHE_DIR: join(tmpdir(), `statespec-test-cache-${process.pid}`) },
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
