import {
  listExtensions,
  listGradeVersions,
  listGroupMembersOfCohort,
  listGroupsOfCohort,
  listRosterRows,
  listSubmissionsOfCohort,
  type AssignmentExtensionRow,
  type AssignmentGradeVersionRow,
  type AssignmentSubmissionRow,
  type Database,
  type Kysely,
} from '@labmig/db';
import type { Actor } from '../../access/actor.ts';
import { assertCan } from '../../access/can.ts';
import type { App } from '../../app/app.ts';
import type { Locale } from '../../errors/error-messages.ts';
import {
  loadAssignmentsContext,
  requireAssignment,
  type AssignmentsContext,
  type CohortAssignment,
} from '../assignment-context.ts';
import { assignmentPaths } from '../assignment-paths.ts';
import type { MarkingState } from './marking-workflow.rules.ts';
import type { WorkloadCategory } from '../submission/assignment-status.rules.ts';
import {
  assignmentInfoOf,
  type AssignmentInfoDto,
  type AssignmentStaffItemDto,
} from '../work/assignment.present.ts';
import { ownerKeyOf, workStateOf, type WorkOwner, type WorkState } from '../work/work-state.ts';

/** Whose work a tutor looks at: the groups they follow (when they follow any), or everyone. */
export type WorkloadScope = 'mine' | 'all';

/** One learner's or group's work on an assignment, as a tutor's workload lists it. */
export interface WorkloadRowDto {
  readonly ownerKey: string;
  readonly name: string;
  /** Group assignments: the members' names. */
  readonly members: readonly string[];
  readonly group: string | null;
  readonly category: WorkloadCategory;
  readonly status: 'none' | 'draft' | 'submitted';
  readonly attempt: number;
  readonly submittedAt: string | null;
  readonly late: boolean;
  readonly marking: MarkingState;
  /** The grade of the latest version (staff see grades before release). */
  readonly grade: number | null;
  readonly releasedGrade: number | null;
  readonly extendedTo: string | null;
  readonly dueAt: string;
  /** The grading page, once something was saved. */
  readonly href: string | null;
}

/** An assignment's submissions for staff. */
export interface AssignmentWorkloadDto {
  readonly cohort: { readonly id: string; readonly title: string; readonly timeZone: string };
  readonly assignment: AssignmentInfoDto;
  readonly scope: WorkloadScope;
  /** The tutor follows groups, so `mine` is meaningful. */
  readonly followsGroups: boolean;
  readonly rows: readonly WorkloadRowDto[];
  readonly counts: { readonly [K in Exclude<WorkloadCategory, 'none'>]: number };
  /** Grades marked ready, that "release all" would release. */
  readonly ready: number;
  /** Learners with no group while this is a group assignment (they cannot hand in). */
  readonly withoutGroup: readonly string[];
  readonly links: { readonly list: string; readonly assignment: string; readonly gradebookXlsx: string };
}

interface CohortWork {
  readonly submissions: readonly AssignmentSubmissionRow[];
  readonly versions: readonly AssignmentGradeVersionRow[];
  readonly extensions: readonly AssignmentExtensionRow[];
  readonly learners: readonly { readonly id: string; readonly name: string; readonly active: boolean }[];
  readonly groups: readonly {
    readonly id: string;
    readonly name: string;
    readonly members: readonly string[];
  }[];
  readonly tutorGroups: readonly string[];
}

async function loadCohortWork(db: Kysely<Database>, ctx: AssignmentsContext): Promise<CohortWork> {
  const submissions = await listSubmissionsOfCohort(db, ctx.cohort.id);
  const roster = await listRosterRows(db, ctx.cohort.id);
  const members = await listGroupMembersOfCohort(db, ctx.cohort.id);
  const groups = await listGroupsOfCohort(db, ctx.cohort.id);
  return {
    submissions,
    versions: await listGradeVersions(
      db,
      submissions.map((s) => s.id),
    ),
    extensions: await listExtensions(db, ctx.cohort.id),
    learners: roster
      .filter((r) => r.role === 'learner' && (r.status === 'active' || r.status === 'withdrawn'))
      .map((r) => ({ id: r.user_id, name: r.name, active: r.status === 'active' })),
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      members: members.filter((m) => m.group_id === g.id).map((m) => m.user_id),
    })),
    // A group's tutor is `groups.tutor_user_id`.
    tutorGroups: groups.filter((g) => g.tutor_user_id === ctx.actor.userId).map((g) => g.id),
  };
}

/** One owner's state on one assignment from the cohort's loaded work. */
export function ownerState(
  work: CohortWork,
  ctx: AssignmentsContext,
  a: CohortAssignment,
  owner: WorkOwner,
  now: Date,
): WorkState & { extension: AssignmentExtensionRow | undefined } {
  const key = ownerKeyOf(owner);
  const submissions = work.submissions.filter((s) => s.assignment_id === a.id && s.owner_key === key);
  const extension = work.extensions.find((e) => e.assignment_id === a.id && e.owner_key === key);
  const state = workStateOf({
    definition: a.definition,
    cohort: ctx.cohort,
    submissions,
    versions: work.versions.filter((v) => submissions.some((s) => s.id === v.submission_id)),
    extension: extension ? new Date(extension.due_at) : null,
    now,
  });
  return { ...state, extension };
}

/** The owners of an assignment's work in scope: learners (individual) or groups, filtered to the tutor's groups. */
function ownersOf(work: CohortWork, a: CohortAssignment, scope: WorkloadScope) {
  const mine = scope === 'mine' && work.tutorGroups.length > 0;
  const inScope = (groupId: string | null) =>
    !mine || (groupId !== null && work.tutorGroups.includes(groupId));
  const groupOf = (userId: string) => work.groups.find((g) => g.members.includes(userId)) ?? null;
  const nameOf = (userId: string) => work.learners.find((l) => l.id === userId)?.name ?? '';
  if (a.definition.kind === 'individual')
    return work.learners
      .filter((l) => inScope(groupOf(l.id)?.id ?? null))
      .map((l) => ({
        owner: { kind: 'user', userId: l.id } as WorkOwner,
        name: l.name,
        members: [] as string[],
        group: groupOf(l.id)?.name ?? null,
      }));
  return work.groups
    .filter((g) => inScope(g.id))
    .map((g) => ({
      owner: { kind: 'group', groupId: g.id } as WorkOwner,
      name: g.name,
      members: g.members.map(nameOf).sort(),
      group: g.name,
    }));
}

function rowsOf(
  work: CohortWork,
  ctx: AssignmentsContext,
  a: CohortAssignment,
  scope: WorkloadScope,
  now: Date,
): WorkloadRowDto[] {
  const paths = assignmentPaths(ctx.cohort.id);
  return ownersOf(work, a, scope).map(({ owner, name, members, group }) => {
    const state = ownerState(work, ctx, a, owner, now);
    const current = state.current;
    const latest = current?.versions[current.versions.length - 1] ?? null;
    return {
      ownerKey: ownerKeyOf(owner),
      name,
      members,
      group,
      category: state.workload,
      status: current?.row.status ?? 'none',
      attempt: current?.row.attempt ?? 1,
      submittedAt: current?.row.submitted_at ?? null,
      late: current?.row.late === 1,
      marking: current?.marking ?? 'not-started',
      grade: latest?.grade ?? null,
      releasedGrade: current?.released?.grade ?? null,
      extendedTo: state.extension?.due_at ?? null,
      dueAt: state.window.dueAt.toISOString(),
      href: current && current.row.status === 'submitted' ? paths.grade(a.key, current.row.id) : null,
    };
  });
}

const countsOf = (rows: readonly WorkloadRowDto[]) => ({
  'to-grade': rows.filter((r) => r.category === 'to-grade').length,
  graded: rows.filter((r) => r.category === 'graded').length,
  overdue: rows.filter((r) => r.category === 'overdue').length,
});

/** Orders the workload: work to grade first (oldest hand-in first), then overdue, then graded, then the rest. */
const ORDER: Readonly<Record<WorkloadCategory, number>> = { 'to-grade': 0, overdue: 1, graded: 2, none: 3 };

/**
 * The submissions of one assignment for a tutor: to grade, graded and overdue, for the groups the tutor follows
 * (`mine`, when they follow any) or for everyone (`all`); what "release all" would release.
 * @throws access errors (staff only), NotFoundError `assignment.not_found`
 */
export async function getAssignmentWorkload(
  app: App,
  actor: Actor,
  ref: { readonly cohortId: string; readonly key: string },
  scope: WorkloadScope,
  locale: Locale,
): Promise<AssignmentWorkloadDto> {
  const ctx = await loadAssignmentsContext(app.db, actor, ref.cohortId);
  assertCan(ctx.actor, 'assignment.workload', ctx.access);
  const a = requireAssignment(ctx, ref.key);
  const work = await loadCohortWork(app.db, ctx);
  const rows = rowsOf(work, ctx, a, scope, app.clock.now()).sort(
    (x, y) =>
      ORDER[x.category] - ORDER[y.category] ||
      (x.submittedAt ?? '').localeCompare(y.submittedAt ?? '') ||
      x.name.localeCompare(y.name),
  );
  const paths = assignmentPaths(ctx.cohort.id);
  const grouped = new Set(work.groups.flatMap((g) => g.members));
  return {
    cohort: { id: ctx.cohort.id, title: ctx.cohort.title, timeZone: ctx.cohort.time_zone },
    assignment: assignmentInfoOf(a, locale),
    scope: scope === 'mine' && work.tutorGroups.length > 0 ? 'mine' : 'all',
    followsGroups: work.tutorGroups.length > 0,
    rows,
    counts: countsOf(rows),
    ready: rows.filter((r) => r.marking === 'ready').length,
    withoutGroup:
      a.definition.kind === 'group'
        ? work.learners
            .filter((l) => l.active && !grouped.has(l.id))
            .map((l) => l.name)
            .sort()
        : [],
    links: { list: paths.list, assignment: paths.assignment(a.key), gradebookXlsx: paths.gradebookXlsx },
  };
}

/**
 * Every assignment of a cohort with its workload counts, for staff (the groups the tutor follows, when any).
 * @throws access errors (staff only)
 */
export async function getStaffAssignments(
  app: App,
  actor: Actor,
  cohortId: string,
  scope: WorkloadScope,
  locale: Locale,
): Promise<{
  readonly cohort: AssignmentWorkloadDto['cohort'];
  readonly followsGroups: boolean;
  readonly scope: WorkloadScope;
  readonly assignments: readonly AssignmentStaffItemDto[];
}> {
  const ctx = await loadAssignmentsContext(app.db, actor, cohortId);
  assertCan(ctx.actor, 'assignment.workload', ctx.access);
  const work = await loadCohortWork(app.db, ctx);
  const now = app.clock.now();
  const paths = assignmentPaths(ctx.cohort.id);
  return {
    cohort: { id: ctx.cohort.id, title: ctx.cohort.title, timeZone: ctx.cohort.time_zone },
    followsGroups: work.tutorGroups.length > 0,
    scope: scope === 'mine' && work.tutorGroups.length > 0 ? 'mine' : 'all',
    assignments: ctx.assignments.map((a) => ({
      ...assignmentInfoOf(a, locale),
      href: paths.assignment(a.key),
      submissionsHref: paths.submissions(a.key),
      counts: countsOf(rowsOf(work, ctx, a, scope, now)),
    })),
  };
}

export { loadCohortWork, type CohortWork };
