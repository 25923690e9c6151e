import type { Spec } from '../build/types.js';
import { diagnostic, type Staged } from '../diagnostics/diagnostic.js';
import { articleView } from './article-view.js';
import { jsonDocument } from './escape.js';
import type { Render } from './render.js';
import { RuntimeNameError } from './runtime-name-error.js';
import { runtimeView } from './runtime-view.js';

/** A file to write under the root: path with `/`, LF line endings. */
export interface OutputFile {
  path: string;
  content: string;
}

export const GENERATED_DIR = 'generated';

/** Every output of one spec: the spec JSON, the runtime module, and the article's docs in each locale. */
export function emitSpec(spec: Spec, render: Render): Staged<OutputFile[]> {
  let runtime: string;
  try {
    runtime = render('runtime.ts', runtimeView(spec));
  } catch (error) {
    if (!(error instanceof RuntimeNameError)) throw error;
    const at = { file: `sources/${spec.id}/spec.config.json`, line: 1, column: 1 };
    return {
      value: [],
      diagnostics: [
        diagnostic('config-invalid', {
          at,
          spec: spec.id,
          message: `spec.config.json: the runtime cannot be generated: ${error.message} Rename it in the config (axis "type"/"constant", accessor names).`,
        }),
      ],
    };
  }
  const outputs = [
    { path: `${GENERATED_DIR}/${spec.id}/spec.json`, content: jsonDocument(spec) },
    { path: `${GENERATED_DIR}/${spec.id}/index.ts`, content: runtime },
    ...spec.locales.map((locale) => ({ path: `${GENERATED_DIR}/docs/${locale}/${spec.id}.md`, content: render('article.md', articleView(spec, locale)) })),
  ];
  return { value: outputs, diagnostics: [] };
}
