import type { ErrorCode } from '../errors/error-messages.ts';

/** Stable codes of the syntax errors a GIFT file can have. */
export type GiftErrorCode =
  | 'gift.unclosed-title'
  | 'gift.unclosed-answers'
  | 'gift.unexpected-close-brace'
  | 'gift.several-answer-blocks'
  | 'gift.too-few-answers'
  | 'gift.bad-weight'
  | 'gift.bad-number'
  | 'gift.bad-matching-pair'
  | 'gift.bad-answer'
  | 'gift.bad-weights-total'
  | 'gift.no-right-answer'
  | 'gift.bad-calculated';

/**
 * A GIFT file is not valid. The whole file is rejected; `line` and `column` (1-based) point at the problem and
 * `reason` says what is wrong and what to do about it.
 */
export class GiftSyntaxError extends Error {
  readonly code: GiftErrorCode;
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(code: GiftErrorCode, line: number, column: number, reason: string) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'GiftSyntaxError';
    this.code = code;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** Stable codes of errors in formulas and calculated questions. */
export type FormulaErrorCode =
  'formula.syntax' | 'formula.unknown-variable' | 'formula.unknown-function' | 'formula.not-finite';

/** A formula of a calculated question cannot be parsed or evaluated. `position` is the 0-based offset in the formula. */
export class FormulaError extends Error {
  readonly code: FormulaErrorCode;
  readonly position: number;

  constructor(code: FormulaErrorCode, position: number, message: string) {
    super(message);
    this.name = 'FormulaError';
    this.code = code;
    this.position = position;
  }
}

/** Stable codes of errors in quiz definitions (weekly-assessments.yaml). */
export type QuizDefinitionErrorCode =
  'quiz.invalid-definition' | 'quiz.unknown-category' | 'quiz.unknown-question' | 'quiz.not-enough-questions';

/** A quiz definition file is invalid; `path` names the offending entry, e.g. `quizzes[2].questions[0].category`. */
export class QuizDefinitionError extends Error {
  readonly code: QuizDefinitionErrorCode;
  readonly path: string;

  constructor(code: QuizDefinitionErrorCode, path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'QuizDefinitionError';
    this.code = code;
    this.path = path;
  }
}

/**
 * Stable codes of a refused answer, one per field `slot-N` of a page (see `saveAnswers`' `invalid` and the
 * `fields` of `checkQuestion`'s DomainValidationError). Each has an English and French message in
 * `errors/error-messages.ts`: `errorMessage(code, locale)`.
 */
export type AnswerErrorCode = Extract<ErrorCode, `answer.${string}`>;
