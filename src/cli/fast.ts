import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LAYOUT_FILE } from '../load/layout.js';
import { type CachedRun, cacheKeyOnDisk, fileSignature, readCache, sha256 } from './cache.js';
import { defaultLayout, outputsOutsideGenerated, removeTemporaryFiles, toolVersion } from './files.js';
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
  if (!layout || entry.key !== cacheKeyOnDisk(root, limits, layout)) return undefined;
  // The full run refuses an output folder reached through a link; so must a replay.
  const paths = Object.keys(entry.outputs);
  if (!entry.blocked && (outputsOutsideGenerated(root, paths, layout.output).length > 0 || !outputsUnchanged(root, entry))) return undefined;

  const printed = command === 'build' || format === 'text' ? entry.readReport() : await formatted(entry, format);
  if (printed === undefined) return undefined;
  if (command === 'build') removeTemporaryFiles(root, layout);
  io.stdout(printed);
  if (command === 'check') {
    io.stderr('statespec: findings replayed (nothing changed since the last run).\n');
    return entry.blocked ? 1 : 0;
  }
  if (entry.blocked) {
    io.stderr(`statespec: errors found; ${layout.output}/ was not changed (nothing changed since the last run).\n`);
    return 1;
  }
  io.stderr(`statespec: ${paths.length} outputs, 0 written, 0 removed (nothing changed since the last run).\n`);
  return 0;
}

/** The cached findings as JSON or SARIF; the reporters load only for these. */
async function formatted(entry: CachedRun, format: 'json' | 'sarif'): Promise<string | undefined> {
  const diagnostics = entry.readDiagnostics();
  if (!diagnostics) return undefined;
  if (format === 'json') return (await import('../diagnostics/report/json.js')).formatJson(diagnostics);
  return (await import('../diagnostics/report/sarif.js')).formatSarif(diagnostics, toolVersion());
}

/**
 * Every cached output is on disk with the cached bytes. The manifest is one
 * of them, so the list it holds is the cached one too. A file whose lstat is
 * still the one recorded once it held those bytes is not read again, unless
 * its change time is not older than the entry: within one tick of the
 * file-system clock, a later write could leave the same signature.
 */
export function outputsUnchanged(root: string, entry: Pick<CachedRun, 'outputs' | 'writtenNs'>): boolean {
  for (const [path, output] of Object.entries(entry.outputs)) {
    const stat = lstatSync(join(root, path), { bigint: true, throwIfNoEntry: false });
    if (!stat?.isFile()) return false;
    if (output.signature === fileSignature(stat) && stat.ctimeNs < entry.writtenNs) continue;
    if (sha256(readFileSync(join(root, path))) !== output.sha256) return false;
  }
  return true;
}
