/** Text formats GIFT can declare with a `[name]` prefix; `moodle` is the default ("Moodle auto-format"). */
export type TextFormat = 'moodle' | 'html' | 'plain' | 'markdown';

/** The question types labmig reads from and writes to GIFT (`calculated` is labmig's extension, see README.md). */
export type QuestionType =
  | 'multichoice'
  | 'truefalse'
  | 'shortanswer'
  | 'numerical'
  | 'matching'
  | 'essay'
  | 'description'
  | 'calculated';

/** A choice of a multiple-choice question. `fraction` is the credit in [-1, 1] (1 = 100 %). */
export interface ChoiceAnswer {
  readonly text: string;
  /** Only set when the answer carries its own `[format]` prefix. */
  readonly format?: TextFormat;
  readonly fraction: number;
  readonly feedback: string;
}

/** An accepted short answer; `*` in `text` is a wildcard. */
export interface ShortAnswer {
  readonly text: string;
  readonly fraction: number;
  readonly feedback: string;
}

/** A numerical answer: a value with a tolerance, a closed range, or `any` (GIFT `~#feedback`, the catch-all). */
export type NumericalAnswer =
  | {
      readonly kind: 'value';
      readonly value: number;
      readonly tolerance: number;
      readonly fraction: number;
      readonly feedback: string;
    }
  | {
      readonly kind: 'range';
      readonly min: number;
      readonly max: number;
      readonly fraction: number;
      readonly feedback: string;
    }
  | { readonly kind: 'any'; readonly fraction: 0; readonly feedback: string };

/** One row of a matching question. An empty `question` is a distractor: an extra right-hand answer. */
export interface MatchingPair {
  readonly question: string;
  readonly answer: string;
}

/** A variable of a calculated question, drawn per learner from `min..max` in steps of `step`. */
export interface CalculatedVariable {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** Tolerance of a calculated answer: absolute (± units) or relative (± fraction of the right answer). */
export interface Tolerance {
  readonly kind: 'absolute' | 'relative';
  readonly value: number;
}

/** Text around the blank of a "missing word" question (answers in the middle of the text). */
export interface MissingWord {
  readonly before: string;
  readonly after: string;
}

interface QuestionBase {
  /** The `::title::`, or a name derived from the text when the file has none. */
  readonly name: string;
  /** Question text; for missing-word questions the blank is shown as `_____`. */
  readonly text: string;
  readonly format: TextFormat;
  /** The `$CATEGORY:` in force, or '' before any. */
  readonly category: string;
  /** General feedback (`####`), shown to everyone once feedback is visible. */
  readonly generalFeedback: string;
  /** 1-based line where the question starts in its file. */
  readonly line: number;
  readonly missingWord?: MissingWord;
}

export interface MultichoiceQuestion extends QuestionBase {
  readonly type: 'multichoice';
  /** True when the question has no `=` answer: learners may tick several choices (credit adds up). */
  readonly multipleAnswers: boolean;
  readonly answers: readonly ChoiceAnswer[];
}

export interface TrueFalseQuestion extends QuestionBase {
  readonly type: 'truefalse';
  readonly correct: boolean;
  /** Feedback shown to a learner who answered wrongly / rightly. */
  readonly feedbackWrong: string;
  readonly feedbackRight: string;
}

export interface ShortAnswerQuestion extends QuestionBase {
  readonly type: 'shortanswer';
  readonly answers: readonly ShortAnswer[];
}

export interface NumericalQuestion extends QuestionBase {
  readonly type: 'numerical';
  readonly answers: readonly NumericalAnswer[];
}

export interface MatchingQuestion extends QuestionBase {
  readonly type: 'matching';
  readonly pairs: readonly MatchingPair[];
}

export interface EssayQuestion extends QuestionBase {
  readonly type: 'essay';
}

export interface DescriptionQuestion extends QuestionBase {
  readonly type: 'description';
}

export interface CalculatedQuestion extends QuestionBase {
  readonly type: 'calculated';
  /** The answer formula over the variables, e.g. `100 * unemp / (emp + unemp)`. */
  readonly formula: string;
  readonly tolerance: Tolerance;
  readonly variables: readonly CalculatedVariable[];
  /** Feedback attached to the formula answer (shown on a right answer). */
  readonly feedback: string;
}

/** A parsed GIFT question. */
export type Question =
  | MultichoiceQuestion
  | TrueFalseQuestion
  | ShortAnswerQuestion
  | NumericalQuestion
  | MatchingQuestion
  | EssayQuestion
  | DescriptionQuestion
  | CalculatedQuestion;
