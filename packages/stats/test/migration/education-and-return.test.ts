import { describe, expect, it } from 'vitest';
import { categoricalColumn, createDataset, numericColumn } from '../../src/dataset/dataset.ts';
import type { CategoricalColumn } from '../../src/dataset/dataset.types.ts';
import { computeMigrationTables } from '../../src/migration/migration-tables.ts';
import { parseMapping } from '../../src/migration/mapping.parse.ts';

// 8 persons in 2 strata × 2 PSUs; weights 10. Columns coded as numbers, as SPSS/Stata files often are.
const people = [
  // stratum, psu, age, sex, lfs, cob, edu, worked abroad
  [1, 1, 30, 1, 1, 'MYS', 1, 2],
  [1, 1, 40, 2, 3, 'IDN', 2, 2],
  [1, 2, 25, 1, 2, 'NPL', 3, 2],
  [1, 2, 50, 2, 1, 'MYS', 3, 1],
  [2, 1, 35, 1, 1, 'MYS', 2, 1],
  [2, 1, 60, 2, 3, 'MYS', 1, 2],
  [2, 2, 45, 1, 1, 'BGD', 1, 2],
  [2, 2, 12, 2, 9, 'MYS', 9, 2],
] as const;
const col = (k: number) => people.map((p) => p[k] as number);
const ds = createDataset([
  numericColumn('h', col(0)),
  numericColumn('p', col(1)),
  numericColumn('age', col(2)),
  numericColumn('sex', col(3)),
  numericColumn('lfs', col(4)),
  categoricalColumn(
    'cob',
    people.map((p) => p[5]),
  ),
  numericColumn('edu', col(6)),
  numericColumn('abroad', col(7)),
  numericColumn(
    'w',
    people.map(() => 10),
  ),
]);
const mapping = parseMapping({
  homeCountry: 'MYS',
  surveyYear: 2024,
  design: { weight: 'w', strata: 'h', psu: 'p' },
  columns: {
    age: 'age',
    sex: 'sex',
    lfs: 'lfs',
    countryOfBirth: 'cob',
    education: 'edu',
    workedAbroad: 'abroad',
  },
  codes: {
    sex: { male: [1], female: [2] },
    lfs: { employed: [1], unemployed: [2], outside_lf: [3, 9] },
    education: { basic: [1], intermediate: [2], advanced: [3], unknown: [9] },
    yes: [1],
  },
});

describe('computeMigrationTables with numeric codes, education and past work abroad', () => {
  const r = computeMigrationTables(ds, mapping);
  const table = (id: string) => r.tables.find((t) => t.id === id)!;

  it('adds the tables by education, levels in mapping order', () => {
    const wap = table('wap_sex_edu');
    expect(wap.indicator).toBe('MST_XWAP_SEX_EDU_CBR_NB');
    const cell = (migrant: string, education: string) =>
      wap.rows.find(
        (x) => x.dims.migrant === migrant && x.dims.sex === 'total' && x.dims.education === education,
      )!;
    // working age: 7 persons (the 12-year-old is out); migrants IDN (intermediate), NPL (advanced), BGD (basic)
    expect(cell('migrant', 'basic').estimate).toBe(10);
    expect(cell('non_migrant', 'basic').estimate).toBe(20);
    expect(cell('total', 'total').estimate).toBe(70);
    expect(
      table('lfpr_sex_edu').rows.find(
        (x) => x.dims.migrant === 'migrant' && x.dims.sex === 'total' && x.dims.education === 'total',
      )!.estimate,
    ).toBeCloseTo((100 * 2) / 3, 12);
  });

  it('classifies return migrant workers from the worked-abroad column', () => {
    expect(r.classification.icls_return_imw).toEqual({ yes: 2, no: 6 });
    expect(r.notAssessed.icls_return_imw).toBeUndefined();
  });

  it('skips SDG 10.7.1 and says which fields are missing', () => {
    expect(r.sdgSkipped).toMatch(/columns\.recruitmentCost/);
    expect(r.tables.some((t) => t.id.startsWith('sdg1071'))).toBe(false);
  });
});

describe('derived reason columns', () => {
  it('are categorical columns beside the status', async () => {
    const { classifyDataset } = await import('../../src/migration/classify-dataset.ts');
    const out = classifyDataset(ds, mapping).dataset;
    const reason = out.column('icls_imw_reason') as CategoricalColumn;
    expect(reason.levels[reason.codes[2]]).toBe('IMW_RESIDENT_MIGRANT_IN_LF');
    expect(reason.levels[reason.codes[7]]).toBe('IMW_BELOW_WORKING_AGE');
  });
});
