import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
// Types only (erased from the JavaScript): Handlebars' global types must be named through an import to reach the .d.ts.
import type Handlebars from 'handlebars';

// Kept apart from render.ts so that the no-op fast path can check a cache without loading Handlebars.

export type Templates = Record<string, string>;

/** The options every template is compiled with, precompiled or not. */
export const TEMPLATE_OPTIONS = Object.freeze({ strict: true, noEscape: true } as const);

/** A fresh copy each time: Handlebars writes its defaults into the options object it is given. */
export const templateOptions = (): NonNullable<Parameters<typeof Handlebars.compile>[1]> => ({ ...TEMPLATE_OPTIONS });

/** Templates precompiled by `npm run compile` (src/cli/precompile.ts): Handlebars template specs by name, and what they were made from. */
export interface PrecompiledTemplates {
  templatesHash: string;
  templates: Record<string, Parameters<typeof Handlebars.template>[0]>;
}

/** Identifies a template set and the compiler: precompiled templates are used only for the sources and Handlebars they came from. */
export function templatesHash(templates: Templates): string {
  return createHash('sha256')
    .update(JSON.stringify([handlebarsVersion(), TEMPLATE_OPTIONS, Object.entries(templates).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]))
    .digest('hex');
}

function handlebarsVersion(): string {
  return (createRequire(import.meta.url)('handlebars/package.json') as { version: string }).version;
}
