import { formatDate } from '$lib/format';

/**
 * A post's date and time for people in many time zones: the date in the page's language and the UTC time, as the
 * campus shows deadlines.
 * @example postTime('2026-03-10T09:05:00Z', 'en') // '10 March 2026, 09:05 UTC'
 */
export function postTime(iso: string, locale: 'en' | 'fr'): string {
  return `${formatDate(iso, locale)}, ${iso.slice(11, 16)} UTC`;
}
