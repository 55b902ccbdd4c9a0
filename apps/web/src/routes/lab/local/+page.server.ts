import { requireUser } from '$lib/server/guards';
import { listPracticeDatasets } from '$lib/server/lab/practice-datasets';
import { listPracticeTables } from '$lib/server/lab/practice-tables';
import { publishTargets } from '$lib/server/observatory/publish-targets';
import type { PageServerLoad } from './$types';

/** The practice datasets the page offers besides the user's own file, and their precomputed tables (without JS). */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = requireUser(locals, url);
  const dir = locals.app.config.contentDir;
  const [practice, tables] = await Promise.all([listPracticeDatasets(dir), listPracticeTables(dir)]);
  return { practice, tables, targets: await publishTargets(locals, actor) };
};
