/** `@labmig/core/cohorts` — cohorts, enrolment and the waiting list, "My courses", the roster. */
export { enrolSchema, ENROL_LIMITS, type EnrolInput } from './enrolment.schema.ts';
export { cohortSchema, COHORT_LIMITS, type CohortInput } from './cohort.schema.ts';
export type { CohortDto, EnrolWindowState, EnrolmentRole, EnrolmentStatus } from './cohort.present.ts';
export { enrol, withdraw } from './enrolment.commands.ts';
export { createCohort, enrolUser } from './cohort.commands.ts';
export { listMyCourses, type MyCourseDto } from './my-courses.queries.ts';
export { getRoster, type RosterDto, type RosterEntryDto } from './roster.queries.ts';
export { rosterToCsv, type RosterCsvWords } from './roster-csv.ts';
export type { CohortPhase } from './cohort-calendar.rules.ts';
export { ScheduleOverrunError, assertScheduleFits, courseDeadlines } from './cohort-schedule.ts';
export {
  assessmentDeadline,
  assignmentDeadline,
  cohortLengthDays,
  earliestEndOn,
  scheduleOverruns,
  type CourseDeadline,
  type ScheduleOverrun,
} from './cohort-schedule.rules.ts';
