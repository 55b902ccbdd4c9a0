import type { z } from 'zod';

/**
 * Parses JSON that labmig itself stored (course and quiz definitions, attempt layouts, answers) through its
 * schema, so a row never enters the domain as an unchecked cast. Stored data that does not fit is a bug or a
 * damaged database, never user input: a plain Error naming what was read and where it broke.
 * @example parseStoredJson(z.array(z.number()), '[1,2]', 'matched answers') // [1, 2]
 */
export function parseStoredJson<S extends z.ZodType>(schema: S, text: string, what: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`stored ${what} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(
    `stored ${what} does not fit its schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
}
