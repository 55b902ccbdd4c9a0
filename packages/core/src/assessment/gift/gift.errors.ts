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
