import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../src/cli/files.js';
import { watchBuild } from '../src/cli/watch.js';
import { compilePattern, DEFAULT_LAYOUT } from '../src/load/layout.js';
import { loadLayout } from '../src/load/layout-file.js';
import { DEFAULT_LIMITS } from '../src/load/types.js';
import { createValidators } from '../src/load/validators.js';
import { ASSETS, REPO_ROOT, runCli, temporaryFolders } from './helpers/project.js';

/** statespec.config.json: docs read where they live, in the layouts docs sites use. */

const temporaryFolder = temporaryFolders('statespec-layout-');
const EXAMPLE = join(REPO_ROOT, 'examples', 'docusaurus');
const PAGES = {
  en: join(EXAMPLE, 'docs/vm-states.md'),
  de: join(EXAMPLE, 'i18n/de/docusaurus-plugin-content-docs/current/vm-states.md'),
  fr: join(EXAMPLE, 'i18n/fr/docusaurus-plugin-content-docs/current/vm-states.md'),
};
const REVIEWED_TERMS = join(EXAMPLE, 'statespec/vm-states/terms');

function place(root: string, files: Record<string, string>): void {
  for (const [path, from] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    cpSync(from, join(root, path));
  }
}

const writeJson = (root: string, path: string, value: unknown): void => writeFileSync(join(root, path), `${JSON.stringify(value, null, 2)}\n`);
const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');
const pagesUnder = (root: string): string[] => listFiles(root, '.').filter((path) => path.endsWith('.md') && !path.startsWith('generated/'));

/** init and locale add for en, de and fr, then the reviewed terms (as a reviewer would leave them) under `termsDir`. */
function startArticle(root: string, paths: { en: string; de: string; fr: string }, termsDir: string, locales = { en: 'en', de: 'de', fr: 'fr' }): void {
  const init = runCli(['init', '--root', root, '--spec', 'vm-states', '--locale', locales.en, join(root, paths.en)]);
  expect(init.code, init.stdout + init.stderr).toBe(0);
  for (const language of ['de', 'fr'] as const) {
    const add = runCli(['locale', 'add', '--root', root, '--spec', 'vm-states', '--locale', locales[language], join(root, paths[language])]);
    expect(add.code, add.stdout + add.stderr).toBe(0);
  }
  for (const [language, tag] of Object.entries(locales)) {
    const reviewed = JSON.parse(readFileSync(join(REVIEWED_TERMS, `${language}.json`), 'utf8')) as Record<string, unknown>;
    writeJson(root, `${termsDir}/${tag}.json`, { ...reviewed, $schema: JSON.parse(read(root, `${termsDir}/${tag}.json`)).$schema, locale: tag });
  }
}

describe('layouts', () => {
  it('Starlight: src/content/docs/<page>.md for the root locale, src/content/docs/<locale>/<page>.md for the others', () => {
    const root = temporaryFolder();
    const paths = { en: 'src/content/docs/vm.md', de: 'src/content/docs/de/vm.md', fr: 'src/content/docs/fr/vm.md' };
    place(root, { [paths.en]: PAGES.en, [paths.de]: PAGES.de, [paths.fr]: PAGES.fr });
    writeJson(root, 'statespec.config.json', { articles: { 'vm-states': { sources: [paths.en, 'src/content/docs/{locale}/vm.md'] } } });
    const before = pagesUnder(root);
    startArticle(root, paths, 'sources/vm-states/terms');
    expect(pagesUnder(root)).toEqual(before);
    const build = runCli(['build', '--root', root]);
    expect(build.code, build.stdout).toBe(0);
    expect(listFiles(root, 'generated/docs')).toEqual([
      'generated/docs/de/vm-states.md',
      'generated/docs/en/vm-states.md',
      'generated/docs/fr/vm-states.md',
      'generated/docs/health.json',
      'generated/docs/health.md',
    ]);
    const check = runCli(['check', '--root', root]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^src\/content\/docs\/fr\/vm\.md:\d+:\d+ warning .* label-mistranslated$/m);
    // The health report links each source from generated/docs/ to where it is.
    expect(read(root, 'generated/docs/health.md')).toContain('](../../src/content/docs/fr/vm.md)');
  });

  it('one repository per locale, side by side: ../docs.<locale>/articles/<page>.md, positions relative to the root', () => {
    const parent = temporaryFolder();
    const root = join(parent, 'docs-checks');
    mkdirSync(root);
    place(parent, { 'docs.en-us/articles/vm.md': PAGES.en, 'docs.de-de/articles/vm.md': PAGES.de, 'docs.fr-fr/articles/vm.md': PAGES.fr });
    writeJson(root, 'statespec.config.json', { articles: { 'vm-states': { sources: ['../docs.{locale}/articles/vm.md'] } } });
    const paths = { en: '../docs.en-us/articles/vm.md', de: '../docs.de-de/articles/vm.md', fr: '../docs.fr-fr/articles/vm.md' };
    startArticle(root, paths, 'sources/vm-states/terms', { en: 'en-US', de: 'de-DE', fr: 'fr-FR' });
    expect(listFiles(root, '.').filter((path) => path.endsWith('.md'))).toEqual([]);
    const build = runCli(['build', '--root', root]);
    expect(build.code, build.stdout).toBe(0);
    // "de-de" in the folder name is the locale de-DE.
    expect(existsSync(join(root, 'generated/docs/de-DE/vm-states.md'))).toBe(true);
    const check = runCli(['check', '--root', root, '--format', 'json']);
    const files = new Set((JSON.parse(check.stdout).diagnostics as { file: string }[]).map((finding) => finding.file));
    expect([...files].filter((file) => file.endsWith('.md'))).toEqual(['../docs.fr-fr/articles/vm.md']);
  });

  it('with a statespec.config.json that names no pattern, init and locale add record each path there instead of copying', () => {
    const root = temporaryFolder();
    place(root, { 'pages/vm.md': PAGES.en, 'pages/vm.de.md': PAGES.de, 'pages/vm.fr.md': PAGES.fr });
    writeFileSync(join(root, 'statespec.config.json'), '{\n  "specs": "statespec"\n}\n');
    startArticle(root, { en: 'pages/vm.md', de: 'pages/vm.de.md', fr: 'pages/vm.fr.md' }, 'statespec/vm-states/terms');
    expect(JSON.parse(read(root, 'statespec.config.json'))).toEqual({
      specs: 'statespec',
      articles: {
        'vm-states': {
          sources: [
            { path: 'pages/vm.md', locale: 'en' },
            { path: 'pages/vm.de.md', locale: 'de' },
            { path: 'pages/vm.fr.md', locale: 'fr' },
          ],
        },
      },
    });
    expect(listFiles(root, 'statespec').filter((path) => path.endsWith('.md'))).toEqual([]);
    expect(runCli(['build', '--root', root]).code).toBe(0);
    // Adding the same locale again from another file is refused: it would be a second de source.
    place(root, { 'pages/other.de.md': PAGES.de });
    const again = runCli(['locale', 'add', '--root', root, '--spec', 'vm-states', '--locale', 'de', join(root, 'pages/other.de.md')]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/already has a de source, pages\/vm\.de\.md; pass --variant/);
  });
});

describe('the runtime package', () => {
  it('may not take the name of a Node.js built-in module, which an import by name would load instead', () => {
    const root = temporaryFolder();
    place(root, { 'page.md': PAGES.en });
    expect(runCli(['init', '--root', root, '--spec', 'vm', '--locale', 'en', join(root, 'page.md')]).code).toBe(0);
    const build = runCli(['build', '--root', root]);
    expect(build.code).toBe(1);
    expect(build.stdout).toMatch(
      /^sources\/vm\/spec\.config\.json:\d+:\d+ error .*would be named "vm", which is a Node\.js built-in module.* config-invalid$/m,
    );
    const config = JSON.parse(read(root, 'sources/vm/spec.config.json')) as Record<string, unknown>;
    writeJson(root, 'sources/vm/spec.config.json', { ...config, package: { name: 'vm-rules' } });
    expect(runCli(['build', '--root', root]).code).toBe(0);
    expect(JSON.parse(read(root, 'generated/vm/package.json')).name).toBe('vm-rules');
  });
});

describe('build --watch with statespec.config.json', () => {
  it('sees the page of a new locale that a pattern names, in a folder that did not exist when it started', async () => {
    const root = temporaryFolder();
    const paths = { en: 'docs/vm.md', de: 'i18n/de/docs/vm.md', fr: 'i18n/fr/docs/vm.md' };
    place(root, { [paths.en]: PAGES.en, [paths.de]: PAGES.de });
    writeJson(root, 'statespec.config.json', { articles: { 'vm-states': { sources: [paths.en, 'i18n/{locale}/docs/vm.md'] } } });
    expect(runCli(['init', '--root', root, '--spec', 'vm-states', '--locale', 'en', join(root, paths.en)]).code).toBe(0);
    expect(runCli(['locale', 'add', '--root', root, '--spec', 'vm-states', '--locale', 'de', join(root, paths.de)]).code).toBe(0);
    let log = '';
    let report = '';
    const stop = new AbortController();
    const done = watchBuild(root, DEFAULT_LIMITS, { stdout: (text) => (report += text), stderr: (text) => (log += text) }, stop.signal);
    const until = async (pattern: RegExp) => {
      for (let waited = 0; waited < 10_000 && !pattern.test(log); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(log).toMatch(pattern);
    };
    try {
      await until(/first build/);
      place(root, { [paths.fr]: PAGES.fr });
      await until(/errors found/);
      expect(report).toMatch(/^i18n\/fr\/docs\/vm\.md:1:1 error No terms file for fr.* terms-missing$/m);
    } finally {
      stop.abort();
      await done;
    }
  });
});

describe('statespec.config.json problems are reported at their place, and nothing is read or written', () => {
  const validate = createValidators(ASSETS.schemas, ASSETS.validators).layout;
  const defaults = { schemaDir: 'schema', regenerate: 'npx statespec build' };
  const check = (json: string) => loadLayout({ path: 'statespec.config.json', bytes: new TextEncoder().encode(json) }, validate, defaults);

  it.each<[string, { json: string; want: RegExp; at: string }]>([
    ['invalid JSON', { json: '{ "output": "out", }', want: /Invalid JSON/, at: '1:20' }],
    ['an unknown field', { json: '{\n  "outputs": "x"\n}', want: /must NOT have additional properties/, at: '2:3' }],
    ['an output folder outside the root', { json: '{ "output": "../elsewhere" }', want: /leaves the root/, at: '1:13' }],
    ['an output folder inside the specs folder', { json: '{ "specs": "docs", "output": "docs/generated" }', want: /overlap/, at: '1:30' }],
    [
      'an output folder that holds an article folder',
      { json: '{ "output": "out", "articles": { "a": { "dir": "out/a", "sources": ["a.md"] } } }', want: /overlap/, at: '1:13' },
    ],
    [
      'a placeholder statespec does not know',
      { json: '{ "articles": { "a": { "sources": ["docs/{lang}/a.md"] } } }', want: /placeholder other than \{locale\}/, at: '1:36' },
    ],
    [
      'a source path that is not Markdown',
      { json: '{ "articles": { "a": { "sources": ["docs/a.html"] } } }', want: /does not end in \.md or \.mdx/, at: '1:36' },
    ],
    ['a bad locale', { json: '{ "articles": { "a": { "sources": [{ "path": "a.md", "locale": "english" }] } } }', want: /locale "english"/, at: '1:64' }],
    ['a bad article id', { json: '{ "articles": { "My Article": { "sources": ["a.md"] } } }', want: /property name must be valid/, at: '1:17' }],
    ['the root as the output folder, in words', { json: '{ "output": "." }', want: /"output" "\." is the root itself; name a folder inside it/, at: '1:13' }],
    ['a source path with a wildcard, in words', { json: '{ "articles": { "a": { "sources": ["docs/*.md"] } } }', want: /has a wildcard/, at: '1:36' }],
    [
      'an output folder where a pattern finds pages',
      {
        json: '{ "output": "i18n/de", "articles": { "a": { "sources": ["i18n/{locale}/docs/a.md"] } } }',
        want: /is where the source path "i18n\/\{locale\}\/docs\/a\.md" finds pages/,
        at: '1:13',
      },
    ],
    ["npm's folder as the output folder", { json: '{ "output": "node_modules/out" }', want: /belongs to npm or git/, at: '1:13' }],
  ])('%s', (_, { json, want, at }) => {
    const loaded = check(json);
    expect(loaded.value).toBeUndefined();
    expect(loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toContainEqual(expect.stringMatching(new RegExp(`^${at} .*${want.source}`)));
  });

  it('a valid one gives its layout, with the defaults where it says nothing', () => {
    expect(check('{ "output": "out" }').value).toMatchObject({ output: 'out', specs: DEFAULT_LAYOUT.specs, regenerate: 'npx statespec build' });
  });

  it('the CLI refuses to run with a broken one, writing nothing', () => {
    const root = temporaryFolder();
    place(root, { 'pages/vm.md': PAGES.en });
    writeFileSync(join(root, 'statespec.config.json'), '{ "output": "pages" , "specs": "pages" }\n');
    for (const args of [['build'], ['check'], ['init', '--spec', 'vm', '--locale', 'en', join(root, 'pages/vm.md')]]) {
      const result = runCli([...args, '--root', root]);
      expect(result.code, args[0]).toBe(1);
      expect(result.stdout).toMatch(/^statespec\.config\.json:1:13 error .*overlap.* config-invalid$/m);
      expect(result.stderr).toContain('nothing was read or written');
    }
    expect(listFiles(root, '.')).toEqual(['pages/vm.md', 'statespec.config.json']);
  });
});

describe('source patterns', () => {
  it.each<[string, { pattern: string; path: string; want: { locale?: string } | undefined }]>([
    ['a locale folder', { pattern: 'i18n/{locale}/docs/a.md', path: 'i18n/de/docs/a.md', want: { locale: 'de' } }],
    ['a locale in a file name', { pattern: 'docs/a.{locale}.md', path: 'docs/a.pt-BR.md', want: { locale: 'pt-BR' } }],
    ['an underscore is a hyphen', { pattern: 'docs/{locale}/a.md', path: 'docs/zh_CN/a.md', want: { locale: 'zh-CN' } }],
    ['no placeholder', { pattern: 'docs/a.md', path: 'docs/a.md', want: {} }],
    ['a locale does not cross folders', { pattern: 'docs/{locale}/a.md', path: 'docs/de/x/a.md', want: undefined }],
    ['every {locale} is the same tag', { pattern: '{locale}/a.{locale}.md', path: 'de/a.fr.md', want: undefined }],
    ['the same tag twice', { pattern: '{locale}/a.{locale}.md', path: 'de/a.de.md', want: { locale: 'de' } }],
    ['dots are literal', { pattern: 'docs/a.md', path: 'docs/aXmd', want: undefined }],
  ])('%s', (_, { pattern, path, want }) => {
    expect(compilePattern({ path: pattern, at: { file: 'statespec.config.json', line: 1, column: 1 } }).match(path)).toEqual(want);
  });

  it('a file a pattern names with a tag that is no locale is reported there, the rest still builds', () => {
    const root = temporaryFolder();
    place(root, { 'docs/en/vm.md': PAGES.en, 'docs/de/vm.md': PAGES.de, 'docs/drafts/vm.md': PAGES.fr });
    writeJson(root, 'statespec.config.json', { articles: { 'vm-states': { sources: ['docs/{locale}/vm.md'] } } });
    expect(runCli(['init', '--root', root, '--spec', 'vm-states', '--locale', 'en', join(root, 'docs/en/vm.md')]).code).toBe(0);
    const build = runCli(['build', '--root', root]);
    expect(build.stdout).toMatch(
      /^docs\/drafts\/vm\.md:1:1 error .*matches the source path "docs\/\{locale\}\/vm\.md".*locale.* (source-name|locale-unknown)$/m,
    );
  });

  it('a page in MDX is read as Markdown', () => {
    const root = temporaryFolder();
    place(root, { 'docs/vm.mdx': PAGES.en, 'i18n/de/vm.mdx': PAGES.de });
    writeJson(root, 'statespec.config.json', { articles: { 'vm-states': { sources: ['docs/vm.mdx', 'i18n/{locale}/vm.mdx'] } } });
    expect(runCli(['init', '--root', root, '--spec', 'vm-states', '--locale', 'en', join(root, 'docs/vm.mdx')]).code).toBe(0);
    expect(runCli(['locale', 'add', '--root', root, '--spec', 'vm-states', '--locale', 'de', join(root, 'i18n/de/vm.mdx')]).code).toBe(0);
    expect(runCli(['build', '--root', root]).code).toBe(0);
  });

  it('a page statespec.config.json names that is not there is reported at the entry', () => {
    const root = temporaryFolder();
    place(root, { 'docs/vm.md': PAGES.en });
    writeJson(root, 'statespec.config.json', { articles: { 'vm-states': { sources: ['docs/vm.md'] } } });
    expect(runCli(['init', '--root', root, '--spec', 'vm-states', '--locale', 'en', join(root, 'docs/vm.md')]).code).toBe(0);
    writeJson(root, 'statespec.config.json', { articles: { 'vm-states': { sources: ['docs/vm.md', 'docs/vm.de.md'] } } });
    const build = runCli(['build', '--root', root]);
    expect(build.code).toBe(1);
    expect(build.stdout).toMatch(
      /^statespec\.config\.json:6:9 error statespec\.config\.json names docs\/vm\.de\.md as a source of vm-states, but there is no such file\..* config-invalid$/m,
    );
  });

  it('init and locale add refuse to record a page outside the project that no pattern names, and a page that is not Markdown', () => {
    const parent = temporaryFolder();
    const root = join(parent, 'project');
    place(parent, { 'Downloads/vm.md': PAGES.en, 'project/docs/vm.html': PAGES.en });
    writeFileSync(join(parent, 'project/statespec.config.json'), '{}\n');
    const outside = runCli(['init', '--root', root, '--spec', 'vm-states', '--locale', 'en', join(parent, 'Downloads/vm.md')]);
    expect(outside.code).toBe(1);
    expect(outside.stdout).toMatch(/\.\.\/Downloads\/vm\.md is outside the project, and no source path of vm-states in statespec\.config\.json names it/);
    const html = runCli(['init', '--root', root, '--spec', 'vm-states', '--locale', 'en', join(root, 'docs/vm.html')]);
    expect(html.code).toBe(1);
    expect(html.stdout).toMatch(/docs\/vm\.html does not end in \.md or \.mdx/);
    expect(read(root, 'statespec.config.json')).toBe('{}\n');
    expect(listFiles(root, '.')).toEqual(['docs/vm.html', 'statespec.config.json']);
  });

  it('an article that statespec.config.json lists but that has no config yet says how to start it', () => {
    const root = temporaryFolder();
    place(root, { 'docs/vm.md': PAGES.en });
    writeJson(root, 'statespec.config.json', { articles: { 'vm-states': { sources: ['docs/vm.md'] } } });
    const build = runCli(['build', '--root', root]);
    expect(build.code).toBe(1);
    expect(build.stdout).toMatch(/^statespec\.config\.json:3:5 error .*statespec init --spec vm-states.* config-missing$/m);
  });
});

describe('the output folder is shared safely', () => {
  it('a manifest entry that leaves the output folder, or goes through a symbolic link, removes nothing', () => {
    const root = temporaryFolder();
    place(root, { 'docs/vm.md': PAGES.en, 'elsewhere/keep.md': PAGES.en });
    writeJson(root, 'statespec.config.json', { output: 'out', articles: { 'vm-states': { sources: ['docs/vm.md'] } } });
    expect(runCli(['init', '--root', root, '--spec', 'vm-states', '--locale', 'en', join(root, 'docs/vm.md')]).code).toBe(0);
    expect(runCli(['build', '--root', root]).code).toBe(0);
    mkdirSync(join(root, 'out/linked'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'out/linked/docs'), 'dir');
    const manifest = JSON.parse(read(root, 'out/statespec.manifest.json')) as { files: string[] };
    writeJson(root, 'out/statespec.manifest.json', { ...manifest, files: [...manifest.files, 'out/../docs/vm.md', 'out/linked/docs/keep.md'] });
    expect(runCli(['build', '--root', root]).code).toBe(0);
    expect(existsSync(join(root, 'docs/vm.md'))).toBe(true);
    expect(existsSync(join(root, 'elsewhere/keep.md'))).toBe(true);
  });

  it('a symbolic link on the way to the pages a pattern names is reported, not followed or silently skipped', () => {
    const root = temporaryFolder();
    place(root, { 'docs/vm.md': PAGES.en, 'real-i18n/de/vm.md': PAGES.de });
    symlinkSync(join(root, 'real-i18n'), join(root, 'i18n'), 'dir');
    writeJson(root, 'statespec.config.json', { articles: { 'vm-states': { sources: ['docs/vm.md', 'i18n/{locale}/vm.md'] } } });
    expect(runCli(['init', '--root', root, '--spec', 'vm-states', '--locale', 'en', join(root, 'docs/vm.md')]).code).toBe(0);
    const build = runCli(['build', '--root', root]);
    expect(build.code).toBe(1);
    expect(build.stdout).toMatch(/^i18n:1:1 error i18n is a symbolic link.* path-unsafe$/m);
  });

  it('locale add refuses a file in the spec folder that is not named for its locale', () => {
    const root = temporaryFolder();
    place(root, { 'docs/vm.md': PAGES.en, 'sources/vm-states/notes.md': PAGES.de, 'sources/vm-states/de.md': PAGES.de });
    writeJson(root, 'statespec.config.json', { articles: { 'vm-states': { sources: ['docs/vm.md'] } } });
    expect(runCli(['init', '--root', root, '--spec', 'vm-states', '--locale', 'en', join(root, 'docs/vm.md')]).code).toBe(0);
    const notes = runCli(['locale', 'add', '--root', root, '--spec', 'vm-states', '--locale', 'de', join(root, 'sources/vm-states/notes.md')]);
    expect(notes.code).toBe(1);
    expect(notes.stdout).toMatch(/where sources are read by their name; name it de\.md/);
    const wrongLocale = runCli(['locale', 'add', '--root', root, '--spec', 'vm-states', '--locale', 'fr', join(root, 'sources/vm-states/de.md')]);
    expect(wrongLocale.code).toBe(1);
    expect(wrongLocale.stdout).toMatch(/name it fr\.md/);
  });

  it('a source pattern inside the output folder is refused: a build would write among the pages', () => {
    const root = temporaryFolder();
    place(root, { 'docs/vm.md': PAGES.en });
    writeJson(root, 'statespec.config.json', { output: 'docs', specs: 'statespec', articles: { 'vm-states': { sources: ['docs/vm.md'] } } });
    const init = runCli(['init', '--root', root, '--spec', 'vm-states', '--locale', 'en', join(root, 'docs/vm.md')]);
    expect(init.code).toBe(1);
    expect(init.stdout).toMatch(/the output folder "docs" is where the source path "docs\/vm\.md" finds pages/);
    expect(listFiles(root, '.')).toEqual(['docs/vm.md', 'statespec.config.json']);
  });

  it('files of the docs team in the output folder are left alone; one at an output path blocks the build until it is moved', () => {
    const root = temporaryFolder();
    place(root, { 'pages/vm.md': PAGES.en });
    writeJson(root, 'statespec.config.json', { output: 'site', articles: { 'vm-states': { sources: ['pages/vm.md'] } } });
    expect(runCli(['init', '--root', root, '--spec', 'vm-states', '--locale', 'en', join(root, 'pages/vm.md')]).code).toBe(0);
    mkdirSync(join(root, 'site/docs'), { recursive: true });
    writeFileSync(join(root, 'site/index.md'), '# Our site\n');
    writeFileSync(join(root, 'site/docs/health.md'), '# Our own health page\n');
    const blocked = runCli(['build', '--root', root]);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(/^site\/docs\/health\.md:1:1 error .* output-conflict$/m);
    // One report with one summary, the conflict counted in it.
    expect(blocked.stdout.match(/^[✔✖] /gm)).toEqual(['✖ ']);
    expect(listFiles(root, 'site')).toEqual(['site/docs/health.md', 'site/index.md']);
    expect(read(root, 'site/docs/health.md')).toBe('# Our own health page\n');
    expect(runCli(['check', '--root', root]).stdout).toMatch(/^site\/docs\/health\.md:1:1 error .* output-conflict$/m);
    rmSync(join(root, 'site/docs/health.md'));
    expect(runCli(['build', '--root', root]).code).toBe(0);
    expect(read(root, 'site/index.md')).toBe('# Our site\n');
    expect(JSON.parse(read(root, 'site/statespec.manifest.json')).files).toContain('site/docs/health.md');
    // The next build overwrites its own file, and a source removed takes only its outputs with it.
    expect(runCli(['build', '--root', root]).code).toBe(0);
    expect(read(root, 'site/index.md')).toBe('# Our site\n');
  });
});
