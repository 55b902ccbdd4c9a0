import {
  failAt,
  findSequence,
  findUnescaped,
  splitUnescaped,
  textOf,
  trimChars,
  type Ch,
} from './gift-scanner.ts';
import type { ChoiceAnswer, MatchingPair, NumericalAnswer, ShortAnswer, TextFormat } from './gift.types.ts';

/** Where to point an error when a part is empty: the opening brace of the answer block. */
export interface Anchor {
  readonly line: number;
  readonly col: number;
}

const FORMATS: readonly TextFormat[] = ['moodle', 'html', 'plain', 'markdown'];

/** Strips a leading `[markdown]`/`[html]`/`[plain]`/`[moodle]` and returns it; other brackets stay text. */
export function readFormat(chars: readonly Ch[]): { format?: TextFormat; rest: readonly Ch[] } {
  const trimmed = trimChars(chars);
  if (trimmed[0]?.c !== '[' || trimmed[0].esc) return { rest: trimmed };
  const close = findUnescaped(trimmed, ']');
  const name = close > 0 ? textOf(trimmed.slice(1, close)) : '';
  const format = FORMATS.find((f) => f === name);
  return format ? { format, rest: trimChars(trimmed.slice(close + 1)) } : { rest: trimmed };
}

/** Reads an optional `%n%` weight at the start of an answer; returns a fraction (1 = 100 %). */
function readWeight(
  chars: readonly Ch[],
  anchor: Anchor,
  fallback: number,
): { fraction: number; rest: readonly Ch[] } {
  const trimmed = trimChars(chars);
  if (trimmed[0]?.c !== '%' || trimmed[0].esc) return { fraction: fallback, rest: trimmed };
  const close = findUnescaped(trimmed, '%', 1);
  const text = close > 0 ? textOf(trimmed.slice(1, close)) : '';
  const value = Number(text);
  if (close < 0 || !/^-?\d+(\.\d+)?$/.test(text) || value < -100 || value > 100) {
    failAt(
      'gift.bad-weight',
      trimmed[0],
      anchor,
      `"${textOf(trimmed).slice(0, 12)}…" is not a valid weight; write a percentage between -100 and 100 like %50% or %-25%`,
    );
  }
  return { fraction: value / 100, rest: trimmed.slice(close + 1) };
}

/** Splits `answer#feedback` at the first unescaped `#`. */
function readFeedback(chars: readonly Ch[]): { body: readonly Ch[]; feedback: string } {
  const hash = findUnescaped(chars, '#');
  if (hash < 0) return { body: trimChars(chars), feedback: '' };
  return { body: trimChars(chars.slice(0, hash)), feedback: textOf(trimChars(chars.slice(hash + 1))) };
}

/** Splits answers on their markers; text before the first marker is an error. */
function splitAnswers(
  chars: readonly Ch[],
  markers: string,
  anchor: Anchor,
  hint: string,
): { sep: string; part: readonly Ch[] }[] {
  const [head, ...rest] = splitUnescaped(chars, markers);
  const stray = trimChars(head.part);
  if (stray.length > 0) failAt('gift.bad-answer', stray[0], anchor, `text before the first answer; ${hint}`);
  return rest;
}

/** Parses the inside of a multiple-choice block (`=right ~wrong ~%50%half#feedback`). */
export function parseChoices(
  chars: readonly Ch[],
  anchor: Anchor,
): { answers: ChoiceAnswer[]; multipleAnswers: boolean } {
  const parts = splitAnswers(
    chars,
    '=~',
    anchor,
    'start each choice with = (right) or ~ (wrong or weighted, e.g. ~%50%)',
  );
  const multipleAnswers = !parts.some((p) => p.sep === '=');
  const answers = parts.map(({ sep, part }): ChoiceAnswer => {
    const { fraction, rest } = readWeight(part, anchor, sep === '=' ? 1 : 0);
    if (sep === '=' && trimChars(part)[0]?.c === '%') {
      failAt(
        'gift.bad-weight',
        trimChars(part)[0],
        anchor,
        '"=" already marks the right answer (100 %); for partial credit write ~%50%answer',
      );
    }
    const { body, feedback } = readFeedback(rest);
    const { format, rest: text } = readFormat(body);
    return { text: textOf(text), ...(format ? { format } : {}), fraction, feedback };
  });
  if (answers.length < 2)
    failAt('gift.too-few-answers', chars[0], anchor, 'a multiple-choice question needs at least two choices');
  checkChoiceWeights(answers, multipleAnswers, chars, anchor);
  return { answers, multipleAnswers };
}

function checkChoiceWeights(
  answers: readonly ChoiceAnswer[],
  multiple: boolean,
  chars: readonly Ch[],
  anchor: Anchor,
): void {
  const positive = answers.reduce((sum, a) => sum + Math.max(0, a.fraction), 0);
  if (positive === 0)
    failAt(
      'gift.no-right-answer',
      chars[0],
      anchor,
      'no choice earns credit; mark the right choice with = or give right choices positive weights like ~%50%',
    );
  if (multiple && Math.abs(positive - 1) > 0.0002) {
    failAt(
      'gift.bad-weights-total',
      chars[0],
      anchor,
      `the positive weights of a multiple-answer question must add up to 100 % (they add up to ${+(positive * 100).toFixed(4)} %); fix the ~%n% weights`,
    );
  }
}

/** Parses the inside of a true/false block (`TRUE#feedback if wrong#feedback if right`). */
export function parseTrueFalse(chars: readonly Ch[]): {
  correct: boolean;
  feedbackWrong: string;
  feedbackRight: string;
} {
  const first = findUnescaped(chars, '#');
  const second = first < 0 ? -1 : findUnescaped(chars, '#', first + 1);
  const word = textOf(trimChars(first < 0 ? chars : chars.slice(0, first))).toUpperCase();
  const wrongEnd = second < 0 ? chars.length : second;
  return {
    correct: word === 'T' || word === 'TRUE',
    feedbackWrong: first < 0 ? '' : textOf(trimChars(chars.slice(first + 1, wrongEnd))),
    // As in Moodle, everything after the second # is the right-answer feedback.
    feedbackRight: second < 0 ? '' : textOf(trimChars(chars.slice(second + 1))),
  };
}

/** Parses a short-answer block (`=answer =%50%partial#feedback`). */
export function parseShortAnswers(chars: readonly Ch[], anchor: Anchor): ShortAnswer[] {
  const answers = splitAnswers(chars, '=', anchor, 'start each accepted answer with =').map(
    ({ part }): ShortAnswer => {
      const { fraction, rest } = readWeight(part, anchor, 1);
      const { body, feedback } = readFeedback(rest);
      if (body.length === 0)
        failAt('gift.bad-answer', part[0], anchor, 'an accepted answer is empty; write the answer after =');
      return { text: textOf(body), fraction, feedback };
    },
  );
  if (!answers.some((a) => a.fraction === 1))
    failAt(
      'gift.no-right-answer',
      chars[0],
      anchor,
      'one accepted answer must earn 100 %; write it as =answer',
    );
  return answers;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function readNumber(chars: readonly Ch[], anchor: Anchor, what: string): number {
  const text = textOf(trimChars(chars));
  if (!NUMBER.test(text))
    failAt(
      'gift.bad-number',
      trimChars(chars)[0] ?? chars[0],
      anchor,
      `${what} "${text}" is not a number; write digits with a dot for decimals, e.g. 3.14`,
    );
  return Number(text);
}

function parseNumericalAnswer(part: readonly Ch[], anchor: Anchor): NumericalAnswer {
  const { fraction, rest } = readWeight(part, anchor, 1);
  const { body, feedback } = readFeedback(rest);
  const dots = findSequence(body, '..');
  if (dots > 0) {
    const min = readNumber(body.slice(0, dots), anchor, 'the range start');
    const max = readNumber(body.slice(dots + 2), anchor, 'the range end');
    if (min > max)
      failAt(
        'gift.bad-number',
        body[0],
        anchor,
        `the range ${min}..${max} is empty; write the smaller number first`,
      );
    return { kind: 'range', min, max, fraction, feedback };
  }
  const colon = findUnescaped(body, ':');
  const value = readNumber(colon > 0 ? body.slice(0, colon) : body, anchor, 'the answer');
  const tolerance = colon > 0 ? readNumber(body.slice(colon + 1), anchor, 'the tolerance') : 0;
  if (tolerance < 0) failAt('gift.bad-number', body[colon + 1], anchor, 'a tolerance cannot be negative');
  return { kind: 'value', value, tolerance, fraction, feedback };
}

/** Parses a numerical block without its leading `#`: `3.14:0.01`, `1..5`, `=%50%3:1 =3:0 ~#feedback if wrong`. */
export function parseNumericalAnswers(chars: readonly Ch[], anchor: Anchor): NumericalAnswer[] {
  const tilde = findUnescaped(chars, '~');
  const main = tilde < 0 ? chars : chars.slice(0, tilde);
  const [head, ...rest] = splitUnescaped(main, '=');
  const parts = [...(trimChars(head.part).length > 0 ? [head.part] : []), ...rest.map((r) => r.part)];
  if (parts.length === 0)
    failAt(
      'gift.too-few-answers',
      chars[0],
      anchor,
      'a numerical question needs an answer, e.g. {#3.14:0.01} or {#1..5}',
    );
  const answers = parts.map((p) => parseNumericalAnswer(p, anchor));
  if (tilde >= 0) {
    const other = trimChars(chars.slice(tilde + 1));
    if (other.length > 0 && (other[0].c !== '#' || other[0].esc))
      failAt(
        'gift.bad-answer',
        other[0],
        anchor,
        'after ~ a numerical question takes only feedback for other answers: ~#feedback',
      );
    answers.push({ kind: 'any', fraction: 0, feedback: textOf(trimChars(other.slice(1))) });
  }
  if (!answers.some((a) => a.fraction === 1))
    failAt(
      'gift.no-right-answer',
      chars[0],
      anchor,
      'one numerical answer must earn 100 %; drop its %n% weight',
    );
  return answers;
}

/** Parses a matching block (`=question -> answer`, `= -> distractor`). */
export function parseMatchingPairs(chars: readonly Ch[], anchor: Anchor): MatchingPair[] {
  const pairs = splitAnswers(chars, '=', anchor, 'start each pair with = and separate its sides with ->').map(
    ({ part }): MatchingPair => {
      const arrow = findSequence(part, '->');
      if (arrow < 0)
        failAt(
          'gift.bad-matching-pair',
          trimChars(part)[0] ?? part[0],
          anchor,
          'a matching pair needs "->" between the question and its answer, e.g. =Canada -> Ottawa',
        );
      const answer = textOf(trimChars(part.slice(arrow + 2)));
      if (answer === '')
        failAt('gift.bad-matching-pair', part[arrow], anchor, 'the answer after "->" is empty');
      return { question: textOf(trimChars(part.slice(0, arrow))), answer };
    },
  );
  if (pairs.filter((p) => p.question !== '').length < 2)
    failAt('gift.too-few-answers', chars[0], anchor, 'a matching question needs at least two pairs');
  return pairs;
}
