import Handlebars from 'handlebars';
import { htmlComment, mdCell, mdCode, mdLinkTarget, mdText, mermaidLabel, tsComment, tsString } from './escape.js';

export type Templates = Record<string, string>;
export type Render = (name: string, view: object) => string;

/**
 * One isolated Handlebars instance per run: strict (a missing view field is an
 * error, not an empty string) and without HTML escaping, because every output
 * language escapes through its own helper.
 */
export function createRenderer(templates: Templates): Render {
  const handlebars = Handlebars.create();
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
    if (name.startsWith('_')) handlebars.registerPartial(name.slice(1).replace(/\.[^.]+$/, ''), handlebars.compile(source, { strict: true, noEscape: true }));
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return (name, view) => {
    let template = compiled.get(name);
    if (!template) {
      const source = templates[name];
      if (source === undefined) throw new Error(`No template named ${name}.`);
      template = handlebars.compile(source, { strict: true, noEscape: true });
      compiled.set(name, template);
    }
    return template(view).replace(/\r\n?/g, '\n');
  };
}
