import type { App } from '../app/app.ts';

/** What changed in a discussion, for the pages that have it open. */
export type PostEvent = 'post.created' | 'post.edited' | 'post.removed' | 'thread.changed';

/**
 * Tells the pages that have a discussion open that it changed (after the change committed). Events carry ids only;
 * pages read the posts again through the normal queries, which check access. Until the event bus is on main
 * there is nothing to tell: pages see changes when they load again.
 */
export async function publishPost(
  _app: App,
  _cohortId: string,
  _ref: { readonly threadId: string; readonly postId: string; readonly number: number },
  _event: PostEvent = 'post.created',
): Promise<void> {}
