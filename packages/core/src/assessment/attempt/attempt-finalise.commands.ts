import { listOverdueAttemptIds, updateOpenAttempt, type Database, type Kysely } from '@labmig/db';
import type { App } from '../../app/app.ts';
import { loadLayoutQuestions, readAttempt, type AttemptRecord } from './attempt-context.ts';
import { gradeStoredAttempt } from './attempt-grading.ts';

/** Who closed an attempt: the learner, or the server when the time limit or close date passed. */
export type SubmittedBy = 'learner' | 'timeout';

/** True when an open attempt's deadline has passed at `now`. */
export function isOverdue(ctx: Pick<AttemptRecord, 'attempt'>, now: Date): boolean {
  const { attempt } = ctx;
  return (
    attempt.state === 'open' &&
    attempt.deadline_at !== null &&
    now.getTime() >= Date.parse(attempt.deadline_at)
  );
}

/**
 * Closes an open attempt and grades it, inside the caller's transaction. The conditional update
 * (`… WHERE state = 'open'`) makes it safe under concurrency: of two submits exactly one closes and grades,
 * the other returns false. An attempt closed by the server is stamped with its deadline, not the sweep time.
 * `loaded`: the attempt's context if the caller has it. Only what never changes after the start is read from it
 * (layout, definition, deadline), so a context loaded before the transaction saves reading it again.
 */
export async function finaliseAttemptIn(
  trx: Kysely<Database>,
  attemptId: string,
  now: Date,
  by: SubmittedBy,
  loaded?: AttemptRecord,
): Promise<boolean> {
  const ctx = loaded ?? (await readAttempt(trx, attemptId));
  const submittedAt =
    by === 'timeout' && ctx.attempt.deadline_at ? ctx.attempt.deadline_at : now.toISOString();
  const closed = await updateOpenAttempt(trx, attemptId, {
    state: 'submitted',
    submitted_at: submittedAt,
    submitted_by: by,
    updated_at: now.toISOString(),
  });
  if (!closed) return false;
  const questions = await loadLayoutQuestions(trx, ctx.layout);
  await gradeStoredAttempt(trx, attemptId, ctx.layout, questions, ctx.definition.maxGrade, now.toISOString());
  return true;
}

/** Finalises an attempt if its deadline has passed (in its own transaction); returns whether it did. */
export async function finaliseIfOverdue(app: App, ctx: AttemptRecord): Promise<boolean> {
  const now = app.clock.now();
  if (!isOverdue(ctx, now)) return false;
  const done = await app.db
    .transaction()
    .execute((trx) => finaliseAttemptIn(trx, ctx.attempt.id, now, 'timeout', ctx));
  if (done)
    app.logger.info('attempt auto-submitted', {
      attemptId: ctx.attempt.id,
      deadline: ctx.attempt.deadline_at,
    });
  return done;
}

/**
 * The sweep: submits and grades every open attempt whose time limit or close date has passed. Run it on a
 * timer (e.g. every minute); reads and writes of an overdue attempt also finalise it first, so the sweep only
 * makes sure grades appear for learners who never came back. Returns how many attempts it closed.
 */
export async function finaliseOverdueAttempts(app: App): Promise<{ readonly finalised: number }> {
  const now = app.clock.now();
  let finalised = 0;
  for (const id of await listOverdueAttemptIds(app.db, now.toISOString())) {
    const done = await app.db.transaction().execute((trx) => finaliseAttemptIn(trx, id, now, 'timeout'));
    if (done) finalised++;
  }
  if (finalised > 0) app.logger.info('overdue attempts finalised', { finalised });
  return { finalised };
}
