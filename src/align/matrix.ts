import { closest } from 'fastest-levenshtein';
import { diagnostic, type Diagnostic, type Location, type Staged } from '../diagnostics/diagnostic.js';
import type { Cell, Table } from '../extract/types.js';
import { acceptedLabels, collapseWhitespace, normalizeLabel, termIndex, type Axis } from '../load/terms.js';
import type { SourceFile, SpecConfig, TermsFile } from '../load/types.js';
import { findMatrixLayout } from './layout.js';

export const DEFAULT_ALLOWED_MARKS = ['√', '✔', '✓', 'x', 'X', '○'] as const;

export interface Fact {
  allowed: boolean;
  cell: Cell;
}

export interface Header {
  id: string;
  label: string;
  location: Location;
}

/** One source's permission matrix in canonical ids. */
export interface AlignedMatrix {
  source: SourceFile;
  states: Map<string, Header>;
  operations: Map<string, Header>;
  /** Keyed by factKey(state, operation). */
  facts: Map<string, Fact>;
}

export function factKey(state: string, operation: string): string {
  return `${state}\u0000${operation}`;
}

interface AlignContext {
  source: SourceFile;
  config: SpecConfig;
  terms: TermsFile | undefined;
  diagnostics: Diagnostic[];
  allowedMarks: Set<string>;
  /** normalized label → id, per axis, from the locale's terms. */
  index: Record<Axis, Map<string, string>>;
}

/** A header label before resolution. */
interface LabelSlot {
  label: string;
  location: Location;
  /** Index of the row or column the label heads. */
  line: number;
}

/** Resolves the labels of every table of a source to canonical ids and reads its marks. */
export function alignMatrix(source: SourceFile, tables: readonly Table[], config: SpecConfig, terms: TermsFile | undefined): Staged<AlignedMatrix> {
  const context: AlignContext = {
    source,
    config,
    terms,
    diagnostics: [],
    allowedMarks: new Set(config.marks?.allowed ?? DEFAULT_ALLOWED_MARKS),
    index: {
      states: terms ? termIndex(terms, 'states') : new Map(),
      operations: terms ? termIndex(terms, 'operations') : new Map(),
    },
  };
  const matrix: AlignedMatrix = { source, states: new Map(), operations: new Map(), facts: new Map() };
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

  const columnSlots: LabelSlot[] = [];
  for (let column = labelColumn + 1; column < table.width; column++) {
    const cell = header[column];
    if (!cell || (cell.spanned && header[column - 1]?.origin === cell.origin)) continue;
    if (column >= table.coveredColumns[headerRow]!) continue;
    columnSlots.push({ label: collapseWhitespace(cell.text), location: cell.location, line: column });
  }
  const columns = resolveAxis('operations', columnSlots, context);

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
    for (const part of splitRowLabel(labelCell?.text ?? '', context)) {
      rowSlots.push({ label: part, location: labelCell?.location ?? table.rowLocations[row]!, line: row });
      rowsOfSlot.push(row);
    }
  }
  const rows = resolveAxis('states', rowSlots, context);

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
      const cell = table.grid[row]![column] ?? missingCell(table, row);
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

/** A slot a short row does not fill reads as blank, GFM-style; row-cell-count already reported it. */
function missingCell(table: Table, row: number): Cell {
  return { text: '', location: table.rowLocations[row]!, range: [0, 0], origin: -1, spanned: false };
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

/** "StartFailed<br/>StopFailed" is two states; a label wrapped over lines is still one when the terms know it whole. */
function splitRowLabel(text: string, context: AlignContext): string[] {
  const whole = collapseWhitespace(text);
  if (context.index.states.has(normalizeLabel(whole))) return [whole];
  const parts = text
    .split('\n')
    .map(collapseWhitespace)
    .filter((part) => part !== '');
  return parts.length > 0 ? parts : [whole];
}

function reportCellCount(table: Table, row: number, headerRow: number, context: AlignContext): void {
  const expected = table.coveredColumns[headerRow]!;
  const actual = table.coveredColumns[row]!;
  if (actual === expected) return;
  const extra = table.grid[row]![expected];
  context.diagnostics.push(
    diagnostic('row-cell-count', {
      at: actual > expected && extra ? extra.location : table.rowLocations[row]!,
      spec: context.config.id,
      locale: context.source.locale,
      message:
        actual > expected
          ? `This row has ${actual} cells but the header has ${expected}; the ${actual - expected} extra cell(s) are ignored.`
          : `This row has ${actual} cells but the header has ${expected}; the missing cells read as blank (not allowed).`,
      related: [{ ...table.rowLocations[headerRow]!, message: 'The header row.' }],
    }),
  );
}

const AXIS_NOUN: Record<Axis, { one: string; extra: 'state-extra' | 'operation-extra'; header: string }> = {
  states: { one: 'state', extra: 'state-extra', header: 'row' },
  operations: { one: 'operation', extra: 'operation-extra', header: 'column' },
};

/**
 * Maps labels to ids through the locale's terms. An unknown or duplicated
 * label takes the id its position implies (counted from the nearest known
 * neighbour in the config's order), and the guess is always reported.
 */
function resolveAxis(axis: Axis, slots: LabelSlot[], context: AlignContext): Map<number, Header> {
  const order = context.config[axis];
  const index = context.index[axis];
  const known: (string | undefined)[] = slots.map((slot) => index.get(normalizeLabel(slot.label)));
  const firstSlotOf = new Map<string, number>();
  const problems = new Map<number, 'unknown' | 'duplicate'>();
  known.forEach((id, slot) => {
    if (id === undefined) problems.set(slot, 'unknown');
    else if (firstSlotOf.has(id)) problems.set(slot, 'duplicate');
    else firstSlotOf.set(id, slot);
  });
  const trusted = known.map((id, slot) => (problems.has(slot) ? undefined : id));
  const used = new Set(trusted.filter((id): id is string => id !== undefined));
  const result = new Map<number, Header>();
  slots.forEach((slot, position) => {
    const problem = problems.get(position);
    const id = problem ? positionalGuess(position, trusted, order, used) : trusted[position]!;
    if (problem) reportLabel(axis, slot, problem, id, known[position], firstSlotOf, slots, context);
    if (id === undefined) return;
    used.add(id);
    result.set(position, { id, label: slot.label, location: slot.location });
  });
  // Columns are keyed by grid column, rows by slot index.
  if (axis === 'operations') return new Map([...result].map(([position, header]) => [slots[position]!.line, header]));
  return result;
}

function positionalGuess(position: number, trusted: (string | undefined)[], order: string[], used: Set<string>): string | undefined {
  for (let distance = 1; distance < trusted.length; distance++) {
    for (const neighbour of [position - distance, position + distance]) {
      const id = trusted[neighbour];
      if (id === undefined) continue;
      const guess = order[order.indexOf(id) + (position - neighbour)];
      return guess !== undefined && !used.has(guess) ? guess : undefined;
    }
  }
  const guess = order[position];
  return guess !== undefined && !used.has(guess) ? guess : undefined;
}

function reportLabel(
  axis: Axis,
  slot: LabelSlot,
  problem: 'unknown' | 'duplicate',
  guess: string | undefined,
  knownAs: string | undefined,
  firstSlotOf: Map<string, number>,
  slots: LabelSlot[],
  context: AlignContext,
): void {
  const noun = AXIS_NOUN[axis];
  const base = { spec: context.config.id, locale: context.source.locale };
  const outcome =
    guess === undefined
      ? `no ${noun.one} fits its position, so this ${noun.header} is ignored`
      : `by its position it is read as ${guess}`;
  if (problem === 'duplicate') {
    const first = slots[firstSlotOf.get(knownAs!)!]!;
    context.diagnostics.push(
      diagnostic('label-duplicate', {
        ...base,
        at: slot.location,
        message: `"${slot.label}" (${knownAs}) already heads another ${noun.header} of this table; ${outcome}.`,
        related: [{ ...first.location, message: `The first ${noun.header} labelled "${first.label}".` }],
      }),
    );
    return;
  }
  if (guess === undefined) {
    context.diagnostics.push(
      diagnostic(noun.extra, {
        ...base,
        at: slot.location,
        message: `"${slot.label}" is not a ${context.source.locale} ${noun.one} label and ${outcome}; the reference has no such ${noun.one}.`,
      }),
    );
    return;
  }
  const labels = context.terms
    ? Object.entries(context.terms[axis]).flatMap(([id, entry]) => acceptedLabels(entry).map((label) => ({ id, label })))
    : [];
  const nearest = labels.length > 0 ? closest(normalizeLabel(slot.label), labels.map((l) => normalizeLabel(l.label))) : undefined;
  const nearestTerm = labels.find((l) => normalizeLabel(l.label) === nearest);
  const hint = nearestTerm ? ` The closest ${context.source.locale} term is "${nearestTerm.label}" (${nearestTerm.id}).` : '';
  context.diagnostics.push(
    diagnostic('label-unknown', {
      ...base,
      at: slot.location,
      message: `"${slot.label}" is not a ${context.source.locale} ${noun.one} label in the terms; ${outcome}.${hint}`,
    }),
  );
}
