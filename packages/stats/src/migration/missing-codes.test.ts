import { describe, expect, it } from 'vitest';
import { categoricalColumn, createDataset, numericColumn } from '../dataset/dataset.ts';
import { MappingError } from './mapping-error.ts';
import { parseMapping } from './mapping.parse.ts';
import { computeMigrationTables } from './migration-tables.ts';
import { applyMissingCodes } from './missing-codes.ts';

const base = {
  homeCountry: 'MYS',
  surveyYear: 2024,
  design: { weight: 'w' },
  columns: { age: 'age', lfs: 'lfs', countryOfBirth: 'cob' },
  codes: { lfs: { employed: ['1'], unemployed: ['2'], outside_lf: ['3'] } },
};

describe('applyMissingCodes', () => {
  const ds = createDataset([
    numericColumn('age', [30, 999, 40], { valueLabels: new Map([[999, 'not stated']]) }),
    numericColumn('lfs', [1, 9, 2], { valueLabels: new Map([[9, 'not applicable']]) }),
    categoricalColumn('cob', ['MYS', 'XXX', 'IDN']),
  ]);

  it('reads listed numbers as NaN, by code or by value label, and keeps labels', () => {
    const out = applyMissingCodes(ds, {
      columns: { age: 'age', lfs: 'lfs' },
      missing: { age: ['not stated'], lfs: ['9'] },
    });
    const age = out.column('age');
    const lfs = out.column('lfs');
    expect(age.kind === 'numeric' && [...age.values]).toEqual([30, NaN, 40]);
    expect(lfs.kind === 'numeric' && [...lfs.values]).toEqual([1, NaN, 2]);
    expect(lfs.kind === 'numeric' && lfs.valueLabels?.get(9)).toBe('not applicable');
    expect(
      ds.column('age').kind === 'numeric' && (ds.column('age') as { values: Float64Array }).values[1],
    ).toBe(999);
  });

  it('reads listed text values as missing (code -1) and leaves other columns shared', () => {
    const out = applyMissingCodes(ds, {
      columns: { countryOfBirth: 'cob' },
      missing: { countryOfBirth: ['XXX'] },
    });
    const cob = out.column('cob');
    expect(cob.kind === 'categorical' && [...cob.codes]).toEqual([0, -1, 2]);
    expect(out.column('age')).toBe(ds.column('age'));
  });
});

describe('mapping "missing"', () => {
  it('is accepted by parseMapping for mapped columns', () => {
    expect(parseMapping({ ...base, missing: { lfs: ['9'], age: [999] } }).missing).toEqual({
      lfs: ['9'],
      age: ['999'],
    });
  });

  it.each([
    ['missing.sex', { sex: ['9'] }],
    ['missing.colour', { colour: ['9'] }],
    ['missing.lfs', { lfs: '9' }],
  ])('refuses %s', (field, missing) => {
    try {
      parseMapping({ ...base, missing });
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(MappingError);
      expect((e as MappingError).field).toBe(field);
    }
  });

  it('lets the tables run on a file whose "not applicable" code no concept lists', () => {
    const n = 40;
    const ds = createDataset([
      numericColumn(
        'w',
        Array.from({ length: n }, () => 10),
      ),
      numericColumn(
        'age',
        Array.from({ length: n }, (_, i) => (i < 5 ? 10 : 20 + i)),
      ),
      numericColumn(
        'lfs',
        Array.from({ length: n }, (_, i) => (i < 5 ? 9 : 1 + (i % 3))),
      ),
      categoricalColumn(
        'cob',
        Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 'IDN' : 'MYS')),
      ),
    ]);
    expect(() => computeMigrationTables(ds, parseMapping(base))).toThrow(/does not list the value "9"/);
    const tables = computeMigrationTables(ds, parseMapping({ ...base, missing: { lfs: ['9'] } })).tables;
    const wap = tables.find((t) => t.id === 'wap_age');
    const all = wap?.rows.find((r) => Object.values(r.dims).every((v) => v === 'total'));
    expect(all?.estimate).toBe(35 * 10);
  });
});
