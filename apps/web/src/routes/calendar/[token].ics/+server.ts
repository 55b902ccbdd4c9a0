import { calendarFeed } from '@labmig/core';
import { loadOrError } from '$lib/server/load-errors';
import type { RequestHandler } from './$types';

/** The private iCalendar feed of a learner's deadlines; the token in the URL is the only credential. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const body = await loadOrError(locals.locale, () => calendarFeed(locals.app, params.token));
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="deadlines.ics"',
      'cache-control': 'private, no-store',
      'x-robots-tag': 'noindex',
    },
  });
};
