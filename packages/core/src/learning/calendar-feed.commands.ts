import {
  deleteCalendarFeedToken,
  findCalendarFeedTokenOfEnrolment,
  findEnrolmentByFeedToken,
  findUserById,
  replaceCalendarFeedToken,
} from '@labmig/db';
import { actorOf } from '../accounts/user.present.ts';
import type { Actor } from '../access/actor.ts';
import { generateToken, hashToken } from '../accounts/token.ts';
import type { App } from '../app/app.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import { writeCalendar } from './icalendar.ts';
import { DEFAULT_SCHEDULE_OPTIONS, loadCohortCourse, ownEnrolmentId } from './learning-context.ts';
import { learningPaths } from './learning-paths.ts';

/** Minutes a deadline event lasts, ending at the due time (calendars need DTEND after DTSTART). */
const DEADLINE_EVENT_MINUTES = 15;
const TOKEN = /^[0-9a-f]{64}$/;

/** Whether the learner has a feed, and since when (the token itself is only shown when created). */
export interface CalendarFeedStatusDto {
  readonly active: boolean;
  readonly createdAt: string | null;
}

/**
 * Creates (or regenerates, invalidating the old URL) the private calendar feed of the acting learner in a cohort.
 * Returns the token and the feed path; only the token's sha256 is stored. Active learners only (ForbiddenError
 * `learning.not_a_learner` / `learning.enrolment_inactive`).
 */
export async function createCalendarFeed(
  app: App,
  actor: Actor,
  cohortId: string,
): Promise<{ readonly token: string; readonly path: string }> {
  const now = app.clock.now();
  return app.db.transaction().execute(async (trx) => {
    const ctx = await loadCohortCourse(trx, actor, cohortId, 'learning.calendar', now);
    const token = generateToken();
    await replaceCalendarFeedToken(trx, {
      id: hashToken(token),
      enrolment_id: ownEnrolmentId(ctx),
      created_at: now.toISOString(),
    });
    return { token, path: learningPaths(cohortId).calendarFeed(token) };
  });
}

/** Revokes the acting learner's feed; `revoked` is false when there was none. Same access as creating one. */
export async function revokeCalendarFeed(
  app: App,
  actor: Actor,
  cohortId: string,
): Promise<{ readonly revoked: boolean }> {
  const ctx = await loadCohortCourse(app.db, actor, cohortId, 'learning.calendar', app.clock.now());
  return { revoked: await deleteCalendarFeedToken(app.db, ownEnrolmentId(ctx)) };
}

/** Whether the acting learner has a feed (for the calendar page). Same access as creating one. */
export async function getCalendarFeedStatus(
  app: App,
  actor: Actor,
  cohortId: string,
): Promise<CalendarFeedStatusDto> {
  const ctx = await loadCohortCourse(app.db, actor, cohortId, 'learning.calendar', app.clock.now());
  const row = await findCalendarFeedTokenOfEnrolment(app.db, ownEnrolmentId(ctx));
  return { active: row !== undefined, createdAt: row?.created_at ?? null };
}

/**
 * The iCalendar (RFC 5545) text of a feed token: one event per week deadline, in UTC, ending at the due time.
 * NotFoundError `learning.feed_not_found` for a malformed, unknown or revoked token, or when the learner's place
 * is no longer active. Serve as `text/calendar; charset=utf-8`.
 */
export async function calendarFeed(app: App, token: string): Promise<string> {
  const found = TOKEN.test(token) ? await findEnrolmentByFeedToken(app.db, hashToken(token)) : undefined;
  const user = found && found.status === 'active' ? await findUserById(app.db, found.user_id) : undefined;
  if (!found || !user) throw new NotFoundError('learning.feed_not_found');
  const now = app.clock.now();
  const ctx = await loadCohortCourse(app.db, actorOf(user), found.cohort_id, 'learning.calendar', now);
  return writeCalendar({
    prodId: '-//labmig//learning deadlines//EN',
    name: `${ctx.course.title} — ${ctx.cohort.title}`,
    stamp: now,
    events: ctx.schedule.weeks.map((w) => {
      const end = new Date(w.dueAt);
      return {
        uid: `week-${w.number}-due-${ctx.cohort.id}@labmig`,
        start: new Date(end.getTime() - DEADLINE_EVENT_MINUTES * 60_000),
        end,
        summary: `Week ${w.number} due: ${w.title}`,
        description: [
          `Due ${w.dueOn} ${DEFAULT_SCHEDULE_OPTIONS.dueTime} (${ctx.cohort.time_zone}).`,
          ...w.modules.map((m) => `Module ${m.number}: ${m.title}`),
        ].join('\n'),
      };
    }),
  });
}
