import { threadLiveTopic } from '@labmig/core/forums';
import { json } from '@sveltejs/kit';
import { runJson } from '$lib/server/edge';
import { eventStreamResponse } from '$lib/server/event-stream';
import type { RequestHandler } from './$types';

/**
 * The discussion's live updates as Server-Sent Events (ids only: the page reloads its data, which core checks).
 * Opened by the page's script for a reader who may read the discussion; another group's or cohort's discussion
 * answers 404 like its page, a signed-out visitor 401. Without JavaScript the page works by reload.
 */
export const GET: RequestHandler = async (event) => {
  const { locals, params, request } = event;
  if (locals.actor.kind !== 'user') return json({ code: 'unauthenticated' }, { status: 401 });
  const actor = locals.actor;
  return runJson(event, async () => {
    const topic = await threadLiveTopic(locals.app, actor, params.id, params.threadId);
    return eventStreamResponse(locals.app.events, request, { topics: [topic], userId: actor.userId });
  });
};
