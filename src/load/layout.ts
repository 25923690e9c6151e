import { posix } from 'node:path';
import type { JsonDocument } from './json.js';
import { isReservedName } from './paths.js';
import type { OutputSettings } from './types.js';

// The types, defaults and path patterns of statespec.config.json: light, for the no-op fast path.
// Reading the file and placing a new source are in layout-file.ts.

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

export interface LayoutJson {
  specs?: string;
  output?: string;
  regenerate?: string;
  articles?: Record<string, { dir?: string; sources: (string | { path: string; locale?: string; variant?: string })[] }>;
}

/** `inner` is `outer` or a folder below it. */
export function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}/`);
}

const PLACEHOLDER = '{locale}';
/** What `{locale}` matches: letters, digits, hyphens and underscores (zh_CN), within one path segment. */
const LOCALE_PART = '[A-Za-z0-9_-]+';

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

/**
 * Whether a source pattern could name a file inside `folder`: every part of
 * the folder is the pattern's part at that place, or a locale the
 * placeholder there could stand for.
 */
export function patternReaches(path: string, folder: string): boolean {
  const parts = path.split('/');
  const folderParts = folder.split('/');
  if (folderParts.length >= parts.length) return false;
  return folderParts.every((part, index) => {
    const pattern = parts[index]!;
    return pattern.includes(PLACEHOLDER) ? segmentPattern(pattern).test(part) : pattern === part;
  });
}

/** One folder or file name of a pattern as a regular expression: `{locale}` stands for a locale tag. */
export function segmentPattern(segment: string): RegExp {
  return new RegExp(`^${segment.split(PLACEHOLDER).map(escapeRegExp).join(LOCALE_PART)}$`);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Why a source pattern cannot be read, or undefined. */
export function sourcePatternProblem(path: string): string | undefined {
  const rest = path.replace(/^(?:\.\.\/)+/, '');
  if (/[{}]/.test(rest.replaceAll(PLACEHOLDER, ''))) return `has a placeholder other than ${PLACEHOLDER}`;
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
  const regex = new RegExp(`^${parts.map(escapeRegExp).join(`(${LOCALE_PART})`)}$`);
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
