import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../src/cli/files.js';
import { generatedSnapshot, REPO_ROOT, runCli, temporaryFolders } from './helpers/project.js';

const temporaryFolder = temporaryFolders('statespec-cli-');

/** A copy of the repo's sources and generated/ in a temp dir. */
function copyProject(): string {
  const root = temporaryFolder();
  cpSync(join(REPO_ROOT, 'sources'), join(root, 'sources'), { recursive: true });
  cpSync(join(REPO_ROOT, 'generated'), join(root, 'generated'), { recursive: true });
  cpSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
  return root;
}

const cli = (...args: string[]) => runCli(args);
const snapshot = generatedSnapshot;

const KO = 'sources/biztalk-services-state-chart/ko-KR.md';

describe('statespec CLI', () => {
  it('check --format json prints one object with every diagnostic and a summary', () => {
    const { code, stdout } = cli('check', '--root', REPO_ROOT, '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { diagnostics: Record<string, unknown>[]; summary: Record<string, number> };
    const count = (severity: string) => report.diagnostics.filter((d) => d.severity === severity && !d.suppressed).length;
    expect(report.summary).toEqual({ errors: 0, warnings: count('warning'), infos: count('info') });
    expect(report.diagnostics.find((d) => d.code === 'row-cell-count' && d.file === 'sources/biztalk-services-state-chart/en-US.md')).toEqual({
      code: 'row-cell-count',
      severity: 'warning',
      message: expect.stringContaining('11 cells'),
      file: 'sources/biztalk-services-state-chart/en-US.md',
      line: 47,
      column: 43,
      spec: 'biztalk-services-state-chart',
      locale: 'en-US',
      related: [{ file: 'sources/biztalk-services-state-chart/en-US.md', line: 34, column: 1, message: 'The header row.' }],
    });
  });

  it('check --format json keeps suppressed findings, with their reason, out of the counts', () => {
    const { stdout } = cli('check', '--root', join(REPO_ROOT, 'test/fixtures/translation-defects'), '--format', 'json');
    const report = JSON.parse(stdout) as { diagnostics: { code: string; line: number; suppressed?: { reason: string } }[]; summary: { warnings: number } };
    const suppressed = report.diagnostics.filter((d) => d.suppressed);
    expect(suppressed).toEqual([expect.objectContaining({ code: 'label-unknown', line: 8, suppressed: { reason: expect.stringMatching(/typo/) } })]);
    const unsuppressedWarnings = report.diagnostics.filter((d) => !d.suppressed && (d as { severity?: string }).severity === 'warning');
    expect(report.summary.warnings).toBe(unsuppressedWarnings.length);
  });

  it('check --format sarif is valid SARIF 2.1.0 with rules and positions', () => {
    const root = copyProject();
    const path = join(root, KO);
    writeFileSync(path, readFileSync(path, 'utf8').replace('<td><center>x</center></td>', '<td> </td>'));
    const { code, stdout } = cli('check', '--root', root, '--format', 'sarif');
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    // CommonJS: the class is module.exports.default.
    const Ajv04 = ajvDraft04.default;
    const validate = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(
      JSON.parse(readFileSync(join(REPO_ROOT, 'test/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')),
    );
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    type Result = { ruleId: string; suppressions?: unknown[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] };
    const mismatch = log.runs[0].results.find((r: Result) => r.ruleId === 'fact-mismatch' && r.locations[0]!.physicalLocation.artifactLocation.uri === KO);
    expect(mismatch.level).toBe('error');
    expect(mismatch.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: KO, uriBaseId: '%SRCROOT%' },
      region: { startLine: 39, startColumn: 1 },
    });
    expect(log.runs[0].tool.driver.rules[mismatch.ruleIndex].id).toBe('fact-mismatch');
  });

  it('check --format text prints file:line:column severity message code', () => {
    const { stdout } = cli('check', '--root', REPO_ROOT);
    expect(stdout).toMatch(/^sources\/biztalk-services-state-chart\/ko-KR\.md:29:9 warning "여기에서" .* label-mistranslated$/m);
    expect(stdout.trimEnd().split('\n').pop()).toMatch(/^✔ 0 errors, \d+ warnings, \d+ infos, 2 suppressed$/);
  });

  it('build writes nothing when a source has an error, and check fails on it', () => {
    const root = copyProject();
    const before = snapshot(root);
    writeFileSync(join(root, KO), readFileSync(join(root, KO), 'utf8').replace('<td><center>x</center></td>', '<td>?</td>'));
    const build = cli('build', '--root', root);
    expect(build.code).toBe(1);
    expect(build.stdout).toMatch(/ko-KR\.md:39:1 error .* value-unknown/);
    expect(snapshot(root)).toEqual(before);
    expect(cli('check', '--root', root).code).toBe(1);
  });

  it('check fails on drift and build repairs it, removing outputs its manifest lists that are no longer made, and nothing else', () => {
    const root = copyProject();
    const chart = join(root, 'generated/docs/ko-KR/biztalk-services-state-chart.md');
    const published = readFileSync(chart, 'utf8');
    const editedLine = published.slice(0, published.indexOf('✔')).split('\n').length;
    writeFileSync(chart, published.replace('✔', ''));
    // One file an earlier build wrote (the manifest lists it) and one that statespec never wrote.
    const manifest = join(root, 'generated/statespec.manifest.json');
    const listed = JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] };
    writeFileSync(manifest, JSON.stringify({ ...listed, files: [...listed.files, 'generated/docs/old.md'] }));
    writeFileSync(join(root, 'generated/docs/old.md'), 'an output of an earlier build\n');
    writeFileSync(join(root, 'generated/docs/team-notes.md'), 'not ours\n');
    const check = cli('check', '--root', root, '--format', 'json');
    expect(check.code).toBe(1);
    const stale = (JSON.parse(check.stdout).diagnostics as { code: string; file: string; line: number }[]).filter((d) => d.code === 'output-stale');
    expect(stale.map((d) => `${d.file}:${d.line}`)).toEqual([
      `generated/docs/ko-KR/biztalk-services-state-chart.md:${editedLine}`,
      'generated/docs/old.md:1',
      'generated/statespec.manifest.json:1',
    ]);
    expect(cli('build', '--root', root).code).toBe(0);
    expect(readFileSync(join(root, 'generated/docs/team-notes.md'), 'utf8')).toBe('not ours\n');
    rmSync(join(root, 'generated/docs/team-notes.md'));
    expect(snapshot(root)).toEqual(snapshot(REPO_ROOT));
    expect(cli('check', '--root', root).code).toBe(0);
    const leftovers = listFiles(root, 'generated').filter((path) => path.includes('.statespec-tmp-'));
    expect(leftovers).toEqual([]);
  });

  it('build on an empty root writes every output; a second build changes nothing', () => {
    const root = copyProject();
    rmSync(join(root, 'generated'), { recursive: true });
    const first = cli('build', '--root', root);
    expect(first.code).toBe(0);
    expect(snapshot(root)).toEqual(snapshot(REPO_ROOT));
    const second = cli('build', '--root', root);
    expect(second.stderr).toContain('0 written, 0 removed');
  });

  it('rejects wrong usage with exit code 2 and a usage text, not a stack trace', () => {
    for (const args of [[], ['launch'], ['check', '--format', 'xml'], ['build', '--bogus'], ['build', '--format', 'json']]) {
      const result = cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/statespec|Usage/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(cli('--help').code).toBe(0);
  });

  it('refuses a root without sources/ (exit 2) and leaves its generated/ alone', () => {
    const root = temporaryFolder();
    mkdirSync(join(root, 'generated/stuff'), { recursive: true });
    writeFileSync(join(root, 'generated/stuff/important.txt'), 'keep\n');
    for (const command of ['build', 'check']) {
      const result = cli(command, '--root', root);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('has neither a sources/ folder nor a statespec.config.json');
    }
    expect(readdirSync(join(root, 'generated/stuff'))).toEqual(['important.txt']);
  });
});
