/* generated — do not edit. Made by statespec from sources/biztalk-server-instance-states/; regenerate with `npm run build` (statespec build). */
/* Service Instance States */

export declare const STATES: readonly ["InBreakpoint", "InBreakpointDehydrated", "ReadyToRun", "Scheduled", "Active", "Dehydrated", "CompletedWithDiscardedMessages", "SuspendedResumable", "SuspendedNotResumable", "Suspended", "Terminated", "TerminatedWithUnconsumedMessages", "PendingSuspend", "PendingTerminate"];
export type State = (typeof STATES)[number];

export declare const TRACKED_STATES: readonly ["Started", "Completed", "Terminated"];
export type TrackedState = (typeof TRACKED_STATES)[number];

export declare const MESSAGE_STATES: readonly ["Consumed", "InProcess", "Queued", "QueuedAwaitingProcessing", "QueuedScheduledForLaterDelivery", "QueuedWaitingToRetry", "Suspended", "SuspendedResumable", "SuspendedNotResumable"];
export type MessageState = (typeof MESSAGE_STATES)[number];

export declare const OPERATIONS: readonly ["Terminate", "Suspend", "Resume", "ResumeInBreakpoint", "Continue", "Attach"];
export type Operation = (typeof OPERATIONS)[number];

export declare const LOCALES: readonly ["en-US", "es-ES", "ja-JP", "zh-CN"];
export type Locale = (typeof LOCALES)[number];

export declare const REFERENCE_LOCALE: "en-US";

/** True when `value` is one of STATES (for strings from outside the type system). */
export declare function isState(value: unknown): value is State;

/** True when `value` is one of TRACKED_STATES (for strings from outside the type system). */
export declare function isTrackedState(value: unknown): value is TrackedState;

/** True when `value` is one of MESSAGE_STATES (for strings from outside the type system). */
export declare function isMessageState(value: unknown): value is MessageState;

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

// Table "instance": one record per State: Explanation (text).

type InstanceColumn = "Explanation";

/** The Explanation of `state` in the "instance" table, in the requested locale; undefined where the table states none. */
export declare function describe(state: State, locale?: string): string | undefined;

// Table "tracked": one record per TrackedState: Explanation (text).

type TrackedColumn = "Explanation";

// Table "message": one record per MessageState: Explanation (text).

type MessageColumn = "Explanation";

// Table "beforeAfter": State × State; each cell a mentions of Operation.

// Table "during": State × Operation; each cell a ref to State.

/** Whether the "during" table states a cell for `state` × `operation`. Unknown ids, non-strings and inherited names (even of a polluted Object.prototype) find none. */
export declare function canPerform(state: State, operation: Operation): boolean;

/** The State the "during" cell of `state` × `operation` names; undefined when the cell is empty or names none. */
export declare function nextState(state: State, operation: Operation): State | undefined;

export interface Transition {
  readonly state: State;
  readonly operation: Operation;
  readonly to?: State;
  /** What the cell says besides its target, in the requested locale. */
  readonly note?: string;
}

/** The whole "during" cell of `state` × `operation`: the State it names and its note in the requested locale; undefined when the cell is empty. */
export declare function transition(state: State, operation: Operation, locale?: string): Transition | undefined;

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
  readonly "instance": { readonly id: "instance"; readonly rows: typeof STATES; readonly columns: readonly ["Explanation"] };
  readonly "tracked": { readonly id: "tracked"; readonly rows: typeof TRACKED_STATES; readonly columns: readonly ["Explanation"] };
  readonly "message": { readonly id: "message"; readonly rows: typeof MESSAGE_STATES; readonly columns: readonly ["Explanation"] };
  readonly "beforeAfter": { readonly id: "beforeAfter"; readonly rows: typeof STATES; readonly columns: typeof STATES };
  readonly "during": { readonly id: "during"; readonly rows: typeof STATES; readonly columns: typeof OPERATIONS };
};

/** What lookup() returns, per table and column. */
export interface CellValues {
  "instance": {
    readonly "Explanation": string | undefined;
  };
  "tracked": {
    readonly "Explanation": string | undefined;
  };
  "message": {
    readonly "Explanation": string | undefined;
  };
  "beforeAfter": { readonly [C in State]: readonly Operation[] | undefined };
  "during": { readonly [C in Operation]: State | undefined };
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
