import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createRenderer } from '../emit/render.js';
import { LAYOUT_FILE, type Layout } from '../load/layout.js';
import { loadLayout } from '../load/layout-file.js';
import { loadProject } from '../load/project.js';
import type { Limits, ProjectFile } from '../load/types.js';
import { createValidators } from '../load/validators.js';
import { type ArticleOutcome, compileArticleInput } from '../pipeline.js';
import { defaultLayout, layoutDefaults, loadAssets } from './files.js';
import { EXIT_CHANNEL } from './options.js';

/** One article for a worker: its files as the main thread read them, so that every worker sees one snapshot of the disk. */
export interface ArticleTask {
  root: string;
  id: string;
  files: ProjectFile[];
  /** statespec.config.json's bytes, when the project has one. */
  layoutBytes?: Uint8Array;
  limits: Limits;
  /** The project's load findings of this article: some depend on other articles' files, which this worker does not see. */
  loadDiagnostics: Diagnostic[];
}

// A worker thread says so when it exits: the pool notices a worker's errors, not a process.exit().
const exits = new BroadcastChannel(EXIT_CHANNEL);
exits.unref();
process.on('exit', (code) => exits.postMessage({ code }));

// Loaded once per worker thread and kept for the tasks that follow.
const assets = loadAssets();
const validators = createValidators(assets.schemas, assets.validators);
const render = createRenderer(assets.templates, assets.precompiledTemplates);

/** Compiles one article on a worker thread (tinypool calls the default export). */
export default function compileTask(task: ArticleTask): ArticleOutcome {
  // Fault injection for the tests of a dying worker ("exit:<id>" or "throw:<id>"): the run must end as an internal error with nothing written.
  const crash = process.env.STATESPEC_TEST_WORKER_CRASH;
  if (crash === `exit:${task.id}`) process.exit(70);
  if (crash === `throw:${task.id}`)
    return new Promise(() =>
      setImmediate(() => {
        throw new Error(`worker crash injected for ${task.id}`);
      }),
    ) as never;
  const layout: Layout =
    task.layoutBytes === undefined
      ? defaultLayout(task.root)
      : (loadLayout({ path: LAYOUT_FILE, bytes: task.layoutBytes }, validators.layout, layoutDefaults(task.root)).value ?? defaultLayout(task.root));
  const spec = loadProject(task.files, validators, task.limits, layout).value.find((candidate) => candidate.id === task.id);
  if (!spec) throw new Error(`article ${task.id} did not load on its worker thread`);
  return compileArticleInput(spec, validators, task.loadDiagnostics, render, layout);
}
