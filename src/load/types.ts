import type { JsonDocument } from './json.js';

export interface TextRule {
  rule: 'first-heading' | 'standalone-emphasis';
  occurrence?: number;
}

export interface Suppression {
  code: string;
  file: string;
  line: number;
  column?: number;
  reason: string;
}

/** An ordered list of canonical ids: the states, the operations, the features, the tiers. */
export interface AxisConfig {
  ids: string[];
  /** What one id is, in messages ("state", "pricing tier"); defaults to the axis id. */
  noun?: string;
  /** The runtime's type name for one id (`State`); defaults to the PascalCase singular of the axis id. */
  type?: string;
  /** The runtime's constant listing the ids (`STATES`); defaults to the UPPER_SNAKE axis id. */
  constant?: string;
  /** Ids only older revisions state: read from them and reported as removed, never in the spec or the runtime. */
  retired?: string[];
}

/** How a cell is read, written and typed. */
export type CellConfig =
  | { type: 'mark' /** Written marks that mean true; blank means false. */; marks?: string[] }
  | { type: 'enum'; vocabulary: string }
  | { type: 'ref'; axis: string }
  | { type: 'text' }
  | { type: 'mentions'; axis: string };

export type CellType = CellConfig['type'];

/** Runtime functions a table gets besides TABLES, lookup() and text(). */
export interface Accessors {
  /** mark: (row, column) → boolean; ref: (row, column) → whether the cell is filled; text/enum column: (row, locale?) → value. */
  check?: string;
  /** mark: (row) → the columns that are true, in axis order. */
  list?: string;
  /** ref: (row, column) → the target id, or undefined. */
  target?: string;
  /** ref: (row, column, locale?) → the whole cell: target and note. */
  cell?: string;
  /** Throws `error` (with the message's text in the requested locale) unless check(row, column). */
  assert?: { function: string; error: string; message: string };
}

interface TableBase {
  /** The table's id in the spec and the runtime. */
  id: string;
  /** Position among the document's tables, from 0; the same in every language. */
  position: number;
  /** The row axis. */
  rows: string;
  /** The row whose cells name the columns; found by layout when absent. */
  headerRow?: number;
  /** Besides line breaks, what separates several ids in one row label ("Pending suspend/Pending terminate"). */
  rowSeparator?: string;
  /** The table may be split by columns over this and the following tables (the HTML charts split nine columns 6 + 3). */
  continued?: boolean;
}

/** Rows × the ids of a column axis, every cell of one type. */
export interface MatrixTableConfig extends TableBase {
  columns: string;
  cell: CellConfig;
  accessor?: string;
  accessors?: Accessors;
}

/** One record per row: named columns, in order after the label column, each with its own type. */
export interface RecordColumnConfig {
  id: string;
  cell: CellConfig;
  /** (row, locale?) → the cell's value (a text in that locale). */
  accessor?: string;
}

export interface RecordTableConfig extends TableBase {
  columns: RecordColumnConfig[];
  /** Columns only older revisions have, after `columns`: read from them and reported as removed, never in the spec or the runtime. */
  retiredColumns?: RecordColumnConfig[];
}

export type TableConfig = MatrixTableConfig | RecordTableConfig;

/** Checks across tables of one article. */
export type CrossTableCheck =
  /** Every id of `table`'s row axis used in `usedIn` (as a row, a column or a ref target) is a row of `table`, and the reverse. */
  | { rule: 'described'; table: string; usedIn: string[] }
  /** A ref matrix and a mentions matrix state the same transitions: ref[row][column] = target exactly when mentions[row][target] names column. */
  | { rule: 'agree'; ref: string; mentions: string };

/** A message the article states (found by a text rule) or one only the terms give. */
export type MessageConfig = TextRule | { rule: 'terms' };

/** sources/<spec-id>/spec.config.json, after schema validation. */
export interface SpecConfig {
  id: string;
  referenceLocale: string;
  primarySources?: Record<string, string>;
  /** Translation source → the reference version it was translated from. */
  bases?: Record<string, string>;
  title?: TextRule;
  /** The runtime package's npm name and version (defaults: the spec id, 0.1.0). */
  package?: { name?: string; version?: string };
  suppressions?: Suppression[];
  axes: Record<string, AxisConfig>;
  /** Closed value sets of enum cells: vocabulary id → value ids. */
  vocabularies?: Record<string, string[]>;
  tables: TableConfig[];
  messages?: Record<string, MessageConfig>;
  checks?: CrossTableCheck[];
}

export const isMatrixTable = (table: TableConfig): table is MatrixTableConfig => typeof table.columns === 'string';

/** Every id a source may name on an axis: the current ones, then the retired ones an older revision states. */
export function axisOrder(axis: AxisConfig | undefined): string[] {
  return [...(axis?.ids ?? []), ...(axis?.retired ?? [])];
}

/** How a table's cells in one column are typed: a matrix's one type, or the record column's (current or retired). */
export function columnCell(table: TableConfig, column: string): CellConfig | undefined {
  if (isMatrixTable(table)) return table.cell;
  return (table.columns.find((named) => named.id === column) ?? table.retiredColumns?.find((named) => named.id === column))?.cell;
}

/**
 * A reviewed label. `variants` are other right spellings; `mistranslations` are
 * wrong labels some source uses for this id, read as this id but reported;
 * `review` marks a label `locale add` bootstrapped and a person has not checked yet.
 */
export type TermEntry = string | { label: string; variants?: string[]; mistranslations?: string[]; note?: string; review?: string };

/** Reviewed texts of one table in one language. */
export interface TableTerms {
  /** The label column's heading (top-left cell), e.g. "Service state". */
  corner?: string;
}

/** sources/<spec-id>/terms/<locale>.json, after schema validation. */
export interface TermsFile {
  locale: string;
  /** axis id → id → label. */
  axes: Record<string, Record<string, TermEntry>>;
  /** vocabulary id (or "mark", the booleans true and false) → value id → the word written in cells. */
  values?: Record<string, Record<string, TermEntry>>;
  tables?: Record<string, TableTerms>;
  messages?: Record<string, string>;
  /** Texts statespec adds to a published article: `outdated`, on one translated from an older revision. */
  notices?: { outdated?: string };
}

/** One source document of one locale, decoded but not yet parsed. */
export interface SourceFile {
  specId: string;
  /** Path relative to the project root, with `/`. */
  path: string;
  /** File name inside the spec folder, e.g. `en-US.2014.md`. */
  name: string;
  locale: string;
  variant?: string;
  text: string;
  sha256: string;
}

export interface Loaded<T> {
  document: JsonDocument;
  value: T;
}

export interface SpecInput {
  id: string;
  /** Folder relative to the root, e.g. `sources/biztalk-services-state-chart`. */
  dir: string;
  config: Loaded<SpecConfig>;
  terms: Map<string, Loaded<TermsFile>>;
  /** Locales that have a terms file, even one that failed to load. */
  termsFiles: Set<string>;
  sources: SourceFile[];
  /** Every file the article was loaded from (for memo keys). */
  files: ProjectFile[];
  /** Where its outputs go and what their banners say. */
  settings: OutputSettings;
}

/** A file as the CLI read it: path relative to the root with `/`, and raw bytes. */
export interface ProjectFile {
  path: string;
  bytes: Uint8Array;
  /** Its size in bytes, when the reader left `bytes` empty because the file is over the size limit. */
  size?: number;
  /** Set when the path is a symbolic link, which the reader does not follow (`bytes` is empty). */
  symbolicLink?: boolean;
}

/** Limits on what the loader reads; every caller starts from DEFAULT_LIMITS. */
export interface Limits {
  /** Files under sources/ larger than this are reported (source-too-large) and not read. */
  maxSourceBytes: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({ maxSourceBytes: 4 * 1024 * 1024 });

/** Where the outputs go and what they say about where they come from (statespec.config.json, or the defaults). */
export interface OutputSettings {
  /** The output folder, relative to the root. */
  output: string;
  /** The command the "do not edit" banners name. */
  regenerate: string;
  /** statespec's schema folder, relative to the root, for `$schema` references. */
  schemaDir: string;
}
