import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { listFiles, loadAssets, readProjectFiles } from '../../src/cli/files.js';
import { readLayout } from '../../src/cli/layout.js';
import { run } from '../../src/cli/main.js';
import type { Layout } from '../../src/load/layout.js';
import type { ProjectFile } from '../../src/load/types.js';
import { type CompileResult, compile } from '../../src/pipeline.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
export const ASSETS = loadAssets(REPO_ROOT);
export const UPDATE = process.env.UPDATE === '1';

/** The layout a CLI run on `root` uses (its statespec.config.json, or the defaults its package.json gives). */
export function layoutOf(root: string): Layout {
  const layout = readLayout(root, ASSETS);
  if (!layout.value) throw new Error(`${root}: ${JSON.stringify(layout.diagnostics)}`);
  return layout.value;
}

/** The repo's own layout: its banners name `npm run build`. */
export const REPO_LAYOUT = layoutOf(REPO_ROOT);

export function compileRoot(root: string): CompileResult {
  const layout = layoutOf(root);
  return compile({ files: readProjectFiles(root, undefined, layout), assets: ASSETS, layout });
}

/** Compiles files as if they were this repo's (its banners and schema references). */
export function compileFiles(files: Record<string, string | Uint8Array>): CompileResult {
  return compile({ files: toProjectFiles(files), assets: ASSETS, layout: REPO_LAYOUT });
}

export function toProjectFiles(files: Record<string, string | Uint8Array>): ProjectFile[] {
  return Object.entries(files).map(([path, content]) => ({
    path,
    bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
  }));
}

/** The repo's own sources as an in-memory map, to edit in tests. */
export function repoSources(): Record<string, string> {
  return Object.fromEntries(readProjectFiles(REPO_ROOT).map((file) => [file.path, new TextDecoder().decode(file.bytes)]));
}

/** The corpus case compiles the repo's own sources/; test/corpus.test.ts runs it. */
export const REPO_FIXTURE = 'corpus';

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== REPO_FIXTURE)
    .map((entry) => entry.name)
    .sort();
}

/**
 * Compares `actual` (path → content) with the files under `dir`. With UPDATE=1
 * it rewrites them; otherwise a missing, stale or unexpected file is a failure.
 */
export function matchGoldens(dir: string, actual: Record<string, string>): string[] {
  if (UPDATE) {
    rmSync(dir, { recursive: true, force: true });
    for (const [path, content] of Object.entries(actual)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    return [];
  }
  const problems: string[] = [];
  const existing = existsSync(dir) ? listFiles(dir, '.') : [];
  for (const [path, content] of Object.entries(actual)) {
    const file = join(dir, path);
    if (!existsSync(file)) problems.push(`missing golden ${path} (run with UPDATE=1)`);
    else if (readFileSync(file, 'utf8') !== content) problems.push(`stale golden ${path} (run with UPDATE=1 and review the diff)`);
  }
  for (const path of existing.map((p) => p.replace(/^\.\//, ''))) {
    if (!(path in actual)) problems.push(`unexpected golden ${path}`);
  }
  return problems;
}

/** A maker of temporary folders for the calling test file; each is removed after its test. */
export function temporaryFolders(prefix: string): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** Runs the CLI in process, capturing what it prints. */
export function runCli(args: readonly string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** Every file under root/generated/, path → content (latin1 keeps bytes exact). */
export function generatedSnapshot(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(root, 'generated').map((path) => [path, readFileSync(join(root, path), 'latin1')]));
}
