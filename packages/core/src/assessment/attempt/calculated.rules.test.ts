import { describe, expect, it } from 'vitest';
import {
  computeCalculatedAnswer,
  decimalsOf,
  drawCalculatedValues,
  fillCalculatedText,
  isWithinTolerance,
} from './calculated.rules.ts';
import type { CalculatedQuestion } from '../gift/gift.types.ts';

const question: Pick<CalculatedQuestion, 'text' | 'formula' | 'variables'> = {
  text: 'Employed {emp}, unemployed {unemp}, share {s}.',
  formula: '100 * unemp / (emp + unemp)',
  variables: [
    { name: 'emp', min: 800, max: 1200, step: 1 },
    { name: 'unemp', min: 40, max: 120, step: 1 },
    { name: 's', min: 0.1, max: 0.3, step: 0.05 },
  ],
};

describe('drawCalculatedValues', () => {
  it('is stable for the same attempt and question', () => {
    expect(drawCalculatedValues(question, 'attempt-1', 'q-1')).toEqual(
      drawCalculatedValues(question, 'attempt-1', 'q-1'),
    );
  });

  it('gives new values for a new attempt or another question', () => {
    const first = drawCalculatedValues(question, 'attempt-1', 'q-1');
    const others = ['attempt-2', 'attempt-3', 'attempt-4'].map((a) =>
      drawCalculatedValues(question, a, 'q-1'),
    );
    expect(others.some((o) => o.emp !== first.emp)).toBe(true);
    expect(drawCalculatedValues(question, 'attempt-1', 'q-2')).not.toEqual(first);
  });

  it('keeps every value inside its range, on its step, without float noise', () => {
    for (let i = 0; i < 500; i++) {
      const v = drawCalculatedValues(question, `a${i}`, 'q');
      expect(Number.isInteger(v.emp) && v.emp >= 800 && v.emp <= 1200).toBe(true);
      expect(v.unemp >= 40 && v.unemp <= 120).toBe(true);
      expect([0.1, 0.15, 0.2, 0.25, 0.3]).toContain(v.s);
    }
  });

  it('reaches both ends of a range', () => {
    const q = { variables: [{ name: 'x', min: 1, max: 3, step: 1 }] };
    const seen = new Set(Array.from({ length: 200 }, (_, i) => drawCalculatedValues(q, `a${i}`, 'q').x));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });
});

describe('calculated answers', () => {
  it('computes the formula from the values', () => {
    expect(computeCalculatedAnswer(question, { emp: 950, unemp: 50, s: 0.1 })).toBe(5);
  });

  it('fills the placeholders with the values, with the decimals of the step', () => {
    expect(fillCalculatedText(question, { emp: 950, unemp: 50, s: 0.1 })).toBe(
      'Employed 950, unemployed 50, share 0.10.',
    );
  });

  it('applies absolute and relative tolerances', () => {
    expect(isWithinTolerance(5.1, 5, { kind: 'absolute', value: 0.1 })).toBe(true);
    expect(isWithinTolerance(5.11, 5, { kind: 'absolute', value: 0.1 })).toBe(false);
    expect(isWithinTolerance(101, 100, { kind: 'relative', value: 0.01 })).toBe(true);
    expect(isWithinTolerance(101.5, 100, { kind: 'relative', value: 0.01 })).toBe(false);
  });

  it('counts decimals of steps', () => {
    expect([decimalsOf(1), decimalsOf(0.5), decimalsOf(0.05), decimalsOf(1e-7)]).toEqual([0, 1, 2, 7]);
  });
});
