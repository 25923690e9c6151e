import type { Cell, Table } from '../extract/types.js';

export interface MatrixLayout {
  /** The row whose cells name the columns. */
  headerRow: number;
  /** The column whose cells name the rows. */
  labelColumn: number;
}

const isBlank = (cell: Cell | undefined): boolean => cell === undefined || cell.text.trim() === '';

/**
 * Finds the header row and the label column, skipping group headings: rows
 * above the header that carry a single heading (`<th colspan=15>Operation`) and
 * columns filled by one spanning cell (`<th rowspan=18>BizTalk Service State`).
 */
export function findMatrixLayout(table: Table): MatrixLayout | undefined {
  const headerRow = table.grid.findIndex((row) => {
    const origins = new Set(row.filter((cell) => !isBlank(cell)).map((cell) => cell!.origin));
    return origins.size >= 2;
  });
  if (headerRow < 0) return undefined;
  const body = table.grid.slice(headerRow);
  for (let column = 0; column < table.width; column++) {
    const origins = new Set(body.map((row) => row[column]?.origin));
    if (origins.size > 1) return { headerRow, labelColumn: column };
  }
  return undefined;
}
