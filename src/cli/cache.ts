import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareStrings, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Layout } from '../load/layout.js';
import type { Limits, ProjectFile } from '../load/types.js';
import { PACKAGE_DIR, writeAtomically } from './files.js';

/**
 * The result of the last full run on a root, keyed by a content hash of
 * everything that decides it: every file under sources/ (path and bytes, or
 * size and link-ness where the reader does not read), the templates and
 * schemas, the limits, the tool's version and its own code. Whatever changes,
 * the key changes, so a hit can only replay what a full run would print.
 */
export interface CacheEntry {
  key: string;
  diagnostics: Diagnostic[];
  /** sha256 of every output, by path; empty when errors blocked the outputs. */
  outputs: Record<string, string>;
}

const CACHE_FORMAT = 1;

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Where the tool's own code is: the compiled dist/src, or src under a test runner. */
const CODE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const codeHashes = new Map<string, string>();

/** A hash of the tool's own code, read once per process. */
function toolCode(codeRoot: string): string {
  const known = codeHashes.get(codeRoot);
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(js|ts)$/.test(entry.name)) hash.update(`${path.slice(codeRoot.length)}\0`).update(readFileSync(path));
    }
  };
  visit(codeRoot);
  const digest = hash.digest('hex');
  codeHashes.set(codeRoot, digest);
  return digest;
}

/** The files of the tool's package that shape the output: templates and schemas. */
function assetFiles(packageDir: string): string[] {
  return ['templates', 'schema'].flatMap((folder) =>
    readdirSync(join(packageDir, folder))
      .sort()
      .map((name) => join(packageDir, folder, name)),
  );
}

/** Where the tool is; tests point these at copies to prove that any change to them changes the key. */
export interface ToolLocation {
  packageDir: string;
  codeDir: string;
}

/**
 * Besides the tool's own files: the Node.js and ICU versions (locale
 * canonicalization, CLDR names and NFKC come from them) and the installed
 * dependencies (the lock file, and the precompiled validators).
 */
function environment(packageDir: string): (string | Uint8Array)[] {
  const optional = (name: string): Uint8Array => (existsSync(join(packageDir, name)) ? readFileSync(join(packageDir, name)) : new Uint8Array());
  return [JSON.stringify([process.version, process.versions.icu, process.versions.unicode]), optional('package-lock.json'), optional('dist/validators.cjs')];
}

/** Each part is length-prefixed, so that no file's bytes can pass for the framing of the next one. */
function framed(hash: ReturnType<typeof createHash>, part: string | Uint8Array): void {
  const bytes = typeof part === 'string' ? Buffer.from(part) : part;
  hash.update(`${bytes.length}:`).update(bytes);
}

export function cacheKey(
  files: readonly ProjectFile[],
  limits: Limits,
  tool: ToolLocation = { packageDir: PACKAGE_DIR, codeDir: CODE_DIR },
  layout?: Pick<Layout, 'output' | 'regenerate' | 'schemaDir' | 'specs'>,
): string {
  const version = JSON.parse(readFileSync(join(tool.packageDir, 'package.json'), 'utf8')).version as string;
  const hash = createHash('sha256');
  // The layout carries what the project's package.json decides (the banner command, the schema folder), which no read file shows.
  const settings = layout ? JSON.stringify([layout.output, layout.regenerate, layout.schemaDir, layout.specs]) : '';
  for (const part of [
    `statespec-cache ${CACHE_FORMAT}`,
    version,
    toolCode(tool.codeDir),
    String(limits.maxSourceBytes),
    settings,
    ...environment(tool.packageDir),
  ])
    framed(hash, part);
  for (const path of assetFiles(tool.packageDir)) {
    framed(hash, path.slice(tool.packageDir.length));
    framed(hash, readFileSync(path));
  }
  for (const file of [...files].sort((a, b) => compareStrings(a.path, b.path))) {
    framed(hash, `${file.path}\0${file.symbolicLink ? 'link' : ''}\0${file.size ?? ''}`);
    framed(hash, file.bytes);
  }
  return hash.digest('hex');
}

/**
 * STATESPEC_CACHE_DIR when set; else node_modules/.cache/statespec/ of the
 * root, as tools conventionally do; else a folder of this user's in the OS
 * temp dir (another user's entries there are never read: see readCache).
 */
export function cacheFile(root: string): string {
  const name = `${sha256(root).slice(0, 16)}.json`;
  const chosen = process.env.STATESPEC_CACHE_DIR;
  if (chosen) return join(chosen, name);
  const modules = join(root, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'statespec', name) : join(tmpdir(), `statespec-cache-${process.getuid?.() ?? 'user'}`, name);
}

/** The entry, when the file is ours, well-formed and complete; anything else is a miss, never an error. */
export function readCache(root: string): CacheEntry | undefined {
  try {
    const file = cacheFile(root);
    const owner = process.getuid?.();
    if (owner !== undefined && statSync(file).uid !== owner) return undefined;
    const entry = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return isEntry(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

function isEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { key, diagnostics, outputs } = value as Record<string, unknown>;
  const isDiagnostic = (d: unknown): boolean => {
    if (typeof d !== 'object' || d === null) return false;
    const { code, severity, message, file, line, column } = d as Record<string, unknown>;
    return [code, severity, message, file].every((field) => typeof field === 'string') && Number.isInteger(line) && Number.isInteger(column);
  };
  return (
    typeof key === 'string' &&
    Array.isArray(diagnostics) &&
    diagnostics.every(isDiagnostic) &&
    typeof outputs === 'object' &&
    outputs !== null &&
    !Array.isArray(outputs) &&
    Object.values(outputs).every((hash) => typeof hash === 'string')
  );
}

/** Best effort: a cache that cannot be written only costs the next run its shortcut. */
export function writeCache(root: string, entry: CacheEntry): void {
  try {
    const file = cacheFile(root);
    // Private to this user: a shared temp dir must not let others read or plant entries.
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeAtomically(file, JSON.stringify(entry));
  } catch {
    // A read-only node_modules or temp dir: run without a cache.
  }
}
