import path from 'node:path';
import { contentError, type ContentError, type ContentErrorCode } from './content-error.ts';
import { isDirectory } from './content-files.ts';
import type { ContentReader } from './content-reader.ts';
import { moduleFileSchema } from './content.schema.ts';
import type { CourseModule, Lesson } from './course.types.ts';
import { loadGlossary } from './glossary.loader.ts';
import { loadLesson } from './lesson.loader.ts';
import { findMarkdownReferences } from './markdown.references.ts';
import { loadPresentation } from './presentation.loader.ts';
import { parseAndValidate } from './yaml-source.ts';

/** A reference found in a text, to be checked once the whole course is loaded. */
export interface ContentRef {
  readonly kind: 'term' | 'lesson';
  readonly target: string;
  readonly file: string;
  readonly line: number;
  readonly moduleId: string;
}

/** A loaded module with what the course-level checks need to point at lines. */
export interface LoadedModule {
  readonly module: CourseModule;
  readonly file: string;
  readonly weekLine: number;
  readonly hoursLine: number;
  readonly refs: ContentRef[];
  readonly glossaryFile: string;
  readonly glossaryLines: ReadonlyMap<string, number>;
}

/** Loads `modules/<id>/`; `where` is the course.yaml line listing it (for a missing folder). */
export async function loadModule(
  reader: ContentReader,
  id: string,
  where: { file: string; line: number },
): Promise<{ ok: true; loaded: LoadedModule } | { ok: false; errors: ContentError[] }> {
  const dir = `modules/${id}`;
  const fail = (code: ContentErrorCode, message: string) => ({
    ok: false as const,
    errors: [contentError(where.file, where.line, code, message)],
  });
  if (!(await isDirectory(path.join(reader.courseDir, dir))))
    return fail('content.module-missing', `module folder ${dir} does not exist`);
  const file = reader.display(`${dir}/module.yaml`);
  const text = await reader.read(`${dir}/module.yaml`);
  if (text === null) return fail('content.file-missing', `${dir}/module.yaml does not exist`);
  const result = parseAndValidate(moduleFileSchema, text, file);
  if (!result.ok) return result;
  const { value: spec, source: src } = result;
  const errors: ContentError[] = [];
  const refs: ContentRef[] = [];
  const collect = (markdown: string, refFile: string, firstLine: number): void => {
    const found = findMarkdownReferences(markdown);
    for (const t of found.terms)
      refs.push({ kind: 'term', target: t.id, file: refFile, line: firstLine + t.line, moduleId: id });
    for (const l of found.lessonLinks)
      refs.push({ kind: 'lesson', target: l.href, file: refFile, line: firstLine + l.line, moduleId: id });
  };
  // The overview is a folded scalar: lines inside it are not kept, so its references point at the `overview` key.
  for (const r of findMarkdownReferences(spec.overview).terms) {
    refs.push({ kind: 'term', target: r.id, file, line: src.lineOf(['overview']), moduleId: id });
  }

  const lessons: Lesson[] = [];
  for (const [i, lessonId] of spec.lessons.entries()) {
    if (spec.lessons.indexOf(lessonId) !== i) {
      errors.push(
        contentError(
          file,
          src.lineOf(['lessons', i]),
          'content.invalid-value',
          `lesson ${lessonId} is listed twice`,
        ),
      );
      continue;
    }
    const rel = `${dir}/lessons/${lessonId}.md`;
    const lessonText = await reader.read(rel);
    if (lessonText === null) {
      const message = `lesson file lessons/${lessonId}.md does not exist`;
      errors.push(contentError(file, src.lineOf(['lessons', i]), 'content.lesson-missing', message));
      continue;
    }
    const lesson = loadLesson(reader.display(rel), id, lessonId, lessonText, errors);
    if (lesson) {
      lessons.push(lesson.lesson);
      collect(lesson.lesson.markdown, reader.display(rel), lesson.bodyLine);
    }
  }

  const presentationSpec = { ...spec.presentation, fileLine: src.lineOf(['presentation', 'file']) };
  const presentation = await loadPresentation(reader, dir, presentationSpec, file, errors, collect);
  const glossary = await loadGlossary(reader, dir, id, errors);
  if (errors.length > 0 || !presentation) return { ok: false, errors };
  const module: CourseModule = {
    id,
    number: Number(id.slice(0, 2)),
    title: spec.title,
    week: spec.week,
    hours: spec.hours,
    overview: spec.overview,
    objectives: spec.objectives,
    lessons,
    presentation,
    activities: spec.activities ?? [],
    readings: spec.readings,
    glossary: glossary.terms,
    ...(spec.forum ? { forum: spec.forum } : {}),
    ...(spec.groupExercise ? { groupExercise: spec.groupExercise } : {}),
    ...(spec.fr ? { fr: spec.fr } : {}),
  };
  return {
    ok: true,
    loaded: {
      module,
      file,
      weekLine: src.lineOf(['week']),
      hoursLine: src.lineOf(['hours']),
      refs,
      glossaryFile: glossary.file,
      glossaryLines: glossary.lines,
    },
  };
}
