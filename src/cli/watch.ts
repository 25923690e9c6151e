import { existsSync, type FSWatcher, readdirSync, watch } from 'node:fs';
import { join, posix } from 'node:path';
import { isBlocking } from '../diagnostics/diagnostic.js';
import { formatText } from '../diagnostics/report/text.js';
import { compilePattern, DEFAULT_LAYOUT, LAYOUT_FILE } from '../load/layout.js';
import type { Limits } from '../load/types.js';
import { type CompileMemo, compile } from '../pipeline.js';
import {
  expandPattern,
  foreignOutputs,
  layoutFolders,
  loadAssets,
  outputsOutsideGenerated,
  PACKAGE_DIR,
  readProjectFiles,
  removeTemporaryFiles,
  writeOutputs,
} from './files.js';
import { readLayout } from './layout.js';

export interface WatchIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** How long a burst of file events (an editor's save is several) is left to settle before a rebuild. */
const SETTLE_MS = 15;

/**
 * `statespec build --watch`: builds, then rebuilds whenever a file under
 * sources/ or one of the tool's templates or schemas changes, until `signal`
 * aborts. A spec whose files did not change is not compiled again (the memo);
 * a bad edit is reported and nothing is written until it is fixed; every
 * write is atomic, as in a plain build.
 */
export function watchBuild(root: string, limits: Limits, io: WatchIo, signal: AbortSignal, packageDir: string = PACKAGE_DIR): Promise<void> {
  const memo: CompileMemo = new Map();
  let assets = loadAssets(packageDir);
  let assetsChanged = false;
  let timer: NodeJS.Timeout | undefined;
  let first = true;

  // A rebuild runs to its end before the next event is handled (it is synchronous), so builds never overlap.
  const rebuild = (reason: string): void => {
    const started = performance.now();
    try {
      if (assetsChanged) {
        assets = loadAssets(packageDir);
        memo.clear();
        assetsChanged = false;
      }
      // statespec.config.json is read again on every rebuild: an edit to it is an edit like any other.
      const layout = readLayout(root, assets);
      if (!layout.value) {
        io.stdout(formatText(layout.diagnostics));
        io.stderr(`statespec: ${LAYOUT_FILE} cannot be used (${reason}); nothing was written. Watching for a fix…\n`);
        first = false;
        return;
      }
      const { output } = layout.value;
      // Only a killed earlier run leaves temporary files: clearing them once, before the first build, is enough.
      if (first) removeTemporaryFiles(root, layout.value);
      const result = compile({ files: readProjectFiles(root, limits, layout.value), assets, limits, memo, layout: layout.value });
      const blocked = result.diagnostics.some(isBlocking);
      // The whole report on the first build and whenever something is wrong; afterwards a line a rebuild.
      if (blocked || first) io.stdout(formatText(result.diagnostics));
      first = false;
      if (blocked) {
        io.stderr(`statespec: errors found (${reason}); ${output}/ was not changed. Watching for a fix…\n`);
        return;
      }
      const escaping = outputsOutsideGenerated(
        root,
        result.outputs.map((file) => file.path),
        output,
      );
      if (escaping.length > 0) {
        io.stderr(`statespec: ${escaping[0]} would be written through a symbolic link; nothing was written. Watching…\n`);
        return;
      }
      const foreign = foreignOutputs(root, result.outputs, output);
      if (foreign.length > 0) {
        io.stdout(formatText(foreign));
        io.stderr(`statespec: nothing was written (${reason}). Watching…\n`);
        return;
      }
      const { written, removed } = writeOutputs(root, result.outputs, output);
      const ms = Math.round(performance.now() - started);
      const what = result.compiled.length === 0 ? 'no spec changed' : `compiled ${result.compiled.join(', ')}`;
      io.stderr(`statespec: ${reason}: ${what}; ${written.length} written, ${removed.length} removed in ${ms} ms. Watching…\n`);
    } catch (error) {
      io.stderr(`statespec: rebuild failed: ${error instanceof Error ? error.message : String(error)}. Watching…\n`);
    }
  };

  const schedule = (reason: string): void => {
    clearTimeout(timer);
    timer = setTimeout(() => rebuild(reason), SETTLE_MS);
  };

  const trees: (() => void)[] = [];
  const warn = (message: string): void => io.stderr(`statespec: ${message}\n`);
  const follow = (folder: string, onChange: (file: string) => void): void => {
    if (existsSync(folder)) trees.push(watchTree(folder, onChange, warn));
  };
  const onSource = (base: string) => (file: string) => {
    // Our own temporary files (from locale add) are not edits.
    if (!file.split(/[\\/]/).pop()!.startsWith('.statespec-tmp-')) schedule(`${base}/${file} changed`);
  };
  // The folders the layout reads, and where its source patterns look.
  const layout = readLayout(root, assets).value ?? { ...DEFAULT_LAYOUT };
  const folders = new Set(layoutFolders(layout));
  for (const article of layout.articles) {
    for (const pattern of article.sources) {
      // Inside the root, the whole folder a pattern starts from, so that a new locale's page is seen;
      // outside it (../docs.{locale}/…) only the folders of the pages found, not the parent's whole tree.
      const { base } = compilePattern(pattern);
      if (base !== '.' && !base.startsWith('..')) folders.add(base);
      for (const entry of expandPattern(root, pattern)) folders.add(posix.dirname(entry.path));
    }
  }
  for (const folder of [...folders].sort()) {
    // A folder inside another watched one is already watched.
    if ([...folders].some((other) => other !== folder && folder.startsWith(`${other}/`))) continue;
    follow(join(root, folder), onSource(folder));
  }
  if (existsSync(root)) {
    const top = watch(root, (_, file) => {
      if (String(file) === LAYOUT_FILE) schedule(`${LAYOUT_FILE} changed`);
    });
    trees.push(() => top.close());
  }
  for (const folder of ['templates', 'schema']) {
    follow(join(packageDir, folder), (file) => {
      assetsChanged = true;
      schedule(`${folder}/${file} changed`);
    });
  }
  // Watching starts before the first build, so that an edit made while it runs is not missed.
  rebuild('first build');
  return new Promise((resolve) => {
    if (signal.aborted) {
      for (const close of trees) close();
      resolve();
      return;
    }
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      for (const close of trees) close();
      resolve();
    });
  });
}

/**
 * Watches every folder below `root`, one non-recursive watcher each. Editors
 * save by writing a new file and renaming it over the old one; a folder's
 * watcher sees that every time, where Node 20's recursive watcher on Linux
 * loses a file once it has been replaced. Folders that appear are watched too.
 */
function watchTree(root: string, onChange: (file: string) => void, warn: (message: string) => void): () => void {
  const watchers = new Map<string, FSWatcher>();
  const scan = (): void => {
    const seen = new Set<string>();
    const visit = (folder: string): void => {
      seen.add(folder);
      if (!watchers.has(folder)) {
        try {
          const watcher = watch(folder, (_, file) => {
            onChange(join(folder, String(file ?? '')).slice(root.length + 1));
            scan();
          });
          // A watched folder that is deleted or becomes unreadable: drop it, the next scan settles the rest.
          watcher.on('error', () => {
            watcher.close();
            watchers.delete(folder);
            onChange(folder.slice(root.length + 1));
          });
          watchers.set(folder, watcher);
        } catch (error) {
          if (!existsSync(folder)) return; // Removed between listing and watching: the next scan settles it.
          // Out of inotify watches (ENOSPC) or no permission: say so, or edits there would be missed silently.
          warn(`cannot watch ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)}); edits there are not seen until the next change elsewhere.`);
          return;
        }
      }
      for (const entry of readdirSync(folder, { withFileTypes: true })) if (entry.isDirectory()) visit(join(folder, entry.name));
    };
    try {
      visit(root);
    } catch {
      // A folder vanished while it was being listed; the event that follows rescans.
    }
    for (const [folder, watcher] of watchers) {
      if (seen.has(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
  };
  scan();
  return () => {
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}
