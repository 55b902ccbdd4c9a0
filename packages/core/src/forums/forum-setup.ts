import {
  findCourseById,
  insertForumsIfMissing,
  listForumsOfCohort,
  listGroupsOfCohort,
  newId,
  type CohortRow,
  type Database,
  type ForumRow,
  type Kysely,
} from '@labmig/db';
import { courseDefinitionOf } from '../content/course.stored.ts';
import type { Course } from '../content/course.types.ts';

/** Display order: announcements, general, Q&A, then forums staff add, modules, groups. */
const POSITION = { announcements: 0, general: 1, qa: 2, custom: 50, module: 100, group: 1000 } as const;

/** The cohort's course definition (modules and their forum prompts), or null when the course row is gone. */
export async function courseOfCohort(db: Kysely<Database>, cohort: CohortRow): Promise<Course | null> {
  const row = await findCourseById(db, cohort.course_id);
  return row ? courseDefinitionOf(row) : null;
}

/**
 * Makes sure a cohort has its standard forums — announcements, general discussion, Q&A, one per module of its
 * course and one private forum per group — and returns all its forums in display order. Safe to run from several
 * requests at once (each slot is unique per cohort; an insert that finds it taken does nothing).
 */
export async function ensureCohortForums(
  db: Kysely<Database>,
  cohort: CohortRow,
  course: Course | null,
  at: string,
): Promise<ForumRow[]> {
  const existing = await listForumsOfCohort(db, cohort.id);
  const have = new Set(existing.map((f) => f.slot));
  const groups = await listGroupsOfCohort(db, cohort.id);
  const row = (slot: string, kind: ForumRow['kind'], position: number, extra: Partial<ForumRow> = {}) => ({
    id: newId(),
    cohort_id: cohort.id,
    slot,
    kind,
    module_id: null,
    group_id: null,
    title: null,
    intro: null,
    group_mode: 'none' as const,
    position,
    created_at: at,
    updated_at: at,
    ...extra,
  });
  const wanted = [
    row('announcements', 'announcements', POSITION.announcements),
    row('general', 'general', POSITION.general),
    row('qa', 'qa', POSITION.qa),
    ...(course?.modules ?? []).map((m) =>
      row(`module:${m.id}`, 'module', POSITION.module + m.number, { module_id: m.id }),
    ),
    ...groups.map((g, i) => row(`group:${g.id}`, 'group', POSITION.group + i, { group_id: g.id })),
  ].filter((f) => !have.has(f.slot));
  if (wanted.length === 0) return existing;
  await insertForumsIfMissing(db, wanted);
  return listForumsOfCohort(db, cohort.id);
}

/** The position of a forum staff add (after the standard ones, before the module forums). */
export const CUSTOM_FORUM_POSITION = POSITION.custom;
