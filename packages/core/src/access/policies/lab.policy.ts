import type { Actor } from '../actor.ts';
import type { GroupRelations } from '../group-access.ts';
import type { Membership, SiteAccess } from '../membership.ts';
import { groupRelationsIn, hasActiveRole, isSignedIn } from '../membership.rules.ts';

/**
 * A Lab dataset (and its runs) as the Lab policy sees it: its owner and, when shared, the group (of a cohort) it is
 * shared with, with the actor's membership of that cohort and group relations there (`loadLabDatasetAccess`).
 */
export interface LabDatasetAccess {
  readonly kind: 'lab-dataset';
  readonly ownerUserId: string;
  /** The cohort of the group it is shared with; '' when private. */
  readonly cohortId: string;
  readonly sharedGroupId: string | null;
  readonly membership: Membership | null;
  readonly groups: GroupRelations | null;
}

const isDatasetOwner = (actor: Actor, d: LabDatasetAccess) =>
  actor.kind === 'user' && actor.userId === d.ownerUserId;

/** An active learner of the group it is shared with, or an active tutor/manager who tutors that group. */
const inSharedGroup = (actor: Actor, d: LabDatasetAccess) => {
  if (d.sharedGroupId === null) return false;
  const g = groupRelationsIn(actor, d);
  if (!g) return false;
  return (
    (g.memberOf === d.sharedGroupId && hasActiveRole(actor, d, 'learner')) ||
    (g.tutorOf.includes(d.sharedGroupId) && hasActiveRole(actor, d, 'tutor', 'manager'))
  );
};

/**
 * The Lab on the server. Microdata are confidential: site administrators get no special access.
 * - Any signed-in person has a Lab of their own (upload, pick a practice dataset).
 * - A dataset, its tables and its runs are seen — and run — by its owner and, when the owner shares it with a group,
 *   by the group's active learners and the group's active tutor; everyone else is told it does not exist.
 * - Only the owner maps it, shares it, and deletes it; only the owner (or whoever started a run) cancels and retries.
 * @example can(learnerOfAnotherGroup, 'lab.dataset-view', datasetSharedWithGroupG) // false
 */
export const labPolicy = {
  'lab.use': (actor: Actor, _site: SiteAccess) => isSignedIn(actor),
  'lab.dataset-view': (actor: Actor, d: LabDatasetAccess) =>
    isDatasetOwner(actor, d) || inSharedGroup(actor, d),
  'lab.dataset-run': (actor: Actor, d: LabDatasetAccess) =>
    isDatasetOwner(actor, d) || inSharedGroup(actor, d),
  'lab.dataset-manage': (actor: Actor, d: LabDatasetAccess) => isDatasetOwner(actor, d),
};
