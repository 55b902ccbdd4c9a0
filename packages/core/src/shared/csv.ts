// CSV output shared by every export (roster, gradebook, progress grid).

/**
 * Quotes one CSV field (RFC 4180) and defuses spreadsheet formulas: a value starting with `=`, `+`, `-`,
 * `@`, tab or carriage return gets a leading apostrophe so Excel/LibreOffice show it as text.
 * @example csvField('=1+1') // "'=1+1"
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
