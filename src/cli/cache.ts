import { createHash } from 'node:crypto';
import { type BigIntStats, closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareStrings, type Diagnostic, isBlocking } from '../diagnostics/diagnostic.js';
import type { Layout } from '../load/layout.js';
import type { Limits, ProjectFile } from '../load/types.js';
import { PACKAGE_DIR, projectEntries, writeAtomically } from './files.js';

/**
 * The result of the last full run on a root, keyed by a content hash of
 * everything that decides it: every file under sources/ (path and bytes, or
 * size and link-ness where the reader does not read), the templates and
 * schemas, the limits, the tool's version and its own code. Whatever changes,
 * the key changes, so a hit can only replay what a full run would print.
 *
 * The entry itself is small (the key and one line per output); the findings
 * and their text report, megabytes at 10,000 sources, are kept beside it and
 * read only on a hit, checked against the hashes the entry records.
 */
export interface CacheEntry {
  key: string;
  /** Whether the findings hold an (unsuppressed) error, so that no output was written. */
  blocked: boolean;
  /** Every output, by path; none when errors blocked them. */
  outputs: Record<string, CachedOutput>;
  /** sha256 of the text report and of the findings' JSON kept beside the entry. */
  report: string;
  findings: string;
}

export interface CachedOutput {
  sha256: string;
  /**
   * The file's lstat (size, mtime, ctime, inode) once it held those bytes.
   * While the file still has it, its bytes are not read again: any write to
   * a file moves its ctime, which no tool can set back.
   */
  signature?: string;
}

/** What a full run leaves for the next one. */
export interface CacheRecord {
  key: string;
  diagnostics: readonly Diagnostic[];
  /** formatText of the diagnostics, as the run printed it. */
  report: string;
  /** sha256 of every output, by path; empty when errors blocked the outputs. */
  outputs: Record<string, string>;
  /** The signature (fileSignature) of each output known to hold those bytes on disk. */
  signatures: Record<string, string>;
}

const CACHE_FORMAT = 2;

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
type Hash = ReturnType<typeof createHash>;

function framed(hash: Hash, part: string | Uint8Array): void {
  const bytes = typeof part === 'string' ? Buffer.from(part) : part;
  hash.update(`${bytes.length}:`).update(bytes);
}

/** The key's hash over everything but the project's files. */
function keyHash(limits: Limits, tool: ToolLocation, layout?: Pick<Layout, 'output' | 'regenerate' | 'schemaDir' | 'specs'>): Hash {
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
  return hash;
}

/** A project file's part of the key: what the reader knows of it, then its bytes (none for a link or an unread file). */
function fileHeader(path: string, link: boolean, unreadSize: number | undefined): string {
  return `${path}\0${link ? 'link' : ''}\0${unreadSize ?? ''}`;
}

const NO_BYTES = new Uint8Array(0);

/** The key of a run over `files` (readProjectFiles's, in memory). */
export function cacheKey(
  files: readonly ProjectFile[],
  limits: Limits,
  tool: ToolLocation = { packageDir: PACKAGE_DIR, codeDir: CODE_DIR },
  layout?: Pick<Layout, 'output' | 'regenerate' | 'schemaDir' | 'specs'>,
): string {
  const hash = keyHash(limits, tool, layout);
  for (const file of [...files].sort((a, b) => compareStrings(a.path, b.path))) {
    framed(hash, fileHeader(file.path, file.symbolicLink === true, file.size));
    framed(hash, file.bytes);
  }
  return hash.digest('hex');
}

/**
 * The same key as cacheKey(readProjectFiles(root, limits, layout), …), read
 * from the disk file by file through one buffer, so that no file is held:
 * the no-op path hashes 100 MB at 10,000 sources. Undefined when a file
 * changes while it is read (the full run then reads it as it is).
 */
export function cacheKeyOnDisk(
  root: string,
  limits: Limits,
  layout: Layout,
  tool: ToolLocation = { packageDir: PACKAGE_DIR, codeDir: CODE_DIR },
): string | undefined {
  const hash = keyHash(limits, tool, layout);
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (const { path, link } of projectEntries(root, layout).files) {
    if (link) {
      framed(hash, fileHeader(path, true, undefined));
      framed(hash, NO_BYTES);
      continue;
    }
    const descriptor = openSync(join(root, path), 'r');
    try {
      const { size } = fstatSync(descriptor);
      if (size > limits.maxSourceBytes) {
        framed(hash, fileHeader(path, false, size));
        framed(hash, NO_BYTES);
        continue;
      }
      framed(hash, fileHeader(path, false, undefined));
      hash.update(`${size}:`);
      let read = 0;
      for (let chunk = readSync(descriptor, buffer); chunk > 0; chunk = readSync(descriptor, buffer)) {
        hash.update(buffer.subarray(0, chunk));
        read += chunk;
      }
      if (read !== size) return undefined;
    } finally {
      closeSync(descriptor);
    }
  }
  return hash.digest('hex');
}

/** What identifies one state of a file without reading it (see CachedOutput.signature). */
export function fileSignature(stat: BigIntStats): string {
  return `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
}

/**
 * STATESPEC_CACHE_DIR when set; else node_modules/.cache/statespec/ of the
 * root, as tools conventionally do; else a folder of this user's in the OS
 * temp dir (another user's entries there are never read: see readCache).
 * The findings and the report sit beside it (cacheFiles).
 */
export function cacheFile(root: string): string {
  const name = `${sha256(root).slice(0, 16)}.json`;
  const chosen = process.env.STATESPEC_CACHE_DIR;
  if (chosen) return join(chosen, name);
  const modules = join(root, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'statespec', name) : join(tmpdir(), `statespec-cache-${process.getuid?.() ?? 'user'}`, name);
}

/** The entry, its findings and its text report. */
export function cacheFiles(root: string): { entry: string; findings: string; report: string } {
  const entry = cacheFile(root);
  const stem = entry.slice(0, -'.json'.length);
  return { entry, findings: `${stem}.findings.json`, report: `${stem}.report.txt` };
}

/** A hit's entry, with its side files read on demand. */
export interface CachedRun extends CacheEntry {
  /** When the entry was written (its file's mtime): a signature from that same clock tick proves nothing (see outputsUnchanged in fast.ts). */
  writtenNs: bigint;
  /** The text report, or undefined when its file is gone or is not the one the entry records. */
  readReport(): string | undefined;
  readDiagnostics(): Diagnostic[] | undefined;
}

/** The entry, when the file is ours, well-formed and complete; anything else is a miss, never an error. */
export function readCache(root: string): CachedRun | undefined {
  try {
    const files = cacheFiles(root);
    const stat = statSync(files.entry, { bigint: true });
    const owner = process.getuid?.();
    if (owner !== undefined && Number(stat.uid) !== owner) return undefined;
    const entry = JSON.parse(readFileSync(files.entry, 'utf8')) as unknown;
    if (!isEntry(entry)) return undefined;
    return {
      ...entry,
      writtenNs: stat.mtimeNs,
      readReport: () => readRecorded(files.report, entry.report),
      readDiagnostics: () => {
        const text = readRecorded(files.findings, entry.findings);
        const diagnostics = text === undefined ? undefined : (JSON.parse(text) as unknown);
        return Array.isArray(diagnostics) && diagnostics.every(isDiagnostic) ? (diagnostics as Diagnostic[]) : undefined;
      },
    };
  } catch {
    return undefined;
  }
}

function readRecorded(path: string, hash: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    return sha256(text) === hash ? text : undefined;
  } catch {
    return undefined;
  }
}

function isDiagnostic(d: unknown): boolean {
  if (typeof d !== 'object' || d === null) return false;
  const { code, severity, message, file, line, column } = d as Record<string, unknown>;
  return [code, severity, message, file].every((field) => typeof field === 'string') && Number.isInteger(line) && Number.isInteger(column);
}

function isEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { key, blocked, outputs, report, findings } = value as Record<string, unknown>;
  const isOutput = (output: unknown): boolean => {
    if (typeof output !== 'object' || output === null) return false;
    const { sha256: hash, signature } = output as Record<string, unknown>;
    return typeof hash === 'string' && (signature === undefined || typeof signature === 'string');
  };
  return (
    typeof key === 'string' &&
    typeof blocked === 'boolean' &&
    typeof report === 'string' &&
    typeof findings === 'string' &&
    typeof outputs === 'object' &&
    outputs !== null &&
    !Array.isArray(outputs) &&
    Object.values(outputs).every(isOutput)
  );
}

/**
 * Best effort: a cache that cannot be written only costs the next run its
 * shortcut. The side files go first and the entry last, and the entry names
 * their hashes, so that a reader never pairs an entry with another run's report.
 */
export function writeCache(root: string, record: CacheRecord): void {
  try {
    const files = cacheFiles(root);
    // Private to this user: a shared temp dir must not let others read or plant entries.
    mkdirSync(dirname(files.entry), { recursive: true, mode: 0o700 });
    const findings = JSON.stringify(record.diagnostics);
    writeAtomically(files.findings, findings);
    writeAtomically(files.report, record.report);
    const outputs = Object.fromEntries(
      Object.entries(record.outputs).map(([path, hash]) => {
        const signature = record.signatures[path];
        return [path, signature === undefined ? { sha256: hash } : { sha256: hash, signature }];
      }),
    );
    const entry: CacheEntry = {
      key: record.key,
      blocked: record.diagnostics.some(isBlocking),
      outputs,
      report: sha256(record.report),
      findings: sha256(findings),
    };
    writeAtomically(files.entry, JSON.stringify(entry));
  } catch {
    // A read-only node_modules or temp dir: run without a cache.
  }
}
