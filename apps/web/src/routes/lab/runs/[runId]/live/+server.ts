import { json } from '@sveltejs/kit';
import { getLabRunStatus } from '@labmig/core/lab';
import { liveTopics } from '@labmig/core/events';
import { runJson } from '$lib/server/edge';
import { eventStreamResponse } from '$lib/server/event-stream';
import type { RequestHandler } from './$types';

/**
 * A run's progress as Server-Sent Events (`job.progress`, `job.state` of its job), for whoever may see the run
 * (another person's run answers 404 like its page). Without JavaScript the run's page reloads itself.
 */
export const GET: RequestHandler = async (event) => {
  const { locals, params, request } = event;
  if (locals.actor.kind !== 'user') return json({ code: 'unauthenticated' }, { status: 401 });
  const actor = locals.actor;
  return runJson(event, async () => {
    const run = await getLabRunStatus(locals.app, actor, params.runId);
    const topics = run.jobId ? [liveTopics.job(run.jobId)] : [];
    // nothing to follow (finished): 204 tells EventSource not to reconnect
    if (topics.length === 0) return new Response(null, { status: 204 });
    return eventStreamResponse(locals.app.events, request, { topics, userId: actor.userId });
  });
};
