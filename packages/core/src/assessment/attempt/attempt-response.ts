import type { AttemptSlot } from './attempt-layout.rules.ts';
import type { AnswerErrorCode } from './attempt.errors.ts';
import type { Question } from '../gift/gift.types.ts';
import { parseNumericResponse } from './grading.rules.ts';
import type { QuestionGrade, QuestionResponse } from './response.types.ts';

/** Longest text kept for an essay, and for any other typed answer (characters). */
export const MAX_ESSAY_LENGTH = 20_000;
export const MAX_ANSWER_LENGTH = 200;

/** What a form posts for one question, in the ids of the presented question (see PresentedResponse). */
export interface SubmittedAnswer {
  readonly selected?: readonly string[];
  readonly text?: string;
  readonly pairs?: Readonly<Record<string, string>>;
}

/** A submitted answer that does not fit the question; `code` is stable and localizable (`errorMessage`). */
export interface ResponseProblem {
  readonly code: AnswerErrorCode;
}

const refuse = (code: AnswerErrorCode): { problem: ResponseProblem } => ({ problem: { code } });

function tooLong(text: string, max: number): ResponseProblem | undefined {
  return text.length > max ? { code: 'answer.too_long' } : undefined;
}

/**
 * Turns what a page posted into a response to grade, checking it against the question and the attempt's layout:
 * option ids must be shown options, matching choices must be offered choices, texts within the limits, and a
 * numerical or calculated answer a number as `parseNumericResponse` reads it (`answer.not_a_number`).
 * Returns `{ response: undefined }` when nothing was answered.
 */
export function readResponse(
  question: Question,
  slot: AttemptSlot,
  answer: SubmittedAnswer,
): { response?: QuestionResponse; problem?: ResponseProblem } {
  const text = (answer.text ?? '').trim();
  switch (question.type) {
    case 'description':
      return {};
    case 'multichoice': {
      const order = slot.choiceOrder ?? question.answers.map((_, i) => i);
      const ids = [...new Set(answer.selected ?? [])];
      if (ids.some((id) => !/^\d+$/.test(id) || Number(id) >= order.length))
        return refuse('answer.unknown_option');
      if (!question.multipleAnswers && ids.length > 1) return refuse('answer.too_many_options');
      return ids.length === 0
        ? {}
        : { response: { type: 'multichoice', choices: ids.map((id) => order[Number(id)]) } };
    }
    case 'truefalse': {
      const [value] = answer.selected ?? [];
      if (value === undefined) return {};
      if (value !== 'true' && value !== 'false') return refuse('answer.unknown_option');
      return { response: { type: 'truefalse', value: value === 'true' } };
    }
    case 'matching': {
      const choices = new Set(slot.matchingChoices ?? question.pairs.map((p) => p.answer));
      const pairs: Record<number, string> = {};
      for (const [id, value] of Object.entries(answer.pairs ?? {})) {
        const index = /^p\d+$/.test(id) ? Number(id.slice(1)) : -1;
        if (!question.pairs[index]?.question) return refuse('answer.unknown_option');
        if (value === '') continue;
        if (!choices.has(value)) return refuse('answer.unknown_choice');
        pairs[index] = value;
      }
      return Object.keys(pairs).length === 0 ? {} : { response: { type: 'matching', pairs } };
    }
    case 'essay': {
      const problem = tooLong(text, MAX_ESSAY_LENGTH);
      return problem ? { problem } : text === '' ? {} : { response: { type: 'essay', text } };
    }
    default: {
      const problem = tooLong(text, MAX_ANSWER_LENGTH);
      if (problem) return { problem };
      if (text === '') return {};
      if (question.type === 'shortanswer') return { response: { type: 'shortanswer', text } };
      // Numbers are kept as typed (the review shows them so) once they parse; see parseNumericResponse.
      if (Number.isNaN(parseNumericResponse(text))) return refuse('answer.not_a_number');
      return { response: { type: question.type, value: text } };
    }
  }
}

/**
 * The grade a tutor gives a question by hand (essays, or an override), as a fraction of its mark.
 * @throws RangeError when the fraction is outside [0, 1]
 */
export function gradeManually(fraction: number): QuestionGrade {
  if (!(fraction >= 0 && fraction <= 1))
    throw new RangeError(`gradeManually: fraction ${fraction} must be between 0 and 1`);
  return {
    state: fraction === 1 ? 'correct' : fraction > 0 ? 'partial' : 'incorrect',
    fraction,
    matched: [],
  };
}
