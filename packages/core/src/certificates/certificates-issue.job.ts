import { z } from 'zod';
import { defineJobType } from '../jobs/job-type.ts';
import { defineSchedule } from '../jobs/recurring-schedule.ts';
import { issueEarnedCertificates } from './certificate.commands.ts';
import { certificateServicesOf } from './certificate-services.ts';
import { issueAllEarnedDiplomas } from './diploma.commands.ts';

/**
 * Issues the certificates learners have earned (grades released by a tutor, a quiz closing, an override), so a
 * learner who never comes back still gets theirs. Cohorts that ended more than 90 days ago are left alone. Then
 * the diplomas of every programme whose rule someone's valid certificates meet.
 */
export const issueEarnedCertificatesJob = defineJobType({
  type: 'certificates.issue-earned',
  payload: z.object({}),
  maxAttempts: 1,
  timeoutMs: 10 * 60_000,
  run: async (app) => {
    const since = new Date(app.clock.now().getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
    const cohorts = await app.db.selectFrom('cohorts').select('id').where('ends_on', '>=', since).execute();
    const services = certificateServicesOf(app);
    for (const { id } of cohorts) await issueEarnedCertificates(app, services, id);
    // Diplomas follow their certificates at once; this catches any that did not (a failure, a new programme).
    await issueAllEarnedDiplomas(app, services);
  },
});

/** Every 5 minutes, once across all server processes. */
export const issueEarnedCertificatesSchedule = defineSchedule({
  key: 'certificates.issue-earned',
  job: issueEarnedCertificatesJob,
  recurrence: { everyMinutes: 5 },
});
