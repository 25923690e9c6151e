import { DEFAULT_LIMITS, type Limits } from '../load/types.js';

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
