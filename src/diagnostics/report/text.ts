import { summarize, type Diagnostic } from '../diagnostic.js';

/** `file:line:column severity message code`, one per line, like vfile-reporter, then a summary. */
export function formatText(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    const suppressed = d.suppressed ? ` (suppressed: ${d.suppressed.reason})` : '';
    lines.push(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} ${d.code}${suppressed}`);
    for (const related of d.related ?? []) {
      lines.push(`  ${related.file}:${related.line}:${related.column} related: ${related.message}`);
    }
  }
  const summary = summarize(diagnostics);
  const suppressedCount = diagnostics.filter((d) => d.suppressed).length;
  const parts = [
    `${summary.errors} error${summary.errors === 1 ? '' : 's'}`,
    `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`,
    `${summary.infos} info${summary.infos === 1 ? '' : 's'}`,
  ];
  if (suppressedCount > 0) parts.push(`${suppressedCount} suppressed`);
  lines.push(`${summary.errors > 0 ? '✖' : '✔'} ${parts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * A TypeScript-style baseline: each finding printed under the source line it
 * points at, with a caret under the column. Used for diagnostics goldens.
 */
export function formatBaseline(diagnostics: readonly Diagnostic[], readSource: (file: string) => string | undefined): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    lines.push(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}${d.suppressed ? ' (suppressed)' : ''}`);
    const sourceLine = readSource(d.file)?.split(/\r?\n/)[d.line - 1];
    if (sourceLine !== undefined) {
      lines.push(`  | ${sourceLine}`);
      lines.push(`  | ${' '.repeat(Math.max(0, d.column - 1))}^`);
    }
    lines.push(`  ${d.message}`);
    for (const related of d.related ?? []) lines.push(`  related ${related.file}:${related.line}:${related.column}: ${related.message}`);
    if (d.suppressed) lines.push(`  suppressed: ${d.suppressed.reason}`);
    lines.push('');
  }
  return lines.join('\n');
}
