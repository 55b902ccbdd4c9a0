import { error } from '@sveltejs/kit';
import { errorMessage } from '@labmig/core';
import type { Locale } from '../locale.ts';

/**
 * A quiz page lives under its own cohort's URL: a quiz of another cohort (which core let this actor see, as
 * staff there) answers 404 here rather than appearing under the wrong cohort.
 * @throws HttpError 404 when the ids differ
 */
export function requireSameCohort(actual: string, inUrl: string, locale: Locale): void {
  if (actual !== inUrl) error(404, errorMessage('quiz.not_found', locale));
}
