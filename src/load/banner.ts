import type { OutputSettings } from './layout.js';

/** How every banner starts: the writer tells its own files by it. */
export const BANNER_START = 'generated — do not edit. Made by statespec from ';

/** The "generated — do not edit" line every output carries, naming where it comes from and the command that regenerates it. */
export function banner(from: string, settings: Pick<OutputSettings, 'regenerate'>): string {
  const command = settings.regenerate.includes('statespec') ? '' : ' (statespec build)';
  return `${BANNER_START}${from}; regenerate with \`${settings.regenerate}\`${command}.`;
}
