import {
  claimReminderDelivery,
  findCourseById,
  listQuizzesClosingBetween,
  listReminderRecipients,
  listRemindableLearners,
  listRunningCohorts,
  listUsersWhoSubmitted,
  newId,
  type CohortRow,
  type CourseRow,
} from '@labmig/db';
import { mailSecretOf, signUnsubscribe } from '../accounts/mail-secret.ts';
import { toLocale } from '../accounts/user.present.ts';
import type { App } from '../app/app.ts';
import { courseDefinitionOf } from '../content/course.stored.ts';
import { scheduleOf } from '../learning/learning-context.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { enqueueMail } from '../jobs/mail-send.job.ts';
import { siteLink } from '../mail/outgoing.ts';
import { addCalendarDays } from '../shared/time-zone.rules.ts';
import { assessmentClosingMail, weekOpeningMail, type ReminderMailInput } from './reminder-mail-templates.ts';
import { closingWindow, reminderKey, weeksOpenedRecently } from './reminders.rules.ts';

/** A learner a reminder may go to. */
type Learner = Awaited<ReturnType<typeof listRemindableLearners>>[number];

/**
 * Sends one reminder event (`kind`, `eventKey`) to the learners who have not had it: each delivery is claimed first
 * (a unique row per kind, event and person), so however many processes run this at once, a person gets it once.
 * Returns how many were sent.
 */
async function remind(
  app: App,
  kind: string,
  eventKey: string,
  learners: readonly Learner[],
  mail: (learner: Learner, unsubscribeLink: string) => MailMessage,
): Promise<number> {
  const done = await listReminderRecipients(app.db, kind, eventKey);
  let sent = 0;
  for (const learner of learners) {
    if (done.has(learner.id)) continue;
    const token = signUnsubscribe(await mailSecretOf(app.db, learner), learner.id, 'reminders');
    const unsubscribe = siteLink(
      app,
      toLocale(learner.locale),
      `/unsubscribe?user=${learner.id}&token=${token}`,
    );
    // The claim and the queued mail commit together: a person gets the mail once, and surely.
    const claimed = await app.db.transaction().execute(async (trx) => {
      const won = await claimReminderDelivery(trx, {
        id: newId(),
        kind,
        event_key: eventKey,
        user_id: learner.id,
        created_at: app.clock.now().toISOString(),
      });
      if (won) await enqueueMail(app, mail(learner, unsubscribe), { trx });
      return won;
    });
    if (!claimed) continue;
    sent++;
  }
  return sent;
}

const mailInput = (app: App, learner: Learner, cohort: Pick<CohortRow, 'id' | 'title'>, path: string) => {
  const locale = toLocale(learner.locale);
  return {
    to: learner.email,
    name: learner.name,
    locale,
    cohortTitle: cohort.title,
    link: siteLink(app, locale, `/cohorts/${cohort.id}${path}`),
  } satisfies Omit<ReminderMailInput, 'unsubscribeLink'>;
};

/** Week-opening reminders of every running cohort, for the weeks that opened in the last day. */
async function remindWeekOpenings(app: App, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const cohorts = await listRunningCohorts(app.db, addCalendarDays(today, -1), addCalendarDays(today, 1));
  const courses = new Map<string, CourseRow | undefined>();
  let sent = 0;
  for (const cohort of cohorts) {
    if (!courses.has(cohort.course_id))
      courses.set(cohort.course_id, await findCourseById(app.db, cohort.course_id));
    const course = courses.get(cohort.course_id);
    if (!course) continue;
    const weeks = weeksOpenedRecently(scheduleOf(cohort, courseDefinitionOf(course), now), now);
    if (weeks.length === 0) continue;
    const learners = await listRemindableLearners(app.db, cohort.id);
    for (const week of weeks)
      sent += await remind(
        app,
        'week-opening',
        reminderKey.weekOpening(cohort.id, week.number),
        learners,
        (l, unsubscribeLink) =>
          weekOpeningMail({
            ...mailInput(app, l, cohort, '/learn'),
            unsubscribeLink,
            week: week.number,
            title: toLocale(l.locale) === 'fr' && week.titleFr ? week.titleFr : week.title,
          }),
      );
  }
  return sent;
}

/** How a closing time reads in a mail: the date and time in the cohort's zone, with the zone named. */
function closingTime(iso: string, timeZone: string, locale: 'en' | 'fr'): string {
  const text = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}

/** Reminders for assessments that close within a day, to learners who have not handed them in. */
async function remindClosingAssessments(app: App, now: Date): Promise<number> {
  const window = closingWindow(now);
  let sent = 0;
  for (const quiz of await listQuizzesClosingBetween(app.db, window.after, window.until)) {
    const submitted = new Set(await listUsersWhoSubmitted(app.db, quiz.id));
    const learners = (await listRemindableLearners(app.db, quiz.cohort_id)).filter(
      (l) => !submitted.has(l.id),
    );
    const cohort = { id: quiz.cohort_id, title: quiz.cohort_title };
    sent += await remind(
      app,
      'assessment-closing',
      reminderKey.assessmentClosing(quiz.id),
      learners,
      (l, unsubscribeLink) =>
        assessmentClosingMail({
          ...mailInput(app, l, cohort, '/assessments'),
          unsubscribeLink,
          title: quiz.title,
          closes: closingTime(quiz.closes_at!, quiz.time_zone, toLocale(l.locale)),
        }),
    );
  }
  return sent;
}

/**
 * Sends the course reminders that are due: "week N is open" (weeks opened in the last day) and "the assessment
 * closes within 24 hours" (to learners who have not handed it in), each to active learners who take reminders, once
 * per person and event even when several processes run it at the same moment. Returns how many mails it sent.
 */
export async function sendDueReminders(
  app: App,
): Promise<{ weekOpenings: number; closingAssessments: number }> {
  const now = app.clock.now();
  const weekOpenings = await remindWeekOpenings(app, now);
  const closingAssessments = await remindClosingAssessments(app, now);
  return { weekOpenings, closingAssessments };
}
