import { m } from '$lib/paraglide/messages';
import type { Locale } from '../locale.ts';
import type { CohortAdminDto } from '@labmig/core/course-admin';

/** The form values of a cohort's settings as stored (what the settings form shows before any change). */
export function cohortFormValues(cohort: CohortAdminDto['cohort']): Record<string, string> {
  return {
    title: cohort.title,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    timeZone: cohort.timeZone,
    language: cohort.language,
    capacity: cohort.capacity === null ? '' : String(cohort.capacity),
    enrolOpensAt: cohort.enrolOpensLocal,
    enrolClosesAt: cohort.enrolClosesLocal,
    waitlistEnabled: cohort.waitlistEnabled ? 'on' : '',
    approvalRequired: cohort.approvalRequired ? 'on' : '',
    requireConfirmedEmail: cohort.requireConfirmedEmail ? 'on' : '',
  };
}

/** The values of a new cohort's form: a 6-week cohort starting in four weeks, waiting list and confirmed address on. */
export function newCohortValues(today: Date, courseSlug: string): Record<string, string> {
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    courseSlug,
    title: '',
    startsOn: day(28),
    endsOn: day(28 + 41),
    timeZone: 'UTC',
    language: 'en',
    capacity: '',
    enrolOpensAt: '',
    enrolClosesAt: '',
    waitlistEnabled: 'on',
    approvalRequired: '',
    requireConfirmedEmail: 'on',
  };
}

/** The settings form as core's schema reads it (checkboxes absent when unticked). */
export function cohortSettingsShape(form: FormData): Record<string, unknown> {
  const text = (name: string) => String(form.get(name) ?? '');
  return {
    title: text('title'),
    startsOn: text('startsOn'),
    endsOn: text('endsOn'),
    timeZone: text('timeZone'),
    language: text('language'),
    capacity: text('capacity'),
    enrolOpensAt: text('enrolOpensAt'),
    enrolClosesAt: text('enrolClosesAt'),
    waitlistEnabled: text('waitlistEnabled'),
    approvalRequired: text('approvalRequired'),
    requireConfirmedEmail: text('requireConfirmedEmail'),
    ...(form.has('courseSlug') ? { courseSlug: text('courseSlug') } : {}),
  };
}

/** What each cohort field wants, said in the user's language when a filled-in value is refused. */
export function cohortFieldHints(locale: Locale): Record<string, () => string> {
  const say = (message: (input: object, options: { locale: Locale }) => string) => () =>
    message({}, { locale });
  return {
    capacity: say(m.admin_error_capacity),
    startsOn: say(m.admin_error_date),
    endsOn: say(m.admin_error_ends_on),
    enrolOpensAt: say(m.admin_error_datetime),
    enrolClosesAt: say(m.admin_error_enrol_closes),
    timeZone: say(m.admin_error_time_zone),
  };
}
