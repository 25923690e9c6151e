import { diagnostic, type Diagnostic, type Location, type Staged } from '../diagnostics/diagnostic.js';
import type { Cell, Table } from '../extract/types.js';
import { collapseWhitespace, type Axis } from '../load/terms.js';
import { resolveLabels, splitRowLabel, vocabulary, type Header, type LabelContext, type LabelRecord, type LabelSlot, type Vocabulary } from './labels.js';

export type { Header } from './labels.js';
import type { SourceFile, MatrixConfig, TermsFile } from '../load/types.js';
import { findMatrixLayout } from './layout.js';
import { checkRowCells } from './row-cells.js';

export const DEFAULT_ALLOWED_MARKS = ['√', '✔', '✓', 'x', 'X', '○'] as const;

export interface Fact {
  allowed: boolean;
  cell: Cell;
}

/** One source's permission matrix in canonical ids. */
export interface AlignedMatrix {
  source: SourceFile;
  states: Map<string, Header>;
  operations: Map<string, Header>;
  /** Keyed by factKey(state, operation). */
  facts: Map<string, Fact>;
  /** Every header label, resolved or not, by position. */
  labels: LabelRecord[];
  /** The first table's top-left header cell, e.g. "Service state". */
  stateHeader?: { label: string; location: Location };
}

export function factKey(state: string, operation: string): string {
  return `${state}\u0000${operation}`;
}

interface AlignContext {
  source: SourceFile;
  config: MatrixConfig;
  terms: TermsFile | undefined;
  diagnostics: Diagnostic[];
  allowedMarks: Set<string>;
  vocabulary: Record<Axis, Vocabulary>;
  labels: LabelContext;
}

/** Resolves the labels of every table of a source to canonical ids and reads its marks. */
export function alignMatrix(
  source: SourceFile,
  tables: readonly Table[],
  config: MatrixConfig,
  terms: TermsFile | undefined,
  /** The reference locale's terms, when the source is in another language: they recognize untranslated labels. */
  referenceTerms?: TermsFile,
): Staged<AlignedMatrix> {
  const context: AlignContext = {
    source,
    config,
    terms,
    diagnostics: [],
    allowedMarks: new Set(config.marks?.allowed ?? DEFAULT_ALLOWED_MARKS),
    vocabulary: {
      states: vocabulary({
        noun: 'state',
        header: 'row',
        extraCode: 'state-extra',
        pointer: '/states',
        order: config.states,
        terms: terms?.states,
        referenceTerms: referenceTerms?.states,
      }),
      operations: vocabulary({
        noun: 'operation',
        header: 'column',
        extraCode: 'operation-extra',
        pointer: '/operations',
        order: config.operations,
        terms: terms?.operations,
        referenceTerms: referenceTerms?.operations,
      }),
    },
    labels: { specId: config.id, source, diagnostics: [], records: [] },
  };
  context.labels.diagnostics = context.diagnostics;
  const matrix: AlignedMatrix = { source, states: new Map(), operations: new Map(), facts: new Map(), labels: context.labels.records };
  if (tables.length === 0) {
    context.diagnostics.push(
      diagnostic('table-missing', {
        at: { file: source.path, line: 1, column: 1 },
        spec: config.id,
        locale: source.locale,
        message: `${source.name} has no table; expected the ${config.states.length} × ${config.operations.length} chart of states and operations.`,
      }),
    );
  }
  for (const table of tables) alignTable(table, matrix, context);
  return { value: matrix, diagnostics: context.diagnostics };
}

function alignTable(table: Table, matrix: AlignedMatrix, context: AlignContext): void {
  const layout = findMatrixLayout(table);
  if (!layout) {
    context.diagnostics.push(
      diagnostic('table-malformed', {
        at: table.location,
        spec: context.config.id,
        locale: context.source.locale,
        message: `Table ${table.index + 1} has no header row with at least two labels, so its columns cannot be named.`,
      }),
    );
    return;
  }
  const { headerRow, labelColumn } = layout;
  const header = table.grid[headerRow]!;
  // The state column's heading; in the HTML charts it is a group heading spanning down left of a blank corner cell.
  const corner = header.slice(0, labelColumn + 1).findLast((cell) => cell !== undefined && cell.text.trim() !== '');
  if (!matrix.stateHeader && corner) matrix.stateHeader = { label: collapseWhitespace(corner.text), location: corner.location };

  const columnSlots: LabelSlot[] = [];
  for (let column = labelColumn + 1; column < table.width; column++) {
    const cell = header[column];
    if (!cell || (cell.spanned && header[column - 1]?.origin === cell.origin)) continue;
    if (column >= table.coveredColumns[headerRow]!) continue;
    columnSlots.push({ label: collapseWhitespace(cell.text), location: cell.location, line: column, table: table.index, part: 0 });
  }
  const byColumn = resolveLabels(columnSlots, context.vocabulary.operations, context.labels);
  const columns = new Map([...byColumn].map(([slot, header]) => [columnSlots[slot]!.line, header]));

  const rowSlots: LabelSlot[] = [];
  const rowsOfSlot: number[] = [];
  /** Rows whose label cell is a rowspan continuation: they state facts for the row the label started in. */
  const labelRowOf = new Map<number, number>();
  for (let row = headerRow + 1; row < table.grid.length; row++) {
    const cells = table.grid[row]!;
    const labelCell = cells[labelColumn];
    // Columns left of the label column are group headings spanning down; they say nothing about this row.
    if (cells.slice(labelColumn).every((cell) => !cell || cell.text.trim() === '')) continue;
    reportCellCount(table, row, headerRow, context);
    if (labelCell?.spanned) {
      const start = rowsOfSlot.findLastIndex((slotRow) => table.grid[slotRow]![labelColumn]?.origin === labelCell.origin);
      if (start >= 0) labelRowOf.set(row, rowsOfSlot[start]!);
      continue;
    }
    for (const [part, label] of splitRowLabel(labelCell?.text ?? '', context.vocabulary.states).entries()) {
      rowSlots.push({ label, location: labelCell?.location ?? table.rowLocations[row]!, line: row, table: table.index, part });
      rowsOfSlot.push(row);
    }
  }
  const rows = resolveLabels(rowSlots, context.vocabulary.states, context.labels);

  for (const [, operation] of columns) matrix.operations.set(operation.id, matrix.operations.get(operation.id) ?? operation);
  const statesOfRow = new Map<number, Header[]>();
  for (const [slotIndex, state] of rows) {
    if (!matrix.states.has(state.id)) matrix.states.set(state.id, state);
    const row = rowsOfSlot[slotIndex]!;
    statesOfRow.set(row, [...(statesOfRow.get(row) ?? []), state]);
  }
  for (const [row, labelRow] of labelRowOf) statesOfRow.set(row, statesOfRow.get(labelRow) ?? []);
  for (const [row, states] of [...statesOfRow].sort(([a], [b]) => a - b)) {
    for (const [column, operation] of columns) {
      const cell = table.grid[row]![column];
      // A short row's gap states nothing (row-cells-missing reported it); it is not read as blank.
      if (cell === undefined) continue;
      const allowed = readMark(cell, context);
      if (allowed === undefined) continue;
      for (const state of states) recordFact(matrix, state.id, operation.id, { allowed, cell }, context);
    }
  }
}

function recordFact(matrix: AlignedMatrix, state: string, operation: string, fact: Fact, context: AlignContext): void {
  const key = factKey(state, operation);
  const earlier = matrix.facts.get(key);
  if (!earlier) {
    matrix.facts.set(key, fact);
  } else if (earlier.allowed !== fact.allowed) {
    context.diagnostics.push(
      diagnostic('fact-conflict', {
        at: fact.cell.location,
        spec: context.config.id,
        locale: context.source.locale,
        message: `${state} × ${operation} is stated twice in ${context.source.name}: here ${markWord(fact.allowed)}, earlier ${markWord(earlier.allowed)}.`,
        related: [{ ...earlier.cell.location, message: 'The earlier statement.' }],
      }),
    );
  }
}

export function markWord(allowed: boolean): string {
  return allowed ? 'allowed' : 'not allowed';
}

function readMark(cell: Cell, context: AlignContext): boolean | undefined {
  const text = cell.text.trim();
  if (text === '') return false;
  if (context.allowedMarks.has(text)) return true;
  context.diagnostics.push(
    diagnostic('mark-unknown', {
      at: cell.location,
      spec: context.config.id,
      locale: context.source.locale,
      message: `"${text}" is not a mark statespec knows (allowed: ${[...context.allowedMarks].join(' ')}; blank means not allowed), so this fact cannot be read.`,
    }),
  );
  return undefined;
}

function reportCellCount(table: Table, row: number, headerRow: number, context: AlignContext): void {
  const found = checkRowCells(table, row, headerRow, { spec: context.config.id, locale: context.source.locale });
  if (found) context.diagnostics.push(found);
}
