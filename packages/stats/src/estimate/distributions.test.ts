import { describe, expect, it } from 'vitest';
import {
  betaCdf,
  betaQuantile,
  logGamma,
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
} from './distributions.ts';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('distributions', () => {
  it('logGamma matches log factorials', () => {
    expect(rel(logGamma(5), Math.log(24))).toBeLessThan(1e-14);
    expect(rel(logGamma(11), Math.log(3628800))).toBeLessThan(1e-14);
    expect(rel(logGamma(0.5), Math.log(Math.sqrt(Math.PI)))).toBeLessThan(1e-14);
  });
  it('normal quantile and cdf give the textbook values', () => {
    expect(rel(normalQuantile(0.975), 1.959963984540054)).toBeLessThan(1e-14);
    expect(rel(normalQuantile(0.995), 2.5758293035489)).toBeLessThan(1e-12);
    expect(rel(normalCdf(-3), 0.0013498980316300946)).toBeLessThan(1e-12);
    expect(normalCdf(0)).toBe(0.5);
  });
  it('t quantiles equal the t tables (and R qt)', () => {
    expect(rel(studentTQuantile(0.975, 1), 12.706204736174698)).toBeLessThan(1e-12);
    expect(rel(studentTQuantile(0.975, 2), 4.302652729749464)).toBeLessThan(1e-12);
    expect(rel(studentTQuantile(0.975, 9), 2.2621571627982053)).toBeLessThan(1e-12);
    expect(rel(studentTQuantile(0.975, 14), 2.1447866879169273)).toBeLessThan(1e-12);
    expect(studentTQuantile(0.025, 14)).toBeCloseTo(-2.1447866879169273, 11);
    expect(studentTQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
  });
  it('t cdf inverts the quantile', () => {
    expect(studentTCdf(studentTQuantile(0.9, 7), 7)).toBeCloseTo(0.9, 13);
  });
  it('beta cdf equals the binomial sum for integer shapes, and the quantile inverts it', () => {
    // I_0.3(2, 3) = P(Bin(4, 0.3) >= 2) = 0.3483
    expect(rel(betaCdf(0.3, 2, 3), 0.3483)).toBeLessThan(1e-13);
    expect(rel(betaQuantile(0.3483, 2, 3), 0.3)).toBeLessThan(1e-12);
    expect(betaQuantile(0.5, 2, 2)).toBeCloseTo(0.5, 14);
  });
  it('returns NaN for impossible arguments', () => {
    expect(studentTQuantile(1.5, 3)).toBeNaN();
    expect(betaCdf(0.5, -1, 2)).toBeNaN();
  });
});
