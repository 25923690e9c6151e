import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

export interface Schemas {
  config: object;
  terms: object;
  spec: object;
}

export interface Validators {
  config: ValidateFunction;
  terms: ValidateFunction;
  spec: ValidateFunction;
}

// Compiling schemas costs more than checking a whole article, so compile once per schema set.
const compiled = new WeakMap<Schemas, Validators>();

export function createValidators(schemas: Schemas): Validators {
  const cached = compiled.get(schemas);
  if (cached) return cached;
  const validators = compileValidators(schemas);
  compiled.set(schemas, validators);
  return validators;
}

function compileValidators(schemas: Schemas): Validators {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  return {
    config: ajv.compile(schemas.config),
    terms: ajv.compile(schemas.terms),
    spec: ajv.compile(schemas.spec),
  };
}
