import { beforeAll, describe, expect, it } from 'vitest';
import { numericColumn, withColumns } from '../../src/dataset/dataset.ts';
import type { Dataset } from '../../src/dataset/dataset.types.ts';
import { createDesign } from '../../src/design/create-design.ts';
import { estimateMean, estimateRatio } from '../../src/estimate/linear.ts';
import { estimateQuantile } from '../../src/estimate/quantile.ts';
import { classifyDataset } from '../../src/migration/classify-dataset.ts';
import { buildDesignIndex } from '../../src/migration/design-index.ts';
import { computeSdg1071, type Sdg1071Result } from '../../src/migration/sdg-1071.ts';
import { lfsSmallMapping, loadLfsSmall } from './load-lfs-small.ts';

let ds: Dataset;
let sdg: Sdg1071Result;
beforeAll(async () => {
  const m = lfsSmallMapping();
  ds = classifyDataset(await loadLfsSmall(), m).dataset;
  sdg = computeSdg1071(ds, buildDesignIndex(ds, m.design), m);
});

describe('computeSdg1071 on lfs_small.csv', () => {
  it('gives the estimators’ results on the full design (it works on eligible rows plus one row per PSU)', () => {
    const num = (n: string) => (ds.column(n) as { values: Float64Array }).values;
    const cost = num('recruitment_cost'),
      earn = num('first_month_earnings');
    const full = withColumns(ds, [
      numericColumn('r', Float64Array.from(sdg.ratio)),
      numericColumn(
        'c',
        Float64Array.from(cost, (v, i) => (sdg.eligible[i] ? v : NaN)),
      ),
      numericColumn(
        'e',
        Float64Array.from(earn, (v, i) => (sdg.eligible[i] ? v : NaN)),
      ),
      numericColumn('ok', Float64Array.from(sdg.eligible)),
    ]);
    const d = createDesign(full, { ids: ['psu'], strata: 'stratum', weights: 'weight', nest: true });
    const where = { ok: [1] };
    const all = sdg.tables.find((t) => t.id === 'sdg1071_all')!;
    const get = (s: string) => all.rows.find((r) => r.dims.statistic === s)!;
    const mean = estimateMean(d, ['r'], { where }).rows[0];
    const [med, p80] = estimateQuantile(d, ['r'], { where, probs: [0.5, 0.8] }).rows;
    const tot = estimateRatio(d, ['c'], 'e', { where }).rows[0];
    for (const [mine, ref] of [
      [get('mean_ratio'), mean],
      [get('median_ratio'), med],
      [get('p80_ratio'), p80],
      [get('ratio_of_totals'), tot],
    ] as const) {
      expect(mine.estimate).toBeCloseTo(ref.estimate, 12);
      expect(Math.abs(mine.se - ref.se) / ref.se).toBeLessThan(1e-9);
      expect(mine.n).toBe(ref.n);
    }
  });

  it('counts each person once under the first eligibility reason that applies', () => {
    const total = Object.values(sdg.eligibility).reduce((a, b) => a + b, 0);
    expect(total).toBe(ds.nrows);
    expect(sdg.eligibility.SDG_ELIGIBLE).toBe(sdg.eligible.reduce((a, b) => a + b, 0));
    // every eligible worker is a foreign-born employee who came to work, arrived 2022–2024, with cost and earnings
    const yoa = (ds.column('year_of_arrival') as { values: Float64Array }).values;
    for (let i = 0; i < ds.nrows; i++) if (sdg.eligible[i]) expect(yoa[i]).toBeGreaterThanOrEqual(2022);
  });
});
