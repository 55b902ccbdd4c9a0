import { describe, expect, it } from 'vitest';
import { classify, classOf } from './classify.ts';

function withinSsd(values: number[], breaks: readonly number[]): number {
  const groups = new Map<number, number[]>();
  for (const v of values) groups.set(classOf(v, breaks), [...(groups.get(classOf(v, breaks)) ?? []), v]);
  let total = 0;
  for (const g of groups.values()) {
    const mean = g.reduce((s, v) => s + v, 0) / g.length;
    total += g.reduce((s, v) => s + (v - mean) ** 2, 0);
  }
  return total;
}

describe('classify', () => {
  it('finds the natural breaks of three obvious clusters', () => {
    const values = [1, 2, 3, 10, 11, 12, 20, 21, 22];
    const { breaks } = classify(values, 'natural-breaks', 3);
    expect(breaks).toEqual([1, 10, 20, 22]);
    expect(values.map((v) => classOf(v, breaks))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it('places quantile breaks with R’s default rule (quantile(1:10, c(.25, .5, .75)) = 3.25, 5.5, 7.75)', () => {
    expect(classify([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 'quantile', 4).breaks).toEqual([1, 3.25, 5.5, 7.75, 10]);
  });

  it('splits the range into equal intervals', () => {
    expect(classify([1, 10, 4], 'equal-interval', 3).breaks).toEqual([1, 4, 7, 10]);
  });

  it('gives natural breaks a within-class spread no larger than quantiles or equal intervals', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 20; trial++) {
      const values = Array.from({ length: 60 }, () => Math.round(random() ** 2 * 1000) / 10);
      const jenks = withinSsd(values, classify(values, 'natural-breaks', 5).breaks);
      expect(jenks).toBeLessThanOrEqual(withinSsd(values, classify(values, 'quantile', 5).breaks) + 1e-9);
      expect(jenks).toBeLessThanOrEqual(
        withinSsd(values, classify(values, 'equal-interval', 5).breaks) + 1e-9,
      );
    }
  });

  it('uses fewer classes when there are fewer distinct values, and one class for a single value', () => {
    expect(classify([0, 10, 10], 'quantile', 5).breaks).toEqual([0, 10, 10]);
    expect([0, 10].map((v) => classOf(v, [0, 10, 10]))).toEqual([0, 1]);
    expect(classify([4, 4], 'natural-breaks', 3).breaks).toEqual([4, 4]);
    expect(classOf(4, [4, 4])).toBe(0);
  });

  it('ignores non-finite values and rejects bad class counts or no values', () => {
    expect(classify([1, NaN, 3], 'equal-interval', 2).breaks).toEqual([1, 2, 3]);
    expect(() => classify([1, 2], 'quantile', 8)).toThrow(/classes must be an integer from 2 to 7/);
    expect(() => classify([1, 2], 'quantile', 1)).toThrow(RangeError);
    expect(() => classify([NaN], 'quantile', 3)).toThrow(/at least one finite value/);
  });
});

describe('classOf', () => {
  it('puts a break value in the upper class and the maximum in the last class', () => {
    const breaks = [0, 10, 20, 30];
    expect([0, 9.99, 10, 20, 30].map((v) => classOf(v, breaks))).toEqual([0, 0, 1, 2, 2]);
  });
});
