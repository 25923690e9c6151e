/** Scripts written right to left, by their ISO 15924 code, for when Intl.Locale has no textInfo. */
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/** Languages whose usual script is written right to left, when the tag names no script. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

type TextInfo = { direction?: string };

/**
 * The writing direction of a BCP 47 tag, for the `dir` attribute. A script
 * the tag names decides (ICU's text info says ltr for az-Arab); else
 * Intl.Locale's text info where the runtime has it (a getter in older V8, a
 * method in newer); else the likely script, or the language.
 */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return 'ltr';
  }
  if (locale.script !== undefined) return RTL_SCRIPTS.has(locale.script) ? 'rtl' : 'ltr';
  const withInfo = locale as Intl.Locale & { textInfo?: TextInfo; getTextInfo?: () => TextInfo };
  const info = typeof withInfo.getTextInfo === 'function' ? withInfo.getTextInfo() : withInfo.textInfo;
  if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  const script = locale.maximize().script;
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(locale.language) ? 'rtl' : 'ltr';
}

/** The language's own name for itself ("日本語" for ja-JP), or undefined where the runtime has no data. */
export function nativeName(tag: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    return name === undefined || name === tag ? undefined : name;
  } catch {
    return undefined;
  }
}
