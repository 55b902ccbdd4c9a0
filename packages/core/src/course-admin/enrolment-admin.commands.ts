import {
  countLearners,
  findEnrolment,
  findEnrolmentInCohort,
  findUserByEmail,
  findUserById,
  insertEnrolment,
  newId,
  updateEnrolment,
  type CohortRow,
  type EnrolmentRole,
  type EnrolmentRow,
  type UserRow,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { auditedChange, type Change, type RequestContext } from '../audit/audited-change.ts';
import { approvalOutcome, hasFreePlace } from '../cohorts/enrolment.rules.ts';
import { placeMail, promoteWaiting, toMailInput } from '../cohorts/waitlist.commands.ts';
import { ConflictError, DomainValidationError, NotFoundError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import { accountInvitationMail } from '../mail/account-admin-mail-templates.ts';
import { applicationDeclinedMail, roleChangedMail, withdrawnMail } from '../mail/enrolment-mail-templates.ts';
import { waitlistPromotedMail } from '../mail/mail-templates.ts';
import { assertCohortAdmin, lockCohort } from './cohort-settings.commands.ts';
import { createInvitedAccount } from './invited-account.ts';
import { REMOVABLE, roleChangeOutcome } from './course-admin.rules.ts';
import {
  addPersonSchema,
  changeRoleSchema,
  COURSE_ADMIN_LIMITS,
  decisionSchema,
  removeSchema,
  type AddPersonInput,
  type DecisionInput,
  type RemoveInput,
} from './course-admin.schema.ts';

/** What adding someone did: a place, a place on the waiting list, or nothing (they had that place already). */
export type PlaceOutcome = 'active' | 'waitlisted' | 'unchanged';

/**
 * Gives `user` a place with `role` in the locked `cohort`, as the course team does: learners take a free place, or
 * the waiting list when the cohort is full (ConflictError `enrolment.no_place` when it has none); staff are always
 * active. A pending application is thereby approved; a withdrawn or declined person comes back. Audited
 * (`enrolment.added`) and mailed (enrolled or waiting; an invited person gets `invitationLink` instead).
 */
export async function placePerson(
  app: App,
  change: Change,
  cohort: CohortRow,
  user: UserRow,
  role: EnrolmentRole,
  options: { readonly invitationLink?: string; readonly note?: string } = {},
): Promise<PlaceOutcome> {
  const existing = await findEnrolment(change.trx, cohort.id, user.id);
  if (
    existing &&
    existing.role === role &&
    (existing.status === 'active' || existing.status === 'waitlisted')
  )
    return 'unchanged';
  const keepsPlace = existing?.role === 'learner' && existing.status === 'active';
  const free =
    role !== 'learner' ||
    keepsPlace ||
    hasFreePlace(cohort.capacity, await countLearners(change.trx, cohort.id, 'active'));
  if (!free && !cohort.waitlist_enabled)
    throw new ConflictError('enrolment.no_place', { email: 'enrolment.no_place' });
  const status = free ? 'active' : 'waitlisted';
  const values = { role, status, updated_at: change.at, withdrawn_at: null, status_reason: null } as const;
  const enrolmentId = existing?.id ?? newId();
  if (existing) await updateEnrolment(change.trx, existing.id, values);
  else
    await insertEnrolment(change.trx, {
      id: enrolmentId,
      cohort_id: cohort.id,
      user_id: user.id,
      answers: '{}',
      created_at: change.at,
      ...values,
    });
  await change.audit({
    action: 'enrolment.added',
    subject: { type: 'enrolment', id: enrolmentId },
    cohortId: cohort.id,
    personUserId: user.id,
    summary: {
      ...(existing ? { before: { status: existing.status, role: existing.role } } : {}),
      after: { status, role },
      ...(options.note ? { note: options.note } : {}),
    },
  });
  const mailInput = toMailInput(app, user, cohort.title);
  if (options.invitationLink)
    change.mail(
      accountInvitationMail({
        ...mailInput,
        link: options.invitationLink,
        hours: COURSE_ADMIN_LIMITS.passwordLinkHours,
        ...(status === 'active' ? { cohortTitle: cohort.title } : {}),
      }),
    );
  if (!options.invitationLink || status === 'waitlisted') change.mail(placeMail(mailInput, status, role));
  // Someone who held a learner's place and is now staff frees that place for the waiting list.
  if (keepsPlace && role !== 'learner') await promoteWaiting(app, change, cohort);
  return status;
}

/**
 * Adds one person to a cohort by email (`enrolment.add`: site admins and the cohort's managers). An address with no
 * account is refused (DomainValidationError `enrolment.unknown_email` on `email`) unless `invite` is ticked and a
 * name given: then the account is created and a link to choose a password mailed. Returns what happened.
 */
export async function addPersonByEmail(
  app: App,
  actor: Actor,
  cohortId: string,
  input: AddPersonInput,
  context: RequestContext = {},
): Promise<{ outcome: PlaceOutcome; invited: boolean; email: string }> {
  const { actor: user } = await assertCohortAdmin(app, actor, cohortId, 'enrolment.add');
  const data = parseInput(addPersonSchema, input);
  return auditedChange(app, user.userId, context, async (change) => {
    const cohort = await lockCohort(change, cohortId);
    let person = await findUserByEmail(change.trx, data.email);
    let invitationLink: string | undefined;
    if (!person) {
      if (!data.invite || data.name === '')
        throw new DomainValidationError(
          { email: 'enrolment.unknown_email', ...(data.invite ? { name: 'enrolment.unknown_email' } : {}) },
          'enrolment.unknown_email',
        );
      const invited = await createInvitedAccount(app, change, {
        email: data.email,
        name: data.name,
        locale: cohort.language === 'fr' ? 'fr' : 'en',
      });
      person = invited.user;
      invitationLink = invited.link;
    }
    const outcome = await placePerson(app, change, cohort, person, data.role, { invitationLink });
    return { outcome, invited: invitationLink !== undefined, email: data.email };
  });
}

/** Loads an enrolment of the cohort inside the change, with its person; NotFoundError `enrolment.not_found`. */
async function loadEnrolment(change: Change, cohortId: string, enrolmentId: string) {
  const enrolment = await findEnrolmentInCohort(change.trx, cohortId, enrolmentId);
  const person = enrolment ? await findUserById(change.trx, enrolment.user_id) : undefined;
  if (!enrolment || !person) throw new NotFoundError('enrolment.not_found');
  return { enrolment, person };
}

/** Refuses a change to one's own place (ConflictError `enrolment.own_place`). */
function refuseOwnPlace(enrolment: EnrolmentRow, actorUserId: string): void {
  if (enrolment.user_id === actorUserId) throw new ConflictError('enrolment.own_place');
}

/**
 * Approves or declines a pending application (`enrolment.decide`). Approval gives a free place, or the waiting list
 * when the cohort is full; with neither, ConflictError `enrolment.no_place`. Two approvals of the last place at once
 * cannot both take it: the cohort row is locked (PostgreSQL) or the write serialised (SQLite) and the count re-read.
 * A decline may carry a reason, which the applicant is mailed. Throws ConflictError `enrolment.not_pending` when the
 * application was decided meanwhile.
 */
export async function decideApplication(
  app: App,
  actor: Actor,
  cohortId: string,
  enrolmentId: string,
  input: DecisionInput,
  context: RequestContext = {},
): Promise<{ status: 'active' | 'waitlisted' | 'declined' }> {
  const { actor: user } = await assertCohortAdmin(app, actor, cohortId, 'enrolment.decide');
  const data = parseInput(decisionSchema, input);
  return auditedChange(app, user.userId, context, async (change) => {
    const cohort = await lockCohort(change, cohortId);
    const { enrolment, person } = await loadEnrolment(change, cohortId, enrolmentId);
    if (enrolment.status !== 'pending') throw new ConflictError('enrolment.not_pending');
    const mailInput = toMailInput(app, person, cohort.title);
    const subject = { type: 'enrolment', id: enrolment.id } as const;
    if (data.decision === 'decline') {
      await updateEnrolment(change.trx, enrolment.id, {
        status: 'declined',
        status_reason: data.reason || null,
        updated_at: change.at,
      });
      await change.audit({
        action: 'enrolment.declined',
        subject,
        cohortId,
        personUserId: person.id,
        summary: {
          before: { status: 'pending' },
          after: { status: 'declined' },
          ...(data.reason ? { note: data.reason } : {}),
        },
      });
      change.mail(applicationDeclinedMail({ ...mailInput, reason: data.reason }));
      return { status: 'declined' };
    }
    const outcome = approvalOutcome(
      { capacity: cohort.capacity, waitlistEnabled: cohort.waitlist_enabled === 1 },
      await countLearners(change.trx, cohortId, 'active'),
    );
    if ('error' in outcome) throw new ConflictError('enrolment.no_place');
    await updateEnrolment(change.trx, enrolment.id, { status: outcome.status, updated_at: change.at });
    await change.audit({
      action: 'enrolment.approved',
      subject,
      cohortId,
      personUserId: person.id,
      summary: { before: { status: 'pending' }, after: { status: outcome.status } },
    });
    change.mail(placeMail(mailInput, outcome.status, enrolment.role));
    return { status: outcome.status };
  });
}

/**
 * Changes someone's role in the cohort (`enrolment.change-role`), never one's own (`enrolment.own_place`). See
 * `roleChangeOutcome` for the rules; a learner's place freed this way goes to the waiting list. Mailed and audited.
 */
export async function changeRole(
  app: App,
  actor: Actor,
  cohortId: string,
  enrolmentId: string,
  input: { role: string },
  context: RequestContext = {},
): Promise<{ role: EnrolmentRole }> {
  const { actor: user } = await assertCohortAdmin(app, actor, cohortId, 'enrolment.change-role');
  const { role } = parseInput(changeRoleSchema, input);
  return auditedChange(app, user.userId, context, async (change) => {
    const cohort = await lockCohort(change, cohortId);
    const { enrolment, person } = await loadEnrolment(change, cohortId, enrolmentId);
    refuseOwnPlace(enrolment, user.userId);
    const free = hasFreePlace(cohort.capacity, await countLearners(change.trx, cohortId, 'active'));
    const outcome = roleChangeOutcome(enrolment, role, free);
    if ('error' in outcome) throw new ConflictError(outcome.error);
    await updateEnrolment(change.trx, enrolment.id, { role, status: outcome.status, updated_at: change.at });
    await change.audit({
      action: 'enrolment.role_changed',
      subject: { type: 'enrolment', id: enrolment.id },
      cohortId,
      personUserId: person.id,
      summary: {
        before: { role: enrolment.role, status: enrolment.status },
        after: { role, status: outcome.status },
      },
    });
    change.mail(roleChangedMail({ ...toMailInput(app, person, cohort.title), role }));
    if (outcome.freesPlace) await promoteWaiting(app, change, cohort);
    return { role };
  });
}

/**
 * Moves one person from the waiting list into a free place (`enrolment.promote`), whoever has waited longest:
 * ConflictError `enrolment.not_waitlisted` when they are not waiting, `enrolment.no_place` when no place is free.
 */
export async function promoteFromWaitingList(
  app: App,
  actor: Actor,
  cohortId: string,
  enrolmentId: string,
  context: RequestContext = {},
): Promise<void> {
  const { actor: user } = await assertCohortAdmin(app, actor, cohortId, 'enrolment.promote');
  await auditedChange(app, user.userId, context, async (change) => {
    const cohort = await lockCohort(change, cohortId);
    const { enrolment, person } = await loadEnrolment(change, cohortId, enrolmentId);
    if (enrolment.status !== 'waitlisted') throw new ConflictError('enrolment.not_waitlisted');
    if (
      enrolment.role === 'learner' &&
      !hasFreePlace(cohort.capacity, await countLearners(change.trx, cohortId, 'active'))
    )
      throw new ConflictError('enrolment.no_place');
    await updateEnrolment(change.trx, enrolment.id, { status: 'active', updated_at: change.at });
    await change.audit({
      action: 'enrolment.promoted',
      subject: { type: 'enrolment', id: enrolment.id },
      cohortId,
      personUserId: person.id,
      summary: { before: { status: 'waitlisted' }, after: { status: 'active' }, note: 'by the course team' },
    });
    change.mail(waitlistPromotedMail(toMailInput(app, person, cohort.title)));
  });
}

/**
 * Withdraws someone (a place, a waiting place or an application) with a reason (`enrolment.remove`), never oneself
 * (`enrolment.own_place`). The person is mailed the reason; a learner's freed place goes to the waiting list.
 * Throws ConflictError `enrolment.already_left` when there is nothing to withdraw.
 */
export async function removeFromCohort(
  app: App,
  actor: Actor,
  cohortId: string,
  enrolmentId: string,
  input: RemoveInput,
  context: RequestContext = {},
): Promise<{ promoted: string[] }> {
  const { actor: user } = await assertCohortAdmin(app, actor, cohortId, 'enrolment.remove');
  const { reason } = parseInput(removeSchema, input);
  return auditedChange(app, user.userId, context, async (change) => {
    const cohort = await lockCohort(change, cohortId);
    const { enrolment, person } = await loadEnrolment(change, cohortId, enrolmentId);
    refuseOwnPlace(enrolment, user.userId);
    if (!REMOVABLE.includes(enrolment.status)) throw new ConflictError('enrolment.already_left');
    await updateEnrolment(change.trx, enrolment.id, {
      status: 'withdrawn',
      status_reason: reason,
      withdrawn_at: change.at,
      updated_at: change.at,
    });
    await change.audit({
      action: 'enrolment.withdrawn',
      subject: { type: 'enrolment', id: enrolment.id },
      cohortId,
      personUserId: person.id,
      summary: { before: { status: enrolment.status }, after: { status: 'withdrawn' }, note: reason },
    });
    change.mail(withdrawnMail({ ...toMailInput(app, person, cohort.title), reason }));
    return { promoted: await promoteWaiting(app, change, cohort) };
  });
}
