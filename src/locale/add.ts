import { createHash } from 'node:crypto';
import { primarySources } from '../align/analyze.js';
import { sameShape, shapeDifference, tableShapes } from '../check/shape.js';
import { compareDiagnostics, type Diagnostic, diagnostic, isBlocking, type Location } from '../diagnostics/diagnostic.js';
import { capitalize, NO_WORDS, sameBytes } from '../init/words.js';
import { DEFAULT_LAYOUT, LAYOUT_FILE, type Layout, schemaReference } from '../load/layout.js';
import { type PlacementRequest, placeSource } from '../load/layout-file.js';
import { checkLocaleTag } from '../load/locale.js';
import { loadProject } from '../load/project.js';
import { normalizeLabel, preferredLabel, sameLanguage, termSets } from '../load/terms.js';
import { decodeText } from '../load/text.js';
import type { Limits, ProjectFile, SourceFile, SpecInput, TermEntry } from '../load/types.js';
import { createValidators, type Schemas } from '../load/validators.js';
import { type Analysis, analyze, collectDrafts, distinctLabels, setAt, termMapAt } from './drafts.js';
import { closestTerms, isCanonicalJson, rememberTerms } from './memory.js';

export interface AddLocaleRequest {
  /** Every file under sources/, as for compile(). */
  files: readonly ProjectFile[];
  schemas: Schemas;
  specId: string;
  /** The locale tag as the user typed it. */
  locale: string;
  variant?: string;
  /** The new document: the path the user gave (for messages), its path relative to the root, and its bytes. */
  input: { path: string; rootPath?: string; bytes: Uint8Array };
  limits?: Limits;
  /** statespec.config.json's layout: with one, the document is recorded there and read in place, not copied. */
  layout?: Layout;
}

export interface AddLocaleResult {
  /** Files to create, relative to the root; empty when refused or when nothing would change. */
  writes: { path: string; content: string | Uint8Array }[];
  diagnostics: Diagnostic[];
  /** What was done to each file, one line each. */
  actions: string[];
}

const VARIANT = /^[a-z0-9][a-z0-9-]*$/;

/**
 * `statespec locale add`: copies a new source into the spec folder and, when
 * the locale has no terms yet, bootstraps them by reading the new file's
 * labels at the positions where a reference version with the same table shape
 * has its labels. Labels that look wrong are flagged for review. Refuses,
 * writing nothing, when no reference version has the same shape.
 */
export function addLocale(request: AddLocaleRequest): AddLocaleResult {
  const at: Location = { file: request.input.path, line: 1, column: 1 };
  const refuse = (...diagnostics: Diagnostic[]): AddLocaleResult => ({ writes: [], diagnostics, actions: [] });
  const checked = checkLocaleTag(request.locale);
  if ('problem' in checked)
    return refuse(diagnostic(checked.problem === 'unknown' ? 'locale-unknown' : 'source-name', { at, message: `--locale ${checked.message}.` }));
  const locale = checked.locale;
  if (request.variant !== undefined && !VARIANT.test(request.variant)) {
    return refuse(
      diagnostic('source-name', {
        at,
        message: `--variant "${request.variant}" must be lower-case letters, digits and hyphens (for example 2016 or markdown).`,
      }),
    );
  }

  const layout = request.layout ?? DEFAULT_LAYOUT;
  const loaded = loadProject(request.files, createValidators(request.schemas), request.limits, layout);
  const spec = loaded.value.find((candidate) => candidate.id === request.specId);
  if (!spec) {
    const problems = loaded.diagnostics.filter((d) => d.spec === request.specId && isBlocking(d));
    if (problems.length > 0) return refuse(...problems);
    const known = loaded.value.map((candidate) => candidate.id).join(', ') || 'none';
    return refuse(
      diagnostic('config-missing', {
        at,
        message: `There is no spec "${request.specId}" (${layout.specs}/${request.specId}/spec.config.json); the specs are: ${known}. Start it with statespec init.`,
      }),
    );
  }
  const config = spec.config.value;

  const placementRequest: PlacementRequest = {
    id: spec.id,
    dir: spec.dir,
    path: request.input.rootPath ?? request.input.path,
    locale,
    referenceLocale: config.referenceLocale,
  };
  if (request.variant !== undefined) placementRequest.variant = request.variant;
  const placement = placeSource(layout, placementRequest);
  if (placement.kind === 'refused')
    return refuse(diagnostic('source-name', { at, spec: spec.id, locale, message: `${placement.message}; nothing was written.` }));
  const name = placement.kind === 'copy' ? `${locale}${request.variant === undefined ? '' : `.${request.variant}`}.md` : placement.path;
  const target = placement.path;
  const sameVersion = spec.sources.find((candidate) => candidate.locale === locale && candidate.variant === request.variant && candidate.path !== target);
  if (placement.kind !== 'copy' && sameVersion) {
    return refuse(
      diagnostic('locale-exists', {
        at,
        spec: spec.id,
        locale,
        message: `${spec.id} already has a ${locale}${request.variant === undefined ? '' : ` "${request.variant}"`} source, ${sameVersion.path}; pass --variant <name> to add this file as another ${locale} version.`,
        related: [{ file: sameVersion.path, line: 1, column: 1, message: 'The existing source.' }],
      }),
    );
  }
  const existing = placement.kind === 'copy' ? request.files.find((file) => file.path === target) : undefined;
  if (existing && !sameBytes(existing.bytes, request.input.bytes)) {
    return refuse(
      diagnostic('locale-exists', {
        at,
        spec: spec.id,
        locale,
        message: `${target} already exists with other content; pass --variant <name> to add this file as another ${locale} version, or remove the old one first.`,
        related: [{ file: target, line: 1, column: 1, message: 'The existing file.' }],
      }),
    );
  }
  const decoded = decodeText(request.input.bytes);
  if ('problem' in decoded) {
    return refuse(diagnostic('source-encoding', { at, spec: spec.id, locale, message: `${request.input.path} ${decoded.problem}.` }));
  }
  const text = decoded.text;
  const source: SourceFile = {
    specId: spec.id,
    path: request.input.path,
    name,
    locale,
    text,
    sha256: createHash('sha256').update(request.input.bytes).digest('hex'),
  };
  if (request.variant !== undefined) source.variant = request.variant;

  // Only the position of each label matters; the language's reviewed terms, where it has any, let it find a table continued under another heading.
  const base = spec.termsFiles.has(locale) ? (spec.terms.has(locale) ? locale : undefined) : closestTerms(locale, spec.terms.keys(), config.referenceLocale);
  const baseTerms = base === undefined ? undefined : spec.terms.get(base);
  const terms = new Map([...spec.terms].filter(([tag]) => tag !== locale));
  if (baseTerms) terms.set(locale, baseTerms);
  const mine = analyze(source, { ...spec, terms });
  const versions = spec.sources.filter((candidate) => candidate.locale === config.referenceLocale).map((version) => analyze(version, spec));
  const primary = primarySources(versions, spec).get(config.referenceLocale);
  if (!primary)
    return refuse(
      diagnostic('reference-missing', {
        at: spec.config.document.locate('/referenceLocale'),
        spec: spec.id,
        message: `No ${config.referenceLocale} source to align ${request.input.path} with.`,
      }),
    );
  const shapes = tableShapes(mine.labels);
  const match =
    [primary, ...versions.filter((version) => version !== primary)].find((version) => sameShape(shapes, tableShapes(version.labels))) ??
    ownRevision(mine, spec, locale);
  if (!match && locale === config.referenceLocale && shapes.length > 0) return refuse(unknownInRevision(mine, spec, request.input.path));
  if (!match) {
    const difference = shapeDifference(shapes, tableShapes(primary.labels));
    const what = shapes.length === 0 ? 'no table with labelled rows and columns' : difference?.mine;
    return refuse(
      diagnostic('locale-unaligned', {
        at: difference?.location ?? at,
        spec: spec.id,
        locale,
        message: `${request.input.path} cannot be aligned with the reference by position: it has ${what}, but ${primary.source.name} has ${difference?.theirs} (and no other ${config.referenceLocale} version matches). Nothing was written; fix the tables and run the command again.`,
        related: [{ file: primary.source.path, line: 1, column: 1, message: 'The reference source.' }],
      }),
    );
  }

  const alignedWith = match === mine ? `read by the ${locale} terms, as another revision of the reference` : `aligned with ${match.source.name}`;
  const writes: AddLocaleResult['writes'] = [];
  const actions: string[] = [];
  if (placement.kind === 'in-place') actions.push(`${target} is already read in place (${placement.by}), ${alignedWith}.`);
  else if (placement.kind === 'record') {
    writes.push({ path: LAYOUT_FILE, content: placement.layoutText });
    actions.push(`Recorded ${target} as the ${locale} source of ${spec.id} in ${LAYOUT_FILE} (${alignedWith}); it is read where it is.`);
  } else if (existing) actions.push(`${target} is already this file; left as is.`);
  else {
    writes.push({ path: target, content: request.input.bytes });
    actions.push(`Copied ${request.input.path} to ${target} (${alignedWith}).`);
  }
  const ownTerms = spec.termsFiles.has(locale) ? termsFileOf(request.files, spec.dir, locale) : undefined;
  const termsPath = ownTerms?.path ?? `${spec.dir}/terms/${locale}.json`;
  if (spec.termsFiles.has(locale)) {
    const reviewed = baseTerms?.value;
    const text = ownTerms === undefined ? undefined : decodeText(ownTerms.bytes);
    const existingText = text !== undefined && 'text' in text && isCanonicalJson(text.text) ? text.text : undefined;
    if (!reviewed) {
      actions.push(`Kept ${termsPath}: terms are reviewed data and never overwritten; \`statespec check\` reports how the new file matches them.`);
      return { writes, diagnostics: [], actions };
    }
    const remembered = rememberTerms({
      mine,
      match,
      spec,
      locale,
      termsPath,
      base: locale,
      baseTerms: reviewed,
      extend: true,
      ...(existingText === undefined ? {} : { existingText }),
    });
    if (remembered.added > 0 && existingText !== undefined) {
      writes.push({ path: termsPath, content: remembered.json! });
      actions.push(
        `Added ${remembered.added} new labels and words to ${termsPath}, flagged for review; its reviewed entries are unchanged. ${remembered.diagnostics.length - remembered.added} labels differ from them. Review it, then run \`statespec build\`.`,
      );
    } else {
      if (remembered.added > 0)
        actions.push(
          `${termsPath} is not in the form statespec writes, so the ${remembered.added} new labels and words were not added: add the flagged ones by hand.`,
        );
      actions.push(
        `Kept ${termsPath}: terms are reviewed data and never overwritten; ${remembered.diagnostics.length === 0 ? 'the new file matches them' : `${remembered.diagnostics.length} labels of the new file need a reviewer`}, and \`statespec check\` reports how it matches them.`,
      );
    }
    return { writes, diagnostics: remembered.diagnostics, actions };
  }
  if (base !== undefined && baseTerms) {
    const remembered = rememberTerms({ mine, match, spec, locale, termsPath, base, baseTerms: baseTerms.value });
    writes.push({ path: termsPath, content: remembered.json! });
    actions.push(
      `Wrote ${termsPath} from the reviewed ${base} terms: ${remembered.count} labels, ${remembered.flagged} flagged for review. Review it, then run \`statespec build\`.`,
    );
    return { writes, diagnostics: remembered.diagnostics, actions };
  }
  const bootstrapped = bootstrapTerms(mine, match, spec, locale, termsPath);
  writes.push({ path: termsPath, content: bootstrapped.json });
  actions.push(
    `Wrote ${termsPath}: ${bootstrapped.count} labels, ${bootstrapped.diagnostics.length} flagged for review. Review it, then run \`statespec build\`.`,
  );
  return { writes, diagnostics: bootstrapped.diagnostics, actions };
}

/**
 * Another revision of the reference locale states its own facts, so it need
 * not have any version's shape: it is aligned by its terms when every table
 * is there and every label names a current or retired id.
 */
function ownRevision(mine: Analysis, spec: SpecInput, locale: string): Analysis | undefined {
  const config = spec.config.value;
  if (locale !== config.referenceLocale || mine.labels.length === 0) return undefined;
  const complete = config.tables.every((table) => mine.analysis.tables.has(table.id));
  return complete && mine.labels.every((record) => record.id !== undefined) ? mine : undefined;
}

/** Why a revision of the reference locale cannot be read: its labels no term names, or its missing tables, with what to add for each. */
function unknownInRevision(mine: Analysis, spec: SpecInput, path: string): Diagnostic {
  const config = spec.config.value;
  const termsPath = `${spec.dir}/terms/${config.referenceLocale}.json`;
  const unknown = mine.labels.filter((record) => record.id === undefined);
  const missing = config.tables.filter((table) => !mine.analysis.tables.has(table.id)).map((table) => `"${table.id}" (table ${table.position + 1})`);
  const byAxis = new Map<string, string[]>();
  for (const record of unknown) byAxis.set(record.pointer, [...(byAxis.get(record.pointer) ?? []), `"${record.label}"`]);
  const named = [...byAxis].map(([pointer, labels]) => `${labels.join(', ')} (${pointer})`).join('; ');
  const problems = [
    ...(unknown.length > 0 ? [`its labels ${named} name no id in ${termsPath}`] : []),
    ...(missing.length > 0 ? [`it lacks table ${missing.join(', ')}`] : []),
  ];
  return diagnostic('locale-unaligned', {
    at: unknown[0]?.location ?? { file: path, line: 1, column: 1 },
    spec: spec.id,
    locale: config.referenceLocale,
    message: `${path} is another ${config.referenceLocale} revision, read by its terms, but ${problems.join(', and ')}. If it is an older revision that states ids since removed, list them under "retired" of their axis in spec.config.json and give each its label in ${termsPath} (a record column since removed goes under the table's "retiredColumns"); else fix its labels. Nothing was written.`,
    related: unknown.slice(1).map((record) => ({ ...record.location, message: `"${record.label}" names no id.` })),
  });
}

function bootstrapTerms(
  mine: Analysis,
  match: Analysis,
  spec: SpecInput,
  locale: string,
  termsPath: string,
): { json: string; count: number; diagnostics: Diagnostic[] } {
  const config = spec.config.value;
  const referenceTerms = spec.terms.get(config.referenceLocale)?.value;
  const translated = !sameLanguage(locale, config.referenceLocale);
  const drafts = collectDrafts(mine, match, spec);

  const referenceLabel = (pointer: string, id: string): string | undefined => {
    const entry = termMapAt(referenceTerms, pointer)?.[id];
    return entry === undefined ? undefined : preferredLabel(entry);
  };
  const diagnostics: Diagnostic[] = [];
  const document: Record<string, unknown> = { $schema: schemaReference(spec.settings, termsPath, 'terms.schema.json'), locale };
  const corners = cornerTerms(mine, spec);
  let count = 0;
  for (const set of termSets(config, { axes: {} })) {
    const { pointer } = set;
    // Retired ids too: a translation of an older revision labels them.
    const ids = [...set.ids, ...set.retired];
    const entries: Record<string, TermEntry> = {};
    const inSet = [...drafts.values()].filter((draft) => draft.pointer === pointer);
    for (const id of ids) {
      const draft = inSet.find((candidate) => candidate.id === id);
      if (!draft) continue;
      const labels = distinctLabels(draft, pointer.startsWith('/values/') ? referenceLabel(pointer, id) : undefined);
      const first = labels[0]!;
      const reasons: string[] = [];
      let label = first.label;
      const fallback = referenceLabel(pointer, id) ?? id;
      // A value may be a symbol ("—" for false); only a header needs words.
      if (NO_WORDS.test(label) && !pointer.startsWith('/values/')) {
        reasons.push(`the source's header is empty or only punctuation ("${label}"), so this is the ${config.referenceLocale} label as a placeholder`);
        label = fallback;
      } else {
        if (translated && normalizeLabel(label) === normalizeLabel(fallback)) {
          reasons.push(`it is the ${config.referenceLocale} label, untranslated; translate it, or keep it if it rightly stays as is`);
        }
        const otherReference = ids.find((other) => other !== id && normalizeLabel(referenceLabel(pointer, other) ?? '') === normalizeLabel(label));
        if (otherReference) reasons.push(`it is the ${config.referenceLocale} label of ${otherReference}`);
        const sharing = inSet.filter((other) => other !== draft && other.seen.some((seen) => normalizeLabel(seen.label) === normalizeLabel(label)));
        if (sharing.length > 0) reasons.push(`the source also uses it for ${sharing.map((other) => other.id).join(', ')}`);
        if (draft.headings?.has(normalizeLabel(label))) reasons.push(`it is also the heading of its column, so it may name the column rather than the value`);
      }
      const others = labels.slice(1).filter((seen) => !NO_WORDS.test(seen.label));
      const isValue = pointer.startsWith('/values/');
      // A value word written once where the same value has a usual word is more likely a slip than a spelling: it is kept as a recorded mistake, reported at its cell by every build until a reviewer decides.
      const variants = isValue ? [] : others.map((seen) => seen.label);
      const mistranslations = isValue ? others.map((seen) => seen.label) : [];
      if (variants.length > 0) reasons.push(`the source also calls it ${variants.map((variant) => `"${variant}"`).join(', ')}, kept as variants`);
      for (const seen of isValue ? others : []) {
        const heading = draft.headings?.has(normalizeLabel(seen.label)) ? ', which is also the heading of its column' : '';
        diagnostics.push(
          diagnostic('label-review', {
            at: seen.location,
            spec: spec.id,
            locale,
            message: `${id}: "${seen.label}" here, where the source's usual word for ${id} is "${label}"${heading}. Recorded under "mistranslations" at ${pointer}/${id} in ${termsPath}, so the build reports this cell; if it is a right spelling, move it to "variants".`,
          }),
        );
      }
      if (mistranslations.length > 0)
        reasons.push(`the source also writes ${mistranslations.map((word) => `"${word}"`).join(', ')}, recorded as mistranslations`);
      count++;
      if (reasons.length === 0) {
        entries[id] = label;
        continue;
      }
      const review = `${capitalize(reasons.join('; '))}.`;
      entries[id] = { label, ...(variants.length > 0 ? { variants } : {}), ...(mistranslations.length > 0 ? { mistranslations } : {}), review };
      diagnostics.push(
        diagnostic('label-review', {
          at: first.location,
          spec: spec.id,
          locale,
          message: `${id}: "${first.label}": ${review} Review ${termsPath} at ${pointer}/${id}.`,
        }),
      );
    }
    if (Object.keys(entries).length > 0 || pointer.startsWith('/axes/')) setAt(document, pointer, entries);
  }
  if (Object.keys(corners).length > 0) document.tables = corners;
  diagnostics.sort(compareDiagnostics);
  return { json: `${JSON.stringify(document, null, 2)}\n`, count, diagnostics };
}

/** Corner labels of the new source, for the tables whose reference terms give one (a reviewed heading the docs print). */
function cornerTerms(mine: Analysis, spec: SpecInput): Record<string, { corner: string }> {
  const referenceTerms = spec.terms.get(spec.config.value.referenceLocale)?.value;
  const corners: Record<string, { corner: string }> = {};
  for (const table of spec.config.value.tables) {
    if (referenceTerms?.tables?.[table.id]?.corner === undefined) continue;
    const label = mine.analysis.tables.get(table.id)?.corner?.label;
    if (label !== undefined && !NO_WORDS.test(label)) corners[table.id] = { corner: label };
  }
  return corners;
}

/** The locale's terms file (its name may spell the tag another way: terms/ko-kr.json). */
function termsFileOf(files: readonly ProjectFile[], dir: string, locale: string): ProjectFile | undefined {
  return files.find((file) => {
    const name = file.path.startsWith(`${dir}/terms/`) ? /^([^/]+)\.json$/.exec(file.path.slice(`${dir}/terms/`.length))?.[1] : undefined;
    if (name === undefined) return false;
    const checked = checkLocaleTag(name);
    return 'locale' in checked && checked.locale === locale;
  });
}
