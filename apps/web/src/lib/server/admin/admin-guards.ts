import { assertCan, SITE, type UserActor } from '@labmig/core/access';
import { assertCohortAdministration } from '@labmig/core/course-admin';
import type { RequestEvent } from '@sveltejs/kit';
import { runLoad } from '../edge.ts';
import { requireUser } from '../guards.ts';

/**
 * The signed-in actor if they may administer the route's cohort (`params.id`); the page's refusal otherwise (sign-in
 * redirect, 404 outside the cohort, 403 for its tutors and learners). Every cohort form calls it before it reads the
 * form, so a forged post is refused, never answered as a form with errors.
 */
export async function cohortAdministrator(event: RequestEvent): Promise<UserActor> {
  const actor = requireUser(event.locals, event.url);
  const cohortId = event.params.id ?? '';
  await runLoad(event, () => assertCohortAdministration(event.locals.app, actor, cohortId));
  return actor;
}

/** The signed-in actor if they are a site administrator (people, new cohorts); 403 otherwise. */
export async function siteAdministrator(
  event: RequestEvent,
  action: 'people.manage' | 'people.set-admin' | 'cohort.create',
): Promise<UserActor> {
  const actor = requireUser(event.locals, event.url);
  await runLoad(event, async () => assertCan(actor, action, SITE, { forbidden: 'admin.only' }));
  return actor;
}
