import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareStrings, diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../emit/emit.js';
import { MANIFEST_NAME, manifestFiles } from '../emit/manifest.js';
import { type PrecompiledTemplates, templatesHash } from '../emit/templates-hash.js';
import { BANNER_START } from '../load/banner.js';
import { compilePattern, DEFAULT_LAYOUT, DEFAULT_REGENERATE, LAYOUT_FILE, type Layout, type SourcePattern, segmentPattern } from '../load/layout.js';
import { DEFAULT_LIMITS, type Limits, type ProjectFile } from '../load/types.js';
import { type PrecompiledValidators, schemasHash } from '../load/validators.js';
import type { Assets } from '../pipeline.js';

/** The statespec package folder (holds schema/ and templates/), from src/ or from dist/src/. */
export const PACKAGE_DIR = findPackageDir(dirname(fileURLToPath(import.meta.url)));

function findPackageDir(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return dir;
    if (dirname(dir) === dir) throw new Error(`statespec cannot find its own package folder above ${start}.`);
  }
}

export const TEMP_PREFIX = '.statespec-tmp-';

export function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Where `npm run compile` writes the validators precompiled from schema/ (src/cli/precompile.ts). */
export const PRECOMPILED_VALIDATORS = 'dist/validators.cjs';
/** Where `npm run compile` writes the templates precompiled from templates/. */
export const PRECOMPILED_TEMPLATES = 'dist/templates.cjs';

/**
 * Reads the schemas and templates shipped with statespec, and the validators
 * precompiled from those very schemas when there are any (a changed schema
 * is compiled at run time instead, never checked with stale code).
 */
export function loadAssets(packageDir: string = PACKAGE_DIR, { precompiled = true } = {}): Assets {
  const schema = (name: string): object => JSON.parse(readFileSync(join(packageDir, 'schema', name), 'utf8')) as object;
  const templates: Record<string, string> = {};
  for (const name of readdirSync(join(packageDir, 'templates')).sort()) {
    if (name.endsWith('.hbs')) templates[name.slice(0, -'.hbs'.length)] = readFileSync(join(packageDir, 'templates', name), 'utf8');
  }
  const assets: Assets = {
    schemas: {
      config: schema('config.schema.json'),
      terms: schema('terms.schema.json'),
      spec: schema('spec.schema.json'),
      layout: schema('statespec.schema.json'),
    },
    templates,
  };
  const file = join(packageDir, PRECOMPILED_VALIDATORS);
  if (precompiled && existsSync(file)) {
    const module = createRequire(import.meta.url)(file) as PrecompiledValidators;
    if (module.schemasHash === schemasHash(assets.schemas))
      assets.validators = { config: module.config, terms: module.terms, spec: module.spec, layout: module.layout, schemasHash: module.schemasHash };
  }
  const templatesFile = join(packageDir, PRECOMPILED_TEMPLATES);
  if (precompiled && existsSync(templatesFile)) {
    const module = createRequire(import.meta.url)(templatesFile) as PrecompiledTemplates;
    if (module.templatesHash === templatesHash(assets.templates))
      assets.precompiledTemplates = { templatesHash: module.templatesHash, templates: module.templates };
  }
  return assets;
}

/** Every regular file below `dir` (symbolic links are not followed), as root-relative `/` paths. */
export function listFiles(root: string, dir: string): string[] {
  return listEntries(root, dir)
    .filter((entry) => !entry.link)
    .map((entry) => entry.path);
}

/** Regular files and symbolic links (not followed) below `dir`, sorted. */
function listEntries(root: string, dir: string): ProjectEntry[] {
  const start = join(root, dir);
  if (!existsSync(start)) return [];
  const found: ProjectEntry[] = [];
  // Root-relative paths are built as the walk goes: path.relative per file is a tenth of a no-op run at 10,000 sources.
  const base = relative(root, start).split(sep).join('/');
  const visit = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) visit(join(folder, entry.name), path);
      else if (entry.isFile() || entry.isSymbolicLink()) found.push({ path, link: entry.isSymbolicLink() });
    }
  };
  visit(start, base);
  return found.sort((a, b) => compareStrings(a.path, b.path));
}

/** A file statespec reads, by its root-relative path; a symbolic link is listed, never followed. */
export interface ProjectEntry {
  path: string;
  link: boolean;
}

const isTemporary = (path: string): boolean => path.split('/').pop()!.startsWith(TEMP_PREFIX);

/**
 * What a layout takes from the project's package.json: the command the
 * banners name (its own script that runs `statespec build`, else
 * `npx statespec build`) and where `$schema` references point (schema/ in
 * statespec's own repository, else node_modules/statespec/schema), so that
 * every machine writes the same files.
 */
export function layoutDefaults(root: string): Pick<Layout, 'schemaDir' | 'regenerate'> {
  const manifest = projectManifest(root);
  return { schemaDir: manifest?.name === 'statespec' ? 'schema' : 'node_modules/statespec/schema', regenerate: buildScript(manifest) };
}

/** The layout of a project without statespec.config.json: sources/ and generated/. */
export function defaultLayout(root: string): Layout {
  return { ...DEFAULT_LAYOUT, ...layoutDefaults(root) };
}

interface PackageManifest {
  name?: unknown;
  scripts?: Record<string, unknown>;
}

function projectManifest(root: string): PackageManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageManifest;
  } catch {
    // No package.json, or not JSON: the defaults.
    return undefined;
  }
}

/** The project's npm script that runs `statespec build` (not --watch), as `npm run <name>`; else `npx statespec build`. */
function buildScript(manifest: PackageManifest | undefined): string {
  const scripts = manifest?.scripts ?? {};
  const name = Object.keys(scripts)
    .sort(compareStrings)
    .find((candidate) => {
      const script = scripts[candidate];
      return typeof script === 'string' && /\bstatespec(?:\.js)? build\b/.test(script) && !script.includes('--watch');
    });
  return name === undefined ? DEFAULT_REGENERATE : `npm run ${name}`;
}

/** The folders a layout reads whole: the specs folder and each article's folder. */
export function layoutFolders(layout: Layout): string[] {
  return [...new Set([layout.specs, ...layout.articles.map((article) => article.dir)])];
}

/**
 * Every file the layout reads, but our own temporary files: the specs
 * folder (sources/), each article's folder, every file a source pattern
 * names, and statespec.config.json itself. One over the size limit is not
 * read (the loader reports it by its size); a symbolic link is not followed
 * (the loader reports it), since it could point anywhere.
 */
export function readProjectFiles(root: string, limits: Limits = DEFAULT_LIMITS, layout: Layout = DEFAULT_LAYOUT): ProjectFile[] {
  return projectEntries(root, layout).files.map(({ path, link }) => {
    if (link) return { path, bytes: new Uint8Array(0), symbolicLink: true };
    const size = statSync(join(root, path)).size;
    return size > limits.maxSourceBytes ? { path, bytes: new Uint8Array(0), size } : { path, bytes: readFileSync(join(root, path)) };
  });
}

/**
 * What readProjectFiles reads, sorted by path, without reading it; and the
 * temporary files of ours found on the way, which it skips.
 */
export function projectEntries(root: string, layout: Layout = DEFAULT_LAYOUT): { files: ProjectEntry[]; temporary: string[] } {
  const entries = new Map<string, ProjectEntry>();
  for (const folder of layoutFolders(layout)) for (const entry of listEntries(root, folder)) entries.set(entry.path, entry);
  for (const article of layout.articles)
    for (const pattern of article.sources) for (const entry of expandPattern(root, pattern)) entries.set(entry.path, entry);
  if (existsSync(join(root, LAYOUT_FILE))) entries.set(LAYOUT_FILE, { path: LAYOUT_FILE, link: false });
  const files: ProjectEntry[] = [];
  const temporary: string[] = [];
  for (const entry of entries.values()) {
    if (isTemporary(entry.path)) temporary.push(entry.path);
    else files.push(entry);
  }
  return { files: files.sort((a, b) => compareStrings(a.path, b.path)), temporary };
}

/**
 * The files a source pattern names, found folder by folder: only the folders
 * on the pattern's way are listed, never the whole tree.
 */
export function expandPattern(root: string, pattern: SourcePattern): { path: string; link: boolean }[] {
  const matcher = compilePattern(pattern);
  const segments = pattern.path.split('/');
  const links: { path: string; link: boolean }[] = [];
  let candidates = [''];
  segments.forEach((segment, index) => {
    const under = (prefix: string, name: string): string => (prefix === '' ? name : `${prefix}/${name}`);
    if (!segment.includes('{locale}')) candidates = candidates.map((prefix) => under(prefix, segment));
    else {
      const part = segmentPattern(segment);
      candidates = candidates.flatMap((prefix) =>
        isFolder(resolve(root, prefix))
          ? readdirSync(resolve(root, prefix))
              .filter((name) => part.test(name))
              .map((name) => under(prefix, name))
          : [],
      );
    }
    if (index === segments.length - 1 || segment === '..') return;
    // A folder on the way that is a symbolic link is not followed; the loader reports it as a link.
    candidates = candidates.filter((path) => {
      if (lstatIfAny(resolve(root, path))?.isSymbolicLink() !== true) return true;
      links.push({ path, link: true });
      return false;
    });
  });
  const files = candidates.flatMap((path) => {
    const stat = lstatIfAny(resolve(root, path));
    if (!stat || (!stat.isFile() && !stat.isSymbolicLink()) || !matcher.match(path)) return [];
    return [{ path, link: stat.isSymbolicLink() }];
  });
  return [...links, ...files];
}

function isFolder(path: string): boolean {
  return lstatIfAny(path)?.isDirectory() === true;
}

/**
 * Output paths that could land outside the output folder: through `..`, or
 * through a symbolic link (dangling or not) on the way, the output folder
 * itself included (one that links to the project root would otherwise have
 * its "stale" files, the sources, removed). The pipeline already refuses
 * unsafe names; this is the writer's own check of the disk it writes to.
 */
export function outputsOutsideGenerated(root: string, paths: readonly string[], output: string = DEFAULT_LAYOUT.output): string[] {
  const generated = resolve(root, output);
  if (!generated.startsWith(resolve(root) + sep)) return [...paths];
  for (let folder = generated; folder !== resolve(root); folder = dirname(folder)) {
    const stat = lstatIfAny(folder);
    if (stat && !stat.isDirectory()) return [...paths];
  }
  // Outputs share their folders: each is looked at once (10,000 outputs sit in a few hundred folders).
  const notFolder = new Map<string, boolean>();
  const isNotFolder = (folder: string): boolean => {
    let known = notFolder.get(folder);
    if (known === undefined) {
      const stat = lstatIfAny(folder);
      known = stat !== undefined && !stat.isDirectory();
      notFolder.set(folder, known);
    }
    return known;
  };
  return paths.filter((path) => {
    const target = resolve(root, path);
    if (!target.startsWith(generated + sep)) return true;
    // lstat does not follow links: a link (or a file) where a folder should be is refused.
    for (let folder = dirname(target); folder !== generated; folder = dirname(folder)) if (isNotFolder(folder)) return true;
    const existing = lstatIfAny(target);
    return existing !== undefined && !existing.isFile();
  });
}

/**
 * Output paths where a file exists that statespec did not write: not listed
 * in the manifest, not carrying statespec's banner, and not already what
 * would be written. A build refuses to overwrite them (a shared output folder
 * may hold the docs team's own files).
 */
export function foreignOutputs(root: string, outputs: readonly OutputFile[], output: string = DEFAULT_LAYOUT.output): Diagnostic[] {
  const ours = new Set(previousOutputs(root, output));
  return outputs.flatMap((file) => {
    if (ours.has(file.path)) return [];
    const current = readIfFile(join(root, file.path));
    if (current === undefined || current === file.content || hasBanner(current)) return [];
    return [
      diagnostic('output-conflict', {
        at: { file: file.path, line: 1, column: 1 },
        message: `${file.path} exists and statespec did not write it (it is not in ${output}/${MANIFEST_NAME} and has no statespec banner), so build refuses to overwrite it and writes nothing. Move that file, or choose another "output" folder in ${LAYOUT_FILE}.`,
      }),
    ];
  });
}

/** statespec's "do not edit" banner, where every output carries it: in its first lines. */
function hasBanner(text: string): boolean {
  return text.split('\n', 4).some((line) => line.includes(BANNER_START));
}

function readIfFile(path: string): string | undefined {
  const stat = lstatIfAny(path);
  return stat?.isFile() ? readFileSync(path, 'utf8') : undefined;
}

/** The files the last build wrote, from the manifest in the output folder; none without one. */
export function previousOutputs(root: string, output: string = DEFAULT_LAYOUT.output): string[] {
  const text = readIfFile(join(root, output, MANIFEST_NAME));
  return text === undefined ? [] : (manifestFiles(text, output) ?? []);
}

/**
 * What is at a path, without following a link. Typed by what callers ask, not
 * as node:fs's Stats: this module's declarations are part of the package's
 * types, and a consumer without @types/node must be able to read them.
 */
export interface PathKind {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

export function lstatIfAny(path: string): PathKind | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * What statespec's outputs are now: the content at every path that
 * `outputs` names or the last build's manifest lists, where a file is.
 * Nothing else in the output folder is read: it may be shared with the docs.
 */
export function readGenerated(root: string, outputs: readonly string[] = [], output: string = DEFAULT_LAYOUT.output): Map<string, string> {
  return contentsAt(root, [...outputs, ...previousOutputs(root, output)]);
}

/** The content at each of `paths` where a regular file is, sorted by path. */
function contentsAt(root: string, paths: readonly string[]): Map<string, string> {
  const existing = new Map<string, string>();
  for (const path of [...new Set(paths)].sort(compareStrings)) {
    const content = readIfFile(join(root, path));
    if (content !== undefined) existing.set(path, content);
  }
  return existing;
}

/**
 * Brings the outputs to exactly `outputs`. Each file is written to a
 * temporary name in its own folder, flushed, then renamed over the old one,
 * so a reader (or a crash) sees the complete old or the complete new file,
 * never half. Only files the last build's manifest lists are removed, and
 * only the folders that removing them empties.
 *
 * The manifest never lists less than what is on disk: before the first
 * write it lists the old and the new files together, and only once every
 * file is written and every stale one removed does it list just the new. A
 * build killed at any moment leaves no file that the next build does not know.
 */
export function writeOutputs(root: string, outputs: readonly OutputFile[], output: string = DEFAULT_LAYOUT.output): { written: string[]; removed: string[] } {
  const manifestPath = `${output}/${MANIFEST_NAME}`;
  const manifest = outputs.find((file) => file.path === manifestPath);
  const files = outputs.filter((file) => file !== manifest);
  const previous = previousOutputs(root, output);
  const existing = contentsAt(root, [...outputs.map((file) => file.path), ...previous]);
  const wanted = new Set(outputs.map((file) => file.path));
  // Never remove through a symbolic link: a listed path reached through one is left where it is.
  const candidates = [...existing.keys()].filter((path) => !wanted.has(path));
  const unsafe = new Set(outputsOutsideGenerated(root, candidates, output));
  const removed = candidates.filter((path) => !unsafe.has(path));
  const changed = files.filter((file) => existing.get(file.path) !== file.content);
  const written: string[] = [];
  if (manifest && (changed.length > 0 || removed.length > 0)) {
    const both = [...new Set([...previous, ...outputs.map((file) => file.path)])].sort(compareStrings);
    writeAtomically(join(root, manifestPath), `${JSON.stringify({ ...(JSON.parse(manifest.content) as object), files: both }, null, 2)}\n`);
  }
  for (const file of changed) {
    writeAtomically(join(root, file.path), file.content);
    written.push(file.path);
  }
  for (const path of removed) {
    rmSync(join(root, path));
    removeEmptyFolders(dirname(join(root, path)), resolve(root, output));
  }
  if (manifest && readIfFile(join(root, manifestPath)) !== manifest.content) {
    writeAtomically(join(root, manifestPath), manifest.content);
    written.push(manifestPath);
  }
  return { written, removed };
}

export function writeAtomically(path: string, content: string | Uint8Array): void {
  const temporary = writeTemporary(path, content);
  try {
    moveIntoPlace(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes `content`, flushed, to a new temporary file in `path`'s folder (made
 * if missing) and returns its path; nothing is left behind if that fails.
 * Renaming it over `path` (moveIntoPlace) then replaces the file whole, and
 * a run that writes several files can write them all before it replaces any.
 */
export function writeTemporary(path: string, content: string | Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    // Write and flush through one writable descriptor (fsync on a read-only one fails on Windows).
    const descriptor = openSync(temporary, 'w');
    try {
      writeFileSync(descriptor, content);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return temporary;
}

/** Renames a temporary file from writeTemporary over `path`, durably. */
export function moveIntoPlace(temporary: string, path: string): void {
  renameSync(temporary, path);
  syncFolder(dirname(path));
}

/** Makes the rename itself durable; not every platform can open a folder, which is fine. */
function syncFolder(folder: string): void {
  try {
    const descriptor = openSync(folder, 'r');
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  }
}

/**
 * Leftovers of a run (build, locale add or init) that was killed between
 * writing and renaming, in the output folder and the folders statespec reads;
 * a live run's files are left alone.
 */
export function removeTemporaryFiles(root: string, layout: Layout = DEFAULT_LAYOUT): void {
  for (const folder of [layout.output, ...layoutFolders(layout)]) {
    for (const path of listFiles(root, folder)) if (isLeftover(path)) rmSync(join(root, path), { force: true });
  }
}

/** A temporary file (writeAtomically's) of this run or of a run that is gone; a live run's is not. */
export function isLeftover(path: string): boolean {
  const name = path.split('/').pop()!;
  if (!name.startsWith(TEMP_PREFIX)) return false;
  const pid = Number(name.slice(TEMP_PREFIX.length).split('-')[0]);
  return pid === process.pid || !isAlive(pid);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `folder` and the folders above it, up to `top` (kept), while they are empty. */
export function removeEmptyFolders(folder: string, top: string): void {
  for (let current = folder; current.startsWith(top + sep) && isFolder(current) && readdirSync(current).length === 0; current = dirname(current)) {
    rmdirSync(current);
  }
}
