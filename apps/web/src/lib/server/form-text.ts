import { m } from '$lib/paraglide/messages';
import type { FormText } from './forms.ts';
import type { Locale } from './locale.ts';

/** The form error texts of a language, from the message catalogue. */
export function formText(locale: Locale): FormText {
  const options = { locale };
  return {
    required: () => m.form_error_required({}, options),
    tooShort: (min) => m.form_error_too_short({ count: Number(min) }, options),
    tooLong: (max) => m.form_error_too_long({ count: Number(max) }, options),
    email: () => m.form_error_email({}, options),
    choice: () => m.form_error_choice({}, options),
    invalid: () => m.form_error_invalid({}, options),
    summary: () => m.form_errors_summary({}, options),
  };
}
