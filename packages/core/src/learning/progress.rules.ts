import type { Course } from '../content/course.types.ts';

/** A lesson's place in the course order. */
export interface LessonRef {
  readonly moduleId: string;
  readonly lessonId: string;
  readonly title: string;
  readonly hours: number;
  readonly week: number;
  readonly moduleNumber: number;
  /** 1-based position of the lesson in its module. */
  readonly position: number;
}

/** Progress through a set of lessons. `fraction` is lessons done / lessons (0 when there are none). */
export interface Progress {
  readonly lessonsDone: number;
  readonly lessonsTotal: number;
  readonly fraction: number;
  readonly hoursDone: number;
  /** The hours the progress is measured against (the course's 60 learning hours, or a module's hours). */
  readonly hoursTotal: number;
}

/** Key of a lesson in progress sets: `moduleId/lessonId`. */
export function lessonKey(moduleId: string, lessonId: string): string {
  return `${moduleId}/${lessonId}`;
}

/** Every lesson of the course in reading order (modules in course order, then lessons in module order). */
export function courseLessons(course: Pick<Course, 'modules'>): LessonRef[] {
  return course.modules.flatMap((m) =>
    m.lessons.map((l, i) => ({
      moduleId: m.id,
      lessonId: l.id,
      title: l.title,
      hours: l.hours,
      week: m.week,
      moduleNumber: m.number,
      position: i + 1,
    })),
  );
}

/**
 * Progress over `lessons` given the set of done keys; hours done are the hours of the lessons done,
 * measured against `hoursTotal`. Keys of lessons that no longer exist are ignored.
 * @example progressOf([{ moduleId: 'm', lessonId: 'a', hours: 2 }], new Set(['m/a']), 60) // { lessonsDone: 1, lessonsTotal: 1, fraction: 1, hoursDone: 2, hoursTotal: 60 }
 */
export function progressOf(
  lessons: readonly Pick<LessonRef, 'moduleId' | 'lessonId' | 'hours'>[],
  done: ReadonlySet<string>,
  hoursTotal: number,
): Progress {
  const finished = lessons.filter((l) => done.has(lessonKey(l.moduleId, l.lessonId)));
  const hoursDone = finished.reduce((sum, l) => sum + l.hours, 0);
  return {
    lessonsDone: finished.length,
    lessonsTotal: lessons.length,
    fraction: lessons.length === 0 ? 0 : finished.length / lessons.length,
    // Lesson hours are quarters and halves; rounding to 2 decimals removes float noise (0.1 + 0.2).
    hoursDone: Math.round(hoursDone * 100) / 100,
    hoursTotal,
  };
}

/** Course progress (against `learningHours`) and each module's progress (against its hours). */
export function courseProgress(
  course: Pick<Course, 'modules' | 'learningHours'>,
  done: ReadonlySet<string>,
): { readonly course: Progress; readonly modules: ReadonlyMap<string, Progress> } {
  const all = courseLessons(course);
  const modules = new Map(
    course.modules.map((m) => [
      m.id,
      progressOf(
        all.filter((l) => l.moduleId === m.id),
        done,
        m.hours,
      ),
    ]),
  );
  return { course: progressOf(all, done, course.learningHours), modules };
}

/** The lessons before and after one lesson in course order (null at either end). */
export function neighbours(
  lessons: readonly LessonRef[],
  moduleId: string,
  lessonId: string,
): { readonly previous: LessonRef | null; readonly next: LessonRef | null } {
  const at = lessons.findIndex((l) => l.moduleId === moduleId && l.lessonId === lessonId);
  if (at < 0) return { previous: null, next: null };
  return { previous: lessons[at - 1] ?? null, next: lessons[at + 1] ?? null };
}

/** What to read next: the first lesson not done in an open week, in course order; null when none is left. */
export function nextLesson(
  lessons: readonly LessonRef[],
  done: ReadonlySet<string>,
  openWeeks: ReadonlySet<number>,
): LessonRef | null {
  return lessons.find((l) => openWeeks.has(l.week) && !done.has(lessonKey(l.moduleId, l.lessonId))) ?? null;
}
