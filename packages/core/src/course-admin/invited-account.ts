import { insertUser, newId, type UserRow } from '@labmig/db';
import { NO_PASSWORD, issuePasswordLink, passwordLinkUrl } from '../accounts/password-link.ts';
import { toLocale } from '../accounts/user.present.ts';
import type { App } from '../app/app.ts';
import type { Change } from '../audit/audited-change.ts';
import { COURSE_ADMIN_LIMITS } from './course-admin.schema.ts';

/**
 * Creates the account of someone the course team adds, inside the change: no password (they choose one from the
 * mailed link), the address counted as confirmed (the course team vouches for it), the profile as given or left for
 * them to complete. Audited (`user.invited` when added to a cohort, `user.created` from the people pages). Returns the
 * new row and the link to mail.
 */
export async function createInvitedAccount(
  app: App,
  change: Change,
  person: {
    readonly email: string;
    readonly name: string;
    readonly locale?: 'en' | 'fr';
    readonly country?: string;
    readonly organisationType?: UserRow['organisation_type'];
    readonly jobTitle?: string;
  },
  action: 'user.invited' | 'user.created' = 'user.invited',
): Promise<{ user: UserRow; link: string }> {
  const user = await insertUser(change.trx, {
    id: newId(),
    email: person.email,
    name: person.name,
    password_hash: NO_PASSWORD,
    is_admin: 0,
    locale: person.locale ?? 'en',
    country: person.country ?? '',
    organisation_type: person.organisationType ?? 'other',
    job_title: person.jobTitle ?? '',
    email_confirmed_at: change.at,
    created_at: change.at,
    updated_at: change.at,
  });
  const token = await issuePasswordLink(
    change.trx,
    user.id,
    change.at,
    COURSE_ADMIN_LIMITS.passwordLinkHours,
  );
  await change.audit({
    action,
    subject: { type: 'user', id: user.id },
    personUserId: user.id,
    summary: { after: { email: user.email, name: user.name } },
  });
  return { user, link: passwordLinkUrl(app, toLocale(user.locale), token) };
}
