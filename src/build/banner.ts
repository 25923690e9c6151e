export const REGENERATE_COMMAND = 'npm run build';

/** The "generated — do not edit" line every output carries, naming the command that regenerates it. */
export function banner(specId: string): string {
  return `generated — do not edit. Made by statespec from sources/${specId}/; regenerate with \`${REGENERATE_COMMAND}\` (statespec build).`;
}
