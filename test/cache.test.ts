import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFile, cacheFiles, cacheKey, cacheKeyOnDisk, fileSignature, sha256 } from '../src/cli/cache.js';
import { outputsUnchanged } from '../src/cli/fast.js';
import { defaultLayout, readProjectFiles } from '../src/cli/files.js';
import { DEFAULT_LIMITS } from '../src/load/types.js';
import { generatedSnapshot, REPO_ROOT, temporaryFolders } from './helpers/project.js';

/**
 * A no-op build or check replays the last run from a cache keyed by content
 * hashes (bin/statespec.js → src/cli/fast.ts). These tests prove it is never
 * stale: any change to what decides the result makes the next run a full one.
 */
const BIN = join(REPO_ROOT, 'bin', 'statespec.js');
const CACHED = '(nothing changed since the last run)';
const temporaryFolder = temporaryFolders('statespec-cache-');
const CHART = 'sources/biztalk-services-state-chart';

function project(): string {
  const root = temporaryFolder();
  for (const entry of ['sources', 'generated', 'package.json']) cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true });
  return root;
}

function statespec(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args, '--root', root], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, cached: result.stderr.includes(CACHED) };
}

function withCache(root: string, test: () => void): void {
  try {
    test();
  } finally {
    for (const file of Object.values(cacheFiles(root))) rmSync(file, { force: true });
  }
}

describe('the no-op cache', () => {
  it('replays a no-op build and check exactly as the full run printed them', () => {
    const root = project();
    withCache(root, () => {
      const fullBuild = statespec(root, 'build');
      expect(fullBuild.code).toBe(0);
      expect(fullBuild.cached).toBe(false);
      const cachedBuild = statespec(root, 'build');
      expect(cachedBuild).toMatchObject({ code: 0, cached: true, stdout: fullBuild.stdout });
      for (const format of ['text', 'json', 'sarif']) {
        const cached = statespec(root, 'check', '--format', format);
        const full = statespec(root, 'check', '--format', format, '--no-cache');
        expect(cached.cached && !full.cached, format).toBe(true);
        expect(cached.stdout, format).toBe(full.stdout);
        expect(cached.code).toBe(full.code);
      }
      expect(statespec(root, 'build', '--no-cache').cached).toBe(false);
    });
  });

  it.each([
    [
      'a source changes by one byte',
      (root: string) =>
        writeFileSync(join(root, CHART, 'ko-KR.md'), readFileSync(join(root, CHART, 'ko-KR.md'), 'utf8').replace('<td><center>x</center></td>', '<td> </td>')),
    ],
    [
      'a terms file changes',
      (root: string) =>
        writeFileSync(join(root, CHART, 'terms/de-DE.json'), readFileSync(join(root, CHART, 'terms/de-DE.json'), 'utf8').replace('"Aktiv"', '"Aktiv!"')),
    ],
    [
      'the config changes',
      (root: string) => writeFileSync(join(root, CHART, 'spec.config.json'), `${readFileSync(join(root, CHART, 'spec.config.json'), 'utf8')} `),
    ],
    ['a source is added', (root: string) => cpSync(join(root, CHART, 'de-DE.md'), join(root, CHART, 'de-DE.copy.md'))],
    ['a source is removed', (root: string) => rmSync(join(root, CHART, 'fi-FI.md'))],
    ['a generated file is edited', (root: string) => writeFileSync(join(root, 'generated/docs/ko-KR/biztalk-services-state-chart.md'), 'edited\n')],
    ['a generated file is deleted', (root: string) => rmSync(join(root, 'generated/docs/ko-KR/biztalk-services-state-chart.md'))],
    [
      'a generated file is edited to the same size, its mtime set back (only its ctime tells)',
      (root: string) => {
        const path = join(root, 'generated/docs/ko-KR/biztalk-services-state-chart.md');
        const { atime, mtime } = statSync(path);
        const text = readFileSync(path, 'utf8');
        writeFileSync(path, text.replace('|', '!'));
        utimesSync(path, atime, mtime);
      },
    ],
    ['the manifest is edited', (root: string) => writeFileSync(join(root, 'generated/statespec.manifest.json'), '{}\n')],
    [
      "the project's build script is renamed (the banners name it)",
      (root: string) => writeFileSync(join(root, 'package.json'), readFileSync(join(root, 'package.json'), 'utf8').replace('"build":', '"make":')),
    ],
  ])('is not used when %s', (_, change) => {
    const root = project();
    withCache(root, () => {
      expect(statespec(root, 'build').code).toBe(0);
      expect(statespec(root, 'check').cached).toBe(true);
      change(root);
      const check = statespec(root, 'check');
      expect(check.cached).toBe(false);
      // What it printed is what a run that never had a cache prints.
      const uncached = statespec(root, 'check', '--no-cache');
      expect({ code: check.code, stdout: check.stdout }).toEqual({ code: uncached.code, stdout: uncached.stdout });
    });
  });

  it('replays a blocked run as blocked, for build and check alike', () => {
    const root = project();
    withCache(root, () => {
      writeFileSync(join(root, CHART, 'ko-KR.md'), readFileSync(join(root, CHART, 'ko-KR.md'), 'utf8').replace('<td><center>x</center></td>', '<td>?</td>'));
      const full = statespec(root, 'build');
      expect(full).toMatchObject({ code: 1, cached: false });
      expect(statespec(root, 'build')).toMatchObject({ code: 1, cached: true, stdout: full.stdout });
      expect(statespec(root, 'check')).toMatchObject({ code: 1, cached: true });
      expect(generatedSnapshot(root)).toEqual(generatedSnapshot(REPO_ROOT));
    });
  });

  it('falls back to a full run when the cache file is corrupt, and never crashes on it', () => {
    const root = project();
    withCache(root, () => {
      statespec(root, 'build');
      for (const broken of ['{', 'null', '{"key": 1}', JSON.stringify({ key: 'x', diagnostics: [{}], outputs: null })]) {
        writeFileSync(cacheFile(root), broken);
        const result = statespec(root, 'check');
        expect(result, broken).toMatchObject({ code: 0, cached: false });
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    });
  });

  it('does not replay a build whose generated/ has become a symbolic link (the full run refuses it)', () => {
    const root = project();
    withCache(root, () => {
      statespec(root, 'build');
      const elsewhere = temporaryFolder();
      cpSync(join(root, 'generated'), elsewhere, { recursive: true });
      rmSync(join(root, 'generated'), { recursive: true });
      symlinkSync(elsewhere, join(root, 'generated'), 'dir');
      const result = statespec(root, 'build');
      expect(result).toMatchObject({ code: 1, cached: false });
      expect(result.stdout).toContain('path-unsafe');
    });
  });

  it('is not used when --max-source-bytes changes', () => {
    const root = project();
    withCache(root, () => {
      statespec(root, 'build');
      const limited = statespec(root, 'build', '--max-source-bytes', '1000');
      expect(limited).toMatchObject({ code: 1, cached: false });
      expect(limited.stdout).toContain('source-too-large');
      expect(generatedSnapshot(root)).toEqual(generatedSnapshot(REPO_ROOT));
    });
  });

  it('reads the same key from the disk file by file as from the files in memory, links and files over the limit included', () => {
    const root = project();
    symlinkSync(join(root, CHART, 'de-DE.md'), join(root, CHART, 'xx-XX.md'));
    const limits = { ...DEFAULT_LIMITS, maxSourceBytes: 7000 };
    const layout = defaultLayout(root);
    const files = readProjectFiles(root, limits, layout);
    expect(files.some((file) => file.symbolicLink) && files.some((file) => file.size !== undefined)).toBe(true);
    expect(cacheKeyOnDisk(root, limits, layout)).toBe(cacheKey(files, limits, undefined, layout));
    writeFileSync(join(root, CHART, 'fi-FI.md'), `${readFileSync(join(root, CHART, 'fi-FI.md'), 'utf8')} `);
    expect(cacheKeyOnDisk(root, limits, layout)).not.toBe(cacheKey(files, limits, undefined, layout));
  });

  it('trusts an output by its signature only while its ctime is unchanged and older than the entry', () => {
    const root = temporaryFolder();
    const path = 'out.md';
    writeFileSync(join(root, path), 'abc\n');
    // A whole second, so that utimes can set it back exactly (a fraction would lose nanoseconds to a float).
    utimesSync(join(root, path), 1_000_000_000, 1_000_000_000);
    const recorded = { sha256: sha256('abc\n'), signature: fileSignature(statSync(join(root, path), { bigint: true })) };
    const later = statSync(join(root, path), { bigint: true }).ctimeNs + 10n ** 12n;
    // The same size, the mtime set back: only the ctime in the signature tells the edit apart, so its bytes are hashed.
    writeFileSync(join(root, path), 'abd\n');
    utimesSync(join(root, path), 1_000_000_000, 1_000_000_000);
    expect(outputsUnchanged(root, { outputs: { [path]: recorded }, writtenNs: later })).toBe(false);
    // A signature of the same clock tick as the entry is not trusted either: the bytes decide.
    const current = { sha256: recorded.sha256, signature: fileSignature(statSync(join(root, path), { bigint: true })) };
    expect(outputsUnchanged(root, { outputs: { [path]: current }, writtenNs: 0n })).toBe(false);
    expect(outputsUnchanged(root, { outputs: { [path]: current }, writtenNs: later })).toBe(true);
  });

  it('its key changes with any template, schema, the version or the code of the tool', () => {
    const files = readProjectFiles(REPO_ROOT);
    const copyTool = () => {
      const dir = temporaryFolder();
      for (const folder of ['templates', 'schema']) cpSync(join(REPO_ROOT, folder), join(dir, folder), { recursive: true });
      cpSync(join(REPO_ROOT, 'package.json'), join(dir, 'package.json'));
      cpSync(join(REPO_ROOT, 'src', 'emit'), join(dir, 'code'), { recursive: true });
      return { packageDir: dir, codeDir: join(dir, 'code') };
    };
    const base = copyTool();
    const key = cacheKey(files, DEFAULT_LIMITS, base);
    expect(cacheKey(files, DEFAULT_LIMITS, copyTool())).toBe(key);
    const edits: [string, (dir: string) => void][] = [
      ['a template', (dir) => writeFileSync(join(dir, 'templates/doc-table.md.hbs'), `${readFileSync(join(dir, 'templates/doc-table.md.hbs'), 'utf8')}\n`)],
      ['a schema', (dir) => writeFileSync(join(dir, 'schema/spec.schema.json'), `${readFileSync(join(dir, 'schema/spec.schema.json'), 'utf8')} `)],
      [
        'the version',
        (dir) => writeFileSync(join(dir, 'package.json'), readFileSync(join(dir, 'package.json'), 'utf8').replace(/"version": "[^"]+"/, '"version": "9.9.9"')),
      ],
      ['the code', (dir) => writeFileSync(join(dir, 'code/escape.ts'), `${readFileSync(join(dir, 'code/escape.ts'), 'utf8')}\n`)],
    ];
    for (const [what, edit] of edits) {
      const tool = copyTool();
      edit(tool.packageDir);
      expect(cacheKey(files, DEFAULT_LIMITS, tool), what).not.toBe(key);
    }
  });
});
