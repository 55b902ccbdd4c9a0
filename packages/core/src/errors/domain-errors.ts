import { errorMessage, type ErrorCode, type Locale } from './error-messages.ts';

/** What kind of refusal a domain error is; the web edge alone turns it into an HTTP status. */
export type DomainErrorKind =
  'not-found' | 'forbidden' | 'unauthenticated' | 'conflict' | 'invalid' | 'rate-limited';

/**
 * Base of the closed set of expected errors. `code` is stable, `kind` says what sort of refusal it is,
 * `localize(locale)` is the safe message for users, `message` is the English text (logs).
 * `fields` maps form field names to error codes or messages for form re-rendering.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  readonly code: ErrorCode;
  readonly fields?: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, fields?: Record<string, string>) {
    super(errorMessage(code, 'en'));
    this.code = code;
    if (fields) this.fields = fields;
  }

  /** The user-facing message in a locale. */
  localize(locale: Locale | string): string {
    return errorMessage(this.code, locale);
  }
}

/** The resource does not exist (or the actor may not know it exists). */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  readonly kind = 'not-found';
}

/** Signed in but not allowed. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  readonly kind = 'forbidden';
  constructor(code: ErrorCode = 'forbidden') {
    super(code);
  }
}

/** Must sign in first. */
export class UnauthenticatedError extends DomainError {
  override readonly name = 'UnauthenticatedError';
  readonly kind = 'unauthenticated';
  constructor(code: ErrorCode = 'unauthenticated') {
    super(code);
  }
}

/** Conflicts with the current state (email taken, already enrolled, cohort full or closed). */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
  readonly kind = 'conflict';
}

/** Input failed validation; `fields` holds per-field messages or codes. */
export class DomainValidationError extends DomainError {
  override readonly name = 'DomainValidationError';
  readonly kind = 'invalid';
  constructor(fields: Record<string, string>, code: ErrorCode = 'validation.invalid') {
    super(code, fields);
  }
}

/** Too many attempts. */
export class RateLimitedError extends DomainError {
  override readonly name = 'RateLimitedError';
  readonly kind = 'rate-limited';
  constructor(code: ErrorCode = 'auth.rate_limited') {
    super(code);
  }
}

/** True for any expected domain error. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
