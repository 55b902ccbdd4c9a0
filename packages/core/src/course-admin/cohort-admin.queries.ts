import {
  findCourseById,
  listCohortEnrolments,
  listCohortsWithCounts,
  listCourses,
  listManagedCohortIds,
  type CohortState,
} from '@labmig/db';
import { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { assertCan, can } from '../access/can.ts';
import type { CohortAccess } from '../access/membership.ts';
import { loadCohortAccess, SITE } from '../access/membership.ts';
import { isSiteAdmin } from '../access/membership.rules.ts';
import type { App } from '../app/app.ts';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { parseStoredJson } from '../shared/stored-json.ts';
import { localDateOf, zonedDateTimeOf } from '../shared/time-zone.rules.ts';
import {
  presentCohortListItem,
  presentEnrolment,
  type CohortAdminDto,
  type CohortListItemDto,
  type EnrolmentAdminDto,
} from './course-admin.present.ts';

/** Which cohorts the list shows: the current ones (open and closed, the default), one state, or all. */
export const cohortListFilterSchema = z.object({
  state: z.enum(['current', 'open', 'closed', 'archived', 'all']).catch('current').default('current'),
});

const STATES: Readonly<
  Record<z.output<typeof cohortListFilterSchema>['state'], readonly CohortState[] | undefined>
> = {
  current: ['open', 'closed'],
  open: ['open'],
  closed: ['closed'],
  archived: ['archived'],
  all: undefined,
};

/**
 * The cohorts the actor administers, latest start first, with their counts: every cohort for site admins, the
 * cohorts they actively manage for managers. ForbiddenError `admin.only` for everyone else.
 */
export async function listAdminCohorts(
  app: App,
  actor: Actor,
  input: { state?: string } = {},
): Promise<{ cohorts: CohortListItemDto[]; canCreate: boolean }> {
  if (actor.kind !== 'user') throw new ForbiddenError('admin.only');
  const { state } = cohortListFilterSchema.parse(input);
  const managed = isSiteAdmin(actor) ? undefined : await listManagedCohortIds(app.db, actor.userId);
  if (managed?.length === 0) throw new ForbiddenError('admin.only');
  const rows = await listCohortsWithCounts(app.db, {
    ...(managed ? { cohortIds: managed } : {}),
    ...(STATES[state] ? { states: STATES[state] } : {}),
  });
  return { cohorts: rows.map(presentCohortListItem), canCreate: can(actor, 'cohort.create', SITE) };
}

/** What the actor may do on a cohort's administration page (the page shows only those forms). */
function permissionsOf(actor: Actor, access: CohortAccess) {
  return {
    edit: can(actor, 'cohort.edit', access),
    close: can(actor, 'cohort.close', access),
    archive: can(actor, 'cohort.archive', access),
    add: can(actor, 'enrolment.add', access),
    decide: can(actor, 'enrolment.decide', access),
    changeRole: can(actor, 'enrolment.change-role', access),
    promote: can(actor, 'enrolment.promote', access),
    remove: can(actor, 'enrolment.remove', access),
    audit: can(actor, 'audit.view-cohort', access),
  };
}

/** The applicant's free-text answers (motivation, expectations) as stored with the enrolment. */
const storedAnswers = z.record(z.string(), z.unknown());

function answersOf(json: string): { motivation: string; expectations: string } {
  const answers = parseStoredJson(storedAnswers, json, 'enrolment answers');
  const text = (key: string) => (typeof answers[key] === 'string' ? answers[key] : '');
  return { motivation: text('motivation'), expectations: text('expectations') };
}

/** The cohort and the actor's access to it, if they may administer it (`cohort.administer`); throws otherwise. */
async function administeredCohort(app: App, actor: Actor, cohortId: string) {
  const found = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, 'cohort.administer', found.access, {
    hidden: 'cohort.not_found',
    forbidden: 'admin.only',
  });
  return { ...found, user: actor };
}

/**
 * Refuses, as the cohort's administration page does, whoever may not administer the cohort: NotFoundError
 * `cohort.not_found` for people outside it, ForbiddenError `admin.only` for its tutors and learners. The web's
 * forms call it before they read the form, so a forged post is refused with 403/404, never answered as a form.
 */
export async function assertCohortAdministration(app: App, actor: Actor, cohortId: string): Promise<void> {
  await administeredCohort(app, actor, cohortId);
}

/**
 * A cohort's administration page (`cohort.administer`: site admins and the cohort's active managers): its settings,
 * its counts and everyone in it grouped as the course team works through them (applications to decide, the waiting
 * list in order, the enrolled, those who left). NotFoundError `cohort.not_found` for people outside the cohort,
 * ForbiddenError `admin.only` for its tutors and learners.
 */
export async function getCohortAdmin(app: App, actor: Actor, cohortId: string): Promise<CohortAdminDto> {
  const { cohort, access, user } = await administeredCohort(app, actor, cohortId);
  const course = await findCourseById(app.db, cohort.course_id);
  if (!course) throw new NotFoundError('course.not_found');
  const now = app.clock.now();
  const rows = await listCohortEnrolments(app.db, cohortId);
  const enrolments = rows.map((row) => presentEnrolment(row, answersOf(row.answers), user.userId));
  const learners = enrolments.filter((e) => e.role === 'learner');
  const active = learners.filter((e) => e.status === 'active').length;
  const local = (instant: string | null) =>
    instant === null ? '' : zonedDateTimeOf(new Date(instant), cohort.time_zone);
  return {
    cohort: {
      id: cohort.id,
      title: cohort.title,
      courseSlug: course.slug,
      courseTitle: course.title,
      startsOn: cohort.starts_on,
      endsOn: cohort.ends_on,
      timeZone: cohort.time_zone,
      language: cohort.language === 'fr' ? 'fr' : 'en',
      capacity: cohort.capacity,
      waitlistEnabled: cohort.waitlist_enabled === 1,
      approvalRequired: cohort.approval_required === 1,
      requireConfirmedEmail: cohort.require_confirmed_email === 1,
      enrolOpensAt: cohort.enrol_opens_at,
      enrolClosesAt: cohort.enrol_closes_at,
      enrolOpensLocal: local(cohort.enrol_opens_at),
      enrolClosesLocal: local(cohort.enrol_closes_at),
      state: cohort.state,
      started: localDateOf(now, cohort.time_zone) >= cohort.starts_on,
    },
    counts: {
      active,
      pending: learners.filter((e) => e.status === 'pending').length,
      waitlisted: learners.filter((e) => e.status === 'waitlisted').length,
      withdrawn: enrolments.filter((e) => e.status === 'withdrawn').length,
      declined: enrolments.filter((e) => e.status === 'declined').length,
      staff: enrolments.filter((e) => e.role !== 'learner' && e.status === 'active').length,
      placesLeft: cohort.capacity === null ? null : Math.max(0, cohort.capacity - active),
    },
    pending: enrolments.filter((e) => e.status === 'pending').sort(bySince),
    waitlisted: enrolments.filter((e) => e.status === 'waitlisted').sort(bySince),
    active: enrolments.filter((e) => e.status === 'active'),
    left: enrolments.filter((e) => e.status === 'withdrawn' || e.status === 'declined'),
    can: permissionsOf(actor, access),
  };
}

/** Oldest first (the order applications are read and the waiting list moves). */
const bySince = (a: EnrolmentAdminDto, b: EnrolmentAdminDto) =>
  a.since < b.since ? -1 : a.since > b.since ? 1 : a.enrolmentId < b.enrolmentId ? -1 : 1;

/**
 * One person's place in a cohort, for its own page (role, withdrawal with a reason, decision): the same access as the
 * cohort page; NotFoundError `enrolment.not_found` for an enrolment of another cohort.
 */
export async function getEnrolmentAdmin(
  app: App,
  actor: Actor,
  cohortId: string,
  enrolmentId: string,
): Promise<{ cohort: CohortAdminDto['cohort']; enrolment: EnrolmentAdminDto; can: CohortAdminDto['can'] }> {
  const page = await getCohortAdmin(app, actor, cohortId);
  const enrolment = [...page.pending, ...page.waitlisted, ...page.active, ...page.left].find(
    (e) => e.enrolmentId === enrolmentId,
  );
  if (!enrolment) throw new NotFoundError('enrolment.not_found');
  return { cohort: page.cohort, enrolment, can: page.can };
}

/** The courses a new cohort can be an edition of (site admins: `cohort.create`), by title. */
export async function listCourseChoices(app: App, actor: Actor): Promise<{ slug: string; title: string }[]> {
  assertCan(actor, 'cohort.create', SITE, { forbidden: 'admin.only' });
  const courses = await listCourses(app.db);
  return courses
    .map((c) => ({ slug: c.slug, title: c.title }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** The cohorts a filter of the audit log can name: all for site admins (`audit.view`), by start date. */
export async function listAuditCohortChoices(
  app: App,
  actor: Actor,
): Promise<{ id: string; title: string }[]> {
  assertCan(actor, 'audit.view', SITE, { forbidden: 'admin.only' });
  return (await listCohortsWithCounts(app.db)).map((c) => ({ id: c.id, title: c.title }));
}
