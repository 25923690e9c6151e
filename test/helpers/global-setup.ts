import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Removes the folder vitest.config.ts points STATESPEC_CACHE_DIR at. */
export default function setup(): () => void {
  return () => rmSync(join(tmpdir(), `statespec-test-cache-${process.pid}`), { recursive: true, force: true });
}
