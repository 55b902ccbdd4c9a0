import { contentError, type ContentError } from './content-error.ts';
import type { ContentReader } from './content-reader.ts';
import { slidesFrontMatterSchema } from './content.schema.ts';
import type { Presentation } from './course.types.ts';
import { splitFrontMatter } from './front-matter.ts';
import { parseSlideBody } from './slides.parse.ts';
import { parseAndValidate } from './yaml-source.ts';

/** The `presentation:` entry of module.yaml, with the line of its `file` key. */
export interface PresentationSpec {
  readonly file: string;
  readonly hours: number;
  readonly video?: string | null;
  readonly fileLine: number;
}

/**
 * Loads a module's slides file: front matter (title, presenter) and slides, each needing a heading. Problems are
 * appended to `errors`; `collect` receives the slides' Markdown with its first line, for reference checks.
 */
export async function loadPresentation(
  reader: ContentReader,
  dir: string,
  spec: PresentationSpec,
  moduleFile: string,
  errors: ContentError[],
  collect: (markdown: string, file: string, firstLine: number) => void,
): Promise<Presentation | null> {
  const rel = `${dir}/${spec.file}`;
  const text = await reader.read(rel);
  if (text === null) {
    errors.push(
      contentError(
        moduleFile,
        spec.fileLine,
        'content.file-missing',
        `presentation file ${spec.file} does not exist`,
      ),
    );
    return null;
  }
  const file = reader.display(rel);
  const split = splitFrontMatter(text);
  if (!split) {
    errors.push(
      contentError(file, 1, 'content.missing-field', 'missing front matter with the presentation `title`'),
    );
    return null;
  }
  const front = parseAndValidate(slidesFrontMatterSchema, split.yaml, file, 1);
  if (!front.ok) {
    errors.push(...front.errors);
    return null;
  }
  const slides = parseSlideBody(split.body, split.bodyLine);
  if (slides.length === 0)
    errors.push(
      contentError(file, split.bodyLine, 'content.slides-invalid', 'the presentation has no slides'),
    );
  for (const slide of slides) {
    if (!slide.title)
      errors.push(
        contentError(file, slide.line, 'content.slides-invalid', `slide ${slide.number} has no heading`),
      );
  }
  // Scanning the whole body keeps exact lines; the `---` separators are harmless rules to the Markdown parser.
  collect(split.body, file, split.bodyLine);
  const { title, presenter } = front.value;
  return {
    file: spec.file,
    title,
    presenter: presenter ?? null,
    hours: spec.hours,
    video: spec.video ?? null,
    slides,
  };
}
