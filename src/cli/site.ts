import { existsSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { isBlocking, summarize } from '../diagnostics/diagnostic.js';
import { formatText } from '../diagnostics/report/text.js';
import { createRenderer } from '../emit/render.js';
import { LAYOUT_FILE, type Layout } from '../load/layout.js';
import type { Limits } from '../load/types.js';
import { compile } from '../pipeline.js';
import { buildSite, type SiteFile } from '../site/site.js';
import { isLeftover, layoutFolders, listFiles, loadAssets, lstatIfAny, readProjectFiles, removeEmptyFolders, writeAtomically } from './files.js';
import { readLayout } from './layout.js';
import { internalFailure } from './options.js';

/** In the site's folder: the files the last `statespec site` wrote there, so that the next one removes only those. */
export const SITE_MARKER = '.statespec-site.json';

/** The parsed command line (parseArgs in main.ts); site takes --out, --root and --max-source-bytes. */
export interface SiteOptions {
  out?: string | undefined;
  root?: string | undefined;
  [other: string]: string | boolean | undefined;
}

const NOT_FOR_SITE = ['format', 'spec', 'locale', 'variant', 'watch', 'no-cache', 'write'];

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * `statespec site --out DIR [--root DIR]`: compiles the project in memory as
 * `statespec build` does and writes only the review site, to DIR (never into
 * the output folder or the sources). Exit 0 when written, 1 when something
 * prevented writing, 2 on wrong usage.
 */
export function runSite(rest: readonly string[], options: SiteOptions, limits: Limits, io: Io, usage: string): number {
  const misplaced = rest.length > 0 ? `"${rest.join(' ')}"` : NOT_FOR_SITE.filter((name) => options[name] !== undefined).map((name) => `--${name}`)[0];
  if (misplaced !== undefined) {
    io.stderr(`statespec: site takes only --out DIR, --root DIR and --max-source-bytes N, not ${misplaced}\n\n${usage}\n`);
    return 2;
  }
  if (options.out === undefined || options.out.trim() === '') {
    io.stderr(
      `statespec: site needs --out DIR, the folder to write the site to (a new or empty folder, or one an earlier statespec site wrote; not inside the project's output folder or sources)\n\n${usage}\n`,
    );
    return 2;
  }
  const root = resolve(options.root ?? '.');
  if (!existsSync(join(root, 'sources')) && !existsSync(join(root, LAYOUT_FILE))) {
    io.stderr(`statespec: ${root} has neither a sources/ folder nor a ${LAYOUT_FILE}; run from the project root or pass --root DIR.\n`);
    return 2;
  }
  const out = resolve(options.out);
  try {
    const assets = loadAssets();
    const layout = readLayout(root, assets);
    if (!layout.value) {
      io.stdout(formatText(layout.diagnostics));
      io.stderr(`statespec: ${LAYOUT_FILE} cannot be used; the site was not written.\n`);
      return 1;
    }
    const protectedFolders = readFolders(layout.value).map((folder) => resolve(root, folder));
    const refusal = placeProblem(out, protectedFolders);
    if (refusal !== undefined) {
      io.stderr(
        `statespec: refusing --out ${options.out}: ${refusal}. Nothing was written; choose a folder outside the project's sources and output folder.\n`,
      );
      return 1;
    }
    const previous = previousSite(out);
    if (typeof previous === 'string') {
      io.stderr(`statespec: refusing --out ${options.out}: ${previous}. Nothing was written.\n`);
      return 1;
    }
    const result = compile({ files: readProjectFiles(root, limits, layout.value), assets, limits, layout: layout.value });
    const mermaid = readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8');
    const render = createRenderer(assets.templates, assets.precompiledTemplates);
    const files = buildSite({ result, output: layout.value.output, render, mermaid });
    const through = files.find((file) => linkOnTheWay(out, file.path));
    if (through) {
      io.stderr(
        `statespec: refusing to write ${join(out, through.path)}: a symbolic link or file stands where a folder of the site should be. Nothing was written.\n`,
      );
      return 1;
    }
    const blocking = result.diagnostics.filter(isBlocking);
    if (blocking.length > 0) io.stdout(formatText(blocking));
    const { written, removed } = writeSite(out, files, previous);
    const { errors, warnings, infos } = summarize(result.diagnostics);
    const pages = files.filter((file) => file.path.endsWith('.html') && file.path !== 'index.html').length;
    io.stderr(
      `statespec: site written to ${out} (open ${join(out, 'index.html')}): ${pages} pages, ${written.length} files written, ${removed.length} removed; the sources have ${errors} errors, ${warnings} warnings, ${infos} infos.\n`,
    );
    if (blocking.length > 0) io.stderr('statespec: the build is blocked by the errors above: the site shows the dashboard and its findings, without pages.\n');
    return 0;
  } catch (error) {
    io.stderr(internalFailure('site', error));
    return 1;
  }
}

/** The folders statespec build writes (the output) and reads (specs, articles, where each source pattern starts). */
function readFolders(layout: Layout): string[] {
  const starts = layout.articles.flatMap((article) =>
    article.sources.map((pattern) => {
      const segments = pattern.path.split('/');
      const fixed = segments.slice(
        0,
        segments.findIndex((segment) => segment.includes('{locale}')),
      );
      return (fixed.length > 0 ? fixed : segments.slice(0, -1)).join('/') || '.';
    }),
  );
  return [layout.output, ...layoutFolders(layout), ...starts];
}

/** The real path of `path`, or of its nearest existing folder joined with the rest. */
function realPath(path: string): string {
  const missing: string[] = [];
  for (let current = path; ; current = dirname(current)) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch {
      if (dirname(current) === current) return path;
      missing.push(current.slice(dirname(current).length).replace(/^[\\/]/, ''));
    }
  }
}

const inside = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

/** Why the site may not go to `out`: inside (or holding) a folder statespec reads or builds into. */
function placeProblem(out: string, protectedFolders: readonly string[]): string | undefined {
  const real = realPath(out);
  for (const folder of protectedFolders) {
    const target = realPath(folder);
    if (inside(real, target)) return `it is inside ${folder}, which statespec build writes or reads`;
    if (inside(target, real)) return `it holds ${folder}, which statespec build writes or reads`;
  }
  return undefined;
}

/** A marker path is ours to remove only when it is a plain relative path inside the folder. */
const safeListed = (path: unknown): path is string =>
  typeof path === 'string' &&
  path !== SITE_MARKER &&
  !path.includes('\\') &&
  !/^[/]|^[A-Za-z]:/.test(path) &&
  path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');

/**
 * The files an earlier `statespec site` wrote to `out` (none for a missing or
 * empty folder), or why `out` cannot take the site: not a folder, or a
 * non-empty folder that statespec site did not make.
 */
function previousSite(out: string): string[] | string {
  const stat = lstatIfAny(out);
  if (!stat) return [];
  if (stat.isSymbolicLink()) {
    const target = realPath(out);
    if (!lstatIfAny(target)?.isDirectory()) return 'it is a symbolic link to something other than a folder';
  } else if (!stat.isDirectory()) return 'it is a file, not a folder';
  const entries = readdirSync(out);
  if (entries.length === 0) return [];
  const marker = lstatIfAny(join(out, SITE_MARKER));
  if (!marker?.isFile()) {
    return `the folder is not empty and statespec site did not make it (it has no ${SITE_MARKER}); give a new or empty folder, or remove its files yourself`;
  }
  try {
    const parsed = JSON.parse(readFileSync(join(out, SITE_MARKER), 'utf8')) as { files?: unknown };
    if (!Array.isArray(parsed.files)) throw new Error('no files list');
    return parsed.files.filter(safeListed);
  } catch {
    return `${SITE_MARKER} there is not what statespec site writes (a JSON object with a "files" list); remove the folder's files yourself, or give another folder`;
  }
}

/** A symbolic link, or a file, on the way from `out` to `path` (or at `path` itself, other than a file). */
function linkOnTheWay(out: string, path: string): boolean {
  const segments = path.split('/');
  let current = out;
  for (const [index, segment] of segments.entries()) {
    current = join(current, segment);
    const stat = lstatIfAny(current);
    if (!stat) return false;
    if (index < segments.length - 1 ? !stat.isDirectory() : !stat.isFile()) return true;
  }
  return false;
}

const markerText = (files: readonly string[]): string =>
  `${JSON.stringify({ $comment: 'Written by statespec site: the files it made here. The next statespec site removes only these.', files: [...files].sort() }, null, 2)}\n`;

/**
 * Writes the site: each file through a temporary name and a rename (never
 * half a file), and removes only files the previous marker lists that the
 * new site no longer has. The marker lists the old and new files together
 * until every write and removal is done, so a killed run leaves nothing the
 * next run does not know.
 */
function writeSite(out: string, files: readonly SiteFile[], previous: readonly string[]): { written: string[]; removed: string[] } {
  removeLeftovers(out);
  const wanted = new Set(files.map((file) => file.path));
  const stale = previous.filter((path) => !wanted.has(path) && !linkOnTheWay(out, path) && lstatIfAny(join(out, path))?.isFile() === true);
  writeAtomically(join(out, SITE_MARKER), markerText([...new Set([...previous, ...wanted])]));
  const written: string[] = [];
  for (const file of files) {
    const path = join(out, file.path);
    const current = lstatIfAny(path)?.isFile() ? readFileSync(path, 'utf8') : undefined;
    if (current === file.content) continue;
    writeAtomically(path, file.content);
    written.push(file.path);
  }
  for (const path of stale) {
    rmSync(join(out, path));
    removeEmptyFolders(dirname(join(out, path)), out);
  }
  writeAtomically(join(out, SITE_MARKER), markerText([...wanted]));
  return { written, removed: stale };
}

/** Temporary files a killed run left in the site's folder (a live run's are kept). */
function removeLeftovers(out: string): void {
  if (!lstatIfAny(out)?.isDirectory()) return;
  for (const path of listFiles(out, '.')) if (isLeftover(path)) rmSync(join(out, path), { force: true });
}
