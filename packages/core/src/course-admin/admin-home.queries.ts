import { listManagedCohortIds } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/can.ts';
import { SITE } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import { ForbiddenError } from '../errors/domain-errors.ts';

/** The administration sections the actor may open. */
export interface AdminHomeDto {
  /** Cohorts (all of them for site admins, their own for managers). */
  readonly cohorts: boolean;
  readonly people: boolean;
  readonly audit: boolean;
  readonly outbox: boolean;
  /** How many cohorts a manager runs (null for site admins, who run all). */
  readonly managedCohorts: number | null;
}

/**
 * The administration start page: site admins see every section; a cohort's active managers see their cohorts.
 * ForbiddenError `admin.only` for everyone else (tutors, learners, people with no role).
 */
export async function getAdminHome(app: App, actor: Actor): Promise<AdminHomeDto> {
  if (actor.kind !== 'user') throw new ForbiddenError('admin.only');
  if (can(actor, 'people.view', SITE))
    return {
      cohorts: true,
      people: true,
      audit: true,
      outbox: can(actor, 'outbox.view', SITE),
      managedCohorts: null,
    };
  const managed = await listManagedCohortIds(app.db, actor.userId);
  if (managed.length === 0) throw new ForbiddenError('admin.only');
  return { cohorts: true, people: false, audit: false, outbox: false, managedCohorts: managed.length };
}

/** True when the actor has an administration area (site admins, and active managers of a cohort): the menu link. */
export async function hasAdministration(app: App, actor: Actor): Promise<boolean> {
  if (actor.kind !== 'user') return false;
  if (actor.isAdmin) return true;
  return (await listManagedCohortIds(app.db, actor.userId)).length > 0;
}
