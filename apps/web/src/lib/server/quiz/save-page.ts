import { isDomainError, type Actor, type App } from '@labmig/core';
import {
  saveAnswers,
  type AttemptDto,
  type PageAnswers,
  type PresentedQuestion,
} from '@labmig/core/assessment/index.ts';
import type { Locale } from '../locale.ts';
import { fieldValue, readAnswers, type PostedFields } from './answer-fields.ts';
import { slotsOfView, viewOfPosted } from './attempt-pages.ts';

/** The outcome of saving a posted page: what was saved, and per-field errors in the user's language. */
export type SaveOutcome =
  | { readonly ok: true; readonly savedAt: string | null }
  | {
      readonly ok: false;
      readonly status: number;
      readonly code: string;
      readonly message: string;
      readonly errors: Readonly<Record<string, string>>;
      /** Set when the other answers of the page were saved. */
      readonly savedAt: string | null;
    };

/** The messages of refused answers in the user's language (Paraglide's in the app, fixed ones in tests). */
export interface SaveText {
  /** A typed answer to a numerical question that is not a number. */
  readonly number: () => string;
  /** An answer core refused (not an option of the question, too long…). */
  readonly answer: () => string;
  /** The form-level message when some answers were refused. */
  readonly summary: () => string;
}

/** A question that can no longer change while the attempt is open (checked in immediate feedback mode). */
export const isLocked = (attempt: AttemptDto, question: PresentedQuestion): boolean =>
  attempt.state === 'in-progress' && question.review !== undefined;

const without = (answers: PageAnswers, slots: ReadonlySet<number>): PageAnswers =>
  Object.fromEntries(Object.entries(answers).filter(([slot]) => !slots.has(Number(slot))));

/** The answers a form posted for the page it came from (`page`), minus the slots in `skip`. */
export function postedAnswers(attempt: AttemptDto, fields: PostedFields, skip: readonly number[] = []) {
  const count = attempt.questions.length;
  const slots = slotsOfView(viewOfPosted(fieldValue(fields, 'page'), count), count);
  const read = readAnswers(fields, attempt.questions, slots, (q) => isLocked(attempt, q));
  return { answers: without(read.answers, new Set(skip)), badNumbers: read.badNumbers };
}

/**
 * Saves what a page posted. Answers core refuses (validation) and typed answers that are not numbers get a field
 * error; every other answer of the page is still saved. `attempt.closed` and other domain errors save nothing.
 */
export async function savePostedPage(
  app: App,
  actor: Actor,
  attempt: AttemptDto,
  fields: PostedFields,
  locale: Locale,
  text: SaveText,
  skip: readonly number[] = [],
): Promise<SaveOutcome> {
  const { answers, badNumbers } = postedAnswers(attempt, fields, skip);
  const errors: Record<string, string> = {};
  for (const slot of badNumbers) errors[`slot-${slot}`] = text.number();
  let toSave = answers;
  let savedAt: string | null = null;
  for (let pass = 0; pass < 2 && Object.keys(toSave).length > 0; pass++) {
    try {
      savedAt = (await saveAnswers(app, actor, attempt.id, toSave)).savedAt;
      break;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const refused = Object.keys(error.fields ?? {});
      if (error.code !== 'validation.invalid' || refused.length === 0 || pass > 0)
        return {
          ok: false,
          status: error.status,
          code: error.code,
          message: error.localize(locale),
          errors,
          savedAt,
        };
      for (const field of refused) errors[field] = text.answer();
      toSave = without(toSave, new Set(refused.map((f) => Number(f.replace('slot-', '')))));
    }
  }
  if (Object.keys(errors).length === 0) return { ok: true, savedAt };
  return {
    ok: false,
    status: 400,
    code: 'validation.invalid',
    message: text.summary(),
    errors,
    savedAt,
  };
}
