import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { INVISIBLE_CLASS } from '../diagnostics/invisible.js';
import { locator } from './position.js';

export type Decoded = { text: string } | { problem: string; offset?: number };

/**
 * Decodes a file strictly as UTF-8 (a leading BOM is dropped). Anything else
 * is a problem that says what the bytes look like, so the fix is obvious:
 * a UTF-16 or UTF-32 file, the first invalid byte, or a NUL byte.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const encoding = byteOrderMark(bytes) ?? utf32WithoutMark(bytes) ?? utf16WithoutMark(bytes);
  if (encoding) return { problem: `is ${encoding}, not UTF-8; save it as UTF-8` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    // The valid prefix decodes (a BOM dropped, as above), so the bad byte's position is known in characters.
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    return {
      problem: `is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at byte offset ${bad}); save it as UTF-8`,
      offset: before.length,
    };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { problem: 'contains a NUL byte; it is not a text file', offset: nul };
  return { text };
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'UTF-32 (little-endian, with a byte order mark)';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32 (big-endian, with a byte order mark)';
  if (a === 0xff && b === 0xfe) return 'UTF-16 (little-endian, with a byte order mark)';
  if (a === 0xfe && b === 0xff) return 'UTF-16 (big-endian, with a byte order mark)';
  return undefined;
}

/** ASCII-heavy text saved as UTF-32 without a mark has three NULs in every four bytes. */
function utf32WithoutMark(bytes: Uint8Array): string | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 4), 512);
  if (sample < 8) return undefined;
  const nulsAt = [0, 0, 0, 0];
  for (let index = 0; index < sample; index++) if (bytes[index] === 0) nulsAt[index % 4]!++;
  const quarter = sample / 4;
  const mostly = (count: number): boolean => count > quarter * 0.9;
  if (nulsAt[0]! < quarter * 0.5 && mostly(nulsAt[1]!) && mostly(nulsAt[2]!) && mostly(nulsAt[3]!)) return 'UTF-32 (little-endian, without a byte order mark)';
  if (mostly(nulsAt[0]!) && mostly(nulsAt[1]!) && mostly(nulsAt[2]!) && nulsAt[3]! < quarter * 0.5) return 'UTF-32 (big-endian, without a byte order mark)';
  return undefined;
}

/** ASCII-heavy text saved as UTF-16 without a mark has a NUL in every other byte. */
function utf16WithoutMark(bytes: Uint8Array): string | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 2), 512);
  if (sample < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < sample; index++) {
    if (bytes[index] === 0) index % 2 === 0 ? evenNuls++ : oddNuls++;
  }
  const half = sample / 2;
  if (oddNuls > half * 0.6 && evenNuls === 0) return 'UTF-16 (little-endian, without a byte order mark)';
  if (evenNuls > half * 0.6 && oddNuls === 0) return 'UTF-16 (big-endian, without a byte order mark)';
  return undefined;
}

/** Offset of the lead byte of the first sequence that is not well-formed UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // Streaming decode throws as soon as a byte cannot continue the text, so "the first m bytes
  // stream without error" is monotone in m: binary search finds the first bad byte.
  const streams = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length + 1;
  while (bad - good > 1) {
    const middle = (good + bad) >>> 1;
    if (streams(middle)) good = middle;
    else bad = middle;
  }
  // No bad byte: the text ends inside a sequence. Otherwise byte bad-1 is the one refused.
  const at = bad > bytes.length ? bytes.length : bad - 1;
  for (let back = 1; back <= 3 && at - back >= 0; back++) {
    const byte = bytes[at - back]!;
    if (byte < 0x80) break;
    if (byte < 0xc0) continue;
    // A lead byte whose sequence would still be open at `at` is where the broken character starts.
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return length > back ? at - back : at;
  }
  return Math.min(at, bytes.length - 1);
}

/**
 * What text-invisible reports (the Trojan Source attack and its kin): the
 * invisible characters, and C0 controls other than tab and line breaks (a
 * terminal acts on ESC). ZWNJ and ZWJ are left out by isInvisible: scripts
 * and emoji sequences need them.
 */
export const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]`, 'u');
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

const NAMES: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x00ad: 'SOFT HYPHEN',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
  0x001b: 'ESCAPE',
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`: how a message names an invisible character. */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0)!;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return NAMES[code] ? `U+${hex} ${NAMES[code]}` : `U+${hex}`;
}

export function isInvisible(character: string): boolean {
  return character !== '\u200c' && character !== '\u200d' && INVISIBLE.test(character);
}

/**
 * `&#x202E;`, `&#8238;`, `&rlm;`: how Markdown and HTML write a character by
 * reference. HTML also decodes a numeric reference without its `;`.
 */
const CHARACTER_REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6});?|#([0-9]{1,7});?|([A-Za-z][A-Za-z0-9]{1,31});)/g;
/** `\u202E` (or a surrogate pair): how JSON writes one (an odd run of backslashes, so `\\u202E` is not one). */
const JSON_ESCAPE = /(?<!\\)(?:\\\\)*\\u([dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|[0-9a-fA-F]{4})/g;
/** An emoji tag sequence (the flags of England, Scotland, Wales): its tag characters are how the flag is written. */
const EMOJI_TAG_SEQUENCE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;

function referencedCharacter(match: RegExpMatchArray): string | undefined {
  const [, hex, decimal, name] = match;
  if (name !== undefined) return decodeNamedCharacterReference(name) || undefined;
  const code = Number.parseInt(hex ?? decimal!, hex !== undefined ? 16 : 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

function escapedCharacter(match: RegExpMatchArray): string | undefined {
  return String.fromCharCode(...match[1]!.split(/\\u/i).map((unit) => Number.parseInt(unit, 16)));
}

/** At most this many findings per file; a file full of them gets one more that counts the rest. */
const MAX_PER_FILE = 10;

/**
 * One text-invisible warning per invisible character in `text`: written
 * literally, or as a character reference (`references`: `&#x202E;` in Markdown
 * and HTML, `\\u202E` in JSON), which a parser decodes just the same.
 */
export function findInvisible(file: string, text: string, context: { spec?: string; locale?: string; references?: 'markup' | 'json' } = {}): Diagnostic[] {
  const { references, ...where } = context;
  const toLocation = locator(file, text);
  const hits: { offset: number; character: string; written: string }[] = [];
  const flags = [...text.matchAll(EMOJI_TAG_SEQUENCE)].map((match) => [match.index, match.index + match[0].length] as const);
  const inFlag = (offset: number): boolean => flags.some(([start, end]) => offset >= start && offset < end);
  for (const match of text.matchAll(INVISIBLE_ALL)) {
    if (isInvisible(match[0]) && !inFlag(match.index)) hits.push({ offset: match.index, character: match[0], written: 'here' });
  }
  if (references !== undefined) {
    const [pattern, decode] = references === 'markup' ? [CHARACTER_REFERENCE, referencedCharacter] : [JSON_ESCAPE, escapedCharacter];
    for (const match of text.matchAll(pattern)) {
      const character = decode(match);
      const written = match[0].replace(/^(\\\\)+/, '');
      if (character !== undefined && isInvisible(character))
        hits.push({ offset: match.index + match[0].length - written.length, character, written: `written as ${written}` });
    }
    hits.sort((a, b) => a.offset - b.offset);
  }
  const found = hits.slice(0, MAX_PER_FILE).map((hit) =>
    diagnostic('text-invisible', {
      ...where,
      at: toLocation(hit.offset),
      message: `${describeCharacter(hit.character)} ${hit.written} is invisible and can make the text read differently from what it is; delete it unless the script needs it.`,
    }),
  );
  if (hits.length > MAX_PER_FILE) {
    found.push({
      ...found[found.length - 1]!,
      message: `…and ${hits.length - MAX_PER_FILE} more invisible characters in this file after this one; search it for non-printing characters and character references.`,
    });
  }
  return found;
}
