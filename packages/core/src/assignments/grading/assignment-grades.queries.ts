import {
  findCohortById,
  listAssignmentDefinitions,
  listExtensions,
  listGradeVersions,
  listGroupMembersOfCohort,
  listSubmissionsOfCohort,
  type CohortRow,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { Locale } from '../../errors/error-messages.ts';
import { NotFoundError } from '../../errors/domain-errors.ts';
import { assignmentOf } from '../assignment-context.ts';
import { assignmentPaths } from '../assignment-paths.ts';
import type { AssignmentStatus } from '../submission/assignment-status.rules.ts';
import { ownerKeyOf, personalGrade, workStateOf, type WorkOwner } from '../work/work-state.ts';

/** One assignment as a gradebook column. */
export interface AssignmentColumnDto {
  readonly key: string;
  readonly title: string;
  readonly week: number;
  readonly kind: 'individual' | 'group';
  readonly final: boolean;
  readonly maxGrade: number;
  readonly passMark: number;
  readonly href: string;
}

/** One learner's standing in one assignment, as a gradebook cell: only released grades count. */
export interface AssignmentCellDto {
  readonly key: string;
  /** The released grade (the learner's own, with their adjustment, for group work); null before release. */
  readonly grade: number | null;
  readonly passed: boolean;
  /** A complete grade was marked ready or released for the current attempt (the learner may not see it yet). */
  readonly graded: boolean;
  /** A grade is released (visible to the learner). */
  readonly released: boolean;
  readonly status: AssignmentStatus;
  readonly late: boolean;
}

/** The assignment columns of a cohort and every listed learner's cells. */
export interface AssignmentGrades {
  readonly columns: readonly AssignmentColumnDto[];
  /** User id → cells, in column order. */
  readonly cells: ReadonlyMap<string, readonly AssignmentCellDto[]>;
}

/**
 * The assignments of a cohort as gradebook columns, with each learner's cell at `now`. No authorization here: the
 * gradebook queries that call it have asserted `gradebook.own` or `gradebook.cohort` already (assessment/gradebook
 * calls assignments, never the other way round).
 */
export async function loadAssignmentGrades(
  db: Kysely<Database>,
  cohort: CohortRow,
  userIds: readonly string[],
  now: Date,
  locale: Locale = 'en',
): Promise<AssignmentGrades> {
  const assignments = (await listAssignmentDefinitions(db, cohort.course_id)).map(assignmentOf);
  const paths = assignmentPaths(cohort.id);
  const submissions = await listSubmissionsOfCohort(db, cohort.id);
  const versions = await listGradeVersions(
    db,
    submissions.map((s) => s.id),
  );
  const extensions = await listExtensions(db, cohort.id);
  const groupOf = new Map(
    (await listGroupMembersOfCohort(db, cohort.id)).map((m) => [m.user_id, m.group_id]),
  );
  const cells = new Map<string, AssignmentCellDto[]>();
  for (const userId of userIds) {
    cells.set(
      userId,
      assignments.map((a) => {
        const groupId = groupOf.get(userId);
        const owner: WorkOwner | null =
          a.definition.kind === 'individual'
            ? { kind: 'user', userId }
            : groupId
              ? { kind: 'group', groupId }
              : null;
        const key = owner ? ownerKeyOf(owner) : '';
        const own = owner ? submissions.filter((s) => s.assignment_id === a.id && s.owner_key === key) : [];
        const extension = extensions.find((e) => e.assignment_id === a.id && e.owner_key === key);
        const state = workStateOf({
          definition: a.definition,
          cohort,
          submissions: own,
          versions: versions.filter((v) => own.some((s) => s.id === v.submission_id)),
          extension: extension ? new Date(extension.due_at) : null,
          now,
          ...(a.definition.kind === 'group' ? { forUser: userId } : {}),
        });
        const released = [...state.attempts].reverse().find((t) => t.released)?.released ?? null;
        const personal = personalGrade(a.definition, released, userId);
        const marking = state.current?.marking ?? 'not-started';
        return {
          key: a.key,
          grade: personal?.grade ?? null,
          passed: state.status === 'passed',
          graded: marking === 'ready' || marking === 'released' || released !== null,
          released: released !== null,
          status: state.status,
          late: state.current?.row.late === 1,
        };
      }),
    );
  }
  return {
    columns: assignments.map((a) => ({
      key: a.key,
      title: locale === 'fr' && a.definition.fr ? a.definition.fr.title : a.definition.title,
      week: a.definition.week,
      kind: a.definition.kind,
      final: a.definition.final,
      maxGrade: a.definition.grading.maxGrade,
      passMark: a.definition.grading.passMark,
      href: paths.assignment(a.key),
    })),
    cells,
  };
}

/** One assignment's result for one learner, for features that build on assignments (certificates). */
export interface AssignmentResult {
  readonly title: string;
  /** The final assignment (the Certificate of Achievement requires it passed). */
  readonly final: boolean;
  readonly passed: boolean;
  readonly graded: boolean;
  readonly released: boolean;
  /** The released grade, null before release. */
  readonly grade: number | null;
}

/**
 * Per assignment key, whether a learner's work (theirs, or their group's with their own adjustment) is graded,
 * released and passed, at `now`. Only released grades count as passed. No authorization: the caller (e.g. the
 * certificate issuer) decides who may learn this. The final assignment has `final: true`.
 * @throws NotFoundError `cohort.not_found`
 * @example (await assignmentResults(db, cohortId, userId))['final-statistical-note']?.passed
 */
export async function assignmentResults(
  db: Kysely<Database>,
  cohortId: string,
  userId: string,
  now: Date = new Date(),
): Promise<Readonly<Record<string, AssignmentResult>>> {
  const cohort = await findCohortById(db, cohortId);
  if (!cohort) throw new NotFoundError('cohort.not_found');
  const { columns, cells } = await loadAssignmentGrades(db, cohort, [userId], now);
  const mine = cells.get(userId) ?? [];
  const out: Record<string, AssignmentResult> = {};
  columns.forEach((c, i) => {
    const cell = mine[i];
    out[c.key] = {
      title: c.title,
      final: c.final,
      passed: cell.passed,
      graded: cell.graded,
      released: cell.released,
      grade: cell.grade,
    };
  });
  return out;
}
