import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { listFiles } from '../src/cli/files.js';
import { REPO_ROOT, temporaryFolders } from './helpers/project.js';
import { strictOptions, typeCheckFolder } from './helpers/runtime.js';

/**
 * statespec as a user gets it: `npm pack` of this repository, installed into
 * empty projects. Everything below runs the installed tool, never this repo's.
 */

const temporaryFolder = temporaryFolders('statespec-package-');

/** A temporary folder that lives as long as the test file (a describe's project is set up once, used by each of its tests). */
const suiteFolders: string[] = [];
function suiteFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'statespec-package-'));
  suiteFolders.push(dir);
  return dir;
}
const EXAMPLE = join(REPO_ROOT, 'examples', 'docusaurus');
const PAGE = 'docs/vm-states.md';
const TRANSLATIONS = { de: 'i18n/de/docusaurus-plugin-content-docs/current/vm-states.md', fr: 'i18n/fr/docusaurus-plugin-content-docs/current/vm-states.md' };
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// One tarball and one installed copy for the whole file: packing and installing take seconds.
const shared = { dir: '', tarball: '', installed: '' };

function npm(cwd: string, ...args: string[]): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** An empty npm project (ESM) with `tarballs` installed, as `npm i -D ./statespec-x.y.z.tgz` does. */
function emptyProject(...tarballs: string[]): string {
  const dir = temporaryFolder();
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
  if (tarballs.length > 0) npm(dir, 'install', '--save-dev', '--prefer-offline', ...tarballs);
  return dir;
}

/** The installed statespec in `dir`, through npx as a user runs it: the exit code and both outputs. */
function statespec(dir: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync('npx', ['--no-install', 'statespec', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A project with the installed tool: a copy of the shared install's node_modules (installing again would only take longer). */
function projectWithStatespec(): string {
  const dir = suiteFolder();
  cpSync(join(shared.installed, 'package.json'), join(dir, 'package.json'));
  cpSync(join(shared.installed, 'node_modules'), join(dir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  return dir;
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

beforeAll(() => {
  // dist/ is compiled by `npm test`'s pretest; --ignore-scripts keeps prepack from rebuilding it under the other test files.
  shared.dir = join(REPO_ROOT, 'node_modules', '.cache', `statespec-pack-${process.pid}`);
  mkdirSync(shared.dir, { recursive: true });
  const name = npm(REPO_ROOT, 'pack', '--ignore-scripts', '--pack-destination', shared.dir).trim().split('\n').pop()!;
  shared.tarball = join(shared.dir, name);
  shared.installed = join(shared.dir, 'installed');
  mkdirSync(shared.installed, { recursive: true });
  writeFileSync(join(shared.installed, 'package.json'), `${JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
  npm(shared.installed, 'install', '--save-dev', '--prefer-offline', shared.tarball);
}, 300_000);

afterAll(() => {
  for (const dir of [shared.dir, ...suiteFolders]) rmSync(dir, { recursive: true, force: true });
});

describe('the package (npm pack)', () => {
  it('holds the compiled tool, its schemas and templates, the README and the license, and nothing of the repo', () => {
    const listing = execFileSync('tar', ['tzf', shared.tarball], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((entry) => entry.replace(/^package\//, ''));
    const allowed =
      /^(bin\/statespec\.js|dist\/src\/.+\.(js|d\.ts)|dist\/(validators|templates)\.cjs|schema\/[a-z]+\.schema\.json|templates\/[^/]+\.hbs|README\.md|LICENSE|package\.json)$/;
    expect(listing.filter((entry) => !allowed.test(entry))).toEqual([]);
    for (const needed of [
      'bin/statespec.js',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/cli/main.js',
      'dist/validators.cjs',
      'dist/templates.cjs',
    ]) {
      expect(listing).toContain(needed);
    }
    expect(listing.filter((entry) => entry.startsWith('schema/')).sort()).toEqual(readdirSync(join(REPO_ROOT, 'schema')).map((name) => `schema/${name}`));
    expect(listing.filter((entry) => entry.startsWith('templates/')).sort()).toEqual(
      readdirSync(join(REPO_ROOT, 'templates'))
        .map((name) => `templates/${name}`)
        .sort(),
    );
  });

  it('runs from an empty project with nothing else installed: --version, and the Node API with its types', () => {
    const dir = projectWithStatespec();
    expect(statespec(dir, '--version')).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expect(statespec(dir, 'build').code).toBe(2);
    const script = `import { compile, loadAssets, ALL_CODES } from 'statespec';
const result = compile({ files: [], assets: loadAssets() });
console.log(JSON.stringify({ specs: result.specs.length, codes: ALL_CODES.includes('output-stale') }));
`;
    writeFileSync(join(dir, 'api.mjs'), script);
    expect(execFileSync('node', ['api.mjs'], { cwd: dir, encoding: 'utf8' })).toBe('{"specs":0,"codes":true}\n');
    writeFileSync(
      join(dir, 'api.ts'),
      `import { compile, type CompileResult, type Diagnostic, type Spec } from 'statespec';
export const run = (): CompileResult => compile({ files: [], assets: { schemas: { config: {}, terms: {}, spec: {}, layout: {} }, templates: {} } });
export const first = (result: CompileResult): Diagnostic | undefined => result.diagnostics[0];
export const title = (spec: Spec): string | undefined => spec.title[spec.referenceLocale];
// @ts-expect-error: compile() needs its assets.
compile({ files: [] });
`,
    );
    for (const resolution of ['nodenext', 'bundler'] as const) expect(typeCheckFolder(dir, ['api.ts'], strictOptions(resolution))).toEqual([]);
  });
});

describe('an article in the default layout (sources/, generated/)', () => {
  let dir = '';
  beforeAll(() => {
    dir = projectWithStatespec();
    // A real page and its translations, somewhere outside sources/, as a docs team has them.
    mkdirSync(join(dir, 'pages'));
    cpSync(join(EXAMPLE, PAGE), join(dir, 'pages/vm.en.md'));
    cpSync(join(EXAMPLE, TRANSLATIONS.de), join(dir, 'pages/vm.de.md'));
  });

  it('init reads the English page and starts the article', () => {
    const init = statespec(dir, 'init', '--spec', 'vm-states', '--locale', 'en-US', 'pages/vm.en.md');
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain('Copied pages/vm.en.md to sources/vm-states/en-US.md');
    const config = JSON.parse(read(dir, 'sources/vm-states/spec.config.json')) as { $schema: string; axes: Record<string, unknown> };
    expect(Object.keys(config.axes)).toEqual(['powerStates', 'provisioningStates', 'osProvisioningStates']);
    // The schema reference resolves to the installed package.
    expect(existsSync(join(dir, 'sources/vm-states', config.$schema))).toBe(true);
  });

  it('locale add aligns a translation and drafts its terms', () => {
    const add = statespec(dir, 'locale', 'add', '--spec', 'vm-states', '--locale', 'de-DE', 'pages/vm.de.md');
    expect(add.code, add.stdout + add.stderr).toBe(0);
    expect(existsSync(join(dir, 'sources/vm-states/terms/de-DE.json'))).toBe(true);
  });

  it('build writes the runtime as JavaScript with declarations, importable at once from plain Node', () => {
    const build = statespec(dir, 'build');
    expect(build.code, build.stdout).toBe(0);
    for (const name of ['index.js', 'index.d.ts', 'package.json', 'spec.json']) expect(existsSync(join(dir, 'generated/vm-states', name)), name).toBe(true);
    writeFileSync(
      join(dir, 'use.mjs'),
      `import { lookup, text, POWER_STATES, isPowerState } from './generated/vm-states/index.js';
console.log(JSON.stringify([POWER_STATES.length, lookup('powerStatesAndBilling', 'Running', 'Billing'), text('powerStatesAndBilling', 'Deallocated', 'Billing', 'de'), isPowerState('Flying')]));
`,
    );
    expect(JSON.parse(execFileSync('node', ['use.mjs'], { cwd: dir, encoding: 'utf8' }))).toEqual([6, 'Billed', 'Nicht in Rechnung gestellt', false]);
  });

  it('the runtime type-checks under strict settings, with nodenext and bundler resolution; an unknown row id is an error', () => {
    writeFileSync(
      join(dir, 'use.ts'),
      `import { lookup, TABLES, type PowerState } from './generated/vm-states/index.js';
export const billing: 'Billed' | 'NotBilled' | undefined = lookup('powerStatesAndBilling', 'Running', 'Billing');
export const rows: readonly PowerState[] = TABLES.powerStatesAndBilling.rows;
// @ts-expect-error: "Flying" is not a power state.
lookup('powerStatesAndBilling', 'Flying', 'Billing');
// @ts-expect-error: no such table.
lookup('billing', 'Running', 'Billing');
`,
    );
    for (const resolution of ['nodenext', 'bundler'] as const) expect(typeCheckFolder(dir, ['use.ts'], strictOptions(resolution)), resolution).toEqual([]);
    // The check can fail: a known row in an @ts-expect-error line is reported as an unused directive.
    writeFileSync(
      join(dir, 'known.ts'),
      `import { lookup } from './generated/vm-states/index.js';\n// @ts-expect-error\nlookup('powerStatesAndBilling', 'Running', 'Billing');\n`,
    );
    expect(typeCheckFolder(dir, ['known.ts'])).toEqual([expect.stringMatching(/^known\.ts:2 Unused '@ts-expect-error'/)]);
  });

  it('check passes, and fails once an output is edited', () => {
    expect(statespec(dir, 'check').code).toBe(0);
    const chart = 'generated/docs/de-DE/vm-states.md';
    const before = read(dir, chart);
    writeFileSync(join(dir, chart), `${before}edited\n`);
    const drifted = statespec(dir, 'check');
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toMatch(/generated\/docs\/de-DE\/vm-states\.md:\d+:1 error .* output-stale/);
    writeFileSync(join(dir, chart), before);
  });

  it('build --watch rebuilds when a source changes', async () => {
    // The installed bin itself (npx would stand between the test and the process it stops).
    const watcher = spawn(join(dir, 'node_modules/.bin/statespec'), ['build', '--watch'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let log = '';
      watcher.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      await until(() => log.includes('Watching'), watcher);
      const source = join(dir, 'sources/vm-states/de-DE.md');
      writeFileSync(source, `${readFileSync(source, 'utf8')}\n`);
      await until(() => /de-DE\.md changed: compiled vm-states/.test(log), watcher);
    } finally {
      watcher.kill('SIGINT');
    }
  });

  it('the runtime is a package of its own: packed, installed by name into an app, imported with no dependency', () => {
    const manifest = JSON.parse(read(dir, 'generated/vm-states/package.json')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'vm-states', version: '0.1.0', type: 'module', sideEffects: false, exports: { '.': { types: './index.d.ts' } } });
    expect(manifest.dependencies).toBeUndefined();
    const runtimeTarball = join(dir, 'generated/vm-states', npm(join(dir, 'generated/vm-states'), 'pack').trim().split('\n').pop()!);
    const app = emptyProject(runtimeTarball);
    rmSync(runtimeTarball);
    expect(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['vm-states']);
    writeFileSync(join(app, 'main.mjs'), "import { lookup } from 'vm-states';\nconsole.log(lookup('powerStatesAndBilling', 'Stopped', 'Billing'));\n");
    expect(execFileSync('node', ['main.mjs'], { cwd: app, encoding: 'utf8' })).toBe('Billed\n');
    writeFileSync(
      join(app, 'main.ts'),
      "import { lookup } from 'vm-states';\n// @ts-expect-error: not a power state.\nlookup('powerStatesAndBilling', 'Gone', 'Billing');\n",
    );
    expect(typeCheckFolder(app, ['main.ts'], strictOptions('bundler'))).toEqual([]);
  });
});

describe('a Docusaurus docs tree, checked in place', () => {
  let dir = '';
  beforeAll(() => {
    dir = projectWithStatespec();
    // The example without what statespec writes: its pages and statespec.config.json.
    for (const path of ['statespec.config.json', 'docs', 'i18n']) cpSync(join(EXAMPLE, path), join(dir, path), { recursive: true });
    const example = JSON.parse(read(EXAMPLE, 'package.json')) as { scripts: Record<string, string> };
    const manifest = JSON.parse(read(dir, 'package.json')) as Record<string, unknown>;
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ ...manifest, scripts: example.scripts }, null, 2)}\n`);
  });

  it('init and locale add record nothing and copy nothing: the pattern in statespec.config.json already names every page', () => {
    const layout = read(dir, 'statespec.config.json');
    const pages = () => listFiles(dir, '.').filter((path) => path.endsWith('.md') && !path.startsWith('node_modules/'));
    const before = pages();
    expect(statespec(dir, 'init', '--spec', 'vm-states', '--locale', 'en', PAGE).code).toBe(0);
    for (const [locale, path] of Object.entries(TRANSLATIONS))
      expect(statespec(dir, 'locale', 'add', '--spec', 'vm-states', '--locale', locale, path).code).toBe(0);
    expect(pages()).toEqual(before);
    expect(read(dir, 'statespec.config.json')).toBe(layout);
    // What they wrote is the example's config, and its terms before review.
    expect(read(dir, 'statespec/vm-states/spec.config.json')).toBe(read(EXAMPLE, 'statespec/vm-states/spec.config.json'));
  });

  it('with the reviewed terms, build writes the example outputs exactly, and check reports positions relative to the root', () => {
    cpSync(join(EXAMPLE, 'statespec/vm-states/terms'), join(dir, 'statespec/vm-states/terms'), { recursive: true });
    const build = statespec(dir, 'build');
    expect(build.code, build.stdout).toBe(0);
    const outputs = (root: string) => Object.fromEntries(listFiles(root, 'statespec-out').map((path) => [path, read(root, path)]));
    expect(outputs(dir)).toEqual(outputs(EXAMPLE));
    const check = statespec(dir, 'check');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^i18n\/fr\/docusaurus-plugin-content-docs\/current\/vm-states\.md:\d+:\d+ warning .* label-mistranslated$/m);
  });

  it('a build removes only what its manifest lists, never a file of the docs team in the output folder', () => {
    writeFileSync(join(dir, 'statespec-out/NOTES.md'), 'ours, not statespec’s\n');
    rmSync(join(dir, TRANSLATIONS.fr));
    rmSync(join(dir, 'statespec/vm-states/terms/fr.json'));
    expect(statespec(dir, 'build').code).toBe(0);
    expect(existsSync(join(dir, 'statespec-out/docs/fr/vm-states.md'))).toBe(false);
    expect(read(dir, 'statespec-out/NOTES.md')).toBe('ours, not statespec’s\n');
  });
});

describe('the CI recipes', () => {
  let dir = '';
  beforeAll(() => {
    dir = projectWithStatespec();
    for (const path of ['statespec.config.json', 'package.json', 'docs', 'i18n', 'statespec', 'statespec-out'])
      cpSync(join(EXAMPLE, path), join(dir, path), { recursive: true });
  });

  it('the GitHub Actions workflow runs statespec check --format sarif and uploads the file it wrote', () => {
    const workflow = parseYaml(read(REPO_ROOT, 'examples/github-actions/statespec.yml')) as {
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, string> }[] }>;
    };
    expect(workflow.permissions['security-events']).toBe('write');
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const commands = steps.flatMap((step) => (step.run?.includes('statespec') ? [step.run] : []));
    expect(commands).toEqual(['npx statespec check --format sarif > statespec.sarif']);
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    for (const command of commands) execFileSync('sh', ['-c', command], { cwd: dir });
    const sarif = JSON.parse(read(dir, upload!.with!.sarif_file!)) as { version: string; runs: { results: { ruleId: string; locations: unknown[] }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toContain('label-mistranslated');
  });

  it('the pre-commit hooks run the commands they name, and pass on the example', () => {
    const hooks = parseYaml(read(REPO_ROOT, '.pre-commit-hooks.yaml')) as { id: string; entry: string; language: string; pass_filenames: boolean }[];
    expect(hooks.map((hook) => hook.id)).toEqual(['statespec-check', 'statespec-build']);
    const local = parseYaml(read(REPO_ROOT, 'examples/pre-commit/.pre-commit-config.yaml')) as { repos: { repo: string; hooks: { entry: string }[] }[] };
    const entries = [...hooks.map((hook) => `npx --no-install ${hook.entry}`), ...local.repos.flatMap((repo) => repo.hooks.map((hook) => hook.entry))];
    for (const hook of hooks) expect(hook).toMatchObject({ language: 'node', pass_filenames: false });
    for (const entry of entries) expect(() => execFileSync('sh', ['-c', entry], { cwd: dir, stdio: 'pipe' }), entry).not.toThrow();
    // A hook fails the commit when check fails.
    writeFileSync(join(dir, 'statespec-out/docs/de/vm-states.md'), 'edited\n');
    expect(() => execFileSync('sh', ['-c', `npx --no-install ${hooks[0]!.entry}`], { cwd: dir, stdio: 'pipe' })).toThrow();
  });
});

async function until(done: () => boolean, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (child.exitCode !== null) throw new Error(`statespec exited with ${child.exitCode}`);
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
