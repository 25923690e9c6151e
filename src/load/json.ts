import type { ErrorObject, ValidateFunction } from 'ajv';
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Code } from '../diagnostics/codes.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { locator } from './position.js';

export interface JsonDocument {
  file: string;
  value: unknown;
  /** Finds where a JSON Pointer (ajv's instancePath) sits in the text. */
  locate(pointer: string, key?: boolean): { file: string; line: number; column: number };
}

/** Parses strict JSON (no comments, no trailing commas), keeping a syntax tree for positions. */
export function parseJson(file: string, text: string): { value?: JsonDocument; diagnostics: Diagnostic[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const toLocation = locator(file, text);
  if (errors.length > 0 || !tree) {
    const diagnostics = errors.slice(0, 5).map((error) =>
      diagnostic('json-syntax', {
        at: toLocation(error.offset),
        message: `Invalid JSON: ${describeParseError(printParseErrorCode(error.error))}.`,
      }),
    );
    if (diagnostics.length === 0) {
      diagnostics.push(diagnostic('json-syntax', { at: toLocation(0), message: 'Invalid JSON: the file is empty.' }));
    }
    return { diagnostics };
  }
  const document: JsonDocument = {
    file,
    value: nodeValue(tree),
    locate(pointer, key = false) {
      const node = findNodeAtLocation(tree, pointerToPath(pointer));
      if (!node) return toLocation(tree.offset);
      const target = key && node.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node;
      return toLocation(target.offset);
    },
  };
  return { value: document, diagnostics: [] };
}

/** Validates with ajv and reports each violation at the exact value it concerns. */
export function validateJson(document: JsonDocument, validate: ValidateFunction, code: Code, describe: string): Diagnostic[] {
  if (validate(document.value)) return [];
  // "must match the then/else schema" only repeats the errors found inside that branch.
  return (validate.errors ?? []).filter((error) => error.keyword !== 'if').map((error) => schemaDiagnostic(document, error, code, describe));
}

function schemaDiagnostic(document: JsonDocument, error: ErrorObject, code: Code, describe: string): Diagnostic {
  let pointer = error.instancePath;
  let key = false;
  if (error.keyword === 'additionalProperties') {
    pointer += `/${escapePointer(String(error.params.additionalProperty))}`;
    key = true;
  } else if (error.keyword === 'propertyNames') {
    pointer += `/${escapePointer(String(error.params.propertyName))}`;
    key = true;
  }
  const where = error.instancePath === '' ? 'the top level' : `"${error.instancePath}"`;
  let message = `${describe}: at ${where}, ${error.message ?? 'invalid value'}`;
  if (error.keyword === 'additionalProperties') message += ` ("${String(error.params.additionalProperty)}")`;
  if (error.keyword === 'const') message += ` (${JSON.stringify(error.params.allowedValue)})`;
  if (error.keyword === 'enum') message += ` (${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
  return diagnostic(code, { at: document.locate(pointer, key), message: `${message}.` });
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part));
}

/** One JSON Pointer reference token (RFC 6901): `~` and `/` escaped. */
export function escapePointer(part: string): string {
  return part.replace(/~/g, '~0').replace(/\//g, '~1');
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        // defineProperty, so that a "__proto__" key is data and not a prototype change.
        if (keyNode && valueNode) {
          Object.defineProperty(result, String(keyNode.value), {
            value: nodeValue(valueNode),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
