import type { ErrorCode } from '../../errors/error-messages.ts';

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
