import type { Localized, Spec, SpecAxis, SpecCell, SpecTable } from '../build/types.js';
import { MESSAGES_CONSTANT, RUNTIME_NAMES } from '../load/runtime-names.js';
import type { CellConfig } from '../load/types.js';
import { identifier, inLocale, lowerCamel, pascalCase, RESERVED_WORDS, upperSnake } from './names.js';
import { RuntimeNameError } from './runtime-name-error.js';

/**
 * The view of templates/runtime.ts.hbs: every name, type and literal of the
 * generated module, worked out here so that the template only prints. A
 * table is read through its parts: a matrix is one part, a record table one
 * part per named column; a part's stores hold its stated cells.
 */

export interface LocaleText {
  locale: string;
  text: string;
}

/** An ordered id list of the runtime: an axis or a vocabulary. */
export interface IdListView {
  constant: string;
  type: string;
  /** The guard, `is<type>`. */
  guard: string;
  /** The Set the guard looks in. */
  set: string;
  ids: string[];
}

/** How one part reads a cell; exactly one of the read flags is true. Store names are '' where a part has no such store. */
export interface PartView {
  /** The record column this part reads, '' for a matrix. */
  recordColumn: string;
  rowType: string;
  columnType: string;
  /** What lookup() returns for a cell of this part. */
  valueType: string;
  /** mark cells: `marked()` over one bit per column. */
  bitmask: boolean;
  /** mark cells of a record column, or of a matrix too wide for one 32-bit mask: a store of the true cells. */
  markStore: boolean;
  /** ref cells: the target, or undefined for a filled cell that names none. */
  ref: boolean;
  /** enum and mentions cells: the stored value as is. */
  plainValue: boolean;
  /** text cells: the reference locale's text. */
  text: boolean;
  /** A mark's check is its value; any other cell's check is whether it is stated. */
  mark: boolean;
  masks: string;
  bits: string;
  values: string;
  /** The store text() reads: texts, or a ref part's notes. */
  texts: string;
  /** An enum part's vocabulary words, which text() reads instead. */
  words: string;
  noText: boolean;
  /** The store whose entries are exactly the part's stated cells (for checks of non-mark cells). */
  stated: string;
}

export interface StoreRow<Leaf> {
  row: string;
  cells: { column: string; value: Leaf }[];
}

export interface StoreView<Leaf> {
  name: string;
  /** Why the store exists, or what it holds; printed as a comment. */
  comment: string;
  rowType: string;
  columnType: string;
  leafType: string;
  rows: StoreRow<Leaf>[];
}

export interface BitmaskView {
  masks: string;
  bits: string;
  rowType: string;
  columnType: string;
  /** What the bits are in order of, for the comment. */
  order: string;
  bitOf: { column: string; bit: number }[];
  maskOf: { row: string; mask: string }[];
}

export interface ListStoreView {
  name: string;
  rowType: string;
  columnType: string;
  order: string;
  rows: { row: string; columns: string[] }[];
}

interface Signature {
  rowParam: string;
  columnParam: string;
  rowType: string;
  columnType: string;
}

export interface CheckView extends Signature {
  name: string;
  /** An internal check exists only for an assert that names no `check` accessor. */
  exported: boolean;
  doc: string;
  part: PartView;
}

export interface ListView {
  name: string;
  doc: string;
  rowParam: string;
  rowType: string;
  columnType: string;
  store: string;
}

export interface TargetView extends Signature {
  name: string;
  doc: string;
  targetType: string;
  targets: string;
}

export interface CellAccessorView extends Signature {
  name: string;
  /** The result's interface: the accessor's name in PascalCase. */
  interfaceName: string;
  doc: string;
  targetType: string;
  targets: string;
  /** '' when the table has no notes. */
  notes: string;
}

export interface AssertView extends Signature {
  function: string;
  error: string;
  check: string;
  messages: string;
}

export interface ColumnAccessorView {
  name: string;
  doc: string;
  rowParam: string;
  rowType: string;
  returnType: string;
  /** text cells take a locale and return the text in it; the others return the canonical value. */
  localized: boolean;
  part: PartView;
}

export interface RuntimeTableView {
  id: string;
  /** One line that says what the table is, for a comment. */
  summary: string;
  isRecord: boolean;
  rowsConstant: string;
  /** A matrix's column axis constant, '' for a record table. */
  columnsConstant: string;
  /** A record table's column type alias (the union of its column ids), '' for a matrix. */
  columnType: string;
  parts: PartView[];
  bitmasks: BitmaskView[];
  listStores: ListStoreView[];
  markStores: StoreView<true>[];
  idStores: StoreView<string>[];
  idListStores: StoreView<string[]>[];
  textStores: StoreView<LocaleText[]>[];
  checks: CheckView[];
  lists: ListView[];
  targets: TargetView[];
  cellAccessors: CellAccessorView[];
  asserts: AssertView[];
  columnAccessors: ColumnAccessorView[];
}

export interface MessageView {
  id: string;
  constant: string;
  texts: LocaleText[];
}

export interface WordsView {
  name: string;
  vocabulary: string;
  type: string;
  words: { value: string; texts: LocaleText[] }[];
}

export interface RuntimeView {
  banner: string;
  title: string;
  idLists: IdListView[];
  locales: string[];
  referenceLocale: string;
  messages: MessageView[];
  words: WordsView[];
  tables: RuntimeTableView[];
  /** Which helpers the module needs: only those are emitted. */
  uses: { marked: boolean; listOf: boolean; localized: boolean; wordOf: boolean };
}

/** A mask is one 32-bit integer: the bitwise operators work on 32 bits. */
export const MAX_BITMASK_COLUMNS = 32;

/** Names a generated function body uses, which a parameter must not shadow. */
const BODY_NAMES = [
  'cellOf',
  'marked',
  'listOf',
  'localized',
  'wordOf',
  'resolveLocale',
  'hasOwn',
  'locale',
  'resolved',
  'result',
  'target',
  'note',
  'Object',
  'Error',
];

/** Names an error instance already has. */
const ERROR_FIELDS = ['name', 'message', 'stack', 'cause', 'locale', 'constructor'];

/** Names of the result of a `cell` accessor. */
const CELL_FIELDS = ['to', 'note'];

interface Context {
  spec: Spec;
  axes: Map<string, SpecAxis>;
  /** Every name the module declares at top level, with what declares it, to refuse a clash. */
  declared: Map<string, string>;
}

/** Plain data for templates/runtime.ts.hbs. */
export function runtimeView(spec: Spec): RuntimeView {
  const context: Context = { spec, axes: new Map(spec.axes.map((axis) => [axis.id, axis])), declared: new Map() };
  for (const name of RUNTIME_NAMES) declare(context, name, 'the runtime');

  const idLists: IdListView[] = [
    ...spec.axes.map((axis) =>
      idList(
        context,
        axis.constant,
        axis.type,
        axis.items.map((item) => item.id),
        `axis "${axis.id}"`,
      ),
    ),
    ...spec.vocabularies.map((vocabulary) =>
      idList(
        context,
        vocabularyConstant(vocabulary.id),
        vocabularyType(vocabulary.id),
        vocabulary.values.map((value) => value.id),
        `vocabulary "${vocabulary.id}"`,
      ),
    ),
  ];

  const messageIds = [...new Set(spec.tables.flatMap((table) => (table.accessors?.assert ? [table.accessors.assert.message] : [])))];
  const messageConstant = (id: string): string => (messageIds.length === 1 ? MESSAGES_CONSTANT : `${upperSnake(id)}_MESSAGES`);
  const messages = messageIds.map((id): MessageView => {
    const message = spec.messages.find((candidate) => candidate.id === id);
    if (!message) throw new RuntimeNameError(`An assert names the message "${id}", which the spec does not have.`);
    return { id, constant: declare(context, messageConstant(id), `message "${id}"`), texts: everyLocale(spec, message.text) };
  });

  const tables = spec.tables.map((table) => tableView(context, table, messageConstant));

  const enumVocabularies = new Set(spec.tables.flatMap((table) => cellConfigs(table).flatMap((cell) => (cell.type === 'enum' ? [cell.vocabulary] : []))));
  const words = spec.vocabularies
    .filter((vocabulary) => enumVocabularies.has(vocabulary.id))
    .map(
      (vocabulary): WordsView => ({
        name: declare(context, wordsStore(vocabulary.id), `vocabulary "${vocabulary.id}"`),
        vocabulary: vocabulary.id,
        type: vocabularyType(vocabulary.id),
        words: vocabulary.values.map((value) => ({ value: value.id, texts: everyLocale(spec, value.label, value.id) })),
      }),
    );

  const parts = tables.flatMap((table) => table.parts);
  return {
    banner: spec.$comment,
    title: spec.title[spec.referenceLocale] ?? spec.id,
    idLists,
    locales: spec.locales,
    referenceLocale: spec.referenceLocale,
    messages,
    words,
    tables,
    uses: {
      marked: parts.some((part) => part.bitmask),
      listOf: tables.some((table) => table.lists.length > 0),
      localized: parts.some((part) => part.texts !== ''),
      wordOf: parts.some((part) => part.words !== ''),
    },
  };
}

/** The runtime names of a vocabulary: `billing` → constant BILLING, type Billing, words BILLING_WORDS. */
export const vocabularyConstant = (id: string): string => upperSnake(id);
export const vocabularyType = (id: string): string => pascalCase(id);
const wordsStore = (id: string): string => `${upperSnake(id)}_WORDS`;

function declare(context: Context, name: string, by: string): string {
  identifier(name, `The runtime name of ${by}`);
  const earlier = context.declared.get(name);
  if (earlier !== undefined) throw new RuntimeNameError(`The runtime name ${name} of ${by} is also the name of ${earlier}.`);
  context.declared.set(name, by);
  return name;
}

function idList(context: Context, constant: string, type: string, ids: string[], what: string): IdListView {
  return {
    constant: declare(context, constant, what),
    type: declare(context, type, what),
    guard: declare(context, `is${type}`, what),
    set: declare(context, `${upperSnake(type)}_SET`, what),
    ids,
  };
}

/** A text in every locale of the spec: the locale's own, else the reference's, else `fallback`. */
function everyLocale(spec: Spec, text: Localized | undefined, fallback = ''): LocaleText[] {
  return spec.locales.map((locale) => ({ locale, text: inLocale(text, locale, spec.referenceLocale) ?? fallback }));
}

function cellConfigs(table: SpecTable): CellConfig[] {
  return table.cell ? [table.cell] : (table.columns ?? []).map((column) => column.cell);
}

function axisOf(context: Context, id: string, by: string): SpecAxis {
  const axis = context.axes.get(id);
  if (!axis) throw new RuntimeNameError(`${by} names the axis "${id}", which the spec does not have.`);
  return axis;
}

/** Parameter (or field) names for a row and a column, from their type names: State → state. */
function pairNames(rowType: string, columnType: string, reserved: string[]): { row: string; column: string } {
  const taken = new Set([...reserved, ...BODY_NAMES, ...RESERVED_WORDS]);
  let row = lowerCamel(rowType);
  let column = lowerCamel(columnType);
  if (taken.has(row) || taken.has(column) || row === column) {
    row = 'row';
    column = 'column';
  }
  return { row, column };
}

function rowName(rowType: string): string {
  const name = lowerCamel(rowType);
  return new Set([...BODY_NAMES, ...RESERVED_WORDS]).has(name) ? 'row' : name;
}

/** What lookup() returns for a cell of this type. */
function valueType(context: Context, cell: CellConfig, by: string): string {
  switch (cell.type) {
    case 'mark':
      return 'boolean';
    case 'enum':
      return `${vocabularyType(cell.vocabulary)} | undefined`;
    case 'ref':
      return `${axisOf(context, cell.axis, by).type} | undefined`;
    case 'mentions':
      return `readonly ${axisOf(context, cell.axis, by).type}[] | undefined`;
    case 'text':
      return 'string | undefined';
  }
}

interface PartInput {
  cell: CellConfig;
  column: string;
  rowAxis: SpecAxis;
  rowType: string;
  columnType: string;
  columnIds: string[];
  /** What the columns are in order of (an axis constant, or the record's columns), for comments. */
  order: string;
  prefix: string;
  cellAt: (row: string, column: string) => SpecCell | undefined;
}

interface PartResult {
  part: PartView;
  bitmasks: BitmaskView[];
  markStores: StoreView<true>[];
  idStores: StoreView<string>[];
  idListStores: StoreView<string[]>[];
  textStores: StoreView<LocaleText[]>[];
  /** The columns whose check is true in each row, in column order. */
  checkedColumns: (row: string) => string[];
}

function tableView(context: Context, table: SpecTable, messageConstant: (id: string) => string): RuntimeTableView {
  const by = `Table "${table.id}"`;
  const rowAxis = axisOf(context, table.rows, by);
  const byKey = new Map(table.cells.map((cell) => [`${cell.row}\u0000${cell.column}`, cell]));
  const cellAt = (row: string, column: string): SpecCell | undefined => byKey.get(`${row}\u0000${column}`);
  const prefix = upperSnake(table.id);

  const inputs: PartInput[] = [];
  let columnsConstant = '';
  let recordColumnType = '';
  let summary: string;
  if (table.cell && table.columnAxis !== undefined) {
    const columnAxis = axisOf(context, table.columnAxis, by);
    columnsConstant = columnAxis.constant;
    const base = { cell: table.cell, rowAxis, rowType: rowAxis.type, cellAt };
    inputs.push({ ...base, column: '', columnType: columnAxis.type, columnIds: columnAxis.items.map((item) => item.id), order: columnAxis.constant, prefix });
    summary = `Table "${table.id}": ${rowAxis.type} × ${columnAxis.type}; each cell a ${describeCell(context, table.cell, by)}.`;
  } else if (table.columns) {
    recordColumnType = declare(context, `${pascalCase(table.id)}Column`, by);
    for (const column of table.columns) {
      inputs.push({
        cell: column.cell,
        column: column.id,
        rowAxis,
        rowType: rowAxis.type,
        columnType: recordColumnType,
        columnIds: [column.id],
        order: recordColumnType,
        prefix: `${prefix}_${upperSnake(column.id)}`,
        cellAt,
      });
    }
    summary = `Table "${table.id}": one record per ${rowAxis.type}: ${table.columns.map((column) => `${column.id} (${describeCell(context, column.cell, by)})`).join(', ')}.`;
  } else {
    throw new RuntimeNameError(`${by} has neither a column axis with a cell type nor named columns.`);
  }

  const results = inputs.map((input) => partView(context, input, by));
  const view: RuntimeTableView = {
    id: table.id,
    summary,
    isRecord: recordColumnType !== '',
    rowsConstant: rowAxis.constant,
    columnsConstant,
    columnType: recordColumnType,
    parts: results.map((result) => result.part),
    bitmasks: results.flatMap((result) => result.bitmasks),
    listStores: [],
    markStores: results.flatMap((result) => result.markStores),
    idStores: results.flatMap((result) => result.idStores),
    idListStores: results.flatMap((result) => result.idListStores),
    textStores: results.flatMap((result) => result.textStores),
    checks: [],
    lists: [],
    targets: [],
    cellAccessors: [],
    asserts: [],
    columnAccessors: [],
  };

  for (const [index, column] of (table.columns ?? []).entries()) {
    if (column.accessor === undefined) continue;
    const part = results[index]!.part;
    const localized = column.cell.type === 'text';
    view.columnAccessors.push({
      name: declare(context, column.accessor, `${by}, column ${column.id}`),
      doc: localized
        ? `The ${column.id} of \`${rowName(rowAxis.type)}\` in the "${table.id}" table, in the requested locale; undefined where the table states none.`
        : `The ${column.id} of \`${rowName(rowAxis.type)}\` in the "${table.id}" table; ${column.cell.type === 'mark' ? 'false where it is not marked' : 'undefined where the table states none'}.`,
      rowParam: rowName(rowAxis.type),
      rowType: rowAxis.type,
      returnType: localized ? 'string | undefined' : part.valueType,
      localized,
      part,
    });
  }

  const accessors = table.accessors;
  if (!accessors) return view;
  if (!table.cell) throw new RuntimeNameError(`${by} is a record table; accessors belong to a matrix (a record column has its own accessor).`);
  const [result] = results;
  const part = result!.part;
  const input = inputs[0]!;
  const checkNames = [accessors.check].filter((name): name is string => name !== undefined);
  const pair = pairNames(input.rowType, input.columnType, checkNames);
  const signature: Signature = { rowParam: pair.row, columnParam: pair.column, rowType: input.rowType, columnType: input.columnType };
  const marks = table.cell.type === 'mark';

  const checkName = accessors.check ?? (accessors.assert ? `check${pascalCase(table.id)}` : undefined);
  if (checkName !== undefined) {
    view.checks.push({
      ...signature,
      name: declare(context, checkName, `${by}, accessor check`),
      exported: accessors.check !== undefined,
      doc: marks
        ? `Whether the "${table.id}" table marks \`${pair.column}\` for \`${pair.row}\`. Unknown ids, non-strings and inherited names (even of a polluted Object.prototype) are never marked.`
        : `Whether the "${table.id}" table states a cell for \`${pair.row}\` × \`${pair.column}\`. Unknown ids, non-strings and inherited names (even of a polluted Object.prototype) find none.`,
      part,
    });
  }
  if (accessors.list !== undefined) {
    const store = declare(context, `${prefix}_LIST`, `${by}, accessor list`);
    view.listStores.push({
      name: store,
      rowType: input.rowType,
      columnType: input.columnType,
      order: input.order,
      rows: rowAxis.items.map((item) => ({ row: item.id, columns: result!.checkedColumns(item.id) })),
    });
    view.lists.push({
      name: declare(context, accessors.list, `${by}, accessor list`),
      doc: marks
        ? `The columns the "${table.id}" table marks for \`${pair.row}\`, in ${input.order} order.`
        : `The columns the "${table.id}" table states a cell in for \`${pair.row}\`, in ${input.order} order.`,
      rowParam: pair.row,
      rowType: input.rowType,
      columnType: input.columnType,
      store,
    });
  }
  if (accessors.target !== undefined || accessors.cell !== undefined) {
    if (table.cell.type !== 'ref') throw new RuntimeNameError(`${by} has ${table.cell.type} cells; only a ref table has the target and cell accessors.`);
    const targetType = axisOf(context, table.cell.axis, by).type;
    if (accessors.target !== undefined) {
      view.targets.push({
        ...signature,
        name: declare(context, accessors.target, `${by}, accessor target`),
        doc: `The ${targetType} the "${table.id}" cell of \`${pair.row}\` × \`${pair.column}\` names; undefined when the cell is empty or names none.`,
        targetType,
        targets: part.values,
      });
    }
    if (accessors.cell !== undefined) {
      const fields = pairNames(input.rowType, input.columnType, [...checkNames, ...CELL_FIELDS]);
      view.cellAccessors.push({
        rowParam: fields.row,
        columnParam: fields.column,
        rowType: input.rowType,
        columnType: input.columnType,
        name: declare(context, accessors.cell, `${by}, accessor cell`),
        interfaceName: declare(context, pascalCase(accessors.cell), `${by}, accessor cell`),
        doc: `The whole "${table.id}" cell of \`${fields.row}\` × \`${fields.column}\`: the ${targetType} it names and its note in the requested locale; undefined when the cell is empty.`,
        targetType,
        targets: part.values,
        notes: part.texts,
      });
    }
  }
  if (accessors.assert) {
    const fields = pairNames(input.rowType, input.columnType, [...checkNames, ...ERROR_FIELDS, accessors.assert.function, accessors.assert.error]);
    view.asserts.push({
      rowParam: fields.row,
      columnParam: fields.column,
      rowType: input.rowType,
      columnType: input.columnType,
      function: declare(context, accessors.assert.function, `${by}, accessor assert`),
      error: declare(context, accessors.assert.error, `${by}, accessor assert`),
      check: checkName!,
      messages: messageConstant(accessors.assert.message),
    });
  }
  return view;
}

/** A cell type in words, for comments: "mark", "ref to State". */
function describeCell(context: Context, cell: CellConfig, by: string): string {
  switch (cell.type) {
    case 'enum':
      return `enum of ${vocabularyType(cell.vocabulary)}`;
    case 'ref':
      return `ref to ${axisOf(context, cell.axis, by).type}`;
    case 'mentions':
      return `mentions of ${axisOf(context, cell.axis, by).type}`;
    default:
      return cell.type;
  }
}

function partView(context: Context, input: PartInput, by: string): PartResult {
  const { spec } = context;
  const { cell, rowAxis, columnIds, cellAt, prefix } = input;
  const where = input.column === '' ? by : `${by}, column ${input.column}`;
  const part: PartView = {
    recordColumn: input.column,
    rowType: input.rowType,
    columnType: input.columnType,
    valueType: valueType(context, cell, where),
    bitmask: false,
    markStore: false,
    ref: false,
    plainValue: false,
    text: false,
    mark: cell.type === 'mark',
    masks: '',
    bits: '',
    values: '',
    texts: '',
    words: '',
    noText: false,
    stated: '',
  };
  const result: PartResult = { part, bitmasks: [], markStores: [], idStores: [], idListStores: [], textStores: [], checkedColumns: () => [] };
  /** Every stated cell, row by row in axis order, then column by column. */
  const stated = (keep: (cell: SpecCell) => boolean = () => true): { row: string; cells: SpecCell[] }[] =>
    rowAxis.items
      .map((item) => ({
        row: item.id,
        cells: columnIds.map((column) => cellAt(item.id, column)).filter((found): found is SpecCell => found !== undefined && keep(found)),
      }))
      .filter((row) => row.cells.length > 0);
  // A store is declared only when it has a cell: a part without notes has no notes store.
  const store = <Leaf>(
    suffix: string,
    comment: string,
    leafType: string,
    leaf: (cell: SpecCell) => Leaf,
    keep?: (cell: SpecCell) => boolean,
  ): StoreView<Leaf> => ({
    name: `${prefix}_${suffix}`,
    comment,
    rowType: input.rowType,
    columnType: input.columnType,
    leafType,
    rows: stated(keep).map(({ row, cells }) => ({ row, cells: cells.map((found) => ({ column: found.column, value: leaf(found) })) })),
  });
  const texts = (text: Localized | undefined, referenceText?: string): LocaleText[] =>
    spec.locales.map((locale) => ({
      locale,
      text: (locale === spec.referenceLocale ? referenceText : undefined) ?? inLocale(text, locale, spec.referenceLocale) ?? referenceText ?? '',
    }));
  const statedColumns = (row: string): string[] => columnIds.filter((column) => cellAt(row, column) !== undefined);

  switch (cell.type) {
    case 'mark': {
      const isTrue = (found: SpecCell | undefined): boolean => found?.value === true;
      result.checkedColumns = (row) => columnIds.filter((column) => isTrue(cellAt(row, column)));
      // A bitmask per row serves a matrix; a record column, or a matrix too wide for one mask, keeps its marked cells instead.
      if (input.column === '' && columnIds.length <= MAX_BITMASK_COLUMNS) {
        part.bitmask = true;
        part.bits = declare(context, `${prefix}_BIT`, where);
        part.masks = declare(context, `${prefix}_MASK`, where);
        part.noText = true;
        const bitOf = columnIds.map((column, index) => ({ column, bit: 2 ** index }));
        result.bitmasks.push({
          masks: part.masks,
          bits: part.bits,
          rowType: input.rowType,
          columnType: input.columnType,
          order: input.order,
          bitOf,
          // Every row has a mask, 0 when nothing is marked: the mask table is also the row guard.
          maskOf: rowAxis.items.map((item) => ({
            row: item.id,
            mask: `0b${bitOf.reduce((mask, { column, bit }) => (isTrue(cellAt(item.id, column)) ? mask + bit : mask), 0).toString(2)}`,
          })),
        });
      } else {
        part.markStore = true;
        part.noText = true;
        const why = input.column === '' ? `: more than ${MAX_BITMASK_COLUMNS} columns do not fit one bitmask` : '';
        const marked = store('MARKS', `The marked cells${why}; every other cell is unmarked.`, 'true', (): true => true, isTrue);
        part.values = marked.name;
        result.markStores.push(marked);
      }
      return declared(context, result, where);
    }
    case 'enum': {
      part.plainValue = true;
      part.words = wordsStore(cell.vocabulary);
      const values = store('VALUES', `The value of each stated cell; text() reads its word from ${part.words}.`, vocabularyType(cell.vocabulary), (found) =>
        String(found.value),
      );
      part.values = part.stated = values.name;
      result.idStores.push(values);
      break;
    }
    case 'ref': {
      part.ref = true;
      const targetType = axisOf(context, cell.axis, where).type;
      const targets = store(
        'TARGETS',
        `Where each filled cell leads: a ${targetType}, or "" where it names none. Kept apart from the notes, so that code that only checks or follows cells bundles no text.`,
        `${targetType} | ''`,
        (found) => (typeof found.value === 'string' ? found.value : ''),
      );
      part.values = part.stated = targets.name;
      result.idStores.push(targets);
      const notes = store(
        'NOTES',
        'What each cell says besides its target (all of it where it names none), in every locale.',
        'Texts',
        (found) => texts(found.note),
        (found) => found.note !== undefined,
      );
      if (notes.rows.length > 0) {
        part.texts = notes.name;
        result.textStores.push(notes);
      } else {
        part.noText = true;
      }
      break;
    }
    case 'mentions': {
      part.plainValue = true;
      const type = axisOf(context, cell.axis, where).type;
      const values = store('VALUES', `The ${type} ids each stated cell names, in the order it names them.`, `readonly ${type}[]`, (found) =>
        Array.isArray(found.value) ? found.value : [],
      );
      part.values = part.stated = values.name;
      result.idListStores.push(values);
      const written = store('TEXTS', 'Each stated cell as written, in every locale.', 'Texts', (found) => texts(found.text));
      part.texts = written.name;
      result.textStores.push(written);
      break;
    }
    case 'text': {
      part.text = true;
      const written = store('TEXTS', 'Each stated cell in every locale; the reference locale holds the canonical text.', 'Texts', (found) =>
        texts(found.text, typeof found.value === 'string' ? found.value : undefined),
      );
      part.texts = part.stated = written.name;
      result.textStores.push(written);
      break;
    }
  }
  result.checkedColumns = statedColumns;
  return declared(context, result, where);
}

/** Declares the names of a part's stores, once they are known to hold cells. */
function declared(context: Context, result: PartResult, where: string): PartResult {
  for (const store of [...result.markStores, ...result.idStores, ...result.idListStores, ...result.textStores]) declare(context, store.name, where);
  return result;
}
