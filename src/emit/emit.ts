import type { Publication } from '../build/publication.js';
import type { Spec } from '../build/types.js';
import { diagnostic, type Staged } from '../diagnostics/diagnostic.js';
import { DEFAULT_LAYOUT } from '../load/layout.js';
import { jsonDocument } from './escape.js';
import { publishArticle } from './publish.js';
import type { Render } from './render.js';
import { RuntimeNameError } from './runtime-name-error.js';
import { runtimeView } from './runtime-view.js';

/** A file to write under the root: path with `/`, LF line endings. */
export interface OutputFile {
  path: string;
  content: string;
}

/** Where one spec's outputs go, and where its config is (for findings about it). */
export interface EmitTarget {
  output: string;
  configFile: string;
}

/**
 * Every output of one spec: the spec JSON, the runtime as ESM JavaScript with
 * its declarations and a package.json, and the article in each locale that
 * has a source to publish it from.
 */
export function emitSpec(
  spec: Spec,
  render: Render,
  target: EmitTarget = { output: DEFAULT_LAYOUT.output, configFile: `${DEFAULT_LAYOUT.specs}/${spec.id}/spec.config.json` },
  publications: readonly Publication[] = [],
): Staged<OutputFile[]> {
  let javascript: string;
  let declarations: string;
  try {
    const view = runtimeView(spec);
    javascript = render('runtime.js', view);
    declarations = render('runtime.d.ts', view);
  } catch (error) {
    if (!(error instanceof RuntimeNameError)) throw error;
    const at = { file: target.configFile, line: 1, column: 1 };
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
  const folder = `${target.output}/${spec.id}`;
  const outputs = [
    { path: `${folder}/spec.json`, content: jsonDocument(spec) },
    { path: `${folder}/index.js`, content: javascript },
    { path: `${folder}/index.d.ts`, content: declarations },
    { path: `${folder}/package.json`, content: jsonDocument(runtimePackage(spec)) },
    ...publications.flatMap((publication) =>
      'source' in publication
        ? [{ path: `${target.output}/docs/${publication.locale}/${spec.id}.md`, content: publishArticle(spec, publication.locale, publication.source, render) }]
        : [],
    ),
  ];
  return { value: outputs, diagnostics: [] };
}

/**
 * The runtime's own package.json: ESM with its declarations, no dependency
 * and no side effects, so that an application can depend on it (or a bundler
 * drop what it does not use) without statespec installed.
 */
function runtimePackage(spec: Spec): object {
  return {
    '//': spec.$comment,
    name: spec.package.name,
    version: spec.package.version,
    description: `The rules of "${spec.title[spec.referenceLocale]}" as data and checks, compiled by statespec.`,
    type: 'module',
    sideEffects: false,
    exports: {
      '.': { types: './index.d.ts', default: './index.js' },
      './spec.json': './spec.json',
      './package.json': './package.json',
    },
    types: './index.d.ts',
    files: ['index.js', 'index.d.ts', 'spec.json'],
  };
}
