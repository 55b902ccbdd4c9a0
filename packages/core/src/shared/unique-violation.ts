/**
 * True when a database error is a unique-constraint violation (PostgreSQL 23505, SQLite "UNIQUE constraint
 * failed"): the database settles races that a check-then-insert cannot.
 */
export function isUniqueViolation(error: unknown): boolean {
  const text =
    String((error as { code?: string; message?: string })?.code ?? '') +
    String((error as Error)?.message ?? '');
  return /23505|UNIQUE|unique/.test(text);
}
