import { applyEdits, modify } from 'jsonc-parser';
import { type Diagnostic, diagnostic, type Staged } from '../diagnostics/diagnostic.js';
import { escapePointer, type JsonDocument, parseJson, validateJson } from './json.js';
import {
  type ArticleLayout,
  compilePattern,
  DEFAULT_LAYOUT,
  folderProblem,
  LAYOUT_FILE,
  type Layout,
  type LayoutJson,
  patternReaches,
  type SourcePattern,
  sourcePathProblem,
  sourcePatternProblem,
  within,
} from './layout.js';
import { checkLocaleTag } from './locale.js';
import { isReservedName, specIdProblem } from './paths.js';
import { decodeText } from './text.js';
import type { OutputSettings, ProjectFile } from './types.js';

/**
 * The layout of statespec.config.json, checked: valid JSON, the schema, and what the schema cannot say: the
 * output folder apart from every folder that is read, and patterns that can
 * name a locale. `defaults` are where this statespec's schemas are and the
 * command the banners name unless the file says otherwise.
 */
export function loadLayout(
  file: ProjectFile,
  validate: (value: unknown) => boolean,
  defaults: Pick<OutputSettings, 'schemaDir' | 'regenerate'>,
): Staged<Layout | undefined> {
  const { schemaDir } = defaults;
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
    if (idProblem !== undefined) diagnostics.push(problem(document.locate(`/articles/${escapePointer(id)}`, true), `${LAYOUT_FILE}: article ${idProblem}.`));
    const dir = article.dir ?? `${specs}/${id}`;
    const sources = article.sources.map((entry, index): SourcePattern => {
      const pointer = `/articles/${escapePointer(id)}/sources/${index}`;
      const pattern: SourcePattern = typeof entry === 'string' ? { path: entry, at: document.locate(pointer) } : { ...entry, at: document.locate(pointer) };
      if (pattern.locale !== undefined) {
        const checked = checkLocaleTag(pattern.locale);
        if ('problem' in checked) diagnostics.push(problem(document.locate(`${pointer}/locale`), `${LAYOUT_FILE}: locale ${checked.message}.`));
        else pattern.locale = checked.locale;
      }
      const patternProblem = sourcePatternProblem(pattern.path);
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
    folder(dir, `/articles/${escapePointer(id)}/dir`, `articles.${id}.dir`);
    if (!Array.isArray(sources)) continue;
    sources.forEach((entry: unknown, index) => {
      const path = typeof entry === 'string' ? entry : (entry as { path?: unknown } | null)?.path;
      const pointer = `/articles/${escapePointer(id)}/sources/${index}${typeof entry === 'string' ? '' : '/path'}`;
      const why = typeof path === 'string' ? sourcePathProblem(path) : undefined;
      if (why !== undefined) found.push(problem(document.locate(pointer), `${LAYOUT_FILE}: the source path ${JSON.stringify(path)} ${why}.`));
    });
  }
  return found;
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
  if (request.path.startsWith(`${request.dir}/`)) {
    // The spec folder's own sources are read by name: <locale>[.<variant>].md, directly in it.
    if (request.path === copyName) return { kind: 'in-place', path: request.path, by: `the spec folder ${request.dir}/` };
    return {
      kind: 'refused',
      message: `${request.path} is in the spec folder ${request.dir}/, where sources are read by their name; name it ${copyName.slice(request.dir.length + 1)} (its locale${request.variant === undefined ? '' : ' and variant'}), or keep it elsewhere in the project`,
    };
  }
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
