import { INVISIBLE_CLASS } from '../diagnostics/invisible.js';

/**
 * One escaping function per output language. Templates run with HTML
 * escaping off, so every interpolation goes through one of these.
 */

/**
 * Characters that must not appear raw in generated code: line and paragraph
 * separators (line ends in old JS parsers), DEL and C1 controls, and every
 * invisible or bidi format character, so the code reads as what it does
 * (Trojan Source). JSON.stringify already escapes C0 controls inside strings.
 */
const NOT_RAW_IN_CODE = new RegExp(`[${INVISIBLE_CLASS}\\u2028\\u2029]`, 'gu');
const C0_CONTROL = /[\u0000-\u0008\u000B-\u001F]/g;

/** `\uXXXX` per UTF-16 unit: valid in JSON and in JS strings (an astral character becomes its surrogate pair). */
const utf16Escape = (character: string): string =>
  Array.from({ length: character.length }, (_, index) => `\\u${character.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`).join('');

/** A TypeScript/JavaScript string literal that evaluates to exactly `text`. */
export function tsString(text: string): string {
  // JSON is valid JS; "</" is escaped too, so the literal is also safe inside an inline <script>.
  return JSON.stringify(text).replace(NOT_RAW_IN_CODE, utf16Escape).replace(/<\//g, '<\\/');
}

/**
 * A JSON document (spec.json): the same data, with the characters code must
 * not hold raw written as \u escapes (outside strings JSON has none of them).
 */
export function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(NOT_RAW_IN_CODE, utf16Escape)}\n`;
}

/** Text inside a /* block comment *\/: `*\/` would end it early, and a line break would end the line. */
export function tsComment(text: string): string {
  return text
    .replace(/\*\//g, '*\\/')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(C0_CONTROL, utf16Escape)
    .replace(NOT_RAW_IN_CODE, utf16Escape);
}

/** Text inside an HTML comment (`<!-- … -->`): `--` may not appear there. */
export function htmlComment(text: string): string {
  // Every dash followed by another gets a space, so no run of dashes survives ("---" → "- - -").
  return text.replace(/-(?=-)/g, '- ').replace(/>/g, '&gt;');
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#~&!$]/g;

/**
 * Escapes the ASCII punctuation that can start Markdown syntax. (GFM still turns
 * bare URLs and e-mail addresses into links whatever is escaped; their text stays exact.)
 */
function escapeInline(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (character) => `\\${character}`);
}

/** Inline Markdown text that renders as exactly `text` (headings, paragraphs). */
export function mdText(text: string): string {
  // Only CR and LF end a Markdown line; U+2028/U+2029 are ordinary characters there and stay.
  return escapeInline(text).replace(/[ \t]*[\r\n]+[ \t]*/g, ' ');
}

/** A GFM table cell: `|` is escaped and a line break becomes `<br>`. */
export function mdCell(text: string): string {
  return text
    .split(/\r\n|[\r\n]/)
    .map((line) => escapeInline(line).trim())
    .join('<br>');
}

/**
 * A link destination in Markdown: characters that would end it or break the
 * table cell around it (space, parentheses, `|`, `<`, `>`, `\\`, controls) are
 * percent-encoded, so the target reads back as written.
 */
export function mdLinkTarget(target: string): string {
  return target.replace(/[\s()|<>\\\u0000-\u001f\u007f]/gu, (character) =>
    [...new TextEncoder().encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** A Markdown code span holding `text`, fenced with more backticks than it contains. */
export function mdCode(text: string): string {
  // A code span turns line endings into spaces anyway (CommonMark); U+2028/U+2029 are not line endings.
  const flat = text.replace(/\r\n|[\r\n]/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  if (flat === '') return '';
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ [\s\S]* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A Mermaid label: every character that Mermaid's grammar could read as syntax
 * (ASCII punctuation, controls, bidi and other invisible characters) becomes a
 * numeric entity code `#NNN;`, which Mermaid renders as that character.
 */
export function mermaidLabel(text: string): string {
  return [...text.replace(/[\r\n\u2028\u2029]+/g, ' ')]
    .map((character) => (/^[\p{L}\p{N} ]$/u.test(character) ? character : `#${character.codePointAt(0)};`))
    .join('')
    .trim();
}

const HTML_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const HTML_ATTRIBUTE: Record<string, string> = { ...HTML_TEXT, '"': '&quot;', "'": '&#39;' };

/** HTML text content that reads as exactly `text`: no tag, entity or comment can start inside it. */
export function html(text: string): string {
  return text.replace(/[&<>]/g, (character) => HTML_TEXT[character]!);
}

/** A quoted HTML attribute value (either quote style) that holds exactly `text`. */
export function htmlAttr(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ATTRIBUTE[character]!);
}

/** An HTML table cell's content: escaped, each line break as `<br>`. */
export function htmlCell(text: string): string {
  return text
    .split(/\r\n|[\r\n]/)
    .map((line) => html(line).trim())
    .join('<br>');
}
