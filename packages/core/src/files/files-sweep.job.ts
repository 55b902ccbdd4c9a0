import { deleteStoredFileRow, listStalePendingFiles } from '@labmig/db';
import { z } from 'zod';
import { defineJobType } from '../jobs/job-type.ts';
import { defineSchedule } from '../jobs/recurring-schedule.ts';

/** A pending upload (a form that failed, a process that died) is deleted after this long. */
export const PENDING_FILE_TTL_HOURS = 24;

/** Deletes uploads that no feature kept within PENDING_FILE_TTL_HOURS: bytes first, then the record. */
export const sweepPendingFilesJob = defineJobType({
  type: 'files.sweep-pending',
  payload: z.object({}),
  maxAttempts: 3,
  run: async (app) => {
    const before = new Date(app.clock.now().getTime() - PENDING_FILE_TTL_HOURS * 3_600_000).toISOString();
    let deleted = 0;
    for (const row of await listStalePendingFiles(app.db, before)) {
      await app.storage.delete(row.storage_key);
      await deleteStoredFileRow(app.db, row.id);
      deleted++;
    }
    return { deleted };
  },
});

/** Every hour. */
export const sweepPendingFilesSchedule = defineSchedule({
  key: 'files.sweep-pending',
  job: sweepPendingFilesJob,
  recurrence: { everyMinutes: 60 },
});
