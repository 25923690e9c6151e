import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { compareDiagnostics, type Diagnostic, diagnostic, isBlocking } from '../diagnostics/diagnostic.js';
import { formatJson } from '../diagnostics/report/json.js';
import { formatSarif } from '../diagnostics/report/sarif.js';
import { formatText } from '../diagnostics/report/text.js';
import { findDrift } from '../emit/drift.js';
import type { OutputFile } from '../emit/emit.js';
import { initArticle } from '../init/init.js';
import { LAYOUT_FILE, type Layout } from '../load/layout.js';
import { DEFAULT_LIMITS, type Limits, type ProjectFile } from '../load/types.js';
import { type AddLocaleRequest, addLocale } from '../locale/add.js';
import { type Assets, type CompileResult, compile } from '../pipeline.js';
import { cacheKey, sha256, writeCache } from './cache.js';
import {
  foreignOutputs,
  loadAssets,
  outputsOutsideGenerated,
  readGenerated,
  readProjectFiles,
  removeTemporaryFiles,
  toolVersion,
  writeAtomically,
  writeOutputs,
} from './files.js';
import { runFix } from './fix.js';
import { readLayout } from './layout.js';
import { FORMATS, type Format, internalFailure, isFormat, jobsFrom, limitsFrom } from './options.js';
import { compileInWorkers, defaultJobs } from './parallel.js';
import { runSite } from './site.js';
import { watchBuild } from './watch.js';

const USAGE = `Usage:
  statespec build [--root DIR] [--max-source-bytes N] [--no-cache] [--jobs N] [--watch]
  statespec check [--root DIR] [--format text|json|sarif] [--max-source-bytes N] [--no-cache] [--jobs N]
  statespec locale add --spec ID --locale TAG [--variant NAME] [--root DIR] FILE
  statespec init --spec ID --locale TAG [--root DIR] FILE
  statespec fix [--write] [--spec ID] [--root DIR] [FILE…]
  statespec site --out DIR [--root DIR] [--max-source-bytes N]

build        compiles every article's sources into the output folder (generated/ by default);
             nothing is written when there are errors, and only files that an earlier build
             wrote (its manifest lists them) are ever removed
check        runs every check and compares the outputs with what build would write; writes nothing
locale add   makes FILE a source of article ID and, when TAG has no terms yet, drafts
             terms/TAG.json from the labels at the reference's positions, flagging doubtful
             ones for review; refuses (writing nothing) when the tables do not align.
             Without statespec.config.json FILE is copied to sources/ID/TAG[.NAME].md; with
             one it is read where it is (its path is recorded unless a pattern names it)
init         starts a new article from its reference document FILE: writes spec.config.json
             (axes, ids and cell types read from FILE's tables) and terms/TAG.json in the
             article's folder (sources/ID/ by default), flagging doubtful guesses for review,
             and copies or records FILE as locale add does; refuses (writing nothing) when FILE
             has no usable table, a label repeats or two labels make one id, or the folder
             already holds another article
site         compiles the project in memory as build does and writes only a static review site
             to DIR (outside the sources and output folder): index.html, the translation health
             dashboard, and one page per article and locale; works opened from disk, offline
fix          repairs the translations (never the reference) from the spec and the reviewed terms:
             mistranslated and untranslated labels, unusual marks, extra blank cells, marks and
             enum words that contradict the reference. Prints a unified diff and exits 1 when a
             file would change; --write writes them. Refuses (writing nothing) where the spec
             cannot say what a cell should be

statespec.config.json (optional, at the root) says where each article's sources, config and
terms live and where the outputs go: see the README, "Use it in your docs repo".

--max-source-bytes N   sources larger than N bytes are reported and not read
                       (default ${DEFAULT_LIMITS.maxSourceBytes}, 4 MiB)
--jobs N               compile the articles on up to N worker threads (default: the cores available,
                       ${defaultJobs()} here, but no more than one per 2 MiB of sources, since a thread
                       costs a process start); the outputs and findings are the same for any N
--watch                after building, rebuild on every change to the sources, terms, configs,
                       templates or schemas (only the articles whose files changed are compiled
                       again), until Ctrl-C
--no-cache             always run the whole pipeline; otherwise, when sources, templates, schemas,
                       limits, the tool and the outputs are exactly as at the last run, its findings
                       are replayed from node_modules/.cache/statespec/

Exit codes: 0 no errors, 1 errors found, 2 wrong usage.`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * Runs the CLI and returns its exit code. `build --watch` does not return
 * until stopped, so it goes through runWatch (bin/statespec.js does that).
 */
export function run(argv: readonly string[], io: CliIo = processIo): number {
  const prepared = prepare(argv, io);
  if (typeof prepared === 'number') return prepared;
  if (prepared.watch) {
    io.stderr('statespec: build --watch keeps running; call runWatch() for it (the command line does).\n');
    return 2;
  }
  if (prepared.jobs !== undefined && prepared.jobs > 1) {
    io.stderr('statespec: --jobs above 1 compiles on worker threads; call runAsync() for it (the command line does).\n');
    return 2;
  }
  return guarded(prepared.command, io, () => {
    const started = startRun(prepared, io);
    if (typeof started === 'number') return started;
    return finishRun(prepared, io, started, compile({ files: started.files, assets: started.assets, limits: prepared.limits, layout: started.layout }));
  });
}

/**
 * The command line's entry: build and check compile the articles on
 * `--jobs` worker threads (default: every core), with the same result as
 * run(); `--watch` goes to runWatch(), and every other command runs as in run().
 */
export async function runAsync(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  if (argv.includes('--watch')) return runWatch(argv, io);
  const prepared = prepare(argv, io);
  if (typeof prepared === 'number') return prepared;
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

/** `statespec build --watch`: builds, then rebuilds on every change until `signal` aborts (or SIGINT). */
export async function runWatch(argv: readonly string[], io: CliIo = processIo, signal?: AbortSignal): Promise<number> {
  const prepared = prepare(argv, io);
  if (typeof prepared === 'number') return prepared;
  if (!prepared.watch) return runAsync(argv, io);
  const stop = new AbortController();
  if (signal?.aborted) stop.abort();
  signal?.addEventListener('abort', () => stop.abort());
  const onInterrupt = (): void => stop.abort();
  process.once('SIGINT', onInterrupt);
  try {
    await watchBuild(prepared.root, prepared.limits, io, stop.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  return 0;
}

interface Prepared {
  command: 'build' | 'check';
  format: Format;
  root: string;
  limits: Limits;
  noCache: boolean;
  watch: boolean;
  /** Worker threads for the articles at most (1 compiles on the main thread); undefined: as many as pay. */
  jobs: number | undefined;
}

/** Parses and checks the arguments; a number is the exit code of a run that ends here (usage, help, locale add). */
function prepare(argv: readonly string[], io: CliIo): Prepared | number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        format: { type: 'string' },
        spec: { type: 'string' },
        locale: { type: 'string' },
        variant: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        'max-source-bytes': { type: 'string' },
        'no-cache': { type: 'boolean' },
        watch: { type: 'boolean' },
        write: { type: 'boolean' },
        out: { type: 'string' },
        jobs: { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr(`statespec: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    (values.help ? io.stdout : io.stderr)(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const localeOptions = values.spec !== undefined || values.locale !== undefined || values.variant !== undefined;
  const limits = parseLimits(values['max-source-bytes'], io);
  if (!limits) return 2;
  if (values.jobs !== undefined && command !== 'build' && command !== 'check') {
    io.stderr(`statespec: --jobs belongs to "build" and "check"\n\n${USAGE}\n`);
    return 2;
  }
  const jobs = values.jobs === undefined ? undefined : jobsFrom(values.jobs);
  if (values.jobs !== undefined && jobs === undefined) {
    io.stderr(`statespec: --jobs must be a whole number from 1 to 999, not "${values.jobs}"\n`);
    return 2;
  }
  if (command === 'site') return runSite(rest, values, limits, io, USAGE);
  if (values.out !== undefined) {
    io.stderr(`statespec: --out belongs to "site"\n\n${USAGE}\n`);
    return 2;
  }
  if (command === 'init') return runSourceCommand(INIT, rest, values, limits, io);
  if (command === 'fix') {
    if (values.locale !== undefined || values.variant !== undefined || values.format !== undefined || values.watch || values['no-cache']) {
      io.stderr(`statespec: fix takes --write, --spec, --root and FILEs only\n\n${USAGE}\n`);
      return 2;
    }
    return runFix({ root: values.root, spec: values.spec, write: values.write, files: rest, limits }, io);
  }
  if (values.write) {
    io.stderr(`statespec: --write belongs to "fix"\n\n${USAGE}\n`);
    return 2;
  }
  if (command === 'locale' && rest[0] === 'add') {
    return runSourceCommand(LOCALE_ADD, rest.slice(1), values, limits, io);
  }
  if (localeOptions) {
    io.stderr(`statespec: --spec, --locale and --variant belong to "locale add"\n\n${USAGE}\n`);
    return 2;
  }
  if ((command !== 'build' && command !== 'check') || rest.length > 0) {
    io.stderr(`statespec: unknown command "${positionals.join(' ')}"\n\n${USAGE}\n`);
    return 2;
  }
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

/** The project's layout, or the exit code after reporting why statespec.config.json cannot be used. */
function layoutOf(root: string, io: CliIo, assets?: Assets): Layout | number {
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

/** Caches, reports and (for build) writes a compile's result. */
function finishRun({ command, format, root, limits, noCache }: Prepared, io: CliIo, { layout, files }: Started, result: CompileResult): number {
  if (!noCache) {
    const outputs = Object.fromEntries(result.outputs.map((output) => [output.path, sha256(output.content)]));
    writeCache(root, { key: cacheKey(files, limits, undefined, layout), diagnostics: result.diagnostics, outputs });
  }
  let diagnostics: Diagnostic[] = result.diagnostics;
  let blocked = diagnostics.some(isBlocking);
  if (command === 'check') {
    if (!blocked) diagnostics = [...diagnostics, ...outputFindings(root, result.outputs, layout)].sort(compareDiagnostics);
    io.stdout(report(diagnostics, format));
    return diagnostics.some(isBlocking) ? 1 : 0;
  }
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
    const refused = escaping.length > 0 ? escaping : foreignOutputs(root, result.outputs, layout.output);
    diagnostics = [...diagnostics, ...refused].sort(compareDiagnostics);
    blocked = refused.length > 0;
  }
  io.stdout(report(diagnostics, 'text'));
  if (blocked) {
    io.stderr(`statespec: errors found; ${layout.output}/ was not changed.\n`);
    return 1;
  }
  const { written, removed } = writeOutputs(root, result.outputs, layout.output);
  io.stderr(`statespec: ${result.outputs.length} outputs, ${written.length} written, ${removed.length} removed.\n`);
  return 0;
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

interface SourceCommandOptions {
  root?: string | undefined;
  format?: string | undefined;
  spec?: string | undefined;
  locale?: string | undefined;
  variant?: string | undefined;
}

/** What `locale add` and `init` share: one FILE read within the size limit, a pure command on sources/, then its writes or nothing. */
interface SourceCommand {
  name: string;
  /** A usage problem of this command's own options, or undefined. */
  misuse: (options: SourceCommandOptions) => string | undefined;
  run: (
    files: ProjectFile[],
    input: { path: string; rootPath: string; bytes: Uint8Array },
    options: SourceCommandOptions & { spec: string; locale: string },
    context: { limits: Limits; layout: Layout; assets: Assets },
  ) => {
    writes: { path: string; content: string | Uint8Array }[];
    diagnostics: Diagnostic[];
    actions: string[];
  };
}

const LOCALE_ADD: SourceCommand = {
  name: 'locale add',
  misuse: (options) => (options.format !== undefined ? '--format is only for check' : undefined),
  run: (files, input, options, { limits, layout, assets }) => {
    const request: AddLocaleRequest = { files, schemas: assets.schemas, limits, specId: options.spec, locale: options.locale, input, layout };
    if (options.variant !== undefined) request.variant = options.variant;
    return addLocale(request);
  },
};

const INIT: SourceCommand = {
  name: 'init',
  misuse: (options) =>
    options.format !== undefined
      ? '--format is only for check'
      : options.variant !== undefined
        ? '--variant is only for locale add; init writes the reference as sources/ID/TAG.md'
        : undefined,
  run: (files, input, options, { layout }) => initArticle({ files, specId: options.spec, locale: options.locale, input, layout }),
};

function runSourceCommand(command: SourceCommand, files: string[], options: SourceCommandOptions, limits: Limits, io: CliIo): number {
  const { spec, locale } = options;
  if (files.length !== 1 || spec === undefined || locale === undefined) {
    io.stderr(`statespec: ${command.name} needs --spec ID, --locale TAG and exactly one FILE\n\n${USAGE}\n`);
    return 2;
  }
  const misuse = command.misuse(options);
  if (misuse !== undefined) {
    io.stderr(`statespec: ${misuse}\n`);
    return 2;
  }
  const root = resolve(options.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    io.stderr(`statespec: the root ${root} is not a folder; run from the project root or pass --root DIR.\n`);
    return 2;
  }
  if (command !== INIT && !existsSync(join(root, 'sources')) && !existsSync(join(root, LAYOUT_FILE))) {
    io.stderr(`statespec: ${root} has neither a sources/ folder nor a ${LAYOUT_FILE}; start the article with statespec init first.\n`);
    return 2;
  }
  const file = files[0]!;
  let bytes: Uint8Array;
  try {
    const size = statSync(resolve(file)).size;
    if (size > limits.maxSourceBytes) {
      io.stderr(`statespec: ${file} is ${size} bytes, over the ${limits.maxSourceBytes}-byte limit (--max-source-bytes); nothing was written.\n`);
      return 1;
    }
    bytes = readFileSync(resolve(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a document'
          : code === 'EACCES'
            ? 'permission denied'
            : (code ?? (error as Error).message);
    io.stderr(`statespec: cannot read ${file}: ${why}. Give the path of the document, relative to the current folder.\n`);
    return 2;
  }
  try {
    const assets = loadAssets();
    const layout = layoutOf(root, io, assets);
    if (typeof layout === 'number') return layout;
    removeTemporaryFiles(root, layout);
    const rootPath = relative(root, resolve(file)).split(sep).join('/');
    const result = command.run(
      readProjectFiles(root, limits, layout),
      { path: file, rootPath, bytes },
      { ...options, spec, locale },
      { limits, layout, assets },
    );
    io.stdout(report(result.diagnostics, 'text'));
    if (result.diagnostics.some(isBlocking)) {
      io.stderr('statespec: nothing was written.\n');
      return 1;
    }
    for (const write of result.writes) writeAtomically(join(root, write.path), write.content);
    for (const action of result.actions) io.stderr(`statespec: ${action}\n`);
    return 0;
  } catch (error) {
    io.stderr(internalFailure(command.name, error));
    return 2;
  }
}

function parseLimits(maxSourceBytes: string | undefined, io: CliIo): Limits | undefined {
  const limits = limitsFrom(maxSourceBytes);
  if (!limits) io.stderr(`statespec: --max-source-bytes must be a positive whole number of bytes, not "${maxSourceBytes}"\n`);
  return limits;
}

function report(diagnostics: readonly Diagnostic[], format: Format): string {
  if (format === 'json') return formatJson(diagnostics);
  if (format === 'sarif') return formatSarif(diagnostics, toolVersion());
  return formatText(diagnostics);
}
