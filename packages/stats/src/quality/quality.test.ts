import { describe, expect, it } from 'vitest';
import { packEstimate } from '../migration/cell-estimate.ts';
import { makeRow } from '../estimate/result-row.ts';
import { DEFAULT_QUALITY, coefficientOfVariation, qualityFlags } from './quality.ts';

// [estimate, se, n, expected flags]: every case the two paths used to disagree on, and the ordinary ones.
const CASES: [number, number, number, string[]][] = [
  [0.5, 0.01, 100, []],
  [200, 50, 12, ['small_n', 'high_cv']],
  [-200, 50, 100, ['high_cv']],
  [200, 40, 100, []], // CV exactly 0.2 is not above the threshold
  [0, 0.01, 100, ['high_cv']], // a zero estimate with a positive SE has an infinite CV
  [0, 0, 100, []], // a level absent from the domain: 0 with SE 0, CV undefined but not flagged
  [NaN, NaN, 0, ['small_n', 'undefined']],
  [5, NaN, 40, ['undefined']],
  [Infinity, 1, 40, []],
];

describe('qualityFlags', () => {
  it.each(CASES)('estimate %s, se %s, n %s → %j', (estimate, se, n, flags) => {
    expect(qualityFlags(estimate, se, n, DEFAULT_QUALITY)).toEqual(flags);
  });
  it('adds lonely_psu last', () => {
    expect(qualityFlags(200, 50, 12, DEFAULT_QUALITY, true)).toEqual(['small_n', 'high_cv', 'lonely_psu']);
  });
});

describe('estimator rows and table cells', () => {
  it.each(CASES)('flag estimate %s, se %s, n %s the same way', (estimate, se, n, flags) => {
    const row = makeRow({ domain: null, term: 'x', estimate, se, n }, 0.95, DEFAULT_QUALITY);
    const cell = packEstimate(estimate, se, n);
    expect(row.flags).toEqual(flags);
    expect(cell.flags).toEqual(flags);
    expect(Object.is(row.cv, cell.cv) || (Number.isNaN(row.cv) && Number.isNaN(cell.cv))).toBe(true);
    expect(cell.cv).toBe(coefficientOfVariation(estimate, se));
  });
});
