/** Text per locale, keyed by BCP 47 tag. */
export type Localized = Record<string, string>;

export interface SpecItem {
  id: string;
  label: Localized;
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

/** The canonical spec of a states × operations chart: generated/<id>/spec.json. Mirrors schema/spec.schema.json. */
export interface MatrixSpec {
  $schema: string;
  /** The generated-file banner (JSON has no comments). */
  $comment: string;
  id: string;
  kind: 'permission-matrix';
  referenceLocale: string;
  locales: string[];
  title: Localized;
  stateHeader: Localized;
  states: SpecItem[];
  operations: SpecItem[];
  allowed: Record<string, string[]>;
  messages: { operationNotAllowed: Localized } & Record<string, Localized>;
  sources: SpecSource[];
}

export interface DescribedState extends SpecItem {
  /** The explanation from the group's description table, where the article describes the state. */
  description?: Localized;
}

export interface TableText {
  /** The section heading above the table. */
  heading: Localized;
  /** The header labels, e.g. ["State", "Explanation"]. */
  header: Localized[];
}

/** The canonical spec of an article with state descriptions and transition tables. */
export interface TransitionSpec {
  $schema: string;
  $comment: string;
  id: string;
  kind: 'transition-article';
  referenceLocale: string;
  locales: string[];
  title: Localized;
  stateGroups: { id: string; text: TableText; states: DescribedState[] }[];
  operations: SpecItem[];
  /** The "during an operation" table: one entry per non-empty cell. */
  transitions: { from: string; operation: string; to?: string; note?: Localized; text: Localized }[];
  /** The "before and after an operation" table: one entry per non-empty cell. */
  outcomes: { from: string; to: string; operations: string[]; text: Localized }[];
  transitionText: { during: TableText; beforeAfter: TableText };
  messages: { operationNotAllowed: Localized };
  sources: SpecSource[];
}

export type Spec = MatrixSpec | TransitionSpec;
