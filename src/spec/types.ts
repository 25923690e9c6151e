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

/** The canonical spec of one article: generated/<id>/spec.json. Mirrors schema/spec.schema.json. */
export interface Spec {
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
