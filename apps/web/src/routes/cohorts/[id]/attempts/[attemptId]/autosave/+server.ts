import { json } from '@sveltejs/kit';
import { isDomainError } from '@labmig/core';
import { getAttempt } from '@labmig/core/assessment/index.ts';
import { m } from '$lib/paraglide/messages';
import { readPostedBody } from '$lib/server/quiz/posted-body';
import { savePostedPage } from '$lib/server/quiz/save-page';
import { saveSummary } from '$lib/server/quiz/save-text';
import type { RequestHandler } from './$types';

const BODY_MESSAGES = {
  type: m.quiz_error_body_type,
  malformed: m.quiz_error_body_malformed,
  empty: m.quiz_error_body_empty,
} as const;

/**
 * Autosave (JavaScript, and `sendBeacon` when the page is closed): the same fields as the `save` action, as a
 * form or JSON body. Answers `{ savedAt }`; 400 `{ savedAt, errors, message }` when some answers were refused
 * (the others are saved); 409 `{ code: 'attempt.closed', message }` after the deadline or submission. A body that is
 * not a form or JSON gets 415, one that does not parse or names no page and no answer 400 (`code: 'body.…'`): nothing
 * is saved then, and the answer never says it was.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
  const locale = locals.locale;
  if (locals.actor.kind !== 'user')
    return json(
      { code: 'unauthenticated', message: m.quiz_error_signed_out({}, { locale }) },
      { status: 401 },
    );
  const actor = locals.actor;
  const body = await readPostedBody(request);
  if (!body.ok)
    return json(
      { code: `body.${body.problem}`, message: BODY_MESSAGES[body.problem]({}, { locale }) },
      { status: body.status },
    );
  try {
    const attempt = await getAttempt(locals.app, actor, params.attemptId);
    if (attempt.cohortId !== params.id)
      return json(
        { code: 'attempt.not_found', message: m.quiz_attempt_not_found({}, { locale }) },
        { status: 404 },
      );
    if (!attempt.canAnswer)
      return json({ code: 'attempt.closed', message: m.quiz_refused({}, { locale }) }, { status: 409 });
    const outcome = await savePostedPage(
      locals.app,
      actor,
      attempt,
      body.fields,
      locale,
      saveSummary(locale),
    );
    if (outcome.ok) return json({ savedAt: outcome.savedAt });
    const { status, code, message, errors, savedAt } = outcome;
    return json({ code, message, errors, savedAt }, { status });
  } catch (caught) {
    if (!isDomainError(caught)) throw caught;
    return json({ code: caught.code, message: caught.localize(locale) }, { status: caught.status });
  }
};
