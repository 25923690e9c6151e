import type { LabelRecord } from '../align/labels.js';
import type { SourceAnalysis } from '../spec/analyze.js';
import { pairKey, type TransitionAnalysis } from '../transitions/analyze.js';

export interface Share {
  /** How many agree (or are translated). */
  count: number;
  total: number;
}

/** How many of the reference's facts a source states the same way; a fact the source lacks disagrees. */
export function matrixAgreement(analysis: SourceAnalysis, reference: SourceAnalysis): Share {
  let count = 0;
  for (const [key, expected] of reference.matrix.facts) {
    if (analysis.matrix.facts.get(key)?.allowed === expected.allowed) count++;
  }
  return { count, total: reference.matrix.facts.size };
}

/**
 * Every cell of the reference's two transition tables, empty ones included:
 * the same resulting state ("during"), the same operations ("before and after").
 */
export function transitionAgreement(analysis: TransitionAnalysis, reference: TransitionAnalysis): Share {
  let count = 0;
  let total = 0;
  const { during, beforeAfter } = reference.axes;
  for (const from of during.rows.keys()) {
    for (const operation of during.columns.keys()) {
      total++;
      const key = pairKey(from, operation);
      const mine = analysis.during.get(key);
      const expected = reference.during.get(key);
      const present = analysis.axes.during.rows.has(from) && analysis.axes.during.columns.has(operation);
      if (present && Boolean(mine) === Boolean(expected) && mine?.to === expected?.to) count++;
    }
  }
  for (const from of beforeAfter.rows.keys()) {
    for (const to of beforeAfter.columns.keys()) {
      total++;
      const key = pairKey(from, to);
      const mine = analysis.beforeAfter.get(key)?.operations.join() ?? '';
      const expected = reference.beforeAfter.get(key)?.operations.join() ?? '';
      const present = analysis.axes.beforeAfter.rows.has(from) && analysis.axes.beforeAfter.columns.has(to);
      if (present && mine === expected) count++;
    }
  }
  return { count, total };
}

/** Header labels that are not the reference language's; undefined for a source in the reference's language. */
export function translatedLabels(labels: readonly LabelRecord[], translated: boolean): Share | undefined {
  if (!translated) return undefined;
  return { count: labels.filter((record) => !record.untranslated).length, total: labels.length };
}
