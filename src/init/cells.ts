import { DEFAULT_MARKS, REF_NOTE } from '../align/cells.js';
import type { Location } from '../diagnostics/diagnostic.js';
import { normalizeLabel } from '../load/terms.js';
import type { CellDraft } from './read.js';

/** Symbols a table writes for false where it does not leave the cell blank; init records them as the terms' word for false. */
export const FALSE_SYMBOLS: readonly string[] = ['—', '–', '-', '✗', '✘', '❌', '×', '✕'];
/** An enum is a small set of short values. */
export const MAX_ENUM_VALUES = 10;
const MAX_SHORT_WORDS = 4;
const MAX_SHORT_LENGTH = 40;
/** The share of cells that must name an axis for a column or table to be read as ref cells. */
export const REF_COVERAGE = 0.6;
/** A ref cell names its target, then optionally a note after `;` or `,` (as the align stage reads it). */

/** The labels of a table's rows or columns: what a ref cell may name. */
export interface AxisCandidate {
  /** Index of the table draft and which of its label sets. */
  table: number;
  side: 'rows' | 'columns';
  /** normalized label → id */
  labels: Map<string, string>;
}

/** How many times each spelling of one value is written, and where first. */
export interface Spellings {
  written: Map<string, number>;
  location: Location;
}

export interface MarkGuess {
  type: 'mark';
  /** Symbols that mean true besides the default marks (`●`). */
  trueSymbols: string[];
  /** Spellings of yes and no (words of the language, or symbols for false such as "—"). */
  yes: Map<string, Spellings>;
  no: Map<string, Spellings>;
  /** Some words are the English yes/no in a reference of another language. */
  english: boolean;
}
export interface RefGuess {
  type: 'ref';
  candidate: AxisCandidate;
  /** Texts that name no label of the candidate: they become notes without target. */
  untargeted: CellDraft[];
}
export interface EnumGuess {
  type: 'enum';
  /** normalized text → its spellings, in order of first appearance. */
  values: Map<string, Spellings>;
  /** Cells per value is low: the set may be a coincidence. */
  thin: boolean;
}
export interface TextGuess {
  type: 'text';
}
export type Guess = MarkGuess | RefGuess | EnumGuess | TextGuess;

export type TableGuess = { shape: 'matrix'; cell: Guess; doubts: string[] } | { shape: 'record'; columns: { cell: Guess; doubts: string[] }[] };

export interface InferenceContext {
  /** Yes and no words of the reference language, then English's. */
  yes: readonly string[];
  no: readonly string[];
  englishYes: readonly string[];
  englishNo: readonly string[];
  /** Candidates a ref cell may name, in document order. */
  candidates: readonly AxisCandidate[];
}

/** What one column (or a whole body) is, before a table's shape is decided. */
type ColumnClass = { kind: 'blank' } | { kind: 'mark'; guess: MarkGuess } | { kind: 'words'; texts: CellDraft[]; long: boolean };

/**
 * Guesses a table's shape and cell types from its body (`cells[column][row]`):
 *
 * - mark: every written cell is a check mark (√ ✔ ✓ x X ○, or one other
 *   symbol), a symbol for false (— – ✗ ❌ …) or a yes/no word;
 * - ref: at least REF_COVERAGE of the written cells name a label of one
 *   candidate (a target, or a target then `;`/`,` and a note);
 * - enum: every value is short, there are at most MAX_ENUM_VALUES of them and
 *   some value repeats;
 * - text: anything else.
 *
 * A table with two or more columns is a matrix when its body is one type:
 * every column marks, or the body's cells name one axis, or its words are
 * all short or all long. A table whose column labels are mostly row labels of
 * some table is a matrix whatever its cells (its cells become text). Else
 * (a long-text column next to short ones, marks next to words, columns that
 * are each a closed set of values sharing none) it is a record table, typed
 * column by column.
 */
export function guessTable(cells: CellDraft[][], columnLabels: readonly string[], context: InferenceContext): TableGuess {
  const classes = cells.map((column) => classify(column, context));
  const record = (): TableGuess => ({ shape: 'record', columns: cells.map((column, index) => guessColumn(column, classes[index]!, context)) });
  const written = classes.filter((found) => found.kind !== 'blank');
  const all = cells.flat();
  // Blank text cells state nothing, so a table that is blank everywhere can only be read as marks (false everywhere).
  if (written.length === 0) {
    const doubt = 'every cell is blank, so it is read as a mark table that is false everywhere';
    return cells.length < 2 ? { shape: 'record', columns: [{ cell: emptyMark(), doubts: [doubt] }] } : { shape: 'matrix', cell: emptyMark(), doubts: [doubt] };
  }
  if (cells.length < 2) return record();
  if (written.every((found) => found.kind === 'mark')) {
    // Each column marks, so the whole body does (at most one unknown symbol per column; two across columns is not a mark table).
    const body = classify(all, context);
    if (body.kind === 'mark') return { shape: 'matrix', cell: body.guess, doubts: markDoubts(body.guess) };
    return record();
  }
  const axisLike = headerNamesAxis(columnLabels, context.candidates);
  if (written.every((found) => found.kind === 'words')) {
    const ref = bestRef(all, context.candidates);
    if (ref) return { shape: 'matrix', cell: ref, doubts: refDoubts(ref) };
    const long = written.filter((found) => found.kind === 'words' && found.long).length;
    if (!axisLike && separateSets(written)) return record();
    if (axisLike || long === 0 || long === written.length) {
      const words = wordsGuess(all.filter((cell) => cell.text !== ''));
      // A thin enum is flagged on its values' terms entries.
      const doubts: string[] = [];
      if (words.type === 'text' && !axisLike)
        doubts.push(
          'its cells are all text, so it is read as a matrix; if each column is a field of the row (a description, a default), make it a record table',
        );
      return { shape: 'matrix', cell: words, doubts };
    }
    return record();
  }
  if (axisLike)
    return {
      shape: 'matrix',
      cell: { type: 'text' },
      doubts: [
        'its column labels name rows of the article, so it is read as a matrix, but some columns mark and others hold words: its cells are read as text',
      ],
    };
  return record();
}

function guessColumn(_cells: CellDraft[], found: ColumnClass, context: InferenceContext): { cell: Guess; doubts: string[] } {
  if (found.kind === 'blank') return { cell: { type: 'text' }, doubts: ['every cell of the column is blank, so it is read as text'] };
  if (found.kind === 'mark') return { cell: found.guess, doubts: markDoubts(found.guess) };
  const ref = bestRef(found.texts, context.candidates);
  if (ref) return { cell: ref, doubts: refDoubts(ref) };
  const words = wordsGuess(found.texts);
  return { cell: words, doubts: [] };
}

function classify(cells: readonly CellDraft[], context: InferenceContext): ColumnClass {
  const texts = cells.filter((cell) => cell.text !== '');
  if (texts.length === 0) return { kind: 'blank' };
  const mark = markGuess(texts, context);
  if (mark) return { kind: 'mark', guess: mark };
  return { kind: 'words', texts, long: texts.some((cell) => !isShort(cell.text)) };
}

function emptyMark(): MarkGuess {
  return { type: 'mark', trueSymbols: [], yes: new Map(), no: new Map(), english: false };
}

/** Marks, symbols and yes/no words; undefined when some cell is none of them. */
function markGuess(texts: readonly CellDraft[], context: InferenceContext): MarkGuess | undefined {
  const guess = emptyMark();
  const yes = new Set(context.yes.map(normalizeLabel));
  const no = new Set(context.no.map(normalizeLabel));
  const englishYes = new Set(context.englishYes.map(normalizeLabel));
  const englishNo = new Set(context.englishNo.map(normalizeLabel));
  for (const cell of texts) {
    const key = normalizeLabel(cell.text);
    if ((DEFAULT_MARKS as readonly string[]).includes(cell.text)) continue;
    if (FALSE_SYMBOLS.includes(cell.text) || no.has(key) || englishNo.has(key)) {
      count(guess.no, cell);
      if (!no.has(key) && englishNo.has(key)) guess.english = true;
    } else if (yes.has(key) || englishYes.has(key)) {
      count(guess.yes, cell);
      if (!yes.has(key)) guess.english = true;
    } else if (isSymbol(cell.text)) {
      if (!guess.trueSymbols.includes(cell.text)) guess.trueSymbols.push(cell.text);
    } else {
      return undefined;
    }
  }
  // Two kinds of unknown symbol cannot both mean true.
  return guess.trueSymbols.length <= 1 ? guess : undefined;
}

function count(spellings: Map<string, Spellings>, cell: CellDraft): void {
  const key = normalizeLabel(cell.text);
  const entry = spellings.get(key) ?? { written: new Map<string, number>(), location: cell.location };
  entry.written.set(cell.text, (entry.written.get(cell.text) ?? 0) + 1);
  spellings.set(key, entry);
}

/** One character that is a symbol or punctuation (an emoji with its variation selector counts as one). */
function isSymbol(text: string): boolean {
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)];
  return graphemes.length === 1 && /^[\p{S}\p{P}]/u.test(text) && !/[\p{L}\p{N}]/u.test(text);
}

function markDoubts(guess: MarkGuess): string[] {
  return guess.trueSymbols.length > 0 ? [`it reads "${guess.trueSymbols[0]}" as true, besides the usual marks`] : [];
}

function isShort(text: string): boolean {
  return text.length <= MAX_SHORT_LENGTH && text.split(/\s+/u).length <= MAX_SHORT_WORDS && !/[.!?;:](?:\s|$)/u.test(text);
}

function wordsGuess(texts: readonly CellDraft[]): EnumGuess | TextGuess {
  if (texts.length === 0 || texts.some((cell) => !isShort(cell.text))) return { type: 'text' };
  const values = new Map<string, Spellings>();
  for (const cell of texts) count(values, cell);
  if (values.size > MAX_ENUM_VALUES || values.size >= texts.length) return { type: 'text' };
  return { type: 'enum', values, thin: texts.length < 2 * values.size };
}

/**
 * Two or more columns that are each a closed set of values, and share none
 * ("Community, Business hours" next to "One region, All regions"), are fields
 * of a record rather than one matrix's values.
 */
function separateSets(classes: readonly ColumnClass[]): boolean {
  const sets: Set<string>[] = [];
  for (const found of classes) {
    if (found.kind !== 'words') continue;
    const guess = wordsGuess(found.texts);
    if (guess.type === 'enum') sets.push(new Set(guess.values.keys()));
  }
  return sets.length >= 2 && sets.every((set, index) => sets.every((other, otherIndex) => otherIndex === index || ![...set].some((value) => other.has(value))));
}

/** The candidate whose labels the most cells name, if that is at least REF_COVERAGE of them (ties go to the earlier candidate). */
function bestRef(cells: readonly CellDraft[], candidates: readonly AxisCandidate[]): RefGuess | undefined {
  const texts = cells.filter((cell) => cell.text !== '');
  let best: RefGuess | undefined;
  let bestCount = 0;
  for (const candidate of candidates) {
    const untargeted = texts.filter((cell) => target(cell.text, candidate) === undefined);
    const named = texts.length - untargeted.length;
    if (named > bestCount) {
      best = { type: 'ref', candidate, untargeted };
      bestCount = named;
    }
  }
  return best && bestCount >= REF_COVERAGE * texts.length ? best : undefined;
}

/** The id a ref cell names in a candidate: its whole text, or the part before a note. */
export function target(text: string, candidate: AxisCandidate): string | undefined {
  const whole = candidate.labels.get(normalizeLabel(text));
  if (whole !== undefined) return whole;
  const split = REF_NOTE.exec(text);
  return split ? candidate.labels.get(normalizeLabel(split[1]!)) : undefined;
}

function refDoubts(guess: RefGuess): string[] {
  if (guess.untargeted.length === 0) return [];
  const texts = [...new Set(guess.untargeted.map((cell) => cell.text))].map((text) => `"${text}"`);
  return [
    `${texts.join(', ')} ${texts.length === 1 ? 'names' : 'name'} none of the labels the other cells name; such cells are read as notes without a target`,
  ];
}

/** At least half the column labels (and two) are row labels of some table: the columns are an axis. */
function headerNamesAxis(labels: readonly string[], candidates: readonly AxisCandidate[]): boolean {
  const rowLabels = new Set(candidates.filter((candidate) => candidate.side === 'rows').flatMap((candidate) => [...candidate.labels.keys()]));
  const named = labels.filter((label) => rowLabels.has(normalizeLabel(label))).length;
  return named >= 2 && named * 2 >= labels.length;
}
