import {
  deleteCalendarFeedToken,
  findCalendarFeedTokenOfEnrolment,
  findEnrolmentByFeedToken,
  findUserById,
  listAssignmentDefinitions,
  listQuizzesOfCohort,
  replaceCalendarFeedToken,
} from '@labmig/db';
import { storedAssignmentDefinitionSchema } from '../assignments/definition/assignment.stored.ts';
import { submissionWindow } from '../assignments/submission/submission-window.rules.ts';
import { parseStoredJson } from '../shared/stored-json.ts';
import { zonedDateTimeOf } from '../shared/time-zone.rules.ts';
import { actorOf } from '../accounts/user.present.ts';
import type { Actor } from '../access/actor.ts';
import { generateToken, hashToken } from '../accounts/token.ts';
import type { App } from '../app/app.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import { writeCalendar, type CalendarEvent } from './icalendar.ts';
import { DEFAULT_SCHEDULE_OPTIONS, loadCohortCourse, ownEnrolmentId } from './learning-context.ts';
import { learningPaths } from '../content/learning-paths.ts';

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

/** A deadline event: `minutes` long, ending at `end`. */
function deadlineEvent(uid: string, end: Date, summary: string, description: string): CalendarEvent {
  return {
    uid,
    start: new Date(end.getTime() - DEADLINE_EVENT_MINUTES * 60_000),
    end,
    summary,
    description,
  };
}

/**
 * The iCalendar (RFC 5545) text of a feed token: one event per week deadline, per weekly assessment that closes
 * (ending at its last minute, 23:59 local time the day before it closes at midnight) and per assignment (ending
 * at its due time, with the late cut-off in the description), in UTC. NotFoundError `learning.feed_not_found` for
 * a malformed, unknown or revoked token, or when the learner's place is no longer active. Serve as
 * `text/calendar; charset=utf-8`.
 */
export async function calendarFeed(app: App, token: string): Promise<string> {
  const found = TOKEN.test(token) ? await findEnrolmentByFeedToken(app.db, hashToken(token)) : undefined;
  const user = found && found.status === 'active' ? await findUserById(app.db, found.user_id) : undefined;
  if (!found || !user) throw new NotFoundError('learning.feed_not_found');
  const now = app.clock.now();
  const ctx = await loadCohortCourse(app.db, actorOf(user), found.cohort_id, 'learning.calendar', now);
  const zone = ctx.cohort.time_zone;
  const local = (at: Date): string => zonedDateTimeOf(at, zone).replace('T', ' ').slice(0, 16);
  const weeks = ctx.schedule.weeks.map((w) =>
    deadlineEvent(
      `week-${w.number}-due-${ctx.cohort.id}@labmig`,
      new Date(w.dueAt),
      `Week ${w.number} due: ${w.title}`,
      [
        `Due ${w.dueOn} ${DEFAULT_SCHEDULE_OPTIONS.dueTime} (${zone}).`,
        ...w.modules.map((m) => `Module ${m.number}: ${m.title}`),
      ].join('\n'),
    ),
  );
  const assessments = (await listQuizzesOfCohort(app.db, ctx.cohort.id)).flatMap((q) => {
    if (q.closes_at === null) return [];
    // It closes at the start of a local day: the last minute to submit is 23:59 the day before.
    const last = new Date(Date.parse(q.closes_at) - 60_000);
    return [
      deadlineEvent(
        `assessment-${q.quiz_key}-closes-${ctx.cohort.id}@labmig`,
        last,
        `Assessment closes: ${q.title}`,
        `Open until ${local(last)} (${zone}); submit your attempt before then.`,
      ),
    ];
  });
  const assignments = (await listAssignmentDefinitions(app.db, ctx.cohort.course_id)).map((row) => {
    const a = parseStoredJson(
      storedAssignmentDefinitionSchema,
      row.definition,
      `assignment definition ${row.id}`,
    );
    const window = submissionWindow({ startsOn: ctx.cohort.starts_on, timeZone: zone }, a.dates);
    const late =
      a.dates.lateDays === 0
        ? 'No late work is accepted.'
        : `Late work is accepted until ${local(window.cutOffAt)} (${zone}).`;
    return deadlineEvent(
      `assignment-${a.id}-due-${ctx.cohort.id}@labmig`,
      window.dueAt,
      `Assignment due: ${a.title}`,
      `Due ${local(window.dueAt)} (${zone}). ${late}`,
    );
  });
  return writeCalendar({
    prodId: '-//labmig//learning deadlines//EN',
    name: `${ctx.course.title} — ${ctx.cohort.title}`,
    stamp: now,
    events: [...weeks, ...assessments, ...assignments].sort((a, b) => a.end.getTime() - b.end.getTime()),
  });
}
