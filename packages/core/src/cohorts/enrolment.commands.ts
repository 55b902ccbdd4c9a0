import {
  countLearners,
  findCohortForUpdate,
  findEnrolment,
  findFirstWaitlisted,
  findUserById,
  insertEnrolment,
  newId,
  updateEnrolment,
  type Database,
  type Transaction,
} from '@labmig/db';
import { assertCan } from '../access/can.ts';
import { loadCohortAccess } from '../access/membership.ts';
import { toLocale } from '../accounts/user.present.ts';
import { enqueueMail } from '../jobs/mail-send.job.ts';
import { waitlistPromotedMail } from '../mail/mail-templates.ts';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import { windowOf } from './cohort.queries.ts';
import { enrolSchema, type EnrolInput } from './enrolment.schema.ts';
import { enrolWindowState, hasFreePlace, learnerEnrolmentOutcome } from './enrolment.rules.ts';

/**
 * Enrols the signed-in actor as a learner. Inside one transaction: load the cohort (row-locked on
 * PostgreSQL) → apply the window and capacity rules → persist. Returns `waitlisted` when the cohort is
 * full and has a waiting list. Throws NotFoundError `cohort.not_found`, ForbiddenError
 * `enrolment.email_unconfirmed` (the cohort requires a confirmed address), ConflictError `enrolment.already`,
 * `enrolment.closed`, `enrolment.not_yet_open` or `enrolment.full`.
 * A withdrawn learner may enrol again (they go to the back of the queue).
 */
export async function enrol(
  app: App,
  actor: Actor,
  input: EnrolInput,
): Promise<{ status: 'active' | 'waitlisted' }> {
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
  return app.db.transaction().execute(async (trx) => {
    const cohort = await findCohortForUpdate(trx, data.cohortId);
    if (!cohort) throw new NotFoundError('cohort.not_found');
    const existing = await findEnrolment(trx, cohort.id, userId);
    if (existing && existing.status !== 'withdrawn') throw new ConflictError('enrolment.already');
    // Bots can sign up with any address; only people who read the mail can take a place.
    if (cohort.require_confirmed_email === 1 && user.email_confirmed_at === null)
      throw new ForbiddenError('enrolment.email_unconfirmed');
    const now = app.clock.now();
    const state = enrolWindowState(windowOf(cohort), await countLearners(trx, cohort.id, 'active'), now);
    const outcome = learnerEnrolmentOutcome(state);
    if ('error' in outcome) throw new ConflictError(outcome.error);
    const at = now.toISOString();
    const values = {
      role: 'learner' as const,
      status: outcome.status,
      answers: JSON.stringify(answers),
      updated_at: at,
      withdrawn_at: null,
    };
    if (existing) await updateEnrolment(trx, existing.id, values);
    else
      await insertEnrolment(trx, {
        id: newId(),
        cohort_id: cohort.id,
        user_id: userId,
        created_at: at,
        ...values,
      });
    return { status: outcome.status };
  });
}

/**
 * Withdraws the actor from a cohort and, if a learner's place was freed, promotes the longest-waiting
 * learners and mails them (in their language, linking to `{ORIGIN}/my`).
 * Throws NotFoundError `cohort.not_found` or ConflictError `enrolment.not_enrolled`.
 * Returns the user ids promoted from the waiting list.
 */
export async function withdraw(
  app: App,
  actor: Actor,
  input: { cohortId: string },
): Promise<{ promoted: string[] }> {
  const { access } = await loadCohortAccess(app.db, actor, String(input.cohortId ?? ''));
  assertCan(actor, 'cohort.withdraw', access);
  const userId = actor.userId;
  const { promoted } = await app.db.transaction().execute(async (trx) => {
    const cohort = await findCohortForUpdate(trx, String(input.cohortId ?? ''));
    if (!cohort) throw new NotFoundError('cohort.not_found');
    const enrolment = await findEnrolment(trx, cohort.id, userId);
    if (!enrolment || enrolment.status === 'withdrawn') throw new ConflictError('enrolment.not_enrolled');
    const at = app.clock.now().toISOString();
    await updateEnrolment(trx, enrolment.id, { status: 'withdrawn', withdrawn_at: at, updated_at: at });
    const promoted = await promoteFromWaitlist(trx, cohort.id, cohort.capacity, at);
    await notifyPromoted(app, trx, promoted, cohort.title);
    return { promoted };
  });
  return { promoted };
}

/**
 * Queues a mail to each promoted learner inside the promotion's transaction: it goes out only if the promotion
 * commits, and an SMTP failure is retried by the job runner, never undoing the promotion.
 */
export async function notifyPromoted(
  app: App,
  trx: Transaction<Database>,
  userIds: readonly string[],
  cohortTitle: string,
): Promise<void> {
  for (const id of userIds) {
    const user = await findUserById(trx, id);
    if (!user) continue;
    const locale = toLocale(user.locale);
    const link = `${app.config.origin}${locale === 'fr' ? '/fr' : ''}/my`;
    await enqueueMail(
      app,
      waitlistPromotedMail({ to: user.email, name: user.name, cohortTitle, link, locale }),
      {
        trx,
      },
    );
  }
}

/** Moves waiting learners to active, oldest first, while places are free. Returns their user ids. */
export async function promoteFromWaitlist(
  trx: Transaction<Database>,
  cohortId: string,
  capacity: number | null,
  at: string,
): Promise<string[]> {
  const promoted: string[] = [];
  while (hasFreePlace(capacity, await countLearners(trx, cohortId, 'active'))) {
    const next = await findFirstWaitlisted(trx, cohortId);
    if (!next) break;
    await updateEnrolment(trx, next.id, { status: 'active', updated_at: at });
    promoted.push(next.user_id);
  }
  return promoted;
}
