import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Loaded, SpecConfig, TermEntry, TermsFile } from './types.js';

export type Axis = 'states' | 'operations';
export const AXES: readonly Axis[] = ['states', 'operations'];

/** Runs of whitespace (line breaks included) become one space; the ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Labels are compared after NFKC, whitespace collapsing and case folding. */
export function normalizeLabel(label: string): string {
  return collapseWhitespace(label.normalize('NFKC')).toLowerCase();
}

export function preferredLabel(entry: TermEntry): string {
  return typeof entry === 'string' ? entry : entry.label;
}

export function acceptedLabels(entry: TermEntry): string[] {
  return typeof entry === 'string' ? [entry] : [entry.label, ...(entry.variants ?? [])];
}

/** normalized label → id, for one axis of one locale. */
export function termIndex(terms: TermsFile, axis: Axis): Map<string, string> {
  const index = new Map<string, string>();
  for (const [id, entry] of Object.entries(terms[axis])) {
    for (const label of acceptedLabels(entry)) {
      const key = normalizeLabel(label);
      if (!index.has(key)) index.set(key, id);
    }
  }
  return index;
}

/** Unknown ids are errors, missing ids warnings, one label for two ids an error. */
export function checkTerms(specId: string, locale: string, terms: Loaded<TermsFile>, config: SpecConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { document, value } = terms;
  for (const axis of AXES) {
    const known = new Set(config[axis]);
    const owner = new Map<string, string>();
    for (const [id, entry] of Object.entries(value[axis])) {
      if (!known.has(id)) {
        diagnostics.push(
          diagnostic('terms-invalid', {
            at: document.locate(`/${axis}/${id}`, true),
            spec: specId,
            locale,
            message: `"${id}" is not one of the ${axis} in spec.config.json (${config[axis].join(', ')}).`,
          }),
        );
        continue;
      }
      for (const label of acceptedLabels(entry)) {
        const key = normalizeLabel(label);
        const other = owner.get(key);
        if (other !== undefined && other !== id) {
          diagnostics.push(
            diagnostic('terms-ambiguous', {
              at: document.locate(`/${axis}/${id}`, true),
              spec: specId,
              locale,
              message: `"${label}" is a label of both ${other} and ${id} in ${axis}; a source using it could mean either.`,
              related: [{ ...document.locate(`/${axis}/${other}`, true), message: `${other} has the same label.` }],
            }),
          );
        } else {
          owner.set(key, id);
        }
      }
    }
    const missing = config[axis].filter((id) => !Object.hasOwn(value[axis], id));
    if (missing.length > 0) {
      diagnostics.push(
        diagnostic('terms-incomplete', {
          at: document.locate(`/${axis}`, true),
          spec: specId,
          locale,
          message: `No ${locale} label for ${missing.join(', ')}; generated docs show the reference label instead.`,
        }),
      );
    }
  }
  return diagnostics;
}
