import { calendarFeed } from '@labmig/core/learning';
import { runLoad } from '$lib/server/edge';
import type { RequestHandler } from './$types';

/** The private iCalendar feed of a learner's deadlines; the token in the URL is the only credential. */
export const GET: RequestHandler = async (event) => {
  const { locals, params } = event;
  const body = await runLoad(event, () => calendarFeed(locals.app, params.token));
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="deadlines.ics"',
      'cache-control': 'private, no-store',
      'x-robots-tag': 'noindex',
    },
  });
};
