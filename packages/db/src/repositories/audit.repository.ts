import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { AuditEventTable, Database } from '../database.types.ts';

/** A stored audit event. */
export type AuditEventRow = Selectable<AuditEventTable>;

/** Records one audit event (call it with the transaction of the change it records). */
export async function insertAuditEvent(
  db: Kysely<Database>,
  row: Insertable<AuditEventTable>,
): Promise<void> {
  await db.insertInto('audit_events').values(row).execute();
}

/** Which audit events to list; every field narrows the list. */
export interface AuditFilter {
  /** Only events of these cohorts (an empty list matches nothing). */
  readonly cohortIds?: readonly string[];
  /** Only events made by or about this person. */
  readonly personUserId?: string;
  readonly action?: string;
  readonly limit: number;
  readonly offset: number;
}

function filtered(db: Kysely<Database>, filter: Omit<AuditFilter, 'limit' | 'offset'>) {
  let query = db.selectFrom('audit_events as a');
  if (filter.cohortIds !== undefined)
    query =
      filter.cohortIds.length === 0
        ? query.where(sql<boolean>`1 = 0`)
        : query.where('a.cohort_id', 'in', filter.cohortIds);
  if (filter.personUserId !== undefined) {
    const id = filter.personUserId;
    query = query.where((eb) => eb.or([eb('a.person_user_id', '=', id), eb('a.actor_user_id', '=', id)]));
  }
  if (filter.action !== undefined) query = query.where('a.action', '=', filter.action);
  return query;
}

/**
 * Audit events, newest first, with the names of the actor, the person and the cohort, and how many match in all.
 */
export async function listAuditEvents(db: Kysely<Database>, filter: AuditFilter) {
  const total = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  const rows = await filtered(db, filter)
    .leftJoin('users as actor', 'actor.id', 'a.actor_user_id')
    .leftJoin('users as person', 'person.id', 'a.person_user_id')
    .leftJoin('cohorts as c', 'c.id', 'a.cohort_id')
    .selectAll('a')
    .select([
      'actor.name as actor_name',
      'actor.email as actor_email',
      'person.name as person_name',
      'person.email as person_email',
      'c.title as cohort_title',
    ])
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}
