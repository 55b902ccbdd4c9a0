/** Locale tags for formatting: British English (day month year) and French. */
export const LOCALE_TAGS = { en: 'en-GB', fr: 'fr-FR' } as const;
const TAGS = LOCALE_TAGS;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A cached `Intl.NumberFormat` for the user's language: building one costs far more than using it, and pages
 * format hundreds of numbers (a gradebook, a quiz under a deadline rush).
 * @example numberFormat('fr', { maximumFractionDigits: 2 }).format(81.818) // => '81,82'
 */
export function numberFormat(locale: 'en' | 'fr', options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(TAGS[locale], options)));
  return format;
}

/** A cached `Intl.DateTimeFormat` for the user's language (see numberFormat). */
export function dateTimeFormat(
  locale: 'en' | 'fr',
  options: Intl.DateTimeFormatOptions = {},
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(TAGS[locale], options)));
  return format;
}

/**
 * Formats a date range of ISO dates (`YYYY-MM-DD`) in the user's language, as calendar dates (UTC, no shift).
 * @example formatDateRange('2020-10-26', '2020-12-04', 'en') // => '26 October – 4 December 2020'
 */
export function formatDateRange(start: string, end: string, locale: 'en' | 'fr'): string {
  const format = dateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.formatRange(
    new Date(`${start.slice(0, 10)}T00:00:00Z`),
    new Date(`${end.slice(0, 10)}T00:00:00Z`),
  );
}

/**
 * Formats an ISO date or timestamp as a date in the user's language.
 * @example formatDate('2020-10-26', 'fr') // => '26 octobre 2020'
 */
export function formatDate(value: string, locale: 'en' | 'fr'): string {
  const date = value.length === 10 ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Splits plain text with blank lines into paragraphs. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
