import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleSource } from '../src/build/publication.js';
import type { Localized, Spec, SpecAxis, SpecCell, SpecTable } from '../src/build/types.js';
import { loadAssets } from '../src/cli/files.js';
import { emitSpec } from '../src/emit/emit.js';
import { publishArticle } from '../src/emit/publish.js';
import { createRenderer, templatesHash } from '../src/emit/render.js';
import { MAX_BITMASK_COLUMNS, runtimeView } from '../src/emit/runtime-view.js';
import { compile } from '../src/pipeline.js';
import { repoSources, toProjectFiles } from './helpers/project.js';
import { runtimeDisagreements, strictOptions, typeCheckFolder } from './helpers/runtime.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const render = createRenderer(loadAssets(ROOT).templates);

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

// --- tiny hand-written specs ---------------------------------------------------------------------

const LOCALES = ['de-DE', 'en-US'];
const both = (en: string, de = `${en} (de)`): Localized => ({ 'en-US': en, 'de-DE': de });

function axis(id: string, type: string, ids: string[], constant = `${id.toUpperCase()}S`): SpecAxis {
  return { id, noun: id, type, constant, items: ids.map((item) => ({ id: item, label: both(item) })) };
}

const STATES = axis('state', 'State', ['On', 'Off', 'Broken']);
const ACTIONS = axis('action', 'Action', ['Start', 'Stop']);
const TIERS = axis('tier', 'Tier', ['Basic', 'Premium']);

function table(overrides: Partial<SpecTable> & Pick<SpecTable, 'id' | 'cells'>): SpecTable {
  return { position: 0, rows: 'state', heading: both(`About ${overrides.id}`), corner: both('State', 'Zustand'), ...overrides };
}

function spec(tables: SpecTable[], extra: Partial<Spec> = {}): Spec {
  return {
    $schema: '../../schema/spec.schema.json',
    $comment: 'generated — do not edit. Made by statespec from sources/tiny/; regenerate with `npx statespec build`.',
    id: 'tiny',
    package: { name: 'tiny', version: '0.1.0' },
    referenceLocale: 'en-US',
    locales: LOCALES,
    title: both('Tiny article', 'Kleiner Artikel'),
    axes: [STATES, ACTIONS, TIERS],
    vocabularies: [
      {
        id: 'billing',
        values: [
          { id: 'Billed', label: both('Billed', 'Berechnet') },
          { id: 'Free', label: both('Free', 'Kostenlos') },
        ],
      },
    ],
    tables,
    messages: [{ id: 'notAllowed', text: both('Not allowed', 'Nicht erlaubt'), inDocs: false }],
    sources: [],
    ...extra,
  };
}

const cell = (row: string, column: string, value: SpecCell['value'], more: Partial<SpecCell> = {}): SpecCell => ({ row, column, value, ...more });

const MARKS = table({
  id: 'chart',
  columnAxis: 'action',
  cell: { type: 'mark' },
  accessors: { check: 'canDo', list: 'actionsOf', assert: { function: 'assertCanDo', error: 'NotAllowedError', message: 'notAllowed' } },
  cells: [
    cell('On', 'Start', false),
    cell('On', 'Stop', true),
    cell('Off', 'Start', true),
    cell('Off', 'Stop', false),
    cell('Broken', 'Start', false),
    cell('Broken', 'Stop', false),
  ],
});

const BILLING = table({
  id: 'billing',
  columnAxis: 'tier',
  cell: { type: 'enum', vocabulary: 'billing' },
  cells: [cell('On', 'Basic', 'Billed'), cell('On', 'Premium', 'Free'), cell('Off', 'Basic', 'Free')],
});

const NOTES = table({
  id: 'notes',
  columnAxis: 'tier',
  cell: { type: 'text' },
  cells: [cell('Off', 'Premium', 'Kept | for *a* day\nthen gone', { text: both('Kept | for *a* day\nthen gone', 'Einen Tag behalten') })],
});

const DESCRIPTIONS = table({
  id: 'descriptions',
  columns: [
    { id: 'Meaning', cell: { type: 'text' }, label: both('Meaning', 'Bedeutung'), accessor: 'describe' },
    { id: 'Paid', cell: { type: 'mark' }, label: both('Paid', 'Bezahlt'), accessor: 'isPaid' },
    { id: 'Plan', cell: { type: 'enum', vocabulary: 'billing' }, label: both('Plan', 'Tarif'), accessor: 'planOf' },
  ],
  cells: [
    cell('On', 'Meaning', 'Running.', { text: both('Running.', 'Läuft.') }),
    cell('On', 'Paid', true),
    cell('On', 'Plan', 'Billed'),
    cell('Broken', 'Meaning', 'Needs repair.', { text: { 'en-US': 'Needs repair.' } }),
    cell('Broken', 'Paid', false),
  ],
});

const MOVES = table({
  id: 'moves',
  columnAxis: 'action',
  cell: { type: 'ref', axis: 'state' },
  group: both('Action', 'Aktion'),
  headerRow: 1,
  accessors: { check: 'canMove', target: 'nextState', cell: 'move', assert: { function: 'assertCanMove', error: 'CannotMoveError', message: 'notAllowed' } },
  cells: [
    cell('On', 'Stop', 'Off', { text: both('Off'), note: both('after a while', 'nach einer Weile') }),
    cell('Off', 'Start', 'On', { text: both('On') }),
    cell('Broken', 'Start', null, { text: both('Race condition', 'Wettlauf'), note: both('Race condition', 'Wettlauf') }),
  ],
});

const OUTCOMES = table({
  id: 'outcomes',
  columnAxis: 'state',
  cell: { type: 'mentions', axis: 'action' },
  group: both('New state'),
  headerRow: 1,
  cells: [
    cell('On', 'Off', ['Stop'], { text: both('Stop it') }),
    cell('Off', 'On', ['Start'], { text: both('Start it') }),
    cell('Off', 'Broken', [], { text: both('Drop it') }),
  ],
});

const EVERY_TYPE = spec([MARKS, BILLING, NOTES, DESCRIPTIONS, MOVES, OUTCOMES]);

// --- docs ----------------------------------------------------------------------------------------

/**
 * A source of `given` in `locale`, as a translator would write it: the title,
 * each table under its heading (its cells written as anything: publishing
 * renders them from the spec), and each message in the reference's words.
 */
function skeleton(given: Spec, locale: string): ArticleSource {
  let text = `# ${given.title[locale] ?? given.title[given.referenceLocale]}\n`;
  const tables: ArticleSource['tables'] = [];
  for (const table of given.tables) {
    const heading = table.heading?.[locale] ?? table.heading?.[given.referenceLocale];
    if (given.tables.length > 1 && heading) text += `\n## ${heading}\n`;
    const start = text.length + 1;
    text += '\n| anything |\n| --- |\n| x |';
    tables.push({ id: table.id, parts: [{ range: [start, text.length], form: 'gfm', rows: [], columns: [] }] });
    text += '\n';
  }
  const messages: ArticleSource['messages'] = {};
  for (const message of given.messages.filter((candidate) => candidate.inDocs)) {
    const written = `\`${message.text[given.referenceLocale]}\``;
    text += '\n';
    messages[message.id] = {
      text: message.text[given.referenceLocale]!,
      location: { file: 'x.md', line: 1, column: 1 },
      span: { range: [text.length, text.length + written.length], form: 'code' },
    };
    text += `${written}\n`;
  }
  return { path: `sources/tiny/${locale}.md`, text, shape: { frontMatterEnd: 0 }, tables, messages, cells: new Map() };
}

const docsOf = (given: Spec, locale: string): string => publishArticle(given, locale, skeleton(given, locale), render);
const BANNER = '<!-- generated — do not edit. Made by statespec from sources/tiny/; regenerate with `npx statespec build`. -->';

describe('the article docs, per cell type', () => {
  it.each<[string, { given: Spec; locale: string; want: string[] }]>([
    [
      'a lone mark table: no heading, every row and column, ✔ centred, then the messages the article states',
      {
        given: spec([MARKS], { messages: [{ id: 'notAllowed', text: both('Not allowed', 'Nicht erlaubt'), inDocs: true }] }),
        locale: 'de-DE',
        want: [
          BANNER,
          '',
          '# Kleiner Artikel',
          '',
          '| Zustand | Start (de) | Stop (de) |',
          '| --- | :-: | :-: |',
          '| On (de) |  | ✔ |',
          '| Off (de) | ✔ |  |',
          '| Broken (de) |  |  |',
          '',
          '`Nicht erlaubt`',
          '',
        ],
      },
    ],
    [
      'an enum table: the value word in the locale; only rows and columns with a stated cell',
      {
        given: spec([BILLING, NOTES]),
        locale: 'de-DE',
        want: [
          BANNER,
          '',
          '# Kleiner Artikel',
          '',
          '## About billing (de)',
          '',
          '| Zustand | Basic (de) | Premium (de) |',
          '| --- | --- | --- |',
          '| On (de) | Berechnet | Kostenlos |',
          '| Off (de) | Kostenlos |  |',
          '',
          '## About notes (de)',
          '',
          '| Zustand | Premium (de) |',
          '| --- | --- |',
          '| Off (de) | Einen Tag behalten |',
          '',
        ],
      },
    ],
    [
      'a text table: Markdown escaped, a line break as <br>, the reference text where the locale has none',
      {
        given: spec([NOTES, DESCRIPTIONS]),
        locale: 'en-US',
        want: [
          BANNER,
          '',
          '# Tiny article',
          '',
          '## About notes',
          '',
          '| State | Premium |',
          '| --- | --- |',
          '| Off | Kept \\| for \\*a\\* day<br>then gone |',
          '',
          '## About descriptions',
          '',
          '| State | Meaning | Paid | Plan |',
          '| --- | --- | :-: | --- |',
          '| On | Running. | ✔ | Billed |',
          '| Broken | Needs repair. |  |  |',
          '',
        ],
      },
    ],
    [
      'a record table in another locale: its column labels, and the reference text for a cell the locale lacks',
      {
        given: spec([DESCRIPTIONS, NOTES]),
        locale: 'de-DE',
        want: [
          BANNER,
          '',
          '# Kleiner Artikel',
          '',
          '## About descriptions (de)',
          '',
          '| Zustand | Bedeutung | Bezahlt | Tarif |',
          '| --- | --- | :-: | --- |',
          '| On (de) | Läuft. | ✔ | Berechnet |',
          '| Broken (de) | Needs repair. |  |  |',
          '',
          '## About notes (de)',
          '',
          '| Zustand | Premium (de) |',
          '| --- | --- |',
          '| Off (de) | Einen Tag behalten |',
          '',
        ],
      },
    ],
    [
      'a ref table onto its own rows: HTML, the group heading spanning the labels and the corner both header rows; the cells as written, and a state diagram of the cells with a target',
      {
        given: spec([MOVES, OUTCOMES]),
        locale: 'en-US',
        want: [
          BANNER,
          '',
          '# Tiny article',
          '',
          '## About moves',
          '',
          '<table>',
          '<thead>',
          '<tr><th rowspan="2">State</th><th colspan="2">Action</th></tr>',
          '<tr><th>Start</th><th>Stop</th></tr>',
          '</thead>',
          '<tbody>',
          '<tr><th scope="row">On</th><td></td><td>Off</td></tr>',
          '<tr><th scope="row">Off</th><td>On</td><td></td></tr>',
          '<tr><th scope="row">Broken</th><td>Race condition</td><td></td></tr>',
          '</tbody>',
          '</table>',
          '',
          '```mermaid',
          'stateDiagram-v2',
          '%% generated by statespec from the table above',
          '  On: On',
          '  Off: Off',
          '  On --> Off: Stop',
          '  Off --> On: Start',
          '```',
          '',
          '## About outcomes',
          '',
          '<table>',
          '<thead>',
          '<tr><th rowspan="2">State</th><th colspan="3">New state</th></tr>',
          '<tr><th>On</th><th>Off</th><th>Broken</th></tr>',
          '</thead>',
          '<tbody>',
          '<tr><th scope="row">On</th><td></td><td>Stop it</td><td></td></tr>',
          '<tr><th scope="row">Off</th><td>Start it</td><td></td><td>Drop it</td></tr>',
          '</tbody>',
          '</table>',
          '',
        ],
      },
    ],
    [
      'footnotes: a marker after the labels and cells that refer to one, each text under its table',
      {
        given: spec([
          {
            ...BILLING,
            footnotes: [
              { marker: '1', text: both('Only in the EU.', 'Nur in der EU.'), rows: ['Off'], columns: ['Premium'] },
              { marker: '*', text: both('Billed | yearly.', 'Jährlich.') },
            ],
            cells: BILLING.cells.map((entry) => (entry.row === 'On' && entry.column === 'Basic' ? { ...entry, footnote: '*' } : entry)),
          },
        ]),
        locale: 'en-US',
        want: [
          BANNER,
          '',
          '# Tiny article',
          '',
          '| State | Basic | Premium<sup>1</sup> |',
          '| --- | --- | --- |',
          '| On | Billed<sup>\\*</sup> | Free |',
          '| Off<sup>1</sup> | Free |  |',
          '',
        ],
      },
    ],
  ])('%s', (_, { given, locale, want }) => {
    expect(docsOf(given, locale).split('\n')).toEqual(want);
  });

  it('emits spec.json, the runtime (index.js, index.d.ts, package.json) and one doc per locale it has a source of', () => {
    const publications = [
      { locale: 'de-DE', source: skeleton(EVERY_TYPE, 'de-DE') },
      { locale: 'en-US', source: skeleton(EVERY_TYPE, 'en-US') },
      { locale: 'fr-FR', unpublished: 'Its only source is broken.' },
    ];
    expect(emitSpec(EVERY_TYPE, render, undefined, publications).value.map((output) => output.path)).toEqual([
      'generated/tiny/spec.json',
      'generated/tiny/index.js',
      'generated/tiny/index.d.ts',
      'generated/tiny/package.json',
      'generated/docs/de-DE/tiny.md',
      'generated/docs/en-US/tiny.md',
    ]);
  });
});

// --- the runtime ---------------------------------------------------------------------------------

/** Writes the runtime of `given` as a build does (index.js and index.d.ts) with any extra files, and type-checks the extra files against it. */
function typeCheck(given: Spec, files: Record<string, string> = {}, resolution: 'nodenext' | 'bundler' = 'nodenext'): { dir: string; problems: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'statespec-emit-'));
  folders.push(dir);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  const view = runtimeView(given);
  writeFileSync(join(dir, 'index.js'), render('runtime.js', view));
  writeFileSync(join(dir, 'index.d.ts'), render('runtime.d.ts', view));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, problems: typeCheckFolder(dir, ['index.d.ts', ...Object.keys(files)], strictOptions(resolution)) };
}

type Runtime = Record<string, (...args: unknown[]) => unknown> & { TABLES: Record<string, { rows: readonly string[]; columns: readonly string[] }> };

/** Writes the runtime of `given`, checks that its JavaScript and declarations agree, then imports the JavaScript. */
async function runtimeOf(given: Spec): Promise<Runtime> {
  const { dir, problems } = typeCheck(given);
  expect(problems).toEqual([]);
  expect(await runtimeDisagreements(dir)).toEqual([]);
  return (await import(pathToFileURL(join(dir, 'index.js')).href)) as Runtime;
}

describe('the runtime, per cell type', async () => {
  const runtime = await runtimeOf(EVERY_TYPE);
  const call = (name: string, ...args: unknown[]): unknown => runtime[name]!(...args);

  it.each<[string, { given: unknown[]; want: unknown }]>([
    ['mark: lookup is the boolean', { given: ['lookup', 'chart', 'On', 'Stop'], want: true }],
    ['mark: lookup of an unmarked cell is false', { given: ['lookup', 'chart', 'On', 'Start'], want: false }],
    ['mark: lookup of an unknown row is false', { given: ['lookup', 'chart', 'Gone', 'Start'], want: false }],
    ['mark: text is undefined', { given: ['text', 'chart', 'On', 'Stop'], want: undefined }],
    ['mark: the check accessor', { given: ['canDo', 'Off', 'Start'], want: true }],
    ['mark: the list accessor, in axis order', { given: ['actionsOf', 'On'], want: ['Stop'] }],
    ['mark: the list accessor of an unknown row', { given: ['actionsOf', 'toString'], want: [] }],
    ['enum: lookup is the value id', { given: ['lookup', 'billing', 'On', 'Premium'], want: 'Free' }],
    ['enum: text is the word in the locale', { given: ['text', 'billing', 'On', 'Basic', 'de'], want: 'Berechnet' }],
    ['enum: an empty cell', { given: ['lookup', 'billing', 'Broken', 'Basic'], want: undefined }],
    ['text: lookup is the reference text', { given: ['lookup', 'notes', 'Off', 'Premium'], want: 'Kept | for *a* day\nthen gone' }],
    ['text: text in the locale', { given: ['text', 'notes', 'Off', 'Premium', 'de-AT'], want: 'Einen Tag behalten' }],
    ['record text column: the accessor in a locale', { given: ['describe', 'On', 'de'], want: 'Läuft.' }],
    ['record text column: the reference text where the locale has none', { given: ['describe', 'Broken', 'de'], want: 'Needs repair.' }],
    ['record text column: no cell', { given: ['describe', 'Off'], want: undefined }],
    ['record mark column: the accessor', { given: ['isPaid', 'On'], want: true }],
    ['record mark column: unstated is false', { given: ['isPaid', 'Off'], want: false }],
    ['record mark column: lookup', { given: ['lookup', 'descriptions', 'Broken', 'Paid'], want: false }],
    ['record enum column: the accessor', { given: ['planOf', 'On'], want: 'Billed' }],
    ['record enum column: text is the word', { given: ['text', 'descriptions', 'On', 'Plan', 'de-DE'], want: 'Berechnet' }],
    ['record table: an unknown column', { given: ['lookup', 'descriptions', 'On', 'Colour'], want: undefined }],
    ['ref: lookup is the target', { given: ['lookup', 'moves', 'On', 'Stop'], want: 'Off' }],
    ['ref: a filled cell without a target', { given: ['lookup', 'moves', 'Broken', 'Start'], want: undefined }],
    ['ref: text is the note', { given: ['text', 'moves', 'On', 'Stop', 'de'], want: 'nach einer Weile' }],
    ['ref: the check accessor is true for a cell without a target', { given: ['canMove', 'Broken', 'Start'], want: true }],
    ['ref: the check accessor of an empty cell', { given: ['canMove', 'Broken', 'Stop'], want: false }],
    ['ref: the target accessor', { given: ['nextState', 'Off', 'Start'], want: 'On' }],
    ['ref: the cell accessor', { given: ['move', 'On', 'Stop', 'de'], want: { state: 'On', action: 'Stop', to: 'Off', note: 'nach einer Weile' } }],
    ['ref: the cell accessor without a target', { given: ['move', 'Broken', 'Start'], want: { state: 'Broken', action: 'Start', note: 'Race condition' } }],
    ['ref: the cell accessor of an empty cell', { given: ['move', 'On', 'Start'], want: undefined }],
    ['mentions: lookup is the ids', { given: ['lookup', 'outcomes', 'On', 'Off'], want: ['Stop'] }],
    ['mentions: a stated cell naming none', { given: ['lookup', 'outcomes', 'Off', 'Broken'], want: [] }],
    ['mentions: text as written', { given: ['text', 'outcomes', 'Off', 'On'], want: 'Start it' }],
    ['an unknown table', { given: ['lookup', 'nope', 'On', 'Stop'], want: undefined }],
    ['a guard', { given: ['isTier', 'Premium'], want: true }],
    ['a guard of a vocabulary', { given: ['isBilling', 'Free'], want: true }],
    ['a guard given a non-string', { given: ['isState', ['On']], want: false }],
    ['resolveLocale', { given: ['resolveLocale', 'de-CH'], want: 'de-DE' }],
  ])('%s', (_, { given: [name, ...args], want }) => {
    expect(call(name as string, ...args)).toEqual(want);
  });

  it('TABLES lists each table with its row and column ids', () => {
    expect(Object.keys(runtime.TABLES)).toEqual(['chart', 'billing', 'notes', 'descriptions', 'moves', 'outcomes']);
    expect(runtime.TABLES.descriptions).toEqual({ id: 'descriptions', rows: ['On', 'Off', 'Broken'], columns: ['Meaning', 'Paid', 'Plan'] });
    expect(runtime.TABLES.outcomes!.columns).toEqual(['On', 'Off', 'Broken']);
  });

  it('an assert throws its error, with fields named after the axis types and the message in the requested locale', () => {
    expect(() => call('assertCanMove', 'On', 'Stop')).not.toThrow();
    let thrown: unknown;
    try {
      call('assertCanDo', 'On', 'Start', 'de-AT');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(runtime.NotAllowedError as unknown as new () => Error);
    expect(thrown).toMatchObject({ name: 'NotAllowedError', message: 'Nicht erlaubt', state: 'On', action: 'Start', locale: 'de-DE' });
    expect((runtime as unknown as { MESSAGES: Record<string, string> }).MESSAGES).toEqual({ 'de-DE': 'Nicht erlaubt', 'en-US': 'Not allowed' });
  });

  it('finds nothing for non-strings, inherited names or a polluted Object.prototype', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.Pwn = 3;
    prototype.Meaning = { 'en-US': 'pwned' };
    try {
      for (const [row, column] of [
        ['On', 'Pwn'],
        ['Pwn', 'Stop'],
        ['__proto__', 'toString'],
        ['constructor', 'Stop'],
        [['On'], 'Stop'],
        [{ toString: () => 'On' }, 'Stop'],
      ] as [unknown, unknown][]) {
        expect(call('canDo', row, column)).toBe(false);
        expect(call('lookup', 'chart', row, column)).toBe(false);
        expect(call('canMove', row, column)).toBe(false);
        expect(call('nextState', row, column)).toBeUndefined();
        expect(call('move', row, column)).toBeUndefined();
        for (const name of ['moves', 'billing', 'outcomes', 'notes', 'Pwn', 'toString']) expect(call('lookup', name, row, column), name).toBeUndefined();
        if (row === 'On') continue;
        expect(call('lookup', 'descriptions', row, 'Meaning')).toBeUndefined();
        expect(call('text', 'descriptions', row, 'Meaning')).toBeUndefined();
        expect(call('describe', row)).toBeUndefined();
        expect(call('isPaid', row)).toBe(false);
      }
      expect(call('lookup', 'descriptions', 'On', 'Pwn')).toBeUndefined();
      expect(call('canDo', 'On', 'Stop')).toBe(true);
    } finally {
      delete prototype.Pwn;
      delete prototype.Meaning;
    }
  });

  it(`a mark table wider than ${MAX_BITMASK_COLUMNS} columns keeps its marks in a store instead of a bitmask`, async () => {
    const ids = Array.from({ length: MAX_BITMASK_COLUMNS + 3 }, (_, index) => `Feature${index}`);
    const wide = spec(
      [
        table({
          id: 'wide',
          columnAxis: 'feature',
          cell: { type: 'mark' },
          accessors: { check: 'has', list: 'featuresOf' },
          cells: ids.map((id, index) => cell('On', id, index % 17 === 0)),
        }),
      ],
      { axes: [STATES, axis('feature', 'Feature', ids)] },
    );
    const view = runtimeView(wide);
    expect(view.tables[0]!.bitmasks).toEqual([]);
    const wideRuntime = await runtimeOf(wide);
    expect(ids.filter((id) => wideRuntime.has!('On', id))).toEqual(['Feature0', 'Feature17', 'Feature34']);
    expect(wideRuntime.featuresOf!('On')).toEqual(['Feature0', 'Feature17', 'Feature34']);
    expect(wideRuntime.lookup!('wide', 'Off', 'Feature0')).toBe(false);
  });

  it('keeps every text out of what the mark and ref checks reference', () => {
    const view = runtimeView(EVERY_TYPE);
    const moves = view.tables.find((entry) => entry.id === 'moves')!;
    expect(moves.checks[0]!.part.stated).toBe('MOVES_TARGETS');
    expect(moves.textStores.map((store) => store.name)).toEqual(['MOVES_NOTES']);
  });
});

describe('runtime names', () => {
  it.each<[string, { given: Spec; want: RegExp }]>([
    ['an accessor named like a generated function', { given: spec([{ ...MARKS, accessors: { check: 'lookup' } }]), want: /lookup .* the runtime/ }],
    ['two tables with the same accessor', { given: spec([MARKS, { ...MOVES, accessors: { check: 'canDo' } }]), want: /canDo/ }],
    ['an axis type that would shadow a global type', { given: spec([MARKS], { axes: [{ ...STATES, type: 'Record' }, ACTIONS, TIERS] }), want: /Record/ }],
    ['an accessor that is not an identifier', { given: spec([{ ...MARKS, accessors: { check: 'can-do' } }]), want: /can-do/ }],
    ['a target accessor on a mark table', { given: spec([{ ...MARKS, accessors: { target: 'whereTo' } }]), want: /only a ref table/ }],
  ])('refuses %s', (_, { given, want }) => {
    expect(() => runtimeView(given)).toThrow(want);
  });
});

describe('the runtime types', () => {
  it('type lookup() and text() by table, row and column: unknown ones do not compile', () => {
    const usage = `import { lookup, text, TABLES, canDo, move, describe, isPaid, planOf, type CellValue, type RowOf } from './index.js';
export const mark: boolean = lookup('chart', 'On', 'Stop');
export const value: 'Billed' | 'Free' | undefined = lookup('billing', 'On', 'Basic');
export const target: 'On' | 'Off' | 'Broken' | undefined = lookup('moves', 'On', 'Stop');
export const ids: readonly ('Start' | 'Stop')[] | undefined = lookup('outcomes', 'On', 'Off');
export const meaning: string | undefined = lookup('descriptions', 'On', 'Meaning');
export const paid: boolean = lookup('descriptions', 'On', 'Paid');
export const plan: 'Billed' | 'Free' | undefined = planOf('On');
export const written: string | undefined = text('moves', 'On', 'Stop', 'de');
export const rows: readonly ('On' | 'Off' | 'Broken')[] = TABLES.chart.rows;
export const row: RowOf<'billing'> = 'Broken';
export const checked: boolean = canDo('On', 'Start') && isPaid('Off');
export const described: string | undefined = describe('On', 'de');
export const moved: { readonly to?: 'On' | 'Off' | 'Broken'; readonly note?: string } | undefined = move('On', 'Stop');
for (const column of TABLES.chart.columns) canDo('On', column);
export const exact: CellValue<'chart', 'Stop'> = true;
// @ts-expect-error: a mark is a boolean.
export const notText: string = lookup('chart', 'On', 'Stop');
// @ts-expect-error: no table "chat".
lookup('chat', 'On', 'Stop');
// @ts-expect-error: "Gone" is not a row of "chart".
lookup('chart', 'Gone', 'Stop');
// @ts-expect-error: "Basic" is a tier, not a column of "chart".
lookup('chart', 'On', 'Basic');
// @ts-expect-error: "Colour" is not a column of "descriptions".
lookup('descriptions', 'On', 'Colour');
// @ts-expect-error: no table "chat".
text('chat', 'On', 'Stop');
// @ts-expect-error: "Gone" is not a row of "moves".
text('moves', 'Gone', 'Stop');
// @ts-expect-error: "Premium" is not a column of "moves".
text('moves', 'On', 'Premium');
// @ts-expect-error: "Launch" is not an Action.
canDo('On', 'Launch');
`;
    // An @ts-expect-error that is not needed is itself an error, so an empty list means every line above is rejected.
    for (const resolution of ['nodenext', 'bundler'] as const) expect(typeCheck(EVERY_TYPE, { 'usage.ts': usage }, resolution).problems).toEqual([]);
    expect(usage.match(/@ts-expect-error/g)).toHaveLength(9);
  });

  it('the JavaScript and its declarations disagree when one of them changes (the agreement check can fail)', async () => {
    const { dir } = typeCheck(EVERY_TYPE);
    const javascript = render('runtime.js', runtimeView(EVERY_TYPE));
    writeFileSync(
      join(dir, 'index.js'),
      javascript.replace('export function canDo(state, action) {', 'export function canDo(state) {').replace('"On",\n', '"Onn",\n'),
    );
    const problems = await runtimeDisagreements(dir);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/canDo takes 1 parameters in index.js but 2/), expect.stringMatching(/contract\.ts:\d+ /)]),
    );
  });

  it('(the check above would see a call that does compile)', () => {
    const { problems } = typeCheck(EVERY_TYPE, {
      'usage.ts': "import { lookup } from './index.js';\n// @ts-expect-error: but it is fine.\nlookup('chart', 'On', 'Stop');\n",
    });
    expect(problems).toEqual([expect.stringMatching(/^usage\.ts:2 Unused '@ts-expect-error' directive/)]);
  });
});

describe('precompiled templates (npm run compile writes dist/templates.cjs)', () => {
  const assets = loadAssets(ROOT);
  it('are used while templates/ is unchanged, and render byte for byte what compiling at run time renders', () => {
    expect(assets.precompiledTemplates?.templatesHash).toBe(templatesHash(assets.templates));
    const { precompiledTemplates: _, ...fresh } = assets;
    const files = toProjectFiles(repoSources());
    expect(compile({ files, assets }).outputs).toEqual(compile({ files, assets: fresh }).outputs);
  });

  it('are ignored when a template changed: the edited text is what renders', () => {
    const edited = { ...assets, templates: { ...assets.templates, 'doc-table.md': `${assets.templates['doc-table.md']}edited\n` } };
    const docs = compile({ files: toProjectFiles(repoSources()), assets: edited }).outputs.filter((output) => output.path.startsWith('generated/docs/'));
    expect(docs.some((doc) => doc.content.includes('\nedited\n'))).toBe(true);
  });
});
