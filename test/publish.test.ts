import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Spec } from '../src/build/types.js';
import { findTableEnd } from '../src/extract/tables.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { compileFiles, repoSources } from './helpers/project.js';

const original = compileFiles(repoSources());
const published = (spec: Spec): Map<string, string> =>
  new Map(
    original.outputs
      .filter((output) => output.path.startsWith('generated/docs/') && output.path.endsWith(`/${spec.id}.md`))
      .map((output) => [output.path.split('/')[2]!, output.content]),
  );
const sourceOf = (locale: string, spec: Spec): string => {
  const article = original.health.articles.find((candidate) => candidate.id === spec.id)!;
  const path = article.locales.find((candidate) => candidate.locale === locale)!.published!.from;
  return repoSources()[path]!;
};

/** The document with every table (GFM or HTML) cut out, and the banner comment and Mermaid blocks dropped: the prose a reader sees. */
function outsideTables(text: string, messages: readonly string[] = []): unknown {
  const cuts: [number, number][] = [];
  const tree = parseMarkdown(text);
  for (const node of tree.children) if (node.type === 'table') cuts.push([node.position!.start.offset!, node.position!.end.offset!]);
  for (const match of text.matchAll(/<table\b/gi)) cuts.push([match.index, findTableEnd(text, match.index) ?? text.length]);
  cuts.sort((a, b) => a[0] - b[0]);
  let rest = '';
  let at = 0;
  for (const [start, end] of cuts) {
    if (start < at) continue;
    rest += `${text.slice(at, start)}\n\n`;
    at = end;
  }
  rest += text.slice(at);
  const prose = parseMarkdown(rest);
  prose.children = prose.children.filter(
    (node) => !(node.type === 'code' && node.lang === 'mermaid') && !(node.type === 'html' && node.value.startsWith('<!-- generated — do not edit')),
  );
  // The messages the article states read as reviewed: in order, each standalone `code` or **strong** paragraph.
  const pending = [...messages];
  for (const node of prose.children) {
    const only = node.type === 'paragraph' && node.children.length === 1 ? node.children[0] : undefined;
    if (pending.length === 0 || !only) continue;
    if (only.type === 'inlineCode') only.value = pending.shift()!;
    else if (only.type === 'strong') only.children = [{ type: 'text', value: pending.shift()! }];
  }
  return withoutPositions(prose);
}

function withoutPositions(node: Nodes | Root): unknown {
  const { position: _position, ...rest } = node as Nodes & { children?: Nodes[] };
  if ('children' in rest && Array.isArray(rest.children)) return { ...rest, children: rest.children.map(withoutPositions) };
  return rest;
}

describe('the published articles', () => {
  it.each(original.specs.map((spec) => [spec.id, spec] as const))('%s: every locale is its whole article, with the prose of its source', (_, spec) => {
    const docs = published(spec);
    expect([...docs.keys()].sort()).toEqual([...spec.locales].sort());
    for (const [locale, doc] of docs) {
      const reviewed = spec.messages.filter((message) => message.inDocs).map((message) => message.text[locale] ?? message.text[spec.referenceLocale]!);
      expect(outsideTables(doc, reviewed), `${locale}: the prose outside the tables`).toEqual(outsideTables(sourceOf(locale, spec), reviewed));
      // Front matter and prose are kept byte for byte: everything before the first table is the source's, plus the banner.
      const source = sourceOf(locale, spec);
      const firstLine = source.split('\n')[0]!;
      expect(doc.startsWith(firstLine) || doc.startsWith('<!-- generated')).toBe(true);
    }
  });

  it.each(original.specs.map((spec) => [spec.id, spec] as const))('%s: the published docs, read as the sources, yield the same spec', (_, spec) => {
    const files: Record<string, string> = {};
    const dir = spec.sources[0]!.path.split('/').slice(0, -1).join('/');
    for (const [path, content] of Object.entries(repoSources())) {
      if (path.startsWith(`${dir}/`) && !path.endsWith('.md')) files[path] = content;
    }
    for (const [locale, doc] of published(spec)) files[`${dir}/${locale}.md`] = doc;
    const again = compileFiles(files);
    expect(again.diagnostics.filter((d) => d.severity === 'error' && !d.suppressed)).toEqual([]);
    const respec = again.specs[0]!;
    expect(respec.tables.map(({ heading: _heading, ...table }) => table)).toEqual(spec.tables.map(({ heading: _heading, ...table }) => table));
    expect(respec.axes).toEqual(spec.axes);
    expect(respec.messages).toEqual(spec.messages);
    expect(respec.title).toEqual(spec.title);
    // Publishing a published article changes nothing.
    for (const [locale, doc] of published(spec)) {
      const republished = again.outputs.find((output) => output.path === `generated/docs/${locale}/${spec.id}.md`)!.content;
      expect(republished.replace(/<!-- generated[^\n]*-->/, ''), locale).toBe(doc.replace(/<!-- generated[^\n]*-->/, ''));
    }
  });
});
