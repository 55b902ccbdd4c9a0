import type { CohortState, CohortWithCountsRow, EnrolmentRole, EnrolmentStatus } from '@labmig/db';

/** A cohort in the administration list, with its counts. */
export interface CohortListItemDto {
  readonly id: string;
  readonly title: string;
  readonly courseTitle: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly state: CohortState;
  readonly capacity: number | null;
  readonly approvalRequired: boolean;
  readonly counts: {
    readonly active: number;
    readonly pending: number;
    readonly waitlisted: number;
    /** Withdrawn and declined learners. */
    readonly withdrawn: number;
    readonly staff: number;
  };
}

/** Maps a cohort row with counts to its list item. */
export function presentCohortListItem(row: CohortWithCountsRow): CohortListItemDto {
  const n = (status: EnrolmentStatus) => row.learners[status] ?? 0;
  return {
    id: row.id,
    title: row.title,
    courseTitle: row.course_title,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    state: row.state,
    capacity: row.capacity,
    approvalRequired: row.approval_required === 1,
    counts: {
      active: n('active'),
      pending: n('pending'),
      waitlisted: n('waitlisted'),
      withdrawn: n('withdrawn') + n('declined'),
      staff: row.staff,
    },
  };
}

/** Someone's place in a cohort as the course team sees it. */
export interface EnrolmentAdminDto {
  readonly enrolmentId: string;
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly role: EnrolmentRole;
  readonly status: EnrolmentStatus;
  /** When the place last changed (applied, joined the waiting list, …). */
  readonly since: string;
  readonly enrolledAt: string;
  /** The course team's reason for a withdrawal or a refusal. */
  readonly reason: string | null;
  readonly motivation: string;
  readonly expectations: string;
  readonly country: string;
  readonly organisationType: string;
  readonly jobTitle: string;
  readonly deactivated: boolean;
  /** True for the actor's own place (they cannot change it here). */
  readonly isSelf: boolean;
}

/** An enrolment joined with its person, as the repository lists them. */
export interface EnrolmentJoinedRow {
  readonly id: string;
  readonly user_id: string;
  readonly role: EnrolmentRole;
  readonly status: EnrolmentStatus;
  readonly created_at: string;
  readonly updated_at: string;
  readonly status_reason: string | null;
  readonly name: string;
  readonly email: string;
  readonly country: string;
  readonly organisation_type: string;
  readonly job_title: string;
  readonly deactivated_at: string | null;
}

/** Maps an enrolment with its person (and the answers read from it) to its DTO. */
export function presentEnrolment(
  row: EnrolmentJoinedRow,
  answers: { readonly motivation: string; readonly expectations: string },
  actorUserId: string,
): EnrolmentAdminDto {
  return {
    enrolmentId: row.id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    status: row.status,
    since: row.updated_at,
    enrolledAt: row.created_at,
    reason: row.status_reason,
    motivation: answers.motivation,
    expectations: answers.expectations,
    country: row.country,
    organisationType: row.organisation_type,
    jobTitle: row.job_title,
    deactivated: row.deactivated_at !== null,
    isSelf: row.user_id === actorUserId,
  };
}

/** A cohort's administration page. */
export interface CohortAdminDto {
  readonly cohort: {
    readonly id: string;
    readonly title: string;
    readonly courseSlug: string;
    readonly courseTitle: string;
    readonly startsOn: string;
    readonly endsOn: string;
    readonly timeZone: string;
    readonly language: 'en' | 'fr';
    readonly capacity: number | null;
    readonly waitlistEnabled: boolean;
    readonly approvalRequired: boolean;
    /** Learners must have confirmed their email address to enrol themselves. */
    readonly requireConfirmedEmail: boolean;
    readonly enrolOpensAt: string | null;
    readonly enrolClosesAt: string | null;
    /** The enrolment window in the cohort's local time, as the settings form shows it (empty: no limit). */
    readonly enrolOpensLocal: string;
    readonly enrolClosesLocal: string;
    readonly state: CohortState;
    /** True once the cohort has started (its start date and time zone are then fixed). */
    readonly started: boolean;
  };
  readonly counts: {
    readonly active: number;
    readonly pending: number;
    readonly waitlisted: number;
    readonly withdrawn: number;
    readonly declined: number;
    readonly staff: number;
    readonly placesLeft: number | null;
  };
  /** Applications to decide, oldest first. */
  readonly pending: readonly EnrolmentAdminDto[];
  /** The waiting list in the order places go. */
  readonly waitlisted: readonly EnrolmentAdminDto[];
  /** Enrolled learners and staff, by name. */
  readonly active: readonly EnrolmentAdminDto[];
  /** Withdrawn and declined. */
  readonly left: readonly EnrolmentAdminDto[];
  readonly can: {
    readonly edit: boolean;
    readonly close: boolean;
    readonly archive: boolean;
    readonly add: boolean;
    readonly decide: boolean;
    readonly changeRole: boolean;
    readonly promote: boolean;
    readonly remove: boolean;
    readonly audit: boolean;
  };
}
