import { insertGroup, insertGroupMember, newId } from '@labmig/db';
import { buildEnrolment, type DialectContext } from '@labmig/db/testing';
import { worldActorOf as actorOf } from '../../testing/actors.ts';
import { buildUsersNamed, importWorldCourse } from '../../testing/course-world.ts';

const level = (points: number, title: string) =>
  `{ points: ${points}, title: ${title}, descriptor: "${title} work." }`;

/** Three assignments of the test course (cohort from 26 October 2020, Europe/Rome). */
export const WORLD_ASSIGNMENTS: Record<string, string> = {
  // Individual, rubric 60/40, late work for 3 days, a second attempt after a failing grade.
  'assignments/essay.md': [
    '---',
    'title: Sources in your country',
    'summary: Map the sources.',
    'week: 1',
    'kind: individual',
    'due: { day: 7, time: "23:59" }',
    'lateDays: 3',
    'resubmission: { untilDue: true, attempts: 2, reopenDays: 7 }',
    'submission: { text: required, wordLimit: 300, files: { max: 2, maxFileMb: 5, maxTotalMb: 8, types: [pdf, docx, xlsx] } }',
    'grading:',
    '  maxGrade: 100',
    '  passMark: 50',
    '  rubric:',
    `    - { id: sources, title: Sources, weight: 60, levels: [${level(0, 'None')}, ${level(1, 'Partial')}, ${level(2, 'Sound')}, ${level(3, 'Excellent')}] }`,
    `    - { id: concepts, title: Concepts, weight: 40, levels: [${level(0, 'None')}, ${level(1, 'Partial')}, ${level(2, 'Sound')}] }`,
    '---',
    'List the sources of your country.',
    '',
  ].join('\n'),
  // Group, one criterion, no late work, adjustments up to 10 points.
  'assignments/team.md': [
    '---',
    'title: Coherence matrix',
    'summary: Score a matrix together.',
    'week: 1',
    'kind: group',
    'group: { maxAdjustment: 10 }',
    'due: { day: 7 }',
    'lateDays: 0',
    'submission: { text: required }',
    'grading:',
    '  maxGrade: 100',
    '  passMark: 50',
    '  rubric:',
    `    - { id: matrix, title: Matrix, weight: 100, levels: [${level(0, 'None')}, ${level(1, 'Weak')}, ${level(2, 'Fair')}, ${level(3, 'Good')}, ${level(4, 'Excellent')}] }`,
    '---',
    'Score the matrix as a group.',
    '',
  ].join('\n'),
  // Individual, simple points, no taking back.
  'assignments/quick.md': [
    '---',
    'title: Quick exercise',
    'summary: Compute one indicator.',
    'week: 2',
    'kind: individual',
    'due: { day: 7 }',
    'lateDays: 0',
    'resubmission: { untilDue: false }',
    'submission: { text: required }',
    'grading: { maxGrade: 20, passMark: 10 }',
    '---',
    'Compute the indicator.',
    '',
  ].join('\n'),
};

/**
 * A course with the world's assignments imported, its 2020 cohort (from Monday 26 October 2020, Europe/Rome), and
 * people: Ana and Ben in group A, Cai in group B, Dee in no group (learners), Tim (tutor following group A), Mia (a
 * second tutor), Oz (outsider). The clock starts on Tuesday 27 October 2020.
 */
export async function buildAssignmentWorld(
  ctx: DialectContext,
  files: Record<string, string> = WORLD_ASSIGNMENTS,
) {
  const { app, cohortId } = await importWorldCourse(ctx, files, {
    now: '2020-10-27T09:00:00.000Z',
    prefix: 'labmig-assignments-',
  });
  const [ana, ben, cai, dee, tim, mia, oz] = await buildUsersNamed(ctx, [
    'Ana',
    'Ben',
    'Cai',
    'Dee',
    'Tim',
    'Mia',
    'Oz',
  ]);
  for (const u of [ana, ben, cai, dee]) await buildEnrolment(ctx.db, { cohort_id: cohortId, user_id: u!.id });
  for (const u of [tim, mia])
    await buildEnrolment(ctx.db, { cohort_id: cohortId, user_id: u!.id, role: 'tutor' });
  const at = '2020-10-26T00:00:00.000Z';
  const groupA = newId();
  const groupB = newId();
  await insertGroup(ctx.db, {
    id: groupA,
    cohort_id: cohortId,
    name: 'Group A',
    tutor_user_id: tim!.id,
    created_at: at,
    updated_at: at,
  });
  await insertGroup(ctx.db, {
    id: groupB,
    cohort_id: cohortId,
    name: 'Group B',
    created_at: at,
    updated_at: at,
  });
  for (const [u, g] of [
    [ana, groupA],
    [ben, groupA],
    [cai, groupB],
  ] as const)
    await insertGroupMember(ctx.db, {
      id: newId(),
      group_id: g,
      cohort_id: cohortId,
      user_id: u!.id,
      added_at: at,
    });
  return {
    app,
    cohortId,
    groupA,
    groupB,
    ref: (key: string) => ({ cohortId, key }),
    ana: actorOf(ana!),
    ben: actorOf(ben!),
    cai: actorOf(cai!),
    dee: actorOf(dee!),
    tutor: actorOf(tim!),
    tutor2: actorOf(mia!),
    outsider: actorOf(oz!),
    users: { ana: ana!, ben: ben!, cai: cai!, dee: dee!, tim: tim!, mia: mia!, oz: oz! },
  };
}
