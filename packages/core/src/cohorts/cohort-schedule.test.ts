import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { WORLD_ASSIGNMENTS } from '../assignments/testing/assignment-world.testing.ts';
import { writeCourseFiles } from '../content/course.factory.ts';
import { updateCohortSettings } from '../course-admin/cohort-settings.commands.ts';
import { importContent } from '../importer/content-import.commands.ts';
import { createTestApp } from '../testing/test-app.ts';
import { buildUser } from '@labmig/db/testing';
import { actorOf } from '../accounts/user.present.ts';
import { createCohort } from './cohort.commands.ts';
import { ScheduleOverrunError } from './cohort-schedule.ts';

const settings = {
  title: 'Spring',
  startsOn: '2026-03-02',
  endsOn: '2026-03-15',
  timeZone: 'Europe/Rome',
  language: 'en',
  capacity: '',
  enrolOpensAt: '',
  enrolClosesAt: '',
  waitlistEnabled: 'on',
  approvalRequired: '',
  requireConfirmedEmail: 'on',
} as const;

forEachDialect((ctx) => {
  describe('the schedule rule at cohort create and edit', () => {
    let root: string;
    beforeEach(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'labmig-schedule-'));
      // The test course: "Sources in your country" due day 7 + 3 late days (day 10), "Quick exercise" due week 2
      // day 7 (day 14), "Coherence matrix" due day 7.
      await writeCourseFiles(path.join(root, 'courses', 'tiny-course'), WORLD_ASSIGNMENTS);
    });
    afterEach(() => rm(root, { recursive: true, force: true }));

    it('refuses a cohort that ends before its last deadline, naming it, and takes one that holds it', async () => {
      const app = await createTestApp(ctx, '2026-02-01T09:00:00.000Z');
      expect((await importContent(app, root)).ok).toBe(true);
      const input = { courseSlug: 'tiny-course', startsOn: '2026-03-02', timeZone: 'Europe/Rome' };
      const refused = await createCohort(app, { ...input, endsOn: '2026-03-14' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ScheduleOverrunError);
      const error = refused as ScheduleOverrunError;
      expect(error.code).toBe('cohort.schedule_overrun');
      expect(error.fields).toEqual({ endsOn: 'cohort.schedule_overrun' });
      expect(error.message).toBe(
        'No deadline may fall after the cohort’s end date: “Quick exercise” takes work until 2026-03-15. ' +
          'Choose an end date on or after 2026-03-15.',
      );
      expect(error.localize('fr')).toContain(
        '«\u202fQuick exercise\u202f» accepte des travaux jusqu’au 2026-03-15',
      );
      expect(
        await ctx.db.selectFrom('cohorts').select('id').where('starts_on', '=', '2026-03-02').execute(),
      ).toEqual([]);

      const cohort = await createCohort(app, { ...input, endsOn: '2026-03-15' });
      expect(cohort.ends_on).toBe('2026-03-15');
    });

    it('refuses new dates that cut a deadline off, and keeps the cohort as it was', async () => {
      const app = await createTestApp(ctx, '2026-02-01T09:00:00.000Z');
      expect((await importContent(app, root)).ok).toBe(true);
      const cohort = await createCohort(app, {
        courseSlug: 'tiny-course',
        startsOn: '2026-03-02',
        endsOn: '2026-03-20',
      });
      const admin = actorOf(await buildUser(ctx.db, { is_admin: 1 }));
      const refused = await updateCohortSettings(app, admin, cohort.id, {
        ...settings,
        endsOn: '2026-03-10',
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ScheduleOverrunError);
      expect((refused as ScheduleOverrunError).message).toBe(
        'No deadline may fall after the cohort’s end date: “Quick exercise” takes work until 2026-03-15 ' +
          '(and 1 other deadline). Choose an end date on or after 2026-03-15.',
      );
      // A later start moves every deadline: ending on the 15th no longer holds them.
      const later = await updateCohortSettings(app, admin, cohort.id, {
        ...settings,
        startsOn: '2026-03-03',
      }).catch((e: unknown) => (e as { code: string }).code);
      expect(later).toBe('cohort.schedule_overrun');
      const row = await ctx.db
        .selectFrom('cohorts')
        .selectAll()
        .where('id', '=', cohort.id)
        .executeTakeFirstOrThrow();
      expect([row.starts_on, row.ends_on]).toEqual(['2026-03-02', '2026-03-20']);
      // The last day that holds every deadline is accepted.
      const saved = await updateCohortSettings(app, admin, cohort.id, settings);
      expect(saved.ends_on).toBe('2026-03-15');
    });
  });
});
