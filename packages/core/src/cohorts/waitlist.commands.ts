import {
  countLearners,
  findFirstWaitlisted,
  findUserById,
  updateEnrolment,
  type CohortRow,
  type EnrolmentRole,
  type UserRow,
} from '@labmig/db';
import { toLocale } from '../accounts/user.present.ts';
import type { App } from '../app/app.ts';
import type { Change } from '../audit/audited-change.ts';
import {
  enrolmentConfirmedMail,
  waitlistedMail,
  type EnrolmentMailInput,
} from '../mail/enrolment-mail-templates.ts';
import { waitlistPromotedMail } from '../mail/mail-templates.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { siteLink } from '../mail/outgoing.ts';
import { hasFreePlace } from './enrolment.rules.ts';

/** What an enrolment mail to `user` about a cohort needs, in the user's language (links to My courses). */
export function toMailInput(
  app: Pick<App, 'config'>,
  user: Pick<UserRow, 'email' | 'name' | 'locale'>,
  cohortTitle: string,
): EnrolmentMailInput {
  const locale = toLocale(user.locale);
  return { to: user.email, name: user.name, locale, cohortTitle, link: siteLink(app, locale, '/my') };
}

/** The mail that tells someone they have a place (`active`) or wait for one (`waitlisted`). */
export function placeMail(
  input: EnrolmentMailInput,
  status: 'active' | 'waitlisted',
  role: EnrolmentRole,
): MailMessage {
  return status === 'active' ? enrolmentConfirmedMail({ ...input, role }) : waitlistedMail(input);
}

/**
 * Moves waiting learners into free places, longest-waiting first, inside `change`: each promotion is audited
 * (`enrolment.promoted`, "automatic") and its learner mailed after the commit. Returns the promoted user ids.
 */
export async function promoteWaiting(app: App, change: Change, cohort: CohortRow): Promise<string[]> {
  const promoted: string[] = [];
  while (hasFreePlace(cohort.capacity, await countLearners(change.trx, cohort.id, 'active'))) {
    const next = await findFirstWaitlisted(change.trx, cohort.id);
    if (!next) break;
    await updateEnrolment(change.trx, next.id, { status: 'active', updated_at: change.at });
    await change.audit({
      action: 'enrolment.promoted',
      subject: { type: 'enrolment', id: next.id },
      cohortId: cohort.id,
      personUserId: next.user_id,
      summary: {
        before: { status: 'waitlisted' },
        after: { status: 'active' },
        note: 'automatic: a place became free',
      },
    });
    const user = await findUserById(change.trx, next.user_id);
    if (user) change.mail(waitlistPromotedMail(toMailInput(app, user, cohort.title)));
    promoted.push(next.user_id);
  }
  return promoted;
}
