import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentError } from '../../content/content-error.ts';
import { writeCourseDir, type CourseFiles } from '../../content/course.factory.ts';
import { loadCourse } from '../../content/course.loader.ts';
import { loadLabExercises } from './lab-exercise.loader.ts';

/** The practice datasets shipped with the app (synthetic; content/data/lab/README.md). */
const LAB = path.resolve(import.meta.dirname, '../../../../../content/data/lab');

// R's values (R 4.2.2, survey 4.1.1) on lfs_small.csv, copied from /work/shared/reference: the expected values of a
// spec exercise must be what R's svyby(~lf, ~migrant+sex, des, svyratio, denominator=~wap) gives.
const R = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../testing/fixtures/lfs_small_r_reference.json'), 'utf8'),
) as {
  cases: { id: string; estimates: { domain: Record<string, string>; estimate: number; se: number }[] }[];
};
const rLfpr = R.cases
  .find((c) => c.id === 'lfpr_by_migrant_sex')!
  .estimates.find((e) => e.domain.migrant === 'yes' && e.domain.sex === 'female')!;

// The command line's tables of the practice set (`labmig stats tables`, content/data/lab/lfs_small.tables.json).
const CLI = JSON.parse(readFileSync(path.join(LAB, 'lfs_small.tables.json'), 'utf8')) as {
  tables: { id: string; rows: Record<string, unknown>[] }[];
};
const cliUr = CLI.tables
  .find((t) => t.id === 'ur_sex_age')!
  .rows.find((r) => r.migrant === 'migrant' && r.sex === 'female' && r.age === 'total')! as {
  estimate: number;
  se: number;
  ci_upper: number;
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const RUN = [
  'compute:',
  '  run:',
  '    derive:',
  '      wap: { from: age, gte: 15 }',
  '      lf: { from: lfs, in: [employed, unemployed], missingAs: 0 }',
  '    design: { ids: [psu], strata: stratum, weights: weight, nest: true }',
  '    estimate: { kind: ratio, variables: [lf], denominator: wap, by: [migrant, sex] }',
].join('\n');

const RUN_ANSWERS = [
  'answers:',
  '  - id: rate',
  '    label: Rate (%)',
  '    pick: { domain: { migrant: "yes", sex: female }, field: estimate }',
  '    scale: 100',
  '    tolerance: { absolute: 0.05 }',
  '  - id: se',
  '    label: SE',
  '    pick: { domain: { migrant: "yes", sex: female }, field: se }',
  '    tolerance: { relative: 0.01 }',
].join('\n');

/** An exercise file: default front matter entries, with `replace` swapping whole top-level entries. */
function exerciseFile(replace: Record<string, string | null> = {}, body = 'Estimate the rate.'): string {
  const entries: Record<string, string> = {
    title: 'title: Participation',
    summary: 'summary: Estimate a rate.',
    week: 'week: 1',
    module: 'module: 01-alpha',
    dataset: 'dataset: lfs_small.csv',
    required: 'required: true',
    points: 'points: 10',
    attempts: 'attempts: 3',
    due: 'due: { week: 2, day: 3 }',
    compute: RUN,
    answers: RUN_ANSWERS,
  };
  for (const [key, value] of Object.entries(replace)) {
    if (value === null) delete entries[key];
    else entries[key] = value;
  }
  return `---\n${Object.values(entries).join('\n')}\n---\n${body}\n`;
}

async function load(files: CourseFiles, labDir = LAB) {
  const { dir, cleanup } = await writeCourseDir(files);
  cleanups.push(cleanup);
  const course = await loadCourse(dir);
  if (!course.ok) throw new Error(course.errors.map((e) => e.message).join('\n'));
  return loadLabExercises(dir, course.course, labDir);
}

async function errorsOf(file: string): Promise<ContentError[]> {
  const result = await load({ 'lab-exercises/w1-rate.md': file });
  if (result.ok) throw new Error('expected the exercise to fail');
  return result.errors;
}

const located = (errors: ContentError[]) =>
  errors.map((e) => `${e.file.split('tiny-course/')[1]}:${e.line} ${e.code}`);

describe('loadLabExercises', () => {
  it('loads a spec exercise with the values R gives on the practice dataset', async () => {
    const result = await load({ 'lab-exercises/w1-rate.md': exerciseFile() });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const [x] = result.exercises;
    expect(x!.definition).toMatchObject({
      id: 'w1-rate',
      week: 1,
      moduleId: '01-alpha',
      dataset: 'lfs_small.csv',
      required: true,
      points: 10,
      attempts: 3,
      due: { week: 2, day: 3, time: '23:59' },
      task: 'Estimate the rate.\n',
    });
    expect(x!.expected.rate).toBeCloseTo(rLfpr.estimate * 100, 9);
    expect(x!.expected.se).toBeCloseTo(rLfpr.se, 11);
  });

  it('computes a tables exercise as the command line does, and a sample-size exercise by the planner', async () => {
    const tables = exerciseFile({
      dataset: 'dataset: lfs_small.sav',
      compute: 'compute:\n  tables: { mapping: lfs_small.mapping.json }',
      answers: [
        'answers:',
        '  - { id: rate, label: Rate, pick: { table: ur_sex_age, row: { migrant: migrant, sex: female, age: total }, field: estimate }, tolerance: { absolute: 0.005 } }',
        '  - { id: hi, label: Upper, pick: { table: ur_sex_age, row: { migrant: migrant, sex: female, age: total }, field: ci_upper }, tolerance: { absolute: 0.005 } }',
      ].join('\n'),
    });
    // Hand-computed: n0 = 1.959964² · 0.2 · 0.8 / 0.03² = 3.841459 · 0.16 / 0.0009 = 682.93;
    // deff = 1 + (6 − 1) · 0.1 = 1.5; 682.93 · 1.5 / 0.8 = 1280.49 → 1281 persons.
    const plan = exerciseFile({
      dataset: null,
      compute:
        'compute:\n  sampleSize: { p: 0.2, moe: 0.03, cluster: { meanSize: 6, icc: 0.1 }, responseRate: 0.8 }',
      answers:
        'answers:\n  - { id: n, label: Persons, pick: { plan: nSelectRounded }, tolerance: { absolute: 0.5 } }\n' +
        '  - { id: n0, label: n0, pick: { plan: n0 }, tolerance: { absolute: 0.5 } }',
    });
    const result = await load({ 'lab-exercises/w1-a.md': tables, 'lab-exercises/w1-b.md': plan });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const byId = Object.fromEntries(result.exercises.map((x) => [x.definition.id, x.expected]));
    expect(byId['w1-a']).toEqual({ rate: cliUr.estimate, hi: cliUr.ci_upper });
    expect(byId['w1-b']!.n).toBe(1281);
    expect(byId['w1-b']!.n0).toBeCloseTo(682.93, 2);
  });

  it('has no exercises without the folder, and skips the authors’ README', async () => {
    expect(await load({})).toMatchObject({ ok: true, exercises: [] });
    expect(await load({ 'lab-exercises/README.md': '# Notes\n' })).toMatchObject({ ok: true, exercises: [] });
  });

  it.each([
    ['an unknown key', { points: 'points: 10\nscore: 3' }, 'lab-exercises/w1-rate.md:9 content.unknown-key'],
    ['a week past the course', { week: 'week: 3' }, 'lab-exercises/w1-rate.md:4 content.week-out-of-range'],
    [
      'a module taught in another week',
      { module: 'module: 02-beta' },
      'lab-exercises/w1-rate.md:5 content.invalid-value',
    ],
    [
      'a module that does not exist',
      { module: 'module: 09-gamma' },
      'lab-exercises/w1-rate.md:5 content.module-missing',
    ],
    [
      'a dataset that is not a practice file',
      { dataset: 'dataset: secret.csv' },
      'lab-exercises/w1-rate.md:6 content.file-missing',
    ],
    [
      'a path outside the practice folder',
      { dataset: 'dataset: ../lab/lfs_small.csv' },
      'lab-exercises/w1-rate.md:6 content.invalid-value',
    ],
    ['a spec without a dataset', { dataset: null }, 'lab-exercises/w1-rate.md:10 content.missing-field'],
    ['no attempts', { attempts: 'attempts: 0' }, 'lab-exercises/w1-rate.md:9 content.invalid-value'],
    [
      'a tolerance that is not one of the two kinds',
      { answers: RUN_ANSWERS.replace('{ absolute: 0.05 }', '{ percent: 5 }') },
      'lab-exercises/w1-rate.md:23 content.invalid-value',
    ],
  ])('reports %s at its line', async (_what, replace, expected) => {
    expect(located(await errorsOf(exerciseFile(replace)))).toContain(expected);
  });

  it('reports a spec the engine refuses, naming the spec field', async () => {
    const errors = await errorsOf(exerciseFile({ compute: RUN.replace('kind: ratio', 'kind: median') }));
    expect(located(errors)).toEqual(['lab-exercises/w1-rate.md:12 content.invalid-value']);
    expect(errors[0]!.message).toMatch(/spec is not valid: .*kind/);
  });

  it('reports an answer that picks no number, at that answer', async () => {
    const errors = await errorsOf(
      exerciseFile({ answers: RUN_ANSWERS.replace('sex: female }, field: se', 'sex: other }, field: se') }),
    );
    expect(located(errors)).toEqual(['lab-exercises/w1-rate.md:26 content.invalid-value']);
    expect(errors[0]!.message).toMatch(/answer se: no estimate/);
  });

  it('reports a table cell that does not exist, and a pick of the wrong kind', async () => {
    const tables = exerciseFile({
      dataset: 'dataset: lfs_small.sav',
      compute: 'compute:\n  tables: { mapping: lfs_small.mapping.json }',
      answers:
        'answers:\n  - { id: rate, label: Rate, pick: { table: ur_sex_age, row: { migrant: migrant, sex: female }, field: estimate }, tolerance: { absolute: 0.005 } }',
    });
    const errors = await errorsOf(tables);
    expect(errors[0]!.message).toMatch(/no row of ur_sex_age/);
    const wrongKind = await errorsOf(
      exerciseFile({ compute: 'compute:\n  sampleSize: { p: 0.2, moe: 0.03 }' }),
    );
    expect(wrongKind.map((e) => e.message)).toContain(
      'answer rate: with `compute.sampleSize` an answer picks `plan`: a figure of the sample-size plan',
    );
  });

  it('reports a sample-size computation with no target or two', async () => {
    const plan = (input: string) =>
      exerciseFile({
        dataset: null,
        compute: `compute:\n  sampleSize: ${input}`,
        answers:
          'answers:\n  - { id: n, label: N, pick: { plan: nSelectRounded }, tolerance: { absolute: 0.5 } }',
      });
    for (const input of ['{ p: 0.2 }', '{ p: 0.2, moe: 0.03, targetCv: 0.1 }'])
      expect((await errorsOf(plan(input))).map((e) => e.message)).toContain(
        'give exactly one of `moe`, `relativeMoe`, `targetCv`',
      );
  });

  it('reports duplicate answer ids, an empty task and an unknown glossary term', async () => {
    const dup = RUN_ANSWERS.replace('id: se', 'id: rate');
    expect(located(await errorsOf(exerciseFile({ answers: dup })))).toContain(
      'lab-exercises/w1-rate.md:24 content.invalid-value',
    );
    expect(located(await errorsOf(exerciseFile({}, '')))).toEqual([
      'lab-exercises/w1-rate.md:29 content.missing-field',
    ]);
    expect(located(await errorsOf(exerciseFile({}, 'Use [[no-such-term]].')))).toEqual([
      'lab-exercises/w1-rate.md:29 content.unknown-term',
    ]);
  });
});
