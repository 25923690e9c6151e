import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type { Ajv2020 as Ajv2020Class } from 'ajv/dist/2020.js';

export interface Schemas {
  config: object;
  terms: object;
  spec: object;
  /** statespec.config.json at the root. */
  layout: object;
}

export interface Validators {
  config: ValidateFunction;
  terms: ValidateFunction;
  spec: ValidateFunction;
  layout: ValidateFunction;
}

/** The options every compilation uses, precompiled (src/cli/precompile.ts) or not. */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;

/** Identifies a schema set, so that precompiled validators are used only for the schemas they came from. */
export function schemasHash(schemas: Schemas): string {
  // The compiler's options and version shape the code as much as the schemas do.
  const { version } = createRequire(import.meta.url)('ajv/package.json') as { version: string };
  return createHash('sha256')
    .update(JSON.stringify([version, AJV_OPTIONS, schemas.config, schemas.terms, schemas.spec, schemas.layout]))
    .digest('hex');
}

// Compiling schemas costs more than checking a whole article, so compile once per schema set.
const compiled = new WeakMap<Schemas, Validators>();

/** Validators made ahead of time, with the hash of the schemas they were made from. */
export interface PrecompiledValidators extends Validators {
  schemasHash: string;
}

/** Precompiled validators when they were made from exactly these schemas, else a compilation with ajv. */
export function createValidators(schemas: Schemas, precompiled?: PrecompiledValidators): Validators {
  if (precompiled && precompiled.schemasHash === schemasHash(schemas)) return precompiled;
  const cached = compiled.get(schemas);
  if (cached) return cached;
  const validators = compileValidators(schemas);
  compiled.set(schemas, validators);
  return validators;
}

export function newAjv(extra: object = {}): Ajv2020Class {
  // Loaded on demand: a run with precompiled validators never loads the compiler.
  const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  return new Ajv2020({ ...AJV_OPTIONS, ...extra });
}

function compileValidators(schemas: Schemas): Validators {
  const ajv = newAjv();
  return {
    config: ajv.compile(schemas.config),
    terms: ajv.compile(schemas.terms),
    spec: ajv.compile(schemas.spec),
    layout: ajv.compile(schemas.layout),
  };
}
