import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  findCourseBySlug,
  findProgrammeBySlug,
  insertCourse,
  listCohortsOfCourse,
  listCourses,
  newId,
  updateCourse,
  upsertProgramme,
  type Database,
  type Transaction,
} from '@labmig/db';
import type { App } from '../app/app.ts';
import {
  prepareQuestionBank,
  writeQuestionBank,
  type PreparedQuestionBank,
} from '../assessment/bank/bank-import.commands.ts';
import type { AssignmentDefinition } from '../assignments/definition/assignment-definition.ts';
import {
  writeAssignmentDefinitions,
  type AssignmentImportReport,
} from '../assignments/definition/assignment-import.commands.ts';
import { loadAssignments } from '../assignments/definition/assignment.loader.ts';
import {
  writeLabExerciseDefinitions,
  type LabExerciseImportReport,
} from '../lab-exercises/definition/lab-exercise-import.commands.ts';
import { loadLabExercises, type LoadedLabExercise } from '../lab-exercises/definition/lab-exercise.loader.ts';
import {
  loadCourse,
  loadProgrammes,
  type ContentError,
  type Course,
  type Programme,
} from '../content/index.ts';
import { editionCohortId, upsertEditionCohorts } from './edition-cohorts.ts';
import { checkScheduleFits, contentSpans, type ScheduleSpan } from './schedule-fit.checks.ts';

/** What happened to one course. */
export interface ImportedCourse {
  readonly slug: string;
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly hash: string;
  readonly cohortsCreated: number;
  /** The course's question bank and weekly assessments (null when the course has no quiz file). */
  readonly questionBank: {
    readonly created: number;
    readonly versioned: number;
    readonly unchanged: number;
    readonly quizzes: number;
  } | null;
  /** The course's assignments (all zero for a course without an `assignments/` folder). */
  readonly assignments: AssignmentImportReport;
  /** The course's Lab exercises (all zero for a course without a `lab-exercises/` folder). */
  readonly labExercises: LabExerciseImportReport;
}

/** What happened to one programme (content/programmes/<slug>.yaml). */
export interface ImportedProgramme {
  readonly slug: string;
  readonly action: 'created' | 'updated' | 'unchanged';
}

/** Outcome of an import: all courses and programmes loaded, or every content error (and nothing changed). */
export type ImportResult =
  | { readonly ok: true; readonly courses: ImportedCourse[]; readonly programmes: ImportedProgramme[] }
  | { readonly ok: false; readonly errors: ContentError[] };

/**
 * Imports every course folder under `<contentRoot>/courses/` with the content loader, then the programmes of
 * `<contentRoot>/programmes/` (which may list those courses). All or nothing: if any
 * file is broken, the errors (`file:line`) are returned and the database keeps the previous version.
 * Idempotent: a course whose content hash is unchanged is not written. Each course's editions become
 * cohorts (ids `<slug>--<edition id>`), created once and updated when the edition changes. A course whose
 * deadlines do not fit its weeks, its editions or a cohort that has not ended yet is refused
 * (`content.schedule-overrun`, naming the item): no deadline may fall after a cohort's end date.
 */
export async function importContent(app: App, contentRoot: string): Promise<ImportResult> {
  const coursesDir = path.join(contentRoot, 'courses');
  let names: string[];
  try {
    names = (await readdir(coursesDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return {
      ok: false,
      errors: [{ file: coursesDir, line: 1, code: 'content.file-missing', message: 'no courses folder' }],
    };
  }
  const loaded: {
    course: Course;
    hash: string;
    bank: PreparedQuestionBank | null;
    assignments: AssignmentDefinition[];
    labExercises: LoadedLabExercise[];
  }[] = [];
  const errors: ContentError[] = [];
  for (const name of names) {
    const result = await loadCourse(path.join(coursesDir, name));
    if (!result.ok) errors.push(...result.errors);
    else if (result.course.slug !== name) {
      const file = path.join(coursesDir, name, 'course.yaml');
      errors.push({
        file,
        line: 1,
        code: 'content.invalid-value',
        message: `slug ${result.course.slug} differs from the folder name ${name}`,
      });
    } else {
      // The question bank and the assignments are checked with the rest, before anything is written.
      const bank = await prepareQuestionBank(path.join(coursesDir, name));
      const assignments = await loadAssignments(path.join(coursesDir, name), result.course);
      if (!assignments.ok) errors.push(...assignments.errors);
      const labExercises = await loadLabExercises(path.join(coursesDir, name), result.course);
      if (!labExercises.ok) errors.push(...labExercises.errors);
      const overruns =
        bank.ok && assignments.ok
          ? await checkScheduleFits(
              path.join(coursesDir, name),
              bank.bank?.definitions.quizzes ?? [],
              assignments.assignments,
              [...contentSpans(result.course), ...(await runningCohortSpans(app, result.course))],
            )
          : [];
      errors.push(...overruns);
      if (bank.ok && assignments.ok && labExercises.ok && overruns.length === 0)
        loaded.push({
          ...result,
          bank: bank.bank,
          assignments: assignments.assignments,
          labExercises: labExercises.exercises,
        });
      else if (!bank.ok)
        errors.push(
          ...bank.problems.map((p) => ({
            file: p.file,
            line: p.line,
            code: 'content.question-bank' as const,
            message: `column ${p.column}: ${p.message}`,
          })),
        );
    }
  }
  // Programmes may list the courses of this import and those already stored.
  const courseSlugs = new Set([
    ...loaded.map((l) => l.course.slug),
    ...(await listCourses(app.db)).map((c) => c.slug),
  ]);
  const programmes = await loadProgrammes(contentRoot, courseSlugs);
  if (!programmes.ok) errors.push(...programmes.errors);
  if (errors.length > 0 || !programmes.ok) return { ok: false, errors };
  const programmeReport: ImportedProgramme[] = [];
  const written = await app.db.transaction().execute(async (trx) => {
    const done: Omit<ImportedCourse, 'questionBank'>[] = [];
    const now = app.clock.now().toISOString();
    for (const { programme, hash } of programmes.programmes)
      programmeReport.push(await writeProgramme(trx, programme, hash, now));
    for (const { course, hash, assignments, labExercises } of loaded) {
      const { courseId, ...imported } = await upsertCourse(trx, course, hash, now);
      done.push({
        ...imported,
        assignments: await writeAssignmentDefinitions(trx, courseId, assignments, now),
        labExercises: await writeLabExerciseDefinitions(trx, courseId, labExercises, now),
      });
    }
    return done;
  });
  // Banks are written after their courses (and edition cohorts) exist, so every cohort gets its quizzes.
  const courses: ImportedCourse[] = [];
  for (const [i, c] of written.entries()) {
    const bank = loaded[i].bank;
    const courseId = (await findCourseBySlug(app.db, c.slug))!.id;
    const result = bank ? await writeQuestionBank(app, courseId, bank) : null;
    courses.push({
      ...c,
      questionBank: result && {
        created: result.created.length,
        versioned: result.versioned.length,
        unchanged: result.unchanged,
        quizzes: result.quizzes,
      },
    });
  }
  for (const c of courses) app.logger.info('course imported', { ...c });
  for (const p of programmeReport) app.logger.info('programme imported', { ...p });
  return { ok: true, courses, programmes: programmeReport };
}

async function writeProgramme(
  trx: Transaction<Database>,
  programme: Programme,
  hash: string,
  now: string,
): Promise<ImportedProgramme> {
  const existing = await findProgrammeBySlug(trx, programme.slug);
  if (existing?.content_hash === hash) return { slug: programme.slug, action: 'unchanged' };
  await upsertProgramme(trx, {
    slug: programme.slug,
    title: programme.title,
    content_hash: hash,
    definition: JSON.stringify(programme),
    created_at: existing?.created_at ?? now,
    updated_at: now,
  });
  return { slug: programme.slug, action: existing ? 'updated' : 'created' };
}

/** The cohorts of an imported course that have not ended (editions are checked from course.yaml instead). */
async function runningCohortSpans(app: App, course: Course): Promise<ScheduleSpan[]> {
  const existing = await findCourseBySlug(app.db, course.slug);
  if (!existing) return [];
  const today = app.clock.now().toISOString().slice(0, 10);
  const editions = new Set(course.editions.map((e) => editionCohortId(course.slug, e.id)));
  return (await listCohortsOfCourse(app.db, existing.id))
    .filter((c) => c.ends_on >= today && c.state !== 'archived' && !editions.has(c.id))
    .map((c) => ({
      label: `the cohort "${c.title}" (${c.starts_on} – ${c.ends_on})`,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
    }));
}

async function upsertCourse(
  trx: Transaction<Database>,
  course: Course,
  hash: string,
  now: string,
): Promise<Omit<ImportedCourse, 'questionBank' | 'assignments' | 'labExercises'> & { courseId: string }> {
  const existing = await findCourseBySlug(trx, course.slug);
  let action: ImportedCourse['action'] = 'unchanged';
  let courseId = existing?.id;
  if (!existing) {
    courseId = newId();
    const row = {
      id: courseId,
      slug: course.slug,
      title: course.title,
      content_hash: hash,
      definition: JSON.stringify(course),
    };
    await insertCourse(trx, { ...row, created_at: now, updated_at: now });
    action = 'created';
  } else if (existing.content_hash !== hash) {
    await updateCourse(trx, existing.id, {
      title: course.title,
      content_hash: hash,
      definition: JSON.stringify(course),
      updated_at: now,
    });
    action = 'updated';
  }
  const cohortsCreated = await upsertEditionCohorts(trx, courseId!, course, now);
  return { slug: course.slug, action, hash, cohortsCreated, courseId: courseId! };
}
