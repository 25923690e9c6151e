import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareDiagnostics, isBlocking, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatJson } from '../diagnostics/report/json.js';
import { formatSarif } from '../diagnostics/report/sarif.js';
import { formatText } from '../diagnostics/report/text.js';
import { findDrift } from '../emit/drift.js';
import { compile } from '../pipeline.js';
import { loadAssets, readGenerated, readProjectFiles, toolVersion, writeOutputs } from './files.js';

const USAGE = `Usage:
  statespec build [--root DIR]
  statespec check [--root DIR] [--format text|json|sarif]

build   compiles sources/ into generated/ (nothing is written when there are errors)
check   runs every check and compares generated/ with what build would write; writes nothing

Exit codes: 0 no errors, 1 errors found, 2 wrong usage.`;

type Format = 'text' | 'json' | 'sarif';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs the CLI and returns its exit code. */
export function run(argv: readonly string[], io: CliIo = processIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    io.stderr(`statespec: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    (values.help ? io.stdout : io.stderr)(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if ((command !== 'build' && command !== 'check') || rest.length > 0) {
    io.stderr(`statespec: unknown command "${positionals.join(' ')}"\n\n${USAGE}\n`);
    return 2;
  }
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    io.stderr(`statespec: --format must be one of ${FORMATS.join(', ')}, not "${values.format}"\n`);
    return 2;
  }
  if (command === 'build' && values.format !== undefined && format !== 'text') {
    io.stderr('statespec: --format is only for check; build reports as text\n');
    return 2;
  }
  const root = resolve(values.root ?? '.');
  if (!existsSync(join(root, 'sources'))) {
    // Refuse rather than "build nothing": an empty build would empty generated/ under a wrong --root.
    io.stderr(`statespec: ${root} has no sources/ folder; run from the project root or pass --root DIR.\n`);
    return 2;
  }
  try {
    const result = compile({ files: readProjectFiles(root), assets: loadAssets() });
    let diagnostics: Diagnostic[] = result.diagnostics;
    const blocked = diagnostics.some(isBlocking);
    if (command === 'check') {
      if (!blocked) diagnostics = [...diagnostics, ...findDrift(result.outputs, readGenerated(root))].sort(compareDiagnostics);
      io.stdout(report(diagnostics, format));
      return diagnostics.some(isBlocking) ? 1 : 0;
    }
    io.stdout(report(diagnostics, 'text'));
    if (blocked) {
      io.stderr('statespec: errors found; generated/ was not changed.\n');
      return 1;
    }
    const { written, removed } = writeOutputs(root, result.outputs);
    io.stderr(`statespec: ${result.outputs.length} outputs, ${written.length} written, ${removed.length} removed.\n`);
    return 0;
  } catch (error) {
    // Bad input is always a diagnostic; reaching this is a statespec bug or an I/O failure.
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`statespec: ${command} failed: ${reason}\nIf this is not a file-system problem, please report it as a statespec bug.\n`);
    return 2;
  }
}

function report(diagnostics: readonly Diagnostic[], format: Format): string {
  if (format === 'json') return formatJson(diagnostics);
  if (format === 'sarif') return formatSarif(diagnostics, toolVersion());
  return formatText(diagnostics);
}
