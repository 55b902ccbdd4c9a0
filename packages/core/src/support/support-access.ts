import type { CohortRow, Database, Kysely, SupportQuestionRow } from '@labmig/db';
import { findSupportQuestion } from '@labmig/db';
import type { Actor, UserActor } from '../access/actor.ts';
import { assertCan, can } from '../access/can.ts';
import { loadCohortAccess, ownedBy, type CohortAccess, type OwnedAccess } from '../access/membership.ts';
import { NotFoundError, UnauthenticatedError } from '../errors/domain-errors.ts';

/** A cohort's desk as one command sees it: the actor and their membership, loaded once. */
export interface SupportContext {
  readonly actor: UserActor;
  readonly cohort: CohortRow;
  readonly access: CohortAccess;
  /** Whether the actor works the queue (tutors, managers, site admins not taking the course). */
  readonly staff: boolean;
}

/**
 * Loads the cohort and the actor's membership and asserts `support.view`. Throws UnauthenticatedError, NotFoundError
 * `cohort.not_found` (also to outsiders), ForbiddenError (waitlisted, withdrawn…).
 */
export async function loadSupportContext(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
): Promise<SupportContext> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const { cohort, access } = await loadCohortAccess(db, actor, cohortId);
  assertCan(actor, 'support.view', access, { hidden: 'cohort.not_found' });
  return { actor, cohort, access, staff: can(actor, 'support.queue', access) };
}

/** The policy's view of a question: owned by its asker. */
export const questionAccessOf = (ctx: SupportContext, question: SupportQuestionRow): OwnedAccess =>
  ownedBy(ctx.access, question.asker_id);

/**
 * A question of the context's cohort the actor may read; anything else (another learner's, another cohort's) is
 * "not found", so ids cannot be probed. `forUpdate` locks it (PostgreSQL) for a change.
 */
export async function loadReadableQuestion(
  db: Kysely<Database>,
  ctx: SupportContext,
  questionId: string,
  options: { readonly forUpdate?: boolean } = {},
): Promise<SupportQuestionRow> {
  const question = await findSupportQuestion(db, ctx.cohort.id, questionId, options);
  if (!question || !can(ctx.actor, 'support.read', questionAccessOf(ctx, question)))
    throw new NotFoundError('support.question_not_found');
  return question;
}
