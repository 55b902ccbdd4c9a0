import type { Column, Dataset, NumericColumn } from '../../src/dataset/dataset.types.ts';

/**
 * Renders a dataset the way `readstat in.sav out.csv` (ReadStat 1.1.x) writes it, so our reader can be compared
 * byte for byte with ReadStat's output:
 * - names and strings always quoted, `"` doubled; a missing string is `""`;
 * - system-missing and Stata `.`/`.a`–`.z` are empty; SPSS user-missing values are written as their code
 *   (ReadStat's CSV writer ignores user-missingness);
 * - Stata byte/int/long as integers, float as `%f`; doubles as `%f` when `%.14f` shows at most 6 significant
 *   decimals, else `%.14f` (C rounding: exact ties go to even).
 */
export function renderReadstatCsv(ds: Dataset): string {
  const lines = [ds.columns.map((c) => quote(c.name)).join(',')];
  for (let i = 0; i < ds.nrows; i++) lines.push(ds.columns.map((c) => cell(c, i)).join(','));
  return lines.join('\n') + '\n';
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function cell(c: Column, i: number): string {
  if (c.kind === 'categorical') {
    // ReadStat prints a string user-missing value's text
    if (c.codes[i] < 0) return quote(c.missingReasons?.get(i) ?? '');
    return quote(c.levels[c.codes[i]]);
  }
  const v = c.values[i];
  if (v === v) return formatNumber(c, v);
  const reason = c.missingReasons?.get(i);
  return typeof reason === 'number' ? formatNumber(c, reason) : '';
}

function formatNumber(c: NumericColumn, v: number): string {
  switch (c.storage) {
    case 'int8':
    case 'int16':
    case 'int32':
      return String(v);
    case 'float':
      return printfFixed(v, 6);
    default: {
      const s14 = printfFixed(v, 14);
      const frac = s14.slice(s14.indexOf('.') + 1).replace(/0+$/, '');
      return frac.length <= 6 ? printfFixed(v, 6) : s14;
    }
  }
}

/** C's `%.<digits>f`: like `toFixed`, but an exact tie rounds to even (glibc) instead of away from zero. */
export function printfFixed(v: number, digits: number): string {
  if (v === Infinity || v === -Infinity) return v > 0 ? 'inf' : '-inf';
  // toFixed switches to exponent notation from 1e21; printf writes every digit (such a double is an integer)
  if (Math.abs(v) >= 1e21) return `${BigInt(v)}${digits ? '.' + '0'.repeat(digits) : ''}`;
  const js = v.toFixed(digits);
  const exact = v.toFixed(100);
  const cut = exact.indexOf('.') + digits + 1;
  const rest = exact.slice(cut);
  if (!/^50*$/.test(rest)) return js;
  const kept = exact.slice(0, digits === 0 ? cut - 1 : cut);
  return Number(kept[kept.length - 1]) % 2 === 0 ? kept : js;
}
