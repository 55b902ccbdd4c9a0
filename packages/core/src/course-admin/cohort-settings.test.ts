import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { createTestApp } from '../testing/test-app.ts';
import { enrol } from '../cohorts/enrolment.commands.ts';
import { getAdminHome, hasAdministration } from './admin-home.queries.ts';
import { getCohortAdmin, listAdminCohorts } from './cohort-admin.queries.ts';
import { changeCohortState, createCohortAsAdmin, updateCohortSettings } from './cohort-settings.commands.ts';
import { nextCohortState, roleChangeOutcome } from './course-admin.rules.ts';
import { addLearner, auditTrail, buildCourseTeam, statusesOf } from './testing/course-team.ts';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

const settings = {
  title: 'Cohort C',
  startsOn: '2026-03-02',
  endsOn: '2026-04-10',
  timeZone: 'UTC',
  language: 'en',
  capacity: '',
  enrolOpensAt: '',
  enrolClosesAt: '',
  waitlistEnabled: 'on',
  approvalRequired: '',
  requireConfirmedEmail: 'on',
} as const;

describe('cohort life cycle', () => {
  it.each([
    ['open', 'close', 'closed'],
    ['closed', 'reopen', 'open'],
    ['open', 'archive', 'archived'],
    ['closed', 'archive', 'archived'],
    ['archived', 'restore', 'closed'],
    ['closed', 'close', null],
    ['archived', 'reopen', null],
    ['open', 'restore', null],
  ] as const)('%s, %s → %s', (state, move, expected) => {
    expect(nextCohortState(state, move)).toBe(expected);
  });
});

describe('roleChangeOutcome', () => {
  it.each([
    [{ role: 'learner', status: 'active' }, 'tutor', false, { status: 'active', freesPlace: true }],
    [{ role: 'learner', status: 'waitlisted' }, 'manager', false, { status: 'active', freesPlace: false }],
    [{ role: 'tutor', status: 'active' }, 'learner', true, { status: 'active', freesPlace: false }],
    [{ role: 'tutor', status: 'active' }, 'learner', false, { error: 'enrolment.no_place' }],
    [{ role: 'tutor', status: 'active' }, 'tutor', true, { error: 'enrolment.role_unchanged' }],
    [{ role: 'learner', status: 'pending' }, 'tutor', true, { error: 'enrolment.not_placed' }],
    [{ role: 'learner', status: 'withdrawn' }, 'tutor', true, { error: 'enrolment.not_placed' }],
  ] as const)('%j → %s (free place: %s)', (current, role, free, expected) => {
    expect(roleChangeOutcome(current, role, free)).toEqual(expected);
  });
});

forEachDialect((ctx) => {
  describe('cohort settings', () => {
    it('creates a cohort that requires approval (site admins only); applying then waits for the course team', async () => {
      const app = await createTestApp(ctx, '2026-02-01T09:00:00.000Z');
      const team = await buildCourseTeam(ctx);
      const slug = (await ctx.db.selectFrom('courses').select('slug').executeTakeFirstOrThrow()).slug;
      const input = {
        ...settings,
        courseSlug: slug,
        title: 'Dakar 2026',
        timeZone: 'Africa/Dakar',
        capacity: '25',
        approvalRequired: 'on' as const,
        enrolOpensAt: '2026-02-01T08:00',
        enrolClosesAt: '2026-02-28T18:00',
      };
      expect(await codeOf(createCohortAsAdmin(app, team.manager, input))).toBe('admin.only');
      expect(await codeOf(createCohortAsAdmin(app, team.admin, { ...input, timeZone: 'Mars/Olympus' }))).toBe(
        'validation.invalid',
      );
      const cohort = await createCohortAsAdmin(app, team.admin, input);
      expect(cohort).toMatchObject({
        title: 'Dakar 2026',
        time_zone: 'Africa/Dakar',
        capacity: 25,
        approval_required: 1,
        state: 'open',
        enrol_opens_at: '2026-02-01T08:00:00.000Z',
        enrol_closes_at: '2026-02-28T18:00:00.000Z',
      });
      expect(await enrol(app, team.learner, { cohortId: cohort.id })).toEqual({ status: 'pending' });
      expect((await auditTrail(ctx)).map(([a, actor]) => [a, actor])).toEqual([
        ['cohort.created', team.admin.userId],
        ['enrolment.applied', team.learner.userId],
      ]);
    });

    it('saves what changed in the audit log, and fills new places from the waiting list', async () => {
      const app = await createTestApp(ctx, '2026-02-01T09:00:00.000Z');
      const team = await buildCourseTeam(ctx, { capacity: 1 });
      const w = await addLearner(ctx, team.cohortId, 'Wen', 'waitlisted');
      await updateCohortSettings(app, team.manager, team.cohortId, {
        ...settings,
        title: 'Cohort C (evening)',
        capacity: '2',
      });
      expect((await statusesOf(ctx, team.cohortId))[w.userId]).toBe('learner:active');
      const updated = await ctx.db
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'cohort.updated')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(updated.summary)).toEqual({
        before: { title: 'Cohort C', capacity: 1 },
        after: { title: 'Cohort C (evening)', capacity: 2 },
      });
      expect((await app.deliverMail()).map((m) => [m.to, m.kind])).toEqual([[w.email, 'waitlist-promoted']]);
      // Saving the same values again records nothing.
      await updateCohortSettings(app, team.manager, team.cohortId, {
        ...settings,
        title: 'Cohort C (evening)',
        capacity: '2',
      });
      expect((await auditTrail(ctx)).filter(([a]) => a === 'cohort.updated')).toHaveLength(1);
    });

    it('turns the confirmed-address rule off when the box is left unticked, and audits it', async () => {
      const app = await createTestApp(ctx, '2026-02-01T09:00:00.000Z');
      const team = await buildCourseTeam(ctx);
      const { requireConfirmedEmail: _ticked, ...unticked } = settings;
      await updateCohortSettings(app, team.manager, team.cohortId, unticked);
      const cohort = await ctx.db
        .selectFrom('cohorts')
        .select('require_confirmed_email')
        .where('id', '=', team.cohortId)
        .executeTakeFirstOrThrow();
      expect(cohort.require_confirmed_email).toBe(0);
      const updated = await ctx.db
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'cohort.updated')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(updated.summary)).toMatchObject({
        before: { require_confirmed_email: 1 },
        after: { require_confirmed_email: 0 },
      });
    });

    it('keeps the start date and time zone once the cohort has started', async () => {
      const app = await createTestApp(ctx, '2026-03-05T09:00:00.000Z');
      const team = await buildCourseTeam(ctx);
      expect(
        await codeOf(
          updateCohortSettings(app, team.admin, team.cohortId, { ...settings, startsOn: '2026-03-09' }),
        ),
      ).toBe('cohort.dates_locked');
      expect(
        await codeOf(
          updateCohortSettings(app, team.admin, team.cohortId, { ...settings, timeZone: 'Asia/Kolkata' }),
        ),
      ).toBe('cohort.dates_locked');
      await updateCohortSettings(app, team.admin, team.cohortId, { ...settings, endsOn: '2026-04-17' });
    });

    it('closes a cohort to new enrolments (managers), archives it (site admins) and refuses changes while archived', async () => {
      const app = await createTestApp(ctx, '2026-02-01T09:00:00.000Z');
      const team = await buildCourseTeam(ctx);
      await changeCohortState(app, team.manager, team.cohortId, { transition: 'close' });
      expect(await codeOf(enrol(app, team.outsider, { cohortId: team.cohortId }))).toBe('enrolment.closed');
      expect(await codeOf(changeCohortState(app, team.manager, team.cohortId, { transition: 'close' }))).toBe(
        'cohort.state_unchanged',
      );
      expect(
        await codeOf(changeCohortState(app, team.manager, team.cohortId, { transition: 'archive' })),
      ).toBe('admin.only');
      app.clock.advance(1000);
      await changeCohortState(app, team.admin, team.cohortId, { transition: 'archive' });
      expect(await codeOf(updateCohortSettings(app, team.manager, team.cohortId, settings))).toBe(
        'cohort.archived',
      );
      expect((await listAdminCohorts(app, team.admin)).cohorts.map((c) => c.title)).toEqual(['Cohort D']);
      expect(
        (await listAdminCohorts(app, team.admin, { state: 'archived' })).cohorts.map((c) => c.title),
      ).toEqual(['Cohort C']);
      app.clock.advance(1000);
      await changeCohortState(app, team.admin, team.cohortId, { transition: 'restore' });
      expect((await getCohortAdmin(app, team.manager, team.cohortId)).cohort.state).toBe('closed');
      expect((await auditTrail(ctx)).map(([a]) => a)).toEqual([
        'cohort.closed',
        'cohort.archived',
        'cohort.restored',
      ]);
    });
  });

  describe('the administration area', () => {
    it('lists every cohort for site admins, their own for managers, and nothing for tutors and learners', async () => {
      const app = await createTestApp(ctx);
      const team = await buildCourseTeam(ctx, { capacity: 5, approval_required: 1 });
      await addLearner(ctx, team.cohortId, 'Pia', 'pending');
      await addLearner(ctx, team.cohortId, 'Wen', 'waitlisted');
      await addLearner(ctx, team.cohortId, 'Will', 'withdrawn');
      const all = await listAdminCohorts(app, team.admin);
      expect(all.canCreate).toBe(true);
      expect(all.cohorts.find((c) => c.title === 'Cohort C')?.counts).toEqual({
        active: 1,
        pending: 1,
        waitlisted: 1,
        withdrawn: 1,
        staff: 2,
      });
      const own = await listAdminCohorts(app, team.manager);
      expect([own.canCreate, own.cohorts.map((c) => c.title)]).toEqual([false, ['Cohort C']]);
      expect((await listAdminCohorts(app, team.otherManager)).cohorts.map((c) => c.title)).toEqual([
        'Cohort D',
      ]);
      for (const who of [team.tutor, team.learner, team.outsider]) {
        expect(await codeOf(listAdminCohorts(app, who))).toBe('admin.only');
        expect(await codeOf(getAdminHome(app, who))).toBe('admin.only');
        expect(await hasAdministration(app, who)).toBe(false);
      }
      expect(await getAdminHome(app, team.manager)).toEqual({
        cohorts: true,
        people: false,
        audit: false,
        outbox: false,
        managedCohorts: 1,
      });
      expect(await hasAdministration(app, team.manager)).toBe(true);
      expect((await getAdminHome(app, team.admin)).people).toBe(true);
    });
  });
});
