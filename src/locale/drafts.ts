import { analyzeSource, type SourceAnalysis } from '../align/analyze.js';
import { DEFAULT_MARKS } from '../align/cells.js';
import type { LabelRecord } from '../align/labels.js';
import type { Location } from '../diagnostics/diagnostic.js';
import { splitFootnote } from '../extract/footnotes.js';
import { extractTables } from '../extract/tables.js';
import type { Table } from '../extract/types.js';
import { collapseWhitespace, MARK_VOCABULARY, normalizeLabel } from '../load/terms.js';
import { columnCell, type SourceFile, type SpecInput, type TermEntry, type TermsFile } from '../load/types.js';
import { parseSource } from '../parse/markdown.js';

/** What `locale add` reads of a source and the tables it aligns with. */
export interface Analysis {
  source: SourceFile;
  metadata: { date?: string };
  labels: LabelRecord[];
  analysis: SourceAnalysis;
}

export function analyze(source: SourceFile, input: SpecInput): Analysis {
  const { value } = analyzeSource(source, input);
  return { source, metadata: value.metadata, labels: value.labels, analysis: value };
}

export interface Draft {
  pointer: string;
  id: string;
  /** What the new source says at each position the reference labels with this id. */
  seen: { label: string; location: Location }[];
  /** Value words: the headings above their cells, which a translator may have copied into the cells ("Facturation"). */
  headings?: Set<string>;
}

/** What the new source says at each position where the reference version it aligns with names an id: header labels, then value words. */
export function collectDrafts(mine: Analysis, match: Analysis, spec: SpecInput): Map<string, Draft> {
  const position = (record: LabelRecord): string => `${record.table}:${record.header}:${record.line}:${record.part}`;
  const referenceAt = new Map(match.labels.filter((record) => record.id !== undefined).map((record) => [position(record), record]));
  const drafts = new Map<string, Draft>();
  for (const record of mine.labels) {
    const reference = referenceAt.get(position(record));
    if (!reference) continue;
    const key = `${reference.pointer}\u0000${reference.id}`;
    const draft = drafts.get(key) ?? { pointer: reference.pointer, id: reference.id!, seen: [] };
    draft.seen.push({ label: record.label, location: record.location });
    drafts.set(key, draft);
  }

  for (const draft of valueDrafts(mine, match, spec)) drafts.set(`${draft.pointer}\u0000${draft.id}`, draft);
  return drafts;
}

/** Distinct spellings, case-folded; value words most used first, and the reference language's word dropped when the source also has its own. */
export function distinctLabels(draft: Draft, referenceWord: string | undefined): { label: string; location: Location }[] {
  const byKey = new Map<string, { seen: { label: string; location: Location }; uses: number }>();
  for (const seen of draft.seen) {
    const key = normalizeLabel(seen.label);
    const known = byKey.get(key);
    if (known) known.uses++;
    else byKey.set(key, { seen, uses: 1 });
  }
  let found = [...byKey.values()];
  if (referenceWord === undefined) return found.map(({ seen }) => seen);
  const own = found.filter(({ seen }) => normalizeLabel(seen.label) !== normalizeLabel(referenceWord));
  // A "Yes" among "Tak" cells is left for the build to report (value-untranslated), not learnt as a variant.
  if (own.length > 0) found = own;
  return found.sort((a, b) => b.uses - a.uses).map(({ seen }) => seen);
}

/**
 * Value words by position: what the new source writes in each mark or enum
 * cell where the reference states a value. Marks and blanks are not words.
 */
function valueDrafts(mine: Analysis, match: Analysis, spec: SpecInput): Draft[] {
  const config = spec.config.value;
  const grids: Table[] = extractTables(parseSource(mine.source)).value;
  const drafts = new Map<string, Draft>();
  for (const table of config.tables) {
    const cells = match.analysis.tables.get(table.id)?.cells.values() ?? [];
    for (const cell of cells) {
      const type = columnCell(table, cell.column)!;
      if (type.type !== 'mark' && type.type !== 'enum') continue;
      const grid = grids[cell.table]?.grid;
      const found = grid?.[cell.gridRow]?.[cell.gridColumn];
      const word = found === undefined ? '' : collapseWhitespace(splitFootnote(found.text, mine.source.text.slice(found.range[0], found.range[1])).label);
      if (word === '' || (type.type === 'mark' && new Set<string>(type.marks ?? DEFAULT_MARKS).has(word))) continue;
      const pointer = `/values/${type.type === 'mark' ? MARK_VOCABULARY : type.vocabulary}`;
      const id = String(cell.value);
      const key = `${pointer}\u0000${id}`;
      const draft = drafts.get(key) ?? { pointer, id, seen: [], headings: new Set<string>() };
      draft.seen.push({ label: word, location: found!.location });
      for (const above of grid!.slice(0, firstDataRow(match, table.id)).map((row) => row[cell.gridColumn])) {
        if (above !== undefined) draft.headings!.add(normalizeLabel(above.text));
      }
      drafts.set(key, draft);
    }
  }
  return withoutContradictions([...drafts.values()]);
}

/**
 * A cell whose word is another value's usual word ("Tak" where the reference
 * says false) contradicts the reference: the build reports it as a
 * fact-mismatch. It is not a spelling of the value, so it is not learnt.
 */
function withoutContradictions(drafts: Draft[]): Draft[] {
  const usual = (draft: Draft): string | undefined => {
    const uses = new Map<string, number>();
    for (const seen of draft.seen) uses.set(normalizeLabel(seen.label), (uses.get(normalizeLabel(seen.label)) ?? 0) + 1);
    return [...uses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  };
  const usualWords = new Map(drafts.map((draft) => [draft, usual(draft)]));
  return drafts.map((draft) => {
    const others = new Set(drafts.filter((other) => other !== draft && other.pointer === draft.pointer).map((other) => usualWords.get(other)));
    const kept = draft.seen.filter((seen) => normalizeLabel(seen.label) === usualWords.get(draft) || !others.has(normalizeLabel(seen.label)));
    return { ...draft, seen: kept };
  });
}

/** The first grid row holding a stated cell of the table: the rows above it are headings. */
function firstDataRow(match: Analysis, tableId: string): number {
  let first = Number.POSITIVE_INFINITY;
  for (const cell of match.analysis.tables.get(tableId)?.cells.values() ?? []) first = Math.min(first, cell.gridRow);
  return Number.isFinite(first) ? first : 0;
}

export function termMapAt(terms: TermsFile | undefined, pointer: string): Record<string, TermEntry> | undefined {
  if (!terms) return undefined;
  const [, namespace, set] = pointer.split('/');
  const record = namespace === 'values' ? terms.values : terms.axes;
  return record && Object.hasOwn(record, set!) ? record[set!] : undefined;
}

export function setAt(document: Record<string, unknown>, pointer: string, entries: Record<string, TermEntry>): void {
  const [, namespace, set] = pointer.split('/');
  const record = (document[namespace!] ?? {}) as Record<string, unknown>;
  record[set!] = entries;
  document[namespace!] = record;
}
