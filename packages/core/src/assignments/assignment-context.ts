import {
  findCourseById,
  findGroup,
  listAssignmentDefinitions,
  type AssignmentDefinitionRow,
  type CohortRow,
  type Database,
  type GroupRow,
  type Kysely,
} from '@labmig/db';
import type { Actor, UserActor } from '../access/actor.ts';
import { assertCan } from '../access/can.ts';
import { loadGroupRelations, type GroupRelations } from '../access/group-access.ts';
import { loadCohortAccess, type CohortAccess } from '../access/membership.ts';
import { membershipIn } from '../access/membership.rules.ts';
import { courseDefinitionOf } from '../content/course.stored.ts';
import type { Course } from '../content/course.types.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import { parseStoredJson } from '../shared/stored-json.ts';
import type { AssignmentDefinition } from './definition/assignment-definition.ts';
import { storedAssignmentDefinitionSchema } from './definition/assignment.stored.ts';

/** An assignment of a cohort's course: its row id and its definition. */
export interface CohortAssignment {
  readonly id: string;
  readonly key: string;
  readonly definition: AssignmentDefinition;
}

/** A cohort's assignments as a query or command sees them, after `assignment.list` was allowed. */
export interface AssignmentsContext {
  readonly actor: UserActor;
  readonly cohort: CohortRow;
  /** The actor's membership of the cohort. */
  readonly access: CohortAccess;
  /** The actor's group relations in the cohort (for decisions on group work). */
  readonly groups: GroupRelations | null;
  readonly course: Course;
  readonly assignments: readonly CohortAssignment[];
  /** The actor's own group in the cohort (learners), or null. */
  readonly group: GroupRow | null;
}

/** Parses a stored assignment definition row. */
export function assignmentOf(row: AssignmentDefinitionRow): CohortAssignment {
  return {
    id: row.id,
    key: row.assignment_key,
    definition: parseStoredJson(
      storedAssignmentDefinitionSchema,
      row.definition,
      `assignment ${row.assignment_key}`,
    ),
  };
}

/**
 * Loads a cohort with the actor's membership and group, asserts `assignment.list` (staff, and learners who got a
 * place), then the course and its assignments in course order.
 * @throws UnauthenticatedError; NotFoundError `cohort.not_found` for people outside the cohort; ForbiddenError
 */
export async function loadAssignmentsContext(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
): Promise<AssignmentsContext> {
  const loaded = await loadCohortAccess(db, actor, cohortId);
  assertCan(actor, 'assignment.list', loaded.access, { hidden: 'cohort.not_found' });
  const { cohort } = loaded;
  const own = membershipIn(actor, loaded.access);
  const groups = await loadGroupRelations(db, actor, cohort.id);
  const group =
    own?.role === 'learner' && groups?.memberOf
      ? ((await findGroup(db, cohort.id, groups.memberOf)) ?? null)
      : null;
  const courseRow = await findCourseById(db, cohort.course_id);
  if (!courseRow) throw new NotFoundError('course.not_found');
  const rows = await listAssignmentDefinitions(db, cohort.course_id);
  return {
    actor,
    cohort,
    access: loaded.access,
    groups,
    course: courseDefinitionOf(courseRow),
    assignments: rows.map(assignmentOf),
    group,
  };
}

/** An assignment of the context by key (NotFoundError `assignment.not_found`). */
export function requireAssignment(ctx: AssignmentsContext, key: string): CohortAssignment {
  const found = ctx.assignments.find((a) => a.key === key);
  if (!found) throw new NotFoundError('assignment.not_found');
  return found;
}
