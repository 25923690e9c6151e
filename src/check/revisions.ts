import type { SourceAnalysis } from '../align/analyze.js';
import { sameValue } from '../align/cells.js';
import { type AlignedTable, cellKey, describeValue } from '../align/tables.js';
import { type Diagnostic, diagnostic, type Location, type RelatedLocation } from '../diagnostics/diagnostic.js';
import { columnCell, type SpecConfig, type TableConfig } from '../load/types.js';
import { cellAgreement, type Share } from './agreement.js';

/** The reference version a source was made from, and how that was found. */
export interface Base {
  analysis: SourceAnalysis;
  /** Why this one: "named in spec.config.json (bases)", "ms.date 2021-03-08", … */
  reason: string;
}

/** One fact that differs between an older reference version and the current one. */
export interface FactDifference {
  text: string;
  related: RelatedLocation[];
}

/**
 * Each source's base, among the versions of the reference locale: the one
 * the config names; else the only one with its ms.date; else the base of
 * another translation that shares its ms.openlocfilehash and
 * ms.sourcegitcommit; else the version its tables agree with best (the
 * current reference on a tie). A version of the reference locale is its own
 * base.
 */
export function chooseBases(analyses: readonly SourceAnalysis[], current: SourceAnalysis, config: SpecConfig): Map<SourceAnalysis, Base> {
  const versions = analyses.filter((analysis) => analysis.source.locale === config.referenceLocale);
  const bases = new Map<SourceAnalysis, Base>();
  const named = config.bases ?? {};
  const byName = new Map(versions.map((version) => [version.source.name, version]));
  const translations = analyses.filter((analysis) => analysis.source.locale !== config.referenceLocale);
  for (const version of versions) bases.set(version, { analysis: version, reason: 'a version of the reference locale' });
  for (const translation of translations) {
    const wanted = named[translation.source.name] ?? named[translation.source.path];
    const version = wanted === undefined ? undefined : (byName.get(wanted) ?? versions.find((candidate) => candidate.source.path === wanted));
    if (version) {
      bases.set(translation, { analysis: version, reason: 'named in spec.config.json (bases)' });
      continue;
    }
    const dated = versions.filter((candidate) => translation.metadata.date !== undefined && candidate.metadata.date === translation.metadata.date);
    if (dated.length === 1)
      bases.set(translation, { analysis: dated[0]!, reason: `the only reference version with its ms.date, ${translation.metadata.date}` });
  }
  // Translations of one English revision share its hash and commit: an undecided one follows a decided one.
  for (const translation of translations) {
    if (bases.has(translation) || translation.metadata.sourceRevision === undefined) continue;
    const sibling = translations.find(
      (other) => other !== translation && bases.has(other) && other.metadata.sourceRevision === translation.metadata.sourceRevision,
    );
    if (sibling) {
      bases.set(translation, {
        analysis: bases.get(sibling)!.analysis,
        reason: `ms.openlocfilehash and ms.sourcegitcommit shared with ${sibling.source.name}`,
      });
    }
  }
  for (const translation of translations) {
    if (bases.has(translation)) continue;
    // Translations that share a revision choose together, so that one defect does not move a single file to another base.
    const group = translations.filter(
      (other) =>
        other === translation || (translation.metadata.sourceRevision !== undefined && other.metadata.sourceRevision === translation.metadata.sourceRevision),
    );
    const agreement = (version: SourceAnalysis): number =>
      group.reduce((sum, member) => {
        const share = revisionAgreement(member, version, config);
        return sum + (share.total === 0 ? 0 : share.count / share.total);
      }, 0);
    let best = current;
    let bestAgreement = agreement(current);
    for (const version of versions) {
      const value = agreement(version);
      if (value > bestAgreement) {
        best = version;
        bestAgreement = value;
      }
    }
    const percent = Math.floor((bestAgreement / group.length) * 100);
    for (const member of group) {
      if (!bases.has(member)) bases.set(member, { analysis: best, reason: `the reference version its tables agree with best (${percent}% of its facts)` });
    }
  }
  return bases;
}

/**
 * How well a source matches one reference version: its comparable cells, and
 * the rows and columns the two share out of those either has. Headers count
 * because a revision may differ only in which rows it lists (a table of prose
 * has no cell to compare).
 */
function revisionAgreement(analysis: SourceAnalysis, version: SourceAnalysis, config: SpecConfig): Share {
  const cells = cellAgreement(analysis, version, config);
  let count = cells.count;
  let total = cells.total;
  for (const table of config.tables) {
    const mine = analysis.tables.get(table.id);
    const theirs = version.tables.get(table.id);
    for (const axis of ['rows', 'columns'] as const) {
      const ids = new Set([...(mine?.[axis].keys() ?? []), ...(theirs?.[axis].keys() ?? [])]);
      total += ids.size;
      for (const id of ids) if (mine?.[axis].has(id) && theirs?.[axis].has(id)) count++;
    }
  }
  return { count, total };
}

/**
 * The facts an older reference version states differently from the current
 * one: rows and columns one of them lacks, and cells with another value
 * (text cells are prose and not compared), each with both sides' positions.
 */
export function factDifferences(older: SourceAnalysis, current: SourceAnalysis, config: SpecConfig): FactDifference[] {
  const differences: FactDifference[] = [];
  const where = (location: Location, message: string): RelatedLocation => ({ ...location, message });
  for (const table of config.tables) {
    const before = older.tables.get(table.id);
    const now = current.tables.get(table.id);
    if (!before || !now) {
      if (before || now)
        differences.push({
          text: `table "${table.id}" is ${before ? 'gone' : 'new'}`,
          related: [where((before ?? now)!.location, before ? 'In the older revision.' : 'In the current revision.')],
        });
      continue;
    }
    for (const axis of ['rows', 'columns'] as const) {
      const noun = axis === 'rows' ? 'row' : 'column';
      for (const [id, header] of now[axis]) {
        if (!before[axis].has(id))
          differences.push({ text: `table "${table.id}": ${noun} ${id} added`, related: [where(header.location, 'In the current revision.')] });
      }
      for (const [id, header] of before[axis]) {
        if (!now[axis].has(id))
          differences.push({ text: `table "${table.id}": ${noun} ${id} removed`, related: [where(header.location, 'In the older revision.')] });
      }
    }
    differences.push(...changedCells(table, before, now, where));
  }
  return differences;
}

function changedCells(
  table: TableConfig,
  before: AlignedTable,
  now: AlignedTable,
  where: (location: Location, message: string) => RelatedLocation,
): FactDifference[] {
  const differences: FactDifference[] = [];
  for (const row of now.rows.keys()) {
    if (!before.rows.has(row)) continue;
    for (const column of now.columns.keys()) {
      if (!before.columns.has(column)) continue;
      const type = columnCell(table, column)!;
      if (type.type === 'text') continue;
      const key = cellKey(row, column);
      const was = before.cells.get(key);
      const is = now.cells.get(key);
      if ((was === undefined) === (is === undefined) && sameValue(was?.value, is?.value)) continue;
      const related: RelatedLocation[] = [];
      related.push(where(was?.cell.location ?? before.rows.get(row)!.location, `The older revision: ${describeValue(was)}.`));
      related.push(where(is?.cell.location ?? now.rows.get(row)!.location, `The current revision: ${describeValue(is)}.`));
      differences.push({ text: `table "${table.id}": ${row} × ${column} was ${describeValue(was)}, is ${describeValue(is)}`, related });
    }
  }
  return differences;
}

/** How many differences a finding lists in its message; its related locations hold them all. */
const LISTED = 5;

/** A source made from an older reference revision (or an older version of the reference itself): a warning with what changed since. */
export function outdatedFinding(
  analysis: SourceAnalysis,
  base: Base,
  current: SourceAnalysis,
  differences: readonly FactDifference[],
  config: SpecConfig,
): Diagnostic {
  const own = analysis === base.analysis;
  const first = [...analysis.tables.values()][0]?.location ?? { file: analysis.source.path, line: 1, column: 1 };
  const listed = differences.slice(0, LISTED).map((difference) => difference.text);
  const more = differences.length > LISTED ? `; and ${differences.length - LISTED} more` : '';
  const subject = own
    ? `${analysis.source.name} is an older revision of the reference`
    : `${analysis.source.name} was translated from ${base.analysis.source.name} (${base.reason}), an older revision than the reference ${current.source.name}`;
  return diagnostic('translation-outdated', {
    spec: config.id,
    locale: analysis.source.locale,
    at: first,
    message: own
      ? `${subject}: ${differences.length} fact(s) changed since (${listed.join('; ')}${more}). It is not checked against ${current.source.name} cell by cell; the spec and the docs state ${current.source.name}'s facts. Update it from ${current.source.name}, or remove it.`
      : `${subject}: ${differences.length} fact(s) changed since (${listed.join('; ')}${more}). Its cells are checked against ${base.analysis.source.name}; the published ${analysis.source.locale} article states the current facts, with a notice. Update the translation from ${current.source.name}.`,
    related: differences.flatMap((difference) => difference.related),
  });
}
