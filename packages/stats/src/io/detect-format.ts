const OLD_STATA = new Set([102, 103, 104, 105, 108, 110, 111, 112, 113, 114, 115]);

/** File formats the readers know. */
export type DataFileFormat = 'csv' | 'csv.gz' | 'sav' | 'dta' | 'por' | 'parquet' | 'arrow';

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
  if (ascii.startsWith('PAR1')) return 'parquet';
  if (ascii.startsWith('ARROW1')) return 'arrow';
  // An Arrow IPC stream starts with the continuation marker 0xFFFFFFFF and a small metadata length.
  if (head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff && head[7] === 0)
    return 'arrow';
  if (isPortable(head)) return 'por';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'csv.gz';
  const lower = name.toLowerCase();
  if (lower.endsWith('.sav') || lower.endsWith('.zsav')) return 'sav';
  if (lower.endsWith('.dta')) return 'dta';
  if (lower.endsWith('.por')) return 'por';
  if (lower.endsWith('.parquet')) return 'parquet';
  if (lower.endsWith('.arrow') || lower.endsWith('.arrows') || lower.endsWith('.feather')) return 'arrow';
  // Stata releases 102–115 start with the release byte, a byte-order byte (1 = MSF, 2 = LSF), then filetype 1.
  if (OLD_STATA.has(head[0]) && (head[1] === 1 || head[1] === 2) && head[2] === 1) return 'dta';
  return 'csv';
}

/** An SPSS portable file: 200 bytes of vanity header, then the 256-byte character table and "SPSSPORT". */
function isPortable(head: Uint8Array): boolean {
  if (head.length < 464) return false;
  // lines are 80 characters (+ CR/LF); find "SPSSPORT" after the header and the translation table
  const text = String.fromCharCode(...head.subarray(0, Math.min(head.length, 512)));
  return /SPSSPORT/.test(text.replace(/[\r\n]/g, ''));
}
