import type { AnswerResult, LabExerciseStatus, Tolerance } from '@labmig/core/lab-exercises';
import { numberFormat } from '../../format.ts';
import { m } from '$lib/paraglide/messages';

/** Words for a Lab exercise's status and an answer's result, and number formatting for the Lab exercise pages. */
type Locale = 'en' | 'fr';

export const statusText: Record<LabExerciseStatus, () => string> = {
  'not-attempted': () => m.lx_status_not_attempted(),
  retry: () => m.lx_status_retry(),
  passed: () => m.lx_status_passed(),
  failed: () => m.lx_status_failed(),
  closed: () => m.lx_status_closed(),
};

export const resultText: Record<AnswerResult, () => string> = {
  correct: () => m.lx_result_correct(),
  incorrect: () => m.lx_result_incorrect(),
  missing: () => m.lx_result_missing(),
  invalid: () => m.lx_result_invalid(),
};

/**
 * An engine value or a score, with up to four decimals (sample sizes stay whole numbers).
 * @example labNumber(64.27504712652, 'fr') // '64,275'
 */
export function labNumber(value: number, locale: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: 4 }).format(value);
}

/** How an answer's tolerance reads. */
export function toleranceText(t: Tolerance, locale: Locale): string {
  return 'absolute' in t
    ? m.lx_tolerance_abs({ value: labNumber(t.absolute, locale) })
    : m.lx_tolerance_rel({ value: labNumber(t.relative * 100, locale) });
}
