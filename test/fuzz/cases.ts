import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import { isBlocking } from '../../src/diagnostics/diagnostic.js';
import { outputPathProblem } from '../../src/load/paths.js';
import type { Limits } from '../../src/load/types.js';
import { compile } from '../../src/pipeline.js';
import { ASSETS, FIXTURES, REPO_ROOT } from '../helpers/project.js';

/**
 * The fuzz target: a small valid project (test/fixtures/valid-html-split) with
 * one of its files replaced by arbitrary text or bytes. The property is the
 * hardening promise: no exception escapes compile(), and every problem is a
 * diagnostic from the code table with a position inside the file it names.
 */
export interface FuzzCase {
  /** Which file of the project the case replaces (or adds, for "extra"). */
  target: 'reference' | 'translation' | 'config' | 'terms' | 'extra';
  /** Text, or bytes as numbers (for encodings), never both. */
  text?: string;
  bytes?: number[];
}

const BASE = join(FIXTURES, 'valid-html-split', 'sources');
const PATHS: Record<FuzzCase['target'], string> = {
  reference: 'sources/mini/en-US.md',
  translation: 'sources/mini/de-DE.md',
  config: 'sources/mini/spec.config.json',
  terms: 'sources/mini/terms/de-DE.json',
  extra: 'sources/mini/fr-FR.md',
};
const BASE_FILES = new Map<string, Uint8Array>(
  ['en-US.md', 'de-DE.md', 'spec.config.json', 'terms/en-US.json', 'terms/de-DE.json'].map((name) => [
    `sources/mini/${name}`,
    readFileSync(join(BASE, 'mini', name)),
  ]),
);
const decoder = new TextDecoder();
const baseText = (target: FuzzCase['target']): string => decoder.decode(BASE_FILES.get(PATHS[target]) ?? new Uint8Array());

/** Small limits so that the size check is reached too. */
const LIMITS: Limits = { maxSourceBytes: 64 * 1024 };

export const REGRESSIONS = join(REPO_ROOT, 'test', 'fuzz', 'regressions');

/** Runs one case and checks the property; throws (an assertion error) when it does not hold. */
export function runCase(fuzzCase: FuzzCase): void {
  const path = PATHS[fuzzCase.target];
  const bytes = fuzzCase.bytes !== undefined ? Uint8Array.from(fuzzCase.bytes) : new TextEncoder().encode(fuzzCase.text ?? '');
  const files = new Map(BASE_FILES);
  files.set(path, bytes);
  let result;
  try {
    result = compile({ files: [...files].map(([file, content]) => ({ path: file, bytes: content })), assets: ASSETS, limits: LIMITS });
  } catch (error) {
    throw new Error(`compile() threw for ${fuzzCase.target}: ${(error as Error).stack ?? String(error)}`);
  }
  // CommonMark (and vfile-location) end lines at LF, CR and CRLF alike.
  const lines = new Map([...files].map(([file, content]) => [file, decoder.decode(content).split(/\r\n|\r|\n/)]));
  for (const d of result.diagnostics) {
    const where = `${d.code} at ${d.file}:${d.line}:${d.column}: ${d.message}`;
    expect(CODES[d.code]?.severity, where).toBe(d.severity);
    expect(d.message.trim().length, where).toBeGreaterThan(0);
    const fileLines = lines.get(d.file);
    expect(fileLines, `${where} names a file that is not in the project`).toBeDefined();
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= fileLines!.length, where).toBe(true);
    // Columns count UTF-16 units from 1; one past the end of the line is where "missing" things are.
    expect(Number.isInteger(d.column) && d.column >= 1 && d.column <= fileLines![d.line - 1]!.length + 1, where).toBe(true);
  }
  if (result.diagnostics.some(isBlocking)) expect(result.outputs).toEqual([]);
  for (const output of result.outputs) {
    expect(outputPathProblem(output.path, 'generated'), output.path).toBeUndefined();
    if (/\.(ts|json)$/.test(output.path)) expect(output.content, output.path).not.toMatch(/[\u2028\u2029\u007F-\u009F\p{Cf}]/u);
  }
}

// --- arbitraries ------------------------------------------------------------

const tricky = fc.constantFrom(
  '|',
  '\\|',
  '---',
  ':-:',
  '<br>',
  '<br/>',
  '<table>',
  '</table>',
  '<tr>',
  '</tr>',
  '<td>',
  '</td>',
  '<th>',
  '</th>',
  '<thead>',
  '<tbody>',
  '<td colspan="0">',
  '<td rowspan="0">',
  '<th colspan="15">',
  '<th rowspan="18">',
  '<td colspan="1000000">',
  '<td rowspan="-3">',
  '<td colspan="x">',
  '<!--',
  '-->',
  '<center>',
  '</center>',
  '<b>',
  '</b>',
  '<ul><li>',
  '</li></ul>',
  '&amp;',
  '&#x202E;',
  '&#0;',
  '&#x110000;',
  '&rlm;',
  '&nbsp;',
  '✔',
  '√',
  'x',
  'X',
  '○',
  '✓',
  '# ',
  '## ',
  '**',
  '`',
  '```',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '\u0000',
  '\uFEFF',
  '\u202E',
  '\u2066',
  '\u200B',
  '\u2028',
  '---\nms.date: 13/45/2016\n---\n',
  '<tags ms.date="02/30/2016" />',
  '<properties\n pageTitle="x" />',
  'Active',
  'Aktiv',
  'Start',
  'Starten',
  'Delete',
  'StartFailed <br/> StopFailed',
  '"',
  "'",
  '\\',
  '${x}',
  '*/',
  '</script>',
  '\uD800',
  '\uDFFF',
  '😀',
  '한국어',
  'עברית',
);

/** Markdown/HTML-shaped noise: tokens that drive the table parsers, mixed with arbitrary Unicode. */
const markupNoise = fc
  .array(fc.oneof({ weight: 4, arbitrary: tricky }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) }), { maxLength: 80 })
  .map((parts) => parts.join(''));

/** A real file with random edits: fragments spliced in, ranges cut out, lines duplicated. */
const mutated = (original: string) =>
  fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(original.length), text: markupNoise }),
        fc.record({ kind: fc.constant('delete' as const), at: fc.nat(original.length), length: fc.nat(60) }),
        fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(original.length), length: fc.nat(200) }),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((edits) =>
      edits.reduce((text, edit) => {
        const at = Math.min(edit.at, text.length);
        if (edit.kind === 'insert') return text.slice(0, at) + edit.text + text.slice(at);
        if (edit.kind === 'delete') return text.slice(0, at) + text.slice(at + edit.length);
        return text.slice(0, at) + text.slice(at, at + edit.length) + text.slice(at);
      }, original),
    );

/**
 * A small file that describes a big table: one wide row over many short ones,
 * or a wide span. Cheap to write, and costly to expand naively.
 */
const sparseTable = fc
  .record({ wide: fc.integer({ min: 1, max: 1000 }), tall: fc.integer({ min: 1, max: 1000 }), html: fc.boolean(), span: fc.integer({ min: 1, max: 70_000 }) })
  .map(({ wide, tall, html, span }) =>
    html
      ? `<table><tr>${'<td>a</td>'.repeat(wide)}</tr><tr><td rowspan="${span}" colspan="${span}">x</td></tr>${'<tr><td>b</td></tr>'.repeat(tall)}</table>\n`
      : `${'|a'.repeat(wide)}|\n${'|-'.repeat(wide)}|\n${'|b\n'.repeat(tall)}`,
  );

const textTarget = fc.constantFrom<FuzzCase['target']>('reference', 'translation', 'extra');
const jsonTarget = fc.constantFrom<FuzzCase['target']>('config', 'terms');

export const fuzzCases: fc.Arbitrary<FuzzCase> = fc.oneof(
  {
    weight: 4,
    arbitrary: textTarget.chain((target) => mutated(target === 'extra' ? baseText('translation') : baseText(target)).map((text) => ({ target, text }))),
  },
  { weight: 2, arbitrary: fc.record({ target: textTarget, text: markupNoise }) },
  { weight: 1, arbitrary: fc.record({ target: textTarget, text: fc.string({ unit: 'binary', maxLength: 300 }) }) },
  { weight: 1, arbitrary: fc.record({ target: textTarget, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 200 }) }) },
  { weight: 2, arbitrary: jsonTarget.chain((target) => mutated(baseText(target)).map((text) => ({ target, text }))) },
  { weight: 1, arbitrary: fc.record({ target: jsonTarget, text: fc.json({ maxDepth: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ target: textTarget, text: sparseTable }) },
);

// --- regressions ------------------------------------------------------------

/** Saves a failing case (after shrinking) where the regression test replays it for ever. */
export function keepRegression(fuzzCase: FuzzCase): string {
  mkdirSync(REGRESSIONS, { recursive: true });
  const json = `${JSON.stringify(fuzzCase, null, 2)}\n`;
  const file = join(REGRESSIONS, `${createHash('sha256').update(json).digest('hex').slice(0, 12)}.json`);
  writeFileSync(file, json);
  return file;
}

export function regressionCases(): [string, FuzzCase][] {
  return readdirSync(REGRESSIONS)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, JSON.parse(readFileSync(join(REGRESSIONS, name), 'utf8')) as FuzzCase]);
}

/**
 * Checks `runs` cases (or as many as fit in `seconds`). A counterexample is
 * shrunk by fast-check, kept as a regression file, then reported.
 */
export function fuzz(options: { runs: number; seconds?: number; seed?: number }): { tried: number; seed: number } {
  const parameters: fc.Parameters<[FuzzCase]> = { numRuns: options.runs };
  if (options.seconds !== undefined) {
    parameters.numRuns = Number.MAX_SAFE_INTEGER;
    parameters.interruptAfterTimeLimit = options.seconds * 1000;
  }
  if (options.seed !== undefined) parameters.seed = options.seed;
  const details = fc.check(
    fc.property(fuzzCases, (fuzzCase) => runCase(fuzzCase)),
    parameters,
  );
  if (details.failed && details.counterexample) {
    const file = keepRegression(details.counterexample[0]);
    throw new Error(`${fc.defaultReportMessage(details) ?? 'fuzz case failed'}\nKept as ${file}; it now runs in npm test.`);
  }
  return { tried: details.numRuns, seed: details.seed };
}
