import { loadGroupRelations, type GroupRelations } from '../access/group-access.ts';
import { loadCohortAccess, type CohortAccess } from '../access/membership.ts';
import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import type { CohortRow } from '@labmig/db';

/** A cohort, the actor's membership and group relations there: read once per command. */
export interface ObservatoryContext {
  readonly actor: Actor;
  readonly cohort: CohortRow;
  readonly access: CohortAccess;
  readonly groups: GroupRelations | null;
}

/** Loads the cohort with the actor's membership and group relations. */
export async function loadObservatoryContext(
  app: App,
  actor: Actor,
  cohortId: string,
): Promise<ObservatoryContext> {
  const { cohort, access } = await loadCohortAccess(app.db, actor, cohortId);
  const groups = await loadGroupRelations(app.db, actor, cohort.id);
  return { actor, cohort, access, groups };
}

/** Who owns a published thing: a learner or a group. */
export type Owner =
  { readonly kind: 'user'; readonly userId: string } | { readonly kind: 'group'; readonly groupId: string };

/** The stored owner key (`user:<id>` / `group:<id>`). */
export const ownerKeyOf = (owner: Owner): string =>
  owner.kind === 'user' ? `user:${owner.userId}` : `group:${owner.groupId}`;

/** The owner of a row with `user_id` / `group_id`. */
export const ownerOfRow = (row: { user_id: string | null; group_id: string | null }): Owner =>
  row.group_id !== null
    ? { kind: 'group', groupId: row.group_id }
    : { kind: 'user', userId: row.user_id ?? '' };
