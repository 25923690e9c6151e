import { describe, expect, it } from 'vitest';
import { fuzz, regressionCases, runCase } from './fuzz/cases.js';

/**
 * `npm test` runs a few thousand fuzz cases (seconds); `npm run fuzz` runs the
 * same property for FUZZ_SECONDS (10 minutes there). Every counterexample
 * either finds is kept under test/fuzz/regressions/ and replayed below.
 */
const SECONDS = process.env.FUZZ_SECONDS === undefined ? undefined : Number(process.env.FUZZ_SECONDS);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

describe('fuzzing the whole pipeline', () => {
  it(
    SECONDS === undefined
      ? `${RUNS} arbitrary Markdown/HTML/Unicode/byte inputs: no exception, every finding a diagnostic with a valid position`
      : `for ${SECONDS} s`,
    () => {
      const options: Parameters<typeof fuzz>[0] = { runs: RUNS };
      if (SECONDS !== undefined) options.seconds = SECONDS;
      if (SEED !== undefined) options.seed = SEED;
      const { tried, seed } = fuzz(options);
      console.log(`statespec fuzz: ${tried} cases, seed ${seed}`);
      expect(tried).toBeGreaterThan(SECONDS === undefined ? RUNS - 1 : 0);
    },
    ((SECONDS ?? 120) + 60) * 1000,
  );

  it.each(regressionCases())('regression %s', (_, fuzzCase) => {
    runCase(fuzzCase);
  });
});
