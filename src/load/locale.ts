/** The canonical form of a BCP 47 tag (`en-us` → `en-US`), or undefined when it is not well-formed. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

// fallback 'none' makes DisplayNames answer undefined for a code CLDR has no name for.
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const scriptNames = new Intl.DisplayNames(['en'], { type: 'script', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** CLDR's placeholders for "unknown": well-formed, but they name nothing. */
const UNKNOWN_CODES = new Set(['und', 'Zzzz', 'ZZ']);

/**
 * Why a well-formed tag names no real locale (an unknown or private-use
 * language, script or region), or undefined when CLDR knows every part.
 * Variants, extensions and a private-use suffix (`-x-test`) are not judged.
 */
export function unknownLocalePart(locale: string): string | undefined {
  const parsed = new Intl.Locale(locale);
  const parts: [string, string | undefined, Intl.DisplayNames][] = [
    ['language', parsed.language, languageNames],
    ['script', parsed.script, scriptNames],
    ['region', parsed.region, regionNames],
  ];
  for (const [what, code, names] of parts) {
    if (code === undefined) continue;
    if (UNKNOWN_CODES.has(code) || names.of(code) === undefined) return `${what} "${code}"`;
  }
  return undefined;
}

export type LocaleCheck = { locale: string } | { problem: 'malformed' | 'unknown'; message: string };

/** Canonicalizes `tag` and checks that it names a locale CLDR knows. */
export function checkLocaleTag(tag: string): LocaleCheck {
  const locale = canonicalLocale(tag);
  if (locale === undefined) return { problem: 'malformed', message: `"${tag}" is not a well-formed BCP 47 locale tag (for example de-DE)` };
  const unknown = unknownLocalePart(locale);
  if (unknown !== undefined) {
    return {
      problem: 'unknown',
      message: `"${tag}" is well-formed but its ${unknown} is not one Unicode CLDR knows; use a registered tag, or a private-use suffix on a real one (for example et-EE-x-test)`,
    };
  }
  return { locale };
}
