import { isNewer, type SourceAnalysis } from '../align/analyze.js';
import type { AlignedTable, TablePart } from '../align/tables.js';
import type { ArticleShape } from '../extract/article.js';
import type { ExtractedText } from '../extract/prose.js';
import { startTagEnd } from '../extract/tables.js';
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
  /** A notice to publish after the banner: the article was translated from an older revision of the reference. */
  outdatedNotice?: string;
  /** By table id and cellKey(row, column): the markup of each text, ref or mentions cell, so that its emphasis and links survive. */
  cells: Map<string, Map<string, WrittenCell>>;
}

/** A source's own markup of a text cell, with the text it reads as and the table form it is written in. */
export interface WrittenCell {
  markup: string;
  text: string;
  form: TablePart['form'];
}

/** The notice where the locale's terms give none (`notices.outdated`): in the tool's language, as the reference's may not be known. */
export const OUTDATED_NOTICE =
  'This translation was made from an older revision of the original article. Its tables state the current facts; some of its text may be out of date.';

/** One locale of an article: published from a source, or not published, and why. */
export type Publication = { locale: string; source: ArticleSource } | { locale: string; unpublished: string };

/** What the health report says of a publication: which source it is from, or why there is none (the text is let go). */
export type PublishedFrom = { locale: string; source: { path: string } } | { locale: string; unpublished: string };

export function publishedFrom(publication: Publication): PublishedFrom {
  return 'source' in publication ? { locale: publication.locale, source: { path: publication.source.path } } : publication;
}

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
  outdated: ReadonlySet<string> = new Set(),
  notice: (locale: string) => string = () => OUTDATED_NOTICE,
): Publication[] {
  return locales.map((locale): Publication => {
    const primary = primaries.get(locale);
    const others = analyses.filter((analysis) => analysis.source.locale === locale && analysis !== primary).sort((a, b) => (isNewer(a, b) ? -1 : 1));
    const candidates = primary ? [primary, ...others] : others;
    const readable = candidates.find((analysis) => unreadTables(analysis, config).length === 0);
    if (readable) {
      const source = articleSource(readable);
      return { locale, source: outdated.has(readable.source.path) ? { ...source, outdatedNotice: notice(locale) } : source };
    }
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

/** The content of a cell as the source writes it: inside a GFM cell's pipes, or between an HTML cell's tags. */
function cellMarkup(text: string, [start, end]: [number, number], form: TablePart['form']): string {
  const raw = text.slice(start, end);
  if (form === 'gfm')
    return raw
      .replace(/^\s*\|/, '')
      .replace(/(?<!\\)\|\s*$/, '')
      .trim();
  const inner = /^<t[dh]\b/i.test(raw) ? raw.slice(startTagEnd(raw, 0)) : raw;
  return inner.replace(/<\/t[dh]>\s*$/i, '').trim();
}

function writtenCells(analysis: SourceAnalysis, aligned: AlignedTable): Map<string, WrittenCell> {
  const cells = new Map<string, WrittenCell>();
  for (const [key, cell] of aligned.cells) {
    if (typeof cell.text !== 'string' || /[\n\r]/.test(cell.text) || cell.cell.spanned) continue;
    const form = aligned.parts.find((part) => part.range[0] <= cell.cell.range[0] && cell.cell.range[1] <= part.range[1])?.form;
    if (form === undefined) continue;
    const markup = cellMarkup(analysis.source.text, cell.cell.range, form);
    // Markup that spans lines or holds a table's own syntax is not carried over: the spec's text is published instead.
    if (markup === '' || /[\n\r]/.test(markup) || (form === 'html' && /<\/?(table|tr|td|th|thead|tbody)\b/i.test(markup))) continue;
    cells.set(key, { markup, text: cell.text, form });
  }
  return cells;
}

function articleSource(analysis: SourceAnalysis): ArticleSource {
  const tables = [...analysis.tables.values()].map((aligned) =>
    aligned.diagram ? { id: aligned.id, parts: aligned.parts, diagram: aligned.diagram } : { id: aligned.id, parts: aligned.parts },
  );
  const cells = new Map([...analysis.tables.values()].map((aligned) => [aligned.id, writtenCells(analysis, aligned)]));
  return { path: analysis.source.path, text: analysis.source.text, shape: analysis.shape, tables, messages: analysis.messages, cells };
}
