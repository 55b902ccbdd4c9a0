import { redirect } from '@sveltejs/kit';
import { getAttempt, type AttemptDto } from '@labmig/core/assessment';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { runAction, runLoad } from '$lib/server/edge';
import { echoValues, FormRejected } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { fieldsOfForm, fieldValue } from '$lib/server/quiz/answer-fields';
import { viewAfter, viewOfPosted, viewOfUrl, viewQuery } from '$lib/server/quiz/attempt-pages';
import { attemptView } from '$lib/server/quiz/attempt-view';
import { savePostedPage, type PageOutcome } from '$lib/server/quiz/save-page';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Server-rendered only: forms are plain posts; attempt-page.script.ts adds the autosave and the countdown. */
export const csr = false;

type Event = Pick<RequestEvent, 'locals' | 'params' | 'url'>;

const base = (cohortId: string, attemptId: string) => `/cohorts/${cohortId}/attempts/${attemptId}`;
const refOf = ({ params }: Event) => ({ cohortId: params.id, attemptId: params.attemptId });

/** Once submitted (by the learner, a second tab or the server at the deadline) the attempt lives on its review. */
function toReview(attempt: Pick<AttemptDto, 'cohortId' | 'id'>, query = ''): never {
  redirect(303, localizeHref(`${base(attempt.cohortId, attempt.id)}/review${query}`));
}

/** The page again with the refused answers marked, every other answer of it saved. */
function refuseAnswers(outcome: PageOutcome, form: FormData, locale: 'en' | 'fr'): void {
  if (Object.keys(outcome.errors).length === 0) return;
  const message = m.quiz_error_summary({}, { locale });
  throw new FormRejected({ message, errors: { ...outcome.errors }, values: echoValues(form) });
}

/**
 * Taking an attempt: one question per page (`?page=N`), all on one page (`?all=1`) or the summary before
 * submitting (`?summary=1`). Nothing here reveals answers before core's feedback mode allows it.
 */
export const load: PageServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  const attempt = await runLoad(event, () => getAttempt(event.locals.app, actor, refOf(event)));
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

export const actions: Actions = {
  /** Saves the page's answers, then goes where the `go` button says (prev, next, a page number, finish). */
  save: async (event) => {
    const actor = requireUser(event.locals, event.url);
    return runAction(event, async (form) => {
      const fields = fieldsOfForm(form);
      const outcome = await savePostedPage(
        event.locals.app,
        actor,
        refOf(event),
        fields,
        event.locals.locale,
      );
      if (outcome.kind !== 'saved') toReview(outcome.attempt, '?refused=1');
      refuseAnswers(outcome, form, event.locals.locale);
      const count = outcome.attempt.questions.length;
      const from = viewOfPosted(fieldValue(fields, 'page'), count);
      const to = viewAfter(fieldValue(fields, 'go'), from, count);
      redirect(303, localizeHref(base(event.params.id, event.params.attemptId) + viewQuery(to)));
    });
  },

  /**
   * Immediate feedback mode: saves the page, then grades and locks the question in field `slot`. Core refuses an
   * empty answer or one that does not fit (codes per field), and nothing of that question is saved then.
   */
  check: async (event) => {
    const actor = requireUser(event.locals, event.url);
    return runAction(event, async (form) => {
      const fields = fieldsOfForm(form);
      const slot = Number(fieldValue(fields, 'slot'));
      const outcome = await savePostedPage(
        event.locals.app,
        actor,
        refOf(event),
        fields,
        event.locals.locale,
        {
          check: slot,
        },
      );
      if (outcome.kind !== 'saved') toReview(outcome.attempt, '?refused=1');
      refuseAnswers(outcome, form, event.locals.locale);
      const from = viewOfPosted(fieldValue(fields, 'page'), outcome.attempt.questions.length) ?? {
        kind: 'page',
        page: slot + 1,
      };
      redirect(
        303,
        localizeHref(base(event.params.id, event.params.attemptId) + viewQuery(from)) + `#q-${slot}`,
      );
    });
  },

  /** Submits the attempt (idempotent: a second tab or a double click lands on the same review). */
  submit: async (event) => {
    const actor = requireUser(event.locals, event.url);
    return runAction(event, async (form) => {
      // Core saves the valid answers posted with it and submits; a refused one keeps what was saved before.
      const outcome = await savePostedPage(
        event.locals.app,
        actor,
        refOf(event),
        fieldsOfForm(form),
        event.locals.locale,
        { submit: true },
      );
      toReview(outcome.attempt);
    });
  },
};
