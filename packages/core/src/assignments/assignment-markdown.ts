import { glossaryInLanguage } from '../content/glossary.present.ts';
import { renderMarkdown } from '../content/markdown.render.ts';
import type { Locale } from '../errors/error-messages.ts';
import { learningPaths } from '../content/learning-paths.ts';
import type { AssignmentsContext } from './assignment-context.ts';

/**
 * Renders course Markdown of an assignment (instructions, tutor notes) for a cohort's pages: glossary terms in
 * `locale`, links to the cohort's lessons and glossary. Sanitised like every lesson.
 */
export function renderAssignmentMarkdown(
  ctx: Pick<AssignmentsContext, 'course' | 'cohort'>,
  markdown: string,
  locale: Locale,
  idPrefix = 'as',
): string {
  const paths = learningPaths(ctx.cohort.id);
  return renderMarkdown(markdown, {
    glossary: glossaryInLanguage(ctx.course.glossary, locale),
    linkLesson: paths.lesson,
    linkTerm: paths.term,
    idPrefix,
  });
}

/**
 * Renders what a person wrote (a learner's text, a tutor's feedback) as Markdown: sanitised, raw HTML shown as
 * text, no glossary links.
 */
export function renderWrittenMarkdown(markdown: string): string {
  return renderMarkdown(markdown);
}
