/** File formats the readers know. */
export type DataFileFormat = 'csv' | 'csv.gz' | 'sav' | 'dta';

/**
 * The format of a data file from its first bytes (magic numbers), else from its name; CSV when nothing else fits.
 *
 * @example
 * detectFormat(new TextEncoder().encode('$FL2@(#) IBM SPSS'), 'x.bin'); // 'sav'
 */
export function detectFormat(head: Uint8Array, name = ''): DataFileFormat {
  const ascii = String.fromCharCode(...head.subarray(0, 11));
  if (ascii.startsWith('$FL2') || ascii.startsWith('$FL3')) return 'sav';
  if (ascii.startsWith('<stata_dta>')) return 'dta';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'csv.gz';
  const lower = name.toLowerCase();
  if (lower.endsWith('.sav') || lower.endsWith('.zsav')) return 'sav';
  if (lower.endsWith('.dta')) return 'dta';
  // Old Stata releases 114/115 start with the release byte then a byte-order byte (1 = MSF, 2 = LSF).
  if ((head[0] === 114 || head[0] === 115) && (head[1] === 1 || head[1] === 2) && head[2] === 1) return 'dta';
  return 'csv';
}
