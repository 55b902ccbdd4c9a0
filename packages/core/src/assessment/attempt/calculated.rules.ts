import { parseFormula } from '../gift/formula.ts';
import { createSeededRandom, randomIndex } from './seeded-random.ts';
import type { CalculatedQuestion, CalculatedVariable, Tolerance } from '../gift/gift.types.ts';

/** Number of decimals of a step such as 0.05 (→ 2), so drawn values print without float noise. */
export function decimalsOf(step: number): number {
  const text = String(step);
  if (/e-/i.test(text)) return Number(text.split(/e-/i)[1]);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** One value of `variable`: min + k·step for a uniformly drawn k with min + k·step ≤ max. */
export function drawVariable(variable: CalculatedVariable, random: () => number): number {
  const count = Math.floor((variable.max - variable.min) / variable.step + 1e-9) + 1;
  const value = variable.min + randomIndex(random, count) * variable.step;
  return Number(value.toFixed(decimalsOf(variable.step)));
}

/**
 * The variable values a learner sees in a calculated question, drawn from a PRNG seeded by
 * (attempt id, question id): the same on every page load of an attempt, new for a new attempt.
 * @example drawCalculatedValues(q, 'attempt-1', 'w2/ur') // → { emp: 1043, unemp: 77 } (stable for these ids)
 */
export function drawCalculatedValues(
  question: Pick<CalculatedQuestion, 'variables'>,
  attemptId: string,
  questionId: string,
): Record<string, number> {
  const random = createSeededRandom(attemptId, questionId);
  const values: Record<string, number> = {};
  for (const variable of question.variables) values[variable.name] = drawVariable(variable, random);
  return values;
}

/** The right answer of a calculated question for the given variable values. */
export function computeCalculatedAnswer(
  question: Pick<CalculatedQuestion, 'formula' | 'variables'>,
  values: Readonly<Record<string, number>>,
): number {
  return parseFormula(
    question.formula,
    question.variables.map((v) => v.name),
  ).evaluate(values);
}

/** Whether `response` is within `tolerance` of `correct` (with a tiny allowance for binary rounding). */
export function isWithinTolerance(response: number, correct: number, tolerance: Tolerance): boolean {
  const allowed = tolerance.kind === 'absolute' ? tolerance.value : Math.abs(correct) * tolerance.value;
  return Math.abs(response - correct) <= allowed + 1e-9 * Math.max(1, Math.abs(correct));
}

/** Formats a drawn value as shown in the question text (decimals of the variable's step). */
export function formatVariableValue(variable: CalculatedVariable, value: number): string {
  return value.toFixed(decimalsOf(variable.step));
}

/** The question text with every `{name}` placeholder replaced by its value. */
export function fillCalculatedText(
  question: Pick<CalculatedQuestion, 'text' | 'variables'>,
  values: Readonly<Record<string, number>>,
): string {
  const byName = new Map(question.variables.map((v) => [v.name, v]));
  return question.text.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    const variable = byName.get(name);
    return variable && values[name] !== undefined ? formatVariableValue(variable, values[name]) : whole;
  });
}
