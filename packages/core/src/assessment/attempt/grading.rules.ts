import { computeCalculatedAnswer, isWithinTolerance } from './calculated.rules.ts';
import type {
  MatchingQuestion,
  MultichoiceQuestion,
  NumericalAnswer,
  Question,
  ShortAnswerQuestion,
} from '../gift/gift.types.ts';
import type { GradeState, QuestionGrade, QuestionResponse } from './response.types.ts';

const UNANSWERED: QuestionGrade = { state: 'unanswered', fraction: 0, matched: [] };

/** Graded state from a credit in [0, 1]. */
function stateOf(fraction: number): GradeState {
  return fraction >= 1 - 1e-9 ? 'correct' : fraction > 0 ? 'partial' : 'incorrect';
}

function graded(fraction: number, matched: readonly number[]): QuestionGrade {
  // Negative credit (a wrong choice with ~%-50%) is floored at 0 for the question, as in Moodle.
  const clamped = Math.min(1, Math.max(0, fraction));
  return { state: stateOf(clamped), fraction: clamped, matched };
}

/**
 * Parses a typed number: spaces (also no-break and thin spaces) are ignored as thousands separators, and a
 * single comma with no dot is read as a decimal comma ("3,5" → 3.5). Returns NaN when it is not a number.
 * @example parseNumericResponse(' 1 234,5 ') // → 1234.5
 */
export function parseNumericResponse(value: string | number): number {
  if (typeof value === 'number') return value;
  let text = value.replace(/[\s\u00a0\u202f]/g, '');
  if (/^[^.,]*,[^.,]*$/.test(text)) text = text.replace(',', '.');
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/** Normalises a short answer for comparison: trimmed, inner whitespace collapsed, Unicode NFC. */
function normaliseText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * Whether a response matches an accepted short answer; `*` matches any run of characters. Case-insensitive
 * unless `caseSensitive` (Moodle's default is case-insensitive).
 */
export function matchesShortAnswer(response: string, accepted: string, caseSensitive = false): boolean {
  const pattern = normaliseText(accepted)
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`, caseSensitive ? 'u' : 'iu').test(normaliseText(response));
}

/** Whether `value` is accepted by a numerical answer (value ± tolerance, a closed range, or anything). */
export function matchesNumericalAnswer(value: number, answer: NumericalAnswer): boolean {
  if (answer.kind === 'any') return true;
  if (answer.kind === 'range') {
    const eps = 1e-9 * Math.max(1, Math.abs(answer.min), Math.abs(answer.max));
    return value >= answer.min - eps && value <= answer.max + eps;
  }
  return isWithinTolerance(value, answer.value, { kind: 'absolute', value: answer.tolerance });
}

function gradeChoices(q: MultichoiceQuestion, choices: readonly number[]): QuestionGrade {
  const picked = [...new Set(choices)].filter((i) => Number.isInteger(i) && i >= 0 && i < q.answers.length);
  if (picked.length === 0) return UNANSWERED;
  if (!q.multipleAnswers && picked.length > 1) return { state: 'invalid', fraction: 0, matched: [] };
  return graded(
    picked.reduce((sum, i) => sum + q.answers[i].fraction, 0),
    picked,
  );
}

function gradeShortAnswer(q: ShortAnswerQuestion, text: string, caseSensitive: boolean): QuestionGrade {
  if (normaliseText(text) === '') return UNANSWERED;
  // Moodle takes the first accepted answer that matches, in authored order.
  const index = q.answers.findIndex((a) => matchesShortAnswer(text, a.text, caseSensitive));
  return index < 0 ? graded(0, []) : graded(q.answers[index].fraction, [index]);
}

function gradeMatching(q: MatchingQuestion, pairs: Readonly<Record<number, string>>): QuestionGrade {
  const prompts = q.pairs.map((p, i) => ({ ...p, i })).filter((p) => p.question !== '');
  const answered = prompts.filter((p) => (pairs[p.i] ?? '') !== '');
  if (answered.length === 0) return UNANSWERED;
  const right = prompts.filter((p) => pairs[p.i] === p.answer).map((p) => p.i);
  return graded(right.length / prompts.length, right);
}

/** Options for grading. */
export interface GradeOptions {
  /** The values drawn for a calculated question (see drawCalculatedValues); required for calculated questions. */
  readonly variables?: Readonly<Record<string, number>>;
  /** Compare short answers case-sensitively (default false, as in Moodle). */
  readonly caseSensitive?: boolean;
}

/**
 * Grades one response automatically. Multiple choice adds the weights of the chosen answers (single-answer:
 * the chosen one) and floors the total at 0; short answers and numbers take the first matching answer;
 * matching gives equal credit per right pair; essays wait for a tutor (`pending`).
 * @throws TypeError when the response does not belong to the question type, or a calculated question has no values
 * @example gradeQuestion(trueFalseQuestion, { type: 'truefalse', value: true }) // → { state: 'correct', fraction: 1, matched: [] }
 */
export function gradeQuestion(
  question: Question,
  response: QuestionResponse | undefined,
  options: GradeOptions = {},
): QuestionGrade {
  if (question.type === 'description') return { state: 'ungraded', fraction: null, matched: [] };
  if (response === undefined) return UNANSWERED;
  if (response.type !== question.type)
    throw new TypeError(
      `gradeQuestion: a ${response.type} response cannot answer a ${question.type} question`,
    );
  switch (question.type) {
    case 'multichoice':
      return gradeChoices(question, (response as Extract<QuestionResponse, { type: 'multichoice' }>).choices);
    case 'truefalse':
      return graded(
        (response as Extract<QuestionResponse, { type: 'truefalse' }>).value === question.correct ? 1 : 0,
        [],
      );
    case 'shortanswer':
      return gradeShortAnswer(
        question,
        (response as Extract<QuestionResponse, { type: 'shortanswer' }>).text,
        options.caseSensitive ?? false,
      );
    case 'matching':
      return gradeMatching(question, (response as Extract<QuestionResponse, { type: 'matching' }>).pairs);
    case 'essay':
      return (response as Extract<QuestionResponse, { type: 'essay' }>).text.trim() === ''
        ? UNANSWERED
        : { state: 'pending', fraction: null, matched: [] };
    case 'numerical':
    case 'calculated': {
      const raw = (response as Extract<QuestionResponse, { type: 'numerical' | 'calculated' }>).value;
      if (typeof raw === 'string' && raw.trim() === '') return UNANSWERED;
      const value = parseNumericResponse(raw);
      if (!Number.isFinite(value)) return { state: 'invalid', fraction: 0, matched: [] };
      if (question.type === 'numerical') {
        const index = question.answers.findIndex((a) => matchesNumericalAnswer(value, a));
        return index < 0 ? graded(0, []) : graded(question.answers[index].fraction, [index]);
      }
      if (!options.variables)
        throw new TypeError('gradeQuestion: a calculated question needs options.variables');
      const correct = computeCalculatedAnswer(question, options.variables);
      return isWithinTolerance(value, correct, question.tolerance) ? graded(1, [0]) : graded(0, []);
    }
  }
}
