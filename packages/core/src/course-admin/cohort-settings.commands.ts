import { findCohortForUpdate, updateCohort, type CohortRow, type CohortState } from '@labmig/db';
import type { Actor, UserActor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { loadCohortAccess, SITE } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { scheduleCohortQuizzes } from '../assessment/attempt/quiz-schedule.commands.ts';
import { auditedChange, type Change, type RequestContext } from '../audit/audited-change.ts';
import { changedFields } from '../audit/audit.record.ts';
import { createCohort } from '../cohorts/cohort.commands.ts';
import { assertScheduleFits } from '../cohorts/cohort-schedule.ts';
import { promoteWaiting } from '../cohorts/waitlist.commands.ts';
import { ConflictError, NotFoundError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import { localDateOf, zonedTimeToUtc } from '../shared/time-zone.rules.ts';
import {
  cohortSettingsSchema,
  cohortTransitionSchema,
  newCohortSchema,
  type CohortSettingsInput,
  type CohortTransition,
  type NewCohortInput,
} from './course-admin.schema.ts';
import { nextCohortState } from './course-admin.rules.ts';

/** The actions of a cohort's administration (each decided on the cohort and the actor's membership of it). */
export type CohortAdminAction =
  | 'cohort.administer'
  | 'cohort.edit'
  | 'cohort.close'
  | 'cohort.archive'
  | 'enrolment.add'
  | 'enrolment.decide'
  | 'enrolment.change-role'
  | 'enrolment.promote'
  | 'enrolment.remove'
  | 'audit.view-cohort';

/**
 * Checks that the actor may do `action` on a cohort's administration: NotFoundError `cohort.not_found` for people
 * outside the cohort (so ids cannot be probed), ForbiddenError `admin.only` for its tutors and learners.
 */
export async function assertCohortAdmin(
  app: App,
  actor: Actor,
  cohortId: string,
  action: CohortAdminAction,
): Promise<{ cohort: CohortRow; actor: UserActor }> {
  const { cohort, access } = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, action, access, { hidden: 'cohort.not_found', forbidden: 'admin.only' });
  return { cohort, actor };
}

/** Locks the cohort for the change (PostgreSQL row lock) and refuses archived cohorts unless `allowArchived`. */
export async function lockCohort(
  change: Change,
  cohortId: string,
  allowArchived = false,
): Promise<CohortRow> {
  const cohort = await findCohortForUpdate(change.trx, cohortId);
  if (!cohort) throw new NotFoundError('cohort.not_found');
  if (cohort.state === 'archived' && !allowArchived) throw new ConflictError('cohort.archived');
  return cohort;
}

/** The enrolment window as stored (UTC instants) from the form's local times in the cohort's zone. */
function toInstant(local: string | null, timeZone: string): string | null {
  if (local === null) return null;
  const [date, time] = local.split('T') as [string, string];
  return zonedTimeToUtc(date, time, timeZone).toISOString();
}

/**
 * Creates a cohort from the admin form (site admins: `cohort.create`), its assessments scheduled, audited.
 * @throws ForbiddenError `admin.only`, NotFoundError `course.not_found`, DomainValidationError
 */
export async function createCohortAsAdmin(
  app: App,
  actor: Actor,
  input: NewCohortInput,
  context: RequestContext = {},
): Promise<CohortRow> {
  assertCan(actor, 'cohort.create', SITE, { forbidden: 'admin.only' });
  const data = parseInput(newCohortSchema, input);
  return createCohort(
    app,
    {
      ...data,
      enrolOpensAt: toInstant(data.enrolOpensAt, data.timeZone),
      enrolClosesAt: toInstant(data.enrolClosesAt, data.timeZone),
    },
    { actorUserId: actor.userId, requestId: context.requestId },
  );
}

/**
 * Saves a cohort's settings (site admins and the cohort's managers: `cohort.edit`). Once the cohort has started,
 * its start date and time zone stay (the weeks and assessment dates follow them): ConflictError
 * `cohort.dates_locked`. New dates reschedule the weekly assessments (attempts kept). Raising the capacity moves
 * people from the waiting list into the new places. New dates must hold every deadline of the course
 * (ScheduleOverrunError on `endsOn`). Audited with what changed (`cohort.updated`).
 */
export async function updateCohortSettings(
  app: App,
  actor: Actor,
  cohortId: string,
  input: CohortSettingsInput,
  context: RequestContext = {},
): Promise<CohortRow> {
  await assertCohortAdmin(app, actor, cohortId, 'cohort.edit');
  const data = parseInput(cohortSettingsSchema, input);
  return auditedChange(app, actor.kind === 'user' ? actor.userId : null, context, async (change) => {
    const before = await lockCohort(change, cohortId);
    const started = localDateOf(new Date(change.at), before.time_zone) >= before.starts_on;
    if (started && (data.startsOn !== before.starts_on || data.timeZone !== before.time_zone))
      throw new ConflictError('cohort.dates_locked', { startsOn: 'cohort.dates_locked' });
    const next = {
      title: data.title,
      starts_on: data.startsOn,
      ends_on: data.endsOn,
      time_zone: data.timeZone,
      language: data.language,
      capacity: data.capacity,
      enrol_opens_at: toInstant(data.enrolOpensAt, data.timeZone),
      enrol_closes_at: toInstant(data.enrolClosesAt, data.timeZone),
      waitlist_enabled: data.waitlistEnabled ? 1 : 0,
      approval_required: data.approvalRequired ? 1 : 0,
      require_confirmed_email: data.requireConfirmedEmail ? 1 : 0,
    };
    const diff = changedFields(settingsOf(before), next);
    if (Object.keys(diff.after).length === 0) return before;
    // New dates must still hold every deadline of the course (no deadline after the end date).
    if ('starts_on' in diff.after || 'ends_on' in diff.after)
      await assertScheduleFits(change.trx, before.course_id, {
        startsOn: next.starts_on,
        endsOn: next.ends_on,
      });
    await updateCohort(change.trx, cohortId, { ...next, updated_at: change.at });
    const after = { ...before, ...next, updated_at: change.at };
    if ('starts_on' in diff.after || 'time_zone' in diff.after)
      await scheduleCohortQuizzes(change.trx, after, new Date(change.at));
    await change.audit({
      action: 'cohort.updated',
      subject: { type: 'cohort', id: cohortId },
      cohortId,
      summary: diff,
    });
    // More places (or unlimited): the waiting list moves up into them.
    if ('capacity' in diff.after) await promoteWaiting(app, change, after);
    return after;
  });
}

/** The editable settings of a stored cohort, as the audit log compares them. */
function settingsOf(row: CohortRow) {
  return {
    title: row.title,
    starts_on: row.starts_on,
    ends_on: row.ends_on,
    time_zone: row.time_zone,
    language: row.language,
    capacity: row.capacity,
    enrol_opens_at: row.enrol_opens_at,
    enrol_closes_at: row.enrol_closes_at,
    waitlist_enabled: row.waitlist_enabled,
    approval_required: row.approval_required,
    require_confirmed_email: row.require_confirmed_email,
  };
}

const TRANSITION_ACTION = {
  close: { policy: 'cohort.close', audit: 'cohort.closed' },
  reopen: { policy: 'cohort.close', audit: 'cohort.reopened' },
  archive: { policy: 'cohort.archive', audit: 'cohort.archived' },
  restore: { policy: 'cohort.archive', audit: 'cohort.restored' },
} as const;

/**
 * Moves a cohort through its life cycle: close it to new enrolments or reopen it (`cohort.close`: site admins and
 * the cohort's managers), archive it or restore it (`cohort.archive`: site admins). Audited. Throws ConflictError
 * `cohort.state_unchanged` when the move does not apply to the cohort's state (e.g. closing a closed cohort).
 */
export async function changeCohortState(
  app: App,
  actor: Actor,
  cohortId: string,
  input: { transition: string },
  context: RequestContext = {},
): Promise<CohortState> {
  const { transition } = parseInput(cohortTransitionSchema, input);
  const rule = TRANSITION_ACTION[transition as CohortTransition];
  const { actor: user } = await assertCohortAdmin(app, actor, cohortId, rule.policy);
  return auditedChange(app, user.userId, context, async (change) => {
    const cohort = await lockCohort(change, cohortId, true);
    const state = nextCohortState(cohort.state, transition);
    if (state === null) throw new ConflictError('cohort.state_unchanged');
    await updateCohort(change.trx, cohortId, { state, updated_at: change.at });
    await change.audit({
      action: rule.audit,
      subject: { type: 'cohort', id: cohortId },
      cohortId,
      summary: { before: { state: cohort.state }, after: { state } },
    });
    return state;
  });
}
