import { createCalendarFeed, getCalendarFeedStatus, getCourseHome, revokeCalendarFeed } from '@labmig/core';
import { failWith } from '$lib/server/actions';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { Actions, PageServerLoad } from './$types';

/** The course calendar (weeks, opening and due dates) and, for learners, the private feed link form. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const home = await loadOrError(locals.locale, () =>
    getCourseHome(locals.app, actor, params.id, locals.locale),
  );
  const feed = home.viewer.tracksProgress
    ? await loadOrError(locals.locale, () => getCalendarFeedStatus(locals.app, actor, params.id))
    : null;
  return { home, feed };
};

export const actions: Actions = {
  /** Creates (or replaces) the private feed link; its URL is shown once, in this response only. */
  feed: async ({ locals, params, url }) => {
    const actor = requireUser(locals, url);
    try {
      const created = await createCalendarFeed(locals.app, actor, params.id);
      return { feedUrl: new URL(created.path, url.origin).href };
    } catch (error) {
      return failWith(error, {}, locals.locale);
    }
  },
  /** Turns the private feed link off: the old URL answers 404 from now on. */
  revoke: async ({ locals, params, url }) => {
    const actor = requireUser(locals, url);
    try {
      const { revoked } = await revokeCalendarFeed(locals.app, actor, params.id);
      return { revoked };
    } catch (error) {
      return failWith(error, {}, locals.locale);
    }
  },
};
