import { cpSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../src/cli/files.js';
import { compile, unsafeOutputs } from '../src/pipeline.js';
import { ASSETS, compileFiles, FIXTURES, generatedSnapshot, runCli, temporaryFolders, toProjectFiles } from './helpers/project.js';

/**
 * Every kind of bad input the hardening issue lists, run through the real CLI
 * on a small valid project (test/fixtures/valid-html-split, whose generated/
 * is its golden). Each must give its own code at an exact file:line:column,
 * exit 1, no stack trace, and leave generated/ byte for byte as it was.
 */
const BASE = join(FIXTURES, 'valid-html-split');
const SPEC = 'sources/mini';
const EN = `${SPEC}/en-US.md`;
const DE = `${SPEC}/de-DE.md`;
const DE_TERMS = `${SPEC}/terms/de-DE.json`;
const CONFIG = `${SPEC}/spec.config.json`;

const temporaryFolder = temporaryFolders('statespec-hardening-');

function project(): string {
  const root = temporaryFolder();
  cpSync(join(BASE, 'sources'), join(root, 'sources'), { recursive: true });
  cpSync(join(BASE, 'expected', 'generated'), join(root, 'generated'), { recursive: true });
  return root;
}

const cli = runCli;
const snapshot = generatedSnapshot;

const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');
const write = (root: string, path: string, content: string | Uint8Array): void => writeFileSync(join(root, path), content);
const edit = (root: string, path: string, change: (text: string) => string): void => write(root, path, change(read(root, path)));
/** Replaces the first `from` in a file, failing loudly if it is not there (so a case cannot silently test nothing). */
const replaceIn = (root: string, path: string, from: string, to: string): void =>
  edit(root, path, (text) => {
    if (!text.includes(from)) throw new Error(`${path} has no ${JSON.stringify(from)}`);
    return text.replace(from, to);
  });

interface BadInput {
  name: string;
  arrange: (root: string) => void;
  /** `file:line:column severity` and the code, as the text report prints them. */
  want: { at: string; code: string; message: RegExp };
  args?: string[];
}

// Line 43 of de-DE.md is `<tr><td>Aktiv</td><td>✓</td></tr>`: its mark cell starts at column 19.
const BAD_INPUTS: BadInput[] = [
  {
    name: 'an empty file',
    arrange: (root) => write(root, DE, ''),
    want: { at: `${DE}:1:1`, code: 'source-empty', message: /is empty/ },
  },
  {
    name: 'a file with a NUL byte',
    arrange: (root) => replaceIn(root, DE, 'Mini-Tabelle', 'Mini\u0000Tabelle'),
    want: { at: `${DE}:4:7`, code: 'source-encoding', message: /NUL byte/ },
  },
  {
    name: 'invalid UTF-8',
    arrange: (root) => {
      const bytes = readFileSync(join(root, DE));
      const at = bytes.indexOf('Tabelle');
      write(root, DE, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28]), bytes.subarray(at)]));
    },
    want: { at: `${DE}:4:8`, code: 'source-encoding', message: /not valid UTF-8 \(byte 0xc3 at byte offset \d+\)/ },
  },
  {
    name: 'a UTF-16 file with a byte order mark',
    arrange: (root) => write(root, DE, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(read(root, DE), 'utf16le')])),
    want: { at: `${DE}:1:1`, code: 'source-encoding', message: /UTF-16 \(little-endian, with a byte order mark\), not UTF-8/ },
  },
  {
    name: 'a UTF-16 file without a byte order mark',
    arrange: (root) => write(root, DE, Buffer.from(read(root, DE), 'utf16le')),
    want: { at: `${DE}:1:1`, code: 'source-encoding', message: /UTF-16 \(little-endian, without a byte order mark\)/ },
  },
  {
    name: 'a table with no rows',
    arrange: (root) => replaceIn(root, DE, '<table border="1">', '<table></table>\n\n<table border="1">'),
    want: { at: `${DE}:8:1`, code: 'table-malformed', message: /has no rows/ },
  },
  {
    name: 'a ragged row in the reference (a cell missing)',
    arrange: (root) => replaceIn(root, EN, '| Active |  | ✔ | ✔ |', '| Active |  | ✔ |'),
    want: { at: `${EN}:13:1`, code: 'row-cells-missing', message: /has 3 cells but the header has 4/ },
  },
  {
    name: 'a ragged row in a translation (a cell missing)',
    arrange: (root) => replaceIn(root, DE, '<tr><td>Aktiv</td><td>✓</td></tr>', '<tr><td>Aktiv</td></tr>'),
    want: { at: `${DE}:43:1`, code: 'row-cells-missing', message: /has 1 cells but the header has 2/ },
  },
  {
    name: 'a nested table',
    arrange: (root) => replaceIn(root, DE, '<tr><td>Aktiv</td><td>✓</td></tr>', '<tr><td>Aktiv</td><td><table><tr><td>✓</td></tr></table></td></tr>'),
    want: { at: `${DE}:43:19`, code: 'table-malformed', message: /nested inside a cell/ },
  },
  ...(
    [
      ['colspan="0"', /not a positive whole number/],
      ['colspan="-1"', /not a positive whole number/],
      ['colspan="two"', /not a positive whole number/],
      ['colspan="3"', /reaches 2 column\(s\) past the table's 2/],
      ['colspan="1000000"', /exceeds HTML's limit of 1000/],
      ['rowspan="0"', /"to the end of its table section"/],
      ['rowspan="-1"', /not a positive whole number/],
      ['rowspan="x"', /not a positive whole number/],
      ['rowspan="9"', /reaches \d+ row\(s\) past the end/],
      ['rowspan="1000000"', /exceeds HTML's limit of 65534/],
    ] as const
  ).map(
    ([span, message]): BadInput => ({
      name: `a data cell with ${span}`,
      arrange: (root) => replaceIn(root, DE, '<tr><td>Aktiv</td><td>✓</td></tr>', `<tr><td>Aktiv</td><td ${span}>✓</td></tr>`),
      want: { at: `${DE}:43:19`, code: 'span-invalid', message },
    }),
  ),
  {
    name: 'an unclosed <table>',
    arrange: (root) => replaceIn(root, DE, '</tbody>\n</table>', ''),
    want: { at: `${DE}:40:1`, code: 'table-malformed', message: /never closed/ },
  },
  {
    name: 'a missing reference locale',
    arrange: (root) => rmSync(join(root, EN)),
    want: { at: `${CONFIG}:3:22`, code: 'reference-missing', message: /No source for the reference locale en-US/ },
  },
  {
    name: 'a missing terms file',
    arrange: (root) => rmSync(join(root, DE_TERMS)),
    want: {
      at: `${DE}:1:1`,
      code: 'terms-missing',
      message: /statespec locale add --spec mini --locale de-DE sources\/mini\/de-DE\.md` to draft sources\/mini\/terms\/de-DE\.json/,
    },
  },
  {
    name: 'a terms file with a JSON syntax error',
    arrange: (root) => replaceIn(root, DE_TERMS, '"Aktiv",', '"Aktiv",,'),
    want: { at: `${DE_TERMS}:5:25`, code: 'json-syntax', message: /property name expected/ },
  },
  {
    name: 'a terms file that breaks its schema',
    arrange: (root) => replaceIn(root, DE_TERMS, '"Starten"', '42'),
    want: { at: `${DE_TERMS}:11:16`, code: 'terms-invalid', message: /"\/axes\/operations\/Start"/ },
  },
  {
    name: 'a missing spec.config.json',
    arrange: (root) => rmSync(join(root, CONFIG)),
    want: { at: `${DE}:1:1`, code: 'config-missing', message: /has no spec\.config\.json/ },
  },
  {
    name: 'a spec.config.json with a JSON syntax error',
    arrange: (root) => replaceIn(root, CONFIG, '"Stopped",', '"Stopped"'),
    want: { at: `${CONFIG}:9:9`, code: 'json-syntax', message: /comma expected/ },
  },
  {
    name: 'a spec.config.json that breaks its schema, located by its JSON Pointer',
    arrange: (root) => replaceIn(root, CONFIG, '"StartFailed"', '"start failed"'),
    want: { at: `${CONFIG}:9:9`, code: 'config-invalid', message: /"\/axes\/states\/ids\/2", must match pattern/ },
  },
  {
    name: 'an unknown locale tag in a file name',
    arrange: (root) => {
      renameSync(join(root, DE), join(root, `${SPEC}/qx-DE.md`));
    },
    want: { at: `${SPEC}/qx-DE.md:1:1`, code: 'locale-unknown', message: /language "qx" is not one Unicode CLDR knows/ },
  },
  {
    name: 'an unknown locale tag in the config',
    arrange: (root) => replaceIn(root, CONFIG, '"referenceLocale": "en-US"', '"referenceLocale": "en-XX"'),
    want: { at: `${CONFIG}:3:22`, code: 'locale-unknown', message: /region "XX"/ },
  },
  {
    name: 'two files claiming the same locale and variant',
    arrange: (root) => cpSync(join(root, DE), join(root, `${SPEC}/de-de.md`)),
    want: { at: `${SPEC}/de-de.md:1:1`, code: 'source-duplicate', message: /claims locale de-DE, as de-DE\.md already does/ },
  },
  {
    name: 'a source over the size limit',
    arrange: () => {},
    args: ['--max-source-bytes', '500'],
    want: { at: `${DE}:1:1`, code: 'source-too-large', message: /is \d+ bytes, over the 500-byte limit/ },
  },
  {
    name: 'a spec folder whose name is a reserved device name',
    arrange: (root) => {
      renameSync(join(root, SPEC), join(root, 'sources/aux'));
      replaceIn(root, 'sources/aux/spec.config.json', '"id": "mini"', '"id": "aux"');
    },
    want: { at: 'sources/aux/de-DE.md:1:1', code: 'path-unsafe', message: /reserved device name/ },
  },
  {
    name: 'a spec id that is a relative path',
    arrange: (root) => replaceIn(root, CONFIG, '"id": "mini"', '"id": "../../etc"'),
    want: { at: `${CONFIG}:2:9`, code: 'config-invalid', message: /"\/id", must match pattern/ },
  },
];

describe('bad input: a clear diagnostic, exit 1, generated/ untouched', () => {
  it.each(BAD_INPUTS.map((input) => [input.name, input] as const))('%s', (_, input) => {
    const root = project();
    const before = snapshot(root);
    input.arrange(root);
    const result = cli(['build', '--root', root, ...(input.args ?? [])]);
    const lines = result.stdout.split('\n');
    const line = lines.find((text) => text.startsWith(`${input.want.at} error `) && text.endsWith(` ${input.want.code}`));
    expect(line, result.stdout).toBeDefined();
    expect(line).toMatch(input.want.message);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('generated/ was not changed');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(snapshot(root)).toEqual(before);
  });

  it('a UTF-8 BOM and CRLF line endings are accepted, with the same findings at the same positions', () => {
    const plain = project();
    const converted = project();
    for (const path of [EN, DE]) edit(converted, path, (text) => `\ufeff${text.replace(/\n/g, '\r\n')}`);
    // spec.json records each source's sha256, which the new bytes change; every other finding is the same.
    const findings = (root: string) =>
      cli(['check', '--root', root])
        .stdout.split('\n')
        .filter((line) => /^sources\//.test(line));
    expect(findings(converted)).toEqual(findings(plain));
    expect(findings(converted)).toContain(
      `${DE}:43:19 warning de-DE.md marks 1 true cell(s) with "✓", which the reference en-US.md never uses (it writes ✔); they are read as true. mark-unusual`,
    );
    const build = cli(['build', '--root', converted]);
    expect(build.code).toBe(0);
    expect(build.stderr).toContain('1 written');
    expect(read(converted, 'generated/mini/spec.json').replace(/"sha256": "\w+"/g, '')).toBe(
      read(plain, 'generated/mini/spec.json').replace(/"sha256": "\w+"/g, ''),
    );
  });

  it('--max-source-bytes must be a positive whole number', () => {
    for (const value of ['0', '-5', '1e6', 'lots']) expect(cli(['build', '--root', project(), '--max-source-bytes', value]).code).toBe(2);
  });
});

describe('bad input reported once, and for what it is', () => {
  const files = () => Object.fromEntries(listFiles(BASE, 'sources').map((path) => [path, new TextDecoder().decode(readFileSync(join(BASE, path)))]));
  const codes = (result: ReturnType<typeof compileFiles>) => result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.file}`);

  it('a config over the size limit is source-too-large, not also config-missing', () => {
    const padded = { ...files(), [CONFIG]: `${files()[CONFIG]}${' '.repeat(2000)}` };
    const result = compile({ files: toProjectFiles(padded), assets: ASSETS, limits: { maxSourceBytes: 1500 } });
    expect(result.diagnostics.map((d) => d.code)).not.toContain('config-missing');
    expect(result.diagnostics.filter((d) => d.code === 'source-too-large').map((d) => d.file)).toContain(CONFIG);
  });

  it('a stray file under terms/ is reported once', () => {
    expect(codes(compileFiles({ ...files(), [`${SPEC}/terms/notes.txt`]: 'x' }))).toEqual([`terms-invalid ${SPEC}/terms/notes.txt`]);
  });

  it('two primarySources keys naming one locale are refused, not silently merged', () => {
    const config = JSON.parse(files()[CONFIG]!) as Record<string, unknown>;
    config.primarySources = { 'de-de': 'de-DE.md', 'de-DE': 'de-DE.md' };
    const result = compileFiles({ ...files(), [CONFIG]: JSON.stringify(config, null, 2) });
    expect(result.diagnostics.find((d) => d.code === 'config-invalid')?.message).toMatch(/names de-DE twice/);
    expect(result.outputs).toEqual([]);
  });
});

describe('paths: nothing is ever written outside generated/', () => {
  it('ids, locale tags and file paths that could escape are refused with path-unsafe, locale-unknown or config-invalid', () => {
    const files = Object.fromEntries(listFiles(BASE, 'sources').map((path) => [path, readFileSync(join(BASE, path))]));
    const cases: [string, Record<string, Uint8Array | string>, string][] = [
      ['a ".." segment', { 'sources/../evil/spec.config.json': '{}' }, 'path-unsafe'],
      ['an absolute path', { '/etc/statespec/spec.config.json': '{}' }, 'path-unsafe'],
      ['a backslash', { 'sources\\mini\\de-DE.md': '# x' }, 'path-unsafe'],
      ['a reserved device name as a file', { 'sources/mini/CON.md': '# x' }, 'path-unsafe'],
      ['a reserved device name as a locale', { 'sources/mini/nul.md': '# x' }, 'path-unsafe'],
      ['a locale CLDR does not know', { 'sources/mini/prn-US.md': '# x' }, 'locale-unknown'],
    ];
    for (const [name, extra, code] of cases) {
      const result = compileFiles({ ...files, ...extra });
      expect(
        result.diagnostics.map((d) => d.code),
        name,
      ).toContain(code);
      expect(result.outputs, name).toEqual([]);
    }
  });

  it('the last gate refuses any output path outside generated/ or with an unsafe segment', () => {
    const unsafe = unsafeOutputs([
      { path: 'generated/mini/spec.json', content: '' },
      { path: 'generated/../../etc/passwd', content: '' },
      { path: 'generated/docs/aux/mini.md', content: '' },
      { path: '/tmp/x', content: '' },
    ]);
    expect(unsafe.map((d) => `${d.code} ${d.file}`)).toEqual([
      'path-unsafe generated/../../etc/passwd',
      'path-unsafe generated/docs/aux/mini.md',
      'path-unsafe /tmp/x',
    ]);
  });

  it('build refuses to write through a symbolic link that leads out of generated/', () => {
    for (const link of ['generated', 'generated/docs']) {
      const root = project();
      const outside = temporaryFolder();
      cpSync(join(root, link), outside, { recursive: true });
      rmSync(join(root, link), { recursive: true });
      symlinkSync(outside, join(root, link), 'dir');
      edit(root, EN, (text) => text.replace('# Mini chart', '# Mini chart, changed'));
      const before = listFiles(outside, '.').map((path) => [path, readFileSync(join(outside, path), 'utf8')]);
      const result = cli(['build', '--root', root]);
      expect(result.code, link).toBe(1);
      expect(result.stdout).toMatch(/path-unsafe/);
      expect(listFiles(outside, '.').map((path) => [path, readFileSync(join(outside, path), 'utf8')])).toEqual(before);
    }
  });

  it('build refuses a generated/ that is a link to the project itself, or a dangling link inside it, deleting nothing', () => {
    const root = project();
    rmSync(join(root, 'generated'), { recursive: true });
    writeFileSync(join(root, 'NOTES.txt'), 'keep me\n');
    symlinkSync('.', join(root, 'generated'), 'dir');
    const everything = listFiles(root, 'sources');
    const linked = cli(['build', '--root', root]);
    expect(linked.code).toBe(1);
    expect(linked.stdout).toMatch(/path-unsafe/);
    expect(listFiles(root, 'sources')).toEqual(everything);
    expect(read(root, 'NOTES.txt')).toBe('keep me\n');

    const dangling = project();
    rmSync(join(dangling, 'generated/mini'), { recursive: true });
    symlinkSync(join(dangling, 'no-such-folder'), join(dangling, 'generated/mini'), 'dir');
    const result = cli(['build', '--root', dangling]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/generated\/mini\/index\.d\.ts:1:1 error .* path-unsafe/);
  });

  it('a symbolic link under sources/ is reported, not followed', () => {
    const root = project();
    const outside = temporaryFolder();
    writeFileSync(join(outside, 'secret.md'), '# not a source\n');
    symlinkSync(join(outside, 'secret.md'), join(root, `${SPEC}/fr-FR.md`));
    const result = cli(['build', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${SPEC}/fr-FR\\.md:1:1 error .*symbolic link.* path-unsafe$`, 'm'));
  });

  it('temporary files a killed run left under sources/ and generated/ are ignored, and removed by the next build', () => {
    const root = project();
    const leftovers = [`${SPEC}/terms/.statespec-tmp-999999-00000000`, 'generated/mini/.statespec-tmp-999999-11111111'];
    for (const path of leftovers) writeFileSync(join(root, path), 'half');
    expect(cli(['check', '--root', root]).code).toBe(0);
    edit(root, DE, (text) => text.replace('<td><center>√</center></td>', '<td>?</td>'));
    expect(cli(['build', '--root', root]).code).toBe(1);
    expect([...listFiles(root, 'sources'), ...listFiles(root, 'generated')].filter((path) => path.includes('.statespec-tmp-'))).toEqual([]);
  });

  it('locale add refuses locale tags and variants that are not plain names, writing nothing', () => {
    const root = project();
    const before = listFiles(root, '.');
    const file = join(root, DE);
    for (const [args, code] of [
      [['--locale', '../../etc'], 'source-name'],
      [['--locale', 'con'], 'locale-unknown'],
      [['--locale', 'de-AT', '--variant', '../x'], 'source-name'],
      [['--locale', 'de-AT', '--variant', 'Con'], 'source-name'],
    ] as const) {
      const result = cli(['locale', 'add', '--spec', 'mini', ...args, '--root', root, file]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout).toContain(code);
      expect(listFiles(root, '.')).toEqual(before);
    }
  });
});
