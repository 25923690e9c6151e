import { diagnostic, type Location } from '../diagnostics/diagnostic.js';
import type { FootnoteSplit } from '../extract/footnotes.js';
import type { ExtractedText } from '../extract/prose.js';
import type { Cell, Table } from '../extract/types.js';
import { collapseWhitespace } from '../load/terms.js';
import { type CellConfig, isMatrixTable, type TableConfig } from '../load/types.js';
import { type CellContext, labelOf, type ReadCell, readCell, sameValue } from './cells.js';
import { type Header, type LabelSlot, lookupLabel, reportJoined, resolveLabels, splitRowLabel, type Vocabulary } from './labels.js';
import { findCorner, findGroupHeading, findMatrixLayout, isBlank } from './layout.js';
import { checkRowCells } from './row-cells.js';

/** A stated cell, in canonical ids. */
export interface AlignedCell extends ReadCell {
  row: string;
  column: string;
  /** Where it sits, the document table and its grid slot: what `locale add` aligns a new source's words by. Plain numbers, not an object: a large corpus holds millions of cells. */
  table: number;
  gridRow: number;
  gridColumn: number;
}

/** One configured table as one source states it. */
export interface AlignedTable {
  id: string;
  /** Where the (first) document table starts. */
  location: Location;
  heading?: string;
  corner?: { label: string; location: Location };
  group?: string;
  rows: Map<string, Header>;
  /** Column ids: the column axis's ids of a matrix, the named columns of a record table. */
  columns: Map<string, Header>;
  /** Keyed by cellKey(row, column). */
  cells: Map<string, AlignedCell>;
  /** Where the (last) document table ends: footnote texts follow it. */
  end: number;
  /** The document tables it was read from, in order (more than one when `continued`). */
  parts: TablePart[];
  /** A Mermaid block right after the table (an earlier publication's diagram), [start, end). */
  diagram?: [number, number];
  /** The texts of the footnotes that labels and cells refer to, by marker. */
  footnotes: Map<string, ExtractedText>;
}

/** One document table of a configured table: where it is, how it is written, and the ids it states. */
export interface TablePart {
  range: [number, number];
  form: Table['form'];
  /** Row and column ids its labels name, in the order it writes them. */
  rows: string[];
  columns: string[];
}

export function cellKey(row: string, column: string): string {
  return `${row}\u0000${column}`;
}

export interface TableContext extends CellContext {
  /** The vocabulary of an axis heading rows or columns. */
  axis: (axis: string, header: Vocabulary['header']) => Vocabulary;
}

/** The document tables a configured table reads: its position, and the following ones when it is `continued`. */
export function claimedTables(tables: readonly Table[], config: TableConfig, all: readonly TableConfig[]): Table[] {
  const first = tables[config.position];
  if (!first) return [];
  if (!config.continued) return [first];
  const next = Math.min(...all.map((other) => other.position).filter((position) => position > config.position), tables.length);
  return tables.slice(config.position, next);
}

/**
 * Reads one configured table from the document tables it claims. A table
 * after the first continues it only while its row labels are the row axis's:
 * a "See also" table after a split chart is not part of it.
 */
export function alignTable(tables: readonly Table[], config: TableConfig, context: TableContext): AlignedTable {
  const continued: Table[] = [tables[0]!];
  for (const table of tables.slice(1)) {
    if (!continues(table, config, context)) break;
    continued.push(table);
  }
  let end = 0;
  for (const table of continued) for (const row of table.grid) for (const cell of row) if (cell && cell.range[1] > end) end = cell.range[1];
  const aligned: AlignedTable = {
    id: config.id,
    location: tables[0]!.location,
    rows: new Map(),
    columns: new Map(),
    cells: new Map(),
    end,
    parts: [],
    footnotes: new Map(),
  };
  if (tables[0]!.heading !== undefined) aligned.heading = tables[0]!.heading;
  for (const table of continued) alignOne(table, config, aligned, context);
  return aligned;
}

/** Whether at least half of a table's row labels name ids of the row axis (looked up, not reported). */
function continues(table: Table, config: TableConfig, context: TableContext): boolean {
  const layout = findMatrixLayout(table, config.headerRow);
  if (!layout) return false;
  const known = context.axis(config.rows, 'row');
  const labels = table.grid
    .slice(layout.headerRow + 1)
    .map((row) => row[layout.labelColumn])
    .filter((cell): cell is NonNullable<typeof cell> => cell !== undefined && !cell.spanned && !isBlank(cell))
    .flatMap((cell) => splitRowLabel(cell.text, known));
  const named = labels.filter((label) => lookupLabel(label, known) !== undefined).length;
  return labels.length > 0 && named * 2 >= labels.length;
}

function alignOne(table: Table, config: TableConfig, aligned: AlignedTable, context: TableContext): void {
  const part: TablePart = { range: table.range, form: table.form, rows: [], columns: [] };
  aligned.parts.push(part);
  const layout = findMatrixLayout(table, config.headerRow);
  if (!layout) {
    context.diagnostics.push(
      diagnostic('table-malformed', {
        at: table.location,
        spec: context.specId,
        locale: context.source.locale,
        message: `Table ${table.index + 1} ("${config.id}") has no header row with a label column, so its rows and columns cannot be named.`,
      }),
    );
    return;
  }
  const { headerRow, labelColumn } = layout;
  const corner = findCorner(table, layout);
  if (!aligned.corner && corner) aligned.corner = { label: collapseWhitespace(corner.text), location: corner.location };
  const group = config.headerRow !== undefined && config.headerRow > 0 ? findGroupHeading(table, layout) : undefined;
  if (aligned.group === undefined && group !== undefined) aligned.group = collapseWhitespace(group);

  const cellTypes = new Map<number, { id: string; cell: CellConfig }>();
  if (isMatrixTable(config)) {
    const header = table.grid[headerRow]!;
    const slots: LabelSlot[] = [];
    for (let column = labelColumn + 1; column < table.width; column++) {
      const cell = header[column];
      if (!cell || (cell.spanned && header[column - 1]?.origin === cell.origin)) continue;
      if (column >= table.coveredColumns[headerRow]!) continue;
      // A column with neither a label nor a cell is layout (a trailing pipe), not a column.
      if (isBlank(cell) && table.grid.slice(headerRow + 1).every((row) => isBlank(row[column]))) continue;
      const split = labelOf(cell, context);
      slots.push({
        label: collapseWhitespace(split.label),
        location: cell.location,
        line: column,
        table: table.index,
        part: 0,
        ...footnoteOf(split),
        ...linkOf(cell, context),
      });
    }
    for (const [slot, found] of resolveLabels(slots, context.axis(config.columns, 'column'), context)) {
      const column = slots[slot]!.line;
      cellTypes.set(column, { id: found.id, cell: config.cell });
      if (!aligned.columns.has(found.id)) aligned.columns.set(found.id, found);
    }
  } else {
    const header = table.grid[headerRow]!;
    const retired = new Set(config.retiredColumns);
    [...config.columns, ...retired].forEach((named, index) => {
      const column = labelColumn + 1 + index;
      const cell = header[column];
      // A newer revision has dropped the retired columns: their absence is the change, not a defect.
      if (!cell && retired.has(named)) return;
      if (!cell) {
        context.diagnostics.push(
          diagnostic('column-missing', {
            at: table.rowLocations[headerRow]!,
            spec: context.specId,
            locale: context.source.locale,
            message: `Table ${table.index + 1} ("${config.id}") has no column ${column + 1} for ${named.id} (spec.config.json names ${config.columns.length} column(s) after the label column); its cells are not read.`,
          }),
        );
        return;
      }
      cellTypes.set(column, { id: named.id, cell: named.cell });
      const split = labelOf(cell, context);
      if (!aligned.columns.has(named.id)) {
        aligned.columns.set(named.id, {
          id: named.id,
          label: collapseWhitespace(split.label),
          location: cell.location,
          ...footnoteOf(split),
          ...linkOf(cell, context),
        });
      }
    });
  }

  const rowAxis = context.axis(config.rows, 'row');
  const separators = config.rowSeparator === undefined ? /\n/ : new RegExp(`\\n|${config.rowSeparator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const slots: LabelSlot[] = [];
  const rowOfSlot: number[] = [];
  /** Rows whose label cell is a rowspan continuation: they state cells for the row the label started in. */
  const labelRowOf = new Map<number, number>();
  for (let row = headerRow + 1; row < table.grid.length; row++) {
    const cells = table.grid[row]!;
    const labelCell = cells[labelColumn];
    // Columns left of the label column are group headings spanning down; they say nothing about this row.
    if (cells.slice(labelColumn).every(isBlank)) continue;
    const counted = checkRowCells(table, row, headerRow, { spec: context.specId, locale: context.source.locale });
    if (counted) context.diagnostics.push(counted);
    if (labelCell?.spanned) {
      const start = rowOfSlot.findLastIndex((slotRow) => table.grid[slotRow]![labelColumn]?.origin === labelCell.origin);
      if (start >= 0) labelRowOf.set(row, rowOfSlot[start]!);
      continue;
    }
    const split = labelCell ? labelOf(labelCell, context) : { label: '' };
    const location = labelCell?.location ?? table.rowLocations[row]!;
    for (const [part, label] of splitRowLabel(split.label, rowAxis, separators, (joined) => reportJoined(joined, location, rowAxis, context)).entries()) {
      slots.push({
        label,
        location,
        line: row,
        table: table.index,
        part,
        ...footnoteOf(split),
        ...(labelCell ? linkOf(labelCell, context) : {}),
      });
      rowOfSlot.push(row);
    }
  }
  const idsOfRow = new Map<number, Header[]>();
  for (const [slot, found] of resolveLabels(slots, rowAxis, context)) {
    if (!aligned.rows.has(found.id)) aligned.rows.set(found.id, found);
    const row = rowOfSlot[slot]!;
    idsOfRow.set(row, [...(idsOfRow.get(row) ?? []), found]);
  }
  for (const [row, labelRow] of labelRowOf) idsOfRow.set(row, idsOfRow.get(labelRow) ?? []);
  part.rows = [...new Set([...idsOfRow.values()].flat().map((header) => header.id))];
  part.columns = [...new Set([...cellTypes.values()].map((column) => column.id))];
  for (const [row, ids] of [...idsOfRow].sort(([a], [b]) => a - b)) {
    for (const [column, { id, cell: type }] of cellTypes) {
      const cell = table.grid[row]![column];
      // A short row's gap states nothing (row-cells-missing reported it); it is not read as blank.
      if (cell === undefined) continue;
      const read = readCell(cell, type, context);
      if (read === undefined) continue;
      for (const header of ids) record(aligned, alignedCell(read, header.id, id, table.index, row, column), context);
    }
  }
}

/** Built field by field, not spread: every cell gets the same object shape, which a corpus of millions of cells reads much faster. */
function alignedCell(read: ReadCell, row: string, column: string, table: number, gridRow: number, gridColumn: number): AlignedCell {
  const cell: AlignedCell = { value: read.value, text: read.text, cell: read.cell, row, column, table, gridRow, gridColumn };
  if (read.note !== undefined) cell.note = read.note;
  if (read.footnote !== undefined) cell.footnote = read.footnote;
  return cell;
}

function record(aligned: AlignedTable, cell: AlignedCell, context: TableContext): void {
  const key = cellKey(cell.row, cell.column);
  const earlier = aligned.cells.get(key);
  if (!earlier) {
    aligned.cells.set(key, cell);
  } else if (!sameValue(earlier.value, cell.value)) {
    context.diagnostics.push(
      diagnostic('fact-conflict', {
        at: cell.cell.location,
        spec: context.specId,
        locale: context.source.locale,
        message: `${cell.row} × ${cell.column} is stated twice in ${context.source.name}: here ${describeValue(cell)}, earlier ${describeValue(earlier)}.`,
        related: [{ ...earlier.cell.location, message: 'The earlier statement.' }],
      }),
    );
  }
}

/** How a finding names a cell's value: `true ("✔")`, `Billed ("Facturé")`, `Terminated`, `no id ("Race condition")`. */
export function describeValue(cell: Pick<ReadCell, 'value' | 'text'> | undefined): string {
  if (cell === undefined) return 'empty';
  const { value, text } = cell;
  if (typeof value === 'boolean') return `${value} (${text === '' ? 'blank' : `"${text}"`})`;
  if (value === null) return `no id ("${text}")`;
  if (Array.isArray(value)) return value.length === 0 ? `no id ("${text}")` : value.join(', ');
  return text === value ? `"${text}"` : `${value} ("${text}")`;
}

function footnoteOf(split: FootnoteSplit): { footnote?: string } {
  return split.marker === undefined ? {} : { footnote: split.marker };
}

/** Every footnote marker a table's labels and cells use. */
export function footnoteMarkers(table: AlignedTable): Set<string> {
  const markers = new Set<string>();
  for (const header of [...table.rows.values(), ...table.columns.values()]) if (header.footnote !== undefined) markers.add(header.footnote);
  for (const cell of table.cells.values()) if (cell.footnote !== undefined) markers.add(cell.footnote);
  return markers;
}

/** The target of a Markdown or HTML link in a label cell's markup, kept so that docs can link the label too. */
function linkOf(cell: Cell, context: TableContext): { link?: string } {
  const markup = context.source.text.slice(cell.range[0], cell.range[1]);
  if (!markup.includes('](') && !/<a\b/i.test(markup)) return {};
  const target =
    /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/.exec(markup)?.[1] ??
    /<a\b[^>]*\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i
      .exec(markup)
      ?.slice(1)
      .find((part) => part !== undefined);
  return target === undefined || target === '' ? {} : { link: target };
}
