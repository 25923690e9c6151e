/* generated — do not edit. Made by statespec from sources/vm-states-billing/; regenerate with `npm run build` (statespec build). */
/* States and billing status of Azure Virtual Machines */

export declare const POWER_STATES: readonly ["Starting", "Running", "Stopping", "Stopped", "Deallocating", "Deallocated"];
export type PowerState = (typeof POWER_STATES)[number];

export declare const PROVISIONING_STATES: readonly ["Creating", "Updating", "Failed", "Succeeded", "Deleting", "Migrating"];
export type ProvisioningState = (typeof PROVISIONING_STATES)[number];

export declare const OS_PROVISIONING_STATES: readonly ["OSProvisioningInProgress", "OSProvisioningComplete", "Succeeded", "Failed"];
export type OSProvisioningState = (typeof OS_PROVISIONING_STATES)[number];

export declare const BILLING: readonly ["Billed", "NotBilled"];
export type Billing = (typeof BILLING)[number];

export declare const LOCALES: readonly ["de-DE", "en-US", "es-ES", "fr-FR", "ja-JP", "ko-KR", "zh-CN"];
export type Locale = (typeof LOCALES)[number];

export declare const REFERENCE_LOCALE: "en-US";

/** True when `value` is one of POWER_STATES (for strings from outside the type system). */
export declare function isPowerState(value: unknown): value is PowerState;

/** True when `value` is one of PROVISIONING_STATES (for strings from outside the type system). */
export declare function isProvisioningState(value: unknown): value is ProvisioningState;

/** True when `value` is one of OS_PROVISIONING_STATES (for strings from outside the type system). */
export declare function isOSProvisioningState(value: unknown): value is OSProvisioningState;

/** True when `value` is one of BILLING (for strings from outside the type system). */
export declare function isBilling(value: unknown): value is Billing;

/**
 * The best available locale for a BCP 47 tag: an exact match (any case), then
 * the tag with subtags removed from the end (`ko` → `ko-KR`, `en-GB` → `en-US`),
 * then the reference locale.
 */
export declare function resolveLocale(tag?: string): Locale;

// Table "powerStatesAndBilling": one record per PowerState: Description (text), Billing (enum of Billing).

type PowerStatesAndBillingColumn = "Description" | "Billing";

// Table "provisioningStates": one record per ProvisioningState: Description (text).

type ProvisioningStatesColumn = "Description";

// Table "osProvisioningStates": one record per OSProvisioningState: Description (text).

type OsProvisioningStatesColumn = "Description";

// The generic view: every table by id, read through lookup() and text().

/** Each table's id, row ids and column ids (a matrix's column axis, a record table's named columns). */
export declare const TABLES: {
  readonly "powerStatesAndBilling": { readonly id: "powerStatesAndBilling"; readonly rows: typeof POWER_STATES; readonly columns: readonly ["Description", "Billing"] };
  readonly "provisioningStates": { readonly id: "provisioningStates"; readonly rows: typeof PROVISIONING_STATES; readonly columns: readonly ["Description"] };
  readonly "osProvisioningStates": { readonly id: "osProvisioningStates"; readonly rows: typeof OS_PROVISIONING_STATES; readonly columns: readonly ["Description"] };
};

/** What lookup() returns, per table and column. */
export interface CellValues {
  "powerStatesAndBilling": {
    readonly "Description": string | undefined;
    readonly "Billing": Billing | undefined;
  };
  "provisioningStates": {
    readonly "Description": string | undefined;
  };
  "osProvisioningStates": {
    readonly "Description": string | undefined;
  };
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
