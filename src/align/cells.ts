import { diagnostic } from '../diagnostics/diagnostic.js';
import { type FootnoteSplit, splitFootnote, swallowedFootnote } from '../extract/footnotes.js';
import type { Cell } from '../extract/types.js';
import { collapseWhitespace, normalizeLabel } from '../load/terms.js';
import type { CellConfig } from '../load/types.js';
import { type LabelContext, type LabelVia, lookupLabel, reportResolved, type Vocabulary } from './labels.js';

export const DEFAULT_MARKS = ['√', '✔', '✓', 'x', 'X', '○'] as const;

/** A cell's canonical value: boolean (mark), value id (enum), target id or null (ref), text (text), ids (mentions). */
export type CellValue = boolean | string | string[] | null;

/** What a stated cell says, in canonical ids. */
export interface ReadCell {
  value: CellValue;
  /** The cell as written, whitespace collapsed (text cells keep their line breaks). */
  text: string;
  /** What a ref cell says besides its target, or all of it when it names none. */
  note?: string;
  /** A footnote marker after the value (`Not billed*`). */
  footnote?: string;
  cell: Cell;
}

/** The vocabularies a cell reader resolves words against, built once per source. */
export interface CellVocabularies {
  /** `true`/`false` words of the source's language (values.mark); empty when the terms give none. */
  mark: Vocabulary;
  values: (vocabulary: string) => Vocabulary;
  axis: (axis: string) => Vocabulary;
}

export interface CellContext extends LabelContext {
  vocabularies: CellVocabularies;
}

/** Reads one cell by its type; undefined when the cell states nothing (blank text, ref or mentions cells) or cannot be read (reported). */
export function readCell(cell: Cell, type: CellConfig, context: CellContext): ReadCell | undefined {
  if (type.type === 'text' || type.type === 'mentions') return readProse(cell, type, context);
  const split = labelOf(cell, context);
  const written = collapseWhitespace(split.label);
  const read = readValue(cell, written, type, context);
  return read && split.marker !== undefined ? { ...read, footnote: split.marker } : read;
}

/** A label or value word without its footnote marker; a superscript that swallowed words is reported. */
export function labelOf(cell: Cell, context: LabelContext): FootnoteSplit {
  const split = splitFootnote(cell.text, context.source.text.slice(cell.range[0], cell.range[1]));
  const swallowed = swallowedFootnote(split, { at: cell.location, spec: context.specId, locale: context.source.locale });
  if (swallowed) context.diagnostics.push(swallowed);
  return split;
}

function readProse(cell: Cell, type: CellConfig & { type: 'text' | 'mentions' }, context: CellContext): ReadCell | undefined {
  const written = collapseWhitespace(cell.text);
  switch (type.type) {
    case 'text': {
      const text = canonicalText(cell.text);
      return text === '' ? undefined : { value: text, text, cell };
    }
    case 'mentions':
      return written === '' ? undefined : { value: mentionedIds(written, cell, context.vocabularies.axis(type.axis), context), text: written, cell };
  }
}

function readValue(cell: Cell, written: string, type: CellConfig, context: CellContext): ReadCell | undefined {
  switch (type.type) {
    case 'mark':
      return readMark(cell, written, new Set(type.marks ?? DEFAULT_MARKS), context);
    case 'enum':
      return written === '' ? undefined : readWord(cell, written, context.vocabularies.values(type.vocabulary), context);
    case 'ref':
      return written === '' ? undefined : readRef(cell, written, context.vocabularies.axis(type.axis), context);
    default:
      return readProse(cell, type, context);
  }
}

function readMark(cell: Cell, written: string, marks: ReadonlySet<string>, context: CellContext): ReadCell | undefined {
  if (written === '') return { value: false, text: '', cell };
  if (marks.has(written)) return { value: true, text: written, cell };
  const word = readWord(cell, written, context.vocabularies.mark, context, `a mark (${[...marks].join(' ')}; blank is false)`);
  return word && { ...word, value: word.value === 'true' };
}

/** A value word through the locale's terms; the reference language's word is read and reported, an unknown word is an error. */
function readWord(cell: Cell, written: string, known: Vocabulary, context: CellContext, alternatives?: string): ReadCell | undefined {
  const found = lookupLabel(written, known);
  if (found) {
    reportValue(cell, written, found, known, context);
    return { value: found.id, text: written, cell };
  }
  const words = known.labels.map(({ id, label }) => `"${label}" (${id})`);
  const terms = `terms/${context.source.locale}.json`;
  const allowed = [alternatives, words.length > 0 ? words.join(', ') : undefined].filter(Boolean).join('; or ');
  const fix =
    words.length > 0
      ? `Fix the cell, or add the word to ${terms} under ${known.pointer} as a variant if it is right.`
      : `${terms} has no ${known.noun}s yet: fix the cell, or give each value its word under ${known.pointer} (${known.order.map((id) => `"${id}": "…"`).join(', ')}).`;
  context.diagnostics.push(
    diagnostic('value-unknown', {
      at: cell.location,
      spec: context.specId,
      locale: context.source.locale,
      message: `"${written}" is not ${allowed === '' ? `a ${known.noun} of ${terms}` : `one of ${allowed}`}, so this cell cannot be read. ${fix}`,
    }),
  );
  return undefined;
}

function reportValue(cell: Cell, written: string, found: { id: string; via: LabelVia }, known: Vocabulary, context: CellContext): void {
  if (found.via !== 'untranslated') {
    reportResolved({ label: written, location: cell.location }, found, known, context);
    return;
  }
  const own = known.labels.find((label) => label.id === found.id)?.label;
  context.diagnostics.push(
    diagnostic('value-untranslated', {
      at: cell.location,
      spec: context.specId,
      locale: context.source.locale,
      message: `"${written}" is the reference language's word for ${found.id}, left untranslated; read as ${found.id}.${own === undefined ? ` terms/${context.source.locale}.json has no word for it yet (${known.pointer}/${found.id}).` : ` The ${context.source.locale} word is "${own}".`}`,
    }),
  );
}

/** A label, then `;` or `,` (or their CJK forms), then a note: "Terminated; will only work when instance is dehydrated". */
export const REF_NOTE = /^([^;,；，。、]+)[;,；，。、]\s*(.+)$/u;

/** "Terminated; will only work when instance is dehydrated" → Terminated plus a note; "Race condition" → a note only. */
function readRef(cell: Cell, text: string, known: Vocabulary, context: CellContext): ReadCell {
  const whole = lookupLabel(text, known);
  if (whole) {
    reportResolved({ label: text, location: cell.location }, whole, known, context);
    return { value: whole.id, text, cell };
  }
  const split = REF_NOTE.exec(text);
  const head = split ? lookupLabel(split[1]!, known) : undefined;
  if (split && head) {
    reportResolved({ label: split[1]!, location: cell.location }, head, known, context);
    return { value: head.id, text, note: split[2]!, cell };
  }
  context.diagnostics.push(
    diagnostic('ref-untargeted', {
      at: cell.location,
      spec: context.specId,
      locale: context.source.locale,
      message: `"${text}" names no ${known.noun} of the ${context.source.locale} terms; it is read as a note without a target.`,
    }),
  );
  return { value: null, text, note: text, cell };
}

/**
 * Ids whose labels the free text names, longest label first, so "Resume in
 * breakpoint" is not also "Resume". Recorded mistakes and the reference
 * language's labels count too, and are reported.
 */
function mentionedIds(text: string, cell: Cell, known: Vocabulary, context: CellContext): string[] {
  let rest = normalizeLabel(text);
  const found = new Set<string>();
  for (const { id, label, via } of searchLabelsOf(known)) {
    if (found.has(id)) continue;
    const at = wordIndex(rest, label);
    if (at < 0) continue;
    found.add(id);
    if (via !== 'term') reportResolved({ label, location: cell.location }, { id, via }, known, context);
    rest = `${rest.slice(0, at)}\u0000${rest.slice(at + label.length)}`;
  }
  return known.order.filter((id) => found.has(id));
}

type SearchLabel = { id: string; label: string; via: LabelVia };
const searchLabels = new WeakMap<Vocabulary, SearchLabel[]>();

/** Every label an id may go by in free text, longest first; built once per vocabulary, not per cell. */
function searchLabelsOf(known: Vocabulary): SearchLabel[] {
  let labels = searchLabels.get(known);
  if (!labels) {
    labels = [
      ...known.labels.map(({ id, label }) => ({ id, label: normalizeLabel(label), via: 'term' as const })),
      ...[...known.mistranslations].flatMap(([label, ids]) => ids.map((id) => ({ id, label, via: 'mistranslation' as const }))),
      ...[...known.reference].map(([label, id]) => ({ id, label, via: 'untranslated' as const })),
    ].sort((a, b) => b.label.length - a.label.length || (a.label < b.label ? -1 : 1));
    searchLabels.set(known, labels);
  }
  return labels;
}

/** Scripts written without spaces between words, or (Hangul) with particles joined to them: a label may stand anywhere in their text. */
const UNSPACED = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Index of `needle` in `haystack` as a whole word ("Пуск" is not in "Запуск"); anywhere for scripts without spaces. */
function wordIndex(haystack: string, needle: string): number {
  if (UNSPACED.test(needle)) return haystack.indexOf(needle);
  const match = wholeWord(needle).exec(haystack);
  return match ? match.index : -1;
}

const wholeWords = new Map<string, RegExp>();

/** A label as a whole word, compiled once per label rather than once per cell. */
function wholeWord(needle: string): RegExp {
  let pattern = wholeWords.get(needle);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
    wholeWords.set(needle, pattern);
  }
  return pattern;
}

/**
 * Free text as a reader sees it: line breaks (`<br>`, list items) kept, runs
 * of HTML whitespace one space, none at a line's ends (other separators, such
 * as U+2028, are text and stay). Markdown and HTML render
 * the same text so, so a published doc reads back as the text it came from.
 */
export function canonicalText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f]+/g, ' ').replace(/^ | $/g, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Two read values state the same fact. */
export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.join('\u0000') === b.join('\u0000');
  return a === b;
}
