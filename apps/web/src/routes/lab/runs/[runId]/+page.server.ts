import { cancelLabRun, getLabRunPage, retryLabRun } from '@labmig/core/lab';
import { runAction, runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import { runCharts } from '$lib/server/lab/run-charts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * A run: while it waits or runs, its progress (SSE with JavaScript; without, the page reloads itself every few
 * seconds); when done, SDG 10.7.1 and the ILMS tables with estimate, SE, CV, CI, n and flags, charts drawn on the
 * server with their text alternative and data table, and the downloads; when failed, why (earlier runs keep their
 * results).
 */
export const load: PageServerLoad = async (event) => {
  const actor = requireUser(event.locals, event.url);
  const page = await runLoad(event, () => getLabRunPage(event.locals.app, actor, event.params.runId));
  const source = page.dataset.name;
  return {
    ...page,
    charts: page.tables ? runCharts(page.tables, source, event.locals.locale) : [],
  };
};

function runFormAction(name: string, work: (event: RequestEvent) => Promise<void>) {
  return async (event: RequestEvent) => {
    requireUser(event.locals, event.url);
    return runAction(event, () => work(event).then(() => ({ form: name, done: true })), {
      extra: () => ({ form: name }),
    });
  };
}

export const actions: Actions = {
  /** Cancels the run while it waits or runs. */
  cancel: runFormAction('cancel', (e) => cancelLabRun(e.locals.app, e.locals.actor, e.params.runId)),
  /** Runs a failed, interrupted or cancelled run again with the mapping it was started with. */
  retry: runFormAction('retry', (e) => retryLabRun(e.locals.app, e.locals.actor, e.params.runId)),
};
