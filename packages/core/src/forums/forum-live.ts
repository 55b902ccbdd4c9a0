import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { liveTopics } from '../events/topics.ts';
import { loadForumsContext, loadReadableThread, signedIn } from './forum-access.ts';

/** What changed in a discussion, for the pages that have it open. */
export type PostEvent = 'post.created' | 'post.edited' | 'post.removed' | 'thread.changed';

/**
 * Tells the pages that have a discussion open (`thread:<id>`) and the cohort's forum pages (`cohort:<id>:forum`)
 * that it changed, after the change committed; on PostgreSQL every server process hears it (LISTEN/NOTIFY). Events
 * carry ids only: pages read the posts again through the normal queries, which check access, so an event tells
 * nobody anything they could not read. Best effort: a bus failure is logged and never undoes the post (the page
 * shows it on its next load).
 */
export async function publishPost(
  app: Pick<App, 'events' | 'logger'>,
  cohortId: string,
  ref: { readonly threadId: string; readonly postId: string; readonly number: number },
  event: PostEvent = 'post.created',
): Promise<void> {
  const data = { threadId: ref.threadId, postId: ref.postId, number: ref.number };
  try {
    await app.events.publish(liveTopics.thread(ref.threadId), event, data);
    await app.events.publish(liveTopics.cohortForum(cohortId), event, data);
  } catch (error) {
    app.logger.warn('forum live event not published', { event, threadId: ref.threadId, error });
  }
}

/**
 * The live topic of a discussion, for a reader who may read it (the same check as its page, without marking it
 * read); another group's or cohort's discussion is "not found" (NotFoundError `forum.thread_not_found`), so a
 * stream cannot be opened to learn that a discussion exists. Subscribe to it with the SSE helper.
 */
export async function threadLiveTopic(
  app: Pick<App, 'db'>,
  actor: Actor,
  cohortId: string,
  threadId: string,
): Promise<string> {
  const ctx = await loadForumsContext(app.db, signedIn(actor), cohortId);
  const { thread } = await loadReadableThread(app.db, ctx, threadId);
  return liveTopics.thread(thread.id);
}
