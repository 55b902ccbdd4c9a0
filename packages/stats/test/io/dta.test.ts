import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NumericColumn } from '../../src/dataset/dataset.types.ts';
import { readDta } from '../../src/io/index.ts';
import { columnValues } from './column-values.ts';
import { dtaVars } from './oracle-files.ts';
import { writeDtaOld } from './writers/dta-old-writer.ts';
import { writeDta } from './writers/dta-writer.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/io/${name}`, import.meta.url)));

describe('readDta', () => {
  it('reads lfs_small.dta (release 118) with labels', () => {
    const ds = readDta(fixture('lfs_small.dta'));
    expect(ds.nrows).toBe(21473);
    const lfs = ds.column('lfs') as NumericColumn;
    expect(lfs.label).toBe('Labour force status (ILO), 15+');
    expect(lfs.valueLabels?.get(2)).toBe('unemployed');
  });

  it.each([
    [117, true],
    [117, false],
    [118, true],
    [118, false],
    [119, true],
    [119, false],
  ] as const)(
    'reads release %i (little-endian: %s): types, extended missing, strings, strL',
    (release, le) => {
      const ds = readDta(writeDta(dtaVars(true, release), release, le));
      const b = ds.column('b') as NumericColumn;
      expect(b.storage).toBe('int8');
      expect(b.label).toBe('A byte');
      expect(b.valueLabels?.get(100)).toBe('hundred');
      expect([...b.values]).toEqual([1, -127, 100, NaN, NaN, NaN]);
      expect([...b.missingReasons!]).toEqual([
        [4, '.a'],
        [5, '.z'],
      ]);
      expect(columnValues(ds, 'i')).toEqual([-32767, 32740, 0, NaN, NaN, 7]);
      expect((ds.column('i') as NumericColumn).missingReasons?.get(3)).toBe('.b');
      expect(columnValues(ds, 'l')).toEqual([2147483620, -2147483647, 5, NaN, NaN, 1]);
      expect(columnValues(ds, 'f')).toEqual([
        1.5,
        Math.fround(0.1),
        Math.fround(-3.25e10),
        NaN,
        NaN,
        Math.fround(1e-3),
      ]);
      expect((ds.column('f') as NumericColumn).missingReasons?.get(4)).toBe('.d');
      expect(columnValues(ds, 'd')).toEqual([1438.3396, 0.0078125, -1e15, NaN, NaN, 12345.678901234]);
      expect((ds.column('d') as NumericColumn).missingReasons?.get(4)).toBe('.e');
      expect(columnValues(ds, 's')).toEqual([
        'abc',
        null,
        release === 117 ? 'Ã©' : 'é',
        'hello',
        null,
        'x"y',
      ]);
      const txt = columnValues(ds, 'txt');
      expect(txt[0]).toBe('a long text ' + 'z'.repeat(3000));
      expect(txt.slice(1)).toEqual([null, 'short', null, release === 117 ? 'u' : 'ü', 'q']);
    },
  );

  it.each([
    [114, true],
    [115, false],
  ] as const)('reads old release %i (little-endian: %s) with labels and extended missing', (release, le) => {
    const ds = readDta(writeDtaOld(dtaVars(false, release), release, le));
    const b = ds.column('b') as NumericColumn;
    expect(b.storage).toBe('int8');
    expect(b.label).toBe('A byte');
    expect(b.valueLabels?.get(1)).toBe('one');
    expect(b.missingReasons?.get(5)).toBe('.z');
    expect(columnValues(ds, 'd')).toEqual([1438.3396, 0.0078125, -1e15, NaN, NaN, 12345.678901234]);
    expect(columnValues(ds, 's')).toEqual(['abc', null, 'Ã©', 'hello', null, 'x"y']);
  });

  it('rejects an unsupported release with a typed error', () => {
    const bytes = writeDta(dtaVars(false), 118);
    bytes.set(new TextEncoder().encode('120'), '<stata_dta><header><release>'.length);
    expect(() => readDta(bytes)).toThrow(expect.objectContaining({ code: 'dta.unsupported' }));
  });
});
