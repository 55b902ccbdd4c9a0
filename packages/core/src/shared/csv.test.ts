import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['Tomás Ñúñez', 'Tomás Ñúñez'],
    ['', ''],
    // Quoted when the cell holds a delimiter (comma, or the semicolon and tab other locales split on), a quote or
    // a line break; quotes doubled.
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['a\tb', '"a\tb"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
    // Formula starts get an apostrophe, whatever the cell and whatever follows.
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+33 1 23', "'+33 1 23"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['\n=1', `"'\n=1"`],
    // … also behind spaces (some importers trim them) and in their full-width forms.
    ['  =1+1', "'  =1+1"],
    ['＝1+1', "'＝1+1"],
    // A formula that hides behind a delimiter is quoted, so it stays in its cell.
    ['x;=cmd|"/c calc"!A1', `"x;=cmd|""/c calc""!A1"`],
    ['a=b', 'a=b'],
  ])('text %j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers as numbers (a negative number is no formula) and leaves missing values empty', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(70)).toBe('70');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, writes the header and one CRLF-ended line per row', () => {
    const csv = toCsv(
      ['name', 'grade'],
      [
        ['Tomás', 70],
        ['=2+3 Formula', null],
      ],
    );
    expect(csv).toBe("\uFEFFname,grade\r\nTomás,70\r\n'=2+3 Formula,\r\n");
    // The BOM is the three bytes EF BB BF once encoded, which Excel needs to read UTF-8.
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('defuses and quotes header cells too', () => {
    expect(toCsv(['-Week 1 (/100)', 'a,b'], [])).toBe(`\uFEFF'-Week 1 (/100),"a,b"\r\n`);
  });
});
