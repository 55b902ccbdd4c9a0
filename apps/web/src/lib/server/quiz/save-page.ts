import { errorMessage, isErrorCode } from '@labmig/core/errors';
import type { Actor } from '@labmig/core/access';
import type { App } from '@labmig/core/app';
import {
  postAttemptPage,
  type AttemptDto,
  type AttemptPostOutcome,
  type PageAnswers,
  type PresentedQuestion,
} from '@labmig/core/assessment';
import type { Locale } from '../locale.ts';
import { fieldValue, readAnswers, type PostedFields } from './answer-fields.ts';
import { slotsOfView, viewOfPosted } from './attempt-pages.ts';

/** What a post of an attempt page did, with each refused answer worded in the user's language (`slot-N`). */
export type PageOutcome = AttemptPostOutcome & { readonly errors: Readonly<Record<string, string>> };

/** A question that can no longer change while the attempt is open (checked in immediate feedback mode). */
export const isLocked = (attempt: AttemptDto, question: PresentedQuestion): boolean =>
  attempt.state === 'in-progress' && question.checked;

/** Field errors (`slot-N` → message in the user's language) from core's stable `answer.*` codes (an unknown code gets the generic message). */
export function answerErrors(
  fields: Readonly<Record<string, string>>,
  locale: Locale,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, code]) => [
      name,
      errorMessage(isErrorCode(code) ? code : 'validation.invalid', locale),
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
 * Posts what a page sent to core in one command (`postAttemptPage`: one load, one authorization): the valid
 * answers are saved, refused ones come back as field errors in the user's language; then the question `check`
 * is graded (immediate feedback) or the attempt submitted (`submit`). `closed`: nothing could be saved.
 */
export async function savePostedPage(
  app: App,
  actor: Actor,
  ref: { readonly cohortId: string; readonly attemptId: string },
  fields: PostedFields,
  locale: Locale,
  post: { readonly check?: number; readonly submit?: boolean } = {},
): Promise<PageOutcome> {
  const outcome = await postAttemptPage(app, actor, ref, {
    answers: (attempt) => postedAnswers(attempt, fields),
    ...post,
  });
  const invalid = outcome.kind === 'saved' ? outcome.invalid : {};
  const errors = answerErrors(
    Object.fromEntries(Object.entries(invalid).map(([slot, code]) => [`slot-${slot}`, code])),
    locale,
  );
  return { ...outcome, errors };
}
