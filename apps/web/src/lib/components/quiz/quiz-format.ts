import type { RightAnswer } from '@labmig/core/assessment';
import { dateTimeFormat, numberFormat } from '../../format.ts';

/** Formatting for the assessment pages (dates in the cohort's time zone, grades, the countdown). */
type Locale = 'en' | 'fr';

/**
 * A timestamp as a date and time in a time zone, with the zone's short name.
 * @example formatDateTime('2026-03-09T00:00:00Z', 'en', 'UTC') // '9 March 2026 at 00:00 UTC'
 */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/**
 * The last minute a window that closes at `iso` still takes work, as a date and time: an assessment that closes at
 * the start of 8 December is open "until 7 December at 23:59", as the course home says it.
 * @example formatLastMinute('2026-03-09T00:00:00Z', 'en', 'UTC') // '8 March 2026 at 23:59 UTC'
 */
export function formatLastMinute(iso: string, locale: Locale, timeZone: string): string {
  return formatDateTime(new Date(Date.parse(iso) - 60_000).toISOString(), locale, timeZone);
}

/**
 * A timestamp as a time of day (with seconds) in a time zone.
 * @example formatTime('2026-03-09T14:05:09Z', 'fr', 'UTC') // '14:05:09 UTC'
 */
export function formatTime(iso: string, locale: Locale, timeZone?: string): string {
  return dateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
  }).format(new Date(iso));
}

/**
 * A grade or mark, with at most two decimals.
 * @example formatNumber(66.6667, 'fr') // '66,67'
 */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/**
 * Seconds left as a clock: `m:ss`, or `h:mm:ss` from one hour.
 * @example formatClock(75) // '1:15'
 */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const rest = `${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return h > 0 ? `${h}:${rest}` : rest.replace(/^0(\d)/, '$1');
}

/** The words a right answer needs in the page's language. */
export interface RightAnswerWords {
  readonly yes: string;
  readonly no: string;
  readonly range: (min: string, max: string) => string;
}

/** A number as exact as core gave it (up to 10 decimals), in the locale's notation. */
const exact = (value: number, locale: Locale): string =>
  numberFormat(locale, { maximumFractionDigits: 10 }).format(value);

/**
 * The decimals a tolerance asks for: a value accepted within ± 0.1 is given to one decimal (± 0.05: two; ± 2: none).
 * @example decimalsOf(0.1) // 1
 */
export function decimalsOf(tolerance: number): number {
  if (!(tolerance > 0)) return 10;
  return Math.min(10, Math.max(0, Math.ceil(-Math.log10(tolerance) - 1e-9)));
}

/**
 * Core's structured right answer in words: numbers in the locale (`3,14 ± 0,005`), true/false and ranges from
 * `words`; choice texts and matching pairs are the question's own.
 * @example formatRightAnswer({ kind: 'range', min: 1.5, max: 2 }, 'fr', words) // 'de 1,5 à 2'
 */
export function formatRightAnswer(answer: RightAnswer, locale: Locale, words: RightAnswerWords): string {
  switch (answer.kind) {
    case 'choices':
      return answer.texts.join('; ');
    case 'boolean':
      return answer.value ? words.yes : words.no;
    case 'text':
      return answer.text;
    case 'number':
      // Rounded to the precision the tolerance asks (a computed 8.191808192 ± 0.1 is shown as 8.2 ± 0.1).
      return answer.tolerance
        ? `${numberFormat(locale, { maximumFractionDigits: decimalsOf(answer.tolerance) }).format(answer.value)} ± ${exact(answer.tolerance, locale)}`
        : exact(answer.value, locale);
    case 'range':
      return words.range(exact(answer.min, locale), exact(answer.max, locale));
    case 'pairs':
      return answer.pairs.map((p) => `${p.prompt} → ${p.answer}`).join('; ');
  }
}
