import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NumericColumn } from '../../src/dataset/dataset.types.ts';
import { DataFileError, readSav } from '../../src/io/index.ts';
import { columnValues } from './column-values.ts';
import { SAV_VARS } from './oracle-files.ts';
import { writeSav } from './writers/sav-writer.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/io/${name}`, import.meta.url)));

describe('readSav', () => {
  it('reads lfs_small.sav with variable labels and value labels', () => {
    const ds = readSav(fixture('lfs_small.sav'), { source: 'lfs_small.sav' });
    expect(ds.nrows).toBe(21473);
    expect(ds.columns).toHaveLength(28);
    const sex = ds.column('sex') as NumericColumn;
    expect(sex.label).toBe('Sex');
    expect(sex.valueLabels?.get(1)).toBe('male');
    expect(sex.valueLabels?.get(2)).toBe('female');
    expect(columnValues(ds, 'country_of_birth').slice(0, 2)).toEqual(['NPL', 'MYS']);
    expect(ds.source).toBe('lfs_small.sav');
  });

  it.each([
    ['uncompressed, little-endian', { compression: 0 }],
    ['bytecode, little-endian', { compression: 1 }],
    ['zlib (.zsav), several blocks', { compression: 2, zblock: 64 }],
    ['uncompressed, big-endian', { compression: 0, littleEndian: false }],
    ['bytecode, big-endian', { compression: 1, littleEndian: false }],
  ] as const)('reads %s files the same way', (_what, opts) => {
    const ds = readSav(writeSav(SAV_VARS, opts));
    expect(ds.columns.map((c) => c.name)).toEqual([
      'id_number',
      'score',
      'grp',
      'short',
      'medium',
      'longtext',
    ]);
    const score = ds.column('score') as NumericColumn;
    expect(score.label).toBe('Score');
    expect([...score.values]).toEqual([1.5, NaN, NaN, 1e10, 0.0078125]);
    expect(score.missingReasons?.get(1)).toBe(-99); // user-missing, kept as reason
    expect(score.missingReasons?.has(2)).toBe(false); // system-missing
    const grp = ds.column('grp') as NumericColumn;
    expect([...grp.values]).toEqual([1, NaN, NaN, 2, 250]); // range 8–9 is missing
    expect([...grp.missingReasons!]).toEqual([
      [1, 8],
      [2, 9],
    ]);
    expect(grp.valueLabels?.get(9)).toBe('refused');
    expect(columnValues(ds, 'short')).toEqual(['ab', null, 'xyz', null, 'a"b']);
    expect(columnValues(ds, 'medium')).toEqual(['twenty chars here!!', 'é', null, 'q', '  lead']);
    const long = columnValues(ds, 'longtext');
    expect(long[0]).toBe(SAV_VARS[5].values[0]);
    expect((long[0] as string).length).toBe(554);
    expect(long[3]).toBe('x'.repeat(600));
    expect(long[4]).toBe('tail');
  });

  it('decodes a file without an encoding record by its code page (Windows-1252)', () => {
    const vars = [
      { name: 'pays_né', width: 12, values: ['Côte', 'México'], label: 'Pays de naissance' },
      { name: 'n', values: [1, 2], valueLabels: [[1, 'un élève']] as [number, string][] },
    ];
    const ds = readSav(writeSav(vars, { compression: 1, encoding: 'windows-1252' }));
    expect(ds.columns.map((c) => c.name)).toEqual(['pays_né', 'n']);
    expect(columnValues(ds, 'pays_né')).toEqual(['Côte', 'México']);
    expect((ds.column('n') as NumericColumn).valueLabels?.get(1)).toBe('un élève');
  });

  it('treats string user-missing values as missing (variable record and record 7.22)', () => {
    const vars = [
      { name: 'short', width: 4, values: ['NA', 'ok', 'DK'], missingStrings: ['NA', 'DK'] },
      {
        name: 'longer_name',
        width: 20,
        values: ['refused', 'fine', 'refused!'],
        missingStrings: ['refused'],
      },
    ];
    for (const compression of [0, 1] as const) {
      const ds = readSav(writeSav(vars, { compression }));
      expect(columnValues(ds, 'short')).toEqual([null, 'ok', null]);
      expect(columnValues(ds, 'longer_name')).toEqual([null, 'fine', 'refused!']);
    }
  });

  it('rejects a file that is not SPSS with a typed error', () => {
    const e = (() => {
      try {
        readSav(new TextEncoder().encode('hello, world'), { source: 'x.sav' });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(DataFileError);
    expect((e as DataFileError).code).toBe('sav.bad_header');
    expect((e as DataFileError).message).toMatch(/^x\.sav \(byte 4\): not an SPSS system file/);
  });

  it('reports a truncated file as file.truncated', () => {
    const bytes = writeSav(SAV_VARS, { compression: 0 });
    expect(() => readSav(bytes.subarray(0, bytes.length - 10))).toThrow(
      expect.objectContaining({ code: 'file.truncated' }),
    );
  });
});
