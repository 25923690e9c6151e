import type { RootContent } from 'mdast';
import { BANNER_START } from '../load/banner.js';
import type { ParsedSource } from '../parse/markdown.js';

/** Where a published article changes its source outside the tables: after the front matter, and after each table. */
export interface ArticleShape {
  /** Offset just past the front matter (YAML, or the legacy `<properties>`/`<tags>` lines at the top); 0 without one. */
  frontMatterEnd: number;
  /** A statespec banner comment right after the front matter: an earlier publication read back as a source. */
  banner?: [number, number];
}

const LEGACY_METADATA = /^\s*<(properties|tags)\b/i;

export function articleShape(parsed: ParsedSource): ArticleShape {
  const nodes = parsed.mdast.children;
  let index = 0;
  let frontMatterEnd = 0;
  if (nodes[0]?.type === 'yaml') {
    frontMatterEnd = endOf(nodes[0]);
    index = 1;
  } else {
    // A legacy <tags> tag whose attributes run over several lines is a paragraph to CommonMark.
    while (index < nodes.length && isLegacyMetadata(nodes[index]!, parsed.source.text)) frontMatterEnd = endOf(nodes[index++]!);
  }
  const shape: ArticleShape = { frontMatterEnd };
  const next = nodes[index];
  if (next?.type === 'html' && next.value.startsWith(`<!-- ${BANNER_START}`)) shape.banner = [startOf(next), endOf(next)];
  return shape;
}

/** A ```mermaid block that starts right after `offset` (blank lines apart): the diagram an earlier publication put under a table. */
export function diagramAfter(parsed: ParsedSource, offset: number): [number, number] | undefined {
  const next = parsed.mdast.children.find((node) => startOf(node) >= offset);
  if (next?.type !== 'code' || next.lang !== 'mermaid') return undefined;
  if (parsed.source.text.slice(offset, startOf(next)).trim() !== '') return undefined;
  return [startOf(next), endOf(next)];
}

function isLegacyMetadata(node: RootContent, text: string): boolean {
  if (node.type !== 'html' && node.type !== 'paragraph') return false;
  return LEGACY_METADATA.test(text.slice(startOf(node), endOf(node)));
}

const startOf = (node: RootContent): number => node.position?.start.offset ?? 0;
const endOf = (node: RootContent): number => node.position?.end.offset ?? 0;
