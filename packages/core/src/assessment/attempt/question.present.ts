import { computeCalculatedAnswer, fillCalculatedText } from './calculated.rules.ts';
import type { AttemptSlot } from './attempt-layout.rules.ts';
import type { FeedbackVisibility } from './feedback.rules.ts';
import type { NumericalAnswer, Question, QuestionType, TextFormat } from '../gift/gift.types.ts';
import { renderQuestionText } from './question-text.render.ts';
import type { GradeState, QuestionGrade, QuestionResponse } from './response.types.ts';

export { renderQuestionText } from './question-text.render.ts';

/** The learner's own response, in the ids of the presented question. */
export interface PresentedResponse {
  readonly selected?: readonly string[];
  readonly text?: string;
  readonly pairs?: Readonly<Record<string, string>>;
}

/**
 * The right answer, structured so a page can say it in its own language (numbers in its locale, "from … to …",
 * true/false). Texts (`choices`, `text`, `pairs`) are the question's own, in the course's language.
 */
export type RightAnswer =
  | { readonly kind: 'choices'; readonly texts: readonly string[] }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly tolerance: number }
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  | {
      readonly kind: 'pairs';
      readonly pairs: readonly { readonly prompt: string; readonly answer: string }[];
    };

/** Marks, feedback and right answer: present only when the feedback mode allows. */
export interface PresentedReview {
  readonly state?: GradeState;
  readonly mark?: number | null;
  readonly feedback?: readonly string[];
  readonly generalFeedback?: string;
  /** The same feedback as safe HTML, rendered in the question's format (Markdown, HTML…): show these. */
  readonly feedbackHtml?: readonly string[];
  readonly generalFeedbackHtml?: string;
  /** The ids of the options that are right (choice and true/false questions), with the right answer. */
  readonly rightOptions?: readonly string[];
  /** Null when the question has no right answer to show (essay, description, a numerical "any answer"). */
  readonly rightAnswer?: RightAnswer | null;
}

/** A question as a page may show it: no fractions, no answer keys, no formula, no feedback before it is due. */
export interface PresentedQuestion {
  readonly slot: number;
  readonly type: QuestionType;
  readonly text: string;
  readonly format: TextFormat;
  /** The text as safe HTML for the page (`renderQuestionText`): render this, not `text`. */
  readonly html: string;
  /** Checked in immediate feedback mode: its answer is locked (the review shows as the mode allows). */
  readonly checked: boolean;
  readonly maxMark: number;
  readonly missingWord?: { readonly before: string; readonly after: string };
  readonly multipleAnswers?: boolean;
  readonly options?: readonly { readonly id: string; readonly text: string }[];
  readonly prompts?: readonly { readonly id: string; readonly text: string }[];
  readonly choices?: readonly string[];
  readonly response?: PresentedResponse;
  readonly review?: PresentedReview;
}

/** What to present. */
export interface PresentInput {
  readonly slotNumber: number;
  readonly slot: AttemptSlot;
  readonly question: Question;
  readonly visibility: FeedbackVisibility;
  readonly response?: QuestionResponse;
  readonly grade?: QuestionGrade;
  /** The learner checked this question (immediate feedback mode). */
  readonly checked?: boolean;
}

const fill = (q: Question, text: string, slot: AttemptSlot) =>
  q.type === 'calculated' ? fillCalculatedText({ ...q, text }, slot.variables ?? {}) : text;

function numberAnswer(a: NumericalAnswer | undefined): RightAnswer | null {
  if (a?.kind === 'range') return { kind: 'range', min: a.min, max: a.max };
  if (a?.kind === 'value') return { kind: 'number', value: a.value, tolerance: a.tolerance };
  return null;
}

/** The presented option ids (display positions; `true`/`false`) that earn marks, for marking each option. */
function rightOptionsOf(q: Question, slot: AttemptSlot): string[] | undefined {
  if (q.type === 'truefalse') return [String(q.correct)];
  if (q.type !== 'multichoice') return undefined;
  const order = slot.choiceOrder ?? q.answers.map((_, i) => i);
  return order.flatMap((i, pos) => ((q.answers[i]?.fraction ?? 0) > 0 ? [String(pos)] : []));
}

/** The right answer of a question in the attempt (calculated: with the attempt's values), for the review. */
export function rightAnswerOf(q: Question, slot: AttemptSlot): RightAnswer | null {
  switch (q.type) {
    case 'multichoice':
      return { kind: 'choices', texts: q.answers.filter((a) => a.fraction > 0).map((a) => a.text) };
    case 'truefalse':
      return { kind: 'boolean', value: q.correct };
    case 'shortanswer':
      return { kind: 'text', text: q.answers.find((a) => a.fraction === 1)?.text ?? '' };
    case 'numerical':
      return numberAnswer(q.answers.find((a) => a.fraction === 1) ?? q.answers[0]);
    case 'matching':
      return {
        kind: 'pairs',
        pairs: q.pairs
          .filter((p) => p.question !== '')
          .map((p) => ({ prompt: p.question, answer: p.answer })),
      };
    case 'calculated': {
      const value = computeCalculatedAnswer(q, slot.variables ?? {});
      const tol = q.tolerance.kind === 'absolute' ? q.tolerance.value : Math.abs(value) * q.tolerance.value;
      return { kind: 'number', value: Number(value.toPrecision(10)), tolerance: Number(tol.toPrecision(6)) };
    }
    default:
      return null;
  }
}

function feedbackOf(
  q: Question,
  grade: QuestionGrade | undefined,
  response: QuestionResponse | undefined,
): string[] {
  if (!grade) return [];
  if (q.type === 'truefalse' && response?.type === 'truefalse')
    return [grade.fraction === 1 ? q.feedbackRight : q.feedbackWrong].filter(Boolean);
  if (q.type === 'multichoice' || q.type === 'shortanswer' || q.type === 'numerical')
    return grade.matched.map((i) => q.answers[i]?.feedback ?? '').filter(Boolean);
  if (q.type === 'calculated') return grade.fraction === 1 && q.feedback ? [q.feedback] : [];
  return [];
}

/** Feedback as written and as safe HTML in the question's format. */
function feedbackFields(q: Question, feedback: string[]): PresentedReview {
  return {
    feedback,
    generalFeedback: q.generalFeedback,
    feedbackHtml: feedback.map((text) => renderQuestionText(text, q.format)),
    ...(q.generalFeedback ? { generalFeedbackHtml: renderQuestionText(q.generalFeedback, q.format) } : {}),
  };
}

function presentResponse(
  q: Question,
  slot: AttemptSlot,
  r: QuestionResponse | undefined,
): PresentedResponse | undefined {
  if (!r) return undefined;
  if (r.type === 'multichoice')
    return {
      selected: r.choices.map((c) => String((slot.choiceOrder ?? []).indexOf(c))).filter((id) => id !== '-1'),
    };
  if (r.type === 'truefalse') return { selected: [r.value ? 'true' : 'false'] };
  if (r.type === 'matching')
    return { pairs: Object.fromEntries(Object.entries(r.pairs).map(([k, v]) => [`p${k}`, v])) };
  if (r.type === 'numerical' || r.type === 'calculated') return { text: String(r.value) };
  return q.type === 'description' ? undefined : { text: r.text };
}

/**
 * Presents a question of an attempt for a page. Only what the visibility allows leaves this function: before
 * feedback is due the result holds no answer weights, right answers, feedback or formula — only the text,
 * the options in the attempt's order (ids are display positions) and the learner's own response.
 */
export function presentQuestion(input: PresentInput): PresentedQuestion {
  const { slot, question: q, visibility, response, grade } = input;
  const text = fill(q, q.text, slot);
  const base = {
    slot: input.slotNumber,
    type: q.type,
    text,
    format: q.format,
    html: renderQuestionText(text, q.format),
    checked: input.checked ?? false,
    maxMark: slot.maxMark,
    ...(q.missingWord
      ? {
          missingWord: {
            before: fill(q, q.missingWord.before, slot),
            after: fill(q, q.missingWord.after, slot),
          },
        }
      : {}),
  };
  const shape =
    q.type === 'multichoice'
      ? {
          multipleAnswers: q.multipleAnswers,
          options: (slot.choiceOrder ?? q.answers.map((_, i) => i)).map((i, pos) => ({
            id: String(pos),
            text: q.answers[i].text,
          })),
        }
      : q.type === 'truefalse'
        ? {
            options: [
              { id: 'true', text: 'True' },
              { id: 'false', text: 'False' },
            ],
          }
        : q.type === 'matching'
          ? {
              prompts: q.pairs.flatMap((p, i) =>
                p.question === '' ? [] : [{ id: `p${i}`, text: p.question }],
              ),
              choices: slot.matchingChoices ?? [],
            }
          : {};
  const rightOptions = rightOptionsOf(q, slot);
  const review: PresentedReview = {
    ...(visibility.marks && grade
      ? { state: grade.state, mark: grade.fraction === null ? null : grade.fraction * slot.maxMark }
      : {}),
    ...(visibility.feedback ? feedbackFields(q, feedbackOf(q, grade, response)) : {}),
    ...(visibility.rightAnswer ? { rightAnswer: rightAnswerOf(q, slot) } : {}),
    ...(visibility.rightAnswer && rightOptions ? { rightOptions } : {}),
  };
  const presented = presentResponse(q, slot, response);
  return {
    ...base,
    ...shape,
    ...(presented ? { response: presented } : {}),
    ...(Object.keys(review).length > 0 ? { review } : {}),
  };
}
