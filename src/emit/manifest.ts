import { compareStrings } from '../diagnostics/diagnostic.js';
import { banner } from '../load/banner.js';
import type { OutputSettings } from '../load/layout.js';
import { outputPathProblem } from '../load/paths.js';
import type { OutputFile } from './emit.js';
import { jsonDocument } from './escape.js';

/** In the output folder: every file the last build wrote, so that the next removes only those. */
export const MANIFEST_NAME = 'statespec.manifest.json';

export interface Manifest {
  $comment: string;
  /** Paths relative to the root, sorted. */
  files: string[];
}

export function emitManifest(outputs: readonly OutputFile[], settings: OutputSettings): OutputFile {
  const path = `${settings.output}/${MANIFEST_NAME}`;
  const manifest: Manifest = {
    $comment: banner("every article's sources", settings),
    files: [...outputs.map((output) => output.path), path].sort(compareStrings),
  };
  return { path, content: jsonDocument(manifest) };
}

/** The files a manifest lists, or undefined when `text` is not one (a file statespec did not write). */
export function manifestFiles(text: string, output: string): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const files = (parsed as Partial<Manifest> | null)?.files;
  if (!Array.isArray(files)) return undefined;
  // A path the manifest lists is removed when no source makes it any more: only plain names inside the output folder count.
  return files.filter((file): file is string => typeof file === 'string' && outputPathProblem(file, output) === undefined);
}
