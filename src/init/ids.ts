import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { splitFootnote } from '../extract/footnotes.js';

/** Canonical ids: PascalCase ASCII, as the config and terms schemas require. */
export const ID_PATTERN = /^[A-Z][A-Za-z0-9]*$/;
export const MAX_ID_LENGTH = 100;
/** Config names (axes, tables, vocabularies): lowerCamel ASCII. */
export const NAME_PATTERN = /^[a-z][A-Za-z0-9]*$/;
export const MAX_NAME_LENGTH = 60;
/** Names the config schema refuses for axes, tables and vocabularies ("mark" is the built-in vocabulary). */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  '__proto__',
  'mark',
]);

/** An id, with what makes it doubtful (to flag for review), or why no id can be made. */
export type IdResult = { id: string; doubt?: string } | { problem: string };

/** Letters that NFKD does not decompose but that have a usual ASCII spelling. */
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'Ss',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
};
const TRANSLITERATED = new RegExp(`[${Object.keys(TRANSLITERATIONS).join('')}]`, 'gu');

/**
 * The text a reader sees in a label that may still hold Markdown or HTML:
 * link syntax and tags dropped (`<br>` is a space), character references
 * decoded, emphasis and code markers dropped, a footnote marker cut off.
 * Plain text passes through, apart from the footnote marker.
 */
export function labelText(label: string): string {
  const text = label
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[A-Za-z][A-Za-z0-9]*);/gi, (whole, name: string) => decodeReference(name) ?? whole)
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  return splitFootnote(text, label).label.replace(/\s+/gu, ' ').trim();
}

function decodeReference(name: string): string | undefined {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  const decoded = decodeNamedCharacterReference(name);
  return decoded === false ? undefined : decoded;
}

/** The ASCII words of a label: accents dropped (NFKD), a few letters spelled out, split at anything else. */
export function asciiWords(label: string): { words: string[]; dropped: string[] } {
  const decomposed = labelText(label)
    .replace(/['’ʼ]/gu, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(TRANSLITERATED, (letter) => TRANSLITERATIONS[letter]!);
  const dropped = [...new Set(decomposed.match(/[^\x00-\x7f]/gu)?.filter((character) => /[\p{L}\p{N}]/u.test(character)) ?? [])];
  const words = decomposed.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return { words, dropped };
}

/**
 * The canonical id of a reference label: its ASCII words in PascalCase.
 * "[Self-hosted gateway](x.md)<sup>3</sup>" → SelfHostedGateway,
 * "Suspended (resumable)" → SuspendedResumable, "Update <br/> Configuration"
 * → UpdateConfiguration, "Échec" → Echec. A word keeps its inner capitals
 * (StartFailed). A label with no letter A–Z left has no id; an id that had
 * to drop letters, start with "N" (it began with a digit) or be cut to
 * MAX_ID_LENGTH comes with a doubt.
 */
export function idFromLabel(label: string): IdResult {
  const { words, dropped } = asciiWords(label);
  if (!words.some((word) => /[A-Za-z]/.test(word))) {
    const shown = labelText(label);
    return { problem: shown === '' ? 'the label is empty' : `"${shown}" has no letters A–Z, even with accents dropped` };
  }
  const doubts: string[] = [];
  let id = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  if (/^[0-9]/.test(id)) {
    id = `N${id}`;
    doubts.push('an id cannot start with a digit, so it starts with "N"');
  }
  if (id.length > MAX_ID_LENGTH) {
    id = id.slice(0, MAX_ID_LENGTH);
    doubts.push(`the label is long, so its id is cut to ${MAX_ID_LENGTH} characters`);
  }
  if (dropped.length > 0)
    doubts.push(
      `the id leaves out ${dropped.map((character) => `"${character}"`).join(', ')}, which ${dropped.length === 1 ? 'has' : 'have'} no ASCII spelling`,
    );
  return doubts.length === 0 ? { id } : { id, doubt: doubts.join('; ') };
}

/** English plural of a word (the last word of a name): state → states, category → categories, status → statuses. */
export function pluralize(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(word)) return isPlural(word) ? word : `${word}es`;
  return `${word}s`;
}

/** English singular of a word that may be plural: states → state, categories → category, statuses → status. */
export function singularize(word: string): string {
  if (/[^aeiou]ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z|ss|us)es$/i.test(word)) return word.slice(0, -2);
  return isPlural(word) ? word.slice(0, -1) : word;
}

/** A word that ends in s and is not a singular in -ss, -us or -is. */
function isPlural(word: string): boolean {
  return /s$/i.test(word) && !/(?:ss|us|is)$/i.test(word);
}
