/**
 * `@labmig/core/errors` — the closed set of domain errors (stable codes, English and French messages, no HTTP
 * statuses: the web edge decides those) and the input parser that raises them.
 */
export {
  DomainError,
  NotFoundError,
  ForbiddenError,
  UnauthenticatedError,
  ConflictError,
  DomainValidationError,
  RateLimitedError,
  type DomainErrorKind,
  isDomainError,
} from './domain-errors.ts';
export { ERROR_MESSAGES, errorMessage, isErrorCode, type ErrorCode, type Locale } from './error-messages.ts';
export { parseInput } from './parse-input.ts';
