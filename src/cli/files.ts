import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutputFile } from '../emit/emit.js';
import { DEFAULT_LIMITS, type Limits, type ProjectFile } from '../load/types.js';
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

/** Reads the schemas and templates shipped with statespec. */
export function loadAssets(packageDir: string = PACKAGE_DIR): Assets {
  const schema = (name: string): object => JSON.parse(readFileSync(join(packageDir, 'schema', name), 'utf8')) as object;
  const templates: Record<string, string> = {};
  for (const name of readdirSync(join(packageDir, 'templates')).sort()) {
    if (name.endsWith('.hbs')) templates[name.slice(0, -'.hbs'.length)] = readFileSync(join(packageDir, 'templates', name), 'utf8');
  }
  return {
    schemas: { config: schema('config.schema.json'), terms: schema('terms.schema.json'), spec: schema('spec.schema.json') },
    templates,
  };
}

/** Every regular file below `dir` (symbolic links are not followed), as root-relative `/` paths. */
export function listFiles(root: string, dir: string): string[] {
  const start = join(root, dir);
  if (!existsSync(start)) return [];
  const found: string[] = [];
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  visit(start);
  return found.sort();
}

/** Every file under sources/; one over the size limit is not read (the loader reports it by its size). */
export function readProjectFiles(root: string, limits: Limits = DEFAULT_LIMITS): ProjectFile[] {
  return listFiles(root, 'sources').map((path) => {
    const size = statSync(join(root, path)).size;
    return size > limits.maxSourceBytes ? { path, bytes: new Uint8Array(0), size } : { path, bytes: readFileSync(join(root, path)) };
  });
}

/**
 * Output paths that would resolve outside root/generated/, through `..` or
 * through a symbolic link on the way (generated/ itself, or a folder in it).
 * The pipeline already refuses unsafe names; this is the writer's own check.
 */
export function outputsOutsideGenerated(root: string, paths: readonly string[]): string[] {
  const generated = resolve(root, 'generated');
  const inside = (path: string, folder: string): boolean => path === folder || path.startsWith(folder + sep);
  const lexicallyOutside = (path: string): boolean => !inside(resolve(root, path), generated) || resolve(root, path) === generated;
  if (!existsSync(generated)) return paths.filter(lexicallyOutside);
  const realGenerated = realpathSync(generated);
  if (!inside(realGenerated, realpathSync(root))) return [...paths];
  return paths.filter((path) => {
    if (lexicallyOutside(path)) return true;
    let existing = dirname(resolve(root, path));
    while (!existsSync(existing)) existing = dirname(existing);
    return !inside(realpathSync(existing), realGenerated);
  });
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
  removeTemporaryFiles(root);
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

/** Leftovers of a run that was killed between writing and renaming; a live run's files are left alone. */
function removeTemporaryFiles(root: string): void {
  for (const path of listFiles(root, 'generated')) {
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
