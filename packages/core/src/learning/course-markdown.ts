import type { CourseModule, Lesson } from '../content/course.types.ts';
import { glossaryInLanguage } from '../content/glossary.present.ts';
import { renderMarkdown } from '../content/markdown.render.ts';
import type { Locale } from '../errors/error-messages.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import type { CohortCourse } from './learning-context.ts';
import { learningPaths } from '../content/learning-paths.ts';

/** Renders course Markdown for a cohort's pages: glossary terms in `locale` linked to the glossary page. */
export function renderForCohort(
  ctx: CohortCourse,
  markdown: string,
  moduleId: string,
  locale: Locale,
  idPrefix = 'gl',
): string {
  const paths = learningPaths(ctx.cohort.id);
  return renderMarkdown(markdown, {
    glossary: glossaryInLanguage(ctx.course.glossary, locale),
    linkLesson: paths.lesson,
    linkTerm: paths.term,
    moduleId,
    idPrefix,
  });
}

/** A module of the context's course (NotFoundError `learning.module_not_found`). */
export function requireModule(ctx: CohortCourse, moduleId: string): CourseModule {
  const found = ctx.course.modules.find((m) => m.id === moduleId);
  if (!found) throw new NotFoundError('learning.module_not_found');
  return found;
}

/** A lesson of a module (NotFoundError `learning.lesson_not_found`). */
export function requireLesson(module: CourseModule, lessonId: string): Lesson {
  const found = module.lessons.find((l) => l.id === lessonId);
  if (!found) throw new NotFoundError('learning.lesson_not_found');
  return found;
}

/** A module's title in a locale (French when the module has one). */
export function moduleTitle(module: CourseModule, locale: Locale): string {
  return (locale === 'fr' && module.fr?.title) || module.title;
}
