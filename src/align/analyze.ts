import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { type ArticleShape, articleShape, diagramAfter } from '../extract/article.js';
import { type ExtractedText, extractFootnotes, extractText } from '../extract/prose.js';
import { extractTables } from '../extract/tables.js';
import { axisNames } from '../load/model.js';
import { locator } from '../load/position.js';
import { MARK_VALUES, MARK_VOCABULARY, sameLanguage } from '../load/terms.js';
import { axisOrder, type SourceFile, type SpecInput, type TermEntry, type TermsFile } from '../load/types.js';
import { parseSource, type SourceMetadata } from '../parse/markdown.js';
import type { CellVocabularies } from './cells.js';
import { type LabelRecord, type Vocabulary, vocabulary } from './labels.js';
import { type AlignedTable, alignTable, claimedTables, footnoteMarkers, type TableContext } from './tables.js';

/** Everything one source document says, in canonical ids. */
export interface SourceAnalysis {
  source: SourceFile;
  metadata: SourceMetadata;
  /** Configured table id → what this source states in it; absent when the source lacks the table. */
  tables: Map<string, AlignedTable>;
  /** Every header label, resolved or not, by position. */
  labels: LabelRecord[];
  title?: ExtractedText;
  /** Where a published article inserts its banner. */
  shape: ArticleShape;
  /** The messages a text rule found in the prose, by message id. */
  messages: Record<string, ExtractedText>;
}

/** parse → extract → align, for one source. */
export function analyzeSource(source: SourceFile, spec: SpecInput): { value: SourceAnalysis; diagnostics: Diagnostic[] } {
  const config = spec.config.value;
  const parsed = parseSource(source);
  const tables = extractTables(parsed);
  const terms = spec.terms.get(source.locale)?.value;
  const referenceTerms = sameLanguage(source.locale, config.referenceLocale) ? undefined : spec.terms.get(config.referenceLocale)?.value;
  const context: TableContext = {
    specId: config.id,
    source,
    diagnostics: [],
    records: [],
    vocabularies: cellVocabularies(spec, terms, referenceTerms),
    axis: axisVocabularies(spec, terms, referenceTerms),
  };
  const analysis: SourceAnalysis = {
    source,
    metadata: parsed.metadata,
    tables: new Map(),
    labels: context.records,
    shape: articleShape(parsed),
    // No prototype: a message key such as "constructor" must not find an inherited member.
    messages: Object.create(null) as Record<string, ExtractedText>,
  };
  if (tables.value.length === 0) {
    context.diagnostics.push(
      diagnostic('table-missing', {
        at: { file: source.path, line: 1, column: 1 },
        spec: config.id,
        locale: source.locale,
        message: `${source.name} has no table; expected ${config.tables.length} (${config.tables.map((table) => `"${table.id}"`).join(', ')}).`,
      }),
    );
  }
  for (const table of [...config.tables].sort((a, b) => a.position - b.position)) {
    const claimed = claimedTables(tables.value, table, config.tables);
    if (claimed.length === 0) {
      if (tables.value.length > 0) {
        context.diagnostics.push(
          diagnostic('table-missing', {
            at: { file: source.path, line: 1, column: 1 },
            spec: config.id,
            locale: source.locale,
            message: `${source.name} has ${tables.value.length} table(s); table ${table.position + 1}, "${table.id}" (${table.rows} rows), is missing.`,
          }),
        );
      }
      continue;
    }
    const aligned = alignTable(claimed, table, context);
    aligned.footnotes = extractFootnotes(parsed, aligned.end, footnoteMarkers(aligned));
    const diagram = diagramAfter(parsed, aligned.parts.at(-1)!.range[1]);
    if (diagram) aligned.diagram = diagram;
    analysis.tables.set(table.id, aligned);
  }
  for (const [key, rule] of Object.entries(config.messages ?? {})) {
    if (rule.rule === 'terms') continue;
    const text = extractText(parsed, rule);
    if (text) analysis.messages[key] = text;
  }
  const title = extractText(parsed, config.title ?? { rule: 'first-heading' });
  if (title) analysis.title = title;
  const toLocation = locator(source.path, source.text);
  const metadataDiagnostics = parsed.metadataProblems.map((problem) =>
    diagnostic('metadata-invalid', { at: toLocation(problem.offset), message: problem.message }),
  );
  const diagnostics = [...metadataDiagnostics, ...tables.diagnostics, ...context.diagnostics].map((d) => ({ ...d, spec: config.id, locale: source.locale }));
  return { value: analysis, diagnostics };
}

function axisVocabularies(spec: SpecInput, terms: TermsFile | undefined, referenceTerms: TermsFile | undefined): TableContext['axis'] {
  const config = spec.config.value;
  const built = new Map<string, Vocabulary>();
  return (axis, header) => {
    const key = `${axis}\u0000${header}`;
    let known = built.get(key);
    if (!known) {
      const names = axisNames(axis, config.axes[axis] ?? { ids: [] });
      known = vocabulary({
        noun: names.noun,
        header,
        extraCode: header === 'row' ? 'row-extra' : 'column-extra',
        pointer: `/axes/${axis}`,
        order: axisOrder(config.axes[axis]),
        terms: ownMap(terms?.axes, axis),
        referenceTerms: ownMap(referenceTerms?.axes, axis),
      });
      built.set(key, known);
    }
    return known;
  };
}

function cellVocabularies(spec: SpecInput, terms: TermsFile | undefined, referenceTerms: TermsFile | undefined): CellVocabularies {
  const config = spec.config.value;
  const values = new Map<string, Vocabulary>();
  const valueVocabulary = (id: string, order: readonly string[], noun: string): Vocabulary => {
    let known = values.get(id);
    if (!known) {
      known = vocabulary({
        noun,
        header: 'column',
        extraCode: 'column-extra',
        pointer: `/values/${id}`,
        order,
        terms: ownMap(terms?.values, id),
        referenceTerms: ownMap(referenceTerms?.values, id),
      });
      values.set(id, known);
    }
    return known;
  };
  const axes = axisVocabularies(spec, terms, referenceTerms);
  return {
    get mark() {
      return valueVocabulary(MARK_VOCABULARY, MARK_VALUES, 'mark word');
    },
    values: (id) => valueVocabulary(id, config.vocabularies?.[id] ?? [], `${id} value`),
    axis: (axis) => axes(axis, 'column'),
  };
}

function ownMap(record: Record<string, Record<string, TermEntry>> | undefined, key: string): Record<string, TermEntry> | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
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

export function isNewer(a: Dated, b: Dated): boolean {
  const dateA = a.metadata.date ?? '';
  const dateB = b.metadata.date ?? '';
  if (dateA !== dateB) return dateA > dateB;
  return a.source.name < b.source.name;
}
