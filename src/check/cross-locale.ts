import { factKey, markWord } from '../align/matrix.js';
import { diagnostic, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { normalizeLabel, sameLanguage } from '../load/terms.js';
import type { MatrixConfig } from '../load/types.js';
import type { SourceAnalysis } from '../spec/analyze.js';

/**
 * Compares one source with the reference: every fact, every state and
 * operation, and the messages. Each finding names both sides.
 */
export function checkAgainstReference(analysis: SourceAnalysis, reference: SourceAnalysis, config: MatrixConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { matrix, source } = analysis;
  const base = { spec: config.id, locale: source.locale };
  const fileStart: Location = { file: source.path, line: 1, column: 1 };
  const firstHeader = [...matrix.operations.values(), ...matrix.states.values()][0]?.location ?? fileStart;

  // A source with no readable table already has its own error; listing every id again adds nothing.
  const hasChart = matrix.states.size > 0 || matrix.operations.size > 0;
  for (const [axis, code, noun] of [
    ['states', 'state-missing', 'row'],
    ['operations', 'operation-missing', 'column'],
  ] as const) {
    if (!hasChart) break;
    const missing = config[axis].filter((id) => !matrix[axis].has(id));
    for (const id of missing) {
      const referenceHeader = reference.matrix[axis].get(id);
      diagnostics.push(
        diagnostic(code, {
          ...base,
          at: firstHeader,
          message: `${source.name} has no ${noun} for ${id}, which the reference has; its facts are unchecked.`,
          related: referenceHeader ? [{ ...referenceHeader.location, message: `The reference ${noun} "${referenceHeader.label}".` }] : [],
        }),
      );
    }
  }

  for (const state of config.states) {
    for (const operation of config.operations) {
      const key = factKey(state, operation);
      const stated = matrix.facts.get(key);
      const expected = reference.matrix.facts.get(key);
      if (!stated || !expected || stated.allowed === expected.allowed) continue;
      diagnostics.push(
        diagnostic('fact-mismatch', {
          ...base,
          at: stated.cell.location,
          message: `${state} × ${operation} is ${markWord(stated.allowed)} here but ${markWord(expected.allowed)} in the reference ${reference.source.name}.`,
          related: [{ ...expected.cell.location, message: `The reference cell (${markWord(expected.allowed)}).` }],
        }),
      );
    }
  }

  diagnostics.push(...unusualMarks(analysis, reference, config));

  const bothSameLanguage = sameLanguage(source.locale, reference.source.locale);
  for (const key of Object.keys(config.messages)) {
    const found = analysis.messages[key];
    const expected = reference.messages[key];
    if (!found) {
      diagnostics.push(
        diagnostic('message-missing', {
          ...base,
          at: fileStart,
          message: `No ${key} message found in ${source.name} by the "${config.messages[key]!.rule}" rule; the reference text is used for ${source.locale}.`,
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

/** One finding per mark the reference never uses, at its first cell, counting the cells that use it. */
function unusualMarks(analysis: SourceAnalysis, reference: SourceAnalysis, config: MatrixConfig): Diagnostic[] {
  const usual = new Set([...reference.matrix.facts.values()].filter((fact) => fact.allowed).map((fact) => fact.cell.text.trim()));
  const byMark = new Map<string, Map<number, Location>>();
  for (const fact of analysis.matrix.facts.values()) {
    const mark = fact.cell.text.trim();
    if (!fact.allowed || usual.has(mark)) continue;
    const cells = byMark.get(mark) ?? new Map<number, Location>();
    cells.set(fact.cell.range[0], fact.cell.location);
    byMark.set(mark, cells);
  }
  const usualList = [...usual].join(' ');
  return [...byMark].map(([mark, cells]) => {
    const first = [...cells].sort(([a], [b]) => a - b)[0]![1];
    return diagnostic('mark-unusual', {
      spec: config.id,
      locale: analysis.source.locale,
      at: first,
      message: `${analysis.source.name} marks ${cells.size} allowed cell(s) with "${mark}", which the reference ${reference.source.name} never uses (it writes ${usualList}); they are read as allowed.`,
    });
  });
}

/** Findings about a source that do not need the reference. */
export function checkSourceTexts(analysis: SourceAnalysis, config: MatrixConfig): Diagnostic[] {
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
