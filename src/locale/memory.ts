import { compareDiagnostics, type Diagnostic, diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { capitalize, NO_WORDS } from '../init/words.js';
import { schemaReference } from '../load/layout.js';
import { acceptedLabels, normalizeLabel, preferredLabel, sameLanguage, termSets } from '../load/terms.js';
import type { SpecInput, TermEntry, TermsFile } from '../load/types.js';
import { type Analysis, collectDrafts, type Draft, distinctLabels, termMapAt } from './drafts.js';

/**
 * The reviewed terms closest to `locale` by BCP 47, when the language has
 * any: same language and script first (zh-TW for zh-Hant-TW, ko-KR for
 * ko-KR-x-new), then same language (es-ES for es-MX). Among equals, the same
 * region, then the plain tag (ko-KR before ko-KR-x-old), then the reference
 * locale, then the first by name.
 */
export function closestTerms(locale: string, available: Iterable<string>, referenceLocale: string): string | undefined {
  const want = new Intl.Locale(locale);
  const wanted = want.maximize();
  let best: { tag: string; score: number } | undefined;
  for (const tag of [...available].sort()) {
    if (tag === locale) continue;
    const have = new Intl.Locale(tag).maximize();
    if (have.language !== wanted.language) continue;
    const score =
      (have.script === wanted.script ? 8 : 0) + (have.region === wanted.region ? 4 : 0) + (tag === want.baseName ? 2 : 0) + (tag === referenceLocale ? 1 : 0);
    if (!best || score > best.score) best = { tag, score };
  }
  return best?.tag;
}

export interface RememberRequest {
  mine: Analysis;
  match: Analysis;
  spec: SpecInput;
  locale: string;
  /** The terms file written (start) or extended (extend). */
  termsPath: string;
  /** The locale whose reviewed terms this starts from: `locale` itself when extending its terms. */
  base: string;
  baseTerms: TermsFile;
  /** Extending the locale's own terms (base is locale), whose entries are never changed. */
  extend?: boolean;
  /** The text of those terms, in the form JSON.stringify gives it; without it, nothing is written. */
  existingText?: string;
}

export interface Remembered {
  /** The terms file's new text, or undefined when nothing is to be written. */
  json?: string;
  count: number;
  flagged: number;
  /** Entries added to an existing terms file. */
  added: number;
  diagnostics: Diagnostic[];
}

type EntryObject = Exclude<TermEntry, string>;

/**
 * Terms for a new source of a language that already has reviewed terms. Starting
 * a locale (no terms of its own yet), the reviewed entries are copied, and what
 * the source says at each position is compared with them: a reviewed label or a
 * recorded mistake is taken as it is; another label is written with a note
 * naming the reviewed term and flagged; a label the source also uses for
 * another id (or that is another id's reviewed term) is recorded under the
 * position's id's "mistranslations" and flagged, so the build reads it and
 * reports it. Extending a locale's own terms, no entry is changed: ids and
 * values the terms lack are added, flagged; a label that differs from an
 * entry is reported for the reviewer to record.
 */
export function rememberTerms(request: RememberRequest): Remembered {
  const { mine, match, spec, locale, termsPath, base, baseTerms } = request;
  const extend = request.extend === true;
  const config = spec.config.value;
  const referenceTerms = spec.terms.get(config.referenceLocale)?.value;
  const translated = !sameLanguage(locale, config.referenceLocale);
  const drafts = collectDrafts(mine, match, spec);
  const diagnostics: Diagnostic[] = [];
  const sets: { pointer: string; entries: Record<string, TermEntry>; existed: boolean }[] = [];
  let count = 0;
  let flagged = 0;
  let added = 0;
  const flag = (pointer: string, id: string, label: string, at: Location, review: string): void => {
    flagged++;
    diagnostics.push(
      diagnostic('label-review', { at, spec: spec.id, locale, message: `${id}: "${label}": ${review} Review ${termsPath} at ${pointer}/${id}.` }),
    );
  };

  for (const set of termSets(config, { axes: {} })) {
    const { pointer } = set;
    // Retired ids too: a translation of an older revision labels them.
    const ids = [...set.ids, ...set.retired];
    const isValue = pointer.startsWith('/values/');
    const what = isValue ? 'word' : 'label';
    const baseMap = termMapAt(baseTerms, pointer);
    const entries: Record<string, TermEntry> = extend ? { ...baseMap } : {};
    if (!extend) for (const id of ids) if (baseMap && Object.hasOwn(baseMap, id)) entries[id] = copyEntry(baseMap[id]!);
    const inSet = [...drafts.values()].filter((draft) => draft.pointer === pointer);
    /** normalized reviewed label → its id */
    const owners = new Map<string, string>();
    for (const [id, entry] of Object.entries(baseMap ?? {})) for (const label of acceptedLabels(entry)) owners.set(normalizeLabel(label), id);
    const referenceLabel = (id: string): string | undefined => {
      const entry = termMapAt(referenceTerms, pointer)?.[id];
      return entry === undefined ? undefined : preferredLabel(entry);
    };

    for (const id of ids) {
      const draft = inSet.find((candidate) => candidate.id === id);
      if (!draft) continue;
      const reviewed = baseMap && Object.hasOwn(baseMap, id) ? baseMap[id] : undefined;
      const labels = distinctLabels(draft, isValue ? referenceLabel(id) : undefined);
      if (reviewed === undefined) {
        const entry = newEntry(draft, labels, inSet, isValue, base, extend);
        if (!entry) continue;
        entries[id] = entry.entry;
        count++;
        added++;
        flag(pointer, id, entry.label, entry.at, entry.entry.review!);
        continue;
      }
      count++;
      const known = new Set([...acceptedLabels(reviewed), ...(typeof reviewed === 'string' ? [] : (reviewed.mistranslations ?? []))].map(normalizeLabel));
      const untranslated = (label: string): boolean => translated && normalizeLabel(label) === normalizeLabel(referenceLabel(id) ?? '');
      // The reference language's label left in a source is read and reported by the build (label-untranslated): it is not learnt.
      const differing = labels.filter((seen) => !known.has(normalizeLabel(seen.label)) && !untranslated(seen.label));
      if (differing.length === 0) continue;
      const term = preferredLabel(reviewed);
      if (extend) {
        for (const seen of differing) {
          diagnostics.push(
            diagnostic('label-review', {
              at: seen.location,
              spec: spec.id,
              locale,
              message: `${id}: "${seen.label}" here, where the reviewed ${locale} term is "${term}". ${termsPath} is reviewed data and was not changed, so the build stops at this ${what} (${isValue ? 'value-unknown' : 'label-unknown'}, an error: ${isValue ? 'the cell is' : 'its cells are'} not read) until the source is fixed or a reviewer adds "${seen.label}" at ${pointer}/${id} (under "variants" if it is right, under "mistranslations" with a note if it is wrong).`,
            }),
          );
        }
        continue;
      }
      const entry: EntryObject = { ...copyObject(reviewed) };
      const reasons: string[] = [];
      const notes: string[] = [];
      const reviewedSeen = labels.length > differing.length;
      let relabelled = false;
      for (const seen of differing) {
        const sharing = inSet.filter((other) => other !== draft && other.seen.some((s) => normalizeLabel(s.label) === normalizeLabel(seen.label)));
        const owner = owners.get(normalizeLabel(seen.label));
        const empty = NO_WORDS.test(seen.label) && !isValue;
        if (sharing.length > 0 || (owner !== undefined && owner !== id) || empty || (isValue && (reviewedSeen || relabelled))) {
          if (seen.label.trim() === '') {
            reasons.push(`the source leaves this header empty, so the build cannot read it; the reviewed ${base} term is "${term}"`);
            continue;
          }
          entry.mistranslations = [...(entry.mistranslations ?? []), seen.label];
          const why =
            sharing.length > 0
              ? `the source also uses "${seen.label}" for ${sharing.map((other) => other.id).join(', ')}`
              : owner !== undefined && owner !== id
                ? `"${seen.label}" is the reviewed ${base} term of ${owner}`
                : empty
                  ? `the source's header is empty or only punctuation ("${seen.label}")`
                  : `the source also writes "${seen.label}" for it`;
          reasons.push(
            `${why}; read as ${id} by its position and recorded under "mistranslations", so the build reports it (the reviewed ${base} term is "${term}")`,
          );
          notes.push(`This source writes "${seen.label}" here, where the reviewed ${base} term is "${term}".`);
        } else if (!reviewedSeen && !relabelled) {
          relabelled = true;
          entry.label = seen.label;
          entry.variants = [term, ...(entry.variants ?? []).filter((variant) => normalizeLabel(variant) !== normalizeLabel(seen.label))];
          reasons.push(
            `it differs from the reviewed ${base} term "${term}" (kept as a variant); keep it, or restore "${term}" and record "${seen.label}" under "mistranslations"`,
          );
          notes.push(`The reviewed ${base} term is "${term}"; this source writes "${seen.label}".`);
        } else {
          entry.variants = [...(entry.variants ?? []), seen.label];
          reasons.push(`the source also writes "${seen.label}", which the reviewed ${base} terms do not have; kept as a variant`);
          notes.push(`This source also writes "${seen.label}".`);
        }
      }
      if (notes.length > 0) entry.note = [...notes, ...(entry.note === undefined ? [] : [`${base}: ${entry.note}`])].join(' ');
      const review = `${capitalize(reasons.join('; '))}.`;
      entry.review = entry.review === undefined ? review : `${review} ${entry.review}`;
      entries[id] = entry;
      flag(pointer, id, differing[0]!.label, differing[0]!.location, review);
    }
    const existed = baseMap !== undefined;
    if (Object.keys(entries).length > 0 || pointer.startsWith('/axes/')) sets.push({ pointer, entries, existed });
  }
  diagnostics.sort(compareDiagnostics);

  if (extend) {
    if (added === 0 || request.existingText === undefined) return { count, flagged, added, diagnostics };
    return { json: extendedText(request.existingText!, sets), count, flagged, added, diagnostics };
  }
  const document: Record<string, unknown> = { $schema: schemaReference(spec.settings, termsPath, 'terms.schema.json'), locale };
  for (const { pointer, entries } of sets) {
    const [, namespace, set] = pointer.split('/');
    const record = (document[namespace!] ?? {}) as Record<string, unknown>;
    record[set!] = entries;
    document[namespace!] = record;
  }
  const corners = cornerTerms(mine, spec, baseTerms);
  if (Object.keys(corners).length > 0) document.tables = corners;
  return { json: `${JSON.stringify(document, null, 2)}\n`, count, flagged, added, diagnostics };
}

/** A label or word for an id the reviewed terms lack, read from the source at its position: always flagged. */
function newEntry(
  draft: Draft,
  labels: { label: string; location: Location }[],
  inSet: Draft[],
  isValue: boolean,
  base: string,
  extend: boolean,
): { entry: EntryObject; label: string; at: Location } | undefined {
  const usable = labels.filter((seen) => isValue || !NO_WORDS.test(seen.label));
  const first = usable[0];
  if (!first) return undefined;
  const reasons = [
    extend
      ? `new: the reviewed ${base} terms had no ${isValue ? 'word' : 'label'} for it, so this is what the new source writes at its position`
      : `the reviewed ${base} terms have no ${isValue ? 'word' : 'label'} for it, so this is what the source writes at its position`,
  ];
  const sharing = inSet.filter((other) => other !== draft && other.seen.some((seen) => normalizeLabel(seen.label) === normalizeLabel(first.label)));
  if (sharing.length > 0) reasons.push(`the source also uses it for ${sharing.map((other) => other.id).join(', ')}`);
  const others = usable.slice(1).map((seen) => seen.label);
  const entry: EntryObject = { label: first.label };
  if (others.length > 0 && isValue) {
    entry.mistranslations = others;
    reasons.push(`the source also writes ${others.map((word) => `"${word}"`).join(', ')}, recorded as mistranslations`);
  } else if (others.length > 0) {
    entry.variants = others;
    reasons.push(`the source also calls it ${others.map((label) => `"${label}"`).join(', ')}, kept as variants`);
  }
  entry.review = `${capitalize(reasons.join('; '))}.`;
  return { entry, label: first.label, at: first.location };
}

function copyEntry(entry: TermEntry): TermEntry {
  return typeof entry === 'string' ? entry : copyObject(entry);
}

function copyObject(entry: TermEntry): EntryObject {
  if (typeof entry === 'string') return { label: entry };
  const copy: EntryObject = { label: entry.label };
  if (entry.variants) copy.variants = [...entry.variants];
  if (entry.mistranslations) copy.mistranslations = [...entry.mistranslations];
  if (entry.note !== undefined) copy.note = entry.note;
  if (entry.review !== undefined) copy.review = entry.review;
  return copy;
}

/**
 * The locale's terms with the new entries added after the existing ones (a new
 * vocabulary after the others). Existing entries keep their bytes: the file is
 * rewritten in the form JSON.stringify gives it, which the caller checked it
 * already has.
 */
function extendedText(text: string, sets: { pointer: string; entries: Record<string, TermEntry> }[]): string {
  const document = JSON.parse(text) as Record<string, unknown>;
  for (const { pointer, entries } of sets) {
    const [, namespace, set] = pointer.split('/');
    if (namespace === 'values' && document.values === undefined) {
      // values go after axes, as in a file locale add writes.
      const ordered: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(document)) {
        ordered[key] = value;
        if (key === 'axes') ordered.values = {};
      }
      for (const key of Object.keys(document)) delete document[key];
      Object.assign(document, ordered);
    }
    const record = document[namespace!] as Record<string, unknown>;
    const existing = (record[set!] ?? {}) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...existing };
    for (const [id, entry] of Object.entries(entries)) if (!Object.hasOwn(existing, id)) merged[id] = entry;
    if (Object.keys(merged).length > 0) record[set!] = merged;
  }
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A file that JSON.stringify would write the same: re-serializing it changes no byte of an entry already in it. */
export function isCanonicalJson(text: string): boolean {
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n` === text;
  } catch {
    return false;
  }
}

/** The reviewed corner headings of the base terms; the source's own where they have none and the reference terms give one. */
function cornerTerms(mine: Analysis, spec: SpecInput, baseTerms: TermsFile): Record<string, { corner: string }> {
  const referenceTerms = spec.terms.get(spec.config.value.referenceLocale)?.value;
  const corners: Record<string, { corner: string }> = {};
  for (const table of spec.config.value.tables) {
    const reviewed = baseTerms.tables?.[table.id]?.corner;
    if (reviewed !== undefined) {
      corners[table.id] = { corner: reviewed };
      continue;
    }
    if (referenceTerms?.tables?.[table.id]?.corner === undefined) continue;
    const label = mine.analysis.tables.get(table.id)?.corner?.label;
    if (label !== undefined && !NO_WORDS.test(label)) corners[table.id] = { corner: label };
  }
  return corners;
}
