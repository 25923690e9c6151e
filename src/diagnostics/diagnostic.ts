import { CODES, type Code, type Severity } from './codes.js';

/** A 1-based position in a file relative to the project root. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

export interface RelatedLocation extends Location {
  message: string;
}

export interface Diagnostic extends Location {
  code: Code;
  severity: Severity;
  message: string;
  spec?: string;
  locale?: string;
  related?: RelatedLocation[];
  /** Set when a config suppression with a written reason matched this finding. */
  suppressed?: { reason: string };
}

export interface DiagnosticInput {
  at: Location;
  message: string;
  spec?: string;
  locale?: string;
  related?: RelatedLocation[];
}

/** Builds a diagnostic whose severity comes from the one code table. */
export function diagnostic(code: Code, input: DiagnosticInput): Diagnostic {
  const result: Diagnostic = {
    code,
    severity: CODES[code].severity,
    message: input.message,
    file: input.at.file,
    line: input.at.line,
    column: input.at.column,
  };
  if (input.spec !== undefined) result.spec = input.spec;
  if (input.locale !== undefined) result.locale = input.locale;
  if (input.related !== undefined && input.related.length > 0) result.related = input.related;
  return result;
}

/** A stage's result: a value plus what it found on the way. */
export interface Staged<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export function isBlocking(d: Diagnostic): boolean {
  return d.severity === 'error' && d.suppressed === undefined;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: file, line, column, then code, so output never depends on read order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message)
  );
}

/** Locale-independent string order (never localeCompare: output must not depend on LANG). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(diagnostics: readonly Diagnostic[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.suppressed) continue;
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}
