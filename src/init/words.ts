/** A label with no letters or digits: empty, or punctuation and symbols only. */
export const NO_WORDS = /^[\p{P}\p{S}\s]*$/u;

/** The review notes start as sentences. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether a file already holds exactly these bytes (a command run twice changes nothing). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
