import { describe, expect, it } from 'vitest';
import { tableToCsv } from './csv.ts';

describe('tableToCsv', () => {
  it('writes a header with units, full-precision numbers and empty cells for missing values', () => {
    const csv = tableToCsv({
      columns: [
        { key: 'k', label: 'Sector', type: 'text' },
        { key: 'v', label: 'Value', type: 'number', unit: 'millions' },
      ],
      rows: [
        ['Services', 106.8],
        ['Industry, incl. construction', null],
        ['Say "hi"', 1 / 3],
      ],
    });
    expect(csv).toBe(
      'Sector,Value (millions)\r\nServices,106.8\r\n"Industry, incl. construction",\r\n"Say ""hi""",0.3333333333333333\r\n',
    );
  });
});
