import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import {
  ConflictError,
  DomainValidationError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
} from '../errors/domain-errors.ts';
import { busListening, eventCollector } from '../events/testing/event-collector.ts';
import { liveTopics } from '../events/topics.ts';
import { getThreadPage } from '../forums/thread.queries.ts';
import { setUpForumWorld } from '../forums/testing/forum-world.ts';
import {
  askQuestion,
  claimQuestion,
  closeQuestion,
  handOverQuestion,
  publishQuestionAsFaq,
  sendSupportMessage,
  setSupportAvailability,
} from './support.commands.ts';
import { supportLiveTopics } from './support-live.ts';
import { getSupportDesk, getSupportQuestion } from './support.queries.ts';

const QUESTION = 'Does ILOSTAT count seasonal workers as migrant workers?';

forEachDialect((ctx) => {
  describe('the live support desk', () => {
    it('queues a learner’s question, shows it to its asker and the staff only, with its waiting time', async () => {
      const w = await setUpForumWorld(ctx);
      const { questionId } = await askQuestion(w.app, w.actors.a1, w.cohortId, { body: `  ${QUESTION}  ` });
      w.app.clock.advance(12.5 * 60_000);
      const desk = await getSupportDesk(w.app, w.actors.tutorA, w.cohortId);
      expect(desk.role).toBe('staff');
      expect(desk.queue).toHaveLength(1);
      expect(desk.queue[0]).toMatchObject({
        id: questionId,
        asker: w.users.a1.name,
        excerpt: QUESTION,
        state: 'waiting',
        waitingMinutes: 12,
        answeredBy: null,
      });
      const mine = await getSupportDesk(w.app, w.actors.a1, w.cohortId);
      expect(mine.role).toBe('learner');
      expect(mine.queue).toEqual([]);
      expect(mine.mine.map((q) => q.id)).toEqual([questionId]);
      // Another learner sees neither the question in their desk nor its page, whatever the URL.
      expect((await getSupportDesk(w.app, w.actors.a2, w.cohortId)).mine).toEqual([]);
      for (const who of ['a2', 'b1', 'loner'] as const)
        await expect(getSupportQuestion(w.app, w.actors[who], w.cohortId, questionId, 'en')).rejects.toThrow(
          NotFoundError,
        );
      for (const who of ['outsider', 'otherCohort'] as const)
        await expect(getSupportDesk(w.app, w.actors[who], w.cohortId)).rejects.toThrow(NotFoundError);
      for (const who of ['waitlisted', 'withdrawn'] as const)
        await expect(getSupportDesk(w.app, w.actors[who], w.cohortId)).rejects.toThrow(ForbiddenError);
      await expect(getSupportDesk(w.app, { kind: 'anonymous' }, w.cohortId)).rejects.toThrow(
        UnauthenticatedError,
      );
      // Another cohort's staff cannot open it through this cohort either.
      await expect(getSupportQuestion(w.app, w.actors.a1, w.otherCohortId, questionId, 'en')).rejects.toThrow(
        NotFoundError,
      );
      // Staff do not ask; bad input is refused.
      await expect(askQuestion(w.app, w.actors.tutorA, w.cohortId, { body: 'Hi' })).rejects.toThrow(
        ForbiddenError,
      );
      await expect(askQuestion(w.app, w.actors.a1, w.cohortId, { body: '   ' })).rejects.toThrow(
        DomainValidationError,
      );
      await expect(askQuestion(w.app, w.actors.a1, w.cohortId, { body: 'x'.repeat(4001) })).rejects.toThrow(
        DomainValidationError,
      );
    });

    it('shows which tutors are online: present while a desk page was open lately and available', async () => {
      const w = await setUpForumWorld(ctx);
      const presence = eventCollector();
      const sub = w.app.events.subscribe([liveTopics.cohortSupport(w.cohortId)], presence.handlers);
      await busListening(w.app.events);
      expect((await getSupportDesk(w.app, w.actors.a1, w.cohortId)).online).toEqual([]);
      await getSupportDesk(w.app, w.actors.tutorA, w.cohortId);
      await presence.until(() => presence.events.length === 1);
      expect((await getSupportDesk(w.app, w.actors.a1, w.cohortId)).online).toEqual([w.users.tutorA.name]);
      // A site admin looking at the desk is not a tutor online.
      await getSupportDesk(w.app, w.actors.admin, w.cohortId);
      expect((await getSupportDesk(w.app, w.actors.a1, w.cohortId)).online).toEqual([w.users.tutorA.name]);
      w.app.clock.advance(3 * 60_000 + 1);
      expect((await getSupportDesk(w.app, w.actors.a1, w.cohortId)).online).toEqual([]);
      await getSupportDesk(w.app, w.actors.tutorA, w.cohortId);
      await setSupportAvailability(w.app, w.actors.tutorA, w.cohortId, { available: '0' });
      expect((await getSupportDesk(w.app, w.actors.a1, w.cohortId)).online).toEqual([]);
      expect((await getSupportDesk(w.app, w.actors.tutorA, w.cohortId)).available).toBe(false);
      await setSupportAvailability(w.app, w.actors.tutorA, w.cohortId, { available: '1' });
      expect((await getSupportDesk(w.app, w.actors.a1, w.cohortId)).online).toEqual([w.users.tutorA.name]);
      await expect(
        setSupportAvailability(w.app, w.actors.a1, w.cohortId, { available: '1' }),
      ).rejects.toThrow(ForbiddenError);
      sub.close();
    });

    it('lets one tutor answer, another take over by hand-over, and tells the asker and the queue live', async () => {
      const w = await setUpForumWorld(ctx);
      const asker = eventCollector();
      const queue = eventCollector();
      const other = eventCollector();
      const subs = [
        w.app.events.subscribe(await supportLiveTopics(w.app, w.actors.a1, w.cohortId), asker.handlers),
        w.app.events.subscribe(await supportLiveTopics(w.app, w.actors.tutorB, w.cohortId), queue.handlers),
        w.app.events.subscribe(await supportLiveTopics(w.app, w.actors.a2, w.cohortId), other.handlers),
      ];
      await busListening(w.app.events);
      const { questionId } = await askQuestion(w.app, w.actors.a1, w.cohortId, { body: QUESTION });
      await sendSupportMessage(w.app, w.actors.tutorA, w.cohortId, {
        questionId,
        body: 'It depends on the country: see the metadata.',
      });
      // Tutor A answers it now: tutor B can neither claim nor answer it, but a hand-over moves it.
      await expect(claimQuestion(w.app, w.actors.tutorB, w.cohortId, { questionId })).rejects.toThrow(
        ConflictError,
      );
      await expect(
        sendSupportMessage(w.app, w.actors.tutorB, w.cohortId, { questionId, body: 'Me too' }),
      ).rejects.toMatchObject({ code: 'support.already_claimed' });
      await expect(
        handOverQuestion(w.app, w.actors.tutorA, w.cohortId, { questionId, toUserId: w.users.a2.id }),
      ).rejects.toMatchObject({ code: 'support.handover_target' });
      await expect(
        handOverQuestion(w.app, w.actors.a1, w.cohortId, { questionId, toUserId: w.users.tutorB.id }),
      ).rejects.toThrow(ForbiddenError);
      w.app.clock.advance(1000);
      await sendSupportMessage(w.app, w.actors.a1, w.cohortId, { questionId, body: 'Which table?' });
      expect((await getSupportDesk(w.app, w.actors.tutorB, w.cohortId)).queue[0]).toMatchObject({
        state: 'waiting',
        answeredBy: w.users.tutorA.name,
      });
      w.app.clock.advance(1000);
      await handOverQuestion(w.app, w.actors.tutorA, w.cohortId, { questionId, toUserId: w.users.tutorB.id });
      w.app.clock.advance(1000);
      await sendSupportMessage(w.app, w.actors.tutorB, w.cohortId, { questionId, body: 'Table MIG_3.' });
      const page = await getSupportQuestion(w.app, w.actors.a1, w.cohortId, questionId, 'en');
      expect(page.messages.map((m) => [m.kind, m.author, m.fromAsker, m.body, m.target])).toEqual([
        ['message', w.users.tutorA.name, false, 'It depends on the country: see the metadata.', null],
        ['message', w.users.a1.name, true, 'Which table?', null],
        ['handover', w.users.tutorA.name, false, '', w.users.tutorB.name],
        ['message', w.users.tutorB.name, false, 'Table MIG_3.', null],
      ]);
      expect(page.question).toMatchObject({ state: 'answered', answeredBy: w.users.tutorB.name });
      expect(page.canWrite).toBe(true);
      expect(page.handoverTargets.length).toBe(0); // learners hand nothing over
      // Events: ids only, to the asker and the queue; another learner hears nothing of it.
      await asker.until(() => asker.events.filter((e) => e.type === 'question.changed').length >= 5);
      await queue.until(() => queue.events.filter((e) => e.type === 'question.changed').length >= 5);
      expect(JSON.stringify(queue.events)).not.toContain('MIG_3');
      expect(other.events.filter((e) => e.type === 'question.changed')).toEqual([]);
      // Closed by its asker: nobody writes any more.
      await expect(closeQuestion(w.app, w.actors.a2, w.cohortId, { questionId })).rejects.toThrow(
        NotFoundError,
      );
      await closeQuestion(w.app, w.actors.a1, w.cohortId, { questionId });
      await expect(
        sendSupportMessage(w.app, w.actors.tutorB, w.cohortId, { questionId, body: 'One more thing' }),
      ).rejects.toMatchObject({ code: 'support.closed' });
      const closed = await getSupportDesk(w.app, w.actors.tutorA, w.cohortId);
      expect(closed.queue).toEqual([]);
      expect(closed.closed.map((q) => q.id)).toEqual([questionId]);
      for (const s of subs) s.close();
    });

    it('gives a question to exactly one of two tutors claiming it at once', async () => {
      const w = await setUpForumWorld(ctx);
      const { questionId } = await askQuestion(w.app, w.actors.a1, w.cohortId, { body: QUESTION });
      const results = await Promise.allSettled(
        (['tutorA', 'tutorB', 'manager'] as const).map((who) =>
          claimQuestion(w.app, w.actors[who], w.cohortId, { questionId }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
      ).toEqual(['support.already_claimed', 'support.already_claimed']);
    });

    it('limits asking: a few questions per window and a few open at once; the refusal says why', async () => {
      const w = await setUpForumWorld(ctx);
      for (let i = 0; i < 3; i++)
        await askQuestion(w.app, w.actors.a1, w.cohortId, { body: `Question ${i}` });
      await expect(askQuestion(w.app, w.actors.a1, w.cohortId, { body: 'Fourth' })).rejects.toThrow(
        RateLimitedError,
      );
      // Another learner has their own bucket.
      await askQuestion(w.app, w.actors.a2, w.cohortId, { body: 'Mine' });
      w.app.clock.advance(10 * 60_000 + 1);
      await askQuestion(w.app, w.actors.a1, w.cohortId, { body: 'Fourth' });
      await askQuestion(w.app, w.actors.a1, w.cohortId, { body: 'Fifth' });
      w.app.clock.advance(10 * 60_000 + 1);
      await expect(askQuestion(w.app, w.actors.a1, w.cohortId, { body: 'Sixth' })).rejects.toMatchObject({
        code: 'support.too_many_open',
      });
      const first = (await getSupportDesk(w.app, w.actors.a1, w.cohortId)).mine.at(-1)!;
      await closeQuestion(w.app, w.actors.a1, w.cohortId, { questionId: first.id });
      await askQuestion(w.app, w.actors.a1, w.cohortId, { body: 'Sixth' });
    });

    it('turns an answered question into a forum FAQ post once, without the asker’s name', async () => {
      const w = await setUpForumWorld(ctx);
      const { questionId } = await askQuestion(w.app, w.actors.a1, w.cohortId, { body: QUESTION });
      const faq = { questionId, forumId: w.forums.qa, title: 'Seasonal workers in ILOSTAT' };
      await expect(publishQuestionAsFaq(w.app, w.actors.tutorA, w.cohortId, faq)).rejects.toMatchObject({
        code: 'support.not_answered',
      });
      await sendSupportMessage(w.app, w.actors.tutorA, w.cohortId, {
        questionId,
        body: 'Yes, when **resident**.',
      });
      await expect(publishQuestionAsFaq(w.app, w.actors.a1, w.cohortId, faq)).rejects.toThrow(ForbiddenError);
      await expect(
        publishQuestionAsFaq(w.app, w.actors.tutorA, w.cohortId, { ...faq, forumId: w.forums.announcements }),
      ).rejects.toMatchObject({ code: 'support.faq_forum' });
      const page = await getSupportQuestion(w.app, w.actors.tutorA, w.cohortId, questionId, 'en');
      expect(page.faqForums.map((f) => f.kind).sort()).toEqual(['general', 'qa']);
      const { threadId } = await publishQuestionAsFaq(w.app, w.actors.tutorA, w.cohortId, faq);
      await expect(publishQuestionAsFaq(w.app, w.actors.tutorB, w.cohortId, faq)).rejects.toMatchObject({
        code: 'support.faq_exists',
      });
      const thread = await getThreadPage(w.app, w.actors.a2, w.cohortId, threadId, 'en');
      expect(thread.thread.title).toBe('Seasonal workers in ILOSTAT');
      expect(thread.posts[0].author.name).toBe(w.users.tutorA.name);
      expect(thread.posts[0].html).toContain(QUESTION);
      expect(thread.posts[0].html).toContain('<strong>resident</strong>');
      expect(thread.posts[0].html).not.toContain(w.users.a1.name);
      expect((await getSupportDesk(w.app, w.actors.a1, w.cohortId)).mine[0].faqThreadId).toBe(threadId);
    });

    it('frees a FAQ slot held by a tutor whose process died while posting, after the hold expires', async () => {
      const w = await setUpForumWorld(ctx);
      const { questionId } = await askQuestion(w.app, w.actors.a1, w.cohortId, { body: QUESTION });
      await sendSupportMessage(w.app, w.actors.tutorA, w.cohortId, {
        questionId,
        body: 'Yes, when resident.',
      });
      // A hold written a moment ago, as by a tutor's request that never finished.
      const hold = (at: Date) =>
        w.app.db
          .updateTable('support_questions')
          .set({ faq_thread_id: `pending:${at.toISOString()}` })
          .where('id', '=', questionId)
          .execute();
      await hold(w.app.clock.now());
      const faq = { questionId, forumId: w.forums.qa, title: 'Seasonal workers in ILOSTAT' };
      await expect(publishQuestionAsFaq(w.app, w.actors.tutorB, w.cohortId, faq)).rejects.toMatchObject({
        code: 'support.faq_exists',
      });
      const held = await getSupportQuestion(w.app, w.actors.tutorB, w.cohortId, questionId, 'en');
      expect(held.faqForums).toEqual([]);
      expect(held.question.faqThreadId).toBeNull();

      w.app.clock.advance(10 * 60_000 + 1);
      const freed = await getSupportQuestion(w.app, w.actors.tutorB, w.cohortId, questionId, 'en');
      expect(freed.faqForums.length).toBeGreaterThan(0);
      const { threadId } = await publishQuestionAsFaq(w.app, w.actors.tutorB, w.cohortId, faq);
      expect((await getSupportDesk(w.app, w.actors.a1, w.cohortId)).mine[0].faqThreadId).toBe(threadId);
      await expect(publishQuestionAsFaq(w.app, w.actors.tutorA, w.cohortId, faq)).rejects.toMatchObject({
        code: 'support.faq_exists',
      });
    });
  });
});
