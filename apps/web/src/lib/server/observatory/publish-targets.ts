import { listMyCourses } from '@labmig/core/cohorts';
import type { UserActor } from '@labmig/core/access';
import { countryChoices, referenceData } from './reference';

/**
 * What the Lab's publish form offers: the cohorts where the user is an active learner (core decides again when the
 * form is posted) and the ISO 3166 countries in the user's language.
 */
export async function publishTargets(locals: App.Locals, actor: UserActor) {
  const cohorts = (await listMyCourses(locals.app, actor))
    .filter((c) => c.role === 'learner' && c.status === 'active')
    .map((c) => ({ id: c.cohortId, label: `${c.courseTitle} — ${c.cohortTitle}` }));
  return { cohorts, countries: countryChoices(referenceData(locals), locals.locale) };
}
export type PublishTargets = Awaited<ReturnType<typeof publishTargets>>;
