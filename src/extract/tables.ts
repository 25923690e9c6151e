import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Nodes as MdastNodes, Table as MdastTable, PhrasingContent } from 'mdast';
import { type Diagnostic, diagnostic, type Location, type Staged } from '../diagnostics/diagnostic.js';
import { locator, type OffsetToLocation } from '../load/position.js';
import { collapseWhitespace } from '../load/terms.js';
import { elements, type ParsedSource, parseHtmlFragment } from '../parse/markdown.js';
import type { Cell, Table } from './types.js';

/** HTML's own limits for spans (the HTML table-processing model clamps to these). */
export const MAX_COLSPAN = 1000;
export const MAX_ROWSPAN = 65534;
/** Spans are expanded slot by slot; past this many slots a table is refused rather than allocated. */
export const MAX_GRID_SLOTS = 250_000;

interface Context {
  file: string;
  text: string;
  /** `text` with HTML comments blanked out, for finding tags. */
  masked: string;
  toLocation: OffsetToLocation;
  diagnostics: Diagnostic[];
  nextOrigin: number;
}

/** Finds every GFM and HTML table of a document, in document order, as rectangular grids. */
export function extractTables(parsed: ParsedSource): Staged<Table[]> {
  const { source, mdast } = parsed;
  const context: Context = {
    file: source.path,
    text: source.text,
    masked: maskComments(source.text),
    toLocation: locator(source.path, source.text),
    diagnostics: [],
    nextOrigin: 0,
  };
  const tables: Omit<Table, 'index'>[] = [];
  let coveredUntil = -1;
  let heading: string | undefined;
  const add = (table: Omit<Table, 'index'>): void => {
    tables.push(heading === undefined ? table : { ...table, heading });
  };
  walkFlow(mdast, (node) => {
    const start = node.position?.start.offset;
    if (start === undefined) return;
    if (node.type === 'heading') heading = collapseWhitespace(node.children.map(phrasingText).join(''));
    if (node.type === 'table' && start >= coveredUntil) {
      const table = gfmTable(node, context);
      if (table) add(table);
      return;
    }
    if (node.type !== 'html') return;
    // remark splits a raw <table> at blank lines, so each table is read from the source text, whole;
    // one HTML block may also hold several tables. Comments are masked so that an old,
    // commented-out table is not read as facts.
    const end = node.position!.end.offset!;
    const opening = /<table\b/gi;
    opening.lastIndex = Math.max(start, coveredUntil);
    for (let match = opening.exec(context.masked); match && match.index < end; match = opening.exec(context.masked)) {
      const tableEnd = findTableEnd(context.masked, match.index);
      if (tableEnd === undefined) {
        context.diagnostics.push(
          diagnostic('table-malformed', {
            at: context.toLocation(match.index),
            message: 'This <table> is never closed; add </table> where the table ends.',
          }),
        );
      }
      coveredUntil = tableEnd ?? context.text.length;
      const table = htmlTable(context, match.index, coveredUntil);
      if (table) add(table);
      opening.lastIndex = coveredUntil;
    }
  });
  return { value: tables.map((table, index) => ({ ...table, index })), diagnostics: context.diagnostics };
}

/** Replaces the inside of every `<!-- … -->` with spaces, keeping offsets. */
function maskComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => ' '.repeat(comment.length));
}

/** Visits block-level nodes only: inline HTML in a paragraph or heading (`a <table> element`) is prose. */
function walkFlow(node: MdastNodes, visit: (node: MdastNodes) => void): void {
  visit(node);
  if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
    for (const child of node.children) walkFlow(child, visit);
  }
}

/** Text of inline Markdown, with `<br>` as a line break and other inline HTML dropped. */
export function phrasingText(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
      if (/^<br\s*\/?>$/i.test(node.value.trim())) return '\n';
      // A list written as inline HTML in a table cell keeps one item per line.
      return /^<li\b/i.test(node.value.trim()) ? '\n- ' : '';
    default:
      return 'children' in node ? node.children.map(phrasingText).join('') : '';
  }
}

function gfmTable(node: MdastTable, context: Context): Omit<Table, 'index'> | undefined {
  const grid: (Cell | undefined)[][] = [];
  const coveredColumns: number[] = [];
  const rowLocations: Location[] = [];
  for (const row of node.children) {
    const cells: Cell[] = row.children.map((cell) => {
      const start = cell.position!.start.offset!;
      const end = cell.position!.end.offset!;
      const first = cell.children[0]?.position?.start.offset;
      const contentStart = first ?? (context.text[start] === '|' ? start + 1 : start);
      return {
        text: cell.children.map(phrasingText).join(''),
        location: context.toLocation(contentStart),
        range: [start, end],
        origin: context.nextOrigin++,
        spanned: false,
      };
    });
    grid.push(cells);
    coveredColumns.push(cells.length);
    rowLocations.push(context.toLocation(row.position!.start.offset!));
  }
  const where = {
    location: context.toLocation(node.position!.start.offset!),
    range: [node.position!.start.offset!, node.position!.end.offset!] as [number, number],
  };
  return finishGrid(context, where, 'gfm', grid, coveredColumns, rowLocations);
}

/** Offset just past the `</table>` that closes the table opened at `start`, nested tables counted. */
export function findTableEnd(text: string, start: number): number | undefined {
  const tag = /<(\/?)table\b[^>]*>/gi;
  tag.lastIndex = start;
  let depth = 0;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return undefined;
}

function htmlTable(context: Context, start: number, end: number): Omit<Table, 'index'> | undefined {
  const fragment: HastRoot = parseHtmlFragment(context.text.slice(start, end));
  const at = (node: { position?: { start: { offset?: number } } } | undefined): Location => context.toLocation(start + (node?.position?.start.offset ?? 0));
  const table = [...elements(fragment)].find((element) => element.tagName === 'table');
  if (!table) return undefined;
  const grouped = ownRows(table);
  const rows = grouped.map(({ row }) => row);
  // A span stops at the end of its row group (thead, tbody or tfoot), as in HTML. Rows of a group are consecutive.
  const groupEnd: number[] = [];
  for (let index = grouped.length - 1; index >= 0; index--) {
    groupEnd[index] = grouped[index + 1]?.group === grouped[index]!.group ? groupEnd[index + 1]! : index + 1;
  }
  if (rows.length === 0) {
    context.diagnostics.push(diagnostic('table-malformed', { at: at(table), message: 'This <table> has no rows.' }));
    return undefined;
  }
  const grid: (Cell | undefined)[][] = rows.map(() => []);
  const rowLocations = rows.map((row) => at(row));
  let slots = 0;
  const dataSpans: { location: Location; column: number; columns: number }[] = [];
  for (const [rowIndex, row] of rows.entries()) {
    let column = 0;
    for (const element of row.children.filter(isCell)) {
      const line = grid[rowIndex]!;
      while (line[column] !== undefined) column++;
      if ([...elements(element)].some((inner) => inner.tagName === 'table')) {
        context.diagnostics.push(
          diagnostic('table-malformed', {
            at: at(element),
            message: 'A table nested inside a cell cannot be read as a chart cell; move it out of the table.',
          }),
        );
      }
      const reportedBefore = context.diagnostics.length;
      const tag = startTag(context.text, start + (element.position?.start.offset ?? 0));
      const colspan = spanValue(tag, 'colspan', MAX_COLSPAN, context, at(element));
      const requestedRows = spanValue(tag, 'rowspan', MAX_ROWSPAN, context, at(element));
      // A span already reported as invalid is not reported again for where it reaches.
      const spanReported = context.diagnostics.length > reportedBefore;
      const rowsLeft = groupEnd[rowIndex]! - rowIndex;
      // rowspan="0" is read as HTML defines it (to the end of the row group), and reported by spanValue.
      const rowspan = Math.min(requestedRows === 0 ? rowsLeft : requestedRows, rowsLeft);
      const isHeader = element.tagName === 'th';
      // Documents head groups with a <th> that overshoots (rowspan="18" over 14 rows); that moves no
      // cell. A data cell that reaches past the last row would mean the table is not what it says.
      if (!isHeader && !spanReported && requestedRows > rowsLeft) {
        context.diagnostics.push(
          diagnostic('span-invalid', {
            at: at(element),
            message: `rowspan="${requestedRows}" on a data cell reaches ${requestedRows - rowsLeft} row(s) past the end of its table section (${rowsLeft} left); write the number of rows it covers.`,
          }),
        );
      }
      const columns = Math.max(1, Math.min(colspan, MAX_COLSPAN - column));
      if (!isHeader && !spanReported && columns > 1) dataSpans.push({ location: at(element), column, columns });
      slots += rowspan * columns;
      if (slots > MAX_GRID_SLOTS) {
        context.diagnostics.push(
          diagnostic('table-malformed', {
            at: at(element),
            message: `This table's rowspan/colspan values expand to more than ${MAX_GRID_SLOTS} cells; it is not read. Check the span values.`,
          }),
        );
        return undefined;
      }
      const origin = context.nextOrigin++;
      const base = {
        text: toText(element, { whitespace: 'normal' }),
        location: at(element),
        range: [start + (element.position?.start.offset ?? 0), start + (element.position?.end.offset ?? 0)] as [number, number],
        origin,
      };
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < columns; dc++) {
          grid[rowIndex + dr]![column + dc] ??= { ...base, spanned: dr > 0 || dc > 0 };
        }
      }
      column += columns;
    }
  }
  const coveredColumns = grid.map((line) => line.filter((cell) => cell !== undefined).length);
  const finished = finishGrid(context, { location: at(table), range: [start, end] }, 'html', grid, coveredColumns, rowLocations);
  if (!finished) return undefined;
  for (const span of dataSpans) {
    if (span.column + span.columns <= finished.width) continue;
    context.diagnostics.push(
      diagnostic('span-invalid', {
        at: span.location,
        message: `colspan="${span.columns}" on a data cell reaches ${span.column + span.columns - finished.width} column(s) past the table's ${finished.width}; write the number of columns it covers.`,
      }),
    );
  }
  return finished;
}

/**
 * Rows of this table only, in order, across thead/tbody/tfoot, skipping nested
 * tables; `group` tells the row groups apart (rows of one parent element).
 */
function ownRows(table: Element): { row: Element; group: number }[] {
  const rows: { row: Element; group: number }[] = [];
  let groups = 0;
  const visit = (node: Element): void => {
    const group = groups++;
    for (const child of node.children) {
      if (child.type !== 'element' || child.tagName === 'table') continue;
      if (child.tagName === 'tr') rows.push({ row: child, group });
      else visit(child);
    }
  };
  visit(table);
  return rows;
}

function isCell(node: ElementContent): node is Element {
  return node.type === 'element' && (node.tagName === 'td' || node.tagName === 'th');
}

/** Offset just past the `>` of the start tag at `offset`, quotes respected (an attribute value may hold `>`). */
export function startTagEnd(text: string, offset: number): number {
  let quote: string | undefined;
  for (let index = offset; index < text.length; index++) {
    const character = text[index]!;
    if (quote) {
      if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '>') return index + 1;
  }
  return text.length;
}

/** The source text of the start tag at `offset`. */
function startTag(text: string, offset: number): string {
  return text.slice(offset, startTagEnd(text, offset));
}

/** The attribute's value as written (hast has already turned it into a number), or undefined when absent. */
function attributeText(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+)))?(?=[\\s/>]|$)`, 'i').exec(tag);
  if (!match) return undefined;
  return match[1] ?? match[2] ?? match[3] ?? '';
}

/**
 * A span attribute as a count. Anything but a plain positive whole number
 * within HTML's limit is reported: the cells after it would move, so what they
 * say cannot be trusted. The value read on is what a browser reads (HTML's
 * rules for non-negative integers: "1e1" is 1, "0x3" is 0), so the rest of the
 * table still gets checked as a reader sees it.
 */
function spanValue(tag: string, attribute: 'colspan' | 'rowspan', max: number, context: Context, at: Location): number {
  const written = attributeText(tag, attribute);
  if (written === undefined) return 1;
  const what = attribute === 'colspan' ? 'columns' : 'rows';
  const leading = /^[\t\n\f\r ]*\+?(\d+)/.exec(written);
  const browser = leading ? Number(leading[1]) : Number.NaN;
  const plain = /^\s*\d+\s*$/.test(written);
  if (!plain || (browser === 0 && attribute === 'colspan')) {
    const read = Number.isNaN(browser) || (browser === 0 && attribute === 'colspan') ? 1 : Math.min(browser, max);
    context.diagnostics.push(
      diagnostic('span-invalid', {
        at,
        message: `${attribute}="${written}" is not a positive whole number; write the number of ${what} the cell covers (a browser reads it as ${read === 0 ? 'to the end of the section' : read}).`,
      }),
    );
    return read;
  }
  if (browser === 0) {
    context.diagnostics.push(
      diagnostic('span-invalid', {
        at,
        message:
          'rowspan="0" means "to the end of its table section" in HTML, but Markdown renderers and editors differ on it; write the number of rows the cell covers (read as to the end).',
      }),
    );
    return 0;
  }
  if (browser > max) {
    context.diagnostics.push(
      diagnostic('span-invalid', {
        at,
        message: `${attribute}="${written}" exceeds HTML's limit of ${max}; write the number of ${what} the cell covers (read as ${max}).`,
      }),
    );
    return max;
  }
  return browser;
}

/**
 * Drops trailing columns that only spans reach into (e.g. colspan="15" over 7
 * columns) and makes the grid rectangular, unless rows × columns would exceed
 * MAX_GRID_SLOTS: a small file can describe a huge sparse table (one wide row
 * over many short ones), and that is refused rather than allocated.
 */
function finishGrid(
  context: Context,
  { location, range }: Pick<Table, 'location' | 'range'>,
  form: Table['form'],
  grid: (Cell | undefined)[][],
  coveredColumns: number[],
  rowLocations: Location[],
): Omit<Table, 'index'> | undefined {
  let width = 0;
  for (const line of grid) {
    for (const [column, cell] of line.entries()) {
      if (cell && !cell.spanned) width = Math.max(width, column + 1);
    }
  }
  if (grid.length * width > MAX_GRID_SLOTS) {
    context.diagnostics.push(
      diagnostic('table-malformed', {
        at: location,
        message: `This table is ${grid.length} rows by ${width} columns, more than ${MAX_GRID_SLOTS} cells; it is not read. Check that its rows and cells are what the document means.`,
      }),
    );
    return undefined;
  }
  const rectangular = grid.map((line) => Array.from({ length: width }, (_, column) => line[column]));
  return { location, range, form, grid: rectangular, width, coveredColumns, rowLocations };
}
