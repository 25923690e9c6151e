import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, readProjectFiles, TEMP_PREFIX } from '../src/cli/files.js';
import { compile } from '../src/pipeline.js';
import { ASSETS, layoutOf, REPO_ROOT, temporaryFolders } from './helpers/project.js';

/**
 * `statespec build` killed with SIGKILL at random moments: every generated
 * file must be the complete old or the complete new version (or absent, where
 * the old or the new set has no such file), and the next run must leave no
 * temporary file behind. The sources alternate between two versions, so every
 * run has files to write and to remove, whatever the last kill left.
 */
const KILLS = Number(process.env.STATESPEC_KILLS ?? 50);
const MIN_MID_WRITE = 3;
const SEED = Number(process.env.STATESPEC_KILL_SEED ?? Date.now() % 100_000);
const CHART = 'sources/biztalk-services-state-chart';
const BIN = join(REPO_ROOT, 'bin', 'statespec.js');

const temporaryFolder = temporaryFolders('statespec-kill-');

/** mulberry32: a seeded generator, so a failing run can be replayed with STATESPEC_KILL_SEED. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generated(root: string): Map<string, string> {
  return new Map(listFiles(root, 'generated').map((path) => [path, readFileSync(join(root, path), 'utf8')]));
}

function expectedOutputs(root: string): Map<string, string> {
  const layout = layoutOf(root);
  const result = compile({ files: readProjectFiles(root, undefined, layout), assets: ASSETS, layout });
  expect(result.outputs.length).toBeGreaterThan(0);
  return new Map(result.outputs.map((output) => [output.path, output.content]));
}

/** Version B of the sources: a changed reference title and one locale fewer (its chart is removed). */
function useVersion(root: string, version: 'A' | 'B'): void {
  rmSync(join(root, 'sources'), { recursive: true, force: true });
  cpSync(join(REPO_ROOT, 'sources'), join(root, 'sources'), { recursive: true });
  if (version === 'A') return;
  const reference = join(root, CHART, 'en-US.md');
  writeFileSync(reference, readFileSync(reference, 'utf8').replace(/^# (.+)$/m, '# $1 (revised)'));
  rmSync(join(root, CHART, 'fi-FI.md'));
  rmSync(join(root, CHART, 'terms', 'fi-FI.json'));
}

/**
 * Runs a build and kills it `kill.afterMs` after it starts or, with
 * `fromFirstWrite`, after the first change under generated/ (the write phase
 * is a few milliseconds at the end of the run: random delays from the start
 * would almost never land in it).
 */
function build(root: string, kill?: { afterMs: number; fromFirstWrite: boolean }): Promise<{ code: number | null; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'build', '--root', root], { stdio: 'ignore' });
    let timer: NodeJS.Timeout | undefined;
    const killLater = (): void => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), kill!.afterMs);
    };
    const watcher = kill?.fromFirstWrite ? watch(join(root, 'generated'), { recursive: true }, killLater) : undefined;
    if (kill && !kill.fromFirstWrite) killLater();
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      watcher?.close();
      resolve({ code, ms: performance.now() - started });
    });
  });
}

describe('interrupted builds', () => {
  it(`${KILLS} SIGKILLs at random moments leave every file complete (old or new), and the next run no temporary file`, async () => {
    const root = temporaryFolder();
    cpSync(join(REPO_ROOT, 'generated'), join(root, 'generated'), { recursive: true });
    cpSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
    const versions = { A: new Map<string, string>(), B: new Map<string, string>() };
    for (const version of ['B', 'A'] as const) {
      useVersion(root, version);
      versions[version] = expectedOutputs(root);
    }
    expect([...versions.B.keys()].filter((path) => !versions.A.has(path))).toEqual([]);
    expect([...versions.A.keys()].filter((path) => !versions.B.has(path))).toEqual(['generated/docs/fi-FI/biztalk-services-state-chart.md']);

    // How long an uninterrupted build takes here, so that kills fall anywhere in its life.
    useVersion(root, 'B');
    const full = await build(root);
    expect(full.code).toBe(0);
    expect(generated(root)).toEqual(versions.B);

    const next = random(SEED);
    const landed = { beforeWriting: 0, whileWriting: 0, afterWriting: 0 };
    let temporaryFilesSeen = 0;
    // Past KILLS, targeted kills go on (up to 2 × KILLS more) until MIN_MID_WRITE of them have landed mid-write,
    // so a slow or fast machine cannot make this test pass without testing atomicity.
    let kill = 0;
    for (; kill < KILLS || (landed.whileWriting < MIN_MID_WRITE && kill < 3 * KILLS); kill++) {
      const version = kill % 2 === 0 ? 'A' : 'B';
      useVersion(root, version);
      const old = generated(root);
      const wanted = versions[version];
      // Odd kills fall anywhere in the run's life; even ones within a few milliseconds of its first write.
      const fromFirstWrite = kill % 2 === 0 || kill >= KILLS;
      await build(root, { afterMs: fromFirstWrite ? next() * 8 : next() * full.ms * 1.1, fromFirstWrite });
      const now = generated(root);
      let newer = 0;
      let older = 0;
      let temporary = 0;
      for (const path of new Set([...old.keys(), ...wanted.keys(), ...now.keys()])) {
        const name = path.split('/').pop()!;
        if (name.startsWith(TEMP_PREFIX)) {
          // Only a temporary file this run left counts; an older one may have survived a run killed early.
          if (!old.has(path) && now.has(path)) temporary++;
          continue;
        }
        const content = now.get(path);
        const allowed = [old.get(path), wanted.get(path)];
        expect(allowed, `kill ${kill} (seed ${SEED}): ${path} is neither its old nor its new version`).toContain(content);
        if (old.get(path) !== wanted.get(path)) {
          if (content === wanted.get(path)) newer++;
          else older++;
        }
      }
      temporaryFilesSeen += temporary;
      // A temporary file left behind means the kill landed inside a write, before its rename.
      if (temporary > 0 || (newer > 0 && older > 0)) landed.whileWriting++;
      else if (newer === 0) landed.beforeWriting++;
      else landed.afterWriting++;
    }
    console.log(`statespec kill test (seed ${SEED}): ${kill} kills, ${JSON.stringify(landed)}, ${temporaryFilesSeen} temporary files left by kills`);
    // Kills must have landed in the middle of writing, or this test proved nothing about atomicity.
    expect(landed.whileWriting, `seed ${SEED}`).toBeGreaterThanOrEqual(MIN_MID_WRITE);

    useVersion(root, 'B');
    expect((await build(root)).code).toBe(0);
    expect(generated(root)).toEqual(versions.B);
    expect(listFiles(root, 'generated').filter((path) => path.includes(TEMP_PREFIX))).toEqual([]);
  }, 300_000);
});
