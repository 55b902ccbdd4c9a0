import { describe, expect, it } from 'vitest';
import { FormulaError } from './gift.errors.ts';
import { parseFormula } from './formula.ts';

describe('parseFormula', () => {
  it.each([
    ['1 + 2 * 3', {}, 7],
    ['(1 + 2) * 3', {}, 9],
    ['2 ^ 3 ^ 2', {}, 512],
    ['-2 ^ 2', {}, -4],
    ['10 / 4 - 1', {}, 1.5],
    ['100 * u / (e + u)', { e: 900, u: 100 }, 10],
    ['100 * (e + u) / pop', { e: 600, u: 50, pop: 1000 }, 65],
    ['round(2 / 3, 2)', {}, 0.67],
    ['max(1, abs(-5), 3) + min(4, 2)', {}, 7],
    ['sqrt(16) + log10(1000) + 1.5e2', {}, 157],
  ])('%s = %s', (source, values, expected) => {
    expect(parseFormula(source).evaluate(values)).toBeCloseTo(expected, 12);
  });

  it('lists the variables it uses', () => {
    expect(parseFormula('a * b + a / c').variables).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['1 +', 'formula.syntax', 3],
    ['2 * (3', 'formula.syntax', 6],
    ['2 $ 3', 'formula.syntax', 1],
    ['x + y', 'formula.unknown-variable', 4],
    ['process(1)', 'formula.unknown-function', 0],
    ['constructor', 'formula.unknown-variable', 0],
    ['constructor(1)', 'formula.unknown-function', 0],
  ])('rejects %s (%s at %i)', (source, code, position) => {
    try {
      parseFormula(source, ['x']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FormulaError);
      expect((error as FormulaError).code).toBe(code);
      expect((error as FormulaError).position).toBe(position);
    }
  });

  it('never reaches JavaScript: property names are just unknown variables', () => {
    expect(() => parseFormula('__proto__').evaluate({})).toThrow(FormulaError);
  });
});
