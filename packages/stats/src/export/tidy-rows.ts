import type { StatTable } from '../migration/table.types.ts';

/** Column names of the value part of a tidy row, after the table's dimensions. */
export const VALUE_COLUMNS = ['estimate', 'se', 'cv', 'ci_lower', 'ci_upper', 'n', 'flags'] as const;

/** A cell of a tidy row: a number (NaN/Infinity mean "no value") or text. */
export type TidyValue = number | string;

/**
 * A table as a header plus rows of values: one column per dimension, then {@link VALUE_COLUMNS}.
 * Flags are joined with `;`.
 *
 * @example
 * tidyRows(table).header; // ['migrant', 'sex', 'age', 'estimate', 'se', 'cv', 'ci_lower', 'ci_upper', 'n', 'flags']
 */
export function tidyRows(t: StatTable): { header: string[]; rows: TidyValue[][] } {
  const header = [...t.dims, ...VALUE_COLUMNS];
  const rows = t.rows.map((r) => [
    ...t.dims.map((d) => r.dims[d] ?? ''),
    r.estimate,
    r.se,
    r.cv,
    r.ci[0],
    r.ci[1],
    r.n,
    r.flags.join(';'),
  ]);
  return { header, rows };
}
