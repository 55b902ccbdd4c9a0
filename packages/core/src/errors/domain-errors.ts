import { errorMessage, type ErrorCode, type Locale } from './error-messages.ts';

/**
 * Base of the closed set of expected errors. `code` is stable, `status` is the HTTP status the edge uses,
 * `localize(locale)` is the safe message for users, `message` is the English text (logs).
 * `fields` maps form field names to error codes or messages for form re-rendering.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
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

/** 404: the resource does not exist (or the actor may not know it exists). */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  readonly status = 404;
}

/** 403: signed in but not allowed. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  readonly status = 403;
  constructor(code: ErrorCode = 'forbidden') {
    super(code);
  }
}

/** 401: must sign in first. */
export class UnauthenticatedError extends DomainError {
  override readonly name = 'UnauthenticatedError';
  readonly status = 401;
  constructor(code: ErrorCode = 'unauthenticated') {
    super(code);
  }
}

/** 409: conflicts with the current state (email taken, already enrolled, cohort full or closed). */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
  readonly status = 409;
}

/** 400: input failed validation; `fields` holds per-field messages. */
export class DomainValidationError extends DomainError {
  override readonly name = 'DomainValidationError';
  readonly status = 400;
  constructor(fields: Record<string, string>, code: ErrorCode = 'validation.invalid') {
    super(code, fields);
  }
}

/** 429: too many attempts. */
export class RateLimitedError extends DomainError {
  override readonly name = 'RateLimitedError';
  readonly status = 429;
  constructor(code: ErrorCode = 'auth.rate_limited') {
    super(code);
  }
}

/** True for any expected domain error. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
