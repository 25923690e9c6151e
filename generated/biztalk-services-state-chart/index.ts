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

const OPERATION_BIT: Readonly<Record<Operation, number>> = {
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

// One bit per operation, in OPERATIONS order.
const ALLOWED_MASK: Readonly<Record<State, number>> = {
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

const ALLOWED_OPERATIONS: Readonly<Record<State, readonly Operation[]>> = {
  "Active": Object.freeze(["Stop", "Restart", "Suspend", "Delete", "Scale", "UpdateConfiguration", "Backup"] as const),
  "Disabled": Object.freeze(["Delete"] as const),
  "Suspended": Object.freeze(["Resume", "Delete", "Backup"] as const),
  "Stopped": Object.freeze(["Start", "Restart", "Delete", "Backup"] as const),
  "ServiceUpdateFailed": Object.freeze(["Delete"] as const),
  "DisableFailed": Object.freeze(["Delete"] as const),
  "EnableFailed": Object.freeze(["Delete"] as const),
  "StartFailed": Object.freeze(["Start", "Stop", "Restart", "Delete", "UpdateConfiguration"] as const),
  "StopFailed": Object.freeze(["Start", "Stop", "Restart", "Delete", "UpdateConfiguration"] as const),
  "RestartFailed": Object.freeze(["Start", "Stop", "Restart", "Delete", "UpdateConfiguration"] as const),
  "SuspendedFailed": Object.freeze(["Suspend", "Resume", "Delete"] as const),
  "ResumeFailed": Object.freeze(["Suspend", "Resume", "Delete"] as const),
  "CreatedFailed": Object.freeze(["Delete"] as const),
  "RestoreFailed": Object.freeze(["Delete"] as const),
  "ConfigUpdateFailed": Object.freeze(["Restart", "Delete", "UpdateConfiguration"] as const),
  "ScaleFailed": Object.freeze(["Delete", "Scale"] as const),
};

/** The "operation not allowed" message, in every locale. */
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

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** True when `value` is one of STATES (for strings from outside the type system). */
export function isState(value: unknown): value is State {
  return typeof value === 'string' && hasOwn(ALLOWED_MASK, value);
}

/** True when `value` is one of OPERATIONS. */
export function isOperation(value: unknown): value is Operation {
  return typeof value === 'string' && hasOwn(OPERATION_BIT, value);
}

/**
 * Whether `operation` may be performed in `state`. Unknown names, non-strings
 * and inherited members (even of a polluted Object.prototype) are never allowed.
 */
export function canPerform(state: State, operation: Operation): boolean {
  return isState(state) && isOperation(operation) && (ALLOWED_MASK[state] & OPERATION_BIT[operation]) !== 0;
}

/** The operations allowed in `state`, in chart order. */
export function allowedOperations(state: State): readonly Operation[] {
  return isState(state) ? ALLOWED_OPERATIONS[state] : [];
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

/** Thrown by assertCanPerform; `message` is in the requested locale. */
export class OperationNotAllowedError extends Error {
  override readonly name = 'OperationNotAllowedError';
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

/** Throws OperationNotAllowedError unless `operation` may be performed in `state`. */
export function assertCanPerform(state: State, operation: Operation, locale?: string): void {
  if (!canPerform(state, operation)) throw new OperationNotAllowedError(state, operation, locale);
}
