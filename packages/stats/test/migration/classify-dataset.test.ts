import { beforeAll, describe, expect, it } from 'vitest';
import { categoricalColumn, createDataset, numericColumn } from '../../src/dataset/dataset.ts';
import type { CategoricalColumn, Dataset, NumericColumn } from '../../src/dataset/dataset.types.ts';
import { classifyDataset } from '../../src/migration/classify-dataset.ts';
import { MappingError } from '../../src/migration/mapping-error.ts';
import { lfsSmallMapping, loadLfsSmall } from './load-lfs-small.ts';

let raw: Dataset;
let out: Dataset;
beforeAll(async () => {
  raw = await loadLfsSmall();
  out = classifyDataset(raw, lfsSmallMapping()).dataset;
});
const text = (ds: Dataset, name: string) => {
  const c = ds.column(name) as CategoricalColumn;
  return (i: number) => (c.codes[i] < 0 ? null : c.levels[c.codes[i]]);
};
const count = (ds: Dataset, pred: (i: number) => boolean) => {
  let n = 0;
  for (let i = 0; i < ds.nrows; i++) if (pred(i)) n++;
  return n;
};

describe('classifyDataset on lfs_small.csv (home country MYS)', () => {
  it('classifies as migrants exactly the foreign-born (file column `migrant` = yes: 1,719 persons)', () => {
    const mig = text(out, 'icls_migrant'),
      fb = text(raw, 'migrant');
    expect(count(out, (i) => mig(i) === 'migrant')).toBe(1719);
    expect(count(out, (i) => (mig(i) === 'migrant') !== (fb(i) === 'yes'))).toBe(0);
    expect(count(out, (i) => text(out, 'icls_migrant_reason')(i) === 'MIG_FOREIGN_BORN')).toBe(1719);
  });

  it('counts resident international migrant workers as foreign-born persons aged 15+ in the labour force', () => {
    const imw = text(out, 'icls_imw'),
      fb = text(raw, 'migrant'),
      lfs = text(raw, 'lfs');
    const age = (raw.column('age') as NumericColumn).values;
    const expected = count(
      raw,
      (i) => fb(i) === 'yes' && age[i] >= 15 && (lfs(i) === 'employed' || lfs(i) === 'unemployed'),
    );
    expect(expected).toBeGreaterThan(0);
    expect(count(out, (i) => imw(i) === 'resident')).toBe(expected);
  });

  it('finds for-work migrants who arrived in 2024 from abroad to work', () => {
    const fw = text(out, 'icls_for_work'),
      why = text(raw, 'reason_for_migration'),
      prev = text(raw, 'previous_country_of_residence');
    const yoa = (raw.column('year_of_arrival') as NumericColumn).values;
    const age = (raw.column('age') as NumericColumn).values;
    const expected = count(
      raw,
      (i) => yoa[i] === 2024 && why(i) === 'work' && prev(i) !== null && prev(i) !== 'MYS' && age[i] >= 15,
    );
    expect(count(out, (i) => fw(i) === 'yes')).toBe(expected);
  });

  it('says which rules it could not assess and why', () => {
    const r = classifyDataset(raw, lfsSmallMapping());
    expect(r.notAssessed.icls_return_imw).toEqual(['columns.workedAbroad']);
    expect(r.dataset.has('icls_return_imw')).toBe(false);
  });
});

describe('classifyDataset input errors', () => {
  const tiny = (lfs: string[]) =>
    createDataset([
      numericColumn('age', [30, 40]),
      categoricalColumn('lfs', lfs),
      categoricalColumn('cob', ['MYS', 'IDN']),
    ]);
  const m = { ...lfsSmallMapping(), columns: { age: 'age', lfs: 'lfs', countryOfBirth: 'cob' } };
  it('names the codes field and the value when a code is not mapped', () => {
    expect(() => classifyDataset(tiny(['employed', 'looking']), m)).toThrow(
      /codes\.lfs does not list the value "looking"/,
    );
  });
  it('names the mapping field when a column is missing', () => {
    const bad = { ...m, columns: { ...m.columns, countryOfBirth: 'birth_country' } };
    expect(() => classifyDataset(tiny(['employed', 'employed']), bad)).toThrow(MappingError);
    expect(() => classifyDataset(tiny(['employed', 'employed']), bad)).toThrow(/columns\.countryOfBirth/);
  });
});

describe('classifyDataset on labelled numeric columns (SPSS/Stata)', () => {
  it('matches mapping codes by value label as well as by number', () => {
    const lfs = numericColumn('lfs', [1, 3, 2], {
      valueLabels: new Map([
        [1, 'employed'],
        [2, 'unemployed'],
        [3, 'outside_lf'],
      ]),
    });
    const ds = createDataset([
      numericColumn('age', [30, 40, 50]),
      lfs,
      categoricalColumn('cob', ['IDN', 'IDN', 'MYS']),
    ]);
    const m = { ...lfsSmallMapping(), columns: { age: 'age', lfs: 'lfs', countryOfBirth: 'cob' } };
    const imw = text(classifyDataset(ds, m).dataset, 'icls_imw');
    expect([imw(0), imw(1), imw(2)]).toEqual(['resident', 'no', 'no']);
  });
});
