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
import { savePostedPage } from '$lib/server/quiz/save-page';
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

/**
 * Posts the page's fields to core in one command. After the deadline or submission the attempt's review says
 * the post came too late; refused answers come back as field errors (every other answer of the page is saved).
 * @returns the saved outcome and the posted fields
 */
async function postPage(event: Event, form: FormData, post: { check?: number; submit?: boolean } = {}) {
  const { locals } = event;
  const actor = requireUser(locals, event.url);
  const fields = fieldsOfForm(form);
  const outcome = await savePostedPage(locals.app, actor, refOf(event), fields, locals.locale, post);
  if (outcome.kind === 'submitted') toReview(outcome.attempt);
  if (outcome.kind === 'closed') toReview(outcome.attempt, post.submit ? '' : '?refused=1');
  if (Object.keys(outcome.errors).length > 0) {
    const message = m.quiz_error_summary({}, { locale: locals.locale });
    throw new FormRejected({ message, errors: { ...outcome.errors }, values: echoValues(form) });
  }
  return { outcome, fields, count: outcome.attempt.questions.length };
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
      quizTitle: (event.locals.locale === 'fr' && attempt.quizTitleFr) || attempt.quizTitle,
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
  save: (event) =>
    runAction(event, async (form) => {
      const { fields, count } = await postPage(event, form);
      const to = viewAfter(fieldValue(fields, 'go'), viewOfPosted(fieldValue(fields, 'page'), count), count);
      redirect(303, localizeHref(base(event.params.id, event.params.attemptId) + viewQuery(to)));
    }),

  /**
   * Immediate feedback mode: saves the page, then grades and locks the question in field `slot`. Core refuses an
   * empty answer or one that does not fit (codes per field), and nothing of that question is saved then.
   */
  check: (event) =>
    runAction(event, async (form) => {
      const slot = Number(form.get('slot') ?? '');
      const { fields, count } = await postPage(event, form, { check: slot });
      const from = viewOfPosted(fieldValue(fields, 'page'), count) ?? { kind: 'page', page: slot + 1 };
      redirect(
        303,
        localizeHref(base(event.params.id, event.params.attemptId) + viewQuery(from)) + `#q-${slot}`,
      );
    }),

  /** Submits the attempt (idempotent: a second tab or a double click lands on the same review). */
  submit: (event) =>
    // Core saves the valid answers posted with it and submits; a refused one keeps what was saved before.
    runAction(event, async (form) => {
      await postPage(event, form, { submit: true });
    }),
};
