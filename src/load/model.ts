import { isBuiltin } from 'node:module';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { JsonDocument } from './json.js';
import { MESSAGES_CONSTANT, RUNTIME_NAMES } from './runtime-names.js';
import { type AxisConfig, type CellConfig, isMatrixTable, type MatrixTableConfig, type SpecConfig, type TableConfig } from './types.js';

/** An axis's runtime names, with the defaults filled in: `states` → State, STATES, isState. */
export function axisNames(id: string, axis: AxisConfig): { noun: string; type: string; constant: string; guard: string } {
  const pascal = id.charAt(0).toUpperCase() + id.slice(1);
  const type = axis.type ?? (pascal.endsWith('s') && !pascal.endsWith('ss') ? pascal.slice(0, -1) : pascal);
  const constant = axis.constant ?? id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  return { noun: axis.noun ?? id, type, constant, guard: `is${type}` };
}

/**
 * What the schema cannot say: every name a table or check uses is declared,
 * table ids and positions are unique, and the runtime names do not collide.
 * Each finding points at the value in spec.config.json.
 */
export function checkModel(config: SpecConfig, document: JsonDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (pointer: string, message: string): void => {
    diagnostics.push(diagnostic('config-invalid', { spec: config.id, at: document.locate(pointer, true), message: `spec.config.json: ${message}` }));
  };
  const packageName = config.package?.name ?? config.id;
  if (isBuiltin(packageName)) {
    report(
      config.package?.name === undefined ? '/id' : '/package/name',
      `the runtime package would be named "${packageName}", which is a Node.js built-in module: an application's \`import '${packageName}'\` would load Node's module, not this one. Give it another name with "package": { "name": "…" }.`,
    );
  }
  const axes = new Set(Object.keys(config.axes));
  const vocabularies = new Set(Object.keys(config.vocabularies ?? {}));
  const needAxis = (pointer: string, axis: string): void => {
    if (!axes.has(axis)) report(pointer, `"${axis}" is not an axis (the axes are ${[...axes].join(', ')}).`);
  };
  const needCell = (pointer: string, cell: CellConfig): void => {
    if (cell.type === 'enum' && !vocabularies.has(cell.vocabulary)) {
      report(`${pointer}/vocabulary`, `"${cell.vocabulary}" is not a vocabulary (declare it under "vocabularies").`);
    }
    if (cell.type === 'ref' || cell.type === 'mentions') needAxis(`${pointer}/axis`, cell.axis);
  };
  for (const [id, axis] of Object.entries(config.axes)) {
    const current = new Set(axis.ids);
    (axis.retired ?? []).forEach((retired, index) => {
      if (current.has(retired))
        report(`/axes/${id}/retired/${index}`, `"${retired}" is both a current id and a retired one of the axis "${id}"; keep it in one list.`);
    });
  }
  const tableIds = new Map<string, number>();
  const positions = new Map<number, number>();
  config.tables.forEach((table, index) => {
    const pointer = `/tables/${index}`;
    if (tableIds.has(table.id)) report(`${pointer}/id`, `two tables are named "${table.id}" (tables ${tableIds.get(table.id)! + 1} and ${index + 1}).`);
    tableIds.set(table.id, index);
    if (positions.has(table.position))
      report(`${pointer}/position`, `tables ${positions.get(table.position)! + 1} and ${index + 1} both read table ${table.position + 1} of the document.`);
    positions.set(table.position, index);
    needAxis(`${pointer}/rows`, table.rows);
    if (isMatrixTable(table)) {
      needAxis(`${pointer}/columns`, table.columns);
      needCell(`${pointer}/cell`, table.cell);
      checkAccessors(table, index, config, report);
    } else {
      if (table.continued) report(`${pointer}/continued`, 'only a matrix may be continued over the following tables; a record table is one table.');
      const columnIds = new Set<string>();
      table.columns.forEach((column, columnIndex) => {
        if (columnIds.has(column.id)) report(`${pointer}/columns/${columnIndex}/id`, `the table has two columns named "${column.id}".`);
        columnIds.add(column.id);
        needCell(`${pointer}/columns/${columnIndex}/cell`, column.cell);
      });
      (table.retiredColumns ?? []).forEach((column, columnIndex) => {
        const at = `${pointer}/retiredColumns/${columnIndex}`;
        if (columnIds.has(column.id)) report(`${at}/id`, `the table has two columns named "${column.id}" (a retired column needs an id of its own).`);
        columnIds.add(column.id);
        needCell(`${at}/cell`, column.cell);
        if (column.accessor !== undefined) report(`${at}/accessor`, 'a retired column is not in the runtime, so it has no accessor.');
      });
    }
  });
  (config.checks ?? []).forEach((check, index) => {
    const pointer = `/checks/${index}`;
    const table = (name: string, at: string, wanted: (found: TableConfig) => string | undefined): void => {
      const found = config.tables.find((candidate) => candidate.id === name);
      const problem = found ? wanted(found) : `there is no table "${name}"`;
      if (problem) report(`${pointer}/${at}`, `the ${check.rule} check: ${problem}.`);
    };
    if (check.rule === 'described') {
      table(check.table, 'table', () => undefined);
      for (const [usedIndex, name] of check.usedIn.entries()) table(name, `usedIn/${usedIndex}`, () => undefined);
    } else {
      table(check.ref, 'ref', (found) => (isMatrixTable(found) && found.cell.type === 'ref' ? undefined : `"${found.id}" is not a matrix of ref cells`));
      table(check.mentions, 'mentions', (found) =>
        isMatrixTable(found) && found.cell.type === 'mentions' ? undefined : `"${found.id}" is not a matrix of mentions cells`,
      );
    }
  });
  checkRuntimeNames(config, report);
  return diagnostics;
}

function checkAccessors(table: MatrixTableConfig, index: number, config: SpecConfig, report: (pointer: string, message: string) => void): void {
  const pointer = `/tables/${index}`;
  const accessors = table.accessors ?? {};
  const allowed: Record<CellConfig['type'], (keyof typeof accessors)[]> = {
    mark: ['check', 'list', 'assert'],
    ref: ['check', 'target', 'cell', 'assert'],
    enum: ['check'],
    text: ['check'],
    mentions: ['check'],
  };
  for (const key of Object.keys(accessors) as (keyof typeof accessors)[]) {
    if (!allowed[table.cell.type].includes(key))
      report(`${pointer}/accessors/${key}`, `a ${table.cell.type} table has no "${key}" accessor (it may have ${allowed[table.cell.type].join(', ')}).`);
  }
  if (table.accessor !== undefined && accessors.check !== undefined) report(`${pointer}/accessor`, 'give "accessor" or "accessors.check", not both.');
  if (accessors.assert && !Object.hasOwn(config.messages ?? {}, accessors.assert.message)) {
    report(`${pointer}/accessors/assert/message`, `"${accessors.assert.message}" is not a message (declare it under "messages").`);
  }
}

/** Two exports of one name would not compile; say which config values clash instead. */
function checkRuntimeNames(config: SpecConfig, report: (pointer: string, message: string) => void): void {
  const owners = new Map<string, string>([...RUNTIME_NAMES, MESSAGES_CONSTANT].map((name) => [name, 'the runtime itself']));
  const claim = (name: string, pointer: string): void => {
    const owner = owners.get(name);
    if (owner !== undefined) report(pointer, `the runtime name "${name}" is already taken by ${owner}; choose another.`);
    else owners.set(name, pointer);
  };
  for (const [id, axis] of Object.entries(config.axes)) {
    const names = axisNames(id, axis);
    claim(names.type, `/axes/${id}`);
    claim(names.constant, `/axes/${id}`);
    claim(names.guard, `/axes/${id}`);
  }
  for (const id of Object.keys(config.vocabularies ?? {})) {
    // The runtime names a vocabulary like an axis with no type or constant given: `billing` → Billing, BILLING.
    const names = axisNames(id, { ids: [], type: id.charAt(0).toUpperCase() + id.slice(1) });
    claim(names.type, `/vocabularies/${id}`);
    claim(names.constant, `/vocabularies/${id}`);
    claim(names.guard, `/vocabularies/${id}`);
  }
  config.tables.forEach((table, index) => {
    if (isMatrixTable(table)) {
      const { assert, ...plain } = table.accessors ?? {};
      if (table.accessor !== undefined) claim(table.accessor, `/tables/${index}/accessor`);
      for (const [key, name] of Object.entries(plain)) claim(name, `/tables/${index}/accessors/${key}`);
      if (assert) {
        claim(assert.function, `/tables/${index}/accessors/assert/function`);
        claim(assert.error, `/tables/${index}/accessors/assert/error`);
      }
    } else {
      table.columns.forEach((column, columnIndex) => {
        if (column.accessor !== undefined) claim(column.accessor, `/tables/${index}/columns/${columnIndex}/accessor`);
      });
    }
  });
}
