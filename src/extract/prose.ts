import type { InlineCode, Nodes as MdastNodes, Paragraph, PhrasingContent, Strong } from 'mdast';
import type { Location } from '../diagnostics/diagnostic.js';
import { locator } from '../load/position.js';
import { collapseWhitespace } from '../load/terms.js';
import type { TextRule } from '../load/types.js';
import type { ParsedSource } from '../parse/markdown.js';
import { phrasingText } from './tables.js';

export interface ExtractedText {
  text: string;
  location: Location;
  /** For a message: the `code` or **strong** span that holds it, [start, end), so that docs can replace it in place. */
  span?: { range: [number, number]; form: 'code' | 'strong' };
}

/** Applies a config text rule to a document's prose; undefined when nothing matches. */
export function extractText(parsed: ParsedSource, rule: TextRule): ExtractedText | undefined {
  const toLocation = locator(parsed.source.path, parsed.source.text);
  const occurrence = rule.occurrence ?? 1;
  let seen = 0;
  let found: ExtractedText | undefined;
  visit(parsed.mdast, (node) => {
    if (found) return;
    const match = matchRule(node, rule);
    if (match === undefined || match.text === '') return;
    seen++;
    if (seen !== occurrence) return;
    found = { text: match.text, location: toLocation(node.position?.start.offset ?? 0) };
    const start = match.span?.position?.start.offset;
    const end = match.span?.position?.end.offset;
    if (match.span && start !== undefined && end !== undefined) {
      found.span = { range: [start, end], form: match.span.type === 'inlineCode' ? 'code' : 'strong' };
    }
  });
  return found;
}

interface RuleMatch {
  text: string;
  span?: InlineCode | Strong;
}

function matchRule(node: MdastNodes, rule: TextRule): RuleMatch | undefined {
  if (rule.rule === 'first-heading') {
    return node.type === 'heading' && node.depth === 1 ? { text: collapseWhitespace(node.children.map(phrasingText).join('')) } : undefined;
  }
  return node.type === 'paragraph' ? standaloneEmphasis(node) : undefined;
}

/** A paragraph holding nothing but one `code` span or one **strong** span. */
function standaloneEmphasis(paragraph: Paragraph): RuleMatch | undefined {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = meaningful;
  if (meaningful.length !== 1 || !only) return undefined;
  if (only.type === 'inlineCode') return { text: collapseWhitespace(only.value), span: only };
  if (only.type === 'strong') return { text: collapseWhitespace(only.children.map((child: PhrasingContent) => phrasingText(child)).join('')), span: only };
  return undefined;
}

/** A paragraph that starts with a footnote marker and a space: `* …`, `† …`, `1 …` (from `<sup>1</sup> …`), `¹ …`. */
const FOOTNOTE_START = /^(\*{1,3}|[†‡]{1,3}|\d{1,2}|[¹²³⁴-⁹]{1,3})\s/u;

/**
 * The footnote texts under a table: top-level paragraphs after `after` (the
 * table's end), up to the next heading or table, that start with one of the
 * markers ("&#42; Some Azure resources…", "<sup>1</sup> Only in…").
 */
export function extractFootnotes(parsed: ParsedSource, after: number, markers: ReadonlySet<string>): Map<string, ExtractedText> {
  const found = new Map<string, ExtractedText>();
  const toLocation = locator(parsed.source.path, parsed.source.text);
  const longestFirst = [...markers].sort((a, b) => b.length - a.length);
  for (const node of parsed.mdast.children) {
    const start = node.position?.start.offset ?? 0;
    if (start < after) continue;
    if (node.type === 'heading' || node.type === 'table' || (node.type === 'html' && /<table\b/i.test(node.value))) break;
    if (node.type !== 'paragraph') continue;
    const text = collapseWhitespace(node.children.map(phrasingText).join(''));
    // A marker the table's own cells use, or one that looks like a marker: a label whose marker swallowed it still has its footnote.
    const marker = longestFirst.find((candidate) => text.startsWith(candidate) && /^\s/u.test(text.slice(candidate.length))) ?? FOOTNOTE_START.exec(text)?.[1];
    if (marker !== undefined && !found.has(marker)) found.set(marker, { text: text.slice(marker.length).trim(), location: toLocation(start) });
  }
  return found;
}

function visit(node: MdastNodes, callback: (node: MdastNodes) => void): void {
  callback(node);
  if ('children' in node) for (const child of node.children) visit(child, callback);
}
