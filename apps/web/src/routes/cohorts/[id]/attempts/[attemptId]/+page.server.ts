import { error, fail, redirect } from '@sveltejs/kit';
import { isDomainError } from '@labmig/core';
import { checkQuestion, getAttempt, submitAttempt, type AttemptDto } from '@labmig/core/assessment/index.ts';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { echoValues } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import { answerOf, fieldsOfForm, fieldValue } from '$lib/server/quiz/answer-fields';
import { viewAfter, viewOfPosted, viewOfUrl, viewQuery } from '$lib/server/quiz/attempt-pages';
import { attemptView } from '$lib/server/quiz/attempt-view';
import { answerErrors, isLocked, postedAnswers, savePostedPage } from '$lib/server/quiz/save-page';
import { saveSummary } from '$lib/server/quiz/save-text';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Server-rendered only: forms are plain posts; attempt-page.script.ts adds the autosave and the countdown. */
export const csr = false;

const base = (cohortId: string, attemptId: string) => `/cohorts/${cohortId}/attempts/${attemptId}`;

/** The attempt, if it belongs to the cohort of the URL (else 404, as for an unknown attempt). */
async function attemptOf(event: Pick<RequestEvent, 'locals' | 'params' | 'url'>): Promise<AttemptDto> {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const attempt = await loadOrError(locals.locale, () => getAttempt(locals.app, actor, params.attemptId));
  if (attempt.cohortId !== params.id) error(404, m.quiz_attempt_not_found({}, { locale: locals.locale }));
  return attempt;
}

/** Once submitted (by the learner, a second tab or the server at the deadline) the attempt lives on its review. */
function toReview(attempt: AttemptDto, query = ''): never {
  redirect(303, localizeHref(`${base(attempt.cohortId, attempt.id)}/review${query}`));
}

/**
 * Taking an attempt: one question per page (`?page=N`), all on one page (`?all=1`) or the summary before
 * submitting (`?summary=1`). Nothing here reveals answers before core's feedback mode allows it.
 */
export const load: PageServerLoad = async (event) => {
  const attempt = await attemptOf(event);
  if (attempt.state === 'submitted' || !attempt.canAnswer) toReview(attempt);
  const view = viewOfUrl(event.url, attempt.questions.length);
  const { questions, nav, summary } = attemptView(attempt, view);
  return {
    attempt: {
      id: attempt.id,
      cohortId: attempt.cohortId,
      quizId: attempt.quizId,
      quizTitle: attempt.quizTitle,
      week: attempt.week,
      attemptNumber: attempt.attemptNumber,
      feedbackMode: attempt.feedbackMode,
      deadlineAt: attempt.deadlineAt,
      secondsLeft: attempt.secondsLeft,
      timeZone: attempt.timeZone,
      count: attempt.questions.length,
    },
    view,
    questions,
    nav,
    summary,
  };
};

/** A failed post: field errors and the user's values, shown on the page the form came from. */
function failure(status: number, message: string, errors: Record<string, string>, form: FormData) {
  return fail(status, { message, errors, values: echoValues(form) });
}

export const actions: Actions = {
  /** Saves the page's answers, then goes where the `go` button says (prev, next, a page number, finish). */
  save: async (event) => {
    const attempt = await attemptOf(event);
    const form = await event.request.formData();
    const fields = fieldsOfForm(form);
    if (!attempt.canAnswer) toReview(attempt, '?refused=1');
    const actor = requireUser(event.locals, event.url);
    const outcome = await savePostedPage(
      event.locals.app,
      actor,
      attempt,
      fields,
      event.locals.locale,
      saveSummary(event.locals.locale),
    );
    if (!outcome.ok) {
      if (outcome.code === 'attempt.closed') toReview(attempt, '?refused=1');
      return failure(outcome.status, outcome.message, outcome.errors, form);
    }
    const count = attempt.questions.length;
    const from = viewOfPosted(fieldValue(fields, 'page'), count);
    redirect(
      303,
      localizeHref(
        base(attempt.cohortId, attempt.id) + viewQuery(viewAfter(fieldValue(fields, 'go'), from, count)),
      ),
    );
  },

  /**
   * Immediate feedback mode: saves the page, then grades and locks the question in field `slot`. Core refuses an
   * empty answer or one that does not fit (codes per field), and nothing of that question is saved then.
   */
  check: async (event) => {
    const attempt = await attemptOf(event);
    const { locals } = event;
    const form = await event.request.formData();
    const fields = fieldsOfForm(form);
    if (!attempt.canAnswer) toReview(attempt, '?refused=1');
    const slot = Number(fieldValue(fields, 'slot'));
    const question = Number.isInteger(slot) ? attempt.questions[slot] : undefined;
    if (!question || question.type === 'description' || isLocked(attempt, question))
      return failure(400, m.quiz_error_check_slot({}, { locale: locals.locale }), {}, form);
    const actor = requireUser(locals, event.url);
    const outcome = await savePostedPage(
      locals.app,
      actor,
      attempt,
      fields,
      locals.locale,
      saveSummary(locals.locale),
      [slot],
    );
    if (!outcome.ok && outcome.code === 'attempt.closed') toReview(attempt, '?refused=1');
    const errors: Record<string, string> = outcome.ok ? {} : { ...outcome.errors };
    try {
      await checkQuestion(locals.app, actor, attempt.id, slot, answerOf(fields, question));
    } catch (caught) {
      if (!isDomainError(caught)) throw caught;
      if (caught.code === 'attempt.closed') toReview(attempt, '?refused=1');
      if (!caught.fields) return failure(caught.status, caught.localize(locals.locale), errors, form);
      Object.assign(errors, answerErrors(caught.fields, locals.locale));
    }
    if (Object.keys(errors).length > 0)
      return failure(400, m.quiz_error_summary({}, { locale: locals.locale }), errors, form);
    if (!outcome.ok) return failure(outcome.status, outcome.message, outcome.errors, form);
    const from = viewOfPosted(fieldValue(fields, 'page'), attempt.questions.length) ?? {
      kind: 'page',
      page: slot + 1,
    };
    redirect(303, localizeHref(base(attempt.cohortId, attempt.id) + viewQuery(from)) + `#q-${slot}`);
  },

  /** Submits the attempt (idempotent: a second tab or a double click lands on the same review). */
  submit: async (event) => {
    const attempt = await attemptOf(event);
    const { locals } = event;
    const form = await event.request.formData();
    if (attempt.state === 'submitted') toReview(attempt);
    const actor = requireUser(locals, event.url);
    try {
      // Core saves the valid answers posted with it and submits; a refused one keeps what was saved before.
      await submitAttempt(locals.app, actor, attempt.id, postedAnswers(attempt, fieldsOfForm(form)));
    } catch (caught) {
      if (!isDomainError(caught)) throw caught;
      return failure(caught.status, caught.localize(locals.locale), {}, form);
    }
    toReview(attempt);
  },
};
