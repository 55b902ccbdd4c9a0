import { getQuizItemAnalysis, type ItemAttempts } from '@labmig/core/assessment';
import { runLoad } from '$lib/server/edge';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/**
 * Item analysis of one weekly assessment (staff only, core decides). `?attempts=first|all`: Moodle's default is
 * each learner's first attempt (later attempts break the assumptions of item analysis), so that is ours too.
 */
export const load: PageServerLoad = async (event) => {
  const { locals, params, url } = event;
  const actor = requireUser(locals, url);
  const which: ItemAttempts = url.searchParams.get('attempts') === 'all' ? 'all' : 'first';
  const analysis = await runLoad(event, () =>
    getQuizItemAnalysis(locals.app, actor, { cohortId: params.id, quizId: params.quizId }, which),
  );
  return { analysis };
};
