import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from './emit.js';

/** What `check` reports when generated/ is not what `build` would write. */
export function findDrift(expected: readonly OutputFile[], existing: ReadonlyMap<string, string>): Diagnostic[] {
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
            ? `${output.path} is missing; run \`npm run build\`.`
            : `${output.path} differs from what the sources produce (first at line ${firstDifference}); run \`npm run build\`.`,
      }),
    );
  }
  for (const path of existing.keys()) {
    if (wanted.has(path)) continue;
    diagnostics.push(
      diagnostic('output-stale', {
        at: { file: path, line: 1, column: 1 },
        message: `${path} is not produced by any source; \`npm run build\` removes it.`,
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
