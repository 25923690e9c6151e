import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { listFiles, TEMP_PREFIX } from '../src/cli/files.js';
import { writeAllOrNone } from '../src/cli/fix.js';
import { unifiedDiff } from '../src/fix/diff.js';
import { fixProject } from '../src/fix/fix.js';
import { REPAIRED_CODES } from '../src/fix/repairs.js';
import { ASSETS, compileFiles, compileRoot, FIXTURES, REPO_LAYOUT, REPO_ROOT, runCli, temporaryFolders, toProjectFiles } from './helpers/project.js';

const temporaryFolder = temporaryFolders('statespec-fix-');

/** A rename into the path this returns true for fails, as a full disk or a lost mount would make it: the only way to fail a write as root. */
const renameFails = vi.hoisted(() => ({ at: (_to: string): boolean => false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {
    ...actual,
    renameSync: (from: Parameters<typeof actual.renameSync>[0], to: Parameters<typeof actual.renameSync>[1]) => {
      if (renameFails.at(String(to)))
        throw Object.assign(new Error(`ENOSPC: no space left on device, rename '${String(from)}' -> '${String(to)}'`), { code: 'ENOSPC' });
      actual.renameSync(from, to);
    },
  };
});

const CONFIG = {
  id: 'mini',
  referenceLocale: 'en-US',
  axes: {
    states: { ids: ['Active', 'Stopped'], noun: 'state', type: 'State', constant: 'STATES' },
    operations: { ids: ['Start', 'Stop', 'Delete'], noun: 'operation', type: 'Operation', constant: 'OPERATIONS' },
  },
  vocabularies: { billing: ['Billed', 'NotBilled'] },
  tables: [
    { id: 'chart', position: 0, rows: 'states', columns: 'operations', cell: { type: 'mark' }, accessors: { check: 'canPerform' } },
    { id: 'billing', position: 1, rows: 'states', columns: [{ id: 'Billing', cell: { type: 'enum', vocabulary: 'billing' } }] },
  ],
};

const EN_TERMS = {
  locale: 'en-US',
  axes: { states: { Active: 'Active', Stopped: 'Stopped' }, operations: { Start: 'Start', Stop: 'Stop', Delete: 'Delete' } },
  values: { billing: { Billed: 'Billed', NotBilled: 'Not billed' } },
  tables: { chart: { corner: 'State' }, billing: { corner: 'State' } },
};

const DE_TERMS = {
  locale: 'de-DE',
  axes: {
    states: { Active: 'Aktiv', Stopped: 'Beendet' },
    operations: { Start: { label: 'Starten', mistranslations: ['Anfangen'] }, Stop: 'Stoppen', Delete: 'Löschen' },
  },
  values: { billing: { Billed: 'Abgerechnet', NotBilled: 'Nicht abgerechnet' } },
  tables: { chart: { corner: 'Zustand' }, billing: { corner: 'Zustand' } },
};

const EN = `# Mini

| State | Start | Stop | Delete |
| --- | --- | --- | --- |
| Active |  | ✔ | ✔ |
| Stopped | ✔ |  | ✔ |

| State | Billing |
| --- | --- |
| Active | Billed |
| Stopped | Not billed |
`;

const DE_CHART = `| Zustand | Starten | Stoppen | Löschen |
| --- | :---: | --- | --- |
| Aktiv |  | ✔ | ✔ |
| Beendet | ✔ |  | ✔ |`;

const DE_BILLING = `| Zustand | Abrechnung |
| --- | --- |
| Aktiv | Abgerechnet |
| Beendet | Nicht abgerechnet |`;

const DE_HTML_CHART = `<table>
<tr><th>Zustand</th><th>Starten</th><th>Stoppen</th><th>Löschen</th></tr>
<tr>
<td bgcolor="FAF9F9"><b>Aktiv</b></td>
<td> </td>
<td><center>✔</center></td>
<td><center>✔</center></td>
</tr>
<tr>
<td bgcolor="FAF9F9"><b>Beendet</b></td>
<td><center>✔</center></td>
<td> </td>
<td><center>✔</center></td>
</tr>
</table>`;

const de = (chart: string, billing = DE_BILLING): string => `# Mini\n\n${chart}\n\n${billing}\n`;

function project(deText: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'sources/mini/spec.config.json': JSON.stringify(CONFIG, null, 2),
    'sources/mini/terms/en-US.json': JSON.stringify(EN_TERMS, null, 2),
    'sources/mini/terms/de-DE.json': JSON.stringify(DE_TERMS, null, 2),
    'sources/mini/en-US.md': EN,
    'sources/mini/de-DE.md': deText,
    ...extra,
  };
}

const fix = (files: Record<string, string>, only?: string[], spec?: string) =>
  fixProject({ files: toProjectFiles(files), assets: ASSETS, layout: REPO_LAYOUT, ...(only ? { only } : {}), ...(spec === undefined ? {} : { spec }) });

/** The project written to a new folder; its root. */
function writeProject(files: Record<string, string>): string {
  const root = temporaryFolder();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Every file below root, path → content, temporary files included. */
function everyFile(root: string): Record<string, string> {
  const walk = (folder: string): string[] =>
    readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)],
    );
  return Object.fromEntries(walk('.').map((path) => [path, readFileSync(join(root, path), 'utf8')]));
}

/** The codes `check` reports for the project, by file. */
function codesOf(files: Record<string, string>, file = 'sources/mini/de-DE.md'): string[] {
  return compileFiles(files)
    .diagnostics.filter((d) => d.file === file && !d.suppressed)
    .map((d) => d.code);
}

describe('statespec fix: one repair per kind', () => {
  const cases: [string, { given: string; want: string; clears: string }][] = [
    [
      'GFM label-mistranslated: the header gets the reviewed term, the alignment row stays',
      { given: de(DE_CHART.replace('| Starten |', '| Anfangen |')), want: de(DE_CHART), clears: 'label-mistranslated' },
    ],
    [
      'GFM label-untranslated inside bold and before a footnote marker',
      {
        given: de(DE_CHART.replace('| Aktiv |', '| **Active**<sup>1</sup> |')),
        want: de(DE_CHART.replace('| Aktiv |', '| **Aktiv**<sup>1</sup> |')),
        clears: 'label-untranslated',
      },
    ],
    [
      'GFM label-untranslated inside a link',
      {
        given: de(DE_CHART.replace('| Beendet |', '| [Stopped](x.md) |')),
        want: de(DE_CHART.replace('| Beendet |', '| [Beendet](x.md) |')),
        clears: 'label-untranslated',
      },
    ],
    [
      'HTML label-untranslated: attributes and <b> stay, only the text changes',
      {
        given: de(DE_HTML_CHART.replace('<b>Aktiv</b>', '<b>Active</b>')),
        want: de(DE_HTML_CHART),
        clears: 'label-untranslated',
      },
    ],
    ['GFM mark-unusual: x becomes the reference mark', { given: de(DE_CHART.replaceAll('✔', 'x')), want: de(DE_CHART), clears: 'mark-unusual' }],
    [
      'HTML mark-unusual inside <center>',
      { given: de(DE_HTML_CHART.replaceAll('<center>✔</center>', '<center>√</center>')), want: de(DE_HTML_CHART), clears: 'mark-unusual' },
    ],
    [
      'GFM row-cell-count: the blank extra cell goes, the closing pipe stays',
      {
        given: de(DE_CHART.replace('| Beendet | ✔ |  | ✔ |', '| Beendet | ✔ |  | ✔ |  | ')),
        want: de(DE_CHART.replace('| Beendet | ✔ |  | ✔ |', '| Beendet | ✔ |  | ✔ | ')),
        clears: 'row-cell-count',
      },
    ],
    [
      'HTML row-cell-count: the extra cell goes with its line',
      {
        given: de(DE_HTML_CHART.replace('<td><center>✔</center></td>\n</tr>\n</table>', '<td><center>✔</center></td>\n<td> </td>\n</tr>\n</table>')),
        want: de(DE_HTML_CHART),
        clears: 'row-cell-count',
      },
    ],
    [
      'GFM fact-mismatch of a mark: a true cell the reference leaves blank is blanked, padding kept',
      { given: de(DE_CHART.replace('| Aktiv |  |', '| Aktiv | ✔ |')), want: de(DE_CHART), clears: 'fact-mismatch' },
    ],
    [
      'HTML fact-mismatch of a mark: a blank cell the reference marks gets the mark',
      {
        given: de(DE_HTML_CHART.replace('<td><center>✔</center></td>\n<td> </td>', '<td> </td>\n<td> </td>')),
        want: de(DE_HTML_CHART.replace('<td><center>✔</center></td>\n<td> </td>', '<td>✔</td>\n<td> </td>')),
        clears: 'fact-mismatch',
      },
    ],
    [
      'value-untranslated of an enum word',
      { given: de(DE_CHART, DE_BILLING.replace('| Abgerechnet |', '| Billed |')), want: de(DE_CHART), clears: 'value-untranslated' },
    ],
    [
      "fact-mismatch of an enum word: the locale's word for the reference value",
      {
        given: de(DE_CHART, DE_BILLING.replace('| Abgerechnet |', '| Nicht abgerechnet |')),
        want: de(DE_CHART, DE_BILLING.replace('| Abgerechnet |', '| Abgerechnet |')),
        clears: 'fact-mismatch',
      },
    ],
  ];
  for (const [name, { given, want, clears }] of cases) {
    it(name, () => {
      expect(codesOf(project(given))).toContain(clears);
      const result = fix(project(given));
      expect(result.diagnostics).toEqual([]);
      const fixed = result.files.find((file) => file.path === 'sources/mini/de-DE.md');
      expect(fixed?.after).toBe(want);
      expect(fixed?.repairs.map((repair) => repair.code)).toContain(clears);
      const after = project(fixed!.after);
      expect(codesOf(after).filter((code) => (REPAIRED_CODES as string[]).includes(code))).toEqual([]);
      expect(fix(after).files).toEqual([]);
    });
  }

  it('never changes the reference, even when it has the same defects', () => {
    const files = project(de(DE_CHART), {
      'sources/mini/en-US.md': `---\nms.date: 11/08/2016\n---\n${EN}`,
      'sources/mini/en-US.2014.md': `---\nms.date: 01/01/2014\n---\n${EN.replaceAll('✔', 'x')}`,
    });
    expect(codesOf(files, 'sources/mini/en-US.2014.md')).toContain('mark-unusual');
    const result = fix(files, ['sources/mini/en-US.2014.md', 'sources/mini/en-US.md']);
    expect(result.files).toEqual([]);
    expect(result.skipped.join('\n')).toMatch(/en-US\.2014\.md is a en-US source.*never changes the reference/);
    expect(fix(files).files.map((file) => file.path)).not.toContain('sources/mini/en-US.2014.md');
  });

  it('refuses, with no file at all, where the locale has no reviewed term; other fixable files are not written either', () => {
    const files = project(de(DE_CHART.replace('| Löschen |', '| Delete |').replace('| Starten |', '| Anfangen |')), {
      'sources/mini/terms/de-DE.json': JSON.stringify({
        ...DE_TERMS,
        axes: { ...DE_TERMS.axes, operations: { Start: DE_TERMS.axes.operations.Start, Stop: 'Stoppen' } },
      }),
    });
    const result = fix(files);
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['fix-undetermined', 3, 34]]);
    expect(result.diagnostics[0]!.message).toMatch(/no reviewed term for Delete.*add the term/);
  });

  it('refuses an extra cell that holds text, and a row label it cannot place', () => {
    const extra = fix(project(de(DE_CHART.replace('| Beendet | ✔ |  | ✔ |', '| Beendet | ✔ |  | ✔ | oops |'))));
    expect(extra.diagnostics.map((d) => d.message).join('\n')).toMatch(/extra cell holds text \("oops"\)/);
    const unknown = fix(project(de(DE_CHART.replace('| Beendet |', '| Gestoppt |').replaceAll('✔', 'x'))));
    expect(unknown.files).toEqual([]);
    expect(unknown.diagnostics.map((d) => d.message).join('\n')).toMatch(/cannot tell which row or column this label heads/);
  });

  it('property: a fixed translation has no repaired finding, states the reference facts, and fixing it again changes nothing', () => {
    const chart = [
      [false, true, true],
      [true, false, true],
    ];
    const rowLabels = [
      ['Aktiv', 'Active', '**Active**'],
      ['Beendet', 'Stopped', '[Stopped](x.md)'],
    ];
    const headers = [
      ['Starten', 'Anfangen', 'Start'],
      ['Stoppen', 'Stop'],
      ['Löschen', 'Delete'],
    ];
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.nat(2), { minLength: 2, maxLength: 2 }),
        fc.array(fc.nat(2), { minLength: 3, maxLength: 3 }),
        fc.array(fc.constantFrom('same', 'flip', 'x', '√'), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        (html, rowPick, headerPick, cellPick, extraCell) => {
          const header = headers.map((labels, index) => labels[headerPick[index]! % labels.length]!);
          const rows = chart.map((line, row) => ({
            label: rowLabels[row]![rowPick[row]!]!,
            cells: line.map((value, column) => {
              const pick = cellPick[row * 3 + column]!;
              const stated = pick === 'flip' ? !value : value;
              return stated ? (pick === 'x' || pick === '√' ? pick : '✔') : '';
            }),
          }));
          const text = html ? htmlChart(header, rows, extraCell) : gfmChart(header, rows, extraCell);
          const files = project(de(text));
          const result = fix(files);
          expect(result.diagnostics).toEqual([]);
          const fixedText = result.files.find((file) => file.path === 'sources/mini/de-DE.md')?.after ?? files['sources/mini/de-DE.md']!;
          const fixed = project(fixedText);
          const codes = codesOf(fixed);
          expect(codes.filter((code) => (REPAIRED_CODES as string[]).includes(code))).toEqual([]);
          expect(fix(fixed).files).toEqual([]);
          // Everything before and after the tables is byte for byte what it was.
          expect(fixedText.startsWith('# Mini\n\n')).toBe(true);
          expect(fixedText.endsWith(`\n\n${DE_BILLING}\n`)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

function gfmChart(header: string[], rows: { label: string; cells: string[] }[], extra: boolean): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(['Zustand', ...header]),
    '| --- | :---: | --- | --- |',
    ...rows.map((row, index) => `${line([row.label, ...row.cells])}${extra && index === 1 ? '  |' : ''}`),
  ].join('\n');
}

function htmlChart(header: string[], rows: { label: string; cells: string[] }[], extra: boolean): string {
  const label = (text: string) => text.replace(/^\*\*(.*)\*\*$/, '<b>$1</b>').replace(/^\[(.*)\]\((.*)\)$/, '<a href="$2">$1</a>');
  return [
    '<table>',
    `<tr><th>Zustand</th>${header.map((cell) => `<th>${cell}</th>`).join('')}</tr>`,
    ...rows.map(
      (row, index) =>
        `<tr>\n<td bgcolor="FAF9F9">${label(row.label)}</td>\n${row.cells.map((cell) => (cell === '' ? '<td> </td>' : `<td><center>${cell}</center></td>`)).join('\n')}${extra && index === 1 ? '\n<td></td>' : ''}\n</tr>`,
    ),
    '</table>',
  ].join('\n');
}

describe('statespec fix: what the review found', () => {
  it('--spec names a known article: an unknown id exits 2 and names the articles; the pure stage fixes nothing for it', () => {
    const files = project(de(DE_CHART.replace('| Starten |', '| Anfangen |')));
    const result = fix(files, undefined, 'nope');
    expect([result.files, result.specs]).toEqual([[], ['mini']]);
    expect(fix(files, undefined, 'mini').files.map((file) => file.path)).toEqual(['sources/mini/de-DE.md']);
    const root = writeProject(files);
    const cli = runCli(['fix', '--root', root, '--spec', 'nope']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/no article "nope"; the articles are "mini"/);
    expect(runCli(['fix', '--root', root, '--spec', 'mini']).code).toBe(1);
  });

  it('a FILE of another article than --spec exits 2', () => {
    const files = project(de(DE_CHART), {
      'sources/other/spec.config.json': JSON.stringify({ ...CONFIG, id: 'other' }, null, 2),
      'sources/other/terms/en-US.json': JSON.stringify(EN_TERMS, null, 2),
      'sources/other/en-US.md': EN,
    });
    expect(fix(files, ['sources/mini/de-DE.md'], 'other').unknown).toEqual(['sources/mini/de-DE.md']);
    expect(fix(files, ['sources/mini/de-DE.md'], 'mini').unknown).toEqual([]);
    const root = writeProject(files);
    const cli = runCli(['fix', '--root', root, '--spec', 'other', join(root, 'sources/mini/de-DE.md')]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/"sources\/mini\/de-DE\.md" is not a source of article "other"/);
  });

  it('--write writes every file or none: a rename that fails puts back the files already replaced, with no temporary file left', () => {
    const broken = de(DE_CHART.replace('| Starten |', '| Anfangen |'));
    const files = project(broken, {
      'sources/mini/terms/de-AT.json': JSON.stringify({ ...DE_TERMS, locale: 'de-AT' }, null, 2),
      'sources/mini/de-AT.md': broken,
    });
    const root = writeProject(files);
    const before = everyFile(root);
    renameFails.at = (to) => to.endsWith('de-DE.md');
    let cli: ReturnType<typeof runCli>;
    try {
      cli = runCli(['fix', '--write', '--root', root]);
    } finally {
      renameFails.at = () => false;
    }
    expect(everyFile(root)).toEqual(before);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/could not write sources\/mini\/de-DE\.md \(ENOSPC.*so it wrote nothing: every file is as it was/);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
    const written = runCli(['fix', '--write', '--root', root]);
    expect(written.code).toBe(0);
    expect(readFileSync(join(root, 'sources/mini/de-AT.md'), 'utf8')).toBe(de(DE_CHART));
    expect(readFileSync(join(root, 'sources/mini/de-DE.md'), 'utf8')).toBe(de(DE_CHART));
  });

  it('writeAllOrNone: a later target that cannot be written (a folder where the file is, a file where its folder is) leaves the earlier ones as they were', () => {
    for (const blocked of ['b/target.md', 'c/target.md']) {
      const root = temporaryFolder();
      mkdirSync(join(root, 'a'));
      writeFileSync(join(root, 'a/first.md'), 'old');
      mkdirSync(join(root, 'b/target.md'), { recursive: true });
      writeFileSync(join(root, 'c'), 'a file, not a folder');
      const before = everyFile(root);
      const failure = writeAllOrNone(
        root,
        [
          { path: 'a/first.md', content: 'new' },
          { path: blocked, content: 'new' },
        ],
        new Map([['a/first.md', new TextEncoder().encode('old')]]),
      );
      expect(failure).toMatchObject({ path: blocked, unrestored: [] });
      expect(everyFile(root)).toEqual(before);
      expect(Object.keys(everyFile(root)).some((path) => path.includes(TEMP_PREFIX))).toBe(false);
    }
  });

  it('a mark-unusual suppression keeps the mark in the table it names only; the same mark in another table is repaired', () => {
    const config = {
      ...CONFIG,
      tables: [...CONFIG.tables, { id: 'access', position: 2, rows: 'states', columns: 'operations', cell: { type: 'mark' } }],
      suppressions: [{ code: 'mark-unusual', file: 'de-DE.md', line: 5, reason: 'The chart keeps its x on purpose.' }],
    };
    const terms = (base: typeof DE_TERMS | typeof EN_TERMS) => ({ ...base, tables: { ...base.tables, access: { corner: base.tables.chart.corner } } });
    const enChart = EN.slice(EN.indexOf('| State | Start'), EN.indexOf('\n\n| State | Billing'));
    const files = project(`${de(DE_CHART.replaceAll('✔', 'x'))}\n${DE_CHART.replaceAll('✔', 'x')}\n`, {
      'sources/mini/spec.config.json': JSON.stringify(config, null, 2),
      'sources/mini/terms/en-US.json': JSON.stringify(terms(EN_TERMS), null, 2),
      'sources/mini/terms/de-DE.json': JSON.stringify(terms(DE_TERMS), null, 2),
      'sources/mini/en-US.md': `${EN}\n${enChart}\n`,
    });
    expect(
      compileFiles(files)
        .diagnostics.filter((d) => d.code === 'mark-unusual')
        .map((d) => [d.line, d.suppressed !== undefined]),
    ).toEqual([[5, true]]);
    const result = fix(files);
    expect(result.diagnostics).toEqual([]);
    expect(result.files.find((file) => file.path === 'sources/mini/de-DE.md')?.after).toBe(`${de(DE_CHART.replaceAll('✔', 'x'))}\n${DE_CHART}\n`);
  });

  it('a suppression moved by a repair earlier on its line lands on its finding, whatever the line endings (LF, CRLF, bare CR)', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const given = de(DE_CHART.replace('| Starten |', '| Anfangen |').replace('| Löschen |', '| Delete |')).replaceAll('\n', eol);
      const plain = project(given);
      const finding = compileFiles(plain).diagnostics.find((d) => d.code === 'label-untranslated' && d.file === 'sources/mini/de-DE.md')!;
      expect([finding.line, finding.column]).toEqual([3, 34]);
      const suppression = { code: 'label-untranslated', file: 'de-DE.md', line: 3, column: 34, reason: 'Delete stays English here.' };
      const files = { ...plain, 'sources/mini/spec.config.json': JSON.stringify({ ...CONFIG, suppressions: [suppression] }, null, 2) };
      const result = fix(files);
      expect(result.diagnostics).toEqual([]);
      const config = result.files.find((file) => file.path === 'sources/mini/spec.config.json');
      expect(JSON.parse(config!.after).suppressions).toEqual([{ ...suppression, column: 33 }]);
      expect(result.files.find((file) => file.path === 'sources/mini/de-DE.md')?.after).toBe(given.replace('| Anfangen |', '| Starten |'));
    }
  });

  it('a term is written escaped as the published docs escape it: GFM reads "&amp;" and "~…~" in a term back as written', () => {
    const terms = { ...DE_TERMS, axes: { ...DE_TERMS.axes, operations: { ...DE_TERMS.axes.operations, Delete: 'Löschen ~sofort~ &amp; weg' } } };
    const files = project(de(DE_CHART.replace('| Löschen |', '| Delete |')), { 'sources/mini/terms/de-DE.json': JSON.stringify(terms, null, 2) });
    const result = fix(files);
    expect(result.diagnostics).toEqual([]);
    const after = result.files.find((file) => file.path === 'sources/mini/de-DE.md')!.after;
    expect(after).toContain('| Löschen \\~sofort\\~ \\&amp; weg |');
    expect(fix(project(after, { 'sources/mini/terms/de-DE.json': JSON.stringify(terms, null, 2) })).files).toEqual([]);
  });
});

describe('unifiedDiff', () => {
  it('writes hunks that patch the old text into the new one', () => {
    const before = Array.from({ length: 30 }, (_, index) => `line ${index}`).join('\n');
    const after = before.replace('line 3\n', 'line three\n').replace('line 25', 'line 25\nadded');
    const diff = unifiedDiff('f.md', `${before}\n`, `${after}\n`);
    expect(diff).toBe(
      '--- a/f.md\n+++ b/f.md\n@@ -1,7 +1,7 @@\n line 0\n line 1\n line 2\n-line 3\n+line three\n line 4\n line 5\n line 6\n@@ -24,6 +24,7 @@\n line 23\n line 24\n line 25\n+added\n line 26\n line 27\n line 28\n',
    );
    expect(unifiedDiff('f.md', 'same\n', 'same\n')).toBe('');
  });
});

describe('statespec fix on the command line', () => {
  const copyRepo = (): string => {
    const root = temporaryFolder();
    cpSync(join(REPO_ROOT, 'sources'), join(root, 'sources'), { recursive: true });
    cpSync(join(REPO_ROOT, 'generated'), join(root, 'generated'), { recursive: true });
    cpSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
    return root;
  };
  const snapshot = (root: string): Record<string, string> =>
    Object.fromEntries(listFiles(root, 'sources').map((path) => [path, readFileSync(join(root, path), 'utf8')]));

  it('end to end on the real sources: the diff, then --write; check has none of the repaired findings (but in the reference) and build passes', () => {
    const root = copyRepo();
    const before = snapshot(root);
    const findings = (where: string) => compileRoot(where).diagnostics.filter((d) => !d.suppressed && (REPAIRED_CODES as string[]).includes(d.code));
    const referenceFiles = (path: string) => /\/en-US(\.[^/]*)?\.md$/.test(path);
    expect(findings(root).filter((d) => !referenceFiles(d.file)).length).toBeGreaterThan(100);

    const dry = runCli(['fix', '--root', root]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(/^--- a\/sources\//);
    expect(dry.stdout).toContain('+|**アクティブ**|');
    expect(snapshot(root)).toEqual(before);

    const written = runCli(['fix', '--write', '--root', root]);
    expect(written.code).toBe(0);
    const after = snapshot(root);
    for (const path of Object.keys(before).filter(referenceFiles)) expect(after[path]).toBe(before[path]);
    expect(findings(root).filter((d) => !referenceFiles(d.file))).toEqual([]);
    expect(compileRoot(root).diagnostics.filter((d) => d.code === 'suppression-unused')).toEqual([]);
    expect(runCli(['build', '--root', root, '--no-cache']).code).toBe(0);
    expect(runCli(['check', '--root', root, '--no-cache']).code).toBe(0);
    const again = runCli(['fix', '--root', root]);
    expect([again.code, again.stdout]).toEqual([0, '']);
  }, 120_000);

  it('FILE restricts the fix to that source; naming the reference skips it', () => {
    const root = copyRepo();
    const before = snapshot(root);
    const target = 'sources/vm-states-billing/fr-FR.md';
    const result = runCli(['fix', '--write', '--root', root, join(root, target), join(root, 'sources/vm-states-billing/en-US.md')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/skipped sources\/vm-states-billing\/en-US\.md is a en-US source/);
    const after = snapshot(root);
    const changed = Object.keys(before).filter((path) => before[path] !== after[path]);
    expect(changed).toEqual([target]);
    expect(after[target]).toContain('| Facturé |'.replace('| ', '').replace(' |', ''));
    expect(runCli(['fix', '--root', root, '--spec', 'vm-states-billing']).code).toBe(0);
    expect(runCli(['fix', '--root', root, join(root, 'nope.md')]).code).toBe(2);
  }, 60_000);

  it('a refusal writes nothing, with the place and what to do', () => {
    const root = temporaryFolder();
    cpSync(join(FIXTURES, 'fix-refused', 'sources'), join(root, 'sources'), { recursive: true });
    const extra = join(root, 'sources/mini/de-DE.md');
    writeFileSync(extra, readFileSync(extra, 'utf8'));
    const before = snapshot(root);
    const result = runCli(['fix', '--write', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/sources\/mini\/de-DE\.md:3:33 error .*no reviewed term for Delete/);
    expect(result.stderr).toMatch(/nothing was written/);
    expect(snapshot(root)).toEqual(before);
  });
});
