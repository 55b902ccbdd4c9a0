import type { Actor } from '../actor.ts';
import type { CohortAccess, SiteAccess } from '../membership.ts';
import { hasActiveRole, isSiteAdmin } from '../membership.rules.ts';

/** Site admins, and the cohort's own active managers (a manager of another cohort never counts). */
const adminOrManager = (actor: Actor, cohort: CohortAccess): boolean =>
  isSiteAdmin(actor) || hasActiveRole(actor, cohort, 'manager');

/** Site admins only. */
const siteAdmin = (actor: Actor, _site: SiteAccess): boolean => isSiteAdmin(actor);

/**
 * Course administration in the browser, as a Moodle or Canvas course team expects it: site admins do everything;
 * a cohort's active managers run their own cohort (settings, closing, enrolments, its audit log) and nothing else;
 * tutors and learners run nothing. People (accounts), new cohorts, archiving and the whole audit log are the site
 * admins'.
 * @example can(managerOfC, 'enrolment.decide', cohortC) // true
 * @example can(managerOfD, 'enrolment.decide', cohortC) // false
 */
export const courseAdminPolicy = {
  /** See the administration cohort list, the people pages and the whole audit log. */
  'people.view': siteAdmin,
  /** Create accounts, send set-password links, deactivate and reactivate accounts. */
  'people.manage': siteAdmin,
  /** Grant or remove the site-admin role. */
  'people.set-admin': siteAdmin,
  'cohort.create': siteAdmin,
  'audit.view': siteAdmin,
  /** Open a cohort's administration page (settings, enrolments). */
  'cohort.administer': adminOrManager,
  'cohort.edit': adminOrManager,
  /** Close a cohort to new enrolments, or open it again. */
  'cohort.close': adminOrManager,
  /** Archive a cohort (hidden from the catalogue) or bring it back. */
  'cohort.archive': (actor: Actor, _cohort: CohortAccess) => isSiteAdmin(actor),
  /** Add people by email, one or from a CSV list. */
  'enrolment.add': adminOrManager,
  /** Approve or decline applications. */
  'enrolment.decide': adminOrManager,
  'enrolment.change-role': adminOrManager,
  /** Move someone from the waiting list into a free place. */
  'enrolment.promote': adminOrManager,
  /** Withdraw someone else, with a reason. */
  'enrolment.remove': adminOrManager,
  'audit.view-cohort': adminOrManager,
};
