import { describe, expect, it } from 'vitest';
import { findMatrixLayout } from '../src/align/layout.js';
import { printable } from '../src/diagnostics/report/text.js';
import { htmlComment, mdCell, mdCode, mdLinkTarget, mdText, tsComment, tsString } from '../src/emit/escape.js';
import { createRenderer } from '../src/emit/render.js';
import { extractTables, findTableEnd } from '../src/extract/tables.js';
import type { Table } from '../src/extract/types.js';
import { parseJson } from '../src/load/json.js';
import { checkLocaleTag } from '../src/load/locale.js';
import { outputPathProblem, projectPathProblem, specIdProblem } from '../src/load/paths.js';
import { canonicalLocale } from '../src/load/project.js';
import { normalizeLabel } from '../src/load/terms.js';
import { decodeText, findInvisible } from '../src/load/text.js';
import type { SourceFile } from '../src/load/types.js';
import { normalizeDate, parseMarkdown, parseSource } from '../src/parse/markdown.js';

function source(text: string): SourceFile {
  return { specId: 'x', path: 'sources/x/en-US.md', name: 'en-US.md', locale: 'en-US', text, sha256: '' };
}

function tablesOf(text: string) {
  return extractTables(parseSource(source(text)));
}

const texts = (table: Table) => table.grid.map((row) => row.map((cell) => (cell ? cell.text.trim() : '∅')));

describe('load', () => {
  it.each([
    ['en-us', 'en-US'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['iw', 'he'],
    ['not a tag', undefined],
    ['en-', undefined],
  ])('canonicalLocale(%j) is %j', (given, want) => {
    expect(canonicalLocale(given)).toBe(want);
  });

  it.each([
    ['a literal RLO', 'md', 'ab\u202Ecd', ['1:3 U+202E RIGHT-TO-LEFT OVERRIDE here']],
    ['a numeric reference', 'md', 'x &#x202E; y', ['1:3 U+202E RIGHT-TO-LEFT OVERRIDE written as &#x202E;']],
    ['a numeric reference without ";", as HTML decodes it', 'md', 'x &#8238 y', ['1:3 U+202E RIGHT-TO-LEFT OVERRIDE written as &#8238']],
    ['a named reference', 'md', 'a\n  &rlm;', ['2:3 U+200F RIGHT-TO-LEFT MARK written as &rlm;']],
    ['a JSON escape', 'json', '{"a": "x\\u2066y"}', ['1:9 U+2066 LEFT-TO-RIGHT ISOLATE written as \\u2066']],
    ['a JSON surrogate pair of an astral tag character', 'json', '{"a": "\\uDB40\\uDC01"}', ['1:8 U+E0001 written as \\uDB40\\uDC01']],
    ['an escaped backslash before u, which is not an escape', 'json', '{"a": "\\\\u202E"}', []],
    ['ZWJ in an emoji sequence and the tags of the England flag', 'md', '👩\u200D💻 \u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', []],
    ['an ESC control character', 'md', 'red \u001b[31m', ['1:5 U+001B ESCAPE here']],
  ] as const)('findInvisible: %s', (_, kind, text, want) => {
    const found = findInvisible('f', text, { references: kind === 'md' ? 'markup' : 'json' });
    expect(found.map((d) => `${d.line}:${d.column} ${d.message.split(' is invisible')[0]}`)).toEqual(want);
  });

  it('printable shows controls and bidi characters as escapes, and doubles backslashes so a written escape is told apart', () => {
    expect(printable('a\u202Eb\nc\td\u001b[0m \\u{202E}')).toBe('a\\u{202E}b\\nc\\td\\u{001B}[0m \\\\u{202E}');
  });

  it.each([
    ['de-DE', { locale: 'de-DE' }],
    ['et-EE-x-test', { locale: 'et-EE-x-test' }],
    ['zh-hant-tw', { locale: 'zh-Hant-TW' }],
    ['zz-ZZ', { problem: 'unknown', message: expect.stringContaining('language "zz"') }],
    ['en-XX', { problem: 'unknown', message: expect.stringContaining('region "XX"') }],
    ['en-Qaaa-US', { problem: 'unknown', message: expect.stringContaining('script "Qaaa"') }],
    ['con', { problem: 'unknown', message: expect.stringContaining('language "con"') }],
    ['../en', { problem: 'malformed', message: expect.stringContaining('not a well-formed') }],
  ])('checkLocaleTag(%j)', (given, want) => {
    expect(checkLocaleTag(given)).toEqual(want);
  });

  it.each([
    ['plain UTF-8', [0x61, 0xc3, 0xa9], { text: 'aé' }],
    ['BOM dropped', [0xef, 0xbb, 0xbf, 0x61], { text: 'a' }],
    ['invalid byte, located', [0x61, 0x0a, 0x62, 0xff], { problem: expect.stringContaining('byte 0xff at byte offset 3'), offset: 3 }],
    ['broken sequence points at its lead byte', [0xc3, 0xa9, 0xe2, 0x41], { problem: expect.stringContaining('byte 0xe2 at byte offset 2'), offset: 1 }],
    ['stray continuation after a whole character', [0xc3, 0xa9, 0x80], { problem: expect.stringContaining('byte 0x80 at byte offset 2'), offset: 1 }],
    ['truncated at the end', [0x61, 0xe2, 0x82], { problem: expect.stringContaining('byte 0xe2 at byte offset 1'), offset: 1 }],
    ['UTF-16 LE BOM', [0xff, 0xfe, 0x61, 0x00], { problem: expect.stringContaining('UTF-16 (little-endian, with a byte order mark)') }],
    ['UTF-16 BE BOM', [0xfe, 0xff, 0x00, 0x61], { problem: expect.stringContaining('UTF-16 (big-endian') }],
    ['UTF-32 LE BOM', [0xff, 0xfe, 0x00, 0x00, 0x61, 0, 0, 0], { problem: expect.stringContaining('UTF-32') }],
    [
      'UTF-16 LE without BOM',
      [...new TextEncoder().encode('# Title\n')].flatMap((byte) => [byte, 0]),
      { problem: expect.stringContaining('UTF-16 (little-endian, without') },
    ],
    ['NUL byte, located', [0x61, 0x00, 0x62], { problem: expect.stringContaining('NUL'), offset: 1 }],
    [
      'UTF-32 LE without BOM',
      [...'# Title\n'].flatMap((character) => [character.charCodeAt(0), 0, 0, 0]),
      { problem: expect.stringContaining('UTF-32 (little-endian, without') },
    ],
    [
      'UTF-32 BE without BOM',
      [...'# Title\n'].flatMap((character) => [0, 0, 0, character.charCodeAt(0)]),
      { problem: expect.stringContaining('UTF-32 (big-endian, without') },
    ],
  ])('decodeText: %s', (_, bytes, want) => {
    expect(decodeText(new Uint8Array(bytes))).toEqual(want);
  });

  const checkOutput = (path: string) => outputPathProblem(path, 'generated');
  it.each([
    [projectPathProblem, 'sources/a-b/en-US.md', undefined],
    [projectPathProblem, 'sources/../x/en-US.md', 'segment'],
    [projectPathProblem, '/etc/passwd', 'absolute'],
    [projectPathProblem, 'C:/x/en-US.md', 'absolute'],
    [projectPathProblem, 'sources\\a\\en-US.md', 'backslash'],
    [projectPathProblem, 'sources/con/en-US.md', 'reserved'],
    [projectPathProblem, 'sources/a/NUL.md', 'reserved'],
    [projectPathProblem, 'sources/a/en-US.md.', 'dot or space'],
    [projectPathProblem, 'sources/a//en-US.md', 'segment'],
    [projectPathProblem, 'sources/a/\u001b.md', 'control'],
    [specIdProblem, 'biztalk-services-state-chart', undefined],
    [specIdProblem, 'aux', 'reserved'],
    [specIdProblem, 'lpt1', 'reserved'],
    [specIdProblem, 'Upper', 'lower-case'],
    [specIdProblem, 'a--b', 'lower-case'],
    [checkOutput, 'generated/x/spec.json', undefined],
    [checkOutput, 'generated/docs/en-US/x.md', undefined],
    [checkOutput, 'generated/../x.md', 'not a plain'],
    [checkOutput, 'elsewhere/x.md', 'not inside'],
    [checkOutput, 'generated', 'not inside'],
    [checkOutput, 'generated/docs/con/x.md', 'reserved'],
    [checkOutput, 'generated/docs/.hidden/x.md', 'not a plain'],
  ] as const)('%o(%j) mentions %j', (check, path, want) => {
    const problem = check(path);
    if (want === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(want);
  });

  it.each([
    ['trailing comma', '{\n  "a": 1,\n}', 3, 1],
    ['comment', '{\n  // no\n  "a": 1\n}', 2, 3],
    ['empty', '', 1, 1],
  ])('parseJson reports %s at its line and column', (_, text, line, column) => {
    const { value, diagnostics } = parseJson('f.json', text);
    expect(value).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: 'json-syntax', line, column });
  });

  it('parseJson locates JSON Pointers and keeps "__proto__" as data', () => {
    const { value } = parseJson('f.json', '{\n  "states": {\n    "Active": "A"\n  },\n  "__proto__": { "x": 1 }\n}');
    expect(value!.locate('/states/Active')).toEqual({ file: 'f.json', line: 3, column: 15 });
    expect(value!.locate('/states/Active', true)).toEqual({ file: 'f.json', line: 3, column: 5 });
    expect(Object.getPrototypeOf(value!.value)).toBe(Object.prototype);
    expect(Object.keys(value!.value as object)).toEqual(['states', '__proto__']);
  });

  it.each([
    ['NFKC and width', 'Ｓｔａｒｔ', 'start'],
    ['whitespace', '  Update \n Configuration ', 'update configuration'],
    ['case', 'ScaleFailed', 'scalefailed'],
  ])('normalizeLabel: %s', (_, given, want) => {
    expect(normalizeLabel(given)).toBe(want);
  });
});

describe('parse', () => {
  it.each([
    ['11/08/2016', '2016-11-08'],
    ['6/7/2015', '2015-06-07'],
    ['2017-06-08T00:00:00Z', '2017-06-08'],
    ['next week', undefined],
    ['31/12/2020', undefined],
    ['02/30/2016', undefined],
    [undefined, undefined],
  ])('normalizeDate(%j) is %j', (given, want) => {
    expect(normalizeDate(given)).toBe(want);
  });

  it.each([
    ['YAML front matter', '---\nms.date: 11/08/2016\ntitle: x\n---\n# T\n', '2016-11-08'],
    ['legacy <tags>', '<properties pageTitle="x" />\n<tags ms.date="06/07/2015" />\n\n# T\n', '2015-06-07'],
    ['broken front matter', '---\n: : :\n---\n# T\n', undefined],
  ])('metadata from %s', (_, text, date) => {
    expect(parseSource(source(text)).metadata.date).toBe(date);
  });
});

describe('extract', () => {
  it('expands rowspan and colspan, drops columns only a span reaches into, keeps positions', () => {
    const text = [
      '# T',
      '',
      '<table>',
      '<tr><th colspan="15">Operation</th></tr>',
      '',
      '<tr><th rowspan="18">State</th></tr>',
      '<tr><th> </th><th>Start</th><th>Stop</th></tr>',
      '<tr><td><b>Active</b></td><td> </td><td>√</td></tr>',
      '</table>',
    ].join('\n');
    const { value, diagnostics } = tablesOf(text);
    expect(diagnostics).toEqual([]);
    const [table] = value;
    expect(table!.width).toBe(4);
    expect(texts(table!)).toEqual([
      ['Operation', 'Operation', 'Operation', 'Operation'],
      ['State', '∅', '∅', '∅'],
      ['State', '', 'Start', 'Stop'],
      ['State', 'Active', '', '√'],
    ]);
    expect(table!.grid[3]![3]!.location).toEqual({ file: 'sources/x/en-US.md', line: 8, column: 37 });
    expect(findMatrixLayout(table!)).toEqual({ headerRow: 2, labelColumn: 1 });
  });

  it('reads a GFM table with <br> in cells, escaped pipes, and ragged rows', () => {
    const text = '| S | Update <br/> Config | a\\|b |\n| --- | --- | --- |\n| A<br>B | ✔ |\n| C | | | extra |\n';
    const [table] = tablesOf(text).value;
    expect(texts(table!)).toEqual([
      ['S', 'Update \n Config', 'a|b', '∅'],
      ['A\nB', '✔', '∅', '∅'],
      ['C', '', '', 'extra'],
    ]);
    expect(table!.coveredColumns).toEqual([3, 2, 4]);
    expect(table!.grid[1]![1]!.location).toMatchObject({ line: 3, column: 12 });
  });

  it.each([
    ['colspan="0"', '<table><tr><td colspan="0">a</td><td>b</td></tr></table>', ['a', 'b'], 1],
    ['colspan="-2"', '<table><tr><td colspan="-2">a</td><td>b</td></tr></table>', ['a', 'b'], 1],
    ['colspan="x"', '<table><tr><td colspan="x">a</td><td>b</td></tr></table>', ['a', 'b'], 1],
    ['colspan huge', '<table><tr><td colspan="1000000">a</td></tr><tr><td>b</td></tr></table>', ['a'], 1],
    ['rowspan="0" to the end', '<table><tr><td rowspan="0">a</td><td>b</td></tr><tr><td>c</td></tr></table>', ['a', 'b'], 1],
    ['data rowspan past the last row', '<table><tr><td>a</td><td>b</td></tr><tr><td rowspan="3">c</td><td>d</td></tr></table>', ['a', 'b'], 1],
    ['heading rowspan past the last row', '<table><tr><th rowspan="9">a</th><td>b</td></tr><tr><td>d</td></tr></table>', ['a', 'b'], 0],
    ['data colspan past the last column', '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td colspan="4">d</td></tr></table>', ['a', 'b'], 1],
    ['colspan="1e1", which a browser reads as 1', '<table><tr><td colspan="1e1">a</td><td>b</td></tr></table>', ['a', 'b'], 1],
    ['colspan="0x3", which a browser reads as 0, so 1', '<table><tr><td colspan="0x3">a</td><td>b</td></tr></table>', ['a', 'b'], 1],
    [
      'rowspan in a thead stops at the end of the thead',
      '<table><thead><tr><td rowspan="2">a</td><td>b</td></tr></thead><tbody><tr><td>c</td><td>d</td></tr></tbody></table>',
      ['a', 'b'],
      1,
    ],
    ['heading colspan past the last column', '<table><tr><th colspan="15">a</th></tr><tr><td>c</td><td>d</td></tr></table>', ['a', 'a'], 0],
  ])('span %s is clamped or replaced, never allocated blindly', (_, html, firstRow, errors) => {
    const { value, diagnostics } = tablesOf(html);
    const spans = diagnostics.filter((d) => d.code === 'span-invalid');
    expect(spans).toHaveLength(errors);
    for (const d of spans) expect(d.severity).toBe('error');
    const [table] = value;
    expect(table!.width).toBeLessThanOrEqual(2);
    expect(texts(table!)[0]).toEqual(firstRow);
  });

  it.each([
    [
      'an HTML table: one row of 2,000 cells over 2,000 one-cell rows',
      `<table><tr>${'<td>a</td>'.repeat(2000)}</tr>${'<tr><td>b</td></tr>'.repeat(2000)}</table>`,
    ],
    ['a GFM table: a 2,000-column header over 2,000 one-cell rows', `${'|a'.repeat(2000)}|\n${'|-'.repeat(2000)}|\n${'|b\n'.repeat(2000)}`],
  ])('refuses %s (4 million cells from a small file) instead of allocating it', (_, text) => {
    const { value, diagnostics } = tablesOf(text);
    expect(value).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'table-malformed', message: expect.stringContaining('2001 rows by 2000 columns') })]);
  });

  it('reads a <table> that remark split at blank lines as one table, and reports an unclosed one', () => {
    const split = '<table>\n<tr><td>a</td><td>b</td></tr>\n\n<tr><td>c</td><td>d</td></tr>\n</table>\n';
    expect(texts(tablesOf(split).value[0]!)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const unclosed = tablesOf('<table>\n<tr><td>a</td><td>b</td></tr>\n');
    expect(unclosed.diagnostics.map((d) => `${d.code}@${d.line}`)).toEqual(['table-malformed@1']);
    expect(unclosed.value).toHaveLength(1);
  });

  it.each([
    ['simple', '<table></table> tail', 15],
    ['nested', '<table><tr><td><table></table></td></tr></TABLE>', 48],
    ['unclosed', '<table><tr>', undefined],
  ])('findTableEnd: %s', (_, text, want) => {
    expect(findTableEnd(text, 0)).toBe(want);
  });

  it('reads optional end tags as HTML does: a table without </td>, </th> and </tr> is the same table, and reports nothing', () => {
    const closed = '<table>\n<tr><th>S</th><th>Start</th></tr>\n<tr><td>Active</td><td><b>✔</b></td></tr>\n</table>\n';
    const open = '<table>\n<tr><th>S<th>Start\n<tr><td>Active<td><b>✔\n</table>\n';
    expect(texts(tablesOf(open).value[0]!)).toEqual(texts(tablesOf(closed).value[0]!));
    expect(tablesOf(open).diagnostics).toEqual([]);
  });

  it('reports a nested table', () => {
    const { diagnostics } = tablesOf('<table><tr><td><table><tr><td>x</td></tr></table></td><td>y</td></tr></table>');
    expect(diagnostics.map((d) => d.code)).toEqual(['table-malformed']);
  });
});

describe('emit escaping', () => {
  const hostile = 'a"b\'c\\d`e${f}*/g</script>h|i\nj\u2028k\u2029l\u202Em';

  it('tsString evaluates to exactly the text, with nothing that ends a comment or a script', () => {
    const literal = tsString(hostile);
    expect(literal).not.toMatch(/<\/script|\u2028|\u2029/);
    expect(new Function(`return ${literal};`)()).toBe(hostile);
  });

  it.each([
    [tsComment, '*/ end', '*\\/ end'],
    [tsComment, 'two\nlines', 'two lines'],
    [htmlComment, 'a -- b --> c', 'a - - b - -&gt; c'],
    [mdText, '*bold* [x](y) <b> #1 | a_b', '\\*bold\\* \\[x\\](y) \\<b\\> \\#1 \\| a\\_b'],
    [mdCell, 'a|b\nc', 'a\\|b<br>c'],
    [mdCode, 'Operation not allowed', '`Operation not allowed`'],
    [mdCode, 'a `b` c', '``a `b` c``'],
    [mdLinkTarget, 'docs/a b(1).md', 'docs/a%20b%281%29.md'],
    [mdLinkTarget, 'x|y<z>\\w', 'x%7Cy%3Cz%3E%5Cw'],
    [mdLinkTarget, 'https://example.com/ü?q=1#top', 'https://example.com/ü?q=1#top'],
    [mdCode, '`edge', '`` `edge ``'],
  ])('%o(%j) is %j', (escapeFor, given, want) => {
    expect(escapeFor(given)).toBe(want);
  });

  // GFM links bare URLs, www. and e-mail addresses whatever is escaped; their text stays exact.
  it.each([
    ['a---b', /^a(- )+-b$/],
    ['x -- y --> z', /^x - - y - -&gt; z$/],
    ['ends >', /&gt;$/],
  ])('htmlComment(%j) holds no "--" and no ">"', (text, shape) => {
    const escaped = htmlComment(text);
    expect(escaped).not.toContain('--');
    expect(escaped).not.toContain('>');
    expect(escaped).toMatch(shape);
  });

  it.each([
    ['plain', 'plain'],
    ['has `ticks`', 'has `ticks`'],
    ['`edge`', '`edge`'],
    [' padded ', ' padded '],
    [' a\u2028b ', ' a\u2028b '],
    ['two\nlines', 'two lines'],
  ])('mdCode(%j) is a code span holding exactly %j', (text, want) => {
    const paragraph = parseMarkdown(mdCode(text)).children[0] as { children: { type: string; value: string }[] };
    expect(paragraph.children).toEqual([expect.objectContaining({ type: 'inlineCode', value: want })]);
  });

  it('mdCode of nothing is nothing, not a stray pair of backticks', () => {
    expect(mdCode('')).toBe('');
  });

  it('mdText and mdCell render back to exactly the text, with no markup or HTML injected', () => {
    type Node = { type: string; value?: string; children?: Node[] };
    const visible = (node: Node): string => node.value ?? (node.children ?? []).map(visible).join('');
    const types = (node: Node): string[] => [node.type, ...(node.children ?? []).flatMap(types)];
    for (const text of [
      '*x* _y_ `z`',
      'a | b',
      '<script>alert(1)</script>',
      '[link](http://x) see https://example.com/a',
      '\\ back',
      '# not a heading',
      'costs $5 and $x$ math',
    ]) {
      const table = parseMarkdown(`| h |\n| - |\n| ${mdCell(text)} |\n`).children[0] as Node;
      const cell = table.children![1]!.children![0]!;
      expect(visible(cell)).toBe(text);
      expect(types(cell).filter((type) => !['text', 'tableCell', 'link'].includes(type))).toEqual([]);
      const paragraph = parseMarkdown(mdText(text)).children[0] as Node;
      expect(visible(paragraph)).toBe(text);
      expect(types(paragraph).filter((type) => !['text', 'paragraph', 'link'].includes(type))).toEqual([]);
    }
  });

  it('the renderer is strict and does not HTML-escape', () => {
    const render = createRenderer({ t: '{{name}} {{tsString name}}', missing: '{{nope}}' });
    expect(render('t', { name: '<a & b>' })).toBe('<a & b> "<a & b>"');
    expect(() => render('missing', {})).toThrow(/nope/);
  });
});
