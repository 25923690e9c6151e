import { createRequire } from 'node:module';
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { SourceFile } from '../load/types.js';

export interface ParsedSource {
  source: SourceFile;
  mdast: MdastRoot;
  metadata: SourceMetadata;
  /** What could not be read from the front matter or <properties>/<tags>, with the offset of the block. */
  metadataProblems: { message: string; offset: number }[];
}

export interface SourceMetadata {
  /** ISO date (YYYY-MM-DD) from `ms.date`, when the document states one. */
  date?: string;
  /** `ms.openlocfilehash` and `ms.sourcegitcommit`: what the translations of one English revision share. */
  sourceRevision?: string;
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
  const metadataProblems: ParsedSource['metadataProblems'] = [];
  const fields = new Map<string, string>();
  let dateOffset = 0;
  for (const node of mdast.children) {
    if (node.type === 'yaml') {
      const yaml = readYaml(node.value);
      if (!yaml) {
        metadataProblems.push({
          message: 'The YAML front matter cannot be parsed, so ms.date and the other fields are ignored.',
          offset: node.position?.start.offset ?? 0,
        });
      }
      for (const [key, value] of Object.entries(yaml ?? {})) fields.set(key.toLowerCase(), value);
      dateOffset = node.position?.start.offset ?? 0;
    } else if (node.type === 'html' || node.type === 'paragraph') {
      // A <tags> start tag whose attributes run onto the next lines is not an HTML block in CommonMark, so it arrives as a paragraph.
      const raw = node.type === 'html' ? node.value : source.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      if (!/^\s*<(properties|tags)\b/i.test(raw)) continue;
      for (const element of elements(parseHtmlFragment(raw))) {
        if (element.tagName !== 'properties' && element.tagName !== 'tags') continue;
        for (const [key, value] of Object.entries(element.properties)) {
          if (typeof value === 'string') fields.set(key.toLowerCase(), value);
        }
      }
      if (fields.has('ms.date')) dateOffset = node.position?.start.offset ?? 0;
    }
  }
  const hash = fields.get('ms.openlocfilehash');
  const commit = fields.get('ms.sourcegitcommit');
  if (hash !== undefined || commit !== undefined) metadata.sourceRevision = `${hash ?? ''} ${commit ?? ''}`.trim();
  const rawDate = fields.get('ms.date');
  const date = normalizeDate(rawDate);
  if (date) metadata.date = date;
  else if (rawDate !== undefined) {
    metadataProblems.push({
      message: `ms.date "${rawDate}" is not a date (MM/DD/YYYY or YYYY-MM-DD); this source counts as undated when choosing the newest.`,
      offset: dateOffset,
    });
  }
  return { source, mdast, metadata, metadataProblems };
}

/**
 * Front matter that is only `key: value` lines of plain or simply quoted
 * strings, read without the YAML parser; undefined for anything else (a
 * number, a boolean, a list, a comment, a repeated key…), which YAML reads.
 * Equal to YAML's reading wherever it answers (a property test says so).
 */
export function readPlainFrontMatter(text: string): Record<string, string> | undefined {
  // No prototype: a key named __proto__ is a key like any other, as in YAML.
  const result: Record<string, string> = Object.create(null);
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const match = /^([A-Za-z_][A-Za-z0-9_.-]*):(?: +(.*))?$/.exec(line);
    if (!match || Object.hasOwn(result, match[1]!) || YAML_NOT_STRING[0]!.test(match[1]!)) return undefined;
    const value = plainValue((match[2] ?? '').replace(/ +$/, ''));
    if (value === undefined) return undefined;
    result[match[1]!] = value;
  }
  return result;
}

/** Plain scalars the YAML 1.2 core schema reads as something else than a string (booleans and null in any case, to be safe). */
const YAML_NOT_STRING = [
  /^(?:true|false|null|~)$/i,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(?:inf|nan)$/i,
];

/** A YAML scalar that is surely a string, as YAML reads it; undefined when only YAML can say. */
function plainValue(raw: string): string | undefined {
  if (/^"[^"\\]*"$/.test(raw) || /^'[^']*'$/.test(raw)) return raw.slice(1, -1);
  // What could be a number, a boolean, null, a flow collection, an anchor, a tag, a block scalar, a comment or a nested key.
  if (raw === '' || /^[-?:,[\]{}#&*!|>'"%@`]/.test(raw) || /: |\s#|\t/.test(raw) || raw.endsWith(':')) return undefined;
  return YAML_NOT_STRING.some((pattern) => pattern.test(raw)) ? undefined : raw;
}

const requireModule = createRequire(import.meta.url);
let yaml: typeof import('yaml') | undefined;

function readYaml(text: string): Record<string, string> | undefined {
  const plain = readPlainFrontMatter(text);
  if (plain) return plain;
  try {
    // Loaded only for front matter the plain reader leaves: most documents never need it.
    yaml ??= requireModule('yaml') as typeof import('yaml');
    const value: unknown = yaml.parse(text);
    if (!value || typeof value !== 'object') return {};
    const result: Record<string, string> = {};
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === 'string' || typeof field === 'number') result[key] = String(field);
    }
    return result;
  } catch {
    // Broken front matter costs the date (reported); the tables are still read.
    return undefined;
  }
}

/** `ms.date` is MM/DD/YYYY in these documents; ISO dates are accepted too. */
export function normalizeDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const us = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(raw);
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  const [year, month, day] = us ? [us[3]!, us[1]!, us[2]!] : iso ? [iso[1]!, iso[2]!, iso[3]!] : [];
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Date.UTC rolls 31/12 over into another month; a real date survives the round trip.
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function* elements(node: HastRoot | Element): Generator<Element> {
  for (const child of node.children) {
    if (child.type === 'element') {
      yield child;
      yield* elements(child);
    }
  }
}
