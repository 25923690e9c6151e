import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
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
import { compareStrings } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../emit/emit.js';
import { type PrecompiledTemplates, templatesHash } from '../emit/templates-hash.js';
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
    schemas: { config: schema('config.schema.json'), terms: schema('terms.schema.json'), spec: schema('spec.schema.json') },
    templates,
  };
  const file = join(packageDir, PRECOMPILED_VALIDATORS);
  if (precompiled && existsSync(file)) {
    const module = createRequire(import.meta.url)(file) as PrecompiledValidators;
    if (module.schemasHash === schemasHash(assets.schemas))
      assets.validators = { config: module.config, terms: module.terms, spec: module.spec, schemasHash: module.schemasHash };
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
function listEntries(root: string, dir: string): { path: string; link: boolean }[] {
  const start = join(root, dir);
  if (!existsSync(start)) return [];
  const found: { path: string; link: boolean }[] = [];
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() || entry.isSymbolicLink()) found.push({ path: relative(root, path).split(sep).join('/'), link: entry.isSymbolicLink() });
    }
  };
  visit(start);
  return found.sort((a, b) => compareStrings(a.path, b.path));
}

const isTemporary = (path: string): boolean => path.split('/').pop()!.startsWith(TEMP_PREFIX);

/**
 * Every file under sources/, but our own temporary files. One over the size
 * limit is not read (the loader reports it by its size); a symbolic link is
 * not followed (the loader reports it), since it could point anywhere.
 */
export function readProjectFiles(root: string, limits: Limits = DEFAULT_LIMITS): ProjectFile[] {
  return listEntries(root, 'sources')
    .filter((entry) => !isTemporary(entry.path))
    .map(({ path, link }) => {
      if (link) return { path, bytes: new Uint8Array(0), symbolicLink: true };
      const size = statSync(join(root, path)).size;
      return size > limits.maxSourceBytes ? { path, bytes: new Uint8Array(0), size } : { path, bytes: readFileSync(join(root, path)) };
    });
}

/**
 * Output paths that could land outside root/generated/: through `..`, or
 * through a symbolic link (dangling or not) on the way, generated/ itself
 * included (a generated/ that links to the project root would otherwise have
 * its "stale" files, the sources, removed). The pipeline already refuses
 * unsafe names; this is the writer's own check of the disk it writes to.
 */
export function outputsOutsideGenerated(root: string, paths: readonly string[]): string[] {
  const generated = resolve(root, 'generated');
  const top = lstatIfAny(generated);
  if (top && !top.isDirectory()) return [...paths];
  return paths.filter((path) => {
    const target = resolve(root, path);
    if (!target.startsWith(generated + sep)) return true;
    for (let folder = dirname(target); folder !== generated; folder = dirname(folder)) {
      const stat = lstatIfAny(folder);
      // lstat does not follow links: a link (or a file) where a folder should be is refused.
      if (stat && !stat.isDirectory()) return true;
    }
    const existing = lstatIfAny(target);
    return existing !== undefined && !existing.isFile();
  });
}

function lstatIfAny(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The current contents of generated/, skipping our own temporary files. */
export function readGenerated(root: string): Map<string, string> {
  const existing = new Map<string, string>();
  for (const path of listFiles(root, 'generated')) {
    if (path.split('/').pop()!.startsWith(TEMP_PREFIX)) continue;
    existing.set(path, readFileSync(join(root, path), 'utf8'));
  }
  return existing;
}

/**
 * Brings generated/ to exactly `outputs`. Each file is written to a temporary
 * name in its own folder, flushed, then renamed over the old one, so a reader
 * (or a crash) sees the complete old or the complete new file, never half.
 */
export function writeOutputs(root: string, outputs: readonly OutputFile[]): { written: string[]; removed: string[] } {
  const existing = readGenerated(root);
  const written: string[] = [];
  for (const output of outputs) {
    if (existing.get(output.path) === output.content) continue;
    writeAtomically(join(root, output.path), output.content);
    written.push(output.path);
  }
  const wanted = new Set(outputs.map((output) => output.path));
  const removed = [...existing.keys()].filter((path) => !wanted.has(path));
  for (const path of removed) rmSync(join(root, path));
  removeEmptyFolders(join(root, 'generated'));
  return { written, removed };
}

export function writeAtomically(path: string, content: string | Uint8Array): void {
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
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
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
 * Leftovers of a run (build or locale add) that was killed between writing and
 * renaming, in generated/ and sources/; a live run's files are left alone.
 */
export function removeTemporaryFiles(root: string): void {
  for (const path of [...listFiles(root, 'generated'), ...listFiles(root, 'sources')]) {
    const name = path.split('/').pop()!;
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const pid = Number(name.slice(TEMP_PREFIX.length).split('-')[0]);
    if (pid !== process.pid && isAlive(pid)) continue;
    rmSync(join(root, path), { force: true });
  }
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

function removeEmptyFolders(folder: string): void {
  if (!existsSync(folder) || !lstatSync(folder).isDirectory()) return;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyFolders(join(folder, entry.name));
  }
  if (readdirSync(folder).length === 0) rmdirSync(folder);
}
