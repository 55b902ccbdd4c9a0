import { actorOf } from '@labmig/core/accounts';
import type { App } from '@labmig/core/app';
import { createJobRunner } from '@labmig/core/jobs';
import {
  createPracticeDataset,
  getLabDatasetPage,
  getLabHome,
  labInspectJob,
  labRunJob,
  startLabRun,
} from '@labmig/core/lab';
import { findUserByEmail } from '@labmig/db';

/** The practice dataset the demo learner has mapped and run. */
export const DEMO_LAB_DATASET = 'lfs_small.sav';

/**
 * Gives the demo learner the practice dataset `lfs_small.sav` with its saved mapping and one finished run, so a
 * newcomer sees tables and charts at once. The work runs here, through the job runner and the worker pool, as on a
 * server. Idempotent: a learner who already has the dataset keeps it. Returns the finished run's id; null when the
 * content folder has no such practice dataset.
 */
export async function seedDemoLab(app: App, learnerEmail: string): Promise<string | null> {
  const actor = actorOf((await findUserByEmail(app.db, learnerEmail))!);
  const home = await getLabHome(app, actor);
  if (!home.practice.some((p) => p.file === DEMO_LAB_DATASET)) return null;
  const existing = home.datasets.find((d) => d.mine && d.name === DEMO_LAB_DATASET);
  if (existing) {
    const page = await getLabDatasetPage(app, actor, existing.id);
    const done = page.runs.find((r) => r.state === 'done');
    if (done) return done.id;
  }
  const runner = createJobRunner(app, { types: [labInspectJob, labRunJob], schedules: [] });
  const datasetId = existing?.id ?? (await createPracticeDataset(app, actor, DEMO_LAB_DATASET));
  await runner.runDue();
  const runId = await startLabRun(app, actor, datasetId);
  await runner.runDue();
  return runId;
}
