import { findLabDataset, type Database, type Kysely, type LabDatasetRow } from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { can, type PolicyAction } from '../access/can.ts';
import { loadGroupRelations } from '../access/group-access.ts';
import { loadCohortAccess } from '../access/membership.ts';
import type { LabDatasetAccess } from '../access/policies/lab.policy.ts';
import { NotFoundError, UnauthenticatedError } from '../errors/domain-errors.ts';

/**
 * A dataset's access for the Lab policy: its owner and, when shared, the actor's membership of the group's cohort
 * and group relations there (read once).
 */
export async function labDatasetAccess(
  db: Kysely<Database>,
  actor: Actor,
  row: LabDatasetRow,
): Promise<LabDatasetAccess> {
  const base = {
    kind: 'lab-dataset' as const,
    ownerUserId: row.owner_user_id,
    cohortId: '',
    sharedGroupId: null,
    membership: null,
    groups: null,
  };
  if (!row.group_id || !row.cohort_id || actor.kind !== 'user' || actor.userId === row.owner_user_id)
    return base;
  const { access } = await loadCohortAccess(db, actor, row.cohort_id).catch(() => ({ access: null }));
  if (!access) return base;
  const groups = await loadGroupRelations(db, actor, row.cohort_id);
  return {
    ...base,
    cohortId: row.cohort_id,
    sharedGroupId: row.group_id,
    membership: access.membership,
    groups,
  };
}

/**
 * Loads a dataset and checks `action` on it. Anyone refused is told it does not exist (`lab.dataset_not_found`),
 * so ids cannot be probed; anonymous visitors must sign in.
 */
export async function loadLabDataset(
  db: Kysely<Database>,
  actor: Actor,
  datasetId: string,
  action: PolicyAction & `lab.dataset-${string}`,
): Promise<{ row: LabDatasetRow; access: LabDatasetAccess; userId: string }> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const row = await findLabDataset(db, datasetId);
  if (!row) throw new NotFoundError('lab.dataset_not_found');
  const access = await labDatasetAccess(db, actor, row);
  if (!can(actor, action, access)) throw new NotFoundError('lab.dataset_not_found');
  return { row, access, userId: actor.userId };
}
