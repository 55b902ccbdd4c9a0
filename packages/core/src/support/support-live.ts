import type { App } from '../app/app.ts';
import { liveTopics } from '../events/topics.ts';
import type { Actor } from '../access/actor.ts';
import { loadSupportContext, type SupportContext } from './support-access.ts';

/** What changed on a desk. */
export type SupportEvent = 'question.changed' | 'presence.changed';

/**
 * Tells the open desk pages, after the change committed: the queue (`cohort:<id>:support:queue`, staff pages) and
 * the asker (`user:<id>`, their own pages) that a question changed; with PostgreSQL every server process hears it.
 * Ids only: pages read the question again through the normal queries, which check access. Best effort: a bus
 * failure is logged and never undoes the change (the page shows it on its next load).
 */
export async function publishQuestion(
  app: Pick<App, 'events' | 'logger'>,
  cohortId: string,
  question: { readonly id: string; readonly asker_id: string },
): Promise<void> {
  const data = { questionId: question.id };
  try {
    await app.events.publish(liveTopics.supportQueue(cohortId), 'question.changed', data);
    await app.events.publish(liveTopics.user(question.asker_id), 'question.changed', data);
  } catch (error) {
    app.logger.warn('support live event not published', { questionId: question.id, error });
  }
}

/** Tells every desk page of the cohort (`cohort:<id>:support`) that the tutors online changed. */
export async function publishPresence(app: Pick<App, 'events' | 'logger'>, cohortId: string): Promise<void> {
  try {
    await app.events.publish(liveTopics.cohortSupport(cohortId), 'presence.changed', {});
  } catch (error) {
    app.logger.warn('support presence event not published', { cohortId, error });
  }
}

/**
 * The live topics of the desk for the actor: presence for everyone; the queue for staff, the asker's own
 * questions (`user:<id>`) for learners. Subscribe to them with the SSE helper after `loadSupportContext`.
 */
export function supportTopicsOf(ctx: SupportContext): string[] {
  return [
    liveTopics.cohortSupport(ctx.cohort.id),
    ctx.staff ? liveTopics.supportQueue(ctx.cohort.id) : liveTopics.user(ctx.actor.userId),
  ];
}

/**
 * The live topics of the desk for a person who may see it (NotFoundError `cohort.not_found` / ForbiddenError
 * otherwise, like the page), for the SSE helper.
 */
export async function supportLiveTopics(
  app: Pick<App, 'db'>,
  actor: Actor,
  cohortId: string,
): Promise<string[]> {
  return supportTopicsOf(await loadSupportContext(app.db, actor, cohortId));
}
