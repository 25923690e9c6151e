import { createHash } from 'node:crypto';
import { applyEdits as applyJsonEdits, modify } from 'jsonc-parser';
import { analyzeSource, primarySources, type SourceAnalysis } from '../align/analyze.js';
import { DEFAULT_MARKS, REF_NOTE } from '../align/cells.js';
import { type Vocabulary, vocabulary } from '../align/labels.js';
import { findMatrixLayout } from '../align/layout.js';
import { type AlignedCell, cellKey } from '../align/tables.js';
import { checkAgainstReference, checkSourceTexts } from '../check/cross-locale.js';
import { checkTableShape } from '../check/shape.js';
import { applySuppressions } from '../check/suppress.js';
import { compareDiagnostics, compareStrings, type Diagnostic, diagnostic, isBlocking, type Location } from '../diagnostics/diagnostic.js';
import { extractTables } from '../extract/tables.js';
import type { Cell, Table } from '../extract/types.js';
import { DEFAULT_LAYOUT, type Layout } from '../load/layout.js';
import { locator, type OffsetToLocation } from '../load/position.js';
import { loadProject } from '../load/project.js';
import { MARK_VALUES, MARK_VOCABULARY, normalizeLabel, sameLanguage } from '../load/terms.js';
import {
  axisOrder,
  type CellConfig,
  columnCell,
  DEFAULT_LIMITS,
  isMatrixTable,
  type Limits,
  type ProjectFile,
  type SourceFile,
  type SpecInput,
  type TableConfig,
  type TermEntry,
} from '../load/types.js';
import { createValidators } from '../load/validators.js';
import { parseSource } from '../parse/markdown.js';
import type { Assets } from '../pipeline.js';
import {
  applyEdits,
  type CellMarkup,
  cellReader,
  type Edit,
  isRefusal,
  keepWidth,
  labelPattern,
  overlapping,
  type Refusal,
  replaceLabel,
  setCellText,
} from './markup.js';
import { REPAIRED_CODES, type RepairedCode } from './repairs.js';

export interface FixRequest {
  /** Every file of the project, as compile() gets them. */
  files: readonly ProjectFile[];
  assets: Pick<Assets, 'schemas' | 'validators'>;
  limits?: Limits;
  layout?: Layout;
  /** Only this article. */
  spec?: string;
  /** Only these sources (paths relative to the root, with `/`). */
  only?: readonly string[];
}

/** One repaired finding. */
export interface Repair {
  code: RepairedCode;
  at: Location;
  /** The cell text before and after ('' for blank). */
  from: string;
  to: string;
}

export interface FixedFile {
  path: string;
  /** The source text before and after (no byte order mark). */
  before: string;
  after: string;
  /** What to write: `after`, with the byte order mark the file had. */
  content: string;
  repairs: Repair[];
}

export interface FixResult {
  /** The sources fix would change; empty when anything was refused. */
  files: FixedFile[];
  /** Refusals (fix-undetermined) and the load problems that stop fix; any error means nothing may be written. */
  diagnostics: Diagnostic[];
  /** Sources left alone on purpose, one line each (a reference version named as FILE, a locale without terms). */
  skipped: string[];
  /** Paths in `only` that are no source of the article fixed (of any article, without `spec`). */
  unknown: string[];
  /** Every article id of the project, sorted; when `spec` is none of them, nothing else is filled in. */
  specs: string[];
}

/**
 * `statespec fix`: repairs the translated sources from the spec and the
 * reviewed terms. Pure: given the project's files it returns the edited
 * texts, or refusals and no files at all.
 */
export function fixProject(request: FixRequest): FixResult {
  const layout = request.layout ?? DEFAULT_LAYOUT;
  const validators = createValidators(request.assets.schemas, request.assets.validators);
  const loaded = loadProject(request.files, validators, request.limits ?? DEFAULT_LIMITS, layout);
  const only = request.only ? new Set(request.only) : undefined;
  // An article whose config does not load is known by its load errors alone.
  const specs = new Set([...loaded.value.map((spec) => spec.id), ...loaded.diagnostics.flatMap((d) => (d.spec === undefined ? [] : [d.spec]))]);
  const result: FixResult = { files: [], diagnostics: [], skipped: [], unknown: [], specs: [...specs].sort(compareStrings) };
  if (request.spec !== undefined && !specs.has(request.spec)) return result;
  const wanted = (id: string | undefined): boolean => request.spec === undefined || id === request.spec;
  const known = new Set(loaded.value.filter((spec) => wanted(spec.id)).flatMap((spec) => spec.sources.map((source) => source.path)));
  if (only) result.unknown = [...only].filter((path) => !known.has(path)).sort(compareStrings);
  // A project that does not load cannot be fixed: its load errors are the answer.
  result.diagnostics.push(...loaded.diagnostics.filter((d) => isBlocking(d) && wanted(d.spec)));
  const bom = new Set(request.files.filter((file) => file.bytes[0] === 0xef && file.bytes[1] === 0xbb && file.bytes[2] === 0xbf).map((file) => file.path));
  for (const spec of loaded.value) {
    if (!wanted(spec.id)) continue;
    const configFile = request.files.find((file) => file.path === spec.config.document.file);
    const fixed = fixSpec(spec, only, bom, configFile ? new TextDecoder().decode(configFile.bytes) : undefined);
    result.files.push(...fixed.files);
    result.diagnostics.push(...fixed.diagnostics);
    result.skipped.push(...fixed.skipped);
  }
  result.diagnostics.sort(compareDiagnostics);
  if (result.diagnostics.some(isBlocking)) result.files = [];
  result.files.sort((a, b) => compareStrings(a.path, b.path));
  return result;
}

interface SpecFix {
  files: FixedFile[];
  diagnostics: Diagnostic[];
  skipped: string[];
}

function fixSpec(spec: SpecInput, only: ReadonlySet<string> | undefined, bom: ReadonlySet<string>, configText: string | undefined): SpecFix {
  const config = spec.config.value;
  const out: SpecFix = { files: [], diagnostics: [], skipped: [] };
  const targets: SourceFile[] = [];
  const moved: MovedSuppression[] = [];
  for (const source of spec.sources) {
    if (only && !only.has(source.path)) continue;
    if (source.locale === config.referenceLocale) {
      if (only) out.skipped.push(`${source.path} is a ${config.referenceLocale} source, a version of the reference locale; fix never changes the reference.`);
      continue;
    }
    if (!spec.terms.has(source.locale)) {
      out.skipped.push(`${source.path}: ${spec.dir}/terms/${source.locale}.json is missing or broken, so its labels cannot be read; it was left alone.`);
      continue;
    }
    targets.push(source);
  }
  if (targets.length === 0) return out;
  const analyses = new Map<string, { value: SourceAnalysis; diagnostics: Diagnostic[] }>();
  for (const source of spec.sources) if (spec.terms.has(source.locale)) analyses.set(source.path, analyzeSource(source, spec));
  const primaries = primarySources(
    [...analyses.values()].map((analyzed) => analyzed.value),
    spec,
  );
  const reference = primaries.get(config.referenceLocale);
  if (!reference) {
    out.diagnostics.push(
      diagnostic('fix-undetermined', {
        spec: spec.id,
        at: spec.config.document.locate('/referenceLocale'),
        message: `${spec.id} has no readable ${config.referenceLocale} source, so fix cannot say what any cell should be; add the reference document (statespec check reports why it is missing), then run fix again.`,
      }),
    );
    return out;
  }
  const referenceVersions = [...analyses.values()].map((analyzed) => analyzed.value).filter((analysis) => analysis.source.locale === config.referenceLocale);
  const context: SpecContext = { spec, reference, referenceVersions, usualMarks: usualMarks(reference, config.tables), bom };
  for (const source of targets) {
    const analyzed = analyses.get(source.path)!;
    const fixed = fixSource(analyzed, context);
    out.diagnostics.push(...fixed.refusals);
    if (fixed.file) out.files.push(fixed.file);
    moved.push(...(fixed.moved ?? []));
  }
  if (moved.length > 0) {
    const file = movedConfig(spec, configText, moved);
    if (file) out.files.push({ ...file, content: bom.has(file.path) ? `\uFEFF${file.after}` : file.after });
  }
  return out;
}

/** A suppression whose finding a repair earlier in the file moves: where it is after the fix. */
export interface MovedSuppression {
  index: number;
  line: number;
  column?: number;
}

/**
 * Where each suppressed finding of a source is after the edits. A suppression
 * names its finding by line (and column), so a repair before it on its line
 * (or a removed line above it) would leave it naming nothing.
 */
function movedSuppressions(source: SourceFile, after: string, edits: readonly Edit[], findings: readonly Diagnostic[], spec: SpecInput): MovedSuppression[] {
  const moved: MovedSuppression[] = [];
  const fromLocation = locator(source.path, source.text);
  const toLocation = locator(source.path, after);
  (spec.config.value.suppressions ?? []).forEach((suppression, index) => {
    if (`${spec.dir}/${suppression.file}` !== source.path) return;
    const finding = findings.find(
      (d) =>
        d.suppressed && d.code === suppression.code && d.line === suppression.line && (suppression.column === undefined || d.column === suppression.column),
    );
    if (!finding) return;
    const offset = offsetOf(fromLocation, source.text.length, finding);
    let shift = 0;
    for (const edit of edits) if (edit.end <= offset && !(edit.start === offset && edit.end === offset)) shift += edit.text.length - (edit.end - edit.start);
    const now = toLocation(offset + shift);
    if (now.line === suppression.line && (suppression.column === undefined || now.column === suppression.column)) return;
    moved.push({ index, line: now.line, ...(suppression.column === undefined ? {} : { column: now.column }) });
  });
  return moved;
}

/** The offset `toLocation` maps to `at`: locator only maps offsets to places, but it never goes back, so a binary search finds it. */
function offsetOf(toLocation: OffsetToLocation, length: number, at: { line: number; column: number }): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const place = toLocation(middle);
    if (place.line < at.line || (place.line === at.line && place.column < at.column)) low = middle + 1;
    else high = middle;
  }
  return low;
}

function withSuppressions(spec: SpecInput, moved: readonly MovedSuppression[]): SpecInput {
  if (moved.length === 0) return spec;
  const suppressions = (spec.config.value.suppressions ?? []).map((suppression, index) => {
    const move = moved.find((candidate) => candidate.index === index);
    return move ? { ...suppression, line: move.line, ...(move.column === undefined ? {} : { column: move.column }) } : suppression;
  });
  return { ...spec, config: { ...spec.config, value: { ...spec.config.value, suppressions } } };
}

/** spec.config.json with the moved suppressions' line and column rewritten in place (jsonc-parser keeps every other byte). */
function movedConfig(spec: SpecInput, text: string | undefined, moved: readonly MovedSuppression[]): Omit<FixedFile, 'content'> | undefined {
  if (text === undefined) return undefined;
  let after = text;
  for (const move of moved) {
    after = applyJsonEdits(after, modify(after, ['suppressions', move.index, 'line'], move.line, {}));
    if (move.column !== undefined) after = applyJsonEdits(after, modify(after, ['suppressions', move.index, 'column'], move.column, {}));
  }
  return after === text ? undefined : { path: spec.config.document.file, before: text, after, repairs: [] };
}

interface SpecContext {
  spec: SpecInput;
  reference: SourceAnalysis;
  referenceVersions: SourceAnalysis[];
  /** Reference true cells' marks, by mark, counted: the marks the reference uses. */
  usualMarks: Map<string, number>;
  /** Sources whose bytes start with a UTF-8 byte order mark, which the text does not hold: it is written back. */
  bom: ReadonlySet<string>;
}

/** Every finding `check` reports about one source, with the config's suppressions applied. */
function findingsOf(analyzed: { value: SourceAnalysis; diagnostics: Diagnostic[] }, context: SpecContext, spec: SpecInput = context.spec): Diagnostic[] {
  const { reference, referenceVersions } = context;
  const config = spec.config.value;
  const analysis = analyzed.value;
  const all = [
    ...analyzed.diagnostics,
    ...checkSourceTexts(analysis, config),
    ...checkAgainstReference(analysis, reference, config),
    ...checkTableShape(analysis, referenceVersions, spec.id),
  ];
  return applySuppressions(all, spec).filter((d) => d.file === analysis.source.path);
}

const placeKey = (code: string, at: Location): string => `${code}\u0000${at.line}\u0000${at.column}`;

interface Planned {
  cell: Cell;
  /** The whole cell's new text (a value), or a label inside it: the text as read before, and what replaces it. */
  change: { kind: 'set' | 'label'; before: string; text: string };
  code: RepairedCode;
  at: Location;
}

function fixSource(
  analyzed: { value: SourceAnalysis; diagnostics: Diagnostic[] },
  context: SpecContext,
): { file?: FixedFile; refusals: Diagnostic[]; moved?: MovedSuppression[] } {
  const analysis = analyzed.value;
  const { source } = analysis;
  const { spec, reference } = context;
  const config = spec.config.value;
  const base = { spec: spec.id, locale: source.locale };
  const refusals: Diagnostic[] = [];
  const refuse = (at: Location, message: string): void => {
    refusals.push(diagnostic('fix-undetermined', { ...base, at, message }));
  };
  const findings = findingsOf(analyzed, context);
  const suppressed = new Set(findings.filter((d) => d.suppressed).map((d) => placeKey(d.code, d)));
  const isSuppressed = (code: string, at: Location): boolean => suppressed.has(placeKey(code, at));

  // Labels that name no id, or repeat one: the cells of their row or column cannot be placed.
  for (const finding of findings) {
    if (finding.suppressed || (finding.code !== 'label-unknown' && finding.code !== 'label-duplicate')) continue;
    refuse(
      finding,
      `fix cannot tell which row or column this label heads, so it cannot say what its cells should be (${finding.code}: ${finding.message}) Correct the label by hand, or record it in terms/${source.locale}.json, then run fix again.`,
    );
  }

  const parsed = parseSource(source);
  const tables = extractTables(parsed).value;
  const readMarkup = cellReader(source.text, parsed.mdast);
  const places = new Map<string, { cell: Cell; table: Table; row: number; column: number }>();
  for (const table of tables) {
    for (const [row, line] of table.grid.entries()) {
      for (const [column, cell] of line.entries()) {
        if (cell && !cell.spanned) places.set(`${cell.location.line}:${cell.location.column}`, { cell, table, row, column });
      }
    }
  }
  const placeAt = (at: Location) => places.get(`${at.line}:${at.column}`);
  const words = localeVocabularies(spec, source.locale);
  const planned: Planned[] = [];

  // The analysis placed every header label by id already (unplaceable ones are refused above), so a label needs only its reviewed term.
  for (const record of analysis.labels) {
    if (record.id === undefined) continue;
    const known = words.byPointer(record.pointer);
    if (!known) continue;
    const key = normalizeLabel(record.label);
    if (known.index.get(key) === record.id) continue;
    const code: RepairedCode = (known.mistranslations.get(key) ?? []).includes(record.id) ? 'label-mistranslated' : 'label-untranslated';
    if (isSuppressed(code, record.location)) continue;
    const term = preferred(known, record.id);
    if (term === undefined) {
      refuse(
        record.location,
        `"${record.label}" is read as ${record.id}, but terms/${source.locale}.json has no reviewed term for ${record.id} (${record.pointer}/${record.id}), so fix cannot say what to write; add the term, then run fix again.`,
      );
      continue;
    }
    const place = placeAt(record.location);
    if (!place) {
      refuse(record.location, `fix cannot find the cell of the label "${record.label}"; replace it with "${term}" by hand.`);
      continue;
    }
    planned.push({ cell: place.cell, change: { kind: 'label', before: record.label, text: term }, code, at: record.location });
  }

  // check reports mark-unusual once per mark for the whole source, at the mark's first cell; a suppression of it
  // names that cell, so it keeps the mark in that cell's table only, and the same mark elsewhere is still repaired.
  const keptMarks = new Set<string>();
  for (const finding of findings) {
    if (finding.code !== 'mark-unusual' || !finding.suppressed) continue;
    for (const [tableId, aligned] of analysis.tables) {
      for (const cell of aligned.cells.values()) {
        if (cell.cell.location.line === finding.line && cell.cell.location.column === finding.column) keptMarks.add(markKey(tableId, cell.text));
      }
    }
  }
  for (const table of config.tables) {
    const mine = analysis.tables.get(table.id);
    const theirs = reference.tables.get(table.id);
    if (!mine) continue;
    const typeOf = (column: string): CellConfig | undefined => columnCell(table, column);
    const style = markStyle(mine.cells.values(), table);
    for (const stated of mine.cells.values()) {
      const type = typeOf(stated.column);
      if (!type) continue;
      const expected = theirs?.cells.get(cellKey(stated.row, stated.column));
      const compared = Boolean(theirs?.rows.has(stated.row) && theirs.columns.has(stated.column));
      const keepsMark = keptMarks.has(markKey(table.id, stated.text));
      const plan = planCell(stated, expected, compared, type, { words, style, context, source, isSuppressed, keepsMark, refuse });
      planned.push(...plan);
    }
    if (!theirs) continue;
    // A blank cell is no stated cell, so the loop above never sees one: an enum cell this source leaves blank is found from the reference's side.
    for (const [key, expected] of theirs.cells) {
      const type = typeOf(expected.column);
      if (type?.type !== 'enum' || mine.cells.has(key) || !mine.rows.has(expected.row) || !mine.columns.has(expected.column)) continue;
      const at = mine.rows.get(expected.row)!.location;
      if (isSuppressed('fact-mismatch', at)) continue;
      const word = preferred(words.values(type.vocabulary), String(expected.value));
      const cell = blankCell(analysis, tables, table, expected.row, expected.column);
      if (word === undefined) {
        refuse(
          at,
          `${expected.row} × ${expected.column} is blank but the reference states ${expected.value}, and terms/${source.locale}.json has no word for it (/values/${type.vocabulary}/${expected.value}); add the word, then run fix again.`,
        );
      } else if (!cell) {
        refuse(
          at,
          `${expected.row} × ${expected.column} is blank but the reference states ${expected.value}; fix cannot find the cell to write "${word}" in, so write it by hand.`,
        );
      } else {
        planned.push({ cell, change: { kind: 'set', before: '', text: word }, code: 'fact-mismatch', at });
      }
    }
  }

  // A row-cell-count repair removes cells rather than rewriting one, so it is planned apart, and only where every extra cell is blank: text there would be lost.
  const edits: Edit[] = [];
  const repairs: Repair[] = [];
  for (const finding of findings) {
    if (finding.code !== 'row-cell-count' || finding.suppressed) continue;
    const place = placeAt(finding);
    if (!place) {
      refuse(finding, 'This row has more cells than its header, but fix cannot tell which cells are extra; remove them by hand.');
      continue;
    }
    const removal = removeExtraCells(
      source,
      place,
      readMarkup,
      (config.suppressions ?? []).some((suppression) => `${spec.dir}/${suppression.file}` === source.path),
    );
    if (isRefusal(removal)) {
      refuse(finding, `This row has more cells than its header, and ${removal.refused}; remove the extra cells by hand (or move their text where it belongs).`);
      continue;
    }
    edits.push(...removal);
    repairs.push({ code: 'row-cell-count', at: finding, from: place.cell.text, to: '' });
  }

  // One change per cell: several ids of a row label share one cell.
  const byCell = new Map<Cell, Planned[]>();
  for (const plan of planned) byCell.set(plan.cell, [...(byCell.get(plan.cell) ?? []), plan]);
  for (const [cell, plans] of byCell) {
    const markup = readMarkup(cell);
    const sets = plans.filter((plan) => plan.change.kind === 'set');
    const distinct = new Set(sets.map((plan) => plan.change.text));
    if (distinct.size > 1) {
      refuse(
        plans[0]!.at,
        `This cell states ${sets.length} rows, and the reference gives them different values (${[...distinct].map((text) => `"${text}"`).join(', ')}), so one cell cannot say them all; split the row by hand.`,
      );
      continue;
    }
    const cellEdits: Edit[] = [];
    const seen = new Set<string>();
    let failed = false;
    for (const plan of plans) {
      const signature = `${plan.change.kind}\u0000${plan.change.before}\u0000${plan.change.text}`;
      // One cell read for several ids (a row label naming several states) is one repair.
      if (seen.has(signature)) continue;
      seen.add(signature);
      const edit =
        plan.change.kind === 'set' ? setCellText(markup, plan.change.before, plan.change.text) : replaceLabel(markup, plan.change.before, plan.change.text);
      if (isRefusal(edit)) {
        refuse(plan.at, `fix cannot edit this cell safely: ${edit.refused}. Write "${plan.change.text}" there by hand, then run fix again.`);
        failed = true;
        break;
      }
      cellEdits.push(edit);
      repairs.push(repairOf(plan));
    }
    if (failed) continue;
    const padding = keepWidth(source.text, markup, cellEdits);
    edits.push(...cellEdits, ...(padding ? [padding] : []));
  }

  if (refusals.length > 0 || edits.length === 0) return { refusals };
  const clash = overlapping(edits);
  if (clash) {
    refuse(locator(source.path, source.text)(clash[1].start), 'fix found two repairs of the same text here; correct this cell by hand, then run fix again.');
    return { refusals };
  }
  const after = applyEdits(source.text, edits);
  const moved = movedSuppressions(source, after, edits, findings, spec);
  const verdict = verify(analyzed, after, repairs, context, moved);
  if (verdict.length > 0) return { refusals: verdict };
  return {
    refusals,
    moved,
    file: {
      path: source.path,
      before: source.text,
      after,
      content: context.bom.has(source.path) ? `\uFEFF${after}` : after,
      repairs: repairs.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column || compareStrings(a.code, b.code)),
    },
  };
}

const markKey = (tableId: string, mark: string): string => `${tableId}\u0000${normalizeLabel(mark)}`;

function repairOf(plan: Planned): Repair {
  return { code: plan.code, at: plan.at, from: plan.change.before, to: plan.change.text };
}

interface CellPlanContext {
  words: LocaleVocabularies;
  style: MarkStyle;
  context: SpecContext;
  source: SourceFile;
  isSuppressed: (code: string, at: Location) => boolean;
  /** The cell's mark is one a mark-unusual suppression keeps in this table. */
  keepsMark: boolean;
  refuse: (at: Location, message: string) => void;
}

/** What one stated cell should say instead, if anything. */
function planCell(
  stated: AlignedCell,
  expected: AlignedCell | undefined,
  compared: boolean,
  type: CellConfig,
  { words, style, context, source, isSuppressed, keepsMark, refuse }: CellPlanContext,
): Planned[] {
  const at = stated.cell.location;
  const terms = `terms/${source.locale}.json`;
  const set = (text: string, code: RepairedCode): Planned[] =>
    text === stated.text ? [] : [{ cell: stated.cell, change: { kind: 'set', before: stated.text, text }, code, at }];
  switch (type.type) {
    case 'mark': {
      const marks = new Set<string>(type.marks ?? DEFAULT_MARKS);
      const known = words.mark;
      const isWord = stated.text !== '' && !marks.has(stated.text);
      if (compared && expected && expected.value !== stated.value && !isSuppressed('fact-mismatch', at)) {
        const value = expected.value === true;
        if (!value) {
          const word = isWord ? preferred(known, 'false') : undefined;
          return set(word ?? '', 'fact-mismatch');
        }
        const mark = chosenMark(style, marks, context);
        const word = preferred(known, 'true');
        if ((isWord || style.words || mark === undefined) && word !== undefined) return set(word, 'fact-mismatch');
        if (mark !== undefined) return set(mark, 'fact-mismatch');
        refuse(
          at,
          `The reference marks ${stated.row} × ${stated.column} true, but it writes no check mark and ${terms} has no word for true (/values/${MARK_VOCABULARY}/true); write the cell by hand.`,
        );
        return [];
      }
      if (stated.text === '') return [];
      if (!isWord) {
        if (stated.value !== true || context.usualMarks.has(stated.text)) return [];
        if (keepsMark) return [];
        const mark = chosenMark(style, marks, context);
        if (mark === undefined) {
          const word = preferred(known, 'true');
          if (word !== undefined) return set(word, 'mark-unusual');
          refuse(
            at,
            `"${stated.text}" is a mark the reference never uses, and the reference writes no check mark fix could use instead, nor has ${terms} a word for true; write the cell by hand.`,
          );
          return [];
        }
        return set(mark, 'mark-unusual');
      }
      return wordPlan(stated, known, String(stated.value), source, isSuppressed, refuse, set);
    }
    case 'enum': {
      const known = words.values(type.vocabulary);
      if (compared && !isSuppressed('fact-mismatch', at)) {
        if (!expected) {
          refuse(
            at,
            `${stated.row} × ${stated.column} says "${stated.text}", but the reference ${context.reference.source.name} states nothing there, so fix cannot say whether the word belongs; clear the cell or correct the reference by hand.`,
          );
          return [];
        }
        if (expected.value !== stated.value) {
          const word = preferred(known, String(expected.value));
          if (word !== undefined) return set(word, 'fact-mismatch');
          refuse(
            at,
            `The reference states ${expected.value} at ${stated.row} × ${stated.column}, and ${terms} has no word for it (/values/${type.vocabulary}/${expected.value}); add the word, then run fix again.`,
          );
          return [];
        }
      }
      return wordPlan(stated, known, String(stated.value), source, isSuppressed, refuse, set);
    }
    case 'ref': {
      if (typeof stated.value !== 'string') return [];
      const known = words.axis(type.axis);
      const head = lookupWhole(stated.text, known) ? stated.text : (REF_NOTE.exec(stated.text)?.[1] ?? stated.text);
      return labelPlan(stated, head, stated.value, known, source, isSuppressed, refuse);
    }
    case 'mentions': {
      const known = words.axis(type.axis);
      return mentionPlans(stated, known, source, isSuppressed, refuse);
    }
    default:
      return [];
  }
}

/** A value word that is not the locale's reviewed word for the value it is read as. */
function wordPlan(
  stated: AlignedCell,
  known: Vocabulary,
  value: string,
  source: SourceFile,
  isSuppressed: (code: string, at: Location) => boolean,
  refuse: (at: Location, message: string) => void,
  set: (text: string, code: RepairedCode) => Planned[],
): Planned[] {
  const key = normalizeLabel(stated.text);
  if (known.index.get(key) === value) return [];
  const code: RepairedCode = (known.mistranslations.get(key) ?? []).includes(value) ? 'label-mistranslated' : 'value-untranslated';
  if (isSuppressed(code, stated.cell.location)) return [];
  const word = preferred(known, value);
  if (word === undefined) {
    refuse(
      stated.cell.location,
      `"${stated.text}" is read as ${value}, but terms/${source.locale}.json has no reviewed word for ${value} (${known.pointer}/${value}), so fix cannot say what to write; add the word, then run fix again.`,
    );
    return [];
  }
  return set(word, code);
}

/** A label inside a cell (a ref's target) that is not the locale's reviewed term for its id. */
function labelPlan(
  stated: AlignedCell,
  label: string,
  id: string,
  known: Vocabulary,
  source: SourceFile,
  isSuppressed: (code: string, at: Location) => boolean,
  refuse: (at: Location, message: string) => void,
): Planned[] {
  const key = normalizeLabel(label);
  if (known.index.get(key) === id) return [];
  const code: RepairedCode = (known.mistranslations.get(key) ?? []).includes(id) ? 'label-mistranslated' : 'label-untranslated';
  if (isSuppressed(code, stated.cell.location)) return [];
  const term = preferred(known, id);
  if (term === undefined) {
    refuse(
      stated.cell.location,
      `"${label}" is read as ${id}, but terms/${source.locale}.json has no reviewed term for ${id} (${known.pointer}/${id}); add the term, then run fix again.`,
    );
    return [];
  }
  return [{ cell: stated.cell, change: { kind: 'label', before: label, text: term }, code, at: stated.cell.location }];
}

/** Labels a mentions cell names through a recorded mistake or in the reference language, found as the reader finds them. */
function mentionPlans(
  stated: AlignedCell,
  known: Vocabulary,
  source: SourceFile,
  isSuppressed: (code: string, at: Location) => boolean,
  refuse: (at: Location, message: string) => void,
): Planned[] {
  const searched = [
    ...known.labels.map(({ id, label }) => ({ id, label: normalizeLabel(label), via: 'term' as const })),
    ...[...known.mistranslations].flatMap(([label, ids]) => ids.map((id) => ({ id, label, via: 'mistranslation' as const }))),
    ...[...known.reference].map(([label, id]) => ({ id, label, via: 'untranslated' as const })),
  ].sort((a, b) => b.label.length - a.label.length || compareStrings(a.label, b.label));
  let rest = normalizeLabel(stated.text);
  const found = new Set<string>();
  const plans: Planned[] = [];
  for (const { id, label, via } of searched) {
    if (found.has(id)) continue;
    const match = labelPattern(label).exec(rest);
    if (!match) continue;
    found.add(id);
    rest = `${rest.slice(0, match.index)}\u0000${rest.slice(match.index + match[0].length)}`;
    if (via === 'term') continue;
    const code: RepairedCode = via === 'mistranslation' ? 'label-mistranslated' : 'label-untranslated';
    if (isSuppressed(code, stated.cell.location)) continue;
    const term = preferred(known, id);
    if (term === undefined) {
      refuse(
        stated.cell.location,
        `The cell names ${id} as "${label}", but terms/${source.locale}.json has no reviewed term for ${id} (${known.pointer}/${id}); add the term, then run fix again.`,
      );
      continue;
    }
    plans.push({ cell: stated.cell, change: { kind: 'label', before: label, text: term }, code, at: stated.cell.location });
  }
  return plans;
}

function lookupWhole(text: string, known: Vocabulary): boolean {
  const key = normalizeLabel(text);
  return known.index.has(key) || known.mistranslations.has(key) || known.reference.has(key);
}

/** How a source's mark table writes true: with check marks, or (only) with words. */
interface MarkStyle {
  words: boolean;
  /** The source table's own check marks, counted. */
  marks: Map<string, number>;
}

function markStyle(cells: Iterable<AlignedCell>, table: TableConfig): MarkStyle {
  const style: MarkStyle = { words: false, marks: new Map() };
  if (!isMatrixTable(table) || table.cell.type !== 'mark') return style;
  const marks = new Set<string>(table.cell.marks ?? DEFAULT_MARKS);
  let words = 0;
  for (const cell of cells) {
    if (cell.text === '') continue;
    if (marks.has(cell.text)) style.marks.set(cell.text, (style.marks.get(cell.text) ?? 0) + 1);
    else words++;
  }
  style.words = words > 0 && style.marks.size === 0;
  return style;
}

/** The marks the reference writes in true cells, counted (what mark-unusual compares with). */
function usualMarks(reference: SourceAnalysis, tables: readonly TableConfig[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    if (!isMatrixTable(table) || table.cell.type !== 'mark') continue;
    const marks = new Set<string>(table.cell.marks ?? DEFAULT_MARKS);
    for (const cell of reference.tables.get(table.id)?.cells.values() ?? []) {
      if (cell.value === true && marks.has(cell.text)) counts.set(cell.text, (counts.get(cell.text) ?? 0) + 1);
    }
  }
  return counts;
}

/** The mark to write for true: one the reference uses, the source table's own when it uses one, else the reference's most frequent. */
function chosenMark(style: MarkStyle, marks: ReadonlySet<string>, context: SpecContext): string | undefined {
  const rank = (counts: Map<string, number>): string | undefined =>
    [...counts].filter(([mark]) => marks.has(mark) && context.usualMarks.has(mark)).sort(([a, x], [b, y]) => y - x || compareStrings(a, b))[0]?.[0];
  return rank(style.marks) ?? rank(context.usualMarks);
}

function preferred(known: Vocabulary, id: string): string | undefined {
  return known.labels.find((label) => label.id === id)?.label;
}

interface LocaleVocabularies {
  byPointer: (pointer: string) => Vocabulary | undefined;
  axis: (axis: string) => Vocabulary;
  values: (id: string) => Vocabulary;
  mark: Vocabulary;
}

/** The locale's labels and words, built as the analysis builds them (reviewed terms, recorded mistakes, the reference language's labels). */
function localeVocabularies(spec: SpecInput, locale: string): LocaleVocabularies {
  const config = spec.config.value;
  const terms = spec.terms.get(locale)?.value;
  const referenceTerms = sameLanguage(locale, config.referenceLocale) ? undefined : spec.terms.get(config.referenceLocale)?.value;
  const own = (record: Record<string, Record<string, TermEntry>> | undefined, key: string): Record<string, TermEntry> | undefined =>
    record && Object.hasOwn(record, key) ? record[key] : undefined;
  const built = new Map<string, Vocabulary>();
  const make = (pointer: string, order: readonly string[], group: 'axes' | 'values', key: string): Vocabulary => {
    let known = built.get(pointer);
    if (!known) {
      known = vocabulary({
        noun: key,
        header: 'column',
        extraCode: 'column-extra',
        pointer,
        order,
        terms: own(terms?.[group], key),
        referenceTerms: own(referenceTerms?.[group], key),
      });
      built.set(pointer, known);
    }
    return known;
  };
  const axis = (name: string): Vocabulary => make(`/axes/${name}`, axisOrder(config.axes[name]), 'axes', name);
  const values = (id: string): Vocabulary => make(`/values/${id}`, config.vocabularies?.[id] ?? [], 'values', id);
  return {
    axis,
    values,
    get mark() {
      return make(`/values/${MARK_VOCABULARY}`, MARK_VALUES, 'values', MARK_VOCABULARY);
    },
    byPointer: (pointer) => {
      const match = /^\/axes\/(.+)$/.exec(pointer);
      return match && Object.hasOwn(config.axes, match[1]!) ? axis(match[1]!) : undefined;
    },
  };
}

/** The blank grid cell of `row` × `column` in a source's table, found through where its labels are. */
function blankCell(analysis: SourceAnalysis, tables: readonly Table[], table: TableConfig, row: string, column: string): Cell | undefined {
  const rowPointer = `/axes/${table.rows}`;
  for (const record of analysis.labels) {
    if (record.header !== 'row' || record.pointer !== rowPointer || record.id !== row) continue;
    const document = tables[record.table];
    if (!document) continue;
    let gridColumn: number | undefined;
    if (isMatrixTable(table)) {
      gridColumn = analysis.labels.find(
        (other) => other.header === 'column' && other.table === record.table && other.pointer === `/axes/${table.columns}` && other.id === column,
      )?.line;
    } else {
      const layout = findMatrixLayout(document, table.headerRow);
      const index = table.columns.findIndex((named) => named.id === column);
      if (layout && index >= 0) gridColumn = layout.labelColumn + 1 + index;
    }
    if (gridColumn === undefined) continue;
    const cell = document.grid[record.line]?.[gridColumn];
    if (cell && !cell.spanned && cell.text.trim() === '') return cell;
  }
  return undefined;
}

/** The edits that remove a row's blank cells past the header's width, starting with the first extra one. */
function removeExtraCells(
  source: SourceFile,
  place: { cell: Cell; table: Table; row: number; column: number },
  readMarkup: (cell: Cell) => CellMarkup,
  keepLines: boolean,
): Edit[] | Refusal {
  const line = place.table.grid[place.row]!;
  const earlier = new Set(line.slice(0, place.column).map((cell) => cell?.origin));
  const extra: Cell[] = [];
  for (const cell of line.slice(place.column)) {
    if (!cell) continue;
    if (cell.spanned || earlier.has(cell.origin)) return { refused: 'a cell spans into the extra columns' };
    if (cell.text.trim() !== '') return { refused: `an extra cell holds text ("${cell.text.trim()}")` };
    if (!extra.includes(cell)) extra.push(cell);
  }
  if (extra.length === 0) return { refused: 'no extra cell is found' };
  const text = source.text;
  const first = readMarkup(extra[0]!);
  if (first.kind === 'gfm') {
    const last = extra[extra.length - 1]!;
    const lastMarkup = readMarkup(last);
    const end = Math.min(lastMarkup.contentEnd, last.range[1]);
    return [{ start: extra[0]!.range[0], end, text: '' }];
  }
  return extra.map((cell) => {
    let start = cell.range[0];
    let end = cell.range[1];
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    const lineStart = start === 0 || text[start - 1] === '\n';
    let after = end;
    while (after < text.length && (text[after] === ' ' || text[after] === '\t' || text[after] === '\r')) after++;
    const ownLine = lineStart && (after === text.length || text[after] === '\n');
    // A cell on a line of its own goes with its line, unless a suppression names lines of this file (they would move).
    if (ownLine && !keepLines) end = after < text.length ? after + 1 : after;
    return { start, end, text: '' };
  });
}

/**
 * Reads the fixed text again as check would: none of the repaired findings
 * may be left (but those the config suppresses), no other finding may be
 * new, and every fact must be what the repairs meant.
 */
function verify(
  original: { value: SourceAnalysis; diagnostics: Diagnostic[] },
  after: string,
  repairs: readonly Repair[],
  context: SpecContext,
  moved: readonly MovedSuppression[],
): Diagnostic[] {
  const { source } = original.value;
  const fixedSource: SourceFile = { ...source, text: after, sha256: createHash('sha256').update(after).digest('hex') };
  const reanalyzed = analyzeSource(fixedSource, context.spec);
  const before = findingsOf(original, context).filter((d) => !d.suppressed);
  const now = findingsOf(reanalyzed, context, withSuppressions(context.spec, moved)).filter((d) => !d.suppressed);
  const count = (list: readonly Diagnostic[], code: string): number => list.filter((d) => d.code === code).length;
  const problems: Diagnostic[] = [];
  const factRepairs = repairs.filter((repair) => repair.code === 'fact-mismatch').length;
  for (const finding of now) {
    const repaired = (REPAIRED_CODES as readonly string[]).includes(finding.code);
    const left =
      finding.code === 'fact-mismatch'
        ? count(now, 'fact-mismatch') > count(before, 'fact-mismatch') - factRepairs
        : repaired || count(now, finding.code) > count(before, finding.code);
    if (!left) continue;
    problems.push(
      diagnostic('fix-undetermined', {
        spec: context.spec.id,
        locale: source.locale,
        at: finding,
        message: `fix's repairs of ${source.name} would leave this finding (after the repairs it would read: ${finding.code}: ${finding.message}) so fix changes nothing; correct the cell by hand, then run fix again.`,
      }),
    );
  }
  return problems;
}
