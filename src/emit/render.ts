import Handlebars from 'handlebars';
import { html, htmlAttr, htmlCell, htmlComment, mdCell, mdCode, mdLinkTarget, mdText, mermaidLabel, tsComment, tsString } from './escape.js';
import type { Templates } from './templates-hash.js';
import { type PrecompiledTemplates, templateOptions, templatesHash } from './templates-hash.js';

export type { PrecompiledTemplates, Templates } from './templates-hash.js';
export { templateOptions, templatesHash } from './templates-hash.js';
export type Render = (name: string, view: object) => string;

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
  const helpers: Record<string, (text: string) => string> = {
    tsString,
    tsComment,
    htmlComment,
    html,
    htmlAttr,
    htmlCell,
    mdText,
    mdCell,
    mdCode,
    mdLinkTarget,
    mermaidLabel,
  };
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
