import { findCorner, findGroupHeading, findMatrixLayout, isBlank } from '../align/layout.js';
import { checkRowCells } from '../align/row-cells.js';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { type FootnoteSplit, splitFootnote, swallowedFootnote } from '../extract/footnotes.js';
import type { Cell, Table } from '../extract/types.js';
import { collapseWhitespace } from '../load/terms.js';

/** A row or column label of a reference table, before it has an id. */
export interface LabelDraft {
  label: string;
  location: Location;
  /** Grid row (row labels) or column (column labels) it heads. */
  line: number;
  /** Which of the ids one row label names ("StartFailed<br>StopFailed" has parts 0 and 1). */
  part: number;
  /** Why the reading of this label is a guess, for the review flag. */
  doubts: string[];
}

/** A body cell: its text without footnote marker, whitespace collapsed. */
export interface CellDraft {
  text: string;
  location: Location;
  /** The label of its row as written, for messages. */
  row?: string;
}

/** One document table as init reads it: header, labels, body. */
export interface TableDraft {
  table: Table;
  /** The header row layout finds by itself, and the one init chose (a group heading row above moves it down). */
  foundHeaderRow: number;
  headerRow: number;
  labelColumn: number;
  corner?: { label: string; location: Location };
  groupHeading?: string;
  rows: LabelDraft[];
  columns: LabelDraft[];
  /** The body cells of each column (by index into `columns`), top to bottom. */
  cells: CellDraft[][];
  rowSeparator?: string;
}

export interface ReadContext {
  text: string;
  diagnostics: Diagnostic[];
  /** Added to every diagnostic. */
  spec: string;
  locale: string;
}

/** A table init cannot use, and why; it is left out of the config. */
export interface Unused {
  table: Table;
  reason: string;
}

/**
 * Reads a reference table's labels and cells the way the align stage will
 * read them back: the header row and label column from layout, rows whose
 * label cell is a rowspan continuation folded into the row above, columns
 * past the header's own cells ignored, footnote markers cut off.
 */
export function readTable(table: Table, context: ReadContext): TableDraft | Unused {
  const found = findMatrixLayout(table);
  if (!found) return { table, reason: 'it has no header row of two or more labels over a column of row labels' };
  const headerRow = groupHeadingBelow(table, found.headerRow, found.labelColumn) ? found.headerRow + 1 : found.headerRow;
  const layout = findMatrixLayout(table, headerRow) ?? found;
  const { labelColumn } = layout;
  const draft: TableDraft = { table, foundHeaderRow: found.headerRow, headerRow, labelColumn, rows: [], columns: [], cells: [] };
  const corner = findCorner(table, layout);
  if (corner && corner.text.trim() !== '') {
    draft.corner = {
      label: collapseWhitespace(footnoteOf(cellAt(table, corner.location) ?? { text: corner.text, range: [0, 0] }, context).label),
      location: corner.location,
    };
  }
  const group = headerRow > 0 ? findGroupHeading(table, layout) : undefined;
  if (group !== undefined) draft.groupHeading = collapseWhitespace(group);

  const header = table.grid[headerRow]!;
  const columns: number[] = [];
  for (let column = labelColumn + 1; column < table.width; column++) {
    const cell = header[column];
    // As the align stage reads it: a header cell spanning two columns labels the first, and cells past the header's are extra.
    if (!cell || (cell.spanned && header[column - 1]?.origin === cell.origin)) continue;
    if (column >= table.coveredColumns[headerRow]!) continue;
    if (isBlank(cell) && table.grid.slice(headerRow + 1).every((row) => isBlank(row[column]))) continue;
    draft.columns.push({ label: collapseWhitespace(footnoteOf(cell, context).label), location: cell.location, line: column, part: 0, doubts: [] });
    columns.push(column);
  }
  if (columns.length === 0) return { table, reason: 'it has no column of cells after its label column' };
  draft.cells = columns.map(() => []);

  let rowLabel = '';
  for (let row = headerRow + 1; row < table.grid.length; row++) {
    const cells = table.grid[row]!;
    if (cells.slice(labelColumn).every(isBlank)) continue;
    const labelCell = cells[labelColumn];
    // A section heading across the whole row (`<td colspan=6>Security</td>`) names no row.
    if (labelCell && columns.every((column) => cells[column]?.origin === labelCell.origin)) continue;
    // A short row would not build (its gap states nothing); an extra cell is only a warning. Both as the build reports them.
    const counted = checkRowCells(table, row, headerRow, { spec: context.spec, locale: context.locale });
    if (counted) context.diagnostics.push(counted);
    // A rowspan label: the row states more cells for the row its label started in.
    const continuation = labelCell?.spanned === true && draft.rows.length > 0;
    const split = continuation || !labelCell ? { label: '' } : footnoteOf(labelCell, context);
    const lines = split.label
      .split('\n')
      .map(collapseWhitespace)
      .filter((line) => line !== '');
    if (!continuation) rowLabel = lines.join(' ');
    columns.forEach((column, index) => {
      draft.cells[index]!.push(bodyCell(cells[column], table.rowLocations[row]!, rowLabel, context));
    });
    if (continuation) continue;
    const location = labelCell?.location ?? table.rowLocations[row]!;
    // "StartFailed<br/>StopFailed" names two rows; "Virtual network<br/>injection" is one label broken in two.
    const several = lines.length > 1 && lines.every((line) => !/^\p{Ll}/u.test(line));
    const parts = several ? lines : [collapseWhitespace(split.label)];
    // Lines that are one word each ("StartFailed") are ids as they stand; lines of several words may be one label broken in two.
    const doubtful = several && lines.some((line) => /\s/u.test(line));
    parts.forEach((label, part) => {
      const doubts = doubtful
        ? [`the row label has ${parts.length} lines, read as ${parts.length} ids that share one row; if it is one label, join the lines in the source`]
        : [];
      draft.rows.push({ label, location, line: row, part, doubts });
    });
  }
  if (draft.rows.length === 0) return { table, reason: 'it has no rows below its header row' };
  return draft;
}

/**
 * A header row that holds one heading over blank cells, above a row that
 * labels the columns and leaves its corner blank (an "Operation" heading
 * over the operations): the row below is the header.
 */
function groupHeadingBelow(table: Table, headerRow: number, labelColumn: number): boolean {
  const current = table.grid[headerRow]!;
  const next = table.grid[headerRow + 1];
  if (!next || !isBlank(next[labelColumn])) return false;
  const labelled = (row: (Cell | undefined)[]): number =>
    new Set(
      row
        .slice(labelColumn + 1)
        .filter((cell) => !isBlank(cell))
        .map((cell) => cell!.origin),
    ).size;
  return labelled(current) === 1 && labelled(next) >= 2;
}

function bodyCell(cell: Cell | undefined, fallback: Location, row: string, context: ReadContext): CellDraft {
  if (!cell) return { text: '', location: fallback, row };
  return { text: collapseWhitespace(footnoteOf(cell, context).label), location: cell.location, row };
}

function cellAt(table: Table, location: Location): Cell | undefined {
  for (const row of table.grid)
    for (const cell of row) if (cell && cell.location.line === location.line && cell.location.column === location.column) return cell;
  return undefined;
}

/** A cell's text without its footnote marker; a superscript that swallowed words is reported. */
function footnoteOf(cell: Pick<Cell, 'text' | 'range'> & { location?: Location }, context: ReadContext): FootnoteSplit {
  const split = splitFootnote(cell.text, context.text.slice(cell.range[0], cell.range[1]));
  const swallowed = cell.location && swallowedFootnote(split, { at: cell.location, spec: context.spec, locale: context.locale });
  if (swallowed) context.diagnostics.push(swallowed);
  return split;
}
