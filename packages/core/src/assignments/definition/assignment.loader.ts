import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { contentError, sortContentErrors, type ContentError } from '../../content/content-error.ts';
import { isDirectory } from '../../content/content-files.ts';
import { createContentReader } from '../../content/content-reader.ts';
import type { Course } from '../../content/course.types.ts';
import { splitFrontMatter } from '../../content/front-matter.ts';
import { parseLessonTarget } from '../../content/markdown.engine.ts';
import { findMarkdownReferences } from '../../content/markdown.references.ts';
import { parseAndValidate } from '../../content/yaml-source.ts';
import { resolveAssignment } from './assignment-resolve.ts';
import { assignmentFrontMatterSchema, type AssignmentDefinition } from './assignment-definition.ts';
import { checkAssignmentEditorial } from './assignment-quality.checks.ts';
import { checkAssignmentFrontMatter } from './assignment.checks.ts';

/** The folder of a course that holds its assignments, one Markdown file each. */
export const ASSIGNMENTS_DIR = 'assignments';

/** Suffix of the optional file beside an assignment that only staff see (expected answers, common errors). */
const TUTOR_SUFFIX = '.tutor.md';

/** Result of {@link loadAssignments}: the assignments in due order and a hash of their files, or every problem. */
export type LoadAssignmentsResult =
  { ok: true; assignments: AssignmentDefinition[]; hash: string } | { ok: false; errors: ContentError[] };

type CourseFacts = Pick<Course, 'weeks' | 'modules' | 'glossary'>;

/**
 * Loads `assignments/*.md` of a course folder (README.md is for authors and skipped; `<id>.tutor.md` holds the
 * notes only staff see): front matter checked
 * against the schema and the course (weeks, modules), Markdown references checked against the glossary and the
 * lessons, ids unique by construction (the file name), at most one final assignment. A course without the folder
 * has no assignments. Never throws for bad content: problems come back as sorted `file:line` errors.
 */
export async function loadAssignments(
  courseDir: string,
  course: CourseFacts,
): Promise<LoadAssignmentsResult> {
  const dir = path.join(courseDir, ASSIGNMENTS_DIR);
  const reader = createContentReader(courseDir);
  if (!(await isDirectory(dir))) return { ok: true, assignments: [], hash: reader.hash() };
  const files = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.md') && e.name !== 'README.md')
    .map((e) => e.name)
    .sort();
  const names = files.filter((n) => !n.endsWith(TUTOR_SUFFIX));
  const errors: ContentError[] = files
    .filter((n) => n.endsWith(TUTOR_SUFFIX) && !names.includes(n.replace(TUTOR_SUFFIX, '.md')))
    .map((orphan) =>
      contentError(
        reader.display(`${ASSIGNMENTS_DIR}/${orphan}`),
        1,
        'content.file-missing',
        `tutor notes for an assignment that does not exist (${orphan.replace(TUTOR_SUFFIX, '.md')})`,
      ),
    );
  const assignments: AssignmentDefinition[] = [];
  for (const name of names) {
    const rel = `${ASSIGNMENTS_DIR}/${name}`;
    const id = name.slice(0, -3);
    const loaded = loadAssignmentFile(reader.display(rel), id, (await reader.read(rel))!, course);
    const notes = await reader.read(`${ASSIGNMENTS_DIR}/${id}${TUTOR_SUFFIX}`);
    if (loaded.ok) assignments.push({ ...loaded.assignment, tutorNotes: notes?.trim() ? notes : null });
    else errors.push(...loaded.errors);
  }
  const finals = assignments.filter((a) => a.final);
  if (finals.length > 1)
    errors.push(
      contentError(
        reader.display(`${ASSIGNMENTS_DIR}/${finals[1]!.id}.md`),
        1,
        'content.invalid-value',
        `a course has one final assignment; ${finals.map((a) => a.id).join(' and ')} are both marked final`,
      ),
    );
  if (errors.length > 0) return { ok: false, errors: sortContentErrors(errors) };
  return { ok: true, assignments: sortByDue(assignments), hash: reader.hash() };
}

function loadAssignmentFile(
  file: string,
  id: string,
  text: string,
  course: CourseFacts,
): { ok: true; assignment: AssignmentDefinition } | { ok: false; errors: ContentError[] } {
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
  const front = parseAndValidate(assignmentFrontMatterSchema, split.yaml, file, 1);
  if (!front.ok) return front;
  const errors = [
    ...checkAssignmentFrontMatter(front.value, front.source, course),
    ...checkInstructions(split.body, split.bodyLine, file, course),
    ...checkAssignmentEditorial(file, text),
  ];
  if (split.body.trim() === '')
    errors.push(
      contentError(
        file,
        split.bodyLine,
        'content.missing-field',
        'the instructions (the Markdown after the front matter) are empty',
      ),
    );
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, assignment: resolveAssignment(id, front.value, split.body) };
}

/** `[[term]]` references name a glossary term and `lesson:` links name a lesson (links need the module folder). */
function checkInstructions(
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

function sortByDue(assignments: AssignmentDefinition[]): AssignmentDefinition[] {
  const key = (a: AssignmentDefinition) =>
    [7 * (a.dates.due.week - 1) + a.dates.due.day, a.dates.due.time] as const;
  return assignments.sort((a, b) => {
    const [da, ta] = key(a);
    const [db, tb] = key(b);
    return da - db || (ta < tb ? -1 : ta > tb ? 1 : 0) || a.week - b.week || (a.id < b.id ? -1 : 1);
  });
}
