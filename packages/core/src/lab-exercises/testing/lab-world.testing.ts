import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildEnrolment, type DialectContext } from '@labmig/db/testing';
import { worldActorOf as actorOf } from '../../testing/actors.ts';
import { buildUsersNamed, importWorldCourse } from '../../testing/course-world.ts';

/** The practice datasets shipped with the app (synthetic). */
const LAB = path.resolve(import.meta.dirname, '../../../../../content/data/lab');

/**
 * Two Lab exercises of the test course (cohort from Monday 26 October 2020, Europe/Rome):
 * `rate` (required, 2 attempts, due week 1 day 7): the labour force participation rate of foreign-born women and its
 * SE on the practice dataset, by a spec; `plan` (optional, 1 attempt, due week 2 day 7): a sample size.
 */
export const WORLD_LAB_EXERCISES: Record<string, string> = {
  'lab-exercises/rate.md': [
    '---',
    'title: Participation of foreign-born women',
    'summary: Estimate a rate and its standard error.',
    'fr: { title: Participation des femmes nées à l’étranger }',
    'week: 1',
    'module: 01-alpha',
    'dataset: lfs_small.csv',
    'required: true',
    'points: 10',
    'attempts: 2',
    'due: { day: 7 }',
    'compute:',
    '  run:',
    '    derive:',
    '      wap: { from: age, gte: 15 }',
    '      lf: { from: lfs, in: [employed, unemployed], missingAs: 0 }',
    '    design: { ids: [psu], strata: stratum, weights: weight, nest: true }',
    '    estimate: { kind: ratio, variables: [lf], denominator: wap, by: [migrant, sex] }',
    'answers:',
    '  - { id: rate, label: Rate (%), pick: { domain: { migrant: "yes", sex: female }, field: estimate }, scale: 100, tolerance: { absolute: 0.05 } }',
    '  - { id: se, label: SE (points), pick: { domain: { migrant: "yes", sex: female }, field: se }, scale: 100, tolerance: { absolute: 0.005 } }',
    '---',
    'Estimate the rate.',
    '',
  ].join('\n'),
  'lab-exercises/plan.md': [
    '---',
    'title: Sample size',
    'summary: Size a survey.',
    'week: 2',
    'module: 02-beta',
    'points: 5',
    'attempts: 1',
    'due: { day: 7 }',
    'compute:',
    '  sampleSize: { p: 0.2, moe: 0.03, cluster: { meanSize: 6, icc: 0.1 }, responseRate: 0.8 }',
    'answers:',
    '  - { id: persons, label: Persons, pick: { plan: nSelectRounded }, tolerance: { absolute: 0.5 } }',
    '---',
    'The figures are illustrative. Size the survey.',
    '',
  ].join('\n'),
};

/**
 * The test course with the Lab exercises imported (the practice dataset copied beside it), its 2020 cohort and
 * people: Ana and Ben (active learners), Wil (withdrawn learner), Tim (tutor), Ada (site admin, not enrolled), Oz
 * (outsider). The clock starts on Tuesday 27 October 2020.
 */
export async function buildLabWorld(
  ctx: DialectContext,
  files: Record<string, string> = WORLD_LAB_EXERCISES,
) {
  const { app, root, imported, cohortId } = await importWorldCourse(ctx, files, {
    now: '2020-10-27T09:00:00.000Z',
    prefix: 'labmig-lab-exercises-',
    prepare: (root) => {
      mkdirSync(path.join(root, 'data', 'lab'), { recursive: true });
      cpSync(path.join(LAB, 'lfs_small.csv'), path.join(root, 'data', 'lab', 'lfs_small.csv'));
    },
  });
  const [ana, ben, wil, tim, ada, oz] = await buildUsersNamed(ctx, ['Ana', 'Ben', 'Wil', 'Tim', 'Ada', 'Oz']);
  for (const u of [ana, ben]) await buildEnrolment(ctx.db, { cohort_id: cohortId, user_id: u!.id });
  await buildEnrolment(ctx.db, { cohort_id: cohortId, user_id: wil!.id, status: 'withdrawn' });
  await buildEnrolment(ctx.db, { cohort_id: cohortId, user_id: tim!.id, role: 'tutor' });
  return {
    app,
    root,
    cohortId,
    imported,
    ref: (key: string) => ({ cohortId, key }),
    ana: actorOf(ana!),
    ben: actorOf(ben!),
    wil: actorOf(wil!),
    tutor: actorOf(tim!),
    admin: actorOf(ada!, true),
    outsider: actorOf(oz!),
  };
}
