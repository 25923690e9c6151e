import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from './emit.js';

/**
 * What `check` reports when the outputs are not what `build` would write.
 * `existing` holds the current files at the expected paths and at the paths
 * the last build's manifest lists; `regenerate` is the command to name.
 */
export function findDrift(expected: readonly OutputFile[], existing: ReadonlyMap<string, string>, regenerate = 'npx statespec build'): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const wanted = new Set(expected.map((output) => output.path));
  for (const output of expected) {
    const current = existing.get(output.path);
    if (current === output.content) continue;
    const firstDifference = current === undefined ? undefined : firstDifferingLine(current, output.content);
    diagnostics.push(
      diagnostic('output-stale', {
        at: { file: output.path, line: firstDifference ?? 1, column: 1 },
        message:
          current === undefined
            ? `${output.path} is missing; run \`${regenerate}\`.`
            : `${output.path} differs from what the sources produce (first at line ${firstDifference}); run \`${regenerate}\`.`,
      }),
    );
  }
  for (const path of existing.keys()) {
    if (wanted.has(path)) continue;
    diagnostics.push(
      diagnostic('output-stale', {
        at: { file: path, line: 1, column: 1 },
        message: `${path} is no longer produced by any source; \`${regenerate}\` removes it.`,
      }),
    );
  }
  return diagnostics;
}

function firstDifferingLine(a: string, b: string): number {
  const linesA = a.split('\n');
  const linesB = b.split('\n');
  for (let index = 0; index < Math.max(linesA.length, linesB.length); index++) {
    if (linesA[index] !== linesB[index]) return index + 1;
  }
  return 1;
}
