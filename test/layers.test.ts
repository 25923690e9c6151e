import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/project.js';

/**
 * The pipeline's stages in order. A module may import from its own stage and
 * from lower ones, never from a higher one: a stage must not depend on what
 * runs after it. Folders that are not stages sit at the ends.
 */
const LAYERS = [
  'diagnostics',
  'load',
  'parse',
  'extract',
  'align',
  'build',
  'validate',
  'check',
  'emit',
  'init',
  'locale',
  'fix',
  'site',
  'pipeline',
  'cli',
  'index',
];

function layerOf(path: string): string {
  const [first] = relative(join(REPO_ROOT, 'src'), path).split(/[\\/]/);
  return first!.replace(/\.ts$/, '');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function violations(files: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    const from = LAYERS.indexOf(layerOf(path));
    for (const match of text.matchAll(/^(?:import|export)\b[^;]*?from '(\.[^']+)'/gms)) {
      const target = join(path, '..', match[1]!);
      const to = LAYERS.indexOf(layerOf(target));
      if (to > from) found.push(`${relative(REPO_ROOT, path)} imports ${match[1]} (${layerOf(target)} runs after ${layerOf(path)})`);
    }
  }
  return found;
}

describe('src/ layers', () => {
  it('every folder of src/ is a known layer', () => {
    const unknown = [...new Set(sourceFiles(join(REPO_ROOT, 'src')).map(layerOf))].filter((layer) => !LAYERS.includes(layer));
    expect(unknown).toEqual([]);
  });

  it('no module imports from a later stage', () => {
    const files = sourceFiles(join(REPO_ROOT, 'src')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    expect(files.length).toBeGreaterThan(40);
    expect(violations(files)).toEqual([]);
  });

  it('an import from a later stage is caught, a type-only one too', () => {
    const build = join(REPO_ROOT, 'src/build/build.ts');
    expect(violations([{ path: build, text: "import { banner } from '../emit/views.js';\n" }])).toHaveLength(1);
    expect(violations([{ path: build, text: "import type {\n  Render,\n} from '../emit/render.js';\n" }])).toHaveLength(1);
    expect(violations([{ path: build, text: "import { parseSource } from '../parse/markdown.js';\n" }])).toEqual([]);
  });
});
