import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvReader, DataFileError, parseCsv, readCsvStream } from '../../src/io/index.ts';
import { columnValues } from './column-values.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function errorOf(fn: () => unknown): DataFileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataFileError) return e;
    throw e;
  }
  throw new Error('expected a DataFileError');
}

describe('parseCsv: fields and types', () => {
  it('infers numeric and categorical columns and treats empty and NA as missing', () => {
    const ds = parseCsv('a,b,c\n1,x,\n2.5,,NA\n-3e2,y,4\n');
    expect(ds.nrows).toBe(3);
    expect(columnValues(ds, 'a')).toEqual([1, 2.5, -300]);
    expect(columnValues(ds, 'b')).toEqual(['x', null, 'y']);
    expect(columnValues(ds, 'c')).toEqual([NaN, NaN, 4]);
    expect(ds.column('c').kind).toBe('numeric');
  });

  it('keeps codes with leading zeros as text, exactly as written, even after numbers', () => {
    const ds = parseCsv('id,x\n123,1.50\n0123,2\n7,abc\n');
    expect(columnValues(ds, 'id')).toEqual(['123', '0123', '7']);
    expect(columnValues(ds, 'x')).toEqual(['1.50', '2', 'abc']);
  });

  it('bounds the memory kept for non-canonical numbers: past 100,000 they come back canonical', () => {
    const text = 'x\n' + '1.50\n'.repeat(100_001) + 'abc\n';
    const x = columnValues(parseCsv(text), 'x');
    expect(x[0]).toBe('1.5');
    expect(x[100_001]).toBe('abc');
    expect(columnValues(parseCsv(text, { columnTypes: { x: 'categorical' } }), 'x')[0]).toBe('1.50');
  });

  it('reads apisrs.csv: cds stays text with its leading zeros, dotted names kept', () => {
    const ds = parseCsv(readFileSync(new URL('../fixtures/io/apisrs.csv', import.meta.url)), {
      source: 'apisrs.csv',
    });
    expect(ds.nrows).toBe(200);
    const cds = columnValues(ds, 'cds');
    expect(ds.column('cds').kind).toBe('categorical');
    expect(cds[0]).toBe('15739081534155');
    expect(cds.filter((v) => typeof v === 'string' && v.startsWith('0')).length).toBe(21);
    expect(ds.column('sch.wide').kind).toBe('categorical');
    expect(columnValues(ds, 'api00')[0]).toBe(462);
    expect(columnValues(ds, 'avg.ed')[0]).toBe(1.9099999666214);
    expect(columnValues(ds, 'flag')[0]).toBeNaN();
  });

  it('handles quotes, "" escapes, embedded newlines and delimiters, and CRLF', () => {
    const ds = parseCsv('name,note\r\n"Smith, J","said ""hi""\r\nthen left"\r\nplain,""\r\n');
    expect(columnValues(ds, 'name')).toEqual(['Smith, J', 'plain']);
    expect(columnValues(ds, 'note')).toEqual(['said "hi"\r\nthen left', null]);
  });

  it('keeps a quoted NA as text but an unquoted NA as missing', () => {
    expect(columnValues(parseCsv('iso2\n"NA"\nNA\nFR\n'), 'iso2')).toEqual(['NA', null, 'FR']);
  });

  it('skips blank lines and reads a last line without a newline', () => {
    expect(columnValues(parseCsv('x\n1\n\n2'), 'x')).toEqual([1, 2]);
  });

  it('reads wide files (more fields than the tokenizer starts with)', () => {
    const names = Array.from({ length: 150 }, (_, j) => `c${j}`);
    const ds = parseCsv(`${names.join(',')}\n${names.map((_, j) => j).join(',')}\n`);
    expect(ds.columns).toHaveLength(150);
    expect(columnValues(ds, 'c149')).toEqual([149]);
  });

  it('names columns V1.. without a header', () => {
    const ds = parseCsv('1,a\n2,b\n', { header: false });
    expect(ds.columns.map((c) => c.name)).toEqual(['V1', 'V2']);
    expect(columnValues(ds, 'V1')).toEqual([1, 2]);
  });

  it('forces column types on request', () => {
    const ds = parseCsv('zip,n\n1000,1\n2000,2\n', { columnTypes: { zip: 'categorical' } });
    expect(columnValues(ds, 'zip')).toEqual(['1000', '2000']);
    const e = errorOf(() => parseCsv('n\n1\nabc\n', { columnTypes: { n: 'numeric' }, source: 'f.csv' }));
    expect(e.code).toBe('csv.not_numeric');
    expect(e.line).toBe(3);
    expect(e.message).toContain('f.csv:3: "abc" in column "n" is not a number');
    expect(errorOf(() => parseCsv('a\n1\n', { columnTypes: { b: 'numeric' } })).code).toBe(
      'csv.unknown_column',
    );
  });
});

describe('parseCsv: detection', () => {
  it.each([
    [';', 'a;b\n1;2\n'],
    ['\t', 'a\tb\n1\t2\n'],
    ['|', 'a|b\n1|2\n'],
    [',', 'a,b\n1,2\n'],
  ])('detects the delimiter %j', (_d, text) => {
    const ds = parseCsv(text);
    expect(ds.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(columnValues(ds, 'b')).toEqual([2]);
  });

  it('detects decimal commas with ; and reads them as numbers', () => {
    const ds = parseCsv('w;sex\n1,5;m\n1234,25;f\n');
    expect(columnValues(ds, 'w')).toEqual([1.5, 1234.25]);
  });

  it('decodes UTF-8 with and without BOM, UTF-16 LE/BE with BOM, and falls back to Windows-1252', () => {
    const text = 'pays,n\nCôte d’Ivoire,1\nMéxico,2\n';
    const utf8 = enc(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    const be = new Uint8Array(2 + text.length * 2);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      le[2 + 2 * i] = u & 255;
      le[3 + 2 * i] = u >> 8;
      be[2 + 2 * i] = u >> 8;
      be[3 + 2 * i] = u & 255;
    }
    for (const bytes of [utf8, withBom, le, be]) {
      const ds = parseCsv(bytes);
      expect(ds.columns[0].name).toBe('pays');
      expect(columnValues(ds, 'pays')).toEqual(['Côte d’Ivoire', 'México']);
    }
    // Windows-1252: é = 0xE9, ’ = 0x92 — not valid UTF-8.
    const cp = new Uint8Array([
      ...enc('pays\nC'),
      0xf4,
      ...enc('te d'),
      0x92,
      ...enc('Ivoire\nM'),
      0xe9,
      ...enc('xico\n'),
    ]);
    expect(columnValues(parseCsv(cp), 'pays')).toEqual(['Côte d’Ivoire', 'México']);
  });
});

describe('parseCsv: errors', () => {
  it('names the line of a ragged row', () => {
    const e = errorOf(() => parseCsv('a,b\n1,2\n3\n', { source: 'r.csv' }));
    expect(e.code).toBe('csv.ragged_row');
    expect(e.line).toBe(3);
    expect(e.message).toBe(
      'r.csv:3: this row has 1 fields but the header has 2. Check for a missing or extra delimiter, or an unquoted delimiter inside a value.',
    );
  });

  it('names the line where an unterminated quote started', () => {
    const e = errorOf(() => parseCsv('a,b\n1,2\n3,"open\nmore\nstill\n'));
    expect(e.code).toBe('csv.unterminated_quote');
    expect(e.line).toBe(3);
    expect(e.column).toBe(2);
  });

  it('counts lines inside quoted fields when reporting later errors', () => {
    expect(errorOf(() => parseCsv('a,b\n"x\ny",2\n3\n')).line).toBe(4);
  });

  it('rejects text after a closing quote, duplicate header names and an empty file', () => {
    expect(errorOf(() => parseCsv('a\n"x"y\n')).code).toBe('csv.stray_quote');
    expect(errorOf(() => parseCsv('a,a\n1,2\n')).code).toBe('csv.duplicate_header');
    expect(errorOf(() => parseCsv('')).code).toBe('file.empty');
  });
});

describe('streaming', () => {
  const text = 'id,name,w\n0001,"a, ""b""\nc",1.25\n0002,,2\r\n3,zz,NA\n';

  it('gives the same dataset whatever the chunk boundaries', () => {
    const whole = parseCsv(text);
    const bytes = enc(text);
    for (const size of [1, 2, 3, 7]) {
      const r = new CsvReader();
      for (let o = 0; o < bytes.length; o += size) r.push(bytes.subarray(o, o + size));
      const ds = r.finish();
      for (const name of ['id', 'name', 'w'])
        expect(columnValues(ds, name)).toEqual(columnValues(whole, name));
    }
    expect(columnValues(whole, 'name')).toEqual(['a, "b"\nc', null, 'zz']);
  });

  it('readCsvStream reads an async iterable of chunks', async () => {
    async function* chunks() {
      yield enc('x,y\n1,');
      yield enc('a\n2,b\n');
    }
    const ds = await readCsvStream(chunks());
    expect(columnValues(ds, 'y')).toEqual(['a', 'b']);
  });
});
