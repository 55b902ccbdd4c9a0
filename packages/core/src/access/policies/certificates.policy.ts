import type { Actor } from '../actor.ts';
import type { CohortAccess, OwnedAccess, SiteAccess } from '../membership.ts';
import { hasActiveRole, isOwner, isSiteAdmin, membershipIn } from '../membership.rules.ts';

/** Site admins and the cohort's active tutors and managers. */
const staff = (actor: Actor, cohort: CohortAccess | OwnedAccess) =>
  isSiteAdmin(actor) || hasActiveRole(actor, cohort, 'tutor', 'manager');

/** Site admins and the cohort's active managers. */
const manager = (actor: Actor, cohort: CohortAccess | OwnedAccess) =>
  isSiteAdmin(actor) || hasActiveRole(actor, cohort, 'manager');

/** A learner of the cohort who got a place (active, or withdrawn since). */
const placedLearner = (actor: Actor, cohort: CohortAccess | OwnedAccess) => {
  const m = membershipIn(actor, cohort);
  return m !== null && m.role === 'learner' && (m.status === 'active' || m.status === 'withdrawn');
};

/**
 * Certificates of a cohort. Verification by code (the verify page, the credential, the status list, the DID
 * document) is public and needs no rule; everything else is decided here.
 * - The owner downloads their own PDF and credential, also after withdrawing; the cohort's active tutors and
 *   managers and site admins download anyone's. Nobody else, signed in or not.
 * - A learner sees their own completion (what is still missing); tutors, managers and admins see the cohort's
 *   completion report.
 * - Only active managers of the cohort and site admins issue an exception or revoke; tutors do not.
 * @example can(tutor, 'certificate.revoke', thisCohort) // false
 */
export const certificatesPolicy = {
  'certificate.download': (actor: Actor, certificate: OwnedAccess) =>
    staff(actor, certificate) || (isOwner(actor, certificate) && placedLearner(actor, certificate)),
  'completion.own': (actor: Actor, cohort: CohortAccess) => placedLearner(actor, cohort),
  'completion.report': (actor: Actor, cohort: CohortAccess) => staff(actor, cohort),
  'certificate.issue': (actor: Actor, cohort: CohortAccess) => manager(actor, cohort),
  'certificate.revoke': (actor: Actor, cohort: CohortAccess) => manager(actor, cohort),
  /** Diplomas belong to no cohort: site admins revoke them. */
  'diploma.revoke': (actor: Actor, _site: SiteAccess) => isSiteAdmin(actor),
};
