import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { DomainValidationError } from '../errors/domain-errors.ts';
import { createTestApp } from '../testing/test-app.ts';
import { enrol } from '../cohorts/enrolment.commands.ts';
import {
  addPersonByEmail,
  changeRole,
  decideApplication,
  promoteFromWaitingList,
  removeFromCohort,
} from './enrolment-admin.commands.ts';
import { updateCohortSettings } from './cohort-settings.commands.ts';
import { getCohortAdmin } from './cohort-admin.queries.ts';
import { addLearner, auditTrail, buildCourseTeam, statusesOf } from './testing/course-team.ts';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

forEachDialect((ctx) => {
  describe('applications to a cohort that requires approval', () => {
    it('files the application with its motivation, shows it to the manager, approves it and mails each step', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { approval_required: 1, capacity: 10 });
      const applicant = await addLearner(ctx, team.otherCohortId, 'Amadou', 'withdrawn');
      expect(
        await enrol(
          app,
          applicant,
          { cohortId: team.cohortId, answers: { motivation: 'Our NSO publishes migrant tables.' } },
          { requestId: 'req-apply-1' },
        ),
      ).toEqual({ status: 'pending' });
      expect((await app.deliverMail()).map((m) => [m.to, m.kind])).toEqual([
        [applicant.email, 'enrolment-pending'],
      ]);

      const page = await getCohortAdmin(app, team.manager, team.cohortId);
      expect(page.pending.map((e) => [e.name, e.motivation])).toEqual([
        ['Amadou', 'Our NSO publishes migrant tables.'],
      ]);
      expect(page.counts).toMatchObject({ active: 1, pending: 1 });

      const enrolmentId = page.pending[0]!.enrolmentId;
      expect(
        await decideApplication(app, team.manager, team.cohortId, enrolmentId, { decision: 'approve' }),
      ).toEqual({ status: 'active' });
      expect((await app.deliverMail()).map((m) => [m.to, m.kind])).toContainEqual([
        applicant.email,
        'enrolment-confirmed',
      ]);
      expect(await auditTrail(ctx)).toEqual([
        ['enrolment.applied', applicant.userId, applicant.userId],
        ['enrolment.approved', team.manager.userId, applicant.userId],
      ]);
      const applied = await ctx.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'enrolment.applied')
        .executeTakeFirstOrThrow();
      expect(applied).toMatchObject({ cohort_id: team.cohortId, request_id: 'req-apply-1' });
      expect(JSON.parse(applied.summary)).toEqual({ after: { status: 'pending', role: 'learner' } });
      // Decided already: a second click (or a second manager) is told so, nothing changes.
      expect(
        await codeOf(decideApplication(app, team.admin, team.cohortId, enrolmentId, { decision: 'decline' })),
      ).toBe('enrolment.not_pending');
    });

    it('declines with a reason the applicant reads, and refuses a new application from them', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { approval_required: 1 });
      const a = await addLearner(ctx, team.cohortId, 'Binta', 'pending');
      await decideApplication(app, team.admin, team.cohortId, a.enrolmentId, {
        decision: 'decline',
        reason: 'This edition is for ministry staff.',
      });
      const mail = (await app.deliverMail()).find((m) => m.kind === 'enrolment-declined')!;
      expect(mail.to).toBe(a.email);
      expect(mail.text).toContain('This edition is for ministry staff.');
      expect(await codeOf(enrol(app, a, { cohortId: team.cohortId }))).toBe('enrolment.declined');
    });

    it('puts an approved applicant on the waiting list when the cohort is full, or refuses without one', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { approval_required: 1, capacity: 1 });
      const a = await addLearner(ctx, team.cohortId, 'Chidi', 'pending');
      expect(
        await decideApplication(app, team.manager, team.cohortId, a.enrolmentId, { decision: 'approve' }),
      ).toEqual({ status: 'waitlisted' });
      expect((await app.deliverMail()).at(-1)?.kind).toBe('enrolment-waitlisted');
      await updateCohortSettings(app, team.manager, team.cohortId, {
        title: 'Cohort C',
        startsOn: '2026-03-02',
        endsOn: '2026-04-10',
        timeZone: 'UTC',
        language: 'en',
        capacity: '1',
        enrolOpensAt: '',
        enrolClosesAt: '',
        waitlistEnabled: '',
        approvalRequired: 'on',
      });
      const b = await addLearner(ctx, team.cohortId, 'Dora', 'pending');
      expect(
        await codeOf(
          decideApplication(app, team.manager, team.cohortId, b.enrolmentId, { decision: 'approve' }),
        ),
      ).toBe('enrolment.no_place');
    });
  });

  describe('two admins approving the last place at once', () => {
    it('gives the place to one applicant; the other goes to the waiting list (capacity holds)', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { approval_required: 1, capacity: 2 });
      const a = await addLearner(ctx, team.cohortId, 'Efua', 'pending');
      const b = await addLearner(ctx, team.cohortId, 'Femi', 'pending');
      const results = await Promise.all([
        decideApplication(app, team.admin, team.cohortId, a.enrolmentId, { decision: 'approve' }),
        decideApplication(app, team.manager, team.cohortId, b.enrolmentId, { decision: 'approve' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['active', 'waitlisted']);
      const statuses = await statusesOf(ctx, team.cohortId);
      expect([statuses[a.userId], statuses[b.userId]].sort()).toEqual([
        'learner:active',
        'learner:waitlisted',
      ]);
      const active = Object.values(statuses).filter((s) => s === 'learner:active');
      expect(active).toHaveLength(2);
    });

    it('without a waiting list, exactly one approval succeeds and the other is told no place is free', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { approval_required: 1, capacity: 2, waitlist_enabled: 0 });
      const a = await addLearner(ctx, team.cohortId, 'Gita', 'pending');
      const b = await addLearner(ctx, team.cohortId, 'Hugo', 'pending');
      const outcomes = await Promise.all([
        codeOf(decideApplication(app, team.admin, team.cohortId, a.enrolmentId, { decision: 'approve' })),
        codeOf(decideApplication(app, team.manager, team.cohortId, b.enrolmentId, { decision: 'approve' })),
      ]);
      expect(outcomes.sort()).toEqual(['enrolment.no_place', 'ok']);
      const active = Object.values(await statusesOf(ctx, team.cohortId)).filter(
        (s) => s === 'learner:active',
      );
      expect(active).toHaveLength(2);
    });
  });

  describe('roles, the waiting list and withdrawals', () => {
    it('makes a learner a tutor, which frees their place for the longest-waiting learner', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { capacity: 1 });
      const first = await addLearner(ctx, team.cohortId, 'Ines', 'waitlisted', {
        at: '2026-01-02T00:00:00.000Z',
      });
      const second = await addLearner(ctx, team.cohortId, 'Jon', 'waitlisted', {
        at: '2026-01-03T00:00:00.000Z',
      });
      const learnerPlace = (await getCohortAdmin(app, team.admin, team.cohortId)).active.find(
        (e) => e.userId === team.learner.userId,
      )!;
      await changeRole(app, team.manager, team.cohortId, learnerPlace.enrolmentId, { role: 'tutor' });
      const statuses = await statusesOf(ctx, team.cohortId);
      expect(statuses[team.learner.userId]).toBe('tutor:active');
      expect(statuses[first.userId]).toBe('learner:active');
      expect(statuses[second.userId]).toBe('learner:waitlisted');
      expect((await app.deliverMail()).map((m) => [m.to, m.kind])).toEqual([
        [team.learner.email, 'enrolment-role-changed'],
        [first.email, 'waitlist-promoted'],
      ]);
      expect((await auditTrail(ctx)).map(([action]) => action)).toEqual([
        'enrolment.promoted',
        'enrolment.role_changed',
      ]);
    });

    it('moves someone from the waiting list only into a free place', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { capacity: 1 });
      const w = await addLearner(ctx, team.cohortId, 'Kofi', 'waitlisted');
      expect(await codeOf(promoteFromWaitingList(app, team.manager, team.cohortId, w.enrolmentId))).toBe(
        'enrolment.no_place',
      );
      await ctx.db.updateTable('cohorts').set({ capacity: 2 }).where('id', '=', team.cohortId).execute();
      await promoteFromWaitingList(app, team.manager, team.cohortId, w.enrolmentId);
      expect((await statusesOf(ctx, team.cohortId))[w.userId]).toBe('learner:active');
      expect((await app.deliverMail()).map((m) => [m.to, m.kind])).toEqual([[w.email, 'waitlist-promoted']]);
      expect(await codeOf(promoteFromWaitingList(app, team.manager, team.cohortId, w.enrolmentId))).toBe(
        'enrolment.not_waitlisted',
      );
    });

    it('withdraws someone with the reason they are mailed, and gives the place to the waiting list', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { capacity: 1 });
      const w = await addLearner(ctx, team.cohortId, 'Lina', 'waitlisted', { locale: 'fr' });
      const place = (await getCohortAdmin(app, team.admin, team.cohortId)).active.find(
        (e) => e.userId === team.learner.userId,
      )!;
      expect(
        await codeOf(removeFromCohort(app, team.manager, team.cohortId, place.enrolmentId, { reason: ' ' })),
      ).toBe('validation.invalid');
      const result = await removeFromCohort(app, team.manager, team.cohortId, place.enrolmentId, {
        reason: 'Asked to leave by email on 2 March.',
      });
      expect(result.promoted).toEqual([w.userId]);
      const withdrawn = (await app.deliverMail()).find((m) => m.kind === 'enrolment-withdrawn')!;
      expect(withdrawn.to).toBe(team.learner.email);
      expect(withdrawn.text).toContain('Reason: Asked to leave by email on 2 March.');
      const promoted = (await app.deliverMail()).find((m) => m.kind === 'waitlist-promoted')!;
      expect([promoted.to, promoted.locale]).toEqual([w.email, 'fr']);
      const row = await ctx.db
        .selectFrom('enrolments')
        .select(['status', 'status_reason'])
        .where('id', '=', place.enrolmentId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'withdrawn', status_reason: 'Asked to leave by email on 2 March.' });
      const event = await ctx.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'enrolment.withdrawn')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(event.summary).note).toBe('Asked to leave by email on 2 March.');
      expect(
        await codeOf(
          removeFromCohort(app, team.manager, team.cohortId, place.enrolmentId, { reason: 'Again' }),
        ),
      ).toBe('enrolment.already_left');
    });

    it('refuses a manager changing or withdrawing their own place', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx);
      const own = (await getCohortAdmin(app, team.manager, team.cohortId)).active.find((e) => e.isSelf)!;
      expect(
        await codeOf(changeRole(app, team.manager, team.cohortId, own.enrolmentId, { role: 'learner' })),
      ).toBe('enrolment.own_place');
      expect(
        await codeOf(
          removeFromCohort(app, team.manager, team.cohortId, own.enrolmentId, { reason: 'Leaving' }),
        ),
      ).toBe('enrolment.own_place');
      // A site admin may.
      await changeRole(app, team.admin, team.cohortId, own.enrolmentId, { role: 'tutor' });
    });
  });

  describe('adding people by email', () => {
    it('adds someone with an account, refuses an unknown address, and invites with a name', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx);
      expect(
        await addPersonByEmail(app, team.manager, team.cohortId, {
          email: ' OLGA@example.org ',
          role: 'tutor',
        }),
      ).toEqual({ outcome: 'active', invited: false, email: 'olga@example.org' });
      expect(
        await addPersonByEmail(app, team.manager, team.cohortId, {
          email: 'olga@example.org',
          role: 'tutor',
        }),
      ).toMatchObject({ outcome: 'unchanged' });
      const unknown = await addPersonByEmail(app, team.manager, team.cohortId, {
        email: 'new@example.org',
        role: 'learner',
      }).catch((e: unknown) => e);
      expect(unknown).toBeInstanceOf(DomainValidationError);
      expect((unknown as DomainValidationError).fields).toEqual({ email: 'enrolment.unknown_email' });
      expect(
        await addPersonByEmail(app, team.manager, team.cohortId, {
          email: 'new@example.org',
          role: 'learner',
          name: 'Nadia New',
          invite: 'on',
        }),
      ).toEqual({ outcome: 'active', invited: true, email: 'new@example.org' });
      const invitation = (await app.deliverMail()).find((m) => m.to === 'new@example.org')!;
      expect(invitation.kind).toBe('account-invitation');
      expect(invitation.text).toMatch(/http:\/\/127\.0\.0\.1:3000\/reset-password\/[0-9a-f]{64}/);
      expect(invitation.text).toContain('Cohort C');
      const created = await ctx.db
        .selectFrom('users')
        .select(['password_hash', 'name'])
        .where('email', '=', 'new@example.org')
        .executeTakeFirstOrThrow();
      expect(created).toEqual({ password_hash: '!no-password', name: 'Nadia New' });
      expect((await auditTrail(ctx)).map(([a]) => a)).toEqual([
        'enrolment.added',
        'enrolment.added',
        'user.invited',
      ]);
    });
  });

  describe('who may run a cohort', () => {
    it('refuses tutors, learners, outsiders, anonymous visitors and the manager of another cohort, for every command', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { approval_required: 1 });
      const pending = await addLearner(ctx, team.cohortId, 'Pia', 'pending');
      const commands = (actor: Parameters<typeof getCohortAdmin>[1]) => [
        () => getCohortAdmin(app, actor, team.cohortId),
        () => addPersonByEmail(app, actor, team.cohortId, { email: 'olga@example.org', role: 'learner' }),
        () => decideApplication(app, actor, team.cohortId, pending.enrolmentId, { decision: 'approve' }),
        () => changeRole(app, actor, team.cohortId, pending.enrolmentId, { role: 'tutor' }),
        () => promoteFromWaitingList(app, actor, team.cohortId, pending.enrolmentId),
        () => removeFromCohort(app, actor, team.cohortId, pending.enrolmentId, { reason: 'No reason' }),
        () =>
          updateCohortSettings(app, actor, team.cohortId, {
            title: 'Hijacked',
            startsOn: '2026-03-02',
            endsOn: '2026-04-10',
            timeZone: 'UTC',
            language: 'en',
            capacity: '',
            enrolOpensAt: '',
            enrolClosesAt: '',
          }),
      ];
      const expectations: [string, Parameters<typeof getCohortAdmin>[1], string][] = [
        ['tutor', team.tutor, 'admin.only'],
        ['learner', team.learner, 'admin.only'],
        ['outsider', team.outsider, 'cohort.not_found'],
        ['manager of another cohort', team.otherManager, 'cohort.not_found'],
        ['anonymous', { kind: 'anonymous' }, 'unauthenticated'],
      ];
      for (const [who, actor, code] of expectations)
        for (const [i, command] of commands(actor).entries())
          expect(await codeOf(command()), `${who}, command ${i}`).toBe(code);
      expect(await statusesOf(ctx, team.cohortId)).toMatchObject({ [pending.userId]: 'learner:pending' });
      expect(await auditTrail(ctx)).toEqual([]);
      expect(await app.deliverMail()).toEqual([]);
    });
  });
});
