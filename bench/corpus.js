#!/usr/bin/env node
// One side of the synthetic-corpus figure, in its own process so that its peak RSS is its own:
// `node bench/corpus.js DIR statespec|bare` prints {"ms":…,"sources":…,"maxRssMB":…}.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAll, readSources } from './bare-parse.js';

const [dir, side] = process.argv.slice(2);
const packageDir = join(fileURLToPath(import.meta.url), '..', '..');
let sources = 0;
// Both sides are timed from reading the files on, once their modules are loaded.
const { compile, loadAssets, readProjectFiles } = side === 'statespec' ? await import(join(packageDir, 'dist/src/index.js')) : {};
const assets = side === 'statespec' ? loadAssets() : undefined;
const started = performance.now();
if (side === 'statespec') {
  const files = readProjectFiles(dir);
  sources = files.filter((file) => file.path.endsWith('.md')).length;
  const result = compile({ files, assets });
  if (result.outputs.length === 0) throw new Error(`the synthetic corpus does not build: ${result.diagnostics.find((d) => d.severity === 'error')?.message}`);
} else {
  const texts = readSources(dir);
  sources = texts.length;
  parseAll(texts);
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, sources, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
