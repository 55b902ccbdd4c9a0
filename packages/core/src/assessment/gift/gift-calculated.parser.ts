import { FormulaError } from './gift.errors.ts';
import { parseFormula } from './formula.ts';
import { failAt, findUnescaped, splitUnescaped, textOf, trimChars, type Ch } from './gift-scanner.ts';
import type { Anchor } from './gift-answers.parser.ts';
import type { CalculatedVariable, Tolerance } from './gift.types.ts';

const NUM = '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?';
const VARIABLE = new RegExp(
  `^([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(${NUM})(?:\\s*\\.\\.\\s*(${NUM})(?:\\s+step\\s+(${NUM}))?)?$`,
);
const TOLERANCE = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/;

/** The parts of a `{#calc …}` block. */
export interface CalculatedBlock {
  readonly formula: string;
  readonly tolerance: Tolerance;
  readonly variables: CalculatedVariable[];
  readonly feedback: string;
}

function parseVariable(part: readonly Ch[], anchor: Anchor): CalculatedVariable {
  const chars = trimChars(part);
  const m = VARIABLE.exec(textOf(chars).replace(/\s+/g, ' '));
  if (!m)
    failAt(
      'gift.bad-calculated',
      chars[0] ?? part[0],
      anchor,
      `"${textOf(chars)}" is not a variable; write ~name = min..max step s (e.g. ~emp = 800..1200 step 1)`,
    );
  const min = Number(m[2]);
  const max = m[3] === undefined ? min : Number(m[3]);
  const step = m[4] === undefined ? 1 : Number(m[4]);
  if (min > max)
    failAt(
      'gift.bad-calculated',
      chars[0],
      anchor,
      `variable ${m[1]}: the range ${min}..${max} is empty; write the smaller number first`,
    );
  if (!(step > 0))
    failAt('gift.bad-calculated', chars[0], anchor, `variable ${m[1]}: the step must be greater than 0`);
  return { name: m[1], min, max, step };
}

function readTolerance(chars: readonly Ch[], anchor: Anchor): Tolerance {
  const text = textOf(trimChars(chars));
  const m = TOLERANCE.exec(text);
  if (!m)
    failAt(
      'gift.bad-calculated',
      trimChars(chars)[0] ?? chars[0],
      anchor,
      `"${text}" is not a tolerance; write :0.1 (absolute) or :1% (relative)`,
    );
  return m[2] === '%'
    ? { kind: 'relative', value: Number(m[1]) / 100 }
    : { kind: 'absolute', value: Number(m[1]) };
}

/**
 * Parses the inside of a calculated block after `#calc`:
 * `formula :tolerance[%] [#feedback] ~var = min..max [step s] …`.
 */
export function parseCalculatedBlock(chars: readonly Ch[], anchor: Anchor): CalculatedBlock {
  const [head, ...varParts] = splitUnescaped(chars, '~');
  const variables = varParts.map((p) => parseVariable(p.part, anchor));
  const names = new Set<string>();
  for (const v of variables) {
    if (names.has(v.name))
      failAt('gift.bad-calculated', chars[0], anchor, `variable ${v.name} is declared twice`);
    names.add(v.name);
  }
  const hash = findUnescaped(head.part, '#');
  const main = hash < 0 ? head.part : head.part.slice(0, hash);
  const feedback = hash < 0 ? '' : textOf(trimChars(head.part.slice(hash + 1)));
  let colon = -1;
  for (let i = main.length - 1; i >= 0 && colon < 0; i--) if (main[i].c === ':' && !main[i].esc) colon = i;
  if (colon < 0)
    failAt(
      'gift.bad-calculated',
      trimChars(main)[0] ?? chars[0],
      anchor,
      'a calculated answer needs a tolerance after the formula: :0.1 (absolute) or :1% (relative)',
    );
  const tolerance = readTolerance(main.slice(colon + 1), anchor);
  const formulaChars = trimChars(main.slice(0, colon));
  const formula = textOf(formulaChars);
  try {
    const parsed = parseFormula(formula, names);
    for (const pick of ['min', 'max'] as const) {
      const value = parsed.evaluate(Object.fromEntries(variables.map((v) => [v.name, v[pick]])));
      if (!Number.isFinite(value))
        throw new FormulaError(
          'formula.not-finite',
          0,
          `the formula gives ${value} when every variable is at its ${pick}; change the ranges or the formula`,
        );
    }
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    failAt(
      'gift.bad-calculated',
      formulaChars[error.position] ?? formulaChars[0],
      anchor,
      `formula: ${error.message}`,
    );
  }
  return { formula, tolerance, variables, feedback };
}
