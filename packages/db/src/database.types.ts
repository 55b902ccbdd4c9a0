/**
 * Row types of every table, as stored, one file per feature under `tables/`. Timestamps are ISO-8601 UTC text,
 * booleans are integer 0/1, JSON is text (parsed through a schema in core). Status, role and state columns are
 * string-literal unions. Services map these rows to domain values; rows never leave packages/core.
 * A new feature adds `tables/<feature>.tables.ts` with its `<Feature>Tables` and one line below (the platform's
 * jobs and stored files live in `platform/platform.types.ts`).
 */
import type { AccountsTables } from './tables/accounts.tables.ts';
import type { AssessmentTables } from './tables/assessment.tables.ts';
import type { AssignmentsTables } from './tables/assignments.tables.ts';
import type { CertificatesTables } from './tables/certificates.tables.ts';
import type { CohortsTables } from './tables/cohorts.tables.ts';
import type { CourseAdminTables } from './tables/course-admin.tables.ts';
import type { CoursesTables } from './tables/courses.tables.ts';
import type { ForumsTables } from './tables/forums.tables.ts';
import type { GroupsTables } from './tables/groups.tables.ts';
import type { LabExercisesTables } from './tables/lab-exercises.tables.ts';
import type { LabTables } from './tables/lab.tables.ts';
import type { LearningTables } from './tables/learning.tables.ts';
import type { MailTables } from './tables/mail.tables.ts';
import type { NotificationsTables } from './tables/notifications.tables.ts';
import type { SupportTables } from './tables/support.tables.ts';
import type { ObservatoryTables } from './tables/observatory.tables.ts';
import type { PlatformTables } from './platform/platform.types.ts';

export type * from './tables/accounts.tables.ts';
export type * from './tables/assessment.tables.ts';
export type * from './tables/assignments.tables.ts';
export type * from './tables/certificates.tables.ts';
export type * from './tables/cohorts.tables.ts';
export type * from './tables/course-admin.tables.ts';
export type * from './tables/courses.tables.ts';
export type * from './tables/forums.tables.ts';
export type * from './tables/groups.tables.ts';
export type * from './tables/lab-exercises.tables.ts';
export type * from './tables/lab.tables.ts';
export type * from './tables/learning.tables.ts';
export type * from './tables/mail.tables.ts';
export type * from './tables/notifications.tables.ts';
export type * from './tables/support.tables.ts';
export type * from './tables/observatory.tables.ts';

/** The whole schema as Kysely sees it. */
export interface Database
  extends
    AccountsTables,
    MailTables,
    CoursesTables,
    CohortsTables,
    LearningTables,
    AssessmentTables,
    GroupsTables,
    ForumsTables,
    NotificationsTables,
    PlatformTables,
    AssignmentsTables,
    CertificatesTables,
    CourseAdminTables,
    SupportTables,
    LabExercisesTables,
    ObservatoryTables,
    LabTables {}
