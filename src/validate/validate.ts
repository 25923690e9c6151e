import type { ValidateFunction } from 'ajv';
import type { Spec } from '../build/types.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';

/** Checks the built spec against schema/spec.schema.json; a failure is a statespec bug or a config the schema rejects. */
export function validateSpec(spec: Spec, validate: ValidateFunction, file: string): Diagnostic[] {
  const id = spec.id;
  if (validate(spec)) return [];
  return (validate.errors ?? []).map((error) =>
    diagnostic('spec-invalid', {
      at: { file, line: 1, column: 1 },
      spec: id,
      message: `The spec built from this config breaks schema/spec.schema.json at "${error.instancePath || '/'}": ${error.message ?? 'invalid value'}.`,
    }),
  );
}
