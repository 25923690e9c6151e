import type { LabelRecord } from '../align/labels.js';
import { type Diagnostic, diagnostic, type Location } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/types.js';

/** How many labelled rows, row parts and columns one table has: what "same shape" means between two versions. */
export interface TableShape {
  table: number;
  rows: number;
  /** Labels in the row headers; a row naming three states counts three. */
  rowLabels: number;
  columns: number;
  location: Location;
}

export interface Shaped {
  source: SourceFile;
  labels: readonly LabelRecord[];
}

export function tableShapes(labels: readonly LabelRecord[]): TableShape[] {
  const shapes = new Map<number, TableShape & { rowLines: Set<number> }>();
  for (const record of labels) {
    let shape = shapes.get(record.table);
    if (!shape) {
      shape = { table: record.table, rows: 0, rowLabels: 0, columns: 0, location: record.location, rowLines: new Set() };
      shapes.set(record.table, shape);
    }
    if (record.header === 'column') shape.columns++;
    else {
      shape.rowLabels++;
      shape.rowLines.add(record.line);
      shape.rows = shape.rowLines.size;
    }
  }
  return [...shapes.values()].sort((a, b) => a.table - b.table).map(({ rowLines: _, ...shape }) => shape);
}

export function sameShape(a: readonly TableShape[], b: readonly TableShape[]): boolean {
  return (
    a.length === b.length &&
    a.every((shape, i) => {
      const other = b[i]!;
      return shape.table === other.table && shape.rows === other.rows && shape.rowLabels === other.rowLabels && shape.columns === other.columns;
    })
  );
}

/**
 * Same shape, or the same chart split by columns into several tables that
 * each repeat every row (the HTML charts split nine operations into 6 + 3).
 */
export function equivalentShape(a: readonly TableShape[], b: readonly TableShape[]): boolean {
  if (sameShape(a, b)) return true;
  const rowsOf = (shapes: readonly TableShape[]): string | undefined => {
    const kinds = new Set(shapes.map((shape) => `${shape.rows}/${shape.rowLabels}`));
    return kinds.size === 1 ? [...kinds][0] : undefined;
  };
  const columns = (shapes: readonly TableShape[]): number => shapes.reduce((sum, shape) => sum + shape.columns, 0);
  return rowsOf(a) !== undefined && rowsOf(a) === rowsOf(b) && columns(a) === columns(b);
}

export function describeShape(shape: TableShape): string {
  const parts = shape.rowLabels === shape.rows ? `${shape.rows} rows` : `${shape.rows} rows naming ${shape.rowLabels} states`;
  return `table ${shape.table + 1}: ${parts}, ${shape.columns} columns`;
}

/** The first table where two shape lists differ, described both ways; undefined when they agree. */
export function shapeDifference(mine: readonly TableShape[], theirs: readonly TableShape[]): { location?: Location; mine: string; theirs: string } | undefined {
  const count = Math.max(mine.length, theirs.length);
  for (let i = 0; i < count; i++) {
    const a = mine[i];
    const b = theirs[i];
    if (a && b && sameShape([a], [b])) continue;
    const result: { location?: Location; mine: string; theirs: string } = {
      mine: a ? describeShape(a) : `no table ${i + 1}`,
      theirs: b ? describeShape(b) : `no table ${i + 1}`,
    };
    if (a) result.location = a.location;
    return result;
  }
  return undefined;
}

/**
 * A translation may lay its tables out like any version of the reference
 * locale, or split the same chart by columns; any other shape means rows or
 * columns were lost or added.
 */
export function checkTableShape(analysis: Shaped, referenceVersions: readonly Shaped[], specId: string): Diagnostic[] {
  const mine = tableShapes(analysis.labels);
  if (mine.length === 0 || referenceVersions.length === 0) return [];
  const theirs = referenceVersions.map((version) => ({ version, shapes: tableShapes(version.labels) }));
  if (theirs.some(({ shapes }) => equivalentShape(mine, shapes))) return [];
  const closest = theirs.find(({ shapes }) => shapes.length === mine.length) ?? theirs[0]!;
  const difference = shapeDifference(mine, closest.shapes)!;
  return [
    diagnostic('table-shape', {
      spec: specId,
      locale: analysis.source.locale,
      at: difference.location ?? { file: analysis.source.path, line: 1, column: 1 },
      message: `${analysis.source.name} has ${difference.mine}, but ${closest.version.source.name} has ${difference.theirs}; no ${closest.version.source.locale} version has this layout.`,
      related: closest.shapes[0] ? [{ ...closest.shapes[0].location, message: `The tables of ${closest.version.source.name}.` }] : [],
    }),
  ];
}
