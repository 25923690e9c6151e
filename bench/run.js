#!/usr/bin/env node
// Every figure is a ratio of two things measured side by side, alternating, in one run:
// absolute times on a shared machine are noise, ratios are not. `--quick` measures each
// pair once on small inputs, so that `npm test` keeps the harness working (no timing asserted).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { createActor } from 'xstate';
import { CORPORA, makeCorpus, QUICK_CORPORA } from './synthetic.js';
import { machineFor } from './xstate-machine.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
// `--only=process,watch,corpora,runtime,bundle` measures some sections only.
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (section) => !only || only.includes(section);
const rounds = quick ? 1 : 11;
const node = process.execPath;
const bin = join(root, 'bin', 'statespec.js');
const temporary = mkdtempSync(join(tmpdir(), 'statespec-bench-'));
const cacheDir = join(temporary, 'cache');
const env = { ...process.env, STATESPEC_CACHE_DIR: cacheDir };
const rows = [];
let sink = 0;

const median = (list) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)];

/** Runs the two tasks alternately, `count` times each; returns the median time of each. */
function sideBySide(a, b, count = rounds) {
  const times = { a: [], b: [] };
  for (let round = 0; round < count; round++) {
    for (const [name, task] of round % 2 === 0
      ? [
          ['a', a],
          ['b', b],
        ]
      : [
          ['b', b],
          ['a', a],
        ]) {
      const start = performance.now();
      task();
      times[name].push(performance.now() - start);
    }
  }
  return { a: median(times.a), b: median(times.b) };
}

function run(args, options = {}) {
  const result = spawnSync(node, args, { env, encoding: 'utf8', ...options });
  if (result.status !== 0 && !options.mayFail) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return result;
}

/** A row: what, the measured figure, the budget's text, and whether the budget holds. */
function row(name, figure, budget, pass) {
  rows.push({ name, figure, budget, mark: pass === undefined ? '—' : pass ? 'pass' : 'miss' });
  // As it is measured, on stderr: a long run that fails later keeps what it found.
  process.stderr.write(`${name} | ${figure} | ${budget} ${rows.at(-1).mark}\n`);
}
const ratio = (value) => `${value.toFixed(2)}×`;

// --- whole process: cold build, no-op build and check -------------------------------------------
const project = join(temporary, 'project');
cpSync(join(root, 'sources'), join(project, 'sources'), { recursive: true });
if (wanted('process')) {
  const cold = sideBySide(
    () => {
      rmSync(join(project, 'generated'), { recursive: true, force: true });
      run([bin, 'build', '--no-cache', '--root', project]);
    },
    () => run([join(root, 'bench', 'bare-parse.js'), project]),
  );
  row(
    'cold `statespec build` (whole process) vs a process that only loads the parsers and parses the same files',
    ratio(cold.a / cold.b),
    '≤ 1.3×',
    cold.a / cold.b <= 1.3,
  );

  run([bin, 'build', '--root', project]);
  for (const command of ['build', 'check']) {
    const noop = sideBySide(
      () => run([bin, command, '--root', project]),
      () => run(['-e', '0']),
    );
    row(`no-op \`statespec ${command}\` vs \`node -e 0\``, ratio(noop.a / noop.b), '≤ 2×', noop.a / noop.b <= 2);
  }
}

// --- watch: one source edited ---------------------------------------------------------------------
/** Edits one source again and again under `build --watch`; the median time until its outputs are rewritten. */
async function watchLatency(projectRoot, edited, article, edits) {
  const watcher = spawn(node, [bin, 'build', '--watch', '--root', projectRoot], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  watcher.stderr.on('data', (chunk) => (log += chunk));
  const waitFor = async (pattern, from) => {
    for (let waited = 0; waited < 600_000; waited += 2) {
      if (pattern.test(log.slice(from))) return performance.now();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    throw new Error(`watch did not report ${pattern}: ${log}`);
  };
  await waitFor(/first build/, 0);
  const original = readFileSync(edited, 'utf8');
  const latencies = [];
  const compiledOnlyIt = [];
  for (let edit = 0; edit < edits; edit++) {
    const from = log.length;
    const started = performance.now();
    writeFileSync(edited, edit % 2 === 0 ? original.replace(/^# (.+)$/m, '# $1 (edited)') : original);
    latencies.push((await waitFor(/changed: compiled .* written/, from)) - started);
    compiledOnlyIt.push(new RegExp(`compiled ${article};`).test(log.slice(from)));
  }
  watcher.kill('SIGINT');
  return { latency: median(latencies), onlyAffected: compiledOnlyIt.every(Boolean) };
}

if (wanted('watch')) {
  const chart = 'biztalk-services-state-chart';
  const watch = await watchLatency(project, join(project, 'sources', chart, 'ko-KR.md'), chart, quick ? 2 : 15);
  row(
    `\`statespec build --watch\`: one source edited → outputs rewritten (${watch.onlyAffected ? 'only its article rebuilt' : 'other articles rebuilt too'})`,
    `${Math.round(watch.latency)} ms`,
    '≤ 200 ms',
    watch.latency <= 200 && watch.onlyAffected,
  );
}

// --- synthetic corpora: monorepo, wide, small -----------------------------------------------------
if (wanted('corpora')) {
  const corpora = quick ? QUICK_CORPORA : CORPORA;
  const dirs = Object.fromEntries(Object.entries(corpora).map(([name, shape]) => [name, makeCorpus(root, join(temporary, name), shape)]));
  const counts = Object.fromEntries(Object.entries(corpora).map(([name, shape]) => [name, shape.articles * shape.perArticle]));
  // One alternating pair at 10,000 sources: a cold build there takes minutes.
  const big = 1;
  /** A whole cold `statespec build` of a corpus: its wall time and the peak RSS of its process, threads included. */
  const coldBuild = (dir, jobs) => () => {
    rmSync(join(dir, 'generated'), { recursive: true, force: true });
    const started = performance.now();
    const measured = JSON.parse(
      run([join(root, 'bench', 'cli-run.js'), 'build', '--no-cache', '--root', dir, ...(jobs ? ['--jobs', String(jobs)] : [])]).stdout,
    );
    if (measured.code !== 0) throw new Error(`the ${dir} corpus does not build (exit ${measured.code})`);
    return { ms: performance.now() - started, rss: measured.maxRssMB };
  };
  const bare = (dir) => () => {
    const started = performance.now();
    run([join(root, 'bench', 'bare-parse.js'), dir]);
    return { ms: performance.now() - started };
  };
  /** Like sideBySide, for tasks that time themselves: the medians of each side, and the largest RSS seen. */
  const alternate = (a, b, count) => {
    const seen = { a: [], b: [] };
    for (let round = 0; round < count; round++) {
      for (const side of round % 2 === 0 ? ['a', 'b'] : ['b', 'a']) seen[side].push((side === 'a' ? a : b)());
    }
    const pick = (side) => ({ ms: median(seen[side].map((m) => m.ms)), rss: Math.max(...seen[side].map((m) => m.rss ?? 0)) });
    return { a: pick('a'), b: pick('b') };
  };
  const cores = os.availableParallelism();

  const { monorepo } = dirs;
  const versusBare = alternate(coldBuild(monorepo), bare(monorepo), big);
  row(
    `monorepo (${counts.monorepo} sources): cold \`statespec build\` (${cores} cores) vs the bare parse of the same files on one core`,
    ratio(versusBare.a.ms / versusBare.b.ms),
    '≤ 1.0×',
    versusBare.a.ms / versusBare.b.ms <= 1,
  );
  const versusOne = alternate(coldBuild(monorepo), coldBuild(monorepo, 1), big);
  row(
    `monorepo: what ${cores} cores gain (the same build with --jobs 1 vs without)`,
    ratio(versusOne.b.ms / versusOne.a.ms),
    '≥ 1.6×',
    versusOne.b.ms / versusOne.a.ms >= 1.6,
  );
  const monorepoRss = Math.max(versusBare.a.rss, versusOne.a.rss);
  row('monorepo: peak RSS of the build (all threads)', `${Math.round(monorepoRss)} MB`, '≤ 400 MB', monorepoRss <= 400);
  // Only its memory is a figure: one build, no baseline.
  const wide = coldBuild(dirs.wide)();
  row(`wide (1 article × ${counts.wide} sources): peak RSS of the build`, `${Math.round(wide.rss)} MB`, '≤ 400 MB', wide.rss <= 400);

  // Per source, in-process on one thread (bench/corpus.js, timed from reading the files on): growth from 100 sources to 10,000.
  const inProcess = (dir) => () => JSON.parse(run([join(root, 'bench', 'corpus.js'), dir, 'statespec'], { maxBuffer: 1 << 28 }).stdout);
  const perSource = alternate(inProcess(monorepo), inProcess(dirs.small), big);
  const growth = perSource.a.ms / counts.monorepo / (perSource.b.ms / counts.small);
  row(`per-source cost: monorepo vs small (${counts.small} sources), one thread`, ratio(growth), '≤ 1.25×', growth <= 1.25);

  const quiet = { stdio: ['ignore', 'ignore', 'pipe'] };
  run([bin, 'build', '--root', monorepo], quiet);
  for (const command of ['build', 'check']) {
    const noop = sideBySide(
      () => run([bin, command, '--root', monorepo], quiet),
      () => run(['-e', '0']),
      quick ? 1 : 5,
    );
    row(`monorepo: no-op \`statespec ${command}\` (hashing every file) vs \`node -e 0\``, ratio(noop.a / noop.b), '≤ 3×', noop.a / noop.b <= 3);
  }
  const edited = join(monorepo, 'sources', 'biztalk-services-state-chart-m0', 'ko-KR.md');
  const watch = await watchLatency(monorepo, edited, 'biztalk-services-state-chart-m0', quick ? 2 : 9);
  row(
    `monorepo: \`build --watch\`, one source edited → outputs rewritten (${watch.onlyAffected ? 'only its article rebuilt' : 'other articles rebuilt too'})`,
    `${Math.round(watch.latency)} ms`,
    '≤ 200 ms',
    watch.latency <= 200 && watch.onlyAffected,
  );
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
}

// --- runtime lookups -----------------------------------------------------------------------------
if (wanted('runtime') || wanted('bundle')) {
  const matrix = await import(join(root, 'generated/biztalk-services-state-chart/index.js'));
  const transitions = await import(join(root, 'generated/biztalk-server-instance-states/index.js'));
  const matrixSpec = JSON.parse(readFileSync(join(root, 'generated/biztalk-services-state-chart/spec.json'), 'utf8'));
  let seed = 42;
  const nextRandom = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // Parallel arrays and an index loop: the harness itself costs next to nothing per call.
  const pairs = (states, operations) => {
    const count = quick ? 2000 : 200_000;
    const pick = (list) => Array.from({ length: count }, () => list[Math.floor(nextRandom() * list.length)]);
    return { states: pick(states), operations: pick(operations), count };
  };
  const matrixPairs = pairs(matrix.STATES, matrix.OPERATIONS);
  const bits = Object.fromEntries(matrix.OPERATIONS.map((operation, index) => [operation, 1 << index]));
  const masks = Object.fromEntries(matrix.STATES.map((state) => [state, matrix.allowedOperations(state).reduce((sum, op) => sum | bits[op], 0)]));
  const { states: S, operations: O, count: N } = matrixPairs;
  const bitmask = () => {
    for (let i = 0; i < N; i++) if ((masks[S[i]] & bits[O[i]]) !== 0) sink++;
  };
  const canPerform = matrix.canPerform;
  const viaCanPerform = () => {
    for (let i = 0; i < N; i++) if (canPerform(S[i], O[i])) sink++;
  };
  const lookups = sideBySide(viaCanPerform, bitmask, quick ? 3 : 31);
  row('`canPerform` vs a hand-written bitmask function', ratio(lookups.a / lookups.b), '≤ 1.5×', lookups.a / lookups.b <= 1.5);

  const machine = machineFor(matrixSpec);
  const snapshots = Object.fromEntries(
    matrix.STATES.map((state) => [state, createActor(machine, { snapshot: machine.resolveState({ value: state, context: {} }) }).getSnapshot()]),
  );
  const events = Object.fromEntries(matrix.OPERATIONS.map((operation) => [operation, { type: operation }]));
  for (let i = 0; i < Math.min(N, 500); i++) {
    if (snapshots[S[i]].can(events[O[i]]) !== canPerform(S[i], O[i])) throw new Error(`the XState machine disagrees on ${S[i]} × ${O[i]}`);
  }
  const xstate = sideBySide(
    viaCanPerform,
    () => {
      for (let i = 0; i < N; i++) if (snapshots[S[i]].can(events[O[i]])) sink++;
    },
    quick ? 3 : 11,
  );
  row('XState v5 `snapshot.can()` vs `canPerform` (how many times faster statespec is)', ratio(xstate.b / xstate.a), '(comparison)', undefined);

  const { states: TS, operations: TO, count: TN } = pairs(transitions.STATES, transitions.OPERATIONS);
  // The hand-written version: a plain object of objects, no guards.
  const table = Object.fromEntries(
    transitions.STATES.map((state) => [
      state,
      Object.fromEntries(transitions.OPERATIONS.map((operation) => [operation, transitions.nextState(state, operation)])),
    ]),
  );
  const nextState = transitions.nextState;
  const next = sideBySide(
    () => {
      for (let i = 0; i < TN; i++) if (nextState(TS[i], TO[i]) !== undefined) sink++;
    },
    () => {
      for (let i = 0; i < TN; i++) if (table[TS[i]][TO[i]] !== undefined) sink++;
    },
    quick ? 3 : 31,
  );
  row('`nextState` vs a hand-written lookup table (object of objects)', ratio(next.a / next.b), '≤ 1.5×', next.a / next.b <= 1.5);

  // --- bundle sizes --------------------------------------------------------------------------------
  if (wanted('bundle')) {
    function gzipped(contents, resolveDir) {
      const built = buildSync({
        stdin: { contents, resolveDir, loader: 'js' },
        bundle: true,
        minify: true,
        format: 'esm',
        write: false,
        treeShaking: true,
        platform: 'neutral',
      });
      return gzipSync(built.outputFiles[0].contents, { level: 9 }).length;
    }
    for (const id of ['biztalk-services-state-chart', 'biztalk-server-instance-states']) {
      const module = JSON.stringify(join(root, 'generated', id, 'index.js'));
      const checker = gzipped(`export { canPerform, isState, isOperation } from ${module};`, root);
      const withMessages = gzipped(`export { canPerform, assertCanPerform, OperationNotAllowedError, MESSAGES } from ${module};`, root);
      const everything = gzipped(`export * from ${module};`, root);
      row(`${id}: checker without messages, bundled, minified, gzipped`, `${checker} B`, '≤ 700 B', checker <= 700);
      row(`${id}: checker with every locale's messages (assertCanPerform)`, `${withMessages} B`, '≤ 2500 B', withMessages <= 2500);
      row(`${id}: the whole module (descriptions and notes too), for reference`, `${everything} B`, '—', undefined);
    }
    const machineSize = gzipped(
      `import { createMachine, createActor } from 'xstate'; const m = createMachine(${JSON.stringify(machineFor(matrixSpec).config)}); export const can = (s, e) => createActor(m, { snapshot: m.resolveState({ value: s }) }).getSnapshot().can({ type: e });`,
      root,
    );
    row("for comparison: an XState machine with the chart's states, bundled, minified, gzipped", `${machineSize} B`, '—', undefined);
  }
}

// --- report ----------------------------------------------------------------------------------------
rmSync(temporary, { recursive: true, force: true });
const width = Math.max(...rows.map((r) => r.name.length));
const figureWidth = Math.max(...rows.map((r) => r.figure.length));
console.log(
  `${'figure'.padEnd(width)} | ${'value'.padEnd(figureWidth)} | budget | ${quick ? '(quick mode: figures are not meaningful)' : `medians of alternating rounds`}`,
);
for (const r of rows) console.log(`${r.name.padEnd(width)} | ${r.figure.padEnd(figureWidth)} | ${r.budget} ${r.mark}`);
if (sink < 0) console.log(sink);
