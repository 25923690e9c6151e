import { createHash } from 'node:crypto';
import { analyzeSource, primarySources, type SourceAnalysis } from './align/analyze.js';
import { buildSpec } from './build/build.js';
import { choosePublications, OUTDATED_NOTICE, type Publication, type PublishedFrom, publishedFrom } from './build/publication.js';
import type { Spec } from './build/types.js';
import { cellAgreement, type Share, translatedLabels } from './check/agreement.js';
import { checkAgainstReference, checkSourceTexts } from './check/cross-locale.js';
import { chooseBases, factDifferences, outdatedFinding } from './check/revisions.js';
import { checkTableShape, type Shaped } from './check/shape.js';
import { applySuppressions } from './check/suppress.js';
import { checkAcrossTables } from './check/tables.js';
import { compareDiagnostics, compareStrings, type Diagnostic, diagnostic, isBlocking } from './diagnostics/diagnostic.js';
import { emitSpec, type OutputFile } from './emit/emit.js';
import { buildHealth, emitHealth, type HealthReport, type SourceMeasures } from './emit/health.js';
import { emitManifest } from './emit/manifest.js';
import { createRenderer, type PrecompiledTemplates, type Render, type Templates } from './emit/render.js';
import { banner } from './load/banner.js';
import { DEFAULT_LAYOUT, type Layout } from './load/layout.js';
import { outputPathProblem } from './load/paths.js';
import { loadProject } from './load/project.js';
import { sameLanguage } from './load/terms.js';
import { DEFAULT_LIMITS, type Limits, type ProjectFile, type SourceFile, type SpecInput } from './load/types.js';
import { createValidators, type PrecompiledValidators, type Schemas, type Validators } from './load/validators.js';
import { validateSpec } from './validate/validate.js';

/** The tool's own files: JSON Schemas and Handlebars templates. */
export interface Assets {
  schemas: Schemas;
  templates: Templates;
  /** Validators precompiled from exactly `schemas`; without them the schemas are compiled with ajv. */
  validators?: PrecompiledValidators;
  /** Templates precompiled from exactly `templates`; without them the templates are compiled at the first render. */
  precompiledTemplates?: PrecompiledTemplates;
}

export interface CompileInput {
  /** Every file under sources/, paths relative to the root with `/`. */
  files: readonly ProjectFile[];
  assets: Assets;
  /** Defaults to DEFAULT_LIMITS. */
  limits?: Limits;
  /** Where sources are read and outputs go (statespec.config.json); defaults to sources/ and generated/. */
  layout?: Layout;
  /**
   * Results of earlier calls, by spec id (statespec build --watch keeps one):
   * a spec whose files, limits and assets hash the same is not compiled again.
   */
  memo?: CompileMemo;
}

export type CompileMemo = Map<string, MemoEntry>;

interface MemoEntry {
  key: string;
  outcome: ArticleOutcome;
  /** Per source: its analysis (parse → extract → align), keyed by its bytes, the config and every terms file. */
  analyses: AnalysisMemo;
}

export type AnalysisMemo = Map<string, { key: string; analyzed: { value: unknown; diagnostics: Diagnostic[] } }>;

export interface CompileResult {
  specs: Spec[];
  /** The translation health report (also emitted as generated/docs/health.{md,json}). */
  health: HealthReport;
  /** Empty when any unsuppressed error was found: nothing is emitted from a broken spec. */
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
  /** The spec ids this call compiled (the others came from `memo`). */
  compiled: string[];
}

/**
 * One article compiled: what the project-wide steps (the health report, the
 * manifest, the error gate) need of it, and its outputs. Its source texts
 * and trees are not kept, so a project is compiled in the memory of one
 * article; and it is plain data, so a worker thread can hand it over.
 */
export interface ArticleOutcome {
  id: string;
  spec?: Spec;
  diagnostics: Diagnostic[];
  measures: SourceMeasures[];
  publications: PublishedFrom[];
  /** Emitted as soon as the article compiled with no blocking finding (and a spec); empty otherwise. */
  outputs: OutputFile[];
  /** Findings of emission itself; with any, the project emits nothing. */
  emitProblems: Diagnostic[];
}

/** load → parse → extract → align → build → validate → check → emit, gated on errors. */
export function compile(input: CompileInput): CompileResult {
  const validators = createValidators(input.assets.schemas, input.assets.validators);
  const layout = input.layout ?? DEFAULT_LAYOUT;
  const loaded = loadProject(input.files, validators, input.limits ?? DEFAULT_LIMITS, layout);
  const render = createRenderer(input.assets.templates, input.assets.precompiledTemplates);
  const memo = input.memo ?? new Map();
  const baseKey = input.memo ? memoBaseKey(input) : '';
  const outcomes: ArticleOutcome[] = [];
  const compiledIds: string[] = [];
  for (const specInput of loaded.value) {
    const key = input.memo ? specKey(baseKey, specInput.files) : '';
    let entry = memo.get(specInput.id);
    if (!entry || entry.key !== key || !input.memo) {
      const analyses: AnalysisMemo = entry?.analyses ?? new Map();
      const outcome = compileArticleInput(specInput, validators, loaded.diagnostics, render, layout, input.memo ? analyses : undefined);
      entry = { key, outcome, analyses };
      if (input.memo) memo.set(specInput.id, entry);
      compiledIds.push(specInput.id);
    }
    outcomes.push(entry.outcome);
  }
  if (input.memo) for (const id of [...memo.keys()]) if (!loaded.value.some((spec) => spec.id === id)) memo.delete(id);
  return { ...assemble(outcomes, loaded.diagnostics, loaded.value.length, layout, render), compiled: compiledIds };
}

/**
 * Compiles one article of a loaded project, and emits its outputs when it
 * has no blocking finding. `loadDiagnostics` are the project's load
 * findings: this article's go through its suppressions.
 */
export function compileArticleInput(
  specInput: SpecInput,
  validators: Validators,
  loadDiagnostics: readonly Diagnostic[],
  render: Render,
  layout: Layout,
  analyses?: AnalysisMemo,
): ArticleOutcome {
  const measures: SourceMeasures[] = [];
  const compiled = compileSpec(
    specInput,
    validators,
    loadDiagnostics.filter((d) => d.spec === specInput.id),
    measures,
    analyses,
  );
  const outcome: ArticleOutcome = {
    id: specInput.id,
    diagnostics: compiled.diagnostics,
    measures,
    publications: compiled.publications.map(publishedFrom),
    outputs: [],
    emitProblems: [],
  };
  if (!compiled.spec) return outcome;
  outcome.spec = compiled.spec;
  if (compiled.diagnostics.some(isBlocking)) return outcome;
  const files = emitSpec(compiled.spec, render, { output: layout.output, configFile: `${specInput.dir}/spec.config.json` }, compiled.publications);
  outcome.outputs = files.value;
  outcome.emitProblems = files.diagnostics;
  return outcome;
}

/**
 * The project-wide steps over every article's outcome, in any order: the
 * findings sorted, the health report, the manifest, and the gate: nothing is
 * emitted when any finding blocks or any article has no spec.
 */
export function assemble(
  outcomes: readonly ArticleOutcome[],
  loadDiagnostics: readonly Diagnostic[],
  articleCount: number,
  layout: Layout,
  render: Render,
): Omit<CompileResult, 'compiled'> {
  const sorted = [...outcomes].sort((a, b) => compareStrings(a.id, b.id));
  const loadedIds = new Set(sorted.map((outcome) => outcome.id));
  // Load findings of a spec that loaded went through its suppressions with the rest of its findings.
  const diagnostics = [...loadDiagnostics.filter((d) => d.spec === undefined || !loadedIds.has(d.spec)), ...sorted.flatMap((outcome) => outcome.diagnostics)];
  diagnostics.sort(compareDiagnostics);
  const specs = sorted.flatMap((outcome) => (outcome.spec ? [outcome.spec] : []));
  const health = buildHealth(
    specs,
    sorted.flatMap((outcome) => outcome.measures),
    diagnostics,
    new Map(sorted.map((outcome) => [outcome.id, outcome.publications])),
    banner(layout.articles.length > 0 ? 'the sources of every article' : `every file under ${layout.specs}/`, layout),
    layout.output,
  );
  const blocked = diagnostics.some(isBlocking) || specs.length !== articleCount;
  let outputs: OutputFile[] = [];
  if (!blocked) {
    const emitProblems = sorted.flatMap((outcome) => outcome.emitProblems);
    outputs = [...sorted.flatMap((outcome) => outcome.outputs), ...(specs.length > 0 ? emitHealth(health, render, layout.output) : [])];
    outputs = [...outputs, emitManifest(outputs, layout)].sort((a, b) => compareStrings(a.path, b.path));
    if (emitProblems.length > 0) {
      diagnostics.push(...emitProblems);
      outputs = [];
    }
    const unsafe = unsafeOutputs(outputs, layout.output);
    if (unsafe.length > 0) {
      diagnostics.push(...unsafe);
      outputs = [];
    }
  }
  return { specs, health, outputs, diagnostics };
}

/** What every spec's result depends on besides its own files: the limits and the tool's assets. */
function memoBaseKey(input: CompileInput): string {
  return createHash('sha256')
    .update(JSON.stringify([input.limits ?? DEFAULT_LIMITS, input.assets.schemas, Object.entries(input.assets.templates).sort(), layoutKey(input.layout)]))
    .digest('hex');
}

function layoutKey(layout: Layout | undefined): unknown {
  if (!layout) return null;
  const { document: _document, text: _text, ...rest } = layout;
  return rest;
}

function specKey(baseKey: string, files: readonly ProjectFile[]): string {
  const hash = createHash('sha256').update(baseKey);
  for (const file of [...files].sort((a, b) => compareStrings(a.path, b.path))) {
    hash.update(`\0${file.path}\0${file.size ?? ''}\0${file.symbolicLink ? 'link' : ''}\0`).update(file.bytes);
  }
  return hash.digest('hex');
}

/**
 * The last gate before anything is written: ids and locale tags are checked
 * when loaded, and this makes sure no output path escapes generated/ even if
 * a later change lets one through.
 */
export function unsafeOutputs(outputs: readonly OutputFile[], outputDir: string = DEFAULT_LAYOUT.output): Diagnostic[] {
  return outputs.flatMap((output) => {
    const problem = outputPathProblem(output.path, outputDir);
    if (problem === undefined) return [];
    return [
      diagnostic('path-unsafe', {
        at: { file: output.path, line: 1, column: 1 },
        message: `Refusing to write ${JSON.stringify(output.path)}: ${problem}. Nothing was written; rename the spec id or locale that produced it.`,
      }),
    ];
  });
}

function compileSpec(
  input: SpecInput,
  validators: Validators,
  loadDiagnostics: Diagnostic[],
  measures: SourceMeasures[],
  analyses?: AnalysisMemo,
): { spec?: Spec; publications: Publication[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [...loadDiagnostics, ...missingTerms(input), ...unknownPrimarySources(input), ...unknownBases(input)];
  const analyze = memoized(input, analyses);
  const built = compileArticle(input, diagnostics, measures, analyze);
  if (built.spec) diagnostics.push(...validateSpec(built.spec, validators.spec, input.config.document.file));
  const result: { spec?: Spec; publications: Publication[]; diagnostics: Diagnostic[] } = {
    diagnostics: applySuppressions(diagnostics, input),
    publications: built.publications,
  };
  if (built.spec) result.spec = built.spec;
  return result;
}

/** Sources whose locale has terms: without them labels cannot be resolved, and terms-missing is the one finding. */
function resolvableSources(input: SpecInput): SourceFile[] {
  return input.sources.filter((source) => input.terms.has(source.locale));
}

/**
 * Runs a per-source analysis, or replays it from the memo when the source's
 * bytes, the config and every terms file of the spec are what they were.
 */
type Analyze = <T>(source: SourceFile, run: () => { value: T; diagnostics: Diagnostic[] }) => { value: T; diagnostics: Diagnostic[] };

function memoized(input: SpecInput, analyses: AnalysisMemo | undefined): Analyze {
  if (!analyses) return (_, run) => run();
  const shared = createHash('sha256')
    .update(JSON.stringify([input.config.value, [...input.terms].map(([locale, terms]) => [locale, terms.value])]))
    .digest('hex');
  const live = new Set(input.sources.map((source) => source.path));
  for (const path of [...analyses.keys()]) if (!live.has(path)) analyses.delete(path);
  return <T>(source: SourceFile, run: () => { value: T; diagnostics: Diagnostic[] }) => {
    const key = `${shared} ${source.sha256} ${source.name}`;
    const known = analyses.get(source.path);
    if (known && known.key === key) return known.analyzed as { value: T; diagnostics: Diagnostic[] };
    const analyzed = run();
    analyses.set(source.path, { key, analyzed });
    return analyzed;
  };
}

function compileArticle(
  input: SpecInput,
  diagnostics: Diagnostic[],
  measures: SourceMeasures[],
  analyze: Analyze,
): { spec: Spec | undefined; publications: Publication[] } {
  const config = input.config.value;
  const analyses: SourceAnalysis[] = [];
  for (const source of resolvableSources(input)) {
    const analyzed = analyze(source, () => analyzeSource(source, input));
    analyses.push(analyzed.value);
    diagnostics.push(...analyzed.diagnostics);
  }
  const primaries = primarySources(analyses, input);
  const built = buildSpec(input, analyses, primaries);
  diagnostics.push(...built.diagnostics);
  const reference = primaries.get(config.referenceLocale);
  const outdated = new Set<string>();
  if (reference) {
    diagnostics.push(...checkAcrossTables(reference, config));
    const bases = chooseBases(analyses, reference, config);
    for (const analysis of analyses) {
      const base = bases.get(analysis)!;
      // Checked against the revision it was made from; a revision with the current facts is checked against the current reference itself.
      const differences = analysis === reference || base.analysis === reference ? [] : factDifferences(base.analysis, reference, config);
      const checkedAgainst = differences.length === 0 ? reference : base.analysis;
      if (analysis !== reference) {
        diagnostics.push(...checkSourceTexts(analysis, config));
        if (checkedAgainst !== analysis) diagnostics.push(...checkAgainstReference(analysis, checkedAgainst, config));
      }
      if (differences.length > 0) {
        diagnostics.push(outdatedFinding(analysis, base, reference, differences, config));
        outdated.add(analysis.source.path);
      }
      const basedOn = analysis === reference ? undefined : { path: base.analysis.source.path, reason: base.reason, outdated: differences.length };
      measures.push(measure(analysis, cellAgreement(analysis, checkedAgainst, config), config.referenceLocale, basedOn));
    }
  }
  diagnostics.push(...checkShapes(analyses, config.referenceLocale, config.id));
  const notice = (locale: string): string =>
    input.terms.get(locale)?.value.notices?.outdated ?? input.terms.get(config.referenceLocale)?.value.notices?.outdated ?? OUTDATED_NOTICE;
  const publications = built.value ? choosePublications(built.value.locales, analyses, primaries, config, outdated, notice) : [];
  return { spec: built.value, publications };
}

function measure(analysis: Shaped, facts: Share, referenceLocale: string, basedOn?: SourceMeasures['basedOn']): SourceMeasures {
  const result: SourceMeasures = { path: analysis.source.path, facts };
  if (basedOn) result.basedOn = basedOn;
  const labels = translatedLabels(analysis.labels, !sameLanguage(analysis.source.locale, referenceLocale));
  if (labels) result.labels = labels;
  return result;
}

function checkShapes(analyses: readonly Shaped[], referenceLocale: string, specId: string): Diagnostic[] {
  const referenceVersions = analyses.filter((analysis) => analysis.source.locale === referenceLocale);
  return analyses.filter((analysis) => analysis.source.locale !== referenceLocale).flatMap((analysis) => checkTableShape(analysis, referenceVersions, specId));
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
        message: `No terms file for ${locale}, so statespec cannot resolve its labels; run \`statespec locale add --spec ${input.id} --locale ${locale} ${input.sources.find((source) => source.locale === locale)!.path}\` to draft ${input.dir}/terms/${locale}.json from it, or write that file by hand.`,
      }),
    );
}

/** `bases` names a translation and a version of the reference locale, both sources of this article. */
function unknownBases(input: SpecInput): Diagnostic[] {
  const { referenceLocale } = input.config.value;
  const find = (name: string) => input.sources.find((source) => source.name === name || source.path === name);
  return Object.entries(input.config.value.bases ?? {}).flatMap(([name, base]) => {
    const translation = find(name);
    const version = find(base);
    const problem =
      translation === undefined
        ? `names ${name}, but there is no such source in ${input.dir}`
        : translation.locale === referenceLocale
          ? `names ${name}, a version of the reference locale ${referenceLocale}, which is its own base`
          : version === undefined
            ? `gives ${name} the base ${base}, but there is no such source in ${input.dir}`
            : version.locale !== referenceLocale
              ? `gives ${name} the base ${base}, which is ${version.locale}, not a version of the reference locale ${referenceLocale}`
              : undefined;
    if (problem === undefined) return [];
    return [
      diagnostic('config-invalid', {
        spec: input.id,
        at: input.config.document.locate(`/bases/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`),
        message: `spec.config.json: bases ${problem}. Name a translation of this article and a version of ${referenceLocale}.`,
      }),
    ];
  });
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
