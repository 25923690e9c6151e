import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { type Diagnostic, isBlocking } from '../diagnostics/diagnostic.js';
import { initArticle } from '../init/init.js';
import { LAYOUT_FILE, type Layout } from '../load/layout.js';
import { DEFAULT_LIMITS, type Limits, type ProjectFile } from '../load/types.js';
import { type AddLocaleRequest, addLocale } from '../locale/add.js';
import type { Assets } from '../pipeline.js';
import { layoutOf, type Prepared, prepareBuild, report, runBuild, runBuildAsync } from './build.js';
import { loadAssets, readProjectFiles, removeTemporaryFiles, toolVersion, writeAtomically } from './files.js';
import { runFix } from './fix.js';
import { CLI_OPTIONS, type CliIo, internalFailure, jobsFrom, limitsFrom } from './options.js';
import { defaultJobs } from './parallel.js';
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

export { outputFindings } from './build.js';
export type { CliIo } from './options.js';

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
  return runBuild(prepared, io);
}

/**
 * The command line's entry: build and check compile the articles on
 * `--jobs` worker threads (default: as many as pay), with the same result as
 * run(); `--watch` goes to runWatch(), and every other command runs as in run().
 */
export async function runAsync(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  if (argv.includes('--watch')) return runWatch(argv, io);
  const prepared = prepare(argv, io);
  if (typeof prepared === 'number') return prepared;
  return runBuildAsync(prepared, io);
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

/** Parses and checks the arguments; a number is the exit code of a run that ends here (usage, help, locale add). */
function prepare(argv: readonly string[], io: CliIo): Prepared | number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: CLI_OPTIONS });
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
  return prepareBuild(command, values, limits, jobs, io);
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
