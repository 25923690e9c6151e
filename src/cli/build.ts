import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareDiagnostics, type Diagnostic, diagnostic, isBlocking } from '../diagnostics/diagnostic.js';
import { formatJson } from '../diagnostics/report/json.js';
import { formatSarif } from '../diagnostics/report/sarif.js';
import { formatText } from '../diagnostics/report/text.js';
import { findDrift } from '../emit/drift.js';
import type { OutputFile } from '../emit/emit.js';
import { LAYOUT_FILE, type Layout } from '../load/layout.js';
import type { Limits, ProjectFile } from '../load/types.js';
import { type Assets, type CompileResult, compile } from '../pipeline.js';
import { cacheKey, fileSignature, sha256, writeCache } from './cache.js';
import {
  foreignOutputs,
  loadAssets,
  outputsOutsideGenerated,
  readGenerated,
  readProjectFiles,
  removeTemporaryFiles,
  toolVersion,
  writeOutputs,
} from './files.js';
import { readLayout } from './layout.js';
import { CLI_OPTIONS, type CliIo, FORMATS, type Format, internalFailure, isFormat, jobsFrom, limitsFrom } from './options.js';
import { compileInWorkers } from './parallel.js';

// `statespec build` and `statespec check`, in a module of their own: the command line loads only
// this (and the pipeline) for them, not init, locale add, fix or the site, which cost a tenth of a
// cold build to load.

export interface Prepared {
  command: 'build' | 'check';
  format: Format;
  root: string;
  limits: Limits;
  noCache: boolean;
  watch: boolean;
  /** Worker threads for the articles at most (1 compiles on the main thread); undefined: as many as pay. */
  jobs: number | undefined;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof CLI_OPTIONS; allowPositionals: true }>>['values'];

/** Checks the options of build and check; a number is the exit code of a run that ends here. */
export function prepareBuild(command: 'build' | 'check', values: Values, limits: Limits, jobs: number | undefined, io: CliIo): Prepared | number {
  const format = values.format ?? 'text';
  if (!isFormat(format)) {
    io.stderr(`statespec: --format must be one of ${FORMATS.join(', ')}, not "${values.format}"\n`);
    return 2;
  }
  if (command === 'build' && values.format !== undefined && format !== 'text') {
    io.stderr('statespec: --format is only for check; build reports as text\n');
    return 2;
  }
  if (values.watch && command !== 'build') {
    io.stderr('statespec: --watch is only for build\n');
    return 2;
  }
  const root = resolve(values.root ?? '.');
  if (!existsSync(join(root, 'sources')) && !existsSync(join(root, LAYOUT_FILE))) {
    // Refuse rather than "build nothing" under a wrong --root.
    io.stderr(
      `statespec: ${root} has neither a sources/ folder nor a ${LAYOUT_FILE}; run from the project root, pass --root DIR, or start an article with statespec init.\n`,
    );
    return 2;
  }
  return { command, format, root, limits, noCache: values['no-cache'] === true, watch: values.watch === true, jobs };
}

/**
 * The command line's fast entry for build and check (bin/statespec.js):
 * undefined when the arguments are anything else, or wrong, so that the full
 * CLI runs and says so.
 */
export async function runBuildCommand(argv: readonly string[], io: CliIo): Promise<number | undefined> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: CLI_OPTIONS });
  } catch {
    return undefined;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if ((command !== 'build' && command !== 'check') || rest.length > 0 || values.watch) return undefined;
  const others = values.help || values.version || values.spec !== undefined || values.locale !== undefined || values.variant !== undefined;
  if (others || values.write || values.out !== undefined) return undefined;
  const limits = limitsFrom(values['max-source-bytes']);
  const jobs = values.jobs === undefined ? undefined : jobsFrom(values.jobs);
  if (!limits || (values.jobs !== undefined && jobs === undefined)) return undefined;
  const prepared = prepareBuild(command, values, limits, jobs, io);
  return typeof prepared === 'number' ? prepared : runBuildAsync(prepared, io);
}

/** build or check on the main thread. */
export function runBuild(prepared: Prepared, io: CliIo): number {
  return guarded(prepared.command, io, () => {
    const started = startRun(prepared, io);
    if (typeof started === 'number') return started;
    return finishRun(prepared, io, started, compile({ files: started.files, assets: started.assets, limits: prepared.limits, layout: started.layout }));
  });
}

/** build or check, the articles compiled on worker threads (see compileInWorkers). */
export async function runBuildAsync(prepared: Prepared, io: CliIo): Promise<number> {
  try {
    const started = startRun(prepared, io);
    if (typeof started === 'number') return started;
    const { root, limits, jobs } = prepared;
    const layoutPath = join(root, LAYOUT_FILE);
    const layoutBytes = existsSync(layoutPath) ? readFileSync(layoutPath) : undefined;
    const result = await compileInWorkers({
      root,
      files: started.files,
      assets: started.assets,
      limits,
      layout: started.layout,
      ...(jobs === undefined ? {} : { jobs }),
      ...(layoutBytes ? { layoutBytes } : {}),
    });
    return finishRun(prepared, io, started, result);
  } catch (error) {
    // A crashed or killed worker lands here too: nothing has been written.
    io.stderr(internalFailure(prepared.command, error));
    return 2;
  }
}

/** The project's layout, or the exit code after reporting why statespec.config.json cannot be used. */
export function layoutOf(root: string, io: CliIo, assets?: Assets): Layout | number {
  const layout = readLayout(root, assets);
  if (layout.value) return layout.value;
  io.stdout(report(layout.diagnostics, 'text'));
  io.stderr(`statespec: ${LAYOUT_FILE} cannot be used; nothing was read or written.\n`);
  return 1;
}

/** Bad input is always a diagnostic; an exception is a statespec bug or an I/O failure. */
function guarded(command: string, io: CliIo, body: () => number): number {
  try {
    return body();
  } catch (error) {
    io.stderr(internalFailure(command, error));
    return 2;
  }
}

interface Started {
  assets: Assets;
  layout: Layout;
  files: ProjectFile[];
}

/** What every run reads before compiling: the tool's assets, the layout and the project's files. */
function startRun({ command, root, limits }: Prepared, io: CliIo): Started | number {
  const assets = loadAssets();
  const layout = layoutOf(root, io, assets);
  if (typeof layout === 'number') return layout;
  // A killed earlier run may have left temporary files; a build clears them even when it then writes nothing.
  if (command === 'build') removeTemporaryFiles(root, layout);
  return { assets, layout, files: readProjectFiles(root, limits, layout) };
}

/** Reports, (for build) writes and caches a compile's result. */
function finishRun(prepared: Prepared, io: CliIo, { layout, files }: Started, result: CompileResult): number {
  const { command, format, root } = prepared;
  const cached = formatText(result.diagnostics);
  let diagnostics: Diagnostic[] = result.diagnostics;
  let blocked = diagnostics.some(isBlocking);
  if (command === 'check') {
    const drift = blocked ? [] : outputFindings(root, result.outputs, layout);
    // With no drift, the outputs on disk are what build would write: their signatures can be trusted by the next run.
    remember(prepared, layout, files, result, cached, blocked || drift.length > 0 ? [] : result.outputs);
    if (drift.length > 0) diagnostics = [...diagnostics, ...drift].sort(compareDiagnostics);
    io.stdout(format === 'text' && drift.length === 0 ? cached : report(diagnostics, format));
    return diagnostics.some(isBlocking) ? 1 : 0;
  }
  let refused: Diagnostic[] = [];
  if (!blocked) {
    // The writer's own checks of the disk join the findings: one report, one summary.
    const escaping = outputsOutsideGenerated(
      root,
      result.outputs.map((output) => output.path),
      layout.output,
    ).map((path) =>
      diagnostic('path-unsafe', {
        at: { file: path, line: 1, column: 1 },
        message: `${path} would be written outside ${join(root, layout.output)} (through a symbolic link); nothing was written. Make ${layout.output}/ a plain folder.`,
      }),
    );
    refused = escaping.length > 0 ? escaping : foreignOutputs(root, result.outputs, layout.output);
    diagnostics = [...diagnostics, ...refused].sort(compareDiagnostics);
    blocked = refused.length > 0;
  }
  io.stdout(refused.length === 0 ? cached : report(diagnostics, 'text'));
  if (blocked) {
    remember(prepared, layout, files, result, cached, []);
    io.stderr(`statespec: errors found; ${layout.output}/ was not changed.\n`);
    return 1;
  }
  const { written, removed } = writeOutputs(root, result.outputs, layout.output);
  remember(prepared, layout, files, result, cached, result.outputs);
  io.stderr(`statespec: ${result.outputs.length} outputs, ${written.length} written, ${removed.length} removed.\n`);
  return 0;
}

/**
 * Caches a run for the no-op path (fast.ts): its key, findings and report,
 * and the hash of every output. `onDisk` are the outputs known to be on disk
 * as they should be; their signatures are taken now.
 */
function remember(
  { root, limits, noCache }: Prepared,
  layout: Layout,
  files: readonly ProjectFile[],
  result: CompileResult,
  report: string,
  onDisk: readonly OutputFile[],
): void {
  if (noCache) return;
  const outputs = result.diagnostics.some(isBlocking) ? {} : Object.fromEntries(result.outputs.map((output) => [output.path, sha256(output.content)]));
  const signatures: Record<string, string> = {};
  for (const output of onDisk) {
    const stat = lstatSync(join(root, output.path), { bigint: true, throwIfNoEntry: false });
    if (stat?.isFile()) signatures[output.path] = fileSignature(stat);
  }
  writeCache(root, { key: cacheKey(files, limits, undefined, layout), diagnostics: result.diagnostics, report, outputs, signatures });
}

/**
 * What `check` finds in the output folder: files a build would refuse to
 * overwrite (output-conflict), then every other output that is missing,
 * differs or is no longer made (output-stale).
 */
export function outputFindings(root: string, outputs: readonly OutputFile[], layout: Layout): Diagnostic[] {
  const foreign = foreignOutputs(root, outputs, layout.output);
  const conflicting = new Set(foreign.map((finding) => finding.file));
  const ours = outputs.filter((output) => !conflicting.has(output.path));
  const current = readGenerated(
    root,
    ours.map((output) => output.path),
    layout.output,
  );
  return [...foreign, ...findDrift(ours, current, layout.regenerate)];
}

export function report(diagnostics: readonly Diagnostic[], format: Format): string {
  if (format === 'json') return formatJson(diagnostics);
  if (format === 'sarif') return formatSarif(diagnostics, toolVersion());
  return formatText(diagnostics);
}
