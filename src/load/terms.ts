import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Loaded, SpecConfig, TermEntry, TermsFile } from './types.js';

export type Axis = 'states' | 'operations';

/** Runs of whitespace (line breaks included) become one space; the ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Labels are compared after NFKC, whitespace collapsing and case folding. */
export function normalizeLabel(label: string): string {
  return collapseWhitespace(label.normalize('NFKC')).toLowerCase();
}

/** True when two locale tags share a primary language (en-US and en-CA): such a source may use the reference's labels. */
export function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
}

/** A reviewed message text of a terms file; an inherited member (a key named "constructor") is not one. */
export function reviewedMessage(terms: TermsFile | undefined, key: string): string | undefined {
  return terms?.messages && Object.hasOwn(terms.messages, key) ? terms.messages[key] : undefined;
}

export function preferredLabel(entry: TermEntry): string {
  return typeof entry === 'string' ? entry : entry.label;
}

export function acceptedLabels(entry: TermEntry): string[] {
  return typeof entry === 'string' ? [entry] : [entry.label, ...(entry.variants ?? [])];
}

/** Each id namespace of a config, with where its terms live in a terms file. */
export function termSets(config: SpecConfig, terms: TermsFile): { pointer: string; noun: string; ids: string[]; entries: Record<string, TermEntry> }[] {
  if (config.kind === 'permission-matrix') {
    return [
      { pointer: '/states', noun: 'states', ids: config.states, entries: terms.states ?? {} },
      { pointer: '/operations', noun: 'operations', ids: config.operations, entries: terms.operations },
    ];
  }
  return [
    ...config.stateGroups.map((group) => ({
      pointer: `/stateGroups/${group.id}`,
      noun: `${group.id} states`,
      ids: group.states,
      entries: terms.stateGroups?.[group.id] ?? {},
    })),
    { pointer: '/operations', noun: 'operations', ids: config.operations, entries: terms.operations },
  ];
}

/** Unknown ids are errors, missing ids warnings, one label for two ids an error. */
export function checkTerms(specId: string, locale: string, terms: Loaded<TermsFile>, config: SpecConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { document, value } = terms;
  for (const { pointer, noun, ids, entries } of termSets(config, value)) {
    const known = new Set(ids);
    const owner = new Map<string, string>();
    for (const [id, entry] of Object.entries(entries)) {
      if (!known.has(id)) {
        diagnostics.push(
          diagnostic('terms-invalid', {
            at: document.locate(`${pointer}/${id}`, true),
            spec: specId,
            locale,
            message: `"${id}" is not one of the ${noun} in spec.config.json (${ids.join(', ')}).`,
          }),
        );
        continue;
      }
      if (typeof entry !== 'string' && entry.review !== undefined) {
        diagnostics.push(
          diagnostic('terms-review', {
            at: document.locate(`${pointer}/${id}/review`, true),
            spec: specId,
            locale,
            message: `${id}: "${entry.label}" awaits review: ${entry.review} Check it, then delete the "review" field.`,
          }),
        );
      }
      for (const label of acceptedLabels(entry)) {
        const key = normalizeLabel(label);
        const other = owner.get(key);
        if (other !== undefined && other !== id) {
          diagnostics.push(
            diagnostic('terms-ambiguous', {
              at: document.locate(`${pointer}/${id}`, true),
              spec: specId,
              locale,
              message: `"${label}" is a label of both ${other} and ${id} in ${noun}; a source using it could mean either.`,
              related: [{ ...document.locate(`${pointer}/${other}`, true), message: `${other} has the same label.` }],
            }),
          );
        } else {
          owner.set(key, id);
        }
      }
    }
    const missing = ids.filter((id) => !Object.hasOwn(entries, id));
    if (missing.length > 0) {
      diagnostics.push(
        diagnostic('terms-incomplete', {
          at: document.locate(pointer, true),
          spec: specId,
          locale,
          message: `No ${locale} label for ${missing.join(', ')} (${noun}); generated docs show the reference label instead.`,
        }),
      );
    }
  }
  return diagnostics;
}
