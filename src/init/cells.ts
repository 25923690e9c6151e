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
/**
 * A table (or record column) of marks may hold a few cells that are neither
 * marks nor yes/no words, at most this share of its cells: it stays a mark
 * table and each such cell is an error (init-value-unknown).
 */
export const MAX_OUTLIER_SHARE = 0.1;

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
  /** Where the first symbol of `trueSymbols` is written. */
  symbolAt?: Location;
  /** Cells that are neither marks nor yes/no words, few among marks: each is an error (init-value-unknown). */
  outliers: CellDraft[];
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

/** Why a guess is doubtful, at the first cell that raised the doubt where one did (else the table or column as a whole). */
export interface Doubt {
  text: string;
  at?: Location;
}

export type TableGuess = { shape: 'matrix'; cell: Guess; doubts: Doubt[] } | { shape: 'record'; columns: { cell: Guess; doubts: Doubt[] }[] };

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
 *   symbol), a symbol for false (— – ✗ ❌ …) or a yes/no word; or all but a
 *   few (at most MAX_OUTLIER_SHARE of the cells), which are kept as outliers
 *   to report;
 * - ref: at least REF_COVERAGE of the written cells name a label of one
 *   candidate (a target, or a target then `;`/`,` and a note);
 * - enum: every value is short, there are at most MAX_ENUM_VALUES of them and
 *   some value repeats;
 * - text: anything else.
 *
 * A table with two or more columns is a matrix when its body is one type:
 * every column marks (or the body does, but for a few cells), or the body's
 * cells name one axis, or its words are all short or all long. A table whose
 * column labels are mostly row labels of some table is a matrix whatever its
 * cells (its cells become text). Else (a long-text column next to short
 * ones, marks next to words, columns that are each a closed set of values
 * sharing none) it is a record table, typed column by column.
 */
export function guessTable(cells: CellDraft[][], columnLabels: readonly string[], context: InferenceContext): TableGuess {
  const classes = cells.map((column) => classify(column, context));
  const record = (): TableGuess => ({ shape: 'record', columns: cells.map((column, index) => guessColumn(column, classes[index]!, context)) });
  const written = classes.filter((found) => found.kind !== 'blank');
  const all = cells.flat();
  // Blank text cells state nothing, so a table that is blank everywhere can only be read as marks (false everywhere).
  if (written.length === 0) {
    const doubt = { text: 'every cell is blank, so it is read as a mark table that is false everywhere' };
    return cells.length < 2 ? { shape: 'record', columns: [{ cell: emptyMark(), doubts: [doubt] }] } : { shape: 'matrix', cell: emptyMark(), doubts: [doubt] };
  }
  if (cells.length < 2) return record();
  if (written.every((found) => found.kind === 'mark')) {
    // Each column marks, so the whole body does (at most one unknown symbol per column; two across columns is not a mark table).
    const body = classify(all, context);
    if (body.kind === 'mark') return { shape: 'matrix', cell: body.guess, doubts: markDoubts(body.guess) };
    return record();
  }
  // Marks and yes/no words but for a few cells ("Maybe" among "Yes" and "No"): a mark table whose few other cells are errors.
  const outlying = markWithOutliers(cells, context);
  if (outlying) return { shape: 'matrix', cell: outlying, doubts: markDoubts(outlying) };
  const axisLike = headerNamesAxis(columnLabels, context.candidates);
  if (written.every((found) => found.kind === 'words')) {
    const ref = bestRef(all, context.candidates);
    if (ref) return { shape: 'matrix', cell: ref, doubts: refDoubts(ref) };
    const long = written.filter((found) => found.kind === 'words' && found.long).length;
    if (!axisLike && separateSets(written)) return record();
    if (axisLike || long === 0 || long === written.length) {
      const words = wordsGuess(all.filter((cell) => cell.text !== ''));
      // A thin enum is flagged on its values' terms entries.
      const doubts: Doubt[] = [];
      if (words.type === 'text' && !axisLike)
        doubts.push({
          text: 'its cells are all text, so it is read as a matrix; if each column is a field of the row (a description, a default), make it a record table',
        });
      return { shape: 'matrix', cell: words, doubts };
    }
    return record();
  }
  if (axisLike) {
    const sets = markSets(context);
    const first = firstInDocument(all.filter((cell) => cell.text !== '' && markKind(cell.text, sets).kind === 'word'));
    return {
      shape: 'matrix',
      cell: { type: 'text' },
      doubts: [
        {
          text: `its column labels name rows of the article, so it is read as a matrix, but some columns mark and others hold words${first ? ` (the first is "${first.text}")` : ''}: its cells are read as text`,
          ...(first ? { at: first.location } : {}),
        },
      ],
    };
  }
  return record();
}

function guessColumn(cells: CellDraft[], found: ColumnClass, context: InferenceContext): { cell: Guess; doubts: Doubt[] } {
  if (found.kind === 'blank') return { cell: { type: 'text' }, doubts: [{ text: 'every cell of the column is blank, so it is read as text' }] };
  if (found.kind === 'mark') return { cell: found.guess, doubts: markDoubts(found.guess) };
  const ref = bestRef(found.texts, context.candidates);
  if (ref) return { cell: ref, doubts: refDoubts(ref) };
  const outlying = markWithOutliers([cells], context);
  if (outlying) return { cell: outlying, doubts: markDoubts(outlying) };
  const words = wordsGuess(found.texts);
  return { cell: words, doubts: [] };
}

function classify(cells: readonly CellDraft[], context: InferenceContext): ColumnClass {
  const texts = cells.filter((cell) => cell.text !== '');
  if (texts.length === 0) return { kind: 'blank' };
  const mark = markGuess(texts, markSets(context));
  if (mark) return { kind: 'mark', guess: mark };
  return { kind: 'words', texts, long: texts.some((cell) => !isShort(cell.text)) };
}

function emptyMark(): MarkGuess {
  return { type: 'mark', trueSymbols: [], yes: new Map(), no: new Map(), english: false, outliers: [] };
}

/** The yes/no words of the context, normalized. */
interface MarkSets {
  yes: ReadonlySet<string>;
  no: ReadonlySet<string>;
  englishYes: ReadonlySet<string>;
  englishNo: ReadonlySet<string>;
}

function markSets(context: InferenceContext): MarkSets {
  return {
    yes: new Set(context.yes.map(normalizeLabel)),
    no: new Set(context.no.map(normalizeLabel)),
    englishYes: new Set(context.englishYes.map(normalizeLabel)),
    englishNo: new Set(context.englishNo.map(normalizeLabel)),
  };
}

/** What one written cell is as a mark: a check mark, a word or symbol for yes or no, an unknown symbol, or a word that is none of them. */
type MarkKind = { kind: 'mark' | 'symbol' | 'word'; word?: undefined } | { kind: 'yes' | 'no'; english: boolean; word: boolean };

function markKind(text: string, sets: MarkSets): MarkKind {
  const key = normalizeLabel(text);
  if ((DEFAULT_MARKS as readonly string[]).includes(text)) return { kind: 'mark' };
  if (FALSE_SYMBOLS.includes(text)) return { kind: 'no', english: false, word: false };
  if (sets.no.has(key) || sets.englishNo.has(key)) return { kind: 'no', english: !sets.no.has(key), word: true };
  if (sets.yes.has(key) || sets.englishYes.has(key)) return { kind: 'yes', english: !sets.yes.has(key), word: true };
  if (isSymbol(text)) return { kind: 'symbol' };
  return { kind: 'word' };
}

/** Marks, symbols and yes/no words; undefined when some cell is none of them. */
function markGuess(texts: readonly CellDraft[], sets: MarkSets): MarkGuess | undefined {
  const guess = emptyMark();
  for (const cell of texts) {
    const found = markKind(cell.text, sets);
    switch (found.kind) {
      case 'mark':
        break;
      case 'yes':
      case 'no':
        count(found.kind === 'yes' ? guess.yes : guess.no, cell);
        if (found.english) guess.english = true;
        break;
      case 'symbol':
        if (!guess.trueSymbols.includes(cell.text)) guess.trueSymbols.push(cell.text);
        guess.symbolAt ??= cell.location;
        break;
      default:
        return undefined;
    }
  }
  // Two kinds of unknown symbol cannot both mean true.
  return guess.trueSymbols.length <= 1 ? guess : undefined;
}

/**
 * A body (or one column) that marks but for a few cells: at least one and at
 * most MAX_OUTLIER_SHARE of its cells are words that are no mark. It is not
 * one when a column holds mostly such words (a field next to marks), when a
 * word names a label of an axis (a ref table that writes "—" for none), or
 * when the other cells only write symbols for false.
 */
function markWithOutliers(columns: readonly CellDraft[][], context: InferenceContext): MarkGuess | undefined {
  const sets = markSets(context);
  const limit = MAX_OUTLIER_SHARE * columns.reduce((sum, column) => sum + column.length, 0);
  const outliers: CellDraft[] = [];
  const rest: CellDraft[] = [];
  let marks = false;
  for (const column of columns) {
    let written = 0;
    let words = 0;
    for (const cell of column) {
      if (cell.text === '') continue;
      written++;
      const found = markKind(cell.text, sets);
      if (found.kind === 'word') {
        words++;
        outliers.push(cell);
        if (outliers.length > limit) return undefined;
        continue;
      }
      rest.push(cell);
      // A check mark, a symbol or a yes/no word; symbols for false alone ("—") do not make a mark table.
      if (found.kind === 'mark' || found.kind === 'symbol' || found.word) marks = true;
    }
    if (words >= 2 && words * 2 > written) return undefined;
  }
  if (outliers.length === 0 || !marks) return undefined;
  if (outliers.some((cell) => context.candidates.some((candidate) => target(cell.text, candidate) !== undefined))) return undefined;
  const guess = markGuess(rest, sets);
  if (!guess) return undefined;
  guess.outliers = outliers.sort(documentOrder);
  return guess;
}

function documentOrder(a: CellDraft, b: CellDraft): number {
  return a.location.line - b.location.line || a.location.column - b.location.column;
}

/** The cell written first in the document (cells are listed column by column). */
function firstInDocument(cells: readonly CellDraft[]): CellDraft | undefined {
  return [...cells].sort(documentOrder)[0];
}

function count(spellings: Map<string, Spellings>, cell: CellDraft): void {
  const key = normalizeLabel(cell.text);
  const entry = spellings.get(key) ?? { written: new Map<string, number>(), location: cell.location };
  entry.written.set(cell.text, (entry.written.get(cell.text) ?? 0) + 1);
  spellings.set(key, entry);
}

/** One character that is a symbol or punctuation (an emoji with its variation selector counts as one). */
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

function isSymbol(text: string): boolean {
  const graphemes = [...GRAPHEMES.segment(text)];
  return graphemes.length === 1 && /^[\p{S}\p{P}]/u.test(text) && !/[\p{L}\p{N}]/u.test(text);
}

function markDoubts(guess: MarkGuess): Doubt[] {
  return guess.trueSymbols.length > 0
    ? [{ text: `it reads "${guess.trueSymbols[0]}" as true, besides the usual marks`, ...(guess.symbolAt ? { at: guess.symbolAt } : {}) }]
    : [];
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

function refDoubts(guess: RefGuess): Doubt[] {
  const first = firstInDocument(guess.untargeted);
  if (!first) return [];
  const texts = [...new Set([...guess.untargeted].sort(documentOrder).map((cell) => cell.text))].map((text) => `"${text}"`);
  return [
    {
      text: `${texts.join(', ')} ${texts.length === 1 ? 'names' : 'name'} none of the labels the other cells name; such cells are read as notes without a target`,
      at: first.location,
    },
  ];
}

/** At least half the column labels (and two) are row labels of some table: the columns are an axis. */
function headerNamesAxis(labels: readonly string[], candidates: readonly AxisCandidate[]): boolean {
  const rowLabels = new Set(candidates.filter((candidate) => candidate.side === 'rows').flatMap((candidate) => [...candidate.labels.keys()]));
  const named = labels.filter((label) => rowLabels.has(normalizeLabel(label))).length;
  return named >= 2 && named * 2 >= labels.length;
}
