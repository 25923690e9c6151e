import type { Root as MdastRoot } from 'mdast';
import type { Element, Root as HastRoot } from 'hast';
import rehypeParse from 'rehype-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { SourceFile } from '../load/types.js';

export interface ParsedSource {
  source: SourceFile;
  mdast: MdastRoot;
  metadata: SourceMetadata;
}

export interface SourceMetadata {
  /** ISO date (YYYY-MM-DD) from `ms.date`, when the document states one. */
  date?: string;
}

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const htmlParser = unified().use(rehypeParse, { fragment: true });

export function parseMarkdown(text: string): MdastRoot {
  return markdownParser.parse(text);
}

export function parseHtmlFragment(text: string): HastRoot {
  return htmlParser.parse(text);
}

/** Parses a source and reads its metadata from YAML front matter or legacy <properties>/<tags>. */
export function parseSource(source: SourceFile): ParsedSource {
  const mdast = parseMarkdown(source.text);
  const metadata: SourceMetadata = {};
  const fields = new Map<string, string>();
  for (const node of mdast.children) {
    if (node.type === 'yaml') {
      for (const [key, value] of Object.entries(readYaml(node.value))) fields.set(key.toLowerCase(), value);
    } else if (node.type === 'html' && /^\s*<(properties|tags)\b/i.test(node.value)) {
      for (const element of elements(parseHtmlFragment(node.value))) {
        if (element.tagName !== 'properties' && element.tagName !== 'tags') continue;
        for (const [key, value] of Object.entries(element.properties)) {
          if (typeof value === 'string') fields.set(key.toLowerCase(), value);
        }
      }
    }
  }
  const date = normalizeDate(fields.get('ms.date'));
  if (date) metadata.date = date;
  return { source, mdast, metadata };
}

function readYaml(text: string): Record<string, string> {
  try {
    const value: unknown = parseYaml(text);
    if (!value || typeof value !== 'object') return {};
    const result: Record<string, string> = {};
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === 'string' || typeof field === 'number') result[key] = String(field);
    }
    return result;
  } catch {
    // Broken front matter only costs us the date; the tables are still read.
    return {};
  }
}

/** `ms.date` is MM/DD/YYYY in these documents; ISO dates are accepted too. */
export function normalizeDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const us = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(raw);
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  return undefined;
}

export function* elements(node: HastRoot | Element): Generator<Element> {
  for (const child of node.children) {
    if (child.type === 'element') {
      yield child;
      yield* elements(child);
    }
  }
}
