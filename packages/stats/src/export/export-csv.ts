import type { StatTable } from '../migration/table.types.ts';
import { tidyRows, type TidyValue } from './tidy-rows.ts';

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. Non-finite numbers are
 * empty (missing); finite numbers are written in full precision.
 *
 * @example
 * csvField('a "b", c'); // '"a ""b"", c"'
 * csvField(NaN);        // ''
 */
export function csvField(v: TidyValue | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * CSV text (RFC 4180: CRLF line ends, header line) from a header and rows.
 *
 * @example
 * toCsvText(['a', 'b'], [[1, 'x,y']]); // 'a,b\r\n1,"x,y"\r\n'
 */
export function toCsvText(
  header: readonly string[],
  rows: readonly (readonly (TidyValue | null)[])[],
): string {
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) lines.push(r.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

/**
 * A table as tidy CSV: dimensions, then estimate, se, cv, ci_lower, ci_upper, n, flags.
 *
 * @example
 * toCsv(table).split('\r\n')[0]; // 'migrant,sex,age,estimate,se,cv,ci_lower,ci_upper,n,flags'
 */
export function toCsv(t: StatTable): string {
  const { header, rows } = tidyRows(t);
  return toCsvText(header, rows);
}
