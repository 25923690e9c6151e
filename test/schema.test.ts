import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile as schemaToTypeScript } from 'json-schema-to-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createValidators } from '../src/load/validators.js';
import { ASSETS, compileFiles, REPO_ROOT, repoSources } from './helpers/project.js';

describe('schema/spec.schema.json and the Spec type', () => {
  it('the built spec and the committed spec.json validate against the schema', () => {
    const validate = createValidators(ASSETS.schemas).spec;
    for (const spec of compileFiles(repoSources()).specs) expect(validate(spec), JSON.stringify(validate.errors)).toBe(true);
    const committed = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/biztalk-services-state-chart/spec.json'), 'utf8'));
    expect(validate(committed), JSON.stringify(validate.errors)).toBe(true);
    const [chart] = committed.tables as { cells: { value: unknown }[] }[];
    const withCell = (value: unknown) => ({ ...committed, tables: [{ ...chart, cells: [{ ...chart!.cells[0], value }] }] });
    expect(validate(withCell(true))).toBe(true);
    expect(validate(withCell(['Stop', 'Stop']))).toBe(false);
    expect(validate(withCell(42))).toBe(false);
    expect(validate({ ...committed, kind: 'permission-matrix' })).toBe(false);
  });

  it('the TypeScript type derived from the schema and src/build/types.ts are assignable both ways', async () => {
    // Without its title and $id, the generated type takes the name given here.
    const { title: _title, $id: _id, ...untitled } = ASSETS.schemas.spec as { title?: string; $id?: string };
    const declarations = await schemaToTypeScript(untitled as never, 'SchemaSpec', {
      bannerComment: '',
      additionalProperties: false,
      ignoreMinAndMaxItems: true,
    });
    const dir = mkdtempSync(join(tmpdir(), 'statespec-schema-'));
    try {
      writeFileSync(join(dir, 'from-schema.ts'), declarations);
      const typesPath = join(REPO_ROOT, 'src/build/types.js').replace(/\\/g, '/');
      writeFileSync(
        join(dir, 'check.ts'),
        [
          `import type { SchemaSpec } from './from-schema.js';`,
          `import type { Spec } from '${typesPath}';`,
          `export const fromType = (spec: Spec): SchemaSpec => spec;`,
          `export const fromSchema = (spec: SchemaSpec): Spec => spec;`,
          // Assignability ignores extra optional keys, so the key sets are compared too.
          `type Drift = Exclude<keyof Spec, keyof SchemaSpec> | Exclude<keyof SchemaSpec, keyof Spec>;`,
          `export const sameKeys: [Drift] extends [never] ? true : Drift = true;`,
        ].join('\n'),
      );
      const program = ts.createProgram([join(dir, 'check.ts')], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        types: [],
      });
      const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
