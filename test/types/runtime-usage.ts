// Compiled by test/repo.test.ts: every @ts-expect-error must really be an error.
import {
  allowedOperations,
  assertCanPerform,
  canPerform,
  isState,
  type Locale,
  type Operation,
  type State,
} from '../../generated/biztalk-services-state-chart/index.js';

const state: State = 'Stopped';
const operation: Operation = 'UpdateConfiguration';
const locale: Locale = 'ko-KR';
export const answers: boolean[] = [canPerform(state, operation), canPerform('Active', 'Backup')];
export const list: readonly Operation[] = allowedOperations('Active');
assertCanPerform('Stopped', 'Start', locale);

// @ts-expect-error: "Activ" is not a State.
canPerform('Activ', 'Stop');
// @ts-expect-error: "Launch" is not an Operation.
canPerform('Active', 'Launch');
// @ts-expect-error: "Paused" is not a State.
export const wrong: State = 'Paused';

const untrusted: string = String(Math.random());
if (isState(untrusted)) {
  const narrowed: State = untrusted;
  allowedOperations(narrowed);
}

import { nextState, type State as InstanceState } from '../../generated/biztalk-server-instance-states/index.js';

export const next: InstanceState | undefined = nextState('Active', 'Suspend');
// @ts-expect-error: "Stopped" is not an instance state of this article.
nextState('Stopped', 'Suspend');
// @ts-expect-error: "Start" is not an operation of this article.
nextState('Active', 'Start');
