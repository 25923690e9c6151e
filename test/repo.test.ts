import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as runtime from '../generated/biztalk-services-state-chart/index.js';
import { analyzeSource } from '../src/align/analyze.js';
import { cellKey } from '../src/align/tables.js';
import { isBlocking } from '../src/diagnostics/diagnostic.js';
import { loadProject } from '../src/load/project.js';
import { createValidators } from '../src/load/validators.js';
import { ASSETS, compileFiles, REPO_ROOT, repoSources, toProjectFiles } from './helpers/project.js';

const SPEC = 'biztalk-services-state-chart';
const DIR = `sources/${SPEC}`;
const REFERENCE = `${DIR}/en-US.md`;

function analyses(files: Record<string, string>) {
  const [input] = loadProject(toProjectFiles(files), createValidators(ASSETS.schemas)).value.filter((spec) => spec.id === SPEC);
  return input!.sources.map((source) => analyzeSource(source, input!).value);
}

/** The chart's cells as one source states them. */
function chartCells(analysis: ReturnType<typeof analyses>[number]) {
  return analysis.tables.get('chart')!.cells;
}

describe('the repo itself', () => {
  it('passes `statespec check` (sources consistent, generated/ up to date)', () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/statespec.js'), 'check', '--root', REPO_ROOT, '--format', 'json'], {
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as { summary: { errors: number } };
    expect(report.summary.errors).toBe(0);
    expect(run.status).toBe(0);
  });

  it('reports both known defects of the seeds where they are', () => {
    const diagnostics = compileFiles(repoSources()).diagnostics.filter((d) => d.spec === SPEC);
    const found = diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);
    // The 2014 ko-KR page heads the Start column "여기에서" ("from here"); the reviewed terms record that mistake.
    expect(found).toContain(`${DIR}/ko-KR.md:29:9 label-mistranslated`);
    expect(diagnostics.find((d) => d.file === `${DIR}/ko-KR.md` && d.code === 'label-mistranslated')!.message).toMatch(/read as Start.*"시작"/);
    // The 2016 en-US ScaleFailed row has an eleventh cell.
    expect(found).toContain(`${DIR}/en-US.md:47:43 row-cell-count`);
    expect(diagnostics.filter(isBlocking)).toEqual([]);
  });

  it('a UTF-8 BOM and CRLF line endings change no fact and no position', () => {
    const files = repoSources();
    const crlf = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, path.endsWith('.md') ? `\uFEFF${text.replace(/\n/g, '\r\n')}` : text]));
    const where = (result: ReturnType<typeof compileFiles>) => result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);
    const plain = compileFiles(files);
    const converted = compileFiles(crlf);
    expect(where(converted)).toEqual(where(plain));
    expect(converted.specs).toEqual(plain.specs.map((spec, index) => ({ ...spec, sources: converted.specs[index]!.sources })));
    expect(converted.outputs.filter((o) => !o.path.endsWith('spec.json'))).toEqual(plain.outputs.filter((o) => !o.path.endsWith('spec.json')));
  });

  it('the runtime agrees with every source of the chart, in every locale, on all 144 state × operation pairs', () => {
    const seeds = analyses(repoSources());
    expect(seeds.length).toBe(22);
    expect(runtime.STATES.length * runtime.OPERATIONS.length).toBe(144);
    for (const seed of seeds) {
      for (const state of runtime.STATES) {
        for (const operation of runtime.OPERATIONS) {
          const fact = chartCells(seed).get(cellKey(state, operation));
          expect(fact, `${seed.source.name}: ${state} × ${operation}`).toBeDefined();
          expect(runtime.canPerform(state, operation), `${seed.source.name}: ${state} × ${operation}`).toBe(fact!.value);
          expect(runtime.lookup('chart', state, operation), `${seed.source.name}: ${state} × ${operation}`).toBe(fact!.value);
        }
      }
    }
  });

  it('flipping a single mark in a translation is an error at that file and line; in an older English version, it is outdated at that cell', () => {
    const files = repoSources();
    // Each flip compiles the chart's config, terms and reference with the one flipped source: the other sources cannot matter.
    const projectFor = (path: string): Record<string, string> =>
      Object.fromEntries(
        Object.entries(files).filter(([name]) => name.startsWith(`${DIR}/`) && (!name.endsWith('.md') || name === REFERENCE || name === path)),
      );
    const seeds = ['en-US.2014.md', 'ko-KR.md', 'zh-TW.md'].map((name) => `${DIR}/${name}`);
    const sources = analyses(files).filter((analysis) => analysis.source.path !== REFERENCE);
    let flips = 0;
    for (const source of sources) {
      const text = files[source.source.path]!;
      const cells = [...new Map([...chartCells(source).values()].map((fact) => [fact.cell, fact.value === true]))];
      // Every cell of the three seeds; every 7th cell (a different offset per file) of the rest of the corpus.
      const chosen = seeds.includes(source.source.path) ? cells : cells.filter((_, index) => index % 7 === flips % 7);
      for (const [cell, allowed] of chosen) {
        const [start, end] = cell.range;
        const markup = text.slice(start, end);
        const flipped = markup.startsWith('<')
          ? markup.replace(/^(<t[dh][^>]*>)[\s\S]*(<\/t[dh]>)$/i, `$1${allowed ? ' ' : '√'}$2`)
          : // The last cell's range includes the closing pipe; keep it, or GFM drops the emptied cell.
            `| ${allowed ? ' ' : '✔'} ${markup.trimEnd().length > 1 && markup.trimEnd().endsWith('|') ? '|' : ''}`;
        expect(flipped).not.toBe(markup);
        const result = compileFiles({ ...projectFor(source.source.path), [source.source.path]: text.slice(0, start) + flipped + text.slice(end) });
        const errors = result.diagnostics.filter((d) => d.code === 'fact-mismatch' && d.severity === 'error');
        if (source.source.locale === 'en-US') {
          // An older version of the reference is its own base: the flipped fact makes it outdated, named at the cell, not a mismatch.
          expect(errors).toEqual([]);
          const outdated = result.diagnostics.filter((d) => d.code === 'translation-outdated' && d.file === source.source.path);
          expect(
            outdated.flatMap((d) => d.related ?? []).map((r) => `${r.file}:${r.line}`),
            `${source.source.name} ${start}`,
          ).toContain(`${source.source.path}:${cell.location.line}`);
        } else {
          expect(
            errors.map((d) => `${d.file}:${d.line}`),
            `${source.source.name} ${start}`,
          ).toContain(`${source.source.path}:${cell.location.line}`);
          expect(result.outputs).toEqual([]);
        }
        flips++;
      }
    }
    // The three seeds have 12 rows × 9 operations of cells each (grouped rows share one cell); the corpus adds a sample of each file.
    expect(flips).toBeGreaterThan(3 * 12 * 9 + 18 * 12);
  });

  it('each generated chart, parsed back as a source, states the same facts, labels and message', () => {
    const original = compileFiles(repoSources());
    const spec = original.specs.find((candidate) => candidate.id === SPEC)!;
    const files: Record<string, string> = {};
    for (const [path, content] of Object.entries(repoSources())) {
      if (path.startsWith(`${DIR}/`) && !path.endsWith('.md')) files[path] = content;
    }
    for (const output of original.outputs) {
      const docs = /^generated\/docs\/([^/]+)\/biztalk-services-state-chart\.md$/.exec(output.path);
      if (docs) files[`${DIR}/${docs[1]}.md`] = output.content;
    }
    const roundTrip = compileFiles(files);
    expect(roundTrip.diagnostics.filter((d) => !d.suppressed)).toEqual([]);
    const again = roundTrip.specs[0]!;
    // A one-table article's docs print no section heading over the chart; everything else comes back.
    const withoutHeadings = (tables: typeof spec.tables) => tables.map(({ heading: _, ...table }) => table);
    expect(withoutHeadings(again.tables)).toEqual(withoutHeadings(spec.tables));
    expect(again.axes).toEqual(spec.axes);
    expect(again.messages).toEqual(spec.messages);
    expect(again.title).toEqual(spec.title);
  });
});

describe('the generated runtime', () => {
  it('type-checks under strict settings, and a wrong state or operation name does not compile', () => {
    const program = ts.createProgram([join(REPO_ROOT, 'test/types/runtime-usage.ts')], {
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: [],
    });
    const messages = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(messages).toEqual([]);
  });

  it('answers like the spec and localizes its error with BCP 47 fallback', () => {
    expect(runtime.canPerform('Active', 'Stop')).toBe(true);
    expect(runtime.canPerform('Active', 'Start')).toBe(false);
    expect(runtime.allowedOperations('ScaleFailed')).toEqual(['Delete', 'Scale']);
    const cases: [string | undefined, string, string][] = [
      [undefined, 'en-US', 'Operation not allowed'],
      ['ko', 'ko-KR', '작업 허용 안 됨'],
      ['zh-tw', 'zh-TW', '不允許此作業'],
      ['zh-Hant-TW', 'zh-TW', '不允許此作業'],
      ['en-GB', 'en-US', 'Operation not allowed'],
      ['en-CA', 'en-CA', 'Operation not allowed'],
      ['fr-CA', 'fr-FR', 'Opération non autorisée'],
      ['de', 'de-DE', 'Vorgang nicht zulässig'],
      ['nl-NL', 'en-US', 'Operation not allowed'],
    ];
    for (const [requested, locale, message] of cases) {
      let thrown: unknown;
      try {
        runtime.assertCanPerform('Active', 'Resume', requested);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(runtime.OperationNotAllowedError);
      expect(thrown).toMatchObject({ state: 'Active', operation: 'Resume', locale, message, name: 'OperationNotAllowedError' });
    }
    expect(() => runtime.assertCanPerform('Stopped', 'Start')).not.toThrow();
  });

  it('guards untrusted strings', () => {
    for (const value of ['Active', 'Stop']) expect(runtime.isState(value) || runtime.isOperation(value)).toBe(true);
    for (const value of ['active', '__proto__', 'toString', '', 42, null, undefined]) {
      expect(runtime.isState(value)).toBe(false);
      expect(runtime.isOperation(value)).toBe(false);
    }
    expect(runtime.canPerform('__proto__' as runtime.State, 'Stop')).toBe(false);
    // Values an untyped caller might pass: coercible objects, arrays, a throwing toString.
    const hostile: unknown[] = [
      ['Active'],
      { toString: () => 'Active' },
      {
        toString: () => {
          throw new Error('boom');
        },
      },
      1,
      Symbol('Active'),
    ];
    for (const value of hostile) {
      expect(runtime.canPerform(value as runtime.State, 'Stop')).toBe(false);
      expect(runtime.canPerform('Active', value as runtime.Operation)).toBe(false);
    }
    expect(runtime.allowedOperations('nope' as runtime.State)).toEqual([]);
  });

  it('a polluted Object.prototype allows nothing', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.Evil = 0xffff;
    prototype.Pwn = 1;
    try {
      expect(runtime.canPerform('Evil' as runtime.State, 'Stop')).toBe(false);
      expect(runtime.canPerform('Active', 'Pwn' as runtime.Operation)).toBe(false);
      expect(runtime.allowedOperations('Evil' as runtime.State)).toEqual([]);
      expect(runtime.isState('Evil')).toBe(false);
    } finally {
      delete prototype.Evil;
      delete prototype.Pwn;
    }
  });

  it('is importable from plain Node ESM as statespec/biztalk-services-state-chart', () => {
    const script = `import { canPerform, STATES, LOCALES } from 'statespec/biztalk-services-state-chart';
      console.log(JSON.stringify([canPerform('Stopped', 'Start'), STATES.length, LOCALES]));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([
      true,
      16,
      ['cs-CZ', 'de-DE', 'en-CA', 'en-US', 'es-ES', 'et-EE', 'fi-FI', 'fr-FR', 'hu-HU', 'it-IT', 'ja-JP', 'ko-KR', 'pt-BR', 'ru-RU', 'zh-CN', 'zh-TW'],
    ]);
  });
});
