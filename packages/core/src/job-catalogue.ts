import {
  finaliseOverdueAttemptsJob,
  finaliseOverdueAttemptsSchedule,
} from './assessment/attempt/finalise-overdue.job.ts';
import {
  issueEarnedCertificatesJob,
  issueEarnedCertificatesSchedule,
} from './certificates/certificates-issue.job.ts';
import { sweepPendingFilesJob, sweepPendingFilesSchedule } from './files/files-sweep.job.ts';
import { cleanupJobsJob, cleanupJobsSchedule } from './jobs/job-cleanup.job.ts';
import { labInspectJob, labRunJob } from './lab/lab.jobs.ts';
import type { JobCatalogue } from './jobs/recurring-schedule.ts';
import { courseRemindersJob, courseRemindersSchedule } from './reminders/reminders.job.ts';
import { sendMailJob } from './jobs/mail-send.job.ts';
import { forumDigestJob, forumDigestSchedule } from './notifications/digest.job.ts';

/**
 * Every job type and schedule of the campus: each server process runs this catalogue (`startJobRunner(app,
 * JOB_CATALOGUE)`). A feature adds its job types and schedules here (digests, reminders, Lab runs).
 */
export const JOB_CATALOGUE: JobCatalogue = {
  types: [
    finaliseOverdueAttemptsJob,
    sendMailJob,
    cleanupJobsJob,
    sweepPendingFilesJob,
    forumDigestJob,
    issueEarnedCertificatesJob,
    courseRemindersJob,
    labInspectJob,
    labRunJob,
  ],
  schedules: [
    finaliseOverdueAttemptsSchedule,
    cleanupJobsSchedule,
    sweepPendingFilesSchedule,
    forumDigestSchedule,
    issueEarnedCertificatesSchedule,
    courseRemindersSchedule,
  ],
};
