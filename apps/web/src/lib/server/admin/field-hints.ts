import type { FormFailure } from '../forms.ts';

type Parsed<T> = { ok: true; data: T } | { ok: false; failure: FormFailure };

/**
 * Replaces the generic message of a field that was filled in but refused with one that says what the field wants
 * (a whole number, a date after another…). Empty required fields keep "This field is required.".
 * @example explainFields(parsed, { capacity: () => 'Enter a whole number of places.' })
 */
export function explainFields<T>(
  parsed: Parsed<T>,
  hints: Readonly<Record<string, () => string>>,
): Parsed<T> {
  if (parsed.ok) return parsed;
  const errors = { ...parsed.failure.errors };
  for (const [field, hint] of Object.entries(hints)) {
    if (errors[field] !== undefined && (parsed.failure.values[field] ?? '').trim() !== '')
      errors[field] = hint();
  }
  return { ok: false, failure: { ...parsed.failure, errors } };
}
