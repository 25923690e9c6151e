import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isBlocking } from '../diagnostics/diagnostic.js';
import { formatJson } from '../diagnostics/report/json.js';
import { formatSarif } from '../diagnostics/report/sarif.js';
import { formatText } from '../diagnostics/report/text.js';
import { LAYOUT_FILE } from '../load/layout.js';
import { cacheKey, readCache, sha256 } from './cache.js';
import { defaultLayout, outputsOutsideGenerated, readGenerated, readProjectFiles, removeTemporaryFiles, toolVersion } from './files.js';
import { isFormat, jobsFrom, limitsFrom } from './options.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * `build` and `check` when nothing changed since the last full run: the
 * sources, templates, schemas, limits and tool hash to the cached key, and
 * generated/ holds exactly the cached outputs. Then the cached findings are
 * printed as the full run printed them, without loading the parsers at all.
 * Returns undefined whenever anything differs (or the arguments are not a
 * plain build or check); the full CLI then runs and refreshes the cache.
 */
export async function runFromCache(argv: readonly string[], io: Io): Promise<number | undefined> {
  try {
    return await replay(argv, io);
  } catch {
    // Whatever went wrong (a generated/ that is a file, an unreadable folder): the full run reports it properly.
    return undefined;
  }
}

async function replay(argv: readonly string[], io: Io): Promise<number | undefined> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      // --jobs is accepted (and unused: a replay compiles nothing); the full CLI checks its value.
      options: {
        root: { type: 'string' },
        format: { type: 'string' },
        'max-source-bytes': { type: 'string' },
        'no-cache': { type: 'boolean' },
        jobs: { type: 'string' },
      },
    }));
  } catch {
    return undefined;
  }
  const [command, ...rest] = positionals;
  if ((command !== 'build' && command !== 'check') || rest.length > 0 || values['no-cache']) return undefined;
  const format = values.format ?? 'text';
  if ((command === 'build' && values.format !== undefined) || !isFormat(format)) return undefined;
  const limits = limitsFrom(values['max-source-bytes']);
  if (!limits || (values.jobs !== undefined && jobsFrom(values.jobs) === undefined)) return undefined;
  const root = resolve(values.root ?? '.');
  if (!existsSync(join(root, 'sources')) && !existsSync(join(root, LAYOUT_FILE))) return undefined;
  const entry = readCache(root);
  if (!entry) return undefined;
  // statespec.config.json needs its parser and schema, loaded only when there is one.
  const layout = existsSync(join(root, LAYOUT_FILE)) ? (await import('./layout.js')).readLayout(root).value : defaultLayout(root);
  if (!layout || entry.key !== cacheKey(readProjectFiles(root, limits, layout), limits, undefined, layout)) return undefined;
  const blocked = entry.diagnostics.some(isBlocking);
  // The full run refuses an output folder reached through a link; so must a replay.
  const paths = Object.keys(entry.outputs);
  if (!blocked && (outputsOutsideGenerated(root, paths, layout.output).length > 0 || !generatedMatches(root, entry.outputs, layout.output))) return undefined;

  const report =
    command === 'build' || format === 'text' ? formatText : format === 'json' ? formatJson : (d: typeof entry.diagnostics) => formatSarif(d, toolVersion());
  if (command === 'build') removeTemporaryFiles(root, layout);
  io.stdout(report(entry.diagnostics));
  if (command === 'check') {
    io.stderr('statespec: findings replayed (nothing changed since the last run).\n');
    return blocked ? 1 : 0;
  }
  if (blocked) {
    io.stderr(`statespec: errors found; ${layout.output}/ was not changed (nothing changed since the last run).\n`);
    return 1;
  }
  io.stderr(`statespec: ${Object.keys(entry.outputs).length} outputs, 0 written, 0 removed (nothing changed since the last run).\n`);
  return 0;
}

/** The output folder holds exactly the cached outputs (and the manifest lists no other): the same paths, the same bytes. */
function generatedMatches(root: string, outputs: Record<string, string>, output: string): boolean {
  const current = readGenerated(root, Object.keys(outputs), output);
  if (current.size !== Object.keys(outputs).length) return false;
  for (const [path, content] of current) if (outputs[path] !== sha256(content)) return false;
  return true;
}
