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
  // Folders and paths first, in words: the schema's own message for them would be a regular expression.
  const pathProblems = plainPathProblems(document);
  if (pathProblems.length > 0) return { value: undefined, diagnostics: pathProblems };
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
  const reached = articles.flatMap((article) => article.sources).find((pattern) => patternReaches(pattern.path, output));
  if (/^(?:node_modules|\.git)(?:\/|$)/.test(output)) {
    diagnostics.push(
      problem(document.locate('/output'), `${LAYOUT_FILE}: the output folder "${output}" belongs to npm or git; give "output" a folder of its own.`),
    );
  } else if (reached !== undefined) {
    diagnostics.push(
      problem(
        document.locate('/output'),
        `${LAYOUT_FILE}: the output folder "${output}" is where the source path ${JSON.stringify(reached.path)} finds pages; a build would write among them. Give "output" a folder of its own.`,
      ),
    );
  } else if (clash !== undefined) {
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

/** A source pattern ends in one of these: statespec reads Markdown, and MDX as Markdown. */
export const SOURCE_EXTENSIONS = ['.md', '.mdx'];

/** Why `folder` (specs, output, an article's dir) is not a plain folder inside the root, or undefined. */
export function folderProblem(folder: string): string | undefined {
  if (folder.trim() === '' || folder === '.') return 'is the root itself; name a folder inside it';
  if (/^[/\\]|^[A-Za-z]:/.test(folder)) return 'is an absolute path; give it relative to the root, with /';
  if (folder.includes('\\')) return 'has a backslash; separate folders with /';
  if (folder.split('/').some((segment) => segment === '..' || segment === '.' || segment === ''))
    return 'leaves the root or has an empty, "." or ".." part; name a folder inside the root';
  if (/[\u0000-\u001f]/.test(folder)) return 'has a control character';
  return undefined;
}

/** Why a source path (pattern) cannot name sources, or undefined. */
export function sourcePathProblem(path: string): string | undefined {
  if (/^[/\\]|^[A-Za-z]:/.test(path)) return 'is an absolute path; give it relative to the root, with / (it may start with ../)';
  if (path.includes('\\')) return 'has a backslash; separate folders with /';
  if (!SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension)))
    return `does not end in ${SOURCE_EXTENSIONS.join(' or ')}; statespec reads Markdown pages`;
  const rest = path.replace(/^(?:\.\.\/)+/, '');
  if (rest.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) return 'has an empty, "." or ".." part after its leading ../';
  if (/[*?\u0000-\u001f]/.test(path)) return 'has a wildcard or control character; only {locale} stands for a part of a name';
  return undefined;
}

/** The problems of every folder and source path in the file, worded for people. */
function plainPathProblems(document: JsonDocument): Diagnostic[] {
  const json = document.value as Record<string, unknown> | null;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return [];
  const found: Diagnostic[] = [];
  const folder = (value: unknown, pointer: string, what: string): void => {
    const why = typeof value === 'string' ? folderProblem(value) : undefined;
    if (why !== undefined) found.push(problem(document.locate(pointer), `${LAYOUT_FILE}: "${what}" ${JSON.stringify(value)} ${why}.`));
  };
  folder(json.specs, '/specs', 'specs');
  folder(json.output, '/output', 'output');
  const articles = json.articles;
  if (typeof articles !== 'object' || articles === null) return found;
  for (const [id, article] of Object.entries(articles as Record<string, unknown>)) {
    if (typeof article !== 'object' || article === null) continue;
    const { dir, sources } = article as { dir?: unknown; sources?: unknown };
    folder(dir, `/articles/${id}/dir`, `articles.${id}.dir`);
    if (!Array.isArray(sources)) continue;
    sources.forEach((entry: unknown, index) => {
      const path = typeof entry === 'string' ? entry : (entry as { path?: unknown } | null)?.path;
      const pointer = `/articles/${id}/sources/${index}${typeof entry === 'string' ? '' : '/path'}`;
      const why = typeof path === 'string' ? sourcePathProblem(path) : undefined;
      if (why !== undefined) found.push(problem(document.locate(pointer), `${LAYOUT_FILE}: the source path ${JSON.stringify(path)} ${why}.`));
    });
  }
  return found;
}

/**
 * Whether a source pattern could name a file inside `folder`: every part of
 * the folder is the pattern's part at that place, or a locale the
 * placeholder there could stand for.
 */
function patternReaches(path: string, folder: string): boolean {
  const parts = path.split('/');
  const folderParts = folder.split('/');
  if (folderParts.length >= parts.length) return false;
  return folderParts.every((part, index) => {
    const pattern = parts[index]!;
    if (!pattern.includes(PLACEHOLDER)) return pattern === part;
    return new RegExp(`^${pattern.split(PLACEHOLDER).map(escapeRegExp).join('[A-Za-z0-9_-]+')}$`).test(part);
  });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  // A locale is letters, digits, hyphens and underscores (zh_CN) within one path segment.
  const regex = new RegExp(`^${parts.map(escapeRegExp).join('([A-Za-z0-9_-]+)')}$`);
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
  const pathProblem = sourcePathProblem(request.path);
  if (pathProblem !== undefined) return { kind: 'refused', message: `${request.path} ${pathProblem}` };
  const article = layout.articles.find((candidate) => candidate.id === request.id);
  for (const pattern of article?.sources ?? []) {
    const match = compilePattern(pattern).match(request.path);
    if (!match) continue;
    const fromPath = match.locale === undefined ? undefined : checkLocaleTag(match.locale);
    const named = pattern.locale ?? (fromPath === undefined ? request.referenceLocale : 'locale' in fromPath ? fromPath.locale : undefined);
    if (named !== undefined && named !== request.locale) {
      return {
        kind: 'refused',
        message: `${request.path} is already a source of ${request.id} through ${JSON.stringify(pattern.path)} in ${LAYOUT_FILE}, as ${named}, not ${request.locale}. Pass --locale ${named}, or give that entry a "locale"`,
      };
    }
    if ((pattern.variant ?? undefined) !== request.variant) continue;
    return { kind: 'in-place', path: request.path, by: `${JSON.stringify(pattern.path)} in ${LAYOUT_FILE}` };
  }
  if (request.path.startsWith('../')) {
    // Recorded, the project would depend on a file outside it (a download folder); a pattern says that on purpose.
    return {
      kind: 'refused',
      message: `${request.path} is outside the project, and no source path of ${request.id} in ${LAYOUT_FILE} names it. Move the file into the project, or add a pattern for it (for example "../docs.{locale}/articles/page.md" for one repository per locale) and run the command again`,
    };
  }
  const entry: Record<string, string> = { path: request.path, locale: request.locale };
  if (request.variant !== undefined) entry.variant = request.variant;
  const text = layout.text ?? '{}\n';
  const [target, value] = article ? [['articles', request.id, 'sources', -1], entry] : [['articles', request.id], { sources: [entry] }];
  const edits = modify(text, target, value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  return { kind: 'record', path: request.path, layoutText: applyEdits(text, edits) };
}
