import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The fixtures test collects codes across its own cases, so files run in one order.
    sequence: { concurrent: false },
  },
});
