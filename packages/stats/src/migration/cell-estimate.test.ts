import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, packEstimate } from './cell-estimate.ts';

describe('normalQuantile', () => {
  it.each([
    // R: qnorm(p)
    [0.975, 1.959963984540054], [0.995, 2.575829303548901], [0.9, 1.281551565544601], [1e-10, -6.361340902404056],
  ])('qnorm(%s) = %s', (p, q) => {
    expect(Math.abs(normalQuantile(p) - q)).toBeLessThan(1e-13);
  });
  it('inverts normalCdf (R: pnorm(-5) = 2.866515718791939e-07)', () => {
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 12);
  });
});

describe('packEstimate', () => {
  it('adds CV, a 95% CI and quality flags', () => {
    const e = packEstimate(200, 50, 12);
    expect(e.cv).toBe(0.25);
    expect(e.ci[0]).toBeCloseTo(200 - 1.959963984540054 * 50, 10);
    expect(e.flags).toEqual(['low_n', 'high_cv']);
  });
  it('flags an empty cell instead of passing NaN off as a number', () => {
    expect(packEstimate(NaN, NaN, 0).flags).toContain('empty');
  });
});
