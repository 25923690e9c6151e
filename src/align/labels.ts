import { closest } from 'fastest-levenshtein';
import { diagnostic, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { acceptedLabels, collapseWhitespace, normalizeLabel } from '../load/terms.js';
import type { SourceFile, TermEntry } from '../load/types.js';

export interface Header {
  id: string;
  label: string;
  location: Location;
}

/** A header label before resolution. */
export interface LabelSlot {
  label: string;
  location: Location;
  /** Index of the row or column the label heads. */
  line: number;
}

/** The ids one axis of a table may name, in canonical order, with the locale's labels for them. */
export interface Vocabulary {
  noun: string;
  header: 'row' | 'column';
  extraCode: 'state-extra' | 'operation-extra';
  order: readonly string[];
  /** normalized label → id */
  index: Map<string, string>;
  labels: { id: string; label: string }[];
}

export interface LabelContext {
  specId: string;
  source: SourceFile;
  diagnostics: Diagnostic[];
}

export function vocabulary(
  noun: Vocabulary['noun'],
  header: Vocabulary['header'],
  extraCode: Vocabulary['extraCode'],
  order: readonly string[],
  terms: Record<string, TermEntry> | undefined,
): Vocabulary {
  const labels = Object.entries(terms ?? {}).flatMap(([id, entry]) => acceptedLabels(entry).map((label) => ({ id, label })));
  const index = new Map<string, string>();
  for (const { id, label } of labels) if (!index.has(normalizeLabel(label))) index.set(normalizeLabel(label), id);
  return { noun, header, extraCode, order, index, labels };
}

/**
 * "StartFailed<br/>StopFailed" (or "Pending suspend/Pending terminate") names
 * several states; a label wrapped over lines is still one when the terms know it whole.
 */
export function splitRowLabel(text: string, known: Vocabulary, separators: RegExp = /\n/): string[] {
  const whole = collapseWhitespace(text);
  if (known.index.has(normalizeLabel(whole))) return [whole];
  const parts = text
    .split(separators)
    .map(collapseWhitespace)
    .filter((part) => part !== '');
  return parts.length > 0 ? parts : [whole];
}

/**
 * Maps labels to ids through the locale's terms. An unknown or duplicated
 * label takes the id its position implies (counted from the nearest known
 * neighbour in the canonical order), and the guess is always reported.
 * The result is keyed by slot index.
 */
export function resolveLabels(slots: LabelSlot[], known: Vocabulary, context: LabelContext): Map<number, Header> {
  const ids: (string | undefined)[] = slots.map((slot) => known.index.get(normalizeLabel(slot.label)));
  const firstSlotOf = new Map<string, number>();
  const problems = new Map<number, 'unknown' | 'duplicate'>();
  ids.forEach((id, slot) => {
    if (id === undefined) problems.set(slot, 'unknown');
    else if (firstSlotOf.has(id)) problems.set(slot, 'duplicate');
    else firstSlotOf.set(id, slot);
  });
  const trusted = ids.map((id, slot) => (problems.has(slot) ? undefined : id));
  const used = new Set(trusted.filter((id): id is string => id !== undefined));
  const result = new Map<number, Header>();
  slots.forEach((slot, position) => {
    const problem = problems.get(position);
    const id = problem ? positionalGuess(position, trusted, known.order, used) : trusted[position]!;
    if (problem) {
      const first = ids[position] === undefined ? undefined : slots[firstSlotOf.get(ids[position]!)!];
      reportLabel(slot, problem, id, ids[position], first, known, context);
    }
    if (id === undefined) return;
    used.add(id);
    result.set(position, { id, label: slot.label, location: slot.location });
  });
  return result;
}

function positionalGuess(position: number, trusted: (string | undefined)[], order: readonly string[], used: Set<string>): string | undefined {
  for (let distance = 1; distance < trusted.length; distance++) {
    for (const neighbour of [position - distance, position + distance]) {
      const id = trusted[neighbour];
      if (id === undefined) continue;
      const guess = order[order.indexOf(id) + (position - neighbour)];
      return guess !== undefined && !used.has(guess) ? guess : undefined;
    }
  }
  const guess = order[position];
  return guess !== undefined && !used.has(guess) ? guess : undefined;
}

function reportLabel(
  slot: LabelSlot,
  problem: 'unknown' | 'duplicate',
  guess: string | undefined,
  knownAs: string | undefined,
  first: LabelSlot | undefined,
  known: Vocabulary,
  context: LabelContext,
): void {
  const base = { spec: context.specId, locale: context.source.locale };
  const outcome =
    guess === undefined ? `no ${known.noun} fits its position, so this ${known.header} is ignored` : `by its position it is read as ${guess}`;
  if (problem === 'duplicate' && first) {
    context.diagnostics.push(
      diagnostic('label-duplicate', {
        ...base,
        at: slot.location,
        message: `"${slot.label}" (${knownAs}) already heads another ${known.header} of this table; ${outcome}.`,
        related: [{ ...first.location, message: `The first ${known.header} labelled "${first.label}".` }],
      }),
    );
    return;
  }
  if (guess === undefined) {
    context.diagnostics.push(
      diagnostic(known.extraCode, {
        ...base,
        at: slot.location,
        message: `"${slot.label}" is not a ${context.source.locale} ${known.noun} label and ${outcome}; the reference has no such ${known.noun}.`,
      }),
    );
    return;
  }
  const nearest = known.labels.length > 0 ? closest(normalizeLabel(slot.label), known.labels.map((l) => normalizeLabel(l.label))) : undefined;
  const nearestTerm = known.labels.find((l) => normalizeLabel(l.label) === nearest);
  const hint = nearestTerm ? ` The closest ${context.source.locale} term is "${nearestTerm.label}" (${nearestTerm.id}).` : '';
  context.diagnostics.push(
    diagnostic('label-unknown', {
      ...base,
      at: slot.location,
      message: `"${slot.label}" is not a ${context.source.locale} ${known.noun} label in the terms; ${outcome}.${hint}`,
    }),
  );
}
