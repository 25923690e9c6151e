import { posix } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { type Diagnostic, diagnostic, type Staged } from '../diagnostics/diagnostic.js';
import { type JsonDocument, parseJson, validateJson } from './json.js';
import { checkLocaleTag } from './locale.js';
import { isReservedName, specIdProblem } from './paths.js';
import { decodeText } from './text.js';
import type { OutputSettings, ProjectFile } from './types.js';

export type { OutputSettings } from './types.js';

/** The optional project configuration, at the root. */
export const LAYOUT_FILE = 'statespec.config.json';

/** Where a file of an article is read: a path pattern and, when the path does not say it, its locale. */
export interface SourcePattern {
  /** Root-relative, with `/`; `{locale}` stands for a locale tag. It may start with `../`. */
  path: string;
  locale?: string;
  variant?: string;
  /** Where the pattern is written, for findings about it. */
  at: { file: string; line: number; column: number };
}

export interface ArticleLayout {
  id: string;
  /** The folder of its spec.config.json and terms/. */
  dir: string;
  sources: SourcePattern[];
}

/** How a project lays out its files: statespec.config.json, or the defaults. */
export interface Layout extends OutputSettings {
  /** The folder holding <spec-id>/spec.config.json and <spec-id>/terms/. */
  specs: string;
  /** Articles whose sources are read where they live, by spec id. */
  articles: ArticleLayout[];
  /** statespec.config.json when there is one, parsed and as text. */
  document?: JsonDocument;
  text?: string;
}

export const DEFAULT_REGENERATE = 'npx statespec build';

export const DEFAULT_LAYOUT: Layout = Object.freeze({
  specs: 'sources',
  output: 'generated',
  regenerate: DEFAULT_REGENERATE,
  schemaDir: 'schema',
  articles: [],
});

interface LayoutJson {
  specs?: string;
  output?: string;
  regenerate?: string;
  articles?: Record<string, { dir?: string; sources: (string | { path: string; locale?: string; variant?: string })[] }>;
}

/**
 * The layout of statespec.config.json (or the default layout without one),
 * checked: valid JSON, the schema, and what the schema cannot say: the
 * output folder apart from every folder that is read, and patterns that can
 * name a locale. `defaults` are where this statespec's schemas are and the
 * command the banners name unless the file says otherwise.
 */
export function loadLayout(
  file: ProjectFile | undefined,
  validate: (value: unknown) => boolean,
  defaults: Pick<OutputSettings, 'schemaDir' | 'regenerate'>,
): Staged<Layout | undefined> {
  const { schemaDir } = defaults;
  if (!file) return { value: { ...DEFAULT_LAYOUT, ...defaults }, diagnostics: [] };
  const decoded = decodeText(file.bytes);
  if (!('text' in decoded)) {
    return { value: undefined, diagnostics: [problem({ file: file.path, line: 1, column: 1 }, `${LAYOUT_FILE} ${decoded.problem}.`)] };
  }
  const parsed = parseJson(file.path, decoded.text);
  if (!parsed.value) return { value: undefined, diagnostics: parsed.diagnostics };
  const document = parsed.value;
  const schemaProblems = validateJson(document, validate as never, 'config-invalid', LAYOUT_FILE);
  if (schemaProblems.length > 0) return { value: undefined, diagnostics: schemaProblems };
  const json = document.value as LayoutJson;
  const specs = json.specs ?? DEFAULT_LAYOUT.specs;
  const output = json.output ?? DEFAULT_LAYOUT.output;
  const diagnostics: Diagnostic[] = [];
  const articles: ArticleLayout[] = [];
  for (const [id, article] of Object.entries(json.articles ?? {})) {
    const idProblem = specIdProblem(id);
    if (idProblem !== undefined) diagnostics.push(problem(document.locate(`/articles/${id}`, true), `${LAYOUT_FILE}: article ${idProblem}.`));
    const dir = article.dir ?? `${specs}/${id}`;
    const sources = article.sources.map((entry, index): SourcePattern => {
      const pointer = `/articles/${id}/sources/${index}`;
      const pattern: SourcePattern = typeof entry === 'string' ? { path: entry, at: document.locate(pointer) } : { ...entry, at: document.locate(pointer) };
      if (pattern.locale !== undefined) {
        const checked = checkLocaleTag(pattern.locale);
        if ('problem' in checked) diagnostics.push(problem(document.locate(`${pointer}/locale`), `${LAYOUT_FILE}: locale ${checked.message}.`));
        else pattern.locale = checked.locale;
      }
      const patternProblem = sourcePatternProblem(pattern.path, output);
      if (patternProblem !== undefined)
        diagnostics.push(problem(pattern.at, `${LAYOUT_FILE}: the source path ${JSON.stringify(pattern.path)} ${patternProblem}.`));
      return pattern;
    });
    articles.push({ id, dir, sources });
  }
  for (const [what, folder, pointer] of [
    ['specs', specs, '/specs'],
    ['output', output, '/output'],
  ] as const) {
    const reserved = folder.split('/').find(isReservedName);
    if (reserved !== undefined)
      diagnostics.push(problem(document.locate(pointer), `${LAYOUT_FILE}: "${what}" uses "${reserved}", a reserved device name on Windows.`));
  }
  const readFolders = [specs, ...articles.map((article) => article.dir)];
  const clash = readFolders.find((folder) => within(folder, output) || within(output, folder));
  if (clash !== undefined) {
    diagnostics.push(
      problem(
        document.locate(json.output === undefined ? '' : '/output'),
        `${LAYOUT_FILE}: the output folder "${output}" and the folder "${clash}" that statespec reads overlap; a build would write among the sources. Give "output" a folder of its own.`,
      ),
    );
  }
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  return {
    value: { specs, output, regenerate: json.regenerate ?? defaults.regenerate, schemaDir, articles, document, text: decoded.text },
    diagnostics: [],
  };
}

function problem(at: { file: string; line: number; column: number }, message: string): Diagnostic {
  return diagnostic('config-invalid', { at, message });
}

/** `inner` is `outer` or a folder below it. */
function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}/`);
}

const PLACEHOLDER = '{locale}';

/** Why a source pattern cannot be read, or undefined. */
function sourcePatternProblem(path: string, output: string): string | undefined {
  const rest = path.replace(/^(?:\.\.\/)+/, '');
  if (/[{}]/.test(rest.replaceAll(PLACEHOLDER, ''))) return `has a placeholder other than ${PLACEHOLDER}`;
  if (within(rest, output) && rest === path) return `is inside the output folder "${output}"`;
  for (const segment of rest.split('/')) {
    if (segment === '') return 'has an empty segment';
    if (isReservedName(segment.replaceAll(PLACEHOLDER, 'x'))) return `uses "${segment}", a reserved device name on Windows`;
  }
  return undefined;
}

/** A source pattern as a matcher of root-relative paths; a match gives the path's locale part, if any. */
export interface CompiledPattern {
  pattern: SourcePattern;
  /** The literal folder before the first placeholder: where a reader starts looking. */
  base: string;
  match(path: string): { locale?: string } | undefined;
}

export function compilePattern(pattern: SourcePattern): CompiledPattern {
  const parts = pattern.path.split(PLACEHOLDER);
  const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A locale is letters, digits, hyphens and underscores (zh_CN) within one path segment.
  const regex = new RegExp(`^${parts.map(literal).join('([A-Za-z0-9_-]+)')}$`);
  const hasPlaceholder = parts.length > 1;
  const prefix = hasPlaceholder ? parts[0]! : pattern.path;
  const base = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '.';
  return {
    pattern,
    base,
    match(path) {
      const found = regex.exec(path);
      if (!found) return undefined;
      const locales = new Set(found.slice(1));
      // Every {locale} in one pattern is the same tag.
      if (locales.size > 1) return undefined;
      const [locale] = locales;
      return locale === undefined ? {} : { locale: locale.replace(/_/g, '-') };
    },
  };
}

/** The folder statespec writes the `$schema` of a file at `path` against: relative to that file. */
export function schemaReference(settings: OutputSettings, fromFile: string, schemaName: string): string {
  return posix.relative(posix.dirname(fromFile), `${settings.schemaDir}/${schemaName}`);
}

/** How `init` and `locale add` make a document a source of an article. */
export type Placement =
  /** No statespec.config.json: the document is copied into the spec folder. */
  | { kind: 'copy'; path: string }
  /** A source pattern of the article already names the document: nothing to record. */
  | { kind: 'in-place'; path: string; by: string }
  /** The document is read where it is, once statespec.config.json names it: `layoutText` is the new file. */
  | { kind: 'record'; path: string; layoutText: string }
  | { kind: 'refused'; message: string };

export interface PlacementRequest {
  id: string;
  dir: string;
  /** The document's path relative to the root, with `/` (it may start with ../). */
  path: string;
  locale: string;
  variant?: string;
  /** The article's reference locale, when it has one already. */
  referenceLocale?: string;
}

/**
 * Where a new source goes. With statespec.config.json, documents are read
 * where they live: the path is recorded under the article (a pattern that
 * already names it is enough); without one, the document is copied into the
 * spec folder as <locale>[.<variant>].md, as before.
 */
export function placeSource(layout: Layout, request: PlacementRequest): Placement {
  const copyName = `${request.dir}/${request.locale}${request.variant === undefined ? '' : `.${request.variant}`}.md`;
  if (!layout.document) return { kind: 'copy', path: copyName };
  if (request.path.startsWith('/') || /^[A-Za-z]:/.test(request.path)) {
    return { kind: 'refused', message: `${request.path} is on another drive than the project; statespec reads sources by a path relative to the root` };
  }
  if (within(request.path, layout.output)) return { kind: 'refused', message: `${request.path} is inside the output folder "${layout.output}"` };
  if (request.path.startsWith(`${request.dir}/`)) return { kind: 'in-place', path: request.path, by: `the spec folder ${request.dir}/` };
  const article = layout.articles.find((candidate) => candidate.id === request.id);
  for (const pattern of article?.sources ?? []) {
    const match = compilePattern(pattern).match(request.path);
    if (!match) continue;
    const fromPath = match.locale === undefined ? undefined : checkLocaleTag(match.locale);
    const named = pattern.locale ?? (fromPath === undefined ? request.referenceLocale : 'locale' in fromPath ? fromPath.locale : undefined);
    if (named !== undefined && named !== request.locale) {
      return {
        kind: 'refused',
        message: `${request.path} is already a source of ${request.id} through ${JSON.stringify(pattern.path)} in ${LAYOUT_FILE}, as ${named}, not ${request.locale}`,
      };
    }
    if ((pattern.variant ?? undefined) !== request.variant) continue;
    return { kind: 'in-place', path: request.path, by: `${JSON.stringify(pattern.path)} in ${LAYOUT_FILE}` };
  }
  const entry: Record<string, string> = { path: request.path, locale: request.locale };
  if (request.variant !== undefined) entry.variant = request.variant;
  const text = layout.text ?? '{}\n';
  const [target, value] = article ? [['articles', request.id, 'sources', -1], entry] : [['articles', request.id], { sources: [entry] }];
  const edits = modify(text, target, value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  return { kind: 'record', path: request.path, layoutText: applyEdits(text, edits) };
}
