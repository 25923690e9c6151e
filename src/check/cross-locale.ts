import type { SourceAnalysis } from '../align/analyze.js';
import { DEFAULT_MARKS, sameValue } from '../align/cells.js';
import { cellKey, describeValue } from '../align/tables.js';
import { type Diagnostic, diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { normalizeLabel, sameLanguage } from '../load/terms.js';
import { type CellConfig, columnCell, isMatrixTable, type SpecConfig } from '../load/types.js';

/** Text cells are prose in each language: only whether they are there is compared across locales. */
const comparable = (cell: CellConfig): boolean => cell.type !== 'text';

/**
 * Compares one source with the reference: every row and column, every
 * comparable cell, the marks and the messages. Each finding names both sides.
 */
export function checkAgainstReference(analysis: SourceAnalysis, reference: SourceAnalysis, config: SpecConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { source } = analysis;
  const base = { spec: config.id, locale: source.locale };
  const fileStart: Location = { file: source.path, line: 1, column: 1 };

  for (const table of config.tables) {
    const mine = analysis.tables.get(table.id);
    const theirs = reference.tables.get(table.id);
    // A source without this table already has its own error; listing every id again adds nothing.
    if (!mine || !theirs || (mine.rows.size === 0 && mine.columns.size === 0)) continue;
    const axes = [['rows', 'row-missing', 'row'], ...(isMatrixTable(table) ? [['columns', 'column-missing', 'column'] as const] : [])] as const;
    for (const [axis, code, noun] of axes) {
      for (const [id, header] of theirs[axis]) {
        if (mine[axis].has(id)) continue;
        diagnostics.push(
          diagnostic(code, {
            ...base,
            at: mine.location,
            message: `Table "${table.id}" of ${source.name} has no ${noun} for ${id}, which the reference has; its cells are unchecked.`,
            related: [{ ...header.location, message: `The reference ${noun} "${header.label}".` }],
          }),
        );
      }
    }
    for (const row of theirs.rows.keys()) {
      if (!mine.rows.has(row)) continue;
      for (const column of theirs.columns.keys()) {
        if (!mine.columns.has(column)) continue;
        const type = columnCell(table, column)!;
        const key = cellKey(row, column);
        const stated = mine.cells.get(key);
        const expected = theirs.cells.get(key);
        if (!comparable(type)) {
          if (expected && !stated) {
            diagnostics.push(
              diagnostic('cell-missing', {
                ...base,
                at: mine.rows.get(row)!.location,
                message: `${row} × ${column} is empty in ${source.name}, but the reference ${reference.source.name} states it; the ${source.locale} docs show the reference text there. Translate the cell.`,
                related: [{ ...expected.cell.location, message: 'The reference cell.' }],
              }),
            );
          }
          continue;
        }
        // A mark cell that could not be read was reported where it is; an absent enum word is a difference.
        if (type.type === 'mark' && (!stated || !expected)) continue;
        if (sameValue(stated?.value, expected?.value) && (stated === undefined) === (expected === undefined)) continue;
        diagnostics.push(
          diagnostic('fact-mismatch', {
            ...base,
            at: stated?.cell.location ?? mine.rows.get(row)!.location,
            message: `${row} × ${column} is ${describeValue(stated)} in ${source.name} but ${describeValue(expected)} in the reference ${reference.source.name}.`,
            related: [{ ...(expected?.cell.location ?? theirs.rows.get(row)!.location), message: `The reference cell (${describeValue(expected)}).` }],
          }),
        );
      }
    }
  }

  diagnostics.push(...unusualMarks(analysis, reference, config));
  diagnostics.push(...missingFootnotes(analysis, reference, config));

  const bothSameLanguage = sameLanguage(source.locale, reference.source.locale);
  for (const [key, rule] of Object.entries(config.messages ?? {})) {
    if (rule.rule === 'terms') continue;
    const found = analysis.messages[key];
    const expected = reference.messages[key];
    if (!found) {
      diagnostics.push(
        diagnostic('message-missing', {
          ...base,
          at: fileStart,
          message: `No ${key} message found in ${source.name} by the "${rule.rule}" rule; the reference text is used for ${source.locale}.`,
          related: expected ? [{ ...expected.location, message: `The reference message "${expected.text}".` }] : [],
        }),
      );
    } else if (!bothSameLanguage && expected && normalizeLabel(found.text) === normalizeLabel(expected.text)) {
      diagnostics.push(
        diagnostic('message-untranslated', {
          ...base,
          at: found.location,
          message: `The ${key} message "${found.text}" is the reference (${reference.source.locale}) text, not ${source.locale}.`,
          related: [{ ...expected.location, message: 'The reference message.' }],
        }),
      );
    }
  }
  return diagnostics;
}

/** One finding per mark the reference never uses for true, at its first cell, counting the cells that use it. */
function unusualMarks(analysis: SourceAnalysis, reference: SourceAnalysis, config: SpecConfig): Diagnostic[] {
  // Only marks count: a yes/no word is the language's, not a choice of symbol.
  const trueCells = (of: SourceAnalysis) =>
    config.tables.flatMap((table) => {
      if (!isMatrixTable(table) || table.cell.type !== 'mark') return [];
      const marks = new Set<string>(table.cell.marks ?? DEFAULT_MARKS);
      return [...(of.tables.get(table.id)?.cells.values() ?? [])].filter((cell) => cell.value === true && marks.has(cell.text));
    });
  const usual = new Set(trueCells(reference).map((cell) => cell.text));
  const byMark = new Map<string, Map<number, Location>>();
  for (const cell of trueCells(analysis)) {
    if (usual.has(cell.text)) continue;
    const cells = byMark.get(cell.text) ?? new Map<number, Location>();
    cells.set(cell.cell.range[0], cell.cell.location);
    byMark.set(cell.text, cells);
  }
  const usualList = [...usual].join(' ');
  return [...byMark].map(([mark, cells]) => {
    const first = [...cells].sort(([a], [b]) => a - b)[0]![1];
    return diagnostic('mark-unusual', {
      spec: config.id,
      locale: analysis.source.locale,
      at: first,
      message: `${analysis.source.name} marks ${cells.size} true cell(s) with "${mark}", which the reference ${reference.source.name} never uses (it writes ${usualList}); they are read as true.`,
    });
  });
}

/** A footnote the reference's table refers to (and gives a text for) that this source gives no text for. */
function missingFootnotes(analysis: SourceAnalysis, reference: SourceAnalysis, config: SpecConfig): Diagnostic[] {
  return config.tables.flatMap((table) => {
    const mine = analysis.tables.get(table.id);
    const theirs = reference.tables.get(table.id);
    if (!mine || !theirs) return [];
    return [...theirs.footnotes]
      .filter(([marker]) => !mine.footnotes.has(marker))
      .map(([marker, text]) =>
        diagnostic('footnote-missing', {
          spec: config.id,
          locale: analysis.source.locale,
          at: mine.location,
          message: `Table "${table.id}" of ${analysis.source.name} has no footnote "${marker}" under it (a paragraph starting with the marker), which the reference has; the ${analysis.source.locale} docs show the reference text.`,
          related: [{ ...text.location, message: `The reference footnote "${text.text}".` }],
        }),
      );
  });
}

/** Findings about a source that do not need the reference. */
export function checkSourceTexts(analysis: SourceAnalysis, config: SpecConfig): Diagnostic[] {
  if (analysis.title) return [];
  return [
    diagnostic('title-missing', {
      spec: config.id,
      locale: analysis.source.locale,
      at: { file: analysis.source.path, line: 1, column: 1 },
      message: `${analysis.source.name} has no "# Title" heading; the reference title is used for ${analysis.source.locale}.`,
    }),
  ];
}
