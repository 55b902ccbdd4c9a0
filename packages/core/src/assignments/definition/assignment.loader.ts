import { contentError, type ContentError } from '../../content/content-error.ts';
import type { Course } from '../../content/course.types.ts';
import {
  compareDueTimes,
  definitionFolderResult,
  loadDefinitionFolder,
} from '../../content/definition-folder.loader.ts';
import { resolveAssignment } from './assignment-resolve.ts';
import { assignmentFrontMatterSchema, type AssignmentDefinition } from './assignment-definition.ts';
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
  const folder = await loadDefinitionFolder(courseDir, course, {
    folder: ASSIGNMENTS_DIR,
    schema: assignmentFrontMatterSchema,
    emptyBodyMessage: 'the instructions (the Markdown after the front matter) are empty',
    isDefinition: (name) => !name.endsWith(TUTOR_SUFFIX),
    check: ({ front, source }) => checkAssignmentFrontMatter(front, source, course),
    async resolve({ id, front, body }, reader) {
      const notes = await reader.read(`${ASSIGNMENTS_DIR}/${id}${TUTOR_SUFFIX}`);
      return {
        ok: true,
        value: { ...resolveAssignment(id, front, body), tutorNotes: notes?.trim() ? notes : null },
      };
    },
  });
  const { reader, files, definitions: assignments } = folder;
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
  errors.push(...folder.errors);
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
  const result = definitionFolderResult({ ...folder, errors });
  if (!result.ok) return result;
  return { ok: true, assignments: sortByDue(result.definitions), hash: result.hash };
}

function sortByDue(assignments: AssignmentDefinition[]): AssignmentDefinition[] {
  return assignments.sort(
    (a, b) => compareDueTimes(a.dates.due, b.dates.due) || a.week - b.week || (a.id < b.id ? -1 : 1),
  );
}
