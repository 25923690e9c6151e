import type { LabelRecord } from '../align/labels.js';
import { alignMatrix, type AlignedMatrix } from '../align/matrix.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locator } from '../load/position.js';
import { extractText, type ExtractedText } from '../extract/prose.js';
import { extractTables } from '../extract/tables.js';
import { sameLanguage } from '../load/terms.js';
import type { MatrixConfig, SourceFile, SpecInput } from '../load/types.js';
import { parseSource, type SourceMetadata } from '../parse/markdown.js';

/** Everything one source document says, in canonical ids. */
export interface SourceAnalysis {
  source: SourceFile;
  metadata: SourceMetadata;
  matrix: AlignedMatrix;
  /** Every header label, resolved or not (the matrix's), by position. */
  labels: LabelRecord[];
  title?: ExtractedText;
  messages: Record<string, ExtractedText>;
}

/** parse → extract → align, for one source. */
export function analyzeSource(source: SourceFile, spec: SpecInput<MatrixConfig>): { value: SourceAnalysis; diagnostics: Diagnostic[] } {
  const config = spec.config.value;
  const parsed = parseSource(source);
  const tables = extractTables(parsed);
  const referenceTerms = sameLanguage(source.locale, config.referenceLocale) ? undefined : spec.terms.get(config.referenceLocale)?.value;
  const aligned = alignMatrix(source, tables.value, config, spec.terms.get(source.locale)?.value, referenceTerms);
  // No prototype: a message key such as "constructor" must not find an inherited member.
  const messages: Record<string, ExtractedText> = Object.create(null) as Record<string, ExtractedText>;
  for (const [key, rule] of Object.entries(config.messages)) {
    const text = extractText(parsed, rule);
    if (text) messages[key] = text;
  }
  const analysis: SourceAnalysis = { source, metadata: parsed.metadata, matrix: aligned.value, labels: aligned.value.labels, messages };
  const title = extractText(parsed, config.title ?? { rule: 'first-heading' });
  if (title) analysis.title = title;
  const toLocation = locator(source.path, source.text);
  const metadataDiagnostics = parsed.metadataProblems.map((problem) =>
    diagnostic('metadata-invalid', { at: toLocation(problem.offset), message: problem.message }),
  );
  const diagnostics = [...metadataDiagnostics, ...tables.diagnostics, ...aligned.diagnostics].map((d) => ({
    ...d,
    spec: config.id,
    locale: source.locale,
  }));
  return { value: analysis, diagnostics };
}

/**
 * The source that speaks for each locale: the one the config names, else the
 * newest by ms.date (undated counts as oldest), ties broken by file name.
 */
export function primarySources<Analysis extends Dated>(analyses: readonly Analysis[], spec: SpecInput): Map<string, Analysis> {
  const named = spec.config.value.primarySources ?? {};
  const result = new Map<string, Analysis>();
  for (const analysis of analyses) {
    const { locale, name } = analysis.source;
    const current = result.get(locale);
    const wanted = named[locale];
    if (wanted !== undefined) {
      if (name === wanted) result.set(locale, analysis);
      continue;
    }
    if (!current || isNewer(analysis, current)) result.set(locale, analysis);
  }
  return result;
}

type Dated = Pick<SourceAnalysis, 'source' | 'metadata'>;

function isNewer(a: Dated, b: Dated): boolean {
  const dateA = a.metadata.date ?? '';
  const dateB = b.metadata.date ?? '';
  if (dateA !== dateB) return dateA > dateB;
  return a.source.name < b.source.name;
}
