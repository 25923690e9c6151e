import type { OutputSettings } from '../load/layout.js';

/** The "generated — do not edit" line every output carries, naming where it comes from and the command that regenerates it. */
export function banner(from: string, settings: Pick<OutputSettings, 'regenerate'>): string {
  const command = settings.regenerate.includes('statespec') ? '' : ' (statespec build)';
  return `generated — do not edit. Made by statespec from ${from}; regenerate with \`${settings.regenerate}\`${command}.`;
}
