import type { WrittenCell } from '../build/publication.js';
import type { Localized, Spec, SpecAxis, SpecCell, SpecTable } from '../build/types.js';
import { DIAGRAM_MARK } from '../extract/article.js';
import type { CellConfig } from '../load/types.js';
import { inLocale } from './names.js';

/**
 * The views of templates/doc-table.{md,html}.hbs and doc-diagram.md.hbs: one
 * table of the article in one locale, each cell as the locale reads it. Which
 * rows and columns a table shows follows from its cell type: a mark is stated
 * in every cell (blank is false), so a mark table shows every row and column;
 * any other table shows the rows and columns that hold a stated cell, as the
 * article does.
 */

/** One table cell: its text, and the markers of the footnotes it refers to (printed as `<sup>`, as the sources write them). */
export interface DocCell {
  text: string;
  markers: string[];
  /** The target the source links the label to, where it does. */
  link?: string;
  /** The cell's own markup in the source (emphasis, links, code), published as written where it says what the spec says. */
  markup?: string;
}

export interface DiagramView {
  /** A Mermaid comment that tells this diagram from one an author wrote. */
  mark: string;
  states: { id: string; label: string }[];
  edges: { from: string; to: string; label: string }[];
}

/** A table as GFM: the header row, one alignment per column, then the body. */
export interface GfmTableView {
  form: 'gfm';
  header: DocCell[];
  /** One GFM alignment per column: `:-:` under marks, `---` elsewhere. */
  alignments: string[];
  /** Each row's cells, its label first. */
  rows: DocCell[][];
}

/**
 * A table whose column labels sit under one group heading (`headerRow`): HTML,
 * so that the heading spans the labels and the corner spans both header rows.
 */
export interface HtmlTableView {
  form: 'html';
  corner: DocCell;
  group: { text: string; span: string };
  labels: DocCell[];
  rows: { label: DocCell; cells: DocCell[] }[];
}

export type TableView = GfmTableView | HtmlTableView;

/** Which of a table's rows and columns one document table of it shows (a `continued` table is split). */
export interface TableSlice {
  row: (id: string) => boolean;
  column: (id: string) => boolean;
}

export const MARKED = '✔';

const ALIGN_LEFT = '---';
const ALIGN_CENTER = ':-:';

export type WrittenCells = (table: string, row: string, column: string) => WrittenCell | undefined;

/** What an article says in `locale`: each table, sliced as a source splits it, and the diagram after it. */
export interface ArticleViews {
  table: (id: string, slice?: TableSlice) => TableView;
  /** A state diagram after a ref table whose targets are its own rows; undefined for any other table. */
  diagram: (id: string) => DiagramView | undefined;
}

export function articleViews(spec: Spec, locale: string, written: WrittenCells = () => undefined): ArticleViews {
  const text = (value: Localized | undefined): string => inLocale(value, locale, spec.referenceLocale) ?? '';
  const axes = new Map(spec.axes.map((axis) => [axis.id, axis]));
  const axisOf = (id: string): SpecAxis => {
    const axis = axes.get(id);
    if (!axis) throw new Error(`A table names the axis "${id}", which the spec does not have.`);
    return axis;
  };
  const labelOf = (axis: SpecAxis, id: string): string => text(axis.items.find((item) => item.id === id)?.label) || id;
  const linkOf = (axis: SpecAxis, id: string): { link?: string } => {
    const link = text(axis.items.find((item) => item.id === id)?.link);
    return link ? { link } : {};
  };
  const words = new Map(spec.vocabularies.map((vocabulary) => [vocabulary.id, new Map(vocabulary.values.map((value) => [value.id, value.label]))]));
  const tables = new Map(spec.tables.map((table) => [table.id, table]));
  const tableOf = (id: string): SpecTable => {
    const table = tables.get(id);
    if (!table) throw new Error(`The spec has no table "${id}".`);
    return table;
  };

  /** A cell as the locale's reader sees it. */
  const shown = (cell: SpecCell | undefined, config: CellConfig, markWords?: SpecTable['markWords'], source?: Omit<WrittenCell, 'form'>): DocCell => {
    if (!cell) return { text: '', markers: [] };
    if (source && cell.footnote === undefined && config.type !== 'mark' && config.type !== 'enum' && text(cell.text) === source.text) {
      return { text: source.text, markers: [], markup: source.markup };
    }
    const markers = cell.footnote === undefined ? [] : [cell.footnote];
    switch (config.type) {
      case 'mark':
        // A table the reference writes in yes/no words is published in each locale's words, not as ✔ and blank.
        if (markWords) return { text: text(cell.value === true ? markWords.true : markWords.false), markers };
        return { text: cell.value === true ? MARKED : '', markers };
      case 'enum':
        return { text: text(words.get(config.vocabulary)?.get(String(cell.value))) || String(cell.value), markers };
      default:
        return { text: text(cell.text) || (typeof cell.value === 'string' ? cell.value : ''), markers };
    }
  };

  const table = (id: string, slice?: TableSlice): TableView => {
    const table = tableOf(id);
    const rowAxis = axisOf(table.rows);
    const byKey = new Map(table.cells.map((cell) => [`${cell.row}\u0000${cell.column}`, cell]));
    const cellAt = (row: string, column: string): SpecCell | undefined => byKey.get(`${row}\u0000${column}`);
    const footnotes = table.footnotes ?? [];
    const markersOf = (ids: 'rows' | 'columns', id: string): string[] =>
      footnotes.filter((footnote) => footnote[ids]?.includes(id)).map((footnote) => footnote.marker);
    const rowLabel = (row: string): DocCell => ({ text: labelOf(rowAxis, row), markers: markersOf('rows', row), ...linkOf(rowAxis, row) });
    const corner: DocCell = { text: text(table.corner), markers: [] };
    const inSlice = (ids: string[], kept: ((id: string) => boolean) | undefined): string[] => (kept ? ids.filter(kept) : ids);
    const group = text(table.group);
    const form: TableView['form'] = table.headerRow === 1 && group !== '' ? 'html' : 'gfm';
    const writtenAt = (row: string, column: string): WrittenCell | undefined => {
      const found = written(id, row, column);
      return found?.form === form ? found : undefined;
    };
    const laidOut = (labels: DocCell[], body: DocCell[][], alignments: string[]): TableView => {
      if (form === 'html') {
        const rows = body.map(([label, ...cells]) => ({ label: label!, cells }));
        return { form: 'html', corner, group: { text: group, span: String(labels.length) }, labels, rows };
      }
      return { form: 'gfm', ...withHeadingRows(labels, body), alignments };
    };
    /**
     * Heading rows above the column labels, as the config reads the sources
     * (`headerRow`): the corner and the group heading on top, the labels in
     * the first body row, so that the docs read back as a source.
     */
    const withHeadingRows = (labels: DocCell[], body: DocCell[][]): Pick<GfmTableView, 'header' | 'rows'> => {
      if (table.headerRow === undefined) return { header: [corner, ...labels], rows: body };
      const blank = (): DocCell => ({ text: '', markers: [] });
      const group: DocCell = { text: text(table.group), markers: [] };
      const spacer = Array.from({ length: table.headerRow - 1 }, () => [blank(), ...labels.map(blank)]);
      return { header: [corner, group, ...labels.slice(1).map(blank)], rows: [...spacer, [blank(), ...labels], ...body] };
    };

    if (table.cell && table.columnAxis !== undefined) {
      const config = table.cell;
      const columnAxis = axisOf(table.columnAxis);
      const shownRows = inSlice(
        rowAxis.items.map((item) => item.id),
        slice?.row,
      );
      const shownColumns = inSlice(
        columnAxis.items.map((item) => item.id),
        slice?.column,
      );
      const rows = config.type === 'mark' ? shownRows : shownRows.filter((row) => shownColumns.some((column) => cellAt(row, column)));
      const columns = config.type === 'mark' ? shownColumns : shownColumns.filter((column) => shownRows.some((row) => cellAt(row, column)));
      const labels = columns.map((column) => ({ text: labelOf(columnAxis, column), markers: markersOf('columns', column), ...linkOf(columnAxis, column) }));
      return laidOut(
        labels,
        rows.map((row) => [rowLabel(row), ...columns.map((column) => shown(cellAt(row, column), config, table.markWords, writtenAt(row, column)))]),
        [ALIGN_LEFT, ...columns.map(() => (config.type === 'mark' ? ALIGN_CENTER : ALIGN_LEFT))],
      );
    }

    const named = recordColumns(table);
    const columns = slice ? named.filter((column) => slice.column(column.id)) : named;
    const rows = inSlice(
      rowAxis.items.map((item) => item.id),
      slice?.row,
    ).filter((row) => columns.some((column) => cellAt(row, column.id)));
    return laidOut(
      columns.map((column) => ({ text: text(column.label) || column.id, markers: markersOf('columns', column.id) })),
      rows.map((row) => [rowLabel(row), ...columns.map((column) => shown(cellAt(row, column.id), column.cell, table.markWords, writtenAt(row, column.id)))]),
      [ALIGN_LEFT, ...columns.map((column) => (column.cell.type === 'mark' ? ALIGN_CENTER : ALIGN_LEFT))],
    );
  };

  const diagramOf = (id: string): DiagramView | undefined => {
    const table = tableOf(id);
    if (table.cell?.type !== 'ref' || table.cell.axis !== table.rows || table.columnAxis === undefined) return undefined;
    const byKey = new Map(table.cells.map((cell) => [`${cell.row}\u0000${cell.column}`, cell]));
    return diagram(axisOf(table.rows), axisOf(table.columnAxis), (row, column) => byKey.get(`${row}\u0000${column}`), labelOf);
  };

  return { table, diagram: diagramOf };
}

function recordColumns(table: SpecTable): NonNullable<SpecTable['columns']> {
  if (!table.columns) throw new Error(`Table "${table.id}" has neither a column axis with a cell type nor named columns.`);
  return table.columns;
}

/** The states a ref table leads between: an edge per cell that names a target, labelled with its column. */
function diagram(
  rowAxis: SpecAxis,
  columnAxis: SpecAxis,
  cellAt: (row: string, column: string) => SpecCell | undefined,
  labelOf: (axis: SpecAxis, id: string) => string,
): DiagramView {
  const edges: { from: string; to: string; column: string }[] = [];
  for (const row of rowAxis.items) {
    for (const column of columnAxis.items) {
      const target = cellAt(row.id, column.id)?.value;
      if (typeof target === 'string') edges.push({ from: row.id, to: target, column: column.id });
    }
  }
  const used = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  return {
    mark: DIAGRAM_MARK,
    states: rowAxis.items.filter((item) => used.has(item.id)).map((item) => ({ id: item.id, label: labelOf(rowAxis, item.id) })),
    edges: edges.map((edge) => ({ from: edge.from, to: edge.to, label: labelOf(columnAxis, edge.column) })),
  };
}
