import { type Diagnostic, summarize } from '../diagnostic.js';

/** The `--format json` document: every diagnostic (suppressed ones included) and the counts. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const ordered = diagnostics.map((d) => {
    const entry: Record<string, unknown> = {
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: d.file,
      line: d.line,
      column: d.column,
      spec: d.spec ?? null,
      locale: d.locale ?? null,
      related: d.related ?? [],
    };
    if (d.suppressed) entry.suppressed = d.suppressed;
    return entry;
  });
  return `${JSON.stringify({ diagnostics: ordered, summary: summarize(diagnostics) }, null, 2)}\n`;
}
