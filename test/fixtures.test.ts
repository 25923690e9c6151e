import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGenerated } from '../src/cli/files.js';
import { ALL_CODES } from '../src/diagnostics/codes.js';
import { compareDiagnostics, isBlocking } from '../src/diagnostics/diagnostic.js';
import { formatBaseline } from '../src/diagnostics/report/text.js';
import { findDrift } from '../src/emit/drift.js';
import { compileRoot, FIXTURES, fixtureNames, matchGoldens, REPO_ROOT } from './helpers/project.js';

/**
 * Each test/fixtures/<case>/ holds sources/ (and optionally a stale generated/).
 * Goldens in <case>/expected/: diagnostics.txt (a baseline with each finding
 * under its source line) and generated/ (what build writes, when it may).
 */
const produced = new Set<string>();

describe('golden fixtures', () => {
  for (const name of fixtureNames()) {
    it(name, () => {
      const root = join(FIXTURES, name);
      const result = compileRoot(root);
      const drift = result.diagnostics.some(isBlocking) || !existsSync(join(root, 'generated')) ? [] : findDrift(result.outputs, readGenerated(root));
      const diagnostics = [...result.diagnostics, ...drift].sort(compareDiagnostics);
      for (const d of diagnostics) produced.add(d.code);
      const readSource = (file: string): string | undefined => {
        const path = join(root, file);
        return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      };
      const actual: Record<string, string> = { 'diagnostics.txt': formatBaseline(diagnostics, readSource) };
      for (const output of result.outputs) actual[output.path] = output.content;
      expect(matchGoldens(join(root, 'expected'), actual)).toEqual([]);
    });
  }

  it('together with the repo, the fixtures produce every diagnostic code', () => {
    for (const d of compileRoot(REPO_ROOT).diagnostics) produced.add(d.code);
    expect(ALL_CODES.filter((code) => !produced.has(code))).toEqual([]);
  });
});
