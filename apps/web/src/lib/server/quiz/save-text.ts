import { m } from '$lib/paraglide/messages';
import type { Locale } from '../locale.ts';

/** The form-level message when some answers of a page were refused (field messages come from core's codes). */
export const saveSummary =
  (locale: Locale): (() => string) =>
  () =>
    m.quiz_error_summary({}, { locale });
