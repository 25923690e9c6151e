import { closest } from 'fastest-levenshtein';
import { type Diagnostic, diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { acceptedLabels, collapseWhitespace, normalizeLabel } from '../load/terms.js';
import type { SourceFile, TermEntry } from '../load/types.js';

/**
 * How a label was matched: one of the locale's reviewed labels, a mistake the
 * terms record for this source language, or the reference language's label.
 */
export type LabelVia = 'term' | 'mistranslation' | 'untranslated';

export interface Header {
  id: string;
  label: string;
  location: Location;
  /** A footnote marker written after the label (`<sup>3</sup>`, `*`). */
  footnote?: string;
  /** The target of a link around the label (`[Self-hosted gateway](x.md)`). */
  link?: string;
}

/** A header label before resolution. */
export interface LabelSlot {
  label: string;
  location: Location;
  /** Index of the row or column the label heads. */
  line: number;
  /** Position of the table among the document's tables. */
  table: number;
  /** Which of the ids one label cell names ("StartFailed<br>StopFailed" has parts 0 and 1). */
  part: number;
  footnote?: string;
  link?: string;
}

/** Every header slot of a source, resolved or not: the positions `locale add` aligns by and the health report counts. */
export interface LabelRecord {
  /** Where this axis's terms live in a terms file, e.g. `/axes/operations` or `/values/billing`. */
  pointer: string;
  table: number;
  header: 'row' | 'column';
  line: number;
  part: number;
  label: string;
  location: Location;
  id?: string;
  /** The label is the reference language's label for its id, in a source of another language. */
  untranslated: boolean;
}

/** The ids one axis of a table may name, in canonical order, with the locale's labels for them. */
export interface Vocabulary {
  noun: string;
  header: 'row' | 'column';
  extraCode: 'row-extra' | 'column-extra';
  pointer: string;
  order: readonly string[];
  /** normalized reviewed label → id */
  index: Map<string, string>;
  /** normalized label → ids whose terms record it as a mistake of some source */
  mistranslations: Map<string, string[]>;
  /** normalized reference-language label → id; empty when the locale speaks the reference's language */
  reference: Map<string, string>;
  labels: { id: string; label: string }[];
  notes: Map<string, string>;
}

export interface LabelContext {
  specId: string;
  source: SourceFile;
  diagnostics: Diagnostic[];
  records: LabelRecord[];
}

export interface VocabularyInput {
  noun: string;
  header: Vocabulary['header'];
  extraCode: Vocabulary['extraCode'];
  pointer: string;
  order: readonly string[];
  terms: Record<string, TermEntry> | undefined;
  /** The reference locale's terms, given only when the source's language differs from the reference's. */
  referenceTerms?: Record<string, TermEntry> | undefined;
}

export function vocabulary(input: VocabularyInput): Vocabulary {
  const known = new Set(input.order);
  const entries = Object.entries(input.terms ?? {}).filter(([id]) => known.has(id));
  const labels = entries.flatMap(([id, entry]) => acceptedLabels(entry).map((label) => ({ id, label })));
  const index = new Map<string, string>();
  for (const { id, label } of labels) if (!index.has(normalizeLabel(label))) index.set(normalizeLabel(label), id);
  const mistranslations = new Map<string, string[]>();
  const notes = new Map<string, string>();
  for (const [id, entry] of entries) {
    if (typeof entry === 'string') continue;
    if (entry.note !== undefined) notes.set(id, entry.note);
    for (const wrong of entry.mistranslations ?? []) {
      const key = normalizeLabel(wrong);
      mistranslations.set(key, [...(mistranslations.get(key) ?? []), id]);
    }
  }
  const reference = new Map<string, string>();
  for (const [id, entry] of Object.entries(input.referenceTerms ?? {})) {
    if (!known.has(id)) continue;
    for (const label of acceptedLabels(entry)) if (!reference.has(normalizeLabel(label))) reference.set(normalizeLabel(label), id);
  }
  return {
    noun: input.noun,
    header: input.header,
    extraCode: input.extraCode,
    pointer: input.pointer,
    order: input.order,
    index,
    mistranslations,
    reference,
    labels,
    notes,
  };
}

/** Every id a label could stand for, best first: a reviewed label, recorded mistakes, then the reference language's label. */
function candidates(label: string, known: Vocabulary): { id: string; via: LabelVia }[] {
  const key = normalizeLabel(label);
  const term = known.index.get(key);
  const found: { id: string; via: LabelVia }[] = term === undefined ? [] : [{ id: term, via: 'term' }];
  for (const id of known.mistranslations.get(key) ?? []) if (id !== term) found.push({ id, via: 'mistranslation' });
  const untranslated = known.reference.get(key);
  if (found.length === 0 && untranslated !== undefined) found.push({ id: untranslated, via: 'untranslated' });
  return found;
}

/** The one id a label names on its own (a table cell, not a header), if it names exactly one. */
export function lookupLabel(label: string, known: Vocabulary): { id: string; via: LabelVia } | undefined {
  const found = candidates(label, known);
  return found[0]?.via === 'term' || found.length === 1 ? found[0] : undefined;
}

/** A part of a row label that was several known labels with only whitespace between them. */
export interface JoinedLabel {
  /** The part as written, whitespace collapsed. */
  written: string;
  labels: string[];
}

/**
 * "StartFailed<br/>StopFailed" (or "Pending suspend/Pending terminate") names
 * several states; a label wrapped over lines is still one when the terms know it whole.
 * A part that lost its line breaks ("StartFailed StopFailed RestartFailed") is
 * split into the known labels it is made of, when they account for every word
 * in exactly one way; `onJoined` hears of each such part. Otherwise it stays
 * one label, which resolution reports as unknown.
 */
export function splitRowLabel(text: string, known: Vocabulary, separators: RegExp = /\n/, onJoined?: (joined: JoinedLabel) => void): string[] {
  const whole = collapseWhitespace(text);
  if (candidates(whole, known).length > 0) return [whole];
  const parts = text
    .split(separators)
    .map(collapseWhitespace)
    .filter((part) => part !== '');
  if (parts.length === 0) return [whole];
  return parts.flatMap((part) => {
    const labels = splitJoinedLabel(part, known);
    if (labels.length > 1) onJoined?.({ written: part, labels });
    return labels;
  });
}

/** Words beyond this many are not segmented: a row label is a few labels, not a paragraph. */
const MAX_JOINED_WORDS = 48;

/**
 * The known labels a label made of several, separated only by whitespace, is
 * made of; `[label]` when it is known whole, when its words cannot all be
 * covered by known labels, or when they can in more than one way.
 */
export function splitJoinedLabel(label: string, known: Vocabulary): string[] {
  const written = collapseWhitespace(label);
  const words = written.split(' ');
  if (words.length < 2 || words.length > MAX_JOINED_WORDS || candidates(written, known).length > 0) return [written];
  // ways[i]: how many segmentations words[i..] has (counted up to 2); next[i]: where the first label of the one ends.
  const ways: number[] = new Array(words.length + 1).fill(0);
  const next: number[] = new Array(words.length + 1).fill(0);
  ways[words.length] = 1;
  for (let start = words.length - 1; start >= 0; start--) {
    for (let end = start + 1; end <= words.length; end++) {
      if (ways[end] === 0 || candidates(words.slice(start, end).join(' '), known).length === 0) continue;
      if (ways[start] === 0) next[start] = end;
      ways[start] = Math.min(2, ways[start]! + ways[end]!);
    }
  }
  if (ways[0] !== 1) return [written];
  const labels: string[] = [];
  for (let start = 0; start < words.length; start = next[start]!) labels.push(words.slice(start, next[start]).join(' '));
  return labels;
}

/** Reports a row label split by splitRowLabel from labels written with only whitespace between them. */
export function reportJoined(joined: JoinedLabel, at: Location, known: Vocabulary, context: LabelContext): void {
  context.diagnostics.push(
    diagnostic('row-labels-joined', {
      spec: context.specId,
      locale: context.source.locale,
      at,
      message: `"${joined.written}" is ${joined.labels.length} ${known.noun} labels (${joined.labels.map((label) => `"${label}"`).join(', ')}) with only spaces or line breaks of the source between them: the grouped ${known.header} lost its <br>s, and is read as ${joined.labels.length} ${known.header}s. Put <br> between the labels ("${joined.labels.join('<br>')}").`,
    }),
  );
}

type Resolution = { id: string; via: LabelVia; repeats?: LabelSlot } | { problem: 'unknown' | 'duplicate' | 'ambiguous'; ids: string[]; first?: LabelSlot };

/**
 * Maps labels to ids through the locale's reviewed terms; nothing is guessed.
 * A label several slots share goes to the ids the terms give it, in canonical
 * order (a source heading two columns "다시 시작" where the terms record that
 * mistake for Resume reads them as Restart, then Resume). A slot no term
 * accounts for is left unresolved and reported as an error.
 * The result is keyed by slot index.
 */
export function resolveLabels(slots: LabelSlot[], known: Vocabulary, context: LabelContext): Map<number, Header> {
  const groups = new Map<string, number[]>();
  slots.forEach((slot, position) => {
    const key = normalizeLabel(slot.label);
    groups.set(key, [...(groups.get(key) ?? []), position]);
  });
  const rank = (id: string): number => known.order.indexOf(id);
  const resolutions: Resolution[] = [];
  for (const positions of groups.values()) {
    const found = candidates(slots[positions[0]!]!.label, known).sort((a, b) => rank(a.id) - rank(b.id));
    positions.forEach((position, nth) => {
      const first = nth > 0 ? slots[positions[0]!] : undefined;
      if (found.length === 0) resolutions[position] = { problem: 'unknown', ids: [] };
      else if (positions.length === 1 && found.length > 1 && !found.some((candidate) => candidate.via === 'term'))
        resolutions[position] = { problem: 'ambiguous', ids: found.map((candidate) => candidate.id) };
      else if (positions.length === 1) resolutions[position] = found.find((candidate) => candidate.via === 'term') ?? found[0]!;
      else if (nth < found.length) resolutions[position] = { ...found[nth]!, ...(first ? { repeats: first } : {}) };
      else resolutions[position] = { problem: 'duplicate', ids: found.map((candidate) => candidate.id), ...(first ? { first } : {}) };
    });
  }
  const takenBy = new Map<string, LabelSlot>();
  const result = new Map<number, Header>();
  slots.forEach((slot, position) => {
    let resolution = resolutions[position]!;
    if ('id' in resolution && takenBy.has(resolution.id)) resolution = { problem: 'duplicate', ids: [resolution.id], first: takenBy.get(resolution.id)! };
    const record: LabelRecord = {
      pointer: known.pointer,
      table: slot.table,
      header: known.header,
      line: slot.line,
      part: slot.part,
      label: slot.label,
      location: slot.location,
      untranslated: false,
    };
    context.records.push(record);
    if (!('id' in resolution)) {
      reportUnresolved(slot, position, resolution, slots, resolutions, known, context);
      return;
    }
    takenBy.set(resolution.id, slot);
    record.id = resolution.id;
    record.untranslated = resolution.via === 'untranslated' || isReferenceLabel(slot.label, resolution.id, known);
    reportResolved(slot, resolution, known, context);
    result.set(position, {
      id: resolution.id,
      label: slot.label,
      location: slot.location,
      ...(slot.footnote === undefined ? {} : { footnote: slot.footnote }),
      ...(slot.link === undefined ? {} : { link: slot.link }),
    });
  });
  return result;
}

function isReferenceLabel(label: string, id: string, known: Vocabulary): boolean {
  return known.reference.get(normalizeLabel(label)) === id;
}

/** Reports a cell or header that a recorded mistake or the reference language resolved; a reviewed label needs no finding. */
export function reportResolved(
  slot: Pick<LabelSlot, 'label' | 'location'>,
  resolution: { id: string; via: LabelVia; repeats?: LabelSlot },
  known: Vocabulary,
  context: LabelContext,
): void {
  if (resolution.via === 'term') return;
  const base = { spec: context.specId, locale: context.source.locale, at: slot.location };
  const termsFile = `terms/${context.source.locale}.json`;
  const related = resolution.repeats ? [{ ...resolution.repeats.location, message: `The ${known.header} with the same label.` }] : [];
  if (resolution.via === 'mistranslation') {
    const note = known.notes.get(resolution.id);
    context.diagnostics.push(
      diagnostic('label-mistranslated', {
        ...base,
        message: `"${slot.label}" is a mistake ${termsFile} records for ${resolution.id}${resolution.repeats ? `, and it repeats another ${known.header}'s label` : ''}; read as ${resolution.id}.${note ? ` Reviewer's note: ${note}` : ''} Fix the source to use "${preferred(resolution.id, known)}".`,
        related,
      }),
    );
    return;
  }
  context.diagnostics.push(
    diagnostic('label-untranslated', {
      ...base,
      message: `"${slot.label}" is the reference language's label for ${resolution.id}, left untranslated; read as ${resolution.id}. The ${context.source.locale} term is "${preferred(resolution.id, known)}".`,
      related,
    }),
  );
}

function preferred(id: string, known: Vocabulary): string {
  return known.labels.find((label) => label.id === id)?.label ?? id;
}

function reportUnresolved(
  slot: LabelSlot,
  position: number,
  resolution: Exclude<Resolution, { id: string }>,
  slots: LabelSlot[],
  resolutions: Resolution[],
  known: Vocabulary,
  context: LabelContext,
): void {
  const base = { spec: context.specId, locale: context.source.locale, at: slot.location };
  const termsFile = `terms/${context.source.locale}.json`;
  const resolved = new Set(resolutions.flatMap((other) => ('id' in other ? [other.id] : [])));
  if (resolution.problem === 'duplicate' && resolution.first) {
    context.diagnostics.push(
      diagnostic('label-duplicate', {
        ...base,
        message: `"${slot.label}" already heads another ${known.header} of this table (${resolution.ids.join(', ')}), and ${termsFile} does not say which ${known.noun} this one is, so its cells are not read. Fix the source, or record the label under the right id's "mistranslations".`,
        related: [{ ...resolution.first.location, message: `The first ${known.header} labelled "${resolution.first.label}".` }],
      }),
    );
    return;
  }
  if (resolution.problem === 'ambiguous') {
    context.diagnostics.push(
      diagnostic('label-unknown', {
        ...base,
        message: `"${slot.label}" is recorded as a mistake for several ${known.noun}s (${resolution.ids.join(', ')}) in ${termsFile}, so its cells are not read. Keep it under one id only.`,
      }),
    );
    return;
  }
  if (known.order.every((id) => resolved.has(id))) {
    context.diagnostics.push(
      diagnostic(known.extraCode, {
        ...base,
        message: `"${slot.label}" is not a ${context.source.locale} ${known.noun} label, and every ${known.noun} already has its ${known.header}; this ${known.header} is ignored.`,
      }),
    );
    return;
  }
  const guess = positionalHint(position, slots, resolutions, known.order, resolved);
  const nearest =
    known.labels.length > 0
      ? closest(
          normalizeLabel(slot.label),
          known.labels.map((l) => normalizeLabel(l.label)),
        )
      : undefined;
  const nearestTerm = known.labels.find((l) => normalizeLabel(l.label) === nearest);
  // Tables need not list ids in canonical order, so the position alone is only mentioned when the closest term agrees.
  const hints = nearestTerm
    ? ` The closest ${context.source.locale} term is "${nearestTerm.label}" (${nearestTerm.id})${guess === nearestTerm.id ? ', which is also what its position suggests' : ''}.`
    : '';
  context.diagnostics.push(
    diagnostic('label-unknown', {
      ...base,
      message: `"${slot.label}" is not a ${context.source.locale} ${known.noun} label in ${termsFile}, so the cells of this ${known.header} are not read.${hints} Fix the source, or add the label to the terms (as a variant, or under "mistranslations" with a note).`,
    }),
  );
}

/** The id a slot's position implies, counted from its nearest resolved neighbour; only a hint in a message. */
function positionalHint(position: number, slots: LabelSlot[], resolutions: Resolution[], order: readonly string[], used: Set<string>): string | undefined {
  for (let distance = 1; distance < slots.length; distance++) {
    for (const neighbour of [position - distance, position + distance]) {
      const resolution = resolutions[neighbour];
      if (!resolution || !('id' in resolution)) continue;
      const guess = order[order.indexOf(resolution.id) + (position - neighbour)];
      return guess !== undefined && !used.has(guess) ? guess : undefined;
    }
  }
  const guess = order[position];
  return guess !== undefined && !used.has(guess) ? guess : undefined;
}
