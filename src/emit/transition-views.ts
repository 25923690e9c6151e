import type { Localized, TableText, TransitionSpec } from '../spec/types.js';
import { banner } from './views.js';

export interface TransitionRuntimeView {
  banner: string;
  title: string;
  states: string[];
  operations: string[];
  locales: string[];
  referenceLocale: string;
  /** `target` is `to`, or "" where the cell names no state (templates print it as is). */
  during: { state: string; cells: { operation: string; to?: string; target: string; notes: { locale: string; text: string }[] }[] }[];
  descriptions: { state: string; texts: { locale: string; text: string }[] }[];
  messages: { locale: string; text: string }[];
}

const perLocale = (spec: TransitionSpec, text: Localized): { locale: string; text: string }[] =>
  spec.locales.map((locale) => ({ locale, text: text[locale] ?? text[spec.referenceLocale] ?? '' }));

function transitionGroup(spec: TransitionSpec): TransitionSpec['stateGroups'][number] {
  const used = new Set(spec.transitions.map((transition) => transition.from));
  return spec.stateGroups.find((group) => group.states.some((state) => used.has(state.id))) ?? spec.stateGroups[0]!;
}

/** Plain data for templates/transitions-runtime.ts.hbs. */
export function transitionRuntimeView(spec: TransitionSpec): TransitionRuntimeView {
  const group = transitionGroup(spec);
  return {
    banner: banner(spec.id),
    title: spec.title[spec.referenceLocale] ?? spec.id,
    states: group.states.map((state) => state.id),
    operations: spec.operations.map((operation) => operation.id),
    locales: spec.locales,
    referenceLocale: spec.referenceLocale,
    during: group.states.map((state) => ({
      state: state.id,
      cells: spec.transitions
        .filter((transition) => transition.from === state.id)
        .map((transition) => {
          const cell: TransitionRuntimeView['during'][number]['cells'][number] = {
            operation: transition.operation,
            target: transition.to ?? '',
            notes: transition.note ? perLocale(spec, transition.note) : [],
          };
          if (transition.to !== undefined) cell.to = transition.to;
          return cell;
        }),
    })),
    descriptions: group.states
      .filter((state) => state.description)
      .map((state) => ({ state: state.id, texts: perLocale(spec, state.description!) })),
    messages: perLocale(spec, spec.messages.operationNotAllowed),
  };
}

interface TableView {
  heading: string;
  header: string[];
  rows: { label: string; cells: string[] }[];
}

export interface TransitionDocView {
  banner: string;
  title: string;
  groups: TableView[];
  beforeAfter: TableView;
  during: TableView;
  diagram: { states: { id: string; label: string }[]; edges: { from: string; to: string; label: string }[] };
}

/** Plain data for templates/transitions.md.hbs, in `locale`. */
export function transitionDocView(spec: TransitionSpec, locale: string): TransitionDocView {
  const text = (value: Localized | undefined): string => value?.[locale] ?? value?.[spec.referenceLocale] ?? '';
  const header = (table: TableText): string[] => table.header.map(text);
  const group = transitionGroup(spec);
  const label = (id: string): string => text(group.states.find((state) => state.id === id)?.label) || id;
  const operationLabel = (id: string): string => text(spec.operations.find((operation) => operation.id === id)?.label) || id;
  const rows = spec.stateGroups.map((stateGroup) => ({
    heading: text(stateGroup.text.heading),
    header: header(stateGroup.text),
    rows: stateGroup.states.filter((state) => state.description).map((state) => ({ label: text(state.label), cells: [text(state.description)] })),
  }));
  const usedStates = group.states.filter((state) =>
    spec.transitions.some((transition) => transition.from === state.id || transition.to === state.id),
  );
  const [beforeAfterCorner = '', beforeAfterGroup = ''] = header(spec.transitionText.beforeAfter);
  const [duringCorner = '', duringGroup = ''] = header(spec.transitionText.during);
  const outcomeStates = group.states.filter((state) => spec.outcomes.some((outcome) => outcome.from === state.id || outcome.to === state.id));
  const targets = group.states.filter((state) => spec.outcomes.some((outcome) => outcome.to === state.id));
  return {
    banner: banner(spec.id),
    title: text(spec.title),
    groups: rows,
    beforeAfter: {
      heading: text(spec.transitionText.beforeAfter.heading),
      header: [`${beforeAfterCorner} \\ ${beforeAfterGroup}`, ...targets.map((state) => label(state.id))],
      rows: outcomeStates
        .filter((state) => spec.outcomes.some((outcome) => outcome.from === state.id))
        .map((state) => ({
          label: label(state.id),
          cells: targets.map((target) => text(spec.outcomes.find((outcome) => outcome.from === state.id && outcome.to === target.id)?.text)),
        })),
    },
    during: {
      heading: text(spec.transitionText.during.heading),
      header: [`${duringCorner} \\ ${duringGroup}`, ...spec.operations.map((operation) => operationLabel(operation.id))],
      rows: group.states
        .filter((state) => spec.transitions.some((transition) => transition.from === state.id))
        .map((state) => ({
          label: label(state.id),
          cells: spec.operations.map((operation) =>
            text(spec.transitions.find((transition) => transition.from === state.id && transition.operation === operation.id)?.text),
          ),
        })),
    },
    diagram: {
      states: usedStates.map((state) => ({ id: state.id, label: label(state.id) })),
      edges: spec.transitions
        .filter((transition) => transition.to !== undefined)
        .map((transition) => ({ from: transition.from, to: transition.to!, label: operationLabel(transition.operation) })),
    },
  };
}
