import type { MatrixSpec } from '../spec/types.js';

export const REGENERATE_COMMAND = 'npm run build';

export function banner(specId: string): string {
  return `generated — do not edit. Made by statespec from sources/${specId}/; regenerate with \`${REGENERATE_COMMAND}\` (statespec build).`;
}

export interface RuntimeView {
  banner: string;
  title: string;
  states: string[];
  operations: { id: string; bit: number }[];
  locales: string[];
  referenceLocale: string;
  allowed: { state: string; mask: string; operations: string[] }[];
  messages: { locale: string; text: string }[];
}

/** Plain data for templates/runtime.ts.hbs: bitmasks precomputed so the runtime only looks up. */
export function runtimeView(spec: MatrixSpec): RuntimeView {
  const operations = spec.operations.map((operation, index) => ({ id: operation.id, bit: 2 ** index }));
  return {
    banner: banner(spec.id),
    title: spec.title[spec.referenceLocale] ?? spec.id,
    states: spec.states.map((state) => state.id),
    operations,
    locales: spec.locales,
    referenceLocale: spec.referenceLocale,
    allowed: spec.states.map((state) => {
      const allowed = spec.allowed[state.id] ?? [];
      const mask = operations.filter((operation) => allowed.includes(operation.id)).reduce((sum, operation) => sum + operation.bit, 0);
      return { state: state.id, mask: `0b${mask.toString(2)}`, operations: allowed };
    }),
    messages: spec.locales.map((locale) => ({ locale, text: spec.messages.operationNotAllowed[locale] ?? '' })),
  };
}

export interface ChartView {
  banner: string;
  title: string;
  stateHeader: string;
  operations: string[];
  rows: { label: string; marks: string[] }[];
  message: string;
}

export const ALLOWED_MARK = '✔';

/** Plain data for templates/chart.md.hbs: one row per state, labels in `locale`. */
export function chartView(spec: MatrixSpec, locale: string): ChartView {
  const inLocale = (text: Record<string, string>): string => text[locale] ?? text[spec.referenceLocale] ?? '';
  return {
    banner: banner(spec.id),
    title: inLocale(spec.title),
    stateHeader: inLocale(spec.stateHeader),
    operations: spec.operations.map((operation) => inLocale(operation.label)),
    rows: spec.states.map((state) => ({
      label: inLocale(state.label),
      marks: spec.operations.map((operation) => ((spec.allowed[state.id] ?? []).includes(operation.id) ? ALLOWED_MARK : '')),
    })),
    message: inLocale(spec.messages.operationNotAllowed),
  };
}
