import { isDomainError } from '@labmig/core';
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { FormFailure } from './forms.ts';
import type { Locale } from './locale.ts';

/**
 * Maps a domain error thrown by a core command onto a form failure in the user's language: field errors when the
 * error names fields (or `field` is given), otherwise a form-level message. Anything else is a bug and is rethrown.
 */
export function failWith(
  error: unknown,
  values: Record<string, string>,
  locale: Locale,
  field?: string,
  extra: Record<string, string> = {},
): ActionFailure<FormFailure & { code: string } & Record<string, unknown>> {
  if (!isDomainError(error)) throw error;
  const message = error.localize(locale);
  const errors: Record<string, string> = field ? { [field]: message } : {};
  for (const name of Object.keys(error.fields ?? {})) errors[name] ??= message;
  return fail(error.status, { ...extra, values, errors, message, code: error.code });
}
