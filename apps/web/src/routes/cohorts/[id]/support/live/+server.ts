import { supportLiveTopics } from '@labmig/core/support';
import { json } from '@sveltejs/kit';
import { runJson } from '$lib/server/edge';
import { eventStreamResponse } from '$lib/server/event-stream';
import type { RequestHandler } from './$types';

/**
 * The desk's live updates as Server-Sent Events (ids only: the page reloads its data, which core checks): tutors
 * online for everyone, the queue for tutors, a learner's own questions for the learner. Someone who may not see the
 * desk gets what its page answers (404 outside the cohort, 403, 401 signed out). Without JavaScript: by reload.
 */
export const GET: RequestHandler = async (event) => {
  const { locals, params, request } = event;
  if (locals.actor.kind !== 'user') return json({ code: 'unauthenticated' }, { status: 401 });
  const actor = locals.actor;
  return runJson(event, async () => {
    const topics = await supportLiveTopics(locals.app, actor, params.id);
    return eventStreamResponse(locals.app.events, request, { topics, userId: actor.userId });
  });
};
