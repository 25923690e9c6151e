#!/usr/bin/env node
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('statespec: the tool is not compiled yet; run `npm run build` (or `npm run compile`) first.\n');
  process.exit(2);
}
const argv = process.argv.slice(2);
const io = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };
// A no-op build or check replays the last run's findings without loading the parsers (see src/cli/fast.ts).
const { runFromCache } = await import(new URL('../dist/src/cli/fast.js', import.meta.url).href);
const cached = await runFromCache(argv, io);
if (cached !== undefined) {
  process.exitCode = cached;
} else {
  // build and check load only what they need; anything else (or a wrong argument) goes to the full CLI.
  const { runBuildCommand } = await import(new URL('../dist/src/cli/build.js', import.meta.url).href);
  const built = await runBuildCommand(argv, io);
  if (built !== undefined) process.exitCode = built;
  else {
    const { runAsync } = await import(entry.href);
    process.exitCode = await runAsync(argv, io);
  }
}
