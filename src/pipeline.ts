import { checkAgainstReference, checkSourceTexts } from './check/cross-locale.js';
import { applySuppressions } from './check/suppress.js';
import { compareDiagnostics, compareStrings, diagnostic, isBlocking, type Diagnostic } from './diagnostics/diagnostic.js';
import { emitSpec, type OutputFile } from './emit/emit.js';
import { createRenderer, type Templates } from './emit/render.js';
import { loadProject } from './load/project.js';
import type { ProjectFile, SpecInput } from './load/types.js';
import { createValidators, type Schemas, type Validators } from './load/validators.js';
import { analyzeSource, primarySources, type SourceAnalysis } from './spec/analyze.js';
import { buildSpec } from './spec/build.js';
import type { Spec } from './spec/types.js';
import { validateSpec } from './spec/validate.js';

/** The tool's own files: JSON Schemas and Handlebars templates. */
export interface Assets {
  schemas: Schemas;
  templates: Templates;
}

export interface CompileInput {
  /** Every file under sources/, paths relative to the root with `/`. */
  files: readonly ProjectFile[];
  assets: Assets;
}

export interface CompileResult {
  specs: Spec[];
  /** Empty when any unsuppressed error was found: nothing is emitted from a broken spec. */
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
}

/** load → parse → extract → align → build → validate → check → emit, gated on errors. */
export function compile(input: CompileInput): CompileResult {
  const validators = createValidators(input.assets.schemas);
  const loaded = loadProject(input.files, validators);
  const loadedIds = new Set(loaded.value.map((spec) => spec.id));
  // Load findings of a spec that loaded go through its suppressions with the rest of its findings.
  const diagnostics = loaded.diagnostics.filter((d) => d.spec === undefined || !loadedIds.has(d.spec));
  const specs: Spec[] = [];
  for (const specInput of loaded.value) {
    const compiled = compileSpec(specInput, validators, loaded.diagnostics.filter((d) => d.spec === specInput.id));
    diagnostics.push(...compiled.diagnostics);
    if (compiled.spec) specs.push(compiled.spec);
  }
  diagnostics.sort(compareDiagnostics);
  const blocked = diagnostics.some(isBlocking) || specs.length !== loaded.value.length;
  let outputs: OutputFile[] = [];
  if (!blocked) {
    const render = createRenderer(input.assets.templates);
    outputs = specs.flatMap((spec) => emitSpec(spec, render)).sort((a, b) => compareStrings(a.path, b.path));
  }
  return { specs, outputs, diagnostics };
}

function compileSpec(input: SpecInput, validators: Validators, loadDiagnostics: Diagnostic[]): { spec?: Spec; diagnostics: Diagnostic[] } {
  const config = input.config.value;
  const diagnostics: Diagnostic[] = [...loadDiagnostics];
  const analyses: SourceAnalysis[] = [];
  // Without terms a locale's labels cannot be resolved; terms-missing is its one finding.
  for (const source of input.sources.filter((source) => input.terms.has(source.locale))) {
    const analyzed = analyzeSource(source, input);
    analyses.push(analyzed.value);
    diagnostics.push(...analyzed.diagnostics);
  }
  diagnostics.push(...missingTerms(input));
  diagnostics.push(...unknownPrimarySources(input));
  const primaries = primarySources(analyses, input);
  const built = buildSpec(input, analyses, primaries);
  diagnostics.push(...built.diagnostics);
  const reference = primaries.get(config.referenceLocale);
  if (reference) {
    for (const analysis of analyses) {
      if (analysis === reference) continue;
      diagnostics.push(...checkSourceTexts(analysis, config));
      diagnostics.push(...checkAgainstReference(analysis, reference, config));
    }
  }
  if (built.value) diagnostics.push(...validateSpec(built.value, validators.spec, input.config.document.file));
  const result: { spec?: Spec; diagnostics: Diagnostic[] } = { diagnostics: applySuppressions(diagnostics, input) };
  if (built.value) result.spec = built.value;
  return result;
}

function missingTerms(input: SpecInput): Diagnostic[] {
  const locales = [...new Set(input.sources.map((source) => source.locale))];
  return locales
    .filter((locale) => !input.termsFiles.has(locale))
    .map((locale) =>
      diagnostic('terms-missing', {
        spec: input.id,
        locale,
        at: { file: input.sources.find((source) => source.locale === locale)!.path, line: 1, column: 1 },
        message: `No terms file for ${locale}; create ${input.dir}/terms/${locale}.json with its labels (statespec cannot resolve ${locale} headers without it).`,
      }),
    );
}

function unknownPrimarySources(input: SpecInput): Diagnostic[] {
  const localeOf = new Map(input.sources.map((source) => [source.name, source.locale]));
  return Object.entries(input.config.value.primarySources ?? {}).flatMap(([locale, name]) => {
    const actual = localeOf.get(name);
    if (actual === locale) return [];
    return [
      diagnostic('config-invalid', {
        spec: input.id,
        locale,
        at: input.config.document.locate(`/primarySources/${locale}`),
        message:
          actual === undefined
            ? `primarySources names ${name} for ${locale}, but there is no such source in ${input.dir}.`
            : `primarySources names ${name} for ${locale}, but that file is ${actual}.`,
      }),
    ];
  });
}
