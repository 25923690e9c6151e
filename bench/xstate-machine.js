// An XState v5 machine with the same states and rules as a statespec mark matrix:
// each true cell is an event that keeps the state, the others are not handled,
// so `snapshot.can({ type })` answers what `canPerform(state, type)` answers.
import { createMachine } from 'xstate';

export function machineFor(spec, tableId = spec.tables.find((table) => table.cell?.type === 'mark').id) {
  const table = spec.tables.find((candidate) => candidate.id === tableId);
  const rows = spec.axes.find((axis) => axis.id === table.rows).items;
  const allowed = (row) => table.cells.filter((cell) => cell.row === row && cell.value === true).map((cell) => cell.column);
  return createMachine({
    id: spec.id,
    initial: rows[0].id,
    states: Object.fromEntries(
      rows.map((row) => [row.id, { on: Object.fromEntries(allowed(row.id).map((column) => [column, { target: `#${spec.id}.${row.id}` }])) }]),
    ),
  });
}
