// Compiled by test/repo.test.ts: every @ts-expect-error must really be an error.
import {
  allowedOperations,
  assertCanPerform,
  canPerform,
  isState,
  type Locale,
  lookup,
  type Operation,
  type State,
  TABLES,
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

// The generic view: the return type follows the cell type; an unknown table, row or column does not compile.
export const marked: boolean = lookup('chart', 'Active', 'Stop');
export const chartRows: readonly State[] = TABLES.chart.rows;
// @ts-expect-error: a mark is a boolean.
export const markText: string = lookup('chart', 'Active', 'Stop');
// @ts-expect-error: there is no table "chat".
lookup('chat', 'Active', 'Stop');
// @ts-expect-error: "Launch" is not a column of the chart.
lookup('chart', 'Active', 'Launch');

const untrusted: string = String(Math.random());
if (isState(untrusted)) {
  const narrowed: State = untrusted;
  allowedOperations(narrowed);
}

import { type State as InstanceState, lookup as lookupInstance, nextState, text } from '../../generated/biztalk-server-instance-states/index.js';

export const next: InstanceState | undefined = nextState('Active', 'Suspend');
export const during: InstanceState | undefined = lookupInstance('during', 'Active', 'Suspend');
export const explanation: string | undefined = text('instance', 'Active', 'Explanation', 'zh-CN');
// @ts-expect-error: "Started" is a tracked state, not a row of the instance table.
lookupInstance('instance', 'Started', 'Explanation');
// @ts-expect-error: "Stopped" is not an instance state of this article.
nextState('Stopped', 'Suspend');
// @ts-expect-error: "Start" is not an operation of this article.
nextState('Active', 'Start');
