import { DEFAULT_LIMITS, type Limits } from '../load/types.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Every option of every command, for parseArgs: the full CLI and the build/check entry parse alike. */
export const CLI_OPTIONS = {
  root: { type: 'string' },
  format: { type: 'string' },
  spec: { type: 'string' },
  locale: { type: 'string' },
  variant: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  'max-source-bytes': { type: 'string' },
  'no-cache': { type: 'boolean' },
  watch: { type: 'boolean' },
  write: { type: 'boolean' },
  out: { type: 'string' },
  jobs: { type: 'string' },
} as const;

/** What the CLI and its no-op fast path (fast.ts, which must stay light) both accept. */
export type Format = 'text' | 'json' | 'sarif';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** `--max-source-bytes` as limits; undefined when it is not a positive whole number of bytes. */
export function limitsFrom(maxSourceBytes: string | undefined): Limits | undefined {
  if (maxSourceBytes === undefined) return DEFAULT_LIMITS;
  return /^[1-9]\d{0,15}$/.test(maxSourceBytes) ? { maxSourceBytes: Number(maxSourceBytes) } : undefined;
}

/** `--jobs` as a count of worker threads; undefined when it is not a whole number from 1 to 999. */
export function jobsFrom(value: string): number | undefined {
  return /^[1-9]\d{0,2}$/.test(value) ? Number(value) : undefined;
}

/**
 * What the CLI says when a command fails with an exception: bad input is
 * always a diagnostic, so this is a statespec bug or an I/O failure. With
 * STATESPEC_DEBUG set it also prints the stack, for the bug report.
 */
export function internalFailure(command: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const stack = process.env.STATESPEC_DEBUG && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  return `statespec: ${command} failed: ${reason}\nIf this is not a file-system problem, please report it as a statespec bug (run it again with STATESPEC_DEBUG=1 for the stack).\n${stack}`;
}

/** The BroadcastChannel on which a compile worker thread says it is exiting. */
export const EXIT_CHANNEL = 'statespec-worker-exit';
