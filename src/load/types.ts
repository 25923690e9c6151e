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

/** sources/<spec-id>/spec.config.json, after schema validation. */
export interface SpecConfig {
  id: string;
  kind: 'permission-matrix';
  referenceLocale: string;
  primarySources?: Record<string, string>;
  states: string[];
  operations: string[];
  marks?: { allowed: string[] };
  title?: TextRule;
  messages: Record<string, TextRule> & { operationNotAllowed: TextRule };
  suppressions?: Suppression[];
}

export type TermEntry = string | { label: string; variants?: string[]; note?: string };

/** sources/<spec-id>/terms/<locale>.json, after schema validation. */
export interface TermsFile {
  locale: string;
  stateHeader?: string;
  states: Record<string, TermEntry>;
  operations: Record<string, TermEntry>;
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
}

/** A file as the CLI read it: path relative to the root with `/`, and raw bytes. */
export interface ProjectFile {
  path: string;
  bytes: Uint8Array;
}
