import { type Diagnostic, diagnostic, type Location } from '../diagnostics/diagnostic.js';
/**
 * Footnote markers after a label or value. A cell such as
 * `Self-hosted gateway<sup>3</sup>`, `Backup*`, `Backup&#42;` or `Backup¹`
 * names "Self-hosted gateway" or "Backup"; the marker points at a footnote
 * and is not part of the label.
 *
 * Cell texts lose their markup (`<sup>3</sup>` becomes "3"), so the marker is
 * found in the cell's raw markup and cut from the end of its text.
 */

/** What splitFootnote found at the end of one cell. */
export interface FootnoteSplit {
  /** The label or value without its marker, trailing whitespace trimmed. */
  label: string;
  /** The marker as written, without `<sup>`: "3", "*", "¹", "a", "1,2". Absent when the cell has none. */
  marker?: string;
  /**
   * Text that a `<sup>` holds besides a short marker, as in
   * `Azure<sup>AD-integratie 1</sup>` ("AD-integratie"): label text that the
   * superscript swallowed by mistake. It stays in `label`; the caller reports it.
   */
  swallowed?: string;
}

/** A marker: a number, a letter or a few symbols, possibly several joined by commas and bracketed: "1", "a", "**", "1, 2", "[3]". */
const MARKER_PART = String.raw`(?:\d{1,3}|[A-Za-z]|[*†‡§¶#]{1,3}|[⁰¹²³⁴-⁹]{1,3})`;
const SHORT_MARKER = new RegExp(String.raw`^[[(]?${MARKER_PART}(?:\s*,\s*${MARKER_PART})*[\])]?$`, 'u');
/** A marker at the end of text written without `<sup>`: asterisks (`*`, `\*`, `&#42;` all read as "*"), daggers or superscript digits. */
const TRAILING_MARKER = /(?:\*{1,3}|[†‡]{1,3}|[⁰¹²³⁴-⁹]{1,3})$/u;
/** A number or symbol marker at the end of what a `<sup>` swallowed: "AD-integratie 1". */
const SWALLOWED_MARKER = /\s*(\d{1,3}|[*†‡]{1,3}|[⁰¹²³⁴-⁹]{1,3})$/u;
/**
 * A `<sup>` at the end of a cell's markup. What may follow it: whitespace, the
 * cell's closing `|`, closing tags, `<br>`, emphasis closers and a link's `](…)`.
 */
const TRAILING_SUP = /<sup\b[^>]*>((?:(?!<\/?sup\b)[\s\S])*)<\/sup\s*>((?:\s|\||[*_]|\]\([^)]*\)|\]|<\/(?!sup\b)[A-Za-z][A-Za-z0-9]*\s*>|<br\s*\/?>)*)$/iu;

/**
 * Splits a footnote marker off the end of a cell.
 *
 * `text` is the cell's text as extracted (`Cell.text`), `markup` its raw
 * source (`source.text.slice(cell.range[0], cell.range[1])`); for a plain
 * string pass it as both. Only a marker at the end is taken: one `<sup>` (or
 * several in a row, as `<sup>1</sup><sup>2</sup>`), else asterisks, daggers
 * or superscript digits. A cell that is nothing but a marker keeps it as its
 * label. Pure; never throws.
 */
export function splitFootnote(text: string, markup: string): FootnoteSplit {
  let label = text.replace(/\s+$/u, '');
  // Most cells have no marker: neither a superscript nor a marker character at the end.
  if (!/<sup\b/i.test(markup) && !/[*†‡⁰¹²³⁴-⁹]$/u.test(label)) return { label };
  let rest = markup;
  const markers: string[] = [];
  let swallowed: string | undefined;
  for (let match = TRAILING_SUP.exec(rest); match; match = TRAILING_SUP.exec(rest)) {
    const content = supText(match[1]!);
    const before = cutEnd(label, content);
    if (before === undefined || content === '') break;
    rest = rest.slice(0, match.index);
    if (SHORT_MARKER.test(content)) {
      if (before.trim() === '') break;
      markers.unshift(content);
      label = before.replace(/\s+$/u, '');
      continue;
    }
    // Not a marker: a superscript that swallowed label text, maybe with the marker at its end.
    const inner = SWALLOWED_MARKER.exec(content);
    if (inner && inner.index > 0) {
      markers.unshift(inner[1]!);
      swallowed = content.slice(0, inner.index).trim();
      label = `${before}${content.slice(0, inner.index)}`.replace(/\s+$/u, '');
    } else {
      swallowed = content;
    }
    break;
  }
  if (markers.length === 0 && swallowed === undefined) {
    const trailing = TRAILING_MARKER.exec(label);
    const before = trailing ? label.slice(0, trailing.index).replace(/\s+$/u, '') : '';
    if (trailing && before !== '') {
      markers.push(trailing[0]);
      label = before;
    }
  }
  const result: FootnoteSplit = { label };
  if (markers.length > 0) result.marker = markers.join(',');
  if (swallowed !== undefined) result.swallowed = swallowed;
  return result;
}

/** The text of a `<sup>`'s content as a cell's text shows it: tags and link syntax dropped, a few entities decoded. */
function supText(content: string): string {
  return content
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/&#(\d+);/g, (_, code: string) => safeCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => safeCodePoint(Number.parseInt(code, 16)))
    .replace(/&ast;/g, '*')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\\([*_[\]])/g, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

function safeCodePoint(code: number): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** `text` without `end` at its end (whitespace compared loosely), or undefined when it does not end so. */
function cutEnd(text: string, end: string): string | undefined {
  if (end === '') return text;
  if (text.endsWith(end)) return text.slice(0, text.length - end.length);
  const loose = text.replace(/\s+/gu, ' ');
  return loose.endsWith(end) ? loose.slice(0, loose.length - end.length) : undefined;
}

/** The finding for a superscript that swallowed label words (`Azure<sup>AD-integratie 1</sup>`), if `split` has one. */
export function swallowedFootnote(split: FootnoteSplit, where: { at: Location; spec: string; locale: string }): Diagnostic | undefined {
  if (split.swallowed === undefined) return undefined;
  return diagnostic('footnote-swallowed', {
    ...where,
    message: `The superscript "${split.swallowed}" holds words, not just a footnote marker, so they are read as part of "${split.label.replace(/\s+/gu, ' ').trim()}". Move the words out of <sup>…</sup>, keeping only the marker in it.`,
  });
}
