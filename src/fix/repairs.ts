import type { Code } from '../diagnostics/codes.js';

/**
 * The findings `statespec fix` repairs, in translated sources only (never in
 * a version of the reference locale), and how. After a fix none of these is
 * reported for a fixed source; the stage checks that itself by reading the
 * fixed text again, and refuses a source where it would not hold.
 */
export const REPAIRS = {
  'label-mistranslated':
    'the label or value word a reviewed mistake records becomes the reviewed term of its id (headers, value words, ref targets, labels named in mentions)',
  'label-untranslated': "the reference language's label becomes the locale's reviewed term (headers, ref targets, labels named in mentions)",
  'value-untranslated': "the reference language's value word becomes the locale's word for the same value",
  'mark-unusual': 'a check mark the reference never uses becomes the mark the reference uses (the one this table already uses, if it uses one of them)',
  'row-cell-count': "blank cells past the header row's width are removed",
  'fact-mismatch':
    "a mark or enum cell that states another value than the reference gets the locale's mark or word for the reference's value (ref, mentions and text cells are left alone)",
} as const satisfies Partial<Record<Code, string>>;

export type RepairedCode = keyof typeof REPAIRS;

export const REPAIRED_CODES = Object.keys(REPAIRS) as RepairedCode[];
