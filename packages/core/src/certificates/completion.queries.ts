import { findCourseById, type CohortRow, type CourseRow, type Database, type Kysely } from '@labmig/db';
import { loadQuizStandings } from '../assessment/gradebook/gradebook.queries.ts';
import { loadAssignmentStandings } from './assignment-standings.ts';
import { courseCertificateOf, type CourseCertificate } from './certificate-course.ts';
import type { CertificateLocale } from './certificate-pdf.texts.ts';
import { evaluateCompletion, type Completion, type QuizStanding } from './completion.rules.ts';

/** The completion of every listed learner of a cohort, with the course's certificate texts. */
export interface CohortCompletions {
  readonly course: CourseRow;
  readonly certificate: CourseCertificate;
  readonly byUser: ReadonlyMap<string, Completion>;
}

/**
 * Applies the course's completion rule to each listed learner at `now`. No authorization: callers assert
 * `completion.own`, `completion.report` or issue for the rules themselves. `viewer: 'learner'` counts a grade the
 * learner cannot see yet as not passed, so nobody gets a certificate before seeing their grades.
 */
export async function loadCompletions(
  db: Kysely<Database>,
  cohort: CohortRow,
  userIds: readonly string[],
  now: Date,
  locale: CertificateLocale,
  viewer: 'learner' | 'staff' = 'learner',
): Promise<CohortCompletions> {
  const course = await findCourseById(db, cohort.course_id);
  if (!course) throw new Error(`cohort ${cohort.id} has no course ${cohort.course_id}`);
  const certificate = courseCertificateOf(course, locale);
  const quizzes = await loadQuizStandings(db, cohort.id, userIds, now, viewer, locale);
  const assignments = await loadAssignmentStandings(db, cohort, userIds, now, locale);
  const byUser = new Map<string, Completion>();
  for (const userId of userIds) {
    const requirements = quizzes.byUser.get(userId) ?? [];
    const standings: QuizStanding[] = quizzes.quizzes.map((q, i) => ({
      quizId: q.quizId,
      title: q.title,
      week: q.week,
      requirement: requirements[i] ?? 'to-do',
    }));
    byUser.set(
      userId,
      evaluateCompletion(certificate.rule, {
        quizzes: standings,
        assignments: assignments.get(userId) ?? [],
      }),
    );
  }
  return { course, certificate, byUser };
}
