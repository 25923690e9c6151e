import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readProjectFiles } from '../src/cli/files.js';
import { type AxisCandidate, guessTable, type TableGuess } from '../src/init/cells.js';
import { ID_PATTERN, type IdResult, idFromLabel, MAX_ID_LENGTH, pluralize, singularize } from '../src/init/ids.js';
import { type InitRequest, type InitResult, initArticle } from '../src/init/init.js';
import { checkModel } from '../src/load/model.js';
import type { ProjectFile, SpecConfig, TermsFile } from '../src/load/types.js';
import { newAjv } from '../src/load/validators.js';

const REPO_ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (content: string | Uint8Array): string => (typeof content === 'string' ? content : new TextDecoder().decode(content));

/** Runs init on an in-memory document as en-US, with an empty sources/ unless files are given. */
function init(text: string, options: Partial<Omit<InitRequest, 'input'>> = {}): InitResult {
  return initArticle({ files: [], specId: 'demo', locale: 'en-US', ...options, input: { path: 'new.md', bytes: encode(text) } });
}

function written(result: InitResult): { config: SpecConfig; terms: TermsFile } {
  const file = (suffix: string): string => decode(result.writes.find((write) => write.path.endsWith(suffix))!.content);
  return {
    config: JSON.parse(file('spec.config.json')) as SpecConfig,
    terms: JSON.parse(file(`terms/${JSON.parse(file('spec.config.json')).referenceLocale}.json`)) as TermsFile,
  };
}

const codes = (result: InitResult): string[] => result.diagnostics.map((d) => d.code);
/** The findings besides the notes that an axis name is a placeholder (columns, rows), for tests about other things. */
const besidesPlaceholders = (result: InitResult): InitResult['diagnostics'] => result.diagnostics.filter((d) => !/, a placeholder\./.test(d.message));
const otherCodes = (result: InitResult): string[] => besidesPlaceholders(result).map((d) => d.code);
const table = (...rows: string[]): string => `# Title\n\n${rows.map((row) => `| ${row} |`).join('\n')}\n`;
/** A GFM table: header, delimiter row, body. */
const gfm = (header: string, ...body: string[]): string =>
  table(
    header,
    header
      .split('|')
      .map(() => '---')
      .join(' | '),
    ...body,
  );

describe('ids from labels', () => {
  const CASES: [string, { label: string; want: IdResult }][] = [
    ['words', { label: 'Service Update Failed', want: { id: 'ServiceUpdateFailed' } }],
    ['lower-case words', { label: 'Ready to run', want: { id: 'ReadyToRun' } }],
    ['a word with inner capitals', { label: 'StartFailed', want: { id: 'StartFailed' } }],
    ['parentheses', { label: 'Suspended (resumable)', want: { id: 'SuspendedResumable' } }],
    ['hyphens', { label: 'Suspended (not-resumable)', want: { id: 'SuspendedNotResumable' } }],
    ['a line break', { label: 'Update <br/> Configuration', want: { id: 'UpdateConfiguration' } }],
    ['a link and a footnote', { label: '[Self-hosted gateway](x.md)<sup>3</sup>', want: { id: 'SelfHostedGateway' } }],
    ['bold', { label: '**In Breakpoint**', want: { id: 'InBreakpoint' } }],
    ['a trailing asterisk', { label: 'Not billed*', want: { id: 'NotBilled' } }],
    ['an asterisk reference', { label: 'Backup&#42;', want: { id: 'Backup' } }],
    ['superscript digits', { label: 'Scale²', want: { id: 'Scale' } }],
    ['an acronym', { label: 'Direct management API', want: { id: 'DirectManagementAPI' } }],
    ['digits inside', { label: 'Windows 10 support', want: { id: 'Windows10Support' } }],
    ['an apostrophe', { label: "Can't start", want: { id: 'CantStart' } }],
    ['a typographic apostrophe', { label: 'Échec de l’arrêt', want: { id: 'EchecDeLarret' } }],
    ['accents', { label: 'Démarré', want: { id: 'Demarre' } }],
    ['letters NFKD keeps apart', { label: 'Größe Ærø', want: { id: 'GrosseAero' } }],
    ['full-width letters', { label: 'ＡＢＣ ready', want: { id: 'ABCReady' } }],
    ['an ampersand', { label: 'Backup &amp; restore', want: { id: 'BackupRestore' } }],
    ['a digit first', { label: '2FA', want: { id: 'N2FA', doubt: 'an id cannot start with a digit, so it starts with "N"' } }],
    ['some letters without ASCII', { label: 'Zone 東', want: { id: 'Zone', doubt: 'the id leaves out "東", which has no ASCII spelling' } }],
    ['no ASCII letters', { label: '保留中', want: { problem: '"保留中" has no letters A–Z, even with accents dropped' } }],
    ['only digits', { label: '2016', want: { problem: '"2016" has no letters A–Z, even with accents dropped' } }],
    ['empty', { label: '', want: { problem: 'the label is empty' } }],
    ['only markup', { label: '<br/>', want: { problem: 'the label is empty' } }],
  ];
  for (const [name, { label, want }] of CASES) {
    it(name, () => {
      expect(idFromLabel(label)).toEqual(want);
    });
  }

  it('a long label is cut to the id length limit, with a doubt', () => {
    const made = idFromLabel('word '.repeat(40));
    expect('id' in made && made.id.length).toBe(MAX_ID_LENGTH);
    expect('doubt' in made && made.doubt).toMatch(/cut to 100/);
  });

  it('every label gives an id ^[A-Z][A-Za-z0-9]*$ of at most 100 characters, or a problem (property)', () => {
    const label = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc
        .array(fc.constantFrom('Start', 'é', '<sup>1</sup>', '[x](y.md)', '<br/>', '*', '&#42;', '2', ' ', '-', '東', 'ß', '\u0301', '**', '\\'), {
          maxLength: 12,
        })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(label, (text) => {
        const made = idFromLabel(text);
        if ('problem' in made) return made.problem.length > 0;
        return ID_PATTERN.test(made.id) && made.id.length <= MAX_ID_LENGTH;
      }),
      { numRuns: 2000 },
    );
  });

  it('names: plural and singular of the last word', () => {
    expect(['state', 'category', 'status', 'box', 'states', 'day'].map(pluralize)).toEqual(['states', 'categories', 'statuses', 'boxes', 'states', 'days']);
    expect(['states', 'categories', 'statuses', 'boxes', 'state', 'status', 'cases', 'classes'].map(singularize)).toEqual([
      'state',
      'category',
      'status',
      'box',
      'state',
      'status',
      'case',
      'class',
    ]);
  });
});

describe('cell types and table shapes', () => {
  const en = { yes: ['Yes'], no: ['No'], englishYes: ['Yes'], englishNo: ['No'] };
  const at = { file: 'x.md', line: 1, column: 1 };
  /** Columns of cell texts → the guess, with these candidates for ref cells. */
  const guess = (columns: string[][], labels: string[], candidates: AxisCandidate[] = [], words = en): TableGuess =>
    guessTable(
      columns.map((column) => column.map((text) => ({ text, location: at }))),
      labels,
      { ...words, candidates },
    );
  const states: AxisCandidate = {
    table: 0,
    side: 'rows',
    labels: new Map([
      ['active', 'Active'],
      ['stopped', 'Stopped'],
      ['starting', 'Starting'],
    ]),
  };
  const types = (found: TableGuess): string | string[] =>
    found.shape === 'matrix' ? `matrix ${found.cell.type}` : found.columns.map((column) => column.cell.type);

  const CASES: [string, { columns: string[][]; labels?: string[]; candidates?: AxisCandidate[]; words?: typeof en; want: string | string[] }][] = [
    [
      'check marks and blanks',
      {
        columns: [
          ['✔', ''],
          ['', '✔'],
          ['√', 'x'],
        ],
        want: 'matrix mark',
      },
    ],
    [
      'a column that is all blank still marks',
      {
        columns: [
          ['✔', ''],
          ['', ''],
        ],
        want: 'matrix mark',
      },
    ],
    [
      'yes/no words',
      {
        columns: [
          ['Yes', 'No'],
          ['No', 'Yes'],
        ],
        want: 'matrix mark',
      },
    ],
    [
      'yes/no words in another case',
      {
        columns: [
          ['yes', 'NO'],
          ['No', 'Yes'],
        ],
        want: 'matrix mark',
      },
    ],
    [
      'German yes/no words',
      {
        columns: [
          ['Ja', 'Nein'],
          ['Nein', 'Ja'],
        ],
        words: { ...en, yes: ['Ja'], no: ['Nein'] },
        want: 'matrix mark',
      },
    ],
    [
      'Korean yes/no words',
      {
        columns: [
          ['예', '아니요'],
          ['아니오', '예'],
        ],
        words: { ...en, yes: ['예'], no: ['아니요', '아니오'] },
        want: 'matrix mark',
      },
    ],
    [
      'a check mark and a dash for false',
      {
        columns: [
          ['✔', '—'],
          ['—', '✔'],
        ],
        want: 'matrix mark',
      },
    ],
    [
      'one unknown symbol for true',
      {
        columns: [
          ['●', ''],
          ['', '●'],
        ],
        want: 'matrix mark',
      },
    ],
    [
      'two unknown symbols are no mark table',
      {
        columns: [
          ['●', ''],
          ['', '◆'],
        ],
        want: ['mark', 'mark'],
      },
    ],
    [
      'every cell blank',
      {
        columns: [
          ['', ''],
          ['', ''],
        ],
        want: 'matrix mark',
      },
    ],
    [
      'a repeated small set',
      {
        columns: [
          ['Full', 'Partial', 'None'],
          ['Full', 'Full', 'None'],
        ],
        want: 'matrix enum',
      },
    ],
    [
      'short values that do not repeat',
      {
        columns: [
          ['10 GB', '20 GB'],
          ['50 GB', 'Unlimited'],
        ],
        want: 'matrix text',
      },
    ],
    ['long text in every column', { columns: [['The service runs. It is billed.'], ['The service stops and keeps its data.']], want: 'matrix text' }],
    [
      'a description next to an enum column is a record',
      {
        columns: [
          ['The machine is being started.', 'The machine runs.', 'Its compute is released.'],
          ['Billed', 'Billed', 'Not billed'],
        ],
        want: ['text', 'enum'],
      },
    ],
    [
      'marks next to words is a record',
      {
        columns: [
          ['✔', ''],
          ['Only in preview', 'Generally available'],
        ],
        want: ['mark', 'text'],
      },
    ],
    ['one column is a record', { columns: [['Yes', 'No']], want: ['mark'] }],
    [
      'cells that name labels of an axis',
      {
        columns: [
          ['Active', 'Stopped'],
          ['', 'Starting'],
        ],
        candidates: [states],
        want: 'matrix ref',
      },
    ],
    [
      'a target then a note',
      {
        columns: [
          ['Active; after a restart', 'Stopped, if idle'],
          ['Race condition', 'Active'],
        ],
        candidates: [states],
        want: 'matrix ref',
      },
    ],
    [
      'too few cells name an axis',
      {
        columns: [
          ['Active', 'Race condition'],
          ['Not possible', 'Not known'],
        ],
        candidates: [states],
        want: 'matrix text',
      },
    ],
    [
      'column labels that are row labels make a matrix of mixed cells',
      {
        columns: [
          ['✔', ''],
          ['Only in preview', 'When idle'],
        ],
        labels: ['Active', 'Stopped'],
        candidates: [states],
        want: 'matrix text',
      },
    ],
    [
      'yes/no words but one unknown word in ten cells are still marks',
      {
        columns: [
          ['Yes', 'No', 'Yes', 'No', 'Yes'],
          ['No', 'Maybe', 'Yes', 'Yes', 'No'],
        ],
        want: 'matrix mark',
      },
    ],
    [
      'two unknown words in ten cells are no mark table',
      {
        columns: [
          ['Yes', 'No', 'Yes', 'No', 'Yes'],
          ['No', 'Maybe', 'Yes', 'Soon', 'No'],
        ],
        want: ['mark', 'enum'],
      },
    ],
    [
      'a column of words next to marks is a field, not a few wrong marks',
      {
        columns: [
          ['✔', '', '✔', '', '✔', '', '✔', '', '✔', '', '✔', '', '✔', '', '✔', '', '✔', '', '✔', ''],
          ['✔', '', '✔', '', '✔', '', '✔', '', '✔', '', '✔', '', '✔', '', '✔', '', '✔', '', '✔', ''],
          ['Preview', 'Preview', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
        ],
        want: ['mark', 'mark', 'enum'],
      },
    ],
    [
      'a word among dashes alone is no wrong mark (nothing is marked true)',
      {
        columns: [
          ['—', '—', '—', '—', '—', 'Active'],
          ['—', '—', '—', '—', '—', '—'],
        ],
        candidates: [states],
        want: ['enum', 'mark'],
      },
    ],
    [
      'a word that names a label of an axis among marks is no wrong mark',
      {
        columns: [
          ['✔', '', '✔', '', '✔'],
          ['', '✔', '', 'Active', ''],
        ],
        candidates: [states],
        want: ['mark', 'text'],
      },
    ],
    [
      'a record column of yes/no words but one unknown word in ten is marks',
      {
        columns: [
          ['It starts.', 'It runs.', 'It stops.', 'It waits.', 'It fails.', 'It ends.', 'It sleeps.', 'It wakes.', 'It scales.', 'It moves.'],
          ['Yes', 'No', 'Yes', 'Yes', 'Planned', 'Yes', 'No', 'Yes', 'Yes', 'No'],
        ],
        want: ['text', 'mark'],
      },
    ],
  ];
  for (const [name, { columns, labels, candidates, words, want }] of CASES) {
    it(name, () => {
      expect(types(guess(columns, labels ?? columns.map((_, index) => `Column ${index}`), candidates, words))).toEqual(want);
    });
  }

  it('a ref guess names the cells that name no target', () => {
    const found = guess(
      [
        ['Active', 'Race condition'],
        ['Stopped', 'Active'],
      ],
      ['A', 'B'],
      [states],
    );
    expect(found.shape === 'matrix' && found.cell.type === 'ref' && found.cell.untargeted.map((cell) => cell.text)).toEqual(['Race condition']);
    expect(found.shape === 'matrix' && found.doubts).toEqual([
      { text: '"Race condition" names none of the labels the other cells name; such cells are read as notes without a target', at },
    ]);
  });

  it('a mark guess keeps the few cells that are no mark, in document order', () => {
    const cell = (text: string, line: number, column: number) => ({ text, location: { file: 'x.md', line, column } });
    const found = guessTable(
      [
        [cell('Yes', 3, 5), cell('Soon', 4, 5), ...Array.from({ length: 8 }, (_, row) => cell('No', 5 + row, 5))],
        [cell('Maybe', 3, 9), ...Array.from({ length: 9 }, (_, row) => cell('Yes', 4 + row, 9))],
      ],
      ['A', 'B'],
      { ...en, candidates: [] },
    );
    expect(found.shape === 'matrix' && found.cell.type === 'mark' && found.cell.outliers.map((outlier) => outlier.text)).toEqual(['Maybe', 'Soon']);
  });
});

describe('statespec init', () => {
  it('a table of check marks: axes, ids, a mark matrix and its terms', () => {
    const result = init(
      gfm('Service state | Start | Update <br/> Configuration', 'Active | | ✔', 'Service Update Failed | ✔ | ', 'StartFailed <br/> StopFailed | ✔ | ✔'),
    );
    // Nothing names the columns, so their axis is the placeholder "columns", flagged at the table.
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      [
        'init-review',
        3,
        1,
        'The columns of table 1 have no name (no heading row over them, no table heading "<rows> by <columns>", and no other table lists them as rows under a corner heading), so their axis is called "columns" (type Column, constant COLUMNS), a placeholder. Rename it in sources/demo/spec.config.json (the key "columns" under "axes", its "noun", "type" and "constant", and every "rows", "columns" or "axis" that names it) and in sources/demo/terms/en-US.json (the key "columns" under "axes").',
      ],
    ]);
    const { config, terms } = written(result);
    expect(config).toEqual({
      $schema: '../../schema/config.schema.json',
      id: 'demo',
      referenceLocale: 'en-US',
      title: { rule: 'first-heading' },
      axes: {
        serviceStates: {
          ids: ['Active', 'ServiceUpdateFailed', 'StartFailed', 'StopFailed'],
          noun: 'service state',
          type: 'ServiceState',
          constant: 'SERVICE_STATES',
        },
        columns: { ids: ['Start', 'UpdateConfiguration'], noun: 'column', type: 'Column', constant: 'COLUMNS' },
      },
      tables: [{ id: 'title', position: 0, rows: 'serviceStates', columns: 'columns', cell: { type: 'mark' } }],
    });
    expect(terms).toEqual({
      $schema: '../../../schema/terms.schema.json',
      locale: 'en-US',
      axes: {
        serviceStates: { Active: 'Active', ServiceUpdateFailed: 'Service Update Failed', StartFailed: 'StartFailed', StopFailed: 'StopFailed' },
        columns: { Start: 'Start', UpdateConfiguration: 'Update Configuration' },
      },
      tables: { title: { corner: 'Service state' } },
    });
    expect(result.writes.map((write) => write.path)).toEqual(['sources/demo/en-US.md', 'sources/demo/spec.config.json', 'sources/demo/terms/en-US.json']);
  });

  it('yes/no words become the terms values.mark, in the reference language', () => {
    const de = initArticle({
      files: [],
      specId: 'demo',
      locale: 'de-DE',
      input: { path: 'de.md', bytes: encode(gfm('Funktion | Basic | Premium', 'Cache | Ja | Ja', 'Zonen | Nein | Ja')) },
    });
    expect(besidesPlaceholders(de)).toEqual([]);
    expect(written(de).terms.values).toEqual({ mark: { true: 'Ja', false: 'Nein' } });
    // The language's other word is the built-in one when the cells use only one.
    const onlyYes = written(init(gfm('Feature | Basic | Premium', 'Cache | Yes | Yes', 'Zones | Yes | Yes')));
    expect(onlyYes.terms.values).toEqual({ mark: { true: 'Yes', false: 'No' } });
    // A dash for false is the terms' word for false; the check mark needs no word.
    const dash = written(init(gfm('Feature | Basic | Premium', 'Cache | ✔ | ✔', 'Zones | — | ✔')));
    expect(dash.terms.values).toEqual({ mark: { false: '—' } });
    expect(dash.config.tables[0]).toMatchObject({ cell: { type: 'mark' } });
    // An unknown symbol for true joins the default marks.
    const dot = written(init(gfm('Feature | Basic | Premium', 'Cache | ● | ●', 'Zones |  | ●')));
    expect(dot.config.tables[0]).toMatchObject({ cell: { type: 'mark', marks: ['√', '✔', '✓', 'x', 'X', '○', '●'] } });
  });

  it('English yes/no words in a reference of another language are flagged', () => {
    const result = initArticle({
      files: [],
      specId: 'demo',
      locale: 'fr-FR',
      input: { path: 'fr.md', bytes: encode(gfm('Fonction | Basic | Premium', 'Cache | Yes | Yes', 'Zones | No | Yes')) },
    });
    expect(otherCodes(result)).toEqual(['init-review', 'init-review']);
    expect(written(result).terms.values!.mark).toEqual({
      true: { label: 'Yes', review: 'The cells write the English "Yes" in a fr-FR reference; write the fr-FR word here if the article should use one.' },
      false: { label: 'No', review: 'The cells write the English "No" in a fr-FR reference; write the fr-FR word here if the article should use one.' },
    });
  });

  it('a record table, an enum vocabulary named after its column, and a ref matrix', () => {
    const text = [
      '# Power states',
      '',
      gfm(
        'Power state | Description | Billing',
        'Starting | The machine is being started. | Billed',
        'Running | The machine runs. | Billed',
        'Stopped | The machine keeps its compute. | Billed',
        'Deallocated | The machine holds no compute. | Not billed*',
      ).replace('# Title\n\n', ''),
      '## What an action leads to',
      '',
      gfm('Power state | Start | Stop', 'Running |  | Deallocated', 'Deallocated | Starting; keeps its address | ').replace('# Title\n\n', ''),
    ].join('\n');
    const result = init(text);
    // The second table's rows are among the first's: they share its axis, a guess that is flagged.
    expect(besidesPlaceholders(result).map((d) => d.message)).toEqual([
      'The rows of table 2 are all ids of the axis "powerStates", so they share it; if they are different things, give them an axis of their own in sources/demo/spec.config.json.',
    ]);
    const { config, terms } = written(result);
    expect(config.vocabularies).toEqual({ billing: ['Billed', 'NotBilled'] });
    expect(config.tables).toEqual([
      {
        id: 'powerStates',
        position: 0,
        rows: 'powerStates',
        columns: [
          { id: 'Description', cell: { type: 'text' } },
          { id: 'Billing', cell: { type: 'enum', vocabulary: 'billing' } },
        ],
      },
      { id: 'table2', position: 1, rows: 'powerStates', columns: 'columns', cell: { type: 'ref', axis: 'powerStates' } },
    ]);
    expect(terms.values).toEqual({ billing: { Billed: 'Billed', NotBilled: 'Not billed' } });
  });

  it('enum values: spellings that make one id are one value; few cells per value is flagged', () => {
    const text = gfm(
      'Plan | Support | Region',
      'Free | Community | One',
      'Basic | Community | One',
      'Pro | Business hours | All',
      'Team | Business-hours | All',
      'Max | Business hours | All',
      'Ultra | Business hours | All',
    );
    const result = init(text);
    const { config, terms } = written(result);
    expect(config.tables[0]).toMatchObject({
      columns: [
        { id: 'Support', cell: { type: 'enum', vocabulary: 'support' } },
        { id: 'Region', cell: { type: 'enum', vocabulary: 'region' } },
      ],
    });
    expect(config.vocabularies).toEqual({ support: ['Community', 'BusinessHours'], region: ['One', 'All'] });
    expect(terms.values!.support).toEqual({
      Community: 'Community',
      BusinessHours: { label: 'Business hours', variants: ['Business-hours'], review: 'The cells also write "Business-hours", kept as a variant.' },
    });
    expect(codes(result)).toEqual(['init-review']);
    // Three values over four cells: the set may be a coincidence.
    const thin = init(
      gfm(
        'Plan | Support | Notes',
        'Free | Community | The free plan has no support contract at all.',
        'Basic | Email | Basic support.',
        'Pro | Phone | Pro support.',
        'Max | Phone | Everything.',
      ),
    );
    expect(written(thin).terms.values!.support!.Email).toEqual({
      label: 'Email',
      review: 'The column is read as a closed set of values (enum) from few cells; check that it is one.',
    });
  });

  it('mark words: the most written spelling, the others as variants', () => {
    const result = initArticle({
      files: [],
      specId: 'demo',
      locale: 'es-ES',
      input: { path: 'es.md', bytes: encode(gfm('Función | Básico | Premium', 'Caché | Sí | Sí', 'Zonas | No | Si', 'Red | No | Sí')) },
    });
    expect(written(result).terms.values).toEqual({
      mark: { true: { label: 'Sí', variants: ['Si'], review: 'The cells also write "Si", kept as a variant.' }, false: 'No' },
    });
  });

  it('a superscript that swallowed label text is reported, and read as the align stage reads it', () => {
    const result = init(gfm('Feature | Basic | Premium', 'Azure<sup>AD-integratie 1</sup> | Yes | Yes', 'Cache | No | Yes'));
    expect(besidesPlaceholders(result).map((d) => [d.code, d.line, d.column])).toEqual([['footnote-swallowed', 5, 3]]);
    expect(written(result).terms.axes.features).toEqual({ AzureADIntegratie: 'AzureAD-integratie', Cache: 'Cache' });
  });

  it('a record table may not skip an empty column (the align stage reads its columns in order)', () => {
    const result = init(
      gfm(
        'Power state | Description |  | Billing',
        'Running | The machine runs. |  | Billed',
        'Stopped | The machine is stopped. |  | Billed',
        'Deallocated | The machine holds no compute. |  | Not billed',
      ),
    );
    expect(result.writes).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'init-label-missing',
        "Column 3 of table 1 has no label and no cells; a record table's columns are read in order, so delete the empty column from the source.",
      ],
    ]);
  });

  it('tables with the same ids share one axis; other spellings become variants, flagged', () => {
    const text = `${gfm('State | Start | Stop', 'Ready to run | ✔ | ', 'Active |  | ✔')}\n${gfm('State | Explanation', 'Ready To run | Waits for resources.', 'Active | Runs.').replace('# Title\n\n', '')}`;
    const result = init(text);
    const { config, terms } = written(result);
    expect(Object.keys(config.axes)).toEqual(['states', 'columns']);
    expect(config.tables.map((found) => found.rows)).toEqual(['states', 'states']);
    // "Ready To run" and "Ready to run" are one label (labels compare case-folded), so no variant.
    expect(terms.axes.states).toEqual({ ReadyToRun: 'Ready to run', Active: 'Active' });
    expect(besidesPlaceholders(result)).toEqual([]);
    const spelled = init(
      `${gfm('State | Start | Stop', 'Self-hosted | ✔ | ', 'Active |  | ✔')}\n${gfm('State | Explanation', 'Self hosted | Runs on premises.', 'Active | Runs.').replace('# Title\n\n', '')}`,
    );
    expect(written(spelled).terms.axes.states!.SelfHosted).toEqual({
      label: 'Self-hosted',
      variants: ['Self hosted'],
      review: 'Other tables also call it "Self hosted", kept as a variant.',
    });
    expect(otherCodes(spelled)).toEqual(['init-review']);
  });

  it('a group heading row above the header: headerRow and the column axis name', () => {
    const text = table(
      'Starting state | Operation | ',
      '--- | --- | ---',
      ' | **Terminate** | **Suspend**',
      '**Active** | Terminated | Suspended',
      '**Suspended** | Terminated | ',
      '**Terminated** |  | ',
    );
    const result = init(text);
    const { config } = written(result);
    expect(config.tables[0]).toEqual({
      id: 'title',
      position: 0,
      headerRow: 1,
      rows: 'startingStates',
      columns: 'operations',
      cell: { type: 'ref', axis: 'startingStates' },
    });
    expect(config.axes.operations).toEqual({ ids: ['Terminate', 'Suspend'], noun: 'operation', type: 'Operation', constant: 'OPERATIONS' });
  });

  it('a chart split by columns over two tables is one continued table, flagged', () => {
    const text = `${gfm('State | Start | Stop', 'Active |  | ✔', 'Stopped | ✔ | ')}\n${gfm('State | Backup', 'Active | ✔', 'Stopped | ').replace('# Title\n\n', '')}`;
    const result = init(text);
    const { config } = written(result);
    expect(config.tables).toEqual([{ id: 'title', position: 0, continued: true, rows: 'states', columns: 'columns', cell: { type: 'mark' } }]);
    expect(config.axes.columns!.ids).toEqual(['Start', 'Stop', 'Backup']);
    expect(otherCodes(result)).toEqual(['init-review']);
  });

  it('a mark table with a few cells that are no mark is refused, each cell an error at its line and column', () => {
    const rows = ['Cache', 'Zones', 'Backup', 'Restore', 'Alerts', 'Logs'].map((feature, index) => `${feature} | ${index === 2 ? 'Maybe' : 'Yes'} | No`);
    const result = init(gfm('Feature | Free | Pro', ...rows));
    expect(result.writes).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([['init-value-unknown', 'error', 7, 12]]);
    expect(result.diagnostics[0]!.message).toBe(
      'Table 1 ("title"), row "Backup", column "Free": "Maybe" is neither a mark (a check mark such as ✔, a blank, or "—" for false) nor a yes/no word ("Yes", "No"), while 11 of the table\'s 12 cells are, so the table is read as marks and this cell states no fact. Correct the cell in the source and run init again. If the column really holds words, edit "cell" at /tables/0/cell in sources/demo/spec.config.json (init writes it once the cell is corrected).',
    );
    // The same in a record table's column of marks, in the reference language's words.
    const regions = ['Ost', 'West', 'Nord', 'Süd', 'Mitte', 'Alpen', 'Küste', 'Inseln', 'Hafen', 'Berge'].map(
      (region, index) => `${region} | Eine Region im ${region}. Sie ist groß. | ${index === 4 ? 'Geplant' : index % 2 === 0 ? 'Ja' : 'Nein'}`,
    );
    const german = initArticle({
      files: [],
      specId: 'demo',
      locale: 'de-DE',
      input: { path: 'de.md', bytes: encode(gfm('Region | Beschreibung | Zonen', ...regions)) },
    });
    expect(german.writes).toEqual([]);
    expect(german.diagnostics.map((d) => [d.code, d.line, d.message.slice(0, 90)])).toEqual([
      ['init-value-unknown', 9, 'Table 1 ("title"), row "Mitte", column "Zonen": "Geplant" is neither a mark (a check mark '],
    ]);
    expect(german.diagnostics[0]!.message).toContain('nor a yes/no word ("Ja", "Nein"), while 9 of the column\'s 10 cells are');
    expect(german.diagnostics[0]!.message).toContain('/tables/0/columns/1/cell');
  });

  it('columns without a name take the corner heading of another table that has them as rows', () => {
    const text = `${gfm('Feature | Free | Pro', 'Cache | Yes | Yes', 'Zones | No | Yes')}\n${gfm('Plan | Price', 'Free | Nothing at all.', 'Pro | Ten euros a month.').replace('# Title\n\n', '')}`;
    const result = init(text);
    expect(result.diagnostics).toEqual([]);
    const { config } = written(result);
    expect(config.axes.plans).toEqual({ ids: ['Free', 'Pro'], noun: 'plan', type: 'Plan', constant: 'PLANS' });
    expect(config.tables.map((found) => [found.rows, found.columns])).toEqual([
      ['features', 'plans'],
      ['plans', [{ id: 'Price', cell: { type: 'text' } }]],
    ]);
    // Only the same ids: a table with one plan more names nothing.
    const other = init(
      `${gfm('Feature | Free | Pro', 'Cache | Yes | Yes')}\n${gfm('Plan | Price', 'Free | Nothing.', 'Pro | Ten.', 'Team | Twenty.').replace('# Title\n\n', '')}`,
    );
    expect(Object.keys(written(other).config.axes)).toEqual(['features', 'columns', 'plans']);
  });

  it('an axis named after its side (rows, columns) is flagged as a placeholder at its table', () => {
    const result = init(table(' | Start | Stop', '--- | --- | ---', 'Active |  | ✔', 'Stopped | ✔ | '));
    const { config } = written(result);
    expect(Object.keys(config.axes)).toEqual(['rows', 'columns']);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column, d.message.slice(0, 150)])).toEqual([
      [
        'init-review',
        3,
        1,
        'The columns of table 1 have no name (no heading row over them, no table heading "<rows> by <columns>", and no other table lists them as rows under a c',
      ],
      [
        'init-review',
        3,
        1,
        'The rows of table 1 have no name (no corner heading, and no other table lists them as rows under one), so their axis is called "rows" (type Row, const',
      ],
    ]);
    // A heading that makes no name says so.
    const unnamed = init(gfm('保留中 | Start | Stop', 'Active |  | ✔'));
    expect(besidesPlaceholders(unnamed)).toEqual([]);
    expect(unnamed.diagnostics.map((d) => d.message)).toContain(
      'The rows of table 1 have no name ("保留中" makes no name: one needs one to four words in letters A–Z), so their axis is called "rows" (type Row, constant ROWS), a placeholder. Rename it in sources/demo/spec.config.json (the key "rows" under "axes", its "noun", "type" and "constant", and every "rows", "columns" or "axis" that names it) and in sources/demo/terms/en-US.json (the key "rows" under "axes").',
    );
  });

  it("a doubt about a table's cell type is reported at the first cell that raised it", () => {
    // Too many words among the marks for a mark table; the column labels are rows of the plans table, so it is a text matrix.
    const rows = ['Cache | Yes | Only in preview', 'Zones | No | Yes', 'Backup | No | When idle'];
    const text = `${gfm('Feature | Free | Pro', ...rows)}\n${gfm('Plan | Price', 'Free | Nothing at all.', 'Pro | Ten euros a month.').replace('# Title\n\n', '')}`;
    const result = init(text);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column, d.related?.map((related) => [related.line, related.column, related.message])])).toEqual([
      ['init-review', 5, 17, [[3, 1, 'Table 1 starts here.']]],
    ]);
    expect(result.diagnostics[0]!.message).toContain('some columns mark and others hold words (the first is "Only in preview")');
    // An unknown symbol read as true: at its first cell.
    const dot = init(gfm('Feature | Basic | Premium', 'Cache | ✔ | ✔', 'Zones |  | ●'));
    expect(besidesPlaceholders(dot).map((d) => [d.line, d.column, d.message.slice(0, 60)])).toEqual([
      [6, 14, 'Table 1 ("title"): it reads "●" as true, besides the usual m'],
    ]);
  });

  it('an axis name never takes a name of the runtime or of another axis', () => {
    const { config } = written(init(gfm('Locale | Start | Stop', 'Active |  | ✔')));
    expect(Object.keys(config.axes)).toEqual(['locales2', 'columns']);
    expect(config.axes.locales2).toEqual({ ids: ['Active'], noun: 'locale', type: 'Locale2', constant: 'LOCALES_2' });
  });

  const REFUSALS: [string, { text: string; code: string; at: [number, number] }][] = [
    ['no table', { text: '# Title\n\nJust prose.\n', code: 'init-no-table', at: [1, 1] }],
    ['a repeated row label', { text: gfm('State | Start | Stop', 'Active |  | ✔', 'Active | ✔ | '), code: 'init-label-duplicate', at: [6, 3] }],
    ['a repeated column label', { text: gfm('State | Start | Start', 'Active |  | ✔'), code: 'init-label-duplicate', at: [3, 19] }],
    ['two labels, one id', { text: gfm('Tier | Self-hosted | Self hosted', 'Basic | Yes | No'), code: 'init-id-collision', at: [3, 24] }],
    ['a row without a label', { text: gfm('State | Start | Stop', ' | ✔ | ✔', 'Active |  | ✔'), code: 'init-label-missing', at: [5, 2] }],
    ['a column without a label', { text: gfm('State | Start | ', 'Active |  | ✔'), code: 'init-label-missing', at: [3, 18] }],
    ['a bad spec id', { text: gfm('State | Start | Stop', 'Active |  | ✔'), code: 'path-unsafe', at: [1, 1] }],
  ];
  for (const [
    name,
    {
      text,
      code,
      at: [line, column],
    },
  ] of REFUSALS) {
    it(`refuses, writing nothing: ${name}`, () => {
      const result = init(text, name === 'a bad spec id' ? { specId: '../Demo' } : {});
      expect(result.writes).toEqual([]);
      expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.file, d.line, d.column])).toEqual([[code, 'new.md', line, column]]);
    });
  }

  it('refuses an unknown locale, a non-UTF-8 file and an empty one', () => {
    const bytes = (result: InitResult): string[] => codes(result);
    expect(bytes(init('x', { locale: 'xx-QQ' }))).toEqual(['locale-unknown']);
    expect(
      bytes(initArticle({ files: [], specId: 'demo', locale: 'en-US', input: { path: 'new.md', bytes: new Uint8Array([0xff, 0xfe, 0x41, 0x00]) } })),
    ).toEqual(['source-encoding']);
    expect(bytes(init(' \n'))).toEqual(['source-empty']);
  });

  it('run twice, it changes nothing; an article with other content is refused', () => {
    const text = gfm('State | Start | Stop', 'Active |  | ✔');
    const first = init(text);
    const files: ProjectFile[] = first.writes.map((write) => ({
      path: write.path,
      bytes: typeof write.content === 'string' ? encode(write.content) : write.content,
    }));
    const second = init(text, { files });
    expect(second).toEqual({
      writes: [],
      diagnostics: [],
      actions: ['sources/demo/ already holds this article as init writes it from new.md; nothing was changed.'],
    });
    const edited = init(gfm('State | Start | Stop', 'Active | ✔ | ✔'), { files });
    expect(edited.writes).toEqual([]);
    expect(codes(edited)).toEqual(['init-exists']);
    // A terms file (reviewed data) is never overwritten, even without a config.
    const termsOnly = init(text, { files: [{ path: 'sources/demo/terms/en-US.json', bytes: encode('{}') }] });
    expect([termsOnly.writes, codes(termsOnly)]).toEqual([[], ['init-exists']]);
    // The same source already in place is left as is.
    const inPlace = init(text, { files: [files[0]!] });
    expect(inPlace.writes.map((write) => write.path)).toEqual(['sources/demo/spec.config.json', 'sources/demo/terms/en-US.json']);
  });

  it('the written config and terms pass the schemas and the model checks', () => {
    const ajv = newAjv();
    const validateConfig = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema/config.schema.json'), 'utf8')) as object);
    const validateTerms = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema/terms.schema.json'), 'utf8')) as object);
    const documents = [
      ...[
        'sources/biztalk-services-state-chart/en-US.md',
        'sources/biztalk-services-state-chart/en-US.html-2016.md',
        'sources/biztalk-server-instance-states/en-US.md',
      ].map((path) => ({
        path,
        locale: 'en-US',
      })),
      ...fixtureNames().map((name) => {
        const request = JSON.parse(readFileSync(join(FIXTURES, name, 'init.json'), 'utf8')) as { input: string; locale: string };
        return { path: join('test/fixtures', name, request.input), locale: request.locale };
      }),
    ];
    let checked = 0;
    for (const { path, locale } of documents) {
      const result = initArticle({ files: [], specId: 'demo', locale, input: { path, bytes: readFileSync(join(REPO_ROOT, path)) } });
      if (result.writes.length === 0) continue;
      const { config, terms } = written(result);
      expect(validateConfig(config), `${path}: ${JSON.stringify(validateConfig.errors)}`).toBe(true);
      expect(validateTerms(terms), `${path}: ${JSON.stringify(validateTerms.errors)}`).toBe(true);
      const document = { locate: () => ({ file: 'spec.config.json', line: 1, column: 1 }) } as unknown as Parameters<typeof checkModel>[1];
      expect(checkModel(config, document), path).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(7);
  });

  it('any table: init never throws, and what it writes passes the schemas and the model checks (property)', () => {
    const ajv = newAjv();
    const validateConfig = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema/config.schema.json'), 'utf8')) as object);
    const validateTerms = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema/terms.schema.json'), 'utf8')) as object);
    const document = { locate: () => ({ file: 'spec.config.json', line: 1, column: 1 }) } as unknown as Parameters<typeof checkModel>[1];
    fc.assert(
      fc.property(articles(), (text) => {
        const result = init(text);
        if (result.diagnostics.some((d) => d.severity === 'error')) return result.writes.length === 0;
        const { config, terms } = written(result);
        if (!validateConfig(config)) throw new Error(`config: ${JSON.stringify(validateConfig.errors)}\n${text}`);
        if (!validateTerms(terms)) throw new Error(`terms: ${JSON.stringify(validateTerms.errors)}\n${text}`);
        const problems = checkModel(config, document);
        if (problems.length > 0) throw new Error(`model: ${problems.map((d) => d.message).join('; ')}\n${text}`);
        return result.diagnostics.every((d) => d.file === 'new.md' && d.line >= 1 && d.column >= 1);
      }),
      { numRuns: 300 },
    );
  });
});

/** Documents of one to three Markdown tables of labels, marks, words, markers and blanks, for property tests. */
function articles(): fc.Arbitrary<string> {
  const word = fc.constantFrom(
    ...['', '', '✔', 'x', 'Yes', 'No', '—', '●', 'Billed', 'Not billed*', 'Active', 'Stopped', 'Active; note', 'Race condition', 'Start'],
    ...['Self-hosted', 'Self hosted', 'Échec', '東京', '2FA', 'Locale', 'Partial', 'mark', 'constructor', 'A/B', 'Active/Stopped', 'Line<br/>break'],
    ...['Gateway<sup>1</sup>', 'Azure<sup>AD x 1</sup>', 'A long description of what this state means. It has sentences.', '**Bold**', 'Tables'],
    ...['StartFailed <br/> StopFailed', 'Virtual network <br/> injection', '✔<sup>2</sup>', 'Backup\\*', 'Suspended (resumable)', 'Operation'],
    ...['In Breakpoint', 'Stopped; after a while', 'Full', 'Partial', 'None'],
  );
  const markdownTable = fc.array(fc.array(word, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }).map((rows) => {
    const width = Math.max(...rows.map((row) => row.length));
    const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
    return [line(rows[0]!), line(Array.from({ length: width }, () => '---')), ...rows.slice(1).map(line)].join('\n');
  });
  return fc
    .array(fc.tuple(fc.constantFrom('', '## Features by tier\n\n', '## Operations\n\n'), markdownTable), { minLength: 1, maxLength: 3 })
    .map((tables) => `# Title\n\n${tables.map(([heading, body]) => `${heading}${body}\n`).join('\n')}`);
}

/** test/fixtures/init-* and feature-matrix (test/fixtures.test.ts runs them as goldens): init.json names the input. */
function fixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => existsSync(join(FIXTURES, name, 'init.json')))
    .sort();
}

describe('statespec init through the CLI', () => {
  /** A project folder with an empty sources/, removed after `use`. */
  async function withProject(use: (root: string, cli: (args: string[]) => { code: number; stdout: string; stderr: string }) => void): Promise<void> {
    const { mkdirSync, mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    // Loaded here, not at the top: the CLI loads the whole pipeline.
    const { runCli } = await import('./helpers/project.js');
    const root = mkdtempSync(join(tmpdir(), 'statespec-init-'));
    try {
      mkdirSync(join(root, 'sources'));
      use(root, (args) => runCli([...args, '--root', root]));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  const snapshot = (root: string): Record<string, string> =>
    Object.fromEntries(readProjectFiles(root).map((file) => [file.path, new TextDecoder().decode(file.bytes)]));

  const BUILDS: [string, { spec: string; input: string }][] = [
    ['a table of Yes/No words', { spec: 'feature-matrix', input: 'test/fixtures/feature-matrix/input/en-US.md' }],
    ['a table of check marks', { spec: 'service-operations', input: 'test/fixtures/init-check-marks/input/en-US.md' }],
    ['the services chart', { spec: 'services', input: 'sources/biztalk-services-state-chart/en-US.md' }],
    ['the services chart split over two HTML tables', { spec: 'services', input: 'sources/biztalk-services-state-chart/en-US.html-2016.md' }],
  ];
  for (const [name, { spec, input }] of BUILDS) {
    it(`${name}: builds right after init, and a second init changes nothing`, async () => {
      await withProject((root, cli) => {
        const started = cli(['init', '--spec', spec, '--locale', 'en-US', join(REPO_ROOT, input)]);
        expect([started.code, started.stderr]).toEqual([0, expect.stringContaining(`Wrote sources/${spec}/spec.config.json`)]);
        const built = cli(['build', '--no-cache']);
        expect(built.stdout, built.stderr).toMatch(/✔ 0 errors/);
        expect(built.code).toBe(0);
        expect(existsSync(join(root, 'generated', spec, 'spec.json'))).toBe(true);
        const before = snapshot(root);
        const again = cli(['init', '--spec', spec, '--locale', 'en-US', join(REPO_ROOT, input)]);
        expect([again.code, again.stderr]).toEqual([0, expect.stringContaining('nothing was changed')]);
        expect(snapshot(root)).toEqual(before);
      });
    });
  }

  it('a yes/no feature matrix in three languages goes in with init and locale add alone; a contradicting cell is an error at its line', async () => {
    await withProject((root, cli) => {
      const input = (locale: string) => join(REPO_ROOT, `test/fixtures/feature-matrix/input/${locale}.md`);
      expect(cli(['init', '--spec', 'tiers', '--locale', 'en-US', input('en-US')]).code).toBe(0);
      for (const locale of ['de-DE', 'pl-PL']) {
        const added = cli(['locale', 'add', '--spec', 'tiers', '--locale', locale, input(locale)]);
        expect(added.code, added.stderr).toBe(0);
      }
      const terms = JSON.parse(readFileSync(join(root, 'sources/tiers/terms/pl-PL.json'), 'utf8')) as { values: { mark: Record<string, unknown> } };
      // The words were learnt by position; the contradicting "Tak" and the English "Yes" are not spellings of a value.
      expect(terms.values.mark).toEqual({ true: 'Tak', false: 'Nie' });
      const polish = readFileSync(input('pl-PL'), 'utf8').split('\n');
      const lineOf = (text: string) => polish.findIndex((line) => line.includes(text)) + 1;
      const built = cli(['build', '--no-cache']);
      expect(built.code).toBe(1);
      expect(built.stdout).toMatch(/pl-PL\.md:\d+:\d+ error .* fact-mismatch/);
      const checked = cli(['check', '--no-cache', '--format', 'json']);
      expect(checked.code).toBe(1);
      const findings = (JSON.parse(checked.stdout) as { diagnostics: { code: string; severity: string; file: string; line: number }[] }).diagnostics;
      const errors = findings.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.code}`);
      expect(errors).toEqual([`sources/tiers/pl-PL.md:${lineOf('| Wstrzykiwanie do sieci wirtualnej')} fact-mismatch`]);
      expect(findings.filter((d) => d.code === 'value-untranslated').map((d) => `${d.file}:${d.line}`)).toEqual([
        `sources/tiers/pl-PL.md:${lineOf('| Yes |')}`,
      ]);
      expect(existsSync(join(root, 'generated'))).toBe(false);
    });
  });

  it('what init writes for any table compiles without errors (property)', async () => {
    // Loaded here, not at the top: the helpers load the whole pipeline.
    const { compileFiles } = await import('./helpers/project.js');
    fc.assert(
      fc.property(articles(), (text) => {
        const result = init(text);
        if (result.writes.length === 0) return true;
        const errors = compileFiles(Object.fromEntries(result.writes.map((write) => [write.path, write.content]))).diagnostics.filter(
          (d) => d.severity === 'error',
        );
        if (errors.length > 0) throw new Error(`${errors.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`).join('\n')}\n---\n${text}`);
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('refuses with a located error and writes nothing; wrong usage exits 2', async () => {
    await withProject((root, cli) => {
      const input = join(REPO_ROOT, 'test/fixtures/init-label-duplicate/input/en-US.md');
      const refused = cli(['init', '--spec', 'demo', '--locale', 'en-US', input]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain(`${input}:7:3 error "active" heads two rows of table 1`);
      expect(refused.stderr).toContain('nothing was written');
      expect(snapshot(root)).toEqual({});
      // An article that exists with other content is refused too.
      expect(cli(['init', '--spec', 'demo', '--locale', 'en-US', join(REPO_ROOT, 'test/fixtures/init-exists/input/en-US.md')]).code).toBe(0);
      const other = cli(['init', '--spec', 'demo', '--locale', 'en-US', join(REPO_ROOT, 'test/fixtures/init-check-marks/input/en-US.md')]);
      expect([other.code, other.stdout]).toEqual([1, expect.stringContaining('sources/demo/spec.config.json:1:1 error')]);
      expect(cli(['init', '--locale', 'en-US', input]).code).toBe(2);
      expect(cli(['init', '--spec', 'demo', '--locale', 'en-US', '--variant', 'x', input]).code).toBe(2);
      expect(cli(['init', '--spec', 'demo', '--locale', 'en-US', join(root, 'missing.md')]).code).toBe(2);
    });
  });
});
