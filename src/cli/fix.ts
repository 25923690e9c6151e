import { existsSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { isBlocking } from '../diagnostics/diagnostic.js';
import { formatText } from '../diagnostics/report/text.js';
import { unifiedDiff } from '../fix/diff.js';
import { type FixRequest, fixProject } from '../fix/fix.js';
import { LAYOUT_FILE } from '../load/layout.js';
import type { Limits } from '../load/types.js';
import { loadAssets, moveIntoPlace, readProjectFiles, removeTemporaryFiles, writeAtomically, writeTemporary } from './files.js';
import { readLayout } from './layout.js';
import type { CliIo } from './main.js';
import { internalFailure } from './options.js';

export interface FixOptions {
  root?: string | undefined;
  spec?: string | undefined;
  write?: boolean | undefined;
  files: readonly string[];
  limits: Limits;
}

/**
 * `statespec fix [--write]`: without --write, prints the unified diff of
 * every source it would change and exits 1 when there is one (0 when there is
 * nothing to fix), for CI; with --write, writes them atomically. A refusal
 * anywhere writes nothing at all.
 */
export function runFix(options: FixOptions, io: CliIo): number {
  const root = resolve(options.root ?? '.');
  if (!existsSync(join(root, 'sources')) && !existsSync(join(root, LAYOUT_FILE))) {
    io.stderr(`statespec: ${root} has neither a sources/ folder nor a ${LAYOUT_FILE}; run from the project root or pass --root DIR.\n`);
    return 2;
  }
  try {
    const assets = loadAssets();
    const layout = readLayout(root, assets);
    if (!layout.value) {
      io.stdout(formatText(layout.diagnostics));
      io.stderr(`statespec: ${LAYOUT_FILE} cannot be used; nothing was read or written.\n`);
      return 1;
    }
    const request: FixRequest = { files: readProjectFiles(root, options.limits, layout.value), assets, limits: options.limits, layout: layout.value };
    if (options.spec !== undefined) request.spec = options.spec;
    if (options.files.length > 0) request.only = options.files.map((file) => relative(root, resolve(file)).split(sep).join('/'));
    const result = fixProject(request);
    if (options.spec !== undefined && !result.specs.includes(options.spec)) {
      io.stderr(
        `statespec: there is no article "${options.spec}"; the articles are ${result.specs.map((id) => `"${id}"`).join(', ') || '(none)'}. Name one of them with --spec, or leave --spec out to fix every article.\n`,
      );
      return 2;
    }
    if (result.unknown.length > 0) {
      io.stderr(
        `statespec: ${result.unknown.map((path) => JSON.stringify(path)).join(', ')} ${result.unknown.length === 1 ? 'is' : 'are'} not a source of ${options.spec === undefined ? 'any article' : `article "${options.spec}"`}; name source files (relative to the current folder), or leave FILE out to fix every translation.\n`,
      );
      return 2;
    }
    for (const line of result.skipped) io.stderr(`statespec: skipped ${line}\n`);
    if (result.diagnostics.some(isBlocking)) {
      io.stdout(formatText(result.diagnostics));
      io.stderr('statespec: fix refused (see above); nothing was written. Correct those cells by hand, then run fix again.\n');
      return 1;
    }
    const sources = result.files.filter((file) => file.repairs.length > 0);
    const counts = new Map<string, number>();
    for (const file of sources) for (const repair of file.repairs) counts.set(repair.code, (counts.get(repair.code) ?? 0) + 1);
    const summary = [...counts]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, count]) => `${count} ${code}`)
      .join(', ');
    if (result.files.length === 0) {
      io.stderr('statespec: nothing to fix.\n');
      return 0;
    }
    if (!options.write) {
      for (const file of result.files) io.stdout(unifiedDiff(file.path, file.before, file.after));
      io.stderr(
        `statespec: fix would change ${sources.length} source(s) (${summary})${result.files.length > sources.length ? ' and move suppressions in spec.config.json' : ''}; run statespec fix --write to apply.\n`,
      );
      return 1;
    }
    removeTemporaryFiles(root, layout.value);
    const originals = new Map(request.files.map((file) => [file.path, file.bytes]));
    const failure = writeAllOrNone(root, result.files, originals);
    if (failure) {
      io.stderr(
        failure.unrestored.length === 0
          ? `statespec: fix could not write ${failure.path} (${failure.reason}), so it wrote nothing: every file is as it was.\n`
          : `statespec: fix could not write ${failure.path} (${failure.reason}), and could not put back ${failure.unrestored.join(', ')}, which it had already replaced; restore them from version control.\n`,
      );
      return 2;
    }
    io.stderr(`statespec: fixed ${sources.length} source(s) (${summary}); wrote ${result.files.map((file) => file.path).join(', ')}.\n`);
    return 0;
  } catch (error) {
    io.stderr(internalFailure('fix', error));
    return 2;
  }
}

export interface WriteFailure {
  /** The file that could not be written, relative to the root. */
  path: string;
  reason: string;
  /** Files already replaced whose old content could not be written back (none, unless the disk fails twice). */
  unrestored: string[];
}

/**
 * Writes every file or none: each new content goes to a temporary file next
 * to its target first, and only when all of them are written are they renamed
 * into place. On a failure the temporary files are removed and any file
 * already replaced gets its old bytes (`originals`) back, so a run never
 * leaves a project half fixed.
 */
export function writeAllOrNone(
  root: string,
  files: readonly { path: string; content: string }[],
  originals: ReadonlyMap<string, Uint8Array>,
): WriteFailure | undefined {
  const temporaries: { path: string; temporary: string }[] = [];
  const replaced: string[] = [];
  let current = '';
  try {
    for (const file of files) {
      current = file.path;
      temporaries.push({ path: file.path, temporary: writeTemporary(join(root, file.path), file.content) });
    }
    for (const { path, temporary } of temporaries) {
      current = path;
      moveIntoPlace(temporary, join(root, path));
      replaced.push(path);
    }
    return undefined;
  } catch (error) {
    for (const { temporary } of temporaries) rmSync(temporary, { force: true });
    const unrestored = replaced.filter((path) => {
      const original = originals.get(path);
      if (original === undefined) return true;
      try {
        writeAtomically(join(root, path), original);
        return false;
      } catch {
        return true;
      }
    });
    return { path: current, reason: error instanceof Error ? error.message : String(error), unrestored };
  }
}
