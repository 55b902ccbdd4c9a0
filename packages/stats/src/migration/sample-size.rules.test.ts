import { describe, expect, it } from 'vitest';
import { kishWeightingDeff, planSampleSize } from './sample-size.rules.ts';

const Z = 1.959963984540054;

describe('planSampleSize', () => {
  it('gives the textbook 385 for P = 0.5 and ±5 points', () => {
    // 1.96² · 0.25 / 0.0025 = 384.146 → 385
    const plan = planSampleSize({ p: 0.5, moe: 0.05 });
    expect(plan.n0).toBeCloseTo((Z * Z * 0.25) / 0.0025, 6);
    expect(plan.nSelectRounded).toBe(385);
  });

  it('chains fpc, cluster deff, weighting deff, response rate and screening', () => {
    // Migrant share of workers P = 0.1, d = 0.02: n0 = 3.8415·0.09/0.0004 = 864.33
    // N = 5000: n_fpc = 864.33/(1 + 863.33/5000) = 737.03
    // deff = (1 + (8−1)·0.05)·(1 + 0.5²) = 1.35·1.25 = 1.6875 → n_eff = 1243.74
    // RR 0.8 → 1554.67 → 1555; screening 6% of households with 1.5 eligible each → 17274.1 → 17275
    const plan = planSampleSize({
      p: 0.1,
      moe: 0.02,
      populationSize: 5000,
      cluster: { meanSize: 8, icc: 0.05 },
      weightCv: 0.5,
      responseRate: 0.8,
      screening: { eligibleHouseholdShare: 0.06, eligiblePerHousehold: 1.5 },
    });
    const n0 = (Z * Z * 0.09) / 0.0004;
    const nFpc = n0 / (1 + (n0 - 1) / 5000);
    expect(plan.n0).toBeCloseTo(864.33, 2);
    expect(plan.nFpc).toBeCloseTo(nFpc, 9);
    expect(plan.deff).toBeCloseTo(1.6875, 12);
    expect(plan.nSelect).toBeCloseTo((nFpc * 1.6875) / 0.8, 9);
    expect(plan.nSelectRounded).toBe(1555);
    expect(plan.householdsRounded).toBe(17275);
  });

  it('sizes for a target CV without a z factor: (1 − P)/(CV0² P)', () => {
    // P = 0.2, CV0 = 0.1: 0.8/(0.01·0.2) = 400
    expect(planSampleSize({ p: 0.2, targetCv: 0.1 }).n0).toBeCloseTo(400, 9);
  });

  it('sizes for a relative margin of error', () => {
    // P = 0.2, r = 0.2: 3.8415·0.8/(0.04·0.2) = 384.15
    expect(planSampleSize({ p: 0.2, relativeMoe: 0.2 }).nSelectRounded).toBe(385);
  });

  it('rejects a missing or doubled target and out-of-range inputs, naming the argument', () => {
    expect(() => planSampleSize({ p: 0.2 })).toThrow(/moe\/relativeMoe\/targetCv/);
    expect(() => planSampleSize({ p: 0.2, moe: 0.1, targetCv: 0.1 })).toThrow(RangeError);
    expect(() => planSampleSize({ p: 1.2, moe: 0.1 })).toThrow(/p must be in/);
    expect(() => planSampleSize({ p: 0.2, moe: 0.1, responseRate: 0 })).toThrow(/responseRate/);
  });
});

describe('kishWeightingDeff', () => {
  it('is 1 for equal weights and n·Σw²/(Σw)² otherwise', () => {
    expect(kishWeightingDeff([3, 3, 3])).toBe(1);
    expect(kishWeightingDeff([1, 1, 2, 2])).toBeCloseTo(40 / 36, 12);
  });
});
