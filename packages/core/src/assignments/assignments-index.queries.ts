import type { Actor } from '../access/actor.ts';
import { can } from '../access/can.ts';
import { loadCohortAccess } from '../access/membership.ts';
import type { App } from '../app/app.ts';
import type { Locale } from '../errors/error-messages.ts';
import { loadAssignmentsContext } from './assignment-context.ts';
import { assignmentPaths } from './assignment-paths.ts';
import { getStaffAssignments, type WorkloadScope } from './grading/workload.queries.ts';
import {
  getLearnerAssignments,
  learnerAssignmentsOf,
  type LearnerAssignmentsDto,
} from './work/assignment-page.queries.ts';

/** The assignments page of a cohort: the staff list with the workload, or the learner's own list. */
export type AssignmentsIndexDto =
  | { readonly view: 'staff'; readonly list: Awaited<ReturnType<typeof getStaffAssignments>> }
  | { readonly view: 'learner'; readonly list: LearnerAssignmentsDto };

/**
 * The cohort's assignments as the actor may see them: tutors, managers and site admins get the workload per
 * assignment (for the groups they follow, or everyone); learners with a place get their own list.
 * @throws UnauthenticatedError, NotFoundError `cohort.not_found`, ForbiddenError
 */
export async function getAssignmentsIndex(
  app: App,
  actor: Actor,
  cohortId: string,
  scope: WorkloadScope,
  locale: Locale,
): Promise<AssignmentsIndexDto> {
  const { access } = await loadCohortAccess(app.db, actor, cohortId);
  if (can(actor, 'assignment.workload', access))
    return { view: 'staff', list: await getStaffAssignments(app, actor, cohortId, scope, locale) };
  return { view: 'learner', list: await getLearnerAssignments(app, actor, cohortId, locale) };
}

/** What the course home shows of assignments: the link, and for learners what is still required. */
export interface AssignmentsHomeDto {
  readonly href: string;
  readonly stillRequired: LearnerAssignmentsDto['stillRequired'];
  readonly missingGroup: boolean;
}

/**
 * The assignments part of the course home, or null for people who may not see the cohort's assignments (or when
 * the course has none). Learners get what is still required, soonest due first.
 */
export async function getAssignmentsHome(
  app: App,
  actor: Actor,
  cohortId: string,
  locale: Locale,
): Promise<AssignmentsHomeDto | null> {
  if (actor.kind !== 'user') return null;
  const { access } = await loadCohortAccess(app.db, actor, cohortId);
  if (!can(actor, 'assignment.list', access)) return null;
  const ctx = await loadAssignmentsContext(app.db, actor, cohortId);
  if (ctx.assignments.length === 0) return null;
  const href = assignmentPaths(cohortId).list;
  if (can(actor, 'assignment.workload', access)) return { href, stillRequired: [], missingGroup: false };
  const list = await learnerAssignmentsOf(app.db, ctx, locale, app.clock.now());
  return { href, stillRequired: list.stillRequired, missingGroup: list.missingGroup };
}
