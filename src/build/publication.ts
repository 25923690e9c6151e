import { isNewer, type SourceAnalysis } from '../align/analyze.js';
import type { TablePart } from '../align/tables.js';
import type { ArticleShape } from '../extract/article.js';
import type { ExtractedText } from '../extract/prose.js';
import type { SpecConfig } from '../load/types.js';

/**
 * The source a locale's article is published from: its text, and where the
 * parts that the spec states are (tables, their diagrams, messages). Every
 * other byte is published as written.
 */
export interface ArticleSource {
  path: string;
  text: string;
  shape: ArticleShape;
  /** By table id: the document tables it was read from, and a diagram an earlier publication put after them. */
  tables: { id: string; parts: TablePart[]; diagram?: [number, number] }[];
  /** By message id: where the source states it. */
  messages: Record<string, ExtractedText>;
}

/** One locale of an article: published from a source, or not published, and why. */
export type Publication = { locale: string; source: ArticleSource } | { locale: string; unpublished: string };

/**
 * The source each locale's article is published from: the one that speaks
 * for the locale, unless it lacks a table the spec knows; then the newest
 * other version that has them all. A locale with no such source gets no
 * article, rather than an article with a table missing.
 */
export function choosePublications(
  locales: readonly string[],
  analyses: readonly SourceAnalysis[],
  primaries: ReadonlyMap<string, SourceAnalysis>,
  config: SpecConfig,
): Publication[] {
  return locales.map((locale): Publication => {
    const primary = primaries.get(locale);
    const others = analyses.filter((analysis) => analysis.source.locale === locale && analysis !== primary).sort((a, b) => (isNewer(a, b) ? -1 : 1));
    const candidates = primary ? [primary, ...others] : others;
    const readable = candidates.find((analysis) => unreadTables(analysis, config).length === 0);
    if (readable) return { locale, source: articleSource(readable) };
    if (candidates.length === 0) return { locale, unpublished: `No source of ${locale} could be read, so it has no article.` };
    const [first] = candidates;
    const missing = unreadTables(first!, config).map((id) => `"${id}"`);
    return {
      locale,
      unpublished: `Not published: ${first!.source.name} has no readable table ${missing.join(', ')}${others.length > 0 ? ', nor has any other version' : ''}; fix the source (see its findings) and build again.`,
    };
  });
}

/** The configured tables that a source states no row and column of. */
function unreadTables(analysis: SourceAnalysis, config: SpecConfig): string[] {
  return config.tables
    .filter((table) => {
      const aligned = analysis.tables.get(table.id);
      return !aligned?.parts.some((part) => part.rows.length > 0 && part.columns.length > 0);
    })
    .map((table) => table.id);
}

function articleSource(analysis: SourceAnalysis): ArticleSource {
  const tables = [...analysis.tables.values()].map((aligned) =>
    aligned.diagram ? { id: aligned.id, parts: aligned.parts, diagram: aligned.diagram } : { id: aligned.id, parts: aligned.parts },
  );
  return { path: analysis.source.path, text: analysis.source.text, shape: analysis.shape, tables, messages: analysis.messages };
}
