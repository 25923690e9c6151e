import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as vm from '../generated/vm-states-billing/index.js';
import { compileFiles, REPO_ROOT, repoSources, runCli, temporaryFolders } from './helpers/project.js';

// The VM article's 2021-08 revision: four provisioning rows named as operations (Create, Update, Delete, Deallocate) and
// two more columns (power state, billing) in both provisioning tables. en-US.md is the current revision.
const SPEC = 'vm-states-billing';
const VM = `sources/${SPEC}`;
const CONFIG = `${VM}/spec.config.json`;
const OLDER = ['en-US.2021-08.md', 'zh-CN.2021-08.md', 'es-ES.2021-08.md'];
const FILES = repoSources();
const result = compileFiles(FILES);
const about = (name: string) => result.diagnostics.filter((d) => d.file === `${VM}/${name}`);
const sourceHealth = (name: string) =>
  result.health.articles
    .find((article) => article.id === SPEC)!
    .locales.flatMap((locale) => locale.sources)
    .find((source) => source.path === `${VM}/${name}`)!;

describe('the VM article with both revisions', () => {
  it.each(OLDER)('%s is outdated once, with the 14 real differences, and has no fact-mismatch', (name) => {
    const findings = about(name);
    expect(findings.map((d) => d.code)).toEqual(['translation-outdated']);
    const outdated = findings[0]!;
    expect(outdated.message).toContain('14 fact(s) changed since');
    const places = outdated.related!.map((r) => `${r.file.split('/').pop()}:${r.line} ${r.message}`);
    // Six rows added, four retired rows and two retired columns in each provisioning table removed: 14, each at its line.
    expect(places.filter((place) => place.startsWith('en-US.md:') && place.endsWith('In the current revision.'))).toHaveLength(6);
    expect(places.filter((place) => place.startsWith('en-US.2021-08.md:') && place.endsWith('In the older revision.'))).toHaveLength(8);
    expect(sourceHealth(name).basedOn).toMatchObject({ path: `${VM}/en-US.2021-08.md`, outdated: 14 });
  });

  it('the translations were made from 2021-08 and are checked against it; the current translations against en-US.md', () => {
    for (const name of ['zh-CN.2021-08.md', 'es-ES.2021-08.md'])
      expect(sourceHealth(name).basedOn?.reason).toBe('the reference version its tables agree with best (100% of its facts)');
    for (const name of ['de-DE.md', 'fr-FR.md', 'ja-JP.md', 'ko-KR.md']) expect(sourceHealth(name).basedOn?.path).toBe(`${VM}/en-US.md`);
    expect(result.diagnostics.filter((d) => d.spec === SPEC && (d.code === 'fact-mismatch' || d.code === 'column-missing'))).toEqual([]);
  });

  it("a translation's own defect is found against 2021-08, at its line", () => {
    const zh = `${VM}/zh-CN.2021-08.md`;
    const broken = FILES[zh]!.replace('| 删除 | 删除虚拟机。 | 正在解除分配 | 不计费* |', '| 删除 | 删除虚拟机。 | 正在启动 | 不计费* |');
    expect(broken).not.toBe(FILES[zh]);
    const mismatches = compileFiles({ ...FILES, [zh]: broken }).diagnostics.filter((d) => d.spec === SPEC && d.code === 'fact-mismatch');
    expect(mismatches.map((d) => `${d.file}:${d.line} ${d.message.slice(0, 60)}`)).toEqual([
      `${zh}:66 Delete × PowerState is Starting ("正在启动") in zh-CN.2021-08.md`,
    ]);
    expect(mismatches[0]!.related?.[0]?.file).toBe(`${VM}/en-US.2021-08.md`);
  });

  it('the spec, the runtime and every published article state the current revision only', () => {
    expect(vm.PROVISIONING_STATES).toEqual(['Creating', 'Updating', 'Failed', 'Succeeded', 'Deleting', 'Migrating']);
    expect(Object.keys(vm.TABLES.provisioningStates)).not.toContain('PowerState');
    const spec = result.outputs.find((output) => output.path === `generated/${SPEC}/spec.json`)!.content;
    for (const retired of ['"Create"', '"Deallocate"', '"id": "PowerState"']) expect(spec).not.toContain(retired);
    const zh = result.outputs.find((output) => output.path === `generated/docs/zh-CN/${SPEC}.md`)!.content;
    expect(zh).toContain('\n> 此翻译基于原文的旧版本。');
    expect(zh).toContain('| Creating | Virtual machine is being created. |');
    expect(zh).not.toContain('| 创建 |');
    expect(zh).toContain('| OS 预配状态 | 说明 |\n');
  });
});

describe('retired ids and columns in spec.config.json', () => {
  const config = JSON.parse(FILES[CONFIG]!);
  const withConfig = (edit: (copy: typeof config) => void) => {
    const copy = structuredClone(config);
    edit(copy);
    return compileFiles({ ...FILES, [CONFIG]: JSON.stringify(copy, null, 2) });
  };
  it.each([
    ['an id both current and retired', (c: typeof config) => c.axes.provisioningStates.retired.push('Creating'), 'is both a current id and a retired one'],
    [
      'a retired column named like a current one',
      (c: typeof config) => (c.tables[1].retiredColumns[0].id = 'Description'),
      'two columns named "Description" (a retired column needs an id of its own)',
    ],
    ['a retired column with an accessor', (c: typeof config) => (c.tables[1].retiredColumns[0].accessor = 'powerOf'), 'has no accessor'],
    ['a retired column of an unknown vocabulary', (c: typeof config) => (c.tables[2].retiredColumns[1].cell.vocabulary = 'nope'), '"nope" is not a vocabulary'],
  ])('%s is config-invalid at its entry', (_, edit, problem) => {
    const found = withConfig(edit).diagnostics.filter((d) => d.code === 'config-invalid');
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining(problem)]);
    expect(found[0]!.line).toBeGreaterThan(1);
  });

  it('without them the older revision cannot be read: its rows are unknown labels', () => {
    const found = withConfig((c) => {
      delete c.axes.provisioningStates.retired;
      for (const table of c.tables) delete table.retiredColumns;
    }).diagnostics.filter((d) => d.file === `${VM}/en-US.2021-08.md` && d.severity === 'error');
    expect(new Set(found.map((d) => d.code))).toEqual(new Set(['label-unknown']));
    expect(found.map((d) => d.line)).toEqual([59, 60, 61, 62]);
  });

  it('terms may label a retired id and need not: no terms-incomplete for one, terms-invalid for an id neither current nor retired', () => {
    expect(result.diagnostics.filter((d) => d.code === 'terms-incomplete').map((d) => d.message)).not.toContainEqual(expect.stringContaining('Create'));
    const path = `${VM}/terms/de-DE.json`;
    const terms = JSON.parse(FILES[path]!);
    terms.axes.provisioningStates.Bogus = 'Unsinn';
    const found = compileFiles({ ...FILES, [path]: JSON.stringify(terms, null, 2) }).diagnostics.filter((d) => d.code === 'terms-invalid');
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('retired: Create, Update, Delete, Deallocate')]);
  });
});

describe('statespec locale add of the 2021-08 revision, as a new user runs it', () => {
  const temporaryFolder = temporaryFolders('statespec-vm-revisions-');
  /** A copy of the repo without the 2021-08 sources and the terms locale add drafted from them. */
  function copyRepo(): string {
    const root = temporaryFolder();
    for (const folder of ['sources', 'generated']) cpSync(join(REPO_ROOT, folder), join(root, folder), { recursive: true });
    for (const name of [...OLDER, 'terms/zh-CN.json', 'terms/es-ES.json']) rmSync(join(root, VM, name));
    for (const name of OLDER) writeFileSync(join(root, name), readFileSync(join(REPO_ROOT, VM, name)));
    return root;
  }
  const add = (root: string, locale: string) =>
    runCli(['locale', 'add', '--root', root, '--spec', SPEC, '--locale', locale, '--variant', '2021-08', join(root, `${locale}.2021-08.md`)]);

  it('the English revision is read by its terms, the translations align with it, and the build passes', () => {
    const root = copyRepo();
    const english = add(root, 'en-US');
    expect(english.code, english.stdout + english.stderr).toBe(0);
    expect(english.stderr).toContain('read by the en-US terms, as another revision of the reference');
    for (const locale of ['zh-CN', 'es-ES']) {
      const translated = add(root, locale);
      expect(translated.code, translated.stdout + translated.stderr).toBe(0);
      expect(translated.stderr).toContain('(aligned with en-US.2021-08.md)');
    }
    const drafted = JSON.parse(readFileSync(join(root, VM, 'terms/zh-CN.json'), 'utf8'));
    expect(drafted.axes.provisioningStates).toEqual({ Create: '创建', Update: '更新', Delete: '删除', Deallocate: '释放' });
    const build = runCli(['build', '--root', root]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(build.stdout.match(/translation-outdated/g)).toHaveLength(3);
    expect(build.stdout.split('\n').filter((line) => line.startsWith(VM) && line.endsWith('fact-mismatch'))).toEqual([]);
  });

  it('without retired ids the English revision is refused with what to add, and nothing is written', () => {
    const root = copyRepo();
    const config = JSON.parse(readFileSync(join(root, CONFIG), 'utf8'));
    delete config.axes.provisioningStates.retired;
    writeFileSync(join(root, CONFIG), `${JSON.stringify(config, null, 2)}\n`);
    const refused = add(root, 'en-US');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/en-US\.2021-08\.md:59:3 error .*"Create", "Update", "Delete", "Deallocate" \(\/axes\/provisioningStates\)/);
    expect(refused.stdout).toContain('list them under "retired" of their axis in spec.config.json');
    expect(refused.stdout).toContain('locale-unaligned');
    expect(() => readFileSync(join(root, VM, 'en-US.2021-08.md'))).toThrow();
  });
});
