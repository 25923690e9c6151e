import type { SourceAnalysis } from '../align/analyze.js';
import { DEFAULT_MARKS } from '../align/cells.js';
import { type AlignedCell, type AlignedTable, cellKey } from '../align/tables.js';
import { compareStrings, type Diagnostic, diagnostic, type Staged } from '../diagnostics/diagnostic.js';
import { banner } from '../load/banner.js';
import { schemaReference } from '../load/layout.js';
import { axisNames } from '../load/model.js';
import { MARK_VOCABULARY, preferredLabel, reviewedMessage } from '../load/terms.js';
import { type CellConfig, columnCell, isMatrixTable, type SourceFile, type SpecInput, type TableConfig, type TermEntry } from '../load/types.js';
import type { Localized, Spec, SpecCell, SpecFootnote, SpecSource, SpecTable } from './types.js';

/** The runtime package's version when the config names none. */
export const DEFAULT_PACKAGE_VERSION = '0.1.0';

/**
 * Builds the canonical spec: cell values from the reference source, labels
 * and value words from the reviewed terms, titles, texts and messages from
 * each locale's primary source.
 */
export function buildSpec(input: SpecInput, analyses: readonly SourceAnalysis[], primaries: ReadonlyMap<string, SourceAnalysis>): Staged<Spec | undefined> {
  const config = input.config.value;
  const reference = primaries.get(config.referenceLocale);
  if (!reference) return { value: undefined, diagnostics: [referenceMissing(input)] };
  const referenceTerms = input.terms.get(config.referenceLocale)?.value;
  const missing = incompleteParts(input, reference);
  if (missing.length > 0) return { value: undefined, diagnostics: [referenceIncomplete(input, reference.source, missing)] };

  const locales = specLocales(analyses);
  const speaking = (locale: string): SourceAnalysis => primaries.get(locale) ?? reference;
  /** Each locale's primary source says it, else the reference does. */
  const perLocale = (pick: (analysis: SourceAnalysis) => string | undefined): Localized =>
    Object.fromEntries(locales.map((locale) => [locale, pick(speaking(locale)) ?? pick(reference) ?? '']));
  const termLabels = (namespace: 'axes' | 'values', set: string, id: string): Localized =>
    Object.fromEntries(
      locales.map((locale) => {
        const entry = termAt(input.terms.get(locale)?.value[namespace], set, id) ?? termAt(referenceTerms?.[namespace], set, id);
        return [locale, entry === undefined ? id : preferredLabel(entry)];
      }),
    );

  /** A label's link target in each locale's source, where the reference links it. */
  const linksOf = (axis: string, id: string): Localized | undefined => {
    const linkIn = (analysis: SourceAnalysis): string | undefined => {
      for (const table of config.tables) {
        const found = analysis.tables.get(table.id);
        const headers = [
          table.rows === axis ? found?.rows.get(id) : undefined,
          isMatrixTable(table) && table.columns === axis ? found?.columns.get(id) : undefined,
        ];
        const link = headers.find((header) => header?.link !== undefined)?.link;
        if (link !== undefined) return link;
      }
      return undefined;
    };
    return linkIn(reference) === undefined ? undefined : perLocale(linkIn);
  };
  const tables = config.tables.map((table): SpecTable => {
    const own = (analysis: SourceAnalysis): AlignedTable | undefined => analysis.tables.get(table.id);
    const referenceTable = own(reference)!;
    const corner = Object.fromEntries(
      locales.map((locale) => [
        locale,
        input.terms.get(locale)?.value.tables?.[table.id]?.corner ??
          referenceTerms?.tables?.[table.id]?.corner ??
          own(speaking(locale))?.corner?.label ??
          referenceTable.corner?.label ??
          '',
      ]),
    );
    const result: SpecTable = {
      id: table.id,
      position: table.position,
      rows: table.rows,
      heading: perLocale((analysis) => own(analysis)?.heading),
      corner,
      cells: [],
    };
    if (referenceTable.group !== undefined) result.group = perLocale((analysis) => own(analysis)?.group);
    if (table.headerRow !== undefined && table.headerRow > 0) result.headerRow = table.headerRow;
    if (isMatrixTable(table)) {
      result.columnAxis = table.columns;
      result.cell = table.cell;
      const accessors = { ...(table.accessor === undefined ? {} : { check: table.accessor }), ...table.accessors };
      if (Object.keys(accessors).length > 0) result.accessors = accessors;
    } else {
      result.columns = table.columns.map((column) => ({
        id: column.id,
        cell: column.cell,
        label: perLocale((analysis) => own(analysis)?.columns.get(column.id)?.label),
        ...(column.accessor === undefined ? {} : { accessor: column.accessor }),
      }));
    }
    if (writesMarkWords(table, referenceTable)) {
      result.markWords = { true: termLabels('values', MARK_VOCABULARY, 'true'), false: termLabels('values', MARK_VOCABULARY, 'false') };
    }
    const footnotes = specFootnotes(referenceTable, (marker) => perLocale((analysis) => own(analysis)?.footnotes.get(marker)?.text));
    if (footnotes.length > 0) result.footnotes = footnotes;
    result.cells = specCells(
      table,
      referenceTable,
      config.axes,
      (key, pick) =>
        Object.fromEntries(
          locales.map((locale) => {
            const cell = own(speaking(locale))?.cells.get(key);
            return [locale, pick(cell, locale) ?? pick(own(reference)?.cells.get(key), locale) ?? ''];
          }),
        ),
      (axis, id, locale) => termLabels('axes', axis, id)[locale] ?? id,
    );
    return result;
  });

  const spec: Spec = {
    $schema: schemaReference(input.settings, `${input.settings.output}/${config.id}/spec.json`, 'spec.schema.json'),
    $comment: banner(`${input.dir}/`, input.settings),
    id: config.id,
    package: { name: config.package?.name ?? config.id, version: config.package?.version ?? DEFAULT_PACKAGE_VERSION },
    referenceLocale: config.referenceLocale,
    locales,
    title: perLocale((analysis) => analysis.title?.text),
    axes: Object.entries(config.axes).map(([id, axis]) => {
      const { noun, type, constant } = axisNames(id, axis);
      const items = axis.ids.map((item) => {
        const link = linksOf(id, item);
        return { id: item, label: termLabels('axes', id, item), ...(link ? { link } : {}) };
      });
      return { id, noun, type, constant, items };
    }),
    vocabularies: Object.entries(config.vocabularies ?? {}).map(([id, values]) => ({
      id,
      values: values.map((value) => ({ id: value, label: termLabels('values', id, value) })),
    })),
    tables,
    messages: Object.entries(config.messages ?? {}).map(([id, rule]) => ({
      id,
      // A reviewed text in the locale's terms wins over the source's, which may be left untranslated.
      text: Object.fromEntries(
        locales.map((locale) => [
          locale,
          reviewedMessage(input.terms.get(locale)?.value, id) ??
            (rule.rule === 'terms' ? undefined : (speaking(locale).messages[id]?.text ?? reference.messages[id]?.text)) ??
            reviewedMessage(referenceTerms, id) ??
            '',
        ]),
      ),
      inDocs: rule.rule !== 'terms',
    })),
    sources: describeSources(analyses, reference, primaries),
  };
  return { value: spec, diagnostics: [] };
}

/** What a locale's text of a cell is: its written text, or a ref cell's note. */
type CellText = (cell: AlignedCell | undefined, locale: string) => string | undefined;

/** The reference's stated cells, rows then columns in axis order, with each locale's written text where the type has one. */
function specCells(
  table: TableConfig,
  reference: AlignedTable,
  axes: SpecInput['config']['value']['axes'],
  localized: (key: string, pick: CellText) => Localized,
  label: (axis: string, id: string, locale: string) => string,
): SpecCell[] {
  const rows = axes[table.rows]?.ids ?? [];
  const columns = isMatrixTable(table) ? (axes[table.columns]?.ids ?? []) : table.columns.map((column) => column.id);
  const typeOf = (column: string) => columnCell(table, column)!;
  const cells: SpecCell[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const key = cellKey(row, column);
      const stated = reference.cells.get(key);
      if (!stated) continue;
      const cell: SpecCell = { row, column, value: stated.value };
      const type = typeOf(column).type;
      const config = typeOf(column);
      if (config.type === 'ref' && typeof stated.value === 'string') {
        const target = stated.value;
        // A locale whose cell names another target (or none) would publish another fact: its docs name the reference's target, keeping its own words as the note.
        cell.text = localized(key, (found, locale) => {
          // A cell naming its target reads as the target's reviewed label: "Active" left in English, or mistranslated, is not published.
          if (found && found.value === target) return withLabel(label(config.axis, target, locale), found);
          const note = found ? (found.note ?? found.text) : undefined;
          return note === undefined ? label(config.axis, target, locale) : `${label(config.axis, target, locale)}; ${note}`;
        });
      } else if (type === 'text' || type === 'ref' || type === 'mentions') {
        cell.text = localized(key, (found) => found?.text);
      }
      if (type === 'ref' && stated.note !== undefined) cell.note = localized(key, (found) => found?.note ?? (found?.value === null ? found.text : undefined));
      if (stated.footnote !== undefined) cell.footnote = stated.footnote;
      cells.push(cell);
    }
  }
  return cells;
}

/**
 * A ref cell's text with its target written as `label`: the label alone, or
 * before the note with the separator the source wrote ("Ha terminado; solo…"
 * becomes "Finalizado; solo…").
 */
function withLabel(label: string, cell: AlignedCell): string {
  if (cell.note === undefined) return label;
  if (!cell.text.endsWith(cell.note)) return cell.text;
  const head = cell.text.slice(0, cell.text.length - cell.note.length);
  const separator = /[;,；，。、]\s*$/u.exec(head)?.[0];
  return separator === undefined ? cell.text : `${label}${separator}${cell.note}`;
}

/** Whether the reference writes the table's mark cells as words ("Yes", "No") rather than check marks and blanks. */
function writesMarkWords(table: TableConfig, reference: AlignedTable): boolean {
  const marks = (column: string): CellConfig | undefined => columnCell(table, column);
  return [...reference.cells.values()].some((cell) => {
    const type = marks(cell.column);
    return type?.type === 'mark' && cell.text !== '' && !new Set<string>(type.marks ?? DEFAULT_MARKS).has(cell.text);
  });
}

/** The reference's footnote markers, in order of first use (labels, then cells), with their texts in every locale. */
function specFootnotes(reference: AlignedTable, text: (marker: string) => Localized): SpecFootnote[] {
  const byMarker = new Map<string, SpecFootnote>();
  const note = (marker: string): SpecFootnote => {
    let found = byMarker.get(marker);
    if (!found) {
      found = { marker, text: text(marker) };
      byMarker.set(marker, found);
    }
    return found;
  };
  const refer = (marker: string, side: 'rows' | 'columns', id: string): void => {
    const footnote = note(marker);
    footnote[side] = [...(footnote[side] ?? []), id];
  };
  for (const [id, header] of reference.rows) if (header.footnote !== undefined) refer(header.footnote, 'rows', id);
  for (const [id, header] of reference.columns) if (header.footnote !== undefined) refer(header.footnote, 'columns', id);
  for (const cell of reference.cells.values()) if (cell.footnote !== undefined) note(cell.footnote);
  return [...byMarker.values()];
}

/** What the reference must state for a spec to be built from it. */
function incompleteParts(input: SpecInput, reference: SourceAnalysis): string[] {
  const config = input.config.value;
  const referenceTerms = input.terms.get(config.referenceLocale)?.value;
  const parts: string[] = [];
  for (const table of config.tables) {
    const found = reference.tables.get(table.id);
    if (!found || found.cells.size === 0) {
      parts.push(`no readable table ${table.position + 1} ("${table.id}")`);
      continue;
    }
    if (!isMatrixTable(table)) {
      const missing = table.columns.filter((column) => !found.columns.has(column.id)).map((column) => column.id);
      if (missing.length > 0) parts.push(`table ${table.position + 1} ("${table.id}") has no column for ${missing.join(', ')}`);
    }
    if (isMatrixTable(table) && table.cell.type === 'mark') {
      const columns = config.axes[table.columns]?.ids ?? [];
      const unstated = (config.axes[table.rows]?.ids ?? []).flatMap((row) =>
        columns.filter((column) => !found.cells.has(cellKey(row, column))).map((column) => `${row} × ${column}`),
      );
      if (unstated.length > 0) parts.push(`no fact for ${unstated.slice(0, 8).join(', ')}${unstated.length > 8 ? ` and ${unstated.length - 8} more` : ''}`);
    }
  }
  const messages = Object.entries(config.messages ?? {});
  const fromSource = messages.filter(([id, rule]) => rule.rule !== 'terms' && !reference.messages[id]).map(([id]) => id);
  if (fromSource.length > 0) parts.push(`no ${fromSource.join(', ')} message`);
  const fromTerms = messages.filter(([id, rule]) => rule.rule === 'terms' && !reviewedMessage(referenceTerms, id)).map(([id]) => id);
  if (fromTerms.length > 0) parts.push(`no ${fromTerms.join(', ')} message in terms/${config.referenceLocale}.json`);
  if (!reference.title) parts.push(`no title (the "${config.title?.rule ?? 'first-heading'}" rule found nothing)`);
  return parts;
}

function termAt(namespace: Record<string, Record<string, TermEntry>> | undefined, set: string, id: string): TermEntry | undefined {
  const entries = namespace && Object.hasOwn(namespace, set) ? namespace[set] : undefined;
  return entries && Object.hasOwn(entries, id) ? entries[id] : undefined;
}

export function describeSource(analysis: Described, role: SpecSource['role']): SpecSource {
  const { source, metadata } = analysis;
  const result: SpecSource = { path: source.path, locale: source.locale, sha256: source.sha256, role };
  if (source.variant !== undefined) result.variant = source.variant;
  if (metadata.date !== undefined) result.date = metadata.date;
  return result;
}

type Described = { source: SourceFile; metadata: { date?: string } };

/** Every locale with a source, in a fixed order. */
export function specLocales(analyses: readonly Described[]): string[] {
  return [...new Set(analyses.map((analysis) => analysis.source.locale))].sort(compareStrings);
}

/** The spec's source list: each file with its role, by path. */
export function describeSources<A extends Described>(analyses: readonly A[], reference: A, primaries: ReadonlyMap<string, A>): SpecSource[] {
  return [...analyses]
    .sort((a, b) => compareStrings(a.source.path, b.source.path))
    .map((analysis) =>
      describeSource(analysis, analysis === reference ? 'reference' : primaries.get(analysis.source.locale) === analysis ? 'primary' : 'checked'),
    );
}

export function referenceMissing(input: SpecInput): Diagnostic {
  const config = input.config.value;
  return diagnostic('reference-missing', {
    spec: config.id,
    locale: config.referenceLocale,
    at: input.config.document.locate('/referenceLocale'),
    message: `No source for the reference locale ${config.referenceLocale} (expected ${input.dir}/${config.primarySources?.[config.referenceLocale] ?? `${config.referenceLocale}.md`}).`,
  });
}

export function referenceIncomplete(input: SpecInput, reference: SourceFile, missing: string[]): Diagnostic {
  const config = input.config.value;
  return diagnostic('reference-incomplete', {
    spec: config.id,
    locale: config.referenceLocale,
    at: { file: reference.path, line: 1, column: 1 },
    message: `The reference ${reference.name} cannot define the spec: ${missing.join('; ')}.`,
  });
}
