import type { Location } from '../diagnostics/diagnostic.js';
import type { Cell, Table } from '../extract/types.js';

export interface MatrixLayout {
  /** The row whose cells name the columns. */
  headerRow: number;
  /** The column whose cells name the rows. */
  labelColumn: number;
}

export const isBlank = (cell: Cell | undefined): boolean => cell === undefined || cell.text.trim() === '';

/**
 * Finds the header row (unless the config gives it) and the label column,
 * skipping group headings: rows above the header that carry a single heading
 * (`<th colspan=15>Operation`) and columns filled by one spanning cell
 * (`<th rowspan=18>BizTalk Service State`).
 */
export function findMatrixLayout(table: Table, configuredHeaderRow?: number): MatrixLayout | undefined {
  const headerRow =
    configuredHeaderRow ??
    table.grid.findIndex((row) => {
      const origins = new Set(row.filter((cell) => !isBlank(cell)).map((cell) => cell!.origin));
      return origins.size >= 2;
    });
  if (headerRow < 0 || headerRow >= table.grid.length) return undefined;
  const body = table.grid.slice(headerRow);
  for (let column = 0; column < table.width; column++) {
    const origins = new Set(body.map((row) => row[column]?.origin));
    if (origins.size > 1) return { headerRow, labelColumn: column };
  }
  return undefined;
}

/**
 * The label column's heading: the last non-blank header cell up to the label
 * column, or else the nearest non-blank cell above it in the label column
 * (a group heading row leaves the corner of the header row blank).
 */
export function findCorner(table: Table, layout: MatrixLayout): { text: string; location: Location } | undefined {
  const { headerRow, labelColumn } = layout;
  const inHeader = table.grid[headerRow]!.slice(0, labelColumn + 1).findLast((cell) => !isBlank(cell));
  const above = table.grid
    .slice(0, headerRow)
    .map((row) => row[labelColumn])
    .findLast((cell) => !isBlank(cell));
  const corner = inHeader ?? above;
  return corner ? { text: corner.text, location: corner.location } : undefined;
}

/** The heading over the column labels, in a row above the header row (`Operation` spanning every operation). */
export function findGroupHeading(table: Table, layout: MatrixLayout): string | undefined {
  for (let row = layout.headerRow - 1; row >= 0; row--) {
    const cell = table.grid[row]!.slice(layout.labelColumn + 1).find((candidate) => !isBlank(candidate));
    if (cell) return cell.text;
  }
  return undefined;
}
