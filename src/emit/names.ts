import type { Localized } from '../build/types.js';
import { RuntimeNameError } from './runtime-name-error.js';

/**
 * Names and texts the views derive from the spec. Config names are lowerCamel
 * (`beforeAfter`), ids and type names PascalCase (`TrackedState`), both ASCII
 * letters and digits only (the config schema says so), so the conversions
 * below need no Unicode rules.
 */

/** UPPER_SNAKE of a lowerCamel or PascalCase name: beforeAfter → BEFORE_AFTER, Explanation → EXPLANATION. */
export function upperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
}

/** PascalCase of a lowerCamel name: beforeAfter → BeforeAfter, transition → Transition. */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** lowerCamel of a PascalCase name: State → state, TrackedState → trackedState, SLATier → slaTier. */
export function lowerCamel(name: string): string {
  const leading = /^[A-Z]+/.exec(name)?.[0] ?? '';
  if (leading.length <= 1 || leading.length === name.length) return leading.toLowerCase() + name.slice(leading.length);
  // An acronym followed by a word keeps the word's capital: SLATier → slaTier.
  const acronym = /[a-z]/.test(name.charAt(leading.length)) ? leading.length - 1 : leading.length;
  return name.slice(0, acronym).toLowerCase() + name.slice(acronym);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Words that cannot name a binding or a parameter in strict-mode ES modules,
 * and the primitive type names TypeScript will not let a type alias take.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  ...['await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends'],
  ...['false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in', 'instanceof', 'interface', 'let', 'new', 'null', 'package'],
  ...['private', 'protected', 'public', 'return', 'static', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void'],
  ...['while', 'with', 'yield', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity'],
  ...['any', 'bigint', 'boolean', 'never', 'number', 'object', 'string', 'symbol', 'unknown'],
]);

/**
 * `name` as an identifier of generated code. The config schema allows only
 * identifiers, so anything else here is a bug upstream, not bad input.
 */
export function identifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name) || RESERVED_WORDS.has(name)) throw new RuntimeNameError(`${what} "${name}" is not an identifier the generated runtime can use.`);
  return name;
}

/** A localized text in `locale`, else in the reference locale, else undefined. */
export function inLocale(text: Localized | undefined, locale: string, referenceLocale: string): string | undefined {
  return text?.[locale] ?? text?.[referenceLocale];
}
