import type { SourceAnalysis } from '../align/analyze.js';
import { type AlignedCell, type AlignedTable, cellKey } from '../align/tables.js';
import { type Diagnostic, diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { type CrossTableCheck, isMatrixTable, type SpecConfig } from '../load/types.js';

/** Runs the config's cross-table checks on one source (the reference); every finding names both cells. */
export function checkAcrossTables(analysis: SourceAnalysis, config: SpecConfig): Diagnostic[] {
  const checks = (config.checks ?? []).flatMap((check) =>
    check.rule === 'described' ? checkDescribed(analysis, config, check) : checkAgree(analysis, config, check),
  );
  return [...checks, ...danglingFootnotes(analysis, config)];
}

/** A marker after a label or value of the reference with no footnote text under its table. */
function danglingFootnotes(analysis: SourceAnalysis, config: SpecConfig): Diagnostic[] {
  return config.tables.flatMap((table) => {
    const found = analysis.tables.get(table.id);
    if (!found) return [];
    const referring = [
      ...found.rows.values(),
      ...found.columns.values(),
      ...[...found.cells.values()].map((cell) => ({ footnote: cell.footnote, location: cell.cell.location })),
    ];
    const first = new Map<string, Location>();
    for (const { footnote, location } of referring) if (footnote !== undefined && !first.has(footnote)) first.set(footnote, location);
    return [...first]
      .filter(([marker]) => !found.footnotes.has(marker))
      .map(([marker, location]) =>
        diagnostic('footnote-missing', {
          spec: config.id,
          locale: analysis.source.locale,
          at: location,
          message: `This refers to footnote "${marker}", but no paragraph under table "${table.id}" starts with "${marker}"; the docs print the marker with no text. Add the footnote, or remove the marker.`,
        }),
      );
  });
}

/**
 * Every id of the describing table's row axis that the other tables use (as
 * a row, a column or a ref target) is one of its rows, and every row is used.
 */
function checkDescribed(analysis: SourceAnalysis, config: SpecConfig, check: Extract<CrossTableCheck, { rule: 'described' }>): Diagnostic[] {
  const describing = config.tables.find((table) => table.id === check.table)!;
  const axis = describing.rows;
  const described = analysis.tables.get(check.table);
  const base = { spec: config.id, locale: analysis.source.locale };
  const others = check.usedIn.flatMap((id) => {
    const table = config.tables.find((candidate) => candidate.id === id)!;
    const found = analysis.tables.get(id);
    return found ? [{ table, found }] : [];
  });
  const used = new Map<string, Location>();
  const use = (id: string, location: Location): void => {
    if (!used.has(id)) used.set(id, location);
  };
  for (const { table, found } of others) if (table.rows === axis) for (const [id, header] of found.rows) use(id, header.location);
  for (const { table, found } of others) if (isMatrixTable(table) && table.columns === axis) for (const [id, header] of found.columns) use(id, header.location);
  for (const { table, found } of others) {
    if (!isMatrixTable(table) || table.cell.type !== 'ref' || table.cell.axis !== axis) continue;
    for (const cell of found.cells.values()) if (typeof cell.value === 'string') use(cell.value, cell.cell.location);
  }
  const quoted = check.usedIn.map((id) => `"${id}"`);
  const names = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : quoted.join('');
  const diagnostics: Diagnostic[] = [];
  const describedRows = described?.rows ?? new Map();
  for (const [id, location] of used) {
    if (describedRows.has(id)) continue;
    diagnostics.push(
      diagnostic('row-undescribed', {
        ...base,
        at: location,
        message: `${id} is used in the ${names} tables but the "${check.table}" table does not describe it.`,
        related: described ? [{ ...described.location, message: `The "${check.table}" table.` }] : [],
      }),
    );
  }
  for (const [id, header] of describedRows) {
    if (used.has(id)) continue;
    diagnostics.push(
      diagnostic('row-undescribed', {
        ...base,
        at: described!.cells.get(cellKey(id, firstColumn(described!)))?.cell.location ?? header.location,
        message: `${id} is described in the "${check.table}" table but appears in none of the ${names} tables.`,
        related: others[0] ? [{ ...others[0].found.location, message: `The "${others[0].table.id}" table.` }] : [],
      }),
    );
  }
  return diagnostics;
}

function firstColumn(table: AlignedTable): string {
  return [...table.columns.keys()][0] ?? '';
}

/**
 * A ref matrix (row × column → target) and a mentions matrix (row × target →
 * the columns it names) must say the same: where does each row × column lead?
 */
function checkAgree(analysis: SourceAnalysis, config: SpecConfig, check: Extract<CrossTableCheck, { rule: 'agree' }>): Diagnostic[] {
  const refs = analysis.tables.get(check.ref);
  const mentions = analysis.tables.get(check.mentions);
  if (!refs || !mentions) return [];
  const base = { spec: config.id, locale: analysis.source.locale };
  const diagnostics: Diagnostic[] = [];
  const mentionCells = [...mentions.cells.values()];
  const names = (cell: AlignedCell, id: string): boolean => Array.isArray(cell.value) && cell.value.includes(id);
  for (const cell of refs.cells.values()) {
    if (typeof cell.value !== 'string') continue;
    const named = mentionCells.filter((other) => other.row === cell.row && names(other, cell.column));
    if (named.some((other) => other.column === cell.value)) continue;
    const elsewhere = named[0];
    diagnostics.push(
      diagnostic('tables-disagree', {
        ...base,
        at: cell.cell.location,
        message: elsewhere
          ? `${cell.row} × ${cell.column} leads to ${cell.value} in the "${check.ref}" table, but the "${check.mentions}" table puts ${cell.column} under ${elsewhere.column}.`
          : `${cell.row} × ${cell.column} leads to ${cell.value} in the "${check.ref}" table, but the "${check.mentions}" table names ${cell.column} nowhere in the ${cell.row} row.`,
        related: [
          elsewhere
            ? { ...elsewhere.cell.location, message: `The "${check.mentions}" cell ${cell.row} → ${elsewhere.column}: "${elsewhere.text}".` }
            : { ...(mentions.rows.get(cell.row)?.location ?? cell.cell.location), message: `The ${cell.row} row of the "${check.mentions}" table.` },
        ],
      }),
    );
  }
  for (const other of mentionCells) {
    for (const column of Array.isArray(other.value) ? other.value : []) {
      const cell = refs.cells.get(cellKey(other.row, column));
      if (cell && (cell.value === other.column || typeof cell.value !== 'string')) continue;
      const agreeing = cell && mentionCells.some((x) => x.row === cell.row && x.column === cell.value && names(x, column));
      // Without an agreeing cell, the ref side above has already reported this pair.
      if (cell && !agreeing) continue;
      diagnostics.push(
        diagnostic('tables-disagree', {
          ...base,
          at: other.cell.location,
          message: cell
            ? `"${other.text}" puts ${column} from ${other.row} under ${other.column}, but the "${check.ref}" table says it leads to ${String(cell.value)}.`
            : `"${other.text}" names ${column} from ${other.row} to ${other.column}, but the "${check.ref}" table has no ${other.row} × ${column} cell.`,
          related: [
            cell
              ? { ...cell.cell.location, message: `The "${check.ref}" cell ${other.row} × ${column}.` }
              : { ...(refs.rows.get(other.row)?.location ?? other.cell.location), message: `The ${other.row} row of the "${check.ref}" table.` },
          ],
        }),
      );
    }
  }
  return diagnostics;
}
