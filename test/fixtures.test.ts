import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProjectFiles } from '../src/cli/files.js';
import { outputFindings } from '../src/cli/main.js';
import { ALL_CODES } from '../src/diagnostics/codes.js';
import { compareDiagnostics, type Diagnostic, isBlocking } from '../src/diagnostics/diagnostic.js';
import { formatBaseline } from '../src/diagnostics/report/text.js';
import { fixProject } from '../src/fix/fix.js';
import { initArticle } from '../src/init/init.js';
import { DEFAULT_LIMITS, type Limits } from '../src/load/types.js';
import { type AddLocaleRequest, addLocale } from '../src/locale/add.js';
import { compile } from '../src/pipeline.js';
import { ASSETS, compileRoot, FIXTURES, fixtureNames, layoutOf, matchGoldens, REPO_ROOT } from './helpers/project.js';

/**
 * Each test/fixtures/<case>/ holds sources/ (and optionally a stale generated/).
 * Goldens in <case>/expected/: diagnostics.txt (a baseline with each finding
 * under its source line) and generated/ (what build writes, when it may).
 */
interface FixtureRun {
  diagnostics: Diagnostic[];
  goldens: Record<string, string>;
}

/**
 * Compiles a fixture as `statespec check` would see it. A fixture may hold its
 * own spec.schema.json: a test double that proves the spec-invalid safety net.
 */
function runFixture(name: string): FixtureRun {
  const root = join(FIXTURES, name);
  if (existsSync(join(root, 'locale-add.json'))) return runLocaleAddFixture(root);
  if (existsSync(join(root, 'init.json'))) return runInitFixture(root);
  if (existsSync(join(root, 'fix.json'))) return runFixFixture(root);
  const schemaOverride = join(root, 'spec.schema.json');
  const assets = existsSync(schemaOverride)
    ? { ...ASSETS, schemas: { ...ASSETS.schemas, spec: JSON.parse(readFileSync(schemaOverride, 'utf8')) as object } }
    : ASSETS;
  // A fixture may set its own limits.json (e.g. a small maxSourceBytes), as --max-source-bytes would.
  const limitsFile = join(root, 'limits.json');
  const limits = existsSync(limitsFile) ? (JSON.parse(readFileSync(limitsFile, 'utf8')) as Limits) : DEFAULT_LIMITS;
  const layout = layoutOf(root);
  const result = compile({ files: readProjectFiles(root, limits, layout), assets, limits, layout });
  const checkDrift = !result.diagnostics.some(isBlocking) && existsSync(join(root, layout.output));
  const drift = checkDrift ? outputFindings(root, result.outputs, layout) : [];
  const diagnostics = [...result.diagnostics, ...drift].sort(compareDiagnostics);
  const readSource = (file: string): string | undefined => {
    const path = join(root, file);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const goldens: Record<string, string> = { 'diagnostics.txt': formatBaseline(diagnostics, readSource) };
  for (const output of result.outputs) goldens[output.path] = output.content;
  return { diagnostics, goldens };
}

/**
 * A fixture with locale-add.json runs `statespec locale add` on its new/ file
 * instead: goldens are the findings and every file the command would write.
 */
function runLocaleAddFixture(root: string): FixtureRun {
  const request = JSON.parse(readFileSync(join(root, 'locale-add.json'), 'utf8')) as { spec: string; locale: string; variant?: string; input: string };
  const added: AddLocaleRequest = {
    files: readProjectFiles(root),
    schemas: ASSETS.schemas,
    specId: request.spec,
    locale: request.locale,
    input: { path: request.input, bytes: readFileSync(join(root, request.input)) },
  };
  if (request.variant !== undefined) added.variant = request.variant;
  return commandGoldens(root, addLocale(added));
}

/** A fixture with init.json runs `statespec init` on its input file: goldens are the findings and every file it would write. */
function runInitFixture(root: string): FixtureRun {
  const request = JSON.parse(readFileSync(join(root, 'init.json'), 'utf8')) as { spec: string; locale: string; input: string };
  const result = initArticle({
    files: existsSync(join(root, 'sources')) ? readProjectFiles(root) : [],
    specId: request.spec,
    locale: request.locale,
    input: { path: request.input, bytes: readFileSync(join(root, request.input)) },
  });
  return commandGoldens(root, result);
}

/** A fixture with fix.json runs `statespec fix`: goldens are its refusals, what it skipped and every file it would write. */
function runFixFixture(root: string): FixtureRun {
  const layout = layoutOf(root);
  const result = fixProject({ files: readProjectFiles(root, undefined, layout), assets: ASSETS, layout });
  return commandGoldens(root, {
    diagnostics: result.diagnostics,
    actions: result.skipped,
    writes: result.files.map((file) => ({ path: file.path, content: file.after })),
  });
}

/** The goldens of a command that writes sources: its findings, its actions and every file it would write. */
function commandGoldens(
  root: string,
  result: { diagnostics: Diagnostic[]; actions: string[]; writes: { path: string; content: string | Uint8Array }[] },
): FixtureRun {
  const readSource = (file: string): string | undefined => (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : undefined);
  const goldens: Record<string, string> = {
    'diagnostics.txt': formatBaseline(result.diagnostics, readSource),
    'actions.txt': `${result.actions.join('\n')}\n`,
  };
  for (const write of result.writes)
    goldens[`written/${write.path}`] = typeof write.content === 'string' ? write.content : new TextDecoder().decode(write.content);
  return { diagnostics: result.diagnostics, goldens };
}

describe('golden fixtures', () => {
  for (const name of fixtureNames()) {
    it(name, () => {
      expect(matchGoldens(join(FIXTURES, name, 'expected'), runFixture(name).goldens)).toEqual([]);
    });
  }

  it('together with the repo, the fixtures produce every diagnostic code', () => {
    const produced = new Set(compileRoot(REPO_ROOT).diagnostics.map((d) => d.code));
    for (const name of fixtureNames()) for (const d of runFixture(name).diagnostics) produced.add(d.code);
    expect(ALL_CODES.filter((code) => !produced.has(code))).toEqual([]);
  });
});
