import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { runJson } from '$lib/server/edge';
import { fieldsOfForm, fieldsOfJson, type PostedFields } from '$lib/server/quiz/answer-fields';
import { savePostedPage } from '$lib/server/quiz/save-page';
import type { RequestHandler } from './$types';

async function readFields(request: Request): Promise<PostedFields> {
  if ((request.headers.get('content-type') ?? '').includes('application/json'))
    return fieldsOfJson(await request.json().catch(() => null));
  return fieldsOfForm(await request.formData());
}

/**
 * Autosave (JavaScript, and `sendBeacon` when the page is closed): the same fields as the `save` action, as a
 * form or JSON body. Answers `{ savedAt }`; 400 `{ savedAt, errors, message }` when some answers were refused
 * (the others are saved); 409 `{ code: 'attempt.closed', message }` after the deadline or submission.
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
  return runJson(event, async () => {
    const ref = { cohortId: params.id, attemptId: params.attemptId };
    const outcome = await savePostedPage(locals.app, actor, ref, await readFields(request), locale);
    if (outcome.kind !== 'saved')
      return json({ code: 'attempt.closed', message: m.quiz_refused({}, { locale }) }, { status: 409 });
    const { errors, savedAt } = outcome;
    if (Object.keys(errors).length === 0) return json({ savedAt });
    const message = m.quiz_error_summary({}, { locale });
    return json({ code: 'validation.invalid', message, errors, savedAt }, { status: 400 });
  });
};
