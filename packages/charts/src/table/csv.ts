import type { ChartTable } from '../chart.types.ts';

function cell(value: string | number | null): string {
  if (value === null) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The chart's data table as CSV (RFC 4180: comma-separated, CRLF line ends, quotes where needed). Numbers are
 * written in full precision with a dot, whatever the interface language, so spreadsheets read them as numbers;
 * the header names the unit: "Value (millions)".
 * @example tableToCsv({ columns: [{ key: 'k', label: 'Sector', type: 'text' }, { key: 'v', label: 'Value', type: 'number', unit: 'millions' }], rows: [['Services', 106.8]] })
 * // 'Sector,Value (millions)\r\nServices,106.8\r\n'
 */
export function tableToCsv(table: ChartTable): string {
  const header = table.columns.map((c) => cell(c.unit ? `${c.label} (${c.unit})` : c.label));
  const lines = [header.join(','), ...table.rows.map((r) => r.map(cell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
