import type { Spec } from '../spec/types.js';
import { jsonDocument } from './escape.js';
import type { Render } from './render.js';
import { transitionDocView, transitionRuntimeView } from './transition-views.js';
import { chartView, runtimeView } from './views.js';

/** A file to write under the root: path with `/`, LF line endings. */
export interface OutputFile {
  path: string;
  content: string;
}

export const GENERATED_DIR = 'generated';

/** Every output of one spec: the spec JSON, the runtime module, and one chart per locale. */
export function emitSpec(spec: Spec, render: Render): OutputFile[] {
  const isMatrix = spec.kind === 'permission-matrix';
  const outputs: OutputFile[] = [
    { path: `${GENERATED_DIR}/${spec.id}/spec.json`, content: jsonDocument(spec) },
    {
      path: `${GENERATED_DIR}/${spec.id}/index.ts`,
      content: isMatrix ? render('runtime.ts', runtimeView(spec)) : render('transitions-runtime.ts', transitionRuntimeView(spec)),
    },
  ];
  for (const locale of spec.locales) {
    outputs.push({
      path: `${GENERATED_DIR}/docs/${locale}/${spec.id}.md`,
      content: isMatrix ? render('chart.md', chartView(spec, locale)) : render('transitions.md', transitionDocView(spec, locale)),
    });
  }
  return outputs;
}
