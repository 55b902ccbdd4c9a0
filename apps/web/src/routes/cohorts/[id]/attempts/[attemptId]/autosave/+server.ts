import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { runJson } from '$lib/server/edge';
import { readPostedBody } from '$lib/server/quiz/posted-body';
import { savePostedPage } from '$lib/server/quiz/save-page';
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
export const POST: RequestHandler = async (event) => {
  const { locals, params, request } = event;
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
  return runJson(event, async () => {
    const ref = { cohortId: params.id, attemptId: params.attemptId };
    const outcome = await savePostedPage(locals.app, actor, ref, body.fields, locale);
    if (outcome.kind !== 'saved')
      return json({ code: 'attempt.closed', message: m.quiz_refused({}, { locale }) }, { status: 409 });
    const { errors, savedAt } = outcome;
    if (Object.keys(errors).length === 0) return json({ savedAt });
    const message = m.quiz_error_summary({}, { locale });
    return json({ code: 'validation.invalid', message, errors, savedAt }, { status: 400 });
  });
};
