import { createHash } from 'node:crypto';
import { compareStrings, diagnostic, type Diagnostic, type Staged } from '../diagnostics/diagnostic.js';
import { parseJson, validateJson } from './json.js';
import { locator } from './position.js';
import type { Loaded, ProjectFile, SourceFile, SpecConfig, SpecInput, TermsFile } from './types.js';
import type { Validators } from './validators.js';
import { checkTerms } from './terms.js';

const SOURCE_NAME = /^([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)(?:\.([a-z0-9][a-z0-9-]*))?\.md$/;

/** Groups the files under sources/<spec-id>/ into validated spec inputs. */
export function loadProject(files: readonly ProjectFile[], validators: Validators): Staged<SpecInput[]> {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, ProjectFile[]>();
  for (const file of [...files].sort((a, b) => compareStrings(a.path, b.path))) {
    const match = /^sources\/([^/]+)\/(.+)$/.exec(file.path);
    if (!match) continue;
    const list = byId.get(match[1]!) ?? [];
    list.push(file);
    byId.set(match[1]!, list);
  }
  const specs: SpecInput[] = [];
  for (const [id, specFiles] of byId) {
    const loaded = loadSpec(id, specFiles, validators);
    diagnostics.push(...loaded.diagnostics.map((d) => (d.spec === undefined ? { ...d, spec: id } : d)));
    if (loaded.value) specs.push(loaded.value);
  }
  return { value: specs, diagnostics };
}

function loadSpec(id: string, files: ProjectFile[], validators: Validators): Staged<SpecInput | undefined> {
  const dir = `sources/${id}`;
  const diagnostics: Diagnostic[] = [];
  const configFile = files.find((f) => f.path === `${dir}/spec.config.json`);
  if (!configFile) {
    const anyFile = files[0]!;
    diagnostics.push(
      diagnostic('config-missing', {
        at: { file: anyFile.path, line: 1, column: 1 },
        spec: id,
        message: `Spec folder "${dir}" has no spec.config.json, so its sources cannot be compiled.`,
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
  const reference = canonicalLocale(config.value.referenceLocale);
  if (!reference) {
    diagnostics.push(
      diagnostic('config-invalid', {
        at: config.document.locate('/referenceLocale'),
        spec: id,
        message: `spec.config.json: "${config.value.referenceLocale}" is not a valid BCP 47 locale tag.`,
      }),
    );
    return { value: undefined, diagnostics };
  }
  config.value.referenceLocale = reference;
  if (config.value.primarySources) {
    const canonical: Record<string, string> = {};
    for (const [tag, name] of Object.entries(config.value.primarySources)) {
      const locale = canonicalLocale(tag);
      if (!locale) {
        diagnostics.push(
          diagnostic('config-invalid', {
            at: config.document.locate(`/primarySources/${tag}`, true),
            spec: id,
            message: `spec.config.json: primarySources key "${tag}" is not a valid BCP 47 locale tag.`,
          }),
        );
        return { value: undefined, diagnostics };
      }
      canonical[locale] = name;
    }
    config.value.primarySources = canonical;
  }

  const terms = new Map<string, Loaded<TermsFile>>();
  /** Every locale with a terms file, loadable or not, so a broken one is not also reported as missing. */
  const termsFiles = new Map<string, string>();
  for (const file of files.filter((f) => f.path.startsWith(`${dir}/terms/`))) {
    const localeName = /\/terms\/([^/]+)\.json$/.exec(file.path)?.[1];
    const locale = localeName ? canonicalLocale(localeName) : undefined;
    if (!locale) {
      diagnostics.push(
        diagnostic('terms-invalid', {
          at: { file: file.path, line: 1, column: 1 },
          spec: id,
          message: `Terms file name must be terms/<locale>.json with a valid BCP 47 tag.`,
        }),
      );
      continue;
    }
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
    if (name === 'spec.config.json' || /^terms\/[^/]+\.json$/.test(name)) continue;
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
  return { value: { id, dir, config, terms, termsFiles: new Set(termsFiles.keys()), sources }, diagnostics };
}

function loadJson<T>(
  file: ProjectFile,
  validate: Validators['config'],
  code: 'config-invalid' | 'terms-invalid',
  describe: string,
  diagnostics: Diagnostic[],
): Loaded<T> | undefined {
  const text = decodeUtf8(file.bytes);
  if (text === undefined) {
    diagnostics.push(diagnostic('source-encoding', { at: { file: file.path, line: 1, column: 1 }, message: `${describe} is not valid UTF-8.` }));
    return undefined;
  }
  const parsed = parseJson(file.path, text);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.value) return undefined;
  const problems = validateJson(parsed.value, validate, code, describe);
  diagnostics.push(...problems);
  if (problems.length > 0) return undefined;
  return { document: parsed.value, value: parsed.value.value as T };
}

function decodeSource(specId: string, file: ProjectFile, name: string, diagnostics: Diagnostic[]): SourceFile | undefined {
  const match = SOURCE_NAME.exec(name);
  const locale = match ? canonicalLocale(match[1]!) : undefined;
  if (!match || !locale) {
    diagnostics.push(
      diagnostic('source-name', {
        at: { file: file.path, line: 1, column: 1 },
        spec: specId,
        message: `"${name}" is not <locale>[.<variant>].md with a valid BCP 47 locale tag (e.g. en-US.md, en-US.2014.md).`,
      }),
    );
    return undefined;
  }
  const text = decodeUtf8(file.bytes);
  const nul = text?.indexOf('\u0000') ?? -1;
  if (text === undefined || nul >= 0) {
    const at = text === undefined ? { file: file.path, line: 1, column: 1 } : locator(file.path, text)(nul);
    diagnostics.push(
      diagnostic('source-encoding', {
        at,
        spec: specId,
        locale,
        message: text === undefined ? `${name} is not valid UTF-8; save it as UTF-8.` : `${name} contains a NUL byte; it is not a text file.`,
      }),
    );
    return undefined;
  }
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

/** Decodes UTF-8 strictly (a BOM is dropped); undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The canonical form of a BCP 47 tag (`en-us` → `en-US`), or undefined when it is not one. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
