import {
  ERROR_MESSAGES,
  errorMessage,
  isDomainError,
  type Actor,
  type App,
  type ErrorCode,
} from '@labmig/core';
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

/** A question that can no longer change while the attempt is open (checked in immediate feedback mode). */
export const isLocked = (attempt: AttemptDto, question: PresentedQuestion): boolean =>
  attempt.state === 'in-progress' && question.checked;

/** Field errors (`slot-N` → message in the user's language) from core's stable `answer.*` codes (an unknown code gets the generic message). */
export function answerErrors(
  fields: Readonly<Record<string, string>>,
  locale: Locale,
): Record<string, string> {
  const known = (code: string): code is ErrorCode => Object.hasOwn(ERROR_MESSAGES, code);
  return Object.fromEntries(
    Object.entries(fields).map(([name, code]) => [
      name,
      errorMessage(known(code) ? code : 'validation.invalid', locale),
    ]),
  );
}

/** The answers a form posted for the page it came from (`page`), minus the slots in `skip`. */
export function postedAnswers(
  attempt: AttemptDto,
  fields: PostedFields,
  skip: readonly number[] = [],
): PageAnswers {
  const count = attempt.questions.length;
  const slots = slotsOfView(viewOfPosted(fieldValue(fields, 'page'), count), count);
  const answers = readAnswers(fields, attempt.questions, slots, (q) => isLocked(attempt, q));
  return Object.fromEntries(Object.entries(answers).filter(([slot]) => !skip.includes(Number(slot))));
}

/**
 * Saves what a page posted in one call: core saves every valid answer and returns the refused slots with stable
 * codes, which become field errors in the user's language (`summary` is the form-level message then).
 * `attempt.closed` and other domain errors save nothing.
 */
export async function savePostedPage(
  app: App,
  actor: Actor,
  attempt: AttemptDto,
  fields: PostedFields,
  locale: Locale,
  summary: () => string,
  skip: readonly number[] = [],
): Promise<SaveOutcome> {
  const answers = postedAnswers(attempt, fields, skip);
  if (Object.keys(answers).length === 0) return { ok: true, savedAt: null };
  try {
    const { savedAt, invalid } = await saveAnswers(app, actor, attempt.id, answers);
    if (Object.keys(invalid).length === 0) return { ok: true, savedAt };
    const errors = answerErrors(
      Object.fromEntries(Object.entries(invalid).map(([slot, code]) => [`slot-${slot}`, code])),
      locale,
    );
    return { ok: false, status: 400, code: 'validation.invalid', message: summary(), errors, savedAt };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return {
      ok: false,
      status: error.status,
      code: error.code,
      message: error.localize(locale),
      errors: {},
      savedAt: null,
    };
  }
}
