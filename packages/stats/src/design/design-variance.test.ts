import { describe, expect, it } from 'vitest';
import { categoricalColumn, createDataset, numericColumn } from '../dataset/dataset.ts';
import { estimateTotal } from '../estimate/linear.ts';
import { createDesign } from './create-design.ts';
import type { LonelyPsu } from './design.types.ts';

// Stratum A has PSUs 1 and 2 (totals 3 and 4), stratum B only PSU 3 (total 8); weights 1.
const lonely = createDataset([
  categoricalColumn('st', ['A', 'A', 'A', 'B', 'B']),
  numericColumn('psu', [1, 1, 2, 3, 3]),
  numericColumn('y', [1, 2, 4, 3, 5]),
]);
const seFor = (rule: LonelyPsu) =>
  estimateTotal(createDesign(lonely, { ids: ['psu'], strata: 'st', lonelyPsu: rule }), ['y']).rows[0].se;

describe('designVariance', () => {
  // stratum A alone: 2/(2−1) · ((3−3.5)² + (4−3.5)²) = 1
  it('remove and certainty: a single-PSU stratum adds nothing', () => {
    expect(seFor('remove')).toBeCloseTo(1, 12);
    expect(seFor('certainty')).toBeCloseTo(1, 12);
  });
  it('adjust: the single PSU is centred at zero (1 + 8²)', () => {
    expect(seFor('adjust') ** 2).toBeCloseTo(65, 10);
  });
  it('average: the lonely stratum gets the mean of the others (1 · 2 strata / 1)', () => {
    expect(seFor('average') ** 2).toBeCloseTo(2, 12);
  });
  it('adjustDomainLonely treats a domain with one PSU of a stratum as lonely (R option)', () => {
    // domain psu ∈ {1, 3}: PSU totals 3, 0 (A) and 8 (B)
    const where = { psu: [1, 3] };
    const on = createDesign(lonely, {
      ids: ['psu'],
      strata: 'st',
      lonelyPsu: 'adjust',
      adjustDomainLonely: true,
    });
    const off = createDesign(lonely, { ids: ['psu'], strata: 'st', lonelyPsu: 'adjust' });
    // on: A uncentred 2 · (3² + 0²) = 18, B 8² = 64; off: A centred 2 · (1.5² + 1.5²) = 9, B 64
    expect(estimateTotal(on, ['y'], { where }).rows[0].se ** 2).toBeCloseTo(82, 10);
    expect(estimateTotal(off, ['y'], { where }).rows[0].se ** 2).toBeCloseTo(73, 10);
  });
  it('two-stage sampling with fpc adds the second stage (textbook formula: 9680 + 430)', () => {
    // stage 1: 2 of 10 PSUs; stage 2: 2 of 4 SSUs in a, 3 of 6 in b; one row per SSU
    const ds = createDataset([
      categoricalColumn('psu', ['a', 'a', 'b', 'b', 'b']),
      categoricalColumn('ssu', ['a1', 'a2', 'b1', 'b2', 'b3']),
      numericColumn('N1', [10, 10, 10, 10, 10]),
      numericColumn('N2', [4, 4, 6, 6, 6]),
      numericColumn('y', [1, 3, 2, 4, 9]),
    ]);
    const d = createDesign(ds, { ids: ['psu', 'ssu'], fpc: ['N1', 'N2'] });
    expect(Array.from(d.weights)).toEqual([10, 10, 10, 10, 10]);
    const r = estimateTotal(d, ['y']).rows[0];
    expect(r.estimate).toBeCloseTo(190, 10);
    expect(r.se ** 2).toBeCloseTo(10110, 8);
    // without fpc: with-replacement ultimate clusters, 2/(2−1) · ((40−95)² + (150−95)²)
    const wr = estimateTotal(createDesign(ds, { ids: ['psu', 'ssu'], weights: 'N1' }), ['y']).rows[0];
    expect(wr.se ** 2).toBeCloseTo(2 * ((40 - 95) ** 2 + (150 - 95) ** 2), 6);
  });
});
