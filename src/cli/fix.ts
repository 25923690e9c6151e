import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { isBlocking } from '../diagnostics/diagnostic.js';
import { formatText } from '../diagnostics/report/text.js';
import { unifiedDiff } from '../fix/diff.js';
import { type FixRequest, fixProject } from '../fix/fix.js';
import { LAYOUT_FILE } from '../load/layout.js';
import type { Limits } from '../load/types.js';
import { loadAssets, readProjectFiles, removeTemporaryFiles, writeAtomically } from './files.js';
import { readLayout } from './layout.js';
import type { CliIo } from './main.js';

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
    for (const file of result.files) writeAtomically(join(root, file.path), file.content);
    io.stderr(`statespec: fixed ${sources.length} source(s) (${summary}); wrote ${result.files.map((file) => file.path).join(', ')}.\n`);
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`statespec: fix failed: ${reason}\nIf this is not a file-system problem, please report it as a statespec bug.\n`);
    return 2;
  }
}
