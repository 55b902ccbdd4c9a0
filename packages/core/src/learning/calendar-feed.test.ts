import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import {
  calendarFeed,
  createCalendarFeed,
  getCalendarFeedStatus,
  revokeCalendarFeed,
} from './calendar-feed.commands.ts';
import { prop, readIcal, unescapeText, utcDateTime } from './testing/ical-reader.ts';
import { setUpLearning } from './testing/learning-setup.ts';
import { newId, upsertQuiz } from '@labmig/db';
import { buildAssignmentWorld } from '../assignments/testing/assignment-world.testing.ts';

forEachDialect((ctx) => {
  describe('calendar feed', () => {
    it('serves a valid iCalendar of the week deadlines for a private token', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const { token, path } = await createCalendarFeed(app, actors.learner, cohortId);
      expect(token).toMatch(/^[0-9a-f]{64}$/);
      expect(path).toBe(`/calendar/${token}.ics`);
      // Only the hash is stored.
      const stored = await ctx.db.selectFrom('calendar_feed_tokens').select('id').execute();
      expect(stored.map((r) => r.id)).not.toContain(token);

      const cal = readIcal(await calendarFeed(app, token));
      expect(cal.name).toBe('VCALENDAR');
      expect(prop(cal, 'VERSION')).toBe('2.0');
      expect(prop(cal, 'PRODID')).toBeTruthy();
      const events = cal.children.filter((c) => c.name === 'VEVENT');
      expect(events).toHaveLength(2);
      for (const e of events) {
        for (const name of ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY'])
          expect(prop(e, name)).toBeTruthy();
        expect(utcDateTime(prop(e, 'DTSTAMP'))).toBe('2026-03-05T09:00:00.000Z');
        expect(Date.parse(utcDateTime(prop(e, 'DTSTART')))).toBeLessThan(
          Date.parse(utcDateTime(prop(e, 'DTEND'))),
        );
      }
      expect(new Set(events.map((e) => prop(e, 'UID'))).size).toBe(2);
      // Week 1 is due Sunday 8 March 2026 at 23:59 in Rome (UTC+1), week 2 on 15 March.
      expect(events.map((e) => utcDateTime(prop(e, 'DTEND')))).toEqual([
        '2026-03-08T22:59:00.000Z',
        '2026-03-15T22:59:00.000Z',
      ]);
      expect(unescapeText(prop(events[0]!, 'SUMMARY')!)).toBe('Week 1 due: First week');
      expect(unescapeText(prop(events[0]!, 'DESCRIPTION')!)).toBe(
        'Due 2026-03-08 23:59 (Europe/Rome).\nModule 1: Module 01-alpha',
      );
      expect(await getCalendarFeedStatus(app, actors.learner, cohortId)).toEqual({
        active: true,
        createdAt: '2026-03-05T09:00:00.000Z',
      });
    });

    it('has each assessment close (its last minute, 23:59 local) and each assignment due time with its cut-off', async () => {
      // The 2020 edition from Monday 26 October 2020 in Rome; summer time ended on 25 October (UTC+1).
      const world = await buildAssignmentWorld(ctx);
      const at = '2020-10-26T00:00:00.000Z';
      await upsertQuiz(ctx.db, {
        id: newId(),
        cohort_id: world.cohortId,
        quiz_key: 'week-1',
        week: 1,
        title: 'Week 1 quiz',
        definition: '{}',
        opens_at: '2020-10-25T23:00:00.000Z',
        closes_at: '2020-11-01T23:00:00.000Z', // the start of Monday 2 November in Rome
        created_at: at,
        updated_at: at,
      });
      const { token } = await createCalendarFeed(world.app, world.ana, world.cohortId);
      const events = readIcal(await calendarFeed(world.app, token)).children.filter(
        (c) => c.name === 'VEVENT',
      );
      const row = (summary: string) => {
        const e = events.find((x) => unescapeText(prop(x, 'SUMMARY')!) === summary);
        return e && [utcDateTime(prop(e, 'DTEND')), unescapeText(prop(e, 'DESCRIPTION')!)];
      };
      expect(row('Assessment closes: Week 1 quiz')).toEqual([
        '2020-11-01T22:59:00.000Z',
        'Open until 2020-11-01 23:59 (Europe/Rome); submit your attempt before then.',
      ]);
      // "Sources in your country": due day 7 at 23:59 with 3 late days; "Quick exercise": week 2 day 7, none.
      expect(row('Assignment due: Sources in your country')).toEqual([
        '2020-11-01T22:59:00.000Z',
        'Due 2020-11-01 23:59 (Europe/Rome). Late work is accepted until 2020-11-04 23:59 (Europe/Rome).',
      ]);
      expect(row('Assignment due: Quick exercise')?.[1]).toMatch(
        /^Due 2020-11-08 \d\d:\d\d \(Europe\/Rome\)\. No late work is accepted\.$/,
      );
      // Soonest first, each once.
      const ends = events.map((e) => Date.parse(utcDateTime(prop(e, 'DTEND'))));
      expect(ends).toEqual([...ends].sort((a, b) => a - b));
      expect(new Set(events.map((e) => prop(e, 'UID'))).size).toBe(events.length);
      expect(events.length).toBe(2 + 1 + 3); // two weeks, one assessment, three assignments
    });

    it('regenerating invalidates the old URL; revoking ends the feed', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const first = await createCalendarFeed(app, actors.learner, cohortId);
      const second = await createCalendarFeed(app, actors.learner, cohortId);
      await expect(calendarFeed(app, first.token)).rejects.toMatchObject({ code: 'learning.feed_not_found' });
      await expect(calendarFeed(app, second.token)).resolves.toContain('BEGIN:VCALENDAR');
      expect(await revokeCalendarFeed(app, actors.learner, cohortId)).toEqual({ revoked: true });
      await expect(calendarFeed(app, second.token)).rejects.toThrow(NotFoundError);
      expect(await revokeCalendarFeed(app, actors.learner, cohortId)).toEqual({ revoked: false });
      expect((await getCalendarFeedStatus(app, actors.learner, cohortId)).active).toBe(false);
    });

    it('stops serving when the learner withdraws, and refuses malformed tokens', async () => {
      const { app, cohortId, actors, users } = await setUpLearning(ctx);
      const { token } = await createCalendarFeed(app, actors.learner, cohortId);
      await ctx.db
        .updateTable('enrolments')
        .set({ status: 'withdrawn' })
        .where('user_id', '=', users.learner.id)
        .execute();
      await expect(calendarFeed(app, token)).rejects.toThrow(NotFoundError);
      await expect(calendarFeed(app, '../etc')).rejects.toThrow(NotFoundError);
      await expect(calendarFeed(app, 'f'.repeat(64))).rejects.toThrow(NotFoundError);
    });

    it.each(['tutor', 'manager', 'outsider', 'waitlisted'] as const)(
      'gives no feed to the %s',
      async (who) => {
        const { app, cohortId, actors } = await setUpLearning(ctx);
        await expect(createCalendarFeed(app, actors[who], cohortId)).rejects.toThrow(ForbiddenError);
      },
    );
  });
});
