import { describe, expect, it } from 'vitest';
import { categoricalColumn, createDataset, numericColumn } from '../dataset/dataset.ts';
import { classifyDataset } from './classify-dataset.ts';
import { buildDesignIndex } from './design-index.ts';
import { parseMapping } from './mapping.parse.ts';
import { computeSdg1071 } from './sdg-1071.ts';

// Six recent migrant workers and two who are not eligible, one stratum, each person its own PSU.
//  id  sex  cost  earn  ratio  weight
//  a   m    1000  500   2      1
//  b   m     600  600   1      1
//  c   f       0  400   0      2
//  d   f     900  300   3      1
//  e   m     300  600   0.5    1
//  f   f     800  400   2      2
//  g   (self-employed: not eligible)   h (came for family: not eligible)
const people = [
  ['a', 'male', 1000, 500, 1, '41', 'work'],
  ['b', 'male', 600, 600, 1, '41', 'work'],
  ['c', 'female', 0, 400, 2, '42', 'work'],
  ['d', 'female', 900, 300, 1, '43', 'work'],
  ['e', 'male', 300, 600, 1, '41', 'work'],
  ['f', 'female', 800, 400, 2, '41', 'work'],
  ['g', 'male', 100, 100, 1, '22', 'work'],
  ['h', 'female', 100, 100, 1, '41', 'family'],
] as const;

function dataset() {
  const col = (k: number) => people.map((p) => p[k] as string);
  const num = (k: number) => people.map((p) => p[k] as number);
  return createDataset([
    categoricalColumn('id', col(0)),
    categoricalColumn('sex', col(1)),
    numericColumn('cost', num(2)),
    numericColumn('earn', num(3)),
    numericColumn('w', num(4)),
    categoricalColumn('ste', col(5)),
    categoricalColumn('why', col(6)),
    numericColumn(
      'age',
      people.map(() => 30),
    ),
    categoricalColumn(
      'lfs',
      people.map(() => 'employed'),
    ),
    categoricalColumn(
      'cob',
      people.map(() => 'NPL'),
    ),
    numericColumn(
      'yoa',
      people.map(() => 2023),
    ),
  ]);
}
const mapping = parseMapping({
  homeCountry: 'MYS',
  surveyYear: 2024,
  design: { weight: 'w' },
  columns: {
    age: 'age',
    lfs: 'lfs',
    sex: 'sex',
    countryOfBirth: 'cob',
    yearOfArrival: 'yoa',
    reasonForMigration: 'why',
    statusInEmployment: 'ste',
    recruitmentCost: 'cost',
    firstMonthEarnings: 'earn',
  },
  codes: {
    lfs: { employed: ['employed'], unemployed: [], outside_lf: [] },
    sex: { male: ['male'], female: ['female'] },
    reasonForMigration: { work: ['work'], family: ['family'] },
    employee: ['41', '42', '43', '44'],
  },
  sdg: { corridorOrigin: 'countryOfBirth' },
});

function run(includeZeroCost: boolean) {
  const ds = classifyDataset(dataset(), mapping).dataset;
  return computeSdg1071(ds, buildDesignIndex(ds, mapping.design), mapping, { includeZeroCost });
}
const stat = (
  t: { rows: readonly { dims: Record<string, string>; estimate: number; se: number; n: number }[] },
  s: string,
  dims: Record<string, string> = {},
) => t.rows.find((r) => r.dims.statistic === s && Object.entries(dims).every(([k, v]) => r.dims[k] === v))!;

describe('computeSdg1071 worked example', () => {
  it('keeps only eligible workers and says why the others were left out', () => {
    const r = run(true);
    expect(r.eligibility.SDG_ELIGIBLE).toBe(6);
    expect(r.eligibility.SDG_NOT_EMPLOYEE).toBe(1);
    expect(r.eligibility.SDG_NOT_MOVED_FOR_WORK).toBe(1);
  });

  it('computes mean, median, 80th percentile and ratio of totals by hand (zero-cost included)', () => {
    const all = run(true).tables.find((t) => t.id === 'sdg1071_all')!;
    // weights 1,1,2,1,1,2 (W = 8); ratios 2,1,0,3,0.5,2 → Σw·r = 2+1+0+3+0.5+4 = 10.5 → mean 1.3125
    expect(stat(all, 'mean_ratio').estimate).toBeCloseTo(1.3125, 12);
    // sorted ratios with weights: 0(2) 0.5(1) 1(1) 2(1+2) 3(1) → cum shares .25 .375 .5 .875 1 → median 1, p80 2
    expect(stat(all, 'median_ratio').estimate).toBe(1);
    expect(stat(all, 'p80_ratio').estimate).toBe(2);
    // Σw·C = 1000+600+0+900+300+1600 = 4400; Σw·E = 500+600+800+300+600+800 = 3600
    expect(stat(all, 'ratio_of_totals').estimate).toBeCloseTo(4400 / 3600, 12);
    // SE of the mean: the domain keeps the full design (8 PSUs in one stratum, g and h contribute u = 0);
    // u_j = w_j (r_j − 1.3125) / 8, ū = 0, var = 8/7 Σ u_j²
    const u = [2, 1, 0, 3, 0.5, 2].map((r, j) => ([1, 1, 2, 1, 1, 2][j] * (r - 1.3125)) / 8);
    expect(stat(all, 'mean_ratio').se).toBeCloseTo(Math.sqrt((8 / 7) * u.reduce((s, x) => s + x * x, 0)), 12);
  });

  it('excludes zero-cost workers when asked, which raises the mean', () => {
    const all = run(false).tables.find((t) => t.id === 'sdg1071_all')!;
    // without c: W = 6, Σw·r = 10.5 → 1.75
    expect(stat(all, 'mean_ratio').estimate).toBeCloseTo(1.75, 12);
    expect(stat(all, 'mean_ratio').n).toBe(5);
  });

  it('disaggregates by sex and corridor', () => {
    const r = run(true);
    const bySex = r.tables.find((t) => t.id === 'sdg1071_sex')!;
    // women c, d, f: weights 2,1,2; ratios 0,3,2 → (0+3+4)/5 = 1.4
    expect(stat(bySex, 'mean_ratio', { sex: 'female' }).estimate).toBeCloseTo(1.4, 12);
    // men a, b, e: (2+1+0.5)/3
    expect(stat(bySex, 'mean_ratio', { sex: 'male' }).estimate).toBeCloseTo(3.5 / 3, 12);
    const corridor = r.tables.find((t) => t.id === 'sdg1071_corridor')!;
    expect(stat(corridor, 'mean_ratio', { corridor: 'NPL→MYS' }).estimate).toBeCloseTo(1.3125, 12);
  });
});
