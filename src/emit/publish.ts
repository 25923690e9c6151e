import { cellKey, type TablePart } from '../align/tables.js';
import type { ArticleSource } from '../build/publication.js';
import type { Spec } from '../build/types.js';
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
  const banner = `<!-- ${htmlComment(spec.$comment)} -->`;
  const { frontMatterEnd, banner: earlier } = source.shape;
  if (earlier) edits.push({ start: earlier[0], end: earlier[1], text: banner });
  else if (frontMatterEnd > 0) edits.push({ start: frontMatterEnd, end: frontMatterEnd, text: `\n\n${banner}` });
  else edits.push({ start: 0, end: 0, text: `${banner}\n\n` });

  for (const table of source.tables) {
    const slices = slicesOf(table.parts);
    table.parts.forEach((part, index) => {
      // A part whose labels named nothing (its findings say why) is dropped; what it should have held goes in the last part.
      if (index < table.parts.length - 1 && (part.rows.length === 0 || part.columns.length === 0)) {
        edits.push({ start: part.range[0], end: part.range[1], text: '' });
        return;
      }
      const view = views.table(table.id, slices[index]);
      const rendered = render(view.form === 'html' ? 'doc-table.html' : 'doc-table.md', view).replace(/\n$/, '');
      edits.push({ start: part.range[0], end: part.range[1], text: asBlock(indented(rendered, text, part.range[0]), text, part.range) });
    });
    const diagram = views.diagram(table.id);
    if (!diagram) continue;
    const last = table.parts.at(-1)!;
    const rendered = indented(render('doc-diagram.md', diagram).replace(/\n$/, ''), text, last.range[0]);
    if (table.diagram) edits.push({ start: table.diagram[0], end: table.diagram[1], text: rendered });
    else edits.push({ start: last.range[1], end: last.range[1], text: `\n\n${rendered}` });
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
 * A blank line before and after a replaced table: an HTML table written right
 * under a paragraph, or followed by a line, is one block with it in the
 * source, and a GFM table or an HTML block in its place would take that line in.
 */
function asBlock(rendered: string, text: string, [start, end]: [number, number]): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const previousLine = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, Math.max(lineStart - 1, 0));
  const before = lineStart === 0 || previousLine.trim() === '' || /^\s{0,3}#/.test(previousLine) ? '' : '\n';
  const after = /^[ \t]*(\r?\n[ \t]*(\r?\n|$)|$)/.test(text.slice(end)) ? '' : /^[ \t]*\r?\n/.test(text.slice(end)) ? '\n' : '\n\n';
  return `${before}${rendered}${after}`;
}

/** A table inside a list item or a block quote: every line after the first gets the prefix the first line has. */
function indented(rendered: string, text: string, start: number): string {
  const prefix = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  if (!/^[\s>]*$/.test(prefix) || prefix === '') return rendered;
  return rendered.replace(/\n/g, `\n${prefix}`);
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
