import type { Staged } from '../diagnostics/diagnostic.js';
import { preferredLabel, reviewedMessage } from '../load/terms.js';
import type { SpecInput, TermEntry, TransitionConfig } from '../load/types.js';
import { describeSources, referenceIncomplete, referenceMissing, SPEC_SCHEMA_REF, specLocales } from '../spec/build.js';
import type { Localized, TableText, TransitionSpec } from '../spec/types.js';
import { banner } from '../emit/views.js';
import { pairKey, type TransitionAnalysis } from './analyze.js';

/**
 * Builds the spec of a transition article: states, descriptions and
 * transitions from the reference source; labels from the reviewed terms;
 * titles, descriptions and notes of each locale from its primary source.
 */
export function buildTransitionSpec(
  input: SpecInput<TransitionConfig>,
  analyses: readonly TransitionAnalysis[],
  primaries: ReadonlyMap<string, TransitionAnalysis>,
): Staged<TransitionSpec | undefined> {
  const config = input.config.value;
  const reference = primaries.get(config.referenceLocale);
  if (!reference) return { value: undefined, diagnostics: [referenceMissing(input)] };
  const referenceTerms = input.terms.get(config.referenceLocale)?.value;
  const missing = [
    reference.title ? '' : 'no title',
    reference.during.size > 0 ? '' : 'no "during an operation" transitions',
    reviewedMessage(referenceTerms, 'operationNotAllowed') ? '' : `no operationNotAllowed message in terms/${config.referenceLocale}.json`,
  ].filter(Boolean);
  if (missing.length > 0) return { value: undefined, diagnostics: [referenceIncomplete(input, reference.source, missing)] };

  const locales = specLocales(analyses);
  const speaking = (locale: string): TransitionAnalysis => primaries.get(locale) ?? reference;
  const perLocale = (pick: (analysis: TransitionAnalysis, locale: string) => string | undefined): Localized =>
    Object.fromEntries(locales.map((locale) => [locale, pick(speaking(locale), locale) ?? pick(reference, config.referenceLocale) ?? '']));
  const labels = (entries: (terms: NonNullable<typeof referenceTerms>) => Record<string, TermEntry> | undefined, id: string): Localized =>
    Object.fromEntries(
      locales.map((locale) => {
        const own = input.terms.get(locale)?.value;
        const entry = (own && entries(own)?.[id]) ?? (referenceTerms && entries(referenceTerms)?.[id]);
        return [locale, entry === undefined ? id : preferredLabel(entry)];
      }),
    );
  const tableText = (name: string): TableText => {
    const width = reference.headings.get(name)?.header.length ?? 0;
    return {
      heading: perLocale((analysis) => analysis.headings.get(name)?.heading),
      header: Array.from({ length: width }, (_, index) => perLocale((analysis) => analysis.headings.get(name)?.header[index])),
    };
  };

  const transitions: TransitionSpec['transitions'] = [];
  const instanceStates = config.stateGroups.find((group) => group.id === config.transitions.during.stateGroup)?.states ?? [];
  for (const from of instanceStates) {
    for (const operation of config.operations) {
      const key = pairKey(from, operation);
      const cell = reference.during.get(key);
      if (!cell) continue;
      const entry: TransitionSpec['transitions'][number] = { from, operation, text: perLocale((analysis) => analysis.during.get(key)?.text) };
      if (cell.to !== undefined) entry.to = cell.to;
      if (cell.note !== undefined) entry.note = perLocale((analysis) => analysis.during.get(key)?.note);
      transitions.push(entry);
    }
  }
  const outcomes: TransitionSpec['outcomes'] = [];
  for (const from of instanceStates) {
    for (const to of instanceStates) {
      const key = pairKey(from, to);
      const cell = reference.beforeAfter.get(key);
      if (!cell) continue;
      outcomes.push({ from, to, operations: cell.operations, text: perLocale((analysis) => analysis.beforeAfter.get(key)?.text) });
    }
  }

  const spec: TransitionSpec = {
    $schema: SPEC_SCHEMA_REF,
    $comment: banner(config.id),
    id: config.id,
    kind: config.kind,
    referenceLocale: config.referenceLocale,
    locales,
    title: perLocale((analysis) => analysis.title?.text),
    stateGroups: config.stateGroups.map((group) => ({
      id: group.id,
      text: tableText(group.id),
      states: group.states.map((id) => {
        const state: TransitionSpec['stateGroups'][number]['states'][number] = { id, label: labels((terms) => terms.stateGroups?.[group.id], id) };
        if (reference.descriptions.get(group.id)?.has(id)) {
          state.description = perLocale((analysis) => analysis.descriptions.get(group.id)?.get(id)?.text);
        }
        return state;
      }),
    })),
    operations: config.operations.map((id) => ({ id, label: labels((terms) => terms.operations, id) })),
    transitions,
    outcomes,
    transitionText: { during: tableText('during'), beforeAfter: tableText('beforeAfter') },
    messages: {
      operationNotAllowed: Object.fromEntries(
        locales.map((locale) => [
          locale,
          reviewedMessage(input.terms.get(locale)?.value, 'operationNotAllowed') ?? reviewedMessage(referenceTerms, 'operationNotAllowed')!,
        ]),
      ),
    },
    sources: describeSources(analyses, reference, primaries),
  };
  return { value: spec, diagnostics: [] };
}
