import { contentError, type ContentError } from './content-error.ts';
import { countWords } from './content-files.ts';
import { lessonFrontMatterSchema } from './content.schema.ts';
import type { Lesson } from './course.types.ts';
import { splitFrontMatter } from './front-matter.ts';
import { parseAndValidate } from './yaml-source.ts';

/**
 * Parses one lesson file (front matter + Markdown). Problems are appended to `errors` and null is returned;
 * `bodyLine` is the file line where the Markdown starts, for locating references.
 */
export function loadLesson(
  file: string,
  moduleId: string,
  id: string,
  text: string,
  errors: ContentError[],
): { lesson: Lesson; bodyLine: number } | null {
  const split = splitFrontMatter(text);
  if (!split) {
    const message = 'missing front matter (a first line `---`, then title and hours, then `---`)';
    errors.push(contentError(file, 1, 'content.missing-field', message));
    return null;
  }
  const front = parseAndValidate(lessonFrontMatterSchema, split.yaml, file, 1);
  if (!front.ok) {
    errors.push(...front.errors);
    return null;
  }
  const { title, hours } = front.value;
  const lesson: Lesson = {
    id,
    moduleId,
    title,
    hours,
    markdown: split.body,
    wordCount: countWords(split.body),
  };
  return { lesson, bodyLine: split.bodyLine };
}
