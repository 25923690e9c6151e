import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { compileRoot, REPO_ROOT } from './helpers/project.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ALL_CODES',
      'CODES',
      'DEFAULT_LAYOUT',
      'DEFAULT_LIMITS',
      'LAYOUT_FILE',
      'MANIFEST_NAME',
      'compile',
      'findDrift',
      'formatJson',
      'formatSarif',
      'formatText',
      'loadAssets',
      'readLayout',
      'readProjectFiles',
      'summarize',
    ]);
  });

  it('compile() works on files read with readProjectFiles() and the shipped assets', () => {
    const result = api.compile({ files: api.readProjectFiles(REPO_ROOT), assets: api.loadAssets() });
    expect(result.specs.map((spec) => spec.id)).toEqual(['biztalk-server-instance-states', 'biztalk-services-state-chart', 'vm-states-billing']);
    expect(result.outputs.map((output) => output.path)).toEqual(compileRoot(REPO_ROOT).outputs.map((output) => output.path));
    expect(api.summarize(result.diagnostics).errors).toBe(0);
  });
});

describe('README', () => {
  it('documents every diagnostic code with its severity, and no other', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning|info) \|/gm)].map((match) => `${match[1]} ${match[2]}`);
    expect(rows.sort()).toEqual(api.ALL_CODES.map((code) => `${code} ${api.CODES[code].severity}`).sort());
  });
});
