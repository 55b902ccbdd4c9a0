import { m } from '$lib/paraglide/messages';
import type { Locale } from './locale.ts';

/** The part of a zod 4 issue the form layer reads. */
export interface FormIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly format?: string;
  readonly input?: unknown;
  readonly origin?: string;
}

/** Anything with zod's `safeParse` (the core schemas). */
export interface FormSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly FormIssue[] } };
}

/** What a failed form action returns: the user's values (never passwords) and one message per field. */
export interface FormFailure {
  readonly values: Record<string, string>;
  readonly errors: Record<string, string>;
  readonly message?: string;
}

/** Field names whose values are never sent back to the browser. */
const SECRET_FIELDS = /password|token/i;

/** The submitted text fields, minus passwords. */
export function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value === 'string' && !SECRET_FIELDS.test(name)) values[name] = value;
  }
  return values;
}

/** Turns one validation issue into a message in the user's language. */
export function describeIssue(issue: FormIssue, locale: Locale): string {
  const options = { locale };
  const empty = issue.input === undefined || issue.input === '';
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 || empty
        ? m.form_error_required({}, options)
        : m.form_error_too_short({ min: String(issue.minimum) }, options);
    case 'too_big':
      return m.form_error_too_long({ max: String(issue.maximum) }, options);
    case 'invalid_format':
      if (empty) return m.form_error_required({}, options);
      return issue.format === 'email' ? m.form_error_email({}, options) : m.form_error_invalid({}, options);
    case 'custom':
    case 'invalid_value':
      return empty ? m.form_error_required({}, options) : m.form_error_choice({}, options);
    case 'invalid_type':
      return empty ? m.form_error_required({}, options) : m.form_error_invalid({}, options);
    default:
      return m.form_error_invalid({}, options);
  }
}

/**
 * Parses a submitted form with a core schema.
 * @returns the parsed data, or the echoed values with the first error of each field in the user's language.
 */
export function parseForm<T>(
  schema: FormSchema<T>,
  form: FormData,
  locale: Locale,
  shape: (form: FormData) => Record<string, unknown> = formToObject,
): { ok: true; data: T } | { ok: false; failure: FormFailure } {
  const result = schema.safeParse(shape(form));
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path.at(-1) ?? 'form');
    errors[field] ??= describeIssue(issue, locale);
  }
  return { ok: false, failure: { values: echoValues(form), errors, message: m.form_errors_summary({}, { locale }) } };
}

/** Text fields as a plain object; an empty field becomes the empty string. */
export function formToObject(form: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [name, value] of form) if (typeof value === 'string') object[name] = value;
  return object;
}
