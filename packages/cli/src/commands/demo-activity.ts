import { actorOf } from '@labmig/core/accounts';
import type { UserActor } from '@labmig/core/access';
import type { App } from '@labmig/core/app';
import {
  createSeededRandom,
  getAttempt,
  getCohortGradebook,
  listGradingQueue,
  saveAnswers,
  startAttempt,
  submitAttempt,
  type PageAnswers,
  type PresentedQuestion,
  type SubmittedAnswer,
} from '@labmig/core/assessment';
import {
  getLearnerAssignments,
  getStaffAssignments,
  saveDraft,
  submitWork,
  type AssignmentListItemDto,
} from '@labmig/core/assignments';
import { createGroup, listGroups, placeLearner, setGroupTutor } from '@labmig/core/groups';
import { getCourseHome, getProgressGrid, markLesson } from '@labmig/core/learning';
import { findUserByEmail } from '@labmig/db';

/** What one demo learner has done by the third day of week 1 (hours count from the opening of week 1). */
export interface DemoLearnerPlan {
  readonly group: string;
  /** Lessons of week 1 done, in course order: the first at `start`, then one every `pace` hours. */
  readonly lessons: { readonly count: number; readonly start: number; readonly pace: number };
  /**
   * Attempts at the week 1 assessment (skill: the share of questions answered right), each submitted about a
   * quarter of an hour after its start.
   */
  readonly attempts: readonly { readonly at: number; readonly skill: number }[];
  /** The week 1 assignment: handed in, or still a draft, at that hour. */
  readonly assignment: { readonly at: number; readonly state: 'submitted' | 'draft' } | null;
}

/** The plan of each demo learner, in the order of `labmig demo`'s learners (demo-learner1 … demo-learner12). */
export const DEMO_LEARNER_PLANS: readonly DemoLearnerPlan[] = [
  plan('Africa and the Middle East', [6, 8, 4], [[30, 0.85]], [50, 'submitted']),
  plan(
    'Africa and the Middle East',
    [5, 20, 5],
    [
      [41, 0.4],
      [58, 0.75],
    ],
    null,
  ),
  plan('Asia and the Pacific', [6, 2, 5], [[29, 0.8]], [45, 'submitted']),
  plan('Asia and the Pacific', [4, 4, 7], [[27, 0.7]], [47, 'draft']),
  plan('Africa and the Middle East', [3, 30, 6], [[49, 0.45]], null),
  plan('Africa and the Middle East', [5, 12, 5], [[40, 0.9]], [62, 'submitted']),
  plan('Asia and the Pacific', [2, 50, 4], [], null),
  plan('Asia and the Pacific', [3, 24, 8], [[52, 0.35]], null),
  plan('Europe and the Americas', [6, 1, 3], [[18, 0.95]], [38, 'submitted']),
  plan('Africa and the Middle East', [1, 60, 1], [], null),
  plan('Europe and the Americas', [4, 14, 6], [[44, 0.65]], null),
  plan('Europe and the Americas', [0, 0, 1], [], null),
];

function plan(
  group: string,
  [count, start, pace]: readonly [number, number, number],
  attempts: readonly (readonly [number, number])[],
  assignment: readonly [number, 'submitted' | 'draft'] | null,
): DemoLearnerPlan {
  return {
    group,
    lessons: { count, start, pace },
    attempts: attempts.map(([at, skill]) => ({ at, skill })),
    assignment: assignment && { at: assignment[0], state: assignment[1] },
  };
}

/** Where the demo cohort stands once its activity is there, as `labmig demo` prints it. */
export interface DemoActivitySummary {
  readonly learners: number;
  /** Learners with at least one lesson of the course done. */
  readonly started: number;
  /** Learners with a submitted attempt at the week 1 assessment. */
  readonly assessed: number;
  /** Handed-in assignments waiting for a tutor, and essays of assessments waiting for one. */
  readonly assignmentsToGrade: number;
  readonly essaysToGrade: number;
  readonly quizId: string | null;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The app seen at another instant: commands stamp and check times with it as they would have then. */
function appAt(app: App, at: Date): App {
  const clock = { now: () => new Date(at) };
  return {
    db: app.db,
    config: app.config,
    clock,
    mailer: app.mailer,
    logger: app.logger,
    storage: app.storage,
    events: app.events,
    get workers() {
      return app.workers;
    },
    close: () => app.close(),
  };
}

/**
 * Gives the demo cohort a week 1 in progress: every learner in a regional group with the tutor, lessons done
 * (some learners far, some barely started, one not at all), attempts at the week 1 assessment taken through the
 * attempt commands (start, answer, submit: the engine grades them) with a mix of right and wrong answers, and
 * week 1 assignments handed in for the tutor to grade. Everything happens in the first three days of week 1, by
 * the app's clock. Idempotent per learner: a learner with lessons done, an attempt or assignment work is left
 * as they are. A course without a week 1 assessment or assignment gets the rest.
 */
export async function seedDemoActivity(
  app: App,
  cohortId: string,
  people: { readonly manager: string; readonly tutor: string; readonly learners: readonly string[] },
): Promise<DemoActivitySummary> {
  const actor = async (email: string) => actorOf((await findUserByEmail(app.db, email))!);
  const manager = await actor(people.manager);
  const tutor = await actor(people.tutor);
  const learners = await Promise.all(people.learners.map(actor));
  await placeInGroups(app, cohortId, manager, tutor, learners);

  const now = app.clock.now();
  const grid = await getProgressGrid(app, tutor, cohortId);
  const home = await getCourseHome(app, tutor, cohortId, 'en');
  const opensAt = Date.parse(home.weeks.find((w) => w.number === 1)!.opensAt);
  // The plans span 72 hours; a cohort younger than that (or a clock set inside week 1) squeezes them in.
  const scale = Math.max(0, Math.min(1, (now.getTime() - opensAt - 30 * MINUTE) / (72 * HOUR)));
  const atHour = (hours: number) => new Date(opensAt + Math.round(hours * scale * HOUR));
  const week1 = grid.items.filter((i) => i.week === 1);

  const book = await getCohortGradebook(app, tutor, cohortId);
  const quiz = book.quizzes.find((q) => q.week === 1) ?? null;
  const assignments = await getLearnerAssignments(app, learners[0]!, cohortId, 'en');
  const assignment = weekOneAssignment(assignments.assignments);

  for (const [index, learner] of learners.entries()) {
    const p = DEMO_LEARNER_PLANS[index];
    if (!p) continue;
    // People do not work on the hour: each learner's times are shifted by some minutes of their own.
    const at = (hours: number) => atHour(hours + ((index * 23) % 50) / 60);
    const row = grid.rows.find((r) => r.userId === learner.userId);
    if (row && row.progress.lessonsDone === 0)
      for (const [k, lesson] of week1.slice(0, p.lessons.count).entries())
        await markLesson(appAt(app, at(p.lessons.start + k * p.lessons.pace)), learner, {
          cohortId,
          moduleId: lesson.moduleId,
          lessonId: lesson.lessonId,
          done: true,
        });
    const cell =
      quiz && book.rows.find((r) => r.userId === learner.userId)?.cells.find((c) => c.quizId === quiz.quizId);
    if (quiz && cell?.attemptsUsed === 0)
      for (const [n, attempt] of p.attempts.entries())
        await takeAttempt(app, { cohortId, quizId: quiz.quizId }, learner, tutor, at(attempt.at), {
          skill: attempt.skill,
          key: `${learner.email}/${n + 1}`,
        });
    if (assignment && p.assignment) {
      const mine = (await getLearnerAssignments(app, learner, cohortId, 'en')).assignments.find(
        (a) => a.key === assignment.key,
      );
      const when = at(p.assignment.at);
      const open =
        mine &&
        Date.parse(mine.window.opensAt) <= when.getTime() &&
        when.getTime() < Date.parse(mine.window.dueAt);
      if (open && mine.status === 'to-do')
        await handIn(app, { cohortId, key: assignment.key }, learner, when, p.assignment.state);
    }
  }
  return summarise(app, cohortId, tutor, learners.length);
}

/** The first individual week 1 assignment that takes text (the one learners hand in during week 1). */
function weekOneAssignment(list: readonly AssignmentListItemDto[]): AssignmentListItemDto | undefined {
  return list.find(
    (a) => a.week === 1 && a.kind === 'individual' && !a.final && a.submission.text !== 'none',
  );
}

/** Makes the groups of the plans (with the tutor) that do not exist yet, and places learners who have none. */
async function placeInGroups(
  app: App,
  cohortId: string,
  manager: UserActor,
  tutor: UserActor,
  learners: readonly UserActor[],
): Promise<void> {
  const groups = await listGroups(app.db, cohortId);
  const placed = new Set(groups.flatMap((g) => g.members.map((m) => m.userId)));
  const ids = new Map(groups.map((g) => [g.name, g.id]));
  for (const [index, learner] of learners.entries()) {
    const name = DEMO_LEARNER_PLANS[index]?.group;
    if (!name || placed.has(learner.userId)) continue;
    let groupId = ids.get(name);
    if (!groupId) {
      groupId = (await createGroup(app, manager, cohortId, { name })).groupId;
      await setGroupTutor(app, manager, cohortId, { groupId, tutorUserId: tutor.userId });
      ids.set(name, groupId);
    }
    await placeLearner(app, manager, cohortId, { userId: learner.userId, groupId });
  }
}

/**
 * One attempt as a learner takes it: started at `start`, answered ten minutes later, submitted a few minutes after
 * that. Which answers are right follows the learner's skill and each question's difficulty (both seeded); the right
 * answers are read from the attempt as the tutor sees it.
 */
async function takeAttempt(
  app: App,
  ref: { readonly cohortId: string; readonly quizId: string },
  learner: UserActor,
  tutor: UserActor,
  start: Date,
  how: { readonly skill: number; readonly key: string },
): Promise<void> {
  const { attemptId } = await startAttempt(appAt(app, start), learner, ref);
  const attempt = { cohortId: ref.cohortId, attemptId };
  const seen = await getAttempt(appAt(app, start), tutor, attempt);
  // The learner gets right the `skill` share of the questions that are easiest for them: each question has a
  // difficulty of its own (the same for everyone, so the item analysis sees easy and hard items) plus a personal
  // twist (so learners of the same skill miss different questions).
  const questions = seen.questions.filter((q) => q.type !== 'description');
  const ease = (q: PresentedQuestion) => {
    // Calculated questions draw new numbers for every attempt: the stem without them is the same question.
    const stem = q.text.replace(/\d+/g, '#').slice(0, 60);
    return createSeededRandom('difficulty', stem)() + 0.35 * createSeededRandom(how.key, stem)();
  };
  const ranked = [...questions].sort((a, b) => ease(a) - ease(b));
  const right = new Set(ranked.slice(0, Math.round(how.skill * questions.length)).map((q) => q.slot));
  const answers: Record<number, SubmittedAnswer> = {};
  for (const q of questions) {
    const answer = answerTo(q, right.has(q.slot), createSeededRandom('choice', how.key, q.text));
    if (answer) answers[q.slot] = answer;
  }
  const deadline = seen.deadlineAt ? Date.parse(seen.deadlineAt) : Infinity;
  const answered = new Date(Math.min(start.getTime() + 10 * MINUTE, deadline - 2 * MINUTE));
  await saveAnswers(appAt(app, answered), learner, attempt, answers as PageAnswers);
  const submitted = new Date(Math.min(answered.getTime() + 4 * MINUTE, deadline - MINUTE));
  await submitAttempt(appAt(app, submitted), learner, attempt);
}

/** A learner's answer to a presented question (staff view: it carries the right answer), right or wrong. */
function answerTo(q: PresentedQuestion, right: boolean, random: () => number): SubmittedAnswer | null {
  const rightOptions = q.review?.rightOptions ?? [];
  const key = q.review?.rightAnswer;
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  switch (q.type) {
    case 'truefalse':
      return { selected: [right ? rightOptions[0]! : rightOptions[0] === 'true' ? 'false' : 'true'] };
    case 'multichoice': {
      const wrong = (q.options ?? []).map((o) => o.id).filter((id) => !rightOptions.includes(id));
      if (right || wrong.length === 0)
        return { selected: q.multipleAnswers ? rightOptions : [rightOptions[0]!] };
      // A wrong choice; with several right answers, one of them too (part of the marks, or fewer).
      return { selected: q.multipleAnswers ? [rightOptions[0]!, pick(wrong)!] : [pick(wrong)!] };
    }
    case 'matching': {
      if (key?.kind !== 'pairs') return null;
      const answerOf = new Map(key.pairs.map((p) => [p.prompt, p.answer]));
      const prompts = q.prompts ?? [];
      const pairs = Object.fromEntries(prompts.map((p) => [p.id, answerOf.get(p.text) ?? '']));
      // Two answers swapped: the others still earn their share.
      if (!right && prompts.length > 1)
        [pairs[prompts[0]!.id], pairs[prompts[1]!.id]] = [pairs[prompts[1]!.id]!, pairs[prompts[0]!.id]!];
      return { pairs };
    }
    case 'numerical':
    case 'calculated': {
      const value =
        key?.kind === 'number' ? key.value : key?.kind === 'range' ? (key.min + key.max) / 2 : null;
      if (value === null) return { text: '1' };
      const tolerance = key?.kind === 'number' ? key.tolerance : 0;
      // As a person types it: rounded to the decimals the tolerance allows.
      const decimals = tolerance > 0 ? Math.max(0, Math.min(6, Math.ceil(-Math.log10(tolerance)))) : 6;
      const typed = right ? value : value * 1.2 + 1 + Math.max(1, tolerance * 3);
      return { text: String(Number(typed.toFixed(decimals))) };
    }
    case 'shortanswer':
      return { text: right && key?.kind === 'text' ? key.text.replaceAll('*', '') : 'not sure' };
    case 'essay':
      return {
        text: 'Our labour force survey asks both country of birth and citizenship, so it can publish both groups. It misses people in collective living quarters, where many seasonal migrant workers live, so for them we would turn to work-permit records.',
      };
    default:
      return null;
  }
}

/** The learner's week 1 assignment: written an hour before `at`, then handed in at `at` (or left as a draft). */
async function handIn(
  app: App,
  ref: { readonly cohortId: string; readonly key: string },
  learner: UserActor,
  at: Date,
  state: 'submitted' | 'draft',
): Promise<void> {
  const body = assignmentText(learner);
  const draft = await saveDraft(appAt(app, new Date(at.getTime() - HOUR)), learner, ref, {
    body,
    version: null,
  });
  if (state === 'submitted') await submitWork(appAt(app, at), learner, ref, { body, version: draft.version });
}

/** A short first answer to the sources-and-concepts assignment, with figures of the learner's own (invented). */
function assignmentText(learner: UserActor): string {
  const r = createSeededRandom('assignment', learner.email);
  const draw = (min: number, max: number) => Math.round(min + r() * (max - min));
  const [emp, unemp, olf] = [draw(380, 900), draw(25, 90), draw(150, 420)];
  const [nEmp, nUnemp, nOlf] = [draw(9_000, 14_000), draw(500, 1_400), draw(5_000, 9_000)];
  const lfpr = (e: number, u: number, o: number) => ((100 * (e + u)) / (e + u + o)).toFixed(1);
  const ur = (e: number, u: number) => ((100 * u) / (e + u)).toFixed(1);
  return [
    '**1. Sources**',
    '',
    '| Source | Producer | Latest year | Criterion | Residence rule |',
    '| --- | --- | --- | --- | --- |',
    '| Labour force survey (quarterly) | National statistical office | 2023 | Country of birth and citizenship | Usual residence, 12 months |',
    '| Population census | National statistical office | 2021 | Country of birth | Usual residence |',
    '| Work permits | Ministry of Labour | 2024 | Citizenship | None: counts permits, not persons |',
    '',
    '**2. Concepts**',
    '',
    'The survey and the census measure the **stock** of international migrant workers (category (a) of the 2018 Guidelines). Work permits give **flows** of foreign workers admitted, including non-resident workers that the survey misses.',
    '',
    '**3. Headline rates** (thousands, LFS 2023, ages 15+)',
    '',
    '| | Employed | Unemployed | Outside LF | LFPR % | UR % |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| Migrants | ${emp} | ${unemp} | ${olf} | ${lfpr(emp, unemp, olf)} | ${ur(emp, unemp)} |`,
    `| Non-migrants | ${nEmp} | ${nUnemp} | ${nOlf} | ${lfpr(nEmp, nUnemp, nOlf)} | ${ur(nEmp, nUnemp)} |`,
    '',
    '**4. The main gap.** Nobody counts the seasonal workers who stay less than a year, so we cannot say how many work in agriculture each harvest.',
  ].join('\n');
}

/** Where the cohort stands now, read through the staff pages' own queries. */
async function summarise(
  app: App,
  cohortId: string,
  tutor: UserActor,
  learners: number,
): Promise<DemoActivitySummary> {
  const grid = await getProgressGrid(app, tutor, cohortId);
  const book = await getCohortGradebook(app, tutor, cohortId);
  const quiz = book.quizzes.findIndex((q) => q.week === 1);
  const staff = await getStaffAssignments(app, tutor, cohortId, 'all', 'en');
  return {
    learners,
    started: grid.rows.filter((r) => r.progress.lessonsDone > 0).length,
    assessed: quiz < 0 ? 0 : book.rows.filter((r) => (r.cells[quiz]?.submittedAttempts ?? 0) > 0).length,
    assignmentsToGrade: staff.assignments.reduce((n, a) => n + a.counts['to-grade'], 0),
    essaysToGrade: (await listGradingQueue(app, tutor, cohortId)).length,
    quizId: quiz < 0 ? null : book.quizzes[quiz]!.quizId,
  };
}
