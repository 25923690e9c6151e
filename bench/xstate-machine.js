// An XState v5 machine with the same states and rules as a statespec matrix spec:
// each allowed operation is an event that keeps the state, the others are not handled,
// so `snapshot.can({ type })` answers what `canPerform(state, type)` answers.
import { createMachine } from 'xstate';

export function machineFor(spec) {
  return createMachine({
    id: spec.id,
    initial: spec.states[0].id,
    states: Object.fromEntries(
      spec.states.map((state) => [
        state.id,
        { on: Object.fromEntries((spec.allowed[state.id] ?? []).map((operation) => [operation, { target: `#${spec.id}.${state.id}` }])) },
      ]),
    ),
  });
}
