// CSV input shared by every import (reference data, group lists).

/**
 * Splits RFC 4180 CSV text (quoted fields, doubled quotes) into rows of strings. `delimiter` defaults to a comma;
 * {@link detectCsvDelimiter} picks one for files saved by spreadsheets set to other languages.
 * @example parseCsv('a,b\n"x, y",z\n') // [['a', 'b'], ['x, y', 'z']]
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * The delimiter of a CSV file from its first line: a comma, or the semicolon or tab that spreadsheets in French
 * and other languages write, whichever occurs most outside quotes (a comma when none does).
 * @example detectCsvDelimiter('email;group\n') // ';'
 */
export function detectCsvDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = ([',', ';', '\t'] as const).map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}
