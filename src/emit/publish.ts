import { cellKey, type TablePart } from '../align/tables.js';
import type { ArticleSource } from '../build/publication.js';
import type { Spec } from '../build/types.js';
import { NOTICE_MARK } from '../extract/article.js';
import { articleViews, type TableSlice } from './article-view.js';
import { htmlComment, mdCode, mdText } from './escape.js';
import { inLocale } from './names.js';
import type { Render } from './render.js';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The locale's whole article: its source with every table the spec knows
 * rendered from the spec (in the form that reads best: GFM, or HTML where a
 * heading spans the labels), each message in its reviewed text, a state
 * diagram after its table, and the banner after the front matter.
 */
export function publishArticle(spec: Spec, locale: string, source: ArticleSource, render: Render): string {
  const views = articleViews(spec, locale, (table, row, column) => source.cells.get(table)?.get(cellKey(row, column)));
  const { text } = source;
  const edits: Edit[] = [];
  // The notice is reviewed Markdown (terms) or the tool's own; one quoted paragraph, ended by its mark.
  const notice = source.outdatedNotice === undefined ? '' : `\n\n> ${source.outdatedNotice.replace(/\s*[\r\n]+\s*/g, ' ')} ${NOTICE_MARK}`;
  const banner = `<!-- ${htmlComment(spec.$comment)} -->${notice}`;
  const { banner: earlier } = source.shape;
  // Never inside a table, whatever the metadata lines look like.
  const frontMatterEnd = Math.min(source.shape.frontMatterEnd, ...source.tables.flatMap((table) => table.parts.map((part) => part.range[0])));
  if (earlier) edits.push({ start: earlier[0], end: earlier[1], text: banner });
  // A blank line under the notice: the text after the front matter may start on the next line, and a quote would take it in.
  else if (frontMatterEnd > 0) edits.push({ start: frontMatterEnd, end: frontMatterEnd, text: `\n\n${banner}${notice === '' ? '' : '\n'}` });
  else edits.push({ start: 0, end: 0, text: `${banner}\n\n` });

  for (const table of source.tables) {
    const slices = slicesOf(table.parts);
    const diagram = views.diagram(table.id);
    const diagramText = diagram && render('doc-diagram.md', diagram).replace(/\n$/, '');
    table.parts.forEach((part, index) => {
      const last = index === table.parts.length - 1;
      // A part whose labels named nothing (its findings say why) is dropped; what it should have held goes in the last part.
      if (!last && (part.rows.length === 0 || part.columns.length === 0)) {
        edits.push({ start: part.range[0], end: part.range[1], text: '' });
        return;
      }
      const view = views.table(table.id, slices[index]);
      let rendered = render(view.form === 'html' ? 'doc-table.html' : 'doc-table.md', view).replace(/\n$/, '');
      // The diagram follows its table as one block, so that both stay inside a list item or a quote the table is in.
      const withDiagram = last && diagramText !== undefined && !table.diagram;
      if (withDiagram) rendered += `\n\n${diagramText}`;
      edits.push({ start: part.range[0], end: part.range[1], text: asBlock(rendered, text, part.range, view.form !== part.form, withDiagram) });
    });
    if (diagramText && table.diagram) {
      edits.push({ start: table.diagram[0], end: table.diagram[1], text: indented(diagramText, prefixAt(text, table.diagram[0])) });
    }
  }

  for (const message of spec.messages) {
    const stated = source.messages[message.id];
    const reviewed = inLocale(message.text, locale, spec.referenceLocale);
    if (!message.inDocs || !stated?.span || reviewed === undefined || reviewed === stated.text) continue;
    const [start, end] = stated.span.range;
    edits.push({ start, end, text: stated.span.form === 'code' ? mdCode(reviewed) : `**${mdText(reviewed)}**` });
  }
  // Outputs are LF, as every generated file is; a BOM is not part of the article.
  return applyEdits(text, edits)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
}

/**
 * The rows and columns each document table of a split table shows: the ids
 * it held, in the spec's order, and whatever no part held in the last one, so
 * that every fact of the spec is published once.
 */
function slicesOf(parts: readonly TablePart[]): (TableSlice | undefined)[] {
  if (parts.length === 1) return [undefined];
  const heldRows = new Set(parts.flatMap((part) => part.rows));
  const heldColumns = new Set(parts.flatMap((part) => part.columns));
  return parts.map((part, index) => {
    const rows = new Set(part.rows);
    const columns = new Set(part.columns);
    if (index < parts.length - 1) return { row: (id) => rows.has(id), column: (id) => columns.has(id) };
    return { row: (id) => rows.has(id) || !heldRows.has(id), column: (id) => columns.has(id) || !heldColumns.has(id) };
  });
}

/**
 * A rendered block in place of [start, end): every line after the first gets
 * the prefix the first one has (a list item's indent, a quote's `>`). Where
 * the block changes form, a blank line separates it from the text around it:
 * an HTML table written right under a paragraph, or followed by a line, is
 * one block with it in the source, and a GFM table in its place would take
 * that line in (and an HTML block would swallow the next one).
 */
function asBlock(rendered: string, text: string, [start, end]: [number, number], changesForm: boolean, endsWithFence: boolean): string {
  const prefix = prefixAt(text, start);
  const blank = `\n${prefix.trimEnd()}`;
  const lineStart = start - prefix.length;
  const previousLine = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, Math.max(lineStart - 1, 0));
  const separated = lineStart === 0 || /^[\s>]*$/.test(previousLine) || /^[\s>]{0,3}#/.test(previousLine);
  const before = changesForm && !separated ? `\n${prefix}` : '';
  const rest = text.slice(end);
  let after = '';
  if (!/^[ \t]*(\r?\n|$)/.test(rest)) after = `${blank}\n${prefix}`;
  else if (!/^[ \t]*(\r?\n[\s>]*(\r?\n|$)|$)/.test(rest) && changesForm && !endsWithFence) after = blank;
  return `${before}${indented(rendered, prefix)}${after}`;
}

/** What precedes `start` on its line when that is only indentation or quote markers (`> `), else nothing. */
function prefixAt(text: string, start: number): string {
  const prefix = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  return /^[\s>]*$/.test(prefix) ? prefix : '';
}

/** Every line after the first gets `prefix`; a blank line gets it without trailing spaces. */
function indented(rendered: string, prefix: string): string {
  if (prefix === '') return rendered;
  return rendered.replace(/\n([^\n]*)/g, (_, line: string) => `\n${line === '' ? prefix.trimEnd() : prefix + line}`);
}

function applyEdits(text: string, edits: Edit[]): string {
  const ordered = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let at = 0;
  for (const edit of ordered) {
    if (edit.start < at) throw new Error(`Overlapping edits at offset ${edit.start}: a table, diagram or message was located twice.`);
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + text.slice(at);
}
