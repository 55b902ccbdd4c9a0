import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { parseCsv } from '../shared/csv-read.ts';
import type { ReferenceDataProblem } from './reference-data.rules.ts';

/** Validates a value with a schema; each issue becomes a problem naming the file and the path. */
export function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
  file: string,
  problems: ReferenceDataProblem[],
): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      file,
      where: issue.path.length ? issue.path.join('.') : '(file)',
      message: issue.message,
    });
  }
  return undefined;
}

/**
 * Reads one CSV table of the reference data (a header row, then records), each row checked with `schema`; a row that
 * does not fit is left out and reported in `problems`. No YAML here: the web server reads the country list too.
 */
export function readTable<T>(
  dir: string,
  file: string,
  schema: z.ZodType<T>,
  problems: ReferenceDataProblem[],
): T[] {
  const [header = [], ...rows] = parseCsv(readFileSync(join(dir, file), 'utf8'));
  return rows.flatMap((cells, i) => {
    const record = Object.fromEntries(header.map((h, k) => [h, cells[k] ?? '']));
    const row = validate(schema, record, file, []);
    if (!row) problems.push({ file, where: `line ${i + 2}`, message: `invalid row: ${cells.join(',')}` });
    return row ? [row] : [];
  });
}
