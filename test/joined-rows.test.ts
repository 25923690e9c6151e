import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/align/analyze.js';
import { type JoinedLabel, splitJoinedLabel, splitRowLabel, vocabulary } from '../src/align/labels.js';
import { cellKey } from '../src/align/tables.js';
import { loadProject } from '../src/load/project.js';
import type { SpecInput, TermEntry } from '../src/load/types.js';
import { createValidators } from '../src/load/validators.js';
import { ASSETS, compileFiles, compileRoot, REPO_ROOT, repoSources, runCli, temporaryFolders, toProjectFiles } from './helpers/project.js';

const CHART = 'sources/biztalk-services-state-chart';

describe('splitJoinedLabel', () => {
  const states = (terms: Record<string, TermEntry>) =>
    vocabulary({ noun: 'state', header: 'row', extraCode: 'row-extra', pointer: '/axes/states', order: Object.keys(terms), terms });
  const chart = states({
    Active: 'Active',
    StartFailed: 'StartFailed',
    StopFailed: { label: 'StopFailed', variants: ['Stop failed'] },
    ServiceUpdateFailed: 'Service Update Failed',
  });
  // Labels whose words are other labels: "Service Update Failed" is also Service + Update Failed, or Service + Update + Failed.
  const tricky = states({
    ServiceUpdateFailed: 'Service Update Failed',
    Service: 'Service',
    Update: 'Update',
    Failed: 'Failed',
    UpdateFailed: 'Update Failed',
    Red: 'Red',
    RedGreen: 'Red Green',
    GreenBlue: 'Green Blue',
    Blue: 'Blue',
  });
  it.each([
    ['joined known labels are split', chart, 'StartFailed StopFailed', ['StartFailed', 'StopFailed']],
    ['over several lines, in any case and width', chart, 'startfailed\n  ＳｔｏｐFailed\nActive', ['startfailed', 'ＳｔｏｐFailed', 'Active']],
    ['labels of several words', chart, 'Service Update Failed StartFailed Stop failed', ['Service Update Failed', 'StartFailed', 'Stop failed']],
    ['a partial match stays one (unknown) label', chart, 'StartFailed StopFailed Paused', ['StartFailed StopFailed Paused']],
    ['words no label starts with stay one label', chart, 'Paused Resumed', ['Paused Resumed']],
    ['two segmentations stay one label', tricky, 'Red Green Blue', ['Red Green Blue']],
    ['so do labels of several words that other labels also cover', tricky, 'Service Update Failed Blue', ['Service Update Failed Blue']],
    ['a single label is unaffected', chart, 'StartFailed', ['StartFailed']],
    ['a known label made of the words of others is kept whole', tricky, 'Service Update Failed', ['Service Update Failed']],
    ['so is one whose words are two labels', tricky, 'Update Failed', ['Update Failed']],
  ])('%s', (_, known, written, expected) => {
    expect(splitJoinedLabel(written, known)).toEqual(expected);
  });

  it('splitRowLabel splits the parts between <br>s and says which parts were joined', () => {
    const joined: JoinedLabel[] = [];
    expect(splitRowLabel('StartFailed StopFailed\nActive', chart, /\n/, (found) => joined.push(found))).toEqual(['StartFailed', 'StopFailed', 'Active']);
    expect(joined).toEqual([{ written: 'StartFailed StopFailed', labels: ['StartFailed', 'StopFailed'] }]);
    expect(splitRowLabel('Service Update\nFailed', chart, /\n/, (found) => joined.push(found))).toEqual(['Service Update Failed']);
    expect(splitRowLabel('Red Green Blue', tricky, /\n/, (found) => joined.push(found))).toEqual(['Red Green Blue']);
    expect(joined).toHaveLength(1);
  });
});

/** The chart's grouped row labels with their <br>s taken out: on one line in a GFM cell, over source lines in an HTML cell. */
function joinRows(markdown: string): string {
  const gfm = markdown.replace(/^(\|[^|\n]*)/gm, (cell) => (/Failed\s*<br/.test(cell) ? cell.replace(/\s*<br\s*\/?>\s*/g, ' ') : cell));
  return gfm.replace(/<td([^>]*)><b>([\s\S]*?)<\/b><\/td>/g, (cell, attributes: string, label: string) =>
    /Failed<br/.test(label) ? `<td${attributes}><b>${label.replace(/<br\s*\/?>/g, '')}</b></td>` : cell,
  );
}

function chartFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(repoSources()).filter(([path]) => path.startsWith(`${CHART}/`)));
}

function chartInput(files: Record<string, string>): SpecInput {
  const loaded = loadProject(toProjectFiles(files), createValidators(ASSETS.schemas, ASSETS.validators));
  return loaded.value.find((spec) => spec.id === 'biztalk-services-state-chart')!;
}

function facts(path: string, spec: SpecInput): Map<string, unknown> {
  const source = spec.sources.find((candidate) => candidate.path === path)!;
  const chart = analyzeSource(source, spec).value.tables.get('chart')!;
  return new Map([...chart.cells.values()].map((cell) => [cellKey(cell.row, cell.column), cell.value]));
}

describe('a real chart whose grouped rows lost their <br>s', () => {
  for (const [locale, form] of [
    ['es-ES', 'GFM'],
    ['fi-FI', 'HTML'],
  ] as const) {
    it(`${locale} (${form}) compiles as another version, with a warning at each joined cell and the same facts`, () => {
      const files = chartFiles();
      const original = files[`${CHART}/${locale}.md`]!;
      const joined = joinRows(original);
      expect(joined).not.toBe(original);
      expect(joined).not.toMatch(/Failed\s*<br/);
      const copy = `${CHART}/${locale}.joined.md`;
      files[copy] = joined;
      const result = compileFiles(files);
      const mine = result.diagnostics.filter((d) => d.file === copy);
      expect(mine.filter((d) => d.severity === 'error')).toEqual([]);
      const warnings = mine.filter((d) => d.code === 'row-labels-joined');
      // StartFailed StopFailed RestartFailed, SuspendedFailed ResumeFailed, CreatedFailed RestoreFailed, in each table of the chart.
      const groups = original.split('\n').filter((line) => /Failed\s*<br/.test(line) && !/^\s*(StopFailed|ResumeFailed|RestoreFailed)/.test(line)).length;
      expect(warnings).toHaveLength(groups);
      expect(groups).toBeGreaterThanOrEqual(3);
      for (const warning of warnings) {
        expect(warning.severity).toBe('warning');
        expect(warning.message).toMatch(/^"[A-Za-z]+Failed( [A-Za-z]+Failed)+" is [23] state labels .* Put <br> between the labels/);
        // At the label cell.
        expect(joined.split('\n')[warning.line - 1]!.slice(warning.column - 1)).toMatch(/^(\| )?(<td[^>]*><b>)?[A-Za-z]+Failed(\s|$)/);
      }
      // The same findings otherwise (columns may shift on a shortened GFM line), and the same facts.
      const others = (path: string): string[] =>
        result.diagnostics
          .filter((d) => d.file === path && d.code !== 'row-labels-joined')
          .map((d) => `${d.code} ${d.line}`)
          .sort();
      expect(others(copy)).toEqual(others(`${CHART}/${locale}.md`));
      const spec = chartInput(files);
      const stated = facts(copy, spec);
      expect(stated.size).toBeGreaterThan(0);
      expect(stated).toEqual(facts(`${CHART}/${locale}.md`, spec));
    });
  }

  const temporary = temporaryFolders('statespec-joined-');

  it('locale add of the copy under a new tag aligns and drafts terms for every grouped state', () => {
    const root = temporary();
    for (const entry of ['sources', 'package.json']) cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true });
    const input = join(root, 'es-MX.md');
    writeFileSync(input, joinRows(readFileSync(join(REPO_ROOT, CHART, 'es-ES.md'), 'utf8')));
    const added = runCli(['locale', 'add', '--root', root, '--spec', 'biztalk-services-state-chart', '--locale', 'es-MX', input]);
    expect(added.stderr).not.toMatch(/locale-unaligned/);
    if (added.code !== 0) throw new Error(added.stderr + added.stdout);
    expect(added.code).toBe(0);
    expect(existsSync(join(root, CHART, 'es-MX.md'))).toBe(true);
    const terms = JSON.parse(readFileSync(join(root, CHART, 'terms/es-MX.json'), 'utf8')) as { axes: { states: Record<string, unknown> } };
    for (const id of ['StartFailed', 'StopFailed', 'RestartFailed', 'SuspendedFailed', 'ResumeFailed', 'CreatedFailed', 'RestoreFailed'])
      expect(JSON.stringify(terms.axes.states[id])).toContain(id);
    expect(Object.keys(terms.axes.states)).toHaveLength(16);
    // Built with its drafted terms, the copy reads every grouped row, each joined cell a warning.
    const built = compileRoot(root).diagnostics.filter((d) => d.file === `${CHART}/es-MX.md`);
    expect(built.filter((d) => d.code === 'row-labels-joined').map((d) => d.line)).toHaveLength(3);
    expect(built.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
