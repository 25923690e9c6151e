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

interface ConfigBase {
  id: string;
  referenceLocale: string;
  primarySources?: Record<string, string>;
  title?: TextRule;
  suppressions?: Suppression[];
}

/** spec.config.json of a states × operations chart. */
export interface MatrixConfig extends ConfigBase {
  kind: 'permission-matrix';
  states: string[];
  operations: string[];
  marks?: { allowed: string[] };
  messages: Record<string, TextRule> & { operationNotAllowed: TextRule };
}

export interface TransitionTableConfig {
  table: number;
  headerRow?: number;
  stateGroup: string;
}

/** spec.config.json of an article with state descriptions and transition tables. */
export interface TransitionConfig extends ConfigBase {
  kind: 'transition-article';
  stateGroups: { id: string; table: number; states: string[] }[];
  operations: string[];
  transitions: { during: TransitionTableConfig; beforeAfter: TransitionTableConfig };
}

/** sources/<spec-id>/spec.config.json, after schema validation. */
export type SpecConfig = MatrixConfig | TransitionConfig;

/**
 * A reviewed label. `variants` are other right spellings; `mistranslations` are
 * wrong labels some source uses for this id, read as this id but reported;
 * `review` marks a label `locale add` bootstrapped and a person has not checked yet.
 */
export type TermEntry = string | { label: string; variants?: string[]; mistranslations?: string[]; note?: string; review?: string };

/** sources/<spec-id>/terms/<locale>.json, after schema validation. */
export interface TermsFile {
  locale: string;
  stateHeader?: string;
  states?: Record<string, TermEntry>;
  stateGroups?: Record<string, Record<string, TermEntry>>;
  operations: Record<string, TermEntry>;
  messages?: Record<string, string>;
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

export interface SpecInput<Config extends SpecConfig = SpecConfig> {
  id: string;
  /** Folder relative to the root, e.g. `sources/biztalk-services-state-chart`. */
  dir: string;
  config: Loaded<Config>;
  terms: Map<string, Loaded<TermsFile>>;
  /** Locales that have a terms file, even one that failed to load. */
  termsFiles: Set<string>;
  sources: SourceFile[];
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
