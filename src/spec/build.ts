import { factKey } from '../align/matrix.js';
import { compareStrings, diagnostic, type Diagnostic, type Staged } from '../diagnostics/diagnostic.js';
import { preferredLabel, reviewedMessage, type Axis } from '../load/terms.js';
import type { MatrixConfig, SourceFile, SpecInput } from '../load/types.js';
import { banner } from '../emit/views.js';
import type { SourceAnalysis } from './analyze.js';
import type { Localized, MatrixSpec, SpecSource } from './types.js';

export const SPEC_SCHEMA_REF = '../../schema/spec.schema.json';

/**
 * Builds the canonical spec: facts from the reference source, labels from the
 * reviewed terms, titles and messages from each locale's primary source.
 */
export function buildSpec(
  input: SpecInput<MatrixConfig>,
  analyses: readonly SourceAnalysis[],
  primaries: ReadonlyMap<string, SourceAnalysis>,
): Staged<MatrixSpec | undefined> {
  const config = input.config.value;
  const reference = primaries.get(config.referenceLocale);
  if (!reference) return { value: undefined, diagnostics: [referenceMissing(input)] };

  const missingFacts = config.states.flatMap((state) =>
    config.operations.filter((operation) => !reference.matrix.facts.has(factKey(state, operation))).map((operation) => `${state} × ${operation}`),
  );
  const missingMessages = Object.keys(config.messages).filter((key) => !reference.messages[key]);
  if (missingFacts.length > 0 || missingMessages.length > 0 || !reference.title) {
    const parts = [
      missingFacts.length > 0 ? `no fact for ${missingFacts.slice(0, 8).join(', ')}${missingFacts.length > 8 ? ` and ${missingFacts.length - 8} more` : ''}` : '',
      missingMessages.length > 0 ? `no ${missingMessages.join(', ')} message` : '',
      reference.title ? '' : `no title (the "${config.title?.rule ?? 'first-heading'}" rule found nothing)`,
    ].filter(Boolean);
    return { value: undefined, diagnostics: [referenceIncomplete(input, reference.source, parts)] };
  }

  const locales = specLocales(analyses);
  const referenceTerms = input.terms.get(config.referenceLocale)?.value;
  const label = (axis: Axis, id: string): Localized =>
    Object.fromEntries(
      locales.map((locale) => {
        const entry = input.terms.get(locale)?.value[axis]?.[id] ?? referenceTerms?.[axis]?.[id];
        return [locale, entry === undefined ? id : preferredLabel(entry)];
      }),
    );
  const perLocale = (pick: (analysis: SourceAnalysis, locale: string) => string | undefined): Localized =>
    Object.fromEntries(locales.map((locale) => [locale, pick(primaries.get(locale) ?? reference, locale) ?? pick(reference, locale) ?? '']));

  const spec: MatrixSpec = {
    $schema: SPEC_SCHEMA_REF,
    $comment: banner(config.id),
    id: config.id,
    kind: config.kind,
    referenceLocale: config.referenceLocale,
    locales,
    title: perLocale((analysis) => analysis.title?.text),
    stateHeader: Object.fromEntries(
      locales.map((locale) => [locale, input.terms.get(locale)?.value.stateHeader ?? referenceTerms?.stateHeader ?? 'State']),
    ),
    states: config.states.map((id) => ({ id, label: label('states', id) })),
    operations: config.operations.map((id) => ({ id, label: label('operations', id) })),
    allowed: Object.fromEntries(
      config.states.map((state) => [
        state,
        config.operations.filter((operation) => reference.matrix.facts.get(factKey(state, operation))?.allowed),
      ]),
    ),
    messages: Object.fromEntries(
      // A reviewed text in the locale's terms wins over the source's, which may be left untranslated.
      Object.keys(config.messages).map((key) => [key, perLocale((analysis, locale) => reviewedMessage(input.terms.get(locale)?.value, key) ?? analysis.messages[key]?.text)]),
    ) as MatrixSpec['messages'],
    sources: describeSources(analyses, reference, primaries),
  };
  return { value: spec, diagnostics: [] };
}

export function describeSource(analysis: Pick<SourceAnalysis, 'source' | 'metadata'>, role: SpecSource['role']): SpecSource {
  const { source, metadata } = analysis;
  const result: SpecSource = { path: source.path, locale: source.locale, sha256: source.sha256, role };
  if (source.variant !== undefined) result.variant = source.variant;
  if (metadata.date !== undefined) result.date = metadata.date;
  return result;
}

type Described = Pick<SourceAnalysis, 'source' | 'metadata'>;

/** Every locale with a source, in a fixed order. */
export function specLocales(analyses: readonly Described[]): string[] {
  return [...new Set(analyses.map((analysis) => analysis.source.locale))].sort(compareStrings);
}

/** The spec's source list: each file with its role, by path. */
export function describeSources<A extends Described>(analyses: readonly A[], reference: A, primaries: ReadonlyMap<string, A>): SpecSource[] {
  return [...analyses]
    .sort((a, b) => compareStrings(a.source.path, b.source.path))
    .map((analysis) =>
      describeSource(analysis, analysis === reference ? 'reference' : primaries.get(analysis.source.locale) === analysis ? 'primary' : 'checked'),
    );
}

export function referenceMissing(input: SpecInput): Diagnostic {
  const config = input.config.value;
  const document = input.config.document;
  return diagnostic('reference-missing', {
    spec: config.id,
    locale: config.referenceLocale,
    at: document.locate('/referenceLocale'),
    message: `No source for the reference locale ${config.referenceLocale} (expected ${input.dir}/${config.primarySources?.[config.referenceLocale] ?? `${config.referenceLocale}.md`}).`,
  });
}

export function referenceIncomplete(input: SpecInput, reference: SourceFile, missing: string[]): Diagnostic {
  const config = input.config.value;
  return diagnostic('reference-incomplete', {
    spec: config.id,
    locale: config.referenceLocale,
    at: { file: reference.path, line: 1, column: 1 },
    message: `The reference ${reference.name} cannot define the spec: ${missing.join('; ')}.`,
  });
}
