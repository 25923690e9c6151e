import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot, TableCell } from 'mdast';
import { html, mdCell } from '../emit/escape.js';
import { startTagEnd } from '../extract/tables.js';
import type { Cell } from '../extract/types.js';
import { normalizeLabel } from '../load/terms.js';
import { parseHtmlFragment } from '../parse/markdown.js';

/** A replacement of source text [start, end) by `text`; offsets are UTF-16 indices into the source text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** One run of visible text in a cell's markup, with where its raw source is. */
interface Leaf {
  start: number;
  end: number;
  /** The text as read (entities and escapes decoded). */
  value: string;
  /** The source text of the run. */
  raw: string;
  /** False inside code, where the raw source is not the text. */
  editable: boolean;
  /** Inside <sup>…</sup>: a footnote marker, never the label. */
  inSup: boolean;
}

/** A cell's markup as fix sees it: its kind, its text runs, and the span between its delimiters. */
export interface CellMarkup {
  kind: 'html' | 'gfm';
  leaves: Leaf[];
  /** Inside the cell: after `<td …>` or the leading `|`, before `</td>` or the closing `|`. */
  contentStart: number;
  contentEnd: number;
  /** The whole source text the offsets point into. */
  source: string;
}

/** Why a cell cannot be edited, in words for a message. */
export type Refusal = { refused: string };

/** Reads cell markup from a source: GFM cells through the document's mdast, HTML cells by parsing the cell itself. */
export function cellReader(text: string, mdast: MdastRoot): (cell: Cell) => CellMarkup {
  const gfmCells = new Map<number, TableCell>();
  const visit = (node: MdastNodes): void => {
    if (node.type === 'tableCell' && node.position?.start.offset !== undefined) gfmCells.set(node.position.start.offset, node);
    if ('children' in node) for (const child of node.children) visit(child as MdastNodes);
  };
  visit(mdast);
  return (cell) => {
    const gfm = gfmCells.get(cell.range[0]);
    return gfm ? gfmMarkup(text, cell, gfm) : htmlMarkup(text, cell);
  };
}

function gfmMarkup(text: string, cell: Cell, node: TableCell): CellMarkup {
  const [start, end] = cell.range;
  const contentStart = text[start] === '|' ? start + 1 : start;
  // The row's last cell holds its closing pipe, and maybe whitespace after it.
  let last = end - 1;
  while (last > start && /\s/.test(text[last]!)) last--;
  const closed = last > start && text[last] === '|' && text[last - 1] !== '\\';
  const leaves: Leaf[] = [];
  let sup = 0;
  const walk = (child: MdastNodes): void => {
    const from = child.position?.start.offset;
    const to = child.position?.end.offset;
    if (child.type === 'html') {
      if (/^<sup\b/i.test(child.value)) sup++;
      else if (/^<\/sup\b/i.test(child.value)) sup = Math.max(0, sup - 1);
      return;
    }
    if ((child.type === 'text' || child.type === 'inlineCode') && from !== undefined && to !== undefined) {
      leaves.push({ start: from, end: to, value: child.value, raw: text.slice(from, to), editable: child.type === 'text', inSup: sup > 0 });
      return;
    }
    if ('children' in child) for (const inner of child.children) walk(inner as MdastNodes);
  };
  for (const child of node.children) walk(child);
  return { kind: 'gfm', leaves, contentStart, contentEnd: closed ? last : end, source: text };
}

const HTML_PREFIX = '<table><tr>';

function htmlMarkup(text: string, cell: Cell): CellMarkup {
  const [start, end] = cell.range;
  const markup = text.slice(start, end);
  const root: HastRoot = parseHtmlFragment(`${HTML_PREFIX}${markup}</tr></table>`);
  const offset = start - HTML_PREFIX.length;
  const leaves: Leaf[] = [];
  const element = findCell(root);
  const walk = (node: ElementContent, inSup: boolean, editable: boolean): void => {
    if (node.type === 'text') {
      const from = node.position?.start.offset;
      const to = node.position?.end.offset;
      if (from === undefined || to === undefined) return;
      leaves.push({ start: from + offset, end: to + offset, value: node.value, raw: text.slice(from + offset, to + offset), editable, inSup });
      return;
    }
    if (node.type !== 'element') return;
    const name = node.tagName.toLowerCase();
    for (const child of node.children) walk(child, inSup || name === 'sup', editable && name !== 'code' && name !== 'pre');
  };
  if (element) for (const child of element.children) walk(child, false, true);
  const tagEnd = startTagEnd(text, start);
  const close = /<\/t[dh]\s*>$/i.exec(markup);
  return { kind: 'html', leaves, contentStart: Math.min(tagEnd, end), contentEnd: close ? end - close[0].length : end, source: text };
}

function findCell(root: HastRoot): Element | undefined {
  const stack: (HastRoot | Element)[] = [root];
  while (stack.length > 0) {
    const node = stack.shift()!;
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'td' || child.tagName === 'th') return child;
      stack.push(child);
    }
  }
  return undefined;
}

/** Text as it must be written in the cell's kind of markup to read back as itself (the escaping the published docs use). */
function escapeFor(kind: CellMarkup['kind'], value: string): string {
  return kind === 'html' ? html(value) : mdCell(value);
}

/** Scripts written without spaces between words: a label may stand anywhere in their text (as the mentions reader does). */
const UNSPACED = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const TRAILING_MARKER = /\s*(?:\*{1,3}|[†‡]{1,3}|[⁰¹²³⁴-⁹]{1,3})\s*$/u;

/** The visible text runs that can carry a label: not whitespace, not a footnote superscript. */
function candidates(markup: CellMarkup): Leaf[] {
  return markup.leaves.filter((leaf) => !leaf.inSup && leaf.value.trim() !== '');
}

/**
 * The edit that replaces the label `old` (as the analysis read it: whitespace
 * collapsed, footnote marker cut) with `replacement` inside a cell, touching
 * only the text run that holds it: tags, emphasis, links and footnote markers
 * around it stay. A label spread over several runs, or found more than once,
 * is refused.
 */
export function replaceLabel(markup: CellMarkup, old: string, replacement: string): Edit | Refusal {
  const leaves = candidates(markup);
  const wanted = normalizeLabel(old);
  const text = escapeFor(markup.kind, replacement);
  const whole = leaves.filter((leaf) => normalizeLabel(leaf.value) === wanted);
  if (whole.length === 1) {
    const leaf = whole[0]!;
    if (!leaf.editable) return { refused: `the label "${old}" is inside code` };
    const [from, to] = trimmedRange(leaf);
    return { start: from, end: to, text };
  }
  if (whole.length > 1) return { refused: `the label "${old}" is written ${whole.length} times in the cell` };
  // The label with a footnote marker in the same run: "Backup*".
  const marked = leaves.filter((leaf) => TRAILING_MARKER.test(leaf.value) && normalizeLabel(leaf.value.replace(TRAILING_MARKER, '')) === wanted);
  if (marked.length === 1) {
    const leaf = marked[0]!;
    if (!leaf.editable || leaf.raw !== leaf.value) return { refused: `the label "${old}" and its footnote marker are written with escapes` };
    const [from] = trimmedRange(leaf);
    const body = leaf.value.trimStart().replace(TRAILING_MARKER, '');
    return { start: from, end: from + body.length, text };
  }
  // A label wrapped over lines: every run of the cell, with only line breaks between them.
  if (leaves.length > 1 && normalizeLabel(leaves.map((leaf) => leaf.value).join(' ')) === wanted) {
    const ranges = leaves.map(trimmedRange);
    const plain = leaves.every((leaf, index) => leaf.editable && (leaf.raw === leaf.value || index === 0 || index === leaves.length - 1));
    const breaks = ranges.slice(1).every(([from], index) => /^(?:\s|<br\s*\/?>)*$/i.test(markup.source.slice(ranges[index]![1], from)));
    if (plain && breaks) return { start: ranges[0]![0], end: ranges[ranges.length - 1]![1], text };
    return { refused: `the label "${old}" is spread over several runs of text with markup between them` };
  }
  // Part of a run: one of several ids in a row label ("A/B"), or a label inside free text.
  const pattern = labelPattern(old);
  const found: { leaf: Leaf; index: number; length: number }[] = [];
  for (const leaf of leaves) {
    if (!leaf.editable || leaf.raw !== leaf.value) continue;
    for (const match of leaf.raw.matchAll(pattern)) found.push({ leaf, index: match.index, length: match[0].length });
  }
  if (found.length === 1) {
    const { leaf, index, length } = found[0]!;
    return { start: leaf.start + index, end: leaf.start + index + length, text };
  }
  if (found.length > 1) return { refused: `the label "${old}" is written ${found.length} times in the cell` };
  return { refused: `the label "${old}" is not one plain run of text in the cell's markup (it is split by tags or emphasis, or written with entities)` };
}

/**
 * The label as a whole word (anywhere in unspaced scripts), any case, any
 * whitespace between its words: how a label is found in a cell's text run,
 * and in a mentions cell's text.
 */
export function labelPattern(label: string): RegExp {
  const body = label
    .trim()
    .split(/\s+/u)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return UNSPACED.test(label) ? new RegExp(body, 'giu') : new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

function trimmedRange(leaf: Leaf): [number, number] {
  const leading = leaf.raw.length - leaf.raw.trimStart().length;
  const trailing = leaf.raw.length - leaf.raw.trimEnd().length;
  return [leaf.start + leading, leaf.end - trailing];
}

/**
 * The edit that makes a cell say `replacement` (blank when empty): its one
 * text run is replaced; a blank cell gets the text between its delimiters.
 */
export function setCellText(markup: CellMarkup, before: string, replacement: string): Edit | Refusal {
  const leaves = candidates(markup);
  if (leaves.length > 0) return replaceLabel(markup, before, replacement);
  const text = escapeFor(markup.kind, replacement);
  const inner = markup.contentEnd - markup.contentStart;
  const whitespace = markup.leaves.filter((leaf) => !leaf.inSup);
  if (markup.kind === 'gfm') {
    if (markup.leaves.length > 0) return { refused: 'the blank cell holds markup' };
    const padded = text === '' ? ' '.repeat(Math.max(inner, 2)) : ` ${text} `.padEnd(inner, ' ');
    return { start: markup.contentStart, end: markup.contentEnd, text: padded };
  }
  // HTML: a cell with only spaces inside its tags, with a line break, or one element around a blank.
  if (/^[ \t]*$/.test(markup.source.slice(markup.contentStart, markup.contentEnd))) return { start: markup.contentStart, end: markup.contentEnd, text };
  if (whitespace.length === 1 && whitespace[0]!.start > markup.contentStart) {
    const leaf = whitespace[0]!;
    return { start: leaf.start, end: leaf.end, text };
  }
  if (whitespace.length <= 1 && markup.leaves.every((leaf) => leaf.start === markup.contentStart || leaf.start >= markup.contentEnd)) {
    return { start: markup.contentStart, end: markup.contentStart, text };
  }
  return { refused: 'the blank cell holds markup whose text place is unclear' };
}

export function isRefusal<T extends object>(value: T | Refusal): value is Refusal {
  return 'refused' in value;
}

/**
 * Keeps a GFM cell as wide as it was where it was padded for alignment (more
 * than one space after its text): a shorter text gets spaces after it, a
 * longer one takes spaces from its padding (one always stays). Returns the
 * padding edit, if any.
 */
export function keepWidth(text: string, markup: CellMarkup, edits: readonly Edit[]): Edit | undefined {
  if (markup.kind !== 'gfm' || edits.length === 0) return undefined;
  if (edits.some((edit) => edit.start === markup.contentStart && edit.end === markup.contentEnd)) return undefined;
  const delta = edits.reduce((sum, edit) => sum + edit.text.length - (edit.end - edit.start), 0);
  const content = text.slice(markup.contentStart, markup.contentEnd);
  const padding = content.length - content.trimEnd().length;
  // Padding of one space is no alignment to keep: the text simply gets longer or shorter.
  if (delta === 0 || padding <= 1 || /[\n\r]/.test(content)) return undefined;
  const padStart = markup.contentEnd - padding;
  if (edits.some((edit) => edit.end > padStart)) return undefined;
  const wanted = Math.max(1, padding - delta);
  return wanted === padding ? undefined : { start: padStart, end: markup.contentEnd, text: ' '.repeat(wanted) };
}

/** Applies non-overlapping edits, from the end backwards. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** The first two edits that overlap (an insertion at the very end of another edit's range does not), if any. */
export function overlapping(edits: readonly Edit[]): [Edit, Edit] | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let index = 1; index < sorted.length; index++) {
    const before = sorted[index - 1]!;
    const after = sorted[index]!;
    if (after.start < before.end || (after.start === before.start && after.end === before.end)) return [before, after];
  }
  return undefined;
}
