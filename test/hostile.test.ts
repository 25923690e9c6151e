import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toText } from 'hast-util-to-text';
import type { Html, InlineCode, Root, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Spec } from '../src/build/types.js';
import { isBlocking } from '../src/diagnostics/diagnostic.js';
import { formatText } from '../src/diagnostics/report/text.js';
import type { OutputFile } from '../src/emit/emit.js';
import { DIAGRAM_MARK } from '../src/extract/article.js';
import { phrasingText } from '../src/extract/tables.js';
import { elements, parseHtmlFragment, parseMarkdown } from '../src/parse/markdown.js';
import { compileFiles, repoSources, temporaryFolders } from './helpers/project.js';
import { runtimeDisagreements, typeCheckFolder } from './helpers/runtime.js';

/**
 * Text that breaks naive code and document generators: quotes, backslashes,
 * template-literal syntax, comment and script terminators, table pipes,
 * Markdown syntax, line and paragraph separators, and bidi controls.
 * Each generated output must carry it exactly, and inert.
 */
const HOSTILE = [
  `a "double" and 'single' quote`,
  'back\\slash \\n \\u0041 and `backtick` ${injected} `${x}`',
  'comment */ ends /* here // too',
  '</script><script>alert(1)</script> <!-- x -->',
  'pipe | in | cell',
  '*not bold* _not em_ [not](http://a.link) # not heading',
  'line one\nline two',
  'separator\u2028inside\u2029too',
  'bidi \u202Eevil\u202C and \u2066isolate\u2069 \u200Bzero',
];

/** Markdown source text that a CommonMark parser reads back as exactly `text` (in a table cell). */
function asMarkdownCell(text: string): string {
  return text
    .replace(/[\\`*_[\]|#!]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n/g, '<br>');
}

const temporaryFolder = temporaryFolders('statespec-hostile-');

/**
 * Writes a spec's generated runtime (index.js, index.d.ts, package.json) to a
 * folder, checks that the declarations are valid under strict settings and
 * agree with the JavaScript, then imports the JavaScript.
 */
async function compileAndImport(outputs: readonly OutputFile[], id: string): Promise<Record<string, unknown>> {
  const dir = temporaryFolder();
  for (const name of ['index.js', 'index.d.ts', 'package.json']) {
    writeFileSync(join(dir, name), outputs.find((output) => output.path === `generated/${id}/${name}`)!.content);
  }
  expect(typeCheckFolder(dir, ['index.d.ts'])).toEqual([]);
  expect(await runtimeDisagreements(dir)).toEqual([]);
  return (await import(pathToFileURL(join(dir, 'index.js')).href)) as Record<string, unknown>;
}

/** Generated code may hold no raw bidi, invisible or separator character: it must read as what it does. */
function expectNoInvisibleCharacters(code: string): void {
  expect(code).not.toMatch(/[\u2028\u2029\u007F-\u009F\p{Cf}]/u);
}

/** The mini matrix chart with every label, header and message replaced by hostile text in the reviewed terms. */
function hostileMatrix() {
  const states = ['Active', 'Stopped', 'StartFailed'];
  const operations = ['Start', 'Stop', 'Delete'];
  const labelOf = (index: number) => HOSTILE[index % HOSTILE.length]!;
  const entries = (ids: string[], offset: number) =>
    Object.fromEntries(ids.map((id, index) => [id, { label: labelOf(offset + index), variants: [`${id} plain`] }]));
  const title = HOSTILE.slice(0, 6).join(' ~ ');
  const files = {
    'sources/mini/spec.config.json': JSON.stringify({
      id: 'mini',
      referenceLocale: 'en-US',
      axes: { states: { ids: states, type: 'State' }, operations: { ids: operations, type: 'Operation' } },
      tables: [
        {
          id: 'chart',
          position: 0,
          continued: true,
          rows: 'states',
          columns: 'operations',
          cell: { type: 'mark' },
          accessors: {
            check: 'canPerform',
            list: 'allowedOperations',
            assert: { function: 'assertCanPerform', error: 'OperationNotAllowedError', message: 'operationNotAllowed' },
          },
        },
      ],
      title: { rule: 'first-heading' },
      messages: { operationNotAllowed: { rule: 'standalone-emphasis' } },
    }),
    'sources/mini/terms/en-US.json': JSON.stringify({
      locale: 'en-US',
      axes: { states: entries(states, 0), operations: entries(operations, 3) },
      tables: { chart: { corner: HOSTILE[4] } },
      messages: { operationNotAllowed: HOSTILE.join(' / ') },
    }),
    'sources/mini/en-US.md': [
      `# ${asMarkdownCell(title)}`,
      '',
      '`Operation not allowed`',
      '',
      '| State | Start plain | Stop plain | Delete plain |',
      '| --- | --- | --- | --- |',
      '| Active plain |  | ✔ | ✔ |',
      '| Stopped plain | ✔ |  | ✔ |',
      '| StartFailed plain | ✔ | ✔ | ✔ |',
      '',
    ].join('\n'),
  };
  return { files, title, labels: { states: states.map((_, index) => labelOf(index)), operations: operations.map((_, index) => labelOf(3 + index)) } };
}

/** The instance-states article, English only, with a hostile description and a hostile transition note. */
function hostileTransitions() {
  const sources = repoSources();
  const dir = 'sources/biztalk-server-instance-states';
  const files: Record<string, string> = Object.fromEntries(
    Object.entries(sources).filter(([path]) => path.startsWith(`${dir}/spec.config.json`) || path === `${dir}/en-US.md` || path === `${dir}/terms/en-US.json`),
  );
  files[`${dir}/spec.config.json`] = files[`${dir}/spec.config.json`]!.replace(/"primarySources": \{[^}]*\},?/, '');
  const description = HOSTILE.join(' ~ ');
  const note = HOSTILE.slice(0, 6).join(' ~ ');
  const english = files[`${dir}/en-US.md`]!;
  const withDescription = english.replace('|**Active**|Running service instance.|', `|**Active**|${asMarkdownCell(description)}|`);
  const withNote = withDescription.replace(
    '|**Pending suspend**|Terminated; will only work when instance is dehydrated|',
    `|**Pending suspend**|Terminated; ${asMarkdownCell(note)}|`,
  );
  expect(withNote).not.toBe(withDescription);
  expect(withDescription).not.toBe(english);
  files[`${dir}/en-US.md`] = withNote;
  // The diagram is labelled from the reviewed terms: a hostile state and operation label, read from the plain source labels.
  const stateLabel = HOSTILE.slice(0, 5).join(' ~ ');
  const operationLabel = `${HOSTILE[5]} ${HOSTILE[8]}`;
  const terms = JSON.parse(files[`${dir}/terms/en-US.json`]!) as { axes: Record<string, Record<string, unknown>> };
  terms.axes.instance!.Active = { label: stateLabel, variants: ['Active'] };
  terms.axes.operations!.Continue = { label: operationLabel, variants: ['Continue'] };
  files[`${dir}/terms/en-US.json`] = JSON.stringify(terms);
  return { files, description, note, stateLabel, operationLabel };
}

/** What Mermaid displays for a label written with #NNN; entity codes. */
function mermaidText(label: string): string {
  return label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

function tablesOf(markdown: string): Table[] {
  const tree: Root = parseMarkdown(markdown);
  return tree.children.filter((node): node is Table => node.type === 'table');
}

function cellTexts(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => cell.children.map(phrasingText).join('')));
}

/** The cell texts of the HTML tables a doc publishes (a table whose heading spans its labels). */
function htmlTableCells(markdown: string): string[] {
  const tables = parseMarkdown(markdown).children.filter((node): node is Html => node.type === 'html' && node.value.startsWith('<table>'));
  return tables.flatMap((table) =>
    [...elements(parseHtmlFragment(table.value))]
      .filter((element) => element.tagName === 'td' || element.tagName === 'th')
      .map((cell) => toText(cell, { whitespace: 'pre' })),
  );
}

const OWN_TABLE_ELEMENTS = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'sup', 'a']);
const OWN_TABLE_ATTRIBUTES = new Set(['rowSpan', 'colSpan', 'scope', 'href']);

/** An HTML table as publishing writes it: its own elements and attributes only, so a label's text cannot add markup. */
function isOwnTable(html: string): boolean {
  if (!html.startsWith('<table>')) return false;
  return [...elements(parseHtmlFragment(html))].every(
    (element) => OWN_TABLE_ELEMENTS.has(element.tagName) && Object.keys(element.properties).every((name) => OWN_TABLE_ATTRIBUTES.has(name)),
  );
}

/** Raw HTML a renderer would pass through, other than the banner comment, publishing's own tables and the <br> line breaks that mdCell writes on purpose. */
function injectedHtml(markdown: string): string[] {
  const found: string[] = [];
  const visit = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === 'html' && !/^<br>$|^<!-- generated — do not edit\. [^\n]*-->$/.test((node as Html).value) && !isOwnTable((node as Html).value))
      found.push((node as Html).value);
    for (const child of (node.children ?? []) as { type: string }[]) visit(child);
  };
  visit(parseMarkdown(markdown));
  return found;
}

describe('hostile text in labels, notes and messages', () => {
  it('the matrix runtime compiles and returns exactly the reviewed message; its code holds no invisible character', async () => {
    const { files } = hostileMatrix();
    const result = compileFiles(files);
    expect(result.diagnostics.filter(isBlocking)).toEqual([]);
    const index = result.outputs.find((output) => output.path === 'generated/mini/index.js')!.content;
    expectNoInvisibleCharacters(index);
    expectNoInvisibleCharacters(result.outputs.find((output) => output.path === 'generated/mini/index.d.ts')!.content);
    // The title (which holds "*/") sits in a block comment: the comment must end where the template ends it.
    expect(index.split('\n')[1]).toMatch(/^\/\* .* \*\/$/);
    expect(index.split('\n')[1]!.slice(3, -3)).not.toContain('*/');
    const runtime = await compileAndImport(result.outputs, 'mini');
    expect((runtime.MESSAGES as Record<string, string>)['en-US']).toBe(HOSTILE.join(' / '));
    let thrown: unknown;
    try {
      (runtime.assertCanPerform as (s: string, o: string) => void)('Active', 'Start');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toBe(HOSTILE.join(' / '));
    const spec = result.specs[0] as Spec;
    expectNoInvisibleCharacters(result.outputs.find((output) => output.path === 'generated/mini/spec.json')!.content);
    expect(JSON.parse(result.outputs.find((output) => output.path === 'generated/mini/spec.json')!.content)).toEqual(JSON.parse(JSON.stringify(spec)));
  });

  it('the Markdown chart renders exactly the labels, title and message: no broken table, no injected markup', () => {
    const { files, title, labels } = hostileMatrix();
    const result = compileFiles(files);
    const chart = result.outputs.find((output) => output.path === 'generated/docs/en-US/mini.md')!.content;
    const [table, ...others] = tablesOf(chart);
    expect(others).toEqual([]);
    expect(cellTexts(table!)).toEqual([
      [HOSTILE[4], ...labels.operations],
      [labels.states[0], '', '✔', '✔'],
      [labels.states[1], '✔', '', '✔'],
      [labels.states[2], '✔', '✔', '✔'],
    ]);
    const tree = parseMarkdown(chart);
    const heading = tree.children.find((node) => node.type === 'heading');
    expect(heading && 'children' in heading ? heading.children.map(phrasingText).join('') : undefined).toBe(title);
    const paragraphs = tree.children.filter((node) => node.type === 'paragraph');
    const code = paragraphs.flatMap((node) => node.children).find((node): node is InlineCode => node.type === 'inlineCode');
    // A code span cannot hold a line break; everything else is exact.
    expect(code?.value).toBe(HOSTILE.join(' / ').replace(/\n/g, ' '));
    expect(injectedHtml(chart)).toEqual([]);
  });

  it('the transition runtime returns exactly the hostile description and note', async () => {
    const { files, description, note } = hostileTransitions();
    const result = compileFiles(files);
    expect(result.diagnostics.filter(isBlocking)).toEqual([]);
    const spec = result.specs[0] as Spec;
    expect(JSON.stringify(spec)).toContain(JSON.stringify(description).slice(1, -1));
    const index = result.outputs.find((output) => output.path === 'generated/biztalk-server-instance-states/index.js')!.content;
    expectNoInvisibleCharacters(index);
    const runtime = await compileAndImport(result.outputs, 'biztalk-server-instance-states');
    expect((runtime.describe as (s: string) => string)('Active')).toBe(description);
    expect((runtime.transition as (s: string, o: string) => { to?: string; note?: string })('PendingSuspend', 'Terminate')).toMatchObject({
      to: 'Terminated',
      note,
    });
  });

  it('the transition docs render the hostile text exactly, and the Mermaid labels hold no Mermaid syntax', () => {
    const { files, description, note, stateLabel, operationLabel } = hostileTransitions();
    const result = compileFiles(files);
    const doc = result.outputs.find((output) => output.path === 'generated/docs/en-US/biztalk-server-instance-states.md')!.content;
    const cells = [...tablesOf(doc).flatMap(cellTexts).flat(), ...htmlTableCells(doc)];
    expect(cells).toContain(description);
    expect(cells.some((cell) => cell.includes(note))).toBe(true);
    expect(injectedHtml(doc)).toEqual([]);
    const mermaid = /```mermaid\n([\s\S]*?)```/.exec(doc)![1]!;
    const [, mark, ...lines] = mermaid.trim().split('\n');
    expect(mark).toBe(DIAGRAM_MARK);
    for (const line of lines) expect(line).toMatch(/^ {2}[A-Za-z0-9]+( --> [A-Za-z0-9]+)?: [\p{L}\p{N} #;]*$/u);
    const shown = (prefix: string) => lines.filter((line) => line.startsWith(prefix)).map((line) => mermaidText(line.slice(prefix.length)));
    expect(shown('  Active: ')).toEqual([stateLabel]);
    expect(shown('  InBreakpoint --> Active: ')).toEqual([operationLabel]);
  });

  it('every bidi control and invisible character is reported where it is written (Trojan Source)', () => {
    const { files } = hostileTransitions();
    const result = compileFiles(files);
    const source = 'sources/biztalk-server-instance-states/en-US.md';
    const all = result.diagnostics.filter((d) => d.code === 'text-invisible');
    const invisible = all.filter((d) => d.file === source);
    // The hostile terms label is JSON: there, the characters are found too (written raw by JSON.stringify).
    expect(all.filter((d) => d.file.endsWith('terms/en-US.json')).length).toBeGreaterThan(0);
    const text = files[source]!;
    const expected = [...text.matchAll(/[\u202E\u202C\u2066\u2069\u200B]/gu)].map((match) => {
      const before = text.slice(0, match.index);
      return `${before.split('\n').length}:${match.index - before.lastIndexOf('\n')}`;
    });
    expect(expected.length).toBeGreaterThan(4);
    expect(invisible.map((d) => `${d.line}:${d.column}`)).toEqual(expected.slice(0, 10));
    expect(all.every((d) => d.severity === 'warning')).toBe(true);
    // The terminal report shows them as escapes, never raw, even where a message quotes the text.
    expectNoInvisibleCharacters(formatText(result.diagnostics));
    const quoting = formatText([{ ...invisible[0]!, message: `label "${HOSTILE[8]}" and ESC \u001b[31m` }]);
    expectNoInvisibleCharacters(quoting);
    expect(quoting).toContain('\\u{202E}evil\\u{202C}');
    expect(quoting).toContain('ESC \\u{001B}[31m');
  });
});
