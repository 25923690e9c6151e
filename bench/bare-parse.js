#!/usr/bin/env node
// The baseline for a cold `statespec build`: a process that only loads the same parsers
// (remark with GFM and front matter, rehype) and parses the same files, nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const root = process.argv[2] ?? '.';
const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const html = unified().use(rehypeParse, { fragment: true });

/** Parses every source the way a minimal reader must: Markdown, then each raw HTML block. */
export function parseAll(texts) {
  let nodes = 0;
  for (const text of texts) {
    const tree = markdown.parse(text);
    for (const node of tree.children) {
      nodes++;
      if (node.type === 'html') nodes += html.parse(node.value).children.length;
    }
  }
  return nodes;
}

export function readSources(folder) {
  const texts = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.md')) texts.push(readFileSync(path, 'utf8'));
    }
  };
  visit(join(folder, 'sources'));
  return texts;
}

if (import.meta.url === `file://${process.argv[1]}`) parseAll(readSources(root));
