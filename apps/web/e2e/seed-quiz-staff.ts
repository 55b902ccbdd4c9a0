// Seed data for the quiz-staff browser tests (gradebook, grading, overrides, item analysis), called by seed.ts after
// the shared users and cohorts exist. Learners answer through core (start, save, submit) with answers worked out by
// hand from the GIFT files; the expected grades are computed here from which answers were right, not by the
// grading code under test.
import { join } from 'node:path';
import { createCohort, enrolUser } from '@labmig/core/cohorts';
import { fixedClock, type App } from '@labmig/core/app';
import {
  importQuestionBank,
  scheduleQuizzesForCohort,
  startAttempt,
  submitAttempt,
  type PageAnswers,
} from '@labmig/core/assessment';
import { actorByEmail, quizRefOf } from '@labmig/core/testing';
import type { SeedBase } from './seed-base.ts';
import type { Account } from './state.ts';

/** A seeded learner with the grades the tests expect (rounded to 2 decimals, as the gradebook and CSV show). */
export interface StaffSeedLearner extends Account {
  readonly userId: string;
  /** Week 1 grade out of 100, from the answers given (null: not attempted). */
  readonly week1: number | null;
}

/** An essay learner: the week-5 attempt waits for a tutor; `mark` out of `maxMark` gives `gradeAfter`. */
export interface StaffSeedEssay extends StaffSeedLearner {
  readonly essay: string;
  readonly mark: number;
  readonly maxMark: number;
  readonly gradeAfter: number;
}

/** What the gradebook specs read from state.json (`quizStaff`). */
export interface QuizStaffState {
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly tutor: Account;
  readonly manager: Account;
  /** A learner of another cohort only: every staff page answers 404. */
  readonly outsider: Account;
  readonly quizzes: { readonly week1: string; readonly week5: string };
  readonly week1Title: string;
  readonly week5Title: string;
  /** Learners who took week 1 (right answers on their first `right` slots, the rest blank). */
  readonly learners: Readonly<Record<'ada' | 'ben' | 'cleo' | 'dan', StaffSeedLearner>>;
  /** Per Playwright project: a learner whose week-1 grade the manager overrides, and one whose essay is graded. */
  readonly override: Readonly<Record<'js' | 'no-js', StaffSeedLearner>>;
  readonly essay: Readonly<Record<'js' | 'no-js', StaffSeedEssay>>;
  /** The questions every week-1 attempt holds (the fixed ones): item analysis lists them with n = week-1 takers. */
  readonly fixedWeek1Questions: readonly string[];
  readonly week1Takers: number;
  /** Per week-1 question: attempts that held it (n) and how many answered it right (all-or-nothing here). */
  readonly week1Items: Readonly<Record<string, { readonly n: number; readonly right: number }>>;
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** A slot of an attempt's frozen layout, as far as answering it needs. */
interface Slot {
  readonly questionId: string;
  readonly maxMark: number;
  readonly choiceOrder?: readonly number[];
  readonly variables?: Readonly<Record<string, number>>;
}

/** Authored answer indexes → the option ids a page shows (display positions). */
const shown = (slot: Slot, ...authored: number[]): string[] =>
  authored.map((a) => String(slot.choiceOrder!.indexOf(a)));

/**
 * The right answer to each question of weeks 1 and 5, read by hand from content/…/quizzes/week-1.gift and
 * week-5.gift (authored answer indexes count from 0; matching prompts are `p<authored pair index>`).
 */
const KEY: Record<string, (slot: Slot) => PageAnswers[number]> = {
  'w1-labour-force-definition': (s) => ({ selected: shown(s, 0) }),
  'w1-unemployment-rate-denominator': (s) => ({ selected: shown(s, 0) }),
  'w1-inactivity-rate': () => ({ text: '31' }),
  'w1-lf-status-matching': () => ({
    pairs: {
      p0: 'labour force ÷ working-age population',
      p1: 'employed ÷ working-age population',
      p2: 'unemployed ÷ labour force',
    },
  }),
  'w1-forms-of-work': (s) => ({ selected: shown(s, 0) }),
  'w1-lf-status-discouraged': (s) => ({ selected: shown(s, 0) }),
  'w1-lu3': () => ({ text: '15.6' }),
  'w1-lu-measures': (s) => ({ selected: shown(s, 0) }),
  'w1-lfs-identification': (s) => ({ selected: shown(s, 0, 1, 2) }),
  'w1-sources-strengths': (s) => ({ selected: shown(s, 0) }),
  'w1-sdg-881': () => ({ text: '15' }),
  'w1-sdg-882': (s) => ({ selected: shown(s, 0) }),
  'w1-calc-lfpr': (s) => {
    const { emp, unemp, olf } = s.variables!;
    return { text: ((100 * (emp + unemp)) / (emp + unemp + olf)).toFixed(2) };
  },
  'w1-calc-unemployment-rate': (s) => {
    const { emp, unemp } = s.variables!;
    return { text: ((100 * unemp) / (emp + unemp)).toFixed(2) };
  },
  'w1-icls-year': () => ({ text: '2018' }),
  'w1-guidelines-not-resolution': () => ({ selected: ['false'] }),
  'w1-icls-status': (s) => ({ selected: shown(s, 0) }),
  'w1-three-concepts': (s) => ({ selected: shown(s, 0, 1, 2) }),
  'w1-irrespective-of-purpose': () => ({ selected: ['true'] }),
  'w1-excluded-groups': (s) => ({ selected: shown(s, 0) }),
  'w1-return-migrant-worker': () => ({
    pairs: {
      p0: 'Return international migrant workers',
      p1: 'Non-resident foreign workers',
      p2: 'Resident international migrant workers',
    },
  }),
  'w1-stock-criteria': () => ({ text: 'birth' }),
  'w1-usual-residence-intention': (s) => ({ selected: shown(s, 0) }),
  'w1-classify-project-worker': (s) => ({ selected: shown(s, 0) }),
  'w1-classify-returnee': (s) => ({ selected: shown(s, 0) }),
  'w1-stock-vs-flow': (s) => ({ selected: shown(s, 0) }),
  'w1-concept-sources': () => ({
    pairs: {
      p0: 'the labour force survey',
      p1: 'establishment surveys or border data',
      p2: 'destination-country statistics and consular registers',
    },
  }),
  'w5-atlas-publisher': (s) => ({ selected: shown(s, 0) }),
  'w5-atlas-subsections': (s) => ({ selected: shown(s, 0, 1, 2, 3, 4) }),
  'w5-atlas-coverage-2021': () => ({ text: '198' }),
  'w5-undesa-editions': (s) => ({ selected: shown(s, 0) }),
  'w5-undesa-criterion': () => ({ text: 'birth' }),
  'w5-rate-per-1000': () => ({ text: '1.59' }),
  'w5-population-at-risk': (s) => ({ selected: shown(s, 0) }),
  'w5-emigrant-share': () => ({ text: '13.4' }),
  'w5-equal-interval-width': () => ({ text: '8' }),
  'w5-quantiles': (s) => ({ selected: shown(s, 0) }),
  'w5-outlier': (s) => ({ selected: shown(s, 0) }),
  'w5-counts-on-maps': (s) => ({ selected: shown(s, 0) }),
  'w5-destination-share': () => ({ text: '81.8' }),
  'w5-origin-share': () => ({ text: '25' }),
  'w5-zero-vs-missing': (s) => ({ selected: shown(s, 0) }),
  'w5-calc-stock-share': (s) => {
    const { pop, mig } = s.variables!;
    return { text: ((100 * mig) / pop).toFixed(3) };
  },
};

async function layoutOf(app: App, attemptId: string): Promise<Slot[]> {
  const row = await app.db
    .selectFrom('quiz_attempts')
    .select('layout')
    .where('id', '=', attemptId)
    .executeTakeFirstOrThrow();
  return (JSON.parse(row.layout) as { slots: Slot[] }).slots;
}

function rightAnswer(slot: Slot): PageAnswers[number] {
  const answer = KEY[slot.questionId];
  if (!answer) throw new Error(`seed-quiz-staff: no answer key for question ${slot.questionId}`);
  return answer(slot);
}

/**
 * One learner takes a quiz: the slots `answerRight` picks get the right answer, the others stay blank; `extra`
 * adds answers (the essay). Returns the attempt, its layout and the marks earned by the right answers.
 */
async function takeQuiz(
  app: App,
  email: string,
  quizId: string,
  answerRight: (slot: Slot, index: number) => boolean,
  extra: (slot: Slot) => PageAnswers[number] | undefined = () => undefined,
) {
  const actor = await actorByEmail(app.db, email);
  const ref = await quizRefOf(app.db, quizId);
  const { attemptId } = await startAttempt(app, actor, ref);
  const slots = await layoutOf(app, attemptId);
  const page: Record<number, PageAnswers[number]> = {};
  const right = new Set<string>();
  let earned = 0;
  slots.forEach((slot, i) => {
    const more = extra(slot);
    if (more) page[i] = more;
    else if (answerRight(slot, i)) {
      page[i] = rightAnswer(slot);
      right.add(slot.questionId);
      earned += slot.maxMark;
    }
  });
  await submitAttempt(app, actor, { cohortId: ref.cohortId, attemptId }, page);
  const total = slots.reduce((sum, s) => sum + s.maxMark, 0);
  return { userId: actor.userId, attemptId, slots, right, earned, total };
}

async function quizOf(app: App, cohortId: string, week: number) {
  const row = await app.db
    .selectFrom('quizzes')
    .select(['id', 'title'])
    .where('cohort_id', '=', cohortId)
    .where('week', '=', week)
    .executeTakeFirst();
  if (!row) throw new Error(`seed-quiz-staff: cohort ${cohortId} has no week ${week} assessment`);
  return row;
}

/** Seeds what the quiz-staff tests need; returns what they read from state.json (under `quizStaff`). */
export async function seedQuizStaff(app: App, base: SeedBase): Promise<QuizStaffState> {
  // Started 29 days ago: week 5 (with the essay) is open now; week 1 was open 29 to 22 days ago, so week-1
  // attempts are made through an app whose clock is 28 days back.
  const cohort = await createCohort(app, {
    courseSlug: base.slug,
    title: 'Gradebook cohort',
    startsOn: day(-29),
    endsOn: day(13),
    capacity: 100,
    timeZone: 'UTC',
  });
  const scheduled = await app.db
    .selectFrom('quizzes')
    .select('id')
    .where('cohort_id', '=', cohort.id)
    .execute();
  if (scheduled.length === 0) {
    // Older content import without question banks: import and schedule here (both idempotent).
    const course = await app.db
      .selectFrom('courses')
      .select('id')
      .where('slug', '=', base.slug)
      .executeTakeFirstOrThrow();
    const courseDir = join(app.config.contentDir, 'courses', base.slug);
    const imported = await importQuestionBank(app, { courseId: course.id, courseDir });
    if (!imported.ok) throw new Error(`seed-quiz-staff: bank import failed ${JSON.stringify(imported)}`);
    await scheduleQuizzesForCohort(app, cohort.id);
  }
  const week1 = await quizOf(app, cohort.id, 1);
  const week5 = await quizOf(app, cohort.id, 5);

  const tutor = await base.person('gb-tutor@e2e.test', 'Gale Tutor');
  const manager = await base.person('gb-manager@e2e.test', 'Gus Manager');
  await enrolUser(app, { cohortId: cohort.id, email: tutor.email, role: 'tutor' });
  await enrolUser(app, { cohortId: cohort.id, email: manager.email, role: 'manager' });
  const learner = async (key: string, name: string): Promise<Account> => {
    const account = await base.person(`gb-${key}@e2e.test`, name);
    await enrolUser(app, { cohortId: cohort.id, email: account.email, role: 'learner' });
    return account;
  };

  const past = { ...app, clock: fixedClock(new Date(Date.now() - 28 * 86_400_000)) };
  const week1Items: Record<string, { n: number; right: number }> = {};
  const week1Taker = async (key: string, name: string, right: number): Promise<StaffSeedLearner> => {
    const account = await learner(key, name);
    const taken = await takeQuiz(past, account.email, week1.id, (_, i) => i < right);
    for (const slot of taken.slots) {
      const item = (week1Items[slot.questionId] ??= { n: 0, right: 0 });
      item.n += 1;
      if (taken.right.has(slot.questionId)) item.right += 1;
    }
    return { ...account, userId: taken.userId, week1: round2((100 * taken.earned) / taken.total) };
  };
  const learners = {
    ada: await week1Taker('ada', 'Gb Ada Allright', 99),
    ben: await week1Taker('ben', 'Gb Ben Sixty', 6),
    cleo: await week1Taker('cleo', 'Gb Cleo Three', 3),
    dan: await week1Taker('dan', 'Gb Dan Blank', 0),
  };
  const override = {
    js: await week1Taker('ola', 'Gb Ola Override', 4),
    'no-js': await week1Taker('oli', 'Gb Oli Override', 4),
  };

  const essayTaker = async (key: string, name: string): Promise<StaffSeedEssay> => {
    const account = await learner(key, name);
    // Characters a page must escape, and two paragraphs.
    const essay = `Employment rate <b>by citizenship</b> & "share of 25–64 in work".\n\nLimitation: birth vs citizenship.`;
    let maxMark = 0;
    // The essay, and the right answer to every other question except the calculated one (left blank).
    const taken = await takeQuiz(
      app,
      account.email,
      week5.id,
      (slot) => slot.questionId !== 'w5-calc-stock-share',
      (slot) => {
        if (slot.questionId !== 'w5-atlas-reflection') return undefined;
        maxMark = slot.maxMark;
        return { text: essay };
      },
    );
    const mark = 1.5;
    return {
      ...account,
      userId: taken.userId,
      week1: null,
      essay,
      mark,
      maxMark,
      gradeAfter: round2((100 * (taken.earned + mark)) / taken.total),
    };
  };
  const essay = {
    js: await essayTaker('eve', 'Gb Eve Essay'),
    'no-js': await essayTaker('eli', 'Gb Eli Essay'),
  };

  return {
    cohortId: cohort.id,
    cohortTitle: cohort.title,
    tutor,
    manager,
    outsider: base.learner,
    quizzes: { week1: week1.id, week5: week5.id },
    week1Title: week1.title,
    week5Title: week5.title,
    learners,
    override,
    essay,
    fixedWeek1Questions: ['w1-calc-lfpr', 'w1-calc-unemployment-rate'],
    week1Takers: 6,
    week1Items,
  };
}
