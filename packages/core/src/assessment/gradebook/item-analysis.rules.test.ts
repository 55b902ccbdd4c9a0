import { parseGift } from '../gift/gift.parser.ts';
import { plainQuestionText } from './gradebook-items.queries.ts';
import { describe, expect, it } from 'vitest';
import { analyseItems, reviewFlags, type ItemStatistics } from './item-analysis.rules.ts';

// Four attempts, three one-mark questions. Hand computation (deviation sums; the n − 1 factors cancel):
// Q1 x = 1,1,0,0; rest = 2,1,2,0 → Σdxdy = 0.5, Σdx² = 1, Σdy² = 2.75 → D = 100·0.5/√2.75 = 30.1511;
//   sorted pairing 0,0,1,1 × 0,1,2,2 → Σ = 1.5 → DE = 33.333; F = 50; SD = 100·√(1/3) = 57.735.
// Q3 x = 1,1,1,0; rest = 2,1,1,0 → Σdxdy = 1, Σdx² = 0.75, Σdy² = 2 → D = 100/√1.5 = 81.6497; F = 75;
//   sorted pairing 0,1,1,1 × 0,1,1,2 → Σ = 1 → DE = 100.
const scores = [
  [1, 1, 1],
  [1, 0, 1],
  [0, 1, 1],
  [0, 0, 0],
];

describe('analyseItems', () => {
  const [q1, q2, q3] = analyseItems(scores, [1, 1, 1]);

  it('computes the facility index', () => {
    expect([q1.facility, q2.facility, q3.facility]).toEqual([50, 50, 75]);
  });

  it('computes the standard deviation as a percentage of the mark range', () => {
    expect(q1.standardDeviation).toBeCloseTo(57.735, 3);
    expect(q3.standardDeviation).toBeCloseTo(50, 10);
  });

  it('computes the discrimination index against the rest of the test', () => {
    expect(q1.discrimination).toBeCloseTo(30.1511, 4);
    expect(q2.discrimination).toBeCloseTo(30.1511, 4);
    expect(q3.discrimination).toBeCloseTo(81.6497, 4);
  });

  it('computes the discriminative efficiency', () => {
    expect(q1.discriminativeEfficiency).toBeCloseTo(33.3333, 4);
    expect(q3.discriminativeEfficiency).toBeCloseTo(100, 10);
  });

  it('scales by the maximum mark', () => {
    const [scaled] = analyseItems(
      scores.map((row) => row.map((m) => m * 2)),
      [2, 2, 2],
    );
    expect(scaled.facility).toBe(50);
    expect(scaled.discrimination).toBeCloseTo(30.1511, 4);
  });

  it('gives null where a statistic is undefined (everyone right, or one attempt)', () => {
    const [all] = analyseItems(
      [
        [1, 1],
        [1, 0],
      ],
      [1, 1],
    );
    expect(all).toMatchObject({ facility: 100, discrimination: null });
    expect(analyseItems([[1, 0]], [1, 1])[0]).toMatchObject({
      n: 1,
      standardDeviation: null,
      discrimination: null,
    });
  });

  it('reads rounding noise in marks as no spread: full marks by fractions summed in another order', () => {
    // 1/3 + 1/3 + 1/3 in floating point is 1 or 0.9999999999999999 depending on the order of the choices.
    const third = 1 / 3;
    const rows = [
      [third + third + third, 1],
      [third + (third + third) - 1e-16, 0],
      [1, 1],
    ];
    const [full] = analyseItems(rows, [1, 1]);
    expect(full.facility).toBe(100);
    expect(full.standardDeviation).toBe(0);
    expect(full.discrimination).toBeNull();
    expect(full.discriminativeEfficiency).toBeNull();
    expect(reviewFlags(full)).not.toContain('negative-discrimination');
  });

  it('rejects rows of the wrong length and marks out of range', () => {
    expect(() => analyseItems([[1]], [1, 1])).toThrow(/row 0 has 1 marks/);
    expect(() => analyseItems([[2, 0]], [1, 1])).toThrow(RangeError);
  });
});

describe('reviewFlags', () => {
  const stats = (o: Partial<ItemStatistics>): ItemStatistics => ({
    n: 30,
    facility: 50,
    standardDeviation: 30,
    discrimination: 40,
    discriminativeEfficiency: 60,
    ...o,
  });

  it('raises no flag for a question of middling facility that discriminates well', () => {
    expect(reviewFlags(stats({}))).toEqual([]);
  });

  it('flags very hard and very easy questions at the documented cut-offs', () => {
    expect(reviewFlags(stats({ facility: 19.9 }))).toEqual(['very-hard']);
    expect(reviewFlags(stats({ facility: 20 }))).toEqual([]);
    expect(reviewFlags(stats({ facility: 95 }))).toEqual([]);
    expect(reviewFlags(stats({ facility: 95.1 }))).toEqual(['very-easy']);
  });

  it('tells a negative discrimination from a weak one, and flags a low efficiency', () => {
    expect(reviewFlags(stats({ discrimination: -5, discriminativeEfficiency: -8 }))).toEqual([
      'negative-discrimination',
      'low-efficiency',
    ]);
    expect(reviewFlags(stats({ discrimination: 19 }))).toEqual(['weak-discrimination']);
    expect(reviewFlags(stats({ discriminativeEfficiency: 14 }))).toEqual(['low-efficiency']);
  });

  it('says nothing about statistics that are undefined', () => {
    expect(
      reviewFlags({
        n: 1,
        facility: null,
        standardDeviation: null,
        discrimination: null,
        discriminativeEfficiency: null,
      }),
    ).toEqual([]);
  });
});

describe('plainQuestionText', () => {
  it('shows a calculated question with its value ranges and no markup, as a reader sees it', () => {
    const [question] = parseGift(
      '::calc::[markdown]A survey counts {emp} employed and {unemp} **unemployed** & more. Rate?{#calc 100 * unemp / (emp + unemp) :0.1#Right.\n\t~emp = 800..1200 step 1\n\t~unemp = 40..160 step 1\n}',
    );
    expect(plainQuestionText(question)).toBe(
      'A survey counts [800–1200] employed and [40–160] unemployed & more. Rate?',
    );
  });
});
