import {
  findSupportPresence,
  listClosedSupportQuestions,
  listOnlineSupportStaff,
  listQuestionsOfAsker,
  listSupportMessages,
  listSupportQueue,
  listSupportStaff,
  type SupportQuestionListRow,
  type SupportQuestionRow,
} from '@labmig/db';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/can.ts';
import type { App } from '../app/app.ts';
import type { Locale } from '../errors/error-messages.ts';
import { listForums } from '../forums/index.ts';
import { loadReadableQuestion, loadSupportContext, questionAccessOf } from './support-access.ts';
import { markSupportPresence } from './support.commands.ts';
import { faqSlot, onlineSince, waitingMinutes } from './support.rules.ts';
import { SUPPORT_LIMITS } from './support.schema.ts';

/** Where a question stands: waiting for a tutor, answered (the ball is with the learner), or closed. */
export type QuestionState = 'waiting' | 'answered' | 'closed';

/** A question in a list (the queue, the closed ones, a learner's own). */
export interface QuestionItemDto {
  readonly id: string;
  readonly asker: string;
  /** The question's start, on one line. */
  readonly excerpt: string;
  readonly state: QuestionState;
  readonly createdAt: string;
  /** Minutes the question has been waiting for a tutor (null: not waiting). */
  readonly waitingMinutes: number | null;
  /** The tutor answering it (null: nobody yet). */
  readonly answeredBy: string | null;
  readonly answeredByMe: boolean;
  readonly messages: number;
  readonly faqThreadId: string | null;
}

/** The desk page. */
export interface SupportDeskDto {
  readonly cohort: { readonly id: string; readonly title: string };
  /** `staff` work the queue; `learner` ask and see their own questions. */
  readonly role: 'staff' | 'learner';
  /** Tutors online now, by name. */
  readonly online: readonly string[];
  /** A tutor's own availability (null: not a tutor of the cohort). */
  readonly available: boolean | null;
  /** Staff: the open questions, longest waiting first, then the answered ones. */
  readonly queue: readonly QuestionItemDto[];
  /** Staff: the latest closed questions. */
  readonly closed: readonly QuestionItemDto[];
  /** Learners: their own questions, newest first. */
  readonly mine: readonly QuestionItemDto[];
  readonly canAsk: boolean;
  readonly bodyMax: number;
}

const stateOf = (q: SupportQuestionRow): QuestionState =>
  q.status === 'closed' ? 'closed' : q.awaiting_since !== null ? 'waiting' : 'answered';

const oneLine = (text: string, max = 140) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

const faqOf = (q: SupportQuestionRow, now: Date) => {
  const slot = faqSlot(q.faq_thread_id, now);
  return slot.state === 'published' ? slot.threadId : null;
};

function item(row: SupportQuestionListRow, me: string, now: Date): QuestionItemDto {
  return {
    id: row.id,
    asker: row.asker_name,
    excerpt: oneLine(row.body),
    state: stateOf(row),
    createdAt: row.created_at,
    waitingMinutes: row.status === 'open' ? waitingMinutes(row.awaiting_since, now) : null,
    answeredBy: row.claimed_by_name,
    answeredByMe: row.claimed_by === me,
    messages: Number(row.message_count ?? 0),
    faqThreadId: faqOf(row, now),
  };
}

/**
 * The desk of a cohort for the actor: staff get the queue (waiting questions first, longest wait first, with who
 * answers each) and are marked present; learners get their own questions only. Everyone sees which tutors are online.
 * Throws UnauthenticatedError, NotFoundError `cohort.not_found`, ForbiddenError.
 */
export async function getSupportDesk(app: App, actor: Actor, cohortId: string): Promise<SupportDeskDto> {
  const ctx = await loadSupportContext(app.db, actor, cohortId);
  await markSupportPresence(app, ctx);
  const now = app.clock.now();
  const me = ctx.actor.userId;
  const online = await listOnlineSupportStaff(app.db, ctx.cohort.id, onlineSince(now));
  const presence = ctx.staff ? await findSupportPresence(app.db, ctx.cohort.id, me) : undefined;
  const queue = ctx.staff ? await listSupportQueue(app.db, ctx.cohort.id) : [];
  const items = queue.map((r) => item(r, me, now));
  return {
    cohort: { id: ctx.cohort.id, title: ctx.cohort.title },
    role: ctx.staff ? 'staff' : 'learner',
    online: online.map((o) => o.name),
    available: presence ? presence.available === 1 : ctx.staff && ctx.access.membership ? true : null,
    queue: [
      ...items
        .filter((q) => q.state === 'waiting')
        .sort((a, b) => (b.waitingMinutes ?? 0) - (a.waitingMinutes ?? 0)),
      ...items.filter((q) => q.state !== 'waiting').reverse(),
    ],
    closed: ctx.staff
      ? (await listClosedSupportQuestions(app.db, ctx.cohort.id, SUPPORT_LIMITS.closedShown)).map((r) =>
          item(r, me, now),
        )
      : [],
    mine: ctx.staff
      ? []
      : (await listQuestionsOfAsker(app.db, ctx.cohort.id, me)).map((r) => item(r, me, now)),
    canAsk: can(ctx.actor, 'support.ask', ctx.access),
    bodyMax: SUPPORT_LIMITS.bodyMax,
  };
}

/** A line of a question's conversation. */
export interface SupportMessageDto {
  readonly id: string;
  readonly kind: 'message' | 'handover';
  readonly author: string;
  /** Written by the asker (else by a tutor). */
  readonly fromAsker: boolean;
  readonly body: string;
  readonly createdAt: string;
  /** Hand-overs: the tutor it went to. */
  readonly target: string | null;
}

/** A question's page. */
export interface SupportQuestionDto {
  readonly cohort: { readonly id: string; readonly title: string };
  readonly question: QuestionItemDto & { readonly body: string; readonly mine: boolean };
  readonly messages: readonly SupportMessageDto[];
  readonly online: readonly string[];
  readonly isStaff: boolean;
  readonly canWrite: boolean;
  readonly canClose: boolean;
  readonly canClaim: boolean;
  /** Staff: whom it can be handed over to (not the tutor answering it). */
  readonly handoverTargets: readonly { readonly userId: string; readonly name: string }[];
  /** Staff, once answered and not yet posted: the forums it can become a FAQ post in. */
  readonly faqForums: readonly { readonly id: string; readonly label: string; readonly kind: string }[];
  readonly bodyMax: number;
}

/**
 * One question with its conversation, for its asker or the cohort's staff (anyone else: "not found"). Staff are
 * marked present.
 */
export async function getSupportQuestion(
  app: App,
  actor: Actor,
  cohortId: string,
  questionId: string,
  locale: Locale,
): Promise<SupportQuestionDto> {
  const ctx = await loadSupportContext(app.db, actor, cohortId);
  const question = await loadReadableQuestion(app.db, ctx, questionId);
  await markSupportPresence(app, ctx);
  const now = app.clock.now();
  const me = ctx.actor.userId;
  const messages = await listSupportMessages(app.db, question.id);
  const staffRows = await listSupportStaff(app.db, ctx.cohort.id);
  const claimer = staffRows.find((s) => s.user_id === question.claimed_by)?.name ?? null;
  const open = question.status === 'open';
  const answered = messages.some((m) => m.kind === 'message' && m.author_id !== question.asker_id);
  const access = questionAccessOf(ctx, question);
  const faqForums =
    ctx.staff && answered && faqSlot(question.faq_thread_id, now).state === 'free'
      ? (await listForums(app, ctx.actor, ctx.cohort.id, locale)).forums
          .filter((f) => f.kind === 'qa' || f.kind === 'general')
          .map((f) => ({ id: f.id, label: f.label, kind: f.kind }))
      : [];
  const online = await listOnlineSupportStaff(app.db, ctx.cohort.id, onlineSince(now));
  const asker = question.asker_id === me ? ctx.actor.name : null;
  return {
    cohort: { id: ctx.cohort.id, title: ctx.cohort.title },
    question: {
      id: question.id,
      asker:
        asker ??
        (
          await app.db
            .selectFrom('users')
            .select('name')
            .where('id', '=', question.asker_id)
            .executeTakeFirstOrThrow()
        ).name,
      excerpt: oneLine(question.body),
      body: question.body,
      mine: question.asker_id === me,
      state: stateOf(question),
      createdAt: question.created_at,
      waitingMinutes: open ? waitingMinutes(question.awaiting_since, now) : null,
      answeredBy: claimer,
      answeredByMe: question.claimed_by === me,
      messages: messages.filter((m) => m.kind === 'message').length,
      faqThreadId: faqOf(question, now),
    },
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      author: m.author_name,
      fromAsker: m.author_id === question.asker_id,
      body: m.body,
      createdAt: m.created_at,
      target: m.target_name,
    })),
    online: online.map((o) => o.name),
    isStaff: ctx.staff,
    canWrite:
      open &&
      (ctx.staff
        ? question.claimed_by === null || question.claimed_by === me
        : can(ctx.actor, 'support.follow-up', access)),
    canClose: open && (ctx.staff || can(ctx.actor, 'support.close-own', access)),
    canClaim: open && ctx.staff && question.claimed_by === null,
    handoverTargets:
      open && ctx.staff
        ? staffRows
            .filter((s) => s.user_id !== question.claimed_by)
            .map((s) => ({ userId: s.user_id, name: s.name }))
        : [],
    faqForums,
    bodyMax: SUPPORT_LIMITS.bodyMax,
  };
}
