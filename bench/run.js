#!/usr/bin/env node
// Benchmarks as ratios of two things measured side by side, alternating, in one run:
// absolute times on a shared machine are noise, ratios are not. `--quick` runs each
// pair a few times only, so that `npm test` keeps the harness working (no timing asserted).
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import rehypeParse from 'rehype-parse';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { compile, loadAssets, readProjectFiles } = await import(join(root, 'dist/src/index.js'));
const runtime = await import(join(root, 'dist/generated/biztalk-services-state-chart/index.js'));

const quick = process.argv.includes('--quick');
const rounds = quick ? 3 : 30;

/** Runs a and b alternately `rounds` times; returns the median time of each. */
function sideBySide(a, b) {
  const times = { a: [], b: [] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, task] of round % 2 === 0 ? [['a', a], ['b', b]] : [['b', b], ['a', a]]) {
      const start = performance.now();
      task();
      times[name].push(performance.now() - start);
    }
  }
  const median = (list) => list.sort((x, y) => x - y)[Math.floor(list.length / 2)];
  return { a: median(times.a), b: median(times.b) };
}

const files = readProjectFiles(root);
const assets = loadAssets();
const markdown = unified().use(remarkParse).use(remarkGfm);
const html = unified().use(rehypeParse, { fragment: true });
const sources = files.filter((file) => file.path.endsWith('.md')).map((file) => new TextDecoder().decode(file.bytes));

function bareParse() {
  for (const text of sources) {
    const tree = markdown.parse(text);
    for (const node of tree.children) if (node.type === 'html') html.parse(node.value);
  }
}

const pairs = Array.from({ length: 100_000 }, (_, index) => [
  runtime.STATES[(index * 7) % runtime.STATES.length],
  runtime.OPERATIONS[(index * 5) % runtime.OPERATIONS.length],
]);
const bits = Object.fromEntries(runtime.OPERATIONS.map((operation, index) => [operation, 1 << index]));
const masks = Object.fromEntries(runtime.STATES.map((state) => [state, runtime.allowedOperations(state).reduce((sum, op) => sum | bits[op], 0)]));
let sink = 0;

const rows = [];
const compileVsParse = sideBySide(() => compile({ files, assets }), bareParse);
rows.push(['whole pipeline (in process) vs bare remark/rehype parse of the same sources', compileVsParse.a / compileVsParse.b, '≤ 1.3×']);
const lookups = sideBySide(
  () => {
    for (const [state, operation] of pairs) if (runtime.canPerform(state, operation)) sink++;
  },
  () => {
    for (const [state, operation] of pairs) if ((masks[state] & bits[operation]) !== 0) sink++;
  },
);
rows.push(['canPerform vs a hand-written bitmask lookup', lookups.a / lookups.b, '≤ 1.5×']);

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${'figure'.padEnd(width)} | ratio | budget | ${quick ? '(quick mode: figures are not meaningful)' : `median of ${rounds} alternating rounds`}`);
for (const [name, ratio, budget] of rows) {
  const [limit] = budget.match(/[\d.]+/);
  const mark = ratio <= Number(limit) ? 'pass' : 'miss';
  console.log(`${name.padEnd(width)} | ${ratio.toFixed(2)}× | ${budget} ${mark}`);
}
if (sink < 0) console.log(sink);
