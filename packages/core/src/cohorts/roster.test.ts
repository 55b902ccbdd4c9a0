import { describe, expect, it } from 'vitest';
import { buildCohort, buildUser, forEachDialect } from '@labmig/db/testing';
import { actorOf } from '../accounts/user.present.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors/domain-errors.ts';
import { createTestApp } from '../testing/test-app.ts';
import { enrolUser } from './cohort.commands.ts';
import { enrol } from './enrolment.commands.ts';
import { getRoster } from './roster.queries.ts';
import { rosterToCsv } from './roster-csv.ts';

forEachDialect((ctx) => {
  describe('getRoster', () => {
    async function setUp() {
      const app = await createTestApp(ctx);
      const cohort = await buildCohort(ctx.db, { capacity: 1, title: 'Spring' });
      const [manager, tutor, ana, ben, admin] = [
        await buildUser(ctx.db, { name: 'Mona', email: 'mona@example.org' }),
        await buildUser(ctx.db, { name: 'Tariq', email: 'tariq@example.org' }),
        await buildUser(ctx.db, { name: 'Ana', email: 'ana@example.org' }),
        await buildUser(ctx.db, { name: 'Ben', email: 'ben@example.org' }),
        await buildUser(ctx.db, { name: 'Root', email: 'root@example.org', is_admin: 1 }),
      ];
      await enrolUser(app, { cohortId: cohort.id, email: 'mona@example.org', role: 'manager' });
      await enrolUser(app, { cohortId: cohort.id, email: 'tariq@example.org', role: 'tutor' });
      await enrol(app, actorOf(ana), { cohortId: cohort.id, answers: { motivation: '=1+1' } });
      await enrol(app, actorOf(ben), { cohortId: cohort.id });
      return { app, cohort, manager, tutor, ana, ben, admin };
    }

    it('shows managers of the cohort everyone, with counts, and exports it as CSV', async () => {
      const { app, cohort, manager } = await setUp();
      const roster = await getRoster(app, actorOf(manager), cohort.id);
      expect(roster.cohort).toMatchObject({ id: cohort.id, title: 'Spring', capacity: 1 });
      expect(roster.entries.map((e) => [e.name, e.role, e.status])).toEqual([
        ['Ana', 'learner', 'active'],
        ['Ben', 'learner', 'waitlisted'],
        ['Mona', 'manager', 'active'],
        ['Tariq', 'tutor', 'active'],
      ]);
      expect(roster.counts).toEqual({ learners: 1, waitlisted: 1, staff: 2, withdrawn: 0 });
      const csv = rosterToCsv(roster);
      expect(csv.split('\r\n')[1]).toMatch(/^Ana,ana@example\.org,learner,active,.*,'=1\+1,$/);
    });

    it('lets site admins in and keeps learners, tutors, outsiders and anonymous visitors out', async () => {
      const { app, cohort, tutor, ana, admin } = await setUp();
      await expect(getRoster(app, actorOf(admin), cohort.id)).resolves.toMatchObject({
        counts: { learners: 1 },
      });
      await expect(getRoster(app, actorOf(ana), cohort.id)).rejects.toThrow(ForbiddenError);
      await expect(getRoster(app, actorOf(tutor), cohort.id)).rejects.toThrow(ForbiddenError);
      const outsider = await buildUser(ctx.db);
      await expect(getRoster(app, actorOf(outsider), cohort.id)).rejects.toThrow(ForbiddenError);
      await expect(getRoster(app, { kind: 'anonymous' }, cohort.id)).rejects.toThrow(UnauthenticatedError);
      await expect(getRoster(app, actorOf(admin), 'missing')).rejects.toThrow(NotFoundError);
    });
  });

  describe('enrolUser', () => {
    it('is idempotent and ignores the enrolment window', async () => {
      const app = await createTestApp(ctx);
      const cohort = await buildCohort(ctx.db, { enrol_closes_at: '2020-01-01T00:00:00.000Z' });
      await buildUser(ctx.db, { email: 'tutor@example.org' });
      expect(
        await enrolUser(app, { cohortId: cohort.id, email: 'TUTOR@example.org', role: 'tutor' }),
      ).toEqual({ status: 'active', changed: true });
      expect(
        await enrolUser(app, { cohortId: cohort.id, email: 'tutor@example.org', role: 'tutor' }),
      ).toEqual({ status: 'active', changed: false });
      await expect(
        enrolUser(app, { cohortId: cohort.id, email: 'nobody@example.org', role: 'tutor' }),
      ).rejects.toThrow(NotFoundError);
    });

    it('promotes the waiting list when an active learner becomes staff', async () => {
      const app = await createTestApp(ctx);
      const cohort = await buildCohort(ctx.db, { capacity: 1 });
      await buildUser(ctx.db, { email: 'a@example.org' });
      await buildUser(ctx.db, { email: 'b@example.org' });
      await enrolUser(app, { cohortId: cohort.id, email: 'a@example.org', role: 'learner' });
      const b = await enrolUser(app, { cohortId: cohort.id, email: 'b@example.org', role: 'learner' });
      expect(b.status).toBe('waitlisted');
      await enrolUser(app, { cohortId: cohort.id, email: 'a@example.org', role: 'tutor' });
      const rows = await ctx.db
        .selectFrom('enrolments')
        .innerJoin('users', 'users.id', 'enrolments.user_id')
        .select(['users.email', 'enrolments.role', 'enrolments.status'])
        .orderBy('users.email')
        .execute();
      expect(rows).toEqual([
        { email: 'a@example.org', role: 'tutor', status: 'active' },
        { email: 'b@example.org', role: 'learner', status: 'active' },
      ]);
    });
  });
});
