import type { UserRow } from '@labmig/db';
import type { Locale } from '../errors/error-messages.ts';
import type { UserActor } from '../access/actor.ts';
import { toOrganisationType, type OrganisationType } from './organisation-types.ts';

/** A user as pages see it (never the password hash). */
export interface UserDto {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly locale: Locale;
  readonly country: string;
  readonly organisationType: OrganisationType;
  readonly jobTitle: string;
  readonly isAdmin: boolean;
  /** True once the address was confirmed through the mailed link (or the account was made by staff). */
  readonly emailConfirmed: boolean;
  readonly createdAt: string;
  /** True when the person gets course reminders (week opening, assessment closing). */
  readonly remindersEnabled: boolean;
}

/** The profile page's data. */
export type ProfileDto = UserDto;

/** Maps a user row to its DTO. */
export function presentUser(row: UserRow): UserDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: toLocale(row.locale),
    country: row.country,
    organisationType: toOrganisationType(row.organisation_type),
    jobTitle: row.job_title,
    isAdmin: row.is_admin === 1,
    emailConfirmed: row.email_confirmed_at !== null,
    createdAt: row.created_at,
    remindersEnabled: row.reminders_enabled === 1,
  };
}

/** Maps a user row to the actor of its requests. */
export function actorOf(row: UserRow): UserActor {
  return {
    kind: 'user',
    userId: row.id,
    name: row.name,
    email: row.email,
    locale: toLocale(row.locale),
    isAdmin: row.is_admin === 1,
  };
}

/** Narrows a stored locale to a supported one. */
export function toLocale(value: string): Locale {
  return value === 'fr' ? 'fr' : 'en';
}
