import {
  listAttemptsOfQuizzes,
  listGradeOverrides,
  listQuizzesOfCohort,
  type Database,
  type Kysely,
  type QuizAttemptRow,
  type QuizRow,
} from '@labmig/db';
import type { Actor } from '../../access/actor.ts';
import { assertCan } from '../../access/can.ts';
import { loadCohortAccess } from '../../access/membership.ts';
import type { App } from '../../app/app.ts';
import { NotFoundError } from '../../errors/domain-errors.ts';
import type { Locale } from '../../errors/error-messages.ts';
import { parseStoredJson } from '../../shared/stored-json.ts';
import { loadQuizContext } from '../attempt/attempt-context.ts';
import { windowState } from '../attempt/quiz-window.rules.ts';
import {
  quizOutcome,
  requirementOf,
  summariseGrades,
  type GradeSummary,
  type Requirement,
} from './gradebook.rules.ts';
import { quizTitleIn, storedQuizDefinitionSchema, type QuizDefinition } from '../attempt/quiz-definition.ts';
import { attemptsLeft } from '../attempt/quiz.rules.ts';
import {
  loadAssignmentGrades,
  type AssignmentCellDto,
  type AssignmentColumnDto,
} from '../../assignments/grading/assignment-grades.queries.ts';
import { stillRequired as assignmentStillRequired } from '../../assignments/submission/assignment-status.rules.ts';
import {
  labStillRequired,
  loadLabExerciseGrades,
  type LabExerciseCellDto,
  type LabExerciseColumnDto,
} from '../../lab-exercises/lab-exercise-grades.queries.ts';

/** One quiz of a cohort, as the gradebook lists it. */
export interface GradebookQuizDto {
  readonly quizId: string;
  readonly week: number;
  /** In the page's language when the course gives a French title; `titleLang` says which. */
  readonly title: string;
  readonly titleLang: 'en' | 'fr';
  readonly opensAt: string;
  readonly closesAt: string | null;
  readonly maxGrade: number;
  readonly passMark: number;
  readonly attemptsAllowed: number;
}

/** One attempt behind a grade (staff views, to link to its review). */
export interface GradeAttemptDto {
  readonly attemptId: string;
  readonly number: number;
  /** `open` while the learner is still answering, else `submitted`. */
  readonly state: string;
  /** null while open or while an essay waits for a tutor. */
  readonly grade: number | null;
  readonly pendingQuestions: number;
  readonly submittedAt: string | null;
}

/** One learner's standing in one quiz. */
export interface GradeCellDto {
  readonly quizId: string;
  /** null when there is no grade yet, or (learner view) while the feedback mode hides it. */
  readonly grade: number | null;
  /** Staff view: the grade from the attempts, before any override (null when none). Learners: same as grade. */
  readonly computedGrade: number | null;
  readonly gradeHidden: boolean;
  readonly provisional: boolean;
  readonly overridden: boolean;
  readonly passed: boolean;
  readonly attemptsUsed: number;
  readonly submittedAttempts: number;
  readonly attemptsLeft: number | null;
  readonly requirement: Requirement;
  /** Staff view only: the attempts, in the order made. */
  readonly attempts?: readonly GradeAttemptDto[];
}

interface Loaded {
  readonly quizzes: readonly { row: QuizRow; def: QuizDefinition }[];
  readonly attempts: readonly QuizAttemptRow[];
  readonly overrides: ReadonlyMap<string, number | null>;
}

async function loadGradebook(
  db: Kysely<Database>,
  cohortId: string,
  userIds?: readonly string[],
): Promise<Loaded> {
  const rows = await listQuizzesOfCohort(db, cohortId);
  const ids = rows.map((q) => q.id);
  const attempts = (await listAttemptsOfQuizzes(db, ids)).filter(
    (a) => !userIds || userIds.includes(a.user_id),
  );
  const overrides = new Map<string, number | null>();
  for (const o of await listGradeOverrides(db, ids)) overrides.set(`${o.quiz_id}/${o.user_id}`, o.grade);
  return {
    quizzes: rows.map((row) => ({
      row,
      def: parseStoredJson(storedQuizDefinitionSchema, row.definition, `definition of quiz ${row.id}`),
    })),
    attempts,
    overrides,
  };
}

function cell(
  loaded: Loaded,
  quiz: Loaded['quizzes'][number],
  userId: string,
  now: Date,
  viewer: 'learner' | 'staff',
): GradeCellDto {
  const { row, def } = quiz;
  const attempts = loaded.attempts.filter((a) => a.quiz_id === row.id && a.user_id === userId);
  const override = loaded.overrides.get(`${row.id}/${userId}`);
  const outcome = quizOutcome({ attempts, method: def.gradingMethod, passMark: def.passMark, override });
  const closesAt = row.closes_at ? new Date(row.closes_at) : null;
  const window = windowState({ opensAt: new Date(row.opens_at), closesAt }, now);
  // The gradebook follows the review rule: with `after-close`, learners see computed grades once the quiz closes.
  const gradeHidden =
    viewer === 'learner' && !outcome.overridden && def.feedbackMode === 'after-close' && window !== 'closed';
  const left = attemptsLeft(def.attemptsAllowed, attempts.length);
  return {
    quizId: row.id,
    grade: gradeHidden ? null : outcome.grade,
    computedGrade: gradeHidden ? null : viewer === 'staff' ? outcome.computedGrade : outcome.grade,
    gradeHidden,
    provisional: outcome.provisional,
    overridden: outcome.overridden,
    passed: gradeHidden ? false : outcome.passed,
    attemptsUsed: attempts.length,
    submittedAttempts: outcome.submittedAttempts,
    attemptsLeft: left,
    requirement: requirementOf(outcome, { window, attemptsLeft: left, gradeHidden }),
    ...(viewer === 'staff' ? { attempts: attempts.map(attemptDto) } : {}),
  };
}

function attemptDto(a: QuizAttemptRow): GradeAttemptDto {
  return {
    attemptId: a.id,
    number: a.attempt_number,
    state: a.state,
    grade: a.state === 'submitted' ? a.grade : null,
    pendingQuestions: a.pending_count,
    submittedAt: a.submitted_at,
  };
}

function quizDto({ row, def }: Loaded['quizzes'][number], locale: Locale = 'en'): GradebookQuizDto {
  return {
    quizId: row.id,
    week: row.week,
    title: locale === 'fr' ? quizTitleIn(def, locale) : row.title,
    titleLang: locale === 'fr' && def.fr ? 'fr' : 'en',
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    maxGrade: def.maxGrade,
    passMark: def.passMark,
    attemptsAllowed: def.attemptsAllowed,
  };
}

/** A learner's own gradebook: grades per weekly assessment and what is still required to pass. */
export interface LearnerGradebookDto {
  readonly cohortId: string;
  readonly quizzes: readonly (GradebookQuizDto & GradeCellDto)[];
  /** True when every weekly assessment is passed (the certificate condition). */
  readonly allPassed: boolean;
  /** The assessments not passed yet, with where the learner stands. */
  readonly stillRequired: readonly {
    readonly quizId: string;
    readonly title: string;
    readonly requirement: Requirement;
  }[];
  /** The cohort's assignments with the learner's cell (only released grades show). */
  readonly assignments: readonly (AssignmentColumnDto & AssignmentCellDto)[];
  /** The assignments that still ask something of the learner (to do, draft, late, resubmit). */
  readonly assignmentsRequired: readonly (AssignmentColumnDto & AssignmentCellDto)[];
  /** True when the course has a final assignment and its released grade passes. */
  readonly finalPassed: boolean;
  /** The cohort's Lab exercises with the learner's cell (best score, status, attempts used). */
  readonly labExercises: readonly (LabExerciseColumnDto & LabExerciseCellDto)[];
  /** The required Lab exercises the learner can still answer (not attempted, or a retry left). */
  readonly labExercisesRequired: readonly (LabExerciseColumnDto & LabExerciseCellDto)[];
}

/**
 * The actor's own grades in a cohort. Withdrawn learners still see theirs.
 * @throws ForbiddenError / NotFoundError `cohort.not_found` unless the actor is a learner of the cohort
 */
export async function getLearnerGradebook(
  app: App,
  actor: Actor,
  cohortId: string,
  locale: Locale = 'en',
): Promise<LearnerGradebookDto> {
  return (await learnerGradebookOf(app, actor, cohortId, locale)).gradebook;
}

async function learnerGradebookOf(app: App, actor: Actor, cohortId: string, locale: Locale = 'en') {
  const { cohort, access } = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, 'gradebook.own', access, { hidden: 'cohort.not_found' });
  const userId = actor.userId;
  const loaded = await loadGradebook(app.db, cohortId, [userId]);
  const now = app.clock.now();
  const quizzes = loaded.quizzes.map((q) => ({
    ...quizDto(q, locale),
    ...cell(loaded, q, userId, now, 'learner'),
  }));
  const missing = quizzes.filter((q) => q.requirement !== 'passed');
  const grades = await loadAssignmentGrades(app.db, cohort, [userId], now, locale);
  const mine = grades.cells.get(userId) ?? [];
  const assignments = grades.columns.map((c, i) => ({ ...c, ...mine[i] }));
  const lab = await loadLabExerciseGrades(app.db, cohort, [userId], now, locale);
  const myLab = lab.cells.get(userId) ?? [];
  const labExercises = lab.columns.map((c, i) => ({ ...c, ...myLab[i]! }));
  const gradebook: LearnerGradebookDto = {
    cohortId,
    quizzes,
    allPassed: quizzes.length > 0 && missing.length === 0,
    stillRequired: missing.map((q) => ({ quizId: q.quizId, title: q.title, requirement: q.requirement })),
    assignments,
    assignmentsRequired: assignments.filter((a) => assignmentStillRequired(a.status)),
    finalPassed: assignments.some((a) => a.final && a.passed),
    labExercises,
    labExercisesRequired: labExercises.filter((x) => labStillRequired(x, x)),
  };
  return { cohort, gradebook, loaded, now };
}

/** The cohort gradebook: learners × weekly assessments. */
export interface CohortGradebookDto {
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly quizzes: readonly GradebookQuizDto[];
  /** Per quiz (same order as `quizzes`): attempted, passed, mean grade over the learners listed. */
  readonly summaries: readonly GradeSummary[];
  /** The cohort's assignments, after the quizzes. */
  readonly assignments: readonly AssignmentColumnDto[];
  /** The cohort's Lab exercises, after the assignments. */
  readonly labExercises: readonly LabExerciseColumnDto[];
  readonly rows: readonly {
    readonly userId: string;
    readonly name: string;
    readonly email: string;
    readonly status: string;
    readonly cells: readonly GradeCellDto[];
    /** Per assignment (same order as `assignments`): the released grade, status and late flag. */
    readonly assignmentCells: readonly AssignmentCellDto[];
    readonly allPassed: boolean;
    /** The final assignment is passed (released). */
    readonly finalPassed: boolean;
    /** Per Lab exercise (same order as `labExercises`): best score, status and attempts used. */
    readonly labCells: readonly LabExerciseCellDto[];
  }[];
}

/**
 * Every learner (active and withdrawn) of a cohort × every quiz, for tutors, managers and admins.
 * @throws ForbiddenError; NotFoundError `cohort.not_found` for outsiders
 */
export async function getCohortGradebook(
  app: App,
  actor: Actor,
  cohortId: string,
  locale: Locale = 'en',
): Promise<CohortGradebookDto> {
  const { cohort, access } = await loadCohortAccess(app.db, actor, cohortId);
  assertCan(actor, 'gradebook.cohort', access, { hidden: 'cohort.not_found' });
  const learners = await listLearners(app.db, cohortId);
  const loaded = await loadGradebook(app.db, cohortId);
  const now = app.clock.now();
  const grades = await loadAssignmentGrades(
    app.db,
    cohort,
    learners.map((l) => l.id),
    now,
    locale,
  );
  const lab = await loadLabExerciseGrades(
    app.db,
    cohort,
    learners.map((l) => l.id),
    now,
    locale,
  );
  const rows = learners.map((l) => {
    const cells = loaded.quizzes.map((q) => cell(loaded, q, l.id, now, 'staff'));
    const assignmentCells = grades.cells.get(l.id) ?? [];
    return {
      userId: l.id,
      name: l.name,
      email: l.email,
      status: l.status,
      cells,
      assignmentCells,
      allPassed: cells.length > 0 && cells.every((c) => c.requirement === 'passed'),
      finalPassed: grades.columns.some((c, i) => c.final && assignmentCells[i]?.passed === true),
      labCells: lab.cells.get(l.id) ?? [],
    };
  });
  return {
    cohortId,
    cohortTitle: cohort.title,
    quizzes: loaded.quizzes.map((q) => quizDto(q, locale)),
    summaries: loaded.quizzes.map((_, i) => summariseGrades(rows.map((r) => r.cells[i]))),
    assignments: grades.columns,
    labExercises: lab.columns,
    rows,
  };
}

/** The learners of a cohort a gradebook lists (active and withdrawn), by name. */
function listLearners(db: Kysely<Database>, cohortId: string, userId?: string) {
  let query = db
    .selectFrom('enrolments as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['u.id', 'u.name', 'u.email', 'e.status'])
    .where('e.cohort_id', '=', cohortId)
    .where('e.role', '=', 'learner')
    .where('e.status', 'in', ['active', 'withdrawn']);
  if (userId !== undefined) query = query.where('u.id', '=', userId);
  return query.orderBy('u.name').orderBy('u.email').execute();
}

/** One learner's grade in one quiz, for the override page. */
export interface LearnerQuizGradeDto {
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly quiz: GradebookQuizDto;
  readonly learner: {
    readonly userId: string;
    readonly name: string;
    readonly email: string;
    readonly status: string;
  };
  readonly cell: GradeCellDto;
}

/**
 * A learner's standing in one quiz as staff see it (grade, computed grade, override, attempts).
 * @throws ForbiddenError unless staff of the quiz's cohort; NotFoundError `quiz.not_found` (also for outsiders),
 * `user.not_found` when the person is not a learner of the cohort
 */
export async function getLearnerQuizGrade(
  app: App,
  actor: Actor,
  input: { readonly cohortId: string; readonly quizId: string; readonly userId: string },
): Promise<LearnerQuizGradeDto> {
  const ctx = await loadQuizContext(app.db, actor, input, 'gradebook.cohort');
  const [learner] = await listLearners(app.db, ctx.quiz.cohort_id, input.userId);
  if (!learner) throw new NotFoundError('user.not_found');
  const loaded = await loadGradebook(app.db, ctx.quiz.cohort_id, [learner.id]);
  const quiz = loaded.quizzes.find((q) => q.row.id === input.quizId);
  if (!quiz) throw new NotFoundError('quiz.not_found');
  return {
    cohortId: ctx.cohort.id,
    cohortTitle: ctx.cohort.title,
    quiz: quizDto(quiz),
    learner: { userId: learner.id, name: learner.name, email: learner.email, status: learner.status },
    cell: cell(loaded, quiz, learner.id, app.clock.now(), 'staff'),
  };
}

/** The learner's assessments page: their gradebook, plus the cohort's time zone and each quiz's window now. */
export interface LearnerAssessmentsDto {
  readonly cohortId: string;
  readonly cohortTitle: string;
  readonly timeZone: string;
  readonly gradebook: LearnerGradebookDto;
  /** Quiz id → where the quiz's window is now. */
  readonly windows: Readonly<Record<string, 'not-open' | 'open' | 'closed'>>;
}

/**
 * The cohort's weekly assessments as a learner sees them (getLearnerGradebook with the window of each quiz).
 * @throws NotFoundError `cohort.not_found`; ForbiddenError (see getLearnerGradebook)
 */
export async function getLearnerAssessments(
  app: App,
  actor: Actor,
  cohortId: string,
  locale: Locale = 'en',
): Promise<LearnerAssessmentsDto> {
  const { cohort, gradebook, loaded, now } = await learnerGradebookOf(app, actor, cohortId, locale);
  const windows: Record<string, 'not-open' | 'open' | 'closed'> = {};
  for (const { row: q } of loaded.quizzes)
    windows[q.id] = windowState(
      { opensAt: new Date(q.opens_at), closesAt: q.closes_at ? new Date(q.closes_at) : null },
      now,
    );
  return { cohortId, cohortTitle: cohort.title, timeZone: cohort.time_zone, gradebook, windows };
}

/** Where each listed learner stands with each weekly assessment of a cohort (the certificate's completion rule). */
export interface QuizStandings {
  readonly quizzes: readonly GradebookQuizDto[];
  /** User id → one requirement per quiz, in the order of `quizzes`. */
  readonly byUser: ReadonlyMap<string, readonly Requirement[]>;
}

/**
 * The requirement of every quiz of a cohort for each listed learner at `now`. No authorization here: callers
 * (certificate issuance, the completion report) have asserted their own action. `learner` follows what the
 * learner may see (a grade hidden until the quiz closes is `awaiting-release`); `staff` the grade as it is.
 */
export async function loadQuizStandings(
  db: Kysely<Database>,
  cohortId: string,
  userIds: readonly string[],
  now: Date,
  viewer: 'learner' | 'staff' = 'learner',
  locale: Locale = 'en',
): Promise<QuizStandings> {
  const loaded = await loadGradebook(db, cohortId, userIds);
  const byUser = new Map<string, Requirement[]>();
  for (const userId of userIds)
    byUser.set(
      userId,
      loaded.quizzes.map((q) => cell(loaded, q, userId, now, viewer).requirement),
    );
  return { quizzes: loaded.quizzes.map((q) => quizDto(q, locale)), byUser };
}
