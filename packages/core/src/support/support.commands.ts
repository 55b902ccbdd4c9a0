import {
  claimSupportQuestion,
  countOpenQuestionsOfAsker,
  findSupportPresence,
  insertSupportMessage,
  insertSupportQuestion,
  listSupportMessages,
  listSupportStaff,
  newId,
  reserveRateLimit,
  type SupportQuestionRow,
  updateSupportQuestion,
  upsertSupportPresence,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { assertCan, can } from '../access/can.ts';
import type { App } from '../app/app.ts';
import { ConflictError, ForbiddenError, RateLimitedError } from '../errors/domain-errors.ts';
import { parseInput } from '../errors/parse-input.ts';
import { listForums, startThread } from '../forums/index.ts';
import {
  loadReadableQuestion,
  loadSupportContext,
  questionAccessOf,
  type SupportContext,
} from './support-access.ts';
import { publishPresence, publishQuestion } from './support-live.ts';
import { faqBody, faqHoldAt, faqHoldExpiredBefore, faqSlot, isOnline } from './support.rules.ts';
import {
  askSchema,
  availabilitySchema,
  faqSchema,
  handOverSchema,
  questionRefSchema,
  supportMessageSchema,
  SUPPORT_LIMITS,
  type AskInput,
  type AvailabilityInput,
  type FaqInput,
  type HandOverInput,
  type QuestionRefInput,
  type SupportMessageInput,
} from './support.schema.ts';

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

/** Takes one from the person's bucket, or refuses (one atomic statement: parallel requests cannot all pass). */
async function takeFromBucket(
  app: App,
  key: string,
  limit: number,
  windowMinutes: number,
  now: Date,
  code: 'support.rate_limited' | 'forum.rate_limited',
): Promise<void> {
  const ok = await reserveRateLimit(app.db, key, {
    limit,
    windowStart: minutesAgo(now, windowMinutes),
    now: now.toISOString(),
  });
  if (!ok) throw new RateLimitedError(code);
}

/**
 * A learner asks the cohort's tutors a question; it waits in the queue until a tutor answers. At most
 * `SUPPORT_LIMITS.openMax` open questions and `askPerWindow` questions per `askWindowMinutes` a person.
 * Throws ForbiddenError (not an active learner), ConflictError `support.too_many_open`, RateLimitedError
 * `support.rate_limited`, DomainValidationError (body).
 * @example await askQuestion(app, learner, cohortId, { body: 'Does ILOSTAT count seasonal workers?' })
 */
export async function askQuestion(
  app: App,
  actor: Actor,
  cohortId: string,
  input: AskInput,
): Promise<{ readonly questionId: string }> {
  const data = parseInput(askSchema, input);
  const ctx = await loadSupportContext(app.db, actor, cohortId);
  assertCan(ctx.actor, 'support.ask', ctx.access);
  if ((await countOpenQuestionsOfAsker(app.db, ctx.cohort.id, ctx.actor.userId)) >= SUPPORT_LIMITS.openMax)
    throw new ConflictError('support.too_many_open', { body: 'support.too_many_open' });
  const now = app.clock.now();
  await takeFromBucket(
    app,
    `support.ask:${ctx.actor.userId}`,
    SUPPORT_LIMITS.askPerWindow,
    SUPPORT_LIMITS.askWindowMinutes,
    now,
    'support.rate_limited',
  );
  const at = now.toISOString();
  const question = {
    id: newId(),
    cohort_id: ctx.cohort.id,
    asker_id: ctx.actor.userId,
    body: data.body.trim(),
    status: 'open' as const,
    claimed_by: null,
    claimed_at: null,
    awaiting_since: at,
    answered_at: null,
    faq_thread_id: null,
    created_at: at,
    updated_at: at,
    closed_at: null,
    closed_by: null,
  };
  await insertSupportQuestion(app.db, question);
  await publishQuestion(app, ctx.cohort.id, question);
  return { questionId: question.id };
}

/**
 * Adds to a question's conversation: a tutor's answer (the tutor then answers it: a question nobody claimed becomes
 * theirs, one another tutor claimed is refused) or the asker's follow-up (the question waits for a tutor again).
 * Throws NotFoundError `support.question_not_found`, ConflictError `support.closed` / `support.already_claimed`,
 * RateLimitedError `forum.rate_limited`, DomainValidationError (body).
 */
export async function sendSupportMessage(
  app: App,
  actor: Actor,
  cohortId: string,
  input: SupportMessageInput,
): Promise<void> {
  const data = parseInput(supportMessageSchema, input);
  const { ctx, question: found } = await loadQuestionToActOn(
    app,
    actor,
    cohortId,
    data.questionId,
    'support.follow-up',
  );
  if (found.status === 'closed') throw new ConflictError('support.closed', { body: 'support.closed' });
  const now = app.clock.now();
  const at = now.toISOString();
  await takeFromBucket(
    app,
    `support.message:${ctx.actor.userId}`,
    ctx.staff ? SUPPORT_LIMITS.staffMessagesPerMinute : SUPPORT_LIMITS.messagesPerMinute,
    1,
    now,
    'forum.rate_limited',
  );
  const question = await app.db.transaction().execute(async (trx) => {
    const q = await loadReadableQuestion(trx, ctx, data.questionId, { forUpdate: true });
    if (q.status === 'closed') throw new ConflictError('support.closed', { body: 'support.closed' });
    if (ctx.staff) {
      if (q.claimed_by !== null && q.claimed_by !== ctx.actor.userId)
        throw new ConflictError('support.already_claimed', { body: 'support.already_claimed' });
      await updateSupportQuestion(trx, q.id, {
        claimed_by: ctx.actor.userId,
        claimed_at: q.claimed_at ?? at,
        answered_at: at,
        awaiting_since: null,
        updated_at: at,
      });
    } else {
      await updateSupportQuestion(trx, q.id, { awaiting_since: q.awaiting_since ?? at, updated_at: at });
    }
    await addToConversation(trx, q.id, ctx, at, { kind: 'message', body: data.body.trim(), targetId: null });
    return q;
  });
  await publishQuestion(app, ctx.cohort.id, question);
}

/** Asserts that the context's actor works the queue. */
function assertStaff(ctx: SupportContext): void {
  assertCan(ctx.actor, 'support.queue', ctx.access);
}

/**
 * The cohort's support context and a question the actor may act on: the cohort's staff, or — when `askerAction`
 * is given — its asker allowed that action. Throws ForbiddenError, NotFoundError `support.question_not_found`.
 */
async function loadQuestionToActOn(
  app: App,
  actor: Actor,
  cohortId: string,
  questionId: string,
  askerAction?: 'support.follow-up' | 'support.close-own',
): Promise<{ readonly ctx: SupportContext; readonly question: SupportQuestionRow }> {
  const ctx = await loadSupportContext(app.db, actor, cohortId);
  if (askerAction === undefined) assertStaff(ctx);
  const question = await loadReadableQuestion(app.db, ctx, questionId);
  if (
    !ctx.staff &&
    (askerAction === undefined || !can(ctx.actor, askerAction, questionAccessOf(ctx, question)))
  )
    throw new ForbiddenError();
  return { ctx, question };
}

/** Adds an entry to a question's conversation, by the context's actor at `at`. */
function addToConversation(
  db: Parameters<typeof insertSupportMessage>[0],
  questionId: string,
  ctx: SupportContext,
  at: string,
  entry: { readonly kind: 'message' | 'handover'; readonly body: string; readonly targetId: string | null },
): Promise<void> {
  return insertSupportMessage(db, {
    id: newId(),
    question_id: questionId,
    author_id: ctx.actor.userId,
    kind: entry.kind,
    body: entry.body,
    target_id: entry.targetId,
    created_at: at,
  });
}

/**
 * A tutor takes a waiting question ("I am answering this"): the queue shows who answers it. Two tutors claiming at
 * once: one gets it, the other is told. Throws ConflictError `support.already_claimed` / `support.closed`.
 */
export async function claimQuestion(
  app: App,
  actor: Actor,
  cohortId: string,
  input: QuestionRefInput,
): Promise<void> {
  const data = parseInput(questionRefSchema, input);
  const { ctx, question } = await loadQuestionToActOn(app, actor, cohortId, data.questionId);
  if (question.status === 'closed') throw new ConflictError('support.closed');
  const at = app.clock.now().toISOString();
  if (!(await claimSupportQuestion(app.db, question.id, ctx.actor.userId, at)))
    throw new ConflictError('support.already_claimed');
  await publishQuestion(app, ctx.cohort.id, question);
}

/**
 * Hands a question over to another active tutor or manager of the cohort, who answers it from now on; the
 * conversation keeps a note of it. Any of the cohort's staff may hand over (a manager reassigns a question).
 * Throws ConflictError `support.handover_target` (field `toUserId`) / `support.closed`.
 */
export async function handOverQuestion(
  app: App,
  actor: Actor,
  cohortId: string,
  input: HandOverInput,
): Promise<void> {
  const data = parseInput(handOverSchema, input);
  const ctx = await loadSupportContext(app.db, actor, cohortId);
  assertStaff(ctx);
  const staff = await listSupportStaff(app.db, ctx.cohort.id);
  const at = app.clock.now().toISOString();
  const question = await app.db.transaction().execute(async (trx) => {
    const q = await loadReadableQuestion(trx, ctx, data.questionId, { forUpdate: true });
    if (q.status === 'closed') throw new ConflictError('support.closed');
    if (!staff.some((s) => s.user_id === data.toUserId) || q.claimed_by === data.toUserId)
      throw new ConflictError('support.handover_target', { toUserId: 'support.handover_target' });
    await updateSupportQuestion(trx, q.id, { claimed_by: data.toUserId, claimed_at: at, updated_at: at });
    await addToConversation(trx, q.id, ctx, at, { kind: 'handover', body: '', targetId: data.toUserId });
    return q;
  });
  await publishQuestion(app, ctx.cohort.id, question);
}

/** Closes a question: its asker (solved) or any tutor. Closing a closed question changes nothing. */
export async function closeQuestion(
  app: App,
  actor: Actor,
  cohortId: string,
  input: QuestionRefInput,
): Promise<void> {
  const data = parseInput(questionRefSchema, input);
  const { ctx, question } = await loadQuestionToActOn(
    app,
    actor,
    cohortId,
    data.questionId,
    'support.close-own',
  );
  if (question.status === 'closed') return;
  const at = app.clock.now().toISOString();
  await updateSupportQuestion(app.db, question.id, {
    status: 'closed',
    closed_at: at,
    closed_by: ctx.actor.userId,
    awaiting_since: null,
    updated_at: at,
  });
  await publishQuestion(app, ctx.cohort.id, question);
}

/**
 * Records that a tutor has a desk page open (called by the desk's page loads, which the page's script repeats);
 * tells the desk pages when the tutor comes online. Nothing for learners.
 */
export async function markSupportPresence(app: App, ctx: SupportContext): Promise<void> {
  if (!ctx.staff || ctx.access.membership === null) return;
  const now = app.clock.now();
  const before = await findSupportPresence(app.db, ctx.cohort.id, ctx.actor.userId);
  await upsertSupportPresence(app.db, {
    cohortId: ctx.cohort.id,
    userId: ctx.actor.userId,
    seenAt: now.toISOString(),
  });
  if (!before || (before.available === 1 && !isOnline(before, now)))
    await publishPresence(app, ctx.cohort.id);
}

/**
 * A tutor says whether they are available on the desk (learners see who is online). Staff enrolled in the
 * cohort only (a site admin visiting is never "a tutor online").
 */
export async function setSupportAvailability(
  app: App,
  actor: Actor,
  cohortId: string,
  input: AvailabilityInput,
): Promise<void> {
  const data = parseInput(availabilitySchema, input);
  const ctx = await loadSupportContext(app.db, actor, cohortId);
  assertStaff(ctx);
  if (ctx.access.membership === null) throw new ForbiddenError();
  await upsertSupportPresence(app.db, {
    cohortId: ctx.cohort.id,
    userId: ctx.actor.userId,
    seenAt: app.clock.now().toISOString(),
    available: data.available,
  });
  await publishPresence(app, ctx.cohort.id);
}

/**
 * Turns an answered question into a forum FAQ post in the cohort's Q&A or a general discussion forum, as the tutor
 * (through the forums' `startThread`: their policy, rate limit and notifications). The post carries the question
 * and the tutors' answers, never the asker's name. Once per question, even for two tutors at once.
 * Throws ConflictError `support.not_answered` / `support.faq_exists` / `support.faq_forum` (field `forumId`), and
 * the forums' errors.
 */
export async function publishQuestionAsFaq(
  app: App,
  actor: Actor,
  cohortId: string,
  input: FaqInput,
): Promise<{ readonly threadId: string }> {
  const data = parseInput(faqSchema, input);
  const { ctx, question } = await loadQuestionToActOn(app, actor, cohortId, data.questionId);
  const messages = await listSupportMessages(app.db, question.id);
  const answers = messages.filter((m) => m.kind === 'message' && m.author_id !== question.asker_id);
  if (answers.length === 0) throw new ConflictError('support.not_answered');
  const now = app.clock.now();
  if (faqSlot(question.faq_thread_id, now).state !== 'free') throw new ConflictError('support.faq_exists');
  const forums = await listForums(app, ctx.actor, ctx.cohort.id, ctx.actor.locale);
  const forum = forums.forums.find((f) => f.id === data.forumId);
  if (!forum || (forum.kind !== 'qa' && forum.kind !== 'general'))
    throw new ConflictError('support.faq_forum', { forumId: 'support.faq_forum' });
  // Hold the question's FAQ slot first, so two tutors at once cannot post it twice. The hold expires
  // (FAQ_HOLD_MINUTES), so a process that dies while posting does not block the question for ever.
  const held = await app.db
    .updateTable('support_questions')
    .set({ faq_thread_id: faqHoldAt(now) })
    .where('id', '=', question.id)
    .where((eb) =>
      eb.or([
        eb('faq_thread_id', 'is', null),
        eb.and([
          eb('faq_thread_id', 'like', 'pending%'),
          eb('faq_thread_id', '<', faqHoldExpiredBefore(now)),
        ]),
      ]),
    )
    .executeTakeFirst();
  if (Number(held.numUpdatedRows) !== 1) throw new ConflictError('support.faq_exists');
  try {
    const body = faqBody(
      question.body,
      answers.map((a) => a.body),
      ctx.actor.locale,
    );
    const { threadId } = await startThread(app, ctx.actor, ctx.cohort.id, {
      forumId: forum.id,
      title: data.title,
      body,
    });
    await updateSupportQuestion(app.db, question.id, {
      faq_thread_id: threadId,
      updated_at: app.clock.now().toISOString(),
    });
    await publishQuestion(app, ctx.cohort.id, question);
    return { threadId };
  } catch (error) {
    await updateSupportQuestion(app.db, question.id, { faq_thread_id: null });
    throw error;
  }
}
