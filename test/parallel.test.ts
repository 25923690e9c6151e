import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../src/cli/files.js';
import { REPO_ROOT, temporaryFolders } from './helpers/project.js';

// Through the compiled binary: the worker threads run dist/src/cli/compile-worker.js.
const BIN = join(REPO_ROOT, 'bin', 'statespec.js');

describe('statespec build --jobs: the articles on worker threads', () => {
  const temporaryFolder = temporaryFolders('statespec-jobs-');
  const project = (): string => {
    const root = temporaryFolder();
    for (const folder of ['sources', 'generated']) cpSync(join(REPO_ROOT, folder), join(root, folder), { recursive: true });
    cpSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
    return root;
  };
  const cli = (root: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [BIN, ...args, '--root', root, '--no-cache'], { encoding: 'utf8', env: { ...process.env, ...env } });
  const generated = (root: string): Record<string, string> =>
    Object.fromEntries(listFiles(root, 'generated').map((path) => [path, readFileSync(join(root, path), 'utf8')]));

  it('writes byte-identical outputs and reports the same findings in the same order for --jobs 1 and 3', () => {
    const runs = [1, 3].map((jobs) => {
      const root = project();
      const build = cli(root, ['build', '--jobs', String(jobs)]);
      expect(build.status, build.stderr).toBe(0);
      const check = cli(root, ['check', '--jobs', String(jobs), '--format', 'json']);
      expect(check.status, check.stderr).toBe(0);
      return { outputs: generated(root), build: build.stdout, check: check.stdout };
    });
    expect(Object.keys(runs[0]!.outputs).length).toBeGreaterThan(40);
    expect(runs[1]!.outputs).toEqual(runs[0]!.outputs);
    expect(runs[1]!.build).toBe(runs[0]!.build);
    expect(runs[1]!.check).toBe(runs[0]!.check);
    // And what the repo has: the one-thread build in-process is the reference.
    expect(runs[1]!.outputs).toEqual(generated(REPO_ROOT));
  });

  it.each([['throw'], ['exit']])('a worker that dies (%s) is an internal error, and generated/ is left untouched', (how) => {
    const root = project();
    const before = generated(root);
    // Several times: the thread's exit and its error reach the main thread in either order, and both orders must end the same way.
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const crashed = cli(root, ['build', '--jobs', '2'], { STATESPEC_TEST_WORKER_CRASH: `${how}:vm-states-billing` });
      expect(crashed.status, crashed.stderr).toBe(2);
      expect(crashed.stderr).toMatch(/^statespec: build failed: .+\nIf this is not a file-system problem, please report it as a statespec bug/m);
      expect(generated(root)).toEqual(before);
    }
  });

  it.each([['0'], ['two'], ['1000']])('--jobs %s is a usage error', (jobs) => {
    const result = cli(project(), ['build', '--jobs', jobs]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`--jobs must be a whole number from 1 to 999, not "${jobs}"`);
  });

  it('--jobs belongs to build and check', () => {
    const result = cli(project(), ['fix', '--jobs', '2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--jobs belongs to "build" and "check"');
  });
});
