import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, readProjectFiles } from '../src/cli/files.js';
import { compile } from '../src/pipeline.js';
import { ASSETS, REPO_ROOT, temporaryFolders } from './helpers/project.js';

const BIN = join(REPO_ROOT, 'bin', 'statespec.js');
const temporaryFolder = temporaryFolders('statespec-determinism-');

function freshProject(): string {
  const root = temporaryFolder();
  cpSync(join(REPO_ROOT, 'sources'), join(root, 'sources'), { recursive: true });
  cpSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
  return root;
}

/** Every generated file, byte for byte (one char per byte). */
function bytesOf(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(root, 'generated').map((path) => [path, readFileSync(join(root, path)).toString('binary')]));
}

describe('determinism', () => {
  it('two builds under different TZ, LANG, LC_ALL and working directory write byte-identical files, equal to the committed ones', () => {
    const environments = [
      { cwd: '/', env: { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }, root: (dir: string) => dir },
      { cwd: 'root', env: { TZ: 'America/St_Johns', LANG: 'C', LC_ALL: 'C' }, root: () => '.' },
      { cwd: tmpdir(), env: { TZ: 'UTC', LANG: 'ja_JP.SJIS', LC_ALL: '' }, root: (dir: string) => dir },
    ];
    const outputs = environments.map(({ cwd, env, root }) => {
      const dir = freshProject();
      const result = spawnSync(process.execPath, [BIN, 'build', '--root', root(dir)], {
        cwd: cwd === 'root' ? dir : cwd,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      return { files: bytesOf(dir), report: result.stdout };
    });
    const committed = bytesOf(REPO_ROOT);
    for (const output of outputs) {
      expect(Object.keys(output.files).length).toBeGreaterThan(20);
      expect(output.files).toEqual(committed);
      expect(output.report).toBe(outputs[0]!.report);
    }
    // LF only, and every generated text file names the command that regenerates it.
    for (const [path, content] of Object.entries(committed)) {
      expect(content, path).not.toContain('\r');
      expect(Buffer.from(content, 'binary').toString('utf8'), path).toContain('generated — do not edit');
    }
  }, 60_000);

  it('reversing or shuffling the order in which files are read changes no output and no finding', () => {
    const files = readProjectFiles(REPO_ROOT);
    const inOrder = compile({ files, assets: ASSETS });
    const shuffled = [...files];
    // A fixed permutation (a stride coprime with the length), so a failure can be replayed.
    const stride = [7, 11, 13].find((candidate) => files.length % candidate !== 0)!;
    const permuted = shuffled.map((_, index) => shuffled[(index * stride) % shuffled.length]!);
    expect(new Set(permuted.map((file) => file.path)).size).toBe(files.length);
    for (const order of [[...files].reverse(), permuted]) {
      const result = compile({ files: order, assets: ASSETS });
      expect(result.outputs).toEqual(inOrder.outputs);
      expect(result.diagnostics).toEqual(inOrder.diagnostics);
    }
    expect(inOrder.outputs.length).toBeGreaterThan(20);
  });
});
