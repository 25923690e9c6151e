import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { Table } from '../extract/types.js';

/**
 * A row with more cells than its header (a real defect of seven published
 * charts: an empty 11th cell) loses nothing, so it is a warning and the extra
 * cells are ignored. A row with fewer cells leaves facts unstated: reading the
 * gap as blank would be a guess, so it is an error and the gap is not read.
 */
export function checkRowCells(table: Table, row: number, headerRow: number, where: { spec: string; locale: string }): Diagnostic | undefined {
  const expected = table.coveredColumns[headerRow]!;
  const actual = table.coveredColumns[row]!;
  if (actual === expected) return undefined;
  const related = [{ ...table.rowLocations[headerRow]!, message: 'The header row.' }];
  if (actual > expected) {
    const extra = table.grid[row]![expected];
    return diagnostic('row-cell-count', {
      ...where,
      at: extra ? extra.location : table.rowLocations[row]!,
      message: `This row has ${actual} cells but the header has ${expected}; the ${actual - expected} extra cell(s) are ignored.`,
      related,
    });
  }
  return diagnostic('row-cells-missing', {
    ...where,
    at: table.rowLocations[row]!,
    message: `This row has ${actual} cells but the header has ${expected}, so the last ${expected - actual} column(s) state nothing here and are not read; add the missing cells (for a mark, a blank cell means false).`,
    related,
  });
}
