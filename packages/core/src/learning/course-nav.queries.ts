import type { Actor } from '../access/actor.ts';
import { can } from '../access/can.ts';
import type { App } from '../app/app.ts';
import { courseTitleIn } from '../content/course-language.ts';
import { learningPaths } from '../content/learning-paths.ts';
import type { Locale } from '../errors/error-messages.ts';
import { asLearnerAtWeek, loadDone } from './course-home.queries.ts';
import { loadCohortCourse } from './learning-context.ts';
import { lessonKey } from './progress.rules.ts';

/** A lesson in the course navigation: `done` only ever true for a learner who marked it. */
export interface CourseNavLessonDto {
  readonly id: string;
  readonly title: string;
  readonly href: string;
  readonly done: boolean;
}

/** A module in the course navigation, with its lessons and its expert presentation. */
export interface CourseNavModuleDto {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly href: string;
  readonly slidesHref: string;
  readonly lessons: readonly CourseNavLessonDto[];
}

/** A week in the course navigation. `readable` is false while it is an outline for this viewer. */
export interface CourseNavWeekDto {
  readonly number: number;
  readonly title: string;
  readonly opensOn: string;
  readonly readable: boolean;
  readonly modules: readonly CourseNavModuleDto[];
}

/** The course's contents for the navigation beside every learning page of a cohort. */
export interface CourseNavDto {
  readonly cohortId: string;
  readonly courseTitle: string;
  /** True for active learners: lessons carry their done state. */
  readonly tracksProgress: boolean;
  readonly weeks: readonly CourseNavWeekDto[];
  readonly links: {
    readonly home: string;
    readonly calendar: string;
    readonly glossary: string;
    /** The learner's weekly assessments (active learners only, as on the course home). */
    readonly assessments: string | null;
  };
}

/**
 * The weeks → modules → lessons of a cohort's course in `locale` (French week and module titles when the course
 * gives them; lessons stay in English), with the viewer's done lessons. Same access as the course home: active
 * members and site admins (ForbiddenError otherwise; UnauthenticatedError, NotFoundError `cohort.not_found`).
 * With `preview` (a week's number), the contents as a learner sees them when that week opens, for the manager's
 * preview of the course home: managers and site admins only, as `previewWeek`.
 */
export async function getCourseNav(
  app: App,
  actor: Actor,
  cohortId: string,
  locale: Locale,
  preview: number | null = null,
): Promise<CourseNavDto> {
  const ctx =
    preview === null
      ? await loadCohortCourse(app.db, actor, cohortId, 'learning.view', app.clock.now())
      : asLearnerAtWeek(
          await loadCohortCourse(app.db, actor, cohortId, 'learning.preview', app.clock.now()),
          preview,
        );
  const done = await loadDone(app, ctx);
  const paths = learningPaths(ctx.cohort.id);
  return {
    cohortId: ctx.cohort.id,
    courseTitle: courseTitleIn(ctx.course, locale),
    tracksProgress: ctx.tracksProgress,
    weeks: ctx.schedule.weeks.map((w) => ({
      number: w.number,
      title: (locale === 'fr' && w.titleFr) || w.title,
      opensOn: w.opensOn,
      readable: w.state === 'open' || ctx.isStaff,
      modules: w.modules.map((m) => ({
        id: m.id,
        number: m.number,
        title: (locale === 'fr' && m.titleFr) || m.title,
        href: paths.module(m.id),
        slidesHref: paths.slides(m.id),
        lessons: m.lessons.map((l) => ({
          id: l.id,
          title: l.title,
          href: paths.lesson(m.id, l.id),
          done: done.has(lessonKey(m.id, l.id)),
        })),
      })),
    })),
    links: {
      home: paths.home,
      calendar: paths.calendar,
      glossary: paths.glossary,
      assessments: can(actor, 'attempt.start', ctx.access) ? paths.assessments : null,
    },
  };
}
