/** The locales the campus speaks. */
export type Locale = 'en' | 'fr';

/** Stable error codes of one feature, each with its safe message in English and French. */
export type MessageTable = Readonly<Record<string, Readonly<Record<Locale, string>>>>;
