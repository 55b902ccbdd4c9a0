import { contentError, type ContentError } from '../../content/content-error.ts';
import type { Course } from '../../content/course.types.ts';
import type { YamlSource } from '../../content/yaml-source.ts';
import type { AssignmentFrontMatter } from './assignment-definition.ts';

type Check = (fm: AssignmentFrontMatter, source: YamlSource) => ContentError[];

const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

/** Rubric levels rise, criterion ids are unique, and the weights (or the top points) add up to maxGrade. */
export const checkGrading: Check = ({ grading }, source) => {
  const errors: ContentError[] = [];
  const at = (path: PropertyKey[], message: string) =>
    errors.push(
      contentError(source.file, source.lineOf(['grading', ...path]), 'content.invalid-value', message),
    );
  if (grading.passMark > grading.maxGrade)
    at(['passMark'], `passMark ${grading.passMark} is above maxGrade ${grading.maxGrade}`);
  const rubric = grading.rubric;
  if (!rubric) return errors;
  const ids = new Set<string>();
  rubric.forEach((c, i) => {
    if (ids.has(c.id)) at(['rubric', i, 'id'], `criterion id \`${c.id}\` is used twice`);
    ids.add(c.id);
    c.levels.forEach((l, j) => {
      const before = c.levels[j - 1];
      if (before && l.points <= before.points)
        at(
          ['rubric', i, 'levels', j, 'points'],
          `levels of \`${c.id}\` must rise: ${l.points} points after ${before.points}`,
        );
    });
    if ((c.levels[c.levels.length - 1]?.points ?? 0) === 0)
      at(['rubric', i, 'levels'], `the top level of \`${c.id}\` must be worth more than 0 points`);
  });
  const weighted = rubric.filter((c) => c.weight !== undefined).length;
  if (weighted > 0 && weighted < rubric.length) {
    at(['rubric'], 'give every criterion a weight, or none (then each weighs its top points)');
  } else {
    const total = rubric.reduce((s, c) => s + (c.weight ?? c.levels[c.levels.length - 1]!.points), 0);
    const what = weighted > 0 ? 'the criterion weights' : 'the top points of the criteria';
    if (!near(total, grading.maxGrade))
      at(['rubric'], `${what} add up to ${total}, not to maxGrade ${grading.maxGrade}`);
  }
  return errors;
};

/** Something can be handed in, and the file limits are consistent. */
export const checkSubmission: Check = ({ submission }, source) => {
  const errors: ContentError[] = [];
  const at = (path: PropertyKey[], message: string) =>
    errors.push(
      contentError(source.file, source.lineOf(['submission', ...path]), 'content.invalid-value', message),
    );
  const files = submission.files;
  if (submission.text === 'none' && (!files || files.min === 0))
    at([], 'with `text: none`, set `files.min` to 1 or more, or learners could hand in nothing');
  if (files && files.min > files.max)
    at(['files', 'min'], `files.min ${files.min} is above files.max ${files.max}`);
  if (files && files.maxFileMb > files.maxTotalMb)
    at(['files', 'maxFileMb'], `maxFileMb ${files.maxFileMb} is above maxTotalMb ${files.maxTotalMb}`);
  if (files && new Set(files.types).size !== files.types.length)
    at(['files', 'types'], 'a file type is listed twice');
  if (submission.text === 'none' && submission.wordLimit !== undefined)
    at(['wordLimit'], 'wordLimit needs a text (`text: required` or `optional`)');
  return errors;
};

/** Further attempts need a reopening period, and a reopening period needs further attempts. */
export const checkResubmission: Check = ({ resubmission }, source) => {
  const line = source.lineOf(['resubmission']);
  if (resubmission.attempts > 1 && resubmission.reopenDays === undefined)
    return [contentError(source.file, line, 'content.missing-field', 'attempts above 1 need `reopenDays`')];
  if (resubmission.attempts === 1 && resubmission.reopenDays !== undefined)
    return [
      contentError(
        source.file,
        line,
        'content.invalid-value',
        'reopenDays applies only when attempts is above 1',
      ),
    ];
  return [];
};

/** `group` settings only on group assignments; peer review only on individual ones; the final is individual. */
export const checkKind: Check = (fm, source) => {
  const errors: ContentError[] = [];
  if (fm.group && fm.kind !== 'group')
    errors.push(
      contentError(
        source.file,
        source.lineOf(['group']),
        'content.invalid-value',
        '`group` settings need `kind: group`',
      ),
    );
  if (fm.peerReview && fm.kind !== 'individual')
    errors.push(
      contentError(
        source.file,
        source.lineOf(['peerReview']),
        'content.invalid-value',
        'peer review is for individual assignments',
      ),
    );
  if (fm.final && fm.kind !== 'individual')
    errors.push(
      contentError(
        source.file,
        source.lineOf(['final']),
        'content.invalid-value',
        'the final assignment is individual',
      ),
    );
  return errors;
};

const dayIndex = (week: number, day: number): number => 7 * (week - 1) + day;

/** Weeks exist, the module exists in that week, and the assignment opens before it falls due. */
export function checkSchedule(
  fm: AssignmentFrontMatter,
  source: YamlSource,
  course: Pick<Course, 'weeks' | 'modules'>,
): ContentError[] {
  const errors: ContentError[] = [];
  const weeks = course.weeks.length;
  const weekError = (path: PropertyKey[], week: number) =>
    errors.push(
      contentError(
        source.file,
        source.lineOf(path),
        'content.week-out-of-range',
        `week ${week} is out of range 1–${weeks}`,
      ),
    );
  if (fm.week > weeks) weekError(['week'], fm.week);
  if (fm.opens?.week !== undefined && fm.opens.week > weeks) weekError(['opens', 'week'], fm.opens.week);
  if (fm.due.week !== undefined && fm.due.week > weeks) weekError(['due', 'week'], fm.due.week);
  if (fm.module !== undefined) {
    const module = course.modules.find((m) => m.id === fm.module);
    if (!module)
      errors.push(
        contentError(
          source.file,
          source.lineOf(['module']),
          'content.module-missing',
          `no module \`${fm.module}\` in this course`,
        ),
      );
    else if (module.week !== fm.week)
      errors.push(
        contentError(
          source.file,
          source.lineOf(['module']),
          'content.invalid-value',
          `module \`${fm.module}\` is taught in week ${module.week}, but the assignment is in week ${fm.week}`,
        ),
      );
  }
  const opens = dayIndex(fm.opens?.week ?? fm.week, fm.opens?.day ?? 1);
  const due = dayIndex(fm.due.week ?? fm.week, fm.due.day);
  if (due < opens)
    errors.push(
      contentError(
        source.file,
        source.lineOf(['due']),
        'content.invalid-value',
        'the due day comes before the day it opens',
      ),
    );
  if ((fm.due.week ?? fm.week) < fm.week)
    errors.push(
      contentError(
        source.file,
        source.lineOf(['due']),
        'content.invalid-value',
        'the due day comes before the assignment’s week',
      ),
    );
  return errors;
}

/** Every front-matter check that needs no other file. */
export function checkAssignmentFrontMatter(
  fm: AssignmentFrontMatter,
  source: YamlSource,
  course: Pick<Course, 'weeks' | 'modules'>,
): ContentError[] {
  return [
    ...checkGrading(fm, source),
    ...checkSubmission(fm, source),
    ...checkResubmission(fm, source),
    ...checkKind(fm, source),
    ...checkSchedule(fm, source, course),
  ];
}
