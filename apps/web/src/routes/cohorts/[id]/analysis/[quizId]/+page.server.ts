import { getQuizItemAnalysis, type ItemAttempts } from '@labmig/core/assessment/index.ts';
import { requireSameCohort } from '$lib/server/grades/same-cohort';
import { requireUser } from '$lib/server/guards';
import { loadOrError } from '$lib/server/load-errors';
import type { PageServerLoad } from './$types';

/**
 * Item analysis of one weekly assessment (staff only, core decides). `?attempts=first|all`: Moodle's default is
 * each learner's first attempt (later attempts break the assumptions of item analysis), so that is ours too.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const actor = requireUser(locals, url);
  const which: ItemAttempts = url.searchParams.get('attempts') === 'all' ? 'all' : 'first';
  const analysis = await loadOrError(locals.locale, () =>
    getQuizItemAnalysis(locals.app, actor, params.quizId, which),
  );
  requireSameCohort(analysis.cohortId, params.id, locals.locale);
  return { analysis };
};
