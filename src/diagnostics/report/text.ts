import { type Diagnostic, summarize } from '../diagnostic.js';
import { INVISIBLE_CLASS } from '../invisible.js';

const NOT_FOR_TERMINAL = new RegExp(`[${INVISIBLE_CLASS}\\u0000-\\u001F\\u2028\\u2029]`, 'gu');
const NOT_FOR_TERMINAL_OR_BACKSLASH = new RegExp(`[\\\\${INVISIBLE_CLASS}\\u0000-\\u001F\\u2028\\u2029]`, 'gu');

/**
 * Messages quote source text, which may hold ESC sequences a terminal would
 * act on, bidi controls that reorder the line, or line breaks that split one
 * finding into two; each is shown as a visible escape instead.
 */
export function printable(text: string, { backslashes = true } = {}): string {
  return text.replace(backslashes ? NOT_FOR_TERMINAL_OR_BACKSLASH : NOT_FOR_TERMINAL, (character) => {
    // A backslash is doubled, so that a written "\u{202E}" cannot pass for an escaped control.
    if (character === '\\') return '\\\\';
    if (character === '\n') return '\\n';
    if (character === '\t') return '\\t';
    return `\\u{${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`;
  });
}

/** `file:line:column severity message code`, one per line, like vfile-reporter, then a summary. */
export function formatText(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    const suppressed = d.suppressed ? ` (suppressed: ${printable(d.suppressed.reason)})` : '';
    lines.push(`${printable(d.file)}:${d.line}:${d.column} ${d.severity} ${printable(d.message)} ${d.code}${suppressed}`);
    for (const related of d.related ?? []) {
      lines.push(`  ${printable(related.file)}:${related.line}:${related.column} related: ${printable(related.message)}`);
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
      // Shown as printable text, so the caret sits under the column in the escaped line too.
      // A quoted source line keeps its backslashes: it is the file's own text, shown under its position.
      const shown = (text: string) => printable(text, { backslashes: false });
      lines.push(`  | ${shown(sourceLine)}`);
      lines.push(`  | ${' '.repeat(shown(sourceLine.slice(0, Math.max(0, d.column - 1))).length)}^`);
    }
    lines.push(`  ${d.message}`);
    for (const related of d.related ?? []) lines.push(`  related ${related.file}:${related.line}:${related.column}: ${related.message}`);
    if (d.suppressed) lines.push(`  suppressed: ${d.suppressed.reason}`);
    lines.push('');
  }
  return lines.join('\n');
}
