#!/usr/bin/env node
// One whole `statespec` process for the benchmark, with its findings discarded: runs the CLI
// as bin/statespec.js does (worker threads included) and prints {"code":…,"maxRssMB":…},
// the peak resident memory of the process and all its threads.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(fileURLToPath(import.meta.url), '..', '..');
const { runAsync } = await import(join(packageDir, 'dist/src/cli/main.js'));
const code = await runAsync(process.argv.slice(2), { stdout: () => {}, stderr: () => {} });
console.log(JSON.stringify({ code, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
