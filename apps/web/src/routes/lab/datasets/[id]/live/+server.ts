import { json } from '@sveltejs/kit';
import { getLabDatasetPage } from '@labmig/core/lab';
import { liveTopics } from '@labmig/core/events';
import { runJson } from '$lib/server/edge';
import { eventStreamResponse } from '$lib/server/event-stream';
import type { RequestHandler } from './$types';

/**
 * The reading of a new dataset as Server-Sent Events (`job.progress`, `job.state` of its job), for whoever may see
 * the dataset; the page reloads its data when the reading ends. Without JavaScript the page reloads itself.
 */
export const GET: RequestHandler = async (event) => {
  const { locals, params, request } = event;
  if (locals.actor.kind !== 'user') return json({ code: 'unauthenticated' }, { status: 401 });
  const actor = locals.actor;
  return runJson(event, async () => {
    const page = await getLabDatasetPage(locals.app, actor, params.id);
    const topics = page.inspectJobId ? [liveTopics.job(page.inspectJobId)] : [];
    // nothing to follow (finished): 204 tells EventSource not to reconnect
    if (topics.length === 0) return new Response(null, { status: 204 });
    return eventStreamResponse(locals.app.events, request, { topics, userId: actor.userId });
  });
};
