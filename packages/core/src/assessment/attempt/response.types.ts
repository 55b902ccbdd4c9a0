/**
 * A learner's response to one question. Choice indexes refer to the question's `answers` in authored order
 * (the attempt layout maps displayed positions back to them); matching keys are indexes into `pairs`.
 */
export type QuestionResponse =
  | { readonly type: 'multichoice'; readonly choices: readonly number[] }
  | { readonly type: 'truefalse'; readonly value: boolean }
  | { readonly type: 'shortanswer'; readonly text: string }
  | { readonly type: 'numerical'; readonly value: string | number }
  | { readonly type: 'calculated'; readonly value: string | number }
  | { readonly type: 'matching'; readonly pairs: Readonly<Record<number, string>> }
  | { readonly type: 'essay'; readonly text: string };

import type { GradeState } from '@labmig/db';

/** The state of a graded question (the stored column's type): `pending` waits for a tutor; `ungraded` = descriptions. */
export type { GradeState };

/** The automatic grade of one question. */
export interface QuestionGrade {
  readonly state: GradeState;
  /** Credit in [0, 1]; null while pending or for descriptions. */
  readonly fraction: number | null;
  /** Indexes of the authored answers (or pairs) the response matched, to pick their feedback. */
  readonly matched: readonly number[];
}
