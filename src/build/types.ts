import type { Accessors, CellConfig } from '../load/types.js';

/** Text per locale, keyed by BCP 47 tag. */
export type Localized = Record<string, string>;

export interface SpecItem {
  id: string;
  label: Localized;
  /** Where each locale's source links the label to, where it does. */
  link?: Localized;
}

/** A named, ordered list of ids, with their labels in every locale. */
export interface SpecAxis {
  id: string;
  /** What one id is, in messages. */
  noun: string;
  /** The runtime's type name for one id, e.g. `State`. */
  type: string;
  /** The runtime's constant listing the ids, e.g. `STATES`. */
  constant: string;
  items: SpecItem[];
}

/** A closed value set of enum cells, with the word for each value in every locale. */
export interface SpecVocabulary {
  id: string;
  values: SpecItem[];
}

/**
 * One stated cell. `value` is canonical: a boolean (mark), a value id (enum),
 * the target id or null (ref), the reference locale's text (text), or ids (mentions).
 */
export interface SpecCell {
  row: string;
  column: string;
  value: boolean | string | string[] | null;
  /** The cell as each locale's source writes it (text, ref and mentions cells). */
  text?: Localized;
  /** What a ref cell says besides its target, or all of it when it names none. */
  note?: Localized;
  /** The marker of the footnote the cell refers to (`Not billed*`). */
  footnote?: string;
}

/** A footnote under a table, and the row and column labels that refer to it. */
export interface SpecFootnote {
  marker: string;
  text: Localized;
  rows?: string[];
  columns?: string[];
}

/** A named column of a record table. */
export interface SpecColumn {
  id: string;
  cell: CellConfig;
  /** The column's header in each locale's source. */
  label: Localized;
  accessor?: string;
}

export interface SpecTable {
  id: string;
  /** Position among the document's tables. */
  position: number;
  /** The row axis. */
  rows: string;
  /** A matrix: the column axis, every cell of type `cell`. */
  columnAxis?: string;
  cell?: CellConfig;
  /** A record table: its named columns. */
  columns?: SpecColumn[];
  /** The section heading above the table. */
  heading: Localized;
  /** The label column's heading. */
  corner: Localized;
  /** A heading row above the column labels (`Operation` over every operation), where the table has one. */
  group?: Localized;
  /** The grid row of the column labels, when the config puts heading rows above it: docs keep that layout, so they read back as sources. */
  headerRow?: number;
  accessors?: Accessors;
  /** The yes/no words of each locale, where the reference writes this table's marks as words: docs print them instead of ✔ and blank. */
  markWords?: { true: Localized; false: Localized };
  /** The footnotes the reference's labels and cells refer to, in marker order of appearance. */
  footnotes?: SpecFootnote[];
  /** Every stated cell, by row then column in axis order. Empty text, ref and mentions cells are not stated. */
  cells: SpecCell[];
}

export interface SpecSource {
  /** Relative to the project root, with `/`. */
  path: string;
  locale: string;
  variant?: string;
  /** ISO date from the document's ms.date. */
  date?: string;
  sha256: string;
  /** reference: supplies the facts; primary: supplies its locale's texts; checked: compared only. */
  role: 'reference' | 'primary' | 'checked';
}

/** A message of the article, in every locale; `inDocs` when the article itself states it. */
export interface SpecMessage {
  id: string;
  text: Localized;
  inDocs: boolean;
}

/** The canonical spec of one article: generated/<id>/spec.json. Mirrors schema/spec.schema.json. */
export interface Spec {
  $schema: string;
  /** The generated-file banner (JSON has no comments). */
  $comment: string;
  id: string;
  /** The runtime package's npm name and version. */
  package: { name: string; version: string };
  referenceLocale: string;
  locales: string[];
  title: Localized;
  axes: SpecAxis[];
  vocabularies: SpecVocabulary[];
  tables: SpecTable[];
  messages: SpecMessage[];
  sources: SpecSource[];
}
