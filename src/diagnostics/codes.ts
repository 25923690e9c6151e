/**
 * The one table of diagnostic codes. A code that is not a key here does not
 * compile, and a test makes sure every code is produced by some fixture.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface CodeDefinition {
  readonly severity: Severity;
  /** One line for the README and SARIF rule metadata. */
  readonly summary: string;
  /** What the user should do about it. */
  readonly help: string;
}

export const CODES = {
  // --- project layout, configuration, terms -------------------------------
  'config-missing': {
    severity: 'error',
    summary: 'A spec folder has no spec.config.json.',
    help: 'Add sources/<spec-id>/spec.config.json (see the README).',
  },
  'json-syntax': {
    severity: 'error',
    summary: 'A JSON file (config or terms) is not valid JSON.',
    help: 'Fix the JSON syntax at the reported position.',
  },
  'config-invalid': {
    severity: 'error',
    summary: 'spec.config.json does not match schema/config.schema.json.',
    help: 'Fix the value at the reported position; the message names the rule it breaks.',
  },
  'terms-invalid': {
    severity: 'error',
    summary: 'A terms file does not match schema/terms.schema.json or names an unknown id.',
    help: 'Fix the value at the reported position.',
  },
  'terms-missing': {
    severity: 'error',
    summary: 'A locale has sources but no terms file.',
    help: 'Create terms/<locale>.json with a label for every id of every axis (statespec locale add writes one).',
  },
  'terms-incomplete': {
    severity: 'warning',
    summary: 'A terms file has no label for some id; docs fall back to the reference label.',
    help: 'Add the missing id with its label in this language.',
  },
  'terms-ambiguous': {
    severity: 'error',
    summary: 'Two ids of one axis share a label in a terms file, so the label cannot be resolved.',
    help: 'Give each id its own label; keep shared wording out of the variants.',
  },
  'source-name': {
    severity: 'error',
    summary: 'A source file name is not <locale>[.<variant>].md with a valid BCP 47 tag.',
    help: 'Rename the file, e.g. en-US.md or en-US.2014.md.',
  },
  'source-duplicate': {
    severity: 'error',
    summary: 'Two source files claim the same locale and variant.',
    help: 'Remove one of them or give it a distinct variant.',
  },
  'source-encoding': {
    severity: 'error',
    summary: 'A source, config or terms file is not valid UTF-8 text (it is UTF-16, another encoding, or holds NUL bytes).',
    help: 'Save the file as UTF-8 (without NUL bytes).',
  },
  'source-empty': {
    severity: 'error',
    summary: 'A source file is empty or holds only whitespace.',
    help: 'Restore the document, or delete the file if the locale is gone.',
  },
  'source-too-large': {
    severity: 'error',
    summary: 'A file under sources/ is larger than the size limit, so it is not read.',
    help: 'Check that it is the right file; if it is, raise the limit with --max-source-bytes.',
  },
  'locale-unknown': {
    severity: 'error',
    summary: 'A locale tag is well-formed BCP 47 but names a language, script or region that Unicode CLDR does not know.',
    help: 'Use a registered tag (e.g. et-EE, zh-Hant-TW); for a private test copy add a private-use suffix to a real one (et-EE-x-test).',
  },
  'path-unsafe': {
    severity: 'error',
    summary: 'A spec id, locale tag or file path would write outside generated/ or use a name that file systems reserve (.., absolute paths, CON, NUL, …).',
    help: 'Rename the folder or file to lower-case letters, digits and hyphens that are not a reserved device name.',
  },
  'text-invisible': {
    severity: 'warning',
    summary:
      'A source, terms or config file holds a bidirectional control or another invisible character, which can make text read differently from what it is (Trojan Source).',
    help: 'Delete the character (the message names it) unless the script really needs it; then suppress the finding with a reason.',
  },
  'reference-missing': {
    severity: 'error',
    summary: 'The reference locale named in the config has no source file.',
    help: 'Add the reference source or fix referenceLocale / primarySources in spec.config.json.',
  },
  'reference-incomplete': {
    severity: 'error',
    summary: 'The reference source lacks a configured table or column, leaves a mark cell unreadable, or lacks its title or a message.',
    help: 'Complete the reference, or remove the id from spec.config.json.',
  },
  'suppression-unused': {
    severity: 'warning',
    summary: 'A suppression in spec.config.json matches no finding.',
    help: 'Remove the suppression, or fix its code, file or line.',
  },

  // --- tables -------------------------------------------------------------
  'table-missing': {
    severity: 'error',
    summary: 'A source has no table the spec can use.',
    help: 'Check that the document still contains the chart as a Markdown or HTML table.',
  },
  'table-malformed': {
    severity: 'error',
    summary: 'A table cannot be read: no header row, no rows, or an unclosed <table>.',
    help: 'Fix the table markup at the reported position.',
  },
  'span-invalid': {
    severity: 'error',
    summary:
      "A rowspan or colspan is not a positive whole number, is 0, exceeds HTML's limit, or makes a data cell reach past the table; the cells it moves cannot be trusted.",
    help: 'Write the number of rows or columns the cell really covers.',
  },
  'row-cell-count': {
    severity: 'warning',
    summary: 'A table row has more cells than its header row; the extra cells are ignored.',
    help: 'Remove the extra cells so that every row matches the header.',
  },
  'row-cells-missing': {
    severity: 'error',
    summary: 'A table row has fewer cells than its header row, so the facts of the missing columns are not stated (they are not read as blank).',
    help: 'Add the missing cells (for a mark, a blank cell means false).',
  },
  'mark-unusual': {
    severity: 'warning',
    summary: 'A table marks allowed cells with a character the reference does not use (e.g. x where the reference has ✔).',
    help: 'Use the reference\'s mark; some readers take "x" for "not allowed".',
  },
  'table-shape': {
    severity: 'warning',
    summary: "A source's tables differ in shape (tables, rows, columns) from every version of the reference locale.",
    help: 'Compare the table with the reference and restore the missing or extra rows and columns.',
  },
  'value-unknown': {
    severity: 'error',
    summary:
      "A cell holds a word that is not a value of its cell type in the locale's terms (a mark: none of √ ✔ ✓ x X ○, blank, or a yes/no word of values.mark), so its fact cannot be read.",
    help: 'Write one of the values (the message lists them), or add the word to terms/<locale>.json under values as a variant if it is right.',
  },
  'value-untranslated': {
    severity: 'warning',
    summary: 'A cell uses the reference language\'s word for its value ("Yes" in a Polish table) instead of this locale\'s word; it is read as that value.',
    help: 'Translate the word in the source (the message gives the reviewed word).',
  },

  // --- labels -------------------------------------------------------------
  'footnote-swallowed': {
    severity: 'warning',
    summary:
      'A superscript after a label or value holds words besides its footnote marker (`Azure<sup>AD-integratie 1</sup>`); the words are read as part of the label.',
    help: 'Move the words out of <sup>…</sup> so that it holds only the marker.',
  },
  'label-unknown': {
    severity: 'error',
    summary: "A header label is not in the locale's terms, so the cells of its row or column are not read (the message says what its position suggests).",
    help: 'Fix the source\'s label; or add it to the terms as a variant if it is right, or under "mistranslations" with a note if it is wrong.',
  },
  'row-labels-joined': {
    severity: 'warning',
    summary:
      'A row label is several known labels with only spaces or line breaks between them ("StartFailed StopFailed"): a grouped row whose <br>s were lost; it is read as those rows.',
    help: 'Put <br> between the labels in the source (`StartFailed <br/> StopFailed`).',
  },
  'label-duplicate': {
    severity: 'error',
    summary: 'One label heads two rows or columns of a table and the terms do not say which id the second one is, so it is not read.',
    help: 'Fix the source so that each header names its own id, or record the wrong label under the right id\'s "mistranslations".',
  },
  'label-mistranslated': {
    severity: 'warning',
    summary: 'A header uses a wrong label that the reviewed terms record (under "mistranslations") for this id; it is read as that id.',
    help: "Fix the source's label; the terms note says what is wrong with it.",
  },
  'label-untranslated': {
    severity: 'warning',
    summary: "A header or cell uses the reference language's label instead of this locale's term.",
    help: 'Translate the label in the source (the message gives the reviewed term).',
  },
  'terms-review': {
    severity: 'warning',
    summary: 'A terms entry still carries the "review" flag that statespec locale add set on a doubtful label.',
    help: 'Check the label against the source and the reference, fix it (add a note if the source is wrong), then delete the "review" field.',
  },
  'label-review': {
    severity: 'warning',
    summary:
      "statespec locale add drafted a label that looks wrong (repeated, untranslated, another id's term, empty, or not the language's reviewed term), or found one that differs from the locale's reviewed terms.",
    help: 'Review the entry in the new terms file; the build reports it as terms-review until you remove its "review" field.',
  },
  'row-missing': {
    severity: 'warning',
    summary: 'A row of a reference table (one of its row axis ids) has no row in this source.',
    help: 'Add the missing row to the source.',
  },
  'row-extra': {
    severity: 'warning',
    summary: "A source has a row that names no id of the table's row axis, while every id already has its row.",
    help: 'Remove the row, or add the id to the axis in spec.config.json and to the reference.',
  },
  'column-missing': {
    severity: 'warning',
    summary: 'A column of a reference table has no column in this source.',
    help: 'Add the missing column to the source.',
  },
  'column-extra': {
    severity: 'warning',
    summary: "A source has a column that names no id of the table's column axis, while every id already has its column.",
    help: 'Remove the column, or add the id to the axis in spec.config.json and to the reference.',
  },

  'ref-untargeted': {
    severity: 'info',
    summary: 'A ref cell names no id of its axis (e.g. "Race condition"); it is kept as a note without a target.',
    help: 'Nothing to do if the text is an outcome; if it should name an id, fix the label or add it to the terms.',
  },

  // --- facts and messages ---------------------------------------------------
  'fact-mismatch': {
    severity: 'error',
    summary: 'A cell states a different fact from the reference.',
    help: 'Correct the cell in this source (or the reference, if the reference is wrong).',
  },
  'translation-outdated': {
    severity: 'warning',
    summary: 'A source was made from an older revision of the reference, whose facts differ from the current one; its cells are checked against that revision.',
    help: 'Update the translation from the current reference; until then its published article states the current facts with a notice.',
  },
  'cell-missing': {
    severity: 'warning',
    summary: 'A text cell that the reference states is empty in this source; its docs show the reference text there.',
    help: 'Translate the cell in the source.',
  },
  'footnote-missing': {
    severity: 'warning',
    summary: 'A table refers to a footnote that has no text under it: in the reference, or in this translation (whose docs then show the reference text).',
    help: 'Add the footnote paragraph under the table, starting with its marker (`* …`, `<sup>1</sup> …`).',
  },
  'fact-conflict': {
    severity: 'error',
    summary: 'One source states the same cell (row × column) twice with different values.',
    help: 'Keep one row or column for each id.',
  },
  'message-missing': {
    severity: 'warning',
    summary: "A source's prose does not contain the message its config rule looks for.",
    help: 'Check the rule in spec.config.json or restore the message paragraph in the source.',
  },
  'message-untranslated': {
    severity: 'warning',
    summary: 'A message in a non-reference locale is still in the reference language.',
    help: 'Translate the message in the source.',
  },
  'metadata-invalid': {
    severity: 'warning',
    summary: "A source's front matter or ms.date cannot be read.",
    help: 'Fix the YAML front matter, or write ms.date as MM/DD/YYYY.',
  },
  'title-missing': {
    severity: 'warning',
    summary: 'A source has no top-level heading to take the localized title from.',
    help: 'Add a "# Title" heading to the source.',
  },

  'row-undescribed': {
    severity: 'warning',
    summary: 'An id used in the tables a "described" check names has no row in the describing table, or a described id is used in none of them.',
    help: 'Describe the id, or check the other tables for a missing or misnamed one.',
  },
  'tables-disagree': {
    severity: 'warning',
    summary:
      'A ref table and a mentions table that an "agree" check pairs disagree about where a row and column lead (the "during" and "before and after" tables).',
    help: 'Check both cells against the product; fix the table that is wrong.',
  },

  // --- output -------------------------------------------------------------
  'spec-invalid': {
    severity: 'error',
    summary: 'The spec built from a config does not match schema/spec.schema.json (a statespec bug or a config the schema rejects).',
    help: 'Report the message; it names the JSON Pointer of the bad value.',
  },
  'output-stale': {
    severity: 'error',
    summary: 'An output differs from what `statespec build` would write, is missing, or is no longer produced.',
    help: 'Run the build (the banner of each output names the command) and commit the output folder.',
  },
  'output-conflict': {
    severity: 'error',
    summary: 'A build would overwrite a file in the output folder that statespec did not write (not in its manifest, no statespec banner).',
    help: 'Move that file, or give statespec an output folder of its own ("output" in statespec.config.json).',
  },

  // --- statespec locale add -------------------------------------------------
  'locale-unaligned': {
    severity: 'error',
    summary: 'statespec locale add cannot align the new source with any reference version: tables, rows or columns differ in number.',
    help: 'Compare the new file with the reference (the message lists both shapes) and fix its tables, then run the command again.',
  },
  'locale-exists': {
    severity: 'error',
    summary: 'statespec locale add would overwrite a different source file of that locale and variant.',
    help: 'Pass --variant <name> to keep both versions, or remove the old file first.',
  },

  // statespec fix
  'fix-undetermined': {
    severity: 'error',
    summary:
      'statespec fix cannot say what a cell of a translation should be (its label names no id or repeats one, the reference states nothing there, the locale has no reviewed term, or the cell is too complex to edit), so it changes no file.',
    help: 'Correct the cell by hand as the message says (or add the missing term), then run statespec fix again.',
  },

  // statespec init
  'init-no-table': {
    severity: 'error',
    summary: 'statespec init found no table in the reference document with a header row and a label column, so there is no article to start.',
    help: 'Check that the file is the reference document and that its tables are Markdown or HTML tables, then run the command again.',
  },
  'init-label-missing': {
    severity: 'error',
    summary: 'statespec init found a row or column with cells but no label (or a record table with an empty column), so it cannot give it an id.',
    help: 'Write the label in the source, or delete the row or column, then run the command again.',
  },
  'init-label-duplicate': {
    severity: 'error',
    summary: 'statespec init found one label heading two rows or two columns of one table, so their ids cannot be told apart.',
    help: 'Give each row and column its own label in the source, then run the command again.',
  },
  'init-id-collision': {
    severity: 'error',
    summary: 'statespec init would make one id from two different labels of one table ("Self-hosted" and "Self hosted" are both SelfHosted).',
    help: 'Make the labels differ in letters or digits, not only in spaces, case or punctuation, then run the command again.',
  },
  'init-exists': {
    severity: 'error',
    summary: 'statespec init would overwrite an article that exists with other content (a spec.config.json, source or terms file).',
    help: 'Add languages with `statespec locale add`; to start the article over, remove its folder first.',
  },
  'init-value-unknown': {
    severity: 'error',
    summary:
      'statespec init found a cell that is neither a mark nor a yes/no word ("Maybe") in a table or record column whose other cells are, so it reads them as marks and cannot read that cell.',
    help: 'Correct the cell in the source (a check mark, a blank or the yes/no word), then run the command again; if the column really holds words, edit the table\'s "cell" in spec.config.json once init has written it.',
  },
  'init-review': {
    severity: 'warning',
    summary:
      'statespec init made a guess it is not sure of (an id, a split row label, a cell type, a yes/no word, a table it left out); terms entries it concerns carry a "review" field.',
    help: 'Check the guess against the document; fix spec.config.json or the terms entry and delete its "review" field (the build reports it as terms-review until then).',
  },
} as const satisfies Record<string, CodeDefinition>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as Code[];
