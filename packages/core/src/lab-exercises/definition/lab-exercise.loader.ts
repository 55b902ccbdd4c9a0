import { access } from 'node:fs/promises';
import path from 'node:path';
import { validateSpec } from '@labmig/stats';
import { contentError, type ContentError } from '../../content/content-error.ts';
import type { Course } from '../../content/course.types.ts';
import {
  compareDueTimes,
  definitionFolderResult,
  loadDefinitionFolder,
} from '../../content/definition-folder.loader.ts';
import type { YamlSource } from '../../content/yaml-source.ts';
import { computeExpectedValues, LabComputeError } from './expected-values.ts';
import {
  labExerciseFrontMatterSchema,
  type LabExerciseDefinition,
  type LabExerciseFrontMatter,
} from './lab-exercise-definition.ts';

/** The folder of a course that holds its Lab exercises, one Markdown file each. */
export const LAB_EXERCISES_DIR = 'lab-exercises';

/** A loaded exercise with the values the engine computed for its answers (answer id → number). */
export interface LoadedLabExercise {
  readonly definition: LabExerciseDefinition;
  readonly expected: Readonly<Record<string, number>>;
}

/** Result of {@link loadLabExercises}: the exercises in due order and a hash of their files, or every problem. */
export type LoadLabExercisesResult =
  { ok: true; exercises: LoadedLabExercise[]; hash: string } | { ok: false; errors: ContentError[] };

type CourseFacts = Pick<Course, 'weeks' | 'modules' | 'glossary'>;

/** Where the practice datasets of a course folder are: `content/data/lab` beside `content/courses/<slug>`. */
export const labDataDirOf = (courseDir: string): string => path.resolve(courseDir, '..', '..', 'data', 'lab');

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * Loads `lab-exercises/*.md` of a course folder (README.md is for authors and skipped): the front matter checked
 * against the schema and the course (weeks, the module, the practice dataset and mapping in `labDir`), the spec
 * checked by the engine's own validator, the task's Markdown references checked, and every answer's expected value
 * computed by the engine — so an answer that picks no number is reported at its line. A course without the folder
 * has no exercises. Never throws for bad content: problems come back as sorted `file:line` errors.
 */
export async function loadLabExercises(
  courseDir: string,
  course: CourseFacts,
  labDir: string = labDataDirOf(courseDir),
): Promise<LoadLabExercisesResult> {
  const result = definitionFolderResult(
    await loadDefinitionFolder(courseDir, course, {
      folder: LAB_EXERCISES_DIR,
      schema: labExerciseFrontMatterSchema,
      emptyBodyMessage: 'the task (the Markdown after the front matter) is empty',
      check: async ({ front, source }) => [
        ...checkCourseFacts(front, source, course),
        ...checkAnswers(front, source),
        ...(await checkData(front, source, labDir)),
      ],
      resolve: async ({ file, id, front, source, body }) => {
        const definition = resolve(id, front, body);
        try {
          return {
            ok: true,
            value: { definition, expected: await computeExpectedValues(definition, labDir) },
          };
        } catch (e) {
          if (!(e instanceof LabComputeError)) throw e;
          const index = front.answers.findIndex((a) => a.id === e.answerId);
          const line = index >= 0 ? source.lineOf(['answers', index, 'pick']) : source.lineOf(['compute']);
          return { ok: false, errors: [contentError(file, line, 'content.invalid-value', e.message)] };
        }
      },
    }),
  );
  if (!result.ok) return result;
  return { ok: true, exercises: sortByDue(result.definitions), hash: result.hash };
}

function checkCourseFacts(
  fm: LabExerciseFrontMatter,
  source: YamlSource,
  course: CourseFacts,
): ContentError[] {
  const errors: ContentError[] = [];
  const weeks = course.weeks.length;
  const at = (p: PropertyKey[], code: ContentError['code'], message: string) =>
    errors.push(contentError(source.file, source.lineOf(p), code, message));
  if (fm.week > weeks)
    at(['week'], 'content.week-out-of-range', `week ${fm.week} is out of range 1–${weeks}`);
  const dueWeek = fm.due.week ?? fm.week;
  if (dueWeek > weeks)
    at(['due', 'week'], 'content.week-out-of-range', `week ${dueWeek} is out of range 1–${weeks}`);
  if (dueWeek < fm.week)
    at(
      ['due', 'week'],
      'content.invalid-value',
      `the exercise falls due in week ${dueWeek}, before its week ${fm.week}`,
    );
  const module = course.modules.find((m) => m.id === fm.module);
  if (!module) at(['module'], 'content.module-missing', `no module \`${fm.module}\` in this course`);
  else if (module.week !== fm.week)
    at(
      ['module'],
      'content.invalid-value',
      `module \`${fm.module}\` is taught in week ${module.week}, but the exercise is in week ${fm.week}`,
    );
  return errors;
}

/** Answer ids are unique, and each answer picks its number the way the computation gives numbers. */
function checkAnswers(fm: LabExerciseFrontMatter, source: YamlSource): ContentError[] {
  const errors: ContentError[] = [];
  const kind = 'run' in fm.compute ? 'run' : 'tables' in fm.compute ? 'tables' : 'sampleSize';
  const wanted = {
    run: '`field` (and `domain`, `term`, `result` as needed) of a spec result',
    tables: '`table`, `row` and `field` of the tables',
    sampleSize: '`plan`: a figure of the sample-size plan',
  }[kind];
  const ids = new Set<string>();
  fm.answers.forEach((a, i) => {
    if (ids.has(a.id))
      errors.push(
        contentError(
          source.file,
          source.lineOf(['answers', i, 'id']),
          'content.invalid-value',
          `answer id \`${a.id}\` is used twice`,
        ),
      );
    ids.add(a.id);
    const pickKind = 'plan' in a.pick ? 'sampleSize' : 'table' in a.pick ? 'tables' : 'run';
    if (pickKind !== kind)
      errors.push(
        contentError(
          source.file,
          source.lineOf(['answers', i, 'pick']),
          'content.invalid-value',
          `answer ${a.id}: with \`compute.${kind}\` an answer picks ${wanted}`,
        ),
      );
  });
  return errors;
}

/** The dataset and mapping are practice files; a spec passes the engine's validator. */
async function checkData(
  fm: LabExerciseFrontMatter,
  source: YamlSource,
  labDir: string,
): Promise<ContentError[]> {
  const errors: ContentError[] = [];
  const at = (p: PropertyKey[], code: ContentError['code'], message: string) =>
    errors.push(contentError(source.file, source.lineOf(p), code, message));
  // A key's own line (the value of a mapping starts on the line below).
  const atKey = (p: PropertyKey[], key: string, code: ContentError['code'], message: string) =>
    errors.push(contentError(source.file, source.lineOfKey(p, key), code, message));
  const c = fm.compute;
  if (!('sampleSize' in c) && fm.dataset === undefined)
    atKey(
      [],
      'compute',
      'content.missing-field',
      'a `dataset` (a practice dataset of content/data/lab) is needed to compute this',
    );
  if (fm.dataset !== undefined && !(await exists(path.join(labDir, fm.dataset))))
    at(['dataset'], 'content.file-missing', `no practice dataset ${fm.dataset} in content/data/lab`);
  if ('tables' in c && !(await exists(path.join(labDir, c.tables.mapping))))
    at(
      ['compute', 'tables', 'mapping'],
      'content.file-missing',
      `no mapping ${c.tables.mapping} in content/data/lab`,
    );
  if ('run' in c) {
    if ('data' in c.run)
      at(['compute', 'run', 'data'], 'content.unknown-key', 'the spec reads `dataset`: leave `data` out');
    try {
      validateSpec(c.run);
    } catch (e) {
      atKey(['compute'], 'run', 'content.invalid-value', `the spec is not valid: ${(e as Error).message}`);
    }
  }
  if ('sampleSize' in c) {
    const targets = ['moe', 'relativeMoe', 'targetCv'].filter((k) => k in c.sampleSize);
    if (targets.length !== 1)
      atKey(
        ['compute'],
        'sampleSize',
        'content.invalid-value',
        'give exactly one of `moe`, `relativeMoe`, `targetCv`',
      );
  }
  return errors;
}

function resolve(id: string, fm: LabExerciseFrontMatter, task: string): LabExerciseDefinition {
  return {
    id,
    title: fm.title,
    summary: fm.summary,
    fr: fm.fr ? { title: fm.fr.title, summary: fm.fr.summary ?? null, task: fm.fr.task ?? null } : null,
    week: fm.week,
    moduleId: fm.module,
    dataset: fm.dataset ?? null,
    required: fm.required,
    points: fm.points,
    attempts: fm.attempts,
    due: { week: fm.due.week ?? fm.week, day: fm.due.day, time: fm.due.time },
    compute: fm.compute,
    answers: fm.answers.map((a) => ({
      id: a.id,
      label: a.label,
      fr: a.fr ? { label: a.fr.label, hint: a.fr.hint ?? null } : null,
      hint: a.hint ?? null,
      pick: a.pick,
      scale: a.scale,
      tolerance: a.tolerance,
    })),
    task,
  };
}

function sortByDue(list: LoadedLabExercise[]): LoadedLabExercise[] {
  return list.sort(
    ({ definition: a }, { definition: b }) => compareDueTimes(a.due, b.due) || (a.id < b.id ? -1 : 1),
  );
}
