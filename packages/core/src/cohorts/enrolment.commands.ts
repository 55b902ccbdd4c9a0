import {
  countLearners,
  findCohortForUpdate,
  findEnrolment,
  findUserById,
  insertEnrolment,
  newId,
  updateEnrolment,
  type EnrolmentStatus,
} from '@labmig/db';
import { assertCan } from '../access/can.ts';
import { loadCohortAccess } from '../access/membership.ts';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { auditedChange, type RequestContext } from '../audit/audited-change.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import { applicationReceivedMail } from '../mail/enrolment-mail-templates.ts';
import { windowOf } from './cohort.queries.ts';
import { enrolSchema, type EnrolInput } from './enrolment.schema.ts';
import { enrolWindowState, learnerEnrolmentOutcome } from './enrolment.rules.ts';
import { placeMail, promoteWaiting, toMailInput } from './waitlist.commands.ts';

/**
 * Enrols the signed-in actor as a learner, or files their application where the course team approves them first.
 * Inside one transaction: load the cohort (row-locked on PostgreSQL) → apply the confirmed-address, window, capacity
 * and approval rules → persist, audit (`enrolment.applied` or `enrolment.enrolled`) and queue the mail to the person
 * (application received, enrolled, or on the waiting list). Returns `pending`, `active` or `waitlisted`. Throws
 * NotFoundError `cohort.not_found`, ForbiddenError `enrolment.email_unconfirmed` (the cohort requires a confirmed
 * address), ConflictError `enrolment.already`, `enrolment.declined`, `enrolment.closed`, `enrolment.not_yet_open` or
 * `enrolment.full`. A withdrawn learner may enrol again (at the back of the queue).
 */
export async function enrol(
  app: App,
  actor: Actor,
  input: EnrolInput,
  context: RequestContext = {},
): Promise<{ status: 'active' | 'waitlisted' | 'pending' }> {
  const data = parseInput(enrolSchema, input);
  const { access } = await loadCohortAccess(app.db, actor, data.cohortId);
  assertCan(actor, 'cohort.enrol', access);
  const userId = actor.userId;
  const user = await findUserById(app.db, userId);
  if (!user) throw new NotFoundError('user.not_found');
  const answers = {
    ...data.answers,
    country: user.country,
    organisationType: user.organisation_type,
    jobTitle: user.job_title,
  };
  return auditedChange(app, userId, context, async (change) => {
    const { trx, at } = change;
    const cohort = await findCohortForUpdate(trx, data.cohortId);
    if (!cohort) throw new NotFoundError('cohort.not_found');
    const existing = await findEnrolment(trx, cohort.id, userId);
    if (existing?.status === 'declined') throw new ConflictError('enrolment.declined');
    if (existing && existing.status !== 'withdrawn') throw new ConflictError('enrolment.already');
    // Bots can sign up with any address; only people who read the mail can take a place.
    if (cohort.require_confirmed_email === 1 && user.email_confirmed_at === null)
      throw new ForbiddenError('enrolment.email_unconfirmed');
    const window = windowOf(cohort);
    const state = enrolWindowState(window, await countLearners(trx, cohort.id, 'active'), new Date(at));
    const outcome = learnerEnrolmentOutcome(state, window.approvalRequired);
    if ('error' in outcome) throw new ConflictError(outcome.error);
    const values = {
      role: 'learner' as const,
      status: outcome.status,
      answers: JSON.stringify(answers),
      updated_at: at,
      withdrawn_at: null,
      status_reason: null,
    };
    const enrolmentId = existing?.id ?? newId();
    if (existing) await updateEnrolment(trx, existing.id, values);
    else
      await insertEnrolment(trx, {
        id: enrolmentId,
        cohort_id: cohort.id,
        user_id: userId,
        created_at: at,
        ...values,
      });
    await change.audit({
      action: outcome.status === 'pending' ? 'enrolment.applied' : 'enrolment.enrolled',
      subject: { type: 'enrolment', id: enrolmentId },
      cohortId: cohort.id,
      personUserId: userId,
      summary: {
        ...(existing ? { before: { status: existing.status } } : {}),
        after: { status: outcome.status, role: 'learner' },
      },
    });
    const mailInput = toMailInput(app, user, cohort.title);
    change.mail(
      outcome.status === 'pending'
        ? applicationReceivedMail(mailInput)
        : placeMail(mailInput, outcome.status, 'learner'),
    );
    return { status: outcome.status };
  });
}

/**
 * Withdraws the actor from a cohort (or withdraws their application) and, if a learner's place was freed, promotes
 * the longest-waiting learners and queues their mail in the same transaction (in their language, linking to
 * `{ORIGIN}/my`). Audited (`enrolment.withdrawn`, `enrolment.promoted`). Throws NotFoundError `cohort.not_found` or
 * ConflictError `enrolment.not_enrolled`. Returns the user ids promoted from the waiting list.
 */
export async function withdraw(
  app: App,
  actor: Actor,
  input: { cohortId: string },
  context: RequestContext = {},
): Promise<{ promoted: string[] }> {
  const cohortId = String(input.cohortId ?? '');
  const { access } = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, 'cohort.withdraw', access);
  const userId = actor.userId;
  return auditedChange(app, userId, context, async (change) => {
    const cohort = await findCohortForUpdate(change.trx, cohortId);
    if (!cohort) throw new NotFoundError('cohort.not_found');
    const enrolment = await findEnrolment(change.trx, cohort.id, userId);
    if (!enrolment || !WITHDRAWABLE.includes(enrolment.status))
      throw new ConflictError('enrolment.not_enrolled');
    await updateEnrolment(change.trx, enrolment.id, {
      status: 'withdrawn',
      withdrawn_at: change.at,
      updated_at: change.at,
      status_reason: null,
    });
    await change.audit({
      action: 'enrolment.withdrawn',
      subject: { type: 'enrolment', id: enrolment.id },
      cohortId: cohort.id,
      personUserId: userId,
      summary: {
        before: { status: enrolment.status },
        after: { status: 'withdrawn' },
        note: 'by themselves',
      },
    });
    return { promoted: await promoteWaiting(app, change, cohort) };
  });
}

/** The places a person can give up: a place, a place on the waiting list, an application. */
const WITHDRAWABLE: readonly EnrolmentStatus[] = ['active', 'waitlisted', 'pending'];
