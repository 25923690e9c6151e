import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { createRenderer } from '../emit/render.js';
import type { Layout } from '../load/layout.js';
import { loadProject } from '../load/project.js';
import type { Limits, ProjectFile } from '../load/types.js';
import { createValidators } from '../load/validators.js';
import { type ArticleOutcome, type Assets, assemble, type CompileResult, compile } from '../pipeline.js';
import type { ArticleTask } from './compile-worker.js';
import { EXIT_CHANNEL } from './options.js';

/** `--jobs` when not given: every core the process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * A worker thread costs about what a process start does (it loads the
 * parsers and the templates), so without an explicit --jobs no more are
 * started than the sources can keep busy: one per SOURCE_BYTES_PER_WORKER.
 */
const SOURCE_BYTES_PER_WORKER = 2 * 1024 * 1024;

export interface ParallelInput {
  root: string;
  files: readonly ProjectFile[];
  assets: Assets;
  limits: Limits;
  layout: Layout;
  /** statespec.config.json's bytes, when the project has one. */
  layoutBytes?: Uint8Array;
  /** Worker threads at most; undefined: defaultJobs(), and no more than the sources keep busy. */
  jobs?: number;
}

/**
 * compile(), with the articles spread over `jobs` worker threads. The main
 * thread loads the project (to group its files by article and find the
 * project-wide findings), each worker compiles and emits whole articles, and
 * the main thread assembles the health report and the manifest. The result
 * is the one compile() gives, whatever `jobs` is; a worker that crashes or is
 * killed rejects the promise, and nothing is written.
 */
export async function compileInWorkers(input: ParallelInput): Promise<CompileResult> {
  const { files, assets, limits, layout } = input;
  const jobs = input.jobs ?? Math.min(defaultJobs(), Math.ceil(size(files) / SOURCE_BYTES_PER_WORKER));
  if (jobs <= 1) return compile({ files, assets, limits, layout });
  const validators = createValidators(assets.schemas, assets.validators);
  const loaded = loadProject(files, validators, limits, layout);
  const threads = Math.min(jobs, loaded.value.length);
  if (threads <= 1) return compile({ files, assets, limits, layout });
  const pool = new Tinypool({ filename: new URL('./compile-worker.js', import.meta.url).href, minThreads: threads, maxThreads: threads });
  try {
    // Largest first, so that one big article does not start last and run alone.
    const order = [...loaded.value].sort((a, b) => size(b.files) - size(a.files));
    // A worker that fails between tasks is reported on the pool, not on a task: it fails the run too.
    // on(), not once(): an 'error' with no listener is thrown, and two workers can fail.
    const failed = new Promise<never>((_, reject) => pool.on('error', reject));
    failed.catch(() => {});
    const outcomes: ArticleOutcome[] = await untilAbandoned(
      failed,
      order.map((spec) => {
        const task: ArticleTask = {
          root: input.root,
          id: spec.id,
          files: spec.files,
          limits,
          loadDiagnostics: loaded.diagnostics.filter((d) => d.spec === spec.id),
        };
        if (input.layoutBytes) task.layoutBytes = input.layoutBytes;
        return pool.run(task) as Promise<ArticleOutcome>;
      }),
    );
    const render = createRenderer(assets.templates, assets.precompiledTemplates);
    return { ...assemble(outcomes, loaded.diagnostics, loaded.value.length, layout, render), compiled: loaded.value.map((spec) => spec.id) };
  } finally {
    await stopThreads(pool);
  }
}

/**
 * Ends every thread of the pool. Not pool.destroy(): it waits for each
 * thread's exit with events.once() on tinypool's thread wrapper, which has no
 * removeListener, so a thread that reports its failure while the pool is
 * destroyed (a worker that exited on an uncaught error: its exit reaches us
 * on EXIT_CHANNEL before its error reaches the pool) throws a TypeError in the
 * main thread, an exit 1 instead of the run's internal error (tinypool 2.2).
 */
async function stopThreads(pool: Tinypool): Promise<void> {
  await Promise.allSettled(pool.threads.map((thread) => thread.terminate()));
}

/**
 * Every task's result, or a rejection as soon as the pool reports a failure
 * (`failed`) or a worker thread says it is exiting: the pool rejects a task
 * whose worker fails, but one whose worker called process.exit() would be
 * left pending, and the run must end as an internal error, not as a silent exit.
 */
async function untilAbandoned<T>(failed: Promise<never>, tasks: Promise<T>[]): Promise<T[]> {
  const exits = new BroadcastChannel(EXIT_CHANNEL);
  try {
    const exited = new Promise<never>((_, reject) => {
      exits.onmessage = (event) =>
        reject(new Error(`a worker thread exited (code ${(event as { data: { code: number } }).data.code}) without returning its article`));
    });
    return await Promise.race([Promise.all(tasks), exited, failed]);
  } finally {
    exits.close();
  }
}

const size = (files: readonly ProjectFile[]): number => files.reduce((sum, file) => sum + file.bytes.length, 0);
