import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/** Strict settings a consumer of a generated runtime may use; moduleResolution is nodenext or bundler. */
export function strictOptions(resolution: 'nodenext' | 'bundler' = 'nodenext'): ts.CompilerOptions {
  return {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitOverride: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: resolution === 'nodenext' ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext,
    moduleResolution: resolution === 'nodenext' ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts'],
    types: [],
  };
}

/** Type-checks `files` of `dir` (a consumer imports './index.js', which resolves to index.d.ts); the problems, one line each. */
export function typeCheckFolder(dir: string, files: readonly string[], options: ts.CompilerOptions = strictOptions()): string[] {
  const program = ts.createProgram(
    files.map((name) => join(dir, name)),
    options,
  );
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start!).line + 1} ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    );
}

interface Declared {
  /** Exported values by name: a function's or constructor's parameter count, or -1 for a constant. */
  values: Map<string, number>;
}

/** The value exports that index.d.ts declares, read with the compiler's own parser. */
function declaredValues(declarations: string): Declared {
  const source = ts.createSourceFile('index.d.ts', declarations, ts.ScriptTarget.ES2022, true);
  const values = new Map<string, number>();
  const exported = (node: ts.Node): boolean => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (!exported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      // Overloads declare one function: the widest signature counts.
      values.set(statement.name.text, Math.max(values.get(statement.name.text) ?? 0, statement.parameters.length));
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      const initializer = statement.members.find(ts.isConstructorDeclaration);
      values.set(statement.name.text, initializer?.parameters.length ?? 0);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) values.set(declaration.name.text, -1);
    }
  }
  return { values };
}

/**
 * Checks that a runtime's JavaScript and its declarations say the same thing:
 * the JS exports exactly the values index.d.ts declares, each function takes
 * as many parameters as declared, and every constant's actual value has
 * exactly its declared type (assignable both ways, checked by the compiler).
 * Returns the disagreements; none when they agree.
 */
export async function runtimeDisagreements(dir: string): Promise<string[]> {
  const { readFileSync } = await import('node:fs');
  const declared = declaredValues(readFileSync(join(dir, 'index.d.ts'), 'utf8'));
  const module = (await import(`${pathToFileURL(join(dir, 'index.js')).href}?${Date.now()}`)) as Record<string, unknown>;
  const problems: string[] = [];
  const actual = Object.keys(module).sort();
  const expected = [...declared.values.keys()].sort();
  for (const name of actual) if (!declared.values.has(name)) problems.push(`index.js exports ${name}, which index.d.ts does not declare`);
  for (const name of expected) if (!(name in module)) problems.push(`index.d.ts declares ${name}, which index.js does not export`);
  const constants: string[] = [];
  for (const [name, arity] of declared.values) {
    const value = module[name];
    if (value === undefined) continue;
    if (arity === -1) {
      if (typeof value === 'function') problems.push(`${name} is a function in index.js but a constant in index.d.ts`);
      else constants.push(name);
    } else if (typeof value !== 'function') problems.push(`${name} is declared as a function but index.js exports a ${typeof value}`);
    else if (value.length !== arity) problems.push(`${name} takes ${value.length} parameters in index.js but ${arity} in index.d.ts`);
  }
  // Each constant's value, written as a literal, must have the declared type, and the same keys (a tuple's length too).
  const lines = [`import * as runtime from './index.js';`, 'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;'];
  for (const name of constants) {
    lines.push(`const actual_${name} = ${JSON.stringify(module[name])} as const;`);
    lines.push(`export const declared_${name}: typeof runtime.${name} = actual_${name};`);
    lines.push(`export const keys_${name}: Same<keyof typeof runtime.${name}, keyof typeof actual_${name}> = true;`);
  }
  writeFileSync(join(dir, 'contract.ts'), `${lines.join('\n')}\n`);
  problems.push(...typeCheckFolder(dir, ['contract.ts']));
  return problems;
}
