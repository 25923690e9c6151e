/**
 * The characters that display as nothing, or change how the text around them
 * displays: format characters (bidi embeddings, overrides, isolates and marks,
 * zero-width spaces and joiners, the BOM), the combining grapheme joiner,
 * Hangul fillers, and DEL and the C1 controls. As a regex character-class body,
 * so that the finding (text-invisible), the terminal report and the generated
 * code each add what else they must treat so (C0 controls, line separators).
 */
export const INVISIBLE_CLASS = '\\p{Cf}\\u034F\\u115F\\u1160\\u3164\\uFFA0\\u007F-\\u009F';
