import type { SourceAnalysis } from '../align/analyze.js';
import { sameValue } from '../align/cells.js';
import type { LabelRecord } from '../align/labels.js';
import { cellKey } from '../align/tables.js';
import { columnCell, type SpecConfig } from '../load/types.js';

export interface Share {
  /** How many agree (or are translated). */
  count: number;
  total: number;
}

/**
 * How many of the reference's comparable cells (every row × column of its
 * tables, empty ones included; text cells are prose and not compared) a
 * source states the same way. A cell the source lacks disagrees.
 */
export function cellAgreement(analysis: SourceAnalysis, reference: SourceAnalysis, config: SpecConfig): Share {
  let count = 0;
  let total = 0;
  for (const table of config.tables) {
    const theirs = reference.tables.get(table.id);
    if (!theirs) continue;
    const mine = analysis.tables.get(table.id);
    for (const row of theirs.rows.keys()) {
      for (const column of theirs.columns.keys()) {
        const type = columnCell(table, column)!;
        if (type.type === 'text') continue;
        const key = cellKey(row, column);
        const expected = theirs.cells.get(key);
        // A mark matrix states every cell; one the reference could not read is no fact to agree with.
        if (type.type === 'mark' && !expected) continue;
        total++;
        const stated = mine?.cells.get(key);
        const present = mine?.rows.has(row) && mine.columns.has(column);
        if (present && (stated === undefined) === (expected === undefined) && sameValue(stated?.value, expected?.value)) count++;
      }
    }
  }
  return { count, total };
}

/** Header labels that are not the reference language's; undefined for a source in the reference's language. */
export function translatedLabels(labels: readonly LabelRecord[], translated: boolean): Share | undefined {
  if (!translated) return undefined;
  return { count: labels.filter((record) => !record.untranslated).length, total: labels.length };
}
