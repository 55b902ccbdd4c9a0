import { error, fail, json, type ActionFailure } from '@sveltejs/kit';
import { errorMessage, isDomainError, type DomainError, type DomainErrorKind } from '@labmig/core/errors';
import { echoValues, FormRejected, type FormFailure } from './forms.ts';
import type { Locale } from './locale.ts';

// The one place where core's domain errors become HTTP: page loads and GET handlers (`runLoad` → `error()`),
// form actions (`runAction` → `fail()` with the submitted values, never passwords) and JSON endpoints
// (`runJson`). Anything that is not a domain error is a bug and goes on to `handleError` (logged, 500).

const STATUS: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
};

/** The HTTP status of a domain error. */
export const statusOf = (caught: DomainError): number => STATUS[caught.kind];

/** What every runner needs from the request event. */
interface EdgeEvent {
  readonly locals: { readonly locale: Locale };
}

/**
 * Runs a page load or a GET handler: a domain error (not found, forbidden…) becomes SvelteKit's `error()` with
 * the message in the user's language.
 */
export async function runLoad<T>(event: EdgeEvent, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (caught) {
    if (isDomainError(caught)) error(statusOf(caught), caught.localize(event.locals.locale));
    throw caught;
  }
}

/** How `runAction` words a refusal. */
export interface ActionOptions {
  /** The field a form-level refusal belongs to (e.g. `email` for "this email has an account"). */
  readonly field?: string;
  /** Values to show again instead of the submitted text fields (e.g. trimmed ones). */
  readonly values?: (form: FormData) => Record<string, string>;
  /** Data every failure of this form carries (e.g. which of several forms on the page it was). */
  readonly extra?: (form: FormData) => Record<string, unknown>;
}

/** What a failed action returns to the page. */
export type ActionFailureData = FormFailure & { readonly code?: string } & Record<string, unknown>;

/**
 * Runs a form action with its submitted form. A domain error becomes `fail(status)` with the submitted values
 * (never passwords), one message per field it names (or on `options.field`) and the form message; a form the
 * page layer refused (`FormRejected`) becomes its failure. Redirects and anything else pass through.
 */
export async function runAction<T>(
  event: EdgeEvent & { readonly request: Request },
  work: (form: FormData) => Promise<T>,
  options: ActionOptions = {},
): Promise<T | ActionFailure<ActionFailureData>> {
  const form = await event.request.formData().catch(() => undefined);
  // A post whose body is not a form (no content type, a broken multipart body) is bad input, not a bug.
  if (!form) {
    const message = errorMessage('validation.invalid', event.locals.locale);
    return fail(400, { values: {}, errors: {}, message, code: 'validation.invalid' });
  }
  const extra = options.extra?.(form) ?? {};
  try {
    return await work(form);
  } catch (caught) {
    if (caught instanceof FormRejected) return fail(caught.status, { ...extra, ...caught.failure });
    if (!isDomainError(caught)) throw caught;
    const message = caught.localize(event.locals.locale);
    const errors: Record<string, string> = options.field ? { [options.field]: message } : {};
    for (const name of Object.keys(caught.fields ?? {})) errors[name] ??= message;
    const values = options.values?.(form) ?? echoValues(form);
    return fail(statusOf(caught), { ...extra, values, errors, message, code: caught.code });
  }
}

/** Runs a JSON endpoint: a domain error becomes `{ code, message }` with its status. */
export async function runJson(event: EdgeEvent, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (caught) {
    if (!isDomainError(caught)) throw caught;
    return json(
      { code: caught.code, message: caught.localize(event.locals.locale) },
      { status: statusOf(caught) },
    );
  }
}
