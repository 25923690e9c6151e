import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { escapePointer } from './json.js';
import { type CellConfig, isMatrixTable, type Loaded, type SpecConfig, type TableConfig, type TermEntry, type TermsFile } from './types.js';

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

/** The id of the built-in boolean vocabulary of mark cells, whose values are `true` and `false`. */
export const MARK_VOCABULARY = 'mark';
export const MARK_VALUES = ['true', 'false'] as const;

/** One id namespace of a terms file: an axis's labels or a vocabulary's words. */
export interface TermSet {
  /** Where it lives in a terms file, e.g. `/axes/states` or `/values/billing`. */
  pointer: string;
  noun: string;
  ids: string[];
  /** Ids only older revisions state: a terms file may label them, and need not. */
  retired: string[];
  entries: Record<string, TermEntry>;
  /** Values are words of cells; a terms file need not list every one (a mark table of check marks needs none). */
  optional: boolean;
}

/** Each id namespace of a config, with where its terms live in a terms file. */
export function termSets(config: SpecConfig, terms: Pick<TermsFile, 'axes' | 'values'>): TermSet[] {
  const axes = Object.entries(config.axes).map(([id, axis]) => ({
    pointer: `/axes/${id}`,
    noun: `${axis.noun ?? id} ids`,
    ids: axis.ids,
    retired: axis.retired ?? [],
    entries: ownEntry(terms.axes, id) ?? {},
    optional: false,
  }));
  const usesMark = config.tables.some((table) => cellConfigs(table).some((cell) => cell.type === 'mark'));
  const vocabularies = Object.entries(config.vocabularies ?? {}).map(([id, values]) => ({
    pointer: `/values/${id}`,
    noun: `${id} values`,
    ids: values,
    retired: [],
    entries: ownEntry(terms.values, id) ?? {},
    optional: false,
  }));
  const marks = usesMark
    ? [
        {
          pointer: `/values/${MARK_VOCABULARY}`,
          noun: 'mark words',
          ids: [...MARK_VALUES],
          retired: [],
          entries: ownEntry(terms.values, MARK_VOCABULARY) ?? {},
          optional: true,
        },
      ]
    : [];
  return [...axes, ...vocabularies, ...marks];
}

function ownEntry<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The cell types of a table: a matrix's one, or each record column's. */
export function cellConfigs(table: TableConfig): CellConfig[] {
  return isMatrixTable(table) ? [table.cell] : [...table.columns, ...(table.retiredColumns ?? [])].map((column) => column.cell);
}

/** Unknown ids are errors, missing ids warnings, one label for two ids an error. */
export function checkTerms(specId: string, locale: string, terms: Loaded<TermsFile>, config: SpecConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { document, value } = terms;
  const known = (pointer: string, names: Iterable<string>, what: string): void => {
    const record = pointer === '/axes' ? value.axes : pointer === '/values' ? value.values : value.tables;
    const allowed = new Set(names);
    for (const name of Object.keys(record ?? {})) {
      if (allowed.has(name)) continue;
      diagnostics.push(
        diagnostic('terms-invalid', {
          at: document.locate(`${pointer}/${escapePointer(name)}`, true),
          spec: specId,
          locale,
          message: `"${name}" is not ${what} of spec.config.json (${[...allowed].join(', ') || 'none'}).`,
        }),
      );
    }
  };
  known('/axes', Object.keys(config.axes), 'an axis');
  known(
    '/values',
    termSets(config, value)
      .filter((set) => set.pointer.startsWith('/values/'))
      .map((set) => set.pointer.slice('/values/'.length)),
    'a vocabulary',
  );
  known(
    '/tables',
    config.tables.map((table) => table.id),
    'a table',
  );
  for (const { pointer, noun, ids, retired, entries, optional } of termSets(config, value)) {
    const known = new Set([...ids, ...retired]);
    const owner = new Map<string, string>();
    for (const [id, entry] of Object.entries(entries)) {
      if (!known.has(id)) {
        diagnostics.push(
          diagnostic('terms-invalid', {
            at: document.locate(`${pointer}/${id}`, true),
            spec: specId,
            locale,
            message: `"${id}" is not one of the ${noun} in spec.config.json (${ids.join(', ')}${retired.length > 0 ? `; retired: ${retired.join(', ')}` : ''}).`,
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
    if (missing.length > 0 && !optional) {
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
