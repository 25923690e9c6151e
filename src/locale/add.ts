import { createHash } from 'node:crypto';
import { analyzeSource, primarySources, type SourceAnalysis } from '../align/analyze.js';
import { DEFAULT_MARKS } from '../align/cells.js';
import type { LabelRecord } from '../align/labels.js';
import { sameShape, shapeDifference, tableShapes } from '../check/shape.js';
import { compareDiagnostics, type Diagnostic, diagnostic, isBlocking, type Location } from '../diagnostics/diagnostic.js';
import { splitFootnote } from '../extract/footnotes.js';
import { extractTables } from '../extract/tables.js';
import type { Table } from '../extract/types.js';
import { capitalize, NO_WORDS, sameBytes } from '../init/words.js';
import { DEFAULT_LAYOUT, LAYOUT_FILE, type Layout, schemaReference } from '../load/layout.js';
import { type PlacementRequest, placeSource } from '../load/layout-file.js';
import { checkLocaleTag } from '../load/locale.js';
import { loadProject } from '../load/project.js';
import { collapseWhitespace, MARK_VOCABULARY, normalizeLabel, preferredLabel, sameLanguage, termSets } from '../load/terms.js';
import { decodeText } from '../load/text.js';
import { isMatrixTable, type Limits, type ProjectFile, type SourceFile, type SpecInput, type TermEntry, type TermsFile } from '../load/types.js';
import { createValidators, type Schemas } from '../load/validators.js';
import { parseSource } from '../parse/markdown.js';

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

interface Analysis {
  source: SourceFile;
  metadata: { date?: string };
  labels: LabelRecord[];
  analysis: SourceAnalysis;
}

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

  // The new file is read without terms of its own: only the position of each label matters.
  const bare: SpecInput = { ...spec, terms: new Map([...spec.terms].filter(([tag]) => tag !== locale)) };
  const mine = analyze(source, bare);
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
  const match = [primary, ...versions.filter((version) => version !== primary)].find((version) => sameShape(shapes, tableShapes(version.labels)));
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

  const writes: AddLocaleResult['writes'] = [];
  const actions: string[] = [];
  if (placement.kind === 'in-place') actions.push(`${target} is already read in place (${placement.by}), aligned with ${match.source.name}.`);
  else if (placement.kind === 'record') {
    writes.push({ path: LAYOUT_FILE, content: placement.layoutText });
    actions.push(`Recorded ${target} as the ${locale} source of ${spec.id} in ${LAYOUT_FILE} (aligned with ${match.source.name}); it is read where it is.`);
  } else if (existing) actions.push(`${target} is already this file; left as is.`);
  else {
    writes.push({ path: target, content: request.input.bytes });
    actions.push(`Copied ${request.input.path} to ${target} (aligned with ${match.source.name}).`);
  }
  const termsPath = `${spec.dir}/terms/${locale}.json`;
  if (spec.termsFiles.has(locale)) {
    actions.push(`Kept ${termsPath}: terms are reviewed data and never overwritten; \`statespec check\` reports how the new file matches them.`);
    return { writes, diagnostics: [], actions };
  }
  const bootstrapped = bootstrapTerms(mine, match, spec, locale, termsPath);
  writes.push({ path: termsPath, content: bootstrapped.json });
  actions.push(
    `Wrote ${termsPath}: ${bootstrapped.count} labels, ${bootstrapped.diagnostics.length} flagged for review. Review it, then run \`statespec build\`.`,
  );
  return { writes, diagnostics: bootstrapped.diagnostics, actions };
}

function analyze(source: SourceFile, input: SpecInput): Analysis {
  const { value } = analyzeSource(source, input);
  return { source, metadata: value.metadata, labels: value.labels, analysis: value };
}

interface Draft {
  pointer: string;
  id: string;
  /** What the new source says at each position the reference labels with this id. */
  seen: { label: string; location: Location }[];
  /** Value words: the headings above their cells, which a translator may have copied into the cells ("Facturation"). */
  headings?: Set<string>;
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
  const position = (record: LabelRecord): string => `${record.table}:${record.header}:${record.line}:${record.part}`;
  const referenceAt = new Map(match.labels.filter((record) => record.id !== undefined).map((record) => [position(record), record]));
  const drafts = new Map<string, Draft>();
  for (const record of mine.labels) {
    const reference = referenceAt.get(position(record));
    if (!reference) continue;
    const key = `${reference.pointer}\u0000${reference.id}`;
    const draft = drafts.get(key) ?? { pointer: reference.pointer, id: reference.id!, seen: [] };
    draft.seen.push({ label: record.label, location: record.location });
    drafts.set(key, draft);
  }

  for (const draft of valueDrafts(mine, match, spec)) drafts.set(`${draft.pointer}\u0000${draft.id}`, draft);

  const referenceLabel = (pointer: string, id: string): string | undefined => {
    const entry = termMapAt(referenceTerms, pointer)?.[id];
    return entry === undefined ? undefined : preferredLabel(entry);
  };
  const diagnostics: Diagnostic[] = [];
  const document: Record<string, unknown> = { $schema: schemaReference(spec.settings, termsPath, 'terms.schema.json'), locale };
  const corners = cornerTerms(mine, spec);
  let count = 0;
  for (const { pointer, ids } of termSets(config, { axes: {} })) {
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

/** Distinct spellings, case-folded; value words most used first, and the reference language's word dropped when the source also has its own. */
function distinctLabels(draft: Draft, referenceWord: string | undefined): { label: string; location: Location }[] {
  const byKey = new Map<string, { seen: { label: string; location: Location }; uses: number }>();
  for (const seen of draft.seen) {
    const key = normalizeLabel(seen.label);
    const known = byKey.get(key);
    if (known) known.uses++;
    else byKey.set(key, { seen, uses: 1 });
  }
  let found = [...byKey.values()];
  if (referenceWord === undefined) return found.map(({ seen }) => seen);
  const own = found.filter(({ seen }) => normalizeLabel(seen.label) !== normalizeLabel(referenceWord));
  // A "Yes" among "Tak" cells is left for the build to report (value-untranslated), not learnt as a variant.
  if (own.length > 0) found = own;
  return found.sort((a, b) => b.uses - a.uses).map(({ seen }) => seen);
}

/**
 * Value words by position: what the new source writes in each mark or enum
 * cell where the reference states a value. Marks and blanks are not words.
 */
function valueDrafts(mine: Analysis, match: Analysis, spec: SpecInput): Draft[] {
  const config = spec.config.value;
  const grids: Table[] = extractTables(parseSource(mine.source)).value;
  const drafts = new Map<string, Draft>();
  for (const table of config.tables) {
    const cells = match.analysis.tables.get(table.id)?.cells.values() ?? [];
    for (const cell of cells) {
      const type = isMatrixTable(table) ? table.cell : table.columns.find((column) => column.id === cell.column)!.cell;
      if (type.type !== 'mark' && type.type !== 'enum') continue;
      const grid = grids[cell.table]?.grid;
      const found = grid?.[cell.gridRow]?.[cell.gridColumn];
      const word = found === undefined ? '' : collapseWhitespace(splitFootnote(found.text, mine.source.text.slice(found.range[0], found.range[1])).label);
      if (word === '' || (type.type === 'mark' && new Set<string>(type.marks ?? DEFAULT_MARKS).has(word))) continue;
      const pointer = `/values/${type.type === 'mark' ? MARK_VOCABULARY : type.vocabulary}`;
      const id = String(cell.value);
      const key = `${pointer}\u0000${id}`;
      const draft = drafts.get(key) ?? { pointer, id, seen: [], headings: new Set<string>() };
      draft.seen.push({ label: word, location: found!.location });
      for (const above of grid!.slice(0, firstDataRow(match, table.id)).map((row) => row[cell.gridColumn])) {
        if (above !== undefined) draft.headings!.add(normalizeLabel(above.text));
      }
      drafts.set(key, draft);
    }
  }
  return withoutContradictions([...drafts.values()]);
}

/**
 * A cell whose word is another value's usual word ("Tak" where the reference
 * says false) contradicts the reference: the build reports it as a
 * fact-mismatch. It is not a spelling of the value, so it is not learnt.
 */
function withoutContradictions(drafts: Draft[]): Draft[] {
  const usual = (draft: Draft): string | undefined => {
    const uses = new Map<string, number>();
    for (const seen of draft.seen) uses.set(normalizeLabel(seen.label), (uses.get(normalizeLabel(seen.label)) ?? 0) + 1);
    return [...uses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  };
  const usualWords = new Map(drafts.map((draft) => [draft, usual(draft)]));
  return drafts.map((draft) => {
    const others = new Set(drafts.filter((other) => other !== draft && other.pointer === draft.pointer).map((other) => usualWords.get(other)));
    const kept = draft.seen.filter((seen) => normalizeLabel(seen.label) === usualWords.get(draft) || !others.has(normalizeLabel(seen.label)));
    return { ...draft, seen: kept };
  });
}

/** The first grid row holding a stated cell of the table: the rows above it are headings. */
function firstDataRow(match: Analysis, tableId: string): number {
  let first = Number.POSITIVE_INFINITY;
  for (const cell of match.analysis.tables.get(tableId)?.cells.values() ?? []) first = Math.min(first, cell.gridRow);
  return Number.isFinite(first) ? first : 0;
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

function termMapAt(terms: TermsFile | undefined, pointer: string): Record<string, TermEntry> | undefined {
  if (!terms) return undefined;
  const [, namespace, set] = pointer.split('/');
  const record = namespace === 'values' ? terms.values : terms.axes;
  return record && Object.hasOwn(record, set!) ? record[set!] : undefined;
}

function setAt(document: Record<string, unknown>, pointer: string, entries: Record<string, TermEntry>): void {
  const [, namespace, set] = pointer.split('/');
  const record = (document[namespace!] ?? {}) as Record<string, unknown>;
  record[set!] = entries;
  document[namespace!] = record;
}
