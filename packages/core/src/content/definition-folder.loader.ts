import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { contentError, sortContentErrors, type ContentError } from './content-error.ts';
import { isDirectory } from './content-files.ts';
import { createContentReader, type ContentReader } from './content-reader.ts';
import type { Course } from './course.types.ts';
import { checkDefinitionEditorial } from './definition-editorial.checks.ts';
import { splitFrontMatter } from './front-matter.ts';
import { parseLessonTarget } from './markdown.engine.ts';
import { findMarkdownReferences } from './markdown.references.ts';
import { parseAndValidate, type YamlSource } from './yaml-source.ts';

/** One definition file of a course folder, its front matter valid against the feature's schema. */
export interface DefinitionFile<F> {
  /** The path used in errors (the course folder joined with the file's relative path). */
  readonly file: string;
  /** The file name without `.md`: the definition's key. */
  readonly id: string;
  readonly text: string;
  /** The front matter as the schema outputs it, and where each of its values stands. */
  readonly front: F;
  readonly source: YamlSource;
  /** The Markdown after the front matter, and the file line it starts on. */
  readonly body: string;
  readonly bodyLine: number;
}

/** A value built from content, or every problem found on the way. */
export type ContentResult<T> = { ok: true; value: T } | { ok: false; errors: ContentError[] };

/** How one feature's definition folder is read (`assignments/`, `lab-exercises/`). */
export interface DefinitionFolderSpec<S extends z.ZodType, T> {
  /** The folder of the course, one Markdown file per definition (README.md is for authors and skipped). */
  readonly folder: string;
  /** The front matter's schema. */
  readonly schema: S;
  /** The error when the body (the Markdown after the front matter) is empty. */
  readonly emptyBodyMessage: string;
  /** False for Markdown files of the folder that are not definitions themselves (e.g. tutor notes). */
  readonly isDefinition?: (name: string) => boolean;
  /** The feature's own checks of a file whose front matter is valid. */
  check(file: DefinitionFile<z.output<S>>): ContentError[] | Promise<ContentError[]>;
  /** The definition of a file that passed every check (it may still fail, e.g. when computing from it). */
  resolve(file: DefinitionFile<z.output<S>>, reader: ContentReader): Promise<ContentResult<T>>;
}

/** What {@link loadDefinitionFolder} read: the definitions in file-name order and the problems, unsorted. */
export interface DefinitionFolder<T> {
  readonly reader: ContentReader;
  /** Every `.md` file name of the folder but README.md, sorted (definitions and the files beside them). */
  readonly files: readonly string[];
  readonly definitions: T[];
  readonly errors: ContentError[];
}

/** The part of the course a definition's body may refer to. */
type CourseFacts = Pick<Course, 'modules' | 'glossary'>;

/**
 * Loads the definition files `<folder>/*.md` of a course folder: each file's key (a kebab-case file name), its front
 * matter (`file:line` errors from the schema), the feature's checks, the body's references to the glossary and the
 * lessons, the editorial checks, a non-empty body, then the feature's resolution. A course without the folder has no
 * definitions. Never throws for bad content; the caller adds checks across files and sorts the errors.
 */
export async function loadDefinitionFolder<S extends z.ZodType, T>(
  courseDir: string,
  course: CourseFacts,
  spec: DefinitionFolderSpec<S, T>,
): Promise<DefinitionFolder<T>> {
  const reader = createContentReader(courseDir);
  const dir = path.join(courseDir, spec.folder);
  const files = !(await isDirectory(dir))
    ? []
    : (await readdir(dir, { withFileTypes: true }))
        .filter((e) => e.isFile() && e.name.endsWith('.md') && e.name !== 'README.md')
        .map((e) => e.name)
        .sort();
  const definitions: T[] = [];
  const errors: ContentError[] = [];
  for (const name of files.filter(spec.isDefinition ?? (() => true))) {
    const rel = `${spec.folder}/${name}`;
    const loaded = await loadDefinitionFile(
      reader.display(rel),
      name.slice(0, -3),
      (await reader.read(rel))!,
      course,
      spec,
      reader,
    );
    if (loaded.ok) definitions.push(loaded.value);
    else errors.push(...loaded.errors);
  }
  return { reader, files, definitions, errors };
}

/** {@link loadDefinitionFolder}'s outcome as a result: the definitions and the files' hash, or the sorted errors. */
export function definitionFolderResult<T>(
  folder: DefinitionFolder<T>,
): { ok: true; definitions: T[]; hash: string } | { ok: false; errors: ContentError[] } {
  if (folder.errors.length > 0) return { ok: false, errors: sortContentErrors(folder.errors) };
  return { ok: true, definitions: folder.definitions, hash: folder.reader.hash() };
}

async function loadDefinitionFile<S extends z.ZodType, T>(
  file: string,
  id: string,
  text: string,
  course: CourseFacts,
  spec: DefinitionFolderSpec<S, T>,
  reader: ContentReader,
): Promise<ContentResult<T>> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
    return {
      ok: false,
      errors: [contentError(file, 1, 'content.invalid-value', `file name ${id}.md: use a kebab-case id`)],
    };
  const split = splitFrontMatter(text);
  if (!split)
    return {
      ok: false,
      errors: [
        contentError(
          file,
          1,
          'content.missing-field',
          'missing front matter (a first line `---`, the settings, then `---`)',
        ),
      ],
    };
  const front = parseAndValidate(spec.schema, split.yaml, file, 1);
  if (!front.ok) return front;
  const definition: DefinitionFile<z.output<S>> = {
    file,
    id,
    text,
    front: front.value,
    source: front.source,
    body: split.body,
    bodyLine: split.bodyLine,
  };
  const errors = [
    ...(await spec.check(definition)),
    ...checkBodyReferences(split.body, split.bodyLine, file, course),
    ...checkDefinitionEditorial(file, text),
  ];
  if (split.body.trim() === '')
    errors.push(contentError(file, split.bodyLine, 'content.missing-field', spec.emptyBodyMessage));
  if (errors.length > 0) return { ok: false, errors };
  return spec.resolve(definition, reader);
}

/** `[[term]]` references name a glossary term and `lesson:` links name a lesson (links need the module folder). */
function checkBodyReferences(
  body: string,
  bodyLine: number,
  file: string,
  course: CourseFacts,
): ContentError[] {
  const terms = new Set(course.glossary.map((t) => t.id));
  const lessons = new Set(course.modules.flatMap((m) => m.lessons.map((l) => `${m.id}/${l.id}`)));
  const refs = findMarkdownReferences(body);
  return [
    ...refs.terms
      .filter((t) => !terms.has(t.id))
      .map((t) =>
        contentError(file, bodyLine + t.line, 'content.unknown-term', `unknown glossary term [[${t.id}]]`),
      ),
    ...refs.lessonLinks
      .filter((l) => {
        const target = parseLessonTarget(l.href, undefined);
        return !target || !lessons.has(`${target.moduleId}/${target.lessonId}`);
      })
      .map((l) =>
        contentError(
          file,
          bodyLine + l.line,
          'content.broken-link',
          `broken link ${l.href}: no such lesson (write lesson:<module folder>/<lesson file>)`,
        ),
      ),
  ];
}

/** A due time in course terms: the week, the day of that week (1–7) and the local time `HH:MM`. */
export interface CourseDueTime {
  readonly week: number;
  readonly day: number;
  readonly time: string;
}

/** Orders due times: earlier day of the course first, then earlier time of day. */
export function compareDueTimes(a: CourseDueTime, b: CourseDueTime): number {
  const day = (d: CourseDueTime) => 7 * (d.week - 1) + d.day;
  return day(a) - day(b) || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0);
}
