import type { Location } from '../diagnostics/diagnostic.js';

export interface Cell {
  /** Text content; `<br>` and block boundaries become `\n`. */
  text: string;
  /** Where the cell starts (HTML: its start tag; Markdown: its content). */
  location: Location;
  /** Source offsets of the cell's markup, [start, end). */
  range: [number, number];
  /** Shared by every grid slot one source cell fills through rowspan/colspan. */
  origin: number;
  /** True in slots that a span filled, false in the cell's own slot. */
  spanned: boolean;
}

export interface Table {
  /** Position among the document's tables, from 0. */
  index: number;
  location: Location;
  /** Source offsets of the whole table, [start, end): a GFM table's lines, or `<table>` to `</table>`. */
  range: [number, number];
  /** How the source writes it. */
  form: 'gfm' | 'html';
  /** Text of the nearest heading before the table, if any. */
  heading?: string;
  /** Rectangular after span expansion; `undefined` where a row has no cell. */
  grid: (Cell | undefined)[][];
  width: number;
  /** For each row, how many columns its cells (and spans reaching into it) cover. */
  coveredColumns: number[];
  /** For each row, the location of the row's first cell, for row-level findings. */
  rowLocations: Location[];
}
