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

export function createValidators(schemas: Schemas): Validators {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  return {
    config: ajv.compile(schemas.config),
    terms: ajv.compile(schemas.terms),
    spec: ajv.compile(schemas.spec),
  };
}
