/* generated — do not edit. Made by statespec from sources/biztalk-services-state-chart/; regenerate with `npm run build` (statespec build). */
/* What you can and can't do using the BizTalk Service state */

export const STATES = [
  "Active",
  "Disabled",
  "Suspended",
  "Stopped",
  "ServiceUpdateFailed",
  "DisableFailed",
  "EnableFailed",
  "StartFailed",
  "StopFailed",
  "RestartFailed",
  "SuspendedFailed",
  "ResumeFailed",
  "CreatedFailed",
  "RestoreFailed",
  "ConfigUpdateFailed",
  "ScaleFailed",
] as const;
export type State = (typeof STATES)[number];

export const OPERATIONS = [
  "Start",
  "Stop",
  "Restart",
  "Suspend",
  "Resume",
  "Delete",
  "Scale",
  "UpdateConfiguration",
  "Backup",
] as const;
export type Operation = (typeof OPERATIONS)[number];

export const LOCALES = [
  "cs-CZ",
  "de-DE",
  "en-CA",
  "en-US",
  "es-ES",
  "et-EE",
  "fi-FI",
  "fr-FR",
  "hu-HU",
  "it-IT",
  "ja-JP",
  "ko-KR",
  "pt-BR",
  "ru-RU",
  "zh-CN",
  "zh-TW",
] as const;
export type Locale = (typeof LOCALES)[number];

export const REFERENCE_LOCALE: Locale = "en-US";

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
const STATE_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(STATES);
const OPERATION_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(OPERATIONS);

/** True when `value` is one of STATES (for strings from outside the type system). */
export function isState(value: unknown): value is State {
  return typeof value === 'string' && STATE_SET.has(value);
}

/** True when `value` is one of OPERATIONS (for strings from outside the type system). */
export function isOperation(value: unknown): value is Operation {
  return typeof value === 'string' && OPERATION_SET.has(value);
}

/**
 * The best available locale for a BCP 47 tag: an exact match (any case), then
 * the tag with subtags removed from the end (`ko` → `ko-KR`, `en-GB` → `en-US`),
 * then the reference locale.
 */
export function resolveLocale(tag?: string): Locale {
  if (typeof tag !== 'string' || tag.trim() === '') return REFERENCE_LOCALE;
  const subtags = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  // zh-Hant-TW should find zh-TW: the script subtag is dropped for a second try.
  const tries = subtags.length > 2 && subtags[1]!.length === 4 ? [subtags, [subtags[0]!, ...subtags.slice(2)]] : [subtags];
  for (const parts of tries) {
    for (let length = parts.length; length > 0; length--) {
      const prefix = parts.slice(0, length).join('-');
      const exact = LOCALES.find((locale) => locale.toLowerCase() === prefix);
      if (exact) return exact;
    }
  }
  // Same language, another region: the reference if it speaks that language, else the first such locale.
  const language = `${subtags[0]}-`;
  if (REFERENCE_LOCALE.toLowerCase().startsWith(language)) return REFERENCE_LOCALE;
  return LOCALES.find((locale) => locale.toLowerCase().startsWith(language)) ?? REFERENCE_LOCALE;
}

/** A text in every locale. */
type Texts = Readonly<Record<Locale, string>>;

/** The stated cells of a table: row → column → what the cell holds. Rows and cells with nothing stated are left out. */
type Store<Row extends string, Column extends string, Leaf> = Readonly<Partial<Record<Row, Readonly<Partial<Record<Column, Leaf>>>>>>;

/**
 * The stated cell at row × column, or undefined. Unknown ids, non-strings and
 * inherited names (even of a polluted Object.prototype) find nothing.
 */
function cellOf<Leaf>(store: { readonly [row: string]: { readonly [column: string]: Leaf | undefined } | undefined }, row: unknown, column: unknown): Leaf | undefined {
  if (typeof row !== 'string' || typeof column !== 'string' || !hasOwn(store, row)) return undefined;
  const cells = store[row]!;
  return hasOwn(cells, column) ? cells[column] : undefined;
}

/**
 * Whether row × column is marked: one bit per column, one mask per row. Both
 * tables have no prototype, so no inherited name is found in them, not even one
 * of a polluted Object.prototype; an unknown id finds nothing, and `?? 0` makes
 * that unmarked. (No hasOwn call: this is the hot path.)
 */
function marked(masks: { readonly [row: string]: number | undefined }, bits: { readonly [column: string]: number | undefined }, row: unknown, column: unknown): boolean {
  return typeof row === 'string' && typeof column === 'string' && ((masks[row] ?? 0) & (bits[column] ?? 0)) !== 0;
}

/** The columns listed for `row`; none for an unknown row. */
function listOf<Column>(lists: { readonly [row: string]: readonly Column[] | undefined }, row: unknown): readonly Column[] {
  return typeof row === 'string' && hasOwn(lists, row) ? lists[row]! : [];
}

/** The operationNotAllowed message, in every locale. */
export const MESSAGES: Readonly<Record<Locale, string>> = {
  "cs-CZ": "Operace není povolena",
  "de-DE": "Vorgang nicht zulässig",
  "en-CA": "Operation not allowed",
  "en-US": "Operation not allowed",
  "es-ES": "Operación no permitida",
  "et-EE": "Toiming pole lubatud",
  "fi-FI": "Toiminto ei ole sallittu",
  "fr-FR": "Opération non autorisée",
  "hu-HU": "A művelet nem engedélyezett",
  "it-IT": "Operazione non consentita",
  "ja-JP": "操作は許可されていません",
  "ko-KR": "작업 허용 안 됨",
  "pt-BR": "Operação não permitida",
  "ru-RU": "Операция не разрешена",
  "zh-CN": "不允许执行该操作",
  "zh-TW": "不允許此作業",
};

// Table "chart": State × Operation; each cell a mark.

// One bit per column, in OPERATIONS order; one mask per row. Without a prototype: see marked().
const CHART_BIT = {
  __proto__: null,
  "Start": 1,
  "Stop": 2,
  "Restart": 4,
  "Suspend": 8,
  "Resume": 16,
  "Delete": 32,
  "Scale": 64,
  "UpdateConfiguration": 128,
  "Backup": 256,
} as Readonly<Record<Operation, number>>;

const CHART_MASK = {
  __proto__: null,
  "Active": 0b111101110,
  "Disabled": 0b100000,
  "Suspended": 0b100110000,
  "Stopped": 0b100100101,
  "ServiceUpdateFailed": 0b100000,
  "DisableFailed": 0b100000,
  "EnableFailed": 0b100000,
  "StartFailed": 0b10100111,
  "StopFailed": 0b10100111,
  "RestartFailed": 0b10100111,
  "SuspendedFailed": 0b111000,
  "ResumeFailed": 0b111000,
  "CreatedFailed": 0b100000,
  "RestoreFailed": 0b100000,
  "ConfigUpdateFailed": 0b10100100,
  "ScaleFailed": 0b1100000,
} as Readonly<Record<State, number>>;

// The columns each row lists, in OPERATIONS order.
const CHART_LIST: Readonly<Record<State, readonly Operation[]>> = {
  "Active": /* @__PURE__ */ Object.freeze(["Stop", "Restart", "Suspend", "Delete", "Scale", "UpdateConfiguration", "Backup"] as const),
  "Disabled": /* @__PURE__ */ Object.freeze(["Delete"] as const),
  "Suspended": /* @__PURE__ */ Object.freeze(["Resume", "Delete", "Backup"] as const),
  "Stopped": /* @__PURE__ */ Object.freeze(["Start", "Restart", "Delete", "Backup"] as const),
  "ServiceUpdateFailed": /* @__PURE__ */ Object.freeze(["Delete"] as const),
  "DisableFailed": /* @__PURE__ */ Object.freeze(["Delete"] as const),
  "EnableFailed": /* @__PURE__ */ Object.freeze(["Delete"] as const),
  "StartFailed": /* @__PURE__ */ Object.freeze(["Start", "Stop", "Restart", "Delete", "UpdateConfiguration"] as const),
  "StopFailed": /* @__PURE__ */ Object.freeze(["Start", "Stop", "Restart", "Delete", "UpdateConfiguration"] as const),
  "RestartFailed": /* @__PURE__ */ Object.freeze(["Start", "Stop", "Restart", "Delete", "UpdateConfiguration"] as const),
  "SuspendedFailed": /* @__PURE__ */ Object.freeze(["Suspend", "Resume", "Delete"] as const),
  "ResumeFailed": /* @__PURE__ */ Object.freeze(["Suspend", "Resume", "Delete"] as const),
  "CreatedFailed": /* @__PURE__ */ Object.freeze(["Delete"] as const),
  "RestoreFailed": /* @__PURE__ */ Object.freeze(["Delete"] as const),
  "ConfigUpdateFailed": /* @__PURE__ */ Object.freeze(["Restart", "Delete", "UpdateConfiguration"] as const),
  "ScaleFailed": /* @__PURE__ */ Object.freeze(["Delete", "Scale"] as const),
};

/** Whether the "chart" table marks `operation` for `state`. Unknown ids, non-strings and inherited names (even of a polluted Object.prototype) are never marked. */
export function canPerform(state: State, operation: Operation): boolean {
  return marked(CHART_MASK, CHART_BIT, state, operation);
}

/** The columns the "chart" table marks for `state`, in OPERATIONS order. */
export function allowedOperations(state: State): readonly Operation[] {
  return listOf(CHART_LIST, state);
}

/** Thrown by assertCanPerform; `message` is in the requested locale. */
export class OperationNotAllowedError extends Error {
  override readonly name = "OperationNotAllowedError";
  readonly state: State;
  readonly operation: Operation;
  readonly locale: Locale;

  constructor(state: State, operation: Operation, locale?: string) {
    const resolved = resolveLocale(locale);
    super(MESSAGES[resolved]);
    this.state = state;
    this.operation = operation;
    this.locale = resolved;
  }
}

/** Throws OperationNotAllowedError unless canPerform(`state`, `operation`). */
export function assertCanPerform(state: State, operation: Operation, locale?: string): void {
  if (!canPerform(state, operation)) throw new OperationNotAllowedError(state, operation, locale);
}

// The generic view: every table by id, read through lookup() and text().

/** Each table's id, row ids and column ids (a matrix's column axis, a record table's named columns). */
export const TABLES = {
  "chart": { id: "chart", rows: STATES, columns: OPERATIONS },
} as const;

/** What lookup() returns, per table and column. */
export interface CellValues {
  "chart": { readonly [C in Operation]: boolean };
}

export type TableId = keyof typeof TABLES;
export type RowOf<T extends TableId> = (typeof TABLES)[T]['rows'][number];
export type ColumnOf<T extends TableId> = (typeof TABLES)[T]['columns'][number];
export type CellValue<T extends TableId, C extends ColumnOf<T>> = C extends keyof CellValues[T] ? CellValues[T][C] : never;

/** How lookup() and text() read the cells of a matrix, or of one column of a record table. */
interface Reader {
  readonly value: (row: unknown, column: unknown) => unknown;
  readonly text: (row: unknown, column: unknown, locale?: string) => string | undefined;
}

/** A record table reads each of its columns its own way. */
type TableReader = Reader | { readonly columns: { readonly [column: string]: Reader | undefined } };

const READERS: { readonly [table: string]: TableReader | undefined } = {
  "chart": {
    value: (row, column) => marked(CHART_MASK, CHART_BIT, row, column),
    text: (row, column, locale) => undefined,
  },
};

function readerOf(table: unknown, column: unknown): Reader | undefined {
  if (typeof table !== 'string' || !hasOwn(READERS, table)) return undefined;
  const reader = READERS[table]!;
  if (!('columns' in reader)) return reader;
  return typeof column === 'string' && hasOwn(reader.columns, column) ? reader.columns[column] : undefined;
}

/**
 * The canonical value of a cell: a boolean for a mark (false when not marked),
 * a value id for an enum, the target id for a ref, the reference locale's text
 * for a text, the ids named for mentions; undefined for a cell the table leaves
 * empty. Unknown names, non-strings and inherited names find nothing.
 */
export function lookup<T extends TableId, C extends ColumnOf<T>>(table: T, row: RowOf<T>, column: C): CellValue<T, C>;
export function lookup(table: string, row: string, column: string): unknown {
  return readerOf(table, column)?.value(row, column);
}

/**
 * A cell's text in the best available locale for `locale`: a text cell's text,
 * a ref cell's note, a mentions cell as written, an enum value's word;
 * undefined for a mark or an empty cell.
 */
export function text<T extends TableId>(table: T, row: RowOf<T>, column: ColumnOf<T>, locale?: string): string | undefined {
  return readerOf(table, column)?.text(row, column, locale);
}
