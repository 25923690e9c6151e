import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { SpecInput } from '../load/types.js';

/**
 * Marks the one finding each config suppression names (code + file + line).
 * Suppressed findings stay in the output with their reason; a suppression that
 * matches nothing is itself reported, so stale ones do not pile up.
 */
export function applySuppressions(diagnostics: Diagnostic[], input: SpecInput): Diagnostic[] {
  const suppressions = input.config.value.suppressions ?? [];
  const result = diagnostics.map((d) => ({ ...d }));
  suppressions.forEach((suppression, index) => {
    const file = `${input.dir}/${suppression.file}`;
    const place = `${suppression.file}:${suppression.line}${suppression.column === undefined ? '' : `:${suppression.column}`}`;
    const matches = result.filter(
      (d) =>
        d.code === suppression.code &&
        d.file === file &&
        d.line === suppression.line &&
        (suppression.column === undefined || d.column === suppression.column) &&
        d.suppressed === undefined,
    );
    if (matches.length === 1) {
      matches[0]!.suppressed = { reason: suppression.reason };
      return;
    }
    result.push(
      diagnostic('suppression-unused', {
        spec: input.id,
        at: input.config.document.locate(`/suppressions/${index}`),
        message:
          matches.length === 0
            ? `No ${suppression.code} finding at ${place}; remove this suppression or correct it.`
            : `${matches.length} ${suppression.code} findings at ${place}; a suppression must name exactly one (add "column"), so none is suppressed.`,
      }),
    );
  });
  return result;
}
