import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { prepareQuestionBank } from '../assessment/bank/bank-import.commands.ts';
import { loadAssignments } from '../assignments/definition/assignment.loader.ts';
import { loadLabExercises } from '../lab-exercises/definition/lab-exercise.loader.ts';
import { contentError, type ContentError } from '../content/content-error.ts';
import { isDirectory } from '../content/content-files.ts';
import { checkContentQuality } from './content-quality.checks.ts';
import { loadCourse } from '../content/course.loader.ts';
import { loadProgrammes } from '../content/programme.loader.ts';
import { checkScheduleFits, contentSpans } from './schedule-fit.checks.ts';

/** Outcome of checking every course under a content root. */
export interface ContentCheckReport {
  readonly ok: boolean;
  /** Slugs (folder names) of the courses that passed, with their hash. */
  readonly courses: {
    slug: string;
    hash: string;
    modules: number;
    lessons: number;
    /** Questions in the course's bank and weekly assessments (0 and 0 without a quiz file). */
    questions: number;
    quizzes: number;
    /** Assignments in `assignments/` (0 without the folder). */
    assignments: number;
    /** Lab exercises in `lab-exercises/` (0 without the folder). */
    labExercises: number;
  }[];
  /** Programmes (`programmes/*.yaml`) that passed, with how many courses each lists. */
  readonly programmes: { slug: string; courses: number }[];
  readonly errors: ContentError[];
}

/**
 * Checks every course folder under `<contentRoot>/courses/` (what `labmig content check` runs). A course folder whose
 * slug differs from its name is an error, because URLs and imports use the slug. The course's question bank
 * (`quizzes/weekly-assessments.yaml` and its GIFT files) is checked too, as `labmig content import` would, and
 * so are its assignments (`assignments/*.md`), its Lab exercises (`lab-exercises/*.md`, expected values computed),
 * whether every deadline fits the course's weeks and editions, and the programmes of `<contentRoot>/programmes/`.
 */
export async function checkContent(contentRoot: string): Promise<ContentCheckReport> {
  const coursesDir = path.join(contentRoot, 'courses');
  if (!(await isDirectory(coursesDir))) {
    return {
      ok: false,
      courses: [],
      programmes: [],
      errors: [contentError(coursesDir, 1, 'content.file-missing', 'no courses folder')],
    };
  }
  const entries = (await readdir(coursesDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const courses: ContentCheckReport['courses'] = [];
  const errors: ContentError[] = [];
  for (const name of entries) {
    const result = await loadCourse(path.join(coursesDir, name));
    if (!result.ok) {
      errors.push(...result.errors);
    } else if (result.course.slug !== name) {
      errors.push(
        contentError(
          path.join(coursesDir, name, 'course.yaml'),
          1,
          'content.invalid-value',
          `slug ${result.course.slug} differs from the folder name ${name}`,
        ),
      );
    } else {
      const lessons = result.course.modules.reduce((n, m) => n + m.lessons.length, 0);
      const bank = await prepareQuestionBank(path.join(coursesDir, name));
      if (!bank.ok) {
        for (const p of bank.problems)
          errors.push(
            contentError(p.file, p.line, 'content.question-bank', `column ${p.column}: ${p.message}`),
          );
        continue;
      }
      const quality = await checkContentQuality(path.join(coursesDir, name), result.course, bank.bank);
      if (quality.length > 0) {
        errors.push(...quality);
        continue;
      }
      const assignments = await loadAssignments(path.join(coursesDir, name), result.course);
      if (!assignments.ok) {
        errors.push(...assignments.errors);
        continue;
      }
      const overruns = await checkScheduleFits(
        path.join(coursesDir, name),
        bank.bank?.definitions.quizzes ?? [],
        assignments.assignments,
        contentSpans(result.course),
      );
      if (overruns.length > 0) {
        errors.push(...overruns);
        continue;
      }
      const labExercises = await loadLabExercises(path.join(coursesDir, name), result.course);
      if (!labExercises.ok) {
        errors.push(...labExercises.errors);
        continue;
      }
      courses.push({
        slug: name,
        hash: result.hash,
        modules: result.course.modules.length,
        lessons,
        questions: bank.bank?.questions.length ?? 0,
        quizzes: bank.bank?.definitions.quizzes.length ?? 0,
        assignments: assignments.assignments.length,
        labExercises: labExercises.exercises.length,
      });
    }
  }
  // Programmes may list any course folder of this content root (a broken course is reported above).
  const loadedProgrammes = await loadProgrammes(contentRoot, new Set(entries));
  if (!loadedProgrammes.ok) errors.push(...loadedProgrammes.errors);
  const programmes = loadedProgrammes.ok
    ? loadedProgrammes.programmes.map(({ programme }) => ({
        slug: programme.slug,
        courses: programme.courses.length,
      }))
    : [];
  return { ok: errors.length === 0, courses, programmes, errors };
}
