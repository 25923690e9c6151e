import { checkRowCells } from '../align/row-cells.js';
import { lookupLabel, reportResolved, resolveLabels, splitRowLabel, vocabulary, type Header, type LabelContext, type LabelRecord, type LabelSlot, type LabelVia, type Vocabulary } from '../align/labels.js';
import { diagnostic, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { extractText, type ExtractedText } from '../extract/prose.js';
import { extractTables } from '../extract/tables.js';
import type { Cell, Table } from '../extract/types.js';
import { locator } from '../load/position.js';
import { collapseWhitespace, normalizeLabel, sameLanguage } from '../load/terms.js';
import type { SourceFile, SpecInput, TermsFile, TransitionConfig, TransitionTableConfig } from '../load/types.js';
import { parseSource, type SourceMetadata } from '../parse/markdown.js';

/** A described state: its row in a description table. */
export interface Description {
  state: Header;
  text: string;
  cell: Cell;
}

/** A non-empty cell of the "during an operation" table. */
export interface DuringCell {
  from: string;
  operation: string;
  /** The state the cell names, when it names one. */
  to?: string;
  /** What the cell says besides the state (a condition), or all of it when it names no state. */
  note?: string;
  text: string;
  cell: Cell;
}

/** A non-empty cell of the "before and after an operation" table. */
export interface BeforeAfterCell {
  from: string;
  to: string;
  /** Operations the free text names, in canonical order. */
  operations: string[];
  text: string;
  cell: Cell;
}

export interface TableHeadings {
  /** The section heading above the table. */
  heading?: string;
  /** Header labels: [state, explanation] or [starting state, group heading]. */
  header: string[];
  location: Location;
}

/** Everything one source of a transition article says, in canonical ids. */
export interface TransitionAnalysis {
  source: SourceFile;
  metadata: SourceMetadata;
  title?: ExtractedText;
  /** group id → described states */
  descriptions: Map<string, Map<string, Description>>;
  /** factKey(from, operation) → cell */
  during: Map<string, DuringCell>;
  /** factKey(from, to) → cell */
  beforeAfter: Map<string, BeforeAfterCell>;
  /** Rows and columns found in each transition table. */
  axes: { during: { rows: Map<string, Header>; columns: Map<string, Header> }; beforeAfter: { rows: Map<string, Header>; columns: Map<string, Header> } };
  /** table name (group id, "during", "beforeAfter") → headings, for the generated docs. */
  headings: Map<string, TableHeadings>;
  /** Every header label, resolved or not, by position. */
  labels: LabelRecord[];
}

export function pairKey(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

// One label cell may name several states: "Pending suspend/Pending terminate".
const ROW_SEPARATORS = /[\n/]/;

interface Context extends LabelContext {
  config: TransitionConfig;
  terms: TermsFile | undefined;
  referenceTerms: TermsFile | undefined;
  /** Built once per source: group id (or "operations") → vocabulary. */
  vocabularies: Map<string, Vocabulary>;
}

/** parse → extract → align for one source of a transition article. */
export function analyzeTransitionSource(source: SourceFile, input: SpecInput<TransitionConfig>): { value: TransitionAnalysis; diagnostics: Diagnostic[] } {
  const config = input.config.value;
  const terms = input.terms.get(source.locale)?.value;
  const referenceTerms = sameLanguage(source.locale, config.referenceLocale) ? undefined : input.terms.get(config.referenceLocale)?.value;
  const parsed = parseSource(source);
  const tables = extractTables(parsed);
  const context: Context = {
    specId: config.id,
    source,
    diagnostics: [...tables.diagnostics],
    records: [],
    config,
    terms,
    referenceTerms,
    vocabularies: new Map(),
  };
  const toLocation = locator(source.path, source.text);
  for (const problem of parsed.metadataProblems) {
    context.diagnostics.push(diagnostic('metadata-invalid', { at: toLocation(problem.offset), message: problem.message }));
  }
  const analysis: TransitionAnalysis = {
    source,
    metadata: parsed.metadata,
    descriptions: new Map(),
    during: new Map(),
    beforeAfter: new Map(),
    axes: { during: { rows: new Map(), columns: new Map() }, beforeAfter: { rows: new Map(), columns: new Map() } },
    headings: new Map(),
    labels: context.records,
  };
  const title = extractText(parsed, config.title ?? { rule: 'first-heading' });
  if (title) analysis.title = title;

  for (const group of config.stateGroups) {
    const table = pickTable(tables.value, group.table, `the ${group.id} states description`, context);
    if (table) readDescriptions(table, group.id, analysis, context);
  }
  const duringTable = pickTable(tables.value, config.transitions.during.table, 'the "during an operation" transitions', context);
  if (duringTable) readTransitions(duringTable, config.transitions.during, 'during', analysis, context);
  const beforeAfterTable = pickTable(tables.value, config.transitions.beforeAfter.table, 'the "before and after an operation" transitions', context);
  if (beforeAfterTable) readTransitions(beforeAfterTable, config.transitions.beforeAfter, 'beforeAfter', analysis, context);

  const diagnostics = context.diagnostics.map((d) => ({ ...d, spec: config.id, locale: source.locale }));
  return { value: analysis, diagnostics };
}

function pickTable(tables: Table[], index: number, what: string, context: Context): Table | undefined {
  const table = tables[index];
  if (!table) {
    context.diagnostics.push(
      diagnostic('table-missing', {
        at: { file: context.source.path, line: 1, column: 1 },
        message: `${context.source.name} has ${tables.length} table(s); table ${index + 1}, ${what}, is missing.`,
      }),
    );
  }
  return table;
}

function cachedVocabulary(key: string, context: Context, make: () => Vocabulary): Vocabulary {
  let known = context.vocabularies.get(key);
  if (!known) {
    known = make();
    context.vocabularies.set(key, known);
  }
  return known;
}

function groupVocabulary(groupId: string, context: Context): Vocabulary {
  return cachedVocabulary(`group:${groupId}`, context, () => {
    const group = context.config.stateGroups.find((candidate) => candidate.id === groupId);
    return vocabulary({
      noun: `${groupId} state`,
      header: 'row',
      extraCode: 'state-extra',
      pointer: `/stateGroups/${groupId}`,
      order: group?.states ?? [],
      terms: context.terms?.stateGroups?.[groupId],
      referenceTerms: context.referenceTerms?.stateGroups?.[groupId],
    });
  });
}

function operationVocabulary(context: Context): Vocabulary {
  return cachedVocabulary('operations', context, () =>
    vocabulary({
      noun: 'operation',
      header: 'column',
      extraCode: 'operation-extra',
      pointer: '/operations',
      order: context.config.operations,
      terms: context.terms?.operations,
      referenceTerms: context.referenceTerms?.operations,
    }),
  );
}

const blank = (cell: Cell | undefined): boolean => cell === undefined || cell.text.trim() === '';

function headings(table: Table, headerRow: number): TableHeadings {
  const header = (table.grid[headerRow] ?? [])
    .filter((cell, column, row) => cell && !blank(cell) && row.findIndex((other) => other?.origin === cell.origin) === column)
    .map((cell) => collapseWhitespace(cell!.text));
  const result: TableHeadings = { header, location: table.location };
  if (table.heading !== undefined) result.heading = table.heading;
  return result;
}

/** Rows below the header: label in the first column, one slot per state it names. */
function rowSlots(table: Table, firstRow: number, known: Vocabulary): { slots: LabelSlot[]; rows: number[] } {
  const slots: LabelSlot[] = [];
  const rows: number[] = [];
  for (let row = firstRow; row < table.grid.length; row++) {
    const cells = table.grid[row]!;
    if (cells.every(blank)) continue;
    const label = cells[0];
    for (const [part, text] of splitRowLabel(label?.text ?? '', known, ROW_SEPARATORS).entries()) {
      slots.push({ label: text, location: label?.location ?? table.rowLocations[row]!, line: row, table: table.index, part });
      rows.push(row);
    }
  }
  return { slots, rows };
}

function readDescriptions(table: Table, groupId: string, analysis: TransitionAnalysis, context: Context): void {
  analysis.headings.set(groupId, headings(table, 0));
  const known = groupVocabulary(groupId, context);
  const { slots, rows } = rowSlots(table, 1, known);
  const described = new Map<string, Description>();
  for (const [slot, state] of resolveLabels(slots, known, context)) {
    const cell = table.grid[rows[slot]!]![1];
    if (!cell) continue;
    described.set(state.id, { state, text: cell.text.trim(), cell });
  }
  analysis.descriptions.set(groupId, described);
}

function readTransitions(
  table: Table,
  settings: TransitionTableConfig,
  kind: 'during' | 'beforeAfter',
  analysis: TransitionAnalysis,
  context: Context,
): void {
  const headerRow = settings.headerRow ?? 0;
  analysis.headings.set(kind, headings(table, 0));
  const states = groupVocabulary(settings.stateGroup, context);
  const operations = operationVocabulary(context);
  const columnKnown = kind === 'during' ? operations : { ...states, header: 'column' as const };
  const header = table.grid[headerRow] ?? [];
  const columnSlots: LabelSlot[] = [];
  for (let column = 1; column < table.width; column++) {
    const cell = header[column];
    if (!cell || blank(cell)) continue;
    columnSlots.push({ label: collapseWhitespace(cell.text), location: cell.location, line: column, table: table.index, part: 0 });
  }
  const columns = new Map([...resolveLabels(columnSlots, columnKnown, context)].map(([slot, found]) => [columnSlots[slot]!.line, found]));
  const { slots, rows } = rowSlots(table, headerRow + 1, states);
  for (const row of new Set(rows)) {
    const found = checkRowCells(table, row, headerRow, { spec: context.specId, locale: context.source.locale });
    if (found) context.diagnostics.push(found);
  }
  const rowHeaders = resolveLabels(slots, states, context);
  const axes = analysis.axes[kind];
  for (const found of columns.values()) axes.columns.set(found.id, found);
  for (const [slot, from] of rowHeaders) {
    axes.rows.set(from.id, from);
    for (const [column, target] of columns) {
      const cell = table.grid[rows[slot]!]![column];
      if (!cell || blank(cell)) continue;
      const text = collapseWhitespace(cell.text);
      if (kind === 'during') analysis.during.set(pairKey(from.id, target.id), readDuringCell(from.id, target.id, text, cell, states, context));
      else analysis.beforeAfter.set(pairKey(from.id, target.id), { from: from.id, to: target.id, operations: namedOperations(text, cell, operations, context), text, cell });
    }
  }
}

/** "Terminated; will only work when instance is dehydrated" → Terminated plus a note; "Race condition" → a note only. */
function readDuringCell(from: string, operation: string, text: string, cell: Cell, states: Vocabulary, context: Context): DuringCell {
  const result: DuringCell = { from, operation, text, cell };
  const whole = lookupLabel(text, states);
  if (whole) {
    reportResolved({ label: text, location: cell.location }, whole, states, context);
    return { ...result, to: whole.id };
  }
  const split = /^([^;,；，。、]+)[;,；，。、]\s*(.+)$/u.exec(text);
  const head = split ? lookupLabel(split[1]!, states) : undefined;
  if (split && head) {
    reportResolved({ label: split[1]!, location: cell.location }, head, states, context);
    return { ...result, to: head.id, note: split[2]! };
  }
  context.diagnostics.push(
    diagnostic('transition-outcome', {
      at: cell.location,
      message: `"${text}" names no ${states.noun} of the ${context.source.locale} terms; it is read as an outcome without a resulting state.`,
    }),
  );
  return { ...result, note: text };
}

/**
 * Operation labels found in free text, longest first, so "Resume in breakpoint"
 * is not also "Resume". Recorded mistakes and the reference language's labels count too, and are reported.
 */
function namedOperations(text: string, cell: Cell, operations: Vocabulary, context: Context): string[] {
  let rest = normalizeLabel(text);
  const found = new Set<string>();
  const labels = cachedSearchLabels(operations);
  for (const { id, label, via } of labels) {
    if (found.has(id)) continue;
    const at = wordIndex(rest, label);
    if (at < 0) continue;
    found.add(id);
    if (via !== 'term') reportResolved({ label, location: cell.location }, { id, via }, operations, context);
    rest = `${rest.slice(0, at)}\u0000${rest.slice(at + label.length)}`;
  }
  return operations.order.filter((id) => found.has(id));
}

type SearchLabel = { id: string; label: string; via: LabelVia };
const searchLabels = new WeakMap<Vocabulary, SearchLabel[]>();

/** Every label an operation may go by in free text, longest first; built once per vocabulary, not per cell. */
function cachedSearchLabels(operations: Vocabulary): SearchLabel[] {
  let labels = searchLabels.get(operations);
  if (!labels) {
    labels = [
      ...operations.labels.map(({ id, label }) => ({ id, label: normalizeLabel(label), via: 'term' as const })),
      ...[...operations.mistranslations].flatMap(([label, ids]) => ids.map((id) => ({ id, label, via: 'mistranslation' as const }))),
      ...[...operations.reference].map(([label, id]) => ({ id, label, via: 'untranslated' as const })),
    ].sort((a, b) => b.label.length - a.label.length || (a.label < b.label ? -1 : 1));
    searchLabels.set(operations, labels);
  }
  return labels;
}

/** Index of `needle` in `haystack` as a whole word for alphabetic scripts; anywhere for scripts without spaces. */
function wordIndex(haystack: string, needle: string): number {
  if (!/^[\p{Script=Latin}\s\p{P}\d]+$/u.test(needle)) return haystack.indexOf(needle);
  const match = new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').exec(haystack);
  return match ? match.index : -1;
}
