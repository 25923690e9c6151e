/* generated — do not edit. Made by statespec from sources/biztalk-services-state-chart/; regenerate with `npm run build` (statespec build). */
/* What you can and can't do using the BizTalk Service state */

export declare const STATES: readonly ["Active", "Disabled", "Suspended", "Stopped", "ServiceUpdateFailed", "DisableFailed", "EnableFailed", "StartFailed", "StopFailed", "RestartFailed", "SuspendedFailed", "ResumeFailed", "CreatedFailed", "RestoreFailed", "ConfigUpdateFailed", "ScaleFailed"];
export type State = (typeof STATES)[number];

export declare const OPERATIONS: readonly ["Start", "Stop", "Restart", "Suspend", "Resume", "Delete", "Scale", "UpdateConfiguration", "Backup"];
export type Operation = (typeof OPERATIONS)[number];

export declare const LOCALES: readonly ["cs-CZ", "de-DE", "en-CA", "en-US", "es-ES", "et-EE", "fi-FI", "fr-FR", "hu-HU", "it-IT", "ja-JP", "ko-KR", "pt-BR", "ru-RU", "zh-CN", "zh-TW"];
export type Locale = (typeof LOCALES)[number];

export declare const REFERENCE_LOCALE: "en-US";

/** True when `value` is one of STATES (for strings from outside the type system). */
export declare function isState(value: unknown): value is State;

/** True when `value` is one of OPERATIONS (for strings from outside the type system). */
export declare function isOperation(value: unknown): value is Operation;

/**
 * The best available locale for a BCP 47 tag: an exact match (any case), then
 * the tag with subtags removed from the end (`ko` → `ko-KR`, `en-GB` → `en-US`),
 * then the reference locale.
 */
export declare function resolveLocale(tag?: string): Locale;

/** The operationNotAllowed message, in every locale. */
export declare const MESSAGES: Readonly<Record<Locale, string>>;

// Table "chart": State × Operation; each cell a mark.

/** Whether the "chart" table marks `operation` for `state`. Unknown ids, non-strings and inherited names (even of a polluted Object.prototype) are never marked. */
export declare function canPerform(state: State, operation: Operation): boolean;

/** The columns the "chart" table marks for `state`, in OPERATIONS order. */
export declare function allowedOperations(state: State): readonly Operation[];

/** Thrown by assertCanPerform; `message` is in the requested locale. */
export declare class OperationNotAllowedError extends Error {
  readonly name: "OperationNotAllowedError";
  readonly state: State;
  readonly operation: Operation;
  readonly locale: Locale;
  constructor(state: State, operation: Operation, locale?: string);
}

/** Throws OperationNotAllowedError unless canPerform(`state`, `operation`). */
export declare function assertCanPerform(state: State, operation: Operation, locale?: string): void;

// The generic view: every table by id, read through lookup() and text().

/** Each table's id, row ids and column ids (a matrix's column axis, a record table's named columns). */
export declare const TABLES: {
  readonly "chart": { readonly id: "chart"; readonly rows: typeof STATES; readonly columns: typeof OPERATIONS };
};

/** What lookup() returns, per table and column. */
export interface CellValues {
  "chart": { readonly [C in Operation]: boolean };
}

export type TableId = keyof typeof TABLES;
export type RowOf<T extends TableId> = (typeof TABLES)[T]['rows'][number];
export type ColumnOf<T extends TableId> = (typeof TABLES)[T]['columns'][number];
export type CellValue<T extends TableId, C extends ColumnOf<T>> = C extends keyof CellValues[T] ? CellValues[T][C] : never;

/**
 * The canonical value of a cell: a boolean for a mark (false when not marked),
 * a value id for an enum, the target id for a ref, the reference locale's text
 * for a text, the ids named for mentions; undefined for a cell the table leaves
 * empty. Unknown names, non-strings and inherited names find nothing.
 */
export declare function lookup<T extends TableId, C extends ColumnOf<T>>(table: T, row: RowOf<T>, column: C): CellValue<T, C>;

/**
 * A cell's text in the best available locale for `locale`: a text cell's text,
 * a ref cell's note, a mentions cell as written, an enum value's word;
 * undefined for a mark or an empty cell.
 */
export declare function text<T extends TableId>(table: T, row: RowOf<T>, column: ColumnOf<T>, locale?: string): string | undefined;
export {};
