/**
 * Top-level names of the generated module besides those the spec gives, and the
 * globals it uses; a spec name equal to one would clash with it or shadow it.
 */
export const RUNTIME_NAMES: readonly string[] = [
  'Object',
  'Error',
  'Set',
  'ReadonlySet',
  'Readonly',
  'Record',
  'Partial',
  'LOCALES',
  'Locale',
  'REFERENCE_LOCALE',
  'resolveLocale',
  'hasOwn',
  'Texts',
  'Store',
  'cellOf',
  'marked',
  'listOf',
  'localized',
  'wordOf',
  'Reader',
  'TableReader',
  'READERS',
  'readerOf',
  'TABLES',
  'CellValues',
  'TableId',
  'RowOf',
  'ColumnOf',
  'CellValue',
  'lookup',
  'text',
];

/** Names the runtime declares when a table asks for them: an assert's message texts. */
export const MESSAGES_CONSTANT = 'MESSAGES';
