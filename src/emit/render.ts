import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { htmlComment, mdCell, mdCode, mdLinkTarget, mdText, mermaidLabel, tsComment, tsString } from './escape.js';

export type Templates = Record<string, string>;
export type Render = (name: string, view: object) => string;

/** The options every template is compiled with, precompiled or not. */
export const TEMPLATE_OPTIONS = Object.freeze({ strict: true, noEscape: true } as const);

/** A fresh copy each time: Handlebars writes its defaults into the options object it is given. */
export const templateOptions = (): CompileOptions => ({ ...TEMPLATE_OPTIONS });

/** Templates precompiled by `npm run compile` (src/cli/precompile.ts): Handlebars template specs by name, and what they were made from. */
export interface PrecompiledTemplates {
  templatesHash: string;
  templates: Record<string, TemplateSpecification>;
}

/** Identifies a template set and the compiler: precompiled templates are used only for the sources and Handlebars they came from. */
export function templatesHash(templates: Templates): string {
  return createHash('sha256')
    .update(JSON.stringify([Handlebars.VERSION, TEMPLATE_OPTIONS, Object.entries(templates).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]))
    .digest('hex');
}

/**
 * One isolated Handlebars instance per run: strict (a missing view field is an
 * error, not an empty string) and without HTML escaping, because every output
 * language escapes through its own helper.
 */
export function createRenderer(templates: Templates, precompiled?: PrecompiledTemplates): Render {
  const handlebars = Handlebars.create();
  // Compiling the templates costs more than rendering them; a build uses the precompiled ones while the sources are unchanged.
  const ready = precompiled?.templatesHash === templatesHash(templates) ? precompiled.templates : undefined;
  const compile = (name: string, source: string): HandlebarsTemplateDelegate => {
    const spec = ready?.[name];
    return spec ? handlebars.template(spec) : handlebars.compile(source, templateOptions());
  };
  const helpers: Record<string, (text: string) => string> = { tsString, tsComment, htmlComment, mdText, mdCell, mdCode, mdLinkTarget, mermaidLabel };
  for (const [name, helper] of Object.entries(helpers)) {
    handlebars.registerHelper(name, (value: unknown) => {
      if (typeof value !== 'string') throw new TypeError(`Helper ${name} expects a string, got ${typeof value}.`);
      return helper(value);
    });
  }
  // Templates named "_x" are partials, included as {{> x}}: shared text, not logic. They are
  // registered compiled: Handlebars would compile a partial given as text again on every render.
  for (const [name, source] of Object.entries(templates)) {
    if (name.startsWith('_')) handlebars.registerPartial(name.slice(1).replace(/\.[^.]+$/, ''), compile(name, source));
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return (name, view) => {
    let template = compiled.get(name);
    if (!template) {
      const source = templates[name];
      if (source === undefined) throw new Error(`No template named ${name}.`);
      template = compile(name, source);
      compiled.set(name, template);
    }
    return template(view).replace(/\r\n?/g, '\n');
  };
}
