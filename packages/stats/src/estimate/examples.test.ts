// The @example values stated in the JSDoc of the estimators hold.
import { describe, expect, it } from 'vitest';
import { createDataset, numericColumn } from '../dataset/dataset.ts';
import { createDesign } from '../design/create-design.ts';
import { estimateMean, estimateRatio, estimateTotal } from './linear.ts';
import { quantileByRule, sortSample } from './qrule.ts';
import { splineFmm } from './spline-fmm.ts';
import { estimateVar } from './svyvar.ts';

describe('JSDoc examples', () => {
  const ds = createDataset([numericColumn('x', [1, 2, 3, 4]), numericColumn('w', [2, 2, 2, 2])]);
  it('estimateTotal, estimateMean, estimateVar', () => {
    expect(estimateTotal(createDesign(ds, { weights: 'w' }), ['x']).rows[0].estimate).toBe(20);
    expect(estimateMean(createDesign(ds, {}), ['x']).rows[0].estimate).toBe(2.5);
    expect(estimateVar(createDesign(ds, {}), ['x']).rows[0].estimate).toBeCloseTo(5 / 3, 14);
  });
  it('estimateRatio', () => {
    const r = createDataset([numericColumn('y', [1, 2]), numericColumn('x', [2, 2])]);
    expect(estimateRatio(createDesign(r, {}), ['y'], 'x').rows[0].estimate).toBe(0.75);
  });
  it('createDesign degrees of freedom', () => {
    const d = createDataset([numericColumn('w', [2, 2, 4, 4]), numericColumn('s', [1, 1, 2, 2])]);
    expect(createDesign(d, { strata: 's', weights: 'w' }).degf).toBe(2);
  });
  it('quantile rules', () => {
    const s = sortSample([1, 2, 3, 4], [1, 1, 1, 1]);
    expect(quantileByRule(s, 0.5, 'math')).toBe(2);
    expect(quantileByRule(s, 0.5, 'school')).toBe(2.5);
    expect(quantileByRule(s, 0.5, 'hf7')).toBe(2.5);
    // unequal weights: F(1) = 0.1, F(2) = 0.8 → the median is 2 under math
    expect(quantileByRule(sortSample([2, 1, 3], [7, 1, 2]), 0.5, 'math')).toBe(2);
  });
  it('the FMM spline reproduces a cubic', () => {
    expect(splineFmm([0, 1, 2, 3, 4], [0, 1, 8, 27, 64], [1.5, 2.5])[0]).toBeCloseTo(3.375, 12);
  });
});
