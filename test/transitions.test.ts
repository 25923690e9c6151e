import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as runtime from '../generated/biztalk-server-instance-states/index.js';
import { analyzeSource } from '../src/align/analyze.js';
import { cellKey } from '../src/align/tables.js';
import { mermaidLabel } from '../src/emit/escape.js';
import { loadProject } from '../src/load/project.js';
import { createValidators } from '../src/load/validators.js';
import { ASSETS, compileFiles, REPO_ROOT, repoSources, toProjectFiles } from './helpers/project.js';

const SPEC = 'biztalk-server-instance-states';
const DIR = `sources/${SPEC}`;

function analyses(files: Record<string, string>) {
  const input = loadProject(toProjectFiles(files), createValidators(ASSETS.schemas)).value.find((spec) => spec.id === SPEC);
  return Object.fromEntries(input!.sources.map((source) => [source.locale, analyzeSource(source, input!).value.tables]));
}

describe('the instance-states article', () => {
  it('the runtime agrees with the English reference on every cell of the "during" table', () => {
    const english = analyses(repoSources())['en-US']!;
    let filled = 0;
    for (const state of runtime.STATES) {
      for (const operation of runtime.OPERATIONS) {
        const cell = english.get('during')!.cells.get(cellKey(state, operation));
        expect(runtime.canPerform(state, operation), `${state} × ${operation}`).toBe(cell !== undefined);
        expect(runtime.nextState(state, operation), `${state} × ${operation}`).toBe(cell?.value ?? undefined);
        expect(runtime.lookup('during', state, operation), `${state} × ${operation}`).toBe(cell?.value ?? undefined);
        if (cell) filled++;
      }
    }
    expect(runtime.STATES.length * runtime.OPERATIONS.length).toBe(14 * 6);
    expect(filled).toBe(25);
    expect(runtime.nextState('SuspendedResumable', 'ResumeInBreakpoint')).toBe('InBreakpoint');
    expect(runtime.transition('PendingSuspend', 'Terminate')).toEqual({
      state: 'PendingSuspend',
      operation: 'Terminate',
      to: 'Terminated',
      note: 'will only work when instance is dehydrated',
    });
    expect(runtime.transition('PendingSuspend', 'Attach', 'zh')).toEqual({ state: 'PendingSuspend', operation: 'Attach', note: '争用条件' });
    expect(runtime.transition('Scheduled', 'Resume')).toBeUndefined();
  });

  it('describes states in each locale and throws a localized OperationNotAllowedError', () => {
    expect(runtime.describe('Active')).toBe('Running service instance.');
    expect(runtime.describe('Active', 'zh-CN')).toBe('运行服务实例。');
    expect(runtime.describe('PendingTerminate', 'en')).toMatch(/^A status, not an independent state\./);
    expect(runtime.describe('Scheduled')).toBeUndefined();
    expect(() => runtime.assertCanPerform('Active', 'Terminate')).not.toThrow();
    expect(() => runtime.assertCanPerform('Scheduled', 'Resume', 'en-GB')).toThrow(runtime.OperationNotAllowedError);
    expect(runtime.isState('Active')).toBe(true);
    expect(runtime.isState('Started')).toBe(false);
    expect(runtime.canPerform('nope' as runtime.State, 'Terminate')).toBe(false);
  });

  it('the zh-CN seed aligns to the same ids, cell by cell', () => {
    const { 'en-US': english, 'zh-CN': chinese } = analyses(repoSources());
    expect([...chinese!.get('during')!.cells.keys()].sort()).toEqual([...english!.get('during')!.cells.keys()].sort());
    for (const table of ['during', 'beforeAfter']) {
      for (const [key, cell] of english!.get(table)!.cells) expect(chinese!.get(table)!.cells.get(key)!.value, key).toEqual(cell.value);
    }
    for (const group of ['instance', 'tracked', 'message']) {
      expect([...chinese!.get(group)!.rows.keys()]).toEqual([...english!.get(group)!.rows.keys()]);
    }
  });

  it.each([
    ['a different resulting state', '|**在职**|终止|挂起|||||', '|**在职**|终止|冻结|||||'],
    ['a filled cell left empty', '|**冻结**|终止|挂起|||||', '|**冻结**|终止||||||'],
    ['an empty cell filled', '|**已计划**|终止|挂起|||||', '|**已计划**|终止|挂起|在职||||'],
    ['a different operation in "before and after"', '|**已准备好运行**||||挂起|终止|||', '|**已准备好运行**||||恢复|终止|||'],
  ])('a zh-CN cell stating %s is an error at its line', (_, before, after) => {
    const files = repoSources();
    const path = `${DIR}/zh-CN.md`;
    const text = files[path]!;
    expect(text).toContain(before);
    const line = text.slice(0, text.indexOf(before)).split('\n').length;
    const result = compileFiles({ ...files, [path]: text.replace(before, after) });
    const errors = result.diagnostics.filter((d) => d.severity === 'error' && !d.suppressed).map((d) => `${d.file}:${d.line} ${d.code}`);
    expect(errors).toEqual([`${path}:${line} fact-mismatch`]);
  });

  it('reports the real disagreements between the English transition tables, naming both cells', () => {
    const findings = compileFiles(repoSources())
      .diagnostics.filter((d) => d.code === 'tables-disagree')
      .map((d) => `${d.line}:${d.column} → ${d.related![0]!.line}:${d.related![0]!.column} ${d.severity}`);
    expect(findings).toEqual([
      '110:20 → 92:87 warning', // In Breakpoint × Terminate: "during" says Terminated, "before and after" puts it under Pending terminate
      '110:31 → 92:97 warning', // In Breakpoint × Suspend
      '113:16 → 95:2 warning', // Scheduled × Terminate: not named in the Scheduled row
      '113:27 → 95:2 warning', // Scheduled × Suspend
      '114:13 → 96:38 warning', // Active × Terminate
      '114:24 → 96:48 warning', // Active × Suspend
      '120:24 → 102:2 warning', // Pending terminate × Terminate
    ]);
    const undescribed = compileFiles(repoSources())
      .diagnostics.filter((d) => d.code === 'row-undescribed')
      .map((d) => d.message.split(' ')[0]);
    expect(undescribed).toEqual([
      'CompletedWithDiscardedMessages',
      'Suspended',
      'Terminated',
      'InBreakpointDehydrated',
      'Scheduled',
      'TerminatedWithUnconsumedMessages',
    ]);
  });

  it('finds nothing for non-strings, inherited names or a polluted Object.prototype', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.Pwn = 'Terminated';
    try {
      for (const [state, operation] of [
        ['InBreakpoint', 'Pwn'],
        ['Pwn', 'Terminate'],
        ['__proto__', 'toString'],
        ['constructor', 'Terminate'],
        [['InBreakpoint'], 'Terminate'],
        [{ toString: () => 'InBreakpoint' }, 'Terminate'],
      ] as [unknown, unknown][]) {
        expect(runtime.canPerform(state as runtime.State, operation as runtime.Operation), String(state)).toBe(false);
        expect(runtime.nextState(state as runtime.State, operation as runtime.Operation)).toBeUndefined();
      }
      expect(runtime.nextState('InBreakpoint', 'Terminate')).toBe('Terminated');
    } finally {
      delete prototype.Pwn;
    }
  });

  it('is importable from plain Node ESM as statespec/biztalk-server-instance-states', () => {
    const script = `import { nextState, describe } from 'statespec/biztalk-server-instance-states';
      console.log(JSON.stringify([nextState('Active', 'Suspend'), describe('Dehydrated', 'zh-CN')]));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(['Suspended', '实例状态保持在 MessageBox 数据库，并且没有任何 Windows 服务正在运行该实例。']);
  });
});

describe('mermaidLabel', () => {
  it.each([
    ['Ready to run', 'Ready to run'],
    ['a: b', 'a#58; b'],
    ['x --> y', 'x #45;#45;#62; y'],
    ['"quoted" [b] {c} ;%%', '#34;quoted#34; #91;b#93; #123;c#125; #59;#37;#37;'],
    ['two\nlines', 'two lines'],
    ['bidi\u202Eevil', 'bidi#8238;evil'],
    ['在断点处 （冻结）', '在断点处 #65288;冻结#65289;'],
  ])('%j → %j', (given, want) => {
    expect(mermaidLabel(given)).toBe(want);
  });
});
