import type { Actor } from '../access/actor.ts';
import type { App } from '../app/app.ts';
import type { Locale } from '../errors/error-messages.ts';
import { loadDone } from './course-home.queries.ts';
import { moduleTitle, renderForCohort, requireLesson, requireModule } from './course-markdown.ts';
import { loadCohortCourse } from './learning-context.ts';
import { learningPaths } from '../content/learning-paths.ts';
import {
  courseLessons,
  courseProgress,
  lessonKey,
  neighbours,
  type LessonRef,
  type Progress,
} from './progress.rules.ts';
import { weekOfModule } from './schedule.rules.ts';

/** A link to a neighbouring lesson. */
export interface LessonLinkDto {
  readonly moduleId: string;
  readonly lessonId: string;
  readonly title: string;
  readonly href: string;
}

interface LessonPageBase {
  readonly cohortId: string;
  readonly module: {
    readonly id: string;
    readonly number: number;
    readonly title: string;
    readonly href: string;
  };
  readonly lesson: {
    readonly id: string;
    readonly title: string;
    readonly hours: number;
    readonly position: number;
    readonly count: number;
  };
}

/**
 * A lesson page: `open` with the rendered lesson (safe HTML, glossary terms linked with hover/focus definitions),
 * previous/next across the course order, the learner's done state; or `outline` ("opens on …") before its week opens.
 */
export type LessonPageDto =
  | (LessonPageBase & {
      readonly state: 'open';
      readonly html: string;
      readonly done: boolean;
      /** True for active learners: show the "mark as done" form (posts to markLessonDone). */
      readonly canMarkDone: boolean;
      readonly previous: LessonLinkDto | null;
      readonly next: LessonLinkDto | null;
      readonly moduleProgress: Progress | null;
      readonly links: { readonly home: string; readonly glossary: string; readonly slides: string };
    })
  | (LessonPageBase & { readonly state: 'outline'; readonly opensOn: string; readonly opensAt: string });

/**
 * The lesson page of a cohort. Active members and site admins (ForbiddenError otherwise); NotFoundError
 * `learning.module_not_found` / `learning.lesson_not_found`. Staff read lessons of weeks not yet open.
 */
export async function getLessonPage(
  app: App,
  actor: Actor,
  cohortId: string,
  moduleId: string,
  lessonId: string,
  locale: Locale,
): Promise<LessonPageDto> {
  const ctx = await loadCohortCourse(app.db, actor, cohortId, 'learning.view', app.clock.now());
  const m = requireModule(ctx, moduleId);
  const lesson = requireLesson(m, lessonId);
  const week = weekOfModule(ctx.schedule, m.id)!;
  const paths = learningPaths(ctx.cohort.id);
  const base: LessonPageBase = {
    cohortId: ctx.cohort.id,
    module: { id: m.id, number: m.number, title: moduleTitle(m, locale), href: paths.module(m.id) },
    lesson: {
      id: lesson.id,
      title: lesson.title,
      hours: lesson.hours,
      position: m.lessons.indexOf(lesson) + 1,
      count: m.lessons.length,
    },
  };
  if (week.state !== 'open' && !ctx.isStaff)
    return { ...base, state: 'outline', opensOn: week.opensOn, opensAt: week.opensAt };
  const done = await loadDone(app, ctx);
  const { previous, next } = neighbours(courseLessons(ctx.course), m.id, lesson.id);
  const link = (l: LessonRef | null): LessonLinkDto | null =>
    l && {
      moduleId: l.moduleId,
      lessonId: l.lessonId,
      title: l.title,
      href: paths.lesson(l.moduleId, l.lessonId),
    };
  return {
    ...base,
    state: 'open',
    html: renderForCohort(ctx, lesson.markdown, m.id, locale),
    done: done.has(lessonKey(m.id, lesson.id)),
    canMarkDone: ctx.tracksProgress && week.state === 'open',
    previous: link(previous),
    next: link(next),
    moduleProgress: ctx.tracksProgress ? (courseProgress(ctx.course, done).modules.get(m.id) ?? null) : null,
    links: { home: paths.home, glossary: paths.glossary, slides: paths.slides(m.id) },
  };
}
