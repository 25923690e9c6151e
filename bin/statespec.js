#!/usr/bin/env node
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('statespec: the tool is not compiled yet; run `npm run build` (or `npm run compile`) first.\n');
  process.exit(2);
}
const { run } = await import(entry.href);
process.exitCode = run(process.argv.slice(2));
