import { m } from '$lib/paraglide/messages';
import type { Locale } from '../locale.ts';
import type { GradesFormText } from './grade-forms.ts';

/** The grading forms' error texts in a language, from the grades catalogue. */
export function gradesText(locale: Locale): GradesFormText {
  const options = { locale };
  return {
    required: () => m.form_error_required({}, options),
    number: () => m.grades_error_number({}, options),
    range: (min, max) => m.grades_error_range({ min, max }, options),
    reasonRequired: () => m.grades_error_reason({}, options),
    tooLong: (max) => m.form_error_too_long({ count: Number(max) }, options),
    summary: () => m.form_errors_summary({}, options),
  };
}
