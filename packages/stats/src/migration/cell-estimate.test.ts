import { describe, expect, it } from 'vitest';
import { packEstimate } from './cell-estimate.ts';

describe('packEstimate', () => {
  it('adds CV, a 95% CI and quality flags', () => {
    const e = packEstimate(200, 50, 12);
    expect(e.cv).toBe(0.25);
    expect(e.ci[0]).toBeCloseTo(200 - 1.959963984540054 * 50, 10);
    expect(e.flags).toEqual(['small_n', 'high_cv']);
  });
  it('flags an empty cell instead of passing NaN off as a number', () => {
    expect(packEstimate(NaN, NaN, 0).flags).toContain('undefined');
  });
});
