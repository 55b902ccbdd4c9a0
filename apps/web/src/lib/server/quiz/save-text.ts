import { m } from '$lib/paraglide/messages';
import type { Locale } from '../locale.ts';
import type { SaveText } from './save-page.ts';

/** The messages of refused answers in one language, from the quiz catalogue. */
export function saveText(locale: Locale): SaveText {
  return {
    number: () => m.quiz_error_number({}, { locale }),
    answer: () => m.quiz_error_answer({}, { locale }),
    summary: () => m.quiz_error_summary({}, { locale }),
  };
}
