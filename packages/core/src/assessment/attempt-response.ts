import type { AttemptSlot } from './attempt-layout.rules.ts';
import type { Question } from './gift.types.ts';
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

/** A submitted answer that does not fit the question; `code` is stable. */
export interface ResponseProblem {
  readonly code:
    'response.unknown-option' | 'response.too-many-options' | 'response.too-long' | 'response.unknown-choice';
  readonly message: string;
}

function tooLong(text: string, max: number): ResponseProblem | undefined {
  return text.length > max
    ? { code: 'response.too-long', message: `the answer is longer than ${max} characters` }
    : undefined;
}

/**
 * Turns what a page posted into a response to grade, checking it against the question and the attempt's layout:
 * option ids must be shown options, matching choices must be offered choices, texts within the limits.
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
        return {
          problem: { code: 'response.unknown-option', message: 'an option that is not shown was selected' },
        };
      if (!question.multipleAnswers && ids.length > 1)
        return { problem: { code: 'response.too-many-options', message: 'choose one option only' } };
      return ids.length === 0
        ? {}
        : { response: { type: 'multichoice', choices: ids.map((id) => order[Number(id)]) } };
    }
    case 'truefalse': {
      const [value] = answer.selected ?? [];
      if (value === undefined) return {};
      if (value !== 'true' && value !== 'false')
        return { problem: { code: 'response.unknown-option', message: 'choose True or False' } };
      return { response: { type: 'truefalse', value: value === 'true' } };
    }
    case 'matching': {
      const choices = new Set(slot.matchingChoices ?? question.pairs.map((p) => p.answer));
      const pairs: Record<number, string> = {};
      for (const [id, value] of Object.entries(answer.pairs ?? {})) {
        const index = /^p\d+$/.test(id) ? Number(id.slice(1)) : -1;
        if (!question.pairs[index]?.question)
          return {
            problem: { code: 'response.unknown-option', message: `"${id}" is not a prompt of this question` },
          };
        if (value === '') continue;
        if (!choices.has(value))
          return {
            problem: { code: 'response.unknown-choice', message: `"${value}" is not one of the choices` },
          };
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
      return {
        response:
          question.type === 'shortanswer'
            ? { type: 'shortanswer', text }
            : { type: question.type, value: text },
      };
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
