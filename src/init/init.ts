import { createHash } from 'node:crypto';
import { DEFAULT_MARKS } from '../align/cells.js';
import { compareDiagnostics, type Diagnostic, diagnostic, isBlocking, type Location } from '../diagnostics/diagnostic.js';
import { lowerCamel, pascalCase, RESERVED_WORDS, upperSnake } from '../emit/names.js';
import { extractTables } from '../extract/tables.js';
import { DEFAULT_LAYOUT, LAYOUT_FILE, type Layout, type OutputSettings, schemaReference } from '../load/layout.js';
import { placeSource } from '../load/layout-file.js';
import { checkLocaleTag } from '../load/locale.js';
import { specIdProblem } from '../load/paths.js';
import { MESSAGES_CONSTANT, RUNTIME_NAMES } from '../load/runtime-names.js';
import { normalizeLabel, sameLanguage } from '../load/terms.js';
import { decodeText } from '../load/text.js';
import type { AxisConfig, CellConfig, ProjectFile, SourceFile, SpecConfig, TableConfig, TermEntry, TermsFile } from '../load/types.js';
import { parseSource } from '../parse/markdown.js';
import { type AxisCandidate, type Doubt, type EnumGuess, type Guess, guessTable, type MarkGuess, type Spellings, type TableGuess } from './cells.js';
import { asciiWords, idFromLabel, MAX_NAME_LENGTH, NAME_PATTERN, pluralize, RESERVED_NAMES, singularize } from './ids.js';
import { type LabelDraft, readTable, type TableDraft } from './read.js';
import { capitalize, NO_WORDS, sameBytes } from './words.js';
import { yesNoWords } from './yes-no.js';

export interface InitRequest {
  /** Every file under sources/, as for compile(): to find an article that already exists. */
  files: readonly ProjectFile[];
  specId: string;
  /** The reference locale tag as the user typed it. */
  locale: string;
  /** The reference document: the path the user gave (for messages), its path relative to the root, and its bytes. */
  input: { path: string; rootPath?: string; bytes: Uint8Array };
  /** statespec.config.json's layout: with one, the document is recorded there and read in place, not copied. */
  layout?: Layout;
}

export interface InitResult {
  /** Files to create, relative to the root; empty when refused or when nothing would change. */
  writes: { path: string; content: string | Uint8Array }[];
  diagnostics: Diagnostic[];
  /** What was done to each file, one line each. */
  actions: string[];
}

const MAX_NAME_WORDS = 4;
const MAX_TABLE_NAME_WORDS = 4;

/** A label with its id. */
interface Labelled extends LabelDraft {
  id: string;
}

/** A table init uses: its draft, ids, and (once guessed) its shape. */
interface Reading {
  draft: TableDraft;
  rows: Labelled[];
  columns: Labelled[];
  /** The table goes on in the following document tables, split by columns (config `continued`), up to this one's index. */
  continuedTo?: number;
}

/** One axis of the article: the row or column labels of one or more tables with the same ids. */
interface AxisDraft {
  name: string;
  config: AxisConfig;
  /** The first table's labels, by id, then other spellings other tables use. */
  labels: Map<string, Labelled>;
  variants: Map<string, Labelled[]>;
  /** A mark table uses it, so every id must be one of that table's labels. */
  complete: boolean;
}

/** An init-review finding to report. */
interface ReviewNote {
  at: Location;
  message: string;
  related?: Diagnostic['related'];
}

interface Context {
  spec: string;
  locale: string;
  file: string;
  diagnostics: Diagnostic[];
  /** For the `$schema` references of the files init writes. */
  settings: OutputSettings;
  configPath: string;
  termsPath: string;
}

/**
 * `statespec init`: starts a new article from its reference document. Reads
 * every table, gives each row and column label an id, guesses each table's
 * shape and cell types, and writes the source copy, spec.config.json and the
 * reference terms. Doubtful guesses are flagged for review (a `review` field
 * in the terms and an `init-review` finding). Refuses, writing nothing, when
 * the document has no usable table, a table repeats a label or two labels
 * make one id, or the article exists with other content. Pure: the CLI reads
 * and writes the files.
 */
export function initArticle(request: InitRequest): InitResult {
  const at: Location = { file: request.input.path, line: 1, column: 1 };
  const refuse = (...diagnostics: Diagnostic[]): InitResult => ({ writes: [], diagnostics: diagnostics.sort(compareDiagnostics), actions: [] });
  const idProblem = specIdProblem(request.specId);
  if (idProblem !== undefined)
    return refuse(diagnostic('path-unsafe', { at, message: `--spec ${idProblem}; a spec id names its folder, sources/<id>/ (for example feature-tiers).` }));
  const checked = checkLocaleTag(request.locale);
  if ('problem' in checked)
    return refuse(diagnostic(checked.problem === 'unknown' ? 'locale-unknown' : 'source-name', { at, message: `--locale ${checked.message}.` }));
  const locale = checked.locale;
  const spec = request.specId;
  const decoded = decodeText(request.input.bytes);
  if ('problem' in decoded) return refuse(diagnostic('source-encoding', { at, spec, locale, message: `${request.input.path} ${decoded.problem}.` }));
  if (decoded.text.trim() === '')
    return refuse(
      diagnostic('source-empty', { at, spec, locale, message: `${request.input.path} is empty; statespec init needs the reference document with its tables.` }),
    );

  const layout = request.layout ?? DEFAULT_LAYOUT;
  const dir = layout.articles.find((article) => article.id === spec)?.dir ?? `${layout.specs}/${spec}`;
  const placement = placeSource(layout, { id: spec, dir, path: request.input.rootPath ?? request.input.path, locale, referenceLocale: locale });
  if (placement.kind === 'refused') return refuse(diagnostic('source-name', { at, spec, locale, message: `${placement.message}; nothing was written.` }));
  const paths = { source: placement.path, config: `${dir}/spec.config.json`, terms: `${dir}/terms/${locale}.json` };
  const settings: OutputSettings = layout;
  const existing = (path: string): ProjectFile | undefined => request.files.find((file) => file.path === path);
  const existingConfig = existing(paths.config);
  const refuseExisting = (): InitResult =>
    refuse(
      diagnostic('init-exists', {
        at: { file: paths.config, line: 1, column: 1 },
        spec,
        locale,
        message: `${dir}/ already has an article (spec.config.json) that differs from what init would write for ${request.input.path}; init only starts new articles and never overwrites a config or terms. Add a language with \`statespec locale add\`, or remove ${dir}/ to start over.`,
        related: [{ ...at, message: 'The document given to init.' }],
      }),
    );

  const source: SourceFile = {
    specId: spec,
    path: request.input.path,
    name: `${locale}.md`,
    locale,
    text: decoded.text,
    sha256: createHash('sha256').update(request.input.bytes).digest('hex'),
  };
  const context: Context = { spec, locale, file: request.input.path, diagnostics: [], settings, configPath: paths.config, termsPath: paths.terms };
  const article = readArticle(source, context, paths.terms, paths.config);
  if (!article || context.diagnostics.some(isBlocking)) return existingConfig ? refuseExisting() : refuse(...context.diagnostics);

  // statespec.config.json is edited, never judged as a clash: it is the project's file, not the article's.
  const layoutWrite = placement.kind === 'record' ? [{ path: LAYOUT_FILE, content: placement.layoutText as string | Uint8Array }] : [];
  const planned = [
    ...(placement.kind === 'copy' ? [{ path: paths.source, content: request.input.bytes as string | Uint8Array }] : []),
    { path: paths.config, content: `${JSON.stringify(article.config, null, 2)}\n` },
    { path: paths.terms, content: `${JSON.stringify(article.terms, null, 2)}\n` },
  ];
  const same = planned.map((write) => {
    const file = existing(write.path);
    return file === undefined ? undefined : sameBytes(file.bytes, typeof write.content === 'string' ? new TextEncoder().encode(write.content) : write.content);
  });
  if (existingConfig) {
    if (same.every((found) => found === true)) {
      return {
        writes: [],
        diagnostics: [],
        actions: [`${dir}/ already holds this article as init writes it from ${request.input.path}; nothing was changed.`],
      };
    }
    return refuseExisting();
  }
  const clash = planned.find((_, index) => same[index] === false);
  if (clash) {
    return refuse(
      diagnostic('init-exists', {
        at: { file: clash.path, line: 1, column: 1 },
        spec,
        locale,
        message: `${clash.path} already exists with other content; init never overwrites a source or terms file. Remove it, or start the article under another --spec id.`,
        related: [{ ...at, message: 'The document given to init.' }],
      }),
    );
  }
  const writes = [...layoutWrite, ...planned.filter((_, index) => same[index] !== true)];
  const placed =
    placement.kind === 'copy'
      ? same[0] === true
        ? `${paths.source} is already this file; left as is.`
        : `Copied ${request.input.path} to ${paths.source}.`
      : placement.kind === 'record'
        ? `Recorded ${paths.source} as the ${locale} reference of ${spec} in ${LAYOUT_FILE}; it is read where it is.`
        : `${paths.source} is already read in place (${placement.by}).`;
  const actions = [
    placed,
    `Wrote ${paths.config}: ${article.summary}.`,
    `Wrote ${paths.terms}: ${article.termCount} labels and words, ${article.flagged} flagged for review. Review them, then run \`statespec build\`.`,
  ];
  return { writes, diagnostics: context.diagnostics.sort(compareDiagnostics), actions };
}

interface Article {
  config: SpecConfig & { $schema: string };
  terms: TermsFile & { $schema: string };
  summary: string;
  termCount: number;
  flagged: number;
}

function readArticle(source: SourceFile, context: Context, termsPath: string, configPath: string): Article | undefined {
  const report: Report = (code, at, message, related) => {
    context.diagnostics.push(diagnostic(code, { at, spec: context.spec, locale: context.locale, message, ...(related ? { related } : {}) }));
  };
  const extracted = extractTables(parseSource(source));
  context.diagnostics.push(...extracted.diagnostics.map((found) => ({ ...found, spec: context.spec, locale: context.locale })));
  const drafts: TableDraft[] = [];
  for (const table of extracted.value) {
    const read = readTable(table, { text: source.text, diagnostics: context.diagnostics, spec: context.spec, locale: context.locale });
    if ('reason' in read)
      report(
        'init-review',
        table.location,
        `Table ${table.index + 1} is left out of the article: ${read.reason}. Add it to spec.config.json by hand if it holds facts.`,
      );
    else drafts.push(read);
  }
  if (drafts.length === 0) {
    const what = extracted.value.length === 0 ? 'has no table' : `has ${extracted.value.length} table(s), none with a header row and a label column`;
    report(
      'init-no-table',
      extracted.value[0]?.location ?? { file: context.file, line: 1, column: 1 },
      `${context.file} ${what}; statespec init needs the reference document with its tables (Markdown or HTML). Nothing was written.`,
    );
    return undefined;
  }

  splitAtSlashes(drafts);
  const labelled = drafts.map((draft) => labelTable(draft, report));
  if (context.diagnostics.some(isBlocking)) return undefined;

  const first = guessShapes(labelled, context.locale);
  const merged = mergeContinued(labelled, first);
  // Joining split tables changes the candidates ref cells may name, so the shapes are guessed again; a join that is no matrix is undone.
  const again = merged.length === labelled.length ? first : guessShapes(merged, context.locale);
  const joinHolds = merged.every((reading, index) => reading.continuedTo === undefined || again[index]!.shape === 'matrix');
  const [readings, guesses] = joinHolds ? [merged, again] : [labelled, first];
  const tableIds = nameTables(readings);
  readings.forEach((reading, index) => {
    const guess = guesses[index]!;
    if (guess.shape === 'record') checkRecordColumns(reading, report);
    reportOutliers(reading, guess, { id: tableIds[index]!, pointer: `/tables/${index}`, locale: context.locale, configPath }, report);
  });
  if (context.diagnostics.some(isBlocking)) return undefined;

  const axes = buildAxes(readings, guesses, context.locale, configPath, termsPath);
  const vocabularies = new Map<string, Map<string, Labelled>>();
  const tables: TableConfig[] = [];
  const typeDoubts: ReviewNote[] = [];
  const cellConfig = (guess: Guess, vocabularyName: () => string): CellConfig => {
    switch (guess.type) {
      case 'mark':
        return guess.trueSymbols.length > 0 ? { type: 'mark', marks: [...DEFAULT_MARKS, ...guess.trueSymbols] } : { type: 'mark' };
      case 'ref':
        return { type: 'ref', axis: axes.ofSide.get(sideKey(guess.candidate.table, guess.candidate.side))!.name };
      case 'enum': {
        // A vocabulary's runtime names: billing → type Billing, constant BILLING, words BILLING_WORDS.
        const runtime = (candidate: string): string[] => [pascalCase(candidate), upperSnake(candidate), `${upperSnake(candidate)}_WORDS`];
        const name = unique(
          configName(vocabularyName(), 'values'),
          (candidate) => vocabularies.has(candidate) || runtime(candidate).some((taken) => axes.taken.has(taken)),
        );
        for (const taken of runtime(name)) axes.taken.add(taken);
        vocabularies.set(name, valueIds(guess));
        return { type: 'enum', vocabulary: name };
      }
      default:
        return { type: 'text' };
    }
  };
  readings.forEach((reading, index) => {
    const guess = guesses[index]!;
    const { draft } = reading;
    const id = tableIds[index]!;
    const pointer = `/tables/${tables.length}`;
    const base = {
      id,
      position: draft.table.index,
      ...(reading.continuedTo !== undefined ? { continued: true } : {}),
      ...(draft.headerRow !== draft.foundHeaderRow ? { headerRow: draft.headerRow } : {}),
      rows: axes.ofSide.get(sideKey(index, 'rows'))!.name,
      ...(draft.rowSeparator !== undefined ? { rowSeparator: draft.rowSeparator } : {}),
    };
    if (reading.continuedTo !== undefined) {
      typeDoubts.push({
        at: draft.table.location,
        message: `Tables ${draft.table.index + 1} to ${reading.continuedTo + 1} have the same rows and no column in common, so they are read as one table split by columns ("${id}", "continued": true). If they are separate tables, give each its own entry in ${configPath}.`,
      });
    }
    if (guess.shape === 'matrix') {
      tables.push({ ...base, columns: axes.ofSide.get(sideKey(index, 'columns'))!.name, cell: cellConfig(guess.cell, () => id) });
      for (const doubt of guess.doubts) {
        typeDoubts.push({
          ...doubtAt(doubt, draft.table.location, `Table ${draft.table.index + 1} starts here.`),
          message: `Table ${draft.table.index + 1} ("${id}"): ${doubt.text}. Check ${configPath} at ${pointer}/cell.`,
        });
      }
    } else {
      const columns = guess.columns.map((column, columnIndex) => {
        const label = reading.columns[columnIndex]!;
        for (const doubt of column.doubts) {
          typeDoubts.push({
            ...doubtAt(doubt, label.location, `The column "${label.label}".`),
            message: `Table ${draft.table.index + 1} ("${id}"), column "${label.label}": ${doubt.text}. Check ${configPath} at ${pointer}/columns/${columnIndex}/cell.`,
          });
        }
        return { id: label.id, cell: cellConfig(column.cell, () => lowerCamel(label.id)) };
      });
      tables.push({ ...base, columns });
    }
  });
  for (const doubt of [...axes.doubts, ...typeDoubts]) report('init-review', doubt.at, doubt.message, doubt.related);

  const config: SpecConfig & { $schema: string } = {
    $schema: schemaReference(context.settings, context.configPath, 'config.schema.json'),
    id: context.spec,
    referenceLocale: context.locale,
    title: { rule: 'first-heading' },
    axes: Object.fromEntries(axes.list.map((axis) => [axis.name, axis.config])),
    ...(vocabularies.size > 0
      ? { vocabularies: Object.fromEntries([...vocabularies].map(([name, values]) => [name, [...new Set([...values.values()].map((value) => value.id))]])) }
      : {}),
    tables,
  };

  // Terms: every label and word, with a review field where init is not sure.
  let termCount = 0;
  let flagged = 0;
  /** A terms entry; `variants` are other spellings, which `where` says where they are written ("other tables call it"). */
  const entry = (pointer: string, id: string, label: Labelled, variants: string[], where: string): TermEntry => {
    termCount++;
    if (label.doubts.length === 0 && variants.length === 0) return label.label;
    const also =
      variants.length > 0
        ? [`${where} ${variants.map((variant) => `"${variant}"`).join(', ')}, kept as ${variants.length === 1 ? 'a variant' : 'variants'}`]
        : [];
    const review = `${capitalize([...label.doubts, ...also].join('; '))}.`;
    flagged++;
    report('init-review', label.location, `${id}: "${label.label}": ${review} Review ${termsPath} at ${pointer}/${id}.`);
    return { label: label.label, ...(variants.length > 0 ? { variants } : {}), review };
  };
  const termsAxes: Record<string, Record<string, TermEntry>> = {};
  for (const axis of axes.list) {
    const entries: Record<string, TermEntry> = {};
    for (const id of axis.config.ids) {
      const variants = [...new Set((axis.variants.get(id) ?? []).map((other) => other.label))];
      entries[id] = entry(`/axes/${axis.name}`, id, axis.labels.get(id)!, variants, 'other tables also call it');
    }
    termsAxes[axis.name] = entries;
  }
  const values: Record<string, Record<string, TermEntry>> = {};
  const marks = markWords(guesses, context.locale);
  if (marks) {
    values.mark = {};
    for (const [id, word] of marks) values.mark[id] = entry('/values/mark', id, word.label, word.variants, 'the cells also write');
  }
  for (const [name, vocabulary] of vocabularies) {
    const entries: Record<string, TermEntry> = {};
    // Spellings that make one id ("Not billed", "Not-billed") are one value, written two ways.
    const all = [...vocabulary.values()];
    for (const value of all) {
      if (Object.hasOwn(entries, value.id)) continue;
      const variants = all.filter((other) => other.id === value.id && other !== value).map((other) => other.label);
      entries[value.id] = entry(`/values/${name}`, value.id, value, variants, 'the cells also write');
    }
    values[name] = entries;
  }
  const termsTables: Record<string, { corner: string }> = {};
  readings.forEach((reading, index) => {
    const corner = reading.draft.corner?.label;
    if (corner !== undefined && !NO_WORDS.test(corner)) termsTables[tableIds[index]!] = { corner };
  });
  const terms: TermsFile & { $schema: string } = {
    $schema: schemaReference(context.settings, context.termsPath, 'terms.schema.json'),
    locale: context.locale,
    axes: termsAxes,
    ...(Object.keys(values).length > 0 ? { values } : {}),
    ...(Object.keys(termsTables).length > 0 ? { tables: termsTables } : {}),
  };

  const summary = `${tables.length} table(s) (${tables.map((table, index) => describeTable(table, guesses[index]!)).join('; ')}) over ${axes.list.length} axis(es) (${axes.list.map((axis) => `${axis.name}: ${axis.config.ids.length}`).join(', ')})`;
  return { config, terms, summary, termCount, flagged };
}

type Report = (
  code: 'init-review' | 'init-no-table' | 'init-label-missing' | 'init-label-duplicate' | 'init-id-collision' | 'init-value-unknown',
  at: Location,
  message: string,
  related?: Diagnostic['related'],
) => void;

/**
 * "Pending suspend/Pending terminate" names two rows when other rows (of this
 * table or another) list each part on its own: the table gets rowSeparator "/".
 */
function splitAtSlashes(drafts: TableDraft[]): void {
  const labels = new Set(drafts.flatMap((draft) => draft.rows.map((label) => normalizeLabel(label.label))));
  for (const draft of drafts) {
    const rows: LabelDraft[] = [];
    for (const row of draft.rows) {
      const parts = row.label.split('/').map((part) => part.trim());
      if (parts.length < 2 || parts.some((part) => part === '' || !labels.has(normalizeLabel(part)))) {
        rows.push(row);
        continue;
      }
      draft.rowSeparator = '/';
      for (const [index, part] of parts.entries()) {
        rows.push({
          ...row,
          label: part,
          part: row.part + index,
          doubts: [
            ...row.doubts,
            `the row label "${row.label}" joins ${parts.length} labels that other rows list on their own, so it is read as ${parts.length} ids that share one row (rowSeparator "/")`,
          ],
        });
      }
    }
    draft.rows = rows;
  }
}

/** Ids for a table's labels; a missing label, a repeated label or two labels with one id is an error. */
function labelTable(draft: TableDraft, report: Report): Reading {
  const tableName = `table ${draft.table.index + 1}`;
  const ids = (labels: LabelDraft[], side: 'rows' | 'columns'): Labelled[] => {
    const byLabel = new Map<string, Labelled>();
    const byId = new Map<string, Labelled>();
    const result: Labelled[] = [];
    labels.forEach((label, position) => {
      const what = side === 'rows' ? `Row ${position + 1}` : `Column ${position + 1}`;
      if (label.label === '' || NO_WORDS.test(label.label)) {
        report(
          'init-label-missing',
          label.location,
          side === 'rows'
            ? `${what} of ${tableName} has cells but no label${label.label === '' ? '' : ` ("${label.label}")`}, so it can have no id. Write its label in the source, or delete the row.`
            : `${what} of ${tableName} has cells but no label${label.label === '' ? '' : ` ("${label.label}")`} in the header row, so it can have no id. Write its label in the source, or delete the column.`,
        );
        return;
      }
      const made = idFromLabel(label.label);
      const doubts = [...label.doubts];
      let id: string;
      if ('problem' in made) {
        id = `${side === 'rows' ? 'Row' : 'Column'}${position + 1}`;
        doubts.push(`${made.problem}, so its id is ${id}, after its position; rename the id in spec.config.json and in the terms`);
      } else {
        id = made.id;
        if (made.doubt !== undefined) doubts.push(made.doubt);
      }
      const labelled: Labelled = { ...label, id, doubts };
      const key = normalizeLabel(label.label);
      const sameLabel = byLabel.get(key);
      const sameId = byId.get(id);
      if (sameLabel) {
        report(
          'init-label-duplicate',
          label.location,
          `"${label.label}" heads two ${side} of ${tableName}, so init cannot tell them apart. Give each of them its own label in the source.`,
          [{ ...sameLabel.location, message: 'The first one.' }],
        );
      } else if (sameId) {
        report(
          'init-id-collision',
          label.location,
          `"${label.label}" and "${sameId.label}" (${side} of ${tableName}) both make the id ${id}. Make the labels differ in letters or digits, not only in spaces or punctuation.`,
          [{ ...sameId.location, message: `"${sameId.label}" is here.` }],
        );
      }
      byLabel.set(key, sameLabel ?? labelled);
      byId.set(id, sameId ?? labelled);
      result.push(labelled);
    });
    return result;
  };
  return { draft, rows: ids(draft.rows, 'rows'), columns: ids(draft.columns, 'columns') };
}

/** The align stage reads a record table's columns by position after the label column, so none may be skipped. */
function checkRecordColumns(reading: Reading, report: Report): void {
  const { draft } = reading;
  reading.columns.forEach((column, index) => {
    const expected = draft.labelColumn + 1 + index;
    if (column.line !== expected) {
      report(
        'init-label-missing',
        draft.table.rowLocations[draft.headerRow]!,
        `Column ${expected + 1} of table ${draft.table.index + 1} has no label and no cells; a record table's columns are read in order, so delete the empty column from the source.`,
      );
    }
  });
}

/** Where a doubt is reported: at the cell that raised it, with the table or column as related; else at the table or column. */
function doubtAt(doubt: Doubt, whole: Location, what: string): { at: Location; related?: Diagnostic['related'] } {
  return doubt.at === undefined ? { at: whole } : { at: doubt.at, related: [{ ...whole, message: what }] };
}

/**
 * The few cells of a mark table (or a record table's mark column) that are
 * neither marks nor yes/no words: each is an error at its cell, since the
 * table's facts are marks and this one cannot be read.
 */
function reportOutliers(reading: Reading, guess: TableGuess, table: { id: string; pointer: string; locale: string; configPath: string }, report: Report): void {
  const { draft } = reading;
  const name = `Table ${draft.table.index + 1} ("${table.id}")`;
  const words = yesNoWords(table.locale) ?? yesNoWords('en')!;
  const yesNo = `"${words.yes[0]}", "${words.no[0]}"`;
  const marks =
    guess.shape === 'matrix'
      ? [{ cell: guess.cell, cells: draft.cells.flat(), where: 'table', pointer: `${table.pointer}/cell` }]
      : guess.columns.map((column, index) => ({
          cell: column.cell,
          cells: draft.cells[index]!,
          where: 'column',
          pointer: `${table.pointer}/columns/${index}/cell`,
        }));
  for (const { cell, cells, where, pointer } of marks) {
    if (cell.type !== 'mark') continue;
    for (const outlier of cell.outliers) {
      const column = reading.columns[draft.cells.findIndex((column) => column.includes(outlier))];
      const place = [outlier.row ? `row "${outlier.row}"` : undefined, column ? `column "${column.label}"` : undefined].filter((part) => part !== undefined);
      report(
        'init-value-unknown',
        outlier.location,
        `${name}${place.length > 0 ? `, ${place.join(', ')}` : ''}: "${outlier.text}" is neither a mark (a check mark such as ✔, a blank, or "—" for false) nor a yes/no word (${yesNo}), while ${cells.length - cell.outliers.length} of the ${where}'s ${cells.length} cells are, so the ${where} is read as marks and this cell states no fact. Correct the cell in the source and run init again. If the column really holds words, edit "cell" at ${pointer} in ${table.configPath} (init writes it once the cell is corrected).`,
      );
    }
  }
}

/**
 * A chart split by columns over consecutive tables (six operations, then
 * three more) is one table that is `continued`: the tables are matrices of
 * one cell type other than text with the same rows and no column in common.
 * It is a guess, flagged for review.
 */
function mergeContinued(readings: Reading[], guesses: TableGuess[]): Reading[] {
  const result: Reading[] = [];
  // A one-column part of a split chart is read as a record of one column.
  const cellType = (guess: TableGuess | undefined): string | undefined =>
    guess?.shape === 'matrix' ? guess.cell.type : guess?.columns.length === 1 ? guess.columns[0]!.cell.type : undefined;
  let last: { reading: Reading; type: string | undefined; index: number } | undefined;
  readings.forEach((reading, index) => {
    const type = cellType(guesses[index]);
    const previous = last?.reading;
    // Text tables with the same rows are more often tables of their own (descriptions, notes) than one split chart.
    const continues =
      previous !== undefined &&
      type !== undefined &&
      type !== 'text' &&
      type === last!.type &&
      reading.draft.table.index === readings[last!.index]!.draft.table.index + 1 &&
      sameIds(reading.rows, previous.rows) &&
      !reading.columns.some((column) =>
        previous.columns.some((other) => other.id === column.id || normalizeLabel(other.label) === normalizeLabel(column.label)),
      );
    if (continues) {
      const joined: Reading = {
        draft: { ...previous.draft, columns: [...previous.draft.columns, ...reading.draft.columns], cells: [...previous.draft.cells, ...reading.draft.cells] },
        rows: previous.rows,
        columns: [...previous.columns, ...reading.columns],
        continuedTo: reading.draft.table.index,
      };
      result[result.length - 1] = joined;
      last = { reading: joined, type, index };
      return;
    }
    result.push(reading);
    last = { reading, type, index };
  });
  return result;
}

function sameIds(a: readonly Labelled[], b: readonly Labelled[]): boolean {
  return a.length === b.length && a.every((label, index) => label.id === b[index]!.id);
}

function sideKey(table: number, side: 'rows' | 'columns'): string {
  return `${table}:${side}`;
}

/**
 * Guesses every table's shape. A ref cell may name a table's column labels
 * only if that table is a matrix (a record's columns are no axis), so the
 * guesses are repeated without the column labels of record tables until none
 * is left.
 */
function guessShapes(readings: Reading[], locale: string): TableGuess[] {
  const words = yesNoWords(locale);
  const english = yesNoWords('en')!;
  const candidates: AxisCandidate[] = [];
  readings.forEach((reading, table) => {
    candidates.push({ table, side: 'rows', labels: new Map(reading.rows.map((row) => [normalizeLabel(row.label), row.id])) });
    if (reading.columns.length >= 2)
      candidates.push({ table, side: 'columns', labels: new Map(reading.columns.map((column) => [normalizeLabel(column.label), column.id])) });
  });
  let valid = candidates;
  for (;;) {
    const guesses = readings.map((reading) =>
      guessTable(
        reading.draft.cells,
        reading.columns.map((column) => column.label),
        { yes: words?.yes ?? [], no: words?.no ?? [], englishYes: english.yes, englishNo: english.no, candidates: valid },
      ),
    );
    const left = valid.filter((candidate) => candidate.side === 'rows' || guesses[candidate.table]!.shape === 'matrix');
    if (left.length === valid.length) return guesses;
    valid = left;
  }
}

/** Axes: the label sets of rows and matrix columns, one axis for sets with the same ids, named from the corner or a heading. */
function buildAxes(
  readings: Reading[],
  guesses: TableGuess[],
  locale: string,
  configPath: string,
  termsPath: string,
): { list: AxisDraft[]; ofSide: Map<string, AxisDraft>; doubts: ReviewNote[]; taken: Set<string> } {
  const list: AxisDraft[] = [];
  const doubts: ReviewNote[] = [];
  const ofSide = new Map<string, AxisDraft>();
  const english = sameLanguage(locale, 'en');
  const taken = new Set([...RUNTIME_NAMES, MESSAGES_CONSTANT, ...RESERVED_WORDS]);
  const sides: {
    key: string;
    table: number;
    side: 'rows' | 'columns';
    labels: Labelled[];
    names: (string | undefined)[];
    /** The table's corner heading, when it heads these labels (rows). */
    corner?: string;
    fallback: string;
    what: string;
    location: Location;
    complete: boolean;
  }[] = [];
  readings.forEach((reading, index) => {
    const { draft } = reading;
    const corner = draft.corner?.label;
    const heading = draft.table.heading;
    // A heading names the rows when it ends in the corner's noun ("Tracked Order States" over "State").
    const headingForRows = heading !== undefined && corner !== undefined && sameNoun(heading, corner) ? heading : undefined;
    const at = { location: draft.table.location, table: `table ${draft.table.index + 1}` };
    const guess = guesses[index]!;
    const complete = guess.shape === 'matrix' && guess.cell.type === 'mark';
    sides.push({
      key: sideKey(index, 'rows'),
      table: index,
      side: 'rows',
      labels: reading.rows,
      ...(corner !== undefined ? { corner } : {}),
      names: [corner, headingForRows],
      fallback: 'rows',
      what: `rows of ${at.table}`,
      location: at.location,
      complete,
    });
    if (guesses[index]!.shape === 'matrix') {
      sides.push({
        key: sideKey(index, 'columns'),
        table: index,
        side: 'columns',
        labels: reading.columns,
        names: [draft.groupHeading, english ? columnsFromHeading(heading, corner) : undefined],
        fallback: 'columns',
        what: `columns of ${at.table}`,
        location: at.location,
        complete,
      });
    }
  });
  for (const side of sides) {
    const ids = [...new Set(side.labels.map((label) => label.id))];
    const within = (inner: readonly string[], outer: readonly string[]): boolean => inner.every((id) => outer.includes(id));
    // The same ids are one axis; ids among another axis's (or the other way round) share it too, as a guess.
    // A mark table states every row × column of its axes (the build checks it), so its axis cannot grow past its own labels.
    const same =
      list.find((axis) => axis.config.ids.length === ids.length && within(ids, axis.config.ids)) ??
      list.find((axis) => (within(ids, axis.config.ids) && !side.complete) || (within(axis.config.ids, ids) && !axis.complete));
    if (same) {
      if (same.config.ids.length !== ids.length || !within(ids, same.config.ids)) {
        const how = within(ids, same.config.ids) ? `are all ids of the axis "${same.name}"` : `include every id of the axis "${same.name}"`;
        doubts.push({
          at: side.location,
          message: `The ${side.what} ${how}, so they share it; if they are different things, give them an axis of their own in ${configPath}.`,
        });
        // A larger set gives the axis its order.
        if (!within(ids, same.config.ids)) same.config.ids = ids;
      }
      for (const label of side.labels) {
        const first = same.labels.get(label.id);
        if (!first) {
          same.labels.set(label.id, label);
          continue;
        }
        if (first !== label && normalizeLabel(first.label) !== normalizeLabel(label.label))
          same.variants.set(label.id, [...(same.variants.get(label.id) ?? []), label]);
        first.doubts.push(...label.doubts.filter((doubt) => !first.doubts.includes(doubt)));
      }
      same.complete ||= side.complete;
      ofSide.set(side.key, same);
      continue;
    }
    // Labels with no name of their own take the corner heading of another table that has the same ids as its rows (plans under "Plan").
    const sameIds = (other: (typeof sides)[number]): boolean => {
      const otherIds = new Set(other.labels.map((label) => label.id));
      return otherIds.size === ids.length && within(ids, [...otherIds]);
    };
    const borrowed = sides
      .filter((other) => other.table !== side.table && other.side === 'rows' && other.corner !== undefined && sameIds(other))
      .flatMap((other) => other.names);
    const names = axisName(side.names, borrowed, side.fallback, english, (name) => list.some((axis) => axis.name === name), taken);
    if (names.placeholder) {
      const headings = side.names.filter((phrase) => phrase !== undefined).map((phrase) => `"${phrase}"`);
      const how =
        headings.length > 0
          ? `${headings.join(' and ')} ${headings.length === 1 ? 'makes' : 'make'} no name: one needs one to four words in letters A–Z`
          : side.side === 'rows'
            ? 'no corner heading, and no other table lists them as rows under one'
            : `no heading row over them, ${english ? 'no table heading "<rows> by <columns>", ' : ''}and no other table lists them as rows under a corner heading`;
      doubts.push({
        at: side.location,
        message: `The ${side.what} have no name (${how}), so their axis is called "${names.name}" (type ${names.type}, constant ${names.constant}), a placeholder. Rename it in ${configPath} (the key "${names.name}" under "axes", its "noun", "type" and "constant", and every "rows", "columns" or "axis" that names it) and in ${termsPath} (the key "${names.name}" under "axes").`,
      });
    }
    const axis: AxisDraft = {
      name: names.name,
      config: { ids, noun: names.noun, type: names.type, constant: names.constant },
      labels: new Map(),
      variants: new Map(),
      complete: side.complete,
    };
    for (const label of side.labels) if (!axis.labels.has(label.id)) axis.labels.set(label.id, label);
    taken.add(names.type).add(names.constant).add(`is${names.type}`);
    list.push(axis);
    ofSide.set(side.key, axis);
  }
  return { list, ofSide, doubts, taken };
}

/** Whether two English phrases end in the same noun, singular or plural ("Service states", "State"). */
function sameNoun(a: string, b: string): boolean {
  const last = (phrase: string): string | undefined => {
    const words = asciiWords(phrase).words;
    return words.length === 0 ? undefined : singularize(words[words.length - 1]!).toLowerCase();
  };
  return last(a) !== undefined && last(a) === last(b);
}

/**
 * The column noun of an English heading "<rows> by <columns>" or the other
 * way round, told apart by the corner: "Features by tier" over "Feature" →
 * "tier"; "Operations by state" over "Service state" → "Operations".
 */
function columnsFromHeading(heading: string | undefined, corner: string | undefined): string | undefined {
  const parts = /^(.+?)\s+(?:by|per)\s+(.+)$/i.exec(heading ?? '');
  if (!parts || corner === undefined) return undefined;
  if (sameNoun(parts[1]!, corner)) return parts[2];
  if (sameNoun(parts[2]!, corner)) return parts[1];
  return undefined;
}

interface AxisNames {
  name: string;
  noun: string;
  type: string;
  constant: string;
}

/**
 * The first phrase of one to four words that makes a free name ("Service
 * state" → serviceStates, ServiceState, SERVICE_STATES), else the fallback
 * numbered. The borrowed phrases (another table's heading for the same ids)
 * are used only when none of the axis's own phrases makes a name. A name
 * from the fallback is a placeholder.
 */
function axisName(
  own: (string | undefined)[],
  borrowed: (string | undefined)[],
  fallback: string,
  english: boolean,
  nameTaken: (name: string) => boolean,
  taken: ReadonlySet<string>,
): AxisNames & { placeholder: boolean } {
  const named = axisNameFrom(own, english, nameTaken, taken) ?? axisNameFrom(borrowed, english, nameTaken, taken);
  return named ? { ...named, placeholder: false } : { ...numbered(namesOf([fallback], true), nameTaken, taken), placeholder: true };
}

/** A name from the first usable phrase, numbered when taken; undefined when no phrase makes a name. */
function axisNameFrom(
  phrases: (string | undefined)[],
  english: boolean,
  nameTaken: (name: string) => boolean,
  taken: ReadonlySet<string>,
): AxisNames | undefined {
  const usable = phrases.flatMap((phrase) => {
    const words = phrase === undefined ? [] : asciiWords(phrase).words;
    return words.length === 0 || words.length > MAX_NAME_WORDS ? [] : [namesOf(words, english)];
  });
  const found = usable.find((names) => freeName(names, nameTaken, taken));
  if (found) return found;
  // Taken: the first phrase's name numbered (powerStates2).
  const base = usable.find(validName);
  return base ? numbered(base, nameTaken, taken) : undefined;
}

/** Room is left for a number: a name that is taken is numbered. */
function validName(names: AxisNames): boolean {
  return NAME_PATTERN.test(names.name) && names.name.length <= MAX_NAME_LENGTH - 5 && !RESERVED_NAMES.has(names.name) && /^[A-Z][A-Za-z0-9]*$/.test(names.type);
}

function freeName(names: AxisNames, nameTaken: (name: string) => boolean, taken: ReadonlySet<string>): boolean {
  return validName(names) && !nameTaken(names.name) && ![names.type, names.constant, `is${names.type}`].some((name) => taken.has(name));
}

/** `base`, or base2, base3… (rows2, ROWS_2): the first that is free. */
function numbered(base: AxisNames, nameTaken: (name: string) => boolean, taken: ReadonlySet<string>): AxisNames {
  if (freeName(base, nameTaken, taken)) return base;
  for (let n = 2; ; n++) {
    const names = { ...base, name: `${base.name}${n}`, type: `${base.type}${n}`, constant: `${base.constant}_${n}` };
    if (freeName(names, nameTaken, taken)) return names;
  }
}

function namesOf(words: string[], english: boolean): AxisNames {
  const last = words[words.length - 1]!;
  const singular = english ? [...words.slice(0, -1), singularize(last)] : words;
  const plural = english ? [...words.slice(0, -1), pluralize(singularize(last))] : words;
  const pascal = (list: string[]): string => list.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  const name = lowerCamel(pascal(plural));
  const noun = singular.map((word) => (/^[A-Z0-9]{2,}$/.test(word) ? word : word.toLowerCase())).join(' ');
  return { name, noun, type: pascal(singular), constant: upperSnake(name) };
}

/** Table ids from their headings ("Features by tier" → featuresByTier), else table1, table2… by position. */
function nameTables(readings: Reading[]): string[] {
  const names: string[] = [];
  for (const { draft } of readings) {
    const words = draft.table.heading === undefined ? [] : asciiWords(draft.table.heading).words;
    const fromHeading =
      words.length > 0 && words.length <= MAX_TABLE_NAME_WORDS
        ? lowerCamel(words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(''))
        : undefined;
    names.push(unique(configName(fromHeading, `table${draft.table.index + 1}`), (name) => names.includes(name)));
  }
  return names;
}

/** `candidate` when it is a config name with room for a number, else `fallback`. */
function configName(candidate: string | undefined, fallback: string): string {
  return candidate !== undefined && NAME_PATTERN.test(candidate) && candidate.length <= MAX_NAME_LENGTH - 5 ? candidate : fallback;
}

/** `name`, or name2, name3…: the first that is not taken and not a reserved name. */
function unique(name: string, taken: (name: string) => boolean): string {
  const free = (candidate: string): boolean => !taken(candidate) && !RESERVED_NAMES.has(candidate);
  if (free(name)) return name;
  for (let n = 2; ; n++) if (free(`${name}${n}`)) return `${name}${n}`;
}

/** The value ids of an enum: each value's most written spelling, as an id (Value1… when it has no ASCII letters). */
function valueIds(guess: EnumGuess): Map<string, Labelled> {
  const result = new Map<string, Labelled>();
  [...guess.values.entries()].forEach(([key, spellings], position) => {
    const label = mostWritten(spellings);
    const made = idFromLabel(label);
    const doubts: string[] = [];
    let id: string;
    if ('problem' in made) {
      id = `Value${position + 1}`;
      doubts.push(`${made.problem}, so its id is ${id}; rename the id in spec.config.json and in the terms`);
    } else {
      id = made.id;
      if (made.doubt !== undefined) doubts.push(made.doubt);
    }
    if (guess.thin) doubts.push('the column is read as a closed set of values (enum) from few cells; check that it is one');
    result.set(key, { label, location: spellings.location, line: 0, part: 0, id, doubts });
  });
  return result;
}

function mostWritten(spellings: Spellings): string {
  let best = '';
  let most = 0;
  for (const [written, times] of spellings.written) {
    if (times > most) {
      best = written;
      most = times;
    }
  }
  return best;
}

/**
 * The terms' words for true and false, from every mark table that writes
 * words: the most written spelling, the others as variants, and the
 * language's built-in word where the cells use only the other one. None when
 * the marks are check marks and blanks.
 */
function markWords(guesses: TableGuess[], locale: string): Map<'true' | 'false', { label: Labelled; variants: string[] }> | undefined {
  const marks: MarkGuess[] = [];
  for (const guess of guesses) {
    const cells = guess.shape === 'matrix' ? [guess.cell] : guess.columns.map((column) => column.cell);
    for (const cell of cells) if (cell.type === 'mark') marks.push(cell);
  }
  const merge = (which: 'yes' | 'no'): Map<string, Spellings> => {
    const merged = new Map<string, Spellings>();
    for (const mark of marks) {
      for (const [key, spellings] of mark[which]) {
        const into = merged.get(key) ?? { written: new Map<string, number>(), location: spellings.location };
        for (const [written, times] of spellings.written) into.written.set(written, (into.written.get(written) ?? 0) + times);
        merged.set(key, into);
      }
    }
    return merged;
  };
  const yes = merge('yes');
  const no = merge('no');
  const hasWords = (spellings: Map<string, Spellings>): boolean =>
    [...spellings.values()].some((entry) => [...entry.written.keys()].some((word) => /[\p{L}]/u.test(word)));
  if (yes.size === 0 && no.size === 0) return undefined;
  const english = marks.some((mark) => mark.english);
  const builtIn = yesNoWords(locale) ?? (english ? yesNoWords('en') : undefined);
  const result = new Map<'true' | 'false', { label: Labelled; variants: string[] }>();
  const add = (id: 'true' | 'false', spellings: Map<string, Spellings>, fallback: string | undefined, needed: boolean): void => {
    const written = [...spellings.values()].sort((a, b) => total(b) - total(a));
    const doubts =
      english && !sameLanguage(locale, 'en')
        ? [
            `the cells write the English "${id === 'true' ? 'Yes' : 'No'}" in a ${locale} reference; write the ${locale} word here if the article should use one`,
          ]
        : [];
    if (written.length > 0) {
      const label = mostWritten(written[0]!);
      result.set(id, { label: { label, location: written[0]!.location, line: 0, part: 0, id, doubts }, variants: written.slice(1).map(mostWritten) });
    } else if (needed && fallback !== undefined) {
      result.set(id, {
        label: { label: fallback, location: [...(id === 'true' ? no : yes).values()][0]!.location, line: 0, part: 0, id, doubts },
        variants: [],
      });
    }
  };
  add('true', yes, builtIn?.yes[0], hasWords(no));
  add('false', no, builtIn?.no[0], hasWords(yes));
  return result;
}

function total(spellings: Spellings): number {
  let sum = 0;
  for (const times of spellings.written.values()) sum += times;
  return sum;
}

function describeTable(table: TableConfig, guess: TableGuess): string {
  if (guess.shape === 'matrix') return `${table.id}: ${table.rows} × ${table.columns as string}, ${guess.cell.type}`;
  return `${table.id}: ${table.rows} with ${guess.columns.map((column, index) => `${(table.columns as { id: string }[])[index]!.id} (${column.cell.type})`).join(', ')}`;
}
