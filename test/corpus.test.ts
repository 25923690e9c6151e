import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Spec } from '../src/build/types.js';
import { listFiles } from '../src/cli/files.js';
import { formatBaseline } from '../src/diagnostics/report/text.js';
import { buildHealth, emitHealth, type HealthReport } from '../src/emit/health.js';
import { createRenderer } from '../src/emit/render.js';
import { ASSETS, compileRoot, matchGoldens, REPO_FIXTURE, REPO_ROOT, runCli, temporaryFolders } from './helpers/project.js';

const CHART = 'sources/biztalk-services-state-chart';
const GOLDENS = join(REPO_ROOT, 'test/fixtures', REPO_FIXTURE, 'expected');

describe('the real corpus', () => {
  const result = compileRoot(REPO_ROOT);

  it('builds all 35 sources of the three articles into the golden spec, findings and health report', () => {
    expect(result.specs.flatMap((spec) => spec.sources)).toHaveLength(35);
    const readSource = (file: string): string | undefined => (existsSync(join(REPO_ROOT, file)) ? readFileSync(join(REPO_ROOT, file), 'utf8') : undefined);
    const goldens: Record<string, string> = { 'diagnostics.txt': formatBaseline(result.diagnostics, readSource) };
    for (const output of result.outputs) {
      if (output.path.endsWith('spec.json') || output.path.startsWith('generated/docs/health.')) goldens[output.path] = output.content;
    }
    expect(Object.keys(goldens)).toHaveLength(6);
    expect(matchGoldens(GOLDENS, goldens)).toEqual([]);
  });

  it('has no error, and every finding in a translation is a warning, an info or a suppression with a reason', () => {
    const unsuppressedErrors = result.diagnostics.filter((d) => d.severity === 'error' && !d.suppressed);
    expect(unsuppressedErrors).toEqual([]);
    for (const d of result.diagnostics.filter((d) => d.suppressed)) expect(d.suppressed!.reason.length).toBeGreaterThan(40);
  });

  it('the health report lists every locale of every article, worst first, with every finding linked to its line', () => {
    const report = result.health;
    const locales = report.articles.map((article) => `${article.id}: ${article.locales.map((locale) => locale.locale).join(' ')}`);
    expect(locales).toEqual([
      'biztalk-server-instance-states: en-US es-ES ja-JP zh-CN',
      'biztalk-services-state-chart: cs-CZ de-DE en-CA en-US es-ES et-EE fi-FI fr-FR hu-HU it-IT ja-JP ko-KR pt-BR ru-RU zh-CN zh-TW',
      'vm-states-billing: de-DE en-US es-ES fr-FR ja-JP ko-KR zh-CN',
    ]);
    const findings = report.articles.flatMap((article) => [
      ...article.findings,
      ...article.locales.flatMap((locale) => [...locale.findings, ...locale.sources.flatMap((source) => source.findings)]),
    ]);
    expect(findings).toHaveLength(result.diagnostics.length);
    const markdown = result.outputs.find((output) => output.path === 'generated/docs/health.md')!.content;
    const rows = markdown.split('\n').filter((line) => /^\| [🔴🟠🔵🟢] \|/u.test(line));
    expect(rows).toHaveLength(27);
    const column = markdown
      .split('\n')
      .find((line) => line.startsWith('| | Article |'))!
      .split('|')
      .findIndex((cell) => cell.trim() === '🟠 Warnings');
    // No locale has an error; the outdated ones (translated from the VM article's 2021-08 revision) come first, then by warnings.
    const outdated = rows.filter((row) => row.includes('⏳'));
    expect(outdated.map((row) => row.split('|')[3]!.trim())).toEqual(['es-ES', 'zh-CN']);
    expect(rows.slice(0, outdated.length)).toEqual(outdated);
    const warnings = rows.slice(outdated.length).map((row) => Number(row.split('|')[column]));
    expect(warnings.some((count) => count > 0)).toBe(true);
    expect(warnings).toEqual([...warnings].sort((a, b) => b - a));
    for (const finding of findings) expect(markdown).toContain(`(../../${finding.file}#L${finding.line})`);
    // The es-ES chart leaves five state names in English: 16 of its 25 labels are English.
    const esES = report.articles[1]!.locales.find((locale) => locale.locale === 'es-ES')!;
    expect(esES.labels).toEqual({ count: 9, total: 25 });
    expect(esES.facts).toEqual({ count: 144, total: 144 });
  });

  it('health Markdown keeps hostile finding text inside its list item', () => {
    const spec = result.specs[0] as Spec;
    const source = spec.sources[0]!;
    const hostile = 'a | pipe ](http://x) <script>alert(1)</script> `tick` *star*\nsecond line';
    const report: HealthReport = buildHealth(
      [spec],
      [],
      [{ code: 'label-unknown', severity: 'error', message: hostile, file: source.path, line: 3, column: 1, spec: spec.id, locale: source.locale }],
    );
    const markdown = emitHealth(report, createRenderer(ASSETS.templates)).find((output) => output.path.endsWith('.md'))!.content;
    const item = markdown.split('\n').filter((line) => line.includes('label-unknown'));
    expect(item).toHaveLength(1);
    expect(item[0]).not.toContain('<script>');
    expect(item[0]).toContain('\\|');
    expect(item[0]).not.toMatch(/(?<!\\)\]\(http/);
  });
});

describe('statespec locale add on a copy of a corpus file', () => {
  const temporaryFolder = temporaryFolders('statespec-locale-');

  function copyRepo(): string {
    const root = temporaryFolder();
    for (const folder of ['sources', 'generated']) cpSync(join(REPO_ROOT, folder), join(root, folder), { recursive: true });
    return root;
  }

  const cli = (...args: string[]) => runCli(args);

  const snapshot = (root: string): Record<string, string> =>
    Object.fromEntries(['sources', 'generated'].flatMap((folder) => listFiles(root, folder)).map((path) => [path, readFileSync(join(root, path), 'utf8')]));

  it('adds the et-EE chart as a language with no terms yet (lv-x-test), flags its doubtful labels, changes nothing when run twice, and builds after review', () => {
    const root = copyRepo();
    const input = join(root, 'et.md');
    cpSync(join(REPO_ROOT, CHART, 'et-EE.md'), input);
    const add = (): ReturnType<typeof cli> => cli('locale', 'add', '--root', root, '--spec', 'biztalk-services-state-chart', '--locale', 'lv-x-test', input);
    const first = add();
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`Copied ${input} to ${CHART}/lv-x-test.md`);
    const termsPath = join(root, CHART, 'terms/lv-x-test.json');
    const terms = JSON.parse(readFileSync(termsPath, 'utf8'));
    // "Peatatud" heads the Suspended and the Stopped row: both are flagged.
    expect(terms.axes.states.Suspended).toEqual({ label: 'Peatatud', review: 'The source also uses it for Stopped.' });
    expect(terms.axes.states.Stopped.review).toMatch(/also uses it for Suspended/);
    expect(terms.axes.states.DisableFailed.review).toMatch(/en-US label, untranslated/);
    expect(terms.axes.operations.Resume).toBe('Elulookirjeldus');
    expect(first.stdout).toMatch(/et\.md:\d+:\d+ warning Stopped: "Peatatud": .* label-review/);

    const afterFirst = snapshot(root);
    const second = add();
    expect(second.code).toBe(0);
    expect(snapshot(root)).toEqual(afterFirst);

    // Unreviewed, the terms are ambiguous (two ids, one label): the build refuses and says why.
    expect(cli('build', '--root', root).stdout).toMatch(/terms-ambiguous/);
    // The review: Stopped gets its own label and records the source's mistake; the flags go.
    for (const entry of Object.values<Record<string, unknown>>({ ...terms.axes.states, ...terms.axes.operations }))
      if (typeof entry === 'object') delete entry.review;
    terms.axes.states.Suspended = 'Peatatud';
    terms.axes.states.Stopped = { label: 'Seiskatud', mistranslations: ['Peatatud'], note: 'The source uses "Peatatud" for Stopped too.' };
    writeFileSync(termsPath, `${JSON.stringify(terms, null, 2)}\n`);
    const build = cli('build', '--root', root);
    expect(build.code, build.stdout).toBe(0);
    expect(readFileSync(join(root, 'generated/docs/lv-x-test/biztalk-services-state-chart.md'), 'utf8')).toContain('| Seiskatud | ✔ |');
    expect(readFileSync(join(root, 'generated/docs/health.md'), 'utf8')).toContain('| biztalk-services-state-chart | lv-x-test |');
    expect(cli('check', '--root', root).code).toBe(0);
  });

  it.each([
    ['a row deleted', (text: string) => text.replace(/<tr>\s*<td[^>]*><b>Keelatud<\/b><\/td>[\s\S]*?<\/tr>/, ''), 'locale-unaligned'],
    ['no table at all', (text: string) => text.replace(/<table[\s\S]*<\/table>/, ''), 'locale-unaligned'],
    ['a column deleted', (text: string) => text.replace(/<th>\s*Stopp\s*<\/th>/, ''), 'locale-unaligned'],
    ['not UTF-8', () => '\u00ff', 'source-encoding'],
  ])('refuses a copy with %s and writes nothing', (_, edit, code) => {
    const root = copyRepo();
    const before = snapshot(root);
    const input = join(root, 'broken.md');
    const text = readFileSync(join(REPO_ROOT, CHART, 'et-EE.md'), 'utf8');
    const edited = edit(text);
    expect(edited).not.toBe(text);
    writeFileSync(input, code === 'source-encoding' ? Buffer.from([0xff, 0xfe, 0x00]) : edited);
    const result = cli('locale', 'add', '--root', root, '--spec', 'biztalk-services-state-chart', '--locale', 'et-EE-x-test', input);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`error .* ${code}$`, 'm'));
    expect(result.stderr).toContain('nothing was written');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses to overwrite another file of the same locale, and adds it as a variant instead', () => {
    const root = copyRepo();
    const input = join(root, 'ja.md');
    cpSync(join(REPO_ROOT, CHART, 'fi-FI.md'), input);
    const refused = cli('locale', 'add', '--root', root, '--spec', 'biztalk-services-state-chart', '--locale', 'ja-JP', input);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/locale-exists/);
    const before = readFileSync(join(root, CHART, 'terms/ja-JP.json'), 'utf8');
    const added = cli('locale', 'add', '--root', root, '--spec', 'biztalk-services-state-chart', '--locale', 'ja-JP', '--variant', 'copy', input);
    expect(added.code).toBe(0);
    expect(existsSync(join(root, CHART, 'ja-JP.copy.md'))).toBe(true);
    expect(readFileSync(join(root, CHART, 'terms/ja-JP.json'), 'utf8')).toBe(before);
    expect(added.stderr).toMatch(/Kept .*terms\/ja-JP\.json/);
  });

  it('rejects wrong usage with exit code 2', () => {
    expect(cli('locale', 'add', '--spec', 'x', 'file.md').code).toBe(2);
    expect(cli('build', '--locale', 'de-DE').code).toBe(2);
  });
});
