/**
 * The words for yes and no that a table of booleans uses, per language (the
 * primary subtag of a locale). `init` reads a reference table written in these
 * words as a mark table and writes them to terms `values.mark`. The first word
 * of each list is the usual one; the others are spellings sources also use.
 */
export const YES_NO_WORDS: Readonly<Record<string, { yes: readonly string[]; no: readonly string[] }>> = {
  cs: { yes: ['Ano'], no: ['Ne'] },
  da: { yes: ['Ja'], no: ['Nej'] },
  de: { yes: ['Ja'], no: ['Nein'] },
  en: { yes: ['Yes'], no: ['No'] },
  es: { yes: ['Sí', 'Si'], no: ['No'] },
  et: { yes: ['Jah'], no: ['Ei'] },
  fi: { yes: ['Kyllä'], no: ['Ei'] },
  fr: { yes: ['Oui'], no: ['Non'] },
  hu: { yes: ['Igen'], no: ['Nem'] },
  it: { yes: ['Sì', 'Si'], no: ['No'] },
  ja: { yes: ['はい'], no: ['いいえ'] },
  ko: { yes: ['예'], no: ['아니요', '아니오'] },
  nb: { yes: ['Ja'], no: ['Nei'] },
  nl: { yes: ['Ja'], no: ['Nee'] },
  pl: { yes: ['Tak'], no: ['Nie'] },
  pt: { yes: ['Sim'], no: ['Não'] },
  ru: { yes: ['Да'], no: ['Нет'] },
  sv: { yes: ['Ja'], no: ['Nej'] },
  tr: { yes: ['Evet'], no: ['Hayır'] },
  zh: { yes: ['是'], no: ['否'] },
};

/** The yes/no words of a locale's language, or undefined when the built-in list does not have it. */
export function yesNoWords(locale: string): { yes: readonly string[]; no: readonly string[] } | undefined {
  const language = locale.split('-')[0]!.toLowerCase();
  return Object.hasOwn(YES_NO_WORDS, language) ? YES_NO_WORDS[language] : undefined;
}
