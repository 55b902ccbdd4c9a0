import type { z } from 'zod';
import { DomainValidationError } from './domain-errors.ts';

/**
 * Parses command input with the same schema the form uses. Failures become DomainValidationError with
 * one message per field (the first issue of each dotted path).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_form';
    fields[path] ??= issue.message;
  }
  throw new DomainValidationError(fields);
}
