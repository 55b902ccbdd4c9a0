import { describe, expect, it } from 'vitest';
import { buildCohort, buildCourse, buildUser, forEachDialect } from '@labmig/db/testing';
import { actorOf } from '../accounts/user.present.ts';
import { ForbiddenError } from '../errors/domain-errors.ts';
import { createTestApp } from '../testing/test-app.ts';
import { createCohort } from './cohort.commands.ts';
import { enrol } from './enrolment.commands.ts';

forEachDialect((ctx) => {
  describe('enrol with an unconfirmed email address', () => {
    it('is refused where the cohort requires a confirmed address (the default), allowed where it does not', async () => {
      const app = await createTestApp(ctx);
      const strict = await buildCohort(ctx.db);
      const open = await buildCohort(ctx.db, { require_confirmed_email: 0 });
      const user = await buildUser(ctx.db, { email_confirmed_at: null });
      const refused = await enrol(app, actorOf(user), { cohortId: strict.id }).catch((e) => e);
      expect(refused).toBeInstanceOf(ForbiddenError);
      expect(refused.code).toBe('enrolment.email_unconfirmed');
      expect(refused.localize('fr')).toMatch(/^Confirmez votre adresse électronique/);
      expect(await ctx.db.selectFrom('enrolments').selectAll().execute()).toEqual([]);
      await expect(enrol(app, actorOf(user), { cohortId: open.id })).resolves.toEqual({ status: 'active' });

      await ctx.db.updateTable('users').set({ email_confirmed_at: '2026-03-10T09:00:00.000Z' }).execute();
      await expect(enrol(app, actorOf(user), { cohortId: strict.id })).resolves.toEqual({ status: 'active' });
    });

    it('is required by new cohorts unless their manager turns it off', async () => {
      const app = await createTestApp(ctx);
      const course = await buildCourse(ctx.db);
      const dates = { courseSlug: course.slug, startsOn: '2026-09-07', endsOn: '2026-10-16' };
      expect((await createCohort(app, dates)).require_confirmed_email).toBe(1);
      expect(
        (await createCohort(app, { ...dates, requireConfirmedEmail: false })).require_confirmed_email,
      ).toBe(0);
    });
  });
});
