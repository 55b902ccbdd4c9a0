import {
  findGroupRelations,
  type Database,
  type ForumGroupMode,
  type ForumKind,
  type Kysely,
} from '@labmig/db';
import type { Actor } from './actor.ts';
import type { CohortAccess } from './membership.ts';

/**
 * The actor's groups in one cohort: the group they belong to (learners are in at most one) and the groups they
 * tutor. Policies count it only when it is the actor's own and of the resource's cohort (`groupRelationsIn`).
 */
export interface GroupRelations {
  readonly userId: string;
  readonly cohortId: string;
  readonly memberOf: string | null;
  readonly tutorOf: readonly string[];
}

/**
 * Loads the actor's group relations in a cohort, once per command (with `loadCohortAccess`); null for anonymous
 * visitors. The only place group memberships are read for authorization.
 */
export async function loadGroupRelations(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
): Promise<GroupRelations | null> {
  if (actor.kind !== 'user') return null;
  const found = await findGroupRelations(db, cohortId, actor.userId);
  return { userId: actor.userId, cohortId, memberOf: found.memberOf, tutorOf: found.tutorOf };
}

/** A group of a cohort as the group policy sees it: the cohort access, the actor's group relations, the group. */
export interface GroupAccess extends Omit<CohortAccess, 'kind'> {
  readonly kind: 'group';
  readonly groups: GroupRelations | null;
  readonly groupId: string;
}

/** A forum as the forum policy sees it. */
export interface ForumAccess extends Omit<CohortAccess, 'kind'> {
  readonly kind: 'forum';
  readonly groups: GroupRelations | null;
  readonly forum: {
    readonly kind: ForumKind;
    /** The group of a group forum. */
    readonly groupId: string | null;
    readonly groupMode: ForumGroupMode;
  };
}

/** A thread as the forum policy sees it: its forum, the thread, and whether the reader has posted in it. */
export interface ThreadAccess extends Omit<ForumAccess, 'kind'> {
  readonly kind: 'thread';
  readonly thread: { readonly groupId: string | null; readonly locked: boolean };
  /** Whether `userId` has a post (not removed) in the thread; counts only for that person. */
  readonly reader: { readonly userId: string; readonly hasPosted: boolean } | null;
}

/** A post as the forum policy sees it: its thread and its author. */
export interface PostAccess extends Omit<ThreadAccess, 'kind'> {
  readonly kind: 'post';
  readonly authorUserId: string;
}
