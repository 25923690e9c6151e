import { createHash } from 'node:crypto';
import { compareStrings, type Diagnostic, diagnostic, type Staged } from '../diagnostics/diagnostic.js';
import { escapePointer, parseJson, validateJson } from './json.js';
import { type CompiledPattern, compilePattern, DEFAULT_LAYOUT, LAYOUT_FILE, type Layout, type OutputSettings, type SourcePattern } from './layout.js';
import { canonicalLocale, checkLocaleTag, type LocaleCheck } from './locale.js';
import { checkModel } from './model.js';
import { projectPathProblem, specIdProblem } from './paths.js';
import { locator } from './position.js';
import { checkTerms } from './terms.js';
import { decodeText, findInvisible } from './text.js';
import { DEFAULT_LIMITS, type Limits, type Loaded, type ProjectFile, type SourceFile, type SpecConfig, type SpecInput, type TermsFile } from './types.js';
import type { Validators } from './validators.js';

export { canonicalLocale } from './locale.js';

const SOURCE_NAME = /^([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)(?:\.([a-z0-9][a-z0-9-]*))?\.md$/;

/** A file an article's source pattern names, with the locale its path gives. */
interface PlacedFile {
  file: ProjectFile;
  pattern: SourcePattern;
  pathLocale?: string;
}

interface ArticleFiles {
  dir: string;
  /** Files in its folder: spec.config.json, terms/, sources copied there. */
  files: ProjectFile[];
  placed: PlacedFile[];
}

/**
 * Groups the files into validated spec inputs: each folder under the
 * layout's specs folder (sources/ by default) is one article, and each
 * article of statespec.config.json also reads the files its patterns name.
 */
export function loadProject(
  files: readonly ProjectFile[],
  validators: Validators,
  limits: Limits = DEFAULT_LIMITS,
  layout: Layout = DEFAULT_LAYOUT,
): Staged<SpecInput[]> {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, ArticleFiles>();
  const articleOf = (id: string, dir: string): ArticleFiles => {
    let article = byId.get(id);
    if (!article) {
      article = { dir, files: [], placed: [] };
      byId.set(id, article);
    }
    return article;
  };
  for (const article of layout.articles) articleOf(article.id, article.dir);
  const patterns = layout.articles.map((article) => ({ id: article.id, compiled: article.sources.map(compilePattern) }));
  const refused = new Set<string>();
  const specsPrefix = `${layout.specs}/`;
  for (const file of [...files].sort((a, b) => compareStrings(a.path, b.path))) {
    if (file.path === LAYOUT_FILE) continue;
    const unsafe = projectPathProblem(file.path);
    if (unsafe !== undefined) {
      diagnostics.push(
        diagnostic('path-unsafe', {
          at: { file: file.path, line: 1, column: 1 },
          message: `The path ${JSON.stringify(file.path)} is not read: ${unsafe}. Rename it to plain names below ${layout.specs}/.`,
        }),
      );
      continue;
    }
    if (file.symbolicLink) {
      diagnostics.push(
        diagnostic('path-unsafe', {
          at: { file: file.path, line: 1, column: 1 },
          message: `${file.path} is a symbolic link; statespec reads only regular files (a link could point anywhere). Copy the file in, or name its real path in ${LAYOUT_FILE}.`,
        }),
      );
      continue;
    }
    const placed = placeByPattern(file, patterns);
    const listed = placed ? undefined : layout.articles.find((article) => file.path.startsWith(`${article.dir}/`));
    const inSpecs = placed || listed ? undefined : file.path.startsWith(specsPrefix) ? file.path.slice(specsPrefix.length).split('/') : undefined;
    const id = placed?.id ?? listed?.id ?? (inSpecs && inSpecs.length > 1 ? inSpecs[0]! : undefined);
    if (id === undefined) continue;
    const size = file.size ?? file.bytes.length;
    if (size > limits.maxSourceBytes) {
      diagnostics.push(
        diagnostic('source-too-large', {
          at: { file: file.path, line: 1, column: 1 },
          spec: id,
          message: `${file.path} is ${size} bytes, over the ${limits.maxSourceBytes}-byte limit, so it is not read; check that it is the right file, or raise the limit with --max-source-bytes.`,
        }),
      );
      refused.add(file.path);
      continue;
    }
    const article = articleOf(id, listed?.dir ?? `${layout.specs}/${id}`);
    if (placed) article.placed.push(placed.placed);
    else article.files.push(file);
  }
  const specs: SpecInput[] = [];
  for (const [id, article] of byId) {
    // A config refused for its size is reported as such, not also as missing.
    if (refused.has(`${article.dir}/spec.config.json`)) continue;
    const badId = specIdProblem(id);
    if (badId !== undefined) {
      diagnostics.push(
        diagnostic('path-unsafe', {
          at: { file: article.files[0]?.path ?? LAYOUT_FILE, line: 1, column: 1 },
          message: `The spec folder ${article.dir}/ is not compiled: ${badId}, and its id would name output folders. Rename the folder (and "id" in its spec.config.json).`,
        }),
      );
      continue;
    }
    const loaded = loadSpec(id, article, validators, layout);
    diagnostics.push(...loaded.diagnostics.map((d) => (d.spec === undefined ? { ...d, spec: id } : d)));
    if (loaded.value) specs.push(loaded.value);
  }
  return { value: specs, diagnostics };
}

function placeByPattern(file: ProjectFile, patterns: { id: string; compiled: CompiledPattern[] }[]): { id: string; placed: PlacedFile } | undefined {
  for (const { id, compiled } of patterns) {
    for (const pattern of compiled) {
      const match = pattern.match(file.path);
      if (!match) continue;
      const placed: PlacedFile = { file, pattern: pattern.pattern };
      if (match.locale !== undefined) placed.pathLocale = match.locale;
      return { id, placed };
    }
  }
  return undefined;
}

function loadSpec(id: string, article: ArticleFiles, validators: Validators, layout: Layout): Staged<SpecInput | undefined> {
  const { dir, files, placed } = article;
  const diagnostics: Diagnostic[] = [];
  const configFile = files.find((f) => f.path === `${dir}/spec.config.json`);
  if (!configFile) {
    const listed = layout.articles.find((candidate) => candidate.id === id);
    const at = files[0]
      ? { file: files[0].path, line: 1, column: 1 }
      : (layout.document?.locate(`/articles/${escapePointer(id)}`, true) ?? { file: LAYOUT_FILE, line: 1, column: 1 });
    diagnostics.push(
      diagnostic('config-missing', {
        at,
        spec: id,
        message: listed
          ? `Article "${id}" has no ${dir}/spec.config.json, so its sources cannot be compiled; run statespec init --spec ${id} on its reference document, or fix "dir" in ${LAYOUT_FILE}.`
          : `Spec folder "${dir}" has no spec.config.json, so its sources cannot be compiled.`,
      }),
    );
    return { value: undefined, diagnostics };
  }
  const config = loadJson<SpecConfig>(configFile, validators.config, 'config-invalid', 'spec.config.json', diagnostics);
  if (!config) return { value: undefined, diagnostics };
  if (config.value.id !== id) {
    diagnostics.push(
      diagnostic('config-invalid', {
        at: config.document.locate('/id'),
        spec: id,
        message: `spec.config.json: "id" is "${config.value.id}" but the folder is "${id}"; they must be the same.`,
      }),
    );
    return { value: undefined, diagnostics };
  }
  const modelProblems = checkModel(config.value, config.document);
  if (modelProblems.length > 0) {
    diagnostics.push(...modelProblems);
    return { value: undefined, diagnostics };
  }
  const reference = checkLocaleTag(config.value.referenceLocale);
  if (!('locale' in reference)) {
    diagnostics.push(localeDiagnostic(reference, 'config-invalid', config.document.locate('/referenceLocale'), id, 'spec.config.json: referenceLocale'));
    return { value: undefined, diagnostics };
  }
  config.value.referenceLocale = reference.locale;
  if (config.value.primarySources) {
    const canonical: Record<string, string> = {};
    for (const [tag, name] of Object.entries(config.value.primarySources)) {
      const checked = checkLocaleTag(tag);
      if (!('locale' in checked)) {
        diagnostics.push(
          localeDiagnostic(
            checked,
            'config-invalid',
            config.document.locate(`/primarySources/${escapePointer(tag)}`, true),
            id,
            'spec.config.json: primarySources key',
          ),
        );
        return { value: undefined, diagnostics };
      }
      if (canonical[checked.locale] !== undefined) {
        diagnostics.push(
          diagnostic('config-invalid', {
            at: config.document.locate(`/primarySources/${escapePointer(tag)}`, true),
            spec: id,
            message: `spec.config.json: primarySources names ${checked.locale} twice (this key "${tag}" is the same locale as an earlier one); keep one.`,
          }),
        );
        return { value: undefined, diagnostics };
      }
      canonical[checked.locale] = name;
    }
    config.value.primarySources = canonical;
  }

  const terms = new Map<string, Loaded<TermsFile>>();
  /** Every locale with a terms file, loadable or not, so a broken one is not also reported as missing. */
  const termsFiles = new Map<string, string>();
  for (const file of files.filter((f) => f.path.startsWith(`${dir}/terms/`))) {
    const localeName = /\/terms\/([^/]+)\.json$/.exec(file.path)?.[1];
    const checked = localeName === undefined ? undefined : checkLocaleTag(localeName);
    if (!checked || 'problem' in checked) {
      diagnostics.push(
        checked && 'problem' in checked && checked.problem === 'unknown'
          ? localeDiagnostic(checked, 'terms-invalid', { file: file.path, line: 1, column: 1 }, id, 'Terms file name')
          : diagnostic('terms-invalid', {
              at: { file: file.path, line: 1, column: 1 },
              spec: id,
              message: `Terms file name must be terms/<locale>.json with a valid BCP 47 tag.`,
            }),
      );
      continue;
    }
    const locale = checked.locale;
    const earlierTerms = termsFiles.get(locale);
    if (earlierTerms) {
      diagnostics.push(
        diagnostic('terms-invalid', {
          at: { file: file.path, line: 1, column: 1 },
          spec: id,
          locale,
          message: `A second terms file for ${locale} (${earlierTerms} is the first); keep one.`,
        }),
      );
      continue;
    }
    termsFiles.set(locale, file.path);
    const loaded = loadJson<TermsFile>(file, validators.terms, 'terms-invalid', 'terms file', diagnostics);
    if (!loaded) continue;
    if (canonicalLocale(loaded.value.locale) !== locale) {
      diagnostics.push(
        diagnostic('terms-invalid', {
          at: loaded.document.locate('/locale'),
          spec: id,
          locale,
          message: `Terms file for ${locale} says "locale": "${loaded.value.locale}"; they must agree.`,
        }),
      );
      continue;
    }
    diagnostics.push(...checkTerms(id, locale, loaded, config.value));
    terms.set(locale, loaded);
  }

  const sources: SourceFile[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = file.path.slice(dir.length + 1);
    // Everything under terms/ was judged by the terms loop above.
    if (name === 'spec.config.json' || name.startsWith('terms/')) continue;
    if (!name.endsWith('.md')) {
      diagnostics.push(
        diagnostic('source-name', {
          at: { file: file.path, line: 1, column: 1 },
          spec: id,
          message: `"${name}" is not a source (<locale>[.<variant>].md directly in ${dir}), spec.config.json or terms/<locale>.json; statespec does not read it. Move or rename it.`,
        }),
      );
      continue;
    }
    const source = decodeSource(id, file, name, diagnostics);
    if (!source) continue;
    const key = `${source.locale}.${source.variant ?? ''}`;
    const earlier = seen.get(key);
    if (earlier) {
      diagnostics.push(
        diagnostic('source-duplicate', {
          at: { file: file.path, line: 1, column: 1 },
          spec: id,
          locale: source.locale,
          message: `${name} claims locale ${source.locale}${source.variant ? ` variant "${source.variant}"` : ''}, as ${earlier} already does.`,
          related: [{ file: `${dir}/${earlier}`, line: 1, column: 1, message: 'The first file with this locale and variant.' }],
        }),
      );
      continue;
    }
    seen.set(key, name);
    sources.push(source);
  }
  for (const { file, pattern, pathLocale } of placed) {
    const tag = pattern.locale ?? pathLocale ?? config.value.referenceLocale;
    const checked = checkLocaleTag(tag);
    if ('problem' in checked) {
      diagnostics.push(
        diagnostic(checked.problem === 'unknown' ? 'locale-unknown' : 'source-name', {
          at: { file: file.path, line: 1, column: 1 },
          spec: id,
          message: `${file.path} matches the source path ${JSON.stringify(pattern.path)} of ${LAYOUT_FILE}, but its locale ${checked.message}. Give the entry a "locale", or narrow its path.`,
        }),
      );
      continue;
    }
    const source = decodeSource(id, file, file.path, diagnostics, { locale: checked.locale, variant: pattern.variant });
    if (!source) continue;
    const key = `${source.locale}.${source.variant ?? ''}`;
    const earlier = seen.get(key);
    if (earlier) {
      diagnostics.push(
        diagnostic('source-duplicate', {
          at: { file: file.path, line: 1, column: 1 },
          spec: id,
          locale: source.locale,
          message: `${file.path} is a ${source.locale}${source.variant ? ` "${source.variant}"` : ''} source of ${id}, as ${earlier} already is; give one of them a "variant" in ${LAYOUT_FILE}.`,
          related: [
            { file: earlier.includes('/') ? earlier : `${dir}/${earlier}`, line: 1, column: 1, message: 'The first file with this locale and variant.' },
          ],
        }),
      );
      continue;
    }
    seen.set(key, file.path);
    sources.push(source);
  }
  // A pattern without {locale} names one file: when it is not there, the config is out of date (or mistyped).
  for (const pattern of layout.articles.find((candidate) => candidate.id === id)?.sources ?? []) {
    if (pattern.path.includes('{locale}') || placed.some((entry) => entry.pattern === pattern)) continue;
    diagnostics.push(
      diagnostic('config-invalid', {
        at: pattern.at,
        spec: id,
        message: `${LAYOUT_FILE} names ${pattern.path} as a source of ${id}, but there is no such file. Correct the path, or remove the entry if the page is gone.`,
      }),
    );
  }
  const settings: OutputSettings = { output: layout.output, regenerate: layout.regenerate, schemaDir: layout.schemaDir };
  return {
    value: { id, dir, config, terms, termsFiles: new Set(termsFiles.keys()), sources, files: [...files, ...placed.map((entry) => entry.file)], settings },
    diagnostics,
  };
}

function loadJson<T>(
  file: ProjectFile,
  validate: Validators['config'],
  code: 'config-invalid' | 'terms-invalid',
  describe: string,
  diagnostics: Diagnostic[],
): Loaded<T> | undefined {
  const decoded = decodeText(file.bytes);
  if (!('text' in decoded)) {
    diagnostics.push(encodingDiagnostic(file, describe, decoded));
    return undefined;
  }
  const text = decoded.text;
  diagnostics.push(...findInvisible(file.path, text, { references: 'json' }));
  const parsed = parseJson(file.path, text);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.value) return undefined;
  const problems = validateJson(parsed.value, validate, code, describe);
  diagnostics.push(...problems);
  if (problems.length > 0) return undefined;
  return { document: parsed.value, value: parsed.value.value as T };
}

function decodeSource(
  specId: string,
  file: ProjectFile,
  name: string,
  diagnostics: Diagnostic[],
  placed?: { locale: string; variant: string | undefined },
): SourceFile | undefined {
  const match = placed ? [name, placed.locale, placed.variant] : SOURCE_NAME.exec(name);
  const checked = placed ? { locale: placed.locale } : match ? checkLocaleTag(match[1]!) : undefined;
  if (!match || !checked || 'problem' in checked) {
    diagnostics.push(
      checked && 'problem' in checked && checked.problem === 'unknown'
        ? localeDiagnostic(checked, 'source-name', { file: file.path, line: 1, column: 1 }, specId, `Source ${name}: the locale`)
        : diagnostic('source-name', {
            at: { file: file.path, line: 1, column: 1 },
            spec: specId,
            message: `"${name}" is not <locale>[.<variant>].md with a valid BCP 47 locale tag (e.g. en-US.md, en-US.2014.md).`,
          }),
    );
    return undefined;
  }
  const locale = checked.locale;
  const decoded = decodeText(file.bytes);
  if (!('text' in decoded)) {
    diagnostics.push({ ...encodingDiagnostic(file, name, decoded), spec: specId, locale });
    return undefined;
  }
  const text = decoded.text;
  if (text.trim() === '') {
    diagnostics.push(
      diagnostic('source-empty', {
        at: { file: file.path, line: 1, column: 1 },
        spec: specId,
        locale,
        message: `${name} is ${text === '' ? 'empty' : 'only whitespace'}; restore the document, or delete the file if this ${locale} version is gone.`,
      }),
    );
    return undefined;
  }
  diagnostics.push(...findInvisible(file.path, text, { spec: specId, locale, references: 'markup' }));
  const source: SourceFile = {
    specId,
    path: file.path,
    name,
    locale,
    text,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
  };
  if (match[2] !== undefined) source.variant = match[2];
  return source;
}

function encodingDiagnostic(file: ProjectFile, describe: string, decoded: { problem: string; offset?: number }): Diagnostic {
  // A lenient decode has the same characters up to the offset, so it locates the problem.
  const at = decoded.offset === undefined ? { file: file.path, line: 1, column: 1 } : locator(file.path, new TextDecoder().decode(file.bytes))(decoded.offset);
  return diagnostic('source-encoding', { at, message: `${describe} ${decoded.problem}.` });
}

/** A malformed tag is `fallback` (the file's own code); a well-formed tag CLDR does not know is locale-unknown. */
function localeDiagnostic(
  checked: Exclude<LocaleCheck, { locale: string }>,
  fallback: 'config-invalid' | 'terms-invalid' | 'source-name',
  at: { file: string; line: number; column: number },
  spec: string,
  what: string,
): Diagnostic {
  return diagnostic(checked.problem === 'unknown' ? 'locale-unknown' : fallback, { at, spec, message: `${what} ${checked.message}.` });
}
