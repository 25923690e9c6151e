/**
 * One escaping function per output language. Templates run with HTML
 * escaping off, so every interpolation goes through one of these.
 */

/** A TypeScript/JavaScript string literal that evaluates to exactly `text`. */
export function tsString(text: string): string {
  // JSON is valid JS; U+2028/U+2029 and "</" are escaped too, so the literal is safe
  // in old parsers and inside an inline <script>.
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/<\//g, '<\\/');
}

/** Text inside a /* block comment *\/: `*\/` would end it early. */
export function tsComment(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Text inside an HTML comment (`<!-- … -->`): `--` may not appear there. */
export function htmlComment(text: string): string {
  return text.replace(/--/g, '- -').replace(/>/g, '&gt;');
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#~&!]/g;

/**
 * Escapes the ASCII punctuation that can start Markdown syntax. (GFM still turns
 * bare URLs and e-mail addresses into links whatever is escaped; their text stays exact.)
 */
function escapeInline(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (character) => `\\${character}`);
}

/** Inline Markdown text that renders as exactly `text` (headings, paragraphs). */
export function mdText(text: string): string {
  return escapeInline(text).replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
}

/** A GFM table cell: `|` is escaped and a line break becomes `<br>`. */
export function mdCell(text: string): string {
  return text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => escapeInline(line).trim())
    .join('<br>');
}

/** A Markdown code span holding `text`, fenced with more backticks than it contains. */
export function mdCode(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
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
