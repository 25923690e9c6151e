/* generated — do not edit. Made by statespec from sources/biztalk-services-state-chart/; regenerate with `npm run build` (statespec build). */
/* What you can and can't do using the BizTalk Service state */
// The types and the documentation of every export are in index.d.ts.

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
];

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
];

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
];

export const REFERENCE_LOCALE = "en-US";

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const STATE_SET = /* @__PURE__ */ new Set(STATES);
const OPERATION_SET = /* @__PURE__ */ new Set(OPERATIONS);

export function isState(value) {
  return typeof value === 'string' && STATE_SET.has(value);
}

export function isOperation(value) {
  return typeof value === 'string' && OPERATION_SET.has(value);
}

export function resolveLocale(tag) {
  if (typeof tag !== 'string' || tag.trim() === '') return REFERENCE_LOCALE;
  const subtags = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  // zh-Hant-TW should find zh-TW: the script subtag is dropped for a second try.
  const tries = subtags.length > 2 && subtags[1].length === 4 ? [subtags, [subtags[0], ...subtags.slice(2)]] : [subtags];
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

/**
 * The stated cell at row × column, or undefined. Unknown ids, non-strings and
 * inherited names (even of a polluted Object.prototype) find nothing.
 */
function cellOf(store, row, column) {
  if (typeof row !== 'string' || typeof column !== 'string' || !hasOwn(store, row)) return undefined;
  const cells = store[row];
  return hasOwn(cells, column) ? cells[column] : undefined;
}

/**
 * Whether row × column is marked: one bit per column, one mask per row. Both
 * tables have no prototype, so no inherited name is found in them, not even one
 * of a polluted Object.prototype; an unknown id finds nothing, and `?? 0` makes
 * that unmarked. (No hasOwn call: this is the hot path.)
 */
function marked(masks, bits, row, column) {
  return typeof row === 'string' && typeof column === 'string' && ((masks[row] ?? 0) & (bits[column] ?? 0)) !== 0;
}

/** The columns listed for `row`; none for an unknown row. */
function listOf(lists, row) {
  return typeof row === 'string' && hasOwn(lists, row) ? lists[row] : [];
}

export const MESSAGES = {
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
};

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
};

// The columns each row lists, in OPERATIONS order.
const CHART_LIST = {
  "Active": /* @__PURE__ */ Object.freeze(["Stop", "Restart", "Suspend", "Delete", "Scale", "UpdateConfiguration", "Backup"]),
  "Disabled": /* @__PURE__ */ Object.freeze(["Delete"]),
  "Suspended": /* @__PURE__ */ Object.freeze(["Resume", "Delete", "Backup"]),
  "Stopped": /* @__PURE__ */ Object.freeze(["Start", "Restart", "Delete", "Backup"]),
  "ServiceUpdateFailed": /* @__PURE__ */ Object.freeze(["Delete"]),
  "DisableFailed": /* @__PURE__ */ Object.freeze(["Delete"]),
  "EnableFailed": /* @__PURE__ */ Object.freeze(["Delete"]),
  "StartFailed": /* @__PURE__ */ Object.freeze(["Start", "Stop", "Restart", "Delete", "UpdateConfiguration"]),
  "StopFailed": /* @__PURE__ */ Object.freeze(["Start", "Stop", "Restart", "Delete", "UpdateConfiguration"]),
  "RestartFailed": /* @__PURE__ */ Object.freeze(["Start", "Stop", "Restart", "Delete", "UpdateConfiguration"]),
  "SuspendedFailed": /* @__PURE__ */ Object.freeze(["Suspend", "Resume", "Delete"]),
  "ResumeFailed": /* @__PURE__ */ Object.freeze(["Suspend", "Resume", "Delete"]),
  "CreatedFailed": /* @__PURE__ */ Object.freeze(["Delete"]),
  "RestoreFailed": /* @__PURE__ */ Object.freeze(["Delete"]),
  "ConfigUpdateFailed": /* @__PURE__ */ Object.freeze(["Restart", "Delete", "UpdateConfiguration"]),
  "ScaleFailed": /* @__PURE__ */ Object.freeze(["Delete", "Scale"]),
};

export function canPerform(state, operation) {
  return marked(CHART_MASK, CHART_BIT, state, operation);
}

export function allowedOperations(state) {
  return listOf(CHART_LIST, state);
}

export class OperationNotAllowedError extends Error {
  name = "OperationNotAllowedError";

  constructor(state, operation, locale) {
    const resolved = resolveLocale(locale);
    super(MESSAGES[resolved]);
    this.state = state;
    this.operation = operation;
    this.locale = resolved;
  }
}

export function assertCanPerform(state, operation, locale) {
  if (!canPerform(state, operation)) throw new OperationNotAllowedError(state, operation, locale);
}

// The generic view: every table by id, read through lookup() and text().

export const TABLES = {
  "chart": { id: "chart", rows: STATES, columns: OPERATIONS },
};

// How lookup() and text() read the cells of a matrix, or of each column of a record table.
const READERS = {
  "chart": {
    value: (row, column) => marked(CHART_MASK, CHART_BIT, row, column),
    text: (row, column, locale) => undefined,
  },
};

function readerOf(table, column) {
  if (typeof table !== 'string' || !hasOwn(READERS, table)) return undefined;
  const reader = READERS[table];
  if (!('columns' in reader)) return reader;
  return typeof column === 'string' && hasOwn(reader.columns, column) ? reader.columns[column] : undefined;
}

export function lookup(table, row, column) {
  return readerOf(table, column)?.value(row, column);
}

export function text(table, row, column, locale) {
  return readerOf(table, column)?.text(row, column, locale);
}
