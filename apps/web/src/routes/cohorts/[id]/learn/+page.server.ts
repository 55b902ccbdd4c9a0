import { getAssignmentsHome } from '@labmig/core/assignments';
import { getForumSummary } from '@labmig/core/forums';
import { certificateServicesOf, getMyCompletion } from '@labmig/core/certificates';
import { getLabExercisesHome } from '@labmig/core/lab-exercises';
import { getCourseHome, previewWeek } from '@labmig/core/learning';
import { requireUser } from '$lib/server/guards';
import { runLoad } from '$lib/server/edge';
import type { PageServerLoad } from './$types';

/**
 * The course home of a cohort: this week, what's next, deadlines, progress and every week. A manager may add
 * `?preview=N` to see the course as a learner of week N (core refuses others).
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const preview = Number(url.searchParams.get('preview') ?? '');
  const home = await runLoad(event, () =>
    url.searchParams.has('preview')
      ? previewWeek(locals.app, actor, params.id, Number.isInteger(preview) ? preview : 0, locals.locale)
      : getCourseHome(locals.app, actor, params.id, locals.locale),
  );
  // Learners see exactly what still stands between them and the certificate (issued here once the rule is met).
  const completion =
    home.viewer.role === 'learner' && !home.preview
      ? await runLoad(event, () =>
          getMyCompletion(locals.app, certificateServicesOf(locals.app), actor, params.id, locals.locale),
        )
      : null;
  return {
    home,
    completion,
    forums: await getForumSummary(locals.app, actor, params.id),
    assignments: home.preview ? null : await getAssignmentsHome(locals.app, actor, params.id, locals.locale),
    labExercises: home.preview
      ? null
      : await getLabExercisesHome(locals.app, actor, params.id, locals.locale),
  };
};
