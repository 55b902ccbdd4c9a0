import {
  createCalendarFeed,
  getCalendarFeedStatus,
  getCourseHome,
  revokeCalendarFeed,
} from '@labmig/core/learning';
import { runAction, runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** The course calendar (weeks, opening and due dates) and, for learners, the private feed link form. */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  return runLoad(event, async () => {
    const home = await getCourseHome(locals.app, actor, params.id, locals.locale);
    const feed = home.viewer.tracksProgress
      ? await getCalendarFeedStatus(locals.app, actor, params.id)
      : null;
    return { home, feed };
  });
};

export const actions: Actions = {
  /** Creates (or replaces) the private feed link; its URL is shown once, in this response only. */
  feed: async (event) => {
    const { locals, params, url } = event;
    const actor = requireUser(locals, url);
    return runAction(event, async () => {
      const created = await createCalendarFeed(locals.app, actor, params.id);
      return { feedUrl: new URL(created.path, url.origin).href };
    });
  },
  /** Turns the private feed link off: the old URL answers 404 from now on. */
  revoke: async (event) => {
    const { locals, params, url } = event;
    const actor = requireUser(locals, url);
    return runAction(event, async () => {
      const { revoked } = await revokeCalendarFeed(locals.app, actor, params.id);
      return { revoked };
    });
  },
};
