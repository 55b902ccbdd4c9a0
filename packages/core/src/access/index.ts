/**
 * `@labmig/core/access` — who is asking (`Actor`), the membership loader and the one authorization check,
 * `can(actor, action, resource)`. How to add a feature's policy: see docs/ARCHITECTURE.md.
 */
export { ANONYMOUS, type Actor, type UserActor } from './actor.ts';
export { can, assertCan, type PolicyAction, type PolicyResource, type Refusal } from './can.ts';
export {
  loadCohortAccess,
  ownedBy,
  ownedByGroup,
  SITE,
  ENROLMENT_ROLES,
  ENROLMENT_STATUSES,
  type CohortAccess,
  type OwnedAccess,
  type GroupOwnedAccess,
  type SiteAccess,
  type Membership,
  type EnrolmentRole,
  type EnrolmentStatus,
} from './membership.ts';
export {
  loadGroupRelations,
  type GroupRelations,
  type GroupAccess,
  type ForumAccess,
  type ThreadAccess,
  type PostAccess,
} from './group-access.ts';
export type { LabDatasetAccess } from './policies/lab.policy.ts';
