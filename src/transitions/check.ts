import { diagnostic, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import type { TransitionConfig } from '../load/types.js';
import { pairKey, type TransitionAnalysis } from './analyze.js';

const describeTarget = (to: string | undefined, text: string): string => (to === undefined ? `"${text}" (no state)` : to);

/** Compares one source of a transition article with the reference, cell by cell. */
export function checkTransitionsAgainstReference(analysis: TransitionAnalysis, reference: TransitionAnalysis, config: TransitionConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const base = { spec: config.id, locale: analysis.source.locale };
  const fileStart: Location = { file: analysis.source.path, line: 1, column: 1 };
  const name = analysis.source.name;
  const referenceName = reference.source.name;

  for (const group of config.stateGroups) {
    const own = analysis.descriptions.get(group.id);
    if (!own) continue;
    for (const [id, described] of reference.descriptions.get(group.id) ?? []) {
      if (own.has(id)) continue;
      diagnostics.push(
        diagnostic('state-missing', {
          ...base,
          at: analysis.headings.get(group.id)?.location ?? fileStart,
          message: `The ${group.id} states table of ${name} does not describe ${id}, which the reference describes.`,
          related: [{ ...described.cell.location, message: 'The reference description.' }],
        }),
      );
    }
  }

  for (const kind of ['during', 'beforeAfter'] as const) {
    const own = analysis.axes[kind];
    const theirs = reference.axes[kind];
    if (own.rows.size === 0 && own.columns.size === 0) continue;
    for (const [axis, code, noun] of [
      ['rows', 'state-missing', 'row'],
      ['columns', kind === 'during' ? 'operation-missing' : 'state-missing', 'column'],
    ] as const) {
      for (const [id, header] of theirs[axis]) {
        if (own[axis].has(id)) continue;
        diagnostics.push(
          diagnostic(code, {
            ...base,
            at: analysis.headings.get(kind)?.location ?? fileStart,
            message: `The ${kind === 'during' ? '"during an operation"' : '"before and after"'} table of ${name} has no ${noun} for ${id}; its cells are unchecked.`,
            related: [{ ...header.location, message: `The reference ${noun} "${header.label}".` }],
          }),
        );
      }
    }
  }

  // "during": the resulting state of every cell, and whether the cell is filled at all.
  for (const from of reference.axes.during.rows.keys()) {
    if (!analysis.axes.during.rows.has(from)) continue;
    for (const operation of reference.axes.during.columns.keys()) {
      if (!analysis.axes.during.columns.has(operation)) continue;
      const key = pairKey(from, operation);
      const mine = analysis.during.get(key);
      const expected = reference.during.get(key);
      if (!mine && !expected) continue;
      if (mine && expected && mine.to === expected.to) continue;
      const at = mine?.cell.location ?? analysis.axes.during.rows.get(from)!.location;
      const stated = mine ? `leads to ${describeTarget(mine.to, mine.text)}` : 'is empty';
      const wanted = expected ? `leads to ${describeTarget(expected.to, expected.text)}` : 'is empty';
      diagnostics.push(
        diagnostic('fact-mismatch', {
          ...base,
          at,
          message: `${from} × ${operation} ${stated} in ${name} but ${wanted} in the reference ${referenceName}.`,
          related: [{ ...(expected?.cell.location ?? reference.axes.during.rows.get(from)!.location), message: 'The reference cell.' }],
        }),
      );
    }
  }

  // "before and after": which operations lead from one state to the other.
  for (const from of reference.axes.beforeAfter.rows.keys()) {
    if (!analysis.axes.beforeAfter.rows.has(from)) continue;
    for (const to of reference.axes.beforeAfter.columns.keys()) {
      if (!analysis.axes.beforeAfter.columns.has(to)) continue;
      const key = pairKey(from, to);
      const mine = analysis.beforeAfter.get(key);
      const expected = reference.beforeAfter.get(key);
      if (!mine && !expected) continue;
      if (mine && expected && mine.operations.join() === expected.operations.join()) continue;
      const list = (ops: string[] | undefined): string => (ops === undefined ? 'empty' : ops.length === 0 ? 'no operation' : ops.join(', '));
      diagnostics.push(
        diagnostic('fact-mismatch', {
          ...base,
          at: mine?.cell.location ?? analysis.axes.beforeAfter.rows.get(from)!.location,
          message: `${from} → ${to} names ${list(mine?.operations)} in ${name} but ${list(expected?.operations)} in the reference ${referenceName}.`,
          related: [{ ...(expected?.cell.location ?? reference.axes.beforeAfter.rows.get(from)!.location), message: 'The reference cell.' }],
        }),
      );
    }
  }
  return diagnostics;
}

/**
 * Checks the tables of one article against each other: states used in the
 * transition tables but never described (and the reverse), and operations that
 * the two transition tables send to different states. Every finding names both cells.
 */
export function checkTransitionTables(analysis: TransitionAnalysis, config: TransitionConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const base = { spec: config.id, locale: analysis.source.locale };
  const groupId = config.transitions.during.stateGroup;
  const described = analysis.descriptions.get(groupId) ?? new Map();
  const used = new Map<string, Location>();
  for (const axes of [analysis.axes.during, analysis.axes.beforeAfter]) {
    for (const [id, header] of axes.rows) if (!used.has(id)) used.set(id, header.location);
  }
  for (const [id, header] of analysis.axes.beforeAfter.columns) if (!used.has(id)) used.set(id, header.location);
  for (const cell of analysis.during.values()) if (cell.to !== undefined && !used.has(cell.to)) used.set(cell.to, cell.cell.location);
  const describedAt = analysis.headings.get(groupId)?.location;
  for (const [id, location] of used) {
    if (described.has(id)) continue;
    diagnostics.push(
      diagnostic('state-undescribed', {
        ...base,
        at: location,
        message: `${id} is used in the transition tables but the ${groupId} states table does not describe it.`,
        related: describedAt ? [{ ...describedAt, message: `The ${groupId} states table.` }] : [],
      }),
    );
  }
  for (const [id, description] of described) {
    if (used.has(id)) continue;
    diagnostics.push(
      diagnostic('state-undescribed', {
        ...base,
        at: description.cell.location,
        message: `${id} is described but appears in no transition table.`,
        related: [{ ...(analysis.headings.get('during')?.location ?? description.cell.location), message: 'The "during an operation" table.' }],
      }),
    );
  }

  // Where does each (state, operation) lead? "during" says it in one cell; "before and after" by the column the operation is named in.
  for (const cell of analysis.during.values()) {
    const named = [...analysis.beforeAfter.values()].filter((other) => other.from === cell.from && other.operations.includes(cell.operation));
    const agreeing = named.some((other) => other.to === cell.to);
    if (agreeing || cell.to === undefined) continue;
    const elsewhere = named[0];
    diagnostics.push(
      diagnostic('transition-disagreement', {
        ...base,
        at: cell.cell.location,
        message: elsewhere
          ? `${cell.from} × ${cell.operation} leads to ${cell.to} in the "during" table, but the "before and after" table puts ${cell.operation} under ${elsewhere.to}.`
          : `${cell.from} × ${cell.operation} leads to ${cell.to} in the "during" table, but the "before and after" table names ${cell.operation} nowhere in the ${cell.from} row.`,
        related: [
          elsewhere
            ? { ...elsewhere.cell.location, message: `The "before and after" cell ${cell.from} → ${elsewhere.to}: "${elsewhere.text}".` }
            : { ...(analysis.axes.beforeAfter.rows.get(cell.from)?.location ?? cell.cell.location), message: `The ${cell.from} row of the "before and after" table.` },
        ],
      }),
    );
  }
  for (const other of analysis.beforeAfter.values()) {
    for (const operation of other.operations) {
      const cell = analysis.during.get(pairKey(other.from, operation));
      if (cell && (cell.to === other.to || cell.to === undefined)) continue;
      const agreeing = cell && [...analysis.beforeAfter.values()].some((x) => x.from === cell.from && x.to === cell.to && x.operations.includes(operation));
      // Without an agreeing cell, the "during" side above has already reported this pair.
      if (cell && !agreeing) continue;
      diagnostics.push(
        diagnostic('transition-disagreement', {
          ...base,
          at: other.cell.location,
          message: cell
            ? `"${other.text}" puts ${operation} from ${other.from} under ${other.to}, but the "during" table says it leads to ${cell.to}.`
            : `"${other.text}" names ${operation} from ${other.from} to ${other.to}, but the "during" table has no ${other.from} × ${operation} cell.`,
          related: [
            cell
              ? { ...cell.cell.location, message: `The "during" cell ${other.from} × ${operation}.` }
              : { ...(analysis.axes.during.rows.get(other.from)?.location ?? other.cell.location), message: `The ${other.from} row of the "during" table.` },
          ],
        }),
      );
    }
  }
  return diagnostics;
}
