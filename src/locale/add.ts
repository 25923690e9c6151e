import { createHash } from 'node:crypto';
import type { LabelRecord } from '../align/labels.js';
import { shapeDifference, sameShape, tableShapes } from '../check/shape.js';
import { compareDiagnostics, diagnostic, isBlocking, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { checkLocaleTag } from '../load/locale.js';
import { loadProject } from '../load/project.js';
import { decodeText } from '../load/text.js';
import { normalizeLabel, preferredLabel, sameLanguage, termSets } from '../load/terms.js';
import type { Limits, MatrixConfig, ProjectFile, SourceFile, SpecInput, TermEntry, TermsFile, TransitionConfig } from '../load/types.js';
import { createValidators, type Schemas } from '../load/validators.js';
import { analyzeSource, primarySources } from '../spec/analyze.js';
import { analyzeTransitionSource } from '../transitions/analyze.js';

export interface AddLocaleRequest {
  /** Every file under sources/, as for compile(). */
  files: readonly ProjectFile[];
  schemas: Schemas;
  specId: string;
  /** The locale tag as the user typed it. */
  locale: string;
  variant?: string;
  /** The new document: the path the user gave (for messages) and its bytes. */
  input: { path: string; bytes: Uint8Array };
  limits?: Limits;
}

export interface AddLocaleResult {
  /** Files to create, relative to the root; empty when refused or when nothing would change. */
  writes: { path: string; content: string | Uint8Array }[];
  diagnostics: Diagnostic[];
  /** What was done to each file, one line each. */
  actions: string[];
}

const VARIANT = /^[a-z0-9][a-z0-9-]*$/;
const NO_WORDS = /^[\p{P}\p{S}\s]*$/u;
const TERMS_SCHEMA_REF = '../../../schema/terms.schema.json';

interface Analysis {
  source: SourceFile;
  metadata: { date?: string };
  labels: LabelRecord[];
  stateHeader?: { label: string; location: Location };
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
  if ('problem' in checked) return refuse(diagnostic(checked.problem === 'unknown' ? 'locale-unknown' : 'source-name', { at, message: `--locale ${checked.message}.` }));
  const locale = checked.locale;
  if (request.variant !== undefined && !VARIANT.test(request.variant)) {
    return refuse(diagnostic('source-name', { at, message: `--variant "${request.variant}" must be lower-case letters, digits and hyphens (for example 2016 or markdown).` }));
  }

  const loaded = loadProject(request.files, createValidators(request.schemas), request.limits);
  const spec = loaded.value.find((candidate) => candidate.id === request.specId);
  if (!spec) {
    const problems = loaded.diagnostics.filter((d) => d.spec === request.specId && isBlocking(d));
    if (problems.length > 0) return refuse(...problems);
    const known = loaded.value.map((candidate) => candidate.id).join(', ') || 'none';
    return refuse(
      diagnostic('config-missing', {
        at: { file: `sources/${request.specId}/spec.config.json`, line: 1, column: 1 },
        message: `There is no spec "${request.specId}" (sources/${request.specId}/spec.config.json); the specs are: ${known}.`,
      }),
    );
  }
  const config = spec.config.value;

  const name = `${locale}${request.variant === undefined ? '' : `.${request.variant}`}.md`;
  const target = `${spec.dir}/${name}`;
  const existing = request.files.find((file) => file.path === target);
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
  if (!primary) return refuse(diagnostic('reference-missing', { at: spec.config.document.locate('/referenceLocale'), spec: spec.id, message: `No ${config.referenceLocale} source to align ${request.input.path} with.` }));
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
  if (existing) actions.push(`${target} is already this file; left as is.`);
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
  if (input.config.value.kind === 'transition-article') {
    const { value } = analyzeTransitionSource(source, input as SpecInput<TransitionConfig>);
    return { source, metadata: value.metadata, labels: value.labels };
  }
  const { value } = analyzeSource(source, input as SpecInput<MatrixConfig>);
  const result: Analysis = { source, metadata: value.metadata, labels: value.labels };
  if (value.matrix.stateHeader) result.stateHeader = value.matrix.stateHeader;
  return result;
}

interface Draft {
  pointer: string;
  id: string;
  /** What the new source says at each position the reference labels with this id. */
  seen: { label: string; location: Location }[];
}

function bootstrapTerms(mine: Analysis, match: Analysis, spec: SpecInput, locale: string, termsPath: string): { json: string; count: number; diagnostics: Diagnostic[] } {
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

  const referenceLabel = (pointer: string, id: string): string | undefined => {
    const entry = termMapAt(referenceTerms, pointer)?.[id];
    return entry === undefined ? undefined : preferredLabel(entry);
  };
  const diagnostics: Diagnostic[] = [];
  const document: Record<string, unknown> = { $schema: TERMS_SCHEMA_REF, locale };
  const cornerLabel = mine.stateHeader?.label;
  if (cornerLabel !== undefined && !NO_WORDS.test(cornerLabel)) document.stateHeader = cornerLabel;
  let count = 0;
  for (const { pointer, ids } of termSets(config, { locale, operations: {} })) {
    const entries: Record<string, TermEntry> = {};
    const inSet = [...drafts.values()].filter((draft) => draft.pointer === pointer);
    for (const id of ids) {
      const draft = inSet.find((candidate) => candidate.id === id);
      if (!draft) continue;
      const labels = [...new Map(draft.seen.map((seen) => [normalizeLabel(seen.label), seen])).values()];
      const first = labels[0]!;
      const reasons: string[] = [];
      let label = first.label;
      const fallback = referenceLabel(pointer, id) ?? id;
      if (NO_WORDS.test(label)) {
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
      }
      const variants = labels.slice(1).map((seen) => seen.label).filter((variant) => !NO_WORDS.test(variant));
      if (variants.length > 0) reasons.push(`the source also calls it ${variants.map((variant) => `"${variant}"`).join(', ')}, kept as variants`);
      count++;
      if (reasons.length === 0) {
        entries[id] = label;
        continue;
      }
      const review = `${capitalize(reasons.join('; '))}.`;
      entries[id] = { label, ...(variants.length > 0 ? { variants } : {}), review };
      diagnostics.push(
        diagnostic('label-review', {
          at: first.location,
          spec: spec.id,
          locale,
          message: `${id}: "${first.label}": ${review} Review ${termsPath} at ${pointer}/${id}.`,
        }),
      );
    }
    setAt(document, pointer, entries);
  }
  diagnostics.sort(compareDiagnostics);
  return { json: `${JSON.stringify(document, null, 2)}\n`, count, diagnostics };
}

function termMapAt(terms: TermsFile | undefined, pointer: string): Record<string, TermEntry> | undefined {
  if (!terms) return undefined;
  const [, head, group] = pointer.split('/');
  if (head === 'stateGroups') return terms.stateGroups?.[group!];
  return head === 'states' ? terms.states : terms.operations;
}

function setAt(document: Record<string, unknown>, pointer: string, entries: Record<string, TermEntry>): void {
  const [, head, group] = pointer.split('/');
  if (head === 'stateGroups') {
    const groups = (document.stateGroups ?? {}) as Record<string, unknown>;
    groups[group!] = entries;
    document.stateGroups = groups;
  } else {
    document[head!] = entries;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
