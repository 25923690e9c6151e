import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlocking } from '../src/diagnostics/diagnostic.js';
import { mdCell } from '../src/emit/escape.js';
import { extractTables } from '../src/extract/tables.js';
import type { SourceFile } from '../src/load/types.js';
import { parseSource } from '../src/parse/markdown.js';
import { compileFiles, repoSources } from './helpers/project.js';

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 300);

function source(text: string): SourceFile {
  return { specId: 'x', path: 'sources/x/en-US.md', name: 'en-US.md', locale: 'en-US', text, sha256: '' };
}

// Cell text as people write it: words, marks, punctuation that needs escaping, no line breaks.
const cellText = fc
  .array(fc.constantFrom('a', 'Z', 'é', '중', '|', '*', '_', '`', '<', '>', '&', '\\', '√', '✔', 'x', ' ', '-', '#', '[', ']'), { maxLength: 8 })
  .map((chars) => chars.join('').replace(/\s+/g, ' ').trim());

const grid = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, columns]) => fc.array(fc.array(cellText, { minLength: columns, maxLength: columns }), { minLength: rows + 1, maxLength: rows + 1 }));

function asGfm(rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => mdCell(cell)).join(' | ')} |`;
  return `${[line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)].join('\n')}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function asHtml(rows: string[][]): string {
  const body = rows
    .map((cells, index) => `<tr>${cells.map((cell) => (index === 0 ? `<th>${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`)
    .join('\n\n');
  return `<table>\n${body}\n</table>\n`;
}

function readBack(text: string): string[][] {
  const { value } = extractTables(parseSource(source(text)));
  expect(value).toHaveLength(1);
  return value[0]!.grid.map((row) => row.map((cell) => (cell ? cell.text.replace(/\s+/g, ' ').trim() : '')));
}

describe('parser properties', () => {
  it('any grid rendered as a GFM table parses back to the same grid', () => {
    fc.assert(
      fc.property(grid, (rows) => {
        expect(readBack(asGfm(rows))).toEqual(rows);
      }),
      { numRuns: RUNS },
    );
  });

  it('any grid rendered as an HTML table (split by blank lines) parses back to the same grid', () => {
    fc.assert(
      fc.property(grid, (rows) => {
        expect(readBack(asHtml(rows))).toEqual(rows);
      }),
      { numRuns: RUNS },
    );
  });

  it('arbitrary text as a source never throws, and every finding has a valid position', () => {
    // The chart's own files only: the other articles cannot change what this source does, and compiling them made the test slow.
    const files = Object.fromEntries(Object.entries(repoSources()).filter(([name]) => name.startsWith('sources/biztalk-services-state-chart/')));
    const path = 'sources/biztalk-services-state-chart/ko-KR.md';
    const original = files[path]!;
    const noise = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({
        unit: fc.constantFrom('|', '-', '<', '>', '/', 't', 'd', 'r', 'a', 'b', 'l', 'e', ' ', '\n', '=', '"', 'rowspan', 'colspan', '0', '9', '✔'),
        maxLength: 300,
      }),
    );
    fc.assert(
      fc.property(noise, fc.nat(original.length), (text, at) => {
        for (const variant of [text, original.slice(0, at) + text + original.slice(at)]) {
          const result = compileFiles({ ...files, [path]: variant });
          const lines = variant.split('\n').length;
          for (const d of result.diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
            if (d.file === path) expect(d.line).toBeLessThanOrEqual(lines);
          }
          if (result.diagnostics.some(isBlocking)) expect(result.outputs).toEqual([]);
        }
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 6)) },
    );
    // Each run compiles the whole chart twice: on a shared 2-core machine that can take minutes, and the time is not what is tested.
  }, 300_000);
});
