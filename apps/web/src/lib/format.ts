/** Locale tags for formatting: British English (day month year) and French. */
const TAGS = { en: 'en-GB', fr: 'fr-FR' } as const;

/**
 * Formats a date range of ISO dates (`YYYY-MM-DD`) in the user's language, as calendar dates (UTC, no shift).
 * @example formatDateRange('2020-10-26', '2020-12-04', 'en') // => '26 October – 4 December 2020'
 */
export function formatDateRange(start: string, end: string, locale: 'en' | 'fr'): string {
  const format = new Intl.DateTimeFormat(TAGS[locale], {
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
  return new Intl.DateTimeFormat(TAGS[locale], {
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
