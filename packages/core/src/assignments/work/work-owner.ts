import {
  listExtensions,
  listGradeVersions,
  listSubmissionsOfOwner,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { UserActor } from '../../access/actor.ts';
import { assertCan, can } from '../../access/can.ts';
import { ownedBy, ownedByGroup } from '../../access/membership.ts';
import { ConflictError, NotFoundError } from '../../errors/domain-errors.ts';
import type { AssignmentsContext, CohortAssignment } from '../assignment-context.ts';
import { ownerKeyOf, workStateOf, type WorkOwner, type WorkState } from './work-state.ts';

/** The actor's own work on an assignment: theirs (individual) or their group's (ConflictError `assignment.no_group`). */
export function ownWorkOwner(ctx: AssignmentsContext, assignment: CohortAssignment): WorkOwner {
  if (assignment.definition.kind === 'individual') return { kind: 'user', userId: ctx.actor.userId };
  if (!ctx.group) throw new ConflictError('assignment.no_group');
  return { kind: 'group', groupId: ctx.group.id };
}

/** Asserts that the actor may write and hand in this owner's work (`assignment.submit` / `assignment.group-submit`). */
export function assertMayWork(
  ctx: AssignmentsContext,
  owner: WorkOwner,
): asserts ctx is AssignmentsContext & { actor: UserActor } {
  if (owner.kind === 'user') assertCan(ctx.actor, 'assignment.submit', ownedBy(ctx.access, owner.userId));
  else assertCan(ctx.actor, 'assignment.group-submit', ownedByGroup(ctx.access, ctx.groups, owner.groupId));
}

/** Asserts that the actor may read this owner's work (`assignment.read` / `assignment.group-read`). */
export function assertMayRead(ctx: AssignmentsContext, owner: WorkOwner): void {
  // Someone else's work does not exist for the asker: "not found", never "forbidden" (no probing of ids).
  const allowed =
    owner.kind === 'user'
      ? can(ctx.actor, 'assignment.read', ownedBy(ctx.access, owner.userId))
      : can(ctx.actor, 'assignment.group-read', ownedByGroup(ctx.access, ctx.groups, owner.groupId));
  if (!allowed) throw new NotFoundError('submission.not_found');
}

/** Loads one owner's attempts, grade versions and extension, and computes their state at `now`. */
export async function loadWorkState(
  db: Kysely<Database>,
  ctx: AssignmentsContext,
  assignment: CohortAssignment,
  owner: WorkOwner,
  now: Date,
  forUser?: string,
): Promise<WorkState> {
  const key = ownerKeyOf(owner);
  const submissions = await listSubmissionsOfOwner(db, assignment.id, ctx.cohort.id, key);
  const versions = await listGradeVersions(
    db,
    submissions.map((s) => s.id),
  );
  const extension = (await listExtensions(db, ctx.cohort.id, assignment.id)).find((e) => e.owner_key === key);
  return workStateOf({
    definition: assignment.definition,
    cohort: ctx.cohort,
    submissions,
    versions,
    extension: extension ? new Date(extension.due_at) : null,
    now,
    ...(forUser !== undefined && assignment.definition.kind === 'group' ? { forUser } : {}),
  });
}
