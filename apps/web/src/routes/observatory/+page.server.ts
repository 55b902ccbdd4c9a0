import { listMyCourses } from '@labmig/core/cohorts';
import { editionsOf } from '@labmig/core/observatory';
import { referenceData, sourceLine } from '$lib/server/observatory/reference';
import type { PageServerLoad } from './$types';

/** The Observatory's home: the public global estimates, and the signed-in user's cohort observatories. */
export const load: PageServerLoad = async ({ locals }) => {
  const data = referenceData(locals);
  const cohorts =
    locals.actor.kind === 'user'
      ? (await listMyCourses(locals.app, locals.actor))
          .filter((c) => c.status === 'active')
          .map((c) => ({ id: c.cohortId, title: c.cohortTitle, course: c.courseTitle }))
      : [];
  return {
    editions: editionsOf(data).map((e) => ({
      referenceYear: e.referenceYear,
      edition: e.edition,
      published: e.published,
      source: e.source ? sourceLine(e.source) : '',
    })),
    cohorts,
  };
};
