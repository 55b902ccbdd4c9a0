import type { Locale } from '../errors/error-messages.ts';
import { courseTitleIn } from '../content/course-language.ts';
import { upcomingDeadlines, type AssessmentWindow, type DeadlineDto } from './deadlines.rules.ts';
import type { CohortCourse, ViewerRole } from './learning-context.ts';
import { learningPaths } from '../content/learning-paths.ts';
import { courseLessons, courseProgress, lessonKey, nextLesson, type Progress } from './progress.rules.ts';
import type { ItemState, ScheduledWeek } from './schedule.rules.ts';

export type { DeadlineDto } from './deadlines.rules.ts';

/** A lesson in a list, with its link and (for learners) whether it is done. */
export interface LessonSummaryDto {
  readonly id: string;
  readonly title: string;
  readonly hours: number;
  readonly href: string;
  readonly done: boolean;
}

/** A module in a week list. `progress` is null for viewers who do not track progress. */
export interface WeekModuleDto {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly hours: number;
  readonly state: ItemState;
  readonly href: string;
  readonly lessons: readonly LessonSummaryDto[];
  readonly progress: Progress | null;
}

/** A week of the cohort: dates in the cohort's time zone (`…On`) and as UTC instants (`…At`). */
export interface WeekDto {
  readonly number: number;
  readonly title: string;
  readonly opensOn: string;
  readonly opensAt: string;
  readonly dueOn: string;
  readonly dueAt: string;
  readonly state: ItemState;
  readonly offlinePackHref: string | null;
  readonly modules: readonly WeekModuleDto[];
}

/** The course home (and calendar) page of a cohort. */
export interface CourseHomeDto {
  readonly cohort: {
    readonly id: string;
    readonly title: string;
    readonly timeZone: string;
    readonly startsOn: string;
    readonly endsOn: string;
  };
  readonly course: { readonly slug: string; readonly title: string; readonly learningHours: number };
  readonly viewer: {
    readonly role: ViewerRole;
    readonly tracksProgress: boolean;
    readonly canPreview: boolean;
    readonly canSeeGrid: boolean;
  };
  /** Set when a manager previews the course as a learner of this week. */
  readonly preview: { readonly week: number } | null;
  readonly now: string;
  /** Latest open week, null before the course starts (then show `weeks[0].opensOn`). */
  readonly currentWeek: number | null;
  readonly thisWeek: WeekDto | null;
  /** The first lesson not done in an open week (for staff: the first lesson of this week). */
  readonly next: {
    readonly moduleId: string;
    readonly lessonId: string;
    readonly title: string;
    readonly href: string;
  } | null;
  /** Deadlines not yet past (week ends and assessment closes), soonest first. */
  readonly deadlines: readonly DeadlineDto[];
  readonly progress: Progress | null;
  readonly weeks: readonly WeekDto[];
  readonly links: {
    readonly glossary: string;
    readonly calendar: string;
    readonly progressGrid: string | null;
    /** The learner's weekly assessments and grades (active learners only). */
    readonly assessments: string | null;
    /** The cohort gradebook and the grading queue (tutors, managers, admins). */
    readonly gradebook: string | null;
    readonly grading: string | null;
  };
}

/** What the course home shows beyond the learning context: preview, rights and the assessment windows. */
export interface CourseHomeExtras {
  readonly preview: number | null;
  readonly canPreview: boolean;
  readonly canSeeGrid: boolean;
  readonly canTakeAssessments: boolean;
  readonly canSeeGradebook: boolean;
  readonly canGrade: boolean;
  readonly assessments: readonly AssessmentWindow[];
}

/** Builds the course home DTO from a loaded context and the learner's done lessons. */
export function presentCourseHome(
  ctx: CohortCourse,
  done: ReadonlySet<string>,
  locale: Locale,
  extra: CourseHomeExtras,
): CourseHomeDto {
  const paths = learningPaths(ctx.cohort.id);
  const tracks = ctx.tracksProgress && extra.preview === null;
  const progress = courseProgress(ctx.course, done);
  const weeks = ctx.schedule.weeks.map((w) =>
    presentWeek(ctx, w, done, locale, tracks ? progress.modules : null),
  );
  const openWeeks = new Set(ctx.schedule.weeks.filter((w) => w.state === 'open').map((w) => w.number));
  const lessons = courseLessons(ctx.course);
  const next = tracks
    ? nextLesson(lessons, done, openWeeks)
    : (lessons.find((l) => l.week === ctx.schedule.currentWeek) ?? null);
  return {
    cohort: {
      id: ctx.cohort.id,
      title: ctx.cohort.title,
      timeZone: ctx.cohort.time_zone,
      startsOn: ctx.cohort.starts_on,
      endsOn: ctx.cohort.ends_on,
    },
    course: {
      slug: ctx.courseSlug,
      title: courseTitleIn(ctx.course, locale),
      learningHours: ctx.course.learningHours,
    },
    viewer: {
      role: ctx.viewer,
      tracksProgress: tracks,
      canPreview: extra.canPreview,
      canSeeGrid: extra.canSeeGrid,
    },
    preview: extra.preview === null ? null : { week: extra.preview },
    now: ctx.now.toISOString(),
    currentWeek: ctx.schedule.currentWeek,
    thisWeek: weeks.find((w) => w.number === ctx.schedule.currentWeek) ?? null,
    next: next && {
      moduleId: next.moduleId,
      lessonId: next.lessonId,
      title: next.title,
      href: paths.lesson(next.moduleId, next.lessonId),
    },
    deadlines: upcomingDeadlines(
      weeks.map((w) => ({ number: w.number, title: w.title, dueOn: w.dueOn, dueAt: w.dueAt })),
      extra.assessments,
      ctx.cohort.time_zone,
      ctx.now,
      (quizId) => (extra.canTakeAssessments ? paths.assessment(quizId) : null),
    ),
    progress: tracks ? progress.course : null,
    weeks,
    links: {
      glossary: paths.glossary,
      calendar: paths.calendar,
      progressGrid: extra.canSeeGrid ? paths.progressGrid : null,
      assessments: extra.canTakeAssessments ? paths.assessments : null,
      gradebook: extra.canSeeGradebook ? paths.gradebook : null,
      grading: extra.canGrade ? paths.grading : null,
    },
  };
}

function presentWeek(
  ctx: CohortCourse,
  w: ScheduledWeek,
  done: ReadonlySet<string>,
  locale: Locale,
  progress: ReadonlyMap<string, Progress> | null,
): WeekDto {
  const paths = learningPaths(ctx.cohort.id);
  return {
    number: w.number,
    title: (locale === 'fr' && w.titleFr) || w.title,
    opensOn: w.opensOn,
    opensAt: w.opensAt,
    dueOn: w.dueOn,
    dueAt: w.dueAt,
    state: w.state,
    offlinePackHref: w.state === 'open' ? paths.offlinePack(w.number) : null,
    modules: w.modules.map((m) => ({
      id: m.id,
      number: m.number,
      title: (locale === 'fr' && m.titleFr) || m.title,
      hours: m.hours,
      state: m.state,
      href: paths.module(m.id),
      lessons: m.lessons.map((l) => ({
        id: l.id,
        title: l.title,
        hours: l.hours,
        href: paths.lesson(m.id, l.id),
        done: progress !== null && done.has(lessonKey(m.id, l.id)),
      })),
      progress: progress?.get(m.id) ?? null,
    })),
  };
}
