import { listPracticeDatasets } from '$lib/server/lab/practice-datasets';
import type { PageServerLoad } from './$types';

/** The practice datasets the page offers besides the user's own file. */
export const load: PageServerLoad = async ({ locals }) => ({
  practice: await listPracticeDatasets(locals.app.config.contentDir),
});
