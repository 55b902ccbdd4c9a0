import { requireUser } from '$lib/server/guards';
import { listPracticeDatasets } from '$lib/server/lab/practice-datasets';
import { listPracticeTables } from '$lib/server/lab/practice-tables';
import type { PageServerLoad } from './$types';

/** The Lab's home: the in-browser analysis, and the practice datasets with their precomputed tables. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireUser(locals, url);
  const dir = locals.app.config.contentDir;
  const [files, tables] = await Promise.all([listPracticeDatasets(dir), listPracticeTables(dir)]);
  return {
    practice: tables.map((name) => ({
      name,
      files: files.filter((f) => f.file.replace(/\.[^.]+$/, '') === name),
    })),
  };
};
