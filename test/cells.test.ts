import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/align/analyze.js';
import { cellKey } from '../src/align/tables.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { loadProject } from '../src/load/project.js';
import type { CellConfig } from '../src/load/types.js';
import { createValidators } from '../src/load/validators.js';
import { ASSETS, toProjectFiles } from './helpers/project.js';

const ROWS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];
const COLUMNS = ['Kilo', 'Lima', 'Mike', 'November'];
const VALUES = ['Open', 'Closed', 'Pending'];
const WORDS: Record<string, string> = { Open: 'Opened', Closed: 'Shut', Pending: 'Waiting' };

type Written = { text: string; want: unknown };

/** A one-table article whose matrix has cells of `cell`, in English and German. */
function project(cell: CellConfig, body: string, locale = 'en-US', markWords?: Record<string, string>) {
  const labels = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, id]));
  const german = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, `${id}-de`]));
  const terms = (tag: string, label: (ids: string[]) => Record<string, string>) => ({
    locale: tag,
    axes: { rows: label(ROWS), columns: label(COLUMNS) },
    values: {
      status: tag === 'en-US' ? WORDS : Object.fromEntries(VALUES.map((id) => [id, `${WORDS[id]}-de`])),
      ...(markWords && tag === 'en-US' ? { mark: markWords } : {}),
      ...(tag === 'de-DE' && cell.type === 'mark' ? { mark: { true: 'Ja', false: 'Nein' } } : {}),
    },
  });
  return toProjectFiles({
    'sources/t/spec.config.json': JSON.stringify({
      id: 't',
      referenceLocale: 'en-US',
      axes: { rows: { ids: ROWS }, columns: { ids: COLUMNS } },
      vocabularies: { status: VALUES },
      tables: [{ id: 'grid', position: 0, rows: 'rows', columns: 'columns', cell }],
    }),
    'sources/t/terms/en-US.json': JSON.stringify(terms('en-US', labels)),
    'sources/t/terms/de-DE.json': JSON.stringify(terms('de-DE', german)),
    [`sources/t/${locale}.md`]: `# T\n\n${body}\n`,
  });
}

function analyze(files: ReturnType<typeof project>) {
  const loaded = loadProject(files, createValidators(ASSETS.schemas));
  expect(loaded.diagnostics).toEqual([]);
  const input = loaded.value[0]!;
  const { value, diagnostics } = analyzeSource(input.sources[0]!, input);
  return { table: value.tables.get('grid')!, diagnostics };
}

const gfm = (rows: string[], columns: string[], cells: string[][]): string =>
  [`| Row | ${columns.join(' | ')} |`, `| --- |${columns.map(() => ' --- |').join('')}`, ...rows.map((row, r) => `| ${row} | ${cells[r]!.join(' | ')} |`)].join(
    '\n',
  );

const html = (rows: string[], columns: string[], cells: string[][]): string => {
  const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return [
    '<table>',
    `<tr><th>Row</th>${columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr>`,
    ...rows.map((row, r) => `<tr><td>${escapeHtml(row)}</td>${cells[r]!.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`),
    '</table>',
  ].join('\n');
};

describe('reading cells by type', () => {
  it.each<[string, { cell: CellConfig; written: string; locale?: string; want: unknown; codes?: string[] }]>([
    ['mark: a check mark is true', { cell: { type: 'mark' }, written: '✔', want: true }],
    ['mark: blank is false', { cell: { type: 'mark' }, written: '', want: false }],
    ['mark: √ and X are marks too', { cell: { type: 'mark' }, written: 'X', want: true }],
    ['mark: configured marks replace the defaults', { cell: { type: 'mark', marks: ['●'] }, written: '✔', want: undefined, codes: ['value-unknown'] }],
    ['mark: a yes word of the locale', { cell: { type: 'mark' }, written: 'Ja', locale: 'de-DE', want: true }],
    ['mark: a no word of the locale, any case', { cell: { type: 'mark' }, written: 'NEIN', locale: 'de-DE', want: false }],
    ['mark: an unknown word is an error', { cell: { type: 'mark' }, written: 'Vielleicht', locale: 'de-DE', want: undefined, codes: ['value-unknown'] }],
    ['enum: a value word', { cell: { type: 'enum', vocabulary: 'status' }, written: 'Shut', want: 'Closed' }],
    ['enum: a footnote marker is not part of the word', { cell: { type: 'enum', vocabulary: 'status' }, written: 'Shut*', want: 'Closed' }],
    [
      'enum: the reference word in German is read and reported',
      { cell: { type: 'enum', vocabulary: 'status' }, written: 'Shut', locale: 'de-DE', want: 'Closed', codes: ['value-untranslated'] },
    ],
    ['enum: blank states nothing', { cell: { type: 'enum', vocabulary: 'status' }, written: '', want: undefined }],
    ['enum: an unknown word is an error', { cell: { type: 'enum', vocabulary: 'status' }, written: 'Ajar', want: undefined, codes: ['value-unknown'] }],
    ['ref: a row label', { cell: { type: 'ref', axis: 'rows' }, written: 'Charlie', want: 'Charlie' }],
    ['ref: a label and a note', { cell: { type: 'ref', axis: 'rows' }, written: 'Charlie; only on Sundays', want: 'Charlie' }],
    ['ref: no label is a note without a target', { cell: { type: 'ref', axis: 'rows' }, written: 'Race condition', want: null, codes: ['ref-untargeted'] }],
    ['text: kept as written', { cell: { type: 'text' }, written: 'Anything *at* all.', want: 'Anything at all.' }],
    [
      'mentions: every label named, in axis order',
      { cell: { type: 'mentions', axis: 'columns' }, written: 'Mike or Kilo from the console', want: ['Kilo', 'Mike'] },
    ],
    ['mentions: none named', { cell: { type: 'mentions', axis: 'columns' }, written: 'Runtime picks it up', want: [] }],
  ])('%s', (_, { cell, written, locale, want, codes = [] }) => {
    const label = locale === 'de-DE' ? (id: string) => `${id}-de` : (id: string) => id;
    const body = gfm([label('Alpha')], [label('Kilo')], [[written]]);
    const { table, diagnostics } = analyze(project(cell, body, locale));
    expect(table.cells.get(cellKey('Alpha', 'Kilo'))?.value).toEqual(want);
    expect(diagnostics.map((d: Diagnostic) => d.code)).toEqual(codes);
  });
});

describe('reading tables', () => {
  it('a continued matrix takes the next tables while their rows are its rows, not a "See also" table after them', () => {
    const split = gfm(
      ['Alpha', 'Bravo'],
      ['Kilo', 'Lima'],
      [
        ['✔', ''],
        ['', '✔'],
      ],
    );
    const rest = gfm(['Alpha', 'Bravo'], ['Mike'], [['✔'], ['']]);
    const seeAlso = '| Link | Where |\n| --- | --- |\n| Pricing | pricing.md |\n| Support | support.md |';
    const files = project({ type: 'mark' }, `${split}\n\n${rest}\n\n${seeAlso}`).map((file) =>
      file.path.endsWith('spec.config.json')
        ? { ...file, bytes: new TextEncoder().encode(new TextDecoder().decode(file.bytes).replace('"position":0,', '"position":0,"continued":true,')) }
        : file,
    );
    const { table, diagnostics } = analyze(files);
    expect(diagnostics).toEqual([]);
    expect([...table.columns.keys()]).toEqual(['Kilo', 'Lima', 'Mike']);
    expect(table.cells.get(cellKey('Alpha', 'Mike'))?.value).toBe(true);
  });

  it('a row separator of several characters splits a label at that string only', () => {
    const body = gfm(['Alpha / Bravo', 'Charlie/Delta'], ['Kilo'], [['✔'], ['']]);
    const files = project({ type: 'mark' }, body).map((file) =>
      file.path.endsWith('spec.config.json')
        ? { ...file, bytes: new TextEncoder().encode(new TextDecoder().decode(file.bytes).replace('"position":0,', '"position":0,"rowSeparator":" / ",')) }
        : file,
    );
    const { table, diagnostics } = analyze(files);
    // "Charlie/Delta" has no " / ": it is one label, and no id's.
    expect(diagnostics.map((d) => `${d.code} ${d.message.split(' is ')[0]}`)).toEqual(['label-unknown "Charlie/Delta"']);
    expect([...table.rows.keys()]).toEqual(['Alpha', 'Bravo']);
  });
});

/** One cell type's values and how a source writes them. */
const cellArbitraries: [CellConfig, fc.Arbitrary<Written>][] = [
  [{ type: 'mark' }, fc.boolean().map((value) => ({ text: value ? '✔' : '', want: value }))],
  [{ type: 'enum', vocabulary: 'status' }, fc.constantFrom(...VALUES).map((value) => ({ text: WORDS[value]!, want: value }))],
  [{ type: 'ref', axis: 'rows' }, fc.option(fc.constantFrom(...ROWS), { nil: undefined }).map((value) => ({ text: value ?? '', want: value }))],
  [{ type: 'text' }, fc.stringMatching(/^[A-Za-z]{1,6}(?: [A-Za-z,.]{1,6}){0,4}$/).map((value) => ({ text: value, want: value }))],
  [{ type: 'mentions', axis: 'columns' }, fc.subarray(COLUMNS, { minLength: 1 }).map((ids) => ({ text: [...ids].reverse().join(' then '), want: ids }))],
];

describe('property: any grid of any cell type', () => {
  for (const [cell, written] of cellArbitraries) {
    it(`${cell.type} cells, written as GFM or HTML, read back as the values they were written from`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: ROWS.length }),
          fc.integer({ min: 1, max: COLUMNS.length }),
          fc.boolean(),
          fc.array(fc.array(written, { minLength: COLUMNS.length, maxLength: COLUMNS.length }), { minLength: ROWS.length, maxLength: ROWS.length }),
          (rowCount, columnCount, asHtml, grid) => {
            const rows = ROWS.slice(0, rowCount);
            const columns = COLUMNS.slice(0, columnCount);
            const texts = rows.map((_, r) => columns.map((_, c) => grid[r]![c]!.text));
            const body = (asHtml ? html : gfm)(rows, columns, texts);
            const { table, diagnostics } = analyze(project(cell, body));
            expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
            for (const [r, row] of rows.entries()) {
              for (const [c, column] of columns.entries()) {
                expect(table.cells.get(cellKey(row, column))?.value ?? undefined, `${row} × ${column}`).toEqual(grid[r]![c]!.want ?? undefined);
              }
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
