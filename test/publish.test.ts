import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/align/analyze.js';
import type { ArticleSource } from '../src/build/publication.js';
import type { Spec } from '../src/build/types.js';
import { isBlocking } from '../src/diagnostics/diagnostic.js';
import { publishArticle } from '../src/emit/publish.js';
import { createRenderer } from '../src/emit/render.js';
import { NOTICE_MARK } from '../src/extract/article.js';
import { findTableEnd } from '../src/extract/tables.js';
import { loadProject } from '../src/load/project.js';
import { createValidators } from '../src/load/validators.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { ASSETS, compileFiles, FIXTURES, REPO_LAYOUT, repoSources, toProjectFiles } from './helpers/project.js';

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
    (node) =>
      !(node.type === 'code' && node.lang === 'mermaid') &&
      !(node.type === 'html' && node.value.startsWith('<!-- generated — do not edit')) &&
      !(node.type === 'blockquote' && text.slice(node.position!.start.offset!, node.position!.end.offset!).trimEnd().endsWith(NOTICE_MARK)),
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

/** The document tables every configured table of `path` was read from, in order, as [start, end) offsets. */
function tableRanges(files: Record<string, string>, path: string): [number, number][] {
  const project = loadProject(toProjectFiles(files), createValidators(ASSETS.schemas, ASSETS.validators), undefined, REPO_LAYOUT).value;
  const spec = project.find((candidate) => candidate.sources.some((source) => source.path === path))!;
  const analysis = analyzeSource(spec.sources.find((source) => source.path === path)!, spec).value;
  return [...analysis.tables.values()].flatMap((table) => table.parts.map((part) => part.range)).sort((a, b) => a[0] - b[0]);
}

/** An outdated translation's notice: the tool's, not the source's. */
const withoutNotice = new RegExp(`\\n*> [^\\n]*${NOTICE_MARK}\\n?`);

/** The text between the tables, each stretch without its leading and trailing blank lines, and without the banner and generated diagrams. */
function between(text: string, ranges: readonly [number, number][]): string[] {
  const stretches: string[] = [];
  let at = 0;
  for (const [start, end] of [...ranges, [text.length, text.length] as [number, number]]) {
    stretches.push(text.slice(at, start));
    at = end;
  }
  return stretches.map((stretch) =>
    stretch
      .replace(/\r\n?/g, '\n')
      .replace(/^\uFEFF/, '')
      .replace(/\n*<!-- generated — do not edit\. [^\n]*-->\n?/, '\n')
      .replace(withoutNotice, '')
      .replace(/```mermaid\nstateDiagram-v2\n%% generated by statespec[\s\S]*?```/g, '')
      .replace(/^[\s>]+|[\s>]+$/g, ''),
  );
}

describe('the published articles', () => {
  it.each(original.specs.map((spec) => [spec.id, spec] as const))('%s: every locale is its whole article, with the prose of its source', (_, spec) => {
    const docs = published(spec);
    expect([...docs.keys()].sort()).toEqual([...spec.locales].sort());
    for (const [locale, doc] of docs) {
      const reviewed = spec.messages.filter((message) => message.inDocs).map((message) => message.text[locale] ?? message.text[spec.referenceLocale]!);
      expect(outsideTables(doc, reviewed), `${locale}: the prose outside the tables`).toEqual(outsideTables(sourceOf(locale, spec), reviewed));
      // Byte for byte: every stretch of text between the tables is the source's (apart from the blank lines around a table).
      const sourcePath = original.health.articles.find((candidate) => candidate.id === spec.id)!.locales.find((candidate) => candidate.locale === locale)!
        .published!.from;
      const withDoc = { ...repoSources(), [sourcePath]: doc };
      let expected = between(sourceOf(locale, spec), tableRanges(repoSources(), sourcePath));
      for (const message of spec.messages.filter((candidate) => candidate.inDocs)) {
        const stated = message.text[locale];
        if (stated !== undefined) expected = expected.map((stretch) => stretch.replace(/`Operation not allowed`/, `\`${stated}\``));
      }
      expect(between(doc, tableRanges(withDoc, sourcePath)), `${locale}: the text between the tables`).toEqual(expected);
    }
  });

  it('a text cell that says what the spec says keeps its own markup; a label never does', () => {
    const vm = original.specs.find((spec) => spec.id === 'vm-states-billing')!;
    const doc = published(vm).get('en-US')!;
    expect(doc).toContain('Also called PoweredOff state or *Stopped (Allocated)*.');
    expect(doc).toContain('quickly transitions from this state to **Success**.');
    // The ja-JP transitions table leaves "Active" in English; the published cell is the reviewed label.
    const instance = original.specs.find((spec) => spec.id === 'biztalk-server-instance-states')!;
    const ja = published(instance).get('ja-JP')!;
    const during = ja.slice(ja.lastIndexOf('<table>'));
    expect(during).not.toMatch(/<td>Active<\/td>/);
    expect(during).toContain('<td>アクティブ</td>');
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
    // Publishing a published article changes nothing but the notice (and the blank lines around it): its tables now state the current facts.
    const unmarked = (doc: string): string =>
      doc
        .replace(/<!-- generated[^\n]*-->/, '')
        .replace(withoutNotice, '\n')
        .replace(/\n{3,}/g, '\n\n');
    for (const [locale, doc] of published(spec)) {
      const republished = again.outputs.find((output) => output.path === `generated/docs/${locale}/${spec.id}.md`)!.content;
      expect(unmarked(republished), locale).toBe(unmarked(doc));
    }
  });
});

// --- one small article, varied ---------------------------------------------------------------------

const MINI = join(FIXTURES, 'valid-html-split', 'sources');
const mini = (): Record<string, string> => {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(MINI, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[`sources/${relative(MINI, path).split(sep).join('/')}`] = readFileSync(path, 'utf8');
  }
  return files;
};
const EN = 'sources/mini/en-US.md';
const DE = 'sources/mini/de-DE.md';
const docOf = (result: ReturnType<typeof compileFiles>, locale: string): string =>
  result.outputs.find((output) => output.path === `generated/docs/${locale}/${result.specs[0]!.id}.md`)?.content ?? '';
const BANNER_LINE = /^<!-- generated — do not edit\. [^\n]*-->$/m;

describe('publishing one article', () => {
  it.each<[string, (text: string) => string, (doc: string) => void]>([
    [
      'YAML front matter: the banner comes right after it',
      (text) => text,
      (doc) => expect(doc).toMatch(/^---\ntitle: Mini chart\nms\.date: 11\/08\/2016\n---\n\n<!-- generated — do not edit\.[^\n]*-->\n# Mini chart\n/),
    ],
    [
      'no front matter: the banner is the first line',
      (text) => text.replace(/^---[\s\S]*?---\n/, ''),
      (doc) => expect(doc).toMatch(/^<!-- generated — do not edit\.[^\n]*-->\n\n# Mini chart\n/),
    ],
    [
      'a table in a block quote: every line of the published table keeps the quote',
      (text) => text.replace(/^(\|.*)$/gm, '> $1'),
      (doc) => {
        const lines = doc.split('\n').filter((line) => line.includes('|'));
        expect(lines.length).toBeGreaterThan(5);
        for (const line of lines) expect(line.startsWith('> |'), line).toBe(true);
      },
    ],
  ])('%s', (_, edit, expectDoc) => {
    const files = { ...mini(), [EN]: edit(mini()[EN]!) };
    const result = compileFiles(files);
    expect(result.diagnostics.filter(isBlocking)).toEqual([]);
    const doc = docOf(result, 'en-US');
    expectDoc(doc);
    expect(doc.match(new RegExp(BANNER_LINE, 'gm'))).toHaveLength(1);
    // Read back as the source, it states the same spec.
    const again = compileFiles({ ...files, [EN]: doc });
    expect(again.specs[0]!.tables).toEqual(result.specs[0]!.tables);
  });

  it('legacy <properties>/<tags> lines are the front matter; an HTML table becomes GFM, with a blank line before the prose that followed it', () => {
    const files = { ...mini(), [DE]: mini()[DE]!.replace(/<\/table>\n*$/, '</table>\nSiehe auch: Starten.\n') };
    const result = compileFiles(files);
    const doc = docOf(result, 'de-DE');
    expect(doc.startsWith('<properties pageTitle="Mini" />\n<tags ms.date="06/07/2015" />\n\n<!-- generated — do not edit.')).toBe(true);
    expect(doc).not.toContain('<table');
    expect(doc).toContain('| Stoppfehler | ✔ |\n\nSiehe auch: Starten.\n');
    // The split chart stays split where the source splits it: Starten and Beenden, then Löschen.
    expect(doc.match(/^\| Zustand .*$/gm)).toEqual(['| Zustand | Starten | Beenden |', '| Zustand | Löschen |']);
  });

  it('a message the terms review is published in their words, in the form the source writes it', () => {
    const terms = JSON.parse(mini()['sources/mini/terms/de-DE.json']!);
    const files = { ...mini(), 'sources/mini/terms/de-DE.json': JSON.stringify({ ...terms, messages: { operationNotAllowed: 'Vorgang ist nicht zulässig' } }) };
    const doc = docOf(compileFiles(files), 'de-DE');
    expect(doc).toContain('\n**Vorgang ist nicht zulässig**\n');
    expect(doc).not.toContain('Vorgang nicht zulässig');
  });

  it('a split table whose parts lack a column shows it in the last part, so every fact is published once', () => {
    const result = compileFiles(mini());
    const spec = result.specs[0]!;
    const text = '# Mini chart\n\nA\n\nB\n';
    const rows = ['Active', 'Stopped', 'StartFailed', 'StopFailed'];
    const source: ArticleSource = {
      path: EN,
      text,
      shape: { frontMatterEnd: 0 },
      tables: [
        {
          id: 'chart',
          parts: [
            { range: [14, 15], form: 'gfm', rows, columns: ['Start'] },
            { range: [17, 18], form: 'gfm', rows, columns: ['Stop'] },
          ],
        },
      ],
      messages: {},
      cells: new Map(),
    };
    const doc = publishArticle(spec, 'en-US', source, createRenderer(ASSETS.templates));
    expect(doc.match(/^\| State .*$/gm)).toEqual(['| State | Start |', '| State | Stop | Delete |']);
    // A part whose labels named nothing is dropped: its text goes, and its facts are in the last part.
    const unread = { ...source, tables: [{ id: 'chart', parts: [{ ...source.tables[0]!.parts[0]!, rows: [], columns: [] }, source.tables[0]!.parts[1]!] }] };
    const dropped = publishArticle(spec, 'en-US', unread, createRenderer(ASSETS.templates));
    expect(dropped.match(/^\| State .*$/gm)).toEqual(['| State | Start | Stop | Delete |']);
    expect(dropped).not.toMatch(/^A$/m);
  });

  it('a locale whose only source has no readable table gets no article, and the health report says why', () => {
    const files = { ...mini(), [DE]: '<tags ms.date="06/07/2015" />\n\n# Mini-Tabelle\n\nNo table here.\n' };
    const result = compileFiles(files);
    const locale = result.health.articles[0]!.locales.find((candidate) => candidate.locale === 'de-DE')!;
    expect(locale.published).toBeUndefined();
    expect(locale.unpublished).toMatch(/^Not published: de-DE\.md has no readable table "chart"; fix the source/);
    const english = result.health.articles[0]!.locales.find((candidate) => candidate.locale === 'en-US')!;
    expect(english.published).toEqual({ article: 'generated/docs/en-US/mini.md', from: EN });
  });
});

describe('published layouts (test/fixtures/published-layouts)', () => {
  const dir = join(FIXTURES, 'published-layouts', 'sources');
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files[`sources/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  const first = compileFiles(files);

  it("a table in a quote or a list item keeps its diagram there; legacy metadata right above a table; an author's own diagram is kept", () => {
    const en = docOf(first, 'en-US');
    const de = docOf(first, 'de-DE');
    expect(en).toMatch(/\n> \| Enterprise \| Enterprise; contact sales for more seats \| Team \|\n>\n> ```mermaid\n> stateDiagram-v2\n/);
    expect(en).toContain('\n> ```\n\nAfter the quote.');
    expect(en).toContain('```mermaid\nflowchart LR\n  Free --> Team --> Enterprise\n```\n');
    expect(en).toContain('| For *trying* things out. |');
    expect(de).toMatch(/^<properties pageTitle="Pläne > Funktionen" \/>\n<tags ms\.date="05\/04\/2026" \/>\n\n<!-- generated[^\n]*-->\n\n\| Funktion \|/);
    expect(de).toContain('\n   ```\n2. Danach.');
  });

  it('read back as the sources, the articles state the same spec and publish to themselves', () => {
    const again = compileFiles({ ...files, 'sources/plans/en-US.md': docOf(first, 'en-US'), 'sources/plans/de-DE.md': docOf(first, 'de-DE') });
    expect(again.diagnostics.filter(isBlocking)).toEqual([]);
    expect(again.specs[0]!.tables).toEqual(first.specs[0]!.tables);
    for (const locale of ['en-US', 'de-DE']) expect(docOf(again, locale), locale).toBe(docOf(first, locale));
  });
});
