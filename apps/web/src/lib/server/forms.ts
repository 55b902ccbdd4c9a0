/** The texts of form errors in one language (see form-text.ts for the real ones). */
export interface FormText {
  required(): string;
  tooShort(min: string): string;
  tooLong(max: string): string;
  email(): string;
  choice(): string;
  invalid(): string;
  summary(): string;
}

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
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly FormIssue[] } };
}

/** What a failed form action returns: the user's values (never passwords) and one message per field. */
export type FormFailure = {
  readonly values: Record<string, string>;
  readonly errors: Record<string, string>;
  readonly message?: string;
};

/**
 * A form the page layer refused before calling core (a field that does not parse, a hidden field that was
 * tampered with): `runAction` returns its failure with `status`.
 */
export class FormRejected extends Error {
  override readonly name = 'FormRejected';
  constructor(
    readonly failure: FormFailure & Record<string, unknown>,
    readonly status = 400,
  ) {
    super(failure.message ?? 'form rejected');
  }
}

/** The data of a parsed form, or FormRejected with its failure (for use inside `runAction`). */
export function orReject<T>(parsed: { ok: true; data: T } | { ok: false; failure: FormFailure }): T {
  if (!parsed.ok) throw new FormRejected(parsed.failure);
  return parsed.data;
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

/**
 * Turns one validation issue into a message in the user's language. `submitted` is the value the user sent for the
 * field (zod does not repeat it in the issue); an empty value always reads "required".
 */
export function describeIssue(issue: FormIssue, text: FormText, submitted: unknown = issue.input): string {
  const empty =
    submitted === undefined ||
    submitted === null ||
    (typeof submitted === 'string' && submitted.trim() === '');
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 || empty ? text.required() : text.tooShort(String(issue.minimum));
    case 'too_big':
      return text.tooLong(String(issue.maximum));
    case 'invalid_format':
      if (empty) return text.required();
      return issue.format === 'email' ? text.email() : text.invalid();
    case 'custom':
    case 'invalid_value':
      return empty ? text.required() : text.choice();
    case 'invalid_type':
      return empty ? text.required() : text.invalid();
    default:
      return text.invalid();
  }
}

/**
 * Parses a submitted form with a core schema.
 * @returns the parsed data, or the echoed values with the first error of each field in the user's language.
 */
export function parseForm<T>(
  schema: FormSchema<T>,
  form: FormData,
  text: FormText,
  shape: (form: FormData) => Record<string, unknown> = formToObject,
): { ok: true; data: T } | { ok: false; failure: FormFailure } {
  const input = shape(form);
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path.at(-1) ?? 'form');
    errors[field] ??= describeIssue(issue, text, valueAt(input, issue.path));
  }
  return { ok: false, failure: { values: echoValues(form), errors, message: text.summary() } };
}

/** Text fields as a plain object; an empty field becomes the empty string. */
export function formToObject(form: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [name, value] of form) if (typeof value === 'string') object[name] = value;
  return object;
}

/** The value at a zod issue path inside the submitted object. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path)
    value =
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}
