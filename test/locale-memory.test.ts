import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../src/cli/files.js';
import { closestTerms } from '../src/locale/memory.js';
import { REPO_ROOT, runCli, temporaryFolders } from './helpers/project.js';

const SPEC = 'biztalk-services-state-chart';
const CHART = `sources/${SPEC}`;

describe('the reviewed terms a new locale starts from', () => {
  const available = ['en-US', 'es-ES', 'ko-KR', 'zh-CN', 'zh-TW', 'ja-JP'];
  it.each([
    ['ko-KR-x-new', 'ko-KR'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh-SG', 'zh-CN'],
    ['es-MX', 'es-ES'],
    ['en-GB', 'en-US'],
    ['de-DE', undefined],
  ])('%s starts from %s', (locale, want) => {
    expect(closestTerms(locale, available, 'en-US')).toBe(want);
  });

  it('prefers the same script to the same region, and the plain tag to a private-use one', () => {
    expect(closestTerms('zh-Hans-TW', ['zh-CN', 'zh-TW'], 'en-US')).toBe('zh-CN');
    expect(closestTerms('ko-KR-x-new', ['ko-KR-x-old', 'ko-KR'], 'en-US')).toBe('ko-KR');
  });
});

describe('statespec locale add remembers reviewed terms', () => {
  const temporaryFolder = temporaryFolders('statespec-memory-');
  const cli = (...args: string[]) => runCli(args);

  function copyRepo(): string {
    const root = temporaryFolder();
    for (const folder of ['sources', 'generated']) cpSync(join(REPO_ROOT, folder), join(root, folder), { recursive: true });
    return root;
  }
  const snapshot = (root: string): Record<string, string> =>
    Object.fromEntries(['sources', 'generated'].flatMap((folder) => listFiles(root, folder)).map((path) => [path, readFileSync(join(root, path), 'utf8')]));
  const facts = (root: string): unknown => {
    const spec = JSON.parse(readFileSync(join(root, 'generated', SPEC, 'spec.json'), 'utf8')) as { tables: { cells: unknown }[] };
    return spec.tables.map((table) => table.cells);
  };
  /** The 2019 ko-KR chart: the 2016 one with Update Configuration headed "주 지역에서 구성" ("in the primary region, configuration"), Restart and Resume both still "다시 시작". */
  const chart2019 = (): string => {
    const text = readFileSync(join(REPO_ROOT, CHART, 'ko-KR.2016.md'), 'utf8');
    const edited = text.replace('<th>구성 업데이트</th>', '<th>주 지역에서 구성</th>');
    expect(edited).not.toBe(text);
    expect(edited.match(/<th>다시 시작<\/th>/g)).toHaveLength(2);
    return edited;
  };

  it('adds the 2019 ko-KR chart as ko-KR-x-new from the ko-KR terms: the changed header is flagged with the reviewed term, and the build passes with the same facts', () => {
    const root = copyRepo();
    const input = join(root, 'ko-2019.md');
    writeFileSync(input, chart2019());
    const add = (): ReturnType<typeof cli> => cli('locale', 'add', '--root', root, '--spec', SPEC, '--locale', 'ko-KR-x-new', input);
    const first = add();
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stderr).toContain('from the reviewed ko-KR terms');
    expect(first.stdout).toMatch(/warning UpdateConfiguration: "주 지역에서 구성": .*"구성 업데이트".* label-review/);

    const reviewed = JSON.parse(readFileSync(join(root, CHART, 'terms/ko-KR.json'), 'utf8'));
    const terms = JSON.parse(readFileSync(join(root, CHART, 'terms/ko-KR-x-new.json'), 'utf8'));
    const update = terms.axes.operations.UpdateConfiguration;
    expect(update.review).toMatch(/reviewed ko-KR term "구성 업데이트"/);
    expect(update.note).toContain('구성 업데이트');
    expect(update.variants).toContain('구성 업데이트');
    // The duplicated "다시 시작" is the mistake the ko-KR terms record for Resume: read as such, through reviewed data.
    expect(terms.axes.operations.Resume).toEqual(reviewed.axes.operations.Resume);
    expect(terms.axes.operations.Restart).toBe('다시 시작');
    expect(terms.axes.states).toEqual(reviewed.axes.states);
    expect(terms.tables).toEqual(reviewed.tables);

    const afterFirst = snapshot(root);
    expect(add().code).toBe(0);
    expect(snapshot(root)).toEqual(afterFirst);

    const before = facts(root);
    const build = cli('build', '--root', root);
    expect(build.code, build.stdout).toBe(0);
    const mine = build.stdout.split('\n').filter((line) => line.includes('ko-KR-x-new'));
    expect(mine.filter((line) => / error /.test(line))).toEqual([]);
    expect(mine.some((line) => /"다시 시작" is a mistake .* label-mistranslated$/.test(line))).toBe(true);
    expect(mine.some((line) => /UpdateConfiguration: "주 지역에서 구성" awaits review.* terms-review$/.test(line))).toBe(true);
    expect(facts(root)).toEqual(before);
    expect(readFileSync(join(root, 'generated/docs/health.md'), 'utf8')).toContain(`| ${SPEC} | ko-KR-x-new |`);
  });

  it('adds zh-Hant-TW from the zh-TW terms; a header that repeats another column is recorded under the mistranslations of its position, flagged, and builds', () => {
    const root = copyRepo();
    const text = readFileSync(join(REPO_ROOT, CHART, 'zh-TW.md'), 'utf8');
    // Resume's column headed with Restart's label, as the ko-KR charts do.
    const edited = text.replace('<th>繼續</th>', '<th>重新啟動</th>');
    expect(edited).not.toBe(text);
    const input = join(root, 'zh.md');
    writeFileSync(input, edited);
    const added = cli('locale', 'add', '--root', root, '--spec', SPEC, '--locale', 'zh-Hant-TW', input);
    expect(added.code, added.stdout + added.stderr).toBe(0);
    expect(added.stderr).toContain('from the reviewed zh-TW terms');
    const reviewed = JSON.parse(readFileSync(join(root, CHART, 'terms/zh-TW.json'), 'utf8'));
    const terms = JSON.parse(readFileSync(join(root, CHART, 'terms/zh-Hant-TW.json'), 'utf8'));
    const resume = terms.axes.operations.Resume;
    expect(resume.label).toBe(typeof reviewed.axes.operations.Resume === 'string' ? reviewed.axes.operations.Resume : reviewed.axes.operations.Resume.label);
    expect(resume.mistranslations).toContain('重新啟動');
    expect(resume.review).toMatch(/also uses "重新啟動" for Restart; read as Resume by its position/);
    expect(terms.axes.operations.Restart).toEqual(reviewed.axes.operations.Restart);
    expect(added.stdout).toMatch(/warning Resume: "重新啟動": .* label-review/);

    const before = facts(root);
    const build = cli('build', '--root', root);
    expect(build.code, build.stdout).toBe(0);
    const mine = build.stdout.split('\n').filter((line) => line.includes('zh-Hant-TW'));
    expect(mine.filter((line) => / error /.test(line))).toEqual([]);
    expect(mine.some((line) => /label-mistranslated$/.test(line))).toBe(true);
    expect(mine.some((line) => /Resume: .* awaits review.* terms-review$/.test(line))).toBe(true);
    expect(facts(root)).toEqual(before);
  });

  it('adds a second ko-KR version: its new value words go into the ko-KR terms, flagged; no reviewed entry changes; a changed header is reported, not written', () => {
    const root = copyRepo();
    const termsPath = join(root, CHART, 'terms/ko-KR.json');
    const beforeText = readFileSync(termsPath, 'utf8');
    const before = JSON.parse(beforeText);
    // The 2019 chart, writing "예" ("yes") where the others have a check mark.
    const input = join(root, 'ko-2019.md');
    writeFileSync(input, chart2019().replaceAll('<center>✔</center>', '예'));
    const add = (): ReturnType<typeof cli> => cli('locale', 'add', '--root', root, '--spec', SPEC, '--locale', 'ko-KR', '--variant', '2019', input);
    const first = add();
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stderr).toContain(`Copied ${input} to ${CHART}/ko-KR.2019.md`);
    const afterText = readFileSync(termsPath, 'utf8');
    const after = JSON.parse(afterText);
    expect(after.values.mark.true).toMatchObject({ label: '예', review: expect.stringMatching(/reviewed ko-KR terms had no word for it/) });
    expect(first.stdout).toMatch(/warning true: "예": .* label-review/);
    // Every reviewed entry keeps its bytes.
    for (const key of ['axes', 'tables'] as const) {
      expect(JSON.stringify(after[key], null, 2)).toBe(JSON.stringify(before[key], null, 2));
      expect(afterText).toContain(JSON.stringify(before[key], null, 2).replaceAll('\n', '\n  '));
    }
    expect(first.stdout).toMatch(
      /warning UpdateConfiguration: "주 지역에서 구성" here, where the reviewed ko-KR term is "구성 업데이트"\. .* was not changed.* label-review/,
    );

    const afterFirst = snapshot(root);
    expect(add().code).toBe(0);
    expect(snapshot(root)).toEqual(afterFirst);
    // Nothing is guessed: until a reviewer records the changed header, the build cannot read its column.
    expect(cli('build', '--root', root).stdout).toMatch(/ko-KR\.2019\.md:\d+:\d+ error "주 지역에서 구성" .* label-unknown/);
  });
});
